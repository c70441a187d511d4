"""The tamper-evident chain over a session's events: written by the store, synced to the test
MongoDB server, checked there by `speakcheck verify-audit` (run as a subprocess)."""

from datetime import timedelta
from itertools import pairwise

import pytest
from bson import ObjectId

from speakcheck_desktop import cli
from speakcheck_desktop.core.audit_chain import GENESIS, ProblemKind, chain_link, verify_chain
from speakcheck_desktop.core.records import EventType
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET
from tests.cli_rig import speakcheck, store_in
from tests.factories import complete_session


@pytest.fixture
def synced(cli_env, mongo_db):
    """A complete session with one extra event, synced to MongoDB: (session id, events by seq)."""
    with store_in(cli_env) as store:
        session, *_ = complete_session(store, "B2", end=False)
        store.add_event(session.id, EventType.RESUME, {"reason": "window reopened", "score": 7.25})
        store.end_session(session.id)
    result = speakcheck(cli_env, "sync")
    assert result.returncode == 0, result.stdout + result.stderr
    events = sorted(mongo_db.events.find({"session_id": session.id}), key=lambda e: e["payload"]["chain"]["seq"])
    assert [e["type"] for e in events] == ["start", "record_stop", "transcribe", "evaluate", "resume"]
    return session.id, events


def audit(env, session_id):
    return speakcheck(env, "verify-audit", str(session_id))


def test_the_store_links_each_event_to_the_one_before(synced, mongo_db):
    session_id, events = synced
    chains = [e["payload"]["chain"] for e in events]
    assert [c["seq"] for c in chains] == [1, 2, 3, 4, 5]
    assert chains[0]["prev"] == GENESIS
    for before, after in pairwise(chains):
        assert after["prev"] == before["hash"]
    assert len({c["hash"] for c in chains}) == 5
    mark = mongo_db.sessions.find_one({"_id": session_id})["metadata"]["audit"]
    assert mark == {"events": 5, "head": chains[-1]["hash"]}


def test_an_untouched_session_verifies(cli_env, synced):
    session_id, _ = synced
    result = audit(cli_env, session_id)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Session {session_id}: the chain of 5 events is intact." in result.stdout
    assert "The 3 documents its events record match their hashes." in result.stdout


def test_a_changed_payload_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    mongo_db.events.update_one({"_id": events[3]["_id"]}, {"$set": {"payload.overall_level": "C1"}})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert f"Event {events[3]['_id']} (evaluate, number 4) was changed after it was written" in result.stdout


def test_a_changed_time_or_type_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    mongo_db.events.update_one({"_id": events[1]["_id"]},
                               {"$set": {"created_at": events[1]["created_at"] - timedelta(milliseconds=1)}})
    assert f"Event {events[1]['_id']} (record_stop, number 2) was changed" in audit(cli_env, session_id).stdout
    mongo_db.events.replace_one({"_id": events[1]["_id"]}, events[1])
    mongo_db.events.update_one({"_id": events[2]["_id"]}, {"$set": {"type": "evaluate"}})
    assert f"Event {events[2]['_id']} (evaluate, number 3) was changed" in audit(cli_env, session_id).stdout


def test_a_deleted_event_in_the_middle_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    mongo_db.events.delete_one({"_id": events[2]["_id"]})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert "Event number 3 of the chain is missing (removed?)" in result.stdout
    assert str(events[3]["_id"]) in result.stdout


def test_deleting_the_last_events_is_caught_by_the_end_mark(cli_env, synced, mongo_db):
    session_id, events = synced
    mongo_db.events.delete_many({"_id": {"$in": [events[3]["_id"], events[4]["_id"]]}})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert "The session ended with 5 events, but the chain in the database stops at number 3: the last ones " \
           "were removed." in result.stdout


def test_a_forged_event_with_a_recomputed_hash_still_breaks_the_next_link(cli_env, synced, mongo_db):
    """Rewriting one event and re-hashing it fixes its own hash, but not the next event's `prev`."""
    from speakcheck_desktop.core.audit_chain import digest
    session_id, events = synced
    forged = dict(events[3])
    forged["payload"] = {**forged["payload"], "overall_level": "C1"}
    chain = forged["payload"]["chain"]
    chain["hash"] = digest(forged["_id"], forged["session_id"], forged["type"], forged["created_at"],
                           forged["payload"], chain["seq"], chain["prev"])
    mongo_db.events.replace_one({"_id": forged["_id"]}, forged)
    result = audit(cli_env, session_id)
    assert f"Event {events[4]['_id']} (resume, number 5) does not follow the event before it" in result.stdout


