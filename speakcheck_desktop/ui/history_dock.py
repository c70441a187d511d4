"""The history dock: past sessions newest first, filtered by level, status and dates, fetched a page at
a time as the list scrolls (smooth with tens of thousands of sessions). A test of parts (a mock
test, one part practised or retaken) opens onto a row per part, with the part's own result; a
mock test's part can be taken again from here ("Retake a part"), and any session's score report
saved as a PDF ("Save report…")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from bson import ObjectId
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.clock import local_day_start
from speakcheck_desktop.core.mock_format import PART_ORDER, PartKind
from speakcheck_desktop.core.overall_result import OverallResult
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.core.review import ReviewState
from speakcheck_desktop.core.test_plan import FormatKind, TestPlan, plan_from_metadata
from speakcheck_desktop.services.session_service import SessionService
from speakcheck_desktop.store.views import PageCursor, SessionPage, SessionSummary
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.day_edit import day_edit, day_of, set_day

PAGE = 100
NONE_YET = "\u2014"
TOP = 0  # the internal id of a session's row; a part's row holds its session's row + 1


@dataclass(frozen=True)
class HistoryFilter:
    level: str | None = None
    status: str | None = None
    since: datetime | None = None  # started at or after
    before: datetime | None = None  # started before


@dataclass(frozen=True)
class RowView:
    """What a session's row and its parts' rows show, worked out once per load of the row
    (HistoryModel.view_at): painting reads these strings, never the metadata."""
    cells: tuple[str, ...]  # Date, Level, Test, Status, Result
    kind: FormatKind
    parts: tuple[PartKind, ...] = ()  # in the test's order; none for quick practice
    part_cells: tuple[tuple[str, ...], ...] = ()  # a child row per part


def row_view(item: SessionSummary) -> RowView:
    session = item.session
    plan = plan_from_metadata(session.metadata, session.level)
    overall = OverallResult.from_metadata((session.metadata or {}).get("overall"))
    cells = (texts.when(session.started_at), session.level.value, texts.describe(plan),
             texts.status_word(session.status),
             _result_words(item, plan, overall) + _review_words(session.metadata or {}))
    if plan.kind is FormatKind.PRACTICE:
        return RowView(cells=cells, kind=plan.kind)
    return RowView(cells=cells, kind=plan.kind, parts=plan.parts,
                   part_cells=tuple(_part_cells(plan, part, overall) for part in plan.parts))


def has_parts(item: SessionSummary) -> bool:
    """Whether the session is a test of parts (with its parts kept), without reading its plan."""
    metadata = item.session.metadata or {}
    return (metadata.get("format") or {}).get("kind") in (FormatKind.MOCK, FormatKind.PART) \
        and bool(metadata.get("parts"))


def _result_words(item: SessionSummary, plan: TestPlan, overall: OverallResult | None) -> str:
    if plan.kind is FormatKind.PRACTICE:
        return item.result_level.value if item.result_level else NONE_YET
    if overall is not None:
        return overall.level.value if overall.level else texts.translate(texts.NOT_ENOUGH_EVIDENCE)
    # Ended without an overall result: its answers are still being assessed.
    return QCoreApplication.translate("HistoryModel", "waiting") if item.session.status is not SessionStatus.ACTIVE \
        else NONE_YET


def _review_words(metadata: dict) -> str:
    """A result held by the centre's routing rule says so until examiners have rated it."""
    state = (metadata.get("review") or {}).get("state")
    if state == ReviewState.HELD.value:
        return " \u00b7 " + texts.translate(texts.UNDER_REVIEW)
    if state == ReviewState.REVIEWED.value:
        return " \u00b7 " + QCoreApplication.translate("HistoryModel", "reviewed")
    return ""


def _part_cells(plan: TestPlan, part: PartKind, overall: OverallResult | None) -> tuple[str, ...]:
    questions = next(s.of for s in plan.steps if s.part is part)
    result = next((p for p in overall.parts if p.part is part), None) if overall else None
    # Numbered as in the mock test (whose parts always come in this order), so that a part
    # practised on its own is named as it was in the test: "Part 2 · Long turn".
    translate = QCoreApplication.translate
    title = translate("HistoryModel", "Part {number} \u00b7 {part}").format(number=PART_ORDER.index(part) + 1,
                                                                           part=texts.part_title(part))
    if result is None:
        count = translate("HistoryModel", "1 question") if questions == 1 else \
            translate("HistoryModel", "{count} questions").format(count=questions)
        return ("", "", title, count, "")
    return ("", "", title, translate("HistoryModel", "{answered} of {questions} answered").format(
        answered=result.answers, questions=questions), texts.part_words(result.level, result.answers))


