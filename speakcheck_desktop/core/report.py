"""A session's score report, as plain data: what the PDF (services/report_pdf.py) prints, decided
here so the wording and the rules are tested without Qt.

What goes on it follows the score reports people already know (Linguaskill's test report form,
Versant's score report): who and when, the format and its questions, the overall level with what
a speaker at that level can do, the sub-scores on the level bands, each part's result for a mock
test, the measured fluency and vocabulary, the assessor's reasons and tips with their quotes,
the confidence in words, the examiner's result or "under review" where the centre's rule applies,
the disclaimer, and a verification code (core/verification.py) with the command that checks it.

Two rules decide what is shown:
- A result held for review (`ReviewState.HELD`) shows no level, sub-scores, reasons or tips: the
  candidate sees "under review", as on the kiosk's last page, never the AI's figures that the
  examiner may change. The measures (what the recording itself shows) are kept.
- Where an examiner rated the answer (or the whole test), their result is the one shown, marked
  as theirs, with the AI's estimate beside it; the tips are the AI's (examiners give a level, a
  reason and scores, not tips)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.records import Evaluation, Level, Session
from speakcheck_desktop.core.results import AnswerResult, AnswerState, QuestionResult, TestResult, answer_words
from speakcheck_desktop.core.review import ReviewState
from speakcheck_desktop.core.test_plan import PART_TITLES, FormatKind

DISCLAIMER = "A practice estimate, not an official certificate."
REPORT_DISCLAIMER = (
    f"{DISCLAIMER} The level is an estimate of spoken English made by an automated assessment against "
    "descriptions of the CEFR levels in SpeakCheck's own words; where an examiner reviewed the result, "
    "theirs is shown. It is not a CEFR certificate and is not issued by the Council of Europe.")

# What a speaker at each level can do, in this project's words (a paraphrase of the idea of the
# CEFR's global scale for speaking, not its text).
CAN_DO: dict[Level, str] = {
    Level.A2: "Can talk about familiar, everyday things (family, routines, shopping, school or work) in short, "
              "simple sentences, with pauses and some help.",
    Level.B1: "Can keep going on familiar topics: describe experiences, events and plans, and give short reasons "
              "for opinions.",
    Level.B2: "Can speak at length and with some ease on most general topics, explain a point of view and weigh "
              "up the advantages and disadvantages of options.",
    Level.C1: "Can speak fluently and precisely on complex subjects, organising ideas clearly, with little visible "
              "effort in finding the words.",
}
BELOW_A2 = "The answers seem below A2, the lowest level this test measures: isolated words and phrases more than " \
           "connected speech."

HIGH_CONFIDENCE, MEDIUM_CONFIDENCE = 0.75, 0.5
EXAMINER_WORDS = "Set by an examiner, who listened to the recording."


def confidence_words(confidence: float) -> str:
    """The confidence (core/confidence.py) said as a person would read it."""
    if confidence >= HIGH_CONFIDENCE:
        return (f"High ({confidence:.0%}): the recording gave plenty of clear evidence and the scores sit well "
                "inside the level.")
    if confidence >= MEDIUM_CONFIDENCE:
        return (f"Medium ({confidence:.0%}): the level is likely; a longer or clearer answer would make it "
                "surer.")
    return (f"Low ({confidence:.0%}): treat the level as a rough guide; there was little speech, the recognition "
            "was unsure, or the scores sit near a level boundary.")


class ReportStatus(StrEnum):
    """What the report's headline says."""
    ASSESSED = "assessed"  # the AI's level
    EXAMINER = "examiner"  # an examiner's level
    UNDER_REVIEW = "under_review"  # held by the centre's rule: no level shown yet
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"
    LEVEL_TO_COME = "level_to_come"  # answered and measured; the evaluation has not run yet
    IN_PROGRESS = "in_progress"  # the test is not finished
    NOTHING_RECORDED = "nothing_recorded"


HEADLINES = {ReportStatus.UNDER_REVIEW: "Under review", ReportStatus.NOT_ENOUGH_EVIDENCE: "Not enough evidence",
             ReportStatus.LEVEL_TO_COME: "Level to come", ReportStatus.IN_PROGRESS: "Test not finished",
             ReportStatus.NOTHING_RECORDED: "Nothing recorded"}


@dataclass(frozen=True, kw_only=True)
class QuestionLine:
    where: str  # "Interview 2", "Long turn", "Task"
    prompt: str
    result: str  # "B1", "not enough evidence", "under review"


@dataclass(frozen=True, kw_only=True)
class MeasureLine:
    """What this computer measured in one answer (None: not measured)."""
    where: str
    speaking_time_s: float | None = None
    speech_rate_wpm: float | None = None
    pauses: int | None = None
    mean_length_of_run: float | None = None
    b2_and_above: float | None = None  # share of the words, from the CEFR word list
    mtld: float | None = None


