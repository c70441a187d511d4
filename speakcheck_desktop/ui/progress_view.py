"""The Progress window: one measure over time (the level, a sub-score, the speech rate, pauses,
mean length of run, or the share of words at B2 and above), for all answers or one line per
format or task kind, between two days, with the level bands behind it and the same story in
words underneath (the summary is also the chart's text alternative).

It reads through `ProgressService` only, and both its loads and its charts are worked out off the
GUI thread. The store changes often (every answer, every sync), so reloads are coalesced: while
one is running, any number of changes ask for one more after it, and a window that is hidden
reloads only when it is shown again. Each load and each chart carries a generation number (as the
history's reloads do): a late answer for choices since changed is dropped, never drawn."""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from speakcheck_desktop.core.progress import (
    METRICS,
    Bucket,
    Chart,
    Grouping,
    Metric,
    Point,
    ProgressData,
    Scale,
    bucket_count,
    when_text,
)
from speakcheck_desktop.services.progress_service import ProgressQuery, ProgressService
from speakcheck_desktop.ui.day_edit import day_edit, day_of, set_day

# The window's words in English, translated where shown. The chart's own words (its summary, a
# point's text, the dates under the axis) are the engine's (core/progress.py) and stay English.
LOADING = QT_TRANSLATE_NOOP("ProgressWindow", "Loading your progress\u2026")
EVERYONE = QT_TRANSLATE_NOOP("ProgressWindow", "Everyone on this computer")
METRIC_LABELS = {Metric.LEVEL: QT_TRANSLATE_NOOP("ProgressWindow", "Level"),
                 Metric.FLUENCY: QT_TRANSLATE_NOOP("ProgressWindow", "Fluency score"),
                 Metric.ACCURACY: QT_TRANSLATE_NOOP("ProgressWindow", "Accuracy score"),
                 Metric.GRAMMAR: QT_TRANSLATE_NOOP("ProgressWindow", "Grammar score"),
                 Metric.VOCABULARY: QT_TRANSLATE_NOOP("ProgressWindow", "Vocabulary score"),
                 Metric.COHERENCE: QT_TRANSLATE_NOOP("ProgressWindow", "Coherence score"),
                 Metric.SPEECH_RATE: QT_TRANSLATE_NOOP("ProgressWindow", "Speech rate"),
                 Metric.PAUSES: QT_TRANSLATE_NOOP("ProgressWindow", "Pauses"),
                 Metric.MEAN_LENGTH_OF_RUN: QT_TRANSLATE_NOOP("ProgressWindow", "Mean length of run"),
                 Metric.B2_SHARE: QT_TRANSLATE_NOOP("ProgressWindow", "Words at B2 or above")}
METRIC_UNITS = {Metric.SPEECH_RATE: QT_TRANSLATE_NOOP("ProgressWindow", "words a minute"),
                Metric.PAUSES: QT_TRANSLATE_NOOP("ProgressWindow", "a minute"),
                Metric.MEAN_LENGTH_OF_RUN: QT_TRANSLATE_NOOP("ProgressWindow", "words between pauses"),
                Metric.B2_SHARE: QT_TRANSLATE_NOOP("ProgressWindow", "% of known words")}
GROUPING_LABELS = {Grouping.ALL: QT_TRANSLATE_NOOP("ProgressWindow", "All answers"),
                   Grouping.FORMAT: QT_TRANSLATE_NOOP("ProgressWindow", "By format"),
                   Grouping.TASK: QT_TRANSLATE_NOOP("ProgressWindow", "By task kind")}
POINT_EVERY = {Bucket.DAY: QT_TRANSLATE_NOOP("ProgressWindow", "one point a day"),
               Bucket.WEEK: QT_TRANSLATE_NOOP("ProgressWindow", "one point a week"),
               Bucket.MONTH: QT_TRANSLATE_NOOP("ProgressWindow", "one point a month")}
# Okabe and Ito's palette, told apart with colour-blindness too; each line also has its own
# marker, so colour is never the only way to tell them apart.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#555555")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
BAND_COLOURS = {"A2": "#f4a259", "B1": "#f2d06b", "B2": "#8cc084", "C1": "#5b9bd5"}
POINT_SPACING = 9  # pixels a point needs at least: the chart asks for no more points than fit
SMOOTH_UP_TO = 200  # points drawn antialiased


