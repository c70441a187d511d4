"""Progress over time: the series the progress view draws, and what they say in words.

The input is plain rows: one per answer given (`AnswerRow`: when, which format and task, its
result and what was measured of it) and one per mock test's overall result (`OverallRow`), as
store/progress_rows.py reads them. The rules, kept here in one place:

- An answer's result is the one shown for it everywhere: a first examiner's over the AI's, never
  a blind second marking's (the store read picks it). An answer without a level (not enough
  evidence, or not evaluated yet) adds nothing to the level and the sub-scores, but what was
  measured of it (speech rate, pauses, runs, vocabulary) counts: those were measured all the same.
- Each metric is charted per grouping: all answers; by format (mock test, one part, quick
  practice), where the mock tests' level and sub-scores are their overall results, one per test,
  since that is a mock test's result; by task kind (a practice task's kind, a mock question's part).
- Time is cut into days, weeks (Monday first) or months: the finest that gives no more points
  than the chart has room for (`max_points`), so a year of daily practice is ~52 weekly points.
  Each point holds the mean, the lowest and highest value, and how many answers it stands for.
- The level is charted as an ordinal, A2 = 1 < B1 = 2 < B2 = 3 < C1 = 4; a mean level is read back
  as the nearest level, halves up.
- The summary says each series in one line: the level in the last answers against the first ones
  ("Level: B1 in your last 10 answers, up from A2 in your first 10."), a measure from the first
  point to the last ("Speech rate: 96 → 118 words a minute over 12 weeks."). It is also the
  chart's text alternative.

Plain data and pure functions: no Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple

from speakcheck_desktop.core.mock_format import PART_ORDER, PartKind
from speakcheck_desktop.core.records import SCORE_RANGE, Aspect, Level
from speakcheck_desktop.core.rubric import BAND_BOUNDARIES, BAND_LEVELS
from speakcheck_desktop.core.test_plan import PART_TITLES, FormatKind

LEVEL_RANK: dict[Level, int] = {Level.A2: 1, Level.B1: 2, Level.B2: 3, Level.C1: 4}
RANKED_LEVELS: tuple[Level, ...] = tuple(LEVEL_RANK)
RECENT = 10  # the summary compares the last answers with the first ones, this many at most
DEFAULT_MAX_POINTS = 120
NO_ANSWERS_YET = "No assessed answers yet: take a test and your progress shows here."
NONE_IN_DATES = "No answers between these dates: choose other dates, or All time."
NO_OVERALL_YET = ("None of these mock tests has an overall level yet: a test gets one once it is finished and "
                  "enough of its answers are assessed.")
NO_DAY = date(1970, 1, 1)  # the span of an empty chart (nothing is drawn on it)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Metric(StrEnum):
    LEVEL = "level"
    FLUENCY = Aspect.FLUENCY.value  # the five sub-scores, under their keys in `evaluations.scores`
    ACCURACY = Aspect.ACCURACY.value
    GRAMMAR = Aspect.GRAMMAR.value
    VOCABULARY = Aspect.VOCABULARY.value
    COHERENCE = Aspect.COHERENCE.value
    SPEECH_RATE = "speech_rate"  # words a minute over the whole answer
    PAUSES = "pauses"  # silent pauses a minute
    MEAN_LENGTH_OF_RUN = "mean_length_of_run"  # words between two pauses
    B2_SHARE = "b2_share"  # of the known words, the share at B2 or above, in per cent


SUB_SCORES: tuple[Metric, ...] = (Metric.FLUENCY, Metric.ACCURACY, Metric.GRAMMAR, Metric.VOCABULARY,
                                  Metric.COHERENCE)


class Grouping(StrEnum):
    ALL = "all"
    FORMAT = "format"
    TASK = "task"


class Bucket(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Scale(StrEnum):
    """How a metric's axis is drawn: the level bands, the 0-10 sub-score scale with the same
    bands, or a plain amount from 0."""
    LEVEL = "level"
    SCORE = "score"
    AMOUNT = "amount"


@dataclass(frozen=True)
class MetricInfo:
    label: str  # as the picker and the summary name it
    unit: str  # after a value: "words a minute" ("" for the level)
    scale: Scale
    decimals: int


METRICS: dict[Metric, MetricInfo] = {
    Metric.LEVEL: MetricInfo("Level", "", Scale.LEVEL, 1),
    **{m: MetricInfo(f"{m.value.capitalize()} score", "of 10", Scale.SCORE, 1) for m in SUB_SCORES},
    Metric.SPEECH_RATE: MetricInfo("Speech rate", "words a minute", Scale.AMOUNT, 0),
    Metric.PAUSES: MetricInfo("Pauses", "a minute", Scale.AMOUNT, 1),
    Metric.MEAN_LENGTH_OF_RUN: MetricInfo("Mean length of run", "words between pauses", Scale.AMOUNT, 1),
    Metric.B2_SHARE: MetricInfo("Words at B2 or above", "% of known words", Scale.AMOUNT, 0),
}
GROUPINGS: dict[Grouping, str] = {Grouping.ALL: "All answers", Grouping.FORMAT: "By format",
                                  Grouping.TASK: "By task kind"}
FORMAT_TITLES: dict[str, str] = {FormatKind.MOCK: "Mock tests", FormatKind.PART: "Part practice",
                                 FormatKind.PRACTICE: "Quick practice"}
ALL_KEY = "all"
OTHER_TASK = ""  # a task whose kind is not known (an answer recovered after a crash, say)


# -- the rows ---------------------------------------------------------------------------------

class AnswerRow(NamedTuple):
    """One answer: its question's latest recording, with the result shown for it. (A named tuple:
    a store of tens of thousands of answers makes as many, at every load.)"""
    at: datetime  # when it was recorded (timezone-aware)
    session_id: str
    format: FormatKind
    task: str  # a practice task's kind ("describe"), a mock question's part ("long_turn"); OTHER_TASK
    level: Level | None = None  # None: no level (not enough evidence, or not evaluated yet)
    scores: Mapping[str, float] | None = None
    confidence: float | None = None
    speech_rate_wpm: float | None = None  # None: not measured
    pauses_per_min: float | None = None
    mean_length_of_run: float | None = None
    b2_share: float | None = None  # 0..1 of the known words; None: no known word, or not measured


class OverallRow(NamedTuple):
    """A mock test's overall result (`sessions.metadata.overall`)."""
    at: datetime  # when the test started
    session_id: str
    level: Level | None  # None: not enough evidence for an overall level
    scores: Mapping[str, float] | None = None
    confidence: float | None = None


