"""The text rendition: one deterministic plain text per document, plus its blocks with exact offsets.

Evidence offsets index this text, so it must be stable (same raw document, same text, byte for byte)
and clean (sentences, not markup). Layout rules:

* Blocks are separated by exactly one ``"\\n"``; the text has no leading or trailing newline. A table is
  one block whose rows are lines (so inside a table block ``"\\n"`` separates rows) and whose cells are
  joined by ``" | "``.
* Inside a block, whitespace runs (including newlines that do not split, and NBSP and other Unicode
  spaces) collapse to one space; blocks are stripped. Zero-width characters (ZWSP, ZWNJ, ZWJ, word
  joiner, BOM, soft hyphen), control characters and lone surrogates are removed; text is NFC.
  Everything else is kept as written (curly quotes, dashes, "➤").
* Hard breaks split a block into several blocks of the same kind: ``<br>`` always, and a source
  newline inside a block element when

  - a blank (whitespace-only) line follows it, or
  - the next line's indentation differs from the current line's (known only for lines that start
    after a newline) -- unless the newline is a wrap inside a sentence: the next line starts in lower
    case (or with , ; ) ] %) and the current one does not end in . : ! ?

  A single newline with unchanged (or unknown) indentation is wrapping and becomes a space. A line
  holding nothing but an inline tag (``<a href=...>``) is not blank. This is how the genre's exports
  mark sub-headings inside ``<p>`` ("Asia" then its paragraph).
* Block kinds: ``h1``-``h6`` -> heading (``level``); ``li`` -> list_item (nested lists flattened, each
  ``li`` its own block, text of an outer ``li`` around a nested list is its own list_item; ``depth``
  records the nesting: 0 for a top-level ``li``, 1 for one inside another ``li``, ...); ``table``
  -> table (``rows`` of ``Cell`` spans, ``header`` for ``th`` or ``thead`` cells; nested tables and
  block elements inside a cell are flattened into the cell); everything else -> paragraph. A table's
  ``rows`` are its grid, one cell per column, so a reader finds a row's label and a column's header by
  position: a ``colspan`` cell is repeated (the same span) over the columns it covers, and a row under a
  ``rowspan`` cell gets an empty cell (zero width, where its own text goes on) in each spanned column, so
  the row's own label stays its own and the spanning group is the filled cell above. The text keeps the
  cells as written (a spanned slot adds no "|"). A centred
  ``<p>`` (``text-align:center``, ``align=center``, ``<center>``, inherited) sets ``centered``; it is
  never promoted to a heading.
* ``strong`` lists ``b``/``strong`` runs per block, trimmed to non-space characters; runs separated
  only by whitespace are merged, so a bold-only line has one span covering the whole block.
* Inline items lined up with no whitespace between them (``<a>``/``<span>``/``<button>``/``<label>``
  siblings of one tag in a container with no text of its own: menus, tabs, tags) get a space between
  them, as the page's styles show them apart; inside running text touching elements stay one word.
* Dropped: ``script``/``style``/``noscript``/``template``/``head``, images (and their alt text),
  ``svg``/``math``/embedded media, comments, link URLs (link text is kept).
* Markdown goes through markdown-it (CommonMark + tables, raw HTML on) and then the HTML path, unless
  the body is mostly raw HTML (hashnode exports: a ``# Title`` line then HTML whose indented lines
  CommonMark would turn into code blocks): then standalone ``#`` heading lines become ``<hN>`` and the
  rest is parsed as HTML. HTML bodies get the same heading-line treatment.
* Plain text: blank lines separate paragraphs, and inside a paragraph every line is its own block
  unless it is a lower-case wrap (the exception above). A line is guessed to be a heading only when
  it is at most 80 characters, does not end in . ; , ! ? and is either numbered ("2.", "2.1")
  followed by a capital at the start of a paragraph -> level = depth + 1; ALL CAPS at the start of a
  paragraph -> level 2; or title-case / ending in ":" -> level 3, the last only when a sentence-like
  line (ending in . ! ? or over 80 characters) follows. The first heading of a file gets level 1.
* ``boilerplate`` flags download/sample-request and "Get the Complete Report" blocks, bare URLs,
  contact details (phone, e-mail, "Contact us", "Follow us"), table-of-contents lines ("Chapter 1:",
  except as a heading, which opens the chapter; "Table of Contents", "Outline of Major Chapters"), the
  numbered lines that follow a "Table of Contents" title and the short (<= 120 characters) lines that
  follow a "Contact us" title. Flagged, never deleted.

The HTML tree is walked with an explicit stack (20 000 nested tags are fine) and text is built with
lists and one join, so time and memory stay linear in the document size.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser, LexborNode

from kg.ingest.plain import plain_blocks
from kg.ingest.read import HTML_BODIES, MediaType, is_mostly_html, read_document
from kg.models import Block, BlockKind, Cell, RawDocument, Span, TextDocument

__all__ = ["load", "render", "render_text"]

# ------------------------------------------------------------------ character cleaning

# Control characters (not \t \n \v \f \r), soft hyphen, zero-width space/non-joiner/joiner, word joiner,
# BOM, and lone surrogates (they cannot be encoded as UTF-8).
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ud800-\udfff]")


def _clean(s: str) -> str:
    """Remove invisible characters and normalise to NFC (applied to every text node)."""
    if not s.isascii():
        s = unicodedata.normalize("NFC", _DROP.sub("", s))
    elif _DROP.search(s):
        s = _DROP.sub("", s)
    return s


# ------------------------------------------------------------------ line grouping and collapsing

_WORD = re.compile(r"\S+")
_LINE_START_WS = re.compile(r"[^\S\n]*")
_SENTENCE_END = ".:!?"

Interval = tuple[int, int]


def _indent_width(ws: str) -> int:
    return len(ws.expandtabs(4))


def _group_lines(
    raw: str,
    a: int,
    b: int,
    *,
    pre: bool = False,
    first_at_line_start: bool = False,
    tags: list[int] | None = None,
    plain: bool = False,
) -> list[Interval]:
    """Split ``raw[a:b]`` into sub-block ranges at meaningful newlines (see the module docstring).

    The first line's indentation is unknown (it follows an opening tag) unless ``first_at_line_start``.
    ``tags`` are raw offsets of inline tags: a whitespace-only line holding one is not a blank line.
    ``plain`` (plain-text files): every line is its own block unless it is a lower-case wrap.
    """
    groups: list[Interval] = []
    cur_start = -1
    cur_end = -1
    prev_last = ""
    prev_indent: int | None = None
    blank_since = False
    pos = a
    first = True
    while True:
        nl = raw.find("\n", pos, b)
        end = b if nl < 0 else nl
        m = _LINE_START_WS.match(raw, pos, end)
        ws_end = m.end() if m else pos
        content_end = end
        while content_end > ws_end and raw[content_end - 1].isspace():
            content_end -= 1
        if content_end <= ws_end:
            if not first and not (tags and _has_tag(tags, pos, end)):
                blank_since = True
        else:
            indent = _indent_width(raw[pos:ws_end]) if (not first or first_at_line_start) else None
            if cur_start < 0:
                cur_start = ws_end
            else:
                split = pre or blank_since
                if not split:
                    ch = raw[ws_end]
                    wrap = (ch.islower() or ch in ",;)]%") and prev_last not in _SENTENCE_END
                    split = not wrap and (
                        plain or (indent is not None and prev_indent is not None and indent != prev_indent)
                    )
                if split:
                    groups.append((cur_start, cur_end))
                    cur_start = ws_end
            cur_end = content_end
            prev_last = raw[content_end - 1]
            prev_indent = indent
            blank_since = False
        first = False
        if nl < 0:
            break
        pos = nl + 1
    if cur_start >= 0:
        groups.append((cur_start, cur_end))
    return groups


def _has_tag(tags: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(tags, lo)
    return i < len(tags) and tags[i] <= hi


def _collapse(
    raw: str, a: int, b: int, bold: list[Interval], bold_ends: list[int] | None = None
) -> tuple[str, list[Interval]]:
    """Collapse whitespace in ``raw[a:b]``; map the bold intervals (raw offsets) to the collapsed text."""
    if not bold or (bold_ends is not None and (bold[0][0] >= b or bold_ends[-1] <= a)):
        return " ".join(raw[a:b].split()), []  # str.split and \S agree on what whitespace is
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for m in _WORD.finditer(raw, a, b):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    if not words:
        return "", []
    text = " ".join(words)
    spans: list[Interval] = []
    if bold:
        out_starts: list[int] = []
        o = 0
        for w in words:
            out_starts.append(o)
            o += len(w) + 1
        k = bisect_right(bold_ends if bold_ends is not None else [e for _, e in bold], a)
        while k < len(bold):
            s, e = bold[k]
            k += 1
            if s >= b:
                break
            s, e = max(s, a), min(e, b)
            i = bisect_right(ends, s)  # first word ending after s
            j = bisect_left(starts, e) - 1  # last word starting before e
            if i > j:
                continue
            os_ = out_starts[i] + max(0, s - starts[i])
            oe = out_starts[j] + min(ends[j], e) - starts[j]
            if oe > os_:
                spans.append((os_, oe))
    return text, spans


def _merge_spans(spans: list[Interval], text: str) -> list[Interval]:
    """Sort, and merge spans that overlap or are separated only by whitespace."""
    merged: list[Interval] = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# ------------------------------------------------------------------ block records


@dataclass
class _Rec:
    kind: BlockKind
    text: str
    strong: list[Interval] = field(default_factory=list)
    level: int | None = None
    centered: bool = False
    rows: list[list[tuple[int, int, bool]]] = field(default_factory=list)  # relative (start, end, header)
    boilerplate: bool = False
    depth: int = 0


class _Segment:
    """Inline text of one hard-break-delimited run: raw text pieces plus bold intervals."""

    __slots__ = ("bold", "parts", "size", "tags")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.bold: list[Interval] = []
        self.tags: list[int] = []  # raw offsets of inline tags: a line holding only a tag is not blank
        self.size = 0

    def mark(self) -> None:
        if not self.tags or self.tags[-1] != self.size:
            self.tags.append(self.size)

    def add(self, s: str, is_bold: bool) -> None:
        if not s:
            return
        if is_bold:
            if self.bold and self.bold[-1][1] == self.size:
                self.bold[-1] = (self.bold[-1][0], self.size + len(s))
            else:
                self.bold.append((self.size, self.size + len(s)))
        self.parts.append(s)
        self.size += len(s)


def _segment_records(
    seg: _Segment, kind: BlockKind, level: int | None, centered: bool, pre: bool, depth: int = 0
) -> list[_Rec]:
    raw = "".join(seg.parts)
    if not raw or raw.isspace():
        return []
    recs = []
    bold_ends = [e for _, e in seg.bold]
    for a, b in _group_lines(raw, 0, len(raw), pre=pre, tags=seg.tags):
        text, strong = _collapse(raw, a, b, seg.bold, bold_ends)
        if text:
            recs.append(_Rec(kind, text, _merge_spans(strong, text), level, centered, depth=depth))
    return recs


# ------------------------------------------------------------------ HTML walking

_SKIP_NAMES = (
    "script style noscript template head title svg math iframe object embed canvas video audio img "
    "picture source track map area input select textarea button meta link base "
)
_SKIP = frozenset(_SKIP_NAMES.split())
_BLOCK_NAMES = (
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p "
    "pre section summary table caption tbody thead tfoot tr td th ul legend option optgroup "
)
_BLOCK = frozenset(_BLOCK_NAMES.split())
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOLD = frozenset({"b", "strong"})
#: inline elements that hold one item each when a container lines them up (menus, tabs, tags)
_ITEMS = frozenset({"a", "span", "button", "label"})
_CENTER_STYLE = re.compile(r"text-align\s*:\s*(\w+)", re.IGNORECASE)


class _Table:
    __slots__ = ("cell", "cell_header", "groups", "rows")

    def __init__(self) -> None:
        self.rows: list[list[tuple[_Segment, bool, int, int]]] = []  # (text, header, rowspan, colspan)
        self.groups: set[int] = set()  # rows that open a thead/tbody/tfoot (no rowspan reaches past one)
        self.cell: _Segment | None = None
        self.cell_header = False


_SPAN_NUMBER = re.compile(r"\s*(\d{1,6})")
_MAX_COLSPAN = 100  # a wider span is a layout trick, not a table: do not let it blow the grid up


def _span_attr(node: LexborNode, name: str) -> int:
    """A ``rowspan``/``colspan`` value as browsers read it (leading digits; junk or < 1 is 1); ``rowspan="0"``
    (to the end of the table) is 0."""
    m = _SPAN_NUMBER.match(node.attributes.get(name) or "")
    n = int(m.group(1)) if m else 1
    return 0 if n == 0 and name == "rowspan" else max(1, n)


# A grid slot: ("cell", index into the source row), ("left", 0) for a colspan's later columns, ("above", 0)
# for a rowspan's later rows.
_Slot = tuple[str, int]


def _grid(rows: list[list[tuple[_Segment, bool, int, int]]], groups: set[int]) -> list[list[tuple[_Slot, bool]]]:
    """The rows as a grid, one slot per column: a cell spanning columns fills them all, and a cell spanning
    rows fills its columns in the rows below, up to the end of its row group (so the cells of those rows
    land in their own columns)."""
    grid: list[list[tuple[_Slot, bool]]] = []
    pending: dict[int, tuple[int, bool]] = {}  # column -> (rows still spanned, header)
    for r, row in enumerate(rows):
        if r in groups:
            pending = {}
        out: list[tuple[_Slot, bool]] = []
        taken = dict(pending)
        pending = {k: (n - 1, h) for k, (n, h) in pending.items() if n > 1}
        for i, (_, header, rowspan, colspan) in enumerate(row):
            while len(out) in taken:  # columns a cell of a row above still spans
                out.append((("above", 0), taken[len(out)][1]))
            col = len(out)
            colspan = min(colspan, _MAX_COLSPAN)
            out.append((("cell", i), header))
            out.extend((("left", 0), header) for _ in range(colspan - 1))
            down = len(rows) if rowspan == 0 else rowspan - 1
            if down > 0:
                for k in range(col, col + colspan):
                    pending[k] = (down, header)
        if taken and max(taken) >= len(out):  # a short row beside a rowspan on the right: pad up to it
            pad = all(h for _, h in out)
            out.extend((("above", 0), taken[j][1] if j in taken else pad) for j in range(len(out), max(taken) + 1))
        grid.append(out)
    return grid


class _HtmlWalker:
    def __init__(self) -> None:
        self.recs: list[_Rec] = []
        self.segs: list[_Segment] = [_Segment()]
        self.bold = 0
        self.pre = 0
        self.kinds: list[tuple[BlockKind, int | None]] = []
        self.centered: list[bool] = [False]
        self.table: _Table | None = None
        self.table_depth = 0
        self.thead = 0
        self.caption = 0
        self.bare_text: dict[int, bool] = {}  # element -> has text nodes of its own (see _touching_item)

    # -- inline buffer
    def flush(self) -> None:
        kind, level = self.kinds[-1] if self.kinds else ("paragraph", None)
        centered = self.centered[-1]
        depth = max(0, sum(k == "list_item" for k, _ in self.kinds) - 1) if kind == "list_item" else 0
        for seg in self.segs:
            self.recs.extend(_segment_records(seg, kind, level, centered, self.pre > 0, depth))
        self.segs = [_Segment()]

    def text(self, s: str) -> None:
        s = _clean(s)
        if not s:
            return
        if self.table is not None and self.caption == 0:
            if self.table.cell is not None:
                self.table.cell.add(s, self.bold > 0)
            return
        self.segs[-1].add(s, self.bold > 0)

    # -- elements
    def _touching_item(self, node: LexborNode, tag: str) -> bool:
        """Whether ``node`` directly follows a sibling of its own tag in a container of such items with no text
        of its own (a menu of ``<a>``s, a row of ``<span>`` tabs): the page shows them apart (styles space
        them), so they must not run together ("HomeAll NewsChemicals")."""
        prev = node.prev
        if prev is None or not prev.is_element_node or (prev.tag or "").lower() != tag or node.parent is None:
            return False
        key = node.parent.mem_id
        bare = self.bare_text.get(key)
        if bare is None:
            bare = False
            child = node.parent.child
            while child is not None:
                if child.is_text_node and (child.text_content or "").strip():
                    bare = True
                    break
                child = child.next
            self.bare_text[key] = bare
        return not bare

    def start(self, node: LexborNode, tag: str) -> None:
        if tag in _ITEMS and self._touching_item(node, tag):
            self.text(" ")
        if tag in _BOLD:
            self.bold += 1
            self.segs[-1].mark()
            return
        if self.table is not None and self.caption == 0:
            self._table_start(node, tag)
            return
        if tag == "br":
            self.segs.append(_Segment())
            return
        if tag not in _BLOCK:
            self.segs[-1].mark()
            return
        self.flush()
        if tag == "table":  # (a table inside a caption is flattened into the caption)
            if self.table is None:
                self.table = _Table()
                self.table_depth = 1
            return
        if tag in _HEADINGS:
            self.kinds.append(("heading", _HEADINGS[tag]))
        elif tag == "li":
            self.kinds.append(("list_item", None))
        elif tag == "pre":
            self.pre += 1
        self.centered.append(self._is_centered(node, tag))

    def end(self, tag: str) -> None:
        if tag in _BOLD:
            self.bold -= 1
            self.segs[-1].mark()
            return
        if self.table is not None and self.caption == 0:
            self._table_end(tag)
            return
        if tag not in _BLOCK or tag == "br":
            if tag != "br":
                self.segs[-1].mark()
            return
        self.flush()
        if tag == "table":
            return
        if tag in _HEADINGS or tag == "li":
            if self.kinds:
                self.kinds.pop()
        elif tag == "pre":
            self.pre -= 1
        if len(self.centered) > 1:
            self.centered.pop()

    def _is_centered(self, node: LexborNode, tag: str) -> bool:
        if tag == "center":
            return True
        attrs = node.attributes
        style = attrs.get("style") or ""
        m = _CENTER_STYLE.search(style)
        if m:
            return m.group(1).lower() == "center"
        align = (attrs.get("align") or "").strip().lower()
        if align:
            return align == "center"
        return self.centered[-1]

    def _table_start(self, node: LexborNode, tag: str) -> None:
        t = self.table
        assert t is not None
        if tag == "table":
            self.table_depth += 1
        elif self.table_depth > 1:
            if t.cell is not None and tag in _BLOCK | {"br"}:
                t.cell.add(" ", False)
        elif tag in ("thead", "tbody", "tfoot"):
            self.thead += tag == "thead"
            t.groups.add(len(t.rows))
        elif tag == "tr":
            t.rows.append([])
            t.cell = None
        elif tag in ("td", "th"):
            if not t.rows:
                t.rows.append([])
            t.cell = _Segment()
            header = tag == "th" or self.thead > 0
            t.rows[-1].append((t.cell, header, _span_attr(node, "rowspan"), _span_attr(node, "colspan")))
        elif t.cell is not None and tag in _BLOCK | {"br"}:
            t.cell.add(" ", False)

    def _table_end(self, tag: str) -> None:
        t = self.table
        assert t is not None
        if tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0:
                self.table = None
                self._emit_table(t)
        elif self.table_depth > 1:
            if t.cell is not None and tag in _BLOCK:
                t.cell.add(" ", False)
        elif tag == "thead":
            self.thead -= 1
        elif tag in ("td", "th"):
            t.cell = None
        elif t.cell is not None and tag in _BLOCK:
            t.cell.add(" ", False)

    def end_caption(self) -> None:
        self.flush()
        self.caption -= 1
        self.centered.pop()

    def _emit_table(self, t: _Table) -> None:
        lines: list[str] = []
        rows: list[list[tuple[int, int, bool]]] = []
        strong: list[Interval] = []
        pos = 0
        for row, slots in zip(t.rows, _grid(t.rows, t.groups), strict=True):
            cells = []
            for seg, header, _, _ in row:
                raw = "".join(seg.parts)
                text, spans = _collapse(raw, 0, len(raw), seg.bold)
                cells.append((text, spans, header))
            if not any(c[0] for c in cells):
                continue
            parts: list[str] = []
            offs: list[tuple[int, int]] = []  # per source cell
            line_spans: list[Interval] = []
            cpos = 0
            for i, (text, spans, _) in enumerate(cells):
                if i:
                    parts.append(" | ")
                    cpos += 3
                offs.append((cpos, cpos + len(text)))
                line_spans.extend((cpos + s, cpos + e) for s, e in spans)
                parts.append(text)
                cpos += len(text)
            line = "".join(parts)
            # empty first/last cells would leave the line starting or ending with a space
            lead = len(line) - len(line.lstrip(" "))
            stripped = line.strip(" ")
            n = len(stripped)

            def at(x: int, pos: int = pos, lead: int = lead, n: int = n) -> int:
                return pos + min(max(x - lead, 0), n)

            # one cell per grid column: a colspan's later columns repeat its cell; a rowspan's later rows
            # get an empty cell where the row's text goes on (the row's own cells keep their columns)
            grid_row: list[tuple[int, int, bool]] = []
            last = (0, 0)
            for (what, i), header in slots:
                if what == "cell":
                    last = offs[i]
                    grid_row.append((at(last[0]), at(last[1]), header))
                elif what == "left":
                    grid_row.append((at(last[0]), at(last[1]), header))
                else:
                    grid_row.append((at(last[1]), at(last[1]), header))
            rows.append(grid_row)
            strong.extend((at(s), at(e)) for s, e in line_spans)
            lines.append(stripped)
            pos += n + 1
        if not lines:
            return
        text = "\n".join(lines)
        self.recs.append(
            _Rec("table", text, _merge_spans([x for x in strong if x[1] > x[0]], text), rows=rows)
        )


_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)


def _walk_html(html: str) -> list[_Rec]:
    """Walk the parsed tree in document order with an explicit stack (no recursion)."""
    # HTML5 parses a <noscript> before <body> in head mode and moves its text into the body: drop it first.
    tree = LexborHTMLParser(_NOSCRIPT.sub("", html) if "<noscript" in html.lower() else html)
    root = tree.root
    w = _HtmlWalker()
    if root is None:
        return []
    # stack items: node to enter, or a tag name string to close
    stack: list[LexborNode | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item == "\x00caption":
                w.end_caption()
            else:
                w.end(item)
            continue
        node = item
        if node.is_text_node:
            content = node.text_content
            if content:
                w.text(content)
            continue
        if not node.is_element_node and not node.is_document_node:
            continue
        tag = (node.tag or "").lower()
        if tag in _SKIP:
            continue
        if tag == "caption" and w.table is not None and w.table_depth == 1 and w.caption == 0:
            w.flush()
            w.caption += 1
            w.centered.append(w.centered[-1])
            stack.append("\x00caption")
        else:
            w.start(node, tag)
            stack.append(tag)
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        children.reverse()
        stack.extend(children)
    w.flush()
    if w.table is not None:  # truncated document: emit what was collected
        t, w.table = w.table, None
        w._emit_table(t)
    return w.recs


# ------------------------------------------------------------------ markdown

_ATX = re.compile(r"^(#{1,6})[ \t]+([^<>\n]*?)(?:[ \t]+#+)?[ \t]*$")
_md = MarkdownIt("commonmark", {"html": True}).enable("table")


def _markdown_headings_to_html(body: str) -> str:
    """Turn standalone ``# Heading`` lines (start of body or after a blank line) into ``<hN>`` elements."""
    if "#" not in body:
        return body
    lines = body.split("\n")
    prev_blank = True
    for i, line in enumerate(lines):
        if prev_blank and line.startswith("#"):
            m = _ATX.match(line)
            if m and m.group(2).strip():
                n = len(m.group(1))
                lines[i] = f"<h{n}>{_md.renderInline(m.group(2).strip())}</h{n}>"
        prev_blank = not line.strip()
    return "\n".join(lines)


