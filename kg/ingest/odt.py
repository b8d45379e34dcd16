"""OpenDocument text (.odt, and flat .fodt) -> simple HTML for the text stage, with lxml over the XML.

Why lxml and not odfpy: the body is one XML tree (``content.xml``, or the whole ``.fodt``) whose
elements already say what each block is (``text:h`` with an outline level, ``text:p``, nested
``text:list``, ``table:table``), and lxml is already installed with python-docx; odfpy would add a
dependency (published as a source archive only) for a tree walk of the same elements.

What is read, in document order: headings (``text:h``, and paragraphs in the Title style as ``<h1>``),
paragraphs, lists (nesting as depth; a heading inside a numbered outline list stays a heading), tables
(header rows as ``<th>``, spanned cells as col/rowspans, covered cells dropped), sections, the text of
links and fields, text boxes anchored in a paragraph (after it), index bodies (a table of contents is
visible text). Bold comes from the automatic or named text/paragraph style (``fo:font-weight``). Not
read: page headers and footers (in ``styles.xml``), footnotes and endnotes, comments, tracked deletions,
index templates, images. The document title is ``dc:title`` from the metadata.

Errors: a damaged package, a missing or unparsable ``content.xml``, an encrypted (password-protected)
document and an oversized XML total (a ZIP bomb) raise :class:`~kg.errors.InputError`. The parser never
resolves entities or fetches anything.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any, Final

from lxml import etree

from kg.errors import InputError
from kg.ingest.html_out import HtmlBuilder, TableCell, cell_inner, inline, span, visible, whole
from kg.ingest.package import ZIP_ERRORS

ODT_MEDIA_TYPE: Final = "application/vnd.oasis.opendocument.text"
FODT_MEDIA_TYPE: Final = "application/vnd.oasis.opendocument.text-flat-xml"

__all__ = ["FODT_MEDIA_TYPE", "ODT_MEDIA_TYPE", "is_fodt", "odf_mimetype", "odt_to_html"]

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_MAX_XML_BYTES = 200_000_000
_HINT = "re-save it as .odt from LibreOffice/Word, or save the report as PDF, .docx or HTML"
# huge_tree: a .fodt embeds its pictures as base64 text, one node often over libxml2's 10 MB cap; it also
# lifts the depth cap from 256 to 2048 levels, past Python's recursion limit (odt_to_html catches that)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_FLAT = re.compile(rb"<office:document\b[^>]*?office:mimetype\s*=\s*[\"']application/vnd\.oasis\.opendocument"
                   rb"\.text[\"']")


def _q(ns: str, tag: str) -> str:
    return f"{{{_NS[ns]}}}{tag}"


_T = {name: _q("text", name) for name in (
    "h", "p", "list", "list-item", "list-header", "span", "s", "tab", "line-break", "note", "section",
    "index-body", "table-of-content", "illustration-index", "alphabetical-index", "user-index", "object-index",
    "bibliography", "table-index", "index-title", "outline-level", "style-name", "c", "ruby-text")}
_TABLE = {name: _q("table", name) for name in (
    "table", "table-row", "table-cell", "covered-table-cell", "table-header-rows", "table-rows",
    "table-row-group", "number-columns-spanned", "number-rows-spanned", "number-columns-repeated",
    "number-rows-repeated")}
_SKIP_INLINE = {_T["note"], _q("office", "annotation"), _q("office", "annotation-end"), _T["ruby-text"]}
_INDEXES = {_T[n] for n in ("table-of-content", "illustration-index", "alphabetical-index", "user-index",
                             "object-index", "bibliography", "table-index")}
_IN_PARAGRAPH = _SKIP_INLINE | {_T["p"], _T["h"]}  # a cell's paragraph inside these is not its own
_MAX_REPEAT = 50  # number-*-repeated beyond this is a spreadsheet-style filler of empty cells


def odf_mimetype(data: bytes) -> str | None:
    """The ``mimetype`` of an OpenDocument ZIP package (text, spreadsheet, presentation...); None else."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                return z.read("mimetype").decode("ascii", "replace").strip() or None
            if "content.xml" in names and "META-INF/manifest.xml" in names:
                manifest = etree.fromstring(z.read("META-INF/manifest.xml"), _PARSER)
                for entry in manifest.iter(_q("manifest", "file-entry")):
                    if entry.get(_q("manifest", "full-path")) == "/":
                        return entry.get(_q("manifest", "media-type"))
    except (*ZIP_ERRORS, etree.XMLSyntaxError):
        return None
    return None


