"""Settings: environment over settings file over defaults; bad values give one line naming the
setting; passwords never appear in messages."""

import os
import re
import socket
import subprocess
import sys
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
    assert message.startswith("MONGODB_URI (mongodb_uri in settings.toml) must be a MongoDB connection string")
    assert "\n" not in message


def test_an_atlas_uri_is_accepted_without_the_network(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("no DNS here")
    monkeypatch.setattr(socket, "getaddrinfo", no_network)  # resolving the SRV record would fail loudly
    uri = "mongodb+srv://app:secret@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority"
    assert load_settings(env={"MONGODB_URI": uri}, settings_file=tmp_path / "none.toml").mongodb_uri == uri
    # The SRV form's own rules still hold: one host, no port.
    with pytest.raises(ConfigError, match="names exactly one host and no port"):
        check_mongodb_uri("mongodb+srv://app:secret@cluster0.abcde.mongodb.net:27017/")


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
    assert (speech.base_url, speech.model, speech.provider) == (
        "http://gpu-box:8000/v1", "whisper-1", "openai-compatible")
    assert (chat.base_url, chat.model, chat.retries) == ("http://localhost:11434/v1", "llama3.1", 4)
    default_speech, _ = endpoints(load_settings(env={}, settings_file=tmp_path / "none.toml"), "sk-x")
    assert default_speech.base_url is None and default_speech.provider == "openai"
    with pytest.raises(ConfigError, match="SPEAKCHECK_TRANSCRIBE_BASE_URL"):
        load_settings(env={"SPEAKCHECK_TRANSCRIBE_BASE_URL": "localhost:8000"}, settings_file=tmp_path / "none.toml")


def test_the_api_key_comes_from_the_environment_first():
    from speakcheck_desktop.assess.credentials import api_key
    assert api_key({"OPENAI_API_KEY": "sk-env"}) == "sk-env"


# --- Wrong settings are refused: one line naming the setting (and the file), nothing created ---

# settings.toml key -> its environment variable, written out here independently of config.py.
ENV_OF_KEY = {
    "mongodb_uri": "MONGODB_URI", "mongodb_db": "MONGODB_DB", "data_dir": "SPEAKCHECK_DATA_DIR",
    "mongodb_timeout_s": "SPEAKCHECK_MONGODB_TIMEOUT_S", "transcribe_base_url": "SPEAKCHECK_TRANSCRIBE_BASE_URL",
    "transcribe_model": "SPEAKCHECK_TRANSCRIBE_MODEL", "evaluate_base_url": "SPEAKCHECK_EVALUATE_BASE_URL",
    "evaluate_model": "SPEAKCHECK_EVALUATE_MODEL", "ai_timeout_s": "SPEAKCHECK_AI_TIMEOUT_S",
    "ai_retries": "SPEAKCHECK_AI_RETRIES", "audio_storage": "SPEAKCHECK_AUDIO_STORAGE",
    "openai_base_url": "OPENAI_BASE_URL",
}


def files_under(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def refusal(tmp_path, monkeypatch, content: str | bytes, env: dict | None = None) -> tuple[Path, str]:
    """Load settings from a file holding `content`, started from `tmp_path`; the one-line refusal."""
    file = tmp_path / "settings.toml"
    file.write_bytes(content if isinstance(content, bytes) else content.encode())
    monkeypatch.chdir(tmp_path)  # a relative data dir would land here
    before = files_under(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_settings(env=env or {}, settings_file=file)
    assert files_under(tmp_path) == before, "nothing may be created when settings are refused"
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    assert "Traceback" not in message and "hunter2" not in message
    return file, message


BAD_FILE_VALUES = [
    # the wrong TOML type, one or more per key
    ("mongodb_uri = 27017", "mongodb_uri", "written in quotes, not a whole number"),
    ('mongodb_uri = ["mongodb://kiosk:hunter2@db:27017"]', "mongodb_uri", "not a list"),
    ('mongodb_db = ["x"]', "mongodb_db", "not a list"),
    ("mongodb_db = 1979-05-27", "mongodb_db", "not a date or time"),
    ("data_dir = 5", "data_dir", "not a whole number"),
    ('data_dir = ["/srv"]', "data_dir", "not a list"),
    ('mongodb_timeout_s = "5"', "mongodb_timeout_s", "written without quotes"),
    ("mongodb_timeout_s = true", "mongodb_timeout_s", "not true/false"),
    ("transcribe_base_url = true", "transcribe_base_url", "not true/false"),
    ("transcribe_model = 1", "transcribe_model", "not a whole number"),
    ("evaluate_base_url = 8000", "evaluate_base_url", "not a whole number"),
    ('evaluate_model = {name = "llama3.1"}', "evaluate_model", "not a table"),
    ('ai_timeout_s = "120"', "ai_timeout_s", "not a string"),
    ('ai_retries = "2"', "ai_retries", "not a string"),
    ("ai_retries = 2.5", "ai_retries", "not a number with a decimal point"),
    ("ai_retries = false", "ai_retries", "not true/false"),
    ("audio_storage = 1", "audio_storage", "not a whole number"),
    ('openai_base_url = ["http://gpu-box:8000/v1"]', "openai_base_url", "not a list"),
    # the right type, a value that cannot work
    ('data_dir = "data"', "data_dir", "absolute"),
    ('data_dir = "./speakcheck"', "data_dir", "absolute"),
    ('data_dir = ""', "data_dir", "absolute"),
    ("mongodb_timeout_s = 0", "mongodb_timeout_s", "from 0.05 to 120"),
    ("mongodb_timeout_s = nan", "mongodb_timeout_s", "from 0.05 to 120"),
    ("ai_timeout_s = 601", "ai_timeout_s", "from 1 to 600"),
    ("ai_retries = -1", "ai_retries", "from 0 to 10"),
    ('transcribe_model = ""', "transcribe_model", "model name"),
    ('mongodb_db = "speak.check"', "mongodb_db", "database name"),
    ('mongodb_uri = "http://db:27017"', "mongodb_uri", "MongoDB connection string"),
    ('mongodb_uri = "mongodb://kiosk:hunter2@db:99999"', "mongodb_uri", "MongoDB connection string"),
    ('transcribe_base_url = "localhost:8000"', "transcribe_base_url", "http:// or https://"),
    ('evaluate_base_url = "ftp://x"', "evaluate_base_url", "http:// or https://"),
    ('openai_base_url = "gpu-box:8000"', "openai_base_url", "http:// or https://"),
    ('audio_storage = "cloud"', "audio_storage", '"local" or "gridfs"'),
]


@pytest.mark.parametrize("content, key, says", BAD_FILE_VALUES, ids=[c for c, _, _ in BAD_FILE_VALUES])
def test_a_wrong_value_in_the_file_names_key_variable_and_file(tmp_path, monkeypatch, content, key, says):
    file, message = refusal(tmp_path, monkeypatch, "# SpeakCheck Desktop settings\n" + content + "\n")
    assert message.startswith(f"{file}: {key} (or {ENV_OF_KEY[key]} in the environment) must be "), message
    assert says in message
    assert content not in message  # the file's line is not quoted back


@pytest.mark.parametrize("content, says", [
    (b'mongodb_db = "centre"\ndata_dir = "/srv/caf\xe9"\n', "is not UTF-8 text (line 2, column 21); save it as UTF-8"),
    (b"\xff\xfem\x00o\x00", "is not UTF-8 text (line 1, column 1)"),  # UTF-16, as some Windows editors save
    ('mongodb_db = "centre"\nmongodb_uri = \n', "is not valid TOML (at line 2, column 15)"),
    ('mongodb_db = "a"\nmongodb_db = "b"\n', "is not valid TOML (at line 2, column 17)"),
    ('transcribe_model = "whisper\n', "is not valid TOML (at line 1, column 28)"),
])
def test_a_file_that_is_not_utf8_or_not_toml_says_where(tmp_path, monkeypatch, content, says):
    file, message = refusal(tmp_path, monkeypatch, content)
    assert message.startswith(f"The settings file {file} {says}"), message
    assert "whisper" not in message and "centre" not in message and "utf-8' codec" not in message


@pytest.mark.parametrize("content, unknown, hint", [
    ('mongodb_url = "mongodb://db:27017"', "'mongodb_url'", "did you mean mongodb_uri?"),
    ('[mongodb]\nuri = "mongodb://db:27017"', "'mongodb'", ""),
    ("ai_retry = 3\nfoo = 1", "'ai_retry' (did you mean ai_retries?), 'foo'", ""),
])
def test_an_unknown_key_is_refused_with_the_known_ones(tmp_path, monkeypatch, content, unknown, hint):
    file, message = refusal(tmp_path, monkeypatch, content + "\n")
    assert message.startswith(f"{file}: unknown key"), message
    assert unknown in message and hint in message
    assert all(key in message for key in ENV_OF_KEY)


@pytest.mark.parametrize("env, key", [
    ({"SPEAKCHECK_DATA_DIR": "data"}, "data_dir"),
    ({"SPEAKCHECK_DATA_DIR": "./speakcheck"}, "data_dir"),
    ({"SPEAKCHECK_AI_RETRIES": "2.5"}, "ai_retries"),
    ({"SPEAKCHECK_AI_RETRIES": "many"}, "ai_retries"),
    ({"SPEAKCHECK_AI_TIMEOUT_S": "0"}, "ai_timeout_s"),
    ({"SPEAKCHECK_MONGODB_TIMEOUT_S": "soon"}, "mongodb_timeout_s"),
    ({"SPEAKCHECK_MONGODB_TIMEOUT_S": "nan"}, "mongodb_timeout_s"),
    ({"MONGODB_DB": "speak.check"}, "mongodb_db"),
    ({"MONGODB_URI": "mongodb://kiosk:hunter2@db:99999"}, "mongodb_uri"),
    ({"OPENAI_BASE_URL": "gpu-box:8000"}, "openai_base_url"),
    ({"SPEAKCHECK_TRANSCRIBE_BASE_URL": "localhost:8000"}, "transcribe_base_url"),
    ({"SPEAKCHECK_EVALUATE_MODEL": "  "}, "evaluate_model"),
    ({"SPEAKCHECK_AUDIO_STORAGE": "cloud"}, "audio_storage"),
])
def test_a_wrong_environment_variable_names_itself_and_its_key(tmp_path, monkeypatch, env, key):
    (tmp_path / "cfg").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_settings(env=env, settings_file=tmp_path / "cfg" / "none.toml")
    message = str(info.value)
    assert message.startswith(f"{ENV_OF_KEY[key]} ({key} in settings.toml) must be "), message
    assert "\n" not in message and "hunter2" not in message and "settings.toml:" not in message
    assert list(tmp_path.iterdir()) == [tmp_path / "cfg"]


def test_a_wrong_value_in_the_file_is_refused_even_when_the_environment_overrides_it(tmp_path, monkeypatch):
    file, message = refusal(tmp_path, monkeypatch, 'mongodb_timeout_s = "5"\n',
                            env={"SPEAKCHECK_MONGODB_TIMEOUT_S": "1"})
    assert message.startswith(f"{file}: mongodb_timeout_s ")


def test_values_of_the_right_type_are_accepted(tmp_path):
    file = tmp_path / "settings.toml"
    file.write_text('mongodb_timeout_s = 5\nai_timeout_s = 30.5\nai_retries = 0\ndata_dir = "~/speakcheck"\n'
                    'openai_base_url = "http://gpu-box:8000/v1"\ntranscribe_base_url = ""\naudio_storage = "gridfs"\n')
    settings = load_settings(env={}, settings_file=file)
    assert (settings.mongodb_timeout_s, settings.ai_timeout_s, settings.ai_retries) == (5.0, 30.5, 0)
    assert isinstance(settings.ai_retries, int) and isinstance(settings.mongodb_timeout_s, float)
    assert settings.data_dir == Path.home() / "speakcheck"
    assert settings.transcribe_base_url is None  # empty: OpenAI, as the dialog says
    assert settings.evaluate_base_url == "http://gpu-box:8000/v1" and settings.audio_storage == "gridfs"
    file.write_text("mongodb_timeout_s = 5.0\n")
    mixed = load_settings(env={"SPEAKCHECK_AI_RETRIES": "3", "SPEAKCHECK_AI_TIMEOUT_S": "7"}, settings_file=file)
    assert (mixed.mongodb_timeout_s, mixed.ai_retries, mixed.ai_timeout_s) == (5.0, 3, 7.0)


def test_what_the_settings_dialog_saves_loads_back_and_a_wrong_value_is_not_written(tmp_path):
    from speakcheck_desktop.config import SETTINGS, save_settings_file
    from speakcheck_desktop.ui.settings_dialog import ENV_OF
    assert {key: SETTINGS[key].env for key in ENV_OF} == ENV_OF  # every key the dialog writes is known
    file = tmp_path / "cfg" / "settings.toml"
    save_settings_file({"mongodb_db": "centre", "transcribe_model": 'odd "name" \\ with\ttab',
                        "evaluate_base_url": "http://localhost:11434/v1", "mongodb_uri": ""}, file)
    settings = load_settings(env={}, settings_file=file)
    assert (settings.mongodb_db, settings.transcribe_model, settings.evaluate_base_url) == (
        "centre", 'odd "name" \\ with\ttab', "http://localhost:11434/v1")
    saved = file.read_bytes()
    for bad in ({"mongodb_db": "speak.check"}, {"mongodb_url": "mongodb://db"}, {"data_dir": "relative"}):
        with pytest.raises(ConfigError, match=re.escape(f"{file}: ") + f".*{next(iter(bad))}"):
            save_settings_file(bad, file)
        assert file.read_bytes() == saved and sorted(file.parent.iterdir()) == [file]
    with pytest.raises(ConfigError):
        save_settings_file({"mongodb_db": "speak.check"}, tmp_path / "new" / "settings.toml")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("content", [
    b"data_dir = 5\n", b'data_dir = "data"\n', b'mongodb_db = "caf\xe9"\n', b'mongodb_url = "mongodb://db"\n',
    b'mongodb_uri = "mongodb://kiosk:hunter2@db:99999"\n',
])
def test_speakcheck_status_with_wrong_settings_exits_2_with_one_line_and_creates_nothing(tmp_path, content):
    home, config, cwd = tmp_path / "home", tmp_path / "config", tmp_path / "cwd"
    for folder in (home, config, cwd):
        folder.mkdir()
    (config / "settings.toml").write_bytes(content)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SPEAKCHECK_", "MONGODB_", "OPENAI_", "XDG_"))}
    # HOME (and no XDG_*) in a temp dir, so that the default data dir and every other platformdirs
    # dir would land inside it, and the working dir too, where a relative data dir would land.
    env.update(HOME=str(home), SPEAKCHECK_CONFIG_DIR=str(config),
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    before = files_under(tmp_path)
    result = subprocess.run([sys.executable, "-c", "import sys; from speakcheck_desktop.cli import main; "
                             "sys.exit(main(['status']))"], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("speakcheck: ") and str(config / "settings.toml") in lines[0], lines
    assert "Traceback" not in result.stderr and "hunter2" not in result.stderr
    assert files_under(tmp_path) == before


def test_a_settings_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    file = tmp_path / "settings.toml"
    file.write_bytes("\ufeffmongodb_db = \"centre\"\n".encode("utf-8"))  # as Windows Notepad may save it
    assert load_settings(env={}, settings_file=file).mongodb_db == "centre"
