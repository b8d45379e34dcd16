"""Growth rates (CAGR) in sentences: whose rate it is, its scope, and the period it spans.

A rate is the market's when its clause refers to the market, names a listed segment, follows one of the
market's amounts in the same clause (", a CAGR of 16.8%": that amount's rate, with its scope), shares an
elided subject with it ("... and is set to grow at 21.0% a year"), continues a passage about the market, or
stands on a label line ("CAGR 6.3%") not right under another market's name (a related-reports list).
Rates worded without "CAGR" ("expand at 12.3% per year") need a subject that is the market's; a rate in
a relative clause about another noun ("EV sales, which are growing 30% a year") is that noun's; "... and
Europe at 21.1%" adds the elided second scope. Period: an explicit span ("2025-2032", "from 2025 to
2032"); "through 2032" -> the forecast start to 2032; "during the forecast period" -> the sentence's own
value years when they end elsewhere than the report's forecast (a second edition: values 2022 and 2029 ->
2023-2029), else the report's forecast period; "in next six years" -> six years back from the year the
sentence targets, else from the base year; no period words -> the span of the sentence's value years, or
on a label or breakdown line ("Asia-Pacific CAGR: 8.4%", "Europe — USD 58 Mn in 2024, CAGR 7.3%") the
report's forecast period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from kg.extract.figure_attribution import continues_market, market_ref, run_in_place_subject
from kg.extract.figure_clauses import CLAUSE_BOUNDARY, clause_start, figure_label, governing
from kg.extract.figure_context import Context
from kg.extract.figure_listed import listed_segment
from kg.extract.figure_scope import clause_scope, clause_segment, later_subject_place, segment_subject, subject_places
from kg.extract.figure_sizes import Size
from kg.extract.figure_words import is_place_word, norm_word, words_of
from kg.extract.geo import find_places, lookup_place
from kg.extract.rates import CagrMatch
from kg.models import Evidence, GrowthRate, Statistic

__all__ = ["elliptical_rate", "read_cagr"]


# a short label before the rate; its words may be joined by a hyphen or "&" ("Asia-Pacific CAGR: 8.4%")
_LABEL_LINE_RX = re.compile(r"^[\W\d_]*(?:[A-Za-z](?:[\w ]|(?<=\w)-(?=\w)|(?<= )&(?= )){0,20})?[\s:|–—-]*$")


def read_cagr(
    ctx: Context,
    s: str,
    c: CagrMatch,
    ev: Evidence,
    own_years: list[int],
    own_sizes: Sequence[Size] = (),
) -> None:
    cs, _, aside = governing(s, c.start)
    cs = _subjectless_join(s, cs, c.start)
    gov = s[cs : c.start]
    # a bare "CAGR 5.8% (2026-2031)" line is a snapshot of the market, unless the line just before named
    # another market (a related-reports list: "Pitch Binder Market" / "CAGR 5.8% (2026-2031)")
    label_line = (
        c.explicit  # "CAGR 6.3%" on a label line; "Sales grew 8% a year" needs a subject that is the market
        and bool(_LABEL_LINE_RX.match(gov))
        and len(s) < 160
        and not (ctx.last_foreign_no is not None and ctx.last_foreign_no >= ctx.sentence_no - 1)
        and not _other_product_label(ctx, gov)
    )
    if aside:
        # the aside is about what precedes it: use the text before the opening dash/bracket
        cut = max(gov.rfind("—"), gov.rfind("("), gov.rfind(" – "), gov.rfind(" - "))
        gov = gov[:cut] if cut >= 0 else gov
    ref = market_ref(ctx, gov)
    rel = _RELATIVE_END_RX.search(gov)
    if rel is not None and not _own_antecedent(ctx, rel.group("ante")):
        ref = None  # "The market is driven by EV sales, which are growing 30% a year": the sales' rate
    # a rate worded as its own verb ("China grows at 3.9% a year") has its subject's verb inside the match
    with_verb = gov + s[c.start : c.end] if _VERB_FIRST_RX.match(c.as_written) else gov
    segment = clause_segment(ctx, gov) or segment_subject(ctx, with_verb)
    if ref is None and segment is not None:
        ref = "own"  # "Carbon nanotubes (CNTs) are the fastest-growing product, with a CAGR of 14.8%"
    governing_size = next(
        (x for x in reversed(own_sizes) if cs <= x.money.start < c.start),
        None,
    )
    if ref is None and governing_size is not None:
        # "..., reaching USD 1,210 mn by 2032, a CAGR of 16.8%": the rate of the amount it follows
        ref = "own"
    # (a "market" word before it, e.g. "a US$45mn market", was the own amount's noun, so any reference)
    elided = _ELIDED_SUBJECT_RX.search(s, cs, c.start) if ref != "own" and own_sizes else None
    if elided is not None and any(x.money.end <= elided.start() for x in own_sizes):
        # "Canada was a US$45mn market in 2024 and will expand 21.0% a year": the subject of the
        # first clause, whose amount was the market's
        ref = "own"
        governing_size = governing_size or [x for x in own_sizes if x.money.end <= elided.start()][-1]
    run_in = _RUN_IN_RX.match(with_verb)
    if ref is None and (
        continues_market(ctx, with_verb) or (run_in is not None and continues_market(ctx, with_verb[run_in.end() :]))
    ):
        ref = "own"  # also after a run-in label: "Oceania: Oceania is expected to post a CAGR"
    if ref is None and c.explicit and run_in_place_subject(ctx, gov):
        ref = "own"  # "Europe. Europe is expected to grow at a CAGR of 26.3%": the region's paragraph
    if ref is None and ctx.prev_own and _BARE_RATE_SUBJECT_RX.match(gov) and _RATE_NOUN_RX.match(c.as_written):
        ref = "own"  # "The implied growth rate is 4.3% a year" right after the market's amounts
    label_owner = (
        (ref is None or (label_line and segment is None and not subject_places(gov)))
        and ctx.line_label is not None
        and c.start >= ctx.line_label[2]
    )
    if label_owner and ctx.line_label is not None:
        # "Vietnam: the fastest-growing country, 17.8% p.a. to 2031": the rate of the breakdown line's label
        ref = "own"
        if ctx.line_label[1] is None:
            segment = ctx.line_label[0]
    if segment is None and ref == "own" and ctx.prev_segment is not None and _IT_SUBJECT_RX.match(gov):
        segment = ctx.prev_segment  # "Coated grades were worth $2.3bn. We expect it to grow at 10.6% a year"
    if segment is None and governing_size is not None and governing_size.segment is not None and ref == "own":
        segment = governing_size.segment  # "Others: €0.15 bn in 2023, the fastest-growing type, with a CAGR of 12.7%"
    label_place = lookup_place(c.label) if c.label else None
    if not c.plausible or c.high_percent is not None or (ref != "own" and not label_line):
        ctx.stats.append(Statistic(evidence=(ev,), label=figure_label(s, c.start), value_text=c.as_written))
        return
    place, place_text = clause_scope(ctx, gov, c.label if label_place else None, s[:cs])
    later = later_subject_place(gov) if place is not None and not label_place else None
    if later is not None:
        place, place_text = later.place, later.as_written
        governing_size = None
    if label_owner and ctx.line_label is not None and ctx.line_label[1] is not None:
        place, place_text = ctx.line_label[1], ctx.line_label[0]
    if place is None and governing_size is not None and governing_size.place is not None and not label_place:
        place, place_text = governing_size.place, governing_size.place_text
    start, end = _resolve_period(ctx, c, own_years)
    on_line = ctx.line_label is not None and c.start >= ctx.line_label[2]
    on_line_rate = label_line or label_owner or (on_line and ref == "own")
    if on_line_rate and start is None and end is None and ctx.meta.forecast_period:
        # a label line's or breakdown line's rate is over the report's forecast, also after the line's own
        # amount ("Latin America — USD 12.5 Mn in 2024, CAGR 7.3%", "Asia-Pacific CAGR: 8.4%")
        start, end = ctx.meta.forecast_period
    ctx.growth.append(
        GrowthRate(
            evidence=(ev,),
            scope=place.name if place else "Global",
            scope_as_written=place_text,
            segment=segment,
            cagr_percent=c.percent,
            start_year=start,
            end_year=end,
            value_text=c.as_written,
        )
    )


# a run-in label that opens a paragraph ("North America: ..."): short, no figure, ends in a colon
_RUN_IN_RX = re.compile(r"^\s*[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,4}\s*:\s+(?=\S)")


# a clause with no subject of its own: "..., but is forecast to grow 27.8% a year", "..., but the fastest-growing"
_SUBJECTLESS_RX = re.compile(
    r"\s*(?:(?:is|are|was|were|will|would|should|could|may|might|has|have|had|remains?|continues?)\b|"
    r"(?:also\s+)?(?:the|its)\s+(?:fastest|quickest)[\s\-]growing\b)",
    re.IGNORECASE,
)
# "it" as the clause's subject or the object of a short opening clause ("We expect it to outpace ...")
_IT_SUBJECT_RX = re.compile(r"^\W*(?:(?:[A-Za-z]+\s+){1,3})?it\b(?!['’]s)", re.IGNORECASE)


def _subjectless_join(s: str, cs: int, pos: int) -> int:
    """The clause start for a figure whose clause has no subject of its own ("Europe is much smaller ... but
    is forecast to grow"): the clause before it, whose subject it shares."""
    # (the match may run on into the rate: "..., but the fastest-growing at 22.5% a year" starts at "growing")
    if cs == 0 or cs >= pos or not _SUBJECTLESS_RX.match(s, cs):
        return cs
    bounds = [m for m in CLAUSE_BOUNDARY.finditer(s, 0, cs) if m.end() == cs]
    if not bounds or bounds[-1].group().strip() == ";":
        return cs
    return clause_start(s, bounds[-1].start())


_VERB_FIRST_RX = re.compile(r"(?:grow|grew|expand|rise|rose|increas|climb|advanc)", re.IGNORECASE)
# a rate that is its own subject: "The implied growth rate is", "Annual growth averages"
_BARE_RATE_SUBJECT_RX = re.compile(
    r"^\W*(?:(?:the|this|that|its|an?)\s+)?(?:(?:implied|resulting|underlying|average|annual|compound|overall)\s+)*$",
    re.IGNORECASE,
)
_RATE_NOUN_RX = re.compile(
    r"(?:annual\s+|compound\s+)*growth(?:\s+rate)?\s+(?:is|was|of|averages|comes)\b", re.IGNORECASE
)


_DASH_LABEL_RX = re.compile(r"^\W*(?P<label>[A-Za-z][\w ]*?)\s*[–—-]\s*$")


def _other_product_label(ctx: Context, gov: str) -> bool:
    """ "Kiln Felt Binder — CAGR 2.9%" (a list of other reports): a name of two or more words before
    the dash that is neither a place, a listed segment nor made of the market's words names another
    product, so the line is no snapshot of the report's market."""
    m = _DASH_LABEL_RX.match(gov)
    if m is None:
        return False
    label = m.group("label")
    words = words_of(label)
    if len(words) < 2 or lookup_place(label) is not None or listed_segment(ctx, words) is not None:
        return False
    if re.search(r"(?i)\b(?:cagr|growth|forecast|market|revenue|value|total|overall|global)\b", label):
        return False
    return not {norm_word(w) for w in words} & ctx.market.words


# a coordinated clause with no subject of its own: "... and should grow at", "... but is expected to grow"
_ELIDED_SUBJECT_RX = re.compile(
    r"\b(?:and|but)\s+(?:is|are|was|were|should|will|would|could|may|might|can|has|have|had|grows?|expands?)\b"
    r"[^,;]*$",
    re.IGNORECASE,
)


# a relative clause that a rate ends: "driven by EV sales, which are growing"
_RELATIVE_END_RX = re.compile(
    r"(?P<ante>[A-Za-z][\w\-]*)\s*,?\s+(?:which|who|that)\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE
)


def _own_antecedent(ctx: Context, word: str) -> bool:
    """Is the noun a relative clause describes the market, its product, one of its places or segments?"""
    w = norm_word(word)
    return w in {"market", "industry", "sector", "segment", "region", "country"} or w in ctx.market.words or (
        is_place_word(w)
    )


# "Oceania is forecast to grow at 14.5% a year between 2026 and 2033 and Europe at 12.8%": a second
# scope whose verb and period are elided
_ELLIPTICAL_RATE_RX = re.compile(
    r"[^;%]{0,60}?,?\s+(?:and|while|whereas)\s+(?P<holder>(?:the\s+)?(?-i:[A-Z])[\w&.\-]*"
    r"(?:\s+(?:(?-i:[A-Z])[\w&.\-]*|&|of|the)){0,4}?)\s+(?:at|with|on)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)(?!\s*(?:of|share|market\s+share)\b)",
    re.IGNORECASE,
)


def elliptical_rate(ctx: Context, s: str, c: CagrMatch, cagrs: Sequence[CagrMatch]) -> None:
    """The elided second rate after one of the market's growth rates, for a place (the period is shared)."""
    m = _ELLIPTICAL_RATE_RX.match(s, c.end)
    if m is None or any(o.start <= m.start("value") < o.end for o in cagrs):
        return
    holder = m.group("holder").strip()
    places = find_places(holder)
    if not places or places[0].place.kind == "global" or places[0].end < len(holder):
        return
    first = ctx.growth[-1]
    ctx.growth.append(
        first.model_copy(
            update={
                "scope": places[0].place.name,
                "scope_as_written": places[0].as_written,
                "segment": None,
                "cagr_percent": Decimal(m.group("pct")),
                "value_text": m.group("value"),
            }
        )
    )


def _resolve_period(ctx: Context, c: CagrMatch, own_years: list[int]) -> tuple[int | None, int | None]:
    p = c.period
    fp = ctx.meta.forecast_period
    if p.start_year and p.end_year:
        return p.start_year, p.end_year
    base = ctx.base_year

    def span_start(years: list[int]) -> int:
        lo = min(years)
        return lo + 1 if base is not None and lo <= base else lo

    if p.end_year:
        start = fp[0] if fp and fp[0] < p.end_year else None
        return start, p.end_year
    if p.start_year:
        # "from 2025 onwards": the end is the sentence's own target year, else the report's horizon
        later = [y for y in own_years if y > p.start_year]
        if later:
            return p.start_year, max(later)
        if fp and fp[1] > p.start_year:
            return p.start_year, fp[1]
        return None, None
    if p.relative_years:
        target = max(own_years) if own_years else None
        if target is not None and (base is None or target > base):
            return target - p.relative_years, target
        if base is not None:
            return base, base + p.relative_years
        return None, None
    if p.forecast_period:
        if own_years and len(set(own_years)) >= 2 and (not fp or max(own_years) != fp[1]):
            return span_start(own_years), max(own_years)
        if fp:
            return fp
        return None, None
    if len(set(own_years)) >= 2:
        return span_start(own_years), max(own_years)
    return None, None
