"""Screenshots of the first-run setup's three steps, in docs/screenshots/:
31: the microphone, after a test recording was judged and played back;
32: how answers are assessed, a compatible server chosen and tested;
33: sync to MongoDB, chosen and tested.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/first_run_screenshots.py

Drives the real setup window over the real app with the test parts (the virtual microphone, the
test AI server, a test MongoDB server), so it needs the test setup (scripts/setup.sh test). The
app's data and config go to a temporary folder: what the setup saves touches nothing of yours."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    for name in ("MONGODB_URI", "MONGODB_DB", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        os.environ.pop(name, None)  # a first run: nothing set up
    os.environ.update({"SPEAKCHECK_DATA_DIR": str(tmp / "data"), "SPEAKCHECK_CONFIG_DIR": str(tmp / "config")})
    from tests.fake_openai import FakeOpenAI, serve_models
    from tests.mongo_server import MongoTestServer
    from tests.rig import screenshot, wait_for
    from tests.virtual_mic import VirtualMicrophone

    mic = VirtualMicrophone(tmp / "pulse")
    os.environ.update(mic.env)  # before PortAudio is first loaded
    mic.start()
    mongo = MongoTestServer(tmp / "mongo")
    mongo.start()
    ai = FakeOpenAI()
    ai.start()
    serve_models(ai, "gpt-4o-mini")

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWizard

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import config_dir, load_settings
    from speakcheck_desktop.services.connection_checks import ConnectionChecks
    from speakcheck_desktop.services.settings_service import SettingsService
    from speakcheck_desktop.ui.first_run import TESTING, FirstRunWizard
    from speakcheck_desktop.ui.main_window import MainWindow
    from tests.answers import SENTENCES, make_answer

    app = QApplication([])  # noqa: F841 - must live as long as the windows
    services = build_services(load_settings(), api_key=None)
    window = MainWindow(services)
    window.resize(1360, 860)
    window.show()
    services.start()
    checks = ConnectionChecks(SettingsService(config_dir()))
    wizard = FirstRunWizard(services, checks, parent=window)
    wizard.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def click(widget) -> None:
        QTest.mouseClick(widget, Qt.LeftButton, pos=QPoint(8, widget.height() // 2))

    page = wizard.microphone
    wait_for(lambda: page.devices_known, 20)
    speech = make_answer(tmp / "speech", SENTENCES[:2], [0.4], lead_s=0.3)
    player = mic.play(speech.path)
    QTest.mouseClick(page.record, Qt.LeftButton)
    wait_for(lambda: page.status.text().startswith("Played back"), 30, lambda: page.status.text())
    player.wait(10)
    screenshot(wizard, OUT / "31-setup-microphone.png")

    QTest.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    assessment = wizard.assessment
    click(assessment.server)
    assessment.address.setText(ai.base_url)
    QTest.mouseClick(assessment.test_server, Qt.LeftButton)
    wait_for(lambda: assessment.server_result.text() not in ("", TESTING), 20)
    screenshot(wizard, OUT / "32-setup-assessment.png")

    QTest.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    sync = wizard.sync
    click(sync.mongodb)
    sync.uri.setText(mongo.uri)
    QTest.mouseClick(sync.test, Qt.LeftButton)
    wait_for(lambda: sync.result.text() not in ("", TESTING), 20)
    screenshot(wizard, OUT / "33-setup-sync.png")

    wizard.reject()
    checks.shutdown()
    window.close()
    services.shutdown()
    ai.stop()
    mongo.stop()
    mic.kill()


if __name__ == "__main__":
    main()
