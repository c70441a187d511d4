"""Everything a window talks to, built once by the composition root (`app.build_services`), and
switched over, service by service, when the person saves new settings (`apply_settings`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from speakcheck_desktop.assess.assessment_setup import AssessmentSetup
from speakcheck_desktop.config import Settings
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.services.connection_checks import ConnectionChecks
from speakcheck_desktop.services.progress_service import ProgressService
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.report_service import ReportService
from speakcheck_desktop.services.review_service import ReviewService
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.services.settings_service import SavedSettings, SettingsChanges
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
    progress: ProgressService  # progress over time
    checks: ConnectionChecks  # the first-run setup's tests (microphone, AI, MongoDB)
    offline: bool | None = None  # whether the offline pack counts as installed (None: found out)

    @property
    def can_assess(self) -> bool:
        """Answers can be transcribed and given a level (a key, servers, or the offline pack and a server)."""
        return self.ai.can_transcribe and self.ai.can_evaluate

    def apply_settings(self, changes: SettingsChanges, on_done: Callable[[SavedSettings], None]) -> None:
        """Save the person's changes and use them at once: answers are assessed with the new key or
        servers (those left waiting are tried again now), the sync and the examiners' copies talk
        to the new MongoDB, the recorder uses the chosen microphone. Nothing needs a restart."""
        self.recorder.preferred_device = changes.input_device

        def saved(result: SavedSettings) -> None:
            if result.settings is not None and result.ai is not None:
                self._switch(result.settings, result.ai)
            on_done(result)
        self.sessions.save_settings(changes, self.ai.api_key, saved, offline=self.offline)

    def _switch(self, settings: Settings, ai: AssessmentSetup) -> None:
        before, self.settings, self.ai = self.settings, settings, ai
        work_dir = settings.data_dir / "work"
        self.sessions.use_assessment(lambda store: ai.assessor(store, work_dir), ai.can_evaluate)
        mongo = (settings.mongodb_uri, settings.mongodb_db, settings.mongodb_timeout_s)
        if mongo != (before.mongodb_uri, before.mongodb_db, before.mongodb_timeout_s):
            if self.sync is not None:
                self.sync.use_mirror(MongoMirror(*mongo))
            if self.reviews.mirror is not None:
                self.reviews.use_mirror(MongoMirror(*mongo))

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
        self.progress.shutdown()
        self.checks.shutdown()
        if self.sync is not None:
            self.sync.shutdown()
