"""The stored form of an answer's result, written and read in this one module.

The evaluations document keeps exactly the schema's fields, so what the screen needs beyond them
(the fluency and vocabulary measures, the pauses, the evidence gate's reasons and advice, an
answer outside the test's range) travels in the payload of the `evaluate` or
`insufficient_evidence` event. The measures are in the `transcribe` event too, written with the
transcript, so an answer still waiting for its evaluation (offline, or no service set up) shows them. The keys
of that payload are named here only: `assessment.py` writes through `result_details` and
`evidence_payload`, and `answer_of` reads them back into a `core.results.AnswerResult`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bson import ObjectId

from speakcheck_desktop.core.evidence_gate import GateVerdict
from speakcheck_desktop.core.fluency import FluencyMeasures
from speakcheck_desktop.core.records import EventType, Recording
from speakcheck_desktop.core.results import AnswerResult, AnswerState
from speakcheck_desktop.core.review import ReviewRole, reviews_by_transcript
from speakcheck_desktop.core.speech_activity import Span
from speakcheck_desktop.core.vocabulary import VocabularyProfile
from speakcheck_desktop.store.reviews import ai_evaluation
from speakcheck_desktop.store.views import SessionDetail

if TYPE_CHECKING:  # assessment.py imports this module
    from speakcheck_desktop.assess.assessment import AssessmentOutcome

FLUENCY, PAUSES, OUTSIDE_SCALE, REASONS, ADVICE = "fluency", "pauses", "outside_scale", "reasons", "advice"
VOCABULARY = "vocabulary"


def result_details(measures: FluencyMeasures, pauses: tuple[Span, ...], outside_scale: str | None,
                   vocabulary: VocabularyProfile | None = None) -> dict[str, Any]:
    """What an evaluation keeps beside its document (in the `evaluate` event): the measures,
    where the pauses were, and whether the answer seemed outside the test's range (or None)."""
    return {**measured_details(measures, pauses, vocabulary), OUTSIDE_SCALE: outside_scale}


def evidence_payload(verdict: GateVerdict, measures: FluencyMeasures, pauses: tuple[Span, ...],
                     vocabulary: VocabularyProfile | None = None) -> dict[str, Any]:
    """The `insufficient_evidence` event's payload: why no level was given, and what to do."""
    return {REASONS: list(verdict.reasons), ADVICE: list(verdict.advice),
            **measured_details(measures, pauses, vocabulary)}


def measured_details(measures: FluencyMeasures, pauses: tuple[Span, ...],
                     vocabulary: VocabularyProfile | None) -> dict[str, Any]:
    """What this computer measured of an answer (also the `transcribe` event's, beside the transcript)."""
    return {FLUENCY: measures.as_dict(), PAUSES: [[round(s.start_s, 2), round(s.end_s, 2)] for s in pauses],
            VOCABULARY: vocabulary.as_dict() if vocabulary is not None else None}


def answer_from_outcome(outcome: AssessmentOutcome, question_id: str | None = None) -> AnswerResult:
    """A result just made (the same object the history builds later from what was stored)."""
    state = (AnswerState.ASSESSED if outcome.evaluation is not None
             else AnswerState.WAITING if outcome.waiting else AnswerState.NOT_ENOUGH_EVIDENCE)
    return AnswerResult(
        state=state, recording_id=outcome.transcript.recording_id, question_id=question_id,
        transcript=outcome.transcript.text, transcribed_by=outcome.transcript.provider,
        segments=list(outcome.transcript.segments or []), fluency=outcome.measures.as_dict(),
        vocabulary=outcome.vocabulary,
        pauses=tuple((p.start_s, p.end_s) for p in outcome.pauses), evaluation=outcome.evaluation,
        outside_scale=outcome.outside_scale, reasons=tuple(outcome.verdict.reasons),
        advice=tuple(outcome.verdict.advice))


def answer_of(detail: SessionDetail, recording: Recording, question_id: str | None) -> AnswerResult:
    """The result of one recording of the session, from what the store holds."""
    transcript = next((t for t in reversed(detail.transcripts) if t.recording_id == recording.id), None)
    lost = next((e.payload for e in reversed(detail.events) if e.type is EventType.AUDIO_LOST
                 and (e.payload or {}).get("recording_id") == str(recording.id)), None)
    if transcript is None:
        if lost is not None:
            return AnswerResult(state=AnswerState.CANNOT_BE_ASSESSED, recording_id=recording.id,
                                question_id=question_id,
                                problem=lost.get("message") or "The recording's audio is gone.")
        return AnswerResult(state=AnswerState.WAITING, recording_id=recording.id, question_id=question_id)
    ai = ai_evaluation(detail, transcript.id)
    reviews = reviews_by_transcript(detail.events).get(str(transcript.id), {})
    first, second = reviews.get(ReviewRole.FIRST), reviews.get(ReviewRole.SECOND)
    examiners = next((e for e in detail.evaluations if first and str(e.id) == first.evaluation_id), None)
    evaluation = examiners or ai
    wanted = EventType.EVALUATE if ai is not None else EventType.INSUFFICIENT_EVIDENCE
    payload = _payload(detail, wanted, transcript.id)
    if evaluation is not None:
        state = AnswerState.ASSESSED
    elif payload is not None:
        state = AnswerState.NOT_ENOUGH_EVIDENCE
    else:
        state = AnswerState.CANNOT_BE_ASSESSED if lost is not None else AnswerState.WAITING
    # Measured at transcription time (older transcripts' events have no measures: then none show).
    payload = payload or _payload(detail, EventType.TRANSCRIBE, transcript.id) or {}
    return AnswerResult(
        state=state, recording_id=recording.id, question_id=question_id, transcript=transcript.text,
        transcribed_by=transcript.provider, vocabulary=VocabularyProfile.from_dict(payload[VOCABULARY])
        if isinstance(payload.get(VOCABULARY), dict) else None,
        segments=list(transcript.segments or []), fluency=dict(payload.get(FLUENCY) or {}),
        pauses=tuple((float(a), float(b)) for a, b in payload.get(PAUSES, [])),
        evaluation=evaluation, outside_scale=payload.get(OUTSIDE_SCALE), reasons=tuple(payload.get(REASONS, [])),
        advice=tuple(payload.get(ADVICE, [])), problem=(lost or {}).get("message"),
        review=first if examiners else None, ai_evaluation=ai, second_review=second)


def _payload(detail: SessionDetail, kind: EventType, transcript_id: ObjectId) -> dict[str, Any] | None:
    return next((e.payload for e in reversed(detail.events) if e.type is kind
                 and (e.payload or {}).get("transcript_id") == str(transcript_id)), None)
