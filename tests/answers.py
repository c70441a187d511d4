"""Spoken answers with known facts, for assessment tests: flite phrases with silences of known
length between them, the exact text, and word timings spread over each phrase; the task they
answer (`TASK`) and a well-formed evaluation of them (`GOOD`, the chat reply the fake OpenAI
server is scripted with); and short phrases (`PHRASES`) for the voice-activity tests."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import soundfile as sf

from tests.fake_openai import Reply, verbose_transcription

RATE = 16000
SENTENCES = [
    "I live in a small town by the sea.", "There is a harbour with old boats.",
    "On Saturdays we go to the market.", "My favourite place is the library.",
    "It has a quiet room with big windows.", "I often read there after work.",
    "In summer many tourists visit the town.", "Then the beaches are very busy.",
]
# Short phrases the voice-activity and upload tests put known silences between.
PHRASES = ["The weather is lovely today", "My sister works in a big hospital",
           "We often walk along the river", "I prefer tea to coffee"]
# The task the answers above answer, and a well-formed B1 evaluation of them.
TASK = "Describe the town or city where you live. Say what you like about it and what you would change."
GOOD = {
    "overall_level": "B1",
    "scores": {"fluency": 5.5, "accuracy": 5.0, "grammar": 5.0, "vocabulary": 4.5, "coherence": 5.5},
    "rationale": "The speaker describes the town clearly with simple linked sentences.",
    "tips": [{"text": "Join short sentences with 'which' or 'where'.", "quote": "There is a harbour with old boats",
              "start_s": 3.0, "end_s": 5.0},
             {"text": "Give a reason for each preference.", "quote": None, "start_s": None, "end_s": None}],
    "outside_scale": None,
    "model_confidence": 0.9,
}


@dataclass(frozen=True)
class Answer:
    path: Path
    text: str
    words: list[tuple[str, float, float]]
    pauses: list[tuple[float, float]]  # the silences inserted between phrases
    speech_s: float  # total length of the phrases
    duration_s: float

    def transcription(self, **kwargs) -> Reply:
        return verbose_transcription(self.text, self.words, self.duration_s, **kwargs)


@cache
def phrase_clip(cache_dir: Path, text: str) -> np.ndarray:
    """flite speaking `text`, with its own leading and trailing silence cut off (where its speech
    really is)."""
    path = cache_dir / f"{abs(hash(text))}.wav"
    if not path.exists():
        subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True)
    audio, rate = sf.read(path, dtype="float32")
    assert rate == RATE
    loud = np.flatnonzero(20 * np.log10(np.maximum(np.abs(audio), 1e-10)) > -40)
    return audio[loud[0]: loud[-1] + 1]


def join_with_pauses(clips: list[np.ndarray], gaps_s: list[float], *, lead_s: float, tail_s: float,
                     noise_dbfs: float, seed: int) -> tuple[np.ndarray, list[float], list[tuple[float, float]]]:
    """Clips with `gaps_s[i]` of silence after clip i, over white noise: the signal, where each
    clip starts, and the silences between them (the pauses a detector should find)."""
    parts, starts, pauses = [np.zeros(int(lead_s * RATE), np.float32)], [], []
    t = lead_s
    for i, clip in enumerate(clips):
        starts.append(t)
        parts.append(clip)
        t += len(clip) / RATE
        if i < len(gaps_s):
            pauses.append((t, t + gaps_s[i]))
            parts.append(np.zeros(int(gaps_s[i] * RATE), np.float32))
            t += gaps_s[i]
    parts.append(np.zeros(int(tail_s * RATE), np.float32))
    signal = np.concatenate(parts)
    signal += np.random.default_rng(seed).normal(0, 10 ** (noise_dbfs / 20), len(signal)).astype(np.float32)
    return signal, starts, pauses


def make_answer(directory: Path, sentences: list[str], gaps_s: list[float], *, lead_s: float = 0.6,
                noise_dbfs: float = -60.0, name: str = "answer.wav") -> Answer:
    """`gaps_s[i]` of silence after sentence i (one fewer gap than sentences)."""
    cache = directory / ".phrases"
    cache.mkdir(parents=True, exist_ok=True)
    clips = [phrase_clip(cache, sentence) for sentence in sentences]
    signal, starts, pauses = join_with_pauses(clips, gaps_s, lead_s=lead_s, tail_s=0.5, noise_dbfs=noise_dbfs, seed=5)
    words = []
    for sentence, clip, start in zip(sentences, clips, starts, strict=True):
        tokens = sentence.split()
        step = len(clip) / RATE / len(tokens)
        words += [(tok.strip(".,?!"), round(start + k * step, 3), round(start + (k + 1) * step, 3))
                  for k, tok in enumerate(tokens)]
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, signal, RATE, subtype="PCM_16")
    speech = sum(len(c) for c in clips) / RATE
    return Answer(path, " ".join(sentences), words, pauses, speech, len(signal) / RATE)
