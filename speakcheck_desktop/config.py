"""Typed settings. Each value comes from an environment variable, else the settings file
(`settings.toml` in the platformdirs config dir), else a default. Secrets never live here.

`SETTINGS` is the schema: every key the file may hold, its environment variable, the TOML type it
must be written as, and what a value must be. A wrong value is refused with one line naming the
setting (and the file when it came from there), never repaired or ignored: a setting silently
turned into something else (`data_dir = 5` into ./5) is worse than one that stops the start."""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import platformdirs
from pymongo import uri_parser
from pymongo.errors import ConfigurationError, InvalidURI

APP_NAME = "speakcheck-desktop"
DEFAULT_MONGODB_URI = "mongodb://localhost:27017"
DEFAULT_MONGODB_DB = "speak_check"


class TranscribeWith(StrEnum):
    """Where answers are transcribed (`transcribe_with`). Unset: a transcription server when one
    is set, else OpenAI when there is a key, else this computer (when the offline pack is in), so
    a first run with nothing set up still gives a transcript."""
    OPENAI = "openai"
    SERVER = "server"  # the OpenAI-compatible server at transcribe_base_url
    LOCAL = "local"  # faster-whisper on this computer (assess/local_transcriber.py)


LOCAL_MODELS = ("tiny.en", "base")  # assess/offline_models.py: English-only and small, or multilingual
# The languages the windows can be shown in (resources/translations/speakcheck_<code>.ts); "" is
# the system's, when there is a translation for it, else English (ui/translations.py).
LANGUAGE_CODES = {"en": "English", "es": "Spanish", "pt_BR": "Brazilian Portuguese", "zh_CN": "Simplified Chinese"}
LANGUAGES = ("", *LANGUAGE_CODES)


class ConfigError(Exception):
    """A setting with a value that cannot work. The message is one line and names the setting."""


@dataclass(frozen=True)
class Settings:
    mongodb_uri: str = DEFAULT_MONGODB_URI
    mongodb_db: str = DEFAULT_MONGODB_DB
    data_dir: Path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    # How long to wait for MongoDB before calling it offline. Short, because the local store
    # carries on without it and sync simply tries again later.
    mongodb_timeout_s: float = 5.0
    # The AI services: OpenAI unless a base URL points at a compatible server (one each for speech
    # and for chat, so either can be local). The key is not a setting: see assess/credentials.py.
    transcribe_base_url: str | None = None
    transcribe_model: str = "whisper-1"
    evaluate_base_url: str | None = None
    evaluate_model: str = "gpt-4o-mini"
    transcribe_with: TranscribeWith | None = None  # None: chosen by what is set up (TranscribeWith)
    local_model: str = LOCAL_MODELS[0]
    ai_timeout_s: float = 120.0
    ai_retries: int = 2
    # Where recordings' audio lives: "local" (the file stays on this computer; `file_url` is its
    # path) or "gridfs" (uploaded to MongoDB GridFS through the sync). None: "gridfs" in kiosk
    # mode, "local" otherwise.
    audio_storage: str | None = None
    language: str = ""  # the windows' language, one of LANGUAGES ("": the system's); read at start

    @property
    def database_path(self) -> Path:
        return self.data_dir / "speakcheck.db"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"


class Kind(Enum):
    """How a value must be written in settings.toml (the value is the hint given when it is not).
    The file has types, so a number in quotes is refused there; environment variables are always
    text, so theirs are parsed."""
    TEXT = "in quotes"
    NUMBER = "without quotes, like 5 or 0.5"
    WHOLE_NUMBER = "without quotes, like 2"

    def of_toml(self, value: Any) -> bool:
        if isinstance(value, bool):  # TOML's true/false are Python ints: never a number here
            return False
        return isinstance(value, {Kind.TEXT: str, Kind.NUMBER: int | float, Kind.WHOLE_NUMBER: int}[self])

    def from_text(self, text: str) -> Any:
        """The environment's text as this kind; ValueError when it is not one."""
        return {Kind.TEXT: str, Kind.NUMBER: float, Kind.WHOLE_NUMBER: int}[self](text)


@dataclass(frozen=True)
class Setting:
    key: str  # in settings.toml, and the Settings field (openai_base_url only feeds the two base URLs)
    env: str  # the environment variable that overrides it
    kind: Kind
    allowed: str  # completes "<setting> must be ..."
    # Whether a value of the right kind can work; by default, whether the text is not blank.
    ok: Callable[[Any], bool] = lambda text: bool(text.strip())
    # What to say instead of quoting a value that is not ok: for one that may hold a password.
    instead: Callable[[Any], str] | None = None


