"""Everything a window talks to, built once by the composition root (`app.build_services`)."""

from __future__ import annotations

from dataclasses import dataclass

from speakcheck_desktop.assess.assessment_setup import AssessmentSetup
from speakcheck_desktop.config import Settings
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.report_service import ReportService
from speakcheck_desktop.services.review_service import ReviewService
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.services.sync_service import SyncService


@dataclass
class AppServices:
    settings: Settings
    sessions: SessionService
    recorder: RecorderService
    sync: SyncService | None
    ai: AssessmentSetup  # where answers are transcribed and evaluated
    reviews: ReviewService  # examiners' reviews and the centre's routing rule
    reports: ReportService  # score reports as PDF

    @property
    def can_assess(self) -> bool:
        """Answers can be transcribed and given a level (a key, servers, or the offline pack and a server)."""
        return self.ai.can_transcribe and self.ai.can_evaluate

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
        self.reviews.shutdown()
        self.reports.shutdown()
        if self.sync is not None:
            self.sync.shutdown()
