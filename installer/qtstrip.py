"""Remove the parts of PySide6/shiboken6 (Windows wheels) that the app does not use, by PE import closure."""

from __future__ import annotations

import re
import shutil
import struct
from collections.abc import Iterable
from pathlib import Path

BASE_MODULES = {"QtCore", "QtGui", "QtWidgets"}
# Plugins loaded at run time (not imported): platforms, the Windows style, icon and image formats we need.
PLUGINS = {
    "platforms": {"qwindows.dll", "qoffscreen.dll", "qminimal.dll"},
    "styles": {"qmodernwindowsstyle.dll", "qwindowsvistastyle.dll"},
    "imageformats": {"qico.dll", "qsvg.dll"},  # PNG is built into QtGui; the app icon is PNG + SVG
    "iconengines": {"qsvgicon.dll"},
    "printsupport": {"windowsprintersupport.dll"},  # 打印: the Windows printers (the PDF needs no plugin)
}
TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}
# Qt's Python-side helpers PySide6/__init__ and the signature machinery need.
KEEP_DIRS = {"support", "plugins", "translations"}
IMPORT_RE = re.compile(r"PySide6\.(Qt\w+)|from\s+PySide6\s+import\s+\(?([\w,\s]+)\)?")


def used_modules(sources: Iterable[Path]) -> set[str]:
    """Qt modules named in `import PySide6.QtX` / `from PySide6 import QtX, QtY` in the sources."""
    found = set(BASE_MODULES)
    for path in sources:
        for dotted, listed in IMPORT_RE.findall(path.read_text(encoding="utf-8", errors="replace")):
            names = [dotted] if dotted else [n.strip() for n in listed.split(",")]
            found.update(n for n in names if n.startswith("Qt"))
    return found


def pe_imports(path: Path) -> set[str]:
    """Lower-cased names of the DLLs a PE file imports (normal and delay-load import tables)."""
    data = path.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError(f"{path} is not a PE file")
    sections, opt_size = struct.unpack_from("<H12xH", data, pe + 6)
    opt = pe + 24
    directories = opt + (112 if struct.unpack_from("<H", data, opt)[0] == 0x20B else 96)
    table = opt + opt_size
    spans = [struct.unpack_from("<8xIIII", data, table + 40 * i) for i in range(sections)]

    def offset(rva: int) -> int:
        for vsize, vaddr, rsize, raw in spans:
            if vaddr <= rva < vaddr + max(vsize, rsize):
                return rva - vaddr + raw
        raise ValueError(f"{path}: RVA {rva:#x} outside every section")

    def cstring(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii").lower()

    names: set[str] = set()
    for index, size, name_at in ((1, 20, 12), (13, 32, 4)):
        rva = struct.unpack_from("<I", data, directories + 8 * index)[0]
        if not rva:
            continue
        entry = offset(rva)
        while (name_rva := struct.unpack_from("<I", data, entry + name_at)[0]) != 0:
            names.add(cstring(name_rva))
            entry += size
    return names


def _closure(roots: list[Path], dlls: dict[str, list[Path]]) -> set[Path]:
    """Roots and every DLL they load, directly or not (all copies of a name: each folder keeps its own)."""
    keep: set[Path] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in keep:
            continue
        keep.add(path)
        todo.extend(copy for name in pe_imports(path) for copy in dlls.get(name, []))
    return keep


def _plugin_roots(pyside: Path) -> list[Path]:
    return [
        pyside / "plugins" / kind / name
        for kind, names in PLUGINS.items()
        for name in names
        if (pyside / "plugins" / kind / name).is_file()
    ]


def _unused(item: Path, keep: set[Path]) -> bool:
    """A binary outside the closure, or a folder of tools, QML, headers, type systems, examples …"""
    if item.is_dir():
        return item.name not in KEEP_DIRS | {"__pycache__"}
    return item.suffix in {".dll", ".pyd", ".exe", ".lib", ".pyi"} and item not in keep


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def strip_qt(lib: Path, sources: Iterable[Path]) -> list[str]:
    """Strip lib/PySide6 and lib/shiboken6 down to what the app uses; returns the Qt modules kept."""
    pyside, shiboken = lib / "PySide6", lib / "shiboken6"
    modules = sorted(m for m in used_modules(sources) if (pyside / f"{m}.pyd").is_file())
    dlls: dict[str, list[Path]] = {}
    for dll in [*pyside.glob("*.dll"), *shiboken.glob("*.dll")]:
        dlls.setdefault(dll.name.lower(), []).append(dll)
    roots = [pyside / f"{m}.pyd" for m in modules] + [shiboken / "Shiboken.pyd"] + _plugin_roots(pyside)
    keep = _closure(roots, dlls)
    for folder in (pyside, shiboken):
        for item in list(folder.iterdir()):
            if _unused(item, keep):
                _remove(item)
    for kind in list((pyside / "plugins").iterdir()):
        for plugin in list(kind.iterdir()):
            if plugin not in keep:
                _remove(plugin)
        if not any(kind.iterdir()):
            kind.rmdir()
    for qm in (pyside / "translations").iterdir():
        if qm.name not in TRANSLATIONS:
            _remove(qm)
    missing = {
        name
        for path in keep
        for name in pe_imports(path)
        if name.startswith("qt6") and name not in {p.name.lower() for p in keep}
    }
    if missing:
        raise SystemExit(f"Qt libraries needed but not shipped: {', '.join(sorted(missing))}")
    return modules
