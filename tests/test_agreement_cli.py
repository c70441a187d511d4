"""`speakcheck agreement`, run as a person runs it: on answers rated in this computer's store
and on a CSV of ratings made elsewhere; bad rows named, never a traceback."""

from __future__ import annotations

import json

import numpy as np
from sklearn.metrics import cohen_kappa_score

from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.review import ReviewDecision, ReviewRole, examiner_rating
from speakcheck_desktop.store.reviews import add_review
from tests.cli_rig import speakcheck, store_in
from tests.factories import SCORES, complete_session

LEVELS = [level.value for level in Level]


def test_agreement_on_answers_rated_here_equals_an_independent_kappa(cli_env):
    rng = np.random.default_rng(7)
    ai_levels, human_levels, human2_levels = [], [], []
    with store_in(cli_env) as store:
        for i in range(40):
            ai = int(rng.integers(0, 4))
            human = int(np.clip(ai + rng.choice([-1, 0, 0, 0, 1]), 0, 3))
            session, _, transcript, evaluation = complete_session(store, LEVELS[ai])
            scores = {k: float(np.clip(SCORES[k] + rng.choice([-1.0, -0.5, 0.0, 0.5]), 0, 10)) for k in SCORE_KEYS}
            add_review(store, transcript.id, examiner_rating(
                examiner="Ana Ruiz", role=ReviewRole.FIRST, decision=ReviewDecision.OWN, ai=evaluation,
                level=LEVELS[human], scores=scores, reason="Heard differently."))
            ai_levels.append(ai)
            human_levels.append(human)
            if i % 2 == 0:  # every other answer double-marked, blind
                second = int(np.clip(human + rng.choice([-1, 0, 0, 1]), 0, 3))
                add_review(store, transcript.id, examiner_rating(
                    examiner="Li Wei", role=ReviewRole.SECOND, decision=ReviewDecision.OWN, ai=None,
                    level=LEVELS[second], scores=scores))
                human2_levels.append((human, second))
        unreviewed = complete_session(store, "B1")  # not rated by an examiner: not counted
        assert unreviewed

    done = speakcheck(cli_env, "agreement", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    ai = report["ai_vs_examiner"]
    assert ai["n"] == 40
    expected = cohen_kappa_score(ai_levels, human_levels, weights="quadratic", labels=[0, 1, 2, 3])
    assert abs(ai["qwk"] - expected) < 0.0006  # rounded to three places
    assert ai["exact_agreement"] == round(np.mean(np.array(ai_levels) == np.array(human_levels)), 3)
    humans = report["examiner_vs_second_examiner"]
    assert humans["n"] == 20
    a, b = zip(*human2_levels, strict=True)
    assert abs(humans["qwk"] - cohen_kappa_score(a, b, weights="quadratic", labels=[0, 1, 2, 3])) < 0.0006

    text = speakcheck(cli_env, "agreement")
    assert text.returncode == 0, text.stderr
    assert "answers rated by an examiner in this computer's store: 40" in text.stdout
    assert f"QWK on the level: {expected:.2f} (threshold \u2265 0.70:" in text.stdout
    assert "Degradation" in text.stdout and "too few to judge" in text.stdout  # 20 double-marked: too few

    # Sessions started after tomorrow: none.
    later = speakcheck(cli_env, "agreement", "--since", "2999-01-01")
    assert later.returncode == 0 and "No answer has been rated by an examiner yet" in later.stdout


def test_agreement_from_a_csv_and_its_bad_rows(cli_env, tmp_path):
    good = tmp_path / "ratings.csv"
    good.write_text("candidate,ai_level,human_level,ai_fluency,human_fluency\n"
                    "c1,B1,B1,6,6.5\nc2,B2,B1,7,6\nc3,A2,A2,3,3.5\nc4,C1,B2,9,8\n", encoding="utf-8")
    done = speakcheck(cli_env, "agreement", "--from-csv", str(good), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ai_vs_examiner"]["n"] == 4 and report["ai_vs_examiner"]["exact_agreement"] == 0.5
    assert report["ai_vs_examiner"]["adjacent_agreement"] == 1.0

    bad = tmp_path / "bad.csv"
    bad.write_text("ai_level,human_level\nB1,B1\nB1,B3\n", encoding="utf-8")
    refused = speakcheck(cli_env, "agreement", "--from-csv", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "speakcheck: bad.csv: Row 3, column human_level: 'B3' is not a level (A2, B1, B2, C1).")
    assert "Traceback" not in refused.stderr and refused.stdout == ""

    missing = speakcheck(cli_env, "agreement", "--from-csv", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 1 and "cannot be read (No such file or directory)" in missing.stderr

    mixed = speakcheck(cli_env, "agreement", "--from-csv", str(good), "--since", "2026-01-01")
    assert mixed.returncode == 1 and "--since and --until are for the answers rated here" in mixed.stderr
