"""The speaking tasks: the project's own, graded by level and of several kinds, each with a
preparation and a speaking time that fit its level (resources/tasks.json)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from speakcheck_desktop.core.fresh_choice import choose_fresh
from speakcheck_desktop.core.records import Level

LEVEL_SUMMARIES = {
    Level.A2: "A2 \u2013 Elementary: short, simple talk about familiar, everyday things.",
    Level.B1: "B1 \u2013 Intermediate: connected talk about familiar topics, experiences and plans.",
    Level.B2: "B2 \u2013 Upper intermediate: clear, detailed talk and arguments on a wide range of topics.",
    Level.C1: "C1 \u2013 Advanced: fluent, well-organised talk on complex subjects, with nuance.",
}


@dataclass(frozen=True)
class Task:
    id: str
    level: Level
    kind: str
    prompt: str
    prep_s: int
    speak_s: int


class TaskBank:
    def __init__(self, tasks: Iterable[Task]):
        self.tasks = list(tasks)

    @classmethod
    def load(cls, path: Path) -> TaskBank:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(Task(t["id"], Level(t["level"]), t["kind"], t["prompt"], int(t["prep_s"]), int(t["speak_s"]))
                   for t in data["tasks"])

    def for_level(self, level: Level | str) -> list[Task]:
        return [t for t in self.tasks if t.level == Level(level)]

    def get(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def choose(self, level: Level | str, recent: Iterable[str] = (), exclude: str | None = None,
               rng: random.Random | None = None) -> Task:
        """A task of `level` that is not among the `recent` task ids (nor `exclude`, the one on
        screen); when all were done recently, the least recent ones come back first."""
        options = [t for t in self.for_level(level) if t.id != exclude]
        return choose_fresh(options, lambda t: t.id, list(recent), rng)