@dataclass(frozen=True, kw_only=True)
class TipLine:
    where: str  # the question it is about ("" for quick practice)
    text: str
    quote: str | None = None
    span: tuple[float, float] | None = None  # where in the recording, in seconds


@dataclass(frozen=True, kw_only=True)
class Report:
    session_id: str
    person_label: str  # "Candidate" (a kiosk's) or "Learner"
    person: str
    centre: str | None
    taken_at: datetime
    format_title: str  # "Mock test · Working life", "Quick practice"
    level_tested: Level
    status: ReportStatus
    level: Level | None
    headline: str  # the level, or what stands in its place
    statement: str  # what the level means, or why there is none
    scores: dict[str, float] = field(default_factory=dict)
    confidence: float | None = None
    confidence_words: str = ""
    examiner_note: str | None = None  # "Examiner's result. The AI's estimate was B1."
    parts: tuple[tuple[str, str], ...] = ()  # (part, its result) for a mock test
    questions: tuple[QuestionLine, ...] = ()
    measures: tuple[MeasureLine, ...] = ()
    rationale: tuple[tuple[str, str], ...] = ()  # (where, the assessor's reasons)
    tips: tuple[TipLine, ...] = ()
    reasons: tuple[str, ...] = ()  # no level: why
    advice: tuple[str, ...] = ()  # no level: what to do
    disclaimer: str = REPORT_DISCLAIMER
    code: str | None = None  # the verification code; None: the session has no audit chain
    check_command: str = ""
    made_at: datetime


def check_command(session_id: str, code: str | None) -> str:
    """The command that checks the report against the centre's copy of the session."""
    return f"speakcheck verify-audit {session_id}" + (f" --code {code}" if code else "")


def _where(question: QuestionResult) -> str:
    step = question.step
    if step.part is None:
        return "Task"
    return PART_TITLES[step.part] + (f" {step.number}" if step.of > 1 else "")


def _measures(where: str, answer: AnswerResult) -> MeasureLine | None:
    fluency: Mapping[str, Any] = answer.fluency
    if not fluency and answer.vocabulary is None:
        return None

    def number(key: str) -> float | None:
        value = fluency.get(key)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    pauses = number("pause_count")
    vocabulary = answer.vocabulary if answer.vocabulary is not None and answer.vocabulary.known else None
    return MeasureLine(where=where, speaking_time_s=number("speaking_time_s"),
                       speech_rate_wpm=number("speech_rate_wpm"), pauses=None if pauses is None else int(pauses),
                       mean_length_of_run=number("mean_length_of_run"),
                       b2_and_above=vocabulary.b2_and_above if vocabulary else None,
                       mtld=vocabulary.mtld if vocabulary else None)


def _tips(where: str, evaluation: Evaluation | None) -> list[TipLine]:
    tips = []
    for tip in (evaluation.tips if evaluation else []):
        tip = tip if isinstance(tip, dict) else {"text": str(tip)}
        start, end = tip.get("start_s"), tip.get("end_s")
        span = (float(start), float(end)) if isinstance(start, int | float) and isinstance(end, int | float) else None
        if str(tip.get("text") or "").strip():
            tips.append(TipLine(where=where, text=str(tip["text"]).strip(), quote=tip.get("quote") or None,
                                span=span))
    return tips


def build_report(*, session: Session, result: TestResult, person_label: str, person: str, centre: str | None,
                 review: ReviewState, code: str | None, made_at: datetime) -> Report:
    """The report of a session as the store holds it now (`result`: assess/test_results.py)."""
    held = review is ReviewState.HELD
    questions, measures, rationale, tips = [], [], [], []
    for question in result.questions:
        answer, where = question.answer, _where(question)
        said = ("under review" if held and answer.state is AnswerState.ASSESSED
                else "level to come" if answer.measured_only else answer_words(answer))
        questions.append(QuestionLine(where=where, prompt=question.step.task.prompt, result=said))
        line = _measures(where, answer)
        if line is not None:
            measures.append(line)
        if held or answer.evaluation is None:
            continue
        if answer.evaluation.rationale.strip():
            rationale.append((where, answer.evaluation.rationale.strip()))
        # An examiner's rating has no tips: the AI's still help the learner.
        tips += _tips(where, answer.evaluation if answer.evaluation.tips else answer.ai_evaluation)
    common = dict(session_id=str(session.id), person_label=person_label, person=person, centre=centre or None,
                  taken_at=session.started_at, format_title=result.plan.describe(), level_tested=session.level,
                  questions=tuple(questions), measures=tuple(measures), code=code,
                  check_command=check_command(str(session.id), code), made_at=made_at)
    if result.plan.kind is FormatKind.PRACTICE:
        answer = result.questions[0].answer if result.questions else AnswerResult(
            state=AnswerState.NOTHING_RECORDED)
        # Quick practice asks one task: its lines need no "where".
        tips = [replace(t, where="") for t in tips]
        rationale = [("", text) for _, text in rationale]
        return _answer_report(answer, held, common, tuple(rationale), tuple(tips))
    return _test_report(session, result, held, common, tuple(rationale), tuple(tips))


