"""An examiner's review of an answer: the rules, without storage or screens.

A centre trusts automatic scores when people check them. An examiner looks at one answer (its
audio, transcript, measures and the AI's evaluation) and either accepts the AI's evaluation or
gives their own level and sub-scores with a reason. The AI's evaluation is never changed: the
examiner's is an `evaluations` document of its own (the seed's fields), and the `review` event
that records it names who, in which role and why (store/reviews.py). The result shown is then the
first examiner's, marked as theirs.

Double marking: a second examiner rates blind, without seeing the AI's or the first examiner's
scores, so their rating is an independent one; the two are compared by core/agreement.py. A
second, blind rating cannot "accept" anything: it is always the examiner's own.

Routing: a centre sets the confidence below which a result is held for review. A held result
says "under review" instead of a level on the kiosk's last page (and in reports), until every
assessed answer of the session has a first examiner's rating; staff see the AI's level with
"under review" beside it in the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import SCORE_KEYS, SCORE_RANGE, Evaluation, Event, EventType, Level

# An examiner's evaluation is not an estimate of its own reliability, but the schema's
# `evaluations.confidence` is required: a person's rating is recorded as certain.
EXAMINER_CONFIDENCE = 1.0
MAX_NAME = 80
MAX_REASON = 2000
ACCEPTED_RATIONALE = "The examiner accepted the AI's evaluation."
UNDER_REVIEW = "under review"


class ReviewRole(StrEnum):
    FIRST = "first"  # their rating becomes the result shown
    SECOND = "second"  # double marking: blind, for agreement between examiners


class ReviewDecision(StrEnum):
    ACCEPTED = "accepted"  # the AI's level and sub-scores, as they are
    OWN = "own"  # the examiner's own level and sub-scores


class ReviewState(StrEnum):
    """Where a session stands with the centre's routing rule."""
    NOT_HELD = "not_held"  # shown as assessed
    HELD = "held"  # "under review" until examiners have rated it
    REVIEWED = "reviewed"  # held, then rated: the examiners' result is shown


class ReviewError(UserFacingError, ValueError):
    """What is wrong with a review as entered, as a sentence."""


@dataclass(frozen=True, kw_only=True)
class ExaminerRating:
    """A review as submitted: checked whole by `examiner_rating`."""
    examiner: str
    role: ReviewRole
    decision: ReviewDecision
    level: Level
    scores: dict[str, float]
    reason: str
    blind: bool
    tips: tuple[Any, ...] = ()  # the AI's tips, kept when its evaluation is accepted

    @property
    def rationale(self) -> str:
        return self.reason if self.decision is ReviewDecision.OWN else (
            f"{ACCEPTED_RATIONALE} {self.reason}".strip())


def examiner_rating(*, examiner: str, role: ReviewRole, decision: ReviewDecision, ai: Evaluation | None,
                    level: Level | str | None = None, scores: Mapping[str, float] | None = None,
                    reason: str = "") -> ExaminerRating:
    """Check what the examiner entered. Accepting copies the AI's level and sub-scores (there must
    be an evaluation, and a second marker, rating blind, has none to accept); an own rating needs
    a level, the five sub-scores on the 0-10 scale in half points, and, from the first examiner,
    a reason (it replaces the AI's result, so the centre needs to know why; a blind second rating
    may give one)."""
    name = " ".join(examiner.split())
    if not name:
        raise ReviewError("Enter your name as the examiner: every review records who made it.")
    if len(name) > MAX_NAME:
        raise ReviewError(f"The examiner's name is too long ({MAX_NAME} characters at most).")
    why = reason.strip()
    if len(why) > MAX_REASON:
        raise ReviewError(f"The reason is too long ({MAX_REASON} characters at most).")
    blind = role is ReviewRole.SECOND
    if decision is ReviewDecision.ACCEPTED:
        if blind:
            raise ReviewError("A second marking is blind: give your own level and sub-scores.")
        if ai is None:
            raise ReviewError("There is no AI evaluation to accept: give your own level and sub-scores.")
        return ExaminerRating(examiner=name, role=role, decision=decision, level=ai.overall_level,
                              scores=dict(ai.scores), reason=why, blind=False, tips=tuple(ai.tips))
    if level is None:
        raise ReviewError("Choose a level.")
    try:
        chosen = Level(level)
    except ValueError:
        raise ReviewError(f"Choose a level: {', '.join(v.value for v in Level)}.") from None
    given = dict(scores or {})
    missing = [key for key in SCORE_KEYS if key not in given]
    if missing:
        raise ReviewError(f"Give all five sub-scores (missing: {', '.join(missing)}).")
    low, high = SCORE_RANGE
    for key in SCORE_KEYS:
        value = given[key]
        if not isinstance(value, int | float) or not low <= value <= high or value * 2 != int(value * 2):
            raise ReviewError(f"The {key} score must be from {low:g} to {high:g} in half points.")
    if not why and not blind:
        raise ReviewError("Say why you give a different result: the centre keeps the reason with the review.")
    return ExaminerRating(examiner=name, role=role, decision=decision, level=chosen,
                          scores={key: float(given[key]) for key in SCORE_KEYS}, reason=why, blind=blind)


