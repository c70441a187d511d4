"""Score reports as PDFs, made as a person makes them: `speakcheck report ID -o FILE.pdf` (a
subprocess) and the window's service, read back with Qt's PDF module. A practice answer, a mock
test, an answer without enough evidence and a kiosk candidate held for review, then reviewed;
the verification code checked against the test MongoDB with `speakcheck verify-audit --code`;
and what goes wrong: a folder that cannot be written, a logo that is not an image, a session
that is not here, a mistyped code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from speakcheck_desktop.assess.test_results import conclude
from speakcheck_desktop.core.candidate import Candidate
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.report import CAN_DO, REPORT_DISCLAIMER
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import mock_plan
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.services.report_service import ReportService
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import add_review, hold_for_review
from tests.cli_rig import speakcheck, store_in
from tests.fakes import FakeClock
from tests.pdf_checks import image_count, pdf_text

SCORES = {"fluency": 6.5, "accuracy": 7.0, "grammar": 5.5, "vocabulary": 7.5, "coherence": 6.0}
FLUENCY = {"speaking_time_s": 58.0, "speech_rate_wpm": 112.4, "pause_count": 7, "mean_length_of_run": 8.3}
VOCABULARY = {"words": 120, "known": 110, "shares": {"A1": 0.5, "A2": 0.2, "B1": 0.14, "B2": 0.1, "C1": 0.05,
                                                       "C2": 0.01}, "b2_and_above": 0.16, "mtld": 61.2}
TIP = {"text": "Link your reasons with 'because' or 'so'.", "quote": "I go there, I like it", "start_s": 12.5,
       "end_s": 14.0}
A2_MOCK = mock_plan(next(t for t in load_mock_tests() if t.id == "a2-mock-01"))


def practice(store: LocalStore, *, level: str = "B1", user=None, metadata: dict | None = None,
             evidence: bool = True, confidence: float = 0.82):
    """A quick-practice answer, evaluated (or found without enough evidence), with its measures."""
    session = store.start_session(level, user_id=user, metadata={"task_id": f"{level.lower()}-describe-1",
                                                                 **(metadata or {})})
    recording = store.add_recording(session.id, str(store.recordings_dir / f"{session.id}.flac"), duration_s=60.0)
    transcript = store.add_transcript(recording.id, "I go there, I like it, because it is quiet.", "en", "local",
                                      "faster-whisper tiny.en int8")
    measured = {"fluency": FLUENCY, "vocabulary": VOCABULARY}
    if evidence:
        evaluation = store.add_evaluation(transcript.id, Level(level), confidence, dict(SCORES),
                                          "Keeps going with some pauses; a fair range of everyday words.", [TIP],
                                          provenance=measured)
    else:
        evaluation = None
        store.record_insufficient_evidence(transcript.id, {"reasons": ["Only 9 seconds of speech were heard."],
                                                           "advice": ["Speak for at least 30 seconds."], **measured})
    store.end_session(session.id)
    return session, transcript, evaluation


def make_report(env, session_id, out: Path, *extra) -> tuple[object, str]:
    run = speakcheck(env, "report", str(session_id), "-o", str(out), *extra)
    return run, pdf_text(out) if run.returncode == 0 else ""


def test_a_practice_answer_report_holds_the_level_scores_measures_tips_and_its_code(cli_env, tmp_path, qapp):
    with store_in(cli_env) as store:
        user = store.add_user("Ana María Souza")
        session, _, _ = practice(store, user=user.id)
        code = store.get_session_detail(session.id).verification_code
    run, text = make_report(cli_env, session.id, tmp_path / "ana.pdf")
    assert run.returncode == 0, run.stderr
    assert f"saved as {tmp_path / 'ana.pdf'}" in run.stdout and code in run.stdout
    assert "Learner Ana María Souza" in text and "Quick practice" in text
    assert f"Result B1 {CAN_DO[Level.B1]}" in text
    assert "Confidence: High (82%)" in text
    for key in SCORE_KEYS:  # the chart's figures are printed as text too
        assert f"{key.capitalize()} {SCORES[key]:.1f}" in text
    assert "Task 58 s 112 7 8.3 16 % 61" in text  # the measures row
    assert "\u201cI go there, I like it\u201d (12.5\u201314.0 s)" in text
    assert f"Verification code: {code}" in text
    assert f"speakcheck verify-audit {session.id} --code {code}" in text
    assert " ".join(REPORT_DISCLAIMER.split()) in text
    assert image_count(tmp_path / "ana.pdf") == 1  # the chart; no logo without a kiosk.toml


def test_a_mock_test_report_gives_the_overall_level_each_part_and_each_question(cli_env, tmp_path, qapp):
    with store_in(cli_env) as store:
        session = store.start_session("A2", metadata=A2_MOCK.to_metadata())
        for step in A2_MOCK.steps:
            path = store.recordings_dir / f"{step.task.id}.flac"
            recording = store.add_recording(session.id, str(path), duration_s=32.0, question_id=step.task.id)
            transcript = store.add_transcript(recording.id, "words", "en", "openai", "whisper-1")
            store.add_evaluation(transcript.id, Level.A2, 0.7, dict.fromkeys(SCORE_KEYS, 3.0), "Short turns.", [],
                                 provenance={"fluency": {"speaking_time_s": 30.0}})
        store.end_session(session.id)
        result = conclude(store, session.id, A2_MOCK)
        assert result is not None and result.overall is not None and result.overall.level is Level.A2
    run, text = make_report(cli_env, session.id, tmp_path / "mock.pdf")
    assert run.returncode == 0, run.stderr
    assert f"Mock test \u00b7 {A2_MOCK.title}" in text
    assert f"Result A2 {CAN_DO[Level.A2]}" in text
    assert "Parts Part Result Interview A2 Long turn A2 Discussion A2" in text
    for step in A2_MOCK.steps:
        assert " ".join(step.task.prompt.split()) in text
    assert text.count("Short turns.") == len(A2_MOCK.steps)  # each answer's reasons, by its question


def test_an_answer_without_enough_evidence_says_why_and_what_to_do_and_shows_no_scores(cli_env, tmp_path, qapp):
    with store_in(cli_env) as store:
        session, _, _ = practice(store, evidence=False)
    run, text = make_report(cli_env, session.id, tmp_path / "short.pdf")
    assert run.returncode == 0, run.stderr
    assert "Result Not enough evidence" in text
    assert "Why: Only 9 seconds of speech were heard. What to do: Speak for at least 30 seconds." in text
    assert "Sub-scores" not in text and "Confidence:" not in text
    assert "Task 58 s 112 7 8.3" in text  # what the recording showed is still there
    assert image_count(tmp_path / "short.pdf") == 0


def test_a_kiosk_candidate_held_for_review_then_reviewed(cli_env, tmp_path, qapp):
    logo = tmp_path / "logo.png"
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#114477"))
    assert image.save(str(logo))
    kiosk = tmp_path / "kiosk.toml"
    kiosk.write_text(f'centre = "Riverside Language Centre"\nlogo = "{logo}"\n', encoding="utf-8")
    candidate = Candidate(candidate_id="RLC-0042", centre="Riverside Language Centre", name="Zoë Brontë")
    with store_in(cli_env) as store:
        store.ensure_user(candidate.user_id, candidate.name)
        session, transcript, evaluation = practice(store, user=candidate.user_id, metadata=candidate.metadata(),
                                                   confidence=0.45)
        hold_for_review(store, session.id, 0.45, 0.6)
    run, held = make_report(cli_env, session.id, tmp_path / "held.pdf", "--kiosk-file", str(kiosk))
    assert run.returncode == 0, run.stderr
    assert "Candidate RLC-0042 \u00b7 Zoë Brontë Centre Riverside Language Centre" in held
    assert "Result Under review An examiner of the centre checks this result" in held
    # Nothing of the AI's that the examiner may change: no level, scores, confidence, reasons or tips.
    assert "Sub-scores" not in held and "Confidence" not in held and "Keeps going" not in held
    assert "Task" in held and "under review" in held  # the question's line
    assert image_count(tmp_path / "held.pdf") == 1  # the logo; no chart

    with store_in(cli_env) as store:
        add_review(store, transcript.id, examiner_rating(
            examiner="E. Okafor", role=ReviewRole.FIRST, decision=ReviewDecision.OWN, ai=evaluation,
            level=Level.B2, scores=dict.fromkeys(SCORE_KEYS, 6.5), reason="Longer turns than the AI heard."))
        code = store.get_session_detail(session.id).verification_code
    run, reviewed = make_report(cli_env, session.id, tmp_path / "reviewed.pdf", "--kiosk-file", str(kiosk))
    assert run.returncode == 0, run.stderr
    assert f"Result B2 {CAN_DO[Level.B2]} Examiner's result. The AI's estimate was B1." in reviewed
    assert "Set by an examiner" in reviewed and "Longer turns than the AI heard." in reviewed
    assert "\u201cI go there, I like it\u201d" in reviewed  # the AI's tips still help
    assert f"Verification code: {code}" in reviewed
    assert image_count(tmp_path / "reviewed.pdf") == 2  # the logo and the chart


def test_the_code_on_a_report_is_checked_against_mongodb_and_later_events_are_named(cli_env, tmp_path, qapp):
    with store_in(cli_env) as store:
        session, _, _ = practice(store)
    run, text = make_report(cli_env, session.id, tmp_path / "r.pdf")
    code = next(line.split(": ")[1] for line in run.stdout.splitlines() if line.startswith("Verification code"))
    assert speakcheck(cli_env, "sync").returncode == 0
    check = speakcheck(cli_env, "verify-audit", str(session.id), "--code", code.upper().replace("-", " "))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "matches the session's record as it stands" in check.stdout

    with store_in(cli_env) as store:  # an event after the report: the check names it, not a forgery
        hold_for_review(store, session.id, 0.5, 0.6)
    assert speakcheck(cli_env, "sync").returncode == 0
    later = speakcheck(cli_env, "verify-audit", str(session.id), "--code", code)
    assert later.returncode == 0
    assert "1 event(s) came after the report was made (review_held)" in later.stdout

    wrong = "0000-0000-0000-0000-0000"
    refused = speakcheck(cli_env, "verify-audit", str(session.id), "--code", wrong)
    assert refused.returncode == 1 and "matches no point of this session's record" in refused.stdout
    typo = speakcheck(cli_env, "verify-audit", str(session.id), "--code", "3f2a-9c1b")
    assert typo.returncode == 2 and "is not a verification code" in typo.stderr and "Traceback" not in typo.stderr


def test_what_goes_wrong_is_said_and_nothing_half_written_is_left(cli_env, tmp_path, qapp):
    with store_in(cli_env) as store:
        session, _, _ = practice(store)
    # A folder that cannot be written (a file stands where the folder should be: so even as root).
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    run = speakcheck(cli_env, "report", str(session.id), "-o", str(blocked / "r.pdf"))
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"The report cannot be saved in {blocked}" in run.stderr and "choose another folder" in run.stderr
    assert "Traceback" not in run.stderr and blocked.read_text(encoding="utf-8") == "a file, not a folder"

    earlier = tmp_path / "kept.pdf"
    earlier.write_bytes(b"an earlier report")
    missing = speakcheck(cli_env, "report", "0123456789abcdef01234567", "-o", str(earlier))
    assert missing.returncode == 3 and "is not on this computer" in missing.stderr
    assert earlier.read_bytes() == b"an earlier report"

    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("not a picture", encoding="utf-8")
    kiosk = tmp_path / "kiosk.toml"
    kiosk.write_text(f'centre = "Riverside"\nlogo = "{not_an_image}"\n', encoding="utf-8")
    run = speakcheck(cli_env, "report", str(session.id), "-o", str(tmp_path / "nologo"), "--kiosk-file", str(kiosk))
    assert run.returncode == 0 and "cannot be read as an image: the report was made without it" in run.stderr
    assert "Centre Riverside" in pdf_text(tmp_path / "nologo.pdf")  # ".pdf" added to the name given
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

    kiosk.write_text('logo = "relative/logo.png"\n', encoding="utf-8")
    bad = speakcheck(cli_env, "report", str(session.id), "-o", str(tmp_path / "x.pdf"), "--kiosk-file", str(kiosk))
    assert bad.returncode == 1 and "logo = 'relative/logo.png' is not allowed" in bad.stderr


def test_the_window_service_makes_the_report_off_the_gui_thread(qtbot, tmp_path):
    with LocalStore.open(tmp_path / "s.db", tmp_path / "rec") as store:
        session, _, _ = practice(store)
    service = ReportService(LocalStore.open(tmp_path / "s.db", tmp_path / "rec"),
                            TaskBank.load(resource_path("tasks.json")), centre="Riverside")
    said: list[str] = []
    try:
        service.save(session.id, tmp_path / "from-window.pdf", said.append)
        qtbot.waitUntil(lambda: bool(said), timeout=30000)
        assert said == [f"Report saved as {tmp_path / 'from-window.pdf'}."]
        assert "Centre Riverside" in pdf_text(tmp_path / "from-window.pdf")
        failed: list[str] = []
        service.save(session.id, tmp_path / "no-such-folder" / "r.pdf", said.append, failed.append)
        qtbot.waitUntil(lambda: bool(failed), timeout=30000)
        assert "cannot be saved in" in failed[0] and len(said) == 1
    finally:
        service.shutdown()


def test_the_history_filters_by_date_and_saves_a_report_from_the_window(qtbot, app_env, running, monkeypatch):
    weeks_ago = FakeClock(datetime.now(UTC) - timedelta(days=40))
    with LocalStore.open(app_env / "data" / "speakcheck.db", app_env / "data" / "recordings",
                         clock=weeks_ago) as store:
        old, _, _ = practice(store, level="A2")  # taken weeks ago
    with LocalStore.open(app_env / "data" / "speakcheck.db", app_env / "data" / "recordings") as store:
        recent, _, _ = practice(store, level="B1")
    window = running(sync=False).window
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 2 and not history.model.loading)
    today = date.today()
    history.set_dates(today - timedelta(days=7), None)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.model.loading)
    assert history.model.rows[0].session.id == recent.id
    history.set_dates(None, today - timedelta(days=30))
    qtbot.waitUntil(lambda: not history.model.loading and [r.session.id for r in history.model.rows] == [old.id])
    assert history.since_filter.text() == "any day"

    history.set_dates(None, None)
    qtbot.waitUntil(lambda: history.model.rowCount() == 2 and not history.model.loading)
    history.table.selectionModel().select(history.model.index(0, 0), QItemSelectionModel.ClearAndSelect
                                          | QItemSelectionModel.Rows)
    target = app_env / "chosen" / "my report"
    target.parent.mkdir()
    asked: list[str] = []

    def choose(parent, caption, suggested, filters):  # the person types a name without ".pdf"
        asked.append(Path(suggested).name)
        return str(target), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert history.report_button.isEnabled()
    history.report_button.click()
    saved = target.with_name("my report.pdf")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Report saved as {saved}.", timeout=30000)
    assert asked and asked[0].startswith("speakcheck-report-") and asked[0].endswith(".pdf")
    assert "Result B1" in pdf_text(saved)
