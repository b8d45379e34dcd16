"""The layout of money tables: header rows, column headers, units, rate columns, plain-text tables.

:mod:`kg.extract.figure_table_cells` decides whether a table is about the report's market and binds each
cell to a year and a scope; this module only reads the table's shape, which needs no knowledge of the market:

* Header rows. Reports nest headers: "Region / Country" (two rows high) beside "Revenue (US$ Mn)" spread
  over "2024 | 2033". HTML tables come as a grid (a group repeated over its columns, an empty cell under
  a cell two rows high; a word processor's merged group is followed by empty cells): each column takes the
  group above it. Where the spans are lost (PDF, plain text) they are inferred from the cell counts: a top
  cell is either one column two rows high (the label column, a "CAGR" or "Share" column) or a group over
  an equal part of the row below. A column's header is its group plus its own cell; a header row is never
  data (its years are not values).
* Units. "USD Million", "US$ Mn", "(USD M)", "million U.S. dollars", "EUR million", "US$ 000", "All values
  in USD thousand": the currency and the scale of a table's bare numbers.
* Rate columns. "CAGR 2025-2032", "CAGR 25-32" (two-digit years) and "Share (%)" columns; a column that
  measures the *impact on* a CAGR (a drivers/restraints table's "+1.2%") is no growth rate.
* Plain-text tables. A space-aligned table that the renderer flattened into paragraphs ("Region  2024 (USD
  M)  2031 (USD M)  CAGR 25-31" then "Asia-Pacific  187.2  655.9  19.6%") is rebuilt as a table block,
  when its header or a short line just above it names a currency unit. A pipe table whose lines were
  joined into one paragraph ("Sales (USD M) Region | 2024 | 2032 Chile | 40 | 75 ...") is rebuilt too.
* Unit lines. Under a caption that states the unit ("Regional Insights (USD Billion)"), labelled lines
  of bare numbers with years ("Europe: 0.21 (2024) -> 1.64 (2034)") are money in that unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import dropwhile

from kg.extract.money import SCALES
from kg.extract.rates import Period, find_period
from kg.models import Block, Cell, TextDocument

__all__ = [
    "UNIT_RX",
    "VOLUME_RX",
    "YEAR_HEADER_RX",
    "HeaderLayout",
    "header_layout",
    "header_period",
    "only_unit_lines",
    "rate_column",
    "text_table",
    "unit_lines",
    "unit_of",
]

YEAR_HEADER_RX = re.compile(
    # a fiscal or calendar year's prefix is no part of the year: "FY2024", "CY 2025E"
    r"^\s*(?:(?-i:FY|CY)\s?)?(?P<year>(?:19|20)\d{2})\s*(?P<flag>[EFPA]|\(?(?:E|F|P|A|est\.?|estimated|forecast|projected)\)?)?"
    r"\s*\*?\s*(?:(?:revenue|market\s+size|market\s+value|value|sales|size)\s*)?(?:\([^)]*\))?"
    # the column's unit after a comma: "2023, EUR million", "2030F, US$ bn"
    r"(?:\s*,\s*(?:in\s+)?(?:USD|US\$|\$|EUR|€|GBP|£|JPY|¥|CNY|RMB|INR)\s*(?:million|mn|mio|billion|bn|mrd|"
    r"thousand|m|b|k)?\.?)?\s*$",
    re.IGNORECASE,
)
_US_DOLLARS = r"U\.?\s?S\.?\s+dollars|US\s+dollars|dollars"
UNIT_RX = re.compile(
    r"(?P<cur>USD|US\$|\$|EUR|€|GBP|£|JPY|¥|CNY|RMB|INR)\s*(?:in\s+)?(?P<scale>million|mn|mio|billion|bn|mrd|"
    r"thousand|k|['’]?000|m(?=\s*\)|\s*$)|b(?=\s*\)|\s*$))\b"
    r"|(?P<scale2>million|mn|billion|bn|thousand)s?\s*(?:of\s+)?(?P<cur2>USD|US\$|\$|EUR|€|" + _US_DOLLARS + r"|euros)",
    re.IGNORECASE,
)
VOLUME_RX = re.compile(r"\b(?:tons?|tonnes?|kilotons?|kt|units|volume|GWh|MWh|kg)\b", re.IGNORECASE)

_CURRENCY = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "RMB": "CNY", "EUROS": "EUR"}


def unit_of(unit: re.Match[str] | None) -> tuple[str, Decimal]:
    """(currency code, millions per stated unit) of a :data:`UNIT_RX` match; USD million without one."""
    if unit is None:
        return "USD", Decimal(1)
    cur = (unit.group("cur") or unit.group("cur2") or "$").upper()
    currency = "USD" if "DOLLAR" in cur else _CURRENCY.get(cur, cur)
    scale = (unit.group("scale") or unit.group("scale2") or "million").lower()
    return currency, SCALES.get(scale, Decimal(1))


# ------------------------------------------------------------------ header rows


@dataclass(frozen=True)
class HeaderLayout:
    """``rows`` leading header rows; per column its full header (groups + own cell) and its own cell."""

    rows: int
    columns: tuple[str, ...]
    own: tuple[str, ...]

    def year(self, j: int) -> re.Match[str] | None:
        """The year a money column is for: its own cell ("2024" under "Revenue (US$ Mn)") or its group
        ("Revenue" under "2024"); a rate column ("Share (%)" over "2024") is no money column."""
        if j >= len(self.columns) or rate_column(self.columns[j]) or "%" in self.columns[j]:
            return None
        own = self.own[j]
        m = YEAR_HEADER_RX.match(own)
        if m is None and self.columns[j] != own and self.columns[j].endswith(own):
            m = YEAR_HEADER_RX.match(self.columns[j][: len(self.columns[j]) - len(own)])
        return m


_NUMBER_CELL_RX = re.compile(r"[-+]?[$€£¥]?\s*\d[\d,.]*\s*%?")
_STANDALONE_HEAD_RX = re.compile(r"\b(?:CAGR|compound|share|growth|y-?o-?y|change)\b|%", re.IGNORECASE)


def _is_sub_header(row: Sequence[str], flags: Sequence[bool], width_below: int) -> bool:
    """A second header row: marked as header cells (or a row of years narrower than the body), no data."""
    cells = [c for c in row if c.strip()]
    if not cells:
        return False
    if any(_NUMBER_CELL_RX.fullmatch(c.strip()) and not YEAR_HEADER_RX.match(c) for c in cells):
        return False  # a number that is not a year: a data row (a total row may be marked as header too)
    if len(set(cells)) == 1 and width_below > 2 and not YEAR_HEADER_RX.match(cells[0]):
        return False  # a section label across the table ("Asia Pacific" over its countries)
    if flags and all(flags):
        return True
    return len(row) < width_below and all(YEAR_HEADER_RX.match(c) for c in cells)


def _compose_grid(top: Sequence[str], sub: Sequence[str]) -> tuple[list[str], list[str]]:
    """Columns and own cells of a top row over a sub row of the same width (the renderer's grid: a group
    repeated over its columns, an empty cell under a cell two rows high; or a DOCX-style group followed by
    empty cells, whose columns the group to their left covers). One cell across the whole table is the
    table's title, no group."""
    if len(top) > 1 and len(set(top)) == 1:
        return list(sub), list(sub)
    columns: list[str] = []
    own: list[str] = []
    group = ""
    for t, s in zip(top, sub, strict=True):
        group = t or (group if s else "")
        own.append(s or group)
        columns.append(f"{group} {s}".strip() if s and s != group else group or s)
    return columns, own


