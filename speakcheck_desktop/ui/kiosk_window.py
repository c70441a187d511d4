"""Kiosk mode for test centres: full screen, one candidate after another.

Check-in (candidate ID, a name if the centre asks, the level the operator set or the centre
fixed) -> the exam (the centre's `format`: a whole mock test, part after part and question after
question, or one task; each question with its preparation countdown, recording and a set number
of attempts, and no result shown in between) -> a last screen that shows as much of the result
(a mock test's overall result) as the centre allows -> back to check-in, after "Next
candidate" or after `idle_reset_s` without input, with every trace of the candidate gone from the
screen and from this object. Settings, exit, another level and another attempt sit behind the
operator PIN; nothing else leads out of the window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bson import ObjectId
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.candidate import Candidate, CandidateError, check_in
from speakcheck_desktop.core.mock_format import MockTest
from speakcheck_desktop.core.operator_pin import PinGate
from speakcheck_desktop.core.records import Level, Recording, Session, SessionStatus
from speakcheck_desktop.core.results import AnswerResult, TestResult
from speakcheck_desktop.core.review import is_held
from speakcheck_desktop.core.task_bank import Task
from speakcheck_desktop.core.test_plan import TestPlan, mock_plan, practice_plan
from speakcheck_desktop.kiosk_config import KioskConfig, KioskFormat
from speakcheck_desktop.remote.sync_status import SyncStatus
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.store.views import PurgeReport
from speakcheck_desktop.ui.exam_flow import ExamFlow
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.kiosk_pages import CheckInPage, DonePage, ExamPage
from speakcheck_desktop.ui.operator_dialog import OperatorPanel, PinDialog
from speakcheck_desktop.ui.review_workspace import ReviewWorkspace
from speakcheck_desktop.ui.settings_dialog import SettingsDialog, edit_settings, sync_status_text
from speakcheck_desktop.ui.widgets import ErrorBanner

log = logging.getLogger(__name__)

INPUT_EVENTS = (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin)


@dataclass
class CandidateVisit:
    """Everything about the candidate at the kiosk now; `reset` drops it whole."""
    candidate: Candidate
    session_id: ObjectId | None = None
    recordings: set[ObjectId] = field(default_factory=set)
    result: AnswerResult | None = None  # quick practice: the answer's result
    test_result: TestResult | None = None  # a mock test: its overall result, once recorded
    held: bool = False  # the centre's routing rule held the result for an examiner: "under review"


class KioskWindow(QMainWindow):
    def __init__(self, services: AppServices, config: KioskConfig, *,
                 monotonic: Callable[[], float] = time.monotonic):
        super().__init__()
        self.setWindowTitle(self.tr("SpeakCheck \u2013 speaking test"))
        self.setWindowFlags(Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)  # read from a step back, by people under stress
        self.setFont(font)
        self.services = services
        self.review: ReviewWorkspace | None = None
        self.sessions = services.sessions
        self.config = config
        self.level = (config.level or Level.B1).value
        # Everything about the current candidate lives here (and in the flow); reset() drops it.
        self.visit: CandidateVisit | None = None
        self.gate = PinGate(config.operator_pin or "", monotonic)
        self._may_close = False
        self._sync_text = self.tr("Sync: starting\u2026") if services.sync else self.tr("Sync: off")
        self._backlog = self.tr("Nothing waiting.")
        self.pin_dialog: PinDialog | None = None
        self.operator_panel: OperatorPanel | None = None
        self.settings_dialog: SettingsDialog | None = None

        header = QHBoxLayout()
        self.centre = QLabel(config.centre or self.tr("SpeakCheck speaking test"))
        font = self.centre.font()
        font.setBold(True)
        self.centre.setFont(font)
        self.operator = QPushButton(self.tr("Operator"))
        self.operator.setFlat(True)
        self.operator.setFocusPolicy(Qt.NoFocus)
        self.operator.setAccessibleName(self.tr("Operator menu (PIN)"))
        # Who is taking the test, for the invigilator walking past; empty at check-in.
        self.who = QLabel("")
        self.who.setAccessibleName(self.tr("Candidate"))
        header.addWidget(self.centre)
        header.addStretch(1)
        header.addWidget(self.who)
        header.addStretch(1)
        header.addWidget(self.operator)
        self.banner = ErrorBanner()

        self.check_in_page = CheckInPage(config)
        self.exam_page = ExamPage()
        self.task_card, self.panel = self.exam_page.task_card, self.exam_page.panel
        self.done_page = DonePage()
        self.pages = QStackedWidget()
        for page in (self.check_in_page, self.exam_page, self.done_page):
            self.pages.addWidget(page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        # The candidate sees no transcript and no result during the test; the last page shows
        # what the centre allows.
        self.flow = ExamFlow(services, self.task_card, self.panel, attempts=config.attempts_per_task, parent=self)
        self.done_page.scores.tip_span_clicked.connect(self.flow.play_span)  # the tips' "hear that part"
        QShortcut(QKeySequence(Qt.Key_Space), self, self._space)

        self.check_in_page.begin.clicked.connect(self.begin_test)
        self.done_page.next.clicked.connect(self.reset)
        self.operator.clicked.connect(self.ask_pin)
        self.flow.problem.connect(self.banner.show_message)
        self.flow.assessed.connect(self._assessed)
        self.sessions.test_started.connect(self._test_started)
        self.sessions.start_failed.connect(self._start_failed)
        self.flow.not_started.connect(self._back_to_check_in)
        self.sessions.recording_saved.connect(self._recording_saved)
        self.flow.phase_changed.connect(self._phase_changed)
        self.sessions.error.connect(self._store_error)
        self.sessions.test_finished.connect(self._test_finished)
        self.sessions.test_concluded.connect(self._test_concluded)
        self.sessions.assessment_waiting.connect(self._assessment_waiting)
        if services.sync is not None:
            services.sync.status_changed.connect(self._sync_status)
            services.sync.purged.connect(self._purged)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(config.idle_reset_s * 1000))
        self._idle.timeout.connect(self._idle_timeout)
        QApplication.instance().installEventFilter(self)
        self.reset()

    # -- candidate flow ------------------------------------------------------------------------

    def begin_test(self) -> None:
        page = self.check_in_page
        try:
            candidate = check_in(page.candidate_id.text(), page.name.text(), self.config.centre,
                                 name_required=self.config.ask_name)
        except CandidateError as exc:
            page.message.setText(str(exc))
            return
        page.begin.setEnabled(False)
        page.message.setText(self.tr("Preparing your task\u2026"))
        self.visit = CandidateVisit(candidate)
        if self.config.format is KioskFormat.MOCK:
            self.sessions.choose_mock(self.level, self._mock_chosen, candidate=candidate)
        else:
            self.sessions.choose_task(self.level, None, self._task_chosen)

    @property
    def backlog(self) -> str:
        """What is still waiting to reach MongoDB, as the operator panel says it."""
        return self._backlog

    @property
    def candidate(self) -> Candidate | None:
        return self.visit.candidate if self.visit else None

    def _mock_chosen(self, test: MockTest | None) -> None:
        if self.visit is None:  # reset while the test was being chosen
            return
        if test is None:
            self.visit = None
            self.check_in_page.begin.setEnabled(True)
            self.check_in_page.message.setText(self.tr("There is no mock test at {level} in this kiosk's task bank: "
                                                       "ask the operator.").format(level=self.level))
            return
        plan = mock_plan(test)
        self.task_card.show_step(plan.steps[0])
        self._start(plan)

    def _task_chosen(self, task: Task) -> None:
        if self.visit is None:  # reset while the task was being chosen
            return
        self.task_card.show_task(task)
        self._start(practice_plan(task))

    def _start(self, plan: TestPlan) -> None:
        assert self.visit is not None
        self.who.setText(self.tr("Candidate {id}").format(id=self.visit.candidate.candidate_id))
        self.flow.start_test(self.level, plan, self.visit.candidate)
        self.pages.setCurrentWidget(self.exam_page)
        self.panel.focus_action()

    def _test_started(self, test: ActiveTest) -> None:
        if self.visit is not None and self.visit.session_id is None:
            self.visit.session_id = test.session.id

    def _start_failed(self) -> None:
        """No session could be made (a full disk, say; the banner says why): back to check-in
        with the candidate's ID still typed, so Begin can be pressed again once it is fixed."""
        if self.visit is None or self.visit.session_id is not None:
            return
        self._back_to_check_in()

    def _back_to_check_in(self) -> None:
        """No test is under way for the candidate (no session, or one abandoned with nothing in it)."""
        if self.visit is None:
            return
        self.visit = None
        if self.review is not None:  # nothing of the examiners' work stays on screen for a candidate
            self.review.close()
        self.flow.reset("")
        self.exam_page.clear()
        self.who.setText("")
        self.pages.setCurrentWidget(self.check_in_page)
        self.check_in_page.begin.setEnabled(True)
        self.check_in_page.message.setText(self.tr("The test could not start (see the message above). Press Begin "
                                                   "to try again, or ask the operator."))

    def _phase_changed(self, phase: Phase) -> None:
        if phase is Phase.SAVED:
            self._idle.start()  # an answer left unfinished still reaches "submitted"
        elif phase.in_test:
            self._idle.stop()

    def _recording_saved(self, recording: Recording) -> None:
        test = self.flow.test
        if self.visit is not None and test is not None and recording.session_id == test.session.id:
            self.visit.recordings.add(recording.id)

    def _test_finished(self, session: Session) -> None:
        visit = self.visit
        if visit is None or visit.session_id != session.id:
            return  # a previous candidate's session, closed after they left
        mock = self.config.format is KioskFormat.MOCK
        self.done_page.show_submitted(self.config.show_result, recorded=bool(visit.recordings),
                                      result=None if mock or visit.held else visit.result, several=mock)
        if visit.held:
            self.done_page.show_under_review(self.config.show_result)
        elif mock and visit.test_result is not None:
            self.done_page.show_test_result(self.config.show_result, visit.test_result)
        self.pages.setCurrentWidget(self.done_page)
        self.done_page.next.setFocus()
        self._idle.start()

    def _assessed(self, result: AnswerResult) -> None:
        visit = self.visit
        if visit is None or result.recording_id not in visit.recordings:
            return  # not this candidate's answer
        visit.result = result
        if self.config.format is not KioskFormat.PRACTICE:
            return  # a mock test's last page waits for the overall result (`_test_concluded`)
        self._route(visit, result.evaluation.confidence if result.evaluation else None)
        if self.pages.currentWidget() is self.done_page:
            if visit.held:
                self.done_page.show_under_review(self.config.show_result)
            else:
                self.done_page.show_result(self.config.show_result, result)

    def _test_concluded(self, result: TestResult) -> None:
        visit = self.visit
        if visit is None or visit.session_id != result.session_id:
            return  # a previous candidate's test, assessed after they left
        visit.test_result = result
        overall = result.overall
        self._route(visit, overall.confidence if overall and overall.level else None)
        if self.pages.currentWidget() is self.done_page:
            if visit.held:
                self.done_page.show_under_review(self.config.show_result)
            else:
                self.done_page.show_test_result(self.config.show_result, result)

    def _route(self, visit: CandidateVisit, confidence: float | None) -> None:
        """The centre's routing rule, for the last page: a result below its confidence says
        "under review" ("not enough evidence" has no level to hold). The session service records
        the hold where it stores the result, also for a result that comes after the candidate left."""
        if is_held(confidence, self.config.review_below):
            visit.held = True

    def _assessment_waiting(self, message: str) -> None:
        if self.pages.currentWidget() is self.done_page:
            self.done_page.show_waiting(self.config.show_result)

    def reset(self) -> None:
        """Back to check-in with nothing of the previous candidate on screen or in memory."""
        test = self.flow.test
        if test is not None and self.pages.currentWidget() is self.exam_page:
            # Left mid-test (idle, or the operator ended it): the session is kept, completed if an
            # answer was saved (in a mock test, the answers given are assessed), else abandoned.
            answered = self.visit is not None and bool(self.visit.recordings)
            self.sessions.finish_test(test.session.id,
                                      SessionStatus.COMPLETED if answered else SessionStatus.ABANDONED)
        self.visit = None
        if self.review is not None:  # nothing of the examiners' work stays on screen for a candidate
            self.review.close()
        self.flow.reset("")
        self.exam_page.clear()
        self.who.setText("")
        self.done_page.clear()
        self.check_in_page.clear()
        self.check_in_page.level.setText(self._level_text())
        self.banner.setVisible(False)
        self.banner.setText("")
        self.pages.setCurrentWidget(self.check_in_page)
        self.check_in_page.candidate_id.setFocus()
        self._idle.stop()

    def _level_text(self) -> str:
        if self.config.level:
            return self.tr("{level} (set by the centre)").format(level=self.level)
        return self.level

    def _space(self) -> None:
        if self.pages.currentWidget() is self.exam_page:
            self.flow.space()

    def _store_error(self, message: str) -> None:
        self.banner.show_message(message)
        if self.pages.currentWidget() is self.check_in_page:
            self.check_in_page.begin.setEnabled(True)
            self.check_in_page.message.setText("")

    # -- idle ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._idle_applies():
            self._idle.start()  # (re)start the countdown
        return False

    def _idle_applies(self) -> bool:
        """Idle time counts on the last page, after an answer was saved, and on a check-in
        form that holds something; never while someone prepares or speaks."""
        page = self.pages.currentWidget()
        if page is self.exam_page:
            return self.flow.phase is Phase.SAVED
        if page is self.check_in_page:
            return bool(self.check_in_page.candidate_id.text() or self.check_in_page.name.text()) or \
                self.visit is not None
        return True

    def _idle_timeout(self) -> None:
        if not self._idle_applies() or self.operator_panel is not None or self.pin_dialog is not None:
            return
        self.reset()  # an answer already saved is submitted there, as if they had pressed Finish

    # -- operator ------------------------------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.operator_pin:
            self.banner.show_message(self.tr("No operator PIN is set for this kiosk: set one with \u201cspeakcheck "
                                             "kiosk-pin\u201d."))
            return
        dialog = PinDialog(self.gate, self)
        self.pin_dialog = dialog
        dialog.accepted.connect(self._open_operator_panel)
        dialog.finished.connect(lambda _r: setattr(self, "pin_dialog", None))
        dialog.open()

    def _open_operator_panel(self) -> None:
        log.info("Operator unlocked the kiosk")  # the PIN itself is never logged
        in_test = self.pages.currentWidget() is self.exam_page
        panel = OperatorPanel(level=self.level, level_fixed=self.config.level is not None, in_test=in_test,
                              recording=self.flow.phase is Phase.RECORDING,
                              backlog=self._backlog, sync=self._sync_text, parent=self)
        panel.exit_requested.connect(self.exit_kiosk)
        panel.settings_requested.connect(self._settings)
        panel.level_chosen.connect(self._set_level)
        panel.retry_requested.connect(self._retry)
        panel.end_test_requested.connect(self.reset)
        panel.review_requested.connect(self.open_review)
        panel.finished.connect(lambda _r: setattr(self, "operator_panel", None))
        self.operator_panel = panel
        panel.open()

    def open_review(self) -> None:
        """The Review workspace, for the centre's examiners (reached through the operator PIN only)."""
        if self.review is None:
            self.review = ReviewWorkspace(self.services.reviews, self.sessions, self.services.recorder, self)
            self.review.setWindowFlag(Qt.WindowStaysOnTopHint)  # above the full-screen kiosk window
        self.review.show()
        self.review.raise_()
        self.review.reload()

    def _set_level(self, level: str) -> None:
        if self.config.level is None and self.pages.currentWidget() is not self.exam_page:
            self.level = level
            log.info("Operator set the level to %s", level)
            self.check_in_page.level.setText(self._level_text())

    def _retry(self) -> None:
        log.info("Operator allowed another attempt")
        self.flow.allow_another_attempt()

    def _settings(self) -> None:
        self.settings_dialog = edit_settings(self, self.services, self.banner.show_message,
                                             self.check_in_page.message.setText)

    def exit_kiosk(self) -> None:
        log.info("Operator closed the kiosk")
        self._may_close = True
        self.close()

    def _sync_status(self, status: SyncStatus) -> None:
        self._sync_text = sync_status_text(status) + (f" \u2013 {status.problem}" if status.problem else "")

    def _purged(self, report: PurgeReport) -> None:
        self._backlog = report.summary()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4 and the like: only the operator closes the kiosk
            return
        QApplication.instance().removeEventFilter(self)
        self._idle.stop()
        self.flow.stop_timers()
        super().closeEvent(event)
