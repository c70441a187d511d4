"""The local store's API, in the seed's terms: sessions, recordings, transcripts, evaluations,
events and users, each write together with its outbox entry in one transaction.

Qt-free and synchronous: the app calls it from one serial lane (never the GUI thread); the sync
relay opens its own connection.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.audit_chain import GENESIS, chain_link, document_digest
from speakcheck_desktop.core.clock import Clock, SystemClock, from_epoch_ms, to_epoch_ms
from speakcheck_desktop.core.records import (
    COLLECTIONS, RECORD_BY_COLLECTION, Evaluation, Event, EventType, Level, Record, RecordError,
    Recording, Session, SessionStatus, Transcript, User,
)
from speakcheck_desktop.store.audio_files import AudioCheck, AudioFingerprint, AudioProblem, check_audio_file, fingerprint
from speakcheck_desktop.store.database import open_database, transaction
from speakcheck_desktop.store.outbox import AUDIO, DELETE, UPSERT, Outbox, decode_document, encode_document

log = logging.getLogger(__name__)

# Sessions older than this with nothing happening are "abandoned" when the app next starts.
DEFAULT_STALE_AFTER = timedelta(hours=24)

# Asked before a local copy of audio that MongoDB holds is removed (prune, kiosk purge): given the
# recording id and its fingerprint from recording time, None when the server's copy is whole,
# else why it cannot be trusted (in words). See remote/gridfs_audio.py `confirm_whole`.
ServerCopyCheck = Callable[[ObjectId, AudioFingerprint | None], str | None]


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
class AudioLoss:
    """A recording whose audio went missing or changed before it was sent or scored."""
    recording_id: ObjectId
    session_id: ObjectId
    problem: AudioProblem
    message: str


@dataclass(frozen=True)
class SessionDetail:
    session: Session
    recordings: list[Recording]
    transcripts: list[Transcript]
    evaluations: list[Evaluation]
    events: list[Event]
    pruned_at: dict[ObjectId, datetime] = field(default_factory=dict)  # recording id -> when its audio went

    def documents(self) -> Iterator[Record]:
        yield self.session
        yield from self.recordings
        yield from self.transcripts
        yield from self.evaluations
        yield from self.events


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
    audio_unconfirmed: list[tuple[ObjectId, str]] = field(default_factory=list)  # kept: MongoDB's copy not confirmed whole, why
    assessment_pending: list[ObjectId] = field(default_factory=list)  # kept: not transcribed or assessed yet


def gridfs_url(bucket: str, file_id: ObjectId) -> str:
    """How a recordings document names audio kept in GridFS: gridfs://<bucket>/<file id>."""
    return f"gridfs://{bucket}/{file_id}"


def parse_gridfs_url(url: str) -> tuple[str, ObjectId] | None:
    if not url.startswith("gridfs://"):
        return None
    bucket, _, file_id = url[len("gridfs://"):].partition("/")
    return (bucket, ObjectId(file_id)) if bucket and ObjectId.is_valid(file_id) else None


