"""The progress view's rows, read from the local store: every answer (each question's latest
recording, its latest transcript, the result shown for it and what was measured of it) and every
mock test's overall result. core/progress.py turns them into charts.

The answers come from two statements, each one pass over the sessions asked for, that reach
everything else by an index (never one query per session: the view reloads after every change,
on stores of tens of thousands of sessions), reading each needed document's JSON once for the few
fields it needs (one `json_extract` call with several paths):
- the result shown is the app's (assess/results.py `answer_of`): the latest first examiner's
  evaluation, else the AI's latest, never a blind second marking's (`evaluations.rated_by`);
- what was measured comes from the `transcribe` event, written with the transcript and carrying
  the same measures as the assessment's events later (so an answer waiting for its evaluation has
  them); a transcript from before that is read from its `evaluate` or `insufficient_evidence` event;
- which question a recording answers is decided as for the test's result
  (assess/test_results.py `answered_questions`): the one its `record_stop` event names; a
  recording recovered after a crash names none and answers the first question that had no
  answer then (the one under way). A later recording of a question replaces the earlier one,
  also in quick practice ("Record again"), whose one question is the session's. A question's
  latest recording counts even before it is transcribed: the result shown is then "waiting",
  with nothing measured yet.
An event is found by its session and time (the `events_session` index): the store writes each
recording and transcript with its event in one transaction, stamped with the same moment
(store/local_store.py), and the event's type and ids are checked, so a match is exact.

Qt-free; it runs on the progress service's store lane."""

from __future__ import annotations

import json
import math
from datetime import datetime

from bson import ObjectId

from speakcheck_desktop.core.clock import from_epoch_ms, to_epoch_ms
from speakcheck_desktop.core.progress import AnswerRow, OverallRow, ProgressUser, answer_row, overall_row
from speakcheck_desktop.core.records import SCORE_KEYS, EventType
from speakcheck_desktop.core.test_plan import FormatKind
from speakcheck_desktop.store.local_store import LocalStore

_FLUENCY = ("total_duration_s", "words", "pause_count", "speech_rate_wpm", "mean_length_of_run")
_VOCABULARY = ("known", "b2_and_above")
_PARTS = f"('{FormatKind.MOCK}', '{FormatKind.PART}')"
_OF_PARTS = (FormatKind.MOCK.value, FormatKind.PART.value)
_SCORES = ", ".join(f"'$.scores.{k}'" for k in SCORE_KEYS)


def _measures(event: str) -> str:
    """The measures of an event (`event`: its alias) as one JSON array (one call: one look at the
    document)."""
    paths = [f"'$.payload.fluency.{k}'" for k in _FLUENCY] + [f"'$.payload.vocabulary.{k}'" for k in _VOCABULARY]
    return f"json_extract({event}.doc, {', '.join(paths)})"


# The sessions asked for: the user's, with a recording in the dates (a question's latest
# recording can be in them only then). Every recording of such a session is read, also those
# outside the dates: which recording is a question's latest, and which question a recording
# recovered after a crash answers, depend on all of them.
_PICKED = """
picked AS MATERIALIZED (
    SELECT s.id, json_extract(s.doc, '$.metadata.format.kind') AS kind,
           json_extract(s.doc, '$.metadata.task_kind') AS task_kind
    FROM sessions s
    WHERE (:user IS NULL OR s.user_id = :user)
      AND (:since IS NULL AND :before IS NULL OR EXISTS (
          SELECT 1 FROM recordings r WHERE r.session_id = s.id
             AND (:since IS NULL OR r.created_at_ms >= :since) AND (:before IS NULL OR r.created_at_ms < :before))))"""

# The questions of each test of parts in its plan's order, with their part (`metadata.parts`).
# Ids read out of JSON have no type affinity: CAST, so that they compare as the text they are.
_QUESTIONS = f"""
WITH {_PICKED}
SELECT s.id, CAST(q.value AS TEXT),
       json_extract(s.doc, substr(q.path, 1, instr(q.path, '.questions[') - 1) || '.kind')
FROM sessions s, json_tree(s.doc, '$.metadata.parts') q
WHERE s.id IN (SELECT id FROM picked WHERE kind IN {_PARTS}) AND q.key = 'id' AND q.path LIKE '%.questions[%]'
ORDER BY s.id, q.id
"""

