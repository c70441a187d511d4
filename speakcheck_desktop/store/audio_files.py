"""A recording's audio file as it was when it was made: its SHA-256 and length, taken once when the
recording is finalised (or recovered), and the check of a file against them before it is uploaded
or transcribed. A file that changed is never treated as the person's answer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

READ_BYTES = 1024 * 1024


@dataclass(frozen=True)
class AudioFingerprint:
    sha256: str
    bytes: int


class AudioProblem(StrEnum):
    """What is wrong with a recording's audio on this computer."""
    MISSING = "missing"  # the file is not there any more
    CHANGED = "changed"  # it is there, but not what was recorded (other bytes, cut, emptied, replaced)
    UNREADABLE = "unreadable"  # it is there but cannot be read now (permissions): may pass


def fingerprint(path: Path) -> AudioFingerprint:
    """SHA-256 and length of a file, read in blocks (memory stays flat for long recordings)."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while block := f.read(READ_BYTES):
            digest.update(block)
            size += len(block)
    return AudioFingerprint(digest.hexdigest(), size)


@dataclass(frozen=True)
class AudioCheck:
    problem: AudioProblem | None
    message: str | None = None  # the sentence for a person, when there is a problem

    @property
    def ok(self) -> bool:
        return self.problem is None


def check_audio_file(path: Path, expected: AudioFingerprint | None) -> AudioCheck:
    """Is the file still the recording that was made? Without a fingerprint (recordings made
    before fingerprints were kept) only its presence can be checked."""
    try:
        if expected is None:  # only its presence can be checked
            if not path.is_file():
                raise FileNotFoundError(path)
            return AudioCheck(None)
        found = fingerprint(path)
    except FileNotFoundError:
        return AudioCheck(AudioProblem.MISSING, f"The recording file {path.name} is no longer on this computer.")
    except OSError as exc:
        return AudioCheck(AudioProblem.UNREADABLE,
                          f"The recording file {path.name} cannot be read now ({exc.strerror or type(exc).__name__}).")
    if found != expected:
        how = ("it is empty now" if found.bytes == 0 else
               f"it is shorter now ({found.bytes:,} of {expected.bytes:,} bytes)" if found.bytes < expected.bytes else
               f"it is longer now ({found.bytes:,} instead of {expected.bytes:,} bytes)" if found.bytes > expected.bytes
               else "its content differs")
        return AudioCheck(AudioProblem.CHANGED,
                          f"The recording file {path.name} changed after it was made: {how}. "
                          f"It is not sent or scored as if it were the answer.")
    return AudioCheck(None)
