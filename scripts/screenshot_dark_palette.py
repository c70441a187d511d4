"""The result panes under a dark palette (Fusion), to check that the app's own colours stay
readable when the system is dark. Saves docs/screenshots/10-dark-palette.png.

    .venv/bin/python scripts/screenshot_dark_palette.py
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["QT_QPA_PLATFORM"] = "offscreen"
tmp = tempfile.mkdtemp()
os.environ.update({"SPEAKCHECK_DATA_DIR": tmp + "/d", "SPEAKCHECK_CONFIG_DIR": tmp + "/c", "MONGODB_URI": "mongodb://127.0.0.1:9", "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.2"})
sys.path.insert(0, str(ROOT))
from PySide6.QtWidgets import QApplication, QStyleFactory
from PySide6.QtGui import QPalette, QColor
from PySide6.QtCore import QTimer
from datetime import datetime, timezone
from bson import ObjectId
app = QApplication([])
app.setStyle(QStyleFactory.create("Fusion"))
p = QPalette()
for role, color in [(QPalette.Window, "#2b2b2b"), (QPalette.WindowText, "#e6e6e6"), (QPalette.Base, "#1e1e1e"), (QPalette.AlternateBase, "#2b2b2b"), (QPalette.Text, "#e6e6e6"), (QPalette.Button, "#3a3a3a"), (QPalette.ButtonText, "#e6e6e6"), (QPalette.Highlight, "#3b7dd8"), (QPalette.HighlightedText, "#ffffff"), (QPalette.Mid, "#555555"), (QPalette.PlaceholderText, "#8a8a8a")]:
    p.setColor(role, QColor(color))
app.setPalette(p)
from speakcheck_desktop.app import build_services
from speakcheck_desktop.config import load_settings
from speakcheck_desktop.ui.main_window import MainWindow
from speakcheck_desktop.core.records import Evaluation
services = build_services(load_settings(), api_key=None)
w = MainWindow(services); w.resize(1360, 860); w.show()
ev = Evaluation(id=ObjectId(), transcript_id=ObjectId(), overall_level="B2", confidence=0.71, scores={"fluency": 6.5, "accuracy": 6, "grammar": 6, "vocabulary": 7, "coherence": 6.5}, rationale="Clear, detailed description with a good range of vocabulary.", tips=[{"text": "Vary your linking words.", "quote": "and then", "start_s": 3.0, "end_s": 4.0}], created_at=datetime.now(timezone.utc))
w.scores.show_evaluation(ev, {"speaking_time_s": 52, "words": 140, "speech_rate_wpm": 150, "articulation_rate_wpm": 170, "pause_count": 9, "longest_pause_s": 1.4, "mean_length_of_run": 14, "distinct_words": 80})
segs = [{"start": 0, "end": 5, "text": "I live by the sea.", "words": [{"word": w, "start": i * 0.5, "end": i * 0.5 + 0.4} for i, w in enumerate(["I", "live", "by", "the", "sea"])]}, {"start": 7, "end": 9, "text": "It is nice.", "words": [{"word": w, "start": 7 + i * 0.5, "end": 7.4 + i * 0.5} for i, w in enumerate(["It", "is", "nice"])]}]
w.transcript.show_transcript("I live by the sea. It is nice.", segs, [(2.5, 7.0)])
w.show_error("The transcription service at http://localhost:8000/v1 cannot be reached (offline?). It will be tried again when the connection is back; your recording is kept.")
w.panel.meter.set_level(-18, -6)
QTimer.singleShot(1500, lambda: (w.grab().save(str(ROOT / "docs" / "screenshots" / "10-dark-palette.png")), app.quit()))
app.exec(); services.shutdown()
