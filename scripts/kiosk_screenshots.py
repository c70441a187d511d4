"""Drive kiosk mode through check-in, the exam (a whole mock test, the kiosk's default format), the
last page with the overall result and the operator panel, and save a screenshot of each in
docs/screenshots/ (11-14).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kiosk_screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kiosk_screenshots.py --under-review

With --under-review the centre holds every result for an examiner (`review_below = 0.99`): the
last page says the result is under review instead of a level (26); no other shot is taken.

Uses the test parts (virtual microphone, test MongoDB server, test AI server), so it needs the
test setup (scripts/setup.sh test). The centre's bank (`mock_bank`) is the app's B1 "Travel and
holidays" with its questions shortened to 12 s (tests/app_rig.py `quick_mock_bank`), so that the
ten answers take seconds each; the first question, the one on 12, keeps the bank's own time."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    under_review = "--under-review" in sys.argv[1:]
    tmp = Path(tempfile.mkdtemp())
    from tests.answers import GOOD, SENTENCES, make_answer
    from tests.app_rig import quick_mock_bank
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    # The first question's answer (~21 s, ~17 s of speech, within its 25 s) and the others' (~7 s).
    first = make_answer(tmp / "first", SENTENCES + SENTENCES[:1], [0.4] * 8)
    short = make_answer(tmp / "short", SENTENCES[:4], [0.3, 0.3, 0.3])  # 7.3 s of speech: a 12 s question asks 6

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.operator_pin import hash_pin
    from speakcheck_desktop.core.records import Level
    from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
    from speakcheck_desktop.resources import load_mock_tests
    from speakcheck_desktop.ui.exam_phase import Phase
    from speakcheck_desktop.ui.kiosk_window import KioskWindow

    bank = quick_mock_bank(tmp / "centre-bank.json", level="B1", mock_id="b1-mock-01")
    data = json.loads(bank.read_text(encoding="utf-8"))
    [real] = [t for t in load_mock_tests() if t.id == "b1-mock-01"]
    data["mock_tests"][0]["parts"][0]["questions"][0]["speak_s"] = real.parts[0].questions[0].speak_s
    bank.write_text(json.dumps(data), encoding="utf-8")

    app = QApplication([])  # noqa: F841 - must live as long as the window
    config = KioskConfig(operator_pin=hash_pin("4827"), centre="Riverside Language Centre", level=Level.B1,
                         show_result=ShowResult.SCORES, mock_bank=bank, review_below=0.99 if under_review else None)
    services = build_services(load_settings(), api_key="sk-demo", kiosk=config)
    window = KioskWindow(services, config)
    window.resize(1360, 860)
    window.show()
    services.start()
    flow = window.flow

    def wait(condition, timeout=60.0):
        wait_for(condition, timeout, lambda: f"phase {flow.phase}, {window.task_card.progress.text()!r}, "
                                             f"{window.done_page.detail.text()!r}")

    def shot(name, widget=None):
        if not under_review:
            screenshot(widget or window, OUT / f"{name}.png")

    rig.ai.defaults[TRANSCRIPTIONS] = short.transcription()
    rig.ai.defaults[CHAT] = chat_reply(GOOD)
    rig.ai.script(TRANSCRIPTIONS, first.transcription())

    OUT.mkdir(parents=True, exist_ok=True)
    QTest.keyClicks(window.check_in_page.candidate_id, "RLC-2026-0412")
    shot("11-kiosk-check-in")
    QTest.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    for index in range(10):
        wait(lambda i=index: flow.phase in (Phase.PREPARING, Phase.RECORDING) and flow.test is not None
             and flow.test.current.index == i, timeout=90)
        if flow.phase is Phase.PREPARING and flow.test.task.prep_s == 0:
            QTest.mouseClick(window.panel.record, Qt.LeftButton)  # "Record now"
        wait(lambda: flow.phase is Phase.RECORDING)
        player = rig.mic.play((first if index == 0 else short).path)
        if index == 0:
            QTest.qWait(5000)
            shot("12-kiosk-exam")
        wait(lambda p=player: p.poll() is not None)
        QTest.qWait(300)
        QTest.keyClick(window, Qt.Key_Space)
        wait(lambda: flow.phase is Phase.SAVED)
        QTest.mouseClick(window.panel.finish if flow.test.is_last else window.panel.next, Qt.LeftButton)
    if under_review:
        wait(lambda: window.done_page.detail.text().startswith("Your result is under review"), timeout=120)
        screenshot(window, OUT / "26-kiosk-under-review.png")
        window.exit_kiosk()
        services.shutdown()
        rig.stop()
        return
    wait(lambda: window.done_page.detail.text().startswith("Your overall level:"), timeout=120)
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
