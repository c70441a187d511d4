"""Playing a recording, whole or a span of it (the part of the answer a tip is about).

Through PortAudio (sounddevice), like recording, rather than QtMultimedia: the span starts and
ends on the exact sample (QMediaPlayer seeks in milliseconds through FFmpeg and reports its
position late), there is no second audio stack to ship or to fail, and the tests can hear it on
the same virtual speaker the microphone tests use. Qt-free: the UI polls `position_s`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
import soxr

from speakcheck_desktop.audio.devices import portaudio
from speakcheck_desktop.audio.errors import AudioError, AudioFileError

log = logging.getLogger(__name__)

OUTPUT_LATENCY_S = 0.2


class PlaybackState(StrEnum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class Player:
    def __init__(self, on_finished: Callable[[], None] | None = None):
        self._on_finished = on_finished
        self._audio = np.zeros(0, dtype=np.float32)
        self._rate = 16000
        self._pos = 0  # next frame to hand to PortAudio
        self._end = 0
        self._tail = self._tail_needed = 0
        self._stream: Any = None  # a sounddevice.OutputStream while playing or paused
        self._lock = threading.Lock()
        self.state = PlaybackState.STOPPED
        self.path: Path | None = None

    def load(self, path: Path) -> float:
        """Read a recording for playback; returns its duration in seconds."""
        self.stop()
        if not path.exists():
            raise AudioFileError(f"The recording {path.name} is missing (it may have been pruned or moved), "
                                 f"so it cannot be played.")
        try:
            audio, rate = sf.read(str(path), dtype="float32", always_2d=True)
        except (RuntimeError, sf.LibsndfileError, OSError) as exc:
            raise AudioFileError(f"The recording {path.name} cannot be played: it is damaged or not an audio "
                                 f"file ({exc}).") from exc
        device_rate = int(portaudio().query_devices(kind="output")["default_samplerate"]) if _has_output() else rate
        mono = audio.mean(axis=1)
        self._audio = soxr.resample(mono, rate, device_rate).astype(np.float32) if rate != device_rate else mono
        self._rate = device_rate
        self.path = path
        self._pos, self._end = 0, len(self._audio)
        return len(mono) / rate

    @property
    def duration_s(self) -> float:
        return len(self._audio) / self._rate

    @property
    def position_s(self) -> float:
        return self._pos / self._rate

    def play(self, start_s: float = 0.0, end_s: float | None = None) -> None:
        """Play from `start_s` to `end_s` (the end of the recording if None)."""
        self.stop()
        start = max(0, min(int(round(start_s * self._rate)), len(self._audio)))
        end = len(self._audio) if end_s is None else max(start, min(int(round(end_s * self._rate)), len(self._audio)))
        self._pos, self._end = start, end
        self._open_stream()

    def pause(self) -> None:
        if self.state is PlaybackState.PLAYING:
            self.state = PlaybackState.PAUSED
            self._close_stream()

    def resume(self) -> None:
        if self.state is PlaybackState.PAUSED:
            self._open_stream()

    def stop(self) -> None:
        self.state = PlaybackState.STOPPED
        self._close_stream()

    def _open_stream(self) -> None:
        sd = portaudio()
        if not _has_output():
            raise AudioError("No speaker or headphones were found, so the recording cannot be played. "
                             "Connect one and try again.")
        self._tail = 0
        self._tail_needed = int((OUTPUT_LATENCY_S + 0.05) * self._rate) + 2048
        try:
            # A roomy buffer: playback is not interactive, and short ones underrun through
            # ALSA's PulseAudio plugin (audible clicks). The device's own rate avoids ALSA's
            # low-quality rate conversion; load() resampled the audio to it.
            stream = self._stream = sd.OutputStream(samplerate=self._rate, channels=1, dtype="float32",
                                                    latency=OUTPUT_LATENCY_S, blocksize=2048,
                                                    callback=self._fill, finished_callback=self._finished)
            self.state = PlaybackState.PLAYING
            stream.start()
        except sd.PortAudioError as exc:
            self.state = PlaybackState.STOPPED
            self._close_stream()  # one that opened but would not start
            raise AudioError(f"The speaker could not be opened ({exc}). Close other programs that use it "
                             f"and try again.") from exc

    def _close_stream(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()

    def _fill(self, outdata: np.ndarray, frames: int, time_info: object, status: object) -> None:
        # PortAudio's thread: copy the next frames, and end the stream after the span's end.
        chunk = self._audio[self._pos: min(self._pos + frames, self._end)]
        outdata[: len(chunk), 0] = chunk
        outdata[len(chunk):, 0] = 0
        self._pos += len(chunk)
        if self._pos >= self._end:
            # Ending the stream drops what is still buffered (through ALSA, the last 0.2 s), so
            # feed silence for as long as the buffer first: "finished" then means "heard".
            self._tail += frames - len(chunk)
            if self._tail >= self._tail_needed:
                raise portaudio().CallbackStop

    def _finished(self) -> None:
        if self.state is PlaybackState.PLAYING and self._pos >= self._end:
            self.state = PlaybackState.STOPPED
            if self._on_finished is not None:
                self._on_finished()


def _has_output() -> bool:
    sd = portaudio()
    try:
        return sd.default.device[1] >= 0 or any(d["max_output_channels"] > 0 for d in sd.query_devices())
    except sd.PortAudioError:
        return False
