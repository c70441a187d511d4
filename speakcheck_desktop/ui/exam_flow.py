"""One speaking test on screen: start, preparation countdown, recording with its meter and time
limit, saving, assessment. Shared by the learner's main window and the kiosk; each window lays
out the widgets and decides what else to show. The flow drives the widgets through their own
methods (`RecorderPanel.say`, `ScorePane.show_result`, ...) and the test through the services.

Phases (ui/exam_phase.py): IDLE -> PREPARING -> RECORDING -> SAVED (-> RECORDING again, while
attempts are left; -> PREPARING for the next question of a test of parts, whose attempts are
counted afresh).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from speakcheck_desktop.audio.outcomes import MicCheck, RecordingResult, StopReason
from speakcheck_desktop.core.ai_timing import clock
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.results import AnswerResult
from speakcheck_desktop.core.test_plan import TestPlan
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.session_service import ActiveTest
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.result_panes import ScorePane, TranscriptPane
from speakcheck_desktop.ui.widgets import RecorderPanel, TaskCard

METER_INTERVAL_MS = 40


def _minutes(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


class ExamFlow(QObject):
    phase_changed = Signal(object)  # Phase
    microphone = Signal(str)  # "Microphone: ..." for a status line
    ai_state = Signal(str)  # "AI: ..." for a status line
    problem = Signal(str)  # a sentence for the window's banner
    assessed = Signal(object)  # AnswerResult, after the panes (if any) were filled
    not_started = Signal()  # no microphone, or it would not record: no test is under way (`problem` said why)

    def __init__(self, services: AppServices, task_card: TaskCard, panel: RecorderPanel, *,
                 transcript: TranscriptPane | None = None, scores: ScorePane | None = None,
                 attempts: int | None = None, parent: QObject | None = None):
        """Without `transcript` and `scores` (the kiosk's exam page) no result is shown while the
        test runs; `assessed` still says when one is ready."""
        super().__init__(parent)
        self.sessions = services.sessions
        self.recorder = services.recorder
        self.task_card, self.panel, self.transcript, self.scores = task_card, panel, transcript, scores
        self.max_attempts = attempts  # per question; None: as many as the person likes
        self._extra_attempts = 0  # the operator's "retry", for the question on screen only
        self.test: ActiveTest | None = None
        self.phase = Phase.IDLE
        self.attempts_used = 0
        self.shown_recording: Path | None = None  # the recording whose results are on screen
        self._measured: AnswerResult | None = None  # on screen: measured, its level still to come
        self._prep_ends = 0.0
        self._mic_checked = False
        self._recorded = False  # an answer of the test under way was recorded (or it was resumed)

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
        panel.next_requested.connect(self.next_question)
        panel.finish_requested.connect(self.finish_test)
        if scores is not None:
            scores.tip_span_clicked.connect(self.play_span)
            scores.cancel_requested.connect(self.sessions.cancel_transcription)
        s = self.sessions
        s.test_started.connect(self._test_started)
        s.start_failed.connect(self._start_failed)
        s.assessing.connect(self._assessing)
        s.measured.connect(self._measured_ready)
        s.assessed.connect(self._assessed)
        s.assessment_waiting.connect(self._assessment_waiting)
        s.assessment_impossible.connect(self._assessment_impossible)
        r = self.recorder
        r.started.connect(self._recording_started)
        r.finished.connect(self._recording_finished)
        r.failed.connect(self._recording_failed)
        r.notice.connect(panel.show_hint)
        r.problem.connect(self.problem)
        r.checked.connect(self._microphone_checked)

    # -- actions -------------------------------------------------------------------------------

    def start_test(self, level: Level | str, plan: TestPlan | None, candidate: Candidate | None = None) -> None:
        if plan is None:
            return
        self.panel.wait(self.tr("Checking the microphone\u2026"))

        def found(name: str) -> None:
            self.microphone.emit(self.tr("Microphone: {name}").format(name=name))
            self.panel.wait(self.tr("Starting the test\u2026"))
            self.sessions.start_test(level, plan, candidate)
        # No session until a recording could start: a test begun without a microphone would stay
        # "active" in the history with nothing in it.
        self.recorder.find_microphone(found, self._no_microphone)

    def _no_microphone(self, message: str) -> None:
        self.microphone.emit(self.tr("Microphone: none found"))
        self.panel.show_device(self.tr("none found"))
        self.set_phase(Phase.IDLE)
        self.panel.say(self.tr("The test was not started: no microphone. Connect one and press Start again."), clock="")
        self.problem.emit(message)
        self.not_started.emit()

    def next_question(self) -> None:
        """On to the next question of a test of parts (the answer given is kept and assessed)."""
        if self.test is None or self.test.is_last or self.phase is not Phase.SAVED:
            return
        self.test = self.test.advanced()
        self._begin_question()

    def start_recording(self) -> None:
        if self.test is None or self.recorder.recording or not self.attempts_left():
            return
        self._prep.stop()
        self.attempts_used += 1
        self.panel.wait(self.tr("Starting the microphone\u2026"))
        self._show_nothing()
        self.shown_recording = self.sessions.new_recording_path(self.test.session)
        self.recorder.start(self.shown_recording, self.test.task.speak_s)

    def stop_recording(self) -> None:
        self.panel.wait(self.tr("Saving your answer\u2026"))
        self.recorder.stop()

    def finish_test(self) -> None:
        if self.test is not None:
            self._prep.stop()  # a test ended during a preparation must not start recording
            self.panel.wait(self.tr("Finishing the test\u2026"))
            self.sessions.finish_test(self.test.session.id)

    def space(self) -> None:
        if self.phase is Phase.RECORDING:
            self.stop_recording()
        elif self.phase in (Phase.PREPARING, Phase.SAVED) and self.test is not None:
            self.start_recording()

    def attempts_left(self) -> bool:
        return self.max_attempts is None or self.attempts_used < self.max_attempts + self._extra_attempts

    def allow_another_attempt(self) -> None:
        """The operator's "retry": one more recording for the question on screen (not for the
        questions after it)."""
        self._extra_attempts += 1
        if self.phase is Phase.SAVED:
            self.set_phase(Phase.SAVED)

    def resumed(self, test: ActiveTest) -> None:
        self.test = test
        self._recorded = True
        self.attempts_used = self._extra_attempts = 0
        self.task_card.show_step(test.current)
        self.set_phase(Phase.PREPARING)
        step = test.current
        if step.part is not None:
            said = self.tr("Session resumed at part {part} of {parts} \u00b7 question {number} of {of}. Record your "
                           "answer when you are ready.").format(part=step.part_number, parts=step.part_count,
                                                                 number=step.number, of=step.of)
        else:
            said = self.tr("Session resumed. Record your answer when you are ready.")
        self.panel.say(said, clock="")

    def play_span(self, start: float, end: float) -> None:
        if self.shown_recording is not None:
            self.recorder.play(self.shown_recording, start, end)

    def show_result(self, result: AnswerResult, *, in_test: bool = False) -> None:
        """An answer's result in the panes: the one just assessed, or one opened from the history
        (whose audio, when it can be had, comes later through `show_recording`); `in_test`: one
        question of the test of parts on screen."""
        self._step_clock.stop()  # a result on screen stays put
        # Measured and awaiting its level: later steps and waits update its message line only.
        self._measured = result if result.measured_only else None
        if self.transcript is not None:
            self.transcript.show_result(result)
        if self.scores is not None:
            self.scores.show_result(result, in_test=in_test)

    def show_past_result(self, result: AnswerResult, *, in_test: bool = False) -> None:
        self.shown_recording = None  # until its audio is found: a tip must not play another answer
        self.show_result(result, in_test=in_test)

    def show_recording(self, path: Path) -> None:
        """The audio of the result on screen is here: its tips now play their part of it."""
        self.shown_recording = path

    def reset(self, text: str = "", *, clear_results: bool = True) -> None:
        """Back to idle. With `clear_results` (the kiosk), nothing of the last test is left on
        screen or in this object; a learner keeps the last results on screen to read."""
        self._meter.stop()
        self._prep.stop()
        self.test = None
        self.attempts_used = self._extra_attempts = 0
        if clear_results:
            self.shown_recording = None
            self._show_nothing()
            self.panel.show_hint("")
        self.set_phase(Phase.IDLE)
        self.panel.say(text, clock="")

    def stop_timers(self) -> None:
        self._meter.stop()
        self._prep.stop()
        self._step_over()

    # -- reactions -----------------------------------------------------------------------------

    def _test_started(self, test: ActiveTest) -> None:
        self.test = test
        self._recorded = False
        if not self._mic_checked:
            self.microphone.emit(self.tr("Microphone: checking\u2026"))
            self.recorder.check_microphone()  # while the person prepares: sound arriving, too little, too much
        self._begin_question()

    def _begin_question(self) -> None:
        """The question under way: shown, with its preparation countdown (recording starts by
        itself at its end; a question without preparation starts at once when Record is pressed)."""
        assert self.test is not None
        self.attempts_used = self._extra_attempts = 0
        self._step_over()
        self._show_nothing()  # the last question's result belongs to it, not to this one
        self.task_card.show_step(self.test.current)
        self.set_phase(Phase.PREPARING)
        self.panel.focus_action()
        self.panel.show_hint("")
        self._prep_ends = time.monotonic() + self.test.task.prep_s
        self._tick_preparation()
        self._prep.start()

    def _start_failed(self) -> None:
        self.set_phase(self.phase)  # the banner said why; Start may be pressed again
        self.panel.say(self.tr("The test could not start (see the message above). Press Start to try again."))

    def _tick_preparation(self) -> None:
        left = self._prep_ends - time.monotonic()
        if self.test is not None and self.test.task.prep_s == 0:
            # No preparation (the interview's questions): the person answers when ready.
            self._prep.stop()
            self.panel.say(self.tr("Answer when you are ready: press Record (or Space)."), clock="")
            return
        if left <= 0:
            self.start_recording()
            return
        self.panel.say(self.tr("Prepare your answer. Recording starts by itself when the time is up."),
                       clock=_minutes(left))

    def _microphone_checked(self, check: MicCheck) -> None:
        self._mic_checked = True
        self.microphone.emit(self.tr("Microphone: {name}").format(name=check.device_name))
        self.panel.show_device(check.device_name)
        # Quiet is normal while someone prepares; only digital silence (a muted or dead input)
        # is worth a word before they start.
        dead = check.problem and check.peak_dbfs <= -100
        if check.notice or (dead and self.phase is Phase.PREPARING):
            self.panel.show_hint(" ".join(t for t in (check.notice, check.problem if dead else None) if t))

    def _recording_started(self, device: str) -> None:
        self.set_phase(Phase.RECORDING)
        self.panel.focus_action()  # Space (or Enter) now stops, whatever had the focus before
        self.microphone.emit(self.tr("Microphone: {name}").format(name=device))
        self.panel.show_device(device)
        self.panel.say(self.tr("Recording \u2013 speak now. Press Stop (or Space) when you have finished."))
        self._meter.start()

    def _tick_recording(self) -> None:
        level = self.recorder.level()
        if level is not None:
            self.panel.show_level(level.rms_dbfs, level.peak_dbfs)
        elapsed = self.recorder.elapsed_s()
        left = max(0.0, (self.test.task.speak_s if self.test else 0) - elapsed)
        self.panel.show_clock(self.tr("{elapsed} / {left} left").format(elapsed=_minutes(elapsed), left=_minutes(left)))
        self.panel.show_hint(self.recorder.signal_problem())

    def _recording_finished(self, result: RecordingResult) -> None:
        self._meter.stop()
        self._recorded = True
        self.set_phase(Phase.SAVED)
        self.panel.focus_action()
        self.panel.say(self.tr("Your answer ({seconds} s) is saved.").format(seconds=f"{result.duration_s:.0f}"),
                       clock="")
        self.panel.show_hint(result.message or result.signal_problem)
        if result.stopped_by is StopReason.MICROPHONE_LOST:
            self.microphone.emit(self.tr("Microphone: lost"))
        if self.test is not None:
            if self.transcript is not None:
                self.transcript.show_status(self.tr("Saving\u2026"))
            self.sessions.save_recording(self.test, result)

    def _recording_failed(self, message: str) -> None:
        self._meter.stop()
        self.microphone.emit(self.tr("Microphone: problem"))
        if self.attempts_used:
            self.attempts_used -= 1  # nothing was recorded: the attempt is not used up
        self.problem.emit(message)
        if self.test is not None and not self._recorded:
            # The microphone was there but would not record, before anything was said: the
            # session is ended at once as abandoned (it holds nothing), not left "active".
            self._prep.stop()
            self.sessions.abandon_unanswered(self.test.session.id)
            self.test = None
            self.set_phase(Phase.IDLE)
            self.panel.say(self.tr("The recording could not start, so the test was stopped; nothing was recorded. "
                                   "Press Start to try again."), clock="")
            self.not_started.emit()
            return
        self.set_phase(Phase.PREPARING if self.test else Phase.IDLE)
        self.panel.say(self.tr("The recording could not start."))

    def _assessing(self, text: str, question_id: str) -> None:
        """A step began ("Transcribing your 12-minute answer…", "Assessing your answer…"): shown
        with the time it has taken so far, so a long wait is visibly alive. In the panes only for
        the answer to the question on screen: an earlier question's, still being assessed while
        the person answers the next, shows in the status line alone."""
        transcribing = text.startswith("Transcribing")
        self.ai_state.emit(self.tr("AI: transcribing") if transcribing else self.tr("AI: assessing"))
        if self.test is not None and question_id != self.test.task.id:
            return
        self._step_text, self._step_started = text, time.monotonic()
        self._step_clock.start()
        if self._measured is not None:  # the transcript and measures stay; the level is awaited
            if self.scores is not None:
                self.scores.show_step(text, can_cancel=False)
            return
        if self.transcript is not None:
            self.transcript.show_status(text)
        if self.scores is not None:
            self.scores.clear(text)
            self.scores.show_step(text, can_cancel=transcribing)

    def _tick_step(self) -> None:
        shown = f"{self._step_text} {clock(time.monotonic() - self._step_started)}"
        if self.transcript is not None and self._measured is None:
            self.transcript.show_status(shown)
        if self.scores is not None:
            self.scores.show_step(shown)

    def _step_over(self) -> None:
        self._step_clock.stop()
        if self.scores is not None:
            self.scores.show_step(can_cancel=False)

    def _assessed(self, result: AnswerResult) -> None:
        self._step_over()
        self.ai_state.emit(self.tr("AI: ready"))
        # During a test of parts only the answer to the question on screen is shown: an earlier
        # question's result must not look like this one's.
        if self.test is None or result.question_id in (None, self.test.task.id):
            self.show_result(result)
        self.assessed.emit(result)

    def _measured_ready(self, result: AnswerResult) -> None:
        """Transcribed and measured here; the level comes with the evaluation (if one is set up)."""
        if self.test is None or result.question_id in (None, self.test.task.id):
            self._step_over()
            self.show_result(result)

    def _assessment_waiting(self, message: str) -> None:
        if self._measured is not None:  # what was measured stays on screen, with why the level waits
            self._step_over()
            self.ai_state.emit(self.tr("AI: waiting"))
            if self.scores is not None:
                self.scores.show_measured(self._measured, why=message)
            return
        self._not_assessed(self.tr("AI: waiting"),
                           self.tr("Your answer is saved and will be assessed as soon as possible."), message)

    def _assessment_impossible(self, message: str) -> None:
        self._not_assessed(self.tr("AI: ready"), self.tr("This answer cannot be assessed."), message)

    def _not_assessed(self, ai_state: str, status: str, why: str) -> None:
        self._step_over()
        self.ai_state.emit(ai_state)
        if self.transcript is not None:
            self.transcript.show_status(status)
        if self.scores is not None:
            self.scores.clear(why)

    def _show_nothing(self) -> None:
        self._measured = None
        if self.scores is not None:
            self.scores.clear()
        if self.transcript is not None:
            self.transcript.clear()

    # -- state ---------------------------------------------------------------------------------

    def set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.panel.set_mode(phase, can_record=self.attempts_left(),
                            more_questions=self.test is not None and not self.test.is_last)
        self.task_card.allow_another(phase is Phase.IDLE)
        self.phase_changed.emit(phase)