def _compose(top: Sequence[str], sub: Sequence[str], width: int) -> tuple[list[str], list[str]]:
    """Columns and own cells of a top row over a sub row: ``width - len(sub)`` top cells stand alone (the
    first, then "CAGR"/"Share" cells from the right), the others each group an equal run of the sub row."""
    if len(top) == len(sub) == width:
        return _compose_grid(top, sub)
    lead = len(sub) - len(list(dropwhile(lambda c: not c.strip(), sub)))
    sub = sub[lead:]  # empty cells under the label column: that column is one cell two rows high
    alone = width - len(sub)
    groups = len(top) - alone
    if alone >= 1 and groups >= 1 and len(sub) % groups == 0:
        single = {0}
        for i in sorted(range(1, len(top)), key=lambda i: (not _STANDALONE_HEAD_RX.search(top[i]), -i)):
            if len(single) >= alone:
                break
            single.add(i)
        per = len(sub) // groups
        columns: list[str] = []
        own: list[str] = []
        k = 0
        for i, cell in enumerate(top):
            if i in single:
                columns.append(cell)
                own.append(cell)
                continue
            for _ in range(per):
                columns.append(f"{cell} {sub[k]}".strip())
                own.append(sub[k])
                k += 1
        return columns, own
    # counts that fit no span layout: the sub row sits under the right-hand columns
    shift = max(0, width - len(sub))
    own = [sub[j - shift] if j >= shift else (top[j] if j < len(top) else "") for j in range(width)]
    return own, own


