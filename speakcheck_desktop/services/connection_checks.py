"""The first-run setup's checks, each answering in words: does this AI server (or OpenAI with this
key) answer and know the model (`check_ai`, through the real openai SDK); is the offline pack
installed; and how does the microphone sound (`judge`: a 5-second test recording's verdict). The
Qt side, `ConnectionChecks`, runs them on its own lane ("checks") and owns the test recording from
start to deletion, so the setup window only shows what it is told."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from speakcheck_desktop.assess.api import Endpoint
from speakcheck_desktop.assess.local_transcriber import offline_pack_installed
from speakcheck_desktop.audio.levels import CLIP_LEVEL, NOISE_FLOOR_DBFS, SignalLevel, to_dbfs
from speakcheck_desktop.audio.outcomes import RecordingResult, StopReason
from speakcheck_desktop.audio.playback import Player
from speakcheck_desktop.audio.recorder import BLOCK_S
from speakcheck_desktop.audio.recovery import part_path
from speakcheck_desktop.config import redact_uri
from speakcheck_desktop.core.ai_timing import duration_text
from speakcheck_desktop.preferences import should_offer_setup

if TYPE_CHECKING:
    # Imported where used: the app builds this service at start, and its first screen needs
    # neither the SDK (~0.5 s to import) nor NumPy and libsndfile (issue 20, start-up).
    import numpy as np
    import openai
from speakcheck_desktop.services.failures import sentence_for
from speakcheck_desktop.services.lanes import TaskLane
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.settings_service import SettingsService

log = logging.getLogger(__name__)

# -- the AI check ------------------------------------------------------------------------------

KEY_REFUSED = "The key was refused: check that it was copied whole, or make a new one and paste it here."
KEY_NEEDED = "The server asks for an API key: enter the key it expects."
QUOTA_GONE = ("The key works, but its account has no credit left (its quota is used up): add credit to the "
              "account, or use another key.")
BUSY = "The server is busy right now (too many requests): wait a minute, then press Test again."
BAD_ADDRESS = "The server's address must start with http:// or https://, like http://localhost:8000/v1."
NO_MODEL = "Enter the model's name first, like gpt-4o-mini."
NO_KEY = "Enter your OpenAI API key first (it starts with sk-)."


def connected(model: str) -> str:
    return f"Connected: the server answered and knows {model}."


def unreachable(where: str) -> str:
    return (f"{where} could not be reached: check the address, that the server is running and that this "
            f"computer is online.")


def no_such_model(model: str, offered: list[str]) -> str:
    if not offered:
        others = " (it offers none)"
    else:
        shown = ", ".join(offered[:3])
        others = f" (it offers {shown}" + (f" and {len(offered) - 3} more)" if len(offered) > 3 else ")")
    return f"The server answered, but it has no model \u201c{model}\u201d{others}: check the model's name."


def check_ai(base_url: str | None, api_key: str | None, model: str, timeout_s: float) -> str:
    """Whether the server at `base_url` (None: OpenAI, or OPENAI_BASE_URL as the SDK reads it)
    answers with `api_key` and knows `model`, as a sentence. Asks for the model itself, and
    when the server has no such route (many compatible servers only list their models) looks
    for it in the list. Blocking: run it off the GUI thread. No exception text and no key ever
    reaches the sentence."""
    base_url = (base_url or "").strip() or None
    model = model.strip()
    api_key = (api_key or "").strip() or None
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        return BAD_ADDRESS
    if not model:
        return NO_MODEL
    if base_url is None and api_key is None:
        return NO_KEY
    import openai
    where = f"The server at {redact_uri(base_url)}" if base_url else "OpenAI"
    client = Endpoint(base_url, model, api_key, timeout_s=timeout_s, retries=0).client()
    try:
        try:
            found = client.models.retrieve(model)
        except openai.NotFoundError:
            return _look_in_list(client, model, where)
        # A web page at the address (not an API) comes back as text, not as a model.
        return connected(model) if getattr(found, "id", None) else _not_an_api(where)
    except openai.APIError as exc:
        log.info("AI check at %s: %s (HTTP %s, code %s)", where, type(exc).__name__,
                 getattr(exc, "status_code", None), exc.code)
        return _sentence(exc, where, model, api_key, timeout_s)
    finally:
        client.close()


def _look_in_list(client: openai.OpenAI, model: str, where: str) -> str:
    import openai
    try:
        offered = [m.id for m in client.models.list()]
    except openai.NotFoundError:
        return (f"{where} answered, but knows neither the model \u201c{model}\u201d nor a list of models: check "
                f"the address (it usually ends in /v1) and the model's name.")
    return connected(model) if model in offered else no_such_model(model, offered)


def _not_an_api(where: str) -> str:
    return f"{where} answered, but not as an OpenAI-compatible API: check the address (it usually ends in /v1)."


def _sentence(exc: openai.APIError, where: str, model: str, api_key: str | None, timeout_s: float) -> str:
    """The one place an openai error becomes the setup's sentence."""
    import openai
    if isinstance(exc, openai.APITimeoutError):  # before its base class, APIConnectionError
        return (f"{where} did not answer within {duration_text(timeout_s)}: check the address and that the "
                f"server is running, then press Test again.")
    if isinstance(exc, openai.APIConnectionError):
        return unreachable(where)
    if isinstance(exc, openai.AuthenticationError):
        return KEY_REFUSED if api_key else KEY_NEEDED
    if isinstance(exc, openai.RateLimitError):
        return QUOTA_GONE if "insufficient_quota" in (exc.code, exc.type) else BUSY
    if isinstance(exc, openai.PermissionDeniedError):
        return f"The key may not use {model}: choose another model, or check what the key is allowed to do."
    if isinstance(exc, openai.APIResponseValidationError):
        return _not_an_api(where)
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.InternalServerError):
        return f"{where} answered with an error of its own (HTTP {status}): try again later, or look at its log."
    return f"{where} refused the check (HTTP {status}): check the address and the model's name."


