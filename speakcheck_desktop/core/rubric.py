"""The assessment rubric: what each CEFR level sounds like in speech, in the project's own words,
for each of the five aspects an evaluation scores, and the 0-10 scale of the sub-scores. Its
version goes into every evaluation's record, so a new version can re-score old answers and the
same version never scores the same answer twice."""

from __future__ import annotations

from speakcheck_desktop.core.records import Aspect, Level

# 2026-12-02.1: the levels describe the five scored aspects (before: range, accuracy, fluency,
# interaction, coherence, of which only three were scored).
RUBRIC_VERSION = "2026-12-02.1"

# What each scored aspect covers: the model scores these five, under these names (core/records.py
# `Aspect`, the keys of `evaluations.scores`).
ASPECT_MEANINGS: dict[Aspect, str] = {
    Aspect.FLUENCY: "tempo, pausing and hesitation: how easily the speech keeps going",
    Aspect.ACCURACY: "how correct the words and forms are, and how far errors get in the way of the meaning",
    Aspect.GRAMMAR: "the range and control of grammatical structures, from simple sentences to complex ones",
    Aspect.VOCABULARY: "the range and precision of the words and phrases for the topic",
    Aspect.COHERENCE: "how the ideas are organised and linked into connected speech",
}

# The five aspects, per level, paraphrased for this app from the CEFR's descriptions of spoken
# language (not quoted).
LEVEL_DESCRIPTORS: dict[Level, dict[Aspect, str]] = {
    Level.A2: {
        Aspect.FLUENCY: "Short turns; pauses, false starts and reformulation are very evident.",
        Aspect.ACCURACY: "Basic mistakes are frequent, yet the main point usually comes across.",
        Aspect.GRAMMAR: "A few simple structures and memorised patterns; tense and agreement often go wrong.",
        Aspect.VOCABULARY: "Everyday words and memorised phrases for familiar, concrete topics; often searches "
                           "for words.",
        Aspect.COHERENCE: "Links groups of words with simple connectors such as and, but, because.",
    },
    Level.B1: {
        Aspect.FLUENCY: "Keeps going comprehensibly, with noticeable pauses for grammar and vocabulary in longer "
                        "stretches.",
        Aspect.ACCURACY: "Errors occur, especially on less familiar ground, but the meaning is clear.",
        Aspect.GRAMMAR: "Reasonably accurate use of frequent patterns in predictable situations; more complex "
                        "structures are attempted with mixed success.",
        Aspect.VOCABULARY: "Enough words to talk about familiar and some less familiar topics, with some "
                           "circumlocution.",
        Aspect.COHERENCE: "Links a series of shorter elements into a connected, linear sequence of points.",
    },
    Level.B2: {
        Aspect.FLUENCY: "Produces stretches of speech at a fairly even tempo; few noticeably long pauses.",
        Aspect.ACCURACY: "Mistakes do not cause misunderstanding and are often self-corrected.",
        Aspect.GRAMMAR: "Good grammatical control, including some complex sentence forms; occasional slips.",
        Aspect.VOCABULARY: "A good range for clear descriptions and viewpoints on most general topics; varies "
                           "wording to avoid frequent repetition.",
        Aspect.COHERENCE: "Uses a limited range of cohesive devices to link utterances into clear, coherent "
                          "discourse.",
    },
    Level.C1: {
        Aspect.FLUENCY: "Expresses ideas fluently and spontaneously, almost effortlessly; only a conceptually "
                        "difficult subject slows it.",
        Aspect.ACCURACY: "Errors are rare, hard to spot and generally corrected; says precisely what is meant.",
        Aspect.GRAMMAR: "Consistently high grammatical accuracy across a wide range of structures.",
        Aspect.VOCABULARY: "A broad range of language, idiomatic expressions included, to express ideas clearly "
                           "and appropriately on a wide range of topics.",
        Aspect.COHERENCE: "Clear, smoothly flowing, well-structured speech with controlled use of organisational "
                          "patterns and connectors.",
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
    lines = [f"Rubric version {RUBRIC_VERSION}.", "The aspects scored:"]
    lines += [f"  - {aspect.value}: {ASPECT_MEANINGS[aspect]}" for aspect in Aspect]
    lines += [SCALE_TEXT, ""]
    for level, descriptors in LEVEL_DESCRIPTORS.items():
        lines.append(f"{level.value}:")
        # Every level describes every aspect, in the order of the scores.
        lines += [f"  - {aspect.value}: {descriptors[aspect]}" for aspect in Aspect]
    return "\n".join(lines)
