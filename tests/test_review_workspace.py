"""The Review workspace through the real windows (pytest-qt): accept, override with a reason, blind
double marking, agreement; and on a kiosk, a low-confidence result routed to "under review" and
released by an examiner behind the operator PIN."""

from __future__ import annotations

import random
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from speakcheck_desktop.core.audit_chain import verify_chain
from speakcheck_desktop.core.records import SCORE_KEYS, EventType, Level
from speakcheck_desktop.core.review import ReviewState
from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
from speakcheck_desktop.remote.outbox_relay import OutboxRelay
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.store.reviews import review_state
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.kiosk_window import KioskWindow
from tests.answers import GOOD, SENTENCES, make_answer
from tests.factories import SCORES, complete_session
from tests.fake_openai import CHAT, TRANSCRIPTIONS, chat_reply
from tests.test_kiosk import PIN, PIN_HASH, Ticker, check_in


def open_workspace(qtbot, window):
    window.open_review()
    workspace = window.review
    qtbot.waitUntil(lambda: workspace.queue_note.text() not in ("", "Loading\u2026"))
    return workspace


def choose(qtbot, workspace, row):
    workspace.table.selectRow(row)
    qtbot.waitUntil(lambda: workspace.subject is not None
                    and workspace.subject.item is workspace.items[row] and workspace.rating_box.isEnabled())


