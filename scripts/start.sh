#!/usr/bin/env bash
# Set up the app, then start it (arguments go to the app).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "start: no screen found. SpeakCheck Desktop needs a desktop session" >&2
  echo "  (on a machine without one: sudo apt-get install xvfb xauth, then xvfb-run ./scripts/start.sh)." >&2
  echo "  The admin command line works anywhere: .venv/bin/speakcheck status" >&2
  exit 1
fi
exec .venv/bin/speakcheck-desktop "$@"
