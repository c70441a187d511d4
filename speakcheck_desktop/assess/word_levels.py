"""Word levels from the cefrpy word list, for core.vocabulary.

cefrpy (pure Python) reads its 2.4 MB data file when it is imported, so it is imported on first
use, once, under a lock: the app starts no slower, and two assessments running at once do not
both read it. If cefrpy is missing or its data cannot be read, `vocabulary_of` returns None and
this is logged once: vocabulary is extra information, never a reason to fail an assessment.
cefrpy lists "um", "hmm" and "ah" as C2 words; core.fluency.spoken_words leaves them out first.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
from typing import Any

from speakcheck_desktop.core.vocabulary import VocabularyProfile, vocabulary_profile

log = logging.getLogger(__name__)

_lock = threading.Lock()
_analyzer: Any = None
_unavailable = False


def _get_analyzer() -> Any:
    """The cefrpy analyzer, or None if it cannot be loaded."""
    global _analyzer, _unavailable
    with _lock:
        if _analyzer is None and not _unavailable:
            try:
                from cefrpy import CEFRAnalyzer  # no py.typed nor stubs: pyproject.toml lets mypy skip it

                _analyzer = CEFRAnalyzer()
            # cefrpy raises a bare Exception for a damaged data file, OSError for a missing one
            except Exception as exc:
                _unavailable = True
                log.info("Word levels unavailable (cefrpy: %s: %s); vocabulary is left out",
                         type(exc).__name__, exc)
        return _analyzer


@functools.lru_cache(maxsize=65536)
def word_level(word: str) -> int | None:
    """The CEFR level of `word`, 1 (A1) .. 6 (C2), or None if the list does not have it (or the
    list could not be loaded). cefrpy gives the average level over the word's parts of speech."""
    analyzer = _get_analyzer()
    if analyzer is None:
        return None
    average = analyzer.get_average_word_level_float(word.lower())  # the list is lowercase only
    if average is None:
        return None
    # Nearest level, a tie going to the lower one ("will", 2.5, is A2): a word is not counted as
    # harder than the list is sure of. Clamped, so a damaged value cannot give a level outside 1..6.
    return min(6, max(1, math.ceil(float(average) - 0.5)))


def vocabulary_of(text: str) -> VocabularyProfile | None:
    """The vocabulary profile of a transcript, or None when the word list cannot be loaded."""
    if _get_analyzer() is None:
        return None
    return vocabulary_profile(text, word_level)
