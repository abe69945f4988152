"""One Chinese sentence for every operating-system error a save, an autosave or an export can meet.

``describe(exc, path)`` reads the errno (and on Windows the ``winerror``): 磁盘空间不足, 没有写入权限, 路径过长,
a read-only disk, a folder gone, a file open in Word/WPS (only for Windows' sharing violation), … and for anything
else the system's own text with its number. Callers put the file's name in front: 「无法保存“X”：…」.
"""

from __future__ import annotations

import errno
from pathlib import Path

_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NETWORK = {errno.EHOSTDOWN, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ENETUNREACH, errno.ETIMEDOUT}
_NETWORK |= {getattr(errno, "ESTALE", errno.ETIMEDOUT), errno.ECONNRESET}
WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
WIN_TOO_LONG = {206}  # ERROR_FILENAME_EXCED_RANGE
WIN_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
WIN_WRITE_PROTECT = {19}  # ERROR_WRITE_PROTECT
WIN_NETWORK = {51, 53, 59, 64, 67}  # the network path or share is gone


def describe(exc: OSError, path: str | Path | None = None) -> str:
    """What went wrong, for the clerk, naming the folder where it helps; no errno text unless nothing fits."""
    code, winerror = exc.errno, getattr(exc, "winerror", None)
    folder = _folder(exc, path)
    if code in _FULL or winerror in WIN_FULL:
        return "磁盘空间不足，请清理磁盘后再试，或保存到其他磁盘"
    if code == errno.ENAMETOOLONG or winerror in WIN_TOO_LONG:
        return "文件路径过长，请换一个较短的文件名，或保存到层级较浅的文件夹（如桌面）"
    if code == errno.EROFS or winerror in WIN_WRITE_PROTECT:
        return "所在的磁盘是只读的（如光盘或有写保护的U盘），请保存到其他位置"
    if winerror in WIN_IN_USE:
        return _in_use(path)
    if code in _NETWORK or winerror in WIN_NETWORK:
        return "网络位置暂时无法访问，请检查网络后再试，或先保存到本机"
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        where = f"“{folder}”文件夹中" if folder else "所选位置"
        return f"没有在{where}写入的权限，请保存到其他文件夹（如“文档”或桌面）"
    if code == errno.ENOENT or isinstance(exc, FileNotFoundError):
        where = f"“{folder}”" if folder else ""
        return f"文件夹{where}不存在（可能已被移动、删除，或U盘已拔出），请另选位置"
    return _other(exc, code, path)


def _other(exc: OSError, code: int | None, path: str | Path | None) -> str:
    name = Path(path).name if path else ""
    if code == errno.EEXIST or isinstance(exc, FileExistsError):
        return f"已有同名的文件{_quoted(name)}，请换一个文件名"
    if code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        return f"{_quoted(name) or '所选的名称'}是一个文件夹，请换一个文件名"
    if code == errno.ENOTDIR or isinstance(exc, NotADirectoryError):
        return "路径中有一项不是文件夹，请另选位置"
    if code == errno.EIO:
        return "读写磁盘时出错（磁盘或U盘可能有故障），请保存到其他位置"
    text = exc.strerror or str(exc) or type(exc).__name__
    number = f"，错误代码 {code}" if code is not None else ""
    return f"系统报告错误（{text}{number}）"


def _in_use(path: str | Path | None) -> str:
    suffix = Path(path).suffix.lower() if path else ""
    program = {".docx": "Word/WPS", ".xlsx": "Excel/WPS"}.get(suffix)
    if program:
        return f"文件正在 {program} 中打开，请关闭该文件后再试，或另存为其他文件名"
    return "文件正被其他程序（如杀毒软件、网盘同步）占用，请稍后再试，或另存为其他文件"


def _folder(exc: OSError, path: str | Path | None) -> str:
    """The name of the folder the file goes in (the whole path of a drive's root: 「E:\\」)."""
    where = Path(path) if path else Path(exc.filename) if isinstance(exc.filename, str) else None
    if where is None:
        return ""
    return where.parent.name or str(where.parent)


def _quoted(name: str) -> str:
    return f"“{name}”" if name else ""