def answer_row(*, at: datetime, session_id: str, format: FormatKind | str | None, task: str | None,
               level: Level | str | None, scores: Mapping[str, float] | None, confidence: float | None,
               duration_s: float | None, words: float | None, pauses: float | None, speech_rate_wpm: float | None,
               mean_length_of_run: float | None, known_words: float | None, b2_share: float | None) -> AnswerRow:
    """An answer's row from what is stored of it (the measures as in `FluencyMeasures.as_dict()`
    and `VocabularyProfile.as_dict()`, see `measures_of`). What counts as measured is decided
    here: a rate needs some recording, a run some words, a share some known words; sub-scores
    and confidence count only with a level."""
    measured = duration_s is not None and duration_s > 0
    rated = _LEVELS.get(level) if isinstance(level, str) else level
    return AnswerRow(  # in the fields' order (made for every answer at every load: no keywords)
        at, session_id, _FORMATS.get(format or "", FormatKind.PRACTICE), task or OTHER_TASK,
        rated, scores if rated is not None and scores else None,
        confidence if rated is not None else None,
        speech_rate_wpm if measured else None,
        60 * pauses / duration_s if measured and pauses is not None and duration_s else None,
        mean_length_of_run if words and mean_length_of_run is not None else None,
        b2_share if known_words and b2_share is not None else None)


def measures_of(fluency: Mapping[str, object] | None,
                vocabulary: Mapping[str, object] | None) -> dict[str, float | None]:
    """`answer_row`'s measures from the stored `fluency` and `vocabulary` dicts."""
    f, v = fluency or {}, vocabulary or {}
    return {"duration_s": _number(f.get("total_duration_s")), "words": _number(f.get("words")),
            "pauses": _number(f.get("pause_count")), "speech_rate_wpm": _number(f.get("speech_rate_wpm")),
            "mean_length_of_run": _number(f.get("mean_length_of_run")), "known_words": _number(v.get("known")),
            "b2_share": _number(v.get("b2_and_above"))}


