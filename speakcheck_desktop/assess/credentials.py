"""The API key: from OPENAI_API_KEY, else the operating system's keyring. Never from a file of
ours, never into a log."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

log = logging.getLogger(__name__)

KEYRING_SERVICE = "speakcheck-desktop"
KEYRING_USER = "openai-api-key"


def api_key(env: Mapping[str, str] | None = None) -> str | None:
    """`env`: the environment to read (the process's when None)."""
    key = (os.environ if env is None else env).get("OPENAI_API_KEY")
    if key:
        return key
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
