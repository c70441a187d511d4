"""`speakcheck report SESSION_ID -o FILE.pdf`: a session's score report as a PDF, the same one the
history's "Save report…" makes (core/report.py decides what is on it, services/report_pdf.py
prints it).

The centre's name and logo come from kiosk.toml (`centre`, `logo`): the kiosk's own, or the one
given with `--kiosk-file` on a staff computer (reading it there does not make it a kiosk). A logo
that cannot be read is said on stderr and the report is made without it.

Qt prints the PDF, so the command starts a QGuiApplication on the offscreen platform (no window,
no display needed; a server or a terminal over SSH works)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from bson import ObjectId

from speakcheck_desktop.assess.session_report import session_report
from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.kiosk_config import KioskConfig, KioskConfigError, find_kiosk_file, load_kiosk_config
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.services.report_pdf import ReportError, write_report_pdf
from speakcheck_desktop.store.local_store import LocalStore

EXIT_NOT_FOUND = 3


class ReportCommandFailed(Exception):
    """The command could not do its job; the message says why and what to do."""


def _session_id(text: str) -> ObjectId:
    if not ObjectId.is_valid(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are 24 hexadecimal digits")
    return ObjectId(text)


def add_parsers(sub: Any) -> None:
    report = sub.add_parser("report", help="a session's score report as a PDF")
    report.add_argument("session_id", type=_session_id, metavar="SESSION_ID")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="where to write it")
    report.add_argument("--kiosk-file", type=Path, metavar="KIOSK_TOML",
                        help="the centre's kiosk.toml, for its name and logo (default: this computer's, if any)")


def centre_settings(path: Path | None) -> KioskConfig:
    """The centre's name and logo for reports (defaults when there is no kiosk.toml)."""
    try:
        return load_kiosk_config(path)
    except KioskConfigError as exc:
        raise ReportCommandFailed(str(exc)) from None


def cmd_report(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    centre = centre_settings(args.kiosk_file or find_kiosk_file())
    tasks = TaskBank.load(resource_path("tasks.json"))
    report = session_report(store, args.session_id, tasks, centre=centre.centre or None)
    if report is None:
        print(f"speakcheck: session {args.session_id} is not on this computer (`speakcheck pull` copies a "
              "user's sessions from MongoDB).", file=sys.stderr)
        return EXIT_NOT_FOUND
    output = args.output if args.output.suffix.lower() == ".pdf" else args.output.with_name(args.output.name + ".pdf")
    _gui_application()
    try:
        warnings = write_report_pdf(report, output, logo=centre.logo)
    except ReportError as exc:
        raise ReportCommandFailed(str(exc)) from None
    for warning in warnings:
        print(f"speakcheck: {warning}", file=sys.stderr)
    print(f"Report of session {report.session_id} ({report.headline}) saved as {output}.")
    if report.code:
        print(f"Verification code: {report.code}")
    return 0


def _gui_application() -> None:
    """Fonts and painting need a QGuiApplication; the offscreen platform needs no display."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([sys.argv[0] if sys.argv else "speakcheck"])


COMMANDS = {"report": cmd_report}
