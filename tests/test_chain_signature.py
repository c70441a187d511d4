"""The centre's signature over a session's chain head (core/chain_signature.py) and its key on the
staff computer (store/centre_key.py): real Ed25519 keys, real chains built with core/audit_chain.py,
real files. The forger here can do what anyone with write access to the database can: change an
event and re-hash the whole chain, which `verify_chain` then finds intact; only the signature
catches it."""

from __future__ import annotations

import base64
import errno
import json
import os
import pickle
import stat
from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from speakcheck_desktop.core.audit_chain import chain_link, verify_chain
from speakcheck_desktop.core.chain_signature import (
    ChainSignature,
    ChainSignatureError,
    MalformedSignatureError,
    PublicKeyError,
    VerdictKind,
    format_public_key,
    key_id,
    parse_public_key,
    sign_head,
    signed_message,
    verify,
)
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import EventType
from speakcheck_desktop.store import centre_key
from speakcheck_desktop.store.centre_key import (
    PRIVATE_KEY_FILE,
    PUBLIC_KEY_FILE,
    CentreKey,
    CentreKeyError,
    create_centre_key,
    load_centre_key,
    load_public_key,
)

T0 = datetime(2026, 11, 25, 10, 0, 0, 123000, tzinfo=UTC)
SIGNED_AT = datetime(2026, 11, 26, 9, 30, 15, 250000, tzinfo=UTC)


# -- chains as the store writes them, and as a forger re-writes them --------------------------------

def add_event(events: list[dict], session_id: ObjectId, type: str, payload: dict) -> None:
    """Append an event linked into the chain, as the store does."""
    event_id, created = ObjectId(), T0 + timedelta(seconds=len(events))
    previous = events[-1]["payload"]["chain"] if events else None
    link = chain_link(event_id, session_id, type, created, payload, previous)
    events.append({"_id": event_id, "session_id": session_id, "type": type, "created_at": created,
                   "payload": {**payload, "chain": link}})


def rehash(events: list[dict]) -> list[dict]:
    """The forger's move: re-compute every link from the first event on, so the chain is intact again."""
    forged: list[dict] = []
    for event in events:
        payload = {k: v for k, v in event["payload"].items() if k != "chain"}
        previous = forged[-1]["payload"]["chain"] if forged else None
        link = chain_link(event["_id"], event["session_id"], event["type"], event["created_at"], payload, previous)
        forged.append({**event, "payload": {**payload, "chain": link}})
    return forged


def session_chain(session_id: ObjectId | None = None) -> tuple[ObjectId, list[dict]]:
    sid = session_id or ObjectId()
    events: list[dict] = []
    add_event(events, sid, EventType.START, {"level": "B2"})
    add_event(events, sid, EventType.RECORD_STOP, {"recording_id": str(ObjectId()), "duration_s": 41.5})
    add_event(events, sid, EventType.TRANSCRIBE, {"transcript_id": str(ObjectId())})
    add_event(events, sid, EventType.EVALUATE, {"evaluation_id": str(ObjectId()), "overall_level": "B1"})
    return sid, events


def head_of(events: list[dict]) -> tuple[int, str]:
    chain = events[-1]["payload"]["chain"]
    return chain["seq"], chain["hash"]


def ended(sid: ObjectId, events: list[dict]) -> dict:
    count, head = head_of(events)
    return {"_id": sid, "status": "ended", "metadata": {"audit": {"events": count, "head": head}}}


@pytest.fixture(scope="module")
def centre() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def signed(centre):
    """A finished session, its chain, and the centre's signature as stored (a plain dict, through JSON)."""
    sid, events = session_chain()
    count, head = head_of(events)
    record = sign_head(centre, sid, count, head, signed_at=SIGNED_AT).as_dict()
    return sid, events, json.loads(json.dumps(record))


# -- signing and checking ---------------------------------------------------------------------------

