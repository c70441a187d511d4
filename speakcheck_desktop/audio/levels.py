"""Input level in dBFS, clipping, and the "no signal" check, from blocks of float samples."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SILENCE_DBFS = -120.0
# Below this RMS a microphone delivers nothing usable: the noise floor of a muted or dead input.
NOISE_FLOOR_DBFS = -60.0
CLIP_LEVEL = 0.999
NO_SIGNAL_AFTER_S = 2.0


def to_dbfs(value: float) -> float:
    return 20 * math.log10(value) if value > 0 else SILENCE_DBFS


@dataclass(frozen=True)
class SignalLevel:
    """What the input meter shows for a block of samples (not a CEFR level: that is
    core.records.Level)."""
    rms_dbfs: float
    peak_dbfs: float
    clipped_samples: int


SILENT = SignalLevel(SILENCE_DBFS, SILENCE_DBFS, 0)



def block_level(samples: np.ndarray) -> SignalLevel:
    if samples.size == 0:
        return SILENT
    magnitude = np.abs(samples)
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return SignalLevel(max(to_dbfs(rms), SILENCE_DBFS), max(to_dbfs(float(magnitude.max())), SILENCE_DBFS),
                       int(np.count_nonzero(magnitude >= CLIP_LEVEL)))


class SignalWatch:
    """Follows the levels of a stream: how long it has been silent, and whether it clipped."""

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.quiet_s = 0.0
        self.clipped_samples = 0
        self.latest = SILENT

    def add(self, samples: np.ndarray) -> SignalLevel:
        level = block_level(samples)
        self.latest = level
        self.clipped_samples += level.clipped_samples
        duration = len(samples) / self.sample_rate
        self.quiet_s = self.quiet_s + duration if level.rms_dbfs < NOISE_FLOOR_DBFS else 0.0
        return level

    @property
    def no_signal(self) -> bool:
        return self.quiet_s >= NO_SIGNAL_AFTER_S

    def problem(self) -> str | None:
        """What is wrong with the input, in words, or None."""
        if self.no_signal:
            return ("No sound is reaching the microphone. Check that it is connected, not muted, "
                    "and chosen as the input, then speak closer to it.")
        if self.clipped_samples:
            return "The sound is too loud and distorts. Move a little away from the microphone or turn its level down."
        return None
