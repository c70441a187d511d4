"""The frozen app's entry point (PyInstaller needs a script, not a console-script entry)."""

import sys

from speakcheck_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
