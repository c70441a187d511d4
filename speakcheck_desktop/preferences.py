"""The person's own choices (the microphone they picked, ...), remembered between runs in
`preferences.json` in the config dir. Administrators' settings stay in settings.toml (config.py);
this file is the app's to write."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preferences:
    input_device: str | None = None  # by name: indexes change when devices come and go
    user_id: str | None = None  # this device's user (the `users` document made on first start)


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
    values = {k: v for k, v in data.items() if k in known and (v is None or isinstance(v, str))}
    return Preferences(**values)


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write atomically: a crash mid-write leaves the old file, not half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(preferences), fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
