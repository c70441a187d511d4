"""A test of parts as the store holds it (assess/test_results.py): which question each recording
answers, when the overall result is due, and that it is recorded once, with its event."""

from speakcheck_desktop.assess.test_results import answered_questions, conclude, result_of
from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.records import SCORE_KEYS, EventType, Level
from speakcheck_desktop.core.results import AnswerState
from speakcheck_desktop.core.test_plan import mock_plan, plan_from_metadata
from speakcheck_desktop.resources import load_mock_tests
from speakcheck_desktop.store.local_store import LocalStore

PLAN = mock_plan(next(t for t in load_mock_tests() if t.id == "a2-mock-01"))


def answer(store, session, question_id, *, score=None, speech_s=20.0, transcribe=True, name=None):
    """A recording of `question_id` (None: one recovered after a crash, unnamed); transcribed
    and then scored (`score`) or found without enough evidence (None)."""
    path = store.recordings_dir / f"{name or question_id}.flac"
    recording = store.add_recording(session.id, str(path), duration_s=speech_s + 2, question_id=question_id)
    if not transcribe:
        return recording
    transcript = store.add_transcript(recording.id, "words", "en", "openai", "whisper-1")
    fluency = {"fluency": {"speaking_time_s": speech_s}}
    if score is None:
        store.record_insufficient_evidence(transcript.id, {"reasons": ["Too short."], "advice": ["Say more."],
                                                           **fluency})
    else:
        store.add_evaluation(transcript.id, Level.A2, 0.8, dict.fromkeys(SCORE_KEYS, score), "ok", [],
                             provenance=fluency)
    return recording


def test_the_overall_result_waits_for_the_end_and_every_answer_then_is_recorded_once(tmp_path):
    with LocalStore.open(tmp_path / "s.db") as store:
        session = store.start_session("A2", metadata=PLAN.to_metadata())
        ids = [s.task.id for s in PLAN.steps]
        for qid in ids[:-1]:
            answer(store, session, qid, score=3.0)
        waiting = answer(store, session, ids[-1], transcribe=False)
        assert conclude(store, session.id, PLAN) is None  # still active
        store.end_session(session.id)
        result = result_of(store.get_session_detail(session.id), PLAN)
        assert result.waiting == 1 and result.overall is None
        assert conclude(store, session.id, PLAN) is None  # an answer is still waiting

        transcript = store.add_transcript(waiting.id, "words", "en", "openai", "whisper-1")
        store.add_evaluation(transcript.id, Level.A2, 0.8, dict.fromkeys(SCORE_KEYS, 3.0), "ok", [],
                             provenance={"fluency": {"speaking_time_s": 20.0}})
        done = conclude(store, session.id, PLAN)
        assert done is not None and done.overall is not None and done.overall.level is Level.A2
        assert conclude(store, session.id, PLAN) is None  # once
        detail = store.get_session_detail(session.id)
        [event] = [e for e in detail.events if e.type is EventType.OVERALL_RESULT]
        assert event.payload["overall"] == detail.session.metadata["overall"] == done.overall.to_metadata()
        assert detail.session.metadata["audit"]["events"] < event.payload["chain"]["seq"]  # after the end mark
        docs = [d.to_document() for d in detail.events]
        assert verify_chain(session.id, docs, detail.session.to_document()).intact
        assert result_of(detail, PLAN).overall == done.overall  # read back as recorded


def test_a_recording_recovered_after_a_crash_answers_the_question_that_was_under_way(tmp_path):
    with LocalStore.open(tmp_path / "s.db") as store:
        session = store.start_session("A2", metadata=PLAN.to_metadata())
        ids = [s.task.id for s in PLAN.steps]
        answer(store, session, ids[0], score=3.0)
        answer(store, session, ids[1], score=3.0)
        recovered = answer(store, session, None, transcribe=False, name="recovered")  # the crash was in question 3
        detail = store.get_session_detail(session.id)
        latest = answered_questions(detail, PLAN)
        assert latest[ids[2]].id == recovered.id and len(latest) == 3
        assert PLAN.next_step(latest) == 3  # a resume goes on with question 4
        again = answer(store, session, ids[1], score=5.0, name="again")  # question 2 recorded again
        latest = answered_questions(store.get_session_detail(session.id), PLAN)
        assert latest[ids[1]].id == again.id


def test_parts_without_evidence_are_named_and_a_mostly_unanswered_test_gets_no_level(tmp_path):
    with LocalStore.open(tmp_path / "s.db") as store:
        session = store.start_session("A2", metadata=PLAN.to_metadata())
        steps = PLAN.steps
        for step in steps:
            if step.part is PartKind.DISCUSSION:
                answer(store, session, step.task.id, score=None)  # not enough evidence in any
            else:
                answer(store, session, step.task.id, score=4.0)
        store.end_session(session.id)
        result = conclude(store, session.id, PLAN)
        assert result is not None and result.overall.level is Level.B1
        assert result.overall.parts_left_out == (PartKind.DISCUSSION,)
        states = {q.step.part: q.answer.state for q in result.questions}
        assert states[PartKind.DISCUSSION] is AnswerState.NOT_ENOUGH_EVIDENCE

        skipped = store.start_session("A2", metadata=PLAN.to_metadata())
        answer(store, skipped, steps[0].task.id, score=4.0, name="s0")
        answer(store, skipped, next(s for s in steps if s.part is PartKind.LONG_TURN).task.id, score=4.0, name="s1")
        store.end_session(skipped.id)
        result = conclude(store, skipped.id, plan_from_metadata(store.get_session(skipped.id).metadata, Level.A2))
        assert result is not None and result.overall.level is None
        assert result.overall.reasons[-1] == "An overall level needs answers to at least half of the questions."
        assert store.get_session(skipped.id).metadata["overall"]["level"] is None  # recorded as "no level"


def test_quick_practice_has_no_overall_result_and_ended_tests_are_found_to_conclude(tmp_path):
    with LocalStore.open(tmp_path / "s.db") as store:
        practice = store.start_session("A2", metadata={"task_id": "a2-describe-1", "task_prompt": "Describe."})
        answer(store, practice, "a2-describe-1", score=3.0)
        store.end_session(practice.id)
        plan = plan_from_metadata(practice.metadata, Level.A2)
        assert conclude(store, practice.id, plan) is None
        assert result_of(store.get_session_detail(practice.id), plan).overall is None
        mock = store.start_session("A2", metadata=PLAN.to_metadata())
        store.end_session(mock.id)
        assert store.sessions_without_overall(("mock", "part")) == [mock.id]
