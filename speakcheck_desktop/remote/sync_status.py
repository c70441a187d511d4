"""What sync reports, as plain data: the state the app shows (`SyncState`, `SyncStatus`), what one
pass did (`PassReport`) and what a full check found (`VerifyReport`).

Apart from `outbox_relay.py` so that the UI can show them, and name them in its signals, without
importing the relay, pymongo or the store: this module imports only the standard library and bson.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bson import ObjectId


class SyncState(StrEnum):
    SYNCED = "synced"
    WAITING = "waiting"  # documents queued, MongoDB reachable as far as we know
    OFFLINE = "offline"
    NEEDS_ATTENTION = "needs attention"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    pending: int
    dead: int
    last_success: datetime | None
    problem: str | None  # what is wrong, in words, when offline or needing attention
    problem_at: datetime | None = None  # when the pass that met the problem ran
    audio_lost: int = 0  # recordings sent without their audio (it went missing or changed first)


@dataclass
class PassReport:
    pushed: Counter[str] = field(default_factory=Counter)  # collection -> documents written
    deleted: Counter[str] = field(default_factory=Counter)  # collection -> documents deleted
    dead_lettered: list[tuple[str, ObjectId, str]] = field(default_factory=list)
    retrying: int = 0
    requeued: int = 0  # found missing by the check after the pass
    audio_lost: list[tuple[ObjectId, str]] = field(default_factory=list)  # recording id, what happened
    offline: str | None = None
    needs_attention: str | None = None
    busy: str | None = None  # another sync of this data dir was running: this pass did nothing

    @property
    def ok(self) -> bool:
        return self.offline is None and self.needs_attention is None

    def summary(self) -> str:
        """What moved, in a line a person can read."""
        if self.busy:
            return f"nothing done here: {self.busy}"
        problem = self.offline or self.needs_attention
        parts = []
        if +self.pushed:  # unary + drops zero counts
            parts.append("sent " + ", ".join(f"{n} {c}" for c, n in self.pushed.items() if n))
        if +self.deleted:
            parts.append("deleted " + ", ".join(f"{n} {c}" for c, n in self.deleted.items() if n))
        if not parts:
            parts.append("nothing sent" if problem else "nothing to send")
        if self.audio_lost:
            parts.append(f"the audio of {len(self.audio_lost)} recording(s) was missing or had changed: "
                         f"recorded as such, and their recordings go without it (see `speakcheck status`)")
        if self.dead_lettered:
            parts.append(f"{len(self.dead_lettered)} rejected by MongoDB (see `speakcheck status`)")
        if self.retrying:
            parts.append(f"{self.retrying} to retry")
        if self.requeued:
            parts.append(f"{self.requeued} missing in MongoDB, queued again")
        if problem:
            parts.append(f"stopped: {problem}")
        return "; ".join(parts)


@dataclass
class VerifyReport:
    """What `verify_all` found: documents MongoDB should hold but does not (queued again), those
    simply not sent yet, and audio whose copy is damaged or whose local file changed."""
    missing: int = 0
    not_sent_yet: int = 0
    audio_damaged: list[tuple[ObjectId, str]] = field(default_factory=list)  # in GridFS; re-uploaded if possible
    audio_changed: list[tuple[ObjectId, str]] = field(default_factory=list)  # on this computer

    def summary(self) -> str:
        parts = [f"{self.missing} missing in MongoDB, queued again", f"{self.not_sent_yet} not sent yet"]
        if self.audio_damaged:
            parts.append(f"{len(self.audio_damaged)} recording(s) damaged in GridFS")
        if self.audio_changed:
            parts.append(f"{len(self.audio_changed)} recording file(s) changed on this computer after they were made")
        return "; ".join(parts)
