"""PowerPoint (.pptx) decks -> simple HTML for the text stage, with python-pptx (MIT).

Why python-pptx and not lxml alone: a deck's reading structure lives across parts (slide order in
``presentation.xml`` and its relationships, a placeholder's kind and position inherited from its layout
and master); python-pptx resolves those and checks the package's content type, as python-docx does for
Word files. The text itself is read from the slide XML (runs, breaks, fields, bullets), which
python-pptx exposes but does not interpret.

What a reader sees, slide by slide, is what is written: the slide title as a heading (the deck's first
title ``<h1>``, the others ``<h2>``), then the other shapes top to bottom and left to right (groups as
one shape): text frames as paragraphs, or as list items where a bullet shows (explicit ``buChar``/
``buAutoNum``, or inherited by a body placeholder from its layout and master unless ``buNone``), with
the paragraph's level as the list depth; tables as tables (first row a header when the table says so,
merged cells as col/rowspans); bold runs as ``<strong>``. Not read: speaker notes (never shown to the
audience), hidden slides, date/footer/slide-number placeholders (running text), charts, SmartArt and
pictures (no text layer).

Errors: a damaged package, a file python-pptx refuses (a slide show or template content type) and an
oversized XML total (a ZIP bomb) raise :class:`~kg.errors.InputError` naming the problem.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Final

from kg.errors import InputError
from kg.ingest.html_out import HtmlBuilder, TableCell, cell_inner, inline, span, visible, whole
from kg.ingest.package import ZIP_ERRORS, OfficeKind, convert_office

PPTX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

__all__ = ["PPTX_MEDIA_TYPE", "is_pptx", "pptx_to_html"]

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_HINT = "re-save it from PowerPoint as .pptx, or save the deck as PDF"
_KIND = OfficeKind(damaged="a damaged PowerPoint file", named="a PowerPoint file",
                   exact="a PowerPoint .pptx presentation", contents="a deck", hint=_HINT)
# placeholder types (ST_PlaceholderType) by role
_TITLES = frozenset({"title", "ctrTitle"})
_RUNNING = frozenset({"dt", "ftr", "sldNum", "hdr"})
_BODIES = frozenset({"body", "obj"})
_BULLET = frozenset({f"{{{_A}}}buChar", f"{{{_A}}}buAutoNum", f"{{{_A}}}buBlip"})
_NO_BULLET = f"{{{_A}}}buNone"
_GROUP = f"{{{_P}}}grpSp"


def _a(tag: str) -> str:
    return f"{{{_A}}}{tag}"


def is_pptx(data: bytes) -> bool:
    """A ZIP package with a PresentationML main part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "ppt/presentation.xml" in z.namelist()
    except ZIP_ERRORS:
        return False


def pptx_to_html(data: bytes, source: str) -> str:
    """The deck in ``data`` (a .pptx file's bytes) as an HTML document; raises :class:`InputError`."""
    import pptx

    body = convert_office(data, source, _KIND, pptx.Presentation, lambda deck: _Writer(deck).html())
    if body is None:
        raise InputError(source, "is a PowerPoint file with no text on its slides (pictures or charts only?)",
                         "export the deck's text, or save it as PDF and run OCR")
    return body


