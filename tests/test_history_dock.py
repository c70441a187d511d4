"""The history dock's model fetches a page at a time, off the GUI thread, as the list scrolls; a
test of parts opens onto a row per part, and a mock test's part can be retaken from it."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from speakcheck_desktop.core.mock_format import PART_ORDER, PartKind
from speakcheck_desktop.core.overall_result import AnswerEvidence, overall_result
from speakcheck_desktop.core.records import SCORE_KEYS, Level
from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.core.test_plan import mock_plan, part_plan
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.history_dock import PAGE, HistoryDock
from tests.factories import complete_session


def test_a_long_history_loads_page_by_page_and_filters(qtbot, data_dir, clock):
    path = data_dir / "speakcheck.db"
    with LocalStore.open(path, clock=clock) as store:
        store._conn.execute("PRAGMA synchronous=OFF")  # building the fixture, not measuring it
        for i in range(1050):
            session = store.start_session(("A2", "B1", "B2", "C1")[i % 4])
            if i % 3 == 0:
                store.end_session(session.id)
            clock.wall += timedelta(minutes=1)
    service = SessionService(LocalStore.open(path), LocalStore.open(path), TaskBank.load(resource_path("tasks.json")),
                             lambda store: None)
    dock = HistoryDock(service)
    qtbot.addWidget(dock)
    dock.show()
    try:
        dock.reload()
        qtbot.waitUntil(lambda: dock.model.rowCount() == PAGE)
        first = dock.model.rows[0].session
        dock.reload()  # as after every change: the rows on screen stay until the new first page is here
        assert dock.model.rowCount() == PAGE and dock.model.loading
        qtbot.waitUntil(lambda: not dock.model.loading)
        assert dock.model.rowCount() == PAGE and dock.model.rows[0].session == first
        assert first.started_at == max(r.session.started_at for r in dock.model.rows)  # newest first
        qtbot.wait(300)  # laid out and painted: the tree fetches no more pages by itself...
        assert dock.model.rowCount() == PAGE and not dock.model.loading
        dock.table.scrollToBottom()  # ...scrolling to the end does, one page
        qtbot.waitUntil(lambda: dock.model.rowCount() == 2 * PAGE and not dock.model.loading)
        while dock.model.canFetchMore():
            dock.table.scrollToBottom()
            dock.model.fetchMore()
            qtbot.waitUntil(lambda: not dock.model.loading)
        assert dock.model.rowCount() == 1050
        assert len({r.session.id for r in dock.model.rows}) == 1050
        dock.table.selectRow(500)
        chosen = dock.selected().session.id
        dock.reload()  # after a change: the place scrolled to and the selection stay
        qtbot.waitUntil(lambda: not dock.model.loading)
        assert dock.model.rowCount() == 1050 and dock.selected().session.id == chosen

        dock.level_filter.setCurrentIndex(dock.level_filter.findData("C1"))
        dock.status_filter.setCurrentIndex(dock.status_filter.findData("completed"))
        c1_completed = sum(1 for i in range(1050) if i % 4 == 3 and i % 3 == 0)  # 88: one page
        qtbot.waitUntil(lambda: dock.model.rowCount() == c1_completed and not dock.model.loading)
        assert all(r.session.level.value == "C1" and r.session.status.value == "completed" for r in dock.model.rows)
        dock.table.selectRow(0)
        assert dock.open_button.isEnabled() and not dock.resume_button.isEnabled()
    finally:
        service.shutdown()


# -- tests of parts: a row per part, its result, and retaking a part --------------------------------

B2_SCORES = dict.fromkeys(SCORE_KEYS, 7.0)


@pytest.fixture
def mock_test():
    return next(t for t in load_mock_tests() if t.level is Level.B2)


@pytest.fixture
def open_dock(qtbot, data_dir):
    """`open_dock()`: a history dock over the test's store, loaded; its services stop at the end."""
    services = []

    def start():
        path = data_dir / "speakcheck.db"
        services.append(SessionService(LocalStore.open(path), LocalStore.open(path),
                                       TaskBank.load(resource_path("tasks.json")), lambda store: None))
        dock = HistoryDock(services[-1])
        qtbot.addWidget(dock)
        dock.show()
        reload(qtbot, dock)
        return dock
    yield start
    for service in services:
        service.shutdown()


def reload(qtbot, dock):
    dock.reload()
    qtbot.waitUntil(lambda: not dock.model.loading)


def answers(test, kind, scores):
    """Evidence for every question of one part of `test`, each spoken for its full time."""
    part = next(p for p in test.parts if p.kind is kind)
    return [AnswerEvidence(part=kind, speaking_time_s=q.speak_s, scores=scores, confidence=0.8)
            for q in part.questions]


