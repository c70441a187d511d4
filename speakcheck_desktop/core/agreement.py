"""How far the app's scores agree with a test centre's examiners, and with each other.

A centre that lets the app score its candidates has to show that the machine marks like its own
examiners do. It has both rate the same answers and reads the figures automated-scoring research
uses for that (Williamson, Xi & Breyer 2012, "A framework for evaluation and use of automated
scoring"), each against the threshold that framework made common:

- on the level (A2 < B1 < B2 < C1, ordinal 0..3): exact and adjacent (within one level)
  agreement, and quadratic weighted kappa (QWK) over the four fixed levels, >= 0.70;
- on each sub-score (0..10), over the pairs where both raters gave it: Pearson r, >= 0.70, and the
  standardised mean difference SMD = (mean_first - mean_second) / sqrt((var_first + var_second) / 2),
  sample variances (ddof=1), |SMD| <= 0.15: the machine neither over- nor under-marks;
- where answers were double-marked, the AI-examiner QWK and r no more than 0.10 below the
  examiner-examiner ones on the same answers: the machine need not beat people, only not fall
  far behind them.

A figure that cannot be computed is None with its reason, never 0 or NaN; a figure from fewer than
MIN_PAIRS pairs is shown but judged "too few". The caller reads the CSV file; nothing here does I/O.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import SCORE_KEYS, SCORE_RANGE, Level

MIN_QWK = 0.70
MIN_PEARSON_R = 0.70
MAX_ABS_SMD = 0.15
MAX_DEGRADATION = 0.10  # how far the AI-examiner figure may fall below the examiner-examiner one
# Thirty, the usual floor for a correlation. Even then the 95% interval around r = 0.70 runs from
# about 0.45 to 0.85; with fewer it is wider still, and a verdict either way would be chance.
MIN_PAIRS = 30
_EPS = 1e-9  # 0.8 - 0.7 is 0.10000000000000009 in floats: a figure on its threshold meets it
LEVELS: tuple[Level, ...] = tuple(Level)  # in order: the index is the ordinal
_RANK = {level: i for i, level in enumerate(LEVELS)}
_LEVEL_LIST = ", ".join(LEVELS)
AI, EXAMINER, SECOND_EXAMINER = "the AI", "the examiner", "the second examiner"
BLIND_EXAMINER = "the blind second examiner"


class AgreementError(UserFacingError, ValueError):
    """A CSV of ratings the comparison cannot read; the message names the row and column."""


class Verdict(StrEnum):
    MEETS = "meets"
    NOT_MET = "not_met"
    TOO_FEW = "too_few"  # computed, but from fewer than MIN_PAIRS pairs
    UNDEFINED = "undefined"  # no figure (see its reason)

    @property
    def words(self) -> str:
        return {"meets": "meets", "not_met": "does not meet", "too_few": "too few to judge",
                "undefined": "undefined"}[self.value]


@dataclass(frozen=True)
class Rating:
    level: Level
    scores: Mapping[str, float] = field(default_factory=dict)  # any of SCORE_KEYS; others are ignored


@dataclass(frozen=True)
class RatedAnswer:
    """One answer as each rater marked it (None: that rater did not). `accepted`: the (first)
    examiner accepted the AI's rating as it was, having seen it."""
    ai: Rating | None
    human: Rating | None
    human2: Rating | None = None
    accepted: bool = False


def _verdict(value: float | None, n: int, meets: bool) -> Verdict:
    if value is None:
        return Verdict.UNDEFINED
    if n < MIN_PAIRS:
        return Verdict.TOO_FEW
    return Verdict.MEETS if meets else Verdict.NOT_MET


@dataclass(frozen=True)
class ScoreComparison:
    key: str
    n: int  # pairs where both raters gave this score
    pearson_r: float | None
    r_reason: str | None  # why r is None
    mean_first: float | None
    mean_second: float | None
    mean_difference: float | None  # first minus second
    smd: float | None
    smd_reason: str | None

    @property
    def r_verdict(self) -> Verdict:
        return _verdict(self.pearson_r, self.n, (self.pearson_r or 0.0) >= MIN_PEARSON_R - _EPS)

    @property
    def smd_verdict(self) -> Verdict:
        return _verdict(self.smd, self.n, abs(self.smd or 0.0) <= MAX_ABS_SMD + _EPS)


@dataclass(frozen=True)
class Comparison:
    first: str  # who rated first, "the AI", as the text names them
    second: str
    n: int  # pairs with both levels
    exact: float | None  # share of pairs on the same level (None: no pairs)
    adjacent: float | None  # share within one level, exact included
    qwk: float | None
    qwk_reason: str | None  # why QWK is None
    scores: tuple[ScoreComparison, ...]  # in SCORE_KEYS' order

    @property
    def qwk_verdict(self) -> Verdict:
        return _verdict(self.qwk, self.n, (self.qwk or 0.0) >= MIN_QWK - _EPS)

    def score(self, key: str) -> ScoreComparison:
        return next(s for s in self.scores if s.key == key)


