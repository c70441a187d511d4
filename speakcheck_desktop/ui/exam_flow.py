"""One speaking test on screen: start, preparation countdown, recording with its meter and time
limit, saving, assessment. Shared by the learner's main window and the kiosk; each window lays
out the widgets and decides what else to show.

Phases: idle -> preparing -> recording -> saved (-> recording again, while attempts are left).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from speakcheck_desktop.assess.assessment import AssessmentOutcome
from speakcheck_desktop.audio.recorder import RecordingResult
from speakcheck_desktop.core.ai_timing import clock
from speakcheck_desktop.core.task_bank import Task
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.widgets import RecorderPanel, TaskCard

METER_INTERVAL_MS = 40


class ExamFlow(QObject):
    phase_changed = Signal(str)
    microphone = Signal(str)  # "Microphone: ..." for a status line
    ai_state = Signal(str)  # "AI: ..." for a status line
    problem = Signal(str)  # a sentence for the window's banner
    assessed = Signal(object)  # AssessmentOutcome, after the panes (if shown) were filled

    def __init__(self, services: Any, task_card: TaskCard, panel: RecorderPanel, transcript: TranscriptPane,
                 scores: ScorePane, *, attempts: int | None = None, show_results: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.sessions = services.sessions
        self.recorder = services.recorder
        self.task_card, self.panel, self.transcript, self.scores = task_card, panel, transcript, scores
        self.max_attempts = attempts  # None: as many as the person likes
        self.show_results = show_results
        self.test: ActiveTest | None = None
        self.phase = "idle"
        self.attempts_used = 0
        self.shown_recording: Path | None = None  # the recording whose results are on screen
        self._prep_ends = 0.0
        self._mic_checked = False

        self._meter = QTimer(self)
        self._meter.setInterval(METER_INTERVAL_MS)
        self._meter.timeout.connect(self._tick_recording)
        self._prep = QTimer(self)
        self._prep.setInterval(100)
        self._prep.timeout.connect(self._tick_preparation)
        # The clock of the assessment step under way (transcribing a long answer takes minutes).
        self._step_text, self._step_started = "", 0.0
        self._step_clock = QTimer(self)
        self._step_clock.setInterval(1000)
        self._step_clock.timeout.connect(self._tick_step)

        panel.record_requested.connect(self.start_recording)
        panel.stop_requested.connect(self.stop_recording)
        panel.finish_requested.connect(self.finish_test)
        scores.tip_span_clicked.connect(self.play_span)
        scores.cancel.clicked.connect(self.sessions.cancel_transcription)
        s = self.sessions
        s.test_started.connect(self._test_started)
        s.start_failed.connect(self._start_failed)
        s.assessing.connect(self._assessing)
        s.assessed.connect(self._assessed)
        s.assessment_waiting.connect(self._assessment_waiting)
        s.assessment_impossible.connect(self._assessment_impossible)
        r = self.recorder
        r.started.connect(self._recording_started)
        r.finished.connect(self._recording_finished)
        r.failed.connect(self._recording_failed)
        r.notice.connect(lambda text: self.panel.hint.setText(text))
        r.problem.connect(self.problem)
        r.checked.connect(self._microphone_checked)

    # -- actions -------------------------------------------------------------------------------

    def start_test(self, level: str, task: Task | None, **candidate: Any) -> None:
        if task is None:
            return
        self.panel.start.setEnabled(False)
        self.sessions.start_test(level, task, **candidate)

    def start_recording(self) -> None:
        if self.test is None or self.recorder.recording or not self.attempts_left():
            return
        self._prep.stop()
        self.attempts_used += 1
        self.panel.phase.setText("Starting the microphone\u2026")
        self.panel.record.setEnabled(False)
        self.scores.clear()
        self.transcript.view.clear()
        self.shown_recording = self.sessions.new_recording_path(self.test.session)
        self.recorder.start(self.shown_recording, self.test.task.speak_s)

    def stop_recording(self) -> None:
        self.panel.stop.setEnabled(False)
        self.panel.phase.setText("Saving your answer\u2026")
        self.recorder.stop()

    def finish_test(self) -> None:
        if self.test is not None:
            self.sessions.finish_test(self.test.session.id)

    def space(self) -> None:
        if self.phase == "recording":
            self.stop_recording()
        elif self.phase in ("preparing", "saved") and self.test is not None:
            self.start_recording()

    def attempts_left(self) -> bool:
        return self.max_attempts is None or self.attempts_used < self.max_attempts

    def allow_another_attempt(self) -> None:
        """The operator's "retry": one more recording for this task."""
        if self.max_attempts is not None:
            self.max_attempts += 1
        if self.phase == "saved":
            self.set_phase("saved")

    def resumed(self, test: ActiveTest) -> None:
        self.test = test
        self.task_card.show_task(test.task)
        self.set_phase("preparing")
        self.panel.phase.setText("Session resumed. Record your answer when you are ready.")
        self.panel.clock.setText("")

    def play_span(self, start: float, end: float) -> None:
        if self.shown_recording is not None:
            self.recorder.play(self.shown_recording, start, end)

    def reset(self, text: str = "", *, clear_results: bool = True) -> None:
        """Back to idle. With `clear_results` (the kiosk), nothing of the last test is left on
        screen or in this object; a learner keeps the last results on screen to read."""
        self._meter.stop()
        self._prep.stop()
        self.test = None
        self.attempts_used = 0
        if clear_results:
            self.shown_recording = None
            self.scores.clear()
            self.transcript.view.clear()
            self.panel.hint.setText("")
        self.panel.clock.setText("")
        self.set_phase("idle")
        self.panel.phase.setText(text)

    def stop_timers(self) -> None:
        self._meter.stop()
        self._prep.stop()
        self._step_over()

    # -- reactions -----------------------------------------------------------------------------

    def _test_started(self, test: ActiveTest) -> None:
        self.test = test
        self.attempts_used = 0
        self.task_card.show_task(test.task)
        self.set_phase("preparing")
        self.panel.record.setFocus()
        if not self._mic_checked:
            self.microphone.emit("Microphone: checking\u2026")
            self.recorder.check_microphone()  # while the person prepares: sound arriving, too little, too much
        self._prep_ends = time.monotonic() + test.task.prep_s
        self._tick_preparation()
        self._prep.start()

    def _start_failed(self) -> None:
        self.panel.start.setEnabled(True)  # the banner said why; the person may try again

    def _tick_preparation(self) -> None:
        left = self._prep_ends - time.monotonic()
        if left <= 0:
            self.start_recording()
            return
        self.panel.phase.setText("Prepare your answer. Recording starts by itself when the time is up.")
        self.panel.clock.setText(f"{int(left) // 60}:{int(left) % 60:02d}")

    def _microphone_checked(self, check: Any) -> None:
        self._mic_checked = True
        self.microphone.emit(f"Microphone: {check.device_name}")
        self.panel.device.setText(f"Microphone: {check.device_name}")
        # Quiet is normal while someone prepares; only digital silence (a muted or dead input)
        # is worth a word before they start.
        dead = check.problem and check.peak_dbfs <= -100
        if check.notice or (dead and self.phase == "preparing"):
            self.panel.hint.setText(" ".join(t for t in (check.notice, check.problem if dead else None) if t))

    def _recording_started(self, device: str) -> None:
        self.set_phase("recording")
        self.panel.stop.setFocus()  # Space (or Enter) now stops, whatever had the focus before
        self.microphone.emit(f"Microphone: {device}")
        self.panel.device.setText(f"Microphone: {device}")
        self.panel.phase.setText("Recording \u2013 speak now. Press Stop (or Space) when you have finished.")
        self._meter.start()

    def _tick_recording(self) -> None:
        level = self.recorder.level()
        if level is not None:
            self.panel.meter.set_level(level.rms_dbfs, level.peak_dbfs)
        elapsed = self.recorder.elapsed_s()
        limit = self.test.task.speak_s if self.test else 0
        left = max(0, limit - elapsed)
        self.panel.clock.setText(f"{int(elapsed) // 60}:{int(elapsed) % 60:02d} / {int(left) // 60}:{int(left) % 60:02d} left")
        self.panel.hint.setText(self.recorder.signal_problem() or "")

    def _recording_finished(self, result: RecordingResult) -> None:
        self._meter.stop()
        self.set_phase("saved")
        self.panel.finish.setFocus()
        self.panel.clock.setText("")
        self.panel.phase.setText(f"Your answer ({result.duration_s:.0f} s) is saved.")
        self.panel.hint.setText(result.message or result.signal_problem or "")
        if result.stopped_by.value == "microphone_lost":
            self.microphone.emit("Microphone: lost")
        if self.test is not None:
            if self.show_results:
                self.transcript.show_status("Saving\u2026")
            self.sessions.save_recording(self.test, result)

    def _recording_failed(self, message: str) -> None:
        self._meter.stop()
        self.microphone.emit("Microphone: problem")
        if self.attempts_used:
            self.attempts_used -= 1  # nothing was recorded: the attempt is not used up
        self.set_phase("preparing" if self.test else "idle")
        self.panel.phase.setText("The recording could not start.")
        self.problem.emit(message)

    def _assessing(self, text: str) -> None:
        """A step began ("Transcribing your 12-minute answer…", "Assessing your answer…"): shown
        with the time it has taken so far, so a long wait is visibly alive."""
        self.ai_state.emit("AI: transcribing" if text.startswith("Transcribing") else "AI: assessing")
        self._step_text, self._step_started = text, time.monotonic()
        self._step_clock.start()
        if self.show_results:
            self.transcript.show_status(text)
            self.scores.clear(text)
            self.scores.cancel.setVisible(text.startswith("Transcribing"))

    def _tick_step(self) -> None:
        if self.show_results:
            shown = f"{self._step_text} {clock(time.monotonic() - self._step_started)}"
            self.transcript.show_status(shown)
            self.scores.message.setText(shown)

    def _step_over(self) -> None:
        self._step_clock.stop()
        self.scores.cancel.setVisible(False)

    def _assessed(self, outcome: AssessmentOutcome) -> None:
        self._step_over()
        self.ai_state.emit("AI: ready")
        if self.show_results:
            self.show_result(outcome.transcript.text, outcome.transcript.segments, outcome.measures.as_dict(),
                             outcome.evaluation, outcome.verdict.reasons, outcome.verdict.advice,
                             [(p.start_s, p.end_s) for p in outcome.pauses], outcome.outside_scale)
        self.assessed.emit(outcome)

    def show_result(self, text: str, segments: list | None, fluency: dict, evaluation: Any, reasons: list[str],
                    advice: list[str], pauses: list[tuple[float, float]], outside_scale: str | None) -> None:
        self._step_clock.stop()  # a result on screen (this one, or one opened from the history) stays put
        self.transcript.show_transcript(text, segments, pauses)
        if evaluation is None:
            self.scores.show_not_enough_evidence(reasons, advice, fluency)
        else:
            self.scores.show_evaluation(evaluation, fluency, outside_scale)

    def _assessment_waiting(self, message: str) -> None:
        self._not_assessed("AI: waiting", "Your answer is saved and will be assessed as soon as possible.", message)

    def _assessment_impossible(self, message: str) -> None:
        self._not_assessed("AI: ready", "This answer cannot be assessed.", message)

    def _not_assessed(self, ai_state: str, status: str, why: str) -> None:
        self._step_over()
        self.ai_state.emit(ai_state)
        if self.show_results:
            self.transcript.show_status(status)
            self.scores.clear(why)

    # -- state ---------------------------------------------------------------------------------

    def set_phase(self, phase: str) -> None:
        self.phase = phase
        self.panel.set_mode(phase)
        self.panel.start.setEnabled(True)
        self.panel.record.setEnabled(True)
        self.panel.stop.setEnabled(True)
        if phase == "saved" and not self.attempts_left():
            self.panel.record.setVisible(False)  # no attempts left: only "Finish" remains
        self.task_card.another.setEnabled(phase == "idle")
        self.phase_changed.emit(phase)
