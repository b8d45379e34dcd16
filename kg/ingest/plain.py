"""Layout of plain-text reports: which lines are headings, list items, table rows or wrapped prose.

Plain text carries its structure in line layout, not markup, so every rule here reads layout only:

* Blank lines separate paragraphs; inside one, a line is its own block unless it wraps the previous
  line: it starts in lower case (or with , ; ) ] %) after a line not ending in . : ! ?; or the previous
  line is long (>= 60 characters, prose wrapped at 70-80 columns) and does not end in ":"; or the
  previous line ends with a comma or a joining word ("and", "of", ...) and is at least 40 characters.
  A long line ending a sentence only joins when the next word would not have fitted on it (the line
  was filled, so the break is wrapping, not one sentence per line) and it is at most 100 characters (a
  longer line was never wrapped: a web page copied as text, one paragraph per line). Short lines (titles, list lines,
  "label: value" lines, dot-leader lines) stay separate blocks.
* A line underlined with ``===`` / ``---`` (setext style) is a heading (level 1 / 2); a rule line
  alone is dropped, and a rule under a table's first row marks that row as the header.
* ``- `` ``* `` ``+ `` ``• `` ``> `` lines are list items (marker removed; ``depth`` from the
  indentation); deeper-indented lines continue the item. A run of short lines indented under a short
  label line ("By Type" then "  Natural") are list items too.
* Three or more consecutive rows (two under a ruled header) of 2+ cells -- cells separated by runs of 2+ spaces with the
  gaps aligned, or by ``|`` with the same cell count -- are a table. A row whose first cell ends in
  ":" is a "label: value" line, not a table row, and so is a dot-leader line ("Northby .....  9.6", however
  its value is padded); a dot-leader line never continues the line above. Three or more dot-leader lines
  each giving a figure are one two-column table (label with its leader | value); leader lines giving page
  numbers only (a table of contents) or words stay lines. Grid borders ("+----+----+")
  and pipe separators ("|----|----|") are rules; a rule between body rows (above a total row) does not end the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

PlainKind = Literal["heading", "paragraph", "list_item", "table"]

__all__ = ["PlainBlock", "plain_blocks"]


@dataclass
class PlainBlock:
    """One block of a plain-text document; ``rows`` holds (cell text, header) for tables."""

    kind: PlainKind
    text: str
    level: int | None = None
    depth: int = 0
    rows: list[list[tuple[str, bool]]] = field(default_factory=list)
    para_start: bool = False  # first block of its blank-line paragraph (heading guesses use it)


_RULE = re.compile(r"^(?:=[ =]*=|-[ -]*-|_[ _]*_|\*[ *]*\*|~[ ~]*~)$")
#: a grid table's border ("+------+-----+") or a pipe table's separator ("|------|:----:|")
_GRID_RULE = re.compile(r"^\+(?:[-=:]{2,}\+)+$|^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")
_BULLET = re.compile(r"^([-*+\u2022\u25aa\u25cf\u25e6\u2023\u2043>])[ \t]+(?=\S)")
_GAP = re.compile(r" {2,}")
_VALUE = re.compile(r"^[(\-+~<>≈]*[$€£¥]?\s?\d[\d,.]*\s?%?\)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_JOIN_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                         "the", "to", "with", "than", "over", "per"})
_SENTENCE_END = ".:!?"
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: A marker line framed by rules ("=== Slide 7 ===", "----- Part 2 -----"): a heading between sections.
_FRAMED = re.compile(r"^(?:={3,}|-{3,}|#{3,})[ \t]+\S.{0,60}?[ \t]+(?:={3,}|-{3,}|#{3,})$")
#: A line ending in an abbreviation ("Co., Ltd.", "Inc.", "U.S.", "e.g."), not in a sentence's full stop.
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Za-z](?:\.[A-Za-z])+)\.$")
_LABEL = re.compile(r"^[A-Z][\w ./&()-]{0,30}:\s+\S")  # "Contact: ...", "Tel: ..." open a new line
_LONG = 60
_WRAP_MAX = 100  # plain text is wrapped at 70-80 columns, rarely up to 100
#: A numbered or lettered item ("1) Title", "2. Title", "(b) Title", "iv. Title") starts its own line; a
#: wrapped "13.1 % CAGR" or "2024 and ..." does not look like one.
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z]\)|[ivx]{1,4}[.)])\s+[A-Z(\"'\u201c]")
_ITEM_MARK = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z]\)|[ivx]{1,4}[.)])[ \t]+")
_ORDERED = re.compile(r"^\d{1,2}[.)][ \t]+(?=\S)")
#: A title before a colon or a spaced dash opening an item ("Grid storage: ...", "Cheaper cells - ...").
_TITLE_PREFIX = re.compile(r"[^:.!?\n]{2,60}?(?::|[ \t][-\u2013\u2014][ \t])")
_ENUMERATOR = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\)|[ivx]{1,4}\.)$")


@dataclass
class _Line:
    indent: int
    text: str  # stripped, internal spacing kept (for table gaps)
    raw: str  # tab-expanded, right-stripped

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())


def _lines(body: str) -> list[list[_Line]]:
    paras: list[list[_Line]] = [[]]
    for raw in body.split("\n"):
        raw = raw.expandtabs(4).rstrip()
        text = raw.lstrip()
        if not text:
            if paras[-1]:
                paras.append([])
            continue
        paras[-1].append(_Line(len(raw) - len(text), text, raw))
    return [p for p in paras if p]


def _is_rule(line: _Line) -> bool:
    return len(line.text.replace(" ", "")) >= 3 and bool(_RULE.match(line.text) or _GRID_RULE.match(line.text))


def _space_cells(line: _Line) -> list[tuple[int, int]]:
    """Column spans (in ``raw``) of a line's cells separated by 2+ spaces."""
    spans: list[tuple[int, int]] = []
    start = line.indent
    for m in _GAP.finditer(line.raw, line.indent):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line.raw)))
    return spans


