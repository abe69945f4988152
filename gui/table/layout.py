"""Column widths and word-wrapped row heights for a table grid, so that no label is cut off."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from model.formats import GridCell, TableSpec

PADDING_X = 16  # room left for a cell's margins when choosing column widths
TEXT_MARGIN = 8  # what a cell's margins and grid line really take from its width when text wraps
PADDING_Y = 4  # above and below a cell's text, as tight as Excel's rows: 20 rows of 表三 on a 1366×768 laptop
WRAP = int(Qt.TextFlag.TextWordWrap)


def _cells(table: TableSpec) -> list[GridCell]:
    return [cell for row in table.rows for cell in row.cells]


def column_widths(table: TableSpec, font: QFont, value_em: float = 7.0) -> list[int]:
    """Widths in pixels: label columns as wide as their labels allow (within bounds), value columns even."""
    metrics = QFontMetrics(font)
    em = metrics.horizontalAdvance("国")
    widths = [0] * table.grid_columns
    label_cols = table.label_columns
    for cell in _cells(table):
        if cell.colspan != 1 or not cell.text:
            continue
        if cell.col < label_cols:
            last = cell.col == label_cols - 1
            cap = 19 * em if last else (7 * em if cell.rowspan > 1 else 8 * em)
        else:
            cap = int(value_em * em)
        longest = max(metrics.horizontalAdvance(line) for line in cell.text.split("\n"))
        widths[cell.col] = max(widths[cell.col], min(longest + PADDING_X, cap + PADDING_X))
    minimum = int(4 * em) + PADDING_X
    for col in range(table.grid_columns):
        if col < label_cols:
            widths[col] = max(widths[col], int(2.5 * em) + PADDING_X)
        else:
            widths[col] = max(widths[col], minimum)
    return widths


def text_height(text: str, width: int, font: QFont, line_em: float = 1.0) -> int:
    """Height of ``text`` word-wrapped into a cell ``width`` pixels wide."""
    if not text:
        return 0
    metrics = QFontMetrics(font)
    rect = metrics.boundingRect(QRect(0, 0, max(1, width - TEXT_MARGIN), 100000), WRAP, text)
    return rect.height() + PADDING_Y


def row_heights(
    table: TableSpec, widths: list[int], font: QFont, bold_rows: set[int] | None = None
) -> list[int]:
    """Row heights: each row fits its single-row cells; a merged cell taller than its rows grows the last one."""
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    base = metrics.height() + PADDING_Y
    heights = [base] * len(table.rows)
    bold_rows = bold_rows or set()
    tall: list[tuple[GridCell, int]] = []
    for cell in _cells(table):
        width = sum(widths[cell.col : cell.col + cell.colspan])
        need = text_height(cell.text, width, bold if cell.row in bold_rows else font)
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            tall.append((cell, need))
    for cell, need in tall:
        rows = range(cell.row, cell.row + cell.rowspan)
        have = sum(heights[r] for r in rows)
        if need > have:
            extra = need - have
            for r in rows:  # spread the extra height over the merged rows
                heights[r] += extra // cell.rowspan + (1 if r - cell.row < extra % cell.rowspan else 0)
    return heights
