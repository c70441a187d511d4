"""Pull: sessions of this user that are in MongoDB but not on this device (a learner on a new
laptop), listed and fetched on demand. Fetched sessions are stored without outbox entries:
MongoDB already has them."""

from __future__ import annotations

import logging
from datetime import datetime

from bson import ObjectId

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import Evaluation, Event, RecordError, Recording, Session, Transcript, User
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


def fetch_finished_sessions(store: LocalStore, mirror: MongoMirror, *, centre: str | None = None,
                            since: datetime | None = None, until: datetime | None = None) -> list[ObjectId]:
    """Copy in the ended sessions (of a centre) that this computer does not have yet, for
    examiners to review here; their reviews go back with the usual sync. Returns the ids
    copied. A session that does not fit the schema is skipped, the others still come."""
    copied = []
    for doc in mirror.find_finished_sessions(centre=centre, since=since, until=until):
        if store.has_document("sessions", doc["_id"]):
            continue
        try:
            fetch_session(store, mirror, doc["_id"])
        except PullError:
            log.warning("Session %s in MongoDB does not match the schema; not copied", doc["_id"])
            continue
        copied.append(doc["_id"])
    return copied


def fetch_session(store: LocalStore, mirror: MongoMirror, session_id: ObjectId) -> SessionDetail:
    """Copy one session and everything under it from MongoDB into the local store."""
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
    store.import_documents(detail, user)
    return detail
