"""Make sample score reports (a reviewed kiosk candidate with a logo, a mock test) in a temporary
store, print them with the app's own code, and render their pages to PNG in docs/ to look at:

    .venv/bin/python scripts/report_pages.py

docs/report-practice-1.png, docs/report-mock-1.png, ... (pages rendered by Qt's PDF module)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from speakcheck_desktop.assess.session_report import session_report  # noqa: E402
from speakcheck_desktop.assess.test_results import conclude  # noqa: E402
from speakcheck_desktop.core.candidate import Candidate  # noqa: E402
from speakcheck_desktop.core.records import SCORE_KEYS, Level  # noqa: E402
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating  # noqa: E402
from speakcheck_desktop.core.task_bank import TaskBank  # noqa: E402
from speakcheck_desktop.core.test_plan import mock_plan  # noqa: E402
from speakcheck_desktop.resources import load_mock_tests, resource_path  # noqa: E402
from speakcheck_desktop.services.report_pdf import write_report_pdf  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from speakcheck_desktop.store.reviews import add_review, hold_for_review  # noqa: E402
from tests.pdf_checks import render_pages  # noqa: E402


def logo(path: Path) -> Path:
    image = QImage(420, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    p = QPainter(image)
    p.setBrush(QColor("#1d6b8f"))
    p.setPen(QColor("#1d6b8f"))
    p.drawEllipse(6, 6, 108, 108)
    font = QFont()
    font.setPixelSize(44)
    font.setBold(True)
    p.setFont(font)
    p.drawText(130, 78, "Riverside")
    p.end()
    image.save(str(path))
    return path


def main() -> None:
    QApplication([])
    tasks = TaskBank.load(resource_path("tasks.json"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with LocalStore.open(folder / "s.db", folder / "rec") as store:
            candidate = Candidate(candidate_id="RLC-0042", centre="Riverside Language Centre", name="Zoë Brontë")
            store.ensure_user(candidate.user_id, candidate.name)
            session = store.start_session("B1", user_id=candidate.user_id,
                                          metadata={"task_id": "b1-describe-1", **candidate.metadata()})
            recording = store.add_recording(session.id, str(folder / "a.flac"), duration_s=64.0)
            transcript = store.add_transcript(recording.id, "text", "en", "local", "faster-whisper tiny.en int8")
            measured = {"fluency": {"speaking_time_s": 58.2, "speech_rate_wpm": 104.0, "pause_count": 9,
                                    "mean_length_of_run": 7.4},
                        "vocabulary": {"words": 101, "known": 96, "b2_and_above": 0.12, "mtld": 58.0}}
            ai = store.add_evaluation(
                transcript.id, Level.B1, 0.48, {"fluency": 5.0, "accuracy": 5.5, "grammar": 4.5, "vocabulary": 6.0,
                                                "coherence": 5.5},
                "Keeps going on a familiar topic with noticeable pauses; errors with past tenses.",
                [{"text": "Use the past simple for finished actions.", "quote": "last year I go there",
                  "start_s": 21.4, "end_s": 23.0},
                 {"text": "Give a reason after your opinion: 'because…'.", "quote": "I like it, it is nice",
                  "start_s": 40.2, "end_s": 42.1}], provenance=measured)
            store.end_session(session.id)
            hold_for_review(store, session.id, 0.48, 0.6)
            add_review(store, transcript.id, examiner_rating(
                examiner="E. Okafor", role=ReviewRole.FIRST, decision=ReviewDecision.OWN, ai=ai, level=Level.B1,
                scores={"fluency": 5.5, "accuracy": 5.0, "grammar": 5.0, "vocabulary": 6.0, "coherence": 6.0},
                reason="A steady B1: the pauses are for words, not for ideas; past tenses still slip."))
            plan = mock_plan(next(t for t in load_mock_tests() if t.id == "b2-mock-01"))
            mock = store.start_session("B2", metadata=plan.to_metadata())
            for i, step in enumerate(plan.steps):
                rec = store.add_recording(mock.id, str(folder / f"{i}.flac"), duration_s=step.task.speak_s,
                                          question_id=step.task.id)
                tr = store.add_transcript(rec.id, "text", "en", "openai", "whisper-1")
                score = 6.0 + (i % 3) * 0.5
                store.add_evaluation(tr.id, Level.B2, 0.74, dict.fromkeys(SCORE_KEYS, score),
                                     "Fairly even tempo; a good range of words for the topic.",
                                     [{"text": "Vary your linking words: 'however', 'on the other hand'."}],
                                     provenance={"fluency": {"speaking_time_s": step.task.speak_s * 0.8,
                                                             "speech_rate_wpm": 128.0 + i,
                                                             "pause_count": 3, "mean_length_of_run": 11.2}})
            store.end_session(mock.id)
            conclude(store, mock.id, plan)
            for name, sid, with_logo in (("practice", session.id, True), ("mock", mock.id, False)):
                report = session_report(store, sid, tasks)
                assert report is not None
                pdf = folder / f"{name}.pdf"
                write_report_pdf(report, pdf, logo=logo(folder / "logo.png") if with_logo else None)
                for page in render_pages(pdf, REPO / "docs" / f"report-{name}"):
                    print(page.relative_to(REPO))


if __name__ == "__main__":
    main()
