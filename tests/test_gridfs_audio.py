"""Recordings uploaded to GridFS through the outbox, against the test MongoDB server: idempotent,
resumable after a SIGKILL or a server stop, verified by SHA-256, never pruned while they are the
only copy, playable (downloaded and checked) from GridFS, deleted with their session."""

import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from speakcheck_desktop.remote import gridfs_audio
from speakcheck_desktop.remote.gridfs_audio import CHUNK_BYTES, AudioFileProblem
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET, OutboxRelay
from speakcheck_desktop.store.file_urls import gridfs_url
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import AUDIO
from speakcheck_desktop.store.recording_audio import audio_upload
from speakcheck_desktop.store.retention import delete_session, prune_audio, purge_acknowledged
from tests.factories import SCORES
from tests.gridfs_checks import assert_one_whole_file, orphan_chunks, recorded, sha

REPO = Path(__file__).resolve().parent.parent


def test_the_audio_goes_before_the_document_that_names_it(store, relay, mongo_db):
    session, recording, path = recorded(store, 3 * CHUNK_BYTES + 17)
    assert recording.file_url == gridfs_url(AUDIO_BUCKET, recording.id) == f"gridfs://recordings/{recording.id}"
    report = relay.run_pass()
    assert report.ok and report.pushed[AUDIO] == 1 and report.pushed["recordings"] == 1
    assert_one_whole_file(mongo_db, recording, path)
    assert mongo_db.recordings.find_one({"_id": recording.id})["file_url"] == recording.file_url
    assert audio_upload(store, recording.id)["uploaded_at_ms"] is not None
    assert store.outbox.counts() == {"pending": 0, "dead": 0}
    # sending again changes nothing: the same file is recognised, not uploaded twice
    store.outbox.requeue([(AUDIO, recording.id, "upsert")], 0)
    assert relay.run_pass().ok
    assert_one_whole_file(mongo_db, recording, path)


def test_a_recording_file_that_vanished_before_sync_goes_up_as_audio_lost(store, relay, mongo_db):
    session, recording, path = recorded(store, 1000)
    transcript = store.add_transcript(recording.id, "I live by the sea.", "en", "openai", "whisper-1")
    path.unlink()
    report = relay.run_pass()
    assert report.ok and not report.dead_lettered
    assert report.audio_lost == [(recording.id, "The recording file answer.wav is no longer on this computer.")]
    # MongoDB stays consistent: the recording is there (naming the path it had here, not a GridFS
    # file that will never come), its transcript names it, an audio_lost event says what happened.
    doc = mongo_db.recordings.find_one({"_id": recording.id})
    assert doc["file_url"] == str(path)
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 0
    assert mongo_db.transcripts.find_one({"_id": transcript.id})["recording_id"] == recording.id
    [lost] = list(mongo_db.events.find({"type": "audio_lost"}))
    assert lost["payload"]["recording_id"] == str(recording.id) and lost["payload"]["problem"] == "missing"
    status = relay.status()
    assert (status.state.value, status.pending, status.dead, status.audio_lost) == ("synced", 0, 0, 1)
    assert relay.run_pass().ok and store.outbox.counts() == {"pending": 0, "dead": 0}  # nothing left to retry


