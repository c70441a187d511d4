"""A whole quick-practice test with the keyboard alone, in the real window: Tab reaches the level
picker (the arrow keys choose B1) and the Start button, Space or Enter presses what has the focus
before a test, Space records and stops during one, Enter presses "Finish test", and the result
arrives from the test AI server. No mouse click anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from speakcheck_desktop.ui.exam_phase import Phase
from tests.answers import GOOD, SENTENCES, make_answer
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply


def tab_to(qtbot, window, wanted, limit: int = 40) -> None:
    """Press Tab until `wanted(focused widget)`; fails if Tab never gets there."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is not None and wanted(focused):
            return
        qtbot.keyClick(focused or window, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached the control; last focus: {QApplication.focusWidget()!r}")


def test_a_whole_quick_practice_test_with_the_keyboard_alone(qtbot, app_env, virtual_mic, fake_openai, monkeypatch,
                                                              running, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    answer = make_answer(tmp_path, SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)
    fake_openai.script(TRANSCRIPTIONS, answer.transcription())
    fake_openai.script(CHAT, chat_reply(GOOD))
    window = running(sync=False).window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    tab_to(qtbot, window, lambda w: isinstance(w, QRadioButton) and w.accessibleName().startswith("Level "))
    for _ in range(4):  # to the first level, then one down: A2, B1
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert QApplication.focusWidget().accessibleName() == "Level B1"
    qtbot.waitUntil(lambda: window.task_card.task is not None and window.task_card.task.level.value == "B1")

    tab_to(qtbot, window, lambda w: w is window.panel.start)
    assert window.panel.start.hasFocus()  # the focus is visible where it is: Qt draws its frame
    qtbot.keyClick(window.panel.start, Qt.Key_Space)  # before a test Space is the focused button's
    qtbot.waitUntil(lambda: window.phase in (Phase.PREPARING, Phase.RECORDING), timeout=15000)
    if window.phase is Phase.PREPARING:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_Space)  # record now
    qtbot.waitUntil(lambda: window.phase is Phase.RECORDING, timeout=15000)
    assert window.panel.stop.hasFocus()
    virtual_mic.play(answer.path).wait()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Space)  # stop
    qtbot.waitUntil(lambda: window.phase is Phase.SAVED, timeout=15000)
    qtbot.waitUntil(lambda: window.scores.level.text() == "B1", timeout=30000)

    assert window.panel.finish.hasFocus() and "(Enter)" in window.panel.finish.toolTip()
    qtbot.keyClick(window.panel.finish, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.phase is Phase.IDLE, timeout=15000)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1 and not window.history.model.loading)
    assert window.history.model.rows[0].session.status.value == "completed"
