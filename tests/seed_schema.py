"""The seed's field names, collection by collection (docs/datastructure.md): every document the
app writes, locally or to MongoDB, must have exactly these fields. Used by the record, sync,
assessment and whole-app tests."""

from speakcheck_desktop.core.records import Evaluation, Event, Recording, Session, Transcript, User

# Field lists copied from docs/datastructure.md, collection by collection.
SEED_FIELDS = {
    User: {"_id", "email", "name", "created_at"},
    Session: {"_id", "user_id", "level", "status", "started_at", "ended_at", "metadata"},
    Recording: {"_id", "session_id", "file_url", "duration_s", "sample_rate", "channels", "created_at"},
    Transcript: {"_id", "recording_id", "text", "language", "provider", "model", "segments", "created_at"},
    Evaluation: {"_id", "transcript_id", "overall_level", "confidence", "scores", "rationale", "tips", "created_at"},
    Event: {"_id", "session_id", "type", "payload", "created_at"},
}