def overall_row(*, at: datetime, session_id: str, overall: Mapping[str, object]) -> OverallRow:
    """A mock test's row from its `metadata.overall` (core/overall_result.py `to_metadata`)."""
    level = overall.get("level")
    scores = overall.get("scores")
    confidence = _number(overall.get("confidence"))
    level = _LEVELS.get(str(level)) if level else None  # an unknown one (never written by this app): none
    return OverallRow(at=at, session_id=session_id, level=level,
                      scores={k: float(x) for k, x in scores.items() if isinstance(x, int | float)}
                      if level and isinstance(scores, Mapping) else None,
                      confidence=confidence if level else None)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


# Looked up once per answer, for tens of thousands of answers. A session from before formats
# existed is quick practice (as core/test_plan.py reads it).
_LEVELS: dict[str, Level] = {level.value: level for level in Level}
_FORMATS: dict[str, FormatKind] = {kind.value: kind for kind in FormatKind}


# -- what the store read hands the view ------------------------------------------------------

@dataclass(frozen=True)
class ProgressUser:
    id: str
    label: str  # the name, else the email, else "User …1a2b3c"
    sessions: int


@dataclass(frozen=True)
class ProgressData:
    """Everything one load read: the rows, and whose they are."""
    answers: tuple[AnswerRow, ...]
    overall: tuple[OverallRow, ...]
    users: tuple[ProgressUser, ...] = ()  # the users with sessions in the store
    user_id: str | None = None  # whose progress this is (None: every user's)
    since: date | None = None  # the dates asked for (None: no limit on that side)
    until: date | None = None  # included
    store_empty: bool = False  # the store has no answer at all, in any dates


# -- the chart --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    start: date  # the first day of its day, week or month
    mean: float
    low: float
    high: float
    count: int
    text: str  # its tooltip: when, the value, how many


@dataclass(frozen=True)
class Series:
    key: str  # ALL_KEY, a format kind or a task kind
    label: str
    points: tuple[Point, ...]
    of_tests: bool = False  # from mock tests' overall results (one per test), not answers


@dataclass(frozen=True)
class Band:
    label: str
    low: float
    high: float


@dataclass(frozen=True)
class Chart:
    metric: Metric
    grouping: Grouping
    bucket: Bucket
    first: date  # the first bucket's first day
    last: date  # the last bucket's first day
    series: tuple[Series, ...]
    summary: tuple[str, ...]  # a line per series; also the chart's text alternative
    axis: tuple[float, float]  # the value axis, low to high
    ticks: tuple[float, ...]  # values labelled on it (the bands are labelled instead, for levels and scores)
    bands: tuple[Band, ...]  # the level bands behind the level and sub-score charts
    empty: str | None = None  # nothing to draw: why, in words

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series)

    def value_text(self, value: float) -> str:
        return value_text(self.metric, value)


def progress_chart(data: ProgressData, metric: Metric, grouping: Grouping, *, max_points: int = DEFAULT_MAX_POINTS,
                   tz: tzinfo | None = None) -> Chart:
    """The chart of `metric` by `grouping`. Days are this computer's (`tz` None) or `tz`'s; the
    span is the dates asked for where both are given, else the data's."""
    values = _values(data, metric, grouping, tz)
    bands, axis, ticks = _scale(metric, values)
    if not values:
        empty = _empty_words(data, metric, grouping)
        return Chart(metric, grouping, Bucket.DAY, NO_DAY, NO_DAY, (), (empty,), axis, ticks, bands, empty)
    days = [day for _, _, day, _ in values]
    first, last = min(days), max(days)
    if data.since and data.until:  # the dates asked for (and any day of the data outside them)
        first, last = min(first, data.since), max(last, data.until)
    bucket = choose_bucket(first, last, max_points)
    groups: dict[str, list[tuple[date, float]]] = {}  # each group's (bucket, value), oldest first
    starts: dict[date, date] = {}  # day -> its bucket (tens of thousands of answers, on far fewer days)
    for key, _of_tests, day, value in values:
        start = starts.get(day)
        if start is None:
            start = starts[day] = bucket_start(day, bucket)
        groups.setdefault(key, []).append((start, value))
    of_tests = {key for key, tests, _, _ in values if tests}
    series = []
    for key in _ordered(groups, grouping):
        points = _points(groups[key], metric, bucket, key in of_tests)
        series.append(Series(key, _group_label(key, grouping, key in of_tests), points, key in of_tests))
    summary = tuple(_summary_line(metric, grouping, s, [v for _, v in groups[s.key]], bucket) for s in series)
    return Chart(metric, grouping, bucket, bucket_start(first, bucket), bucket_start(last, bucket), tuple(series),
                 summary, axis, ticks, bands)