@dataclass(frozen=True, kw_only=True)
class ReviewRecord:
    """A review as stored (the `review` event's payload), read back."""
    examiner: str
    role: ReviewRole
    decision: ReviewDecision
    reason: str
    blind: bool
    evaluation_id: str  # the examiner's evaluations document
    ai_evaluation_id: str | None  # the AI's, as it was when reviewed (None: it had none)
    at: datetime

    def to_payload(self) -> dict[str, Any]:
        return {"examiner": self.examiner, "role": self.role.value, "decision": self.decision.value,
                "reason": self.reason, "blind": self.blind, "evaluation_id": self.evaluation_id,
                "ai_evaluation_id": self.ai_evaluation_id}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any], at: datetime) -> ReviewRecord | None:
        """None for a payload this version does not understand (it is then left out, not guessed)."""
        try:
            return cls(examiner=str(payload["examiner"]), role=ReviewRole(payload["role"]),
                       decision=ReviewDecision(payload["decision"]), reason=str(payload.get("reason") or ""),
                       blind=bool(payload.get("blind")), evaluation_id=str(payload["evaluation_id"]),
                       ai_evaluation_id=payload.get("ai_evaluation_id"), at=at)
        except (KeyError, ValueError, TypeError):
            return None

    def words(self) -> str:
        """How the result pane says whose result it is."""
        what = "accepted the AI's evaluation" if self.decision is ReviewDecision.ACCEPTED else "gave this result"
        return f"Examiner {self.examiner} {what} on {self.at.astimezone():%d %b %Y}."  # this computer's day


def is_held(confidence: float | None, review_below: float | None) -> bool:
    """Whether the centre's rule holds a result with this confidence for review (no rule, or no
    level to hold: not held)."""
    return review_below is not None and confidence is not None and confidence < review_below


@dataclass(frozen=True, kw_only=True)
class QueueItem:
    """One answer waiting for an examiner, as the Review workspace lists it."""
    session_id: str
    recording_id: str
    transcript_id: str
    question_id: str | None
    session_level: Level
    recorded_at: datetime
    centre: str
    candidate_id: str | None
    ai_level: Level | None  # None: not enough evidence to score
    confidence: float | None
    held: bool  # the session is held by the centre's routing rule
    first_review: bool  # has a first examiner's rating

    @property
    def not_enough_evidence(self) -> bool:
        return self.ai_level is None


def queue_order(item: QueueItem) -> tuple[bool, bool, float, datetime]:
    """Held results first (a candidate waits for them), then "not enough evidence" (an examiner
    may hear what the gate could not), then the lowest confidence, then the oldest."""
    return (not item.held, not item.not_enough_evidence, item.confidence if item.confidence is not None else 0.0,
            item.recorded_at)


def reviews_by_transcript(events: Iterable[Event]) -> dict[str, dict[ReviewRole, ReviewRecord]]:
    """The session's reviews: transcript id -> role -> the latest review in that role."""
    found: dict[str, dict[ReviewRole, ReviewRecord]] = {}
    for event in events:
        payload = event.payload or {}
        if event.type is not EventType.REVIEW or not payload.get("transcript_id"):
            continue
        record = ReviewRecord.from_payload(payload, event.created_at)
        if record is not None:
            found.setdefault(str(payload["transcript_id"]), {})[record.role] = record
    return found


def examiner_roles(events: Iterable[Event]) -> dict[str, ReviewRole]:
    """Evaluation id -> the role of the examiner who made it, for every review, also those a
    later one in the same role replaced (the AI's evaluations are not in it)."""
    roles = {}
    for event in events:
        if event.type is EventType.REVIEW:
            record = ReviewRecord.from_payload(event.payload or {}, event.created_at)
            if record is not None:
                roles[record.evaluation_id] = record.role
    return roles
