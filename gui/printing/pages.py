"""The report's pages, laid out from model/document.py in a paint device's units: A4 with the Word export's
margins, the body on the fixed 28.95 pt line, tables with ruled cells whose header rows repeat on every page they
run over (rows and merged cells never split), table 四 on a landscape page only when the plan says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QFont, QPaintDevice, QTextLayout, QTextOption

from gui.printing.fonts import font
from model import typeset as ts
from model.document import Heading, Paragraph, ReportDocument, Table

TITLE_LINE_PT, TITLE_AFTER_PT = 35.0, ts.BODY_LINE_PT  # the Word template's title: exact 35 pt, a line after
TABLE_LINE_FACTOR = 1.2  # table text on single lines
CELL_PAD_PT = 1.5  # above and below a cell's text
BEFORE_TABLE_PT = 4.0
CLOSING_BEFORE_LINES = 2
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter}


@dataclass
class Placed:
    """A laid-out line of text and where its layout is drawn (``QTextLine.draw`` at ``origin``)."""

    layout: QTextLayout
    index: int
    origin: QPointF


@dataclass
class Page:
    landscape: bool
    lines: list[Placed] = field(default_factory=list)
    rules: list[QLineF] = field(default_factory=list)


@dataclass
class _Row:
    top: float  # within the table, units
    height: float


class Typesetter:
    """Lays the document out page by page; ``pages`` is the result (paint with ``gui/printing/paint.py``)."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.unit = device.logicalDpiY() / 72  # device units per point
        self.pages: list[Page] = []
        self._grids: dict[int, tuple[Table, _Grid]] = {}
        self.fonts = {
            "title": font("title", ts.TITLE_PT),
            "body": font("body", ts.BODY_PT),
            "heading": font("heading", ts.BODY_PT),
            "subheading": font("subheading", ts.BODY_PT),
        }
        self._page(False)

    def pt(self, value: float) -> float:
        return value * self.unit

    # -- pages ---------------------------------------------------------------------------------------------
    def _page(self, landscape: bool) -> None:
        self.pages.append(Page(landscape))
        margins = ts.LANDSCAPE_MARGINS_MM if landscape else ts.MARGINS_MM
        height = ts.PAGE_MM[0] if landscape else ts.PAGE_MM[1]
        self.left = self.pt(ts.mm_to_pt(margins["left"]))
        self.width = self.pt(ts.text_width_pt(landscape))
        self.y = self.pt(ts.mm_to_pt(margins["top"]))
        self.bottom = self.pt(ts.mm_to_pt(height - margins["bottom"]))

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def _fresh(self) -> bool:
        margins = ts.LANDSCAPE_MARGINS_MM if self.page.landscape else ts.MARGINS_MM
        return self.y <= self.pt(ts.mm_to_pt(margins["top"])) + 0.5 and not self.page.lines

    # -- text ----------------------------------------------------------------------------------------------
    def layout(
        self, parts: list[tuple[str, QFont]], width: float, indent: float = 0.0, align: str = "justify"
    ) -> QTextLayout:
        """Lines of ``width`` units, the first indented; ``parts`` are runs of text in their fonts."""
        text = "".join(part for part, _ in parts)
        layout = QTextLayout(text, parts[-1][1], self.device)
        if len(parts) > 1:
            ranges, start = [], 0
            for part, part_font in parts:
                rng = QTextLayout.FormatRange()
                # PySide6's stubs leave out FormatRange's fields
                rng.start, rng.length = start, len(part)  # type: ignore[attr-defined]
                rng.format.setFont(part_font)  # type: ignore[attr-defined]
                ranges.append(rng)
                start += len(part)
            layout.setFormats(ranges)
        option = QTextOption()
        flags = {"justify": Qt.AlignmentFlag.AlignJustify, "right": Qt.AlignmentFlag.AlignRight}
        option.setAlignment(flags.get(align, _ALIGN.get(align, Qt.AlignmentFlag.AlignLeft)))
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        first = True
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            x = indent if first else 0.0
            line.setLineWidth(max(width - x, 1.0))
            line.setPosition(QPointF(x, 0.0))
            first = False
        layout.endLayout()
        return layout

    def lines(self, layout: QTextLayout, pitch: float, left: float | None = None) -> None:
        """Place each line on the fixed line ``pitch``, turning the page where the type area ends."""
        for index in range(layout.lineCount()):
            if self.y + pitch > self.bottom + 0.5:
                self._page(self.page.landscape)
            line = layout.lineAt(index)
            top = self.y + (pitch - line.height()) / 2
            self.page.lines.append(Placed(layout, index, QPointF(self.left if left is None else left, top)))
            self.y += pitch

    def title(self, lines: tuple[str, ...]) -> None:
        for text in lines:
            self.lines(
                self.layout([(text, self.fonts["title"])], self.width, align="center"), self.pt(TITLE_LINE_PT)
            )
        self.y += self.pt(TITLE_AFTER_PT)

    def paragraph(self, paragraph: Paragraph, space_before: bool) -> None:
        body, em, pitch = self.fonts["body"], self.pt(ts.BODY_PT), self.pt(ts.BODY_LINE_PT)
        if space_before:
            self.y += CLOSING_BEFORE_LINES * pitch
        style = paragraph.style
        if style == "sign_off":
            self.lines(self.layout([(paragraph.text, body)], self.width - 2 * em, align="right"), pitch)
        elif style == "signature":
            half = self.width / 2
            self.lines(self.layout([(paragraph.text, body)], half, align="left"), pitch, self.left + half)
        else:
            main = self.fonts["subheading"] if style == "subheading" else body
            parts = [(paragraph.lead, self.fonts["subheading"])] if paragraph.lead else []
            align = "left" if style == "contact" else "justify"
            self.lines(self.layout([*parts, (paragraph.text, main)], self.width, 2 * em, align), pitch)

    def heading(self, heading: Heading, table: Table | None) -> None:
        pitch = self.pt(ts.BODY_LINE_PT)
        landscape = bool(table and table.plan.landscape)
        if landscape != self.page.landscape:
            if self._fresh():
                self.pages.pop()
            self._page(landscape)
        layout = self.layout([(heading.text, self.fonts["heading"])], self.width, 2 * self.pt(ts.BODY_PT))
        need = pitch * layout.lineCount() + (self._table_start(table) if table else pitch)
        if self.y + need > self.bottom and not self._fresh():
            self._page(landscape)  # a heading never ends a page: it goes with its table or first line
        self.lines(layout, pitch)

    # -- tables --------------------------------------------------------------------------------------------
    def _grid(self, table: Table) -> _Grid:
        """The table laid out once (the heading asks what must fit, then the table is drawn)."""
        if self._grids.get(id(table), (None,))[0] is not table:
            self._grids[id(table)] = (table, _Grid(self, table))
        return self._grids[id(table)][1]

    def _table_start(self, table: Table) -> float:
        """What must fit under the heading: the whole table if it fits a page, else its header and first band."""
        grid = self._grid(table)
        whole = grid.height(0, table.rows)
        if whole <= self.bottom - self.y or self.pt(BEFORE_TABLE_PT) + whole > self._page_height():
            first = grid.bands[0] if grid.bands else (0, 0)
            return self.pt(BEFORE_TABLE_PT) + grid.height(0, first[1])
        return self.pt(BEFORE_TABLE_PT) + whole

    def _page_height(self) -> float:
        margins = ts.LANDSCAPE_MARGINS_MM if self.page.landscape else ts.MARGINS_MM
        height = ts.PAGE_MM[0] if self.page.landscape else ts.PAGE_MM[1]
        return self.pt(ts.mm_to_pt(height - margins["top"] - margins["bottom"]))

    def table(self, table: Table) -> None:
        grid = self._grid(table)
        self.y += self.pt(BEFORE_TABLE_PT)
        header = grid.header_bands()
        start = grid.first_data_band()
        if self.y + grid.height(0, table.rows) > self.bottom and not self._fresh():
            fits_page = grid.height(0, table.rows) <= self._page_height()
            if fits_page:  # moved whole to the next page, as Word moves a table whose rows keep together
                self._page(self.page.landscape)
        grid.draw_rows(0, start, self.y)
        self.y += grid.height(0, start)
        for first, last in grid.bands[len(header) :]:
            band = grid.height(first, last)
            if self.y + band > self.bottom + 0.5:
                self._page(self.page.landscape)
                grid.draw_rows(0, start, self.y)  # the header rows again on the next page
                self.y += grid.height(0, start)
            grid.draw_rows(first, last, self.y)
            self.y += band
        self.y += self.pt(ts.BODY_LINE_PT) / 2
        if table.plan.landscape:
            self._page(False)

    # -- the whole document ---------------------------------------------------------------------------------
    def run(self, document: ReportDocument) -> list[Page]:
        self.title(document.title)
        blocks = document.every_block()
        first_closing = document.closing[0] if document.closing else None
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Heading):
                self.heading(block, following if isinstance(following, Table) else None)
            elif isinstance(block, Table):
                self.table(block)
            else:
                self.paragraph(block, block is first_closing)
        if len(self.pages) > 1 and not self.page.lines and not self.page.rules:
            self.pages.pop()
        return self.pages


