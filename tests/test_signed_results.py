"""The centre's signature on its results, end to end: the key made with `speakcheck centre-key`,
ended sessions signed with `speakcheck sign` (store/result_signing.py), synced to the test MongoDB
server, and checked there by `speakcheck verify-audit --public-key` (all run as subprocesses, as a
person runs them). The forger can do what anyone with write access to MongoDB can: change an
evaluation's level and re-hash the whole chain, documents and end mark included, so the chain
check alone finds the session intact; only the signature names it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from bson import ObjectId

from speakcheck_desktop.core.audit_chain import document_digest
from speakcheck_desktop.core.chain_signature import VerdictKind, verify
from speakcheck_desktop.core.records import SessionStatus
from speakcheck_desktop.store.centre_key import PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, create_centre_key
from speakcheck_desktop.store.result_signing import (
    SIGNATURE_KEY,
    SigningError,
    chain_head,
    sign_finished,
    sign_session,
)
from tests.cli_rig import speakcheck, store_in
from tests.factories import complete_session
from tests.test_audit_chain import graded
from tests.test_chain_signature import pem_body, rehash


def key_dir(env) -> Path:
    return Path(env["SPEAKCHECK_CONFIG_DIR"]) / "centre-key"


def another_computer(env, tmp_path, name: str) -> dict:
    """The environment of another computer on the same MongoDB: its own data and config folders."""
    return {**env, "SPEAKCHECK_DATA_DIR": str(tmp_path / name / "data"),
            "SPEAKCHECK_CONFIG_DIR": str(tmp_path / name / "cfg")}


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def create_key(env) -> Path:
    """The centre key made with the CLI; returns its public key file."""
    ok(speakcheck(env, "centre-key", "create"))
    return key_dir(env) / PUBLIC_KEY_FILE


def audit(env, session_id, *args):
    return speakcheck(env, "verify-audit", str(session_id), *args)


def events_in_chain_order(mongo_db, session_id) -> list[dict]:
    return sorted(mongo_db.events.find({"session_id": session_id}), key=lambda e: e["payload"]["chain"]["seq"])


def forge_level(mongo_db, session_id, level: str) -> None:
    """The forger's move in MongoDB: the evaluation's level changed, the hash its `evaluate` event
    records for it (and the level the event names) re-written, every link of the chain re-computed
    (tests/test_chain_signature.py `rehash`), and the end mark moved to the new head."""
    *_, evaluation = graded(mongo_db, session_id)
    evaluation = {**evaluation, "overall_level": level}
    mongo_db.evaluations.replace_one({"_id": evaluation["_id"]}, evaluation)
    events = events_in_chain_order(mongo_db, session_id)
    for event in events:
        if event["type"] == "evaluate":
            event["payload"] = {**event["payload"], "overall_level": level,
                                "document": {**event["payload"]["document"], "sha256": document_digest(evaluation)}}
    forged = rehash(events)
    for event in forged:
        mongo_db.events.replace_one({"_id": event["_id"]}, event)
    last = forged[-1]["payload"]["chain"]
    mongo_db.sessions.update_one({"_id": session_id},
                                 {"$set": {"metadata.audit": {"events": last["seq"], "head": last["hash"]}}})


@pytest.fixture
def signed(cli_env, mongo_db):
    """A finished session on the staff computer, signed with `sign --all` and synced: its id and
    the centre's public key file."""
    public = create_key(cli_env)
    with store_in(cli_env) as store:
        session, *_ = complete_session(store, "B1")
    signing = ok(speakcheck(cli_env, "sign", "--all"))
    assert "Signed 1 session with the centre key " in signing.stdout and str(session.id) in signing.stdout
    assert "The signatures reach MongoDB with the next sync (`speakcheck sync`)." in signing.stdout
    ok(speakcheck(cli_env, "sync"))
    return session.id, public


# -- the key ---------------------------------------------------------------------------------------

