"""Fluency measured from the audio and the word timings, not guessed by a language model.

Definitions (all times in seconds; a pause is a silence of at least 250 ms between two stretches
of speech, found by voice activity in the audio):
- total duration: the whole recording;
- speaking time: the sum of the stretches of speech (phonation time);
- words: words in the transcript, filled pauses ("um", "uh") left out;
- speech rate: words per minute over the total duration;
- articulation rate: words per minute over the speaking time;
- pauses: number, mean length and longest of the silent pauses;
- pauses between sentences / within a sentence: a pause that follows a word ending a sentence
  (. ? !) is between sentences, any other is within one (needs word timings);
- mean length of run: the mean number of words between two pauses;
- distinct words: different word forms, ignoring case;
- filled pauses: "um", "uh", "er", "erm", "hmm" and the like in the transcript, and how many per
  minute of the recording.
Whisper tends to leave out "um" and "uh"; the transcriber asks it in a hesitant style to keep them
(assess/transcriber.py), which works often but not always, and some servers drop them anyway. So
filled pauses are counted where the transcript has them, and a count of 0 may mean "not written",
not "not said": hesitations then still show up as pauses and slow articulation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from speakcheck_desktop.core.speech_activity import Span, VoiceActivity

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
SENTENCE_END = (".", "?", "!")
FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "hmm", "hm", "mm", "mhm", "ah", "eh"})
# The transcription prompt, written as a hesitant speaker talks: Whisper continues in the style of
# its prompt, so it keeps more filled pauses (assess/transcriber.py sends it).
HESITANT_PROMPT = "Um, well, I mean\u2026 uh, so, hmm, I think, you know, er\u2026"
# Whisper's word times are coarse; a word counts as before a pause if it ends this close after it starts.
TIMING_TOLERANCE_S = 0.2


@dataclass(frozen=True)
class TimedWord:
    text: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class FluencyMeasures:
    total_duration_s: float
    speaking_time_s: float
    words: int
    speech_rate_wpm: float
    articulation_rate_wpm: float
    pause_count: int
    mean_pause_s: float
    longest_pause_s: float
    pauses_between_sentences: int | None
    pauses_within_sentence: int | None
    mean_length_of_run: float
    distinct_words: int
    word_timings: bool  # False: measured from the audio alone (the model gave no word times)
    filled_pauses: int = 0
    filled_pauses_per_min: float = 0.0

    def as_dict(self) -> dict[str, float | int | bool | None]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def spoken_words(text: str) -> list[str]:
    """The words of `text` without filled pauses: what speech rate, word counts and the language
    rules count ("um" is a hesitation, not a word)."""
    return [w for w in WORD.findall(text) if w.lower() not in FILLERS]


def measure_fluency(text: str, activity: VoiceActivity,
                    timed_words: Sequence[TimedWord] | None = None) -> FluencyMeasures:
    words = spoken_words(text)
    count = len(words)
    speaking = activity.speaking_time_s
    pauses = activity.pauses
    between = within = None
    if timed_words:
        finals = _sentence_final(text, timed_words)
        between = within = 0
        for pause in pauses:
            before = [i for i, w in enumerate(timed_words) if w.end_s <= pause.start_s + TIMING_TOLERANCE_S]
            if before and finals[before[-1]]:
                between += 1
            else:
                within += 1
        runs = _words_per_run(timed_words, pauses)
        mean_run = sum(runs) / len(runs) if runs else 0.0
    else:
        mean_run = count / (len(pauses) + 1) if count else 0.0
    lengths = activity.pause_lengths_s
    return FluencyMeasures(
        total_duration_s=activity.duration_s,
        speaking_time_s=speaking,
        words=count,
        speech_rate_wpm=60 * count / activity.duration_s if activity.duration_s else 0.0,
        articulation_rate_wpm=60 * count / speaking if speaking else 0.0,
        pause_count=len(pauses),
        mean_pause_s=sum(lengths) / len(lengths) if lengths else 0.0,
        longest_pause_s=max(lengths, default=0.0),
        pauses_between_sentences=between,
        pauses_within_sentence=within,
        mean_length_of_run=mean_run,
        distinct_words=len({w.lower() for w in words}),
        word_timings=bool(timed_words),
        filled_pauses=(fillers := sum(w.lower() in FILLERS for w in words_of(text))),
        filled_pauses_per_min=60 * fillers / activity.duration_s if activity.duration_s else 0.0,
    )


def _normal(token: str) -> str:
    return "".join(ch for ch in token.lower() if ch.isalpha())


def _sentence_final(text: str, timed_words: Sequence[TimedWord]) -> list[bool]:
    """For each timed word, whether it ends a sentence. Word timings come without punctuation,
    so the punctuation is taken from the text, matching words in order."""
    tokens = [t for t in text.split() if _normal(t)]
    flags, j = [], 0
    for word in timed_words:
        target = _normal(word.text)
        k = j
        while k < len(tokens) and k < j + 4 and _normal(tokens[k]) != target:
            k += 1
        if k < len(tokens) and _normal(tokens[k]) == target:
            closed = tokens[k].rstrip("\"')\u201d\u2019")  # a sentence may end inside quotes or brackets
            flags.append(closed.endswith(SENTENCE_END) or word.text.rstrip().endswith(SENTENCE_END))
            j = k + 1
        else:
            flags.append(word.text.rstrip().endswith(SENTENCE_END))
    return flags


def _words_per_run(timed_words: Sequence[TimedWord], pauses: Sequence[Span]) -> list[int]:
    edges = [p.start_s for p in pauses]
    counts = [0] * (len(edges) + 1)
    for word in timed_words:
        middle = (word.start_s + word.end_s) / 2
        counts[sum(middle > e for e in edges)] += 1
    return [c for c in counts if c]
