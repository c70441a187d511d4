"""Recordings in MongoDB GridFS: upload (idempotent, resumable, verified), confirmation that the
server's copy is whole, download into a cache (verified), delete.

The layout is GridFS's own (`<bucket>.files`, `<bucket>.chunks`), so any driver's GridFSBucket
reads these files. The file id is fixed on the device (it is the recording's id). Chunks go first
and the `files` document last, and only once the server holds every chunk: a file without its
`files` document is an upload still under way or cut short.

An upload never deletes what it did not write. A retry after a cut keeps the chunks already there
when they hold the same bytes as the local file and sends only the rest; chunks or a `files`
document that hold anything else are left alone and the upload is refused in words. Uploads of one
data dir never overlap (the sync lock, store/sync_lock.py), so a chunk that appears while this one
uploads belongs to somebody else and is never touched.

Messages never quote a driver's error: pymongo's bulk errors carry the documents they were sent,
and here those are audio bytes.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bson import Binary, ObjectId
from pymongo.database import Database
from pymongo.errors import BulkWriteError, DuplicateKeyError
from pymongo.write_concern import WriteConcern

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.store.audio_files import AudioCheck, AudioFingerprint, AudioProblem, fingerprint

CHUNK_BYTES = 255 * 1024  # GridFS's default chunk size
BATCH_CHUNKS = 16  # ~4 MiB a message: memory stays small, and a cut upload loses little


class AudioUploadRejected(UserFacingError):
    """An upload that cannot succeed by trying again: MongoDB holds something else under this
    recording's id. Says what, never with content."""


class LocalAudioProblem(UserFacingError):
    """The local file is not (or no longer) the recording that was made: gone, unreadable, or
    hashing to something else while it was being sent. Carries the check; its message is the
    check's sentence."""

    def __init__(self, check: AudioCheck):
        super().__init__(check.message or "The recording's audio on this computer cannot be used.")
        self.check = check


class AudioFileProblem(UserFacingError):
    """A file in GridFS that is missing, cut short or not what was uploaded; says which."""


def stored_hash(db: Database, bucket: str, file_id: ObjectId) -> str:
    """SHA-256 of the file's chunks as the server holds them, in order; raises if they do not add
    up to the length in its `files` document."""
    files = db.get_collection(f"{bucket}.files").find_one({"_id": file_id})
    if files is None:
        raise AudioFileProblem(f"The recording {file_id} is not in MongoDB (GridFS bucket \u201c{bucket}\u201d).")
    digest, size, expected_n = hashlib.sha256(), 0, 0
    for chunk in db.get_collection(f"{bucket}.chunks").find({"files_id": file_id}).sort("n", 1):
        if chunk["n"] != expected_n:
            raise AudioFileProblem(f"The recording {file_id} in MongoDB is incomplete: part {expected_n} is missing.")
        digest.update(chunk["data"])
        size += len(chunk["data"])
        expected_n += 1
    if size != files["length"]:
        raise AudioFileProblem(f"The recording {file_id} in MongoDB is cut short: {size:,} of "
                               f"{files['length']:,} bytes are there.")
    return digest.hexdigest()


def confirm_whole(db: Database, bucket: str, file_id: ObjectId, expected: AudioFingerprint) -> str | None:
    """None when the server holds this recording whole: a `files` document with the length and
    SHA-256 taken when it was recorded, and every chunk (the count its length needs, numbered
    without a gap; the unique index on (files_id, n) rules out doubles). Otherwise why not, in
    words. Cheap (no audio is transferred): what prune and the kiosk purge ask before removing the
    local copy."""
    files = db.get_collection(f"{bucket}.files").find_one({"_id": file_id},
                                                          {"length": 1, "chunkSize": 1, "metadata": 1})
    if files is None:
        return "MongoDB does not hold this recording's audio"
    if files.get("length") != expected.bytes:
        return (f"MongoDB's copy has {files.get('length')!r} bytes, but {expected.bytes:,} were recorded")
    if (files.get("metadata") or {}).get("sha256") != expected.sha256:
        return "MongoDB's copy is not the recording that was made (its SHA-256 differs)"
    chunk_size = files.get("chunkSize") or CHUNK_BYTES
    needed = math.ceil(expected.bytes / chunk_size)
    # Counted and measured on the server: no audio crosses the network.
    [held] = list(db.get_collection(f"{bucket}.chunks").aggregate([
        {"$match": {"files_id": file_id}},
        {"$group": {"_id": None, "parts": {"$sum": 1}, "bytes": {"$sum": {"$binarySize": "$data"}},
                    "last": {"$max": "$n"}}}])) or [{"parts": 0, "bytes": 0, "last": None}]
    if held["parts"] != needed or (needed and held["last"] != needed - 1):
        return f"MongoDB's copy is incomplete ({held['parts']} of {needed} parts)"
    if held["bytes"] != expected.bytes:
        return f"MongoDB's copy is cut short ({held['bytes']:,} of {expected.bytes:,} bytes)"
    return None


