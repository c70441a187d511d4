"""Vocabulary measures: MTLD worked by hand, level shares from a small word list, the stored form,
and the real cefrpy word list behind assess/word_levels.py."""

from __future__ import annotations

import json
import logging
import sys

import pytest

from speakcheck_desktop.assess import word_levels
from speakcheck_desktop.core.vocabulary import LEVELS, MTLD_MIN_WORDS, VocabularyProfile, mtld, vocabulary_profile

# 60 different words (letters only: digits are not words to core.fluency).
DISTINCT = ["q" + chr(97 + i // 26) + chr(97 + i % 26) for i in range(60)]


def test_mtld_worked_by_hand():
    # a b c a b c d a b e f a, threshold 0.72
    # Forward: a 1/1, b 2/2, c 3/3, a 3/4 = .75, b 3/5 = .60 <= .72: factor 1, reset.
    #   c d a b e f: 6/6, then a: 6/7 = .857, the end. Partial = (1 - 6/7) / (1 - .72) = 25/49.
    #   factors = 74/49, forward = 12 / (74/49) = 588/74 = 7.946.
    # Backward: a f e b 4/4, a 4/5, d 5/6, c 6/7, b 6/8 = .75, a 6/9 = .667: factor 1, reset.
    #   c b a: 3/3, partial 0. backward = 12 / 1 = 12.
    # MTLD = (588/74 + 12) / 2 = 1476/148 = 9.973.
    assert mtld("a b c a b c d a b e f a".split()) == pytest.approx(1476 / 148)


def test_mtld_passes_differ_without_a_partial():
    # a b a b a b c d e f g h
    # Forward: a b a (2/3 = .667): factor; b a b: factor; c..h 6/6: partial 0. 12 / 2 = 6.
    # Backward: h..a 8/8, b 8/9, a 8/10, b 8/11 = .727, a 8/12 = .667: factor, nothing left. 12 / 1 = 12.
    assert mtld("a b a b a b c d e f g h".split()) == pytest.approx(9.0)


def test_mtld_with_no_repetition_is_the_length():
    # No factor completes and the remainder's ratio is 1 (partial 0): both passes give the length.
    assert mtld(["one", "two", "three"]) == 3.0
    assert mtld(DISTINCT[:50]) == 50.0
    assert mtld([]) == 0.0


def test_mtld_ignores_case():
    # a a a a: a factor every two tokens, 4 / 2 = 2. Case-sensitive, "A a A a" would give 4.
    assert mtld(["A", "a", "A", "a"]) == 2.0


def test_mtld_threshold_is_a_parameter():
    # a b c a with threshold 0.8: 3/4 = .75 <= .8 ends a factor at the fourth token, 4 / 1 = 4 both
    # ways. At .72 it does not: partial (1 - .75) / .28 = .893, 4 / .893 = 4.48 both ways.
    assert mtld("a b c a".split(), threshold=0.8) == 4.0
    assert mtld("a b c a".split()) == pytest.approx(4 / (0.25 / 0.28))


def test_repetitive_text_is_far_less_diverse_than_a_varied_one():
    repetitive = ("i like my house and i like my family and i like my dog and " * 5).split()[:60]
    varied = (
        "last summer my grandmother finally decided to sell the old farmhouse near the river where she "
        "had lived for almost forty years although everyone expected her to feel sad she seemed strangely "
        "relieved explaining that the roof leaked constantly the garden required endless work and winters "
        "there were becoming dangerous for someone her age now she rents a bright little flat"
    ).split()[:60]
    assert len(repetitive) == len(varied) == 60
    # Traced: each pass completes 7 factors (of 7 or 9 tokens, 5 or 6 types) and ends on a stretch
    # with no repeat (partial 0): 60 / 7 both ways.
    assert mtld(repetitive) == pytest.approx(60 / 7)
    # The varied text repeats only "the", "she", "her", "my"... : well above the 70-100 of typical
    # written English, and over ten times the repetitive one.
    assert mtld(varied) == pytest.approx(126.0)


LIST = {
    "i": 1, "do": 1, "the": 1, "it": 1, "can": 1,
    "like": 2,
    "traffic": 3,
    "awful": 4,
    "ubiquitous": 6,
    # A contraction's stem must be the verb: "don" and "ca" are never what "don't" or "can't" mean.
    "don": 4, "ca": 5,
}


def level_of(word: str) -> int | None:
    assert word == word.lower()  # the profile looks words up in lowercase
    return LIST.get(word)


def test_shares_from_a_small_list():
    text = "Um, I don't like the ubiquitous traffic, uh, it\u2019s awful. Zorblax!"
    profile = vocabulary_profile(text, level_of)
    # words: I don't like the ubiquitous traffic it's awful Zorblax (um, uh left out) = 9
    # known 8 (not Zorblax): A1 i, don't (do), the, it's (it) = 4; A2 like; B1 traffic; B2 awful;
    # C2 ubiquitous.
    assert profile.words == 9
    assert profile.known == 8
    assert profile.shares == {"A1": 0.5, "A2": 0.125, "B1": 0.125, "B2": 0.125, "C1": 0.0, "C2": 0.125}
    assert profile.b2_and_above == 0.25
    assert profile.mtld is None


def test_contractions_are_looked_up_by_their_verb():
    profile = vocabulary_profile("I can't. I don't.", level_of)
    assert (profile.words, profile.known) == (4, 4)
    assert profile.shares["A1"] == 1.0
    assert profile.b2_and_above == 0.0


def test_tokens_not_types_are_counted():
    profile = vocabulary_profile("awful awful awful like", level_of)
    assert profile.known == 4
    assert profile.shares["B2"] == 0.75
    assert profile.shares["A2"] == 0.25


def test_no_known_word_gives_zero_shares():
    profile = vocabulary_profile("Zorblax, um, quux.", level_of)
    assert (profile.words, profile.known) == (2, 0)
    assert profile.shares == dict.fromkeys(LEVELS, 0.0)
    assert profile.b2_and_above == 0.0


def test_mtld_only_from_fifty_words():
    short = vocabulary_profile(" ".join(DISTINCT[: MTLD_MIN_WORDS - 1]), level_of)
    assert short.words == 49
    assert short.mtld is None
    # 50 different words, with fillers between them that must not count
    enough = vocabulary_profile(" um ".join(DISTINCT[:MTLD_MIN_WORDS]), level_of)
    assert enough.words == 50
    assert enough.mtld == 50.0
    # "yes no" 25 times: a factor every 3 tokens (yes no yes: 2/3), 16 factors, "no yes" left (partial 0).
    # 50 / 16 both ways.
    assert vocabulary_profile("yes no " * 25, level_of).mtld == pytest.approx(50 / 16)


def test_a_level_outside_the_scale_is_an_error():
    with pytest.raises(ValueError, match="7"):
        vocabulary_profile("word", lambda w: 7)


def test_stored_form_round_trip():
    profile = vocabulary_profile("Um, I don't like the ubiquitous traffic, uh, it's awful. " * 7, level_of)
    assert profile.words == 56
    stored = json.loads(json.dumps(profile.as_dict()))
    assert stored == {
        "words": 56,
        "known": 56,
        "shares": {"A1": 0.5, "A2": 0.125, "B1": 0.125, "B2": 0.125, "C1": 0.0, "C2": 0.125},
        "b2_and_above": 0.25,
        # 8 different words said 7 times: the ratio first reaches 8/12 = .667 <= .72, so each pass
        # is 4 factors of 12 tokens and 8 left over with no repeat (partial 0); 56 / 4 = 14.
        "mtld": 14.0,
    }
    assert VocabularyProfile.from_dict(stored) == profile


def test_stored_form_rounds_to_three_places():
    profile = VocabularyProfile(words=3, known=3, shares={**dict.fromkeys(LEVELS, 0.0), "A1": 2 / 3, "B2": 1 / 3},
                                b2_and_above=1 / 3, mtld=10 / 3)
    stored = profile.as_dict()
    assert stored["shares"]["A1"] == 0.667
    assert stored["shares"]["B2"] == 0.333
    assert (stored["b2_and_above"], stored["mtld"]) == (0.333, 3.333)


def test_reading_a_partial_stored_form():
    assert VocabularyProfile.from_dict({}) == VocabularyProfile(words=0, known=0)
    read = VocabularyProfile.from_dict({"words": 12, "known": 10, "shares": {"B2": 0.4}})
    assert (read.words, read.known, read.b2_and_above, read.mtld) == (12, 10, 0.0, None)
    assert read.shares == {**dict.fromkeys(LEVELS, 0.0), "B2": 0.4}


# Through the real cefrpy word list (1.0.3). The expected levels are that list's averages, rounded.


def test_word_levels_from_cefrpy():
    assert word_levels.word_level("house") == 1
    assert word_levels.word_level("House") == 1  # the list itself is lowercase only
    assert word_levels.word_level("like") == 2  # 1.66
    assert word_levels.word_level("it") == 1  # 1.5: a tie goes to the lower level
    assert word_levels.word_level("will") == 2  # 2.5
    assert word_levels.word_level("criteria") == 4  # 3.54
    assert word_levels.word_level("undermines") == 5  # 5.3
    assert word_levels.word_level("ubiquitous") == 6
    assert word_levels.word_level("zorblax") is None


def test_simple_and_advanced_sentences_through_cefrpy():
    simple = word_levels.vocabulary_of("I like my house because it is big and my family is nice")
    advanced = word_levels.vocabulary_of(
        "Nevertheless, the ubiquitous reliance on ambiguous criteria inevitably undermines comprehensive assessment")
    assert simple is not None and advanced is not None
    # every word A1 except "like" (A2)
    assert (simple.words, simple.known) == (13, 13)
    assert simple.shares["A1"] == pytest.approx(12 / 13)
    assert simple.b2_and_above == 0.0
    # the, on: A1; nevertheless, reliance: B1; ambiguous, criteria, inevitably, comprehensive,
    # assessment: B2; undermines: C1; ubiquitous: C2
    assert (advanced.words, advanced.known) == (11, 11)
    assert advanced.shares == pytest.approx({"A1": 2 / 11, "A2": 0.0, "B1": 2 / 11, "B2": 5 / 11,
                                             "C1": 1 / 11, "C2": 1 / 11})
    assert advanced.b2_and_above == pytest.approx(7 / 11)


def test_fillers_and_contractions_through_cefrpy():
    # cefrpy lists "um" and "hmm" as C2 and "don" as B2: none of them may count.
    assert word_levels.word_level("um") == 6
    assert word_levels.word_level("don") == 4
    profile = word_levels.vocabulary_of("Um, I don't know, hmm, uh")
    assert profile is not None
    assert (profile.words, profile.known) == (3, 3)
    assert profile.shares["A1"] == 1.0
    assert profile.b2_and_above == 0.0


def test_without_cefrpy_there_is_no_vocabulary(monkeypatch, caplog):
    monkeypatch.setattr(word_levels, "_analyzer", None)
    monkeypatch.setattr(word_levels, "_unavailable", False)
    monkeypatch.setitem(sys.modules, "cefrpy", None)  # `import cefrpy` now raises ImportError
    word_levels.word_level.cache_clear()
    try:
        with caplog.at_level(logging.INFO, logger=word_levels.__name__):
            assert word_levels.vocabulary_of("I like my house") is None
            assert word_levels.vocabulary_of("I like my house") is None
            assert word_levels.word_level("house") is None
        logged = [r for r in caplog.records if r.name == word_levels.__name__]
        assert len(logged) == 1  # once, not per answer
        assert logged[0].levelno == logging.INFO
        assert "cefrpy" in logged[0].getMessage() and "vocabulary is left out" in logged[0].getMessage()
    finally:
        word_levels.word_level.cache_clear()  # the None above must not outlive this test