# -- the microphone test -----------------------------------------------------------------------

# The loudest moments of speech (the 95th percentile of 20 ms blocks) below this are too quiet to
# measure pauses and words reliably: a normal voice at a working distance lands between -30 and
# -12 dBFS. Below the noise floor (-60) nothing reached the microphone at all.
QUIET_DBFS = -40.0
LOUD_PERCENTILE = 95
TEST_PREFIX = "microphone-test-"


class MicVerdict(StrEnum):
    FINE = "fine"
    TOO_QUIET = "too_quiet"
    CLIPPING = "clipping"
    NO_SOUND = "no_sound"


MIC_SENTENCES = {
    MicVerdict.FINE: "The level is fine: your voice comes through clearly.",
    MicVerdict.TOO_QUIET: ("Too quiet: speak closer to the microphone or turn its input level up in the "
                           "system's sound settings, then record again."),
    MicVerdict.CLIPPING: ("Clipping: the sound is so loud that it distorts. Move a little away from the "
                          "microphone or turn its input level down, then record again."),
    MicVerdict.NO_SOUND: ("No sound reached the microphone: check that it is connected, not muted and the one "
                          "chosen above, then record again."),
}


@dataclass(frozen=True)
class MicTest:
    """What a test recording sounded like (plain data, for the setup window)."""
    verdict: MicVerdict
    loud_dbfs: float  # the loudest moments (LOUD_PERCENTILE of 20 ms blocks)
    peak_dbfs: float
    clipped_samples: int
    duration_s: float
    device_name: str

    @property
    def sentence(self) -> str:
        return MIC_SENTENCES[self.verdict]


def judge(samples: np.ndarray, rate: int, *, clipped_in_input: int = 0, device_name: str = "") -> MicTest:
    """The verdict on a recording's samples. `clipped_in_input`: clipped samples the recorder
    counted at the microphone's own rate, before resampling could smooth them away."""
    import numpy as np
    block = max(1, int(rate * BLOCK_S))
    count = len(samples) // block
    if count == 0:
        return MicTest(MicVerdict.NO_SOUND, to_dbfs(0.0), to_dbfs(0.0), 0, len(samples) / rate, device_name)
    blocks = samples[: count * block].reshape(count, block)
    rms = np.sqrt(np.mean(np.square(blocks, dtype=np.float64), axis=1))
    loud = to_dbfs(float(np.percentile(rms, LOUD_PERCENTILE)))
    magnitude = np.abs(samples)
    peak = to_dbfs(float(magnitude.max()))
    clipped = max(clipped_in_input, int(np.count_nonzero(magnitude >= CLIP_LEVEL)))
    if clipped:
        verdict = MicVerdict.CLIPPING
    elif loud < NOISE_FLOOR_DBFS:
        verdict = MicVerdict.NO_SOUND
    elif loud < QUIET_DBFS:
        verdict = MicVerdict.TOO_QUIET
    else:
        verdict = MicVerdict.FINE
    return MicTest(verdict, loud, peak, clipped, len(samples) / rate, device_name)


