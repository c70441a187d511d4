"""Choosing what to give a person next without repeating what they did lately: a practice task,
or a mock test ("no mock test repeated for the same user until all were taken")."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def choose_fresh(options: Sequence[T], key: Callable[[T], str], recent: Sequence[str],
                 rng: random.Random | None = None) -> T:
    """One of `options` whose key is not among `recent` (newest first); when every one was taken,
    the one taken longest ago. `options` must not be empty."""
    rng = rng or random.Random()
    fresh = [o for o in options if key(o) not in recent]
    if fresh:
        return rng.choice(fresh)
    return max(options, key=lambda o: recent.index(key(o)))
