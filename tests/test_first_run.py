"""The first-run setup, driven as a person would, in the real app against the real parts: the
microphone step records from the virtual microphone and judges what it heard (fine, too quiet,
clipping), plays it back and deletes it; the AI Test asks the test OpenAI server through the real
SDK and answers in words (connected, key refused, quota gone) without holding up the window; the
MongoDB Test tries the test MongoDB and a port where nothing listens; Finish applies what was set
at once (and keeps the key out of settings.toml); Skip setup changes nothing; once done, the
setup does not offer itself again."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from keyring.backend import KeyringBackend
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton, QWizard

from speakcheck_desktop.config import config_dir
from speakcheck_desktop.preferences import load_preferences, should_offer_setup
from speakcheck_desktop.services.connection_checks import (
    BAD_ADDRESS,
    KEY_REFUSED,
    QUOTA_GONE,
    ConnectionChecks,
    MicVerdict,
    check_ai,
    connected,
    judge,
    no_such_model,
    unreachable,
)
from speakcheck_desktop.services.settings_service import SettingsService
from speakcheck_desktop.ui.first_run import OFFLINE_PACK_MISSING, SAVED, TESTING, FirstRunWizard, Step
from tests import fake_openai as scripted
from tests.fake_openai import MODELS, answer_models, serve_models
from tests.mongo_server import free_port

MODEL = "gpt-4o-mini"
RECORD_S = 2.0  # the setup's test recording, shortened (the person's is 5 s)
TONE_RATE = 48000  # the virtual speaker's own rate: nothing is resampled on the way in


def tone(path, amplitude, seconds=4.0):
    """A 440 Hz tone, clipped to full scale when `amplitude` is over 1, as a 16-bit WAV."""
    t = np.arange(int(seconds * TONE_RATE)) / TONE_RATE
    sf.write(path, np.clip(amplitude * np.sin(2 * np.pi * 440 * t), -1, 1).astype(np.float32), TONE_RATE,
             subtype="PCM_16")
    return path


class MemoryKeyring(KeyringBackend):
    """The system keyring, in memory: the test neither needs nor touches a real one."""
    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    import keyring
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def setup(qtbot, app_env, monkeypatch, running):
    """`setup(**running arguments)`: the real app and its first-run setup window over it."""
    for name in ("MONGODB_URI", "MONGODB_DB", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    made = []

    def start(**kwargs):
        app = running(**kwargs)
        checks = ConnectionChecks(SettingsService(config_dir()))
        wizard = FirstRunWizard(app.services, checks, record_s=RECORD_S)
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(checks)
        # The microphones are listed (off the GUI thread) before anything is pressed.
        qtbot.waitUntil(lambda: wizard.microphone.devices_known, timeout=10000)
        return app, wizard
    yield start
    for checks in made:
        checks.shutdown()


def click(qtbot, widget):
    """A click where a person clicks: a radio button (as wide as the page) on its circle."""
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QRadioButton) else QPoint()
    qtbot.mouseClick(widget, Qt.LeftButton, pos=at)


def go_to(qtbot, wizard, step):
    for _ in range(step):
        click(qtbot, wizard.button(QWizard.CustomButton1))  # Skip
    assert wizard.currentId() == step


def test_the_microphone_step_hears_a_fine_a_too_quiet_and_a_clipping_recording(qtbot, setup, virtual_mic, tmp_path):
    app, wizard = setup()
    page = wizard.microphone
    work = app.services.settings.data_dir / "work"
    assert page.device.count() > 1 and page.device.currentData() is None  # "System default", then the microphones
    assert page.record.text().endswith(f"Record {RECORD_S:g} seconds")
    for amplitude, verdict in ((0.3, MicVerdict.FINE), (0.003, MicVerdict.TOO_QUIET), (2.0, MicVerdict.CLIPPING)):
        playing = virtual_mic.play(tone(tmp_path / f"tone-{amplitude}.wav", amplitude))
        click(qtbot, page.record)
        assert not page.record.isEnabled()
        if verdict is MicVerdict.FINE:  # the live meter says the level in words while it records
            qtbot.waitUntil(lambda: page.meter.accessibleDescription().startswith("Level: good"), timeout=10000)
            assert list(work.glob("microphone-test-*"))  # recording into the work dir
        qtbot.waitUntil(lambda: page.status.text() == "Played back; the test recording is deleted.", timeout=15000)
        said = page.verdict.text()
        assert said == {MicVerdict.FINE: "The level is fine: your voice comes through clearly.",
                        MicVerdict.TOO_QUIET: "Too quiet: speak closer to the microphone or turn its input level up "
                                              "in the system's sound settings, then record again.",
                        MicVerdict.CLIPPING: "Clipping: the sound is so loud that it distorts. Move a little away "
                                             "from the microphone or turn its input level down, then record again."
                        }[verdict], (amplitude, said)
        assert page.record.isEnabled() and page.record.text().endswith("Record again")
        qtbot.waitUntil(lambda: not list(work.glob("microphone-test-*")), timeout=5000)  # deleted afterwards
        playing.wait(10)
    # The main window's own test never heard of it.
    assert app.window.panel.phase.text().startswith("Press")


def test_the_ai_test_answers_in_words_without_holding_up_the_window(qtbot, setup, fake_openai, monkeypatch):
    app, wizard = setup(api_key=None, offline=True)
    go_to(qtbot, wizard, Step.ASSESSMENT)
    page = wizard.assessment
    assert page.local.isEnabled() and "nothing leaves this computer" in page.local_note.text()
    click(qtbot, page.server)
    page.address.setText(fake_openai.base_url)
    assert page.model.text() == MODEL  # the evaluation model in use
    serve_models(fake_openai, MODEL)
    fake_openai.defaults[f"{MODELS}/{MODEL}"].delay_s = 0.5  # a server that takes its time
    click(qtbot, page.test_server)
    assert page.server_result.text() == TESTING and not page.test_server.isEnabled()  # answered off the GUI thread
    qtbot.waitUntil(lambda: page.server_result.text() == connected(MODEL), timeout=10000)
    assert connected(MODEL) == "Connected: the server answered and knows gpt-4o-mini."

    answer_models(fake_openai, scripted.KEY_REFUSED, MODEL)
    page.server_key.setText("sk-wrong-key")
    click(qtbot, page.test_server)
    qtbot.waitUntil(lambda: page.server_result.text() == KEY_REFUSED, timeout=10000)
    assert fake_openai.requests[-1].headers["authorization"] == "Bearer sk-wrong-key"

    # OpenAI with a key: OPENAI_BASE_URL, which the SDK reads, points the check at the test server.
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    click(qtbot, page.openai)
    assert page.openai_box.isEnabled() and not page.server_box.isEnabled()
    page.key.setText("sk-test-key")
    answer_models(fake_openai, scripted.QUOTA_GONE, MODEL)
    click(qtbot, page.test_openai)
    assert page.openai_result.text() == TESTING
    qtbot.waitUntil(lambda: page.openai_result.text() == QUOTA_GONE, timeout=10000)
    assert QUOTA_GONE.startswith("The key works, but its account has no credit left")
    assert all("sk-test-key" not in text for text in (page.openai_result.text(), page.server_result.text()))


def test_the_mongodb_test_connects_to_the_test_server_and_says_why_another_cannot(qtbot, setup, mongo_uri,
                                                                                  mongo_db):
    app, wizard = setup()
    go_to(qtbot, wizard, Step.SYNC)
    page = wizard.sync
    assert not page.mongodb_box.isEnabled()  # until "Sync to MongoDB" is chosen
    click(qtbot, page.mongodb)
    page.uri.setText(mongo_uri)
    page.database.setText(mongo_db.name)
    click(qtbot, page.test)
    assert page.result.text() == TESTING
    qtbot.waitUntil(lambda: page.result.text().startswith("Connected to"), timeout=10000)

    nowhere = f"mongodb://127.0.0.1:{free_port()}"
    page.uri.setText(nowhere)
    click(qtbot, page.test)
    assert page.result.text() == TESTING
    qtbot.waitUntil(lambda: page.result.text() != TESTING, timeout=15000)
    assert page.result.text() == (f"MongoDB at {nowhere} did not answer within 3 s: check that it is running and "
                                  f"that MONGODB_URI points to it.")


def test_finish_applies_what_was_set_at_once_and_keeps_the_key_out_of_the_settings_file(
        qtbot, setup, fake_openai, mongo_uri, mongo_db, memory_keyring, app_env):
    app, wizard = setup(api_key=None, offline=False)
    assert not app.services.ai.can_evaluate
    click(qtbot, wizard.button(QWizard.CustomButton1))  # the microphone: skipped
    page = wizard.assessment
    assert not page.local.isEnabled() and page.local_note.text() == OFFLINE_PACK_MISSING
    click(qtbot, page.server)
    page.address.setText(fake_openai.base_url)
    page.server_key.setText("sk-centre-secret-4711")
    click(qtbot, wizard.button(QWizard.NextButton))
    assert wizard.currentId() == Step.SYNC
    click(qtbot, wizard.sync.mongodb)
    wizard.sync.uri.setText(mongo_uri)
    wizard.sync.database.setText(mongo_db.name)
    with qtbot.waitSignal(wizard.message, timeout=15000) as said:
        click(qtbot, wizard.button(QWizard.FinishButton))
    assert said.args == [SAVED] and not wizard.isVisible()

    services = app.services  # in use at once, in the same running app
    assert services.ai.can_evaluate and services.ai.chat.base_url == fake_openai.base_url
    assert services.settings.mongodb_uri == mongo_uri and services.settings.mongodb_db == mongo_db.name
    text = (app_env / "config" / "settings.toml").read_text(encoding="utf-8")
    assert f'evaluate_base_url = "{fake_openai.base_url}"' in text and f'mongodb_uri = "{mongo_uri}"' in text
    assert "sk-centre-secret" not in text
    assert memory_keyring.passwords == {("speakcheck-desktop", "openai-api-key"): "sk-centre-secret-4711"}
    preferences_path = app_env / "config" / "preferences.json"
    qtbot.waitUntil(lambda: load_preferences(preferences_path).setup_done, timeout=5000)
    assert load_preferences(preferences_path).input_device is None  # the microphone step was skipped
    assert "sk-centre-secret" not in preferences_path.read_text(encoding="utf-8")


def test_a_skipped_step_keeps_its_settings_whatever_its_fields_hold(qtbot, setup, mongo_uri, app_env):
    app, wizard = setup(api_key=None, offline=False)
    before = app.services.ai
    go_to(qtbot, wizard, Step.ASSESSMENT)
    click(qtbot, wizard.assessment.openai)  # chosen, with no key: Next would refuse, Skip goes on
    click(qtbot, wizard.button(QWizard.NextButton))
    assert wizard.currentId() == Step.ASSESSMENT
    assert "Enter your OpenAI API key" in wizard.assessment.openai_result.text()
    click(qtbot, wizard.button(QWizard.CustomButton1))
    assert wizard.currentId() == Step.SYNC
    click(qtbot, wizard.sync.mongodb)
    wizard.sync.uri.setText(mongo_uri)
    with qtbot.waitSignal(wizard.message, timeout=15000):
        click(qtbot, wizard.button(QWizard.FinishButton))
    text = (app_env / "config" / "settings.toml").read_text(encoding="utf-8")
    assert f'mongodb_uri = "{mongo_uri}"' in text
    assert "transcribe" not in text and "evaluate" not in text
    assert app.services.ai == before


def test_skip_setup_changes_nothing_and_the_setup_is_not_offered_again(qtbot, setup, app_env):
    preferences_path = app_env / "config" / "preferences.json"
    app, wizard = setup()
    assert should_offer_setup(load_preferences(preferences_path))  # a first run
    before = (app.services.settings, app.services.ai, load_preferences(preferences_path))
    go_to(qtbot, wizard, Step.ASSESSMENT)
    click(qtbot, wizard.assessment.server)
    wizard.assessment.address.setText("http://localhost:8000/v1")
    assert wizard.button(QWizard.CancelButton).text() == "Skip setup"
    click(qtbot, wizard.button(QWizard.CancelButton))
    assert not wizard.isVisible() and wizard.outcome is None
    qtbot.waitUntil(lambda: load_preferences(preferences_path).setup_done, timeout=5000)
    assert not (app_env / "config" / "settings.toml").exists()
    assert (app.services.settings, app.services.ai) == before[:2]
    assert load_preferences(preferences_path).input_device == before[2].input_device
    assert not should_offer_setup(load_preferences(preferences_path))
    checks = ConnectionChecks(SettingsService(config_dir()))
    try:
        with qtbot.waitCallback() as wanted:
            checks.setup_wanted(wanted)
        wanted.assert_called_with(False)
    finally:
        checks.shutdown()


def test_the_controls_have_accessible_names(qtbot, setup):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit
    _app, wizard = setup()
    for page in (wizard.microphone, wizard.assessment, wizard.sync):
        controls = page.findChildren(QAbstractButton) + page.findChildren(QLineEdit) + page.findChildren(QComboBox)
        assert controls and all(c.accessibleName() for c in controls), [c for c in controls if not c.accessibleName()]
    assert wizard.microphone.meter.accessibleName() == "Microphone level"


# -- the checks themselves, without the window ---------------------------------------------------

def test_check_ai_says_what_is_wrong_with_the_address_or_the_model(fake_openai):
    serve_models(fake_openai, MODEL)
    assert check_ai(fake_openai.base_url, None, "gpt-5-nano", 5) == no_such_model("gpt-5-nano", [MODEL])
    nowhere = f"http://127.0.0.1:{free_port()}/v1"
    assert check_ai(nowhere, "sk-x", MODEL, 5) == unreachable(f"The server at {nowhere}")
    assert check_ai("localhost:8000/v1", "sk-x", MODEL, 5) == BAD_ADDRESS
    del fake_openai.defaults[f"{MODELS}/{MODEL}"]  # a server that only lists its models
    assert check_ai(fake_openai.base_url, None, MODEL, 5) == connected(MODEL)


def test_the_microphone_verdicts_from_the_samples():
    rate = 16000
    t = np.arange(rate * 2) / rate
    sine = np.sin(2 * np.pi * 300 * t).astype(np.float32)
    assert judge(np.zeros(rate * 2, np.float32), rate).verdict is MicVerdict.NO_SOUND
    assert judge(sine * 10 ** (-50 / 20), rate).verdict is MicVerdict.TOO_QUIET
    assert judge(sine * 0.3, rate).verdict is MicVerdict.FINE
    assert judge(np.clip(sine * 2, -1, 1), rate).verdict is MicVerdict.CLIPPING
    # Clipped at the microphone's rate, smoothed below full scale by the resampling: still clipping.
    assert judge(sine * 0.9, rate, clipped_in_input=12).verdict is MicVerdict.CLIPPING
    # Speech is mostly pauses: the loudest moments decide, not the average.
    speech = np.where((t % 1.0) < 0.15, sine * 0.3, 0).astype(np.float32)
    assert judge(speech, rate).verdict is MicVerdict.FINE


def test_the_window_offers_the_setup_on_a_first_run_only_and_help_opens_it_again(qtbot, app_env, running):
    from speakcheck_desktop.ui.main_window import MainWindow

    first = running(sync=False, window=lambda services: MainWindow(services, offer_setup=True)).window
    qtbot.waitUntil(lambda: first.setup is not None and first.setup.isVisible(), timeout=10000)
    qtbot.mouseClick(first.setup.button(QWizard.CancelButton), Qt.LeftButton)  # "Skip setup"
    qtbot.waitUntil(lambda: not first.setup.isVisible())
    qtbot.waitUntil(lambda: load_preferences(config_dir() / "preferences.json").setup_done, timeout=10000)
    first.close()

    again = running(sync=False, window=lambda services: MainWindow(services, offer_setup=True)).window
    qtbot.wait(500)  # the answer to "is it wanted?" comes from the checks lane by now
    assert again.setup is None
    [help_menu] = [a.menu() for a in again.menuBar().actions() if a.text() == "&Help"]
    assert again.setup_action in help_menu.actions()
    again.setup_action.trigger()
    assert again.setup is not None and again.setup.isVisible()