def take_mock(store, clock, test, *answered, end=True):
    """A mock test session; with `answered` (answers' evidence), its overall result recorded."""
    session = store.start_session(test.level, metadata=mock_plan(test).to_metadata())
    if end:
        store.end_session(session.id)
    if answered:
        evidence = [a for part in answered for a in part]
        overall = overall_result(PART_ORDER, evidence, questions=sum(len(p.questions) for p in test.parts))
        store.record_overall(session.id, overall.to_metadata())
    clock.advance(60)
    return session


def row_of(dock, session_id):
    return next(i for i, r in enumerate(dock.model.rows) if r.session.id == session_id)


def cells(dock, row, parent=None):
    """The row's columns as shown (a part's row, under `parent`, when given)."""
    model = dock.model
    base = model.index(parent, 0) if parent is not None else QModelIndex()
    return [model.index(row, column, base).data() for column in range(model.columnCount())]


def parts_of(dock, row):
    parent = dock.model.index(row, 0)
    return [cells(dock, part, row)[2:] for part in range(dock.model.rowCount(parent))]


def test_a_test_of_parts_shows_its_overall_result_and_a_row_per_part(open_dock, store, clock, mock_test):
    title = mock_test.title
    b2 = take_mock(store, clock, mock_test, answers(mock_test, PartKind.INTERVIEW, B2_SCORES),
                   answers(mock_test, PartKind.LONG_TURN, B2_SCORES))
    # The long turn's answer had too little evidence: one part assessed gives no overall level.
    thin = take_mock(store, clock, mock_test, answers(mock_test, PartKind.INTERVIEW, B2_SCORES),
                     answers(mock_test, PartKind.LONG_TURN, None))
    waiting = take_mock(store, clock, mock_test)
    active = take_mock(store, clock, mock_test, end=False)
    retake = store.start_session("B2", metadata=part_plan(mock_test, PartKind.LONG_TURN,
                                                          retake_of=str(b2.id)).to_metadata())
    practice, *_ = complete_session(store, "B1")
    dock = open_dock()
    assert dock.model.COLUMNS == ("Date", "Level", "Test", "Status", "Result")

    row = row_of(dock, b2.id)
    assert cells(dock, row)[1:] == ["B2", f"Mock test \u00b7 {title}", "completed", "B2"]
    assert parts_of(dock, row) == [["Part 1 \u00b7 Interview", "5 of 5 answered", "B2"],
                                   ["Part 2 \u00b7 Long turn", "1 of 1 answered", "B2"],
                                   ["Part 3 \u00b7 Discussion", "0 of 4 answered", "not answered"]]
    row = row_of(dock, thin.id)
    assert cells(dock, row)[1:] == ["B2", f"Mock test \u00b7 {title}", "completed", "not enough evidence"]
    assert parts_of(dock, row) == [["Part 1 \u00b7 Interview", "5 of 5 answered", "B2"],
                                   ["Part 2 \u00b7 Long turn", "1 of 1 answered", "not enough evidence"],
                                   ["Part 3 \u00b7 Discussion", "0 of 4 answered", "not answered"]]
    # No overall result yet: the parts show their questions, and no result.
    row = row_of(dock, waiting.id)
    assert cells(dock, row)[2:] == [f"Mock test \u00b7 {title}", "completed", "waiting"]
    assert parts_of(dock, row) == [["Part 1 \u00b7 Interview", "5 questions", ""],
                                   ["Part 2 \u00b7 Long turn", "1 question", ""],
                                   ["Part 3 \u00b7 Discussion", "4 questions", ""]]
    assert cells(dock, row_of(dock, active.id))[3:] == ["active", "\u2014"]
    # A retake is a session of one part, numbered as in the test it retakes.
    row = row_of(dock, retake.id)
    assert cells(dock, row)[2:] == [f"Long turn retake \u00b7 {title}", "active", "\u2014"]
    assert parts_of(dock, row) == [["Part 2 \u00b7 Long turn", "1 question", ""]]
    # Quick practice: its newest evaluation's level, and no parts.
    row = row_of(dock, practice.id)
    assert cells(dock, row)[1:] == ["B1", "Quick practice", "completed", "B1"]
    assert dock.model.rowCount(dock.model.index(row, 0)) == 0
    assert not dock.model.hasChildren(dock.model.index(row, 0))


