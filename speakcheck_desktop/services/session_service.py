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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bson import ObjectId
from PySide6.QtCore import QObject, QTimer, Signal

from speakcheck_desktop.assess.api import AssessError
from speakcheck_desktop.assess.results import answer_from_outcome
from speakcheck_desktop.assess.test_results import answered_questions, conclude, result_of
from speakcheck_desktop.audio.errors import AudioError, AudioFileError
from speakcheck_desktop.audio.outcomes import RecordingResult
from speakcheck_desktop.audio.recovery import RecoveredRecording, describe_finished, recording_path
from speakcheck_desktop.core.ai_timing import RetryBackoff, duration_text
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.fresh_choice import choose_fresh
from speakcheck_desktop.core.mock_format import MockTest
from speakcheck_desktop.core.records import EventType, Level, RecordError, Recording, Session, SessionStatus
from speakcheck_desktop.core.results import TestResult, measured_words
from speakcheck_desktop.core.review import is_held
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.core.test_plan import FormatKind, Step, TestPlan, plan_from_metadata
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import StoreLane
from speakcheck_desktop.services.settings_service import SavedSettings, SettingsChanges, SettingsService
from speakcheck_desktop.store import recording_audio, retention
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.file_urls import parse_gridfs_url
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import hold_for_review
from speakcheck_desktop.store.views import PageCursor, SessionPage

if TYPE_CHECKING:
    # Types only: the assessment pipeline loads with the first assessor (assess/assessment_setup.py).
    from speakcheck_desktop.assess.assessment import AssessmentOutcome, Assessor
    from speakcheck_desktop.services.sync_service import SyncService

log = logging.getLogger(__name__)

RETRY_WAITING_S = 30
NOT_SET_UP = ("Your answer is saved. To have it transcribed and assessed, install the offline pack, or add your "
              "OpenAI API key or the address of a compatible server in Settings; it will be assessed then.")
ADD_EVALUATION = "To get it, add your OpenAI API key or an evaluation server (such as Ollama) in Settings."


@dataclass(frozen=True)
class ActiveTest:
    """A session under way and the question it is at (a quick practice has one)."""
    session: Session
    plan: TestPlan
    step: int = 0

    @property
    def current(self) -> Step:
        return self.plan.steps[min(self.step, len(self.plan.steps) - 1)]

    @property
    def task(self) -> Task:
        return self.current.task

    @property
    def is_last(self) -> bool:
        return self.step >= len(self.plan.steps) - 1

    def advanced(self) -> ActiveTest:
        """At the next question (the last stays the last)."""
        return replace(self, step=min(self.step + 1, len(self.plan.steps) - 1))


