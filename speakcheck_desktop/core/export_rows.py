"""The rows of `speakcheck export` (export_commands.py): the columns, in order, and what goes in
each cell, from plain data (the session, who took it, its `TestResult`, its review state and
verification code). Reading the store or MongoDB and writing the file are the command's; nothing
here does I/O.

A row is a dict, column -> cell, and a cell is a number, a string, a boolean or None (blank). The
same dict becomes a CSV line and a JSON Lines object, so both formats carry the same keys and
values; only the CSV rendering of a cell differs (`spreadsheet_cell`: blanks as empty cells, and
text that a spreadsheet would run as a formula made plain text). Numbers are numbers, on the scale
they are stored on (sub-scores 0-10, confidence 0-1, shares 0-1, times in seconds), never with
units, so a spreadsheet can sort and average them.

What a row shows is what staff see in the history: the result as it stands, the first examiner's
where one rated it, also for a session held for review (`review_status` says so). An export is for
the centre, not for the candidate: the report (core/report.py) is what hides a held result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.fluency import FluencyMeasures
from speakcheck_desktop.core.records import SCORE_KEYS, Evaluation, Level, Recording, Session
from speakcheck_desktop.core.results import AnswerResult, AnswerState, TestResult
from speakcheck_desktop.core.review import ReviewState
from speakcheck_desktop.core.test_plan import FormatKind

Cell = str | int | float | bool | None
Row = dict[str, Cell]


class ResultState(StrEnum):
    """Where a session's result is: an answer's states (core/results.py `AnswerState`), for a test
    of parts said of its overall result, and `IN_PROGRESS` for a test not finished yet."""
    ASSESSED = AnswerState.ASSESSED.value
    NOT_ENOUGH_EVIDENCE = AnswerState.NOT_ENOUGH_EVIDENCE.value
    WAITING = AnswerState.WAITING.value  # ended; an answer still waits for its assessment
    CANNOT_BE_ASSESSED = AnswerState.CANNOT_BE_ASSESSED.value
    NOTHING_RECORDED = AnswerState.NOTHING_RECORDED.value
    IN_PROGRESS = "in_progress"  # the session is still active


class RatedBy(StrEnum):
    """Whose evaluation an answer's level and sub-scores are."""
    AI = "ai"
    EXAMINER = "examiner"  # the first examiner's (a blind second marking is never the result)


SESSION_COLUMNS: tuple[str, ...] = (
    "session_id", "candidate_id", "name", "centre", "started_at", "ended_at", "status", "format", "format_id",
    "title", "level_tested", "level", *SCORE_KEYS, "confidence", "result_state", "review_status",
    "examiner_level", "verification_code")

# Every measure core/fluency.py makes, in its order (the keys of `FluencyMeasures.as_dict()`).
FLUENCY_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(FluencyMeasures))
TRANSCRIPT_COLUMN = "transcript"  # only when asked for: long text, and personal
ANSWER_COLUMNS: tuple[str, ...] = (
    "session_id", "candidate_id", "part", "question_id", "recording_id", "duration_s", "state", "level",
    *SCORE_KEYS, "confidence", "rated_by", "ai_level", *FLUENCY_COLUMNS, "b2_plus_share")

# What spreadsheets (Excel, LibreOffice, Google Sheets) read as the start of a formula in a cell,
# tab and carriage return included (OWASP's list for CSV injection): a candidate's name or a
# transcript like "=HYPERLINK(...)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def answer_columns(*, transcripts: bool = False) -> tuple[str, ...]:
    return (*ANSWER_COLUMNS, TRANSCRIPT_COLUMN) if transcripts else ANSWER_COLUMNS


