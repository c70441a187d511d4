"""Where the speaker speaks and where they pause, from the audio alone (WebRTC's voice activity
detector on 10 ms frames at 16 kHz). The evidence gate and the fluency measures build on this.

A pause is a silence of at least `min_pause_s` (250 ms, the usual threshold for silent pauses in
fluency research) between two stretches of speech; shorter gaps are part of speaking. Silence
before the first word and after the last is not a pause.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr
import webrtcvad

from speakcheck_desktop.core.speech_activity import Span, VoiceActivity

VAD_RATE = 16_000
FRAME_S = 0.01
MIN_PAUSE_S = 0.25
MIN_SPEECH_S = 0.08  # shorter bursts are clicks and breaths, not words
# Frames quieter than this are silence whatever the detector says: it can fire on faint hiss.
ENERGY_GATE_DBFS = -50.0
EDGE_ABOVE_FLOOR_DB = 6.0


def detect_voice_activity(samples: np.ndarray, sample_rate: int = VAD_RATE, *, aggressiveness: int = 3,
                          min_pause_s: float = MIN_PAUSE_S, min_speech_s: float = MIN_SPEECH_S) -> VoiceActivity:
    """Speech and pause spans of mono float samples in [-1, 1]."""
    samples = np.asarray(samples, dtype=np.float32)
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if sample_rate != VAD_RATE:
        samples = soxr.resample(samples, sample_rate, VAD_RATE)
    duration = len(samples) / VAD_RATE
    flags, level_db = _speech_frames(samples, aggressiveness)
    runs = _tighten(_runs(flags), level_db)
    # Close gaps shorter than a pause, then drop bursts too short to be speech.
    merged: list[list[int]] = []
    for start, end in runs:
        if merged and (start - merged[-1][1]) * FRAME_S < min_pause_s:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    speech = tuple(Span(s * FRAME_S, e * FRAME_S) for s, e in merged if (e - s) * FRAME_S >= min_speech_s)
    pauses = tuple(Span(a.end_s, b.start_s) for a, b in pairwise(speech))
    return VoiceActivity(duration, speech, pauses)


def voice_activity_of_file(path: Path) -> VoiceActivity:
    samples, rate = sf.read(str(path), dtype="float32", always_2d=False)
    return detect_voice_activity(samples, rate)


def _speech_frames(samples: np.ndarray, aggressiveness: int) -> tuple[np.ndarray, np.ndarray]:
    """Per 10 ms frame: is it speech, and its level in dBFS."""
    frame = int(VAD_RATE * FRAME_S)
    count = len(samples) // frame
    if count == 0:
        return np.zeros(0, dtype=bool), np.zeros(0)
    frames = samples[: count * frame].reshape(count, frame)
    pcm = (np.clip(frames, -1, 1) * 32767).astype("<i2")
    rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    vad = webrtcvad.Vad(aggressiveness)
    level_db = 20 * np.log10(np.maximum(rms, 1e-10))
    loud = level_db > ENERGY_GATE_DBFS
    flags = np.array([bool(loud[i]) and vad.is_speech(pcm[i].tobytes(), VAD_RATE) for i in range(count)])
    return flags, level_db


def _tighten(runs: list[tuple[int, int]], level_db: np.ndarray) -> list[tuple[int, int]]:
    """Put each stretch of speech's edges where the sound is: the detector keeps calling the frames
    after a word "speech" for tens of milliseconds (hang-over), and misses soft word endings such
    as a final "s". The edge moves out while frames are louder than the recording's noise floor
    + 6 dB, and in while they are quieter."""
    if not runs:
        return runs
    floor = float(np.percentile(level_db, 10)) + EDGE_ABOVE_FLOOR_DB
    loud = level_db >= floor
    tightened = []
    for start, end in runs:
        while start > 0 and loud[start - 1]:
            start -= 1
        while end < len(loud) and loud[end]:
            end += 1
        while start < end and not loud[start]:
            start += 1
        while end > start and not loud[end - 1]:
            end -= 1
        if end > start:
            tightened.append((start, end))
    return tightened


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) frame indexes of each run of True."""
    if flags.size == 0:
        return []
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))  # rises and falls pair up
