"""Retention: what leaves this computer, and when. Pruning old audio (its documents stay),
deleting a session everywhere (here, and in MongoDB through the outbox), and the kiosk's purge of
ended sessions that MongoDB holds in full (nothing queued: MongoDB keeps them).

Apart from `local_store.py` because it is a job of its own with its own rule: nothing that may be
the only copy of someone's answer is removed, so audio kept in GridFS loses its local copy only
when MongoDB confirms it holds it whole (`ServerCopyCheck`, asked by the caller: the relay, under
the sync lock). Module functions over a LocalStore, the style of remote/pull.py.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.clock import to_epoch_ms
from speakcheck_desktop.core.records import EventType
from speakcheck_desktop.store.audio_files import AudioFingerprint
from speakcheck_desktop.store.file_urls import is_gridfs_url
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import AUDIO, DELETE, decode_document
from speakcheck_desktop.store.recording_audio import audio_fingerprint, audio_paths, audio_upload
from speakcheck_desktop.store.views import DeleteReport, PruneReport, PurgeReport

log = logging.getLogger(__name__)

# Asked before a local copy of audio that MongoDB holds is removed (prune, kiosk purge): given the
# recording id and its fingerprint from recording time, None when the server's copy is whole,
# else why it cannot be trusted (in words). See remote/gridfs_audio.py `confirm_whole`.
ServerCopyCheck = Callable[[ObjectId, AudioFingerprint | None], str | None]

# The tables holding a session's rows, children first: the order they are forgotten in, so that a
# sync running in between never leaves an orphan behind. `audio` is this store's own (uploads to GridFS).
SESSION_TABLES = ("events", "evaluations", "transcripts", "recordings", AUDIO, "sessions")


def prune_audio(store: LocalStore, older_than: timedelta, server_copy: ServerCopyCheck | None = None) -> PruneReport:
    """Remove audio files of recordings older than `older_than`, keep their documents, and
    record each removal as an `audio_pruned` event of its session.

    Audio that went to GridFS loses its local copy only when `server_copy` (which asks
    MongoDB) confirms the server holds it whole, with the SHA-256 taken at recording time:
    "the outbox says uploaded" is not evidence enough to delete what may be the only copy."""
    cutoff = to_epoch_ms(store.clock.now() - older_than)
    report = PruneReport()
    now = audio_paths(store)
    rows = store.conn.execute(
        "SELECT id, session_id, doc FROM recordings WHERE pruned_at_ms IS NULL AND audio_problem IS NULL "
        "AND created_at_ms < ? ORDER BY created_at_ms", (cutoff,)).fetchall()
    for rec_id, session_id, doc in rows:
        recording_id = ObjectId(rec_id)
        file_url = decode_document(doc)["file_url"]
        upload = audio_upload(store, recording_id)
        if upload is not None and is_gridfs_url(file_url):
            why_not = _why_not_whole_on_server(store, recording_id, upload, server_copy)
            if why_not:
                report.kept.append((recording_id, upload["local_path"], why_not))
                continue
            file_url = upload["local_path"]  # the copy in GridFS stays; the local one goes
        path = str(now(file_url))  # where it is on this computer (a restored store's own folder)
        removed, why_kept = _remove_audio(store.recordings_dir, path)
        if why_kept:
            report.kept.append((recording_id, path, why_kept))
            continue
        with store.write() as conn:
            conn.execute("UPDATE recordings SET pruned_at_ms = ? WHERE id = ?",
                         (to_epoch_ms(store.clock.now()), rec_id))
            store.put_event(ObjectId(session_id), EventType.AUDIO_PRUNED,
                            {"recording_id": rec_id, "file_url": file_url, "bytes": removed})
        report.pruned.append((recording_id, path, removed))
    return report


def delete_session(store: LocalStore, session_id: ObjectId) -> DeleteReport:
    """Delete a session and everything under it: rows here, documents in MongoDB (queued in the
    outbox, audio in GridFS after the documents that point to it), and its audio files in the
    app's recordings folder (the local copies of GridFS audio too)."""
    report = DeleteReport(session_id)
    sid = str(session_id)
    with store.write() as conn:
        store.existing_session(session_id)
        files = [url for url in (decode_document(d)["file_url"] for (d,) in conn.execute(
            "SELECT doc FROM recordings WHERE session_id = ? AND pruned_at_ms IS NULL", (sid,)))
            if not is_gridfs_url(url)]
        files += [decode_document(d)["local_path"] for (d,) in conn.execute(
            "SELECT doc FROM audio WHERE session_id = ?", (sid,))]
        rows = _session_rows(conn, sid)
        now_ms = to_epoch_ms(store.clock.now())
        for table, ids in rows.items():
            for doc_id in ids:
                store.outbox.enqueue(table, ObjectId(doc_id), DELETE, now_ms)
        report.documents = _forget_rows(conn, sid, rows)
    now = audio_paths(store)
    for file_url in (str(now(f)) for f in files):
        removed, why_kept = _remove_audio(store.recordings_dir, file_url)
        if why_kept:
            report.files_left.append((file_url, why_kept))
        elif removed:
            report.files_removed.append(file_url)
    return report


