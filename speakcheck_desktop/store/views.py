"""What the local store hands out, as plain data: a page of the history, a session with everything
under it, a recording whose audio was lost, and what prune, delete and the kiosk purge did.

Separate from `local_store.py` so that the UI can name these types (in signatures, in signals)
without importing the store's engine: this module imports only the records and `audio_files`,
never the database code. The store builds them; nobody else needs to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from bson import ObjectId

from speakcheck_desktop.core.records import Evaluation, Event, EventType, Level, Record, Recording, Session, Transcript
from speakcheck_desktop.core.verification import chain_points, head_code
from speakcheck_desktop.store.audio_files import AudioProblem

# -- reads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageCursor:
    """Where the next page of `list_sessions` starts: after this (started_at, id)."""
    started_at_ms: int
    session_id: str


@dataclass(frozen=True)
class SessionSummary:
    session: Session
    result_level: Level | None  # the newest evaluation's overall level, if any


@dataclass(frozen=True)
class SessionPage:
    items: list[SessionSummary]
    next_cursor: PageCursor | None


@dataclass(frozen=True)
class SessionDetail:
    session: Session
    recordings: list[Recording]
    transcripts: list[Transcript]
    evaluations: list[Evaluation]
    events: list[Event]
    pruned_at: dict[ObjectId, datetime] = field(default_factory=dict)  # recording id -> when its audio went

    def question_of(self, recording_id: ObjectId) -> str | None:
        """The question a recording answers, as its `record_stop` event named it (None: a
        recording from before questions were named, or one recovered after a crash)."""
        rid = str(recording_id)
        return next(((e.payload or {}).get("question_id") for e in self.events
                     if e.type is EventType.RECORD_STOP and (e.payload or {}).get("recording_id") == rid), None)

    @property
    def verification_code(self) -> str | None:
        """The code of the session's audit chain as it stands (core/verification.py); None for a
        session without chained events."""
        return head_code(chain_points((e.payload, e.type.value, e.created_at) for e in self.events))

    def documents(self) -> Iterator[Record]:
        yield self.session
        yield from self.recordings
        yield from self.transcripts
        yield from self.evaluations
        yield from self.events


@dataclass(frozen=True)
class AudioLoss:
    """A recording whose audio went missing or changed before it was sent or scored."""
    recording_id: ObjectId
    session_id: ObjectId
    problem: AudioProblem
    message: str


# -- retention (store/retention.py) --------------------------------------------------------------


@dataclass
class PruneReport:
    pruned: list[tuple[ObjectId, str, int]] = field(default_factory=list)  # recording id, path, bytes freed
    kept: list[tuple[ObjectId, str, str]] = field(default_factory=list)  # recording id, path, why

    @property
    def bytes_freed(self) -> int:
        return sum(size for _, _, size in self.pruned)


@dataclass
class DeleteReport:
    session_id: ObjectId
    documents: int = 0
    files_removed: list[str] = field(default_factory=list)
    files_left: list[tuple[str, str]] = field(default_factory=list)  # path, why


@dataclass
class PurgeReport:
    sessions: list[ObjectId] = field(default_factory=list)  # forgotten here (MongoDB has them)
    documents: int = 0
    unacknowledged: list[ObjectId] = field(default_factory=list)  # kept: MongoDB has not confirmed it all yet
    audio_here_only: list[ObjectId] = field(default_factory=list)  # kept: its audio exists only on this computer
    # kept: MongoDB's copy of its audio is not confirmed whole; why
    audio_unconfirmed: list[tuple[ObjectId, str]] = field(default_factory=list)
    assessment_pending: list[ObjectId] = field(default_factory=list)  # kept: not transcribed or assessed yet

    def summary(self) -> str:
        """What is still kept here and why, for the operator: one sentence."""
        parts = []
        if self.unacknowledged:
            parts.append(f"{len(self.unacknowledged)} waiting to reach MongoDB")
        if self.assessment_pending:
            parts.append(f"{len(self.assessment_pending)} waiting to be assessed")
        if self.audio_here_only:
            parts.append(f"{len(self.audio_here_only)} kept here: their audio is only on this computer")
        if self.audio_unconfirmed:
            parts.append(f"{len(self.audio_unconfirmed)} kept here: MongoDB's copy of their audio is not "
                         f"confirmed whole ({self.audio_unconfirmed[0][1]})")
        return "; ".join(parts) + "." if parts else "Nothing waiting: every result is in MongoDB."
