"""The evidence gate: before anything is scored, is there enough of the person's English speech to
score? If not, the answer is "not enough evidence to score", with the reasons and what to do, and
no score is made up.

Minimums (speaking time, then words) grow with the task's level, because higher-level tasks ask
for longer answers and a level can only be heard in what was said:

    level   speaking time   words
    A2      15 s            20
    B1      20 s            30
    B2      30 s            45
    C1      40 s            60

A shorter question (a mock test's interview, 20-30 s to speak) asks for half its speaking time and
as many words in proportion: a 30-second B2 question, 15 s and 23 words.

Not English: the transcription service says another language. Servers on an English-only model
(and some others) always say "en", or nothing; then the recogniser's own figures and the text
decide, each measured on Whisper tiny.en (tests/test_real_speech.py):
- the recogniser was unsure of what it heard: the mean `avg_logprob` of its segments, weighted by
  their length, is below -1.0 (English read by flite or espeak-ng: -0.03 to -0.5; espeak-ng French
  -2.0 to -4.7, Spanish -1.4 to -3.9, German -0.8 to -2.4 over five runs; French read by an English
  voice -0.6 to -1.05, which the word rules below catch). Whisper keeps such text only after its
  fallbacks all failed;
- speech was heard, but hardly any words came of it (under 0.5 recognised words per second of
  speech over at least 3 s; English gives 2-3), or the recognised segments span less than half of
  the speech that was heard (Whisper leaves out what it cannot make words of: flite reading French
  once came back as 14 s of text for 36 s of speech; English covers all of it), and the recogniser
  was unsure of the words it kept (mean `avg_logprob` below -0.7). Few words from a sure
  recogniser are "hardly any words could be recognised" instead, with advice for the microphone
  and for English: a noise or a mumble is as likely as another language;
- for ten words or more: fewer than 15 % of the words are among the 60 most common English words
  (in English speech they are 40-60 %), or fewer than 5 % of neighbouring word pairs are both
  everyday English words (a salad of English-looking words rarely pairs them; English does, often).
A recogniser looping on a foreign language ("L-E-L-E-...", "I think, I think, ...") looks like an
invention; when plenty of speech was heard, the verdict is "not English" where the text is no
English or the recogniser was unsure of its loop, "hardly any words could be recognised" where a
sure loop spans under half of the speech, and "speak closer" only otherwise. Whisper's fallback
decodes at random temperatures, so the same recording may come back any of these ways: each names
English in what to do.

Recogniser inventions: Whisper writes stock phrases on silence or noise ("Thank you for
watching", "Subtitles by ..."), repeats a phrase over and over, or says itself that the audio is
probably not speech (mean `no_speech_prob` above 0.6).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from speakcheck_desktop.core.fluency import HESITANT_PROMPT, spoken_words, words_of
from speakcheck_desktop.core.records import Level

MIN_SPEAKING_S = {Level.A2: 15.0, Level.B1: 20.0, Level.B2: 30.0, Level.C1: 40.0}
MIN_WORDS = {Level.A2: 20, Level.B1: 30, Level.B2: 45, Level.C1: 60}
# A question with less speaking time than a whole task (a mock test's interview: 20-30 s) cannot
# ask for a task's minimum: it asks for this share of its own time, and as many words in
# proportion. The test's overall result then asks for evidence across parts (core/overall_result.py).
SHORT_QUESTION_SHARE = 0.5
NEARLY_SILENT_S = 1.0
HARDLY_ANY_WORDS = "Hardly any words could be recognised in the speech that was heard."
SPEAK_CLEARLY = "Speak clearly, in English, close to the microphone."
ENGLISH_SHARE_MIN = 0.15
ENGLISH_PAIR_SHARE_MIN = 0.05
AVG_LOGPROB_MIN = -1.0
# Not sure enough of itself for few words per second to mean "another language" rather than "a
# noise, a mumble": English read aloud scores above -0.5, the German that came out as 3 words -0.8.
AVG_LOGPROB_UNSURE = -0.7
WORDS_PER_SPEECH_S_MIN = 0.5
RECOGNISED_SHARE_MIN = 0.5  # of the speech heard, the part the transcript's segments span
SPEECH_FOR_WORD_RATE_S = 3.0
NO_SPEECH_PROB_MAX = 0.6

COMMON_ENGLISH = frozenset("""
the be to of and a in that have i it for not on with he as you do at this but his by from they we say her
she or an will my one all would there their what so up out if about who get which go me when make can like
time no just him know take is are was were it's i'm don't my our
""".split())

# For the pair rule: the common words above and more everyday ones, so that plain English such as
# "I am going to the town" pairs as English does.
EVERYDAY_ENGLISH = COMMON_ENGLISH | frozenset("""
am has had been did does could should may might must shall can't won't isn't aren't wasn't there's that's
very much many more most some any other than then also too only just really well here where why how again
going go went gone come came see saw look think thought want like love live lived work works worked
good bad big small new old long little great best better first last next same different own
people person man woman child children friend friends family mother father parents home house school
town city country place world day days week year years time life way thing things money food water
because so if when while after before since until about into through over under between around near
usually often always never sometimes every each both few lot lots something nothing everything
us them him her its your our their these those this that who whom whose what which
one two three four five ten hundred
""".split())

HALLUCINATIONS = (
    "thank you for watching", "thanks for watching", "thank you for listening", "please subscribe",
    "like and subscribe", "subtitles by", "subtitles by the amara org community", "transcribed by",
    "see you in the next video", "thank you", "you", "bye", "music", "applause",
    # the app's own prompt, echoed back on silence
    " ".join(w.lower() for w in words_of(HESITANT_PROMPT)), "well i mean", "i think you know",
)


@dataclass(frozen=True)
class GateVerdict:
    enough: bool
    reasons: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        if self.enough:
            return ""
        return "Not enough evidence to score: " + " ".join(self.reasons) + " " + " ".join(self.advice)


def minimums(level: Level | str, speak_s: float | None = None) -> tuple[float, int]:
    """The speaking time and words an answer needs: the level's, or less for a question allowed
    less than twice the level's minimum time (`speak_s`)."""
    level = Level(level)
    seconds, words = MIN_SPEAKING_S[level], MIN_WORDS[level]
    if speak_s is not None and speak_s * SHORT_QUESTION_SHARE < seconds:
        scale = speak_s * SHORT_QUESTION_SHARE / seconds
        return speak_s * SHORT_QUESTION_SHARE, max(1, int(words * scale + 0.5))  # halves up
    return seconds, words


