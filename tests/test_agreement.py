"""Agreement between the AI's scores and examiners' (core/agreement.py): hand-worked tables, an
independent check against scikit-learn and SciPy on random data, the threshold verdicts, the
report's two forms, and the CSV of paired ratings with every kind of bad cell named."""

import json
import math

import numpy as np
import pytest
from scipy.stats import pearsonr
from sklearn.metrics import accuracy_score, cohen_kappa_score

from speakcheck_desktop.core.agreement import (
    MIN_PAIRS,
    AgreementError,
    Comparison,
    Degradation,
    RatedAnswer,
    Rating,
    ScoreComparison,
    Verdict,
    agreement_report,
    compare,
    ratings_from_csv,
)
from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import SCORE_KEYS, Level

LEVELS = list(Level)


def pairs(first, second, first_scores=None, second_scores=None, key="fluency"):
    """Rating pairs from level ordinals (0 = A2 .. 3 = C1) and, optionally, one score each."""
    first_scores = first_scores or [None] * len(first)
    second_scores = second_scores or [None] * len(second)
    return [(Rating(LEVELS[a], {} if x is None else {key: x}), Rating(LEVELS[b], {} if y is None else {key: y}))
            for a, b, x, y in zip(first, second, first_scores, second_scores, strict=True)]


# --- hand-worked tables ---------------------------------------------------------------------------

def test_a_small_table_worked_by_hand():
    # levels  first  A2 B1 B1 B2 C1 B2 = 0 1 1 2 3 2
    #         second A2 B1 B2 B2 B2 B1 = 0 1 2 2 2 1
    # exact: pairs 1, 2, 4 equal -> 3/6 = 0.5; adjacent: every pair within one level -> 1.0
    # QWK: observed mean squared difference = (0+0+1+0+1+1)/6 = 0.5
    #   marginals: first [1, 2, 2, 1], second [1, 2, 3, 0]
    #   expected = sum r_i c_j (i-j)^2 / 36 = (14 + 8 + 12 + 20) / 36 = 1.5   (row by row)
    #   QWK = 1 - 0.5 / 1.5 = 2/3
    # fluency first  2 4 4 6 8 6 (mean 5), deviations -3 -1 -1 1 3 1, sum of squares 22
    #         second 3 4 6 7 8 8 (mean 6), deviations -3 -2 0 1 2 2, sum of squares 22
    #   cross products 9+2+0+1+6+2 = 20 -> r = 20 / sqrt(22 * 22) = 10/11
    #   mean difference 5 - 6 = -1; variances 22/5 = 4.4 each; pooled SD sqrt(4.4); SMD = -1/sqrt(4.4)
    result = compare(pairs([0, 1, 1, 2, 3, 2], [0, 1, 2, 2, 2, 1], [2, 4, 4, 6, 8, 6], [3, 4, 6, 7, 8, 8]))
    assert result.n == 6
    assert result.exact == pytest.approx(0.5) and result.adjacent == pytest.approx(1.0)
    assert result.qwk == pytest.approx(2 / 3) and result.qwk_reason is None
    fluency = result.score("fluency")
    assert fluency.n == 6 and fluency.pearson_r == pytest.approx(10 / 11)
    assert (fluency.mean_first, fluency.mean_second, fluency.mean_difference) == pytest.approx((5, 6, -1))
    assert fluency.smd == pytest.approx(-1 / math.sqrt(4.4))  # -0.477
    assert result.score("grammar").n == 0  # no rater gave it: no pairs, no figures


def test_perfect_agreement_has_a_qwk_of_one():
    result = compare(pairs([0, 1, 2, 3, 1], [0, 1, 2, 3, 1], [2, 4, 6, 9, 5], [2, 4, 6, 9, 5]))
    assert (result.exact, result.adjacent, result.qwk) == (1.0, 1.0, 1.0)
    assert result.score("fluency").pearson_r == pytest.approx(1.0) and result.score("fluency").smd == 0.0