def test_a_signed_chain_verifies(centre, signed):
    sid, events, record = signed
    count, head = head_of(events)
    assert record["events"] == 4 and record["head"] == head and record["key_id"] == key_id(centre.public_key())
    verdict = verify(record, centre.public_key(), sid, count, head)
    assert verdict.kind is VerdictKind.VALID and verdict.ok and verdict.accepted
    assert verdict.message == (f"Session {sid}: signed by the centre (key {record['key_id']}) on 2026-11-26 09:30 "
                               f"UTC; the signature covers all 4 events of the chain.")
    # The key as its raw bytes or its line of text checks the same.
    public = centre.public_key()
    assert verify(record, public.public_bytes_raw(), sid, count, head).ok
    assert verify(record, format_public_key(public), sid, count, head).ok


def test_the_stored_record_reads_back_as_it_was(centre, signed):
    sid, events, record = signed
    signature = ChainSignature.from_dict(record)
    assert signature.signed_at == SIGNED_AT and signature.events == 4
    assert signature.as_dict() == record
    assert verify(signature, centre.public_key(), sid, *head_of(events)).ok


def test_the_message_binds_the_session_the_count_and_the_head():
    sid, head = ObjectId(), "ab" * 32
    message = signed_message(sid, 7, head, SIGNED_AT)
    assert message.startswith(b"speakcheck-chain-signature-v1\n")
    assert json.loads(message.split(b"\n", 1)[1]) == {"session_id": str(sid), "events": 7, "head": head,
                                                       "signed_at": "2026-11-26T09:30:15.250Z"}
    assert b" " not in message.split(b"\n", 1)[1]
    assert len({signed_message(sid, 7, head, SIGNED_AT), signed_message(ObjectId(), 7, head, SIGNED_AT),
                signed_message(sid, 8, head, SIGNED_AT), signed_message(sid, 7, "cd" * 32, SIGNED_AT),
                signed_message(sid, 7, head, None)}) == 5


def test_signing_needs_a_real_head(centre):
    with pytest.raises(ChainSignatureError, match="is not a SHA-256 hash"):
        sign_head(centre, ObjectId(), 3, "not-a-hash")
    with pytest.raises(ChainSignatureError, match="has no events"):
        sign_head(centre, ObjectId(), 0, "0" * 64)
    with pytest.raises(ChainSignatureError, match="not an Ed25519 private key"):
        sign_head(b"short", ObjectId(), 3, "0" * 64)


def test_signing_with_the_raw_key_is_the_same_key(centre):
    raw = centre.private_bytes_raw()
    signature = sign_head(raw, ObjectId(), 1, "0" * 64)
    assert signature.key_id == key_id(centre.public_key())
    assert signature.signed_at is not None and signature.signed_at.tzinfo is not None


def test_a_re_hashed_chain_is_forged(centre, signed):
    """The attack the chain alone cannot catch: a grade changed and the whole chain re-computed."""
    sid, events, record = signed
    changed = [dict(e) for e in events]
    changed[3] = {**changed[3], "payload": {**changed[3]["payload"], "overall_level": "C1"}}
    assert not verify_chain(sid, changed, ended(sid, events)).intact  # changed alone: the chain says so
    forged = rehash(changed)
    assert verify_chain(sid, forged, ended(sid, forged)).intact  # re-hashed: the chain is fooled
    count, head = head_of(forged)
    assert count == record["events"] and head != record["head"]
    verdict = verify(record, centre.public_key(), sid, count, head)
    assert verdict.kind is VerdictKind.FORGED and not verdict.accepted
    assert verdict.message == (f"Session {sid}: the centre's signature (key {record['key_id']}) does not match the "
                               f"chain: it signed 4 events ending in another head. The chain was re-computed or "
                               f"changed after signing. Do not trust this result: compare it with the centre's own "
                               f"records.")
    # The forger may also re-write the record's head to the new one: then the signature itself fails.
    verdict = verify({**record, "head": head}, centre.public_key(), sid, count, head)
    assert verdict.kind is VerdictKind.FORGED and "the signature, or the record of what it signed, was changed" in \
        verdict.message


