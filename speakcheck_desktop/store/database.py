"""Opening the local SQLite database safely: integrity check, numbered migrations with a backup
copy first, and WAL with full sync so a crash or power cut loses no committed write. Writes go
through `transaction()`, which turns a full disk into StoreFullError."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.store.migrations import MIGRATIONS, Migration

log = logging.getLogger(__name__)


class StoreError(UserFacingError):
    """The local database cannot be used. The message says what happened and what to do."""


class StoreCorruptError(StoreError):
    pass


class StoreTooNewError(StoreError):
    pass


class StoreFullError(StoreError):
    """A write did not fit on the disk holding the database. None of it was kept and nothing saved
    before was lost; its transaction was ended, so the same connection writes again once there is space."""


# Out of space, SQLite says SQLITE_FULL when writing the database, its WAL or its journal, but
# SQLITE_IOERR_* when the WAL index grows or an fsync fails on a delayed allocation; an I/O error
# is also what a failing drive gives. With less than this left free, it is the disk filling up.
_NEARLY_FULL_BYTES = 1024 * 1024


def sqlite_result(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of the error (sqlite3.SQLITE_FULL, SQLITE_IOERR, ...: its
    `sqlite_errorcode` without the extended part, so SQLITE_IOERR_WRITE is SQLITE_IOERR); None for
    errors the sqlite3 module raises itself (a closed connection, say), which carry no code."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def full_disk_error(conn: sqlite3.Connection, exc: sqlite3.Error) -> StoreFullError | None:
    """The StoreFullError to raise instead of `exc` when `exc` means the disk holding the
    connection's database is full; None for any other error."""
    code = sqlite_result(exc)
    if code not in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return None
    # The file as SQLite opened it (symbolic links resolved): the folder on the disk that is full.
    folder = Path(conn.execute("PRAGMA database_list").fetchone()[2]).parent
    if code == sqlite3.SQLITE_IOERR:
        try:
            if shutil.disk_usage(folder).free >= _NEARLY_FULL_BYTES:
                return None
        except OSError:
            return None
    return StoreFullError(full_disk_sentence(folder))


def full_disk_sentence(folder: Path) -> str:
    return f"The disk holding {folder} is full: free some space; nothing already saved was lost."


def open_database(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """Open (or create) the database at `path`, check it and bring its schema up to date.

    A damaged file is never written to: the caller gets StoreCorruptError and the file stays as
    it was, so it can be recovered or sent to support."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    try:
        # mode=rw (not rwc) for an existing file: never let SQLite replace what is there.
        uri = f"file:{path}?mode={'rw' if existed else 'rwc'}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10)
    except sqlite3.Error as exc:
        raise StoreError(f"The local database {path} cannot be opened ({exc}). "
                         f"Check that the folder exists and you may write to it.") from exc
    try:
        if existed:
            _check_integrity(conn, path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        _migrate(conn, path, migrations)
    except sqlite3.DatabaseError as exc:
        full = full_disk_error(conn, exc)
        conn.close()
        if full is not None:
            raise full from exc
        if sqlite_result(exc) == sqlite3.SQLITE_IOERR:  # the disk failed a read or write: not damage to the file
            raise StoreError(f"The local database {path} cannot be written ({exc}). "
                             f"Check that its disk is connected and writable, and start again.") from exc
        raise _corrupt(path, str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _corrupt(path: Path, detail: str) -> StoreCorruptError:
    return StoreCorruptError(
        f"The local database {path} is damaged ({detail}). It was left untouched. "
        f"Move it aside (or restore a backup from the same folder) and start again; "
        f"sessions already synced can then be pulled back from MongoDB.")


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        raise _corrupt(path, "; ".join(rows[:3]))


def _migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[Migration]) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise StoreTooNewError(
            f"The local database {path} was written by a newer SpeakCheck Desktop (schema {current}, "
            f"this version knows {latest}). Install the newer version; the file was left untouched.")
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return
    if current > 0:
        backup_database(conn, path, f"before-v{pending[-1].version}")
    for migration in pending:
        log.info("Migrating %s to schema %d: %s", path, migration.version, migration.description)
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version={migration.version};\nCOMMIT;")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                full = full_disk_error(conn, exc)
                if full is not None:
                    raise full from exc
                done = conn.execute("PRAGMA user_version").fetchone()[0]
                raise StoreError(f"Updating the local database {path} to schema {migration.version} failed ({exc}). "
                                 f"It was left at schema {done}"
                                 + (" and a backup copy is beside it" if current else "")
                                 + "; please report this.") from exc
            raise


def backup_database(conn: sqlite3.Connection, path: Path, label: str) -> Path:
    """Copy the open database next to itself, consistently (SQLite's online backup)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{label}.{stamp}.bak")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    except BaseException:
        dest.close()
        target.unlink(missing_ok=True)  # half a copy (the disk filled up) must not pass for a backup
        raise
    dest.close()
    log.info("Backed up %s to %s", path, target)
    return target


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. The connection is in autocommit mode (isolation_level=None) so that
    the transaction boundaries are exactly these; IMMEDIATE takes the write lock up front instead
    of failing half-way when another connection writes.

    A write that does not fit on the disk raises StoreFullError, the transaction rolled back."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # After some errors SQLite has rolled back already (SQLITE_FULL does); after others (a
            # COMMIT refused with SQLITE_BUSY, say) the transaction is still open, and would block
            # every later write on this connection.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        full = full_disk_error(conn, exc)
        if full is None:
            raise
        raise full from exc
