"""`nianbao check` on published PDFs: one report, and a folder where a scanned PDF sits among readable ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exporters.docx.writer import write_docx
from nianbao.cli import main
from tests.support.factories import full_2021
from tests.support.pdf_docs import convert_all
from tests.support.pdf_files import scanned

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@pytest.fixture(scope="module")
def printed(tmp_path_factory, soffice) -> dict[str, Path]:
    """Two reports printed to PDF by LibreOffice in one run."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    folder = tmp_path_factory.mktemp("check-pdf")
    sources = []
    for name, agency in (("a", "某某市甲局"), ("b", "某某县某某镇人民政府")):
        report = full_2021(agency=agency)
        if name == "b":
            report.set_value("t4.cases.review_upheld", 10)
            report.stated["t4.cases.review_total"] = 3  # 行政复议 总计 printed 3, its parts add up to 13
        write_docx(report, folder / f"{name}.docx")
        sources.append(folder / f"{name}.docx")
    return convert_all(sources, folder)


def test_check_a_pdf(printed, capsys):
    assert main(["check", str(printed["a"])]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{printed['a']}：某某市甲局2023年（2021年格式）— 0个错误")


def test_a_folder_with_pdfs_and_a_scan(printed, tmp_path, capsys):
    for name, pdf in printed.items():
        shutil.copy(pdf, tmp_path / f"{name}.pdf")
    scanned(printed["a"], tmp_path / "scan.pdf")
    assert main(["check", str(tmp_path), "--json"]) == 2
    captured = capsys.readouterr()
    listing = {Path(item["path"]).name: item for item in json.loads(captured.out)}
    assert sorted(listing) == ["a.pdf", "b.pdf"]
    assert listing["b.pdf"]["agency"] == "某某县某某镇人民政府"
    assert "T4-SUM" in {f["code"] for f in listing["b.pdf"]["findings"]}
    assert captured.err.strip().startswith("无法打开“scan.pdf”：这是扫描件（图片），无法读取文字")
