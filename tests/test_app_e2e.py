"""The whole app, driven through its window with pytest-qt, against the real parts: the test
MongoDB server, the test OpenAI-compatible server and the virtual microphone."""

import os
import time

import pytest
from PySide6.QtCore import Qt

from speakcheck_desktop.app import build_services
from speakcheck_desktop.config import load_settings
from speakcheck_desktop.core.records import COLLECTIONS, Level
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.main_window import MainWindow
from tests.answers import SENTENCES, make_answer
from tests.fake_openai import CHAT, TRANSCRIPTIONS, FakeOpenAI, chat_reply
from tests.mongo_server import MongoTestServer, free_port
from tests.test_assessment import GOOD
from tests.test_records import SEED_FIELDS

TASKS = TaskBank([
    Task("e2e-b1", Level.B1, "describe", "Describe the town where you live and what you like about it.", 1, 60),
    Task("e2e-a2", Level.A2, "describe", "Describe your home town.", 1, 60),
])


@pytest.fixture(scope="module")
def b1_answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("e2e"), SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    monkeypatch.setenv("SPEAKCHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SPEAKCHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SPEAKCHECK_MONGODB_TIMEOUT_S", "1")
    monkeypatch.setenv("SPEAKCHECK_AI_TIMEOUT_S", "10")
    return tmp_path


class Running:
    """The app as `main()` builds it, with its window; closed and joined at the end."""

    def __init__(self, qtbot, **kwargs):
        self.services = build_services(load_settings(), api_key="sk-e2e-key", tasks=TASKS, **kwargs)
        self.window = MainWindow(self.services)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 820)
        self.window.show()
        self.services.start()

    def close(self):
        self.window.close()
        self.services.shutdown()


@pytest.fixture
def running(qtbot):
    apps = []

    def start(**kwargs):
        apps.append(Running(qtbot, **kwargs))
        return apps[-1]
    yield start
    for app in apps:
        if app.services.sessions._store_lane._thread.isRunning():
            app.close()


def answer_a_task(qtbot, window, virtual_mic, answer, level="B1"):
    """Pick the level, start, wait for the recording to begin, speak, stop with Space."""
    for button in window.levels._group.buttons():
        if button.property("level") == level:
            qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.task_card.task is not None and window.task_card.task.level.value == level)
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.phase == "recording", timeout=15000)
    virtual_mic.play(answer.path).wait()
    time.sleep(0.3)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.phase == "saved", timeout=15000)


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
    qtbot.waitUntil(lambda: window.phase == "idle")
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

    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)
    row = window.history.model.rows[0]
    assert row.session.status.value == "completed" and row.result_level is Level.B1

    # start another test, close the app mid-way, reopen it, resume the session from the history
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.phase in ("preparing", "recording"))
    qtbot.waitUntil(lambda: window.phase == "recording", timeout=15000)
    active_id = window.test.session.id
    app.close()
    again = running()
    history = again.window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 2)
    active_row = next(i for i, r in enumerate(history.model.rows) if r.session.id == active_id)
    assert history.model.rows[active_row].session.status.value == "active"
    history.table.selectRow(active_row)
    assert history.resume_button.isEnabled()
    qtbot.mouseClick(history.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: again.window.test is not None and again.window.test.session.id == active_id)
    assert again.window.phase == "preparing" and again.window.levels.level == "B1"
    again.close()