def _markdown_to_html(body: str) -> str:
    if is_mostly_html(body):
        return _markdown_headings_to_html(body)
    return _md.render(body)


# ------------------------------------------------------------------ plain text

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+\S")
_LETTERS = re.compile(r"[^\W\d_]")
# "Date: Tue, 11 Feb 2025", "Regions: China, Japan": a label with a data value (digits, a list, an
# address) is a field line, not a heading.
_LABEL_VALUE = re.compile(r"^[^:]{1,30}:\s+\S.*[\d,@<]")
_SMALL_WORD_NAMES = "a an and as at by for from in of on or the to vs with "
_SMALL_WORDS = frozenset(_SMALL_WORD_NAMES.split())


def _heading_guess(line: str, next_line: str | None, first_heading: bool, para_start: bool) -> int | None:
    """A conservative heading guess for one plain-text line; None if it is not a heading."""
    if len(line) > 80 or line[-1] in ".;,!?" or " | " in line or _LABEL_VALUE.match(line):
        return None
    m = _NUMBERED.match(line)
    if m:
        if para_start and line[m.end() - 1].isupper():
            return min(6, m.group(1).count(".") + 2)
        return None
    letters = _LETTERS.findall(line)
    if len(letters) < 2:
        return None
    if para_start and all(c.isupper() for c in letters) and any(len(w) >= 3 for w in line.split()):
        return 1 if first_heading else 2
    sentence_follows = next_line is not None and (len(next_line) > 80 or next_line[-1] in ".!?")
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    title_case = bool(words) and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    if sentence_follows and (title_case or line.endswith(":")) and len(words) <= 12:
        return 1 if first_heading else 3
    return None


