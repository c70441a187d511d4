"""Which transcriber and evaluator the settings, the key and the offline pack make
(assess/assessment_setup.py), and the settings that choose them (config.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from speakcheck_desktop.assess.assessment_setup import assessment_setup
from speakcheck_desktop.assess.local_transcriber import LocalTranscriber
from speakcheck_desktop.assess.transcriber import Transcriber
from speakcheck_desktop.config import ConfigError, TranscribeWith, load_settings, save_settings_file

SERVER = "http://127.0.0.1:8000/v1"


def settings(tmp_path: Path, **env: str):
    return load_settings(env={"SPEAKCHECK_DATA_DIR": str(tmp_path), **env}, settings_file=tmp_path / "none.toml")


@pytest.mark.parametrize("env, key, offline, route, evaluates", [
    ({}, None, True, TranscribeWith.LOCAL, False),  # nothing set up: this computer, the level waits
    ({}, None, False, None, False),  # nor the offline pack: nothing can transcribe
    ({}, "sk-x", True, TranscribeWith.OPENAI, True),  # a key: OpenAI for both
    ({"SPEAKCHECK_TRANSCRIBE_BASE_URL": SERVER}, None, True, TranscribeWith.SERVER, False),
    ({"SPEAKCHECK_EVALUATE_BASE_URL": SERVER}, None, True, TranscribeWith.LOCAL, True),  # an Ollama, no key
    ({"OPENAI_BASE_URL": SERVER}, None, True, TranscribeWith.SERVER, True),
    ({"SPEAKCHECK_TRANSCRIBE_WITH": "local"}, "sk-x", True, TranscribeWith.LOCAL, True),  # chosen: audio stays here
    ({"SPEAKCHECK_TRANSCRIBE_WITH": "openai"}, None, True, None, False),  # OpenAI chosen, no key yet: waits
])
def test_the_route_follows_what_is_set_up(tmp_path, env, key, offline, route, evaluates):
    setup = assessment_setup(settings(tmp_path, **env), key, offline=offline)
    assert (setup.transcribe_with, setup.can_evaluate) == (route, evaluates)
    transcriber = setup.transcriber()
    expected = {TranscribeWith.LOCAL: LocalTranscriber, None: type(None)}.get(route, Transcriber)
    assert isinstance(transcriber, expected)
    assert (setup.evaluator() is not None) is evaluates


def test_openai_chosen_goes_to_openai_even_with_a_shared_base_url(tmp_path):
    setup = assessment_setup(settings(tmp_path, SPEAKCHECK_TRANSCRIBE_WITH="openai", OPENAI_BASE_URL=SERVER), "sk-x")
    assert setup.speech.base_url is None and setup.speech.provider == "openai"
    assert setup.chat.base_url == SERVER


def test_command_line_local_wins_over_the_settings(tmp_path):
    setup = assessment_setup(settings(tmp_path), "sk-x", forced=TranscribeWith.LOCAL)
    assert setup.local and isinstance(setup.transcriber(), LocalTranscriber)
    assert setup.transcriber().model == "faster-whisper tiny.en int8"
    base = assessment_setup(settings(tmp_path, SPEAKCHECK_LOCAL_MODEL="base"), None, offline=True)
    assert base.transcriber().model == "faster-whisper base int8"


@pytest.mark.parametrize("env, message", [
    ({"SPEAKCHECK_TRANSCRIBE_WITH": "here"}, 'SPEAKCHECK_TRANSCRIBE_WITH (transcribe_with in settings.toml) must be '
                                             '"openai" or "server" or "local", not \'here\''),
    ({"SPEAKCHECK_LOCAL_MODEL": "large"}, 'must be "tiny.en" or "base", not \'large\''),
    ({"SPEAKCHECK_TRANSCRIBE_WITH": "server"}, 'transcribe_with = "server" needs the server\'s address'),
])
def test_a_wrong_choice_is_one_sentence(tmp_path, env, message):
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, **env)
    assert message in str(caught.value)


def test_saving_server_without_an_address_is_refused_before_the_file_is_written(tmp_path, monkeypatch):
    for name in ("OPENAI_BASE_URL", "SPEAKCHECK_TRANSCRIBE_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "settings.toml"
    with pytest.raises(ConfigError, match="needs the server's address"):
        save_settings_file({"transcribe_with": "server"}, path)
    assert not path.exists()  # the next start would have refused it
    save_settings_file({"transcribe_with": "server", "transcribe_base_url": SERVER}, path)
    assert load_settings(env={}, settings_file=path).transcribe_with is TranscribeWith.SERVER
