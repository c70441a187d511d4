"""Record from the default microphone in a process of its own, for crash and disk-full tests.

usage: python -m tests.record_child FINAL_PATH [FILE_SIZE_LIMIT_BYTES]
Prints `first_block <time.monotonic()>` once audio flows. Without a limit it records until it is
killed. With one, files may not grow past it (as on a full disk): it prints the result as JSON
when the recorder stops by itself."""

import json
import resource
import signal
import sys
import threading
import time
from pathlib import Path

from speakcheck_desktop.audio.recorder import Recorder


def main() -> None:
    final = Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a dead process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    done = threading.Event()
    results = []
    recorder = Recorder(final, on_finished=lambda r: (results.append(r), done.set()))
    recorder.start()
    while recorder.first_block_at is None:
        time.sleep(0.005)
    print(f"first_block {recorder.first_block_at}", flush=True)
    if not done.wait(600):
        return
    result = results[0]
    print(json.dumps({"stopped_by": result.stopped_by.value, "duration_s": result.duration_s,
                      "path": str(result.path), "message": result.message}), flush=True)


if __name__ == "__main__":
    main()
