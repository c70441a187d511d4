"""The local store, in the seed's terms (docs/datastructure.md): sessions, recordings, transcripts,
evaluations, events and users, each written together with its outbox entry in one transaction; a
session's lifecycle and its audit chain; the reads the app makes; and what sync keeps here (its
state, and queuing everything again).

Two other jobs of the store live beside it, as functions that take a LocalStore (the style of
remote/pull.py): retention (store/retention.py: prune, delete, the kiosk's purge) and the
bookkeeping of each recording's audio file (store/recording_audio.py: its fingerprint, where it
is, its upload to GridFS, its loss). What they all hand out is plain data in store/views.py.

Qt-free and synchronous: the app calls it from one serial lane (never the GUI thread); the sync
relay opens its own connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

from bson import ObjectId

from speakcheck_desktop.core.audit_chain import GENESIS, chain_link, document_digest
from speakcheck_desktop.core.clock import Clock, SystemClock, from_epoch_ms, to_epoch_ms
from speakcheck_desktop.core.records import (
    COLLECTIONS,
    RECORD_BY_COLLECTION,
    Evaluation,
    Event,
    EventType,
    Level,
    Record,
    RecordError,
    Recording,
    Session,
    SessionStatus,
    Transcript,
    User,
)
from speakcheck_desktop.core.review import examiner_roles
from speakcheck_desktop.store.audio_files import fingerprint
from speakcheck_desktop.store.database import open_database, transaction
from speakcheck_desktop.store.file_urls import gridfs_url
from speakcheck_desktop.store.outbox import AUDIO, UPSERT, Outbox, decode_document, encode_document
from speakcheck_desktop.store.store_lock import StoreLock
from speakcheck_desktop.store.views import PageCursor, SessionDetail, SessionPage, SessionSummary

# Sessions older than this with nothing happening are "abandoned" when the app next starts.
DEFAULT_STALE_AFTER = timedelta(hours=24)

R = TypeVar("R", bound=Record)


class LocalStore:
    """One connection; use it from one thread at a time (the app's store lane). The sync relay
    opens a LocalStore of its own on the same file: SQLite's WAL lets them work side by side."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recordings_dir: Path, clock: Clock):
        self._conn = conn
        self.path = path
        self.recordings_dir = recordings_dir
        self.clock = clock
        self.outbox = Outbox(conn)

    # Held from `open` to `close`: while it is, `speakcheck restore` does not replace the store.
    _lock: StoreLock | None = None

    @classmethod
    def open(cls, path: Path, recordings_dir: Path | None = None, clock: Clock | None = None) -> LocalStore:
        lock = StoreLock.shared(path.parent)
        try:
            conn = open_database(path)
        except BaseException:
            lock.release()
            raise
        store = cls(conn, path, recordings_dir or path.parent / "recordings", clock or SystemClock())
        store._lock = lock
        return store

    def close(self) -> None:
        self._conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- records, each written with its outbox entry -------------------------------------------

    def add_user(self, name: str | None = None, email: str | None = None) -> User:
        user = User(id=ObjectId(), name=name, email=email, created_at=self.clock.now())
        with self.write():
            self.put(user)
        return user

    def ensure_user(self, user_id: ObjectId, name: str | None = None) -> User:
        """The user with this id, created if new (a kiosk's candidate); a name given later is kept."""
        with self.write():
            user = self.get_user(user_id)
            if user is None:
                user = User(id=user_id, name=name, created_at=self.clock.now())
                self.put(user)
            elif name and user.name != name:
                user = replace(user, name=name)
                self.put(user)
        return user

    def update_user(self, user_id: ObjectId, name: str | None, email: str | None) -> User:
        with self.write():
            user = self.get_user(user_id)
            if user is None:
                raise RecordError("users._id", f"no user {user_id} in this store", "the id of an existing user")
            updated = replace(user, name=name or None, email=email or None)
            self.put(updated)
        return updated

    def start_session(self, level: Level | str, user_id: ObjectId | None = None,
                      metadata: dict[str, Any] | None = None) -> Session:
        """A new active session and its `start` event."""
        now = self.clock.now()
        # A str is checked and converted by the record itself (RecordError "sessions.level").
        session = Session(id=ObjectId(), user_id=user_id, level=cast(Level, level), status=SessionStatus.ACTIVE,
                          started_at=now, metadata=metadata)
        with self.write():
            if user_id is not None and not self._exists("users", user_id):
                raise RecordError("sessions.user_id", f"no user {user_id} in this store",
                                  "the id of an existing user, or null")
            self.put(session, last_activity_ms=to_epoch_ms(now))
            self.put_event(session.id, EventType.START, {"level": session.level.value}, at=now)
        return session

    def add_event(self, session_id: ObjectId, type: EventType | str, payload: dict[str, Any] | None = None) -> Event:
        with self.write():
            self._require("events.session_id", "sessions", session_id)
            return self.put_event(session_id, type, payload)

    def add_recording(self, session_id: ObjectId, file_url: str, duration_s: float | None = None,
                      sample_rate: int | None = None, channels: int = 1, *,
                      upload_to: str | None = None, question_id: str | None = None) -> Recording:
        """A finished recording (the audio is already on disk at `file_url`) and its `record_stop`
        event, which names the question it answers (`question_id`: the recordings document has no
        field for it, and the seed's fields stay as they are). With `upload_to` (a GridFS bucket),
        the audio is queued for upload and the document's `file_url` becomes
        `gridfs://<bucket>/<recording id>`; the local path is kept here."""
        # Taken before the transaction (reading a long file must not hold the write lock): what
        # the file is now is what the person recorded; later checks compare against it.
        try:
            audio = fingerprint(Path(file_url))
        except OSError:
            audio = None  # not (yet) a readable file here: only its presence can be checked later
        with self.write():
            self._require("recordings.session_id", "sessions", session_id)
            at = self.stamp(session_id)
            recording_id = ObjectId()
            if upload_to:
                local_path, file_url = file_url, gridfs_url(upload_to, recording_id)
                self._conn.execute("INSERT INTO audio (id, session_id, doc) VALUES (?, ?, ?)", (
                    str(recording_id), str(session_id), encode_document({
                        "_id": recording_id, "bucket": upload_to, "local_path": local_path,
                        "session_id": session_id, "filename": Path(local_path).name})))
                self.outbox.enqueue(AUDIO, recording_id, UPSERT, to_epoch_ms(self.clock.now()))
            recording = Recording(id=recording_id, session_id=session_id, file_url=file_url, duration_s=duration_s,
                                  sample_rate=sample_rate, channels=channels, created_at=at)
            self.put(recording, session_id=session_id)
            if audio is not None:
                self._conn.execute("UPDATE recordings SET audio_sha256 = ?, audio_bytes = ? WHERE id = ?",
                                   (audio.sha256, audio.bytes, str(recording_id)))
            self.put_event(session_id, EventType.RECORD_STOP,
                           {"recording_id": str(recording.id), "duration_s": duration_s, "question_id": question_id,
                            "audio": {"sha256": audio.sha256, "bytes": audio.bytes} if audio else None,
                            "document": document_ref(recording)}, at=at)
        return recording

    def add_transcript(self, recording_id: ObjectId, text: str, language: str, provider: str, model: str,
                       segments: list[Any] | None = None, event_details: dict[str, Any] | None = None) -> Transcript:
        with self.write():
            session_id = self._parent_session("transcripts.recording_id", "recordings", recording_id)
            at = self.stamp(session_id)
            transcript = Transcript(id=ObjectId(), recording_id=recording_id, text=text, language=language,
                                    provider=provider, model=model, segments=segments, created_at=at)
            self.put(transcript, session_id=session_id)
            self.put_event(session_id, EventType.TRANSCRIBE,
                           {**(event_details or {}), "recording_id": str(recording_id),
                            "transcript_id": str(transcript.id), "model": model,
                            "document": document_ref(transcript)}, at=at)
        return transcript

    def add_evaluation(self, transcript_id: ObjectId, overall_level: Level | str, confidence: float,
                       scores: dict[str, float], rationale: str, tips: list[Any],
                       provenance: dict[str, Any] | None = None) -> Evaluation:
        """`provenance` (models, rubric version, input hash, ...) goes into the `evaluate` event's
        payload: the evaluations document keeps exactly the seed's fields."""
        with self.write():
            session_id = self._parent_session("evaluations.transcript_id", "transcripts", transcript_id)
            at = self.stamp(session_id)
            # A str level is checked and converted by the record (RecordError "evaluations.overall_level").
            evaluation = Evaluation(id=ObjectId(), transcript_id=transcript_id,
                                    overall_level=cast(Level, overall_level), confidence=confidence, scores=scores,
                                    rationale=rationale, tips=tips, created_at=at)
            self.put(evaluation, session_id=session_id)
            self.put_event(session_id, EventType.EVALUATE,
                           {**(provenance or {}), "transcript_id": str(transcript_id),
                            "evaluation_id": str(evaluation.id), "overall_level": evaluation.overall_level.value,
                            "document": document_ref(evaluation)}, at=at)
            if provenance and provenance.get("input_hash"):
                self._conn.execute("INSERT OR REPLACE INTO evaluation_cache (input_hash, evaluation_id) VALUES (?, ?)",
                                   (provenance["input_hash"], str(evaluation.id)))
        return evaluation

    def record_insufficient_evidence(self, transcript_id: ObjectId, payload: dict[str, Any]) -> Event:
        """The evidence gate's "no": an event with the reasons; no evaluation is written."""
        with self.write():
            session_id = self._parent_session("transcript_id", "transcripts", transcript_id)
            transcript = self.get_transcript(transcript_id)
            assert transcript is not None  # `_parent_session` found its row, in this transaction
            return self.put_event(session_id, EventType.INSUFFICIENT_EVIDENCE,
                                  {**payload, "transcript_id": str(transcript_id),
                                   "document": document_ref(transcript)})

    # -- lifecycle and audit -------------------------------------------------------------------

    def end_session(self, session_id: ObjectId, status: SessionStatus | str = SessionStatus.COMPLETED) -> Session:
        """Close a session as completed or abandoned; ending an ended session is an error."""
        if status not in (SessionStatus.COMPLETED, SessionStatus.ABANDONED):
            raise RecordError("sessions.status", f"{status!r} does not end a session", "completed, abandoned")
        ending = SessionStatus(status)
        with self.write():
            session = self.existing_session(session_id)
            if session.status is not SessionStatus.ACTIVE:
                raise RecordError("sessions.status", f"session {session_id} is already {session.status.value}",
                                  "ending an active session")
            # The chain's length and last hash at the end: removing the last events is caught too.
            head = self._chain_head(session_id)
            audit = {"events": head["seq"], "head": head["hash"]} if head else {"events": 0, "head": GENESIS}
            ended_at = self.stamp(session_id)
            ended = replace(session, status=ending, ended_at=ended_at,
                            metadata={**(session.metadata or {}), "audit": audit})
            self.put(ended, last_activity_ms=to_epoch_ms(ended_at))
        return ended

    def record_overall(self, session_id: ObjectId, overall: dict[str, Any]) -> Session:
        """A test's overall result: an `overall_result` event that carries it (so the audit chain
        covers it) and the same in the session's `metadata.overall`, in one transaction. The end
        mark (`metadata.audit`) stays as the session ended: later events extend the chain."""
        with self.write():
            session = self.existing_session(session_id)
            event = self.put_event(session_id, EventType.OVERALL_RESULT, {"overall": overall})
            updated = replace(session, metadata={**(session.metadata or {}), "overall": overall})
            self.put(updated, last_activity_ms=to_epoch_ms(event.created_at))
        return updated

    def abandon_stale_sessions(self, idle_for: timedelta = DEFAULT_STALE_AFTER) -> list[ObjectId]:
        """Mark abandoned the active sessions with nothing new for `idle_for`."""
        cutoff = to_epoch_ms(self.clock.now() - idle_for)
        ids = [ObjectId(r[0]) for r in self._conn.execute(
            "SELECT id FROM sessions WHERE status = 'active' AND last_activity_ms < ?", (cutoff,))]
        for session_id in ids:
            self.end_session(session_id, SessionStatus.ABANDONED)
        return ids

    # -- reads ---------------------------------------------------------------------------------

    def list_sessions(self, *, user_id: ObjectId | None = None, status: SessionStatus | str | None = None,
                      level: Level | str | None = None, limit: int = 50,
                      after: PageCursor | None = None, since: datetime | None = None,
                      before: datetime | None = None) -> SessionPage:
        """Sessions newest first, filtered, one page at a time (keyset paging: page N costs what
        page 1 costs). `since`/`before`: started at or after / before these moments."""
        where: list[str] = []
        args: list[str | int] = []
        if user_id is not None:
            where.append("s.user_id = ?")
            args.append(str(user_id))
        if status is not None:
            where.append("s.status = ?")
            args.append(SessionStatus(status).value)
        if level is not None:
            where.append("s.level = ?")
            args.append(Level(level).value)
        if since is not None:
            where.append("s.started_at_ms >= ?")
            args.append(to_epoch_ms(since))
        if before is not None:
            where.append("s.started_at_ms < ?")
            args.append(to_epoch_ms(before))
        if after is not None:
            where.append("(s.started_at_ms, s.id) < (?, ?)")
            args += [after.started_at_ms, after.session_id]
        # The newest result shown: the AI's or a first examiner's, never a blind second marking's.
        sql = ("SELECT s.id, s.started_at_ms, s.doc, (SELECT e.overall_level FROM evaluations e "
               "WHERE e.session_id = s.id AND (e.rated_by IS NULL OR e.rated_by = 'first') "
               "ORDER BY e.created_at_ms DESC, e.id DESC LIMIT 1) FROM sessions s "
               + (f"WHERE {' AND '.join(where)} " if where else "")
               + "ORDER BY s.started_at_ms DESC, s.id DESC LIMIT ?")
        rows = self._conn.execute(sql, [*args, limit + 1]).fetchall()
        items = [SessionSummary(Session.from_document(decode_document(doc)), Level(result) if result else None)
                 for _, _, doc, result in rows[:limit]]
        cursor = PageCursor(rows[limit - 1][1], rows[limit - 1][0]) if len(rows) > limit else None
        return SessionPage(items, cursor)

    def recent_task_ids(self, user_id: ObjectId | None = None, limit: int = 20) -> list[str]:
        """Task ids of the newest sessions (of this user), newest first: tasks not to repeat."""
        rows = self._conn.execute(
            "SELECT json_extract(doc, '$.metadata.task_id') FROM sessions "
            + ("WHERE user_id = ? " if user_id else "") + "ORDER BY started_at_ms DESC LIMIT ?",
            ([str(user_id)] if user_id else []) + [limit])
        return [r[0] for r in rows if r[0]]

    def recent_format_ids(self, kinds: tuple[str, ...], user_id: ObjectId | None = None,
                          limit: int = 200) -> list[str]:
        """The mock tests (`metadata.format.id`) of the newest sessions of these format kinds (of
        this user), newest first: the ones not to give again until all were taken."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._conn.execute(
            "SELECT json_extract(doc, '$.metadata.format.id') FROM sessions "
            f"WHERE json_extract(doc, '$.metadata.format.kind') IN ({marks}) "
            + ("AND user_id = ? " if user_id else "") + "ORDER BY started_at_ms DESC LIMIT ?",
            [*kinds, *([str(user_id)] if user_id else []), limit])
        return [r[0] for r in rows if r[0]]

    def sessions_without_overall(self, kinds: tuple[str, ...]) -> list[ObjectId]:
        """Ended sessions of these format kinds with no `metadata.overall` yet."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._conn.execute(
            "SELECT id FROM sessions WHERE status != 'active' "
            f"AND json_extract(doc, '$.metadata.format.kind') IN ({marks}) "
            "AND json_extract(doc, '$.metadata.overall') IS NULL", list(kinds))
        return [ObjectId(r[0]) for r in rows]

    def get_user(self, user_id: ObjectId) -> User | None:
        return self._get(User, user_id)

    def get_session(self, session_id: ObjectId) -> Session | None:
        return self._get(Session, session_id)

    def existing_session(self, session_id: ObjectId) -> Session:
        """The session with this id; RecordError (field `session_id`) when this store has none."""
        session = self.get_session(session_id) if isinstance(session_id, ObjectId) else None
        if session is None:
            raise RecordError("session_id", f"no session {session_id} in this store", "the id of an existing session")
        return session

    def get_recording(self, recording_id: ObjectId) -> Recording | None:
        return self._get(Recording, recording_id)

    def get_transcript(self, transcript_id: ObjectId) -> Transcript | None:
        return self._get(Transcript, transcript_id)

    def get_session_detail(self, session_id: ObjectId) -> SessionDetail | None:
        session = self.get_session(session_id)
        if session is None:
            return None
        sid = str(session_id)

        def children(collection: str) -> list[Any]:
            cls = RECORD_BY_COLLECTION[collection]
            rows = self._conn.execute(
                f"SELECT doc FROM {collection} WHERE session_id = ? ORDER BY created_at_ms, id", (sid,))
            return [cls.from_document(decode_document(doc)) for (doc,) in rows]

        pruned = {ObjectId(i): from_epoch_ms(ms) for i, ms in self._conn.execute(
            "SELECT id, pruned_at_ms FROM recordings WHERE session_id = ? AND pruned_at_ms IS NOT NULL", (sid,))}
        return SessionDetail(session, children("recordings"), children("transcripts"), children("evaluations"),
                             children("events"), pruned)

    def session_of(self, collection: str, doc_id: ObjectId) -> ObjectId | None:
        """The session a recording, transcript, evaluation or event belongs to."""
        row = self._conn.execute(f"SELECT session_id FROM {collection} WHERE id = ?", (str(doc_id),)).fetchone()
        return ObjectId(row[0]) if row else None

    def cached_evaluation(self, input_hash: str) -> Evaluation | None:
        row = self._conn.execute("SELECT e.doc FROM evaluation_cache c JOIN evaluations e ON e.id = c.evaluation_id "
                                 "WHERE c.input_hash = ?", (input_hash,)).fetchone()
        return Evaluation.from_document(decode_document(row[0])) if row else None

    def pending_transcriptions(self) -> list[Recording]:
        """Recordings whose audio is here and that have no transcript yet: work that waits for
        the network survives a restart because it is simply this query."""
        rows = self._conn.execute(
            "SELECT r.doc FROM recordings r WHERE r.pruned_at_ms IS NULL AND r.audio_problem IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM transcripts t WHERE t.recording_id = r.id) ORDER BY r.created_at_ms")
        return [Recording.from_document(decode_document(d)) for (d,) in rows]

    def pending_evaluations(self) -> list[Transcript]:
        """Transcripts with neither an evaluation nor a "not enough evidence" verdict."""
        rows = self._conn.execute(
            "SELECT t.doc FROM transcripts t "
            "WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.transcript_id = t.id) "
            "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.session_id = t.session_id "
            "    AND json_extract(v.doc, '$.type') = ? AND json_extract(v.doc, '$.payload.transcript_id') = t.id) "
            "ORDER BY t.created_at_ms", (EventType.INSUFFICIENT_EVIDENCE.value,))
        return [Transcript.from_document(decode_document(d)) for (d,) in rows]

    def count(self, collection: str) -> int:
        assert collection in COLLECTIONS
        return self._conn.execute(f"SELECT COUNT(*) FROM {collection}").fetchone()[0]

    def ids(self, collection: str, batch: int = 1000) -> Iterator[list[ObjectId]]:
        """Every document id of a collection, in batches (for checks against MongoDB)."""
        assert collection in COLLECTIONS
        last = ""
        while True:
            rows = self._conn.execute(f"SELECT id FROM {collection} WHERE id > ? ORDER BY id LIMIT ?",
                                      (last, batch)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [ObjectId(r[0]) for r in rows]

    def has_document(self, collection: str, doc_id: ObjectId) -> bool:
        return self._exists(collection, doc_id)

    def integrity_check(self) -> list[str]:
        return [row[0] for row in self._conn.execute("PRAGMA integrity_check")]

    # -- sync bookkeeping ----------------------------------------------------------------------

    def import_documents(self, detail: SessionDetail, user: User | None = None) -> bool:
        """Store a session fetched from MongoDB. Nothing is queued: MongoDB already has it.
        Returns False when the session was already here."""
        with self.write():
            if self._exists("sessions", detail.session.id):
                return False
            if user is not None and not self._exists("users", user.id):
                self.put(user, enqueue=False)
            times = [to_epoch_ms(d.created_at) for d in detail.events] + [to_epoch_ms(detail.session.started_at)]
            self.put(detail.session, last_activity_ms=max(times), enqueue=False)
            for record in [*detail.recordings, *detail.transcripts, *detail.evaluations, *detail.events]:
                self.put(record, session_id=detail.session.id, enqueue=False)
            for evaluation_id, role in examiner_roles(detail.events).items():
                self._conn.execute("UPDATE evaluations SET rated_by = ? WHERE id = ?", (role.value, evaluation_id))
        return True

    def requeue_all(self) -> int:
        """Queue every document for sync again (after pointing the app at another MongoDB, or to
        check that a resend changes nothing). Idempotent upserts make this safe."""
        now_ms = to_epoch_ms(self.clock.now())
        with self.write():
            count = 0
            for collection in COLLECTIONS:
                for (doc_id,) in self._conn.execute(f"SELECT id FROM {collection}").fetchall():
                    self.outbox.enqueue(collection, ObjectId(doc_id), UPSERT, now_ms)
                    count += 1
            # Audio for GridFS too, where its local copy is still here (an upload already in that
            # MongoDB is recognised and not repeated); until it is in, its recording waits.
            for doc_id, doc in self._conn.execute("SELECT a.id, a.doc FROM audio a JOIN recordings r ON r.id = a.id "
                                                  "WHERE r.audio_problem IS NULL").fetchall():
                if Path(decode_document(doc)["local_path"]).exists():
                    self.outbox.enqueue(AUDIO, ObjectId(doc_id), UPSERT, now_ms)
        return count

    def get_state(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self.set_states({key: value})

    def set_states(self, values: dict[str, str]) -> None:
        """Several sync-state values in one transaction (a reader never sees half of them)."""
        with self.write():
            self._conn.executemany("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))

    # -- for the store's own modules -----------------------------------------------------------
    # store/retention.py and store/recording_audio.py are functions over a LocalStore, apart from
    # it because they are jobs of their own. They read through `conn` and write only through
    # `write`, `put` and `put_event`, as the methods above do, so that every write is one
    # transaction, every changed document is queued for MongoDB in it, and every event is linked
    # into its session's audit chain. Not for the app: its writes are the named methods above.

    @property
    def conn(self) -> sqlite3.Connection:
        """The store's connection (the same thread rules as the store's own)."""
        return self._conn

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (store/database.py `transaction`: a full disk is StoreFullError)."""
        return transaction(self._conn)

    def put(self, record: Record, *, session_id: ObjectId | None = None, last_activity_ms: int | None = None,
            enqueue: bool = True) -> None:
        """Insert or update one document's row, inside `write()`, and queue it for MongoDB (not
        with `enqueue=False`: a document MongoDB has already, which is then kept as it is here).
        `session_id` is the session of a transcript or evaluation (recordings and events name theirs)."""
        columns: dict[str, Any] = {"id": str(record.id), "doc": encode_document(record.to_document())}
        if isinstance(record, Session):
            columns |= {"user_id": str(record.user_id) if record.user_id else None, "level": record.level.value,
                        "status": record.status.value, "started_at_ms": to_epoch_ms(record.started_at),
                        "last_activity_ms": last_activity_ms}
        elif isinstance(record, Recording | Event):
            columns |= {"created_at_ms": to_epoch_ms(record.created_at), "session_id": str(record.session_id)}
        elif isinstance(record, Transcript | Evaluation):
            if session_id is None:
                raise ValueError(f"a row of {record.collection} needs the id of its session")
            columns |= {"created_at_ms": to_epoch_ms(record.created_at), "session_id": str(session_id)}
            if isinstance(record, Transcript):
                columns["recording_id"] = str(record.recording_id)
            else:
                columns |= {"transcript_id": str(record.transcript_id), "overall_level": record.overall_level.value}
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        conflict = "DO UPDATE SET " + updates if enqueue else "DO NOTHING"
        self._conn.execute(f"INSERT INTO {record.collection} ({names}) VALUES ({marks}) ON CONFLICT (id) {conflict}",
                           list(columns.values()))
        if enqueue:
            self.outbox.enqueue(record.collection, record.id, UPSERT, to_epoch_ms(self.clock.now()))

    def put_event(self, session_id: ObjectId, type: EventType | str, payload: dict[str, Any] | None,
                  at: datetime | None = None) -> Event:
        """Write an event of the session, inside `write()`, linked into its audit chain
        (core/audit_chain.py: it carries the hash of the one before), and queue it."""
        event_id, created_at = ObjectId(), at or self.stamp(session_id)
        link = chain_link(event_id, session_id, str(type), created_at, payload, self._chain_head(session_id))
        # A str type is checked and converted by the record (RecordError "events.type").
        event = Event(id=event_id, session_id=session_id, type=cast(EventType, type),
                      payload={**(payload or {}), "chain": link}, created_at=created_at)
        self.put(event)
        self._conn.execute("UPDATE sessions SET last_activity_ms = MAX(last_activity_ms, ?) WHERE id = ?",
                           (to_epoch_ms(event.created_at), str(session_id)))
        return event

    # -- internals -----------------------------------------------------------------------------

    def _chain_head(self, session_id: ObjectId) -> dict[str, Any] | None:
        """The `chain` of the session's newest chained event (None before the first)."""
        head: dict[str, Any] | None = None
        for (doc,) in self._conn.execute("SELECT doc FROM events WHERE session_id = ?", (str(session_id),)):
            chain = (decode_document(doc).get("payload") or {}).get("chain")
            if isinstance(chain, dict) and (head is None or chain["seq"] > head["seq"]):
                head = chain
        return head

    def stamp(self, session_id: ObjectId) -> datetime:
        """Now, but never before the session's newest entry: if the device clock goes backwards,
        the session's documents keep the order they were made in."""
        now_ms = to_epoch_ms(self.clock.now())
        row = self._conn.execute("SELECT last_activity_ms FROM sessions WHERE id = ?", (str(session_id),)).fetchone()
        return from_epoch_ms(max(now_ms, row[0] + 1) if row else now_ms)

    def _get(self, cls: type[R], doc_id: ObjectId) -> R | None:
        row = self._conn.execute(f"SELECT doc FROM {cls.collection} WHERE id = ?", (str(doc_id),)).fetchone()
        return cls.from_document(decode_document(row[0])) if row else None

    def _exists(self, table: str, doc_id: ObjectId) -> bool:
        return self._conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (str(doc_id),)).fetchone() is not None

    def _require(self, field_name: str, table: str, doc_id: ObjectId) -> None:
        if not isinstance(doc_id, ObjectId) or not self._exists(table, doc_id):
            raise RecordError(field_name, f"no {table[:-1]} {doc_id} in this store",
                              f"the id of an existing {table[:-1]}")

    def _parent_session(self, field_name: str, table: str, doc_id: ObjectId) -> ObjectId:
        row = self._conn.execute(f"SELECT session_id FROM {table} WHERE id = ?", (str(doc_id),)).fetchone() \
            if isinstance(doc_id, ObjectId) else None
        if row is None:
            raise RecordError(field_name, f"no {table[:-1]} {doc_id} in this store",
                              f"the id of an existing {table[:-1]}")
        return ObjectId(row[0])


def document_ref(record: Record) -> dict[str, str]:
    """What an event that records a graded step says about the document it wrote: which one, and
    the SHA-256 of it as stored (core/audit_chain.py `document_digest`), so `verify-audit`
    catches a change to the document itself, not only to the events."""
    return {"collection": record.collection, "_id": str(record.id), "sha256": document_digest(record.to_document())}
