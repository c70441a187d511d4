"""Start-up, from launch to the window shown: the app from source against a bare PySide6 window
opened the same way, side by side in one run (the machine's speed that minute is in both).

    .venv/bin/python benchmarks/startup.py [--runs 7] [--sessions 0]

Each run is a fresh process; the time is measured from the process's own start (/proc, as
`speakcheck-desktop --startup-time` does), so the interpreter's start is counted for both. The
app runs with a data dir of its own (`--sessions`: that many finished sessions in its store),
no API key, and a MongoDB address where nobody answers (a learner offline). Prints both medians
and the ratio; the goal (issue 20) is at most 2x."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The same clock for both: seconds since this process was launched.
SINCE_LAUNCH = """
import os
def since_launch_ms():
    ticks = int(open(f"/proc/{os.getpid()}/stat").read().rsplit(")", 1)[1].split()[19])
    uptime = float(open("/proc/uptime").read().split()[0])
    return (uptime - ticks / os.sysconf("SC_CLK_TCK")) * 1000
"""

BARE = SINCE_LAUNCH + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
def shown():
    print(f"window shown {since_launch_ms():.0f} ms after launch", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def run(args: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("window shown ")]
    if not lines:
        raise SystemExit(f"no start-up time in the output of {args[1:]}: {out.stderr[-2000:]}")
    return float(lines[-1].split()[2])


def fill(data_dir: Path, sessions: int) -> None:
    sys.path.insert(0, str(ROOT))
    from speakcheck_desktop.store.local_store import LocalStore
    from tests.factories import complete_session
    with LocalStore.open(data_dir / "speakcheck.db") as store:
        for i in range(sessions):
            complete_session(store, ("A2", "B1", "B2", "C1")[i % 4])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="speakcheck-startup-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "SPEAKCHECK_DATA_DIR": str(Path(tmp) / "data"), "SPEAKCHECK_CONFIG_DIR": str(Path(tmp) / "config"),
               "MONGODB_URI": "mongodb://127.0.0.1:9", "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.5"}
        env.pop("OPENAI_API_KEY", None)
        if args.sessions:
            fill(Path(tmp) / "data", args.sessions)
        app_cmd = [sys.executable, "-m", "speakcheck_desktop.app", "--startup-time"]
        bare_cmd = [sys.executable, "-c", BARE]
        run(app_cmd, env)  # the first start makes the store and the device's user: not what is measured
        app_ms, bare_ms = [], []
        for _ in range(args.runs):  # alternated, so a slow moment of the machine falls on both
            bare_ms.append(run(bare_cmd, env))
            app_ms.append(run(app_cmd, env))
    app, bare = statistics.median(app_ms), statistics.median(bare_ms)
    print(f"bare PySide6 window: median {bare:.0f} ms ({', '.join(f'{x:.0f}' for x in bare_ms)})")
    print(f"SpeakCheck window:   median {app:.0f} ms ({', '.join(f'{x:.0f}' for x in app_ms)})")
    print(f"ratio: {app / bare:.2f}x the bare window (goal: at most 2x)")


if __name__ == "__main__":
    main()
