"""Market sizes in sentences: which amounts of a sentence are the market's, and the facts they become.

An amount is a market size when its governing clause refers to the market (:mod:`figure_attribution`) or
the sentence shapes make it the market's own: a listed product type as the whole subject ("Silicon-carbon
composite anodes generated USD 171.9 million"), a place whose only verb is a revenue verb ("Asia Pacific
generated US$ 702.3 Mn in 2024"), "<Place> was a US$45mn market", a key-numbers line ("2031 forecast:
US$ 75.0 Mn"), a part of the amount before ("..., of which France alone €130 m"), a later clause of a
sentence whose first clause was the market's, or a breakdown line's label ("PVA: €0.49 bn in 2023").
Money near investment/budget/price words ("invest", "funding", "allocated", "add", "costs", "per ton"...)
is never a market size; nor a per-unit price, a range, an implausible or a tiny amount, or one in an
aside. Every other amount is a statistic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.figure_attribution import continues_market, market_ref
from kg.extract.figure_clauses import clause_start, figure_label, governing
from kg.extract.figure_context import Context
from kg.extract.figure_listed import listed_segment
from kg.extract.figure_scope import clause_scope, clause_segment, later_subject_place, segment_subject, subject_places
from kg.extract.figure_words import GENERIC_MODIFIERS, words_of
from kg.extract.figure_years import FORECAST_CUE, bind_years, context_target, year_status
from kg.extract.geo import Place, find_places, lookup_place
from kg.extract.money import MoneyMatch, decimal_comma, exchange_rate_spans, find_money, usd_equivalents, usd_million
from kg.models import Evidence, MarketSize, Share, Statistic, Status

__all__ = ["Size", "sentence_sizes", "share_part_size"]


# the market as the object right before its amount: "... lift the market to", "values the market at"
# ("Acme Research puts the global widget market at": its name's "Research" is no research spending)
_MARKET_OBJECT_RX = re.compile(
    r"\bthe\s+(?:[\w\-]+\s+){0,5}?market\s+(?:to|at)\s+(?:(?:about|around|roughly|some)\s+)?$", re.IGNORECASE
)
_NEGATIVE_MONEY = re.compile(
    r"\b(?:invest\w*|fund\w*|financ\w*|allocat\w*|dedicat\w*|commit\w*|budget\w*|grants?|subsid\w*|loans?|"
    r"spend\w*|spent|capex|capital\s+expenditure|costs?|costing|price[sd]?|pricing|add|adds|adding|added|"
    r"acqui\w*|deals?|contracts?|raise[sd]?|raising|orders?|award\w*|incentives?|tax\w*|savings?|sav(?:e|es|ed)|"
    r"loss\w*|penalt\w*|fines?|r&d|research|budgets?|valuation\s+of\s+the\s+company|backing|pledg\w*|"
    r"announced|earmark\w*|programs?|programmes?|initiatives?|projects?|profits?|earnings|"
    r"sales\s+of\s+(?:electric|ev))\b",
    re.IGNORECASE,
)


_PROJECTS_VERB_RX = re.compile(
    r"\bprojects\s+(?:(?:about|around|roughly|some)\s+)?$"
    # "Halcyra projects the market to hit US$ 3.7 bn": the verb with its object and infinitive
    r"|\bprojects(?=\s+(?:the|this|its|it)\b[^.;$€£¥]{0,60}?\bto\s+(?:reach|hit|touch|exceed|surpass|total|be|top|"
    r"climb|rise|grow|stand)\b)",
    re.IGNORECASE,
)


_OF_WHICH_RX = re.compile(
    r"\bof\s+which\s+(?:[\w.&\-]+\s+){1,4}(?:alone\s+|only\s+)?(?:(?:accounted\s+for|was|is|made\s+up|represented|contributed)\s+)?$",
    re.IGNORECASE,
)


# "Europe — 24 % (~US$ 15.7 Mn)": the line's share, then its amount in brackets
_LINE_SHARE_THEN_RX = re.compile(
    r"^\s*\d{1,3}(?:[.,]\d+)?\s*%(?:\s+share)?\s*\(\s*(?:(?:~|about|around|approx\.?|c\.|roughly)\s*)?$", re.IGNORECASE
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
    usd: Decimal | None = None  # the amount in USD million (by a stated rate or the equivalent beside it)


_PLACE_IS_A_RX = re.compile(
    r"^\W*(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3}\s+(?:is|was|will\s+be|would\s+be|remains|"
    r"remained|became|has\s+become)\s+(?:already\s+|still\s+|now\s+)?(?:an?|the)\s+(?:estimated\s+)?$",
    re.IGNORECASE,
)
_BARE_MARKET_AFTER_RX = re.compile(r"\s*(?:-\s*)?markets?\b(?!\s+(?:for|of)\b)", re.IGNORECASE)


_YEAR_LABEL_RX = re.compile(
    r"^\W*(?:(?:19|20)\d{2}[EFP]?\s+(?:forecast|estimate|projection|outlook|market\s+size|market\s+value|value|size)"
    # or the label before the year: "Forecast 2031: US$ 6.12 bn", "Estimate (2025): ..."
    r"|(?:forecast|estimate|projection|outlook)\s+\(?(?:19|20)\d{2}[EFP]?\)?)"
    r"\s*:\s*\W*$",
    re.IGNORECASE,
)
_PLACE_EARNED_RX = re.compile(
    # an opening frame may name the wider region first: "Within Europe, Germany alone accounted for"
    r"^\W*(?P<frame>(?:within|in|among|across|inside)\s+(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3},\s*)?"
    r"(?:the\s+)?(?-i:[A-Z])[\w\-]*(?:\s+(?-i:[A-Z])[\w\-]*){0,3}\s+(?:alone\s+)?(?:generated|was\s+worth|"
    r"was\s+valued\s+at|recorded|posted|totall?ed|accounted\s+for|represented|contributed|reached|"
    r"stood\s+at|amounted\s+to)\s+"
    r"(?:revenues?\s+of\s+|sales\s+of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|approximately\s+)?$",
    re.IGNORECASE,
)
# the amount ends with its year and nothing that names another measure: "US$ 702.3 Mn in 2024 (76.9 %..."
_YEAR_THEN_END_RX = re.compile(r"\s*(?:in|for|during)\s+(?:19|20)\d{2}\b\s*(?:[,;.(]|and\b|$)", re.IGNORECASE)


# or by the market's own measure and its year: "USD 7.41 billion of widget anode revenue in 2025",
# "USD 2.48 billion of 2024 revenue", "generated $612.4 Mn in revenue in 2024"
_OWN_MEASURE_AFTER_RX = re.compile(
    r"\s*(?:of|in)\s+(?:the\s+|its\s+)?(?P<y1>(?:19|20)\d{2}\s+)?(?P<np>(?:[A-Za-z][\w\-]*\s+){0,5}?)"
    r"(?:revenues?|sales|value|turnover)(?P<y2>\s+(?:in|for|during)\s+(?:19|20)\d{2})?\b\s*(?:[,;.(]|and\b|$)",
    re.IGNORECASE,
)


def _place_earned(ctx: Context, gov: str, s: str, m: MoneyMatch) -> bool:
    """ "Asia Pacific generated US$ 702.3 Mn in 2024": a place whose only verb is a revenue verb and whose
    amount is followed only by its year (not "in graphite exports") or the market's measure and year."""
    if _PLACE_EARNED_RX.match(gov) is None:
        return False
    if _YEAR_THEN_END_RX.match(s, m.end) is not None:
        return True
    own = _OWN_MEASURE_AFTER_RX.match(s, m.end)
    return own is not None and _own_measure_year(ctx, own) is not None


