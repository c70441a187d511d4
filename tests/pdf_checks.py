"""Reading back a PDF the app wrote, with Qt's own PDF module (pdfium): its pages' text, the
images it embeds, and its pages as PNG (to look at)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument


def open_pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    error = document.load(str(path))
    assert error == QPdfDocument.Error.None_, f"{path} does not open as a PDF: {error}"
    return document


def pdf_text(path: Path) -> str:
    """The text of every page, lines joined with spaces (a table's cell may wrap)."""
    document = open_pdf(path)
    pages = [document.getAllText(i).text() for i in range(document.pageCount())]
    document.close()
    return re.sub(r"\s+", " ", " ".join(pages))


def image_count(path: Path) -> int:
    """Images embedded (their object dictionaries stay uncompressed in Qt's PDFs)."""
    return len(re.findall(rb"/Subtype\s*/Image", path.read_bytes()))


def render_pages(path: Path, out_prefix: Path, scale: float = 1.6) -> list[Path]:
    document = open_pdf(path)
    written = []
    for i in range(document.pageCount()):
        size = document.pagePointSize(i)
        image = document.render(i, QSize(int(size.width() * scale), int(size.height() * scale)))
        target = out_prefix.with_name(f"{out_prefix.name}-{i + 1}.png")
        image.save(str(target))
        written.append(target)
    document.close()
    return written
