"""Sync against a real MongoDB-wire-protocol server: the seed's documents and indexes, idempotent
replays, dead letters, updates, deletes, the check after a pass, and pull."""

from datetime import UTC

from bson import ObjectId
from pymongo import ASCENDING, DESCENDING

from speakcheck_desktop.remote.mongo_mirror import MongoMirror, WriteOutcome
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.remote.pull import fetch_session, list_remote_only_sessions
from speakcheck_desktop.remote.sync_status import SyncState
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.retention import delete_session
from tests.collection_dumps import dump, local_docs
from tests.factories import complete_session
from tests.fakes import FakeClock
from tests.seed_schema import SEED_FIELDS


def test_synced_documents_match_the_seed_field_by_field(store, relay, mongo_db):
    user = store.add_user(name="Ana", email="ana@example.org")
    complete_session(store, "B2", user_id=user.id)

    report = relay.run_pass()

    assert report.ok and sum(report.pushed.values()) == 9
    for cls, fields in SEED_FIELDS.items():
        docs = list(mongo_db[cls.collection].find())
        assert docs, cls.collection
        for doc in docs:
            assert set(doc) == fields, cls.collection
    session = mongo_db.sessions.find_one()
    assert session["user_id"] == user.id and isinstance(session["_id"], ObjectId)
    assert session["status"] == "completed" and session["level"] == "B2"
    evaluation = mongo_db.evaluations.find_one()
    assert set(evaluation["scores"]) == {"fluency", "accuracy", "grammar", "vocabulary", "coherence"}
    assert 0 <= evaluation["confidence"] <= 1
    assert mongo_db.recordings.find_one()["channels"] == 1
    assert dump(mongo_db) == local_docs(store)
    assert store.outbox.counts() == {"pending": 0, "dead": 0}
    assert relay.status().state is SyncState.SYNCED


def test_dates_round_trip_timezone_aware(store, relay, mongo_uri, mongo_db):
    session, *_ = complete_session(store)
    relay.run_pass()
    stored = mongo_db.sessions.find_one({"_id": session.id})
    assert stored["started_at"] == session.started_at
    assert stored["started_at"].utcoffset().total_seconds() == 0
    # a client without tz_aware sees the same instant as naive UTC: it was stored as UTC
    from pymongo import MongoClient
    with MongoClient(mongo_uri) as naive:
        raw = naive[mongo_db.name].sessions.find_one({"_id": session.id})["started_at"]
    assert raw.replace(tzinfo=UTC) == session.started_at


def test_the_seed_indexes_exist_and_creating_them_twice_is_a_no_op(store, relay, mirror, mongo_db):
    complete_session(store)
    relay.run_pass()
    expected = {
        "sessions": {"sessions_user_id_started_at": [("user_id", ASCENDING), ("started_at", DESCENDING)],
                     "sessions_status": [("status", ASCENDING)]},
        "recordings": {"recordings_session_id_created_at": [("session_id", ASCENDING), ("created_at", DESCENDING)]},
        "transcripts": {"transcripts_recording_id": [("recording_id", ASCENDING)]},
        "evaluations": {"evaluations_transcript_id": [("transcript_id", ASCENDING)]},
        "events": {"events_session_id_created_at": [("session_id", ASCENDING), ("created_at", ASCENDING)]},
    }
    for collection, indexes in expected.items():
        found = {ix["name"]: list(ix["key"].items()) for ix in mongo_db[collection].list_indexes()}
        for name, keys in indexes.items():
            assert found[name] == keys
    before = {c: list(mongo_db[c].list_indexes()) for c in expected}
    assert mirror.ensure_indexes() == []
    assert {c: list(mongo_db[c].list_indexes()) for c in expected} == before
    assert mirror.missing_indexes() == []


def test_an_index_an_older_tool_made_under_another_name_counts_as_present(mirror, mongo_db):
    mongo_db.sessions.create_index([("status", 1)], name="status_1")
    created = mirror.ensure_indexes()
    assert "sessions_status" not in created and "sessions_user_id_started_at" in created
    assert mirror.missing_indexes() == []


