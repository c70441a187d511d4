"""The tamper-evident chain over a session's events: written by the store, synced to the test
MongoDB server, checked there by `speakcheck verify-audit` (run as a subprocess)."""

from datetime import timedelta

import pytest

from speakcheck_desktop.core.audit_chain import GENESIS, verify_chain
from speakcheck_desktop.core.records import EventType
from tests.factories import complete_session
from tests.test_cli import env, speakcheck, store_in  # noqa: F401  (env is a fixture)


@pytest.fixture
def synced(env, mongo_db):  # noqa: F811
    """A complete session with one extra event, synced to MongoDB: (session id, events by seq)."""
    with store_in(env) as store:
        session, *_ = complete_session(store, "B2", end=False)
        store.add_event(session.id, EventType.RESUME, {"reason": "window reopened", "score": 7.25})
        store.end_session(session.id)
    result = speakcheck(env, "sync")
    assert result.returncode == 0, result.stdout + result.stderr
    events = sorted(mongo_db.events.find({"session_id": session.id}), key=lambda e: e["payload"]["chain"]["seq"])
    assert [e["type"] for e in events] == ["start", "record_stop", "transcribe", "evaluate", "resume"]
    return session.id, events


def audit(env, session_id):  # noqa: F811
    return speakcheck(env, "verify-audit", str(session_id))


def test_the_store_links_each_event_to_the_one_before(synced, mongo_db):
    session_id, events = synced
    chains = [e["payload"]["chain"] for e in events]
    assert [c["seq"] for c in chains] == [1, 2, 3, 4, 5]
    assert chains[0]["prev"] == GENESIS
    for before, after in zip(chains, chains[1:]):
        assert after["prev"] == before["hash"]
    assert len({c["hash"] for c in chains}) == 5
    mark = mongo_db.sessions.find_one({"_id": session_id})["metadata"]["audit"]
    assert mark == {"events": 5, "head": chains[-1]["hash"]}


def test_an_untouched_session_verifies(env, synced):  # noqa: F811
    session_id, _ = synced
    result = audit(env, session_id)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Session {session_id}: the chain of 5 events is intact." in result.stdout


def test_a_changed_payload_is_named(env, synced, mongo_db):  # noqa: F811
    session_id, events = synced
    mongo_db.events.update_one({"_id": events[3]["_id"]}, {"$set": {"payload.overall_level": "C1"}})
    result = audit(env, session_id)
    assert result.returncode == 1
    assert f"Event {events[3]['_id']} (evaluate, number 4) was changed after it was written" in result.stdout


def test_a_changed_time_or_type_is_named(env, synced, mongo_db):  # noqa: F811
    session_id, events = synced
    mongo_db.events.update_one({"_id": events[1]["_id"]},
                               {"$set": {"created_at": events[1]["created_at"] - timedelta(milliseconds=1)}})
    assert f"Event {events[1]['_id']} (record_stop, number 2) was changed" in audit(env, session_id).stdout
    mongo_db.events.replace_one({"_id": events[1]["_id"]}, events[1])
    mongo_db.events.update_one({"_id": events[2]["_id"]}, {"$set": {"type": "evaluate"}})
    assert f"Event {events[2]['_id']} (evaluate, number 3) was changed" in audit(env, session_id).stdout


def test_a_deleted_event_in_the_middle_is_named(env, synced, mongo_db):  # noqa: F811
    session_id, events = synced
    mongo_db.events.delete_one({"_id": events[2]["_id"]})
    result = audit(env, session_id)
    assert result.returncode == 1
    assert "Event number 3 of the chain is missing (removed?)" in result.stdout
    assert str(events[3]["_id"]) in result.stdout


def test_deleting_the_last_events_is_caught_by_the_end_mark(env, synced, mongo_db):  # noqa: F811
    session_id, events = synced
    mongo_db.events.delete_many({"_id": {"$in": [events[3]["_id"], events[4]["_id"]]}})
    result = audit(env, session_id)
    assert result.returncode == 1
    assert "The session ended with 5 events, but only 3 are in the database" in result.stdout


def test_a_forged_event_with_a_recomputed_hash_still_breaks_the_next_link(env, synced, mongo_db):  # noqa: F811
    """Rewriting one event and re-hashing it fixes its own hash, but not the next event's `prev`."""
    from speakcheck_desktop.core.audit_chain import digest
    session_id, events = synced
    forged = dict(events[3])
    forged["payload"] = {**forged["payload"], "overall_level": "C1"}
    chain = forged["payload"]["chain"]
    chain["hash"] = digest(forged["_id"], forged["session_id"], forged["type"], forged["created_at"],
                           forged["payload"], chain["seq"], chain["prev"])
    mongo_db.events.replace_one({"_id": forged["_id"]}, forged)
    result = audit(env, session_id)
    assert f"Event {events[4]['_id']} (resume, number 5) does not follow the event before it" in result.stdout


def test_an_event_added_from_outside_is_named(env, synced, mongo_db):  # noqa: F811
    session_id, events = synced
    extra = {k: v for k, v in events[0].items() if k != "_id"}
    extra["payload"] = {"note": "added by hand"}
    inserted = mongo_db.events.insert_one(extra).inserted_id
    result = audit(env, session_id)
    assert f"Event {inserted} (start) carries no chain" in result.stdout


def test_unknown_session_and_unreachable_mongodb(env):  # noqa: F811
    from bson import ObjectId
    missing = ObjectId()
    result = audit(env, missing)
    assert result.returncode == 1 and "The session document is missing from the database." in result.stdout
    down = audit({**env, "MONGODB_URI": "mongodb://127.0.0.1:9", "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.3"}, missing)
    assert down.returncode != 0 and "did not answer" in down.stderr


def test_the_core_check_reads_documents_in_any_order(store):
    session, *_ = complete_session(store)
    detail = store.get_session_detail(session.id)
    docs = [e.to_document() for e in reversed(detail.events)]
    assert verify_chain(session.id, docs, detail.session.to_document()).intact
    from bson import ObjectId
    copy = {**docs[1], "_id": ObjectId()}  # an event copied whole, chain and all
    report = verify_chain(session.id, [*docs, copy], detail.session.to_document())
    assert not report.intact and report.event_id == str(copy["_id"])
    assert f"repeats number {copy['payload']['chain']['seq']} of the chain: a copy was inserted" in report.problem