@dataclass(frozen=True)
class Degradation:
    """One figure, AI-examiner beside examiner-examiner, on the answers all three rated."""
    figure: str  # "qwk", or a score key for its Pearson r
    ai_human: float | None
    human_human: float | None
    n: int  # the smaller of the two figures' pair counts

    @property
    def drop(self) -> float | None:
        if self.ai_human is None or self.human_human is None:
            return None
        return self.human_human - self.ai_human

    @property
    def verdict(self) -> Verdict:
        return _verdict(self.drop, self.n, (self.drop or 0.0) <= MAX_DEGRADATION + _EPS)


def compare(pairs: Iterable[tuple[Rating | None, Rating | None]], *, first: str = "the first rater",
            second: str = "the second rater") -> Comparison:
    """The figures for two raters of the same answers; a pair missing either rating is left out."""
    both = [(a, b) for a, b in pairs if a is not None and b is not None]
    ranks = [(_RANK[a.level], _RANK[b.level]) for a, b in both]
    n = len(ranks)
    qwk, reason = _qwk(ranks, first, second)
    return Comparison(
        first=first, second=second, n=n,
        exact=sum(x == y for x, y in ranks) / n if n else None,
        adjacent=sum(abs(x - y) <= 1 for x, y in ranks) / n if n else None,
        qwk=qwk, qwk_reason=reason,
        scores=tuple(_score(key, [(float(a.scores[key]), float(b.scores[key])) for a, b in both
                                  if key in a.scores and key in b.scores], first, second) for key in SCORE_KEYS))


def _qwk(ranks: Sequence[tuple[int, int]], first: str, second: str) -> tuple[float | None, str | None]:
    """1 - observed / expected squared disagreement; the weights' common (k-1)^2 cancels out."""
    n = len(ranks)
    if n == 0:
        return None, "no answer has a level from both"
    rows, cols = [0] * len(LEVELS), [0] * len(LEVELS)
    for x, y in ranks:
        rows[x] += 1
        cols[y] += 1
    observed = sum((x - y) ** 2 for x, y in ranks) * n
    expected = sum(rows[i] * cols[j] * (i - j) ** 2 for i in range(len(LEVELS)) for j in range(len(LEVELS)))
    if expected == 0:  # whole numbers, so exact: both raters used one and the same level throughout
        return None, f"{first} and {second} gave every answer {LEVELS[ranks[0][0]]}, so there is no chance " \
                     "agreement to measure against"
    return 1.0 - observed / expected, None


def _score(key: str, pairs: list[tuple[float, float]], first: str, second: str) -> ScoreComparison:
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    n = len(pairs)
    mean_x, mean_y = (statistics.fmean(xs), statistics.fmean(ys)) if n else (None, None)
    diff = mean_x - mean_y if mean_x is not None and mean_y is not None else None
    # A constant side is told from its values: a variance computed as 1e-33 would pass for spread.
    flat_x, flat_y = len(set(xs)) == 1, len(set(ys)) == 1
    same = f"gave every answer the same {key} score"
    both_flat = f"{first} and {second} both {same}" if flat_x and flat_y else None
    r_reason: str | None
    smd_reason: str | None
    if n < 2:
        r_reason = smd_reason = "fewer than two answers have this score from both" if n else \
            "no answer has this score from both"
    else:
        r_reason = both_flat or (f"{first} {same}" if flat_x else f"{second} {same}" if flat_y else None)
        smd_reason = both_flat  # one flat side still has a pooled SD
    r = None if r_reason else max(-1.0, min(1.0, statistics.correlation(xs, ys)))
    smd = None if smd_reason or diff is None else \
        diff / math.sqrt((statistics.variance(xs) + statistics.variance(ys)) / 2)
    return ScoreComparison(key=key, n=n, pearson_r=r, r_reason=r_reason, mean_first=mean_x, mean_second=mean_y,
                           mean_difference=diff, smd=smd, smd_reason=smd_reason)