def test_the_same_head_with_another_count_is_forged(centre, signed):
    sid, events, record = signed
    count, head = head_of(events)
    verdict = verify(record, centre.public_key(), sid, count + 1, head)
    assert verdict.kind is VerdictKind.FORGED
    assert "it signed 4 events, and the chain now claims 5 with the same head" in verdict.message
    assert verify({**record, "events": count + 1}, centre.public_key(), sid, count + 1, head).kind \
        is VerdictKind.FORGED


def test_a_chain_cut_back_is_forged(centre, signed):
    """The last event removed: the chain ends at an older head, which the signature did not sign."""
    sid, events, record = signed
    count, head = head_of(events[:-1])
    verdict = verify(record, centre.public_key(), sid, count, head)
    assert verdict.kind is VerdictKind.FORGED
    assert "it signed 4 events, and the chain now has 3. Events were removed after signing." in verdict.message


def test_a_signature_copied_onto_another_session_is_forged(centre, signed):
    sid, events, record = signed
    other, _ = session_chain()
    copied = rehash([{**e, "session_id": other} for e in events])
    verdict = verify(record, centre.public_key(), other, *head_of(copied))
    assert verdict.kind is VerdictKind.FORGED and f"Session {other}:" in verdict.message
    # Even with the very same count and head (the events copied as they were), it signed another session.
    assert verify(record, centre.public_key(), other, *head_of(events)).kind is VerdictKind.FORGED


@pytest.mark.parametrize("change", ["flip a byte", "another signature", "signed_at", "drop signed_at"])
def test_a_tampered_signature_is_forged(centre, signed, change):
    sid, events, record = signed
    raw = bytearray(base64.b64decode(record["signature"]))
    if change == "flip a byte":
        raw[10] ^= 0x01
        record = {**record, "signature": base64.b64encode(bytes(raw)).decode()}
    elif change == "another signature":
        other = sign_head(Ed25519PrivateKey.generate(), sid, *head_of(events), signed_at=SIGNED_AT)
        record = {**record, "signature": other.signature}
    elif change == "signed_at":
        record = {**record, "signed_at": "2026-12-01T00:00:00.000Z"}
    else:
        record = {**record, "signed_at": None}
    verdict = verify(record, centre.public_key(), sid, *head_of(events))
    assert verdict.kind is VerdictKind.FORGED and not verdict.ok


def test_another_centres_key_is_the_wrong_key(centre, signed):
    sid, events, record = signed
    other = Ed25519PrivateKey.generate().public_key()
    verdict = verify(record, other, sid, *head_of(events))
    assert verdict.kind is VerdictKind.WRONG_KEY and not verdict.accepted
    assert verdict.message == (f"Session {sid}: signed with key {record['key_id']}, not with key {key_id(other)} "
                               f"given to check it. Check it with the public key of the centre whose key id is "
                               f"{record['key_id']}; if no centre of yours has that key, treat the result as not "
                               f"signed.")
    # A record re-labelled with the other key's id is no help to a forger: the signature is not that key's.
    relabelled = {**record, "key_id": key_id(other)}
    assert verify(relabelled, other, sid, *head_of(events)).kind is VerdictKind.FORGED


def test_no_signature_is_not_signed(centre):
    sid, events = session_chain()
    verdict = verify(None, centre.public_key(), sid, *head_of(events))
    assert verdict.kind is VerdictKind.NOT_SIGNED and not verdict.accepted
    assert verdict.message.startswith(f"Session {sid}: not signed by the centre.")
    assert "sign it on the centre's staff computer" in verdict.message


MARK = "SECRET-CONTENT-1234"


