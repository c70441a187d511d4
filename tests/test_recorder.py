"""Recording from a real (virtual) microphone: fidelity, levels, automatic stops, a lost
microphone, silence, clipping, no devices, and crash recovery after SIGKILL."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from speakcheck_desktop.audio.devices import choose_input_device, list_input_devices, refresh_devices
from speakcheck_desktop.audio.errors import AudioError
from speakcheck_desktop.audio.outcomes import StopReason
from speakcheck_desktop.audio.recorder import Recorder
from speakcheck_desktop.audio.recovery import recover_interrupted
from tests.audio_checks import best_lag_correlation

REPO = Path(__file__).resolve().parent.parent


def wait_for(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_records_what_the_microphone_hears(virtual_mic, speech_wav, tmp_path):
    recorder = Recorder(tmp_path / "rec" / "answer.wav")
    recorder.start()
    wait_for(lambda: recorder.first_block_at is not None)
    levels = []
    player = virtual_mic.play(speech_wav)
    while player.poll() is None:
        levels.append(recorder.level)
        time.sleep(0.01)
    time.sleep(0.3)
    result = recorder.stop()
    stopped_at = time.monotonic()

    assert result.stopped_by is StopReason.USER and result.message is None
    assert result.path.exists() and not recorder.part.exists()
    audio, rate = sf.read(result.path, dtype="float32")
    assert (rate, result.sample_rate, result.channels) == (16000, 16000, 1)
    assert abs(len(audio) / rate - result.duration_s) < 1e-3
    assert abs(result.duration_s - (stopped_at - recorder.first_block_at)) < 0.1
    reference, ref_rate = sf.read(speech_wav, dtype="float32")
    assert ref_rate == 16000
    r, lag = best_lag_correlation(audio, reference)
    assert r > 0.99, r
    # the meter: many distinct readings a second, loud while speech plays
    distinct = len({id(level) for level in levels})
    assert distinct / (len(levels) * 0.01) >= 20
    assert max(level.rms_dbfs for level in levels) > -30
    assert result.clipped_samples == 0 and result.input_overflows == 0


def test_the_maximum_duration_stops_the_recording_and_keeps_it(virtual_mic, speech_wav, tmp_path):
    finished = threading.Event()
    results = []
    recorder = Recorder(tmp_path / "answer.wav", max_duration_s=1.5,
                        on_finished=lambda result: (results.append(result), finished.set()))
    recorder.start()
    player = virtual_mic.play(speech_wav)
    assert finished.wait(10)
    player.kill()  # the speech goes on longer than the recording; silence it for the next test
    player.wait()
    [result] = results
    assert result.stopped_by is StopReason.MAX_DURATION and "Time is up" in result.message
    assert sf.info(str(result.path)).frames == 24000  # exactly 1.5 s at 16 kHz
    assert recorder.stop() == result  # stopping again is harmless


def test_silence_is_reported_as_no_signal(virtual_mic, tmp_path):
    recorder = Recorder(tmp_path / "answer.wav")
    recorder.start()
    wait_for(lambda: recorder.elapsed_s > 2.3)
    problem = recorder.signal_problem
    result = recorder.stop()
    assert problem is not None and "No sound is reaching the microphone" in problem
    assert result.signal_problem == problem
    assert result.duration_s > 2.3  # the silence is still kept: it is the person's recording


def test_clipping_is_reported(virtual_mic, tmp_path):
    loud = tmp_path / "loud.wav"
    t = np.arange(16000) / 16000
    sf.write(loud, np.sign(np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000, subtype="PCM_16")
    recorder = Recorder(tmp_path / "answer.wav")
    recorder.start()
    wait_for(lambda: recorder.first_block_at is not None)
    virtual_mic.play(loud).wait()
    time.sleep(0.2)
    result = recorder.stop()
    assert result.clipped_samples > 1000
    assert "too loud" in result.signal_problem


def test_a_missing_preferred_microphone_falls_back_to_the_default_with_a_notice(virtual_mic):
    devices = list_input_devices()
    assert devices and all(d.name and d.max_channels > 0 for d in devices)
    assert sum(d.is_default for d in devices) == 1
    device, notice = choose_input_device("USB Headset (unplugged)")
    assert device.is_default
    assert "USB Headset (unplugged)" in notice and device.name in notice
    same, none = choose_input_device(device.name)
    assert same == device and none is None


def test_no_input_devices_at_all_gives_a_clear_message(tmp_path):
    """No sound server and no sound card: PortAudio lists no microphone."""
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path}/nothing-here", "PULSE_RUNTIME_PATH": str(tmp_path)}
    code = ("from speakcheck_desktop.audio.devices import choose_input_device\n"
            "from speakcheck_desktop.audio.errors import NoMicrophoneError\n"
            "try:\n    choose_input_device()\nexcept NoMicrophoneError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("No microphone was found."), out.stdout + out.stderr


def test_a_microphone_lost_mid_recording_stops_with_a_message_and_keeps_the_audio(virtual_mic, speech_wav, tmp_path):
    finished = threading.Event()
    results = []
    recorder = Recorder(tmp_path / "answer.wav", on_finished=lambda r: (results.append(r), finished.set()))
    try:
        recorder.start()
        wait_for(lambda: recorder.first_block_at is not None)
        virtual_mic.play(speech_wav)
        wait_for(lambda: recorder.elapsed_s > 2.0)
        virtual_mic.kill()
        assert finished.wait(10)
    finally:
        virtual_mic.start()  # bring the microphone back for the other tests
        refresh_devices()
    [result] = results
    assert result.stopped_by is StopReason.MICROPHONE_LOST
    assert "stopped sending sound" in result.message and "kept" in result.message
    assert result.duration_s >= 2.0
    audio, _ = sf.read(result.path, dtype="float32")
    assert len(audio) == round(result.duration_s * 16000)
    assert np.abs(audio).max() > 0.05  # the speech before the loss is there


def test_a_recorder_killed_mid_recording_is_recovered_with_at_most_half_a_second_lost(virtual_mic, speech_wav,
                                                                                       tmp_path):
    final = tmp_path / "recordings" / "0123456789abcdef01234567" / "answer.wav"
    child = subprocess.Popen([sys.executable, "-m", "tests.record_child", str(final)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    line = child.stdout.readline()
    assert line.startswith("first_block "), line
    first_block_at = float(line.split()[1])
    player = virtual_mic.play(speech_wav)
    time.sleep(3.0)
    killed_at = time.monotonic()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    player.kill()
    player.wait()
    assert not final.exists()

    [recovered] = recover_interrupted(tmp_path / "recordings")

    expected = killed_at - first_block_at
    assert recovered.path == final and final.exists()
    assert recovered.session_id == "0123456789abcdef01234567"
    assert expected - 0.5 <= recovered.duration_s <= expected + 0.05, (recovered.duration_s, expected)
    assert recovered.message == f"Recovered {recovered.duration_s:.0f} s of an interrupted recording."
    audio, rate = sf.read(final, dtype="float32")
    assert rate == 16000 and len(audio) == round(recovered.duration_s * 16000)
    assert recover_interrupted(tmp_path / "recordings") == []  # nothing left to recover


def test_the_microphone_check_tells_silence_from_speech(virtual_mic, speech_wav):
    from speakcheck_desktop.audio.mic_check import check_microphone
    quiet = check_microphone()
    assert "No sound is reaching the microphone" in quiet.problem and quiet.rms_dbfs < -60
    player = virtual_mic.play(speech_wav)
    heard = check_microphone()
    player.wait()
    assert heard.problem is None and heard.peak_dbfs > -20
    assert heard.device_name == quiet.device_name and heard.notice is None


def test_a_full_disk_stops_the_recording_with_a_message_and_keeps_what_was_written(virtual_mic, speech_wav, tmp_path):
    import json
    final = tmp_path / "answer.wav"
    child = subprocess.Popen([sys.executable, "-m", "tests.record_child", str(final), "100000"], cwd=REPO,
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert child.stdout.readline().startswith("first_block")
    player = virtual_mic.play(speech_wav)
    result = json.loads(child.stdout.readline())
    child.wait(timeout=10)
    player.kill()
    player.wait()
    assert result["stopped_by"] == "save_failed"
    assert "disk" in result["message"] and "kept" in result["message"]
    expected_s = (100000 - 44) / 2 / 16000  # what fits in the file
    assert result["duration_s"] == pytest.approx(expected_s, abs=0.03)
    audio, rate = sf.read(final, dtype="float32")
    assert len(audio) / rate == pytest.approx(result["duration_s"], abs=1e-3)
    assert not Path(str(final) + ".part").exists()


def test_a_microphone_that_will_not_start_leaves_no_file_and_no_result(virtual_mic, tmp_path, monkeypatch):
    import sounddevice as sd
    opened = []

    class Refusing(sd.InputStream):  # the real microphone's stream, which then refuses to start
        def start(self):
            opened.append(self)
            raise sd.PortAudioError("Device unavailable")
    monkeypatch.setattr(sd, "InputStream", Refusing)
    finished = []
    recorder = Recorder(tmp_path / "answer.wav", on_finished=finished.append)
    with pytest.raises(AudioError, match="could not be opened"):
        recorder.start()
    assert len(opened) == 1 and opened[0].closed
    assert list(tmp_path.iterdir()) == [] and finished == [] and not recorder.finished


def test_a_finished_recorder_kept_until_the_process_exits_leaks_no_resampler(virtual_mic):
    """The UI service keeps its last Recorder for as long as the app runs; the soxr resampler (the
    virtual microphone runs at 48 kHz, the file is 16 kHz) must not outlive the recording, or
    nanobind reports it as leaked at exit."""
    code = ("import tempfile, threading, time\n"
            "from pathlib import Path\n"
            "from speakcheck_desktop.audio.recorder import Recorder\n"
            "recorder = Recorder(Path(tempfile.mkdtemp()) / 'answer.wav')\n"
            "recorder.start()\n"
            "while recorder.first_block_at is None:\n    time.sleep(0.01)\n"
            "print(recorder.stop().stopped_by)\n"
            "keeper = threading.Thread(target=lambda kept: time.sleep(60), args=(recorder,), daemon=True)\n"
            "keeper.start()\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=os.environ.copy(), capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "user", out.stdout + out.stderr
    assert "leaked" not in out.stderr, out.stderr
