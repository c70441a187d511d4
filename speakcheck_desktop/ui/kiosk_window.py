"""Kiosk mode for test centres: full screen, one candidate after another.

Check-in (candidate ID, a name if the centre asks, the level the operator set or the centre
fixed) -> the exam (task, preparation countdown, recording, a set number of attempts) -> a last
screen that shows as much of the result as the centre allows -> back to check-in, after "Next
candidate" or after `idle_reset_s` without input, with every trace of the candidate gone from the
screen and from this object. Settings, exit, another level and another attempt sit behind the
operator PIN; nothing else leads out of the window.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from speakcheck_desktop.core.candidate import Candidate, CandidateError, check_in
from speakcheck_desktop.core.operator_pin import PinGate
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.kiosk_config import KioskConfig
from speakcheck_desktop.remote.outbox_relay import SyncStatus
from speakcheck_desktop.store.local_store import PurgeReport
from speakcheck_desktop.ui.exam_flow import ExamFlow
from speakcheck_desktop.ui.operator_dialog import OperatorPanel, PinDialog
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.settings_dialog import edit_settings, sync_status_text
from speakcheck_desktop.ui.widgets import ErrorBanner, RecorderPanel, TaskCard

log = logging.getLogger(__name__)

INPUT_EVENTS = (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin)


class CheckInPage(QWidget):
    def __init__(self, config: KioskConfig, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QGroupBox("Check in")
        box.setMaximumWidth(560)
        form = QFormLayout(box)
        self.candidate_id = QLineEdit()
        self.candidate_id.setAccessibleName("Candidate ID")
        self.candidate_id.setPlaceholderText("as on the candidate's admission slip")
        form.addRow("Candidate ID", self.candidate_id)
        self.name = QLineEdit()
        self.name.setAccessibleName("Candidate name")
        if config.ask_name:
            form.addRow("Name", self.name)
        else:
            self.name.setVisible(False)
        self.level = QLabel()
        self.level.setAccessibleName("Level")
        form.addRow("Level", self.level)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("checkInMessage")
        form.addRow(self.message)
        self.begin = QPushButton("Begin the speaking test")
        self.begin.setDefault(True)
        form.addRow(self.begin)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.candidate_id.returnPressed.connect(self.begin.click)
        self.name.returnPressed.connect(self.begin.click)

    def clear(self) -> None:
        # setText (not clear()) also empties each field's undo history: Ctrl+Z must not bring back
        # the previous candidate's ID.
        self.candidate_id.setText("")
        self.name.setText("")
        self.message.setText("")
        self.begin.setEnabled(True)


class DonePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel("")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setAlignment(Qt.AlignCenter)
        self.detail.setWordWrap(True)
        self.scores = ScorePane()
        self.next = QPushButton("Next candidate")
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.scores, 3)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def clear(self) -> None:
        self.title.setText("")
        self.detail.setText("")
        self.scores.clear()


class KioskWindow(QMainWindow):
    def __init__(self, services: Any, config: KioskConfig, *, monotonic=time.monotonic):
        super().__init__()
        self.setWindowTitle("SpeakCheck \u2013 speaking test")
        self.setWindowFlags(Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)  # read from a step back, by people under stress
        self.setFont(font)
        self.services = services
        self.sessions = services.sessions
        self.config = config
        self.level = (config.level or Level.B1).value
        # Everything about the current candidate lives in these (and the flow); reset() empties them.
        self.candidate: Candidate | None = None
        self._session_id: Any = None
        self._recordings: set[Any] = set()
        self._outcome: Any = None
        self.gate = PinGate(config.operator_pin or "", monotonic)
        self._may_close = False
        self._sync_text = "Sync: starting\u2026" if services.sync else "Sync: off"
        self._backlog = "Nothing waiting."
        self.pin_dialog: PinDialog | None = None
        self.operator_panel: OperatorPanel | None = None

        header = QHBoxLayout()
        self.centre = QLabel(config.centre or "SpeakCheck speaking test")
        font = self.centre.font()
        font.setBold(True)
        self.centre.setFont(font)
        self.operator = QPushButton("Operator")
        self.operator.setFlat(True)
        self.operator.setFocusPolicy(Qt.NoFocus)
        self.operator.setAccessibleName("Operator menu (PIN)")
        # Who is taking the test, for the invigilator walking past; empty at check-in.
        self.who = QLabel("")
        self.who.setAccessibleName("Candidate")
        header.addWidget(self.centre)
        header.addStretch(1)
        header.addWidget(self.who)
        header.addStretch(1)
        header.addWidget(self.operator)
        self.banner = ErrorBanner()

        self.check_in_page = CheckInPage(config)
        self.task_card = TaskCard()
        self.task_card.another.setVisible(False)
        self.task_card.setTitle("Your task")
        self.panel = RecorderPanel()
        self.panel.setTitle("Speak")
        self.panel.start.setVisible(False)
        exam = QWidget()
        exam_layout = QVBoxLayout(exam)
        exam_layout.addWidget(self.task_card)
        exam_layout.addWidget(self.panel)
        exam_layout.addStretch(1)
        self.exam_page = exam
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

        # The candidate sees no transcript; the last page shows what the centre allows.
        self._hidden_transcript = TranscriptPane()
        self.flow = ExamFlow(services, self.task_card, self.panel, self._hidden_transcript, self.done_page.scores,
                             attempts=config.attempts_per_task, show_results=False, parent=self)
        QShortcut(QKeySequence(Qt.Key_Space), self, self._space)

        self.check_in_page.begin.clicked.connect(self.begin_test)
        self.done_page.next.clicked.connect(self.reset)
        self.operator.clicked.connect(self.ask_pin)
        self.flow.problem.connect(self.banner.show_message)
        self.flow.assessed.connect(self._assessed)
        self.sessions.test_started.connect(self._test_started)
        self.sessions.recording_saved.connect(self._recording_saved)
        self.flow.phase_changed.connect(self._phase_changed)
        self.sessions.error.connect(self._store_error)
        self.sessions.test_finished.connect(self._test_finished)
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
        page.message.setText("Preparing your task\u2026")
        self.candidate = candidate
        self.sessions.choose_task(self.level, None, self._task_chosen)

    def _task_chosen(self, task: Any) -> None:
        if self.candidate is None:  # reset while the task was being chosen
            return
        self.task_card.show_task(task)
        self.who.setText(f"Candidate {self.candidate.candidate_id}")
        self.flow.start_test(self.level, task, candidate=self.candidate)
        self.pages.setCurrentWidget(self.exam_page)
        self.panel.record.setFocus()

    def _test_started(self, test: Any) -> None:
        if self.candidate is not None and self._session_id is None:
            self._session_id = test.session.id

    def _phase_changed(self, phase: str) -> None:
        if phase == "saved":
            self._idle.start()  # an answer left unfinished still reaches "submitted"
        elif phase in ("preparing", "recording"):
            self._idle.stop()

    def _recording_saved(self, recording: Any) -> None:
        test = self.flow.test
        if test is not None and recording.session_id == test.session.id:
            self._recordings.add(recording.id)

    def _test_finished(self, session: Any) -> None:
        if self.candidate is None or self._session_id != session.id:
            return  # a previous candidate's session, closed after they left
        page = self.done_page
        page.title.setText("Thank you. Your answer was submitted.")
        shows = self.config.show_result
        page.scores.setVisible(shows == "scores")
        if shows == "submitted":
            page.detail.setText("Your centre will give you your result.")
        elif not self._recordings:
            page.detail.setText("Nothing was recorded.")
        elif self._outcome is not None:
            self._show_outcome(self._outcome)
        else:
            page.detail.setText("Your answer is being assessed\u2026")
            page.scores.clear("Assessing your answer\u2026")
        self.pages.setCurrentWidget(self.done_page)
        page.next.setFocus()
        self._idle.start()

    def _assessed(self, outcome: Any) -> None:
        if self.candidate is None or outcome.transcript.recording_id not in self._recordings:
            return  # not this candidate's answer
        self._outcome = outcome
        if self.pages.currentWidget() is self.done_page and self.config.show_result != "submitted":
            self._show_outcome(outcome)

    def _show_outcome(self, outcome: Any) -> None:
        page = self.done_page
        if outcome.evaluation is None:
            page.detail.setText("There was not enough speech to give a level. Your centre will tell you what "
                                "happens next.")
            page.scores.clear()
            return
        level = outcome.evaluation.overall_level.value
        page.detail.setText(f"Your level: {level}")
        if self.config.show_result == "scores":
            page.scores.show_evaluation(outcome.evaluation, outcome.measures.as_dict(), outcome.outside_scale)

    def _assessment_waiting(self, message: str) -> None:
        if self.pages.currentWidget() is self.done_page and self.config.show_result != "submitted":
            self.done_page.detail.setText("Your answer is saved. It will be assessed shortly; your centre will "
                                          "give you your result.")
            self.done_page.scores.clear()

    def reset(self) -> None:
        """Back to check-in with nothing of the previous candidate on screen or in memory."""
        test = self.flow.test
        if test is not None and self.pages.currentWidget() is self.exam_page:
            # Left mid-test (idle, or the operator ended it): the session is kept, completed if an
            # answer was saved, else abandoned.
            answered = self.flow.phase == "saved" and bool(self._recordings)
            self.sessions.finish_test(test.session.id,
                                      SessionStatus.COMPLETED if answered else SessionStatus.ABANDONED)
        self.candidate = None
        self._session_id = None
        self._recordings = set()
        self._outcome = None
        self.flow.reset("")
        self.task_card.clear()
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
        fixed = " (set by the centre)" if self.config.level else ""
        return f"{self.level}{fixed}"

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
            return self.flow.phase == "saved"
        if page is self.check_in_page:
            return bool(self.check_in_page.candidate_id.text() or self.check_in_page.name.text()) or \
                self.candidate is not None
        return True

    def _idle_timeout(self) -> None:
        if not self._idle_applies() or self.operator_panel is not None or self.pin_dialog is not None:
            return
        self.reset()  # an answer already saved is submitted there, as if they had pressed Finish

    # -- operator ------------------------------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.operator_pin:
            self.banner.show_message("No operator PIN is set for this kiosk: set one with \u201cspeakcheck "
                                     "kiosk-pin\u201d.")
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
                              recording=self.flow.phase == "recording",
                              backlog=self._backlog, sync=self._sync_text, parent=self)
        panel.exit_requested.connect(self.exit_kiosk)
        panel.settings_requested.connect(self._settings)
        panel.level_chosen.connect(self._set_level)
        panel.retry_requested.connect(self._retry)
        panel.end_test_requested.connect(self.reset)
        panel.finished.connect(lambda _r: setattr(self, "operator_panel", None))
        self.operator_panel = panel
        panel.open()

    def _set_level(self, level: str) -> None:
        if self.config.level is None and self.pages.currentWidget() is not self.exam_page:
            self.level = level
            log.info("Operator set the level to %s", level)
            self.check_in_page.level.setText(self._level_text())

    def _retry(self) -> None:
        log.info("Operator allowed another attempt")
        self.flow.allow_another_attempt()

    def _settings(self) -> None:
        edit_settings(self, self.services, self.banner.show_message,
                      lambda text: self.check_in_page.message.setText(text))

    def exit_kiosk(self) -> None:
        log.info("Operator closed the kiosk")
        self._may_close = True
        self.close()

    def _sync_status(self, status: SyncStatus) -> None:
        self._sync_text = sync_status_text(status) + (f" \u2013 {status.problem}" if status.problem else "")

    def _purged(self, report: PurgeReport) -> None:
        parts = []
        if report.unacknowledged:
            parts.append(f"{len(report.unacknowledged)} waiting to reach MongoDB")
        if report.assessment_pending:
            parts.append(f"{len(report.assessment_pending)} waiting to be assessed")
        if report.audio_here_only:
            parts.append(f"{len(report.audio_here_only)} kept here: their audio is only on this computer")
        if report.audio_unconfirmed:
            parts.append(f"{len(report.audio_unconfirmed)} kept here: MongoDB's copy of their audio is not "
                         f"confirmed whole ({report.audio_unconfirmed[0][1]})")
        self._backlog = "; ".join(parts) + "." if parts else "Nothing waiting: every result is in MongoDB."

    def closeEvent(self, event: Any) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4 and the like: only the operator closes the kiosk
            return
        QApplication.instance().removeEventFilter(self)
        self._idle.stop()
        self.flow.stop_timers()
        super().closeEvent(event)
