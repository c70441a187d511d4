"""The speaking test for the UI, in the seed's steps: start a session, keep its recording, have it
transcribed and assessed, finish it; the history, its results and its audio; saving settings.
Store work runs on the store lane and API calls on the AI lane, each a `StoreLane` with a
LocalStore connection of its own; results come back to callbacks and signals on the GUI thread,
and every write is announced once on `data_changed` (the history reloads, the sync wakes up).

Assessment that cannot run now (offline, no key, a busy service) waits: it is retried on a timer
and at the next start, because the pending work is a query on the store, not a memory."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bson import ObjectId
from PySide6.QtCore import QObject, QTimer, Signal

from speakcheck_desktop.assess.api import AssessError
from speakcheck_desktop.assess.assessment import AssessmentOutcome, Assessor
from speakcheck_desktop.assess.results import answer_from_detail, answer_from_outcome
from speakcheck_desktop.audio.errors import AudioError, AudioFileError
from speakcheck_desktop.audio.outcomes import RecordingResult
from speakcheck_desktop.audio.recovery import RecoveredRecording, describe_finished, recording_path
from speakcheck_desktop.core.ai_timing import RetryBackoff, duration_text
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.records import EventType, Level, RecordError, Recording, Session, SessionStatus
from speakcheck_desktop.core.results import AnswerResult
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import StoreLane
from speakcheck_desktop.services.settings_service import SettingsChanges, SettingsService
from speakcheck_desktop.store import recording_audio, retention
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.file_urls import parse_gridfs_url
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.views import PageCursor, SessionPage

if TYPE_CHECKING:
    from speakcheck_desktop.services.sync_service import SyncService

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
    assessed = Signal(object)  # AnswerResult of the answer just assessed
    assessment_waiting = Signal(str)  # why it cannot run now, and what to do
    assessment_impossible = Signal(str)  # why this answer can never be assessed (its audio is gone or changed)
    test_finished = Signal(object)  # Session
    data_changed = Signal()  # something was written (once per write): the history and the sync have work
    notice = Signal(str)  # good news worth a line in the status bar
    audio_fetching = Signal(int, int)  # bytes fetched, total: a recording coming from GridFS

    def __init__(self, store: LocalStore, ai_store: LocalStore, tasks: TaskBank,
                 make_assessor: Callable[[LocalStore], Assessor | None], *, user_id: ObjectId | None = None,
                 settings: SettingsService | None = None, audio_cache_dir: Path | None = None,
                 retry_s: float = RETRY_WAITING_S, parent: QObject | None = None):
        super().__init__(parent)
        self.user_id = user_id
        self.upload_to: str | None = None  # a GridFS bucket when audio goes to MongoDB
        self.remote_audio: SyncService | None = None  # fetches recordings kept only in GridFS
        # Recordings fetched from GridFS to be played (checked whole when fetched).
        self.audio_cache_dir = audio_cache_dir or store.recordings_dir.parent / "cache" / "audio"
        self.tasks = tasks
        self._settings = settings
        self._make_assessor = make_assessor
        self._store = StoreLane("store", store, self._report, self)
        self._ai = StoreLane("ai", ai_store, self._report, self)
        self._store.changed.connect(self.data_changed)
        self._ai.changed.connect(self.data_changed)
        self.recordings_dir = store.recordings_dir
        self._in_flight: set[ObjectId] = set()  # queued or running on the AI lane
        self._failures: dict[ObjectId, int] = {}  # retryable failures in a row, per answer
        self._not_before: dict[ObjectId, float] = {}  # monotonic time of the next try, per answer
        self._backoff = RetryBackoff(first_s=retry_s)
        self._cancel: threading.Event | None = None  # set to stop waiting for the transcription under way
        self._waiting = QTimer(self)
        self._waiting.setInterval(int(retry_s * 1000))
        self._waiting.timeout.connect(self.resume_pending_assessments)

    # -- the test (store lane) -----------------------------------------------------------------

    def choose_task(self, level: Level | str, exclude: str | None, on_done: Callable[[Task], None]) -> None:
        self._store.read(lambda s: self.tasks.choose(level, s.recent_task_ids(self.user_id), exclude=exclude),
                         on_done)

    def start_test(self, level: Level | str, task: Task, candidate: Candidate | None = None) -> None:
        """A new session for the device's user, or for a kiosk's checked-in candidate."""
        def start(store: LocalStore) -> ActiveTest:
            user_id = store.ensure_user(candidate.user_id, candidate.name).id if candidate else self.user_id
            session = store.start_session(level, user_id=user_id, metadata={
                "task_id": task.id, "task_kind": task.kind, "task_prompt": task.prompt,
                "prep_s": task.prep_s, "speak_s": task.speak_s, **(candidate.metadata() if candidate else {})})
            return ActiveTest(session, task)

        def failed(exc: Exception) -> None:
            self._report(exc)
            self.start_failed.emit()
        self._store.write(start, self.test_started.emit, failed)

    def new_recording_path(self, session: Session) -> Path:
        return recording_path(self.recordings_dir, session.id, datetime.now(UTC))

    def save_recording(self, test: ActiveTest, result: RecordingResult) -> None:
        def save(store: LocalStore) -> Recording:
            return store.add_recording(test.session.id, str(result.path), round(result.duration_s, 3),
                                       result.sample_rate, result.channels, upload_to=self.upload_to)

        def saved(recording: Recording) -> None:
            self.recording_saved.emit(recording)
            self.assess(recording.id, test)
        self._store.write(save, saved)

    def finish_test(self, session_id: ObjectId, status: SessionStatus = SessionStatus.COMPLETED) -> None:
        self._store.write(lambda store: store.end_session(session_id, status), self.test_finished.emit)

    def resume(self, session_id: ObjectId, on_done: Callable[[ActiveTest], None]) -> None:
        def resume(store: LocalStore) -> ActiveTest:
            store.add_event(session_id, EventType.RESUME)
            return self._active_test(store, session_id)
        self._store.write(resume, on_done)

    def adopt_recovered(self, recovered: list[RecoveredRecording]) -> None:
        """Recordings interrupted by a crash, repaired by the recorder: back into their sessions."""
        def adopt(store: LocalStore) -> list[str]:
            messages = []
            for item in recovered:
                if item.session_id and store.get_session(ObjectId(item.session_id)) is not None:
                    self._add_recovered(store, item)
                    messages.append(item.message)
            # Recordings whose audio was finished but whose saving failed (a full disk, say).
            for item in describe_finished(recording_audio.unattached_recording_files(store)):
                self._add_recovered(store, item)
                messages.append(f"Recovered {item.duration_s:.0f} s of a recording that had not been saved.")
            return messages

        def adopted(messages: list[str]) -> None:
            if messages:
                self.notice.emit(" ".join(messages) + " It is in your history and will be assessed.")
                self.resume_pending_assessments()
        self._store.write(adopt, adopted)

    def _add_recovered(self, store: LocalStore, item: RecoveredRecording) -> None:
        store.add_recording(ObjectId(item.session_id), str(item.path), round(item.duration_s, 3), item.sample_rate,
                            item.channels, upload_to=self.upload_to)

    def abandon_stale(self) -> None:
        self._store.write(lambda s: s.abandon_stale_sessions(timedelta(hours=24)))

    # -- the history (store lane) --------------------------------------------------------------

    def list_sessions(self, on_done: Callable[[SessionPage], None], *, level: str | None = None,
                      status: str | None = None, after: PageCursor | None = None, limit: int = 100) -> None:
        self._store.read(lambda s: s.list_sessions(level=level, status=status, after=after, limit=limit), on_done)

    def session_result(self, session_id: ObjectId, on_done: Callable[[AnswerResult | None], None]) -> None:
        """The result of a past session's latest answer, as the live result is shown; None when
        the session is gone."""
        def result(store: LocalStore) -> AnswerResult | None:
            detail = store.get_session_detail(session_id)
            return answer_from_detail(detail) if detail is not None else None
        self._store.read(result, on_done)

    def recording_audio(self, recording_id: ObjectId, on_done: Callable[[Path], None]) -> None:
        """The answer's audio as a file to play: the copy on this computer, or one fetched from
        GridFS into the cache (checked whole and unchanged; progress on `audio_fetching`).
        Audio that is nowhere to be had (pruned, sync off) gives no call: the transcript and
        scores still show. Problems come as sentences on `error`."""
        def locate(store: LocalStore) -> Path | tuple[str, ObjectId] | None:
            recording = store.get_recording(recording_id)
            if recording is None:
                return None
            path = recording_audio.local_audio(store, recording)
            if path is not None and path.exists():
                return path
            return parse_gridfs_url(recording.file_url)

        def located(where: Path | tuple[str, ObjectId] | None) -> None:
            if isinstance(where, Path):
                on_done(where)
            elif where is not None and self.remote_audio is not None:
                bucket, file_id = where
                self.remote_audio.fetch_audio(bucket, file_id, self.audio_cache_dir, on_done, self.error.emit)
        self._store.read(locate, located)

    def delete_session(self, session_id: ObjectId) -> None:
        self._store.write(lambda s: retention.delete_session(s, session_id))

    # -- settings (store lane) -----------------------------------------------------------------

    def save_settings(self, changes: SettingsChanges, on_done: Callable[[list[str]], None]) -> None:
        """Save what the person changed; `on_done` gets the sentences of what could not be saved."""
        settings = self._settings
        if settings is None:
            on_done(["Settings cannot be saved here."])
            return
        self._store.write(lambda store: settings.save(changes, store, self.user_id), on_done)

    # -- assessment (AI lane) ------------------------------------------------------------------

    def assess(self, recording_id: ObjectId, test: ActiveTest) -> None:
        """Queue the assessment of one answer, unless it is queued or running already, or its next
        try is not due yet (core/ai_timing.py): one answer is never uploaded twice at once."""
        if recording_id in self._in_flight or time.monotonic() < self._not_before.get(recording_id, 0.0):
            return
        self._in_flight.add(recording_id)
        self._ai.write(lambda store: self._assess(store, recording_id, test),
                       lambda outcome: self._assessed(recording_id, outcome),
                       lambda exc: self._assess_failed(recording_id, exc))

    def _assess(self, store: LocalStore, recording_id: ObjectId, test: ActiveTest) -> AssessmentOutcome | str:
        assessor = self._make_assessor(store)
        if assessor is None:
            return ("Your answer is saved. To have it assessed, add your OpenAI API key or the address of a "
                    "compatible server in Settings; it will be assessed then.")
        self._cancel = threading.Event()  # before the button that sets it is shown
        try:
            # Each step's words are emitted from this (AI-lane) thread; Qt queues them to the GUI.
            return assessor.assess(recording_id, task_prompt=test.task.prompt, level=test.session.level,
                                   cancel=self._cancel, on_step=self.assessing.emit)
        finally:
            self._cancel = None

    def cancel_transcription(self) -> None:
        """Stop waiting for the transcription under way (from the GUI thread). The answer is kept
        and tried again later, not before the server could be done with the upload it has."""
        cancel = self._cancel
        if cancel is not None:
            cancel.set()

    def resume_pending_assessments(self) -> None:
        """Assess what is still waiting (after a restart, or when the service is back)."""
        def pending(store: LocalStore) -> list[tuple[ObjectId, ActiveTest]]:
            work: list[tuple[ObjectId, ObjectId | None]] = [
                (r.id, r.session_id) for r in store.pending_transcriptions()]
            work += [(t.recording_id, store.session_of("transcripts", t.id)) for t in store.pending_evaluations()]
            return [(recording_id, self._active_test(store, session_id)) for recording_id, session_id in work
                    if session_id is not None]

        def run(jobs: list[tuple[ObjectId, ActiveTest]]) -> None:
            if not jobs:
                self._waiting.stop()
            for recording_id, test in jobs:
                self.assess(recording_id, test)
        self._ai.read(pending, run)

    def _assessed(self, recording_id: ObjectId, outcome: AssessmentOutcome | str) -> None:
        self._in_flight.discard(recording_id)
        self._failures.pop(recording_id, None)
        self._not_before.pop(recording_id, None)
        if isinstance(outcome, str):
            self.assessment_waiting.emit(outcome)
            return
        self.assessed.emit(answer_from_outcome(outcome))

    def _assess_failed(self, recording_id: ObjectId, exc: Exception) -> None:
        self._in_flight.discard(recording_id)
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

    def _active_test(self, store: LocalStore, session_id: ObjectId) -> ActiveTest:
        """A stored session with its task: the task bank's, or (a task since removed from the
        bank) the one the session's metadata recorded when it started."""
        session = store.get_session(session_id)
        if session is None:
            raise RecordError("session_id", f"no session {session_id} in this store", "the id of an existing session")
        meta = session.metadata or {}
        task = self.tasks.get(meta.get("task_id", "")) or Task(
            id=meta.get("task_id", "unknown"), level=session.level, kind=meta.get("task_kind", "describe"),
            prompt=meta.get("task_prompt", ""), prep_s=int(meta.get("prep_s", 30)),
            speak_s=int(meta.get("speak_s", 90)))
        return ActiveTest(session, task)

    def _report(self, exc: Exception) -> None:
        self.error.emit(sentence_for(exc))

    def shutdown(self) -> None:
        self._waiting.stop()
        self.cancel_transcription()  # quitting does not wait for a long transcription
        self._ai.shutdown()
        self._store.shutdown()
