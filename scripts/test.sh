#!/usr/bin/env bash
# Set up what the tests need, run the static checks (scripts/lint.sh: ruff, mypy, the import
# contracts), then the whole suite. Arguments go to pytest.
# The tests start what they use (a MongoDB-wire-protocol server on a free port) and stop it.
# pytest runs even when the static checks fail, so one run shows both; the run then fails at the
# end. SPEAKCHECK_SKIP_LINT=1 skips the static checks (a developer re-running a few tests);
# CI does not set it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

lint_status=0
if [ "${SPEAKCHECK_SKIP_LINT:-0}" = 1 ]; then
  echo "test: SPEAKCHECK_SKIP_LINT=1, so the static checks (scripts/lint.sh) are skipped"
else
  scripts/lint.sh || lint_status=$?
  echo
fi

export QT_QPA_PLATFORM=offscreen
test_status=0
.venv/bin/python -m pytest "$@" || test_status=$?

if [ "$lint_status" != 0 ]; then
  echo "test: the static checks failed (scripts/lint.sh, before the tests)" >&2
fi
if [ "$test_status" != 0 ]; then exit "$test_status"; fi
if [ "$lint_status" != 0 ]; then exit 1; fi
