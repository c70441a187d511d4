"""The one base for errors whose message is a sentence for the person.

Every layer raises its own kinds (a refused key, a full disk, a missing microphone), worded where
the failure is understood. The layers above need only one question answered: may this message be
shown as it is? A `UserFacingError`'s may: it says what happened and what to do, in plain words,
and never carries a traceback, parser output or file content. Anything else is a bug, logged in
full and shown as "something went wrong"."""

from __future__ import annotations


class UserFacingError(Exception):
    """str(error) is a complete sentence (or a few) fit for the person to read."""
