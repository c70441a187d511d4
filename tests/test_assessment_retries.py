"""Waiting answers in the running app, against the test AI server: a transcription that overruns
its timeout is not uploaded again while the server may still be working on it, tries of one
answer never overlap and wait longer each time, and the step under way is shown with its clock."""

import re

from speakcheck_desktop.core.ai_timing import duration_text
from speakcheck_desktop.store.local_store import LocalStore
from tests.answers import SENTENCES, make_answer
from tests.factories import recorded_answer
from tests.fake_openai import TRANSCRIPTIONS, Reply


def test_a_slow_transcription_is_shown_ticking_then_tried_again_only_after_the_server_is_free(
        qtbot, app_env, running, fake_openai, monkeypatch):
    answer = make_answer(app_env / "answer", SENTENCES[:1], [])
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("SPEAKCHECK_AI_TIMEOUT_S", "1")
    timeout = 1 + answer.duration_s  # the setting plus the audio's length (core/ai_timing.py)
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        recorded_answer(store, answer.path, duration_s=answer.duration_s)
    busy_s = timeout + 2.0  # the server works on past the client's timeout
    fake_openai.script(TRANSCRIPTIONS, Reply(200, {"text": "late"}, delay_s=busy_s),
                       Reply(200, {"text": "late"}, delay_s=busy_s), answer.transcription())

    window = running(retry_s=0.3).window  # the app looks for waiting work every 0.3 s
    ticking = re.compile(r"^Transcribing your \d-second answer\u2026 0:0[1-9]$")
    qtbot.waitUntil(lambda: bool(ticking.match(window.scores.message.text())), timeout=10000)
    assert window.ai_label.text() == "AI: transcribing"
    qtbot.waitUntil(lambda: "Next try in" in window.scores.message.text(), timeout=15000)
    assert window.scores.message.text().startswith(f"The transcription service at {fake_openai.base_url} did not "
                                                   f"answer within {duration_text(timeout)}.")
    qtbot.waitUntil(lambda: len(fake_openai.requests_to(TRANSCRIPTIONS)) == 3, timeout=40000)
    qtbot.waitUntil(lambda: window.ai_label.text() == "AI: ready", timeout=15000)

    first, second, third = (r.received_at for r in fake_openai.requests_to(TRANSCRIPTIONS))
    # Not sent again while the server may still be working on it (at least the timeout once more),
    # although the app looked for waiting work every 0.3 s.
    assert second - first >= 2 * timeout - 0.5
    assert third - second >= 2 * timeout - 0.5
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        assert store.count("transcripts") == 1  # done once, from the third try


def test_stop_waiting_for_a_long_transcription_keeps_the_answer_and_sends_nothing_at_once(
        qtbot, app_env, running, fake_openai, monkeypatch):
    import time

    from PySide6.QtCore import Qt

    answer = make_answer(app_env / "answer", SENTENCES[:1], [])
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("SPEAKCHECK_AI_TIMEOUT_S", "5")
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        recorded_answer(store, answer.path, duration_s=answer.duration_s)
    fake_openai.script(TRANSCRIPTIONS, Reply(200, {"text": "late"}, delay_s=8.0))

    window = running(retry_s=0.3).window
    qtbot.waitUntil(lambda: window.scores.cancel.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.scores.message.text().endswith("0:01"), timeout=5000)
    clicked = time.monotonic()
    qtbot.mouseClick(window.scores.cancel, Qt.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in window.scores.message.text(), timeout=3000)
    assert time.monotonic() - clicked < 1.5  # at once, not when the server is done
    assert window.scores.message.text().startswith("The transcription was cancelled; your recording is kept. "
                                                   "Next try in ")
    assert not window.scores.cancel.isVisible() and window.ai_label.text() == "AI: waiting"
    qtbot.wait(3000)  # the app looks for waiting work every 0.3 s meanwhile
    assert len(fake_openai.requests_to(TRANSCRIPTIONS)) == 1  # not sent again while the server has it
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        assert [r.id for r in store.pending_transcriptions()] != []  # kept, waiting
