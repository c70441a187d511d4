"""The evidence gate: no score without enough English speech, with reasons and what to do."""

import pytest

from speakcheck_desktop.core.evidence_gate import (
    MIN_SPEAKING_S,
    MIN_WORDS,
    check_evidence,
    is_english,
    looks_invented,
    minimums,
    recognised_share,
)

ANSWER = ("I live in a small town by the sea. There is a harbour with old boats and on Saturdays we go to "
          "the market because it is the best place to buy fresh fish and vegetables. My favourite place is the "
          "library, which has a quiet room with big windows where I often read after work.")


def test_a_real_answer_passes():
    verdict = check_evidence("B1", speaking_time_s=35, text=ANSWER, language="en", no_speech_probs=[0.01, 0.02])
    assert verdict.enough and verdict.reasons == [] and verdict.message == ""


def test_silence_is_not_scored():
    verdict = check_evidence("B1", speaking_time_s=0.2, text="", language="en")
    assert not verdict.enough
    assert verdict.reasons == ["No speech was heard in the recording."]
    assert "microphone" in verdict.advice[0]
    assert verdict.message.startswith("Not enough evidence to score:")


def test_a_five_second_answer_is_too_short_for_its_level():
    verdict = check_evidence("B2", speaking_time_s=5, text="I think that cities are better than villages.")
    assert not verdict.enough
    assert any("5 s of speech" in r and "at least 30 s" in r for r in verdict.reasons)
    assert any("8 words" in r and "at least 45" in r for r in verdict.reasons)
    assert verdict.advice == ["Speak for longer: use the whole speaking time."]


@pytest.mark.parametrize("level", ["A2", "B1", "B2", "C1"])
def test_minimums_grow_with_the_level(level):
    longer = (ANSWER + " In summer many tourists visit the town and the beaches are very busy, so we prefer to "
              "stay at home and watch films together.").split()
    just_enough = " ".join(longer[: MIN_WORDS[level]])
    one_short = " ".join(longer[: MIN_WORDS[level] - 1])
    assert check_evidence(level, speaking_time_s=MIN_SPEAKING_S[level], text=just_enough).enough
    assert not check_evidence(level, speaking_time_s=MIN_SPEAKING_S[level] - 1, text=just_enough).enough
    assert not check_evidence(level, speaking_time_s=MIN_SPEAKING_S[level], text=one_short).enough


def test_a_non_english_answer_is_not_scored():
    french = ("J'habite dans une petite ville au bord de la mer. Il y a un port avec des vieux bateaux et le samedi "
              "nous allons au marché parce que c'est le meilleur endroit pour acheter du poisson frais.")
    verdict = check_evidence("A2", speaking_time_s=30, text=french, language="en")
    assert not verdict.enough and verdict.reasons == ["The answer does not seem to be in English."]
    assert verdict.advice == ["Answer the task in English."]
    assert not is_english(ANSWER, language="french")  # the service's own word counts too
    assert is_english(ANSWER, language="english")
    assert is_english(ANSWER, language="und")  # the server did not say: the text decides


def segments(avg_logprob: float, seconds: float = 30.0) -> list[dict]:
    return [{"start": 0.0, "end": seconds / 2, "avg_logprob": avg_logprob},
            {"start": seconds / 2, "end": seconds, "avg_logprob": avg_logprob}]


def test_an_unsure_recogniser_means_not_english_even_when_the_server_says_en():
    # German read aloud, as Whisper tiny.en wrote it after its fallbacks failed (avg_logprob -1.23).
    salad = "The climate castle is tough, but it isn't shouting in a thousand suits. " * 3
    verdict = check_evidence("A2", speaking_time_s=20, text=salad + ANSWER, language="en", segments=segments(-1.23))
    assert verdict.reasons == ["The answer does not seem to be in English."]
    assert verdict.advice == ["Answer the task in English."]  # not "speak closer to the microphone"
    assert check_evidence("A2", speaking_time_s=35, text=ANSWER, language="en", segments=segments(-0.46)).enough


def test_speech_heard_with_hardly_any_words_is_named_and_not_english_when_the_recogniser_was_unsure():
    # German read by espeak-ng, as tiny.en wrote it: 3 words in 25 s of speech, avg_logprob -0.83.
    verdict = check_evidence("B1", speaking_time_s=25, text="I've been watching.", language="en",
                             segments=segments(-0.83, 25))
    assert verdict.reasons[0] == "The answer does not seem to be in English."
    assert verdict.advice[0] == "Answer the task in English."
    # Nothing recognised and nothing to say how sure: a noise or a mumble is as likely.
    verdict = check_evidence("B1", speaking_time_s=25, text="", language="en")
    assert verdict.reasons[0] == "Hardly any words could be recognised in the speech that was heard."
    assert verdict.advice[0] == "Speak clearly, in English, close to the microphone."