def test_a_systematic_shift_of_one_level_up():
    # first 0 1 2 0 1 2, second one level up: 1 2 3 1 2 3. exact 0, adjacent 1.
    # observed mean squared difference 1; marginals first [2, 2, 2, 0], second [0, 2, 2, 2]
    # expected = (56 + 20 + 8) / 36 = 7/3 -> QWK = 1 - 3/7 = 4/7
    # fluency first 3 5 7 3 5 7, second two points higher: r = 1, variances 16/5 = 3.2 each,
    # SMD = -2 / sqrt(3.2) = -1.118: correlation alone would miss the shift, the SMD does not
    result = compare(pairs([0, 1, 2, 0, 1, 2], [1, 2, 3, 1, 2, 3], [3, 5, 7, 3, 5, 7], [5, 7, 9, 5, 7, 9]))
    assert result.exact == 0.0 and result.adjacent == 1.0
    assert result.qwk == pytest.approx(4 / 7)
    fluency = result.score("fluency")
    assert fluency.pearson_r == pytest.approx(1.0) and fluency.mean_difference == pytest.approx(-2)
    assert fluency.smd == pytest.approx(-2 / math.sqrt(3.2))


def test_qwk_is_undefined_when_both_raters_give_everyone_one_and_the_same_level():
    result = compare(pairs([1] * 5, [1] * 5), first="the AI", second="the examiner")
    assert result.exact == 1.0 and result.qwk is None and result.qwk_verdict is Verdict.UNDEFINED
    assert result.qwk_reason == ("the AI and the examiner gave every answer B1, so there is no chance agreement "
                                 "to measure against")
    # one level each, but different ones: defined, and no better than chance
    assert compare(pairs([1] * 5, [2] * 5)).qwk == 0.0


def test_nothing_to_compare():
    result = compare([(Rating(Level.B1), None), (None, Rating(Level.B2))])  # neither pair has both
    assert result.n == 0 and result.exact is None and result.adjacent is None and result.qwk is None
    assert result.qwk_reason == "no answer has a level from both"
    assert result.score("fluency").r_reason == "no answer has this score from both"


def test_r_and_smd_are_undefined_with_a_reason():
    one = compare(pairs([1], [1], [5], [6])).score("fluency")
    assert one.pearson_r is None and one.smd is None and one.mean_difference == -1
    assert one.r_reason == one.smd_reason == "fewer than two answers have this score from both"

    flat_first = compare(pairs([1, 1, 2], [1, 2, 2], [5, 5, 5], [4, 5, 6]), first="the AI").score("fluency")
    assert flat_first.pearson_r is None and flat_first.r_reason == "the AI gave every answer the same fluency score"
    # one rater's spread still gives a pooled SD: sqrt((0 + 1) / 2)
    assert flat_first.smd == pytest.approx(0 / math.sqrt(0.5)) and flat_first.smd_reason is None
    flat_second = compare(pairs([1, 1, 2], [1, 2, 2], [4, 5, 7], [6, 6, 6])).score("fluency")
    assert flat_second.r_reason == "the second rater gave every answer the same fluency score"
    assert flat_second.smd == pytest.approx((16 / 3 - 6) / math.sqrt((7 / 3) / 2))

    flat_both = compare(pairs([1, 2], [1, 2], [5, 5], [7, 7])).score("fluency")
    assert flat_both.pearson_r is None and flat_both.smd is None and flat_both.mean_difference == -2
    assert flat_both.r_reason == flat_both.smd_reason == (
        "the first rater and the second rater both gave every answer the same fluency score")
    assert flat_both.r_verdict is Verdict.UNDEFINED and flat_both.smd_verdict is Verdict.UNDEFINED


def test_only_pairs_where_both_gave_the_score_count_for_it():
    data = pairs([0, 1, 2, 3], [0, 1, 2, 3], [2, 4, 6, None], [3, 5, None, 9])
    fluency = compare(data).score("fluency")
    assert fluency.n == 2 and fluency.mean_first == 3 and fluency.mean_second == 4
    assert compare(data).n == 4  # the level counts in every pair


