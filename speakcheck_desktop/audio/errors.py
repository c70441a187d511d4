"""Audio errors, each with a message a learner can act on."""

from speakcheck_desktop.core.errors import UserFacingError


class AudioError(UserFacingError):
    """Something about sound went wrong. The message says what, and what to do."""


class NoMicrophoneError(AudioError):
    pass


class AudioFileError(AudioError):
    """An audio file that cannot be used: missing, empty, corrupt, of the wrong kind, or too big."""
