"""All the real parts the app talks to, started together for scripts that drive the whole app
(the screenshots, the GUI benchmark): the virtual microphone, a test MongoDB server and the test
AI server, with the environment pointing the app at them and at a temporary data dir."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.fake_openai import FakeOpenAI
from tests.mongo_server import MongoTestServer
from tests.virtual_mic import VirtualMicrophone


@dataclass
class Rig:
    mic: VirtualMicrophone
    mongo: MongoTestServer
    ai: FakeOpenAI

    @classmethod
    def start(cls, tmp: Path, **env: str) -> Rig:
        mic = VirtualMicrophone(tmp / "pulse")
        os.environ.update(mic.env)  # before PortAudio is first loaded
        mic.start()
        mongo = MongoTestServer(tmp / "mongo")
        mongo.start()
        ai = FakeOpenAI()
        ai.start()
        os.environ.update({"SPEAKCHECK_DATA_DIR": str(tmp / "data"), "SPEAKCHECK_CONFIG_DIR": str(tmp / "config"),
                           "MONGODB_URI": mongo.uri, "OPENAI_BASE_URL": ai.base_url, **env})
        return cls(mic, mongo, ai)

    def stop(self) -> None:
        self.ai.stop()
        self.mongo.stop()
        self.mic.kill()


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, state: Callable[[], str] = lambda: "") -> None:
    """Let Qt run until `condition()` holds; on timeout say what state the window was in."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTest import QTest
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"state not reached: {state()}")
        QCoreApplication.processEvents()
        QTest.qWait(50)


def screenshot(widget, path: Path) -> None:
    """Save what `widget` shows, after letting it settle."""
    from PySide6.QtTest import QTest
    QTest.qWait(400)
    widget.grab().save(str(path))
    print("saved", path.stem)
