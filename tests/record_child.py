"""Record from the default microphone until killed (the test's crash).

usage: python -m tests.record_child FINAL_PATH
Prints `first_block <time.monotonic()>` once audio flows."""

import sys
import time
from pathlib import Path

from speakcheck_desktop.audio.recorder import Recorder


def main() -> None:
    recorder = Recorder(Path(sys.argv[1]))
    recorder.start()
    while recorder.first_block_at is None:
        time.sleep(0.005)
    print(f"first_block {recorder.first_block_at}", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
