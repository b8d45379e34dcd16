"""Growth rates (CAGR with their period) and percentage shares as reports write them.

These finders are lexical: they find the percentage, its period or basis, and flag nonsense. Deciding
whether a rate or share is *about the report's market* (and whose share it is) needs the sentence and the
report metadata, so it lives in :mod:`kg.extract.figure_growth` (rates) and
:mod:`kg.extract.figure_shares` with :mod:`kg.extract.figure_holders` (shares and their holders).

CAGR forms: "CAGR of 6.30%", "6.30% CAGR", "a 4.2% CAGR", "compound annual growth rate (CAGR) of 13.4%",
"CAGR (Global): 6.30% (2025-2032)", "CAGR 2025-2031: 4.8%"; and growth worded per year without "CAGR"
("expand at 12.3% per year", "growing 5.2% a year", "rising at an average annual rate of 6%"; ``explicit``
is False for them, a decline or a one-year change is none). Period forms, searched after the rate, then
before it in the clause: "from 2025 to 2032", "between 2024 and 2030", "(2025–2032)", "2020-2023",
"through/till/until/to/by 2032", "during/over/in the forecast period", "in (the) next six years", "over the
next decade".
A CAGR of 100% or more (or -50% or less) is kept with ``plausible=False``.

Share forms: a share verb ("accounts for", "represent", "holds", "controlling", "dominating ... at",
"capture", "make up", "constitute", "comprise", "supplied") then "X% of <basis>"; "X% market/revenue share";
"a share (of) approximately X% (in terms of revenue)". Percentages in ranges ("15-20%"), changes
("30% lower", "by 25%", "a 7% annual increase") and CAGRs are never shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extract.figure_words import wordset

__all__ = ["CagrMatch", "ShareMatch", "find_cagr", "find_shares", "find_period"]


_PCT = r"(?P<pct>[-−]?\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|per\s?cent\b|pc\b)"
_CAGR_WORD = r"(?:\bCAGRs?\b|compound(?:ed)?\s+annual\s+growth(?:\s+rate)?(?:\s*\(\s*CAGR\s*\))?)"
_YEAR = r"(?:19|20)\d{2}"

_CAGR_AFTER_RX = re.compile(
    _CAGR_WORD
    + r"(?:\s*\((?P<label>[^()%]{1,60})\))?"
    # a snapshot line's period between the word and the rate: "CAGR 2025-2031:   4.8%", "CAGR, 2025-2032 .... 15.9%"
    + r"(?P<span>\s*,?\s*" + _YEAR + r"\s*[-–—]\s*(?:" + _YEAR + r"|\d{2})(?!\d))?"
    + r"(?P<gap>[^%\d.;!?\n]{0,40}?(?:\.{2,}[^%\d.;!?\n]{0,5})?)"
    + r"(?:(?P<lo>\d{1,3}(?:[.,]\d+)?)\s*%?\s*(?:-|–|to)\s*(?P<pct2>\d{1,3}(?:[.,]\d+)?)\s*%|"
    + _PCT
    + ")",
    re.IGNORECASE,
)
_CAGR_BEFORE_RX = re.compile(
    r"(?<![\d.,])" + _PCT + r"(?P<gap>\s*\(?\s*)(?:" + _CAGR_WORD + r")", re.IGNORECASE
)
# a rate worded without "CAGR": "expand at 12.3% per year", "expanding at 8.6% annually", "growing 5.2% a
# year", "rising at an average annual rate of 6.9%" (a decline or a one-year change is no such rate)
_GROW_VERB = (
    r"(?:grow|grows|grew|grown|growing|expand|expands|expanded|expanding|rise|rises|rose|risen|rising|"
    r"increase|increases|increased|increasing|advance|advances|advanced|advancing|climb|climbs|climbed|climbing)"
)
_ABOUT = r"(?:(?:about|around|roughly|approximately|approx\.?|nearly|almost|some|close\s+to|more\s+than|over|~)\s*)?"
_PER_YEAR = r"(?:(?:per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|annually|yearly)\b|p\.\s?a\.)"
# a horizon after the rate: "to 2030", "through 2033", "over 2025-2030", "over the forecast period"
_HORIZON = (
    r"\s*(?:to|through|till|until|by|over|during|between|from)\s+(?:the\s+)?"
    r"(?:" + _YEAR + r"|forecast\s+(?:period|horizon))"
)
_ANNUAL_RXS = (
    # "growing 5.2% a year", "growing faster at 11.4% annually", "grows more slowly, at 4.7% p.a."
    re.compile(
        r"\b" + _GROW_VERB + r"\s+(?:(?:more\s+|most\s+)?(?:faster|fastest|quickly|rapidly|strongly|steadily|"
        r"slowly|slower|slowest|modestly)\s*,?\s+)?(?:at\s+|by\s+)?"
        + _ABOUT + _PCT + r"\s*" + _PER_YEAR,
        re.IGNORECASE,
    ),
    # "Vietnam is the fastest-growing country in this forecast, at 19.5% a year": the rate of a ranked subject
    re.compile(
        r"(?:(?<=fastest-)|(?<=fastest\s)|(?<=quickest-)|(?<=quickest\s))growing(?:\s+[\w\-]+){0,6}?\s*,?\s+at\s+"
        + _ABOUT + _PCT + r"\s*" + _PER_YEAR,
        re.IGNORECASE,
    ),
    # "the implied growth rate is 4.3% a year"
    re.compile(
        r"\bgrowth\s+rate\s+(?:is|was|of|will\s+be|would\s+be)\s+" + _ABOUT + _PCT + r"\s*" + _PER_YEAR,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b" + _GROW_VERB + r"\s+(?:at|by)\s+(?:an?|the)\s+"
        r"(?:(?:average|estimated|projected|expected|steady|healthy|robust|compound(?:ed)?)\s+)*"
        r"annual(?:i[sz]ed)?\s+(?:growth\s+)?(?:rate|pace)\s+of\s+" + _ABOUT + _PCT,
        re.IGNORECASE,
    ),
    # no verb, but "per annum" and a horizon make it a growth rate: "roughly 9.8% p.a. over 2026-2031",
    # "the fastest-growing country, 17.8% p.a. to 2031" (not after a fall: "prices fell 3% p.a. to 2024")
    re.compile(
        r"(?<![\w.,])(?<!fell\s)(?<!declined\s)(?<!dropped\s)" + _ABOUT + _PCT
        + r"\s*(?:p\.\s?a\.|per\s+annum\b)(?=" + _HORIZON + r")",
        re.IGNORECASE,
    ),
    # "compound" after the rate, with a horizon: "roughly 12.5 percent compound from 2026 onwards",
    # "9% compounded through 2031" (not "a 9% compound yield", which names no horizon)
    re.compile(
        r"(?<![\w.,])" + _ABOUT + _PCT + r"\s+compound(?:ed)?(?:\s+(?:annual(?:ly)?|growth|annual\s+growth))?"
        + r"(?=" + _HORIZON + r")",
        re.IGNORECASE,
    ),
    # "at an annual growth rate of 8.4 % through 2031" (a span or horizon, so not a one-year change)
    re.compile(
        r"\b(?:average\s+)?annual(?:i[sz]ed)?\s+growth\s+rate\s+of\s+" + _ABOUT + _PCT + r"(?=" + _HORIZON + r")",
        re.IGNORECASE,
    ),
)
_ANNUAL_HINT_RX = re.compile(r"annu|year|p\.\s?a\.|compound", re.IGNORECASE)
_GAP_OK_RX = re.compile(
    r"^[\s:,(]*(?:(?:of|at|is|was|will\s+be|reached|registering|recording|around|about|approximately|approx\.?"
    r"|nearly|almost|roughly|over|more\s+than|close\s+to|an?|the|estimated|expected|projected|to\s+be|by)\b"
    r"[\s,:]*)*$",
    re.IGNORECASE,
)

_GAP_CONJUNCTION_RX = re.compile(r"\b(?:and|while|whereas|but|versus|vs)\b", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a decade": 10,
    "the decade": 10,
    "decade": 10,
}

_SPAN_RXS = (
    re.compile(
        r"\b(?:from|between)\s+(?:the\s+year\s+)?(?P<a>" + _YEAR + r")\s*(?:to|and|through|till|until|"
        r"-|–|—)\s*(?P<b>" + _YEAR + r"|\d{2})\b",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d.])(?P<a>" + _YEAR + r")\s*(?:-|–|—|/|to)\s*(?P<b>" + _YEAR + r"|\d{2})(?![\d%])"),
)
_UNTIL_RX = re.compile(
    # "to 2030", "to 2030E" (a forecast year's E/F/P mark)
    r"\b(?:through|thru|till|until|to|by|up\s+to)\s+(?:the\s+year\s+)?(?P<b>" + _YEAR + r")[EFP]?\b", re.IGNORECASE
)
_FORECAST_RX = re.compile(
    r"\b(?:during|over|in|for|throughout|across)\s+the\s+(?:entire\s+|whole\s+)?"
    r"(?:forecast(?:ed|ing)?|projection|review|study)\s+(?:period|years|horizon|timeframe)",
    re.IGNORECASE,
)
_RELATIVE_RX = re.compile(
    r"\b(?:in|over|during|for|within)\s+(?:the\s+)?(?:next|coming|following|upcoming)\s+"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|decade)(?:\s+years?)?\b",
    re.IGNORECASE,
)


def _decimal(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace("−", "-").replace(",", "."))
    except InvalidOperation:
        return None


def _full_year(a: int, b_text: str) -> int:
    """The end of "2025-32" as 2032."""
    if len(b_text) == 2:
        return a // 100 * 100 + int(b_text)
    return int(b_text)


@dataclass(frozen=True)
class Period:
    """What a text says about the years a rate covers; resolution against the report is the caller's."""

    start_year: int | None = None
    end_year: int | None = None
    forecast_period: bool = False  # "during the forecast period"
    relative_years: int | None = None  # "in next six years"


