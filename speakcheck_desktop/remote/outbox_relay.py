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
  queued again.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bson import ObjectId

from speakcheck_desktop.core.clock import Clock, SystemClock, to_epoch_ms
from speakcheck_desktop.core.records import COLLECTIONS
from speakcheck_desktop.remote.gridfs_audio import AudioFileProblem
from speakcheck_desktop.remote.mongo_mirror import MongoMirror, MongoNeedsAttention, MongoUnavailable, WriteOutcome
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import AUDIO, DELETE, SYNC_ORDER, UPSERT

log = logging.getLogger(__name__)

CHECK_CHUNK = 1000
AUDIO_BUCKET = "recordings"  # the GridFS bucket for recordings: gridfs://recordings/<recording id>


class SyncState(StrEnum):
    SYNCED = "synced"
    WAITING = "waiting"  # documents queued, MongoDB reachable as far as we know
    OFFLINE = "offline"
    NEEDS_ATTENTION = "needs attention"


@dataclass
class PassReport:
    pushed: Counter = field(default_factory=Counter)  # collection -> documents written
    deleted: Counter = field(default_factory=Counter)  # collection -> documents deleted
    dead_lettered: list[tuple[str, ObjectId, str]] = field(default_factory=list)
    retrying: int = 0
    requeued: int = 0  # found missing by the check after the pass
    offline: str | None = None
    needs_attention: str | None = None

    @property
    def ok(self) -> bool:
        return self.offline is None and self.needs_attention is None

    def summary(self) -> str:
        """What moved, in a line a person can read."""
        problem = self.offline or self.needs_attention
        parts = []
        if self.pushed:
            parts.append("sent " + ", ".join(f"{n} {c}" for c, n in self.pushed.items() if n))
        if self.deleted:
            parts.append("deleted " + ", ".join(f"{n} {c}" for c, n in self.deleted.items() if n))
        if not parts:
            parts.append("nothing sent" if problem else "nothing to send")
        if self.dead_lettered:
            parts.append(f"{len(self.dead_lettered)} rejected by MongoDB (see `speakcheck status`)")
        if self.retrying:
            parts.append(f"{self.retrying} to retry")
        if self.requeued:
            parts.append(f"{self.requeued} missing in MongoDB, queued again")
        if problem:
            parts.append(f"stopped: {problem}")
        return "; ".join(parts)


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    pending: int
    dead: int
    last_success: datetime | None
    problem: str | None  # what is wrong, in words, when offline or needing attention


