"""Speech and pause spans of a recording: what voice activity detection finds (audio/) and what
the fluency measures and the evidence gate read (core/)."""

from __future__ import annotations

from collections.abc import Sequence
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


def fit_to_speech(words: Sequence[tuple[float, float]], speech: Sequence[Span]) -> list[tuple[float, float]]:
    """Word times fitted to the speech found in the audio. Whisper's word times come from its
    attention, not from the signal: the first word tends to start at 0 whatever silence comes
    before it, and the words around a pause are off by a few hundred milliseconds either way. The
    voice activity knows where each stretch of speech starts and stops, so the first word of a
    stretch starts where it starts and the last ends where it ends (a word that began in the
    silence before, or ran on into the silence after, is cut to the speech). A word that overlaps
    no speech at all is left as it is: nothing says where it should be."""
    def overlaps(word: tuple[float, float], span: Span) -> bool:
        return word[0] < span.end_s and word[1] > span.start_s

    fitted = [list(w) for w in words]
    for k, span in enumerate(speech):
        inside = [i for i, word in enumerate(words) if overlaps(word, span)]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        # ...unless the word also belongs to the stretch before (or after): then it bridges them.
        if not any(overlaps(words[first], earlier) for earlier in speech[:k]):
            fitted[first][0] = span.start_s
        if not any(overlaps(words[last], later) for later in speech[k + 1:]):
            fitted[last][1] = max(span.end_s, fitted[last][0])
    return [(start, end) for start, end in fitted]
