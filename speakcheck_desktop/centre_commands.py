"""The centre's commands: `speakcheck agreement`, `speakcheck centre-key` and `speakcheck sign`.

`agreement`: how the AI's scores agree with the centre's examiners, on the centre's own
candidates (the answers rated in the Review workspace) or on a CSV of ratings made elsewhere.
The figures are core/agreement.py's (QWK, exact and adjacent agreement, Pearson r, SMD, and the
degradation against examiner-examiner agreement), each printed beside the threshold commonly
used for automated scoring and a verdict; too-small samples are flagged, not judged.

`centre-key create [--force]` / `centre-key show`: the centre's signing key (store/centre_key.py)
in this staff computer's config folder, `config_dir() / "centre-key"`. It is refused on a kiosk
(a computer with a kiosk.toml): the centre's private key never goes on a kiosk. Only the key id
and the public key's line are ever printed, never the private key.

`sign SESSION_ID | --all`: the centre's signature over ended sessions' chains
(store/result_signing.py), stored in the session documents; they reach MongoDB with the next
sync. `speakcheck verify-audit` checks them (`verifying_key`, `signature_lines`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bson import ObjectId
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.agreement import AgreementError, RatedAnswer, agreement_report, ratings_from_csv
from speakcheck_desktop.core.chain_signature import (
    PUBLIC_KEY_PREFIX,
    ChainSignatureError,
    SignatureVerdict,
    VerdictKind,
    key_id,
)
from speakcheck_desktop.core.records import RecordError
from speakcheck_desktop.kiosk_config import find_kiosk_file
from speakcheck_desktop.store.centre_key import (
    PRIVATE_KEY_FILE,
    CentreKey,
    CentreKeyError,
    centre_key_dir,
    create_centre_key,
    load_centre_key,
    load_public_key,
)
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.result_signing import SigningError, sign_finished, sign_session, signature_verdict
from speakcheck_desktop.store.reviews import rated_answers

EXIT_FAILED = 1



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
    centre_key = sub.add_parser("centre-key", help="the centre's signing key on this staff computer (never a kiosk)")
    actions = centre_key.add_subparsers(dest="key_action", required=True, metavar="{create,show}")
    create = actions.add_parser("create", help="make the centre key here; prints the public key to hand out")
    create.add_argument("--force", action="store_true",
                        help="replace the key there is (results signed with it are then checked with its old "
                             "public key)")
    actions.add_parser("show", help="the key id and the public key (never the private key)")
    sign = sub.add_parser("sign", help="sign ended sessions with the centre key; sent to MongoDB by the next sync")
    which = sign.add_mutually_exclusive_group(required=True)
    which.add_argument("session_id", nargs="?", type=parse_session_id, metavar="SESSION_ID",
                       help="the ended session to sign (again)")
    which.add_argument("--all", action="store_true",
                       help="every ended session not signed yet, or with events added since it was signed")
    sign.add_argument("--since", type=parse_day, metavar="DATE", help="with --all: sessions from this day (YYYY-MM-DD)")


def parse_session_id(text: str) -> ObjectId:
    if not ObjectId.is_valid(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are 24 hexadecimal digits")
    return ObjectId(text)


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
              "(the main window's \u201cReview answers\u201d button) and run this again.")
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


# -- the centre's signing key and its signatures ---------------------------------------------------

def _refuse_on_kiosk(doing: str) -> None:
    kiosk = find_kiosk_file()
    if kiosk is not None:
        raise CentreCommandFailed(f"This is a kiosk computer ({kiosk}), so {doing}: the centre's private key never "
                                  f"goes on a kiosk. Do it on the centre's staff computer; a kiosk needs at most the "
                                  f"public key.")


def _centre_key() -> CentreKey:
    directory = centre_key_dir()
    try:
        key = load_centre_key(directory)
    except CentreKeyError as exc:
        raise CentreCommandFailed(str(exc)) from None
    if key is None:
        raise CentreCommandFailed(f"There is no centre key on this computer ({directory}): run `speakcheck centre-key "
                                  f"create` first, on the centre's staff computer.")
    return key


def cmd_centre_key(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    if args.key_action == "show":
        key = _centre_key()
        print(f"Centre key {key.key_id} ({key.path}).")
        print(f"Public key: {key.public_text}")
        print(f"Public key file, to hand to whoever checks results: {key.public_path}")
        return 0
    _refuse_on_kiosk("the centre key was not created")
    directory = centre_key_dir()
    replaced = None
    if args.force and (directory / PRIVATE_KEY_FILE).exists():
        try:
            old = load_centre_key(directory)
            replaced = old.key_id if old else None
        except CentreKeyError:
            replaced = "unknown"  # a key that cannot be used is replaced all the same
    try:
        key = create_centre_key(directory, force=args.force)
    except CentreKeyError as exc:
        raise CentreCommandFailed(str(exc)) from None
    print(f"Created the centre key {key.key_id}.")
    print(f"Public key: {key.public_text}")
    print(f"Public key file, to copy to whoever checks results (`speakcheck verify-audit SESSION_ID --public-key "
          f"FILE`): {key.public_path}")
    print(f"The private key is in {key.path}, readable only by you: keep it on this computer and in your backups, "
          f"never on a kiosk.")
    if replaced:
        print(f"It replaces the key {replaced}: results signed with that key are checked with its old public key, "
              f"or signed again (`speakcheck sign --all`).")
    return 0


def cmd_sign(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    if args.since is not None and not args.all:
        raise CentreCommandFailed("--since is for --all: a session named by its id is signed whenever it started.")
    _refuse_on_kiosk("nothing was signed")
    key = _centre_key()
    refusals: list[str] = []
    try:
        if args.all:
            since = local_midnight(args.since) if args.since else None
            signed = sign_finished(store, key, since=since, refused=lambda _sid, exc: refusals.append(str(exc)))
        else:
            sign_session(store, key, args.session_id)
            signed = [args.session_id]
    except (SigningError, RecordError, ChainSignatureError) as exc:
        raise CentreCommandFailed(f"{exc} Nothing was signed.") from None
    if signed:
        print(f"Signed {len(signed)} session{'s' if len(signed) != 1 else ''} with the centre key {key.key_id}.")
        for session_id in signed:
            print(f"  {session_id}")
        print("The signatures reach MongoDB with the next sync (`speakcheck sync`).")
    elif not refusals:
        print(f"Nothing to sign: every ended session here is signed with the centre key {key.key_id} over its "
              f"whole chain.")
    for refusal in refusals:
        print(f"speakcheck: not signed: {refusal}", file=sys.stderr)
    return EXIT_FAILED if refusals else 0


def verifying_key(public_key: str | None) -> tuple[Ed25519PublicKey, str] | None:
    """For `verify-audit`: the centre public key to check signatures with, and where it came from
    (in words): `public_key` (the --public-key file, or the key's line), else this computer's centre
    key, else None (no signature check). CentreCommandFailed when the one given or the one here
    cannot be used."""
    if public_key is not None:
        try:
            key = load_public_key(public_key)
        except (CentreKeyError, ChainSignatureError) as exc:
            raise CentreCommandFailed(f"{exc} Nothing was checked.") from None
        line = public_key.lstrip().startswith(PUBLIC_KEY_PREFIX)
        return key, "the public key given" if line else f"the public key in {public_key}"
    try:
        here = load_centre_key(centre_key_dir())
    except CentreKeyError as exc:
        raise CentreCommandFailed(f"{exc} Or check with the centre's public key: --public-key FILE. Nothing was "
                                  f"checked.") from None
    return (here.public_key, "this computer's centre key") if here is not None else None


_LABELS = {VerdictKind.VALID: "valid", VerdictKind.NOT_SIGNED: "not signed", VerdictKind.WRONG_KEY: "wrong key",
           VerdictKind.FORGED: "forged", VerdictKind.STALE: "stale", VerdictKind.MALFORMED: "malformed"}


def signature_label(verdict: SignatureVerdict) -> str:
    """The verdict in a word or two, as verify-audit prints it (FORGED, WRONG KEY, ...)."""
    label = _LABELS[verdict.kind]
    if verdict.kind is VerdictKind.STALE:
        label += ", accepted" if verdict.accepted else ", not accepted"
    return label.upper()


def signature_lines(verdict: SignatureVerdict, source: str, key_id: str, chain_intact: bool) -> list[str]:
    """What verify-audit prints about the signature: the verdict with the key it was checked
    with, its sentence, and, when the chain is intact but the signature is not accepted, why the
    session still counts as broken."""
    lines = [f"Centre signature, checked with {source} (key {key_id}): {signature_label(verdict)}.",
             f"  {verdict.message}"]
    if chain_intact and not verdict.accepted:
        lines.append(f"Session {verdict.session_id}: broken: the chain is intact, but {_WHY_BROKEN[verdict.kind]}, so "
                     f"it cannot be trusted as the centre's result.")
    return lines


_WHY_BROKEN = {VerdictKind.FORGED: "its centre signature is forged",
               VerdictKind.WRONG_KEY: "it is signed with another key than the one it was checked with (wrong key)",
               VerdictKind.NOT_SIGNED: "the centre has not signed it (not signed)",
               VerdictKind.MALFORMED: "its centre signature cannot be read (malformed)",
               VerdictKind.STALE: "its centre signature does not cover the events added since it was signed (stale)",
               VerdictKind.VALID: "its centre signature is valid"}  # never printed: a valid one is accepted


def check_signature(checking: tuple[Ed25519PublicKey, str], session_id: ObjectId, session: dict[str, Any] | None,
                    events: list[dict[str, Any]], *, chain_intact: bool) -> tuple[list[str], bool]:
    """For `verify-audit`: the lines it prints about the centre's signature of the session as
    MongoDB holds it (`checking`: `verifying_key`'s answer), and whether the signature is accepted
    (VALID, or STALE with only audio pruned since)."""
    public_key, source = checking
    verdict = signature_verdict(session_id, session, events, public_key)
    return signature_lines(verdict, source, key_id(public_key), chain_intact), verdict.accepted


COMMANDS = {"agreement": cmd_agreement, "centre-key": cmd_centre_key, "sign": cmd_sign}
