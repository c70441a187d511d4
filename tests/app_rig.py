"""The whole app as `main()` builds it, for tests that drive its window with pytest-qt: the task
bank they use, the running app (closed and joined at the end), and a person answering a task.
The fixtures that start it (`app_env`, `running`) are in conftest.py."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from speakcheck_desktop.app import build_services
from speakcheck_desktop.config import load_settings
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.core.test_plan import FormatKind
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.main_window import MainWindow

TASKS = TaskBank([
    Task("e2e-b1", Level.B1, "describe", "Describe the town where you live and what you like about it.", 1, 60),
    Task("e2e-a2", Level.A2, "describe", "Describe your home town.", 1, 60),
])


class Running:
    """The app as `main()` builds it, with its window; closed and joined at the end."""

    def __init__(self, qtbot: Any, api_key: str | None = "sk-e2e-key", window: Callable[..., Any] = MainWindow,
                 fmt: FormatKind | None = FormatKind.PRACTICE, **kwargs: Any):
        """`fmt`: the format picked in the main window before anything else (the tests written
        for one task take quick practice; the window itself opens on the mock test)."""
        self.services = build_services(load_settings(), api_key=api_key, tasks=kwargs.pop("tasks", TASKS), **kwargs)
        self.window = window(self.services)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 820)
        self.window.show()
        if fmt is not None and isinstance(self.window, MainWindow):
            self.window.formats.set_format(fmt)
            if fmt is FormatKind.PRACTICE:
                qtbot.waitUntil(lambda: self.window.task_card.task is not None and self.window.task_card.plan is None)
        self.services.start()

    def close(self) -> None:
        if self.services is not None:
            getattr(self.window, "exit_kiosk", self.window.close)()  # a kiosk closes only this way
            self.services.shutdown()
            self.services = None


def answer_a_task(qtbot: Any, window: MainWindow, virtual_mic: Any, answer: Any, level: str = "B1") -> None:
    """Pick the level, start, wait for the recording to begin, speak, stop with Space."""
    [button] = [b for b in window.levels.findChildren(QRadioButton) if b.accessibleName() == f"Level {level}"]
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.task_card.task is not None and window.task_card.task.level.value == level)
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    speak(qtbot, window, virtual_mic, answer)


def answer_question(qtbot: Any, window: Any, virtual_mic: Any, answer: Any) -> None:
    """The question on screen (main window or kiosk): record when it can be (a question with
    preparation starts recording by itself), speak, stop with Space, wait until it is saved."""
    flow = window.flow
    qtbot.waitUntil(lambda: flow.phase in (Phase.PREPARING, Phase.RECORDING), timeout=15000)
    if flow.phase is Phase.PREPARING and flow.test is not None and flow.test.task.prep_s == 0:
        qtbot.waitUntil(window.panel.record.isVisible)
        qtbot.mouseClick(window.panel.record, Qt.LeftButton)
    speak(qtbot, window, virtual_mic, answer)


def speak(qtbot: Any, window: Any, virtual_mic: Any, answer: Any) -> None:
    """Once the recording has begun: the answer into the microphone, Space, until it is saved."""
    qtbot.waitUntil(lambda: window.flow.phase is Phase.RECORDING, timeout=15000)
    virtual_mic.play(answer.path).wait()
    time.sleep(0.3)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.flow.phase is Phase.SAVED, timeout=15000)


def quick_mock_bank(path: Path, level: str = "B2", mock_id: str = "b2-mock-01") -> Path:
    """One mock test of the app's bank with its questions shortened for tests (12 s to speak, no
    preparation; the long turn 2 s, to see its countdown start the recording), as a centre's
    bank file. Its questions, parts and points are the bank's own."""
    data = json.loads(resource_path("mock_tests.json").read_text(encoding="utf-8"))
    [test] = [t for t in data["mock_tests"] if t["id"] == mock_id]
    test["level"] = level
    for part in test["parts"]:
        for question in part["questions"]:
            question["speak_s"] = 12
            question["prep_s"] = 2 if part["kind"] == "long_turn" else 0
    path.write_text(json.dumps({"version": 1, "mock_tests": [test]}), encoding="utf-8")
    return path
