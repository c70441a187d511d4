#!/usr/bin/env bash
# The static checks, with the tools in .venv at the versions in constraints.txt (scripts/setup.sh test
# installs them; scripts/test.sh, and so CI, runs this before pytest):
#   ruff check     pycodestyle, pyflakes, import order, bugbear, pyupgrade   [tool.ruff] in pyproject.toml
#   mypy           the types of core/ store/ remote/ audio/ assess/ services/  [tool.mypy]
#   lint-imports   the layer contracts (import-linter)                       [tool.importlinter]
# Each finding names its file and line. All three run even when one fails; the last lines sum up
# each, and the exit status is 1 when any of them failed. Nothing is changed: no fixes, no formatting.
#
#   scripts/lint.sh
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in ruff mypy lint-imports; do
  if [ ! -x ".venv/bin/$tool" ]; then
    echo "lint: .venv/bin/$tool is missing; run scripts/setup.sh test" >&2
    exit 2
  fi
done

failed=0
summary=()
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# ruff: one line a finding, path:line:col: code message.
echo "lint: ruff check"
.venv/bin/ruff check --no-fix --output-format concise . >"$out" 2>&1
status=$?
cat "$out"
if [ $status = 0 ]; then
  summary+=("ruff:         clean")
else
  failed=1
  summary+=("ruff:         $(grep -E '^Found [0-9]+ error' "$out" | tail -1 || true) (exit $status)")
fi

# mypy: path:line: error: message  [code]; the files are [tool.mypy] files.
echo
echo "lint: mypy"
.venv/bin/mypy >"$out" 2>&1
status=$?
cat "$out"
if [ $status = 0 ]; then
  summary+=("mypy:         clean")
else
  failed=1
  summary+=("mypy:         $(grep -E '^(Found [0-9]+ error|.*error: )' "$out" | tail -1) (exit $status)")
fi

# import-linter names modules, with (l.N) for the lines of each import; a wide COLUMNS keeps each on
# one line. Then each import that breaks a contract once more, as path:line.
echo
echo "lint: lint-imports"
COLUMNS=200 .venv/bin/lint-imports --no-logo >"$out" 2>&1
status=$?
cat "$out"
if [ $status = 0 ]; then
  summary+=("lint-imports: $(grep -E '^Contracts: ' "$out" | tail -1)")
else
  failed=1
  edge='([A-Za-z_][A-Za-z0-9_.]*) -> ([A-Za-z_][A-Za-z0-9_.]*) \(l\.([0-9, l.]+)\)'
  found=()
  while IFS= read -r line; do
    [[ $line =~ $edge ]] || continue
    importer=${BASH_REMATCH[1]} imported=${BASH_REMATCH[2]} numbers=${BASH_REMATCH[3]//l./}
    path=${importer//.//}
    if [ -d "$path" ]; then path=$path/__init__.py; else path=$path.py; fi
    for n in ${numbers//,/ }; do found+=("$path:$n: imports $imported"); done
  done <"$out"
  if [ ${#found[@]} -gt 0 ]; then
    echo "The imports in the chains above:"
    printf '%s\n' "${found[@]}" | awk '!seen[$0]++'
  fi
  summary+=("lint-imports: $(grep -E '^Contracts: ' "$out" | tail -1 || echo "did not run") (exit $status)")
fi

echo
printf 'lint: %s\n' "${summary[@]}"
exit $failed
