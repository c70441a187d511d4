"""The app's own work around the two API calls for a 2-minute answer: encoding the upload,
building and sending the requests, parsing the answers, voice activity, fluency measures, the
evidence gate, the confidence, and storing transcript and evaluation (with their events).

    .venv/bin/python benchmarks/assessment_overhead.py [--runs 15]

The API is a local OpenAI-compatible server that answers at once (tests/fake_openai.py), so what
is timed is the app plus two loopback HTTP round trips. Prints the median of the whole, and of
each part measured on its own."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speakcheck_desktop.assess.api import Endpoint  # noqa: E402
from speakcheck_desktop.assess.assessment import Assessor  # noqa: E402
from speakcheck_desktop.assess.evaluator import Evaluator  # noqa: E402
from speakcheck_desktop.assess.transcriber import Transcriber, timed_words  # noqa: E402
from speakcheck_desktop.audio.upload_files import prepare_upload  # noqa: E402
from speakcheck_desktop.audio.voice_activity import voice_activity_of_file  # noqa: E402
from speakcheck_desktop.core.evidence_gate import check_evidence  # noqa: E402
from speakcheck_desktop.core.fluency import measure_fluency  # noqa: E402
from speakcheck_desktop.store.local_store import LocalStore  # noqa: E402
from tests.answers import GOOD, SENTENCES, TASK, make_answer  # noqa: E402
from tests.fake_openai import CHAT, TRANSCRIPTIONS, FakeOpenAI, chat_reply  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        answer = make_answer(tmp / "answer", SENTENCES * 6, [0.6, 1.1, 0.4, 0.8] * 11 + [0.5] * 3)
        print(f"answer: {answer.duration_s:.0f} s, {len(answer.words)} words")
        fake = FakeOpenAI()
        fake.start()
        store = LocalStore.open(tmp / "data" / "speakcheck.db")
        endpoint = Endpoint(fake.base_url, "whisper-1", "sk-bench", 30, 0)
        evaluator = Evaluator(Endpoint(fake.base_url, "gpt-4o-mini", "sk-bench", 30, 0))
        app = Assessor(store, Transcriber(endpoint), evaluator, tmp / "work")
        whole, parts = [], {"encode": [], "voice activity": [], "measures + gate": []}
        for i in range(args.runs + 1):
            session = store.start_session("B1")
            recording = store.add_recording(session.id, str(answer.path), answer.duration_s, 16000)
            fake.script(TRANSCRIPTIONS, answer.transcription())
            fake.script(CHAT, chat_reply(GOOD))
            start = time.perf_counter()
            outcome = app.assess(recording.id, task_prompt=f"{TASK} ({i})", level="B1")
            elapsed = time.perf_counter() - start
            assert outcome.evaluation is not None
            if i == 0:
                continue  # warm-up: imports, first connection
            whole.append(elapsed)
            start = time.perf_counter()
            prepare_upload(answer.path, tmp / "enc")
            parts["encode"].append(time.perf_counter() - start)
            start = time.perf_counter()
            activity = voice_activity_of_file(answer.path)
            parts["voice activity"].append(time.perf_counter() - start)
            start = time.perf_counter()
            measures = measure_fluency(answer.text, activity, timed_words(outcome.transcript.segments))
            check_evidence("B1", speaking_time_s=activity.speaking_time_s, text=answer.text)
            parts["measures + gate"].append(time.perf_counter() - start)
            assert measures.words
        print(f"whole assessment around the API: median {median_ms(whole):.0f} ms over {args.runs} runs")
        for name, samples in parts.items():
            print(f"  {name}: median {median_ms(samples):.1f} ms")
        store.close()
        fake.stop()


if __name__ == "__main__":
    main()
