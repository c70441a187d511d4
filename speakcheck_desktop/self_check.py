"""`speakcheck-desktop --self-check`: is this installation (or bundle) whole? A short report for
users, support and CI. Exit code 0 when everything the app itself carries works; MongoDB and the
AI servers are reported, never fatal (they may simply be offline)."""

from __future__ import annotations

import ctypes.util
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Libraries of the system that Qt and the audio stack load, and the Debian package of each.
SYSTEM_LIBRARIES = {
    "GL": ("libGL.so.1", "libgl1"),
    "EGL": ("libEGL.so.1", "libegl1"),
    "fontconfig": ("libfontconfig.so.1", "libfontconfig1"),
    "pulse": ("libpulse.so.0", "libpulse0"),
}


def missing_system_libraries() -> list[str]:
    """Sentences for each required system library that cannot be loaded (Linux only)."""
    if not sys.platform.startswith("linux"):
        return []
    problems = []
    for name, (soname, package) in SYSTEM_LIBRARIES.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            if ctypes.util.find_library(name) is None:
                problems.append(f"The system library {soname} is missing: install it with "
                                f"\u201csudo apt-get install {package}\u201d (package {package}).")
    return problems


def run(record_s: float = 0.0, out: Callable[[str], None] = print) -> int:
    ok = True

    def check(name: str, fn: Callable[[], str], *, fatal: bool = True) -> None:
        nonlocal ok
        try:
            out(f"[ok]   {name}: {fn()}")
        except Exception as exc:  # each check reports its own failure in words
            out(f"[{'FAIL' if fatal else 'warn'}] {name}: {exc}")
            ok = ok and not fatal

    from speakcheck_desktop import __version__
    out(f"SpeakCheck Desktop {__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    for problem in missing_system_libraries():
        out(f"[FAIL] {problem}")
        ok = False
    check("Qt platform", _qt_platform)
    check("PortAudio", _portaudio)
    check("FLAC encoding", _flac)
    check("task bank", _tasks)
    check("local store", _local_store)
    check("MongoDB", _mongodb, fatal=False)
    check("AI services", _ai, fatal=False)
    if record_s:
        check(f"recording {record_s:g} s", lambda: _record(record_s))
    out("Bundle is whole." if ok else "Something the app needs is missing (see FAIL above).")
    return 0 if ok else 1


def _qt_platform() -> str:
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", _platform()])
    return f"{app.platformName()} plugin loaded"


def _platform() -> str:
    import os
    return os.environ.get("QT_QPA_PLATFORM") or ("offscreen" if not os.environ.get("DISPLAY") else "xcb")


def _portaudio() -> str:
    from speakcheck_desktop.audio.devices import list_input_devices
    devices = list_input_devices()
    found = ", ".join(d.name for d in devices) if devices else "found; no microphone connected"
    library = _loaded_library("libportaudio")
    return f"{found} ({library})" if library else found


def _loaded_library(prefix: str) -> str:
    """Which copy of a shared library this process loaded (Linux): support asks this first."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return ""
    for line in maps.splitlines():
        path = line.split()[-1] if line.split() else ""
        if Path(path).name.startswith(prefix):
            bundled = getattr(sys, "_MEIPASS", None) and path.startswith(sys._MEIPASS)
            return f"bundled copy {path}" if bundled else f"system copy {path}"
    return ""


def _flac() -> str:
    import numpy as np
    import soundfile as sf
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.flac"
        sf.write(path, np.zeros(1600, dtype=np.float32), 16000, format="FLAC")
        return f"libsndfile {sf.__libsndfile_version__} wrote {path.stat().st_size} bytes"


def _tasks() -> str:
    from speakcheck_desktop.core.task_bank import TaskBank
    from speakcheck_desktop.resources import resource_path
    return f"{len(TaskBank.load(resource_path('tasks.json')).tasks)} tasks"


def _local_store() -> str:
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.store.local_store import LocalStore
    settings = load_settings()
    with LocalStore.open(settings.database_path, settings.recordings_dir) as store:
        return f"{settings.database_path} ({store.count('sessions')} sessions, integrity {store.integrity_check()[0]})"


def _mongodb() -> str:
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.remote.mongo_mirror import MongoMirror
    settings = load_settings()
    mirror = MongoMirror(settings.mongodb_uri, settings.mongodb_db, min(settings.mongodb_timeout_s, 3))
    try:
        mirror.ping()
    finally:
        mirror.close()
    return f"reachable at {mirror.where}"


def _ai() -> str:
    import httpx2 as httpx  # the HTTP client the openai SDK uses

    from speakcheck_desktop.config import load_settings
    settings = load_settings()
    reached = []
    for base in {settings.transcribe_base_url or "https://api.openai.com/v1", settings.evaluate_base_url or "https://api.openai.com/v1"}:
        try:
            httpx.get(base.rstrip("/") + "/models", timeout=3)
        except httpx.HTTPError as exc:
            raise RuntimeError(f"{base} cannot be reached now ({type(exc).__name__}); "
                               f"assessments wait until it can") from None
        reached.append(base)
    return "reachable: " + ", ".join(sorted(reached))


def _record(seconds: float) -> str:
    from speakcheck_desktop.audio.recorder import Recorder
    with tempfile.TemporaryDirectory() as tmp:
        recorder = Recorder(Path(tmp) / "check.wav", max_duration_s=seconds)
        recorder.start()
        deadline = time.monotonic() + seconds + 10
        while not recorder.finished and time.monotonic() < deadline:
            time.sleep(0.05)
        result = recorder.stop()
        import soundfile as sf

        from speakcheck_desktop.audio.levels import block_level
        audio, _ = sf.read(str(result.path), dtype="float32")
        return (f"{result.duration_s:.2f} s from {result.device_name}, peak "
                f"{block_level(audio).peak_dbfs:.0f} dBFS")
