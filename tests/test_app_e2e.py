"""The whole app, driven through its window with pytest-qt, against the real parts: the test
MongoDB server, the test OpenAI-compatible server and the virtual microphone."""

import os

import pytest
from PySide6.QtCore import Qt

from speakcheck_desktop.config import load_settings
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.exam_phase import Phase
from tests.answers import GOOD, SENTENCES, make_answer
from tests.app_rig import answer_a_task
from tests.fake_openai import CHAT, TRANSCRIPTIONS, FakeOpenAI, chat_reply
from tests.mongo_server import MongoTestServer, free_port, mongo_count
from tests.seed_schema import SEED_FIELDS


@pytest.fixture(scope="module")
def b1_answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("e2e"), SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)


def test_a_speaking_test_from_start_to_mongodb_and_back(qtbot, app_env, virtual_mic, fake_openai, mongo_uri,
                                                        mongo_db, b1_answer, monkeypatch, running):
    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    fake_openai.script(TRANSCRIPTIONS, b1_answer.transcription())
    fake_openai.script(CHAT, chat_reply(GOOD))
    app = running()
    window = app.window

    answer_a_task(qtbot, window, virtual_mic, b1_answer)
    qtbot.waitUntil(lambda: window.scores.level.text() == "B1", timeout=30000)

    assert "harbour" in window.transcript.view.toPlainText()
    assert window.scores.chart.isVisible() and window.scores.chart.scores == GOOD["scores"]
    assert window.scores.tips.count() == 2 and "%" in window.scores.confidence.text()
    assert window.scores.fluency.rowCount() >= 6
    assert "not an official certificate" in window.scores.disclaimer.text()
    sent = fake_openai.requests_to(CHAT)[0].json["messages"][1]["content"]
    assert "harbour" in sent

    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.phase is Phase.IDLE)
    qtbot.waitUntil(lambda: mongo_db.sessions.count_documents({"status": "completed"}) == 1
                    and mongo_db.events.count_documents({}) == 4, timeout=20000)
    for cls, fields in SEED_FIELDS.items():
        docs = list(mongo_db[cls.collection].find())
        assert len(docs) == (4 if cls.collection == "events" else 1), cls.collection
        assert all(set(doc) == fields for doc in docs), cls.collection
    session = mongo_db.sessions.find_one()
    assert session["user_id"] == mongo_db.users.find_one()["_id"] and session["level"] == "B1"
    assert mongo_db.evaluations.find_one()["overall_level"] == "B1"
    assert sorted(e["type"] for e in mongo_db.events.find()) == ["evaluate", "record_stop", "start", "transcribe"]
    qtbot.waitUntil(lambda: window.sync_label.text() == "Sync: up to date", timeout=10000)

    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1 and not window.history.model.loading)
    row = window.history.model.rows[0]
    assert row.session.status.value == "completed" and row.result_level is Level.B1

    # start another test, close the app mid-way, reopen it, resume the session from the history
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.phase is Phase.RECORDING, timeout=15000)
    active_id = window.test.session.id
    app.close()
    again = running()
    history = again.window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 2 and not history.model.loading)
    active_row = next(i for i, r in enumerate(history.model.rows) if r.session.id == active_id)
    assert history.model.rows[active_row].session.status.value == "active"
    history.table.selectRow(active_row)
    assert history.resume_button.isEnabled()
    qtbot.mouseClick(history.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: again.window.test is not None and again.window.test.session.id == active_id)
    assert again.window.phase is Phase.PREPARING and again.window.levels.level == "B1"
    again.close()


@pytest.fixture(scope="module")
def a2_answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("e2e-a2"), SENTENCES + SENTENCES[:2], [0.5, 0.7] * 4 + [0.5])


