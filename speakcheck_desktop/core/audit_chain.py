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

The chain makes tampering evident to anyone who re-computes it; it is not a signature: someone
who can write to the database can also re-compute a whole forged chain. `speakcheck verify-audit`
checks the chain in MongoDB (`remote/audit.py`); this module is the part without a database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

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


@dataclass(frozen=True)
class AuditReport:
    session_id: str
    events: int
    intact: bool
    problem: str | None = None  # the first broken link, in words
    event_id: str | None = None  # the event where it broke (None when the break is a missing one)

    def summary(self) -> str:
        if self.intact:
            return f"Session {self.session_id}: the chain of {self.events} events is intact."
        return f"Session {self.session_id}: broken. {self.problem}"


def verify_chain(session_id: Any, events: list[dict[str, Any]], session: dict[str, Any] | None) -> AuditReport:
    """Check one session's events (MongoDB documents, any order) and, when given, the session
    document's `metadata.audit` mark. Reports the first broken link in chain order."""
    sid = str(session_id)

    def broken(problem: str, event_id: Any = None) -> AuditReport:
        return AuditReport(sid, len(events), False, problem, str(event_id) if event_id is not None else None)

    if session is None:
        return broken("The session document is missing from the database.")
    unchained = [e for e in events if not isinstance((e.get("payload") or {}).get("chain"), dict)]
    if unchained:
        first = min(unchained, key=lambda e: e.get("created_at") or datetime.min)
        return broken(f"Event {first['_id']} ({first.get('type')}) carries no chain: it was written "
                      f"outside the app, or by a version before the audit chain.", first["_id"])
    ordered = sorted(events, key=lambda e: e["payload"]["chain"].get("seq", 0))
    expected_prev, expected_seq = GENESIS, 1
    for event in ordered:
        chain = event["payload"]["chain"]
        seq = chain.get("seq")
        if not isinstance(seq, int) or seq < expected_seq:
            return broken(f"Event {event['_id']} ({event.get('type')}) repeats number {seq} of the chain: "
                          f"a copy was inserted.", event["_id"])
        if seq > expected_seq:
            return broken(f"Event number {expected_seq} of the chain is missing (removed?): the next one found "
                          f"is {event['_id']} ({event.get('type')}, number {seq}).")
        if chain.get("prev") != expected_prev:
            return broken(f"Event {event['_id']} ({event.get('type')}, number {seq}) does not follow the event "
                          f"before it: an event was replaced or inserted.", event["_id"])
        created = event.get("created_at")
        if not isinstance(created, datetime) or digest(event["_id"], event.get("session_id"), event.get("type", ""),
                                                       created, event.get("payload"), seq, expected_prev) \
                != chain.get("hash"):
            return broken(f"Event {event['_id']} ({event.get('type')}, number {seq}) was changed after it was "
                          f"written: its content does not match its hash.", event["_id"])
        if str(event.get("session_id")) != sid:
            return broken(f"Event {event['_id']} belongs to another session.", event["_id"])
        expected_prev, expected_seq = chain["hash"], seq + 1
    mark = ((session.get("metadata") or {}).get("audit")) if session.get("status") != "active" else None
    if isinstance(mark, dict):
        count = mark.get("events", 0)
        at_mark = next((e for e in ordered if e["payload"]["chain"]["seq"] == count), None)
        if count > len(ordered):
            return broken(f"The session ended with {count} events, but only {len(ordered)} are in the "
                          f"database: the last ones were removed.")
        if count and (at_mark is None or at_mark["payload"]["chain"]["hash"] != mark.get("head")):
            return broken(f"The session's end mark does not match event number {count}: the events or the "
                          f"session document were changed.", at_mark["_id"] if at_mark else None)
    return AuditReport(sid, len(events), True)