def upload(db: Database, doc: dict[str, Any], expected: AudioFingerprint | None = None,
           on_read: Callable[[int], None] = lambda n: None) -> str:
    """Upload `doc["local_path"]` as GridFS file `doc["_id"]` in `doc["bucket"]`, unless the very
    same file is already there; returns its SHA-256. `expected` is the recording's fingerprint
    from when it was made: a local file that is gone, unreadable or no longer matches it raises
    LocalAudioProblem and no `files` document is written. Raises AudioUploadRejected when MongoDB holds something
    else under this id, AudioFileProblem when another upload of it is running now, and pymongo's
    errors when MongoDB is away (the caller retries later).

    Written by hand to the GridFS layout rather than through GridFSBucket, which holds up to 48
    MiB in memory and sends it in one message at the end: here memory stays at one batch, the hash
    is taken on the way, progress is real, and a cut upload resumes."""
    path, file_id, bucket = Path(doc["local_path"]), doc["_id"], doc["bucket"]
    try:
        size = path.stat().st_size
        sha = expected.sha256 if expected else fingerprint(path).sha256
    except OSError as exc:
        raise LocalAudioProblem(_unreadable(path, exc)) from None
    files = _collection(db, f"{bucket}.files")
    chunks = _collection(db, f"{bucket}.chunks")
    existing = files.find_one({"_id": file_id}, {"length": 1, "metadata": 1})
    if existing is not None:
        if existing.get("length") == size and (existing.get("metadata") or {}).get("sha256") == sha:
            if confirm_whole(db, bucket, file_id, AudioFingerprint(sha, size)) is None:
                return sha  # a retry after the upload had already completed
        else:
            raise AudioUploadRejected(f"MongoDB already holds another file under the id of recording {file_id} "
                                      f"(GridFS bucket \u201c{bucket}\u201d); it was left untouched")
    _ensure_indexes(db, bucket)
    digest, n, done, batch, written = hashlib.sha256(), 0, 0, [], []
    # What a cut upload left, by number (numbers only: the bytes are fetched one part at a time).
    held = {c["n"] for c in db.get_collection(f"{bucket}.chunks").find({"files_id": file_id}, {"n": 1, "_id": 0})}
    try:
        with open(path, "rb") as source:
            while data := source.read(CHUNK_BYTES):
                digest.update(data)
                if n in held:
                    held.discard(n)
                    kept = db.get_collection(f"{bucket}.chunks").find_one({"files_id": file_id, "n": n}, {"data": 1})
                    if kept is None or bytes(kept["data"]) != data:
                        raise AudioUploadRejected(f"MongoDB holds other data under the id of recording {file_id} "
                                                  f"(part {n} differs from this computer's file); "
                                                  f"it was left untouched")
                else:  # not there yet: sent
                    batch.append({"files_id": file_id, "n": n, "data": Binary(data)})
                n, done = n + 1, done + len(data)
                on_read(done)
                if len(batch) == BATCH_CHUNKS:
                    _insert_chunks(chunks, batch, file_id)
                    written += [c["n"] for c in batch]
                    batch = []
            if batch:
                _insert_chunks(chunks, batch, file_id)
                written += [c["n"] for c in batch]
    except OSError as exc:
        raise LocalAudioProblem(_unreadable(path, exc)) from None
    if held:  # parts beyond the end of this file: not from an upload of it
        raise AudioUploadRejected(f"MongoDB holds more data under the id of recording {file_id} than its file has; "
                                  f"it was left untouched")
    if expected is not None and (digest.hexdigest(), done) != (expected.sha256, expected.bytes):
        # Changed while it was being sent: what this upload wrote goes again (it is nobody else's).
        chunks.delete_many({"files_id": file_id, "n": {"$in": written}})
        raise LocalAudioProblem(AudioCheck(AudioProblem.CHANGED, f"The recording file {path.name} changed after it "
                                           f"was made: it changed while it was being sent. It is not sent or scored "
                                           f"as if it were the answer."))
    sha = digest.hexdigest()
    # The files document only when the server holds every chunk: a reader never finds a file
    # document whose audio is not all there.
    count = db.get_collection(f"{bucket}.chunks").count_documents({"files_id": file_id})
    if count != n:
        raise AudioFileProblem(f"The upload of recording {file_id} did not arrive whole ({count} of {n} parts); "
                               f"it will be sent again.")
    content_type = "audio/wav" if path.suffix == ".wav" else "application/octet-stream"
    try:
        files.insert_one({"_id": file_id, "length": done, "chunkSize": CHUNK_BYTES,
                          "uploadDate": datetime.now(UTC), "filename": doc.get("filename") or path.name,
                          "metadata": {"sha256": sha, "recording_id": str(file_id),
                                       "session_id": str(doc["session_id"]), "content_type": content_type}})
    except DuplicateKeyError:
        if confirm_whole(db, bucket, file_id, AudioFingerprint(sha, done)) is not None:
            raise AudioUploadRejected(f"Another file appeared in MongoDB under the id of recording {file_id} "
                                      f"while it was being sent; it was left untouched") from None
    return sha