@dataclass(frozen=True)
class AgreementReport:
    ai_vs_examiner: Comparison
    examiner_vs_second: Comparison | None  # None: no answer was double-marked
    degradation: tuple[Degradation, ...]  # QWK, then each score's r; empty without double-marking
    # An examiner who sees the AI's result may lean towards it (and "accepted" copies it), so
    # the AI is also compared with the blind second markings, which saw neither.
    ai_vs_blind: Comparison | None = None
    accepted: int = 0  # first ratings that accepted the AI's as it was

    def as_dict(self) -> dict[str, Any]:
        return {"thresholds": {"qwk": MIN_QWK, "pearson_r": MIN_PEARSON_R, "abs_smd": MAX_ABS_SMD,
                               "degradation": MAX_DEGRADATION, "min_pairs": MIN_PAIRS},
                "ai_vs_examiner": _comparison_dict(self.ai_vs_examiner),
                "accepted_by_examiner": self.accepted,
                "ai_vs_blind_second_examiner": _comparison_dict(self.ai_vs_blind) if self.ai_vs_blind else None,
                "examiner_vs_second_examiner": _comparison_dict(self.examiner_vs_second)
                if self.examiner_vs_second else None,
                "degradation": [{"figure": d.figure, "ai_vs_examiner": _round(d.ai_human),
                                 "examiner_vs_second_examiner": _round(d.human_human), "drop": _round(d.drop),
                                 "n": d.n, "verdict": d.verdict.value} for d in self.degradation]}

    def as_lines(self) -> list[str]:
        lines = _comparison_lines(self.ai_vs_examiner)
        if self.accepted:
            lines.append(f"  ({self.accepted} of these accepted the AI's rating as it was: an examiner who sees the "
                         "AI's result may lean towards it; the blind second markings below did not see it.)")
        if self.ai_vs_blind is not None:
            lines += ["", *_comparison_lines(self.ai_vs_blind)]
        if self.examiner_vs_second is None:
            return [*lines, "No answer was marked by a second examiner, so there is no examiner-examiner "
                            "comparison and no degradation check."]
        lines += ["", *_comparison_lines(self.examiner_vs_second), "",
                  "Degradation: the AI against the examiner beside the two examiners, on the answers all three "
                  f"rated ({self.degradation[0].n}):"]
        for d in self.degradation:
            name = "QWK on the level" if d.figure == "qwk" else f"Pearson r, {d.figure}"
            if d.drop is None or d.ai_human is None or d.human_human is None:
                lines.append(f"  {name}: undefined (one of the two figures is undefined)")
                continue
            change = f"{d.drop:.2f} lower" if d.drop >= 0 else f"{-d.drop:.2f} higher"
            lines.append(f"  {name}: {d.ai_human:.2f} against {d.human_human:.2f}, {change} "
                         f"(threshold \u2264 {MAX_DEGRADATION:.2f} lower: {d.verdict.words})")
        return lines


def agreement_report(answers: Iterable[RatedAnswer]) -> AgreementReport:
    """The AI against the (first) examiner; where double-marked, the two examiners and the
    degradation checks, both figures taken on the same answers (those all three rated)."""
    answers = list(answers)
    ai = compare(((a.ai, a.human) for a in answers), first=AI, second=EXAMINER)
    accepted = sum(a.accepted and a.ai is not None and a.human is not None for a in answers)
    double = [a for a in answers if a.human is not None and a.human2 is not None]
    if not double:
        return AgreementReport(ai_vs_examiner=ai, examiner_vs_second=None, degradation=(), accepted=accepted)
    blind = compare(((a.ai, a.human2) for a in double), first=AI, second=BLIND_EXAMINER)
    humans = compare(((a.human, a.human2) for a in double), first=EXAMINER, second=SECOND_EXAMINER)
    triple = [a for a in double if a.ai is not None]
    ai_same = compare(((a.ai, a.human) for a in triple), first=AI, second=EXAMINER)
    humans_same = compare(((a.human, a.human2) for a in triple), first=EXAMINER, second=SECOND_EXAMINER)
    checks = [Degradation(figure="qwk", ai_human=ai_same.qwk, human_human=humans_same.qwk, n=len(triple))]
    checks += [Degradation(figure=key, ai_human=ai_same.score(key).pearson_r,
                           human_human=humans_same.score(key).pearson_r,
                           n=min(ai_same.score(key).n, humans_same.score(key).n)) for key in SCORE_KEYS]
    return AgreementReport(ai_vs_examiner=ai, examiner_vs_second=humans, degradation=tuple(checks),
                           ai_vs_blind=blind, accepted=accepted)


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _comparison_dict(c: Comparison) -> dict[str, Any]:
    return {"n": c.n, "exact_agreement": _round(c.exact), "adjacent_agreement": _round(c.adjacent),
            "qwk": _round(c.qwk), "qwk_verdict": c.qwk_verdict.value, "qwk_reason": c.qwk_reason,
            "scores": {s.key: {"n": s.n, "pearson_r": _round(s.pearson_r), "r_verdict": s.r_verdict.value,
                               "r_reason": s.r_reason, "mean_first": _round(s.mean_first, 2),
                               "mean_second": _round(s.mean_second, 2),
                               "mean_difference": _round(s.mean_difference, 2), "smd": _round(s.smd),
                               "smd_verdict": s.smd_verdict.value, "smd_reason": s.smd_reason}
                       for s in c.scores}}


