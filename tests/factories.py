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


def measured_answer(store: LocalStore, session, question_id: str | None, *, duration_s: float = 60.0,
                    words: int = 100, pauses: int = 6, run: float = 7.5, known: int = 80, b2_share: float = 0.125,
                    level: str | None = None, scores: dict | None = None, confidence: float = 0.7,
                    enough: bool = True, transcribe: bool = True, vocabulary: bool = True):
    """One answer written as the assessment writes it: a recording that names its question
    (`question_id` None: one recovered after a crash), its transcript with what was measured in
    the `transcribe` event (assess/results.py `measured_details`), then an evaluation at `level`
    with the measures in its `evaluate` event (`result_details`), or with `enough` False the
    evidence gate's "no" (`evidence_payload`); with neither, it waits for an evaluation. The
    speech rate is `words` over `duration_s`; `vocabulary` False: no word list was at hand.
    Returns (recording, transcript or None, evaluation or None)."""
    from bson import ObjectId

    from speakcheck_desktop.assess.results import evidence_payload, measured_details, result_details
    from speakcheck_desktop.core.evidence_gate import GateVerdict
    from speakcheck_desktop.core.fluency import FluencyMeasures
    from speakcheck_desktop.core.speech_activity import Span
    from speakcheck_desktop.core.vocabulary import VocabularyProfile

    recording = store.add_recording(session.id, str(store.recordings_dir / str(session.id) / f"{ObjectId()}.wav"),
                                    duration_s=duration_s, sample_rate=16000, question_id=question_id)
    if not transcribe:
        return recording, None, None
    speaking = round(duration_s * 0.8, 3)
    measures = FluencyMeasures(
        total_duration_s=duration_s, speaking_time_s=speaking, words=words,
        speech_rate_wpm=round(words * 60 / duration_s, 3) if duration_s else 0.0,
        articulation_rate_wpm=round(words * 60 / speaking, 3) if speaking else 0.0, pause_count=pauses,
        mean_pause_s=0.6 if pauses else 0.0, longest_pause_s=1.2 if pauses else 0.0,
        pauses_between_sentences=pauses // 2, pauses_within_sentence=pauses - pauses // 2, mean_length_of_run=run,
        distinct_words=words * 2 // 3, word_timings=True)
    spans = tuple(Span(1.0 + 5 * i, 1.6 + 5 * i) for i in range(pauses))
    profile = VocabularyProfile(words=words, known=known, b2_and_above=b2_share) if vocabulary else None
    transcript = store.add_transcript(recording.id, "Well, I think my home town is lovely.", "en", "openai",
                                      "whisper-1", event_details=measured_details(measures, spans, profile))
    evaluation = None
    if level is not None:
        evaluation = store.add_evaluation(transcript.id, level, confidence, dict(scores or SCORES), "Clear.", [],
                                          provenance={"rubric_version": "test",
                                                      **result_details(measures, spans, None, profile)})
    elif not enough:
        verdict = GateVerdict(enough=False, reasons=["The answer was too short."], advice=["Speak for longer."])
        store.record_insufficient_evidence(transcript.id, evidence_payload(verdict, measures, spans, profile))
    return recording, transcript, evaluation