class OutboxRelay:
    def __init__(self, store: LocalStore, mirror: MongoMirror, *, clock: Clock | None = None,
                 rng: random.Random | None = None, batch_size: int = 500,
                 backoff_base_s: float = 2.0, backoff_cap_s: float = 300.0,
                 on_step: Callable[[str], None] | None = None):
        self.store = store
        self.mirror = mirror
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
        """Send everything pending once. Never raises for MongoDB trouble: the report says it."""
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
            if collection == "recordings" and op == UPSERT:
                # A recording whose audio is not in GridFS yet waits: no document points to a file
                # that is not there.
                held = self.store.outbox.waiting_ids(AUDIO)
                batch = [e for e in batch if e.doc_id not in held] if held else batch
            if collection == AUDIO:
                outcome = self._audio(op, batch)
            elif op == UPSERT:
                outcome = self.mirror.write(collection, [e.document for e in batch if e.document is not None])
                # An upsert whose row is gone has nothing to send; its delete entry replaced it anyway.
                outcome.acknowledged += [e.doc_id for e in batch if e.document is None]
            else:
                outcome = self.mirror.delete(collection, [e.doc_id for e in batch])
            self._on_step("batch_pushed")
            by_id = {e.doc_id: e for e in batch}
            if collection == AUDIO and op == UPSERT:
                self.store.mark_audio_uploaded(outcome.acknowledged, outcome.hashes)  # before the entry goes
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

    def _audio(self, op: str, batch: list) -> WriteOutcome:
        """Upload (or delete) audio files one by one. Marked uploaded before the outbox entry is
        removed: a crash in between uploads again (the upload sees the same file and stops), never
        the other way round (a local copy pruned for an upload that was not acknowledged)."""
        if op == DELETE:
            return self.mirror.delete_audio(AUDIO_BUCKET, [e.doc_id for e in batch])
        outcome = WriteOutcome()
        gone = [e.doc_id for e in batch if e.document is None]  # deleted since: nothing to upload
        outcome.acknowledged += gone
        docs = [e.document for e in batch if e.document is not None]
        uploaded = self.mirror.upload_audio(docs, on_read=lambda n: self._on_step("audio_read"))
        outcome.acknowledged += uploaded.acknowledged
        outcome.hashes.update(uploaded.hashes)
        outcome.rejected.update(uploaded.rejected)
        outcome.retry.update(uploaded.retry)
        return outcome

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

    def verify_all(self) -> int:
        """Look every local document up in MongoDB and queue the missing ones. Returns how many."""
        missing: list[tuple[str, ObjectId, str]] = []
        for collection in COLLECTIONS:
            for ids in self.store.ids(collection, CHECK_CHUNK):
                present = self.mirror.existing_ids(collection, ids)
                missing += [(collection, i, UPSERT) for i in ids if i not in present]
        # Audio in GridFS: read back and re-hashed (a full transfer each, so only here).
        for recording_id in self.store.uploaded_audio_ids():
            try:
                self.mirror.check_audio(AUDIO_BUCKET, recording_id, self.store.audio_upload(recording_id)["sha256"])
            except AudioFileProblem as exc:
                log.warning("%s Queued again.", exc)
                missing.append((AUDIO, recording_id, UPSERT))
        return self.store.outbox.requeue(missing, to_epoch_ms(self.clock.now())) if missing else 0

    # -- state and back-off --------------------------------------------------------------------

    def _record(self, report: PassReport) -> None:
        now = self.clock.now()
        problem = report.offline or report.needs_attention
        if problem is None:
            self._failures = 0
            self._next_try = 0.0
            self.store.set_state("last_success_at", now.isoformat())
            self.store.set_state("problem", "")
            return
        self._failures += 1
        delay = min(self.backoff_cap_s, self.backoff_base_s * 2 ** (self._failures - 1))
        # Jitter spreads the retries of many kiosks after the centre's server comes back.
        delay *= 0.5 + self._rng.random() / 2
        self._next_try = self.clock.monotonic() + delay
        kind = SyncState.OFFLINE if report.offline else SyncState.NEEDS_ATTENTION
        self.store.set_state("problem", f"{kind.value}|{problem}")
        log.info("Sync stopped (%s); next try in %.1f s", problem, delay)

    def seconds_until_next_try(self) -> float:
        return max(0.0, self._next_try - self.clock.monotonic())

    def status(self) -> SyncStatus:
        return read_status(self.store)

    # -- running in the background -------------------------------------------------------------

    def run_forever(self, idle_s: float = 15.0, on_tick: Callable[[], None] | None = None) -> None:
        """Sync whenever there is something to send and the back-off allows, until `stop()`.
        Meant for a worker thread; `nudge()` from any thread wakes it early. `on_tick` runs after
        each look at the outbox (the app reports the sync state from there)."""
        while not self._stopping.is_set():
            if self.seconds_until_next_try() == 0 and self.store.outbox.counts()["pending"]:
                self.run_pass()
            if on_tick is not None:
                on_tick()
            wait = min(self.seconds_until_next_try() or idle_s, idle_s)
            self._wake.wait(wait)
            self._wake.clear()

    def nudge(self) -> None:
        """New documents are queued: sync soon (still respecting the back-off)."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()


def read_status(store: LocalStore) -> SyncStatus:
    """The sync state as the last pass left it, readable from any process."""
    counts = store.outbox.counts()
    last = store.get_state("last_success_at")
    kind, _, problem = (store.get_state("problem") or "").partition("|")
    if kind:
        state = SyncState(kind)
    elif counts["dead"]:
        state, problem = SyncState.NEEDS_ATTENTION, f"MongoDB rejected {counts['dead']} document(s); see `speakcheck status`"
    elif counts["pending"]:
        state = SyncState.WAITING
    else:
        state = SyncState.SYNCED
    return SyncStatus(state, counts["pending"], counts["dead"],
                      datetime.fromisoformat(last) if last else None, problem or None)

