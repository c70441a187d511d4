"""Examiners' reviews in the local store (the rules are core/review.py's).

A review writes, in one transaction: the examiner's `evaluations` document (the seed's fields, for
the same transcript as the AI's, which stays as it is) and a `review` event in the session's audit
chain that names it (its hash, as every graded step's event does), with who, in which role and
why. When the session was held by the centre's routing rule and every assessed answer now has a
first examiner's rating, the session's `metadata.review` becomes "reviewed" in the same
transaction, so the result is released exactly when the last rating is stored.

The queue is read from sessions in this store: a staff computer has the centre's sessions here
once they are pulled from MongoDB (`speakcheck pull`); reviews go back with the usual sync.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.agreement import RatedAnswer, Rating
from speakcheck_desktop.core.clock import to_epoch_ms
from speakcheck_desktop.core.records import Evaluation, EventType, Level, RecordError
from speakcheck_desktop.core.review import (
    EXAMINER_CONFIDENCE,
    ExaminerRating,
    QueueItem,
    ReviewDecision,
    ReviewError,
    ReviewRecord,
    ReviewRole,
    ReviewState,
    examiner_roles,
    queue_order,
    reviews_by_transcript,
)
from speakcheck_desktop.store.local_store import LocalStore, document_ref
from speakcheck_desktop.store.views import SessionDetail


def review_state(detail: SessionDetail) -> ReviewState:
    state = ((detail.session.metadata or {}).get("review") or {}).get("state")
    try:
        return ReviewState(state) if state else ReviewState.NOT_HELD
    except ValueError:
        return ReviewState.NOT_HELD


def ai_evaluations(detail: SessionDetail) -> dict[ObjectId, Evaluation]:
    """Each transcript's latest evaluation by the AI (an examiner's are not the AI's), read from
    the session's review events once: loops over a session's answers use this."""
    examiners = examiner_roles(detail.events)
    latest: dict[ObjectId, Evaluation] = {}
    for evaluation in detail.evaluations:  # oldest first: a later one replaces
        if str(evaluation.id) not in examiners:
            latest[evaluation.transcript_id] = evaluation
    return latest


def ai_evaluation(detail: SessionDetail, transcript_id: ObjectId) -> Evaluation | None:
    """The AI's latest evaluation of the transcript."""
    return ai_evaluations(detail).get(transcript_id)


def hold_for_review(store: LocalStore, session_id: ObjectId, confidence: float, below: float) -> None:
    """The centre's rule held this session's result: an event and `metadata.review`, together."""
    with store.write():
        session = store.existing_session(session_id)
        if (session.metadata or {}).get("review"):
            return  # held once; a result made again (a retried answer) does not hold it twice
        event = store.put_event(session_id, EventType.REVIEW_HELD, {"confidence": confidence, "below": below})
        held = {"state": ReviewState.HELD.value, "confidence": confidence, "below": below}
        store.put(replace(session, metadata={**(session.metadata or {}), "review": held}),
                  last_activity_ms=to_epoch_ms(event.created_at))


def add_review(store: LocalStore, transcript_id: ObjectId, rating: ExaminerRating) -> ReviewRecord:
    """Store one examiner's rating of the answer with this transcript (see the module's docstring)."""
    with store.write():
        session_id = store.session_of("transcripts", transcript_id)
        if session_id is None:
            raise RecordError("transcript_id", f"no transcript {transcript_id} in this store",
                              "the id of an existing transcript")
        detail = store.get_session_detail(session_id)
        assert detail is not None  # the transcript's session, in this transaction
        ai = ai_evaluation(detail, transcript_id)
        done = reviews_by_transcript(detail.events).get(str(transcript_id), {})
        first = done.get(ReviewRole.FIRST)
        if rating.role is ReviewRole.SECOND and first is None:
            raise ReviewError("A second marking comes after a first one: this answer has no first examiner's "
                              "rating yet.")
        if rating.role is ReviewRole.SECOND and first is not None and first.examiner == rating.examiner:
            raise ReviewError(f"{rating.examiner} gave the first marking of this answer: a second marking "
                              "is by another examiner, so that the two are independent.")
        at = store.stamp(session_id)
        evaluation = Evaluation(id=ObjectId(), transcript_id=transcript_id, overall_level=rating.level,
                                confidence=EXAMINER_CONFIDENCE, scores=dict(rating.scores),
                                rationale=rating.rationale, tips=list(rating.tips), created_at=at)
        store.put(evaluation, session_id=session_id)
        store.conn.execute("UPDATE evaluations SET rated_by = ? WHERE id = ?", (rating.role.value, str(evaluation.id)))
        record = ReviewRecord(examiner=rating.examiner, role=rating.role, decision=rating.decision,
                              reason=rating.reason, blind=rating.blind, evaluation_id=str(evaluation.id),
                              ai_evaluation_id=str(ai.id) if ai else None, at=at)
        event = store.put_event(session_id, EventType.REVIEW,
                                {**record.to_payload(), "transcript_id": str(transcript_id),
                                 "overall_level": rating.level.value, "document": document_ref(evaluation)}, at=at)
        if review_state(detail) is ReviewState.HELD:
            reviewed = store.get_session_detail(session_id)
            assert reviewed is not None
            if not unreviewed(reviewed):
                session = reviewed.session
                released = {**(session.metadata or {}).get("review", {}), "state": ReviewState.REVIEWED.value}
                store.put(replace(session, metadata={**(session.metadata or {}), "review": released}),
                          last_activity_ms=to_epoch_ms(event.created_at))
    return record