@pytest.mark.parametrize(("change", "says"), [
    (lambda r: MARK, "is not a set of fields"),
    (lambda r: [MARK], "is not a set of fields"),
    (lambda r: {**r, "version": MARK}, "not of a kind this version reads"),
    (lambda r: {k: v for k, v in r.items() if k != "algorithm"}, "not of a kind this version reads"),
    (lambda r: {k: v for k, v in r.items() if k != "signature"}, "its signature is missing or not 64 bytes of base64"),
    (lambda r: {**r, "signature": MARK + "!!"}, "its signature is missing or not 64 bytes of base64"),
    (lambda r: {**r, "signature": base64.b64encode(b"x" * 63).decode()}, "its signature is missing or not 64 bytes"),
    (lambda r: {**r, "key_id": MARK}, "its key_id is missing or not a key id"),
    (lambda r: {**r, "events": MARK}, "its events is missing or not a whole number"),
    (lambda r: {**r, "events": True}, "its events is missing or not a whole number"),
    (lambda r: {**r, "events": 0}, "its events is missing or not a whole number"),
    (lambda r: {**r, "head": MARK}, "its head is missing or not a SHA-256 hash"),
    (lambda r: {**r, "head": r["head"].upper()}, "its head is missing or not a SHA-256 hash"),
    (lambda r: {**r, "signed_at": MARK}, "its signed_at is missing or not a UTC time"),
    (lambda r: {**r, "signed_at": "2026-11-26T09:30:15"}, "its signed_at is missing or not a UTC time"),
])
def test_a_malformed_record_says_so_without_its_content(centre, signed, change, says):
    sid, events, record = signed
    bad = change(record)
    with pytest.raises(MalformedSignatureError) as raised:
        ChainSignature.from_dict(bad)
    assert isinstance(raised.value, UserFacingError)
    assert says in str(raised.value) and MARK not in str(raised.value)
    verdict = verify(bad, centre.public_key(), sid, *head_of(events))
    assert verdict.kind is VerdictKind.MALFORMED and not verdict.accepted
    assert verdict.message.startswith(f"Session {sid}: its signature cannot be read. The chain signature record ")
    assert verdict.message.endswith("Sign the session again on the centre's staff computer, or check it with the "
                                    "version that signed it.")
    assert MARK not in verdict.message


# -- events added after signing (STALE) -------------------------------------------------------------

def grown(events: list[dict], *types: str) -> list[dict]:
    longer = [dict(e) for e in events]
    for type in types:
        add_event(longer, events[0]["session_id"], type, {"recording_id": str(ObjectId())})
    return longer


def test_audio_pruned_after_signing_is_stale_but_accepted(centre, signed):
    sid, events, record = signed
    longer = grown(events, EventType.AUDIO_PRUNED, EventType.AUDIO_PRUNED)
    verdict = verify(record, centre.public_key(), sid, *head_of(longer), chain=list(reversed(longer)))
    assert verdict.kind is VerdictKind.STALE and verdict.accepted and not verdict.ok
    assert verdict.signed_events == 4
    assert verdict.message == (f"Session {sid}: signed by the centre (key {record['key_id']}) on 2026-11-26 09:30 UTC "
                               f"when the chain had 4 events; 2 events were added since, which only record audio "
                               f"removed by pruning: the signed result stands.")


def test_other_events_after_signing_are_stale_and_need_signing_again(centre, signed):
    sid, events, record = signed
    longer = grown(events, EventType.AUDIO_PRUNED, EventType.OVERALL_RESULT)
    verdict = verify(record, centre.public_key(), sid, *head_of(longer), chain=longer)
    assert verdict.kind is VerdictKind.STALE and not verdict.accepted
    assert "2 events were added since (audio_pruned, overall_result), which the signature does not cover. The " \
           "signed part is unchanged; sign the session again on the centre's staff computer to cover the rest." \
           in verdict.message
    # Signed again, it is valid.
    again = sign_head(centre, sid, *head_of(longer)).as_dict()
    assert verify(again, centre.public_key(), sid, *head_of(longer), chain=longer).ok


def test_a_longer_chain_without_its_events_is_stale_and_not_accepted(centre, signed):
    sid, events, record = signed
    longer = grown(events, EventType.AUDIO_PRUNED)
    verdict = verify(record, centre.public_key(), sid, *head_of(longer))
    assert verdict.kind is VerdictKind.STALE and not verdict.accepted
    assert "1 event was added since, and without the session's events the signed part was not checked" in \
        verdict.message


