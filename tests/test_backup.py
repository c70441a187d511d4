"""`speakcheck backup FILE` and `speakcheck restore FILE [--force]`, run as a person runs them (a
subprocess, tests/cli_rig.py) on real SQLite stores and real files.

A backup made while another process keeps recording answers (writing `.part` files and renaming
them, as the recorder does) holds a database that passes its integrity check and exactly the
audio files that database names, each with its hash. Restored into an empty data folder on
"another laptop" (another path, the first one gone), the store has the same documents, the same
audio by hash, found where the store itself looks (`local_audio`), adopts none of it as
unsaved, and syncs its GridFS audio. A restore is refused, with nothing on disk changed, for each
damaged archive of a table, for a store holding sessions the backup lacks (accepted with --force,
the old store kept aside), and while a LocalStore is open in another process. A full disk during
a backup leaves no part file and an earlier backup as it was.

`python -m tests.test_backup save|hold DATA_DIR STOP_FILE` runs the child processes."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from speakcheck_desktop.core.records import COLLECTIONS, EventType
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET, OutboxRelay
from speakcheck_desktop.store import store_lock
from speakcheck_desktop.store.audio_files import fingerprint
from speakcheck_desktop.store.backup import back_up
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import decode_document
from speakcheck_desktop.store.recording_audio import (
    audio_fingerprint,
    check_recording_audio,
    local_audio,
    recordings_with_local_audio,
    relocator,
    unattached_recording_files,
)
from speakcheck_desktop.store.retention import prune_audio
from tests.cli_rig import REPO, speakcheck
from tests.factories import complete_session, recorded_answer
from tests.gridfs_checks import assert_one_whole_file
from tests.test_full_disk import small_disk  # noqa: F401  (the fixture: a small tmpfs that can be filled)

NOTHING_CHANGED = "Nothing was changed; make the backup again, or use another copy of it."


def env_for(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    """The CLI's environment for a data folder; no MongoDB is needed (nor reached: port 1)."""
    return {**os.environ, "SPEAKCHECK_DATA_DIR": str(data_dir), "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "cfg"),
            "MONGODB_URI": "mongodb://127.0.0.1:1", "SPEAKCHECK_MONGODB_TIMEOUT_S": "1"}


def open_store(data_dir: Path) -> LocalStore:
    return LocalStore.open(data_dir / "speakcheck.db", data_dir / "recordings")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, each file by its SHA-256: what "nothing on disk
    changed" is checked with."""
    return {p.relative_to(folder).as_posix(): sha(p.read_bytes()) if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


def wav(path: Path, seconds: float, seed: int) -> Path:
    samples = np.random.default_rng(seed).integers(-3000, 3000, int(16000 * seconds), dtype=np.int16)
    sf.write(path, samples, 16000)
    return path


def documents(store: LocalStore) -> dict[str, dict[str, dict]]:
    """Every document of every collection, by id, as stored."""
    return {c: {row[0]: decode_document(row[1]) for row in store.conn.execute(f"SELECT id, doc FROM {c}")}
            for c in COLLECTIONS}


def audio_hashes(store: LocalStore) -> dict[str, str]:
    """Each recording with audio on this computer: the SHA-256 of the file the store finds for it."""
    return {str(r.id): fingerprint(local_audio(store, r)).sha256 for r in recordings_with_local_audio(store)}


def filled_store(data_dir: Path, tmp_path: Path) -> LocalStore:
    """A store as a learner leaves it: a scored answer, two recorded ones (one bound for GridFS),
    one whose audio was pruned, one recorded from a file outside the recordings folder, and a
    test under way."""
    store = open_store(data_dir)
    complete_session(store, "B2", audio=True)
    source = wav(tmp_path / "answer.wav", 2.0, seed=1)
    recorded_answer(store, source, level="B1")
    recorded_answer(store, wav(tmp_path / "gridfs.wav", 1.5, seed=2), level="C1", upload_to=AUDIO_BUCKET)
    session, recording, path = recorded_answer(store, wav(tmp_path / "old.wav", 1.0, seed=3), level="A2")
    store.conn.execute("UPDATE recordings SET created_at_ms = 0 WHERE id = ?", (str(recording.id),))
    assert len(prune_audio(store, older_than=timedelta(days=1)).pruned) == 1
    outside = tmp_path / "teacher's recording.wav"
    wav(outside, 1.0, seed=4)
    other = store.start_session("B1")
    store.add_recording(other.id, str(outside), 1.0, 16000)
    store.start_session("A2")
    return store


# -- backing up while answers are being recorded ------------------------------------------------------


def keep_saving(data_dir: Path, stop: Path) -> None:
    """The child: record answers as the app does (audio to a `.part` file in blocks, fsync,
    rename, then the recording), until `stop` appears."""
    rng = random.Random(7)
    with open_store(data_dir) as store:
        n = 0
        while not stop.exists():
            session = store.start_session("B1")
            final = store.recordings_dir / str(session.id) / f"{n:06d}.wav"
            part = final.with_name(final.name + ".part")
            part.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "wb") as f:
                for _ in range(6):
                    f.write(rng.randbytes(8192))
                    f.flush()
                    time.sleep(0.003)
                os.fsync(f.fileno())
            os.replace(part, final)
            store.add_recording(session.id, str(final), 1.0, 16000)
            store.add_event(session.id, EventType.RESUME)
            store.end_session(session.id)
            n += 1


