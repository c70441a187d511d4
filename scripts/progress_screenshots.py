"""Screenshots of the Progress window, in docs/screenshots/:
27: the level over five months of practice and mock tests, all answers;
28: the speech rate, a line per task kind;
29: the sub-score for grammar by format (the mock tests' overall results beside the practice);
30: a first run, with nothing to show yet.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/progress_screenshots.py

The store is filled with a learner's generated answers (a level climbing from A2 to B2, a speech
rate rising, fewer pauses), written through the store's own methods; mock tests get their
overall result from the app's own rule (assess/test_results.py). No server is needed."""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"
KINDS = ("describe", "opinion", "compare", "narrate")


def fill(store, clock, rng: random.Random) -> None:
    from speakcheck_desktop.assess.test_results import conclude
    from speakcheck_desktop.core.records import SCORE_KEYS, Level
    from speakcheck_desktop.core.test_plan import mock_plan
    from speakcheck_desktop.resources import load_mock_tests

    levels = list(Level)
    mocks = {t.level: t for t in load_mock_tests()}
    days = 150
    for day in range(0, days, 2):
        clock.wall = clock.wall.replace(hour=18) + timedelta(days=2)
        progress = day / days  # 0 .. 1 over the months
        ability = 0.1 + 2.4 * progress + rng.uniform(-0.45, 0.45)  # A2 = 0 .. C1 = 3
        level = levels[max(0, min(3, round(ability)))]
        measures = _measures(progress, rng)
        if day % 30 == 28:  # a mock test a month
            plan = mock_plan(mocks[Level.B1])
            session = store.start_session(plan.level.value, metadata=plan.to_metadata())
            for step in plan.steps:
                recording = store.add_recording(session.id, f"/data/{step.task.id}.flac", duration_s=60.0,
                                                question_id=step.task.id)
                transcript = store.add_transcript(recording.id, "words", "en", "local", "tiny.en",
                                                  event_details=_measures(progress, rng))
                store.add_evaluation(transcript.id, level, 0.75, _scores(ability, rng, SCORE_KEYS), "", [])
            store.end_session(session.id)
            conclude(store, session.id, plan)
            continue
        kind = rng.choice(KINDS)
        session = store.start_session(level.value, metadata={"task_id": f"{kind}-{day}", "task_kind": kind,
                                                             "format": {"kind": "practice"}})
        recording = store.add_recording(session.id, f"/data/{session.id}.flac", duration_s=60.0)
        transcript = store.add_transcript(recording.id, "words", "en", "local", "tiny.en", event_details=measures)
        store.add_evaluation(transcript.id, level, 0.8, _scores(ability, rng, SCORE_KEYS), "", [])
        store.end_session(session.id)


def _measures(progress: float, rng: random.Random) -> dict:
    rate = 78 + 45 * progress + rng.uniform(-9, 9)
    return {"fluency": {"total_duration_s": 60.0, "words": rate, "pause_count": max(2, round(14 - 8 * progress
                                                                                              + rng.uniform(-2, 2))),
                        "speech_rate_wpm": rate, "mean_length_of_run": 3.5 + 5 * progress + rng.uniform(-1, 1)},
            "vocabulary": {"known": 90, "b2_and_above": 0.05 + 0.1 * progress + rng.uniform(-0.02, 0.02)}}


def _scores(ability: float, rng: random.Random, keys) -> dict:
    return {k: round(max(0.0, min(10.0, 3 + 2 * ability + rng.uniform(-1.2, 1.2))) * 2) / 2 for k in keys}


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.core.progress import Grouping, Metric
    from speakcheck_desktop.services.progress_service import ProgressService
    from speakcheck_desktop.store.local_store import LocalStore
    from speakcheck_desktop.ui.progress_view import ProgressWindow
    from tests.fakes import FakeClock

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="speakcheck-progress-"))
    clock = FakeClock(datetime.now(UTC) - timedelta(days=152))
    with LocalStore.open(folder / "full.db", clock=clock) as store:
        fill(store, clock, random.Random(27))

    def shoot(db: Path, shots) -> None:
        service = ProgressService(LocalStore.open(db))
        window = ProgressWindow(service)
        window.resize(1100, 680)
        window.show()
        for name, metric, grouping in shots:
            window.choose(metric, grouping)
            _wait(app, lambda m=metric, g=grouping: window.view.chart is not None and window.view.chart.metric is m
                  and window.view.chart.grouping is g and not window.loading)
            window.grab().save(str(OUT / name))
            print("wrote", OUT / name)
        window.close()
        service.shutdown()

    shoot(folder / "full.db", [("27-progress-level.png", Metric.LEVEL, Grouping.ALL),
                               ("28-progress-speech-rate.png", Metric.SPEECH_RATE, Grouping.TASK),
                               ("29-progress-grammar-by-format.png", Metric.GRAMMAR, Grouping.FORMAT)])
    LocalStore.open(folder / "empty.db").close()
    shoot(folder / "empty.db", [("30-progress-empty.png", Metric.LEVEL, Grouping.ALL)])


def _wait(app, condition, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the progress window did not show its chart in time")
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


if __name__ == "__main__":
    main()
