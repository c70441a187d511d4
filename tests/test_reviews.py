"""Examiners' reviews in the local store: the AI's evaluation stays, the examiner's is a record
of its own in the audit chain, a blind second marking never becomes the result, and a held
session is released by its last first rating."""

from __future__ import annotations

import pytest

from speakcheck_desktop.assess.results import answer_of
from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.records import SCORE_KEYS, EventType, Level
from speakcheck_desktop.core.review import (
    ACCEPTED_RATIONALE,
    ReviewDecision,
    ReviewError,
    ReviewRole,
    ReviewState,
    examiner_rating,
    is_held,
)
from speakcheck_desktop.store.reviews import add_review, ai_evaluation, hold_for_review, review_queue, review_state
from tests.factories import SCORES, complete_session

OWN = dict.fromkeys(SCORE_KEYS, 5.0)


def own(examiner="Ana Ruiz", role=ReviewRole.FIRST, level="A2", scores=OWN, reason="Many long pauses."):
    return examiner_rating(examiner=examiner, role=role, decision=ReviewDecision.OWN, ai=None, level=level,
                           scores=scores, reason=reason)


def test_accepting_keeps_the_ai_evaluation_and_adds_the_examiners_in_the_chain(store):
    session, recording, transcript, ai = complete_session(store, "B1")
    rating = examiner_rating(examiner="  Ana   Ruiz ", role=ReviewRole.FIRST, decision=ReviewDecision.ACCEPTED, ai=ai)
    record = add_review(store, transcript.id, rating)

    detail = store.get_session_detail(session.id)
    assert [e.id for e in detail.evaluations][0] == ai.id and len(detail.evaluations) == 2
    assert detail.evaluations[0] == ai  # unchanged
    mine = detail.evaluations[1]
    assert (mine.overall_level, mine.scores, mine.confidence) == (Level.B1, SCORES, 1.0)
    assert mine.rationale == ACCEPTED_RATIONALE and mine.tips == ai.tips
    event = detail.events[-1]
    assert event.type is EventType.REVIEW
    assert event.payload["examiner"] == "Ana Ruiz" and event.payload["decision"] == "accepted"
    assert event.payload["ai_evaluation_id"] == str(ai.id) == record.ai_evaluation_id
    assert event.payload["document"]["_id"] == str(mine.id)
    report = verify_chain(session.id, [e.to_document() for e in detail.events], detail.session.to_document(),
                          documents={"recordings": [r.to_document() for r in detail.recordings],
                                     "transcripts": [t.to_document() for t in detail.transcripts],
                                     "evaluations": [e.to_document() for e in detail.evaluations]})
    assert report.intact and report.documents == 4, report.summary()

    answer = answer_of(detail, recording, None)
    assert answer.evaluation == mine and answer.ai_evaluation == ai and answer.review.examiner == "Ana Ruiz"
    assert ai_evaluation(detail, transcript.id) == ai  # the examiner's is never taken for the AI's


def test_an_own_rating_needs_a_reason_and_becomes_the_result_shown_in_the_history(store):
    session, recording, transcript, ai = complete_session(store, "B1")
    with pytest.raises(ReviewError, match="Say why"):
        own(reason="  ")
    add_review(store, transcript.id, own())
    [summary] = store.list_sessions().items
    assert summary.result_level is Level.A2
    answer = answer_of(store.get_session_detail(session.id), recording, None)
    assert answer.evaluation.overall_level is Level.A2 and answer.evaluation.rationale == "Many long pauses."
    assert answer.ai_evaluation.overall_level is Level.B1


def test_a_blind_second_marking_never_becomes_the_result(store):
    session, recording, transcript, ai = complete_session(store, "B1")
    with pytest.raises(ReviewError, match="blind"):
        examiner_rating(examiner="Li Wei", role=ReviewRole.SECOND, decision=ReviewDecision.ACCEPTED, ai=ai)
    assert review_queue(store, ReviewRole.SECOND) == []  # nothing to second-mark before a first rating
    add_review(store, transcript.id, own(level="B2", scores=dict.fromkeys(SCORE_KEYS, 7.0), reason="Fluent."))
    [waiting] = review_queue(store, ReviewRole.SECOND)
    assert waiting.transcript_id == str(transcript.id)
    second = own(examiner="Li Wei", role=ReviewRole.SECOND, level="C1", reason="")  # a reason is optional when blind
    add_review(store, transcript.id, second)
    assert review_queue(store, ReviewRole.SECOND) == []
    [summary] = store.list_sessions().items
    assert summary.result_level is Level.B2  # the first examiner's, not the second's C1
    answer = answer_of(store.get_session_detail(session.id), recording, None)
    assert answer.evaluation.overall_level is Level.B2 and answer.second_review.examiner == "Li Wei"
    assert answer.second_review.blind


@pytest.mark.parametrize("entry, sentence", [
    (dict(examiner=" "), "Enter your name as the examiner"),
    (dict(level=None), "Choose a level."),
    (dict(level="B3"), "Choose a level: A2, B1, B2, C1."),
    (dict(scores={k: v for k, v in OWN.items() if k != "grammar"}), "missing: grammar"),
    (dict(scores={**OWN, "fluency": 11}), "The fluency score must be from 0 to 10 in half points."),
    (dict(scores={**OWN, "coherence": 6.3}), "The coherence score must be from 0 to 10 in half points."),
])
def test_a_review_entered_wrongly_gets_a_sentence(entry, sentence):
    with pytest.raises(ReviewError, match=sentence.replace(".", r"\.").replace("(", r"\(")):
        own(**entry)


