"""Saving what the person changed in Settings, and the device's user: plain code, no Qt, so the
settings dialog only collects values and the app's start and the dialog share one way to keep
preferences and the user. `save` runs on the store lane (the keyring may answer over D-Bus,
slowly), and so does `current`, which reads back what was saved so the app applies it at once;
`device_user` runs once at start, before any window."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bson import ObjectId

from speakcheck_desktop.assess.assessment_setup import AssessmentSetup, assessment_setup
from speakcheck_desktop.assess.credentials import save_api_key
from speakcheck_desktop.config import ConfigError, Settings, load_settings, save_settings_file
from speakcheck_desktop.preferences import Preferences, load_preferences, save_preferences
from speakcheck_desktop.store.local_store import LocalStore


@dataclass(frozen=True, kw_only=True)
class SettingsChanges:
    values: dict[str, str]  # settings.toml keys the person may set (not those the environment sets)
    api_key: str | None = None  # None: keep the saved one
    input_device: str | None = None  # None: the system default
    user_name: str = ""
    user_email: str = ""


@dataclass(frozen=True)
class SavedSettings:
    problems: list[str]  # what could not be saved, in sentences
    settings: Settings | None = None  # as saved, to apply now; None: they could not be read back
    ai: AssessmentSetup | None = None  # the assessment they make


class SettingsService:
    def __init__(self, config_dir: Path):
        self.config_dir = config_dir
        self.preferences_path = config_dir / "preferences.json"

    def preferences(self) -> Preferences:
        return load_preferences(self.preferences_path)

    def device_user(self, store: LocalStore) -> ObjectId:
        """This device's user, made on first start. One anonymous user per device, so a learner's
        sessions can be found again from another laptop; name and email stay empty unless the
        person adds them."""
        preferences = self.preferences()
        if preferences.user_id and store.get_user(ObjectId(preferences.user_id)) is not None:
            return ObjectId(preferences.user_id)
        user_id = store.add_user().id
        save_preferences(self.preferences_path, replace(preferences, user_id=str(user_id)))
        return user_id

    def current(self, api_key: str | None, *, offline: bool | None = None) -> tuple[Settings, AssessmentSetup]:
        """The settings as saved now (with what the environment sets), and the assessment they
        make with `api_key`: what the app switches to after a save. ConfigError when they are
        wrong (then nothing is switched)."""
        settings = load_settings(settings_file=self.config_dir / "settings.toml")
        return settings, assessment_setup(settings, api_key, offline=offline)

    def save(self, changes: SettingsChanges, store: LocalStore, user_id: ObjectId | None) -> list[str]:
        """Save each part that can be saved; the sentences say which could not, and why."""
        problems = []
        try:
            save_settings_file(dict(changes.values), self.config_dir / "settings.toml")
        except ConfigError as exc:
            problems.append(str(exc))
        if changes.api_key:
            try:
                save_api_key(changes.api_key)
            except Exception as exc:  # keyring backends raise their own types; none has a key to leak
                problems.append("The API key could not be saved: this system has no keyring available "
                                f"({type(exc).__name__}). Set the OPENAI_API_KEY environment variable instead.")
        save_preferences(self.preferences_path, replace(self.preferences(), input_device=changes.input_device))
        if (changes.user_name or changes.user_email) and user_id is not None:
            store.update_user(user_id, changes.user_name, changes.user_email)
        return problems

    def save_and_read_back(self, changes: SettingsChanges, store: LocalStore, user_id: ObjectId | None,
                           api_key: str | None, *, offline: bool | None = None) -> SavedSettings:
        """`save`, then `current` with the new key (or `api_key`, the one in use, when none was typed)."""
        problems = self.save(changes, store, user_id)
        try:
            settings, ai = self.current(changes.api_key or api_key, offline=offline)
        except ConfigError as exc:  # e.g. an environment variable that is wrong: nothing is switched
            return SavedSettings(problems + [str(exc)])
        return SavedSettings(problems, settings, ai)

    def mark_setup_done(self) -> None:
        """The first-run setup was finished or skipped: it opens by itself no more. Off the GUI
        thread like `save`, and after it, never beside it: both rewrite preferences.json whole."""
        save_preferences(self.preferences_path, replace(self.preferences(), setup_done=True))
