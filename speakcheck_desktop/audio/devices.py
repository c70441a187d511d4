"""Input devices: listing them by name, remembering the chosen one, and falling back to the
default (with a notice) when it is gone."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from speakcheck_desktop.audio.errors import AudioError, NoMicrophoneError


def portaudio() -> ModuleType:
    """The `sounddevice` module, imported on first use: it loads PortAudio and lists the devices
    at import, which must happen after the sound server is known (and not at app start-up)."""
    try:
        import sounddevice
    except OSError as exc:
        raise AudioError("The sound library PortAudio is missing, so no microphone can be used. "
                         "Install it (Debian/Ubuntu: sudo apt-get install libportaudio2) and start again.") from exc
    return sounddevice


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    default_samplerate: int
    max_channels: int
    is_default: bool


def refresh_devices() -> None:
    """Make PortAudio list the devices again (one was plugged in or out). Only when no stream of
    the process is open and no other thread uses PortAudio: Pa_Terminate under an open stream
    crashes the process. PortAudio lists devices once, when it is initialised."""
    sd = portaudio()
    sd._terminate()
    sd._initialize()


def list_input_devices() -> list[InputDevice]:
    sd = portaudio()
    try:
        default_index = sd.default.device[0]
        devices = sd.query_devices()
    except sd.PortAudioError as exc:
        raise AudioError(f"The sound system could not list microphones ({exc}).") from exc
    return [InputDevice(i, d["name"], int(d["default_samplerate"]), int(d["max_input_channels"]), i == default_index)
            for i, d in enumerate(devices) if d["max_input_channels"] > 0]


def choose_input_device(preferred: str | None = None) -> tuple[InputDevice, str | None]:
    """The microphone to record from, and a notice when the preferred one is not there."""
    devices = list_input_devices()
    if not devices:
        raise NoMicrophoneError("No microphone was found. Connect one (or allow this app to use it in the "
                                "system's privacy settings), then try again.")
    if preferred:
        for device in devices:
            if device.name == preferred:
                return device, None
    default = next((d for d in devices if d.is_default), devices[0])
    notice = (f"The microphone \u201c{preferred}\u201d is not connected; using \u201c{default.name}\u201d instead."
              if preferred else None)
    return default, notice
