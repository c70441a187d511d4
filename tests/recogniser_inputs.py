"""What is fed to the offline recogniser (tests/whisper_server.py) and how: short texts in French,
Spanish and German and a long English passage that does not repeat itself, clips of them spoken
by flite or espeak-ng (or of any signal) written as 16 kHz mono FLAC, and `transcribe`, one
verbose-JSON transcription request through the real `openai` SDK. Used by
tests/test_whisper_server.py and benchmarks/recogniser_report.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf
from openai import OpenAI

from tests.whisper_server import RATE

FRENCH = "Le petit chat est assis sur le tapis, et il regarde la pluie qui tombe dehors."
SPANISH = "El pequeño gato está sentado en la alfombra, y mira la lluvia que cae afuera."
GERMAN = "Die kleine Katze sitzt auf dem Teppich und schaut dem Regen draußen zu."
PASSAGE = (
    "I live in a small town by the sea. There is a harbour with old boats. On Saturdays we go to the market. "
    "My favourite place is the library. It has a quiet room with big windows. I often read there after work. "
    "In summer many tourists visit the town. Then the beaches are very busy. My brother works in a hotel near "
    "the station. He starts early in the morning and finishes in the afternoon. Last year he went to London "
    "for a course, and he learned a lot about cooking. When he came back, he made dinner for the whole family "
    "every Sunday. We usually eat fish, potatoes and a green salad. After dinner we walk along the beach and "
    "talk about the week. In winter the town is very quiet. Most of the shops close at five o'clock, and the "
    "streets are empty. I like the winter because I can read and study without any noise. Next year I want to "
    "learn Spanish, because I would like to travel to South America with my friends. We are saving money for "
    "the trip, and we hope to visit three or four countries. My sister thinks we should go to Canada "
    "instead, because it is closer and the flights are cheaper. I am not sure yet, but we will decide soon.")


def to_flac(wav: Path) -> Path:
    flac = wav.with_suffix(".flac")
    subprocess.run(["sox", str(wav), "-r", str(RATE), "-c", "1", "-b", "16", str(flac)], check=True)
    return flac


def flite(directory: Path, name: str, text: str) -> Path:
    wav = directory / f"{name}.raw.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(wav)], check=True)
    return to_flac(wav)


def espeak(directory: Path, name: str, voice: str, text: str) -> Path:
    wav = directory / f"{name}.raw.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True)
    return to_flac(wav)


def synthetic(directory: Path, name: str, signal: np.ndarray) -> Path:
    path = directory / f"{name}.flac"
    sf.write(path, signal.astype(np.float32), RATE, subtype="PCM_16")
    return path


def transcribe(client: OpenAI, path: Path, **kwargs):
    with open(path, "rb") as audio:
        return client.audio.transcriptions.create(
            model="whisper-1", file=audio, response_format="verbose_json",
            timestamp_granularities=["word", "segment"], **kwargs)
