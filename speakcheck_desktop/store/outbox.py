"""The outbox: which documents still have to reach MongoDB, and what happened when they tried.

Entries are written in the same transaction as the document they stand for (see LocalStore) and
removed only after MongoDB acknowledged the write. There is no "in flight" state: an entry whose
sync was interrupted is simply still pending, and pushing it again is harmless because every
write is keyed by the document's `_id`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId, json_util
from bson.json_util import JSONMode, JSONOptions

from speakcheck_desktop.core.records import COLLECTIONS
from speakcheck_desktop.store.database import transaction

UPSERT = "upsert"
DELETE = "delete"
# Not a collection of the seed: audio files for GridFS, queued like documents. Uploads go after
# the sessions and before the recordings that point to them; deletes in the reverse order.
AUDIO = "audio"
SYNC_ORDER: tuple[str, ...] = (*COLLECTIONS[:2], AUDIO, *COLLECTIONS[2:])

_JSON = JSONOptions(json_mode=JSONMode.RELAXED, tz_aware=True, tzinfo=UTC)


def encode_document(doc: dict[str, Any]) -> str:
    return json_util.dumps(doc, json_options=_JSON)


def decode_document(text: str) -> dict[str, Any]:
    return json.loads(text, object_hook=_decode_special)


def _decode_special(obj: dict[str, Any]) -> Any:
    """The two extended-JSON types the records hold, decoded directly: json_util's general hook
    is several times slower, and sync decodes every document it sends."""
    if len(obj) == 1:
        if "$oid" in obj:
            return ObjectId(obj["$oid"])
        if "$date" in obj and isinstance(obj["$date"], str):
            return datetime.fromisoformat(obj["$date"])
    if any(key.startswith("$") for key in obj):
        return json_util.object_hook(obj, _JSON)
    return obj


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    collection: str
    doc_id: ObjectId
    op: str
    version: int
    attempts: int
    document: dict[str, Any] | None  # the current document, for upserts


@dataclass(frozen=True)
class DeadLetter:
    collection: str
    doc_id: str
    op: str
    attempts: int
    reason: str


class Outbox:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def enqueue(self, collection: str, doc_id: ObjectId, op: str, now_ms: int) -> None:
        """Call inside the transaction that changed the document. A newer write to a document that
        is already queued (or dead-lettered) replaces the entry's op and re-queues it."""
        assert collection in SYNC_ORDER and op in (UPSERT, DELETE)
        self._conn.execute(
            "INSERT INTO outbox (collection, doc_id, op, enqueued_at_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (collection, doc_id) DO UPDATE SET op = excluded.op, version = version + 1, "
            "state = 'pending', attempts = 0, last_error = NULL",
            (collection, str(doc_id), op, now_ms))

    def pending(self, collection: str, op: str, after_seq: int, limit: int) -> list[OutboxEntry]:
        """Pending entries of one collection and op, oldest first, with the current document."""
        if op == UPSERT:
            sql = (f"SELECT o.seq, o.doc_id, o.version, o.attempts, t.doc FROM outbox o "
                   f"LEFT JOIN {collection} t ON t.id = o.doc_id "
                   f"WHERE o.state = 'pending' AND o.collection = ? AND o.op = ? AND o.seq > ? "
                   f"ORDER BY o.seq LIMIT ?")
        else:
            sql = ("SELECT seq, doc_id, version, attempts, NULL FROM outbox "
                   "WHERE state = 'pending' AND collection = ? AND op = ? AND seq > ? ORDER BY seq LIMIT ?")
        rows = self._conn.execute(sql, (collection, op, after_seq, limit)).fetchall()
        return [OutboxEntry(seq, collection, ObjectId(doc_id), op, version, attempts,
                            decode_document(doc) if doc is not None else None)
                for seq, doc_id, version, attempts, doc in rows]

    def mark_done(self, entries: Iterable[OutboxEntry]) -> int:
        """Forget entries MongoDB acknowledged, unless the document changed again meanwhile."""
        with transaction(self._conn):
            cur = self._conn.executemany("DELETE FROM outbox WHERE seq = ? AND version = ?",
                                         [(e.seq, e.version) for e in entries])
        return cur.rowcount

    def mark_dead(self, entry: OutboxEntry, reason: str) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ? "
                "WHERE seq = ? AND version = ?", (reason, entry.seq, entry.version))

    def note_attempt(self, entries: Iterable[OutboxEntry], reason: str) -> None:
        """A try that failed for a passing reason: keep the entries pending, remember why."""
        with transaction(self._conn):
            self._conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ? AND version = ?",
                [(reason, e.seq, e.version) for e in entries])

    def requeue(self, items: Iterable[tuple[str, ObjectId, str]], now_ms: int) -> int:
        """Queue (collection, id, op) again, e.g. for documents a check found missing in MongoDB."""
        count = 0
        with transaction(self._conn):
            for collection, doc_id, op in items:
                self.enqueue(collection, doc_id, op, now_ms)
                count += 1
        return count

    def retry_dead(self) -> int:
        with transaction(self._conn):
            cur = self._conn.execute(
                "UPDATE outbox SET state = 'pending', attempts = 0 WHERE state = 'dead'")
        return cur.rowcount

    def waiting_ids(self, collection: str) -> set[ObjectId]:
        """Ids with an entry still pending or dead-lettered (e.g. audio not yet uploaded)."""
        return {ObjectId(r[0]) for r in self._conn.execute("SELECT doc_id FROM outbox WHERE collection = ?",
                                                           (collection,))}

    def counts(self) -> dict[str, int]:
        """Number of pending and dead entries."""
        result = {"pending": 0, "dead": 0}
        for state, n in self._conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state"):
            result[state] = n
        return result

    def dead_letters(self, limit: int = 50) -> list[DeadLetter]:
        rows = self._conn.execute(
            "SELECT collection, doc_id, op, attempts, last_error FROM outbox WHERE state = 'dead' "
            "ORDER BY seq LIMIT ?", (limit,))
        return [DeadLetter(*row) for row in rows]
