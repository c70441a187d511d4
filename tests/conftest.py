"""Shared fixtures: a real MongoDB-wire-protocol server for the whole run (or MONGODB_TEST_URI),
a fresh database per test, a local store in a temp data dir, a settable clock, and the
environment the admin CLI is run with (`cli_env`, see tests/cli_rig.py)."""

from __future__ import annotations

import os
import random
import uuid

# No screen on CI machines: Qt draws offscreen unless a test run asks for a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pymongo import MongoClient

from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.store.local_store import LocalStore
from tests.fakes import FakeClock
from tests.mongo_server import MongoTestServer

EXTERNAL_MONGO = os.environ.get("MONGODB_TEST_URI")


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory):
    if EXTERNAL_MONGO:
        yield EXTERNAL_MONGO
        return
    with MongoTestServer(tmp_path_factory.mktemp("mongo") / "data") as server:
        yield server.uri


@pytest.fixture
def mongo_db(mongo_uri):
    """A database of its own for each test, dropped afterwards."""
    client = MongoClient(mongo_uri, tz_aware=True, serverSelectionTimeoutMS=5000)
    name = f"speakcheck_test_{uuid.uuid4().hex[:12]}"
    yield client[name]
    client.drop_database(name)
    client.close()


@pytest.fixture
def restartable_mongo(tmp_path):
    """A server of the test's own, which the test may stop and start again."""
    if EXTERNAL_MONGO:
        pytest.skip("stops and restarts MongoDB: runs only against the bundled test server")
    server = MongoTestServer(tmp_path / "mongo")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir, clock):
    s = LocalStore.open(data_dir / "speakcheck.db", clock=clock)
    yield s
    s.close()


@pytest.fixture
def mirror(mongo_uri, mongo_db):
    m = MongoMirror(mongo_uri, mongo_db.name, timeout_s=5)
    yield m
    m.close()


@pytest.fixture
def relay(store, mirror, clock):
    return OutboxRelay(store, mirror, clock=clock, rng=random.Random(7))


@pytest.fixture(scope="session")
def virtual_mic(tmp_path_factory):
    """A private PulseAudio daemon whose virtual speaker feeds the default microphone. The
    environment points PortAudio at it before the first recording."""
    from tests.virtual_mic import VirtualMicrophone
    if not VirtualMicrophone.available():
        raise RuntimeError("PulseAudio is not installed: run scripts/setup.sh test (it installs pulseaudio, "
                           "pulseaudio-utils and libasound2-plugins)")
    mic = VirtualMicrophone(tmp_path_factory.mktemp("pulse"))
    saved = {k: os.environ.get(k) for k in mic.env}
    os.environ.update(mic.env)
    mic.start()
    from speakcheck_desktop.audio.devices import refresh_devices
    refresh_devices()
    yield mic
    mic.kill()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory):
    """About 6 s of clear English speech (Debian's flite, voice slt, 16 kHz mono)."""
    import shutil
    import subprocess
    if not shutil.which("flite"):
        raise RuntimeError("flite is not installed: run scripts/setup.sh test")
    path = tmp_path_factory.mktemp("speech") / "speech.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", "I would like to describe my home town. It is a small place "
                    "by the sea, with a harbour and a busy market.", "-o", str(path)], check=True)
    return path


@pytest.fixture
def fake_openai():
    """An OpenAI-compatible server on localhost with scripted answers (tests/fake_openai.py)."""
    from tests.fake_openai import FakeOpenAI
    server = FakeOpenAI()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """The app's data and config in the test's temp dir; short timeouts for servers that are away."""
    monkeypatch.setenv("SPEAKCHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SPEAKCHECK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SPEAKCHECK_MONGODB_TIMEOUT_S", "1")
    monkeypatch.setenv("SPEAKCHECK_AI_TIMEOUT_S", "10")
    return tmp_path


@pytest.fixture
def running(qtbot):
    """Start the whole app (`running(**build_services arguments)`, tests/app_rig.py); every app
    started is closed and its threads joined at the end of the test."""
    from tests.app_rig import Running
    apps = []

    def start(**kwargs):
        apps.append(Running(qtbot, **kwargs))
        return apps[-1]
    yield start
    for app in apps:
        app.close()


@pytest.fixture
def cli_env(tmp_path, mongo_uri, mongo_db):
    return {**os.environ, "SPEAKCHECK_DATA_DIR": str(tmp_path / "data"), "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "cfg"),
            "MONGODB_URI": mongo_uri, "MONGODB_DB": mongo_db.name, "SPEAKCHECK_MONGODB_TIMEOUT_S": "1"}
