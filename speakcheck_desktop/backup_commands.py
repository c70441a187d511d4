"""`speakcheck backup FILE` and `speakcheck restore FILE [--force]`: the local store (its database
and its recordings' audio) in one archive, and back; how a learner moves to a new laptop without
MongoDB. What is in the archive and what is checked is store/backup.py's.

Unlike the other commands, these open the store themselves rather than being handed one by
cli.py: `backup` opens it as any command does (so the app and a sync may go on writing), and
`restore` must not open it at all, since it replaces it, and refuses while anyone has it open.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from speakcheck_desktop.config import Settings
from speakcheck_desktop.store.backup import BackupError, back_up, restore
from speakcheck_desktop.store.database import StoreFullError
from speakcheck_desktop.store.local_store import LocalStore


class BackupCommandFailed(Exception):
    """The command could not do its job; the message says why and what to do."""


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="copy the local store and its recordings into one archive (while the app "
                                           "runs, too)")
    backup.add_argument("file", type=Path, metavar="FILE", help="the archive to write, e.g. speakcheck-backup.zip")
    back = sub.add_parser("restore", help="replace the local store with a backup archive, after checking all of it")
    back.add_argument("file", type=Path, metavar="FILE", help="an archive `speakcheck backup` wrote")
    back.add_argument("--force", action="store_true",
                      help="replace a store that holds sessions or answers the backup does not have (it is kept in "
                           "a before-restore folder first)")


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    target = args.file.expanduser()
    if not settings.database_path.exists():
        raise BackupCommandFailed(f"There is no local store in {settings.data_dir} to back up (SpeakCheck has not "
                                  f"been used here, or SPEAKCHECK_DATA_DIR points elsewhere). Nothing was saved.")
    if target.is_dir():
        raise BackupCommandFailed(f"{target} is a folder: give the name of the archive to write in it, like "
                                  f"{target / 'speakcheck-backup.zip'}. Nothing was saved.")
    with LocalStore.open(settings.database_path, settings.recordings_dir) as store:
        try:
            report = back_up(store, target)
        except (BackupError, StoreFullError) as exc:
            raise BackupCommandFailed(str(exc)) from None
    print(report.summary())
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    try:
        report = restore(args.file.expanduser(), settings.database_path, settings.recordings_dir, force=args.force)
    except (BackupError, StoreFullError) as exc:
        raise BackupCommandFailed(str(exc)) from None
    print(report.summary())
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {"backup": cmd_backup, "restore": cmd_restore}
