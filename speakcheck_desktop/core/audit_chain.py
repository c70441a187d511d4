"""A hash chain over each session's `events`, so a changed, removed or inserted event is caught.

Every event written by this app carries, in its free-form `payload`, a `chain` object:

    payload.chain = {"seq": 1, 2, 3, ... (per session, no gaps),
                     "prev": the previous event's `hash` (64 zeros for the first),
                     "hash": SHA-256 (hex) of the canonical form below}

The canonical form is the UTF-8 JSON (keys sorted, no spaces) of
    {"_id", "session_id" (hex strings), "type", "created_at" (UTC, ISO 8601 to the millisecond,
     ending in "Z"), "payload" (the payload without its "chain" key), "seq", "prev"}.

When a session ends, its document's `metadata.audit` records how many events the chain had then
and the hash of the last one: removing events from the end is caught too. Events after the end
(audio pruned later, say) extend the chain as usual.

What is graded is covered too: each event that records a graded step carries
`payload.document = {"collection", "_id", "sha256": document_digest(the document as stored)}`
(`record_stop`: the recording, `transcribe`: the transcript, `evaluate`: the evaluation,
`insufficient_evidence`: the transcript it judged, `audio_lost`: the recording as re-written
without its audio). Being in the payload, that hash is itself protected by the chain. A document
must match the hash of the latest event of the chain that names it; a recording, transcript or
evaluation of the session that no event names was inserted. Documents recorded by events from
before document hashes (no `payload.document`) are not covered: reported as such, not as broken.

The chain makes tampering evident to anyone who re-computes it; it is not a signature: someone
who can write to the database can also re-compute a whole forged chain. `speakcheck verify-audit`
reads the session from MongoDB (`remote/mongo_mirror.py` `audit_documents`) and checks it here;
this module is the part without a database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from speakcheck_desktop.core.records import EventType

GENESIS = "0" * 64


def iso_ms(moment: datetime) -> str:
    """UTC to the millisecond, as MongoDB keeps dates (a naive datetime counts as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def digest(event_id: Any, session_id: Any, type: str, created_at: datetime, payload: dict[str, Any] | None,
           seq: int, prev: str) -> str:
    body = {k: v for k, v in (payload or {}).items() if k != "chain"}
    canonical = {"_id": str(event_id), "session_id": str(session_id), "type": str(type),
                 "created_at": iso_ms(created_at), "payload": body, "seq": seq, "prev": prev}
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical_value(value: Any) -> Any:
    """A document value in a form that is the same on the device and as read back from MongoDB."""
    if isinstance(value, dict):
        return {str(k): _canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_value(v) for v in value]
    if isinstance(value, datetime):
        return iso_ms(value)
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)  # ObjectId (and any other BSON scalar) as its string form


