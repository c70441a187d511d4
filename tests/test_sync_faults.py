"""Sync under faults: MongoDB down, MongoDB stopped mid-pass, the sync process SIGKILLed at each
step, and a device clock that is wrong or goes backwards. Each ends with every document in
MongoDB exactly once and nothing stuck in the outbox."""

import random
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from speakcheck_desktop.core.records import COLLECTIONS, EventType
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.remote.sync_status import SyncState
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.retention import delete_session
from tests.collection_dumps import dump, local_docs
from tests.factories import complete_session
from tests.mongo_server import MongoTestServer, free_port

REPO = Path(__file__).resolve().parent.parent


def assert_mirrored_exactly(store: LocalStore, db) -> None:
    """MongoDB holds every local document, as it is here, once; nothing else; nothing pending."""
    assert dump(db) == local_docs(store)
    for collection in COLLECTIONS:
        assert db[collection].count_documents({}) == store.count(collection)
    assert store.outbox.counts() == {"pending": 0, "dead": 0}
    assert store.integrity_check() == ["ok"]


def wait_until(condition, timeout=20.0, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError("condition not met in time")


def test_mongodb_down_at_start_the_store_works_and_sync_waits(store, clock):
    mirror = MongoMirror(f"mongodb://127.0.0.1:{free_port()}", "speak_check", timeout_s=0.2)
    relay = OutboxRelay(store, mirror, clock=clock, rng=random.Random(1), backoff_base_s=1, backoff_cap_s=16)

    session, *_ = complete_session(store)  # works with no MongoDB at all
    expected = [1, 2, 4, 8, 16, 16, 16]
    for delay in expected:
        report = relay.run_pass()  # raises nothing
        assert report.offline and "did not answer" in report.offline
        assert 0.5 * delay <= relay.seconds_until_next_try() <= delay
    assert store.outbox.counts() == {"pending": 8, "dead": 0}
    status = relay.status()
    assert status.state is SyncState.OFFLINE and status.pending == 8 and status.last_success is None
    assert store.get_session_detail(session.id).session == session
    clock.advance(16)
    assert relay.seconds_until_next_try() == 0
    mirror.close()


def test_background_sync_delivers_once_mongodb_comes_up(tmp_path, data_dir):
    """The relay thread starts while MongoDB is down, backs off, and delivers when it is up."""
    server = MongoTestServer(tmp_path / "mongo")
    writer = LocalStore.open(data_dir / "speakcheck.db")
    relay_store = LocalStore.open(data_dir / "speakcheck.db")
    mirror = MongoMirror(server.uri, "speak_check", timeout_s=0.3)
    relay = OutboxRelay(relay_store, mirror, backoff_base_s=0.2, backoff_cap_s=1)
    thread = threading.Thread(target=relay.run_forever, kwargs={"idle_s": 0.2})
    try:
        complete_session(writer)
        thread.start()
        wait_until(lambda: relay.status().state is SyncState.OFFLINE)
        server.start()
        wait_until(lambda: writer.outbox.counts()["pending"] == 0)
        complete_session(writer, "C1")
        relay.nudge()
        wait_until(lambda: writer.outbox.counts()["pending"] == 0)
        assert mirror.count("events") == 8 and mirror.count("sessions") == 2
    finally:
        relay.stop()
        thread.join(timeout=10)
        assert not thread.is_alive()
        mirror.close()
        server.stop()
        writer.close()
        relay_store.close()


@pytest.mark.needs_restartable_mongo
def test_mongodb_stopped_mid_pass_and_restarted_ends_with_everything_once(store, clock, restartable_mongo):
    for level in ["A2", "B1", "B2", "C1"] * 3:
        complete_session(store, level)
    mirror = MongoMirror(restartable_mongo.uri, "speak_check", timeout_s=1)
    marked = 0

    def stop_server_mid_pass(step):
        nonlocal marked
        if step == "batch_marked":
            marked += 1
            if marked == 3:
                restartable_mongo.stop()

    relay = OutboxRelay(store, mirror, clock=clock, batch_size=5, on_step=stop_server_mid_pass)
    report = relay.run_pass()
    assert report.offline
    assert 0 < store.outbox.counts()["pending"] < 96

    restartable_mongo.start()
    report = relay.run_pass()
    assert report.ok
    assert_mirrored_exactly(store, mirror.db)
    mirror.close()


KILL_POINTS = [
    ("batch_read", 1), ("batch_read", 4),
    ("batch_pushed", 1), ("batch_pushed", 5),  # MongoDB has it, the outbox does not know yet
    ("batch_marked", 2), ("batch_marked", 9),
    ("checked", 1), ("pass_done", 1),
]


@pytest.mark.parametrize("step, nth", KILL_POINTS)
def test_sync_killed_at_each_step_then_restarted_loses_and_duplicates_nothing(data_dir, clock, mongo_uri, mongo_db,
                                                                              step, nth):
    path = data_dir / "speakcheck.db"
    with LocalStore.open(path, clock=clock) as store:
        for level in ["A2", "B1", "B2", "C1"] * 3:
            complete_session(store, level)
        doomed, *_ = complete_session(store, "B1")
        delete_session(store, doomed.id)  # deletes in the same pass

    child = subprocess.run([sys.executable, "-m", "tests.sync_child", str(path), mongo_uri, mongo_db.name,
                            step, str(nth), "7"], cwd=REPO, capture_output=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]

    with LocalStore.open(path, clock=clock) as store:  # opening runs the integrity check
        mirror = MongoMirror(mongo_uri, mongo_db.name)
        report = OutboxRelay(store, mirror, clock=clock).run_pass()
        assert report.ok and not report.dead_lettered
        assert_mirrored_exactly(store, mongo_db)
        assert mongo_db.sessions.count_documents({}) == 12
        mirror.close()


@pytest.mark.parametrize("shift", [timedelta(days=1), timedelta(days=-1)], ids=["a day ahead", "a day behind"])
def test_a_wrong_device_clock_loses_nothing(store, relay, clock, mongo_db, shift):
    complete_session(store, "B1")
    clock.set_wall(clock.wall + shift)
    session, *_ = complete_session(store, "B2")
    clock.set_wall(clock.wall - shift)  # corrected again
    complete_session(store, "C1")
    assert relay.run_pass().ok
    assert_mirrored_exactly(store, mongo_db)
    stored = mongo_db.sessions.find_one({"_id": session.id})
    assert stored["started_at"] == session.started_at  # kept as the device said, not "fixed"


def test_a_clock_going_backwards_keeps_order_and_loses_nothing(store, relay, clock, mongo_db):
    sessions = []
    for _ in range(3):
        session, recording, transcript, _ = complete_session(store, "B1", end=False)
        clock.advance(-7200)  # back two hours, between and inside sessions
        store.add_event(session.id, EventType.RESUME)
        store.end_session(session.id)
        sessions.append(session)
    assert relay.run_pass().ok
    assert_mirrored_exactly(store, mongo_db)
    for session in sessions:
        types = [e["type"] for e in mongo_db.events.find({"session_id": session.id}).sort("created_at", 1)]
        assert types == ["start", "record_stop", "transcribe", "evaluate", "resume"]
        stored = mongo_db.sessions.find_one({"_id": session.id})
        assert stored["ended_at"] > stored["started_at"]


class OrderRecordingMirror(MongoMirror):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls = []

    def write(self, collection, docs):
        self.calls.append(("write", collection))
        return super().write(collection, docs)

    def delete(self, collection, ids):
        self.calls.append(("delete", collection))
        return super().delete(collection, ids)


def test_parents_are_written_before_children_and_deleted_after_them(store, clock, mongo_uri, mongo_db):
    user = store.add_user(name="Kim")
    # made in child-to-parent order across sessions, so seq order alone would be wrong
    first, *_ = complete_session(store, "A2", user_id=user.id)
    doomed, *_ = complete_session(store, "B1")
    mirror = OrderRecordingMirror(mongo_uri, mongo_db.name)
    OutboxRelay(store, mirror, clock=clock).run_pass()
    assert mirror.calls == [("write", c) for c in COLLECTIONS]
    mirror.calls.clear()
    delete_session(store, doomed.id)
    OutboxRelay(store, mirror, clock=clock).run_pass()
    assert mirror.calls == [("delete", c) for c in reversed(COLLECTIONS) if c != "users"]
    mirror.close()
