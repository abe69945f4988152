"""Report pages as portals publish them (TRS, 大汉 and similar CMSs), built from a report and the format's grids."""

from __future__ import annotations

import base64
import html
import quopri
from dataclasses import dataclass, field

from model.formats import GridCell, TableSpec, load_format
from model.report import Report
from tests.support.office_docs import Style, label_text, value_text

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@dataclass
class Portal:
    """How a portal shows the report."""

    container: str = "TRS_Editor"  # the CMS's content element: a class, "#id", or "" (none: a plain div)
    charset: str = "utf-8"  # how the page's bytes are encoded
    declared: str | None = None  # the charset its <meta> names (None: the true one; "": no declaration)
    http_equiv: bool = False  # <meta http-equiv="Content-Type" content="text/html; charset=…"> instead
    title_at: str = "h1"  # "h1" (the article's heading above the content), "content" (its first line), "both"
    title_lines: int = 1  # 2: the agency on a line of its own (<br>)
    date_line: str | None = "发布日期：{next}-01-20"  # the info line under the title ({next}: the year after)
    spans: bool = True  # labels split over several <span>s, with inline styles
    breaks: bool = True  # <br> inside long header labels
    wrapped: bool = True  # the HTML source breaks lines inside text (between Chinese characters)
    layout_table: bool = False  # the whole article inside a layout table (old portals)
    collector: bool = False  # a collector's 「标题：」 and 「来源：」 lines at the top of the content
    style: Style = field(default_factory=Style)  # zero words, extra rows … as for Word


def _spans(text: str, portal: Portal) -> str:
    """A label as CMS editors leave it: split over spans (one per few characters), line breaks as <br>."""
    lines = []
    for line in text.split("\n"):
        if not portal.spans or len(line) < 3:
            lines.append(html.escape(line))
            continue
        pieces = [line[i : i + 3] for i in range(0, len(line), 3)]
        lines.append(
            "".join(
                f'<span style="font-family:宋体;font-size:10.5pt">{html.escape(p)}</span>' for p in pieces
            )
        )
    return "<br/>".join(lines)


def _wrap(text: str, portal: Portal) -> str:
    """Escaped text, broken over source lines the way editors wrap it (browsers join Chinese lines without space)."""
    escaped = html.escape(text)
    if not portal.wrapped or len(escaped) < 24:
        return escaped
    cut = next((i for i in range(12, len(escaped) - 1) if _cjk(escaped[i - 1]) and _cjk(escaped[i])), None)
    return escaped if cut is None else escaped[:cut] + "\n\t\t" + escaped[cut:]


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def table_html(report: Report, table: TableSpec, portal: Portal) -> str:
    """The format's grid as an HTML table: every merged cell a rowspan/colspan, labels in spans."""
    style = portal.style

    def text_of(cell: GridCell) -> str:
        if cell.cell_id is None:
            label = label_text(cell.text, style)
            if portal.breaks and len(label) >= 8 and "\n" not in label:
                label = label[: len(label) // 2] + "\n" + label[len(label) // 2 :]
            return _spans(label, portal)
        return html.escape(report.invalid.get(cell.cell_id) or value_text(report, cell.cell_id, style))

    out = [
        '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">',
        "<tbody>",
    ]
    by_row: dict[int, list[GridCell]] = {}
    for grid_row in table.rows:
        for cell in grid_row.cells:
            by_row.setdefault(cell.row, []).append(cell)
    for index in range(len(table.rows)):
        out.append("<tr>")
        for cell in sorted(by_row.get(index, []), key=lambda c: c.col):
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
            )
            out.append(
                f'<td{spans} style="border:1px solid #000;text-align:center">'
                f'<p style="text-align:center;margin:0">{text_of(cell)}</p></td>'
            )
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def article_html(report: Report, portal: Portal, with_title: bool) -> str:
    """The report's body as a CMS editor holds it: paragraphs, headings, tables."""
    parts = []
    if portal.collector:
        parts.append(f"<p>标题：{html.escape(report.title)}</p>")
        parts.append(f"<p>来源：{html.escape(report.agency)}</p>")
    if with_title:
        parts.append(
            f'<p style="text-align:center"><strong><span style="font-size:22pt">{_title(report, portal)}</span></strong></p>'
        )
    c = report.contact
    opening = (
        f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为{report.year}年1月1日至{report.year}年12月31日。"
        f"如对本报告有疑问，请联系：{c.office}，地址：{c.address}，邮编：{c.postcode}，电话：{c.phone}，"
        f"电子邮箱：{c.email}" + (f"，网址：{c.website}。" if c.website else "。")
    )
    parts.append(
        f'<p style="text-indent:2em"><span style="font-family:仿宋_GB2312">{_wrap(opening, portal)}</span></p>'
    )
    for section in report.fmt.sections:
        parts.append(f"<p><strong>{html.escape(section.heading)}</strong></p>")
        if section.kind == "prose":
            for line in report.prose.get(section.key, "").splitlines():
                parts.append(
                    f'<p style="text-indent:2em;line-height:1.5"><span>{_wrap(line, portal)}</span></p>'
                )
        else:
            parts.append(table_html(report, load_format(report.format_id).table(section.key), portal))
    parts.append(f'<p style="text-align:right">{html.escape(report.agency)}</p>')
    parts.append(f'<p style="text-align:right">{report.year + 1}年1月20日</p>')
    return "\n".join(parts)