def level_in_words(level: SignalLevel) -> str:
    """The live level as the meter's text alternative: "good", "very quiet", ..."""
    if level.peak_dbfs >= to_dbfs(CLIP_LEVEL):
        return "too loud, it distorts"
    if level.rms_dbfs < NOISE_FLOOR_DBFS:
        return "no sound"
    if level.rms_dbfs < QUIET_DBFS:
        return "very quiet"
    return "good"


def judge_recording(result: RecordingResult) -> MicTest:
    """`judge` on a finished recording's file (blocking: off the GUI thread)."""
    import soundfile as sf
    samples, rate = sf.read(str(result.path), dtype="float32", always_2d=True)
    return judge(samples.mean(axis=1), int(rate), clipped_in_input=result.clipped_samples,
                 device_name=result.device_name)


def discard_test_recordings(work_dir: Path, keep: Path | None = None) -> None:
    """Delete test recordings (and their .part files) in `work_dir`, but `keep`'s: those left by a
    setup that was interrupted (a crash, a kill) would otherwise stay for ever."""
    kept = {keep.name, part_path(keep).name} if keep is not None else set()
    for path in work_dir.glob(f"{TEST_PREFIX}*"):
        if path.name not in kept:
            path.unlink(missing_ok=True)


class MicStep(StrEnum):
    IDLE = "idle"
    RECORDING = "recording"
    JUDGING = "judging"
    PLAYING = "playing"


