"""Transcription through the OpenAI audio API (or a compatible server).

`whisper-1` with `verbose_json` gives segments and word timings, which the fluency measures use.
`gpt-4o-transcribe` and `gpt-4o-mini-transcribe` give text only; so do some compatible servers
(they may also refuse `verbose_json`). Then the app measures fluency from the audio alone and
says so in `note`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from speakcheck_desktop.assess.api import Endpoint, RequestRejected, call_with_retries
from speakcheck_desktop.audio.upload_files import UploadPart, stitch_segments
from speakcheck_desktop.core.fluency import TimedWord

TEXT_ONLY_MODELS = frozenset({"gpt-4o-transcribe", "gpt-4o-mini-transcribe"})
SEGMENT_KEYS = ("id", "start", "end", "text", "avg_logprob", "no_speech_prob", "compression_ratio")
LANGUAGE_CODES = {"english": "en"}


@dataclass(frozen=True)
class TranscriptionResult:
    text: str
    language: str
    provider: str
    model: str
    segments: list[dict[str, Any]]  # each with start, end, text, quality figures, and its words
    note: str | None = None  # what the app could not get, in words

    @property
    def word_timings(self) -> bool:
        return any(s.get("words") for s in self.segments)


def timed_words(segments: Sequence[dict[str, Any]]) -> list[TimedWord]:
    return [TimedWord(w["word"], float(w["start"]), float(w["end"]))
            for s in segments for w in s.get("words") or [] if "start" in w and "end" in w]


class Transcriber:
    def __init__(self, endpoint: Endpoint, language: str = "en", *, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None):
        self.endpoint = endpoint
        self.language = language
        self._sleep = sleep
        self._rng = rng

    def transcribe(self, parts: Sequence[UploadPart]) -> TranscriptionResult:
        """Transcribe the parts of one recording; all or nothing (no half transcript is kept)."""
        client = self.endpoint.client()
        try:
            pieces = [self._one(client, part) for part in parts]
        finally:
            client.close()
        text = " ".join(p[0].strip() for p in pieces if p[0].strip())
        segments = stitch_segments([(part, p[1]) for part, p in zip(parts, pieces)])
        notes = {p[3] for p in pieces if p[3]}
        return TranscriptionResult(text, pieces[0][2] if pieces else self.language, self.endpoint.provider,
                                   self.endpoint.model, segments, " ".join(sorted(notes)) or None)

    def _one(self, client: Any, part: UploadPart) -> tuple[str, list[dict[str, Any]], str, str | None]:
        verbose = self.endpoint.model not in TEXT_ONLY_MODELS
        note = None if verbose else (f"{self.endpoint.model} gives no word timings: pauses and speaking time "
                                     f"come from the audio alone.")
        if verbose:
            try:
                response = self._request(client, part, verbose=True)
            except RequestRejected:
                # Some compatible servers refuse verbose_json or word timestamps: ask for text.
                response = self._request(client, part, verbose=False)
                verbose = False
                note = "The transcription server gives no word timings: pauses and speaking time come from the audio alone."
        else:
            response = self._request(client, part, verbose=False)
        data = response.model_dump() if hasattr(response, "model_dump") else {"text": str(response)}
        text = data.get("text") or ""
        language = LANGUAGE_CODES.get(str(data.get("language") or "").lower(), data.get("language") or self.language)
        if not verbose:
            return text, [], language, note
        segments = [{k: s[k] for k in SEGMENT_KEYS if k in s} for s in data.get("segments") or []]
        words = [{"word": w["word"], "start": w["start"], "end": w["end"]} for w in data.get("words") or []]
        if not words and verbose:
            note = "The transcription server gives no word timings: pauses and speaking time come from the audio alone."
        _attach_words(segments, words)
        return text, segments, language, note

    def _request(self, client: Any, part: UploadPart, *, verbose: bool) -> Any:
        def call() -> Any:
            with open(part.path, "rb") as audio:
                extra = ({"response_format": "verbose_json", "timestamp_granularities": ["word", "segment"]}
                         if verbose else {"response_format": "json"})
                return client.audio.transcriptions.create(model=self.endpoint.model, file=audio,
                                                          language=self.language, temperature=0, **extra)
        return call_with_retries(self.endpoint, "transcription", call, sleep=self._sleep, rng=self._rng)


def _attach_words(segments: list[dict[str, Any]], words: list[dict[str, Any]]) -> None:
    """Put each word into the segment its middle falls in (the transcript stores words there)."""
    for segment in segments:
        segment["words"] = []
    if not segments:
        return
    for word in words:
        middle = (word["start"] + word["end"]) / 2
        home = next((s for s in segments if s["start"] <= middle <= s["end"]),
                    min(segments, key=lambda s: abs((s["start"] + s["end"]) / 2 - middle)))
        home["words"].append(word)