_ONWARDS_RX = re.compile(
    r"\b(?:from|since|starting(?:\s+in)?)\s+(?P<a>" + _YEAR + r")\s+(?:on(?:wards?)?|forward)\b", re.IGNORECASE
)


def find_period(text: str) -> Period:
    """The period phrase in ``text`` (first explicit span, else "through YYYY", else the vaguer forms)."""
    for rx in _SPAN_RXS:
        m = rx.search(text)
        if m:
            a = int(m.group("a"))
            b = _full_year(a, m.group("b"))
            if a < b <= a + 50:
                return Period(a, b, bool(_FORECAST_RX.search(text)))
    m = _UNTIL_RX.search(text)
    forecast = bool(_FORECAST_RX.search(text))
    if m:
        return Period(None, int(m.group("b")), forecast)
    since = _ONWARDS_RX.search(text)
    if since:  # "from 2025 onwards": the start only; the end is the caller's to resolve
        return Period(int(since.group("a")), None, forecast)
    rel = _RELATIVE_RX.search(text)
    if rel:
        n = rel.group("n").lower()
        years = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
        return Period(None, None, forecast, years)
    return Period(None, None, forecast)


@dataclass(frozen=True)
class CagrMatch:
    """One CAGR: ``text[start:end] == as_written``; ``label`` is a parenthesised "(Global)"/"(2025-2032)"."""

    start: int
    end: int
    as_written: str
    percent: Decimal
    high_percent: Decimal | None = None
    label: str | None = None
    period: Period = Period()
    approximate: bool = False
    plausible: bool = True
    explicit: bool = True  # False for a rate worded without "CAGR" ("expanding at 8.6% annually")