def _number(key: str, env: str, kind: Kind, low: float, high: float, unit: str = "") -> Setting:
    noun = "a whole number" if kind is Kind.WHOLE_NUMBER else "a number"
    # math.isfinite: TOML and float() both accept nan and inf, which no timeout can be.
    return Setting(key, env, kind, f"{noun}{unit} from {low:g} to {high:g}",
                   lambda number: math.isfinite(number) and low <= number <= high)


def _http_url_or_empty(text: str) -> bool:
    return not text or text.startswith(("http://", "https://"))


def _absolute_dir(text: str) -> bool:
    # After expanding ~; a relative data dir would land wherever the app happened to be started.
    return Path(text).expanduser().is_absolute()


def _db_name_ok(name: str) -> bool:
    return 0 < len(name) <= 63 and not any(ch in '/\\. "$\0' for ch in name)


_URL = "an http:// or https:// address, like http://localhost:8000/v1"
_NAMED = [f'"{code}" ({name})' for code, name in LANGUAGE_CODES.items()]
_LANGUAGE_CHOICES = ", ".join(_NAMED[:-1]) + f" or {_NAMED[-1]}, or \"\" for the system's language"
SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("mongodb_uri", "MONGODB_URI", Kind.TEXT, f"a MongoDB connection string, like {DEFAULT_MONGODB_URI}",
            lambda uri: _mongodb_uri_problem(uri) is None, lambda uri: f"not this one ({_mongodb_uri_problem(uri)})"),
    Setting("mongodb_db", "MONGODB_DB", Kind.TEXT, 'a database name of 1-63 characters without / \\ . " $ or spaces',
            _db_name_ok),
    Setting("data_dir", "SPEAKCHECK_DATA_DIR", Kind.TEXT, "an absolute path or one starting with ~, like ~/speakcheck "
            "(a relative one would depend on the folder SpeakCheck was started from)", _absolute_dir),
    _number("mongodb_timeout_s", "SPEAKCHECK_MONGODB_TIMEOUT_S", Kind.NUMBER, 0.05, 120, " of seconds"),
    # An empty base URL means OpenAI, as the settings dialog says (and as it did before the schema).
    Setting("transcribe_base_url", "SPEAKCHECK_TRANSCRIBE_BASE_URL", Kind.TEXT, _URL, _http_url_or_empty),
    Setting("transcribe_model", "SPEAKCHECK_TRANSCRIBE_MODEL", Kind.TEXT, "a model name, like whisper-1"),
    Setting("evaluate_base_url", "SPEAKCHECK_EVALUATE_BASE_URL", Kind.TEXT, _URL, _http_url_or_empty),
    Setting("evaluate_model", "SPEAKCHECK_EVALUATE_MODEL", Kind.TEXT, "a model name, like gpt-4o-mini"),
    Setting("transcribe_with", "SPEAKCHECK_TRANSCRIBE_WITH", Kind.TEXT,
            " or ".join(f'"{w.value}"' for w in TranscribeWith), lambda where: where in set(TranscribeWith)),
    Setting("local_model", "SPEAKCHECK_LOCAL_MODEL", Kind.TEXT, " or ".join(f'"{m}"' for m in LOCAL_MODELS),
            lambda name: name in LOCAL_MODELS),
    _number("ai_timeout_s", "SPEAKCHECK_AI_TIMEOUT_S", Kind.NUMBER, 1, 600, " of seconds"),
    _number("ai_retries", "SPEAKCHECK_AI_RETRIES", Kind.WHOLE_NUMBER, 0, 10),
    Setting("audio_storage", "SPEAKCHECK_AUDIO_STORAGE", Kind.TEXT, '"local" or "gridfs"',
            lambda where: where in ("local", "gridfs")),
    # Empty is allowed in the file too: it means the system's language, as leaving the key out does.
    Setting("language", "SPEAKCHECK_LANGUAGE", Kind.TEXT, _LANGUAGE_CHOICES, lambda code: code in LANGUAGES),
    # Not a Settings field: the base URL for both AI services unless one of theirs is set.
    Setting("openai_base_url", "OPENAI_BASE_URL", Kind.TEXT, _URL, _http_url_or_empty),
)}

# What a wrong TOML value is, in words (bool before int: TOML's booleans are Python ints).
_TOML_TYPES = ((bool, "true/false"), (int, "a whole number"), (float, "a number with a decimal point"),
               (str, "a string"), (list, "a list"), (dict, "a table"))