def _empty_words(data: ProgressData, metric: Metric, grouping: Grouping) -> str:
    if data.store_empty:
        return NO_ANSWERS_YET
    if not (data.answers or data.overall):
        return NONE_IN_DATES if data.since is not None or data.until is not None else NO_ANSWERS_YET
    rated = metric is Metric.LEVEL or metric in SUB_SCORES
    if rated and grouping is Grouping.FORMAT and any(r.level is not None for r in data.answers):
        return NO_OVERALL_YET  # only mock tests' answers have a level, and by format a test's is its overall one
    return _nothing_measured(metric)


def _nothing_measured(metric: Metric) -> str:
    if metric is Metric.LEVEL or metric in SUB_SCORES:
        return ("None of these answers has a level yet: they are waiting for an evaluation, or had too little "
                "speech to assess.")
    return f"None of these answers has {_MEASURED[metric]}."


_MEASURED = {Metric.SPEECH_RATE: "a measured speech rate", Metric.PAUSES: "measured pauses",
             Metric.MEAN_LENGTH_OF_RUN: "a measured mean length of run",
             Metric.B2_SHARE: "a measured share of words at B2 or above"}


def _values(data: ProgressData, metric: Metric, grouping: Grouping,
            tz: tzinfo | None) -> list[tuple[str, bool, date, float]]:
    """(group key, from a test's overall result, local day, value), oldest first (by the moment,
    so that "your first answers" are the first, also within a day)."""
    of_answer = _answer_value(metric)
    rated = metric is Metric.LEVEL or metric in SUB_SCORES
    # By format, a mock test's level and sub-scores are its overall result, not its answers'.
    tests = rated and grouping is Grouping.FORMAT
    found: list[tuple[datetime, tuple[str, bool, date, float]]] = []
    key_of, day_of = _key_of(grouping), _day_of(tz)
    for row in data.answers:
        if tests and row.format is FormatKind.MOCK:
            continue
        value = of_answer(row)
        if value is not None:
            found.append((row.at, (key_of(row), False, day_of(row.at), value)))
    if tests:
        of_test = _overall_value(metric)
        for test in data.overall:
            value = of_test(test)
            if value is not None:
                found.append((test.at, (FormatKind.MOCK.value, True, day_of(test.at), value)))
    found.sort(key=lambda item: item[0])
    return [item for _, item in found]


def _day_of(tz: tzinfo | None) -> Callable[[datetime], date]:
    """The day of a moment in `tz`, or on this computer's clock (None: the same as
    `at.astimezone().date()`, a few times faster, for tens of thousands of answers)."""
    if tz is None:
        return lambda at: date.fromtimestamp(at.timestamp())
    return lambda at: at.astimezone(tz).date()


def _key_of(grouping: Grouping) -> Callable[[AnswerRow], str]:
    if grouping is Grouping.FORMAT:
        return lambda row: row.format.value
    if grouping is Grouping.TASK:
        return lambda row: row.task
    return lambda row: ALL_KEY


def _answer_value(metric: Metric) -> Callable[[AnswerRow], float | None]:
    if metric is Metric.LEVEL:
        return lambda r: float(LEVEL_RANK[r.level]) if r.level is not None else None
    if metric in SUB_SCORES:
        key = metric.value
        return lambda r: _score(r.scores, key)
    if metric is Metric.SPEECH_RATE:
        return lambda r: r.speech_rate_wpm
    if metric is Metric.PAUSES:
        return lambda r: r.pauses_per_min
    if metric is Metric.MEAN_LENGTH_OF_RUN:
        return lambda r: r.mean_length_of_run
    return lambda r: 100 * r.b2_share if r.b2_share is not None else None


def _overall_value(metric: Metric) -> Callable[[OverallRow], float | None]:
    if metric is Metric.LEVEL:
        return lambda r: float(LEVEL_RANK[r.level]) if r.level is not None else None
    key = metric.value
    return lambda r: _score(r.scores, key) if r.level is not None else None


