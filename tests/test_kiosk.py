"""Kiosk mode, driven through its window with pytest-qt against the test MongoDB server, the test
AI server and the virtual microphone; and its parts without a window (PIN, kiosk.toml, purge)."""

import logging
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenuBar,
    QTableWidget,
    QTextEdit,
    QToolBar,
)

from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.operator_pin import PinError, PinGate, hash_pin, verify_pin
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.kiosk_config import (
    KioskConfig,
    KioskConfigError,
    KioskFormat,
    ShowResult,
    load_kiosk_config,
    save_operator_pin,
)
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.retention import purge_acknowledged
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.kiosk_window import KioskWindow
from tests.answers import GOOD, SENTENCES, make_answer
from tests.factories import complete_session
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply

PIN = "4827"
PIN_HASH = hash_pin(PIN)


class Ticker:
    """A monotonic clock for the PIN gate that moves only when told."""

    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


@pytest.fixture
def kiosk(running):
    """Start the app as a kiosk (`kiosk(**kiosk.toml values)`); its PIN gate runs on `.ticker`."""
    def start(**config):
        ticker = Ticker()
        config.setdefault("format", "practice")  # the tests of one task; a mock test says so
        settings = KioskConfig(operator_pin=PIN_HASH, **config)
        app = running(api_key="sk-kiosk", kiosk=settings,
                      window=lambda services: KioskWindow(services, settings, monotonic=ticker))
        app.ticker = ticker
        return app
    return start


@pytest.fixture(scope="module")
def answer(tmp_path_factory):
    # ~23 s, ~19 s of it speech: enough evidence for an A2 task, half the time of a B1 answer
    return make_answer(tmp_path_factory.mktemp("kiosk"), SENTENCES + SENTENCES[:2], [0.3] * 9)


def screen_text(window) -> str:
    """Everything a person could read in the window, or get back with Ctrl+Z from a field."""
    parts = []
    for w in window.findChildren(QLabel):
        parts.append(w.text())
    for w in window.findChildren(QLineEdit):
        parts.append(w.text())
        w.undo()
        parts.append(w.text())
    for w in window.findChildren(QTextEdit):
        parts.append(w.toPlainText())
    for w in window.findChildren(QListWidget):
        parts += [w.item(i).text() for i in range(w.count())]
    for w in window.findChildren(QTableWidget):
        parts += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
    for w in window.findChildren(QGroupBox):
        parts.append(w.title())
    return "\n".join(parts)


def shows_level(window, fake_openai):
    """For waitUntil: the last page shows the level (else say what it shows, and what the AI saw)."""
    assert window.done_page.detail.text() == "Your level: B1", (
        window.done_page.detail.text(), [r.path for r in fake_openai.requests], window.flow.phase)
    return True


def check_in(qtbot, window, candidate_id, name=None):
    page = window.check_in_page
    qtbot.keyClicks(page.candidate_id, candidate_id)
    if name is not None:
        qtbot.keyClicks(page.name, name)
    qtbot.mouseClick(page.begin, Qt.LeftButton)


def take_the_test(qtbot, window, virtual_mic, answer):
    qtbot.waitUntil(lambda: window.flow.phase is Phase.RECORDING, timeout=15000)  # after 1 s preparation
    virtual_mic.play(answer.path).wait()
    time.sleep(0.3)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.flow.phase is Phase.SAVED, timeout=15000)


