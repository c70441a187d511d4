"""Settings: the API key (kept in the OS keyring, shown masked), the AI servers and models, MongoDB
(with a connection test that runs off the GUI thread), the microphone, an optional name and email,
and the language. Values set by environment variables win, and are shown as such. The language is
the one setting that waits for the next start: every window's words are set when it is made."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.config import (
    LANGUAGES,
    LOCAL_MODELS,
    Settings,
    TranscribeWith,
    mask_uri,
    unmask_uri,
    uri_password,
)
from speakcheck_desktop.remote.sync_status import SyncState, SyncStatus
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.settings_service import SavedSettings, SettingsChanges

# settings.toml key -> the environment variable that overrides it
ENV_OF = {
    "transcribe_base_url": "SPEAKCHECK_TRANSCRIBE_BASE_URL", "transcribe_model": "SPEAKCHECK_TRANSCRIBE_MODEL",
    "evaluate_base_url": "SPEAKCHECK_EVALUATE_BASE_URL", "evaluate_model": "SPEAKCHECK_EVALUATE_MODEL",
    "mongodb_uri": "MONGODB_URI", "mongodb_db": "MONGODB_DB",
    "transcribe_with": "SPEAKCHECK_TRANSCRIBE_WITH", "local_model": "SPEAKCHECK_LOCAL_MODEL",
    "language": "SPEAKCHECK_LANGUAGE",
}
# The choices' words in English, translated where the dialog shows them.
TRANSCRIBE_CHOICES = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Automatic: a server if set, else OpenAI with a key, else this computer"), ""),
    (QT_TRANSLATE_NOOP("SettingsDialog", "OpenAI"), TranscribeWith.OPENAI.value),
    (QT_TRANSLATE_NOOP("SettingsDialog", "A compatible server (the address below)"), TranscribeWith.SERVER.value),
    (QT_TRANSLATE_NOOP("SettingsDialog", "On this computer (offline pack)"), TranscribeWith.LOCAL.value))
LOCAL_MODEL_CHOICES = ((QT_TRANSLATE_NOOP("SettingsDialog", "tiny.en: English only, fastest"), LOCAL_MODELS[0]),
                       (QT_TRANSLATE_NOOP("SettingsDialog", "base: multilingual, tells the language, slower"),
                        LOCAL_MODELS[1]))
# Each language by its own name, never translated: a person who cannot read the language in use
# must still find theirs. config.LANGUAGES holds the codes that load_settings accepts.
LANGUAGE_NAMES = {"en": "English", "es": "Espa\u00f1ol", "pt_BR": "Portugu\u00eas (Brasil)",
                  "zh_CN": "\u4e2d\u6587\uff08\u7b80\u4f53\uff09"}


def _translated(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((QCoreApplication.translate("SettingsDialog", words), value) for words, value in choices)


class SettingsDialog(QDialog):
    """Collects changes; the caller saves them (`values()`, `api_key()`) and applies them."""

    def __init__(self, settings: Settings, *, has_key: bool, devices: list[str], current_device: str | None,
                 test_connection: Callable[[str, str, Callable[[str], None]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        self._test_connection = test_connection
        self.fields: dict[str, QLineEdit] = {}
        self.choices: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)

        ai = QGroupBox(self.tr("AI services (OpenAI, or any OpenAI-compatible server)"))
        ai_form = QFormLayout(ai)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.Password)
        self.key.setAccessibleName(self.tr("OpenAI API key"))
        if os.environ.get("OPENAI_API_KEY"):
            self.key.setPlaceholderText(self.tr("set by OPENAI_API_KEY"))
            self.key.setEnabled(False)
        else:
            self.key.setPlaceholderText(self.tr("\u2022\u2022\u2022\u2022 saved in the system keyring") if has_key
                                        else self.tr("sk-\u2026 (kept in the system keyring, never in a file)"))
        ai_form.addRow(self.tr("API key"), self.key)
        self._choose(ai_form, self.tr("Transcribe answers"), "transcribe_with", _translated(TRANSCRIBE_CHOICES),
                     settings.transcribe_with.value if settings.transcribe_with else "")
        self._choose(ai_form, self.tr("Offline model"), "local_model", _translated(LOCAL_MODEL_CHOICES),
                     settings.local_model)
        empty = self.tr("empty: OpenAI")
        self._add(ai_form, self.tr("Transcription server"), "transcribe_base_url", settings.transcribe_base_url or "",
                  empty)
        self._add(ai_form, self.tr("Transcription model"), "transcribe_model", settings.transcribe_model)
        self._add(ai_form, self.tr("Evaluation server"), "evaluate_base_url", settings.evaluate_base_url or "", empty)
        self._add(ai_form, self.tr("Evaluation model"), "evaluate_model", settings.evaluate_model)

        mongo = QGroupBox(self.tr("MongoDB (optional: everything is kept on this computer first)"))
        mongo_form = QFormLayout(mongo)
        # Only the password part is masked: the rest of a connection string is no secret, and the
        # person must be able to read the host they connect to.
        self._uri = settings.mongodb_uri
        self._add(mongo_form, self.tr("Connection string"), "mongodb_uri", mask_uri(settings.mongodb_uri))
        if uri_password(settings.mongodb_uri):
            self.fields["mongodb_uri"].setToolTip(self.tr("The password is hidden; leave the dots to keep it, or "
                                                          "type a new one in their place"))
        self._add(mongo_form, self.tr("Database"), "mongodb_db", settings.mongodb_db)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_result = QLabel("")
        self.test_result.setWordWrap(True)
        self.test_button.clicked.connect(self._test)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        mongo_form.addRow("", test_row)

        person = QGroupBox(self.tr("You (optional)"))
        person_form = QFormLayout(person)
        self.device = QComboBox()
        self.device.setAccessibleName(self.tr("Microphone"))
        self.device.addItem(self.tr("System default"), None)
        self._current_device = current_device
        self._devices_listed = False
        if devices:
            self.set_devices(devices)
        person_form.addRow(self.tr("Microphone"), self.device)
        self._add(person_form, self.tr("Name"), "user_name", "")
        self._add(person_form, self.tr("Email"), "user_email", "")
        languages = ((self.tr("System"), ""), *((LANGUAGE_NAMES.get(code, code), code) for code in LANGUAGES if code))
        self._choose(person_form, self.tr("Language"), "language", languages, settings.language)
        self.choices["language"].setToolTip(self.choices["language"].toolTip() or self.tr(
            "System: the language this computer is set to, when SpeakCheck speaks it, else English"))
        # Every window's words are set when it is made: a new language shows from the next start.
        language_note = QLabel(self.tr("A new language is used from the next start of SpeakCheck."))
        language_note.setWordWrap(True)
        person_form.addRow("", language_note)

        note = QLabel(self.tr("Saved changes apply at once: answers waiting for an AI service are assessed with the "
                              "new one, and the sync uses the new database."))
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
            edit.setText(mask_uri(os.environ[env]) if key == "mongodb_uri" else os.environ[env])
            edit.setEnabled(False)
            edit.setToolTip(self.tr("Set by the environment variable {env}").format(env=env))
            label = self.tr("{label} (from {env})").format(label=label, env=env)
        self.fields[key] = edit
        form.addRow(label, edit)

    def _choose(self, form: QFormLayout, label: str, key: str, options: tuple[tuple[str, str], ...],
                value: str) -> None:
        box = QComboBox()
        box.setAccessibleName(label)
        for words, option in options:
            box.addItem(words, option)
        box.setCurrentIndex(max(0, box.findData(value)))
        env = ENV_OF.get(key)
        if env and os.environ.get(env):
            box.setEnabled(False)
            box.setToolTip(self.tr("Set by the environment variable {env}").format(env=env))
            label = self.tr("{label} (from {env})").format(label=label, env=env)
        self.choices[key] = box
        form.addRow(label, box)

    def _test(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing\u2026"))

        def done(message: str) -> None:
            self.test_result.setText(message)
            self.test_button.setEnabled(True)
        self._test_connection(self.uri(), self.fields["mongodb_db"].text().strip(), done)

    def uri(self) -> str:
        """The connection string as the person left it, its hidden password put back."""
        return unmask_uri(self.fields["mongodb_uri"].text().strip(), self._uri)

    def values(self) -> dict[str, str]:
        """The settings.toml values that changed and are not set by the environment."""
        values = {key: self.uri() if key == "mongodb_uri" else edit.text().strip()
                  for key, edit in self.fields.items() if edit.isEnabled() and key not in ("user_name", "user_email")}
        return values | {key: str(box.currentData()) for key, box in self.choices.items() if box.isEnabled()}

    def api_key(self) -> str | None:
        return self.key.text().strip() or None

    def device_name(self) -> str | None:
        # Until the microphones are listed only "System default" is there: saving then keeps the
        # person's microphone instead of quietly replacing it with the default.
        return self.device.currentData() if self._devices_listed else self._current_device

    def set_devices(self, names: list[str]) -> None:
        """The microphones, once listed (off the GUI thread); the current choice stays chosen."""
        chosen = self.device.currentData() if self._devices_listed else self._current_device
        self._devices_listed = bool(names)  # none listed (the listing failed): the saved one stands
        while self.device.count() > 1:
            self.device.removeItem(1)
        for name in names:
            self.device.addItem(name, name)
        if chosen in names:
            self.device.setCurrentIndex(names.index(chosen) + 1)

    def changes(self) -> SettingsChanges:
        return SettingsChanges(values=self.values(), api_key=self.api_key(), input_device=self.device_name(),
                               user_name=self.fields["user_name"].text().strip(),
                               user_email=self.fields["user_email"].text().strip())


def sync_status_text(status: SyncStatus) -> str:
    translate = QCoreApplication.translate
    if status.state is SyncState.SYNCED:
        return translate("SyncStatus", "Sync: up to date") if status.last_success else \
            translate("SyncStatus", "Sync: nothing to send yet")
    if status.state is SyncState.WAITING:
        return translate("SyncStatus", "Sync: {pending} waiting").format(pending=status.pending)
    if status.state is SyncState.OFFLINE:
        return translate("SyncStatus", "Sync: offline, {pending} waiting (kept on this computer)").format(
            pending=status.pending)
    return translate("SyncStatus", "Sync: needs attention")


def edit_settings(parent: QWidget, services: AppServices, show_error: Callable[[str], None],
                  show_message: Callable[[str], None], applied: Callable[[], None] = lambda: None) -> SettingsDialog:
    """Open the settings dialog (non-modal) over `parent` and return it. The microphones fill in
    when the audio lane has listed them; what the person accepts is saved off the GUI thread (a
    keyring answers over D-Bus and may take a while); problems come back as sentences."""
    recorder, sync = services.recorder, services.sync

    def no_sync(uri: str, db: str, done: Callable[[str], None]) -> None:
        done(QCoreApplication.translate("SettingsDialog", "Sync is switched off."))

    dialog = SettingsDialog(services.settings, has_key=services.can_assess, devices=[],
                            current_device=recorder.preferred_device,
                            test_connection=sync.test_connection if sync else no_sync, parent=parent)

    def save() -> None:
        def saved(result: SavedSettings) -> None:
            if result.problems:
                show_error(" ".join(result.problems))
            if result.settings is not None:
                applied()  # the window shows what is in use now
                if not result.problems:
                    show_message(QCoreApplication.translate("SettingsDialog", "Settings saved and in use."))
        services.apply_settings(dialog.changes(), saved)

    dialog.accepted.connect(save)
    recorder.list_devices(lambda devices: dialog.set_devices([d.name for d in devices]))
    dialog.open()
    return dialog
