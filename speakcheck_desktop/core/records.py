"""Domain records for the six collections of the seed schema (docs/datastructure.md).

Each record validates itself on construction and turns into a MongoDB document with exactly the
seed's field names. Invalid input raises `RecordError` naming the field and what is allowed, so a
caller can show it and nothing half-valid is ever written.
"""

from __future__ import annotations

import json
import math
from dataclasses import MISSING, dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Self

from bson import ObjectId

from speakcheck_desktop.core.clock import utc_ms
from speakcheck_desktop.core.errors import UserFacingError


class Level(StrEnum):
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"


class SessionStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class EventType(StrEnum):
    # The seed's four, written by the store with the step they record.
    START = "start"
    RECORD_STOP = "record_stop"
    TRANSCRIBE = "transcribe"
    EVALUATE = "evaluate"
    # What the app adds: a session picked up again, audio removed by pruning, audio that went
    # missing or changed before it was sent or scored (its recording is sent without it).
    RESUME = "resume"
    AUDIO_PRUNED = "audio_pruned"
    AUDIO_LOST = "audio_lost"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"  # the evidence gate said no: no score was made
    OVERALL_RESULT = "overall_result"  # a test of several questions: its overall result, once all were assessed
    REVIEW = "review"  # an examiner's rating of an answer (core/review.py): who, in which role, why
    REVIEW_HELD = "review_held"  # the centre's routing rule held the session's result for review


class Aspect(StrEnum):
    """The five aspects of speaking that an evaluation scores. Each value is a key of
    `evaluations.scores` (the schema's names, which stay as they are); the rubric describes these
    same five, the prompt asks for them and the model's answer is parsed into them, so the words
    the model reads and the keys it fills cannot drift apart."""
    FLUENCY = "fluency"
    ACCURACY = "accuracy"
    GRAMMAR = "grammar"
    VOCABULARY = "vocabulary"
    COHERENCE = "coherence"


SCORE_KEYS: tuple[str, ...] = tuple(aspect.value for aspect in Aspect)  # in the schema's order
SCORE_RANGE = (0.0, 10.0)


class RecordError(UserFacingError, ValueError):
    """A value that the schema does not allow. `field` is `collection.field`. Its message names
    the field, the problem and what is allowed, for the person who typed or imported the value."""

    def __init__(self, field: str, problem: str, allowed: str | None = None):
        self.field = field
        self.problem = problem
        self.allowed = allowed
        message = f"{field}: {problem}"
        if allowed:
            message += f" (allowed: {allowed})"
        super().__init__(message)


def _enum(where: str, enum: type[StrEnum], value: Any) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise RecordError(where, f"{value!r} is not allowed", ", ".join(m.value for m in enum)) from None


def _object_id(where: str, value: Any, *, optional: bool = False) -> ObjectId | None:
    if value is None and optional:
        return None
    if isinstance(value, ObjectId):
        return value
    if isinstance(value, str) and ObjectId.is_valid(value):
        return ObjectId(value)
    allowed = "an ObjectId or its 24-digit hex string" + (", or null" if optional else "")
    raise RecordError(where, f"{value!r} is not an id", allowed)


