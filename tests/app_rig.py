"""The whole app as `main()` builds it, for tests that drive its window with pytest-qt: the task
bank they use, the running app (closed and joined at the end), and a person answering a task.
The fixtures that start it (`app_env`, `running`) are in conftest.py."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from speakcheck_desktop.app import build_services
from speakcheck_desktop.config import load_settings
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.main_window import MainWindow

TASKS = TaskBank([
    Task("e2e-b1", Level.B1, "describe", "Describe the town where you live and what you like about it.", 1, 60),
    Task("e2e-a2", Level.A2, "describe", "Describe your home town.", 1, 60),
])


class Running:
    """The app as `main()` builds it, with its window; closed and joined at the end."""

    def __init__(self, qtbot: Any, api_key: str | None = "sk-e2e-key", window: Callable[..., Any] = MainWindow,
                 **kwargs: Any):
        self.services = build_services(load_settings(), api_key=api_key, tasks=kwargs.pop("tasks", TASKS), **kwargs)
        self.window = window(self.services)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 820)
        self.window.show()
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
    qtbot.waitUntil(lambda: window.phase is Phase.RECORDING, timeout=15000)
    virtual_mic.play(answer.path).wait()
    time.sleep(0.3)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.phase is Phase.SAVED, timeout=15000)