def session_row(session: Session, name: str | None, result: TestResult, review: ReviewState, code: str | None,
                *, zone: tzinfo | None = None) -> Row:
    """The session's row. `name`: the user's name (a kiosk candidate's only if the centre stored
    it); `result`: assess/test_results.py `result_of`; `code`: the chain head's verification code;
    `zone`: the time zone of `started_at`/`ended_at` (None: this computer's)."""
    metadata: dict[str, Any] = session.metadata or {}
    plan = result.plan
    level: Level | None = None
    scores: dict[str, float] = {}
    confidence: float | None = None
    examiner_level: Level | None = None
    if plan.kind is FormatKind.PRACTICE:
        answer = result.questions[0].answer if result.questions else AnswerResult(state=AnswerState.NOTHING_RECORDED)
        state = (ResultState.IN_PROGRESS if answer.state is AnswerState.NOTHING_RECORDED and not result.ended
                 else ResultState(answer.state.value))
        evaluation = _shown(answer)
        if evaluation is not None:
            level, scores, confidence = evaluation.overall_level, dict(evaluation.scores), evaluation.confidence
            examiner_level = level if answer.review is not None else None
    elif result.overall is not None:
        overall = result.overall
        state = ResultState.ASSESSED if overall.level is not None else ResultState.NOT_ENOUGH_EVIDENCE
        if overall.level is not None:
            level, scores, confidence = overall.level, dict(overall.scores), overall.confidence
            # Recomputed from the first examiners' ratings once every assessed answer has one
            # (services/review_service.py `_reconclude`), and marked so.
            if ((metadata.get("overall") or {}).get("reviewed")) is True:
                examiner_level = level
    else:
        state = ResultState.IN_PROGRESS if not result.ended else ResultState.WAITING
    return {
        "session_id": str(session.id),
        "candidate_id": _text(metadata.get("candidate_id")),
        "name": _text(name),
        "centre": _text(metadata.get("centre")),
        "started_at": _moment(session.started_at, zone),
        "ended_at": _moment(session.ended_at, zone),
        "status": session.status.value,
        "format": plan.kind.value,
        "format_id": _text(plan.format_id),
        "title": _text(plan.title),
        "level_tested": session.level.value,
        "level": level.value if level else None,
        **{key: _number(scores.get(key)) for key in SCORE_KEYS},
        "confidence": confidence,
        "result_state": state.value,
        "review_status": review.value,
        "examiner_level": examiner_level.value if examiner_level else None,
        "verification_code": code,
    }


def answer_rows(session: Session, result: TestResult, recordings: Iterable[Recording], *,
                transcripts: bool = False) -> list[Row]:
    """One row per answer of the session (each question's latest recording; a question not
    answered has none). `recordings`: the session's, for each answer's recorded length."""
    durations = {r.id: r.duration_s for r in recordings}
    candidate = _text((session.metadata or {}).get("candidate_id"))
    rows = []
    for question in result.questions:
        answer = question.answer
        if answer.state is AnswerState.NOTHING_RECORDED:
            continue
        evaluation = _shown(answer)
        vocabulary = answer.vocabulary if answer.vocabulary is not None and answer.vocabulary.known else None
        row: Row = {
            "session_id": str(session.id),
            "candidate_id": candidate,
            "part": question.step.part.value if question.step.part else None,
            "question_id": _text(answer.question_id or question.step.task.id),
            "recording_id": str(answer.recording_id) if answer.recording_id else None,
            "duration_s": _number(durations.get(answer.recording_id)) if answer.recording_id else None,
            "state": answer.state.value,
            "level": evaluation.overall_level.value if evaluation else None,
            **{key: _number(evaluation.scores.get(key)) if evaluation else None for key in SCORE_KEYS},
            "confidence": evaluation.confidence if evaluation else None,
            "rated_by": (RatedBy.EXAMINER if answer.review else RatedBy.AI).value if evaluation else None,
            "ai_level": answer.ai_evaluation.overall_level.value if answer.ai_evaluation else None,
            **{key: _measure(answer.fluency.get(key)) for key in FLUENCY_COLUMNS},
            "b2_plus_share": vocabulary.b2_and_above if vocabulary else None,
        }
        if transcripts:
            row[TRANSCRIPT_COLUMN] = answer.transcript
        rows.append(row)
    return rows


def spreadsheet_cell(value: Cell) -> str | int | float:
    """A cell as a CSV file for spreadsheets holds it: blank as an empty cell, a boolean as
    true/false (which spreadsheets read as one), a number as it is, and text that a spreadsheet
    would take for a formula with a leading apostrophe, which makes it plain text there (the
    apostrophe is in the file: a program reading the CSV sees it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _shown(answer: AnswerResult) -> Evaluation | None:
    """The evaluation that is the answer's result (the first examiner's, else the AI's)."""
    return answer.evaluation if answer.state is AnswerState.ASSESSED else None


def _moment(moment: datetime | None, zone: tzinfo | None) -> str | None:
    """ISO 8601 with the offset, in the centre's local time (what a person reading it expects),
    to the second."""
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _number(value: Any) -> float | int | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _measure(value: Any) -> Cell:
    """A fluency measure as stored: a number, or a flag (`word_timings`); anything else is blank."""
    return value if isinstance(value, int | float) else None
