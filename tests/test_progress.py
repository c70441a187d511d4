"""Progress over time, without Qt: the store read (store/progress_rows.py) on sessions written
through the store's own write paths, as the app writes them, and the charts and their words
(core/progress.py) on rows made here."""

from __future__ import annotations

import time as _time
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bson import ObjectId

from speakcheck_desktop.assess.results import evidence_payload, result_details
from speakcheck_desktop.assess.test_results import conclude, result_of
from speakcheck_desktop.core.evidence_gate import GateVerdict
from speakcheck_desktop.core.fluency import FluencyMeasures
from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.progress import (
    GROUPINGS,
    LEVEL_RANK,
    METRICS,
    NO_ANSWERS_YET,
    NONE_IN_DATES,
    SUB_SCORES,
    AnswerRow,
    Band,
    Bucket,
    Grouping,
    Metric,
    OverallRow,
    ProgressData,
    Scale,
    bucket_count,
    choose_bucket,
    level_of,
    progress_chart,
    value_text,
)
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.results import AnswerState
from speakcheck_desktop.core.review import EXAMINER_CONFIDENCE, ReviewDecision, ReviewRole, examiner_rating
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import FormatKind, mock_plan, part_plan, plan_from_metadata, practice_plan
from speakcheck_desktop.core.vocabulary import VocabularyProfile
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.store import progress_rows as rows_module
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.progress_rows import has_answers, progress_rows, progress_users
from speakcheck_desktop.store.reviews import add_review
from tests.factories import SCORES, complete_session, measured_answer
from tests.fakes import FakeClock

MOCKS = {t.id: t for t in load_mock_tests()}
TASKS = TaskBank.load(resource_path("tasks.json"))
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday
MOCK, PART, PRACTICE = FormatKind.MOCK, FormatKind.PART, FormatKind.PRACTICE


def task(level: str, kind: str):
    return next(t for t in TASKS.for_level(level) if t.kind == kind)


def scores(value: float) -> dict[str, float]:
    return dict.fromkeys(SCORE_KEYS, value)


def old_measures(duration: float, *, words: int, pauses: int) -> FluencyMeasures:
    return FluencyMeasures(total_duration_s=duration, speaking_time_s=duration * 0.8, words=words,
                           speech_rate_wpm=words * 60 / duration, articulation_rate_wpm=words * 75 / duration,
                           pause_count=pauses, mean_pause_s=0.5, longest_pause_s=1.0, pauses_between_sentences=None,
                           pauses_within_sentence=None, mean_length_of_run=7.5, distinct_words=words // 2,
                           word_timings=False)


# -- a store written as the app writes it --------------------------------------------------------

