"""Screenshots of two faults as a person meets them, in docs/screenshots/:
15-audio-changed (a recording's file changed before it was assessed) and 16-disk-full (the data
folder's disk is full when Start is pressed). The second mounts a 2 MiB tmpfs, so it needs root.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_faults.py

Uses the test parts (scripts/setup.sh test)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    tmp = Path(os.path.realpath(tempfile.mkdtemp()))
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.store.local_store import LocalStore
    from speakcheck_desktop.ui.main_window import MainWindow
    from tests.answers import SENTENCES, make_answer
    from tests.factories import recorded_answer

    app = QApplication([])  # noqa: F841 - must live as long as the windows
    OUT.mkdir(parents=True, exist_ok=True)

    # 1. An answer waiting to be assessed whose file was cut afterwards.
    answer = make_answer(tmp / "answer", SENTENCES, [0.5, 0.8, 0.4])
    with LocalStore.open(tmp / "data" / "speakcheck.db") as store:
        _, _, path = recorded_answer(store, answer.path, level="B1", task_prompt="Describe the town where you live.",
                                     duration_s=answer.duration_s, name="20261201T101500Z.wav")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    services = build_services(load_settings(), api_key="sk-demo", retry_s=2, sync_backoff_cap_s=2)
    window = MainWindow(services)
    window.resize(1360, 860)
    window.show()
    services.start()
    wait_for(lambda: "changed after it was made" in window.scores.message.text())
    wait_for(lambda: window.history.model.rowCount() == 1 and not window.history.model.loading)
    window.history.table.selectRow(0)
    screenshot(window, OUT / "15-audio-changed.png")
    window.close()
    services.shutdown()

    # 2. The disk holding the data folder is full.
    disk = tmp / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        print("skipped 16-disk-full: mounting a small tmpfs needs root")
    else:
        try:
            os.environ["SPEAKCHECK_DATA_DIR"] = str(disk / "data")
            services = build_services(load_settings(), api_key="sk-demo", retry_s=2, sync_backoff_cap_s=2)
            window = MainWindow(services)
            window.resize(1360, 860)
            window.show()
            services.start()
            wait_for(lambda: window.task_card.task is not None)
            with open(disk / "filler", "wb", buffering=0) as filler:
                # Until the disk refuses: the app's own threads may write meanwhile, so the free
                # space measured a moment ago is no promise.
                try:
                    while filler.write(bytes(4096)):
                        pass
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
            QTest.mouseClick(window.panel.start, Qt.LeftButton)
            wait_for(window.banner.isVisible)
            screenshot(window, OUT / "16-disk-full.png")
            window.close()
            services.shutdown()
        finally:
            subprocess.run(["umount", "--lazy", str(disk)], check=True)
    rig.stop()


if __name__ == "__main__":
    main()
