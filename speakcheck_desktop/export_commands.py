"""`speakcheck export -o FILE [--since DATE] [--until DATE] [--format csv|jsonl] [--from local|mongodb]
[--answers [--transcripts]]`: a centre's results as a spreadsheet.

One row per session (who, when, the format, the level and sub-scores, the confidence, the review
status, the verification code), or with `--answers` one per answer (its measures too; its
transcript with `--transcripts`). What is in a row is core/export_rows.py's; the results are read
by the code the history and the reports use (assess/test_results.py), from this computer's store
or, with `--from mongodb`, from the centre's MongoDB (remote/session_export.py), so both give
the same rows for the same data. `--since`/`--until` are days on this computer's clock, `--until`
included, as for `speakcheck agreement`.

The CSV file is UTF-8 with a byte order mark: Excel, which most centres open it with, reads a CSV
without one in the computer's legacy code page, so "Zoë" would come out garbled; LibreOffice,
Google Sheets and Numbers read the mark as what it is, and Python reads it with
encoding="utf-8-sig". Lines end in CRLF (RFC 4180, as the csv module writes them), and a text
cell that a spreadsheet would run as a formula is made plain text (core/export_rows.py
`spreadsheet_cell`). JSON Lines has no mark (JSON text never starts with one): one object per
line, with the same keys, blanks as null, and the text exactly as stored.

The file is written beside its target under a temporary name and renamed over it when complete,
so a failed export (MongoDB gone away, a full disk) leaves no half file and keeps an earlier one as
it was; like that temporary file, the export is readable by this user only (it names candidates).
`-o -` writes to standard output, with no mark (it goes to another program) and the closing line
on stderr; what went there cannot be taken back, so a failure stops the rows where it happened.
Rows are written as they are made, one session read at a time.
"""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from speakcheck_desktop.assess.test_results import result_of
from speakcheck_desktop.centre_commands import local_midnight, parse_day
from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.export_rows import (
    SESSION_COLUMNS,
    Row,
    answer_columns,
    answer_rows,
    session_row,
    spreadsheet_cell,
)
from speakcheck_desktop.core.records import User
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import plan_from_metadata
from speakcheck_desktop.remote.mongo_mirror import MongoMirror, MongoNeedsAttention, MongoUnavailable
from speakcheck_desktop.remote.session_export import remote_sessions_started_between
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.store.database import full_disk_sentence
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import review_state
from speakcheck_desktop.store.session_range import sessions_started_between
from speakcheck_desktop.store.views import SessionDetail

STDOUT = "-"


class ExportFormat(StrEnum):
    CSV = "csv"  # for spreadsheets
    JSONL = "jsonl"  # JSON Lines, for programs


class ExportSource(StrEnum):
    LOCAL = "local"  # this computer's store
    MONGODB = "mongodb"  # the centre's MongoDB (the settings' mongodb_uri, mongodb_db)


class ExportCommandFailed(Exception):
    """The command could not do its job; the message says why and what to do."""


def add_parsers(sub: Any) -> None:
    export = sub.add_parser("export", help="a centre's results as a spreadsheet (CSV) or JSON Lines: one row per "
                                           "session, or per answer")
    export.add_argument("--since", type=parse_day, metavar="DATE", help="sessions started from this day (YYYY-MM-DD)")
    export.add_argument("--until", type=parse_day, metavar="DATE", help="sessions started up to this day, included")
    export.add_argument("--format", choices=[f.value for f in ExportFormat], default=ExportFormat.CSV.value,
                        help="csv (for spreadsheets; the default) or jsonl (JSON Lines)")
    export.add_argument("--from", dest="source", choices=[s.value for s in ExportSource],
                        default=ExportSource.LOCAL.value,
                        help="local (this computer's sessions; the default) or mongodb (the centre's)")
    export.add_argument("--answers", action="store_true", help="one row per answer instead of per session")
    export.add_argument("--transcripts", action="store_true", help="with --answers: each answer's transcript too")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="where to write it; - for standard output")


@dataclass
class _Counts:
    sessions: int = 0
    answers: int = 0
    unreadable: int = 0  # MongoDB sessions not like the schema, left out

    def left_out(self, _session_id: object) -> None:
        self.unreadable += 1