def _sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """A cheap clause window around [a, b): from the last sentence end before to the next one after."""
    left = max([m.start() for m in _CLAUSE_END_RX.finditer(text, 0, a)], default=-1)
    right_m = _CLAUSE_END_RX.search(text, b)
    right = right_m.start() if right_m else len(text)
    return left + 1, right


# a full stop, line break or semicolon; not the stop of "p.a." / "approx." / "e.g." before a lower-case word
# ("4,6 % p.a. over 2026-2031")
_CLAUSE_END_RX = re.compile(r"\.\s(?![a-z])|(?<!\bp\.a)(?<!\bp\.\sa)(?<!\bapprox)(?<!\be\.g)(?<!\bi\.e)\.\s|\n|;\s")


# Both CAGR patterns need "CAGR" or "compound" (no character outside ASCII matches these letters in any
# case); a case-sensitive scan for it skips most sentences 20x faster than the patterns would.
_CAGR_HINT_RX = re.compile(r"[cC](?:[aA][gG][rR]|[oO][mM][pP][oO][uU][nN][dD])")


def find_cagr(text: str) -> list[CagrMatch]:
    """Every CAGR in ``text`` (and every annual growth rate worded without "CAGR") with the period phrase
    nearest to it."""
    found: list[tuple[int, int, re.Match[str]]] = []
    worded: set[int] = set()  # starts of the rates worded without "CAGR"
    if _CAGR_HINT_RX.search(text) is not None:
        for m in _CAGR_AFTER_RX.finditer(text):
            if _GAP_CONJUNCTION_RX.search(m.group("gap")):
                continue  # "a 10.6% CAGR and Oceania at 9.3%": the rate after "and" is another subject's
            found.append((m.start(), m.end(), m))
        for m in _CAGR_BEFORE_RX.finditer(text):
            if _GAP_OK_RX.match(m.group("gap")) is None:
                continue
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            found.append((m.start(), m.end(), m))
    if _ANNUAL_HINT_RX.search(text) is not None:
        for rx in _ANNUAL_RXS:
            for m in rx.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), m))
                    worded.add(m.start())
    if not found:
        return []
    found.sort(key=lambda t: t[0])
    out: list[CagrMatch] = []
    for i, (start, end, m) in enumerate(found):
        raw = m.group("pct") or m.groupdict().get("lo")
        pct = _decimal(raw) if raw else None
        if pct is None:
            continue
        label = m.groupdict().get("label")
        high = _decimal(m.group("pct2")) if m.groupdict().get("pct2") else None
        # period: in the label, after the match (up to the next CAGR / clause end), then before it
        lo, hi = _sentence_bounds(text, start, end)
        nxt = found[i + 1][0] if i + 1 < len(found) else hi
        after = text[end : min(hi, nxt)]
        prev = found[i - 1][1] if i else lo
        before = text[max(lo, prev) : start]
        period = Period()
        for chunk in (label or "", m.groupdict().get("span") or "", after, before):
            p = find_period(chunk)
            if p != Period():
                period = p
                break
        plausible = Decimal(-50) < pct < Decimal(100)
        approx = bool(
            re.search(
                r"(?:approximately|about|around|nearly|roughly|over|more than|~)\s*$",
                text[max(0, start - 20) : start] + (m.groupdict().get("gap") or ""),
                re.IGNORECASE,
            )
        )
        out.append(
            CagrMatch(
                start,
                end,
                text[start:end],
                pct,
                high,
                label.strip() if label else None,
                period,
                approx,
                plausible,
                start not in worded,
            )
        )
    return out


