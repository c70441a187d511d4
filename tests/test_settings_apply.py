"""Settings apply at once, in the same running app: a learner records with nothing set up (no
key, no offline pack, MongoDB unreachable), then opens Settings and names an AI server and the
centre's MongoDB. On Save the answer left waiting is assessed with the new server and the sync
sends everything to the new database, with no restart; the status line says "AI: ready"."""

from __future__ import annotations

import pytest

from speakcheck_desktop.store.local_store import LocalStore
from tests.answers import GOOD, SENTENCES, make_answer
from tests.app_rig import answer_a_task
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
from tests.mongo_server import free_port


@pytest.fixture(scope="module")
def b1_answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("apply"), SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)


def test_new_ai_and_mongodb_settings_are_used_at_once_for_what_was_waiting(
        qtbot, app_env, virtual_mic, fake_openai, mongo_uri, mongo_db, b1_answer, monkeypatch, running):
    for name in ("MONGODB_URI", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    (app_env / "config").mkdir(parents=True, exist_ok=True)
    (app_env / "config" / "settings.toml").write_text(f'mongodb_uri = "mongodb://127.0.0.1:{free_port()}"\n')
    fake_openai.script(TRANSCRIPTIONS, b1_answer.transcription())
    fake_openai.script(CHAT, chat_reply(GOOD))
    app = running(api_key=None, offline=False, sync_backoff_cap_s=60.0)
    window = app.window
    assert window.ai_label.text() == "AI: not set up"
    answer_a_task(qtbot, window, virtual_mic, b1_answer)
    qtbot.waitUntil(lambda: "add your OpenAI API key" in window.scores.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Sync: offline"), timeout=20000)
    assert fake_openai.requests_to(TRANSCRIPTIONS) == []

    window.open_settings()
    dialog = window.settings_dialog
    dialog.fields["transcribe_base_url"].setText(fake_openai.base_url)
    dialog.fields["evaluate_base_url"].setText(fake_openai.base_url)
    dialog.fields["mongodb_uri"].setText(mongo_uri)
    dialog.fields["mongodb_db"].setText(mongo_db.name)
    dialog.accept()

    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Settings saved and in use.", timeout=15000)
    assert window.ai_label.text() in ("AI: ready", "AI: transcribing", "AI: assessing")
    # The waiting answer, assessed by the new server (a local one: no key needed), shown on screen.
    qtbot.waitUntil(lambda: window.scores.level.text() == "B1", timeout=30000)
    assert len(fake_openai.requests_to(TRANSCRIPTIONS)) == 1 and len(fake_openai.requests_to(CHAT)) == 1
    # And everything synced to the new MongoDB, the back-off from the old one not carried over.
    qtbot.waitUntil(lambda: mongo_db.evaluations.count_documents({}) == 1, timeout=20000)

    def waiting() -> int:  # what the outbox still holds: the assessment's last events follow its evaluation
        with LocalStore.open(app.services.settings.database_path) as store:
            return store.outbox.counts()["pending"]
    qtbot.waitUntil(lambda: waiting() == 0, timeout=20000)
    qtbot.waitUntil(lambda: window.sync_label.text() == "Sync: up to date", timeout=20000)
    with LocalStore.open(app.services.settings.database_path) as store:
        assert store.pending_transcriptions() == []
        assert mongo_db.events.count_documents({}) == store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert mongo_db.sessions.count_documents({}) == store.conn.execute("SELECT COUNT(*) FROM sessions"
                                                                            ).fetchone()[0] == 1
    assert app.services.settings.mongodb_uri == mongo_uri and app.services.ai.can_evaluate