# --- an independent implementation: scikit-learn and SciPy ----------------------------------------

def noisy_ratings(seed, n=200):
    """A true ability per answer and two raters who see it through noise, the second a little harsher."""
    rng = np.random.default_rng(seed)
    truth = rng.uniform(0, 4, n)
    first = np.clip(np.floor(truth + rng.normal(0, 0.6, n)), 0, 3).astype(int)
    second = np.clip(np.floor(truth + rng.normal(-0.2, 0.6, n)), 0, 3).astype(int)
    scores = {key: (np.clip(np.round(truth * 2.5 + rng.normal(0, 1.2, n), 1), 0, 10),
                    np.clip(np.round(truth * 2.5 + rng.normal(-0.3, 1.2, n), 1), 0, 10)) for key in SCORE_KEYS}
    missing = rng.random(n) < 0.1  # some answers lack the second rater's grammar score
    ratings = [(Rating(LEVELS[first[i]], {k: float(v[0][i]) for k, v in scores.items()}),
                Rating(LEVELS[second[i]], {k: float(v[1][i]) for k, v in scores.items()
                                           if not (k == "grammar" and missing[i])})) for i in range(n)]
    return ratings, first, second, scores, missing


@pytest.mark.parametrize("seed", [1, 2, 3, 20120101, 777])
def test_the_figures_match_scikit_learn_and_scipy(seed):
    ratings, first, second, scores, missing = noisy_ratings(seed)
    result = compare(ratings)
    assert result.n == 200
    assert result.qwk == pytest.approx(cohen_kappa_score(first, second, weights="quadratic", labels=[0, 1, 2, 3]),
                                       abs=1e-12)
    assert result.exact == pytest.approx(accuracy_score(first, second), abs=1e-12)
    assert result.adjacent == pytest.approx(np.mean(np.abs(first - second) <= 1), abs=1e-12)
    for key in SCORE_KEYS:
        x, y = scores[key]
        if key == "grammar":
            x, y = x[~missing], y[~missing]
        got = result.score(key)
        assert got.n == len(x)
        assert got.pearson_r == pytest.approx(pearsonr(x, y).statistic, abs=1e-12)
        assert got.mean_difference == pytest.approx(np.mean(x) - np.mean(y), abs=1e-12)
        pooled = np.sqrt((np.var(x, ddof=1) + np.var(y, ddof=1)) / 2)
        assert got.smd == pytest.approx((np.mean(x) - np.mean(y)) / pooled, abs=1e-12)


def test_qwk_matches_scikit_learn_when_a_level_is_never_used():
    rng = np.random.default_rng(5)
    first, second = rng.integers(1, 3, 50), rng.integers(0, 2, 50)  # no C1 at all, no A2 from the first
    result = compare(pairs(list(first), list(second)))
    assert result.qwk == pytest.approx(cohen_kappa_score(first, second, weights="quadratic", labels=[0, 1, 2, 3]),
                                       abs=1e-12)


# --- the threshold verdicts -----------------------------------------------------------------------

def comparison(qwk, n=MIN_PAIRS):
    return Comparison(first="the AI", second="the examiner", n=n, exact=0.5, adjacent=0.9, qwk=qwk,
                      qwk_reason=None if qwk is not None else "why", scores=())


def score(r=None, smd=None, n=MIN_PAIRS):
    return ScoreComparison(key="fluency", n=n, pearson_r=r, r_reason=None, mean_first=5, mean_second=5,
                           mean_difference=0, smd=smd, smd_reason=None)