def is_fodt(data: bytes) -> bool:
    """A flat OpenDocument text file: one XML document whose root says it is an OpenDocument text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and _FLAT.search(data[:4096]) is not None


def odt_to_html(data: bytes, source: str) -> str:
    """The report in ``data`` (an .odt package or a flat .fodt file) as HTML; raises :class:`InputError`."""
    try:
        return _to_html(data, source)
    except RecursionError:  # huge_tree lets lxml nest 2048 levels; the walkers recurse per level
        raise InputError(source, "is an OpenDocument text nested too deeply to read (sections, spans or lists "
                                 "inside one another hundreds of levels deep)", _HINT) from None


def _to_html(data: bytes, source: str) -> str:
    if is_fodt(data):
        root = _parse(data, source, "it")
        return _checked(_Writer(root, [root]).html(), source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            size = sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml"))
            if size > _MAX_XML_BYTES:
                raise InputError(source, f"is an OpenDocument text whose XML unpacks to {size / 1e6:,.0f} MB, too "
                                         "big for a report (a ZIP bomb?)", _HINT)
            manifest = z.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest:
                raise InputError(source, "is a password-protected OpenDocument text",
                                 "save an unprotected copy, or save the report as PDF")
            if "content.xml" not in names:
                raise InputError(source, "is a damaged OpenDocument text: it has no content.xml", _HINT)
            content = z.read("content.xml")
            styles = z.read("styles.xml") if "styles.xml" in names else b""
            meta = z.read("meta.xml") if "meta.xml" in names else b""
    except ZIP_ERRORS as exc:
        raise InputError(source, "is a damaged OpenDocument text (its ZIP package cannot be opened)", _HINT) from exc
    root = _parse(content, source, "its content.xml")
    extra = [_parse(styles, source, "its styles.xml")] if styles else []
    if meta:
        with contextlib.suppress(etree.XMLSyntaxError):  # the title is a nicety: not worth a refusal
            extra.append(etree.fromstring(meta, _PARSER))
    return _checked(_Writer(root, [*extra, root]).html(), source)


def _parse(xml: bytes, source: str, what: str) -> Any:
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"is a damaged OpenDocument text: {what} is not well-formed XML ({exc})",
                         _HINT) from exc


def _checked(body: str | None, source: str) -> str:
    if body is None:
        raise InputError(source, "is an OpenDocument text with no text in its body", _HINT)
    return body


class _Style:
    __slots__ = ("bold", "heading", "parent")

    def __init__(self, parent: str | None, bold: bool | None, heading: int) -> None:
        self.parent, self.bold, self.heading = parent, bold, heading


class _Writer:
    def __init__(self, root: Any, style_roots: list[Any]) -> None:
        self.root = root
        self.styles: dict[str, _Style] = {}
        title = ""
        for sroot in style_roots:  # named styles first, then content.xml's automatic styles override
            for st in sroot.iter(_q("style", "style")):
                name = st.get(_q("style", "name"))
                if name is None:
                    continue
                props = st.find(_q("style", "text-properties"))
                weight = props.get(_q("fo", "font-weight")) if props is not None else None
                bold = None if weight is None else (weight == "bold" or whole(weight, 0) >= 600)
                display = (st.get(_q("style", "display-name")) or name).strip().lower()
                outline = st.get(_q("style", "default-outline-level"), "")
                heading = 1 if display == "title" else (whole(outline, 0) if display != "subtitle"
                                                        and display.startswith("heading") else 0)
                self.styles[name] = _Style(st.get(_q("style", "parent-style-name")), bold, heading)
            if not title:
                t = sroot.find(f".//{_q('dc', 'title')}")
                title = "".join(t.itertext()).strip() if t is not None else ""
        self.out = HtmlBuilder(title)
        self.blocks = 0

    def html(self) -> str | None:
        body = self.root.find(f".//{_q('office', 'body')}/{_q('office', 'text')}")
        if body is None:
            return None
        self._blocks(body, list_depth=-1)
        return self.out.html() if self.blocks else None

    # -- styles
    def _style(self, name: str | None) -> tuple[bool | None, int]:
        """(bold, heading level or 0) of a style, following ``parent-style-name`` (cycle-safe)."""
        bold, heading = None, 0
        for _ in range(20):
            st = self.styles.get(name or "")
            if st is None:
                break
            if bold is None:
                bold = st.bold
            heading = heading or st.heading
            name = st.parent
        return bold, heading

    # -- blocks
    def _blocks(self, parent: Any, list_depth: int) -> None:
        for el in parent:
            tag = el.tag
            if tag == _T["h"]:
                self._emit_heading(_level(el), el)
            elif tag == _T["p"]:
                self._paragraph(el, list_depth)
            elif tag == _T["list"]:
                self._list(el, list_depth + 1)
            elif tag == _TABLE["table"]:
                self.out.close_list()
                self._table(el)
            elif tag in _INDEXES:
                body = el.find(_T["index-body"])
                if body is not None:
                    self._blocks(body, list_depth)
            elif tag in (_T["section"], _T["index-body"], _T["index-title"]):
                self._blocks(el, list_depth)  # not text:tracked-changes: it holds the deleted text

    def _list(self, lst: Any, depth: int) -> None:
        for item in lst:
            if item.tag not in (_T["list-item"], _T["list-header"]):
                continue
            for child in item:
                if child.tag == _T["p"]:
                    self._paragraph(child, depth, item=True)
                elif child.tag == _T["h"]:
                    self._emit_heading(_level(child), child)
                elif child.tag == _T["list"]:
                    self._list(child, depth + 1)
                elif child.tag == _TABLE["table"]:
                    self.out.close_list()
                    self._table(child)

    def _emit_heading(self, level: int, el: Any) -> None:
        inner, boxes = self._inline(el, self._style(el.get(_T["style-name"]))[0], strong=False)
        if visible(inner):
            self.blocks += 1
            self.out.heading(level, inner.replace("<br>", " "))
        self._boxes(boxes)

    def _paragraph(self, p: Any, depth: int, item: bool = False) -> None:
        bold, heading = self._style(p.get(_T["style-name"]))
        inner, boxes = self._inline(p, bold, strong=not heading)
        if visible(inner):
            self.blocks += 1
            if heading:
                self.out.heading(heading, inner.replace("<br>", " "))
            elif item and depth >= 0:
                self.out.list_item(depth, inner)
            else:
                self.out.paragraph(inner)
        self._boxes(boxes)

    def _boxes(self, boxes: list[Any]) -> None:
        for box in boxes:  # text boxes anchored in the paragraph, after its own text
            self._blocks(box, list_depth=-1)

    # -- inline
    def _inline(self, el: Any, bold: bool | None, *, strong: bool) -> tuple[str, list[Any]]:
        """A paragraph's inline HTML and the text boxes (``draw:text-box``) anchored in it."""
        parts: list[str] = []
        boxes: list[Any] = []

        def walk(node: Any, bold: bool | None) -> None:
            if node.text:
                parts.append(inline(node.text, bool(strong and bold)))
            for child in node:
                tag = child.tag
                if tag in _SKIP_INLINE:
                    pass
                elif tag == _T["s"]:
                    parts.append(" " * min(whole(child.get(_T["c"]), 1), 100))
                elif tag == _T["tab"]:
                    parts.append(" ")
                elif tag == _T["line-break"]:
                    parts.append("<br>")
                elif tag == _q("draw", "text-box"):
                    boxes.append(child)
                elif tag == _T["span"]:
                    own = self._style(child.get(_T["style-name"]))[0]
                    walk(child, bold if own is None else own)
                elif isinstance(tag, str):  # links, fields, frames (their text boxes), bookmarks, meta...
                    walk(child, bold)
                if child.tail:
                    parts.append(inline(child.tail, bool(strong and bold)))

        walk(el, bold)
        return "".join(parts), boxes

    # -- tables
    def _table(self, table: Any) -> None:
        rows: list[list[TableCell]] = []
        for tr, header in _rows(table):
            repeat = min(whole(tr.get(_TABLE["number-rows-repeated"]), 1), _MAX_REPEAT)
            row: list[TableCell] = []
            for tc in tr:
                if tc.tag != _TABLE["table-cell"]:
                    continue  # covered-table-cell: spanned over by a cell before it
                paragraphs = list(self._cell(tc))
                times = min(whole(tc.get(_TABLE["number-columns-repeated"]), 1), _MAX_REPEAT)
                cell = TableCell(cell_inner(paragraphs), header=header,
                                 colspan=span(tc.get(_TABLE["number-columns-spanned"])),
                                 rowspan=span(tc.get(_TABLE["number-rows-spanned"])))
                row.extend([cell] * (times if cell.inner else 1))
            rows.extend([row] * (repeat if any(c.inner for c in row) else 1))
        while rows and not any(c.inner for c in rows[-1]):
            rows.pop()  # empty filler rows a table ends with
        if rows:
            self.blocks += 1
            self.out.table(rows)

    def _cell(self, tc: Any) -> Iterator[str]:
        """A cell's paragraphs as inline HTML (headings, list items and nested tables flattened)."""
        for el in tc.iter(_T["p"], _T["h"]):
            if _inside(el, tc, _IN_PARAGRAPH):
                continue
            bold = self._style(el.get(_T["style-name"]))[0]
            inner, boxes = self._inline(el, bold, strong=True)
            yield inner
            for box in boxes:
                for p in box.iter(_T["p"], _T["h"]):
                    yield self._inline(p, self._style(p.get(_T["style-name"]))[0], strong=True)[0]


def _rows(table: Any) -> Iterator[tuple[Any, bool]]:
    """A table's rows in order, each with whether it is a header row (inside ``table-header-rows``)."""
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(list(table))]
    while stack:
        el, header = stack.pop()
        if el.tag == _TABLE["table-row"]:
            yield el, header
        elif el.tag in (_TABLE["table-header-rows"], _TABLE["table-rows"], _TABLE["table-row-group"]):
            inner = header or el.tag == _TABLE["table-header-rows"]
            stack.extend((child, inner) for child in reversed(list(el)))


def _level(h: Any) -> int:
    """A text:h's outline level, 1 when absent or not a number."""
    return whole(h.get(_T["outline-level"]), 1)


def _inside(el: Any, stop: Any, tags: set[str]) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False
