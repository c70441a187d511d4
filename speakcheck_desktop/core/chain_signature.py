"""The centre's signature over a session's audit chain, so a forged chain is caught.

The chain (`core/audit_chain.py`) shows tampering only to someone who cannot re-compute it: whoever
can write to the database can change an event and re-hash every event after it, and the chain is
then intact again. A signature closes that: on its staff computer a centre keeps an Ed25519 key
(`store/centre_key.py`) and, once a session is reviewed or finished, signs the chain's head. A
forger who re-hashes the chain gets a new head, and without the private key, which stays on the
staff computer (never on a kiosk, in the repository, a log or a message), cannot sign it. Anyone
with the centre's public key can check the signature; it holds no secret, so it is handed out as
one line of text (`format_public_key`).

What is signed (`signed_message`) is the version line b"speakcheck-chain-signature-v1\\n" and then
the canonical JSON (keys sorted, no spaces, ASCII) of
    {"session_id": the session's id (hex): a signature copied onto another session's chain does
                   not verify there, even if its events were copied too,
     "events":     how many events the chain had: a chain cut back to an earlier event and to the
                   head it had then cannot reuse the signature, and a count changed in the record
                   is caught,
     "head":       the hash of the chain's last event, which through the chain covers every event
                   and the hash of every graded document they record,
     "signed_at":  when it was signed (UTC, to the millisecond), so the date shown is the
                   signer's and not the forger's.}
The version line keeps a message of this kind from ever being read as another kind of signed
message, and lets a later version change the form without an old signature being misread.

Checking (`verify`) gives a `SignatureVerdict`, of one `VerdictKind`, with a sentence that names the
session and says what to do. The chain itself is not re-computed here: that is `verify_chain`'s
job, and a check runs both: the chain for its links, the signature for who vouches for its head.

The rule for events added after signing (STALE). Events after a session's end extend the chain
(audio pruned later, an overall result added, audio found lost at sync), so a chain that was
signed can grow. The signature then still covers the chain up to the event it signed, if that
event's hash is still the signed head: the events before it are as the centre saw them. The
later events are not vouched for, and one of them may matter: a later event can record a new hash
for a graded document (`verify_chain` checks each document against the latest event naming it),
or carry an overall result. So a STALE verdict is `accepted` only when every later event is an
`audio_pruned` one, which records the removal of audio and no grade or document hash; any other
later event needs the session signed again (its verdict says so). Checking the signed part needs
the session's events (`chain=`); without them a longer chain is STALE and not accepted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from speakcheck_desktop.core.audit_chain import iso_ms
from speakcheck_desktop.core.clock import utc_ms
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import EventType

MESSAGE_VERSION = b"speakcheck-chain-signature-v1\n"
FORMAT_VERSION = 1  # of the stored record (`ChainSignature.as_dict`)
ALGORITHM = "ed25519"
PUBLIC_KEY_PREFIX = "speakcheck-ed25519"

# Later events that leave the signed result as it was: they record no grade and no document hash.
HOUSEKEEPING_EVENTS = frozenset({EventType.AUDIO_PRUNED.value})

_HEAD = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_SIGNATURE_BYTES = 64
_KEY_BYTES = 32


class ChainSignatureError(UserFacingError, ValueError):
    """A signature, key or chain that cannot be signed or read. Its message names what and why,
    never the text it was given (a pasted private key, say)."""


class MalformedSignatureError(ChainSignatureError):
    """A stored signature record that is not one this version reads."""


class PublicKeyError(ChainSignatureError):
    """Text that is not a centre public key."""


def key_id(public_key: Ed25519PublicKey | bytes) -> str:
    """The key's short fingerprint, shown to people so they can tell keys apart: the first 16 hex
    digits of the SHA-256 of the raw 32-byte public key."""
    raw = public_key if isinstance(public_key, bytes) else public_key.public_bytes_raw()
    return hashlib.sha256(raw).hexdigest()[:16]


def _check_chain(session_id: Any, events: Any, head: Any) -> str:
    """The session id as text, after checking the three values a message is made of."""
    sid = str(session_id)
    if not sid or sid.strip() != sid:
        raise ChainSignatureError("A chain signature needs the session's id, and none was given.")
    if not isinstance(events, int) or isinstance(events, bool) or events < 1:
        raise ChainSignatureError(f"Session {sid} cannot be signed: its chain has no events, so there is no head to "
                                  f"sign.")
    if not isinstance(head, str) or not _HEAD.fullmatch(head):
        raise ChainSignatureError(f"Session {sid} cannot be signed: its chain head is not a SHA-256 hash (64 "
                                  f"lowercase hex digits).")
    return sid


def signed_message(session_id: Any, events: int, head: str, signed_at: datetime | None) -> bytes:
    """The bytes a signature is made over (the module's docstring says why each part is in it)."""
    sid = _check_chain(session_id, events, head)
    body = {"session_id": sid, "events": events, "head": head,
            "signed_at": iso_ms(signed_at) if signed_at is not None else None}
    return MESSAGE_VERSION + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                                        allow_nan=False).encode("ascii")


