"""Calling an OpenAI-compatible API: the client, the retry rule, and errors in plain words.

The SDK's own retries are switched off (`max_retries=0`) because it would also retry a 429 that
means "no credit left", which no retry can fix. Here: bounded retries with exponential back-off
and jitter for timeouts, connection failures, 408, 409, 429 (honouring `retry-after`) and 5xx;
none for 401, 403, 404, other 4xx, quota exhaustion, refusals and answers that do not fit.
The API key never appears in a message or a log line.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.ai_timing import duration_text
from speakcheck_desktop.core.errors import UserFacingError

if TYPE_CHECKING:
    # The SDK is imported where a request is made, not here: importing it takes ~0.5 s (its
    # hundreds of types), and the window's first screen makes no request (issue 20, start-up).
    import openai

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_AFTER_CAP_S = 60.0


class AssessError(UserFacingError):
    """An assessment step failed; the message says why and what to do. `retryable`: it may work
    later by itself (network, busy server). `server_busy_s`: after a request that timed out, how
    long the server may still be working on it; nothing is sent to it again before then."""
    retryable = False
    server_busy_s = 0.0


class ServiceUnavailable(AssessError):
    retryable = True


class KeyRejected(AssessError):
    pass


class AccessDenied(AssessError):
    pass


class WrongModelOrAddress(AssessError):
    pass


class QuotaExhausted(AssessError):
    pass


class RequestRejected(AssessError):
    pass


class ModelRefused(AssessError):
    pass


class MalformedAnswer(AssessError):
    pass


class Cancelled(AssessError):
    """The person stopped waiting. The request may still run on the server for a while."""
    retryable = True


@dataclass(frozen=True)
class Endpoint:
    """Where one kind of call goes: OpenAI or any compatible server."""
    base_url: str | None  # None: OpenAI itself
    model: str
    api_key: str | None
    timeout_s: float = 120.0
    retries: int = 2

    @property
    def provider(self) -> str:
        return "openai" if not self.base_url or "api.openai.com" in self.base_url else "openai-compatible"

    def client(self) -> openai.OpenAI:
        import openai
        # Local servers usually need no key, but the SDK insists on one.
        return openai.OpenAI(api_key=self.api_key or "not-needed", base_url=self.base_url,
                             timeout=self.timeout_s, max_retries=0)

    def clean(self, text: str) -> str:
        return text.replace(self.api_key, "***") if self.api_key else text


def call_with_retries(endpoint: Endpoint, what: str, call: Callable[[], T], *,
                      sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None,
                      timeout_s: float | None = None, retry_timeouts: bool = True,
                      cancel: threading.Event | None = None) -> T:
    """Run `call` (one API request), retrying what may pass; raise an AssessError otherwise.
    `what` names the step for messages ("transcription", "evaluation"); `timeout_s` is the
    request's own timeout when it is not the endpoint's. With `retry_timeouts` False a request
    that timed out is not sent again here: the server may still be busy with it (an upload of a
    long recording), and a second copy would only queue behind the first. `cancel`, when set,
    stops the wait at once (Cancelled)."""
    import openai
    rng = rng or random.Random()
    timeout_s = timeout_s or endpoint.timeout_s
    for attempt in range(endpoint.retries + 1):
        if cancel is not None and cancel.is_set():
            raise _cancelled(what, 0.0)
        try:
            return call() if cancel is None else _cancellable(call, cancel, what, timeout_s)
        except openai.APIError as exc:
            error, wait = _classify(endpoint, what, exc, timeout_s)
            # A gateway that gave up waiting (408, 504) leaves the server at work just as a timeout does.
            timed_out = isinstance(exc, openai.APITimeoutError) or getattr(exc, "status_code", None) in (408, 504)
        if timed_out:
            error.server_busy_s = timeout_s
        if not error.retryable or attempt == endpoint.retries or (timed_out and not retry_timeouts):
            raise error
        delay = wait if wait is not None else min(30.0, 2.0 ** attempt) * (0.5 + rng.random() / 2)
        log.info("%s: %s; retrying in %.1f s", what, error, delay)
        if cancel is not None:
            if cancel.wait(delay):
                raise _cancelled(what, 0.0)
        else:
            sleep(delay)
    raise AssertionError("unreachable")


def _cancellable(call: Callable[[], T], cancel: threading.Event, what: str, timeout_s: float) -> T:
    """Run `call` in a thread of its own and wait for it or for `cancel`. An HTTP request cannot be
    interrupted from outside (closing its client does not wake a blocked read), so on cancel the
    request is left to finish or time out by itself and its answer is dropped."""
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the waiting thread, which raises it
            outcome["error"] = exc
        finally:
            done.set()
    threading.Thread(target=run, name=f"{what}-request", daemon=True).start()
    while not done.wait(0.1):
        if cancel.is_set():
            raise _cancelled(what, timeout_s)  # the server may go on with it until then
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _cancelled(what: str, server_busy_s: float) -> Cancelled:
    error = Cancelled(f"The {what} was cancelled; your recording is kept.")
    error.server_busy_s = server_busy_s
    return error


def _classify(endpoint: Endpoint, what: str, exc: openai.APIError,
              timeout_s: float) -> tuple[AssessError, float | None]:
    import openai
    server = endpoint.base_url or "OpenAI"
    detail = endpoint.clean(_message(exc))
    if isinstance(exc, openai.APITimeoutError):
        return ServiceUnavailable(f"The {what} service at {server} did not answer within {duration_text(timeout_s)}. "
                                  f"It will be tried again; your recording is kept."), None
    if isinstance(exc, openai.APIConnectionError):
        return ServiceUnavailable(f"The {what} service at {server} cannot be reached (offline?). "
                                  f"It will be tried again when the connection is back; your recording is kept."), None
    status = getattr(exc, "status_code", None)
    code = _error_code(exc)
    if status == 429 and code == "insufficient_quota":
        return QuotaExhausted(f"The account behind the API key has no credit left for the {what} ({detail}). "
                              f"Add credit or use another key; your recording is kept."), None
    if status in (408, 409, 429) or (status is not None and status >= 500):
        return ServiceUnavailable(f"The {what} service is busy or failing (HTTP {status}: {detail}). "
                                  f"It will be tried again; your recording is kept."), _retry_after(exc)
    if status == 401:
        return KeyRejected(f"The {what} service refused the API key. Check the key in the settings "
                           f"(or OPENAI_API_KEY); your recording is kept."), None
    if status == 403:
        return AccessDenied(f"The API key may not use {endpoint.model} for the {what} ({detail})."), None
    if status == 404:
        return WrongModelOrAddress(f"The {what} model \u201c{endpoint.model}\u201d or the server address {server} "
                                   f"is wrong ({detail}). Check both in the settings."), None
    return RequestRejected(f"The {what} service refused the request (HTTP {status}: {detail})."), None


def _message(exc: openai.APIError) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:300]
        if isinstance(inner, str):
            return inner[:300]
    return str(getattr(exc, "message", exc))[:300]


def _error_code(exc: openai.APIError) -> str | None:
    code = getattr(exc, "code", None)
    if code:
        return str(code)
    body = getattr(exc, "body", None)
    inner = body.get("error", body) if isinstance(body, dict) else None
    if isinstance(inner, dict):
        return inner.get("code") or inner.get("type")
    return None


def _retry_after(exc: openai.APIError) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        seconds = when.timestamp() - time.time() if when else 0.0
    return max(0.0, min(RETRY_AFTER_CAP_S, seconds))


def endpoints(settings: Settings, api_key: str | None) -> tuple[Endpoint, Endpoint]:
    """(transcription, evaluation) endpoints as the settings describe them."""
    def endpoint(base_url: str | None, model: str) -> Endpoint:
        return Endpoint(base_url, model, api_key, timeout_s=settings.ai_timeout_s, retries=settings.ai_retries)
    return (endpoint(settings.transcribe_base_url, settings.transcribe_model),
            endpoint(settings.evaluate_base_url, settings.evaluate_model))
