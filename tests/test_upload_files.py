"""Files for the transcription API: FLAC 16 kHz mono, long answers split at pauses under the
limit, timestamps stitched back, and bad files rejected with the reason."""

import struct
from itertools import pairwise

import numpy as np
import pytest
import soundfile as sf
import soxr

from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.audio.upload_files import (
    UploadPart,
    inspect_audio,
    prepare_upload,
    split_points,
    stitch_segments,
)
from speakcheck_desktop.audio.voice_activity import voice_activity_of_file
from tests.answers import PHRASES, phrase_clip

RATE = 16000


@pytest.fixture(scope="module")
def long_answer(tmp_path_factory):
    """~100 s of phrases separated by pauses of 0.6-1.2 s, at 48 kHz stereo like a laptop mic."""
    tmp = tmp_path_factory.mktemp("long")
    phrases = [phrase_clip(tmp, t) for t in PHRASES]
    rng = np.random.default_rng(3)
    parts = []
    while sum(len(p) for p in parts) < 100 * RATE:
        parts.append(phrases[len(parts) % len(phrases)])
        parts.append(np.zeros(int(rng.uniform(0.6, 1.2) * RATE), np.float32))
    mono = np.concatenate(parts) + rng.normal(0, 10 ** (-60 / 20), sum(len(p) for p in parts)).astype(np.float32)
    path = tmp / "answer.wav"
    stereo = np.stack([soxr.resample(mono, RATE, 48000)] * 2, axis=1)
    sf.write(path, stereo, 48000, subtype="PCM_16")
    return path, mono


def test_a_normal_answer_becomes_one_flac_at_16_khz_mono(long_answer, tmp_path):
    path, mono = long_answer
    [part] = prepare_upload(path, tmp_path / "upload")
    info = sf.info(str(part.path))
    assert (info.format, info.samplerate, info.channels) == ("FLAC", 16000, 1)
    assert part.start_s == 0 and part.duration_s == pytest.approx(len(mono) / RATE, abs=0.01)
    assert part.size_bytes == part.path.stat().st_size < path.stat().st_size / 4
    encoded, _ = sf.read(part.path, dtype="float32")
    n = min(len(encoded), len(mono))
    assert np.corrcoef(encoded[:n], mono[:n])[0, 1] > 0.999


def test_a_long_answer_is_split_at_pauses_under_the_limits(long_answer, tmp_path):
    path, mono = long_answer
    pauses = voice_activity_of_file(path).pauses
    parts = prepare_upload(path, tmp_path / "upload", limit_bytes=400_000, max_part_s=30)

    assert len(parts) >= 4
    assert all(p.size_bytes <= 400_000 and p.duration_s <= 30 for p in parts)
    for before, after in pairwise(parts):
        cut = after.start_s
        assert cut == pytest.approx(before.start_s + before.duration_s, abs=1 / RATE)
        assert any(p.start_s < cut < p.end_s for p in pauses), f"cut at {cut:.2f} s is not in a pause"
    joined = np.concatenate([sf.read(p.path, dtype="float32")[0] for p in parts])
    assert len(joined) == pytest.approx(len(mono), abs=2)
    n = min(len(joined), len(mono))
    assert np.corrcoef(joined[:n], mono[:n])[0, 1] > 0.999


def test_split_points():
    assert split_points(50, 60, []) == []
    assert split_points(130, 60, []) == [60, 120]  # no pause: cut at the limit
    assert split_points(130, 60, [10, 45, 58, 70, 100, 119]) == [58, 100]
    assert split_points(100, 60, [5]) == [60]  # a pause too early would make a tiny part


def test_stitched_segments_are_on_the_recordings_timeline():
    first = UploadPart(None, 0.0, 30.0, 1)
    second = UploadPart(None, 30.0, 25.0, 1)
    stitched = stitch_segments([
        (first, [{"id": 0, "start": 0.0, "end": 4.5, "text": "Hello",
                  "words": [{"word": "Hello", "start": 0.1, "end": 0.5}]}]),
        (second, [{"id": 0, "start": 1.25, "end": 3.0, "text": "again",
                   "words": [{"word": "again", "start": 1.3, "end": 1.9}]}]),
    ])
    assert [s["id"] for s in stitched] == [0, 1]
    assert (stitched[1]["start"], stitched[1]["end"]) == (31.25, 33.0)
    assert stitched[1]["words"][0] == {"word": "again", "start": 31.3, "end": 31.9}
    assert stitched[0]["words"][0]["start"] == 0.1


def wav_header(frames: int) -> bytes:
    data = frames * 2
    fmt = struct.pack("<IHHIIHH", 16, 1, 1, RATE, RATE * 2, 2, 16)  # PCM, mono, 16-bit
    return b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt " + fmt + b"data" + struct.pack("<I", data)


def make_missing(p):
    return p


def make_empty(p):
    p.write_bytes(b"")
    return p


def make_text(p):
    p.write_text("Dear candidate, this is not audio.\n" * 20)
    return p


def make_zero_length(p):
    p.write_bytes(wav_header(0))
    return p


def make_truncated_flac(p):
    sf.write(p.with_suffix(".tmp.flac"), np.random.default_rng(0).normal(0, 0.1, RATE * 20).astype(np.float32), RATE)
    data = p.with_suffix(".tmp.flac").read_bytes()
    p.write_bytes(data[: len(data) // 3])
    return p


def make_huge(p):
    frames = int(4 * 3600 * RATE)
    p.write_bytes(wav_header(frames))
    with open(p, "r+b") as fh:
        fh.truncate(44 + frames * 2)  # sparse: 4 hours of audio that takes no disk space
    return p


@pytest.mark.parametrize("make, name, words", [
    (make_missing, "a.wav", "missing"),
    (make_empty, "a.wav", "empty (0 bytes)"),
    (make_text, "a.wav", "not an audio file"),
    (make_zero_length, "a.wav", "no audio (zero length)"),
    (make_truncated_flac, "a.flac", "damaged"),
    (make_huge, "a.wav", "4.0 hours long"),
])
def test_bad_files_are_rejected_with_what_is_wrong(tmp_path, make, name, words):
    path = make(tmp_path / name)
    with pytest.raises(AudioFileError) as info:
        inspect_audio(path)
    assert str(info.value).startswith(f"{name}: ") and words in str(info.value)
    with pytest.raises(AudioFileError):
        prepare_upload(path, tmp_path / "upload")