def header_layout(rows: Sequence[Sequence[str]], flags: Sequence[Sequence[bool]]) -> HeaderLayout:
    """The header rows of a table (``rows`` as cell texts, ``flags`` marking header cells)."""
    n = 1
    while n < len(rows) - 1:
        width_below = max(len(r) for r in rows[n + 1 :])
        if not _is_sub_header(rows[n], flags[n] if n < len(flags) else (), width_below):
            break
        n += 1
    columns = list(rows[0])
    own = list(rows[0])
    if n > 1:
        width = max(len(r) for r in rows[n:])
        for sub in rows[1:n]:
            columns, own = _compose(columns, list(sub), width)
            # a later sub row groups under the composed columns
        if len(columns) < width:
            columns += [""] * (width - len(columns))
            own += [""] * (width - len(own))
    return HeaderLayout(n, tuple(columns), tuple(own))


# ------------------------------------------------------------------ rate columns

_IMPACT_RX = re.compile(
    r"\b(?:impact|effect|influence|contribution|sensitivity|change|delta|uplift|drag|bps|basis\s+points?)\b", re.I
)
_SHORT_SPAN_RX = re.compile(r"(?<![\d.])['’]?(?P<a>\d{2})\s*[-–—/]\s*['’]?(?P<b>\d{2})(?![\d.%])")


def rate_column(header: str) -> str | None:
    """ "cagr", "share" or None: what a column of percentages measures. A column of a CAGR's drivers
    ("Impact on forecast CAGR", "CAGR contribution (%)") is neither."""
    if _IMPACT_RX.search(header):
        return None
    if re.search(r"\bCAGR\b|compound annual", header, re.IGNORECASE):
        return "cagr"
    if re.search(r"\bshare\b", header, re.IGNORECASE):
        return "share"
    return None


def header_period(header: str) -> Period:
    """The period a rate column covers: "CAGR 2025-2032", or two-digit years "CAGR 25-32" / "CAGR '25-'32"."""
    p = find_period(header)
    if p.start_year or p.end_year:
        return p
    m = _SHORT_SPAN_RX.search(header)
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b:
            return Period(2000 + a, 2000 + b, p.forecast_period)
    return p


# ------------------------------------------------------------------ plain-text tables

