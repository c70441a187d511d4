"""What the person reads when background work fails: the error's own sentence when it was worded
for them (`UserFacingError`), otherwise a fixed sentence, with the details only in the log. No
traceback, driver output or file content reaches the screen this way."""

from __future__ import annotations

import logging

from speakcheck_desktop.core.errors import UserFacingError

log = logging.getLogger(__name__)


def sentence_for(exc: BaseException) -> str:
    if isinstance(exc, UserFacingError):
        return str(exc)
    log.error("Unexpected error", exc_info=exc)
    # The type's name helps a report to support; the message itself may hold anything (a path,
    # a server's reply), so it stays in the log.
    return (f"Something went wrong ({type(exc).__name__}). Your work is saved; details are in the log file.")