def _plain_records(body: str) -> list[_Rec]:
    """Plain text through :func:`kg.ingest.plain.plain_blocks`, plus the heading guesses."""
    blocks = plain_blocks(_clean(body))
    recs: list[_Rec] = []
    # An underlined ("===") title is the layout's own level 1: a guessed heading above it (a masthead in
    # capitals) is not the document's first-level heading.
    seen_heading = any(pb.kind == "heading" and pb.level == 1 for pb in blocks)
    for i, pb in enumerate(blocks):
        if pb.kind == "table":
            t = _Table()
            for row in pb.rows:
                cells = []
                for text, header in row:
                    seg = _Segment()
                    seg.add(text, False)
                    cells.append((seg, header, 1, 1))
                t.rows.append(cells)
            w = _HtmlWalker()
            w._emit_table(t)
            recs.extend(w.recs)
            continue
        if pb.kind == "heading":
            seen_heading = True
            recs.append(_Rec("heading", pb.text, level=1 if pb.level == 1 else (pb.level or 2)))
            continue
        if pb.kind == "list_item":
            recs.append(_Rec("list_item", pb.text, depth=pb.depth))
            continue
        nxt = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].kind != "table" else None
        level = _heading_guess(pb.text, nxt or None, not seen_heading, pb.para_start)
        if level is not None:
            seen_heading = True
            recs.append(_Rec("heading", pb.text, level=level))
        else:
            recs.append(_Rec("paragraph", pb.text))
    _flag_contents(recs)
    return recs