def _own_measure_year(ctx: Context, own: re.Match[str] | None) -> int | None:
    """The year of "of 2024 revenue" / "of widget anode revenue in 2025" when the measure is
    the market's own (no other product's words)."""
    if own is None or not all(w in ctx.market.words or w in GENERIC_MODIFIERS for w in words_of(own.group("np"))):
        return None
    year = re.search(r"(?:19|20)\d{2}", own.group("y1") or own.group("y2") or "")
    return int(year.group()) if year else None


# a run-in label before the sentence proper: "Asia-Pacific: Asia-Pacific accounted for ..."
_RUN_IN_RX = re.compile(r"^\W*(?-i:[A-Z])[^\d:.;!?$€£¥%]{0,40}:\s+(?=(?-i:[A-Z]))")


def _place_market_predicate(gov: str, s: str, m: MoneyMatch) -> bool:
    """ "<Place> was a US$45mn market in 2024": the place is the subject and the amount sizes a bare
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
    monies = find_money(s, decimal_comma(ctx.doc.text))  # "USD 1,105 Mrd." in a document of "4,3 %"
    first_clause_own = False
    first_clause_scope: tuple[Place | None, str | None] = (None, None)
    equivalent_usd: dict[int, Decimal] = {}  # id of an amount -> its stated dollar equivalent
    equivalents: dict[int, MoneyMatch] = {}
    if monies:
        rate_spans = exchange_rate_spans(s)
        monies = [m for m in monies if not any(a <= m.start < b for a, b in rate_spans)]
        pairs = usd_equivalents(s, monies)
        if pairs:
            # "4.8 billion yuan ($676 million)": one figure; its dollars stand in when no rate is stated
            equivalent_usd = {id(monies[i]): eq.value_million for i, eq in pairs.items()}
            equivalents = {id(monies[i]): eq for i, eq in pairs.items()}
            dropped = {id(eq) for eq in pairs.values()}
            monies = [m for m in monies if id(m) not in dropped]
    if not monies:
        return []
    years = bind_years(ctx, s, monies, equivalents)
    # "USD 7.41 billion of widget anode revenue in 2025": the year after the market's measure
    years = [
        y if y is not None else _own_measure_year(ctx, _OWN_MEASURE_AFTER_RX.match(s, m.end))
        for m, y in zip(monies, years, strict=True)
    ]
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
        if cs > 0 and place is None and first_clause_own and _IT_RX.search(gov) and ref in (None, "own"):
            ref = "own"  # "..., but domestic cell plants could lift it to INR 7,400 crore by 2031"
            place, place_text = first_clause_scope  # (also when "it" alone made it the market's: "we model it at")
        run_in = _RUN_IN_RX.match(gov)
        body = gov[run_in.end() :] if run_in else gov  # the clause without a run-in label
        if ref is None and year is not None and _place_earned(ctx, body, s, m):
            frame = _PLACE_EARNED_RX.match(body)
            subj = subject_places(body[frame.end("frame") if frame and frame.group("frame") else 0 :])
            if subj and subj[0].place.kind != "global":
                ref = "own"  # "Asia Pacific generated US$ 702.3 Mn in 2024."
                place, place_text = subj[0].place, subj[0].as_written
        if (
            ref is None
            and _YEAR_LABEL_RX.match(gov)
            and not s[m.end :].strip(" .*")
            and not (ctx.last_foreign_no is not None and ctx.last_foreign_no >= ctx.sentence_no - 1)
        ):
            ref = "own"  # a key-numbers line: "2031 forecast: US$ 75.0 Mn"
        if ref is None and _place_market_predicate(body, s, m):
            subj = subject_places(body)
            if subj and subj[0].place.kind != "global":
                ref = "own"  # "Canada was a US$45mn market in 2024"
                place, place_text = subj[0].place, subj[0].as_written
        if ref is None and _product_market_predicate(ctx, gov, s, m):
            ref = "own"  # "Spherical graphite was a USD 3bn market in 2024"
            segment = None
        prior = next((x for x in reversed(sizes) if x.own), None)
        if ref is None and prior is not None and _SAME_SUBJECT_NEXT_RX.fullmatch(s, prior.money.end, m.start):
            # "North America reached USD 128 million in 2024 and should reach USD 1,150 million in 2034": the
            # same subject's later amount, its subject left out
            ref = "own"
            place, place_text, segment = prior.place, prior.place_text, prior.segment
        gap = _gapped_part(ctx, s, prior, m) if ref is None and prior is not None else None
        if gap is not None and prior is not None:
            # "Asia-Pacific accounted for USD 2.48 bn of 2024 revenue, Europe for USD 157 million": a
            # part whose verb is the first clause's, left out
            ref = "own"
            place, place_text, segment = gap
            year = year if year is not None else prior.year
        if ref is None and continues_market(ctx, gov):
            ref = "own"  # "North America is expected to reach ..." in a passage about the market
        whole_size = next((x for x in reversed(sizes) if x.own), None)
        ow = _OF_WHICH_RX.search(gov) if whole_size is not None else None
        if ow is not None and whole_size is not None:
            # "Europe was worth €365 m in 2023, of which France alone €130 m": a part of the amount before
            part = find_places(gov[ow.start() :])
            if part and part[0].place.kind != "global":
                ref = "own"
                place, place_text = part[0].place, part[0].as_written
                segment = None
                year = year if year is not None else whole_size.year
        if ctx.line_label is not None and (
            not s[ctx.line_label[2] : m.start].strip() or _LINE_SHARE_THEN_RX.match(s[ctx.line_label[2] : m.start])
        ):
            ref = "own"  # "PVA: €0.49 bn in 2023"
            place = ctx.line_label[1]
            place_text = ctx.line_label[0] if place is not None else None
            segment = None if place is not None else ctx.line_label[0]
            year = year if year is not None else ctx.line_year
            aside = False  # "Asia Pacific — USD 219.6 Mn (2024)": the dash is the label's, no aside
        # "Thornvale projects US$ 21.1 billion": a verb right before the amount, not a noun of investment
        before = _PROJECTS_VERB_RX.sub("", s[max(cs, m.start - 70) : m.start])
        if (obj := _MARKET_OBJECT_RX.search(before)) is not None:
            before = before[obj.start() :]  # "a price recovery lifts the market to US$ 18.6bn": the market's amount
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
        sizes.append(Size(m, year, place, place_text, segment, own, usd=_usd(ctx, m, equivalent_usd)))
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
                value_usd_million=sz.usd,
                status=status,
                value_text=sz.money.as_written,
                currency=sz.money.currency,
                value_million=sz.money.value_million,
            )
        )
    return sizes


# the preposition that takes the amount after a verb that was left out of the next clause ("accounted for",
# "stood at", "was valued at")
_GAP_PREP_RX = re.compile(
    r"\b(?P<prep>for|at)\s+(?:(?:about|around|roughly|nearly|approximately|some|an\s+estimated)\s+)?$", re.IGNORECASE
)
_GAP_RX = re.compile(
    # the rest of the first part (no verb, no figure but a year: "of 2024 revenue"), then ", <Part> for "
    r"^(?P<rest>(?:[^\d,;:()]|(?:19|20)\d\d){0,40}?)(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?P<part>(?-i:[A-Z])[\w&\-]*(?:\s+[\w&\-]+){0,3}?)\s+(?:alone\s+)?(?P<prep>for|at)\s+"
    r"(?:(?:about|around|roughly|nearly|approximately|some|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_GAP_REST_VERB_RX = re.compile(
    r"\b(?:is|are|was|were|will|would|has|have|had|be|been|accounted|stood|valued|reached|grew|rose|fell)\b", re.I
)


# the amount's year, then a second verb of the same subject: " in 2024 and should reach ", " in 2024, rising to "
_SAME_SUBJECT_NEXT_RX = re.compile(
    r"\s+(?:in|for)\s+(?:FY|CY)?(?:19|20)\d{2}[AEFP]?\s*,?\s*(?:and\s+)?(?:(?:is|are)\s+(?:expected|forecast|"
    r"projected|set|poised|anticipated)\s+to|should|will|could|may|would)\s+(?:reach|hit|exceed|top|surpass|"
    r"(?:grow|rise|climb|increase|expand)\s+to)\s+(?:(?:about|around|roughly|nearly|some|approximately)\s+)?",
    re.IGNORECASE,
)
_Part = tuple[Place | None, str | None, str | None]  # (place, as written, segment)


def _gapped_part(ctx: Context, s: str, prior: Size, m: MoneyMatch) -> _Part | None:
    """(place, as written, segment) of a part that shares the verb of the market's amount before it: "X
    accounted for A, Y for B and Z for C"; Y and Z must each be a whole place or listed segment."""
    before = _GAP_PREP_RX.search(s, 0, prior.money.start)
    g = _GAP_RX.match(s[prior.money.end : m.start])
    if before is None or g is None or g.group("prep").lower() != before.group("prep").lower():
        return None
    if _GAP_REST_VERB_RX.search(g.group("rest")):
        return None
    part = g.group("part")
    found = find_places(part)
    if found and found[0].start == 0 and found[0].end == len(part) and found[0].place.kind != "global":
        if prior.place is None:
            return None  # the first part was a segment (or the whole market): a place is no sibling of it
        return found[0].place, found[0].as_written, None
    hit = listed_segment(ctx, words_of(part))
    if hit is not None and hit[2] == len(words_of(part)) and prior.segment is not None and prior.place is None:
        return None, None, hit[0]
    return None


