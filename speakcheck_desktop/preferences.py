"""The person's own choices (the microphone they picked, ...), remembered between runs in
`preferences.json` in the config dir. Administrators' settings stay in settings.toml (config.py);
this file is the app's to write."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import Field, asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preferences:
    input_device: str | None = None  # by name: indexes change when devices come and go
    user_id: str | None = None  # this device's user (the `users` document made on first start)
    setup_done: bool = False  # the first-run setup was finished or skipped: it does not open by itself again


def should_offer_setup(preferences: Preferences) -> bool:
    """Whether the first-run setup should open by itself (it stays reachable from the Help menu)."""
    return not preferences.setup_done


def load_preferences(path: Path) -> Preferences:
    """The saved preferences, or the defaults. A damaged file is set aside, never a crash."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("Preferences in %s could not be read (%s); using defaults", path, exc)
        try:
            path.replace(path.with_suffix(".damaged.json"))
        except OSError:
            pass
        return Preferences()
    known = {f.name: f for f in fields(Preferences)}
    values = {k: v for k, v in data.items() if k in known and _fits(known[k], v)}
    return Preferences(**values)


def _fits(field: Field, value: object) -> bool:
    """A value of the field's kind: a flag takes only true or false (a hand-edited 1 or "yes" is
    not one, and bool is an int, so the test is on the default's type), the rest text or null."""
    if isinstance(field.default, bool):
        return isinstance(value, bool)
    return value is None or isinstance(value, str)


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write atomically: a crash mid-write leaves the old file, not half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(preferences), fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
