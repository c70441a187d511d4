"""The main window: level picker, task card, recorder, transcript and score panes, history dock and
status bar, driving one speaking test at a time through the services."""

from __future__ import annotations

from pathlib import Path

from bson import ObjectId
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from speakcheck_desktop.core.results import AnswerResult
from speakcheck_desktop.remote.sync_status import SyncStatus
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.store.views import SessionSummary
from speakcheck_desktop.ui.exam_flow import ExamFlow
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.history_dock import HistoryDock
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.settings_dialog import SettingsDialog, edit_settings, sync_status_text
from speakcheck_desktop.ui.widgets import ErrorBanner, LevelPicker, RecorderPanel, TaskCard


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, settings_store: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("SpeakCheck \u2013 CEFR speaking practice")
        self.services = services
        self.sessions = services.sessions
        self.recorder = services.recorder
        self._qsettings = settings_store
        self._shown_session: ObjectId | None = None  # the past session whose result is on screen
        self._fetching = False  # its audio is coming from GridFS
        self.settings_dialog: SettingsDialog | None = None

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

        self.flow = ExamFlow(services, self.task_card, self.panel, transcript=self.transcript, scores=self.scores,
                             parent=self)
        QShortcut(QKeySequence(Qt.Key_Space), self, self.flow.space)

        self.levels.level_changed.connect(self._level_changed)
        self.task_card.another_requested.connect(lambda: self._choose_task(exclude=self._task_id()))
        self.panel.start_requested.connect(self.start_test)
        self.history.open_requested.connect(lambda item: self.open_session(item.session.id))
        self.history.resume_requested.connect(self._resume_session)
        self.history.delete_requested.connect(self._delete_session)
        self.flow.phase_changed.connect(self._phase_changed)
        self.flow.microphone.connect(self.mic_label.setText)
        self.flow.ai_state.connect(self.ai_label.setText)
        self.flow.problem.connect(self.show_error)

        s = self.sessions
        s.error.connect(self.show_error)
        s.test_finished.connect(lambda session: self._set_idle())
        s.test_started.connect(lambda test: self._forget_past_session())
        s.data_changed.connect(self.history.reload)
        s.audio_fetching.connect(self._fetch_progress)
        s.notice.connect(lambda text: self.statusBar().showMessage(text, 20000))
        if services.sync is not None:
            services.sync.status_changed.connect(self.show_sync_status)
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
    def phase(self) -> Phase:
        return self.flow.phase

    @property
    def test(self) -> ActiveTest | None:
        return self.flow.test

    def start_test(self) -> None:
        self.flow.start_test(self.levels.level, self.task_card.task)

    def stop_recording(self) -> None:
        self.flow.stop_recording()

    def _level_changed(self, level: str) -> None:
        if self.phase is Phase.IDLE:
            self._choose_task()

    def _choose_task(self, exclude: str | None = None) -> None:
        self.sessions.choose_task(self.levels.level, exclude, self.task_card.show_task)

    def _task_id(self) -> str | None:
        return self.task_card.task.id if self.task_card.task else None

    def _phase_changed(self, phase: Phase) -> None:
        self.levels.setEnabled(phase is Phase.IDLE)

    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_label.setText(sync_status_text(status))
        self.sync_label.setToolTip(status.problem or "")

    def show_error(self, message: str) -> None:
        """Problems show in a banner at the top, in words; nothing blocks the window."""
        self.banner.show_message(message)

    # -- settings ------------------------------------------------------------------------------

    def open_settings(self) -> None:
        self.settings_dialog = edit_settings(self, self.services, self.show_error,
                                             lambda text: self.statusBar().showMessage(text, 15000))

    # -- history -------------------------------------------------------------------------------

    def open_session(self, session_id: ObjectId) -> None:
        """Show a past session's result, as a live result shows; its audio follows when it is
        found (here, or fetched from GridFS), so its tips play their part of the answer."""
        self._shown_session, self._fetching = session_id, False

        def show(result: AnswerResult | None) -> None:
            if result is None or self._shown_session != session_id:
                return  # deleted meanwhile, or another session was opened since
            self.flow.show_past_result(result)
            # Audio that went missing or changed after recording is named, never played as the answer.
            if result.recording_id is not None and result.problem is None:
                self.sessions.recording_audio(result.recording_id, lambda path: self._audio_here(session_id, path))
        self.sessions.session_result(session_id, show)

    def _audio_here(self, session_id: ObjectId, path: Path) -> None:
        if self._shown_session != session_id:
            return  # a slow fetch for a session no longer on screen
        self.flow.show_recording(path)
        if self._fetching:
            self._fetching = False
            self.statusBar().showMessage("The recording is here: click a tip to hear that part.", 10000)

    def _forget_past_session(self) -> None:
        """A new test is on screen: audio still coming for a past session must not become its
        recording (tips would play the old answer)."""
        self._shown_session, self._fetching = None, False

    def _fetch_progress(self, done: int, total: int) -> None:
        self._fetching = True
        self.statusBar().showMessage(f"Fetching the recording from MongoDB\u2026 {done * 100 // max(total, 1)} %")

    def _resume_session(self, item: SessionSummary) -> None:
        if self.phase.in_test:
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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._qsettings is not None:
            self._qsettings.setValue("window/geometry", self.saveGeometry())
            self._qsettings.setValue("window/state", self.saveState())
        self.flow.stop_timers()
        super().closeEvent(event)
