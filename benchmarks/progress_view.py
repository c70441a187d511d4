"""How fast the Progress view's data comes out of a local store of 10,000 sessions.

    .venv/bin/python benchmarks/progress_view.py [--sessions 10000] [--users 3] [--runs 7] [--store FILE]

The store is generated through the store's own write paths (tests/factories.py `measured_answer`:
recordings naming their questions, transcripts with their measures in the `transcribe` event,
evaluations with theirs in the `evaluate` event, the evidence gate's "no", examiners' first and
blind second markings), over a year, for a few users: a fifth of the sessions are mock tests of
~10 questions each (ended, with their overall results recorded by assess/test_results.py
`conclude`), a tenth part practice, the rest quick practice.

Building 10,000 sessions takes about two minutes; `--store FILE` keeps the store in FILE (built
there when missing, else read as it is) so that later runs skip it. Prints, as the median of
--runs runs:
- `progress_rows` for every user, for one user, and for one user's last 90 days, each with its
  ratio against a plain `SELECT * FROM sessions` scan run in the same process (the least a read
  of the whole store can cost);
- `progress_chart` for each metric and grouping, of every user's rows;
- the GUI thread's share of a chart: handing it to the view and painting it (`paint_seconds`);
- whether every statement reaches recordings, transcripts, evaluations and events by an index
  (EXPLAIN QUERY PLAN: a SCAN of one of them would make the read grow with the square of a
  session's answers, or worse).
Wall-clock and CPU times are both shown: on a machine whose cores other work shares, the CPU time
is the steadier figure. Target: `progress_rows` of the whole store well under a second; a chart
under 100 ms."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speakcheck_desktop.core.progress import (  # noqa: E402
    GROUPINGS,
    METRICS,
    Chart,
    ProgressData,
    progress_chart,
)

# -- the Qt view -------------------------------------------------------------------------------
# The GUI thread's share of showing a chart: handing it to the view and painting it once, at the
# window's usual size, offscreen. (The rows and the chart itself are worked out on lanes.)
_VIEW: list = []


def paint_seconds(chart: Chart) -> float | None:
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.ui.progress_view import ProgressChartView
    if not _VIEW:
        _VIEW.append(QApplication.instance() or QApplication([]))
        view = ProgressChartView()
        view.resize(1060, 520)
        _VIEW.append(view)
    view = _VIEW[1]
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    started = time.perf_counter()
    view.set_chart(chart)
    view.render(image)
    return time.perf_counter() - started
# ---------------------------------------------------------------------------------------------


from speakcheck_desktop.assess.test_results import conclude  # noqa: E402
from speakcheck_desktop.core.records import SCORE_KEYS  # noqa: E402
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating  # noqa: E402
from speakcheck_desktop.core.task_bank import TaskBank  # noqa: E402
from speakcheck_desktop.core.test_plan import mock_plan, part_plan, practice_plan  # noqa: E402
from speakcheck_desktop.resources import load_mock_tests, resource_path  # noqa: E402
from speakcheck_desktop.store import progress_rows as rows_module  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from speakcheck_desktop.store.progress_rows import has_answers, progress_rows, progress_users  # noqa: E402
from speakcheck_desktop.store.reviews import add_review  # noqa: E402
from tests.factories import measured_answer  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402

LEVELS = ("A2", "B1", "B2", "C1")


def build(store: LocalStore, clock: FakeClock, sessions: int, users: int, seed: int = 7) -> None:
    """`sessions` sessions spread over a year, round-robin over `users` users."""
    rng = random.Random(seed)
    mocks = load_mock_tests()
    tasks = TaskBank.load(resource_path("tasks.json"))
    people = [store.add_user(name=f"Learner {n + 1}").id for n in range(users)]
    step_s = 365 * 24 * 3600 / max(sessions, 1)
    for i in range(sessions):
        clock.set_wall(clock.wall + timedelta(seconds=step_s))
        user = people[i % len(people)]
        level = LEVELS[(i // 7) % 4]
        if i % 5 == 0:
            plan = mock_plan(rng.choice([t for t in mocks if t.level == level]))
        elif i % 10 == 1:
            test = rng.choice([t for t in mocks if t.level == level])
            plan = part_plan(test, rng.choice([p.kind for p in test.parts]))
        else:
            plan = practice_plan(rng.choice(tasks.for_level(level)))
        session = store.start_session(level, user_id=user, metadata=plan.to_metadata())
        for step in plan.steps:
            clock.advance(40)
            answers = 2 if rng.random() < 0.1 else 1  # "Record again"
            for _ in range(answers):
                clock.advance(5)
                _answer(store, session, step.task.id, level, rng)
        if i % 50 == 3:
            continue  # left active: no overall result
        store.end_session(session.id)
        if plan.kind.value != "practice":
            conclude(store, session.id, plan)


def _answer(store: LocalStore, session, question_id: str, level: str, rng: random.Random) -> None:
    duration = round(rng.uniform(20, 120), 1)
    words = int(duration * rng.uniform(1.2, 2.4))
    roll = rng.random()
    base = LEVELS.index(level) * 2 + 2.5
    scores = {k: min(10.0, max(0.0, round((base + rng.uniform(-1.5, 1.5)) * 2) / 2)) for k in SCORE_KEYS}
    _, transcript, evaluation = measured_answer(
        store, session, question_id, duration_s=duration, words=words, pauses=rng.randint(0, 20),
        run=round(rng.uniform(3, 12), 1), known=int(words * 0.8), b2_share=round(rng.uniform(0, 0.4), 3),
        level=level if roll < 0.9 else None, scores=scores, confidence=round(rng.uniform(0.4, 0.9), 2),
        enough=not 0.9 <= roll < 0.97, transcribe=roll < 0.995)  # 2.5% wait for an evaluation, 0.5% transcription
    if evaluation is not None and rng.random() < 0.03:
        add_review(store, transcript.id, examiner_rating(examiner="Ana", role=ReviewRole.FIRST,
                                                         decision=ReviewDecision.ACCEPTED, ai=evaluation))
        if rng.random() < 0.5:
            add_review(store, transcript.id, examiner_rating(
                examiner="Li", role=ReviewRole.SECOND, decision=ReviewDecision.OWN, ai=None, level="C1",
                scores=dict.fromkeys(SCORE_KEYS, 9.0), reason=""))


def scans_of_big_tables(store: LocalStore, user: str | None) -> list[str]:
    """The steps of the progress statements' plans that walk a big table instead of searching it."""
    found = []
    args = {"user": user, "since": 0 if user else None, "before": 2**62 if user else None}
    for sql in (rows_module._ANSWERS, rows_module._QUESTIONS, rows_module._OVERALL):
        for *_, detail in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args):
            words = detail.split()
            if words[0] == "SCAN" and words[1] not in {"s", "sessions", "picked", "q", "a"}:
                found.append(detail)
    return found


