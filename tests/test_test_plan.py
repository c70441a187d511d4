"""Test plans (core/test_plan.py): the questions of a mock test, one part, or a quick-practice
task, in order, with their progress line; kept whole in `sessions.metadata` and read back; and
the choice of a mock test not taken yet (core/fresh_choice.py)."""

import random

from speakcheck_desktop.core.fresh_choice import choose_fresh
from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.core.task_bank import Task
from speakcheck_desktop.core.test_plan import (
    FormatKind,
    mock_plan,
    part_plan,
    plan_from_metadata,
    practice_plan,
    retake_plan,
)
from speakcheck_desktop.resources import load_mock_tests

BANK = load_mock_tests()
B2 = next(t for t in BANK if t.id == "b2-mock-01")


def test_a_mock_test_runs_every_question_of_every_part_in_order_with_its_progress_line():
    plan = mock_plan(B2)
    assert plan.kind is FormatKind.MOCK and plan.parts == (PartKind.INTERVIEW, PartKind.LONG_TURN,
                                                           PartKind.DISCUSSION)
    assert [s.task.id for s in plan.steps] == [q.id for _, q in B2.questions()]
    assert len(plan.steps) == 10  # 5 interview questions, the long turn, 4 discussion questions
    assert plan.steps[0].progress() == "Part 1 of 3 \u00b7 question 1 of 5"
    long_turn = plan.steps[5]
    assert long_turn.progress() == "Part 2 of 3 \u00b7 question 1 of 1" and long_turn.opens_part
    assert long_turn.task.prep_s == 60 and long_turn.task.speak_s == 120 and len(long_turn.points) == 4
    assert long_turn.assessed_prompt() == ("Talk about a job you think would suit you well. Points to cover: what "
                                           "the job involves; the skills and qualities it needs; why it would suit "
                                           "you; any drawbacks it might have.")
    assert plan.steps[6].intro.startswith("In this part we'll explore") and plan.steps[7].opens_part is False
    assert plan.speaking_s == 5 * 30 + 120 + 4 * 45
    assert plan.describe() == "Mock test \u00b7 Working life"


def test_the_plan_is_kept_whole_in_the_metadata_and_read_back_as_it_was():
    for plan in (mock_plan(B2), part_plan(B2, PartKind.DISCUSSION)):
        meta = plan.to_metadata()
        assert meta["format"] == {"kind": plan.kind.value, "id": "b2-mock-01", "title": "Working life"}
        assert plan_from_metadata(meta, Level.B2) == plan  # even if the bank changes later
    part = part_plan(B2, PartKind.DISCUSSION)
    assert [s.progress() for s in part.steps] == [f"Part 1 of 1 \u00b7 question {n} of 4" for n in range(1, 5)]


def test_quick_practice_keeps_the_keys_it_always_had_and_old_sessions_read_as_quick_practice():
    task = Task("b1-describe-3", Level.B1, "describe", "Describe a festival.", 30, 90)
    meta = practice_plan(task).to_metadata()
    assert meta == {"format": {"kind": "practice", "id": "b1-describe-3", "title": "Describe a festival."},
                    "task_id": "b1-describe-3", "task_kind": "describe", "task_prompt": "Describe a festival.",
                    "prep_s": 30, "speak_s": 90}
    old = {"task_id": "gone-1", "task_kind": "opinion", "task_prompt": "Say what you think.", "prep_s": 20,
           "speak_s": 60}  # a session from before plans, its task since removed from the bank
    plan = plan_from_metadata(old, Level.A2)
    assert plan.kind is FormatKind.PRACTICE and len(plan.steps) == 1
    assert plan.steps[0].task == Task("gone-1", Level.A2, "opinion", "Say what you think.", 20, 60)
    assert plan.steps[0].progress() == "" and plan.describe() == "Quick practice"
    assert plan_from_metadata({"task_id": "b1-describe-3"}, Level.B1, {"b1-describe-3": task}.get).steps[0].task \
        == task


def test_the_next_question_is_the_first_without_an_answer():
    plan = mock_plan(B2)
    ids = [s.task.id for s in plan.steps]
    assert plan.next_step([]) == 0
    assert plan.next_step(ids[:6]) == 6  # the interview and the long turn answered: the discussion
    assert plan.next_step([ids[0], ids[2]]) == 1  # a question skipped is the one to come back to
    assert plan.next_step(ids) == len(ids)


def test_a_part_is_retaken_from_the_session_it_belongs_to_as_a_session_of_its_own():
    meta = mock_plan(B2).to_metadata()
    plan = retake_plan(meta, Level.B2, PartKind.LONG_TURN, "65a1f0c2e4b0a1b2c3d4e5f6")
    assert plan is not None and plan.kind is FormatKind.PART and plan.retake_of == "65a1f0c2e4b0a1b2c3d4e5f6"
    assert [s.task.id for s in plan.steps] == ["b2-mock-01-long-turn"]
    assert plan.to_metadata()["format"]["retake_of"] == "65a1f0c2e4b0a1b2c3d4e5f6"
    assert plan.describe() == "Long turn retake \u00b7 Working life"
    assert retake_plan(practice_plan(Task("t", Level.B2, "describe", "x", 0, 60)).to_metadata(), Level.B2,
                       PartKind.LONG_TURN, "s") is None


def test_no_mock_test_comes_again_until_all_were_taken_then_the_oldest_first():
    tests = [t for t in BANK if t.level is Level.B1]
    ids = [t.id for t in tests]
    rng = random.Random(4)
    taken: list[str] = []  # newest first, as the store lists them
    for _ in range(len(tests)):
        taken.insert(0, choose_fresh(tests, lambda t: t.id, taken, rng).id)
    assert sorted(taken) == sorted(ids)  # each once before any came again
    assert choose_fresh(tests, lambda t: t.id, taken, rng).id == taken[-1]  # then the one taken longest ago
