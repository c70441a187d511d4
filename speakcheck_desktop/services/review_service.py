"""Examiners' reviews for the Review workspace, on a store lane of their own (a long queue never
delays the test being taken); the rules are core/review.py's, the records store/reviews.py's, and
the routing rule is applied where results are stored (services/session_service.py). Every write
announces itself on `data_changed`, so the history reloads and the sync sends the review."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bson import ObjectId
from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.assess.results import answer_of
from speakcheck_desktop.assess.test_results import compute_overall, result_of
from speakcheck_desktop.core.agreement import AgreementReport, agreement_report
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.results import AnswerResult
from speakcheck_desktop.core.review import ExaminerRating, QueueItem, ReviewRecord, ReviewRole
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import FormatKind, plan_from_metadata
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.pull import fetch_finished_sessions
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import StoreLane
from speakcheck_desktop.store.centre_key import CentreKeyError, load_centre_key
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.result_signing import SigningError, sign_session
from speakcheck_desktop.store.reviews import add_review, rated_answers, review_queue, unreviewed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueFilter:
    since: datetime | None = None
    until: datetime | None = None
    level: Level | None = None
    centre: str | None = None


@dataclass(frozen=True)
class ReviewSubject:
    """One answer as the examiner sees it: the question, and the result as stored."""
    item: QueueItem
    prompt: str
    answer: AnswerResult


class ReviewService(QObject):
    error = Signal(str)  # a sentence
    data_changed = Signal()

    def __init__(self, store: LocalStore, tasks: TaskBank, *, mirror: MongoMirror | None = None,
                 centre_key_dir: Path | None = None, parent: QObject | None = None):
        """`store`: a connection of its own (used only on this service's lane); `mirror`: the
        centre's MongoDB, whose finished sessions a staff computer copies in to review (None:
        a kiosk, or no sync); `centre_key_dir`: where a staff computer's centre key is."""
        super().__init__(parent)
        self.mirror = mirror
        # A staff computer with the centre's key signs each session it reviews (never a kiosk).
        self.centre_key_dir = centre_key_dir
        self._tasks = tasks
        self._store = StoreLane("reviews", store, self._report, self)
        self._store.changed.connect(self.data_changed)

    def queue(self, role: ReviewRole, filters: QueueFilter, on_done: Callable[[list[QueueItem]], None]) -> None:
        self._store.read(lambda s: review_queue(s, role, since=filters.since, until=filters.until,
                                                level=filters.level, centre=filters.centre), on_done)

    def subject(self, item: QueueItem, on_done: Callable[[ReviewSubject | None], None]) -> None:
        """The answer behind a queue item, read afresh (None: it is gone, deleted meanwhile)."""
        def read(store: LocalStore) -> ReviewSubject | None:
            detail = store.get_session_detail(ObjectId(item.session_id))
            recording = next((r for r in detail.recordings if str(r.id) == item.recording_id), None) \
                if detail else None
            if detail is None or recording is None:
                return None
            plan = plan_from_metadata(detail.session.metadata, detail.session.level, self._tasks.get)
            step = plan.step_of(item.question_id) or plan.steps[0]
            return ReviewSubject(item, step.task.prompt, answer_of(detail, recording, item.question_id))
        self._store.read(read, on_done)

    def submit(self, transcript_id: str, rating: ExaminerRating, on_done: Callable[[ReviewRecord], None]) -> None:
        def review(store: LocalStore) -> ReviewRecord:
            record = add_review(store, ObjectId(transcript_id), rating)
            # The review is stored: what follows must not make it look lost (and be given twice).
            session_id = store.session_of("transcripts", ObjectId(transcript_id))
            try:
                if session_id is not None:
                    self._reconclude(store, session_id)
                    self._sign(store, session_id)
            except Exception as exc:  # noqa: BLE001 - said in a sentence; the review is kept
                log.error("After a review of session %s", session_id, exc_info=exc)
                self.error.emit(f"The review is saved, but the session's result or signature could not be "
                                f"updated: {sentence_for(exc)}")
            return record
        self._store.write(review, on_done)

    def _sign(self, store: LocalStore, session_id: ObjectId) -> None:
        """Sign the reviewed session's chain head with the centre's key, when this computer has
        one. The review is stored already: a key that cannot be used is said in a sentence and
        the session stays unsigned (`speakcheck sign` signs it later)."""
        if self.centre_key_dir is None:
            return
        try:
            key = load_centre_key(self.centre_key_dir)
            if key is not None:
                sign_session(store, key, session_id)
        except (CentreKeyError, SigningError) as exc:
            self.error.emit(f"The review is saved, but the session was not signed: {exc}")

    def _reconclude(self, store: LocalStore, session_id: ObjectId) -> None:
        """A test of parts whose overall result was recorded, now with every assessed answer
        rated by a first examiner: its overall result again, from the examiners' ratings, as a
        new `overall_result` event (the AI's stays in the first) marked as reviewed."""
        detail = store.get_session_detail(session_id)
        if detail is None or "overall" not in (detail.session.metadata or {}) or unreviewed(detail):
            return
        plan = plan_from_metadata(detail.session.metadata, detail.session.level, self._tasks.get)
        if plan.kind is FormatKind.PRACTICE:
            return
        # From the answers as shown: each the first examiner's where rated (a blind second
        # marking never counts), so a later first rating (of an answer the gate refused, say)
        # changes it again, and a second marking does not.
        overall = {**compute_overall(result_of(detail, plan)).to_metadata(), "reviewed": True}
        if overall != (detail.session.metadata or {}).get("overall"):
            store.record_overall(session_id, overall)

    def fetch_from_mongodb(self, filters: QueueFilter, on_done: Callable[[str], None]) -> None:
        """Copy the centre's finished sessions that are not here yet from MongoDB (the filters'
        centre and dates), then say in a sentence how many came; problems as sentences too."""
        mirror = self.mirror
        if mirror is None:
            on_done("MongoDB is not set up on this computer: set its address in Settings to review a centre's "
                    "sessions here.")
            return

        def fetch(store: LocalStore) -> str:
            return fetch_finished_sessions(store, mirror, centre=filters.centre, since=filters.since,
                                           until=filters.until).sentence()

        def failed(exc: Exception) -> None:
            on_done(sentence_for(exc))
        self._store.write(fetch, on_done, failed)

    def agreement(self, on_done: Callable[[AgreementReport], None]) -> None:
        self._store.read(lambda s: agreement_report(rated_answers(s)), on_done)

    def use_mirror(self, mirror: MongoMirror) -> None:
        """Copy from another MongoDB from now on (new settings). Swapped on the lane, between two
        copies, so a copy under way finishes with the connection it began with."""
        def swap(_store: LocalStore) -> None:
            old, self.mirror = self.mirror, mirror
            if old is not None:
                old.close()
        self._store.read(swap, lambda _: None)

    def _report(self, exc: Exception) -> None:
        self.error.emit(sentence_for(exc))

    def shutdown(self) -> None:
        self._store.shutdown()
        if self.mirror is not None:
            self.mirror.close()

