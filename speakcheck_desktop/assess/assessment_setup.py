"""Which transcriber and evaluator the settings, the key and the installed packages make: decided
once, in one place, for the window, the kiosk and the command line alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from speakcheck_desktop.assess.api import Endpoint, endpoints
from speakcheck_desktop.assess.local_transcriber import offline_pack_installed
from speakcheck_desktop.assess.offline_models import OfflineModel
from speakcheck_desktop.config import Settings, TranscribeWith
from speakcheck_desktop.store.local_store import LocalStore

if TYPE_CHECKING:
    # What does the work is imported when an answer is first assessed (on the AI lane), not when
    # the app starts: NumPy, libsndfile, pydantic and the AI SDK weigh ~0.6 s (issue 20, start-up).
    from speakcheck_desktop.assess.assessment import Assessor
    from speakcheck_desktop.assess.evaluator import Evaluator
    from speakcheck_desktop.assess.transcriber import SpeechToText


@dataclass(frozen=True)
class AssessmentSetup:
    transcribe_with: TranscribeWith | None  # None: nothing can transcribe (no key, no server, no offline pack)
    speech: Endpoint  # used when transcription is not local
    chat: Endpoint
    can_evaluate: bool  # a key, or an evaluation server (local servers need no key)
    local_model: OfflineModel
    models_dir: Path  # where models assembled from parts are kept

    @property
    def can_transcribe(self) -> bool:
        return self.transcribe_with is not None

    @property
    def local(self) -> bool:
        return self.transcribe_with is TranscribeWith.LOCAL

    def transcriber(self) -> SpeechToText | None:
        if self.transcribe_with is None:
            return None
        if self.transcribe_with is TranscribeWith.LOCAL:
            from speakcheck_desktop.assess.local_transcriber import LocalTranscriber
            return LocalTranscriber(self.local_model, self.models_dir)
        from speakcheck_desktop.assess.transcriber import Transcriber
        return Transcriber(self.speech)

    def evaluator(self) -> Evaluator | None:
        from speakcheck_desktop.assess.evaluator import Evaluator
        return Evaluator(self.chat) if self.can_evaluate else None

    def assessor(self, store: LocalStore, work_dir: Path) -> Assessor | None:
        """An assessor on `store` (the AI lane's connection), or None when nothing can transcribe."""
        from speakcheck_desktop.assess.assessment import Assessor
        transcriber = self.transcriber()
        return Assessor(store, transcriber, self.evaluator(), work_dir) if transcriber is not None else None

    @property
    def api_key(self) -> str | None:
        return self.chat.api_key

    def status(self) -> str:
        """One line for the status bar."""
        where = {TranscribeWith.LOCAL: "transcribed on this computer", TranscribeWith.SERVER: "transcribed by your "
                 "server", TranscribeWith.OPENAI: "transcribed by OpenAI", None: "not transcribed yet"}
        speech = where[self.transcribe_with]
        return f"AI: answers {speech}" + ("" if self.can_evaluate else "; levels need an evaluation service")


def assessment_setup(settings: Settings, api_key: str | None, *, offline: bool | None = None,
                     forced: TranscribeWith | None = None) -> AssessmentSetup:
    """`offline`: whether the offline pack is installed (found out when None); `forced`: where to
    transcribe whatever the settings say (the command line's --local)."""
    speech, chat = endpoints(settings, api_key)
    route = forced or settings.transcribe_with
    if route is None:  # automatic: what is set up, and this computer when nothing is
        if settings.transcribe_base_url:
            route = TranscribeWith.SERVER
        elif api_key:
            route = TranscribeWith.OPENAI
        elif offline if offline is not None else offline_pack_installed():
            route = TranscribeWith.LOCAL
    elif route is TranscribeWith.OPENAI:
        speech = Endpoint(None, speech.model, api_key, speech.timeout_s, speech.retries)
        if not api_key:
            route = None  # OpenAI without a key: waits until one is added
    return AssessmentSetup(route, speech, chat, bool(api_key) or bool(settings.evaluate_base_url),
                           OfflineModel(settings.local_model), settings.data_dir / "cache" / "models")
