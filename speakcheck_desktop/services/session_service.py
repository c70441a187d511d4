"""The speaking test for the UI, in the seed's steps: start a session, keep its recording, have it
transcribed and assessed, finish it; and the history. Store work runs on the store lane and API
calls on the AI lane, each with a LocalStore connection of its own; results come back as signals.

Assessment that cannot run now (offline, no key, a busy service) waits: it is retried on a timer
and at the next start, because the pending work is a query on the store, not a memory."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bson import ObjectId
from PySide6.QtCore import QObject, QTimer, Signal

from speakcheck_desktop.assess.api import AssessError
from speakcheck_desktop.assess.assessment import AssessmentOutcome, Assessor
from speakcheck_desktop.audio.errors import AudioError, AudioFileError
from speakcheck_desktop.audio.recorder import RecordingResult
from speakcheck_desktop.audio.recovery import describe_finished, recording_path
from speakcheck_desktop.core.ai_timing import RetryBackoff, duration_text, duration_words
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.records import EventType, Level, RecordError, Session, SessionStatus
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.services.lanes import TaskLane
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.local_store import LocalStore, PageCursor, SessionDetail, SessionPage

log = logging.getLogger(__name__)

RETRY_WAITING_S = 30


@dataclass(frozen=True)
class ActiveTest:
    session: Session
    task: Task


class SessionService(QObject):
    error = Signal(str)  # a plain sentence with what to do
    test_started = Signal(object)  # ActiveTest
    start_failed = Signal()  # no session was made (the sentence why went to `error`): Start may be pressed again
    recording_saved = Signal(object)  # Recording
    assessing = Signal(str)  # what is happening now
    assessed = Signal(object)  # AssessmentOutcome
    assessment_waiting = Signal(str)  # why it cannot run now, and what to do
    assessment_impossible = Signal(str)  # why this answer can never be assessed (its audio is gone or changed)
    test_finished = Signal(object)  # Session
    history_changed = Signal()
    data_changed = Signal()  # something was written: sync has work
    notice = Signal(str)  # good news worth a line in the status bar

    def __init__(self, store: LocalStore, ai_store: LocalStore, tasks: TaskBank,
                 make_assessor: Callable[[LocalStore], Assessor | None], *, user_id: ObjectId | None = None,
                 retry_s: float = RETRY_WAITING_S, parent: QObject | None = None):
        super().__init__(parent)
        self.user_id = user_id
        self.upload_to: str | None = None  # a GridFS bucket when audio goes to MongoDB
        self._store = store  # used only on the store lane
        self._ai_store = ai_store  # used only on the AI lane
        self.tasks = tasks
        self._make_assessor = make_assessor
        self._store_lane = TaskLane("store", self)
        self._ai_lane = TaskLane("ai", self)
        self.recordings_dir = store.recordings_dir
        self._in_flight: set[ObjectId] = set()  # queued or running on the AI lane
        self._failures: dict[ObjectId, int] = {}  # retryable failures in a row, per answer
        self._not_before: dict[ObjectId, float] = {}  # monotonic time of the next try, per answer
        self._backoff = RetryBackoff(first_s=retry_s)
        self._cancel: threading.Event | None = None  # set to stop waiting for the transcription under way
        self._waiting = QTimer(self)
        self._waiting.setInterval(int(retry_s * 1000))
        self._waiting.timeout.connect(self.resume_pending_assessments)

    # -- store lane ----------------------------------------------------------------------------

    def on_store(self, fn: Callable[[LocalStore], Any], on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None) -> None:
        """Run `fn(store)` on the store lane; errors become plain sentences on `error` (and then
        go to `on_error`, if given)."""
        def failed(exc: Exception) -> None:
            self._report(exc)
            if on_error is not None:
                on_error(exc)
        self._store_lane.submit(lambda: fn(self._store), on_done, failed)

    def choose_task(self, level: Level | str, exclude: str | None, on_done: Callable[[Task], None]) -> None:
        self.on_store(lambda s: self.tasks.choose(level, s.recent_task_ids(self.user_id), exclude=exclude), on_done)

    def start_test(self, level: Level | str, task: Task, candidate: Candidate | None = None) -> None:
        """A new session for the device's user, or for a kiosk's checked-in candidate."""
        def start(store: LocalStore) -> ActiveTest:
            user_id = store.ensure_user(candidate.user_id, candidate.name).id if candidate else self.user_id
            session = store.start_session(level, user_id=user_id, metadata={
                "task_id": task.id, "task_kind": task.kind, "task_prompt": task.prompt,
                "prep_s": task.prep_s, "speak_s": task.speak_s, **(candidate.metadata() if candidate else {})})
            return ActiveTest(session, task)
        self.on_store(start, self._started, lambda exc: self.start_failed.emit())

    def new_recording_path(self, session: Session) -> Path:
        return recording_path(self.recordings_dir, session.id, datetime.now(timezone.utc))

    def save_recording(self, test: ActiveTest, result: RecordingResult) -> None:
        def save(store: LocalStore):
            return store.add_recording(test.session.id, str(result.path), round(result.duration_s, 3),
                                       result.sample_rate, result.channels, upload_to=self.upload_to)

        def saved(recording) -> None:
            self.recording_saved.emit(recording)
            self.data_changed.emit()
            self.history_changed.emit()
            self.assess(recording.id, test)
        self.on_store(save, saved)

    def finish_test(self, session_id: ObjectId, status: SessionStatus = SessionStatus.COMPLETED) -> None:
        def finish(store: LocalStore) -> Session:
            return store.end_session(session_id, status)

        def finished(session: Session) -> None:
            self.test_finished.emit(session)
            self.data_changed.emit()
            self.history_changed.emit()
        self.on_store(finish, finished)

    def resume(self, session_id: ObjectId, on_done: Callable[[ActiveTest], None]) -> None:
        def resume(store: LocalStore) -> ActiveTest:
            store.add_event(session_id, EventType.RESUME)
            session = store.get_session(session_id)
            meta = session.metadata or {}
            task = self.tasks.get(meta.get("task_id", "")) or Task(
                meta.get("task_id", "unknown"), session.level, meta.get("task_kind", "describe"),
                meta.get("task_prompt", ""), int(meta.get("prep_s", 30)), int(meta.get("speak_s", 90)))
            return ActiveTest(session, task)
        self.on_store(resume, lambda test: (on_done(test), self.data_changed.emit()))

    def list_sessions(self, on_done: Callable[[SessionPage], None], *, level: str | None = None,
                      status: str | None = None, after: PageCursor | None = None, limit: int = 100) -> None:
        self.on_store(lambda s: s.list_sessions(level=level, status=status, after=after, limit=limit), on_done)

    def session_detail(self, session_id: ObjectId, on_done: Callable[[SessionDetail | None], None]) -> None:
        self.on_store(lambda s: s.get_session_detail(session_id), on_done)

    def delete_session(self, session_id: ObjectId) -> None:
        self.on_store(lambda s: s.delete_session(session_id), lambda report: (self.data_changed.emit(),
                                                                                self.history_changed.emit()))

    def adopt_recovered(self, recovered: list) -> None:
        """Recordings interrupted by a crash, repaired by the recorder: back into their sessions."""
        def adopt(store: LocalStore) -> list[str]:
            messages = []
            for item in recovered:
                if item.session_id and store.get_session(ObjectId(item.session_id)) is not None:
                    store.add_recording(ObjectId(item.session_id), str(item.path), round(item.duration_s, 3),
                                        item.sample_rate, item.channels, upload_to=self.upload_to)
                    messages.append(item.message)
            # Recordings whose audio was finished but whose saving failed (a full disk, say).
            for item in describe_finished(store.unattached_recording_files()):
                store.add_recording(ObjectId(item.session_id), str(item.path), round(item.duration_s, 3),
                                    item.sample_rate, item.channels, upload_to=self.upload_to)
                messages.append(f"Recovered {item.duration_s:.0f} s of a recording that had not been saved.")
            return messages

        def adopted(messages: list[str]) -> None:
            if messages:
                self.notice.emit(" ".join(messages) + " It is in your history and will be assessed.")
                self.data_changed.emit()
                self.history_changed.emit()
                self.resume_pending_assessments()
        self.on_store(adopt, adopted)

    def abandon_stale(self) -> None:
        self.on_store(lambda s: s.abandon_stale_sessions(timedelta(hours=24)),
                      lambda ids: ids and self.history_changed.emit())

    # -- AI lane -------------------------------------------------------------------------------

    def assess(self, recording_id: ObjectId, test: ActiveTest) -> None:
        """Queue the assessment of one answer, unless it is queued or running already, or its next
        try is not due yet (core/ai_timing.py): one answer is never uploaded twice at once."""
        if recording_id in self._in_flight or time.monotonic() < self._not_before.get(recording_id, 0.0):
            return
        self._in_flight.add(recording_id)
        self._ai_lane.submit(lambda: self._assess(recording_id, test),
                             lambda outcome: self._assessed(recording_id, outcome),
                             lambda exc: self._assess_failed(recording_id, exc))

    def _assess(self, recording_id: ObjectId, test: ActiveTest) -> AssessmentOutcome | str:
        assessor = self._make_assessor(self._ai_store)
        if assessor is None:
            return ("Your answer is saved. To have it assessed, add your OpenAI API key or the address of a "
                    "compatible server in Settings; it will be assessed then.")
        store = self._ai_store
        transcript = next((t for t in store.pending_evaluations() if t.recording_id == recording_id), None)
        if transcript is None:
            recording = store.get_recording(recording_id)
            length = f"{duration_words(recording.duration_s)} " if recording and recording.duration_s else ""
            self._cancel = threading.Event()  # before the button that sets it is shown
            self.assessing.emit(f"Transcribing your {length}answer\u2026")  # queued to the GUI thread
            try:
                transcript = assessor.transcribe(recording_id, self._cancel)
            finally:
                self._cancel = None
        self.assessing.emit("Assessing your answer\u2026")
        return assessor.evaluate(transcript.id, task_prompt=test.task.prompt, level=test.session.level)

    def cancel_transcription(self) -> None:
        """Stop waiting for the transcription under way (from the GUI thread). The answer is kept
        and tried again later, not before the server could be done with the upload it has."""
        cancel = self._cancel
        if cancel is not None:
            cancel.set()

    def resume_pending_assessments(self) -> None:
        """Assess what is still waiting (after a restart, or when the service is back)."""
        def pending() -> list[tuple[ObjectId, ActiveTest]]:
            store = self._ai_store
            work = [(r.id, r.session_id) for r in store.pending_transcriptions()]
            work += [(t.recording_id, store.session_of("transcripts", t.id)) for t in store.pending_evaluations()]
            jobs = []
            for recording_id, session_id in work:
                session = store.get_session(session_id)
                meta = session.metadata or {}
                task = self.tasks.get(meta.get("task_id", "")) or Task("unknown", session.level, "describe",
                                                                          meta.get("task_prompt", ""), 0, 0)
                jobs.append((recording_id, ActiveTest(session, task)))
            return jobs

        def run(jobs: list[tuple[ObjectId, ActiveTest]]) -> None:
            if not jobs:
                self._waiting.stop()
            for recording_id, test in jobs:
                self.assess(recording_id, test)
        self._ai_lane.submit(pending, run, self._report)

    def _assessed(self, recording_id: ObjectId, outcome: AssessmentOutcome | str) -> None:
        self._in_flight.discard(recording_id)
        self._failures.pop(recording_id, None)
        self._not_before.pop(recording_id, None)
        self.data_changed.emit()
        self.history_changed.emit()
        if isinstance(outcome, str):
            self.assessment_waiting.emit(outcome)
            return
        self.assessed.emit(outcome)

    def _assess_failed(self, recording_id: ObjectId, exc: Exception) -> None:
        self._in_flight.discard(recording_id)
        self.data_changed.emit()
        if isinstance(exc, AssessError) and exc.retryable:
            # Each failure of the same answer waits longer; after a timeout, at least as long as the
            # server may still be busy with the upload that timed out.
            failures = self._failures[recording_id] = self._failures.get(recording_id, 0) + 1
            delay = self._backoff.delay_s(failures, exc.server_busy_s)
            self._not_before[recording_id] = time.monotonic() + delay
            self.assessment_waiting.emit(f"{exc} Next try in {duration_text(delay)}.")
            self._waiting.start()
        elif isinstance(exc, AudioFileError):
            self.assessment_impossible.emit(str(exc))
        elif isinstance(exc, StoreError):  # a full disk, say: the answer is kept, the retry timer tries again
            self.assessment_waiting.emit(f"{exc} Your answer is kept and will be assessed then.")
            self._waiting.start()
        elif isinstance(exc, (AssessError, AudioError, RecordError)):
            self.assessment_waiting.emit(str(exc))
        else:
            self._report(exc)

    # -- plumbing ------------------------------------------------------------------------------

    def _started(self, test: ActiveTest) -> None:
        self.test_started.emit(test)
        self.data_changed.emit()
        self.history_changed.emit()

    def _report(self, exc: Exception) -> None:
        if isinstance(exc, (RecordError, StoreError, AudioError, AssessError)):
            self.error.emit(str(exc))
        else:
            log.error("Unexpected error", exc_info=exc)
            self.error.emit(f"Something went wrong ({type(exc).__name__}: {exc}). Your work is saved; "
                            f"details are in the log file.")

    def shutdown(self) -> None:
        self._waiting.stop()
        self.cancel_transcription()  # quitting does not wait for a long transcription
        self._ai_lane.shutdown()
        self._store_lane.shutdown()
        self._ai_store.close()
        self._store.close()
