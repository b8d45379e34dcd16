"""Shares in sentences: a percentage of a market measure, held by a place, segment or company.

A share needs a basis that is a market measure (market, revenue, sales, consumption, demand, capacity,
production, output, volumes, share) or names the market's product -- not another market's, not a
narrower or neighbouring product's ("graphite anode output" in a battery anode materials report), not a
parent total ("total natural graphite demand" in a flake graphite report) -- and a holder
(:mod:`figure_holders`). Its year is the one its clause or basis names ("38% of 2024 demand"). Elided
second holders ("... and North America for 15%", "power tools (61%), e-bikes (27%)") share the
first one's basis; ", 55% of the total" right after one of the market's amounts is that part's share.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

from kg.extract.figure_attribution import market_ref
from kg.extract.figure_clauses import clause_start, figure_label
from kg.extract.figure_context import Context
from kg.extract.figure_holders import SENTENCE_STARTERS, cited_start, share_holder
from kg.extract.figure_listed import is_listed_company, listed_segment
from kg.extract.figure_sizes import Size
from kg.extract.figure_words import GENERIC_MODIFIERS, is_place_word, norm_word, words_of, wordset
from kg.extract.figure_years import YEAR_AFTER_RX
from kg.extract.geo import find_places, lookup_place
from kg.extract.rates import ShareMatch, find_shares
from kg.models import Evidence, HolderKind, Share, Statistic

__all__ = [
    "comparison_share",
    "elided_basis_shares",
    "elliptical_share",
    "find_all_shares",
    "read_share",
    "share_list",
    "share_of_total",
    "share_trajectory",
]


_MEASURES = wordset(
    "market markets revenue revenues sales consumption demand capacity capacities production output "
    "volume volumes supply supplies shipments share shares compositions composition deployments "
    "installations usage use value processing refining"
)


# ", 55% of the total": a part's share, right after its amount (and year)
_SHARE_OF_TOTAL_RX = re.compile(
    # or in brackets: "US$ 702.3 Mn in 2024 (76.9 % of revenue)"
    r"\s*(?:,|\((?=[^()]*\)))\s*(?:or\s+|i\.e\.\s+)?(?:(?:about|around|roughly|nearly|some|approximately|almost|over|just\s+over)\s+)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s+of\s+(?:the\s+|its\s+)?(?P<basis>(?:(?:global|total|overall|world|"
    r"worldwide|regional)\s+)?(?:total|market|revenues?|sales|value|demand)(?:\s+(?:total|revenues?|value))?)\b",
    re.IGNORECASE,
)


# a share written as a fraction: "roughly a quarter of the market", "about two-thirds of global revenue"
_FRACTION_RX = re.compile(
    r"(?<![\w\-])(?<!the\s)(?<!first\s)(?<!second\s)(?<!latter\s)(?<!former\s)"
    r"(?P<frac>(?:a|one)[\s\-]+(?:quarter|third|fifth)|two[\s\-]+(?:thirds|fifths)|three[\s\-]+(?:quarters|fifths)|half)"
    r"(?=\s+of\s)",
    re.IGNORECASE,
)
_FRACTIONS = {"quarter": "25", "third": "33.33", "fifth": "20", "thirds": "66.67", "quarters": "75", "half": "50"}
_FIFTHS = {"two": "40", "three": "60"}


def find_all_shares(s: str) -> list[ShareMatch]:
    """The sentence's shares, percentages and fractions alike: a fraction is read as its percentage written
    in its place (padded to its length, so offsets hold), then given back its own words as written."""
    spans: dict[int, int] = {}
    chars = list(s)
    for m in _FRACTION_RX.finditer(s):
        words = re.split(r"[\s\-]+", m.group("frac").lower())
        pct = _FIFTHS[words[0]] if words[-1] == "fifths" else _FRACTIONS[words[-1]]
        text = (pct + "%").ljust(len(m.group("frac")))
        chars[m.start() : m.end()] = text
        spans[m.start()] = m.end()
    if not spans:
        return find_shares(s)
    out = []
    for sh in find_shares("".join(chars)):
        end = spans.get(sh.start)
        out.append(sh if end is None else dataclasses.replace(sh, end=end, as_written=s[sh.start : end]))
    return out


def share_of_total(ctx: Context, s: str, sz: Size, ev: Evidence) -> None:
    """ "Silicon-carbon composite anodes generated USD 171.9 million in 2024, 55% of the total": the share
    of a segment's (or a place's) own amount, when the percentage follows the amount as an apposition."""
    holder = sz.segment or (sz.place.name if sz.place is not None else None)
    if holder is None:
        return
    at = sz.money.end
    year = YEAR_AFTER_RX.match(s, at)
    if year is not None:
        at = year.end()
    m = _SHARE_OF_TOTAL_RX.match(s, at)
    gloss = re.match(r"\s*\([^()]*\)", s[at:])  # "(about USD 640 million at RMB 7.10 per dollar), or about 65%"
    if gloss is not None and (m is None or m.start() != at or m.end() > at + gloss.end()):
        m = _SHARE_OF_TOTAL_RX.match(s, at + gloss.end())
    if m is None:
        return
    ctx.shares.append(
        Share(
            evidence=(ev,),
            holder=holder,
            holder_kind="segment" if sz.segment else "region",
            share_percent=Decimal(m.group("pct")),
            of=m.group("basis"),
            year=sz.year,
            value_text=m.group("value"),
        )
    )


_DOMESTIC_RX = re.compile(r"(?:domestic|local|home-grown|homegrown)\b", re.IGNORECASE)
_RUN_IN_PLACE_RX = re.compile(r"^\s*(?P<label>[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,3})\s*:\s+(?=\S)")
_WHEN_WORDS = wordset("today now currently presently already still overall")
_BASIS_PARTICIPLES = wordset("consumed used sold produced supplied shipped installed purchased bought processed")


def read_share(ctx: Context, s: str, sh: ShareMatch, ev: Evidence) -> None:
    if not sh.plausible:
        return
    basis_words = words_of(sh.basis)
    where = re.match(r"\s+(?:in|by|across|within)\s+(?-i:[A-Z])", s[sh.basis_end :]) is not None
    while len(basis_words) > 1 and (
        basis_words[-1] in _WHEN_WORDS or (where and basis_words[-1] in _BASIS_PARTICIPLES)
    ):
        # "two-thirds of the market today", "78% of the anode material consumed in Europe": the noun before
        basis_words = basis_words[:-1]
    basis_ok = bool(basis_words) and (
        basis_words[-1] in {norm_word(w) for w in _MEASURES} or bool(set(basis_words) & ctx.market.head)
    )
    if "market" in basis_words and market_ref(ctx, sh.basis) == "foreign":
        basis_ok = False
    if basis_ok and _other_product(ctx, basis_words):
        basis_ok = False  # "90% of the world's graphite anode output" in a battery anode materials report
    if basis_ok and _parent_total(ctx, basis_words):
        basis_ok = False  # "41% of total natural graphite demand" in a flake graphite report
    holder = share_holder(ctx, s, sh)
    if ctx.line_label is not None and sh.start >= ctx.line_label[2] and (holder is None or ctx.card is None):
        # "NBR: €0.61 bn in 2023, equal to a 48.8% share of the market": the line's label holds it
        lp = ctx.line_label[1]
        holder = (lp.name, "region") if lp is not None else (ctx.line_label[0], "segment")
    if holder is not None and _DOMESTIC_RX.match(holder[0]) and (label := _RUN_IN_PLACE_RX.match(s)) is not None:
        place = lookup_place(label.group("label"))
        if place is not None and place.kind != "global":
            holder = place.name, "region"  # "China: domestic cell makers consumed 78% of ...": China's
    if not basis_ok or holder is None:
        ctx.stats.append(Statistic(evidence=(ev,), label=figure_label(s, sh.start), value_text=sh.as_written))
        return
    name, kind = holder
    gap = _GAPPED_RX.match(s, sh.verb_start)
    second = _part_holder(ctx, gap.group("holder"), kind) if gap is not None and gap.end() == sh.start else None
    year = None
    # the year the share is for: "in 2024" in its clause (also after the basis: "52% of lithium metal foil
    # revenue in 2024"), or a year that qualifies the basis ("38% of 2024 demand")
    cs = cited_start(s, clause_start(s, sh.start), sh.start)
    after = max(sh.end, sh.basis_end)
    tail = s[after : after + 40]
    # ... but not past a dash, semicolon, relative clause or projection: "23% of consumption - a segment
    # projected to triple by 2030" states today's share and another figure's year
    if (brk := _CLAUSE_BREAK_RX.search(tail)) is not None:
        tail = tail[: brk.start()]
    clause = s[cs:after] + tail
    # a comparison after the share is another year's figure: "24% of 2024 volumes, up from 15% in 2022"
    if (cmp := _COMPARISON_RX.search(s, max(sh.end, sh.basis_end), cs + len(clause))) is not None:
        clause = s[cs : cmp.start()]
    ym = re.search(r"\b(?:in|as\s+of|during|for|by)\s+(?:the\s+year\s+)?(?P<y>(?:19|20)\d{2})\b", clause)
    ym = ym or re.match(r"\s*(?:FY|CY)?\s?(?P<y>(?:19|20)\d{2})(?:[AEFP])?\b", s[sh.basis_start : sh.basis_end])
    ym = ym or _OPENING_YEAR_RX.match(s)  # "In 2024, Acme's share of the market reached 11%"
    if ym:
        year = int(ym.group("y"))
    if gap is not None and gap.end() == sh.start and second is None:
        # "Acme held 49% and The ...": a second holder that names nothing; the share is no one's
        ctx.stats.append(Statistic(evidence=(ev,), label=figure_label(s, sh.start), value_text=sh.as_written))
        return
    if gap is not None and second is not None:
        # "Acme held 49% and Borton 44% of 2024 revenue": the subject's share comes first, the basis is shared
        ctx.shares.append(
            Share(
                evidence=(ev,),
                holder=name,
                holder_kind=kind,
                share_percent=Decimal(gap.group("pct")),
                of=sh.basis,
                year=year,
                value_text=gap.group("value"),
            )
        )
        name, kind = second
    ctx.shares.append(
        Share(
            evidence=(ev,),
            holder=name,
            holder_kind=kind,
            share_percent=sh.percent,
            of=sh.basis,
            year=year,
            value_text=sh.as_written,
        )
    )


# a share verb, the subject's percentage, then a second holder whose verb is left out: "held 49% and SiOx "
_GAPPED_RX = re.compile(
    r"[a-z]+(?:\s+for)?\s+" + r"(?:(?:about|around|roughly|nearly|some|approximately)\s+)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s*,?\s+(?:and|while|with)\s+"
    r"(?P<holder>(?-i:[A-Z])[\w.&\-]*(?:\s+[\w.&\-]+){0,3}?)\s+(?:for\s+)?"
    r"(?:(?:about|around|roughly|nearly|some|approximately)\s+)?(?=\d)",
    re.IGNORECASE,
)


def _part_holder(ctx: Context, text: str, first_kind: HolderKind) -> tuple[str, HolderKind] | None:
    """The second holder of a gapped pair: a place, a listed segment, else a name of the first one's kind."""
    if text.split()[0].lower() in SENTENCE_STARTERS | _NOT_A_PART:
        return None
    place = lookup_place(text)
    if place is not None:
        return (place.name, "region") if place.kind != "global" else None
    listed = listed_segment(ctx, text.split())
    if listed is not None:
        return text, "segment" if listed[1] == "type" else "application"
    return text, first_kind