_TT_NUM = r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
_TT_YEAR = r"(?:19|20)\d{2}[EFP]?(?:\s*\([^()\d]{1,24}\))?"
_TT_RATE = (
    r"(?i:CAGR|Share|Growth)(?:\s*\(%\)|\s*%|\s*\(?['’]?(?:19|20)?\d{2}\s*[-–]\s*['’]?(?:19|20)?\d{2}\)?"
    r"(?:\s*\(%\))?)?"
)
_TT_HEAD_RX = re.compile(
    # the label may carry the table's caption and unit: "Table 5. Output value by province (CNY bn) 2023 2028F"
    rf"\s*(?P<caption>(?:Table|Exhibit)\s+\d{{1,3}}[.:]?\s+(?:[A-Za-z][A-Za-z/&,\- ]{{0,80}}?)?"
    rf"(?:\([^()\d]{{1,24}}\)\s*)?)?"
    rf"(?P<label>[A-Z][A-Za-z/&\- ]{{0,40}}?)?\s+(?P<years>(?:{_TT_YEAR}\s+)*{_TT_YEAR})"
    rf"(?P<rates>(?:\s+{_TT_RATE})*)(?=\s)"
)
_TT_YEAR_RX = re.compile(_TT_YEAR)
_TT_RATE_RX = re.compile(_TT_RATE)
_RULE_RX = re.compile(r"\s*[-=_*~.]{3,}\s*")
_TT_PCT = r"[-+−]?\d{1,3}(?:[.,]\d+)?\s*%?"


def _unit_above(doc: TextDocument, index: int) -> bool:
    """A short block among the two just above a table that names a currency unit ("Table 3: ... (USD
    million)", "All values in USD thousand.")."""
    for b in doc.blocks[max(0, index - 2) : index]:
        if b.boilerplate or b.end - b.start > 200:
            continue
        if UNIT_RX.search(doc.text[b.start : b.end]):
            return True
    return False


def text_table(doc: TextDocument, index: int) -> tuple[Block, int] | None:
    """A space-aligned plain-text table the renderer flattened into paragraphs, as a table block.

    It must open with a header line of year columns ("Region 2023 2029", "Region 2024 (USD M) 2031 (USD
    M) CAGR 25-31"; two or more years, or one year with a rate column), carry a currency unit or sit
    under a short line that names one, and every following run, in this block and the consecutive
    paragraphs that wholly read so, must be one label and one number per column ("Asia Pacific 1,720 2,395
    7.5%"). Returns the table and the index of its last block.
    """
    block = doc.blocks[index]
    text = doc.text[block.start : block.end]
    if "|" in text:
        piped = _pipe_table(doc, index)
        if piped is not None:
            return piped
    head = _TT_HEAD_RX.match(text + " ")
    if head is None or head.group("label") and re.search(r"\d", head.group("label")):
        return None
    lab = "label" if head.group("label") else "caption"  # the first header cell: its label, else its caption
    if head.group(lab) is None:
        return None
    hs = head.start("years")
    years = list(_TT_YEAR_RX.finditer(text, hs, head.end("years")))
    rates = list(_TT_RATE_RX.finditer(text, head.start("rates"), head.end("rates"))) if head.group("rates") else []
    if len(years) < 2 and not rates:
        return None
    if not (UNIT_RX.search(head.group(0)) or _unit_above(doc, index)):
        return None
    n, k = len(years), len(rates)
    row_rx = re.compile(
        r"\s*(?P<label>[A-Za-z][A-Za-z&/.,()'’\- ]{0,60}?)"
        + "".join(rf"\s+(?P<v{i}>{_TT_NUM})" for i in range(n))
        + "".join(rf"\s+(?P<r{i}>{_TT_PCT})" for i in range(k))
        + r"(?=\s|$)"
    )
    groups = [f"v{i}" for i in range(n)] + [f"r{i}" for i in range(k)]

    def rows_of(b: Block, pos: int) -> list[tuple[Cell, ...]] | None:
        t = doc.text[b.start : b.end].rstrip()
        out: list[tuple[Cell, ...]] = []
        while pos < len(t):
            m = row_rx.match(t, pos)
            if m is None:
                return None
            out.append(
                (Cell(start=b.start + m.start("label"), end=b.start + m.end("label")),)
                + tuple(Cell(start=b.start + m.start(g), end=b.start + m.end(g)) for g in groups)
            )
            pos = m.end()
        return out

    body = rows_of(block, head.end())
    if body is None:
        return None
    last = index
    while last + 1 < len(doc.blocks):
        nb = doc.blocks[last + 1]
        if nb.boilerplate or nb.kind not in ("paragraph", "heading"):
            break
        if _RULE_RX.fullmatch(doc.text[nb.start : nb.end]):  # a "-----" line under the header or above a total
            last += 1
            continue
        more = rows_of(nb, 0)
        if not more:
            break
        body.extend(more)
        last += 1
    if len(body) < 2:
        return None
    label_end = head.start(lab) + len(head.group(lab).rstrip())
    label = Cell(start=block.start + head.start(lab), end=block.start + label_end, header=True)
    cols = (Cell(start=block.start + m.start(), end=block.start + m.end(), header=True) for m in years + rates)
    header = (label, *cols)
    end = doc.blocks[last].end
    return block.model_copy(update={"kind": "table", "rows": (header, *body), "end": end}), last