def test_each_figure_is_judged_against_its_threshold():
    assert comparison(0.70).qwk_verdict is Verdict.MEETS  # on the threshold: meets
    assert comparison(0.6999).qwk_verdict is Verdict.NOT_MET
    assert comparison(None).qwk_verdict is Verdict.UNDEFINED
    assert score(r=0.7).r_verdict is Verdict.MEETS and score(r=0.69).r_verdict is Verdict.NOT_MET
    assert score(smd=0.15).smd_verdict is Verdict.MEETS and score(smd=-0.15).smd_verdict is Verdict.MEETS
    assert score(smd=-0.151).smd_verdict is Verdict.NOT_MET and score(smd=0.2).smd_verdict is Verdict.NOT_MET


def test_a_figure_from_too_few_pairs_is_shown_but_not_judged():
    assert MIN_PAIRS == 30
    assert comparison(0.95, n=29).qwk_verdict is Verdict.TOO_FEW and comparison(0.95, n=29).qwk == 0.95
    assert score(r=0.1, n=29).r_verdict is Verdict.TOO_FEW and score(smd=0.9, n=2).smd_verdict is Verdict.TOO_FEW
    assert comparison(None, n=5).qwk_verdict is Verdict.UNDEFINED  # no figure at all says so first
    assert Verdict.TOO_FEW.words == "too few to judge" and Verdict.NOT_MET.words == "does not meet"


def test_degradation_allows_the_ai_at_most_a_tenth_below_the_examiners():
    assert Degradation(figure="qwk", ai_human=0.70, human_human=0.80, n=40).verdict is Verdict.MEETS  # 0.10
    assert Degradation(figure="qwk", ai_human=0.69, human_human=0.80, n=40).verdict is Verdict.NOT_MET
    assert Degradation(figure="qwk", ai_human=0.90, human_human=0.80, n=40).verdict is Verdict.MEETS  # above
    assert Degradation(figure="qwk", ai_human=0.5, human_human=0.80, n=29).verdict is Verdict.TOO_FEW
    assert Degradation(figure="qwk", ai_human=None, human_human=0.80, n=40).verdict is Verdict.UNDEFINED
    assert Degradation(figure="qwk", ai_human=0.7, human_human=0.8, n=40).drop == pytest.approx(0.1)


def marked(ai, human, human2=None, value=None):
    def rating(level, bump=0.0):
        return Rating(LEVELS[level], dict.fromkeys(SCORE_KEYS, level * 2.5 + 1 + bump))
    return RatedAnswer(ai=rating(ai, value or 0.0), human=rating(human), human2=None if human2 is None else
                       rating(human2))


def test_the_report_checks_degradation_on_the_answers_all_three_rated():
    # 40 answers double-marked, on which the examiners agree exactly and the AI is often a level off;
    # 20 more marked once, where the AI agrees exactly (they do not enter the degradation check).
    levels = [i % 4 for i in range(40)]
    ai = [(lv + 1) % 4 if i % 3 == 0 else lv for i, lv in enumerate(levels)]
    answers = [marked(a, h, h) for a, h in zip(ai, levels, strict=True)] + [marked(i % 4, i % 4) for i in range(20)]
    report = agreement_report(answers)
    assert report.ai_vs_examiner.n == 60 and report.examiner_vs_second is not None
    assert report.examiner_vs_second.n == 40 and report.examiner_vs_second.qwk == 1.0
    qwk = report.degradation[0]
    assert qwk.figure == "qwk" and qwk.n == 40 and qwk.human_human == 1.0
    expected = cohen_kappa_score(ai, levels, weights="quadratic", labels=[0, 1, 2, 3])
    assert qwk.ai_human == pytest.approx(expected) and qwk.verdict is Verdict.NOT_MET  # well over 0.10 below
    assert [d.figure for d in report.degradation] == ["qwk", *SCORE_KEYS]
    assert all(d.n == 40 and d.verdict is Verdict.NOT_MET for d in report.degradation)
    line = next(x for x in report.as_lines() if x.startswith("  QWK on the level: ") and "against" in x)
    assert line == (f"  QWK on the level: {qwk.ai_human:.2f} against 1.00, {1 - qwk.ai_human:.2f} lower "
                    "(threshold \u2264 0.10 lower: does not meet)")