_WHOLE_MARKET_AFTER_RX = re.compile(r"\s*(?:global\s+|worldwide\s+)?(?:markets?|industry|industries|business)\b", re.I)
# "it" as an object that a figure follows ("could lift it to", "expected it to reach", "valued it at")
_IT_RX = re.compile(r"\b[a-z]\w*\s+it\s+(?:to|at|by|beyond|past|above|over)\b", re.IGNORECASE)


_MIN_SIZE = Decimal("0.01")  # below USD 10 000 an amount is a price or a count, not a market


# "69% of 2024 value, or US$ 2.0 billion", "47% of demand, equivalent to roughly $676 million",
# "34.5% of the 2024 market ($101.6 million)": a share of the market and, in apposition, its amount
_SHARE_THEN_AMOUNT_RX = re.compile(
    r"(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+of\s+(?P<basis>[^,;()\[\]%$€£¥]{1,60}?)"
    r"\s*(?:,\s*or|,?\s*(?:equivalent|corresponding|amounting)\s+to|,\s*i\.e\.|,?\s*\(|\s[—–]\s*)\s*"
    r"(?:(?:about|around|roughly|approximately|approx\.|some|nearly|an\s+estimated|c\.|~)\s*)?$",
    re.IGNORECASE,
)
_TOTAL_WORDS = frozenset(
    {"market", "revenue", "value", "sale", "demand", "consumption", "turnover", "total", "in", "year", "spending"}
)