def _shown(value: Any) -> str:
    """A value for a message: quoted (so it is one line), shortened, any URI password hidden."""
    text = repr(redact(value, value) if isinstance(value, str) else value)
    return text if len(text) <= 60 else text[:57] + "..."


def _value(setting: Setting, raw: Any, path: Path | None) -> Any:
    """`raw` (from the file at `path`, else from the environment) checked and typed, or ConfigError."""
    if path is None:
        name = f"{setting.env} ({setting.key} in settings.toml)"
        try:
            value = setting.kind.from_text(raw)
        except ValueError:
            raise ConfigError(f"{name} must be {setting.allowed}, not {_shown(raw)}") from None
    else:
        name = f"{path}: {setting.key} (or {setting.env} in the environment)"
        if not setting.kind.of_toml(raw):
            found = next((words for kind, words in _TOML_TYPES if isinstance(raw, kind)), "a date or time")
            raise ConfigError(f"{name} must be {setting.allowed}, written {setting.kind.value}, not {found}")
        value = raw
    if not setting.ok(value):
        instead = setting.instead(value) if setting.instead else f"not {_shown(raw)}"
        raise ConfigError(f"{name} must be {setting.allowed}, {instead}")
    return float(value) if setting.kind is Kind.NUMBER else value  # 5 in the file is 5.0 s


