"""The sessions of the local store that started in a span of time, oldest first, each whole with
its user: for `speakcheck export`. Read-only.

One session is read at a time, from pages of ids (keyset paging over `sessions.started_at_ms`,
as `list_sessions` pages), so exporting a centre's whole store never holds all of it in memory.
The order is MongoDB's for the same sessions (remote/session_export.py): started_at, then id."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from bson import ObjectId

from speakcheck_desktop.core.records import User
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import _started_between
from speakcheck_desktop.store.views import SessionDetail

PAGE = 200


def sessions_started_between(store: LocalStore, since: datetime | None, until: datetime | None, *,
                             page: int = PAGE) -> Iterator[tuple[SessionDetail, User | None]]:
    """Each session started in [since, until) (None: no bound), with its user (None: none)."""
    where, args = _started_between(since, until)
    after: tuple[int, str] | None = None
    while True:
        keyset = " AND (started_at_ms, id) > (?, ?)" if after else ""
        rows = store.conn.execute(
            f"SELECT id, started_at_ms FROM sessions WHERE {' AND '.join(where)}{keyset} "
            "ORDER BY started_at_ms, id LIMIT ?", [*args, *(after or ()), page]).fetchall()
        for session_id, _ in rows:
            detail = store.get_session_detail(ObjectId(session_id))
            if detail is not None:  # gone since the page was read (deleted meanwhile)
                user_id = detail.session.user_id
                yield detail, store.get_user(user_id) if user_id else None
        if len(rows) < page:
            return
        after = (rows[-1][1], rows[-1][0])
