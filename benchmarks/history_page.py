"""How fast the history dock's pages come out of a local store of 10,000 sessions.

    .venv/bin/python benchmarks/history_page.py [--sessions 10000] [--runs 300]

Prints the median and 95th percentile of: the first page (50, newest first), a page deep in the
list (reached by its cursor), and a filtered first page (level B1, completed). Target: first page
at most 20 ms median."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from tests.factories import complete_session  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        store = LocalStore.open(Path(tmp) / "speakcheck.db", clock=clock)
        # Building the store is not what is measured: skip the per-commit fsync while filling it.
        store._conn.execute("PRAGMA synchronous=OFF")
        start = time.perf_counter()
        for i in range(args.sessions):
            level = ("A2", "B1", "B2", "C1")[i % 4]
            if i % 10 == 0:
                store.start_session(level)  # some are still active, with no result
            else:
                complete_session(store, level)
            clock.advance(37)
        store._conn.execute("PRAGMA synchronous=FULL")
        store._conn.execute("PRAGMA optimize")
        print(f"built {args.sessions} sessions in {time.perf_counter() - start:.1f} s")

        first = store.list_sessions(limit=50)
        assert len(first.items) == 50
        cursor = first.next_cursor
        for _ in range(args.sessions // 50 // 2):  # walk to the middle of the history
            cursor = store.list_sessions(limit=50, after=cursor).next_cursor
        cases = {
            "first page (50)": lambda: store.list_sessions(limit=50),
            "page in the middle (by cursor)": lambda: store.list_sessions(limit=50, after=cursor),
            "filtered first page (B1, completed)":
                lambda: store.list_sessions(limit=50, level="B1", status="completed"),
        }
        for name, fn in cases.items():
            median, p95 = timed(fn, args.runs)
            print(f"{name}: median {median:.2f} ms, p95 {p95:.2f} ms")
        store.close()


if __name__ == "__main__":
    main()
