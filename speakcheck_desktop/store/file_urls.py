"""What a recordings document's `file_url` says: a path on this computer, or `gridfs://<bucket>/<file
id>` for audio kept in MongoDB GridFS (settings: audio_storage = "gridfs").

A module of its own, importing nothing but bson, because the store, the relay and the UI (to play a
recording, fetched from GridFS when it is not here) all read these URLs."""

from __future__ import annotations

from bson import ObjectId

_SCHEME = "gridfs://"


def gridfs_url(bucket: str, file_id: ObjectId) -> str:
    """How a recordings document names audio kept in GridFS: gridfs://<bucket>/<file id>."""
    return f"{_SCHEME}{bucket}/{file_id}"


def is_gridfs_url(url: str) -> bool:
    """Does this `file_url` name GridFS (rather than a file on this computer)?"""
    return url.startswith(_SCHEME)


def parse_gridfs_url(url: str) -> tuple[str, ObjectId] | None:
    """(bucket, file id) of a gridfs:// URL; None for a local path or a malformed URL."""
    if not is_gridfs_url(url):
        return None
    bucket, _, file_id = url[len(_SCHEME):].partition("/")
    return (bucket, ObjectId(file_id)) if bucket and ObjectId.is_valid(file_id) else None
