"""Every OS error a write can meet has its own Chinese sentence (model/os_errors.py); real failures where we can."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from model import atomic
from model.os_errors import describe

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs /dev/full and POSIX errors")


def raised(action) -> OSError:  # type: ignore[no-untyped-def]
    with pytest.raises(OSError) as info:
        action()
    return info.value


def windows(code: int, winerror: int, name: str = "x") -> OSError:
    exc = PermissionError(code, "Windows 的英文说明")
    exc.winerror = winerror  # type: ignore[attr-defined]  # what Windows sets beside errno
    exc.filename = name
    return exc


@posix_only
def test_a_full_disk_is_said_in_chinese():
    def fill() -> None:
        with open("/dev/full", "wb", buffering=0) as handle:
            handle.write(b"x" * 4096)

    exc = raised(fill)
    assert exc.errno == errno.ENOSPC
    assert describe(exc, Path("/dev/full")).startswith("磁盘空间不足")


def test_a_name_too_long_a_missing_folder_a_folder_for_a_file(tmp_path):
    long = tmp_path / ("长" * 100 + ".docx")
    assert describe(raised(lambda: long.write_bytes(b"")), long).startswith("文件路径过长")
    gone = tmp_path / "没有的文件夹" / "报告.docx"
    assert describe(raised(lambda: gone.write_bytes(b"")), gone).startswith("文件夹“没有的文件夹”不存在")
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    text = describe(raised(lambda: folder.write_bytes(b"")), folder)
    assert text in (
        "“报告.docx”是一个文件夹，请换一个文件名",
        "没有在“" + tmp_path.name + "”文件夹中写入的权限，请保存到其他文件夹（如“文档”或桌面）",
    )
    taken = tmp_path / "已有.docx"
    taken.write_bytes(b"")
    exists = raised(lambda: os.open(taken, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    assert describe(exists, taken) == "已有同名的文件“已有.docx”，请换一个文件名"
    under_file = taken / "子.docx"
    assert describe(raised(lambda: under_file.write_bytes(b"")), under_file).startswith(
        "路径中有一项不是文件夹"
    )


def test_the_write_of_a_name_too_long_says_so_and_leaves_nothing(tmp_path):
    long = tmp_path / ("长" * 100 + ".xlsx")
    exc = raised(lambda: atomic.replace_with(long, lambda tmp: tmp.write_bytes(b"x")))
    assert exc.errno == errno.ENAMETOOLONG and describe(exc, long).startswith("文件路径过长")
    assert list(tmp_path.iterdir()) == []


def test_a_file_open_in_word_only_on_a_sharing_violation():
    assert describe(windows(13, 32), "C:/报告/年报.docx").startswith("文件正在 Word/WPS 中打开")
    assert describe(windows(13, 33), "C:/报告/年报.xlsx").startswith("文件正在 Excel/WPS 中打开")
    assert describe(windows(13, 32), "C:/报告/年报.nianbao").startswith("文件正被其他程序")
    denied = describe(windows(13, 5), "C:/报告/年报.docx")
    assert denied.startswith("没有在“报告”文件夹中写入的权限") and "Word" not in denied
    assert describe(PermissionError(errno.EACCES, "Permission denied"), "/srv/共享/年报.docx").startswith(
        "没有在“共享”文件夹中写入的权限"
    )


def test_windows_codes_for_a_full_disk_a_long_path_a_write_protected_stick_and_a_lost_share():
    assert describe(windows(28, 112)).startswith("磁盘空间不足")
    assert describe(windows(22, 206)).startswith("文件路径过长")
    assert describe(windows(13, 19)).startswith("所在的磁盘是只读的")
    assert describe(windows(22, 53)).startswith("网络位置暂时无法访问")
    assert describe(OSError(errno.EROFS, "Read-only file system")).startswith("所在的磁盘是只读的")
    assert describe(OSError(errno.EDQUOT, "Disk quota exceeded")).startswith("磁盘空间不足")
    assert describe(OSError(errno.EIO, "Input/output error")).startswith("读写磁盘时出错")


def test_anything_else_keeps_the_systems_text_and_number():
    text = describe(OSError(errno.EMFILE, "Too many open files"))
    assert text == f"系统报告错误（Too many open files，错误代码 {errno.EMFILE}）"
    assert "No space left" not in describe(OSError(errno.ENOSPC, "No space left on device"))
