"""How long the Review workspace's queue and the agreement figures take on a centre's store, beside
the history's first page on the same store (the baseline: one indexed query).

    .venv/bin/python benchmarks/review_queue.py [--sessions 2000] [--reviewed 0.5] [--runs 5]

The store holds `--sessions` finished one-answer sessions, a share `--reviewed` of them rated by a
first examiner (every other one of those double-marked). Prints the medians in ms and the ratios.
The queue reads every ended session in its filters (it is built on the store lane, off the GUI
thread, when the workspace opens or a filter changes), so it grows with the store."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speakcheck_desktop.core.agreement import agreement_report  # noqa: E402
from speakcheck_desktop.core.records import SCORE_KEYS  # noqa: E402
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from speakcheck_desktop.store.reviews import add_review, rated_answers, review_queue  # noqa: E402
from tests.factories import complete_session  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402


def median_ms(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--reviewed", type=float, default=0.5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore.open(Path(tmp) / "speakcheck.db", clock=FakeClock())
        rated = int(args.sessions * args.reviewed)
        for i in range(args.sessions):
            _, _, transcript, ai = complete_session(store, "B1")
            if i < rated:
                add_review(store, transcript.id, examiner_rating(
                    examiner="Ana Ruiz", role=ReviewRole.FIRST, decision=ReviewDecision.ACCEPTED, ai=ai))
                if i % 2 == 0:
                    add_review(store, transcript.id, examiner_rating(
                        examiner="Li Wei", role=ReviewRole.SECOND, decision=ReviewDecision.OWN, ai=None,
                        level="B2", scores=dict.fromkeys(SCORE_KEYS, 7.0)))
        history = median_ms(lambda: store.list_sessions(limit=50), args.runs * 20)
        queue = median_ms(lambda: review_queue(store, ReviewRole.FIRST), args.runs)
        agreement = median_ms(lambda: agreement_report(rated_answers(store)), args.runs)
        store.close()
    print(f"{args.sessions} sessions, {rated} reviewed")
    print(f"history first page      {history:8.1f} ms  (baseline)")
    print(f"review queue (first)    {queue:8.1f} ms  {queue / history:7.0f}x")
    print(f"agreement, whole store  {agreement:8.1f} ms  {agreement / history:7.0f}x")


if __name__ == "__main__":
    main()