def check_evidence(level: Level | str, *, speaking_time_s: float, text: str, language: str | None = None,
                   no_speech_probs: Sequence[float] = (), segments: Sequence[dict] = (),
                   speak_s: float | None = None) -> GateVerdict:
    """`segments`: the transcript's segments with the recogniser's figures (start, end,
    avg_logprob), where the server gives them; `speak_s`: the question's speaking time, when it
    is a short question (see `minimums`)."""
    level = Level(level)
    min_s, min_words = minimums(level, speak_s)
    words = spoken_words(text)
    reasons: list[str] = []
    advice: list[str] = []

    def fail(reason: str, what_to_do: str) -> None:
        reasons.append(reason)
        if what_to_do not in advice:
            advice.append(what_to_do)

    if speaking_time_s < NEARLY_SILENT_S:
        fail("No speech was heard in the recording.",
             "Check that the right microphone is chosen and not muted, speak closer to it, and try again.")
    elif looks_invented(text, no_speech_probs):
        if speaking_time_s >= SPEECH_FOR_WORD_RATE_S and (not is_english(text, language, segments=segments)
                                                          or _unsure_of_a_small_part(segments, speaking_time_s)
                                                          or _an_unsure_loop(text, segments)):
            # Plenty of speech was heard, and the text itself is no English (its words and the
            # recogniser's figures; an invention is short by nature, so not the word rate), or the
            # recogniser, unsure, made words of under half of it, or looped on English words it
            # was unsure of: an English-only recogniser on another language. Say what the person
            # can change.
            fail("The answer does not seem to be in English.", "Answer the task in English.")
        elif speaking_time_s >= SPEECH_FOR_WORD_RATE_S and _spans_a_small_part(segments, speaking_time_s):
            # A sure recogniser looping over under half of plenty of speech (espeak-ng German once
            # came back as "I think, I think, ..." over 9 s of 29 s): the speech was there, so
            # "speak closer in a quiet place" would be wrong; the words were not.
            fail(HARDLY_ANY_WORDS, SPEAK_CLEARLY)
        else:
            fail("The transcript looks like text the speech recogniser invents on silence or noise, not like an "
                 "answer.", "Speak closer to the microphone in a quiet place, and try again.")
    else:
        if not is_english(text, language, segments=segments, speaking_time_s=speaking_time_s):
            fail("The answer does not seem to be in English.", "Answer the task in English.")
        elif _little_of_the_speech_recognised(words, speaking_time_s, segments):
            # Speech was heard but hardly any words came of it, and the recogniser was not unsure of
            # them: a noise, a mumble, a far microphone as likely as another language.
            fail(HARDLY_ANY_WORDS, SPEAK_CLEARLY)
        what = f"{_a(level)} task" if speak_s is None else f"this {speak_s:.0f}-second question"
        if speaking_time_s < min_s:
            fail(f"The answer has {speaking_time_s:.0f} s of speech; {what} needs at least {min_s:.0f} s.",
                 "Speak for longer: use the whole speaking time.")
        if len(words) < min_words:
            fail(f"The answer has {len(words)} words; {what} needs at least {min_words}.",
                 "Speak for longer: use the whole speaking time.")
    return GateVerdict(not reasons, reasons, advice)


def _a(level: Level) -> str:
    """"an A2", "a B1": the article as the level is spoken."""
    return ("an " if level.value.startswith("A") else "a ") + level.value


