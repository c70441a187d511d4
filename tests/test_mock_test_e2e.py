"""A mock test of three parts through the real window (pytest-qt), against the real parts: the
virtual microphone, the test OpenAI-compatible server and the test MongoDB server. The mock test
is the bank's own B2 test with its times shortened (tests/app_rig.py `quick_mock_bank`), so ten
answers take about ten seconds each."""

import pytest
from PySide6.QtCore import Qt

from speakcheck_desktop.core.mock_format import PartKind
from speakcheck_desktop.core.overall_result import PART_WEIGHTS
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.rubric import band_of
from speakcheck_desktop.core.test_plan import FormatKind
from speakcheck_desktop.resources import load_mock_tests
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.kiosk_window import KioskWindow
from tests.answers import GOOD, SENTENCES, make_answer
from tests.app_rig import answer_question, quick_mock_bank
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
from tests.seed_schema import SEED_FIELDS

# Each part scored differently, so the overall result shows the part weights at work.
PART_SCORES = {PartKind.INTERVIEW: 5.0, PartKind.LONG_TURN: 7.0, PartKind.DISCUSSION: 6.5}


def reply(part: PartKind) -> dict:
    value = PART_SCORES[part]
    return {**GOOD, "overall_level": band_of(value).value, "scores": dict.fromkeys(SCORE_KEYS, value)}


@pytest.fixture(scope="module")
def short_answer(tmp_path_factory):
    # 9.3 s, 7.3 s of it speech and 29 words: enough for a 12-second B2 question (it asks for half
    # its time, 6 s, and 9 words), with a margin for a loaded machine, and well inside its 12 s
    return make_answer(tmp_path_factory.mktemp("mock"), SENTENCES[:4], [0.3, 0.3, 0.3])


@pytest.fixture
def mock_bank(tmp_path):
    return load_mock_tests(quick_mock_bank(tmp_path / "bank.json"))


def progress(window) -> str:
    return window.task_card.progress.text()


