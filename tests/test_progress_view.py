"""The Progress window, driven through the real main window: opened from the toolbar, it shows a
learner's level climbing and their speech rate rising, in a chart and in words; it follows the
store as it changes (one reload for a burst of changes, none lost), never reads the store on the
GUI thread, drops answers to questions since changed, says in words when there is nothing to
show or the store cannot be read, and can be read point by point with the keyboard."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt

from speakcheck_desktop.core.progress import NO_ANSWERS_YET, NONE_IN_DATES, Bucket, Grouping, Metric
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.services import progress_service
from speakcheck_desktop.services.progress_service import PROGRESS_UNREADABLE
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.progress_view import ProgressWindow
from tests.fakes import FakeClock

SCORES = ("fluency", "accuracy", "grammar", "vocabulary", "coherence")
ANSWERS = 24
DAYS_APART = 4


def answer(store: LocalStore, level: Level, rate: float, kind: str = "describe") -> None:
    """A quick-practice answer as the app stores it: the transcript's event carries what was
    measured, the evaluation the level and sub-scores."""
    session = store.start_session(level.value, metadata={"task_id": f"{kind}-1", "task_kind": kind,
                                                         "format": {"kind": "practice"}})
    recording = store.add_recording(session.id, str(store.recordings_dir / f"{session.id}.flac"), duration_s=60.0)
    fluency = {"total_duration_s": 60.0, "words": rate, "pause_count": 6, "speech_rate_wpm": rate,
               "mean_length_of_run": 7.5}
    transcript = store.add_transcript(recording.id, "I live by the sea.", "en", "local", "tiny.en",
                                      event_details={"fluency": fluency, "vocabulary": {"known": 80,
                                                                                         "b2_and_above": 0.1}})
    store.add_evaluation(transcript.id, level, 0.8, dict.fromkeys(SCORES, 5.0), "Fine.", [])
    store.end_session(session.id)


def first_day(today: date) -> datetime:
    return datetime.combine(today - timedelta(days=DAYS_APART * (ANSWERS - 1)), datetime.min.time(), UTC) \
        + timedelta(hours=12)


def learner_store(app_env) -> None:
    """Twelve weeks of practice, one answer every four days: A2 at first, B2 in the second half;
    the speech rate 80, 82, ... 126 words a minute."""
    clock = FakeClock(first_day(date.today()))
    with LocalStore.open(app_env / "data" / "speakcheck.db", app_env / "data" / "recordings", clock=clock) as store:
        for i in range(ANSWERS):
            answer(store, Level.A2 if i < ANSWERS // 2 else Level.B2, 80 + 2 * i)
            clock.advance(DAYS_APART * 86400)


def open_progress(qtbot, window) -> ProgressWindow:
    window.progress_action.trigger()
    progress = window.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: progress.view.chart is not None and not progress.loading, timeout=20000)
    return progress


def chart_of(qtbot, progress: ProgressWindow, metric: Metric, grouping: Grouping = Grouping.ALL):
    progress.choose(metric, grouping)
    qtbot.waitUntil(lambda: progress.view.chart is not None and progress.view.chart.metric is metric
                    and progress.view.chart.grouping is grouping, timeout=20000)
    return progress.view.chart


def test_the_progress_window_shows_the_level_and_speech_rate_over_time_off_the_gui_thread(
        qtbot, app_env, running, monkeypatch):
    learner_store(app_env)
    threads: list[str] = []
    real_rows = progress_service.progress_rows

    def rows(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_rows(*args, **kwargs)
    monkeypatch.setattr(progress_service, "progress_rows", rows)
    window = running(sync=False).window
    progress = open_progress(qtbot, window)

    level = chart_of(qtbot, progress, Metric.LEVEL)
    assert progress.summary.text() == "Level: B2 in your last 10 answers, up from A2 in your first 10."
    assert progress.view.accessibleDescription().startswith(progress.summary.text())
    assert [b.label for b in level.bands] == ["A2", "B1", "B2", "C1"]
    assert sum(p.count for s in level.series for p in s.points) == ANSWERS

    rate = chart_of(qtbot, progress, Metric.SPEECH_RATE)
    [line] = rate.series
    assert (line.points[0].mean, line.points[-1].mean) == (80, 80 + 2 * (ANSWERS - 1))
    assert rate.bucket is Bucket.DAY  # 93 days fit the chart's width a day a point
    assert progress.summary.text() == (f"Speech rate: 80 \u2192 {80 + 2 * (ANSWERS - 1)} words a minute over "
                                       f"{DAYS_APART * (ANSWERS - 1)} days.")
    assert threads and threading.main_thread().name not in threads

    # The keyboard goes through the points in time: End is the latest answer.
    progress.view.setFocus()
    qtbot.keyClick(progress.view, Qt.Key_End)
    assert progress.point.text() == line.points[-1].text
    assert progress.point.text().endswith(f": {80 + 2 * (ANSWERS - 1)} words a minute, from 1 answer")
    qtbot.keyClick(progress.view, Qt.Key_Left)
    assert progress.point.text() == line.points[-2].text

    # The last four weeks only: the summary starts where the dates do.
    today = date.today()
    progress.set_dates(today - timedelta(days=27), today)
    qtbot.waitUntil(lambda: not progress.loading and progress.data is not None and progress.data.since is not None)
    qtbot.waitUntil(lambda: progress.view.chart.point_count == 7)
    assert progress.summary.text().startswith(f"Speech rate: {80 + 2 * (ANSWERS - 7)} \u2192 ")

    progress.set_dates(today - timedelta(days=400), today - timedelta(days=300))
    qtbot.waitUntil(lambda: progress.view.chart is not None and progress.view.chart.empty == NONE_IN_DATES)
    assert progress.summary.text() == NONE_IN_DATES


def test_progress_follows_the_store_with_one_reload_for_a_burst_and_drops_a_stale_answer(
        qtbot, app_env, running, monkeypatch):
    learner_store(app_env)
    window = running(sync=False).window
    progress = open_progress(qtbot, window)
    loads: list[object] = []
    real_load = progress.service.load

    def counted(query, on_done, on_error=None):
        loads.append(query)
        real_load(query, on_done, on_error)
    monkeypatch.setattr(progress.service, "load", counted)

    # A burst of changes while shown: one load now, one after it for all the rest.
    for _ in range(5):
        progress.data_changed()
    qtbot.waitUntil(lambda: len(loads) == 2 and not progress.loading)
    qtbot.wait(200)
    assert len(loads) == 2

    # Dates changed while a load for the old ones runs: its answer is never drawn.
    progress.data_changed()
    progress.set_dates(date.today() - timedelta(days=3), None)
    qtbot.waitUntil(lambda: not progress.loading and progress.data is not None
                    and progress.data.since == date.today() - timedelta(days=3))
    assert len(progress.data.answers) == 1
    progress.set_dates(None, None)
    qtbot.waitUntil(lambda: not progress.loading and progress.data is not None and progress.data.since is None)

    # A real change made through the window's services (a session deleted) reaches the chart.
    before = len(progress.data.answers)
    chart_of(qtbot, progress, Metric.LEVEL)
    newest = window.sessions
    qtbot.waitUntil(lambda: window.history.model.rowCount() == ANSWERS and not window.history.model.loading)
    newest.delete_session(window.history.model.rows[0].session.id)
    qtbot.waitUntil(lambda: not progress.loading and len(progress.data.answers) == before - 1, timeout=20000)

    # Hidden, it does not reload; shown again, it does, once.
    progress.hide()
    count = len(loads)
    progress.data_changed()
    progress.data_changed()
    assert len(loads) == count
    progress.show()
    qtbot.waitUntil(lambda: len(loads) == count + 1 and not progress.loading)


def test_an_empty_store_and_a_store_that_cannot_be_read_are_said_in_words(qtbot, app_env, running):
    window = running(sync=False).window
    progress = open_progress(qtbot, window)
    assert progress.view.chart.empty == NO_ANSWERS_YET
    assert progress.summary.text() == NO_ANSWERS_YET and not progress.summary.isVisible()
    assert progress.view.accessibleDescription() == NO_ANSWERS_YET
    assert not progress.user_box.isVisible()  # one person here: no one to choose

    # The progress lane's connection is gone (the data folder taken away under the app, say).
    progress.service._store._store.conn.close()
    progress.data_changed()
    qtbot.waitUntil(lambda: not progress.loading and progress.view.chart is None)
    assert progress.summary.text() == PROGRESS_UNREADABLE
    assert progress.view.message == PROGRESS_UNREADABLE