@pytest.mark.parametrize("nth", [40, 75])
def test_sync_killed_in_the_middle_of_a_20_mb_upload(store, mongo_uri, mongo_db, clock, nth):
    session, recording, path = recorded(store, 20 * 1024 * 1024)
    child = subprocess.run([sys.executable, "-m", "tests.sync_child", str(store.path), mongo_uri, mongo_db.name,
                            "audio_read", str(nth), "500"], cwd=REPO, capture_output=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 0  # cut short: no file yet...
    assert mongo_db[f"{AUDIO_BUCKET}.chunks"].count_documents({}) > 0  # ...but chunks were left behind
    assert mongo_db.recordings.count_documents({}) == 0

    with LocalStore.open(store.path, clock=clock) as again:
        mirror = MongoMirror(mongo_uri, mongo_db.name)
        report = OutboxRelay(again, mirror, clock=clock).run_pass()
        mirror.close()
        assert report.ok and report.pushed[AUDIO] == 1
        assert again.outbox.counts() == {"pending": 0, "dead": 0}
    assert_one_whole_file(mongo_db, recording, path)
    assert orphan_chunks(mongo_db) == 0
    assert mongo_db.recordings.count_documents({"_id": recording.id}) == 1


def test_mongodb_stopped_in_the_middle_of_an_upload(tmp_path, restartable_mongo, clock):
    store = LocalStore.open(tmp_path / "data" / "speakcheck.db", clock=clock)
    session, recording, path = recorded(store, 8 * 1024 * 1024)
    reads = 0

    def stop_midway(step):
        nonlocal reads
        if step == "audio_read":
            reads += 1
            if reads == 10:
                restartable_mongo.stop()

    mirror = MongoMirror(restartable_mongo.uri, "kiosk", timeout_s=1)
    report = OutboxRelay(store, mirror, clock=clock, on_step=stop_midway).run_pass()
    assert report.offline and not report.dead_lettered
    assert audio_upload(store, recording.id)["uploaded_at_ms"] is None
    clock.wall += timedelta(days=2)
    assert prune_audio(store, timedelta(days=1)).pruned == [] and path.exists()  # still the only copy

    restartable_mongo.start()
    report = OutboxRelay(store, mirror, clock=clock).run_pass()
    assert report.ok and report.pushed[AUDIO] == 1
    db = mirror.db
    assert_one_whole_file(db, recording, path)
    assert orphan_chunks(db) == 0
    mirror.close()
    store.close()


def test_pruned_audio_plays_from_gridfs_and_unsent_audio_is_never_pruned(store, relay, mirror, mongo_db, tmp_path,
                                                                       clock):
    _, sent, sent_path = recorded(store, 2 * CHUNK_BYTES, seed=1)
    relay.run_pass()
    _, unsent, unsent_path = recorded(store, CHUNK_BYTES, seed=2)  # queued after the pass
    original = sent_path.read_bytes()

    clock.wall += timedelta(days=2)
    report = prune_audio(store, timedelta(days=1), relay.confirm_server_copy)
    assert [p[0] for p in report.pruned] == [sent.id]
    assert not sent_path.exists() and unsent_path.exists()
    assert [(k[0], k[2]) for k in report.kept] == [(unsent.id, "not yet uploaded to MongoDB: it is the only "
                                                               "copy (it goes after the next sync)")]
    cached = mirror.download_audio(AUDIO_BUCKET, sent.id, tmp_path / "cache" / f"{sent.id}.wav")
    assert cached.read_bytes() == original


def test_a_damaged_file_in_gridfs_is_named_and_not_played(store, relay, mirror, mongo_db, tmp_path):
    _, recording, path = recorded(store, 3 * CHUNK_BYTES)
    relay.run_pass()
    dest = tmp_path / "cache" / "x.wav"
    chunks = mongo_db[f"{AUDIO_BUCKET}.chunks"]
    first = chunks.find_one({"files_id": recording.id, "n": 0})
    chunks.update_one({"_id": first["_id"]}, {"$set": {"data": b"\0" + first["data"][1:]}})
    with pytest.raises(AudioFileProblem, match="does not match what was recorded"):
        mirror.download_audio(AUDIO_BUCKET, recording.id, dest)
    assert not dest.exists() and not dest.with_name("x.wav.part").exists()
    chunks.delete_one({"files_id": recording.id, "n": 2})
    with pytest.raises(AudioFileProblem, match="incomplete"):
        mirror.download_audio(AUDIO_BUCKET, recording.id, dest)
    mongo_db[f"{AUDIO_BUCKET}.files"].delete_one({"_id": recording.id})
    with pytest.raises(AudioFileProblem, match="is not in MongoDB"):
        mirror.download_audio(AUDIO_BUCKET, recording.id, dest)


def test_deleting_a_session_deletes_its_gridfs_file(store, relay, mongo_db):
    session, recording, path = recorded(store, 2 * CHUNK_BYTES)
    _, kept, kept_path = recorded(store, CHUNK_BYTES, seed=3)
    relay.run_pass()
    delete_session(store, session.id)
    assert not path.exists()
    assert relay.run_pass().ok
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({"_id": recording.id}) == 0
    assert mongo_db[f"{AUDIO_BUCKET}.chunks"].count_documents({"files_id": recording.id}) == 0
    assert_one_whole_file(mongo_db, kept, kept_path)


def test_two_kiosks_uploading_at_once(tmp_path, mongo_uri, mongo_db, clock):
    kiosks = []
    for k in range(2):
        with LocalStore.open(tmp_path / f"kiosk{k}" / "speakcheck.db", clock=clock) as store:
            kiosks.append((store.path, [recorded(store, CHUNK_BYTES * 6 + k, seed=10 * k + i) for i in range(3)]))
    reports = []

    def sync(db_path):  # each kiosk its own process in real life; here its own thread and connection
        with LocalStore.open(db_path, clock=clock) as store:
            mirror = MongoMirror(mongo_uri, mongo_db.name)
            reports.append(OutboxRelay(store, mirror, clock=clock).run_pass())
            mirror.close()

    threads = [threading.Thread(target=sync, args=(db_path,)) for db_path, _ in kiosks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(reports) == 2 and all(r.ok for r in reports)
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 6
    for _, made in kiosks:
        for session, recording, path in made:
            assert_one_whole_file(mongo_db, recording, path)
            doc = mongo_db.recordings.find_one({"_id": recording.id})
            assert doc["session_id"] == session.id and doc["file_url"] == f"gridfs://recordings/{recording.id}"
            files = mongo_db[f"{AUDIO_BUCKET}.files"].find_one({"_id": recording.id})
            assert files["metadata"]["session_id"] == str(session.id)
    assert orphan_chunks(mongo_db) == 0


def test_the_kiosk_purge_removes_local_audio_and_rows_once_mongodb_has_both(store, relay, mongo_db, clock):
    session, recording, path = recorded(store, 2 * CHUNK_BYTES)
    digest = sha(path)
    transcript = store.add_transcript(recording.id, "I live by the sea.", "en", "openai", "whisper-1")
    store.add_evaluation(transcript.id, "B1", 0.7, dict(SCORES), "Clear.", [])
    store.end_session(session.id)
    clock.wall += timedelta(minutes=1)
    report = purge_acknowledged(store, timedelta(0))
    assert report.unacknowledged == [session.id] and path.exists()  # nothing sent yet: all kept

    assert relay.run_pass().ok
    report = purge_acknowledged(store, timedelta(0), relay.confirm_server_copy)
    assert report.sessions == [session.id]
    assert not path.exists() and store.get_session(session.id) is None and audio_upload(store, recording.id) is None
    assert gridfs_audio.stored_hash(mongo_db, AUDIO_BUCKET, recording.id) == digest  # MongoDB keeps it whole
    assert mongo_db.recordings.count_documents({"_id": recording.id}) == 1


def test_the_history_plays_a_recording_that_is_only_in_gridfs(qtbot, app_env, running, mongo_uri, mongo_db,
                                                               monkeypatch):
    import time as _time

    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        good, good_rec, good_path = recorded(store, 3 * CHUNK_BYTES, seed=4)
        bad, bad_rec, _ = recorded(store, 2 * CHUNK_BYTES, seed=5)
        original = good_path.read_bytes()
        mirror = MongoMirror(mongo_uri, mongo_db.name)
        relay = OutboxRelay(store, mirror)
        assert relay.run_pass().ok
        _time.sleep(0.01)
        assert len(prune_audio(store, timedelta(0), relay.confirm_server_copy).pruned) == 2
        mirror.close()
    chunks = mongo_db[f"{AUDIO_BUCKET}.chunks"]
    first = chunks.find_one({"files_id": bad_rec.id, "n": 0})
    chunks.update_one({"_id": first["_id"]}, {"$set": {"data": b"x" + first["data"][1:]}})

    window = running().window
    window.open_session(good.id)
    qtbot.waitUntil(lambda: window.flow.shown_recording is not None, timeout=15000)
    assert window.flow.shown_recording.read_bytes() == original
    assert "cache" in str(window.flow.shown_recording)

    window.open_session(bad.id)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=15000)
    assert "does not match what was recorded" in window.banner.text() and "not played" in window.banner.text()
    assert window.flow.shown_recording is None


def test_sync_verify_rehashes_gridfs_and_uploads_a_changed_file_again(store, relay, mongo_db):
    _, recording, path = recorded(store, 3 * CHUNK_BYTES, seed=8)
    assert relay.run_pass().ok
    assert relay.verify_all().missing == 0  # intact: nothing queued
    chunks = mongo_db[f"{AUDIO_BUCKET}.chunks"]
    first = chunks.find_one({"files_id": recording.id, "n": 1})
    chunks.update_one({"_id": first["_id"]}, {"$set": {"data": b"y" + first["data"][1:]}})
    verified = relay.verify_all()
    assert verified.missing == 1 and [r for r, _ in verified.audio_damaged] == [recording.id]
    assert verified.audio_damaged[0][1] == (f"The recording {recording.id} in MongoDB does not match what was "
                                            f"uploaded (its SHA-256 differs). It is uploaded again from the whole "
                                            f"copy on this computer.")
    assert relay.run_pass().ok
    assert_one_whole_file(mongo_db, recording, path)


def test_resending_everything_to_another_mongodb_sends_the_audio_too(store, relay, mongo_uri, mongo_db, clock):
    _, recording, path = recorded(store, 2 * CHUNK_BYTES, seed=9)
    assert relay.run_pass().ok
    other = mongo_db.client[mongo_db.name + "_other"]
    try:
        store.requeue_all()
        mirror = MongoMirror(mongo_uri, other.name)
        assert OutboxRelay(store, mirror, clock=clock).run_pass().ok
        mirror.close()
        assert_one_whole_file(other, recording, path)
        assert other.recordings.count_documents({"_id": recording.id}) == 1
    finally:
        mongo_db.client.drop_database(other.name)
