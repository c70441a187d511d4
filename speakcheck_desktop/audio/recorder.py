"""Recording from a microphone to a crash-safe file.

The PortAudio callback only copies each block into a queue. A writer thread takes the blocks,
measures their level, resamples them to the stored rate (16 kHz mono unless asked otherwise) and
appends them to a `.wav.part` file as they arrive, so memory stays flat and a crash loses only
what was still in the queue (tens of milliseconds). A normal stop writes the header, flushes, and
renames the file to its final name atomically.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
import soxr

from speakcheck_desktop.audio.devices import InputDevice, choose_input_device, portaudio
from speakcheck_desktop.audio.errors import AudioError
from speakcheck_desktop.audio.levels import SignalLevel, SignalWatch
from speakcheck_desktop.audio.outcomes import RecordingResult, StopReason
from speakcheck_desktop.audio.recovery import fsync_dir, part_path

log = logging.getLogger(__name__)

BLOCK_S = 0.02  # 50 level updates a second
STORED_RATE = 16_000
# No block for this long while recording means the microphone is gone, even if PortAudio
# did not say so.
SILENT_STREAM_TIMEOUT_S = 1.5
# A sound server may take a moment to deliver the first block of a new stream (PulseAudio's null
# sink: up to 2 s); nothing at all for this long means the microphone does not work.
FIRST_BLOCK_TIMEOUT_S = 5.0


class Recorder:
    """One recording. `start()`, then `stop()` (or let the maximum duration or a lost microphone
    stop it; `on_finished` is then called from the writer thread with the result)."""

    def __init__(self, path: Path, *, device: InputDevice | None = None, preferred_device: str | None = None,
                 max_duration_s: float | None = None, sample_rate: int = STORED_RATE, input_rate: int | None = None,
                 on_finished: Callable[[RecordingResult], None] | None = None):
        self.path = path
        self.part = part_path(path)
        self._device = device
        self._preferred = preferred_device
        self.device_notice: str | None = None
        self.max_duration_s = max_duration_s
        self.sample_rate = sample_rate
        self._input_rate = input_rate  # None: the device's own rate
        self._on_finished = on_finished
        self._queue: queue.SimpleQueue[np.ndarray | None] = queue.SimpleQueue()  # None: the stream ended
        self._stream: Any = None  # a sounddevice.InputStream while recording
        self._writer: threading.Thread | None = None
        self._stopping = threading.Event()
        self._stream_lock = threading.Lock()
        self._frames = 0
        self._overflows = 0
        self._watch: SignalWatch | None = None
        self._result: RecordingResult | None = None
        self._error: BaseException | None = None
        self.first_block_at: float | None = None  # time.monotonic() of the first audio
        self._writer_cpu_s = 0.0

    # -- control -------------------------------------------------------------------------------

    def start(self) -> None:
        sd = portaudio()
        if self._device is None:
            self._device, self.device_notice = choose_input_device(self._preferred)
        device = self._device
        rate = self._input_rate or device.default_samplerate
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = sf.SoundFile(str(self.part), "w", samplerate=self.sample_rate, channels=1,
                                      format="WAV", subtype="PCM_16")
        except (OSError, RuntimeError) as exc:
            raise AudioError(f"The recording cannot be saved in {self.path.parent} ({exc}). "
                             f"Free some disk space or choose another folder.") from exc
        watch = self._watch = SignalWatch(rate)
        try:
            stream = self._stream = sd.InputStream(device=device.index, samplerate=rate, channels=1, dtype="float32",
                                                   blocksize=int(rate * BLOCK_S), callback=self._on_audio,
                                                   finished_callback=self._on_stream_finished)
            stream.start()
        except (sd.PortAudioError, OSError) as exc:
            self._stopping.set()
            self._stop_stream()  # one that opened but would not start is closed too
            self._file.close()
            self.part.unlink(missing_ok=True)
            raise AudioError(f"The microphone \u201c{device.name}\u201d could not be opened ({exc}). "
                             f"Close other programs that use it, or choose another microphone.") from exc
        # The writer starts once the stream runs (the first blocks wait in the queue), so a
        # microphone that cannot be opened leaves no file and no result behind.
        self._writer = threading.Thread(target=self._write_loop, args=(watch, rate, device.name),
                                        name="recording-writer", daemon=True)
        self._writer.start()

    def stop(self) -> RecordingResult:
        """Stop and finalise; returns the result (also after an automatic stop). Idempotent."""
        self._stopping.set()
        self._stop_stream()
        if self._writer is not None:
            self._writer.join()
        if self._error is not None:
            raise AudioError(f"The recording could not be saved ({self._error}). "
                             f"What was recorded is in {self.part}.") from self._error
        assert self._result is not None
        return self._result

    # -- for the UI (any thread) ---------------------------------------------------------------

    @property
    def device_name(self) -> str | None:
        return self._device.name if self._device else None

    @property
    def elapsed_s(self) -> float:
        return self._frames / self.sample_rate

    @property
    def level(self) -> SignalLevel | None:
        return self._watch.latest if self._watch else None

    @property
    def signal_problem(self) -> str | None:
        return self._watch.problem() if self._watch else None

    @property
    def writer_cpu_s(self) -> float:
        """CPU time the writer thread has used (for diagnostics and the benchmark)."""
        writer = self._writer
        if writer is None or writer.ident is None or not writer.is_alive():
            return self._writer_cpu_s
        return time.clock_gettime(time.pthread_getcpuclockid(writer.ident))

    @property
    def finished(self) -> bool:
        return self._result is not None or self._error is not None

    # -- threads -------------------------------------------------------------------------------

    def _on_audio(self, indata: np.ndarray, frames: int, time_info: object, status: object) -> None:
        # PortAudio's thread: copy and go. No allocation beyond the copy, no locks, no I/O.
        if getattr(status, "input_overflow", False):
            self._overflows += 1
        self._queue.put(indata[:, 0].copy())

    def _on_stream_finished(self) -> None:
        self._queue.put(None)

    def _stop_stream(self) -> None:
        with self._stream_lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception as exc:  # a stream whose device vanished may refuse to stop cleanly
                log.info("Closing the input stream: %s", exc)
            self._queue.put(None)

    def _write_loop(self, watch: SignalWatch, input_rate: int, device_name: str) -> None:
        # The resampler is made, used and dropped here, never kept on the recorder: a finished
        # Recorder may live on (the UI service keeps its last one) until the process exits, and
        # nanobind reports a soxr object still alive then as leaked.
        resampler = (soxr.ResampleStream(input_rate, self.sample_rate, 1, dtype="float32")
                     if input_rate != self.sample_rate else None)
        reason = StopReason.USER
        max_frames = int(self.max_duration_s * self.sample_rate) if self.max_duration_s else None
        last_block = time.monotonic()
        try:
            while True:
                try:
                    block = self._queue.get(timeout=0.25)
                except queue.Empty:
                    timeout = SILENT_STREAM_TIMEOUT_S if self.first_block_at else FIRST_BLOCK_TIMEOUT_S
                    if not self._stopping.is_set() and time.monotonic() - last_block > timeout:
                        reason = StopReason.MICROPHONE_LOST
                        break
                    continue
                if block is None:  # the stream ended
                    if not self._stopping.is_set():
                        reason = StopReason.MICROPHONE_LOST
                    break
                last_block = time.monotonic()
                if self.first_block_at is None:
                    self.first_block_at = last_block
                watch.add(block)
                out = resampler.resample_chunk(block) if resampler else block
                if max_frames is not None and self._frames + len(out) >= max_frames:
                    self._write(out[: max_frames - self._frames])
                    reason = StopReason.MAX_DURATION
                    break
                self._write(out)
            self._stopping.set()
            if reason is not StopReason.USER:
                self._stop_stream()
            if resampler and reason is not StopReason.MAX_DURATION:
                self._write(resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True))
            resampler = None  # done with: released before `on_finished` runs
            self._finalise(reason, watch, device_name)
        except (OSError, RuntimeError) as exc:  # soundfile's LibsndfileError is a RuntimeError
            log.warning("Writing the recording failed: %s", exc)
            resampler = None  # `exc`'s traceback (kept in `_error`) holds this frame
            self._stopping.set()
            self._stop_stream()
            try:  # keep what reached the disk: the header is rewritten in place, needing no space
                self._finalise(StopReason.SAVE_FAILED, watch, device_name)
            except (OSError, RuntimeError) as final_exc:
                log.warning("Could not finalise %s; it stays for recovery: %s", self.part, final_exc)
                self._error = exc
        self._writer_cpu_s = time.thread_time()
        if self._on_finished is not None and self._result is not None:
            self._on_finished(self._result)

    def _write(self, samples: np.ndarray) -> None:
        if len(samples):
            before = self._file.tell()
            try:
                self._file.write(samples)
            finally:  # a failed write may still have stored part of the block
                self._frames += self._file.tell() - before

    def _finalise(self, reason: StopReason, watch: SignalWatch, device_name: str) -> None:
        if not self._file.closed:
            self._file.close()  # writes the header's sizes
        with open(self.part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.part, self.path)
        fsync_dir(self.path.parent)
        self._result = RecordingResult(
            self.path, self._frames / self.sample_rate, self.sample_rate, 1, reason, device_name,
            watch.clipped_samples, self._overflows, watch.problem())
