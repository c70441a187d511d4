#!/usr/bin/env bash
# Build the PyInstaller bundle into dist/speakcheck-desktop/ (onedir; SPEAKCHECK_ONEFILE=1 for one
# file) and print its size. Needs the app set up (scripts/setup.sh app) and Debian's binutils.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
if ! command -v objdump >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends binutils >/dev/null
  else echo "build: PyInstaller needs binutils: sudo apt-get install binutils" >&2; exit 1; fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[packaging]"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/speakcheck.spec
# A Python built from source (pyenv) carries ~18 MiB of debug symbols in libpython.
find dist/speakcheck-desktop/_internal -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-debug {} + 2>/dev/null || true
cp packaging/speakcheck-desktop.desktop resources/icons/speakcheck.svg dist/ 2>/dev/null || true
du -sh dist/speakcheck-desktop* | head -3
