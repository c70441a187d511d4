"""The centre's signing key on its staff computer: made once, kept in a file only its owner can
read, and its public half beside it to hand out (`core/chain_signature.py` says what it signs).

The private key is what makes a signature worth anything, so it is written so that no one else
can read it, ever: the file is created with mode 0o600 from the start (os.open with O_EXCL), never
created readable and narrowed afterwards, and a key file that others can read is refused, not
used, since someone may have copied it. It is written whole or not at all: into a new file beside
it, flushed to the disk, then renamed over the name, so a full disk or a power cut leaves the old
key or none, never half a key. It goes nowhere else: not into a log, a message or an exception
(`CentreKey`'s repr names only its id and file), and never onto a kiosk, which needs only the
public key.

The file is PKCS8 PEM, unencrypted: a passphrase would have to be typed at every signing, or kept
beside the key. The operating system's keyring (as `assess/credentials.py` keeps the API key) is
not used, yet: a key there is out of reach of a copied home folder, but it would tie the key to
one login, and backing it up would need a tool of its own. On Windows, file modes say little: the
file is protected by the user profile's access rights, and the mode check is skipped there.

Where the folder is (the app's configuration folder on the staff computer) is the caller's
choice."""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from speakcheck_desktop.config import config_dir
from speakcheck_desktop.core.chain_signature import (
    PUBLIC_KEY_PREFIX,
    ChainSignature,
    PublicKeyError,
    format_public_key,
    key_id,
    parse_public_key,
    sign_head,
)
from speakcheck_desktop.core.errors import UserFacingError

log = logging.getLogger(__name__)

PRIVATE_KEY_FILE = "centre-key.pem"
PUBLIC_KEY_FILE = "centre-key.pub"
PRIVATE_MODE = 0o600
PUBLIC_MODE = 0o644
# A PEM Ed25519 key is 119 bytes; anything far larger is not one, and is not read into memory.
_MAX_KEY_FILE_BYTES = 64 * 1024
_CHECK_MODES = os.name != "nt"


CENTRE_KEY_FOLDER = "centre-key"


def centre_key_dir() -> Path:
    """Where a staff computer keeps the centre key: its config folder's centre-key/ (the app
    signs what it reviews with the key there; `speakcheck centre-key create` puts it there)."""
    return config_dir() / CENTRE_KEY_FOLDER


class CentreKeyError(UserFacingError):
    """The centre key cannot be made, read or used. The message says why and what to do; it never
    carries the key or the file's content."""


@dataclass(frozen=True, repr=False)
class CentreKey:
    """The centre's key pair, as loaded from `path` (the private key file)."""
    private_key: Ed25519PrivateKey = field(compare=False)
    public_key: Ed25519PublicKey = field(compare=False)
    key_id: str
    path: Path
    public_path: Path

    def __repr__(self) -> str:
        return f"CentreKey(key_id={self.key_id!r}, path={str(self.path)!r})"

    __str__ = __repr__

    def __reduce__(self) -> tuple[Any, ...]:  # never pickled (into a queue, a crash dump) with its key
        raise TypeError("a CentreKey is not pickled: it holds the centre's private key")

    @property
    def public_text(self) -> str:
        """The public key's one line, to hand to kiosks and to whoever checks results."""
        return format_public_key(self.public_key)

    def sign(self, session_id: Any, events: int, head: str) -> ChainSignature:
        return sign_head(self.private_key, session_id, events, head)


def create_centre_key(directory: Path, *, force: bool = False) -> CentreKey:
    """Make a new key and write it to `directory` (made if need be): the private key as
    centre-key.pem (mode 0o600), the public key's line as centre-key.pub (0o644). An existing key
    is kept, with CentreKeyError, unless `force`."""
    private_path, public_path = directory / PRIVATE_KEY_FILE, directory / PUBLIC_KEY_FILE
    if not force and (private_path.exists() or private_path.is_symlink()):
        try:
            existing = load_centre_key(directory)
            which = f"key id {existing.key_id}" if existing else "key id unknown"
        except CentreKeyError:
            which = "key id unknown: the file cannot be used"
        raise CentreKeyError(f"A centre key exists already ({which}): {private_path}. Keep it, or use --force to "
                             f"replace it; results signed with the old key then need the old public key to check.")
    key = Ed25519PrivateKey.generate()
    public = key.public_key()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    temps: list[Path] = []  # written and not renamed yet: removed whatever happens
    try:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # Both files are written whole before either is renamed: a full disk stops it with neither replaced.
            private_temp = _write_new(directory, PRIVATE_KEY_FILE, pem, PRIVATE_MODE, temps)
            public_temp = _write_new(directory, PUBLIC_KEY_FILE, (format_public_key(public) + "\n").encode("ascii"),
                                     PUBLIC_MODE, temps)
            os.replace(private_temp, private_path)
            temps.remove(private_temp)
        except OSError as exc:
            raise CentreKeyError(_write_failure(directory, exc)) from None
        try:
            os.replace(public_temp, public_path)
            temps.remove(public_temp)
        except OSError as exc:
            raise CentreKeyError(f"The new centre key was saved in {private_path}, but its public key could not be "
                                 f"written to {public_path} ({_reason(exc)}). Nothing has been signed with it yet: "
                                 f"create the centre key again with --force once that is fixed.") from None
    finally:
        _remove(temps)
    _sync_directory(directory)
    kid = key_id(public)
    log.info("Created centre key %s in %s", kid, directory)
    return CentreKey(key, public, kid, private_path, public_path)


