"""Domain records: the seed's field names, and errors that name the field and what is allowed."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from bson import ObjectId

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import (
    SCORE_KEYS,
    Aspect,
    Evaluation,
    Event,
    RecordError,
    Recording,
    Session,
    Transcript,
    User,
)
from tests.seed_schema import SEED_FIELDS

NOW = datetime(2026, 11, 25, 10, 0, 0, 123456, tzinfo=UTC)
SCORES = {"fluency": 5, "accuracy": 6, "grammar": 7, "vocabulary": 8, "coherence": 9}



def valid(cls, **changes):
    base = {
        User: dict(name="Ana", created_at=NOW),
        Session: dict(level="B2", started_at=NOW),
        Recording: dict(session_id=ObjectId(), file_url="/tmp/a.flac", duration_s=3.5, sample_rate=16000,
                        created_at=NOW),
        Transcript: dict(recording_id=ObjectId(), text="hi", language="en", provider="openai", model="whisper-1",
                         created_at=NOW),
        Evaluation: dict(transcript_id=ObjectId(), overall_level="B1", confidence=0.5, scores=SCORES,
                         rationale="ok", tips=["a"], created_at=NOW),
        Event: dict(session_id=ObjectId(), type="start", created_at=NOW),
    }[cls]
    return cls(id=ObjectId(), **{**base, **changes})


@pytest.mark.parametrize("cls", list(SEED_FIELDS))
def test_documents_have_exactly_the_seed_fields_and_round_trip(cls):
    record = valid(cls)
    doc = record.to_document()
    assert set(doc) == SEED_FIELDS[cls]
    assert isinstance(doc["_id"], ObjectId)
    assert cls.from_document(doc) == record


def test_times_are_utc_at_millisecond_precision():
    plus_two = timezone(timedelta(hours=2))
    session = valid(Session, started_at=datetime(2026, 1, 1, 12, 0, 0, 999999, tzinfo=plus_two))
    assert session.started_at == datetime(2026, 1, 1, 10, 0, 0, 999000, tzinfo=UTC)
    assert session.started_at.tzinfo is UTC


def test_recording_channels_default_to_one():
    assert valid(Recording).channels == 1


@pytest.mark.parametrize("cls, changes, field, allowed", [
    (Session, dict(level="D1"), "sessions.level", "A2, B1, B2, C1"),
    (Session, dict(status="finished"), "sessions.status", "active, completed, abandoned"),
    (Session, dict(started_at=datetime(2026, 1, 1)), "sessions.started_at", "timezone-aware"),
    (Session, dict(status="completed"), "sessions.ended_at", "datetime"),
    (Session, dict(ended_at=NOW), "sessions.ended_at", "null while active"),
    (Session, dict(status="completed", ended_at=NOW - timedelta(seconds=1)), "sessions.ended_at", "at or after"),
    (Session, dict(user_id="nope"), "sessions.user_id", "ObjectId"),
    (Session, dict(metadata={"x": {1, 2}}), "sessions.metadata", "strings, numbers"),
    (Recording, dict(duration_s=-1), "recordings.duration_s", "0 or more"),
    (Recording, dict(channels=0), "recordings.channels", "1 or more"),
    (Recording, dict(sample_rate=16000.5), "recordings.sample_rate", "1 or more"),
    (Recording, dict(file_url=" "), "recordings.file_url", "string"),
    (Transcript, dict(language=""), "transcripts.language", "string"),
    (Transcript, dict(segments={"a": 1}), "transcripts.segments", "an array"),
    (Evaluation, dict(confidence=1.5), "evaluations.confidence", "0 to 1"),
    (Evaluation, dict(confidence=float("nan")), "evaluations.confidence", "0 to 1"),
    (Evaluation, dict(overall_level="C2"), "evaluations.overall_level", "A2, B1, B2, C1"),
    (Evaluation, dict(scores={**SCORES, "fluency": 11}), "evaluations.scores.fluency", "0 to 10"),
    (Evaluation, dict(scores={"fluency": 5}), "evaluations.scores",
     "fluency, accuracy, grammar, vocabulary, coherence"),
    (Evaluation, dict(tips="be brief"), "evaluations.tips", "an array"),
    (Event, dict(type="coffee"), "events.type", "start, record_stop, transcribe, evaluate"),
    (Event, dict(created_at=None), "events.created_at", "timezone-aware"),
])
def test_invalid_values_name_the_field_and_what_is_allowed(cls, changes, field, allowed):
    with pytest.raises(RecordError) as info:
        valid(cls, **changes)
    assert info.value.field == field
    assert allowed in str(info.value)
    assert str(info.value).startswith(field + ":")


def test_unknown_fields_in_a_document_are_refused():
    doc = valid(Session).to_document() | {"score": 3}
    with pytest.raises(RecordError, match="unknown field"):
        Session.from_document(doc)


@pytest.mark.parametrize("cls, missing, sentence", [
    (Session, "level", "sessions.level: None is not allowed (allowed: A2, B1, B2, C1)"),
    (Session, "started_at", "sessions.started_at: None is not a date (allowed: a timezone-aware datetime)"),
    (Recording, "file_url", "recordings.file_url: None is not non-empty text (allowed: a string)"),
    (Transcript, "text", "transcripts.text: None is not text (allowed: a string)"),
    (Evaluation, "scores", "evaluations.scores: NoneType given (allowed: an object)"),
    (Event, "created_at", "events.created_at: None is not a date (allowed: a timezone-aware datetime)"),
    (User, "_id", "users._id: None is not an id (allowed: an ObjectId or its 24-digit hex string)"),
])
def test_a_document_missing_a_required_field_is_refused_with_the_fields_own_sentence(cls, missing, sentence):
    doc = valid(cls).to_document()
    del doc[missing]
    with pytest.raises(RecordError) as info:
        cls.from_document(doc)
    assert str(info.value) == sentence
    assert isinstance(info.value, UserFacingError)


def test_records_take_their_fields_by_name_only_and_need_every_required_one():
    with pytest.raises(TypeError):
        Session(ObjectId(), None, "B2")  # positional: refused
    with pytest.raises(TypeError, match="started_at"):
        Session(id=ObjectId(), level="B2")


def test_the_score_keys_are_the_aspects_in_the_schemas_order():
    assert SCORE_KEYS == tuple(Aspect) == ("fluency", "accuracy", "grammar", "vocabulary", "coherence")
    assert list(valid(Evaluation, scores=dict(reversed(SCORES.items()))).scores) == list(SCORE_KEYS)