class Scenario:
    """Writes sessions and answers through the store (tests/factories.py `measured_answer`) and
    keeps what progress_rows should give back: each question's latest recording, oldest first."""

    def __init__(self, store: LocalStore, clock: FakeClock):
        self.store, self.clock = store, clock
        self.expected: dict[tuple[str, str], AnswerRow] = {}
        self.owner: dict[str, str | None] = {}  # session id -> user id
        self.overall: list[OverallRow] = []

    def start(self, when: datetime, plan, user=None):
        self.clock.set_wall(when)
        session = self.store.start_session(plan.level, user_id=user.id if user else None, metadata=plan.to_metadata())
        self.owner[str(session.id)] = str(user.id) if user else None
        return session

    def answer(self, session, question: str, fmt: FormatKind, kind: str, *, named: str | None | bool = True,
               level: str | None = None, value: float = 5.0, confidence: float = 0.7, duration: float = 60.0,
               words: int = 100, pauses: int = 6, run: float = 7.5, known: int = 80, b2: float = 0.125,
               vocabulary: bool = True, enough: bool = True, transcribe: bool = True, first=None, second=None):
        """An answer to `question` (the recording names it, or with `named` None none: recovered
        after a crash), as the assessment stores it; `first`/`second`: an examiner's own rating
        (level, score) in that role after the AI's."""
        self.clock.advance(90)
        recording, transcript, evaluation = measured_answer(
            self.store, session, question if named is True else named, duration_s=duration, words=words,
            pauses=pauses, run=run, known=known, b2_share=b2, level=level, scores=scores(value),
            confidence=confidence, enough=enough, transcribe=transcribe, vocabulary=vocabulary)
        shown = (level, value, confidence) if level else None
        for role, rating in ((ReviewRole.FIRST, first), (ReviewRole.SECOND, second)):
            if rating is not None:
                self.clock.advance(30)
                add_review(self.store, transcript.id, examiner_rating(
                    examiner="Ana Examiner" if role is ReviewRole.FIRST else "Li Examiner", role=role,
                    decision=ReviewDecision.OWN, ai=evaluation, level=rating[0], scores=scores(rating[1]),
                    reason="Clearer than the AI found." if role is ReviewRole.FIRST else ""))
                if role is ReviewRole.FIRST:
                    shown = (rating[0], rating[1], EXAMINER_CONFIDENCE)
        measured = transcribe and duration > 0
        row = AnswerRow(
            at=recording.created_at, session_id=str(session.id), format=fmt, task=kind,
            level=Level(shown[0]) if shown else None, scores=scores(shown[1]) if shown else None,
            confidence=shown[2] if shown else None,
            speech_rate_wpm=round(words * 60 / duration, 3) if measured else None,
            pauses_per_min=60 * pauses / duration if measured else None,
            mean_length_of_run=run if transcribe and words else None,
            b2_share=b2 if transcribe and vocabulary and known else None)
        key = (str(session.id), question)
        self.expected.pop(key, None)
        self.expected[key] = row
        return row

    def conclude(self, session, plan):
        self.clock.advance(60)
        self.store.end_session(session.id)
        done = conclude(self.store, session.id, plan)
        assert done is not None and done.overall is not None
        overall = done.overall
        if plan.kind is FormatKind.MOCK:  # a part practised has an overall result too, not charted
            self.overall.append(OverallRow(
                at=session.started_at, session_id=str(session.id), level=overall.level,
                scores=dict(overall.scores) if overall.level else None,
                confidence=overall.confidence if overall.level else None))
        return overall


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Four users over two months: quick practice (recorded again once), two mock tests
    concluded, one under way, a part practised, an examiner's first and second markings, a
    recording recovered after a crash, answers without enough evidence, waiting, or never
    transcribed, one with nothing measurable, and a session from before formats existed."""
    clock = FakeClock(T0)
    store = LocalStore.open(tmp_path_factory.mktemp("progress") / "speakcheck.db", clock=clock)
    w = Scenario(store, clock)
    ana, bo, cy = store.add_user(name="Ana Ruiz"), store.add_user(email="bo@example.org"), store.add_user()
    dee = store.add_user(name="Dee")

    # Ana: quick practice, then again with "Record again" (the second take is the answer).
    plan = practice_plan(task("A2", "describe"))
    s = w.start(T0, plan, ana)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "describe", level="A2", value=3.0, words=90, run=6.0, b2=0.05)
    store.end_session(s.id)
    plan = practice_plan(task("B1", "narrate"))
    s = w.start(T0 + timedelta(days=2), plan, ana)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "narrate", level="B1", value=4.5, words=110)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "narrate", level="B2", value=6.5, words=130, pauses=4, b2=0.2)
    store.end_session(s.id)

    # Ana's mock test: the second question recorded again, the first of the discussion without
    # enough evidence, the long turn rated by a first examiner (B2) and blind second-marked (C1).
    plan = mock_plan(MOCKS["b1-mock-01"])
    s = w.start(T0 + timedelta(days=9), plan, ana)
    discussion = [st for st in plan.steps if st.part is PartKind.DISCUSSION]
    for i, step in enumerate(plan.steps):
        q, part = step.task.id, step.part.value
        if i == 1:
            w.answer(s, q, MOCK, part, level="A2", value=3.5, duration=30.0, words=40)
            w.answer(s, q, MOCK, part, level="B1", value=5.5, duration=32.0, words=60)
        elif step is discussion[0]:
            w.answer(s, q, MOCK, part, enough=False, duration=12.0, words=14, pauses=1, known=10, b2=0.1)
        elif step.part is PartKind.LONG_TURN:
            w.answer(s, q, MOCK, part, level="B1", value=5.0, duration=120.0, words=200, pauses=10, run=9.5,
                     first=("B2", 7.0), second=("C1", 9.0))
        else:
            w.answer(s, q, MOCK, part, level="B1", value=4.0 + 0.5 * (i % 3), duration=30.0 + i, words=50 + 3 * i,
                     pauses=i % 4, run=4.0 + i / 4, known=40 + i, b2=round(0.01 * i, 3))
    w.conclude(s, plan)

    # Bo's mock test: the app crashed during the long turn; the recording recovered names no
    # question, and answers the one under way.
    plan = mock_plan(MOCKS["b2-mock-01"])
    s = w.start(T0 + timedelta(days=30), plan, bo)
    for i, step in enumerate(plan.steps):
        q, part = step.task.id, step.part.value
        w.answer(s, q, MOCK, part, named=None if step.part is PartKind.LONG_TURN else True, level="B2",
                 value=6.0 + 0.5 * (i % 2), duration=40.0 + i, words=80 + i, pauses=2 + i % 3, b2=0.25)
    w.conclude(s, plan)
    # ... then the long turn of another test, as practice.
    plan = part_plan(MOCKS["b2-mock-02"], PartKind.LONG_TURN)
    s = w.start(T0 + timedelta(days=31), plan, bo)
    w.answer(s, plan.steps[0].task.id, PART, "long_turn", level="B2", value=7.0, duration=110.0, words=220)
    w.conclude(s, plan)

    # Bo's answers from before the measures went into the `transcribe` event: they are read from
    # the `evaluate` event, or from the evidence gate's `insufficient_evidence` one.
    for day, level in ((32, "B2"), (33, None)):
        plan = practice_plan(task("B2", "describe"))
        s = w.start(T0 + timedelta(days=day), plan, bo)
        clock.advance(90)
        recording = store.add_recording(s.id, str(store.recordings_dir / f"old-{day}.wav"), duration_s=50.0,
                                        question_id=plan.steps[0].task.id)
        transcript = store.add_transcript(recording.id, "Some words.", "en", "openai", "whisper-1")
        measures, profile = old_measures(50.0, words=75, pauses=5), VocabularyProfile(words=75, known=70,
                                                                                    b2_and_above=0.3)
        clock.advance(10)
        if level:
            store.add_evaluation(transcript.id, level, 0.66, scores(6.0), "Good.", [],
                                 provenance=result_details(measures, (), None, profile))
        else:
            store.record_insufficient_evidence(transcript.id, evidence_payload(
                GateVerdict(enough=False, reasons=["Too short."], advice=["Say more."]), measures, (), profile))
        store.end_session(s.id)
        w.owner[str(s.id)] = str(bo.id)
        w.expected[(str(s.id), "")] = AnswerRow(
            at=recording.created_at, session_id=str(s.id), format=PRACTICE, task="describe",
            level=Level(level) if level else None, scores=scores(6.0) if level else None,
            confidence=0.66 if level else None, speech_rate_wpm=90.0, pauses_per_min=6.0, mean_length_of_run=7.5,
            b2_share=0.3)

    # Cy: an answer with nothing to measure (no speech), one measured without a word list, a mock
    # test under way (its first question recorded again and not transcribed yet, its second
    # waiting for an evaluation), and a session from before formats and measures were stored.
    plan = practice_plan(task("C1", "compare"))
    s = w.start(T0 + timedelta(days=60), plan, cy)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "compare", enough=False, duration=0.0, words=0, pauses=0, known=0)
    store.end_session(s.id)
    plan = practice_plan(task("C1", "argue"))
    s = w.start(T0 + timedelta(days=60, hours=2), plan, cy)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "argue", level="C1", value=8.5, vocabulary=False)
    store.end_session(s.id)
    plan = mock_plan(MOCKS["c1-mock-01"])
    s = w.start(T0 + timedelta(days=61), plan, cy)
    first, second = plan.steps[0].task.id, plan.steps[1].task.id
    w.answer(s, first, MOCK, "interview", level="C1", value=8.0)
    w.answer(s, first, MOCK, "interview", transcribe=False)
    w.answer(s, second, MOCK, "interview", words=150)  # transcribed and measured: waiting for its level
    clock.set_wall(T0 + timedelta(days=62))
    legacy, recording, _, _ = complete_session(store, "B1", user_id=cy.id)
    w.owner[str(legacy.id)] = str(cy.id)
    w.expected[(str(legacy.id), "")] = AnswerRow(
        at=recording.created_at, session_id=str(legacy.id), format=PRACTICE, task="", level=Level.B1,
        scores=dict(SCORES), confidence=0.72)

    # Nobody's (a device without a user), and Dee's, whose only answer was never transcribed.
    plan = practice_plan(task("B2", "opinion"))
    s = w.start(T0 + timedelta(days=63), plan)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "opinion", level="B2", value=6.0, duration=75.0, words=140)
    store.end_session(s.id)
    plan = practice_plan(task("A2", "narrate"))
    s = w.start(T0 + timedelta(days=64), plan, dee)
    w.answer(s, plan.steps[0].task.id, PRACTICE, "narrate", transcribe=False)

    w.users = {"ana": ana, "bo": bo, "cy": cy, "dee": dee}
    yield w
    store.close()


def test_progress_rows_are_each_questions_latest_answer_with_the_result_shown_and_its_measures(world):
    answers, overall = progress_rows(world.store)
    expected = list(world.expected.values())
    assert [(a.session_id, a.at) for a in answers] == [(e.session_id, e.at) for e in expected]
    for got, want in zip(answers, expected, strict=True):
        assert got == want, f"{got}\n!=\n{want}"
    assert overall == world.overall
    # A few of them spelled out.
    ana_mock = [a for a in answers if a.session_id == world.overall[0].session_id]
    assert len(ana_mock) == 10  # ten questions, the second recorded twice
    assert [a.task for a in ana_mock] == ["interview"] * 5 + ["long_turn"] + ["discussion"] * 4
    long_turn = ana_mock[5]
    assert long_turn.level is Level.B2 and long_turn.scores == scores(7.0)  # the first examiner's, not C1
    assert long_turn.confidence == EXAMINER_CONFIDENCE
    assert (long_turn.speech_rate_wpm, long_turn.pauses_per_min, long_turn.mean_length_of_run,
            long_turn.b2_share) == (100.0, 5.0, 9.5, 0.125)
    assert ana_mock[1].level is Level.B1 and ana_mock[1].scores == scores(5.5)  # the take recorded again
    no_evidence = ana_mock[6]
    assert no_evidence.level is None and no_evidence.scores is None and no_evidence.confidence is None
    assert no_evidence.speech_rate_wpm == 70.0 and no_evidence.pauses_per_min == 5.0  # measured all the same
    bo_mock = [a for a in answers if a.session_id == world.overall[1].session_id]
    assert [a.task for a in bo_mock] == ["interview"] * 5 + ["long_turn"] + ["discussion"] * 4  # the recovered one
    [practice_again] = [a for a in answers if a.task == "narrate" and a.level is not None]
    assert practice_again.level is Level.B2 and practice_again.pauses_per_min == 4.0  # one answer: the second take
    nothing = next(a for a in answers if a.task == "compare")
    assert nothing == AnswerRow(nothing.at, nothing.session_id, PRACTICE, "compare")  # no speech: nothing measured
    no_list = next(a for a in answers if a.task == "argue")
    assert no_list.b2_share is None and no_list.speech_rate_wpm == 100.0 and no_list.level is Level.C1
    assert world.overall[0].level is not None and world.overall[0].scores is not None


def test_progress_rows_match_the_results_the_app_shows_for_each_test(world):
    """Which recording answers which question, and its result, are those of the test's result
    (assess/test_results.py), for every session."""
    answers, _ = progress_rows(world.store)
    by_session: dict[str, list[AnswerRow]] = {}
    for a in answers:
        by_session.setdefault(a.session_id, []).append(a)
    for session_id, rows in by_session.items():
        detail = world.store.get_session_detail(ObjectId(session_id))
        plan = plan_from_metadata(detail.session.metadata, detail.session.level, TASKS.get)
        result = result_of(detail, plan)
        given = [q for q in result.questions if q.answer.state is not AnswerState.NOTHING_RECORDED]
        recordings = {r.id: r for r in detail.recordings}
        assert sorted(a.at for a in rows) == sorted(recordings[q.answer.recording_id].created_at for q in given)
        for q in given:
            row = next(a for a in rows if a.at == recordings[q.answer.recording_id].created_at)
            evaluation = q.answer.evaluation
            assert row.level == (evaluation.overall_level if evaluation else None)
            assert row.scores == (dict(evaluation.scores) if evaluation else None)
            fluency = q.answer.fluency or {}  # a rate needs some recording: none of a silent one
            assert row.speech_rate_wpm == (fluency["speech_rate_wpm"] if fluency.get("total_duration_s") else None)
            if q.step.part is not None:
                assert row.task == q.step.part.value


def test_progress_rows_keep_to_the_dates_and_the_user(world):
    everything = list(world.expected.values())
    moments = sorted(a.at for a in everything)
    windows = [(T0 + timedelta(days=8), datetime(2026, 2, 5, tzinfo=UTC)), (None, T0 + timedelta(days=9)),
               (T0 + timedelta(days=31), None), (moments[3], moments[7]), (moments[0], moments[0]),
               (datetime(2027, 1, 1, tzinfo=UTC), None)]
    for since, before in windows:
        answers, overall = progress_rows(world.store, since=since, before=before)
        assert answers == [a for a in everything if (since is None or a.at >= since)
                           and (before is None or a.at < before)], (since, before)
        assert overall == [o for o in world.overall if (since is None or o.at >= since)
                           and (before is None or o.at < before)]
    window, tests = progress_rows(world.store, since=T0 + timedelta(days=8), before=datetime(2026, 2, 5, tzinfo=UTC))
    assert {a.session_id for a in window} == {o.session_id for o in tests} == {o.session_id for o in world.overall[:2]}
    # A question's answer is its latest recording: recorded again after `before`, it has none before.
    ana_again = [a for a in everything if a.task == "narrate" and a.level is Level.B2][0]
    assert ana_again not in progress_rows(world.store, before=ana_again.at)[0]
    assert not [a for a in progress_rows(world.store, before=ana_again.at)[0] if a.session_id == ana_again.session_id]

    for name, user in world.users.items():
        mine = [a for a in everything if world.owner[a.session_id] == str(user.id)]
        assert progress_rows(world.store, user_id=user.id)[0] == mine, name
        assert progress_rows(world.store, user_id=str(user.id))[0] == mine
        assert progress_rows(world.store, user_id=user.id)[1] == [
            o for o in world.overall if world.owner[o.session_id] == str(user.id)]
    assert progress_rows(world.store, user_id=ObjectId()) == ([], [])
    [dee_answer] = progress_rows(world.store, user_id=world.users["dee"].id)[0]  # never transcribed: waiting
    assert dee_answer == AnswerRow(dee_answer.at, dee_answer.session_id, PRACTICE, "narrate")
    assert progress_rows(world.store, user_id=world.users["cy"].id, since=T0 + timedelta(days=61))[0] == [
        a for a in everything if world.owner[a.session_id] == str(world.users["cy"].id)
        and a.at >= T0 + timedelta(days=61)]


def test_progress_users_and_has_answers(world, tmp_path):
    users = progress_users(world.store)
    cy = world.users["cy"]
    assert [(u.id, u.label, u.sessions) for u in users] == [  # the most sessions first, then by id
        (str(world.users["bo"].id), "bo@example.org", 4), (str(cy.id), f"User \u2026{str(cy.id)[-6:]}", 4),
        (str(world.users["ana"].id), "Ana Ruiz", 3), (str(world.users["dee"].id), "Dee", 1)]
    assert has_answers(world.store) and has_answers(world.store, world.users["ana"].id)
    assert has_answers(world.store, str(world.users["bo"].id))
    assert not has_answers(world.store, world.users["dee"].id)  # a recording, but no transcript yet
    assert not has_answers(world.store, ObjectId())
    with LocalStore.open(tmp_path / "empty.db", clock=FakeClock(T0)) as empty:
        assert not has_answers(empty) and progress_users(empty) == [] and progress_rows(empty) == ([], [])


def test_progress_rows_read_every_big_table_by_an_index(world):
    """No step walks recordings, transcripts, evaluations or events whole per session or per
    answer: each is reached by an index (the sessions, once, and the rows already picked are
    walked)."""
    for args in ({"user": None, "since": None, "before": None},
                 {"user": str(world.users["ana"].id), "since": 0, "before": 2**62}):
        for sql in (rows_module._ANSWERS, rows_module._QUESTIONS, rows_module._OVERALL):
            plan = [detail for _, _, _, detail in world.store.conn.execute("EXPLAIN QUERY PLAN " + sql, args)]
            scans = [d for d in plan if d.startswith("SCAN ")]
            assert all(d.split()[1] in {"s", "sessions", "picked", "q", "a"} for d in scans), plan
            for alias in ("r", "t", "e", "v"):
                assert all("USING" in d for d in plan if d.split()[1:2] == [alias]), plan


# -- the charts, on rows made here -----------------------------------------------------------

def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), UTC)


def row(day: date, *, fmt: FormatKind = PRACTICE, kind: str = "describe", level: str | None = None,
        value: float | None = None, rate: float | None = None, pauses: float | None = None, run: float | None = None,
        b2: float | None = None, hour: int = 9, minute: int = 0, when: datetime | None = None) -> AnswerRow:
    return AnswerRow(at=when or at(day, hour, minute), session_id=str(ObjectId()), format=fmt, task=kind,
                     level=Level(level) if level else None,
                     scores=scores(value if value is not None else 5.0) if level else None,
                     confidence=0.7 if level else None, speech_rate_wpm=rate, pauses_per_min=pauses,
                     mean_length_of_run=run, b2_share=b2)


def overall_of(day: date, level: str | None, value: float = 5.0) -> OverallRow:
    return OverallRow(at=at(day, 8), session_id=str(ObjectId()), level=Level(level) if level else None,
                      scores=scores(value) if level else None, confidence=0.6 if level else None)


def data(*answers: AnswerRow, overall: tuple[OverallRow, ...] = (), **kw) -> ProgressData:
    return ProgressData(answers=tuple(answers), overall=overall, **kw)


def chart(d: ProgressData, metric: Metric = Metric.SPEECH_RATE, grouping: Grouping = Grouping.ALL, **kw):
    return progress_chart(d, metric, grouping, tz=UTC, **kw)


MAR = [date(2026, 3, d) for d in range(1, 32)]  # MAR[0] is Sunday 1 March


def test_progress_chart_cuts_time_into_days_weeks_or_months_by_the_room_it_has():
    d = data(row(MAR[1], rate=100), row(MAR[3], rate=110), row(MAR[7], rate=120), row(MAR[8], rate=130))
    by_day = chart(d)  # 8 days fit in 120 points
    assert by_day.bucket is Bucket.DAY and (by_day.first, by_day.last) == (MAR[1], MAR[8])
    assert [p.start for p in by_day.series[0].points] == [MAR[1], MAR[3], MAR[7], MAR[8]]
    by_week = chart(d, max_points=7)  # 8 days do not fit in 7; 2 weeks do, Monday first
    assert by_week.bucket is Bucket.WEEK and (by_week.first, by_week.last) == (MAR[1], MAR[8])
    assert [(p.start, p.count, p.mean) for p in by_week.series[0].points] == [(MAR[1], 3, 110.0), (MAR[8], 1, 130.0)]
    by_month = chart(d, max_points=1)
    assert by_month.bucket is Bucket.MONTH and (by_month.first, by_month.last) == (MAR[0], MAR[0])
    assert [(p.start, p.count, p.mean) for p in by_month.series[0].points] == [(MAR[0], 4, 115.0)]

    two_years = data(row(date(2025, 1, 1), rate=90), row(date(2026, 12, 31), rate=120))
    assert chart(two_years).bucket is Bucket.WEEK  # 730 days, 105 weeks
    assert chart(data(row(date(2024, 1, 1), rate=90), row(date(2026, 12, 31), rate=120))).bucket is Bucket.MONTH
    assert bucket_count(date(2025, 1, 1), date(2026, 12, 31), Bucket.WEEK) == 105
    assert bucket_count(date(2024, 1, 31), date(2026, 12, 1), Bucket.MONTH) == 36
    assert choose_bucket(MAR[0], MAR[30], 31) is Bucket.DAY and choose_bucket(MAR[0], MAR[30], 30) is Bucket.WEEK
    assert choose_bucket(MAR[0], MAR[30], 5) is Bucket.MONTH  # 1 March (a Sunday) to 31 March: 6 weeks
    assert choose_bucket(MAR[0], MAR[30], 6) is Bucket.WEEK


def test_progress_chart_weeks_start_on_monday_in_the_time_zone_asked_for():
    late_sunday = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # Monday 01:30 at UTC+2, Sunday 18:30 at UTC-5
    d = data(row(MAR[0], rate=100, when=late_sunday), row(MAR[1], rate=110, hour=0, minute=30),
             row(MAR[7], rate=120, hour=12))
    utc = progress_chart(d, Metric.SPEECH_RATE, Grouping.ALL, max_points=3, tz=UTC)
    assert utc.bucket is Bucket.WEEK  # 1 to 8 March: 8 days
    assert [(p.start, p.count) for p in utc.series[0].points] == [(date(2026, 2, 23), 1), (MAR[1], 2)]
    east = progress_chart(d, Metric.SPEECH_RATE, Grouping.ALL, max_points=3, tz=timezone(timedelta(hours=2)))
    assert east.bucket is Bucket.WEEK and [(p.start, p.count) for p in east.series[0].points] == [(MAR[1], 3)]
    assert east.series[0].points[0].text == "Week of 2 Mar 2026: 110 words a minute, mean of 3 answers (100 to 120)"
    west = timezone(timedelta(hours=-5))
    by_day = progress_chart(d, Metric.SPEECH_RATE, Grouping.ALL, tz=west)
    assert [(p.start, p.count) for p in by_day.series[0].points] == [(MAR[0], 2), (MAR[7], 1)]
    assert [(p.start, p.count) for p in chart(d).series[0].points] == [(MAR[0], 1), (MAR[1], 1), (MAR[7], 1)]


def test_progress_chart_days_are_this_computers_without_a_time_zone(monkeypatch):
    """`tz` None: the days of this computer's clock (here, India's: UTC+5:30, and New York's, with
    its change to summer time on 8 March 2026)."""
    if not hasattr(_time, "tzset") or not Path("/usr/share/zoneinfo/Asia/Kolkata").exists():
        pytest.skip("needs the system's time zone database")
    moments = [datetime(2026, 3, 1, 18, 45, tzinfo=UTC), datetime(2026, 3, 8, 4, 30, tzinfo=UTC),
               datetime(2026, 3, 8, 6, 30, tzinfo=UTC), datetime(2026, 3, 9, 3, 59, tzinfo=UTC)]
    d = data(*(row(MAR[0], rate=100 + i, when=m) for i, m in enumerate(moments)))
    try:
        for zone, days in (("Asia/Kolkata", [MAR[1], MAR[7], MAR[7], MAR[8]]),
                           ("America/New_York", [MAR[0], MAR[6], MAR[7], MAR[7]])):
            monkeypatch.setenv("TZ", zone)
            _time.tzset()
            here = progress_chart(d, Metric.SPEECH_RATE, Grouping.ALL)
            there = progress_chart(d, Metric.SPEECH_RATE, Grouping.ALL, tz=ZoneInfo(zone))
            assert here == there
            assert [p.start for p in here.series[0].points] == sorted(set(days)), zone
    finally:
        monkeypatch.undo()
        _time.tzset()


def test_progress_chart_points_hold_the_mean_the_lowest_the_highest_and_how_many():
    d = data(row(MAR[1], level="A2", rate=100), row(MAR[1], level="B1", rate=120, hour=10),
             row(MAR[1], level="B2", rate=110, hour=11), row(MAR[2], level="B1", rate=96), row(MAR[3], level="A2"),
             row(MAR[3], level="B1", hour=10), row(MAR[3], level="B1", hour=11))
    [series] = chart(d).series
    first = series.points[0]
    assert (first.start, first.mean, first.low, first.high, first.count) == (MAR[1], 110.0, 100.0, 120.0, 3)
    assert first.text == "2 Mar 2026: 110 words a minute, mean of 3 answers (100 to 120)"
    assert series.points[1].text == "3 Mar 2026: 96 words a minute, from 1 answer"
    levels = chart(d, Metric.LEVEL).series[0].points
    assert [(p.mean, p.low, p.high, p.count) for p in levels] == [(2.0, 1.0, 3.0, 3), (2.0, 2.0, 2.0, 1),
                                                                   (5 / 3, 1.0, 2.0, 3)]
    assert [p.text for p in levels] == ["2 Mar 2026: B1, mean of 3 answers (A2 to B2)", "3 Mar 2026: B1, from 1 answer",
                                        "4 Mar 2026: B1 (1.7), mean of 3 answers (A2 to B1)"]
    tests = chart(data(overall=(overall_of(MAR[1], "B1"), overall_of(MAR[1], "B2"))), Metric.LEVEL, Grouping.FORMAT)
    assert tests.series[0].points[0].text == "2 Mar 2026: B2 (2.5), mean of 2 tests (B1 to B2)"
    one_test = chart(data(overall=(overall_of(MAR[1], "B1", 5.0),)), Metric.FLUENCY, Grouping.FORMAT)
    assert one_test.series[0].points[0].text == "2 Mar 2026: 5.0 of 10, from 1 test"
    # The span is that of the metric's values: 2 to 4 March for the level, 3 days in 2 points.
    assert chart(d, Metric.LEVEL, max_points=2).series[0].points[0].text == (
        "Week of 2 Mar 2026: B1 (1.9), mean of 7 answers (A2 to B2)")


def test_progress_chart_groups_all_answers_by_format_or_by_task_kind():
    d = data(row(MAR[1], fmt=MOCK, kind="interview", level="A2", rate=80),
             row(MAR[1], fmt=MOCK, kind="long_turn", level="B1", rate=90, hour=10),
             row(MAR[2], fmt=PART, kind="discussion", level="B1", rate=100),
             row(MAR[3], kind="narrate", level="B2", rate=110), row(MAR[4], kind="describe", level="B2", rate=120),
             row(MAR[5], kind="", level="C1", rate=130),
             overall=(overall_of(MAR[1], "B2", 6.5), overall_of(MAR[6], None)))
    everything = chart(d, Metric.LEVEL)
    assert [(s.key, s.label, s.of_tests) for s in everything.series] == [("all", "All answers", False)]
    assert everything.series[0].points[0].mean == 1.5  # mock tests' answers count among all answers
    by_format = chart(d, Metric.LEVEL, Grouping.FORMAT)
    assert [(s.key, s.label, s.of_tests) for s in by_format.series] == [
        ("mock", "Mock tests (overall results)", True), ("part", "Part practice", False),
        ("practice", "Quick practice", False)]
    assert [(p.start, p.mean, p.count) for p in by_format.series[0].points] == [(MAR[1], 3.0, 1)]  # no level: none
    assert [p.mean for p in by_format.series[2].points] == [3.0, 3.0, 4.0]
    assert [p.mean for p in chart(d, Metric.FLUENCY, Grouping.FORMAT).series[0].points] == [6.5]
    rate_by_format = chart(d, Metric.SPEECH_RATE, Grouping.FORMAT)  # measures are the answers', also in mocks
    assert [(s.key, s.label, s.of_tests) for s in rate_by_format.series] == [
        ("mock", "Mock tests", False), ("part", "Part practice", False), ("practice", "Quick practice", False)]
    assert [(p.mean, p.count) for p in rate_by_format.series[0].points] == [(85.0, 2)]
    by_task = chart(d, Metric.SPEECH_RATE, Grouping.TASK)
    assert [(s.key, s.label) for s in by_task.series] == [
        ("interview", "Interview"), ("long_turn", "Long turn"), ("discussion", "Discussion"),
        ("describe", "Describe"), ("narrate", "Narrate"), ("", "Other tasks")]
    assert [s.points[0].mean for s in by_task.series] == [80.0, 90.0, 100.0, 120.0, 110.0, 130.0]
    assert [(s.key, s.of_tests) for s in chart(d, Metric.LEVEL, Grouping.TASK).series][:2] == [
        ("interview", False), ("long_turn", False)]
    assert GROUPINGS == {Grouping.ALL: "All answers", Grouping.FORMAT: "By format", Grouping.TASK: "By task kind"}


def test_progress_levels_are_ranked_and_a_mean_is_read_as_the_nearest_level_halves_up():
    assert LEVEL_RANK == {Level.A2: 1, Level.B1: 2, Level.B2: 3, Level.C1: 4}
    assert [level_of(r) for r in (1.0, 1.49, 1.5, 2.0, 2.5, 3.49, 3.5, 4.0)] == [
        Level.A2, Level.A2, Level.B1, Level.B1, Level.B2, Level.B2, Level.C1, Level.C1]
    assert level_of(0.2) is Level.A2 and level_of(7.0) is Level.C1  # never off the scale
    assert [value_text(Metric.LEVEL, v) for v in (1.0, 2.0, 2.4, 2.5, 4.0)] == [
        "A2", "B1", "B1 (2.4)", "B2 (2.5)", "C1"]
    assert value_text(Metric.LEVEL, 3.0, unit=True) == "B2"
    assert value_text(Metric.SPEECH_RATE, 117.6) == "118" and value_text(Metric.SPEECH_RATE, 117.6, unit=True) == \
        "118 words a minute"
    assert value_text(Metric.PAUSES, 4.44, unit=True) == "4.4 a minute"
    assert value_text(Metric.MEAN_LENGTH_OF_RUN, 7.0, unit=True) == "7.0 words between pauses"
    assert value_text(Metric.B2_SHARE, 12.4) == "12%" and value_text(Metric.B2_SHARE, 12.4, unit=True) == \
        "12% of known words"
    assert value_text(Metric.GRAMMAR, 6.5, unit=True) == "6.5 of 10"
    assert [METRICS[m].label for m in SUB_SCORES] == [
        "Fluency score", "Accuracy score", "Grammar score", "Vocabulary score", "Coherence score"]
    assert chart(data(row(MAR[1], rate=100))).value_text(100.4) == "100"


def test_progress_summary_says_each_series_in_one_line():
    def summary(*answers, metric=Metric.LEVEL, grouping=Grouping.ALL, overall=(), **kw):
        return chart(data(*answers, overall=overall), metric, grouping, **kw).summary

    days = [MAR[0] + timedelta(days=i) for i in range(24)]
    rising = [row(d, level="A2" if i < 12 else "B1") for i, d in enumerate(days)]
    assert summary(*rising) == ("Level: B1 in your last 10 answers, up from A2 in your first 10.",)
    # Within a day the first answers are the earliest, whatever order the rows come in.
    same_day = [row(MAR[1], level="B1", hour=15), row(MAR[1], level="B2", hour=9)]
    assert summary(*same_day) == ("Level: B1 in your last answer, down from B2 in your first.",)
    assert summary(*[row(d, level="B1") for d in days[:6]]) == (
        "Level: B1 in your last 3 answers, as in your first 3.",)
    assert summary(row(MAR[1], level="B2")) == ("Level: B2 in your one answer.",)
    tests = (overall_of(MAR[1], "A2"), overall_of(MAR[8], "A2"), overall_of(MAR[15], "B1"), overall_of(MAR[22], "B1"))
    assert summary(row(MAR[2], kind="narrate", level="B2"), grouping=Grouping.FORMAT, overall=tests) == (
        "Level (mock tests, overall results): B1 in your last 2 tests, up from A2 in your first 2.",
        "Level (quick practice): B2 in your one answer.")
    assert summary(overall=tests[:1], grouping=Grouping.FORMAT) == (
        "Level (mock tests, overall results): A2 in your one test.",)
    assert summary(row(MAR[1], fmt=MOCK, kind="long_turn", level="B1"),
                   row(MAR[2], fmt=MOCK, kind="long_turn", level="B2"), grouping=Grouping.TASK) == (
        "Level (long turn): B2 in your last answer, up from B1 in your first.",)

    weeks = [row(date(2026, 1, 5), rate=90), row(date(2026, 1, 7), rate=102), row(date(2026, 2, 18), rate=105),
             row(date(2026, 3, 30), rate=118)]
    assert summary(*weeks, metric=Metric.SPEECH_RATE, max_points=20) == (
        "Speech rate: 96 \u2192 118 words a minute over 12 weeks.",)
    assert summary(*weeks, metric=Metric.SPEECH_RATE) == ("Speech rate: 90 \u2192 118 words a minute over 84 days.",)
    assert summary(row(MAR[1], rate=90), row(MAR[1], rate=100), row(MAR[1], rate=110),
                   metric=Metric.SPEECH_RATE) == ("Speech rate: 100 words a minute, from 3 answers.",)
    assert summary(row(date(2026, 1, 10), b2=0.08), row(date(2026, 3, 10), b2=0.14), metric=Metric.B2_SHARE,
                   max_points=3) == ("Words at B2 or above: 8 \u2192 14% of known words over 2 months.",)
    assert summary(row(MAR[1], kind="long_turn", pauses=6.0), row(MAR[4], kind="long_turn", pauses=4.5),
                   metric=Metric.PAUSES, grouping=Grouping.TASK) == (
        "Pauses (long turn): 6.0 \u2192 4.5 a minute over 3 days.",)
    assert summary(row(MAR[1], level="B1", value=5.0), row(MAR[8], level="B2", value=6.5), metric=Metric.FLUENCY,
                   max_points=5) == ("Fluency score: 5.0 \u2192 6.5 of 10 over 1 week.",)
    assert summary(row(MAR[1], run=5.5), row(MAR[2], run=7.0), metric=Metric.MEAN_LENGTH_OF_RUN) == (
        "Mean length of run: 5.5 \u2192 7.0 words between pauses over 1 day.",)
    assert summary(row(MAR[1], fmt=PART, kind="discussion", rate=100), row(MAR[2], rate=120),
                   metric=Metric.SPEECH_RATE, grouping=Grouping.FORMAT) == (
        "Speech rate (part practice): 100 words a minute, from 1 answer.",
        "Speech rate (quick practice): 120 words a minute, from 1 answer.")


def test_progress_chart_says_why_it_is_empty():
    def empty(d, metric=Metric.LEVEL, grouping=Grouping.ALL):
        c = chart(d, metric, grouping)
        assert c.series == () and c.point_count == 0 and c.summary == (c.empty,)
        assert c.bucket is Bucket.DAY and c.first == c.last == date(1970, 1, 1)
        return c.empty

    assert empty(data(store_empty=True)) == NO_ANSWERS_YET
    assert empty(data(store_empty=True, since=MAR[0])) == NO_ANSWERS_YET  # nothing anywhere: not the dates' fault
    assert empty(data()) == NO_ANSWERS_YET
    assert empty(data(since=MAR[0], until=MAR[30])) == NONE_IN_DATES == empty(data(until=MAR[30]))
    assert NO_ANSWERS_YET == "No assessed answers yet: take a test and your progress shows here."
    assert NONE_IN_DATES == "No answers between these dates: choose other dates, or All time."
    waiting = data(row(MAR[1]), row(MAR[2], rate=100))
    level_words = ("None of these answers has a level yet: they are waiting for an evaluation, or had too little "
                   "speech to assess.")
    assert empty(waiting) == empty(waiting, Metric.GRAMMAR) == level_words
    assert empty(waiting, Metric.LEVEL, Grouping.TASK) == empty(waiting, Metric.LEVEL, Grouping.FORMAT) == level_words
    unmeasured = data(row(MAR[1], level="B1"))
    assert [empty(unmeasured, m) for m in (Metric.SPEECH_RATE, Metric.PAUSES, Metric.MEAN_LENGTH_OF_RUN,
                                           Metric.B2_SHARE)] == [
        "None of these answers has a measured speech rate.", "None of these answers has measured pauses.",
        "None of these answers has a measured mean length of run.",
        "None of these answers has a measured share of words at B2 or above."]
    mock_only = data(row(MAR[1], fmt=MOCK, kind="interview", level="B1"), overall=(overall_of(MAR[1], None),))
    assert empty(mock_only, Metric.LEVEL, Grouping.FORMAT) == (
        "None of these mock tests has an overall level yet: a test gets one once it is finished and enough of its "
        "answers are assessed.")
    assert chart(mock_only, Metric.LEVEL).empty is None  # all answers: the answers' own levels


def test_progress_chart_axes_and_bands():
    level = chart(data(row(MAR[1], level="B1")), Metric.LEVEL)
    assert level.axis == (0.5, 4.5) and level.ticks == (1.0, 2.0, 3.0, 4.0)
    assert level.bands == (Band("A2", 0.5, 1.5), Band("B1", 1.5, 2.5), Band("B2", 2.5, 3.5), Band("C1", 3.5, 4.5))
    for metric in SUB_SCORES:
        score = chart(data(row(MAR[1], level="B1")), metric)
        assert METRICS[metric].scale is Scale.SCORE
        assert score.axis == (0.0, 10.0) and score.ticks == (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)
        assert score.bands == (Band("A2", 2.0, 4.0), Band("B1", 4.0, 6.0), Band("B2", 6.0, 8.0), Band("C1", 8.0, 10.0))

    def amount(metric, *values, **field):
        c = chart(data(*(row(MAR[i], **{field["field"]: v}) for i, v in enumerate(values))), metric)
        assert c.bands == ()
        return c.axis, c.ticks

    assert amount(Metric.SPEECH_RATE, 96, 118, field="rate") == ((0.0, 150.0), (0.0, 50.0, 100.0, 150.0))
    assert amount(Metric.SPEECH_RATE, 100, field="rate") == ((0.0, 100.0), (0.0, 50.0, 100.0))
    assert amount(Metric.B2_SHARE, 0.08, 0.14, field="b2") == ((0.0, 15.0), (0.0, 5.0, 10.0, 15.0))
    assert amount(Metric.PAUSES, 4.5, field="pauses") == ((0.0, 6.0), (0.0, 2.0, 4.0, 6.0))
    assert amount(Metric.MEAN_LENGTH_OF_RUN, 0.3, field="run") == ((0.0, 0.3), (0.0, 0.1, 0.2, 0.3))
    assert amount(Metric.PAUSES, 0.0, field="pauses") == ((0.0, 1.0), (0.0, 1.0))  # all zero: still an axis
    nothing = chart(data(), Metric.SPEECH_RATE)
    assert (nothing.axis, nothing.ticks, nothing.bands) == ((0.0, 1.0), (0.0, 1.0), ())
    assert chart(data(), Metric.LEVEL).bands == level.bands  # an empty chart keeps its scale


def test_progress_chart_spans_the_dates_asked_for():
    d = data(row(MAR[10], rate=100), row(MAR[12], rate=110), since=MAR[0], until=MAR[30])
    c = chart(d)
    assert (c.bucket, c.first, c.last) == (Bucket.DAY, MAR[0], MAR[30])
    assert chart(d, max_points=10).first == date(2026, 2, 23)  # weeks: the Monday of the first one
    open_ended = data(row(MAR[10], rate=100), row(MAR[12], rate=110), since=MAR[0])
    assert (chart(open_ended).first, chart(open_ended).last) == (MAR[10], MAR[12])  # one side only: the data's
    # A day of the data outside the dates (another time zone's day, say) is still on the chart.
    early = data(row(MAR[0], rate=100, hour=1), since=MAR[0], until=MAR[30])
    west = progress_chart(early, Metric.SPEECH_RATE, Grouping.ALL, tz=timezone(timedelta(hours=-5)))
    assert west.first == date(2026, 2, 28) and west.series[0].points[0].start == date(2026, 2, 28)


def test_progress_chart_of_the_store(world):
    """The store's rows charted: by format, a mock test's level is its overall result."""
    answers, overall = progress_rows(world.store)
    d = ProgressData(answers=tuple(answers), overall=tuple(overall))
    by_format = progress_chart(d, Metric.LEVEL, Grouping.FORMAT, tz=UTC)
    mock = by_format.series[0]
    assert len(world.overall) == 2 and all(o.level for o in world.overall)
    assert mock.of_tests and [p.mean for p in mock.points] == [float(LEVEL_RANK[o.level]) for o in world.overall]
    assert [s.key for s in by_format.series] == ["mock", "part", "practice"]
    assert sum(p.count for s in progress_chart(d, Metric.LEVEL, Grouping.ALL, tz=UTC).series for p in s.points) == \
        sum(1 for a in answers if a.level is not None)
    rates = progress_chart(d, Metric.SPEECH_RATE, Grouping.TASK, tz=UTC)
    assert [s.key for s in rates.series] == ["interview", "long_turn", "discussion", "argue", "describe", "narrate",
                                             "opinion"]  # the legacy answer and the silent one measured nothing
    assert sum(p.count for s in rates.series for p in s.points) == sum(1 for a in answers if a.speech_rate_wpm)
    assert rates.bucket is Bucket.DAY and rates.first == T0.date()
