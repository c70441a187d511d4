"""The test's own widgets: level picker, task card, recorder panel with its meter, and the
sub-score chart. Views only: they show what they are given and emit what the person does."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.mock_format import PART_ORDER, PartKind
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.task_bank import Task
from speakcheck_desktop.core.test_plan import FormatKind, Step, TestPlan
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.exam_phase import Phase


class ErrorBanner(QLabel):
    """Problems in words at the top of a window, instead of dialogs that block it; click to dismiss."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#errorBanner { background: #fbe3e1; color: #5c1712; padding: 8px; "
                           "border: 1px solid #e6a39c; border-radius: 4px; }")
        self.setToolTip(self.tr("Click to dismiss"))
        self.setVisible(False)

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(True)

    def mousePressEvent(self, event) -> None:
        self.setVisible(False)


class LevelPicker(QGroupBox):
    level_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("1. Choose your level"), parent)
        layout = QVBoxLayout(self)
        self._group = QButtonGroup(self)
        for i, level in enumerate(Level):
            button = QRadioButton(texts.level_summary(level))
            button.setAccessibleName(self.tr("Level {level}").format(level=level.value))
            button.setProperty("level", level.value)
            self._group.addButton(button, i)
            layout.addWidget(button)
        self._group.button(1).setChecked(True)
        self._group.idToggled.connect(lambda i, on: on and self.level_changed.emit(self.level))

    @property
    def level(self) -> str:
        return self._group.checkedButton().property("level")

    def set_level(self, level: str) -> None:
        for button in self._group.buttons():
            if button.property("level") == level:
                button.setChecked(True)


class FormatPicker(QGroupBox):
    """What to take: a whole mock test, one quick-practice task, or one part of a mock test."""
    format_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("2. Choose what to do"), parent)
        layout = QGridLayout(self)
        self._group = QButtonGroup(self)
        self.mock = QRadioButton(self.tr("Mock test: all three parts, as in a real speaking test"))
        self.practice = QRadioButton(self.tr("Quick practice: one task"))
        self.one_part = QRadioButton(self.tr("Practise one part:"))
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Part to practise"))
        for kind in PART_ORDER:
            self.part.addItem(texts.part_title(kind), kind.value)
        for i, (button, kind) in enumerate(((self.mock, FormatKind.MOCK), (self.practice, FormatKind.PRACTICE),
                                            (self.one_part, FormatKind.PART))):
            button.setProperty("format", kind.value)
            self._group.addButton(button, i)
        layout.addWidget(self.mock, 0, 0, 1, 2)
        layout.addWidget(self.practice, 1, 0, 1, 2)
        layout.addWidget(self.one_part, 2, 0)
        layout.addWidget(self.part, 2, 1)
        layout.setColumnStretch(2, 1)
        self.mock.setChecked(True)
        self.part.setEnabled(False)
        self._group.idToggled.connect(self._toggled)
        self.part.currentIndexChanged.connect(lambda _i: self.format_changed.emit())

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self.part.setEnabled(self.kind is FormatKind.PART)
            self.format_changed.emit()

    @property
    def kind(self) -> FormatKind:
        return FormatKind(self._group.checkedButton().property("format"))

    @property
    def part_kind(self) -> PartKind:
        return PartKind(self.part.currentData())

    def set_format(self, kind: FormatKind, part: PartKind | None = None) -> None:
        if part is not None:
            self.part.setCurrentIndex(self.part.findData(part.value))
        for button in self._group.buttons():
            if button.property("format") == kind.value:
                button.setChecked(True)


