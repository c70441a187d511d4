"""`speakcheck transcribe` and `speakcheck assess`: the app's pipeline on a recording that already
exists (a teacher's recordings, a file from another device), from the command line.

`transcribe` only transcribes and prints; nothing is stored. `assess` stores the recording as a
quick-practice session of its own, exactly as the window would (a copy of the file in the
recordings folder, then session, recording, transcript, evaluation and events), so it shows in
the history, syncs, and a waiting evaluation runs later in the app like any other.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bson import ObjectId

from speakcheck_desktop.assess.api import AssessError
from speakcheck_desktop.assess.assessment import Assessor
from speakcheck_desktop.assess.assessment_setup import AssessmentSetup, assessment_setup
from speakcheck_desktop.assess.credentials import api_key
from speakcheck_desktop.assess.results import answer_from_outcome
from speakcheck_desktop.assess.transcriber import SpeechToText
from speakcheck_desktop.audio.errors import AudioFileError
from speakcheck_desktop.audio.recovery import recording_path
from speakcheck_desktop.audio.upload_files import inspect_audio, prepare_upload
from speakcheck_desktop.config import Settings, TranscribeWith, config_dir
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.core.results import AnswerResult, AnswerState, measured_words
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import practice_plan
from speakcheck_desktop.preferences import load_preferences
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.store.local_store import LocalStore

EXIT_FAILED = 1


class RecordingCommandFailed(Exception):
    """The recording could not be used or transcribed; the message says why and what to do."""


def add_parsers(sub: Any) -> None:
    transcribe = sub.add_parser("transcribe", help="transcribe an audio file (with word times); nothing is stored")
    transcribe.add_argument("file", type=Path)
    transcribe.add_argument("--local", action="store_true", help="on this computer (the offline pack)")
    transcribe.add_argument("--json", action="store_true", help="the transcript with its words and their times")
    assess = sub.add_parser("assess", help="assess an existing recording; it is stored as a session like any other")
    assess.add_argument("file", type=Path)
    assess.add_argument("--level", required=True, choices=[level.value for level in Level])
    assess.add_argument("--task", metavar="ID", help="the task answered (default: the level's first)")
    assess.add_argument("--local", action="store_true", help="transcribe on this computer (the offline pack)")


def _setup(settings: Settings, local: bool) -> AssessmentSetup:
    # --local wins over the settings; the evaluation is as set up either way.
    return assessment_setup(settings, api_key(), forced=TranscribeWith.LOCAL if local else None)


def _transcriber(setup: AssessmentSetup) -> SpeechToText:
    transcriber = setup.transcriber()
    if transcriber is None:
        raise RecordingCommandFailed("Nothing can transcribe: install the offline pack and use --local, or set an "
                                     "OpenAI API key or a transcription server.")
    return transcriber


def cmd_transcribe(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    transcriber = _transcriber(_setup(settings, args.local))
    with tempfile.TemporaryDirectory(prefix="speakcheck-") as scratch:
        try:
            parts = prepare_upload(args.file, Path(scratch))
            result = transcriber.transcribe(parts)
        except (AudioFileError, AssessError) as exc:
            raise RecordingCommandFailed(str(exc)) from None
    if not args.json:
        print(result.text)
        return 0
    words = [w for s in result.segments for w in s.get("words") or []]
    print(json.dumps({"text": result.text, "language": result.language, "provider": result.provider,
                      "model": result.model, "duration_s": round(sum(p.duration_s for p in parts), 3),
                      "words": words, "segments": result.segments, "note": result.note},
                     indent=2, ensure_ascii=False))
    return 0


def cmd_assess(args: argparse.Namespace, settings: Settings, store: LocalStore) -> int:
    tasks = TaskBank.load(resource_path("tasks.json"))
    level = Level(args.level)
    task = tasks.get(args.task) if args.task else next(iter(tasks.for_level(level)), None)
    if task is None:
        known = ", ".join(t.id for t in tasks.for_level(level))
        raise RecordingCommandFailed(f"There is no task {args.task!r}; the {level.value} tasks are: {known}.")
    setup = _setup(settings, args.local)
    transcriber = _transcriber(setup)
    try:
        info = inspect_audio(args.file)
    except AudioFileError as exc:
        raise RecordingCommandFailed(str(exc)) from None
    plan = practice_plan(task)
    user = load_preferences(config_dir() / "preferences.json").user_id
    session = store.start_session(level, user_id=ObjectId(user) if user and ObjectId.is_valid(user) else None,
                                  metadata={**plan.to_metadata(), "imported_from": args.file.name})
    # The app's own copy: the person's file may move or change; the recording must not.
    copy = recording_path(store.recordings_dir, session.id, datetime.now(UTC)).with_suffix(args.file.suffix.lower())
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.file, copy)
    except OSError as exc:  # a full disk, say: the session is closed, the person's file untouched
        with contextlib.suppress(OSError):  # a half-written copy, if there is one
            copy.unlink(missing_ok=True)
        store.end_session(session.id, SessionStatus.ABANDONED)
        raise RecordingCommandFailed(f"{args.file.name} could not be copied into {store.recordings_dir} "
                                     f"({exc.strerror or exc}); your file is unchanged.") from None
    recording = store.add_recording(session.id, str(copy), round(info.duration_s, 3), info.sample_rate,
                                    info.channels, question_id=task.id)
    assessor = Assessor(store, transcriber, setup.evaluator(), settings.data_dir / "work")
    try:
        outcome = assessor.assess(recording.id, task_prompt=plan.steps[0].assessed_prompt(), level=level)
    except (AssessError, AudioFileError) as exc:
        print(f"Session {session.id}: {exc}")
        return EXIT_FAILED
    finally:
        store.end_session(session.id, SessionStatus.COMPLETED)
    answer = answer_from_outcome(outcome, task.id)
    print(f"Session {session.id}, task {task.id}: {_summary(answer)}")
    return 0


def _summary(answer: AnswerResult) -> str:
    if answer.state is AnswerState.ASSESSED and answer.evaluation is not None:
        evaluation = answer.evaluation
        scores = ", ".join(f"{k} {v:g}" for k, v in evaluation.scores.items())
        return f"{evaluation.overall_level.value} (confidence {evaluation.confidence:.0%}; {scores})"
    if answer.state is AnswerState.NOT_ENOUGH_EVIDENCE:
        return "not enough evidence to score. " + " ".join(answer.reasons)
    return measured_words(answer.transcribed_by)


COMMANDS = {"transcribe": cmd_transcribe, "assess": cmd_assess}