def test_without_double_marking_there_is_no_examiner_comparison_and_no_degradation_check():
    report = agreement_report([marked(i % 4, i % 4) for i in range(8)])
    assert report.examiner_vs_second is None and report.degradation == ()
    assert report.as_lines()[-1] == ("No answer was marked by a second examiner, so there is no examiner-examiner "
                                     "comparison and no degradation check.")
    assert report.as_dict()["examiner_vs_second_examiner"] is None and report.as_dict()["degradation"] == []


def test_the_report_as_lines_reads_each_figure_beside_its_threshold():
    answers = [RatedAnswer(ai=a, human=h) for a, h in pairs([0, 1, 1, 2, 3, 2], [0, 1, 2, 2, 2, 1],
                                                             [2, 4, 4, 6, 8, 6], [3, 4, 6, 7, 8, 8])]
    lines = agreement_report(answers).as_lines()
    assert lines[:9] == [
        "The AI against the examiner: 6 answers with a level from both",
        "  Fewer than 30 pairs: the figures are shown, but too few to judge.",
        "  Exact agreement on the level: 50%",
        "  Adjacent agreement on the level (within one level): 100%",
        "  QWK on the level: 0.67 (threshold \u2265 0.70: too few to judge)",
        "  Fluency, 6 pairs: mean 5.00 by the AI, 6.00 by the examiner (difference -1.00)",
        "    Pearson r: 0.91 (threshold \u2265 0.70: too few to judge)",
        "    SMD: -0.48 (threshold |SMD| \u2264 0.15: too few to judge)",
        "  Accuracy: no answer has this score from both",
    ]


def test_the_report_as_lines_with_verdicts_and_the_degradation_section():
    levels = [i % 4 for i in range(40)]
    answers = [marked(lv, lv, lv, value=0.5 if i % 2 else 0.0) for i, lv in enumerate(levels)]
    answers.append(RatedAnswer(ai=Rating(Level.B1), human=Rating(Level.B1), human2=Rating(Level.B1)))
    lines = agreement_report(answers).as_lines()
    assert "  QWK on the level: 1.00 (threshold \u2265 0.70: meets)" in lines
    # each score: examiners 1, 3.5, 6, 8.5 (ten of each, variance 312.5 / 39); the AI half a point up on
    # B1 and C1: 1, 4, 6, 9 (variance 340 / 39). SMD = 0.25 / sqrt((8.01 + 8.72) / 2) = 0.086
    assert "    SMD: 0.09 (threshold |SMD| \u2264 0.15: meets)" in lines
    degradation = lines[lines.index("Degradation: the AI against the examiner beside the two examiners, on the "
                                    "answers all three rated (41):"):]
    assert degradation[1] == "  QWK on the level: 1.00 against 1.00, 0.00 lower (threshold \u2264 0.10 lower: meets)"
    assert degradation[2].startswith("  Pearson r, fluency: 1.00 against 1.00,")


def test_the_report_as_a_dict_is_json_ready_with_rounded_figures():
    answers = [RatedAnswer(ai=a, human=h) for a, h in pairs([0, 1, 1, 2, 3, 2], [0, 1, 2, 2, 2, 1],
                                                             [2, 4, 4, 6, 8, 6], [3, 4, 6, 7, 8, 8])]
    data = agreement_report(answers).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert list(data) == ["thresholds", "ai_vs_examiner", "accepted_by_examiner", "ai_vs_blind_second_examiner",
                          "examiner_vs_second_examiner", "degradation"]
    assert data["accepted_by_examiner"] == 0 and data["ai_vs_blind_second_examiner"] is None
    assert data["thresholds"] == {"qwk": 0.7, "pearson_r": 0.7, "abs_smd": 0.15, "degradation": 0.1,
                                  "min_pairs": 30}
    ai = data["ai_vs_examiner"]
    assert {k: ai[k] for k in ("n", "exact_agreement", "adjacent_agreement", "qwk", "qwk_verdict")} == {
        "n": 6, "exact_agreement": 0.5, "adjacent_agreement": 1.0, "qwk": 0.667, "qwk_verdict": "too_few"}
    assert list(ai["scores"]) == list(SCORE_KEYS)
    assert ai["scores"]["fluency"] == {"n": 6, "pearson_r": 0.909, "r_verdict": "too_few", "r_reason": None,
                                       "mean_first": 5.0, "mean_second": 6.0, "mean_difference": -1.0,
                                       "smd": -0.477, "smd_verdict": "too_few", "smd_reason": None}
    assert ai["scores"]["grammar"]["pearson_r"] is None and ai["scores"]["grammar"]["r_verdict"] == "undefined"