def test_two_candidates_in_a_row_and_nothing_of_the_first_left(qtbot, app_env, kiosk, virtual_mic,
                                                              fake_openai, mongo_uri, mongo_db, answer, monkeypatch):
    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    for _ in range(2):
        fake_openai.script(TRANSCRIPTIONS, answer.transcription())
        fake_openai.script(CHAT, chat_reply(GOOD))
    k = kiosk(centre="Riverside Centre", level=Level.A2, ask_name=True, show_result=ShowResult.SCORES)
    window = k.window
    assert window.windowFlags() & Qt.FramelessWindowHint
    assert window.check_in_page.level.text() == "A2 (set by the centre)"

    check_in(qtbot, window, "", None)
    assert window.check_in_page.message.text() == "Enter the candidate ID."
    check_in(qtbot, window, "CAND-7781", "Ada Lovelace")
    take_the_test(qtbot, window, virtual_mic, answer)
    assert window.who.text() == "Candidate CAND-7781"  # for the invigilator
    # one attempt (the default): only "Finish" is left
    assert not window.panel.record.isVisible() and window.panel.finish.isVisible()
    qtbot.keyClick(window, Qt.Key_Space)  # Space does not start a second attempt either
    assert window.flow.phase is Phase.SAVED and window.flow.attempts_used == 1
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.done_page)
    qtbot.waitUntil(lambda: shows_level(window, fake_openai), timeout=30000)
    assert window.done_page.scores.chart.scores == GOOD["scores"]

    qtbot.mouseClick(window.done_page.next, Qt.LeftButton)
    assert window.pages.currentWidget() is window.check_in_page
    text = screen_text(window)
    for trace in ("CAND-7781", "Ada", "harbour", "Your level", "5.5", "home town"):
        assert trace not in text, trace
    assert window.visit is None and window.flow.test is None  # the candidate, their session, answers, result
    assert window.flow.shown_recording is None and window.task_card.task is None

    check_in(qtbot, window, "CAND-7782", "Grace Hopper")
    take_the_test(qtbot, window, virtual_mic, answer)
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: shows_level(window, fake_openai), timeout=30000)

    qtbot.waitUntil(lambda: mongo_db.sessions.count_documents({"status": "completed"}) == 2
                    and mongo_db.evaluations.count_documents({}) == 2, timeout=30000)
    sessions = sorted(mongo_db.sessions.find(), key=lambda s: s["started_at"])
    assert [s["metadata"]["candidate_id"] for s in sessions] == ["CAND-7781", "CAND-7782"]
    assert [s["metadata"]["centre"] for s in sessions] == ["Riverside Centre"] * 2
    users = {u["_id"]: u for u in mongo_db.users.find()}
    for session, (cid, name) in zip(sessions, [("CAND-7781", "Ada Lovelace"), ("CAND-7782", "Grace Hopper")],
                                    strict=True):
        assert session["user_id"] == Candidate(cid, "Riverside Centre").user_id
        assert users[session["user_id"]]["name"] == name
        recordings = list(mongo_db.recordings.find({"session_id": session["_id"]}))
        assert len(recordings) == 1
        transcript = mongo_db.transcripts.find_one({"recording_id": recordings[0]["_id"]})
        assert mongo_db.evaluations.find_one({"transcript_id": transcript["_id"]})["overall_level"] == "B1"
        events = list(mongo_db.events.find({"session_id": session["_id"]}))
        assert verify_chain(session["_id"], events, session).intact
    # The audio went to GridFS (the kiosk's default); once MongoDB has everything, the kiosk
    # forgets both sessions: rows and audio files.
    assert mongo_db["recordings.files"].count_documents({}) == 2
    assert all(r["file_url"].startswith("gridfs://recordings/") for r in mongo_db.recordings.find())
    qtbot.waitUntil(lambda: window.backlog == "Nothing waiting: every result is in MongoDB.", timeout=30000)
    qtbot.waitUntil(lambda: not list((app_env / "data" / "recordings").rglob("*.wav")), timeout=15000)
    with LocalStore.open(app_env / "data" / "speakcheck.db") as local:
        assert local.count("sessions") == 0 and local.count("events") == 0


def test_a_candidate_cannot_leave_or_reach_settings_without_the_pin(qtbot, app_env, kiosk, caplog):
    caplog.set_level(logging.DEBUG)
    k = kiosk()
    window = k.window
    assert not window.findChildren(QDockWidget) and not window.findChildren(QToolBar)
    assert not window.findChildren(QMenuBar) and not hasattr(window, "history")
    # Alt+F4, the window manager's close button and window.close() all arrive as a close event.
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    window.close()
    assert window.isVisible()

    qtbot.mouseClick(window.operator, Qt.LeftButton)
    dialog = window.pin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key_Return)
    assert window.operator_panel is None and dialog.isVisible()
    assert "Wrong PIN" in dialog.message.text() and dialog.pin.text() == ""
    qtbot.keyClicks(dialog.pin, "12ab")  # digits only
    assert dialog.pin.text() == "12"
    dialog.reject()
    assert window.operator_panel is None and window.isVisible()

    qtbot.mouseClick(window.operator, Qt.LeftButton)
    qtbot.keyClicks(window.pin_dialog.pin, PIN)
    qtbot.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    panel = window.operator_panel
    assert panel is not None and panel.isVisible()
    assert panel.settings.isEnabled() and panel.exit.isEnabled() and not panel.retry.isEnabled()
    panel.level.setCurrentText("C1")
    assert window.level == "C1" and window.check_in_page.level.text() == "C1"
    qtbot.mouseClick(panel.settings, Qt.LeftButton)
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()
    window.settings_dialog.reject()

    qtbot.mouseClick(window.operator, Qt.LeftButton)
    qtbot.keyClicks(window.pin_dialog.pin, PIN)
    qtbot.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    qtbot.mouseClick(window.operator_panel.exit, Qt.LeftButton)
    assert not window.isVisible()
    # The app's own log lines (pymongo's debug lines carry random ids, which may hold any four digits).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("speakcheck_desktop"))
    assert "Operator unlocked the kiosk" in logged and PIN not in logged and "1111" not in logged


