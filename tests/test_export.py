"""`speakcheck export`: a centre's results as a spreadsheet, read back as a person's spreadsheet
program and a script would read them (`csv.DictReader` with utf-8-sig, `json.loads`) and compared
cell by cell with what the store holds: a mock test with its overall result, a practice answer, an
answer without enough evidence, one waiting for its evaluation, a kiosk candidate with a non-ASCII
name held and then reviewed, one whose name starts with "=", a test still under way, and sessions
just outside the days asked for. The expected values are written out from the documents made
here, not by the row code. The same export from the centre's MongoDB, after a real sync, is the
same file; and what goes wrong (a mistyped day, a folder that cannot be written, a full disk,
MongoDB stopped) is a sentence, with no file left behind.

The computer's time zone is set to India's (+05:30, no summer time) so that "local days" and the
offsets written are not UTC's by accident."""

from __future__ import annotations

import argparse
import csv
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bson import ObjectId

from speakcheck_desktop.assess.test_results import conclude
from speakcheck_desktop.config import Settings
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import mock_plan
from speakcheck_desktop.core.verification import format_code
from speakcheck_desktop.export_commands import COMMANDS, ExportCommandFailed, add_parsers
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.remote.session_export import remote_sessions_started_between
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import add_review, hold_for_review
from speakcheck_desktop.store.session_range import sessions_started_between
from tests.factories import complete_session
from tests.test_full_disk import small_disk  # noqa: F401  (the fixture: a small tmpfs that can be filled)

A2_MOCK = mock_plan(next(t for t in load_mock_tests() if t.id == "a2-mock-01"))
TASKS = TaskBank.load(resource_path("tasks.json"))
SCORES = {"fluency": 6.5, "accuracy": 7.0, "grammar": 5.5, "vocabulary": 7.5, "coherence": 6.0}
# Every measure core/fluency.py keeps, as the `evaluate`/`transcribe` payloads hold them.
FLUENCY = {"total_duration_s": 60.0, "speaking_time_s": 58.0, "words": 109, "speech_rate_wpm": 112.4,
           "articulation_rate_wpm": 116.3, "pause_count": 7, "mean_pause_s": 0.61, "longest_pause_s": 1.9,
           "pauses_between_sentences": 4, "pauses_within_sentence": 3, "mean_length_of_run": 8.3,
           "distinct_words": 71, "word_timings": True, "filled_pauses": 2, "filled_pauses_per_min": 2.0}
VOCABULARY = {"words": 120, "known": 110, "shares": {"A1": 0.5, "A2": 0.2, "B1": 0.14, "B2": 0.1, "C1": 0.05,
                                                       "C2": 0.01}, "b2_and_above": 0.16, "mtld": 61.2}
NO_FLUENCY = dict.fromkeys(FLUENCY)
PART_SCORE = {"interview": 3.0, "long_turn": 4.0, "discussion": 3.5}
CENTRE = "Riverside Language Centre"
FORMULA_NAME = '=HYPERLINK("http://example.com","Open")'
FORMULA_TEXT = "=1+1 is two, I said, and then I stopped."
ANA = "Ana María Souza"
SESSION_HEADER = ["session_id", "candidate_id", "name", "centre", "started_at", "ended_at", "status", "format",
                  "format_id", "title", "level_tested", "level", "fluency", "accuracy", "grammar", "vocabulary",
                  "coherence", "confidence", "result_state", "review_status", "examiner_level", "verification_code"]
ANSWER_HEADER = ["session_id", "candidate_id", "part", "question_id", "recording_id", "duration_s", "state", "level",
                 "fluency", "accuracy", "grammar", "vocabulary", "coherence", "confidence", "rated_by", "ai_level",
                 *FLUENCY, "b2_plus_share"]


@pytest.fixture
def india(monkeypatch):
    """This computer's clock in India Standard Time (+05:30) for the test."""
    monkeypatch.setenv("TZ", "IST-5:30")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def settings_for(store: LocalStore, uri: str = "mongodb://127.0.0.1:1", db: str = "unused") -> Settings:
    return Settings(mongodb_uri=uri, mongodb_db=db, data_dir=store.path.parent, mongodb_timeout_s=1)


def export(settings: Settings, store: LocalStore, *argv: str) -> int:
    """`speakcheck export ARGV`, parsed and run as cli.py runs a command."""
    parser = argparse.ArgumentParser(prog="speakcheck")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *argv])
    return COMMANDS[args.command](args, settings, store)


