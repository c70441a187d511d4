"""The kiosk's pages: check-in, the exam itself, and the last page with as much of the result as
the centre allows. Layout only; `KioskWindow` moves a candidate through them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.results import AnswerResult, AnswerState, TestResult
from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.result_panes import ScorePane
from speakcheck_desktop.ui.widgets import RecorderPanel, TaskCard


class CheckInPage(QWidget):
    def __init__(self, config: KioskConfig, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QGroupBox(self.tr("Check in"))
        box.setMaximumWidth(560)
        form = QFormLayout(box)
        self.candidate_id = QLineEdit()
        self.candidate_id.setAccessibleName(self.tr("Candidate ID"))
        self.candidate_id.setPlaceholderText(self.tr("as on the candidate's admission slip"))
        form.addRow(self.tr("Candidate ID"), self.candidate_id)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Candidate name"))
        if config.ask_name:
            form.addRow(self.tr("Name"), self.name)
        else:
            self.name.setVisible(False)
        self.level = QLabel()
        self.level.setAccessibleName(self.tr("Level"))
        form.addRow(self.tr("Level"), self.level)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("checkInMessage")
        form.addRow(self.message)
        self.begin = QPushButton(self.tr("Begin the speaking test"))
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


class ExamPage(QWidget):
    """The task and the recorder; no transcript, no scores, no other way out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task_card = TaskCard()
        self.task_card.another.setVisible(False)
        self.task_card.setTitle(self.tr("Your task"))
        self.panel = RecorderPanel()
        self.panel.setTitle(self.tr("Speak"))
        self.panel.start.setVisible(False)
        self.panel.allow_end = False  # only the operator ends a candidate's test
        layout = QVBoxLayout(self)
        layout.addWidget(self.task_card)
        layout.addWidget(self.panel)
        layout.addStretch(1)

    def clear(self) -> None:
        self.task_card.clear()


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
        self.next = QPushButton(self.tr("Next candidate"))
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

    def show_submitted(self, shows: ShowResult, *, recorded: bool, result: AnswerResult | None,
                       several: bool = False) -> None:
        """The last page, as the centre's `show_result` allows; `several`: a test of several
        questions, whose overall result follows (`show_test_result`)."""
        self.title.setText(self.tr("Thank you. Your answers were submitted.") if several else
                           self.tr("Thank you. Your answer was submitted."))
        self.scores.setVisible(shows is ShowResult.SCORES)
        if shows is ShowResult.SUBMITTED:
            self.detail.setText(self.tr("Your centre will give you your result."))
        elif not recorded:
            self.detail.setText(self.tr("Nothing was recorded."))
        elif result is not None:
            self.show_result(shows, result)
        else:
            self.detail.setText(self.tr("Your answers are being assessed\u2026") if several else
                                self.tr("Your answer is being assessed\u2026"))
            self.scores.clear(self.tr("Assessing your answers\u2026") if several else
                              self.tr("Assessing your answer\u2026"))

    def show_test_result(self, shows: ShowResult, result: TestResult) -> None:
        """A mock test's overall result, as much of it as the centre allows."""
        overall = result.overall
        if self._show_level(shows, overall.level if overall else None, overall_level=True):
            self.scores.show_test_result(result, questions_open=False)

    def show_result(self, shows: ShowResult, result: AnswerResult) -> None:
        assessed = result.state is AnswerState.ASSESSED and result.evaluation is not None
        if self._show_level(shows, result.evaluation.overall_level if assessed and result.evaluation else None,
                            overall_level=False):
            self.scores.show_result(result)

    def _show_level(self, shows: ShowResult, level: Level | None, *, overall_level: bool) -> bool:
        """The level as the centre allows (`overall_level`: a test's, else an answer's); True when
        the scores are to be shown too."""
        if shows is ShowResult.SUBMITTED:
            return False
        if level is None:
            self.detail.setText(self.tr("There was not enough speech to give an overall level. Your centre will tell "
                                        "you what happens next.") if overall_level else
                                self.tr("There was not enough speech to give a level. Your centre will tell you what "
                                        "happens next."))
            self.scores.clear()
            return False
        self.detail.setText((self.tr("Your overall level: {level}") if overall_level else
                             self.tr("Your level: {level}")).format(level=level.value))
        return shows is ShowResult.SCORES

    def show_under_review(self, shows: ShowResult) -> None:
        """The centre's routing rule held the result for an examiner: no level until they rated it."""
        self.scores.clear()
        self.scores.setVisible(False)
        if shows is not ShowResult.SUBMITTED:
            self.detail.setText(self.tr("Your result is {under_review}: an examiner checks it before it is given. "
                                        "Your centre will give you your result.").format(
                under_review=texts.translate(texts.UNDER_REVIEW)))

    def show_waiting(self, shows: ShowResult) -> None:
        """The assessment must wait (the service is away): the answer is kept, the centre follows up."""
        if shows is not ShowResult.SUBMITTED:
            self.detail.setText(self.tr("Your answer is saved. It will be assessed shortly; your centre will give you "
                                        "your result."))
            self.scores.clear()
