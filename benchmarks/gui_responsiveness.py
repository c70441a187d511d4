"""GUI responsiveness and start-up time.

    .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 60]

Responsiveness: a 5 ms timer on the GUI thread notes the gap between its ticks while the app runs
a whole test: recording (speech played into the virtual microphone for `--seconds`), stopping,
transcription and evaluation (test AI server), and sync (test MongoDB server). Reports the largest
gap and the 99th percentile. A negative control then blocks the GUI thread for 200 ms, to show the
probe would see it. Start-up: launch to the window shown and painted, in a fresh process, median of 5.
Needs the test setup (scripts/setup.sh test)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP = """
import time; t0 = time.perf_counter()
import os, sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
from speakcheck_desktop.app import build_services
from speakcheck_desktop.config import load_settings
from speakcheck_desktop.ui.main_window import MainWindow
app = QApplication([])
services = build_services(load_settings(), api_key=None)
window = MainWindow(services)
window.show()
def shown():
    print(f"{{(time.perf_counter() - t0) * 1000:.0f}}")
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
services.shutdown()
"""


def startup_ms(tmp: Path) -> float:
    env = {**os.environ, "SPEAKCHECK_DATA_DIR": str(tmp / "start-data"),
           "SPEAKCHECK_CONFIG_DIR": str(tmp / "start-cfg"),
           "MONGODB_URI": "mongodb://127.0.0.1:9", "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.2"}
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", STARTUP.format(root=str(ROOT))], env=env, capture_output=True,
                             text=True, timeout=120)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    print(f"start-up to window shown (median of 5): {startup_ms(tmp):.0f} ms")

    from tests.rig import Rig
    rig = Rig.start(tmp)
    mic, ai = rig.mic, rig.ai
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.ui.main_window import MainWindow
    from tests.answers import GOOD, SENTENCES, make_answer
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply

    repeats = max(1, int(args.seconds // 40) + 1)
    answer = make_answer(tmp / "answer", SENTENCES * 2 * repeats, [0.5, 0.8, 0.4, 0.7] * (4 * repeats))
    ai.script(TRANSCRIPTIONS, answer.transcription())
    ai.script(CHAT, chat_reply(GOOD))

    app = QApplication([])  # noqa: F841 - must live as long as the window
    services = build_services(load_settings(), api_key="sk-bench")
    window = MainWindow(services)
    window.show()
    services.start()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)

    def wait(condition, timeout=180.0):
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError
            QCoreApplication.processEvents()
            time.sleep(0.001)

    wait(lambda: window.task_card.task is not None)
    probe.start()
    last[0] = time.perf_counter()
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase == "preparing")
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase == "recording")
    player = mic.play(answer.path)
    end = time.monotonic() + args.seconds
    wait(lambda: time.monotonic() > end or player.poll() is not None, timeout=args.seconds + 60)
    player.kill()
    window.stop_recording()
    wait(lambda: window.scores.level.text() in ("B1", "?"))  # "?": too short to score (a brief --seconds)
    QTest.mouseClick(window.panel.finish, Qt.LeftButton)
    wait(lambda: window.sync_label.text() == "Sync: up to date")
    probe.stop()
    gaps.sort()
    print(f"during a {args.seconds:.0f} s test (record, transcribe, evaluate, sync): largest gap between 5 ms "
          f"ticks {gaps[-1] * 1000:.1f} ms, 99th percentile {gaps[int(len(gaps) * 0.99)] * 1000:.1f} ms, "
          f"{len(gaps)} ticks")

    control: list[float] = []
    last[0] = time.perf_counter()
    probe.timeout.disconnect(tick)
    probe.timeout.connect(lambda: (control.append(time.perf_counter() - last[0]),
                                   last.__setitem__(0, time.perf_counter())))
    probe.start()
    QTimer.singleShot(100, lambda: time.sleep(0.2))  # the GUI thread blocked on purpose
    stop_at = time.monotonic() + 0.6
    wait(lambda: time.monotonic() > stop_at)
    probe.stop()
    print(f"negative control (GUI thread blocked 200 ms): largest gap {max(control) * 1000:.1f} ms")
    window.close()
    services.shutdown()
    rig.stop()


if __name__ == "__main__":
    main()
