"""An answer's result as the person sees it, live or reopened from the history: one plain object,
so the windows never rebuild a result from stored event payloads themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bson import ObjectId

from speakcheck_desktop.core.records import Evaluation


class AnswerState(StrEnum):
    ASSESSED = "assessed"  # an evaluation: level, confidence, sub-scores, tips
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"  # the evidence gate said no, with reasons and advice
    WAITING = "waiting"  # recorded (maybe transcribed), not assessed yet: it will be
    CANNOT_BE_ASSESSED = "cannot_be_assessed"  # its audio went missing or changed after recording
    NOTHING_RECORDED = "nothing_recorded"


@dataclass(frozen=True, kw_only=True)
class AnswerResult:
    state: AnswerState
    recording_id: ObjectId | None = None
    transcript: str | None = None  # None: not transcribed
    segments: list[dict[str, Any]] = field(default_factory=list)  # the transcriber's, with word timings
    fluency: dict[str, Any] = field(default_factory=dict)  # FluencyMeasures.as_dict()
    pauses: tuple[tuple[float, float], ...] = ()  # (start_s, end_s) in the recording
    evaluation: Evaluation | None = None
    outside_scale: str | None = None  # "below_A2" | "above_C1": the answer seems outside the test's range
    reasons: tuple[str, ...] = ()  # NOT_ENOUGH_EVIDENCE: why
    advice: tuple[str, ...] = ()  # NOT_ENOUGH_EVIDENCE: what to do
    problem: str | None = None  # CANNOT_BE_ASSESSED: what happened to the audio
