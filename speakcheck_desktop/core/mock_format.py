"""Mock speaking tests as data: a test is three parts in order (an interview of short questions, a
long turn on one topic with points to cover, a discussion that follows from it), each part a few
questions with their own preparation and speaking time. The app's bank is
`resources/mock_tests.json`; a centre may supply its own file of the same shape, so a bank is
checked here, whole, before anything of it is used: every problem is named with the test, the
part, the question and the field, and what would be allowed (`speakcheck validate-bank FILE`).

The shape (JSON):

    {"version": 1,
     "mock_tests": [
       {"id": "b2-mock-01", "level": "B2", "title": "Working life",
        "parts": [
          {"kind": "interview", "intro": "one sentence", "questions": [
             {"id": "b2-mock-01-interview-1", "prompt": "...", "prep_s": 0, "speak_s": 30}, ...]},
          {"kind": "long_turn", "intro": "...", "questions": [
             {"id": "...", "prompt": "...", "points": ["...", "...", "..."], "prep_s": 60, "speak_s": 120}]},
          {"kind": "discussion", "intro": "...", "questions": [...]}]}]}

Plain data and checks only: reading the file is the caller's (core does no I/O).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import Level

BANK_VERSION = 1


class PartKind(StrEnum):
    INTERVIEW = "interview"
    LONG_TURN = "long_turn"
    DISCUSSION = "discussion"


PART_ORDER = (PartKind.INTERVIEW, PartKind.LONG_TURN, PartKind.DISCUSSION)
QUESTIONS_PER_PART = {PartKind.INTERVIEW: (4, 6), PartKind.LONG_TURN: (1, 1), PartKind.DISCUSSION: (3, 4)}
POINTS_PER_LONG_TURN = (3, 4)
PREP_S = (0, 60)  # a question's preparation time, seconds
SPEAK_S = (10, 180)  # and its speaking time


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    prompt: str
    prep_s: int
    speak_s: int
    points: tuple[str, ...] = ()  # the long turn's points to cover


@dataclass(frozen=True, kw_only=True)
class Part:
    kind: PartKind
    intro: str  # one sentence that says what happens in this part
    questions: tuple[Question, ...]


@dataclass(frozen=True, kw_only=True)
class MockTest:
    id: str
    level: Level
    title: str
    parts: tuple[Part, ...]

    @property
    def speaking_s(self) -> int:
        """The most the person may speak in the whole test."""
        return sum(q.speak_s for p in self.parts for q in p.questions)

    def questions(self) -> Iterator[tuple[Part, Question]]:
        for part in self.parts:
            for question in part.questions:
                yield part, question


class BankError(UserFacingError):
    """A bank that cannot be used; `problems` are one sentence each, the first of them also the
    message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


