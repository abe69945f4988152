"""Paint laid-out pages on a printer or PDF writer: text, 0.5 pt rules, 「— 1 —」 centred at the foot of each page."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from gui.printing.fonts import font
from gui.printing.pages import Page, Typesetter
from model import typeset as ts
from model.document import ReportDocument

RULE_PT = 0.5


def page_layout(landscape: bool) -> QPageLayout:
    """A4 with no device margins: the pages are laid out from the paper's corner."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def render(document: ReportDocument, device: QPagedPaintDevice) -> int:
    """Lay the document out for ``device`` and paint every page on it; the number of pages.

    A PDF gets a real landscape page for a table that needs one; a printer (whose paper cannot turn during a job)
    gets the landscape page drawn turned on portrait paper, as it comes out of a printer anyway."""
    turns = isinstance(device, QPdfWriter)
    device.setPageLayout(page_layout(False))
    pages = Typesetter(device).run(document)
    if turns and pages[0].landscape:
        device.setPageLayout(page_layout(True))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印或写入 PDF")
    unit = device.logicalDpiY() / 72
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                if turns and page.landscape != pages[number - 2].landscape:
                    device.setPageLayout(page_layout(page.landscape))
                device.newPage()
            painter.save()
            if page.landscape and not turns:  # the landscape page turned a quarter onto the portrait paper
                painter.translate(ts.mm_to_pt(ts.PAGE_MM[0]) * unit, 0)
                painter.rotate(90)
            paint_page(painter, page, number, unit)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def paint_page(painter: QPainter, page: Page, number: int, unit: float) -> None:
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(RULE_PT * unit)
    painter.setPen(pen)
    painter.drawLines(page.rules)
    for placed in page.lines:
        placed.layout.lineAt(placed.index).draw(painter, placed.origin)
    width_mm, height_mm = (ts.PAGE_MM[1], ts.PAGE_MM[0]) if page.landscape else ts.PAGE_MM
    painter.setFont(font("table", ts.PAGE_NUMBER_PT))
    top = ts.mm_to_pt(height_mm - ts.FOOTER_MM) * unit
    box = QRectF(0, top, ts.mm_to_pt(width_mm) * unit, ts.PAGE_NUMBER_PT * 2 * unit)
    painter.drawText(
        box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), ts.page_number(number)
    )