# Every recording of those sessions, oldest first (as a session's detail lists them), with the
# question its `record_stop` event names, and what its latest transcript has: the measures and the
# result shown, each as one small JSON array (one call on each document). A recording not
# transcribed yet has NULL for those. One pass: a recording's events are looked up together,
# while their pages are at hand.
_ANSWERS = f"""
WITH {_PICKED},
transcribed AS MATERIALIZED (  -- each recording's latest transcript (a session's are stamped apart)
    SELECT t.recording_id, t.id, MAX(t.created_at_ms) AS created_at_ms
    FROM picked s JOIN transcripts t ON t.session_id = s.id GROUP BY t.recording_id)
SELECT r.created_at_ms, r.session_id, s.kind, s.task_kind,
       CASE WHEN s.kind IN {_PARTS} THEN (
           SELECT CAST(json_extract(e.doc, '$.payload.question_id') AS TEXT) FROM events e
           WHERE e.session_id = r.session_id AND e.created_at_ms = r.created_at_ms
             AND json_extract(e.doc, '$.type') = '{EventType.RECORD_STOP}'
             AND json_extract(e.doc, '$.payload.recording_id') = r.id)
       END AS question_id,
       r.id,
       COALESCE(
           (SELECT {_measures("e")} FROM events e
            WHERE e.session_id = r.session_id AND e.created_at_ms = t.created_at_ms
              AND json_extract(e.doc, '$.type') = '{EventType.TRANSCRIBE}'
              AND json_extract(e.doc, '$.payload.transcript_id') = t.id
              AND json_extract(e.doc, '$.payload.fluency.total_duration_s') IS NOT NULL),
           (SELECT {_measures("e")} FROM events e
            WHERE e.session_id = r.session_id AND e.created_at_ms >= t.created_at_ms
              AND json_extract(e.doc, '$.type') IN ('{EventType.EVALUATE}', '{EventType.INSUFFICIENT_EVIDENCE}')
              AND json_extract(e.doc, '$.payload.transcript_id') = t.id
              AND json_extract(e.doc, '$.payload.fluency.total_duration_s') IS NOT NULL
            ORDER BY e.created_at_ms DESC LIMIT 1)) AS measured,
       (SELECT json_extract(v.doc, '$.overall_level', '$.confidence', {_SCORES}) FROM evaluations v
        WHERE v.transcript_id = t.id AND (v.rated_by IS NULL OR v.rated_by = 'first')
        ORDER BY v.rated_by IS NULL, v.created_at_ms DESC, v.id DESC LIMIT 1) AS result
FROM picked s JOIN recordings r ON r.session_id = s.id LEFT JOIN transcribed t ON t.recording_id = r.id
ORDER BY r.created_at_ms, r.id
"""

_OVERALL = f"""
SELECT started_at_ms, id, json_extract(doc, '$.metadata.overall')
FROM sessions
WHERE (:user IS NULL OR user_id = :user)
  AND (:since IS NULL OR started_at_ms >= :since) AND (:before IS NULL OR started_at_ms < :before)
  AND json_extract(doc, '$.metadata.format.kind') = '{FormatKind.MOCK}'
  AND json_extract(doc, '$.metadata.overall') IS NOT NULL
ORDER BY started_at_ms, id
"""


