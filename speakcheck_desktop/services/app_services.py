"""Everything a window talks to, built once by the composition root (`app.build_services`)."""

from __future__ import annotations

from dataclasses import dataclass

from speakcheck_desktop.config import Settings
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.services.sync_service import SyncService


@dataclass
class AppServices:
    settings: Settings
    sessions: SessionService
    recorder: RecorderService
    sync: SyncService | None
    can_assess: bool = True  # an API key or compatible servers are configured

    def start(self) -> None:
        """Work for after the window is shown: tidy up, recover, resume, sync."""
        self.sessions.abandon_stale()
        self.sessions.conclude_ended_tests()
        self.recorder.recover(self.settings.recordings_dir, self.sessions.adopt_recovered)
        self.sessions.resume_pending_assessments()
        if self.sync is not None:
            self.sync.start()

    def shutdown(self) -> None:
        """Join every worker thread (recordings in progress are stopped and kept)."""
        self.recorder.shutdown()
        self.sessions.shutdown()
        if self.sync is not None:
            self.sync.shutdown()
