"""The store's bookkeeping of each recording's audio file: its fingerprint from recording time,
where the file is (here, or in GridFS with a local copy until it is safely there), whether it is
still what was recorded, what was lost, and its upload to GridFS.

Apart from `local_store.py` because it is a job of its own, which the sync relay, the assessor,
retention and the start-up recovery share; module functions over a LocalStore, the style of
remote/pull.py. The file-level checks without a database are `audio_files.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.clock import to_epoch_ms
from speakcheck_desktop.core.records import Event, EventType, RecordError, Recording
from speakcheck_desktop.store.audio_files import AudioCheck, AudioFingerprint, AudioProblem, check_audio_file
from speakcheck_desktop.store.file_urls import is_gridfs_url
from speakcheck_desktop.store.local_store import LocalStore, document_ref
from speakcheck_desktop.store.outbox import AUDIO, decode_document, encode_document
from speakcheck_desktop.store.views import AudioLoss

# -- where a stored path is on this computer now ---------------------------------------------------
# A recordings document's `file_url` is the path the audio had when it was recorded, on the
# computer it was recorded on. It stays so: MongoDB holds that document, and the audit chain holds
# its hash (`record_stop`'s `document`). A store restored on another computer (store/backup.py)
# has its audio in its own recordings folder instead, and keeps, as local state, where each earlier
# folder (or single file) is now, relative to that folder: every path the store hands out goes
# through `audio_path`. (The `audio` table's `local_path` is this computer's own bookkeeping, not a
# document: a restore rewrites it.)

RELOCATIONS_KEY = "audio_relocations"  # in sync_state: JSON [[earlier path, path under recordings_dir], ...]


def read_relocations(text: str | None) -> list[tuple[str, str]]:
    """The pairs kept under RELOCATIONS_KEY (none for a store never restored)."""
    return [(old, new) for old, new in json.loads(text)] if text else []


def write_relocations(pairs: list[tuple[str, str]]) -> str:
    return json.dumps([list(pair) for pair in pairs])


def relocator(recordings_dir: Path, pairs: list[tuple[str, str]]) -> Callable[[str], Path]:
    """Where a stored path is now, given the pairs kept under RELOCATIONS_KEY (store/backup.py
    makes them, for a store it is still restoring)."""
    # The longest first: a single file moved on its own wins over the folder it was in.
    moves = sorted(((_as_written(old), new) for old, new in pairs), key=lambda move: len(move[0].parts), reverse=True)

    def now(stored: str) -> Path:
        path = Path(stored)
        if not moves or path.is_relative_to(recordings_dir):
            return path
        for old, new in moves:
            named = type(old)(stored)
            if named.is_relative_to(old):
                return recordings_dir.joinpath(*PurePosixPath(new).parts, *named.relative_to(old).parts)
        return path
    return now


_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:|\\\\)")  # a drive letter, or a network share


def _as_written(path: str) -> PurePath:
    """A path as the computer that wrote it reads it: a store backed up on Windows and restored
    elsewhere (or the other way round) still finds its folders."""
    return PureWindowsPath(path) if _WINDOWS_PATH.match(path) else PurePosixPath(path)


def audio_paths(store: LocalStore) -> Callable[[str], Path]:
    """`audio_path` for many paths, the relocations read once."""
    return relocator(store.recordings_dir, read_relocations(store.get_state(RELOCATIONS_KEY)))


def audio_path(store: LocalStore, stored: str) -> Path:
    """Where the audio a stored path (`file_url`, `local_path`) names is on this computer."""
    return audio_paths(store)(stored)


# -- what was recorded, and whether it still is ---------------------------------------------------


def audio_fingerprint(store: LocalStore, recording_id: ObjectId) -> AudioFingerprint | None:
    """SHA-256 and length of the recording's audio as it was made (None: made before these were kept)."""
    row = store.conn.execute("SELECT audio_sha256, audio_bytes FROM recordings WHERE id = ?",
                             (str(recording_id),)).fetchone()
    return AudioFingerprint(row[0], row[1]) if row and row[0] else None


def local_audio(store: LocalStore, recording: Recording) -> Path | None:
    """The recording's audio on this computer, if it is still here."""
    upload = audio_upload(store, recording.id)
    path = audio_path(store, upload["local_path"] if upload else recording.file_url)
    return path if not is_gridfs_url(recording.file_url) or upload else None


def check_recording_audio(store: LocalStore, recording: Recording) -> AudioCheck:
    """Is the recording's audio on this computer still what was recorded? (Reads the whole file.)"""
    path = local_audio(store, recording)
    if path is None:
        return AudioCheck(AudioProblem.MISSING, "The recording's audio is not on this computer.")
    return check_audio_file(path, audio_fingerprint(store, recording.id))


def recordings_with_local_audio(store: LocalStore) -> list[Recording]:
    """Recordings whose audio should still be on this computer (not pruned, no known problem)."""
    rows = store.conn.execute("SELECT doc FROM recordings WHERE pruned_at_ms IS NULL AND audio_problem IS NULL "
                              "ORDER BY created_at_ms")
    return [Recording.from_document(decode_document(d)) for (d,) in rows]


def unattached_recording_files(store: LocalStore) -> list[Path]:
    """Finished recordings in a session's folder that no recording of it names: a save that
    failed (a full disk) after the audio was already safe on disk. Found at start, adopted."""
    if not store.recordings_dir.is_dir():
        return []
    conn = store.conn
    now = audio_paths(store)
    named = {now(u) for (u,) in conn.execute("SELECT json_extract(doc, '$.file_url') FROM recordings")}
    named |= {now(p) for (p,) in conn.execute("SELECT json_extract(doc, '$.local_path') FROM audio")}
    found: list[Path] = []
    for folder in sorted(p for p in store.recordings_dir.iterdir() if p.is_dir() and ObjectId.is_valid(p.name)):
        if not store.has_document("sessions", ObjectId(folder.name)):
            continue
        found += [f for f in sorted(folder.glob("*.wav")) if f not in named]
    return found


