"""Two syncs of one data dir at once (the app's loop and `speakcheck sync` in a terminal): one
holds the lock, the other waits or says so; an upload never deletes chunks it did not write; one of
two real `speakcheck sync` processes SIGKILLed at a random moment, twenty times over, never leaves
a GridFS file broken, an orphan chunk, a false "uploaded" or a pruned only copy behind."""

import math
import os
import random
import select
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from bson import Binary

from speakcheck_desktop.remote import gridfs_audio
from speakcheck_desktop.remote.gridfs_audio import CHUNK_BYTES
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET, OutboxRelay
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import AUDIO
from speakcheck_desktop.store.recording_audio import audio_fingerprint, audio_upload, uploaded_audio_ids
from speakcheck_desktop.store.retention import prune_audio
from speakcheck_desktop.store.sync_lock import SyncLock
from tests.gridfs_checks import assert_one_whole_file, orphan_chunks, recorded

REPO = Path(__file__).resolve().parent.parent


def test_a_second_sync_of_the_same_data_dir_does_nothing_and_says_why(store, relay, mongo_db):
    recorded(store, 2 * CHUNK_BYTES)
    with SyncLock(store.path.parent).hold():  # the other sync (the app's loop, say)
        report = relay.run_pass()
    assert report.busy == (f"another sync of this computer's data is running (process {os.getpid()}); "
                           f"it sends what is waiting")
    assert report.summary().startswith("nothing done here: another sync")
    assert not report.pushed and store.outbox.counts()["pending"] == 5  # untouched
    assert mongo_db[f"{AUDIO_BUCKET}.chunks"].count_documents({}) == 0
    assert relay.run_pass().ok and store.outbox.counts() == {"pending": 0, "dead": 0}  # lock released: on it goes


def test_the_lock_of_a_killed_process_is_released(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from speakcheck_desktop.store.sync_lock import SyncLock\n"
        "with SyncLock(Path(sys.argv[1])).hold():\n    print('held', flush=True); time.sleep(60)"), str(tmp_path)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        try:
            with SyncLock(tmp_path).hold(wait_s=0.3):
                raise AssertionError("two holders at once")
        except Exception as exc:  # SyncBusy, naming the holder
            assert f"(process {holder.pid})" in str(exc) and time.monotonic() - started >= 0.3
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        with SyncLock(tmp_path).hold(wait_s=2):
            pass  # the OS released it with the process: no stale lock to clear by hand
    finally:
        holder.kill()
        holder.wait(10)


def test_an_upload_never_deletes_chunks_it_did_not_write(store, relay, mongo_db):
    _, recording, path = recorded(store, 3 * CHUNK_BYTES + 5)
    transcript = store.add_transcript(recording.id, "I live by the sea.", "en", "openai", "whisper-1")
    chunks = mongo_db[f"{AUDIO_BUCKET}.chunks"]
    # Somebody else's data under this id (another upload under way, another tool): not ours to delete.
    foreign = [{"files_id": recording.id, "n": n, "data": Binary(b"z" * CHUNK_BYTES)} for n in range(2)]
    chunks.insert_many(foreign)
    report = relay.run_pass()
    assert [(c, i) for c, i, _ in report.dead_lettered] == [(AUDIO, recording.id)]
    assert report.dead_lettered[0][2] == (f"MongoDB holds other data under the id of recording {recording.id} "
                                          f"(part 0 differs from this computer's file); it was left untouched")
    assert sorted(c["_id"] for c in chunks.find({})) == sorted(d["_id"] for d in foreign)  # all still there
    assert mongo_db[f"{AUDIO_BUCKET}.files"].count_documents({}) == 0
    assert mongo_db.recordings.count_documents({}) == 0  # its document waits for its audio...
    assert mongo_db.transcripts.count_documents({"_id": transcript.id}) == 0  # ...and so does what stands on it
    assert path.exists() and audio_upload(store, recording.id)["uploaded_at_ms"] is None


def test_a_cut_upload_resumes_keeping_the_chunks_already_sent(store, relay, mongo_db):
    _, recording, path = recorded(store, 5 * CHUNK_BYTES + 9)
    data = path.read_bytes()
    chunks = mongo_db[f"{AUDIO_BUCKET}.chunks"]
    # What a sync killed after two chunks left: its chunks, no files document.
    chunks.insert_many([{"files_id": recording.id, "n": n, "data": Binary(data[n * CHUNK_BYTES:(n + 1) * CHUNK_BYTES])}
                        for n in range(2)])
    left = {c["n"]: c["_id"] for c in chunks.find({})}
    assert relay.run_pass().ok
    assert_one_whole_file(mongo_db, recording, path)
    assert {c["n"]: c["_id"] for c in chunks.find({"n": {"$lt": 2}})} == left  # kept, not deleted and sent again


