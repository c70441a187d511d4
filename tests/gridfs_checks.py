"""Recordings queued for GridFS and the checks on what arrived there: `recorded` makes a session
with one recording of random bytes queued for upload, `sha` is a file's SHA-256,
`assert_one_whole_file` checks MongoDB holds exactly one complete, matching copy of it, and
`orphan_chunks` counts chunks no file names (left by an interrupted upload)."""

import hashlib
import math
import random
from pathlib import Path

from speakcheck_desktop.remote import gridfs_audio
from speakcheck_desktop.remote.gridfs_audio import CHUNK_BYTES
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET
from speakcheck_desktop.store.local_store import LocalStore


def recorded(store: LocalStore, size: int, seed: int = 1, level: str = "B1"):
    """A session with one recording of `size` bytes of (random) audio, queued for GridFS."""
    session = store.start_session(level)
    path = store.recordings_dir / str(session.id) / "answer.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(seed).randbytes(size))
    recording = store.add_recording(session.id, str(path), 600.0, 16000, upload_to=AUDIO_BUCKET)
    return session, recording, path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_whole_file(db, recording, path):
    files = list(db[f"{AUDIO_BUCKET}.files"].find({"_id": recording.id}))
    assert len(files) == 1
    assert files[0]["length"] == path.stat().st_size and files[0]["metadata"]["sha256"] == sha(path)
    assert files[0]["metadata"]["recording_id"] == str(recording.id)
    assert db[f"{AUDIO_BUCKET}.chunks"].count_documents({"files_id": recording.id}) == \
        math.ceil(path.stat().st_size / CHUNK_BYTES)
    assert gridfs_audio.stored_hash(db, AUDIO_BUCKET, recording.id) == sha(path)


def orphan_chunks(db) -> int:
    ids = {f["_id"] for f in db[f"{AUDIO_BUCKET}.files"].find({}, {"_id": 1})}
    return sum(1 for c in db[f"{AUDIO_BUCKET}.chunks"].find({}, {"files_id": 1}) if c["files_id"] not in ids)