def _pipe_cells(line: _Line) -> list[str]:
    parts = [p.strip() for p in line.text.split("|")]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return parts


def _pipe_row(line: _Line, width: int) -> bool:
    return "|" in line.text and not _is_rule(line) and len(_pipe_cells(line)) == width


def _row_ok(cells: list[str], line: _Line) -> bool:
    if len(cells) < 2 or cells[-1].endswith(":") or _GAP.split(line.text)[0].endswith(":"):
        return False
    if any(c.rstrip().endswith("....") for c in cells[:-1]):
        return False  # "South Korea .......  9.6": a dot-leader line (its siblings have one space), not a row
    if "|" in line.text and _LABEL.match(cells[0]):
        return False  # "By Type: A | B | C": a field line listing values, not a table row
    return all(len(c.split()) <= 10 for c in cells) and not cells[-1].endswith(".")


def _table(lines: list[_Line], i: int) -> tuple[list[list[str]], bool, int] | None:
    """A table starting at ``lines[i]``: (rows of cell texts, first row is header, index after it)."""
    first = lines[i]
    if "|" in first.text:
        cells = _pipe_cells(first)
        if not _row_ok(cells, first):
            return None
        rows, header, j = [cells], False, i + 1
        if j < len(lines) and _is_rule(lines[j]):
            header, j = True, j + 1
        while j < len(lines):
            if _is_rule(lines[j]) and j + 1 < len(lines) and _pipe_row(lines[j + 1], len(cells)):
                j += 1  # a border between body rows ("+---+" above a total row)
            if not _pipe_row(lines[j], len(cells)):
                break
            rows.append(_pipe_cells(lines[j]))
            j += 1
        return (rows, header, j) if len(rows) >= (2 if header else 3) else None
    spans = _space_cells(first)
    below = next((x for x in lines[i + 1 : i + 3] if not _is_rule(x)), None)
    if below is not None and first.indent > below.indent and len(_space_cells(below)) == len(spans) + 1:
        spans = [(below.indent, below.indent), *spans]  # a header row over an empty stub column
    cells = [first.raw[a:b] for a, b in spans]
    if not _row_ok(cells, first):
        return None
    gaps = [(spans[k][1], spans[k + 1][0]) for k in range(len(spans) - 1)]
    rows, header, j = [cells], False, i + 1
    if j < len(lines) and _is_rule(lines[j]):
        header, j = True, j + 1
    while j < len(lines):
        if _is_rule(lines[j]) and rows[1:] and j + 1 < len(lines) and not _is_rule(lines[j + 1]):
            j += 1  # a rule between body rows ("-----  -----" above a total row)
        line = lines[j]
        sp = _space_cells(line)
        row = [line.raw[a:b] for a, b in sp]
        if len(sp) != len(spans) or not _row_ok(row, line):
            break
        mine = [(sp[k][1], sp[k + 1][0]) for k in range(len(sp) - 1)]
        if not all(a <= d + 1 and c <= b + 1 for (a, b), (c, d) in zip(gaps, mine, strict=True)):
            break
        rows.append(row)
        j += 1
    if len(rows) < (2 if header else 3) or len(rows[0]) == 2 and all(_ENUMERATOR.match(r[0].strip()) for r in rows[1:]):
        return None  # "9.1   Rain Carbon Inc." lines: a numbered list, not a table
    if not header:
        header = not any(_is_value(c) for c in rows[0]) and any(_is_value(c) for r in rows[1:] for c in r)
    return rows, header, j


