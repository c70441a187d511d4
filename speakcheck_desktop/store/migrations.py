"""Numbered schema migrations of the local database. Append only: a released step never changes.

Each collection's table keeps the whole document as MongoDB extended JSON (`doc`) plus the
columns the app filters and sorts on. Times are integer epoch milliseconds, the precision of a
BSON date, so what is stored here and what MongoDB holds compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "collections, outbox and sync state", """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            user_id TEXT,
            level TEXT NOT NULL CHECK (level IN ('A2', 'B1', 'B2', 'C1')),
            status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'abandoned')),
            started_at_ms INTEGER NOT NULL,
            -- newest child's time: what "stale" is measured from
            last_activity_ms INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX sessions_started ON sessions (started_at_ms DESC, id DESC);
        CREATE INDEX sessions_user_started ON sessions (user_id, started_at_ms DESC, id DESC);
        CREATE INDEX sessions_status_started ON sessions (status, started_at_ms DESC, id DESC);
        CREATE INDEX sessions_level_started ON sessions (level, started_at_ms DESC, id DESC);

        CREATE TABLE recordings (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id),
            created_at_ms INTEGER NOT NULL,
            -- local only: when the audio file was removed by pruning (the metadata stays)
            pruned_at_ms INTEGER,
            doc TEXT NOT NULL
        );
        CREATE INDEX recordings_session ON recordings (session_id, created_at_ms);
        CREATE INDEX recordings_created ON recordings (created_at_ms) WHERE pruned_at_ms IS NULL;

        CREATE TABLE transcripts (
            id TEXT PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            session_id TEXT NOT NULL REFERENCES sessions (id),
            created_at_ms INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX transcripts_session ON transcripts (session_id, created_at_ms);

        CREATE TABLE evaluations (
            id TEXT PRIMARY KEY,
            transcript_id TEXT NOT NULL REFERENCES transcripts (id),
            session_id TEXT NOT NULL REFERENCES sessions (id),
            overall_level TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX evaluations_session ON evaluations (session_id, created_at_ms);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id),
            created_at_ms INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX events_session ON events (session_id, created_at_ms);

        -- One row per document waiting to reach MongoDB. A later write to the same document
        -- bumps `version`, so a sync that read the older version cannot mark the newer one done.
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            collection TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            version INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            enqueued_at_ms INTEGER NOT NULL,
            UNIQUE (collection, doc_id)
        );
        CREATE INDEX outbox_queue ON outbox (state, collection, op, seq);

        CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    """),
    Migration(2, "evaluation cache by input hash", """
        -- Local only: which evaluation a given set of inputs (transcript, task, measures, models,
        -- rubric version) produced, so the same inputs are not scored twice.
        CREATE TABLE evaluation_cache (
            input_hash TEXT PRIMARY KEY,
            evaluation_id TEXT NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE
        );
    """),
    Migration(3, "audio uploads to GridFS", """
        -- Recordings whose audio goes to MongoDB GridFS (settings: audio_storage = "gridfs"). The
        -- id is the recording's and also the GridFS file's, fixed here, so a retried upload
        -- replaces a partial one instead of adding a second file. `doc` is what the relay needs to
        -- upload (bucket, local path, names); `uploaded_at_ms` is set once MongoDB acknowledged the
        -- upload and its hash was checked: only then may the local copy go.
        CREATE TABLE audio (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            doc TEXT NOT NULL,
            uploaded_at_ms INTEGER
        );
        CREATE INDEX audio_session ON audio (session_id);
    """),
    Migration(4, "recordings' audio fingerprints and audio problems", """
        -- Local only: the SHA-256 and length of each recording's audio file, taken when the
        -- recording was finalised or recovered, so a file that changed later is recognised before
        -- it is uploaded or transcribed; and what went wrong with it ('missing' or 'changed'),
        -- once that was found. A recording with a problem is not transcribed or uploaded again.
        ALTER TABLE recordings ADD COLUMN audio_sha256 TEXT;
        ALTER TABLE recordings ADD COLUMN audio_bytes INTEGER;
        ALTER TABLE recordings ADD COLUMN audio_problem TEXT CHECK (audio_problem IN ('missing', 'changed'));
    """),
    Migration(5, "examiners' evaluations", """
        -- Local only: who made an evaluation, NULL for the AI, else the examiner's role in the
        -- review (store/reviews.py). The document keeps the seed's fields; the `review` event that
        -- names it says the same, and is what MongoDB readers go by. The history shows the
        -- first examiner's result over the AI's, never a blind second marking's.
        ALTER TABLE evaluations ADD COLUMN rated_by TEXT CHECK (rated_by IN ('first', 'second'));
        -- The review queue asks, per transcript, whether an examiner in a role has rated it.
        CREATE INDEX evaluations_transcript ON evaluations (transcript_id, rated_by);
    """),
)
