"""No test without a microphone: with none at all (real PortAudio, pointed at no sound server),
the window says "Microphone: none found" from the start, and Start makes no session, in words;
a kiosk goes back to check-in with the candidate's ID kept. A microphone that is there but whose
recording cannot start before anything was said (its folder cannot be written) ends the session
at once as abandoned, with nothing in it, instead of leaving it active in the history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from speakcheck_desktop.audio.devices import refresh_devices
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.exam_phase import Phase

NO_MICROPHONE = ("No microphone was found. Connect one (or allow this app to use it in the system's privacy "
                 "settings), then try again.")


@pytest.fixture
def no_microphone(tmp_path, monkeypatch):
    """PortAudio with no input device: no sound server to reach (and no sound card on these
    machines). PortAudio lists devices when it starts, so it is made to look again, before and
    after (no stream is open between tests)."""
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-sound-server")
    monkeypatch.setenv("PULSE_RUNTIME_PATH", str(tmp_path))
    refresh_devices()
    yield
    monkeypatch.undo()
    refresh_devices()


def sessions_in(app_env) -> list:
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        return [s for s in (store.get_session(row[0]) for row in store.conn.execute("SELECT id FROM sessions"))]


def test_no_microphone_is_said_from_the_start_and_start_makes_no_session(qtbot, app_env, running, no_microphone):
    window = running(sync=False).window
    qtbot.waitUntil(lambda: window.mic_label.text() == "Microphone: none found", timeout=10000)
    assert window.mic_label.toolTip() == NO_MICROPHONE

    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    assert window.banner.text() == NO_MICROPHONE
    assert window.panel.phase.text() == ("The test was not started: no microphone. Connect one and press Start "
                                         "again.")
    assert window.phase is Phase.IDLE and window.test is None and window.panel.start.isEnabled()
    qtbot.wait(300)  # a session started late would show by now
    assert sessions_in(app_env) == []


def test_a_kiosk_without_a_microphone_goes_back_to_check_in_with_the_id_kept(qtbot, app_env, running,
                                                                             no_microphone):
    from speakcheck_desktop.core.operator_pin import hash_pin
    from speakcheck_desktop.kiosk_config import KioskConfig
    from speakcheck_desktop.ui.kiosk_window import KioskWindow

    config = KioskConfig(operator_pin=hash_pin("4827"), level=Level.B1)
    window = running(kiosk=config, sync=False, window=lambda services: KioskWindow(services, config)).window
    qtbot.keyClicks(window.check_in_page.candidate_id, "CAND-7")
    qtbot.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    assert window.banner.text() == NO_MICROPHONE
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.check_in_page, timeout=10000)
    assert window.check_in_page.candidate_id.text() == "CAND-7" and window.check_in_page.begin.isEnabled()
    assert window.visit is None
    assert sessions_in(app_env) == []


def test_a_recording_that_cannot_start_before_any_answer_abandons_the_session_at_once(
        qtbot, app_env, running, virtual_mic):
    app = running(sync=False)
    window = app.window
    qtbot.waitUntil(lambda: window.mic_label.text().startswith("Microphone: ")
                    and window.mic_label.text() != "Microphone: not checked", timeout=10000)
    assert window.mic_label.text() != "Microphone: none found"
    # The recordings folder is a file: nowhere to write the audio (root may write anywhere, so
    # permissions would not do).
    recordings = app.services.settings.recordings_dir
    recordings.parent.mkdir(parents=True, exist_ok=True)
    recordings.write_text("not a folder")

    qtbot.mouseClick(window.panel.start, Qt.LeftButton)  # one second to prepare, then it records by itself
    qtbot.waitUntil(window.banner.isVisible, timeout=15000)
    assert window.banner.text().startswith(f"The recording cannot be saved in {recordings}")
    qtbot.waitUntil(lambda: window.phase is Phase.IDLE, timeout=10000)
    assert window.panel.phase.text() == ("The recording could not start, so the test was stopped; nothing was "
                                         "recorded. Press Start to try again.")
    assert window.test is None and window.panel.start.isEnabled()
    qtbot.waitUntil(lambda: [s.status for s in sessions_in(app_env)] == [SessionStatus.ABANDONED], timeout=10000)
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM recordings").fetchone()[0] == 0