# label (ending in 4+ dots) and the last word of a flat line; greedy, so it backtracks from the end once
# rather than retrying every run of dots (a lazy label was quadratic on a long line of dots)
_LEADER_ROW = re.compile(r"^(\S.*\.{4})\s+(\S+)$")


def _leader_table(lines: list[_Line], i: int) -> tuple[list[list[str]], bool, int] | None:
    """Three or more dot-leader lines giving each a figure ("Northby ........  9.6"): a two-column table of
    label (leader kept, as written) and value. Page numbers (whole numbers only: a table of contents) and
    text values ("Base year ..... 2024", "Largest region .... Asia") stay lines."""
    rows: list[list[str]] = []
    j = i
    while j < len(lines) and (m := _LEADER_ROW.match(lines[j].flat)) and _is_value(m.group(2)):
        rows.append([m.group(1), m.group(2)])
        j += 1
    if len(rows) < 3 or all(r[1].isdigit() for r in rows):
        return None
    return rows, False, j


def _is_value(cell: str) -> bool:
    c = cell.strip()
    return bool(_VALUE.match(c)) and not _YEAR.match(c)


def _continues(prev: _Line, line: _Line, width: int, opening: bool = False) -> bool:
    """``line`` wraps ``prev`` (same block): see the module docstring."""
    p, t = prev.flat, line.text
    if _BULLET.match(t) or _NUMBERED.match(t) or _is_rule(line) or "...." in p or "...." in t:
        return False  # a dot-leader line ("Pure Lithium Corp. ...... foil") is an entry of its own
    last = p[-1]
    if (t[0].islower() or t[0] in ",;)]%") and (last not in _SENTENCE_END or _ABBREVIATION.search(p)):
        return True  # "... HiNa Battery Technology Co., Ltd." / "is the largest ...": no sentence ended
    hanging = _ITEM_MARK.match(prev.text)  # "(a) Chinese price dumping: ... below" / "       Western cash cost."
    if line.indent != prev.indent and not (line.indent > prev.indent and _BULLET.match(prev.text)) and not (
            hanging and line.indent == prev.indent + hanging.end()):
        return False
    if last == ":":
        return False
    words = p.split()
    alpha = [w for w in words if w[0].isalpha()]  # numbers ("2024", "4,96") are neither case
    dangling = words[-1] in _DASHES  # "Application --" then the values on the next line
    # names running on, comma-separated ("Acme Corp. (US), Beta Ltd. (Japan), Gamma"): a list, not a title
    running_list = len(p) >= _LONG and not _LABEL.match(t) and (
        p.count(",") >= 2 or last == "," or bool(_LABEL.match(p)) and "," in p)
    if sum(w[0].islower() for w in alpha) < len(alpha) / 2 and not (dangling or running_list):
        return False  # a title-case line (a title, a name) is not wrapped prose
    if last == "," or dangling or words[-1].lower() in _JOIN_WORDS:
        return len(p) >= 40
    if (opening and last in ".!?" and t[-1] in ".!?" and len(p) <= _WRAP_MAX and len(t) <= _WRAP_MAX
            and not _LABEL.match(t) and not _LABEL.match(p)):
        return True  # a paragraph written one sentence per line (under no title line: not items)
    if len(p) < _LONG or _LABEL.match(t):
        return False
    if last in ".!?":
        # A line longer than any wrapping column (a web page copied as text: one paragraph per line) was not
        # filled by wrapping, so a sentence it ends is the end of its line.
        return len(prev.raw) + 1 + len(t.split()[0]) > width and len(prev.flat) <= _WRAP_MAX
    return True


