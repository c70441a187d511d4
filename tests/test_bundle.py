"""The PyInstaller bundle: built once per test run, then checked as a user's machine would run it:
its self-check offscreen, a short recording from the virtual microphone, a missing library named."""

import os
import subprocess
import time
from pathlib import Path

import pytest

from speakcheck_desktop import self_check

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundle():
    build = subprocess.run(["bash", "packaging/build.sh"], cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    exe = REPO / "dist" / "speakcheck-desktop" / "speakcheck-desktop"
    assert exe.exists()
    return exe


def frozen_env(tmp_path, **extra):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SPEAKCHECK_DATA_DIR": str(tmp_path / "data"),
            "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "config"), "MONGODB_URI": "mongodb://127.0.0.1:9",
            "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.3", **extra}


def test_the_frozen_app_checks_itself(bundle, tmp_path):
    run = subprocess.run([str(bundle), "--self-check"], env=frozen_env(tmp_path), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    for line in ("[ok]   Qt platform: offscreen plugin loaded", "[ok]   PortAudio", "[ok]   FLAC encoding",
                 "[ok]   task bank: 32 tasks", "[ok]   local store", "[warn] MongoDB", "Bundle is whole."):
        assert line in run.stdout
    assert (tmp_path / "data" / "speakcheck.db").exists()
    # this machine has libportaudio2, and the system's copy is the one preferred
    assert "(system copy /" in next(line for line in run.stdout.splitlines() if "PortAudio" in line)


def test_the_frozen_app_falls_back_to_its_own_portaudio(bundle, tmp_path):
    """A machine without libportaudio2, made here by hiding the system's copy (and ldconfig, which
    would still list it) in a private mount namespace."""
    system_copies = [str(p) for p in Path("/usr/lib").glob("*/libportaudio.so.2*") if not p.is_symlink()]
    hide = " && ".join(f"mount --bind /dev/null {path}" for path in [*system_copies, "/sbin/ldconfig"])
    probe = subprocess.run(["unshare", "--mount", "sh", "-c", "mount --make-rprivate / && true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.strip()}")
    run = subprocess.run(["unshare", "--mount", "sh", "-c", f"mount --make-rprivate / && {hide} && exec \"$0\" "
                          "--self-check", str(bundle)], env=frozen_env(tmp_path), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    line = next(line for line in run.stdout.splitlines() if "PortAudio" in line)
    assert line.startswith("[ok]") and f"(bundled copy {bundle.parent}" in line, line


def test_the_frozen_app_records_from_the_microphone(bundle, tmp_path, virtual_mic, speech_wav):
    child = subprocess.Popen([str(bundle), "--self-check", "--record", "3"], env=frozen_env(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # keep speaking until the frozen app is done: it starts up first, then records for 3 s
    player = virtual_mic.play(speech_wav)
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if player.poll() is not None:
            player = virtual_mic.play(speech_wav)
        time.sleep(0.05)
    out, err = child.communicate(timeout=10)
    player.kill()
    player.wait()
    assert child.returncode == 0, out + err
    line = next(line for line in out.splitlines() if "recording 3 s" in line)
    assert line.startswith("[ok]") and "3.00 s from" in line, line
    peak = float(line.rsplit("peak", 1)[1].split("dBFS")[0])
    assert peak > -40, line  # speech arrived, not silence


def test_a_missing_system_library_is_named_with_its_package(monkeypatch):
    monkeypatch.setitem(self_check.SYSTEM_LIBRARIES, "GL", ("libGL-does-not-exist.so.9", "libgl1"))
    monkeypatch.setattr(self_check.ctypes.util, "find_library", lambda name: None)
    [problem] = self_check.missing_system_libraries()
    assert "libGL-does-not-exist.so.9 is missing" in problem and "sudo apt-get install libgl1" in problem
