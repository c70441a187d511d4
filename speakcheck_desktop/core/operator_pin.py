"""The kiosk operator's PIN: kept only as a salted scrypt hash, checked in constant time, and
guarded against guessing by a lock-out that grows with each run of wrong attempts.

The stored form is one string, so it fits a line of kiosk.toml:
    scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from speakcheck_desktop.core.errors import UserFacingError

# scrypt with n=2^14, r=8 takes ~40 ms here and 16 MiB: cheap for one operator, costly for guessing
# offline through a stolen kiosk.toml.
N, R, P = 2 ** 14, 8, 1
MIN_LENGTH, MAX_LENGTH = 4, 32


class PinError(UserFacingError, ValueError):
    """A PIN that cannot be used, or a stored hash that cannot be read; says which, in words."""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit():
        raise PinError("The operator PIN must be digits only (0-9).")
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise PinError(f"The operator PIN must have {MIN_LENGTH} to {MAX_LENGTH} digits.")
    if len(set(pin)) == 1 or pin in "0123456789012345678909876543210":
        raise PinError("That PIN is too easy to guess (one digit repeated, or a run like 1234).")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    check_new_pin(pin)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return f"scrypt${N}${R}${P}${b64(salt)}${b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        digest = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(base64.b64decode(expected)))
    except (ValueError, TypeError) as exc:
        raise PinError("The stored operator PIN is not in a form this version reads; set it again with "
                       "\u201cspeakcheck kiosk-pin\u201d.") from exc
    return hmac.compare_digest(digest, base64.b64decode(expected))


@dataclass(frozen=True)
class PinCheck:
    accepted: bool
    locked_for_s: float = 0.0  # > 0: no attempt is checked until then
    message: str = ""


class PinGate:
    """Rate limit for PIN attempts: `free_attempts` wrong ones in a row, then a lock-out of
    `first_lock_s`, doubling with each further wrong attempt up to `max_lock_s`. A right PIN resets
    it. While locked, attempts are refused without being checked (and do not count)."""

    def __init__(self, stored_hash: str, now: Callable[[], float], *, free_attempts: int = 3,
                 first_lock_s: float = 30.0, max_lock_s: float = 900.0):
        self._stored = stored_hash
        self._now = now
        self.free_attempts = free_attempts
        self.first_lock_s = first_lock_s
        self.max_lock_s = max_lock_s
        self.failures = 0
        self._locked_until = 0.0

    def locked_for_s(self) -> float:
        return max(0.0, self._locked_until - self._now())

    def attempt(self, pin: str) -> PinCheck:
        wait = self.locked_for_s()
        if wait > 0:
            return PinCheck(False, wait, f"Too many wrong PINs. Try again in {_seconds(wait)}.")
        if verify_pin(pin, self._stored):
            self.failures = 0
            return PinCheck(True)
        self.failures += 1
        over = self.failures - self.free_attempts
        if over < 0:
            left = -over
            return PinCheck(False, 0.0, f"Wrong PIN. {left} more {'try' if left == 1 else 'tries'} before a pause.")
        lock = min(self.max_lock_s, self.first_lock_s * 2 ** over)
        self._locked_until = self._now() + lock
        return PinCheck(False, lock, f"Wrong PIN. Too many wrong PINs: try again in {_seconds(lock)}.")


def _seconds(value: float) -> str:
    value = int(value + 0.999)
    return f"{value} s" if value < 120 else f"{value // 60} min"
