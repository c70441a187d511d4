"""Audio without Qt: microphone capture to crash-safe files, levels, voice activity, playback and
files ready for the transcription API."""