def parse_mock_bank_text(text: str) -> list[MockTest]:
    """A bank file's text, checked whole (BankError with every problem)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError([f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."]) from None
    return parse_mock_bank(data)


def parse_mock_bank(data: Any) -> list[MockTest]:
    problems: list[str] = []
    tests: list[MockTest] = []
    if not isinstance(data, dict):
        raise BankError(["The bank must be a JSON object with \"version\" and \"mock_tests\"."])
    if data.get("version") != BANK_VERSION:
        problems.append(f"version must be {BANK_VERSION}, not {data.get('version')!r}.")
    raw_tests = data.get("mock_tests")
    if not isinstance(raw_tests, list) or not raw_tests:
        problems.append("mock_tests must be a list of at least one mock test.")
        raw_tests = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_tests, 1):
        test = _test(raw, index, problems, seen)
        if test is not None:
            tests.append(test)
    if problems:
        raise BankError(problems)
    return tests


def _test(raw: Any, index: int, problems: list[str], seen: set[str]) -> MockTest | None:
    where = f"mock test {index}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object with id, level, title and parts.")
        return None
    test_id = _text(raw, "id", where, problems)
    where = f"mock test {test_id}" if test_id else where
    _unique(test_id, where, seen, problems)
    level = raw.get("level")
    if level not in [lv.value for lv in Level]:
        problems.append(f"{where}: level must be A2, B1, B2 or C1, not {level!r}.")
    title = _text(raw, "title", where, problems)
    raw_parts = raw.get("parts")
    if not isinstance(raw_parts, list) or [p.get("kind") if isinstance(p, dict) else None
                                            for p in raw_parts] != [k.value for k in PART_ORDER]:
        problems.append(f"{where}: parts must be, in this order: {', '.join(PART_ORDER)}.")
        return None
    parts = [_part(p, f"{where}, part {n} ({p['kind']})", problems, seen) for n, p in enumerate(raw_parts, 1)]
    if problems or level is None:
        return None
    return MockTest(id=test_id, level=Level(level), title=title, parts=tuple(p for p in parts if p is not None))


def _part(raw: dict[str, Any], where: str, problems: list[str], seen: set[str]) -> Part | None:
    kind = PartKind(raw["kind"])
    intro = _text(raw, "intro", where, problems)
    raw_questions = raw.get("questions")
    low, high = QUESTIONS_PER_PART[kind]
    if not isinstance(raw_questions, list) or not low <= len(raw_questions) <= high:
        count = f"{low}" if low == high else f"{low} to {high}"
        problems.append(f"{where}: questions must be a list of {count} question(s).")
        return None
    questions = [_question(q, kind, f"{where}, question {n}", problems, seen) for n, q in enumerate(raw_questions, 1)]
    if any(q is None for q in questions):
        return None
    return Part(kind=kind, intro=intro, questions=tuple(q for q in questions if q is not None))


def _question(raw: Any, kind: PartKind, where: str, problems: list[str], seen: set[str]) -> Question | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object with id, prompt, prep_s and speak_s.")
        return None
    question_id = _text(raw, "id", where, problems)
    where = f"{where} ({question_id})" if question_id else where
    _unique(question_id, where, seen, problems)
    prompt = _text(raw, "prompt", where, problems)
    prep_s = _seconds(raw, "prep_s", PREP_S, where, problems)
    speak_s = _seconds(raw, "speak_s", SPEAK_S, where, problems)
    points: tuple[str, ...] = ()
    if kind is PartKind.LONG_TURN:
        raw_points = raw.get("points")
        low, high = POINTS_PER_LONG_TURN
        if not isinstance(raw_points, list) or not low <= len(raw_points) <= high \
                or not all(isinstance(p, str) and p.strip() for p in raw_points):
            problems.append(f"{where}: points must be a list of {low} to {high} points to cover, each a text.")
        else:
            points = tuple(p.strip() for p in raw_points)
    elif "points" in raw:
        problems.append(f"{where}: only the long turn has points to cover.")
    if prep_s is None or speak_s is None:
        return None
    return Question(id=question_id, prompt=prompt, prep_s=prep_s, speak_s=speak_s, points=points)


def _text(raw: dict[str, Any], key: str, where: str, problems: list[str]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key} must be a text, not {_shown(value)}.")
        return ""
    return value.strip()


def _seconds(raw: dict[str, Any], key: str, allowed: tuple[int, int], where: str, problems: list[str]) -> int | None:
    value = raw.get(key)
    low, high = allowed
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.append(f"{where}: {key} must be a whole number of seconds from {low} to {high}, not {_shown(value)}.")
        return None
    return value


def _unique(item_id: str, where: str, seen: set[str], problems: list[str]) -> None:
    if not item_id:
        return
    if item_id in seen:
        problems.append(f"{where}: the id {item_id!r} is used twice; each test and question needs its own.")
    seen.add(item_id)


def _shown(value: Any) -> str:
    """A wrong value, short: a bank's text may be long."""
    if value is None:
        return "missing"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