def test_there_is_nothing_to_accept_without_an_ai_evaluation():
    with pytest.raises(ReviewError, match="no AI evaluation to accept"):
        examiner_rating(examiner="Ana", role=ReviewRole.FIRST, decision=ReviewDecision.ACCEPTED, ai=None)


def test_the_queue_puts_held_then_not_enough_evidence_then_lowest_confidence_first(store, clock):
    sure = complete_session(store, "B1")
    unsure = complete_session(store, "B2")
    store.add_evaluation(unsure[2].id, "B2", 0.31, dict(SCORES), "Unsure.", [])  # a newer AI evaluation
    # An answer the gate refused: no evaluation, an insufficient_evidence event.
    gated = store.start_session("A2")
    recording = store.add_recording(gated.id, "/x.flac", duration_s=4.0)
    transcript = store.add_transcript(recording.id, "Thank you.", "en", "openai", "whisper-1")
    store.record_insufficient_evidence(transcript.id, {"reasons": ["Too short."], "advice": []})
    store.end_session(gated.id)
    held = complete_session(store, "C1")
    hold_for_review(store, held[0].id, 0.72, 0.8)
    active = complete_session(store, "B1", end=False)  # still under way: not listed

    queue = review_queue(store, ReviewRole.FIRST)
    assert [q.session_id for q in queue] == [str(held[0].id), str(gated.id), str(unsure[0].id), str(sure[0].id)]
    assert queue[1].not_enough_evidence and queue[2].confidence == 0.31 and queue[0].held
    assert str(active[0].id) not in {q.session_id for q in queue}
    assert [q.session_id for q in review_queue(store, ReviewRole.FIRST, level=Level.B2)] == [str(unsure[0].id)]


def test_a_held_session_is_released_by_its_last_first_rating(store):
    session, _, transcript, ai = complete_session(store, "B1")
    recording = store.add_recording(session.id, "/second.flac", duration_s=30.0)  # a second answer, after the end
    second = store.add_transcript(recording.id, "More words.", "en", "openai", "whisper-1")
    store.add_evaluation(second.id, "B1", 0.4, dict(SCORES), "Short.", [])
    hold_for_review(store, session.id, 0.4, 0.5)
    hold_for_review(store, session.id, 0.3, 0.5)  # held once only
    detail = store.get_session_detail(session.id)
    assert review_state(detail) is ReviewState.HELD
    assert [e.type for e in detail.events].count(EventType.REVIEW_HELD) == 1
    add_review(store, transcript.id, own())
    assert review_state(store.get_session_detail(session.id)) is ReviewState.HELD  # one answer left
    with pytest.raises(ReviewError, match="A second marking comes after a first one"):
        add_review(store, second.id, own(examiner="Li Wei", role=ReviewRole.SECOND, reason=""))
    with pytest.raises(ReviewError, match="Ana Ruiz gave the first marking of this answer"):
        add_review(store, transcript.id, own(role=ReviewRole.SECOND, reason=""))
    add_review(store, transcript.id, own(examiner="Li Wei", role=ReviewRole.SECOND, reason=""))
    assert review_state(store.get_session_detail(session.id)) is ReviewState.HELD  # a second marking releases nothing
    add_review(store, second.id, examiner_rating(examiner="Ana Ruiz", role=ReviewRole.FIRST,
                                                 decision=ReviewDecision.ACCEPTED, ai=ai))
    assert review_state(store.get_session_detail(session.id)) is ReviewState.REVIEWED


def test_the_routing_rule():
    assert is_held(0.4, 0.5) and not is_held(0.5, 0.5) and not is_held(0.4, None) and not is_held(None, 0.5)


def test_reviews_pulled_from_mongodb_keep_their_roles(store, data_dir, clock):
    from speakcheck_desktop.store.local_store import LocalStore
    session, _, transcript, ai = complete_session(store, "B1")
    add_review(store, transcript.id, own(level="A2"))
    add_review(store, transcript.id, own(examiner="Li Wei", role=ReviewRole.SECOND, level="C1", reason=""))
    detail = store.get_session_detail(session.id)
    with LocalStore.open(data_dir / "other.db", clock=clock) as other:
        assert other.import_documents(detail)
        [summary] = other.list_sessions().items
        assert summary.result_level is Level.A2
        assert ai_evaluation(other.get_session_detail(session.id), transcript.id) == ai


def test_the_history_says_a_held_result_is_under_review_then_reviewed(store):
    from speakcheck_desktop.ui.history_dock import row_view
    session, _, transcript, ai = complete_session(store, "B1")
    hold_for_review(store, session.id, 0.72, 0.8)
    [item] = store.list_sessions().items
    assert row_view(item).cells[4] == "B1 \u00b7 under review"
    add_review(store, transcript.id, own(level="A2"))
    [item] = store.list_sessions().items
    assert row_view(item).cells[4] == "A2 \u00b7 reviewed"
