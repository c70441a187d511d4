"""Kiosk mode's settings: a `kiosk.toml` an administrator deploys, read once at start.

Where it is looked for, first found wins: `SPEAKCHECK_KIOSK_FILE`; next to the executable (a
bundle on a kiosk); the config dir (`~/.config/speakcheck-desktop/kiosk.toml`). A kiosk file
found there turns kiosk mode on, as `--kiosk` does. An example, every key optional except the PIN:

    centre = "Riverside Language Centre"
    level = "B1"                 # fixed by the centre; leave out to let the operator choose
    ask_name = false             # ask the candidate's name as well as the candidate ID
    format = "mock"              # "mock": a whole mock test | "practice": one quick-practice task
    mock_bank = "/srv/centre/mock_tests.json"  # the centre's own mock tests (else the app's)
    attempts_per_task = 1        # recordings a candidate may make for each question
    show_result = "submitted"    # "scores" | "level" | "submitted"
    idle_reset_s = 180           # back to check-in after this long without input
    keep_after_sync_h = 0        # local copy kept this long after MongoDB acknowledged it
    review_below = 0.6           # a result with a lower confidence is held "under review" for an examiner
    logo = "/srv/centre/logo.png"  # the centre's logo on score reports (PNG, JPEG or SVG)
    operator_pin = "scrypt$..."  # written by `speakcheck kiosk-pin`, never the PIN itself
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from speakcheck_desktop.config import config_dir
from speakcheck_desktop.core.records import Level


class ShowResult(StrEnum):
    """How much of the result a candidate sees on the last page."""
    SCORES = "scores"  # level, confidence and sub-scores
    LEVEL = "level"  # the level only
    SUBMITTED = "submitted"  # only that the answer was submitted: the centre gives the result


class KioskFormat(StrEnum):
    """What a candidate takes at the kiosk."""
    MOCK = "mock"  # a whole mock test of the level: every part, question after question
    PRACTICE = "practice"  # one quick-practice task


class KioskConfigError(ValueError):
    """A kiosk.toml that cannot be used: says which key, and what is allowed."""


@dataclass(frozen=True)
class KioskConfig:
    path: Path | None = None
    operator_pin: str | None = None  # the salted hash (core/operator_pin.py)
    centre: str = ""
    level: Level | None = None
    format: KioskFormat = KioskFormat.MOCK
    mock_bank: Path | None = None  # a centre's mock-test bank (checked when the kiosk starts)
    ask_name: bool = False
    attempts_per_task: int = 1
    show_result: ShowResult = ShowResult.SCORES
    idle_reset_s: float = 180.0
    keep_after_sync_h: float = 0.0
    review_below: float | None = None  # the routing rule (core/review.py): None holds nothing
    logo: Path | None = None  # printed on score reports (read when a report is made)

    def __post_init__(self) -> None:
        # Built from code as well as from kiosk.toml: a plain string is held as its enum, and a
        # wrong one fails here, not at the last page.
        object.__setattr__(self, "show_result", ShowResult(self.show_result))
        object.__setattr__(self, "format", KioskFormat(self.format))


def kiosk_file_candidates() -> list[Path]:
    found = []
    if os.environ.get("SPEAKCHECK_KIOSK_FILE"):
        found.append(Path(os.environ["SPEAKCHECK_KIOSK_FILE"]))
    if getattr(sys, "frozen", False):
        found.append(Path(sys.executable).resolve().parent / "kiosk.toml")
    found.append(config_dir() / "kiosk.toml")
    return found


def find_kiosk_file() -> Path | None:
    return next((p for p in kiosk_file_candidates() if p.is_file()), None)


def load_kiosk_config(path: Path | None) -> KioskConfig:
    """Defaults when `path` is None; otherwise the file, checked key by key."""
    if path is None:
        return KioskConfig()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KioskConfigError(f"The kiosk settings {path} cannot be read ({exc.strerror or exc}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise KioskConfigError(f"The kiosk settings {path} are not valid TOML: {exc}.") from None

    def bad(key: str, allowed: str) -> KioskConfigError:
        return KioskConfigError(f"{path}: {key} = {raw[key]!r} is not allowed ({allowed}).")

    unknown = set(raw) - {f for f in KioskConfig.__dataclass_fields__ if f != "path"}
    if unknown:
        raise KioskConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}.")
    values: dict = {}
    if "level" in raw:
        if raw["level"] not in [lv.value for lv in Level]:  # a list, not a set: the value may be unhashable
            raise bad("level", "A2, B1, B2 or C1")
        values["level"] = Level(raw["level"])
    if "show_result" in raw:
        if raw["show_result"] not in [r.value for r in ShowResult]:
            raise bad("show_result", ", ".join(ShowResult))
        values["show_result"] = ShowResult(raw["show_result"])
    if "format" in raw:
        if raw["format"] not in [f.value for f in KioskFormat]:
            raise bad("format", ", ".join(KioskFormat))
        values["format"] = KioskFormat(raw["format"])
    if "mock_bank" in raw:
        if not isinstance(raw["mock_bank"], str) or not Path(raw["mock_bank"]).is_absolute():
            raise bad("mock_bank", "the full path of a mock-test bank file, quoted")
        values["mock_bank"] = Path(raw["mock_bank"])
    if "logo" in raw:
        if not isinstance(raw["logo"], str) or not Path(raw["logo"]).is_absolute():
            raise bad("logo", "the full path of a PNG, JPEG or SVG file, quoted")
        values["logo"] = Path(raw["logo"])
    for key, low, kind in (("attempts_per_task", 1, int), ("idle_reset_s", 15, (int, float)),
                           ("keep_after_sync_h", 0, (int, float))):
        if key in raw:
            if isinstance(raw[key], bool) or not isinstance(raw[key], kind) or raw[key] < low:
                raise bad(key, f"a number, at least {low}")
            values[key] = raw[key]
    if "review_below" in raw:
        value = raw["review_below"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise bad("review_below", "a confidence above 0 and at most 1, like 0.6")
        values["review_below"] = float(value)
    for key in ("centre", "operator_pin"):
        if key in raw:
            if not isinstance(raw[key], str):
                raise bad(key, "a quoted string")
            values[key] = raw[key]
    if "ask_name" in raw:
        if not isinstance(raw["ask_name"], bool):
            raise bad("ask_name", "true or false")
        values["ask_name"] = raw["ask_name"]
    return KioskConfig(path=path, **values)


def save_operator_pin(path: Path, pin_hash: str) -> Path:
    """Put `operator_pin = "<hash>"` into the kiosk file, keeping its other lines; atomic, and
    readable by its owner only (the hash is slow to attack, but no reason to show it around)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else [
        "# SpeakCheck Desktop kiosk settings (see the README, \u201cKiosk mode\u201d)."]
    lines = [line for line in lines if not line.strip().startswith("operator_pin")]
    lines.append(f'operator_pin = "{pin_hash}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    load_kiosk_config(path)  # what was written reads back
    return path