def test_a_changed_signed_part_under_new_events_is_forged(centre, signed):
    """Events appended after a re-hashed prefix: the signed head is no longer in the chain."""
    sid, events, record = signed
    changed = [dict(e) for e in events]
    changed[3] = {**changed[3], "payload": {**changed[3]["payload"], "overall_level": "C1"}}
    forged = rehash(grown(changed, EventType.AUDIO_PRUNED))
    assert verify_chain(sid, forged, ended(sid, forged[:4])).intact  # the end mark re-written too
    verdict = verify(record, centre.public_key(), sid, *head_of(forged), chain=forged)
    assert verdict.kind is VerdictKind.FORGED
    assert "event number 4, the last one it signed, is not the one it signed" in verdict.message


# -- the public key's line --------------------------------------------------------------------------

def test_the_public_key_line_round_trips(centre):
    public = centre.public_key()
    line = format_public_key(public)
    assert line.startswith("speakcheck-ed25519 ") and "\n" not in line and len(line.split()) == 2
    assert parse_public_key(f"  {line}\n").public_bytes_raw() == public.public_bytes_raw()


def test_a_key_id_is_short_stable_and_tells_keys_apart(centre):
    kid = key_id(centre.public_key())
    assert len(kid) == 16 and int(kid, 16) >= 0
    assert kid == key_id(centre.public_key().public_bytes_raw())
    assert kid != key_id(Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize(("text", "says"), [
    ("", "it should be one line"),
    (f"ssh-ed25519 {MARK}", "it should be one line"),
    (f"speakcheck-ed25519 {MARK}", "The centre public key is damaged"),
    (f"speakcheck-ed25519 {base64.b64encode(b'k' * 31).decode()}", "The centre public key is damaged"),
    (f"speakcheck-ed25519 AAAA {MARK}", "it should be one line"),
])
def test_bad_public_key_text_says_so_without_repeating_it(text, says):
    with pytest.raises(PublicKeyError) as raised:
        parse_public_key(text)
    assert says in str(raised.value) and MARK not in str(raised.value)


def test_a_pasted_private_key_is_not_taken_for_a_public_one(centre):
    pem = centre.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption()).decode()
    with pytest.raises(PublicKeyError) as raised:
        parse_public_key(pem)
    message = str(raised.value)
    assert "That is the centre's private key, not its public key: never hand it out." in message
    assert pem.splitlines()[1] not in message


# -- the key on the staff computer ------------------------------------------------------------------

def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def pem_body(path) -> str:
    return "".join(path.read_text().splitlines()[1:-1])


def secrets_of(key: CentreKey) -> list[str]:
    raw = key.private_key.private_bytes_raw()
    return [raw.hex(), base64.b64encode(raw).decode(), pem_body(key.path)]


def test_a_created_key_is_for_its_owner_only(tmp_path):
    directory = tmp_path / "config"
    key = create_centre_key(directory)
    assert sorted(p.name for p in directory.iterdir()) == [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]
    assert mode(directory / PRIVATE_KEY_FILE) == 0o600
    assert mode(directory / PUBLIC_KEY_FILE) == 0o644
    assert (directory / PUBLIC_KEY_FILE).read_text() == key.public_text + "\n"
    assert key.key_id == key_id(key.public_key) and len(key.key_id) == 16
    loaded = load_centre_key(directory)
    assert loaded is not None and loaded.key_id == key.key_id and loaded == key


@pytest.mark.parametrize("umask", [0o000, 0o077])
def test_the_modes_are_exact_whatever_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        create_centre_key(tmp_path)
    finally:
        os.umask(old)
    assert mode(tmp_path / PRIVATE_KEY_FILE) == 0o600
    assert mode(tmp_path / PUBLIC_KEY_FILE) == 0o644


