"""Audio speed: a long recording from the virtual microphone while the main thread is busy, and
FLAC encoding of ten minutes.

    .venv/bin/python benchmarks/audio_speed.py [--minutes 10] [--skip-recording]

Recording: 48 kHz input, stored at 16 kHz; the main thread runs pure-Python work the whole time
(as a busy GUI would). Reports input overflows, resident-memory growth, and the writer thread's
CPU time. Encoding: ten minutes of 16 kHz speech-like audio to FLAC, time and ratio to real time.
Needs the test dependencies (scripts/setup.sh test): PulseAudio for the virtual microphone."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def busy(seconds: float) -> int:
    """Keep the main thread (and the GIL) busy with Python work."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += sum(i * i for i in range(2000)) % 7
    return n


def bench_recording(minutes: float, tmp: Path) -> None:
    from tests.virtual_mic import VirtualMicrophone
    mic = VirtualMicrophone(tmp / "pulse")
    os.environ.update(mic.env)
    mic.start()
    from speakcheck_desktop.audio.recorder import Recorder
    try:
        tone = tmp / "tone.wav"  # something to record: a quiet 300 Hz tone, looped by paplay below
        t = np.arange(16000 * 10) / 16000
        sf.write(tone, (0.1 * np.sin(2 * np.pi * 300 * t)).astype(np.float32), 16000)
        recorder = Recorder(tmp / "long.wav", input_rate=48000)
        recorder.start()
        while recorder.first_block_at is None:
            time.sleep(0.01)
        start_rss = rss_mb()
        peak = start_rss
        deadline = time.monotonic() + minutes * 60
        player = mic.play(tone)
        while time.monotonic() < deadline:
            busy(1.0)
            peak = max(peak, rss_mb())
            if player.poll() is not None:
                player = mic.play(tone)
        cpu = recorder.writer_cpu_s
        result = recorder.stop()
        player.kill()
        print(f"recording: {result.duration_s / 60:.2f} min at 48 kHz -> 16 kHz, "
              f"input overflows {result.input_overflows}, "
              f"RSS growth {peak - start_rss:.1f} MB (peak over start), writer CPU {cpu:.1f} s "
              f"({100 * cpu / result.duration_s:.2f}% of real time)")
    finally:
        mic.kill()


def bench_encoding(minutes: float, tmp: Path) -> None:
    from speakcheck_desktop.audio.upload_files import encode_flac
    rng = np.random.default_rng(0)
    n = int(minutes * 60 * 16000)
    envelope = (np.sin(np.arange(n) / 16000 * 2 * np.pi * 3) > 0).astype(np.float32)  # syllable-like bursts
    audio = (rng.normal(0, 0.1, n) * envelope).astype(np.float32)
    source = tmp / "ten.wav"
    sf.write(source, audio, 16000, subtype="PCM_16")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        encode_flac(source, tmp / "ten.flac")
        times.append(time.perf_counter() - start)
    best = sorted(times)[1]
    print(f"FLAC encoding of {minutes:g} min: median {best:.2f} s, {minutes * 60 / best:,.0f}x real time, "
          f"{(tmp / 'ten.flac').stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--skip-recording", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_encoding(args.minutes, Path(tmp))
        if not args.skip_recording:
            bench_recording(args.minutes, Path(tmp))


if __name__ == "__main__":
    main()
