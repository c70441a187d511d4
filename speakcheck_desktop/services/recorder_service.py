"""The microphone for the UI: start and stop off the GUI thread, the level polled by a timer,
and the end of a recording (by the person, the time limit, a lost microphone) as a signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.audio.devices import InputDevice, choose_input_device, list_input_devices
from speakcheck_desktop.audio.levels import SignalLevel
from speakcheck_desktop.audio.mic_check import check_microphone
from speakcheck_desktop.audio.playback import Player
from speakcheck_desktop.audio.recorder import Recorder
from speakcheck_desktop.audio.recovery import RecoveredRecording, recover_interrupted
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import TaskLane


class RecorderService(QObject):
    started = Signal(str)  # the microphone's name
    notice = Signal(str)  # e.g. the chosen microphone is gone and another one is used
    finished = Signal(object)  # RecordingResult
    failed = Signal(str)  # the recording could not start or finish, in words
    problem = Signal(str)  # anything else (playback, the microphone check), in words
    checked = Signal(object)  # MicCheck

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lane = TaskLane("audio", self._report, self)
        self._recorder: Recorder | None = None
        self._player = Player()
        self.preferred_device: str | None = None

    @property
    def recording(self) -> bool:
        return self._recorder is not None and not self._recorder.finished

    def level(self) -> SignalLevel | None:
        return self._recorder.level if self._recorder else None

    def elapsed_s(self) -> float:
        return self._recorder.elapsed_s if self._recorder else 0.0

    def signal_problem(self) -> str | None:
        return self._recorder.signal_problem if self._recorder else None

    def start(self, path: Path, max_duration_s: float) -> None:
        recorder = Recorder(path, preferred_device=self.preferred_device, max_duration_s=max_duration_s,
                            on_finished=self.finished.emit)  # emitted on the writer thread, queued to the GUI
        self._recorder = recorder

        def begin() -> str:
            recorder.start()
            return recorder.device_name or ""

        def started(name: str) -> None:
            if recorder.device_notice:
                self.notice.emit(recorder.device_notice)
            self.started.emit(name)

        self._lane.submit(begin, started, lambda exc: self._fail(exc))

    def stop(self) -> None:
        """Stop the recording; `finished` follows (it may already have, by itself)."""
        recorder = self._recorder
        if recorder is None or recorder.finished:
            return
        self._lane.submit(recorder.stop, None, self._fail)

    def play(self, path: Path, start_s: float = 0.0, end_s: float | None = None) -> None:
        """Play a span of a recording, to its end with no `end_s` (reading the file happens off
        the GUI thread)."""
        def play() -> None:
            self._player.load(path)
            self._player.play(start_s, end_s)
        self._lane.submit(play, None, self._report)

    def _report(self, exc: Exception) -> None:
        self.problem.emit(sentence_for(exc))

    def list_devices(self, on_done: Callable[[list[InputDevice]], None]) -> None:
        """The input devices, off the GUI thread. They are those PortAudio saw when it started:
        making it look again (Pa_Terminate) while any stream of the process is open crashes it,
        so a microphone plugged in later shows after a restart."""
        def failed(exc: Exception) -> None:
            self._report(exc)
            on_done([])  # the dialog still opens, with the system default
        self._lane.submit(list_input_devices, on_done, failed)

    def find_microphone(self, on_found: Callable[[str], None], on_missing: Callable[[str], None]) -> None:
        """Which microphone a recording would use (its name), or why there is none (a sentence),
        without opening it: quick enough to ask before a test starts, so that no session is made
        that could never be answered."""
        def find() -> str:
            device, _notice = choose_input_device(self.preferred_device)
            return device.name
        self._lane.submit(find, on_found, lambda exc: on_missing(sentence_for(exc)))

    def check_microphone(self) -> None:
        self._lane.submit(lambda: check_microphone(self.preferred_device), self.checked.emit, self._report)

    def recover(self, recordings_dir: Path, on_done: Callable[[list[RecoveredRecording]], None]) -> None:
        self._lane.submit(lambda: recover_interrupted(recordings_dir), on_done, self._report)

    def shutdown(self) -> None:
        recorder = self._recorder
        if recorder is not None and not recorder.finished:
            self._lane.submit(recorder.stop)
        self._player.stop()
        self._lane.shutdown()

    def _fail(self, exc: Exception) -> None:
        self._recorder = None
        self.failed.emit(sentence_for(exc))

