"""汇总 from the 审核 window: the question, the sums (model/review/rollup.py), the new draft in a window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.review.rollup import RollUpError, roll_up
from model.review.settings import desk_settings
from model.vocabulary import DEFAULT_LEVEL

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.review.window import ReviewWindow


def make_rollup(review: ReviewWindow) -> MainWindow | None:
    """Ask, sum, and return the new draft's window (not shown); None when cancelled or refused."""
    from gui.main_window import MainWindow

    counted = [r for r in review.desk.counted]
    selected = [r for r in review.selected_rows() if r.counted]
    with_errors = sum(1 for r in counted if r.entry is not None and r.entry.errors)
    choice = review.dialogs.rollup_options(review, with_errors, len(selected))
    if choice is None:
        return None
    rows = selected if choice.selected_only and selected else counted
    entries = [r.entry for r in rows if r.entry is not None]
    region = next((e for e in entries if e.level in desk_settings().region_levels), None)
    agency, level = (region.agency, region.level) if region else ("", DEFAULT_LEVEL)
    try:
        result = roll_up(entries, choice.scope, choice.include_errors, agency, level)
    except RollUpError as exc:
        review.dialogs.error(review, "无法汇总", str(exc))
        return None
    window = MainWindow(result.report, None, review.dialogs, source="汇总")
    lines = [
        f"已汇总{len(result.included)}个单位的表二、表三、表四。把鼠标停在数字上可查看各单位的数字和文件。"
    ]
    if result.with_errors:
        lines.append("包括有错误的单位：" + "、".join(result.with_errors))
    if result.left_out:
        lines.append("未计入：" + "、".join(result.left_out))
    if result.flagged:
        names = "、".join(result.report.fmt.cells[c].name for c in result.flagged[:8])
        lines.append(f"请核对（现行有效件数、金额不宜直接相加）：{names}")
    review.dialogs.info(review, "汇总", "\n".join(lines))
    window.statusBar().showMessage(lines[0], 15000)
    return window
