"""PDF reports -> simple HTML for the text stage, by layout analysis of the glyphs pdfminer.six reads.

Why HTML: the text stage already turns ``<h1>``/``<p>``/``<ul><li>``/``<table>``/``<strong>`` into headings,
paragraphs, list items (with nesting depth), table blocks with header cells and bold spans, with exact
offsets into one rendition. Emitting that structure (text escaped with :func:`html.escape`, so whatever
the PDF says stays text) lets a PDF report reach the extractor in the same shape as the HTML page it was
printed from; plain text would lose tables and bold, markdown would need escaping rules for ``* _ | # 1.``.

Why pdfminer.six (MIT, pure Python) and not pypdf: it gives every glyph with its box, font name and size,
plus the small vector shapes Chromium and Word draw as list bullets, which is what headings, bold,
bullets, columns and table cells are recognised from. Measured on five Chromium-printed test reports
(66 table rows): pypdf's plain mode keeps words whole but gives no positions, so 0 of 66 rows have
separable cells; its layout mode separates 40 of 66 rows with 2+ spaces but splits 13 words after
ligature glyphs ("r      eﬁners") and carries no font information; pdfminer's own ``extract_text`` keeps
words whole but scatters cells over lines (0 of 66). With the analysis below, the text renditions of all
23 HTML/markdown test documents printed by Chromium equal those of their sources, tables included.

Steps, each deterministic (same bytes, same HTML):

1. Open with the empty password: an owner-password-only PDF (copy restrictions) opens and is read; a PDF
   that needs a user password, a damaged or truncated PDF (no ``%%EOF``), and a PDF without a text layer
   (scanned pages) raise :class:`~kg.errors.InputError` saying so.
2. Glyphs: upright characters only (rotated watermarks are skipped), ligatures (ﬁ ﬂ ...) expanded, glyphs
   drawn twice at the same place and size (fake bold) counted once, ``(cid:N)`` glyphs without a Unicode mapping
   dropped (a PDF made mostly of them is refused). Bold comes from the font name.
3. Lines: glyphs grouped by vertical overlap, then cut into *segments* where the horizontal gap is a
   column gap, not a word space (a space glyph the next glyph does not move past is no space: Chromium
   writes soft hyphens so). Gaps are measured beyond the line's letter spacing (the median gap between
   letters), so a letter-spaced masthead with one wider kerned pair stays one word ("CASTELLAN").
   Bullets are a bullet glyph (``•``, ``▪``, Word's ``\uf0b7``...) opening a segment or a small
   square-ish shape just left of the line; indented lines opening with "1." "(a)" "iv."
   are numbered items (the number is dropped, as an ordered list's numbers are not text in HTML or Word).
4. Running headers and footers (the same text, digits ignored, in the top or bottom band of at least half
   of the pages) and page numbers ("Page 3 of 9", "2/4", and bare numbers that go up with the page, so a
   year at the top of a page is kept) are dropped. A header drawn over the body text (Chromium prints
   ``position: fixed`` elements so) would be grouped into a body line's glyphs: so before lines are formed,
   glyphs of one size on one baseline near the top or bottom that recur with the same text at the same
   baseline on at least half of the pages are dropped.
5. Two text columns (a gutter no glyph crosses for six or more lines, body text on both sides) are read
   left column first; so are two columns of bullets side by side (a slide's two lists, each under its
   own titles), unless their items pair up row by row under a bold header row ("Drivers | Restraints"),
   which is a table. Lines below the other column's end belong to their column when they follow a title
   at its foot (a column never ends on a title) or go on its paragraph at its line spacing, else they are
   below both columns. Table rows heading such a run (two or more short cells on one side of the gutter: a
   table across the page whose cells leave the gutter free) stay rows.
6. Tables: consecutive lines showing two or more cells side by side whose x-ranges line up in columns;
   lines in between with one cell must sit in one column (a note under the table that merged columns on the
   way down does not widen them for the header lines above). Rows are cut at the larger vertical gaps (a
   wrapped cell's lines stay in one row), a header cell alone in a column joins the nearest column
   without a header of its own, and a first row in bold is the header. A table that goes on on the next
   page is merged, and the header row the browser repeats there is dropped. Titles beside page numbers
   that go up (a table of contents, a list of figures) are no table: each entry is a paragraph, never a
   heading, as is a line ending in a dot leader and a page number.
7. Blocks: lines larger than the body size are headings (sizes ranked into levels), bulleted lines are
   list items (nesting from the bullet's x position), other lines join into paragraphs while size,
   alignment and spacing say they belong together, also across a page or column break when the last line
   before it is full. A line that stopped short although the next line's first word would have fitted
   ends its paragraph (measured against where the body text ends: one-segment lines of prose, not a wide
   table's rows). A bold run-in title that wraps goes on in the line that opens in bold. A line-final
   U+2010 or soft hyphen (inserted by hyphenation) is dropped; a typed "-" is dropped only when the
   document itself spells the joined word without it ("refin-" + "ers"), else kept ("low-" + "sulphur").

Limits: a bold line the size of body text (an ``<h4>``, Word's bold paragraphs) stays a bold paragraph
(the section finder treats those as titles); images, charts and text drawn as outlines are not read;
more than two text columns, and tables without visible gaps between cells, are read as lines of text;
list nesting in a right-hand column is measured within that column.
"""

from __future__ import annotations

import html
import io
import logging
import re
import warnings
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final

from kg.errors import InputError

PDF_MEDIA_TYPE: Final = "application/pdf"

__all__ = ["PDF_MEDIA_TYPE", "pdf_to_html"]

_HINT_PASSWORD = "remove the password (print or save it as an unprotected PDF) or save the report as HTML or text"
_HINT_DAMAGED = "re-download or re-export the PDF, or save the report as HTML or text"
_HINT_SCANNED = "run OCR on it first (e.g. ocrmypdf) or get the report as a text PDF, HTML or text"

