"""Time sources. Wall time is UTC at millisecond precision because that is what BSON dates keep;
monotonic time is for waiting, so a clock that jumps never shortens or stretches a back-off."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from datetime import time as day_time
from typing import Protocol


def utc_ms(value: datetime) -> datetime:
    """`value` in UTC, truncated to whole milliseconds (what MongoDB stores)."""
    value = value.astimezone(UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def to_epoch_ms(value: datetime) -> int:
    return int(utc_ms(value).timestamp() * 1000)


def from_epoch_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def local_day_start(day: date) -> datetime:
    """The first moment of `day` on this computer's clock: where a date filter's day begins."""
    return datetime.combine(day, day_time()).astimezone()


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards."""


class SystemClock:
    def now(self) -> datetime:
        return utc_ms(datetime.now(UTC))

    def monotonic(self) -> float:
        return time.monotonic()
