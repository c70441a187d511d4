"""The local store's API: writes with their outbox entries in one transaction, nothing written on
bad input, keyset paging, detail, stale sessions, pruning and deleting."""

from datetime import timedelta

import pytest
from bson import ObjectId

from speakcheck_desktop.core.records import COLLECTIONS, EventType, Level, RecordError, SessionStatus
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.recording_audio import unattached_recording_files
from speakcheck_desktop.store.retention import delete_session, prune_audio
from tests.factories import SCORES, audio_file, complete_session


def snapshot(store: LocalStore) -> dict[str, int]:
    counts = {c: store.count(c) for c in COLLECTIONS}
    counts["outbox"] = store.outbox.counts()["pending"]
    return counts


def test_a_complete_session_writes_the_seed_flow_and_queues_every_document(store):
    session, recording, transcript, evaluation = complete_session(store, "C1")

    detail = store.get_session_detail(session.id)
    assert detail.session.status is SessionStatus.COMPLETED and detail.session.ended_at is not None
    assert [r.id for r in detail.recordings] == [recording.id]
    assert [t.id for t in detail.transcripts] == [transcript.id]
    assert [e.id for e in detail.evaluations] == [evaluation.id]
    assert [e.type for e in detail.events] == [EventType.START, EventType.RECORD_STOP, EventType.TRANSCRIBE,
                                                EventType.EVALUATE]
    assert detail.events[2].payload["transcript_id"] == str(transcript.id)
    # session + recording + transcript + evaluation + 4 events, each queued once
    assert snapshot(store) == {"users": 0, "sessions": 1, "recordings": 1, "transcripts": 1, "evaluations": 1,
                               "events": 4, "outbox": 8}


@pytest.mark.parametrize("action, field", [
    (lambda s, ids: s.start_session("B3"), "sessions.level"),
    (lambda s, ids: s.start_session("B1", user_id=ObjectId()), "sessions.user_id"),
    (lambda s, ids: s.start_session("B1", metadata={"when": object()}), "sessions.metadata"),
    (lambda s, ids: s.add_recording(ObjectId(), "/x.flac"), "recordings.session_id"),
    (lambda s, ids: s.add_recording(ids["session"], "/x.flac", duration_s=-3), "recordings.duration_s"),
    (lambda s, ids: s.add_transcript(ObjectId(), "t", "en", "openai", "whisper-1"), "transcripts.recording_id"),
    (lambda s, ids: s.add_evaluation(ids["transcript"], "B1", 1.2, SCORES, "r", []), "evaluations.confidence"),
    (lambda s, ids: s.add_evaluation(ObjectId(), "B1", 0.5, SCORES, "r", []), "evaluations.transcript_id"),
    (lambda s, ids: s.add_event(ids["session"], "teleport"), "events.type"),
    (lambda s, ids: s.end_session(ids["session"], "paused"), "sessions.status"),
    (lambda s, ids: s.end_session(ids["session"], "active"), "sessions.status"),
    (lambda s, ids: s.end_session(ids["ended"]), "sessions.status"),
])
def test_invalid_input_raises_a_named_error_and_writes_nothing(store, action, field):
    session = store.start_session("B1")
    recording = store.add_recording(session.id, "/x.flac")
    transcript = store.add_transcript(recording.id, "t", "en", "openai", "whisper-1")
    ended = store.start_session("A2")
    store.end_session(ended.id)
    before = snapshot(store)

    with pytest.raises(RecordError) as info:
        action(store, {"session": session.id, "transcript": transcript.id, "ended": ended.id})

    assert info.value.field == field
    assert snapshot(store) == before


def test_a_document_and_its_outbox_entry_commit_together(store):
    """If queuing fails, the document is not kept either."""
    session = store.start_session("B1")
    before = snapshot(store)
    store._conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON outbox WHEN NEW.collection = 'events' "
                        "BEGIN SELECT RAISE(ABORT, 'outbox full'); END")
    with pytest.raises(Exception, match="outbox full"):
        store.add_recording(session.id, "/x.flac")
    assert snapshot(store) == before