#: Glyphs that open a bulleted line (never "-", "–" or "·": a wrapped line may start with those).
_BULLETS = frozenset("•●○◦▪■□▫►▸▹➤➢✓✔❖◆◇\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf0a8")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_CID = re.compile(r"\(cid:\d+\)")
_NUMBER_MARKER = re.compile(r"(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)|[ivx]{1,4}[.)]|\([ivx]{1,4}\))\s+(?=\S)")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|extrabold|ultrabold|,b\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(\[]?\s*#+\s*[-–—)\]]?(?:\s*(?:of|/)\s*#+)?$", re.IGNORECASE)
#: A contents entry's dot leader and page number at the end of a line: "3.2 Regional breakdown ..... 18".
_LEADER_PAGE = re.compile(r"(?:\.{4,}|…{2,}|(?:[.·] ){3,}[.·]?|_{4,})\s*\d{1,4}$")
#: How a contents entry opens: a section number ("3", "3.2") or a numbered caption ("Figure 4", "Appendix A").
_CONTENTS_ENTRY = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|(?:chapter|section|part|appendix|annex|exhibit|"
                             r"figure|fig\.|table|chart)\s+[\dA-Z]{1,3}\b)", re.IGNORECASE)
_SENTENCE_END = ".!?:;"
_LINE_END_DASHES = "-\u2013\u2014"
#: How far from the top or bottom edge (share of the page height) a line recurring at the same baseline on
#: half of the pages is taken for a running header or footer (the text-only line rule keeps to 10%).
_RUNNING_BAND = 0.15
_MAX_PAGES = 2000  # a report is rarely over 500 pages; this only bounds the work on a hostile file


# ------------------------------------------------------------------ data


@dataclass(frozen=True, slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page (PDF y grows upwards; reading order wants downwards)
    bottom: float
    size: float
    bold: bool
    base: float  # the baseline, from the top of the page: the glyphs of one typeset line share it


@dataclass(frozen=True, slots=True)
class _Shape:
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Seg:
    """A run of glyphs on one line without a column gap: its text as (text, bold) runs."""

    runs: list[tuple[str, bool]]
    x0: float
    x1: float
    top: float
    bottom: float
    bullet: float | None = None  # x of a bullet glyph just before the segment
    sizes: Counter[float] = field(default_factory=Counter)  # glyph sizes, weighted by count
    xs: list[float] = field(default_factory=list)  # x where each character of the text starts

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)

    @property
    def bold(self) -> bool:
        return all(b for t, b in self.runs if t.strip())


@dataclass(slots=True)
class _Line:
    segs: list[_Seg]
    top: float
    bottom: float
    size: float
    page: int
    bullet: float | None = None  # x of the bullet when the line opens a list item
    first_on_page: bool = False  # first line of its page or text column (a block may go on across the break)
    last_on_page: bool = False
    right: float = 0.0  # where the lines of its run (same left edge, size, tight spacing) reach at most
    left: float = 0.0  # left edge of the line's text column when the page has columns (0: the document's)
    column_right: float = 0.0  # where the body text of the line's text column ends (0: the document's)
    shift: float = 0.0  # how far right of the page's first text column the line's column starts
    toc: bool = False  # an entry of a table of contents (or list of figures): a paragraph of its own

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segs)

    def runs(self) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for i, s in enumerate(self.segs):
            if i:
                out.append((" ", False))
            out.extend(s.runs)
        return out


@dataclass(slots=True)
class _Table:
    rows: list[list[list[tuple[str, bool]]]]  # row -> cell -> runs
    header: bool
    page: int
    cols: list[tuple[float, float]]  # x-ranges of the columns on the table's last page
    first_on_page: bool = False
    last_on_page: bool = False
    members: list[_Line] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    kind: str  # "heading" | "paragraph" | "list_item"
    runs: list[tuple[str, bool]]
    size: float
    x0: float
    x1: float
    bottom: float
    page: int
    last: _Line
    lines: int = 1
    bullet: float | None = None  # x of a list item's bullet
    depth: int = 0
    level: int = 0
    bold: bool = False


@dataclass(slots=True)
class _Page:
    glyphs: list[_Glyph] = field(default_factory=list)
    shapes: list[_Shape] = field(default_factory=list)
    images: int = 0
    height: float = 0.0
    width: float = 0.0


# ------------------------------------------------------------------ opening and glyphs


@contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs (and warns) about every oddity of a file; a build's stderr is for our one-line verdicts."""
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def pdf_to_html(data: bytes, source: str) -> str:
    """The report in ``data`` (a PDF file's bytes) as an HTML document; raises :class:`InputError`."""
    if b"%%EOF" not in data[-16384:]:
        raise InputError(source, "is a damaged PDF: it is truncated (the end-of-file marker is missing)",
                         _HINT_DAMAGED)
    with _quiet():
        try:
            pages, title = _read_pages(data, source)
        except InputError:
            raise
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:  # pdfminer raises many kinds on malformed input (KeyError, struct.error...)
            detail = re.sub(r"\s+", " ", str(exc))[:120].strip()
            raise InputError(source, "is a damaged PDF that cannot be parsed" + (f" ({detail})" if detail else ""),
                             _HINT_DAMAGED) from exc
        try:
            return _Converter(pages, source).html(title)
        except InputError:
            raise
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:  # a layout the analysis does not cope with: one clear line, not a traceback
            detail = re.sub(r"\s+", " ", str(exc))[:120].strip()
            raise InputError(source, "is a PDF whose page layout could not be analysed"
                             + (f" ({detail})" if detail else ""), _HINT_DAMAGED) from exc


def _read_pages(data: bytes, source: str) -> tuple[list[_Page], str]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise InputError(source, "is an encrypted PDF: it needs a password to open", _HINT_PASSWORD) from exc
    except PDFEncryptionError as exc:
        raise InputError(source, "is an encrypted PDF whose encryption cannot be opened", _HINT_PASSWORD) from exc
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[_Page] = []
    for i, page in enumerate(PDFPage.create_pages(document)):
        if i >= _MAX_PAGES:
            raise InputError(source, f"has more than {_MAX_PAGES} pages, too many for one report",
                             "split it into one file per report")
        interpreter.process_page(page)
        pages.append(_page_items(device.get_result()))
    if not pages:
        raise InputError(source, "is a PDF without pages", _HINT_DAMAGED)
    return pages, _info_title(document)