def load_centre_key(directory: Path) -> CentreKey | None:
    """The centre key in `directory`; None when there is none. CentreKeyError when it cannot be
    used: others can read it (it is refused, not used), it is damaged, or it cannot be read."""
    path = directory / PRIVATE_KEY_FILE
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CentreKeyError(f"The centre key {path} cannot be read ({_reason(exc)}): sign in as the person who "
                             f"created it, or fix the file's permissions.") from None
    try:
        # The mode of the file as opened (not as named, which could change in between).
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CentreKeyError(f"The centre key {path} is not a file: move it away, then create the centre key "
                                 f"again.")
        if _CHECK_MODES and st.st_mode & 0o077:
            raise CentreKeyError(f"The centre key {path} can be read or changed by other users of this computer (mode "
                                 f"{stat.S_IMODE(st.st_mode):o}), so it was not used. Run `chmod 600 {path}` and try "
                                 f"again; if someone else may have copied it, create a new key with --force.")
        data = _read_all(fd, path)
    finally:
        os.close(fd)
    damaged = CentreKeyError(f"The centre key file {path} is damaged or is not a SpeakCheck centre key: restore it "
                             f"from your backup, or create a new one with --force (results signed with the old key "
                             f"then need the old public key to check).")
    if len(data) > _MAX_KEY_FILE_BYTES:
        raise damaged
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):  # not PEM, damaged, encrypted, or another kind
        raise damaged from None
    if not isinstance(key, Ed25519PrivateKey):
        raise damaged
    public = key.public_key()
    return CentreKey(key, public, key_id(public), path, directory / PUBLIC_KEY_FILE)


def load_public_key(source: Path | str) -> Ed25519PublicKey:
    """A centre's public key, from its file (a Path, or a str that is not a key's line) or from
    its one line of text ("speakcheck-ed25519 ..."). A UserFacingError sentence when it is not one;
    it never repeats what it read."""
    if isinstance(source, str) and (source.lstrip().startswith(PUBLIC_KEY_PREFIX) or "PRIVATE KEY" in source):
        return parse_public_key(source)
    path = Path(source)
    try:
        with path.open("rb") as file:
            data = file.read(_MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CentreKeyError(f"There is no centre public key at {path}: give the centre-key.pub file from the "
                             f"centre's staff computer, or its one line (\"{PUBLIC_KEY_PREFIX} ...\").") from None
    except OSError as exc:
        raise CentreKeyError(f"The centre public key {path} cannot be read ({_reason(exc)}).") from None
    try:
        if len(data) > _MAX_KEY_FILE_BYTES:
            raise PublicKeyError("It is far too large to be one.")
        return parse_public_key(data.decode("ascii"))
    except (PublicKeyError, UnicodeDecodeError) as exc:
        why = str(exc) if isinstance(exc, PublicKeyError) else "It is not text."
        raise PublicKeyError(f"The file {path} does not hold a centre public key. {why}") from None


def _write_new(directory: Path, name: str, data: bytes, mode: int, temps: list[Path]) -> Path:
    """`data` in a new file beside `name`, created with `mode` (so it is never readable by more
    than that, even for a moment), flushed to the disk. Its path is added to `temps` as soon as it
    exists."""
    temp = directory / f".{name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    temps.append(temp)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # exactly `mode`: the umask may have taken bits off it
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    return temp


def _read_all(fd: int, path: Path) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= _MAX_KEY_FILE_BYTES and (chunk := os.read(fd, 16 * 1024)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise CentreKeyError(f"The centre key {path} cannot be read ({_reason(exc)}).") from None
    return b"".join(chunks)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()


def _sync_directory(directory: Path) -> None:
    """Flush the folder's entries, so the renames survive a power cut (POSIX; a no-op elsewhere)."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _write_failure(directory: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (f"The disk holding {directory} is full: free some space and create the centre key again. No key was "
                f"written; any key there already is as it was.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"The folder {directory} cannot be written to ({_reason(exc)}): fix its permissions, or choose "
                f"another, and create the centre key again. No key was written; any key there already is as it was.")
    return (f"The centre key could not be written to {directory} ({_reason(exc)}). No key was written; any key "
            f"there already is as it was.")
