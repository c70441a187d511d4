"""An answer's result as the person sees it, live or reopened from the history: one plain object,
so the windows never rebuild a result from stored event payloads themselves. A test of several
questions (a mock test, one part) is a `TestResult`: each question's answer, and the overall
result once every answer given was assessed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.overall_result import OverallResult
from speakcheck_desktop.core.records import Evaluation
from speakcheck_desktop.core.review import ReviewRecord
from speakcheck_desktop.core.test_plan import Step, TestPlan
from speakcheck_desktop.core.vocabulary import VocabularyProfile

LOCAL_PROVIDER = "local"  # transcripts.provider of a transcript made on this computer


def measured_words(transcribed_by: str | None) -> str:
    """What an answer transcribed and measured, but not yet evaluated, is."""
    made = ("Measured on this computer: transcript, fluency, vocabulary." if transcribed_by == LOCAL_PROVIDER
            else "Transcribed; fluency and vocabulary measured on this computer.")
    return f"{made} The level needs an AI evaluation, which runs when one is reachable."


class AnswerState(StrEnum):
    """Where one answer is. WAITING is the only state that changes by itself later."""
    ASSESSED = "assessed"  # an evaluation: level, confidence, sub-scores, tips
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"  # the evidence gate said no, with reasons and advice
    WAITING = "waiting"  # recorded (maybe transcribed), not assessed yet: it will be
    CANNOT_BE_ASSESSED = "cannot_be_assessed"  # its audio went missing or changed after recording
    NOTHING_RECORDED = "nothing_recorded"


@dataclass(frozen=True, kw_only=True)
class AnswerResult:
    state: AnswerState
    recording_id: ObjectId | None = None
    question_id: str | None = None  # the question (task) it answers
    transcript: str | None = None  # None: not transcribed
    transcribed_by: str | None = None  # transcripts.provider: "openai", "openai-compatible", "local"
    segments: list[dict[str, Any]] = field(default_factory=list)  # the transcriber's, with word timings
    fluency: dict[str, Any] = field(default_factory=dict)  # FluencyMeasures.as_dict()
    vocabulary: VocabularyProfile | None = None  # None: not measured (no transcript, or no word list)
    pauses: tuple[tuple[float, float], ...] = ()  # (start_s, end_s) in the recording
    evaluation: Evaluation | None = None
    outside_scale: str | None = None  # "below_A2" | "above_C1": the answer seems outside the test's range
    reasons: tuple[str, ...] = ()  # NOT_ENOUGH_EVIDENCE: why
    advice: tuple[str, ...] = ()  # NOT_ENOUGH_EVIDENCE: what to do
    problem: str | None = None  # CANNOT_BE_ASSESSED: what happened to the audio
    # An examiner's review (core/review.py): `evaluation` is then the first examiner's, and the
    # AI's stays beside it, unchanged. A blind second marking is never the result shown.
    review: ReviewRecord | None = None
    ai_evaluation: Evaluation | None = None
    second_review: ReviewRecord | None = None

    @property
    def final(self) -> bool:
        """Nothing more will come of this answer by itself (it is not waiting to be assessed)."""
        return self.state is not AnswerState.WAITING

    @property
    def measured_only(self) -> bool:
        """Transcribed and measured here, waiting for an AI evaluation to give the level."""
        return self.state is AnswerState.WAITING and self.transcript is not None

    @property
    def speaking_time_s(self) -> float:
        """The speech measured in the answer (0 when not measured)."""
        value = self.fluency.get("speaking_time_s")
        return float(value) if isinstance(value, int | float) else 0.0


@dataclass(frozen=True, kw_only=True)
class QuestionResult:
    step: Step
    answer: AnswerResult  # NOTHING_RECORDED: the question was not answered


@dataclass(frozen=True, kw_only=True)
class TestResult:
    session_id: ObjectId
    plan: TestPlan
    questions: tuple[QuestionResult, ...]
    ended: bool  # the session is completed or abandoned: no more answers will come
    overall: OverallResult | None = None  # None: not yet (answers waiting, or the test is not over)

    @property
    def answered(self) -> int:
        return sum(q.answer.state is not AnswerState.NOTHING_RECORDED for q in self.questions)

    @property
    def waiting(self) -> int:
        return sum(q.answer.state is AnswerState.WAITING for q in self.questions)


STATE_WORDS = {AnswerState.NOT_ENOUGH_EVIDENCE: "not enough evidence", AnswerState.WAITING: "waiting",
               AnswerState.CANNOT_BE_ASSESSED: "cannot be assessed", AnswerState.NOTHING_RECORDED: "not answered"}


def answer_words(answer: AnswerResult) -> str:
    """An answer's result in a word or two: "B2", "not enough evidence", "not answered"."""
    if answer.state is AnswerState.ASSESSED and answer.evaluation is not None:
        return answer.evaluation.overall_level.value
    return STATE_WORDS.get(answer.state, "")
