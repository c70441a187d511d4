"""Test doubles. They live here, never in the product."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from speakcheck_desktop.core.clock import utc_ms


class FakeClock:
    """A wall clock the test sets (it may jump forwards or backwards) and a monotonic clock that
    only moves when told."""

    def __init__(self, start: datetime = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)):
        self.wall = start
        self.mono = 1000.0

    def now(self) -> datetime:
        return utc_ms(self.wall)

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def set_wall(self, value: datetime) -> None:
        self.wall = value
