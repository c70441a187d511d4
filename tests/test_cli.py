"""The admin CLI, run as a person runs it (a subprocess), against the test MongoDB server."""

from pathlib import Path

from tests.cli_rig import speakcheck, store_in
from tests.factories import complete_session
from tests.mongo_server import free_port

REPO = Path(__file__).resolve().parent.parent


def test_status_then_sync_then_status(cli_env, mongo_db):
    with store_in(cli_env) as store:
        complete_session(store, "B2")

    before = speakcheck(cli_env, "status")
    assert before.returncode == 0, before.stderr
    assert "Sync: waiting (8 document(s) to send, 0 rejected by MongoDB)" in before.stdout
    assert "Last successful sync: never" in before.stdout

    sync = speakcheck(cli_env, "sync")
    assert sync.returncode == 0, sync.stderr
    assert "sent 1 sessions, 1 recordings, 1 transcripts, 1 evaluations, 4 events" in sync.stdout
    assert mongo_db.events.count_documents({}) == 4

    after = speakcheck(cli_env, "status")
    assert "Sync: synced (0 document(s) to send" in after.stdout
    assert "Last successful sync: never" not in after.stdout


def test_sync_while_mongodb_is_down_says_so_and_keeps_everything(cli_env):
    with store_in(cli_env) as store:
        complete_session(store)
    cli_env = {**cli_env, "MONGODB_URI": f"mongodb://kiosk:hunter2@127.0.0.1:{free_port()}"}
    result = speakcheck(cli_env, "sync")
    assert result.returncode == 1
    assert "did not answer" in result.stdout and "Nothing was lost" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr
    status = speakcheck(cli_env, "status")
    assert "Sync: offline (8 document(s) to send" in status.stdout
    assert "hunter2" not in status.stdout


def test_a_malformed_uri_is_one_line_without_traceback_or_password(cli_env):
    result = speakcheck({**cli_env, "MONGODB_URI": "mongodb://admin:s3cret@host:notaport"}, "status")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "MONGODB_URI" in lines[0]
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr


def test_a_damaged_local_database_is_reported_and_kept(cli_env):
    path = Path(cli_env["SPEAKCHECK_DATA_DIR"]) / "speakcheck.db"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 1000)
    result = speakcheck(cli_env, "status")
    assert result.returncode == 2
    assert "is damaged" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == b"garbage" * 1000


def test_prune_and_its_argument_check(cli_env):
    with store_in(cli_env) as store:
        complete_session(store, audio=True)
    assert "Pruned audio of 0 recording(s)" in speakcheck(cli_env, "prune", "--older-than", "90d").stdout
    result = speakcheck(cli_env, "prune", "--older-than", "0m")
    assert result.returncode == 0 and "Pruned audio of 1 recording(s)" in result.stdout
    bad = speakcheck(cli_env, "prune", "--older-than", "ninety days")
    assert bad.returncode == 2 and "is not a duration" in bad.stderr


def test_delete_asks_for_confirmation_and_reaches_mongodb(cli_env, mongo_db):
    with store_in(cli_env) as store:
        keep, *_ = complete_session(store, "A2")
        doomed, *_ = complete_session(store, "C1", audio=True)
    assert speakcheck(cli_env, "sync").returncode == 0

    refused = speakcheck(cli_env, "delete", str(doomed.id))
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = speakcheck(cli_env, "delete", str(doomed.id), "--yes")
    assert done.returncode == 0 and "8 document(s), 1 audio file(s)" in done.stdout
    assert speakcheck(cli_env, "sync").returncode == 0
    assert mongo_db.sessions.distinct("_id") == [keep.id]
    missing = speakcheck(cli_env, "delete", str(doomed.id), "--yes")
    assert missing.returncode == 1 and "no session" in missing.stderr


def test_doctor_reports_each_check(cli_env):
    with store_in(cli_env) as store:
        complete_session(store)
    first = speakcheck(cli_env, "doctor")
    assert "[ok] local store" in first.stdout and "[ok] MongoDB reachable" in first.stdout
    assert "[FAIL] indexes: missing" in first.stdout and first.returncode == 1
    speakcheck(cli_env, "sync")
    healthy = speakcheck(cli_env, "doctor")
    assert healthy.returncode == 0, healthy.stdout
    assert "[ok] indexes: all present" in healthy.stdout
    down = speakcheck({**cli_env, "MONGODB_URI": f"mongodb://127.0.0.1:{free_port()}"}, "doctor")
    assert down.returncode == 1 and "[FAIL] MongoDB" in down.stdout


def test_pull_lists_and_copies_a_users_sessions(cli_env, tmp_path):
    with store_in(cli_env) as store:
        user = store.add_user(name="Ana")
        session, *_ = complete_session(store, user_id=user.id)
    speakcheck(cli_env, "sync")
    laptop2 = {**cli_env, "SPEAKCHECK_DATA_DIR": str(tmp_path / "laptop2")}
    listed = speakcheck(laptop2, "pull", "--user", str(user.id))
    assert listed.returncode == 0 and str(session.id) in listed.stdout and "copied" not in listed.stdout
    copied = speakcheck(laptop2, "pull", "--user", str(user.id), "--fetch")
    assert "copied" in copied.stdout
    assert "already here" in speakcheck(laptop2, "pull", "--user", str(user.id)).stdout
