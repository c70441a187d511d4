"""The result panes under a dark palette (Fusion), to check that the app's own colours stay
readable when the system is dark. Saves docs/screenshots/10-dark-palette.png.

    .venv/bin/python scripts/screenshot_dark_palette.py
"""

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DARK = {"Window": "#2b2b2b", "WindowText": "#e6e6e6", "Base": "#1e1e1e", "AlternateBase": "#2b2b2b",
        "Text": "#e6e6e6", "Button": "#3a3a3a", "ButtonText": "#e6e6e6", "Highlight": "#3b7dd8",
        "HighlightedText": "#ffffff", "Mid": "#555555", "PlaceholderText": "#8a8a8a"}
FLUENCY = {"speaking_time_s": 52, "words": 140, "speech_rate_wpm": 150, "articulation_rate_wpm": 170,
           "pause_count": 9, "longest_pause_s": 1.4, "mean_length_of_run": 14, "distinct_words": 80}


def timed(words: list[str], start: float) -> list[dict]:
    return [{"word": w, "start": start + i * 0.5, "end": start + i * 0.5 + 0.4} for i, w in enumerate(words)]


def main() -> None:
    tmp = tempfile.mkdtemp()
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "SPEAKCHECK_DATA_DIR": tmp + "/d",
                       "SPEAKCHECK_CONFIG_DIR": tmp + "/c", "MONGODB_URI": "mongodb://127.0.0.1:9",
                       "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.2"})
    sys.path.insert(0, str(ROOT))
    from bson import ObjectId
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.records import Evaluation
    from speakcheck_desktop.core.results import AnswerResult, AnswerState
    from speakcheck_desktop.ui.main_window import MainWindow

    app = QApplication([])
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    for role, color in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    app.setPalette(palette)
    services = build_services(load_settings(), api_key=None)
    window = MainWindow(services)
    window.resize(1360, 860)
    window.show()
    evaluation = Evaluation(
        id=ObjectId(), transcript_id=ObjectId(), overall_level="B2", confidence=0.71,
        scores={"fluency": 6.5, "accuracy": 6, "grammar": 6, "vocabulary": 7, "coherence": 6.5},
        rationale="Clear, detailed description with a good range of vocabulary.",
        tips=[{"text": "Vary your linking words.", "quote": "and then", "start_s": 3.0, "end_s": 4.0}],
        created_at=datetime.now(UTC))
    segments = [{"start": 0, "end": 5, "text": "I live by the sea.",
                 "words": timed(["I", "live", "by", "the", "sea"], 0)},
                {"start": 7, "end": 9, "text": "It is nice.", "words": timed(["It", "is", "nice"], 7)}]
    window.flow.show_result(AnswerResult(state=AnswerState.ASSESSED, transcript="I live by the sea. It is nice.",
                                         segments=segments, fluency=FLUENCY, pauses=((2.5, 7.0),),
                                         evaluation=evaluation))
    window.show_error("The transcription service at http://localhost:8000/v1 cannot be reached (offline?). It will "
                      "be tried again when the connection is back; your recording is kept.")
    window.panel.show_level(-18, -6)

    def save() -> None:
        window.grab().save(str(ROOT / "docs" / "screenshots" / "10-dark-palette.png"))
        app.quit()
    QTimer.singleShot(1500, save)
    app.exec()
    services.shutdown()


if __name__ == "__main__":
    main()
