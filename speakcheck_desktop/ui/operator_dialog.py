"""The kiosk operator's side: a PIN prompt, then a panel of what only the operator may do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.operator_pin import PinError, PinGate
from speakcheck_desktop.core.records import Level


class PinDialog(QDialog):
    """Asks for the operator PIN; accepted only when the gate says so. While the gate is locked
    the field is disabled and a countdown shows why. The PIN is never logged, nor kept after."""

    def __init__(self, gate: PinGate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator"))
        self.gate = gate
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Operator PIN")))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setAccessibleName(self.tr("Operator PIN"))
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,32}"))
        self.pin.returnPressed.connect(self.try_pin)
        layout.addWidget(self.pin)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("pinMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.try_pin)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(500)
        self._lock_timer.timeout.connect(self._show_lock)
        self._show_lock()

    def try_pin(self) -> None:
        pin = self.pin.text()
        self.pin.setText("")  # also clears the field's undo history
        try:
            check = self.gate.attempt(pin)
        except PinError as exc:
            self.message.setText(str(exc))
            return
        if check.accepted:
            self.accept()
            return
        self.message.setText(check.message)
        self._show_lock()

    def _show_lock(self) -> None:
        wait = self.gate.locked_for_s()
        self.pin.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(self.tr("Too many wrong PINs. Try again in {seconds} s.").format(
                seconds=int(wait + 0.999)))
            self._lock_timer.start()
        else:
            self._lock_timer.stop()
            self.pin.setFocus()


class OperatorPanel(QDialog):
    """What the operator may do, once the PIN was right. Each button closes the panel and asks the
    kiosk window to act; the window decides what applies now."""

    exit_requested = Signal()
    settings_requested = Signal()
    level_chosen = Signal(str)
    retry_requested = Signal()
    end_test_requested = Signal()
    review_requested = Signal()

    def __init__(self, *, level: str, level_fixed: bool, in_test: bool, recording: bool, backlog: str, sync: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        state = QGroupBox(self.tr("This kiosk"))
        form = QFormLayout(state)
        self.backlog = QLabel(backlog)
        self.backlog.setObjectName("backlog")
        self.backlog.setWordWrap(True)
        form.addRow(self.tr("Results"), self.backlog)
        form.addRow(self.tr("MongoDB"), QLabel(sync))
        layout.addWidget(state)
        self.level = QComboBox()
        self.level.addItems([lv.value for lv in Level])
        self.level.setCurrentText(level)
        self.level.setEnabled(not level_fixed and not in_test)
        self.level.setAccessibleName(self.tr("Level for the next candidates"))
        if level_fixed:
            self.level.setToolTip(self.tr("Fixed by the centre's kiosk settings"))
        form.addRow(self.tr("Level"), self.level)

        def button(text: str, signal: Signal | Callable, enabled: bool = True) -> QPushButton:
            b = QPushButton(text)
            b.setEnabled(enabled)
            b.clicked.connect(lambda: (signal.emit(), self.accept()))
            layout.addWidget(b)
            return b

        self.retry = button(self.tr("Allow one more attempt at this task"), self.retry_requested, in_test)
        self.end_test = button(self.tr("End this candidate's test now"), self.end_test_requested,
                               in_test and not recording)
        if recording:
            self.end_test.setToolTip(self.tr("Wait until the recording stops: the answer is kept."))
        self.review = button(self.tr("Review answers\u2026"), self.review_requested, not in_test)
        self.review.setToolTip(self.tr("For examiners: results held for review, marking, agreement"))
        self.settings = button(self.tr("Settings\u2026"), self.settings_requested, not in_test)
        self.exit = button(self.tr("Exit kiosk"), self.exit_requested, not in_test)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.level.currentTextChanged.connect(self.level_chosen)
        self.setAttribute(Qt.WA_DeleteOnClose)
