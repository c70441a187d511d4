"""A test of several questions as a whole: each question's latest answer and, once the session
has ended and every answer given has been assessed (or found without enough evidence), its
overall result by the rule of core/overall_result.py, recorded once (`LocalStore.record_overall`:
an `overall_result` event and `sessions.metadata.overall`).

Which question a recording answers is what its `record_stop` event named. A recording without a
name (one recovered after a crash: the recorder's file does not know the question) answers the
first question that had no answer when it was made: questions are taken in order, and a crash
interrupts the one under way."""

from __future__ import annotations

from bson import ObjectId

from speakcheck_desktop.assess.results import answer_of
from speakcheck_desktop.core.overall_result import AnswerEvidence, OverallResult, overall_result
from speakcheck_desktop.core.records import Recording, SessionStatus
from speakcheck_desktop.core.results import AnswerResult, AnswerState, QuestionResult, TestResult
from speakcheck_desktop.core.test_plan import FormatKind, TestPlan
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.views import SessionDetail


def answered_questions(detail: SessionDetail, plan: TestPlan) -> dict[str, Recording]:
    """Each answered question's latest recording, by question id."""
    latest: dict[str, Recording] = {}
    for recording in detail.recordings:  # oldest first: a later recording of a question replaces it
        question_id = detail.question_of(recording.id)
        if plan.step_of(question_id) is None:
            index = min(plan.next_step(latest), len(plan.steps) - 1)
            question_id = plan.steps[index].task.id
        if question_id is not None:
            latest[question_id] = recording
    return latest


def result_of(detail: SessionDetail, plan: TestPlan) -> TestResult:
    """The test as the store holds it; `overall` is the recorded one, or (due but not recorded
    yet) the one `conclude` would record."""
    latest = answered_questions(detail, plan)
    questions = tuple(QuestionResult(step=step, answer=answer_of(detail, latest[step.task.id], step.task.id)
                                     if step.task.id in latest else
                                     AnswerResult(state=AnswerState.NOTHING_RECORDED, question_id=step.task.id))
                      for step in plan.steps)
    ended = detail.session.status is not SessionStatus.ACTIVE
    result = TestResult(session_id=detail.session.id, plan=plan, questions=questions, ended=ended)
    overall = OverallResult.from_metadata((detail.session.metadata or {}).get("overall"))
    if overall is None and _due(result):
        overall = compute_overall(result)
    return TestResult(session_id=result.session_id, plan=plan, questions=questions, ended=ended, overall=overall)


def compute_overall(result: TestResult) -> OverallResult:
    answers = [AnswerEvidence(part=q.step.part, speaking_time_s=_speaking_time(q),
                              scores=dict(q.answer.evaluation.scores) if q.answer.evaluation else None,
                              confidence=q.answer.evaluation.confidence if q.answer.evaluation else None)
               for q in result.questions if q.step.part is not None
               and q.answer.state is not AnswerState.NOTHING_RECORDED]
    return overall_result(result.plan.parts, answers, questions=len(result.questions))


def conclude(store: LocalStore, session_id: ObjectId, plan: TestPlan) -> TestResult | None:
    """Record the test's overall result if it is due and not recorded yet; returns the test with
    it (None: nothing was recorded now)."""
    detail = store.get_session_detail(session_id)
    if detail is None or "overall" in (detail.session.metadata or {}):
        return None
    result = result_of(detail, plan)
    if result.overall is None:
        return None
    store.record_overall(session_id, result.overall.to_metadata())
    return result


def _due(result: TestResult) -> bool:
    """An overall result is made for a test of parts that has ended and has no answer waiting."""
    return result.plan.kind is not FormatKind.PRACTICE and result.ended and result.waiting == 0


def _speaking_time(question: QuestionResult) -> float:
    """The speech measured in the answer. An answer never measured (its audio went missing
    before it was transcribed) counts as half its question's speaking time, the evidence gate's
    least: it was said, so it counts against the share of the test that could be assessed."""
    measured = question.answer.speaking_time_s
    return measured if question.answer.fluency else question.step.task.speak_s / 2