@dataclass(frozen=True)
class ChainSignature:
    """A centre's signature over one session's chain, as of `events` events ending in `head`.
    Stored (as `as_dict()`) in the session's `metadata.audit_signature` (store/result_signing.py)."""
    key_id: str  # the signing key's `key_id`
    signature: str  # the Ed25519 signature, standard base64 (64 bytes)
    events: int
    head: str
    signed_at: datetime | None = None  # UTC, to the millisecond; part of the signed message

    def as_dict(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "algorithm": ALGORITHM, "key_id": self.key_id,
                "signature": self.signature, "events": self.events, "head": self.head,
                "signed_at": iso_ms(self.signed_at) if self.signed_at is not None else None}

    @classmethod
    def from_dict(cls, data: Any) -> ChainSignature:
        """The signature from its stored record; MalformedSignatureError (a sentence naming the
        field, never its content) when it is not one this version reads."""
        if not isinstance(data, Mapping):
            raise MalformedSignatureError("The chain signature record is not a set of fields: it is damaged.")
        if data.get("version") != FORMAT_VERSION or data.get("algorithm") != ALGORITHM:
            raise MalformedSignatureError(f"The chain signature record is not of a kind this version reads (version "
                                          f"{FORMAT_VERSION}, {ALGORITHM}): it was made by another version, or "
                                          f"damaged.")

        def bad(field: str, what: str) -> MalformedSignatureError:
            return MalformedSignatureError(f"The chain signature record is damaged: its {field} is missing or not "
                                           f"{what}.")

        kid, signature, events, head = (data.get(k) for k in ("key_id", "signature", "events", "head"))
        if not isinstance(kid, str) or not _KEY_ID.fullmatch(kid):
            raise bad("key_id", "a key id (16 hex digits)")
        if not isinstance(signature, str) or len(_b64decode(signature) or b"") != _SIGNATURE_BYTES:
            raise bad("signature", f"{_SIGNATURE_BYTES} bytes of base64")
        if not isinstance(events, int) or isinstance(events, bool) or events < 1:
            raise bad("events", "a whole number of events (1 or more)")
        if not isinstance(head, str) or not _HEAD.fullmatch(head):
            raise bad("head", "a SHA-256 hash (64 lowercase hex digits)")
        signed_at = data.get("signed_at")
        if signed_at is not None:
            signed_at = _parse_time(signed_at)
            if signed_at is None:
                raise bad("signed_at", "a UTC time (ISO 8601)")
        return cls(kid, signature, events, head, signed_at)


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time with its zone (as `as_dict` writes it), or a datetime (naive: UTC, as
    MongoDB gives it back if a caller stored one)."""
    if isinstance(value, datetime):
        return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).astimezone(UTC)
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def _private(private_key: Ed25519PrivateKey | bytes) -> Ed25519PrivateKey:
    if isinstance(private_key, Ed25519PrivateKey):
        return private_key
    if isinstance(private_key, bytes) and len(private_key) == _KEY_BYTES:
        return Ed25519PrivateKey.from_private_bytes(private_key)
    raise ChainSignatureError("The signing key is not an Ed25519 private key (32 bytes): nothing was signed.")


def _public(public_key: Ed25519PublicKey | bytes | str) -> Ed25519PublicKey:
    if isinstance(public_key, Ed25519PublicKey):
        return public_key
    if isinstance(public_key, str):
        return parse_public_key(public_key)
    if isinstance(public_key, bytes) and len(public_key) == _KEY_BYTES:
        return Ed25519PublicKey.from_public_bytes(public_key)
    raise PublicKeyError("The key given to check the signature is not an Ed25519 public key (32 bytes).")


def sign_head(private_key: Ed25519PrivateKey | bytes, session_id: Any, events: int, head: str, *,
              signed_at: datetime | None = None) -> ChainSignature:
    """Sign the chain of `session_id` as it is now: `events` events, the last one's hash `head`.
    `private_key`: the key, or its raw 32 bytes. `signed_at`: when (now when None)."""
    key = _private(private_key)
    when = signed_at if signed_at is not None else datetime.now(UTC)
    when = utc_ms(when if when.tzinfo is not None else when.replace(tzinfo=UTC))  # naive: UTC, as iso_ms takes it
    signature = key.sign(signed_message(session_id, events, head, when))
    return ChainSignature(key_id(key.public_key()), base64.b64encode(signature).decode("ascii"), events, head, when)


class VerdictKind(StrEnum):
    """What checking a session's signature found; each `SignatureVerdict` names one."""
    VALID = "valid"  # signed by this key, over the chain exactly as it is
    NOT_SIGNED = "not_signed"  # the session carries no signature
    WRONG_KEY = "wrong_key"  # signed with another key than the one given to check it
    FORGED = "forged"  # the signature does not match this session's chain: it or the chain was changed
    STALE = "stale"  # it matches the chain as it was: events were added after signing
    MALFORMED = "malformed"  # the signature record cannot be read