def practice(store: LocalStore, *, level: str = "B1", user=None, metadata=None, outcome: str = "assessed",
             confidence: float = 0.82, text: str = "I go there, I like it, because it is quiet.",
             retried: bool = False):
    """A quick-practice answer with its measures: assessed, found without enough evidence
    (`outcome="gated"`) or transcribed and measured but not evaluated (`"waiting"`). `retried`: an
    earlier evaluation of it (A2) came first; the later one is its result."""
    session = store.start_session(level, user_id=user, metadata={"task_id": f"{level.lower()}-describe-1",
                                                                 **(metadata or {})})
    recording = store.add_recording(session.id, str(store.recordings_dir / f"{session.id}.flac"), duration_s=60.0)
    measured = {"fluency": FLUENCY, "vocabulary": VOCABULARY}
    transcript = store.add_transcript(recording.id, text, "en", "local", "faster-whisper tiny.en int8",
                                      event_details=measured)
    evaluation = None
    if retried:
        store.add_evaluation(transcript.id, Level.A2, 0.5, dict.fromkeys(SCORE_KEYS, 4.0), "Earlier.", [],
                             provenance=measured)
    if outcome == "assessed":
        evaluation = store.add_evaluation(transcript.id, Level(level), confidence, dict(SCORES), "Fair range.", [],
                                          provenance=measured)
    elif outcome == "gated":
        store.record_insufficient_evidence(transcript.id, {"reasons": ["Only 9 seconds of speech were heard."],
                                                           "advice": ["Speak for at least 30 seconds."], **measured})
    store.end_session(session.id)
    return session, recording, transcript, evaluation


def code_of(store: LocalStore, session_id) -> str:
    """The verification code from the events' documents: the newest link of the chain."""
    chains = [e.payload["chain"] for e in store.get_session_detail(session_id).events]
    return format_code(max(chains, key=lambda c: c["seq"])["hash"])


class Made:
    """What the test put in the store, and the rows it expects from it, oldest session first."""

    def __init__(self):
        self.sessions: list[dict] = []
        self.answers: list[dict] = []
        self.transcripts: list[str | None] = []  # each answer row's
        self.outside: list = []  # sessions started outside 2026-11-10 .. 2026-11-20 (local days)


def session_expected(store, session, **cells) -> dict:
    base = dict.fromkeys(SESSION_HEADER)
    base.update(session_id=str(session.id), status="completed", review_status="not_held",
                verification_code=code_of(store, session.id), level_tested=session.level.value)
    return {**base, **cells}


def answer_expected(session, recording, **cells) -> dict:
    base = {**dict.fromkeys(ANSWER_HEADER), **NO_FLUENCY}
    base.update(session_id=str(session.id), recording_id=str(recording.id), duration_s=recording.duration_s)
    return {**base, **cells}


def practice_answer(session, recording, *, level="B1", candidate=None, state="assessed", scores=SCORES,
                    confidence=0.82, rated_by="ai", ai_level="B1"):
    assessed = state == "assessed"
    return answer_expected(session, recording, candidate_id=candidate, question_id=f"{session.level.value.lower()}"
                           f"-describe-1", state=state, level=level if assessed else None,
                           **{k: scores[k] if assessed else None for k in SCORE_KEYS},
                           confidence=confidence if assessed else None, rated_by=rated_by if assessed else None,
                           ai_level=ai_level, **FLUENCY, b2_plus_share=VOCABULARY["b2_and_above"])