def _score(scores: Mapping[str, float] | None, key: str) -> float | None:
    value = scores.get(key) if scores else None
    return float(value) if value is not None else None


def _ordered(groups: Mapping[str, object], grouping: Grouping) -> list[str]:
    """Formats as the format picker orders them; parts in the test's order, then the practice
    tasks' kinds alphabetically, unknown last."""
    if grouping is Grouping.FORMAT:
        order = [FormatKind.MOCK.value, FormatKind.PART.value, FormatKind.PRACTICE.value]
    elif grouping is Grouping.TASK:
        parts = [p.value for p in PART_ORDER]
        order = parts + sorted(k for k in groups if k and k not in parts)
    else:
        order = [ALL_KEY]
    return [k for k in order if k in groups] + [k for k in groups if k not in order]


def _group_label(key: str, grouping: Grouping, of_tests: bool) -> str:
    if grouping is Grouping.ALL:
        return "All answers"
    if grouping is Grouping.FORMAT:
        return FORMAT_TITLES.get(key, key) + (" (overall results)" if of_tests else "")
    return task_title(key)


def task_title(kind: str) -> str:
    """ "Long turn", "Describe", "Other tasks"."""
    if not kind:
        return "Other tasks"
    if kind in {p.value for p in PartKind}:
        return PART_TITLES[PartKind(kind)]
    return kind.replace("_", " ").capitalize()


# -- time ---------------------------------------------------------------------------------------

def bucket_start(day: date, bucket: Bucket) -> date:
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    if bucket is Bucket.MONTH:
        return day.replace(day=1)
    return day


def bucket_count(first: date, last: date, bucket: Bucket) -> int:
    """How many days, weeks or months from `first` to `last`, both included."""
    if bucket is Bucket.DAY:
        return (last - first).days + 1
    if bucket is Bucket.WEEK:
        return (bucket_start(last, bucket) - bucket_start(first, bucket)).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def choose_bucket(first: date, last: date, max_points: int) -> Bucket:
    """The finest cut of the span that gives at most `max_points` points (months at the coarsest)."""
    for bucket in (Bucket.DAY, Bucket.WEEK):
        if bucket_count(first, last, bucket) <= max_points:
            return bucket
    return Bucket.MONTH


def when_text(start: date, bucket: Bucket) -> str:
    """ "3 Mar 2026", "Week of 3 Mar 2026", "Mar 2026"."""
    day = f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if bucket is Bucket.WEEK:
        return f"Week of {day}"
    if bucket is Bucket.MONTH:
        return f"{MONTHS[start.month - 1]} {start.year}"
    return day


def _units_between(first: date, last: date, bucket: Bucket) -> str:
    n = bucket_count(first, last, bucket) - 1
    return f"{n} {bucket.value}{'s' if n != 1 else ''}"


# -- points and words -----------------------------------------------------------------------

def _points(items: Sequence[tuple[date, float]], metric: Metric, bucket: Bucket, of_tests: bool) -> tuple[Point, ...]:
    by_start: dict[date, list[float]] = {}
    for start, value in items:
        by_start.setdefault(start, []).append(value)
    points = []
    for start in sorted(by_start):
        values = by_start[start]
        mean, low, high = sum(values) / len(values), min(values), max(values)
        points.append(Point(start, mean, low, high, len(values),
                            _point_text(metric, start, bucket, mean, low, high, len(values), of_tests)))
    return tuple(points)


def _point_text(metric: Metric, start: date, bucket: Bucket, mean: float, low: float, high: float, count: int,
                of_tests: bool) -> str:
    noun = _noun(count, of_tests)
    value = value_text(metric, mean, unit=True)
    if count == 1:
        return f"{when_text(start, bucket)}: {value}, from 1 {noun}"
    spread = (f"{level_of(low).value} to {level_of(high).value}" if metric is Metric.LEVEL
              else f"{value_text(metric, low)} to {value_text(metric, high)}")
    return f"{when_text(start, bucket)}: {value}, mean of {count} {noun} ({spread})"


def _noun(count: int, of_tests: bool) -> str:
    return ("test" if of_tests else "answer") + ("s" if count != 1 else "")


def level_of(rank: float) -> Level:
    """The level a mean rank stands for: the nearest, halves up."""
    index = int(rank + 0.5) - 1
    return RANKED_LEVELS[min(max(index, 0), len(RANKED_LEVELS) - 1)]


