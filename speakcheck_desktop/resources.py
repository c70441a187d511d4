"""Where the app's shipped data lives: `resources/` beside the package in a source tree, or inside
the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from speakcheck_desktop.core.mock_format import BankError, MockTest, parse_mock_bank_text


def resource_path(*parts: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)


def load_mock_tests(path: Path | None = None) -> list[MockTest]:
    """The mock tests: the app's own bank, or a centre's file (`kiosk.toml` `mock_bank`), checked
    whole (core/mock_format.py). BankError names the file and every problem."""
    path = path or resource_path("mock_tests.json")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise BankError([f"The mock-test bank {path} cannot be read ({reason})."]) from None
    try:
        return parse_mock_bank_text(text)
    except BankError as exc:
        raise BankError([f"The mock-test bank {path}: {problem}" for problem in exc.problems]) from None
