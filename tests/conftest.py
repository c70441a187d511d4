"""Shared fixtures: a real MongoDB-wire-protocol server for the whole run (or MONGODB_TEST_URI),
a fresh database per test, a local store in a temp data dir, and a settable clock."""

from __future__ import annotations

import os
import random
import uuid

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
