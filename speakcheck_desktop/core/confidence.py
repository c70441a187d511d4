"""How sure the app is of an evaluation, computed from things it can measure. What the model says
about its own confidence is stored beside this, never instead of it.

    confidence = evidence x transcription x margin x agreement, kept within 0.05..0.99

- evidence = sqrt(min(1, speaking time / 60 s)): a minute of speech is full evidence; 15 s is 0.5.
- transcription = exp(mean segment avg_logprob) x (1 - mean no_speech_prob), when the service
  reports them (whisper-1); 0.8 when it does not (gpt-4o-transcribe, most local servers).
- margin: the mean sub-score's distance to the nearest level boundary of the 0-10 scale (2, 4,
  6, 8), as 0.5 + 0.5 x min(1, distance / 1.0): a mean on a boundary halves confidence. If the
  level the model gave is not the level of its own mean sub-score, x 0.7.
- agreement: with repeated scorings, the share of runs that gave the majority level; 1 otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.rubric import BAND_BOUNDARIES, band_of

UNKNOWN_TRANSCRIPTION_QUALITY = 0.8
FULL_EVIDENCE_S = 60.0


def evidence_factor(speaking_time_s: float) -> float:
    return math.sqrt(max(0.0, min(1.0, speaking_time_s / FULL_EVIDENCE_S)))


def transcription_factor(avg_logprobs: Sequence[float], no_speech_probs: Sequence[float]) -> float:
    if not avg_logprobs:
        return UNKNOWN_TRANSCRIPTION_QUALITY
    quality = math.exp(min(0.0, sum(avg_logprobs) / len(avg_logprobs)))
    if no_speech_probs:
        quality *= 1 - min(1.0, max(0.0, sum(no_speech_probs) / len(no_speech_probs)))
    return quality


def margin_factor(scores: dict[str, float], overall_level: Level | str) -> float:
    mean = sum(scores.values()) / len(scores)
    distance = min(abs(mean - b) for b in BAND_BOUNDARIES)
    factor = 0.5 + 0.5 * min(1.0, distance / 1.0)
    if band_of(mean) != Level(overall_level):
        factor *= 0.7
    return factor


def agreement_factor(levels: Sequence[Level | str]) -> float:
    if len(levels) < 2:
        return 1.0
    counts: dict[str, int] = {}
    for level in levels:
        counts[str(level)] = counts.get(str(level), 0) + 1
    return max(counts.values()) / len(levels)


def compute_confidence(*, speaking_time_s: float, scores: dict[str, float], overall_level: Level | str,
                       avg_logprobs: Sequence[float] = (), no_speech_probs: Sequence[float] = (),
                       repeated_levels: Sequence[Level | str] = ()) -> tuple[float, dict[str, float]]:
    """The confidence, and its factors (stored with the evaluation so it can be explained)."""
    factors = {
        "evidence": evidence_factor(speaking_time_s),
        "transcription": transcription_factor(avg_logprobs, no_speech_probs),
        "margin": margin_factor(scores, overall_level),
        "agreement": agreement_factor(repeated_levels),
    }
    value = math.prod(factors.values())
    return round(min(0.99, max(0.05, value)), 3), {k: round(v, 3) for k, v in factors.items()}