def _words(text: str) -> str:
    """One of the window's words above in the language in use."""
    return QCoreApplication.translate("ProgressWindow", text)


class ProgressChartView(QWidget):
    """Draws a `Chart`: the bands, the axis, a line per series with its points (the lowest to the
    highest value of a point as a faint bar), a legend. Hover or the arrow keys pick a point and
    say what it holds."""

    point_picked = Signal(str)  # the picked point's words

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.message = _words(LOADING)
        self._picked: tuple[int, int] | None = None  # (series, point)
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Progress chart"))
        self.setAccessibleDescription(_words(LOADING))

    def set_chart(self, chart: Chart | None, message: str = "") -> None:
        """Show `chart`, or, with None, only `message` (loading, a failure)."""
        self.chart = chart
        self.message = chart.empty or "" if chart is not None else message
        self._picked = None
        summary = " ".join(chart.summary) if chart is not None else message
        keys = " " + self.tr("Use the left and right arrow keys to go through the points.")
        self.setAccessibleDescription(summary + (keys if chart is not None and chart.point_count else ""))
        self.update()

    @property
    def picked(self) -> Point | None:
        if self.chart is None or self._picked is None:
            return None
        series, point = self._picked
        return self.chart.series[series].points[point]

    # -- geometry --------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        legend = 22 if self.chart is not None and len(self.chart.series) > 0 else 0
        return QRectF(56, 12 + legend, max(self.width() - 56 - 42, 10), max(self.height() - 12 - legend - 34, 10))

    def _x(self, plot: QRectF, chart: Chart, start: date) -> float:
        total = bucket_count(chart.first, chart.last, chart.bucket)
        index = bucket_count(chart.first, start, chart.bucket) - 1
        return plot.left() + plot.width() * (index + 0.5) / total

    @staticmethod
    def _y(plot: QRectF, chart: Chart, value: float) -> float:
        low, high = chart.axis
        share = (value - low) / (high - low) if high > low else 0.5
        return plot.bottom() - plot.height() * min(max(share, 0.0), 1.0)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        text = self.palette().color(QPalette.WindowText)
        chart = self.chart
        if chart is None or chart.empty:
            p.setPen(text)
            p.drawText(QRectF(self.rect()).adjusted(24, 24, -24, -24), Qt.AlignCenter | Qt.TextWordWrap,
                       self.message)
            return
        plot = self._plot()
        # Smooth edges cost the raster engine about 0.05 ms a point: past a few hundred points
        # (eight lines of a year by week) they would stall the window, and are not missed there.
        p.setRenderHint(QPainter.Antialiasing, chart.point_count <= SMOOTH_UP_TO)
        self._paint_axis(p, plot, chart, text)
        for i, series in enumerate(chart.series):
            self._paint_series(p, plot, chart, i, series.points)
        self._paint_legend(p, chart, text)
        if self.hasFocus():
            p.setPen(QPen(self.palette().color(QPalette.Highlight), 2, Qt.DotLine))
            p.setBrush(Qt.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _paint_axis(self, p: QPainter, plot: QRectF, chart: Chart, text: QColor) -> None:
        mid = self.palette().color(QPalette.Mid)
        for band in chart.bands:
            top, bottom = self._y(plot, chart, band.high), self._y(plot, chart, band.low)
            colour = _mixed(QColor(BAND_COLOURS.get(band.label, "#999999")), self.palette().color(QPalette.Window),
                            0.18)
            p.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), colour)
            p.setPen(text)
            p.drawText(QRectF(plot.right() + 4, top, 38, bottom - top), Qt.AlignLeft | Qt.AlignVCenter, band.label)
        p.setPen(mid)
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for tick in chart.ticks:
            y = self._y(plot, chart, tick)
            # The level chart's ticks are its bands, already named on the right.
            label = "" if METRICS[chart.metric].scale is Scale.LEVEL else \
                f"{tick:g}" + ("%" if chart.metric is Metric.B2_SHARE else "")
            p.setPen(mid)
            p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
            if label:
                p.setPen(text)
                p.drawText(QRectF(0, y - 9, plot.left() - 8, 18), Qt.AlignRight | Qt.AlignVCenter, label)
        # Dates under the axis: the first and last, and a few between where there is room.
        # Evenly spaced in time (not at the points, which can bunch up), as many as fit.
        total = bucket_count(chart.first, chart.last, chart.bucket)
        labels = max(1, min(total, int(plot.width() // 130)))
        step = max(1, math.ceil((total - 1) / max(labels - 1, 1)))
        shown = [_nth_bucket(chart, n) for n in range(0, total, step)]
        p.setPen(text)
        for start in dict.fromkeys(shown):
            x = self._x(plot, chart, start)
            p.drawText(QRectF(x - 70, plot.bottom() + 6, 140, 20), Qt.AlignHCenter | Qt.AlignTop,
                       _short_when(start, chart))

    def _paint_series(self, p: QPainter, plot: QRectF, chart: Chart, index: int, points: tuple[Point, ...]) -> None:
        colour = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        spread = _mixed(colour, self.palette().color(QPalette.Window), 0.3)
        at = [QPointF(self._x(plot, chart, pt.start), self._y(plot, chart, pt.mean)) for pt in points]
        # The spread as plain opaque bars (see `_mixed`).
        for pt, xy in zip(points, at, strict=True):
            if pt.high > pt.low:
                high = self._y(plot, chart, pt.high)
                p.fillRect(QRectF(xy.x() - 2.5, high, 5, self._y(plot, chart, pt.low) - high), spread)
        if len(at) > 1:
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.NoBrush)
            p.drawPolyline(QPolygonF(at))
        for j, xy in enumerate(at):
            picked = self._picked == (index, j)
            _marker(p, xy, MARKERS[index % len(MARKERS)], colour, 7 if picked else 4,
                    self.palette().color(QPalette.Base))

    def _paint_legend(self, p: QPainter, chart: Chart, text: QColor) -> None:
        x = self._plot().left()
        for i, series in enumerate(chart.series):
            colour = QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            _marker(p, QPointF(x + 6, 16), MARKERS[i % len(MARKERS)], colour, 4, self.palette().color(QPalette.Base))
            p.setPen(text)
            width = p.fontMetrics().horizontalAdvance(series.label)
            p.drawText(QRectF(x + 16, 6, width + 4, 20), Qt.AlignLeft | Qt.AlignVCenter, series.label)
            x += width + 36
        # What the axis counts and what a point is: "words a minute · a point a week".
        info = METRICS[chart.metric]
        unit = _words(METRIC_UNITS[chart.metric]) if chart.metric in METRIC_UNITS else info.unit
        caption = " \u00b7 ".join(filter(None, [unit if info.scale is Scale.AMOUNT else "",
                                                _words(POINT_EVERY[chart.bucket])]))
        p.setPen(self.palette().color(QPalette.PlaceholderText))
        p.drawText(QRectF(x, 6, max(self._plot().right() - x, 0), 20), Qt.AlignRight | Qt.AlignVCenter, caption)

    # -- picking a point ---------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self._nearest(event.position())
        if found != self._picked:
            self._pick(found)
        point = self.picked
        if point is not None:
            QToolTip.showText(event.globalPosition().toPoint(), point.text, self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        order = self._in_time_order()
        if event.key() not in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home, Qt.Key_End) or not order:
            super().keyPressEvent(event)
            return
        at = order.index(self._picked) if self._picked in order else -1
        if event.key() == Qt.Key_Home:
            at = 0
        elif event.key() == Qt.Key_End:
            at = len(order) - 1
        elif event.key() == Qt.Key_Left:
            at = max(at - 1, 0) if at >= 0 else len(order) - 1
        else:
            at = min(at + 1, len(order) - 1)
        self._pick(order[at])

    def _in_time_order(self) -> list[tuple[int, int]]:
        if self.chart is None:
            return []
        keys = [(pt.start, i, j) for i, s in enumerate(self.chart.series) for j, pt in enumerate(s.points)]
        return [(i, j) for _, i, j in sorted(keys)]

    def _pick(self, found: tuple[int, int] | None) -> None:
        self._picked = found
        point = self.picked
        if found is not None and point is not None and self.chart is not None:
            series = self.chart.series[found[0]]
            self.point_picked.emit(point.text if len(self.chart.series) == 1 else f"{series.label}: {point.text}")
        self.update()

    def _nearest(self, at: QPointF) -> tuple[int, int] | None:
        chart = self.chart
        if chart is None or chart.empty:
            return None
        plot = self._plot()
        best, best_d = None, 14.0 ** 2  # within 14 pixels
        for i, series in enumerate(chart.series):
            for j, pt in enumerate(series.points):
                dx = self._x(plot, chart, pt.start) - at.x()
                dy = self._y(plot, chart, pt.mean) - at.y()
                if dx * dx + dy * dy < best_d:
                    best, best_d = (i, j), dx * dx + dy * dy
        return best


def _mixed(colour: QColor, background: QColor, share: float) -> QColor:
    """`colour` at `share` over `background`, as an opaque colour. Qt's raster engine blends
    translucent fills pixel by pixel, slowly (the bands alone took ~30 ms a paint, hundreds of
    spread bars ~150 ms): opaque fills of the mixed colour look the same and cost next to nothing."""
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in
                             zip(colour.getRgbF()[:3], background.getRgbF()[:3], strict=True)))