class SessionService(QObject):
    error = Signal(str)  # a plain sentence with what to do
    test_started = Signal(object)  # ActiveTest
    start_failed = Signal()  # no session was made (the sentence why went to `error`): Start may be pressed again
    recording_saved = Signal(object)  # Recording
    assessing = Signal(str, str)  # what is happening now, and the question (task id) of the answer
    measured = Signal(object)  # AnswerResult (WAITING): transcribed and measured here, its level still to come
    assessed = Signal(object)  # AnswerResult of the answer just assessed
    assessment_waiting = Signal(str)  # why it cannot run now, and what to do
    assessment_impossible = Signal(str)  # why this answer can never be assessed (its audio is gone or changed)
    test_finished = Signal(object)  # Session
    test_concluded = Signal(object)  # TestResult: a test of parts has its overall result (just recorded)
    data_changed = Signal()  # something was written (once per write): the history and the sync have work
    notice = Signal(str)  # good news worth a line in the status bar
    audio_fetching = Signal(int, int)  # bytes fetched, total: a recording coming from GridFS

    def __init__(self, store: LocalStore, ai_store: LocalStore, tasks: TaskBank,
                 make_assessor: Callable[[LocalStore], Assessor | None], *, user_id: ObjectId | None = None,
                 settings: SettingsService | None = None, audio_cache_dir: Path | None = None,
                 retry_s: float = RETRY_WAITING_S, mock_tests: Sequence[MockTest] = (),
                 can_evaluate: bool = True, review_below: float | None = None, parent: QObject | None = None):
        """`make_assessor` gives None when nothing can transcribe; `can_evaluate` False: an
        evaluation service is not set up, so answers are transcribed and measured and wait;
        `review_below`: the centre's routing rule (core/review.py), applied where each result
        is stored, so a result assessed after the candidate left is held too."""
        super().__init__(parent)
        self.review_below = review_below
        self.can_evaluate = can_evaluate
        self.mock_tests = list(mock_tests)
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
        self._in_flight: dict[ObjectId, ActiveTest] = {}  # queued or running on the AI lane, at its question
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

    def mocks_for(self, level: Level | str) -> list[MockTest]:
        return [t for t in self.mock_tests if t.level == Level(level)]

    def choose_mock(self, level: Level | str, on_done: Callable[[MockTest | None], None], *,
                    candidate: Candidate | None = None, for_part: bool = False, exclude: str | None = None) -> None:
        """A mock test of `level` the person has not taken yet (a part practised counts for the
        choice of a part), not `exclude` (the one on screen) if there is another; when all were
        taken, the one taken longest ago. None: the bank has no mock test of that level."""
        options = [t for t in self.mocks_for(level) if t.id != exclude] or self.mocks_for(level)
        kinds = (FormatKind.MOCK.value, FormatKind.PART.value) if for_part else (FormatKind.MOCK.value,)
        user_id = candidate.user_id if candidate else self.user_id

        def choose(store: LocalStore) -> MockTest | None:
            return choose_fresh(options, lambda t: t.id, store.recent_format_ids(kinds, user_id)) if options else None
        self._store.read(choose, on_done)

    def start_test(self, level: Level | str, plan: TestPlan, candidate: Candidate | None = None) -> None:
        """A new session for the device's user, or for a kiosk's checked-in candidate: the plan
        (its questions, whole) goes into `sessions.metadata`."""
        def start(store: LocalStore) -> ActiveTest:
            user_id = store.ensure_user(candidate.user_id, candidate.name).id if candidate else self.user_id
            session = store.start_session(level, user_id=user_id, metadata={
                **plan.to_metadata(), **(candidate.metadata() if candidate else {})})
            return ActiveTest(session, plan)

        def failed(exc: Exception) -> None:
            self._report(exc)
            self.start_failed.emit()
        self._store.write(start, self.test_started.emit, failed)

    def new_recording_path(self, session: Session) -> Path:
        return recording_path(self.recordings_dir, session.id, datetime.now(UTC))

    def save_recording(self, test: ActiveTest, result: RecordingResult) -> None:
        def save(store: LocalStore) -> Recording:
            return store.add_recording(test.session.id, str(result.path), round(result.duration_s, 3),
                                       result.sample_rate, result.channels, upload_to=self.upload_to,
                                       question_id=test.task.id)

        def saved(recording: Recording) -> None:
            self.recording_saved.emit(recording)
            self.assess(recording.id, test)
        self._store.write(save, saved)

    def finish_test(self, session_id: ObjectId, status: SessionStatus = SessionStatus.COMPLETED) -> None:
        """End the session; a test of parts whose answers are all assessed gets its overall
        result now (else when the last one is)."""
        def finished(session: Session) -> None:
            self.test_finished.emit(session)
            self._conclude(session.id)
        self._store.write(lambda store: store.end_session(session_id, status), finished)

    def abandon_unanswered(self, session_id: ObjectId) -> None:
        """End a session in which nothing could be recorded (the microphone would not start), as
        abandoned and without `test_finished`: the window goes back to its start, not to a
        result or a "submitted" page, and the history shows it for what it was."""
        self._store.write(lambda store: store.end_session(session_id, SessionStatus.ABANDONED))

    def resume(self, session_id: ObjectId, on_done: Callable[[ActiveTest], None]) -> None:
        """Pick up an interrupted session at its first question without an answer (the answers
        given are kept, and assessed as usual)."""
        def resume(store: LocalStore) -> ActiveTest:
            test = self._active_test(store, session_id)
            store.add_event(session_id, EventType.RESUME, {"question_id": test.task.id})
            return test
        self._store.write(resume, on_done)

    def conclude_ended_tests(self) -> None:
        """Tests of parts that ended with their answers assessed but no overall result recorded
        (the app stopped in between): recorded now. Run at start."""
        def conclude_all(store: LocalStore) -> list[TestResult]:
            done = []
            for session_id in store.sessions_without_overall((FormatKind.MOCK.value, FormatKind.PART.value)):
                result = self._conclude_in(store, session_id)
                if result is not None:
                    done.append(result)
            return done
        def concluded(results: list[TestResult]) -> None:
            for result in results:
                self.test_concluded.emit(result)
        self._store.write(conclude_all, concluded)

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
                      status: str | None = None, after: PageCursor | None = None, limit: int = 100,
                      since: datetime | None = None, before: datetime | None = None) -> None:
        self._store.read(lambda s: s.list_sessions(level=level, status=status, after=after, limit=limit,
                                                   since=since, before=before), on_done)

    def test_result(self, session_id: ObjectId, on_done: Callable[[TestResult | None], None]) -> None:
        """A past session as the live test is shown: each question's latest answer (a quick
        practice has one), and a test of parts' overall result once due; None when the session
        is gone."""
        def result(store: LocalStore) -> TestResult | None:
            detail = store.get_session_detail(session_id)
            if detail is None:
                return None
            return result_of(detail, self._plan_of(detail.session))
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

    def save_settings(self, changes: SettingsChanges, api_key: str | None, on_done: Callable[[SavedSettings], None],
                      *, offline: bool | None = None) -> None:
        """Save what the person changed and read the settings back (`api_key`: the key in use,
        kept when no new one was typed); `on_done` gets them, with what could not be saved."""
        settings = self._settings
        if settings is None:
            on_done(SavedSettings(["Settings cannot be saved here."]))
            return
        self._store.write(lambda store: settings.save_and_read_back(changes, store, self.user_id, api_key,
                                                                    offline=offline), on_done)

    def use_assessment(self, make_assessor: Callable[[LocalStore], Assessor | None], can_evaluate: bool) -> None:
        """Assess with new settings from now on: an assessment under way finishes as it began,
        and answers left waiting for an AI service are tried again at once."""
        self._make_assessor = make_assessor
        self.can_evaluate = can_evaluate
        self._failures.clear()
        self._not_before.clear()
        self.resume_pending_assessments()

    # -- assessment (AI lane) ------------------------------------------------------------------

    def assess(self, recording_id: ObjectId, test: ActiveTest) -> None:
        """Queue the assessment of one answer, unless it is queued or running already, or its next
        try is not due yet (core/ai_timing.py): one answer is never uploaded twice at once."""
        if recording_id in self._in_flight or time.monotonic() < self._not_before.get(recording_id, 0.0):
            return
        self._in_flight[recording_id] = test
        self._ai.write(lambda store: self._assess(store, recording_id, test),
                       lambda outcome: self._assessed(recording_id, outcome),
                       lambda exc: self._assess_failed(recording_id, exc))

    def _assess(self, store: LocalStore, recording_id: ObjectId, test: ActiveTest) -> AssessmentOutcome | str:
        assessor = self._make_assessor(store)
        if assessor is None:
            return NOT_SET_UP
        self._cancel = threading.Event()  # before the button that sets it is shown
        step = test.current
        try:
            # Each step's words are emitted from this (AI-lane) thread; Qt queues them to the GUI.
            # A question of a mock test is short (20-30 s in the interview): the evidence gate asks
            # for half its own speaking time, not a whole task's (core/evidence_gate.py).
            outcome = assessor.assess(recording_id, task_prompt=step.assessed_prompt(), level=test.session.level,
                                      speak_s=step.task.speak_s if step.part is not None else None,
                                      cancel=self._cancel,
                                      on_step=lambda words: self.assessing.emit(words, step.task.id),
                                      on_measured=lambda outcome: self.measured.emit(
                                          answer_from_outcome(outcome, step.task.id)))
        finally:
            self._cancel = None
        # A quick practice's result is its answer's; a test of parts is held on its overall one.
        if outcome.evaluation is not None and test.plan.kind is FormatKind.PRACTICE:
            self._route(store, test.session.id, outcome.evaluation.confidence)
        return outcome

    def _route(self, store: LocalStore, session_id: ObjectId, confidence: float) -> None:
        below = self.review_below
        if below is not None and is_held(confidence, below):
            hold_for_review(store, session_id, confidence, below)

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
            if self.can_evaluate:  # else they were measured already and wait for an evaluation service
                work += [(t.recording_id, store.session_of("transcripts", t.id)) for t in store.pending_evaluations()]
            return [(recording_id, self._active_test(store, session_id, answer=recording_id))
                    for recording_id, session_id in work if session_id is not None]

        def run(jobs: list[tuple[ObjectId, ActiveTest]]) -> None:
            if not jobs:
                self._waiting.stop()
            for recording_id, test in jobs:
                self.assess(recording_id, test)
        self._ai.read(pending, run)

    def _assessed(self, recording_id: ObjectId, outcome: AssessmentOutcome | str) -> None:
        test = self._in_flight.pop(recording_id, None)
        self._failures.pop(recording_id, None)
        self._not_before.pop(recording_id, None)
        if isinstance(outcome, str):
            self.assessment_waiting.emit(outcome)
            return
        if outcome.waiting:  # measured here; no evaluation service is set up
            self.assessment_waiting.emit(f"{measured_words(outcome.transcript.provider)} {ADD_EVALUATION}")
            return
        self.assessed.emit(answer_from_outcome(outcome, test.task.id if test else None))
        if test is not None and test.plan.kind is not FormatKind.PRACTICE:
            self._conclude(test.session.id)

    def _assess_failed(self, recording_id: ObjectId, exc: Exception) -> None:
        self._in_flight.pop(recording_id, None)
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

    def _active_test(self, store: LocalStore, session_id: ObjectId, answer: ObjectId | None = None) -> ActiveTest:
        """A stored session with its plan (as its metadata recorded it when it started), at the
        question `answer` (a recording) answers, or else at its first question without one."""
        detail = store.get_session_detail(session_id)
        if detail is None:
            raise RecordError("session_id", f"no session {session_id} in this store", "the id of an existing session")
        plan = self._plan_of(detail.session)
        answered = answered_questions(detail, plan)
        if answer is not None:
            question = next((q for q, r in answered.items() if r.id == answer), None)
            step = plan.step_of(question)
            return ActiveTest(detail.session, plan, step.index if step else 0)
        return ActiveTest(detail.session, plan, min(plan.next_step(answered), len(plan.steps) - 1))

    def _plan_of(self, session: Session) -> TestPlan:
        return plan_from_metadata(session.metadata, session.level, self.tasks.get)

    def _conclude(self, session_id: ObjectId) -> None:
        def concluded(result: TestResult | None) -> None:
            if result is not None:
                self.test_concluded.emit(result)
        self._store.write(lambda store: self._conclude_in(store, session_id), concluded)

    def _conclude_in(self, store: LocalStore, session_id: ObjectId) -> TestResult | None:
        session = store.get_session(session_id)
        if session is None:
            return None
        result = conclude(store, session_id, self._plan_of(session))
        if result is not None and result.overall is not None and result.overall.level is not None:
            self._route(store, session_id, result.overall.confidence)
        return result

    def _report(self, exc: Exception) -> None:
        self.error.emit(sentence_for(exc))

    def shutdown(self) -> None:
        self._waiting.stop()
        self.cancel_transcription()  # quitting does not wait for a long transcription
        self._ai.shutdown()
        self._store.shutdown()