def test_answers_a_rater_did_not_mark_are_left_out_of_that_comparison():
    answers = [RatedAnswer(ai=Rating(Level.B1), human=Rating(Level.B1)),
               RatedAnswer(ai=None, human=Rating(Level.B2), human2=Rating(Level.B2)),  # not scored by the AI yet
               RatedAnswer(ai=Rating(Level.C1), human=None)]
    report = agreement_report(answers)
    assert report.ai_vs_examiner.n == 1 and report.examiner_vs_second is not None
    assert report.examiner_vs_second.n == 1 and report.degradation[0].n == 0
    assert report.degradation[0].verdict is Verdict.UNDEFINED


# --- the CSV of paired ratings --------------------------------------------------------------------

GOOD = ("\ufeffcandidate,ai_level,human_level,human2_level,"
        + ",".join(f"ai_{k}" for k in SCORE_KEYS) + "," + ",".join(f"human_{k}" for k in SCORE_KEYS) + ","
        + ",".join(f"human2_{k}" for k in SCORE_KEYS) + ",notes\r\n"
        "c1,b1,B1,B2,5,5.5,6,6,5,5,5,6,6,5,6,6,6,6,6,anything\r\n"
        "c2, C1 ,b2,,9,9,9,9,9,8,8,8,8,8,,,,,,\r\n"
        "\r\n\r\n")


def test_a_good_csv_with_all_columns():
    answers = ratings_from_csv(GOOD)
    assert answers == (
        RatedAnswer(ai=Rating(Level.B1, {"fluency": 5, "accuracy": 5.5, "grammar": 6, "vocabulary": 6,
                                         "coherence": 5}),
                    human=Rating(Level.B1, dict(zip(SCORE_KEYS, [5, 5, 6, 6, 5], strict=True))),
                    human2=Rating(Level.B2, dict.fromkeys(SCORE_KEYS, 6.0))),
        RatedAnswer(ai=Rating(Level.C1, dict.fromkeys(SCORE_KEYS, 9.0)),
                    human=Rating(Level.B2, dict.fromkeys(SCORE_KEYS, 8.0)), human2=None))
    report = agreement_report(answers)  # the CLI's path: read, parse, compare
    assert report.ai_vs_examiner.n == 2 and report.examiner_vs_second is not None


def test_only_the_level_columns_are_needed_and_unknown_columns_are_ignored():
    answers = ratings_from_csv("Human_Level,id,AI_LEVEL\na2,7,b1\nC1,8,c1\n")
    assert answers == (RatedAnswer(ai=Rating(Level.B1), human=Rating(Level.A2)),
                       RatedAnswer(ai=Rating(Level.C1), human=Rating(Level.C1)))


def bad(text):
    with pytest.raises(AgreementError) as caught:
        ratings_from_csv(text)
    assert isinstance(caught.value, UserFacingError) and isinstance(caught.value, ValueError)
    return str(caught.value)


HEADER = "ai_level,human_level,ai_fluency,human_fluency,ai_grammar\n"


