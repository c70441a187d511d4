"""The API key: from OPENAI_API_KEY, else the operating system's keyring. Never from a file of
ours, never into a log."""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

KEYRING_SERVICE = "speakcheck-desktop"
KEYRING_USER = "openai-api-key"


def api_key(env: dict[str, str] | None = None) -> str | None:
    env = os.environ if env is None else env
    if env.get("OPENAI_API_KEY"):
        return env["OPENAI_API_KEY"]
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except (KeyringError, RuntimeError) as exc:  # no keyring on this system (a kiosk, a CI box)
        log.info("No OS keyring available: %s", type(exc).__name__)
        return None


def save_api_key(key: str) -> None:
    import keyring
    keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key)