class _Grid:
    """A table's cells laid out in its plan's widths: row heights, and the bands of rows that merged cells join."""

    def __init__(self, setter: Typesetter, table: Table) -> None:
        self.setter, self.table = setter, table
        scale = setter.width / setter.pt(sum(table.plan.widths))
        self.x = [setter.left]
        for width in table.plan.widths:
            self.x.append(self.x[-1] + setter.pt(width) * scale)
        table_font = font("table", table.plan.point_size)
        self.pitch = setter.pt(table.plan.point_size * TABLE_LINE_FACTOR)
        pad = setter.pt(ts.mm_to_pt(ts.TABLE_CELL_MARGIN_MM))
        self.layouts: dict[tuple[int, int], QTextLayout] = {}
        heights = [setter.pt(ts.mm_to_pt(ts.TABLE_ROW_MM))] * table.rows
        for cell in table.cells:
            width = self.x[cell.col + cell.colspan] - self.x[cell.col] - 2 * pad
            layout = setter.layout([(cell.text, table_font)], width, align=cell.align)
            self.layouts[(cell.row, cell.col)] = layout
            need = layout.lineCount() * self.pitch + 2 * setter.pt(CELL_PAD_PT)
            last = cell.row + cell.rowspan - 1
            have = sum(heights[cell.row : last + 1])
            if need > have:
                heights[last] += need - have
        self.heights = heights
        self.bands = self._bands()

    def _bands(self) -> list[tuple[int, int]]:
        """Runs of rows [first, last) that no page break may cut (a merged cell spans them)."""
        reach = list(range(1, self.table.rows + 1))
        for cell in self.table.cells:
            for row in range(cell.row, cell.row + cell.rowspan):
                reach[row] = max(reach[row], cell.row + cell.rowspan)
        bands, first = [], 0
        while first < self.table.rows:
            last, end = first, reach[first]
            while last < end:
                end = max(end, reach[last])
                last += 1
            bands.append((first, last))
            first = last
        return bands

    def header_bands(self) -> list[tuple[int, int]]:
        return [band for band in self.bands if band[1] <= self.table.header_rows]

    def first_data_band(self) -> int:
        header = self.header_bands()
        return header[-1][1] if header else 0

    def height(self, first: int, last: int) -> float:
        return sum(self.heights[first:last])

    def draw_rows(self, first: int, last: int, top: float) -> None:
        """Cells starting in rows [first, last), their text centred vertically, and their four rules."""
        page, pad = self.setter.page, self.setter.pt(ts.mm_to_pt(ts.TABLE_CELL_MARGIN_MM))
        tops = {row: top + self.height(first, row) for row in range(first, last + 1)}
        for cell in self.table.cells:
            if not first <= cell.row < last:
                continue
            y0, y1 = tops[cell.row], tops[cell.row] + self.height(cell.row, cell.row + cell.rowspan)
            x0, x1 = self.x[cell.col], self.x[cell.col + cell.colspan]
            page.rules.extend(_frame(x0, y0, x1, y1))
            layout = self.layouts[(cell.row, cell.col)]
            text_top = y0 + (y1 - y0 - layout.lineCount() * self.pitch) / 2
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                y = text_top + index * self.pitch + (self.pitch - line.height()) / 2
                page.lines.append(Placed(layout, index, QPointF(x0 + pad, y)))


def _frame(x0: float, y0: float, x1: float, y1: float) -> list[QLineF]:
    return [QLineF(x0, y0, x1, y0), QLineF(x1, y0, x1, y1), QLineF(x0, y1, x1, y1), QLineF(x0, y0, x0, y1)]
