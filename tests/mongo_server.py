"""A real MongoDB-wire-protocol server for tests and benchmarks: SecantusDB (`secantusd-py`,
GPL-2.0, a test tool only) on a free loopback port, with start/stop/restart for fault tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from pymongo import MongoClient
from pymongo.errors import PyMongoError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_command() -> str:
    found = shutil.which("secantusd-py") or str(Path(sys.executable).with_name("secantusd-py"))
    if not Path(found).exists():
        raise RuntimeError("secantusd-py is not installed: install the test extras (pip install -e '.[test]')")
    return found


class MongoTestServer:
    def __init__(self, storage_dir: Path, port: int | None = None):
        self.storage_dir = storage_dir
        self.port = port or free_port()
        self.uri = f"mongodb://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = storage_dir.parent / f"{storage_dir.name}.log"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout_s: float = 30.0) -> None:
        self.storage_dir.mkdir(parents=True, exist_ok=True)
        with open(self._log, "ab") as log:
            self._proc = subprocess.Popen(
                [_server_command(), "--host", "127.0.0.1", "--port", str(self.port),
                 "--storage-path", str(self.storage_dir), "--log-level", "WARNING"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"secantusd-py exited with {self._proc.returncode}: {self._log.read_text()[-2000:]}")
            try:
                with MongoClient(self.uri, serverSelectionTimeoutMS=300, connectTimeoutMS=300) as client:
                    client.admin.command("ping")
                # SIGTERM sent right after start-up is sometimes lost; a moment's grace avoids it.
                time.sleep(0.2)
                return
            except PyMongoError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"secantusd-py did not answer within {timeout_s} s")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> MongoTestServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def mongo_count(server, collection):
    from pymongo import MongoClient
    with MongoClient(server.uri, serverSelectionTimeoutMS=2000) as client:
        return client["speak_check"][collection].count_documents({})
