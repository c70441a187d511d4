"""The history dock: past sessions newest first, filtered by level and status, fetched a page at
a time as the list scrolls (smooth with tens of thousands of sessions)."""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.store.views import PageCursor, SessionPage, SessionSummary

PAGE = 100


class HistoryModel(QAbstractTableModel):
    COLUMNS = ("Date", "Level", "Status", "Result")

    def __init__(self, service: SessionService, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self.rows: list[SessionSummary] = []
        self._cursor: PageCursor | None = None
        self._exhausted = False
        self._fetching = False
        self._generation = 0
        self.level: str | None = None
        self.status: str | None = None

    def reload(self, level: str | None = None, status: str | None = None) -> None:
        """The list again from the top. The rows on screen stay until the new ones are here, and as
        many come as were loaded (with the same filters): the history reloads after every change,
        and must neither blink empty nor lose the place the person scrolled to."""
        same_filters = (level, status) == (self.level, self.status)
        self.level, self.status = level, status
        self._generation += 1
        self._fetching = True
        generation = self._generation
        self._service.list_sessions(lambda page: self._replace(generation, page), level=level, status=status,
                                    after=None, limit=max(PAGE, len(self.rows)) if same_filters else PAGE)

    @property
    def loading(self) -> bool:
        """A page is on its way from the store."""
        return self._fetching

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.UserRole:
            return item
        if role == Qt.DisplayRole:
            session = item.session
            return (session.started_at.astimezone().strftime("%d %b %Y, %H:%M"), session.level.value,
                    session.status.value, item.result_level.value if item.result_level else "\u2014")[index.column()]
        return None

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._service.list_sessions(lambda page: self._add_page(generation, page), level=self.level,
                                    status=self.status, after=self._cursor, limit=PAGE)

    def _replace(self, generation: int, page: SessionPage) -> None:
        if generation != self._generation:
            return  # another reload came in between
        self.beginResetModel()
        self.rows = list(page.items)
        self._cursor, self._exhausted, self._fetching = page.next_cursor, page.next_cursor is None, False
        self.endResetModel()

    def _add_page(self, generation: int, page: SessionPage) -> None:
        if generation != self._generation:
            return  # a reload came in between: this page belongs to the old list
        self._fetching = False
        if page.items:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.items) - 1)
            self.rows.extend(page.items)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None


class HistoryDock(QDockWidget):
    open_requested = Signal(object)  # SessionSummary
    resume_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, service: SessionService, parent: QWidget | None = None):
        super().__init__("History", parent)
        self.setObjectName("historyDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        filters = QHBoxLayout()
        self.level_filter = QComboBox()
        self.level_filter.setAccessibleName("Filter by level")
        self.level_filter.addItem("All levels", None)
        for level in Level:
            self.level_filter.addItem(level.value, level.value)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("Any status", None)
        for status in SessionStatus:
            self.status_filter.addItem(status.value.capitalize(), status.value)
        filters.addWidget(self.level_filter)
        filters.addWidget(self.status_filter)
        self.model = HistoryModel(service, self)
        self.table = QTableView()
        self.table.setAccessibleName("Past sessions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(340)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda index: self._emit(self.open_requested))
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open")
        self.resume_button = QPushButton("Resume")
        self.delete_button = QPushButton("Delete\u2026")
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.resume_button.clicked.connect(lambda: self._emit(self.resume_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        for button in (self.open_button, self.resume_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.level_filter.currentIndexChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._selected_id: ObjectId | None = None  # kept across a reload
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def reload(self) -> None:
        self.model.reload(self.level_filter.currentData(), self.status_filter.currentData())

    def _remember_selection(self) -> None:
        item = self.selected()
        self._selected_id = item.session.id if item else None

    def _restore_selection(self) -> None:
        """The session the person had selected stays selected across a reload (if still listed)."""
        row = next((i for i, r in enumerate(self.model.rows) if r.session.id == self._selected_id), None)
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> SessionSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _emit(self, signal: Signal) -> None:
        item = self.selected()
        if item is not None:
            signal.emit(item)

    def _update_buttons(self) -> None:
        item = self.selected()
        self.open_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)
        self.resume_button.setEnabled(item is not None and item.session.status is SessionStatus.ACTIVE)