def test_an_event_added_from_outside_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    extra = {k: v for k, v in events[0].items() if k != "_id"}
    extra["payload"] = {"note": "added by hand"}
    inserted = mongo_db.events.insert_one(extra).inserted_id
    result = audit(cli_env, session_id)
    assert f"Event {inserted} (start) carries no chain" in result.stdout


def test_a_removed_session_document_is_named_and_unreachable_mongodb(cli_env, synced, mongo_db):
    session_id, _ = synced
    mongo_db.sessions.delete_one({"_id": session_id})
    result = audit(cli_env, session_id)
    assert result.returncode == 1 and "The session document is missing from the database." in result.stdout
    missing = ObjectId()
    down = audit({**cli_env, "MONGODB_URI": "mongodb://127.0.0.1:9", "SPEAKCHECK_MONGODB_TIMEOUT_S": "0.3"}, missing)
    assert down.returncode != 0 and "did not answer" in down.stderr


def test_the_core_check_reads_documents_in_any_order(store):
    session, *_ = complete_session(store)
    detail = store.get_session_detail(session.id)
    docs = [e.to_document() for e in reversed(detail.events)]
    assert verify_chain(session.id, docs, detail.session.to_document()).intact
    copy = {**docs[1], "_id": ObjectId()}  # an event copied whole, chain and all
    report = verify_chain(session.id, [*docs, copy], detail.session.to_document())
    assert not report.intact and report.event_id == str(copy["_id"])
    assert f"repeats number {copy['payload']['chain']['seq']} of the chain: a copy was inserted" in report.problem


# -- The documents the events record: recordings, transcripts, evaluations -------------------------


def graded(mongo_db, session_id):
    """The session's recording, transcript and evaluation as MongoDB holds them."""
    recording = mongo_db.recordings.find_one({"session_id": session_id})
    transcript = mongo_db.transcripts.find_one({"recording_id": recording["_id"]})
    return recording, transcript, mongo_db.evaluations.find_one({"transcript_id": transcript["_id"]})


def changed(noun, doc_id, event_type, event):
    return (f"The {noun} {doc_id} was changed after it was written: it does not match the hash its {event_type} "
            f"event recorded (event {event['_id']}, number {event['payload']['chain']['seq']}).")


@pytest.mark.parametrize("field, value", [("overall_level", "C1"), ("scores.fluency", 9.0)])
def test_an_edited_evaluation_is_named(cli_env, synced, mongo_db, field, value):
    session_id, events = synced
    *_, evaluation = graded(mongo_db, session_id)
    mongo_db.evaluations.update_one({"_id": evaluation["_id"]}, {"$set": {field: value}})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert f"Session {session_id}: broken (1 problem)." in result.stdout
    assert changed("evaluation", evaluation["_id"], "evaluate", events[3]) in result.stdout
    assert str(value) not in result.stdout  # ids, types and numbers only: never what a document says


def test_an_edited_transcript_or_recording_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    recording, transcript, _ = graded(mongo_db, session_id)
    mongo_db.transcripts.update_one({"_id": transcript["_id"]}, {"$set": {"text": "Something else entirely."}})
    assert changed("transcript", transcript["_id"], "transcribe", events[2]) in audit(cli_env, session_id).stdout
    mongo_db.transcripts.replace_one({"_id": transcript["_id"]}, transcript)
    assert audit(cli_env, session_id).returncode == 0
    mongo_db.recordings.update_one({"_id": recording["_id"]}, {"$set": {"duration_s": 30.0}})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert changed("recording", recording["_id"], "record_stop", events[1]) in result.stdout


def test_a_removed_transcript_is_named(cli_env, synced, mongo_db):
    session_id, events = synced
    _, transcript, _ = graded(mongo_db, session_id)
    mongo_db.transcripts.delete_one({"_id": transcript["_id"]})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    # Its evaluation is still found (by the id its event names), so only the transcript is named.
    assert f"Session {session_id}: broken (1 problem)." in result.stdout
    assert (f"The transcript {transcript['_id']} that event {events[2]['_id']} (transcribe, number 3) recorded "
            f"is missing from the database.") in result.stdout


def test_an_inserted_evaluation_is_named(cli_env, synced, mongo_db):
    session_id, _ = synced
    *_, evaluation = graded(mongo_db, session_id)
    inserted = mongo_db.evaluations.insert_one({**evaluation, "_id": ObjectId(), "overall_level": "C2"}).inserted_id
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    assert (f"The evaluation {inserted} is not recorded by any event of the session: it was inserted."
            in result.stdout)