class ConnectionChecks(QObject):
    """The setup's checks off the GUI thread. The microphone test has a recorder of its own, so the
    main window's test flow, which listens to the app's recorder, never hears of it. Call
    `shutdown` when the app quits (it joins the lanes and deletes a test recording left over)."""
    mic_started = Signal(str)  # the microphone's name
    mic_notice = Signal(str)  # e.g. the chosen microphone is gone and the default is used
    mic_judged = Signal(object)  # MicTest, as its playback starts
    mic_played = Signal()  # playback over (or not needed), the recording deleted
    mic_failed = Signal(str)  # recording or playing failed, in words; the recording is deleted
    _played_back = Signal()  # from PortAudio's thread, queued to this object's

    def __init__(self, settings: SettingsService, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._lane = TaskLane("checks", self._unhandled, self)
        self._recorder = RecorderService(self)
        self._player = Player(on_finished=self._played_back.emit)
        self._path: Path | None = None  # the test recording of the test under way
        self._step = MicStep.IDLE
        self._recorder.started.connect(self.mic_started)
        self._recorder.notice.connect(self.mic_notice)
        self._recorder.finished.connect(self._recorded)
        self._recorder.failed.connect(self._recording_failed)
        self._recorder.problem.connect(self.mic_failed)
        self._played_back.connect(self._playback_over)

    # -- the AI, the offline pack, the setup flag --------------------------------------------

    def test_ai(self, base_url: str | None, api_key: str | None, model: str, timeout_s: float,
                on_done: Callable[[str], None]) -> None:
        """`check_ai` on the lane; `on_done` gets its sentence (on the GUI thread)."""
        self._lane.submit(lambda: check_ai(base_url, api_key, model, timeout_s), on_done,
                          lambda exc: on_done(sentence_for(exc)))

    @staticmethod
    def offline_available() -> bool:
        """Whether the offline pack is installed (it looks for a package: quick, but it is disk)."""
        return offline_pack_installed()

    def find_offline_pack(self, on_done: Callable[[bool], None]) -> None:
        self._lane.submit(self.offline_available, on_done, lambda exc: on_done(False))

    def mark_setup_done(self, on_done: Callable[[None], None] | None = None) -> None:
        self._lane.submit(self._settings.mark_setup_done, on_done)

    def setup_wanted(self, on_done: Callable[[bool], None]) -> None:
        """Whether the setup should open by itself (`should_offer_setup`), read off the GUI thread."""
        self._lane.submit(lambda: should_offer_setup(self._settings.preferences()), on_done)

    # -- the microphone test -----------------------------------------------------------------

    @property
    def mic_step(self) -> MicStep:
        return self._step

    def list_devices(self, on_done: Callable[[list[str]], None]) -> None:
        """The microphones' names, off the GUI thread (on the test recorder's lane)."""
        self._recorder.list_devices(lambda devices: on_done([d.name for d in devices]))

    def mic_level(self) -> SignalLevel | None:
        return self._recorder.level() if self._step is MicStep.RECORDING else None

    def mic_elapsed_s(self) -> float:
        return self._recorder.elapsed_s() if self._step is MicStep.RECORDING else 0.0

    def test_microphone(self, device: str | None, seconds: float, work_dir: Path) -> None:
        """Record `seconds` from `device` (None: the system default) into a file of its own in
        `work_dir`, judge it, play it back, delete it. `mic_judged`, then `mic_played`, or
        `mic_failed`, say how it went."""
        if self._step is not MicStep.IDLE:
            return
        path = self._path = work_dir / f"{TEST_PREFIX}{uuid.uuid4().hex}.wav"
        self._step = MicStep.RECORDING
        self._lane.submit(lambda: discard_test_recordings(work_dir, keep=path))
        self._recorder.preferred_device = device
        self._recorder.start(path, seconds)

    def cancel_microphone_test(self) -> None:
        """Stop the test under way (the setup is leaving the page or closing); its file goes."""
        path, step = self._path, self._step
        self._path, self._step = None, MicStep.IDLE
        if step is MicStep.RECORDING:
            self._recorder.stop()  # its result is deleted when it comes (`_recorded`)
        elif step is MicStep.PLAYING:
            self._lane.submit(self._player.stop)
        if path is not None and step is not MicStep.RECORDING:
            self._discard(path)

    def _recorded(self, result: RecordingResult) -> None:
        if result.path != self._path:  # cancelled meanwhile
            self._discard(result.path)
            return
        if result.stopped_by in (StopReason.MICROPHONE_LOST, StopReason.SAVE_FAILED):
            self._fail(result.message or "The test recording stopped early. Record again.")
            return
        self._step = MicStep.JUDGING
        self._lane.submit(lambda: judge_recording(result), lambda test: self._judged(result.path, test),
                          lambda exc: self._fail(sentence_for(exc)) if result.path == self._path else None)

    def _judged(self, path: Path, test: MicTest) -> None:
        if path != self._path:
            return  # cancelled meanwhile (and deleted then)
        self.mic_judged.emit(test)
        if test.verdict is MicVerdict.NO_SOUND:  # nothing to hear
            self._playback_over()
            return
        self._step = MicStep.PLAYING

        def play() -> None:
            self._player.load(path)
            self._player.play()
        self._lane.submit(play, None, lambda exc: self._fail(sentence_for(exc)) if path == self._path else None)

    def _playback_over(self) -> None:
        path = self._path
        if path is None or self._step not in (MicStep.PLAYING, MicStep.JUDGING):
            return
        self._path, self._step = None, MicStep.IDLE
        self._discard(path)
        self.mic_played.emit()

    def _recording_failed(self, message: str) -> None:
        if self._step is MicStep.RECORDING:
            self._fail(message)

    def _fail(self, message: str) -> None:
        path, self._path, self._step = self._path, None, MicStep.IDLE
        if path is not None:
            self._discard(path)
        self.mic_failed.emit(message)

    def _discard(self, path: Path) -> None:
        def discard() -> None:
            path.unlink(missing_ok=True)
            part_path(path).unlink(missing_ok=True)
        self._lane.submit(discard)

    def _unhandled(self, exc: Exception) -> None:
        self.mic_failed.emit(sentence_for(exc))

    def shutdown(self) -> None:
        path = self._path
        self.cancel_microphone_test()
        self._recorder.shutdown()  # stops and finishes a recording under way
        self._player.stop()
        self._lane.shutdown()
        if path is not None:  # the lane's queued deletion is dropped at shutdown: done here, at quit
            path.unlink(missing_ok=True)
            part_path(path).unlink(missing_ok=True)
