"""Players read from tables: the company column of a players table (by its header, else the first column
under a players title) with the country a Country/Headquarters column states, the value cell of a
report-scope row labelled as a players title ("Key companies profiled | A; B"), and ranking tables that a
renderer flattened into one paragraph ("3 Hebei Jinrui Carbon Co., Ltd. CN 188 10.4%"), recognised by
three consecutive ranks each followed by an ISO country code. Tables state structure the prose readers
cannot see, so they get their own reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.company_candidates import Candidate, enumeration_candidates
from kg.extract.company_countries import P_ATTACHED, country_in, parens_country
from kg.extract.company_titles import LIST_TITLE
from kg.extract.company_words import CUSTOMER_QUALIFIERS
from kg.extract.geo import country_code
from kg.extract.names import looks_like_company, split_list_item, trim_name
from kg.models import Block, Cell, TextDocument

_COMPANY_HEADER = re.compile(
    r"\b(?:compan(?:y|ies)|players?|manufacturers?|vendors?|suppliers?|producers?|firms?|name|"
    r"organi[sz]ations?|brands?|key players|"
    # every agent noun of the supply side heads a players column too: "Calciner", "Paste maker", "Miner"
    r"makers?|calciners?|miners?|graphiti[sz]ers?|competitors?|participants?|specialists?)\b",
    re.I,
)
_NOT_COMPANY_HEADER = re.compile(r"\b(?:type|tier|share|count|number|size|revenue|rank)\b", re.I)
#: A plural player noun heading a further column: side-by-side lists of players by category
#: ("Petroleum-based producers | Coal-based producers") are all names.
_PLURAL_PLAYERS_HEADER = re.compile(
    r"\b(?:companies|players|manufacturers|vendors|suppliers|producers|firms)\b", re.I
)
_COUNTRY_HEADER = re.compile(
    r"\b(?:country|countries|headquarters?|hq|home|base|based|origin|location|nation(?:ality)?|region)\b",
    re.I,
)


def _company_header(label: str) -> bool:
    """A column header naming players ("Company", "Calciner", "Paste maker"), not their type or share, nor
    customers ("Cell maker", "Battery manufacturer": the buyers of the market's product)."""
    m = _COMPANY_HEADER.search(label)
    if m is None or _NOT_COMPANY_HEADER.search(label):
        return False
    before = re.findall(r"[\w'’-]+", label[:m.start()])
    return not (before and before[-1].casefold() in CUSTOMER_QUALIFIERS)


def table_candidates(doc: TextDocument, block: Block, *, in_list: bool) -> list[Candidate]:
    """Rows of a players table: the company column (by header, else the first one under a players title)."""
    rows = [r for r in block.rows if r]
    if not rows:
        return []
    text = doc.text

    def cell_text(c: object) -> str:
        return text[c.start:c.end].strip()  # type: ignore[attr-defined]

    out: list[Candidate] = []
    for row in rows:
        # "Key companies profiled | A; B; C": a report-scope table row whose label is a players title.
        if len(row) == 2 and LIST_TITLE.search(cell_text(row[0])) and len(cell_text(row[0]).split()) <= 8:
            out.extend(enumeration_candidates(doc, row[1].start, row[1].end, phrase=None))
    header = rows[0]
    has_header = any(c.header for c in header) or any(
        _COMPANY_HEADER.search(cell_text(c)) or _COUNTRY_HEADER.search(cell_text(c)) for c in header
    )
    company_col = country_col = None
    more_cols: list[int] = []
    if has_header:
        for k, c in enumerate(header):
            label = cell_text(c)
            company_like = _company_header(label)
            if company_col is None and company_like:
                company_col = k
            elif company_like and _PLURAL_PLAYERS_HEADER.search(label):
                more_cols.append(k)  # "Coal-based producers": names, not the country ("based") column
            elif country_col is None and _COUNTRY_HEADER.search(label):
                country_col = k
        body = rows[1:]
    else:
        body = rows
    if company_col is None:
        if not in_list:
            return out
        company_col = 0
        if has_header and re.fullmatch(r"#|no\.?|s\.? ?no\.?|rank(?:ing)?|sr\.?", cell_text(header[0]), re.I):
            company_col = 1
    if company_col is not None and _PLURAL_PLAYERS_HEADER.search(cell_text(header[company_col])) is None:
        more_cols = []  # "Company | Parent companies": only a list of categories reads every column
    for row in body:
        for col in (company_col, *more_cols):
            cand = _cell_candidate(doc, row, col, country_col)
            if cand is not None:
                out.append(cand)
    return out


def _cell_candidate(
    doc: TextDocument, row: Sequence[Cell], col: int, country_col: int | None
) -> Candidate | None:
    """The company one cell names, with the country its row's country column or its parenthesis states."""
    if col >= len(row):
        return None
    text = doc.text
    cell = row[col]
    parts = split_list_item(text, cell.start, cell.end)
    if parts is None:
        return None
    found = None
    if country_col is not None and country_col < len(row):
        found = country_in(text, row[country_col].start, row[country_col].end)
    if found is None:
        found = parens_country(text, parts.parens)
    if not looks_like_company(text[parts.start:parts.end], country_stated=found is not None):
        return None
    cand = Candidate(parts.start, parts.end)
    if found:
        cand.country, cand.country_span, cand.priority = found[0], found[1], P_ATTACHED
    return cand


#: One row of a ranking table whose columns ran together into prose: rank, name, optional "(aside)",
#: an upper-case country code and a figure ("3 Hebei Jinrui Carbon Co., Ltd. (Jinrui) CN 188 10.4%").
_RANK_ROW_RX = re.compile(
    r"(?<![\w.%,])(?P<rank>\d{1,2})[ \t]+(?P<name>[A-Z][^()%\n]{1,80}?)(?:[ \t]+\([^()\n]{1,40}\))?"
    r"[ \t]+(?P<code>[A-Z]{2,3})[ \t]+(?=\d)"
)


def rank_row_candidates(doc: TextDocument) -> list[Candidate]:
    """Rows of a ranking table flattened into one paragraph: three consecutive ranks at least, each a
    company-shaped name followed by an ISO country code (the table's "Home"/"Country" column)."""
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table":
            continue
        run: list[Candidate] = []
        last = 0
        for m in _RANK_ROW_RX.finditer(text, block.start, block.end):
            code = country_code(m.group("code"))
            s, e = trim_name(text, m.start("name"), m.end("name"))
            if code is None or not looks_like_company(text[s:e], country_stated=True):
                continue
            rank = int(m.group("rank"))
            if rank != last + 1:
                if len(run) >= 3:
                    out.extend(run)
                run = []
                if rank != 1:
                    last = 0
                    continue
            run.append(Candidate(s, e, code, m.span("code"), P_ATTACHED))
            last = rank
        if len(run) >= 3:
            out.extend(run)
    return out


__all__ = ["rank_row_candidates", "table_candidates"]
