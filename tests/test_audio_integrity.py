"""A recording is what was recorded, or it is named as something else: fingerprinted when it is
made, checked before upload and before transcription; a changed or vanished file is recorded as
such and its recording reaches MongoDB without it; a local copy goes only when MongoDB confirms
its own copy is whole; `status`, `sync` and `sync --verify` say the same thing."""

from datetime import timedelta
from pathlib import Path

import pytest

from speakcheck_desktop.assess.api import Endpoint
from speakcheck_desktop.assess.assessment import Assessor
from speakcheck_desktop.assess.evaluator import Evaluator
from speakcheck_desktop.assess.transcriber import Transcriber
from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.remote.gridfs_audio import CHUNK_BYTES
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET, OutboxRelay
from speakcheck_desktop.store.audio_files import AudioProblem, fingerprint
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.recording_audio import audio_fingerprint, audio_losses, audio_upload
from speakcheck_desktop.store.retention import prune_audio, purge_acknowledged
from tests.cli_rig import speakcheck, store_in
from tests.gridfs_checks import recorded, sha
from tests.mongo_server import free_port

REPO = Path(__file__).resolve().parent.parent


def flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def cut_to_half(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def replace_by_text(path: Path) -> None:
    path.write_text("not a recording\n")


CHANGES = {
    "bytes flipped, same length": (flip_bytes, "its content differs"),
    "cut to half": (cut_to_half, "it is shorter now"),
    "emptied": (empty, "it is empty now"),
    "replaced by text": (replace_by_text, "it is shorter now"),
}


def test_each_recording_is_fingerprinted_when_it_is_made(store):
    _, recording, path = recorded(store, 3 * CHUNK_BYTES + 11)
    assert audio_fingerprint(store, recording.id) == fingerprint(path)
    assert audio_fingerprint(store, recording.id).sha256 == sha(path)
    [stop] = [e for e in store.get_session_detail(recording.session_id).events if e.type == "record_stop"]
    assert stop.payload["audio"] == {"sha256": sha(path), "bytes": 3 * CHUNK_BYTES + 11}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_file_changed_after_it_was_queued_is_never_uploaded(store, relay, mongo_db, change):
    modify, how = CHANGES[change]
    session, recording, path = recorded(store, 4 * CHUNK_BYTES + 3)
    modify(path)
    changed_bytes = path.read_bytes()

    report = relay.run_pass()

    assert report.ok and not report.dead_lettered
    [(lost_id, message)] = report.audio_lost
    assert lost_id == recording.id
    assert message.startswith("The recording file answer.wav changed after it was made: " + how)
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 0
    assert mongo_db[f"{AUDIO_BUCKET}.chunks"].count_documents({}) == 0
    doc = mongo_db.recordings.find_one({"_id": recording.id})
    assert doc["file_url"] == str(path)  # sent without its audio: no GridFS file is named
    [event] = list(mongo_db.events.find({"type": "audio_lost"}))
    assert event["payload"]["problem"] == "changed" and event["payload"]["message"] == message
    assert path.read_bytes() == changed_bytes  # what is there is kept, not deleted
    assert audio_losses(store)[0].problem is AudioProblem.CHANGED
    assert store.pending_transcriptions() == []  # and never scored
    assert relay.status().audio_lost == 1


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_a_changed_file_is_not_transcribed(store, tmp_path, change):
    modify, how = CHANGES[change]
    session, recording, path = recorded(store, 4 * CHUNK_BYTES)
    modify(path)
    dead = f"http://127.0.0.1:{free_port()}/v1"  # nothing may be sent: if it were, the error would be another
    assessor = Assessor(store, Transcriber(Endpoint(dead, "whisper-1", "k", 1, 0)),
                        Evaluator(Endpoint(dead, "gpt-4o-mini", "k", 1, 0)), tmp_path / "work")
    with pytest.raises(AudioFileError) as info:
        assessor.transcribe(recording.id)
    assert str(info.value).startswith("The recording file answer.wav changed after it was made: " + how)
    detail = store.get_session_detail(session.id)
    assert [e.payload["problem"] for e in detail.events if e.type == "audio_lost"] == ["changed"]
    assert detail.transcripts == [] and store.pending_transcriptions() == []


def test_prune_keeps_the_local_copy_until_mongodb_confirms_its_copy_is_whole(store, relay, mongo_db, clock):
    _, recording, path = recorded(store, 3 * CHUNK_BYTES + 1)
    assert relay.run_pass().ok and audio_upload(store, recording.id)["uploaded_at_ms"] is not None
    clock.wall += timedelta(days=2)
    chunks, files = mongo_db[f"{AUDIO_BUCKET}.chunks"], mongo_db[f"{AUDIO_BUCKET}.files"]

    last = chunks.find_one({"files_id": recording.id, "n": 3})
    chunks.delete_one({"_id": last["_id"]})  # "uploaded" says the outbox, but the server lost a part
    assert prune_audio(store, timedelta(days=1), relay.confirm_server_copy).kept == [
        (recording.id, str(path), "MongoDB's copy is incomplete (3 of 4 parts)")]
    chunks.insert_one(last)

    files.update_one({"_id": recording.id}, {"$set": {"metadata.sha256": "0" * 64}})
    assert prune_audio(store, timedelta(days=1), relay.confirm_server_copy).kept == [
        (recording.id, str(path), "MongoDB's copy is not the recording that was made (its SHA-256 differs)")]
    files.update_one({"_id": recording.id}, {"$set": {"metadata.sha256": sha(path)}})

    first = chunks.find_one({"files_id": recording.id, "n": 0})
    chunks.update_one({"_id": first["_id"]}, {"$set": {"data": first["data"][:-10]}})  # a part cut short
    assert prune_audio(store, timedelta(days=1), relay.confirm_server_copy).kept == [
        (recording.id, str(path),
         f"MongoDB's copy is cut short ({3 * CHUNK_BYTES - 9:,} of {3 * CHUNK_BYTES + 1:,} bytes)")]
    chunks.update_one({"_id": first["_id"]}, {"$set": {"data": first["data"]}})

    away = OutboxRelay(store, MongoMirror(f"mongodb://127.0.0.1:{free_port()}", "x", timeout_s=0.2))
    [(_, _, why)] = prune_audio(store, timedelta(days=1), away.confirm_server_copy).kept
    assert why.startswith("MongoDB's copy could not be checked (MongoDB at mongodb://127.0.0.1:")
    assert [k[2] for k in prune_audio(store, timedelta(days=1)).kept] == [
        "MongoDB's copy was not checked, so this one stays"]
    assert path.exists()

    report = prune_audio(store, timedelta(days=1), relay.confirm_server_copy)
    assert [p[0] for p in report.pruned] == [recording.id] and not path.exists()


def test_the_kiosk_purge_keeps_a_session_whose_gridfs_copy_is_not_whole(store, relay, mongo_db, clock):
    session, recording, path = recorded(store, 2 * CHUNK_BYTES)
    transcript = store.add_transcript(recording.id, "I live by the sea.", "en", "openai", "whisper-1")
    store.record_insufficient_evidence(transcript.id, {"reasons": ["too short"]})
    store.end_session(session.id)
    assert relay.run_pass().ok
    clock.wall += timedelta(minutes=1)
    mongo_db[f"{AUDIO_BUCKET}.chunks"].delete_one({"files_id": recording.id, "n": 0})
    report = purge_acknowledged(store, timedelta(0), relay.confirm_server_copy)
    assert report.sessions == []
    assert report.audio_unconfirmed == [(session.id, "MongoDB's copy is incomplete (1 of 2 parts)")]
    assert path.exists() and store.get_session(session.id) is not None


def test_a_vanished_recording_status_sync_and_exit_codes_agree(cli_env, mongo_db):
    with store_in(cli_env) as store:
        session, recording, path = recorded(store, CHUNK_BYTES)
        store.add_transcript(recording.id, "I live by the sea.", "en", "openai", "whisper-1")
    path.unlink()

    sync = speakcheck(cli_env, "sync")
    assert sync.returncode == 0, sync.stderr
    assert ("sent 1 sessions, 1 recordings, 1 transcripts, 4 events; the audio of 1 recording(s) was missing or "
            "had changed: recorded as such, and their recordings go without it (see `speakcheck status`)."
            ) in sync.stdout
    assert sync.stderr == f"  recording {recording.id}: The recording file answer.wav is no longer on this computer.\n"
    assert mongo_db.recordings.count_documents({"_id": recording.id}) == 1

    status = speakcheck(cli_env, "status")
    assert status.returncode == 0
    assert "Sync: synced (0 document(s) to send, 0 rejected by MongoDB)" in status.stdout
    assert "Problem" not in status.stdout
    assert (f"  recording {recording.id} of session {session.id}: The recording file answer.wav is no longer "
            f"on this computer.") in status.stdout

    again = speakcheck(cli_env, "sync")
    assert again.returncode == 0 and "nothing to send" in again.stdout


def test_sync_verify_reports_a_file_changed_after_upload_and_tells_unsent_from_lost(cli_env, mongo_db):
    with store_in(cli_env) as store:
        _, recording, path = recorded(store, 2 * CHUNK_BYTES)
    assert speakcheck(cli_env, "sync").returncode == 0
    flip_bytes(path)  # the copy here changed after the upload; MongoDB's is whole

    verify = speakcheck(cli_env, "sync", "--verify")
    assert verify.returncode == 0, verify.stderr
    assert ("Checked every document in MongoDB: 0 missing in MongoDB, queued again; 0 not sent yet; "
            "1 recording file(s) changed on this computer after they were made.") in verify.stdout
    assert (f"  recording {recording.id}: The recording file answer.wav changed after it was made: its content "
            f"differs.") in verify.stdout

    assert speakcheck(cli_env, "prune", "--older-than", "0m").returncode == 0  # an audio_pruned event, not sent yet
    verify = speakcheck(cli_env, "sync", "--verify")
    assert "Checked every document in MongoDB: 0 missing in MongoDB, queued again; 1 not sent yet." in verify.stdout


def test_a_problem_with_another_mongodb_is_not_repeated_for_this_one(cli_env, mongo_db):
    away = {**cli_env, "MONGODB_URI": f"mongodb://127.0.0.1:{free_port()}"}
    with store_in(cli_env) as store:
        recorded(store, 1000)
    assert speakcheck(away, "sync").returncode == 1
    there = speakcheck(away, "status").stdout
    assert "Problem (at 20" in there and "did not answer within 1 s" in there

    here = speakcheck(cli_env, "status").stdout
    assert "Problem" not in here and "Sync: waiting (5 document(s) to send" in here
    doctor = speakcheck(cli_env, "doctor").stdout
    assert "did not answer" not in doctor


def test_the_window_names_a_changed_recording_and_never_sends_it(qtbot, app_env, running, fake_openai,
                                                               monkeypatch):
    """A recording waiting to be assessed whose file changed meanwhile: at start the app finds it,
    sends nothing to the AI server, and both the live result and the history say why."""
    monkeypatch.setenv("SPEAKCHECK_TRANSCRIBE_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("SPEAKCHECK_EVALUATE_BASE_URL", fake_openai.base_url)
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        session = store.start_session("B1", metadata={"task_prompt": "Describe your town."})
        path = store.recordings_dir / str(session.id) / "answer.wav"
        path.parent.mkdir(parents=True)
        path.write_bytes(bytes(range(256)) * 400)
        store.add_recording(session.id, str(path), 3.2, 16000)
    cut_to_half(path)

    window = running().window
    qtbot.waitUntil(lambda: "changed after it was made" in window.scores.message.text(), timeout=15000)
    assert window.scores.message.text() == ("The recording file answer.wav changed after it was made: it is shorter "
                                            "now (51,200 of 102,400 bytes). It is not sent or scored as if it were "
                                            "the answer.")
    assert "This answer cannot be assessed." in window.transcript.view.toPlainText()
    assert fake_openai.requests_to("/v1/audio/transcriptions") == []

    window.scores.clear()
    window.open_session(session.id)
    qtbot.waitUntil(lambda: "changed after it was made" in window.scores.message.text(), timeout=10000)
    assert "This answer cannot be assessed." in window.transcript.view.toPlainText()
    assert window.flow.shown_recording is None  # not played as if it were the answer


def test_a_file_that_vanishes_while_another_uploads_is_named_not_raised(store, mongo_uri, mongo_db):
    """The check before the batch passed; the second file goes while the first is being sent."""
    _, first, _ = recorded(store, 6 * CHUNK_BYTES, seed=1)
    _, second, second_path = recorded(store, 2 * CHUNK_BYTES, seed=2)

    def on_step(step):
        if step == "audio_read":
            second_path.unlink(missing_ok=True)
    mirror = MongoMirror(mongo_uri, mongo_db.name)
    try:
        report = OutboxRelay(store, mirror, on_step=on_step).run_pass()
    finally:
        mirror.close()
    assert report.ok and report.audio_lost == [
        (second.id, "The recording file answer.wav is no longer on this computer.")]
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 1
    assert mongo_db.recordings.count_documents({}) == 2


def test_a_local_copy_that_changes_after_a_whole_upload_leaves_mongodb_as_it_was(store, relay, mongo_db, tmp_path):
    session, recording, path = recorded(store, 2 * CHUNK_BYTES)
    assert relay.run_pass().ok
    flip_bytes(path)
    dead = f"http://127.0.0.1:{free_port()}/v1"
    assessor = Assessor(store, Transcriber(Endpoint(dead, "whisper-1", "k", 1, 0)),
                        Evaluator(Endpoint(dead, "gpt-4o-mini", "k", 1, 0)), tmp_path / "work")
    for _ in range(2):  # found twice, said once
        with pytest.raises(AudioFileError):
            assessor.transcribe(recording.id)
    [lost] = [e for e in store.get_session_detail(session.id).events if e.type == "audio_lost"]
    assert lost.payload["message"].endswith("The copy in MongoDB is whole.")
    assert relay.run_pass().ok
    assert mongo_db.recordings.find_one({"_id": recording.id})["file_url"] == f"gridfs://recordings/{recording.id}"
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({"_id": recording.id}) == 1
