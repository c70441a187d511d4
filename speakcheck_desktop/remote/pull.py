"""Pull: sessions of this user that are in MongoDB but not on this device (a learner on a new
laptop), listed and fetched on demand. Fetched sessions are stored without outbox entries:
MongoDB already has them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from bson import ObjectId

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import (
    Evaluation,
    Event,
    EventType,
    RecordError,
    Recording,
    Session,
    Transcript,
    User,
)
from speakcheck_desktop.core.test_plan import FormatKind
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.views import SessionDetail

log = logging.getLogger(__name__)


class PullError(UserFacingError):
    """A session that cannot be copied from MongoDB; the message says which and why."""


def list_remote_only_sessions(store: LocalStore, mirror: MongoMirror, user_id: ObjectId,
                              limit: int = 200) -> list[Session]:
    """The user's sessions in MongoDB that this device does not have, newest first. Documents
    that do not fit the schema are left out rather than shown half-right."""
    sessions = []
    for doc in mirror.find_sessions(user_id, limit):
        if store.has_document("sessions", doc["_id"]):
            continue
        try:
            sessions.append(Session.from_document(doc))
        except RecordError:
            continue
    return sessions


@dataclass
class CentreFetch:
    copied: list[ObjectId] = field(default_factory=list)
    still_assessed: int = 0  # left in MongoDB: an answer of theirs is not assessed yet
    unreadable: int = 0  # left in MongoDB: not the schema

    def sentence(self) -> str:
        parts = [f"Copied {len(self.copied)} session(s) from MongoDB." if self.copied else
                 "No new finished session in MongoDB matches."]
        if self.still_assessed:
            parts.append(f"{_count(self.still_assessed)} still being assessed on its kiosk: fetch again later.")
        if self.unreadable:
            parts.append(f"{_count(self.unreadable)} not like the schema, left out (the log says which).")
        return " ".join(parts)


def _count(n: int) -> str:
    return "1 more session is" if n == 1 else f"{n} more sessions are"


def fetch_finished_sessions(store: LocalStore, mirror: MongoMirror, *, centre: str | None = None,
                            since: datetime | None = None, until: datetime | None = None,
                            limit: int = 500) -> CentreFetch:
    """Copy in the ended sessions (of a centre) that this computer does not have yet, for
    examiners to review here; their reviews go back with the usual sync. A session some answer
    of which is still waiting to be assessed is left where it is: its kiosk is still writing to
    it (an evaluation, an overall result, a hold), and two computers extending one audit chain
    would fork it. At most `limit` sessions a time; the rest come with the next fetch."""
    fetched = CentreFetch()
    for session_id in mirror.finished_session_ids(centre=centre, since=since, until=until):
        if len(fetched.copied) >= limit:
            break
        if store.has_document("sessions", session_id):
            continue
        try:
            detail, user = _remote_session(mirror, session_id)
        except PullError:
            log.warning("Session %s in MongoDB does not match the schema; not copied", session_id)
            fetched.unreadable += 1
            continue
        if not assessment_done(detail):
            fetched.still_assessed += 1
            continue
        store.import_documents(detail, user)
        fetched.copied.append(session_id)
    return fetched


def assessment_done(detail: SessionDetail) -> bool:
    """Every recording transcribed and every transcript evaluated or judged without enough
    evidence (a recording whose audio was lost counts as done); a test of parts has its overall
    result too."""
    transcribed = {t.recording_id for t in detail.transcripts}
    lost = {str((e.payload or {}).get("recording_id")) for e in detail.events if e.type is EventType.AUDIO_LOST}
    if any(r.id not in transcribed and str(r.id) not in lost for r in detail.recordings):
        return False
    judged = {str(e.transcript_id) for e in detail.evaluations} | {
        str((e.payload or {}).get("transcript_id")) for e in detail.events if e.type is EventType.INSUFFICIENT_EVIDENCE}
    if any(str(t.id) not in judged for t in detail.transcripts):
        return False
    metadata = detail.session.metadata or {}
    parts = (metadata.get("format") or {}).get("kind") in (FormatKind.MOCK.value, FormatKind.PART.value)
    return not parts or "overall" in metadata


def fetch_session(store: LocalStore, mirror: MongoMirror, session_id: ObjectId) -> SessionDetail:
    """Copy one session and everything under it from MongoDB into the local store."""
    detail, user = _remote_session(mirror, session_id)
    store.import_documents(detail, user)
    return detail


def _remote_session(mirror: MongoMirror, session_id: ObjectId) -> tuple[SessionDetail, User | None]:
    docs = mirror.fetch_session(session_id)
    if docs is None:
        raise PullError(f"MongoDB has no session {session_id}")
    try:
        detail = SessionDetail(
            Session.from_document(docs["sessions"][0]),
            [Recording.from_document(d) for d in docs["recordings"]],
            [Transcript.from_document(d) for d in docs["transcripts"]],
            [Evaluation.from_document(d) for d in docs["evaluations"]],
            [Event.from_document(d) for d in docs["events"]],
        )
        user = User.from_document(docs["users"][0]) if docs["users"] else None
    except RecordError as exc:
        raise PullError(f"Session {session_id} in MongoDB does not match the schema ({exc}); "
                        f"it was not copied") from None
    return detail, user
