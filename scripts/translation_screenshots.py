"""Screenshots of the main window, idle, in other languages, in docs/screenshots/:
34: Spanish; 35: Simplified Chinese; 36: Arabic's right-to-left layout (its text still English:
there is no Arabic translation yet, and the mirrored layout is what is checked).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/translation_screenshots.py

The translations are compiled from resources/translations/*.ts into a temporary folder first, so
the shots show the .ts files as they are now. Chinese needs a CJK font (scripts/setup.sh installs
fonts-wqy-microhei). The app's data and config go to a temporary folder; no MongoDB, AI server or
microphone is needed (the status line says so)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"
SHOTS = (("es", "34-es-start"), ("zh_CN", "35-zh-start"), ("ar", "36-rtl-start"))


def compile_translations(folder: Path) -> Path:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    for ts in sorted((ROOT / "resources" / "translations").glob("speakcheck_*.ts")):
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(folder / ts.with_suffix(".qm").name)],
                       check=True)
    return folder


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    for name in ("MONGODB_URI", "MONGODB_DB", "OPENAI_BASE_URL", "OPENAI_API_KEY", "SPEAKCHECK_LANGUAGE"):
        os.environ.pop(name, None)
    os.environ.update({"SPEAKCHECK_DATA_DIR": str(tmp / "data"), "SPEAKCHECK_CONFIG_DIR": str(tmp / "config"),
                       "SPEAKCHECK_MONGODB_TIMEOUT_S": "1"})
    qm = compile_translations(tmp)
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.ui.main_window import MainWindow
    from speakcheck_desktop.ui.translations import install_translations
    from tests.rig import screenshot, wait_for

    app = QApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    for language, name in SHOTS:
        install_translations(app, language, qm)  # before the window: it sets its words when it is made
        services = build_services(load_settings(), api_key="sk-demo")
        window = MainWindow(services)
        window.resize(1360, 860)
        window.show()
        services.start()
        # The window opens on a mock test: wait until the task card shows it, and the status line
        # says what came of looking for a microphone.
        wait_for(lambda shown=window: shown.task_card.plan is not None and shown.mic_label.text() != shown.tr(
            "Microphone: not checked"), 20)
        screenshot(window, OUT / f"{name}.png")
        window.close()
        services.shutdown()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
