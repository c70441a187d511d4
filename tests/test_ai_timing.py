"""The timing rules for the AI services (core/ai_timing.py)."""

from speakcheck_desktop.core.ai_timing import (
    RetryBackoff,
    clock,
    duration_text,
    duration_words,
    transcription_timeout_s,
)


def test_the_transcription_timeout_grows_with_the_audio():
    assert transcription_timeout_s(120, 0) == 120
    assert transcription_timeout_s(120, 12 * 60) == 840  # 12 minutes of audio: 14 minutes, > the 3.5 measured


def test_tries_of_one_answer_wait_longer_each_time_and_never_less_than_the_server_may_be_busy():
    backoff = RetryBackoff(first_s=30, cap_s=1800)
    assert [backoff.delay_s(n) for n in range(1, 9)] == [30, 60, 120, 240, 480, 960, 1800, 1800]
    assert backoff.delay_s(1, server_busy_s=840) == 840  # a 12-minute upload that timed out


def test_words_for_durations():
    assert [duration_words(s) for s in (4.2, 89, 12 * 60 + 20)] == ["4-second", "89-second", "12-minute"]
    assert (duration_text(30), duration_text(3.4213), duration_text(840)) == ("30 s", "3.4 s", "14 minutes")
    assert clock(130.7) == "2:10"
