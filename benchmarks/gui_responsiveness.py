"""GUI responsiveness and start-up time.

    .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 60]
    .venv/bin/python benchmarks/gui_responsiveness.py --mock
    .venv/bin/python benchmarks/gui_responsiveness.py --local --seconds 120

Responsiveness: a 5 ms timer on the GUI thread notes the gap between its ticks while the app runs
a whole test: recording (speech played into the virtual microphone for `--seconds`), stopping,
transcription and evaluation (test AI server), and sync (test MongoDB server). Reports the largest
gap and the 99th percentile. A negative control then blocks the GUI thread for 200 ms, to show the
probe would see it. Start-up: launch to the window shown and painted, in a fresh process, median of 5.

`--mock`: instead of one quick-practice task, a whole mock test through the main window: the
ten questions of the bank's B2 test "b2-mock-01" in three parts, with its times shortened as the
tests shorten them (tests/app_rig.py `quick_mock_bank`: 12 s to speak, the long turn's 2 s of
preparation), each answered by a 9 s answer played into the virtual microphone, stopped with
Space, then "Next question"; after the last "Finish test", until the overall result is on screen
and MongoDB has it. Answers are assessed while the next ones are recorded, as for a person. No
start-up figure in this mode (it is the default mode's).

`--local`: answers are transcribed on this computer (faster-whisper tiny.en, the offline pack) on
the AI lane while the window runs; the evaluation is still the test AI server's. With
`--seconds 120`, the GUI thread is probed while a 2-minute answer is transcribed.
Needs the test setup (scripts/setup.sh test)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MOCK_ID = "b2-mock-01"
MOCK_QUESTIONS = 10  # 5 interview, 1 long turn, 4 discussion

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


class MongoWatch:
    """Polls the test MongoDB server from a thread of its own until the finished mock test is
    there (its overall result on the session, the overall_result event, every recording): a
    query from the GUI thread's wait loop would be a gap of the benchmark's own making."""

    def __init__(self, uri: str, db: str):
        self.uri, self.db = uri, db
        self.recordings = 0
        self.done = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-mongo-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from pymongo import MongoClient
        with MongoClient(self.uri, serverSelectionTimeoutMS=2000) as client:
            db = client[self.db]
            while not self._stop.wait(0.25):
                self.recordings = db.recordings.count_documents({})
                if (db.sessions.count_documents({"metadata.overall": {"$exists": True}}) == 1
                        and db.events.count_documents({"type": "overall_result"}) == 1
                        and self.recordings == MOCK_QUESTIONS):
                    self.done.set()
                    return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--mock", action="store_true", help=f"a whole mock test ({MOCK_ID}, ten questions)")
    parser.add_argument("--local", action="store_true", help="transcribe on this computer (the offline pack)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    if not args.mock:
        print(f"start-up to window shown (median of 5): {startup_ms(tmp):.0f} ms")

    from tests.rig import Rig
    rig = Rig.start(tmp)
    mic, ai = rig.mic, rig.ai
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.records import Level
    from speakcheck_desktop.core.test_plan import FormatKind
    from speakcheck_desktop.resources import load_mock_tests
    from speakcheck_desktop.ui.exam_phase import Phase
    from speakcheck_desktop.ui.main_window import MainWindow
    from tests.answers import GOOD, SENTENCES, make_answer
    from tests.app_rig import quick_mock_bank
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply

    if args.mock:
        # 9.3 s, 7.3 s of speech and 29 words: enough evidence for a 12-second B2 question (half
        # its time), as in tests/test_mock_test_e2e.py; every question gets the same answer.
        answer = make_answer(tmp / "answer", SENTENCES[:4], [0.3, 0.3, 0.3])
        ai.defaults[TRANSCRIPTIONS] = answer.transcription()
        ai.defaults[CHAT] = chat_reply(GOOD)
        mock_tests = load_mock_tests(quick_mock_bank(tmp / "mock-bank.json", mock_id=MOCK_ID))
    else:
        repeats = max(1, int(args.seconds // 40) + 1)
        answer = make_answer(tmp / "answer", SENTENCES * 2 * repeats, [0.5, 0.8, 0.4, 0.7] * (4 * repeats))
        ai.script(TRANSCRIPTIONS, answer.transcription())
        ai.script(CHAT, chat_reply(GOOD))
        mock_tests = None  # the app's own bank (unused: quick practice)

    app = QApplication([])  # noqa: F841 - must live as long as the window
    if args.local:
        os.environ["SPEAKCHECK_TRANSCRIBE_WITH"] = "local"  # the test AI server then only evaluates
    settings = load_settings()
    services = build_services(settings, api_key="sk-bench", mock_tests=mock_tests)
    window = MainWindow(services)
    window.show()
    # The window opens on the mock test; the default mode is (still) one quick-practice task.
    window.formats.set_format(FormatKind.MOCK if args.mock else FormatKind.PRACTICE)
    if args.mock:
        window.levels.set_level("B2")
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

    def pause(seconds: float) -> None:
        end = time.monotonic() + seconds
        wait(lambda: time.monotonic() > end, timeout=seconds + 5)

    if args.mock:
        card = window.task_card
        wait(lambda: card.plan is not None and card.plan.format_id == MOCK_ID and card.plan.level is Level.B2)
        assert len(card.plan.steps) == MOCK_QUESTIONS, card.plan.steps
        watch = MongoWatch(rig.mongo.uri, settings.mongodb_db)
        flow = window.flow
        probe.start()
        started = time.monotonic()
        last[0] = time.perf_counter()
        QTest.mouseClick(window.panel.start, Qt.LeftButton)
        for number in range(1, MOCK_QUESTIONS + 1):
            wait(lambda n=number: flow.phase in (Phase.PREPARING, Phase.RECORDING) and flow.test is not None
                 and flow.test.current.index == n - 1, timeout=30)
            if flow.phase is Phase.PREPARING and flow.test.task.prep_s == 0:
                wait(window.panel.record.isVisible, timeout=15)
                QTest.mouseClick(window.panel.record, Qt.LeftButton)
            # (the long turn's 2 s of preparation end by themselves: recording starts then)
            wait(lambda: flow.phase is Phase.RECORDING, timeout=15)
            player = mic.play(answer.path)
            wait(lambda p=player: p.poll() is not None, timeout=answer.duration_s + 30)
            pause(0.3)  # what is still in the microphone's buffers reaches the recording
            QTest.keyClick(window, Qt.Key_Space)
            wait(lambda: flow.phase is Phase.SAVED, timeout=15)
            if number < MOCK_QUESTIONS:
                QTest.mouseClick(window.panel.next, Qt.LeftButton)
        assert window.panel.finish.isVisible()
        QTest.mouseClick(window.panel.finish, Qt.LeftButton)
        scores = window.scores
        # The whole test's result on screen (the parts' line is there only with an overall
        # result), with a level, and MongoDB has it.
        wait(lambda: scores.title().startswith("Assessment \u00b7 Mock test") and bool(scores.rationale.text())
             and scores.level.text() not in ("\u2014", "?"), timeout=180)
        shown_s = time.monotonic() - started
        wait(watch.done.is_set, timeout=120)
        probe.stop()
        total_s = time.monotonic() - started
        watch.stop()
        gaps.sort()
        print(f"during a whole mock test ({MOCK_ID}, {MOCK_QUESTIONS} answers of {answer.duration_s:.1f} s recorded, "
              f"transcribed, evaluated, overall result {scores.level.text()} shown at {shown_s:.1f} s, "
              f"{watch.recordings} recordings and the overall result in MongoDB at {total_s:.1f} s): largest gap "
              f"between 5 ms ticks {gaps[-1] * 1000:.1f} ms, 99th percentile "
              f"{gaps[int(len(gaps) * 0.99)] * 1000:.1f} ms, {len(gaps)} ticks")
    else:
        wait(lambda: window.task_card.task is not None and window.task_card.plan is None)
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
        where = "transcribed on this computer" if args.local else "transcribed by the test server"
        print(f"during a {args.seconds:.0f} s test (record; {where}; evaluate, sync): largest gap between 5 ms "
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
