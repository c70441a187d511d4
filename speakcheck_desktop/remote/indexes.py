"""The seed's indexes (docs/datastructure.md), with explicit names so they are easy to
find and creating them twice is a no-op.

Sync needs nothing beyond these: it writes and checks by `_id`, and pulling a session reads its
children through the seed's own `session_id` / `recording_id` / `transcript_id` indexes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexSpec:
    collection: str
    name: str
    keys: tuple[tuple[str, int], ...]


SEED_INDEXES: tuple[IndexSpec, ...] = (
    IndexSpec("sessions", "sessions_user_id_started_at", (("user_id", 1), ("started_at", -1))),
    IndexSpec("sessions", "sessions_status", (("status", 1),)),
    IndexSpec("recordings", "recordings_session_id_created_at", (("session_id", 1), ("created_at", -1))),
    IndexSpec("transcripts", "transcripts_recording_id", (("recording_id", 1),)),
    IndexSpec("evaluations", "evaluations_transcript_id", (("transcript_id", 1),)),
    IndexSpec("events", "events_session_id_created_at", (("session_id", 1), ("created_at", 1))),
)
