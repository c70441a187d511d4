"""The Review workspace, for a centre's examiners: a queue of answers to review (held results,
then "not enough evidence", then the lowest confidence), one answer with its audio, transcript
and measures and the AI's evaluation, and the examiner's decision: accept, or their own level and
sub-scores with a reason. In second marking the AI's and the first examiner's results are
hidden (blind). The agreement figures on the centre's own reviewed answers are at the bottom.

It reads and writes through `ReviewService` only; the queue's reloads carry a generation number
(as the history's do), so an answer chosen from an older list never overwrites a newer one."""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.agreement import AgreementReport
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.review import (
    QueueItem,
    ReviewDecision,
    ReviewError,
    ReviewRecord,
    ReviewRole,
    examiner_rating,
)
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.review_service import QueueFilter, ReviewService, ReviewSubject
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane

NOT_GIVEN = -0.5  # a score box's "not given yet"
# The queue's columns in English, translated in the table's header.
COLUMNS = (QT_TRANSLATE_NOOP("ReviewWorkspace", "Recorded"), QT_TRANSLATE_NOOP("ReviewWorkspace", "Candidate"),
           QT_TRANSLATE_NOOP("ReviewWorkspace", "Level"), QT_TRANSLATE_NOOP("ReviewWorkspace", "AI result"),
           QT_TRANSLATE_NOOP("ReviewWorkspace", "Confidence"), QT_TRANSLATE_NOOP("ReviewWorkspace", "Status"))