def test_centre_key_create_writes_a_private_file_and_prints_only_the_public_key(cli_env):
    created = ok(speakcheck(cli_env, "centre-key", "create"))
    directory = key_dir(cli_env)
    private, public = directory / PRIVATE_KEY_FILE, directory / PUBLIC_KEY_FILE
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    line = public.read_text().strip()
    kid = created.stdout.split("Created the centre key ", 1)[1].split(".", 1)[0]
    assert len(kid) == 16
    assert f"Public key: {line}\n" in created.stdout
    assert str(public) in created.stdout and "never on a kiosk" in created.stdout
    shown = ok(speakcheck(cli_env, "centre-key", "show"))
    assert f"Centre key {kid} " in shown.stdout and f"Public key: {line}\n" in shown.stdout
    again = speakcheck(cli_env, "centre-key", "create")
    assert again.returncode == 1 and f"A centre key exists already (key id {kid})" in again.stderr
    assert "Traceback" not in again.stderr
    secret = pem_body(private)
    for result in (created, shown, again):
        assert "PRIVATE KEY" not in result.stdout + result.stderr
        assert secret[:40] not in result.stdout + result.stderr and secret[-40:] not in result.stdout + result.stderr
    replaced = ok(speakcheck(cli_env, "centre-key", "create", "--force"))
    assert f"It replaces the key {kid}" in replaced.stdout and public.read_text().strip() != line