class TaskCard(QGroupBox):
    another_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("3. Your task"), parent)
        layout = QVBoxLayout(self)
        self.progress = QLabel()
        self.progress.setObjectName("testProgress")
        bold = self.progress.font()
        bold.setBold(True)
        self.progress.setFont(bold)
        self.intro = QLabel()
        self.intro.setObjectName("partIntro")
        self.intro.setWordWrap(True)
        self.kind = QLabel()
        self.kind.setObjectName("taskKind")
        self.prompt = QLabel(self.tr("Choose a level to get a task."))
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.prompt.setFont(font)
        self.prompt.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.timing = QLabel()
        self.another = QPushButton(self.tr("Another task"))
        self.another.setToolTip(self.tr("A different task at this level (before you start)"))
        self.another.clicked.connect(self.another_requested)
        row = QHBoxLayout()
        row.addWidget(self.timing, 1)
        row.addWidget(self.another)
        self.prompt.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.points = QLabel()
        self.points.setObjectName("pointsToCover")
        self.points.setWordWrap(True)
        self.points.setTextFormat(Qt.RichText)
        layout.addWidget(self.progress)
        layout.addWidget(self.intro)
        layout.addWidget(self.kind)
        layout.addWidget(self.prompt)
        layout.addWidget(self.points)
        layout.addStretch(1)
        layout.addLayout(row)
        self.task: Task | None = None
        self.plan: TestPlan | None = None  # what Start will begin (a mock test, a part, or the task)

    def show_task(self, task: Task) -> None:
        """One quick-practice task, before or during its test."""
        self.task = task
        self.plan = None
        self.another.setText(self.tr("Another task"))
        self.another.setToolTip(self.tr("A different task at this level (before you start)"))
        self._show(progress="", intro="", kind=f"{task.level.value} \u00b7 {texts.task_kind(task.kind)}",
                   prompt=task.prompt, points=(),
                   timing=self.tr("Preparation {prep} s \u00b7 Speaking up to {speak} s").format(
                       prep=task.prep_s, speak=task.speak_s))

    def show_plan(self, plan: TestPlan) -> None:
        """A test of parts before it starts: what it is, its parts, how long it takes."""
        self.plan = plan
        self.task = plan.steps[0].task if plan.steps else None
        self.another.setText(self.tr("Another test"))
        self.another.setToolTip(self.tr("A different mock test at this level (before you start)"))
        parts = " \u2192 ".join(f"{texts.part_title(p)} ({sum(s.part is p for s in plan.steps)})" for p in plan.parts)
        minutes = (plan.speaking_s + sum(s.task.prep_s for s in plan.steps) + 59) // 60
        count = len(plan.parts)
        # Whole sentences for one part and for several: languages make the plural differently.
        intro = self.tr("{questions} questions in 1 part: {parts}. Each part starts with a sentence that says what "
                        "happens in it; the questions come one after another, each with its own preparation and "
                        "speaking time.") if count == 1 else \
            self.tr("{questions} questions in {count} parts: {parts}. Each part starts with a sentence that says "
                    "what happens in it; the questions come one after another, each with its own preparation and "
                    "speaking time.")
        self._show(progress="", intro=intro.format(questions=len(plan.steps), count=count, parts=parts),
                   kind=f"{plan.level.value} \u00b7 {texts.describe(plan)}", prompt=plan.title, points=(),
                   timing=self.tr("About {minutes} minutes in all").format(minutes=minutes))

    def show_step(self, step: Step) -> None:
        """The question under way in a test of parts (or the one quick-practice task)."""
        if step.part is None:
            plan = self.plan
            self.show_task(step.task)
            self.plan = plan
            return
        self.task = step.task
        task = step.task
        timing = self.tr("Preparation {prep} s \u00b7 Speaking up to {speak} s") if task.prep_s else \
            self.tr("No preparation \u00b7 Speaking up to {speak} s")
        self._show(progress=texts.progress(step), intro=step.intro, kind=f"{task.level.value} \u00b7 "
                   f"{texts.part_title(step.part)}", prompt=task.prompt, points=step.points,
                   timing=timing.format(prep=task.prep_s, speak=task.speak_s))

    def _show(self, *, progress: str, intro: str, kind: str, prompt: str, points: tuple[str, ...],
              timing: str) -> None:
        self.progress.setText(progress)
        self.progress.setVisible(bool(progress))
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))
        self.kind.setText(kind)
        self.prompt.setText(prompt)
        # Plain text from a bank file: escaped, never read as markup.
        title = html.escape(self.tr("Points to cover:"))
        self.points.setText(f"<b>{title}</b>" + "".join(f"<br>\u2022 {html.escape(p)}" for p in points)
                            if points else "")
        self.points.setVisible(bool(points))
        self.timing.setText(timing)

    def clear(self) -> None:
        self.task = None
        self.plan = None
        for label in (self.progress, self.intro, self.kind, self.prompt, self.points, self.timing):
            label.setText("")

    def allow_another(self, allowed: bool) -> None:
        """Another task may be asked for only before a test starts."""
        self.another.setEnabled(allowed)


