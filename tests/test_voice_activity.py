"""Voice activity on synthetic speech (flite phrases) with silences of known length inserted."""

import numpy as np
import pytest
import soundfile as sf

from speakcheck_desktop.audio.voice_activity import detect_voice_activity, voice_activity_of_file
from tests.answers import PHRASES, join_with_pauses, phrase_clip

GAPS_S = [0.4, 0.9, 1.6]
RATE = 16000


@pytest.fixture(scope="module")
def phrases(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("phrases")
    return [phrase_clip(tmp, t) for t in PHRASES]


def with_known_pauses(phrases, noise_dbfs, lead_s=0.503, tail_s=0.77):
    signal, _, truth = join_with_pauses(phrases, GAPS_S, lead_s=lead_s, tail_s=tail_s, noise_dbfs=noise_dbfs, seed=7)
    return signal, truth


@pytest.mark.parametrize("noise_dbfs", [-65, -50, -42], ids=["quiet room", "room", "noisy room"])
def test_pauses_are_found_exactly_with_boundaries_within_50_ms(phrases, noise_dbfs):
    signal, truth = with_known_pauses(phrases, noise_dbfs)
    activity = detect_voice_activity(signal, RATE)
    assert activity.pause_count == len(truth)
    for pause, (start, end) in zip(activity.pauses, truth, strict=True):
        assert abs(pause.start_s - start) <= 0.05 and abs(pause.end_s - end) <= 0.05, (pause, start, end)
    spoken = sum(len(p) for p in phrases) / RATE
    assert abs(activity.speaking_time_s - spoken) <= 0.15
    assert activity.longest_pause_s == pytest.approx(1.6, abs=0.05)
    assert not activity.is_silent
    # silence before the first word and after the last is not a pause
    assert activity.speech[0].start_s == pytest.approx(0.503, abs=0.05)
    assert activity.duration_s == pytest.approx(len(signal) / RATE)


def test_gaps_shorter_than_a_pause_are_part_of_speaking(phrases):
    signal = np.concatenate([phrases[0], np.zeros(int(0.15 * RATE), np.float32), phrases[1]])
    activity = detect_voice_activity(signal, RATE)
    assert activity.pause_count == 0 and len(activity.speech) == 1


@pytest.mark.parametrize("make", [
    lambda n: np.zeros(n, np.float32),
    lambda n: np.random.default_rng(1).normal(0, 10 ** (-55 / 20), n).astype(np.float32),
    lambda n: np.where(np.arange(n) == n // 2, 0.9, 0.0).astype(np.float32),  # one click
], ids=["digital silence", "hiss", "a click"])
def test_silence_only_recordings_are_recognised(make):
    activity = detect_voice_activity(make(10 * RATE), RATE)
    assert activity.is_silent and activity.pause_count == 0 and activity.speaking_time_s < 0.3


def test_other_rates_and_files_work_the_same(phrases, tmp_path):
    import soxr
    signal, truth = with_known_pauses(phrases, -60)
    path = tmp_path / "answer48k.wav"
    sf.write(path, soxr.resample(signal, RATE, 48000), 48000)
    activity = voice_activity_of_file(path)
    assert activity.pause_count == 3
    assert abs(activity.pauses[1].start_s - truth[1][0]) <= 0.05
