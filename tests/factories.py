"""Build realistic store content for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

from speakcheck_desktop.core.records import Level
from speakcheck_desktop.store.local_store import LocalStore

SCORES = {"fluency": 6.5, "accuracy": 7.0, "grammar": 6.0, "vocabulary": 7.5, "coherence": 8.0}


def complete_session(store: LocalStore, level: str = "B1", *, audio: bool = False, user_id=None, end: bool = True,
                     metadata: dict | None = None):
    """A session with a recording, a transcript, an evaluation and the four seed events.
    With `audio`, a small file is written in the store's recordings folder; `metadata`: more of
    it (a kiosk's centre and candidate, say)."""
    session = store.start_session(level, user_id=user_id,
                                  metadata={"task_id": f"{level.lower()}-describe-1", **(metadata or {})})
    path = store.recordings_dir / f"{session.id}.flac"
    if audio:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"fLaC" + bytes(4096))
    recording = store.add_recording(session.id, str(path), duration_s=62.4, sample_rate=16000)
    transcript = store.add_transcript(
        recording.id, "I would like to describe my home town, which is by the sea.", "en", "openai", "whisper-1",
        segments=[{"id": 0, "start": 0.0, "end": 4.2, "text": "I would like to describe my home town,",
                   "words": [{"word": "I", "start": 0.0, "end": 0.2}]}])
    evaluation = store.add_evaluation(transcript.id, Level(level), 0.72, dict(SCORES), "Clear and mostly accurate.",
                                      [{"text": "Link your ideas with 'because'.", "start_s": 3.1, "end_s": 4.2}])
    if end:
        session = store.end_session(session.id)
    return session, recording, transcript, evaluation


def audio_file(store: LocalStore, name: str, size: int = 4096) -> Path:
    path = store.recordings_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    return path


def recorded_answer(store: LocalStore, audio: Path, *, level: str = "A2", task_prompt: str = "Describe your home town.",
                    duration_s: float | None = None, name: str = "answer.wav", upload_to: str | None = None):
    """A session with one recording of `audio` (copied into the session's recordings folder, as
    the recorder leaves it), waiting to be assessed. Returns (session, recording, path)."""
    import soundfile as sf

    session = store.start_session(level, metadata={"task_prompt": task_prompt})
    path = store.recordings_dir / str(session.id) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(audio.read_bytes())
    recording = store.add_recording(session.id, str(path), duration_s or sf.info(str(path)).duration, 16000,
                                    upload_to=upload_to)
    return session, recording, path
