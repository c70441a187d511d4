"""Typed settings. Each value comes from an environment variable, else the settings file
(`settings.toml` in the platformdirs config dir), else a default. Secrets never live here."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs
from pymongo import uri_parser
from pymongo.errors import ConfigurationError, InvalidURI

APP_NAME = "speakcheck-desktop"
DEFAULT_MONGODB_URI = "mongodb://localhost:27017"
DEFAULT_MONGODB_DB = "speak_check"


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
    ai_timeout_s: float = 120.0
    ai_retries: int = 2
    # Where recordings' audio lives: "local" (the file stays on this computer; `file_url` is its
    # path) or "gridfs" (uploaded to MongoDB GridFS through the sync). None: "gridfs" in kiosk
    # mode, "local" otherwise.
    audio_storage: str | None = None

    @property
    def database_path(self) -> Path:
        return self.data_dir / "speakcheck.db"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"


def config_dir() -> Path:
    return Path(os.environ.get("SPEAKCHECK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, appauthor=False))


def load_settings(env: dict[str, str] | None = None, settings_file: Path | None = None) -> Settings:
    """Settings from `env` (default: os.environ) over the settings file over the defaults."""
    env = os.environ if env is None else env
    settings_file = settings_file or config_dir() / "settings.toml"
    file_values = _read_settings_file(settings_file)

    def pick(env_name: str, file_key: str, default: object) -> object:
        if env.get(env_name):
            return env[env_name]
        return file_values.get(file_key, default)

    uri = str(pick("MONGODB_URI", "mongodb_uri", DEFAULT_MONGODB_URI))
    check_mongodb_uri(uri)
    db_name = str(pick("MONGODB_DB", "mongodb_db", DEFAULT_MONGODB_DB))
    _check_db_name(db_name)
    data_dir = Path(str(pick("SPEAKCHECK_DATA_DIR", "data_dir", Settings.data_dir))).expanduser()
    timeout = _number("SPEAKCHECK_MONGODB_TIMEOUT_S",
                      pick("SPEAKCHECK_MONGODB_TIMEOUT_S", "mongodb_timeout_s", Settings.mongodb_timeout_s), 0.05, 120)
    shared_base = env.get("OPENAI_BASE_URL") or file_values.get("openai_base_url")
    transcribe_base = pick("SPEAKCHECK_TRANSCRIBE_BASE_URL", "transcribe_base_url", shared_base)
    evaluate_base = pick("SPEAKCHECK_EVALUATE_BASE_URL", "evaluate_base_url", shared_base)
    for name, value in (("SPEAKCHECK_TRANSCRIBE_BASE_URL", transcribe_base), ("SPEAKCHECK_EVALUATE_BASE_URL", evaluate_base)):
        if value and not str(value).startswith(("http://", "https://")):
            raise ConfigError(f"{name} must be an http:// or https:// address, like http://localhost:8000/v1, not {value!r}")
    ai_timeout = _number("SPEAKCHECK_AI_TIMEOUT_S", pick("SPEAKCHECK_AI_TIMEOUT_S", "ai_timeout_s", Settings.ai_timeout_s), 1, 600)
    ai_retries = _number("SPEAKCHECK_AI_RETRIES", pick("SPEAKCHECK_AI_RETRIES", "ai_retries", Settings.ai_retries), 0, 10)
    audio_storage = pick("SPEAKCHECK_AUDIO_STORAGE", "audio_storage", None)
    if audio_storage not in (None, "local", "gridfs"):
        raise ConfigError(f"SPEAKCHECK_AUDIO_STORAGE (audio_storage) must be \"local\" or \"gridfs\", not {audio_storage!r}")
    return Settings(mongodb_uri=uri, mongodb_db=db_name, data_dir=data_dir, mongodb_timeout_s=timeout,
                    audio_storage=audio_storage,
                    transcribe_base_url=str(transcribe_base) if transcribe_base else None,
                    transcribe_model=str(pick("SPEAKCHECK_TRANSCRIBE_MODEL", "transcribe_model", Settings.transcribe_model)),
                    evaluate_base_url=str(evaluate_base) if evaluate_base else None,
                    evaluate_model=str(pick("SPEAKCHECK_EVALUATE_MODEL", "evaluate_model", Settings.evaluate_model)),
                    ai_timeout_s=ai_timeout, ai_retries=int(ai_retries))


def _number(name: str, value: object, low: float, high: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
        if not low <= number <= high:
            raise ValueError
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}") from None
    return number


def _read_settings_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"The settings file {path} cannot be read ({exc}); fix or remove it") from None


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
    """Raise ConfigError with a one-line reason when `uri` is not a MongoDB connection string.

    Checks syntax only: an SRV URI (Atlas) is checked as the plain URI it stands for, because
    resolving its DNS record needs the network, which a laptop may not have right now."""
    candidate = uri
    if uri.startswith("mongodb+srv://"):
        candidate = "mongodb://" + uri[len("mongodb+srv://"):]
    try:
        parsed = uri_parser.parse_uri(candidate, validate=True)
    except (InvalidURI, ConfigurationError, ValueError) as exc:
        reason = redact(str(exc), uri)
        raise ConfigError(f"MONGODB_URI is not a valid MongoDB connection string: {reason} "
                          f"(example: {DEFAULT_MONGODB_URI})") from None
    if uri.startswith("mongodb+srv://"):
        hosts = parsed["nodelist"]
        if len(hosts) != 1 or ":" in urlsplit(candidate).netloc.rpartition("@")[2]:
            raise ConfigError("MONGODB_URI is not a valid MongoDB connection string: a mongodb+srv:// URI "
                              "names exactly one host and no port")


def _check_db_name(name: str) -> None:
    bad = set('/\\. "$') | {"\0"}
    if not name or len(name) > 63 or any(ch in bad for ch in name):
        raise ConfigError(f"MONGODB_DB must be a database name of 1-63 characters without / \\ . \" $ or spaces, not {name!r}")


def save_settings_file(values: dict[str, str], path: Path | None = None) -> Path:
    """Merge `values` into settings.toml (flat string keys only; empty values remove the key).
    Written atomically; never holds secrets (the API key lives in the keyring)."""
    path = path or config_dir() / "settings.toml"
    current = {k: v for k, v in _read_settings_file(path).items() if isinstance(v, str | int | float)}
    for key, value in values.items():
        if value:
            current[key] = value
        else:
            current.pop(key, None)
    if "mongodb_uri" in current:
        check_mongodb_uri(str(current["mongodb_uri"]))
    lines = ["# SpeakCheck Desktop settings. Environment variables override these.\n"]
    for key, value in sorted(current.items()):
        if isinstance(value, str):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"\n')
        else:
            lines.append(f"{key} = {value}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return path