@dataclass(frozen=True)
class SignatureVerdict:
    kind: VerdictKind
    session_id: str
    message: str  # in words: the session, key ids and numbers only
    key_id: str | None = None  # the key that made the signature, as its record says
    signed_events: int | None = None  # how many events were signed
    accepted: bool = False  # the result may be trusted as the centre's: VALID, or STALE by housekeeping only

    @property
    def ok(self) -> bool:
        """Signed, over every event of the chain as it is."""
        return self.kind is VerdictKind.VALID


def verify(signature: ChainSignature | Mapping[str, Any] | None, public_key: Ed25519PublicKey | bytes | str,
           session_id: Any, events: int, head: str, *,
           chain: Sequence[Mapping[str, Any]] | None = None) -> SignatureVerdict:
    """Check the centre's `signature` (the stored record, or None when there is none) of the
    session `session_id`, whose chain now has `events` events, the last one's hash `head`, against
    the centre's `public_key` (the key, its raw 32 bytes, or its one-line text). `chain`: the
    session's events (MongoDB documents, any order), to check the signed part of a chain that grew
    after signing, and what the later events are (the module's docstring gives the rule)."""
    sid = str(session_id)
    if signature is None:
        return SignatureVerdict(VerdictKind.NOT_SIGNED, sid, f"Session {sid}: not signed by the centre. Once it is "
                                f"reviewed, sign it on the centre's staff computer; until then the chain shows "
                                f"changes only to someone who cannot re-compute it.")
    try:
        sig = signature if isinstance(signature, ChainSignature) else ChainSignature.from_dict(signature)
        raw = _b64decode(sig.signature)
        if raw is None or len(raw) != _SIGNATURE_BYTES:
            raise MalformedSignatureError(f"The chain signature record is damaged: its signature is not "
                                          f"{_SIGNATURE_BYTES} bytes of base64.")
    except MalformedSignatureError as exc:
        return SignatureVerdict(VerdictKind.MALFORMED, sid, f"Session {sid}: its signature cannot be read. {exc} Sign "
                                f"the session again on the centre's staff computer, or check it with the version "
                                f"that signed it.")
    key = _public(public_key)
    given = key_id(key)
    if sig.key_id != given:
        return SignatureVerdict(VerdictKind.WRONG_KEY, sid, f"Session {sid}: signed with key {sig.key_id}, not with "
                                f"key {given} given to check it. Check it with the public key of the centre whose "
                                f"key id is {sig.key_id}; if no centre of yours has that key, treat the result as "
                                f"not signed.", sig.key_id, sig.events)

    def forged(why: str) -> SignatureVerdict:
        return SignatureVerdict(VerdictKind.FORGED, sid, f"Session {sid}: the centre's signature (key {sig.key_id}) "
                                f"does not match {why} Do not trust this result: compare it with the centre's own "
                                f"records.", sig.key_id, sig.events)

    try:
        key.verify(raw, signed_message(sid, sig.events, sig.head, sig.signed_at))
    except (InvalidSignature, ChainSignatureError):
        return forged("this session: the signature, or the record of what it signed, was changed, or it was "
                      "copied from another session.")
    if events == sig.events and head == sig.head:
        return SignatureVerdict(VerdictKind.VALID, sid, f"Session {sid}: signed by the centre (key {sig.key_id})"
                                f"{_on(sig.signed_at)}; the signature covers all {_count(events, 'event')} of the "
                                f"chain.", sig.key_id, sig.events, accepted=True)
    if events == sig.events:
        return forged(f"the chain: it signed {_count(events, 'event')} ending in another head. The chain was "
                      f"re-computed or changed after signing.")
    if head == sig.head:
        return forged(f"the chain's length: it signed {_count(sig.events, 'event')}, and the chain now claims {events} "
                      f"with the same head. The count was changed after signing.")
    if events < sig.events:
        return forged(f"the chain: it signed {_count(sig.events, 'event')}, and the chain now has {events}. Events "
                      f"were removed after signing.")
    return _stale(sig, sid, events, chain, forged)


