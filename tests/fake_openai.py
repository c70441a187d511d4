"""An OpenAI-compatible HTTP server for tests: real HTTP on localhost, scripted answers and
injected faults, and a record of every request the app sent. The app talks to it with the real
`openai` SDK, pointed here by `base_url`."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TRANSCRIPTIONS = "/v1/audio/transcriptions"
CHAT = "/v1/chat/completions"


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict/list -> JSON; str/bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before answering (a hang, when longer than the client's timeout)


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    json: Any = None
    form: dict[str, Any] = field(default_factory=dict)  # multipart fields; files as (filename, bytes)
    received_at: float = field(default_factory=time.monotonic)  # when its body had arrived


def error(status: int, message: str, type_: str = "invalid_request_error", code: str | None = None,
          headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, {"error": {"message": message, "type": type_, "code": code, "param": None}}, headers or {})


def chat_reply(content: dict | str | None, model: str = "gpt-4o-mini", refusal: str | None = None,
               finish_reason: str = "stop") -> Reply:
    text = json.dumps(content) if isinstance(content, dict) else content
    return Reply(200, {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1764000000, "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None,
                     "message": {"role": "assistant", "content": text, "refusal": refusal}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})


def verbose_transcription(text: str, words: list[tuple[str, float, float]], duration: float, *,
                          language: str = "english", no_speech_prob: float = 0.01, avg_logprob: float = -0.15) -> Reply:
    """A `verbose_json` answer with one segment per sentence, built from timed words."""
    segments, current = [], []
    for word in words:
        current.append(word)
        if word[0].rstrip().endswith((".", "?", "!")) or word is words[-1]:
            segments.append(current)
            current = []
    return Reply(200, {
        "task": "transcribe", "language": language, "duration": duration, "text": text,
        "words": [{"word": w, "start": s, "end": e} for w, s, e in words],
        "segments": [{"id": i, "seek": 0, "start": seg[0][1], "end": seg[-1][2],
                      "text": " " + " ".join(w for w, _, _ in seg), "tokens": [], "temperature": 0.0,
                      "avg_logprob": avg_logprob, "compression_ratio": 1.2, "no_speech_prob": no_speech_prob}
                     for i, seg in enumerate(segments)]})


class FakeOpenAI:
    def __init__(self, port: int = 0):
        self.port = port
        self.requests: list[Request] = []
        self._scripts: dict[str, deque[Reply]] = {TRANSCRIPTIONS: deque(), CHAT: deque()}
        self.defaults: dict[str, Reply] = {}
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, path: str, *replies: Reply) -> None:
        """Answer the next requests to `path` with these, in order (then the default)."""
        self._scripts[path].extend(replies)

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                ctype = self.headers.get("Content-Type", "")
                if ctype.startswith("application/json"):
                    request.json = json.loads(raw)
                elif ctype.startswith("multipart/form-data"):
                    request.form = parse_multipart(ctype, raw)
                fake.requests.append(request)
                queue = fake._scripts.get(self.path)
                reply = queue.popleft() if queue else fake.defaults.get(self.path, error(404, f"no route {self.path}"))
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                body = reply.body
                data = (body if isinstance(body, bytes) else body.encode() if isinstance(body, str)
                        else json.dumps(body).encode())
                try:
                    self.send_response(reply.status)
                    content_type = "application/json" if not isinstance(body, (str, bytes)) else "text/plain"
                    self.send_header("Content-Type", reply.headers.get("Content-Type", content_type))
                    for key, value in reply.headers.items():
                        if key != "Content-Type":
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            do_GET = do_POST  # GET /v1/models and /v1/models/{id}: answered from `defaults` (serve_models)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="fake-openai", daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """A multipart/form-data body as {field: value}; files as (filename, bytes); a repeated field
    (timestamp_granularities[]) as a list. Raises ValueError when the body is not multipart."""
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    if not message.is_multipart():
        raise ValueError("the multipart body could not be parsed")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        value: Any = (filename, payload) if filename is not None else payload.decode(errors="replace")
        if name in fields:  # repeated fields, e.g. timestamp_granularities[]
            fields[name] = [*fields[name], value] if isinstance(fields[name], list) else [fields[name], value]
        else:
            fields[name] = value
    return fields


# -- the models routes (GET), for connection checks ----------------------------------------------

MODELS = "/v1/models"


def model_entry(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": 1764000000, "owned_by": "fake-openai"}


def model_routes(*model_ids: str) -> list[str]:
    """The list route and one route per model: where `serve_models` and `answer_models` answer."""
    return [MODELS, *(f"{MODELS}/{m}" for m in model_ids)]


def serve_models(fake: FakeOpenAI, *model_ids: str) -> None:
    """GET /v1/models lists these models and GET /v1/models/{id} answers for each (another id: 404)."""
    fake.defaults[MODELS] = Reply(200, {"object": "list", "data": [model_entry(m) for m in model_ids]})
    for model_id in model_ids:
        fake.defaults[f"{MODELS}/{model_id}"] = Reply(200, model_entry(model_id))


def answer_models(fake: FakeOpenAI, reply: Reply, *model_ids: str) -> None:
    """Every models route (the list, and these models') answers `reply`: a fault for all of them."""
    for path in model_routes(*model_ids):
        fake.defaults[path] = reply


KEY_REFUSED = error(401, "Incorrect API key provided: sk-te*****ey. You can find your API key at "
                         "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key")
QUOTA_GONE = error(429, "You exceeded your current quota, please check your plan and billing details.",
                   "insufficient_quota", "insufficient_quota")
