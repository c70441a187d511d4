# A portable or kiosk install keeps its data next to the executable: put an empty file named
# `portable` beside it (an administrator's choice; environment variables still win).
import os
import sys
from pathlib import Path

_here = Path(sys.executable).resolve().parent
if (_here / "portable").exists():
    os.environ.setdefault("SPEAKCHECK_DATA_DIR", str(_here / "data"))
    os.environ.setdefault("SPEAKCHECK_CONFIG_DIR", str(_here / "config"))
