"""The one way to run work in the background.

A `TaskLane` is a QThread that runs submitted functions one after another; each result or error
comes back on the GUI thread, to the callbacks given at submission. A failure whose submitter gave
no error callback goes to the lane's `on_unhandled` (which shows it), never only to the log.

A `StoreLane` is a lane that owns one LocalStore connection (SQLite connections belong to the
thread that uses them) and offers the two forms store work comes in, after Anki's `QueryOp` and
`CollectionOp`: `read` (no announcement) and `write`, after which `changed` is emitted exactly
once, so the history and the sync hear of every change without each caller remembering to say so.
Lanes are joined at quit.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from speakcheck_desktop.store.local_store import LocalStore

log = logging.getLogger(__name__)

T = TypeVar("T")
OnError = Callable[[Exception], None]


class _Worker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, stopped: set[int]):
        super().__init__()
        self._stopped = stopped

    @Slot(int, object)
    def execute(self, task_id: int, fn: Callable[[], Any]) -> None:
        if task_id in self._stopped:
            return  # queued before shutdown: not started
        try:
            result = fn()
        except Exception as exc:  # handed to the task's error callback, which words it for the person
            log.info("Task %d on %s failed: %s", task_id, QThread.currentThread().objectName(), exc, exc_info=True)
            self.failed.emit(task_id, exc)
        else:
            self.finished.emit(task_id, result)


class TaskLane(QObject):
    _submit = Signal(int, object)

    def __init__(self, name: str, on_unhandled: OnError, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._on_unhandled = on_unhandled
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, OnError | None]] = {}
        self._stopped: set[int] = set()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(self._stopped)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def submit(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
               on_error: OnError | None = None) -> None:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self._submit.emit(task_id, fn)

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Stop taking work, finish the running task, join the thread. Callbacks of tasks not
        finished by then are dropped: nothing answers into a window that is closing."""
        self._stopped.update(self._callbacks)
        self._callbacks.clear()
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _on_finished(self, task_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(task_id, (None, None))
        if on_done is not None:
            on_done(result)

    def _on_failed(self, task_id: int, error: Exception) -> None:
        _, on_error = self._callbacks.pop(task_id, (None, None))
        (on_error or self._on_unhandled)(error)


class StoreLane(QObject):
    changed = Signal()  # once after each write (see `write`)

    def __init__(self, name: str, store: LocalStore, on_unhandled: OnError, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store  # used only on this lane's thread
        self._on_unhandled = on_unhandled
        self._lane = TaskLane(name, on_unhandled, self)

    def read(self, fn: Callable[[LocalStore], T], on_done: Callable[[T], None],
             on_error: OnError | None = None) -> None:
        self._lane.submit(lambda: fn(self._store), on_done, on_error)

    def write(self, fn: Callable[[LocalStore], T], on_done: Callable[[T], None] | None = None,
              on_error: OnError | None = None) -> None:
        """Run `fn(store)`, then announce the change, once, also when `fn` failed: a write may be
        several transactions (an assessment stores its transcript before the evaluation fails),
        and a needless announcement costs a reload while a missed one leaves data unsynced."""
        def done(result: T) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self.changed.emit()

        def failed(exc: Exception) -> None:
            try:
                (on_error or self._on_unhandled)(exc)
            finally:
                self.changed.emit()
        self._lane.submit(lambda: fn(self._store), done, failed)

    def shutdown(self) -> bool:
        ok = self._lane.shutdown()
        self._store.close()
        return ok
