"""Crash recovery for recordings. While recording, audio goes to `<name>.wav.part`, a WAV file
whose header still says "0 bytes" (it is written on a normal stop). After a crash every sample
that reached the disk is still there: repairing means setting the header's sizes from the file's
length, then renaming the file to its final name."""

from __future__ import annotations

import logging
import os
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import soundfile as sf

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"


@dataclass(frozen=True)
class RecoveredRecording:
    path: Path
    duration_s: float
    sample_rate: int
    channels: int

    @property
    def session_id(self) -> str | None:
        """The session it belongs to: recordings live in a folder named after their session."""
        name = self.path.parent.name
        return name if len(name) == 24 and all(c in "0123456789abcdef" for c in name) else None

    @property
    def message(self) -> str:
        return f"Recovered {self.duration_s:.0f} s of an interrupted recording."


def recording_path(recordings_dir: Path, session_id: object, started_at: datetime) -> Path:
    """Where a new recording of a session goes: <recordings>/<session id>/<UTC start>.wav."""
    return recordings_dir / str(session_id) / f"{started_at:%Y%m%dT%H%M%S.%f}Z.wav"


def part_path(final: Path) -> Path:
    return final.with_name(final.name + PART_SUFFIX)


def find_interrupted(recordings_dir: Path) -> list[Path]:
    return sorted(recordings_dir.rglob(f"*.wav{PART_SUFFIX}")) if recordings_dir.exists() else []


def repair_wav_header(path: Path) -> int:
    """Set the RIFF and data chunk sizes from the file's length. Returns the data bytes kept
    (whole frames only: a frame cut in half by the crash is dropped)."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:4] not in (b"RIFF", b"RIFX") or head[8:12] != b"WAVE":
            raise ValueError("not a WAV file")
        block_align = None
        pos = 12
        while pos + 8 <= size:
            fh.seek(pos)
            chunk_id, chunk_size = struct.unpack("<4sI", fh.read(8))
            if chunk_id == b"fmt ":
                fmt = fh.read(16)
                block_align = struct.unpack("<H", fmt[12:14])[0]
            if chunk_id == b"data":
                if not block_align:
                    raise ValueError("no format chunk before the audio data")
                data = size - (pos + 8)
                data -= data % block_align
                fh.seek(pos + 4)
                fh.write(struct.pack("<I", data))
                fh.seek(4)
                fh.write(struct.pack("<I", pos + 8 + data - 8))
                fh.flush()
                os.fsync(fh.fileno())
                return data
            pos += 8 + chunk_size + (chunk_size & 1)
    raise ValueError("no audio data chunk")


def recover_interrupted(recordings_dir: Path) -> list[RecoveredRecording]:
    """Repair and finalise every interrupted recording under `recordings_dir`. Files that hold
    no audio at all are removed; files that cannot be repaired are left as they are (and logged)."""
    recovered = []
    for part in find_interrupted(recordings_dir):
        try:
            data_bytes = repair_wav_header(part)
            if data_bytes == 0:
                part.unlink()
                continue
            info = sf.info(str(part))
        except (OSError, ValueError, RuntimeError) as exc:
            log.warning("Could not recover %s: %s", part, exc)
            continue
        final = part.with_name(part.name[: -len(PART_SUFFIX)])
        if final.exists():  # never overwrite a finished recording
            final = final.with_name(f"{final.stem}-recovered{final.suffix}")
        os.replace(part, final)
        fsync_dir(final.parent)
        recovered.append(RecoveredRecording(final, info.frames / info.samplerate, info.samplerate, info.channels))
    return recovered


def describe_finished(paths: list[Path]) -> list[RecoveredRecording]:
    """Finished recordings that no session names yet (saving them failed, on a full disk say),
    described for adoption; a file that is not readable audio is logged and left alone."""
    found = []
    for path in paths:
        try:
            info = sf.info(str(path))
        except (OSError, RuntimeError) as exc:
            log.warning("Could not read %s: %s", path, exc)
            continue
        if info.frames:
            found.append(RecoveredRecording(path, info.frames / info.samplerate, info.samplerate, info.channels))
    return found


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
