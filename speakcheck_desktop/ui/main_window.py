"""The main window: level picker, task card, recorder, transcript and score panes, history dock and
status bar, driving one speaking test at a time through the services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from speakcheck_desktop.core.records import EventType
from speakcheck_desktop.remote.outbox_relay import SyncStatus
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.store.local_store import SessionDetail, SessionSummary, parse_gridfs_url
from speakcheck_desktop.ui.exam_flow import ExamFlow
from speakcheck_desktop.ui.history_dock import HistoryDock
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.settings_dialog import edit_settings, sync_status_text
from speakcheck_desktop.ui.widgets import ErrorBanner, LevelPicker, RecorderPanel, TaskCard


class MainWindow(QMainWindow):
    def __init__(self, services: Any, settings_store: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("SpeakCheck \u2013 CEFR speaking practice")
        self.services = services
        self.sessions = services.sessions
        self.recorder = services.recorder
        self._qsettings = settings_store

        self.levels = LevelPicker()
        self.task_card = TaskCard()
        self.panel = RecorderPanel()
        self.transcript = TranscriptPane()
        self.scores = ScorePane()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.levels)
        left_layout.addWidget(self.task_card)
        left_layout.addWidget(self.panel)
        left_layout.addStretch(1)
        results = QSplitter(Qt.Vertical)
        results.addWidget(self.transcript)
        results.addWidget(self.scores)
        results.setStretchFactor(1, 2)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(results)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.banner = ErrorBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.history = HistoryDock(self.sessions, self)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.history)

        settings_action = QAction("Settings\u2026", self)
        settings_action.setShortcut(QKeySequence.Preferences)
        settings_action.triggered.connect(self.open_settings)
        history_action = self.history.toggleViewAction()
        history_action.setText("History")
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(settings_action)
        toolbar.addAction(history_action)
        self.sync_label = QLabel("Sync: starting\u2026")
        self.ai_label = QLabel("AI: ready")
        self.mic_label = QLabel("Microphone: not checked")
        for label in (self.sync_label, self.ai_label, self.mic_label):
            self.statusBar().addPermanentWidget(label)

        self.flow = ExamFlow(services, self.task_card, self.panel, self.transcript, self.scores, parent=self)
        QShortcut(QKeySequence(Qt.Key_Space), self, self.flow.space)

        self.levels.level_changed.connect(self._level_changed)
        self.task_card.another_requested.connect(lambda: self._choose_task(exclude=self._task_id()))
        self.panel.start_requested.connect(self.start_test)
        self.history.open_requested.connect(self._open_session)
        self.history.resume_requested.connect(self._resume_session)
        self.history.delete_requested.connect(self._delete_session)
        self.flow.phase_changed.connect(self._phase_changed)
        self.flow.microphone.connect(self.mic_label.setText)
        self.flow.ai_state.connect(self.ai_label.setText)
        self.flow.problem.connect(self.show_error)

        s = self.sessions
        s.error.connect(self.show_error)
        s.test_finished.connect(lambda session: self._set_idle())
        s.history_changed.connect(self.history.reload)
        s.notice.connect(lambda text: self.statusBar().showMessage(text, 20000))
        if services.sync is not None:
            services.sync.status_changed.connect(self.show_sync_status)
            services.sync.fetch_progress.connect(self._fetch_progress)
        else:
            self.sync_label.setText("Sync: off")
        if not services.can_assess:
            self.ai_label.setText("AI: not set up")
            self.ai_label.setToolTip("Add your OpenAI API key or a compatible server in Settings; until then your "
                                     "answers are saved and measured, and assessed later.")
        self._restore_layout()
        self._choose_task()
        self.history.reload()

    # -- the flow (ui/exam_flow.py runs the test itself) ------------------------------------------

    @property
    def phase(self) -> str:
        return self.flow.phase

    @property
    def test(self) -> ActiveTest | None:
        return self.flow.test

    def start_test(self) -> None:
        self.flow.start_test(self.levels.level, self.task_card.task)

    def stop_recording(self) -> None:
        self.flow.stop_recording()

    def _level_changed(self, level: str) -> None:
        if self.phase == "idle":
            self._choose_task()

    def _choose_task(self, exclude: str | None = None) -> None:
        self.sessions.choose_task(self.levels.level, exclude, self.task_card.show_task)

    def _task_id(self) -> str | None:
        return self.task_card.task.id if self.task_card.task else None

    def _phase_changed(self, phase: str) -> None:
        self.levels.setEnabled(phase == "idle")

    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_label.setText(sync_status_text(status))
        self.sync_label.setToolTip(status.problem or "")

    def show_error(self, message: str) -> None:
        """Problems show in a banner at the top, in words; nothing blocks the window."""
        self.banner.show_message(message)

    # -- settings ------------------------------------------------------------------------------

    def open_settings(self) -> None:
        edit_settings(self, self.services, self.show_error,
                      lambda text: self.statusBar().showMessage(text, 15000))

    # -- history -------------------------------------------------------------------------------

    def _open_session(self, item: SessionSummary) -> None:
        self.sessions.session_detail(item.session.id, self._show_detail)

    def _show_detail(self, detail: SessionDetail | None) -> None:
        if detail is None:
            return
        evaluation = detail.evaluations[-1] if detail.evaluations else None
        transcript = detail.transcripts[-1] if detail.transcripts else None
        payload = next((e.payload for e in reversed(detail.events)
                        if e.type in (EventType.EVALUATE, EventType.INSUFFICIENT_EVIDENCE)), None) or {}
        self.flow.shown_recording = None
        recording = detail.recordings[-1] if detail.recordings else None
        # Audio that went missing or changed after it was recorded is named, and never played as the answer.
        lost = next((e.payload for e in reversed(detail.events) if e.type == EventType.AUDIO_LOST
                     and recording is not None and e.payload.get("recording_id") == str(recording.id)), None)
        if recording is not None and lost is None:
            self.sessions.on_store(lambda store: store.local_audio(recording),
                                   lambda path: self._audio_located(recording, path))
        if transcript is None:
            if lost is not None:
                self.transcript.show_status("This answer cannot be assessed.")
                self.scores.clear(lost.get("message", "The recording's audio is gone."))
                return
            self.transcript.show_status("No transcript yet." if recording else "Nothing was recorded.")
            self.scores.clear()
            return
        self.flow.show_result(transcript.text, transcript.segments, payload.get("fluency", {}), evaluation,
                          payload.get("reasons", []), payload.get("advice", []),
                          [tuple(p) for p in payload.get("pauses", [])], payload.get("outside_scale"))

    def _audio_located(self, recording: Any, path: Path | None) -> None:
        """Play from this computer when the file is here, else fetch it from GridFS on demand."""
        if path is not None and path.exists():
            self.flow.shown_recording = path
            return
        where = parse_gridfs_url(recording.file_url)
        sync = self.services.sync
        if where is None or sync is None:
            return  # pruned local audio: the transcript and scores still show
        bucket, file_id = where
        self.statusBar().showMessage("Fetching the recording from MongoDB\u2026")

        def fetched(cached: Path) -> None:
            self.flow.shown_recording = cached
            self.statusBar().showMessage("The recording is here: click a tip to hear that part.", 10000)
        sync.fetch_audio(bucket, file_id, self.services.settings.data_dir / "cache" / "audio", fetched,
                         self.show_error)

    def _fetch_progress(self, done: int, total: int) -> None:
        self.statusBar().showMessage(f"Fetching the recording from MongoDB\u2026 {done * 100 // max(total, 1)} %")

    def _resume_session(self, item: SessionSummary) -> None:
        if self.phase in ("preparing", "recording"):
            self.show_error("Finish the current test before resuming another one.")
            return
        self.sessions.resume(item.session.id, self._resumed)

    def _resumed(self, test: ActiveTest) -> None:
        self.levels.set_level(test.session.level.value)
        self.flow.resumed(test)

    def _delete_session(self, item: SessionSummary) -> None:
        answer = QMessageBox.question(
            self, "Delete session",
            f"Delete the {item.session.level.value} session of {item.session.started_at.astimezone():%Y-%m-%d %H:%M}, "
            f"its recordings and results? This cannot be undone.")
        if answer == QMessageBox.Yes:
            self.sessions.delete_session(item.session.id)

    def _set_idle(self) -> None:
        self.flow.reset("Test finished. Choose a level and start another when you are ready.", clear_results=False)
        self._choose_task()

    def _restore_layout(self) -> None:
        if self._qsettings is not None:
            geometry = self._qsettings.value("window/geometry")
            state = self._qsettings.value("window/state")
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)
        if self._qsettings is None or self._qsettings.value("window/geometry") is None:
            self.resize(1280, 800)

    def closeEvent(self, event: Any) -> None:
        if self._qsettings is not None:
            self._qsettings.setValue("window/geometry", self.saveGeometry())
            self._qsettings.setValue("window/state", self.saveState())
        self.flow.stop_timers()
        super().closeEvent(event)
