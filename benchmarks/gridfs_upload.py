"""GridFS upload: a 10-minute FLAC recording uploaded through the app (a sync pass with the audio
queued in the outbox: upload with its SHA-256, chunk-count check, marking it uploaded, then the recordings
document), against a plain `GridFSBucket.upload_from_stream` of the same file on the same test
MongoDB server, in the same run, alternating.

    .venv/bin/python benchmarks/gridfs_upload.py [--rounds 5]

Target: app / plain at most 1.2 (medians)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402
from gridfs import GridFSBucket  # noqa: E402
from pymongo import MongoClient  # noqa: E402

from speakcheck_desktop.remote.mongo_mirror import MongoMirror  # noqa: E402
from speakcheck_desktop.remote.outbox_relay import AUDIO_BUCKET, OutboxRelay  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from tests.mongo_server import MongoTestServer  # noqa: E402


def ten_minutes_of_flac(path: Path) -> Path:
    """Speech-like audio (syllable-rate bursts of voiced tones over room noise), 16 kHz mono."""
    rate, seconds = 16000, 600
    t = np.arange(rate * seconds) / rate
    rng = np.random.default_rng(7)
    envelope = (np.sin(2 * np.pi * 4 * t) > 0.2) * (np.sin(2 * np.pi * 0.3 * t) > -0.5)
    voice = sum(np.sin(2 * np.pi * f * t * (1 + 0.05 * np.sin(2 * np.pi * 0.5 * t))) / k
                for k, f in enumerate((140, 280, 420, 560), start=1))
    signal = 0.25 * envelope * voice + 0.003 * rng.standard_normal(t.size)
    sf.write(path, signal.astype(np.float32), rate, format="FLAC", subtype="PCM_16")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    flac = ten_minutes_of_flac(tmp / "answer.flac")
    size = flac.stat().st_size
    server = MongoTestServer(tmp / "mongo")
    server.start()
    client = MongoClient(server.uri)
    app_times, plain_times = [], []
    try:
        for _ in range(args.rounds):
            # the app: a store with one session and its recording queued for GridFS, one sync pass
            db_name = f"bench_{uuid.uuid4().hex[:8]}"
            with LocalStore.open(tmp / db_name / "speakcheck.db") as store:
                session = store.start_session("B1")
                store.add_recording(session.id, str(flac), 600.0, 16000, upload_to=AUDIO_BUCKET)
                mirror = MongoMirror(server.uri, db_name)
                relay = OutboxRelay(store, mirror)
                mirror.ensure_indexes()  # as after the first pass of a running app
                relay._indexes_ready = True
                # the session document goes first in the same pass; it is small next to 10 minutes of audio
                start = time.perf_counter()
                report = relay.run_pass()
                app_times.append(time.perf_counter() - start)
                assert report.ok and report.pushed["audio"] == 1, report.summary()
                mirror.close()
            # plain: the driver's own GridFS upload of the same file into a fresh database
            plain_db = client[f"plain_{uuid.uuid4().hex[:8]}"]
            bucket = GridFSBucket(plain_db, "recordings")
            with open(flac, "rb") as f:
                start = time.perf_counter()
                bucket.upload_from_stream("answer.flac", f)
                plain_times.append(time.perf_counter() - start)
    finally:
        client.close()
        server.stop()
    app, plain = statistics.median(app_times), statistics.median(plain_times)
    print(f"10-minute FLAC, {size / 1e6:.1f} MB, {args.rounds} rounds")
    print(f"app (sync pass: upload, completeness check, mark, recordings document): median {app * 1000:.0f} ms")
    print(f"plain GridFSBucket.upload_from_stream:                          median {plain * 1000:.0f} ms")
    print(f"ratio app / plain: {app / plain:.2f} (target at most 1.2)")


if __name__ == "__main__":
    main()