_OPENING_YEAR_RX = re.compile(r"\s*(?:In|During|As\s+of|By\s+the\s+end\s+of)\s+(?P<y>(?:19|20)\d{2})\s*,")
_APPROX = r"(?:(?:about|around|roughly|nearly|almost|some|approximately|just\s+(?:over|under)|over|under)\s+)?"
# the same holder's share in another year, right after its share: ", up from 15% in 2022", "against 22% in 2024"
_CLAUSE_BREAK_RX = re.compile(
    r"\s*(?:[\u2013\u2014;]|\s-\s|,\s*(?:which|while|whereas|a\s+segment|the\s+segment)\b)"
    # "... 23% of consumption and is projected to triple by 2030": the year is the projection's
    r"|\s(?:projected|expected|forecast|anticipated|poised|set|likely)\s+to\b"
)
_COMPARISON_RX = re.compile(
    r"\s*,?\s*(?:(?:up|down|rising|falling|increasing|decreasing)\s+from|against|compared\s+(?:with|to)|"
    r"versus|vs\.?)\s+" + _APPROX + r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|per\s?cent\b))"
    r"\s+(?:in|as\s+of|at\s+the\s+end\s+of)\s+(?P<y>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def comparison_share(ctx: Context, s: str, sh: ShareMatch, first: Share, shares: Sequence[ShareMatch]) -> None:
    """ "Storage took 24% of 2024 volumes, up from 15% in 2022": the same holder's share of the same basis in
    the earlier (or later) year the comparison names; ``first`` is the market's share ``sh`` was read as."""
    at = max(sh.end, sh.basis_end)
    year = YEAR_AFTER_RX.match(s, at)  # "24% of volumes in 2024, up from ..."
    m = _COMPARISON_RX.match(s, year.end() if year is not None else at)
    if m is None or any(o.start == m.start("value") for o in shares):
        return
    if first.year is not None and first.year == int(m.group("y")):
        return
    of = re.sub(r"^(?:19|20)\d{2}\s+", "", first.of)  # "of 2024 volumes" was the first year's basis
    ctx.shares.append(
        first.model_copy(
            update={
                "share_percent": Decimal(m.group("pct")),
                "value_text": m.group("value"),
                "year": int(m.group("y")),
                "of": of,
            }
        )
    )