def _marker(p: QPainter, at: QPointF, shape: str, colour: QColor, size: float, fill: QColor) -> None:
    p.setPen(QPen(colour, 2))
    p.setBrush(colour if size > 5 else fill)
    x, y, r = at.x(), at.y(), size
    if shape == "square":
        p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif shape == "triangle":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r), QPointF(x - r * 1.1, y + r)]))
    elif shape == "diamond":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.3), QPointF(x + r * 1.3, y), QPointF(x, y + r * 1.3),
                                 QPointF(x - r * 1.3, y)]))
    elif shape == "cross":
        p.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        p.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
    else:
        p.drawEllipse(at, r, r)


def _nth_bucket(chart: Chart, n: int) -> date:
    """The first day of the chart's `n`th day, week or month (0: its first)."""
    if chart.bucket is Bucket.DAY:
        return chart.first + timedelta(days=n)
    if chart.bucket is Bucket.WEEK:
        return chart.first + timedelta(weeks=n)
    months = chart.first.year * 12 + chart.first.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


def _short_when(start: date, chart: Chart) -> str:
    return when_text(start, chart.bucket).removeprefix("Week of ")


class ProgressWindow(QWidget):
    """The choices above, the chart, and its words below; a window of its own (Progress in the toolbar)."""

    def __init__(self, service: ProgressService, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(self.tr("Your progress"))
        self.resize(1000, 640)
        self.service = service
        self.data: ProgressData | None = None
        self._loading = False
        self._again = False  # a change came while loading: load once more after it
        self._stale = True  # something changed while hidden (or nothing was loaded yet)
        self._load_generation = 0
        self._chart_generation = 0

        self.metric_box = QComboBox()
        for metric, info in METRICS.items():
            self.metric_box.addItem(_words(METRIC_LABELS[metric]) if metric in METRIC_LABELS else info.label, metric)
        self.metric_box.setAccessibleName(self.tr("Measure"))
        self.metric_box.setAccessibleDescription(self.tr("What the chart shows over time"))
        self.grouping_box = QComboBox()
        for grouping in Grouping:
            self.grouping_box.addItem(_words(GROUPING_LABELS[grouping]), grouping)
        self.grouping_box.setAccessibleName(self.tr("Lines"))
        self.grouping_box.setAccessibleDescription(self.tr("One line for all answers, or one per format or task kind"))
        self.user_box = QComboBox()
        self.user_box.setAccessibleName(self.tr("Whose progress"))
        self.user_box.setVisible(False)
        self.since = day_edit(self.tr("From"), self.tr("Answers from this day"))
        self.until = day_edit(self.tr("To"), self.tr("Answers up to this day, included"))
        self.all_time = QPushButton(self.tr("All time"))
        self.all_time.setAccessibleDescription(self.tr("Clear both dates"))
        controls = QHBoxLayout()
        for label, widget in ((self.tr("&Show:"), self.metric_box), (self.tr("&Lines:"), self.grouping_box),
                              (self.tr("&From:"), self.since), (self.tr("&To:"), self.until)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            controls.addWidget(caption)
            controls.addWidget(widget)
        controls.addWidget(self.all_time)
        controls.addStretch(1)
        controls.addWidget(self.user_box)

        self.view = ProgressChartView()
        self.point = QLabel(" ")
        self.point.setAccessibleName(self.tr("Chosen point"))
        self.summary = QLabel(_words(LOADING))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Progress in words"))
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.point)
        layout.addWidget(self.summary)

        self.metric_box.currentIndexChanged.connect(self._recompute)
        self.grouping_box.currentIndexChanged.connect(self._recompute)
        self.user_box.currentIndexChanged.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.until.dateChanged.connect(self.reload)
        self.all_time.clicked.connect(lambda: self.set_dates(None, None))
        self.view.point_picked.connect(self.point.setText)

    # -- what is asked ---------------------------------------------------------------------

    def query(self) -> ProgressQuery:
        return ProgressQuery(user_id=self.user_box.currentData(), since=day_of(self.since), until=day_of(self.until))

    def choose(self, metric: Metric, grouping: Grouping = Grouping.ALL) -> None:
        self.metric_box.setCurrentIndex(self.metric_box.findData(metric))
        self.grouping_box.setCurrentIndex(self.grouping_box.findData(grouping))

    def set_dates(self, since: date | None, until: date | None) -> None:
        """Set both dates (None: any day), with one reload."""
        for edit in (self.since, self.until):
            edit.blockSignals(True)
        set_day(self.since, since)
        set_day(self.until, until)
        for edit in (self.since, self.until):
            edit.blockSignals(False)
        self.reload()

    @property
    def loading(self) -> bool:
        return self._loading

    # -- loads -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def data_changed(self) -> None:
        """The store changed: reload now if shown, else when shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._load_generation += 1
        generation, query = self._load_generation, self.query()
        if self.data is None:
            self.view.set_chart(None, _words(LOADING))
        self.service.load(query, lambda data: self._loaded(generation, query, data),
                          lambda message: self._failed(generation, message))

    def _loaded(self, generation: int, query: ProgressQuery, data: ProgressData) -> None:
        self._loading = False
        if generation == self._load_generation and query == self.query():
            self.data = data
            self._show_users(data)
            self._recompute()
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, generation: int, message: str) -> None:
        self._loading = False
        if generation == self._load_generation:
            self.view.set_chart(None, message)
            self.summary.setText(message)
            self.summary.setVisible(False)
        if self._again:
            self._again = False
            self.reload()

    def _show_users(self, data: ProgressData) -> None:
        """Whose progress: shown only where more than one person has sessions (a staff computer)."""
        def named(label: str, sessions: int) -> str:
            return (self.tr("{name} (1 session)") if sessions == 1 else self.tr("{name} ({sessions} sessions)")).format(
                name=label, sessions=sessions)
        wanted = [(_words(EVERYONE), None)] + [(named(u.label, u.sessions), u.id) for u in data.users]
        have = [(self.user_box.itemText(i), self.user_box.itemData(i)) for i in range(self.user_box.count())]
        if wanted != have:
            self.user_box.blockSignals(True)
            self.user_box.clear()
            for label, user_id in wanted:
                self.user_box.addItem(label, user_id)
            self.user_box.setCurrentIndex(max(self.user_box.findData(data.user_id), 0) if data.user_id else 0)
            self.user_box.blockSignals(False)
        self.user_box.setVisible(len(data.users) > 1)

    # -- charts ------------------------------------------------------------------------------

    def _recompute(self) -> None:
        if self.data is None:
            return
        self._chart_generation += 1
        generation = self._chart_generation
        max_points = max(12, min(120, int(self.view._plot().width() // POINT_SPACING)))
        # (Qt hands the enums back as plain strings.)
        metric, grouping = Metric(self.metric_box.currentData()), Grouping(self.grouping_box.currentData())
        self.service.chart(self.data, metric, grouping,
                           lambda chart: self._charted(generation, chart), max_points=max_points)

    def _charted(self, generation: int, chart: Chart) -> None:
        if generation != self._chart_generation:
            return  # the person chose something else meanwhile
        self.view.set_chart(chart)
        self.point.setText(" ")
        self.summary.setText("\n".join(chart.summary))
        self.summary.setVisible(chart.empty is None)  # an empty chart says it in its middle already
