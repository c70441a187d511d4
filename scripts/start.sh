#!/usr/bin/env bash
# Set up the app, then start it. Until the main window lands, this starts the admin CLI's
# `status` (local store, sync state, MongoDB settings). Arguments go to the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
if [ $# -eq 0 ]; then set -- status; fi
exec .venv/bin/speakcheck "$@"
