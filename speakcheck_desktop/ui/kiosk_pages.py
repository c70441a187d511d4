"""The kiosk's pages: check-in, the exam itself, and the last page with as much of the result as
the centre allows. Layout only; `KioskWindow` moves a candidate through them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.results import AnswerResult, AnswerState, TestResult
from speakcheck_desktop.core.review import UNDER_REVIEW
from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
from speakcheck_desktop.ui.result_panes import ScorePane
from speakcheck_desktop.ui.widgets import RecorderPanel, TaskCard


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


class ExamPage(QWidget):
    """The task and the recorder; no transcript, no scores, no other way out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task_card = TaskCard()
        self.task_card.another.setVisible(False)
        self.task_card.setTitle("Your task")
        self.panel = RecorderPanel()
        self.panel.setTitle("Speak")
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

    def show_submitted(self, shows: ShowResult, *, recorded: bool, result: AnswerResult | None,
                       several: bool = False) -> None:
        """The last page, as the centre's `show_result` allows; `several`: a test of several
        questions, whose overall result follows (`show_test_result`)."""
        self.title.setText("Thank you. Your answers were submitted." if several else
                           "Thank you. Your answer was submitted.")
        self.scores.setVisible(shows is ShowResult.SCORES)
        if shows is ShowResult.SUBMITTED:
            self.detail.setText("Your centre will give you your result.")
        elif not recorded:
            self.detail.setText("Nothing was recorded.")
        elif result is not None:
            self.show_result(shows, result)
        else:
            self.detail.setText("Your answers are being assessed\u2026" if several else
                                "Your answer is being assessed\u2026")
            self.scores.clear("Assessing your answers\u2026" if several else "Assessing your answer\u2026")

    def show_test_result(self, shows: ShowResult, result: TestResult) -> None:
        """A mock test's overall result, as much of it as the centre allows."""
        overall = result.overall
        if self._show_level(shows, overall.level if overall else None, "an overall level"):
            self.scores.show_test_result(result, questions_open=False)

    def show_result(self, shows: ShowResult, result: AnswerResult) -> None:
        assessed = result.state is AnswerState.ASSESSED and result.evaluation is not None
        if self._show_level(shows, result.evaluation.overall_level if assessed and result.evaluation else None,
                            "a level"):
            self.scores.show_result(result)

    def _show_level(self, shows: ShowResult, level: Level | None, what: str) -> bool:
        """The level as the centre allows (`what`: "a level", "an overall level"); True when the
        scores are to be shown too."""
        if shows is ShowResult.SUBMITTED:
            return False
        if level is None:
            self.detail.setText(f"There was not enough speech to give {what}. Your centre will tell you what "
                                "happens next.")
            self.scores.clear()
            return False
        self.detail.setText(f"Your {what.split(' ', 1)[1]}: {level.value}")
        return shows is ShowResult.SCORES

    def show_under_review(self, shows: ShowResult) -> None:
        """The centre's routing rule held the result for an examiner: no level until they rated it."""
        self.scores.clear()
        self.scores.setVisible(False)
        if shows is not ShowResult.SUBMITTED:
            self.detail.setText(f"Your result is {UNDER_REVIEW}: an examiner checks it before it is given. "
                                "Your centre will give you your result.")

    def show_waiting(self, shows: ShowResult) -> None:
        """The assessment must wait (the service is away): the answer is kept, the centre follows up."""
        if shows is not ShowResult.SUBMITTED:
            self.detail.setText("Your answer is saved. It will be assessed shortly; your centre will give you "
                                "your result.")
            self.scores.clear()