_ENTRY = re.compile(r"^(\d{1,2})[.)]?[ \t]+(\S.*)$")


def _entry_words(text: str) -> tuple[str, list[str]] | None:
    m = _ENTRY.match(text)
    return (m.group(1), re.findall(r"\w+", m.group(2).lower())) if m else None


def _flag_contents(recs: list[_Rec]) -> None:
    """A contents list without a "Contents" title ("In this issue" then "1. Lead story ..."): a run of
    numbered lines, most of whose entries come back later as numbered headings (same number, one's words
    a prefix of the other's). Its entries and the short label line above them are boilerplate: the first
    entry naming a report is not the report's title."""
    later: list[tuple[int, str, list[str]]] = []
    for k, r in enumerate(recs):
        e = _entry_words(r.text) if r.kind == "heading" else None
        if e is not None:
            later.append((k, *e))
    if len(later) < 2:
        return
    i = 0
    while i < len(recs):
        j = i
        while j < len(recs) and recs[j].kind != "heading" and _entry_words(recs[j].text) is not None:
            j += 1
        if j - i < 2:
            i = j + 1
            continue
        found = 0
        for r in recs[i:j]:
            num, words = _entry_words(r.text) or ("", [])
            n = min(len(words), 8)
            found += any(k >= j and hn == num and hw and words[:min(n, len(hw))] == hw[:min(n, len(hw))]
                         for k, hn, hw in later)
        if found >= 2 and 2 * found >= j - i:
            label = recs[i - 1] if i else None
            if (label is not None and label.kind == "paragraph" and len(label.text) <= 40
                    and label.text[-1] not in ".!?"):
                label.boilerplate = True
            for r in recs[i:j]:
                r.boilerplate = True
        i = j + 1