def test_each_bad_cell_is_named_by_its_row_and_column():
    assert bad(HEADER + "B1,B1,5,5,5\nB2,B2,6,6,6\nB3,B1,5,5,5\n") == (
        "Row 4, column ai_level: 'B3' is not a level (A2, B1, B2, C1).")
    assert bad(HEADER + "B1,B1,5,ten,5\n") == "Row 2, column human_fluency: 'ten' is not a score from 0 to 10."
    assert bad(HEADER + "B1,B1,5,5,11\n") == "Row 2, column ai_grammar: '11' is out of range: a score is from 0 to 10."
    assert bad(HEADER + "B1,B1,-0.5,5,5\n") == (
        "Row 2, column ai_fluency: '-0.5' is out of range: a score is from 0 to 10.")
    assert bad(HEADER + "B1,B1,nan,5,5\n") == "Row 2, column ai_fluency: 'nan' is not a score from 0 to 10."
    assert bad(HEADER + "B1,B1,5,5,5\nB2,,5,5,5\n") == (
        "Row 3, column human_level: the cell is empty; every row needs a level (A2, B1, B2, C1).")
    assert bad(HEADER + "B1\n") == (  # a short row: the cells it lacks are empty
        "Row 2, column human_level: the cell is empty; every row needs a level (A2, B1, B2, C1).")
    assert bad("ai_level,human_level,human2_fluency\nB1,B1,6\n") == (
        "Row 2, column human2_level: the cell is empty, but the row has the second examiner's scores; give their "
        "level (A2, B1, B2, C1).")
    assert bad("ai_level,human_level,human2_level\nB1,B1,D\n") == (
        "Row 2, column human2_level: 'D' is not a level (A2, B1, B2, C1).")


def test_rows_are_numbered_as_a_spreadsheet_does_blank_lines_included():
    assert bad("\ufeffai_level,human_level\r\nB1,B1\r\n\r\nB1,X1\r\n") == (
        "Row 4, column human_level: 'X1' is not a level (A2, B1, B2, C1).")


def test_a_message_quotes_no_more_than_twenty_characters_of_the_cell():
    assert bad("ai_level,human_level\n" + "B1," + "secret " * 30 + "\n") == (
        "Row 2, column human_level: 'secret secret secret\u2026' is not a level (A2, B1, B2, C1).")


def test_the_required_columns_empty_files_and_a_header_alone():
    assert bad("\ufeffai_level,examiner_level,score\nB1,B1,5\n") == (
        "The CSV needs the columns ai_level and human_level; its header has: ai_level, examiner_level, score.")
    many = ",".join(f"column_{i}" for i in range(14))
    assert bad(many + "\n") == ("The CSV needs the columns ai_level and human_level; its header has: "
                                + ", ".join(f"column_{i}" for i in range(10)) + " and 4 more.")
    empty = ("The CSV is empty: it needs a header row with the columns ai_level and human_level, then one row "
             "of ratings per answer.")
    assert bad("") == empty and bad("\ufeff") == empty and bad("\n\n  \n") == empty
    assert bad("ai_level,human_level\r\n\r\n\r\n") == "The CSV has a header but no rows of ratings."


def test_accepted_ratings_are_counted_and_the_ai_is_compared_with_the_blind_markings_too():
    # The first examiner accepted the AI's B1 twice (copies); the blind second examiner, who saw
    # neither, disagrees with the AI on both.
    answers = [RatedAnswer(ai=Rating(Level.B1), human=Rating(Level.B1), human2=Rating(Level.A2), accepted=True),
               RatedAnswer(ai=Rating(Level.B2), human=Rating(Level.B2), human2=Rating(Level.C1), accepted=True),
               RatedAnswer(ai=Rating(Level.A2), human=Rating(Level.B1), human2=Rating(Level.B1))]
    report = agreement_report(answers)
    assert report.accepted == 2 and report.ai_vs_examiner.exact == pytest.approx(2 / 3)
    assert report.ai_vs_blind is not None and report.ai_vs_blind.n == 3 and report.ai_vs_blind.exact == 0.0
    lines = report.as_lines()
    assert any(line.startswith("  (2 of these accepted the AI's rating as it was") for line in lines)
    assert any(line.startswith("The AI against the blind second examiner: 3 answers") for line in lines)
