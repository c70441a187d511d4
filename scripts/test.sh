#!/usr/bin/env bash
# Set up what the tests need, then run the whole suite. Arguments go to pytest.
# The tests start what they use (a MongoDB-wire-protocol server on a free port) and stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
