"""The app's confidence: the documented formula, factor by factor."""

import math

import pytest

from speakcheck_desktop.core.confidence import compute_confidence, margin_factor, transcription_factor
from speakcheck_desktop.core.rubric import band_of

MID_B1 = {"fluency": 5, "accuracy": 5, "grammar": 5, "vocabulary": 5, "coherence": 5}


def test_bands_of_the_scale():
    scores = (1, 2, 3.9, 4, 5.5, 6, 7.9, 8, 10)
    assert [band_of(x) for x in scores] == [None, "A2", "A2", "B1", "B1", "B2", "B2", "C1", "C1"]


def test_full_evidence_good_transcription_and_a_clear_level_give_high_confidence():
    value, factors = compute_confidence(speaking_time_s=90, scores=MID_B1, overall_level="B1",
                                        avg_logprobs=[-0.1, -0.1], no_speech_probs=[0.0, 0.0])
    assert factors == {"evidence": 1.0, "transcription": round(math.exp(-0.1), 3), "margin": 1.0, "agreement": 1.0}
    assert value == pytest.approx(math.exp(-0.1), abs=1e-3)


def test_each_weakness_lowers_it():
    base, _ = compute_confidence(speaking_time_s=60, scores=MID_B1, overall_level="B1")
    short, _ = compute_confidence(speaking_time_s=15, scores=MID_B1, overall_level="B1")
    assert short == pytest.approx(base * 0.5, abs=1e-3)
    on_boundary = {k: 6.0 for k in MID_B1}
    assert margin_factor(on_boundary, "B2") == 0.5
    assert margin_factor(MID_B1, "C1") == pytest.approx(0.7)  # the level disagrees with the scores
    assert transcription_factor([], []) == 0.8  # unknown quality (no log-probabilities)
    split, factors = compute_confidence(speaking_time_s=60, scores=MID_B1, overall_level="B1",
                                        repeated_levels=["B1", "B1", "B2", "B1"])
    assert factors["agreement"] == 0.75 and split < base


def test_it_stays_within_bounds():
    low, _ = compute_confidence(speaking_time_s=0.1, scores={k: 4.0 for k in MID_B1}, overall_level="C1",
                                avg_logprobs=[-3], no_speech_probs=[0.9])
    assert low == 0.05
