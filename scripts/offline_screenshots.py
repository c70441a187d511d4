"""Screenshots of assessment on this computer (the offline pack), in docs/screenshots/:
21: an answer transcribed and measured here, its level waiting for the evaluation server;
22: the same answer once the server is back and the level has come.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/offline_screenshots.py

No key and no transcription server: the answer, played into the virtual microphone, is
transcribed by faster-whisper tiny.en; the evaluation server is the test AI server, started only
after the first shot. Needs the test setup (scripts/setup.sh test)."""

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
    from tests.fake_openai import CHAT, FakeOpenAI, chat_reply
    from tests.mongo_server import free_port
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    rig.ai.stop()  # no AI server at first: this one comes later, on its own port
    ai = FakeOpenAI(port=free_port())
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY"):
        os.environ.pop(name, None)
    os.environ["SPEAKCHECK_EVALUATE_BASE_URL"] = f"http://127.0.0.1:{ai.port}/v1"
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
    services = build_services(load_settings(), api_key=None, retry_s=2, sync_backoff_cap_s=2)
    window = MainWindow(services)
    window.resize(1360, 900)
    window.show()
    services.start()
    window.formats.set_format(FormatKind.PRACTICE)

    def wait(condition, timeout=90.0):
        wait_for(condition, timeout, lambda: f"phase {window.phase}, {window.scores.message.text()!r}")

    OUT.mkdir(parents=True, exist_ok=True)
    wait(lambda: window.task_card.plan is None and window.task_card.task is not None)
    for button in window.levels._group.buttons():
        if button.property("level") == "B1":
            QTest.mouseClick(button, Qt.LeftButton)
    wait(lambda: window.task_card.task is not None and window.task_card.task.level.value == "B1")
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase is Phase.PREPARING)
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase is Phase.RECORDING)
    mic = rig.mic
    player = mic.play(answer.path)
    wait(lambda: player.poll() is not None)
    QTest.qWait(300)
    window.stop_recording()
    wait(lambda: "cannot be reached" in window.scores.message.text())
    QTest.qWait(300)
    screenshot(window, OUT / "21-offline-measured.png")
    ai.script(CHAT, chat_reply(GOOD))
    ai.start()
    wait(lambda: window.scores.level.text() == "B1")
    QTest.qWait(300)
    screenshot(window, OUT / "22-offline-level.png")
    window.close()
    services.shutdown()
    ai.stop()
    rig.stop()


if __name__ == "__main__":
    main()
