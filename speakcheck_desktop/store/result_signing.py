"""The centre's signature on its sessions' results, in the local store (what is signed, and how it
is checked, is core/chain_signature.py's; the key is store/centre_key.py's).

On the centre's staff computer (`speakcheck sign`), `sign_session` signs the session's chain as it
is now: how many events it has and the hash of the newest one, as `LocalStore._chain_head` finds
it. The signature's record (`ChainSignature.as_dict()`) goes into the session document as
`metadata.audit_signature`, written with `put` in one `write()` transaction, so it is queued for
MongoDB and reaches it with the next sync like any other change. It is a key of its own, not a
part of `metadata.audit`: `audit` is the end mark (the chain's length and head when the session
ended), which `verify-audit` checks on its own against the chain, and which stays as the session
ended; the signature covers the chain's head when it was signed, which may be later (after a
review, an overall result). Signing again replaces the old signature.

Only an ended session is signed: an active one is still growing, and whatever it records next
would not be covered. And only a chain that is intact here: the centre vouches for what it holds,
so a session whose local events or documents do not match their hashes is refused, not signed.

`sign_finished` signs every ended session whose signature is missing, cannot be read, was made
with another key than this one (a key replaced with --force), or no longer covers its chain's
head (a review or an overall result added since). `signature_verdict` checks a session as MongoDB
holds it, for `speakcheck verify-audit`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bson import ObjectId
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.chain_signature import ChainSignature, SignatureVerdict, verify
from speakcheck_desktop.core.clock import to_epoch_ms
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import SessionStatus
from speakcheck_desktop.store.centre_key import CentreKey
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.outbox import decode_document

log = logging.getLogger(__name__)

# The session document's key for the signature: `metadata.audit_signature` (see the docstring).
SIGNATURE_KEY = "audit_signature"


class SigningError(UserFacingError):
    """A session that cannot be signed; the message says which, why and what to do."""


def chain_head(events: Iterable[Mapping[str, Any]]) -> tuple[int, str] | None:
    """(number, hash) of the newest chained event among `events` (documents, any order), as
    `LocalStore._chain_head` finds it; None when none carries a chain."""
    head: tuple[int, str] | None = None
    for event in events:
        chain = (event.get("payload") or {}).get("chain")
        if not isinstance(chain, Mapping):
            continue
        seq, digest = chain.get("seq"), chain.get("hash")
        if isinstance(seq, int) and not isinstance(seq, bool) and isinstance(digest, str) \
                and (head is None or seq > head[0]):
            head = (seq, digest)
    return head


def stored_signature(session: Mapping[str, Any] | None) -> Any:
    """The signature record a session document carries (None when it has none), as stored:
    possibly damaged, which `verify` names."""
    return ((session or {}).get("metadata") or {}).get(SIGNATURE_KEY)


def sign_session(store: LocalStore, key: CentreKey, session_id: ObjectId) -> ChainSignature:
    """Sign the ended session's chain as it is now with the centre's `key`, and store the record in
    the session's `metadata.audit_signature` (queued for MongoDB), replacing any older one.
    SigningError for an active session or a chain that is broken here; RecordError when this store
    has no such session."""
    with store.write():
        session = store.existing_session(session_id)
        if session.status is SessionStatus.ACTIVE:
            raise SigningError(f"Session {session_id} is still under way, so it was not signed: sign it once it has "
                               f"ended, so that the signature covers its whole chain.")
        detail = store.get_session_detail(session_id)
        assert detail is not None  # `existing_session` found it, in this transaction
        events = [event.to_document() for event in detail.events]
        head = chain_head(events)
        if head is None:
            raise SigningError(f"Session {session_id} has no audit chain (it was written by a version before the "
                               f"chain), so there is nothing to sign.")
        documents = {"recordings": [r.to_document() for r in detail.recordings],
                     "transcripts": [t.to_document() for t in detail.transcripts],
                     "evaluations": [e.to_document() for e in detail.evaluations]}
        report = verify_chain(session_id, events, detail.session.to_document(), documents=documents)
        if not report.intact:
            raise SigningError(f"Session {session_id} was not signed: its chain on this computer is broken "
                               f"({len(report.problems)} problem{'s' if len(report.problems) != 1 else ''}; the first: "
                               f"{report.problem}) The centre signs only what it holds intact: check the session "
                               f"with `speakcheck verify-audit` and your own records.")
        signature = key.sign(session_id, *head)
        row = store.conn.execute("SELECT last_activity_ms FROM sessions WHERE id = ?", (str(session_id),)).fetchone()
        last_activity = row[0] if row and row[0] is not None else to_epoch_ms(session.ended_at or session.started_at)
        store.put(replace(session, metadata={**(session.metadata or {}), SIGNATURE_KEY: signature.as_dict()}),
                  last_activity_ms=last_activity)
    log.info("Signed session %s (%d events) with centre key %s", session_id, head[0], key.key_id)
    return signature


def needs_signing(session: Mapping[str, Any], head: tuple[int, str] | None, key: CentreKey) -> bool:
    """Whether an ended session's stored signature is missing, unreadable, another key's, or no
    longer over its chain's `head` (a session without a chain cannot be signed: False)."""
    if head is None:
        return False
    record = stored_signature(session)
    if not isinstance(record, Mapping):
        return True
    try:
        signature = ChainSignature.from_dict(record)
    except UserFacingError:
        return True
    return signature.key_id != key.key_id or (signature.events, signature.head) != head


