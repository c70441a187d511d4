"""The verification code printed on a report and in an export: the head of the session's audit
chain (core/audit_chain.py) when the report was made, shortened to something a person can type.

The code is the first 20 hex digits of the newest event's chain hash, in five groups of four
(`3f2a-9c1b-07de-55aa-1c90`). 80 bits: nobody can make a different chain that ends in the same
code, yet it fits on a line and reads aloud. Events may come after a report was made (audio
pruned, an examiner's review, the centre's signature), so a code is checked against every event
of the chain, not only its newest: `match_code` says which event it names and what came after,
so "this report was made before the examiner's review" is a finding, not a forgery.

Plain data, no I/O: `speakcheck verify-audit SESSION_ID --code CODE` reads the chain from
MongoDB and asks this module."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

CODE_DIGITS = 20
_GROUP = 4
_NOT_HEX = re.compile(r"[^0-9a-f]")


class CodeError(ValueError):
    """What was typed is not a verification code; the message says what one looks like."""


def format_code(chain_hash: str) -> str:
    """The code of a chain hash: its first 20 hex digits in groups of four."""
    digits = chain_hash.lower()[:CODE_DIGITS]
    return "-".join(digits[i:i + _GROUP] for i in range(0, len(digits), _GROUP))


def parse_code(text: str) -> str:
    """The 20 digits of a code as typed (any case; dashes and spaces ignored)."""
    digits = text.strip().lower().replace("-", "").replace(" ", "")
    if len(digits) != CODE_DIGITS or _NOT_HEX.search(digits):
        raise CodeError(f"{text!r} is not a verification code: it has {CODE_DIGITS} digits 0-9 and letters a-f, "
                        "in groups of four, like 3f2a-9c1b-07de-55aa-1c90")
    return digits


def _chain(payload: Mapping[str, Any] | None) -> dict[str, Any] | None:
    chain = (payload or {}).get("chain")
    return chain if isinstance(chain, dict) and isinstance(chain.get("hash"), str) else None


@dataclass(frozen=True)
class ChainPoint:
    """One event of a chain, as far as a code is concerned."""
    seq: int
    hash: str
    type: str
    created_at: datetime | None


def chain_points(events: Iterable[tuple[Mapping[str, Any] | None, str, datetime | None]]) -> list[ChainPoint]:
    """The chained events, by seq, from (payload, type, created_at) triples (events without a
    chain, from before chains, are left out)."""
    points = []
    for payload, kind, created_at in events:
        chain = _chain(payload)
        if chain is not None and isinstance(chain.get("seq"), int):
            points.append(ChainPoint(seq=chain["seq"], hash=chain["hash"], type=str(kind), created_at=created_at))
    return sorted(points, key=lambda p: p.seq)


def head_code(points: list[ChainPoint]) -> str | None:
    """The code of the chain's newest event (None: the session has no chained event)."""
    return format_code(points[-1].hash) if points else None


@dataclass(frozen=True)
class CodeMatch:
    """What a code names in a chain: `point` None means no event of it (not this session's
    report, or a changed one)."""
    point: ChainPoint | None
    later: tuple[ChainPoint, ...] = ()  # events after the one named: the report predates them

    @property
    def found(self) -> bool:
        return self.point is not None

    def summary(self) -> str:
        if self.point is None:
            return ("The verification code matches no point of this session's record: the report is not of this "
                    "session, or it was changed.")
        when = f" ({self.point.created_at:%Y-%m-%d %H:%M} UTC)" if self.point.created_at else ""
        if not self.later:
            return f"The verification code matches the session's record as it stands: event {self.point.seq}{when}."
        kinds = ", ".join(dict.fromkeys(p.type for p in self.later))
        return (f"The verification code matches the session's record at event {self.point.seq}{when}; "
                f"{len(self.later)} event(s) came after the report was made ({kinds}).")


def match_code(code: str, points: list[ChainPoint]) -> CodeMatch:
    """Which event of the chain `code` (as typed) names. Raises CodeError for a malformed code."""
    digits = parse_code(code)
    for index, point in enumerate(points):
        if point.hash.lower().startswith(digits):
            return CodeMatch(point=point, later=tuple(points[index + 1:]))
    return CodeMatch(point=None)