def value_text(metric: Metric, value: float, *, unit: bool = False) -> str:
    """A value as the chart and the summary say it: "B1 (2.4)" for a mean level, "118 words a
    minute", "12% of known words"."""
    info = METRICS[metric]
    if metric is Metric.LEVEL:
        level = level_of(value)
        return level.value if value == LEVEL_RANK[level] else f"{level.value} ({value:.1f})"
    number = f"{value:.{info.decimals}f}"
    if metric is Metric.B2_SHARE:
        return f"{number}%" + (" of known words" if unit else "")
    return f"{number} {info.unit}" if unit else number


def _summary_line(metric: Metric, grouping: Grouping, series: Series, values: Sequence[float], bucket: Bucket) -> str:
    info = METRICS[metric]
    # "Level (quick practice)", "Level (mock tests, overall results)"
    group = f"{FORMAT_TITLES.get(series.key, series.key)}, overall results" if series.of_tests else series.label
    title = info.label if grouping is Grouping.ALL else f"{info.label} ({group[0].lower()}{group[1:]})"
    if metric is Metric.LEVEL:
        return f"{title}: {_level_words(values, series.of_tests)}"
    first, last = series.points[0], series.points[-1]
    if len(series.points) == 1:
        return (f"{title}: {value_text(metric, first.mean, unit=True)}, from {first.count} "
                f"{_noun(first.count, series.of_tests)}.")
    start, end = value_text(metric, first.mean), value_text(metric, last.mean, unit=True)
    if metric is Metric.B2_SHARE:
        start = start.rstrip("%")  # "8 → 14% of known words"
    return f"{title}: {start} \u2192 {end} over {_units_between(first.start, last.start, bucket)}."


def _level_words(ranks: Sequence[float], of_tests: bool) -> str:
    """ "B1 in your last 10 answers, up from A2 in your first 10." (oldest first in `ranks`)."""
    noun = "test" if of_tests else "answer"
    if len(ranks) == 1:
        return f"{level_of(ranks[0]).value} in your one {noun}."
    n = min(RECENT, len(ranks) // 2)
    recent, early = level_of(_mean(ranks[-n:])), level_of(_mean(ranks[:n]))
    last = f"your last {noun}" if n == 1 else f"your last {n} {noun}s"
    first = "your first" if n == 1 else f"your first {n}"
    if LEVEL_RANK[recent] > LEVEL_RANK[early]:
        change = f"up from {early.value} in {first}"
    elif LEVEL_RANK[recent] < LEVEL_RANK[early]:
        change = f"down from {early.value} in {first}"
    else:
        change = f"as in {first}"
    return f"{recent.value} in {last}, {change}."


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items)


# -- the value axis --------------------------------------------------------------------------

def _scale(metric: Metric, values: Sequence[tuple[str, bool, date, float]]
           ) -> tuple[tuple[Band, ...], tuple[float, float], tuple[float, ...]]:
    scale = METRICS[metric].scale
    if scale is Scale.LEVEL:
        bands = tuple(Band(level.value, rank - 0.5, rank + 0.5) for level, rank in LEVEL_RANK.items())
        return bands, (0.5, 4.5), tuple(float(r) for r in LEVEL_RANK.values())
    if scale is Scale.SCORE:
        edges = (*BAND_BOUNDARIES, SCORE_RANGE[1])
        bands = tuple(Band(level.value, low, high)
                      for level, low, high in zip(BAND_LEVELS[1:], edges, edges[1:], strict=False) if level)
        return bands, SCORE_RANGE, tuple(float(t) for t in range(0, 11, 2))
    top = max((v for _, _, _, v in values), default=0.0)
    step = nice_step(top / 4 if top > 0 else 1.0)
    ticks: list[float] = []
    tick = 0.0
    while tick < top + step * 0.999 or len(ticks) < 2:
        ticks.append(round(tick, 6))
        tick += step
    return (), (0.0, ticks[-1]), tuple(ticks)


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least `rough`."""
    power = 10.0 ** _floor_log10(rough)
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return factor * power
    return 10 * power


def _floor_log10(value: float) -> int:
    exponent = 0
    while value >= 10:
        value /= 10
        exponent += 1
    while value < 1:
        value *= 10
        exponent -= 1
    return exponent