# ------------------------------------------------------------------ boilerplate

_BOILER_ANY = re.compile(
    r"\b(?:download|request|get|claim|order)\b[^.\n]{0,30}\bsample\b"
    r"|\bget\s+(?:the\s+)?(?:complete|full)\s+report\b"
    r"|\bbuy\s+(?:the\s+|this\s+)?(?:full\s+|complete\s+)?report\b"
    r"|\boutline\s+of\s+major\s+chapters\b"
    r"|^\s*(?:contact\s+us|follow\s+us)\b"
    r"|^\s*(?:table\s+of\s+contents?|contents)\s*:?\s*$",
    re.IGNORECASE,
)
#: "Chapter 4: Market by Type" as a contents line; as a heading it opens the chapter and is kept
_CHAPTER_LINE = re.compile(r"^\s*(?:chapter|section)\s+\d+\s*[:.\-–]", re.IGNORECASE)
_BOILER_KEYS = ("sample", "report", "chapter", "content", "contact", "follow", "section")
_PHONE_KEYS = ("tel", "phone", "call", "fax")
_BARE_URL = re.compile(r"^(?:(?:https?://|www\.)\S+\s*)+$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\+\s?\d[\d\s().-]{6,}\d|\b(?:tel|phone|call|fax)\b\s*[:.]?\s*\(?\d[\d\s().-]{6,}\d)", re.I
)
_TOC_START = re.compile(r"^\s*(?:table\s+of\s+contents?|contents)\s*:?\s*$", re.I)
_CONTACT_START = re.compile(r"^\s*contact\s+us\s*:?\s*$", re.I)
_TOC_LINE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+\S|table\s+of\s+contents?\b)", re.I)