def _stale(sig: ChainSignature, sid: str, events: int, chain: Sequence[Mapping[str, Any]] | None,
           forged: Callable[[str], SignatureVerdict]) -> SignatureVerdict:
    """The chain is longer than when it was signed: STALE if its signed part is unchanged."""
    later = events - sig.events
    one = later == 1
    since = (f"Session {sid}: signed by the centre (key {sig.key_id}){_on(sig.signed_at)} when the chain had "
             f"{_count(sig.events, 'event')}; {_count(later, 'event')} {'was' if one else 'were'} added since")
    if chain is None:
        return SignatureVerdict(VerdictKind.STALE, sid, f"{since}, and without the session's events the signed part "
                                f"was not checked: check it with them.", sig.key_id, sig.events)
    by_seq: dict[int, Mapping[str, Any]] = {}
    for event in chain:
        link = (event.get("payload") or {}).get("chain")
        if isinstance(link, Mapping) and isinstance(link.get("seq"), int):
            by_seq.setdefault(link["seq"], event)
    signed_last = by_seq.get(sig.events)
    if signed_last is None or signed_last["payload"]["chain"].get("hash") != sig.head:
        return forged(f"the chain: event number {sig.events}, the last one it signed, is not the one it signed. The "
                      f"chain was re-computed or changed after signing.")
    types = [by_seq[seq].get("type") if seq in by_seq else None for seq in range(sig.events + 1, events + 1)]
    if all(t in HOUSEKEEPING_EVENTS for t in types):
        return SignatureVerdict(VerdictKind.STALE, sid, f"{since}, which only record{'s' if one else ''} audio removed "
                                f"by pruning: the signed result stands.", sig.key_id, sig.events, accepted=True)
    kinds = ", ".join(sorted({t if isinstance(t, str) else "missing" for t in types}))
    return SignatureVerdict(VerdictKind.STALE, sid, f"{since} ({kinds}), which the signature does not cover. The "
                            f"signed part is unchanged; sign the session again on the centre's staff computer to "
                            f"cover the rest.", sig.key_id, sig.events)


def _on(moment: datetime | None) -> str:
    return f" on {moment.strftime('%Y-%m-%d %H:%M')} UTC" if moment is not None else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def format_public_key(public_key: Ed25519PublicKey | bytes) -> str:
    """The public key as the one line handed to kiosks and to whoever checks results:
    "speakcheck-ed25519 <the raw 32-byte key in base64>"."""
    raw = public_key if isinstance(public_key, bytes) else public_key.public_bytes_raw()
    if len(raw) != _KEY_BYTES:
        raise PublicKeyError("That is not an Ed25519 public key (32 bytes).")
    return f"{PUBLIC_KEY_PREFIX} {base64.b64encode(raw).decode('ascii')}"


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The key from its one line (whitespace around it is ignored). PublicKeyError, a sentence
    that never repeats the text, when it is not one."""
    if "PRIVATE KEY" in text:
        raise PublicKeyError("That is the centre's private key, not its public key: never hand it out. Give the "
                             "public key (the centre-key.pub file, one line starting with "
                             f"\"{PUBLIC_KEY_PREFIX} \") instead.")
    parts = text.split()
    if len(parts) != 2 or parts[0] != PUBLIC_KEY_PREFIX:
        raise PublicKeyError(f"That is not a SpeakCheck centre public key: it should be one line, "
                             f"\"{PUBLIC_KEY_PREFIX} \" and then the key.")
    raw = _b64decode(parts[1])
    if raw is None or len(raw) != _KEY_BYTES:
        raise PublicKeyError(f"The centre public key is damaged: after \"{PUBLIC_KEY_PREFIX} \" there should be "
                             f"{_KEY_BYTES} bytes in base64. Copy it again from the centre's staff computer.")
    return Ed25519PublicKey.from_public_bytes(raw)
