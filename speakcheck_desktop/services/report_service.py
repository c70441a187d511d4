"""Score reports from the window ("Save report…" in the history), on a lane of their own: the
store read and the PDF printing (services/report_pdf.py) both run off the GUI thread, so a long
mock test's report never stalls the window, and a report being made never delays the test being
taken. Read-only: a report writes nothing to the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bson import ObjectId
from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.assess.session_report import session_report
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import StoreLane
from speakcheck_desktop.store.local_store import LocalStore


class ReportService(QObject):
    error = Signal(str)  # a sentence

    def __init__(self, store: LocalStore, tasks: TaskBank, *, centre: str | None = None, logo: Path | None = None,
                 parent: QObject | None = None):
        """`store`: a connection of its own (used only on this service's lane); `centre`, `logo`:
        the centre's name and logo from kiosk.toml, for sessions that do not name a centre."""
        super().__init__(parent)
        self._tasks = tasks
        self._centre = centre
        self._logo = logo
        self._store = StoreLane("reports", store, self._report_error, self)

    def save(self, session_id: ObjectId, target: Path, on_done: Callable[[str], None],
             on_error: Callable[[str], None] | None = None) -> None:
        """Make the report of `session_id` as `target`; `on_done` gets the sentence to show (what
        was saved where, and any warning: a logo that cannot be read)."""
        def make(store: LocalStore) -> str:
            # Qt's PDF printing is loaded with the first report, not at start (issue 20).
            from speakcheck_desktop.services.report_pdf import ReportError, write_report_pdf
            report = session_report(store, session_id, self._tasks, centre=self._centre)
            if report is None:
                raise ReportError("This session is no longer on this computer: nothing was saved.")
            warnings = write_report_pdf(report, target, logo=self._logo)
            return " ".join([f"Report saved as {target}.", *warnings])
        self._store.read(make, on_done, lambda exc: (on_error or self.error.emit)(sentence_for(exc)))

    def _report_error(self, exc: Exception) -> None:
        self.error.emit(sentence_for(exc))

    def shutdown(self) -> None:
        self._store.shutdown()
