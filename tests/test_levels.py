"""Levels in dBFS, clipping, and the no-signal rule, on signals with known answers."""

import numpy as np
import pytest

from speakcheck_desktop.audio.levels import SignalWatch, block_level

RATE = 48000


def sine(amplitude, seconds=0.02, freq=1000):
    t = np.arange(int(RATE * seconds)) / RATE
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def test_a_sine_has_the_textbook_levels():
    level = block_level(sine(0.5))
    assert level.peak_dbfs == pytest.approx(-6.02, abs=0.05)
    assert level.rms_dbfs == pytest.approx(-9.03, abs=0.05)
    assert level.clipped_samples == 0


def test_digital_silence_is_the_floor_not_minus_infinity():
    level = block_level(np.zeros(960, np.float32))
    assert level.rms_dbfs == level.peak_dbfs == -120.0


def test_clipping_is_counted():
    assert block_level(np.clip(sine(2.0), -1, 1)).clipped_samples > 100


def test_no_signal_after_two_seconds_below_the_noise_floor():
    watch = SignalWatch(RATE)
    hiss = np.random.default_rng(0).normal(0, 10 ** (-70 / 20), 960).astype(np.float32)
    for _ in range(99):  # 1.98 s
        watch.add(hiss)
    assert not watch.no_signal and watch.problem() is None
    watch.add(hiss)
    assert watch.no_signal and "No sound is reaching" in watch.problem()
    watch.add(sine(0.1))  # someone speaks: the count starts again
    assert not watch.no_signal