def progress_rows(store: LocalStore, *, user_id: ObjectId | str | None = None, since: datetime | None = None,
                  before: datetime | None = None) -> tuple[list[AnswerRow], list[OverallRow]]:
    """The answers recorded in [since, before) and the mock tests started then, of `user_id`
    (None: of every user), oldest first. An answer is its question's latest recording, in the
    dates or not: a question recorded again after `before` has no answer in them."""
    args = {"user": str(user_id) if user_id is not None else None,
            "since": to_epoch_ms(since) if since is not None else None,
            "before": to_epoch_ms(before) if before is not None else None}
    conn = store.conn
    plans: dict[str, dict[str, str | None]] = {}  # session -> its questions in order -> their part
    for session_id, question_id, part in conn.execute(_QUESTIONS, args):
        plans.setdefault(session_id, {})[question_id] = part
    answered: dict[str, set[str]] = {}  # session -> its questions with a recording so far
    latest: dict[tuple[str, str], tuple[str | None, tuple]] = {}
    for row in conn.execute(_ANSWERS, args):
        session_id, kind, named, recording_id = row[1], row[2], row[4], row[5]
        task = row[3]
        if kind in _OF_PARTS:
            question, task = _question_of(plans.get(session_id), answered.setdefault(session_id, set()), named,
                                          recording_id)
        else:
            question = ""  # quick practice (also a session from before formats): one question
        # Oldest first: a later recording of the same question replaces the earlier one (and
        # takes its place in time).
        key = (session_id, question)
        latest.pop(key, None)
        latest[key] = (task, row)
    low = args["since"] if args["since"] is not None else -math.inf
    high = args["before"] if args["before"] is not None else math.inf
    answers = [_answer(task, row) for task, row in latest.values() if low <= row[0] < high]
    overall = [overall_row(at=from_epoch_ms(at_ms), session_id=session_id, overall=json.loads(text))
               for at_ms, session_id, text in conn.execute(_OVERALL, args)]
    return answers, overall


def _question_of(plan: dict[str, str | None] | None, answered: set[str], named: str | None,
                 recording_id: str) -> tuple[str, str | None]:
    """Which question of a test of parts a recording answers, and its part, as the test's result
    has it (assess/test_results.py `answered_questions`): the one its `record_stop` event names,
    else (a recording recovered after a crash) the first question without an answer then, which
    is the one that was under way. A plan without questions: an answer of its own."""
    if not plan:
        return recording_id, None
    if named is None or named not in plan:
        named = next((q for q in plan if q not in answered), None) or next(reversed(plan))
    answered.add(named)
    return named, plan[named]


_json = json.JSONDecoder().raw_decode  # SQLite's compact arrays: no surrounding blanks to strip


def _answer(task: str | None, row: tuple) -> AnswerRow:
    at_ms, session_id, kind, measured, result = row[0], row[1], row[2], row[6], row[7]
    level = confidence = scores = None
    if result is not None:
        level, confidence, *values = _json(result)[0]
        if None not in values:
            scores = dict(zip(SCORE_KEYS, values, strict=True))
    duration = words = pauses = rate = run = known = share = None
    if measured is not None:
        duration, words, pauses, rate, run, known, share = _json(measured)[0]
    return answer_row(
        at=from_epoch_ms(at_ms), session_id=session_id, format=kind, task=task, level=level,
        scores=scores, confidence=confidence, duration_s=duration, words=words, pauses=pauses, speech_rate_wpm=rate,
        mean_length_of_run=run, known_words=known, b2_share=share)


def progress_users(store: LocalStore) -> list[ProgressUser]:
    """The users who have sessions here, with the most sessions first."""
    rows = store.conn.execute(
        "SELECT s.user_id, COUNT(*), json_extract(u.doc, '$.name'), json_extract(u.doc, '$.email') "
        "FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.user_id IS NOT NULL "
        "GROUP BY s.user_id ORDER BY COUNT(*) DESC, s.user_id").fetchall()
    return [ProgressUser(id=user_id, label=name or email or f"User \u2026{user_id[-6:]}", sessions=count)
            for user_id, count, name, email in rows]


def has_answers(store: LocalStore, user_id: ObjectId | str | None = None) -> bool:
    """Whether the store holds any transcribed answer (of this user), in any dates."""
    if user_id is None:
        row = store.conn.execute("SELECT 1 FROM transcripts LIMIT 1").fetchone()
    else:
        row = store.conn.execute("SELECT 1 FROM transcripts t JOIN sessions s ON s.id = t.session_id "
                                 "WHERE s.user_id = ? LIMIT 1", (str(user_id),)).fetchone()
    return row is not None
