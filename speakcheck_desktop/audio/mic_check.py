"""The microphone check before a first recording: listen for a couple of seconds and say whether
sound arrives, too little, or too much."""

from __future__ import annotations

import time

import numpy as np

from speakcheck_desktop.audio.devices import choose_input_device, portaudio
from speakcheck_desktop.audio.errors import AudioError
from speakcheck_desktop.audio.levels import NO_SIGNAL_AFTER_S, SignalWatch, block_level
from speakcheck_desktop.audio.outcomes import MicCheck


def check_microphone(preferred: str | None = None, seconds: float = NO_SIGNAL_AFTER_S + 0.5) -> MicCheck:
    """Listen for `seconds` (blocking: call it off the GUI thread)."""
    sd = portaudio()
    device, notice = choose_input_device(preferred)
    blocks: list[np.ndarray] = []
    try:
        with sd.InputStream(device=device.index, samplerate=device.default_samplerate, channels=1, dtype="float32",
                            callback=lambda indata, *_: blocks.append(indata[:, 0].copy())):
            time.sleep(seconds)
    except sd.PortAudioError as exc:
        raise AudioError(f"The microphone \u201c{device.name}\u201d could not be opened ({exc}). "
                         f"Close other programs that use it, or choose another microphone.") from exc
    if not blocks:
        raise AudioError(f"The microphone \u201c{device.name}\u201d delivers no sound at all. "
                         f"Check that it is connected and allowed, or choose another one.")
    watch = SignalWatch(device.default_samplerate)
    for block in blocks:
        watch.add(block)
    overall = block_level(np.concatenate(blocks))
    return MicCheck(device.name, overall.rms_dbfs, overall.peak_dbfs, watch.problem(), notice)

