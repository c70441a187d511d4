"""What Whisper tiny.en (the test suite's offline recogniser, tests/whisper_server.py) makes of
English, other languages and non-speech, and how fast it is here: the figures behind the evidence
gate's "not English" rules (core/evidence_gate.py).

    .venv/bin/python benchmarks/recogniser_report.py

Needs the test setup (scripts/setup.sh test: flite, sox, espeak-ng, faster-whisper)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402
from openai import OpenAI  # noqa: E402

from tests.answers import SENTENCES  # noqa: E402
from tests.recogniser_inputs import FRENCH, GERMAN, PASSAGE, SPANISH, espeak, flite, synthetic, transcribe  # noqa: E402
from tests.transcript_checks import english_share, overlap, words_of  # noqa: E402
from tests.whisper_server import RATE, WhisperServer  # noqa: E402


def main() -> None:
    tmp_path = Path(tempfile.mkdtemp())
    with WhisperServer() as server:
        client = OpenAI(base_url=server.base_url, api_key="not-needed", max_retries=0, timeout=600)
        report(server, client, tmp_path)


def report(server: WhisperServer, client: OpenAI, tmp_path: Path) -> None:
    # 60 s of English speech: flite reading a passage that does not repeat itself (repeated text
    # makes Whisper fail its compression-ratio check and decode again at higher temperatures).
    raw = tmp_path / "long.raw.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", PASSAGE, "-o", str(raw)], check=True)
    long_path = tmp_path / "long60.flac"
    subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(long_path), "trim", "0", "60"],
                   check=True)
    length = sf.info(long_path).duration
    began = time.monotonic()
    result = transcribe(client, long_path)
    took = time.monotonic() - began
    seen = server.requests[-1]
    busy = seen.ended - seen.started
    print(f"\n[whisper] {length:.1f} s of flite speech: {took:.2f} s round trip, {busy:.2f} s transcribing "
          f"(RTF {busy / length:.3f}), {len(result.segments)} segments at temperatures "
          f"{sorted({s.temperature for s in result.segments})}, {len(result.words or [])} words, "
          f"{overlap(' '.join(words_of(result.text)), PASSAGE):.0%} of the words heard are in the passage")

    rng = np.random.default_rng(7)
    t = np.arange(5 * RATE) / RATE
    cases: list[tuple[str, Path | None]] = [
        ("flite English", flite(tmp_path, "flite-en", SENTENCES[0] + " " + SENTENCES[1])),
        ("flite reads French", flite(tmp_path, "flite-fr", FRENCH)),
        ("silence 5 s", synthetic(tmp_path, "silence", np.zeros(5 * RATE))),
        ("white noise -20 dBFS", synthetic(tmp_path, "noise", rng.normal(0, 0.1, 5 * RATE))),
        ("440 Hz tone -12 dBFS", synthetic(tmp_path, "tone", 0.25 * np.sin(2 * np.pi * 440 * t))),
    ]
    if shutil.which("espeak-ng"):
        cases[1:1] = [
            ("espeak-ng English", espeak(tmp_path, "es-en", "en", SENTENCES[0] + " " + SENTENCES[1])),
            ("espeak-ng French", espeak(tmp_path, "es-fr", "fr", FRENCH)),
            ("espeak-ng Spanish", espeak(tmp_path, "es-es", "es", SPANISH)),
            ("espeak-ng German", espeak(tmp_path, "es-de", "de", GERMAN)),
        ]
    else:
        print("[whisper] espeak-ng is not installed (Debian package espeak-ng): no French/Spanish/German")
    print("[whisper] case | language | text | per segment: avg_logprob / compression_ratio / no_speech_prob "
          "/ temperature | common-English share")
    for name, path in cases:
        data = transcribe(client, path).model_dump()
        # Segments decoded from one 30 s window share its figures: show each window once.
        windows = {(s["seek"], s["avg_logprob"], s["compression_ratio"], s["no_speech_prob"], s["temperature"]): 0
                   for s in data["segments"]}
        figures = "; ".join(f"{lp:.3f} / {cr:.2f} / {ns:.3f} / {t:.1f}"
                            for _, lp, cr, ns, t in windows) or "no segments"
        share = english_share(data["text"])
        seen = server.requests[-1]
        print(f"[whisper] {name} ({seen.audio_s:.1f} s, {seen.ended - seen.started:.1f} s to transcribe) | "
              f"{data['language']} | {data['text']!r} | {len(data['segments'])} segments: "
              f"{figures} | {'n/a' if share is None else f'{share:.0%}'}")
        tried = [line for line in server.requests[-1].decoder_log if "threshold" in line]
        if tried:
            print("[whisper]     decoder: " + " | ".join(tried))
    failed = [r for r in server.requests[-len(cases):] if r.status != 200]
    print(f"[whisper] {len(cases) - len(failed)} of {len(cases)} requests answered")


if __name__ == "__main__":
    main()
