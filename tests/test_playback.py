"""Playback into the virtual speaker, heard back through the virtual microphone."""

import threading
import time

import numpy as np
import pytest
import soundfile as sf

from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.audio.playback import PlaybackState, Player
from speakcheck_desktop.audio.recorder import Recorder
from tests.audio_checks import best_lag_correlation


def heard_while(action, tmp_path, settle_s=2.0):
    """Record the virtual microphone while `action()` runs; the recorded samples at 16 kHz."""
    recorder = Recorder(tmp_path / "heard.wav")
    recorder.start()
    while recorder.first_block_at is None:
        time.sleep(0.01)
    action()
    time.sleep(settle_s)
    audio, _ = sf.read(recorder.stop().path, dtype="float32")
    return audio


def test_playing_a_span_plays_that_span_and_ends_there(virtual_mic, speech_wav, tmp_path):
    finished = threading.Event()
    player = Player(on_finished=finished.set)
    assert player.load(speech_wav) == pytest.approx(sf.info(str(speech_wav)).duration, abs=1e-3)
    positions = []

    def play_span():
        started = time.monotonic()
        player.play(1.0, 2.5)
        while not finished.wait(0.02):
            positions.append(player.position_s)
        positions.append(time.monotonic() - started)

    heard = heard_while(play_span, tmp_path)
    elapsed = positions.pop()

    reference, rate = sf.read(speech_wav, dtype="float32")
    span = reference[16000:40000]
    r, lag = best_lag_correlation(heard, span)
    assert r > 0.99, r
    # nothing of the speech before or after the span was played
    for other in (reference[:16000], reference[40000:56000]):
        assert best_lag_correlation(heard, other)[0] < 0.5
    def loud_extent_s(audio):
        loud = np.flatnonzero(np.abs(audio) > 0.01)
        return (loud[-1] - loud[0]) / 16000

    assert loud_extent_s(heard) == pytest.approx(loud_extent_s(span), abs=0.05)
    assert positions == sorted(positions) and 1.0 <= positions[0] <= 2.5
    assert player.position_s == pytest.approx(2.5, abs=1e-3)
    assert player.state is PlaybackState.STOPPED
    assert 1.5 <= elapsed <= 2.2  # "finished" comes once the span has been heard


def test_pause_holds_the_position_and_resume_continues(virtual_mic, speech_wav):
    finished = threading.Event()
    player = Player(on_finished=finished.set)
    duration = player.load(speech_wav)
    player.play()
    time.sleep(0.6)
    player.pause()
    held = player.position_s
    time.sleep(0.4)
    assert player.state is PlaybackState.PAUSED and player.position_s == held and 0.3 < held < 1.5
    player.resume()
    assert finished.wait(duration + 3)
    assert player.position_s == pytest.approx(duration, abs=1e-3)


def test_a_missing_or_unreadable_file_gives_a_clear_message(tmp_path):
    player = Player()
    with pytest.raises(AudioFileError, match="is missing"):
        player.load(tmp_path / "gone.wav")
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really")
    with pytest.raises(AudioFileError, match="damaged or not an audio file"):
        player.load(broken)
    assert player.state is PlaybackState.STOPPED
