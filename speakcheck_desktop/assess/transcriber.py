"""Transcription through the OpenAI audio API (or a compatible server).

`whisper-1` with `verbose_json` gives segments and word timings, which the fluency measures use.
`gpt-4o-transcribe` and `gpt-4o-mini-transcribe` give text only; so do some compatible servers
(they may also refuse `verbose_json`). Then the app measures fluency from the audio alone and
says so in `note`.

The language is not forced: asked for English, Whisper tends to translate other languages into
fluent English, which would then be scored as the person's English. The server detects it, and
the evidence gate refuses what is not English. The prompt is written in a hesitant style, which
makes Whisper keep more of the "um"s and "uh"s it otherwise drops (some servers still drop them).
Each request may take the timeout plus the length of its audio (core/ai_timing.py), and one that
timed out is not sent again at once: the server may still be working on it.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from speakcheck_desktop.assess.api import Endpoint, RequestRejected, call_with_retries
from speakcheck_desktop.audio.upload_files import UploadPart, stitch_segments
from speakcheck_desktop.core.ai_timing import transcription_timeout_s
from speakcheck_desktop.core.fluency import HESITANT_PROMPT, TimedWord
from speakcheck_desktop.core.languages import language_code

TEXT_ONLY_MODELS = frozenset({"gpt-4o-transcribe", "gpt-4o-mini-transcribe"})
SEGMENT_KEYS = ("id", "start", "end", "text", "avg_logprob", "no_speech_prob", "compression_ratio")
UNKNOWN_LANGUAGE = "und"  # ISO 639-2 "undetermined": the server did not say
NO_WORD_TIMINGS = "The transcription server gives no word timings: pauses and speaking time come from the audio alone."


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


class SpeechToText(Protocol):
    """What the assessment needs of a transcriber: this module's `Transcriber` (OpenAI or a
    compatible server) and `local_transcriber.LocalTranscriber` (this computer)."""

    def transcribe(self, parts: Sequence[UploadPart],
                   cancel: threading.Event | None = None) -> TranscriptionResult: ...


class _Piece(NamedTuple):
    """What the server answered for one part of a recording."""
    text: str
    segments: list[dict[str, Any]]
    language: str | None
    note: str | None  # what it could not give, in words
    model: str | None  # the model it says it used, if it said


def timed_words(segments: Sequence[dict[str, Any]]) -> list[TimedWord]:
    return [TimedWord(w["word"], float(w["start"]), float(w["end"]))
            for s in segments for w in s.get("words") or [] if "start" in w and "end" in w]


class Transcriber:
    def __init__(self, endpoint: Endpoint, language: str | None = None, *,
                 sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None):
        # `language`: only to force one (a centre testing one language on a multilingual model);
        # None lets the server detect it.
        self.endpoint = endpoint
        self.language = language
        self._sleep = sleep
        self._rng = rng

    def transcribe(self, parts: Sequence[UploadPart], cancel: threading.Event | None = None) -> TranscriptionResult:
        """Transcribe the parts of one recording; all or nothing (no half transcript is kept).
        Setting `cancel` stops waiting (api.Cancelled)."""
        client = self.endpoint.client()
        try:
            pieces = [self._one(client, part, cancel) for part in parts]
        finally:
            client.close()
        text = " ".join(p.text.strip() for p in pieces if p.text.strip())
        # One piece per part, in order: the lengths match by construction.
        segments = stitch_segments([(part, p.segments) for part, p in zip(parts, pieces, strict=True)])
        notes = {p.note for p in pieces if p.note}
        # The model the server says it used (ties: the first part's); when it does not say, the
        # one asked for, noted as such.
        reported = [p.model for p in pieces if p.model]
        model = max(dict.fromkeys(reported), key=reported.count) if reported else self.endpoint.model
        if not reported:
            notes.add(f"The server did not say which model it used; {self.endpoint.model} was asked for.")
        # The language of most of the audio (parts weighted by their length; ties: the first part's).
        heard: dict[str, float] = {}
        for part, piece in zip(parts, pieces, strict=True):
            if piece.language:
                heard[piece.language] = heard.get(piece.language, 0.0) + part.duration_s
        language = max(heard, key=lambda code: heard[code]) if heard else UNKNOWN_LANGUAGE
        return TranscriptionResult(text, language, self.endpoint.provider, model, segments,
                                   " ".join(sorted(notes)) or None)

    def _one(self, client: Any, part: UploadPart, cancel: threading.Event | None) -> _Piece:
        verbose = self.endpoint.model not in TEXT_ONLY_MODELS
        note = None if verbose else (f"{self.endpoint.model} gives no word timings: pauses and speaking time "
                                     f"come from the audio alone.")
        if verbose:
            try:
                response = self._request(client, part, verbose=True, cancel=cancel)
            except RequestRejected:
                # Some compatible servers refuse verbose_json or word timestamps: ask for text.
                response = self._request(client, part, verbose=False, cancel=cancel)
                verbose = False
                note = NO_WORD_TIMINGS
        else:
            response = self._request(client, part, verbose=False, cancel=cancel)
        # The SDK's answer object; a server that sends plain text gets a string back.
        data: dict[str, Any] = response.model_dump() if hasattr(response, "model_dump") else {"text": str(response)}
        text = data.get("text") or ""
        language = language_code(data.get("language")) or self.language
        model = str(data["model"]) if data.get("model") else None
        if not verbose:
            return _Piece(text, [], language, note, model)
        segments = [{k: s[k] for k in SEGMENT_KEYS if k in s} for s in data.get("segments") or []]
        words = [{"word": w["word"], "start": w["start"], "end": w["end"]} for w in data.get("words") or []]
        if not words:
            note = NO_WORD_TIMINGS
        _attach_words(segments, words)
        return _Piece(text, segments, language, note, model)

    def _request(self, client: Any, part: UploadPart, *, verbose: bool, cancel: threading.Event | None) -> Any:
        timeout = transcription_timeout_s(self.endpoint.timeout_s, part.duration_s)

        def call() -> Any:
            with open(part.path, "rb") as audio:
                extra: dict[str, Any] = ({"response_format": "verbose_json",
                                          "timestamp_granularities": ["word", "segment"]}
                                         if verbose else {"response_format": "json"})
                if self.language:
                    extra["language"] = self.language
                return client.audio.transcriptions.create(model=self.endpoint.model, file=audio, temperature=0,
                                                          prompt=HESITANT_PROMPT, timeout=timeout, **extra)
        return call_with_retries(self.endpoint, "transcription", call, sleep=self._sleep, rng=self._rng,
                                 timeout_s=timeout, retry_timeouts=False, cancel=cancel)


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
