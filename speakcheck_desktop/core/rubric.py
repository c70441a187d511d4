"""The assessment rubric: what each CEFR level sounds like in speech, in the project's own words,
and the 0-10 scale of the sub-scores. Its version goes into every evaluation's record, so a new
version can re-score old answers and the same version never scores the same answer twice."""

from __future__ import annotations

from speakcheck_desktop.core.records import Level

RUBRIC_VERSION = "2026-11-25.1"

# Qualitative aspects of spoken language, per level, paraphrased for this app (not quoted).
LEVEL_DESCRIPTORS: dict[Level, dict[str, str]] = {
    Level.A2: {
        "range": "Everyday words and memorised phrases for familiar, concrete topics; often searches for words.",
        "accuracy": "Simple structures, with basic mistakes that are frequent but rarely stop the meaning.",
        "fluency": "Short turns; pauses, false starts and reformulation are very evident.",
        "interaction": "Can answer and ask simple questions about familiar matters.",
        "coherence": "Links groups of words with simple connectors such as and, but, because.",
    },
    Level.B1: {
        "range": "Enough language to talk about familiar and some less familiar topics, with some circumlocution.",
        "accuracy": "Reasonably accurate use of frequent patterns in predictable situations; errors occur but meaning is clear.",
        "fluency": "Keeps going comprehensibly, with noticeable pauses for grammar and vocabulary in longer stretches.",
        "interaction": "Can start, keep up and close simple conversation on familiar topics.",
        "coherence": "Links a series of shorter elements into a connected, linear sequence of points.",
    },
    Level.B2: {
        "range": "Clear descriptions and viewpoints on most general topics, with some complex sentence forms.",
        "accuracy": "Good grammatical control; mistakes do not cause misunderstanding and are often self-corrected.",
        "fluency": "Produces stretches of speech at a fairly even tempo; few noticeably long pauses.",
        "interaction": "Can take part actively, take turns and help the discussion along.",
        "coherence": "Uses a limited range of cohesive devices to link utterances into clear, coherent discourse.",
    },
    Level.C1: {
        "range": "A broad range of language to express ideas clearly and appropriately on a wide range of topics.",
        "accuracy": "Consistently high grammatical accuracy; errors are rare and hard to spot.",
        "fluency": "Expresses ideas fluently and spontaneously, almost effortlessly; only a conceptually difficult subject slows it.",
        "interaction": "Selects suitable phrases to take the floor and relates own contributions skilfully to others'.",
        "coherence": "Clear, smoothly flowing, well-structured speech with controlled use of organisational patterns and connectors.",
    },
}

# The sub-score scale: where each level sits on 0-10. Bands are used to see how close the
# sub-scores sit to a level boundary (see core/confidence.py).
SCALE_TEXT = (
    "Each sub-score is a number from 0 to 10: 0-2 below A2 (isolated words, no connected speech); "
    "2-4 A2; 4-6 B1; 6-8 B2; 8-10 C1 (10: beyond C1 for this aspect).")
BAND_BOUNDARIES = (2.0, 4.0, 6.0, 8.0)  # below A2 | A2 | B1 | B2 | C1
BAND_LEVELS = (None, Level.A2, Level.B1, Level.B2, Level.C1)

def band_of(score: float) -> Level | None:
    """The level a 0-10 score stands for (None below A2)."""
    index = sum(score >= b for b in BAND_BOUNDARIES)
    return BAND_LEVELS[index]


def rubric_text() -> str:
    lines = [f"Rubric version {RUBRIC_VERSION}.", SCALE_TEXT, ""]
    for level, aspects in LEVEL_DESCRIPTORS.items():
        lines.append(f"{level.value}:")
        lines += [f"  - {aspect}: {text}" for aspect, text in aspects.items()]
    return "\n".join(lines)