def unreviewed(detail: SessionDetail) -> list[str]:
    """Transcripts of the session with an AI evaluation and no first examiner's rating."""
    reviews = reviews_by_transcript(detail.events)
    by_ai = ai_evaluations(detail)
    return [str(t.id) for t in detail.transcripts if t.id in by_ai
            and ReviewRole.FIRST not in reviews.get(str(t.id), {})]


def review_queue(store: LocalStore, role: ReviewRole, *, since: datetime | None = None,
                 until: datetime | None = None, level: Level | None = None, centre: str | None = None,
                 limit: int = 500) -> list[QueueItem]:
    """Answers waiting for an examiner in this role (first: not yet rated by one; second: rated by
    a first examiner and not by a second), in `queue_order`. `since`/`until`: when the session
    started; `centre`: the kiosk's centre name, exactly."""
    where, args = _started_between(since, until)
    where.append("status != 'active'")  # an answer under way is not reviewed yet
    # Only sessions with an answer waiting in this role are read whole (the rest would cost a
    # full read each, on every reload, for nothing).
    rated = "SELECT 1 FROM evaluations e WHERE e.transcript_id = t.id AND e.rated_by = '{}'"
    waiting = (f"NOT EXISTS ({rated.format('first')})" if role is ReviewRole.FIRST else
               f"EXISTS ({rated.format('first')}) AND NOT EXISTS ({rated.format('second')})")
    where.append(f"id IN (SELECT t.session_id FROM transcripts t WHERE {waiting})")
    if level is not None:
        where.append("level = ?")
        args.append(Level(level).value)
    if centre:
        where.append("json_extract(doc, '$.metadata.centre') = ?")
        args.append(centre)
    items: list[QueueItem] = []
    for detail in _sessions(store, where, args):
        items.extend(_waiting(detail, role))
    return sorted(items, key=queue_order)[:limit]


def rated_answers(store: LocalStore, *, since: datetime | None = None,
                  until: datetime | None = None) -> list[RatedAnswer]:
    """Every answer an examiner rated (sessions started in [since, until)): the AI's rating, the
    first examiner's and the second's where double-marked, for core/agreement.py."""
    where, args = _started_between(since, until)
    where.append("id IN (SELECT session_id FROM evaluations WHERE rated_by IS NOT NULL)")
    rated = []
    for detail in _sessions(store, where, args):
        by_id = {str(e.id): e for e in detail.evaluations}
        by_ai = ai_evaluations(detail)
        for transcript_id, reviews in reviews_by_transcript(detail.events).items():
            first, second = (reviews.get(role) for role in (ReviewRole.FIRST, ReviewRole.SECOND))
            rated.append(RatedAnswer(ai=_rating(by_ai.get(ObjectId(transcript_id))),
                                     human=_rating(by_id.get(first.evaluation_id) if first else None),
                                     human2=_rating(by_id.get(second.evaluation_id) if second else None),
                                     accepted=first is not None and first.decision is ReviewDecision.ACCEPTED))
    return rated


def _rating(evaluation: Evaluation | None) -> Rating | None:
    return Rating(evaluation.overall_level, dict(evaluation.scores)) if evaluation else None


def _started_between(since: datetime | None, until: datetime | None) -> tuple[list[str], list[str | int]]:
    """The SQL conditions (and their arguments) for sessions started in [since, until)."""
    where: list[str] = ["1 = 1"]
    args: list[str | int] = []
    if since is not None:
        where.append("started_at_ms >= ?")
        args.append(to_epoch_ms(since))
    if until is not None:
        where.append("started_at_ms < ?")
        args.append(to_epoch_ms(until))
    return where, args


def _sessions(store: LocalStore, where: list[str], args: list[str | int]) -> Iterator[SessionDetail]:
    rows = store.conn.execute(f"SELECT id FROM sessions WHERE {' AND '.join(where)} ORDER BY started_at_ms",
                              args).fetchall()
    for (session_id,) in rows:
        detail = store.get_session_detail(ObjectId(session_id))
        if detail is not None:
            yield detail


def _waiting(detail: SessionDetail, role: ReviewRole) -> list[QueueItem]:
    reviews = reviews_by_transcript(detail.events)
    held = review_state(detail) is ReviewState.HELD
    metadata: dict[str, Any] = detail.session.metadata or {}
    judged = {str((e.payload or {}).get("transcript_id")) for e in detail.events
              if e.type is EventType.INSUFFICIENT_EVIDENCE}
    by_ai = ai_evaluations(detail)
    items = []
    for transcript in detail.transcripts:
        tid = str(transcript.id)
        done = reviews.get(tid, {})
        ai = by_ai.get(transcript.id)
        if ai is None and tid not in judged:
            continue  # not assessed yet: nothing to review
        if role in done or (role is ReviewRole.SECOND and ReviewRole.FIRST not in done):
            continue
        recording = next((r for r in detail.recordings if r.id == transcript.recording_id), None)
        items.append(QueueItem(
            session_id=str(detail.session.id), recording_id=str(transcript.recording_id), transcript_id=tid,
            question_id=detail.question_of(transcript.recording_id), session_level=detail.session.level,
            recorded_at=recording.created_at if recording else transcript.created_at,
            centre=str(metadata.get("centre") or ""), candidate_id=metadata.get("candidate_id"),
            ai_level=ai.overall_level if ai else None, confidence=ai.confidence if ai else None, held=held,
            first_review=ReviewRole.FIRST in done))
    return items