class HistoryModel(QAbstractItemModel):
    # English, translated in the header (`headerData`).
    COLUMNS = (QT_TRANSLATE_NOOP("HistoryModel", "Date"), QT_TRANSLATE_NOOP("HistoryModel", "Level"),
               QT_TRANSLATE_NOOP("HistoryModel", "Test"), QT_TRANSLATE_NOOP("HistoryModel", "Status"),
               QT_TRANSLATE_NOOP("HistoryModel", "Result"))

    def __init__(self, service: SessionService, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self.rows: list[SessionSummary] = []
        # Beside `rows`, one for one: what each shows, worked out the first time it is wanted (a
        # row in sight, or selected), then kept until the next reload. A reload comes after every
        # change with all the rows loaded: working out all of them each time would stall a long
        # history, while a screenful costs a few milliseconds.
        self._views: list[RowView | None] = []
        self._cursor: PageCursor | None = None
        self._exhausted = False
        self._fetching = False
        self._generation = 0
        self.laying_out = False  # the tree is laying out: no fetching then (HistoryTree.doItemsLayout)
        self.filters = HistoryFilter()

    def reload(self, filters: HistoryFilter | None = None) -> None:
        """The list again from the top. The rows on screen stay until the new ones are here, and as
        many come as were loaded (with the same filters): the history reloads after every change,
        and must neither blink empty nor lose the place the person scrolled to."""
        filters = filters or HistoryFilter()
        same_filters = filters == self.filters
        self.filters = filters
        self._generation += 1
        self._fetching = True
        generation = self._generation
        self._list(lambda page: self._replace(generation, page), after=None,
                   limit=max(PAGE, len(self.rows)) if same_filters else PAGE)

    def _list(self, on_done: Callable[[SessionPage], None], *, after: PageCursor | None, limit: int) -> None:
        f = self.filters
        self._service.list_sessions(on_done, level=f.level, status=f.status, since=f.since, before=f.before,
                                    after=after, limit=limit)

    @property
    def loading(self) -> bool:
        """A page is on its way from the store."""
        return self._fetching

    def session_row(self, index: QModelIndex) -> int:
        """The row of the session an index belongs to (its own, or its part's parent's)."""
        return index.row() if index.internalId() == TOP else index.internalId() - 1

    def summary(self, index: QModelIndex) -> SessionSummary | None:
        return self.rows[self.session_row(index)] if index.isValid() else None

    def view(self, index: QModelIndex) -> RowView | None:
        return self.view_at(self.session_row(index)) if index.isValid() else None

    def view_at(self, row: int) -> RowView:
        view = self._views[row]
        if view is None:
            view = self._views[row] = row_view(self.rows[row])
        return view

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        # Bounds checked here rather than by hasIndex: the tree asks for every top row as it lays
        # out, and hasIndex would ask back rowCount and columnCount each time.
        if not 0 <= column < len(self.COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP) if row < len(self.rows) else QModelIndex()
        if parent.internalId() != TOP or row >= len(self.view_at(parent.row()).part_cells):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: QModelIndex) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() != TOP or parent.column() != 0:
            return 0  # a part's row has none; only the first column holds a session's parts
        return len(self.view_at(parent.row()).part_cells)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        # The tree asks this of every top row as it lays out: answered from the metadata's format
        # alone, so that only the rows in sight are worked out in full (`view_at`).
        if not parent.isValid():
            return bool(self.rows)
        if parent.internalId() != TOP or parent.column() != 0:
            return False
        view = self._views[parent.row()]
        return bool(view.part_cells) if view is not None else has_parts(self.rows[parent.row()])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.UserRole:
            return self.summary(index)
        if role in (Qt.DisplayRole, Qt.ToolTipRole):  # the tip: the whole text of a cell cut short
            view = self.view_at(self.session_row(index))
            cells = view.cells if index.internalId() == TOP else view.part_cells[index.row()]
            return cells[index.column()]
        return None

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching and not self.laying_out

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._list(lambda page: self._add_page(generation, page), after=self._cursor, limit=PAGE)

    def _replace(self, generation: int, page: SessionPage) -> None:
        if generation != self._generation:
            return  # another reload came in between
        self.beginResetModel()
        self.rows, self._views = list(page.items), [None] * len(page.items)
        self._cursor, self._exhausted, self._fetching = page.next_cursor, page.next_cursor is None, False
        self.endResetModel()

    def _add_page(self, generation: int, page: SessionPage) -> None:
        if generation != self._generation:
            return  # a reload came in between: this page belongs to the old list
        self._fetching = False
        if page.items:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.items) - 1)
            self.rows.extend(page.items)
            self._views.extend([None] * len(page.items))
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None


