"""Progress over time, for the window's Progress view: the store read (store/progress_rows.py)
and the charts worked out of it (core/progress.py) both run off the GUI thread, each on a lane
of its own, so that a learner with ten thousand sessions can switch charts while the history, a
recording or a sync goes on.

Two lanes, because the two jobs are different: a load reads SQLite (on the "progress" store lane,
with a connection of its own), while a chart is pure arithmetic on rows already in memory (on the
"charts" lane), so a person trying one metric after another never waits for a store read. Both
are read-only."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.core.clock import local_day_start
from speakcheck_desktop.core.progress import Chart, Grouping, Metric, ProgressData, progress_chart
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import StoreLane, TaskLane
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.progress_rows import has_answers, progress_rows, progress_users

log = logging.getLogger(__name__)

PROGRESS_UNREADABLE = ("Your progress could not be read from this computer's database; nothing was changed. "
                       "Close SpeakCheck and open it again; if this comes back, run \u201cspeakcheck doctor\u201d.")


@dataclass(frozen=True)
class ProgressQuery:
    """Whose progress, between which days (both included; None: no limit on that side)."""
    user_id: str | None = None  # None: every user's (a staff computer's candidates, say)
    since: date | None = None
    until: date | None = None


def load_progress(store: LocalStore, query: ProgressQuery) -> ProgressData:
    """One load: the rows in the dates, the users to choose from, and whether there is anything at all
    (so that an empty chart can say "no answers yet" rather than "none in these dates")."""
    since = local_day_start(query.since) if query.since else None
    before = local_day_start(query.until + timedelta(days=1)) if query.until else None
    try:
        answers, overall = progress_rows(store, user_id=query.user_id, since=since, before=before)
        empty = not answers and not overall and not has_answers(store, query.user_id)
        users = progress_users(store)
    except sqlite3.Error as exc:  # read-only: nothing was changed, and SQLite's words stay in the log
        log.warning("The progress read failed: %s", exc)
        raise StoreError(PROGRESS_UNREADABLE) from exc
    return ProgressData(answers=tuple(answers), overall=tuple(overall), users=tuple(users),
                        user_id=query.user_id, since=query.since, until=query.until, store_empty=empty)


class ProgressService(QObject):
    error = Signal(str)  # a sentence

    def __init__(self, store: LocalStore, *, user_id: str | None = None, parent: QObject | None = None):
        """`store`: a connection of its own (used only on this service's lane); `user_id`: this
        computer's user, whose progress is shown first."""
        super().__init__(parent)
        self.user_id = user_id
        self._store = StoreLane("progress", store, self._report, self)
        self._charts = TaskLane("charts", self._report, self)

    def load(self, query: ProgressQuery, on_done: Callable[[ProgressData], None],
             on_error: Callable[[str], None] | None = None) -> None:
        self._store.read(lambda store: load_progress(store, query), on_done,
                         lambda exc: (on_error or self.error.emit)(sentence_for(exc)))

    def chart(self, data: ProgressData, metric: Metric, grouping: Grouping, on_done: Callable[[Chart], None],
              *, max_points: int) -> None:
        self._charts.submit(lambda: progress_chart(data, metric, grouping, max_points=max_points), on_done)

    def _report(self, exc: Exception) -> None:
        self.error.emit(sentence_for(exc))

    def shutdown(self) -> None:
        self._store.shutdown()
        self._charts.shutdown()