def purge_acknowledged(store: LocalStore, older_than: timedelta = timedelta(0),
                       server_copy: ServerCopyCheck | None = None) -> PurgeReport:
    """Kiosk retention: forget ended sessions that MongoDB has acknowledged in full, `older_than`
    after they ended. Nothing is queued (MongoDB keeps them). A session is kept while any of its
    documents waits in the outbox, while its audio exists only on this machine, and while
    `server_copy` has not confirmed that GridFS holds each of its recordings whole."""
    report = PurgeReport()
    conn = store.conn
    now = audio_paths(store)
    cutoff = to_epoch_ms(store.clock.now() - older_than)
    ended = [r[0] for r in conn.execute(
        "SELECT id FROM sessions WHERE status != 'active' AND last_activity_ms <= ?", (cutoff,))]
    # An answer still to be transcribed or assessed keeps its session (the work needs its rows).
    busy = {str(r.session_id) for r in store.pending_transcriptions()}
    busy |= {str(store.session_of("transcripts", t.id)) for t in store.pending_evaluations()}
    for sid in ended:
        if sid in busy:
            report.assessment_pending.append(ObjectId(sid))
            continue
        if _waiting_in_outbox(conn, sid):
            report.unacknowledged.append(ObjectId(sid))
            continue
        # Audio kept only here (audio_storage "local") keeps the session.
        local_audio = [url for (url,) in conn.execute(
            "SELECT json_extract(doc, '$.file_url') FROM recordings WHERE session_id = ? "
            "AND pruned_at_ms IS NULL", (sid,)) if not is_gridfs_url(url) and now(url).exists()]
        if local_audio:
            report.audio_here_only.append(ObjectId(sid))
            continue
        # Audio in GridFS loses its local copy only when MongoDB confirms its copy is whole. Asked
        # before the write transaction: MongoDB may take seconds to answer, or not answer at all.
        uploads = _session_uploads(conn, sid)
        doubt = next((why for rec_id, upload in uploads
                      if (why := _why_not_whole_on_server(store, rec_id, upload, server_copy))), None)
        if doubt:
            report.audio_unconfirmed.append((ObjectId(sid), doubt))
            continue
        with store.write():
            # Looked at again inside the transaction: something may have been written meanwhile.
            if _waiting_in_outbox(conn, sid) or _session_uploads(conn, sid) != uploads:
                report.unacknowledged.append(ObjectId(sid))
                continue
            rows = _session_rows(conn, sid)
            for _, upload in uploads:
                _remove_audio(store.recordings_dir, str(now(upload["local_path"])))
            user = conn.execute("SELECT user_id FROM sessions WHERE id = ?", (sid,)).fetchone()[0]
            report.documents += _forget_rows(conn, sid, rows)
            if user and not conn.execute("SELECT 1 FROM sessions WHERE user_id = ?", (user,)).fetchone() \
                    and not conn.execute("SELECT 1 FROM outbox WHERE collection = 'users' AND doc_id = ?",
                                         (user,)).fetchone():
                conn.execute("DELETE FROM users WHERE id = ?", (user,))
                report.documents += 1
            report.sessions.append(ObjectId(sid))
    return report


