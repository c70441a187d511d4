"""`speakcheck transcribe` and `speakcheck assess` on recordings that already exist, run as a
person runs them (a subprocess, tests/cli_rig.py), with the real local recogniser and, for the
level, the test AI server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speakcheck_desktop.core.records import EventType
from tests.answers import GOOD, SENTENCES, make_answer
from tests.cli_rig import speakcheck, store_in
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
from tests.transcript_checks import word_error_rate


@pytest.fixture(scope="module")
def answer(tmp_path_factory):
    return make_answer(tmp_path_factory.mktemp("cli"), SENTENCES * 2, [0.5, 0.8, 0.4, 0.7] * 3 + [0.5] * 3)


@pytest.fixture
def offline_env(cli_env):
    env = {k: v for k, v in cli_env.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    return {**env, "SPEAKCHECK_AI_RETRIES": "0", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def test_transcribe_local_json_gives_the_words_and_their_times(offline_env, answer):
    done = speakcheck(offline_env, "transcribe", str(answer.path), "--local", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["provider"], result["model"]) == ("local", "faster-whisper tiny.en int8")
    assert word_error_rate(answer.text, result["text"]) <= 0.15
    assert abs(result["duration_s"] - answer.duration_s) < 0.05
    words = result["words"]
    assert len(words) >= 0.85 * len(answer.text.split())
    assert all(0 <= w["start"] <= w["end"] <= answer.duration_s + 0.1 for w in words)
    with store_in(offline_env) as store:
        assert store.list_sessions().items == []  # transcribe stores nothing


def test_assess_stores_a_session_like_any_other(offline_env, answer, fake_openai):
    env = {**offline_env, "SPEAKCHECK_EVALUATE_BASE_URL": fake_openai.base_url}
    fake_openai.script(CHAT, chat_reply(GOOD))
    done = speakcheck(env, "assess", str(answer.path), "--level", "B1", "--local")
    assert done.returncode == 0, done.stderr
    assert "B1 (confidence" in done.stdout and fake_openai.requests_to(TRANSCRIPTIONS) == []
    with store_in(env) as store:
        [summary] = store.list_sessions().items
        detail = store.get_session_detail(summary.session.id)
    assert summary.session.status.value == "completed" and summary.result_level.value == "B1"
    [recording] = detail.recordings
    assert recording.file_url != str(answer.path)  # the app's own copy, in its recordings folder
    assert [e.type for e in detail.events] == [EventType.START, EventType.RECORD_STOP, EventType.TRANSCRIBE,
                                               EventType.EVALUATE]
    assert detail.transcripts[0].provider == "local"


def test_assess_without_an_evaluation_service_keeps_it_measured_and_waiting(offline_env, answer):
    done = speakcheck(offline_env, "assess", str(answer.path), "--level", "B1", "--local")
    assert done.returncode == 0, done.stderr
    assert "Measured on this computer: transcript, fluency, vocabulary." in done.stdout
    with store_in(offline_env) as store:
        assert len(store.pending_evaluations()) == 1  # the app evaluates it once a service is set up


def test_a_file_that_is_not_audio_is_one_sentence(offline_env, tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio at all")
    for args in (("transcribe", str(bad), "--local"), ("assess", str(bad), "--level", "B1", "--local")):
        done = speakcheck(offline_env, *args)
        assert done.returncode == 1
        assert done.stderr.startswith("speakcheck: notes.wav:") and "Traceback" not in done.stderr
    with store_in(offline_env) as store:
        assert store.list_sessions().items == []  # nothing half-stored


def test_an_unknown_task_names_the_known_ones(offline_env, answer):
    done = speakcheck(offline_env, "assess", str(answer.path), "--level", "A2", "--task", "nope", "--local")
    assert done.returncode == 1 and "There is no task 'nope'; the A2 tasks are:" in done.stderr


def test_a_recording_that_cannot_be_copied_in_is_one_sentence_and_leaves_no_open_session(offline_env, answer):
    data = Path(offline_env["SPEAKCHECK_DATA_DIR"])
    with store_in(offline_env):
        pass  # the store exists; its recordings folder cannot be made: a file stands in its place
    (data / "recordings").write_text("not a folder")
    done = speakcheck(offline_env, "assess", str(answer.path), "--level", "B1", "--local")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("speakcheck: answer.wav could not be copied into") and "unchanged" in done.stderr
    with store_in(offline_env) as store:
        [summary] = store.list_sessions().items
    assert summary.session.status.value == "abandoned" and answer.path.exists()