def _unreadable(path: Path, exc: OSError) -> AudioCheck:
    if isinstance(exc, FileNotFoundError):
        return AudioCheck(AudioProblem.MISSING, f"The recording file {path.name} is no longer on this computer.")
    return AudioCheck(AudioProblem.UNREADABLE,
                      f"The recording file {path.name} cannot be read now ({exc.strerror or type(exc).__name__}).")


def _insert_chunks(chunks, batch: list[dict[str, Any]], file_id: ObjectId) -> None:
    """Insert a batch; a duplicate (files_id, n) means another upload of the same recording is
    writing now. Its chunks are not ours to touch: this upload stops and is tried again later."""
    try:
        chunks.insert_many(batch, ordered=True)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", []) + exc.details.get("writeConcernErrors", [])
        codes = sorted({str(e.get("code")) for e in errors})
        if codes == ["11000"]:
            raise AudioFileProblem(f"Another upload of recording {file_id} is under way; this one stops and "
                                   f"is tried again later.") from None
        raise AudioFileProblem(f"MongoDB did not take part of recording {file_id} (error code "
                               f"{', '.join(codes) or 'unknown'}); it will be sent again.") from None


def _collection(db: Database, name: str):
    return db.get_collection(name, write_concern=WriteConcern(w="majority", j=True))


_indexed: set[tuple[int, str, str]] = set()


def _ensure_indexes(db: Database, bucket: str) -> None:
    """The indexes GridFS drivers expect (and create themselves when they write); once per client."""
    key = (id(db.client), db.name, bucket)
    if key not in _indexed:
        db[f"{bucket}.chunks"].create_index([("files_id", 1), ("n", 1)], unique=True)
        db[f"{bucket}.files"].create_index([("filename", 1), ("uploadDate", 1)])
        _indexed.add(key)


def remove(db: Database, bucket: str, file_ids: list[ObjectId]) -> None:
    """Delete files and all their chunks (also chunks an interrupted upload left behind)."""
    _collection(db, f"{bucket}.files").delete_many({"_id": {"$in": file_ids}})
    _collection(db, f"{bucket}.chunks").delete_many({"files_id": {"$in": file_ids}})


def download(db: Database, bucket: str, file_id: ObjectId, dest: Path,
             on_progress: Callable[[int, int], None] = lambda done, total: None) -> Path:
    """Fetch a file into `dest` (written under a temporary name, renamed when whole), checking
    its length and SHA-256 against its `files` document. Raises AudioFileProblem in words."""
    files = db.get_collection(f"{bucket}.files").find_one({"_id": file_id})
    if files is None:
        raise AudioFileProblem(f"The recording {file_id} is not in MongoDB (GridFS bucket \u201c{bucket}\u201d).")
    expected = (files.get("metadata") or {}).get("sha256")
    total, done, n = files["length"], 0, 0
    digest = hashlib.sha256()
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    with open(part, "wb") as out:
        for chunk in db.get_collection(f"{bucket}.chunks").find({"files_id": file_id}).sort("n", 1):
            if chunk["n"] != n:
                break
            out.write(chunk["data"])
            digest.update(chunk["data"])
            done += len(chunk["data"])
            n += 1
            on_progress(done, total)
    if done != total:
        part.unlink(missing_ok=True)
        raise AudioFileProblem(f"The recording in MongoDB is incomplete ({done:,} of {total:,} bytes); "
                               f"it is not played.")
    if expected and digest.hexdigest() != expected:
        part.unlink(missing_ok=True)
        raise AudioFileProblem("The recording in MongoDB does not match what was recorded (its SHA-256 "
                               "differs); it is not played.")
    part.replace(dest)
    return dest
