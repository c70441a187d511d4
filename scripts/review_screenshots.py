"""Screenshots of the Review workspace, in docs/screenshots/:
23: first marking, a result held "under review" chosen, with the AI's evaluation beside it;
24: blind second marking of the same answer (the AI's and the first examiner's results hidden);
25: the agreement figures on the reviewed answers.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/review_screenshots.py

The store is filled with kiosk sessions of a centre (generated ratings: the AI and two examiners
agreeing as they might); no server is needed."""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"
TEXT = ("Well, I think working from home is good for many people, because you save the time of travelling, "
        "but sometimes you feel alone and it is difficult to stop working in the evening.")


def fill(store, rng: random.Random) -> None:
    from speakcheck_desktop.core.records import SCORE_KEYS, Level
    from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating
    from speakcheck_desktop.store.reviews import add_review, hold_for_review

    levels = [lv.value for lv in Level]
    for i in range(48):
        ai = rng.randrange(4)
        session = store.start_session(levels[ai], metadata={"task_id": f"{levels[ai].lower()}-describe-1",
                                                            "centre": "Riverside", "candidate_id": f"RV-{1040 + i}"})
        recording = store.add_recording(session.id, f"/srv/{session.id}.flac", duration_s=58.0, sample_rate=16000)
        transcript = store.add_transcript(recording.id, TEXT, "en", "openai", "whisper-1",
                                          event_details={"fluency": {"speaking_time_s": 51.0, "words": 104,
                                                                     "speech_rate_wpm": 122.0, "pause_count": 6,
                                                                     "longest_pause_s": 1.8}})
        scores = {k: round(min(10.0, max(0.0, 2.5 + 2 * ai + rng.uniform(-1, 1))) * 2) / 2 for k in SCORE_KEYS}
        confidence = round(rng.uniform(0.35, 0.9), 2)
        tips = [{"text": "Give an example for each reason.", "quote": "good for many people"}]
        evaluation = store.add_evaluation(transcript.id, levels[ai], confidence, scores,
                                          "Ideas are linked with simple connectors; some hesitation.", tips)
        store.end_session(session.id)
        if i < 40:  # reviewed: the examiner mostly agrees, sometimes one level off
            human = max(0, min(3, ai + rng.choice([0, 0, 0, 1, -1])))
            own = {k: max(0.0, min(10.0, v + rng.choice([-0.5, 0, 0.5]))) for k, v in scores.items()}
            add_review(store, transcript.id, examiner_rating(
                examiner="Ana Ruiz", role=ReviewRole.FIRST, decision=ReviewDecision.OWN, ai=evaluation,
                level=levels[human], scores=own, reason="Heard on the recording."))
            if i % 2 == 0:
                second = max(0, min(3, human + rng.choice([0, 0, 0, 1, -1])))
                add_review(store, transcript.id, examiner_rating(
                    examiner="Li Wei", role=ReviewRole.SECOND, decision=ReviewDecision.OWN, ai=None,
                    level=levels[second], scores=own))
        elif confidence < 0.6:
            hold_for_review(store, session.id, confidence, 0.6)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["SPEAKCHECK_DATA_DIR"] = str(tmp / "data")
    os.environ["SPEAKCHECK_CONFIG_DIR"] = str(tmp / "config")
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.store.local_store import LocalStore
    from speakcheck_desktop.ui.main_window import MainWindow
    from tests.rig import screenshot, wait_for

    settings = load_settings()
    with LocalStore.open(settings.database_path, settings.recordings_dir) as store:
        fill(store, random.Random(11))
    app = QApplication([])  # noqa: F841 - must live as long as the window
    services = build_services(settings, api_key=None, sync=False)
    window = MainWindow(services)
    window.show()
    window.open_review()
    workspace = window.review
    workspace.resize(1366, 900)
    wait_for(lambda: workspace.queue_note.text().endswith("to review."), 30)
    workspace.examiner.setText("Ana Ruiz")
    workspace.table.selectRow(0)
    wait_for(lambda: workspace.subject is not None and workspace.rating_box.isEnabled(), 30)
    OUT.mkdir(parents=True, exist_ok=True)
    screenshot(workspace, OUT / "23-review-first-marking.png")
    workspace.role.setCurrentIndex(1)
    wait_for(lambda: workspace.queue_note.text().endswith("to review.") and workspace.subject is None, 30)
    workspace.examiner.setText("Li Wei")
    workspace.table.selectRow(0)
    wait_for(lambda: workspace.subject is not None and workspace.rating_box.isEnabled(), 30)
    screenshot(workspace, OUT / "24-review-blind.png")
    workspace.compute.click()
    wait_for(lambda: "QWK" in workspace.agreement.toPlainText(), 30)
    screenshot(workspace, OUT / "25-review-agreement.png")
    services.shutdown()


if __name__ == "__main__":
    main()