def test_a_part_row_stands_for_its_test(qtbot, open_dock, store, clock, mock_test):
    taken = take_mock(store, clock, mock_test, answers(mock_test, PartKind.INTERVIEW, B2_SCORES),
                      answers(mock_test, PartKind.LONG_TURN, B2_SCORES))
    complete_session(store, "B1")  # newer: the test is the second row
    dock = open_dock()
    row = row_of(dock, taken.id)
    assert row == 1
    test_row = dock.model.index(row, 0)
    dock.table.expand(test_row)
    long_turn = dock.model.index(1, 0, test_row)
    dock.table.setCurrentIndex(long_turn)
    assert dock.selected().session.id == taken.id
    assert dock.open_button.isEnabled() and not dock.resume_button.isEnabled()
    with qtbot.waitSignal(dock.open_requested) as opened:
        qtbot.mouseClick(dock.open_button, Qt.LeftButton)
    assert opened.args[0].session.id == taken.id
    # A double click on a part's row opens its test too (and leaves the tree as it was).
    discussion = dock.table.visualRect(dock.model.index(2, 0, test_row)).center()
    with qtbot.waitSignal(dock.open_requested) as opened:
        # As a person's double click comes: a click, then a second press that is a double click.
        qtbot.mouseClick(dock.table.viewport(), Qt.LeftButton, pos=discussion)
        qtbot.mouseDClick(dock.table.viewport(), Qt.LeftButton, pos=discussion)
    assert opened.args[0].session.id == taken.id and dock.table.isExpanded(test_row)


def test_retake_a_part_offers_the_parts_of_a_finished_mock_test(qtbot, open_dock, store, clock, mock_test):
    taken = take_mock(store, clock, mock_test, answers(mock_test, PartKind.INTERVIEW, B2_SCORES),
                      answers(mock_test, PartKind.LONG_TURN, B2_SCORES))
    active = take_mock(store, clock, mock_test, end=False)
    part = store.start_session("B2", metadata=part_plan(mock_test, PartKind.DISCUSSION).to_metadata())
    store.end_session(part.id)
    practice, *_ = complete_session(store, "B2")
    dock = open_dock()
    assert dock.retake_button.accessibleName() and dock.retake_menu.accessibleName()
    assert dock.retake_button.menu() is dock.retake_menu
    assert not dock.retake_button.isEnabled()  # nothing selected

    dock.table.selectRow(row_of(dock, taken.id))
    assert dock.retake_button.isEnabled()
    assert [a.text() for a in dock.retake_menu.actions()] == ["Interview", "Long turn", "Discussion"]
    with qtbot.waitSignal(dock.retake_requested) as retake:
        next(a for a in dock.retake_menu.actions() if a.text() == "Long turn").trigger()
    assert retake.args[0].session.id == taken.id and retake.args[1] is PartKind.LONG_TURN
    # From one of its parts' rows, the same test and all its parts.
    dock.table.setCurrentIndex(dock.model.index(0, 0, dock.model.index(row_of(dock, taken.id), 0)))
    with qtbot.waitSignal(dock.retake_requested) as retake:
        dock.retake_menu.actions()[2].trigger()
    assert retake.args[0].session.id == taken.id and retake.args[1] is PartKind.DISCUSSION

    # A test still under way, a part practised on its own, quick practice: nothing to retake.
    for session in (active, part, practice):
        dock.table.selectRow(row_of(dock, session.id))
        assert dock.selected().session.id == session.id
        assert not dock.retake_button.isEnabled() and dock.retake_menu.actions() == []
    assert dock.resume_button.isEnabled() is False  # the last selected, practice, has ended


def test_a_reload_keeps_the_selected_session_its_open_parts_and_shows_new_results(
        qtbot, open_dock, store, clock, mock_test):
    waiting = take_mock(store, clock, mock_test)
    other = take_mock(store, clock, mock_test)
    dock = open_dock()
    row = row_of(dock, waiting.id)
    dock.table.expand(dock.model.index(row, 0))
    dock.table.setCurrentIndex(dock.model.index(1, 0, dock.model.index(row, 0)))  # its long turn
    assert cells(dock, row)[4] == "waiting"

    # Its result comes, and a newer session moves every row down one.
    overall = overall_result(PART_ORDER, answers(mock_test, PartKind.INTERVIEW, B2_SCORES)
                             + answers(mock_test, PartKind.LONG_TURN, B2_SCORES), questions=10)
    store.record_overall(waiting.id, overall.to_metadata())
    complete_session(store, "B1")
    reload(qtbot, dock)
    assert row_of(dock, waiting.id) == row + 1
    row += 1
    assert cells(dock, row)[4] == "B2"
    assert parts_of(dock, row)[1] == ["Part 2 \u00b7 Long turn", "1 of 1 answered", "B2"]
    assert dock.table.isExpanded(dock.model.index(row, 0))
    assert not dock.table.isExpanded(dock.model.index(row_of(dock, other.id), 0))
    selected = dock.table.selectionModel().selectedRows()
    assert [(i.row(), i.parent().row()) for i in selected] == [(1, row)]
    assert dock.selected().session.id == waiting.id

    # Closed again and its own row selected: after a reload, that row.
    dock.table.collapse(dock.model.index(row, 0))
    dock.table.selectRow(row_of(dock, other.id))
    reload(qtbot, dock)
    assert dock.selected().session.id == other.id
    assert not dock.table.isExpanded(dock.model.index(row_of(dock, waiting.id), 0))
