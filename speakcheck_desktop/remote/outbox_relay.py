"""The sync engine: moves the local outbox into MongoDB, parents before children.

Guarantees, and how:
- nothing lost: an outbox entry is removed only after MongoDB acknowledged its write (majority,
  journaled), and in the same local transaction as nothing else, so a crash at any point leaves
  it pending and the next pass sends it again;
- nothing duplicated: every write is keyed by the document's device-made `_id`;
- nothing raised at the caller while MongoDB is away: a pass reports "offline" and the relay
  waits with capped exponential back-off and jitter before the next try;
- a document the server rejects for good (a validator, say) is dead-lettered with the server's
  reason and the rest keeps flowing;
- after each pass, the documents it sent are looked up in MongoDB and any that are missing are
  queued again;
- one pass at a time per data dir, across processes (store/sync_lock.py): a second sync waits or
  says that another one is running;
- audio is checked against its fingerprint from recording time before it is uploaded; audio that
  went missing or changed is never sent as the answer: its recording goes up without it, with an
  `audio_lost` event, so no document in MongoDB names a parent or a file that will never come.

What it reports (`SyncStatus`, `PassReport`, `VerifyReport`) is plain data in remote/sync_status.py,
which the UI imports without this module; the store's side of audio and retention is in
store/recording_audio.py and store/retention.py.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.clock import Clock, SystemClock, to_epoch_ms
from speakcheck_desktop.core.records import COLLECTIONS
from speakcheck_desktop.remote.gridfs_audio import AudioFileProblem
from speakcheck_desktop.remote.mongo_mirror import MongoMirror, MongoNeedsAttention, MongoUnavailable, WriteOutcome
from speakcheck_desktop.remote.sync_status import PassReport, SyncState, SyncStatus, VerifyReport
from speakcheck_desktop.store import retention
from speakcheck_desktop.store.audio_files import AudioCheck, AudioFingerprint, AudioProblem
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import AUDIO, DELETE, SYNC_ORDER, UPSERT, OutboxEntry
from speakcheck_desktop.store.recording_audio import (
    audio_fingerprint,
    audio_upload,
    check_recording_audio,
    count_audio_losses,
    mark_audio_problem,
    mark_audio_uploaded,
    recording_behind,
    recordings_with_local_audio,
    uploaded_audio_ids,
)
from speakcheck_desktop.store.sync_lock import SyncBusy, SyncLock
from speakcheck_desktop.store.views import PruneReport, PurgeReport

log = logging.getLogger(__name__)

CHECK_CHUNK = 1000
# Documents that wait while their recording's audio waits for GridFS.
HELD_FOR_AUDIO = ("recordings", "transcripts", "evaluations")
BUSY_RETRY_S = 5.0  # another sync of the same data dir is running: look again this much later
AUDIO_BUCKET = "recordings"  # the GridFS bucket for recordings: gridfs://recordings/<recording id>


class OutboxRelay:
    def __init__(self, store: LocalStore, mirror: MongoMirror, *, clock: Clock | None = None,
                 rng: random.Random | None = None, batch_size: int = 500,
                 backoff_base_s: float = 2.0, backoff_cap_s: float = 300.0,
                 on_step: Callable[[str], None] | None = None, lock_wait_s: float = 0.0):
        self.store = store
        self.mirror = mirror
        self._lock = SyncLock(store.path.parent)
        self.lock_wait_s = lock_wait_s  # how long a pass waits for another sync of this data dir
        self.clock = clock or SystemClock()
        self._rng = rng or random.Random()
        self.batch_size = batch_size
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        # Called at each step of a pass with its name; for progress display and fault tests.
        self._on_step = on_step or (lambda step: None)
        self._failures = 0
        self._next_try = 0.0  # on clock.monotonic()
        self._indexes_ready = False
        self._wake = threading.Event()
        self._stopping = threading.Event()

    # -- one pass ------------------------------------------------------------------------------

    def run_pass(self) -> PassReport:
        """Send everything pending once. Never raises for MongoDB trouble: the report says it.
        When another sync of this data dir is running, does nothing and says so (`report.busy`)."""
        try:
            with self._lock.hold(self.lock_wait_s):
                return self._run_pass()
        except SyncBusy as exc:
            self._next_try = self.clock.monotonic() + BUSY_RETRY_S
            return PassReport(busy=str(exc))

    def _run_pass(self) -> PassReport:
        report = PassReport()
        sent: dict[tuple[str, str], list[ObjectId]] = {}
        try:
            if not self._indexes_ready:
                self.mirror.ensure_indexes()
                self._indexes_ready = True
            for collection in SYNC_ORDER:  # parents first; audio before the recordings naming it
                self._drain(collection, UPSERT, report, sent)
            for collection in reversed(SYNC_ORDER):  # children first
                self._drain(collection, DELETE, report, sent)
            self._check(sent, report)
            self._on_step("checked")
        except MongoUnavailable as exc:
            report.offline = str(exc)
        except MongoNeedsAttention as exc:
            report.needs_attention = str(exc)
        self._record(report)
        self._on_step("pass_done")
        return report

    def _drain(self, collection: str, op: str, report: PassReport,
               sent: dict[tuple[str, str], list[ObjectId]]) -> None:
        after = 0
        while True:
            batch = self.store.outbox.pending(collection, op, after, self.batch_size)
            if not batch:
                return
            after, more = batch[-1].seq, len(batch) == self.batch_size
            self._on_step("batch_read")
            if collection in HELD_FOR_AUDIO and op == UPSERT:
                # A recording whose audio is not in GridFS yet waits, and so do its transcripts and
                # evaluations: no document points to a file, or a parent, that is not there.
                held = self.store.outbox.waiting_ids(AUDIO)
                batch = [e for e in batch if e.document is None
                         or recording_behind(self.store, collection, e.document) not in held] if held else batch
            if collection == AUDIO:
                outcome = self._audio(op, batch, report)
            elif op == UPSERT:
                outcome = self.mirror.write(collection, [e.document for e in batch if e.document is not None])
                # An upsert whose row is gone has nothing to send; its delete entry replaced it anyway.
                outcome.acknowledged += [e.doc_id for e in batch if e.document is None]
            else:
                outcome = self.mirror.delete(collection, [e.doc_id for e in batch])
            self._on_step("batch_pushed")
            by_id = {e.doc_id: e for e in batch}
            if collection == AUDIO and op == UPSERT:
                mark_audio_uploaded(self.store, outcome.acknowledged, outcome.hashes)  # before the entry goes
            self.store.outbox.mark_done([by_id[i] for i in outcome.acknowledged])
            for doc_id, reason in outcome.rejected.items():
                log.warning("MongoDB rejected %s %s: %s", collection, doc_id, reason)
                self.store.outbox.mark_dead(by_id[doc_id], reason)
                report.dead_lettered.append((collection, doc_id, reason))
            if outcome.retry:
                self.store.outbox.note_attempt([by_id[i] for i in outcome.retry],
                                               next(iter(outcome.retry.values())))
                report.retrying += len(outcome.retry)
            self._on_step("batch_marked")
            (report.pushed if op == UPSERT else report.deleted)[collection] += len(outcome.acknowledged)
            sent.setdefault((collection, op), []).extend(outcome.acknowledged)
            if not more:
                return

    def _audio(self, op: str, batch: list[OutboxEntry], report: PassReport) -> WriteOutcome:
        """Upload (or delete) audio files one by one. Marked uploaded before the outbox entry is
        removed: a crash in between uploads again (the upload sees the same file and stops), never
        the other way round (a local copy pruned for an upload that was not acknowledged).

        Each file is checked against its fingerprint from recording time first (and hashed again
        while it is sent): a file that is gone or changed is not uploaded; its recording is
        marked as having lost its audio and goes to MongoDB without it."""
        if op == DELETE:
            return self.mirror.delete_audio(AUDIO_BUCKET, [e.doc_id for e in batch])
        outcome = WriteOutcome()
        gone = [e.doc_id for e in batch if e.document is None]  # deleted since: nothing to upload
        outcome.acknowledged += gone
        uploads: list[tuple[dict[str, Any], AudioFingerprint | None]] = []
        for entry in batch:
            recording = self.store.get_recording(entry.doc_id) if entry.document is not None else None
            if recording is None or entry.document is None:
                continue
            check = check_recording_audio(self.store, recording)
            if check.problem is AudioProblem.UNREADABLE:
                outcome.retry[entry.doc_id] = check.message or "cannot be read now"
            elif check.problem is not None:
                self._audio_lost(entry.doc_id, check, report)
            else:
                uploads.append((entry.document, audio_fingerprint(self.store, entry.doc_id)))
        uploaded = self.mirror.upload_audio(uploads, on_read=lambda n: self._on_step("audio_read"))
        outcome.acknowledged += uploaded.acknowledged
        outcome.hashes.update(uploaded.hashes)
        outcome.rejected.update(uploaded.rejected)
        outcome.retry.update(uploaded.retry)
        for recording_id, check in uploaded.local_problems.items():
            if check.problem is AudioProblem.UNREADABLE:
                outcome.retry[recording_id] = check.message or "cannot be read now"
            else:
                self._audio_lost(recording_id, check, report)
        return outcome

    def _audio_lost(self, recording_id: ObjectId, check: AudioCheck, report: PassReport) -> None:
        log.info("Recording %s: %s", recording_id, check.message)  # the pass's report says it to the person
        mark_audio_problem(self.store, recording_id, check)  # drops its upload; the recording is queued anew
        report.audio_lost.append((recording_id, check.message or str(check.problem)))

    def _check(self, sent: dict[tuple[str, str], list[ObjectId]], report: PassReport) -> None:
        """Look the documents this pass sent up in MongoDB; queue again what is not as it should be."""
        requeue: list[tuple[str, ObjectId, str]] = []
        for (collection, op), ids in sent.items():
            if collection == AUDIO:
                continue  # each upload was checked against the server's copy as it finished
            for start in range(0, len(ids), CHECK_CHUNK):
                chunk = ids[start:start + CHECK_CHUNK]
                present = self.mirror.existing_ids(collection, chunk)
                if op == UPSERT:
                    requeue += [(collection, i, UPSERT) for i in chunk
                                if i not in present and self.store.has_document(collection, i)]
                else:
                    requeue += [(collection, i, DELETE) for i in chunk if i in present]
        if requeue:
            log.warning("%d documents were acknowledged but are not in MongoDB as expected; queued again", len(requeue))
            report.requeued = self.store.outbox.requeue(requeue, to_epoch_ms(self.clock.now()))

    def prune_audio(self, older_than: timedelta) -> PruneReport:
        """`retention.prune_audio` with MongoDB asked about each GridFS copy, under the sync lock
        (so `sync --verify` never replaces a damaged GridFS copy whose local one is being pruned);
        raises SyncBusy when another sync holds it past `lock_wait_s`."""
        with self._lock.hold(self.lock_wait_s):
            return retention.prune_audio(self.store, older_than, self.confirm_server_copy)

    def purge_acknowledged(self, older_than: timedelta) -> PurgeReport | None:
        """The kiosk's retention (store/retention.py `purge_acknowledged`) under the sync lock; None, and
        nothing done, while another sync of this data dir runs (the next look will do it)."""
        try:
            with self._lock.hold(0.0):
                return retention.purge_acknowledged(self.store, older_than, self.confirm_server_copy)
        except SyncBusy:
            return None

    def confirm_server_copy(self, recording_id: ObjectId, fingerprint: AudioFingerprint | None) -> str | None:
        """For prune and the kiosk purge: None when GridFS holds this recording whole, with the
        fingerprint taken when it was recorded; else why the local copy must stay."""
        return self.mirror.confirm_audio(AUDIO_BUCKET, recording_id, fingerprint)

    def verify_all(self) -> VerifyReport:
        """Look every local document up in MongoDB and queue again those it should hold but does
        not; re-hash every recording in GridFS and every recording file on this computer. Holds
        the sync lock (a damaged GridFS file may be replaced); raises SyncBusy when another sync
        runs, MongoUnavailable / MongoNeedsAttention when MongoDB is away or refuses."""
        with self._lock.hold(self.lock_wait_s):
            return self._verify_all()

    def _verify_all(self) -> VerifyReport:
        report = VerifyReport()
        missing: list[tuple[str, ObjectId, str]] = []
        for collection in COLLECTIONS:
            queued = self.store.outbox.waiting_ids(collection)  # not sent yet (new since the last sync): not lost
            for ids in self.store.ids(collection, CHECK_CHUNK):
                present = self.mirror.existing_ids(collection, ids)
                absent = [i for i in ids if i not in present]
                report.not_sent_yet += sum(1 for i in absent if i in queued)
                missing += [(collection, i, UPSERT) for i in absent if i not in queued]
        # Audio in GridFS: read back and re-hashed (a full transfer each, so only here).
        for recording_id in uploaded_audio_ids(self.store):
            upload = audio_upload(self.store, recording_id) or {}
            fingerprint = audio_fingerprint(self.store, recording_id)
            sha256 = fingerprint.sha256 if fingerprint else upload.get("sha256")
            try:
                self.mirror.check_audio(AUDIO_BUCKET, recording_id, sha256)
            except AudioFileProblem as exc:
                recording = self.store.get_recording(recording_id)
                local_ok = recording is not None and check_recording_audio(self.store, recording).ok
                if local_ok:  # the whole copy is here: the damaged one is replaced by the next pass
                    self.mirror.replace_damaged_audio(AUDIO_BUCKET, recording_id)
                    missing.append((AUDIO, recording_id, UPSERT))
                what = (f"{exc} It is uploaded again from the whole copy on this computer." if local_ok else
                        f"{exc} No whole copy is on this computer: it cannot be repaired from here.")
                log.warning("%s", what)
                report.audio_damaged.append((recording_id, what))
        # Recording files on this computer: still what was recorded?
        for recording in recordings_with_local_audio(self.store):
            if audio_fingerprint(self.store, recording.id) is None:
                continue
            check = check_recording_audio(self.store, recording)
            if check.problem is AudioProblem.CHANGED:
                report.audio_changed.append((recording.id, check.message or ""))
        report.missing = self.store.outbox.requeue(missing, to_epoch_ms(self.clock.now())) if missing else 0
        return report

    # -- state and back-off --------------------------------------------------------------------

    def _record(self, report: PassReport) -> None:
        now = self.clock.now()
        problem = report.offline or report.needs_attention
        if problem is None:
            self._failures = 0
            self._next_try = 0.0
            self.store.set_states({"last_success_at": now.isoformat(), "problem": "",
                                   "last_success_target": self.mirror.where})
            return
        self._failures += 1
        delay = min(self.backoff_cap_s, self.backoff_base_s * 2 ** (self._failures - 1))
        # Jitter spreads the retries of many kiosks after the centre's server comes back.
        delay *= 0.5 + self._rng.random() / 2
        self._next_try = self.clock.monotonic() + delay
        kind = SyncState.OFFLINE if report.offline else SyncState.NEEDS_ATTENTION
        # Which MongoDB it was about, and when: pointed at another one, `status` does not repeat it.
        self.store.set_states({"problem": f"{kind.value}|{problem}", "problem_target": self.mirror.where,
                               "problem_at": now.isoformat()})
        log.info("Sync stopped (%s); next try in %.1f s", problem, delay)

    def seconds_until_next_try(self) -> float:
        return max(0.0, self._next_try - self.clock.monotonic())

    def status(self) -> SyncStatus:
        return read_status(self.store, self.mirror.where)

    # -- running in the background -------------------------------------------------------------

    def run_forever(self, idle_s: float = 15.0, on_tick: Callable[[], None] | None = None,
                    before_look: Callable[[], None] | None = None) -> None:
        """Sync whenever there is something to send and the back-off allows, until `stop()`.
        Meant for a worker thread; `nudge()` from any thread wakes it early. `on_tick` runs after
        each look at the outbox (the app reports the sync state from there); `before_look` before
        it (the app switches to another MongoDB there, between two passes)."""
        while not self._stopping.is_set():
            if before_look is not None:
                before_look()
            if self.seconds_until_next_try() == 0 and self.store.outbox.counts()["pending"]:
                self.run_pass()
            if on_tick is not None:
                on_tick()
            wait = min(self.seconds_until_next_try() or idle_s, idle_s)
            self._wake.wait(wait)
            self._wake.clear()

    def use_mirror(self, mirror: MongoMirror) -> MongoMirror:
        """Sync to `mirror` from the next pass on (new settings), at once: its indexes are made
        first and the back-off of the old server's failures does not carry over. Returns the
        old mirror, for the caller to close. Only between passes (on the relay's own thread)."""
        old, self.mirror = self.mirror, mirror
        self._indexes_ready = False
        self._failures = 0
        self._next_try = 0.0
        return old

    def nudge(self) -> None:
        """New documents are queued: sync soon (still respecting the back-off)."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()


def read_status(store: LocalStore, target: str | None = None) -> SyncStatus:
    """The sync state as the last pass left it, readable from any process. `target` (the
    mirror's `where`): a problem met while syncing to another MongoDB is not this one's."""
    counts = store.outbox.counts()
    last = store.get_state("last_success_at")
    kind, _, problem = (store.get_state("problem") or "").partition("|")
    problem_at = store.get_state("problem_at")
    if kind and target is not None and store.get_state("problem_target") not in (None, target):
        kind, problem, problem_at = "", "", None
    if last and target is not None and store.get_state("last_success_target") not in (None, target):
        last = None  # that success was with another MongoDB
    if kind:
        state = SyncState(kind)
    elif counts["dead"]:
        state = SyncState.NEEDS_ATTENTION
        problem = f"MongoDB rejected {counts['dead']} document(s); see `speakcheck status`"
    elif counts["pending"]:
        state = SyncState.WAITING
    else:
        state = SyncState.SYNCED
    return SyncStatus(state, counts["pending"], counts["dead"],
                      datetime.fromisoformat(last) if last else None, problem or None,
                      datetime.fromisoformat(problem_at) if kind and problem_at else None,
                      count_audio_losses(store))

