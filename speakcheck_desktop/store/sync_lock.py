"""At most one sync per data dir at a time: the app's sync loop, `speakcheck sync` typed in a
terminal, a second window. An OS lock on a file beside the database (`flock` on Linux and macOS,
`msvcrt.locking` on Windows): the OS releases it when its process ends, even by SIGKILL or a power
cut, so a crashed sync never blocks the next one and there is no stale-lock clean-up to get wrong.

The lock file holds the holder's process id, only to say who holds it."""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from speakcheck_desktop.store.database import StoreError, StoreFullError, full_disk_sentence

LOCK_NAME = "sync.lock"


class SyncBusy(Exception):
    """Another sync of the same data dir is running; the message says which process. Not a
    UserFacingError: the message is a clause ("another sync ... is running"), which each caller
    puts into a sentence of its own ("Waiting: ...", "Nothing pruned: ...; try again ...")."""


class SyncLock:
    def __init__(self, data_dir: Path):
        self.path = data_dir / LOCK_NAME

    @contextmanager
    def hold(self, wait_s: float = 0.0, poll_s: float = 0.2) -> Iterator[None]:
        """Hold the lock for the `with` block. Waits up to `wait_s` for another holder to finish,
        then raises SyncBusy."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StoreFullError(full_disk_sentence(self.path.parent)) from None
            raise StoreError(f"The sync lock {self.path} cannot be opened ({exc.strerror or exc}); "
                             f"check that the data folder may be written to.") from None
        try:
            deadline = time.monotonic() + wait_s
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    raise SyncBusy("another sync of this computer's data is running"
                                   + (f" (process {holder})" if holder else "")
                                   + "; it sends what is waiting")
                time.sleep(poll_s)
            _write_holder(fd)
            try:
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)


def _write_holder(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)  # (no pwrite/pread on Windows)
        os.write(fd, str(os.getpid()).encode())
    except OSError:
        pass  # only informational (a full disk, say): the lock itself is held


def _read_holder(fd: int) -> str | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return text if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        # Locks one byte far past the pid: Windows locks are mandatory, and the pid must stay readable.
        os.lseek(fd, 1 << 20, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 1 << 20, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