def test_two_changes_at_once_are_both_listed(cli_env, synced, mongo_db):
    session_id, events = synced
    _, transcript, evaluation = graded(mongo_db, session_id)
    mongo_db.evaluations.update_one({"_id": evaluation["_id"]}, {"$set": {"overall_level": "C1"}})
    mongo_db.transcripts.delete_one({"_id": transcript["_id"]})
    result = audit(cli_env, session_id)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"Session {session_id}: broken (2 problems)."
    assert lines[1:] == [
        f"  - The transcript {transcript['_id']} that event {events[2]['_id']} (transcribe, number 3) recorded is "
        f"missing from the database.",
        "  - " + changed("evaluation", evaluation["_id"], "evaluate", events[3]),
    ]


def test_every_broken_link_of_the_chain_is_listed(store):
    session, *_ = complete_session(store)
    detail = store.get_session_detail(session.id)
    docs = sorted((e.to_document() for e in detail.events), key=lambda e: e["payload"]["chain"]["seq"])
    docs[1]["payload"]["duration_s"] = 1.0  # changed
    del docs[2]  # removed
    report = verify_chain(session.id, docs, detail.session.to_document())
    assert not report.intact
    assert [(p.kind, p.event_id) for p in report.problems] == [
        (ProblemKind.CHANGED_EVENT, str(docs[1]["_id"])), (ProblemKind.MISSING_EVENTS, None)]
    assert report.summary().count("\n  - ") == 2


def test_an_unknown_session_is_not_found(cli_env, monkeypatch, capsys):
    for name in ("MONGODB_URI", "MONGODB_DB", "SPEAKCHECK_DATA_DIR", "SPEAKCHECK_CONFIG_DIR",
                 "SPEAKCHECK_MONGODB_TIMEOUT_S"):
        monkeypatch.setenv(name, cli_env[name])
    missing = ObjectId()
    assert cli.main(["verify-audit", str(missing)]) == 3
    assert capsys.readouterr().out == (f"Session {missing}: no such session in MongoDB "
                                       f"(database {cli_env['MONGODB_DB']}).\n")


def test_a_session_from_before_document_hashes_is_intact_but_not_covered(cli_env, synced, mongo_db):
    """Its events are re-written as a version before document hashes wrote them: the same events
    without `payload.document`, chained again, and the end mark moved to the new head."""
    session_id, events = synced
    previous = None
    for event in events:
        payload = {k: v for k, v in event["payload"].items() if k not in ("chain", "document")}
        previous = chain_link(event["_id"], event["session_id"], event["type"], event["created_at"], payload, previous)
        mongo_db.events.update_one({"_id": event["_id"]}, {"$set": {"payload": {**payload, "chain": previous}}})
    mongo_db.sessions.update_one({"_id": session_id}, {"$set": {"metadata.audit.head": previous["hash"]}})
    result = audit(cli_env, session_id)
    assert result.returncode == 0, result.stdout
    assert f"Session {session_id}: the chain of 5 events is intact." in result.stdout
    assert "3 documents are not covered: written before document hashes were kept." in result.stdout
    # What such events still say (which ids they recorded) still catches an inserted document.
    *_, evaluation = graded(mongo_db, session_id)
    inserted = mongo_db.evaluations.insert_one({**evaluation, "_id": ObjectId()}).inserted_id
    assert f"The evaluation {inserted} is not recorded by any event" in audit(cli_env, session_id).stdout


def test_a_recording_sent_without_its_audio_verifies_by_its_audio_lost_hash(store, relay, mirror):
    """`audio_lost` re-writes the recording (it names the local path, not a GridFS file that never
    came): its hash supersedes the one `record_stop` recorded."""
    session = store.start_session("B1")
    path = store.recordings_dir / "answer.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(1000))
    recording = store.add_recording(session.id, str(path), 30.0, 16000, upload_to=AUDIO_BUCKET)
    path.unlink()
    store.end_session(session.id)
    assert relay.run_pass().ok
    session_doc, events, documents = mirror.audit_documents(session.id)
    assert [e["type"] for e in sorted(events, key=lambda e: e["payload"]["chain"]["seq"])] == [
        "start", "record_stop", "audio_lost"]
    report = verify_chain(session.id, events, session_doc, documents=documents)
    assert report.intact, report.summary()
    # Put back as record_stop described it, the recording no longer matches the newer hash.
    mirror.db.recordings.update_one({"_id": recording.id}, {"$set": {"file_url": recording.file_url}})
    session_doc, events, documents = mirror.audit_documents(session.id)
    report = verify_chain(session.id, events, session_doc, documents=documents)
    assert [(p.kind, p.document_id) for p in report.problems] == [(ProblemKind.CHANGED_DOCUMENT, str(recording.id))]
    assert "its audio_lost event recorded" in report.summary()