# -- audio that was lost ----------------------------------------------------------------------------


def mark_audio_problem(store: LocalStore, recording_id: ObjectId, check: AudioCheck) -> Event | None:
    """The recording's audio on this computer is missing or changed: nothing of it is uploaded
    or scored. The recording document still goes to MongoDB (its transcript, evaluation and
    events name it); for audio bound for GridFS and not uploaded yet, it then names the file's
    path on this computer, as local audio does, rather than a GridFS file that will never come.
    An `audio_lost` event says what happened, with the hash of the document as it now is.
    Marking a recording that is marked already does nothing (returns None)."""
    problem = check.problem
    if problem is None or problem not in (AudioProblem.MISSING, AudioProblem.CHANGED):
        raise ValueError(f"not a lasting audio problem: {problem}")
    with store.write() as conn:
        recording = store.get_recording(recording_id)
        if recording is None:
            raise RecordError("recordings._id", f"no recording {recording_id} in this store", "an existing recording")
        if conn.execute("SELECT audio_problem FROM recordings WHERE id = ?", (str(recording_id),)).fetchone()[0]:
            return None  # found already (by the sync, say): one event says so
        upload = audio_upload(store, recording_id)
        message = check.message
        if upload is not None and upload["uploaded_at_ms"] is not None:
            # MongoDB holds the recording as it was made: its document stays as it is.
            message = f"{message} The copy in MongoDB is whole."
        elif upload is not None and is_gridfs_url(recording.file_url):
            recording = replace(recording, file_url=upload["local_path"])
            store.put(recording)
            conn.execute("DELETE FROM outbox WHERE collection = ? AND doc_id = ?", (AUDIO, str(recording_id)))
        conn.execute("UPDATE recordings SET audio_problem = ? WHERE id = ?", (problem.value, str(recording_id)))
        return store.put_event(recording.session_id, EventType.AUDIO_LOST, {
            "recording_id": str(recording_id), "problem": problem.value, "message": message,
            "document": document_ref(recording)})


def audio_losses(store: LocalStore, limit: int = 50) -> list[AudioLoss]:
    """Recordings whose audio went missing or changed before it was sent or scored, newest first."""
    rows = store.conn.execute(
        "SELECT r.id, r.session_id, r.audio_problem, (SELECT json_extract(e.doc, '$.payload.message') FROM events e "
        "  WHERE e.session_id = r.session_id AND json_extract(e.doc, '$.type') = ? "
        "  AND json_extract(e.doc, '$.payload.recording_id') = r.id ORDER BY e.created_at_ms DESC LIMIT 1) "
        "FROM recordings r WHERE r.audio_problem IS NOT NULL ORDER BY r.created_at_ms DESC LIMIT ?",
        (EventType.AUDIO_LOST.value, limit)).fetchall()
    return [AudioLoss(ObjectId(i), ObjectId(sid), AudioProblem(p), m or "") for i, sid, p, m in rows]


def count_audio_losses(store: LocalStore) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM recordings WHERE audio_problem IS NOT NULL").fetchone()[0]


# -- uploads to GridFS ------------------------------------------------------------------------------


def audio_upload(store: LocalStore, recording_id: ObjectId) -> dict[str, Any] | None:
    """The upload record of a recording whose audio goes to GridFS (None for local audio):
    bucket, local_path, session_id, filename, sha256 once uploaded, and uploaded_at_ms."""
    row = store.conn.execute("SELECT doc, uploaded_at_ms FROM audio WHERE id = ?", (str(recording_id),)).fetchone()
    return {**decode_document(row[0]), "uploaded_at_ms": row[1]} if row else None


def uploaded_audio_ids(store: LocalStore) -> list[ObjectId]:
    return [ObjectId(r[0]) for r in store.conn.execute("SELECT id FROM audio WHERE uploaded_at_ms IS NOT NULL")]


def mark_audio_uploaded(store: LocalStore, recording_ids: list[ObjectId], hashes: dict[ObjectId, str]) -> None:
    """MongoDB acknowledged these uploads, whole: local copies may go now. The SHA-256 of what
    was sent is kept for later checks (`speakcheck sync --verify`)."""
    now = to_epoch_ms(store.clock.now())
    with store.write() as conn:
        for recording_id in recording_ids:
            row = conn.execute("SELECT doc FROM audio WHERE id = ?", (str(recording_id),)).fetchone()
            if row is None:
                continue
            doc = {**decode_document(row[0]), "sha256": hashes.get(recording_id)}
            conn.execute("UPDATE audio SET uploaded_at_ms = ?, doc = ? WHERE id = ?",
                         (now, encode_document(doc), str(recording_id)))


def recording_behind(store: LocalStore, collection: str, document: dict[str, Any]) -> ObjectId | None:
    """The recording a recordings, transcripts or evaluations document stands on: what the relay
    holds such a document back for while that recording's audio waits for GridFS."""
    if collection == "recordings":
        return document["_id"]
    if collection == "transcripts":
        return document["recording_id"]
    row = store.conn.execute("SELECT recording_id FROM transcripts WHERE id = ?",
                             (str(document["transcript_id"]),)).fetchone()
    return ObjectId(row[0]) if row else None
