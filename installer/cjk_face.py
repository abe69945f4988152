"""Write the SC face of Noto Sans CJK as .otf files into a folder (a wine prefix's C:\\windows\\Fonts).

Qt on Windows reads only .ttf/.otf files, and Debian ships Noto Sans CJK as a collection (.ttc).
Usage: python installer/cjk_face.py FOLDER (needs fontTools: installer/requirements-tools.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
FAMILY = "Noto Sans CJK SC"


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        fonts = TTCollection(SOURCE.format(weight=weight), lazy=True).fonts
        face = next(f for f in fonts if f["name"].getDebugName(1) == FAMILY)
        face.save(str(folder / f"NotoSansCJKsc-{weight}.otf"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
