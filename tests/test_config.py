"""Settings: environment over settings file over defaults; bad values give one line naming the
setting; passwords never appear in messages."""

from pathlib import Path

import pytest

from speakcheck_desktop.config import ConfigError, check_mongodb_uri, load_settings, redact, redact_uri


def test_defaults(tmp_path):
    settings = load_settings(env={}, settings_file=tmp_path / "none.toml")
    assert settings.mongodb_uri == "mongodb://localhost:27017"
    assert settings.mongodb_db == "speak_check"
    assert settings.data_dir.is_absolute() and "speakcheck" in str(settings.data_dir)
    assert settings.database_path == settings.data_dir / "speakcheck.db"


def test_environment_beats_settings_file_beats_defaults(tmp_path):
    file = tmp_path / "settings.toml"
    file.write_text('mongodb_uri = "mongodb://centre.example:27017"\nmongodb_db = "centre"\ndata_dir = "/srv/kiosk"\n')
    from_file = load_settings(env={}, settings_file=file)
    assert (from_file.mongodb_uri, from_file.mongodb_db, from_file.data_dir) == (
        "mongodb://centre.example:27017", "centre", Path("/srv/kiosk"))
    from_env = load_settings(env={"MONGODB_URI": "mongodb://other:1", "SPEAKCHECK_DATA_DIR": str(tmp_path / "d")},
                             settings_file=file)
    assert from_env.mongodb_uri == "mongodb://other:1" and from_env.mongodb_db == "centre"
    assert from_env.data_dir == tmp_path / "d"


@pytest.mark.parametrize("uri", [
    "http://localhost:27017", "mongodb://", "mongodb://host:99999", "mongodb://user:pa:ss@host",
    "mongodb://h/?serverSelectionTimeoutMS=soon", "mongodb+srv://cluster0.example.net:27017",
])
def test_a_malformed_uri_gives_one_line_naming_the_setting(tmp_path, uri):
    with pytest.raises(ConfigError) as info:
        load_settings(env={"MONGODB_URI": uri}, settings_file=tmp_path / "none.toml")
    message = str(info.value)
    assert message.startswith("MONGODB_URI is not a valid MongoDB connection string")
    assert "\n" not in message


def test_an_atlas_uri_is_accepted_without_the_network():
    check_mongodb_uri("mongodb+srv://app:secret@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority")


def test_passwords_are_redacted():
    uri = "mongodb://kiosk:p%40ss-w0rd@db.centre:27017/speak_check"
    assert redact_uri(uri) == "mongodb://kiosk:***@db.centre:27017/speak_check"
    assert redact("auth failed for p@ss-w0rd and p%40ss-w0rd", uri) == "auth failed for *** and ***"


@pytest.mark.parametrize("env, setting", [
    ({"MONGODB_DB": "speak.check"}, "MONGODB_DB"),
    ({"SPEAKCHECK_MONGODB_TIMEOUT_S": "soon"}, "SPEAKCHECK_MONGODB_TIMEOUT_S"),
])
def test_other_bad_settings_name_themselves(tmp_path, env, setting):
    with pytest.raises(ConfigError, match=setting):
        load_settings(env=env, settings_file=tmp_path / "none.toml")


def test_an_unreadable_settings_file_is_named(tmp_path):
    file = tmp_path / "settings.toml"
    file.write_text("mongodb_uri = ")
    with pytest.raises(ConfigError, match=str(file)):
        load_settings(env={}, settings_file=file)


def test_ai_endpoints_can_point_at_local_servers_separately(tmp_path):
    from speakcheck_desktop.assess.api import endpoints
    settings = load_settings(env={"OPENAI_BASE_URL": "http://gpu-box:8000/v1",
                                  "SPEAKCHECK_EVALUATE_BASE_URL": "http://localhost:11434/v1",
                                  "SPEAKCHECK_EVALUATE_MODEL": "llama3.1", "SPEAKCHECK_AI_RETRIES": "4"},
                             settings_file=tmp_path / "none.toml")
    speech, chat = endpoints(settings, None)
    assert (speech.base_url, speech.model, speech.provider) == ("http://gpu-box:8000/v1", "whisper-1", "openai-compatible")
    assert (chat.base_url, chat.model, chat.retries) == ("http://localhost:11434/v1", "llama3.1", 4)
    default_speech, _ = endpoints(load_settings(env={}, settings_file=tmp_path / "none.toml"), "sk-x")
    assert default_speech.base_url is None and default_speech.provider == "openai"
    with pytest.raises(ConfigError, match="SPEAKCHECK_TRANSCRIBE_BASE_URL"):
        load_settings(env={"SPEAKCHECK_TRANSCRIBE_BASE_URL": "localhost:8000"}, settings_file=tmp_path / "none.toml")


def test_the_api_key_comes_from_the_environment_first():
    from speakcheck_desktop.assess.credentials import api_key
    assert api_key({"OPENAI_API_KEY": "sk-env"}) == "sk-env"