def sign_finished(store: LocalStore, key: CentreKey, *, since: datetime | None = None,
                  refused: Callable[[ObjectId, SigningError], None] | None = None) -> list[ObjectId]:
    """Sign every ended session (started at or after `since`, when given) whose signature is
    missing or does not cover its chain's current head (`needs_signing`); each in a transaction
    of its own. Returns the ids signed, oldest session first. A session that cannot be signed (its
    chain broken here) stops nothing: it is left unsigned, logged, and passed to `refused` with
    the reason."""
    where = "status != ?"
    args: list[str | int] = [SessionStatus.ACTIVE.value]
    if since is not None:
        where += " AND started_at_ms >= ?"
        args.append(to_epoch_ms(since))
    rows = store.conn.execute(f"SELECT id, doc FROM sessions WHERE {where} ORDER BY started_at_ms, id",
                              args).fetchall()
    signed: list[ObjectId] = []
    for sid, doc in rows:
        session_id = ObjectId(sid)
        if not needs_signing(decode_document(doc), _stored_head(store, session_id), key):
            continue
        try:
            sign_session(store, key, session_id)
        except SigningError as exc:
            log.warning("Not signed: %s", exc)
            if refused is not None:
                refused(session_id, exc)
            continue
        signed.append(session_id)
    return signed


def _stored_head(store: LocalStore, session_id: ObjectId) -> tuple[int, str] | None:
    """The chain head of a session in this store, read without decoding its whole detail."""
    rows = store.conn.execute("SELECT json_extract(doc, '$.payload.chain.seq'), "
                              "json_extract(doc, '$.payload.chain.hash') FROM events WHERE session_id = ?",
                              (str(session_id),)).fetchall()
    return chain_head({"payload": {"chain": {"seq": seq, "hash": digest}}} for seq, digest in rows)


def signature_verdict(session_id: Any, session: Mapping[str, Any] | None, events: Sequence[Mapping[str, Any]],
                      public_key: Ed25519PublicKey) -> SignatureVerdict:
    """The verdict on the centre's signature of a session as a database holds it (its document,
    with `metadata.audit_signature`, and its events, any order), checked with the centre's
    `public_key` against the chain's head as those events have it."""
    count, head = chain_head(events) or (0, "")
    return verify(stored_signature(session), public_key, session_id, count, head, chain=events)