class _Writer:
    def __init__(self, deck: Any) -> None:
        self.deck = deck
        self.out = HtmlBuilder((deck.core_properties.title or "").strip())
        self.titled = False  # the deck's first title is its <h1>
        self.blocks = 0

    def html(self) -> str | None:
        for slide in self.deck.slides:
            if slide.element.get("show") in ("0", "false"):
                continue  # a hidden slide is not shown in the slide show
            self._shapes(slide.shapes, slide)
            self.out.close_list()  # a list never runs on into the next slide
        return self.out.html() if self.blocks else None

    def _shapes(self, shapes: Any, slide: Any) -> None:
        ordered = sorted(shapes, key=lambda s: (_ph_type(s) not in _TITLES, s.top or 0, s.left or 0))
        for shape in ordered:
            kind = _ph_type(shape)
            if kind in _RUNNING:
                continue
            if shape.element.tag == _GROUP:  # (shape_type raises on shapes python-pptx does not know)
                self._shapes(shape.shapes, slide)
            elif getattr(shape, "has_table", False):
                self._table(shape.table)
            elif getattr(shape, "has_text_frame", False):
                if kind in _TITLES:
                    self._title(shape)
                else:
                    self._text(shape, kind, slide)

    def _title(self, shape: Any) -> None:
        lines = [_inner(p) for p in shape.text_frame._txBody.iterchildren(_a("p"))]
        inner = " ".join(t.replace("<br>", " ") for t in lines if visible(t))
        if visible(inner):
            self.out.heading(2 if self.titled else 1, inner)
            self.titled = True
            self.blocks += 1

    def _text(self, shape: Any, kind: str | None, slide: Any) -> None:
        tx = shape.text_frame._txBody
        for p in tx.iterchildren(_a("p")):
            inner = _inner(p)
            if not visible(inner):
                continue
            self.blocks += 1
            ppr = p.find(_a("pPr"))
            level = whole(ppr.get("lvl"), 0) if ppr is not None else 0
            if _bulleted(p, level, shape, kind, slide):
                self.out.list_item(level, inner)
            else:
                self.out.paragraph(inner)

    def _table(self, table: Any) -> None:
        header = bool(table.first_row)
        rows: list[list[TableCell]] = []
        for r, tr in enumerate(table._tbl.tr_lst):
            row = []
            for tc in tr.tc_lst:
                if tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true"):
                    continue  # covered by a spanning cell
                body = tc.find(_a("txBody"))
                paragraphs = [_inner(p) for p in body.iterchildren(_a("p"))] if body is not None else []
                row.append(TableCell(cell_inner(paragraphs), header=header and r == 0,
                                     colspan=span(tc.get("gridSpan")), rowspan=span(tc.get("rowSpan"))))
            rows.append(row)
        if any(visible(c.inner) for row in rows for c in row):
            self.blocks += 1
            self.out.table(rows)


def _ph_type(shape: Any) -> str | None:
    """The placeholder type as written (``obj`` when a placeholder names none); None for other shapes."""
    ph = shape.element.find(f"./*/{{{_P}}}nvPr/{{{_P}}}ph")  # in the shape's own nvSpPr/nvGraphicFramePr...
    if ph is None:
        return None
    return ph.get("type", "obj")


def _inner(p: Any) -> str:
    """One ``a:p`` as inline HTML: runs (bold ones strong), line breaks, field text (a date, a number)."""
    parts: list[str] = []
    for child in p:
        if child.tag in (_a("r"), _a("fld")):
            t = child.find(_a("t"))
            text = "".join(t.itertext()) if t is not None else ""
            rpr = child.find(_a("rPr"))
            bold = rpr is not None and rpr.get("b") in ("1", "true")
            parts.append(inline(text.replace("\v", "\n"), bold))
        elif child.tag == _a("br"):
            parts.append("<br>")
    return "".join(parts)


def _bulleted(p: Any, level: int, shape: Any, kind: str | None, slide: Any) -> bool:
    """Whether a bullet shows before the paragraph: its own properties, then the list styles it inherits
    (the shape's, its layout and master placeholders', the master's body style for body placeholders)."""
    own = _bullet_of(p.find(_a("pPr")))
    if own is not None:
        return own
    lvl = f"lvl{min(level, 8) + 1}pPr"
    styles = [shape.element]
    base = shape
    for _ in range(2):  # layout placeholder, then master placeholder
        base = getattr(base, "_base_placeholder", None) if kind is not None else None
        if base is None:
            break
        styles.append(base.element)
    for el in styles:
        found = _bullet_of(el.find(f".//{_a('lstStyle')}/{_a(lvl)}"))
        if found is not None:
            return found
    if kind in _BODIES:
        master = slide.slide_layout.slide_master.element
        found = _bullet_of(master.find(f"{{{_P}}}txStyles/{{{_P}}}bodyStyle/{_a(lvl)}"))
        return True if found is None else found
    return False


def _bullet_of(ppr: Any) -> bool | None:
    """True for a bullet, False for ``buNone``, None when the properties do not say."""
    if ppr is None:
        return None
    for child in ppr:
        if child.tag in _BULLET:
            return True
        if child.tag == _NO_BULLET:
            return False
    return None