def test_a_hesitant_english_answer_is_english_and_its_fillers_are_not_words():
    hesitant = ("Um, my hometown, uh, is, er, quite small. Um, there is a river and, uh, a big park, and "
                "we, um, go there on Sundays. Uh, I like it because, er, it is quiet and, um, green.")
    verdict = check_evidence("A2", speaking_time_s=20, text=hesitant, language="en", segments=segments(-0.4, 20))
    assert verdict.enough, verdict.reasons  # 28 words without the 11 fillers
    assert is_english(hesitant, language="en")


def test_the_apps_own_prompt_echoed_on_silence_is_an_invention():
    from speakcheck_desktop.core.fluency import HESITANT_PROMPT
    assert looks_invented(HESITANT_PROMPT)


def test_english_looking_words_that_never_pair_are_not_english():
    # French read by an English voice, as a recogniser may write it: single words may pass, pairs do not.
    salad = ("Elty Dernier, G. Sue is all-lomentane of Ectu Amis, the Blapetti Chaddis to Tayna, a Sis Cerla in "
             "Tepis, Eddle Rigard of Lapley, the Quine On Dell Hers, it Poulet Marchand.")
    assert not is_english(salad, language="en")
    assert is_english(ANSWER, language="en")


@pytest.mark.parametrize("text, probs", [
    ("Thank you for watching.", []),
    ("Thanks for watching! Please subscribe.", []),
    ("Subtitles by the Amara.org community", []),
    ("I am going. I am going. I am going. I am going. I am going.", []),
    (ANSWER, [0.9, 0.8, 0.95]),
])
def test_recogniser_inventions_on_silence_are_not_scored(text, probs):
    assert looks_invented(text, probs)
    verdict = check_evidence("A2", speaking_time_s=20, text=text, no_speech_probs=probs)
    assert not verdict.enough and "invents" in verdict.reasons[0]


def test_an_answer_that_says_thank_you_is_still_an_answer():
    assert not looks_invented(ANSWER + " Thank you.", [0.05])


def test_a_short_loop_inside_a_long_text_is_not_called_an_invention():
    # Overlapping occurrences of "s s s s" used to count each word several times.
    text = ANSWER + " " + " ".join(["s"] * 20)
    assert not looks_invented(text)


def test_a_recogniser_looping_on_foreign_speech_gets_answer_in_english_not_the_microphone():
    loop = "Blapetti Chaddis. " + " ".join(["L-E"] * 60)
    verdict = check_evidence("B1", speaking_time_s=25, text=loop, language="en")
    assert verdict.reasons[0] == "The answer does not seem to be in English."
    assert not any("closer" in a for a in verdict.advice)


def test_language_names_from_servers_become_codes():
    from speakcheck_desktop.core.languages import language_code
    assert [language_code(x) for x in ("english", "English", "en", "en-US", "french", "", None)] == \
        ["en", "en", "en", "en", "fr", None, None]
    assert language_code("klingon") == "klingon"  # unknown: kept, so it never passes for English


def test_speech_the_transcript_covers_only_in_part_is_not_scored():
    # flite reading French, as tiny.en once wrote it: its first 22 s of speech left out, the rest
    # 44 English-looking words; the recogniser unsure (avg_logprob -0.95).
    text = ("J-H-A-B-I-D-Dens and Petit-Vill-O-Bardiel on there, Paused T-R-S-Loynde-Lothron-D-Ray, Lemonade and "
            "G-Prenz Latrain, Portalor Famuls at a new Velvebliaq PRSD Log Air, Ms. Pence and Kueleville Mankau "
            "CD-Pist Cyclables. ") * 2
    late = [{"start": 22.58, "end": 29.22, "avg_logprob": -0.968, "text": "J-H-A-B-I-D-Dens"},
            {"start": 29.22, "end": 36.34, "avg_logprob": -0.926, "text": "Famuls at a new"}]
    assert recognised_share(late, 36.2) == pytest.approx(13.76 / 36.2)
    verdict = check_evidence("B1", speaking_time_s=36.2, text=text, language="en", segments=late)
    assert verdict.reasons == ["The answer does not seem to be in English."]
    # The same share from a recogniser sure of its words: said as such, with advice for both.
    sure = [{**s, "avg_logprob": -0.2} for s in late]
    verdict = check_evidence("B1", speaking_time_s=36.2, text=text, language="en", segments=sure)
    assert verdict.reasons[0] == "Hardly any words could be recognised in the speech that was heard."
    # Segments spanning the speech (overlaps counted once) pass this rule.
    whole = [{"start": 0.0, "end": 20.0, "text": "a"}, {"start": 18.0, "end": 36.0, "text": "b"}]
    assert recognised_share(whole, 36.2) == pytest.approx(36.0 / 36.2)
    assert recognised_share([], 36.2) is None
    # A server that fills segment times with zeros gives nothing to go by: the rule stays out.
    zeros = [{"start": 0.0, "end": 0.0, "avg_logprob": -0.2, "text": ANSWER}]
    assert recognised_share(zeros, 36.2) is None
    assert check_evidence("A2", speaking_time_s=36.2, text=ANSWER, language="en", segments=zeros).enough