def test_replaying_the_outbox_changes_nothing_in_mongodb(store, relay, mongo_db):
    for level in ("A2", "B1", "C1"):
        complete_session(store, level)
    store.start_session("B2")  # one still active
    relay.run_pass()
    original = dump(mongo_db)
    for times in (1, 2, 10):
        for _ in range(times):
            assert store.requeue_all() == 26
        report = relay.run_pass()
        assert report.ok and sum(report.pushed.values()) == 26
        assert dump(mongo_db) == original
    assert store.outbox.counts() == {"pending": 0, "dead": 0}


def test_changes_after_a_sync_replace_the_document(store, relay, mongo_db):
    session = store.start_session("B1")
    relay.run_pass()
    assert mongo_db.sessions.find_one({"_id": session.id})["status"] == "active"
    ended = store.end_session(session.id)
    report = relay.run_pass()
    assert report.pushed["sessions"] == 1
    stored = mongo_db.sessions.find_one({"_id": session.id})
    assert stored["status"] == "completed" and stored["ended_at"] == ended.ended_at
    assert mongo_db.sessions.count_documents({}) == 1


def test_a_document_the_server_rejects_is_dead_lettered_and_the_rest_arrive(store, relay, mongo_db):
    # The centre's database only accepts recordings of at most 5 minutes.
    mongo_db.create_collection("recordings", validator={"$jsonSchema": {
        "bsonType": "object", "properties": {"duration_s": {"bsonType": ["double", "int", "null"], "maximum": 300}}}})
    good, *_ = complete_session(store, "B1")
    bad_session = store.start_session("B2")
    bad = store.add_recording(bad_session.id, "/long.flac", duration_s=1200.0)

    report = relay.run_pass()

    assert [(c, i) for c, i, _ in report.dead_lettered] == [("recordings", bad.id)]
    assert "validation" in report.dead_lettered[0][2].lower()
    assert mongo_db.recordings.count_documents({}) == 1
    assert mongo_db.sessions.count_documents({}) == 2
    assert mongo_db.events.count_documents({}) == 6  # every event, the long recording's too
    [letter] = store.outbox.dead_letters()
    assert letter.doc_id == str(bad.id) and "validation" in letter.reason.lower()
    status = relay.status()
    assert status.state is SyncState.NEEDS_ATTENTION and status.dead == 1 and "rejected 1" in status.problem
    # the next pass does not try it again and does not stall on it
    assert relay.run_pass().dead_lettered == []


def test_deleting_a_session_removes_it_from_mongodb(store, relay, mongo_db):
    keep, *_ = complete_session(store, "A2")
    doomed, *_ = complete_session(store, "C1")
    relay.run_pass()
    delete_session(store, doomed.id)
    report = relay.run_pass()
    assert sum(report.deleted.values()) == 8
    for collection in ("sessions", "recordings", "events"):
        assert doomed.id not in {d.get("session_id", d["_id"]) for d in mongo_db[collection].find()}
    assert mongo_db.sessions.find_one({"_id": keep.id}) is not None
    assert mongo_db.events.count_documents({}) == 4


class LosingMirror(MongoMirror):
    """Acknowledges every write but silently drops some documents, like a server that lost them."""

    def __init__(self, *args, lose: set, **kwargs):
        super().__init__(*args, **kwargs)
        self.lose = lose

    def write(self, collection, docs):
        kept = [d for d in docs if d["_id"] not in self.lose]
        outcome = super().write(collection, kept)
        return WriteOutcome(outcome.acknowledged + [d["_id"] for d in docs if d["_id"] in self.lose],
                            outcome.rejected, outcome.retry)


