"""Market sizes in sentences: which amounts of a sentence are the market's, and the facts they become.

An amount is a market size when its governing clause refers to the market (:mod:`figure_attribution`) or
the sentence shapes make it the market's own: a listed product type as the whole subject ("Silicon-carbon
composite anodes generated USD 171.9 million"), a place whose only verb is a revenue verb ("Asia Pacific
generated US$ 881.5 Mn in 2024"), "<Place> was a US$120mn market", a key-numbers line ("2031 forecast:
US$ 512.0 Mn"), a part of the amount before ("..., of which Germany alone €150 m"), a later clause of a
sentence whose first clause was the market's, or a breakdown line's label ("CMC: €0.58 bn in 2024").
Money near investment/budget/price words ("invest", "funding", "allocated", "add", "costs", "per ton"...)
is never a market size; nor a per-unit price, a range, an implausible or a tiny amount, or one in an
aside. Every other amount is a statistic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.figure_attribution import continues_market, market_ref
from kg.extract.figure_clauses import clause_start, figure_label, governing
from kg.extract.figure_context import Context
from kg.extract.figure_scope import clause_scope, clause_segment, later_subject_place, segment_subject, subject_places
from kg.extract.figure_words import words_of
from kg.extract.figure_years import FORECAST_CUE, bind_years, context_target, year_status
from kg.extract.geo import Place, find_places
from kg.extract.money import MoneyMatch, exchange_rate_spans, find_money, usd_equivalents, usd_million
from kg.models import Evidence, MarketSize, Statistic, Status

__all__ = ["Size", "sentence_sizes"]


_NEGATIVE_MONEY = re.compile(
    r"\b(?:invest\w*|fund\w*|financ\w*|allocat\w*|dedicat\w*|commit\w*|budget\w*|grants?|subsid\w*|loans?|"
    r"spend\w*|spent|capex|capital\s+expenditure|costs?|costing|price[sd]?|pricing|add|adds|adding|added|"
    r"acqui\w*|deals?|contracts?|raise[sd]?|raising|orders?|award\w*|incentives?|tax\w*|savings?|sav(?:e|es|ed)|"
    r"loss\w*|penalt\w*|fines?|r&d|research|budgets?|valuation\s+of\s+the\s+company|backing|pledg\w*|"
    r"announced|earmark\w*|programs?|programmes?|initiatives?|projects?|profits?|earnings|"
    r"sales\s+of\s+(?:electric|ev))\b",
    re.IGNORECASE,
)


_PROJECTS_VERB_RX = re.compile(r"\bprojects\s+(?:(?:about|around|roughly|some)\s+)?$", re.IGNORECASE)


_OF_WHICH_RX = re.compile(
    r"\bof\s+which\s+(?:[\w.&\-]+\s+){1,4}(?:alone\s+|only\s+)?(?:(?:accounted\s+for|was|is|made\s+up|represented|contributed)\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Size:
    money: MoneyMatch
    year: int | None
    place: Place | None
    place_text: str | None
    segment: str | None
    own: bool
    status: Status | None = None


_PLACE_IS_A_RX = re.compile(
    r"^\W*(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3}\s+(?:is|was|will\s+be|would\s+be|remains|"
    r"remained|became|has\s+become)\s+(?:already\s+|still\s+|now\s+)?(?:an?|the)\s+(?:estimated\s+)?$",
    re.IGNORECASE,
)
_BARE_MARKET_AFTER_RX = re.compile(r"\s*(?:-\s*)?markets?\b(?!\s+(?:for|of)\b)", re.IGNORECASE)


_YEAR_LABEL_RX = re.compile(
    r"^\W*(?:(?:19|20)\d{2}[EFP]?\s+(?:forecast|estimate|projection|outlook|market\s+size|market\s+value|value|size)"
    # or the label before the year: "Forecast 2031: US$ 7.95 bn", "Estimate (2025): ..."
    r"|(?:forecast|estimate|projection|outlook)\s+\(?(?:19|20)\d{2}[EFP]?\)?)"
    r"\s*:\s*\W*$",
    re.IGNORECASE,
)
_PLACE_EARNED_RX = re.compile(
    # an opening frame may name the wider region first: "Within Asia Pacific, China alone accounted for"
    r"^\W*(?P<frame>(?:within|in|among|across|inside)\s+(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3},\s*)?"
    r"(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3}\s+(?:alone\s+)?(?:generated|was\s+worth|"
    r"was\s+valued\s+at|recorded|posted|totall?ed|accounted\s+for)\s+(?:revenues?\s+of\s+|sales\s+of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|approximately\s+)?$",
    re.IGNORECASE,
)
# the amount ends with its year and nothing that names another measure: "US$ 881.5 Mn in 2024 (80.4 %..."
_YEAR_THEN_END_RX = re.compile(r"\s*(?:in|for|during)\s+(?:19|20)\d{2}\b\s*(?:[,;.(]|and\b|$)", re.IGNORECASE)


def _place_earned(gov: str, s: str, m: MoneyMatch) -> bool:
    """ "Asia Pacific generated US$ 881.5 Mn in 2024": a place whose only verb is a revenue verb and whose
    amount is followed only by its year (not "in graphite exports")."""
    return _PLACE_EARNED_RX.match(gov) is not None and _YEAR_THEN_END_RX.match(s, m.end) is not None


def _place_market_predicate(gov: str, s: str, m: MoneyMatch) -> bool:
    """ "<Place> was a US$120mn market in 2024": the place is the subject and the amount sizes a bare
    "market" (not "a $5bn market for EV batteries", another product's)."""
    return _PLACE_IS_A_RX.match(gov) is not None and _BARE_MARKET_AFTER_RX.match(s, m.end) is not None


_PRODUCT_IS_A_RX = re.compile(
    r"^\W*(?:the\s+)?(?P<subj>[^,;:()\"“”]{1,80}?)\s+(?:(?:together|combined|alone)\s+)?(?:is|was|were|are|"
    r"will\s+be|would\s+be|remains|remained|became|has\s+become)\s+(?:already\s+|still\s+|now\s+)?(?:an?)\s+"
    r"(?:estimated\s+)?$",
    re.IGNORECASE,
)


def _product_market_predicate(ctx: Context, gov: str, s: str, m: MoneyMatch) -> bool:
    """ "Spherical graphite was a USD 3bn market in 2024": the subject names the report's product (every
    head word of its market) and the amount sizes a bare "market" right after it."""
    pm = _PRODUCT_IS_A_RX.match(gov)
    if pm is None or not ctx.market.head or _BARE_MARKET_AFTER_RX.match(s, m.end) is None:
        return False
    words = set(words_of(pm.group("subj")))
    return ctx.market.head <= words and not words & ctx.market.tail


def _usd(ctx: Context, m: MoneyMatch, equivalent_usd: dict[int, Decimal]) -> Decimal | None:
    """The amount in USD million: by the document's stated rate, else by the dollar equivalent beside it."""
    value = usd_million(m, ctx.rates)
    return value if value is not None else equivalent_usd.get(id(m))


def sentence_sizes(ctx: Context, s: str, ev: Evidence) -> list[Size]:
    """The sentence's amounts, each attributed (own or not) and bound to a year, scope and segment; the
    market's own become market sizes, the others statistics."""
    monies = find_money(s)
    first_clause_own = False
    first_clause_scope: tuple[Place | None, str | None] = (None, None)
    equivalent_usd: dict[int, Decimal] = {}  # id of an amount -> its stated dollar equivalent
    equivalents: dict[int, MoneyMatch] = {}
    if monies:
        rate_spans = exchange_rate_spans(s)
        monies = [m for m in monies if not any(a <= m.start < b for a, b in rate_spans)]
        pairs = usd_equivalents(s, monies)
        if pairs:
            # "5.9 billion yuan ($838 million)": one figure; its dollars stand in when no rate is stated
            equivalent_usd = {id(monies[i]): eq.value_million for i, eq in pairs.items()}
            equivalents = {id(monies[i]): eq for i, eq in pairs.items()}
            dropped = {id(eq) for eq in pairs.values()}
            monies = [m for m in monies if id(m) not in dropped]
    if not monies:
        return []
    years = bind_years(ctx, s, monies, equivalents)
    sizes: list[Size] = []
    for m, year in zip(monies, years, strict=True):
        cs, _, aside = governing(s, m.start)
        gov = s[cs : m.start] if not aside else s[clause_start(s, m.start) : m.start]
        ref = market_ref(ctx, gov)
        place, place_text = clause_scope(ctx, gov, None, s[:cs])
        later = later_subject_place(gov) if place is not None else None
        if later is not None:
            place, place_text = later.place, later.as_written
        subject = segment_subject(ctx, gov)
        segment = clause_segment(ctx, gov) or subject
        if ref is None and subject is not None and not _WHOLE_MARKET_AFTER_RX.match(s, m.end):
            # "Silicon-carbon composite anodes generated USD 171.9 million": a listed type of the market
            # (but "Natural graphite is a USD 20 billion market" is that product's whole market)
            ref = "own"
        if ref is None and cs > 0 and place is not None and first_clause_own:
            ref = "own"  # "..., while China is forecast to reach $4200 million"
        if ref is None and cs > 0 and place is None and first_clause_own and _IT_RX.search(gov):
            ref = "own"  # "..., but domestic cell plants could lift it to INR 7,400 crore by 2031"
            place, place_text = first_clause_scope
        if ref is None and year is not None and _place_earned(gov, s, m):
            frame = _PLACE_EARNED_RX.match(gov)
            subj = subject_places(gov[frame.end("frame") if frame and frame.group("frame") else 0 :])
            if subj and subj[0].place.kind != "global":
                ref = "own"  # "Asia Pacific generated US$ 881.5 Mn in 2024."
                place, place_text = subj[0].place, subj[0].as_written
        if (
            ref is None
            and _YEAR_LABEL_RX.match(gov)
            and not s[m.end :].strip(" .*")
            and not (ctx.last_foreign_no is not None and ctx.last_foreign_no >= ctx.sentence_no - 1)
        ):
            ref = "own"  # a key-numbers line: "2031 forecast: US$ 512.0 Mn"
        if ref is None and _place_market_predicate(gov, s, m):
            subj = subject_places(gov)
            if subj and subj[0].place.kind != "global":
                ref = "own"  # "North America was a US$120mn market in 2024"
                place, place_text = subj[0].place, subj[0].as_written
        if ref is None and _product_market_predicate(ctx, gov, s, m):
            ref = "own"  # "Spherical graphite was a USD 3bn market in 2024"
            segment = None
        if ref is None and continues_market(ctx, gov):
            ref = "own"  # "North America is expected to reach ..." in a passage about the market
        whole_size = next((x for x in reversed(sizes) if x.own), None)
        ow = _OF_WHICH_RX.search(gov) if whole_size is not None else None
        if ow is not None and whole_size is not None:
            # "Europe was worth €410 m in 2024, of which Germany alone €150 m": a part of the amount before
            part = find_places(gov[ow.start() :])
            if part and part[0].place.kind != "global":
                ref = "own"
                place, place_text = part[0].place, part[0].as_written
                segment = None
                year = year if year is not None else whole_size.year
        if ctx.line_label is not None and not s[ctx.line_label[2] : m.start].strip():
            ref = "own"  # "CMC: €0.58 bn in 2024"
            place = ctx.line_label[1]
            place_text = ctx.line_label[0] if place is not None else None
            segment = None if place is not None else ctx.line_label[0]
            year = year if year is not None else ctx.line_year
        # "Pinecrest projects US$ 27.7 billion": a verb right before the amount, not a noun of investment
        before = _PROJECTS_VERB_RX.sub("", s[max(cs, m.start - 70) : m.start])
        local = before + " " + s[m.end : m.end + 25]
        negative = bool(_NEGATIVE_MONEY.search(local)) or bool(_NEGATIVE_MONEY.search(before[-60:]))
        own = (
            ref == "own"
            and not negative
            and m.per_unit is None
            and m.plausible
            and not aside
            and m.high_million is None
            and abs(m.value_million) >= _MIN_SIZE
        )
        if own and cs == 0:
            first_clause_own = True
            first_clause_scope = (place, place_text)
        sizes.append(Size(m, year, place, place_text, segment, own))
    for sz in sizes:
        if not sz.own:
            ctx.stats.append(
                Statistic(evidence=(ev,), label=figure_label(s, sz.money.start), value_text=sz.money.as_written)
            )
            continue
        prev_end = max((x.money.end for x in sizes if x.money.end <= sz.money.start), default=0)
        clause = s[max(prev_end, clause_start(s, sz.money.start)) : sz.money.end + 12]
        if sz.year is None and FORECAST_CUE.search(clause):
            forecast_years = [x.year for x in sizes if x.year is not None and x.year > (ctx.base_year or 0)]
            sz.year = forecast_years[-1] if forecast_years else context_target(ctx)
            sz.status = "forecast"
        if sz.year is None:
            ctx.stats.append(
                Statistic(evidence=(ev,), label=figure_label(s, sz.money.start), value_text=sz.money.as_written)
            )
            sz.own = False
            continue
        status = sz.status or year_status(ctx, sz.year, clause)
        sz.status = status
        if status == "forecast":
            ctx.recent_targets.append((ctx.sentence_no, sz.year))
        ctx.sizes.append(
            MarketSize(
                evidence=(ev,),
                scope=sz.place.name if sz.place else "Global",
                scope_as_written=sz.place_text,
                segment=sz.segment,
                year=sz.year,
                value_usd_million=_usd(ctx, sz.money, equivalent_usd),
                status=status,
                value_text=sz.money.as_written,
                currency=sz.money.currency,
                value_million=sz.money.value_million,
            )
        )
    return sizes


_WHOLE_MARKET_AFTER_RX = re.compile(r"\s*(?:global\s+|worldwide\s+)?(?:markets?|industry|industries|business)\b", re.I)
# "it" as an object that a figure follows ("could lift it to", "expected it to reach", "valued it at")
_IT_RX = re.compile(r"\b[a-z]\w*\s+it\s+(?:to|at|by|beyond|past|above|over)\b", re.IGNORECASE)


_MIN_SIZE = Decimal("0.01")  # below USD 10 000 an amount is a price or a count, not a market