# ------------------------------------------------------------------ shares


@dataclass(frozen=True)
class ShareMatch:
    """One percentage share: the percent (``text[start:end] == as_written``) and what it is a share of.

    ``verb_start`` is where the share verb ("accounted for", "controlling") or "share" cue begins, so
    the holder (the clause subject before it) can be looked for there.
    """

    start: int
    end: int
    as_written: str
    percent: Decimal
    basis: str  # "negative coke consumption", "market share", "revenue"
    basis_start: int
    basis_end: int
    verb_start: int
    approximate: bool = False
    plausible: bool = True


_SHARE_VERB = (
    r"(?:account(?:s|ed|ing)?\s+for|represent(?:s|ed|ing)?|hold(?:s|ing)?|held|captur(?:e|es|ed|ing)|"
    r"command(?:s|ed|ing)?|control(?:s|led|ling)?|dominat(?:e|es|ed|ing)|constitut(?:e|es|ed|ing)|"
    r"mak(?:e|es|ing)\s+up|made\s+up|compris(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)(?:\s+to)?|"
    r"occup(?:y|ies|ied|ying)|cover(?:s|ed|ing)?|share\s+of|with|produc(?:e|es|ed|ing)|generat(?:e|es|ed|ing)|"
    r"t(?:ake|akes|ook|aking)|suppl(?:ies|ied|ying)|absorb(?:s|ed|ing)?|process(?:es|ed)|"
    r"ship(?:s|ped|ping)|consum(?:e|es|ed|ing)|"
    # "Acme alone is estimated at 27% of segment revenue"
    r"(?<=is\s)estimated\s+at|(?<=are\s)estimated\s+at|(?<=was\s)estimated\s+at|"
    # the base form only as a present fact: "producers supply 27%", not "scrap could supply 15% by 2031"
    r"(?<!could\s)(?<!would\s)(?<!might\s)(?<!may\s)(?<!will\s)(?<!can\s)(?<!to\s)(?<!should\s)supply)"
)
_HEDGE = (
    r"(?:(?:approximately|approx\.?|about|around|nearly|almost|roughly|over|more\s+than|close\s+to|some|"
    r"an\s+estimated|estimated|at|a\s+(?:total\s+)?(?:of\s+)?|(?:just\s+)?(?:over|under)|upwards\s+of|~)\s*)*"
)
# a decimal comma too ("57,5 %"): one or two digits after a comma are never a thousands group
_PCT_RX = re.compile(r"(?<![\d.,])(?P<pct>\d{1,3}(?:\.\d+|,\d{1,2}(?!\d))?)\s*(?:%|percent\b|per\s?cent\b)")
_CHANGE_AFTER_RX = re.compile(
    r"^\s*(?:lower|higher|less|more|reduction|reduced|increase|decrease|growth|decline|drop|cut|rise|gain|"
    r"improvement|faster|slower|cheaper|smaller|larger|annual|annually|y-?o-?y|year|cagr|compound|per\s+year|"
    r"a\s+year|longer|shorter|variability|efficiency|capacity\s+retention|of\s+the\s+time|chance|probability|"
    r"purity)\b",
    re.IGNORECASE,
)
_CHANGE_BEFORE_RX = re.compile(
    # a range ("15–20%") or a sign ("-5%"); a spaced dash after a word is a separator: "Asia — 58.9 % of value"
    r"(?:(?:\bby|\bup\s+to|\bdown|\bto|\d\s*[-–—]|\d\s*(?:%|percent)?\s*(?:to|and|or))\s*|[-–—]|(?<![A-Za-z)])\s+[-–—]\s*)$",
    re.IGNORECASE,
)
_SHARE_WORD_AFTER_RX = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:global\s+|total\s+|overall\s+|worldwide\s+)?)?"
    r"(?P<basis>(?:(?:market|revenue|sales|volume|value|production|capacity|global|total)\s+)*share)\b",
    re.IGNORECASE,
)
_OF_BASIS_RX = re.compile(r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?")
_BASIS_WORD_RX = re.compile(r"[A-Za-z][A-Za-z0-9&'’\-]*")
# with a fiscal prefix or a status flag: "of FY2024 value", "of 2024A revenue"
_BASIS_YEAR_RX = re.compile(r"(?-i:FY|CY)?\s?(?:19|20)\d{2}(?-i:[AEFP])?\s+(?=[A-Za-z])")
_BASIS_STOP = wordset(
    "in by with and as while due driven owing because through during for from to that which who where "
    "when than since after before amid is are was were has have had will would could can may might a "
    "an the this these those its their it globally worldwide respectively alone now currently according"
)
_SHARE_BEFORE_RX = re.compile(
    r"\b(?P<cue>(?:market\s+|revenue\s+|a\s+|the\s+|combined\s+|collective\s+|total\s+)*share)\s*(?:of\s+|at\s+|"
    r"is\s+|was\s+|stood\s+at\s+|reaching\s+|,\s*)?" + _HEDGE + r"$",
    re.IGNORECASE,
)
# "Europe’s share of the market was 34%", "China's share of global anode output is about 92%"
_SHARE_OF_WAS_RX = re.compile(
    r"\b(?P<cue>(?:market\s+|revenue\s+|production\s+)?share)\s+of\s+(?P<basis>(?:[\w’'\-]+\s+){1,6}?)"
    r"(?:(?:in|as\s+of|during|by)\s+(?:19|20)\d{2}\s+)?(?:was|is|stood\s+at|reached|amounted\s+to|came\s+to|"
    r"totall?ed|rose\s+to|climbed\s+to|remains?|remained)\s+" + _HEDGE + r"$",
    re.IGNORECASE,
)
# ... or its label, with a colon: "Latin America share of 2022 value: 58.4%", "EV share of demand by 2031: 42%"
_SHARE_OF_LABEL_RX = re.compile(
    r"(?:^|\n|[.;]\s)[^.;:\n]{1,60}?\b(?P<cue>(?:market\s+|revenue\s+)?share)\s+of\s+"
    r"(?P<basis>[\w’'\-]+(?:\s+[\w’'\-]+){0,5}?)(?:\s+(?:in|by|as\s+of)\s+(?:19|20)\d{2})?"
    r"(?:\s*\((?:19|20)\d{2}\))?\s*:\s*(?:~\s*)?$",
    re.IGNORECASE,
)
_TERMS_OF_RX = re.compile(
    r"^\s*(?:in\s+terms\s+of|by)\s+(?P<basis>revenue|sales|value|volume|production|"
    r"capacity|consumption|shipments)\b",
    re.IGNORECASE,
)


# at the start of a line, right after a label's colon or an opening bracket, a percentage needs no share verb
_LABEL_OPEN_RX = re.compile(
    # ... or after a short line-opening name and "~"/"=": "China ~31% of global demand", "Top 3 = 52% of revenue"
    r"(?:^|[A-Za-z)]\s*:|[A-Za-z)]\s+[—–]|\w\s+\(|(?:^|\n)\s*[A-Z][\w&\-]*(?:\s+[\w&\-]+){0,2}\s*(?:=|~|≈))\s*(?:~\s*)?$"
)


# a ranked subject and its percentage after a comma: "X remained the largest application, at 46% of 2024
# revenue", "X is the bigger half, at 58 percent of sales" (the copula starts the share's predicate)
_RANK_AT_RX = re.compile(
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:(?:now|still|by\s+far|easily)\s+)?the\s+"
    r"(?:(?:single|clear)\s+)?(?:largest|biggest|bigger|larger|leading|dominant|main|second[\s\-]largest)"
    r"(?:\s+(?!(?:in|of|by|at|among|on|for|with|to)\b)[\w\-]+){1,2}\s*,\s*at\s+" + _HEDGE + r"$",
    re.IGNORECASE,
)