def share_part_size(ctx: Context, s: str, sz: Size, ev: Evidence, shares: Sequence[Share]) -> bool:
    """The amount in apposition to a share of the market is the share holder's size, when the holder is a
    place or a listed segment and the basis is the market's own total ("of 2024 revenue", "of widget
    anode demand in 2024"), not another product's. Replaces the statistic (or the whole market's size) the
    amount was kept as."""
    m = _SHARE_THEN_AMOUNT_RX.search(s, max(0, sz.money.start - 120), sz.money.start)
    if m is None or sz.money.per_unit is not None or sz.money.high_million is not None:
        return False
    if not sz.money.plausible or abs(sz.money.value_million) < _MIN_SIZE:
        return False
    basis = [w for w in words_of(m.group("basis")) if not re.fullmatch(r"(?:19|20)\d\d", w)]
    if not basis or not all(w in _TOTAL_WORDS or w in ctx.market.words or w in GENERIC_MODIFIERS for w in basis):
        return False
    pct = m.group("pct").replace(",", ".")
    share = next((x for x in shares if x.share_percent == Decimal(pct)), None)  # this sentence's shares
    if share is None:
        return False
    place: Place | None = None
    segment: str | None = None
    if share.holder_kind == "region":
        place = lookup_place(share.holder)
        if place is None or place.kind == "global":
            return False
    elif share.holder_kind in ("segment", "application"):
        hit = listed_segment(ctx, words_of(share.holder))
        if hit is None:
            return False
        segment = hit[0]
    else:
        return False
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", m.group("basis"))]
    year = share.year or (years[0] if years else None) or sz.year
    if year is None:
        return False
    # the amount was kept as a statistic, or read as the whole market's ("Coated anode made up 69% of 2024
    # value, or ..." names the market's words): the holder's it is
    kept: list[Statistic] | list[MarketSize] = ctx.sizes if sz.own else ctx.stats
    for i in range(len(kept) - 1, -1, -1):
        if kept[i].evidence == (ev,) and kept[i].value_text == sz.money.as_written:
            del kept[i]
            break
    ctx.sizes.append(
        MarketSize(
            evidence=(ev,),
            scope=place.name if place else "Global",
            scope_as_written=share.holder if place else None,
            segment=segment,
            year=year,
            value_usd_million=sz.usd,
            status=year_status(ctx, year, s[m.start() : sz.money.end]),
            value_text=sz.money.as_written,
            currency=sz.money.currency,
            value_million=sz.money.value_million,
        )
    )
    return True
