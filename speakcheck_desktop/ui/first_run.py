"""The first-run setup, three short steps: the microphone (choose it, watch its level, record a
few seconds, hear them back, read the verdict), how answers are assessed (OpenAI with a key, a
compatible server, or this computer), and sync to MongoDB. Every step can be skipped, and so can
the whole setup; Finish saves only what the person set, through the same `apply_settings` as the
Settings dialog, so it is in use at once. The checks run in `ConnectionChecks`, off the GUI thread;
this window only shows what they say."""

from __future__ import annotations

import os
import time
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from shiboken6 import isValid

from speakcheck_desktop.config import (
    DEFAULT_MONGODB_URI,
    ConfigError,
    check_mongodb_uri,
    mask_uri,
    redact_uri,
    unmask_uri,
)
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.connection_checks import ConnectionChecks, MicStep, MicTest, level_in_words
from speakcheck_desktop.services.settings_service import SavedSettings, SettingsChanges
from speakcheck_desktop.ui.settings_dialog import ENV_OF
from speakcheck_desktop.ui.widgets import LevelMeter

# A Test waits no longer than this: the person is looking at the window, and a server that takes
# longer to say who it is will not assess answers well either.
AI_TEST_TIMEOUT_S = 10.0
METER_INTERVAL_MS = 40
DESCRIBE_LEVEL_EVERY_S = 0.5  # the meter's text alternative: often enough to follow, not a flood
# In English here (the tests compare with them), translated where shown (`_words`).
TESTING = QT_TRANSLATE_NOOP("FirstRun", "Testing\u2026")
SAVED = QT_TRANSLATE_NOOP("FirstRun", "Setup saved and in use.")
OFFLINE_PACK_MISSING = QT_TRANSLATE_NOOP("FirstRun", "Not installed here. To assess on this computer, install "
                                                     "SpeakCheck with its offline pack (pip install "
                                                     "\"speakcheck-desktop[offline]\"), then start it again.")


class Step(IntEnum):
    MICROPHONE = 0
    ASSESSMENT = 1
    SYNC = 2


class AssessWith(IntEnum):
    """The assessment page's choices (their ids in its button group)."""
    OPENAI = 1
    SERVER = 2
    LOCAL = 3


class SyncChoice(IntEnum):
    LOCAL_ONLY = 1
    MONGODB = 2


def _words(text: str) -> str:
    """One of the constants above in the language in use."""
    return QCoreApplication.translate("FirstRun", text)


def _env_set(key: str) -> bool:
    env = ENV_OF.get(key)
    return bool(env and os.environ.get(env))


def _sentence(text: str) -> str:
    """The sync's messages end without a full stop (callers go on); here they stand alone."""
    return text if text.endswith((".", "!", "?")) else text + "."


def _result_label(name: str) -> QLabel:
    label = QLabel("")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def _indented(layout: QFormLayout | QVBoxLayout) -> QWidget:
    """The fields of one choice, under its radio button."""
    box = QWidget()
    box.setLayout(layout)
    layout.setContentsMargins(26, 0, 0, 6)
    return box


def _tab_chain(*widgets: QWidget) -> None:
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


