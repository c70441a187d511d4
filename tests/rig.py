"""All the real parts the app talks to, started together for scripts that drive the whole app
(the screenshots, the GUI benchmark): the virtual microphone, a test MongoDB server and the test
AI server, with the environment pointing the app at them and at a temporary data dir."""

from __future__ import annotations

import os
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
