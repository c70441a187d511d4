"""Vocabulary measured from the transcript, beside what the language model says about it.

Definitions:
- words: words in the transcript, filled pauses ("um", "uh") left out, as fluency.py counts them;
  every occurrence counts (tokens, not different words);
- known: the words the word list has a level for; a contraction it does not know as a whole is
  looked up by its first part ("don't" as "do", "it's" as "it");
- shares: of the known words, the share at each CEFR level A1..C2 (they add up to 1);
- B2 and above: the share of known words at B2, C1 or C2;
- MTLD (McCarthy & Jarvis 2010): lexical diversity, the mean length of the stretches of text over
  which the share of different words stays above 0.72. Higher means more varied words. It is left
  out (None) under 50 words, where it swings too much from one sentence to the next to mean much.
A word's level is an estimate from a word list: the level at which learners usually meet the word,
averaged over its meanings and parts of speech. It says nothing about whether the word was used
well, and names and words the list lacks are simply not counted. The list itself is looked up
outside core (assess/word_levels.py) and passed in as `level_of`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from speakcheck_desktop.core.fluency import spoken_words

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
B2_AND_ABOVE = ("B2", "C1", "C2")
MTLD_MIN_WORDS = 50
MTLD_THRESHOLD = 0.72
# "n't" contractions whose part before "n't" is not the verb: "can't" would be looked up as "ca".
NEGATIVE_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}


def _no_shares() -> dict[str, float]:
    return dict.fromkeys(LEVELS, 0.0)


@dataclass(frozen=True)
class VocabularyProfile:
    words: int
    known: int
    shares: dict[str, float] = field(default_factory=_no_shares)
    b2_and_above: float = 0.0
    mtld: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "known": self.known,
            "shares": {level: round(self.shares.get(level, 0.0), 3) for level in LEVELS},
            "b2_and_above": round(self.b2_and_above, 3),
            "mtld": None if self.mtld is None else round(self.mtld, 3),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> VocabularyProfile:
        """Reads `as_dict()` back. Missing keys take their defaults, so a payload written before
        a key existed still reads."""
        shares = d.get("shares") or {}
        mtld_value = d.get("mtld")
        return cls(
            words=int(d.get("words", 0)),
            known=int(d.get("known", 0)),
            shares={level: float(shares.get(level, 0.0)) for level in LEVELS},
            b2_and_above=float(d.get("b2_and_above", 0.0)),
            mtld=None if mtld_value is None else float(mtld_value),
        )


def vocabulary_profile(text: str, level_of: Callable[[str], int | None]) -> VocabularyProfile:
    """`level_of(word)`: the CEFR level of a lowercase word as 1 (A1) .. 6 (C2), None if unknown."""
    words = [w.lower() for w in spoken_words(text)]
    counts = dict.fromkeys(LEVELS, 0)
    for word in words:
        level = _level(word, level_of)
        if level is not None:
            counts[LEVELS[level - 1]] += 1
    known = sum(counts.values())
    shares = {level: counts[level] / known if known else 0.0 for level in LEVELS}
    return VocabularyProfile(
        words=len(words),
        known=known,
        shares=shares,
        # from the counts, not the shares, so it is not three rounded floats added up
        b2_and_above=sum(counts[level] for level in B2_AND_ABOVE) / known if known else 0.0,
        mtld=mtld(words) if len(words) >= MTLD_MIN_WORDS else None,
    )


def _level(word: str, level_of: Callable[[str], int | None]) -> int | None:
    word = word.replace("\u2019", "'")
    level = level_of(word)
    if level is None and "'" in word:
        level = level_of(_contraction_stem(word))
    if level is not None and not 1 <= level <= 6:
        raise ValueError(f"level_of({word!r}) gave {level}, not a CEFR level 1..6")
    return level


def _contraction_stem(word: str) -> str:
    """The word a contraction is looked up by: "don't" -> "do", "can't" -> "can", "I'm" -> "i".
    The part before the apostrophe alone would make "don't" the word "don", a B2 word in the list."""
    if word.endswith("n't"):
        stem = word[:-3]
        return NEGATIVE_STEMS.get(stem, stem)
    return word.split("'", 1)[0]


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """MTLD, the mean of a forward and a backward pass (McCarthy & Jarvis 2010). Tokens are
    compared ignoring case."""
    lowered = [t.lower() for t in tokens]
    if not lowered:
        return 0.0
    return (_mtld_pass(lowered, threshold) + _mtld_pass(lowered[::-1], threshold)) / 2


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    for token in tokens:
        types.add(token)
        count += 1
        if len(types) / count <= threshold:
            factors += 1
            types.clear()
            count = 0
    if count:
        # the unfinished stretch counts as the part of a factor its type-token ratio has fallen
        factors += (1 - len(types) / count) / (1 - threshold)
    if factors == 0:
        # No word repeats within reach, so the ratio never falls and no factor can be counted:
        # the diversity is as high as this text can show, and its length is that highest value
        # (len / factors would divide by zero).
        return float(len(tokens))
    return len(tokens) / factors