def _figure(name: str, value: float | None, reason: str | None, threshold: str, verdict: Verdict) -> str:
    if value is None:
        return f"  {name}: undefined ({reason})"
    return f"  {name}: {value:.2f} (threshold {threshold}: {verdict.words})"


def _comparison_lines(c: Comparison) -> list[str]:
    lines = [f"{c.first[0].upper()}{c.first[1:]} against {c.second}: {c.n} answers with a level from both"]
    if 0 < c.n < MIN_PAIRS:
        lines.append(f"  Fewer than {MIN_PAIRS} pairs: the figures are shown, but too few to judge.")
    if c.exact is not None and c.adjacent is not None:
        lines += [f"  Exact agreement on the level: {c.exact:.0%}",
                  f"  Adjacent agreement on the level (within one level): {c.adjacent:.0%}"]
    lines.append(_figure("QWK on the level", c.qwk, c.qwk_reason, f"\u2265 {MIN_QWK:.2f}", c.qwk_verdict))
    for s in c.scores:
        if s.mean_first is None or s.mean_second is None or s.mean_difference is None:
            lines.append(f"  {s.key.capitalize()}: no answer has this score from both")
            continue
        lines += [f"  {s.key.capitalize()}, {s.n} pairs: mean {s.mean_first:.2f} by {c.first}, {s.mean_second:.2f} "
                  f"by {c.second} (difference {s.mean_difference:+.2f})",
                  "  " + _figure("Pearson r", s.pearson_r, s.r_reason, f"\u2265 {MIN_PEARSON_R:.2f}", s.r_verdict),
                  "  " + _figure("SMD", s.smd, s.smd_reason, f"|SMD| \u2264 {MAX_ABS_SMD:.2f}", s.smd_verdict)]
    return lines


def ratings_from_csv(text: str) -> tuple[RatedAnswer, ...]:
    """The paired ratings in a CSV's text: columns ai_level and human_level, optionally
    ai_<score>, human_<score>, human2_level and human2_<score>; other columns are ignored.
    Rows are numbered as a spreadsheet does: the header is row 1."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # blank lines at the end
    if not rows:
        raise AgreementError("The CSV is empty: it needs a header row with the columns ai_level and human_level, "
                             "then one row of ratings per answer.")
    header = [name.strip().lower() for name in rows[0]]
    if "ai_level" not in header or "human_level" not in header:
        shown = ", ".join(name[:20] for name in header[:10] if name) or "no column names"
        more = f" and {len(header) - 10} more" if len(header) > 10 else ""
        raise AgreementError(f"The CSV needs the columns ai_level and human_level; its header has: {shown}{more}.")
    if len(rows) == 1:
        raise AgreementError("The CSV has a header but no rows of ratings.")
    where = {name: i for i, name in reversed(list(enumerate(header)))}  # a repeated name: its first column
    answers = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between rows
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in where.items()}
        answers.append(RatedAnswer(ai=_rating(cells, number, "ai", required=True),
                                   human=_rating(cells, number, "human", required=True),
                                   human2=_rating(cells, number, "human2", required=False)))
    return tuple(answers)


def _rating(cells: Mapping[str, str], row: int, rater: str, *, required: bool) -> Rating | None:
    column = f"{rater}_level"
    level = cells.get(column, "")
    scores = {key: _score_cell(cells[f"{rater}_{key}"], row, f"{rater}_{key}") for key in SCORE_KEYS
              if cells.get(f"{rater}_{key}")}
    if not level:
        if required:
            raise AgreementError(f"Row {row}, column {column}: the cell is empty; every row needs a level "
                                 f"({_LEVEL_LIST}).")
        if scores:  # scores with no level cannot be a Rating, and are more likely a forgotten level
            raise AgreementError(f"Row {row}, column {column}: the cell is empty, but the row has the second "
                                 f"examiner's scores; give their level ({_LEVEL_LIST}).")
        return None
    try:
        return Rating(level=Level(level.upper()), scores=scores)
    except ValueError:
        raise AgreementError(f"Row {row}, column {column}: {_shown(level)} is not a level ({_LEVEL_LIST}).") from None


def _score_cell(cell: str, row: int, column: str) -> float:
    low, high = SCORE_RANGE
    try:
        value = float(cell)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise AgreementError(f"Row {row}, column {column}: {_shown(cell)} is not a score from {low:g} to {high:g}.")
    if not low <= value <= high:
        raise AgreementError(f"Row {row}, column {column}: {_shown(cell)} is out of range: a score is from "
                             f"{low:g} to {high:g}.")
    return value


def _shown(cell: str) -> str:
    """One cell, quoted and cut short: a message never repeats more of the file than that."""
    cell = " ".join(cell.split())
    return f"'{cell[:20]}\u2026'" if len(cell) > 20 else f"'{cell}'"