def read(label) -> str:
    """A label's text as a person reads it (rich text rendered to plain)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def stored(app_env, session_id):
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        return store.get_session_detail(session_id)


def test_examiners_accept_override_and_double_mark_blind_in_the_window(qtbot, app_env, running):
    with LocalStore.open(app_env / "data" / "speakcheck.db") as store:
        complete_session(store, "B1")
        unsure = complete_session(store, "B2", end=False)
        store.add_evaluation(unsure[2].id, "B2", 0.35, dict(SCORES), "Hard to hear.", [])
        store.end_session(unsure[0].id)
    app = running(sync=False)
    window = app.window
    workspace = open_workspace(qtbot, window)
    assert workspace.queue_note.text() == "2 answers to review."
    assert [workspace.table.item(r, 4).text() for r in range(2)] == ["35%", "72%"]  # lowest confidence first

    # Override without a reason: a sentence, nothing stored.
    choose(qtbot, workspace, 0)
    assert workspace.scores.level.text() == "B2" and workspace.own_level.currentText() == "B2"
    qtbot.keyClicks(workspace.examiner, "Ana Ruiz")
    workspace.own_level.setCurrentText("B1")
    workspace.own_scores["fluency"].setValue(4.0)
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)
    assert workspace.message.text().startswith("Say why you give a different result")
    qtbot.keyClicks(workspace.reason, "Long pauses; simple sentences only.")
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "1 answer to review.")
    assert workspace.message.text().startswith("Saved. Examiner Ana Ruiz gave this result on ")

    # Accept the other.
    choose(qtbot, workspace, 0)
    qtbot.mouseClick(workspace.accept_ai, Qt.LeftButton)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "Nothing to review.")

    # Blind second marking: the AI's and the first examiner's results are hidden.
    workspace.role.setCurrentIndex(1)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "2 answers to review.")
    assert {workspace.table.item(r, 3).text() for r in range(2)} == {"hidden"}
    assert {workspace.table.item(r, 4).text() for r in range(2)} == {""}
    choose(qtbot, workspace, 0)
    assert not workspace.accept_ai.isVisible()
    assert workspace.scores.level.text() == "\u2014" and not workspace.scores.chart.isVisible()
    assert "Blind marking" in workspace.scores.message.text()
    # Nothing of the AI's figures is left in the form: no level, no score until the examiner gives them.
    assert workspace.own_level.currentIndex() == -1
    assert {box.text() for box in workspace.own_scores.values()} == {"\u2013"}
    qtbot.keyClicks(workspace.examiner, "x")
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)
    assert workspace.message.text() == "Choose a level."
    workspace.own_level.setCurrentText("C1")
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)
    assert workspace.message.text().startswith("Give all five sub-scores (missing: fluency, accuracy")
    workspace.examiner.clear()
    qtbot.keyClicks(workspace.examiner, "Li Wei")
    workspace.own_level.setCurrentText("C1")
    for box in workspace.own_scores.values():
        box.setValue(8.5)
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)  # no reason needed when blind
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "1 answer to review.")

    # The store: the AI's evaluations unchanged, each review in the chain, the result shown the first examiner's.
    detail = stored(app_env, unsure[0].id)
    ai = [e for e in detail.evaluations if e.confidence < 1]
    assert [(e.overall_level, e.confidence) for e in ai] == [(Level.B2, 0.72), (Level.B2, 0.35)]
    reviews = [e.payload for e in detail.events if e.type is EventType.REVIEW]
    assert [(r["examiner"], r["role"], r["decision"]) for r in reviews] == [("Ana Ruiz", "first", "own"),
                                                                           ("Li Wei", "second", "own")]
    assert reviews[0]["reason"] == "Long pauses; simple sentences only."
    assert verify_chain(unsure[0].id, [e.to_document() for e in detail.events], detail.session.to_document()).intact
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2 and not window.history.model.loading)
    window.open_session(unsure[0].id)
    qtbot.waitUntil(lambda: window.scores.level.text() == "B1")  # the examiner's, not the blind C1
    assert window.scores.confidence.text() == "Examiner's result"
    assert "Examiner Ana Ruiz gave this result" in read(window.scores.message)
    assert "The AI's evaluation: B2." in read(window.scores.message)
    assert window.scores.chart.scores["fluency"] == 4.0

    qtbot.mouseClick(workspace.compute, Qt.LeftButton)
    qtbot.waitUntil(lambda: "QWK on the level" in workspace.agreement.toPlainText())
    assert "too few to judge" in workspace.agreement.toPlainText()


def take_a_practice_task(qtbot, window, virtual_mic, answer, candidate):
    check_in(qtbot, window, candidate)
    qtbot.waitUntil(lambda: window.flow.phase is Phase.RECORDING, timeout=15000)
    virtual_mic.play(answer.path).wait()
    time.sleep(0.3)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.flow.phase is Phase.SAVED, timeout=15000)
    qtbot.mouseClick(window.panel.finish, Qt.LeftButton)


def held_kiosk(running, **config):
    settings = KioskConfig(operator_pin=PIN_HASH, format="practice", level=Level.A2, show_result=ShowResult.SCORES,
                           review_below=0.99, **config)
    ticker = Ticker()
    return running(api_key="sk-kiosk", sync=False, kiosk=settings,
                   window=lambda services: KioskWindow(services, settings, monotonic=ticker)).window


def test_a_result_assessed_after_the_candidate_left_is_held_too(qtbot, app_env, running, virtual_mic, fake_openai,
                                                                monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    answer = make_answer(tmp_path, SENTENCES + SENTENCES[:2], [0.3] * 9)
    fake_openai.script(TRANSCRIPTIONS, answer.transcription())
    slow = chat_reply(GOOD)
    slow.delay_s = 4.0  # the evaluation comes after the candidate pressed "Next candidate"
    fake_openai.script(CHAT, slow)
    window = held_kiosk(running)
    take_a_practice_task(qtbot, window, virtual_mic, answer, "CAND-6")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.done_page)
    session_id = window.visit.session_id
    qtbot.mouseClick(window.done_page.next, Qt.LeftButton)
    assert window.visit is None
    qtbot.waitUntil(lambda: len(stored(app_env, session_id).evaluations) == 1, timeout=30000)
    qtbot.waitUntil(lambda: review_state(stored(app_env, session_id)) is ReviewState.HELD, timeout=5000)


def test_a_kiosk_holds_a_low_confidence_result_under_review_until_an_examiner_rates_it(
        qtbot, app_env, running, virtual_mic, fake_openai, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    answer = make_answer(tmp_path, SENTENCES + SENTENCES[:2], [0.3] * 9)
    fake_openai.script(TRANSCRIPTIONS, answer.transcription())
    fake_openai.script(CHAT, chat_reply(GOOD))
    window = held_kiosk(running)
    take_a_practice_task(qtbot, window, virtual_mic, answer, "CAND-5")
    qtbot.waitUntil(lambda: window.visit is not None and window.visit.held, timeout=30000)
    page = window.done_page
    assert page.detail.text().startswith("Your result is under review")
    assert not page.scores.isVisible() and "B1" not in page.detail.text()
    session_id = window.visit.session_id
    qtbot.waitUntil(lambda: review_state(stored(app_env, session_id)) is ReviewState.HELD)
    qtbot.mouseClick(page.next, Qt.LeftButton)

    # The operator opens the Review workspace behind the PIN; the held answer is first.
    qtbot.mouseClick(window.operator, Qt.LeftButton)
    qtbot.keyClicks(window.pin_dialog.pin, PIN)
    qtbot.keyClick(window.pin_dialog.pin, Qt.Key_Return)
    qtbot.mouseClick(window.operator_panel.review, Qt.LeftButton)
    workspace = window.review
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "1 answer to review.")
    assert workspace.table.item(0, 5).text() == "held: under review"
    assert workspace.table.item(0, 1).text() == "CAND-5"
    choose(qtbot, workspace, 0)
    qtbot.keyClicks(workspace.examiner, "Ana Ruiz")
    workspace.own_level.setCurrentText("A2")
    qtbot.keyClicks(workspace.reason, "Mostly memorised phrases.")
    qtbot.mouseClick(workspace.save_own, Qt.LeftButton)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "Nothing to review.")

    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.check_in_page)
    window.reset()  # the next candidate: nothing of the examiners' work is left on screen
    assert not workspace.isVisible()
    detail = stored(app_env, session_id)
    assert review_state(detail) is ReviewState.REVIEWED  # released
    held = next(e for e in detail.events if e.type is EventType.REVIEW_HELD)
    assert held.payload["below"] == 0.99 and held.payload["confidence"] < 0.99
    mine = [e for e in detail.evaluations if e.confidence == 1.0]
    assert [e.overall_level for e in mine] == [Level.A2] and set(mine[0].scores) == set(SCORE_KEYS)


def test_a_staff_computer_fetches_the_centres_sessions_from_mongodb_and_its_reviews_go_back(
        qtbot, app_env, running, mirror, mongo_uri, mongo_db, clock, monkeypatch):
    # A kiosk's two finished sessions, one of another centre, in MongoDB.
    with LocalStore.open(app_env / "kiosk.db", clock=clock) as kiosk:
        ours = complete_session(kiosk, "B1", metadata={"centre": "Riverside", "candidate_id": "CAND-9"})[0]
        complete_session(kiosk, "B2", metadata={"centre": "Hillside", "candidate_id": "CAND-1"})
        # Ended, but its answer not transcribed yet: its kiosk still writes to it, so it stays there.
        pending = kiosk.start_session("B1", metadata={"centre": "Riverside", "candidate_id": "CAND-10"})
        kiosk.add_recording(pending.id, "/kiosk/pending.flac", duration_s=40.0)
        kiosk.end_session(pending.id)
        OutboxRelay(kiosk, mirror, clock=clock, rng=random.Random(1)).run_pass()
    assert mongo_db.sessions.count_documents({}) == 3

    monkeypatch.setenv("MONGODB_URI", mongo_uri)
    monkeypatch.setenv("MONGODB_DB", mongo_db.name)
    app = running()
    workspace = open_workspace(qtbot, app.window)
    assert workspace.queue_note.text() == "Nothing to review."
    qtbot.keyClicks(workspace.centre, "Riverside")
    qtbot.mouseClick(workspace.fetch, Qt.LeftButton)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "1 answer to review.", timeout=15000)
    assert workspace.message.text() == ("Copied 1 session(s) from MongoDB. 1 more session is still being assessed "
                                        "on its kiosk: fetch again later.")
    assert workspace.table.item(0, 1).text() == "CAND-9"
    choose(qtbot, workspace, 0)
    qtbot.keyClicks(workspace.examiner, "Ana Ruiz")
    qtbot.mouseClick(workspace.accept_ai, Qt.LeftButton)
    qtbot.waitUntil(lambda: workspace.queue_note.text() == "Nothing to review.")
    # The review reaches the centre's MongoDB with the sync: the examiner's evaluation and its event.
    qtbot.waitUntil(lambda: mongo_db.events.count_documents({"type": "review"}) == 1
                    and mongo_db.evaluations.count_documents({}) == 3, timeout=30000)
    review = mongo_db.events.find_one({"type": "review"})
    assert review["session_id"] == ours.id and review["payload"]["examiner"] == "Ana Ruiz"
    events = list(mongo_db.events.find({"session_id": ours.id}))
    assert verify_chain(ours.id, events, mongo_db.sessions.find_one({"_id": ours.id})).intact

    qtbot.mouseClick(workspace.fetch, Qt.LeftButton)  # again: nothing new
    qtbot.waitUntil(lambda: workspace.message.text().startswith("No new finished session in MongoDB matches."),
                    timeout=15000)