def test_the_centre_key_is_refused_on_a_kiosk(cli_env):
    config = Path(cli_env["SPEAKCHECK_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "kiosk.toml").write_text('centre = "Riverside"\n')
    refused = speakcheck(cli_env, "centre-key", "create")
    assert refused.returncode == 1
    assert "This is a kiosk computer" in refused.stderr
    assert "the centre's private key never goes on a kiosk" in refused.stderr
    assert not key_dir(cli_env).exists()
    signing = speakcheck(cli_env, "sign", "--all")
    assert signing.returncode == 1 and "never goes on a kiosk" in signing.stderr


def test_sign_without_a_key_says_to_create_one(cli_env):
    with store_in(cli_env) as store:
        complete_session(store)
    result = speakcheck(cli_env, "sign", "--all")
    assert result.returncode == 1
    assert "There is no centre key on this computer" in result.stderr
    assert "run `speakcheck centre-key create` first" in result.stderr
    show = speakcheck(cli_env, "centre-key", "show")
    assert show.returncode == 1 and "run `speakcheck centre-key create` first" in show.stderr


def test_sign_refuses_an_active_session(cli_env):
    create_key(cli_env)
    with store_in(cli_env) as store:
        session, *_ = complete_session(store, end=False)
    result = speakcheck(cli_env, "sign", str(session.id))
    assert result.returncode == 1 and f"Session {session.id} is still under way, so it was not signed" in result.stderr
    nothing = ok(speakcheck(cli_env, "sign", "--all"))
    assert "Nothing to sign" in nothing.stdout
    bad = speakcheck(cli_env, "sign")
    assert bad.returncode == 2 and "SESSION_ID" in bad.stderr


# -- checking in MongoDB ---------------------------------------------------------------------------

def test_a_signed_session_verifies_with_the_public_key(cli_env, signed, mongo_db, tmp_path):
    session_id, public = signed
    doc = mongo_db.sessions.find_one({"_id": session_id})
    record, mark = doc["metadata"][SIGNATURE_KEY], doc["metadata"]["audit"]
    assert set(mark) == {"events", "head"}  # the end mark is as the session ended, the signature beside it
    assert (record["events"], record["head"]) == (mark["events"], mark["head"]) == (4, mark["head"])
    verifier = another_computer(cli_env, tmp_path, "verifier")
    result = ok(audit(verifier, session_id, "--public-key", str(public)))
    assert f"Session {session_id}: the chain of 4 events is intact." in result.stdout
    assert f"(key {record['key_id']}): VALID." in result.stdout
    assert "the signature covers all 4 events of the chain" in result.stdout
    # The key's line works as well as its file, and on the staff computer its own key is used.
    ok(audit(verifier, session_id, "--public-key", public.read_text().strip()))
    here = ok(audit(cli_env, session_id))
    assert "checked with this computer's centre key" in here.stdout and "VALID." in here.stdout


def test_a_re_hashed_chain_passes_the_chain_check_but_not_the_signature(cli_env, signed, mongo_db, tmp_path):
    session_id, public = signed
    forge_level(mongo_db, session_id, "C1")
    verifier = another_computer(cli_env, tmp_path, "verifier")
    plain = ok(audit(verifier, session_id))
    assert f"Session {session_id}: the chain of 4 events is intact." in plain.stdout
    assert "The 3 documents its events record match their hashes." in plain.stdout
    assert "The centre's signature was not checked" in plain.stdout
    checked = audit(verifier, session_id, "--public-key", str(public))
    assert checked.returncode == 1
    assert f"Session {session_id}: the chain of 4 events is intact." in checked.stdout
    assert "FORGED." in checked.stdout
    assert "does not match the chain: it signed 4 events ending in another head" in checked.stdout
    assert f"Session {session_id}: broken: the chain is intact, but its centre signature is forged" in checked.stdout
    assert "C1" not in checked.stdout
    # The staff computer checks with its own key without being told.
    here = audit(cli_env, session_id)
    assert here.returncode == 1 and "FORGED." in here.stdout


def test_another_centres_key_is_the_wrong_key(cli_env, signed, tmp_path):
    session_id, _ = signed
    other = another_computer(cli_env, tmp_path, "other-centre")
    other_public = create_key(other)
    result = audit(other, session_id, "--public-key", str(other_public))
    assert result.returncode == 1
    assert "WRONG KEY." in result.stdout and "not with key" in result.stdout
    assert "it is signed with another key than the one it was checked with (wrong key)" in result.stdout
    # Its own key, found on that computer, is the wrong one too.
    assert audit(other, session_id).returncode == 1


def test_an_unsigned_session_with_a_key_is_not_signed(cli_env, mongo_db, tmp_path):
    public = create_key(cli_env)
    with store_in(cli_env) as store:
        session, *_ = complete_session(store)
    ok(speakcheck(cli_env, "sync"))
    verifier = another_computer(cli_env, tmp_path, "verifier")
    ok(audit(verifier, session.id))
    result = audit(verifier, session.id, "--public-key", str(public))
    assert result.returncode == 1
    assert "NOT SIGNED." in result.stdout and f"Session {session.id}: not signed by the centre." in result.stdout


@pytest.mark.parametrize(("change", "label"), [
    ({"$set": {f"metadata.{SIGNATURE_KEY}.signature": "not base64!"}}, "MALFORMED"),
    ({"$set": {f"metadata.{SIGNATURE_KEY}.signed_at": "2030-01-01T00:00:00.000Z"}}, "FORGED"),
    ({"$unset": {f"metadata.{SIGNATURE_KEY}": ""}}, "NOT SIGNED"),
])
def test_a_changed_or_removed_signature_is_named(cli_env, signed, mongo_db, tmp_path, change, label):
    session_id, public = signed
    mongo_db.sessions.update_one({"_id": session_id}, change)
    result = audit(another_computer(cli_env, tmp_path, "verifier"), session_id, "--public-key", str(public))
    assert result.returncode == 1 and f"{label}." in result.stdout
    assert "the chain of 4 events is intact" in result.stdout


def test_a_broken_chain_with_a_valid_signature_is_still_broken(cli_env, signed, mongo_db, tmp_path):
    session_id, public = signed
    *_, evaluation = graded(mongo_db, session_id)
    mongo_db.evaluations.update_one({"_id": evaluation["_id"]}, {"$set": {"overall_level": "C1"}})
    result = audit(another_computer(cli_env, tmp_path, "verifier"), session_id, "--public-key", str(public))
    assert result.returncode == 1
    assert f"Session {session_id}: broken (1 problem)." in result.stdout and "VALID." in result.stdout


def test_events_after_signing_need_signing_again(cli_env, signed, mongo_db, tmp_path):
    session_id, public = signed
    verifier = another_computer(cli_env, tmp_path, "verifier")
    with store_in(cli_env) as store:
        store.record_overall(session_id, {"level": "B1"})
    ok(speakcheck(cli_env, "sync"))
    stale = audit(verifier, session_id, "--public-key", str(public))
    assert stale.returncode == 1 and "STALE, NOT ACCEPTED." in stale.stdout
    assert "1 event was added since (overall_result)" in stale.stdout
    again = ok(speakcheck(cli_env, "sign", "--all"))
    assert "Signed 1 session" in again.stdout
    assert "Nothing to sign" in ok(speakcheck(cli_env, "sign", "--all")).stdout
    ok(speakcheck(cli_env, "sync"))
    valid = ok(audit(verifier, session_id, "--public-key", str(public)))
    assert "VALID." in valid.stdout and "covers all 5 events" in valid.stdout


def test_audio_pruned_after_signing_still_stands(cli_env, mongo_db, tmp_path):
    public = create_key(cli_env)
    with store_in(cli_env) as store:
        session, *_ = complete_session(store, audio=True)
    ok(speakcheck(cli_env, "sign", str(session.id)))
    assert "Pruned audio of 1 recording(s)" in ok(speakcheck(cli_env, "prune", "--older-than", "0m")).stdout
    ok(speakcheck(cli_env, "sync"))
    result = ok(audit(another_computer(cli_env, tmp_path, "verifier"), session.id, "--public-key", str(public)))
    assert "STALE, ACCEPTED." in result.stdout and "the signed result stands" in result.stdout


def test_a_public_key_that_cannot_be_read_is_said_first(cli_env, tmp_path):
    bad = tmp_path / "centre-key.pub"
    bad.write_text("ssh-ed25519 AAAA\n")
    result = audit(cli_env, ObjectId(), "--public-key", str(bad))
    assert result.returncode == 1 and f"The file {bad} does not hold a centre public key." in result.stderr
    missing = audit(cli_env, ObjectId(), "--public-key", str(tmp_path / "nowhere.pub"))
    assert missing.returncode == 1 and "There is no centre public key at" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


# -- store/result_signing.py in the store itself ---------------------------------------------------

@pytest.fixture
def key(tmp_path):
    return create_centre_key(tmp_path / "centre-key")


def test_signing_stores_the_record_beside_the_end_mark_and_it_syncs(store, key, relay, mongo_db):
    session, *_ = complete_session(store)
    assert relay.run_pass().ok
    before = store.get_session(session.id).metadata["audit"]
    signature = sign_session(store, key, session.id)
    metadata = store.get_session(session.id).metadata
    assert metadata["audit"] == before  # the end mark stays as the session ended
    assert metadata[SIGNATURE_KEY] == signature.as_dict()
    events = [e.to_document() for e in store.get_session_detail(session.id).events]
    assert chain_head(events) == (signature.events, signature.head) == (before["events"], before["head"])
    assert verify(metadata[SIGNATURE_KEY], key.public_key, session.id, *chain_head(events), chain=events).ok
    assert relay.run_pass().ok  # queued by the signing, as any change is
    assert mongo_db.sessions.find_one({"_id": session.id})["metadata"][SIGNATURE_KEY] == signature.as_dict()
    # Signing again replaces the record.
    store.record_overall(session.id, {"level": "B1"})
    again = sign_session(store, key, session.id)
    assert again.events == 5 and store.get_session(session.id).metadata[SIGNATURE_KEY] == again.as_dict()


def test_sign_finished_signs_what_is_missing_or_out_of_date(store, key, tmp_path):
    first, *_ = complete_session(store, "A2")
    store.clock.advance(3600)
    second, *_ = complete_session(store, "B2")
    store.clock.advance(3600)
    active, *_ = complete_session(store, "C1", end=False)
    assert sign_finished(store, key, since=second.started_at) == [second.id]
    assert sign_finished(store, key) == [first.id]
    assert sign_finished(store, key) == []
    store.record_overall(second.id, {"level": "B2"})
    assert sign_finished(store, key) == [second.id]
    other = create_centre_key(tmp_path / "new-key")  # a key replaced: everything is signed with the new one
    assert sign_finished(store, other) == [first.id, second.id]
    store.end_session(active.id, SessionStatus.ABANDONED)
    assert sign_finished(store, other) == [active.id]


def test_a_chain_broken_here_is_not_signed(store, key):
    session, *_, evaluation = complete_session(store)
    store.conn.execute("UPDATE evaluations SET doc = json_set(doc, '$.overall_level', 'C1') WHERE id = ?",
                       (str(evaluation.id),))
    with pytest.raises(SigningError, match=f"Session {session.id} was not signed: its chain on this computer is "
                                           f"broken"):
        sign_session(store, key, session.id)
    assert SIGNATURE_KEY not in store.get_session(session.id).metadata
    refused = []
    assert sign_finished(store, key, refused=lambda sid, exc: refused.append(sid)) == []
    assert refused == [session.id]


def test_a_verdict_kind_for_each_case_is_named_in_the_printout():
    from speakcheck_desktop.centre_commands import signature_label
    from speakcheck_desktop.core.chain_signature import SignatureVerdict
    labels = {kind: signature_label(SignatureVerdict(kind, "s", "m")) for kind in VerdictKind}
    assert labels == {VerdictKind.VALID: "VALID", VerdictKind.NOT_SIGNED: "NOT SIGNED",
                      VerdictKind.WRONG_KEY: "WRONG KEY", VerdictKind.FORGED: "FORGED",
                      VerdictKind.STALE: "STALE, NOT ACCEPTED", VerdictKind.MALFORMED: "MALFORMED"}
