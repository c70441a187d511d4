"""The main window: level and format pickers, task card, recorder, transcript and score panes,
history dock and status bar, driving one speaking test at a time through the services. A test of
parts (a mock test, one part) shows its overall result when it is over, with each question's
answer a click away."""

from __future__ import annotations

from pathlib import Path

from bson import ObjectId
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from speakcheck_desktop.core.mock_format import MockTest, PartKind
from speakcheck_desktop.core.records import Session
from speakcheck_desktop.core.results import AnswerResult, AnswerState, TestResult
from speakcheck_desktop.core.task_bank import Task
from speakcheck_desktop.core.test_plan import (
    FormatKind,
    TestPlan,
    mock_plan,
    part_plan,
    practice_plan,
    retake_plan,
)
from speakcheck_desktop.remote.sync_status import SyncStatus
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.store.views import SessionSummary
from speakcheck_desktop.ui.exam_flow import ExamFlow
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.first_run import FirstRunWizard
from speakcheck_desktop.ui.history_dock import HistoryDock
from speakcheck_desktop.ui.progress_view import ProgressWindow
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.review_workspace import ReviewWorkspace
from speakcheck_desktop.ui.settings_dialog import SettingsDialog, edit_settings, sync_status_text
from speakcheck_desktop.ui.widgets import ErrorBanner, FormatPicker, LevelPicker, RecorderPanel, TaskCard


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, settings_store: QSettings | None = None, *, offer_setup: bool = False):
        """`offer_setup`: open the first-run setup by itself until it was finished or skipped once."""
        super().__init__()
        self.setWindowTitle(self.tr("SpeakCheck \u2013 CEFR speaking practice"))
        self.services = services
        self.sessions = services.sessions
        self.recorder = services.recorder
        self._qsettings = settings_store
        self._shown_session: ObjectId | None = None  # the past session whose result is on screen
        self._fetching = False  # its audio is coming from GridFS
        self._shown_test: TestResult | None = None  # the test of parts whose result is on screen
        self._finished_test: ObjectId | None = None  # the test just finished here: its overall result follows
        self._choice = 0  # generation of what the task card should show: a late choice is dropped
        self.settings_dialog: SettingsDialog | None = None

        self.levels = LevelPicker()
        self.formats = FormatPicker()
        self.task_card = TaskCard()
        self.panel = RecorderPanel()
        self.panel.setTitle(self.tr("4. Speak"))
        self.transcript = TranscriptPane()
        self.scores = ScorePane()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.levels)
        left_layout.addWidget(self.formats)
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
        # Where a line starts: on the left, or on the right in a right-to-left language (Qt mirrors
        # the central widget, not the dock areas).
        self.addDockWidget(Qt.RightDockWidgetArea if self.layoutDirection() == Qt.RightToLeft
                           else Qt.LeftDockWidgetArea, self.history)

        settings_action = QAction(self.tr("Settings\u2026"), self)
        settings_action.setShortcut(QKeySequence.Preferences)
        settings_action.triggered.connect(self.open_settings)
        history_action = self.history.toggleViewAction()
        history_action.setText(self.tr("History"))
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(settings_action)
        toolbar.addAction(history_action)
        self.progress_action = QAction(self.tr("Progress"), self)
        self.progress_action.setShortcut(QKeySequence("Ctrl+P"))
        self.progress_action.setToolTip(self.tr("Your level, sub-scores and fluency over time (Ctrl+P)"))
        self.progress_action.triggered.connect(self.open_progress)
        toolbar.addAction(self.progress_action)
        self.progress: ProgressWindow | None = None
        self.review_action = QAction(self.tr("Review answers…"), self)
        self.review_action.setToolTip(self.tr("For examiners: review the AI's results, mark answers, see the "
                                              "agreement"))
        self.review_action.triggered.connect(self.open_review)
        toolbar.addAction(self.review_action)
        self.review: ReviewWorkspace | None = None
        self.setup: FirstRunWizard | None = None
        self.setup_action = QAction(self.tr("Set up SpeakCheck\u2026"), self)
        self.setup_action.setToolTip(self.tr("The microphone, how answers are assessed, and sync: three short steps"))
        self.setup_action.triggered.connect(self.open_setup)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.setup_action)
        self.sync_label = QLabel(self.tr("Sync: starting\u2026"))
        self.ai_label = QLabel(self.tr("AI: ready"))
        self.mic_label = QLabel(self.tr("Microphone: not checked"))
        for label in (self.sync_label, self.ai_label, self.mic_label):
            self.statusBar().addPermanentWidget(label)

        self.flow = ExamFlow(services, self.task_card, self.panel, transcript=self.transcript, scores=self.scores,
                             parent=self)
        # Space records and stops during a test. Not before one: then it is the focused control's
        # (a keyboard user presses Start, or picks a level, with it).
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key_Space), self, self.flow.space)
        self.space_shortcut.setEnabled(False)

        self.levels.level_changed.connect(self._level_changed)
        self.formats.format_changed.connect(lambda: self._level_changed(self.levels.level))
        self.task_card.another_requested.connect(self._another)
        self.scores.question_chosen.connect(self._show_question)
        self.scores.whole_test_requested.connect(lambda: self._show_test(self._shown_test))
        self.panel.start_requested.connect(self.start_test)
        self.panel.end_requested.connect(self.end_test)
        self.history.open_requested.connect(lambda item: self.open_session(item.session.id))
        self.history.resume_requested.connect(self._resume_session)
        self.history.delete_requested.connect(self._delete_session)
        self.history.retake_requested.connect(self._retake_part)
        self.history.report_requested.connect(self.save_report)
        self.flow.phase_changed.connect(self._phase_changed)
        self.flow.microphone.connect(self.mic_label.setText)
        self.flow.ai_state.connect(self.ai_label.setText)
        self.flow.problem.connect(self.show_error)

        s = self.sessions
        s.error.connect(self.show_error)
        s.test_finished.connect(self._test_finished)
        s.test_concluded.connect(self._test_concluded)
        s.test_started.connect(lambda test: self._forget_past_session())
        s.data_changed.connect(self.history.reload)
        s.audio_fetching.connect(self._fetch_progress)
        s.notice.connect(lambda text: self.statusBar().showMessage(text, 20000))
        if services.sync is not None:
            services.sync.status_changed.connect(self.show_sync_status)
        else:
            self.sync_label.setText(self.tr("Sync: off"))
        self.show_ai_setup()
        self._restore_layout()
        self._choose_task()
        self.history.reload()
        # Say at once whether there is a microphone, not only when a test is started.
        self.recorder.find_microphone(self._show_microphone,
                                      lambda why: self._show_microphone(self.tr("none found"), why))
        if offer_setup:
            services.checks.setup_wanted(lambda wanted: self.open_setup() if wanted else None)

    # -- the flow (ui/exam_flow.py runs the test itself) ------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.flow.phase

    @property
    def test(self) -> ActiveTest | None:
        return self.flow.test

    def start_test(self) -> None:
        """Start what the task card shows: a test of parts, or the quick-practice task."""
        card = self.task_card
        plan = card.plan or (practice_plan(card.task) if card.task else None)
        self.flow.start_test(self.levels.level, plan)

    def stop_recording(self) -> None:
        self.flow.stop_recording()

    def end_test(self) -> None:
        """Leave a test of several questions before its last: asked first, since an ended test
        cannot be resumed. The answers given are kept, assessed and count for the result."""
        test = self.flow.test
        if test is None or self.phase not in (Phase.PREPARING, Phase.SAVED):
            return
        left = len(test.plan.steps) - test.step - (1 if self.phase is Phase.SAVED else 0)
        answer = QMessageBox.question(
            self, self.tr("End the test"),
            self.tr("End the test now? {left} question(s) will stay unanswered, and an ended test cannot be resumed. "
                    "The answers you gave are kept and assessed.").format(left=left))
        if answer == QMessageBox.Yes and self.flow.test is test:
            self.flow.finish_test()

    def _level_changed(self, level: str) -> None:
        if self.phase is Phase.IDLE:
            self._choose_task()

    def _choose_task(self, exclude: str | None = None) -> None:
        """What Start will begin, for the level and format picked: a mock test the person has not
        taken yet, one part of one, or a quick-practice task."""
        level, kind = self.levels.level, self.formats.kind
        self._choice += 1
        choice = self._choice
        if kind is FormatKind.PRACTICE:
            self.sessions.choose_task(level, exclude, lambda task: self._task_chosen(choice, task))
            return
        part = self.formats.part_kind

        def chosen(test: MockTest | None) -> None:
            if self.phase is not Phase.IDLE or choice != self._choice:
                return  # the person moved on meanwhile (another level, format or retake)
            if test is None:
                self.task_card.clear()
                self.task_card.prompt.setText(self.tr("There is no mock test at {level} in the task bank.").format(
                    level=level))
                return
            self.task_card.show_plan(mock_plan(test) if kind is FormatKind.MOCK else part_plan(test, part))
        self.sessions.choose_mock(level, chosen, for_part=kind is FormatKind.PART, exclude=exclude)

    def _task_chosen(self, choice: int, task: Task) -> None:
        if self.phase is Phase.IDLE and choice == self._choice:
            self.task_card.show_task(task)

    def _another(self) -> None:
        card = self.task_card
        self._choose_task(exclude=card.plan.format_id if card.plan else card.task.id if card.task else None)

    def _phase_changed(self, phase: Phase) -> None:
        self.levels.setEnabled(phase is Phase.IDLE)
        self.formats.setEnabled(phase is Phase.IDLE)
        self.space_shortcut.setEnabled(phase is not Phase.IDLE)

    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_label.setText(sync_status_text(status))
        self.sync_label.setToolTip(status.problem or "")

    def show_ai_setup(self) -> None:
        """How answers are assessed, as set up now (at start, and after Settings were saved)."""
        ai = self.services.ai
        if not ai.can_transcribe:
            self.ai_label.setText(self.tr("AI: not set up"))
            self.ai_label.setToolTip(self.tr("Add your OpenAI API key or a compatible server in Settings, or install "
                                             "the offline pack; until then your answers are saved, and assessed "
                                             "later."))
        elif not ai.can_evaluate:
            self.ai_label.setText(self.tr("AI: measuring only"))
            # The status is the service's sentence, in English like every message from the engine.
            self.ai_label.setToolTip(self.tr("{status}. Add your OpenAI API key or an evaluation server in Settings "
                                             "for levels; until then answers get their transcript, fluency and "
                                             "vocabulary, and their level later.").format(status=ai.status()))
        else:
            self.ai_label.setText(self.tr("AI: ready"))
            self.ai_label.setToolTip(ai.status())

    def _show_microphone(self, name: str, why: str = "") -> None:
        """In the status line and above the buttons: a microphone's name, "none found" (with why)."""
        self.mic_label.setText(self.tr("Microphone: {name}").format(name=name))
        self.mic_label.setToolTip(why)
        self.panel.show_device(name)

    def show_error(self, message: str) -> None:
        """Problems show in a banner at the top, in words; nothing blocks the window."""
        self.banner.show_message(message)

    # -- settings ------------------------------------------------------------------------------

    def open_settings(self) -> None:
        self.settings_dialog = edit_settings(self, self.services, self.show_error,
                                             lambda text: self.statusBar().showMessage(text, 15000),
                                             applied=self.show_ai_setup)

    # -- history -------------------------------------------------------------------------------

    def open_session(self, session_id: ObjectId) -> None:
        """Show a past session's result, as a live result shows: a test of parts as a whole (its
        questions a click away), a quick practice as its answer. The audio follows when it is
        found (here, or fetched from GridFS), so the tips play their part of the answer."""
        self._shown_session, self._fetching, self._shown_test = session_id, False, None

        def show(result: TestResult | None) -> None:
            if result is None or self._shown_session != session_id:
                return  # deleted meanwhile, or another session was opened since
            if result.plan.kind is FormatKind.PRACTICE:
                self._show_answer(session_id, self._latest_answer(result))
            else:
                self._show_test(result)
        self.sessions.test_result(session_id, show)

    @staticmethod
    def _latest_answer(result: TestResult) -> AnswerResult:
        return result.questions[0].answer if result.questions else AnswerResult(state=AnswerState.NOTHING_RECORDED)

    def _show_answer(self, session_id: ObjectId, result: AnswerResult, *, in_test: bool = False) -> None:
        self.flow.show_past_result(result, in_test=in_test)
        # Audio that went missing or changed after recording is named, never played as the answer.
        if result.recording_id is not None and result.problem is None:
            self.sessions.recording_audio(result.recording_id, lambda path: self._audio_here(session_id, path))

    def _show_test(self, result: TestResult | None) -> None:
        if result is None:
            return
        self._shown_test = result
        self._shown_session = result.session_id
        self.flow.shown_recording = None
        self.scores.show_test_result(result)
        self.transcript.show_test(result)

    def _show_question(self, question_id: str) -> None:
        """One question of the test on screen, its answer as a live result shows."""
        test = self._shown_test
        question = next((q for q in test.questions if q.step.task.id == question_id), None) if test else None
        if test is not None and question is not None:
            self._show_answer(test.session_id, question.answer, in_test=True)

    def _test_finished(self, session: Session) -> None:
        test = self.flow.test
        multi = test is not None and test.session.id == session.id and test.plan.kind is not FormatKind.PRACTICE
        self._set_idle()
        if multi:
            # The test as it stands now (answers may still be on their way to being assessed);
            # the overall result replaces it when it is recorded (`_test_concluded`).
            self._finished_test = session.id
            self._shown_session = session.id
            self.sessions.test_result(session.id, self._show_if_current)

    def _show_if_current(self, result: TestResult | None) -> None:
        if result is not None and self._shown_session == result.session_id:
            self._show_test(result)

    def _test_concluded(self, result: TestResult) -> None:
        """A test's overall result was just recorded: shown if that test is the one on screen (not
        over another session opened from the history meanwhile, nor during the next test)."""
        if result.session_id == self._shown_session and not self.phase.in_test:
            self._show_test(result)
        if result.session_id == self._finished_test:
            level = result.overall.level.value if result.overall and result.overall.level else None
            self.statusBar().showMessage(self.tr("Your overall result is ready: {level}.").format(level=level)
                                         if level else self.tr("Your test is assessed: see the result."), 20000)

    def open_review(self) -> None:
        """The Review workspace, one per window, in a window of its own."""
        if self.review is None:
            self.review = ReviewWorkspace(self.services.reviews, self.sessions, self.services.recorder, self)
            self.review.reviewed.connect(lambda _record: self._reshow())
        self.review.show()
        self.review.raise_()
        self.review.reload()

    def open_setup(self) -> None:
        """The first-run setup (also from Help): not in the middle of a test, whose microphone it would need."""
        if self.phase.in_test:
            self.statusBar().showMessage(self.tr("Finish the test first: the setup tests the microphone."), 15000)
            return
        if self.setup is None or not self.setup.isVisible():
            self.setup = FirstRunWizard(self.services, self.services.checks, parent=self)
            self.setup.message.connect(self._setup_saved)
            self.setup.problem.connect(self.show_error)
            self.setup.open()
        self.setup.raise_()
        self.setup.activateWindow()

    def _setup_saved(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self.show_ai_setup()

    def open_progress(self) -> None:
        """The Progress window, one per window; it follows every change to the store while open."""
        if self.progress is None:
            self.progress = ProgressWindow(self.services.progress, self)
            self.sessions.data_changed.connect(self.progress.data_changed)
            self.services.progress.error.connect(self.show_error)
        self.progress.show()
        self.progress.raise_()
        self.progress.activateWindow()

    def _reshow(self) -> None:
        """A review may change the result on screen (the examiner's replaces the AI's): show it again."""
        if self._shown_session is not None and not self.phase.in_test:
            self.open_session(self._shown_session)

    def _retake_part(self, item: SessionSummary, part: PartKind) -> None:
        """One part of a past test again, as practice, in a session of its own (the test's own
        result stays as it is): shown on the task card, started with Start."""
        if self.phase is not Phase.IDLE:
            self.show_error(self.tr("Finish the current test before retaking a part."))
            return
        session = item.session
        plan: TestPlan | None = retake_plan(session.metadata, session.level, part, str(session.id))
        if plan is None:
            return
        self.levels.set_level(session.level.value)
        self.formats.set_format(FormatKind.PART, part)
        self._choice += 1  # what the pickers' change asked for must not replace the retake
        self.task_card.show_plan(plan)
        self.panel.focus_action()

    def _audio_here(self, session_id: ObjectId, path: Path) -> None:
        if self._shown_session != session_id:
            return  # a slow fetch for a session no longer on screen
        self.flow.show_recording(path)
        if self._fetching:
            self._fetching = False
            self.statusBar().showMessage(self.tr("The recording is here: click a tip to hear that part."), 10000)

    def _forget_past_session(self) -> None:
        """A new test is on screen: audio still coming for a past session must not become its
        recording (tips would play the old answer)."""
        self._shown_session, self._fetching = None, False

    def _fetch_progress(self, done: int, total: int) -> None:
        self._fetching = True
        self.statusBar().showMessage(self.tr("Fetching the recording from MongoDB\u2026 {percent} %").format(
            percent=done * 100 // max(total, 1)))

    def _resume_session(self, item: SessionSummary) -> None:
        if self.phase.in_test:
            self.show_error(self.tr("Finish the current test before resuming another one."))
            return
        self.sessions.resume(item.session.id, self._resumed)

    def _resumed(self, test: ActiveTest) -> None:
        self.levels.set_level(test.session.level.value)
        self.flow.resumed(test)

    def save_report(self, item: SessionSummary) -> None:
        """Ask where, then make the session's score report on the reports lane (the window never
        waits for it); the status bar says where it went, or the banner why it could not."""
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        name = f"speakcheck-report-{item.session.started_at.astimezone():%Y-%m-%d-%H%M}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(Path(folder) / name),
                                                self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        self.statusBar().showMessage(self.tr("Making the report\u2026"))
        self.services.reports.save(item.session.id, target, lambda text: self.statusBar().showMessage(text, 30000),
                                   self.show_error)

    def _delete_session(self, item: SessionSummary) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete session"),
            self.tr("Delete the {level} session of {when}, its recordings and results? This cannot be undone.").format(
                level=item.session.level.value, when=f"{item.session.started_at.astimezone():%Y-%m-%d %H:%M}"))
        if answer == QMessageBox.Yes:
            self.sessions.delete_session(item.session.id)

    def _set_idle(self) -> None:
        self.flow.reset(self.tr("Test finished. Choose a level and start another when you are ready."),
                        clear_results=False)
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
