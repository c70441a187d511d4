"""A mock test's overall result, from the assessments of its answers. The rule:

- Each assessed answer counts with the weight `speaking time x part weight`. The long turn weighs
  most (1.5): it is the one place where the person speaks at length on their own. The discussion
  comes next (1.25): it asks for opinions and reasons. The interview counts 1.0.
- Each of the five sub-scores is the weighted mean of the answers' sub-scores, rounded to the
  nearest half point (half points round up, as the answers' own scale). The level is the band of
  the weighted mean of the five, taken before rounding, so it is rounded once only. A mean below
  the A2 band gives A2, noted as "below A2".
- Answers without enough evidence (the evidence gate said no), or not assessed (yet), add nothing.
  A part with none assessed is left out, and named.
- No overall level at all, only "not enough evidence", when under half of the speech in the test
  comes from assessed answers, when fewer than two parts have an assessed answer, or when fewer
  than half of the test's questions were answered. A level that rests on one part, on a minority
  of what was said, or on a test mostly skipped, would be made up.
- Each part also gets its own level (the same rule within the part, no minimum), shown beside
  the overall one; it does not change the overall result.
- Confidence: the weighted mean of the answers' confidences, times the share of the speech that
  was assessed (0.5 to 1 once there is a level), rounded to two decimals.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.rubric import band_of

PART_WEIGHTS = {PartKind.INTERVIEW: 1.0, PartKind.LONG_TURN: 1.5, PartKind.DISCUSSION: 1.25}
MIN_ASSESSED_SHARE = 0.5  # of the speech in the test
MIN_PARTS_ASSESSED = 2
MIN_ANSWERED_SHARE = 0.5  # of the test's questions
PART_NAMES = {PartKind.INTERVIEW: "the interview", PartKind.LONG_TURN: "the long turn",
              PartKind.DISCUSSION: "the discussion"}


@dataclass(frozen=True, kw_only=True)
class AnswerEvidence:
    part: PartKind
    speaking_time_s: float  # measured from the recording
    scores: dict[str, float] | None = None  # None: not enough evidence, or not assessed
    confidence: float | None = None


@dataclass(frozen=True, kw_only=True)
class PartResult:
    part: PartKind
    answers: int  # questions answered in the part
    assessed: int  # of them, with an evaluation
    level: Level | None = None  # the part's own level (None: nothing assessed in it)

    def words(self) -> str:
        """The part's result in a word or two, as the history and the result pane say it."""
        if self.level is not None:
            return self.level.value
        return "not enough evidence" if self.answers else "not answered"


