"""Sync throughput: 1,000 complete sessions (each a session, a recording, a transcript, an
evaluation and four events: 8,000 documents) from the local store to the test MongoDB server,
against a plain `insert_many` of the same documents on the same server in the same run.

    .venv/bin/python benchmarks/sync_throughput.py [--sessions 1000] [--rounds 3]

Each round syncs into a fresh database and inserts into another fresh one. The relay's time
includes what a real pass does: creating the seed's indexes, reading the outbox, writing with
w=majority and j=true, marking entries done locally (fsync'd), and looking every document up
in MongoDB afterwards. The baseline is `insert_many` with its default write concern into the
same collections with the seed's indexes (and, for reference, into bare collections).
Target: relay / plain insert_many at most 2x."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pymongo import MongoClient  # noqa: E402

from speakcheck_desktop.core.records import COLLECTIONS  # noqa: E402
from speakcheck_desktop.remote.mongo_mirror import MongoMirror  # noqa: E402
from speakcheck_desktop.remote.outbox_relay import OutboxRelay  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from speakcheck_desktop.store.outbox import decode_document  # noqa: E402
from tests.factories import complete_session  # noqa: E402
from tests.mongo_server import MongoTestServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, MongoTestServer(Path(tmp) / "mongo") as server:
        client = MongoClient(server.uri, tz_aware=True)
        relay_s, plain_s, plain_bare_s = [], [], []
        for round_no in range(args.rounds):
            store = LocalStore.open(Path(tmp) / f"round{round_no}" / "speakcheck.db")
            for i in range(args.sessions):
                complete_session(store, ("A2", "B1", "B2", "C1")[i % 4])
            docs = {c: [decode_document(d) for (d,) in store.conn.execute(f"SELECT doc FROM {c}")]
                    for c in COLLECTIONS}
            total = sum(len(v) for v in docs.values())

            db_name = f"bench_{uuid.uuid4().hex[:8]}"
            mirror = MongoMirror(server.uri, db_name)
            start = time.perf_counter()
            report = OutboxRelay(store, mirror).run_pass()
            relay_s.append(time.perf_counter() - start)
            assert report.ok and sum(report.pushed.values()) == total, report.summary()
            assert sum(client[db_name][c].count_documents({}) for c in COLLECTIONS) == total
            mirror.close()

            # The baseline writes into the same schema: the seed's indexes exist, as they do in
            # the app's database from the first sync on.
            for sink, indexed in ((plain_s, True), (plain_bare_s, False)):
                db = client[f"plain_{uuid.uuid4().hex[:8]}"]
                if indexed:
                    MongoMirror(server.uri, db.name).ensure_indexes()
                start = time.perf_counter()
                for c in COLLECTIONS:
                    if docs[c]:
                        db[c].insert_many(docs[c], ordered=False)
                sink.append(time.perf_counter() - start)
                client.drop_database(db.name)
            client.drop_database(db_name)
            store.close()
            print(f"round {round_no + 1}: relay {relay_s[-1]:.2f} s, insert_many {plain_s[-1]:.2f} s, "
                  f"insert_many without indexes {plain_bare_s[-1]:.2f} s, for {total} documents")

        relay, plain, bare = (statistics.median(x) for x in (relay_s, plain_s, plain_bare_s))
        print(f"median: relay {total / relay:,.0f} docs/s; plain insert_many {total / plain:,.0f} docs/s; "
              f"ratio {relay / plain:.2f}x (against collections without indexes: {relay / bare:.2f}x)")
        client.close()


if __name__ == "__main__":
    main()