def build(store: LocalStore, clock) -> Made:
    made = Made()
    ana = store.add_user(ANA)

    clock.set_wall(at(2026, 11, 9, 18, 29, 59))  # 23:59:59 on the 9th in India: the day before
    made.outside.append(complete_session(store, "B1")[0])

    # A mock test started at midnight of the first day asked for, ended 25 minutes later.
    clock.set_wall(at(2026, 11, 9, 18, 30))
    mock = store.start_session("A2", user_id=ana.id, metadata=A2_MOCK.to_metadata())
    mock_answers = []
    for step in A2_MOCK.steps:
        recording = store.add_recording(mock.id, str(store.recordings_dir / f"{step.task.id}.flac"), duration_s=32.0,
                                        question_id=step.task.id)
        transcript = store.add_transcript(recording.id, f"My answer to {step.task.id}.", "en", "openai", "whisper-1")
        score = PART_SCORE[step.part.value]
        store.add_evaluation(transcript.id, Level.A2, 0.7, dict.fromkeys(SCORE_KEYS, score), "Short turns.", [],
                             provenance={"fluency": {"speaking_time_s": 30.0}})
        mock_answers.append(answer_expected(
            mock, recording, part=step.part.value, question_id=step.task.id, state="assessed", level="A2",
            **dict.fromkeys(SCORE_KEYS, score), confidence=0.7, rated_by="ai", ai_level="A2", speaking_time_s=30.0))
        made.transcripts.append(f"My answer to {step.task.id}.")
    clock.advance(25 * 60)
    store.end_session(mock.id)
    assert conclude(store, mock.id, A2_MOCK) is not None
    overall = store.get_session(mock.id).metadata["overall"]  # the document's
    assert overall["level"] is not None
    made.sessions.append(session_expected(
        store, mock, name=ANA, started_at="2026-11-10T00:00:00+05:30", ended_at="2026-11-10T00:25:00+05:30",
        format="mock", format_id="a2-mock-01", title="Home and family", level=overall["level"],
        **{k: overall["scores"][k] for k in SCORE_KEYS}, confidence=overall["confidence"], result_state="assessed"))
    made.answers += mock_answers

    clock.set_wall(at(2026, 11, 12, 9, 15))  # 14:45 in India
    session, recording, _, _ = practice(store, user=ana.id, retried=True)
    made.sessions.append(session_expected(
        store, session, name=ANA, started_at="2026-11-12T14:45:00+05:30", ended_at="2026-11-12T14:45:00+05:30",
        format="practice", format_id="b1-describe-1", title=TASKS.get("b1-describe-1").prompt, level="B1",
        **SCORES, confidence=0.82, result_state="assessed"))
    made.answers.append(practice_answer(session, recording))
    made.transcripts.append("I go there, I like it, because it is quiet.")

    clock.set_wall(at(2026, 11, 14, 4, 0))
    session, recording, _, _ = practice(store, level="B2", outcome="gated", text="Thank you.")
    made.sessions.append(session_expected(
        store, session, started_at="2026-11-14T09:30:00+05:30", ended_at="2026-11-14T09:30:00+05:30",
        format="practice", format_id="b2-describe-1", title=TASKS.get("b2-describe-1").prompt,
        result_state="not_enough_evidence"))
    made.answers.append(practice_answer(session, recording, state="not_enough_evidence", ai_level=None))
    made.transcripts.append("Thank you.")

    clock.set_wall(at(2026, 11, 15, 6, 0))
    session, recording, _, _ = practice(store, level="A2", outcome="waiting")
    made.sessions.append(session_expected(
        store, session, started_at="2026-11-15T11:30:00+05:30", ended_at="2026-11-15T11:30:00+05:30",
        format="practice", format_id="a2-describe-1", title=TASKS.get("a2-describe-1").prompt,
        result_state="waiting"))
    made.answers.append(practice_answer(session, recording, state="waiting", ai_level=None))
    made.transcripts.append("I go there, I like it, because it is quiet.")

    # A kiosk's candidate, held for review by the centre's rule, then rated by an examiner.
    clock.set_wall(at(2026, 11, 17, 12, 0))
    zoe = Candidate(candidate_id="RLC-0042", centre=CENTRE, name="Zoë Brontë")
    store.ensure_user(zoe.user_id, zoe.name)
    session, recording, transcript, evaluation = practice(store, user=zoe.user_id, metadata=zoe.metadata(),
                                                          confidence=0.45)
    hold_for_review(store, session.id, 0.45, 0.6)
    add_review(store, transcript.id, examiner_rating(
        examiner="E. Okafor", role=ReviewRole.FIRST, decision=ReviewDecision.OWN, ai=evaluation, level=Level.B2,
        scores=dict.fromkeys(SCORE_KEYS, 6.5), reason="Longer turns than the AI heard."))
    made.sessions.append(session_expected(
        store, session, candidate_id="RLC-0042", name="Zoë Brontë", centre=CENTRE,
        started_at="2026-11-17T17:30:00+05:30", ended_at="2026-11-17T17:30:00+05:30", format="practice",
        format_id="b1-describe-1", title=TASKS.get("b1-describe-1").prompt, level="B2",
        **dict.fromkeys(SCORE_KEYS, 6.5), confidence=1.0, result_state="assessed", review_status="reviewed",
        examiner_level="B2"))
    made.answers.append(practice_answer(session, recording, candidate="RLC-0042", level="B2",
                                        scores=dict.fromkeys(SCORE_KEYS, 6.5), confidence=1.0, rated_by="examiner"))
    made.transcripts.append("I go there, I like it, because it is quiet.")

    # A candidate whose name (as the centre typed it) and transcript a spreadsheet would run as formulas.
    clock.set_wall(at(2026, 11, 19, 8, 0))
    eq = Candidate(candidate_id="RLC-0043", centre=CENTRE, name=FORMULA_NAME)
    store.ensure_user(eq.user_id, eq.name)
    session, recording, _, _ = practice(store, user=eq.user_id, metadata=eq.metadata(), text=FORMULA_TEXT)
    made.sessions.append(session_expected(
        store, session, candidate_id="RLC-0043", name=FORMULA_NAME, centre=CENTRE,
        started_at="2026-11-19T13:30:00+05:30", ended_at="2026-11-19T13:30:00+05:30", format="practice",
        format_id="b1-describe-1", title=TASKS.get("b1-describe-1").prompt, level="B1", **SCORES, confidence=0.82,
        result_state="assessed"))
    made.answers.append(practice_answer(session, recording, candidate="RLC-0043"))
    made.transcripts.append(FORMULA_TEXT)

    # A mock test under way at 23:59:59 on the last day asked for: one answer recorded, not transcribed.
    clock.set_wall(at(2026, 11, 20, 18, 29, 59))
    active = store.start_session("A2", metadata=A2_MOCK.to_metadata())
    first = A2_MOCK.steps[0]
    recording = store.add_recording(active.id, str(store.recordings_dir / "active.flac"), duration_s=20.0,
                                    question_id=first.task.id)
    made.sessions.append(session_expected(
        store, active, started_at="2026-11-20T23:59:59+05:30", status="active", format="mock",
        format_id="a2-mock-01", title="Home and family", result_state="in_progress"))
    made.answers.append(answer_expected(active, recording, part="interview", question_id=first.task.id,
                                        state="waiting"))
    made.transcripts.append(None)

    clock.set_wall(at(2026, 11, 20, 18, 30))  # midnight after the last day
    made.outside.append(practice(store, level="C1")[0])
    return made