def document_digest(document: dict[str, Any]) -> str:
    """SHA-256 (hex) of a whole document (a recording, transcript or evaluation) in canonical
    JSON: what the event recording that step carries, so a change to the graded document itself
    is caught, not only a change to the events."""
    text = json.dumps(_canonical_value(document), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_link(event_id: Any, session_id: Any, type: str, created_at: datetime, payload: dict[str, Any] | None,
               previous: dict[str, Any] | None) -> dict[str, Any]:
    """The `chain` object for a new event, given the previous event's `chain` (None for the first)."""
    seq = previous["seq"] + 1 if previous else 1
    prev = previous["hash"] if previous else GENESIS
    return {"seq": seq, "prev": prev, "hash": digest(event_id, session_id, type, created_at, payload, seq, prev)}


class ProblemKind(StrEnum):
    """What kind of link is broken; each `AuditProblem` names one."""
    SESSION_MISSING = "session_missing"  # events or documents, but no session document
    UNCHAINED_EVENT = "unchained_event"  # an event without a chain: written outside the app (or before it)
    COPIED_EVENT = "copied_event"  # a second event with a number the chain already has
    MISSING_EVENTS = "missing_events"  # a gap in the numbers: events were removed
    UNLINKED_EVENT = "unlinked_event"  # its `prev` is not the event before: one was replaced or inserted
    CHANGED_EVENT = "changed_event"  # its content does not match its hash
    FOREIGN_EVENT = "foreign_event"  # it names another session
    TRUNCATED = "truncated"  # the chain stops before the session's end mark: the last events were removed
    END_MARK_MISMATCH = "end_mark_mismatch"  # the end mark names another last event
    CHANGED_DOCUMENT = "changed_document"  # a recording, transcript or evaluation differs from its event's hash
    MISSING_DOCUMENT = "missing_document"  # ... is not in the database
    INSERTED_DOCUMENT = "inserted_document"  # ... is in the database, but no event of the session records it


@dataclass(frozen=True)
class AuditProblem:
    kind: ProblemKind
    message: str  # in words: ids, types and numbers only, never what a document says
    event_id: str | None = None  # the event concerned (None when that event is the missing one)
    document_id: str | None = None  # the recording, transcript or evaluation concerned


@dataclass(frozen=True)
class AuditReport:
    session_id: str
    events: int
    problems: tuple[AuditProblem, ...] = ()  # every broken link, in chain order, then the documents
    documents: int | None = None  # documents whose hash an event records (None: documents were not checked)
    not_covered: int = 0  # documents recorded by events from before document hashes: not checked
    found: bool = True  # False: the database has nothing under this session id

    @property
    def intact(self) -> bool:
        return self.found and not self.problems

    @property
    def problem(self) -> str | None:
        """The first broken link, in words (for callers that show one)."""
        return self.problems[0].message if self.problems else None

    @property
    def event_id(self) -> str | None:
        return self.problems[0].event_id if self.problems else None

    def summary(self) -> str:
        """The verdict on one line, then each problem and note on a line of its own."""
        if not self.found:
            return f"Session {self.session_id}: no such session in MongoDB."
        if self.problems:
            count = len(self.problems)
            lines = [f"Session {self.session_id}: broken ({count} problem{'s' if count != 1 else ''})."]
            lines += [f"  - {p.message}" for p in self.problems]
        else:
            line = f"Session {self.session_id}: the chain of {self.events} events is intact."
            if self.documents:
                line += f" The {_count(self.documents, 'document')} its events record match their hashes."
            lines = [line]
        if self.not_covered:
            lines.append(f"{_count(self.not_covered, 'document')} {'is' if self.not_covered == 1 else 'are'} not "
                         f"covered: written before document hashes were kept.")
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


# The collections whose documents the events record by hash (payload.document), and how a
# message calls one of their documents.
GRADED = {"recordings": "recording", "transcripts": "transcript", "evaluations": "evaluation"}

# Events written before document hashes still name the document they recorded, by id: such a
# document is not covered (there is no hash to check), but it is not an inserted one either.
_NAMED_BY_ID: dict[str, tuple[str, str]] = {EventType.RECORD_STOP: ("recordings", "recording_id"),
                                            EventType.TRANSCRIBE: ("transcripts", "transcript_id"),
                                            EventType.EVALUATE: ("evaluations", "evaluation_id")}


def _document_ref(event: dict[str, Any]) -> tuple[str, str, str] | None:
    """(collection, id, sha256) from the event's `payload.document`, None without a usable one."""
    ref = (event.get("payload") or {}).get("document")
    if not isinstance(ref, dict) or ref.get("collection") not in GRADED:
        return None
    doc_id, sha = ref.get("_id"), ref.get("sha256")
    return (ref["collection"], doc_id, sha) if isinstance(doc_id, str) and isinstance(sha, str) else None


def _named_by_id(event: dict[str, Any]) -> tuple[str, str] | None:
    """(collection, id) of the document an event without a document hash recorded, if any."""
    kind = event.get("type")
    # As read from the database, so anything: a changed event's type may not even be hashable.
    named = _NAMED_BY_ID.get(kind) if isinstance(kind, str) else None
    if named is None:
        return None
    collection, id_field = named
    doc_id = (event.get("payload") or {}).get(id_field)
    return (collection, str(doc_id)) if doc_id is not None else None


def named_documents(events: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The ids (hex strings), by collection, of the documents these events record: what
    `verify-audit` must read besides the documents linked to the session, so that one moved to
    another parent is found (and named as changed), not reported missing."""
    named: dict[str, set[str]] = {collection: set() for collection in GRADED}
    for event in events:
        ref = _document_ref(event)
        key = ref[:2] if ref else _named_by_id(event)
        if key:
            named[key[0]].add(key[1])
    return named


def verify_chain(session_id: Any, events: list[dict[str, Any]], session: dict[str, Any] | None, *,
                 documents: dict[str, list[dict[str, Any]]] | None = None) -> AuditReport:
    """Check one session's events (MongoDB documents, any order), the session document's
    `metadata.audit` mark and, when `documents` is given ({"recordings": [...], "transcripts":
    [...], "evaluations": [...]}: the session's, as stored), each document against the hash its
    event recorded. Names every broken link, not only the first."""
    sid = str(session_id)
    if session is None and not events and not any((documents or {}).values()):
        return AuditReport(sid, 0, found=False)
    problems: list[AuditProblem] = []
    if session is None:
        problems.append(AuditProblem(ProblemKind.SESSION_MISSING, "The session document is missing from the database."))
    chain = _check_events(sid, events, problems)
    if session is not None:
        _check_end_mark(session, chain, problems)
    checked = not_covered = None
    if documents is not None:
        # Events missing from the chain may have recorded documents: say so for unrecorded ones.
        events_removed = any(p.kind in (ProblemKind.MISSING_EVENTS, ProblemKind.TRUNCATED) for p in problems)
        checked, not_covered = _check_documents(chain, documents, events_removed, problems)
    return AuditReport(sid, len(events), tuple(problems), checked, not_covered or 0)


def _label(event: dict[str, Any], seq: Any = None) -> str:
    """`Event <id> (<type>[, number <seq>])`: how messages name an event."""
    return f"Event {event['_id']} ({event.get('type')}" + (f", number {seq})" if seq is not None else ")")


def _hash_matches(event: dict[str, Any]) -> bool:
    chain = event["payload"]["chain"]
    created = event.get("created_at")
    return isinstance(created, datetime) and chain.get("hash") == digest(
        event["_id"], event.get("session_id"), event.get("type", ""), created, event.get("payload"),
        chain["seq"], chain.get("prev"))


def _check_events(sid: str, events: list[dict[str, Any]], problems: list[AuditProblem]) -> list[dict[str, Any]]:
    """Walk the chain by number and note each broken link. After a break the walk goes on from
    the event as found (its own `prev` and `hash`), so one break is named once, not again at every
    later event. Returns the chain: one event per number, in order."""
    by_seq: dict[int, list[dict[str, Any]]] = {}
    unchained = []
    for event in events:
        chain = (event.get("payload") or {}).get("chain")
        seq = chain.get("seq") if isinstance(chain, dict) else None
        if isinstance(seq, int) and not isinstance(seq, bool) and seq >= 1:
            by_seq.setdefault(seq, []).append(event)
        else:
            unchained.append(event)
    for event in sorted(unchained, key=lambda e: (_when(e), str(e["_id"]))):
        if isinstance((event.get("payload") or {}).get("chain"), dict):
            problems.append(AuditProblem(ProblemKind.CHANGED_EVENT, f"{_label(event)} carries a chain without a valid "
                                         f"number: it was changed after it was written.", str(event["_id"])))
        else:
            problems.append(AuditProblem(ProblemKind.UNCHAINED_EVENT, f"{_label(event)} carries no chain: it was "
                                         f"written outside the app, or by a version before the audit chain.",
                                         str(event["_id"])))
    kept: list[dict[str, Any]] = []
    expected_seq, expected_prev = 1, GENESIS
    for seq in sorted(by_seq):
        gap = seq > expected_seq
        # Of events sharing a number, the original is the one that verifies and links (a copy
        # has another _id, so its hash no longer matches); the others are copies.
        group = sorted(by_seq[seq], key=lambda e: (
            not (_hash_matches(e) and (gap or e["payload"]["chain"].get("prev") == expected_prev)),
            not _hash_matches(e), _when(e), str(e["_id"])))
        event, copies = group[0], group[1:]
        chain = event["payload"]["chain"]
        eid = str(event["_id"])
        if gap:
            which = (f"Event number {expected_seq} of the chain is" if seq == expected_seq + 1
                     else f"Events number {expected_seq} to {seq - 1} of the chain are")
            problems.append(AuditProblem(ProblemKind.MISSING_EVENTS, f"{which} missing (removed?): the next one "
                                         f"found is {event['_id']} ({event.get('type')}, number {seq})."))
        elif chain.get("prev") != expected_prev:
            problems.append(AuditProblem(ProblemKind.UNLINKED_EVENT, f"{_label(event, seq)} does not follow the "
                                         f"event before it: an event was replaced or inserted.", eid))
        if not _hash_matches(event):
            problems.append(AuditProblem(ProblemKind.CHANGED_EVENT, f"{_label(event, seq)} was changed after it was "
                                         f"written: its content does not match its hash.", eid))
        if str(event.get("session_id")) != sid:
            problems.append(AuditProblem(ProblemKind.FOREIGN_EVENT, f"Event {eid} belongs to another session.", eid))
        for copy in copies:
            problems.append(AuditProblem(ProblemKind.COPIED_EVENT, f"{_label(copy)} repeats number {seq} of the "
                                         f"chain: a copy was inserted.", str(copy["_id"])))
        kept.append(event)
        expected_seq, expected_prev = seq + 1, chain.get("hash")
    return kept


def _when(event: dict[str, Any]) -> str:
    """A sort key from `created_at` that works for naive and aware datetimes, and for none."""
    created = event.get("created_at")
    return iso_ms(created) if isinstance(created, datetime) else ""


def _check_end_mark(session: dict[str, Any], chain: list[dict[str, Any]], problems: list[AuditProblem]) -> None:
    """The session's end mark (`metadata.audit`: length and last hash when it ended) catches
    events removed from the end, which leave no gap in the numbers."""
    mark = ((session.get("metadata") or {}).get("audit")) if session.get("status") != "active" else None
    if not isinstance(mark, dict):
        return
    count = mark.get("events", 0)
    top = chain[-1]["payload"]["chain"]["seq"] if chain else 0
    at_mark = next((e for e in chain if e["payload"]["chain"]["seq"] == count), None)
    if isinstance(count, int) and count > top:
        problems.append(AuditProblem(ProblemKind.TRUNCATED, f"The session ended with {count} events, but the chain "
                                     f"in the database stops at number {top}: the last ones were removed."))
    elif isinstance(count, int) and count > 0 and at_mark is None:
        pass  # that event is missing from the middle of the chain: already named as such
    elif count and (at_mark is None or at_mark["payload"]["chain"].get("hash") != mark.get("head")):
        problems.append(AuditProblem(ProblemKind.END_MARK_MISMATCH, f"The session's end mark does not match event "
                                     f"number {count}: the events or the session document were changed.",
                                     str(at_mark["_id"]) if at_mark else None))


def _check_documents(chain: list[dict[str, Any]], documents: dict[str, list[dict[str, Any]]], events_removed: bool,
                     problems: list[AuditProblem]) -> tuple[int, int]:
    """Each recording, transcript and evaluation against the hash recorded by the latest event of
    the chain that names it (an `audio_lost` re-writes its recording, so its hash supersedes the
    `record_stop`'s). Returns (documents with a hash, documents recorded without one)."""
    expected: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}  # (collection, id) -> (event, sha256)
    by_id_only: set[tuple[str, str]] = set()
    for event in chain:  # in chain order: a later event replaces an earlier one's hash
        ref = _document_ref(event)
        if ref:
            expected[ref[:2]] = (event, ref[2])
        elif named := _named_by_id(event):
            by_id_only.add(named)
    stored = {(collection, str(doc["_id"])): doc for collection in GRADED for doc in documents.get(collection, ())}
    in_chain_order = sorted(expected.items(), key=lambda item: item[1][0]["payload"]["chain"]["seq"])
    for (collection, doc_id), (event, sha) in in_chain_order:
        noun, seq = GRADED[collection], event["payload"]["chain"]["seq"]
        doc = stored.get((collection, doc_id))
        if doc is None:
            problems.append(AuditProblem(ProblemKind.MISSING_DOCUMENT, f"The {noun} {doc_id} that event {event['_id']} "
                                         f"({event.get('type')}, number {seq}) recorded is missing from the database.",
                                         str(event["_id"]), doc_id))
        elif document_digest(doc) != sha:
            problems.append(AuditProblem(ProblemKind.CHANGED_DOCUMENT, f"The {noun} {doc_id} was changed after it was "
                                         f"written: it does not match the hash its {event.get('type')} event recorded "
                                         f"(event {event['_id']}, number {seq}).", str(event["_id"]), doc_id))
    not_covered = by_id_only - expected.keys()
    unrecorded = stored.keys() - expected.keys() - not_covered
    for collection, doc_id in sorted(unrecorded, key=lambda key: (list(GRADED).index(key[0]), key[1])):
        if events_removed:
            why = "event left in the chain: it was inserted, or the event that recorded it was removed"
        else:
            why = "event of the session: it was inserted"
        problems.append(AuditProblem(ProblemKind.INSERTED_DOCUMENT,
                                     f"The {GRADED[collection]} {doc_id} is not recorded by any {why}.", None, doc_id))
    return len(expected), len(not_covered)