_ELLIPTICAL_SHARE_RX = re.compile(
    r"(?:\s+in\s+(?:19|20)\d{2})?\s*,?\s+(?P<conj>and|while|with|ahead\s+of|followed\s+by)\s+(?P<holder>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z&][\w&.\-]*){0,4})"
    r"\s+(?:for|at|with)\s+" + _APPROX + r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)(?!\s*(?:of|share|CAGR)\b)"
)
# "electric vehicle batteries accounted for 72% of demand and energy storage for about 19%": a second
# application or segment, written in lower case as the first one was
_ELLIPTICAL_LOWER_RX = re.compile(
    r"(?:\s+in\s+(?:19|20)\d{2})?\s*,?\s+and\s+(?P<holder>(?-i:[a-z])[\w\-]*(?:\s+(?-i:[a-z])[\w\-]*){0,3})"
    r"\s+for\s+" + _APPROX + r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)(?!\s*(?:of|share|CAGR)\b)",
    re.IGNORECASE,
)
_NOT_A_PART = wordset("the rest remainder remaining other others all each both most many some its their it")


def elliptical_share(ctx: Context, s: str, sh: ShareMatch, ev: Evidence, shares: Sequence[ShareMatch]) -> None:
    """ "Europe accounted for 23% of 2023 demand and North America for 15%": the second holder's share, of
    the same basis, when the first one was the market's and the second holder is a place."""
    if not ctx.shares or ctx.shares[-1].value_text != sh.as_written or ctx.shares[-1].evidence[0] != ev:
        return
    if s[sh.basis_end : sh.basis_end + 1] == ")" and ctx.shares[-1].holder_kind != "company":
        _bracketed_shares(ctx, s, sh.basis_end, shares)
        return
    m = _ELLIPTICAL_SHARE_RX.match(s, sh.basis_end)
    first = ctx.shares[-1]
    if m is None and first.holder_kind in ("segment", "application"):
        low = _ELLIPTICAL_LOWER_RX.match(s, sh.basis_end)
        if low is not None and not any(o.start == low.start("value") for o in shares):
            _lower_part(ctx, low, first)
        return
    if m is None or any(o.start == m.start("value") for o in shares):
        return
    places = find_places(m.group("holder"))
    if not places and first.holder_kind == "company" and not m.group("conj").lower().startswith(("and", "while")):
        # "Acme holds 24% of revenue, ahead of Borton at 13%": the next company, of the same basis
        name = re.sub(r"^the\s+", "", m.group("holder").strip(), flags=re.IGNORECASE)
        if name.split()[0].lower() not in SENTENCE_STARTERS | {"others", "rest", "remaining"}:
            ctx.shares.append(
                first.model_copy(
                    update={"holder": name, "share_percent": Decimal(m.group("pct")), "value_text": m.group("value")}
                )
            )
        return
    if not places or places[0].place.kind == "global" or places[0].end < len(m.group("holder").strip()):
        return
    ctx.shares.append(
        first.model_copy(
            update={
                "holder": places[0].place.name,
                "holder_kind": "region",
                "share_percent": Decimal(m.group("pct")),
                "value_text": m.group("value"),
            }
        )
    )


