"""The MongoDB mirror: one lazily created pymongo client, the seed's indexes, and the few
operations sync and pull need. pymongo's exceptions are turned into two kinds the app can act on:
`MongoUnavailable` (try again later) and `MongoNeedsAttention` (a person must fix something).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bson import ObjectId
from pymongo import MongoClient, ReplaceOne, WriteConcern
from pymongo.collection import Collection
from pymongo.database import Database
from pymongo.errors import (
    BulkWriteError,
    ConfigurationError,
    ConnectionFailure,
    OperationFailure,
    PyMongoError,
    ServerSelectionTimeoutError,
)

from speakcheck_desktop.config import redact, redact_uri
from speakcheck_desktop.core.audit_chain import named_documents
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.remote import gridfs_audio
from speakcheck_desktop.remote.indexes import SEED_INDEXES, IndexSpec
from speakcheck_desktop.store.audio_files import AudioCheck, AudioFingerprint

log = logging.getLogger(__name__)

# Server error codes that say "not now" rather than "never": the write is tried again later.
TRANSIENT_CODES = frozenset({
    6, 7, 50, 64, 89, 91, 112, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
})
AUTH_CODES = frozenset({13, 18, 8000})  # Unauthorized, AuthenticationFailed, Atlas auth error


class MongoUnavailable(UserFacingError):
    """MongoDB cannot be reached now. Nothing is lost; sync tries again later. The message says
    why, in words (with no final full stop: callers go on, "...; nothing was lost")."""


class MongoNeedsAttention(UserFacingError):
    """MongoDB answered but refuses the app (login, permissions, settings). A person must act;
    the message says what to check (with no final full stop, as MongoUnavailable's)."""


@dataclass
class WriteOutcome:
    acknowledged: list[ObjectId] = field(default_factory=list)
    rejected: dict[ObjectId, str] = field(default_factory=dict)  # never going to work: the server's reason
    retry: dict[ObjectId, str] = field(default_factory=dict)  # may work later
    hashes: dict[ObjectId, str] = field(default_factory=dict)  # audio uploads: SHA-256 of what was sent
    local_problems: dict[ObjectId, AudioCheck] = field(default_factory=dict)  # audio: the local file is gone or changed


class MongoMirror:
    def __init__(self, uri: str, db_name: str, timeout_s: float = 5.0,
                 client_factory: Callable[..., MongoClient] = MongoClient):
        self._uri = uri
        self._db_name = db_name
        self._timeout_ms = int(timeout_s * 1000)
        self._client_factory = client_factory
        self._client: MongoClient | None = None
        self._client_lock = threading.Lock()

    @property
    def where(self) -> str:
        """Where the data goes, without the password."""
        return f"{redact_uri(self._uri)} (database {self._db_name})"

    @property
    def db(self) -> Database:
        # Created on first use, on whichever worker thread first needs it: building a client
        # starts its monitor threads and may resolve DNS, which the GUI thread must not wait for.
        with self._client_lock:
            if self._client is None:
                with self._errors():
                    self._client = self._client_factory(
                        self._uri, tz_aware=True, appname="speakcheck-desktop",
                        serverSelectionTimeoutMS=self._timeout_ms, connectTimeoutMS=self._timeout_ms,
                        socketTimeoutMS=max(self._timeout_ms, 30_000), retryWrites=True)
            return self._client[self._db_name]

    def close(self) -> None:
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def ping(self) -> None:
        with self._errors():
            self.db.command("ping")

    # -- indexes -------------------------------------------------------------------------------

    def missing_indexes(self) -> list[IndexSpec]:
        with self._errors():
            existing = {(spec_coll, tuple(ix["key"].items()))
                        for spec_coll in {s.collection for s in SEED_INDEXES}
                        for ix in self.db[spec_coll].list_indexes()}
        return [s for s in SEED_INDEXES if (s.collection, s.keys) not in existing]

    def ensure_indexes(self) -> list[str]:
        """Create the seed's indexes that are missing. An index with the same keys under another
        name (made by an older tool) counts as present, so this never fails on a conflict."""
        missing = self.missing_indexes()
        with self._errors():
            for spec in missing:
                self.db[spec.collection].create_index(list(spec.keys), name=spec.name)
        return [s.name for s in missing]

    # -- writes --------------------------------------------------------------------------------

    def write(self, collection: str, docs: Sequence[dict[str, Any]]) -> WriteOutcome:
        """Store `docs` as they are, keyed by `_id`; idempotent.

        New documents go in with one unordered insert, which is ~10x faster than upserts on some
        servers; any `_id` that is already there (a resend, or an updated session) is then
        replaced. Acknowledged means journaled on a majority."""
        outcome = WriteOutcome()
        if not docs:
            return outcome
        coll = self._sync_collection(collection)
        existing: list[dict[str, Any]] = []
        with self._errors():
            try:
                coll.insert_many(list(docs), ordered=False)
                outcome.acknowledged = [d["_id"] for d in docs]
                return outcome
            except BulkWriteError as exc:
                if not self._sort_bulk_errors(exc, docs, outcome, duplicates=existing):
                    return outcome
            if existing:
                try:
                    coll.bulk_write([ReplaceOne({"_id": d["_id"]}, d, upsert=True) for d in existing], ordered=False)
                    outcome.acknowledged += [d["_id"] for d in existing]
                except BulkWriteError as exc:
                    self._sort_bulk_errors(exc, existing, outcome)
        return outcome

    def delete(self, collection: str, ids: Sequence[ObjectId]) -> WriteOutcome:
        outcome = WriteOutcome()
        if ids:
            with self._errors():
                self._sync_collection(collection).delete_many({"_id": {"$in": list(ids)}})
            outcome.acknowledged = list(ids)
        return outcome

    # -- audio in GridFS (remote/gridfs_audio.py) ----------------------------------------------

    def upload_audio(self, uploads: Sequence[tuple[dict[str, Any], AudioFingerprint | None]],
                     on_read: Callable[[int], None] = lambda n: None) -> WriteOutcome:
        """Upload each file (see gridfs_audio.upload) against the fingerprint it had when it was
        recorded: what can never be uploaded (MongoDB holds something else under its id) is
        rejected with the reason, a file that changed is reported as such, a passing problem is
        retried; MongoDB trouble stops the batch."""
        outcome = WriteOutcome()
        for doc, expected in uploads:
            with self._errors():
                try:
                    outcome.hashes[doc["_id"]] = gridfs_audio.upload(self.db, doc, expected, on_read)
                except gridfs_audio.AudioUploadRejected as exc:
                    outcome.rejected[doc["_id"]] = str(exc)
                    continue
                except gridfs_audio.LocalAudioProblem as exc:
                    outcome.local_problems[doc["_id"]] = exc.check
                    continue
                except gridfs_audio.AudioFileProblem as exc:
                    outcome.retry[doc["_id"]] = str(exc)
                    continue
            outcome.acknowledged.append(doc["_id"])
        return outcome

    def confirm_audio(self, bucket: str, file_id: ObjectId, expected: AudioFingerprint | None) -> str | None:
        """None when GridFS holds this recording whole (see gridfs_audio.confirm_whole); else why not.
        MongoDB being away is a reason too: the local copy then stays."""
        if expected is None:
            return "its fingerprint from recording time is unknown (made by an older version), so it stays"
        try:
            with self._errors():
                return gridfs_audio.confirm_whole(self.db, bucket, file_id, expected)
        except (MongoUnavailable, MongoNeedsAttention) as exc:
            return f"MongoDB's copy could not be checked ({exc})"

    def replace_damaged_audio(self, bucket: str, file_id: ObjectId) -> None:
        """Remove a GridFS file that `check_audio` found damaged, so the whole local copy can be
        uploaded again. Only called with the sync lock held and the good copy on this computer."""
        with self._errors():
            gridfs_audio.remove(self.db, bucket, [file_id])

    def delete_audio(self, bucket: str, ids: Sequence[ObjectId]) -> WriteOutcome:
        outcome = WriteOutcome()
        if ids:
            with self._errors():
                gridfs_audio.remove(self.db, bucket, list(ids))
            outcome.acknowledged = list(ids)
        return outcome

    def check_audio(self, bucket: str, file_id: ObjectId, sha256: str | None) -> None:
        """Raise AudioFileProblem unless GridFS holds this file whole, with this SHA-256."""
        with self._errors():
            held = gridfs_audio.stored_hash(self.db, bucket, file_id)
        if sha256 and held != sha256:
            raise gridfs_audio.AudioFileProblem(f"The recording {file_id} in MongoDB does not match what was "
                                                f"uploaded (its SHA-256 differs).")

    def download_audio(self, bucket: str, file_id: ObjectId, dest: Path,
                       on_progress: Callable[[int, int], None] = lambda done, total: None) -> Path:
        with self._errors():
            return gridfs_audio.download(self.db, bucket, file_id, dest, on_progress)

    def existing_ids(self, collection: str, ids: Sequence[ObjectId]) -> set[ObjectId]:
        """Which of `ids` MongoDB has.

        Ids made on this device in one stretch of time are close together, so a range query on
        `_id` usually returns little more than them, and costs far less than a long `$in` (which
        some servers evaluate in time quadratic in its length). When other devices' documents
        crowd the range, it falls back to short `$in` lists."""
        wanted = sorted(set(ids))
        present: set[ObjectId] = set()
        coll = self.db[collection]
        with self._errors():
            for start in range(0, len(wanted), 1000):
                chunk = wanted[start:start + 1000]
                cap = 2 * len(chunk) + 1
                in_range = {"_id": {"$gte": chunk[0], "$lte": chunk[-1]}}
                found = {d["_id"] for d in coll.find(in_range, {"_id": 1}).limit(cap)}
                if len(found) == cap:
                    found = {d["_id"] for i in range(0, len(chunk), 50)
                             for d in coll.find({"_id": {"$in": chunk[i:i + 50]}}, {"_id": 1})}
                present |= found.intersection(chunk)
        return present

    def count(self, collection: str, query: dict[str, Any] | None = None) -> int:
        with self._errors():
            return self.db[collection].count_documents(query or {})

    # -- pull ----------------------------------------------------------------------------------

    def find_sessions(self, user_id: ObjectId, limit: int = 200) -> list[dict[str, Any]]:
        with self._errors():
            newest_first = [("started_at", -1), ("_id", -1)]
            return list(self.db.sessions.find({"user_id": user_id}).sort(newest_first).limit(limit))

    def finished_session_ids(self, *, centre: str | None = None, since: datetime | None = None,
                             until: datetime | None = None) -> list[ObjectId]:
        """The ids of ended sessions (a centre's, by its kiosks' name, when given), newest first:
        what a staff computer may copy in to review. Ids only, so that all of them can be listed
        and the caller leaves out the ones it has, however many it has."""
        query: dict[str, Any] = {"status": {"$ne": "active"}}
        if centre:
            query["metadata.centre"] = centre
        if since is not None or until is not None:
            query["started_at"] = {**({"$gte": since} if since else {}), **({"$lt": until} if until else {})}
        with self._errors():
            return [doc["_id"] for doc in self.db.sessions.find(query, {"_id": 1}).sort(
                [("started_at", -1), ("_id", -1)])]

    def fetch_session(self, session_id: ObjectId) -> dict[str, list[dict[str, Any]]] | None:
        """A session and everything under it, by collection; None if MongoDB has no such session."""
        with self._errors():
            session = self.db.sessions.find_one({"_id": session_id})
            if session is None:
                return None
            recordings = list(self.db.recordings.find({"session_id": session_id}))
            transcripts = list(self.db.transcripts.find({"recording_id": {"$in": [r["_id"] for r in recordings]}}))
            evaluations = list(self.db.evaluations.find({"transcript_id": {"$in": [t["_id"] for t in transcripts]}}))
            events = list(self.db.events.find({"session_id": session_id}))
            users = list(self.db.users.find({"_id": session["user_id"]})) if session.get("user_id") else []
        return {"users": users, "sessions": [session], "recordings": recordings, "transcripts": transcripts,
                "evaluations": evaluations, "events": events}

    def audit_documents(self, session_id: ObjectId) -> tuple[dict[str, Any] | None, list[dict[str, Any]],
                                                             dict[str, list[dict[str, Any]]]]:
        """For `verify-audit`: the session document (None if missing), its events, and its
        {"recordings", "transcripts", "evaluations"}: recordings by `session_id`, transcripts by
        `recording_id` among those, evaluations by `transcript_id` among those, and also each one
        an event names by id, so that a document moved to another parent (or under a removed one)
        is checked against its hash rather than reported missing."""
        with self._errors():
            session = self.db.sessions.find_one({"_id": session_id})
            events = list(self.db.events.find({"session_id": session_id}))
            named = {collection: [ObjectId(i) for i in ids if ObjectId.is_valid(i)]
                     for collection, ids in named_documents(events).items()}
            recordings = list(self.db.recordings.find(
                {"$or": [{"session_id": session_id}, {"_id": {"$in": named["recordings"]}}]}))
            # Children of a parent the events name count too, even when that parent was removed.
            transcripts = list(self.db.transcripts.find(
                {"$or": [{"recording_id": {"$in": [r["_id"] for r in recordings] + named["recordings"]}},
                         {"_id": {"$in": named["transcripts"]}}]}))
            evaluations = list(self.db.evaluations.find(
                {"$or": [{"transcript_id": {"$in": [t["_id"] for t in transcripts] + named["transcripts"]}},
                         {"_id": {"$in": named["evaluations"]}}]}))
        return session, events, {"recordings": recordings, "transcripts": transcripts, "evaluations": evaluations}

    # -- internals -----------------------------------------------------------------------------

    def _sync_collection(self, name: str) -> Collection:
        return self.db.get_collection(name, write_concern=WriteConcern(w="majority", j=True))

    def _sort_bulk_errors(self, exc: BulkWriteError, docs: Sequence[dict[str, Any]], outcome: WriteOutcome,
                          duplicates: list[dict[str, Any]] | None = None) -> bool:
        """Split a bulk write's result into acknowledged, rejected and retry. Returns False when
        the whole batch must be retried (the write concern was not met)."""
        details = exc.details
        if details.get("writeConcernErrors"):
            reason = details["writeConcernErrors"][0].get("errmsg", "write concern not met")
            outcome.retry.update({d["_id"]: self._clean(reason) for d in docs})
            return False
        failed: set[int] = set()
        for err in details.get("writeErrors", []):
            index = err["index"]
            doc_id = docs[index]["_id"]
            failed.add(index)
            code = err.get("code")
            if duplicates is not None and code == 11000 and (err.get("keyPattern") or {"_id": 1}) == {"_id": 1}:
                duplicates.append(docs[index])
            elif code in TRANSIENT_CODES or "RetryableWriteError" in err.get("errorLabels", []):
                outcome.retry[doc_id] = self._clean(err.get("errmsg", "temporary error"))
            else:
                outcome.rejected[doc_id] = self._reason(err)
        outcome.acknowledged += [d["_id"] for i, d in enumerate(docs) if i not in failed]
        return True

    def _reason(self, err: dict[str, Any]) -> str:
        reason = f"{err.get('errmsg', 'rejected')} (code {err.get('code')})"
        if err.get("errInfo"):
            info = json.dumps(err["errInfo"].get("details", err["errInfo"]), default=str)
            reason += f": {info[:600]}"
        return self._clean(reason)

    def _clean(self, text: str) -> str:
        return redact(str(text), self._uri)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """pymongo's errors as MongoUnavailable or MongoNeedsAttention (a BulkWriteError passes: its
        caller sorts the documents' results). The cause is logged at debug level, not chained:
        pymongo's messages can be long and, for some errors, quote the connection string."""
        try:
            yield
        except BulkWriteError:
            raise
        except PyMongoError as exc:
            log.debug("pymongo error: %s", type(exc).__name__)
            raise self._translated(exc) from None

    def _translated(self, exc: PyMongoError) -> MongoUnavailable | MongoNeedsAttention:
        """What a pymongo error means for the app: try again later, or a person must act."""
        if isinstance(exc, ServerSelectionTimeoutError):
            return MongoUnavailable(f"MongoDB at {redact_uri(self._uri)} did not answer within "
                                    f"{self._timeout_ms / 1000:g} s: check that it is running and that "
                                    f"MONGODB_URI points to it")
        if isinstance(exc, ConnectionFailure):
            return MongoUnavailable(f"The connection to MongoDB was lost ({self._clean(str(exc))[:200]})")
        if isinstance(exc, OperationFailure):
            details = exc.details or {}  # None when the server sent no error document
            if exc.code in AUTH_CODES:
                return MongoNeedsAttention("MongoDB refused the login or the permission: check the user name, "
                                           "password and roles in MONGODB_URI")
            if exc.code in TRANSIENT_CODES:
                return MongoUnavailable(f"MongoDB is busy or restarting ({self._clean(details.get('errmsg', ''))})")
            return MongoNeedsAttention(f"MongoDB refused the request: {self._clean(str(details.get('errmsg', exc)))}")
        if isinstance(exc, ConfigurationError):
            if "DNS" in str(exc):  # a mongodb+srv:// name that cannot be resolved: usually offline
                return MongoUnavailable(f"The MongoDB address in MONGODB_URI cannot be looked up now "
                                        f"({self._clean(str(exc))[:200]})")
            return MongoNeedsAttention(f"The MongoDB settings cannot work: {self._clean(str(exc))}")
        return MongoNeedsAttention(f"MongoDB error: {self._clean(str(exc))[:300]}")
