"""Comparing audio: the best-lag correlation of a recording with what was played."""

from __future__ import annotations

import numpy as np


def best_lag_correlation(recorded: np.ndarray, reference: np.ndarray) -> tuple[float, int]:
    """(Pearson r at the best lag, that lag in samples): how faithfully `reference` appears
    inside `recorded`. FFT cross-correlation, so minutes of audio take milliseconds."""
    if len(recorded) < len(reference):
        recorded = np.concatenate([recorded, np.zeros(len(reference) - len(recorded), recorded.dtype)])
    n = len(recorded) + len(reference)
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(reference, size))
    xcorr = np.fft.irfft(spectrum, size)[: len(recorded) - len(reference) + 1]
    lag = int(np.argmax(np.abs(xcorr)))
    segment = recorded[lag: lag + len(reference)]
    return float(np.corrcoef(segment, reference)[0, 1]), lag
