"""Mock-test banks (core/mock_format.py): the app's own bank is whole, and a centre's bank with
mistakes is refused with every problem named by test, part, question and field."""

import copy
import json

import pytest

from speakcheck_desktop.core.mock_format import PART_ORDER, BankError, PartKind, parse_mock_bank, parse_mock_bank_text
from speakcheck_desktop.core.records import Level
from speakcheck_desktop.resources import resource_path


def question(qid, speak_s=30, prep_s=0, **extra):
    return {"id": qid, "prompt": f"Question {qid}?", "prep_s": prep_s, "speak_s": speak_s, **extra}


def bank():
    return {"version": 1, "mock_tests": [{
        "id": "b2-mock-99", "level": "B2", "title": "Working life",
        "parts": [
            {"kind": "interview", "intro": "Some questions about you.",
             "questions": [question(f"i{n}") for n in range(1, 5)]},
            {"kind": "long_turn", "intro": "Talk on your own for two minutes.",
             "questions": [question("lt", 120, 60, points=["what", "why", "how"])]},
            {"kind": "discussion", "intro": "Questions about the topic.",
             "questions": [question(f"d{n}", 45) for n in range(1, 4)]},
        ]}]}


def test_a_bank_becomes_tests_with_their_parts_in_order():
    [test] = parse_mock_bank(bank())
    assert test.level is Level.B2 and [p.kind for p in test.parts] == list(PART_ORDER)
    assert test.parts[1].questions[0].points == ("what", "why", "how")
    assert test.speaking_s == 4 * 30 + 120 + 3 * 45
    assert [q.id for _, q in test.questions()] == ["i1", "i2", "i3", "i4", "lt", "d1", "d2", "d3"]


@pytest.mark.parametrize("change, problem", [
    (lambda b: b["mock_tests"][0].update(level="C2"),
     "mock test b2-mock-99: level must be A2, B1, B2 or C1, not 'C2'."),
    (lambda b: b["mock_tests"][0]["parts"].reverse(),
     "mock test b2-mock-99: parts must be, in this order: interview, long_turn, discussion."),
    (lambda b: b["mock_tests"][0]["parts"][0]["questions"].pop(),
     "mock test b2-mock-99, part 1 (interview): questions must be a list of 4 to 6 question(s)."),
    (lambda b: b["mock_tests"][0]["parts"][1]["questions"][0].update(points=["only one"]),
     "mock test b2-mock-99, part 2 (long_turn), question 1 (lt): points must be a list of 3 to 4 points to cover, "
     "each a text."),
    (lambda b: b["mock_tests"][0]["parts"][2]["questions"][1].update(speak_s="45"),
     "mock test b2-mock-99, part 3 (discussion), question 2 (d2): speak_s must be a whole number of seconds from "
     "10 to 180, not '45'."),
    (lambda b: b["mock_tests"][0]["parts"][0]["questions"][2].update(id="i1"),
     "mock test b2-mock-99, part 1 (interview), question 3 (i1): the id 'i1' is used twice; each test and question "
     "needs its own."),
    (lambda b: b["mock_tests"][0]["parts"][0]["questions"][0].update(points=["a", "b", "c"]),
     "mock test b2-mock-99, part 1 (interview), question 1 (i1): only the long turn has points to cover."),
    (lambda b: b["mock_tests"][0]["parts"][0].pop("intro"), "mock test b2-mock-99, part 1 (interview): intro must be "
     "a text, not missing."),
])
def test_each_mistake_is_named_with_the_test_part_question_and_field(change, problem):
    data = copy.deepcopy(bank())
    change(data)
    with pytest.raises(BankError) as info:
        parse_mock_bank(data)
    assert info.value.problems == [problem]


def test_every_problem_is_listed_and_the_message_says_how_many():
    data = bank()
    data["version"] = 2
    data["mock_tests"][0]["parts"][2]["questions"][0]["prep_s"] = 90
    with pytest.raises(BankError) as info:
        parse_mock_bank(data)
    assert info.value.problems == [
        "version must be 1, not 2.",
        "mock test b2-mock-99, part 3 (discussion), question 1 (d1): prep_s must be a whole number of seconds from "
        "0 to 60, not 90."]
    assert str(info.value) == "version must be 1, not 2. (and 1 more problem(s))"


def test_text_that_is_not_json_is_named_with_its_line():
    with pytest.raises(BankError) as info:
        parse_mock_bank_text('{"version": 1,\n "mock_tests": [}')
    assert info.value.problems == ["The file is not valid JSON (line 2, column 17: Expecting value)."]


def test_the_apps_own_bank_has_four_whole_mock_tests_per_level_each_its_own_topic():
    tests = parse_mock_bank_text(resource_path("mock_tests.json").read_text(encoding="utf-8"))
    for level in Level:
        mine = [t for t in tests if t.level is level]
        assert len(mine) >= 4, level
        assert len({t.title for t in mine}) == len(mine), level  # no topic twice in a level
    for test in tests:
        long_turn = test.parts[1].questions[0]
        assert test.parts[1].kind is PartKind.LONG_TURN and long_turn.prep_s == 60
    assert json.loads(resource_path("mock_tests.json").read_text(encoding="utf-8"))["version"] == 1
