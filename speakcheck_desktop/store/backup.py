"""Backup and restore of the local store, in one zip archive: how a learner moves to a new laptop
without MongoDB.

The archive holds `speakcheck.db`, a consistent copy of the database made with SQLite's online
backup while the app and a sync may go on writing; `recordings/...`, every audio file that copy
names, under its path in the recordings folder (audio the store named outside that folder goes
under `recordings/_outside/<recording id>/`); and `manifest.json`: the format and its version, the
app version, when the copy was made, the schema version, the recordings folder it came from, the
documents per collection, and each member's size and SHA-256.

A recording being made when the backup runs cannot make a broken archive: the recorder writes a
`.part` file and renames it when complete, and only then is the recording written to the
database; the archive holds the audio files the database copy names, so a recording is either
in the copy and its file complete, or in neither. (A finished file the store does not name yet,
because its save is under way or failed, is left out and counted: the app adopts it at its next
start, and a later backup has it.)

`restore` changes nothing until everything was checked: the archive opens, its manifest reads,
every member is listed, none is extra or named to escape the data folder, each has its size and
SHA-256, and the database passes `PRAGMA integrity_check` with a schema this version knows or
migrates. Then, holding the store lock exclusively (store/store_lock.py: nobody has the store open),
it refuses to replace a store holding what the backup lacks, unless forced, moves the store that
is there into `before-restore-<time>/` in the data folder, and renames the checked copy into place.

Paths: the restored documents keep the `file_url` they were recorded with (MongoDB holds the same
documents, the audit chain their hashes); the store keeps where those folders are now
(store/recording_audio.py `RELOCATIONS_KEY`), and the `audio` table's local paths, this computer's
own bookkeeping, are rewritten. The archive and its temporary file are readable by this user only:
they hold candidates' answers.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import IO, Any

from speakcheck_desktop import __version__
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import COLLECTIONS, Recording
from speakcheck_desktop.store.audio_files import READ_BYTES
from speakcheck_desktop.store.database import StoreFullError, full_disk_error, full_disk_sentence, transaction
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.migrations import MIGRATIONS
from speakcheck_desktop.store.outbox import AUDIO, decode_document, encode_document
from speakcheck_desktop.store.recording_audio import (
    RELOCATIONS_KEY,
    local_audio,
    read_relocations,
    relocator,
    unattached_recording_files,
    write_relocations,
)
from speakcheck_desktop.store.store_lock import LOCK_NAME, StoreInUse, StoreLock

log = logging.getLogger(__name__)

FORMAT = "speakcheck-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "speakcheck.db"
RECORDINGS = "recordings"
OUTSIDE = "_outside"  # under RECORDINGS: audio the store named outside its recordings folder
KEPT_PREFIX = "before-restore-"

# A manifest lists names and hashes; anything near this size is not one of ours.
_MANIFEST_MAX_BYTES = 64 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PLAIN_NAME = re.compile(r"[^A-Za-z0-9._-]")


class BackupError(UserFacingError):
    """A backup or restore that could not be done; the message says what happened and what to do."""


class ArchiveProblem(StrEnum):
    """Why an archive is not restored. Nothing on disk was changed for any of them."""
    UNREADABLE = "unreadable"  # the file cannot be opened (missing, a folder, no permission)
    NOT_A_ZIP = "not_a_zip"
    DAMAGED = "damaged"  # a zip, but cut short or with bytes that fail its own checks
    NO_MANIFEST = "no_manifest"
    BAD_MANIFEST = "bad_manifest"  # not JSON, or not a SpeakCheck backup's manifest
    TOO_NEW = "too_new"  # a newer backup format or database schema than this version knows
    UNSAFE_NAME = "unsafe_name"  # a member that would be written outside the data folder
    MISSING_MEMBER = "missing_member"
    EXTRA_MEMBER = "extra_member"
    MISMATCH = "mismatch"  # a member's size or SHA-256 is not the manifest's
    BAD_DATABASE = "bad_database"  # the database fails its integrity check or is not a store


class ArchiveRefused(BackupError):
    def __init__(self, problem: ArchiveProblem, message: str):
        super().__init__(message)
        self.problem = problem


# -- backup -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupReport:
    archive: Path
    sessions: int
    recordings: int
    audio_files: int
    bytes: int
    audio_absent: int  # recordings whose audio should be on this computer and is not: nothing to copy
    not_in_store: int  # finished recording files the store does not name (yet): left out

    def summary(self) -> str:
        line = (f"Backed up {_plural(self.sessions, 'session')} and {_plural(self.recordings, 'recording')}, with "
                f"{_plural(self.audio_files, 'audio file')}, to {self.archive} ({_size(self.bytes)}).")
        if self.audio_absent:
            line += (f" The audio of {_plural(self.audio_absent, 'recording')} was not on this computer, so it is not "
                     f"in the backup.")
        if self.not_in_store:
            line += (f" {_plural(self.not_in_store, 'recording file')} not yet in the store (being saved, or to be "
                     f"recovered when SpeakCheck next starts) {'was' if self.not_in_store == 1 else 'were'} left out: "
                     f"back up again after SpeakCheck has started once.")
        return line


@dataclass(frozen=True)
class _Audio:
    member: str  # its name in the archive
    path: Path  # where it is on this computer
    stored_as: str | None  # audio outside the recordings folder: the path the store names it by


def back_up(store: LocalStore, target: Path) -> BackupReport:
    """Write the backup archive of `store` to `target`: to a temporary file beside it, renamed
    over it when complete, so a failure (a full disk) leaves no part file and an earlier backup
    as it was. The store may be in use meanwhile (the app, a sync)."""
    folder = target.parent
    temps: list[Path] = []
    try:
        zip_handle, zip_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".part", dir=folder)
        os.close(zip_handle)
        temps.append(Path(zip_name))
        db_handle, db_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".db.part", dir=folder)
        os.close(db_handle)
        temps.append(Path(db_name))
        created_at = datetime.now(UTC)
        snapshot = _snapshot(store, Path(db_name), folder)
        try:
            counts = {c: snapshot.count(c) for c in COLLECTIONS}
            schema = snapshot.conn.execute("PRAGMA user_version").fetchone()[0]
            audio, absent = _audio_of(snapshot)
            not_in_store = len(unattached_recording_files(snapshot))
        finally:
            snapshot.close()
        head = {"format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                "created_at": created_at.isoformat(), "schema_version": schema,
                "recordings_dir": str(store.recordings_dir), "counts": counts}
        with open(zip_name, "wb") as raw:
            files, gone = _write_archive(raw, Path(db_name), audio, head, created_at)
            raw.flush()
            os.fsync(raw.fileno())  # on the disk before it takes the target's name
        os.replace(zip_name, target)
        _fsync_dir(folder)
        size = target.stat().st_size
    except OSError as exc:
        if _disk_full(exc):
            raise StoreFullError(f"{full_disk_sentence(folder)} The backup was not saved.") from None
        if not folder.is_dir():
            raise BackupError(f"The backup cannot be saved in {folder} ({exc.strerror or exc}): choose another "
                              f"folder. Nothing was saved.") from None
        raise BackupError(f"The backup cannot be saved as {target} ({exc.strerror or exc}): choose another name or "
                          f"folder. Nothing was saved.") from None
    finally:
        for temp in temps:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):  # SQLite's, should it have stopped
                leftover.unlink(missing_ok=True)
    return BackupReport(target, counts["sessions"], counts["recordings"], files, size, absent + gone, not_in_store)


def _snapshot(store: LocalStore, path: Path, folder: Path) -> LocalStore:
    """The store as of one moment, copied to `path` (SQLite's online backup, in one step: in WAL
    mode the app's writes go on meanwhile and are simply not in it), as a LocalStore to read it
    with the store's own functions."""
    dest = sqlite3.connect(path, isolation_level=None)
    try:
        store.conn.backup(dest)
        rows = [r[0] for r in dest.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            log.info("The copy of %s fails its integrity check: %s", store.path, rows[:3])
            raise BackupError(f"The local database {store.path} is damaged: it cannot be backed up. Nothing was "
                              f"saved; `speakcheck doctor` says more.")
        dest.execute("PRAGMA journal_mode=DELETE")  # the archived file stands alone, with no -wal beside it
    except sqlite3.Error as exc:
        full = full_disk_error(dest, exc)
        dest.close()
        if full is not None:
            raise StoreFullError(f"{full_disk_sentence(folder)} The backup was not saved.") from None
        raise BackupError(f"The local database {store.path} could not be copied ({exc}). Nothing was saved; try "
                          f"again.") from None
    except BaseException:
        dest.close()
        raise
    return LocalStore(dest, path, store.recordings_dir, store.clock)


def _audio_of(snapshot: LocalStore) -> tuple[list[_Audio], int]:
    """The audio files the copy names that are on this computer (found as the store finds
    them), and how many it names that are not. Pruned audio is named by none; audio kept only in
    GridFS is MongoDB's."""
    here = snapshot.recordings_dir
    found: dict[str, _Audio] = {}
    absent = 0
    for (doc,) in snapshot.conn.execute("SELECT doc FROM recordings WHERE pruned_at_ms IS NULL "
                                        "ORDER BY created_at_ms, id").fetchall():
        recording = Recording.from_document(decode_document(doc))
        where = local_audio(snapshot, recording)
        if where is None:
            continue
        if not where.is_file():
            absent += 1
            continue
        path = Path(os.path.normpath(where))
        member = f"{RECORDINGS}/{path.relative_to(here).as_posix()}" if path.is_relative_to(here) else None
        if member is None or not _allowed(member):
            member = f"{RECORDINGS}/{OUTSIDE}/{recording.id}/{_PLAIN_NAME.sub('_', path.name)}"
            found.setdefault(member, _Audio(member, path, str(where)))
        else:
            found.setdefault(member, _Audio(member, path, None))
    return list(found.values()), absent


def _write_archive(raw: IO[bytes], database: Path, audio: list[_Audio], head: dict[str, Any],
                   created_at: datetime) -> tuple[int, int]:
    """The zip archive: the database, the audio, then the manifest listing them. Returns the
    audio files written and those that went meanwhile (pruned or deleted since the copy)."""
    stamp = created_at.timetuple()[:6]
    members: list[dict[str, Any]] = []
    gone = 0
    with zipfile.ZipFile(raw, "w", allowZip64=True) as archive:
        members.append(_add(archive, DATABASE, database, zipfile.ZIP_DEFLATED, stamp))
        for item in audio:
            try:
                entry = _add(archive, item.member, item.path, zipfile.ZIP_STORED, stamp)  # audio hardly compresses
            except FileNotFoundError:
                gone += 1
                continue
            members.append({**entry, "stored_as": item.stored_as} if item.stored_as else entry)
        info = zipfile.ZipInfo(MANIFEST, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps({**head, "members": members}, indent=2, ensure_ascii=False))
    return len(members) - 1, gone


def _add(archive: zipfile.ZipFile, name: str, source: Path, compress: int,
         stamp: tuple[int, int, int, int, int, int]) -> dict[str, Any]:
    """Copy one file into the archive, hashing what is written. The file is opened first, so
    one that is gone adds nothing."""
    with open(source, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = compress
        info.file_size = size
        digest, written = hashlib.sha256(), 0
        with archive.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as out:
            while block := f.read(READ_BYTES):
                digest.update(block)
                out.write(block)
                written += len(block)
    return {"name": name, "bytes": written, "sha256": digest.hexdigest()}


# -- restore ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    archive: Path
    data_dir: Path
    created_at: datetime
    sessions: int
    recordings: int
    audio_files: int
    kept: Path | None  # where the store that was there went

    def summary(self) -> str:
        line = (f"Restored {_plural(self.sessions, 'session')} and {_plural(self.recordings, 'recording')}, with "
                f"{_plural(self.audio_files, 'audio file')}, from {self.archive} (backed up "
                f"{self.created_at:%Y-%m-%d %H:%M} UTC) into {self.data_dir}.")
        if self.kept is not None:
            line += f" The store that was there is kept in {self.kept}."
        return line


@dataclass(frozen=True)
class _Member:
    name: str
    bytes: int
    sha256: str
    stored_as: str | None


@dataclass(frozen=True)
class _Manifest:
    created_at: datetime
    schema_version: int
    recordings_dir: str
    counts: dict[str, int]
    members: list[_Member]


def restore(archive: Path, database: Path, recordings_dir: Path, *, force: bool = False) -> RestoreReport:
    """Replace the store at `database` (and its `recordings_dir`) with the backup in `archive`,
    after checking all of it; the store there is kept in a `before-restore-<time>` folder. With
    `force`, a store holding what the backup lacks (or a damaged one) is replaced too."""
    data_dir = database.parent
    refuse = _refuser(archive)
    try:
        opened = zipfile.ZipFile(archive)
    except zipfile.BadZipFile:
        raise refuse(ArchiveProblem.DAMAGED if _starts_like_a_zip(archive) else ArchiveProblem.NOT_A_ZIP) from None
    except OSError as exc:
        raise refuse(ArchiveProblem.UNREADABLE, exc.strerror or type(exc).__name__) from None
    made = _first_missing(data_dir)  # what a refused restore removes again
    staging: Path | None = None
    restored = False
    try:
        with opened:
            manifest = _read_manifest(opened, refuse)
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
                # Inside the data folder: on its disk, so that putting the copy in place is a rename.
                staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
                _extract(opened, manifest, staging, refuse)
            except OSError as exc:
                if _disk_full(exc):
                    raise StoreFullError(f"{full_disk_sentence(data_dir)} Nothing was restored.") from None
                raise BackupError(f"The backup cannot be unpacked into {data_dir} ({exc.strerror or exc}): check "
                                  f"that the data folder may be written to. Nothing was restored.") from None
        _check_database(staging / DATABASE, manifest, refuse)
        _relocate(staging / DATABASE, recordings_dir, manifest)
        try:
            lock = StoreLock.exclusive(data_dir)
        except StoreInUse:
            raise BackupError(_in_use(data_dir)) from None
        try:
            if not force:
                _refuse_newer(database, staging / DATABASE, archive, data_dir)
            kept = _swap_in(staging, database, recordings_dir)
            restored = True
        finally:
            lock.release()
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if made is not None and not restored:
            _remove_made(data_dir, made)
    return RestoreReport(archive, data_dir, manifest.created_at, manifest.counts["sessions"],
                         manifest.counts["recordings"], len(manifest.members) - 1, kept)


def _refuser(archive: Path) -> Callable[..., ArchiveRefused]:
    """The refusal of `archive` for a problem, with what is wrong in words."""
    def refuse(problem: ArchiveProblem, detail: str = "") -> ArchiveRefused:
        reason = {
            ArchiveProblem.UNREADABLE: f"it cannot be read ({detail})",
            ArchiveProblem.NOT_A_ZIP: "it is not a SpeakCheck backup (not a zip archive)",
            ArchiveProblem.DAMAGED: f"it is damaged or incomplete ({detail or 'the zip archive is cut short'})",
            ArchiveProblem.NO_MANIFEST: f"it has no {MANIFEST}, so it is not a SpeakCheck backup or it was damaged",
            ArchiveProblem.BAD_MANIFEST: f"its {MANIFEST} is not a SpeakCheck backup's manifest ({detail})",
            ArchiveProblem.TOO_NEW: f"it was made by a newer SpeakCheck Desktop ({detail})",
            ArchiveProblem.UNSAFE_NAME: f"it holds a file named {detail!r}, which would be written outside the data "
                                        f"folder",
            ArchiveProblem.MISSING_MEMBER: f"{detail}, which its manifest lists, is not in it",
            ArchiveProblem.EXTRA_MEMBER: f"it holds {detail}, which its manifest does not list",
            ArchiveProblem.MISMATCH: detail,
            ArchiveProblem.BAD_DATABASE: f"its database {detail}",
        }[problem]
        advice = ("install the newer SpeakCheck Desktop to restore it" if problem is ArchiveProblem.TOO_NEW
                  else "check the file's name, or make the backup again" if problem is ArchiveProblem.UNREADABLE
                  else "make the backup again, or use another copy of it")
        return ArchiveRefused(problem, f"{archive} cannot be restored: {reason}. Nothing was changed; {advice}.")
    return refuse


def _starts_like_a_zip(archive: Path) -> bool:
    try:
        with open(archive, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_manifest(archive: zipfile.ZipFile, refuse: Callable[..., ArchiveRefused]) -> _Manifest:
    """The manifest, checked against the archive's names: each safe, none twice, none missing,
    none extra."""
    names = [info.filename for info in archive.infolist()]
    for name in names:
        if _escapes(name):
            raise refuse(ArchiveProblem.UNSAFE_NAME, name)
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise refuse(ArchiveProblem.DAMAGED, f"it holds {twice} twice")
    if MANIFEST not in names:
        raise refuse(ArchiveProblem.NO_MANIFEST)
    info = archive.getinfo(MANIFEST)
    if info.file_size > _MANIFEST_MAX_BYTES:
        raise refuse(ArchiveProblem.BAD_MANIFEST, "it is far too large")
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        log.info("%s cannot be read back: %s", MANIFEST, exc)
        raise refuse(ArchiveProblem.DAMAGED, f"{MANIFEST} does not read back as it was written") from None
    except (ValueError, UnicodeDecodeError):
        raise refuse(ArchiveProblem.BAD_MANIFEST, "it is not JSON") from None
    manifest = _parse_manifest(data, refuse)
    listed = [m.name for m in manifest.members]
    in_archive = set(names) - {MANIFEST}
    missing = sorted(set(listed) - in_archive)
    if missing:
        raise refuse(ArchiveProblem.MISSING_MEMBER, missing[0])
    extra = sorted(in_archive - set(listed))
    if extra:
        raise refuse(ArchiveProblem.EXTRA_MEMBER, extra[0])
    return manifest


def _parse_manifest(data: Any, refuse: Callable[..., ArchiveRefused]) -> _Manifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse(ArchiveProblem.BAD_MANIFEST, f"it does not say format {FORMAT!r}")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(ArchiveProblem.BAD_MANIFEST, "no format version")
    if version > FORMAT_VERSION:
        raise refuse(ArchiveProblem.TOO_NEW, f"backup format {version}; this version reads {FORMAT_VERSION}")
    try:
        created_at = datetime.fromisoformat(data["created_at"])
        if created_at.tzinfo is None:
            raise ValueError("no time zone")
        counts = {c: int(data["counts"][c]) for c in COLLECTIONS}
        members = [_Member(m["name"], m["bytes"], m["sha256"], m.get("stored_as")) for m in data["members"]]
        manifest = _Manifest(created_at, int(data["schema_version"]), str(data["recordings_dir"]), counts, members)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise refuse(ArchiveProblem.BAD_MANIFEST, "a field is missing or not what it should be") from None
    names = [m.name for m in members]
    for m in members:
        if _escapes(m.name):
            raise refuse(ArchiveProblem.UNSAFE_NAME, m.name)
        if not (_allowed(m.name) and isinstance(m.bytes, int) and not isinstance(m.bytes, bool) and m.bytes >= 0
                and isinstance(m.sha256, str) and _SHA256.match(m.sha256)
                and (m.stored_as is None or isinstance(m.stored_as, str))):
            raise refuse(ArchiveProblem.BAD_MANIFEST, f"its entry for {m.name} is not what it should be")
    if len(set(names)) != len(names) or DATABASE not in names:
        raise refuse(ArchiveProblem.BAD_MANIFEST, "it does not list the database once")
    return manifest


def _escapes(name: str) -> bool:
    """Would a member of this name be written anywhere but under the folder it is unpacked in?"""
    parts = name.split("/")
    return (not name or name.startswith("/") or "\\" in name or ":" in name or "\0" in name
            or any(part in ("", ".", "..") for part in parts))


def _allowed(name: str) -> bool:
    """A name a backup's member may have: the database, or a file in the recordings folder."""
    parts = name.split("/")
    return not _escapes(name) and (name == DATABASE or (parts[0] == RECORDINGS and len(parts) >= 2))


def _extract(archive: zipfile.ZipFile, manifest: _Manifest, staging: Path,
             refuse: Callable[..., ArchiveRefused]) -> None:
    """Unpack every member into `staging`, checking its size and SHA-256 as it is read."""
    for member in manifest.members:
        dest = staging.joinpath(*PurePosixPath(member.name).parts)
        dest.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        try:
            with archive.open(member.name) as src, open(dest, "xb") as out:
                while block := src.read(READ_BYTES):
                    size += len(block)
                    if size > member.bytes:
                        break  # longer than it was: no need to read the rest
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            log.info("%s cannot be read back: %s", member.name, exc)
            raise refuse(ArchiveProblem.DAMAGED, f"{member.name} does not read back as it was written") from None
        if size != member.bytes:
            raise refuse(ArchiveProblem.MISMATCH, f"{member.name} is not what was backed up (it is "
                                                  f"{'longer' if size > member.bytes else 'shorter'} than its manifest "
                                                  f"says)")
        if digest.hexdigest() != member.sha256:
            raise refuse(ArchiveProblem.MISMATCH, f"{member.name} is not what was backed up (its SHA-256 is not the "
                                                  f"one in its manifest)")
    _fsync_dir(staging)


def _check_database(path: Path, manifest: _Manifest, refuse: Callable[..., ArchiveRefused]) -> None:
    """The unpacked database: whole, a store's, of a schema this version knows (or migrates when
    it next opens it), and holding what the manifest says."""
    latest = MIGRATIONS[-1].version
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            log.info("The backup's database fails its integrity check: %s", rows[:3])
            raise refuse(ArchiveProblem.BAD_DATABASE, "is damaged (it fails SQLite's integrity check)")
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if schema > latest:
            raise refuse(ArchiveProblem.TOO_NEW, f"database schema {schema}; this version knows {latest}")
        if schema < 1 or not {*COLLECTIONS, "outbox", "sync_state"} <= tables:
            raise refuse(ArchiveProblem.BAD_DATABASE, "is not a SpeakCheck store")
        counts = {c: conn.execute(f"SELECT COUNT(*) FROM {c}").fetchone()[0] for c in COLLECTIONS}
    except sqlite3.DatabaseError as exc:
        log.info("The backup's database cannot be read: %s", exc)
        raise refuse(ArchiveProblem.BAD_DATABASE, "is damaged (SQLite cannot read it)") from None
    finally:
        conn.close()
    if counts != manifest.counts or schema != manifest.schema_version:
        raise refuse(ArchiveProblem.BAD_DATABASE, "does not hold what its manifest says")


def _relocate(path: Path, recordings_dir: Path, manifest: _Manifest) -> None:
    """Tell the unpacked store where its audio is on this computer: the recordings folder it
    came from (and any it had been restored from before, relative to that folder) is now
    `recordings_dir`, and audio from outside that folder is under `_outside`."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (RELOCATIONS_KEY,)).fetchone()
        pairs = dict(read_relocations(row[0] if row else None))
        pairs[manifest.recordings_dir] = "."
        for m in manifest.members:
            if m.stored_as:
                pairs[m.stored_as] = PurePosixPath(m.name).relative_to(RECORDINGS).as_posix()
        now = relocator(recordings_dir, list(pairs.items()))
        has_audio = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (AUDIO,)).fetchone()
        with transaction(conn):
            conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                         "value = excluded.value", (RELOCATIONS_KEY, write_relocations(list(pairs.items()))))
            for doc_id, doc in conn.execute("SELECT id, doc FROM audio").fetchall() if has_audio else []:
                upload = decode_document(doc)
                upload["local_path"] = str(now(upload["local_path"]))
                conn.execute("UPDATE audio SET doc = ? WHERE id = ?", (encode_document(upload), doc_id))
    finally:
        conn.close()


def _refuse_newer(database: Path, backup: Path, archive: Path, data_dir: Path) -> None:
    """Refuse when the store there holds what the backup lacks: documents it does not have
    (compared by id, not by the clock, which a device may have had wrong) or sessions with
    activity after the backup's. A damaged store cannot be compared and is refused too."""
    if not database.exists() or database.stat().st_size == 0:
        return
    damaged = BackupError(f"The store in {data_dir} is damaged, so what it holds cannot be compared with the "
                          f"backup. Nothing was restored; to replace it with {archive}, run the restore again with "
                          f"--force (the damaged store is kept in a {KEPT_PREFIX}... folder first).")
    try:
        # Read-write, as the app opens it: with nobody else connected (the lock), closing leaves
        # the files as they were.
        conn = sqlite3.connect(f"file:{database}?mode=rw", uri=True, isolation_level=None)
    except sqlite3.Error:
        raise damaged from None
    try:
        if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
            raise damaged
        conn.execute("ATTACH DATABASE ? AS backup", (f"file:{backup}?mode=ro",))
        lost_sessions = conn.execute("SELECT COUNT(*) FROM main.sessions WHERE id NOT IN "
                                     "(SELECT id FROM backup.sessions)").fetchone()[0]
        newer_sessions = conn.execute("SELECT COUNT(*) FROM main.sessions m JOIN backup.sessions b ON b.id = m.id "
                                      "WHERE m.last_activity_ms > b.last_activity_ms").fetchone()[0]
        lost_documents = sum(conn.execute(f"SELECT COUNT(*) FROM main.{c} WHERE id NOT IN (SELECT id FROM backup.{c})"
                                          ).fetchone()[0] for c in COLLECTIONS)
    except sqlite3.DatabaseError:
        raise damaged from None
    finally:
        conn.close()
    if not (lost_sessions or newer_sessions or lost_documents):
        return
    clauses = []
    if lost_sessions:
        clauses.append(f"{_plural(lost_sessions, 'session')} would be lost")
    if newer_sessions:
        clauses.append(f"{_plural(newer_sessions, 'session')} {'has' if newer_sessions == 1 else 'have'} answers or "
                       f"events newer than the backup's")
    what = " and ".join(clauses)
    if lost_documents:  # a user, say, with no session yet
        what = (f"{what} ({_plural(lost_documents, 'document')} in all)" if what
                else f"{_plural(lost_documents, 'document')} would be lost")
    raise BackupError(f"The store in {data_dir} holds what the backup {archive} does not: {what}. Nothing "
                      f"was restored; to replace it anyway, run the restore again with --force (the store there now "
                      f"is kept in a {KEPT_PREFIX}... folder first).")


def _swap_in(staging: Path, database: Path, recordings_dir: Path) -> Path | None:
    """Move the store that is there (its database with its WAL files, its recordings) into a
    `before-restore-<time>` folder, then the checked copy into place: renames only, undone in
    reverse when one fails, so the data folder ends either as it was or restored."""
    data_dir = database.parent
    current = [p for p in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")),
                           recordings_dir) if p.exists()]
    kept = None
    renames: list[tuple[Path, Path]] = []
    if current:
        kept = data_dir / f"{KEPT_PREFIX}{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
        n = 1
        while kept.exists():
            n += 1
            kept = kept.with_name(f"{KEPT_PREFIX}{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{n}")
        renames += [(p, kept / p.name) for p in current]
    if (staging / RECORDINGS).is_dir():
        renames.append((staging / RECORDINGS, recordings_dir))
    renames.append((staging / DATABASE, database))
    done: list[tuple[Path, Path]] = []
    try:
        if kept is not None:
            kept.mkdir()
        for src, dst in renames:
            os.replace(src, dst)
            done.append((src, dst))
        _fsync_dir(data_dir)
    except OSError as exc:
        for src, dst in reversed(done):
            os.replace(dst, src)
        if kept is not None:
            kept.rmdir()
        if sys.platform == "win32" and isinstance(exc, PermissionError):  # an open file cannot be renamed there
            raise BackupError(_in_use(data_dir)) from None
        if _disk_full(exc):
            raise StoreFullError(f"{full_disk_sentence(data_dir)} Nothing was restored.") from None
        raise BackupError(f"The store in {data_dir} could not be replaced ({exc.strerror or exc}); it was left as "
                          f"it was. Check that the data folder may be written to, and try again.") from None
    return kept


def _in_use(data_dir: Path) -> str:
    return (f"The store in {data_dir} is open (in SpeakCheck, a sync or another speakcheck command): close "
            f"SpeakCheck, let any sync finish, and try again. Nothing was restored.")


def _first_missing(folder: Path) -> Path | None:
    """The outermost of `folder` and its parents that does not exist (None: `folder` does)."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing


def _remove_made(data_dir: Path, made: Path) -> None:
    """Remove the folders a refused restore made, up to `made` (with the lock file it may have left)."""
    (data_dir / LOCK_NAME).unlink(missing_ok=True)
    for folder in (data_dir, *data_dir.parents):
        try:
            folder.rmdir()
        except OSError:
            return  # something else was put there meanwhile: it stays
        if folder == made:
            return


# -- small helpers ----------------------------------------------------------------------------------


def _disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))  # out of space, or of quota


def _fsync_dir(folder: Path) -> None:
    """Make the renames in `folder` durable (not possible, nor needed, on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"