def _owner_column(table: str) -> str:
    """The column of `table` that names the session a row belongs to (a session's is its own id)."""
    return "id" if table == "sessions" else "session_id"


def _session_rows(conn: sqlite3.Connection, session_id: str) -> dict[str, list[str]]:
    """The ids of a session's rows by table, children first (SESSION_TABLES)."""
    return {table: [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE {_owner_column(table)} = ?",
                                               (session_id,))]
            for table in SESSION_TABLES}


def _forget_rows(conn: sqlite3.Connection, session_id: str, rows: dict[str, list[str]]) -> int:
    """Delete a session's rows, children first (inside a write); returns how many documents that
    was (an upload record in `audio` is not one)."""
    for table in rows:
        conn.execute(f"DELETE FROM {table} WHERE {_owner_column(table)} = ?", (session_id,))
    return sum(len(ids) for table, ids in rows.items() if table != AUDIO)


def _waiting_in_outbox(conn: sqlite3.Connection, session_id: str) -> bool:
    """Does any document (or audio upload) of this session still wait to reach MongoDB?"""
    return any(conn.execute(
        f"SELECT 1 FROM outbox WHERE collection = ? AND doc_id IN ({','.join('?' * len(v))}) LIMIT 1",
        (c, *v)).fetchone() for c, v in _session_rows(conn, session_id).items() if v)


def _session_uploads(conn: sqlite3.Connection, session_id: str) -> list[tuple[ObjectId, dict[str, Any]]]:
    """The session's audio uploads to GridFS (of recordings whose audio is not known to be lost)."""
    return [(ObjectId(i), {**decode_document(d), "uploaded_at_ms": at}) for i, d, at in conn.execute(
        "SELECT a.id, a.doc, a.uploaded_at_ms FROM audio a JOIN recordings r ON r.id = a.id "
        "WHERE a.session_id = ? AND r.audio_problem IS NULL ORDER BY a.id", (session_id,)).fetchall()]


def _why_not_whole_on_server(store: LocalStore, recording_id: ObjectId, upload: dict[str, Any],
                             server_copy: ServerCopyCheck | None) -> str | None:
    """None when MongoDB's copy of this recording may stand in for the local one; else why not."""
    if upload["uploaded_at_ms"] is None:
        return "not yet uploaded to MongoDB: it is the only copy (it goes after the next sync)"
    if server_copy is None:
        return "MongoDB's copy was not checked, so this one stays"
    expected = audio_fingerprint(store, recording_id)
    if expected is None and upload.get("sha256"):
        # Recorded before fingerprints were kept: the hash taken at upload time stands in.
        try:
            expected = AudioFingerprint(upload["sha256"], Path(upload["local_path"]).stat().st_size)
        except OSError:
            expected = None
    return server_copy(recording_id, expected)


def _remove_audio(recordings_dir: Path, file_url: str) -> tuple[int, str | None]:
    """Delete an audio file the app owns (one in `recordings_dir`). Returns (bytes freed, why it
    was kept or None); a file that is already gone counts as removed, with 0 bytes freed."""
    path = Path(file_url)
    try:
        inside = path.resolve().is_relative_to(recordings_dir.resolve())
    except (OSError, ValueError):
        inside = False
    if not inside:
        return 0, f"not in the app's recordings folder {recordings_dir}, left in place"
    try:
        size = path.stat().st_size
        path.unlink()
    except FileNotFoundError:
        return 0, None
    except OSError as exc:
        log.warning("Could not remove %s: %s", path, exc)
        return 0, f"could not be removed ({exc.strerror or exc})"
    return size, None
