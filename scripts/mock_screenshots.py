"""Drive the real app through a mock test and save a screenshot of its screens in docs/screenshots/
(17-20): the mock test chosen, its long turn while the person prepares, the overall result, and
the history with the test opened onto its parts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/mock_screenshots.py

Uses the test parts (virtual microphone, test MongoDB server, test AI server), so it needs the
test setup (scripts/setup.sh test). The mock tests are the app's own bank, except that the one
taken, B2 "Working life", has its interview's and discussion's questions shortened to 10 s
(tests/app_rig.py `quick_mock_bank`) so that they are answered in seconds; its long turn is kept
as the bank has it (a minute to prepare, up to two to speak), so its screen says what a person
sees. Each question is answered in words of its own (flite), and the test AI server scores each
part differently."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = ROOT / "docs" / "screenshots"
TAKEN = "b2-mock-01"

# What the person says to each question of "Working life": the interview's and the discussion's
# answers ~8 s (within the shortened 10 s), the long turn's ~55 s (~40 s of speech).
INTERVIEW = [
    "I work as a nurse in a big hospital. I have done this job for six years. Later I would like to teach young "
    "nurses.",
    "The best part is helping people when they are worried. I also enjoy working in a friendly team. Every day is "
    "different.",
    "I usually start early with a short meeting. Then I visit my patients one by one. I write my notes at the end "
    "of the day.",
    "I prefer working in a team most of the time. Other people often have good ideas. But I like to plan my own "
    "work.",
    "It is not always easy to find a balance. I try to keep my weekends free. I go running to clear my head.",
]
LONG_TURN = (
    "I think teaching would suit me very well. I would like to train new nurses at a college. The job involves "
    "planning lessons and giving practical classes. You also have to mark work and support students. It needs a lot "
    "of patience and good communication. You must explain difficult ideas in a simple way. A good teacher also "
    "listens carefully. I think it would suit me because I enjoy sharing what I know. My colleagues often ask me to "
    "show them new methods. I stay calm when things go wrong. On the other hand, there are some drawbacks. Teachers "
    "often take work home in the evening. The pay is not always better than in a hospital. I would also miss "
    "working with patients. Still, it would give me more regular hours. That would make family life easier. I "
    "believe it would be a rewarding career.")
DISCUSSION = [
    "People used to stay in one company for life. Now they change jobs more often. They keep learning new skills.",
    "Working from home saves a lot of time. But some people feel lonely there. It is hard to stop in the evening.",
    "I think useful jobs should be paid more. But usefulness is hard to measure. The market decides a lot.",
    "Machines will do many simple tasks. Young people will need creative skills. Some future jobs do not exist yet.",
]


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    from tests.answers import GOOD, SENTENCES, make_answer
    from tests.app_rig import quick_mock_bank
    from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
    from tests.rig import Rig, screenshot, wait_for

    rig = Rig.start(tmp, SPEAKCHECK_MONGODB_TIMEOUT_S="1", SPEAKCHECK_AI_RETRIES="0")
    mic, ai = rig.mic, rig.ai

    def spoken(name: str, text: str):
        sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
        gaps = [0.3] * (len(sentences) - 1) if len(sentences) <= 3 else ([0.5, 0.9, 0.4, 1.3] * 5)[:len(sentences) - 1]
        return make_answer(tmp / name, sentences, gaps)

    answers = ([spoken(f"interview-{i}", t) for i, t in enumerate(INTERVIEW)] + [spoken("long-turn", LONG_TURN)]
               + [spoken(f"discussion-{i}", t) for i, t in enumerate(DISCUSSION)])
    # The quick practice's answer (as in scripts/take_screenshots.py).
    practice = make_answer(tmp / "practice", SENTENCES * 2, [0.5, 0.9, 0.4, 1.3] * 3 + [0.6] * 3)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from speakcheck_desktop.app import build_services
    from speakcheck_desktop.config import load_settings
    from speakcheck_desktop.core.mock_format import PartKind
    from speakcheck_desktop.core.records import SCORE_KEYS
    from speakcheck_desktop.core.rubric import band_of
    from speakcheck_desktop.core.test_plan import FormatKind
    from speakcheck_desktop.resources import load_mock_tests
    from speakcheck_desktop.ui.exam_phase import Phase
    from speakcheck_desktop.ui.main_window import MainWindow

    # The app's bank, "Working life" shortened but for its long turn, which stays as it is.
    quick = quick_mock_bank(tmp / "quick.json", mock_id=TAKEN)
    data = json.loads(quick.read_text(encoding="utf-8"))
    [real] = [t for t in load_mock_tests() if t.id == TAKEN]
    [long_turn] = [p for p in real.parts if p.kind is PartKind.LONG_TURN]
    for part in data["mock_tests"][0]["parts"]:
        if part["kind"] == "long_turn":
            for question, original in zip(part["questions"], long_turn.questions, strict=True):
                question["prep_s"], question["speak_s"] = original.prep_s, original.speak_s
        else:  # 10 s: the evidence gate asks for 5 s of speech, which every answer below has
            for question in part["questions"]:
                question["speak_s"] = 10
    quick.write_text(json.dumps(data), encoding="utf-8")
    mock_tests = [t for t in load_mock_tests() if t.id != TAKEN] + load_mock_tests(quick)

    # Each part scored differently, so the overall result shows the parts weighed together.
    part_scores = {PartKind.INTERVIEW: 5.0, PartKind.LONG_TURN: 7.0, PartKind.DISCUSSION: 6.5}

    def reply(part: PartKind):
        value = part_scores[part]
        return chat_reply({**GOOD, "overall_level": band_of(value).value, "scores": dict.fromkeys(SCORE_KEYS, value)})

    app = QApplication([])  # noqa: F841 - must live as long as the window
    services = build_services(load_settings(), api_key="sk-demo", retry_s=2, sync_backoff_cap_s=2,
                              mock_tests=mock_tests)
    window = MainWindow(services)
    window.resize(1360, 860)
    window.show()
    services.start()
    flow, card, history = window.flow, window.task_card, window.history

    def wait(condition, timeout=60.0):
        wait_for(condition, timeout, lambda: f"phase {window.phase}, {window.ai_label.text()}, "
                                             f"{window.sync_label.text()}, {window.scores.message.text()!r}, "
                                             f"{card.progress.text()!r}")

    def shot(name):
        screenshot(window, OUT / f"{name}.png")

    def speak(answer):
        player = mic.play(answer.path)
        wait_for(lambda: player.poll() is not None, 120)
        QTest.qWait(300)

    def seconds_left() -> int:
        minutes, _, seconds = window.panel.clock.text().partition(":")
        return int(minutes) * 60 + int(seconds) if minutes.isdigit() and seconds.isdigit() else 0

    def mock_on_card(wanted) -> None:
        """A B2 mock test on the task card that `wanted(id)` accepts ("Another test" until then)."""
        wait(lambda: card.plan is not None and card.plan.kind is FormatKind.MOCK and card.plan.level.value == "B2")
        while not wanted(card.plan.format_id):
            shown = card.plan.format_id
            QTest.mouseClick(card.another, Qt.LeftButton)
            wait(lambda s=shown: card.plan is not None and card.plan.format_id != s)

    OUT.mkdir(parents=True, exist_ok=True)

    # 17: B2, "Mock test" (what the window opens on): one of the bank's own B2 tests.
    window.levels.set_level("B2")
    mock_on_card(lambda test_id: test_id != TAKEN)
    wait(lambda: window.sync_label.text() == "Sync: up to date")
    shot("17-mock-choose")

    # A quick practice first, for the history: B1, its answer assessed B1.
    window.formats.set_format(FormatKind.PRACTICE)
    window.levels.set_level("B1")
    wait(lambda: card.plan is None and card.task is not None and card.task.level.value == "B1")
    ai.script(TRANSCRIPTIONS, practice.transcription())
    ai.script(CHAT, chat_reply(GOOD))
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    wait(lambda: window.phase is Phase.PREPARING)
    QTest.mouseClick(window.panel.record, Qt.LeftButton)
    wait(lambda: window.phase is Phase.RECORDING)
    speak(practice)
    QTest.keyClick(window, Qt.Key_Space)
    wait(lambda: window.scores.level.text() == "B1")
    QTest.mouseClick(window.panel.finish, Qt.LeftButton)
    wait(lambda: window.phase is Phase.IDLE)

    # The mock test: B2 "Working life", ten questions in three parts.
    window.formats.set_format(FormatKind.MOCK)
    window.levels.set_level("B2")
    mock_on_card(lambda test_id: test_id == TAKEN)
    ai.script(TRANSCRIPTIONS, *[a.transcription() for a in answers])
    chats = [reply(s.part) for s in card.plan.steps]
    chats[4].delay_s = 10.0  # the interview's last answer is still being assessed when the long turn begins
    ai.script(CHAT, *chats)
    QTest.mouseClick(window.panel.start, Qt.LeftButton)
    for index, answer in enumerate(answers):
        wait(lambda i=index: flow.phase in (Phase.PREPARING, Phase.RECORDING) and flow.test is not None
             and flow.test.current.index == i)
        if flow.test.current.part is PartKind.LONG_TURN:
            # 18: the long turn while the person prepares, its countdown under way.
            wait(lambda: flow.phase is Phase.PREPARING and 0 < seconds_left() <= 57)
            shot("18-mock-long-turn")
        if flow.phase is Phase.PREPARING:
            QTest.mouseClick(window.panel.record, Qt.LeftButton)  # "Record now" (or Space)
        wait(lambda: flow.phase is Phase.RECORDING)
        speak(answer)
        QTest.keyClick(window, Qt.Key_Space)
        wait(lambda: flow.phase is Phase.SAVED)
        QTest.mouseClick(window.panel.finish if flow.test.is_last else window.panel.next, Qt.LeftButton)

    # 19: the overall result, once every answer is assessed.
    wait(lambda: window.phase is Phase.IDLE and window.scores.rationale.text().startswith("Interview:"), timeout=120)
    # ... and the history has caught up with it (it reloads after each write, a moment later).
    wait(lambda: not history.model.loading and any(
        history.model.view_at(i).cells[-1] not in ("\u2014", "waiting") for i in range(history.model.rowCount())
        if history.model.view_at(i).kind is FormatKind.MOCK))
    if window.scores.rationale.text() != "Interview: B1 \u00b7 Long turn: B2 \u00b7 Discussion: B2":
        print("unexpected part levels:", window.scores.rationale.text())
    shot("19-mock-overall")

    # 20: the history, the mock test opened onto its parts and selected; the window a little
    # wider, so that the dock shows the tests' names whole.
    window.resize(1600, 860)
    window.resizeDocks([history], [660], Qt.Horizontal)
    wait(lambda: history.model.rowCount() == 2 and not history.model.loading)
    [row] = [i for i in range(history.model.rowCount()) if history.model.view_at(i).kind is FormatKind.MOCK]
    history.table.expand(history.model.index(row, 0))
    history.table.selectRow(row)
    wait(lambda: window.sync_label.text() == "Sync: up to date", timeout=30)
    shot("20-mock-history")

    window.close()
    services.shutdown()
    rig.stop()


if __name__ == "__main__":
    main()