@pytest.mark.timeout(600)  # ten answers of a mock test and a retake, in real time
def test_a_whole_b2_mock_test_interrupted_in_part_2_resumed_then_a_part_retaken(
        qtbot, app_env, virtual_mic, fake_openai, mongo_uri, mongo_db, short_answer, mock_bank, monkeypatch,
        running):
    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    fake_openai.defaults[TRANSCRIPTIONS] = short_answer.transcription()
    fake_openai.script(CHAT, *[chat_reply(reply(PartKind.INTERVIEW))] * 5)
    app = running(fmt=FormatKind.MOCK, mock_tests=mock_bank)
    window = app.window
    window.levels.set_level("B2")
    qtbot.waitUntil(lambda: window.task_card.plan is not None and window.task_card.plan.level is Level.B2)
    assert window.task_card.kind.text() == "B2 \u00b7 Mock test \u00b7 Working life"
    assert window.task_card.intro.text().startswith("10 questions in 3 parts: Interview (5)")

    # Part 1: five interview questions, each answered, then "Next question".
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    for number in range(1, 6):
        qtbot.waitUntil(lambda n=number: progress(window) == f"Part 1 of 3 \u00b7 question {n} of 5")
        if number == 1:
            assert window.task_card.intro.text().startswith("In this part I'd like to ask you some questions")
        answer_question(qtbot, window, virtual_mic, short_answer)
        assert window.panel.next.isVisible() and not window.panel.finish.isVisible()
        assert window.panel.record.isVisible() and "Record again" in window.panel.record.text()  # a learner may redo it
        qtbot.mouseClick(window.panel.next, Qt.LeftButton)
    # Part 2: the long turn shows its points; the app is closed during its preparation.
    qtbot.waitUntil(lambda: progress(window) == "Part 2 of 3 \u00b7 question 1 of 1")
    assert window.task_card.points.isVisible() and "the skills and qualities it needs" in window.task_card.points.text()
    session_id = window.test.session.id
    qtbot.waitUntil(lambda: len(fake_openai.requests_to(CHAT)) == 5, timeout=60000)  # the five are assessed
    app.close()

    # Reopened: the history resumes it at the long turn, the interview's answers kept.
    fake_openai.script(CHAT, chat_reply(reply(PartKind.LONG_TURN)), *[chat_reply(reply(PartKind.DISCUSSION))] * 4)
    again = running(fmt=None, mock_tests=mock_bank)
    window = again.window
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.model.loading)
    history.table.setCurrentIndex(history.model.index(0, 0))
    assert history.resume_button.isEnabled()
    qtbot.mouseClick(history.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.test is not None and window.test.session.id == session_id)
    assert progress(window) == "Part 2 of 3 \u00b7 question 1 of 1"
    assert window.test.task.id == "b2-mock-01-long-turn" and window.levels.level == "B2"
    assert "resumed at part 2 of 3" in window.panel.phase.text()
    qtbot.mouseClick(window.panel.record, Qt.LeftButton)
    answer_question(qtbot, window, virtual_mic, short_answer)
    qtbot.mouseClick(window.panel.next, Qt.LeftButton)
    # Part 3: four discussion questions; "Finish test" only after the last.
    for number in range(1, 5):
        qtbot.waitUntil(lambda n=number: progress(window) == f"Part 3 of 3 \u00b7 question {n} of 4")
        answer_question(qtbot, window, virtual_mic, short_answer)
        if number < 4:
            qtbot.mouseClick(window.panel.next, Qt.LeftButton)
    assert window.panel.finish.isVisible() and not window.panel.next.isVisible()
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)

    # The overall result, on screen and in the store: every answer the same length, so the
    # weights are the part weights times the number of answers.
    weights = {PartKind.INTERVIEW: 5 * PART_WEIGHTS[PartKind.INTERVIEW],
               PartKind.LONG_TURN: 1 * PART_WEIGHTS[PartKind.LONG_TURN],
               PartKind.DISCUSSION: 4 * PART_WEIGHTS[PartKind.DISCUSSION]}
    mean = sum(weights[p] * PART_SCORES[p] for p in weights) / sum(weights.values())  # 5.89: B1
    def overall_shown():
        assert window.scores.level.text() == band_of(mean).value, (
            window.scores.level.text(), window.scores.message.text(), window.ai_label.text(),
            len(fake_openai.requests_to(CHAT)))
    qtbot.waitUntil(overall_shown, timeout=90000)
    assert window.scores.chart.scores == dict.fromkeys(SCORE_KEYS, round(mean * 2) / 2)
    assert window.scores.rationale.text() == "Interview: B1 \u00b7 Long turn: B2 \u00b7 Discussion: B2"
    assert window.scores.tips.count() == 10 and window.scores.tips.item(5).text().startswith("Long turn: B2")
    # The screen shows the result as soon as the answers are in; the store records it on its own
    # lane just after.
    def stored():
        with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
            return store.get_session(session_id)
    qtbot.waitUntil(lambda: "overall" in stored().metadata)
    session = stored()
    overall = session.metadata["overall"]
    assert overall["level"] == "B1" and overall["scores"] == dict.fromkeys(SCORE_KEYS, 6.0)
    assert [p["level"] for p in overall["parts"]] == ["B1", "B2", "B2"] and overall["reasons"] == []
    assert session.metadata["format"] == {"kind": "mock", "id": "b2-mock-01", "title": "Working life"}
    assert [len(p["questions"]) for p in session.metadata["parts"]] == [5, 1, 4]

    # One answer of the test, then back to the whole test.
    window.scores.tips.itemClicked.emit(window.scores.tips.item(5))
    qtbot.waitUntil(lambda: window.scores.level.text() == "B2" and window.scores.whole_test.isVisible())
    qtbot.mouseClick(window.scores.whole_test, Qt.LeftButton)
    assert window.scores.level.text() == "B1"

    # MongoDB has it all as the seed has it: one session, ten recording/transcript/evaluation chains.
    def all_in_mongodb():
        counts = (mongo_db.sessions.count_documents({"metadata.overall.level": "B1"}),
                  mongo_db.evaluations.count_documents({}), mongo_db.events.count_documents({"type": "overall_result"}))
        assert counts == (1, 10, 1), (counts, window.sync_label.text())
    qtbot.waitUntil(all_in_mongodb, timeout=60000)
    for cls, fields in SEED_FIELDS.items():
        docs = list(mongo_db[cls.collection].find())
        assert all(set(doc) == fields for doc in docs), cls.collection
    assert mongo_db.recordings.count_documents({}) == 10 and mongo_db.transcripts.count_documents({}) == 10
    questions = [e["payload"]["question_id"] for e in mongo_db.events.find({"type": "record_stop"})]
    assert sorted(questions) == sorted(q.id for _, q in mock_bank[0].questions())
    assert mongo_db.events.find_one({"type": "resume"})["payload"]["question_id"] == "b2-mock-01-long-turn"
    assert mongo_db.events.find_one({"type": "overall_result"})["payload"]["overall"] == overall

    # The long turn retaken as practice: a session of its own; the test's result stays as it was.
    # A different answer: the same transcript with the same measures would be given the long
    # turn's own evaluation again (the evaluation cache: same inputs, same result).
    retake_answer = make_answer(app_env / "retake", SENTENCES[1:5], [0.4, 0.4, 0.4])
    fake_openai.script(TRANSCRIPTIONS, retake_answer.transcription())
    fake_openai.script(CHAT, chat_reply(reply(PartKind.INTERVIEW)))
    qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.model.loading)
    history.table.setCurrentIndex(history.model.index(0, 0))
    [action] = [a for a in history.retake_menu.actions() if a.text() == "Long turn"]
    action.trigger()
    assert window.task_card.kind.text() == "B2 \u00b7 Long turn retake \u00b7 Working life"
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    answer_question(qtbot, window, virtual_mic, retake_answer)
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Long turn retake" in window.scores.title(), timeout=30000)
    def retake_assessed():
        assert window.scores.level.text() == "B1", (window.scores.level.text(), window.scores.message.text(),
                                                    window.ai_label.text(), len(fake_openai.requests_to(CHAT)))
    qtbot.waitUntil(retake_assessed, timeout=30000)  # the retake's own: 5.0
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        assert store.get_session(session_id).metadata["overall"] == overall
        retake = next(r.session for r in store.list_sessions().items if r.session.id != session_id)
    assert retake.metadata["format"]["retake_of"] == str(session_id)
    assert retake.metadata["overall"]["parts"] == [{"kind": "long_turn", "answers": 1, "assessed": 1,
                                                   "level": "B1"}]
    again.close()