def _utc(where: str, value: Any, *, optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    if not isinstance(value, datetime):
        raise RecordError(where, f"{value!r} is not a date", "a timezone-aware datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise RecordError(where, "the datetime has no time zone", "a timezone-aware datetime (UTC is stored)")
    return utc_ms(value)


def _text(where: str, value: Any, *, optional: bool = False, empty_ok: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not empty_ok and not value.strip()):
        raise RecordError(where, f"{value!r} is not {'text' if empty_ok else 'non-empty text'}", "a string")
    return value


def _number(where: str, value: Any, *, optional: bool = False, low: float | None = None,
            high: float | None = None, integer: bool = False) -> float | int | None:
    if value is None and optional:
        return None
    kind = int if integer else (int, float)
    if (isinstance(value, bool) or not isinstance(value, kind)
            or (isinstance(value, float) and not math.isfinite(value))):
        raise RecordError(where, f"{value!r} is not {'a whole number' if integer else 'a number'}",
                          _range_text(low, high))
    if (low is not None and value < low) or (high is not None and value > high):
        raise RecordError(where, f"{value!r} is out of range", _range_text(low, high))
    return value


def _range_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g} to {high:g}"
    if low is not None:
        return f"{low:g} or more"
    return "a number"


def _json(where: str, value: Any, kind: type, *, optional: bool = False) -> Any:
    """A dict or list that round-trips through JSON, so it stores the same locally and in MongoDB."""
    if value is None and optional:
        return None
    if not isinstance(value, kind):
        raise RecordError(where, f"{type(value).__name__} given", "an object" if kind is dict else "an array")
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise RecordError(where, f"holds a value JSON cannot keep ({exc})",
                          "strings, numbers, booleans, null, objects, arrays") from None


# kw_only: every field is passed by name, so the fields keep the schema's order (a required one
# may follow an optional one) and a required one needs no default; a record built without one is
# a TypeError, as for any missing argument.
@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """Base of the six records: `id` is the document's `_id`, made on the device."""

    collection: ClassVar[str]
    id: ObjectId  # stored as `_id`

    def to_document(self) -> dict[str, Any]:
        doc = {}
        for f in fields(self):
            value = getattr(self, f.name)
            doc["_id" if f.name == "id" else f.name] = value.value if isinstance(value, StrEnum) else value
        return doc

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}
        extra = set(doc) - names - {"_id"}
        if extra:
            raise RecordError(f"{cls.collection}", f"unknown field(s) {sorted(extra)}",
                              ", ".join(["_id", *sorted(names - {"id"})]))
        kwargs = {("id" if k == "_id" else k): v for k, v in doc.items()}
        # A document (from MongoDB, say) without a required field is refused by the field's own
        # check, which names it and what is allowed, not by Python's "missing argument".
        for f in fields(cls):
            if f.name not in kwargs and f.default is MISSING and f.default_factory is MISSING:
                kwargs[f.name] = None
        return cls(**kwargs)

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True, kw_only=True)
class User(Record):
    collection: ClassVar[str] = "users"
    email: str | None = None
    name: str | None = None
    created_at: datetime

    def __post_init__(self) -> None:
        self._set("id", _object_id("users._id", self.id))
        self._set("email", _text("users.email", self.email, optional=True))
        self._set("name", _text("users.name", self.name, optional=True))
        self._set("created_at", _utc("users.created_at", self.created_at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Session(Record):
    collection: ClassVar[str] = "sessions"
    user_id: ObjectId | None = None
    level: Level
    status: SessionStatus = SessionStatus.ACTIVE
    started_at: datetime
    ended_at: datetime | None = None
    metadata: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        self._set("id", _object_id("sessions._id", self.id))
        self._set("user_id", _object_id("sessions.user_id", self.user_id, optional=True))
        self._set("level", _enum("sessions.level", Level, self.level))
        self._set("status", _enum("sessions.status", SessionStatus, self.status))
        self._set("started_at", _utc("sessions.started_at", self.started_at))
        self._set("ended_at", _utc("sessions.ended_at", self.ended_at, optional=True))
        self._set("metadata", _json("sessions.metadata", self.metadata, dict, optional=True))
        if self.status is SessionStatus.ACTIVE and self.ended_at is not None:
            raise RecordError("sessions.ended_at", "an active session has no end", "null while active")
        if self.status is not SessionStatus.ACTIVE and self.ended_at is None:
            raise RecordError("sessions.ended_at", f"a {self.status.value} session needs its end time",
                              "a timezone-aware datetime")
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise RecordError("sessions.ended_at", "ends before it started", "a time at or after started_at")


@dataclass(frozen=True, slots=True, kw_only=True)
class Recording(Record):
    collection: ClassVar[str] = "recordings"
    session_id: ObjectId
    file_url: str
    duration_s: float | None = None
    sample_rate: int | None = None
    channels: int = 1
    created_at: datetime

    def __post_init__(self) -> None:
        self._set("id", _object_id("recordings._id", self.id))
        self._set("session_id", _object_id("recordings.session_id", self.session_id))
        self._set("file_url", _text("recordings.file_url", self.file_url, empty_ok=False))
        self._set("duration_s", _number("recordings.duration_s", self.duration_s, optional=True, low=0))
        self._set("sample_rate", _number("recordings.sample_rate", self.sample_rate, optional=True, low=1,
                                         integer=True))
        self._set("channels", _number("recordings.channels", self.channels, low=1, integer=True))
        self._set("created_at", _utc("recordings.created_at", self.created_at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Transcript(Record):
    collection: ClassVar[str] = "transcripts"
    recording_id: ObjectId
    text: str
    language: str
    provider: str
    model: str
    segments: list[Any] | None = None
    created_at: datetime

    def __post_init__(self) -> None:
        self._set("id", _object_id("transcripts._id", self.id))
        self._set("recording_id", _object_id("transcripts.recording_id", self.recording_id))
        self._set("text", _text("transcripts.text", self.text))
        self._set("language", _text("transcripts.language", self.language, empty_ok=False))
        self._set("provider", _text("transcripts.provider", self.provider, empty_ok=False))
        self._set("model", _text("transcripts.model", self.model, empty_ok=False))
        self._set("segments", _json("transcripts.segments", self.segments, list, optional=True))
        self._set("created_at", _utc("transcripts.created_at", self.created_at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation(Record):
    collection: ClassVar[str] = "evaluations"
    transcript_id: ObjectId
    overall_level: Level
    confidence: float
    scores: dict[str, float]
    rationale: str
    tips: list[Any]
    created_at: datetime

    def __post_init__(self) -> None:
        self._set("id", _object_id("evaluations._id", self.id))
        self._set("transcript_id", _object_id("evaluations.transcript_id", self.transcript_id))
        self._set("overall_level", _enum("evaluations.overall_level", Level, self.overall_level))
        self._set("confidence", _number("evaluations.confidence", self.confidence, low=0, high=1))
        scores = _json("evaluations.scores", self.scores, dict)
        if set(scores) != set(SCORE_KEYS):
            raise RecordError("evaluations.scores", f"has keys {sorted(scores)}", "exactly " + ", ".join(SCORE_KEYS))
        for key in SCORE_KEYS:
            _number(f"evaluations.scores.{key}", scores[key], low=SCORE_RANGE[0], high=SCORE_RANGE[1])
        self._set("scores", {key: scores[key] for key in SCORE_KEYS})  # in the schema's order
        self._set("rationale", _text("evaluations.rationale", self.rationale))
        self._set("tips", _json("evaluations.tips", self.tips, list))
        self._set("created_at", _utc("evaluations.created_at", self.created_at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    collection: ClassVar[str] = "events"
    session_id: ObjectId
    type: EventType
    payload: dict[str, Any] | None = None
    created_at: datetime

    def __post_init__(self) -> None:
        self._set("id", _object_id("events._id", self.id))
        self._set("session_id", _object_id("events.session_id", self.session_id))
        self._set("type", _enum("events.type", EventType, self.type))
        self._set("payload", _json("events.payload", self.payload, dict, optional=True))
        self._set("created_at", _utc("events.created_at", self.created_at))


# Parents before children: the order sync pushes upserts in (and deletes in reverse).
RECORD_TYPES: tuple[type[Record], ...] = (User, Session, Recording, Transcript, Evaluation, Event)
COLLECTIONS: tuple[str, ...] = tuple(t.collection for t in RECORD_TYPES)
RECORD_BY_COLLECTION: dict[str, type[Record]] = {t.collection: t for t in RECORD_TYPES}
