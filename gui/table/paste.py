"""Copying a rectangle of the grid and planning a paste onto it: which cells get which text, what is skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from gui.clipboard import Rows, to_html, to_tsv
from gui.table.model import ReportTableModel
from model.formats import GridCell
from model.report import Report
from model.values import InputError, format_value, parse_value


@dataclass
class PastePlan:
    """What a paste does: texts for input cells, and what it leaves alone."""

    changes: dict[str, str] = field(default_factory=dict)
    computed: dict[str, str] = field(default_factory=dict)  # computed cells pasted over, with the text
    labels: int = 0  # label cells pasted over with a different text
    outside: int = 0  # pasted cells beyond the edge of the table
    merged: int = 0  # further values that fell on a merged cell already given one
    rows: int = 0
    cols: int = 0

    def summary(self) -> str:
        """A Chinese note of what was skipped, or "" when nothing was."""
        parts = []
        if self.computed:
            parts.append(f"跳过{len(self.computed)}个自动计算的总计单元格（由各项相加得出）")
        if self.labels:
            parts.append(f"跳过{self.labels}个表头或栏目单元格")
        if self.merged:
            parts.append(f"{self.merged}个值落在已填写的合并单元格内，未使用")
        if self.outside:
            parts.append(f"超出表格范围的{self.outside}个单元格未粘贴")
        return "；".join(parts)


def differing_totals(report: Report, computed: dict[str, str]) -> list[str]:
    """For pasted totals that differ from the computed ones: "name：粘贴为X，计算为Y" (unreadable text counts)."""
    out = []
    for cell_id, text in computed.items():
        spec = report.fmt.cells[cell_id]
        try:
            pasted = parse_value(text, spec.kind, spec.name)[0]
        except InputError:
            pasted = None
        value = report.value(cell_id)
        if pasted is None or value is None or pasted != value:
            out.append(f"{spec.name}：粘贴为{text.strip()}，计算为{format_value(value) or '空白'}")
    return out


def copy_region(model: ReportTableModel, top: int, left: int, bottom: int, right: int) -> tuple[str, str]:
    """The rectangle as tab-separated text and as an HTML table (merged cells kept, clipped to the rectangle)."""
    rows: Rows = [["" for _ in range(left, right + 1)] for _ in range(top, bottom + 1)]
    seen: set[GridCell] = set()
    html_cells = []
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            cell = model.cell_at(r, c)
            if cell is None or cell in seen:
                continue
            seen.add(cell)
            text = model.text(cell)
            rows[r - top][c - left] = text
            r1, c1 = min(cell.row + cell.rowspan - 1, bottom), min(cell.col + cell.colspan - 1, right)
            html_cells.append((r - top, c - left, r1 - r + 1, c1 - c + 1, text))
    return to_tsv(rows), to_html(html_cells, len(rows))


def tiled(rows: Rows, height: int, width: int) -> Rows:
    """A block repeated over a selection that is a whole multiple of it, as Excel does; else the block itself."""
    h, w = len(rows), len(rows[0]) if rows else 0
    if not h or not w or (h, w) == (height, width) or height % h or width % w:
        return rows
    return [[rows[r % h][c % w] for c in range(width)] for r in range(height)]


def plan_paste(
    model: ReportTableModel, rows: Rows, top: int, left: int, fill: list[tuple[int, int]] | None = None
) -> PastePlan:
    """Lay ``rows`` onto the grid from (top, left); a single value with ``fill`` goes into every position given."""
    if fill and len(rows) == 1 and len(rows[0]) == 1:
        placed = [(r, c, rows[0][0]) for r, c in fill]
    else:
        placed = [(top + i, left + j, text) for i, row in enumerate(rows) for j, text in enumerate(row)]
    plan = plan_placed(model, placed)
    plan.rows, plan.cols = len(rows), max((len(r) for r in rows), default=0)
    return plan


def plan_placed(model: ReportTableModel, placed: list[tuple[int, int, str]], extra: int = 0) -> PastePlan:
    """What texts placed at grid positions do (a block lined up by its labels); ``extra`` texts found no cell."""
    plan = PastePlan(outside=extra)
    for r, c, text in placed:
        cell = model.cell_at(r, c)
        if cell is None:
            plan.outside += 1 if text.strip() else 0
            continue
        _place(model, plan, cell, text)
    return plan


def paste_note(report: Report, plan: PastePlan, messages: list[str], aligned: int = 0) -> str:
    """The note after a paste: how a block was lined up, what was skipped, differing totals, refused values."""
    summary = plan.summary()
    notes = [summary] if summary else []
    if aligned:
        notes.insert(0, f"已按复制内容中的栏目名称对齐粘贴（{aligned}行）")
    differing = differing_totals(report, plan.computed)
    if differing:
        notes.append(
            f"其中{len(differing)}个粘贴的总计与各项相加不同，请核对："
            + "；".join(differing[:3])
            + _more(differing)
        )
    if messages:
        notes.append(f"{len(messages)}个值未被接受，原值保留：" + "；".join(messages[:3]) + _more(messages))
    return "\n".join(notes)


def _more(items: list[str]) -> str:
    return "……" if len(items) > 3 else ""


def _place(model: ReportTableModel, plan: PastePlan, cell: GridCell, text: str) -> None:
    kind = model.kind(cell)
    if kind == "label":
        if _squash(text) and _squash(text) != _squash(cell.text):
            plan.labels += 1
    elif kind == "computed":
        if text.strip() and cell.cell_id not in plan.computed:
            plan.computed[str(cell.cell_id)] = text
    elif cell.cell_id is not None:
        # a merged value cell takes the first non-empty text pasted onto any of its positions
        before = plan.changes.get(cell.cell_id)
        if before is None or (not before.strip() and text.strip()):
            plan.changes[cell.cell_id] = text
        elif text.strip():
            plan.merged += 1


def _squash(text: str) -> str:
    """A label without any spaces or line breaks (documents break 「商业企业」 as 「商业\n企业」)."""
    return "".join(text.split())