def find_shares(text: str) -> list[ShareMatch]:
    """Every percentage in ``text`` worded as a share (of a market, revenue, consumption, capacity...)."""
    if "%" not in text and "per" not in text:  # what _PCT_RX needs: "%", "percent" or "per cent"
        return []
    cagr_spans = [(c.start, c.end) for c in find_cagr(text)]
    out: list[ShareMatch] = []
    for m in _PCT_RX.finditer(text):
        a, b = m.start(), m.end()
        if any(s <= a < e for s, e in cagr_spans):
            continue
        before = text[max(0, a - 80) : a]
        after = text[b : b + 100]
        if _CHANGE_BEFORE_RX.search(before) or _CHANGE_AFTER_RX.match(after):
            continue
        if re.match(r"\s*[-–]\s*\d", after):  # "15-20%" written "15%-20%"
            continue
        clause_start = max(before.rfind(c) for c in (". ", "; ", "\n", "(", "—", " – ", ": ")) + 1
        clause = before[clause_start:]
        pct = Decimal(m.group("pct").replace(",", "."))
        approx = bool(
            re.search(
                r"(?:approximately|about|around|nearly|almost|roughly|over|more than|close to"
                r"|some|~)\s*$",
                before,
                re.IGNORECASE,
            )
        )
        hit = _share_after(text, b)
        if hit is not None:
            basis, bs, be = hit
            verb = _last_verb(clause)
            vstart = a - len(clause) + verb if verb is not None else a
            out.append(ShareMatch(a, b, text[a:b], pct, basis, bs, be, vstart, approx, pct <= 100))
            continue
        cue = _SHARE_BEFORE_RX.search(clause)
        if cue is not None:
            terms = _TERMS_OF_RX.match(after)
            if terms:
                basis, bs, be = terms.group("basis"), b + terms.start("basis"), b + terms.end("basis")
            else:
                basis, bs, be = (
                    cue.group("cue"),
                    a - len(clause) + cue.start("cue"),
                    a - len(clause) + cue.end("cue"),
                )
            vstart = a - len(clause) + cue.start()
            out.append(ShareMatch(a, b, text[a:b], pct, basis, bs, be, vstart, approx, pct <= 100))
            continue
        was = _SHARE_OF_WAS_RX.search(clause)
        if was is not None:
            off = a - len(clause)
            bm = re.match(r"(?:the|its|their|all)\s+", was.group("basis"), re.IGNORECASE)
            bs = off + was.start("basis") + (bm.end() if bm else 0)
            be = off + was.end("basis")
            while be > bs and text[be - 1].isspace():
                be -= 1
            out.append(
                ShareMatch(a, b, text[a:b], pct, text[bs:be], bs, be, off + was.start("cue"), approx, pct <= 100)
            )
            continue
        label = _SHARE_OF_LABEL_RX.search(before)
        if label is not None:
            off = a - len(before)
            bs, be = off + label.start("basis"), off + label.end("basis")
            vs = off + label.start("cue")
            out.append(ShareMatch(a, b, text[a:b], pct, text[bs:be], bs, be, vs, approx, pct <= 100))
            continue
        verb = _last_verb(clause)
        rank = _RANK_AT_RX.search(clause) if verb is None else None
        if rank is not None:
            verb = rank.start()  # "Power tools remained the largest application, at 46% of revenue"
        if verb is None and _LABEL_OPEN_RX.search(before) is not None:
            verb = len(clause)  # "Bio-based: 34% of 2024 revenue", "power tools (61% of volume)": no verb
        if verb is None:
            continue
        of = _OF_BASIS_RX.match(after)
        if of is None:
            continue
        basis_span = _basis(text, b + of.end())
        if basis_span is None:
            continue
        bs, be = basis_span
        out.append(
            ShareMatch(a, b, text[a:b], pct, text[bs:be], bs, be, a - len(clause) + verb, approx, pct <= 100)
        )
    return out