_PT_SEP = r"\s*\|\s*"
_PT_HEAD_RX = re.compile(
    rf"(?:^|\s)\|?\s*(?P<label>[A-Z][A-Za-z/&\- ]{{0,40}}?){_PT_SEP}(?P<years>{_TT_YEAR}(?:{_PT_SEP}{_TT_YEAR})*)"
    rf"(?P<rates>(?:{_PT_SEP}{_TT_RATE})*)\s*\|?(?=\s|$)"
)
# the short text a pipe table's header may follow in its paragraph: a caption, not prose with figures
_PT_FIGURE_RX = re.compile(r"\d\s*%|[$€£¥]\s*\d|\b(?:USD|US\$|EUR|GBP|JPY|CNY|INR)\s*\d|\|", re.IGNORECASE)
_PT_JUNK_RX = re.compile(r"[=#*_~\-]{3,}\s*")
_PT_NOTE_RX = re.compile(r"\s*(?:sources?|notes?)\b|[^\d]*$", re.IGNORECASE)


def _pipe_table(doc: TextDocument, index: int) -> tuple[Block, int] | None:
    """A pipe table whose lines the renderer joined into one paragraph ("Market size by region (USD M)
    Region | 2024 | 2031 | CAGR 25-31 Asia-Pacific | 226 | 411 | 9.1% ... Source: ..."), as a table block.

    The header (a label, year columns, optional rate columns, "|" between cells) may follow a short
    caption without figures; every row after it must be one label and one number per column, up to the
    paragraph's end or a note without figures ("Source: ..."); a currency unit must be in the caption,
    the header or a short line above."""
    block = doc.blocks[index]
    text = doc.text[block.start : block.end]
    head = _PT_HEAD_RX.search(text)
    if head is None or head.start() > 160 or _PT_FIGURE_RX.search(text, 0, head.start()):
        return None
    junk = list(_PT_JUNK_RX.finditer(text, 0, head.start("label")))
    prefix = text[: head.start("label")]
    cap_start = junk[-1].end() if junk else len(prefix) - len(prefix.lstrip())
    years = list(_TT_YEAR_RX.finditer(text, head.start("years"), head.end("years")))
    rates = list(_TT_RATE_RX.finditer(text, head.start("rates"), head.end("rates"))) if head.group("rates") else []
    if len(years) < 2 and not rates:
        return None
    if not (UNIT_RX.search(text, cap_start, head.end()) or _unit_above(doc, index)):
        return None
    cells = [f"v{i}" for i in range(len(years))] + [f"r{i}" for i in range(len(rates))]
    row_rx = re.compile(
        r"\s*\|?\s*(?P<label>[A-Za-z][A-Za-z&/.,()'’\- ]{0,60}?)"
        + "".join(rf"{_PT_SEP}(?P<v{i}>{_TT_NUM})" for i in range(len(years)))
        + "".join(rf"{_PT_SEP}(?P<r{i}>{_TT_PCT})" for i in range(len(rates)))
        + r"\s*\|?(?=\s|$)"
    )
    body: list[tuple[Cell, ...]] = []
    pos = head.end()
    while (m := row_rx.match(text, pos)) is not None:
        body.append(
            (Cell(start=block.start + m.start("label"), end=block.start + m.end("label")),)
            + tuple(Cell(start=block.start + m.start(g), end=block.start + m.end(g)) for g in cells)
        )
        pos = m.end()
    if len(body) < 2 or not _PT_NOTE_RX.match(text, pos):
        return None
    # the caption and the label column's header are one cell, so the caption's unit reads as the table's
    label = Cell(start=block.start + cap_start, end=block.start + head.end("label"), header=True)
    cols = (Cell(start=block.start + m.start(), end=block.start + m.end(), header=True) for m in years + rates)
    return block.model_copy(update={"kind": "table", "rows": ((label, *cols), *body)}), index