def test_wrong_pins_are_rate_limited(qtbot, app_env, kiosk):
    k = kiosk()
    window = k.window
    qtbot.mouseClick(window.operator, Qt.LeftButton)
    dialog = window.pin_dialog
    for wrong in ("1111", "2222", "3333"):
        qtbot.keyClicks(dialog.pin, wrong)
        qtbot.keyClick(dialog.pin, Qt.Key_Return)
    assert "Try again in 30 s" in dialog.message.text()
    assert not dialog.pin.isEnabled()
    assert window.gate.attempt(PIN).accepted is False  # locked: even the right PIN is refused
    k.ticker.t += 31
    qtbot.waitUntil(lambda: dialog.pin.isEnabled(), timeout=3000)
    qtbot.keyClicks(dialog.pin, "4444")
    qtbot.keyClick(dialog.pin, Qt.Key_Return)
    assert "Try again in 60 s" in dialog.message.text()  # the lock-out doubles
    k.ticker.t += 61
    qtbot.waitUntil(lambda: dialog.pin.isEnabled(), timeout=3000)
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key_Return)
    assert window.operator_panel is not None and window.gate.failures == 0
    window.operator_panel.reject()


def test_idle_time_clears_a_half_filled_check_in(qtbot, app_env, kiosk):
    k = kiosk(ask_name=True, idle_reset_s=0.3)  # kiosk.toml allows 15 s at least; the window takes what it is given
    window = k.window
    qtbot.keyClicks(window.check_in_page.candidate_id, "CAND-9")
    qtbot.keyClicks(window.check_in_page.name, "Someone")
    assert window.check_in_page.candidate_id.text() == "CAND-9"  # not cleared while it is being typed
    qtbot.waitUntil(lambda: window.check_in_page.candidate_id.text() == "", timeout=3000)
    assert "CAND-9" not in screen_text(window) and "Someone" not in screen_text(window)


def test_an_operator_can_allow_another_attempt(qtbot, app_env, kiosk, virtual_mic, answer, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # assessments wait; not the point here
    k = kiosk(show_result=ShowResult.SUBMITTED)
    window = k.window
    check_in(qtbot, window, "CAND-1")
    qtbot.waitUntil(lambda: window.flow.phase is Phase.RECORDING, timeout=15000)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.flow.phase is Phase.SAVED, timeout=15000)
    assert not window.panel.record.isVisible()
    qtbot.mouseClick(window.operator, Qt.LeftButton)
    qtbot.keyClicks(window.pin_dialog.pin, PIN)
    qtbot.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    assert not window.operator_panel.exit.isEnabled() and not window.operator_panel.settings.isEnabled()
    qtbot.mouseClick(window.operator_panel.retry, Qt.LeftButton)
    assert window.panel.record.isVisible() and window.panel.record.text() == "\u25cf  Record again"
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.done_page)
    assert window.done_page.title.text() == "Thank you. Your answer was submitted."
    assert window.done_page.detail.text() == "Your centre will give you your result."
    assert not window.done_page.scores.isVisible()


# -- without a window ------------------------------------------------------------------------------

def test_pin_hashes_are_salted_and_checked():
    one, two = hash_pin(PIN), hash_pin(PIN)
    assert one != two and PIN not in one and one.startswith("scrypt$16384$8$1$")
    assert verify_pin(PIN, one) and verify_pin(PIN, two) and not verify_pin("4828", one)
    for weak, why in (("12", "4 to 32 digits"), ("1234", "too easy"), ("7777", "too easy"), ("12a4", "digits only")):
        with pytest.raises(PinError, match=why):
            hash_pin(weak)
    with pytest.raises(PinError, match="kiosk-pin"):
        verify_pin(PIN, "md5$abc")


