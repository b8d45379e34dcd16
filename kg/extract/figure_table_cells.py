"""Figures in tables: whether a table is about the market, and one fact per cell bound to year and scope.

Tables' shape is read by :mod:`kg.extract.figure_tables` (nested header rows, units, rate columns,
plain-text tables); this module decides what the cells mean. A table without a year layout (a "Report
Attribute | Details" scope table) is read row by row as sentences. Year column headers ("2024", "2025E",
"2030F", or years under a "Revenue (US$ Mn)" group) or a first column of years, and rows (columns) of
regions or segments give one market size per cell, when the header or the text just before the table
names the currency and scale ("USD Million", "All values in USD thousand") and does not talk about
volume, and the caption is the market's (or a breakdown of it); "CAGR" and "share" columns give growth
rates and shares. A row is named by its label column (the first that is no rank, number or group column:
"By region" two rows high beside "China" is the group, "China" the label); a segment row under a place's
group cell is that place's segment. A company's revenue by year is no market size.
The quote is the table row up to the cell.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.figure_attribution import market_ref
from kg.extract.figure_context import Context
from kg.extract.figure_listed import LEGAL_SUFFIX_RX
from kg.extract.figure_scope import qualified_place
from kg.extract.figure_sentence import read_sentence
from kg.extract.figure_tables import (
    UNIT_RX,
    VOLUME_RX,
    YEAR_HEADER_RX,
    header_layout,
    header_period,
    rate_column,
    unit_of,
)
from kg.extract.figure_words import market_part, words_of
from kg.extract.figure_years import year_status
from kg.extract.geo import Place, lookup_place
from kg.extract.money import MoneyMatch, decimal_comma, parse_money, usd_million
from kg.extract.sentences import Sentence
from kg.models import Block, GrowthRate, HolderKind, MarketSize, Share, Status

__all__ = ["read_table"]


_BREAKDOWN_RX = re.compile(
    r"\b(?:by\s+[A-Za-z][\w\-]*|segments?|segmentation|regions?|regional|countr(?:y|ies)|geograph\w*|"
    r"applications?|types?|products?|end[\s\-]?use(?:rs?)?)\b",
    re.IGNORECASE,
)
_OTHER_MEASURE_RX = re.compile(
    r"\b(?:prices?|costs?|invest\w*|capex|funding|imports?|exports?|shipments|sales\s+of|production\s+of|"
    r"budgets?|subsid\w*|tariffs?)\b",
    re.IGNORECASE,
)


# "Table 4.2", "TABLE A1", "Exhibit 3:", "[Slide 4 -": a caption's number is no modifier of its "market"
_NUMBERED_CAPTION_RX = re.compile(
    r"\b(?:table|exhibit|figure|fig\.|chart|slide)\s+[A-Z]?\d{1,3}(?:[.\-]\d{1,3})*[a-z]?\b\s*[:.\-–—]?",
    re.IGNORECASE,
)


def read_table(ctx: Context, index: int, block: Block | None = None, last: int | None = None) -> None:
    doc = ctx.doc
    block = block if block is not None else doc.blocks[index]
    rows = [[doc.text[c.start : c.end].strip() for c in row] for row in block.rows]
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return
    layout = header_layout(rows, [[c.header for c in row] for row in block.rows])
    top = layout.rows  # the first body row
    heads = list(layout.columns)
    year_layout = any(layout.year(j) for j in range(len(heads))) or any(
        row and YEAR_HEADER_RX.match(row[0]) for row in rows[top:]
    )
    if not year_layout:
        # a key-value table ("Report Attribute | Details": "Market size value in 2025 | USD 1.36 billion",
        # "Growth rate | CAGR of 16.2% from 2025 to 2030"): each row reads as one sentence
        for kv in block.rows:
            if len(kv) >= 2 and kv[0].start < kv[-1].end:
                read_sentence(ctx, Sentence(kv[0].start, kv[-1].end, doc.text[kv[0].start : kv[-1].end]))
                ctx.sentence_no += 1
    before = "; ".join(  # "; " so a heading's words do not read as modifiers of the caption's "market"
        doc.text[b.start : b.end] for b in doc.blocks[max(0, index - 2) : index] if not b.boilerplate
    )
    after = ""
    last = index if last is None else last
    if last + 1 < len(doc.blocks) and doc.blocks[last + 1].kind != "table":
        nb = doc.blocks[last + 1]
        text_after = doc.text[nb.start : nb.end]
        if (
            re.match(r"\s*(?:table|exhibit|figure|fig\.|source|note|\*)", text_after, re.IGNORECASE)
            or len(text_after) < 120
        ):
            after = text_after  # a caption below the table
    header = " ".join(heads)
    caption = before[-300:] + " " + header + " " + after
    unit = UNIT_RX.search(header) or UNIT_RX.search(after) or UNIT_RX.search(before[-300:])
    if VOLUME_RX.search(header) and not UNIT_RX.search(header):
        return
    caption_ref = market_ref(ctx, _NUMBERED_CAPTION_RX.sub("; ", caption))
    about_market = caption_ref == "own" or bool(
        re.search(r"\b(?:market\s+size|revenue|market\s+value|value)\b", caption, re.IGNORECASE)
    )
    if not about_market and caption_ref is None and UNIT_RX.search(header):
        # money columns ("2024 (US$ mn)") under a segmentation heading ("By Application") or beside a CAGR
        # column break the report's market down, unless the caption measures something else
        about_market = bool(
            _BREAKDOWN_RX.search(before[-120:]) or re.search(r"\bCAGR\b", header, re.IGNORECASE)
        ) and not _OTHER_MEASURE_RX.search(caption)
    if (
        not about_market
        and caption_ref != "foreign"
        and not UNIT_RX.search(header)
        and _COMPANY_HEADER_RX.search(heads[0])
        and any(rate_column(h) == "share" for h in heads[1:])
    ):
        # "Company | Ticker | 2024 share of global shipments": the players' shares of the market
        _table_rates(ctx, block, rows, heads, top)
        return
    if not about_market and caption_ref is None and not year_layout and any(rate_column(h) for h in heads[1:]):
        # only rate columns ("Region | CAGR 2025-32 | Share 2024") under a breakdown heading or label column
        if (_BREAKDOWN_RX.search(before[-120:]) or _BREAKDOWN_RX.search(heads[0])) and not _OTHER_MEASURE_RX.search(
            caption
        ):
            _table_rates(ctx, block, rows, heads, top)
        return
    if not about_market:
        return
    currency, scale = unit_of(unit)
    lc = _label_column([heads, *rows[top:]])
    year_cols = {j: m for j in range(lc + 1, len(heads)) if (m := layout.year(j)) is not None}
    if year_cols and _COMPANY_HEADER_RX.search(heads[lc]):
        year_cols = {}  # a company's revenue by year is not a part of the market's size
    if year_cols:
        for r in range(top, len(rows)):
            row = rows[r]
            k = _row_label(row, lc)
            label = row[k] if k < len(row) else ""
            group = _row_group(rows, r, k, top)
            for j, ym in year_cols.items():
                if j < len(row):
                    _table_cell(ctx, block, r, k, j, label, ym, row[j], unit is not None, currency, scale, group)
        _table_rates(ctx, block, rows, heads, top)
        return
    first_col = {
        i: m for i in range(top, len(rows)) if rows[i] and (m := YEAR_HEADER_RX.match(rows[i][0])) is not None
    }
    if first_col:
        for i, ym in first_col.items():
            for j in range(1, len(rows[i])):
                label = heads[j] if j < len(heads) else ""
                _table_cell(ctx, block, i, 0, j, label, ym, rows[i][j], unit is not None, currency, scale)
        return
    # one money column ("Type | Revenue (US$ Mn) | Share (%)"): its year is the single year the caption
    # (the short block just above or below the table) names
    money_cols = [
        j
        for j, c in enumerate(heads)
        if j > 0 and UNIT_RX.search(c) and not re.search(r"\b(?:CAGR|share|growth)\b|%", c, re.IGNORECASE)
    ]
    if len(money_cols) == 1 and money_cols[0] > lc and not _COMPANY_HEADER_RX.search(heads[lc]):
        near = [after]
        prev = doc.blocks[index - 1] if index > 0 else None
        if prev is not None and not prev.boilerplate and prev.end - prev.start < 200:
            near.append(doc.text[prev.start : prev.end])
        years = {int(y) for t in near for y in re.findall(r"(?<![\d.,\-–])((?:19|20)\d{2})(?![\d%\-–])", t)}
        if len(years) == 1:
            cap_ym = YEAR_HEADER_RX.match(str(years.pop()))
            assert cap_ym is not None
            j = money_cols[0]
            for r in range(top, len(rows)):
                row = rows[r]
                k = _row_label(row, lc)
                if j < len(row) and k < len(row):
                    group = _row_group(rows, r, k, top)
                    _table_cell(
                        ctx, block, r, k, j, row[k], cap_ym, row[j], unit is not None, currency, scale, group
                    )
    _table_rates(ctx, block, rows, heads, top)


def _table_cell(
    ctx: Context,
    block: object,
    r: int,
    label_col: int,
    j: int,
    label: str,
    ym: re.Match[str],
    cell: str,
    has_unit: bool,
    currency: str,
    scale: Decimal,
    group: str = "",
) -> None:
    rows = block.rows  # type: ignore[attr-defined]
    comma = decimal_comma(ctx.doc.text)  # "1.105" is 1105 in a document that writes "4,3 %"
    m = parse_money(cell, decimal_comma=comma)
    if m is None:
        if not has_unit:
            return
        m = parse_money(cell, default_currency=currency, decimal_comma=comma)
        if m is None:
            return
        m = MoneyMatch(
            m.start,
            m.end,
            m.as_written,
            m.currency,
            m.value_million * scale,
            m.approximate,
            None,
            None,
            m.plausible,
        )
    if not m.plausible:
        return
    year = int(ym.group("year"))
    flag = (ym.group("flag") or "").strip("()").lower()
    status: Status
    if flag.startswith(("e", "f", "p")):
        status = "forecast"
    elif flag.startswith("a"):
        status = "actual"
    else:
        status = year_status(ctx, year, "")
    place, seg = _row_scope(ctx, label, group)
    if place is False:
        return
    row = rows[r]
    cell_span = row[j]
    first = row[label_col] if label_col < len(row) else cell_span
    ev = ctx.doc.quote(min(first.start, cell_span.start), cell_span.end)
    ctx.sizes.append(
        MarketSize(
            evidence=(ev,),
            scope=place.name if isinstance(place, Place) else "Global",
            scope_as_written=(group if seg else label) if isinstance(place, Place) else None,
            segment=seg,
            year=year,
            value_usd_million=usd_million(m, ctx.rates),
            status=status,
            value_text=cell,
            currency=m.currency,
            value_million=m.value_million,
        )
    )


def _row_scope(ctx: Context, label: str, group: str = "") -> tuple[Place | None | bool, str | None]:
    """(place, segment) of a table row label; (False, None) for rows to skip. A segment row under a
    place's group cell ("Europe" two rows high beside "EV batteries", "Storage") is that place's segment;
    a total row under it is left global (its group may have ended above it)."""
    clean = label.strip(" *:")
    if not clean:
        return False, None
    if VOLUME_RX.search(clean) and not UNIT_RX.search(clean):
        return False, None  # "Shipments (kt)": a volume row of a mixed table, not money
    if re.fullmatch(
        r"(?i)(?:total|grand\s+total|global|world|worldwide|overall|market\s+size|revenue|value|sales|"
        r"sales\s+value|market\s+value|global\s+market)(?:\s*\(.*\))?",
        clean,
    ):
        return None, None
    if re.search(r"(?i)\b(?:cagr|growth|share|%|y-?o-?y|volume)\b", clean):
        return False, None
    total = _PLACE_TOTAL_RX.fullmatch(clean)
    if total is not None:
        whole = (total.group("place1") or total.group("place2")).strip()
        if whole.lower() in ("world", "global", "worldwide", "market", "all regions"):
            return None, None  # "World, total"
        if (tp := lookup_place(whole)) is not None:
            return (None if tp.kind == "global" else tp), None  # "Europe, total": the place's total row
    if (q := _qualified_row(clean)) is not None:
        return q, None  # "Asia excl. China", "Middle East (GCC)": a scope as the table writes it
    p = lookup_place(clean)
    if p is not None:
        return (None if p.kind == "global" else p), None
    if _places_joined(clean):  # "Japan & Korea": one row for two places, a scope as the table writes it
        return Place(key=re.sub(r"[^a-z0-9]+", "-", clean.lower()).strip("-"), name=clean, kind="region"), None
    words = set(words_of(clean))
    if words and words <= ctx.market.words | {"global", "market", "total"} and not market_part(ctx.market, words):
        return None, None
    gp = lookup_place(group.strip(" *:")) if group.strip(" *:") else None
    return (gp if gp is not None and gp.kind != "global" else None), clean


# a place's total row: "Europe, total", "Total Asia-Pacific", "North America (total)"
_PLACE_TOTAL_RX = re.compile(
    r"(?i)(?:total\s*[:\-–]?\s+(?P<place1>.+)|(?P<place2>.+?)\s*(?:,|\(|[-–])?\s*(?:total|overall|combined)\s*\)?)"
)


def _qualified_row(label: str) -> Place | None:
    """A row label that is a place narrowed by an exclusion or a bracketed sub-area, as a whole."""
    m = re.match(r"[^()]+?(?=\s*(?:\(|\bexcl|\bexcept|\bex\b|\bex[.\-]|\boutside\b))", label, re.IGNORECASE)
    q = qualified_place(label, 0, m.end()) if m is not None else None
    return q[0] if q is not None and len(q[1]) == len(label) else None


def _row_group(rows: list[list[str]], r: int, k: int, top: int) -> str:
    """The group cell a body row falls under: in the nearest column left of its label cell (column ``k``)
    that has one, the filled cell on its row or the nearest above it (a cell two rows high continues as
    empty cells)."""
    for g in range(k - 1, -1, -1):
        for i in range(r, top - 1, -1):
            if g < len(rows[i]) and rows[i][g].strip():
                return rows[i][g]
    return ""


def _places_joined(label: str) -> bool:
    """ "Japan & South Korea", "Middle East and Africa" (unless a place itself): places joined, no segment."""
    parts = [p for p in re.split(r"\s*(?:&|\band\b|/|,)\s*", label) if p]
    return len(parts) >= 2 and all(lookup_place(p) is not None for p in parts)


_COMPANY_HEADER_RX = re.compile(r"\b(?:company|companies|player|players|manufacturer|vendor|supplier)\b", re.I)
_RANK_HEADER_RX = re.compile(r"^\s*(?:rank(?:ing)?|no\.?|#|s\.?\s*no\.?|sr\.?\s*no\.?|position)\s*$", re.I)


_NUMERIC_CELL_RX = re.compile(r"[\d.,%\s#()-]*")


def _label_column(rows: list[list[str]]) -> int:
    """The column that names each row: the first one that is not a rank or number column, nor a group
    column (a "By region" cell two rows high, continued by empty cells beside the rows' own labels)."""
    width = min(len(r) for r in rows)
    for j in range(max(1, width - 1)):
        if _RANK_HEADER_RX.match(rows[0][j]):
            continue
        cells = [r[j] for r in rows[1:]]
        if sum(bool(_NUMERIC_CELL_RX.fullmatch(c)) for c in cells) * 2 > len(cells):
            continue
        if _group_column(rows[1:], j):
            continue
        return j
    return 0


def _group_column(body: list[list[str]], j: int) -> bool:
    """Whether column ``j`` groups the rows beside it: some of its cells are empty (a group going on)
    while the next column names each of those rows, and the next column is mostly names."""

    def named(c: str) -> bool:
        return bool(c.strip()) and not _NUMERIC_CELL_RX.fullmatch(c)

    nxt = [r[j + 1] if j + 1 < len(r) else "" for r in body]
    empty = [i for i, r in enumerate(body) if not r[j].strip()]
    return bool(empty) and all(named(nxt[i]) for i in empty) and sum(map(named, nxt)) * 2 > len(nxt)


def _row_label(row: list[str], lc: int) -> int:
    """The cell naming a row: its label column's, else (a row of the group itself: "Asia | | 310", a
    "Total" across the group and label columns) the nearest filled cell to its left."""
    k = lc
    while k > 0 and (k >= len(row) or not row[k].strip()):
        k -= 1
    return k


def _table_rates(ctx: Context, block: object, rows: list[list[str]], header: list[str], top: int = 1) -> None:
    """Growth rates and shares of a table's "CAGR" and "Share" columns (body rows from ``top``)."""
    cells = block.rows  # type: ignore[attr-defined]
    lc = _label_column([header, *rows[top:]])
    for j, h in enumerate(header):
        kind = rate_column(h)
        if kind is None:
            continue
        is_cagr = kind == "cagr"
        period = header_period(h)
        hy = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", h)
        share_year = int(hy[0]) if len(hy) == 1 else None  # "Share 2024"
        for r in range(top, len(rows)):
            if j >= len(rows[r]):
                continue
            pm = re.fullmatch(r"\s*(?P<p>-?\d{1,3}(?:[.,]\d+)?)\s*%?\s*", rows[r][j])
            if pm is None:
                continue
            pct = Decimal(pm.group("p").replace(",", "."))  # "11,4 %": a percentage has no thousands
            if j <= lc:
                continue
            k = _row_label(rows[r], lc)
            group = _row_group(rows, r, k, top)
            place, seg = _row_scope(ctx, rows[r][k], group)
            if place is False:
                continue
            ev = ctx.doc.quote(cells[r][k].start, cells[r][j].end)
            if is_cagr:
                if not Decimal(-50) < pct < Decimal(100) or (seg is not None and _places_joined(seg)):
                    continue  # "Japan & South Korea": a scope of two places, not a segment of the market
                ctx.growth.append(
                    GrowthRate(
                        evidence=(ev,),
                        scope=place.name if isinstance(place, Place) else "Global",
                        scope_as_written=(group if seg else rows[r][k]) if isinstance(place, Place) else None,
                        segment=seg,
                        cagr_percent=pct,
                        start_year=period.start_year
                        or (
                            ctx.meta.forecast_period[0]
                            if ctx.meta.forecast_period and period.end_year is None
                            else None
                        ),
                        end_year=period.end_year or (ctx.meta.forecast_period[1] if ctx.meta.forecast_period else None),
                        value_text=rows[r][j],
                    )
                )
            elif Decimal(0) < pct < Decimal(100):  # "100 %" is a total's, held by no part
                if place is None and seg is None:
                    continue  # the "Total | 100 %" row: the whole market, no holder
                if isinstance(place, Place) and seg is not None:
                    continue  # a segment's share of one region (its group cell), not of the market
                holder = place.name if isinstance(place, Place) else (seg or rows[r][k])
                holder_kind: HolderKind = "region" if isinstance(place, Place) else "segment"
                if holder_kind == "segment" and (
                    LEGAL_SUFFIX_RX.search(holder) or _COMPANY_HEADER_RX.search(header[lc])
                ):
                    holder_kind = "company"
                ctx.shares.append(
                    Share(
                        evidence=(ev,),
                        holder=holder,
                        holder_kind=holder_kind,
                        share_percent=pct,
                        of="market share",
                        year=share_year,
                        value_text=rows[r][j],
                    )
                )
