"""The `nianbao` command: the GUI by default, and new / demo / check / export without importing Qt."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.report import Report
    from nianbao.batch import Checked

COMMANDS = ("new", "demo", "check", "export", "review", "ledger")


def _parser() -> argparse.ArgumentParser:
    from exporters.kinds import exportable, readable
    from model.formats import format_ids
    from model.vocabulary import DEFAULT_LEVEL, LEVELS
    from nianbao.review_cli import add_review_parser

    parser = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告填报助手")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="新建空白草稿")
    new.add_argument("--year", type=int, required=True, help="报告年度，如 2025")
    new.add_argument("--agency", required=True, help="机关名称")
    new.add_argument("--level", default=DEFAULT_LEVEL, help=f"机关层级（{'、'.join(LEVELS)}）")
    new.add_argument(
        "--format", dest="format_id", choices=format_ids(), help="报告格式（默认按年度选用官方格式）"
    )
    new.add_argument("-o", "--output", required=True, help="草稿文件（.nianbao）")
    demo = sub.add_parser("demo", help="写出示例草稿")
    demo.add_argument("folder", nargs="?", default=".", help="目标文件夹（默认当前文件夹）")
    names = "、".join(k.short for k in readable())
    check = sub.add_parser("check", help=f"检查报告（{names}）")
    check.add_argument("files", nargs="+", help="文件或文件夹")
    check.add_argument("--previous", help="上年报告，用于核对结转数据")
    check.add_argument("--pack", default="", help="执行口径（地方校验规则包的名称），默认只按国家格式校验")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.add_argument("-j", "--jobs", type=int, help="同时检查的进程数（默认：文件较多时用全部 CPU 核心）")
    check.add_argument("--xlsx", metavar="OUT", help="另写出审核结果（.xlsx：汇总、问题清单、数据）")
    add_review_parser(sub)
    export = sub.add_parser("export", help="导出 " + " / ".join(k.short for k in exportable()))
    export.add_argument("file")
    for entry in exportable():
        export.add_argument(f"--{entry.key}", metavar="OUT", help=f"{entry.short} 文件（{entry.suffix}）")
    export.add_argument(
        "--fonts",
        choices=("published", "windows"),
        default="published",
        help="Word 字体：published＝公文字体（仿宋_GB2312 等，缺字体时由 Word/WPS 替代），"
        "windows＝只用 Windows 自带字体（仿宋、楷体、黑体、宋体）",
    )
    export.add_argument("--force", action="store_true", help="覆盖已经存在的导出文件（默认不覆盖）")
    closing = export.add_mutually_exclusive_group()
    closing.add_argument(
        "--filed", action="store_true", help="备案稿：Word/PDF 末尾加落款和单位负责人签字、盖章、日期栏"
    )
    closing.add_argument("--sign-off", action="store_true", help="公开版末尾加落款（机关名称、日期）")
    export.add_argument(
        "--sign-off-date",
        metavar="日期",
        help="落款日期，如 2025-01-20（代替草稿中的落款日期和导出当天；未加 --filed 时即加落款）",
    )
    from nianbao import ledger_cli

    ledger_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _utf8_output()  # the GUI's --smoke prints paths too; a cp1252 pipe must not crash it
    if args and args[0] in COMMANDS:
        options = _parser().parse_args(args)
        handler = {
            "new": cmd_new,
            "demo": cmd_demo,
            "check": cmd_check,
            "export": cmd_export,
            "review": cmd_review,
            "ledger": _cmd_ledger,
        }[options.command]
        return handler(options)
    import gc

    gc.disable()  # no collections while Qt loads and the window is built (≈ 10 ms); gui/app.py enables them again
    from gui.app import run  # Qt is imported only here

    try:
        return run(args)
    except SystemExit:
        if args and args[0] in ("-h", "--help"):
            print(_commands_help())
        raise
    finally:
        gc.enable()  # also after --help or an error before the window was up


def _cmd_ledger(options: argparse.Namespace) -> int:
    from nianbao.ledger_cli import cmd_ledger

    return cmd_ledger(options)


def _commands_help() -> str:
    """The commands that work without a window, for `nianbao --help` (which shows the window's options)."""
    choices = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    lines = ["", "不打开窗口的命令（用 nianbao 命令 --help 查看各自的选项）："]
    lines += [f"  nianbao {action.dest:<8}{action.help}" for action in choices._choices_actions]
    return "\n".join(lines)


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")  # a file name in no encoding prints too


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def cmd_new(options: argparse.Namespace) -> int:
    from model import draft, limits
    from model.report import LEVELS, Report

    if options.level not in LEVELS:
        return _fail(f"机关层级应为以下之一：{'、'.join(LEVELS)}")
    if not limits.MIN_YEAR <= options.year <= limits.MAX_YEAR:
        return _fail("报告年度无效")
    if len(options.agency) > limits.MAX_AGENCY:  # the draft would not open again
        return _fail(f"机关名称过长：最多{limits.MAX_AGENCY}字")
    report = Report.new(options.year, options.agency, options.level, options.format_id)
    try:
        draft.save(report, options.output)
    except draft.DraftError as exc:  # 磁盘空间不足, 没有写入权限, 只读文件 …
        return _fail(str(exc))
    print(f"已新建 {options.output}（{report.fmt.name}）")
    return 0


def cmd_demo(options: argparse.Namespace) -> int:
    from model.example import EXAMPLE_NAME, example_bytes
    from model.os_errors import describe

    folder = Path(options.folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / EXAMPLE_NAME
        target.write_bytes(example_bytes())
    except OSError as exc:
        return _fail(f"无法写入“{folder}”：{describe(exc, folder / EXAMPLE_NAME)}")
    print(f"已写出示例报告 {target}")
    return 0


def _expand(paths: list[str], empty: list[Path]) -> Iterator[Path]:
    """Files as given; folders searched for reports, including old .doc/.xls ones (reported as unreadable).

    A folder without any (also one named like a file, 「x.docx」) goes to ``empty``."""
    from exporters.kinds import OLD_KINDS, folder_suffixes

    readable = folder_suffixes()

    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                suffix = child.suffix.lower()
                if (suffix in readable or suffix in OLD_KINDS) and not child.name.startswith(("~$", ".")):
                    found = True
                    yield child
            if not found:
                empty.append(path)
        else:
            yield path


def _no_reports(folder: Path) -> str:
    from exporters.kinds import folder_suffixes

    return f"“{folder}”是文件夹，其中没有可检查的报告文件（{'、'.join(folder_suffixes())}）"


class _Progress:
    """「检查中 3/10：name」 on one terminal line of stderr, cleared before anything else is printed."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.on = total > 1 and sys.stderr.isatty()
        self.width = 0

    def show(self, index: int, path: Path) -> None:
        if self.on:
            text = f"检查中 {index}/{self.total}：{path.name}"[:60]
            print("\r" + text.ljust(self.width), end="", file=sys.stderr, flush=True)
            self.width = max(self.width, len(text) * 2)

    def clear(self) -> None:
        if self.on and self.width:
            print("\r" + " " * self.width + "\r", end="", file=sys.stderr, flush=True)
            self.width = 0


def cmd_check(options: argparse.Namespace) -> int:
    from exporters.reading import ReadError, read_any
    from model.review.desk import build_desk
    from model.review.entry import Entry
    from nianbao.batch import check_all, check_one, workers_for
    from nianbao.review import review_one
    from nianbao.review_cli import entries_folder, write_workbook

    if options.previous:
        try:
            read_any(options.previous)  # refused here once, not in every worker
        except ReadError as exc:
            return _fail(f"上年报告：{exc}")
    if options.pack:
        from model.packs import PackError, check_pack

        try:
            check_pack(options.pack)  # a wrong name or file: one sentence, before any report is read
        except PackError as exc:
            return _fail(f"执行口径：{exc}")
    empty: list[Path] = []
    files = list(_expand(options.files, empty))
    for folder in empty:
        print(_no_reports(folder), file=sys.stderr)
    progress = _Progress(len(files))
    status = 2 if empty else 0
    if options.json:
        print("[", end="")
    task = review_one if options.xlsx else check_one  # the workbook needs each report's values
    kept: list[Entry] = []
    for index, result in enumerate(
        check_all(files, options.previous, workers_for(len(files), options.jobs), task, options.pack), 1
    ):
        progress.show(index, result.path)
        if options.xlsx:
            kept.append(result)
        if result.error is not None:
            progress.clear()
            print(result.error, file=sys.stderr)
            status = 2
            continue
        if result.has_errors and status == 0:
            status = 1
        if options.json:
            text = json.dumps(_as_json(result), ensure_ascii=False, indent=1)
            print(("\n" if index == 1 else ",\n") + text, end="", flush=True)
        else:
            progress.clear()
            _print_text(result, options.pack)
    progress.clear()
    if options.json:
        print("]")
    if options.xlsx:
        written = write_workbook(build_desk(kept), options.xlsx, entries_folder(options.files))
        status = max(status, written)
    return status


def _pack_note(pack: str, format_id: str) -> str:
    """「，执行口径：…」 when the report was checked with the pack (it is written for the report's format)."""
    if not pack:
        return ""
    from model.packs import fits, pack_summary

    return f"，执行口径：{pack_summary(pack).label}" if fits(pack, format_id) else ""


def _print_text(result: Checked, pack: str = "") -> None:
    from model.vocabulary import SEVERITY_NAMES

    findings = result.findings
    number = {severity: sum(f.severity == severity for f in findings) for severity in SEVERITY_NAMES}
    tally = "，".join(
        f"{number[s]}个{name}" for s, name in SEVERITY_NAMES.items() if number[s] or s != "info"
    )
    agency = result.agency or "（未识别机关名称）"
    checked_by = result.format_name + _pack_note(pack, result.format_id)
    print(f"{result.path}：{agency}{result.year}年（{checked_by}）— {tally}")
    for finding in findings:
        print(f"  [{SEVERITY_NAMES[finding.severity]}] {finding.code} {finding.message}")


def _as_json(result: Checked) -> dict[str, object]:
    return {
        "path": str(result.path),
        "format": result.format_id,
        "year": result.year,
        "agency": result.agency,
        "findings": [f.as_dict() for f in result.findings],
    }


def cmd_review(options: argparse.Namespace) -> int:
    from nianbao.review_cli import cmd_review as review

    return review(options)


def cmd_export(options: argparse.Namespace) -> int:
    from exporters.kinds import ExportOptions, exportable
    from exporters.reading import ReadError, read_any
    from model.os_errors import describe

    targets = [(entry, getattr(options, entry.key)) for entry in exportable() if getattr(options, entry.key)]
    if not targets:
        return _fail("请用 " + " 或 ".join(f"--{k.key}" for k in exportable()) + " 指定导出的文件")
    existing = [str(target) for _, target in targets if _exists(target)]
    if existing and not options.force:
        names = "”“".join(existing)
        return _fail(f"“{names}”已经存在，未导出。如要覆盖，请加 --force；或换一个文件名。")
    from model.closings import parse_sign_off_date

    try:
        day = parse_sign_off_date(options.sign_off_date) if options.sign_off_date is not None else None
    except ValueError as exc:  # before the report is read: a wrong date is the command's mistake
        return _fail(str(exc))
    try:
        report, _ = read_any(options.file)
    except ReadError as exc:
        return _fail(str(exc))
    _warn_errors(report)
    report.sign_off_date = day or report.sign_off_date
    closing = "filed" if options.filed else "sign_off" if options.sign_off or day else "none"
    choice = ExportOptions(windows_fonts=options.fonts == "windows", closing=closing)
    for entry, target in targets:
        try:
            entry.write(report, target, choice)
        except OSError as exc:  # 磁盘空间不足, 没有写入权限, 路径过长 … in Chinese
            return _fail(f"无法导出“{target}”：{describe(exc, target)}")
        print(f"已导出 {target}")
    return 0


def _exists(path: str) -> bool:
    """Whether a file is there; a name too long for the disk is not (the write then says why)."""
    try:
        return Path(path).exists()
    except OSError:
        return False


def _warn_errors(report: Report) -> None:
    """The app asks before exporting a report with errors; the command exports and says so."""
    from model.engine import counts, evaluate

    errors = counts(evaluate(report))["error"]
    if errors:
        print(f"注意：报告还有{errors}个错误（用 nianbao check 查看），仍照常导出", file=sys.stderr)