class LocalStore:
    """One connection; use it from one thread at a time (the app's store lane). The sync relay
    opens a LocalStore of its own on the same file: SQLite's WAL lets them work side by side."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recordings_dir: Path, clock: Clock):
        self._conn = conn
        self.path = path
        self.recordings_dir = recordings_dir
        self.clock = clock
        self.outbox = Outbox(conn)

    @classmethod
    def open(cls, path: Path, recordings_dir: Path | None = None, clock: Clock | None = None) -> LocalStore:
        conn = open_database(path)
        return cls(conn, path, recordings_dir or path.parent / "recordings", clock or SystemClock())

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes --------------------------------------------------------------------------------

    def add_user(self, name: str | None = None, email: str | None = None) -> User:
        user = User(id=ObjectId(), name=name, email=email, created_at=self.clock.now())
        with self._write():
            self._put(user)
        return user

    def ensure_user(self, user_id: ObjectId, name: str | None = None) -> User:
        """The user with this id, created if new (a kiosk's candidate); a name given later is kept."""
        with self._write():
            user = self.get_user(user_id)
            if user is None:
                user = User(id=user_id, name=name, created_at=self.clock.now())
                self._put(user)
            elif name and user.name != name:
                user = replace(user, name=name)
                self._put(user)
        return user

    def update_user(self, user_id: ObjectId, name: str | None, email: str | None) -> User:
        with self._write():
            user = self._get(User, user_id)
            if user is None:
                raise RecordError("users._id", f"no user {user_id} in this store", "the id of an existing user")
            updated = replace(user, name=name or None, email=email or None)
            self._put(updated)
        return updated

    def start_session(self, level: Level | str, user_id: ObjectId | None = None,
                      metadata: dict[str, Any] | None = None) -> Session:
        """A new active session and its `start` event."""
        now = self.clock.now()
        session = Session(id=ObjectId(), user_id=user_id, level=level, status=SessionStatus.ACTIVE,
                          started_at=now, metadata=metadata)
        with self._write():
            if user_id is not None and not self._exists("users", user_id):
                raise RecordError("sessions.user_id", f"no user {user_id} in this store", "the id of an existing user, or null")
            self._put(session, last_activity_ms=to_epoch_ms(now))
            self._put_event(session.id, EventType.START, {"level": session.level.value}, at=now)
        return session

    def add_event(self, session_id: ObjectId, type: EventType | str, payload: dict[str, Any] | None = None) -> Event:
        with self._write():
            self._require("events.session_id", "sessions", session_id)
            return self._put_event(session_id, type, payload)

    def add_recording(self, session_id: ObjectId, file_url: str, duration_s: float | None = None,
                      sample_rate: int | None = None, channels: int = 1, *,
                      upload_to: str | None = None) -> Recording:
        """A finished recording (the audio is already on disk at `file_url`) and its `record_stop`
        event. With `upload_to` (a GridFS bucket), the audio is queued for upload and the document's
        `file_url` becomes `gridfs://<bucket>/<recording id>`; the local path is kept here."""
        # Taken before the transaction (reading a long file must not hold the write lock): what
        # the file is now is what the person recorded; later checks compare against it.
        try:
            audio = fingerprint(Path(file_url))
        except OSError:
            audio = None  # not (yet) a readable file here: only its presence can be checked later
        with self._write():
            self._require("recordings.session_id", "sessions", session_id)
            at = self._stamp(session_id)
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
            self._put(recording, session_id=session_id)
            if audio is not None:
                self._conn.execute("UPDATE recordings SET audio_sha256 = ?, audio_bytes = ? WHERE id = ?",
                                   (audio.sha256, audio.bytes, str(recording_id)))
            self._put_event(session_id, EventType.RECORD_STOP,
                            {"recording_id": str(recording.id), "duration_s": duration_s,
                             "audio": {"sha256": audio.sha256, "bytes": audio.bytes} if audio else None,
                             "document": _document_ref(recording)}, at=at)
        return recording

    def add_transcript(self, recording_id: ObjectId, text: str, language: str, provider: str, model: str,
                       segments: list[Any] | None = None, event_details: dict[str, Any] | None = None) -> Transcript:
        with self._write():
            session_id = self._parent_session("transcripts.recording_id", "recordings", recording_id)
            at = self._stamp(session_id)
            transcript = Transcript(id=ObjectId(), recording_id=recording_id, text=text, language=language,
                                    provider=provider, model=model, segments=segments, created_at=at)
            self._put(transcript, session_id=session_id)
            self._put_event(session_id, EventType.TRANSCRIBE,
                            {**(event_details or {}), "recording_id": str(recording_id),
                             "transcript_id": str(transcript.id), "model": model,
                             "document": _document_ref(transcript)}, at=at)
        return transcript

    def add_evaluation(self, transcript_id: ObjectId, overall_level: Level | str, confidence: float,
                       scores: dict[str, float], rationale: str, tips: list[Any],
                       provenance: dict[str, Any] | None = None) -> Evaluation:
        """`provenance` (models, rubric version, input hash, ...) goes into the `evaluate` event's
        payload: the evaluations document keeps exactly the seed's fields."""
        with self._write():
            session_id = self._parent_session("evaluations.transcript_id", "transcripts", transcript_id)
            at = self._stamp(session_id)
            evaluation = Evaluation(id=ObjectId(), transcript_id=transcript_id, overall_level=overall_level,
                                    confidence=confidence, scores=scores, rationale=rationale, tips=tips, created_at=at)
            self._put(evaluation, session_id=session_id)
            self._put_event(session_id, EventType.EVALUATE,
                            {**(provenance or {}), "transcript_id": str(transcript_id),
                             "evaluation_id": str(evaluation.id), "overall_level": evaluation.overall_level.value,
                             "document": _document_ref(evaluation)}, at=at)
            if provenance and provenance.get("input_hash"):
                self._conn.execute("INSERT OR REPLACE INTO evaluation_cache (input_hash, evaluation_id) VALUES (?, ?)",
                                   (provenance["input_hash"], str(evaluation.id)))
        return evaluation

    def cached_evaluation(self, input_hash: str) -> Evaluation | None:
        row = self._conn.execute("SELECT e.doc FROM evaluation_cache c JOIN evaluations e ON e.id = c.evaluation_id "
                                 "WHERE c.input_hash = ?", (input_hash,)).fetchone()
        return Evaluation.from_document(decode_document(row[0])) if row else None

    def end_session(self, session_id: ObjectId, status: SessionStatus | str = SessionStatus.COMPLETED) -> Session:
        """Close a session as completed or abandoned; ending an ended session is an error."""
        if status not in (SessionStatus.COMPLETED, SessionStatus.ABANDONED):
            raise RecordError("sessions.status", f"{status!r} does not end a session", "completed, abandoned")
        with self._write():
            session = self._session(session_id)
            if session.status is not SessionStatus.ACTIVE:
                raise RecordError("sessions.status", f"session {session_id} is already {session.status.value}",
                                  "ending an active session")
            # The chain's length and last hash at the end: removing the last events is caught too.
            head = self._chain_head(session_id)
            audit = {"events": head["seq"], "head": head["hash"]} if head else {"events": 0, "head": GENESIS}
            ended = replace(session, status=status, ended_at=self._stamp(session_id),
                            metadata={**(session.metadata or {}), "audit": audit})
            self._put(ended, last_activity_ms=to_epoch_ms(ended.ended_at))
        return ended

    def abandon_stale_sessions(self, idle_for: timedelta = DEFAULT_STALE_AFTER) -> list[ObjectId]:
        """Mark abandoned the active sessions with nothing new for `idle_for`."""
        cutoff = to_epoch_ms(self.clock.now() - idle_for)
        ids = [ObjectId(r[0]) for r in self._conn.execute(
            "SELECT id FROM sessions WHERE status = 'active' AND last_activity_ms < ?", (cutoff,))]
        for session_id in ids:
            self.end_session(session_id, SessionStatus.ABANDONED)
        return ids

    def prune_audio(self, older_than: timedelta, server_copy: ServerCopyCheck | None = None) -> PruneReport:
        """Remove audio files of recordings older than `older_than`, keep their documents, and
        record each removal as an `audio_pruned` event of its session.

        Audio that went to GridFS loses its local copy only when `server_copy` (which asks
        MongoDB) confirms the server holds it whole, with the SHA-256 taken at recording time:
        "the outbox says uploaded" is not evidence enough to delete what may be the only copy."""
        cutoff = to_epoch_ms(self.clock.now() - older_than)
        report = PruneReport()
        rows = self._conn.execute(
            "SELECT id, session_id, doc FROM recordings WHERE pruned_at_ms IS NULL AND audio_problem IS NULL "
            "AND created_at_ms < ? ORDER BY created_at_ms", (cutoff,)).fetchall()
        for rec_id, session_id, doc in rows:
            file_url = decode_document(doc)["file_url"]
            upload = self._audio_upload(rec_id)
            if upload is not None and file_url.startswith("gridfs://"):
                why_not = self._why_not_whole_on_server(ObjectId(rec_id), upload, server_copy)
                if why_not:
                    report.kept.append((ObjectId(rec_id), upload["local_path"], why_not))
                    continue
                file_url = upload["local_path"]  # the copy in GridFS stays; the local one goes
            removed, why_kept = self._remove_audio(file_url)
            if why_kept:
                report.kept.append((ObjectId(rec_id), file_url, why_kept))
                continue
            with self._write():
                self._conn.execute("UPDATE recordings SET pruned_at_ms = ? WHERE id = ?",
                                   (to_epoch_ms(self.clock.now()), rec_id))
                self._put_event(ObjectId(session_id), EventType.AUDIO_PRUNED,
                                {"recording_id": rec_id, "file_url": file_url, "bytes": removed})
            report.pruned.append((ObjectId(rec_id), file_url, removed))
        return report

    def delete_session(self, session_id: ObjectId) -> DeleteReport:
        """Delete a session and everything under it: rows here, documents in MongoDB (queued in the
        outbox), and its audio files in the app's recordings folder."""
        report = DeleteReport(session_id)
        sid = str(session_id)
        with self._write():
            self._require("session_id", "sessions", session_id)
            files = [decode_document(d)["file_url"] for (d,) in self._conn.execute(
                "SELECT doc FROM recordings WHERE session_id = ? AND pruned_at_ms IS NULL", (sid,))]
            now_ms = to_epoch_ms(self.clock.now())
            # Audio in GridFS goes too (after the documents that point to it), and its local copy.
            files = [f for f in files if not f.startswith("gridfs://")]
            for audio_id, doc in self._conn.execute("SELECT id, doc FROM audio WHERE session_id = ?", (sid,)).fetchall():
                files.append(decode_document(doc)["local_path"])
                self.outbox.enqueue(AUDIO, ObjectId(audio_id), DELETE, now_ms)
            self._conn.execute("DELETE FROM audio WHERE session_id = ?", (sid,))
            # Children first, so a sync that runs in between never leaves an orphan behind.
            for collection in ("events", "evaluations", "transcripts", "recordings", "sessions"):
                key = "id" if collection == "sessions" else "session_id"
                ids = [r[0] for r in self._conn.execute(f"SELECT id FROM {collection} WHERE {key} = ?", (sid,))]
                for doc_id in ids:
                    self.outbox.enqueue(collection, ObjectId(doc_id), DELETE, now_ms)
                self._conn.execute(f"DELETE FROM {collection} WHERE {key} = ?", (sid,))
                report.documents += len(ids)
        for file_url in files:
            removed, why_kept = self._remove_audio(file_url)
            if why_kept:
                report.files_left.append((file_url, why_kept))
            elif removed:
                report.files_removed.append(file_url)
        return report

    def purge_acknowledged(self, older_than: timedelta = timedelta(0),
                           server_copy: ServerCopyCheck | None = None) -> PurgeReport:
        """Kiosk retention: forget ended sessions that MongoDB has acknowledged in full, `older_than`
        after they ended. Nothing is queued (MongoDB keeps them). A session is kept while any of its
        documents waits in the outbox, while its audio exists only on this machine, and while
        `server_copy` has not confirmed that GridFS holds each of its recordings whole."""
        report = PurgeReport()
        cutoff = to_epoch_ms(self.clock.now() - older_than)
        ended = [r[0] for r in self._conn.execute(
            "SELECT id FROM sessions WHERE status != 'active' AND last_activity_ms <= ?", (cutoff,))]
        # An answer still to be transcribed or assessed keeps its session (the work needs its rows).
        busy = {str(r.session_id) for r in self.pending_transcriptions()}
        busy |= {str(self.session_of("transcripts", t.id)) for t in self.pending_evaluations()}
        for sid in ended:
            if sid in busy:
                report.assessment_pending.append(ObjectId(sid))
                continue
            if self._waiting_in_outbox(sid):
                report.unacknowledged.append(ObjectId(sid))
                continue
            # Audio kept only here (audio_storage "local") keeps the session.
            local_audio = [url for (url,) in self._conn.execute(
                "SELECT json_extract(doc, '$.file_url') FROM recordings WHERE session_id = ? "
                "AND pruned_at_ms IS NULL", (sid,)) if not url.startswith("gridfs://") and Path(url).exists()]
            if local_audio:
                report.audio_here_only.append(ObjectId(sid))
                continue
            # Audio in GridFS loses its local copy only when MongoDB confirms its copy is whole. Asked
            # before the write transaction: MongoDB may take seconds to answer, or not answer at all.
            uploads = self._session_uploads(sid)
            doubt = next((why for rec_id, upload in uploads
                          if (why := self._why_not_whole_on_server(rec_id, upload, server_copy))), None)
            if doubt:
                report.audio_unconfirmed.append((ObjectId(sid), doubt))
                continue
            with self._write():
                # Looked at again inside the transaction: something may have been written meanwhile.
                if self._waiting_in_outbox(sid) or self._session_uploads(sid) != uploads:
                    report.unacknowledged.append(ObjectId(sid))
                    continue
                ids = self._session_rows(sid)
                for _, upload in uploads:
                    self._remove_audio(upload["local_path"])
                user = self._conn.execute("SELECT user_id FROM sessions WHERE id = ?", (sid,)).fetchone()[0]
                for collection, doc_ids in ids.items():
                    key = "id" if collection == "sessions" else "session_id"
                    self._conn.execute(f"DELETE FROM {collection} WHERE {key} = ?", (sid,))
                    report.documents += len(doc_ids) if collection != AUDIO else 0
                if user and not self._conn.execute("SELECT 1 FROM sessions WHERE user_id = ?", (user,)).fetchone() \
                        and not self._conn.execute("SELECT 1 FROM outbox WHERE collection = 'users' AND doc_id = ?",
                                                   (user,)).fetchone():
                    self._conn.execute("DELETE FROM users WHERE id = ?", (user,))
                    report.documents += 1
                report.sessions.append(ObjectId(sid))
        return report

    def _waiting_in_outbox(self, session_id: str) -> bool:
        """Does any document (or audio upload) of this session still wait to reach MongoDB?"""
        return any(self._conn.execute(
            f"SELECT 1 FROM outbox WHERE collection = ? AND doc_id IN ({','.join('?' * len(v))}) LIMIT 1",
            (c, *v)).fetchone() for c, v in self._session_rows(session_id).items() if v)

    def _session_rows(self, session_id: str) -> dict[str, list[str]]:
        """The ids of a session's rows, children first (its events, evaluations, ... , itself)."""
        return {c: [r[0] for r in self._conn.execute(
            f"SELECT id FROM {c} WHERE {'id' if c == 'sessions' else 'session_id'} = ?", (session_id,))]
            for c in ("events", "evaluations", "transcripts", "recordings", AUDIO, "sessions")}

    def _session_uploads(self, session_id: str) -> list[tuple[ObjectId, dict[str, Any]]]:
        """The session's audio uploads to GridFS (of recordings whose audio is not known to be lost)."""
        return [(ObjectId(i), {**decode_document(d), "uploaded_at_ms": at}) for i, d, at in self._conn.execute(
            "SELECT a.id, a.doc, a.uploaded_at_ms FROM audio a JOIN recordings r ON r.id = a.id "
            "WHERE a.session_id = ? AND r.audio_problem IS NULL ORDER BY a.id", (session_id,)).fetchall()]

    def _why_not_whole_on_server(self, recording_id: ObjectId, upload: dict[str, Any],
                                 server_copy: ServerCopyCheck | None) -> str | None:
        """None when MongoDB's copy of this recording may stand in for the local one; else why not."""
        if upload["uploaded_at_ms"] is None:
            return "not yet uploaded to MongoDB: it is the only copy (it goes after the next sync)"
        if server_copy is None:
            return "MongoDB's copy was not checked, so this one stays"
        expected = self.audio_fingerprint(recording_id)
        if expected is None and upload.get("sha256"):
            # Recorded before fingerprints were kept: the hash taken at upload time stands in.
            try:
                expected = AudioFingerprint(upload["sha256"], Path(upload["local_path"]).stat().st_size)
            except OSError:
                expected = None
        return server_copy(recording_id, expected)

    def audio_fingerprint(self, recording_id: ObjectId) -> AudioFingerprint | None:
        """SHA-256 and length of the recording's audio as it was made (None: made before these were kept)."""
        row = self._conn.execute("SELECT audio_sha256, audio_bytes FROM recordings WHERE id = ?",
                                 (str(recording_id),)).fetchone()
        return AudioFingerprint(row[0], row[1]) if row and row[0] else None

    def check_recording_audio(self, recording: Recording) -> AudioCheck:
        """Is the recording's audio on this computer still what was recorded? (Reads the whole file.)"""
        path = self.local_audio(recording)
        if path is None:
            return AudioCheck(AudioProblem.MISSING, "The recording's audio is not on this computer.")
        return check_audio_file(path, self.audio_fingerprint(recording.id))

    def mark_audio_problem(self, recording_id: ObjectId, check: AudioCheck) -> Event | None:
        """The recording's audio on this computer is missing or changed: nothing of it is uploaded
        or scored. The recording document still goes to MongoDB (its transcript, evaluation and
        events name it); for audio bound for GridFS and not uploaded yet, it then names the file's
        path on this computer, as local audio does, rather than a GridFS file that will never come.
        An `audio_lost` event says what happened, with the hash of the document as it now is.
        Marking a recording that is marked already does nothing (returns None)."""
        if check.problem not in (AudioProblem.MISSING, AudioProblem.CHANGED):
            raise ValueError(f"not a lasting audio problem: {check.problem}")
        with self._write():
            recording = self._get(Recording, recording_id)
            if recording is None:
                raise RecordError("recordings._id", f"no recording {recording_id} in this store", "an existing recording")
            if self._conn.execute("SELECT audio_problem FROM recordings WHERE id = ?", (str(recording_id),)).fetchone()[0]:
                return None  # found already (by the sync, say): one event says so
            upload = self._audio_upload(str(recording_id))
            message = check.message
            if upload is not None and upload["uploaded_at_ms"] is not None:
                # MongoDB holds the recording as it was made: its document stays as it is.
                message = f"{message} The copy in MongoDB is whole."
            elif upload is not None and recording.file_url.startswith("gridfs://"):
                recording = replace(recording, file_url=upload["local_path"])
                self._put(recording)
                self._conn.execute("DELETE FROM outbox WHERE collection = ? AND doc_id = ?", (AUDIO, str(recording_id)))
            self._conn.execute("UPDATE recordings SET audio_problem = ? WHERE id = ?",
                               (check.problem.value, str(recording_id)))
            return self._put_event(recording.session_id, EventType.AUDIO_LOST, {
                "recording_id": str(recording_id), "problem": check.problem.value, "message": message,
                "document": _document_ref(recording)})

    def audio_losses(self, limit: int = 50) -> list[AudioLoss]:
        """Recordings whose audio went missing or changed before it was sent or scored, newest first."""
        rows = self._conn.execute(
            "SELECT r.id, r.session_id, r.audio_problem, (SELECT json_extract(e.doc, '$.payload.message') FROM events e "
            "  WHERE e.session_id = r.session_id AND json_extract(e.doc, '$.type') = ? "
            "  AND json_extract(e.doc, '$.payload.recording_id') = r.id ORDER BY e.created_at_ms DESC LIMIT 1) "
            "FROM recordings r WHERE r.audio_problem IS NOT NULL ORDER BY r.created_at_ms DESC LIMIT ?",
            (EventType.AUDIO_LOST.value, limit)).fetchall()
        return [AudioLoss(ObjectId(i), ObjectId(sid), AudioProblem(p), m or "") for i, sid, p, m in rows]

    def recording_behind(self, collection: str, document: dict[str, Any]) -> ObjectId | None:
        """The recording a recordings, transcripts or evaluations document stands on."""
        if collection == "recordings":
            return document["_id"]
        if collection == "transcripts":
            return document["recording_id"]
        row = self._conn.execute("SELECT recording_id FROM transcripts WHERE id = ?",
                                 (str(document["transcript_id"]),)).fetchone()
        return ObjectId(row[0]) if row else None

    def count_audio_losses(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM recordings WHERE audio_problem IS NOT NULL").fetchone()[0]

    def mark_audio_uploaded(self, recording_ids: list[ObjectId], hashes: dict[ObjectId, str]) -> None:
        """MongoDB acknowledged these uploads, whole: local copies may go now. The SHA-256 of what
        was sent is kept for later checks (`speakcheck sync --verify`)."""
        now = to_epoch_ms(self.clock.now())
        with self._write():
            for recording_id in recording_ids:
                row = self._conn.execute("SELECT doc FROM audio WHERE id = ?", (str(recording_id),)).fetchone()
                if row is None:
                    continue
                doc = {**decode_document(row[0]), "sha256": hashes.get(recording_id)}
                self._conn.execute("UPDATE audio SET uploaded_at_ms = ?, doc = ? WHERE id = ?",
                                   (now, encode_document(doc), str(recording_id)))

    def uploaded_audio_ids(self) -> list[ObjectId]:
        return [ObjectId(r[0]) for r in self._conn.execute("SELECT id FROM audio WHERE uploaded_at_ms IS NOT NULL")]

    def unattached_recording_files(self) -> list[Path]:
        """Finished recordings in a session's folder that no recording of it names: a save that
        failed (a full disk) after the audio was already safe on disk. Found at start, adopted."""
        if not self.recordings_dir.is_dir():
            return []
        named = {Path(u) for (u,) in self._conn.execute("SELECT json_extract(doc, '$.file_url') FROM recordings")}
        named |= {Path(p) for (p,) in self._conn.execute("SELECT json_extract(doc, '$.local_path') FROM audio")}
        found = []
        for folder in sorted(p for p in self.recordings_dir.iterdir() if p.is_dir() and ObjectId.is_valid(p.name)):
            if not self._exists("sessions", ObjectId(folder.name)):
                continue
            found += [f for f in sorted(folder.glob("*.wav")) if f not in named]
        return found

    def recordings_with_local_audio(self) -> list[Recording]:
        """Recordings whose audio should still be on this computer (not pruned, no known problem)."""
        rows = self._conn.execute("SELECT doc FROM recordings WHERE pruned_at_ms IS NULL AND audio_problem IS NULL "
                                  "ORDER BY created_at_ms")
        return [Recording.from_document(decode_document(d)) for (d,) in rows]

    def audio_upload(self, recording_id: ObjectId) -> dict[str, Any] | None:
        """The upload record of a recording whose audio goes to GridFS (None for local audio):
        bucket, local_path, uploaded_at_ms."""
        return self._audio_upload(str(recording_id))

    def local_audio(self, recording: Recording) -> Path | None:
        """The recording's audio on this computer, if it is still here."""
        upload = self._audio_upload(str(recording.id))
        path = Path(upload["local_path"] if upload else recording.file_url)
        return path if not recording.file_url.startswith("gridfs://") or upload else None

    def import_documents(self, detail: SessionDetail, user: User | None = None) -> bool:
        """Store a session fetched from MongoDB. Nothing is queued: MongoDB already has it.
        Returns False when the session was already here."""
        with self._write():
            if self._exists("sessions", detail.session.id):
                return False
            if user is not None and not self._exists("users", user.id):
                self._put(user, enqueue=False)
            times = [to_epoch_ms(d.created_at) for d in detail.events] + [to_epoch_ms(detail.session.started_at)]
            self._put(detail.session, last_activity_ms=max(times), enqueue=False)
            for record in [*detail.recordings, *detail.transcripts, *detail.evaluations, *detail.events]:
                self._put(record, session_id=detail.session.id, enqueue=False)
        return True

    def requeue_all(self) -> int:
        """Queue every document for sync again (after pointing the app at another MongoDB, or to
        check that a resend changes nothing). Idempotent upserts make this safe."""
        now_ms = to_epoch_ms(self.clock.now())
        with self._write():
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

    # -- reads ---------------------------------------------------------------------------------

    def list_sessions(self, *, user_id: ObjectId | None = None, status: SessionStatus | str | None = None,
                      level: Level | str | None = None, limit: int = 50, after: PageCursor | None = None) -> SessionPage:
        """Sessions newest first, filtered, one page at a time (keyset paging: page N costs what
        page 1 costs)."""
        where, args = [], []
        if user_id is not None:
            where.append("s.user_id = ?")
            args.append(str(user_id))
        if status is not None:
            where.append("s.status = ?")
            args.append(SessionStatus(status).value)
        if level is not None:
            where.append("s.level = ?")
            args.append(Level(level).value)
        if after is not None:
            where.append("(s.started_at_ms, s.id) < (?, ?)")
            args += [after.started_at_ms, after.session_id]
        sql = ("SELECT s.id, s.started_at_ms, s.doc, (SELECT e.overall_level FROM evaluations e WHERE e.session_id = s.id "
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

    def get_user(self, user_id: ObjectId) -> User | None:
        return self._get(User, user_id)

    def get_recording(self, recording_id: ObjectId) -> Recording | None:
        return self._get(Recording, recording_id)

    def get_transcript(self, transcript_id: ObjectId) -> Transcript | None:
        return self._get(Transcript, transcript_id)

    def session_of(self, collection: str, doc_id: ObjectId) -> ObjectId | None:
        """The session a recording, transcript, evaluation or event belongs to."""
        row = self._conn.execute(f"SELECT session_id FROM {collection} WHERE id = ?", (str(doc_id),)).fetchone()
        return ObjectId(row[0]) if row else None

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

    def record_insufficient_evidence(self, transcript_id: ObjectId, payload: dict[str, Any]) -> Event:
        """The evidence gate's "no": an event with the reasons; no evaluation is written."""
        with self._write():
            session_id = self._parent_session("transcript_id", "transcripts", transcript_id)
            transcript = self._get(Transcript, transcript_id)
            return self._put_event(session_id, EventType.INSUFFICIENT_EVIDENCE,
                                   {**payload, "transcript_id": str(transcript_id),
                                    "document": _document_ref(transcript)})

    def get_session(self, session_id: ObjectId) -> Session | None:
        return self._get(Session, session_id)

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

    def get_state(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self.set_states({key: value})

    def set_states(self, values: dict[str, str]) -> None:
        """Several sync-state values in one transaction (a reader never sees half of them)."""
        with self._write():
            self._conn.executemany("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))

    # -- internals -----------------------------------------------------------------------------

    def _write(self):
        return transaction(self._conn)

    def _put(self, record: Record, *, session_id: ObjectId | None = None, last_activity_ms: int | None = None,
             enqueue: bool = True) -> None:
        """Insert or update one document row (and queue it for MongoDB)."""
        doc = record.to_document()
        columns: dict[str, Any] = {"id": str(record.id), "doc": encode_document(doc)}
        if isinstance(record, Session):
            columns |= {"user_id": str(record.user_id) if record.user_id else None, "level": record.level.value,
                        "status": record.status.value, "started_at_ms": to_epoch_ms(record.started_at),
                        "last_activity_ms": last_activity_ms}
        elif not isinstance(record, User):
            columns |= {"created_at_ms": to_epoch_ms(record.created_at)}
            if not isinstance(record, Recording | Event):
                columns["session_id"] = str(session_id)
            else:
                columns["session_id"] = str(record.session_id)
            if isinstance(record, Transcript):
                columns["recording_id"] = str(record.recording_id)
            if isinstance(record, Evaluation):
                columns |= {"transcript_id": str(record.transcript_id), "overall_level": record.overall_level.value}
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        conflict = "DO UPDATE SET " + updates if enqueue else "DO NOTHING"
        self._conn.execute(f"INSERT INTO {record.collection} ({names}) VALUES ({marks}) ON CONFLICT (id) {conflict}",
                           list(columns.values()))
        if enqueue:
            self.outbox.enqueue(record.collection, record.id, UPSERT, to_epoch_ms(self.clock.now()))

    def _put_event(self, session_id: ObjectId, type: EventType | str, payload: dict[str, Any] | None,
                   at: datetime | None = None) -> Event:
        event_id, created_at = ObjectId(), at or self._stamp(session_id)
        # The audit chain (core/audit_chain.py): each event carries the hash of the one before.
        link = chain_link(event_id, session_id, str(type), created_at, payload, self._chain_head(session_id))
        event = Event(id=event_id, session_id=session_id, type=type, payload={**(payload or {}), "chain": link},
                      created_at=created_at)
        self._put(event)
        self._conn.execute("UPDATE sessions SET last_activity_ms = MAX(last_activity_ms, ?) WHERE id = ?",
                           (to_epoch_ms(event.created_at), str(session_id)))
        return event

    def _audio_upload(self, recording_id: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT doc, uploaded_at_ms FROM audio WHERE id = ?", (recording_id,)).fetchone()
        return {**decode_document(row[0]), "uploaded_at_ms": row[1]} if row else None

    def _chain_head(self, session_id: ObjectId) -> dict[str, Any] | None:
        """The `chain` of the session's newest chained event (None before the first)."""
        head = None
        for (doc,) in self._conn.execute("SELECT doc FROM events WHERE session_id = ?", (str(session_id),)):
            chain = (decode_document(doc).get("payload") or {}).get("chain")
            if isinstance(chain, dict) and (head is None or chain["seq"] > head["seq"]):
                head = chain
        return head

    def _stamp(self, session_id: ObjectId) -> datetime:
        """Now, but never before the session's newest entry: if the device clock goes backwards,
        the session's documents keep the order they were made in."""
        now_ms = to_epoch_ms(self.clock.now())
        row = self._conn.execute("SELECT last_activity_ms FROM sessions WHERE id = ?", (str(session_id),)).fetchone()
        return from_epoch_ms(max(now_ms, row[0] + 1) if row else now_ms)

    def _get(self, cls: type[Record], doc_id: ObjectId) -> Any:
        row = self._conn.execute(f"SELECT doc FROM {cls.collection} WHERE id = ?", (str(doc_id),)).fetchone()
        return cls.from_document(decode_document(row[0])) if row else None

    def _exists(self, table: str, doc_id: ObjectId) -> bool:
        return self._conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (str(doc_id),)).fetchone() is not None

    def _require(self, field_name: str, table: str, doc_id: ObjectId) -> None:
        if not isinstance(doc_id, ObjectId) or not self._exists(table, doc_id):
            raise RecordError(field_name, f"no {table[:-1]} {doc_id} in this store", f"the id of an existing {table[:-1]}")

    def _parent_session(self, field_name: str, table: str, doc_id: ObjectId) -> ObjectId:
        row = self._conn.execute(f"SELECT session_id FROM {table} WHERE id = ?", (str(doc_id),)).fetchone() \
            if isinstance(doc_id, ObjectId) else None
        if row is None:
            raise RecordError(field_name, f"no {table[:-1]} {doc_id} in this store", f"the id of an existing {table[:-1]}")
        return ObjectId(row[0])

    def _session(self, session_id: ObjectId) -> Session:
        self._require("session_id", "sessions", session_id)
        return self.get_session(session_id)  # type: ignore[return-value]

    def _remove_audio(self, file_url: str) -> tuple[int, str | None]:
        """Delete an audio file the app owns. Returns (bytes freed, why it was kept or None);
        a file that is already gone counts as removed, with 0 bytes freed."""
        path = Path(file_url)
        try:
            inside = path.resolve().is_relative_to(self.recordings_dir.resolve())
        except (OSError, ValueError):
            inside = False
        if not inside:
            return 0, f"not in the app's recordings folder {self.recordings_dir}, left in place"
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0, None
        except OSError as exc:
            log.warning("Could not remove %s: %s", path, exc)
            return 0, f"could not be removed ({exc.strerror or exc})"
        return size, None


def _document_ref(record: Record) -> dict[str, str]:
    """What an event that records a graded step says about the document it wrote: which one, and
    the SHA-256 of it as stored (core/audit_chain.py `document_digest`), so `verify-audit`
    catches a change to the document itself, not only to the events."""
    return {"collection": record.collection, "_id": str(record.id), "sha256": document_digest(record.to_document())}
