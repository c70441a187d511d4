"""The overall result of a mock test (core/overall_result.py): weights, parts without evidence,
rounding, and no level where too little of the test has evidence."""

import pytest

from speakcheck_desktop.core.mock_format import PART_ORDER, PartKind
from speakcheck_desktop.core.overall_result import AnswerEvidence, OverallResult, overall_result
from speakcheck_desktop.core.records import SCORE_KEYS, Level

INT, LT, DIS = PartKind.INTERVIEW, PartKind.LONG_TURN, PartKind.DISCUSSION


def scores(value: float) -> dict[str, float]:
    return dict.fromkeys(SCORE_KEYS, value)


def answer(part, seconds, value=None, confidence=0.8):
    return AnswerEvidence(part=part, speaking_time_s=seconds, scores=None if value is None else scores(value),
                          confidence=None if value is None else confidence)


def test_each_answer_weighs_its_speaking_time_times_its_part_weight():
    # interview 4 x 20 s at 4.0 (weight 80), long turn 100 s at 7.0 (150), discussion 2 x 40 s at 5.0 (100)
    result = overall_result(PART_ORDER, [*(answer(INT, 20, 4.0) for _ in range(4)), answer(LT, 100, 7.0),
                                         answer(DIS, 40, 5.0), answer(DIS, 40, 5.0)])
    mean = (80 * 4.0 + 150 * 7.0 + 100 * 5.0) / 330  # 5.667
    assert result.scores == scores(5.5)  # 5.667 to the nearest half point
    assert result.level is Level.B1 and mean == pytest.approx(5.6667, abs=1e-4)
    assert result.confidence == 0.8 and result.assessed_share == 1.0
    assert result.parts_left_out == () and result.reasons == ()


def test_sub_scores_round_half_up_and_the_level_comes_from_the_unrounded_mean():
    result = overall_result((INT, LT), [answer(INT, 10, 5.75), answer(LT, 10 / 1.5, 5.75)])
    assert result.scores == scores(6.0)  # 5.75 rounds up to 6.0 ...
    assert result.level is Level.B1  # ... but 5.75 is in the B1 band: the level is not rounded twice
    result = overall_result((INT, LT), [answer(INT, 10, 5.25), answer(LT, 10 / 1.5, 5.25)])
    assert result.scores == scores(5.5)  # round() would give 5.0 (banker's rounding)


def test_a_part_without_evidence_is_left_out_and_named():
    result = overall_result(PART_ORDER, [answer(INT, 25, 6.0), answer(INT, 25, 6.0), answer(LT, 110, 6.5),
                                         answer(DIS, 15)])  # the discussion answer: not enough evidence
    assert result.level is Level.B2 and result.parts_left_out == (DIS,)
    assert result.reasons == ("Not enough evidence in the discussion: it is left out.",)
    assert result.assessed_share == pytest.approx(160 / 175)
    assert result.confidence == round(0.8 * 160 / 175, 2)  # less of the test assessed, less confidence


def test_no_level_when_under_half_of_the_speech_was_assessed():
    result = overall_result(PART_ORDER, [answer(INT, 20, 6.0), answer(LT, 30, 6.0), answer(DIS, 60)])
    assert result.level is None and result.scores == {}
    assert result.reasons[-1] == "Only 45% of what was said could be assessed; an overall level needs at least 50%."


def test_no_level_from_a_single_part():
    result = overall_result(PART_ORDER, [answer(LT, 120, 7.0), answer(INT, 5), answer(DIS, 5)])
    assert result.level is None and result.parts_left_out == (INT, DIS)
    assert result.reasons == ("Not enough evidence in the interview: it is left out.",
                              "Not enough evidence in the discussion: it is left out.",
                              "An overall level needs assessed answers from at least two parts.")


def test_a_test_with_no_evidence_has_no_level_and_says_so():
    for answers in ([], [answer(INT, 20), answer(LT, 60), answer(DIS, 30)]):
        result = overall_result(PART_ORDER, answers)
        assert result.level is None and result.confidence == 0.0 and result.parts_left_out == PART_ORDER
        assert result.reasons == ("None of the answers could be assessed, so there is no overall level.",)


def test_below_the_scale_is_a2_noted_as_below_and_the_metadata_form_is_plain():
    result = overall_result((INT, LT), [answer(INT, 30, 1.0, 0.6), answer(LT, 60, 1.5, 0.6)])
    assert result.level is Level.A2 and result.outside_scale == "below_A2"
    assert result.to_metadata() == {"level": "A2", "scores": scores(1.5), "confidence": 0.6,
                                    "outside_scale": "below_A2", "parts_left_out": [], "assessed_share": 1.0,
                                    "reasons": [],
                                    "parts": [{"kind": "interview", "answers": 1, "assessed": 1, "level": "A2"},
                                              {"kind": "long_turn", "answers": 1, "assessed": 1, "level": "A2"}]}
    assert OverallResult.from_metadata(result.to_metadata()) == result  # read back as written
    assert OverallResult.from_metadata("damaged") is None


def test_each_part_has_its_own_level_beside_the_overall_one():
    result = overall_result(PART_ORDER, [answer(INT, 20, 3.0), answer(INT, 20, 5.0), answer(LT, 100, 7.0),
                                         answer(DIS, 40)])
    assert [(p.part, p.answers, p.assessed, p.level) for p in result.parts] == [
        (INT, 2, 2, Level.B1), (LT, 1, 1, Level.B2), (DIS, 1, 0, None)]  # interview: mean 4.0, the B1 band


def test_a_test_mostly_skipped_has_no_level_and_unanswered_questions_are_named():
    answers = [answer(INT, 25, 6.0), answer(LT, 110, 6.5), answer(DIS, 40, 6.0)]
    result = overall_result(PART_ORDER, answers, questions=7)
    assert result.level is None
    assert result.reasons == ("4 of the 7 questions were not answered.",
                              "An overall level needs answers to at least half of the questions.")
    result = overall_result(PART_ORDER, answers, questions=6)  # half answered: enough
    assert result.level is Level.B2 and result.reasons == ("3 of the 6 questions were not answered.",)
