"""Sync in the background: the OutboxRelay's loop on a thread of its own (it runs until quit, so
it is a plain thread, not a lane of tasks), its state as a signal; a lane for connection tests and
one for fetching recordings from GridFS, so a long download never holds up "Test connection"."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bson import ObjectId
from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.config import ConfigError, check_mongodb_uri, redact_uri
from speakcheck_desktop.remote.gridfs_audio import AudioFileProblem
from speakcheck_desktop.remote.mongo_mirror import MongoMirror, MongoNeedsAttention, MongoUnavailable
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.remote.sync_status import SyncState, SyncStatus
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import TaskLane
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.local_store import LocalStore

log = logging.getLogger(__name__)

PURGE_EVERY_S = 10.0


class SyncService(QObject):
    status_changed = Signal(object)  # SyncStatus, from the relay's thread, queued to the GUI
    purged = Signal(object)  # PurgeReport (kiosk retention), after each purge
    fetch_progress = Signal(int, int)  # bytes fetched, total: a recording coming from GridFS

    def __init__(self, store: LocalStore, mirror: MongoMirror, idle_s: float = 2.0, backoff_cap_s: float = 120.0,
                 purge_after: timedelta | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store  # a connection of its own, used only on the sync thread
        self._mirror = mirror
        self._next_mirror: MongoMirror | None = None  # new settings' MongoDB, until the sync thread switches
        self._mirror_lock = threading.Lock()
        self.relay = OutboxRelay(store, mirror, backoff_base_s=min(2.0, backoff_cap_s),
                                  backoff_cap_s=backoff_cap_s)
        self._idle_s = idle_s
        self._last: SyncStatus | None = None
        # Kiosk retention: forget what MongoDB acknowledged, `purge_after` after the session ended.
        self._purge_after = purge_after
        self._next_purge = 0.0
        self._stopped = threading.Event()
        # Signals emitted on this thread reach the GUI thread queued (their receivers live there).
        # Daemon: should a pass hang past shutdown's join, quitting still ends the process; SQLite's
        # transactions and the keyed MongoDB writes make an interrupted pass harmless.
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._check_lane = TaskLane("connection-check", self._unhandled, self)
        self._fetch_lane = TaskLane("audio-fetch", self._unhandled, self)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        """The relay's loop, kept going when the local store cannot be written (a full disk): the
        pass stops there, what it sent stays queued (sending it again is harmless: writes are keyed
        by `_id`), the state says why, and the loop tries again after its idle time."""
        while True:
            try:
                self.relay.run_forever(self._idle_s, on_tick=self._tick, before_look=self._switch_mirror)
                return
            except StoreError as exc:
                log.warning("Sync could not write to the local store: %s", exc)
                self._needs_attention(str(exc))
            except Exception as exc:  # a bug: said, logged in full, and the loop goes on after its idle time
                self._needs_attention(sentence_for(exc))
            if self._stopped.wait(self._idle_s):
                return

    def test_connection(self, uri: str, db_name: str, on_done: Callable[[str], None]) -> None:
        """Try a MongoDB connection (for the settings dialog); `on_done` gets a sentence."""
        def attempt() -> str:
            try:
                check_mongodb_uri(uri)
                mirror = MongoMirror(uri, db_name or "speak_check", timeout_s=3)
                try:
                    mirror.ping()
                finally:
                    mirror.close()
            except (ConfigError, MongoUnavailable, MongoNeedsAttention) as exc:
                return str(exc)
            return f"Connected to {redact_uri(uri)}."
        self._check_lane.submit(attempt, on_done, lambda exc: on_done(sentence_for(exc)))

    def fetch_audio(self, bucket: str, file_id: ObjectId, cache_dir: Path, on_done: Callable[[Path], None],
                    on_error: Callable[[str], None]) -> None:
        """A recording kept in GridFS, into the cache (checked whole and unchanged), off the GUI
        thread; progress on `fetch_progress`; problems as sentences."""
        dest = cache_dir / f"{file_id}.wav"

        def fetch() -> Path:
            if dest.exists():
                return dest  # checked when it was fetched
            # MongoClient is thread-safe: the relay's mirror serves this lane too.
            return self._mirror.download_audio(bucket, file_id, dest,
                                               lambda done, total: self.fetch_progress.emit(done, total))
        def failed(exc: Exception) -> None:
            if isinstance(exc, (AudioFileProblem, MongoUnavailable, MongoNeedsAttention)):
                on_error(str(exc))
            else:
                log.error("Fetching a recording from GridFS failed", exc_info=exc)
                on_error(f"The recording could not be fetched ({type(exc).__name__}).")
        self._fetch_lane.submit(fetch, on_done, failed)

    def nudge(self) -> None:
        self.relay.nudge()

    def use_mirror(self, mirror: MongoMirror) -> None:
        """Sync to another MongoDB (new settings) from the next pass, which starts at once; the
        pass under way, if any, ends with the old one. What is queued waits for the new one."""
        with self._mirror_lock:
            unused, self._next_mirror = self._next_mirror, mirror
        if unused is not None:
            unused.close()  # saved twice before the sync got to the first
        self.relay.nudge()

    def _switch_mirror(self) -> None:
        """On the sync thread, between passes."""
        with self._mirror_lock:
            mirror, self._next_mirror = self._next_mirror, None
        if mirror is None:
            return
        self._mirror = mirror  # the audio fetches use it too (MongoClient is thread-safe)
        self.relay.use_mirror(mirror).close()
        self._last = None  # say the state anew: it is another server's

    def shutdown(self) -> None:
        self._stopped.set()
        self.relay.stop()
        if self._thread.is_alive():
            self._thread.join(15)
        self._check_lane.shutdown()
        self._fetch_lane.shutdown()
        if self._thread.is_alive():
            # A pass still hung (a server that stopped answering): its connections stay open, and
            # the process ends without waiting for it (a daemon thread; every write is keyed).
            log.warning("Sync did not stop within 15 s; leaving it to end with the process")
            return
        self._mirror.close()
        if self._next_mirror is not None:
            self._next_mirror.close()
        self._store.close()

    def _needs_attention(self, problem: str) -> None:
        """Say what stopped the pass, on the sync thread. Reading the state may fail for the same
        reason the pass did (the store cannot be read): then from the last state, so the thread
        lives on and the person still hears of it."""
        try:
            status: SyncStatus | None = self.relay.status()
        except Exception:  # the store is what failed: the counts of the last state stand
            log.warning("Sync could not read its state either", exc_info=True)
            status = self._last
        self._show_problem(status, problem)

    def _unhandled(self, exc: Exception) -> None:
        """A lane task's failure that had no error callback of its own (none today): the sync
        state line says it. On the GUI thread, so from the last state, not the store."""
        self._show_problem(self._last, sentence_for(exc))

    def _show_problem(self, status: SyncStatus | None, problem: str) -> None:
        """`status` (or, with none known yet, empty counts) as needing attention, for `problem`."""
        base = status or SyncStatus(SyncState.NEEDS_ATTENTION, pending=0, dead=0, last_success=None, problem=None)
        self._show(replace(base, state=SyncState.NEEDS_ATTENTION, problem=problem))

    def _show(self, status: SyncStatus) -> bool:
        """Say the sync state when it changed; True when it did."""
        if status == self._last:
            return False
        self._last = status
        self.status_changed.emit(status)
        return True

    def _tick(self) -> None:
        if self._show(self.relay.status()):
            self._next_purge = 0.0  # something was sent (or failed): look again now
        if self._purge_after is not None and time.monotonic() >= self._next_purge:
            self._next_purge = time.monotonic() + PURGE_EVERY_S
            report = self.relay.purge_acknowledged(self._purge_after)
            if report is not None:  # None: another sync of this data dir is running; next time
                self.purged.emit(report)
