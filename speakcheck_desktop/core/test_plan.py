"""What a session asks the person to do, in order: a test plan. Three formats share it:

- a **mock test**: every part of one mock test of the bank (core/mock_format.py), question after
  question;
- **one part** of a mock test, as practice (also a retake of a part of a test already taken,
  which is a session of its own: the test's own result is never touched);
- **quick practice**: one task of the practice bank (core/task_bank.py), the app's first format.

A plan is kept whole in `sessions.metadata` when the session starts (`to_metadata`), so a session
resumes, and is assessed, with the questions it was started with even if the bank changes later.
Sessions from before plans existed hold only `task_*` keys; `plan_from_metadata` reads those as
quick practice, so they keep working.

Plain data, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.mock_format import PART_ORDER, MockTest, Part, PartKind, Question
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.task_bank import Task


class FormatKind(StrEnum):
    MOCK = "mock"  # all parts of a mock test
    PART = "part"  # one part of a mock test, as practice
    PRACTICE = "practice"  # one quick-practice task


PART_TITLES = {PartKind.INTERVIEW: "Interview", PartKind.LONG_TURN: "Long turn", PartKind.DISCUSSION: "Discussion"}


@dataclass(frozen=True, kw_only=True)
class Step:
    """One question in its place in the plan."""
    index: int  # 0-based, in the plan
    part: PartKind | None  # None: quick practice
    part_number: int  # 1-based among the plan's parts
    part_count: int
    number: int  # 1-based within its part
    of: int  # questions in its part
    intro: str  # the part's one sentence ("" for quick practice)
    task: Task  # the question as the recorder runs it: id, prompt, preparation and speaking time
    points: tuple[str, ...] = ()  # the long turn's points to cover

    @property
    def opens_part(self) -> bool:
        return self.part is not None and self.number == 1

    def progress(self) -> str:
        """ "Part 2 of 3 · question 1 of 1" (nothing for quick practice)."""
        if self.part is None:
            return ""
        return f"Part {self.part_number} of {self.part_count} \u00b7 question {self.number} of {self.of}"

    def assessed_prompt(self) -> str:
        """The task as the evaluator reads it: the question, and the points it asked to cover."""
        if not self.points:
            return self.task.prompt
        return f"{self.task.prompt} Points to cover: " + "; ".join(self.points) + "."


@dataclass(frozen=True, kw_only=True)
class TestPlan:
    kind: FormatKind
    format_id: str  # the mock test's id, or the practice task's
    title: str
    level: Level
    steps: tuple[Step, ...]
    retake_of: str | None = None  # PART: the session whose part this retakes

    @property
    def parts(self) -> tuple[PartKind, ...]:
        return tuple(dict.fromkeys(s.part for s in self.steps if s.part is not None))

    @property
    def speaking_s(self) -> int:
        return sum(s.task.speak_s for s in self.steps)

    def step_of(self, question_id: str | None) -> Step | None:
        return next((s for s in self.steps if s.task.id == question_id), None)

    def next_step(self, answered: Iterable[str | None]) -> int:
        """The index of the first question with no answer yet (len(steps): all answered)."""
        done = set(answered)
        return next((s.index for s in self.steps if s.task.id not in done), len(self.steps))

    def describe(self) -> str:
        """ "Mock test · Working life" / "Long turn practice · Working life" / "Quick practice"."""
        if self.kind is FormatKind.MOCK:
            return f"Mock test \u00b7 {self.title}"
        if self.kind is FormatKind.PART:
            part = self.steps[0].part if self.steps else None
            retake = "retake" if self.retake_of else "practice"
            return f"{PART_TITLES[part] if part else 'Part'} {retake} \u00b7 {self.title}"
        return "Quick practice"

    def to_metadata(self) -> dict[str, Any]:
        """The plan as `sessions.metadata` keeps it (see the README, "Data")."""
        fmt: dict[str, Any] = {"kind": self.kind.value, "id": self.format_id, "title": self.title}
        if self.kind is FormatKind.PRACTICE:
            task = self.steps[0].task
            # The keys quick-practice sessions always had (and what "recent tasks" reads).
            return {"format": fmt, "task_id": task.id, "task_kind": task.kind, "task_prompt": task.prompt,
                    "prep_s": task.prep_s, "speak_s": task.speak_s}
        if self.retake_of:
            fmt["retake_of"] = self.retake_of
        parts: list[dict[str, Any]] = []
        for step in self.steps:
            if step.opens_part:
                parts.append({"kind": step.part.value if step.part else None, "intro": step.intro, "questions": []})
            question: dict[str, Any] = {"id": step.task.id, "prompt": step.task.prompt, "prep_s": step.task.prep_s,
                                        "speak_s": step.task.speak_s}
            if step.points:
                question["points"] = list(step.points)
            parts[-1]["questions"].append(question)
        return {"format": fmt, "parts": parts}


def mock_plan(test: MockTest) -> TestPlan:
    return _plan(FormatKind.MOCK, test.id, test.title, test.level, test.parts)


def part_plan(test: MockTest, kind: PartKind, retake_of: str | None = None) -> TestPlan:
    return _plan(FormatKind.PART, test.id, test.title, test.level, [p for p in test.parts if p.kind is kind],
                 retake_of=retake_of)


def practice_plan(task: Task) -> TestPlan:
    step = Step(index=0, part=None, part_number=0, part_count=0, number=1, of=1, intro="", task=task)
    return TestPlan(kind=FormatKind.PRACTICE, format_id=task.id, title=task.prompt, level=task.level, steps=(step,))


def _plan(kind: FormatKind, format_id: str, title: str, level: Level, parts: Sequence[Part], *,
          retake_of: str | None = None) -> TestPlan:
    steps: list[Step] = []
    for part_number, part in enumerate(parts, 1):
        for number, question in enumerate(part.questions, 1):
            task = Task(question.id, level, part.kind.value, question.prompt, question.prep_s, question.speak_s)
            steps.append(Step(index=len(steps), part=part.kind, part_number=part_number, part_count=len(parts),
                              number=number, of=len(part.questions), intro=part.intro, task=task,
                              points=question.points))
    return TestPlan(kind=kind, format_id=format_id, title=title, level=level, steps=tuple(steps),
                    retake_of=retake_of)


def retake_plan(metadata: dict[str, Any] | None, level: Level, part: PartKind, session_id: str) -> TestPlan | None:
    """One part of a session's test again, as practice: the questions the session was given
    (from its metadata, so a part of a test since removed from the bank can be retaken too), in a
    session of its own that names the original (`retake_of`). None: the session has no such part."""
    original = plan_from_metadata(metadata, level)
    if original.kind is FormatKind.PRACTICE:
        return None
    parts = [p for p in (_stored_part(raw) for raw in (metadata or {}).get("parts") or []) if p and p.kind is part]
    if not parts:
        return None
    return _plan(FormatKind.PART, original.format_id, original.title, level, parts[:1], retake_of=session_id)


def plan_from_metadata(metadata: dict[str, Any] | None, level: Level,
                       known_task: Callable[[str], Task | None] = lambda _id: None) -> TestPlan:
    """The plan a session was started with. A quick-practice session (also one from before
    plans existed) is its task: the bank's (`known_task`), else the one its metadata recorded."""
    meta = metadata or {}
    fmt = meta.get("format") or {}
    kind = fmt.get("kind")
    if kind in (FormatKind.MOCK, FormatKind.PART) and isinstance(meta.get("parts"), list):
        parts = [_stored_part(p) for p in meta["parts"]]
        return _plan(FormatKind(kind), str(fmt.get("id", "")), str(fmt.get("title", "")), level,
                     [p for p in parts if p is not None], retake_of=fmt.get("retake_of"))
    task_id = str(meta.get("task_id", "unknown"))
    task = known_task(task_id) or Task(
        id=task_id, level=level, kind=str(meta.get("task_kind", "describe")), prompt=str(meta.get("task_prompt", "")),
        prep_s=int(meta.get("prep_s", 30)), speak_s=int(meta.get("speak_s", 90)))
    return practice_plan(task)


def _stored_part(raw: Any) -> Part | None:
    """A part as `to_metadata` wrote it (written by this app: read leniently, never refused)."""
    if not isinstance(raw, dict) or raw.get("kind") not in [k.value for k in PART_ORDER]:
        return None
    questions = tuple(Question(id=str(q.get("id", "")), prompt=str(q.get("prompt", "")), prep_s=int(q.get("prep_s", 0)),
                               speak_s=int(q.get("speak_s", 60)), points=tuple(q.get("points") or ()))
                      for q in raw.get("questions") or [] if isinstance(q, dict))
    return Part(kind=PartKind(raw["kind"]), intro=str(raw.get("intro", "")), questions=questions)