def _speakcheck_sync(env):
    return subprocess.Popen([sys.executable, "-m", "speakcheck_desktop.cli", "sync"], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_the_holder(procs, lock_path, timeout_s=20.0):
    """Wait until one of `procs` holds the sync lock (its pid is in the lock file) and the other
    has said that it waits for it, then SIGKILL the holder. Returns (killed, other, what the other
    wrote to stderr meanwhile)."""
    pids = {str(p.pid): p for p in procs}
    deadline = time.monotonic() + timeout_s
    holder = None
    while holder is None and time.monotonic() < deadline:
        try:
            holder = pids.get(lock_path.read_text().strip())
        except OSError:
            pass
        time.sleep(0.005)
    assert holder is not None, "neither sync took the lock"
    other = next(p for p in procs if p is not holder)
    said = b""
    # Read the raw pipe (not the text wrapper `communicate` reads later), so nothing is lost.
    while b"Waiting: another sync" not in said and holder.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([other.stderr], [], [], 0.02)
        if ready:
            chunk = os.read(other.stderr.fileno(), 4096)
            if not chunk:
                break
            said += chunk
    holder.send_signal(signal.SIGKILL)
    return holder, other, said.decode()


def test_two_syncs_at_once_one_killed_at_a_random_moment(tmp_path, mongo_uri, mongo_db):
    """Twenty trials: two `speakcheck sync` processes start together on one data dir with GridFS
    audio; one, chosen at random, is SIGKILLed at a random moment (every fourth trial: the one
    holding the lock, once the other waits for it). After each trial: the other ends
    without a traceback and without quoting audio; every file the store calls uploaded is whole in
    GridFS with the SHA-256 taken at recording time; prune removes only such copies; no chunk
    without its file once the work is done."""
    data = tmp_path / "data"
    env = {**os.environ, "SPEAKCHECK_DATA_DIR": str(data), "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "cfg"),
           "MONGODB_URI": mongo_uri, "MONGODB_DB": mongo_db.name, "SPEAKCHECK_AUDIO_STORAGE": "gridfs"}
    rng = random.Random(20261201)
    took_over = 0  # trials where the killed one held the lock and the other finished its work
    all_recordings = []
    for trial in range(20):
        aimed = trial % 4 == 3
        # An aimed trial's holder must still be at work when the other has started and waits
        # (~0.5 s): larger recordings there, else it may be done before the kill lands.
        chunks = (40, 60) if aimed else (2, 12)
        with LocalStore.open(data / "speakcheck.db") as store:
            all_recordings += [recorded(store, rng.randint(*chunks) * CHUNK_BYTES + rng.randint(0, 999),
                                        seed=trial * 10 + k)[1] for k in range(2)]
        first, second = _speakcheck_sync(env), _speakcheck_sync(env)
        said = ""  # what the survivor wrote to stderr before the kill (an aimed trial reads it)
        if aimed:
            # Aimed: the holder of the lock, killed once the other has said it waits. Random
            # moments alone hit that case seldom on a fast machine (the work is done in a blink).
            victim, survivor, said = _kill_the_holder((first, second), data / "sync.lock")
        else:
            victim, survivor = (first, second) if rng.random() < 0.5 else (second, first)
            time.sleep(rng.uniform(0.4, 1.6))  # a process takes ~0.5 s to start: before, during, after uploads
            victim.send_signal(signal.SIGKILL)
        out, err = survivor.communicate(timeout=120)
        err = said + err
        victim.wait(10)
        assert survivor.returncode == 0, err[-2000:]
        assert "Traceback" not in err + out and len(err) + len(out) < 2000  # plain lines, never audio bytes
        took_over += victim.returncode == -signal.SIGKILL and "Waiting: another sync" in err

        with LocalStore.open(data / "speakcheck.db") as store:
            mirror = MongoMirror(mongo_uri, mongo_db.name)
            relay = OutboxRelay(store, mirror)
            for recording_id in uploaded_audio_ids(store):  # the store's "uploaded" is true
                assert gridfs_audio.stored_hash(mirror.db, AUDIO_BUCKET, recording_id) == \
                    audio_fingerprint(store, recording_id).sha256
            pruned = prune_audio(store, timedelta(0), relay.confirm_server_copy).pruned
            for recording_id, _, _ in pruned:  # only copies MongoDB holds whole went
                assert gridfs_audio.stored_hash(mirror.db, AUDIO_BUCKET, recording_id) == \
                    audio_fingerprint(store, recording_id).sha256
            assert relay.run_pass().ok  # what the kill interrupted, finished
            assert store.outbox.counts() == {"pending": 0, "dead": 0}
            assert orphan_chunks(mirror.db) == 0
            mirror.close()
    with LocalStore.open(data / "speakcheck.db") as store:
        for recording in all_recordings:
            fingerprint = audio_fingerprint(store, recording.id)
            files = mongo_db[f"{AUDIO_BUCKET}.files"].find_one({"_id": recording.id})
            assert (files["length"], files["metadata"]["sha256"]) == (fingerprint.bytes, fingerprint.sha256)
            assert mongo_db[f"{AUDIO_BUCKET}.chunks"].count_documents({"files_id": recording.id}) == \
                math.ceil(fingerprint.bytes / CHUNK_BYTES)
        assert mongo_db.recordings.count_documents({}) == len(all_recordings)
    assert took_over >= 3, f"only {took_over} of 20 kills hit the sync holding the lock"


def test_prune_and_the_kiosk_purge_wait_for_the_sync_lock(store, relay, mongo_db, clock):
    """`sync --verify` may replace a damaged GridFS copy from the local one: prune and purge must
    never remove that local copy meanwhile, so they hold the same lock."""
    session, recording, path = recorded(store, CHUNK_BYTES)
    transcript = store.add_transcript(recording.id, "Hello.", "en", "openai", "whisper-1")
    store.record_insufficient_evidence(transcript.id, {"reasons": ["too short"]})
    store.end_session(session.id)
    assert relay.run_pass().ok
    clock.wall += timedelta(days=1)
    with SyncLock(store.path.parent).hold():
        try:
            relay.prune_audio(timedelta(0))
            raise AssertionError("pruned while another sync held the lock")
        except Exception as exc:
            assert "another sync of this computer's data is running" in str(exc)
        assert relay.purge_acknowledged(timedelta(0)) is None
    assert path.exists()
    assert relay.purge_acknowledged(timedelta(0)).sessions == [session.id] and not path.exists()
