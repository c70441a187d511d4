"""`speakcheck agreement`: how the AI's scores agree with the centre's examiners, on the centre's
own candidates (the answers rated in the Review workspace) or on a CSV of ratings made elsewhere.

The figures are core/agreement.py's (QWK, exact and adjacent agreement, Pearson r, SMD, and the
degradation against examiner-examiner agreement), each printed beside the threshold commonly
used for automated scoring and a verdict; too-small samples are flagged, not judged.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.agreement import AgreementError, RatedAnswer, agreement_report, ratings_from_csv
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import rated_answers


class CentreCommandFailed(Exception):
    """The command could not do its job; the message says why and what to do."""


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD, like 2026-09-01") from None


def add_parsers(sub: Any) -> None:
    agreement = sub.add_parser("agreement", help="agreement of the AI's scores with the examiners' (QWK, r, SMD)")
    agreement.add_argument("--since", type=parse_day, metavar="DATE", help="sessions from this day (YYYY-MM-DD)")
    agreement.add_argument("--until", type=parse_day, metavar="DATE", help="sessions up to this day, included")
    agreement.add_argument("--from-csv", type=Path, metavar="FILE",
                           help="paired ratings made elsewhere: columns ai_level,human_level, optionally "
                                "ai_<score>,human_<score> and human2_level")
    agreement.add_argument("--json", action="store_true", help="as JSON, for scripts")


def local_midnight(day: date) -> datetime:
    """The day's start on this computer's clock, as an aware time (a centre thinks in local days)."""
    return datetime.combine(day, time()).astimezone()


def cmd_agreement(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    answers: list[RatedAnswer]
    if args.from_csv is not None:
        if args.since or args.until:
            raise CentreCommandFailed("--since and --until are for the answers rated here, not for --from-csv.")
        answers = list(_csv_ratings(args.from_csv))
        where = f"{args.from_csv.name}: {len(answers)} row(s)"
    else:
        since = local_midnight(args.since) if args.since else None
        until = local_midnight(args.until + timedelta(days=1)) if args.until else None
        answers = rated_answers(store, since=since, until=until)
        where = f"answers rated by an examiner in this computer's store: {len(answers)}"
    report = agreement_report(answers)
    if args.json:
        print(json.dumps({"source": where, **report.as_dict()}, indent=2, ensure_ascii=False))
        return 0
    print(f"Agreement ({where}).")
    if not answers:
        print("No answer has been rated by an examiner yet: review answers in the Review workspace "
              "(Review > Review answers) and run this again.")
        return 0
    for line in report.as_lines():
        print(line)
    return 0


def _csv_ratings(path: Path) -> tuple[RatedAnswer, ...]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise CentreCommandFailed(f"{path} cannot be read ({reason}).") from None
    try:
        return ratings_from_csv(text)
    except AgreementError as exc:
        raise CentreCommandFailed(f"{path.name}: {exc}") from None


COMMANDS = {"agreement": cmd_agreement}