def test_history_pages_newest_first_with_a_cursor_and_filters(store, clock):
    user = store.add_user(name="Kim")
    made = []
    for i in range(120):
        level = ["A2", "B1", "B2", "C1"][i % 4]
        made.append(store.start_session(level, user_id=user.id if i % 3 == 0 else None))
        if i % 5 == 0:
            store.end_session(made[-1].id)
        if i % 7 != 0:  # several sessions share a start time: the id breaks the tie
            clock.advance(1)

    seen, cursor = [], None
    while True:
        page = store.list_sessions(limit=50, after=cursor)
        seen += [item.session.id for item in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    expected = [s.id for s in sorted(made, key=lambda s: (s.started_at, str(s.id)), reverse=True)]
    assert seen == expected

    b1_active = store.list_sessions(level="B1", status="active", limit=500).items
    assert [i.session.id for i in b1_active] == [s for s in expected if s in
                                                  {m.id for k, m in enumerate(made) if k % 4 == 1 and k % 5 != 0}]
    mine = store.list_sessions(user_id=user.id, limit=500).items
    assert {i.session.id for i in mine} == {m.id for k, m in enumerate(made) if k % 3 == 0}


def test_history_shows_the_newest_evaluation_as_the_result(store, clock):
    session, recording, transcript, _ = complete_session(store, "B1", end=False)
    clock.advance(5)
    store.add_evaluation(transcript.id, "B2", 0.8, SCORES, "re-scored", [])
    [item] = store.list_sessions().items
    assert item.result_level is Level.B2


def test_stale_active_sessions_are_marked_abandoned(store, clock):
    old = store.start_session("A2")
    clock.advance(3600)
    store.add_event(old.id, EventType.RESUME)  # activity keeps a session fresh
    recent = store.start_session("B1")
    done = store.start_session("B2")
    store.end_session(done.id)
    clock.advance(25 * 3600)
    still_fresh = store.start_session("C1")

    abandoned = store.abandon_stale_sessions(timedelta(hours=24))

    assert set(abandoned) == {old.id, recent.id}
    assert store.get_session(old.id).status is SessionStatus.ABANDONED
    assert store.get_session(old.id).ended_at == clock.now()
    assert store.get_session(done.id).status is SessionStatus.COMPLETED
    assert store.get_session(still_fresh.id).status is SessionStatus.ACTIVE


def test_prune_removes_old_audio_keeps_metadata_and_records_it(store, clock, tmp_path):
    old, old_rec, _, _ = complete_session(store, "B1", audio=True)
    outside = tmp_path / "elsewhere.flac"
    outside.write_bytes(b"x" * 10)
    other = store.start_session("A2")
    outside_rec = store.add_recording(other.id, str(outside))
    gone_rec = store.add_recording(other.id, str(store.recordings_dir / "never-written.flac"))
    clock.advance(91 * 86400)
    new, new_rec, _, _ = complete_session(store, "B2", audio=True)

    report = prune_audio(store, timedelta(days=90))

    assert {r[0] for r in report.pruned} == {old_rec.id, gone_rec.id}
    assert report.bytes_freed == 4100
    assert [k[0] for k in report.kept] == [outside_rec.id] and "left in place" in report.kept[0][2]
    assert not (store.recordings_dir / f"{old.id}.flac").exists()
    assert outside.exists() and (store.recordings_dir / f"{new.id}.flac").exists()
    detail = store.get_session_detail(old.id)
    assert detail.recordings[0].file_url == old_rec.file_url  # metadata kept
    assert old_rec.id in detail.pruned_at
    pruned_event = detail.events[-1]
    assert pruned_event.type is EventType.AUDIO_PRUNED and pruned_event.payload["bytes"] == 4100
    # a second prune finds nothing more to do
    assert prune_audio(store, timedelta(days=90)).pruned == []


def test_delete_session_removes_files_rows_and_queues_deletes(store):
    keep, *_ = complete_session(store, "A2", audio=True)
    doomed, recording, transcript, evaluation = complete_session(store, "C1", audio=True)
    extra = audio_file(store, "second-take.flac")
    store.add_recording(doomed.id, str(extra))

    report = delete_session(store, doomed.id)

    assert report.documents == 10  # session, 2 recordings, transcript, evaluation, 5 events
    assert sorted(report.files_removed) == sorted([recording.file_url, str(extra)])
    assert store.get_session_detail(doomed.id) is None
    assert store.get_session(keep.id) is not None
    assert (store.recordings_dir / f"{keep.id}.flac").exists()
    ops = dict(((c, d), op) for c, d, op in store._conn.execute("SELECT collection, doc_id, op FROM outbox"))
    assert ops[("sessions", str(doomed.id))] == "delete"
    assert ops[("evaluations", str(evaluation.id))] == "delete"
    assert ops[("sessions", str(keep.id))] == "upsert"
    assert list(ops.values()).count("delete") == 10
    with pytest.raises(RecordError):
        delete_session(store, doomed.id)


def test_clock_going_backwards_keeps_a_sessions_order(store, clock):
    session = store.start_session("B1")
    clock.advance(-3600)  # the device clock is set back an hour mid-session
    recording = store.add_recording(session.id, "/a.flac")
    clock.advance(-60)
    store.add_transcript(recording.id, "t", "en", "openai", "whisper-1")
    events = store.get_session_detail(session.id).events
    assert [e.type for e in events] == [EventType.START, EventType.RECORD_STOP, EventType.TRANSCRIBE]
    assert events[0].created_at < events[1].created_at < events[2].created_at
    ended = store.end_session(session.id)
    assert ended.ended_at > events[-1].created_at


def test_the_store_reopens_with_everything_in_it(data_dir, clock):
    with LocalStore.open(data_dir / "speakcheck.db", clock=clock) as first:
        session, *_ = complete_session(first, "B2")
    with LocalStore.open(data_dir / "speakcheck.db", clock=clock) as again:
        assert again.get_session_detail(session.id).session == session
        assert again.outbox.counts()["pending"] == 8


def test_a_finished_recording_whose_saving_failed_is_found_for_adoption(store):
    import numpy as np
    import soundfile as sf

    from speakcheck_desktop.audio.recovery import describe_finished

    session = store.start_session("B1")
    folder = store.recordings_dir / str(session.id)
    folder.mkdir(parents=True)
    saved, unsaved = folder / "1.wav", folder / "2.wav"
    for path in (saved, unsaved):
        sf.write(path, np.zeros(16000 * 2, dtype="int16"), 16000)
    store.add_recording(session.id, str(saved), 2.0, 16000)
    (store.recordings_dir / "not-a-session").mkdir()
    (store.recordings_dir / "not-a-session" / "x.wav").write_bytes(b"")
    assert unattached_recording_files(store) == [unsaved]
    [found] = describe_finished(unattached_recording_files(store))
    assert (found.session_id, found.duration_s, found.sample_rate) == (str(session.id), 2.0, 16000)