def _title(report: Report, portal: Portal) -> str:
    if portal.title_lines == 2:
        return f"{html.escape(report.agency)}<br/>{report.year}年政府信息公开工作年度报告"
    return html.escape(report.title)


def _container(portal: Portal) -> tuple[str, str]:
    if portal.container.startswith("#"):
        return f'<div id="{portal.container[1:]}">', "</div>"
    if portal.container:
        return f'<div class="{portal.container}">', "</div>"
    return '<div class="wz_con">', "</div>"


def page_html(report: Report, portal: Portal | None = None) -> str:
    """A whole portal page: header, navigation, breadcrumb, the article (title, info bar, content), share bar,
    related links and footer, with scripts and styles."""
    portal = portal or Portal()
    declared = portal.charset if portal.declared is None else portal.declared
    meta = ""
    if declared:
        meta = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
            if portal.http_equiv
            else f'<meta charset="{declared}">'
        )
    opening, closing = _container(portal)
    heading = portal.title_at in ("h1", "both")
    inside = portal.title_at in ("content", "both")
    shown = portal.date_line.format(next=report.year + 1) if portal.date_line else ""
    date = f'<div class="info"><span>{html.escape(shown)}</span>' if shown else '<div class="info">'
    article = f"""
<div class="article">
  {f'<h1 class="article-title">{_title(report, portal)}</h1>' if heading else ""}
  {date}<span>来源：{html.escape(report.agency)}</span><span>浏览次数：<script>document.write(1234)</script></span>
    <span class="font">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
  {opening}
{article_html(report, portal, inside)}
  {closing}
  <div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
  <div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>"""
    if portal.layout_table:
        article = f'<table width="1000" align="center"><tr><td width="200" class="left">栏目导航</td><td>{article}</td></tr></table>'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{meta}
<title>{html.escape(report.title)}_某某市人民政府门户网站</title>
<meta name="ArticleTitle" content="{html.escape(report.title)}">
<link rel="stylesheet" href="/css/style.css">
<style>.TRS_Editor p {{ font-size: 16pt; }} .header h1 {{ color: red }}</style>
<script>var _hmt = _hmt || []; document.write("<div>发布日期：2000-01-01</div>");</script>
</head>
<body>
<div class="header"><div class="logo"><h1>某某市人民政府门户网站</h1></div>
  <div class="search"><form><input name="q" value="请输入关键字"><button>搜索</button></form></div>
  <div class="date">今天是2025年3月5日 星期三</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zfxxgknb/">政府信息公开年报</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfxxgknb/">政府信息公开年报</a></div>
{article}
<div class="related"><h3>相关文章</h3><ul><li><a>某某区2023年政府信息公开工作年度报告</a> 发布时间：2024-01-25</li></ul></div>
<div class="footer"><p>主办：某某市人民政府办公室　承办：某某市大数据中心</p><p>网站标识码：1234567890　某ICP备12345678号</p>
  <p>发布日期：2000-01-01</p></div>
<script src="/js/share.js"></script>
<noscript>您的浏览器不支持脚本</noscript>
</body>
</html>
"""


def page_bytes(report: Report, portal: Portal | None = None) -> bytes:
    portal = portal or Portal()
    return page_html(report, portal).encode(portal.charset)


def mhtml_bytes(
    report: Report,
    portal: Portal | None = None,
    transfer: str = "quoted-printable",
    part_charset: str | None = "gb2312",
    frame_first: bool = False,
) -> bytes:
    """「网页，单个文件」 as Internet Explorer (the part's charset in its header) or Chrome (``part_charset`` None:
    the charset only in the page's meta) saves it: multipart/related, the page, an image, maybe a frame first."""
    portal = portal or Portal(charset="gbk")
    data = page_bytes(report, portal)
    location = "http://www.example.gov.cn/art/2025/1/20/art_1229_5.html"
    boundary = "----=_NextPart_000_0000_01DB6B2A.5E3F2A10"
    encoded = quopri.encodestring(data) if transfer == "quoted-printable" else base64.encodebytes(data)
    charset = f'; charset="{part_charset}"' if part_charset else ""
    parts = []
    if frame_first:
        frame = "<html><body><p>相关链接</p><table><tr><td>友情链接</td><td>某某网</td></tr></table></body></html>"
        parts.append(
            f"Content-Type: text/html{charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: http://www.example.gov.cn/frame.html\r\n\r\n".encode("ascii")
            + quopri.encodestring(frame.encode(portal.charset))
        )
    parts.append(
        f"Content-Type: text/html{charset}\r\nContent-Transfer-Encoding: {transfer}\r\n"
        f"Content-Location: {location}\r\n\r\n".encode("ascii")
        + encoded
    )
    parts.append(
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: http://www.example.gov.cn/images/logo.png\r\n\r\n" + base64.encodebytes(PNG)
    )
    head = (
        "From: <Saved by Windows Internet Explorer 11>\r\n"
        f"Snapshot-Content-Location: {location}\r\n"
        "Subject: =?gb2312?B?xLPEs77WMjAyNMTq1f64rtDFz6K5q7+q?=\r\n"
        "Date: Mon, 20 Jan 2025 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n'
        "This is a multi-part message in MIME format.\r\n\r\n"
    ).encode("ascii")
    body = b"".join(f"--{boundary}\r\n".encode("ascii") + part + b"\r\n" for part in parts)
    return head + body + f"--{boundary}--\r\n".encode("ascii")
