"""A real virtual microphone for tests: a private PulseAudio daemon with a null sink (a virtual
speaker) and a source remapped from its monitor (the virtual microphone). Whatever is played into
the sink is what PortAudio records from the default input. Needs Debian's pulseaudio,
pulseaudio-utils and libasound2-plugins (scripts/setup.sh test installs them)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

SINK = "vspeaker"
SOURCE = "vmic"


class VirtualMicrophone:
    def __init__(self, base: Path, rate: int = 48000):
        self.base = base
        self.rate = rate
        self.runtime = base / "run"
        self.socket = self.runtime / "native"
        self.env = {"PULSE_RUNTIME_PATH": str(self.runtime), "PULSE_STATE_PATH": str(base / "state"),
                    "PULSE_SERVER": f"unix:{self.socket}", "PULSE_COOKIE": str(base / "cookie")}
        self._daemon: subprocess.Popen | None = None
        self._reader: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "parec", "paplay"))

    def start(self) -> None:
        self.runtime.mkdir(parents=True, exist_ok=True)
        config = self.base / "default.pa"
        config.write_text(
            f"load-module module-native-protocol-unix auth-anonymous=1 socket={self.socket}\n"
            f"load-module module-null-sink sink_name={SINK} rate={self.rate} channels=1\n"
            f"load-module module-remap-source master={SINK}.monitor source_name={SOURCE}\n"
            f"set-default-sink {SINK}\nset-default-source {SOURCE}\n")
        env = {**os.environ, **self.env, "HOME": str(self.base)}
        log = open(self.base / "pulseaudio.log", "ab")
        self._daemon = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
             "-F", str(config), "--log-target=stderr", "--log-level=error"],
            env=env, stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            if self._daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"PulseAudio did not start: {(self.base / 'pulseaudio.log').read_text()[-2000:]}")
            time.sleep(0.1)
        # The null sink renders in 2-second blocks unless something reads its monitor with low
        # latency; without this reader new input streams start up to 2 s late.
        self._reader = subprocess.Popen(["parec", "--latency-msec=10", "-d", f"{SINK}.monitor"],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        time.sleep(2.5)

    def play(self, wav: Path) -> subprocess.Popen:
        """Start playing `wav` into the virtual speaker (so into the microphone)."""
        return subprocess.Popen(["paplay", "-d", SINK, str(wav)], env={**os.environ, **self.env},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    @property
    def pid(self) -> int | None:
        return self._daemon.pid if self._daemon else None

    def kill(self) -> None:
        """The microphone vanishes: SIGKILL the daemon (and its monitor reader)."""
        for proc in (self._reader, self._daemon):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        self._reader = self._daemon = None
        if self.socket.exists():
            self.socket.unlink()

    stop = kill
