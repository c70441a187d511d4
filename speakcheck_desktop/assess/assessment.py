"""From a stored recording to a stored assessment: transcribe, measure, gate, evaluate, store.

Each step writes only when it has finished: a transcription that fails half-way (one part of
three) stores nothing, an evaluation that does not validate stores nothing, and the recording is
never touched. A step that could not run (offline, no credit) simply stays pending:
`LocalStore.pending_transcriptions()` and `pending_evaluations()` find it again after a restart.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from bson import ObjectId

from speakcheck_desktop.assess.evaluator import EvaluationDraft, Evaluator
from speakcheck_desktop.assess.prompts import PROMPT_VERSION
from speakcheck_desktop.assess.results import evidence_payload, measured_details, result_details
from speakcheck_desktop.assess.transcriber import SpeechToText, timed_words
from speakcheck_desktop.assess.word_levels import vocabulary_of
from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.audio.upload_files import UPLOAD_LIMIT_BYTES, prepare_upload
from speakcheck_desktop.audio.voice_activity import voice_activity_of_file
from speakcheck_desktop.core.ai_timing import duration_words
from speakcheck_desktop.core.confidence import compute_confidence
from speakcheck_desktop.core.evidence_gate import GateVerdict, check_evidence
from speakcheck_desktop.core.fluency import FluencyMeasures, measure_fluency
from speakcheck_desktop.core.records import Evaluation, Level, RecordError, Recording, Transcript
from speakcheck_desktop.core.rubric import RUBRIC_VERSION
from speakcheck_desktop.core.speech_activity import Span, VoiceActivity, activity_from_words
from speakcheck_desktop.core.vocabulary import VocabularyProfile
from speakcheck_desktop.store.audio_files import AudioProblem
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.recording_audio import check_recording_audio, local_audio, mark_audio_problem

R = TypeVar("R")

ASSESSING = "Assessing your answer\u2026"


def transcribing(duration_s: float | None) -> str:
    """The words for the transcription step: "Transcribing your 2-minute answer…"."""
    length = f"{duration_words(duration_s)} " if duration_s else ""
    return f"Transcribing your {length}answer\u2026"


@dataclass(frozen=True)
class Measured:
    """What this computer measures of an answer, before and without any AI evaluation."""
    activity: VoiceActivity
    measures: FluencyMeasures
    vocabulary: VocabularyProfile | None  # None: the word list is not available


@dataclass(frozen=True)
class AssessmentOutcome:
    transcript: Transcript
    measures: FluencyMeasures
    verdict: GateVerdict
    evaluation: Evaluation | None  # None: not enough evidence, or no evaluation service (`waiting`)
    pauses: tuple[Span, ...] = ()
    outside_scale: str | None = None
    cached: bool = False
    vocabulary: VocabularyProfile | None = None

    @property
    def waiting(self) -> bool:
        """Measured and enough to score, but no evaluation service is set up: it waits for one."""
        return self.verdict.enough and self.evaluation is None


class Assessor:
    def __init__(self, store: LocalStore, transcriber: SpeechToText, evaluator: Evaluator | None, work_dir: Path, *,
                 upload_limit_bytes: int = UPLOAD_LIMIT_BYTES, repeats: int = 1):
        # repeats > 1: score several times (with some sampling temperature) and measure agreement;
        # costs that many evaluation calls. evaluator None: transcribe, measure and gate only (no
        # evaluation service is set up); the answer then waits for one (`AssessmentOutcome.waiting`).
        self.repeats = max(1, repeats)
        self.store = store
        self.transcriber = transcriber
        self.evaluator = evaluator
        self.work_dir = work_dir
        self.upload_limit_bytes = upload_limit_bytes

    def assess(self, recording_id: ObjectId, *, task_prompt: str, level: Level | str,
               speak_s: float | None = None, cancel: threading.Event | None = None,
               on_step: Callable[[str], None] | None = None,
               on_measured: Callable[[AssessmentOutcome], None] | None = None) -> AssessmentOutcome:
        """Transcribe the recording, then evaluate it. A transcript of it that is still waiting for
        its evaluation (the evaluation failed, or the app stopped, after the transcription) is used
        as it is: a retry never pays for, or waits for, the same transcription twice.
        `on_step` is told each step as it starts, in words for the person (`transcribing()`, then
        `ASSESSING`), from this thread. `speak_s`: a short question's speaking time, for the
        evidence gate's minimums (core/evidence_gate.py). Setting `cancel` stops waiting for the transcription
        (api.Cancelled); an evaluation, once started, runs to its end. `on_measured` is given the
        answer measured and past the gate, before its evaluation (which may fail or not be set up),
        so the transcript and measures can show at once."""
        step = on_step or (lambda words: None)
        transcript = next((t for t in self.store.pending_evaluations() if t.recording_id == recording_id), None)
        measured = None
        if transcript is None:
            recording = self.store.get_recording(recording_id)
            step(transcribing(recording.duration_s if recording else None))
            transcript, measured = self._transcribe(recording_id, cancel)

        def measured_now(outcome: AssessmentOutcome) -> None:
            if on_measured is not None:
                on_measured(outcome)
            if self.evaluator is not None:
                step(ASSESSING)  # after the measures are shown: the level is what is awaited now
        return self.evaluate(transcript.id, task_prompt=task_prompt, level=level, speak_s=speak_s, measured=measured,
                             on_measured=measured_now)

    def transcribe(self, recording_id: ObjectId, cancel: threading.Event | None = None) -> Transcript:
        return self._transcribe(recording_id, cancel)[0]

    def _transcribe(self, recording_id: ObjectId, cancel: threading.Event | None) -> tuple[Transcript, Measured]:
        """The transcript, stored with what was measured of it (in its `transcribe` event), so an
        answer waiting for its evaluation shows its fluency and vocabulary, in the history too."""
        recording = self._require(self.store.get_recording(recording_id), "recording", recording_id)
        # Only the recording that was made is scored: a file that went missing or changed since
        # is named as such and recorded (an `audio_lost` event), never transcribed.
        check = check_recording_audio(self.store, recording)
        if not check.ok:
            if check.problem is not AudioProblem.UNREADABLE:
                mark_audio_problem(self.store, recording_id, check)
            raise AudioFileError(check.message or "The recording's audio cannot be used.")
        scratch = self.work_dir / str(recording_id)
        try:
            parts = prepare_upload(self._audio_path(recording), scratch, limit_bytes=self.upload_limit_bytes)
            result = self.transcriber.transcribe(parts, cancel)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        measured = self._measure(result.text, result.segments, recording)
        details = measured_details(measured.measures, measured.activity.pauses, measured.vocabulary)
        transcript = self.store.add_transcript(recording_id, result.text, result.language, result.provider,
                                               result.model, result.segments or None,
                                               event_details={**details, **({"note": result.note} if result.note
                                                                            else {})})
        return transcript, measured

    def _audio_path(self, recording: Recording) -> Path:
        """The audio on this computer (also for recordings whose `file_url` names GridFS)."""
        return local_audio(self.store, recording) or Path(recording.file_url)

    def _measure(self, text: str, segments: list[dict[str, Any]], recording: Recording) -> Measured:
        words = timed_words(segments)
        try:
            activity = voice_activity_of_file(self._audio_path(recording))
        except (OSError, RuntimeError):
            # The audio was pruned or moved: measure from the word timings, if there are any.
            if not words:
                raise AudioFileError("The recording's audio is no longer on this device and its transcript has no "
                                     "word timings, so fluency cannot be measured.") from None
            activity = activity_from_words([(w.start_s, w.end_s) for w in words],
                                           recording.duration_s or words[-1].end_s)
        return Measured(activity, measure_fluency(text, activity, words), vocabulary_of(text))

    def evaluate(self, transcript_id: ObjectId, *, task_prompt: str, level: Level | str,
                 speak_s: float | None = None, measured: Measured | None = None,
                 on_measured: Callable[[AssessmentOutcome], None] | None = None) -> AssessmentOutcome:
        """Gate, then evaluate (when an evaluation service is set up). `measured`: what
        `_transcribe` measured just now (else it is measured again from the audio)."""
        transcript = self._require(self.store.get_transcript(transcript_id), "transcript", transcript_id)
        recording = self._require(self.store.get_recording(transcript.recording_id), "recording",
                                  transcript.recording_id)
        segments = transcript.segments or []
        measured = measured or self._measure(transcript.text, segments, recording)
        activity, measures, vocabulary = measured.activity, measured.measures, measured.vocabulary
        verdict = check_evidence(level, speaking_time_s=activity.speaking_time_s, text=transcript.text,
                                 language=transcript.language,
                                 no_speech_probs=[s["no_speech_prob"] for s in segments if "no_speech_prob" in s],
                                 segments=segments, speak_s=speak_s)
        if not verdict.enough:
            self.store.record_insufficient_evidence(
                transcript.id, evidence_payload(verdict, measures, activity.pauses, vocabulary))
            return AssessmentOutcome(transcript, measures, verdict, None, activity.pauses, vocabulary=vocabulary)
        unscored = AssessmentOutcome(transcript, measures, verdict, None, activity.pauses, vocabulary=vocabulary)
        if on_measured is not None:
            on_measured(unscored)
        evaluator = self.evaluator
        if evaluator is None:
            return unscored

        input_hash = self._input_hash(evaluator, transcript, task_prompt, measures, vocabulary)
        cached = self.store.cached_evaluation(input_hash)
        if cached is not None:
            return AssessmentOutcome(transcript, measures, verdict, cached, activity.pauses, cached=True,
                                     vocabulary=vocabulary)

        drafts = [evaluator.evaluate(task_prompt=task_prompt, transcript=transcript.text, segments=segments,
                                     measures=measures, vocabulary=vocabulary,
                                     temperature=0.0 if self.repeats == 1 else 0.7)
                  for _ in range(self.repeats)]
        draft = _consensus(drafts)
        confidence, factors = compute_confidence(
            speaking_time_s=activity.speaking_time_s, scores=draft.scores, overall_level=draft.overall_level,
            avg_logprobs=[s["avg_logprob"] for s in segments if "avg_logprob" in s],
            no_speech_probs=[s["no_speech_prob"] for s in segments if "no_speech_prob" in s],
            repeated_levels=[d.overall_level for d in drafts] if len(drafts) > 1 else ())
        evaluation = self.store.add_evaluation(
            transcript.id, draft.overall_level, confidence, draft.scores, draft.rationale, draft.tips,
            provenance={
                "models": {"transcription": transcript.model, "evaluation": draft.model},
                "rubric_version": RUBRIC_VERSION, "prompt_version": draft.prompt_version, "input_hash": input_hash,
                "model_confidence": draft.model_confidence, "confidence_factors": factors,
                "repeated_levels": [d.overall_level for d in drafts] if len(drafts) > 1 else None,
                **result_details(measures, activity.pauses, draft.outside_scale, vocabulary),
            })
        return AssessmentOutcome(transcript, measures, verdict, evaluation, activity.pauses, draft.outside_scale,
                                 vocabulary=vocabulary)

    def _input_hash(self, evaluator: Evaluator, transcript: Transcript, task_prompt: str, measures: FluencyMeasures,
                    vocabulary: VocabularyProfile | None) -> str:
        """Everything the evaluation depends on: same hash, same evaluation."""
        inputs = {"text": transcript.text, "segments": transcript.segments, "task": task_prompt,
                  "fluency": measures.as_dict(), "vocabulary": vocabulary.as_dict() if vocabulary else None,
                  "evaluation_model": evaluator.endpoint.model,
                  "evaluation_server": evaluator.endpoint.base_url, "transcription_model": transcript.model,
                  "rubric": RUBRIC_VERSION, "prompt": PROMPT_VERSION, "repeats": self.repeats}
        return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()

    @staticmethod
    def _require(record: R | None, what: str, doc_id: ObjectId) -> R:
        if record is None:
            raise RecordError(f"{what}_id", f"no {what} {doc_id} in this store", f"the id of an existing {what}")
        return record


def _consensus(drafts: list[EvaluationDraft]) -> EvaluationDraft:
    """The majority level; the median of each sub-score among the runs that gave it; their first
    run's words."""
    if len(drafts) == 1:
        return drafts[0]
    levels = Counter(d.overall_level for d in drafts)
    top = max(levels.values())
    level = next(d.overall_level for d in drafts if levels[d.overall_level] == top)  # ties: the earliest
    agreeing = [d for d in drafts if d.overall_level == level]
    scores = {k: statistics.median(d.scores[k] for d in agreeing) for k in agreeing[0].scores}
    return replace(agreeing[0], scores=scores)