def config_dir() -> Path:
    return Path(os.environ.get("SPEAKCHECK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, appauthor=False))


def load_settings(env: Mapping[str, str] | None = None, settings_file: Path | None = None) -> Settings:
    """Settings from `env` (default: os.environ) over the settings file over the defaults.
    Creates nothing: it runs before anything is opened, so a refusal leaves no trace."""
    environ: Mapping[str, str] = os.environ if env is None else env
    settings_file = settings_file or config_dir() / "settings.toml"
    # The whole file is checked, even keys the environment overrides: a wrong line would otherwise
    # wait there for the day the variable is gone.
    file_values = _read_settings_file(settings_file)
    values = {key: _value(SETTINGS[key], value, settings_file) for key, value in file_values.items()}
    # An empty variable counts as unset, as `VAR= speakcheck ...` in a shell means.
    values |= {s.key: _value(s, environ[s.env], None) for s in SETTINGS.values() if environ.get(s.env)}
    shared_base = values.pop("openai_base_url", None)
    for key in ("transcribe_base_url", "evaluate_base_url"):
        values[key] = values.get(key, shared_base) or None
    if "data_dir" in values:
        values["data_dir"] = Path(values["data_dir"]).expanduser()
    if "transcribe_with" in values:
        values["transcribe_with"] = TranscribeWith(values["transcribe_with"])
    _check_together(values)
    return Settings(**values)


def _check_together(values: Mapping[str, Any]) -> None:
    """Settings that are each right but cannot work together."""
    if values.get("transcribe_with") == TranscribeWith.SERVER and not (
            values.get("transcribe_base_url") or values.get("openai_base_url")):
        raise ConfigError('transcribe_with = "server" needs the server\'s address: set transcribe_base_url '
                          '(or SPEAKCHECK_TRANSCRIBE_BASE_URL), like http://localhost:8000/v1')


def _read_settings_file(path: Path) -> dict[str, Any]:
    """The file's keys and values, all of them known ones; {} when there is no file. Messages say
    where the file is wrong but never quote it: it may hold a connection string's password."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"The settings file {path} cannot be read ({exc.strerror or exc}); "
                          "fix or remove it") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")  # a BOM (Notepad writes one) is not content
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, line_start) + 1
        column = len(data[line_start:exc.start].decode("utf-8")) + 1  # in characters, as editors count
        raise ConfigError(f"The settings file {path} is not UTF-8 text (line {line}, column {column}); "
                          "save it as UTF-8 or remove it") from None
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Only tomllib's "(at line L, column C)": some of its reasons quote the file.
        where = re.search(r"\((at [^()]*)\)$", str(exc))
        raise ConfigError(f"The settings file {path} is not valid TOML{f' ({where[1]})' if where else ''}; "
                          "fix or remove it") from None
    _refuse_unknown_keys(values, path)
    return values


def _refuse_unknown_keys(keys: Iterable[str], path: Path) -> None:
    # A misspelt key (mongodb_url) silently ignored would be a wrong setting nobody sees.
    unknown = sorted(set(keys) - set(SETTINGS))
    if unknown:
        def named(key: str) -> str:
            close = difflib.get_close_matches(key, SETTINGS, n=1)
            return repr(key) + (f" (did you mean {close[0]}?)" if close else "")
        raise ConfigError(f"{path}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(named, unknown))}; "
                          f"the known keys are {', '.join(SETTINGS)}")


def uri_password(uri: str) -> str | None:
    try:
        password = urlsplit(uri).password
    except ValueError:
        return None
    return unquote(password) if password else None


def redact_uri(uri: str) -> str:
    """The URI with its password replaced, fit for logs and messages."""
    try:
        parts = urlsplit(uri)
        if parts.password is None:
            return uri
        userinfo, _, hosts = parts.netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        return parts._replace(netloc=f"{user}:***@{hosts}").geturl()
    except ValueError:
        return "<unparseable URI>"


URI_MASK = "\u2022" * 6  # stands for a connection string's password on screen


def mask_uri(uri: str) -> str:
    """The URI as the settings show it: all of it in the clear but its password, which is masked.
    (A URI without a password has nothing secret in it, and the person must be able to read it.)"""
    try:
        parts = urlsplit(uri)
        if parts.password is None:
            return uri
    except ValueError:
        return uri  # not a URI yet: shown as typed, and refused with a sentence when saved
    userinfo, _, hosts = parts.netloc.rpartition("@")
    return parts._replace(netloc=f"{userinfo.split(':', 1)[0]}:{URI_MASK}@{hosts}").geturl()


def unmask_uri(shown: str, original: str) -> str:
    """What the person left in the field, with the mask put back to the password it stands for,
    so that editing the host or the options keeps the password nobody retyped."""
    if URI_MASK not in shown:
        return shown
    try:
        raw = urlsplit(original).password
    except ValueError:
        raw = None
    return shown.replace(URI_MASK, raw) if raw is not None else shown


def redact(text: str, uri: str) -> str:
    """`text` with the URI's password (raw and percent-encoded) removed."""
    password = uri_password(uri)
    if password:
        raw = urlsplit(uri).password or ""
        for secret in {password, raw}:
            if secret:
                text = text.replace(secret, "***")
    return text


def check_mongodb_uri(uri: str) -> None:
    """Raise ConfigError with a one-line reason when `uri` is not a MongoDB connection string."""
    problem = _mongodb_uri_problem(uri)
    if problem:
        raise ConfigError(f"MONGODB_URI is not a valid MongoDB connection string: {problem} "
                          f"(example: {DEFAULT_MONGODB_URI})")


def _mongodb_uri_problem(uri: str) -> str | None:
    """Why `uri` is not a MongoDB connection string (one line, password removed), or None.

    Checks syntax only: an SRV URI (Atlas) is checked as the plain URI it stands for, because
    resolving its DNS record needs the network, which a laptop may not have right now."""
    candidate = uri
    if uri.startswith("mongodb+srv://"):
        candidate = "mongodb://" + uri[len("mongodb+srv://"):]
    try:
        parsed = uri_parser.parse_uri(candidate, validate=True)
    except (InvalidURI, ConfigurationError, ValueError) as exc:
        return " ".join(redact(str(exc), uri).split())
    if uri.startswith("mongodb+srv://"):
        hosts = parsed["nodelist"]
        if len(hosts) != 1 or ":" in urlsplit(candidate).netloc.rpartition("@")[2]:
            return "a mongodb+srv:// URI names exactly one host and no port"
    return None


def save_settings_file(values: dict[str, str | int | float], path: Path | None = None) -> Path:
    """Merge `values` into settings.toml (empty values remove the key). Checked as load_settings
    checks the file, before anything is written: what is saved is what the next start accepts.
    Written atomically; never holds secrets (the API key lives in the keyring)."""
    path = path or config_dir() / "settings.toml"
    current = _read_settings_file(path)
    _refuse_unknown_keys(values, path)
    for key, value in values.items():
        if value is None or value == "":
            current.pop(key, None)
        else:
            current[key] = value
    for key, value in current.items():
        _value(SETTINGS[key], value, path)
    # With what the environment sets, as the next start will see it.
    _check_together(current | {s.key: os.environ[s.env] for s in SETTINGS.values() if os.environ.get(s.env)})
    lines = ["# SpeakCheck Desktop settings. Environment variables override these.\n"]
    for key, value in sorted(current.items()):
        if isinstance(value, str):
            # JSON's string escapes are TOML's too; TOML also wants DEL escaped, JSON does not.
            value = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
        lines.append(f"{key} = {value}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return path
