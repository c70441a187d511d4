"""Running the admin CLI as a person runs it: `speakcheck(env, *args)` runs
`python -m speakcheck_desktop.cli` in a subprocess with the given environment (the `cli_env`
fixture in tests/conftest.py gives one pointing at a temp data folder and the test MongoDB
server), and `store_in(env)` opens the local store that environment names."""

import subprocess
import sys
from pathlib import Path

from speakcheck_desktop.store.local_store import LocalStore

REPO = Path(__file__).resolve().parent.parent


def speakcheck(env, *args, stdin=subprocess.DEVNULL):
    return subprocess.run([sys.executable, "-m", "speakcheck_desktop.cli", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=stdin)


def store_in(env) -> LocalStore:
    return LocalStore.open(Path(env["SPEAKCHECK_DATA_DIR"]) / "speakcheck.db")