class LevelMeter(QWidget):
    """Input level as a bar: green while fine, amber when loud, red when clipping."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setAccessibleName(self.tr("Microphone level"))
        self._rms = -120.0
        self._peak = -120.0

    def set_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        self._rms, self._peak = rms_dbfs, peak_dbfs
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        rect = self.rect().adjusted(0, 0, -1, -1)
        p.setPen(self.palette().color(QPalette.Mid))
        p.setBrush(self.palette().color(QPalette.Base))
        p.drawRoundedRect(rect, 3, 3)
        frac = max(0.0, min(1.0, (self._rms + 60) / 60))
        color = QColor("#2e9d5b") if self._peak < -6 else QColor("#d99a1e") if self._peak < -0.1 else QColor("#c83a3a")
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(QRectF(rect.x() + 1, rect.y() + 1, (rect.width() - 2) * frac, rect.height() - 2), 2, 2)


class RecorderPanel(QGroupBox):
    start_requested = Signal()
    record_requested = Signal()
    stop_requested = Signal()
    next_requested = Signal()
    end_requested = Signal()  # leave a test of several questions before its last
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("3. Speak"), parent)
        grid = QGridLayout(self)
        self.phase = QLabel(self.tr("Press \u201cStart speaking test\u201d when you are ready."))
        self.phase.setWordWrap(True)
        big = self.phase.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        big.setBold(True)
        self.phase.setFont(big)
        self.clock = QLabel("")
        self.clock.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        mono = QFont(self.clock.font())
        mono.setPointSizeF(mono.pointSizeF() * 1.6)
        self.clock.setFont(mono)
        self.meter = LevelMeter()
        self.device = QLabel(self.tr("Microphone: default"))
        self.device.setObjectName("deviceLabel")
        self.start = QPushButton(self.tr("Start speaking test"))
        self.start.setDefault(True)
        self.record = QPushButton(self.tr("\u25cf  Record now"))
        self.record.setToolTip(self.tr("Start recording (Space)"))
        self.stop = QPushButton(self.tr("\u25a0  Stop"))
        self.stop.setToolTip(self.tr("Stop recording (Space)"))
        self.next = QPushButton(self.tr("Next question  \u25b8"))
        self.next.setToolTip(self.tr("Go on to the next question; your answer is kept (Enter)"))
        self.finish = QPushButton(self.tr("Finish test"))
        self.end = QPushButton(self.tr("End test here"))
        self.end.setToolTip(self.tr("End the test now: the answers you gave are kept and assessed"))
        self.allow_end = True  # a kiosk's candidate cannot end the test (the operator can)
        self.finish.setToolTip(self.tr("Finish the test (Enter)"))
        for button, signal in ((self.start, self.start_requested), (self.record, self.record_requested),
                               (self.stop, self.stop_requested), (self.next, self.next_requested),
                               (self.finish, self.finish_requested), (self.end, self.end_requested)):
            button.clicked.connect(signal)
            # Enter presses the focused button (outside a dialog Qt leaves that off): during a test
            # Space records and stops, so a keyboard user needs Enter for "Next" and "Finish".
            button.setAutoDefault(True)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        grid.addWidget(self.phase, 0, 0, 1, 3)
        grid.addWidget(self.clock, 0, 3)
        grid.addWidget(self.meter, 1, 0, 1, 4)
        grid.addWidget(self.device, 2, 0, 1, 4)
        buttons = QHBoxLayout()
        for button in (self.start, self.record, self.stop, self.next, self.finish):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.end)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0, 1, 4)
        grid.addWidget(self.hint, 4, 0, 1, 4)
        self.set_mode(Phase.IDLE)

    def set_mode(self, phase: Phase, *, can_record: bool = True, more_questions: bool = False) -> None:
        """The buttons of `phase`, enabled; without `can_record` (no attempts left) only "Next
        question" (`more_questions`) or "Finish" remains after an answer."""
        self.start.setVisible(phase is Phase.IDLE)
        self.record.setVisible(phase is Phase.PREPARING or (phase is Phase.SAVED and can_record))
        self.record.setText(self.tr("\u25cf  Record now") if phase is Phase.PREPARING else
                            self.tr("\u25cf  Record again"))
        self.stop.setVisible(phase is Phase.RECORDING)
        self.next.setVisible(phase is Phase.SAVED and more_questions)
        self.finish.setVisible(phase is Phase.SAVED and not more_questions)
        self.end.setVisible(self.allow_end and more_questions and phase in (Phase.PREPARING, Phase.SAVED))
        for button in (self.start, self.record, self.stop, self.next, self.finish, self.end):
            button.setEnabled(True)
        if phase is not Phase.RECORDING:
            self.meter.set_level(-120, -120)

    def wait(self, text: str) -> None:
        """A request is on its way (starting, stopping, saving): say so, and take the buttons
        away until the next `set_mode`, so it is not sent twice."""
        self.phase.setText(text)
        for button in (self.start, self.record, self.stop, self.next, self.end):
            button.setEnabled(False)

    def focus_action(self) -> None:
        """Focus the button that moves the test on, so Space or Enter does what is expected."""
        for button in (self.stop, self.next, self.finish, self.record):
            if button.isVisibleTo(self):
                button.setFocus()
                return

    def say(self, text: str, clock: str | None = None) -> None:
        self.phase.setText(text)
        if clock is not None:
            self.clock.setText(clock)

    def show_clock(self, text: str) -> None:
        self.clock.setText(text)

    def show_hint(self, text: str | None) -> None:
        self.hint.setText(text or "")

    def show_device(self, name: str) -> None:
        self.device.setText(self.tr("Microphone: {name}").format(name=name))

    def show_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        self.meter.set_level(rms_dbfs, peak_dbfs)