def _flag_boilerplate(recs: list[_Rec]) -> None:
    """Flag by pattern, plus sections: numbered lines after "Table of Contents", short after "Contact us"."""
    section = ""
    for r in recs:
        t = r.text
        short = len(t) <= 200
        hit = False
        if len(t) <= 400:
            low = t.lower()  # cheap keyword gate: the regexes below cost ~7 us per block otherwise
            hit = bool(
                (any(k in low for k in _BOILER_KEYS) and _BOILER_ANY.search(t))
                or (r.kind != "heading" and ("chapter" in low or "section" in low) and _CHAPTER_LINE.match(t))
                or (("http" in low or "www." in low) and _BARE_URL.match(t))
                or (short and "@" in t and _EMAIL.search(t))
                or (short and ("+" in t or any(k in low for k in _PHONE_KEYS)) and _PHONE.search(t))
            )
        if (
            section == "toc"
            and not (_TOC_LINE.match(t) and short and r.kind != "heading")
            or section == "contact"
            and not (len(t) <= 120 and r.kind != "heading")
        ):
            section = ""
        if _TOC_START.match(t):
            section = "toc"
        elif _CONTACT_START.match(t):
            section = "contact"
        r.boilerplate = r.boilerplate or hit or bool(section)


# ------------------------------------------------------------------ assembly


