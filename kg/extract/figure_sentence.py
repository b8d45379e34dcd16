"""One sentence through every figure reader, in the order the readers depend on each other.

Amounts come first (a growth rate or a part's share may belong to one of the sentence's own amounts),
then growth rates, then shares; afterwards the reading state moves on: the last place subject, the
sentence's opening names (for "these companies"), the last year named, and whether the sentence was about
the market (for the continuity rules of the next ones). Tables' key-value rows are read through here too.
"""

from __future__ import annotations

import re

from kg.extract.figure_attribution import market_ref
from kg.extract.figure_context import Context
from kg.extract.figure_growth import elliptical_rate, read_cagr
from kg.extract.figure_holders import OPENING_NAMES_RX, SENTENCE_STARTERS
from kg.extract.figure_scope import subject_places
from kg.extract.figure_shares import (
    comparison_share,
    elided_basis_shares,
    elliptical_share,
    find_all_shares,
    read_share,
    share_list,
    share_of_total,
    share_trajectory,
)
from kg.extract.figure_sizes import sentence_sizes, share_part_size
from kg.extract.figure_years import free_years
from kg.extract.geo import lookup_place
from kg.extract.rates import find_cagr
from kg.extract.sentences import Sentence
from kg.models import Evidence

__all__ = ["ENUMERATOR_RX", "read_sentence"]


# a numbered clause of a brief or list, "2.4 Electric buses represented ...": the number is no part of it
ENUMERATOR_RX = re.compile(
    r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z][a-z]+\b)(?!(?:Million|Billion|Thousand|Trillion|Percent)\b)"
)


def read_sentence(ctx: Context, sent: Sentence, as_read: str | None = None) -> None:
    """``as_read``: the sentence's text as it is to be read, when a join rewrote it (same length)."""
    # blanked, not cut, so that every offset into the sentence stays an offset into its evidence
    s = ENUMERATOR_RX.sub(lambda m: " " * len(m.group()), sent.text if as_read is None else as_read)
    ev = Evidence(start=sent.start, end=sent.end, quote=sent.text)
    found_before = len(ctx.growth) + len(ctx.shares)
    sizes_before = len(ctx.sizes)
    sizes = sentence_sizes(ctx, s, ev)
    own_years = [x.year for x in sizes if x.own and x.year is not None]
    own_sizes = [x for x in sizes if x.own]
    cagrs = find_cagr(s)
    shares = find_all_shares(s)
    rates_before = len(ctx.growth)
    for c in cagrs:
        before_rate = len(ctx.growth)
        read_cagr(ctx, s, c, ev, own_years, own_sizes)
        if len(ctx.growth) > before_rate:
            elliptical_rate(ctx, s, c, cagrs)
    shares_before = len(ctx.shares)
    for sh in shares:
        n_before = len(ctx.shares)
        read_share(ctx, s, sh, ev)
        # the share read for this match is the last one read_share appended: a gapped pair ("Acme held 49%
        # and Borton 44% of ...") appends the first holder's before it
        own = len(ctx.shares) - 1 if len(ctx.shares) > n_before else n_before
        elliptical_share(ctx, s, sh, ev, shares)
        if len(ctx.shares) > n_before:
            comparison_share(ctx, s, sh, ctx.shares[own], shares)
    for sz in own_sizes:
        share_of_total(ctx, s, sz, ev)
    for sz in sizes:
        share_part_size(ctx, s, sz, ev, ctx.shares[shares_before:])
    elided_basis_shares(ctx, s, ev, shares)
    share_list(ctx, s, ev)
    share_trajectory(ctx, s, ev, shares)
    if len(ctx.shares) > shares_before:
        ctx.last_share_no = ctx.sentence_no
    _update_context(ctx, s)
    segs = {x.segment for x in ctx.sizes[sizes_before:]} | {x.segment for x in ctx.growth[rates_before:]}
    ctx.prev_segment = segs.pop() if len(segs) == 1 else None
    if named := free_years(s):
        ctx.last_year = named[-1][1]
    whole = market_ref(ctx, s)
    # a sentence that gave one of the market's figures was about the market
    ctx.prev_own = whole == "own" or bool(own_sizes) or len(ctx.growth) + len(ctx.shares) > found_before
    if ctx.prev_own:
        ctx.last_own_no = ctx.sentence_no
    elif whole == "foreign":
        ctx.last_foreign_no = ctx.sentence_no


def _update_context(ctx: Context, s: str) -> None:
    places = subject_places(s[: max(60, len(s) // 2)])  # a short sentence whole: "The call is North America."
    if places:
        ctx.last_place = places[0].place
        ctx.last_place_text = places[0].as_written
        ctx.last_place_no = ctx.sentence_no
    m = OPENING_NAMES_RX.match(s)
    if m:
        first = m.group("names").split()[0].lower()
        if first not in SENTENCE_STARTERS and lookup_place(m.group("names")) is None:
            ctx.prev_subject = m.group("names")
            return
    ctx.prev_subject = None