class ReviewWorkspace(QWidget):
    reviewed = Signal(object)  # ReviewRecord, once stored

    def __init__(self, reviews: ReviewService, sessions: SessionService, recorder: RecorderService,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(self.tr("Review answers"))
        self.resize(1200, 800)
        self._reviews = reviews
        self._sessions = sessions
        self._recorder = recorder
        self._generation = 0
        self.items: list[QueueItem] = []
        self.subject: ReviewSubject | None = None
        self._audio: Path | None = None

        self.examiner = QLineEdit()
        self.examiner.setPlaceholderText(self.tr("Your name"))
        self.examiner.setAccessibleName(self.tr("Examiner's name"))
        self.role = QComboBox()
        self.role.addItem(self.tr("First marking"), ReviewRole.FIRST)
        self.role.addItem(self.tr("Second marking (blind)"), ReviewRole.SECOND)
        self.role.setAccessibleName(self.tr("Marking"))
        self.level_filter = QComboBox()
        self.level_filter.addItem(self.tr("All levels"), None)
        for lv in Level:
            self.level_filter.addItem(lv.value, lv.value)
        self.level_filter.setAccessibleName(self.tr("Level filter"))
        self.centre = QLineEdit()
        self.centre.setPlaceholderText(self.tr("Any centre"))
        self.centre.setAccessibleName(self.tr("Centre filter"))
        self.dated = QCheckBox(self.tr("Only sessions from"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.fetch = QPushButton(self.tr("Fetch from MongoDB"))
        self.fetch.setToolTip(self.tr("Copy the centre's finished sessions (the centre and dates chosen) here to "
                                      "review them"))
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Examiner")), self.examiner, self.role, self.level_filter, self.centre,
                       self.dated, self.since, QLabel(self.tr("to")), self.until, self.refresh, self.fetch):
            top.addWidget(widget)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setAccessibleName(self.tr("Answers to review"))
        self.queue_note = QLabel("")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.queue_note)

        self.prompt = QLabel(self.tr("Choose an answer from the list."))
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("reviewPrompt")
        self.play = QPushButton(self.tr("\u25b6  Play the answer"))
        self.play.setEnabled(False)
        self.transcript = TranscriptPane()
        self.scores = ScorePane()
        self.scores.tip_span_clicked.connect(self._play_span)
        self.accept_ai = QPushButton(self.tr("Accept the AI's evaluation"))
        self.own_level = QComboBox()
        self.own_level.addItems([lv.value for lv in Level])
        self.own_level.setAccessibleName(self.tr("Your level"))
        self.own_scores: dict[str, QDoubleSpinBox] = {}
        rating = QGroupBox(self.tr("Your rating"))
        # One row of figures, as on a marking sheet: the level, then the five sub-scores.
        figures = QGridLayout()
        figures.addWidget(QLabel(self.tr("Level")), 0, 0)
        figures.addWidget(self.own_level, 1, 0)
        for column, key in enumerate(SCORE_KEYS, start=1):
            box = QDoubleSpinBox()
            # One step below the scale means "not given yet" (shown as a dash): a blind marker
            # starts from nothing, not from figures that would anchor them.
            box.setRange(NOT_GIVEN, 10.0)
            box.setSpecialValueText("\u2013")
            box.setSingleStep(0.5)
            box.setDecimals(1)
            box.setValue(NOT_GIVEN)
            box.setAccessibleName(self.tr("Your {aspect} score").format(aspect=texts.score_name(key).lower()))
            self.own_scores[key] = box
            figures.addWidget(QLabel(texts.score_name(key)), 0, column)
            figures.addWidget(box, 1, column)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why you give this result (kept with the review)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaximumHeight(70)
        self.save_own = QPushButton(self.tr("Save my rating"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_ai)
        buttons.addStretch(1)
        buttons.addWidget(self.save_own)
        form = QVBoxLayout(rating)
        form.addLayout(figures)
        form.addWidget(self.reason)
        form.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("reviewMessage")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.prompt)
        right_layout.addWidget(self.play)
        panes = QSplitter(Qt.Horizontal)
        panes.addWidget(self.transcript)
        panes.addWidget(self.scores)
        right_layout.addWidget(panes, 1)
        right_layout.addWidget(rating)
        right_layout.addWidget(self.message)
        self.rating_box = rating

        self.agreement = QPlainTextEdit()
        self.agreement.setReadOnly(True)
        self.agreement.setAccessibleName(self.tr("Agreement with the examiners"))
        self.agreement.setPlaceholderText(self.tr("Agreement of the AI with the examiners, on the answers reviewed "
                                                  "here."))
        self.compute = QPushButton(self.tr("Compute agreement"))
        agreement_box = QGroupBox(self.tr("Agreement on this centre's reviewed answers"))
        agreement_layout = QVBoxLayout(agreement_box)
        agreement_layout.addWidget(self.agreement)
        agreement_layout.addWidget(self.compute)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([520, 840])  # the queue's six columns readable beside the answer
        body = QSplitter(Qt.Vertical)
        body.addWidget(split)
        body.addWidget(agreement_box)
        body.setStretchFactor(0, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)

        self.refresh.clicked.connect(self.reload)
        self.fetch.clicked.connect(self._fetch)
        self.role.currentIndexChanged.connect(self.reload)
        self.level_filter.currentIndexChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.play.clicked.connect(lambda: self._play_span(0.0, None))
        self.accept_ai.clicked.connect(lambda: self._submit(ReviewDecision.ACCEPTED))
        self.save_own.clicked.connect(lambda: self._submit(ReviewDecision.OWN))
        self.compute.clicked.connect(lambda: self._reviews.agreement(self._show_agreement))
        self._reviews.error.connect(self.message.setText)
        self._show_subject(None)

    @property
    def marking(self) -> ReviewRole:
        return ReviewRole(self.role.currentData())

    def filters(self) -> QueueFilter:
        level = self.level_filter.currentData()
        since = until = None
        if self.dated.isChecked():
            since = datetime.combine(self.since.date().toPython(), time()).astimezone()
            until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time()).astimezone()
        return QueueFilter(since=since, until=until, level=Level(level) if level else None,
                           centre=self.centre.text().strip() or None)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.queue_note.setText(self.tr("Loading\u2026"))
        self._reviews.queue(self.marking, self.filters(), lambda items: self._fill(generation, items))

    def _fetch(self) -> None:
        self.fetch.setEnabled(False)
        self.queue_note.setText(self.tr("Fetching from MongoDB\u2026"))
        self._reviews.fetch_from_mongodb(self.filters(), self._fetched)

    def _fetched(self, sentence: str) -> None:
        self.fetch.setEnabled(True)
        self.message.setText(sentence)
        self.reload()

    def _fill(self, generation: int, items: list[QueueItem]) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self.items = items
        self.table.clearSelection()  # a row chosen in the old list is not the same answer now
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            ai = item.ai_level.value if item.ai_level else texts.translate(texts.NOT_ENOUGH_EVIDENCE)
            blind = self.marking is ReviewRole.SECOND
            cells = (texts.when(item.recorded_at, year=False), item.candidate_id or "\u2014",
                     item.session_level.value, self.tr("hidden") if blind else ai,
                     "" if blind or item.confidence is None else f"{item.confidence:.0%}",
                     self.tr("held: under review") if item.held else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not items:
            self.queue_note.setText(self.tr("Nothing to review."))
        else:
            self.queue_note.setText(self.tr("1 answer to review.") if len(items) == 1 else
                                    self.tr("{count} answers to review.").format(count=len(items)))
        self._show_subject(None, keep_message=True)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return
        item = self.items[rows[0].row()]
        generation = self._generation
        self._reviews.subject(item, lambda subject: self._show_if_current(generation, subject))

    def _show_if_current(self, generation: int, subject: ReviewSubject | None) -> None:
        if generation == self._generation:
            self._show_subject(subject)
            if subject is None:
                self.message.setText(self.tr("That answer is no longer in this computer's store."))

    def _show_subject(self, subject: ReviewSubject | None, *, keep_message: bool = False) -> None:
        self.subject = subject
        self._audio = None
        self.play.setEnabled(False)
        self.rating_box.setEnabled(subject is not None)
        if not keep_message:
            self.message.setText("")
        if subject is None:
            self.prompt.setText(self.tr("Choose an answer from the list."))
            self.transcript.clear()
            self.scores.clear()
            return
        self.prompt.setText(f"<b>{subject.item.session_level.value}</b> \u00b7 {html.escape(subject.prompt)}")
        self.transcript.show_result(subject.answer)
        blind = self.marking is ReviewRole.SECOND
        if blind:
            self.scores.show_blind(subject.answer)
        else:
            self.scores.show_result(subject.answer)
        ai = subject.answer.ai_evaluation
        self.accept_ai.setVisible(not blind)
        self.accept_ai.setEnabled(ai is not None)
        if ai is not None and not blind:  # start from the AI's figures: an examiner changes what differs
            self.own_level.setCurrentText(ai.overall_level.value)
            for key, box in self.own_scores.items():
                box.setValue(float(ai.scores[key]))
        else:  # blind, or nothing to start from: no level and no score until the examiner gives them
            self.own_level.setCurrentIndex(-1)
            for box in self.own_scores.values():
                box.setValue(NOT_GIVEN)
        self.reason.setPlainText("")
        if subject.answer.recording_id is not None:
            self._sessions.recording_audio(subject.answer.recording_id, self._audio_found)

    def _audio_found(self, path: Path) -> None:
        self._audio = path
        self.play.setEnabled(True)

    def _play_span(self, start: float, end: float | None) -> None:
        if self._audio is not None:
            self._recorder.play(self._audio, start, end)

    def _submit(self, decision: ReviewDecision) -> None:
        subject = self.subject
        if subject is None:
            return
        try:
            rating = examiner_rating(
                examiner=self.examiner.text(), role=self.marking, decision=decision,
                ai=subject.answer.ai_evaluation, level=self.own_level.currentText() or None,
                scores={key: box.value() for key, box in self.own_scores.items() if box.value() != NOT_GIVEN},
                reason=self.reason.toPlainText())
        except ReviewError as exc:
            self.message.setText(str(exc))
            return
        self.rating_box.setEnabled(False)  # one submission per answer
        self._reviews.submit(subject.item.transcript_id, rating, self._saved)

    def _saved(self, record: ReviewRecord) -> None:
        self.reviewed.emit(record)
        # The review's words are the engine's (English).
        self.message.setText(self.tr("Saved. {review}").format(review=record.words()))
        self.reload()

    def _show_agreement(self, report: AgreementReport) -> None:
        n = report.ai_vs_examiner.n
        lines = report.as_lines() if n else [self.tr("No answer has been rated by an examiner yet.")]
        self.agreement.setPlainText("\n".join(lines))