def is_english(text: str, language: str | None = None, *, segments: Sequence[dict] = (),
               speaking_time_s: float | None = None) -> bool:
    # "und" (undetermined) or nothing: the server did not say; the text has to speak for itself.
    if language and language.strip().lower() not in ("en", "english", "und"):
        return False
    logprob = mean_avg_logprob(segments)
    if logprob is not None and logprob < AVG_LOGPROB_MIN:
        return False
    words = [w.lower() for w in spoken_words(text)]
    if speaking_time_s is not None and _little_of_the_speech_recognised(words, speaking_time_s, segments) \
            and logprob is not None and logprob < AVG_LOGPROB_UNSURE:
        return False
    if len(words) < 10:
        return True  # too little text to judge; the length rules speak for it
    if sum(w in COMMON_ENGLISH for w in words) / len(words) < ENGLISH_SHARE_MIN:
        return False
    pairs = list(pairwise(words))
    return sum(a in EVERYDAY_ENGLISH and b in EVERYDAY_ENGLISH for a, b in pairs) / len(pairs) >= ENGLISH_PAIR_SHARE_MIN


def _unsure_of_a_small_part(segments: Sequence[dict], speaking_time_s: float) -> bool:
    """The transcript's segments span under half of the speech heard, and the recogniser was
    unsure of them (espeak-ng Spanish once came back from tiny.en as "I mean, I mean, ..." over
    4.8 s of 30.7 s of speech, mean log-probability -0.98)."""
    logprob = mean_avg_logprob(segments)
    return _spans_a_small_part(segments, speaking_time_s) and logprob is not None and logprob < AVG_LOGPROB_UNSURE


def _spans_a_small_part(segments: Sequence[dict], speaking_time_s: float) -> bool:
    share = recognised_share(segments, speaking_time_s)
    return share is not None and share < RECOGNISED_SHARE_MIN


def _an_unsure_loop(text: str, segments: Sequence[dict]) -> bool:
    """One phrase over and over from a recogniser unsure of it (espeak-ng German through tiny.en
    in CI: "the same day, the difference between this game and that ..." repeated over 28 s of
    speech, mean log-probability -0.81). Silence and noise give loops too, but there the
    recogniser says it heard no speech, and those segments do not count (`mean_avg_logprob`)."""
    logprob = mean_avg_logprob(segments)
    return logprob is not None and logprob < AVG_LOGPROB_UNSURE and _mostly_repeated(
        [w.lower() for w in words_of(text)])


def _little_of_the_speech_recognised(words: Sequence[str], speaking_time_s: float, segments: Sequence[dict]) -> bool:
    """Hardly any words for the speech heard, or words for under half of it."""
    if speaking_time_s < SPEECH_FOR_WORD_RATE_S:
        return False
    if len(words) / speaking_time_s < WORDS_PER_SPEECH_S_MIN:
        return True
    return _spans_a_small_part(segments, speaking_time_s)


def recognised_share(segments: Sequence[dict], speaking_time_s: float) -> float | None:
    """How much of the speech heard the transcript's segments with words span (their union, so
    overlapping segments count once); None when the server gave no usable segment times."""
    spans = sorted((float(s["start"]), float(s["end"])) for s in segments
                   if "start" in s and "end" in s and str(s.get("text", "x")).strip())
    # Servers that fill segment times with zeros (or leave them out) give no times to go by.
    spans = [(start, end) for start, end in spans if end > start]
    if not spans or speaking_time_s <= 0:
        return None
    covered, reach = 0.0, float("-inf")
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered / speaking_time_s


def mean_avg_logprob(segments: Sequence[dict]) -> float | None:
    """The recogniser's mean log-probability per token, each segment weighted by its length;
    segments it took for no speech (a pause, a cough) left out."""
    weighted = [(max(0.01, float(s["end"]) - float(s["start"])), float(s["avg_logprob"]))
                for s in segments if s.get("avg_logprob") is not None and "start" in s and "end" in s
                and float(s.get("no_speech_prob") or 0.0) <= NO_SPEECH_PROB_MAX]
    total = sum(w for w, _ in weighted)
    return sum(w * lp for w, lp in weighted) / total if weighted else None


def looks_invented(text: str, no_speech_probs: Sequence[float] = ()) -> bool:
    if no_speech_probs and sum(no_speech_probs) / len(no_speech_probs) > NO_SPEECH_PROB_MAX:
        return True
    normal = " ".join(w.lower() for w in words_of(text))
    if not normal:
        return False
    stripped = normal
    for phrase in sorted(HALLUCINATIONS, key=len, reverse=True):
        stripped = re.sub(rf"\b{re.escape(phrase)}\b", " ", stripped)
    if len(stripped.split()) <= 0.2 * len(normal.split()):
        return True
    return _mostly_repeated(normal.split())


def _mostly_repeated(words: list[str]) -> bool:
    """One phrase of 2-6 words, repeated 3 times or more, covering most of the text. Covered word
    positions are counted, not occurrences: overlapping occurrences of a run like "S S S S" would
    otherwise count each word several times."""
    if len(words) < 6:
        return False
    for n in range(2, 7):
        grams = Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
        gram, times = grams.most_common(1)[0]
        if times < 3:
            continue
        covered = {i + k for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == gram for k in range(n)}
        if len(covered) >= 0.6 * len(words):
            return True
    return False
