"""The sessions that started in a span of time as the centre's MongoDB holds them, each whole (a
`SessionDetail`, as the local store gives one) with its user: for `speakcheck export --from
mongodb`, which makes its rows with the same code from either source, so the same data gives the
same rows. Read-only.

Sessions are read a page at a time (keyset paging on started_at, then _id: the local store's
order), and everything under a page comes in one query per collection with `$in` lists, never a
round trip per session. Each session's documents are put in the local store's order (created_at,
then id), which is what the result code expects: the latest of a kind is the last.

pymongo's errors become MongoUnavailable ("try later") or MongoNeedsAttention ("a person must
act") in the mirror's one place for that (`MongoMirror._errors`). A session whose documents do not
fit the schema is left out and named to `unreadable`, rather than exported half-right (as
remote/pull.py does)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo.collection import Collection

from speakcheck_desktop.core.records import Evaluation, Event, RecordError, Recording, Session, Transcript, User
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.store.views import SessionDetail

log = logging.getLogger(__name__)

PAGE = 100  # sessions a page: their children stay a few hundred ids per `$in`
IN_CHUNK = 500  # the longest `$in` list sent (some servers slow down on long ones)
_ORDER = [("started_at", 1), ("_id", 1)]


def remote_sessions_started_between(mirror: MongoMirror, since: datetime | None, until: datetime | None, *,
                                    unreadable: Callable[[ObjectId], None] = lambda _id: None,
                                    page: int = PAGE) -> Iterator[tuple[SessionDetail, User | None]]:
    """Each session in MongoDB started in [since, until) (None: no bound), oldest first, with its
    user (None: none, or not in MongoDB)."""
    bounds: dict[str, Any] = {}
    if since is not None:
        bounds["$gte"] = since
    if until is not None:
        bounds["$lt"] = until
    in_range: dict[str, Any] = {"started_at": bounds} if bounds else {}
    after: tuple[datetime, ObjectId] | None = None
    while True:
        query = in_range
        if after is not None:
            at, last = after
            keyset = {"$or": [{"started_at": {"$gt": at}}, {"started_at": at, "_id": {"$gt": last}}]}
            query = {"$and": [in_range, keyset]} if in_range else keyset
        with mirror._errors():  # the mirror's mapping of driver errors, not a second one
            sessions = list(mirror.db.sessions.find(query).sort(_ORDER).limit(page))
            children = _children(mirror, sessions)
        for doc in sessions:
            try:
                yield _detail(doc, children), _user(doc, children)
            except RecordError as exc:
                log.warning("Session %s in MongoDB does not match the schema (%s); not exported", doc["_id"], exc)
                unreadable(doc["_id"])
        if len(sessions) < page:
            return
        after = (sessions[-1]["started_at"], sessions[-1]["_id"])


def _children(mirror: MongoMirror, sessions: Sequence[dict[str, Any]]) -> dict[str, dict[Any, list[dict[str, Any]]]]:
    """The page's documents under its sessions, by collection and parent: recordings and events
    by session, transcripts by recording, evaluations by transcript; users by id."""
    db = mirror.db
    ids = [s["_id"] for s in sessions]
    recordings = _find_in(db.recordings, "session_id", ids)
    transcripts = _find_in(db.transcripts, "recording_id", [r["_id"] for r in recordings])
    evaluations = _find_in(db.evaluations, "transcript_id", [t["_id"] for t in transcripts])
    events = _find_in(db.events, "session_id", ids)
    users = _find_in(db.users, "_id", list({s["user_id"] for s in sessions if s.get("user_id")}))
    return {"recordings": _by(recordings, "session_id"), "transcripts": _by(transcripts, "recording_id"),
            "evaluations": _by(evaluations, "transcript_id"), "events": _by(events, "session_id"),
            "users": _by(users, "_id")}


def _find_in(collection: Collection, field: str, values: Sequence[Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), IN_CHUNK):
        found += collection.find({field: {"$in": list(values[start:start + IN_CHUNK])}})
    return found


def _by(docs: list[dict[str, Any]], field: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        grouped[doc.get(field)].append(doc)
    return grouped


def _in_store_order(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """As the local store lists a session's documents: by created_at (to the millisecond, as it
    keeps it), then id. A document without a time sorts first; its record refuses it later."""
    def key(doc: dict[str, Any]) -> tuple[int, str]:
        created = doc.get("created_at")
        return (round(created.timestamp() * 1000) if isinstance(created, datetime) else 0, str(doc["_id"]))
    return sorted(docs, key=key)


def _detail(doc: dict[str, Any], children: dict[str, dict[Any, list[dict[str, Any]]]]) -> SessionDetail:
    session_id = doc["_id"]
    recordings = _in_store_order(children["recordings"].get(session_id, []))
    transcripts = _in_store_order([t for r in recordings for t in children["transcripts"].get(r["_id"], [])])
    evaluations = _in_store_order([e for t in transcripts for e in children["evaluations"].get(t["_id"], [])])
    return SessionDetail(Session.from_document(doc),
                         [Recording.from_document(d) for d in recordings],
                         [Transcript.from_document(d) for d in transcripts],
                         [Evaluation.from_document(d) for d in evaluations],
                         [Event.from_document(d) for d in _in_store_order(children["events"].get(session_id, []))])


def _user(doc: dict[str, Any], children: dict[str, dict[Any, list[dict[str, Any]]]]) -> User | None:
    found = children["users"].get(doc.get("user_id")) if doc.get("user_id") else None
    return User.from_document(found[0]) if found else None
