"""SpeakCheck Desktop: CEFR speaking tests on the desktop, kept locally and mirrored to MongoDB."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("speakcheck-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
