"""The small HTML document the office-format converters (PPTX, ODT, RTF) write for the text stage.

One writer so the three converters agree on what a heading, a paragraph, a (nested) list item and a
table look like; the text stage then renders them exactly as it renders an HTML report (same offsets,
same table grid, same list depths). Inline text is escaped here, bold runs become ``<strong>``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAGS = re.compile(r"</?(?:br|strong|p)>")


@dataclass(frozen=True)
class TableCell:
    inner: str  # inline HTML (already escaped); a cell of several paragraphs has each in <p>
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


def cell_inner(paragraphs: list[str]) -> str:
    """A table cell's paragraphs (inline HTML each), empty ones dropped."""
    return "".join(f"<p>{p}</p>" for p in paragraphs if visible(p))


def inline(text: str, bold: bool = False) -> str:
    """Escaped text of one run; line breaks become ``<br>``; bold only when the run has visible text."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<strong>{escaped}</strong>" if bold and text.strip() else escaped


def whole(raw: str | None, default: int) -> int:
    """A numeric XML attribute; ``default`` unless it is ASCII digits only: ``str.isdigit`` is also true of
    "²" (which ``int`` rejects) and "٧" (which ``int`` reads as 7, a number the format never wrote)."""
    return int(raw) if raw and raw.isascii() and raw.isdecimal() else default


def span(raw: str | None) -> int:
    """A table cell's column or row span attribute: 1 when absent or not a number, at most 64."""
    return max(1, min(64, whole(raw, 1)))


def visible(inner: str) -> bool:
    """Whether inline HTML written by :func:`inline` (or cell paragraphs of it) holds non-space text."""
    return bool(html.unescape(_TAGS.sub("", inner)).strip())


class HtmlBuilder:
    """Blocks in reading order -> one HTML document; lists open and close as depths change."""

    def __init__(self, title: str = "") -> None:
        self.out = ["<!doctype html>", '<html><head><meta charset="utf-8">']
        title = " ".join(title.split())
        if title:
            self.out.append("<title>" + html.escape(title, quote=False) + "</title>")
        self.out.append("</head><body>")
        self.depth = -1  # open list depth, -1 when no list is open

    def heading(self, level: int, inner: str) -> None:
        if visible(inner):
            self.close_list()
            level = max(1, min(6, level))
            self.out.append(f"<h{level}>{inner}</h{level}>")

    def paragraph(self, inner: str) -> None:
        if visible(inner):
            self.close_list()
            self.out.append(f"<p>{inner}</p>")

    def list_item(self, depth: int, inner: str) -> None:
        """A list item at ``depth`` (0 = top level), at most one level deeper than the item before it: a jump of
        several levels opens one list, so a nested ``<ul>`` always sits in the item before it."""
        if not visible(inner):
            return
        self.depth = open_item(self.out, self.depth, min(max(0, depth), 8), inner)

    def close_list(self) -> None:
        self.depth = close_lists(self.out, self.depth)

    def table(self, rows: list[list[TableCell]]) -> None:
        rows = [row for row in rows if row]
        if not any(visible(c.inner) for row in rows for c in row):
            return
        self.close_list()
        lines = []
        for row in rows:
            cells = []
            for c in row:
                tag = "th" if c.header else "td"
                inner = c.inner.replace("<strong>", "").replace("</strong>", "") if c.header else c.inner
                span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (
                    f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
                cells.append(f"<{tag}{span}>{inner}</{tag}>")  # a header is bold by being one
            lines.append("<tr>" + "".join(cells) + "</tr>")
        self.out.append("<table>\n" + "\n".join(lines) + "\n</table>")

    def html(self) -> str:
        self.close_list()
        return "\n".join([*self.out, "</body></html>"]) + "\n"


def open_item(out: list[str], open_depth: int, depth: int, inner: str) -> int:
    """Append ``<li>inner`` at ``depth`` (at most one deeper than ``open_depth``, the depth of the open list,
    -1 for none), closing or opening lists on the way; returns the new open depth."""
    d = min(depth, open_depth + 1)
    if d > open_depth:
        out.append("<ul>" * (d - open_depth))
    else:
        out.append("</li>" + "</ul></li>" * (open_depth - d))
    out.append(f"<li>{inner}")
    return d


def close_lists(out: list[str], open_depth: int) -> int:
    """Close every open list (nothing when ``open_depth`` is -1); returns -1."""
    if open_depth >= 0:
        out.append("</li>" + "</ul></li>" * open_depth + "</ul>")
    return -1
