"""How long the app waits for the AI services, and when it tries a waiting answer again.

Transcription time grows with the audio: a small compatible server on a 2-core machine needs
about 0.3 s per second of audio (12 minutes in about 3.5 minutes, measured), OpenAI far less. So
a transcription request may take the configured timeout (`ai_timeout_s`, 120 s by default) plus
the length of the audio it carries: 12 minutes of audio gets 14 minutes. A request that timed out
is never sent again at once: the server may still be working on it (small servers take one
request at a time), so the next try waits at least as long as the timeout was.

Between tries of the same answer the wait doubles, from 30 s up to 30 minutes, so an answer that
keeps failing does not keep a server (or a metered account) busy.
"""

from __future__ import annotations

from dataclasses import dataclass


def transcription_timeout_s(base_s: float, audio_s: float) -> float:
    """The timeout for one transcription request carrying `audio_s` seconds of audio."""
    return base_s + max(0.0, audio_s)


@dataclass(frozen=True)
class RetryBackoff:
    first_s: float = 30.0
    cap_s: float = 1800.0

    def delay_s(self, failures: int, server_busy_s: float = 0.0) -> float:
        """Wait before try number `failures + 1` of one answer; at least `server_busy_s` (how long
        the server may still be busy with the try that timed out)."""
        doubling = self.first_s * 2 ** max(0, failures - 1)
        return max(min(self.cap_s, doubling), server_busy_s)


def duration_words(seconds: float) -> str:
    """"12-minute", "45-second": how long an answer is, for a sentence."""
    if seconds < 90:
        return f"{max(1, round(seconds))}-second"
    return f"{round(seconds / 60)}-minute"


def duration_text(seconds: float) -> str:
    """"30 s", "3.4 s", "14 minutes": a wait or a timeout, for a sentence."""
    if seconds < 90:
        return f"{round(seconds, 1):g} s"
    return f"{round(seconds / 60)} minutes"


def clock(seconds: float) -> str:
    """"2:10": elapsed time for a progress line."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