def median_s(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """The median wall-clock and CPU seconds of `fn` over `runs` runs (the CPU time is this
    process's: it stays put when other work shares the machine's cores, the wall clock does not)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--store", type=Path, help="keep the store in this file (built when missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "speakcheck.db"
        fresh = not path.exists()
        clock = FakeClock()
        store = LocalStore.open(path, clock=clock)
        start = time.perf_counter()
        if fresh:
            # Building the store is not what is measured: skip the per-commit fsync while filling it.
            store.conn.execute("PRAGMA synchronous=OFF")
            build(store, clock, args.sessions, args.users)
            store.conn.execute("PRAGMA synchronous=FULL")
            store.conn.execute("PRAGMA optimize")
        else:
            clock.set_wall(datetime.fromtimestamp(
                store.conn.execute("SELECT MAX(created_at_ms) FROM recordings").fetchone()[0] / 1000, UTC))
        counts = {c: store.count(c) for c in ("sessions", "recordings", "transcripts", "evaluations", "events")}
        print(f"{'built' if fresh else 'read'} {path.name} in {time.perf_counter() - start:.0f} s: "
              + ", ".join(f"{n} {c}" for c, n in counts.items()))

        baseline, baseline_cpu = median_s(lambda: store.conn.execute("SELECT * FROM sessions").fetchall(), args.runs)
        print(f"baseline, SELECT * FROM sessions: {baseline * 1000:.1f} ms (CPU {baseline_cpu * 1000:.1f} ms)")
        [user, *_] = progress_users(store)
        scans = scans_of_big_tables(store, None) + scans_of_big_tables(store, user.id)
        print("query plans: " + ("every big table reached by an index" if not scans else "SCAN in " + "; ".join(scans)))
        last = clock.now()
        cases: dict[str, Callable[[], object]] = {
            "progress_rows, every user": lambda: progress_rows(store),
            f"progress_rows, one user ({user.sessions} sessions)": lambda: progress_rows(store, user_id=user.id),
            "progress_rows, one user, last 90 days":
                lambda: progress_rows(store, user_id=user.id, since=last - timedelta(days=90), before=last),
            "progress_users": lambda: progress_users(store),
            "has_answers, one user": lambda: has_answers(store, user.id),
        }
        for name, fn in cases.items():
            took, cpu = median_s(fn, args.runs)
            print(f"{name}: {took * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms ({took / baseline:.1f}x the baseline)")

        answers, overall = progress_rows(store)
        data = ProgressData(answers=tuple(answers), overall=tuple(overall))
        print(f"{len(answers)} answers, {len(overall)} overall results; progress_chart, max_points 120:")
        worst = 0.0
        for metric, info in METRICS.items():
            line = []
            for grouping in GROUPINGS:
                took, _ = median_s(lambda m=metric, g=grouping: progress_chart(data, m, g), args.runs)
                worst = max(worst, took)
                chart = progress_chart(data, metric, grouping)
                painted = paint_seconds(chart)
                paint = f", paint {painted * 1000:.1f} ms" if painted is not None else ""
                line.append(f"{grouping.value} {took * 1000:.1f} ms ({chart.point_count} points{paint})")
            print(f"  {info.label}: " + "; ".join(line))
        print(f"slowest chart: {worst * 1000:.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
