"""One page as pdfium sees it: the characters with their boxes and the visible ruling lines, in display coordinates
(points, origin at the top left of the page as shown, y downwards, the page's /Rotate applied)."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from ctypes import byref, c_float, c_int, c_uint, c_ushort
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from exporters.pdf.errors import PdfError
from model.ideographs import TABLE

MAX_PAGE_OBJECTS = 60_000  # page objects, those inside forms included, and path segments / 8
MAX_PAGE_CHARS = 60_000  # a dense A4 page has 1,500
MAX_FORM_DEPTH = 12
STRAIGHT = 0.6  # points a ruling line may lean over its length
THIN = 2.5  # a filled rectangle thinner than this is a line (Word draws cell borders so)
MIN_RULE = 1.5  # shorter strokes are glyph parts or dots, no rules
DARK = 0.8  # lines lighter than this (luminance 0–1) are not borders: white "phantom" lines, pale grid guides
FAINT = 64  # alpha below this is invisible
BIG_IMAGE = 0.25  # share of the page an image covers to look like a scanned page
TIMEOUT = "文件内容过于复杂，读取超时，已停止"

Matrix = tuple[float, float, float, float, float, float]
Point = Callable[[float, float], tuple[float, float]]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Char(NamedTuple):
    """One character and its loose box (the font's full height, so the characters of a line line up)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


class Rule(NamedTuple):
    """A visible straight line: horizontal at y = ``at`` from x = ``start`` to ``end``, or vertical at x = ``at``."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    big_images: int = 0  # images covering a good part of the page (a scan)
    invisible_text: bool = False  # most text is invisible (mode 3): a scan with a recognised text layer


def read_page(document: pdfium.PdfDocument, index: int, deadline: float) -> Page:
    """Characters and ruling lines of one page; PdfError past the limits or the deadline."""
    page = document[index]
    try:
        width, height = (float(v) for v in page.get_size())
        out = Page(index + 1, width, height)
        display = _display(page)
        count = raw.FPDFPage_CountObjects(page.raw)
        if count > MAX_PAGE_OBJECTS:
            raise PdfError(f"第 {index + 1} 页的内容过于复杂（{count} 个对象），已拒绝打开")
        textpage = page.get_textpage()
        try:
            out.chars = _chars(textpage.raw, display, index + 1)
        finally:
            textpage.close()
        _Walker(out, display, deadline).page(page.raw, count)
        return out
    finally:
        page.close()


def _display(page: pdfium.PdfPage) -> Point:
    """PDF user space → display space: crop box origin, y downwards, /Rotate clockwise."""
    left, bottom, right, top = (float(v) for v in page.get_cropbox())
    w, h = right - left, top - bottom
    rotation = int(page.get_rotation()) % 360

    def point(x: float, y: float) -> tuple[float, float]:
        u, v = x - left, top - y
        if rotation == 90:
            return h - v, u
        if rotation == 180:
            return w - u, h - v
        if rotation == 270:
            return v, w - u
        return u, v

    return point


_SPACES = {0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009}


def _normal(text: str) -> str:
    """Radicals and compatibility ideographs (「⼀」 for 「一」, fonts map them so: ``model.ideographs``) and Latin
    ligatures as the characters they stand for; everything else as printed (full-width punctuation stays)."""
    code = ord(text[0])
    if 0xFB00 <= code <= 0xFB06:
        return unicodedata.normalize("NFKC", text)
    return TABLE.get(code, text)


def _chars(textpage: Any, display: Point, number: int) -> list[Char]:
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        raise PdfError(f"第 {number} 页的文字过多（{count} 个字符），已拒绝打开")
    if count <= 0:
        return []
    codes = _codes(textpage, count)
    box = raw.FS_RECTF()
    loose = raw.FPDFText_GetLooseCharBox
    out: list[Char] = []
    high = 0
    for i, code in enumerate(codes):
        if 0xD800 <= code < 0xDC00:
            high = code
            continue
        if 0xDC00 <= code < 0xE000:
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00) if high else 0xFFFD
            high = 0
        if code in _SPACES:
            if raw.FPDFText_IsGenerated(textpage, i) == 1:
                continue  # a space pdfium put into a gap: gaps are judged by their width (``text``)
            text = " "
        elif code < 0x20 or code in (0xFFFE, 0xFEFF, 0xFFFF) or 0x7F <= code < 0xA0:
            continue  # pdfium's own line breaks, controls
        else:
            text = _normal(chr(code))
        if not loose(textpage, i, byref(box)):
            continue
        x0, y0 = display(box.left, box.top)
        x1, y1 = display(box.right, box.bottom)
        out.append(Char(text, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return out


def _codes(textpage: Any, count: int) -> list[int]:
    """Every character's code (UTF-16 units, as pdfium indexes them): the page text at once, else one by one."""
    buffer = (c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    if written == count + 1:
        return list(buffer[:count])
    return [raw.FPDFText_GetUnicode(textpage, i) for i in range(count)]


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _visible(getter: Any, obj: Any) -> bool:
    r, g, b, a = c_uint(), c_uint(), c_uint(), c_uint()
    if not getter(obj, byref(r), byref(g), byref(b), byref(a)):
        return True  # a colour pdfium cannot tell (a pattern): drawn, as far as we know
    if a.value < FAINT:
        return False
    return (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255 < DARK


class _Walker:
    """Walk the page objects (into forms, composing their matrices): ruling lines, big images, invisible text."""

    def __init__(self, page: Page, display: Point, deadline: float) -> None:
        self.out = page
        self.display = display
        self.deadline = deadline
        self.budget = MAX_PAGE_OBJECTS
        self.visible_text = 0
        self.hidden_text = 0
        self.point = (c_float(), c_float())
        self.matrix = raw.FS_MATRIX()

    def page(self, handle: Any, count: int) -> None:
        self._objects([raw.FPDFPage_GetObject(handle, i) for i in range(count)], IDENTITY, 0)
        self.out.invisible_text = self.hidden_text > self.visible_text

    def _spend(self, amount: int) -> None:
        self.budget -= amount
        if self.budget < 0:
            raise PdfError(f"第 {self.out.number} 页的内容过于复杂，已拒绝打开")
        if time.monotonic() > self.deadline:
            raise PdfError(TIMEOUT)

    def _own_matrix(self, obj: Any, outer: Matrix) -> Matrix:
        m = self.matrix
        if not raw.FPDFPageObj_GetMatrix(obj, byref(m)):
            return outer
        return _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)

    def _objects(self, objects: list[Any], outer: Matrix, depth: int) -> None:
        for obj in objects:
            self._spend(1)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                self._path(obj, self._own_matrix(obj, outer))
            elif kind == raw.FPDF_PAGEOBJ_TEXT:
                if raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                    self.hidden_text += 1
                else:
                    self.visible_text += 1
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                self._image(self._own_matrix(obj, outer))
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                count = raw.FPDFFormObj_CountObjects(obj)
                inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0))]
                self._objects(inner, self._own_matrix(obj, outer), depth + 1)

    def _image(self, m: Matrix) -> None:
        corners = [self.display(*_apply(m, x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        area = (max(xs) - min(xs)) * (max(ys) - min(ys))
        if area >= BIG_IMAGE * self.out.width * self.out.height:
            self.out.big_images += 1

    def _path(self, obj: Any, m: Matrix) -> None:
        fill, stroke = c_int(), c_int()
        if not raw.FPDFPath_GetDrawMode(obj, byref(fill), byref(stroke)):
            return
        stroked = bool(stroke.value) and _visible(raw.FPDFPageObj_GetStrokeColor, obj)
        filled = fill.value != 0 and _visible(raw.FPDFPageObj_GetFillColor, obj)
        if not stroked and not filled:
            return
        count = raw.FPDFPath_CountSegments(obj)
        self._spend(max(count, 0) // 8)
        x, y = self.point
        subpaths: list[tuple[list[tuple[float, float]], bool]] = []
        for i in range(max(count, 0)):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            if not segment or not raw.FPDFPathSegment_GetPoint(segment, byref(x), byref(y)):
                continue
            kind = raw.FPDFPathSegment_GetType(segment)
            at = self.display(*_apply(m, x.value, y.value))
            if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append(([at], False))
            elif kind == raw.FPDF_SEGMENT_BEZIERTO:
                subpaths[-1] = ([at], False)  # a curve: no ruling line with what came before
            else:
                subpaths[-1][0].append(at)
            if raw.FPDFPathSegment_GetClose(segment):
                subpaths[-1] = (subpaths[-1][0], True)
        for points, closed in subpaths:
            if stroked:
                self._edges(points, closed)
            elif filled:
                self._thin_rectangle(points)

    def _edges(self, points: list[tuple[float, float]], closed: bool) -> None:
        ends = points + [points[0]] if closed and len(points) > 2 else points
        for (x0, y0), (x1, y1) in zip(ends, ends[1:]):
            self._add(x0, y0, x1, y1)

    def _thin_rectangle(self, points: list[tuple[float, float]]) -> None:
        if not 4 <= len(points) <= 5:
            return
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if height <= THIN and width > height:
            mid = (min(ys) + max(ys)) / 2
            self._add(min(xs), mid, max(xs), mid)
        elif width <= THIN and height > width:
            mid = (min(xs) + max(xs)) / 2
            self._add(mid, min(ys), mid, max(ys))

    def _add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) >= MIN_RULE:
            self.out.rules.append(Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) >= MIN_RULE:
            self.out.rules.append(Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
