"""Transcription on this computer: faster-whisper (CTranslate2) running a Whisper model from the
offline pack (assess/offline_models.py), with word timings, behind the same interface as the
OpenAI-compatible `Transcriber`. Nothing leaves the computer and nothing is downloaded.

The model is loaded once per process, on first use, on the thread that transcribes (the AI lane),
so the window never waits for it; later answers reuse it. faster-whisper hands out segments as it
decodes them, so a cancel is honoured between two segments. No language is forced (the
multilingual model tells it; tiny.en always says "en" and the evidence gate tells English from the
transcript), and the temperature is 0 with Whisper's fallback to higher ones when a window fails
to decode. Unlike the OpenAI path it gets no hesitant prompt: with it, tiny.en skipped whole
sentences of recordings from the microphone (37 and 52 words of 112 heard, against 112 without),
so filled pauses are counted only where the model writes them anyway.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from speakcheck_desktop.assess.api import AssessError, Cancelled
from speakcheck_desktop.assess.offline_models import COMPUTE_TYPE, OfflineModel, described, model_folder
from speakcheck_desktop.assess.transcriber import TranscriptionResult
from speakcheck_desktop.audio.upload_files import UploadPart, stitch_segments
from speakcheck_desktop.audio.voice_activity import detect_voice_activity
from speakcheck_desktop.core.results import LOCAL_PROVIDER
from speakcheck_desktop.core.speech_activity import Span, fit_to_speech

log = logging.getLogger(__name__)

PROVIDER = LOCAL_PROVIDER  # transcripts.provider
PUNCTUATION = '".,!?;:()[]«»¿¡…-'
# Whisper's own fallback: decode again, warmer, when a window comes out repetitive or unsure.
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


class LocalTranscriptionFailed(AssessError):
    """The recogniser itself failed on this audio (the detail is in the log)."""


def offline_pack_installed() -> bool:
    """Whether faster-whisper is importable (the `offline` extra), without importing it."""
    import importlib.util
    return importlib.util.find_spec("faster_whisper") is not None


class LocalTranscriber:
    provider = PROVIDER

    def __init__(self, model: OfflineModel, cache_dir: Path, *, cpu_threads: int = 0, beam_size: int = 5):
        """`cache_dir`: where models assembled from parts are kept. `cpu_threads` 0: half the
        cores, at least one. On the project's 2-core machines one thread transcribed a 2-minute
        answer in 4.7 s and two in 7.9 s (benchmarks/local_transcription.py), and one leaves a core
        to the window."""
        self.offline_model = model
        self.cache_dir = cache_dir
        self.cpu_threads = cpu_threads or max(1, (os.cpu_count() or 2) // 2)
        self.beam_size = beam_size

    @property
    def model(self) -> str:
        return described(self.offline_model)

    def transcribe(self, parts: Sequence[UploadPart], cancel: threading.Event | None = None) -> TranscriptionResult:
        """Transcribe the parts of one recording; all or nothing, as the OpenAI path."""
        whisper = loaded_model(model_folder(self.offline_model, self.cache_dir), self.cpu_threads)
        pieces = []
        languages: dict[str, float] = {}
        for part in parts:
            text, segments, language = self._one(whisper, part, cancel)
            pieces.append((part, text, segments))
            languages[language] = languages.get(language, 0.0) + part.duration_s
        text = " ".join(t.strip() for _, t, _ in pieces if t.strip())
        segments = stitch_segments([(part, segs) for part, _, segs in pieces])
        language = max(languages, key=lambda code: languages[code]) if languages else "en"
        return TranscriptionResult(text, language, PROVIDER, self.model, segments)

    def _one(self, whisper: Any, part: UploadPart,
             cancel: threading.Event | None) -> tuple[str, list[dict[str, Any]], str]:
        import soundfile as sf

        audio, _ = sf.read(str(part.path), dtype="float32")  # prepare_upload: 16 kHz mono FLAC
        try:
            found, info = whisper.transcribe(audio, language=None, initial_prompt=None,
                                             word_timestamps=True, beam_size=self.beam_size, vad_filter=False,
                                             temperature=TEMPERATURES)
            segments: list[dict[str, Any]] = []
            for segment in found:  # decoding happens as this loop asks for the next segment
                if cancel is not None and cancel.is_set():
                    raise Cancelled("The transcription was cancelled; your recording is kept.")
                segments.append(_segment(len(segments), segment))
            _fit_words(segments, detect_voice_activity(audio).speech)
        except (RuntimeError, ValueError, MemoryError) as exc:
            log.warning("Local transcription failed on %s: %s", part.path.name, exc, exc_info=True)
            raise LocalTranscriptionFailed(
                "Transcription on this computer failed on this recording. Your recording is kept; it can be "
                "transcribed by a transcription service chosen in Settings.") from None
        return "".join(s["text"] for s in segments).strip(), segments, str(info.language or "en")


def _fit_words(segments: list[dict[str, Any]], speech: Sequence[Span]) -> None:
    """Word edges that Whisper put in silence moved to the speech (core.speech_activity.fit_to_speech)."""
    words = [w for s in segments for w in s["words"]]
    for word, (start, end) in zip(words, fit_to_speech([(w["start"], w["end"]) for w in words], speech),
                                  strict=True):
        word["start"], word["end"] = round(start, 3), round(end, 3)


def _segment(index: int, segment: Any) -> dict[str, Any]:
    """One segment in the OpenAI verbose_json shape the transcripts store, its words inside."""
    words = [{"word": word, "start": round(float(w.start), 3), "end": round(float(w.end), 3)}
             for w in (segment.words or []) if (word := w.word.strip().strip(PUNCTUATION))]
    return {"id": index, "start": round(float(segment.start), 3), "end": round(float(segment.end), 3),
            "text": segment.text, "avg_logprob": float(segment.avg_logprob),
            "no_speech_prob": float(segment.no_speech_prob),
            "compression_ratio": float(segment.compression_ratio), "words": words}


@cache
def loaded_model(folder: Path, cpu_threads: int) -> Any:
    """The model in `folder`, loaded once per process and thread count."""
    # Before faster_whisper imports huggingface_hub, which reads these once: a folder is all it
    # may use, and nothing is sent anywhere.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        raise LocalTranscriptionFailed(
            "Transcription on this computer needs the offline pack, which is not installed: install it with "
            "pip install 'speakcheck-desktop[offline]', or choose OpenAI or a compatible server in Settings. "
            "Your recordings are kept.") from None
    try:
        return WhisperModel(str(folder), device="cpu", compute_type=COMPUTE_TYPE, cpu_threads=cpu_threads,
                            local_files_only=True)
    except (RuntimeError, ValueError, OSError) as exc:
        log.warning("Loading the offline model in %s failed: %s", folder, exc, exc_info=True)
        raise LocalTranscriptionFailed(
            f"The offline speech model in {folder} cannot be loaded: reinstall the offline pack (pip install "
            f"'speakcheck-desktop[offline]'). Your recordings are kept.") from None