def hold_open(data_dir: Path, stop: Path) -> None:
    """The child: keep the store open, as the app does, until `stop` appears."""
    with open_store(data_dir) as store:
        store.count("sessions")
        (data_dir / "held").write_text("open", encoding="utf-8")
        while not stop.exists():
            time.sleep(0.05)
    (data_dir / "held").unlink()


def child(job: str, data_dir: Path, stop: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.test_backup", job, str(data_dir), str(stop)], cwd=REPO)


def check_archive(archive: Path, tmp_path: Path) -> tuple[dict, sqlite3.Connection]:
    """Open a backup as an independent reader would: its members are its manifest's, each with
    its size and hash; its database passes its integrity check and holds the manifest's counts,
    and the audio members are exactly the recordings it names, each with the hash taken when it
    was recorded. Returns the manifest and the database."""
    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None
        manifest = json.loads(z.read("manifest.json"))
        members = {m["name"]: m for m in manifest["members"]}
        assert sorted(z.namelist()) == sorted([*members, "manifest.json"])
        for name, m in members.items():
            data = z.read(name)
            assert (len(data), sha(data)) == (m["bytes"], m["sha256"]), name
        database = tmp_path / f"{archive.stem}.db"
        database.write_bytes(z.read("speakcheck.db"))
    conn = sqlite3.connect(database)
    assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    assert {c: conn.execute(f"SELECT COUNT(*) FROM {c}").fetchone()[0] for c in COLLECTIONS} == manifest["counts"]
    named = conn.execute("SELECT audio_bytes, audio_sha256 FROM recordings WHERE pruned_at_ms IS NULL").fetchall()
    assert sorted((m["bytes"], m["sha256"]) for n, m in members.items() if n != "speakcheck.db") == sorted(named)
    assert not [n for n in members if n.endswith(".part")]
    return manifest, conn


def test_a_backup_while_answers_are_being_recorded_holds_each_answer_whole_or_not_at_all(tmp_path):
    data_dir = tmp_path / "laptop"
    with open_store(data_dir) as store:
        complete_session(store, "B1", audio=True)
    stop = tmp_path / "stop"
    writer = child("save", data_dir, stop)
    archives = []
    try:
        with open_store(data_dir) as store:
            deadline = time.monotonic() + 30
            while store.count("recordings") < 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            for n in range(3):
                archive = tmp_path / f"backup-{n}.zip"
                made = speakcheck(env_for(data_dir, tmp_path), "backup", str(archive))
                assert made.returncode == 0, made.stderr
                assert made.stdout.startswith("Backed up ") and made.stderr == ""
                archives.append((archive, store.count("recordings")))
    finally:
        stop.touch()
        assert writer.wait(timeout=30) == 0
    with open_store(data_dir) as store:
        recorded = store.count("recordings")
    counts = []
    for archive, _ in archives:
        manifest, conn = check_archive(archive, tmp_path)
        counts.append(manifest["counts"]["recordings"])
        conn.close()
    assert counts == sorted(counts) and len(set(counts)) == 3 and counts[0] >= 4  # taken while it went on
    assert counts[-1] < recorded

    # The last one restored elsewhere: each recording's audio is found by the store, unchanged.
    other = tmp_path / "new-laptop"
    restored = speakcheck(env_for(other, tmp_path), "restore", str(archives[-1][0]))
    assert restored.returncode == 0, restored.stderr
    with open_store(other) as store:
        assert store.count("recordings") == counts[-1]
        assert all(check_recording_audio(store, r).ok for r in recordings_with_local_audio(store))
        assert store.integrity_check() == ["ok"]


# -- restoring onto another laptop ---------------------------------------------------------------------


def test_a_store_restored_on_another_laptop_has_the_same_documents_and_audio_and_finds_it(tmp_path):
    old = tmp_path / "home" / "ana" / "data"
    with filled_store(old, tmp_path) as store:
        before = documents(store)
        hashes = audio_hashes(store)
        fingerprints = {r: audio_fingerprint(store, r) for batch in store.ids("recordings") for r in batch}
        outbox = store.outbox.counts()
        waiting = [r.id for r in store.pending_transcriptions()]
    assert len(hashes) == 4  # the pruned one has none; the others, one each
    archive = tmp_path / "usb" / "speakcheck-backup.zip"
    archive.parent.mkdir()
    made = speakcheck(env_for(old, tmp_path), "backup", str(archive))
    assert made.returncode == 0, made.stderr
    size = archive.stat().st_size
    assert made.stdout == (f"Backed up 6 sessions and 5 recordings, with 4 audio files, to {archive} "
                           f"({size / 1e6:.1f} MB).\n" if size >= 1e6 else
                           f"Backed up 6 sessions and 5 recordings, with 4 audio files, to {archive} "
                           f"({round(size / 1e3)} KB).\n")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"  # it holds the learner's answers
    assert [p.name for p in archive.parent.iterdir()] == ["speakcheck-backup.zip"]  # no temporary file left
    manifest, conn = check_archive(archive, tmp_path)
    conn.close()
    assert (manifest["format"], manifest["format_version"], manifest["schema_version"]) == ("speakcheck-backup", 1, 5)
    assert manifest["counts"] == {c: len(before[c]) for c in COLLECTIONS}
    shutil.rmtree(tmp_path / "home")  # the old laptop is gone
    os.remove(tmp_path / "teacher's recording.wav")

    new = tmp_path / "Users" / "ana-maria" / "speakcheck"
    restored = speakcheck(env_for(new, tmp_path), "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    created = manifest["created_at"][:16].replace("T", " ")
    assert restored.stdout == (f"Restored 6 sessions and 5 recordings, with 4 audio files, from {archive} (backed up "
                               f"{created} UTC) into {new}.\n")
    with open_store(new) as store:
        assert documents(store) == before  # every document as it was, file_url included (MongoDB has the same)
        assert {r: audio_fingerprint(store, r) for r in fingerprints} == fingerprints
        assert audio_hashes(store) == hashes
        for recording in recordings_with_local_audio(store):
            path = local_audio(store, recording)
            assert path.is_relative_to(new / "recordings") and check_recording_audio(store, recording).ok
        assert unattached_recording_files(store) == []  # nothing restored is taken for an unsaved recording
        assert store.outbox.counts() == outbox  # what waited for MongoDB still does
        assert [r.id for r in store.pending_transcriptions()] == waiting and len(waiting) == 3

        # Backed up and restored once more, on a third computer: the paths still resolve.
        again = tmp_path / "again.zip"
        back_up(store, again)
    third = tmp_path / "third"
    assert speakcheck(env_for(third, tmp_path), "restore", str(again)).returncode == 0
    with open_store(third) as store:
        assert documents(store) == before and audio_hashes(store) == hashes


def test_a_restored_store_syncs_its_audio_to_gridfs_from_its_new_folder(tmp_path, mongo_db, mirror):
    old = tmp_path / "old"
    with open_store(old) as store:
        _, recording, path = recorded_answer(store, wav(tmp_path / "a.wav", 2.0, seed=5), upload_to=AUDIO_BUCKET)
        archive = tmp_path / "b.zip"
        back_up(store, archive)
    shutil.rmtree(old)
    new = tmp_path / "new"
    assert speakcheck(env_for(new, tmp_path), "restore", str(archive)).returncode == 0
    with open_store(new) as store:
        assert OutboxRelay(store, mirror).run_pass().ok
        here = local_audio(store, recording)
        assert here == new / "recordings" / path.relative_to(old / "recordings")
        assert_one_whole_file(mongo_db, recording, here)
        assert store.outbox.counts() == {"pending": 0, "dead": 0}


# -- what a restore refuses ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_archive(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("good")
    with filled_store(tmp / "data", tmp) as store:
        back_up(store, tmp / "good.zip")
    return tmp / "good.zip"


def remade(source: Path, dest: Path, *, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None,
           add: dict[str, bytes] | None = None, manifest=None) -> Path:
    """A copy of a backup with members left out, changed or added (a valid zip archive: its own
    CRCs match), and its manifest changed by `manifest`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(dest, "w") as new:
        for info in old.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, old.read(info))
            if info.filename == "manifest.json" and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            new.writestr(info.filename, data)
        for name, data in (add or {}).items():
            new.writestr(zipfile.ZipInfo(name), data)
    return dest


def audio_member(archive: Path) -> str:
    with zipfile.ZipFile(archive) as z:
        return next(n for n in z.namelist() if n.endswith("answer.wav"))


def flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def with_database(source: Path, dest: Path, database: bytes) -> Path:
    """A backup whose database is `database`, its manifest updated to match (so only the
    database's own checks can find what is wrong with it)."""
    def updated(m):
        m["members"][0].update(bytes=len(database), sha256=sha(database))
        return m
    return remade(source, dest, replace={"speakcheck.db": database}, manifest=updated)


def database_of(archive: Path) -> bytes:
    with zipfile.ZipFile(archive) as z:
        return z.read("speakcheck.db")


def index_pointing_elsewhere(database: bytes, tmp_path: Path) -> bytes:
    """The database with one index's root page swapped for another's: SQLite reads it, and its
    integrity check says what is wrong."""
    path = tmp_path / "damaged.db"
    path.write_bytes(database)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events_session'").fetchone()[0]
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'recordings_session'", (root,))
    conn.commit()
    conn.close()
    return path.read_bytes()


def a_broken_page(database: bytes, tmp_path: Path) -> bytes:
    """The database with the first page of its `events` table overwritten: SQLite cannot read it."""
    path = tmp_path / "probe.db"
    path.write_bytes(database)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    at = (root - 1) * page
    return database[:at] + b"\x00" * 8 + database[at + 8:]


def not_a_store(tmp_path: Path) -> bytes:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def byte_flipped_in_the_archive(source: Path, dest: Path) -> Path:
    """The backup with one byte of an audio file's data changed inside the archive itself, as a
    failing disk or a bad copy would: the zip's own CRC catches it."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as z:
        info = z.getinfo(audio_member(source))
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    at = info.header_offset + 30 + name_length + extra_length + 100
    data[at] ^= 0xFF
    dest.write_bytes(bytes(data))
    return dest


def too_new(m):
    m["format_version"] = 2
    return m


# Each case: how the archive is made from a good one, and what the sentence says is wrong with it.
DAMAGED = {
    "not a zip": (lambda good, out, tmp: (out.write_bytes(b"My notes for the B2 exam\n"), out)[1],
                  "it is not a SpeakCheck backup (not a zip archive)"),
    "truncated": (lambda good, out, tmp: (out.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2]), out)[1],
                  "it is damaged or incomplete (the zip archive is cut short)"),
    "a member's bytes changed": (
        lambda good, out, tmp: remade(good, out, replace={audio_member(good): flipped(
            zipfile.ZipFile(good).read(audio_member(good)), 500)}),
        "{audio} is not what was backed up (its SHA-256 is not the one in its manifest)"),
    "a member cut short": (
        lambda good, out, tmp: remade(good, out, replace={audio_member(good): zipfile.ZipFile(good).read(
            audio_member(good))[:-10]}),
        "{audio} is not what was backed up (it is shorter than its manifest says)"),
    "a byte changed in the archive": (
        lambda good, out, tmp: byte_flipped_in_the_archive(good, out),
        "it is damaged or incomplete ({audio} does not read back as it was written)"),
    "a member missing": (lambda good, out, tmp: remade(good, out, drop=(audio_member(good),)),
                         "{audio}, which its manifest lists, is not in it"),
    "an extra member": (lambda good, out, tmp: remade(good, out, add={"recordings/stray.wav": b"RIFF"}),
                        "it holds recordings/stray.wav, which its manifest does not list"),
    "a path out of the folder": (lambda good, out, tmp: remade(good, out, add={"../../evil.wav": b"RIFF"}),
                                 "it holds a file named '../../evil.wav', which would be written outside the data "
                                 "folder"),
    "an absolute path": (lambda good, out, tmp: remade(good, out, add={"/tmp/evil.wav": b"RIFF"}),
                         "it holds a file named '/tmp/evil.wav', which would be written outside the data folder"),
    "no manifest": (lambda good, out, tmp: remade(good, out, drop=("manifest.json",)),
                    "it has no manifest.json, so it is not a SpeakCheck backup or it was damaged"),
    "a manifest that is not JSON": (
        lambda good, out, tmp: remade(good, out, replace={"manifest.json": b"{\"format\": \"speakcheck-backup\","}),
        "its manifest.json is not a SpeakCheck backup's manifest (it is not JSON)"),
    "another program's manifest": (
        lambda good, out, tmp: remade(good, out, replace={"manifest.json": b"{\"version\": 3, \"files\": []}"}),
        "its manifest.json is not a SpeakCheck backup's manifest (it does not say format 'speakcheck-backup')"),
    "a newer format": (lambda good, out, tmp: remade(good, out, manifest=too_new),
                       "it was made by a newer SpeakCheck Desktop (backup format 2; this version reads 1)"),
    "a damaged database": (
        lambda good, out, tmp: with_database(good, out, index_pointing_elsewhere(database_of(good), tmp)),
        "its database is damaged (it fails SQLite's integrity check)"),
    "an unreadable database": (
        lambda good, out, tmp: with_database(good, out, a_broken_page(database_of(good), tmp)),
        "its database is damaged (SQLite cannot read it)"),
    "not a store's database": (lambda good, out, tmp: with_database(good, out, not_a_store(tmp)),
                               "its database is not a SpeakCheck store"),
}


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_archive_is_named_refused_and_nothing_on_disk_changes(case, good_archive, tmp_path):
    make, reason = DAMAGED[case]
    archive = make(good_archive, tmp_path / "backup.zip", tmp_path)
    data_dir = tmp_path / "data"
    with open_store(data_dir) as store:
        complete_session(store, "B1", audio=True)
    before = tree(tmp_path)
    env = env_for(data_dir, tmp_path)
    refused = speakcheck(env, "restore", str(archive))
    reason = reason.format(audio=audio_member(good_archive))
    advice = ("Nothing was changed; install the newer SpeakCheck Desktop to restore it." if case == "a newer format"
              else NOTHING_CHANGED)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == f"speakcheck: {archive} cannot be restored: {reason}. {advice}\n"
    assert tree(tmp_path) == before  # the data folder (no staging left), and nothing written beside it
    # Onto a computer with no store yet: no data folder is left behind either.
    empty = tmp_path / "empty" / "data"
    again = speakcheck(env_for(empty, tmp_path), "restore", str(archive))
    assert (again.returncode, again.stderr) == (1, refused.stderr)
    assert tree(tmp_path) == before


def test_a_restore_is_refused_for_a_missing_file_and_a_folder(tmp_path):
    data_dir = tmp_path / "data"
    missing = tmp_path / "nowhere.zip"
    refused = speakcheck(env_for(data_dir, tmp_path), "restore", str(missing))
    assert refused.returncode == 1
    assert refused.stderr == (f"speakcheck: {missing} cannot be restored: it cannot be read (No such file or "
                              f"directory). Nothing was changed; check the file's name, or make the backup again.\n")
    refused = speakcheck(env_for(data_dir, tmp_path), "restore", str(tmp_path))
    assert "it cannot be read (Is a directory)" in refused.stderr
    assert [p.name for p in tmp_path.iterdir()] == []  # not even a data folder


def test_a_store_with_newer_sessions_is_kept_unless_forced_and_then_kept_aside(tmp_path):
    data_dir = tmp_path / "data"
    env = env_for(data_dir, tmp_path)
    archive = tmp_path / "friday.zip"
    with open_store(data_dir) as store:
        first, *_ = complete_session(store, "B1", audio=True)
        complete_session(store, "B2")
        assert speakcheck(env, "backup", str(archive)).returncode == 0
        later, *_ = complete_session(store, "C1", audio=True)  # after the backup
        store.add_event(first.id, EventType.RESUME)
        kept_documents = documents(store)
    before = tree(tmp_path)

    refused = speakcheck(env, "restore", str(archive))
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"speakcheck: The store in {data_dir} holds what the backup {archive} does not: 1 session would be lost and "
        f"1 session has answers or events newer than the backup's (9 documents in all). Nothing was restored; to "
        f"replace it anyway, run the restore again with --force (the store there now is kept in a before-restore-... "
        f"folder first).\n")
    assert tree(tmp_path) == before

    forced = speakcheck(env, "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    [kept] = data_dir.glob("before-restore-*")
    assert re.fullmatch(r"before-restore-\d{8}T\d{6}Z", kept.name)
    assert forced.stdout.endswith(f" into {data_dir}. The store that was there is kept in {kept}.\n")
    with open_store(data_dir) as store:
        assert store.count("sessions") == 2 and store.get_session(later.id) is None
    # The copy kept aside is the store as it was, with its audio, byte for byte ...
    assert sorted(p.name for p in kept.iterdir()) == ["recordings", "speakcheck.db"]
    assert {k: v for k, v in tree(tmp_path).items() if k.startswith(f"data/{kept.name}/")} == {
        f"data/{kept.name}/{k[len('data/'):]}": v for k, v in before.items()
        if k.startswith(("data/speakcheck.db", "data/recordings"))}
    # ... so a mistaken --force is undone by moving it back.
    shutil.rmtree(data_dir / "recordings")
    (data_dir / "speakcheck.db").unlink()
    for item in kept.iterdir():
        item.rename(data_dir / item.name)
    with open_store(data_dir) as store:
        assert documents(store) == kept_documents
        with_audio = [r for r in recordings_with_local_audio(store) if local_audio(store, r).exists()]
        assert len(with_audio) == 2 and all(check_recording_audio(store, r).ok for r in with_audio)


def backed_up(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A data folder with one scored answer, backed up to tmp_path/b.zip; its CLI environment."""
    data_dir = tmp_path / "data"
    with open_store(data_dir) as store:
        complete_session(store, "B1", audio=True)
        back_up(store, tmp_path / "b.zip")
    return data_dir, env_for(data_dir, tmp_path)


def test_a_damaged_store_is_replaced_only_when_forced_and_kept_aside(tmp_path):
    """The case a backup is for: the store here is damaged (SpeakCheck refuses to open it)."""
    data_dir, env = backed_up(tmp_path)
    database = data_dir / "speakcheck.db"
    database.write_bytes(database.read_bytes()[:4096] + b"\xff" * (database.stat().st_size - 4096))
    before = tree(tmp_path)
    refused = speakcheck(env, "restore", str(tmp_path / "b.zip"))
    assert (refused.returncode, refused.stderr) == (1, (
        f"speakcheck: The store in {data_dir} is damaged, so what it holds cannot be compared with the backup. "
        f"Nothing was restored; to replace it with {tmp_path / 'b.zip'}, run the restore again with --force (the "
        f"damaged store is kept in a before-restore-... folder first).\n"))
    assert tree(tmp_path) == before
    forced = speakcheck(env, "restore", "--force", str(tmp_path / "b.zip"))
    assert forced.returncode == 0, forced.stderr
    [kept] = data_dir.glob("before-restore-*")
    assert sha((kept / "speakcheck.db").read_bytes()) == before["data/speakcheck.db"]  # kept as it was found
    with open_store(data_dir) as store:
        assert store.count("sessions") == 1 and store.integrity_check() == ["ok"]


def test_paths_written_on_another_system_are_found_in_this_recordings_folder(tmp_path):
    here = tmp_path / "recordings"
    windows = "C:\\Users\\Ana\\AppData\\Local\\speakcheck-desktop\\recordings"
    now = relocator(here, [(windows, "."), ("/home/ana/.local/share/speakcheck-desktop/recordings", "."),
                           ("/home/ana/Music/answer.wav", "_outside/0123/answer.wav")])
    assert now(windows + "\\0123\\a.wav") == now(windows.lower() + "\\0123\\a.wav") == here / "0123" / "a.wav"
    assert now("/home/ana/.local/share/speakcheck-desktop/recordings/0123/b.wav") == here / "0123" / "b.wav"
    assert now("/home/ana/Music/answer.wav") == here / "_outside" / "0123" / "answer.wav"
    assert now("/home/ana/Music/other.wav") == Path("/home/ana/Music/other.wav")  # not one the backup moved
    assert now(str(here / "0456" / "c.wav")) == here / "0456" / "c.wav"  # recorded here after the restore


def test_a_restore_is_refused_while_the_store_is_open_in_another_process(tmp_path):
    data_dir, env = backed_up(tmp_path)
    stop = tmp_path / "stop"
    holder = child("hold", data_dir, stop)
    try:
        deadline = time.monotonic() + 20
        while not (data_dir / "held").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        before = tree(tmp_path)
        refused = speakcheck(env, "restore", str(tmp_path / "b.zip"))
        assert (refused.returncode, refused.stdout) == (1, "")
        assert refused.stderr == (f"speakcheck: The store in {data_dir} is open (in SpeakCheck, a sync or another "
                                  f"speakcheck command): close SpeakCheck, let any sync finish, and try again. "
                                  f"Nothing was restored.\n")
        assert tree(tmp_path) == before
    finally:
        stop.touch()
        assert holder.wait(timeout=20) == 0
    done = speakcheck(env, "restore", str(tmp_path / "b.zip"))
    assert done.returncode == 0, done.stderr


def test_the_app_opening_its_store_during_a_restore_waits_and_then_says_so(tmp_path, monkeypatch):
    """While a restore replaces the store (it holds the lock for the renames), opening it waits;
    a restore that takes longer than the wait is said in a sentence."""
    data_dir = tmp_path / "data"
    open_store(data_dir).close()
    monkeypatch.setattr(store_lock, "OPEN_WAIT_S", 0.3)
    restoring = store_lock.StoreLock.exclusive(data_dir)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as busy:
            open_store(data_dir)
        assert time.monotonic() - started >= 0.3
        assert str(busy.value) == (f"A restore is replacing the local store in {data_dir}: wait until `speakcheck "
                                   f"restore` has finished, then start again.")
        with pytest.raises(store_lock.StoreInUse):
            store_lock.StoreLock.exclusive(data_dir)  # one restore at a time
    finally:
        restoring.release()
    with open_store(data_dir) as store:
        assert store.count("sessions") == 0
        with pytest.raises(store_lock.StoreInUse):  # and a store open in this same process counts too
            store_lock.StoreLock.exclusive(data_dir)


@pytest.mark.parametrize("leave", [0, 300 * 1024], ids=["no room for the database copy", "no room for the audio"])
def test_a_full_disk_during_a_backup_leaves_no_part_file_and_the_earlier_backup_as_it_was(
        leave, small_disk, tmp_path):  # noqa: F811 (the fixture)
    data_dir = tmp_path / "data"
    env = env_for(data_dir, tmp_path)
    target = small_disk.mount_point / "backup.zip"
    with open_store(data_dir) as store:
        complete_session(store, "B1", audio=True)
        assert speakcheck(env, "backup", str(target)).returncode == 0
        earlier = target.read_bytes()
        recorded_answer(store, wav(tmp_path / "long.wav", 30.0, seed=6))  # about 1 MB: more than is left
    small_disk.fill(leave=leave)
    failed = speakcheck(env, "backup", str(target))
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr == (f"speakcheck: The disk holding {small_disk.mount_point} is full: free some space; "
                             f"nothing already saved was lost. The backup was not saved.\n")
    assert sorted(p.name for p in small_disk.mount_point.iterdir()) == ["backup.zip", "data", "filler"]
    assert target.read_bytes() == earlier
    small_disk.free_up()
    assert speakcheck(env, "backup", str(target)).returncode == 0
    assert target.read_bytes() != earlier


def test_a_backup_without_a_store_or_into_a_folder_says_so_and_writes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    nothing = speakcheck(env_for(data_dir, tmp_path), "backup", str(tmp_path / "b.zip"))
    assert (nothing.returncode, nothing.stderr) == (1, (
        f"speakcheck: There is no local store in {data_dir} to back up (SpeakCheck has not been used here, or "
        f"SPEAKCHECK_DATA_DIR points elsewhere). Nothing was saved.\n"))
    assert [p.name for p in tmp_path.iterdir()] == []
    with open_store(data_dir) as store:
        complete_session(store)
    folder = speakcheck(env_for(data_dir, tmp_path), "backup", str(tmp_path))
    assert folder.stderr == (f"speakcheck: {tmp_path} is a folder: give the name of the archive to write in it, like "
                             f"{tmp_path / 'speakcheck-backup.zip'}. Nothing was saved.\n")
    missing = tmp_path / "no-such-folder" / "b.zip"
    nowhere = speakcheck(env_for(data_dir, tmp_path), "backup", str(missing))
    assert nowhere.stderr == (f"speakcheck: The backup cannot be saved in {missing.parent} (No such file or "
                              f"directory): choose another folder. Nothing was saved.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


if __name__ == "__main__":
    {"save": keep_saving, "hold": hold_open}[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))