def test_the_key_never_shows_in_its_repr(tmp_path):
    key = create_centre_key(tmp_path)
    assert str(key) == f"{key}" == repr(key)
    for shown in (repr(key), repr([key]), repr({"key": key})):
        for secret in secrets_of(key):
            assert secret not in shown
    assert repr(key) == f"CentreKey(key_id={key.key_id!r}, path={str(tmp_path / PRIVATE_KEY_FILE)!r})"
    with pytest.raises(TypeError, match="not pickled"):
        pickle.dumps(key)


def test_an_existing_key_is_not_replaced(tmp_path):
    key = create_centre_key(tmp_path)
    before = (tmp_path / PRIVATE_KEY_FILE).read_bytes()
    with pytest.raises(CentreKeyError) as raised:
        create_centre_key(tmp_path)
    assert str(raised.value) == (f"A centre key exists already (key id {key.key_id}): {tmp_path / PRIVATE_KEY_FILE}. "
                                 f"Keep it, or use --force to replace it; results signed with the old key then need "
                                 f"the old public key to check.")
    assert (tmp_path / PRIVATE_KEY_FILE).read_bytes() == before
    for secret in secrets_of(key):
        assert secret not in str(raised.value)


def test_force_replaces_the_key(tmp_path):
    old = create_centre_key(tmp_path)
    new = create_centre_key(tmp_path, force=True)
    assert new.key_id != old.key_id
    loaded = load_centre_key(tmp_path)
    assert loaded is not None and loaded.key_id == new.key_id
    assert load_public_key(tmp_path / PUBLIC_KEY_FILE).public_bytes_raw() == new.public_key.public_bytes_raw()
    assert mode(tmp_path / PRIVATE_KEY_FILE) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]


def test_a_key_others_can_read_is_refused(tmp_path):
    key = create_centre_key(tmp_path)
    path = tmp_path / PRIVATE_KEY_FILE
    for loose in (0o644, 0o640, 0o604, 0o620):
        os.chmod(path, loose)
        with pytest.raises(CentreKeyError) as raised:
            load_centre_key(tmp_path)
        assert str(raised.value) == (f"The centre key {path} can be read or changed by other users of this computer "
                                     f"(mode {loose:o}), so it was not used. Run `chmod 600 {path}` and try again; if "
                                     f"someone else may have copied it, create a new key with --force.")
        for secret in secrets_of(key):
            assert secret not in str(raised.value)
    os.chmod(path, 0o600)
    assert load_centre_key(tmp_path) == key
    os.chmod(path, 0o400)  # tighter is fine
    assert load_centre_key(tmp_path) == key


def test_no_key_is_none(tmp_path):
    assert load_centre_key(tmp_path) is None
    assert load_centre_key(tmp_path / "not made yet") is None


@pytest.mark.parametrize("content", ["truncated", "garbage", "another kind", "encrypted", "huge"])
def test_a_damaged_key_file_says_so_without_its_content(tmp_path, content):
    real = create_centre_key(tmp_path / "real")
    pem = real.path.read_text()
    data = {
        "truncated": pem[: len(pem) // 2].encode(),
        "garbage": f"{MARK}\n".encode() * 3,
        "another kind": _ec_key_pem(),
        "encrypted": Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"passphrase")),
        "huge": pem.encode() * 1000,
    }[content]
    path = tmp_path / PRIVATE_KEY_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    with pytest.raises(CentreKeyError) as raised:
        load_centre_key(tmp_path)
    message = str(raised.value)
    assert message == (f"The centre key file {path} is damaged or is not a SpeakCheck centre key: restore it from "
                       f"your backup, or create a new one with --force (results signed with the old key then need "
                       f"the old public key to check).")
    # No parser error rides along (shown in a traceback, it could quote the file).
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None or raised.value.__suppress_context__
    assert MARK not in message and pem_body(real.path)[:20] not in message
    # It is not replaced without --force either, and --force does replace it.
    with pytest.raises(CentreKeyError, match=r"exists already \(key id unknown: the file cannot be used\)"):
        create_centre_key(tmp_path)
    replaced = create_centre_key(tmp_path, force=True)
    assert load_centre_key(tmp_path) == replaced