def _lower_part(ctx: Context, m: re.Match[str], first: Share) -> None:
    holder = m.group("holder")
    words = holder.split()
    if {w.lower() for w in words} & _NOT_A_PART or find_places(holder):
        return
    listed = listed_segment(ctx, words)
    kind: HolderKind = first.holder_kind
    if listed is not None:
        holder, kind = listed[0], "segment" if listed[1] == "type" else "application"
    ctx.shares.append(
        first.model_copy(
            update={
                "holder": holder,
                "holder_kind": kind,
                "share_percent": Decimal(m.group("pct")),
                "value_text": m.group("value"),
            }
        )
    )


# "power tools (61% of 2023 volume), e-bikes (27%) and other (12%)": the next bracketed
# shares of a list, of the first one's basis
_BRACKETED_NEXT_RX = re.compile(
    r"\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<holder>[A-Za-z][\w&\-]*(?:\s+[\w&\-]+){0,4}?)\s*"
    r"\(\s*(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s*(?=\))"
)


def _bracketed_shares(ctx: Context, s: str, pos: int, shares: Sequence[ShareMatch]) -> None:
    first = ctx.shares[-1]
    while (m := _BRACKETED_NEXT_RX.match(s, pos)) is not None:
        if any(o.start == m.start("value") for o in shares):
            return
        holder = m.group("holder")
        place = lookup_place(holder)
        ctx.shares.append(
            first.model_copy(
                update={
                    "holder": place.name if place is not None else holder[0].upper() + holder[1:],
                    "holder_kind": "region" if place is not None else first.holder_kind,
                    "share_percent": Decimal(m.group("pct")),
                    "value_text": m.group("value"),
                }
            )
        )
        pos = m.end("value")


