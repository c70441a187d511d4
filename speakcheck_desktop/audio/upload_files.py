"""Audio files ready for the transcription API: checked, encoded as FLAC at 16 kHz mono, and for
long answers split at pauses into parts under the upload limit, whose transcript timestamps are
stitched back onto the recording's timeline."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import soundfile as sf
import soxr

from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.audio.voice_activity import VoiceActivity, voice_activity_of_file

UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024  # OpenAI's limit for /audio/transcriptions
UPLOAD_MARGIN = 0.95  # stay clear of the limit: multipart framing, FLAC's frame overhead
MAX_PART_S = 1400.0  # longer inputs are refused by some transcription models
MAX_INPUT_S = 3 * 3600.0  # nobody answers a speaking task for three hours: a wrong file
UPLOAD_RATE = 16_000
BLOCK_FRAMES = 16_000 * 30


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    duration_s: float
    sample_rate: int
    channels: int
    format: str


@dataclass(frozen=True)
class UploadPart:
    path: Path
    start_s: float  # where the part starts in the recording
    duration_s: float
    size_bytes: int


def inspect_audio(path: Path) -> AudioInfo:
    """Check that `path` is a usable recording; AudioFileError says which problem and why."""
    name = path.name
    if not path.exists():
        raise AudioFileError(f"{name}: the file is missing.")
    size = path.stat().st_size
    if size == 0:
        raise AudioFileError(f"{name}: the file is empty (0 bytes): the recording was not saved.")
    try:
        info = sf.info(str(path))
    except (RuntimeError, sf.LibsndfileError) as exc:
        head = path.read_bytes()[:12]
        known = head[:4] in (b"RIFF", b"fLaC", b"OggS") or head[4:8] == b"ftyp" or head[:3] == b"ID3"
        if known:
            raise AudioFileError(f"{name}: the file is damaged and cannot be read ({exc}).") from None
        raise AudioFileError(f"{name}: this is not an audio file the app can read "
                             f"(WAV, FLAC or OGG are expected).") from None
    if info.frames <= 0 or info.samplerate <= 0:
        raise AudioFileError(f"{name}: the file holds no audio (zero length).")
    duration = info.frames / info.samplerate
    if duration > MAX_INPUT_S:
        raise AudioFileError(f"{name}: the file is {duration / 3600:.1f} hours long, far longer than any answer; "
                             f"it is probably not a recording of this test.")
    try:  # the header can be fine while the audio behind it is not
        with sf.SoundFile(str(path)) as fh:
            fh.seek(max(0, info.frames - 1))
            fh.read(1)
    except (RuntimeError, sf.LibsndfileError) as exc:
        raise AudioFileError(f"{name}: the file is damaged and cannot be read to the end ({exc}).") from None
    return AudioInfo(path, duration, info.samplerate, info.channels, info.format)


def encode_flac(source: Path, target: Path, start_frame: int = 0, end_frame: int | None = None) -> int:
    """Write `source` (or frames [start, end) of it at 16 kHz) as 16 kHz mono FLAC, block by block
    so memory stays flat. Returns the frames written."""
    written = 0
    with sf.SoundFile(str(source)) as src:
        rate = src.samplerate
        resampler = soxr.ResampleStream(rate, UPLOAD_RATE, 1, dtype="float32") if rate != UPLOAD_RATE else None
        first = int(start_frame * rate / UPLOAD_RATE)
        last = src.frames if end_frame is None else min(src.frames, int(round(end_frame * rate / UPLOAD_RATE)))
        src.seek(first)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sf.SoundFile(str(target), "w", samplerate=UPLOAD_RATE, channels=1, format="FLAC", subtype="PCM_16") as out:
            remaining = last - first
            while remaining > 0:
                block = src.read(min(BLOCK_FRAMES, remaining), dtype="float32", always_2d=True)
                if len(block) == 0:
                    break
                remaining -= len(block)
                mono = block.mean(axis=1)
                samples = resampler.resample_chunk(mono, last=remaining <= 0) if resampler else mono
                out.write(samples)
                written += len(samples)
    return written


def prepare_upload(path: Path, out_dir: Path, *, limit_bytes: int = UPLOAD_LIMIT_BYTES,
                   max_part_s: float = MAX_PART_S, activity: VoiceActivity | None = None) -> list[UploadPart]:
    """FLAC file(s) for the transcription API, each under the size limit and `max_part_s`.
    Long recordings are cut in the middle of pauses, never inside a word when a pause is near."""
    inspect_audio(path)  # an unusable file stops here, with the reason
    whole = out_dir / f"{path.stem}.flac"
    frames = encode_flac(path, whole)
    size = whole.stat().st_size
    if size <= limit_bytes * UPLOAD_MARGIN and frames / UPLOAD_RATE <= max_part_s:
        return [UploadPart(whole, 0.0, frames / UPLOAD_RATE, size)]
    bytes_per_s = size / (frames / UPLOAD_RATE)
    longest = min(max_part_s, limit_bytes * UPLOAD_MARGIN / bytes_per_s)
    activity = activity or voice_activity_of_file(whole)
    cuts = split_points(frames / UPLOAD_RATE, longest, [(p.start_s + p.end_s) / 2 for p in activity.pauses])
    parts = []
    bounds = [0.0, *cuts, frames / UPLOAD_RATE]
    for i, (start, end) in enumerate(pairwise(bounds), start=1):
        part = out_dir / f"{path.stem}.part{i:02d}.flac"
        written = encode_flac(whole, part, int(round(start * UPLOAD_RATE)), int(round(end * UPLOAD_RATE)))
        parts.append(UploadPart(part, start, written / UPLOAD_RATE, part.stat().st_size))
    whole.unlink()
    oversized = [p for p in parts if p.size_bytes > limit_bytes]
    if oversized:
        raise AudioFileError(f"{path.name}: could not be split into parts under the upload limit.")
    return parts


def split_points(duration_s: float, longest_s: float, pause_middles: Sequence[float]) -> list[float]:
    """Where to cut a recording of `duration_s` into parts no longer than `longest_s`: at the
    last pause that keeps the part within bounds (and past its first half), else at the limit."""
    cuts: list[float] = []
    start = 0.0
    while duration_s - start > longest_s:
        limit = start + longest_s
        candidates = [m for m in pause_middles if start + longest_s / 2 <= m <= limit]
        cut = candidates[-1] if candidates else limit
        cuts.append(cut)
        start = cut
    return cuts


def stitch_segments(parts: Sequence[tuple[UploadPart, Sequence[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Transcript segments of each part, moved onto the recording's timeline and numbered anew.
    Words inside segments (`words`, each with `start`/`end`) move with them."""
    stitched: list[dict[str, Any]] = []
    for part, segments in parts:
        for segment in segments:
            moved = copy.deepcopy(dict(segment))
            for key in ("start", "end"):
                if isinstance(moved.get(key), int | float):
                    moved[key] = round(moved[key] + part.start_s, 3)
            for word in moved.get("words") or []:
                for key in ("start", "end"):
                    if isinstance(word.get(key), int | float):
                        word[key] = round(word[key] + part.start_s, 3)
            moved["id"] = len(stitched)
            stitched.append(moved)
    return stitched

