"""What the microphone gives back, as plain data: how a recording ended and what a microphone
check heard. Kept apart from the recorder so the windows and services can hold these without
loading PortAudio, NumPy or the resampler."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class StopReason(StrEnum):
    USER = "user"
    MAX_DURATION = "max_duration"
    MICROPHONE_LOST = "microphone_lost"
    SAVE_FAILED = "save_failed"  # writing to disk failed (disk full, drive removed)


@dataclass(frozen=True)
class RecordingResult:
    path: Path
    duration_s: float
    sample_rate: int
    channels: int
    stopped_by: StopReason
    device_name: str
    clipped_samples: int
    input_overflows: int
    signal_problem: str | None  # "no signal" / "too loud" in words, or None

    @property
    def message(self) -> str | None:
        """What to tell the person about how the recording ended, if anything."""
        if self.stopped_by is StopReason.MICROPHONE_LOST:
            return (f"The microphone stopped sending sound, so the recording stopped. "
                    f"The {self.duration_s:.0f} s recorded so far are kept. "
                    f"Check the microphone and record again if needed.")
        if self.stopped_by is StopReason.MAX_DURATION:
            return f"Time is up: the recording stopped at {self.duration_s:.0f} s and is kept."
        if self.stopped_by is StopReason.SAVE_FAILED:
            return (f"The recording could not be written to disk any more (the disk may be full), so it stopped. "
                    f"The {self.duration_s:.0f} s recorded before that are kept. "
                    f"Free some disk space, then record again if needed.")
        return None


@dataclass(frozen=True)
class MicCheck:
    device_name: str
    rms_dbfs: float
    peak_dbfs: float
    problem: str | None  # in words, or None when the microphone is fine
    notice: str | None  # e.g. the preferred microphone is gone and another is used