def test_the_pin_gate_locks_longer_each_time():
    ticker = Ticker()
    gate = PinGate(PIN_HASH, ticker, free_attempts=3, first_lock_s=30, max_lock_s=100)
    assert [gate.attempt("0000").locked_for_s for _ in range(3)] == [0, 0, 30]
    assert gate.attempt(PIN).accepted is False and gate.failures == 3  # refused unchecked while locked
    ticker.t += 30
    assert gate.attempt("0000").locked_for_s == 60
    ticker.t += 60
    assert gate.attempt("0000").locked_for_s == 100  # capped
    ticker.t += 100
    assert gate.attempt(PIN).accepted and gate.failures == 0
    assert gate.attempt("0000").locked_for_s == 0  # a right PIN starts the count again


def test_kiosk_toml_is_read_and_checked(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('centre = "Riverside"\nlevel = "B2"\nattempts_per_task = 2\nshow_result = "level"\n')
    save_operator_pin(path, PIN_HASH)
    config = load_kiosk_config(path)
    assert (config.centre, config.level, config.attempts_per_task, config.show_result) == (
        "Riverside", Level.B2, 2, ShowResult.LEVEL)
    assert config.operator_pin == PIN_HASH and (path.stat().st_mode & 0o777) == 0o600
    assert config.format is KioskFormat.MOCK and config.mock_bank is None  # a whole mock test, the app's bank
    path.write_text(f'format = "practice"\nmock_bank = "{tmp_path / "bank.json"}"\n')
    config = load_kiosk_config(path)
    assert config.format is KioskFormat.PRACTICE and config.mock_bank == tmp_path / "bank.json"
    for bad, message in (('level = "C2"', "A2, B1, B2 or C1"), ('show_result = "all"', "scores, level, submitted"),
                         ('format = "exam"', "mock, practice"), ('mock_bank = "bank.json"', "the full path"),
                         ("attempts_per_task = 0", "at least 1"), ("idle_reset_s = 2", "at least 15"),
                         ("colour = 1", "unknown key"), ("level = ", "not valid TOML")):
        path.write_text(bad + "\n")
        with pytest.raises(KioskConfigError, match=message):
            load_kiosk_config(path)


def test_a_centre_bank_with_problems_stops_the_kiosk_with_each_problem_named(tmp_path, app_env):
    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.mock_format import BankError

    bank = tmp_path / "centre.json"
    bank.write_text('{"version": 1, "mock_tests": [{"id": "x-1", "level": "B3", "title": "T", "parts": []}]}')
    config = KioskConfig(operator_pin=PIN_HASH, mock_bank=bank)
    with pytest.raises(BankError) as caught:
        build_services(load_settings(), api_key=None, sync=False, kiosk=config)
    assert caught.value.problems == [
        f"The mock-test bank {bank}: mock test x-1: level must be A2, B1, B2 or C1, not 'B3'.",
        f"The mock-test bank {bank}: mock test x-1: parts must be, in this order: interview, long_turn, discussion."]
    bank.unlink()
    with pytest.raises(BankError, match=r"cannot be read \(No such file or directory\)"):
        build_services(load_settings(), api_key=None, sync=False, kiosk=config)


def test_purge_forgets_only_what_mongodb_acknowledged(store, relay, mongo_db, clock):
    from datetime import timedelta
    synced, *_ = complete_session(store, "B1")                  # its audio path does not exist here
    with_audio, *_ = complete_session(store, "B2", audio=True)   # audio only on this computer
    relay.run_pass()
    unsent, *_ = complete_session(store, "A2")                   # not yet in MongoDB
    active = store.start_session("C1")                           # still going

    assert purge_acknowledged(store, timedelta(hours=1)).sessions == []  # retention not over yet
    clock.wall += timedelta(hours=2)
    report = purge_acknowledged(store, timedelta(hours=1))
    assert report.sessions == [synced.id]
    assert report.audio_here_only == [with_audio.id] and report.unacknowledged == [unsent.id]
    assert store.get_session(synced.id) is None and store.get_session_detail(synced.id) is None
    assert store.get_session(active.id) is not None and store.get_session(with_audio.id) is not None
    assert mongo_db.sessions.find_one({"_id": synced.id}) is not None  # MongoDB keeps it
    assert mongo_db.events.count_documents({"session_id": synced.id}) == 4
    # Only the sessions never sent wait: the unsent one (session, recording, transcript,
    # evaluation and four events) and the active one (session, start event).
    assert store.outbox.waiting_ids("sessions") == {unsent.id, active.id}
    assert store.outbox.counts()["pending"] == 8 + 2
    assert report.summary() == ("1 waiting to reach MongoDB; 1 kept here: their audio is only on this computer.")
    relay.run_pass()
    assert mongo_db.sessions.find_one({"_id": synced.id}) is not None  # purging queued no delete
