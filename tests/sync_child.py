"""Run one sync pass in this process and SIGKILL it at a chosen step (the test's crash).

usage: python -m tests.sync_child DB_PATH MONGODB_URI DB_NAME STEP NTH BATCH_SIZE
Exits 3 if the step never came (so the test can tell a missed kill from a crash)."""

import os
import signal
import sys
from pathlib import Path

from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.store.local_store import LocalStore


def main() -> int:
    db_path, uri, db_name, step, nth, batch_size = sys.argv[1:]
    seen = 0

    def on_step(name: str) -> None:
        nonlocal seen
        if name == step:
            seen += 1
            if seen == int(nth):
                os.kill(os.getpid(), signal.SIGKILL)

    store = LocalStore.open(Path(db_path))
    OutboxRelay(store, MongoMirror(uri, db_name), batch_size=int(batch_size), on_step=on_step).run_pass()
    return 3


if __name__ == "__main__":
    sys.exit(main())
