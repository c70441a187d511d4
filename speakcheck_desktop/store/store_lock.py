"""Who has the local store open, so that `speakcheck restore` never replaces it under them.

Every LocalStore holds a shared lock on `store.lock` in the data dir from `open` to `close` (the
app's store and AI lanes, its sync loop, every `speakcheck` command); a restore takes the same
lock exclusively, and only while nobody else holds it. Like store/sync_lock.py it is an OS lock
(`flock`): the OS drops it when its process ends, even by SIGKILL or a power cut, so a crashed app
never blocks a restore and there is no stale lock to clean up. The file stays empty: with many
holders there is no one process to name.

On Windows there are no shared locks of this kind (`msvcrt.locking` is exclusive); there the
store's open database file itself cannot be renamed while SQLite holds it, and the restore's
first rename fails before anything was changed (store/backup.py says the same sentence then).
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import IO

from speakcheck_desktop.store.database import StoreError

log = logging.getLogger(__name__)

LOCK_NAME = "store.lock"

# How long opening the store waits for a restore that is replacing it: the restore checks the
# archive before it takes the lock, and holds it only to compare and rename, a matter of seconds.
OPEN_WAIT_S = 30.0


class StoreInUse(Exception):
    """The store is open elsewhere (the app, a sync, a command): a restore must not replace it."""


class StoreLock:
    """One hold on `store.lock`: `shared()` for a LocalStore, `exclusive()` for a restore.
    `release()` (idempotent) gives it back. A file object, not a bare descriptor: a store that
    is dropped without `close()` still lets go of its lock when it is collected."""

    def __init__(self, file: IO[bytes] | None):
        self._file = file

    @classmethod
    def shared(cls, data_dir: Path, poll_s: float = 0.1) -> StoreLock:
        """Held while the store is open; waits up to OPEN_WAIT_S for a restore to finish. A
        folder where the lock file cannot be made (read-only, say) gives no lock rather than no
        store: a restore could not write there either."""
        file = _open_lock_file(data_dir)
        if file is None:
            return cls(None)
        deadline = time.monotonic() + OPEN_WAIT_S
        while not _try_lock(file, exclusive=False):
            if time.monotonic() >= deadline:
                file.close()
                raise StoreError(f"A restore is replacing the local store in {data_dir}: wait until "
                                 f"`speakcheck restore` has finished, then start again.")
            time.sleep(poll_s)
        return cls(file)

    @classmethod
    def exclusive(cls, data_dir: Path) -> StoreLock:
        """Held while a restore compares and replaces the store; StoreInUse at once when anyone
        has it open."""
        file = _open_lock_file(data_dir)
        if file is None:
            raise StoreError(f"The store lock {data_dir / LOCK_NAME} cannot be made: check that the data folder "
                             f"may be written to. Nothing was restored.")
        if not _try_lock(file, exclusive=True):
            file.close()
            raise StoreInUse(str(data_dir))
        return cls(file)

    def release(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            file.close()  # closing the file releases its lock


def _open_lock_file(data_dir: Path) -> IO[bytes] | None:
    path = data_dir / LOCK_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return open(path, "ab")  # made if missing, never emptied; only locked, never written
    except OSError as exc:
        log.warning("No store lock at %s: %s", path, exc)
        return None


if sys.platform == "win32":
    def _try_lock(file: IO[bytes], *, exclusive: bool) -> bool:
        return True  # see the module docstring: the open database file guards itself there
else:
    import fcntl

    def _try_lock(file: IO[bytes], *, exclusive: bool) -> bool:
        try:
            fcntl.flock(file.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
