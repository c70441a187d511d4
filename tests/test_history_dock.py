"""The history dock's model fetches a page at a time, off the GUI thread, as the list scrolls."""

from datetime import timedelta

from speakcheck_desktop.core.task_bank import TaskBank
from speakcheck_desktop.resources import resource_path
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.store.local_store import LocalStore
from speakcheck_desktop.ui.history_dock import PAGE, HistoryDock


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
