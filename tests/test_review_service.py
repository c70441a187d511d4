"""ReviewService on its lane: a mock test whose answers are all rated by a first examiner gets its
overall result again, from the examiners' ratings, recorded as reviewed; the AI's stays in the
chain."""

from __future__ import annotations

from speakcheck_desktop.assess.test_results import conclude
from speakcheck_desktop.core.records import SCORE_KEYS, EventType, Level
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import mock_plan
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.services.review_service import ReviewService
from speakcheck_desktop.store.local_store import LocalStore
from tests.factories import SCORES


def mock_session(store: LocalStore):
    """A whole B1 mock test, every answer assessed by the AI (sub-scores of a B2), its overall result
    recorded."""
    test = next(t for t in load_mock_tests() if t.level is Level.B1)
    plan = mock_plan(test)
    session = store.start_session("B1", metadata=plan.to_metadata())
    transcripts = []
    for step in plan.steps:
        recording = store.add_recording(session.id, f"/{step.task.id}.flac", duration_s=30.0,
                                        question_id=step.task.id)
        transcript = store.add_transcript(recording.id, "words " * 60, "en", "openai", "whisper-1",
                                          event_details={"fluency": {"speaking_time_s": 25.0}})
        store.add_evaluation(transcript.id, "B1", 0.7, dict(SCORES), "Fine.", [])
        transcripts.append(transcript)
    store.end_session(session.id)
    assert conclude(store, session.id, plan) is not None
    return session, transcripts


def test_a_mock_test_reviewed_whole_gets_the_examiners_overall_result(qtbot, store, data_dir, clock):
    session, transcripts = mock_session(store)
    assert store.get_session(session.id).metadata["overall"]["level"] == "B2"  # the mean of SCORES, 7.0
    service = ReviewService(LocalStore.open(data_dir / "speakcheck.db", clock=clock),
                            TaskBank.load(resource_path("tasks.json")))
    try:
        low = dict.fromkeys(SCORE_KEYS, 3.0)  # A2 on the rubric's bands
        for i, transcript in enumerate(transcripts):
            rating = examiner_rating(examiner="Ana Ruiz", role=ReviewRole.FIRST, decision=ReviewDecision.OWN,
                                     ai=None, level="A2", scores=low, reason="Memorised answers.")
            with qtbot.waitCallback(timeout=10000) as done:
                service.submit(str(transcript.id), rating, done)
            overall = store.get_session(session.id).metadata["overall"]
            if i < len(transcripts) - 1:
                assert overall["level"] == "B2" and "reviewed" not in overall  # not until the last
        overall = store.get_session(session.id).metadata["overall"]
        assert overall["reviewed"] is True and overall["level"] == "A2"
        assert overall["scores"] == low
        results = [e.payload["overall"] for e in store.get_session_detail(session.id).events
                   if e.type is EventType.OVERALL_RESULT]
        assert [r["level"] for r in results] == ["B2", "A2"]  # the AI's kept in the chain

        # A later blind second marking changes nothing of the result shown.
        second = examiner_rating(examiner="Li Wei", role=ReviewRole.SECOND, decision=ReviewDecision.OWN, ai=None,
                                 level="C1", scores=dict.fromkeys(SCORE_KEYS, 9.0))
        with qtbot.waitCallback(timeout=10000) as done:
            service.submit(str(transcripts[0].id), second, done)
        assert store.get_session(session.id).metadata["overall"]["level"] == "A2"
    finally:
        service.shutdown()



def accept_with_key(qtbot, store, data_dir, clock, key_dir):
    """One session reviewed (the AI's evaluation accepted) by a service with this centre-key
    folder; returns the session and the sentences the service said."""
    from tests.factories import complete_session

    session, _, transcript, ai = complete_session(store, "B1")
    service = ReviewService(LocalStore.open(data_dir / "speakcheck.db", clock=clock),
                            TaskBank.load(resource_path("tasks.json")), centre_key_dir=key_dir)
    errors: list[str] = []
    service.error.connect(errors.append)
    try:
        rating = examiner_rating(examiner="Ana Ruiz", role=ReviewRole.FIRST, decision=ReviewDecision.ACCEPTED, ai=ai)
        with qtbot.waitCallback(timeout=10000) as done:
            service.submit(str(transcript.id), rating, done)
    finally:
        service.shutdown()
    return session, errors


def test_a_review_on_a_computer_with_the_centre_key_signs_the_session(qtbot, store, data_dir, clock, tmp_path):
    from speakcheck_desktop.core.chain_signature import VerdictKind
    from speakcheck_desktop.store.centre_key import create_centre_key
    from speakcheck_desktop.store.result_signing import signature_verdict

    key = create_centre_key(tmp_path / "centre-key")
    session, errors = accept_with_key(qtbot, store, data_dir, clock, tmp_path / "centre-key")
    detail = store.get_session_detail(session.id)
    verdict = signature_verdict(session.id, detail.session.to_document(), [e.to_document() for e in detail.events],
                                key.public_key)
    assert verdict.kind is VerdictKind.VALID and errors == []
    assert detail.events[-1].type is EventType.REVIEW  # the signature covers the review


def test_a_centre_key_that_cannot_be_used_leaves_the_review_saved_and_says_so(qtbot, store, data_dir, clock,
                                                                               tmp_path):
    from speakcheck_desktop.store.centre_key import create_centre_key

    key = create_centre_key(tmp_path / "centre-key")
    key.path.chmod(0o644)  # readable by others: refused
    session, errors = accept_with_key(qtbot, store, data_dir, clock, tmp_path / "centre-key")
    assert [e.type for e in store.get_session_detail(session.id).events][-1] is EventType.REVIEW
    assert "audit_signature" not in store.get_session(session.id).metadata
    assert len(errors) == 1 and errors[0].startswith("The review is saved, but the session was not signed:")
    assert "chmod 600" in errors[0]
