"""`speakcheck`: the admin command line (status, sync, prune, delete, pull, doctor, kiosk-pin, verify-audit;
transcribe and assess, in recording_commands.py; agreement, centre-key and sign, in
centre_commands.py; report, in report_commands.py; export, in export_commands.py; backup and restore,
in backup_commands.py, which open the store themselves; formats and validate-bank, which need no data
folder).

Every failure ends in one plain line on stderr and a non-zero exit code, never a traceback.
`verify-audit` prints its verdict on stdout (every problem of a broken session, one per line) and,
when it has a centre public key (--public-key, or this computer's centre key), the verdict on the
centre's signature (`metadata.audit_signature`): valid, stale, not signed, wrong key, forged or
malformed, with its sentence.
Exit codes:
    0  done; verify-audit: the session's events and documents are intact and, when there is a key
       to check with, its centre signature is valid (or stale with only audio pruned since), and
       a --code given is one of its chain's (a report's, an export's)
    1  the operation could not finish (MongoDB offline, something rejected, the disk full, a recording
       that cannot be read or transcribed, no centre key for `sign`, a session refused by `sign`, an
       archive or a store in use refused by `restore`);
       verify-audit: the session is broken (changed, removed or inserted events or documents), or,
       with a key to check with, its signature is forged, another key's, missing, unreadable, or
       stale with events it does not cover; or the key given cannot be read; or --code names no
       event of the session's chain
    2  the setup is wrong (a setting, a damaged local database)
    3  verify-audit: no such session (MongoDB has nothing under the id: no session, events or recordings)
    validate-bank: 0 the file is a valid task bank, 1 it is not (one line per problem on stdout), 2 unreadable
    130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from bson import ObjectId

from speakcheck_desktop.backup_commands import COMMANDS as BACKUP_COMMANDS
from speakcheck_desktop.backup_commands import BackupCommandFailed
from speakcheck_desktop.backup_commands import add_parsers as add_backup_parsers
from speakcheck_desktop.centre_commands import COMMANDS as CENTRE_COMMANDS
from speakcheck_desktop.centre_commands import CentreCommandFailed, check_signature, verifying_key
from speakcheck_desktop.centre_commands import add_parsers as add_centre_parsers
from speakcheck_desktop.config import ConfigError, Settings, config_dir, load_settings
from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.mock_format import BankError, parse_mock_bank_text
from speakcheck_desktop.core.operator_pin import PinError, hash_pin
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.verification import CodeError, chain_points, match_code, parse_code
from speakcheck_desktop.export_commands import COMMANDS as EXPORT_COMMANDS
from speakcheck_desktop.export_commands import ExportCommandFailed
from speakcheck_desktop.export_commands import add_parsers as add_export_parsers
from speakcheck_desktop.kiosk_config import KioskConfigError, find_kiosk_file, save_operator_pin
from speakcheck_desktop.recording_commands import COMMANDS as RECORDING_COMMANDS
from speakcheck_desktop.recording_commands import RecordingCommandFailed
from speakcheck_desktop.recording_commands import add_parsers as add_recording_parsers
from speakcheck_desktop.remote.mongo_mirror import MongoMirror, MongoNeedsAttention, MongoUnavailable
from speakcheck_desktop.remote.outbox_relay import OutboxRelay, read_status
from speakcheck_desktop.remote.pull import PullError, fetch_session, list_remote_only_sessions
from speakcheck_desktop.remote.sync_status import SyncState
from speakcheck_desktop.report_commands import COMMANDS as REPORT_COMMANDS
from speakcheck_desktop.report_commands import ReportCommandFailed
from speakcheck_desktop.report_commands import add_parsers as add_report_parsers
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.store.database import StoreError, StoreFullError
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.recording_audio import audio_losses
from speakcheck_desktop.store.retention import delete_session
from speakcheck_desktop.store.sync_lock import SyncBusy, SyncLock

EXIT_FAILED = 1
EXIT_SETUP = 2
EXIT_NOT_FOUND = 3

# How long `speakcheck sync` waits for another sync of the same data dir (the app's, say) to end.
SYNC_LOCK_WAIT_S = 600.0

_DURATION = re.compile(r"^(\d+)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class CommandFailed(Exception):
    """The command could not do its job; the message says why and what to do."""


def parse_duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration: use a number and m, h, d or w, like 90d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def parse_object_id(text: str) -> ObjectId:
    if not ObjectId.is_valid(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are 24 hexadecimal digits")
    return ObjectId(text)


def parse_code_argument(text: str) -> str:
    try:
        parse_code(text)
    except CodeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="speakcheck", description="SpeakCheck Desktop administration.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="what is waiting to sync, what was rejected, when sync last worked")
    sync = sub.add_parser("sync", help="send what is waiting to MongoDB, once")
    sync.add_argument("--verify", action="store_true",
                      help="also look every local document up in MongoDB and resend what is missing")
    sync.add_argument("--retry-rejected", action="store_true", help="try the documents MongoDB rejected again")
    sync.add_argument("--no-wait", action="store_true",
                      help="when another sync of this computer's data is running, stop at once "
                           "instead of waiting for it")
    prune = sub.add_parser("prune", help="delete old audio files, keep their metadata")
    prune.add_argument("--older-than", type=parse_duration, required=True, metavar="AGE", help="e.g. 90d, 12w, 36h")
    delete = sub.add_parser("delete", help="delete a session everywhere: audio, local data, MongoDB")
    delete.add_argument("session_id", type=parse_object_id)
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    pull = sub.add_parser("pull", help="list or copy a user's sessions that are in MongoDB but not here")
    pull.add_argument("--user", type=parse_object_id, required=True, metavar="USER_ID")
    pull.add_argument("--fetch", action="store_true", help="copy them here (default: only list them)")
    sub.add_parser("doctor", help="check the local store and MongoDB")
    pin = sub.add_parser("kiosk-pin", help="set the kiosk operator's PIN (stored as a salted hash in kiosk.toml)")
    pin.add_argument("--file", type=Path, help="the kiosk.toml to write (default: the one in use, else the config dir)")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input instead of asking twice")
    audit = sub.add_parser("verify-audit", help="check a session's event chain in MongoDB, and the centre's signature")
    audit.add_argument("session_id", type=parse_object_id)
    audit.add_argument("--public-key", metavar="FILE",
                       help="the centre's public key (its centre-key.pub, or its line) to check the signature with "
                            "(default: this computer's centre key, if it has one)")
    audit.add_argument("--code", type=parse_code_argument, metavar="CODE",
                       help="the verification code of a report or an export: is it this session's, and what "
                            "came after it")
    formats = sub.add_parser("formats", help="the test formats offered: mock tests and quick practice, by level")
    formats.add_argument("--json", action="store_true", help="as JSON, for scripts")
    bank = sub.add_parser("validate-bank", help="check a mock-test bank file; one line per problem")
    bank.add_argument("file", type=Path)
    add_recording_parsers(sub)
    add_centre_parsers(sub)
    add_report_parsers(sub)
    add_export_parsers(sub)
    add_backup_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command in CONTENT_COMMANDS:  # about the bundled content: no settings, no data folder
        try:
            return CONTENT_COMMANDS[args.command](args)
        except CommandFailed as exc:
            print(f"speakcheck: {exc}", file=sys.stderr)
            return EXIT_SETUP
        except BrokenPipeError:  # `speakcheck formats | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no complaint at exit's flush
            return 0
    try:
        settings = load_settings()
        if args.command in BACKUP_COMMANDS:  # they open the store themselves (restore replaces it)
            return BACKUP_COMMANDS[args.command](args, settings)
        with LocalStore.open(settings.database_path, settings.recordings_dir) as store:
            return COMMANDS[args.command](args, settings, store)
    except StoreFullError as exc:  # not a setup problem: it works again once there is space
        print(f"speakcheck: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (ConfigError, StoreError) as exc:
        print(f"speakcheck: {exc}", file=sys.stderr)
        return EXIT_SETUP
    except (CommandFailed, RecordingCommandFailed, CentreCommandFailed, ReportCommandFailed,
            ExportCommandFailed, BackupCommandFailed) as exc:
        print(f"speakcheck: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def _mirror(settings: Settings) -> MongoMirror:
    return MongoMirror(settings.mongodb_uri, settings.mongodb_db, settings.mongodb_timeout_s)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else "never"


def cmd_status(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    where = _mirror(settings).where
    status = read_status(store, where)
    print(f"Local store: {store.path} ({store.count('sessions')} session(s))")
    print(f"MongoDB: {where}")
    print(f"Sync: {status.state.value} ({status.pending} document(s) to send, {status.dead} rejected by MongoDB)")
    if status.problem:
        print(f"Problem (at {_when(status.problem_at)}): {status.problem}")
    print(f"Last successful sync: {_when(status.last_success)}")
    letters = store.outbox.dead_letters()
    if letters:
        print("Rejected by MongoDB (fix the cause, then `speakcheck sync --retry-rejected`):")
        for letter in letters:
            print(f"  {letter.collection} {letter.doc_id} ({letter.op}): {letter.reason}")
    losses = audio_losses(store)
    if losses:
        print(f"Recordings sent without their audio ({status.audio_lost}; their documents and events are in MongoDB):")
        for loss in losses:
            print(f"  recording {loss.recording_id} of session {loss.session_id}: {loss.message}")
    return 0


def cmd_sync(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    mirror = _mirror(settings)
    try:
        relay = OutboxRelay(store, mirror, lock_wait_s=0.0 if args.no_wait else SYNC_LOCK_WAIT_S)
        if args.retry_rejected:
            print(f"Queued {store.outbox.retry_dead()} rejected document(s) again.")
        with _announce_wait(store, args.no_wait):
            if args.verify:
                try:
                    verified = relay.verify_all()
                except (MongoUnavailable, MongoNeedsAttention) as exc:
                    raise CommandFailed(f"{exc}. Nothing was lost; the documents wait in the outbox.") from None
                except SyncBusy as exc:
                    print(f"Not checked: {exc}.")
                    return 0
                print(f"Checked every document in MongoDB: {verified.summary()}.")
                for recording_id, why in [*verified.audio_damaged, *verified.audio_changed]:
                    print(f"  recording {recording_id}: {why}")
            report = relay.run_pass()
    finally:
        mirror.close()
    print(f"Sync to {mirror.where}: {report.summary()}.")
    for recording_id, why in report.audio_lost:
        print(f"  recording {recording_id}: {why}", file=sys.stderr)
    if report.busy:
        return 0  # the other sync does the work; nothing is wrong
    if not report.ok:
        print("Nothing was lost: what did not go stays queued for the next sync.", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if report.dead_lettered else 0


@contextmanager
def _announce_wait(store: LocalStore, no_wait: bool) -> Iterator[None]:
    """Say so when this sync waits for another one (a person typing `speakcheck sync` would
    otherwise see nothing happen)."""
    if not no_wait:
        try:
            with SyncLock(store.path.parent).hold(0.0):
                pass
        except SyncBusy as exc:
            print(f"Waiting: {exc}.", file=sys.stderr)
    yield


def cmd_prune(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    mirror = _mirror(settings)
    try:
        # Audio in GridFS loses its local copy only when MongoDB confirms it holds it whole.
        with _announce_wait(store, False):
            report = OutboxRelay(store, mirror, lock_wait_s=SYNC_LOCK_WAIT_S).prune_audio(args.older_than)
    except SyncBusy as exc:
        raise CommandFailed(f"Nothing pruned: {exc}; try again when it has finished.") from None
    finally:
        mirror.close()
    print(f"Pruned audio of {len(report.pruned)} recording(s), {report.bytes_freed / 1e6:.1f} MB freed; "
          f"their metadata is kept.")
    for rec_id, path, why in report.kept:
        print(f"  kept {path} (recording {rec_id}): {why}")
    return 0


def cmd_delete(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    session = store.get_session(args.session_id)
    if session is None:
        raise CommandFailed(f"There is no session {args.session_id} on this device")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandFailed("Deleting needs confirmation: run it in a terminal or add --yes")
        answer = input(f"Delete the {session.level.value} session of {session.started_at:%Y-%m-%d %H:%M} UTC, "
                       f"its audio and its MongoDB documents? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return 0
    report = delete_session(store, args.session_id)
    print(f"Deleted session {args.session_id}: {report.documents} document(s), "
          f"{len(report.files_removed)} audio file(s).")
    for path, why in report.files_left:
        print(f"  left {path}: {why}")
    print("MongoDB copies are removed by the next sync (`speakcheck sync`).")
    return 0


def cmd_pull(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    mirror = _mirror(settings)
    try:
        sessions = list_remote_only_sessions(store, mirror, args.user)
        if not sessions:
            print("Every session of this user in MongoDB is already here.")
            return 0
        for session in sessions:
            line = f"{session.id}  {session.started_at:%Y-%m-%d %H:%M}  {session.level.value}  {session.status.value}"
            if args.fetch:
                fetch_session(store, mirror, session.id)
                line += "  copied"
            print(line)
        return 0
    except (MongoUnavailable, MongoNeedsAttention, PullError) as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        mirror.close()


def cmd_doctor(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    healthy = True
    check = store.integrity_check()
    print(f"[{'ok' if check == ['ok'] else 'FAIL'}] local store {store.path}: integrity {'; '.join(check[:3])}")
    healthy &= check == ["ok"]
    mirror = _mirror(settings)
    try:
        mirror.ping()
        print(f"[ok] MongoDB reachable: {mirror.where}")
        missing = mirror.missing_indexes()
        names = ", ".join(f"{s.collection}.{s.name}" for s in missing)
        indexes = f"missing {names} (the next sync creates them)" if missing else "all present"
        print(f"[{'ok' if not missing else 'FAIL'}] indexes: {indexes}")
        healthy &= not missing
    except (MongoUnavailable, MongoNeedsAttention) as exc:
        print(f"[FAIL] MongoDB: {exc}")
        healthy = False
    finally:
        mirror.close()
    status = read_status(store, mirror.where)
    mark = {SyncState.SYNCED: "ok", SyncState.WAITING: "ok", SyncState.OFFLINE: "warn"}.get(status.state, "FAIL")
    print(f"[{mark}] sync: {status.state.value}, {status.pending} document(s) to send, {status.dead} rejected"
          + (f": {status.problem} (at {_when(status.problem_at)})" if status.problem else ""))
    healthy &= status.state is not SyncState.NEEDS_ATTENTION
    if status.audio_lost:
        print(f"[warn] {status.audio_lost} recording(s) were sent without their audio (missing or changed "
              f"before sync); `speakcheck status` lists them")
    return 0 if healthy else EXIT_FAILED


def cmd_kiosk_pin(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    path = args.file or find_kiosk_file() or config_dir() / "kiosk.toml"
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New operator PIN (digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            raise CommandFailed("The two PINs differ; nothing was changed.")
    try:
        save_operator_pin(path, hash_pin(pin))
    except (PinError, KioskConfigError) as exc:
        raise CommandFailed(f"{exc} Nothing was changed.") from None
    print(f"Operator PIN set (kept only as a salted hash) in {path}.")
    return 0


def cmd_verify_audit(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    # The key first: one that cannot be read is said before MongoDB is asked anything.
    checking = verifying_key(args.public_key)
    mirror = _mirror(settings)
    try:
        session, events, documents = mirror.audit_documents(args.session_id)
    except (MongoUnavailable, MongoNeedsAttention) as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        mirror.close()
    report = verify_chain(args.session_id, events, session, documents=documents)
    if not report.found:
        # Nothing at all under this id: a mistyped id or another database, not a broken session.
        print(f"Session {args.session_id}: no such session in MongoDB (database {settings.mongodb_db}).")
        return EXIT_NOT_FOUND
    print(report.summary())
    code_found = True
    if args.code:
        points = chain_points((e.get("payload"), str(e.get("type")), e.get("created_at")) for e in events)
        match = match_code(args.code, points)
        print(match.summary())
        code_found = match.found
    if not code_found:
        return EXIT_FAILED
    if checking is None:
        if report.intact:
            print("The centre's signature was not checked (no --public-key, and no centre key on this computer): "
                  "the chain alone does not show a change made by someone who re-computed it.")
        return 0 if report.intact else EXIT_FAILED
    # The signature of the session as MongoDB holds it, over the chain's head as its events there have it.
    lines, accepted = check_signature(checking, args.session_id, session, events, chain_intact=report.intact)
    print("\n".join(lines))
    return 0 if report.intact and accepted else EXIT_FAILED


def cmd_formats(args: argparse.Namespace) -> int:
    """Every format: each mock test of the bank, and quick practice (one task of the level's)."""
    try:
        tests = parse_mock_bank_text(resource_path("mock_tests.json").read_text(encoding="utf-8"))
        tasks = TaskBank.load(resource_path("tasks.json"))
    except (OSError, ValueError, KeyError, BankError) as exc:  # a damaged installation
        raise CommandFailed(f"The installed task banks cannot be read ({type(exc).__name__}): reinstall "
                            f"SpeakCheck.") from None
    formats = [{"id": t.id, "level": t.level.value, "kind": "mock", "title": t.title,
                "parts": [{"kind": p.kind.value, "questions": [
                    {"id": q.id, "kind": p.kind.value, "prep_s": q.prep_s, "speak_s": q.speak_s} for q in p.questions]}
                    for p in t.parts]} for t in tests]
    for level in Level:
        # Quick practice asks one task of the level, chosen from these.
        formats.append({"id": f"practice-{level.value.lower()}", "level": level.value, "kind": "practice",
                        "title": "Quick practice", "parts": [{"kind": "practice", "choose": 1, "questions": [
                            {"id": t.id, "kind": t.kind, "prep_s": t.prep_s, "speak_s": t.speak_s}
                            for t in tasks.for_level(level)]}]})
    if args.json:
        print(json.dumps(formats, indent=2, ensure_ascii=False))
        return 0
    for f in formats:
        questions = sum(len(p["questions"]) for p in f["parts"]) if f["kind"] == "mock" else 1
        print(f"{f['id']:<16} {f['level']}  {f['kind']:<8}  {f['title']} ({questions} question(s))")
    return 0


def cmd_validate_bank(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise CommandFailed(f"{args.file} cannot be read ({reason}).") from None
    try:
        tests = parse_mock_bank_text(text)
    except BankError as exc:
        for problem in exc.problems:
            print(f"{args.file}: {problem}")
        return EXIT_FAILED
    print(f"{args.file}: valid, {len(tests)} mock test(s).")
    return 0


CONTENT_COMMANDS = {"formats": cmd_formats, "validate-bank": cmd_validate_bank}

COMMANDS = {"status": cmd_status, "sync": cmd_sync, "prune": cmd_prune, "delete": cmd_delete,
            "pull": cmd_pull, "doctor": cmd_doctor,
            "verify-audit": cmd_verify_audit, "kiosk-pin": cmd_kiosk_pin, **RECORDING_COMMANDS,
            **CENTRE_COMMANDS, **REPORT_COMMANDS,
            **EXPORT_COMMANDS}


if __name__ == "__main__":
    sys.exit(main())