_BASIS_GENERIC = wordset("of the world all total share combined installed annual domestic nameplate")


_HEAD_GENERIC = wordset("anode anodes material materials product products powder powders battery batteries grade")


def _parent_total(ctx: Context, basis_words: Sequence[str]) -> bool:
    """ "total hard carbon demand" in a pitch-based hard carbon report: a total of the product without the
    word that makes the market narrower is the parent market's, so a share of it is not the market's."""
    if not basis_words or basis_words[0] not in {"total", "overall", "entire", "all"}:
        return False
    named = set(basis_words) & ctx.market.head
    missing = ctx.market.head - set(basis_words) - _HEAD_GENERIC
    return bool(named) and bool(missing)


def _other_product(ctx: Context, basis_words: Sequence[str]) -> bool:
    """A basis that names the market's product with a modifier the market's name does not have names
    another (narrower or neighbouring) product: "graphite anode output" for battery anode materials."""
    if not set(basis_words) & ctx.market.head:
        return False
    measures = {norm_word(w) for w in _MEASURES}
    return any(
        w not in ctx.market.words
        and w not in measures
        and w not in GENERIC_MODIFIERS
        and w not in _BASIS_GENERIC
        and not is_place_word(w)
        for w in basis_words
    )


# a share whose basis is left out: "...; the top three suppliers together account for 58%", "Blends take 31%, and ...",
# "Uncoated widgets: 34%, but growing faster" (a line under "Coated widgets: 66% of 2024 revenue")
_ELIDED_BASIS_RX = re.compile(
    r"(?:\b(?P<verb>account(?:s|ed)?\s+for|hold(?:s|ing)?|held|(?:lead(?:s|ing)?|led|follow(?:s|ed)?)\s+with|t(?:ake|akes|ook|aking)|represent(?:s|ed)?|"
    r"mak(?:e|es)\s+up|made\s+up|control(?:s|led)?|command(?:s|ed)?|captur(?:e|es|ed))\s+|"
    r"^(?P<label>[^\W\d][^:;.]{0,50}):\s*)"
    r"(?:(?:about|around|roughly|nearly|almost|some|just\s+(?:over|under)|over|under|more\s+than|less\s+than|"
    r"another|a\s+further|~)\s*)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|per\s?cent\b))"
    r"(?=\s*(?:[,;.)]|$)|\s+(?:today|now|alone|in\s+(?:19|20)\d{2})\b)",
    re.IGNORECASE,
)