_HTML_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)


_META_PUBLISHED = re.compile(
    r"<meta\b[^>]*?\b(?:property|name|itemprop)\s*=\s*[\"']?(?:article:published_time|datePublished)[\"']?"
    r"[^>]*?\bcontent\s*=\s*[\"']([^\"'<>]{4,40})", re.I)
_TIME_PUBLISHED = re.compile(
    r"<header\b[^>]*>(?:(?!</header>).){0,3000}?<time\b[^>]*?\bdatetime\s*=\s*[\"']([^\"'<>]{4,40})", re.I | re.S)


def _html_published(body: str) -> str | None:
    """The page's own publication date: ``article:published_time`` meta, else a ``<time datetime>`` in a
    ``<header>`` (the article's by-line); a date elsewhere (related posts, comments) is not taken."""
    head = body[:50000]
    m = _META_PUBLISHED.search(head) or _TIME_PUBLISHED.search(head)
    return m.group(1).strip() if m else None


def _with_html_title(raw: RawDocument) -> dict[str, str]:
    """The front matter, plus an HTML page's ``<title>`` as ``html_title`` (the text rendition drops the
    head; report metadata falls back to it when the body opens with a masthead instead of a title)."""
    fm = dict(raw.front_matter)
    if raw.media_type in HTML_BODIES and "html_title" not in fm:
        m = _HTML_TITLE.search(raw.body[:20000])
        if m:
            title = re.sub(r"\s+", " ", html.unescape(m.group(1))).strip()
            if title:
                fm["html_title"] = title
    if raw.media_type == "text/html" and "datePublished" not in fm:
        published = _html_published(raw.body)
        if published:
            fm["datePublished"] = published
    return fm


