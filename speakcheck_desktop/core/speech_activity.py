"""Speech and pause spans of a recording: what voice activity detection finds (audio/) and what
the fluency measures and the evidence gate read (core/)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

SILENT_BELOW_S = 0.3  # less speech than this in a whole recording: there is nothing to assess


@dataclass(frozen=True)
class Span:
    start_s: float
    end_s: float

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class VoiceActivity:
    duration_s: float
    speech: tuple[Span, ...]
    pauses: tuple[Span, ...]

    @property
    def speaking_time_s(self) -> float:
        return sum(s.duration_s for s in self.speech)

    @property
    def pause_count(self) -> int:
        return len(self.pauses)

    @property
    def pause_lengths_s(self) -> list[float]:
        return [p.duration_s for p in self.pauses]

    @property
    def longest_pause_s(self) -> float:
        return max(self.pause_lengths_s, default=0.0)

    @property
    def is_silent(self) -> bool:
        return self.speaking_time_s < SILENT_BELOW_S


def activity_from_words(word_spans: list[tuple[float, float]], duration_s: float,
                        min_pause_s: float = 0.25) -> VoiceActivity:
    """Speech and pauses from word timings alone, for when the audio is gone. Coarser than voice
    activity in the audio: the recogniser's word edges are approximate."""
    merged: list[list[float]] = []
    for start, end in sorted(word_spans):
        if merged and start - merged[-1][1] < min_pause_s:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    speech = tuple(Span(a, b) for a, b in merged)
    return VoiceActivity(duration_s, speech, tuple(Span(a.end_s, b.start_s) for a, b in pairwise(speech)))
