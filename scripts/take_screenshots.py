"""Drive the real app through its states and save a screenshot of each in docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py

Uses the test parts (virtual microphone, test MongoDB server, test AI server), so it needs the
test setup (scripts/setup.sh test)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    from tests.answers import GOOD, SENTENCES, make_answer
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, Reply, chat_reply
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    mic, mongo, ai = rig.mic, rig.mongo, rig.ai
    answer = make_answer(tmp / "answer", SENTENCES * 2, [0.5, 0.9, 0.4, 1.3] * 3 + [0.6] * 3)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.test_plan import FormatKind
    from speakcheck_desktop.ui.exam_phase import Phase
    from speakcheck_desktop.ui.main_window import MainWindow

    app = QApplication([])  # noqa: F841 - must live as long as the window
    services = build_services(load_settings(), api_key="sk-demo", retry_s=2, sync_backoff_cap_s=2)
    window = MainWindow(services)
    window.resize(1360, 860)
    window.show()
    services.start()
    # The window opens on "Mock test"; these shots show quick practice (the mock test's are
    # scripts/mock_screenshots.py).
    window.formats.set_format(FormatKind.PRACTICE)

    def wait(condition, timeout=60.0):
        wait_for(condition, timeout, lambda: f"phase {window.phase}, {window.ai_label.text()}, "
                                             f"{window.sync_label.text()}, {window.scores.message.text()!r}")

    def shot(name, widget=None):
        screenshot(widget or window, OUT / f"{name}.png")

    def pick(level):
        for button in window.levels._group.buttons():
            if button.property("level") == level:
                QTest.mouseClick(button, Qt.LeftButton)
        wait(lambda: window.task_card.task is not None and window.task_card.task.level.value == level)

    OUT.mkdir(parents=True, exist_ok=True)
    wait(lambda: window.task_card.plan is None and window.task_card.task is not None)
    pick("B1")
    shot("01-start")
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase is Phase.PREPARING)
    QTest.qWait(2200)
    shot("02-preparing")
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase is Phase.RECORDING)
    player = mic.play(answer.path)
    QTest.qWait(5000)
    shot("03-recording")
    wait(lambda: player.poll() is not None)
    ai.script(TRANSCRIPTIONS, answer.transcription())
    ai.script(CHAT, chat_reply(GOOD))
    ai.requests.clear()
    ai._scripts[TRANSCRIPTIONS][0].delay_s = 3.0
    QTest.keyClick(window, Qt.Key_Space)
    wait(lambda: window.ai_label.text() == "AI: transcribing")
    shot("04-assessing")
    wait(lambda: window.scores.level.text() == "B1")
    shot("05-results")
    QTest.mouseClick(window.panel.finish, Qt.LeftButton)
    wait(lambda: window.phase is Phase.IDLE)
    wait(lambda: window.history.model.rowCount() >= 1 and not window.history.model.loading
         and window.sync_label.text() == "Sync: up to date")
    window.history.table.selectRow(0)
    shot("06-history")

    pick("A2")
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase is Phase.PREPARING)
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase is Phase.RECORDING)
    QTest.qWait(4000)
    ai.script(TRANSCRIPTIONS, Reply(200, {"task": "transcribe", "language": "english", "duration": 4.0,
                                          "text": "Thank you for watching.", "words": [], "segments": []}))
    QTest.keyClick(window, Qt.Key_Space)
    wait(lambda: window.scores.level.text() == "?")
    shot("07-not-enough-evidence")

    window.open_settings()
    wait(lambda: window.settings_dialog is not None and window.settings_dialog.isVisible())
    shot("08-settings", window.settings_dialog)
    window.settings_dialog.reject()

    QTest.mouseClick(window.panel.finish, Qt.LeftButton)
    wait(lambda: window.phase is Phase.IDLE)
    ai.stop()
    mongo.stop()
    pick("B1")
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase is Phase.PREPARING)
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase is Phase.RECORDING)
    player = mic.play(answer.path)
    wait(lambda: player.poll() is not None)
    QTest.mouseClick(window.panel.stop, Qt.LeftButton)
    wait(lambda: window.ai_label.text() == "AI: waiting")
    wait(lambda: window.sync_label.text().startswith("Sync: offline"), timeout=30)
    shot("09-offline")

    window.close()
    services.shutdown()
    rig.stop()


if __name__ == "__main__":
    main()
