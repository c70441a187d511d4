"""The composition root: settings, stores, services and the window, wired once. `build_services`
takes everything it depends on as arguments, so a test builds the whole app against a temporary
data dir, the test MongoDB, the test AI server and the virtual microphone."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from datetime import timedelta
from pathlib import Path

import platformdirs

from speakcheck_desktop.assess.assessment_setup import assessment_setup
from speakcheck_desktop.assess.credentials import api_key as stored_api_key
from speakcheck_desktop.config import APP_NAME, ConfigError, Settings, config_dir, load_settings
from speakcheck_desktop.core.mock_format import BankError, MockTest
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.kiosk_config import KioskConfig, KioskConfigError, find_kiosk_file, load_kiosk_config
from speakcheck_desktop.remote.mongo_mirror import MongoMirror
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.services.app_services import AppServices
from speakcheck_desktop.services.connection_checks import ConnectionChecks
from speakcheck_desktop.services.progress_service import ProgressService
from speakcheck_desktop.services.recorder_service import RecorderService
from speakcheck_desktop.services.report_service import ReportService
from speakcheck_desktop.services.review_service import ReviewService
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.services.settings_service import SettingsService
from speakcheck_desktop.services.sync_service import SyncService
from speakcheck_desktop.store.centre_key import centre_key_dir
from speakcheck_desktop.store.database import StoreError
from speakcheck_desktop.store.local_store import LocalStore

log = logging.getLogger(__name__)
_IMPORTED_AT = time.time()


def build_services(settings: Settings, *, api_key: str | None, sync: bool = True, tasks: TaskBank | None = None,
                   retry_s: float = 30.0, sync_backoff_cap_s: float = 120.0,
                   kiosk: KioskConfig | None = None, mock_tests: list[MockTest] | None = None,
                   offline: bool | None = None) -> AppServices:
    """`offline`: whether the offline pack counts as installed (found out when None)."""
    if mock_tests is None:  # BankError: the sentence, before anything is opened
        mock_tests = load_mock_tests(kiosk.mock_bank if kiosk else None)

    def open_store() -> LocalStore:
        return LocalStore.open(settings.database_path, settings.recordings_dir)

    store = open_store()
    settings_service = SettingsService(config_dir())
    user_id = settings_service.device_user(store)

    tasks = tasks or TaskBank.load(resource_path("tasks.json"))
    ai = assessment_setup(settings, api_key, offline=offline)

    work_dir = settings.data_dir / "work"
    sessions = SessionService(store, open_store(), tasks, lambda store: ai.assessor(store, work_dir), user_id=user_id,
                              settings=settings_service,
                              audio_cache_dir=settings.data_dir / "cache" / "audio", retry_s=retry_s,
                              mock_tests=mock_tests, can_evaluate=ai.can_evaluate,
                              review_below=kiosk.review_below if kiosk else None)
    if (settings.audio_storage or ("gridfs" if kiosk else "local")) == "gridfs" and sync:
        sessions.upload_to = AUDIO_BUCKET
    # A staff computer copies the centre's finished sessions in from MongoDB to review them, and
    # signs what it reviews with the centre's key; a kiosk does neither (its data leaves it).
    staff = sync and kiosk is None
    reviews = ReviewService(open_store(), tasks,
                            mirror=MongoMirror(settings.mongodb_uri, settings.mongodb_db, settings.mongodb_timeout_s)
                            if staff else None, centre_key_dir=None if kiosk else centre_key_dir())
    reviews.data_changed.connect(sessions.data_changed)  # the history reloads, the sync sends the review
    recorder = RecorderService()
    recorder.preferred_device = settings_service.preferences().input_device
    sync_service = None
    if sync:
        # A kiosk keeps candidates' data only until MongoDB has it (plus the centre's retention).
        purge_after = timedelta(hours=kiosk.keep_after_sync_h) if kiosk else None
        sync_service = SyncService(open_store(), MongoMirror(settings.mongodb_uri, settings.mongodb_db,
                                                             settings.mongodb_timeout_s),
                                   backoff_cap_s=sync_backoff_cap_s, purge_after=purge_after)
        sessions.data_changed.connect(sync_service.nudge)
        sessions.remote_audio = sync_service
        sync_service.fetch_progress.connect(sessions.audio_fetching)
    reports = ReportService(open_store(), tasks, centre=(kiosk.centre or None) if kiosk else None,
                            logo=kiosk.logo if kiosk else None)
    progress = ProgressService(open_store(), user_id=str(user_id) if user_id else None)
    checks = ConnectionChecks(settings_service)
    return AppServices(settings, sessions, recorder, sync_service, ai, reviews, reports, progress, checks,
                       offline=offline)


def setup_logging() -> Path:
    """Details go to a rotating file; the person sees sentences, never tracebacks."""
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(log_dir / "speakcheck.log", maxBytes=2_000_000, backupCount=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_dir


def main(argv: list[str] | None = None) -> int:
    import argparse

    from speakcheck_desktop.self_check import missing_system_libraries
    from speakcheck_desktop.self_check import run as self_check

    argv = sys.argv if argv is None else argv
    parser = argparse.ArgumentParser(prog="speakcheck-desktop", description="SpeakCheck Desktop")
    parser.add_argument("--self-check", action="store_true", help="check this installation and exit")
    parser.add_argument("--record", type=float, default=0.0, metavar="SECONDS",
                        help="with --self-check: also record this long from the microphone")
    parser.add_argument("--startup-time", action="store_true",
                        help="show the window, print how long that took from launch, and quit")
    parser.add_argument("--kiosk", action="store_true",
                        help="test-centre kiosk: full screen, one candidate after another (see kiosk.toml)")
    args, qt_args = parser.parse_known_args(argv[1:])
    if args.self_check:
        return self_check(args.record)
    # Say which system library is missing, instead of Qt's "could not load the platform plugin".
    missing = missing_system_libraries()
    if missing:
        print("speakcheck-desktop: " + " ".join(missing), file=sys.stderr)
        return 2

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from speakcheck_desktop.ui.main_window import MainWindow

    # Settings first: wrong ones are refused before anything (the log folder included) is created.
    try:
        settings = load_settings()
    except ConfigError as exc:
        app = QApplication([argv[0], *qt_args])
        QMessageBox.critical(None, "SpeakCheck cannot start", str(exc))
        print(f"speakcheck-desktop: {exc}", file=sys.stderr)
        return 2
    setup_logging()
    app = QApplication([argv[0], *qt_args])
    app.setApplicationName("SpeakCheck")
    app.setOrganizationName("SpeakCheck")
    from speakcheck_desktop.ui.translations import install_translations

    # Before any window: each sets its words when it is made. The settings' language, else the system's.
    install_translations(app, settings.language or None)
    try:
        kiosk_file = find_kiosk_file()
        kiosk = load_kiosk_config(kiosk_file) if args.kiosk or kiosk_file else None
        if kiosk is not None and not kiosk.operator_pin:
            raise KioskConfigError("Kiosk mode needs an operator PIN (nobody could leave or set it up otherwise): "
                                   "run “speakcheck kiosk-pin” as the administrator first.")
        services = build_services(settings, api_key=stored_api_key(), kiosk=kiosk)
    except (ConfigError, StoreError, KioskConfigError, BankError) as exc:
        QMessageBox.critical(None, "SpeakCheck cannot start", str(exc))
        print(f"speakcheck-desktop: {exc}", file=sys.stderr)
        return 2
    if kiosk is not None:
        from speakcheck_desktop.ui.kiosk_window import KioskWindow
        window = KioskWindow(services, kiosk)
        window.showFullScreen()
    else:
        window = MainWindow(services, QSettings(str(config_dir() / "window.ini"), QSettings.IniFormat),
                            offer_setup=True)
        window.show()
    if args.startup_time:
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"window shown {_since_launch_s() * 1000:.0f} ms after launch", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    else:
        services.start()
    code = app.exec()
    services.shutdown()
    return code


def _since_launch_s() -> float:
    """Seconds since this process was launched: from /proc where there is one (10 ms steps),
    else since this module was imported."""
    try:
        import os
        ticks = int(open(f"/proc/{os.getpid()}/stat").read().rsplit(")", 1)[1].split()[19])
        uptime = float(open("/proc/uptime").read().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.time() - _IMPORTED_AT


if __name__ == "__main__":
    sys.exit(main())