def elided_basis_shares(ctx: Context, s: str, ev: Evidence, shares: Sequence[ShareMatch]) -> None:
    """A share verb and a percentage with no basis right after one of the market's shares (earlier in the
    sentence, or in the sentence or line just before): the same basis, the holder its own subject."""
    if not ctx.shares:
        return
    recent = ctx.last_share_no is not None and ctx.last_share_no >= ctx.sentence_no - 1
    if not recent and ctx.shares[-1].evidence[0] != ev:
        return
    for m in _ELIDED_BASIS_RX.finditer(s):
        at = m.start("value")
        if any(o.start <= at < o.end for o in shares):
            continue
        prev = ctx.shares[-1]
        if prev.evidence[0] == ev and s.find(prev.value_text) > at:
            continue
        verb_start = m.start("verb") if m.group("verb") else at
        match = ShareMatch(at, m.end("value"), m.group("value"), Decimal(m.group("pct")), prev.of, at, at, verb_start)
        holder = share_holder(ctx, s, match)
        if holder is None or holder[0].lower() == prev.holder.lower():
            continue
        ym = re.search(r"\bin\s+((?:19|20)\d{2})\b", s[m.end("value") : m.end("value") + 12])
        ctx.shares.append(
            prev.model_copy(
                update={
                    "evidence": (ev,),
                    "holder": holder[0],
                    "holder_kind": holder[1],
                    "share_percent": match.percent,
                    "value_text": match.as_written,
                    "year": int(ym.group(1)) if ym else prev.year,
                }
            )
        )


# "Share by application (2022): Ferro Alloys 58.5%; Silicon Metal 24.5%; ...": an
# infobox's or summary's list of shares under one "share by" label
_SHARE_LIST_RX = re.compile(
    r"\b(?P<basis>(?:market\s+|revenue\s+)?share\s+by\s+(?P<dim>[a-z][a-z\- ]{1,25}?))\s*"
    r"(?:\(\s*(?P<year>(?:19|20)\d{2})\s*\))?\s*:\s*",
    re.IGNORECASE,
)
_SHARE_ITEM_RX = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w&/\-]*(?:\s+[\w&/\-]+){0,4}?)\s*[:\-–—]?\s*"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s*(?:[;,]\s*|$)",
    re.IGNORECASE,
)


