"""The year an amount is for, and whether it is actual or forecast.

Year: the year written right after the amount ("USD 5.4 billion in 2024", "by 2032"); else the nearest
free year before it in the clause ("By 2032, ... USD 8,145.12 million"; not a part of "2025-2032" or
"from 2025 to 2032"); "in the same year" -> the year last named; else, for a forecast verb ("is forecast
to reach $4200 million"), the target year of the sentence or of the last three sentences (a second
edition's "by 2029"), falling back to the forecast period's end. Status: a year after the base year is a
forecast, a year up to it is actual. The base year is ``meta.base_year``, else the year before the
forecast period starts, else the year before publication; without any of them the verb decides
("projected", "expected", "reach", "by" -> forecast).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.extract.figure_clauses import clause_start
from kg.extract.figure_context import Context
from kg.extract.money import MoneyMatch
from kg.models import ReportMeta, Status

__all__ = [
    "FORECAST_CUE",
    "YEAR_AFTER_RX",
    "bind_years",
    "context_target",
    "free_years",
    "report_base_year",
    "year_status",
]


FORECAST_CUE = re.compile(
    r"\b(?:project\w*|expect\w*|forecast\w*|anticipat\w*|predict\w*|estimated\s+to|will|shall|reach(?:es)?|"
    r"grow\s+to|rise\s+to|climb\s+to|touch|surpass|exceed|by\s+(?:19|20)\d{2}|poised|set\s+to|likely)\b",
    re.IGNORECASE,
)


YEAR_AFTER_RX = re.compile(
    # "a US$45mn market in 2024": the noun the amount sizes may come between
    r"\s*(?:(?:-\s*)?market\s+)?(?:,\s*)?\(?\s*(?:in|by|for|of|during|through|until|till|to|as\s+of|at\s+the\s+end\s+of|"
    r"in\s+the\s+year|in\s+fiscal(?:\s+year)?|in\s+FY|in\s+CY|FY|CY)?\s*(?:the\s+year\s+)?"
    r"(?P<year>(?:19|20)\d{2})(?![\d\-–])",
    re.IGNORECASE,
)
_YEAR_RX = re.compile(r"(?<![\d.,$€£¥\-–])(?P<year>(?:19|20)\d{2})(?![\d%])(?!\s*[-–—]\s*(?:19|20)?\d{2}\b)")


def report_base_year(meta: ReportMeta) -> int | None:
    if meta.base_year:
        return meta.base_year
    if meta.forecast_period:
        return meta.forecast_period[0] - 1
    if meta.published:
        return meta.published.year - 1
    return None


def year_status(ctx: Context, year: int, clause: str) -> Status:
    if ctx.base_year is not None:
        return "forecast" if year > ctx.base_year else "actual"
    return "forecast" if FORECAST_CUE.search(clause) else "actual"


def free_years(s: str) -> list[tuple[int, int]]:
    """(position, year) of single years in ``s`` (not parts of "2025-2032" ranges or money)."""
    out = []
    for m in _YEAR_RX.finditer(s):
        if re.search(r"(?:from|between)\s+$", s[max(0, m.start() - 9) : m.start()], re.IGNORECASE) and re.match(
            r"\s*(?:to|and|through|till|until)\s+(?:19|20)\d{2}", s[m.end() :]
        ):
            continue
        if re.search(
            r"(?:19|20)\d{2}\s*(?:to|and|through|till|until)\s+$", s[max(0, m.start() - 16) : m.start()]
        ) and re.search(
            r"(?:from|between)\s+(?:19|20)\d{2}\s*(?:to|and|through|till|until)\s+$",
            s[max(0, m.start() - 30) : m.start()],
            re.IGNORECASE,
        ):
            continue
        out.append((m.start(), int(m.group("year"))))
    return out


_SAME_YEAR_RX = re.compile(r"\s*(?:in|during|for)\s+(?:the\s+same|that)\s+year\b", re.IGNORECASE)


_EQUIVALENT_CLOSE_RX = re.compile(r"\s*\)")


def bind_years(
    ctx: Context, s: str, monies: Sequence[MoneyMatch], equivalents: Mapping[int, MoneyMatch] | None = None
) -> list[int | None]:
    """One year per amount, by the rules in the module docstring (context fallback excluded).

    An amount followed by its bracketed dollar equivalent ("KRW 1.0 trillion (USD 700 million) in 2032")
    takes the year after the bracket: the pair is one figure."""
    years: list[int | None] = [None] * len(monies)
    used: set[int] = set()
    for i, m in enumerate(monies):
        end = m.end
        eq = (equivalents or {}).get(id(m))
        if eq is not None:
            close = _EQUIVALENT_CLOSE_RX.match(s, eq.end)
            end = close.end() if close else eq.end
        nxt = monies[i + 1].start if i + 1 < len(monies) else len(s)
        a = YEAR_AFTER_RX.match(s, end, min(nxt, end + 40))
        if a:
            years[i] = int(a.group("year"))
            used.add(a.start("year"))
    free = free_years(s)
    for i, m in enumerate(monies):
        if years[i] is not None:
            continue
        if _SAME_YEAR_RX.match(s, m.end):
            # "Europe was worth USD 37.5 million in the same year": the year last named before it
            earlier = [y for pos, y in free if pos < m.start]
            years[i] = earlier[-1] if earlier else ctx.last_year
            continue
        lo = max(monies[i - 1].end if i else 0, clause_start(s, m.start))
        cands = [(pos, y) for pos, y in free if lo <= pos < m.start and pos not in used]
        if cands:
            pos, y = cands[-1]
            years[i] = y
            used.add(pos)
    return years


def context_target(ctx: Context) -> int | None:
    recent = [y for n, y in ctx.recent_targets if ctx.sentence_no - n <= 3]
    if recent:
        return recent[-1]
    if ctx.meta.forecast_period:
        return ctx.meta.forecast_period[1]
    return None