def test_a_short_question_asks_for_half_its_time_and_words_in_proportion():
    assert minimums("B2") == (30.0, 45) and minimums("B2", 120) == (30.0, 45)  # a whole task: the level's
    assert minimums("B2", 30) == (15.0, 23)  # 45 x 15/30 = 22.5, halves up
    assert minimums("C1", 30) == (15.0, 23) and minimums("A2", 20) == (10.0, 13)
    answer = " ".join(["I like my job because I can help people every day and learn new things."] * 2)  # 30 words
    assert check_evidence("B2", speaking_time_s=16, text=answer, language="en", speak_s=30).enough
    verdict = check_evidence("B2", speaking_time_s=12, text=answer, language="en", speak_s=30)
    assert verdict.reasons == ["The answer has 12 s of speech; this 30-second question needs at least 15 s."]
    # Without speak_s the same answer is a whole task's, and too short for B2.
    assert check_evidence("B2", speaking_time_s=16, text=answer, language="en").reasons[0] == (
        "The answer has 16 s of speech; a B2 task needs at least 30 s.")


def test_an_invention_over_a_small_unsure_part_of_much_speech_is_another_language():
    # espeak-ng Spanish through tiny.en in CI: 30.7 s of speech, two unsure segments over 4.8 s of it
    looped = "I mean, I mean, I mean, I mean, I mean, I mean… I mean, I mean, I mean, it's really a lot of people."
    spans = [{"start": 27.18, "end": 29.98, "avg_logprob": -0.722, "no_speech_prob": 0.582},
             {"start": 29.98, "end": 31.94, "avg_logprob": -1.352, "no_speech_prob": 0.368}]
    verdict = check_evidence("B1", speaking_time_s=30.7, text=looped, language="en", segments=spans)
    assert verdict.reasons == ["The answer does not seem to be in English."]
    # A sure recogniser: not a language question, but the speech was there and its words were not.
    sure = [{**s, "avg_logprob": -0.3} for s in spans]
    verdict = check_evidence("B1", speaking_time_s=30.7, text=looped, language="en", segments=sure)
    assert verdict.reasons == ["Hardly any words could be recognised in the speech that was heard."]
    assert verdict.advice == ["Speak clearly, in English, close to the microphone."]
    # The same loop over all of the speech: an invention (no segment times: the same).
    whole = [{"start": 0.0, "end": 30.7, "avg_logprob": -0.3, "text": looped}]
    for segments in (whole, []):
        verdict = check_evidence("B1", speaking_time_s=30.7, text=looped, language="en", segments=segments)
        assert verdict.reasons[0].startswith("The transcript looks like text the speech recogniser invents")


def test_an_unsure_loop_over_much_speech_is_another_language():
    # espeak-ng German through tiny.en in CI: one loop of English words over 28 s of speech, the
    # recogniser unsure of it; the segments span the whole speech, so only the loop tells.
    looped = "the same day, " * 30 + "I've been watching."
    spans = [{"start": 1.60, "end": 29.98, "avg_logprob": -0.808, "no_speech_prob": 0.590},
             {"start": 29.98, "end": 30.40, "avg_logprob": -0.985, "no_speech_prob": 0.345}]
    assert looks_invented(looped) and is_english(looped, language="en", segments=spans)
    verdict = check_evidence("B1", speaking_time_s=30.0, text=looped, language="en", segments=spans)
    assert verdict.reasons == ["The answer does not seem to be in English."]
    assert verdict.advice == ["Answer the task in English."]
    sure = [{**s, "avg_logprob": -0.3} for s in spans]  # a sure recogniser looping: an invention
    verdict = check_evidence("B1", speaking_time_s=30.0, text=looped, language="en", segments=sure)
    assert verdict.reasons[0].startswith("The transcript looks like text the speech recogniser invents")
    # The recogniser saying it heard no speech: its figures do not count, so it stays an invention.
    silent = [{**s, "no_speech_prob": 0.9} for s in spans]
    verdict = check_evidence("B1", speaking_time_s=30.0, text=looped, language="en", segments=silent,
                             no_speech_probs=[0.9, 0.9])
    assert verdict.reasons[0].startswith("The transcript looks like text the speech recogniser invents")