def _share_after(text: str, b: int) -> tuple[str, int, int] | None:
    """ "76% market share", "30% of global revenue share": the basis is the share phrase itself."""
    m = _SHARE_WORD_AFTER_RX.match(text, b)
    if m is None or not m.group("basis"):
        return None
    return m.group("basis"), m.start("basis"), m.end("basis")


def _last_verb(clause: str) -> int | None:
    """Offset in ``clause`` of the last share verb, when it is close enough to govern the percentage."""
    hits = list(re.finditer(r"\b" + _SHARE_VERB + r"\b", clause, re.IGNORECASE))
    if not hits:
        return None
    last = hits[-1]
    gap = clause[last.end() :]
    # "dominating production at around 60%": a short object may sit between the verb and the figure
    if len(gap.split()) > 4:
        return None
    if last.group().lower() == "with" and not re.fullmatch(r"\s*" + _HEDGE + r"\s*", gap, re.IGNORECASE):
        return None
    return last.start()


def _basis(text: str, i: int) -> tuple[int, int] | None:
    """The noun phrase after "of" (at most eight words, up to punctuation or a clause word); a year may
    qualify it ("38% of 2024 demand")."""
    year = _BASIS_YEAR_RX.match(text, i)
    words_at = year.end() if year else i
    end = words_at
    ends = [end]
    for n, w in enumerate(_BASIS_WORD_RX.finditer(text, words_at)):
        if text[end : w.start()].strip() not in ("", "-"):
            break
        if w.group().lower() in _BASIS_STOP or n >= 8:
            break
        end = w.end()
        ends.append(end)
    # a time phrase is no part of the basis: "88% of market value last year", "90% of processing today"
    when = _BASIS_WHEN_RX.search(text, words_at, end)
    if when is not None and when.start() > words_at:
        end = max(e for e in ends if e <= when.start())
    return (i, end) if end > words_at else None


_BASIS_WHEN_RX = re.compile(
    r"\s(?:(?:last|this|next|that|the\s+same|the\s+previous|the\s+prior)\s+(?:year|quarter|month|decade)|"
    r"today|presently|so\s+far|to\s+date|still|already|overall)$",
    re.IGNORECASE,
)
