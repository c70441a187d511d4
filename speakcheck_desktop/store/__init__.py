"""The local store: SQLite in the data dir, the device's source of truth, with an outbox for sync."""
