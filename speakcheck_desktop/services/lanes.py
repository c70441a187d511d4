"""The one way to run work in the background: a lane is a QThread that runs submitted functions
one after another; each result or error comes back on the GUI thread, to the callbacks given at
submission. Lanes are joined at quit."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class _Worker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, cancelled: set[int]):
        super().__init__()
        self._cancelled = cancelled

    @Slot(int, object)
    def execute(self, task_id: int, fn: Callable[[], Any]) -> None:
        if task_id in self._cancelled:
            return
        try:
            result = fn()
        except Exception as exc:  # handed to the task's error callback, which words it for the person
            log.info("Task %d on %s failed: %s", task_id, QThread.currentThread().objectName(), exc, exc_info=True)
            self.failed.emit(task_id, exc)
        else:
            self.finished.emit(task_id, result)


class TaskLane(QObject):
    _submit = Signal(int, object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._cancelled: set[int] = set()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(self._cancelled)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self._submit.emit(task_id, fn)
        return task_id

    def cancel(self, task_id: int) -> None:
        """Drop a task: if it has not started it never runs; if it has, its result is ignored."""
        self._cancelled.add(task_id)
        self._callbacks.pop(task_id, None)

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Stop taking work, finish the running task, join the thread."""
        self._cancelled.update(self._callbacks)
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _on_finished(self, task_id: int, result: Any) -> None:
        on_done, _ = self._pop(task_id)
        if on_done is not None:
            on_done(result)

    def _on_failed(self, task_id: int, error: Exception) -> None:
        _, on_error = self._pop(task_id)
        if on_error is not None:
            on_error(error)
        elif task_id not in self._cancelled:
            log.warning("Unhandled failure on %s: %s", self.name, error)

    def _pop(self, task_id: int) -> tuple[Callable | None, Callable | None]:
        return self._callbacks.pop(task_id, (None, None))
