"""Every document of each seed collection, sorted by `_id`: from a MongoDB database (`dump`) and
from a local store's tables (`local_docs`), so that a test can say the two hold the same."""

from speakcheck_desktop.core.records import COLLECTIONS
from speakcheck_desktop.store.local_store import LocalStore


def dump(db) -> dict[str, list[dict]]:
    return {c: sorted(db[c].find(), key=lambda d: d["_id"]) for c in COLLECTIONS}


def local_docs(store: LocalStore) -> dict[str, list[dict]]:
    from speakcheck_desktop.store.outbox import decode_document
    return {c: sorted((decode_document(d) for (d,) in store._conn.execute(f"SELECT doc FROM {c}")),
                      key=lambda d: d["_id"]) for c in COLLECTIONS}