class MicrophonePage(QWizardPage):
    def __init__(self, services: AppServices, checks: ConnectionChecks, record_s: float):
        super().__init__()
        self.services, self.checks, self.record_s = services, checks, record_s
        self.setTitle(self.tr("Your microphone"))
        self.setSubTitle(self.tr("Choose the microphone you will answer with, then record {seconds} seconds as you "
                                 "would speak in a test. You hear them back and read whether the level is "
                                 "right.").format(seconds=f"{record_s:g}"))
        self._current = services.recorder.preferred_device
        self._listed = False
        self.devices_known = False  # the listing answered
        self.device = QComboBox()
        self.device.setAccessibleName(self.tr("Microphone"))
        self.device.addItem(self.tr("System default"), None)
        self.record = QPushButton(self.tr("\u25cf  Record {seconds} seconds").format(seconds=f"{record_s:g}"))
        self.record.setAccessibleName(self.tr("Record {seconds} seconds and play them back").format(
            seconds=f"{record_s:g}"))
        self.record.clicked.connect(self.start_test)
        self.countdown = QLabel("")
        self.countdown.setAccessibleName(self.tr("Time left"))
        self.meter = LevelMeter()
        self.meter.setAccessibleDescription(self.tr("No recording yet"))
        self.verdict = _result_label(self.tr("Microphone verdict"))
        bold = self.verdict.font()
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.status = _result_label(self.tr("Microphone test progress"))

        form = QFormLayout()
        form.addRow(self.tr("Microphone"), self.device)
        row = QHBoxLayout()
        row.addWidget(self.record)
        row.addWidget(self.countdown, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Level:")))
        layout.addWidget(self.meter)
        layout.addWidget(self.verdict)
        layout.addWidget(self.status)
        layout.addStretch(1)
        _tab_chain(self.device, self.record)

        self._timer = QTimer(self)
        self._timer.setInterval(METER_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._described_at = 0.0
        checks.mic_started.connect(self._started)
        checks.mic_notice.connect(self.verdict.setText)  # the status line names the microphone used
        checks.mic_judged.connect(self._judged)
        checks.mic_played.connect(self._played)
        checks.mic_failed.connect(self._failed)
        checks.list_devices(self.set_devices)

    def set_devices(self, names: list[str]) -> None:
        """The microphones, once listed; the one in use stays chosen."""
        if not isValid(self.device):
            return  # the setup was closed and deleted meanwhile
        self.devices_known = True
        self._listed = bool(names)  # none listed (the listing failed): the one in use stands
        for name in names:
            self.device.addItem(name, name)
        if self._current in names:
            self.device.setCurrentIndex(names.index(self._current) + 1)

    def device_name(self) -> str | None:
        return self.device.currentData() if self._listed else self._current

    def start_test(self) -> None:
        if self.services.recorder.recording:
            self.verdict.setText(self.tr("An answer is being recorded: finish it, then test the microphone here."))
            return
        self.record.setEnabled(False)
        self.device.setEnabled(False)
        self.verdict.setText("")
        self.status.setText(self.tr("Starting the microphone\u2026"))
        self.checks.test_microphone(self.device_name(), self.record_s, self.services.settings.data_dir / "work")

    def _started(self, name: str) -> None:
        self.status.setText(self.tr("Recording from {name}: speak as you would in a test\u2026").format(name=name))
        self._timer.start()

    def _tick(self) -> None:
        level = self.checks.mic_level()
        if level is None:
            return
        self.meter.set_level(level.rms_dbfs, level.peak_dbfs)
        self.countdown.setText(self.tr("{seconds} s left").format(
            seconds=f"{max(0.0, self.record_s - self.checks.mic_elapsed_s()):.0f}"))
        if time.monotonic() - self._described_at >= DESCRIBE_LEVEL_EVERY_S:
            self._described_at = time.monotonic()
            # The level's words are the checks' (English), as their verdicts are.
            self.meter.setAccessibleDescription(self.tr("Level: {words} ({decibels} dB)").format(
                words=level_in_words(level), decibels=f"{level.rms_dbfs:.0f}"))

    def _stop_meter(self) -> None:
        self._timer.stop()
        self.countdown.setText("")
        self.meter.set_level(-120, -120)

    def _judged(self, test: MicTest) -> None:
        self._stop_meter()
        self.meter.set_level(test.loud_dbfs, test.peak_dbfs)  # what the test heard, at its loudest, stays shown
        self.verdict.setText(test.sentence)
        self.meter.setAccessibleDescription(self.tr("Last test: {verdict}").format(verdict=test.sentence))
        self.status.setText(self.tr("Playing it back\u2026"))

    def _played(self) -> None:
        self.status.setText(self.tr("Played back; the test recording is deleted."))
        self._ready()

    def _failed(self, message: str) -> None:
        self._stop_meter()
        self.verdict.setText(message)
        self.status.setText("")
        self._ready()

    def _ready(self) -> None:
        self.record.setText(self.tr("\u25cf  Record again"))
        self.record.setEnabled(True)
        self.device.setEnabled(True)
        if self.isVisible():
            self.record.setFocus()  # disabled while it ran, it lost the focus: Space records again

    def focus_first(self) -> None:
        self.device.setFocus()

    def leave(self) -> None:
        """The setup moved on or closed: a test under way stops and its recording goes."""
        if self.checks.mic_step is not MicStep.IDLE:
            self.checks.cancel_microphone_test()
            self._stop_meter()
            self.status.setText("")
            self._ready()


class AssessmentPage(QWizardPage):
    def __init__(self, services: AppServices, checks: ConnectionChecks):
        super().__init__()
        self.services, self.checks = services, checks
        settings = services.settings
        self.setTitle(self.tr("How answers are assessed"))
        self.setSubTitle(self.tr("Answers are transcribed and given a CEFR level by an AI service. Choose one; "
                                 "Test tells you whether it answers."))
        # The status is the service's words (English, as every message from the engine).
        now = QLabel(self.tr("Now: {status}.").format(status=services.ai.status().removeprefix("AI: ")))
        now.setWordWrap(True)
        self.choice = QButtonGroup(self)

        self.openai = QRadioButton(self.tr("With OpenAI, using your API key"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.Password)
        self.key.setAccessibleName(self.tr("OpenAI API key"))
        if os.environ.get("OPENAI_API_KEY"):
            self.key.setPlaceholderText(self.tr("set by OPENAI_API_KEY"))
            self.key.setEnabled(False)
        else:
            self.key.setPlaceholderText(self.tr("\u2022\u2022\u2022\u2022 saved: leave empty to keep it")
                                        if services.ai.api_key
                                        else self.tr("sk-\u2026 (kept in the system keyring, never in a file)"))
        self.test_openai = QPushButton(self.tr("Test"))
        self.test_openai.setAccessibleName(self.tr("Test the OpenAI key"))
        self.openai_result = _result_label(self.tr("OpenAI key test result"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.test_openai)
        openai_form = QFormLayout()
        openai_form.addRow(self.tr("API key"), key_row)
        openai_form.addRow("", self.openai_result)
        self.openai_box = _indented(openai_form)

        self.server = QRadioButton(self.tr("With a compatible server (your own or your centre's)"))
        self.address = QLineEdit(settings.evaluate_base_url or settings.transcribe_base_url or "")
        self.address.setPlaceholderText("http://localhost:8000/v1")
        self.address.setAccessibleName(self.tr("Server address"))
        self.model = QLineEdit(settings.evaluate_model)
        self.model.setAccessibleName(self.tr("Evaluation model"))
        self.server_key = QLineEdit()
        self.server_key.setEchoMode(QLineEdit.Password)
        self.server_key.setAccessibleName(self.tr("Server API key, only if the server asks for one"))
        self.server_key.setPlaceholderText(self.tr("only if the server asks for one"))
        self.test_server = QPushButton(self.tr("Test"))
        self.test_server.setAccessibleName(self.tr("Test the server"))
        self.server_result = _result_label(self.tr("Server test result"))
        server_form = QFormLayout()
        server_form.addRow(self.tr("Address"), self.address)
        server_form.addRow(self.tr("Model"), self.model)
        server_form.addRow(self.tr("API key"), self.server_key)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_server)
        test_row.addWidget(self.server_result, 1)
        server_form.addRow("", test_row)
        self.server_box = _indented(server_form)

        self.local = QRadioButton(self.tr("On this computer (the offline pack)"))
        self.local_note = _result_label(self.tr("About assessing on this computer"))
        self.local.setEnabled(False)
        self.local_note.setText(self.tr("Looking for the offline pack\u2026"))
        local_layout = QVBoxLayout()
        local_layout.addWidget(self.local_note)
        self.local_box = _indented(local_layout)

        for button, choice, name in ((self.openai, AssessWith.OPENAI, self.tr("Assess with OpenAI")),
                                     (self.server, AssessWith.SERVER, self.tr("Assess with a compatible server")),
                                     (self.local, AssessWith.LOCAL, self.tr("Assess on this computer"))):
            button.setAccessibleName(name)
            self.choice.addButton(button, choice)
        layout = QVBoxLayout(self)
        layout.addWidget(now)
        for widget in (self.openai, self.openai_box, self.server, self.server_box, self.local, self.local_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        _tab_chain(self.openai, self.key, self.test_openai, self.server, self.address, self.model, self.server_key,
                   self.test_server, self.local)

        self.choice.idToggled.connect(lambda _id, _on: self._enable())
        self.test_openai.clicked.connect(self._test_openai)
        self.test_server.clicked.connect(self._test_server)
        self._enable()
        if services.offline is not None:
            self._offline_known(services.offline)
        else:
            checks.find_offline_pack(self._offline_known)

    def _offline_known(self, installed: bool) -> None:
        if not isValid(self.local):
            return
        self.local.setEnabled(installed)
        self.local_note.setText(self.tr("Transcripts, fluency and vocabulary are measured here, and nothing leaves "
                                        "this computer. The CEFR level needs OpenAI or a server: add one later in "
                                        "Settings.") if installed else _words(OFFLINE_PACK_MISSING))

    def focus_first(self) -> None:
        (self.choice.checkedButton() or self.openai).setFocus()

    def chosen(self) -> AssessWith | None:
        checked = self.choice.checkedId()
        return AssessWith(checked) if checked > 0 else None

    def _enable(self) -> None:
        chosen = self.chosen()
        self.openai_box.setEnabled(chosen is AssessWith.OPENAI)
        self.server_box.setEnabled(chosen is AssessWith.SERVER)

    def _openai_key(self) -> str | None:
        return self.key.text().strip() or self.services.ai.api_key

    def _server_key(self) -> str | None:
        # The app sends its one key to every AI service it uses: the test does as it will.
        return self.server_key.text().strip() or self.services.ai.api_key

    def _test_openai(self) -> None:
        self._test(self.test_openai, self.openai_result, None, self._openai_key(),
                   self.services.settings.evaluate_model)

    def _test_server(self) -> None:
        self._test(self.test_server, self.server_result, self.address.text().strip(), self._server_key(),
                   self.model.text().strip())

    def _test(self, button: QPushButton, result: QLabel, base_url: str | None, key: str | None, model: str) -> None:
        button.setEnabled(False)
        result.setText(_words(TESTING))

        def done(sentence: str) -> None:
            if isValid(result):  # the setup may have been closed and deleted meanwhile
                result.setText(sentence)
                button.setEnabled(True)
        self.checks.test_ai(base_url, key, model, AI_TEST_TIMEOUT_S, done)

    def validatePage(self) -> bool:
        chosen = self.chosen()
        if chosen is AssessWith.OPENAI and not self._openai_key():
            self.openai_result.setText(self.tr("Enter your OpenAI API key, or press Skip to set it up later."))
            return False
        if chosen is AssessWith.SERVER:
            if not self.address.text().strip().startswith(("http://", "https://")):
                self.server_result.setText(self.tr("Enter the server's address, starting with http:// or https:// "
                                                   "(like http://localhost:8000/v1), or press Skip."))
                return False
            if not self.model.text().strip():
                self.server_result.setText(self.tr("Enter the model's name, like gpt-4o-mini, or press Skip."))
                return False
        return True

    def changes(self) -> tuple[dict[str, str], str | None]:
        """The settings.toml values and the key of the choice made ("" removes a value)."""
        chosen = self.chosen()
        if chosen is AssessWith.OPENAI:
            # Automatic with a key and no server is OpenAI, and stays right if a server is added later.
            return ({"transcribe_with": "", "transcribe_base_url": "", "evaluate_base_url": ""},
                    self.key.text().strip() or None)
        if chosen is AssessWith.SERVER:
            address = self.address.text().strip()
            return ({"transcribe_with": "", "transcribe_base_url": address, "evaluate_base_url": address,
                     "evaluate_model": self.model.text().strip()}, self.server_key.text().strip() or None)
        if chosen is AssessWith.LOCAL:
            return {"transcribe_with": "local"}, None
        return {}, None


class SyncPage(QWizardPage):
    def __init__(self, services: AppServices):
        super().__init__()
        self.services = services
        settings = services.settings
        self.setTitle(self.tr("Sync to MongoDB (optional)"))
        self.setSubTitle(self.tr("Every answer is kept on this computer first. With a MongoDB, a test centre's or "
                                 "your own, a copy of everything goes there too, as soon as it can be reached."))
        now = QLabel(self.tr("Now: MongoDB at {uri}, database {database}.").format(
            uri=redact_uri(settings.mongodb_uri), database=settings.mongodb_db)
            if settings.mongodb_uri != DEFAULT_MONGODB_URI else
            self.tr("Now: the default, a MongoDB on this computer ({uri}), database {database}. If none runs here, "
                    "everything simply stays here.").format(uri=DEFAULT_MONGODB_URI, database=settings.mongodb_db))
        now.setWordWrap(True)
        self.choice = QButtonGroup(self)
        self.local_only = QRadioButton(self.tr("Keep everything on this computer"))
        self.local_only.setAccessibleName(self.tr("Keep everything on this computer"))
        self.mongodb = QRadioButton(self.tr("Sync to MongoDB"))
        self.mongodb.setAccessibleName(self.tr("Sync to MongoDB"))
        self.choice.addButton(self.local_only, SyncChoice.LOCAL_ONLY)
        self.choice.addButton(self.mongodb, SyncChoice.MONGODB)
        # As in Settings: only a connection string's password is hidden, and kept when the rest is edited.
        self._uri = settings.mongodb_uri
        self.uri = QLineEdit(mask_uri(settings.mongodb_uri))
        self.uri.setAccessibleName(self.tr("MongoDB connection string"))
        self.database = QLineEdit(settings.mongodb_db)
        self.database.setAccessibleName(self.tr("MongoDB database"))
        form = QFormLayout()
        for label, key, edit in ((self.tr("Connection string"), "mongodb_uri", self.uri),
                                 (self.tr("Database"), "mongodb_db", self.database)):
            if _env_set(key):
                edit.setEnabled(False)
                edit.setToolTip(self.tr("Set by the environment variable {env}").format(env=ENV_OF[key]))
                label = self.tr("{label} (from {env})").format(label=label, env=ENV_OF[key])
            form.addRow(label, edit)
        self.test = QPushButton(self.tr("Test connection"))
        self.test.setAccessibleName(self.tr("Test the MongoDB connection"))
        self.result = _result_label(self.tr("MongoDB test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.result, 1)
        form.addRow("", test_row)
        self.mongodb_box = _indented(form)
        self.saving = _result_label(self.tr("Saving the setup"))
        layout = QVBoxLayout(self)
        for widget in (now, self.local_only, self.mongodb, self.mongodb_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.saving)
        _tab_chain(self.local_only, self.mongodb, self.uri, self.database, self.test)
        self.choice.idToggled.connect(lambda _id, _on: self.mongodb_box.setEnabled(self.chosen() is SyncChoice.MONGODB))
        self.mongodb_box.setEnabled(False)
        self.test.clicked.connect(self._test)

    def focus_first(self) -> None:
        (self.choice.checkedButton() or self.local_only).setFocus()

    def chosen(self) -> SyncChoice | None:
        checked = self.choice.checkedId()
        return SyncChoice(checked) if checked > 0 else None

    def uri_text(self) -> str:
        return unmask_uri(self.uri.text().strip(), self._uri)

    def _test(self) -> None:
        self.test.setEnabled(False)
        self.result.setText(_words(TESTING))

        def done(message: str) -> None:
            if isValid(self.result):  # the setup may have been closed and deleted meanwhile
                self.result.setText(_sentence(message))
                self.test.setEnabled(True)
        sync = self.services.sync
        if sync is None:
            done(self.tr("Sync is switched off in this app, so there is nothing to test."))
        else:
            sync.test_connection(self.uri_text(), self.database.text().strip(), done)

    def validatePage(self) -> bool:
        if self.chosen() is not SyncChoice.MONGODB or not self.uri.isEnabled():
            return True
        if not self.uri_text():
            self.result.setText(self.tr("Enter the connection string, or choose to keep everything on this computer."))
            return False
        try:
            check_mongodb_uri(self.uri_text())
        except ConfigError as exc:  # worded for the person, password removed
            self.result.setText(_sentence(str(exc)))
            return False
        return True

    def changes(self) -> dict[str, str]:
        # Keeping everything here changes nothing: the app has no "sync off" setting, and what is
        # set stays set (a MongoDB that is not there only makes the sync wait).
        if self.chosen() is not SyncChoice.MONGODB:
            return {}
        return {"mongodb_uri": self.uri_text(), "mongodb_db": self.database.text().strip()}


class FirstRunWizard(QWizard):
    """The setup. `checks` is the app's ConnectionChecks (its owner shuts it down); `record_s`
    is how long the microphone test records."""
    message = Signal(str)  # the setup was saved and is in use, in words
    problem = Signal(str)  # what could not be saved, in words

    def __init__(self, services: AppServices, checks: ConnectionChecks, *, record_s: float = 5.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.checks = services, checks
        self.setWindowTitle(self.tr("Set up SpeakCheck"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setMinimumSize(680, 560)
        self.microphone = MicrophonePage(services, checks, record_s)
        self.assessment = AssessmentPage(services, checks)
        self.sync = SyncPage(services)
        for step, page in ((Step.MICROPHONE, self.microphone), (Step.ASSESSMENT, self.assessment),
                           (Step.SYNC, self.sync)):
            self.setPage(step, page)
        self.setStartId(Step.MICROPHONE)
        self.setOption(QWizard.HaveCustomButton1)
        self.setOption(QWizard.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.CustomButton1, self.tr("Skip"))
        self.setButtonText(QWizard.CancelButton, self.tr("Skip setup"))
        self.setButtonLayout([QWizard.CancelButton, QWizard.Stretch, QWizard.BackButton, QWizard.CustomButton1,
                              QWizard.NextButton, QWizard.FinishButton])
        for which, name in ((QWizard.CustomButton1, self.tr("Skip this step")),
                            (QWizard.CancelButton, self.tr("Skip setup: change nothing")),
                            (QWizard.BackButton, self.tr("Back")), (QWizard.NextButton, self.tr("Next")),
                            (QWizard.FinishButton, self.tr("Finish: save and use this setup"))):
            self.button(which).setAccessibleName(name)
        self.button(QWizard.CustomButton1).clicked.connect(self.skip)
        self.currentIdChanged.connect(self._page_changed)
        self._skipped: set[int] = set()
        self._skipping = False
        self._saving = False
        self.outcome: str | None = None  # the sentence reported at the end

    def _page_changed(self, step: int) -> None:
        self.microphone.leave()
        page = self.page(step)
        if isinstance(page, (MicrophonePage, AssessmentPage, SyncPage)):
            # After the switch: the Next button it was reached by may be hidden now, and the focus
            # would go on to "Skip setup".
            QTimer.singleShot(0, page, page.focus_first)

    def skip(self) -> None:
        """This step's values are not used, whatever is in its fields; on to the next one (on the
        last, Finish with the steps before)."""
        step = self.currentId()
        self._skipped.add(step)
        if self.nextId() == -1:
            self._finish()
            return
        self._skipping = True  # QWizard.next() validates the page first: a skipped one needs no valid fields
        try:
            self.next()
        finally:
            self._skipping = False

    def validateCurrentPage(self) -> bool:
        if self._skipping:
            return True
        ok = super().validateCurrentPage()
        if ok:
            self._skipped.discard(self.currentId())
        return ok

    def _set(self, step: Step) -> bool:
        """The person went through this step with Next or Finish (not Skip, not Back)."""
        return step in self.visitedIds() and step not in self._skipped

    def changes(self) -> SettingsChanges:
        """What the person set, and nothing else: the steps skipped keep what is there."""
        values: dict[str, str] = {}
        api_key = None
        device = (self.microphone.device_name() if self._set(Step.MICROPHONE)
                  else self.services.recorder.preferred_device)
        if self._set(Step.ASSESSMENT):
            ai_values, api_key = self.assessment.changes()
            values |= ai_values
        if self._set(Step.SYNC):
            values |= self.sync.changes()
        return SettingsChanges(values={k: v for k, v in values.items() if not _env_set(k)}, api_key=api_key,
                               input_device=device)

    def accept(self) -> None:
        """Finish: the page's fields checked, then `_finish`."""
        if not self._saving and self.validateCurrentPage():
            self._finish()

    def _finish(self) -> None:
        """Save and apply, then close; a problem that left nothing applied keeps the setup open."""
        if self._saving:
            return
        self._saving = True
        self.microphone.leave()
        self._enable_buttons(False)
        self.sync.saving.setText(self.tr("Saving\u2026"))
        self.services.apply_settings(self.changes(), self._saved)

    def _enable_buttons(self, enabled: bool) -> None:
        for which in (QWizard.FinishButton, QWizard.BackButton, QWizard.CustomButton1, QWizard.CancelButton):
            self.button(which).setEnabled(enabled)

    def _saved(self, result: SavedSettings) -> None:
        if result.settings is not None:
            # After the save, never beside it: both rewrite preferences.json.
            self.checks.mark_setup_done()
        if not isValid(self):
            return  # closed by its owner meanwhile
        self._saving = False
        problems = " ".join(result.problems)
        if result.settings is None:  # nothing was switched: say why, here, and let the person change it
            self.sync.saving.setText(problems)
            self._enable_buttons(True)
            return
        self.outcome = problems or _words(SAVED)
        (self.problem if problems else self.message).emit(self.outcome)
        # QDialog's own done(): QWizard's would validate the page again, and a skipped one need not pass.
        QDialog.done(self, QDialog.Accepted)

    def reject(self) -> None:
        """Skip setup (or Escape, or the window's close button): nothing changes, and the setup
        does not open by itself again (Help has it)."""
        if self._saving:
            return
        self.microphone.leave()
        self.checks.mark_setup_done()
        self.outcome = None
        super().reject()
