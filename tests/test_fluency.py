"""Fluency measures on flite speech with silences of known length inserted."""

import pytest

from speakcheck_desktop.assess.transcriber import timed_words
from speakcheck_desktop.audio.voice_activity import voice_activity_of_file
from speakcheck_desktop.core.fluency import TimedWord, measure_fluency
from speakcheck_desktop.core.speech_activity import Span, VoiceActivity, activity_from_words
from tests.answers import SENTENCES, make_answer

GAPS = [0.4, 1.1, 0.3, 0.8, 0.5, 1.5, 0.6]


@pytest.fixture(scope="module")
def answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("fluency"), SENTENCES, GAPS)


def test_rates_pauses_and_runs_match_what_was_built(answer):
    activity = voice_activity_of_file(answer.path)
    words = [TimedWord(*w) for w in answer.words]
    measures = measure_fluency(answer.text, activity, words)

    n_words = len(answer.text.split())
    assert measures.words == n_words
    assert measures.speech_rate_wpm == pytest.approx(60 * n_words / answer.duration_s, rel=0.05)
    assert measures.articulation_rate_wpm == pytest.approx(60 * n_words / answer.speech_s, rel=0.05)
    assert measures.pause_count == len(GAPS)
    for found, (start, end) in zip(activity.pauses, answer.pauses, strict=True):
        assert found.duration_s == pytest.approx(end - start, abs=0.05)
    assert measures.longest_pause_s == pytest.approx(1.5, abs=0.05)
    assert measures.mean_pause_s == pytest.approx(sum(GAPS) / len(GAPS), abs=0.05)
    # every pause falls between two sentences here
    assert (measures.pauses_between_sentences, measures.pauses_within_sentence) == (7, 0)
    assert measures.mean_length_of_run == pytest.approx(n_words / 8, abs=0.01)
    assert measures.distinct_words == len({w.strip(".").lower() for w in answer.text.split()})
    assert measures.word_timings


def test_a_pause_inside_a_sentence_is_told_apart(tmp_path):
    halves = ["I live in a small town", "by the sea.", "There is a harbour."]
    built = make_answer(tmp_path, halves, [0.7, 0.9])
    measures = measure_fluency(built.text, voice_activity_of_file(built.path), [TimedWord(*w) for w in built.words])
    assert (measures.pauses_within_sentence, measures.pauses_between_sentences) == (1, 1)


def test_without_word_timings_the_audio_still_gives_pauses_and_rates(answer):
    activity = voice_activity_of_file(answer.path)
    measures = measure_fluency(answer.text, activity, None)
    assert not measures.word_timings
    assert measures.pause_count == len(GAPS)
    assert measures.pauses_between_sentences is None
    assert measures.mean_length_of_run == pytest.approx(measures.words / 8)


def test_words_alone_give_a_coarse_activity():
    activity = activity_from_words([(0.0, 0.4), (0.5, 0.9), (1.6, 2.0), (2.1, 2.4)], 3.0)
    assert activity.speech == (Span(0.0, 0.9), Span(1.6, 2.4))
    assert activity.pauses == (Span(0.9, 1.6),)


def test_timed_words_come_from_the_segments():
    segments = [{"start": 0, "end": 1, "text": "Hi there.", "words": [{"word": "Hi", "start": 0.0, "end": 0.3},
                                                                       {"word": "there", "start": 0.4, "end": 0.9}]}]
    assert timed_words(segments) == [TimedWord("Hi", 0.0, 0.3), TimedWord("there", 0.4, 0.9)]
    assert measure_fluency("", VoiceActivity(0.0, (), ()), []).speech_rate_wpm == 0


def test_filled_pauses_are_counted_where_the_transcript_has_them():
    from speakcheck_desktop.core.fluency import measure_fluency
    from speakcheck_desktop.core.speech_activity import Span, VoiceActivity

    activity = VoiceActivity(duration_s=30.0, speech=(Span(0.0, 30.0),), pauses=())
    measures = measure_fluency("Um, I think, uh, the town is, erm, nice. Hmm.", activity)
    assert (measures.filled_pauses, measures.filled_pauses_per_min) == (4, 8.0)
    assert measures.words == 6  # "um" is a hesitation, not a word: rates count the words said
    assert measure_fluency("I think the town is nice.", activity).filled_pauses == 0