@dataclass(frozen=True, kw_only=True)
class OverallResult:
    level: Level | None  # None: not enough evidence for an overall level
    scores: dict[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    outside_scale: str | None = None  # "below_A2"
    parts_left_out: tuple[PartKind, ...] = ()  # no assessed answer in them
    assessed_share: float = 0.0  # of the speech in the test
    reasons: tuple[str, ...] = ()  # why there is no level, or what it leaves out
    parts: tuple[PartResult, ...] = ()  # each part of the test, in order

    def to_metadata(self) -> dict[str, Any]:
        """The form kept in `sessions.metadata.overall`."""
        return {"level": self.level.value if self.level else None, "scores": dict(self.scores),
                "confidence": self.confidence, "outside_scale": self.outside_scale,
                "parts_left_out": [p.value for p in self.parts_left_out],
                "assessed_share": round(self.assessed_share, 3), "reasons": list(self.reasons),
                "parts": [{"kind": p.part.value, "answers": p.answers, "assessed": p.assessed,
                           "level": p.level.value if p.level else None} for p in self.parts]}

    @classmethod
    def from_metadata(cls, raw: Any) -> OverallResult | None:
        """What `to_metadata` wrote (None when there is nothing readable: shown as not computed)."""
        if not isinstance(raw, dict):
            return None
        kinds = [k.value for k in PartKind]
        levels = [lv.value for lv in Level]

        def level(value: Any) -> Level | None:
            return Level(value) if value in levels else None
        return cls(level=level(raw.get("level")), scores={k: float(v) for k, v in (raw.get("scores") or {}).items()},
                   confidence=float(raw.get("confidence") or 0.0), outside_scale=raw.get("outside_scale"),
                   parts_left_out=tuple(PartKind(p) for p in raw.get("parts_left_out") or () if p in kinds),
                   assessed_share=float(raw.get("assessed_share") or 0.0),
                   reasons=tuple(str(r) for r in raw.get("reasons") or ()),
                   parts=tuple(PartResult(part=PartKind(p["kind"]), answers=int(p.get("answers", 0)),
                                          assessed=int(p.get("assessed", 0)), level=level(p.get("level")))
                               for p in raw.get("parts") or () if isinstance(p, dict) and p.get("kind") in kinds))


def overall_result(parts: Sequence[PartKind], answers: Sequence[AnswerEvidence], *,
                   questions: int | None = None) -> OverallResult:
    """`parts`: the test's parts (each named once); `answers`: every answer given in them (the
    latest recording of each question answered); `questions`: how many the test asked (default:
    as many as were answered)."""
    result = _overall(parts, answers, len(answers) if questions is None else questions)
    return OverallResult(**{**result.__dict__, "parts": _part_results(parts, answers)})


def _part_results(parts: Sequence[PartKind], answers: Sequence[AnswerEvidence]) -> tuple[PartResult, ...]:
    results = []
    for part in parts:
        given = [a for a in answers if a.part is part]
        assessed = [a for a in given if a.scores is not None]
        level = None
        if assessed:
            weights = [max(0.0, a.speaking_time_s) or 1.0 for a in assessed]
            mean = sum(w * sum((a.scores or {}).values()) / len(SCORE_KEYS)
                       for w, a in zip(weights, assessed, strict=True)) / sum(weights)
            level = band_of(mean) or Level.A2
        results.append(PartResult(part=part, answers=len(given), assessed=len(assessed), level=level))
    return tuple(results)


def _overall(parts: Sequence[PartKind], answers: Sequence[AnswerEvidence], questions: int) -> OverallResult:
    assessed = [a for a in answers if a.scores is not None]
    total_s = sum(max(0.0, a.speaking_time_s) for a in answers)
    assessed_s = sum(max(0.0, a.speaking_time_s) for a in assessed)
    share = assessed_s / total_s if total_s > 0 else 0.0
    with_evidence = {a.part for a in assessed}
    left_out = tuple(p for p in parts if p not in with_evidence)
    reasons = [f"Not enough evidence in {PART_NAMES[p]}: it is left out." for p in left_out]
    unanswered = max(0, questions - len(answers))
    if unanswered:
        reasons.append(f"{unanswered} of the {questions} questions were not answered.")

    if not assessed:
        return OverallResult(level=None, parts_left_out=left_out, reasons=(
            "None of the answers could be assessed, so there is no overall level.",))
    if len(with_evidence) < min(MIN_PARTS_ASSESSED, len(parts)):
        return OverallResult(level=None, parts_left_out=left_out, assessed_share=share, reasons=(
            *reasons, "An overall level needs assessed answers from at least two parts."))
    if questions and len(answers) / questions < MIN_ANSWERED_SHARE:
        return OverallResult(level=None, parts_left_out=left_out, assessed_share=share, reasons=(
            *reasons, "An overall level needs answers to at least half of the questions."))
    if share < MIN_ASSESSED_SHARE:
        return OverallResult(level=None, parts_left_out=left_out, assessed_share=share, reasons=(
            *reasons, f"Only {share:.0%} of what was said could be assessed; an overall level needs at least "
                      f"{MIN_ASSESSED_SHARE:.0%}."))

    weights = [max(0.0, a.speaking_time_s) * PART_WEIGHTS[a.part] for a in assessed]
    total_weight = sum(weights)
    if total_weight <= 0:  # assessed answers of no measured length: count them alike
        weights, total_weight = [1.0] * len(assessed), float(len(assessed))
    means = {key: sum(w * float((a.scores or {})[key]) for w, a in zip(weights, assessed, strict=True)) / total_weight
             for key in SCORE_KEYS}
    mean = sum(means.values()) / len(means)
    level = band_of(mean)
    confidence = sum(w * float(a.confidence or 0.0) for w, a in zip(weights, assessed, strict=True)) / total_weight
    return OverallResult(
        level=level or Level.A2, scores={k: _half_up(v) for k, v in means.items()},
        confidence=round(confidence * share, 2), outside_scale=None if level else "below_A2",
        parts_left_out=left_out, assessed_share=share, reasons=tuple(reasons))


def _half_up(value: float) -> float:
    """To the nearest half point, halves up (round() would send 5.25 to 5.0, banker's rounding)."""
    return math.floor(value * 2 + 0.5) / 2