def plain_blocks(body: str) -> list[PlainBlock]:
    """The blocks of a plain-text body (headings are only the underlined ones; guesses are the caller's)."""
    out: list[PlainBlock] = []
    stack: list[int] = []  # indents of the open list levels
    for para in _lines(body):
        width = max(len(line.raw) for line in para)
        i = 0
        label_indent: int | None = None  # indent of a short label line introducing an indented list
        first_out = len(out)
        while i < len(para):
            line = para[i]
            nxt = para[i + 1] if i + 1 < len(para) else None
            if _is_rule(line):
                i += 1
                continue
            if _FRAMED.match(line.text):
                out.append(PlainBlock("heading", line.flat, level=2))
                stack, label_indent = [], None
                i += 1
                continue
            if (nxt is not None and _is_rule(nxt) and nxt.text[0] in "=-" and len(line.flat) <= 120
                    and _table(para, i) is None):
                out.append(PlainBlock("heading", line.flat, level=1 if nxt.text[0] == "=" else 2))
                stack, label_indent = [], None
                i += 2
                continue
            tab = _table(para, i) or _leader_table(para, i)
            if tab is not None:
                rows, header, i = tab
                width_cells = max(len(r) for r in rows)
                out.append(PlainBlock("table", "", rows=[
                    [(" ".join(c.split()), header and k == 0) for c in r] + [("", False)] * (width_cells - len(r))
                    for k, r in enumerate(rows)
                ]))
                stack, label_indent = [], None
                continue
            m = _BULLET.match(line.text)
            labelled = (label_indent is not None and line.indent > label_indent and len(line.flat) <= 80
                        and line.flat[-1] not in ".!?")
            if m is not None or labelled:
                parts = [line.text[m.end():] if m else line.text]
                item_indent = line.indent + (m.end() if m else 0)
                j = i + 1
                while j < len(para):
                    cont = para[j]
                    if (_BULLET.match(cont.text) or _NUMBERED.match(cont.text) or _is_rule(cont)
                            or _table(para, j) is not None):
                        break
                    deeper = cont.indent >= item_indent and cont.indent > line.indent
                    lazy = (cont.text[0].islower() or cont.text[0] in ",;)]%") and parts[-1][-1] not in ".:!?"
                    if not (deeper or lazy) or (m is None and not lazy):
                        break
                    parts.append(cont.text)
                    j += 1
                text = " ".join(" ".join(parts).split())
                while stack and stack[-1] >= line.indent:
                    stack.pop()
                out.append(PlainBlock("list_item", text, depth=len(stack)))
                stack.append(line.indent)
                i = j
                continue
            stack = []
            label_indent = None
            opening = len(out) == first_out  # this block opens its blank-line paragraph
            parts = [line.text]
            prev = line
            i += 1
            while i < len(para):
                cont = para[i]
                after = para[i + 1] if i + 1 < len(para) else None
                if after is not None and _is_rule(after) and not _is_rule(cont):
                    break
                if not _continues(prev, cont, width, opening) or _table(para, i) is not None:
                    break
                parts.append(cont.text)
                prev = cont
                i += 1
            text = " ".join(" ".join(parts).split())
            if len(parts) == 1 and len(text) <= 60 and text[-1] not in ".!?" and nxt is not None \
                    and nxt.indent > line.indent and not _BULLET.match(nxt.text):
                label_indent = line.indent
            num = _ORDERED.match(text)
            if num is not None and sum(1 for x in para if x.indent == line.indent and _ORDERED.match(x.text)) >= 2 and (
                line.indent > 0  # "  1. Alpha Works" / "  2. Beta Mills": an indented numbered list
                or text[-1] in ".!?" and len(text.split()) >= 6 and not _TITLE_PREFIX.match(text, num.end())
            ):
                # "1. Standard foil held 61% of revenue." among its numbered siblings: an item of an ordered
                # list; a short "2. Market Overview" or a "1. Title: description" line stays a numbered title
                out.append(PlainBlock("list_item", text[num.end():]))
                continue
            out.append(PlainBlock("paragraph", text))
        if len(out) > first_out:
            out[first_out].para_start = True
    return out