def test_the_check_after_a_pass_queues_what_went_missing(store, mirror, mongo_uri, mongo_db, clock):
    session, recording, transcript, _ = complete_session(store)
    losing = LosingMirror(mongo_uri, mongo_db.name, lose={recording.id, transcript.id})
    report = OutboxRelay(store, losing, clock=clock).run_pass()
    losing.close()
    assert report.requeued == 2
    assert store.outbox.counts()["pending"] == 2

    report = OutboxRelay(store, mirror, clock=clock).run_pass()
    assert report.requeued == 0 and dict(report.pushed) == {"recordings": 1, "transcripts": 1}
    assert dump(mongo_db) == local_docs(store)


def test_verify_all_finds_documents_deleted_behind_the_apps_back(store, relay, mongo_db):
    complete_session(store)
    relay.run_pass()
    mongo_db.events.delete_many({"type": "transcribe"})
    mongo_db.sessions.delete_many({})
    assert relay.verify_all().missing == 2
    relay.run_pass()
    assert dump(mongo_db) == local_docs(store)


def test_pull_copies_a_users_sessions_from_another_device(tmp_path, mongo_uri, mongo_db, mirror):
    clock = FakeClock()
    with LocalStore.open(tmp_path / "laptop1" / "speakcheck.db", clock=clock) as laptop1:
        user = laptop1.add_user(name="Ana")
        mine = [complete_session(laptop1, lvl, user_id=user.id)[0] for lvl in ("A2", "B1")]
        complete_session(laptop1, "C1")  # somebody else's
        OutboxRelay(laptop1, mirror, clock=clock).run_pass()
        originals = {s.id: laptop1.get_session_detail(s.id) for s in mine}

    with LocalStore.open(tmp_path / "laptop2" / "speakcheck.db", clock=clock) as laptop2:
        listed = list_remote_only_sessions(laptop2, mirror, user.id)
        assert [s.id for s in listed] == [mine[1].id, mine[0].id]  # newest first
        fetched = fetch_session(laptop2, mirror, mine[0].id)
        assert fetched == originals[mine[0].id]
        assert laptop2.get_session_detail(mine[0].id) == originals[mine[0].id]
        assert laptop2.has_document("users", user.id)
        assert laptop2.outbox.counts()["pending"] == 0  # MongoDB has it already: nothing to send back
        assert [s.id for s in list_remote_only_sessions(laptop2, mirror, user.id)] == [mine[1].id]
        # work continued on the new laptop syncs as usual
        laptop2.add_event(mine[0].id, "resume")
        assert OutboxRelay(laptop2, mirror, clock=clock).run_pass().pushed["events"] == 1


def test_a_change_made_while_its_older_version_is_being_sent_is_not_lost(store, mirror, mongo_db, clock):
    session = store.start_session("B1")

    def end_session_meanwhile(step):
        if step == "batch_pushed" and store.get_session(session.id).status.value == "active":
            store.end_session(session.id)  # the app writes while the relay is between push and mark

    relay = OutboxRelay(store, mirror, clock=clock, on_step=end_session_meanwhile)
    relay.run_pass()
    assert mongo_db.sessions.find_one({"_id": session.id})["status"] == "active"
    assert store.outbox.counts()["pending"] == 1  # the newer version is still queued

    relay.run_pass()
    assert mongo_db.sessions.find_one({"_id": session.id})["status"] == "completed"
    assert dump(mongo_db) == local_docs(store)


def test_existing_ids_is_exact_when_other_devices_documents_crowd_the_range(mirror, mongo_db):
    mine, theirs = [], []
    for _ in range(30):
        mine.append(ObjectId())
        theirs += [ObjectId() for _ in range(5)]  # another kiosk writing at the same time
    arrived = mine[::2]
    mongo_db.events.insert_many([{"_id": i} for i in arrived + theirs])
    assert mirror.existing_ids("events", mine) == set(arrived)
    mongo_db.events.delete_many({"_id": {"$in": theirs}})  # now the range holds only mine
    assert mirror.existing_ids("events", mine) == set(arrived)