def cmd_export(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    if args.since and args.until and args.since > args.until:
        raise ExportCommandFailed(f"--since {args.since} is after --until {args.until}: give the first day, then the "
                                  f"last. Nothing was exported.")
    if args.transcripts and not args.answers:
        raise ExportCommandFailed("--transcripts is for --answers: a session's row has no transcript, its answers' "
                                  "rows do. Nothing was exported.")
    fmt, source = ExportFormat(args.format), ExportSource(args.source)
    since = local_midnight(args.since) if args.since else None
    until = local_midnight(args.until + timedelta(days=1)) if args.until else None
    tasks = _task_bank()
    target = None if args.output == STDOUT else Path(args.output).expanduser()
    counts = _Counts()
    columns = answer_columns(transcripts=args.transcripts) if args.answers else SESSION_COLUMNS
    mirror = MongoMirror(settings.mongodb_uri, settings.mongodb_db, settings.mongodb_timeout_s) \
        if source is ExportSource.MONGODB else None
    try:
        if mirror is not None:
            sessions = remote_sessions_started_between(mirror, since, until, unreadable=counts.left_out)
            where = f"MongoDB at {mirror.where}"
        else:
            sessions = sessions_started_between(store, since, until)
            where = "this computer's store"
        rows = _rows(sessions, tasks, counts, answers=args.answers, transcripts=args.transcripts)
        written = _write(target, columns, rows, fmt)
    except MongoUnavailable as exc:
        raise ExportCommandFailed(f"{exc}. Nothing was exported: try again when MongoDB is reachable, or export this "
                                  f"computer's sessions with --from local.") from None
    except MongoNeedsAttention as exc:
        raise ExportCommandFailed(f"{exc}. Nothing was exported.") from None
    finally:
        if mirror is not None:
            mirror.close()
    if not written:
        return 0  # standard output closed by its reader (`| head`): it has what it wanted
    what = (f"{_plural(counts.answers, 'answer')} of {_plural(counts.sessions, 'session')}" if args.answers
            else _plural(counts.sessions, "session"))
    line = f"Exported {what}{_span(args.since, args.until)} from {where} to {target or 'standard output'}."
    if counts.unreadable:
        line += (f" {_plural(counts.unreadable, 'session')} in MongoDB not like the schema "
                 f"{'was' if counts.unreadable == 1 else 'were'} left out (the log says which).")
    print(line, file=sys.stderr if target is None else sys.stdout)
    return 0


def _task_bank() -> TaskBank:
    try:
        return TaskBank.load(resource_path("tasks.json"))
    except (OSError, ValueError, KeyError) as exc:  # a damaged installation
        raise ExportCommandFailed(f"The installed task bank cannot be read ({type(exc).__name__}): reinstall "
                                  f"SpeakCheck. Nothing was exported.") from None


def _rows(sessions: Iterable[tuple[SessionDetail, User | None]], tasks: TaskBank, counts: _Counts, *,
          answers: bool, transcripts: bool) -> Iterator[Row]:
    """The rows, made as each session is read (never the whole export in memory)."""
    for detail, user in sessions:
        session = detail.session
        result = result_of(detail, plan_from_metadata(session.metadata, session.level, tasks.get))
        counts.sessions += 1
        if answers:
            rows = answer_rows(session, result, detail.recordings, transcripts=transcripts)
            counts.answers += len(rows)
            yield from rows
        else:
            name = (user.name or "").strip() if user else ""
            yield session_row(session, name or None, result, review_state(detail), detail.verification_code)


def _write(target: Path | None, columns: tuple[str, ...], rows: Iterable[Row], fmt: ExportFormat) -> bool:
    """Write the export to `target` (None: standard output). False when standard output was
    closed before the end."""
    lines = _csv_lines if fmt is ExportFormat.CSV else _json_lines
    if target is None:
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            lines(out, columns, rows)
            out.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no complaint at exit's flush
            return False
        finally:
            out.detach()  # sys.stdout stays open
        return True
    _write_file(target, lambda f: lines(f, columns, rows), bom=fmt is ExportFormat.CSV)
    return True


def _write_file(target: Path, write: Callable[[IO[str]], None], *, bom: bool) -> None:
    """Write to a temporary file beside `target`, then rename it over `target`: all or nothing."""
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportCommandFailed(f"The export cannot be saved in {folder} ({exc.strerror or exc}): choose another "
                                  f"folder. Nothing was exported.") from None
    temp = Path(temp_name)
    try:
        with open(handle, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())  # on the disk before it takes the target's name
        os.replace(temp, target)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):  # out of space, or of quota
            raise ExportCommandFailed(f"{full_disk_sentence(folder)} The export was not saved.") from None
        raise ExportCommandFailed(f"The export cannot be saved as {target} ({exc.strerror or exc}): choose another "
                                  f"name or folder. Nothing was exported.") from None
    finally:
        temp.unlink(missing_ok=True)


def _csv_lines(out: IO[str], columns: tuple[str, ...], rows: Iterable[Row]) -> None:
    writer = csv.writer(out)  # the excel dialect: quoted where needed, CRLF; `out` opened with newline=""
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_cell(row[c]) for c in columns])


def _json_lines(out: IO[str], columns: tuple[str, ...], rows: Iterable[Row]) -> None:
    for row in rows:
        out.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False) + "\n")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _span(since: date | None, until: date | None) -> str:
    if since and until:
        return f" started {since} to {until}"
    if since:
        return f" started from {since}"
    return f" started up to {until}" if until else ""


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings, LocalStore], int]] = {"export": cmd_export}
