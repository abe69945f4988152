"""`nianbao review FOLDER [--roster FILE] [--xlsx OUT]` and `nianbao check FOLDER --xlsx OUT`: the desk's workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.review.desk import Desk, build_desk
from model.review.entry import Entry


def add_review_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="审核一批报告（打开审核窗口，或用 --xlsx 写出审核结果）")
    review.add_argument("folder", help="报告所在的文件夹")
    review.add_argument("--roster", help="名单：.txt 或 .xlsx（每行一个单位），或上年报告所在的文件夹")
    review.add_argument("--xlsx", metavar="OUT", help="写出审核结果（.xlsx），不打开窗口")
    review.add_argument("-j", "--jobs", type=int, help="同时读取的进程数（默认：文件较多时用全部 CPU 核心）")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def cmd_review(options: argparse.Namespace) -> int:
    from nianbao.review import RosterError, folder_files, read_folder, read_roster

    folder = Path(options.folder)
    if not folder.is_dir():
        return _fail(f"“{folder}”不是文件夹")
    roster = None
    if options.roster:
        try:
            roster = read_roster(options.roster)
        except RosterError as exc:
            return _fail(str(exc))
    if not options.xlsx:
        from gui.app import run_review  # Qt is imported only here

        return run_review(str(folder), options.roster)
    entries = list(read_folder(folder_files(folder), options.jobs))
    desk = build_desk(entries, roster)
    status = write_workbook(desk, options.xlsx, folder)
    if status == 0:
        print(summary_line(desk))
    return status


def write_workbook(desk: Desk, out: str, folder: Path | None) -> int:
    """审核结果.xlsx with the reviewer's marks of ``folder`` (when it has a review file)."""
    from exporters.review_xlsx.writer import write_review_workbook
    from model.review.marks import MarksError, MarkStore
    from nianbao.review import review_path

    try:
        marks = MarkStore.load(review_path(folder)) if folder is not None else None
        write_review_workbook(desk, out, marks)
    except MarksError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"无法写出“{out}”：{exc.strerror or exc}")
    print(f"已写出审核结果 {out}")
    return 0


def summary_line(desk: Desk) -> str:
    counted = desk.counted
    errors = sum(1 for r in counted if r.entry is not None and r.entry.errors)
    text = f"{desk.year}年度：{len(counted)}份报告计入，其中{errors}份有错误"
    duplicates = sum(1 for r in desk.rows if r.superseded_by)
    if duplicates:
        text += f"，{duplicates}份重复"
    if desk.roster is not None:
        text += f"；名单中{len(desk.missing)}个单位未提交"
    return text


def entries_folder(files: list[str]) -> Path | None:
    """The folder whose review file holds the marks: the one folder given, else none."""
    return Path(files[0]) if len(files) == 1 and Path(files[0]).is_dir() else None


def entries_desk(entries: list[Entry]) -> Desk:
    return build_desk(entries)
