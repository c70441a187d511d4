"""A session's score report (core/report.py) from what the local store holds: the test as
assess/test_results.py reads it, who took it, the review state and the verification code.

Read in one go from one `get_session_detail`, so the code printed is the head of the very chain
the printed results come from."""

from __future__ import annotations

from datetime import UTC, datetime

from bson import ObjectId

from speakcheck_desktop.assess.test_results import result_of
from speakcheck_desktop.core.report import Report, build_report
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import plan_from_metadata
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import review_state


def session_report(store: LocalStore, session_id: ObjectId, tasks: TaskBank, *, centre: str | None = None,
                   made_at: datetime | None = None) -> Report | None:
    """The report of `session_id` (None: no such session here). `centre`: the centre's name when
    the session does not carry one (a staff computer's report of its own sessions)."""
    detail = store.get_session_detail(session_id)
    if detail is None:
        return None
    session = detail.session
    metadata = session.metadata or {}
    plan = plan_from_metadata(metadata, session.level, tasks.get)
    user = store.get_user(session.user_id) if session.user_id else None
    name = (user.name or "").strip() if user else ""
    candidate = str(metadata.get("candidate_id") or "")
    if candidate:  # a kiosk's candidate: the ID is who they are, the name only if the centre asked it
        label, person = "Candidate", candidate + (f" \u00b7 {name}" if name else "")
    else:
        label, person = "Learner", name or "(no name given)"
    return build_report(session=session, result=result_of(detail, plan), person_label=label, person=person,
                        centre=str(metadata.get("centre") or "") or centre, review=review_state(detail),
                        code=detail.verification_code, made_at=made_at or datetime.now(UTC))
