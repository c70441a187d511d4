"""Settings: the API key (kept in the OS keyring, shown masked), the AI servers and models, MongoDB
(with a connection test that runs off the GUI thread), the microphone, and an optional name and
email. Values set by environment variables win, and are shown as such."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from speakcheck_desktop.assess.credentials import save_api_key
from speakcheck_desktop.config import ConfigError, Settings, config_dir, redact_uri, save_settings_file
from speakcheck_desktop.preferences import load_preferences, save_preferences
from speakcheck_desktop.remote.outbox_relay import SyncState, SyncStatus

# settings.toml key -> the environment variable that overrides it
ENV_OF = {
    "transcribe_base_url": "SPEAKCHECK_TRANSCRIBE_BASE_URL", "transcribe_model": "SPEAKCHECK_TRANSCRIBE_MODEL",
    "evaluate_base_url": "SPEAKCHECK_EVALUATE_BASE_URL", "evaluate_model": "SPEAKCHECK_EVALUATE_MODEL",
    "mongodb_uri": "MONGODB_URI", "mongodb_db": "MONGODB_DB",
}


class SettingsDialog(QDialog):
    """Collects changes; the caller saves them (`values()`, `api_key()`) and applies them."""

    def __init__(self, settings: Settings, *, has_key: bool, devices: list[str], current_device: str | None,
                 test_connection: Callable[[str, str, Callable[[str], None]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(620)
        self._test_connection = test_connection
        self.fields: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)

        ai = QGroupBox("AI services (OpenAI, or any OpenAI-compatible server)")
        ai_form = QFormLayout(ai)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.Password)
        self.key.setAccessibleName("OpenAI API key")
        if os.environ.get("OPENAI_API_KEY"):
            self.key.setPlaceholderText("set by OPENAI_API_KEY")
            self.key.setEnabled(False)
        else:
            self.key.setPlaceholderText("\u2022\u2022\u2022\u2022 saved in the system keyring" if has_key
                                        else "sk-\u2026 (kept in the system keyring, never in a file)")
        ai_form.addRow("API key", self.key)
        self._add(ai_form, "Transcription server", "transcribe_base_url", settings.transcribe_base_url or "",
                  "empty: OpenAI")
        self._add(ai_form, "Transcription model", "transcribe_model", settings.transcribe_model)
        self._add(ai_form, "Evaluation server", "evaluate_base_url", settings.evaluate_base_url or "", "empty: OpenAI")
        self._add(ai_form, "Evaluation model", "evaluate_model", settings.evaluate_model)

        mongo = QGroupBox("MongoDB (optional: everything is kept on this computer first)")
        mongo_form = QFormLayout(mongo)
        self._add(mongo_form, "Connection string", "mongodb_uri", settings.mongodb_uri)
        if self.fields["mongodb_uri"].isEnabled():  # it may hold a password: shown only while edited
            self.fields["mongodb_uri"].setEchoMode(QLineEdit.PasswordEchoOnEdit)
        self._add(mongo_form, "Database", "mongodb_db", settings.mongodb_db)
        test_row = QHBoxLayout()
        self.test_button = QPushButton("Test connection")
        self.test_result = QLabel("")
        self.test_result.setWordWrap(True)
        self.test_button.clicked.connect(self._test)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        mongo_form.addRow("", test_row)

        person = QGroupBox("You (optional)")
        person_form = QFormLayout(person)
        self.device = QComboBox()
        self.device.setAccessibleName("Microphone")
        self.device.addItem("System default", None)
        for name in devices:
            self.device.addItem(name, name)
        if current_device in devices:
            self.device.setCurrentIndex(devices.index(current_device) + 1)
        person_form.addRow("Microphone", self.device)
        self._add(person_form, "Name", "user_name", "")
        self._add(person_form, "Email", "user_email", "")

        note = QLabel("Changes to servers and databases take effect when SpeakCheck starts next time.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (ai, mongo, person, note, buttons):
            layout.addWidget(widget)

    def _add(self, form: QFormLayout, label: str, key: str, value: str, placeholder: str = "") -> None:
        edit = QLineEdit(value)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        env = ENV_OF.get(key)
        if env and os.environ.get(env):
            edit.setText(redact_uri(os.environ[env]) if key == "mongodb_uri" else os.environ[env])
            edit.setEnabled(False)
            edit.setToolTip(f"Set by the environment variable {env}")
            label += f" (from {env})"
        self.fields[key] = edit
        form.addRow(label, edit)

    def _test(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setText("Testing\u2026")

        def done(message: str) -> None:
            self.test_result.setText(message)
            self.test_button.setEnabled(True)
        self._test_connection(self.fields["mongodb_uri"].text().strip(), self.fields["mongodb_db"].text().strip(), done)

    def values(self) -> dict[str, Any]:
        """The settings.toml values that changed and are not set by the environment."""
        return {key: edit.text().strip() for key, edit in self.fields.items()
                if edit.isEnabled() and key not in ("user_name", "user_email")}

    def api_key(self) -> str | None:
        return self.key.text().strip() or None

    def device_name(self) -> str | None:
        return self.device.currentData()


def sync_status_text(status: SyncStatus) -> str:
    return {SyncState.SYNCED: "Sync: up to date" if status.last_success else "Sync: nothing to send yet",
            SyncState.WAITING: f"Sync: {status.pending} waiting",
            SyncState.OFFLINE: f"Sync: offline, {status.pending} waiting (kept on this computer)",
            SyncState.NEEDS_ATTENTION: "Sync: needs attention"}[status.state]


def edit_settings(parent: QWidget, services: Any, show_error: Callable[[str], None],
                  show_message: Callable[[str], None]) -> None:
    """Open the settings dialog (non-modal) for `parent`, as `parent.settings_dialog`; save what
    the person accepts off the GUI thread (a keyring answers over D-Bus and may take a while);
    problems come back as sentences."""
    recorder, sessions = services.recorder, services.sessions

    def show(devices: list) -> None:
        sync = services.sync
        dialog = SettingsDialog(
            services.settings, has_key=services.can_assess, devices=[d.name for d in devices],
            current_device=recorder.preferred_device,
            test_connection=sync.test_connection if sync else (lambda uri, db, done: done("Sync is switched off.")),
            parent=parent)
        dialog.accepted.connect(lambda: save(dialog))
        parent.settings_dialog = dialog
        dialog.open()

    def save(dialog: SettingsDialog) -> None:
        values, key, device = dialog.values(), dialog.api_key(), dialog.device_name()
        name, email = dialog.fields["user_name"].text().strip(), dialog.fields["user_email"].text().strip()
        user_id = sessions.user_id
        recorder.preferred_device = device

        def write(store) -> list[str]:
            problems = []
            try:
                save_settings_file(values)
            except ConfigError as exc:
                problems.append(str(exc))
            if key:
                try:
                    save_api_key(key)
                except Exception as exc:  # keyring backends raise their own types; none has a key to leak
                    problems.append("The API key could not be saved: this system has no keyring available "
                                    f"({type(exc).__name__}). Set the OPENAI_API_KEY environment variable instead.")
            preferences_path = config_dir() / "preferences.json"
            save_preferences(preferences_path, replace(load_preferences(preferences_path), input_device=device))
            if (name or email) and user_id is not None:
                store.update_user(user_id, name, email)
            return problems

        def written(problems: list[str]) -> None:
            sessions.data_changed.emit()
            if problems:
                show_error(" ".join(problems))
            else:
                show_message("Settings saved. Server and database changes apply when SpeakCheck starts next time.")
        sessions.on_store(write, written)

    recorder.list_devices(show)