def _info_title(document: object) -> str:
    """The document-information Title (Chromium writes the page's <title> there); "" when there is none."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in getattr(document, "info", []) or []:
        value = resolve1(info.get("Title")) if isinstance(info, dict) else None
        if isinstance(value, bytes):
            return decode_text(value).strip()  # PDFDocEncoding or UTF-16 with a byte-order mark
        if isinstance(value, str):
            return value.strip()
    return ""


def _page_items(layout: object) -> _Page:
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    x_lo, y_lo, x_hi, y_hi = layout.bbox  # type: ignore[attr-defined]
    page = _Page(height=y_hi - y_lo, width=x_hi - x_lo)
    seen: dict[tuple[str, int, int, float], float] = {}
    stack = list(reversed(list(layout)))  # type: ignore[call-overload]
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            a, b, c, d, _, origin_y = item.matrix
            if abs(b) > 1e-3 or abs(c) > 1e-3 or a <= 0 or d <= 0:
                continue  # rotated or mirrored: watermarks, axis labels
            text = item.get_text()
            text = "".join(_LIGATURES.get(ch, ch) for ch in text)
            top, bottom = y_hi - item.y1, y_hi - item.y0
            key = (text, round(item.x0), round(top), item.size)
            if not text.isspace() and key in seen:
                continue  # the same glyph drawn again at the same place and size (fake bold, shadows)
            seen[key] = item.x0
            page.glyphs.append(_Glyph(text, item.x0, item.x1, top, bottom, round(item.size * 2) / 2,
                                      bool(_BOLD_FONT.search(item.fontname.split("+")[-1])), y_hi - origin_y))
        elif isinstance(item, LTImage):
            page.images += 1
        elif isinstance(item, LTCurve):
            w, h = item.x1 - item.x0, item.y1 - item.y0
            if 1.0 <= w <= 9.0 and 1.0 <= h <= 9.0 and 0.6 <= w / h <= 1.7:
                page.shapes.append(_Shape(item.x0, item.x1, y_hi - item.y1, y_hi - item.y0))
        elif isinstance(item, LTContainer):
            stack.extend(reversed(list(item)))
    return page


# ------------------------------------------------------------------ conversion


class _Converter:
    def __init__(self, pages: list[_Page], source: str) -> None:
        self.source = source
        self.pages = pages
        glyphs = [g for p in pages for g in p.glyphs]
        cid = sum(1 for g in glyphs if _CID.fullmatch(g.text))
        visible = [g for g in glyphs if not g.text.isspace() and not _CID.fullmatch(g.text)]
        if not visible:
            if any(p.images for p in pages):
                raise InputError(source, "is a PDF without a text layer: its pages are images (a scan?)",
                                 _HINT_SCANNED)
            raise InputError(source, "is a PDF without any text", _HINT_SCANNED)
        if cid > len(visible):
            raise InputError(source, "is a PDF whose fonts have no Unicode mapping, so its text cannot be read",
                             _HINT_SCANNED)
        sizes = Counter(g.size for g in visible)
        self.body = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        spaces = sum(1 for g in glyphs if g.text.isspace())
        self.space_glyphs = spaces >= 0.05 * len(visible)

    # -- lines
    def _lines(self, page: _Page, number: int) -> list[_Line]:
        glyphs = sorted((g for g in page.glyphs if not _CID.fullmatch(g.text)),
                        key=lambda g: ((g.top + g.bottom) / 2, g.x0))
        groups: list[tuple[list[_Glyph], list[float]]] = []  # glyphs, [top, bottom, size] of the main glyphs
        active: list[int] = []
        for g in glyphs:
            h = g.bottom - g.top
            best = -1
            for k in reversed(active):
                _, (top, bottom, _size) = groups[k]
                overlap = min(bottom, g.bottom) - max(top, g.top)
                if overlap >= 0.5 * min(h, bottom - top) and overlap > 0:
                    best = k
                    break
            if best < 0:
                groups.append(([g], [g.top, g.bottom, g.size]))
                active.append(len(groups) - 1)
            else:
                groups[best][0].append(g)
                box = groups[best][1]
                if g.size > box[2]:
                    box[0], box[1], box[2] = g.top, g.bottom, g.size
            centre = (g.top + g.bottom) / 2
            active = [k for k in active if groups[k][1][1] >= centre - 1.0]
        lines: list[_Line] = []
        for gs, _ in groups:
            marks = [g for g in gs if not g.text.isspace()]
            if marks and all(g.text in _BULLETS for g in marks):
                # a bullet that did not share the line of its text (another font, another box height):
                # it is attached to the line on its right like a drawn bullet
                page.shapes.append(_Shape(marks[0].x0, marks[0].x1, marks[0].top, marks[0].bottom))
            elif (line := self._line(gs, number)) is not None:
                lines.append(line)
        lines.sort(key=lambda ln: (ln.top, ln.x0))
        return lines

    def _line(self, glyphs: list[_Glyph], page: int) -> _Line | None:
        glyphs.sort(key=lambda g: (g.x0, g.top))
        segs: list[_Seg] = []
        prev: _Glyph | None = None
        space_at: float | None = None  # x of the first space glyph since the previous glyph
        bullet: float | None = None  # a bullet glyph opened the next segment
        tracking = self._tracking(glyphs)
        for g in glyphs:
            if g.text.isspace():
                if space_at is None:
                    space_at = g.x0
                continue
            # a space glyph the next glyph does not move past is no space: Chromium writes soft hyphens
            # that way ("seg" + zero-width " " + "ment")
            space = space_at is not None and g.x0 - space_at >= 0.15 * g.size
            space_at = None
            if g.text in _BULLETS and bullet is None and (prev is None or self._cut(prev, g, space)):
                bullet = g.x0
                continue
            if prev is None or bullet is not None or self._cut(prev, g, space):
                segs.append(_Seg([(g.text, g.bold)], g.x0, g.x1, g.top, g.bottom, bullet))
                bullet = None
                segs[-1].sizes[g.size] += 1
                segs[-1].xs.extend([g.x0] * len(g.text))
            else:
                seg = segs[-1]
                if space or g.x0 - prev.x1 - tracking > (0.1 if self.space_glyphs else 0.12) * max(prev.size, g.size):
                    seg.runs.append((" ", prev.bold and g.bold))
                    seg.xs.append(prev.x1)
                seg.runs.append((g.text, g.bold))
                seg.xs.extend([g.x0] * len(g.text))
                seg.x1 = max(seg.x1, g.x1)
                seg.top, seg.bottom = min(seg.top, g.top), max(seg.bottom, g.bottom)
                seg.sizes[g.size] += 1
            prev = g
        if not segs:
            return None
        for seg in segs:
            seg.runs = _merge_runs(seg.runs)
        return _line_of(segs, page)

    @staticmethod
    def _tracking(glyphs: list[_Glyph]) -> float:
        """The letter spacing of a line: the median gap between neighbouring letters with no space glyph
        between them (0 for ordinary text, whose letters touch). Letter-spaced capitals ("C A S T E L L A N",
        a masthead) have gaps near a word space's threshold everywhere, and a kerned pair would otherwise
        read as a word break ("CASTELL AN")."""
        gaps: list[float] = []
        prev: _Glyph | None = None
        for g in glyphs:
            if g.text.isspace():
                prev = None
                continue
            if prev is not None:
                gaps.append(g.x0 - prev.x1)
            prev = g
        if len(gaps) < 4:
            return 0.0
        gaps.sort()
        median = gaps[len(gaps) // 2]
        # a median as wide as a word space means the gaps are word spaces (words of one letter, no space glyphs)
        return median if 0.0 < median < 0.2 * max(g.size for g in glyphs) else 0.0

    def _cut(self, prev: _Glyph, g: _Glyph, space: bool) -> bool:
        """A column gap between two glyphs of one line, not a word space (see the module docstring)."""
        gap = g.x0 - prev.x1
        em = max(prev.size, g.size)
        if space:
            return gap > 4.0 * em  # justified text stretches spaces; only a very wide one is a column gap
        return gap > (0.2 if self.space_glyphs else 1.0) * em

    def _numbered_items(self, lines: list[_Line]) -> None:
        """Indented lines opening with "1." / "2)" / "(a)" / "iv." are list items, the number is the marker:
        an ordered list's numbers are generated, not text, in the HTML or Word file a PDF was made from."""
        for line in lines:
            seg = line.segs[0]
            if line.bullet is not None or line.size >= 1.12 * self.body:
                continue
            m = _NUMBER_MARKER.match(seg.text)
            if m is None or m.end() >= len(seg.text) or line.x0 <= (line.left or self.left) + 0.5 * line.size:
                continue
            k = m.end()
            line.bullet = seg.x0
            seg.runs = _drop_chars(seg.runs, k)
            seg.x0 = seg.xs[k] if k < len(seg.xs) else seg.x0
            seg.xs = seg.xs[k:]

    @staticmethod
    def _attach_shape_bullets(lines: list[_Line], shapes: list[_Shape]) -> None:
        for shape in shapes:
            centre = (shape.top + shape.bottom) / 2
            for line in lines:
                if line.bullet is None and line.top <= centre <= line.bottom and \
                        0 < line.x0 - shape.x1 <= 2.5 * line.size:
                    line.bullet = shape.x0
                    break

    # -- running headers, footers, page numbers
    def _drop_running_strokes(self) -> None:
        """Drop running headers/footers glyph by glyph, before lines are formed, in place.

        A header printed on every page at a fixed place (Chromium's ``position: fixed``, a frame in a layout
        program) may share its height with a body line: grouped into that line, it interleaves with its
        glyphs ("Ke2st.r3el") or becomes an extra segment of it ("Market drivers Acme · Report 2024"), and
        the line no longer matches itself on other pages. So before lines are formed, each typeset line
        (glyphs of one size on one baseline, cut at gaps of two ems) near the top or bottom of a page that
        recurs with the same text (digits ignored) at the same baseline and size on at least half of the
        pages is dropped. The same place and size on many pages is stronger evidence than the line rule's
        text alone, so the band is wider and a stroke deep in a page's lines qualifies.
        """
        if len(self.pages) < 2:
            return
        per_page = [_strokes(page) for page in self.pages]
        counts = Counter(key for strokes in per_page for key in {k for k, _ in strokes})
        need = max(2, (len(self.pages) + 1) // 2)
        for page, strokes in zip(self.pages, per_page, strict=True):
            drop = {i for key, members in strokes if counts[key] >= need for i in members}
            if drop:
                page.glyphs = [g for i, g in enumerate(page.glyphs) if i not in drop]

    def _drop_running(self, pages: list[list[_Line]]) -> None:
        """Drop running headers/footers and page numbers (see the module docstring), in place.

        A bare number at the top or bottom of a page is a page number only when it goes up with the page
        (the same offset from the page index on several pages): a year in a table row at the top of a page
        ("2024") is not one. "Page 3", "3 of 9", "3/9" are page numbers wherever they sit in the band.
        """
        if len(pages) < 2:
            return
        keys: Counter[str] = Counter()
        marked: list[list[tuple[int, str]]] = []
        offsets: Counter[int] = Counter()
        for p, lines in enumerate(pages):
            height = self.pages[p].height
            cands: list[tuple[int, str]] = []
            edge = list(range(min(2, len(lines)))) + list(range(max(2, len(lines) - 2), len(lines)))
            for i in sorted(set(edge)):
                line = lines[i]
                if line.top < 0.1 * height or line.bottom > 0.9 * height:
                    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.text.lower())).strip()
                    cands.append((i, key))
                    if _PAGE_NUMBER.match(key) and key.strip("-–—()[] ") == "#":
                        offsets[int(re.findall(r"\d+", line.text)[0]) - p] += 1
            marked.append(cands)
            keys.update({k for _, k in cands if re.search(r"[^\W\d_]", k)})
        need = max(2, (len(pages) + 1) // 2)
        numbering = {off for off, n in offsets.items() if n >= max(2, 0.3 * len(pages))}
        for p, cands in enumerate(marked):
            drop = {i for i, k in cands if keys[k] >= need or _page_number(k, pages[p][i].text, p, numbering)}
            if drop:
                pages[p] = [ln for i, ln in enumerate(pages[p]) if i not in drop]

    # -- text columns
    def _columns(self, lines: list[_Line], page: int) -> list[_Line]:
        """Lines in reading order when (part of) the page is set in two text columns: left, then right.

        A run of at least six consecutive lines that no glyph crosses at one x between 30% and 70% of the
        page width, with body text on both sides (lines of one run of six or more words that end near the
        side's right edge: two or more per side, six or more in all), is two columns; a table's gutters do
        not qualify (its cells are short, and a row's cells are separate runs). Column-spanning lines end
        the run.
        """
        width = self.pages[page].width
        if len(lines) < 2:
            return lines
        xs = [width * f / 100 for f in range(30, 71)]
        runs: dict[float, list[int]] = {}
        for x in xs:
            free = [0] * (len(lines) + 1)
            for i in range(len(lines) - 1, -1, -1):
                crossed = any(s.x0 < x + 3.0 and s.x1 > x - 3.0 for s in lines[i].segs)
                free[i] = 0 if crossed else free[i + 1] + 1
            runs[x] = free
        out: list[_Line] = []
        i = 0
        while i < len(lines):
            x = max(xs, key=lambda v: (runs[v][i], -abs(v - width / 2)))
            n = runs[x][i]
            # a table's rows at the head of the run (several short cells on one side of the gutter: a table
            # across the page whose cells leave it free) are not column text: they stay in row order
            lead = 0
            while lead < n and _row_like(lines[i + lead], x):
                lead += 1
            if lead >= 2 and n - lead >= 2:
                out.extend(lines[i:i + lead])
                i += lead
                continue
            split = self._split_columns(lines[i:i + n], x, page) if n >= 2 else None
            if split is None:
                out.append(lines[i])
                i += 1
                continue
            out.extend(split)
            i += n
        return out

    def _split_columns(self, lines: list[_Line], x: float, page: int) -> list[_Line] | None:
        run = lines
        # lines at the end that sit below the other column's last line are below the columns (full width)
        cut = len(lines)
        while cut > 1:
            line = lines[cut - 1]
            on_left = [s.x1 <= x for s in line.segs]
            if any(on_left) and not all(on_left):
                break
            other = [s.bottom for ln in lines[:cut - 1] for s in ln.segs if (s.x1 <= x) != on_left[0]]
            if not other or line.top <= max(other) + line.size:
                break
            cut -= 1
        if cut < len(lines) and self._continues_column(lines[:cut], lines[cut], x):
            cut = len(lines)  # the column goes on below the other one's end: it never ends on a title or mid-paragraph
        lines, tail = lines[:cut], lines[cut:]
        left: list[_Line] = []
        right: list[_Line] = []
        for line in lines:
            lefts = [s for s in line.segs if s.x1 <= x]
            rights = [s for s in line.segs if s.x0 >= x]
            for side, segs in ((left, lefts), (right, rights)):
                if segs:
                    side.append(_line_of(segs, line.page))
        left.sort(key=lambda ln: (ln.top, ln.x0))
        right.sort(key=lambda ln: (ln.top, ln.x0))

        def prose(side: list[_Line]) -> int:
            """Lines that are one run of six or more words ending near the side's right edge (body text)."""
            if not side:
                return 0
            lo, hi = min(ln.x0 for ln in side), max(ln.x1 for ln in side)
            return sum(1 for ln in side if len(ln.segs) == 1 and len(ln.text.split()) >= 6
                       and ln.x1 >= hi - 0.15 * (hi - lo))

        full_left, full_right = prose(left), prose(right)
        if min(full_left, full_right) < 2 or full_left + full_right < 6 or len(lines) < 6:
            if not (self._list_column(left, page) and self._list_column(right, page)):
                return None
            if _header_grid(run, x):
                return run  # a table of bulleted cells: its lines stay in row order, for the table finder
        for side in (left, right):
            start = min(ln.x0 for ln in side)
            ends = sorted(ln.x1 for ln in side if len(ln.text.split()) >= 6) or [max(ln.x1 for ln in side)]
            for ln in side:
                ln.left, ln.column_right = start, ends[int(0.9 * (len(ends) - 1))]
        shift = min(ln.x0 for ln in right) - min(ln.x0 for ln in left)
        for ln in right:
            ln.shift = shift
        left[-1].last_on_page = True  # the text goes on at the top of the right column
        right[0].first_on_page = True
        return left + right + tail

    def _continues_column(self, lines: list[_Line], first: _Line, x: float) -> bool:
        """Whether ``first`` goes on its column above rather than starting below both columns: the last line
        of that column is a title (bold or larger than body text) just above it, or the line before ``first``
        in the same paragraph (same left edge and size, at line spacing)."""
        side = first.segs[0].x1 <= x
        above = [s for ln in lines for s in ln.segs if (s.x1 <= x) == side]
        if not above:
            return False
        last = max(above, key=lambda s: s.bottom)
        size = max(last.sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        if (last.bold or size >= 1.12 * self.body) and first.top - last.bottom <= 1.5 * first.size:
            return True
        # a paragraph's next line (same left edge, size and line spacing): the column is longer than the other
        return abs(first.x0 - last.x0) <= 2.0 and abs(first.size - size) <= 0.6 \
            and -0.3 * first.size <= first.top - last.bottom <= 0.6 * first.size

    def _list_column(self, side: list[_Line], page: int) -> bool:
        """Whether one side of a gutter is a column of bullets (a slide's or a brochure's two lists side by
        side): one cell per line, two or more bulleted lines, and the others titles (bold or larger) or a
        bulleted line's wrapped text. A table's cells are not bulleted, so its rows stay rows."""
        if any(len(ln.segs) != 1 for ln in side):
            return False
        shapes = self.pages[page].shapes
        bulleted = 0
        prev: _Line | None = None
        for ln in side:
            seg = ln.segs[0]
            if seg.bullet is not None or any(ln.top <= (s.top + s.bottom) / 2 <= ln.bottom
                                             and 0 < seg.x0 - s.x1 <= 2.5 * ln.size for s in shapes):
                bulleted += 1
            elif not (ln.bold or ln.size >= 1.12 * self.body
                      or prev is not None and abs(ln.x0 - prev.x0) <= 2.0 and ln.top - prev.bottom <= 0.6 * ln.size):
                return False
            prev = ln
        return bulleted >= 2

    # -- tables
    def _tables(self, lines: list[_Line], page: int) -> list[_Line | _Table]:
        out: list[_Line | _Table] = []
        i = 0
        floor = 0  # lines before this one are already in a table
        while i < len(lines):
            found = self._table_at(lines, i, floor) if len(_row_segs(lines, i)) >= 2 else None
            if found is None:
                out.append(lines[i])
                i += 1
                continue
            first, end, table = found
            del out[len(out) - (i - first):]  # lines above the first anchor that are the table's (header) rows
            if _contents(table.rows):
                for line in lines[first:end]:
                    line.toc = True
                out.extend(lines[first:end])
            else:
                table.page = page
                out.append(table)
            i = floor = end
        return out

    def _table_at(self, lines: list[_Line], start: int, floor: int) -> tuple[int, int, _Table] | None:
        """The table whose first row with two or more cells is ``lines[start]``: (first, end, table) or None."""
        cols = _merge_intervals([(s.x0, s.x1) for s in _row_segs(lines, start)])
        if len(cols) < 2:
            return None
        members = [start]
        anchors = [start]
        bottom = lines[start].bottom
        j = start + 1
        while j < len(lines):
            line = lines[j]
            if lines[j - 1].last_on_page or line.top < lines[j - 1].top - 1.0:
                break  # a column break: the table does not go on at the top of the next column
            gap = line.top - bottom
            em = max(self.body, line.size)
            row = _row_segs(lines, j)
            # cells may widen or join columns (a centred header cell is narrower than its column), but a
            # line that leaves fewer than two columns is text across the table: the table ended
            merged = _merge_intervals(cols + [(s.x0, s.x1) for s in row])
            if len(merged) < 2 or gap > 3.0 * em:
                break
            if len(row) >= 2:
                anchors.append(j)
            elif line.bullet is not None or abs(line.size - lines[start].size) > 1.0 or line.size >= 1.12 * self.body:
                break
            cols = merged
            members.append(j)
            bottom = max(bottom, line.bottom)
            j += 1
        if len(anchors) < 2:
            return None
        # lines after the last anchor belong to it only when they are a wrapped cell (tight below it)
        keep = [m for m in members if m <= anchors[-1]]
        tail_bottom = max(lines[m].bottom for m in keep)
        for m in members[len(keep):]:
            if lines[m].top - tail_bottom > 0.5 * max(self.body, lines[m].size):
                break
            keep.append(m)
            tail_bottom = max(tail_bottom, lines[m].bottom)
        # the columns of the rows kept: a line below the table that was merged into them on the way down (a
        # source note as wide as several columns) must not widen a column for the lines above
        cols = _merge_intervals([(s.x0, s.x1) for m in keep for s in lines[m].segs])
        # lines just above the first anchor that sit inside one column: header cells and the first row's
        # wrapped cells, which a browser centres vertically, so they are lines of their own
        top = lines[start].top
        first = start
        while first - 1 >= floor and not lines[first].first_on_page:
            line = lines[first - 1]
            widened = _inside_one(line.segs[0], cols) if len(line.segs) == 1 else None
            if widened is None or line.bullet is not None or top - line.bottom > 0.9 * max(self.body, line.size):
                break
            top = min(top, line.top)
            first -= 1
        keep = list(range(first, start)) + keep
        cols = _merge_intervals([(s.x0, s.x1) for m in keep for s in lines[m].segs])
        if len(cols) < 2:
            return None
        rows = self._rows([lines[m] for m in keep], cols)
        if len(rows) < 2:
            return None
        head = [cell for cell in rows[0] if any(t.strip() for t, _ in cell)]
        header = bool(head) and all(all(b for t, b in cell if t.strip()) for cell in head)
        table = _Table(rows, header, lines[start].page, cols, members=[lines[m] for m in keep],
                       first_on_page=lines[first].first_on_page, last_on_page=lines[keep[-1]].last_on_page)
        return first, keep[-1] + 1, table

    def _rows(self, lines: list[_Line], cols: list[tuple[float, float]], *, merge_headers: bool = True
              ) -> list[list[list[tuple[str, bool]]]]:
        """The cells of ``lines`` row by row (rows cut at the larger vertical gaps); ``cols`` may be narrowed
        in place when a header cell sits alone in a column of its own."""
        lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))
        gaps: list[float] = []
        bottom = lines[0].bottom
        for line in lines[1:]:
            if line.top > bottom:
                gaps.append(line.top - bottom)
            bottom = max(bottom, line.bottom)
        threshold = -1.0
        if gaps and max(gaps) - min(gaps) >= 0.15 * self.body:
            threshold = (max(gaps) + min(gaps)) / 2
        groups: list[list[_Line]] = [[lines[0]]]
        bottom = lines[0].bottom
        for line in lines[1:]:
            if line.top > bottom and line.top - bottom > threshold:
                groups.append([line])
                bottom = line.bottom
            else:
                groups[-1].append(line)
                bottom = max(bottom, line.bottom)
        assigned: list[list[list[_Seg]]] = []  # row -> column -> segments
        for group in groups:
            cells: list[list[_Seg]] = [[] for _ in cols]
            for line in group:
                for seg in line.segs:
                    cells[_column_of(seg, cols)].append(seg)
            assigned.append(cells)
        # a column with nothing but a header cell is that header centred over a wider column of shorter
        # cells: it joins the nearest column without a header cell of its own (right-aligned numbers under
        # centred headers can sit nearer the next header than their own), else the nearest column
        k = 0
        while merge_headers and len(cols) > 2 and len(assigned) > 2 and k < len(cols):
            if assigned[0][k] and not any(row[k] for row in assigned[1:]):
                near = min((j for j in range(len(cols)) if j != k),
                           key=lambda j: (bool(assigned[0][j]),
                                          max(cols[j][0] - cols[k][1], cols[k][0] - cols[j][1])))
                for row in assigned:
                    row[near] = row[near] + row[k]
                    del row[k]
                cols[near] = (min(cols[near][0], cols[k][0]), max(cols[near][1], cols[k][1]))
                del cols[k]
                k = 0
                continue
            k += 1
        return [[self._join_parts([seg.runs for seg in sorted(cell, key=lambda s: (s.top, s.x0))])
                 for cell in row] for row in assigned]

    def _join_parts(self, parts: list[list[tuple[str, bool]]]) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for runs in parts:
            out = self._join(out, runs) if out else list(runs)
        return out

    # -- blocks
    def _join(self, left: list[tuple[str, bool]], right: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        """Join two lines of one block: a space, or nothing after a line-final dash (see the docstring)."""
        if not left:
            return list(right)
        if not right:
            return left
        ltext, rtext = left[-1][0], right[0][0]
        if ltext.endswith(("\u00ad", "\u2010")) and rtext[:1].isalpha():
            # a soft hyphen, or the hyphen a browser or word processor inserts when it hyphenates (U+2010;
            # a typed hyphen is U+002D): the word was split by the line break only
            left = left[:-1] + [(ltext[:-1].rstrip(), left[-1][1])]
            return _merge_runs(left + right)
        if ltext and ltext[-1] in _LINE_END_DASHES and len(ltext) >= 2 and not ltext[-2].isspace():
            m_left = re.search(r"([^\W\d_]+)-$", ltext)
            m_right = re.match(r"[^\W\d_]+", rtext)
            if ltext[-1] == "-" and m_left and m_right and rtext[0].islower():
                joined = (m_left.group(1) + m_right.group(0)).lower()
                hyphened = (m_left.group(1) + "-" + m_right.group(0)).lower()
                if joined in self.words and hyphened not in self.hyphened:
                    left = left[:-1] + [(ltext[:-1], left[-1][1])]
            return _merge_runs(left + right)
        bold = left[-1][1] and right[0][1]
        return _merge_runs(left + [(" ", bold)] + right)

    def _continues(self, block: _Block, line: _Line) -> bool:
        if line.bullet is not None or abs(line.size - block.size) > 0.6:
            return False
        heading = line.size >= 1.12 * self.body
        if heading != (block.kind == "heading"):
            return False
        if block.last.last_on_page and line.first_on_page and line.page in (block.page, block.page + 1):
            # a page or column break: the block goes on when its last line was full (the next line's first
            # word did not fit after it); after a finished sentence, only when that line reaches the edge
            # (as every line but the last of a justified paragraph does)
            if block.bold != line.bold:
                return False
            last = block.last
            if last.text.rstrip()[-1:] in ".!?" and line.text[:1].isupper():
                return last.x1 >= last.right - 1.0 * line.size
            return not self._would_have_fit(last, line)
        if line.page != block.page:
            return False
        gap = line.top - block.bottom
        if gap < -0.3 * line.size or gap > 0.6 * line.size:
            return False
        if block.kind == "list_item":
            return abs(line.x0 - block.x0) <= 2.0 and not self._would_have_fit(block.last, line)
        if block.bold and not line.bold:
            if block.kind == "heading":
                return True
            # a bold run-in title wrapped onto this line ("Gassing and swelling at elevated" / "temperature.
            # Reactions between ..."): the line opens in bold and the title had not ended; else a new block
            first = next((b for t, b in line.runs() if t.strip()), False)
            if not first or block.last.text.rstrip()[-1:] in _SENTENCE_END:
                return False
        last = block.last
        same_left = abs(line.x0 - last.x0) <= 2.0
        centred = abs((line.x0 + line.x1) / 2 - (last.x0 + last.x1) / 2) <= 3.0 and line.x0 > last.x0 - 40 \
            and abs(line.x0 - last.x0) > 2.0
        indented_first = block.lines == 1 and 0.5 * line.size < last.x0 - line.x0 <= 4.0 * line.size
        if not (same_left or centred or indented_first):
            return False
        if not centred and self._would_have_fit(last, line):
            return False  # the previous line stopped short although this line's first word fitted: a new block
        # a bold line after a finished sentence starts a new block (a bold title without spacing)
        return not (line.bold and not block.bold and last.text.rstrip()[-1:] in _SENTENCE_END)

    def _would_have_fit(self, last: _Line, line: _Line) -> bool:
        text = line.text
        word = text.split(" ", 1)[0]
        width = (line.x1 - line.x0) * len(word) / max(1, len(text))
        return last.x1 + 0.3 * line.size + width < last.right - 0.5 * line.size

    def _blocks(self, items: list[_Line | _Table]) -> list[_Block | _Table]:
        out: list[_Block | _Table] = []
        for item in items:
            if isinstance(item, _Table):
                prev = out[-1] if out else None
                if isinstance(prev, _Table) and prev.last_on_page and item.first_on_page \
                        and item.page == prev.page + 1 and _fits_columns(item.members, prev.cols):
                    # the same table going on on the next page: its cells re-read in the first part's columns
                    rows = self._rows(item.members, prev.cols, merge_headers=False)
                    if _row_text(rows[0]) == _row_text(prev.rows[0]):
                        rows = rows[1:]  # the header row the browser repeats on every page
                    prev.rows.extend(rows)
                    prev.last_on_page = item.last_on_page
                    prev.page = item.page
                    prev.members = item.members
                    continue
                out.append(item)
                continue
            line = item
            prev = out[-1] if out else None
            line.toc = line.toc or bool(_LEADER_PAGE.search(line.text))
            if isinstance(prev, _Block) and not line.toc and not prev.last.toc and self._continues(prev, line):
                prev.runs = self._join(prev.runs, line.runs())
                prev.bottom = line.bottom
                prev.page = line.page
                prev.last = line
                prev.lines += 1
                prev.bold = prev.bold and line.bold
                continue
            kind = "list_item" if line.bullet is not None else (
                "heading" if line.size >= 1.12 * self.body and not line.toc else "paragraph")
            out.append(_Block(kind, line.runs(), line.size, line.x0, line.x1, line.bottom, line.page, line,
                              bullet=line.bullet, bold=line.bold))
        return out

    def _finish(self, blocks: list[_Block | _Table]) -> None:
        """Heading levels by size rank, list depths by bullet position; too-long headings are paragraphs."""
        for b in blocks:
            if isinstance(b, _Block) and b.kind == "heading" and (b.lines > 8 or len(_text(b.runs)) > 300):
                b.kind = "paragraph"
        sizes = sorted({b.size for b in blocks if isinstance(b, _Block) and b.kind == "heading"}, reverse=True)
        levels = {s: min(6, i + 1) for i, s in enumerate(sizes)}
        # list depth by bullet position, clustered per text column: a right column's bullets are measured
        # against each other, not against the left column's
        groups: dict[tuple[int, float], list[_Block]] = {}
        for b in blocks:
            if isinstance(b, _Block) and b.kind == "list_item":
                key = (b.page, round(b.last.shift)) if b.last.shift else (-1, 0.0)
                groups.setdefault(key, []).append(b)
        for items in groups.values():
            clusters: list[float] = []
            for x in sorted({round(_bullet_x(b)) for b in items}):
                if not clusters or x - clusters[-1] > 3.0:
                    clusters.append(x)
            for b in items:
                b.depth = max(0, bisect_left(clusters, _bullet_x(b) - 3.0))
        for b in blocks:
            if isinstance(b, _Block) and b.kind == "heading":
                b.level = levels[b.size]

    def html(self, title: str) -> str:
        self._drop_running_strokes()
        per_page: list[list[_Line]] = [self._lines(p, n) for n, p in enumerate(self.pages)]
        self._drop_running(per_page)
        starts = Counter(round(ln.x0) for lines in per_page for ln in lines if ln.text.count(" ") >= 3)
        self.left = float(max(starts.items(), key=lambda kv: (kv[1], -kv[0]))[0]) if starts else 0.0
        all_text = " ".join(ln.text for lines in per_page for ln in lines)
        self.words = set(re.findall(r"[^\W\d_]+", all_text.lower()))
        self.hyphened = set(re.findall(r"[^\W\d_]+-[^\W\d_]+", all_text.lower()))
        items: list[_Line | _Table] = []
        for n, lines in enumerate(per_page):
            lines = self._columns(lines, n)
            self._attach_shape_bullets(lines, self.pages[n].shapes)
            self._numbered_items(lines)
            if lines:
                lines[0].first_on_page = True
                lines[-1].last_on_page = True
            items.extend(self._tables(lines, n))
        # prose: one-segment lines of several words (a table row of many short cells says nothing of where
        # the body text ends, and a page of wide tables would put that edge at the tables' right border)
        prose = sorted(ln.x1 for lines in per_page for ln in lines if len(ln.segs) == 1 and ln.text.count(" ") >= 7)
        _run_edges(items, prose[int(0.9 * (len(prose) - 1))] if prose else 0.0)
        blocks = self._blocks(items)
        self._finish(blocks)
        return _emit(blocks, title)


# ------------------------------------------------------------------ helpers


def _page_number(key: str, text: str, page: int, numbering: set[int]) -> bool:
    """"Page 3", "3 of 9", "3/9" always; a bare number only when it goes up with the page (``numbering``:
    the offsets from the page index that several pages share)."""
    if not _PAGE_NUMBER.match(key):
        return False
    return key.strip("-–—()[] ") != "#" or int(re.findall(r"\d+", text)[0]) - page in numbering


def _strokes(page: _Page) -> list[tuple[tuple[str, int, float], list[int]]]:
    """The typeset lines near the top and bottom of ``page`` (see :meth:`_Converter._drop_running_strokes`):
    each as (text with digits as "#", baseline, size) and the indices of its glyphs, spaces included."""
    by_base: dict[tuple[float, float], list[int]] = {}
    for i, g in enumerate(page.glyphs):
        by_base.setdefault((round(g.base, 1), g.size), []).append(i)
    out: list[tuple[tuple[str, int, float], list[int]]] = []
    for (base, size), members in by_base.items():
        members.sort(key=lambda i: page.glyphs[i].x0)
        runs: list[list[int]] = []
        last: _Glyph | None = None  # the run's last visible glyph
        for i in members:
            g = page.glyphs[i]
            if g.text.isspace():
                if runs:
                    runs[-1].append(i)
                continue
            if last is None or g.x0 - last.x1 > 2.0 * size:
                runs.append([])
            runs[-1].append(i)
            last = g
        for run in runs:
            glyphs = [page.glyphs[i] for i in run]
            top, bottom = min(g.top for g in glyphs), max(g.bottom for g in glyphs)
            if _RUNNING_BAND * page.height <= top and bottom <= (1 - _RUNNING_BAND) * page.height:
                continue
            text = re.sub(r"\d+", "#", "".join(g.text for g in glyphs if not g.text.isspace()))
            if re.search(r"[^\W\d_]", text):
                out.append(((text, round(base), size), run))
    return out


def _run_edges(items: list[_Line | _Table], page_right: float) -> None:
    """Set each line's ``right``: the furthest right any line of its run reaches (consecutive lines with the
    same left edge and size, tightly spaced), and for runs of one or two lines at least ``page_right`` (where
    the document's body text ends). A line that stops short of it although the next line's first word would
    have fitted ended its paragraph (or a ``<br>`` ended the line); measuring three or more lines against
    their own run keeps a narrow box of text (a sidebar) in one piece."""
    run: list[_Line] = []

    def close() -> None:
        edge = max((ln.x1 for ln in run), default=0.0)
        if len(run) <= 2:
            edge = max(edge, run[0].column_right or page_right) if run else edge
        for ln in run:
            ln.right = edge
        run.clear()

    for item in items:
        if not isinstance(item, _Line):
            close()
            continue
        if run:
            last = run[-1]
            gap = item.top - last.bottom
            if item.page != last.page or last.last_on_page or abs(item.x0 - last.x0) > 2.0 \
                    or abs(item.size - last.size) > 0.6 or not -0.3 * item.size <= gap <= 0.6 * item.size:
                close()
        run.append(item)
    close()


def _contents(rows: list[list[list[tuple[str, bool]]]]) -> bool:
    """Whether a "table" is a table of contents or list of figures: titles beside page numbers that go up
    (three or more rows), most titles numbered or ending in a dot leader. Its lines are entries, not a
    table's rows: a page number is no value of the title beside it."""
    texts = [[_text(cell).strip() for cell in row] for row in rows]
    if len(texts) < 3 or any(len(row) != 2 for row in texts):
        return False
    if not all(row[1].isdigit() and len(row[1]) <= 4 and re.search(r"[^\W\d_]", row[0]) for row in texts):
        return False
    pages = [int(row[1]) for row in texts]
    if any(b < a for a, b in zip(pages, pages[1:], strict=False)) or pages[-1] == pages[0]:
        return False
    entries = sum(1 for row in texts if _CONTENTS_ENTRY.match(row[0]) or re.search(r"(?:\.{3,}|…)$", row[0]))
    return 2 * entries >= len(texts)


def _header_grid(lines: list[_Line], x: float) -> bool:
    """Whether two bulleted columns pair up as a table's rows: from the first line with a cell on both
    sides, a bold cell on each side (the header row), then lines with both cells, then at most one side's
    remaining items ("Drivers | Restraints" as parallel lists under their headers). Items that do not pair
    (a side's sub-title, one side going on while the other pauses) are two lists read one after the other."""
    sides = [(any(s.x1 <= x for s in ln.segs), any(s.x0 >= x for s in ln.segs)) for ln in lines]
    start = next((i for i, (a, b) in enumerate(sides) if a and b), None)
    if start is None or not lines[start].bold:
        return False
    rest = sides[start + 1:]
    k = 0
    while k < len(rest) and all(rest[k]):
        k += 1
    if k == 0:
        return False
    return len(set(rest[k:])) <= 1


def _bullet_x(block: _Block) -> float:
    return block.bullet if block.bullet is not None else block.x0


def _line_of(segs: list[_Seg], page: int) -> _Line:
    """A line of these segments: its box, and its size (the most common glyph size; ties: the larger)."""
    sizes: Counter[float] = Counter()
    for seg in segs:
        sizes.update(seg.sizes)
    size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return _Line(segs, min(s.top for s in segs), max(s.bottom for s in segs), size, page, segs[0].bullet)


def _drop_chars(runs: list[tuple[str, bool]], k: int) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for text, bold in runs:
        if k >= len(text):
            k -= len(text)
            continue
        out.append((text[k:], bold))
        k = 0
    return out


def _merge_runs(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for text, bold in runs:
        if not text:
            continue
        if out and out[-1][1] == bold:
            out[-1] = (out[-1][0] + text, bold)
        else:
            out.append((text, bold))
    return out


def _merge_intervals(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1.0:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _row_like(line: _Line, x: float) -> bool:
    """A table row beside the gutter ``x``: two or more short cells (not runs of prose) on one side of it."""
    for side in ([s for s in line.segs if s.x1 <= x], [s for s in line.segs if s.x1 > x]):
        if len(side) >= 2 and all(len(s.text.split()) < 6 for s in side):
            return True
    return False


def _inside_one(seg: _Seg, cols: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """``cols`` with ``seg`` in one column: the one it overlaps, widened, or a new one in free space
    (a header cell or wrapped cell of a column no full row has shown yet); None if it overlaps several,
    or if it would touch a neighbouring column."""
    inside = [k for k, c in enumerate(cols) if seg.x1 > c[0] and seg.x0 < c[1]]
    if len(inside) > 1:
        return None
    widened = list(cols)
    if not inside:
        widened.append((seg.x0, seg.x1))
        widened.sort()
        k = widened.index((seg.x0, seg.x1))
    else:
        k = inside[0]
        widened[k] = (min(cols[k][0], seg.x0), max(cols[k][1], seg.x1))
    if k + 1 < len(widened) and widened[k][1] >= widened[k + 1][0] or k > 0 and widened[k - 1][1] >= widened[k][0]:
        return None
    return widened


def _column_of(seg: _Seg, cols: list[tuple[float, float]]) -> int:
    best, best_overlap = 0, -1.0
    for k, (a, b) in enumerate(cols):
        overlap = min(b, seg.x1) - max(a, seg.x0)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def _row_segs(lines: list[_Line], i: int) -> list[_Seg]:
    """The cells ``lines[i]`` shows side by side: its segments, plus the next line's when that line is beside it
    (overlapping vertically, not horizontally): a one-line cell centred between a wrapped cell's two lines."""
    segs = lines[i].segs
    if i + 1 < len(lines):
        nxt = lines[i + 1]
        beside = min(lines[i].bottom, nxt.bottom) - max(lines[i].top, nxt.top) > 1.0 and all(
            a.x1 <= b.x0 or b.x1 <= a.x0 for a in segs for b in nxt.segs)
        if beside and lines[i].page == nxt.page and not lines[i].last_on_page:
            return segs + nxt.segs
    return segs


def _fits_columns(lines: list[_Line], cols: list[tuple[float, float]]) -> bool:
    return all(any(seg.x1 > a and seg.x0 < b for a, b in cols) for line in lines for seg in line.segs)


def _text(runs: list[tuple[str, bool]]) -> str:
    return "".join(t for t, _ in runs)


def _row_text(row: list[list[tuple[str, bool]]]) -> tuple[str, ...]:
    return tuple(_text(cell).strip() for cell in row)


def _inline(runs: list[tuple[str, bool]], strong: bool = True) -> str:
    parts: list[str] = []
    for text, bold in runs:
        escaped = html.escape(text, quote=False)
        parts.append(f"<strong>{escaped}</strong>" if strong and bold and text.strip() else escaped)
    return "".join(parts)


def _emit(blocks: list[_Block | _Table], title: str) -> str:
    out = ["<!doctype html>", "<html><head><meta charset=\"utf-8\">"]
    if title:
        out.append("<title>" + html.escape(" ".join(title.split()), quote=False) + "</title>")
    out.append("</head><body>")
    depth = -1  # open list depth (-1: no list open)
    for b in blocks:
        if not (isinstance(b, _Block) and b.kind == "list_item") and depth >= 0:
            out.append("</li>" + "</ul></li>" * depth + "</ul>")
            depth = -1
        if isinstance(b, _Table):
            out.append("<table>")
            for r, row in enumerate(b.rows):
                tag = "th" if r == 0 and b.header else "td"
                # header cells and headings are bold by nature: as in HTML, no <strong> is written for them
                out.append("<tr>" + "".join(f"<{tag}>{_inline(cell, tag == 'td')}</{tag}>" for cell in row) + "</tr>")
            out.append("</table>")
        elif b.kind == "heading":
            out.append(f"<h{b.level}>{_inline(b.runs, False)}</h{b.level}>")
        elif b.kind == "paragraph":
            out.append(f"<p>{_inline(b.runs)}</p>")
        else:
            d = min(b.depth, depth + 1)
            if d > depth:
                out.append("<ul>" * (d - depth))
                depth = d
            else:
                out.append("</li>" + "</ul></li>" * (depth - d))
                depth = d
            out.append(f"<li>{_inline(b.runs)}")
    if depth >= 0:
        out.append("</li>" + "</ul></li>" * depth + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