def _assemble(raw: RawDocument, recs: list[_Rec]) -> TextDocument:
    """Join the blocks with one newline; every Block is validated (about a third of the render time
    on a 50 MB file, kept because later stages trust these contracts)."""
    _flag_boilerplate(recs)
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for r in recs:
        if parts:
            parts.append("\n")
            pos += 1
        parts.append(r.text)
        end = pos + len(r.text)
        blocks.append(
            Block(
                start=pos,
                end=end,
                kind=r.kind,
                level=r.level,
                strong=tuple(Span(start=pos + s, end=pos + e) for s, e in r.strong),
                centered=r.centered,
                rows=tuple(
                    tuple(Cell(start=pos + s, end=pos + e, header=h) for s, e, h in row) for row in r.rows
                ),
                boilerplate=r.boilerplate,
                depth=r.depth,
            )
        )
        pos = end
    text = "".join(parts)
    return TextDocument(
        source=raw.source,
        raw_sha256=raw.raw_sha256,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=raw.media_type,
        encoding=raw.encoding,
        front_matter=_with_html_title(raw),
        text=text,
        blocks=tuple(blocks),
    )


def _records(body: str, media_type: str) -> list[_Rec]:
    body = _SOURCE_DROP.sub("", body.replace("\r\n", "\n").replace("\r", "\n"))
    if media_type in HTML_BODIES:  # HTML, and PDF/DOCX converted to HTML by kg.ingest.pdf / kg.ingest.docx
        return _walk_html(_markdown_headings_to_html(body))
    if media_type == "text/markdown":
        return _walk_html(_markdown_to_html(body))
    return _plain_records(body)


# NUL and lone surrogates would break the C parser's UTF-8 encoding; other cleaning happens per text node.
_SOURCE_DROP = re.compile("[\x00\ud800-\udfff]")


def render(raw: RawDocument) -> TextDocument:
    """The text rendition of a read document (deterministic; never raises on any body string)."""
    return _assemble(raw, _records(raw.body, raw.media_type))


def render_text(body: str, media_type: MediaType = "text/html", source: str = "<string>") -> TextDocument:
    """Convenience for tests and tools: render a body string without a file."""
    raw = RawDocument(
        source=source,
        path="",
        raw_sha256=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding="utf-8",
        media_type=media_type,
        body=body,
    )
    return render(raw)


def load(path: Path) -> TextDocument:
    """Read and render one file (raises :class:`kg.errors.InputError` for unreadable input)."""
    return render(read_document(path))
