"""Recordings in MongoDB GridFS: upload (idempotent, resumable by starting over, verified),
download into a cache (verified), delete.

The layout is GridFS's own (`<bucket>.files`, `<bucket>.chunks`), so any driver's GridFSBucket
reads these files. The file id is fixed on the device (it is the recording's id). GridFS writes the chunks first and
the `files` document last, so an upload cut short leaves chunks without a `files` document; a
retry removes whatever exists under that id first and uploads again. The SHA-256 of the audio goes
into the `files` document's metadata; after the upload the server must hold every chunk, and each
download (and `speakcheck sync --verify`) re-hashes the chunks and compares.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from datetime import datetime, timezone
from typing import Any

from bson import Binary, ObjectId
from pymongo.database import Database
from pymongo.write_concern import WriteConcern

CHUNK_BYTES = 255 * 1024  # GridFS's default chunk size
BATCH_CHUNKS = 16  # ~4 MiB a message: memory stays small, and a cut upload loses little
READ_BYTES = 1024 * 1024


class AudioUploadRejected(Exception):
    """An upload that cannot succeed by trying again (the local file is gone or unreadable)."""


class AudioFileProblem(Exception):
    """A file in GridFS that is missing, cut short or not what was uploaded; says which."""


def sha256_of(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while block := f.read(READ_BYTES):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


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


def upload(db: Database, doc: dict[str, Any], on_read: Callable[[int], None] = lambda n: None) -> str:
    """Upload `doc["local_path"]` as GridFS file `doc["_id"]` in `doc["bucket"]`, unless the very
    same file is already there. Returns the SHA-256. Raises AudioUploadRejected when the local
    file is gone; pymongo's errors when MongoDB is away (the caller retries later).

    Written by hand to the GridFS layout (chunks, then the files document) rather than through
    GridFSBucket, which holds up to 48 MiB in memory and sends it in one message at the end: here
    memory stays at one batch, the hash is taken on the way, and progress is real."""
    path, file_id, bucket = Path(doc["local_path"]), doc["_id"], doc["bucket"]
    try:
        size = path.stat().st_size
        source = open(path, "rb")
    except FileNotFoundError:
        raise AudioUploadRejected(f"the audio file {path} is no longer on this computer") from None
    except OSError as exc:
        raise AudioUploadRejected(f"the audio file {path} cannot be read ({exc.strerror or exc})") from None
    with source:
        files = _collection(db, f"{bucket}.files")
        existing = files.find_one({"_id": file_id}, {"length": 1, "metadata": 1})
        if existing and existing.get("length") == size:
            sha = sha256_of(path)[0]
            if (existing.get("metadata") or {}).get("sha256") == sha:
                try:
                    if stored_hash(db, bucket, file_id) == sha:
                        return sha  # a retry after the upload had already completed
                except AudioFileProblem:
                    pass
        if existing or db.get_collection(f"{bucket}.chunks").find_one({"files_id": file_id}, {"_id": 1}):
            remove(db, bucket, [file_id])  # what an interrupted upload left, or an older file under this id
        _ensure_indexes(db, bucket)
        chunks = _collection(db, f"{bucket}.chunks")
        digest, n, done, batch = hashlib.sha256(), 0, 0, []
        while data := source.read(CHUNK_BYTES):
            digest.update(data)
            batch.append({"files_id": file_id, "n": n, "data": Binary(data)})
            n, done = n + 1, done + len(data)
            on_read(done)
            if len(batch) == BATCH_CHUNKS:
                chunks.insert_many(batch, ordered=True)
                batch = []
        if batch:
            chunks.insert_many(batch, ordered=True)
    sha = digest.hexdigest()
    files.insert_one({"_id": file_id, "length": done, "chunkSize": CHUNK_BYTES,
                      "uploadDate": datetime.now(timezone.utc), "filename": doc.get("filename") or path.name,
                      "metadata": {"sha256": sha, "recording_id": str(file_id), "session_id": str(doc["session_id"]),
                                   "content_type": "audio/wav" if path.suffix == ".wav" else "application/octet-stream"}})
    # Checked after the upload without sending it all back: the server must hold every chunk (the
    # hash went in from the bytes sent). `speakcheck sync --verify` and each download re-hash the
    # chunks themselves.
    held = db.get_collection(f"{bucket}.chunks").count_documents({"files_id": file_id})
    if held != n:
        remove(db, bucket, [file_id])
        raise AudioFileProblem(f"The upload of recording {file_id} did not arrive whole ({held} of {n} parts); "
                               f"it will be sent again.")
    return sha


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