# ------------------------------------------------------------------ labelled lines under a unit caption

_UL_CAPTION_RX = re.compile(r"\s*(?P<cap>[A-Z][^\d:%()]{0,60}\(\s*[^()\d%]{1,20}\))\s*:?\s*")
_UL_NUM = r"\d[\d,]*(?:\.\d+)?\s*\(\s*(?:19|20)\d{2}\s*\)"
# the renderer may join the lines with spaces: each item starts at a capitalised label and ends at its years
_UL_LINE_RX = re.compile(
    r"\s*(?:[-*•]\s*)?(?P<label>[A-Z][\w&/.\-]*(?:\s+(?:[A-Z&][\w&/.\-]*|of|and|the)){0,4})\s*:\s*"
    rf"(?P<pairs>{_UL_NUM}(?:\s*(?:->|→|⟶|–>|=>|to)\s*{_UL_NUM})*)(?=\s|$)"
)
_UL_PAIR_RX = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*\(\s*(?P<year>(?:19|20)\d{2})\s*\)")


@dataclass(frozen=True)
class UnitLine:
    """One labelled line under a unit caption: offsets are into the text given to :func:`unit_lines`."""

    label: str
    start: int
    end: int
    values: tuple[tuple[str, int, int], ...]  # (number as written, its offset, year)


def unit_lines(text: str, caption_above: str = "") -> tuple[str, Decimal, list[UnitLine]] | None:
    """(currency, millions per unit, lines) of a block that is only "Label: 0.58 (2024) -> 6.3 (2034)"
    lines under a caption naming a money unit: its own opening, else ``caption_above``. A caption naming a
    volume or a percentage is no money caption; anything else in the block voids it."""
    pos = 0
    caption = caption_above.strip()
    cap = _UL_CAPTION_RX.match(text)
    if cap is not None and _UL_LINE_RX.match(text) is None:
        caption, pos = cap.group("cap"), cap.end()
    if not _UL_CAPTION_RX.fullmatch(caption) or VOLUME_RX.search(caption):
        return None
    unit = UNIT_RX.search(caption)
    if unit is None:
        return None
    out: list[UnitLine] = []
    while text[pos:].strip():
        m = _UL_LINE_RX.match(text, pos)
        if m is None:
            return None
        values = tuple(
            (p.group("num"), m.start("pairs") + p.start("num"), int(p.group("year")))
            for p in _UL_PAIR_RX.finditer(m.group("pairs"))
        )
        out.append(UnitLine(m.group("label"), m.start("label"), m.end(), values))
        pos = m.end()
    if not out:
        return None
    currency, scale = unit_of(unit)
    return currency, scale, out


def only_unit_lines(text: str) -> bool:
    """Whether ``text`` is nothing but "Label: 0.58 (2024) -> 6.3 (2034)" lines (a sibling block of the
    lines under a unit caption)."""
    pos = 0
    while m := _UL_LINE_RX.match(text, pos):
        pos = m.end()
    return pos > 0 and not text[pos:].strip()