def csv_text(value) -> str:
    """What a cell of the expected value reads back as from the CSV file."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


RANGE = ("--since", "2026-11-10", "--until", "2026-11-20")


def test_the_sessions_csv_opens_in_a_spreadsheet_and_reads_back_equal_to_the_store(store, clock, india, tmp_path,
                                                                                    capsys):
    made = build(store, clock)
    out = tmp_path / "results.csv"
    assert export(settings_for(store), store, *RANGE, "-o", str(out)) == 0
    assert capsys.readouterr().out == (f"Exported 7 sessions started 2026-11-10 to 2026-11-20 from this computer's "
                                       f"store to {out}.\n")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"session_id,")  # the BOM Excel needs for UTF-8
    assert raw.count(b"\r\n") == 8 and b"\n" not in raw.replace(b"\r\n", b"")  # header + 7 rows, CRLF
    assert "Zoë Brontë".encode() in raw
    header, rows = read_csv(out)
    assert header == SESSION_HEADER
    expected = [{k: csv_text(v) for k, v in row.items()} for row in made.sessions]
    expected[5]["name"] = "'" + FORMULA_NAME  # plain text in a spreadsheet, not a formula
    assert rows == expected
    outside = {str(s.id) for s in made.outside}
    assert not outside & {r["session_id"] for r in rows}
    for row, want in zip(rows, made.sessions, strict=True):  # numbers are numbers, without units
        for key in (*SCORE_KEYS, "confidence"):
            assert (float(row[key]) if row[key] else None) == want[key]


def test_jsonl_has_the_same_keys_nulls_for_blanks_and_the_text_as_stored(store, clock, india, tmp_path, capsys):
    made = build(store, clock)
    out = tmp_path / "results.jsonl"
    assert export(settings_for(store), store, *RANGE, "--format", "jsonl", "-o", str(out)) == 0
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == 7 and b"\r" not in raw
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert [list(r) for r in rows] == [SESSION_HEADER] * 7
    assert rows == made.sessions  # the name starting with "=" exactly as the centre typed it


def test_answer_rows_with_their_measures_and_transcripts(store, clock, india, tmp_path, capsys):
    made = build(store, clock)
    out = tmp_path / "answers.csv"
    assert export(settings_for(store), store, *RANGE, "--answers", "-o", str(out)) == 0
    assert capsys.readouterr().out.startswith("Exported 16 answers of 7 sessions started 2026-11-10 to 2026-11-20 ")
    header, rows = read_csv(out)
    assert header == ANSWER_HEADER
    assert rows == [{k: csv_text(v) for k, v in row.items()} for row in made.answers]
    practice_row = rows[10]
    assert practice_row["speech_rate_wpm"] == "112.4" and practice_row["word_timings"] == "true"
    assert practice_row["b2_plus_share"] == "0.16" and practice_row["pause_count"] == "7"

    with_text = tmp_path / "answers.jsonl"
    assert export(settings_for(store), store, *RANGE, "--answers", "--transcripts", "--format", "jsonl",
                  "-o", str(with_text)) == 0
    rows = [json.loads(line) for line in with_text.read_text(encoding="utf-8").splitlines()]
    assert rows == [{**row, "transcript": text} for row, text in zip(made.answers, made.transcripts, strict=True)]

    spreadsheet = tmp_path / "answers-text.csv"
    assert export(settings_for(store), store, *RANGE, "--answers", "--transcripts", "-o", str(spreadsheet)) == 0
    header, rows = read_csv(spreadsheet)
    assert header == [*ANSWER_HEADER, "transcript"]
    assert [r["transcript"] for r in rows] == [csv_text(t) for t in made.transcripts[:-2]] + [
        "'" + FORMULA_TEXT, ""]


def test_standard_output_gets_the_rows_and_stderr_the_closing_line(store, clock, india, capsys):
    made = build(store, clock)
    assert export(settings_for(store), store, "--since", "2026-11-17", "--until", "2026-11-19", "--format", "jsonl",
                  "-o", "-") == 0
    out, err = capsys.readouterr()
    assert [json.loads(line) for line in out.splitlines()] == made.sessions[4:6]
    assert err == ("Exported 2 sessions started 2026-11-17 to 2026-11-19 from this computer's store to standard "
                   "output.\n")


def test_mongodb_after_a_sync_gives_the_same_files_as_this_computer(store, clock, india, tmp_path, mongo_uri,
                                                                     mongo_db, mirror, capsys):
    made = build(store, clock)
    assert OutboxRelay(store, mirror).run_pass().ok
    settings = settings_for(store, mongo_uri, mongo_db.name)
    for extra, name in ((), "sessions.csv"), (("--answers", "--transcripts", "--format", "jsonl"), "answers.jsonl"):
        local, remote = tmp_path / f"local-{name}", tmp_path / f"mongodb-{name}"
        assert export(settings, store, *RANGE, *extra, "-o", str(local)) == 0
        assert export(settings, store, *RANGE, *extra, "--from", "mongodb", "-o", str(remote)) == 0
        assert remote.read_bytes() == local.read_bytes()
    said = capsys.readouterr().out.splitlines()
    assert said[-1] == (f"Exported 16 answers of 7 sessions started 2026-11-10 to 2026-11-20 from MongoDB at "
                        f"{mirror.where} to {remote}.")
    # A session document not like the schema (written by something else) is left out, and said.
    mongo_db.sessions.insert_one({"_id": ObjectId(), "level": "B9", "status": "completed",
                                  "started_at": at(2026, 11, 16, 10, 0)})
    again = tmp_path / "again.csv"
    assert export(settings, store, *RANGE, "--from", "mongodb", "-o", str(again)) == 0
    assert again.read_bytes() == (tmp_path / "local-sessions.csv").read_bytes()
    assert capsys.readouterr().out.endswith(" 1 session in MongoDB not like the schema was left out (the log says "
                                            "which).\n")
    # A page at a time from either source, in the same order (started_at, then id), nothing twice.
    everything = [s["session_id"] for s in made.sessions] + [str(s.id) for s in made.outside]
    local_ids = [str(d.session.id) for d, _ in sessions_started_between(store, None, None, page=2)]
    remote_ids = [str(d.session.id) for d, _ in remote_sessions_started_between(mirror, None, None, page=2)]
    assert local_ids == remote_ids and sorted(local_ids) == sorted(everything) and len(set(local_ids)) == 9


def test_a_mistyped_day_or_reversed_days_are_said_and_nothing_is_written(store, tmp_path, capsys):
    out = tmp_path / "x.csv"
    with pytest.raises(SystemExit) as exit_:
        export(settings_for(store), store, "--since", "2026-11-31", "-o", str(out))
    assert exit_.value.code == 2
    assert "'2026-11-31' is not a date: use YYYY-MM-DD, like 2026-09-01" in capsys.readouterr().err
    with pytest.raises(ExportCommandFailed) as failed:
        export(settings_for(store), store, "--since", "2026-11-20", "--until", "2026-11-10", "-o", str(out))
    assert str(failed.value) == ("--since 2026-11-20 is after --until 2026-11-10: give the first day, then the last. "
                                 "Nothing was exported.")
    with pytest.raises(ExportCommandFailed, match="--transcripts is for --answers"):
        export(settings_for(store), store, "--transcripts", "-o", str(out))
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # the store's folder only


def test_a_folder_that_cannot_be_written_is_said_and_an_earlier_export_is_kept(store, clock, tmp_path):
    complete_session(store, "B1")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")  # so even root cannot write in it
    with pytest.raises(ExportCommandFailed) as failed:
        export(settings_for(store), store, "-o", str(blocked / "x.csv"))
    assert str(failed.value) == (f"The export cannot be saved in {blocked} (Not a directory): choose another folder. "
                                 f"Nothing was exported.")
    folder = tmp_path / "folder"
    folder.mkdir()  # a folder where the file should go: the rename fails, after the rows were written
    with pytest.raises(ExportCommandFailed, match=f"The export cannot be saved as {folder} \\(Is a directory\\)"):
        export(settings_for(store), store, "-o", str(folder))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "data", "folder"] and not any(folder.iterdir())
    assert blocked.read_text(encoding="utf-8") == "a file, not a folder"


def test_a_full_disk_is_said_and_leaves_no_half_file(store, clock, small_disk):  # noqa: F811 (the fixture)
    complete_session(store, "B1")
    target = small_disk.mount_point / "results.csv"
    small_disk.fill()
    with pytest.raises(ExportCommandFailed) as failed:
        export(settings_for(store), store, "-o", str(target))
    assert str(failed.value) == (f"The disk holding {small_disk.mount_point} is full: free some space; nothing "
                                 f"already saved was lost. The export was not saved.")
    assert sorted(p.name for p in small_disk.mount_point.iterdir()) == ["data", "filler"]


def test_mongodb_stopped_is_said_and_leaves_the_earlier_file_as_it_was(store, clock, tmp_path, restartable_mongo):
    complete_session(store, "B1")
    mirror = MongoMirror(restartable_mongo.uri, "centre", timeout_s=5)
    try:
        assert OutboxRelay(store, mirror).run_pass().ok
    finally:
        mirror.close()
    settings = settings_for(store, restartable_mongo.uri, "centre")
    out = tmp_path / "exports" / "results.csv"
    out.parent.mkdir()
    assert export(settings, store, "--from", "mongodb", "-o", str(out)) == 0
    earlier = out.read_bytes()
    assert len(read_csv(out)[1]) == 1

    restartable_mongo.stop()
    with pytest.raises(ExportCommandFailed) as failed:
        export(settings, store, "--from", "mongodb", "--answers", "-o", str(out))
    assert str(failed.value) == (f"MongoDB at {restartable_mongo.uri} did not answer within 1 s: check that it is "
                                 f"running and that MONGODB_URI points to it. Nothing was exported: try again when "
                                 f"MongoDB is reachable, or export this computer's sessions with --from local.")
    assert out.read_bytes() == earlier and [p.name for p in out.parent.iterdir()] == ["results.csv"]
    fresh = tmp_path / "exports" / "new.jsonl"
    with pytest.raises(ExportCommandFailed, match="did not answer within 1 s"):
        export(settings, store, "--from", "mongodb", "--format", "jsonl", "-o", str(fresh))
    assert not fresh.exists() and [p.name for p in out.parent.iterdir()] == ["results.csv"]