def _answer_report(answer: AnswerResult, held: bool, common: dict[str, Any], rationale: tuple[tuple[str, str], ...],
                   tips: tuple[TipLine, ...]) -> Report:
    evaluation = answer.evaluation
    if answer.state is AnswerState.ASSESSED and evaluation is not None:
        if held:
            return Report(**common, status=ReportStatus.UNDER_REVIEW, level=None,
                          headline=HEADLINES[ReportStatus.UNDER_REVIEW], statement=_under_review())
        examiner = answer.review is not None
        below = f" {BELOW_A2}" if answer.outside_scale == "below_A2" else ""
        return Report(**common, status=ReportStatus.EXAMINER if examiner else ReportStatus.ASSESSED,
                      level=evaluation.overall_level, headline=evaluation.overall_level.value,
                      statement=CAN_DO[evaluation.overall_level] + below, scores=dict(evaluation.scores),
                      confidence=evaluation.confidence,
                      confidence_words=EXAMINER_WORDS if examiner else confidence_words(evaluation.confidence),
                      examiner_note=_examiner_note(answer.ai_evaluation) if examiner else None,
                      rationale=rationale, tips=tips)
    if answer.state is AnswerState.NOT_ENOUGH_EVIDENCE:
        return Report(**common, status=ReportStatus.NOT_ENOUGH_EVIDENCE, level=None,
                      headline=HEADLINES[ReportStatus.NOT_ENOUGH_EVIDENCE],
                      statement="The recording did not give enough evidence for a level.",
                      reasons=answer.reasons, advice=answer.advice)
    if answer.state is AnswerState.NOTHING_RECORDED:
        return Report(**common, status=ReportStatus.NOTHING_RECORDED, level=None,
                      headline=HEADLINES[ReportStatus.NOTHING_RECORDED], statement="No answer was recorded.")
    if answer.state is AnswerState.CANNOT_BE_ASSESSED:
        return Report(**common, status=ReportStatus.NOT_ENOUGH_EVIDENCE, level=None, headline="Cannot be assessed",
                      statement=answer.problem or "The recording's audio is gone.")
    return Report(**common, status=ReportStatus.LEVEL_TO_COME, level=None,
                  headline=HEADLINES[ReportStatus.LEVEL_TO_COME],
                  statement="The answer is recorded and waits for its assessment, which runs when an AI service "
                            "is reachable; save the report again then.")


def _test_report(session: Session, result: TestResult, held: bool, common: dict[str, Any],
                 rationale: tuple[tuple[str, str], ...], tips: tuple[TipLine, ...]) -> Report:
    overall = result.overall
    if overall is None:
        status = ReportStatus.IN_PROGRESS if not result.ended else ReportStatus.LEVEL_TO_COME
        statement = (f"{result.answered} of {len(result.questions)} questions answered; the overall result comes "
                     "when the test is finished." if status is ReportStatus.IN_PROGRESS else
                     f"{result.waiting} answer(s) still wait for their assessment; the overall result comes then.")
        return Report(**common, status=status, level=None, headline=HEADLINES[status], statement=statement,
                      rationale=rationale, tips=tips)
    parts = tuple((PART_TITLES[p.part], "under review" if held and p.level else p.words()) for p in overall.parts)
    if held and overall.level is not None:
        return Report(**common, status=ReportStatus.UNDER_REVIEW, level=None, parts=parts,
                      headline=HEADLINES[ReportStatus.UNDER_REVIEW], statement=_under_review())
    if overall.level is None:
        return Report(**common, status=ReportStatus.NOT_ENOUGH_EVIDENCE, level=None, parts=parts,
                      headline=HEADLINES[ReportStatus.NOT_ENOUGH_EVIDENCE],
                      statement="The test did not give enough evidence for an overall level.",
                      reasons=overall.reasons, rationale=rationale, tips=tips)
    examiner = bool(((session.metadata or {}).get("overall") or {}).get("reviewed"))
    below = f" {BELOW_A2}" if overall.outside_scale == "below_A2" else ""
    return Report(**common, status=ReportStatus.EXAMINER if examiner else ReportStatus.ASSESSED,
                  level=overall.level, headline=overall.level.value, statement=CAN_DO[overall.level] + below,
                  scores=dict(overall.scores), confidence=overall.confidence,
                  confidence_words=EXAMINER_WORDS if examiner else confidence_words(overall.confidence),
                  examiner_note="Examiners' result: the overall level comes from the examiners' ratings of the "
                                "answers." if examiner else None,
                  parts=parts, reasons=overall.reasons, rationale=rationale, tips=tips)


def _under_review() -> str:
    return ("An examiner of the centre checks this result before it is given. The level appears on the report "
            "once they have.")


def _examiner_note(ai: Evaluation | None) -> str:
    return "Examiner's result." + (f" The AI's estimate was {ai.overall_level.value}." if ai else "")
