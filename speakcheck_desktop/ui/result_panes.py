"""The transcript pane (with long pauses marked where they happened) and the score pane."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.records import Evaluation
from speakcheck_desktop.core.results import AnswerResult, AnswerState, TestResult, measured_words
from speakcheck_desktop.core.vocabulary import LEVELS, MTLD_MIN_WORDS, VocabularyProfile
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.widgets import ScoreChart

LONG_PAUSE_S = 1.0
# English here, translated where shown (ScorePane's tr).
TIPS_TITLE = QT_TRANSLATE_NOOP("ScorePane", "Tips (click one with a time to hear that part):")
VOCABULARY_NOTE = QT_TRANSLATE_NOOP("ScorePane", "An estimate from a CEFR word list (cefrpy): each word counts at the "
                                                 "level learners usually meet it, whatever how it was used.")
QUESTION_ROLE = Qt.UserRole + 1  # a list item that stands for a question of the test (its id)


class TranscriptPane(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Transcript"), parent)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Transcript"))
        self.view.setPlaceholderText(self.tr("Your answer will appear here after recording."))
        layout.addWidget(self.view)

    def show_status(self, text: str) -> None:
        self.view.setHtml(f"<p><i>{html.escape(text)}</i></p>")

    def clear(self) -> None:
        self.view.clear()

    def show_test(self, result: TestResult) -> None:
        """Every question of a test of parts with what was said in answer."""
        blocks = []
        for question in result.questions:
            step, answer = question.step, question.answer
            heading = f"{texts.progress(step)}: {step.task.prompt}" if step.part else step.task.prompt
            none_yet = self.tr("no transcript yet")
            said = html.escape(answer.transcript) if answer.transcript else \
                f"<i>{texts.answer_words(answer) or none_yet}</i>"
            blocks.append(f"<p><b>{html.escape(heading)}</b><br>{said}</p>")
        self.view.setHtml("".join(blocks))

    def show_result(self, result: AnswerResult) -> None:
        if result.transcript is not None:
            self.show_transcript(result.transcript, result.segments, list(result.pauses))
        elif result.state is AnswerState.CANNOT_BE_ASSESSED:
            self.show_status(self.tr("This answer cannot be assessed."))
        elif result.state is AnswerState.NOTHING_RECORDED:
            self.show_status(self.tr("Nothing was recorded."))
        else:
            self.show_status(self.tr("No transcript yet."))

    def show_transcript(self, text: str, segments: list[dict[str, Any]] | None,
                        pauses: list[tuple[float, float]]) -> None:
        """The words, with each pause of a second or more shown where it happened."""
        long_pauses = [(a, b) for a, b in pauses if b - a >= LONG_PAUSE_S]
        words = [w for s in segments or [] for w in s.get("words") or []]
        if not words:
            body = html.escape(text)
            if long_pauses:
                said = self.tr("{count} long pause(s) in the recording.").format(count=len(long_pauses))
                body += f"<p><small>{html.escape(said)}</small></p>"
        else:
            # Word timings carry no punctuation: take the words as written in the text when they
            # line up one to one.
            tokens = text.split()
            shown = tokens if len(tokens) == len(words) else [w["word"] for w in words]
            parts, queue = [], list(long_pauses)
            for word, token in zip(words, shown, strict=True):
                while queue and queue[0][0] <= word["start"]:
                    a, b = queue.pop(0)
                    pause = self.tr("[pause {seconds} s]").format(seconds=f"{b - a:.1f}")
                    parts.append(f"<span style='color:#a05a12'>{html.escape(pause)}</span>")
                parts.append(html.escape(token))
            body = " ".join(parts)
        self.view.setHtml(f"<p style='line-height:140%'>{body}</p>")


class ScorePane(QGroupBox):
    tip_span_clicked = Signal(float, float)
    cancel_requested = Signal()  # "Stop waiting" for the transcription under way
    question_chosen = Signal(str)  # a question of the test on screen: show its answer
    whole_test_requested = Signal()  # back from one answer to the whole test

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Assessment"), parent)
        layout = QVBoxLayout(self)
        self.level = QLabel("\u2014")
        self.level.setAlignment(Qt.AlignCenter)
        self.level.setAccessibleName(self.tr("Overall level"))
        font = self.level.font()
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        self.level.setFont(font)
        self.confidence = QLabel("")
        self.confidence.setAlignment(Qt.AlignCenter)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("assessmentMessage")
        # Shown while a long transcription runs: the person may stop waiting for it.
        self.cancel = QPushButton(self.tr("Stop waiting"))
        self.cancel.setToolTip(self.tr("Stop the transcription under way; your answer is kept and assessed later"))
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self.cancel_requested)
        self.whole_test = QPushButton(self.tr("\u25c2  The whole test"))
        self.whole_test.setToolTip(self.tr("Back to the overall result and every question"))
        self.whole_test.setVisible(False)
        self.whole_test.clicked.connect(self.whole_test_requested)
        self.chart = ScoreChart()
        self.rationale = QLabel("")
        self.rationale.setWordWrap(True)
        self.tips = QListWidget()
        self.tips.setAccessibleName(self.tr("Tips"))
        self.tips.setWordWrap(True)
        self.tips.itemActivated.connect(self._tip_activated)
        self.tips.itemClicked.connect(self._tip_activated)
        self.fluency = QFormLayout()
        self.fluency_box = QGroupBox(self.tr("Fluency, measured from your recording"))
        self.fluency_box.setLayout(self.fluency)
        self.vocabulary = QFormLayout()
        self.vocabulary_box = QGroupBox(self.tr("Vocabulary, a word-list estimate"))
        self.vocabulary_box.setToolTip(self.tr(VOCABULARY_NOTE))
        self.vocabulary_box.setLayout(self.vocabulary)
        self.disclaimer = QLabel(texts.translate(texts.DISCLAIMER))
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setAlignment(Qt.AlignCenter)
        # Wrapped, as the list's title: a longer translation must not widen the column.
        self.disclaimer.setWordWrap(True)
        for widget in (self.whole_test, self.level, self.confidence, self.message, self.cancel, self.chart,
                       self.rationale):
            layout.addWidget(widget)
        self.list_title = QLabel("")
        self.list_title.setWordWrap(True)
        layout.addWidget(self.list_title)
        layout.addWidget(self.tips, 1)
        layout.addWidget(self.fluency_box)
        layout.addWidget(self.vocabulary_box)
        layout.addWidget(self.disclaimer)
        self.clear()

    def clear(self, message: str = "") -> None:
        self.setTitle(self.tr("Assessment"))
        self.list_title.setVisible(True)
        self.tips.setVisible(True)
        self.whole_test.setVisible(False)
        self.list_title.setText(self.tr(TIPS_TITLE))
        self.level.setText("\u2014")
        self.confidence.setText("")
        self.message.setText(message)
        self.chart.set_scores({})
        self.chart.setVisible(False)
        self.rationale.setText("")
        self.tips.clear()
        self._set_measures({}, None)

    def show_step(self, text: str | None = None, *, can_cancel: bool | None = None) -> None:
        """An assessment step under way (its text updated as its clock runs; None: keep it);
        `can_cancel` shows or hides "Stop waiting" (None: leave it as it is)."""
        if text is not None:
            self.message.setText(text)
        if can_cancel is not None:
            self.cancel.setVisible(can_cancel)

    def show_test_result(self, result: TestResult, *, questions_open: bool = True) -> None:
        """A test of parts: the overall level and sub-scores (or why there is none, or that answers
        are still waiting), each part's level, and the questions, each opening its own answer
        (`questions_open`; a kiosk lists them only)."""
        self.clear()
        self.setTitle(self.tr("Assessment \u00b7 {test}").format(test=texts.describe(result.plan)))
        self.list_title.setText(self.tr("Questions (click one to see its answer):") if questions_open
                                else self.tr("Questions:"))
        overall = result.overall
        if overall is not None and overall.level is not None:
            self.level.setText(overall.level.value)
            self.confidence.setText(self.tr("Overall level \u00b7 confidence {confidence}").format(
                confidence=f"{overall.confidence:.0%}"))
            self.chart.set_scores(overall.scores)
            self.chart.setVisible(True)
            # The reasons are the engine's sentences (English); the note below A2 is the window's.
            below = " " + self.tr("Your answers seem below A2, the lowest level this test measures.") \
                if overall.outside_scale == "below_A2" else ""
            self.message.setText(html.escape(" ".join(overall.reasons) + below))
        elif overall is not None:
            self.level.setText("?")
            heading = html.escape(self.tr("Not enough evidence for an overall level."))
            self.message.setText(f"<b>{heading}</b><br>" + "<br>".join(html.escape(r) for r in overall.reasons))
        elif not result.ended:
            self.message.setText(self.tr("Test under way: {answered} of {questions} questions answered. The overall "
                                         "result comes when the test is finished and every answer assessed.").format(
                answered=result.answered, questions=len(result.questions)))
        else:
            self.message.setText(self.tr("{waiting} answer(s) still to be assessed: the overall result comes "
                                         "then.").format(waiting=result.waiting))
        if overall is not None:
            self.rationale.setText(" \u00b7 ".join(f"{texts.part_title(p.part)}: {texts.part_words(p.level, p.answers)}"
                                                   for p in overall.parts))
        for question in result.questions:
            step = question.step
            # "Interview 2", but "Long turn": a part of one question needs no number.
            where = (texts.part_title(step.part) + (f" {step.number}" if step.of > 1 else "")) if step.part \
                else self.tr("Task")
            item = QListWidgetItem(f"{where}: {texts.answer_words(question.answer)} \u00b7 {step.task.prompt}")
            if questions_open:
                item.setData(QUESTION_ROLE, step.task.id)
            item.setToolTip(self.tr("Show the answer to {part}, question {number}").format(
                part=texts.part_name(step.part) if step.part else self.tr("the task"), number=step.number))
            self.tips.addItem(item)

    def show_result(self, result: AnswerResult, *, in_test: bool = False) -> None:
        """One answer's result; `in_test`: it is one question of the test of parts on screen
        ("The whole test" goes back to it)."""
        self.setTitle(self.tr("Assessment"))
        self.list_title.setText(self.tr(TIPS_TITLE))
        self.list_title.setVisible(True)
        self.tips.setVisible(True)
        self.cancel.setVisible(False)
        if result.state is AnswerState.ASSESSED and result.evaluation is not None:
            self.show_evaluation(result.evaluation, result.fluency, result.outside_scale, result.vocabulary)
            if result.review is not None:  # the examiner's result, marked as theirs; the AI's beside it
                ai = result.ai_evaluation
                said = " " + self.tr("The AI's evaluation: {level}.").format(level=ai.overall_level.value) \
                    if ai is not None else ""
                self.confidence.setText(self.tr("Examiner's result"))
                # Rich text, as the label's other messages: the tag makes Qt read the escapes.
                self.message.setText(f"<span>{html.escape(result.review.words() + said)}</span>")
        elif result.state is AnswerState.NOT_ENOUGH_EVIDENCE:
            self.show_not_enough_evidence(list(result.reasons), list(result.advice), result.fluency, result.vocabulary)
        elif result.state is AnswerState.CANNOT_BE_ASSESSED:
            self.clear(result.problem or self.tr("The recording's audio is gone."))
        elif result.measured_only:
            self.show_measured(result)
        else:
            self.clear()
        self.whole_test.setVisible(in_test)  # after `clear`, which hides it

    def show_blind(self, result: AnswerResult) -> None:
        """For a blind second marking: what was measured, none of the scores given."""
        self.clear(self.tr("Blind marking: the AI's and the first examiner's results are hidden."))
        self.list_title.setVisible(False)
        self.tips.setVisible(False)
        self._set_measures(result.fluency, result.vocabulary)

    def show_measured(self, result: AnswerResult, why: str | None = None) -> None:
        """An answer transcribed and measured, whose level waits for an AI evaluation; `why`: the
        reason it has not come yet (the service cannot be reached, say), when there is one."""
        said = measured_words(result.transcribed_by)
        if why and why.startswith(said):  # the service's sentence begins with these same words
            why = why[len(said):].strip()
        self.clear()
        self.level.setText("\u2026")
        self.level.setToolTip(self.tr("The level comes with the AI evaluation"))
        self.confidence.setText(self.tr("Level to come"))
        self.message.setText(html.escape(said) + (f"<br><small>{html.escape(why)}</small>" if why else ""))
        self.list_title.setVisible(False)  # no tips before the evaluation: room for the measures
        self.tips.setVisible(False)
        self._set_measures(result.fluency, result.vocabulary)

    def show_evaluation(self, evaluation: Evaluation, fluency: dict[str, Any],
                        outside_scale: str | None = None, vocabulary: VocabularyProfile | None = None) -> None:
        self.level.setText(evaluation.overall_level.value)
        self.confidence.setText(self.tr("Confidence {confidence}").format(confidence=f"{evaluation.confidence:.0%}"))
        note = {"below_A2": self.tr("Your answer seems below A2, the lowest level this test measures."),
                "above_C1": self.tr("Your answer seems above C1, the highest level this test measures.")
                }.get(outside_scale or "", "")
        self.message.setText(note)
        self.chart.set_scores(evaluation.scores)
        self.chart.setVisible(True)
        self.rationale.setText(evaluation.rationale)
        self.tips.clear()
        for tip in evaluation.tips:
            tip = tip if isinstance(tip, dict) else {"text": str(tip)}
            label = tip["text"]
            if tip.get("quote"):
                label += f"\n\u201c{tip['quote']}\u201d"
            if tip.get("start_s") is not None:
                label += "  \u25b6 " + self.tr("{start}\u2013{end} s").format(start=f"{tip['start_s']:.1f}",
                                                                             end=f"{tip['end_s']:.1f}")
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, (tip.get("start_s"), tip.get("end_s")))
            self.tips.addItem(item)
        self._set_measures(fluency, vocabulary)

    def show_not_enough_evidence(self, reasons: list[str], advice: list[str], fluency: dict[str, Any],
                                 vocabulary: VocabularyProfile | None = None) -> None:
        self.clear()
        self.level.setText("?")
        # The reasons and the advice are the evidence gate's sentences (English).
        heading, what_to_do = html.escape(self.tr("Not enough evidence to score.")), html.escape(self.tr("What to do:"))
        self.message.setText(f"<b>{heading}</b><br>" + "<br>".join(html.escape(r) for r in reasons)
                             + f"<br><br><b>{what_to_do}</b> " + " ".join(html.escape(a) for a in advice))
        self._set_measures(fluency, vocabulary)

    def _set_measures(self, fluency: dict[str, Any], vocabulary: VocabularyProfile | None) -> None:
        self._set_fluency(fluency)
        self._set_vocabulary(vocabulary)

    def _set_vocabulary(self, profile: VocabularyProfile | None) -> None:
        while self.vocabulary.rowCount():
            self.vocabulary.removeRow(0)
        if profile is not None and profile.known:
            # Three short rows: the column is narrow, and the fluency measures sit just above.
            self.vocabulary.addRow(self.tr("Words at B2 and above"), QLabel(f"{profile.b2_and_above:.0%}"))
            shares = " \u00b7 ".join(f"{level} {profile.shares[level]:.0%}" for level in LEVELS
                                     if profile.shares.get(level))
            self.vocabulary.addRow(self.tr("By level"), QLabel(shares))
            diversity = (f"{profile.mtld:.0f}" if profile.mtld is not None
                         else self.tr("from {words} words on").format(words=MTLD_MIN_WORDS))
            self.vocabulary.addRow(self.tr("Diversity (MTLD)"), QLabel(diversity))
            self.vocabulary_box.setToolTip(self.tr(VOCABULARY_NOTE) + " " + self.tr(
                "The list knows {known} of the {words} words of this answer.").format(known=profile.known,
                                                                                      words=profile.words))
        self.vocabulary_box.setVisible(self.vocabulary.rowCount() > 0)

    def _set_fluency(self, fluency: dict[str, Any]) -> None:
        while self.fluency.rowCount():
            self.fluency.removeRow(0)
        seconds, per_minute = self.tr("{value} s"), self.tr("{value} words/min")
        rows = [(self.tr("Speaking time"), "speaking_time_s", "{:.0f}", seconds), (self.tr("Words"), "words", "{}", ""),
                (self.tr("Speech rate"), "speech_rate_wpm", "{:.0f}", per_minute),
                (self.tr("Articulation rate"), "articulation_rate_wpm", "{:.0f}", per_minute),
                (self.tr("Pauses"), "pause_count", "{}", ""),
                (self.tr("Longest pause"), "longest_pause_s", "{:.1f}", seconds),
                (self.tr("Words between pauses"), "mean_length_of_run", "{:.1f}", ""),
                (self.tr("Different words"), "distinct_words", "{}", ""),
                (self.tr("Filled pauses (um, uh)"), "filled_pauses", "{}", "")]
        for label, key, fmt, unit in rows:
            if fluency.get(key) is not None:
                value = fmt.format(fluency[key])
                self.fluency.addRow(label, QLabel(unit.format(value=value) if unit else value))
        self.fluency_box.setVisible(self.fluency.rowCount() > 0)  # no empty box (a whole test has no one figure)

    def _tip_activated(self, item: QListWidgetItem) -> None:
        question = item.data(QUESTION_ROLE)
        if question:
            self.question_chosen.emit(str(question))
            return
        start, end = item.data(Qt.UserRole) or (None, None)
        if start is not None and end is not None:
            self.tip_span_clicked.emit(float(start), float(end))