def test_a_mock_test_ended_early_keeps_its_answer_and_says_why_there_is_no_overall_level(
        qtbot, app_env, virtual_mic, fake_openai, short_answer, mock_bank, monkeypatch, running):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    fake_openai.defaults[TRANSCRIPTIONS] = short_answer.transcription()
    fake_openai.defaults[CHAT] = chat_reply(reply(PartKind.LONG_TURN))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Yes)
    app = running(fmt=FormatKind.MOCK, mock_tests=mock_bank, sync=False)
    window = app.window
    window.levels.set_level("B2")
    qtbot.waitUntil(lambda: window.task_card.plan is not None and window.task_card.plan.level is Level.B2)
    qtbot.mouseClick(window.panel.start, Qt.LeftButton)
    answer_question(qtbot, window, virtual_mic, short_answer)
    qtbot.mouseClick(window.panel.next, Qt.LeftButton)
    qtbot.waitUntil(lambda: progress(window) == "Part 1 of 3 \u00b7 question 2 of 5")
    assert window.panel.end.isVisible()
    qtbot.mouseClick(window.panel.end, Qt.LeftButton)
    assert asked == ["End the test now? 9 question(s) will stay unanswered, and an ended test cannot be resumed. "
                     "The answers you gave are kept and assessed."]
    qtbot.waitUntil(lambda: window.phase is Phase.IDLE)
    qtbot.waitUntil(lambda: window.scores.level.text() == "?", timeout=30000)
    assert "An overall level needs assessed answers from at least two parts." in window.scores.message.text()
    assert "9 of the 10 questions were not answered." in window.scores.message.text()
    assert window.scores.tips.item(0).text().startswith("Interview 1: B2")  # the answer given, assessed
    assert window.scores.tips.item(1).text().startswith("Interview 2: not answered")
    app.close()


@pytest.mark.timeout(400)
def test_a_kiosk_candidate_takes_a_whole_mock_test_and_sees_only_the_overall_level(
        qtbot, app_env, virtual_mic, fake_openai, mongo_uri, mongo_db, short_answer, tmp_path, monkeypatch, running):
    from speakcheck_desktop.core.operator_pin import hash_pin
    from speakcheck_desktop.kiosk_config import KioskConfig

    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    fake_openai.defaults[TRANSCRIPTIONS] = short_answer.transcription()
    fake_openai.defaults[CHAT] = chat_reply(reply(PartKind.DISCUSSION))
    # The centre's own bank, named in kiosk.toml and checked when the kiosk starts.
    config = KioskConfig(operator_pin=hash_pin("4827"), level=Level.B2, show_result="level",
                         mock_bank=quick_mock_bank(tmp_path / "centre-bank.json"))
    app = running(api_key="sk-kiosk", kiosk=config, window=lambda services: KioskWindow(services, config))
    window = app.window
    qtbot.keyClicks(window.check_in_page.candidate_id, "CAND-77")
    qtbot.mouseClick(window.check_in_page.begin, Qt.LeftButton)
    seen = []
    for _ in range(10):
        qtbot.waitUntil(lambda: window.flow.phase is not Phase.SAVED and window.flow.test is not None)
        seen.append(window.task_card.progress.text())
        answer_question(qtbot, window, virtual_mic, short_answer)
        assert window.pages.currentWidget() is window.exam_page  # no result between questions
        assert not window.panel.record.isVisible()  # attempts_per_task = 1, for each question
        assert not window.panel.end.isVisible()  # only the operator ends a candidate's test
        assert "Your level" not in window.done_page.detail.text()
        if not window.flow.test.is_last:
            assert not window.panel.finish.isVisible()
            qtbot.mouseClick(window.panel.next, Qt.LeftButton)
    assert seen[0] == "Part 1 of 3 \u00b7 question 1 of 5" and seen[5] == "Part 2 of 3 \u00b7 question 1 of 1"
    assert seen[-1] == "Part 3 of 3 \u00b7 question 4 of 4"
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.done_page)
    assert window.done_page.title.text() == "Thank you. Your answers were submitted."
    qtbot.waitUntil(lambda: window.done_page.detail.text() == "Your overall level: B2", timeout=90000)
    assert not window.done_page.scores.isVisible()  # show_result = "level": the level only
    qtbot.waitUntil(lambda: mongo_db.sessions.count_documents({"metadata.overall.level": "B2",
                                                               "metadata.candidate_id": "CAND-77"}) == 1,
                    timeout=30000)
    assert mongo_db.recordings.count_documents({}) == 10
    app.close()