class ScoreChart(QWidget):
    """The five sub-scores as horizontal bars on the 0-10 scale, with the level bands marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scores: dict[str, float] = {}
        self.setMinimumHeight(150)
        self.setAccessibleName(self.tr("Sub-scores chart"))

    def set_scores(self, scores: dict[str, float]) -> None:
        self.scores = dict(scores)
        self.setAccessibleDescription(", ".join(self.tr("{name} {score} of 10").format(
            name=texts.score_name(k).lower(), score=f"{v:g}") for k, v in self.scores.items()))
        self.update()

    def paintEvent(self, event) -> None:
        if not self.scores:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        label_w, right = 95, 40
        width = self.width() - label_w - right
        row_h = self.height() / len(SCORE_KEYS)
        text = self.palette().color(QPalette.WindowText)
        band = self.palette().color(QPalette.Mid)
        for boundary, name in ((2, "A2"), (4, "B1"), (6, "B2"), (8, "C1")):
            x = label_w + width * boundary / 10
            p.setPen(band)
            p.drawLine(int(x), 0, int(x), int(self.height() - 12))
            p.drawText(int(x) + 3, int(self.height() - 1), name)
        for i, key in enumerate(SCORE_KEYS):
            value = self.scores.get(key, 0.0)
            y = i * row_h + row_h * 0.2
            p.setPen(text)
            p.drawText(QRectF(0, i * row_h, label_w - 8, row_h * 0.8), Qt.AlignRight | Qt.AlignVCenter,
                       texts.score_name(key))
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#3b7dd8"))
            p.drawRoundedRect(QRectF(label_w, y, width * value / 10, row_h * 0.5), 3, 3)
            p.setPen(text)
            p.drawText(QRectF(label_w + width * value / 10 + 4, i * row_h, right + 30, row_h * 0.8),
                       Qt.AlignLeft | Qt.AlignVCenter, f"{value:g}")
