"""The windows' words for what the engine names: levels, parts, formats, session statuses, answer
states, the sub-scores. The engine keeps its own English (the command line, the reports and
MongoDB read it, and the AI is asked in English); the windows show these instead, through Qt's
translation, so a learner reads the instructions around a task in their language while the task
itself stays English (it is an English test).

Their English is the engine's, word for word: the tests compare the windows' text with it, and
tests/test_translations.py checks that the two agree. The markers (QT_TRANSLATE_NOOP) let
pyside6-lupdate see the words; `translate` looks them up when they are shown."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.core.results import AnswerResult, AnswerState
from speakcheck_desktop.core.test_plan import FormatKind, Step, TestPlan

CONTEXT = "Texts"

LEVEL_SUMMARIES = {
    Level.A2: QT_TRANSLATE_NOOP("Texts", "A2 \u2013 Elementary: short, simple talk about familiar, everyday things."),
    Level.B1: QT_TRANSLATE_NOOP("Texts", "B1 \u2013 Intermediate: connected talk about familiar topics, experiences "
                                         "and plans."),
    Level.B2: QT_TRANSLATE_NOOP("Texts", "B2 \u2013 Upper intermediate: clear, detailed talk and arguments on a wide "
                                         "range of topics."),
    Level.C1: QT_TRANSLATE_NOOP("Texts", "C1 \u2013 Advanced: fluent, well-organised talk on complex subjects, with "
                                         "nuance."),
}
PART_TITLES = {PartKind.INTERVIEW: QT_TRANSLATE_NOOP("Texts", "Interview"),
               PartKind.LONG_TURN: QT_TRANSLATE_NOOP("Texts", "Long turn"),
               PartKind.DISCUSSION: QT_TRANSLATE_NOOP("Texts", "Discussion")}
# "Show the answer to the interview, question 2"
PART_NAMES = {PartKind.INTERVIEW: QT_TRANSLATE_NOOP("Texts", "the interview"),
              PartKind.LONG_TURN: QT_TRANSLATE_NOOP("Texts", "the long turn"),
              PartKind.DISCUSSION: QT_TRANSLATE_NOOP("Texts", "the discussion")}
# A part practised on its own, or taken again after a mock test: whole phrases, since word order
# differs between languages ("Interview practice" is "Práctica de entrevista").
PART_PRACTICE = {PartKind.INTERVIEW: QT_TRANSLATE_NOOP("Texts", "Interview practice \u00b7 {title}"),
                 PartKind.LONG_TURN: QT_TRANSLATE_NOOP("Texts", "Long turn practice \u00b7 {title}"),
                 PartKind.DISCUSSION: QT_TRANSLATE_NOOP("Texts", "Discussion practice \u00b7 {title}"),
                 None: QT_TRANSLATE_NOOP("Texts", "Part practice \u00b7 {title}")}
PART_RETAKE = {PartKind.INTERVIEW: QT_TRANSLATE_NOOP("Texts", "Interview retake \u00b7 {title}"),
               PartKind.LONG_TURN: QT_TRANSLATE_NOOP("Texts", "Long turn retake \u00b7 {title}"),
               PartKind.DISCUSSION: QT_TRANSLATE_NOOP("Texts", "Discussion retake \u00b7 {title}"),
               None: QT_TRANSLATE_NOOP("Texts", "Part retake \u00b7 {title}")}
STATUSES = {SessionStatus.ACTIVE: QT_TRANSLATE_NOOP("Texts", "active"),
            SessionStatus.COMPLETED: QT_TRANSLATE_NOOP("Texts", "completed"),
            SessionStatus.ABANDONED: QT_TRANSLATE_NOOP("Texts", "abandoned")}
STATUS_TITLES = {SessionStatus.ACTIVE: QT_TRANSLATE_NOOP("Texts", "Active"),
                 SessionStatus.COMPLETED: QT_TRANSLATE_NOOP("Texts", "Completed"),
                 SessionStatus.ABANDONED: QT_TRANSLATE_NOOP("Texts", "Abandoned")}
STATE_WORDS = {AnswerState.NOT_ENOUGH_EVIDENCE: QT_TRANSLATE_NOOP("Texts", "not enough evidence"),
               AnswerState.WAITING: QT_TRANSLATE_NOOP("Texts", "waiting"),
               AnswerState.CANNOT_BE_ASSESSED: QT_TRANSLATE_NOOP("Texts", "cannot be assessed"),
               AnswerState.NOTHING_RECORDED: QT_TRANSLATE_NOOP("Texts", "not answered")}
SCORE_NAMES = {"fluency": QT_TRANSLATE_NOOP("Texts", "Fluency"), "accuracy": QT_TRANSLATE_NOOP("Texts", "Accuracy"),
               "grammar": QT_TRANSLATE_NOOP("Texts", "Grammar"),
               "vocabulary": QT_TRANSLATE_NOOP("Texts", "Vocabulary"),
               "coherence": QT_TRANSLATE_NOOP("Texts", "Coherence")}
# The bank's task kinds ("B1 · Describe"); a kind a centre's bank adds is shown as it is written.
TASK_KINDS = {"describe": QT_TRANSLATE_NOOP("Texts", "Describe"), "narrate": QT_TRANSLATE_NOOP("Texts", "Narrate"),
              "compare": QT_TRANSLATE_NOOP("Texts", "Compare"), "opinion": QT_TRANSLATE_NOOP("Texts", "Opinion"),
              "argue": QT_TRANSLATE_NOOP("Texts", "Argue")}
DISCLAIMER = QT_TRANSLATE_NOOP("Texts", "A practice estimate, not an official certificate.")
UNDER_REVIEW = QT_TRANSLATE_NOOP("Texts", "under review")
NOT_ENOUGH_EVIDENCE = STATE_WORDS[AnswerState.NOT_ENOUGH_EVIDENCE]
NOT_ANSWERED = STATE_WORDS[AnswerState.NOTHING_RECORDED]


def translate(text: str) -> str:
    """One of the words above in the language in use (English when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def level_summary(level: Level) -> str:
    return translate(LEVEL_SUMMARIES[level])


def part_title(part: PartKind) -> str:
    return translate(PART_TITLES[part])


def part_name(part: PartKind) -> str:
    return translate(PART_NAMES[part])


def status_word(status: SessionStatus) -> str:
    return translate(STATUSES[status])


def status_title(status: SessionStatus) -> str:
    return translate(STATUS_TITLES[status])


def score_name(key: str) -> str:
    return translate(SCORE_NAMES[key]) if key in SCORE_NAMES else key.capitalize()


def task_kind(kind: str) -> str:
    return translate(TASK_KINDS[kind]) if kind in TASK_KINDS else kind.capitalize()


def answer_words(answer: AnswerResult) -> str:
    """As core.results.answer_words: "B2", "not enough evidence", "not answered"."""
    if answer.state is AnswerState.ASSESSED and answer.evaluation is not None:
        return answer.evaluation.overall_level.value
    return translate(STATE_WORDS[answer.state]) if answer.state in STATE_WORDS else ""


def part_words(level: Level | None, answers: int) -> str:
    """As core.overall_result.PartResult.words: a part's level, or why it has none."""
    if level is not None:
        return level.value
    return translate(NOT_ENOUGH_EVIDENCE if answers else NOT_ANSWERED)


def describe(plan: TestPlan) -> str:
    """As TestPlan.describe: "Mock test · Working life" / "Long turn practice · Working life"."""
    if plan.kind is FormatKind.MOCK:
        return QCoreApplication.translate("Texts", "Mock test \u00b7 {title}").format(title=plan.title)
    if plan.kind is FormatKind.PART:
        part = plan.steps[0].part if plan.steps else None
        return translate((PART_RETAKE if plan.retake_of else PART_PRACTICE)[part]).format(title=plan.title)
    return QCoreApplication.translate("Texts", "Quick practice")


def when(moment: datetime, *, year: bool = True) -> str:
    """A moment in this computer's time zone, as the history and the review queue list it: "03 Dec 2026,
    14:05" in English. The pattern is translated (Qt's date format: "yyyy年M月d日 HH:mm"), the month's
    name comes from the language in use (QLocale's default, set with the translations)."""
    local = moment.astimezone()
    pattern = QCoreApplication.translate("Texts", "dd MMM yyyy, HH:mm") if year else \
        QCoreApplication.translate("Texts", "dd MMM HH:mm")
    stamp = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(stamp, pattern)


def progress(step: Step) -> str:
    """As Step.progress: "Part 2 of 3 · question 1 of 1" (nothing for quick practice)."""
    if step.part is None:
        return ""
    return QCoreApplication.translate("Texts", "Part {part} of {parts} \u00b7 question {number} of {of}").format(
        part=step.part_number, parts=step.part_count, number=step.number, of=step.of)
