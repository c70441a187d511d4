"""Drop the shared libraries that only a left-out Qt plugin needed.

PyInstaller collects a plugin's dependencies while it analyses, so removing the plugin from the
list afterwards (the GTK 3 platform theme, say) leaves GTK, cairo, pango and friends behind. This
walks the ELF `NEEDED` entries from everything that stays and keeps only the libraries reached.
Linux only; elsewhere the list is returned as it is.
"""
from __future__ import annotations

import os
import subprocess
import sys


def _needed(path: str) -> list[str]:
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def _is_root(dest: str, keep_names: tuple[str, ...]) -> bool:
    """Libraries the app loads itself (Python extensions, Qt's own tree, ones added on purpose)."""
    base = os.path.basename(dest)
    return ("/" in dest or ".cpython-" in base or base.endswith(".abi3.so") or base.startswith("libpython")
            or any(base.startswith(name) for name in keep_names))


def prune_orphan_libraries(binaries: list, keep_names: tuple[str, ...] = ()) -> tuple[list, list[str]]:
    """(kept entries, names of the dropped ones). Entries are PyInstaller TOC tuples."""
    if not sys.platform.startswith("linux"):
        return binaries, []
    by_name = {}
    for dest, src, kind in binaries:
        if kind != "SYMLINK":
            by_name.setdefault(os.path.basename(dest), (dest, src))
    seen: set[str] = set()
    todo = [os.path.basename(d) for d, _s, k in binaries if k != "SYMLINK" and _is_root(d, keep_names)]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        todo.extend(_needed(by_name[name][1]))
    kept, dropped = [], []
    for dest, src, kind in binaries:
        base = os.path.basename(dest)
        # Inside a package's tree: kept as the package ships it. A top-level symlink whose target
        # is unknown here is kept too; only libraries known to be unreachable go.
        if "/" in dest or base in seen or (kind == "SYMLINK" and base not in by_name):
            kept.append((dest, src, kind))
        else:
            dropped.append(dest)
    return kept, dropped