class HistoryTree(QTreeView):
    """The sessions as a tree: a test of parts opens onto its parts."""

    def doItemsLayout(self) -> None:
        # A tree view lays out by first fetching whatever more its model can fetch at the top:
        # the page comes, is laid out, and fetches the next, until the whole history is loaded.
        # Only scrolling to the end fetches a page, as in a table.
        model = self.model()
        if not isinstance(model, HistoryModel):
            super().doItemsLayout()
            return
        model.laying_out = True
        try:
            super().doItemsLayout()
        finally:
            model.laying_out = False

    def selectRow(self, row: int) -> None:
        """Select a session's row by its number, as the table before it did (the app's tests and
        screenshot scripts pick sessions so); making it current also scrolls to it."""
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


class HistoryDock(QDockWidget):
    open_requested = Signal(object)  # SessionSummary
    resume_requested = Signal(object)
    delete_requested = Signal(object)
    retake_requested = Signal(object, object)  # SessionSummary of a mock test, the PartKind to take again
    report_requested = Signal(object)  # SessionSummary: save its score report as a PDF

    def __init__(self, service: SessionService, parent: QWidget | None = None):
        super().__init__(self.tr("History"), parent)
        self.setObjectName("historyDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        filters = QHBoxLayout()
        self.level_filter = QComboBox()
        self.level_filter.setAccessibleName(self.tr("Filter by level"))
        self.level_filter.addItem(self.tr("All levels"), None)
        for level in Level:
            self.level_filter.addItem(level.value, level.value)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in SessionStatus:
            self.status_filter.addItem(texts.status_title(status), status.value)
        filters.addWidget(self.level_filter)
        filters.addWidget(self.status_filter)
        dates = QHBoxLayout()
        self.since_filter = day_edit(self.tr("From"), self.tr("Sessions from this day"))
        self.until_filter = day_edit(self.tr("To"), self.tr("Sessions up to this day, included"))
        for label, edit in ((self.tr("From"), self.since_filter), (self.tr("to"), self.until_filter)):
            caption = QLabel(label)
            caption.setBuddy(edit)
            dates.addWidget(caption)
            dates.addWidget(edit, 1)
        self.model = HistoryModel(service, self)
        self.table = self._tree()
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.retake_button = QPushButton(self.tr("Retake a part"))
        self.retake_button.setAccessibleName(self.tr("Retake a part of this test"))
        self.retake_menu = QMenu(self.retake_button)
        self.retake_menu.setAccessibleName(self.tr("Parts to retake"))
        self.retake_button.setMenu(self.retake_menu)
        self.delete_button = QPushButton(self.tr("Delete\u2026"))
        self.report_button = QPushButton(self.tr("Save report\u2026"))
        self.report_button.setAccessibleName(self.tr("Save the score report of this session as a PDF"))
        self.report_button.clicked.connect(lambda: self._emit(self.report_requested))
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.resume_button.clicked.connect(lambda: self._emit(self.resume_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        for button in (self.open_button, self.resume_button, self.retake_button, self.report_button,
                       self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.level_filter.currentIndexChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.since_filter.dateChanged.connect(self.reload)
        self.until_filter.dateChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # Kept across a reload: the session selected (and which of its parts, if one was), and the
        # sessions opened onto their parts. A reload comes after every change, even mid-test.
        self._selected: tuple[ObjectId, int | None] | None = None
        self._expanded: set[ObjectId] = set()
        self.table.expanded.connect(lambda index: self._expanded.add(self.model.rows[index.row()].session.id))
        self.table.collapsed.connect(lambda index: self._expanded.discard(self.model.rows[index.row()].session.id))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_view)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _tree(self) -> HistoryTree:
        tree = HistoryTree()
        tree.setAccessibleName(self.tr("Past sessions"))
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)  # what keeps a tree of 100,000 rows quick to lay out
        tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        tree.setAllColumnsShowFocus(True)
        tree.setExpandsOnDoubleClick(False)  # a double click opens the session
        tree.setWordWrap(False)
        tree.setMinimumWidth(420)  # room for "Mock test · Working life" beside the date and result
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        # Fitted to the rows in sight only: by default a thousand rows are measured, each worked
        # out in full for it, at every reload.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(self.model.COLUMNS.index("Test"), QHeaderView.Stretch)
        tree.doubleClicked.connect(lambda index: self._emit(self.open_requested))
        return tree

    def filters(self) -> HistoryFilter:
        """The filters as set, days in this computer's time zone: "to" includes its whole day."""
        def day_start(edit: QDateEdit, days_after: int = 0) -> datetime | None:
            day = day_of(edit)
            return local_day_start(day + timedelta(days=days_after)) if day else None
        return HistoryFilter(level=self.level_filter.currentData(), status=self.status_filter.currentData(),
                             since=day_start(self.since_filter), before=day_start(self.until_filter, 1))

    def set_dates(self, since: date | None, until: date | None) -> None:
        """Set the date filters (None: any day); the list reloads."""
        set_day(self.since_filter, since)
        set_day(self.until_filter, until)

    def reload(self) -> None:
        self.model.reload(self.filters())

    def _remember_selection(self) -> None:
        index = self._selected_index()
        item = self.model.summary(index)
        part = index.row() if index.internalId() != TOP else None
        self._selected = (item.session.id, part) if item else None

    def _restore_view(self) -> None:
        """The sessions opened onto their parts stay open, and the row the person had selected
        stays selected (if still listed), across a reload."""
        expanded, self._expanded = self._expanded, set()  # filled again by the tree's `expanded`
        wanted = expanded | ({self._selected[0]} if self._selected else set())
        if not wanted:
            return
        rows = {r.session.id: i for i, r in enumerate(self.model.rows) if r.session.id in wanted}
        for session_id in expanded & rows.keys():
            self.table.expand(self.model.index(rows[session_id], 0))
        if self._selected and self._selected[0] in rows:
            self._select(rows[self._selected[0]], self._selected[1])

    def _select(self, row: int, part: int | None) -> None:
        """A session's row, or its part's row when that part is in sight (its session open)."""
        index = self.model.index(row, 0)
        if part is not None and self.table.isExpanded(index) and part < self.model.rowCount(index):
            index = self.model.index(part, 0, index)
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect
                                                    | QItemSelectionModel.Rows)

    def selected(self) -> SessionSummary | None:
        """The session of the selected row (a part's row stands for its session)."""
        return self.model.summary(self._selected_index())

    def _selected_index(self) -> QModelIndex:
        rows = self.table.selectionModel().selectedRows()
        return rows[0] if rows else QModelIndex()

    def _emit(self, signal: Signal) -> None:
        item = self.selected()
        if item is not None:
            signal.emit(item)

    def _retake(self, part: PartKind) -> None:
        item = self.selected()
        if item is not None:
            self.retake_requested.emit(item, part)

    def _update_buttons(self) -> None:
        item, view = self.selected(), self.model.view(self._selected_index())
        self.open_button.setEnabled(item is not None)
        self.report_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)
        active = item is not None and item.session.status is SessionStatus.ACTIVE
        self.resume_button.setEnabled(active)
        # Only a mock test that is over has parts to retake (each retake is a session of its own:
        # the test's own result stays as it is).
        parts = view.parts if view is not None and view.kind is FormatKind.MOCK and not active else ()
        self._fill_retake_menu(parts)
        self.retake_button.setEnabled(bool(parts))

    def _fill_retake_menu(self, parts: tuple[PartKind, ...]) -> None:
        self.retake_menu.clear()
        for part in parts:
            action = self.retake_menu.addAction(texts.part_title(part))
            action.triggered.connect(lambda _checked=False, part=part: self._retake(part))
