"""Benchmark 导出 PDF (gui/printing/) against a floor measured in the same run.

The floor writes the same pages with QPdfWriter and plain text: the same number of A4 pages, every text of the
document (title, paragraphs, every table cell) drawn with ``QPainter.drawText`` one line per text in one CJK font at
the body size, no line breaking, no rules, no layout; the same fonts end up embedded. Ours lays the text out in
lines (QTextLayout), sizes and rules the tables, repeats headers, mends the ToUnicode maps and writes atomically.

Run: python benchmarks/bench_export_pdf.py   (absolute times vary; the ratios are what to compare)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF  # noqa: E402
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter  # noqa: E402

from gui.printing.fonts import font  # noqa: E402
from gui.printing.pdf import RESOLUTION, _text, ensure_app, pdf_bytes, write_pdf  # noqa: E402
from model import typeset as ts  # noqa: E402
from model.document import report_document  # noqa: E402
from model.example import load_example  # noqa: E402
from tests.support.factories import full_2021  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from timing import per_call  # noqa: E402


def floor_write(texts: list[str], pages: int, path: Path) -> None:
    """The same texts on the same number of A4 pages, drawn as plain text lines by QPdfWriter."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.setFont(font("body", ts.BODY_PT))
    step = ts.BODY_LINE_PT * RESOLUTION / 72
    per_page = -(-len(texts) // pages)
    for index, text in enumerate(texts):
        if index and index % per_page == 0:
            writer.newPage()
        painter.drawText(QPointF(step * 2, step * (2 + index % per_page) / 2), text)
    painter.end()
    del writer
    buffer.close()
    path.write_bytes(bytes(data.data()))


def main() -> None:
    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, floor_path = Path(tmp) / "ours.pdf", Path(tmp) / "floor.pdf"
        for label, report in (("example (2019 format)", load_example()), ("full 2021", full_2021())):
            document = report_document(report)
            texts = [text for text in _text(document) if text]
            pages = pdf_bytes(document).count(b"/Type /Page\n") or 5
            write_pdf(report, ours_path)
            floor_write(texts, pages, floor_path)
            ours = per_call(lambda report=report: write_pdf(report, ours_path), rounds=5, number=5)
            floor = per_call(lambda t=texts, n=pages: floor_write(t, n, floor_path), rounds=5, number=5)
            print(
                f"PDF export, {label}: {ours * 1e3:.1f} ms for the whole report ({pages} pages, "
                f"{ours_path.stat().st_size // 1024} KB) = {ours / floor:.2f}× the floor ({floor * 1e3:.1f} ms: "
                f"{len(texts)} texts drawn as plain lines with QPdfWriter, {floor_path.stat().st_size // 1024} KB)"
            )


if __name__ == "__main__":
    main()