def share_list(ctx: Context, s: str, ev: Evidence) -> None:
    """The shares a "share by <dimension>:" label lists: each item's name holds its percentage (at least two
    items, so that a lone "share by value: 45%" is not mistaken for a list)."""
    for m in _SHARE_LIST_RX.finditer(s):
        items = []
        pos = m.end()
        while (it := _SHARE_ITEM_RX.match(s, pos)) is not None:
            items.append(it)
            pos = it.end()
        if len(items) < 2:
            continue
        dim = m.group("dim").lower()
        for it in items:
            name = it.group("name").strip()
            place = lookup_place(name)
            kind: HolderKind = "region" if place is not None else (
                "application" if re.search(r"applicat|end[\s\-]?use|industr", dim) else "segment"
            )
            ctx.shares.append(
                Share(
                    evidence=(ev,),
                    holder=place.name if place is not None else name,
                    holder_kind=kind,
                    share_percent=Decimal(it.group("pct")),
                    of=m.group("basis"),
                    year=int(m.group("year")) if m.group("year") else None,
                    value_text=it.group("value"),
                )
            )


_YEAR_TAG = r"\s*(?:\(\s*|in\s+|by\s+)?(?:FY|CY)?(?P<{0}>(?:19|20)\d{{2}})[AEFP]?\s*\)?"
# "Electric Vehicles share rises from 31% (2024A) to 68% (2031F)", "Europe's share grows from 20% in 2024 to
# 26% by 2030": one holder's share in two years
_TRAJECTORY_RX = re.compile(
    r"(?:^|(?<=[.;:]\s))\W*(?P<holder>(?-i:[A-Z])[\w&.\-]*(?:\s+[\w&.\-]+){0,4}?)(?:['’]s)?\s+"
    r"(?P<basis>(?:market\s+|revenue\s+|value\s+)?share)\s+(?:(?:is\s+(?:expected|forecast|projected|set)\s+to\s+)?"
    r"(?:rises?|rising|grows?|growing|increases?|climbs?|expands?|falls?|declines?|drops?|shrinks?|goes|moves?)|"
    r"(?:will|should|could)\s+(?:rise|grow|increase|climb|expand|fall|decline|drop|shrink|go|move))\s+from\s+"
    r"(?P<v1>(?P<p1>\d{1,2}(?:\.\d+)?)\s*%)" + _YEAR_TAG.format("y1") + r"\s*,?\s+to\s+"
    r"(?P<v2>(?P<p2>\d{1,2}(?:\.\d+)?)\s*%)" + _YEAR_TAG.format("y2"),
    re.IGNORECASE,
)


def share_trajectory(ctx: Context, s: str, ev: Evidence, shares: Sequence[ShareMatch]) -> None:
    """A listed segment's, a place's or a listed player's share of the market in two years, as one rising
    or falling trajectory; a holder the document does not list is not read."""
    for m in _TRAJECTORY_RX.finditer(s):
        if any(o.start in (m.start("v1"), m.start("v2")) for o in shares):
            continue
        text = m.group("holder").strip()
        words = text.split()
        if words[0].lower() in SENTENCE_STARTERS | _NOT_A_PART:
            continue
        place = lookup_place(text)
        listed = listed_segment(ctx, words)
        kind: HolderKind
        if place is not None and place.kind != "global":
            name, kind = place.name, "region"
        elif listed is not None and listed[2] == len(words):
            name, kind = text, "segment" if listed[1] == "type" else "application"
        elif is_listed_company(ctx, text):
            name, kind = text, "company"
        else:
            continue
        for v, p, y in (("v1", "p1", "y1"), ("v2", "p2", "y2")):
            ctx.shares.append(
                Share(
                    evidence=(ev,),
                    holder=name,
                    holder_kind=kind,
                    share_percent=Decimal(m.group(p)),
                    of=m.group("basis"),
                    year=int(m.group(y)),
                    value_text=m.group(v),
                )
            )