def _ec_key_pem() -> bytes:
    from cryptography.hazmat.primitives.asymmetric import ec
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes to any folder whatever its mode")
def test_a_folder_that_cannot_be_written_to_says_so(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        with pytest.raises(CentreKeyError) as raised:
            create_centre_key(locked)
        assert str(raised.value).startswith(f"The folder {locked} cannot be written to (")
        assert "No key was written; any key there already is as it was." in str(raised.value)
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)


def test_a_folder_refusing_new_files_says_so(tmp_path, monkeypatch):
    """What a read-only folder gives (runs as root too, which no folder mode stops)."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(centre_key.os, "open", refusing)
    with pytest.raises(CentreKeyError) as raised:
        create_centre_key(tmp_path)
    assert str(raised.value) == (f"The folder {tmp_path} cannot be written to (Permission denied): fix its "
                                 f"permissions, or choose another, and create the centre key again. No key was "
                                 f"written; any key there already is as it was.")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_under_a_file_says_so(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(CentreKeyError) as raised:
        create_centre_key(blocker / "config")
    assert str(raised.value).startswith(f"The centre key could not be written to {blocker / 'config'} (")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]


@pytest.mark.parametrize("failing", [1, 2])
def test_a_full_disk_leaves_no_key_behind(tmp_path, monkeypatch, failing):
    """The disk fills while the private key (1) or the public key (2) is being flushed: nothing is
    left, and a key there before is as it was."""
    old = create_centre_key(tmp_path / "with a key")
    before = old.path.read_bytes()
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(centre_key.os, "fsync", fsync)
    for directory, force in ((tmp_path / "empty", False), (old.path.parent, True)):
        calls.clear()
        with pytest.raises(CentreKeyError) as raised:
            create_centre_key(directory, force=force)
        assert str(raised.value) == (f"The disk holding {directory} is full: free some space and create the centre "
                                     f"key again. No key was written; any key there already is as it was.")
    assert list((tmp_path / "empty").iterdir()) == []
    assert sorted(p.name for p in old.path.parent.iterdir()) == [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]
    assert old.path.read_bytes() == before
    monkeypatch.undo()
    assert load_centre_key(old.path.parent) == old


# -- signing with the key from disk, checking with the public key file ------------------------------

def test_sign_on_the_staff_computer_check_with_the_public_key_file(tmp_path, centre):
    key = create_centre_key(tmp_path / "staff")
    sid, events = session_chain()
    record = key.sign(sid, *head_of(events)).as_dict()
    kiosk_copy = tmp_path / "kiosk" / PUBLIC_KEY_FILE
    kiosk_copy.parent.mkdir()
    kiosk_copy.write_text(key.public_path.read_text())
    for public in (load_public_key(kiosk_copy), load_public_key(str(kiosk_copy)), load_public_key(key.public_text)):
        assert verify(record, public, sid, *head_of(events)).ok
    assert verify(record, centre.public_key(), sid, *head_of(events)).kind is VerdictKind.WRONG_KEY
    for secret in secrets_of(key):
        assert secret not in json.dumps(record)


def test_a_bad_public_key_file_says_so(tmp_path):
    missing = tmp_path / "nowhere.pub"
    with pytest.raises(CentreKeyError, match="There is no centre public key at"):
        load_public_key(missing)
    bad = tmp_path / "bad.pub"
    bad.write_text(f"speakcheck-ed25519 {MARK}\n")
    with pytest.raises(PublicKeyError) as raised:
        load_public_key(bad)
    assert str(raised.value).startswith(f"The file {bad} does not hold a centre public key. The centre public key is "
                                        f"damaged")
    assert MARK not in str(raised.value)
    binary = tmp_path / "binary.pub"
    binary.write_bytes(b"\xff\xfe" + MARK.encode())
    with pytest.raises(PublicKeyError, match="It is not text.") as raised:
        load_public_key(binary)
    assert MARK not in str(raised.value)
    with pytest.raises(PublicKeyError, match="That is the centre's private key"):
        load_public_key(_ec_key_pem().decode())
