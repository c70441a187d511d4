"""A full disk: the data folder on a small tmpfs of its own, filled up. Every local write then fails
with the store's sentence (never a raw sqlite3 error), reads go on, the command line and the window
say so in words, and once space is freed the same connections write again and sync completes.

Mounting needs root (or CAP_SYS_ADMIN); where it is not allowed, these tests are skipped."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pymongo import MongoClient
from PySide6.QtCore import Qt

from speakcheck_desktop.core.records import COLLECTIONS, EventType, Level
from speakcheck_desktop.core.task_bank import Task, TaskBank
from speakcheck_desktop.store.database import StoreFullError, open_database
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.migrations import MIGRATIONS
from speakcheck_desktop.store.outbox import UPSERT
from speakcheck_desktop.store.recording_audio import unattached_recording_files
from tests.factories import complete_session
from tests.mongo_server import MongoTestServer, free_port, mongo_count

REPO = Path(__file__).resolve().parent.parent


class SmallDisk:
    """A 2 MiB tmpfs holding the data folder, and a filler file that takes its free space."""

    def __init__(self, mount_point: Path):
        self.mount_point = mount_point
        self.data_dir = mount_point / "data"
        self.filler = mount_point / "filler"

    @property
    def sentence(self) -> str:
        return f"The disk holding {self.data_dir} is full: free some space; nothing already saved was lost."

    def fill(self, leave: int = 0) -> None:
        """Take all the free space but `leave` bytes. In steps, until the disk refuses: the app's
        threads may write meanwhile, so the free space measured a moment ago is no promise."""
        with open(self.filler, "ab", buffering=0) as f:
            try:
                while (free := shutil.disk_usage(self.mount_point).free - leave) > 0:
                    f.write(bytes(min(free, 65536)))
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
        assert shutil.disk_usage(self.mount_point).free <= leave

    def free_up(self) -> None:
        self.filler.unlink()


@pytest.fixture
def small_disk(tmp_path):
    mount_point = Path(os.path.realpath(tmp_path / "disk"))  # the folder SQLite names: no symbolic links
    mount_point.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                                 capture_output=True, text=True)
    except OSError as exc:
        pytest.skip(f"a full disk needs a small tmpfs, and `mount` cannot run here: {exc}")
    if mounted.returncode != 0:
        pytest.skip(f"a full disk needs a small tmpfs, and mounting one is not allowed here (needs root or "
                    f"CAP_SYS_ADMIN): {(mounted.stderr.strip().splitlines() or ['mount failed'])[0]}")
    disk = SmallDisk(mount_point)
    disk.data_dir.mkdir()
    yield disk
    # Lazily: a test that failed half-way may still hold a file open on it.
    subprocess.run(["umount", "--lazy", str(mount_point)], check=True)


def local_ids(store: LocalStore) -> dict[str, list]:
    return {c: sorted(i for batch in store.ids(c) for i in batch) for c in COLLECTIONS}


def mongo_ids(db) -> dict[str, list]:
    return {c: sorted(d["_id"] for d in db[c].find({}, {"_id": 1})) for c in COLLECTIONS}


def test_every_write_on_a_full_disk_says_so_reads_go_on_and_writes_work_again_with_space(small_disk, clock):
    with LocalStore.open(small_disk.data_dir / "speakcheck.db", clock=clock) as store:
        kept, *_ = complete_session(store, "B2", end=False)
        pending = store.outbox.pending("sessions", UPSERT, 0, 10)

        # The app's writes and the relay's alike, each on the connection the one before failed on.
        small_disk.fill()
        for write in (lambda: store.start_session("C1"), lambda: store.add_event(kept.id, EventType.RESUME),
                      lambda: store.end_session(kept.id), lambda: store.set_state("problem", "x"),
                      lambda: store.outbox.mark_done(pending), lambda: store.outbox.note_attempt(pending, "x")):
            with pytest.raises(StoreFullError) as full:  # any other error (a raw sqlite3 one) fails the test
                write()
            assert str(full.value) == small_disk.sentence
        small_disk.free_up()

        # With a little room, writes go in until the disk is full; the first that does not fit says so.
        small_disk.fill(leave=256 * 1024)
        made = []
        with pytest.raises(StoreFullError) as full:
            for _ in range(500):
                made.append(store.start_session("B1"))
        assert made, "some sessions should have fitted before the disk was full"
        assert str(full.value) == small_disk.sentence

        # Reads still work, and nothing saved before went.
        assert store.count("sessions") == 1 + len(made)
        page = store.list_sessions(limit=1000)
        assert {s.session.id for s in page.items} == {kept.id, *(s.id for s in made)}
        detail = store.get_session_detail(kept.id)
        assert len(detail.evaluations) == 1 and len(detail.events) == 4
        assert store.get_session(kept.id).status.value == "active"
        assert store.outbox.counts() == {"pending": 8 + 2 * len(made), "dead": 0}
        assert store.integrity_check() == ["ok"]

        small_disk.free_up()
        # The same connection writes again: no transaction was left open by the failed ones.
        later = store.start_session("A2")
        store.end_session(kept.id)
        assert store.get_session(later.id) is not None and store.count("sessions") == 2 + len(made)
        assert store.get_session(kept.id).status.value == "completed"
        assert store.integrity_check() == ["ok"]


def test_a_migration_on_a_full_disk_says_so_and_leaves_no_half_backup(small_disk):
    path = small_disk.data_dir / "speakcheck.db"
    open_database(path, MIGRATIONS[:-1]).close()
    small_disk.fill(leave=64 * 1024)  # room to open and read it, not for the backup copy made first
    with pytest.raises(StoreFullError) as full:
        open_database(path)
    assert str(full.value) == small_disk.sentence
    assert not list(small_disk.data_dir.glob("*.bak"))  # a half copy would pass for a backup

    small_disk.free_up()
    conn = open_database(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    conn.close()
    assert len(list(small_disk.data_dir.glob("*.bak"))) == 1


def test_a_store_closed_cleanly_cannot_be_opened_on_a_full_disk_and_says_why(small_disk):
    """Even reading a WAL database needs its index file (-shm, 32 KiB), which SQLite removes when the
    last connection closes; on a full disk it cannot make one again and says SQLITE_IOERR_SHMSIZE."""
    path = small_disk.data_dir / "speakcheck.db"
    open_database(path).close()
    assert not path.with_name(f"{path.name}-shm").exists()
    small_disk.fill()
    with pytest.raises(StoreFullError) as full:
        LocalStore.open(path)
    assert str(full.value) == small_disk.sentence
    small_disk.free_up()
    LocalStore.open(path).close()


def speakcheck(env, *args):
    return subprocess.run([sys.executable, "-m", "speakcheck_desktop.cli", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_the_command_line_on_a_full_disk_reads_refuses_to_sync_in_words_then_syncs_exactly(
        small_disk, tmp_path, mongo_uri, mongo_db, clock):
    env = {**os.environ, "SPEAKCHECK_DATA_DIR": str(small_disk.data_dir),
           "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "cfg"), "MONGODB_URI": mongo_uri, "MONGODB_DB": mongo_db.name,
           "SPEAKCHECK_MONGODB_TIMEOUT_S": "5"}
    path = small_disk.data_dir / "speakcheck.db"
    with LocalStore.open(path, clock=clock) as store:
        for level in ("A2", "B1", "C1"):
            complete_session(store, level)
        local = local_ids(store)
        # Filled while the store is open, as while the app runs (its WAL and -shm files stay).
        small_disk.fill()

    status = speakcheck(env, "status")
    assert status.returncode == 0, status.stderr
    assert "(3 session(s))" in status.stdout and "Sync: waiting (24 document(s) to send" in status.stdout

    # MongoDB acknowledges the first batch, then the outbox cannot be told: one line, no traceback.
    sync = speakcheck(env, "sync")
    assert sync.returncode == 1  # could not finish (not a setup problem)
    assert sync.stderr == f"speakcheck: {small_disk.sentence}\n"
    assert mongo_db.sessions.count_documents({}) == 3  # sent, yet still queued: they go again below

    small_disk.free_up()
    sync = speakcheck(env, "sync")
    assert sync.returncode == 0, sync.stdout + sync.stderr
    assert mongo_ids(mongo_db) == local  # each document once, the ones sent twice included
    with LocalStore.open(path) as store:
        assert store.outbox.counts() == {"pending": 0, "dead": 0}


# A preparation long enough that no recording starts: the test needs no microphone.
LONG_PREPARATION = TaskBank([Task(f"full-{level.value}", level, "describe", "Describe your home town.", 600, 60)
                             for level in Level])


@pytest.mark.needs_restartable_mongo
def test_the_window_on_a_full_disk_says_so_in_its_banner_and_carries_on_once_there_is_space(
        qtbot, small_disk, app_env, running, monkeypatch, tmp_path, virtual_mic):
    if os.environ.get("MONGODB_TEST_URI"):
        pytest.skip("starts its own MongoDB server later in the test")
    mongo = MongoTestServer(tmp_path / "mongo", port=free_port())  # not running yet: what is written waits
    monkeypatch.setenv("SPEAKCHECK_DATA_DIR", str(small_disk.data_dir))
    monkeypatch.setenv("MONGODB_URI", mongo.uri)
    monkeypatch.setenv("MONGODB_DB", "speak_check")
    app = running(api_key=None, sync_backoff_cap_s=1.0, tasks=LONG_PREPARATION)
    window = app.window
    try:
        qtbot.waitUntil(lambda: window.task_card.task is not None)
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("Sync: offline"), timeout=20000)

        small_disk.fill()
        qtbot.mouseClick(window.panel.start, Qt.LeftButton)
        qtbot.waitUntil(window.banner.isVisible, timeout=10000)
        assert window.banner.text() == small_disk.sentence
        assert window.phase == "idle" and window.isVisible() and window.test is None
        qtbot.waitUntil(window.panel.start.isEnabled)  # the person may try again
        assert window.panel.phase.text() == ("The test could not start (see the message above). "
                                             "Press Start to try again.")

        # The sync loop meets the full disk too: MongoDB takes the user, the outbox cannot say so.
        mongo.start()
        qtbot.waitUntil(lambda: mongo_count(mongo, "users") == 1, timeout=20000)
        qtbot.waitUntil(lambda: window.sync_label.toolTip() == small_disk.sentence, timeout=20000)
        assert window.sync_label.text() == "Sync: needs attention"

        small_disk.free_up()
        qtbot.mouseClick(window.panel.start, Qt.LeftButton)
        qtbot.waitUntil(lambda: window.phase == "preparing", timeout=10000)
        qtbot.waitUntil(lambda: window.sync_label.text() == "Sync: up to date", timeout=20000)
        with LocalStore.open(app.services.settings.database_path) as store:
            assert store.outbox.counts() == {"pending": 0, "dead": 0}
            local = local_ids(store)
        assert [len(local[c]) for c in ("users", "sessions", "events")] == [1, 1, 1]
        with MongoClient(mongo.uri, tz_aware=True, serverSelectionTimeoutMS=5000) as client:
            assert mongo_ids(client["speak_check"]) == local  # the user sent twice is there once
    finally:
        app.close()
        mongo.stop()


def test_a_kiosk_on_a_full_disk_takes_the_candidate_back_to_check_in_to_try_again(
        qtbot, small_disk, app_env, running, monkeypatch, virtual_mic):
    from speakcheck_desktop.core.operator_pin import hash_pin
    from speakcheck_desktop.kiosk_config import KioskConfig
    from speakcheck_desktop.ui.kiosk_window import KioskWindow

    monkeypatch.setenv("SPEAKCHECK_DATA_DIR", str(small_disk.data_dir))
    monkeypatch.setenv("MONGODB_URI", f"mongodb://127.0.0.1:{free_port()}")
    config = KioskConfig(operator_pin=hash_pin("4827"), level=Level.B1)
    app = running(api_key=None, kiosk=config, tasks=LONG_PREPARATION,
                  window=lambda services: KioskWindow(services, config))
    window = app.window
    small_disk.fill()
    qtbot.keyClicks(window.check_in_page.candidate_id, "CAND-1")
    qtbot.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    assert window.banner.text() == small_disk.sentence
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.check_in_page, timeout=10000)
    assert window.check_in_page.message.text() == ("The test could not start (see the message above). Press "
                                                   "Begin to try again, or ask the operator.")
    assert window.check_in_page.begin.isEnabled() and window.check_in_page.candidate_id.text() == "CAND-1"
    assert window.visit is None

    small_disk.free_up()
    qtbot.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.flow.test is not None, timeout=10000)
    assert window.pages.currentWidget() is window.exam_page and window.who.text() == "Candidate CAND-1"


def test_a_recording_whose_saving_failed_is_adopted_at_the_next_start(qtbot, app_env, running):
    """The audio was finished on disk but its recording could not be written (the disk filled up
    in between): the next start finds it in its session's folder and puts it back."""
    import numpy as np
    import soundfile as sf

    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        session = store.start_session("B1")
        path = store.recordings_dir / str(session.id) / "20261201T101500Z.wav"
        path.parent.mkdir(parents=True)
        sf.write(path, np.zeros(16000 * 3, dtype="int16"), 16000)
    app = running(api_key=None)
    qtbot.waitUntil(lambda: "had not been saved" in app.window.statusBar().currentMessage(), timeout=15000)
    assert app.window.statusBar().currentMessage() == ("Recovered 3 s of a recording that had not been saved. "
                                                       "It is in your history and will be assessed.")
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        [recording] = store.get_session_detail(session.id).recordings
        assert (recording.file_url, recording.duration_s) == (str(path), 3.0)
        assert unattached_recording_files(store) == []


def test_a_report_on_a_full_disk_says_so_and_leaves_the_earlier_one(small_disk, tmp_path, qapp):
    from speakcheck_desktop.assess.session_report import session_report
    from speakcheck_desktop.core.task_bank import TaskBank
    from speakcheck_desktop.resources import resource_path
    from speakcheck_desktop.services.report_pdf import ReportError, write_report_pdf
    from tests.factories import complete_session

    with LocalStore.open(tmp_path / "elsewhere.db") as store:
        session, *_ = complete_session(store)
        report = session_report(store, session.id, TaskBank.load(resource_path("tasks.json")))
    folder = small_disk.data_dir
    earlier = folder / "report.pdf"
    earlier.write_bytes(b"the report saved last week")
    small_disk.fill()
    with pytest.raises(ReportError) as failed:
        write_report_pdf(report, earlier)
    assert str(failed.value) == small_disk.sentence
    assert earlier.read_bytes() == b"the report saved last week"
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]  # no half-written temporary file
    small_disk.free_up()
    write_report_pdf(report, earlier)
    assert earlier.read_bytes().startswith(b"%PDF")
