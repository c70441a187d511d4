"""Drive kiosk mode through check-in, the exam, the last page and the operator panel, and save a
screenshot of each in docs/screenshots/ (11-14).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kiosk_screenshots.py

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
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    answer = make_answer(tmp / "answer", SENTENCES * 2, [0.5, 0.9, 0.4, 1.3] * 3 + [0.6] * 3)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.operator_pin import hash_pin
    from speakcheck_desktop.core.records import Level
    from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
    from speakcheck_desktop.ui.exam_phase import Phase
    from speakcheck_desktop.ui.kiosk_window import KioskWindow

    app = QApplication([])  # noqa: F841 - must live as long as the window
    config = KioskConfig(operator_pin=hash_pin("4827"), centre="Riverside Language Centre", level=Level.B1,
                         show_result=ShowResult.SCORES)
    services = build_services(load_settings(), api_key="sk-demo", kiosk=config)
    window = KioskWindow(services, config)
    window.resize(1360, 860)
    window.show()
    services.start()

    def wait(condition, timeout=60.0):
        wait_for(condition, timeout, lambda: f"phase {window.flow.phase}, {window.done_page.detail.text()!r}")

    def shot(name, widget=None):
        screenshot(widget or window, OUT / f"{name}.png")

    OUT.mkdir(parents=True, exist_ok=True)
    QTest.keyClicks(window.check_in_page.candidate_id, "RLC-2026-0412")
    shot("11-kiosk-check-in")
    QTest.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    wait(lambda: window.flow.phase is Phase.RECORDING, timeout=90)
    player = rig.mic.play(answer.path)
    QTest.qWait(5000)
    shot("12-kiosk-exam")
    wait(lambda: player.poll() is not None)
    rig.ai.script(TRANSCRIPTIONS, answer.transcription())
    rig.ai.script(CHAT, chat_reply(GOOD))
    QTest.keyClick(window, Qt.Key_Space)
    wait(lambda: window.flow.phase is Phase.SAVED)
    QTest.mouseClick(window.panel.finish, Qt.LeftButton)
    wait(lambda: window.done_page.detail.text() == "Your level: B1")
    shot("13-kiosk-submitted")
    QTest.mouseClick(window.operator, Qt.LeftButton)
    QTest.keyClicks(window.pin_dialog.pin, "4827")
    QTest.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    wait(lambda: window.operator_panel is not None and window.operator_panel.isVisible())
    wait(lambda: "kept here" in window._backlog or "Nothing waiting" in window._backlog, timeout=30)
    window.operator_panel.reject()
    QTest.mouseClick(window.operator, Qt.LeftButton)
    QTest.keyClicks(window.pin_dialog.pin, "4827")
    QTest.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    wait(lambda: window.operator_panel is not None and window.operator_panel.isVisible())
    shot("14-kiosk-operator", window.operator_panel)

    window.exit_kiosk()
    services.shutdown()
    rig.stop()


if __name__ == "__main__":
    main()