@pytest.mark.needs_restartable_mongo
def test_offline_nothing_is_lost_and_everything_completes_when_services_return(
        qtbot, app_env, virtual_mic, a2_answer, monkeypatch, running, tmp_path):
    if os.environ.get("MONGODB_TEST_URI"):
        pytest.skip("starts its own MongoDB server later in the test")
    mongo = MongoTestServer(tmp_path / "mongo", port=free_port())  # not running yet
    ai = FakeOpenAI(port=free_port())  # not listening yet
    monkeypatch.setenv("MONGODB_URI", mongo.uri)
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{ai.port}/v1")
    monkeypatch.setenv("SPEAKCHECK_AI_RETRIES", "0")
    app = running(retry_s=1.0, sync_backoff_cap_s=1.0)
    window = app.window
    try:
        answer_a_task(qtbot, window, virtual_mic, a2_answer, level="A2")
        qtbot.waitUntil(lambda: window.ai_label.text() == "AI: waiting", timeout=20000)
        assert "cannot be reached" in window.scores.message.text()
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("Sync: offline"), timeout=20000)

        with LocalStore.open(app.services.settings.database_path) as store:
            [recording] = store.pending_transcriptions()
            assert os.path.exists(recording.file_url) and recording.duration_s > 15
            # user, session, recording and its two events (start, record_stop): nothing sent
            assert {c: len(store.outbox.waiting_ids(c)) for c in ("users", "sessions", "recordings", "events")} == {
                "users": 1, "sessions": 1, "recordings": 1, "events": 2}
            assert store.outbox.counts()["pending"] == 5

        ai.script(TRANSCRIPTIONS, a2_answer.transcription())
        ai.script(CHAT, chat_reply({**GOOD, "overall_level": "A2", "scores": {k: 3.0 for k in GOOD["scores"]}}))
        ai.start()
        mongo.start()
        # nobody presses anything: the waiting assessment and the sync resume by themselves
        qtbot.waitUntil(lambda: window.scores.level.text() == "A2", timeout=30000)
        qtbot.waitUntil(lambda: mongo_count(mongo, "evaluations") == 1 and mongo_count(mongo, "events") == 4,
                        timeout=30000)
        qtbot.waitUntil(lambda: window.sync_label.text() == "Sync: up to date", timeout=15000)
        assert mongo_count(mongo, "recordings") == 1 and mongo_count(mongo, "transcripts") == 1
    finally:
        app.close()
        ai.stop()
        mongo.stop()


def test_first_run_without_mongodb_key_or_offline_pack_records_and_asks_for_a_key(
        qtbot, app_env, virtual_mic, a2_answer, monkeypatch, running):
    monkeypatch.setenv("MONGODB_URI", f"mongodb://127.0.0.1:{free_port()}")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app = running(api_key=None, offline=False)  # a plain `pip install .`: nothing can transcribe
    window = app.window
    assert window.ai_label.text() == "AI: not set up"
    answer_a_task(qtbot, window, virtual_mic, a2_answer, level="A2")
    qtbot.waitUntil(lambda: "add your OpenAI API key" in window.scores.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Sync: offline"), timeout=20000)
    with LocalStore.open(app.services.settings.database_path) as store:
        assert len(store.pending_transcriptions()) == 1  # kept, waiting for a key


def test_settings_test_the_connection_off_the_gui_thread_and_save(qtbot, app_env, mongo_uri, monkeypatch, running):
    monkeypatch.delenv("MONGODB_URI", raising=False)
    monkeypatch.setenv("SPEAKCHECK_EVALUATE_MODEL", "llama3.1")
    app = running(api_key=None)
    window = app.window
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()  # at once: the microphones fill in when listed
    assert not dialog.fields["evaluate_model"].isEnabled()  # the environment wins, and says so
    assert dialog.fields["evaluate_model"].text() == "llama3.1"
    dialog.fields["mongodb_uri"].setText(mongo_uri)
    qtbot.mouseClick(dialog.test_button, Qt.LeftButton)
    assert dialog.test_result.text() == "Testing\u2026"  # the answer comes later: the GUI did not wait
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"), timeout=10000)
    dialog.fields["mongodb_uri"].setText("mongodb://nowhere.invalid:1")
    dialog.fields["transcribe_model"].setText("gpt-4o-mini-transcribe")
    dialog.accept()  # saved off the GUI thread
    settings_file = app_env / "config" / "settings.toml"
    qtbot.waitUntil(settings_file.exists)
    qtbot.waitUntil(lambda: "Settings saved" in window.statusBar().currentMessage())
    saved = settings_file.read_text()
    assert 'transcribe_model = "gpt-4o-mini-transcribe"' in saved and "mongodb://nowhere.invalid:1" in saved
    assert "evaluate_model" not in saved
    assert load_settings().transcribe_model == "gpt-4o-mini-transcribe"
