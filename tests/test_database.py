"""Opening the local database: durability settings, migrations with a backup first, and a damaged
or too-new file refused with a clear message and left exactly as it was."""

import hashlib
import sqlite3

import pytest

from speakcheck_desktop.store.database import StoreCorruptError, StoreError, StoreTooNewError, open_database
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.migrations import MIGRATIONS, Migration
from tests.factories import complete_session


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_durable_and_current(tmp_path):
    conn = open_database(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    conn.close()
    assert not list(tmp_path.glob("*.bak"))  # nothing to back up on a new file


def test_migrating_an_existing_database_backs_it_up_first(tmp_path, clock):
    path = tmp_path / "speakcheck.db"
    with LocalStore.open(path, clock=clock) as store:
        session, *_ = complete_session(store)
    step = Migration(MIGRATIONS[-1].version + 1, "a test column", "ALTER TABLE sessions ADD COLUMN note TEXT;")

    conn = open_database(path, (*MIGRATIONS, step))

    assert conn.execute("PRAGMA user_version").fetchone()[0] == step.version
    assert conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    conn.close()
    [backup] = tmp_path.glob("speakcheck.before-v*.bak")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    assert old.execute("SELECT id FROM sessions").fetchone()[0] == str(session.id)
    old.close()


def test_a_failing_migration_leaves_the_schema_as_it_was(tmp_path):
    path = tmp_path / "speakcheck.db"
    open_database(path).close()
    broken = Migration(MIGRATIONS[-1].version + 1, "broken", "CREATE TABLE x (a); INSERT INTO nowhere VALUES (1);")
    with pytest.raises(StoreError, match=f"to schema {broken.version} failed.*left at schema {broken.version - 1}"):
        open_database(path, (*MIGRATIONS, broken))
    conn = open_database(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'x'").fetchone()[0] == 0
    conn.close()


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "speakcheck.db"
    path.write_bytes(b"this is a text file, not SQLite\n" * 200)
    before = digest(path)
    with pytest.raises(StoreCorruptError) as info:
        LocalStore.open(path)
    message = str(info.value)
    assert str(path) in message and "left untouched" in message and "\n" not in message
    assert digest(path) == before


def test_a_database_with_damaged_pages_is_refused_and_kept(tmp_path, clock):
    path = tmp_path / "speakcheck.db"
    with LocalStore.open(path, clock=clock) as store:
        for _ in range(40):
            complete_session(store)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, 9 * page, page):  # scribble over some b-tree pages
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    before = digest(path)

    with pytest.raises(StoreCorruptError, match="damaged"):
        LocalStore.open(path)
    assert digest(path) == before
    assert not list(tmp_path.glob("*.bak"))


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "speakcheck.db"
    conn = open_database(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreTooNewError, match="newer SpeakCheck Desktop"):
        open_database(path)
    assert digest(path) == before


@pytest.mark.parametrize("code, message, refused, says", [
    (sqlite3.SQLITE_IOERR_READ, "disk I/O error", StoreError, "cannot be written"),  # the disk failed, not the file
    (sqlite3.SQLITE_CORRUPT, "database disk image is malformed", StoreCorruptError, "is damaged"),
    (None, "disk trouble, says a message with no SQLite code", StoreCorruptError, "is damaged"),
])
def test_an_error_while_opening_is_told_apart_by_sqlites_code(tmp_path, monkeypatch, code, message, refused, says):
    path = tmp_path / "speakcheck.db"
    open_database(path).close()
    before = digest(path)
    error = sqlite3.OperationalError(message)
    if code is not None:  # as SQLite's own errors carry it
        error.sqlite_errorcode = code

    def check_integrity(conn, path):
        raise error
    monkeypatch.setattr("speakcheck_desktop.store.database._check_integrity", check_integrity)
    with pytest.raises(StoreError) as info:
        open_database(path)
    assert type(info.value) is refused and says in str(info.value) and str(path) in str(info.value)
    assert digest(path) == before
