"""A score report (core/report.py) printed to PDF with Qt's own `QPdfWriter` and `QTextDocument`:
no new dependency, the same fonts as the window, and text that stays text (it can be searched,
copied and read aloud).

The page is HTML laid out by QTextDocument (tables, headings, the tips as a list) and paginated
by `QTextDocument.print_`, which also numbers the pages. The one graphic, the sub-scores on the
level bands, is painted with QPainter into an image at print resolution and placed in the text;
its figures are printed in a table beside it too, so the chart is never the only place a score is.

Written to a temporary file beside the target and renamed at the end, so a failure (a folder that
cannot be written, a full disk) never leaves half a PDF under the name asked for, nor replaces an
earlier report. Runs on any thread (QImage and QPdfWriter painting is thread-safe in Qt): the app
makes reports on a lane, the command line on its main thread."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from speakcheck_desktop.core.errors import UserFacingError
from speakcheck_desktop.core.records import SCORE_KEYS, Aspect
from speakcheck_desktop.core.report import MeasureLine, Report, ReportStatus
from speakcheck_desktop.core.rubric import ASPECT_MEANINGS, band_of
from speakcheck_desktop.store.database import full_disk_sentence

RESOLUTION_DPI = 300
MARGIN_MM = 16.0
CHART_URL = "speakcheck://scores.png"
LOGO_URL = "speakcheck://logo.png"
CHART_WIDTH_PX = 540  # in the document's units: the text width of an A4 page within its margins
LOGO_HEIGHT_PX = 48  # in the document's units (1/96 inch), about 13 mm
# The level bands of the 0-10 sub-score scale (core/rubric.py BAND_BOUNDARIES), light enough that
# black text reads on each, and each also named in words on the chart.
BANDS = ((0.0, 2.0, "below A2", "#eeeeee"), (2.0, 4.0, "A2", "#fde4cc"), (4.0, 6.0, "B1", "#fff2bf"),
         (6.0, 8.0, "B2", "#dcf0d5"), (8.0, 10.0, "C1", "#d3e5f7"))
BAR_COLOUR = "#2f5fa7"
HEADLINE_COLOURS = {ReportStatus.ASSESSED: "#1d4f91", ReportStatus.EXAMINER: "#1d6b3a"}


class ReportError(UserFacingError):
    """The report could not be written; the message says why and what to do."""


def write_report_pdf(report: Report, target: Path, *, logo: Path | None = None) -> list[str]:
    """Writes the report to `target`; returns warnings for the person (a logo that cannot be
    read: the report is made without it). Raises ReportError when nothing could be written."""
    warnings: list[str] = []
    logo_image = None
    if logo is not None:
        logo_image = QImage(str(logo))
        if logo_image.isNull():
            warnings.append(f"The centre's logo {logo} (kiosk.toml, logo) cannot be read as an image: the report "
                            "was made without it. Use a PNG, JPEG or SVG file.")
            logo_image = None
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise ReportError(f"The report cannot be saved in {folder} ({exc.strerror or exc}): choose another "
                          "folder.") from None
    temp = Path(temp_name)
    try:
        _print(report, temp, logo_image)
        if not _complete_pdf(temp):
            raise ReportError(full_disk_sentence(folder) if _disk_full(folder) else
                              f"The report could not be written completely to {folder}: try another folder.")
        os.replace(temp, target)
    except OSError as exc:
        raise ReportError(f"The report cannot be saved as {target} ({exc.strerror or exc}): choose another "
                          "name or folder.") from None
    finally:
        temp.unlink(missing_ok=True)
    return warnings


def _complete_pdf(path: Path) -> bool:
    """QPdfWriter says nothing when a write fails: a complete PDF ends with its %%EOF marker."""
    try:
        with path.open("rb") as f:
            f.seek(max(0, path.stat().st_size - 64))
            return b"%%EOF" in f.read()
    except OSError:
        return False


def _disk_full(folder: Path) -> bool:
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return stats.f_bavail * stats.f_frsize < 1 << 20


def _print(report: Report, path: Path, logo: QImage | None) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     margins, QPageLayout.Unit.Millimeter))
    writer.setTitle(f"SpeakCheck report \u00b7 {report.person} \u00b7 {report.taken_at.astimezone():%Y-%m-%d}")
    writer.setCreator("SpeakCheck Desktop")
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    if report.scores:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), score_chart(report.scores))
    if logo is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    document.setHtml(report_html(report, logo=logo))
    document.print_(writer)


STYLE = """
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 11.5pt; margin-top: 14px; margin-bottom: 4px; color: #1d3557; }
td, th { padding: 3px 6px; }
th { text-align: left; background-color: #e9eef5; font-size: 8.5pt; }
.muted { color: #555555; }
.headline { font-size: 30pt; font-weight: bold; }
.code { font-family: 'DejaVu Sans Mono', monospace; font-size: 11pt; }
.quote { color: #333333; font-style: italic; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _table(header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A table with a header row; cells are escaped text."""
    cols = "".join(f'<th width="{w}%">{_e(h)}</th>' if widths else f"<th>{_e(h)}</th>"
                   for h, w in zip(header, widths or [0] * len(header), strict=True))
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table width="100%" cellspacing="0" border="0.5" style="border-color:#c8d0da">' \
           f"<tr>{cols}</tr>{body}</table>"


def report_html(report: Report, *, logo: QImage | None = None) -> str:
    """The report as the HTML subset QTextDocument lays out."""
    out: list[str] = []
    head = f'<img src="{LOGO_URL}" height="{LOGO_HEIGHT_PX}">' if logo is not None else ""
    centre = f"<b>{_e(report.centre)}</b><br>" if report.centre else ""
    out.append(f'<table width="100%"><tr><td>{head}</td><td align="right">{centre}'
               f'<span class="muted">SpeakCheck Desktop</span></td></tr></table>')
    out.append("<h1>Speaking test report</h1>")
    out.append(f'<p class="muted">{_e(report.format_title)} \u00b7 target level {_e(report.level_tested.value)}</p>')
    who = [[report.person_label, report.person]]
    if report.centre:
        who.append(["Centre", report.centre])
    who += [["Taken", f"{report.taken_at.astimezone():%d %B %Y, %H:%M}"], ["Format", report.format_title],
            ["Session", report.session_id]]
    out.append(_two_columns(who))
    out.append("<h2>Result</h2>")
    colour = HEADLINE_COLOURS.get(report.status, "#444444")
    out.append(f'<p><span class="headline" style="color:{colour}">{_e(report.headline)}</span></p>')
    out.append(f"<p>{_e(report.statement)}</p>")
    if report.examiner_note:
        out.append(f"<p><b>{_e(report.examiner_note)}</b></p>")
    if report.confidence_words:
        out.append(f"<p><b>Confidence:</b> {_e(report.confidence_words)}</p>")
    if report.reasons:
        out.append("<p><b>Why:</b></p><ul>" + "".join(f"<li>{_e(r)}</li>" for r in report.reasons) + "</ul>")
    if report.advice:
        out.append("<p><b>What to do:</b></p><ul>" + "".join(f"<li>{_e(a)}</li>" for a in report.advice) + "</ul>")
    if report.scores:
        out.append("<h2>Sub-scores on the level bands</h2>")
        out.append(f'<p><img src="{CHART_URL}" width="{CHART_WIDTH_PX}"></p>')
        out.append(_table(["Aspect", "Score (0-10)", "Band", "What it covers"],
                          [[key.capitalize(), f"{report.scores[key]:.1f}", _band(report.scores[key]),
                            ASPECT_MEANINGS[Aspect(key)]] for key in SCORE_KEYS if key in report.scores],
                          [19, 12, 10, 59]))
        out.append('<p class="muted">Bands: 0-2 below A2 \u00b7 2-4 A2 \u00b7 4-6 B1 \u00b7 6-8 B2 \u00b7 '
                   "8-10 C1.</p>")
    if report.parts:
        out.append("<h2>Parts</h2>")
        out.append(_table(["Part", "Result"], [[p, r] for p, r in report.parts], [40, 60]))
    if report.questions:
        out.append("<h2>Questions</h2>")
        out.append(_table(["", "Question", "Result"], [[q.where, q.prompt, q.result] for q in report.questions],
                          [20, 64, 16]))
    if report.measures:
        out.append("<h2>Measured in the recording</h2>")
        out.append(_table(["Answer", "Speech", "Words/min", "Pauses", "Words per run", "Words B2+", "MTLD"],
                          [_measure_row(m) for m in report.measures], [19, 12, 13, 12, 16, 14, 14]))
        out.append('<p class="muted">Measured by SpeakCheck from the audio and the transcript. Speech: the time '
                   "spent speaking; words per run: words between pauses. Words B2+: the share of words at B2 and "
                   "above, an estimate from a CEFR word list (cefrpy): each word counts at the level learners "
                   "usually meet it. MTLD: lexical diversity, shown from 50 words on.</p>")
    if report.rationale:
        out.append("<h2>Why this level</h2>")
        out += [f"<p>{f'<b>{_e(where)}:</b> ' if where else ''}{_e(text)}</p>" for where, text in report.rationale]
    if report.tips:
        out.append("<h2>Tips</h2><ul>")
        for tip in report.tips:
            where = f"<b>{_e(tip.where)}:</b> " if tip.where else ""
            quote = f'<br><span class="quote">\u201c{_e(tip.quote)}\u201d</span>' if tip.quote else ""
            span = f' <span class="muted">({tip.span[0]:.1f}\u2013{tip.span[1]:.1f} s)</span>' if tip.span else ""
            out.append(f"<li>{where}{_e(tip.text)}{quote}{span}</li>")
        out.append("</ul>")
    out.append("<h2>Checking this report</h2>")
    if report.code:
        out.append(f'<p>Verification code: <span class="code">{_e(report.code)}</span></p>')
        out.append(f'<p>The centre checks it against its records with<br><span class="code">'
                   f"{_e(report.check_command)}</span><br><span class=\"muted\">The code is the head of the "
                   "session's tamper-evident record of events when this report was made; a later event (an "
                   "examiner's review, say) is named by the check.</span></p>")
    else:
        out.append("<p>This session has no tamper-evident record (made by an earlier version): it has no "
                   "verification code.</p>")
    out.append(f'<p class="muted">{_e(report.disclaimer)}</p>')
    out.append(f'<p class="muted">Report made {report.made_at.astimezone():%d %B %Y, %H:%M}.</p>')
    return "".join(out)


def _band(score: float) -> str:
    level = band_of(score)
    return level.value if level else "below A2"


def _two_columns(rows: list[list[str]]) -> str:
    body = "".join(f'<tr><td width="22%" class="muted">{_e(a)}</td><td width="78%"><b>{_e(b)}</b></td></tr>'
                   for a, b in rows)
    return f'<table width="100%" cellspacing="0">{body}</table>'


def _measure_row(m: MeasureLine) -> list[str]:
    def fmt(value: float | None, pattern: str) -> str:
        return pattern.format(value) if value is not None else "\u2013"
    return [m.where or "Task", fmt(m.speaking_time_s, "{:.0f} s"), fmt(m.speech_rate_wpm, "{:.0f}"),
            fmt(m.pauses, "{}"), fmt(m.mean_length_of_run, "{:.1f}"),
            fmt(None if m.b2_and_above is None else m.b2_and_above * 100, "{:.0f} %"), fmt(m.mtld, "{:.0f}")]


def score_chart(scores: dict[str, float], width: int = 1920, height: int = 640) -> QImage:
    """The five sub-scores as bars on the 0-10 scale, over the level bands, each band named and
    each bar's value written at its end (the chart reads in black and white too)."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    align = Qt.AlignmentFlag
    right_mid, left_mid = align.AlignRight | align.AlignVCenter, align.AlignLeft | align.AlignVCenter
    font = QFont()
    font.setPixelSize(height // 15)
    p.setFont(font)
    label_w, right, top, bottom = width * 0.2, width * 0.05, height * 0.02, height * 0.12
    plot_w = width - label_w - right
    plot_h = height - top - bottom

    def x_of(score: float) -> float:
        return label_w + plot_w * score / 10
    for low, high, name, colour in BANDS:
        p.fillRect(QRectF(x_of(low), top, x_of(high) - x_of(low), plot_h), QColor(colour))
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(x_of(low), top + plot_h, x_of(high) - x_of(low), bottom), Qt.AlignmentFlag.AlignCenter, name)
    p.setPen(QPen(QColor("#9aa5b1"), 2))
    for boundary in (2, 4, 6, 8):
        p.drawLine(int(x_of(boundary)), int(top), int(x_of(boundary)), int(top + plot_h))
    row_h = plot_h / len(SCORE_KEYS)
    for i, key in enumerate(SCORE_KEYS):
        value = max(0.0, min(10.0, float(scores.get(key, 0.0))))
        y = top + i * row_h
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(0, y, label_w - width * 0.01, row_h), right_mid, key.capitalize())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(BAR_COLOUR))
        p.drawRoundedRect(QRectF(x_of(0), y + row_h * 0.22, plot_w * value / 10, row_h * 0.56), 6, 6)
        p.setPen(QColor("#111111"))
        text_x = x_of(value) + width * 0.008
        p.drawText(QRectF(text_x, y, width * 0.08, row_h), left_mid, f"{value:.1f}")
    p.end()
    return image
