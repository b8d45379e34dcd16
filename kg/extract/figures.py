"""Market sizes, growth rates and shares: money and percentages bound to year, scope, segment and holder.

The finders in :mod:`money` and :mod:`rates` are lexical; this module decides, sentence by sentence (and
table by table), which figures are *about the report's market*. Precision comes first: a figure that
is not clearly the market's own becomes a :class:`Statistic`, never a market fact.

Attribution (why a figure is the market's):

* The figure's governing clause -- from the start of its clause (a new clause starts at ";", "while",
  "whereas", "but", "although") up to the figure; for a figure inside a dash/bracket aside, the text
  before the aside -- must refer to the market: "the market", "the global Hard Carbon Anode market",
  "market size", "the regional market", "<Name> Segment", "the region" (anaphora), or the market's own
  product words with a measure ("anode material revenue"). A "market" whose modifiers name something
  else ("the global rechargeable battery market") is another market; "market share/penetration/access"
  is no reference. A clause with a place subject and no reference ("..., while China is forecast to reach
  $4200 million") inherits the reference of the sentence's earlier clause.
* Continuity (other publishers write the market once, then go on without naming it): "it" early in an
  opening clause ("Analysts expect it to reach"), a bare measure ("We expect revenue to reach", a
  "Revenue forecast in 2030 |" key-value label) and a clause whose whole subject is a place ("North
  America is projected to grow at ...") are the market's when a recent sentence was about the market and
  no other market was named since. A CAGR that follows one of the market's amounts in the same clause
  (", a CAGR of 16.8%") is that amount's, with its scope. "a young market" (indefinite) describes rather
  than refers; "outside this market", "the broader silicon anode market" and "the stationary storage
  sector" name something else. A rate in a relative clause about another noun ("driven by EV sales, which
  are growing 30% a year") is that noun's; a bare "CAGR 6.9% (2025-2030)" line right under a line naming
  another market (a related-reports list) is that market's.
* Money near investment/budget/price words ("invest", "funding", "allocated", "committed", "add",
  "costs", "per ton"...) is never a market size; nor a per-unit price, nor an implausible amount.
* Shares need a basis that is a market measure (market, revenue, sales, consumption, demand, capacity,
  production, output, volumes, share) or names the market's product, and a holder that is not the
  market's downstream (the words after "for" in "Carbon Anode for Aluminum Electrolysis").

Binding:

* Year: the year written right after the amount ("USD 5.4 billion in 2024", "by 2032"); else the nearest
  free year before it in the clause ("By 2032, ... USD 8,145.12 million"); else, for a forecast verb
  ("is forecast to reach $4200 million"), the target year of the sentence or of the last three
  sentences (a second edition's "by 2029"), falling back to the forecast period's end.
* Status: a year after the base year is a forecast, a year up to it is actual. The base year is
  ``meta.base_year``, else the year before the forecast period starts, else the year before publication;
  without any of them the verb decides ("projected", "expected", "reach", "by" -> forecast).
* Scope: the first place written as the clause subject (not after "from", "by", "like", "including"...),
  a parenthesised label ("CAGR (North America)"), "the region" -> the last place subject, else Global.
* Segment: "<Name> Segment" in the clause ("Bottom Carbon Anode Segment to Reach ...", "The pre-coated LFP
  segment"); when that noun is not one of the document's listed segments but the clause names one ("The
  battery segment leads: coke sold into lithium-ion battery anodes was worth ..."), the listed one.
* Rates worded without "CAGR" ("expand at 16.7% per year", "rising at 6.9% a year over 2025-2031") are
  growth rates when their subject is the market's; "... and Europe at 21.1%" adds the elided second scope.
* CAGR period: an explicit span ("2025-2032", "from 2025 to 2032"); "through 2032" -> the forecast start
  to 2032; "during the forecast period" -> the sentence's own value years when they end elsewhere than
  the report's forecast (a second edition: values 2022 and 2029 -> 2023-2029), else the report's forecast
  period; "in next six years" -> six years back from the year the sentence targets, else from the base
  year; no period words -> the span of the sentence's value years.

Tables (their shape is read by :mod:`kg.extract.figure_tables`: nested header rows, units, rate columns,
plain-text tables): a table without a year layout (a "Report Attribute | Details" scope table) is read row
by row as sentences; a share column is labelled by the first non-rank column. Year column headers ("2024",
"2025E", "2030F", or years under a "Revenue (US$ Mn)" group) or a first column of years, and rows (columns)
of regions or segments give one market size per cell, when the header or the text just before the table
names the currency and scale ("USD Million", "All values in USD thousand") and does not talk about volume;
"CAGR" and "share" columns give growth rates and shares.

One fact stated several times (body, FAQ, "Key statistics" recap) is one fact with several evidence
quotes; the quote is the sentence (or the table row up to the cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from kg.extract.figure_tables import (
    UNIT_RX,
    VOLUME_RX,
    YEAR_HEADER_RX,
    header_layout,
    header_period,
    only_unit_lines,
    rate_column,
    text_table,
    unit_lines,
    unit_of,
)
from kg.extract.geo import Place, PlaceMatch, find_places, lookup_place
from kg.extract.geo import places as all_places
from kg.extract.money import (
    MoneyMatch,
    exchange_rate_spans,
    find_exchange_rates,
    find_money,
    parse_money,
    usd_equivalents,
    usd_million,
)
from kg.extract.rates import CagrMatch, ShareMatch, find_cagr, find_shares
from kg.extract.sentences import Sentence, split_sentences
from kg.models import (
    Block,
    CompanyMention,
    Evidence,
    GrowthRate,
    HolderKind,
    MarketSize,
    ReportMeta,
    SegmentKind,
    SegmentMention,
    Share,
    Statistic,
    Status,
    TextDocument,
)

__all__ = ["Figures", "extract_figures"]


def _wordset(words: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string (easier to read and diff)."""
    return frozenset(words.split())


@dataclass
class Figures:
    """Everything :func:`extract_figures` found in one document."""

    market_sizes: list[MarketSize] = field(default_factory=list)
    growth_rates: list[GrowthRate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)


# ------------------------------------------------------------------ vocabulary

_WORD_RX = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z]")
_GENERIC_MODIFIERS = _wordset(
    "global overall entire total worldwide world regional domestic international this that the a an "
    "its their whole current target addressable respective local emerging key major largest large "
    "fastest growing fast-growing mature nascent smaller larger significant for of and in to on & "
    "niche premium mainstream commercial merchant captive total-addressable said aforementioned same "
    "projected estimated expected forecast forecasted anticipated combined cumulative annual current "
    "present today's valued overall u.s.-based fastest-growing country national"
)
_MARKET_NOT_ENTITY = _wordset(
    "share shares penetration participation dynamics growth access entry position positions "
    "positioning trends trend players player participants leaders leadership expansion conditions "
    "volatility predictability analysis research segments segmentation landscape competition insights "
    "strategies strategy potential development status outlook sentiment forces drivers restraints "
    "opportunities challenges concentration structure definition overview scope demand pressures "
    "pressure presence reach power penetration"
)
_MEASURES = _wordset(
    "market markets revenue revenues sales consumption demand capacity capacities production output "
    "volume volumes supply supplies shipments share shares compositions composition deployments "
    "installations usage use value"
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
_FORECAST_CUE = re.compile(
    r"\b(?:project\w*|expect\w*|forecast\w*|anticipat\w*|predict\w*|estimated\s+to|will|shall|reach(?:es)?|"
    r"grow\s+to|rise\s+to|climb\s+to|touch|surpass|exceed|by\s+(?:19|20)\d{2}|poised|set\s+to|likely)\b",
    re.IGNORECASE,
)
_CLAUSE_BOUNDARY = re.compile(
    r";|,?\s+\b(?:while|whereas|but|although|though|meanwhile)\b\s+"
    # a press-release dateline ("PUNE, India, March 3, 2025 -- The global ...") is not the subject
    # ("PUNE, India, Jan. 22, 2025 /PRNewswire/ -- The ...", "... 2025 (GLOBE NEWSWIRE) -- ...": a place,
    # a comma, a date, a wire tag)
    r"|^[^.;]{0,80}?\b(?:19|20)\d\d\s*(?:--|\u2014|\u2013|-)\s+(?=[A-Z])"
    r"|^(?-i:[A-Z])[A-Za-z .'\-]{1,40},[^;\n]{0,80}?\b(?:19|20)\d\d(?:\s*(?:/[^/\n]{1,40}/|\([^()\n]{1,40}\)))?"
    r"\s*(?:--|\u2014|\u2013)\s+"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_PREPOSITIONS_BEFORE_PLACE = _wordset(
    "from by than like including include includes via into among amongst with over against outside "
    "beyond between across throughout such as to toward towards versus vs unlike besides excluding "
    "except"
)
_YEAR_AFTER_RX = re.compile(
    # "a US$120mn market in 2024": the noun the amount sizes may come between
    r"\s*(?:(?:-\s*)?market\s+)?(?:,\s*)?\(?\s*(?:in|by|for|of|during|through|until|till|to|as\s+of|at\s+the\s+end\s+of|"
    r"in\s+the\s+year|in\s+fiscal(?:\s+year)?|in\s+FY|in\s+CY|FY|CY)?\s*(?:the\s+year\s+)?"
    r"(?P<year>(?:19|20)\d{2})(?![\d\-–])",
    re.IGNORECASE,
)
_YEAR_RX = re.compile(r"(?<![\d.,$€£¥\-–])(?P<year>(?:19|20)\d{2})(?![\d%])(?!\s*[-–—]\s*(?:19|20)?\d{2}\b)")
_SEGMENT_RX = re.compile(
    r"(?P<name>(?:[A-Z][\w&\-]*\s+){1,6})(?:[Ss]egment|[Ss]ub-?segment)s?\b"
    r"|\b[Tt]he\s+(?P<lname>[a-z][\w\-]*\s+(?:[A-Za-z][\w\-]*\s+){0,3})(?:segment|sub-?segment)\b"
)
_SEGMENT_NAME_STOP = _wordset(
    "the this that each every a an market application type product end-user end user regional region "
    "which largest other others one second third first fastest growing fastest-growing dominant "
    "leading key major by of for in and its our their global"
)
_ANAPHOR_PLACE_RX = re.compile(
    r"\b(?:the|this|that)\s+(?:region|regional\s+market|country|area|geography)\b"
    # "it is the fastest-growing region, with demand there rising at ...": "it" is the place named before
    r"|\bit\s+(?:is|was|remains|will\s+be)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}(?:region|country)\b",
    re.IGNORECASE,
)
_LABEL_LINE_RX = re.compile(r"^[\W\d_]*(?:[A-Za-z][\w ]{0,20})?[\s:|–—-]*$")


@lru_cache(maxsize=65536)  # a report's vocabulary is small; every sentence is split into words
def _norm_word(w: str) -> str:
    w = w.lower()
    if w.endswith(("'s", "’s")):  # "Asia Pacific's market": the possessive is no part of the word
        w = w[:-2]
    w = w.strip(".'’-")
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _words(s: str) -> list[str]:
    return list(map(_norm_word, _WORD_RX.findall(s)))  # the pattern has no group: findall gives the words


@dataclass
class _Market:
    """The report's market as word sets: ``head`` names the product, ``tail`` its downstream."""

    head: frozenset[str]
    tail: frozenset[str]
    head_seq: tuple[str, ...] = ()
    acronyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ("cpc", ("calcined", "petroleum", "coke"))

    @classmethod
    def of(cls, meta: ReportMeta) -> _Market:
        name = meta.market or meta.title or ""
        lead = _title_scope(name)
        if lead is not None:  # "Middle East Prebaked Anode": the place is the report's scope, not its product
            name = name[: lead.start] + " " + name[lead.end :]
        name = re.sub(
            r"\b(?:global|market|report|outlook|forecast|research|analysis|size|share|trends?)\b",
            " ",
            name,
            flags=re.IGNORECASE,
        )
        name = re.sub(r"(?:19|20)\d{2}", " ", name)
        parts = re.split(r"\b(?:for|in|used\s+in|of)\b", name, maxsplit=1, flags=re.IGNORECASE)
        stop = {"and", "the", "a", "an", "by", "to", "with"}
        head = frozenset(w for w in _words(parts[0]) if w not in stop)
        tail = frozenset(w for w in _words(parts[1]) if w not in stop) - head if len(parts) > 1 else frozenset()
        head_seq = tuple(w for w in _words(parts[0]) if w not in stop)
        return cls(head, tail, head_seq)

    @property
    def words(self) -> frozenset[str]:
        return self.head | self.tail


_ACRONYM_DEF_RX = re.compile(r"((?:[A-Za-z][\w\-]*\s+){1,5})\(\s*([A-Z][A-Za-z]?[A-Z]{1,5})s?\s*\)")


def _market_with_acronyms(market: _Market, text: str) -> _Market:
    """The market's words plus the acronym the text defines for its product: "mesocarbon microbeads
    (MCMB)" makes "MCMB anode revenue" a basis of the market's own."""
    extra: dict[str, tuple[str, ...]] = {}
    for m in _ACRONYM_DEF_RX.finditer(text):
        words = _words(m.group(1))
        run: list[str] = []
        for w in reversed(words):
            if w not in market.head:
                break
            run.insert(0, w)
        acr = _words(m.group(2))
        # the acronym may stand for the run's tail only: "anode grade calcined petroleum coke (CPC)"
        while len(run) > 2 and run[0][0] != m.group(2)[0].lower():
            run.pop(0)
        if len(run) >= 2 and acr and m.group(2)[0].lower() == run[0][0] and acr[0] not in market.head:
            extra.setdefault(acr[0], tuple(run))
    if not extra:
        return market
    return _Market(market.head | set(extra), market.tail - set(extra), market.head_seq, tuple(extra.items()))


# ------------------------------------------------------------------ per-document state


@dataclass
class _Context:
    doc: TextDocument
    meta: ReportMeta
    market: _Market
    rates: dict[str, Decimal]
    base_year: int | None
    last_place: Place | None = None
    last_place_text: str | None = None
    prev_subject: str | None = None
    prev_own: bool = False  # the previous sentence was about the market: "It is projected to ..."
    last_own_no: int | None = None  # the last sentence that referred to the market
    last_foreign_no: int | None = None  # the last sentence that referred to another market
    recent_targets: list[tuple[int, int]] = field(default_factory=list)  # (sentence no, forecast year)
    sentence_no: int = 0
    sizes: list[MarketSize] = field(default_factory=list)
    growth: list[GrowthRate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    stats: list[Statistic] = field(default_factory=list)
    holder_terms: dict[str, str] = field(default_factory=dict)
    default_place: Place | None = None  # the report's own scope ("Middle East Prebaked Anode Market")
    default_place_text: str | None = None
    segment_keys: dict[tuple[str, ...], tuple[str, SegmentKind]] = field(default_factory=dict)
    segment_labels: dict[tuple[str, ...], str] = field(default_factory=dict)  # key -> label as listed
    company_keys: tuple[tuple[str, ...], ...] = ()  # the document's listed players, as word sequences
    last_year: int | None = None  # the last year the previous sentences named ("in the same year")
    # a label-colon line of a breakdown ("CMC: €0.58 bn in 2024"): (label, its place or None, end of "Label:")
    line_label: tuple[str, Place | None, int] | None = None
    # the subject of a card in a grid of divs: the heading or short line above it that is just a place or
    # a listed segment ("<h4>Europe</h4><p>CAGR 2025-2034: 33.0%</p>"): (label, its place or None)
    card: tuple[str, Place | None] | None = None


def _base_year(meta: ReportMeta) -> int | None:
    if meta.base_year:
        return meta.base_year
    if meta.forecast_period:
        return meta.forecast_period[0] - 1
    if meta.published:
        return meta.published.year - 1
    return None


def _title_scope(name: str) -> PlaceMatch | None:
    """A place a market name or title opens with ("Middle East Prebaked Anode", "U.S. Silicon Anode")."""
    found = find_places(name, adjectives=False)
    if found and found[0].place.kind != "global" and not name[: found[0].start].strip(" \t\"'“‘*#"):
        return found[0]
    return None


def _default_scope(meta: ReportMeta) -> tuple[Place | None, str | None]:
    """The report's own scope (``meta.scope``, from its title: "Middle East Prebaked Anode Market")."""
    if not meta.scope:
        return None, None
    p = lookup_place(meta.scope)
    return (p, meta.scope) if p is not None and p.kind != "global" else (None, None)


_GLOBAL_WORD_RX = re.compile(r"\b(?:global(?:ly)?|worldwide|world(?:wide)?|international)\b", re.IGNORECASE)


def _apply_default_scope(ctx: _Context) -> None:
    """Figures the text scopes to no place (and does not call global) are the report's own scope."""
    place = ctx.default_place
    if place is None:
        return

    def local(scope: str, as_written: str | None, evidence: tuple[Evidence, ...]) -> bool:
        return scope == "Global" and as_written is None and not _GLOBAL_WORD_RX.search(evidence[0].quote)

    update = {"scope": place.name, "scope_as_written": ctx.default_place_text}
    ctx.sizes = [
        x.model_copy(update=update) if local(x.scope, x.scope_as_written, x.evidence) else x for x in ctx.sizes
    ]
    ctx.growth = [
        x.model_copy(update=update) if local(x.scope, x.scope_as_written, x.evidence) else x for x in ctx.growth
    ]


def extract_figures(
    doc: TextDocument,
    meta: ReportMeta,
    segments: Sequence[SegmentMention] = (),
    companies: Sequence[CompanyMention] = (),
) -> Figures:
    """Market sizes, growth rates and shares of ``doc``'s market; other figures as statistics.

    ``segments`` and ``companies`` are the document's segment lists and named players (when the caller
    has them): a share holder or a clause subject that is one of them is named and typed by the list.
    """
    rates = dict(find_exchange_rates(doc.text))
    rates.update(meta.currency_rates)
    ctx = _Context(doc, meta, _market_with_acronyms(_Market.of(meta), doc.text), rates, _base_year(meta))
    ctx.default_place, ctx.default_place_text = _default_scope(meta)
    for seg in segments:
        label = " ".join(_PAREN_RX.sub(" ", seg.label).split())
        key = tuple(_words(label))
        if key and key not in {("other",), ("others",)}:
            ctx.segment_keys.setdefault(key, (label, seg.kind))
            ctx.segment_labels.setdefault(key, " ".join(seg.label.split()))
    ctx.company_keys = tuple(k for c in companies if (k := _company_key(c.name)))
    blocks = [b for b in doc.blocks if not b.boilerplate]
    skip_to = -1
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or i <= skip_to:
            continue
        if block.kind == "table" and block.rows:
            _table(ctx, i)
            continue
        if block.kind in ("paragraph", "heading") and (tt := text_table(doc, i)) is not None:
            _table(ctx, i, tt[0], tt[1])
            skip_to = tt[1]
            continue
        if block.kind in ("paragraph", "list_item") and _unit_line_sizes(ctx, i):
            continue
        ctx.card = _card_subject(ctx, i)
        for n_sent, sent in enumerate(split_sentences(doc.text, block.start, block.end)):
            # a numbered item opens a line of its own, also inside a paragraph ("... 2.2 Europe: US$ 88.2 million")
            own_line = n_sent == 0 or _ENUMERATOR_RX.match(sent.text) is not None
            ctx.line_label = _line_label(ctx, i, sent.text) if own_line else None
            if (
                n_sent > 0
                and ctx.line_label is not None
                and ctx.line_label[1] is None
                and _listed_segment(ctx, _words(ctx.line_label[0])) is None
            ):
                ctx.line_label = None  # the breakdown intro test looks above the block, not inside it
            if ctx.line_label is None and ctx.card is not None:
                ctx.line_label = (*ctx.card, _card_line_start(sent.text))
            _sentence(ctx, sent)
            ctx.line_label = None
            ctx.sentence_no += 1
        ctx.card = None
    del blocks
    _apply_default_scope(ctx)
    _use_listed_labels(ctx)
    return Figures(
        market_sizes=_dedupe_sizes(ctx.sizes),
        growth_rates=_dedupe_growth(ctx.growth),
        shares=_dedupe_shares(ctx.shares),
        statistics=_dedupe_stats(ctx.stats),
    )


# ------------------------------------------------------------------ clause analysis


def _clause_start(s: str, pos: int) -> int:
    """Start of the clause that contains ``pos`` (after the last independent-clause boundary)."""
    start = 0
    for m in _CLAUSE_BOUNDARY.finditer(s, 0, pos):
        start = m.end()
    return start


def _governing(s: str, pos: int) -> tuple[int, int, bool]:
    """(start, end, in_aside) of the text that governs the figure at ``pos``.

    Inside a dash or bracket aside ("—projected to grow at a CAGR of 29.6%—"), the aside's own words
    and the text before it govern (the aside describes what precedes it); otherwise clause start to pos.
    """
    cs = _clause_start(s, pos)
    seg = s[cs:pos]
    dashes = [m.start() for m in re.finditer(r"—|–(?=\s)|\s-\s|\s–", seg)]
    opens = seg.count("(") - seg.count(")")
    if len(dashes) % 2 == 1:
        return cs, pos, True
    if opens > 0:
        return cs, pos, True
    return cs, pos, False


def _market_ref(ctx: _Context, text: str) -> str | None:
    """ "own", "foreign" or None: does ``text`` refer to the report's market, to another one, or neither?"""
    if _broader_scope(ctx, text):
        return "foreign"
    last: str | None = None
    for m in _MARKET_WORD_RX.finditer(text):
        nxt = _NEXT_WORD_RX.match(text, m.end())
        if nxt and nxt.group(1).lower() in _MARKET_NOT_ENTITY:
            continue
        if text[max(0, m.start() - 20) : m.start()].lower().rstrip().endswith(("emerging", "niche", "end")):
            continue
        mods = _modifiers(text[: m.start()])
        foreign = [
            w for w in mods if w not in ctx.market.words and w not in _GENERIC_MODIFIERS and not _is_place_word(w)
        ]
        if not foreign and _names_parent_market(ctx.market, mods):
            foreign = ["parent"]  # "the lithium-ion battery market" in a battery-anode-recycling report
        if _EXCLUDED_REF_RX.search(text[: m.start()]):
            last = "foreign"  # "Outside this market, ...": whatever follows is about something else
            continue
        if m.group().lower().startswith("sector"):
            if foreign:  # "the stationary storage sector": another industry; a bare "the sector" is vague
                last = "foreign"
            continue
        if _PREDICATIVE_RX.search(text[: m.start()]) and not (
            nxt and nxt.group(1).lower() in {"size", "value", "valuation", "revenue", "revenues"}
        ):
            continue  # "X is a young market: ...": a description, not a reference
        last = "foreign" if foreign else "own"
    if last is not None:
        return last
    if _segment_name(text) is not None:
        return "own"
    if _ANAPHOR_PLACE_RX.search(text):
        return "own"
    words = set(_words(text))
    if (
        ctx.market.head
        and ctx.market.head <= words
        and words & {"revenue", "sale", "demand", "consumption", "size", "valuation", "value"}
    ):
        return "own"
    if ctx.prev_own and re.match(r"\W*(?:it|this\s+market|the\s+same)\b", text, re.IGNORECASE):
        return "own"  # "It is projected to grow at 23% CAGR" right after a sentence about the market
    if ctx.prev_own and _EARLY_IT_RX.match(text):
        return "own"  # "Analysts expect it to reach ...": "it" as the object of a short opening clause
    if ctx.prev_own and (_bare_measure(text) or _MEASURE_LABEL_RX.match(text)):
        return "own"  # "We expect revenue to reach ...": an unmodified measure continues the market's story
    return None


# "across all end uses", "in all applications combined": the product's whole market, every downstream use
_ALL_USES_RX = re.compile(
    r"\b(?:across|in|for|over|spanning|covering|including)\s+all\s+(?:its\s+)?(?:end[\s\-]+uses?|end[\s\-]+markets|"
    r"applications|uses|end[\s\-]+use\s+(?:sectors|industries|markets)|downstream\s+(?:uses|sectors|markets))\b",
    re.IGNORECASE,
)
# "the whole needle coke industry", "the overall coke market", "total coke demand": the product at large
_WHOLE_PRODUCT_RX = re.compile(
    r"\b(?:the\s+)?(?:whole|entire|overall|total|broader|wider)\s+(?P<np>(?:[\w\-]+\s+){1,4}?)"
    r"(?:markets?|industry|industries|demand|consumption)\b",
    re.IGNORECASE,
)


def _broader_scope(ctx: _Context, text: str) -> bool:
    """A report on a product for one use ("needle coke for Li-ion anodes") that names the product across
    all its uses, or its whole/overall market without the use, refers to a broader market than its own."""
    if not ctx.market.tail or set(_words(text)) & ctx.market.tail:
        return False
    if _ALL_USES_RX.search(text):
        return True
    for m in _WHOLE_PRODUCT_RX.finditer(text):
        np = set(_words(m.group("np")))
        if np & ctx.market.head and np <= ctx.market.head | _GENERIC_MODIFIERS:
            return True
    return False


# "market", "industry", "sector"; the first-letter lookahead lets the scan skip most positions at once
_MARKET_WORD_RX = re.compile(r"(?=[mis])\b(?:market|industry|sector)s?\b", re.IGNORECASE)
_NEXT_WORD_RX = re.compile(r"[\s\-]*([A-Za-z]+)")


def _names_parent_market(market: _Market, mods: Sequence[str]) -> bool:
    """Modifiers that name only the downstream ("sodium-ion battery" for anode material for sodium-ion
    batteries) or only the leading words of the product, two or more head nouns short ("lithium-ion battery"
    for lithium-ion battery anode recycling): a parent or customer market, not the report's own."""
    expand = dict(market.acronyms)
    named = [x for w in mods if w in market.words and w not in _GENERIC_MODIFIERS for x in expand.get(w, (w,))]
    if not named:
        return False
    if not any(w in market.head for w in named):
        return bool(market.tail)
    seq = market.head_seq
    covered = [i for i, w in enumerate(seq) if w in named]
    return len(seq) >= 3 and bool(covered) and max(covered) <= len(seq) - 3


# "outside this market", "beyond the market", "unlike the broader market": the reference is excluded
_EXCLUDED_REF_RX = re.compile(
    r"\b(?:outside|beyond|unlike|besides|excluding|except|apart\s+from|other\s+than|aside\s+from)"
    r"(?:\s+of)?\s+(?:the|this|that|our|its)?\s*(?:[\w\-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "is a young market", "remains an attractive market": an indefinite "market" describes, it does not refer
_PREDICATIVE_RX = re.compile(r"\b(?:a|an)\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)
_EARLY_IT_RX = re.compile(r"^\W*(?:[A-Za-z]+\s+){1,3}it\b(?!['’]s)", re.IGNORECASE)
# a key-value label: "Revenue forecast in 2030 |", "Market value (2025):"
_MEASURE_LABEL_RX = re.compile(
    r"^\W*(?:(?:global|total|overall|estimated|projected)\s+)?(?:revenues?|sales|turnover|valuation)"
    r"(?:\s+(?:forecast|estimate|projection|value|in|by|for|of|the|year|\(|\)|(?:19|20)\d{2}))*\s*[|:–—-]\s*$",
    re.IGNORECASE,
)
_BARE_MEASURE_RX = re.compile(
    r"(?:^|[:;,]\s*|\b(?:expect|see|forecast|project|estimate|model|put)s?\s+)(?:(?:its|the|total|overall|annual)\s+)?"
    r"(?P<place>(?:(?-i:[A-Z])[\w\-]*\s+){0,3})(?:revenues?|sales|turnover|valuation)\s+(?:was|were|is|are|will|to|stood|reached|of|totall?ed|"
    r"amounted|came|should|could|may|might|rose|grew|climbed)\b",
    re.IGNORECASE,
)


def _bare_measure(text: str) -> bool:
    """A measure with no modifier but a place ("we model Asia Pacific revenue of", not "Tesla revenue")."""
    for m in _BARE_MEASURE_RX.finditer(text):
        place = m.group("place").strip()
        found = find_places(place) if place else []
        if not place or (found and found[0].start == 0 and found[0].end == len(place)):
            return True
    return False


_MODIFIER_BREAK_RX = re.compile(r"[,;:()\"“”—]")


def _modifiers(before: str) -> list[str]:
    """The words that modify a "market" ending ``before``, back to a determiner or clause word."""
    words = list(_WORD_RX.finditer(before))
    out: list[str] = []
    stop = {
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "their",
        "our",
        "of",
        "in",
        "at",
        "to",
        "with",
        "from",
        "on",
        "as",
        "is",
        "was",
        "by",
        "into",
        "across",
        "within",
        "whole",
        "entire",
        "such",
        "where",
        "which",
        "while",
        "and",
        "or",
        "than",
    }
    for w in reversed(words):
        gap = before[w.end() :]
        if _MODIFIER_BREAK_RX.search(gap):
            break
        lw = w.group().lower()
        if lw in stop and not (lw in {"for", "of", "and", "in"} and out):
            break
        if lw in {"for", "in", "of", "and"}:  # "carbon anode for aluminum electrolysis market"
            out.append(lw)
            before = before[: w.start()]
            continue
        out.append(_norm_word(w.group()))
        before = before[: w.start()]
        if len(out) >= 9:
            break
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Every demonym of the places lexicon, lower case ("indian", "korean", "saudi")."""
    return frozenset(_norm_word(a) for p in all_places().values() for a in p.adjectives)


def _is_place_word(w: str) -> bool:
    return (
        lookup_place(w) is not None
        or w in _demonyms()
        or w
        in {
            "u.s",
            "us",
            "north",
            "south",
            "east",
            "west",
            "central",
            "america",
            "american",
            "asian",
            "european",
            "chinese",
            "pacific",
            "middle",
            "africa",
            "latin",
            "rest",
        }
    )


def _subject_places(text: str, product_words: Iterable[str] = (), market_words: Iterable[str] = ()) -> list[PlaceMatch]:
    """Places in subject position: not after "from", "like", "including"...; "in X" only at clause start."""
    out: list[PlaceMatch] = []
    product_words = tuple(product_words)
    product_words_all = frozenset(market_words) | frozenset(product_words)
    for p in find_places(text):
        if p.place.kind == "global":
            continue
        prev = re.search(r"([A-Za-z]+)\W*$", text[: p.start])
        prev_word = prev.group(1).lower() if prev else ""
        adj = re.match(r"\s*(?P<np>(?:[\w\-]+\s+){0,5}?)(?:market|region)\b", text[p.end :])
        if (
            p.adjective
            and not re.match(r"\s*(?:anode|\w+\s+market)\b", text[p.end :])
            and not (adj and all(w in product_words_all or w in _GENERIC_MODIFIERS for w in _words(adj.group("np"))))
        ):
            continue  # "Chinese graphite anode market" is a scope; "Chinese EV makers" is not
        if prev_word in _PREPOSITIONS_BEFORE_PLACE:
            continue
        if (
            prev_word == "in"
            and text[: p.start].strip().lower() not in ("in",)
            and not _measure_in_rx(product_words).search(text[: p.start])
        ):
            continue
        poss = re.match(r"[’']s\s+(?P<np>(?:[\w\-]+\s+){0,6}?)(?:market|industry)\b", text[p.end :])
        if re.match(r"[’']s\s", text[p.end :]) and not (
            poss and all(w in product_words_all or w in _GENERIC_MODIFIERS for w in _words(poss.group("np")))
        ):
            continue  # "China's aluminum production"; but "Europe's synthetic graphite anode market" is ours
        out.append(p)
    return out


@lru_cache(maxsize=256)  # one per report market; built once instead of per place mention
def _measure_in_rx(product_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "demand in", "graphite anode sales in": a measure (or product word) then "in", ending the text."""
    return re.compile(
        r"\b(?:market|demand|sales|revenue|size|consumption|"
        + "|".join(map(re.escape, product_words))
        + r")s?\s+in\s*$",
        re.IGNORECASE,
    )


def _scope(ctx: _Context, gov: str, label: str | None = None, earlier: str = "") -> tuple[Place | None, str | None]:
    """The (place, as written) a figure is about; (None, None) means Global. "the region" (or "it is the
    fastest-growing region") is the place subject of an ``earlier`` clause of the sentence, else of the
    sentences before."""
    if label:
        p = lookup_place(label)
        if p is not None:
            return (None, label) if p.kind == "global" else (p, label)
    places = _subject_places(gov, ctx.market.head, ctx.market.words)
    if places:
        return places[0].place, places[0].as_written
    if _ANAPHOR_PLACE_RX.search(gov):
        ends = [m for m in _CLAUSE_BOUNDARY.finditer(earlier) if m.end() == len(earlier)]
        prev_clause = earlier[: ends[-1].start()] if ends else earlier  # without its closing ";" / ", while"
        before = _subject_places(prev_clause[_clause_start(prev_clause, len(prev_clause)) :]) if earlier else []
        if before:
            return before[0].place, before[0].as_written
        if ctx.last_place is not None:
            return ctx.last_place, ctx.last_place_text
    return None, None


# ", and Europe is anticipated to ...", ", with the U.S. market alone expected to ...": a later clause whose
# subject is a place of its own
_LATER_SUBJECT_LEAD_RX = re.compile(r"(?:,\s*(?:and|with)|\band|;)\s+(?:the\s+)?$", re.IGNORECASE)
_LATER_SUBJECT_VERB_RX = re.compile(
    r"\s*(?:(?:region|market|area)\s+)?(?:(?:alone|also|itself|too)\s+)?"
    r"(?:is|are|was|were|will|would|should|could|may|might|has|have|had|remains?|expected|projected|"
    r"forecast|anticipated|set|poised|estimated)\b",
    re.IGNORECASE,
)


def _later_subject_place(gov: str) -> PlaceMatch | None:
    """The place that is the subject of the last of two joined clauses before a figure ("The U.K. market
    was worth X in 2023, and France is expected to ..."): that clause, not the first, governs the figure."""
    for pm in reversed(find_places(gov)):
        if pm.place.kind == "global" or pm.adjective:
            continue
        if _LATER_SUBJECT_LEAD_RX.search(gov[: pm.start]) and _LATER_SUBJECT_VERB_RX.match(gov, pm.end):
            return pm
        return None
    return None


def _segment_name(gov: str) -> str | None:
    if "egment" not in gov:  # every _SEGMENT_RX match holds it; the pattern itself backtracks per capital
        return None
    for m in _SEGMENT_RX.finditer(gov):
        raw = m.group("name") or m.group("lname") or ""
        words = raw.split()
        while words and words[0].lower() in _SEGMENT_NAME_STOP:
            words = words[1:]
        if not words or any(w.lower() in {"market", "this", "each", "the", "which"} for w in words):
            continue
        if lookup_place(" ".join(words)) is not None:
            continue
        if m.group("lname") and any(w.lower() in _SEGMENT_NAME_STOP for w in words):
            continue
        return " ".join(words)
    return None


def _clause_segment(ctx: _Context, gov: str) -> str | None:
    """The segment a clause's "<Name> segment" names, as the document lists it. A loose noun ("The battery
    segment is the growth engine: needle coke sold into lithium-ion battery anodes was worth ...") gives way
    to a listed segment the clause names; without one, the noun is kept as written."""
    named = _segment_name(gov)
    if named is None:
        return None
    if _listed_segment(ctx, named.split()) is not None:
        return named  # a listed segment, as written ("The electric vehicle segment")
    return _listed_in(ctx, gov) or named


def _listed_in(ctx: _Context, text: str) -> str | None:
    """The listed segment ``text`` names last (nearest to the figure that follows it)."""
    if not ctx.segment_keys:
        return None
    words = _words(text)
    longest = max(len(k) for k in ctx.segment_keys)
    found: str | None = None
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = ctx.segment_keys.get(tuple(words[i : i + n]))
            if hit is not None:
                found = hit[0]
                break
    return found


_PAREN_RX = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _company_key(name: str) -> tuple[str, ...]:
    """A company name as lower-case words without its legal suffix ("Cabot Corporation" -> ("cabot",))."""
    words = [w.lower().strip(".,") for w in _PAREN_RX.sub(" ", name).split()]
    while len(words) > 1 and _LEGAL_SUFFIX_RX.fullmatch(words[-1].capitalize()):
        words.pop()
    return tuple(w for w in words if w)


def _listed_segment(ctx: _Context, words: Sequence[str]) -> tuple[str, SegmentKind, int] | None:
    """The listed segment a noun phrase names: (label, kind, words used). The phrase may add the market's
    head nouns ("Silicon-carbon composite anodes" for "Silicon-Carbon Composite") or a "segment" tail."""
    if not ctx.segment_keys:
        return None
    raw = list(words)
    while len(raw) > 1 and raw[-1].lower() in _SEGMENT_TAIL_WORDS:
        raw.pop()
    key = [_norm_word(w) for w in raw]
    hit = ctx.segment_keys.get(tuple(key))
    if hit is not None:
        return hit[0], hit[1], len(raw)
    seq = ctx.market.head_seq
    for k in range(len(seq), 0, -1):
        if len(key) > k and key[-k:] == list(seq[-k:]):
            hit = ctx.segment_keys.get(tuple(key[:-k]))
            if hit is not None:
                return hit[0], hit[1], len(raw) - k
    return None


# where a clause's subject ends: its verb (or an auxiliary)
_SUBJECT_END_RX = re.compile(
    r"\b(?:is|are|was|were|will|would|shall|should|could|may|might|can|has|have|had|to|generat(?:e|es|ed)|"
    r"reach(?:es|ed)?|gr(?:ew|ows?)|r(?:ose|ises?)|posts?|posted|records?|recorded|registers?|registered|"
    r"totall?(?:s|ed)|st(?:ood|ands?)|accounts?|accounted|holds?|held|earn(?:s|ed)|brought|contribut(?:es|ed)|"
    r"remain(?:s|ed)?|expand(?:s|ed)|continu(?:es|ed)|represent(?:s|ed)|climb(?:s|ed)|jump(?:s|ed)|"
    r"increas(?:es|ed)|ris(?:es|en)|valued|worth)\b",
    re.IGNORECASE,
)


def _segment_subject(ctx: _Context, gov: str) -> str | None:
    """The listed product type a clause is about when it is the clause's whole subject ("Carbon nanotubes
    (CNTs) are the fastest-growing product, ...", "Silicon-carbon composite anodes generated ...")."""
    if not ctx.segment_keys:
        return None
    g = _PAREN_RX.sub(" ", gov)
    m = _SUBJECT_END_RX.search(g)
    if m is None:
        return None
    np = g[: m.start()]
    if not re.fullmatch(r"[\s\-–•*>]*(?:[A-Za-z][\w&’'.\-]*\s+){1,6}", np):
        return None  # a subject of words only: no comma, no figure, no second clause
    words = np.split()
    while words and words[0].lower() in {"the", "its", "their", "this", "•", "-", "*"}:
        words = words[1:]
    hit = _listed_segment(ctx, words)
    if hit is None:
        return None
    label, kind, _ = hit
    explicit = len(words) > 1 and words[-1].lower() in _SEGMENT_ROLE_WORDS  # "The Drones application"
    if kind != "type" and not explicit and not set(_words(" ".join(words))) & ctx.market.head:
        return None  # an application ("Electric vehicles are a USD 800 billion market") is another market
    return label


# a subject's last word that names it as this market's segment, not as an industry of its own
_SEGMENT_ROLE_WORDS = frozenset({"application", "applications", "segment", "segments", "sub-segment"})


def _is_listed_company(ctx: _Context, name: str) -> bool:
    """A company signal: a legal suffix, a registry company, or one of the document's listed players."""
    if re.search(r"\b(?:Inc|Ltd|LLC|Corp|Corporation|Co|AG|SA|SE|plc|GmbH|Group|Holdings|Limited)\b\.?", name):
        return True
    key = _company_key(name)
    if key and any(c[: len(key)] == key for c in ctx.company_keys):
        return True
    return _registry_company(name)


@lru_cache(maxsize=4096)
def _registry_company(name: str) -> bool:
    from kg.resolve import default_resolver  # the registry loads once, on the first holder that needs it

    return default_resolver().match_registry(name, fuzzy=False) is not None


# ------------------------------------------------------------------ years and status


def _status(ctx: _Context, year: int, clause: str) -> Status:
    if ctx.base_year is not None:
        return "forecast" if year > ctx.base_year else "actual"
    return "forecast" if _FORECAST_CUE.search(clause) else "actual"


def _free_years(s: str) -> list[tuple[int, int]]:
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


_OF_WHICH_RX = re.compile(
    r"\bof\s+which\s+(?:[\w.&\-]+\s+){1,4}(?:alone\s+|only\s+)?(?:(?:accounted\s+for|was|is|made\s+up|represented|contributed)\s+)?$",
    re.IGNORECASE,
)
_SAME_YEAR_RX = re.compile(r"\s*(?:in|during|for)\s+(?:the\s+same|that)\s+year\b", re.IGNORECASE)


_EQUIVALENT_CLOSE_RX = re.compile(r"\s*\)")


def _bind_years(
    ctx: _Context, s: str, monies: Sequence[MoneyMatch], equivalents: Mapping[int, MoneyMatch] | None = None
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
        a = _YEAR_AFTER_RX.match(s, end, min(nxt, end + 40))
        if a:
            years[i] = int(a.group("year"))
            used.add(a.start("year"))
    free = _free_years(s)
    for i, m in enumerate(monies):
        if years[i] is not None:
            continue
        if _SAME_YEAR_RX.match(s, m.end):
            # "North America was worth USD 48.5 million in the same year": the year last named before it
            earlier = [y for pos, y in free if pos < m.start]
            years[i] = earlier[-1] if earlier else ctx.last_year
            continue
        lo = max(monies[i - 1].end if i else 0, _clause_start(s, m.start))
        cands = [(pos, y) for pos, y in free if lo <= pos < m.start and pos not in used]
        if cands:
            pos, y = cands[-1]
            years[i] = y
            used.add(pos)
    return years


def _context_target(ctx: _Context) -> int | None:
    recent = [y for n, y in ctx.recent_targets if ctx.sentence_no - n <= 3]
    if recent:
        return recent[-1]
    if ctx.meta.forecast_period:
        return ctx.meta.forecast_period[1]
    return None


# ------------------------------------------------------------------ one sentence


@dataclass
class _Size:
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
    r"^\W*(?:19|20)\d{2}[EFP]?\s+(?:forecast|estimate|projection|outlook|market\s+size|market\s+value|value|size)"
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


def _product_market_predicate(ctx: _Context, gov: str, s: str, m: MoneyMatch) -> bool:
    """ "Spherical graphite was a USD 3bn market in 2024": the subject names the report's product (every
    head word of its market) and the amount sizes a bare "market" right after it."""
    pm = _PRODUCT_IS_A_RX.match(gov)
    if pm is None or not ctx.market.head or _BARE_MARKET_AFTER_RX.match(s, m.end) is None:
        return False
    words = set(_words(pm.group("subj")))
    return ctx.market.head <= words and not words & ctx.market.tail


def _usd(ctx: _Context, m: MoneyMatch, equivalent_usd: dict[int, Decimal]) -> Decimal | None:
    """The amount in USD million: by the document's stated rate, else by the dollar equivalent beside it."""
    value = usd_million(m, ctx.rates)
    return value if value is not None else equivalent_usd.get(id(m))


# a numbered clause of a brief or list, "2.4 Electric buses represented ...": the number is no part of it
_ENUMERATOR_RX = re.compile(
    r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z][a-z]+\b)(?!(?:Million|Billion|Thousand|Trillion|Percent)\b)"
)


def _sentence(ctx: _Context, sent: Sentence) -> None:
    # blanked, not cut, so that every offset into the sentence stays an offset into its evidence
    s = _ENUMERATOR_RX.sub(lambda m: " " * len(m.group()), sent.text)
    monies = find_money(s)
    cagrs = find_cagr(s)
    shares = find_shares(s)
    ev = Evidence(start=sent.start, end=sent.end, quote=sent.text)
    first_clause_own = False
    first_clause_scope: tuple[Place | None, str | None] = (None, None)
    found_before = len(ctx.growth) + len(ctx.shares)
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
    if monies:
        years = _bind_years(ctx, s, monies, equivalents)
        sizes: list[_Size] = []
        for m, year in zip(monies, years, strict=True):
            cs, _, aside = _governing(s, m.start)
            gov = s[cs : m.start] if not aside else s[_clause_start(s, m.start) : m.start]
            ref = _market_ref(ctx, gov)
            place, place_text = _scope(ctx, gov, None, s[:cs])
            later = _later_subject_place(gov) if place is not None else None
            if later is not None:
                place, place_text = later.place, later.as_written
            subject = _segment_subject(ctx, gov)
            segment = _clause_segment(ctx, gov) or subject
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
                subj = _subject_places(gov[frame.end("frame") if frame and frame.group("frame") else 0 :])
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
                subj = _subject_places(gov)
                if subj and subj[0].place.kind != "global":
                    ref = "own"  # "North America was a US$120mn market in 2024"
                    place, place_text = subj[0].place, subj[0].as_written
            if ref is None and _product_market_predicate(ctx, gov, s, m):
                ref = "own"  # "Spherical graphite was a USD 3bn market in 2024"
                segment = None
            if ref is None and _continues_market(ctx, gov):
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
            local = s[max(cs, m.start - 70) : m.start] + " " + s[m.end : m.end + 25]
            negative = bool(_NEGATIVE_MONEY.search(local)) or bool(_NEGATIVE_MONEY.search(gov[-60:]))
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
            sizes.append(_Size(m, year, place, place_text, segment, own))
        for sz in sizes:
            if not sz.own:
                ctx.stats.append(
                    Statistic(evidence=(ev,), label=_label(s, sz.money.start), value_text=sz.money.as_written)
                )
                continue
            prev_end = max((x.money.end for x in sizes if x.money.end <= sz.money.start), default=0)
            clause = s[max(prev_end, _clause_start(s, sz.money.start)) : sz.money.end + 12]
            if sz.year is None and _FORECAST_CUE.search(clause):
                forecast_years = [x.year for x in sizes if x.year is not None and x.year > (ctx.base_year or 0)]
                sz.year = forecast_years[-1] if forecast_years else _context_target(ctx)
                sz.status = "forecast"
            if sz.year is None:
                ctx.stats.append(
                    Statistic(evidence=(ev,), label=_label(s, sz.money.start), value_text=sz.money.as_written)
                )
                sz.own = False
                continue
            status = sz.status or _status(ctx, sz.year, clause)
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
        own_years = [x.year for x in sizes if x.own and x.year is not None]
    else:
        own_years = []
    own_sizes = [x for x in sizes if x.own] if monies else []
    for c in cagrs:
        before_rate = len(ctx.growth)
        _cagr(ctx, s, c, ev, own_years, own_sizes)
        if len(ctx.growth) > before_rate:
            _elliptical_rate(ctx, s, c, cagrs)
    for sh in shares:
        _share(ctx, s, sh, ev)
        _elliptical_share(ctx, s, sh, ev, shares)
    for sz in own_sizes:
        _share_of_total(ctx, s, sz, ev)
    _update_context(ctx, s)
    if named := _free_years(s):
        ctx.last_year = named[-1][1]
    whole = _market_ref(ctx, s)
    # a sentence that gave one of the market's figures was about the market
    ctx.prev_own = whole == "own" or bool(own_sizes) or len(ctx.growth) + len(ctx.shares) > found_before
    if ctx.prev_own:
        ctx.last_own_no = ctx.sentence_no
    elif whole == "foreign":
        ctx.last_foreign_no = ctx.sentence_no


_WHOLE_MARKET_AFTER_RX = re.compile(r"\s*(?:global\s+|worldwide\s+)?(?:markets?|industry|industries|business)\b", re.I)
# "it" as an object that a figure follows ("could lift it to", "expected it to reach", "valued it at")
_IT_RX = re.compile(r"\b[a-z]\w*\s+it\s+(?:to|at|by|beyond|past|above|over)\b", re.IGNORECASE)
# ", 55% of the total": a part's share, right after its amount (and year)
_SHARE_OF_TOTAL_RX = re.compile(
    r"\s*,\s*(?:or\s+|i\.e\.\s+)?(?:(?:about|around|roughly|nearly|some|approximately|almost|over|just\s+over)\s+)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s+of\s+(?:the\s+|its\s+)?(?P<basis>(?:(?:global|total|overall|world|"
    r"worldwide|regional)\s+)?(?:total|market|revenues?|sales|value|demand)(?:\s+(?:total|revenues?|value))?)\b",
    re.IGNORECASE,
)


def _share_of_total(ctx: _Context, s: str, sz: _Size, ev: Evidence) -> None:
    """ "Silicon-carbon composite anodes generated USD 171.9 million in 2024, 55% of the total": the share
    of a segment's (or a place's) own amount, when the percentage follows the amount as an apposition."""
    holder = sz.segment or (sz.place.name if sz.place is not None else None)
    if holder is None:
        return
    at = sz.money.end
    year = _YEAR_AFTER_RX.match(s, at)
    if year is not None:
        at = year.end()
    gloss = re.match(r"\s*\([^()]*\)", s[at:])  # "(about USD 875 million at RMB 7.20 per dollar), or about 70%"
    if gloss is not None:
        at += gloss.end()
    m = _SHARE_OF_TOTAL_RX.match(s, at)
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


_PLACE_SUBJECT_RX = re.compile(r"^\W*(?:(?:and|also|meanwhile|moreover|in\s+addition|the)\W+)*$", re.IGNORECASE)
_CONTINUITY = 8  # sentences (headings included) a passage about the market carries over


def _continues_market(ctx: _Context, gov: str) -> bool:
    """A clause whose subject is a bare place ("North America is expected to grow at ...") inside a passage
    about the market (an own sentence in the last few, no other market named since) is about the market."""
    if ctx.last_own_no is None or ctx.sentence_no - ctx.last_own_no > _CONTINUITY:
        return False
    if ctx.last_foreign_no is not None and ctx.last_foreign_no > ctx.last_own_no:
        return False
    places = _subject_places(gov, ctx.market.head)
    if not places:
        return False
    lead = gov[: places[0].start]
    lead = lead[lead.rfind(":") + 1 :]  # "Outside China, growth is steep: North America is forecast to ..."
    if not _PLACE_SUBJECT_RX.match(lead):
        return False
    rest = gov[places[0].end :]
    # the place is the whole subject: a verb follows it directly ("APAC is forecast", "Europe will"), or
    # after a focusing adverb ("China alone accounted for")
    return bool(
        re.match(
            r"\s*(?:(?:region|market|area)\s+)?(?:(?:alone|also|itself|too|by\s+itself|on\s+its\s+own)\s+)?"
            r"(?:is|are|was|were|will|would|should|could|may|might|has|have|had|remains?|"
            r"continues?|accounted|held|holds|grew|grows|registered|recorded|posted|to)\b",
            rest,
            re.IGNORECASE,
        )
    )


_MIN_SIZE = Decimal("0.01")  # below USD 10 000 an amount is a price or a count, not a market


def _label(s: str, pos: int) -> str:
    """A short description of a non-market figure: the words just before it in its clause."""
    cs = _clause_start(s, pos)
    words = s[cs:pos].split()[-10:]
    return " ".join(words).strip(" ,;:—–-") or s[:80]


def _update_context(ctx: _Context, s: str) -> None:
    places = _subject_places(s[: max(1, len(s) // 2)])
    if places:
        ctx.last_place = places[0].place
        ctx.last_place_text = places[0].as_written
    m = _OPENING_NAMES_RX.match(s)
    if m:
        first = m.group("names").split()[0].lower()
        if first not in _SENTENCE_STARTERS and lookup_place(m.group("names")) is None:
            ctx.prev_subject = m.group("names")
            return
    ctx.prev_subject = None


_OPENING_NAMES_RX = re.compile(
    r"(?:[-–>•➤\s]*)(?P<names>[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*)*"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*)*)*)"
)
_SENTENCE_STARTERS = _wordset(
    "the a an this these those that it its in as however while with for by from on at to of and but "
    "also moreover furthermore additionally despite although though key major leading global regional "
    "recent many several some other such there their our we our what which who when where why how"
)


# ------------------------------------------------------------------ CAGR


def _cagr(
    ctx: _Context,
    s: str,
    c: CagrMatch,
    ev: Evidence,
    own_years: list[int],
    own_sizes: Sequence[_Size] = (),
) -> None:
    cs, _, aside = _governing(s, c.start)
    gov = s[cs : c.start]
    # a bare "CAGR 6.9% (2025-2030)" line is a snapshot of the market, unless the line just before named
    # another market (a related-reports list: "Needle Coke Market" / "CAGR 6.9% (2025-2030)")
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
    ref = _market_ref(ctx, gov)
    rel = _RELATIVE_END_RX.search(gov)
    if rel is not None and not _own_antecedent(ctx, rel.group("ante")):
        ref = None  # "The market is driven by EV sales, which are growing 30% a year": the sales' rate
    segment = _clause_segment(ctx, gov) or _segment_subject(ctx, gov)
    if ref is None and segment is not None:
        ref = "own"  # "Carbon nanotubes (CNTs) are the fastest-growing product, with a CAGR of 14.8%"
    governing_size = next(
        (x for x in reversed(own_sizes) if cs <= x.money.start < c.start),
        None,
    )
    if ref is None and governing_size is not None:
        # "..., reaching USD 1,210 mn by 2032, a CAGR of 16.8%": the rate of the amount it follows
        ref = "own"
    # (a "market" word before it, e.g. "a US$120mn market", was the own amount's noun, so any reference)
    elided = _ELIDED_SUBJECT_RX.search(s, cs, c.start) if ref != "own" and own_sizes else None
    if elided is not None and any(x.money.end <= elided.start() for x in own_sizes):
        # "North America was a US$120mn market in 2024 and should grow at 41.2% a year": the subject of the
        # first clause, whose amount was the market's
        ref = "own"
        governing_size = governing_size or [x for x in own_sizes if x.money.end <= elided.start()][-1]
    if ref is None and _continues_market(ctx, gov):
        ref = "own"
    label_owner = (
        (ref is None or (label_line and segment is None and not _subject_places(gov)))
        and ctx.line_label is not None
        and c.start >= ctx.line_label[2]
    )
    if label_owner and ctx.line_label is not None:
        # "India: the fastest-growing country, 21.4% p.a. to 2030": the rate of the breakdown line's label
        ref = "own"
        if ctx.line_label[1] is None:
            segment = ctx.line_label[0]
    if segment is None and governing_size is not None and governing_size.segment is not None and ref == "own":
        segment = governing_size.segment  # "Others: €0.18 bn in 2024, the fastest-growing type at a CAGR of 14.2%"
    label_place = lookup_place(c.label) if c.label else None
    if not c.plausible or c.high_percent is not None or (ref != "own" and not label_line):
        ctx.stats.append(Statistic(evidence=(ev,), label=_label(s, c.start), value_text=c.as_written))
        return
    place, place_text = _scope(ctx, gov, c.label if label_place else None, s[:cs])
    later = _later_subject_place(gov) if place is not None and not label_place else None
    if later is not None:
        place, place_text = later.place, later.as_written
        governing_size = None
    if label_owner and ctx.line_label is not None and ctx.line_label[1] is not None:
        place, place_text = ctx.line_label[1], ctx.line_label[0]
    if place is None and governing_size is not None and governing_size.place is not None and not label_place:
        place, place_text = governing_size.place, governing_size.place_text
    start, end = _resolve_period(ctx, c, own_years)
    if label_owner and start is None and end is None and ctx.meta.forecast_period:
        start, end = ctx.meta.forecast_period  # a breakdown line's rate is over the report's forecast
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


_DASH_LABEL_RX = re.compile(r"^\W*(?P<label>[A-Za-z][\w ]*?)\s*[–—-]\s*$")


def _other_product_label(ctx: _Context, gov: str) -> bool:
    """ "Coal Tar Pitch Binder — CAGR 3.8%" (a list of other reports): a name of two or more words before
    the dash that is neither a place, a listed segment nor made of the market's words names another
    product, so the line is no snapshot of the report's market."""
    m = _DASH_LABEL_RX.match(gov)
    if m is None:
        return False
    label = m.group("label")
    words = _words(label)
    if len(words) < 2 or lookup_place(label) is not None or _listed_segment(ctx, words) is not None:
        return False
    if re.search(r"(?i)\b(?:cagr|growth|forecast|market|revenue|value|total|overall|global)\b", label):
        return False
    return not {_norm_word(w) for w in words} & ctx.market.words


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


def _own_antecedent(ctx: _Context, word: str) -> bool:
    """Is the noun a relative clause describes the market, its product, one of its places or segments?"""
    w = _norm_word(word)
    return w in {"market", "industry", "sector", "segment", "region", "country"} or w in ctx.market.words or (
        _is_place_word(w)
    )


# "North America is forecast to grow at 20.5% a year between 2025 and 2034 and Europe at 21.1%": a second
# scope whose verb and period are elided
_ELLIPTICAL_RATE_RX = re.compile(
    r"[^;%]{0,60}?,?\s+(?:and|while|whereas)\s+(?P<holder>(?:the\s+)?(?-i:[A-Z])[\w&.\-]*"
    r"(?:\s+(?:(?-i:[A-Z])[\w&.\-]*|&|of|the)){0,4}?)\s+(?:at|with|on)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)(?!\s*(?:of|share|market\s+share)\b)",
    re.IGNORECASE,
)


def _elliptical_rate(ctx: _Context, s: str, c: CagrMatch, cagrs: Sequence[CagrMatch]) -> None:
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


def _resolve_period(ctx: _Context, c: CagrMatch, own_years: list[int]) -> tuple[int | None, int | None]:
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


# ------------------------------------------------------------------ shares

_GENERIC_HOLDER_TAIL = _wordset(
    "manufacturer producer company firm player supplier vendor maker region country industry market nation economy"
)
_COMPANY_NOUNS = _wordset("company companies player players firm firms vendor vendors")
_HOLDER_STRIP_LEAD = _wordset(
    "and or while whereas but the a an global leading key major main largest biggest its their these "
    "those this that worldwide overall"
)
_HOLDER_STRIP_TAIL = _wordset(
    "now currently collectively together alone still already also continue continues continued to "
    "have has had is are was were which that who reportedly jointly combined nevertheless nonetheless "
    "however thus therefore meanwhile today presently instead likewise similarly though"
)
_POST_PARTICIPLE_RX = re.compile(
    r"\s+(?:operated|owned|run|managed|based|located|headquartered|controlled)\s+(?:by|in|at)\b", re.IGNORECASE
)
_VERBISH = re.compile(
    r"\b(?:dominat\w*|lead(?:s|ing)?|led|continu\w*|account\w*|hold\w*|held|remain\w*|is|are|was|were|has|have|"
    r"had|represent\w*|control\w*|captur\w*|command\w*|mak\w+|made|compris\w*|constitut\w*|contribut\w*|"
    r"now|currently|collectively|together|alone|still|already|also|will|can|could|emerg\w*|stand\w*|stood|"
    r"occup(?:y|ies|ied|ying)|absorb\w*)\b",
    re.IGNORECASE,
)
_ANAPHOR_COMPANY = re.compile(
    r"^(?:these|those|both|the\s+two|the\s+three|such)\s+(?:companies|players|firms|"
    r"manufacturers|producers|leaders|vendors|suppliers)$|^(?:they|together)$",
    re.IGNORECASE,
)
_TOP_N_STOP = _wordset("in of for by with from on at across within globally worldwide together combined and or")
_TOP_N = re.compile(
    r"\btop\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<noun>[a-z]+)", re.IGNORECASE
)


def _share(ctx: _Context, s: str, sh: ShareMatch, ev: Evidence) -> None:
    if not sh.plausible:
        return
    basis_words = _words(sh.basis)
    basis_ok = bool(basis_words) and (
        basis_words[-1] in {_norm_word(w) for w in _MEASURES} or bool(set(basis_words) & ctx.market.head)
    )
    if "market" in basis_words and _market_ref(ctx, sh.basis) == "foreign":
        basis_ok = False
    if basis_ok and _other_product(ctx, basis_words):
        basis_ok = False  # "90% of the world's graphite anode output" in a battery anode materials report
    if basis_ok and _parent_total(ctx, basis_words):
        basis_ok = False  # "36% of total natural graphite demand" in a flake graphite report
    holder = _holder(ctx, s, sh)
    if ctx.line_label is not None and sh.start >= ctx.line_label[2] and (holder is None or ctx.card is None):
        # "SBR: €0.66 bn in 2024, equal to a 46.5% share of the market": the line's label holds it
        lp = ctx.line_label[1]
        holder = (lp.name, "region") if lp is not None else (ctx.line_label[0], "segment")
    if not basis_ok or holder is None:
        ctx.stats.append(Statistic(evidence=(ev,), label=_label(s, sh.start), value_text=sh.as_written))
        return
    name, kind = holder
    year = None
    # the year the share is for: "in 2024" in its clause (also after the basis: "52% of lithium metal foil
    # revenue in 2024"), or a year that qualifies the basis ("38% of 2024 demand")
    clause = s[_clause_start(s, sh.start) : max(sh.end, sh.basis_end) + 40]
    ym = re.search(r"\b(?:in|as\s+of|during|for)\s+(?:the\s+year\s+)?(?P<y>(?:19|20)\d{2})\b", clause)
    ym = ym or re.match(r"\s*(?P<y>(?:19|20)\d{2})\b", s[sh.basis_start : sh.basis_end])
    if ym:
        year = int(ym.group("y"))
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


_ELLIPTICAL_SHARE_RX = re.compile(
    r"(?:\s+in\s+(?:19|20)\d{2})?\s*,?\s+(?:and|while|with)\s+(?P<holder>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z&][\w&.\-]*){0,4})"
    r"\s+(?:for|at|with)\s+(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)(?!\s*(?:of|share|CAGR)\b)"
)


def _elliptical_share(ctx: _Context, s: str, sh: ShareMatch, ev: Evidence, shares: Sequence[ShareMatch]) -> None:
    """ "Europe accounted for 41% of 2024 demand and Asia Pacific for 38%": the second holder's share, of
    the same basis, when the first one was the market's and the second holder is a place."""
    if not ctx.shares or ctx.shares[-1].value_text != sh.as_written or ctx.shares[-1].evidence[0] != ev:
        return
    if s[sh.basis_end : sh.basis_end + 1] == ")" and ctx.shares[-1].holder_kind != "company":
        _bracketed_shares(ctx, s, sh.basis_end, shares)
        return
    m = _ELLIPTICAL_SHARE_RX.match(s, sh.basis_end)
    if m is None or any(o.start == m.start("value") for o in shares):
        return
    places = find_places(m.group("holder"))
    if not places or places[0].place.kind == "global" or places[0].end < len(m.group("holder").strip()):
        return
    first = ctx.shares[-1]
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


# "EV batteries (78% of 2024 volume), energy storage systems (14%) and other (8%)": the next bracketed
# shares of a list, of the first one's basis
_BRACKETED_NEXT_RX = re.compile(
    r"\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<holder>[A-Za-z][\w&\-]*(?:\s+[\w&\-]+){0,4}?)\s*"
    r"\(\s*(?P<value>(?P<pct>\d{1,2}(?:\.\d+)?)\s*%)\s*(?=\))"
)


def _bracketed_shares(ctx: _Context, s: str, pos: int, shares: Sequence[ShareMatch]) -> None:
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


_BASIS_GENERIC = _wordset("of the world all total share combined installed annual domestic nameplate")


_HEAD_GENERIC = _wordset("anode anodes material materials product products powder powders battery batteries grade")


def _parent_total(ctx: _Context, basis_words: Sequence[str]) -> bool:
    """ "total hard carbon demand" in a pitch-based hard carbon report: a total of the product without the
    word that makes the market narrower is the parent market's, so a share of it is not the market's."""
    if not basis_words or basis_words[0] not in {"total", "overall", "entire", "all"}:
        return False
    named = set(basis_words) & ctx.market.head
    missing = ctx.market.head - set(basis_words) - _HEAD_GENERIC
    return bool(named) and bool(missing)


def _other_product(ctx: _Context, basis_words: Sequence[str]) -> bool:
    """A basis that names the market's product with a modifier the market's name does not have names
    another (narrower or neighbouring) product: "graphite anode output" for battery anode materials."""
    if not set(basis_words) & ctx.market.head:
        return False
    measures = {_norm_word(w) for w in _MEASURES}
    return any(
        w not in ctx.market.words
        and w not in measures
        and w not in _GENERIC_MODIFIERS
        and w not in _BASIS_GENERIC
        and not _is_place_word(w)
        for w in basis_words
    )


_PARTICIPLE_RX = re.compile(
    r"\s*(?:holding|accounting|capturing|representing|commanding|contributing|controlling|making|"
    r"generating|occupying|claiming)\b",
    re.IGNORECASE,
)
_EMPTY_WITH_RX = re.compile(
    r"\s*(?:(?:the|a|an|its|their|largest|biggest|highest|major|dominant|leading|significant|"
    r"substantial|considerable|commanding|notable|maximum|total|combined|overall|revenue|market|"
    r"estimated|approximately|about|around|nearly|over|more|than)\s*)*",
    re.IGNORECASE,
)


_INDEFINITE_END_RX = re.compile(r"\b(?:a|an|any|each|every|no)\s+(?:[\w\-]+\s+)?[\w\-]+\s*$", re.IGNORECASE)
_REPORTED_RX = re.compile(
    r"\s*[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s+(?:says|said|estimates|estimated|reckons|believes|notes|"
    r"argues|claims|reports|thinks)\s+(?:that\s+)?"
)


def _holder(ctx: _Context, s: str, sh: ShareMatch) -> tuple[str, HolderKind] | None:
    """Who holds the share: the subject of the share verb, resolved (anaphora, places, "top five")."""
    cs = _clause_start(s, sh.verb_start)
    seg_text = s[cs : sh.verb_start]
    if ")" in seg_text and "(" not in seg_text[: seg_text.find(")")] and (op := s.rfind("(", 0, cs + 1)) >= 0:
        cs = _clause_start(s, op)  # "Asia (incl. China) — 58.9 %": the clause began before the bracket
    # a bracketed list or gloss is not the subject: "South India (Tamil Nadu, Karnataka, Andhra Pradesh):"
    w = _PAREN_RX.sub(" ", s[cs : sh.verb_start])
    # a relative clause or aside: "hard carbon anode materials—which account for ..."
    rel = re.search(r"(?:[—–(,]\s*)?\b(?:which|that|who)\s*$", w)
    if rel:
        w = w[: rel.start()]
        w = re.split(r"\b(?:in|of|for|on|from|with|by|at|to)\s+", w)[-1]
    else:
        dash = max(w.rfind("—"), w.rfind(" – "))
        if dash >= 0 and w[dash:].strip(" —–"):
            w = w[dash + 1 :]
        colon = w.rfind(":")
        if colon >= 0 and re.search(r"[A-Za-z]", w[colon + 1 :]):
            w = w[colon + 1 :]  # "The market is concentrated: the top 10 producers supplied ...": a new clause
        parts = re.split(r",\s*", w)
        tail = parts[-1] if parts else ""
        # a participle ("X dominates ..., accounting for 60%", "..., holding a market share of") takes
        # the sentence subject
        participle = _PARTICIPLE_RX.match(tail) is not None
        w = parts[0] if (not tail.strip() or participle) and len(parts) > 1 else tail
        if re.search(r"\bwith\b", w, re.IGNORECASE):
            pieces = re.split(r"\bwith\b", w, flags=re.IGNORECASE)
            after_with = pieces[-1]
            if _EMPTY_WITH_RX.fullmatch(after_with):
                w = "with".join(pieces[:-1])  # "X dominated the market with the largest share of": X
            elif after_with.strip():
                w = after_with
        v = _VERBISH.search(w)
        if v is not None and v.start() > 0:
            w = w[: v.start()]
        # a participle phrase after the head noun: "Captive plants operated by the smelters": Captive plants
        w = _POST_PARTICIPLE_RX.split(w, maxsplit=1)[0]
    if _INDEFINITE_END_RX.search(w):
        return None  # "dependency on a supplier holding more than 30%": a hypothetical holder, no one named
    reported = _REPORTED_RX.match(w)
    if reported is not None:
        # "— Pellham says they hold 51%": the source speaks; its pronoun is the list the sentence opened with
        if not _ANAPHOR_COMPANY.match(w[reported.end() :].strip()):
            return None
        names = _OPENING_NAMES_RX.match(s)
        if names is None or not re.search(r",|\band\b|&", names.group("names")):
            return None
        if names.group("names").split()[0].lower() in _SENTENCE_STARTERS or names.end() > sh.verb_start:
            return None
        return names.group("names"), "company"
    w = re.sub(r"[’']s\s*$", " ", w)  # "Europe’s share of the market": Europe
    raw_np = " ".join(re.findall(r"[\w&’'.\-]+", w))
    np = _clean_np(w)
    if not np:
        return None
    if _ANAPHOR_COMPANY.match(raw_np) or _ANAPHOR_COMPANY.match(np):
        if ctx.prev_subject:
            return ctx.prev_subject, "company"
        return None
    top = _TOP_N.search(np)
    if top:
        # the whole noun phrase after "top N" ("the top three Chinese producers"), its head noun last
        words_after = [top.group("noun")]
        for x in np[top.end() :].split():
            if x.lower() in _TOP_N_STOP or len(words_after) >= 4:
                break
            words_after.append(x)
        noun = words_after[-1].lower()
        noun = "companies" if noun in _COMPANY_NOUNS else noun
        return " ".join(["Top", top.group("n"), *words_after[:-1], noun]), "company"
    words = _words(np)
    if set(words) & ctx.market.tail and not set(words) & ctx.market.head and _listed_segment(ctx, np.split()) is None:
        return None  # the market's downstream ("aluminum production capacity"), not the market
    np = re.sub(r"[’']s\b", "", np)  # "China’s producers": China
    places = find_places(np)
    if places:
        p = places[0]
        lead = np[: p.start].split()
        rest = [x for x in _words(np[p.end :]) if x not in _GENERIC_HOLDER_TAIL]
        if lead and all(x.lower() in _COMPASS for x in lead) and not rest and not p.adjective:
            return np[: p.end].strip(), "region"  # "South India": a part of a country or region
        rest += [x for x in _words(" ".join(lead)) if x not in _GENERIC_HOLDER_TAIL]
        if not rest or all(x in ctx.market.words for x in rest):
            return p.place.name, "region"
        return None
    if len(words) > 6:
        return None
    raw_words = np.split()
    kind: HolderKind = "application" if re.search(r"\b(?:consum\w*|demand|usage|use)\b", sh.basis, re.I) else "segment"
    listed = _listed_segment(ctx, raw_words)
    while len(raw_words) > 1 and raw_words[-1].lower() in _SEGMENT_TAIL_WORDS:
        # "the automotive segment", "automotive end-use industry": Automotive
        if raw_words[-1].lower().startswith(("application", "end-use", "end-user", "industr")):
            kind = "application"
        raw_words = raw_words[:-1]
    if listed is not None:
        # a listed segment names the holder and its kind; the phrase is kept as written, without the
        # market's head nouns only when the list names the type without them ("hard carbon anode
        # materials" for "Hard Carbon" in an anode material market)
        raw_words = raw_words[: listed[2]]
        kind = "segment" if listed[1] == "type" else "application"
    if not raw_words:
        return None
    name = " ".join(raw_words)
    if listed is None:
        if _is_listed_company(ctx, name):
            kind = "company"
        elif set(_words(name)) & ctx.market.head:
            kind = "segment"  # it names the market's product: a type of it
    if all(_norm_word(x) in _GENERIC_HOLDER_TAIL | ctx.market.words for x in raw_words):
        return None
    return _expand(ctx, name), kind


_COMPASS = _wordset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest north-east north-west south-east south-west"
)


def _clean_np(w: str) -> str:
    words = re.findall(r"[\w&’'.\-]+", w)
    while words and words[-1].lower() in _HOLDER_STRIP_TAIL:
        words.pop()
    while words and words[0].lower() in _HOLDER_STRIP_LEAD:
        words.pop(0)
    return " ".join(words).strip(" .,")


def _expand(ctx: _Context, name: str) -> str:
    """A one-word holder ("Storage") to the fuller name the document uses for it ("Energy Storage")."""
    if " " in name or not name:
        return name
    key = name.lower()
    if key in ctx.holder_terms:
        return ctx.holder_terms[key]
    counts: dict[str, int] = {}
    for m in re.finditer(r"\b([A-Za-z][a-z]+)[ \t]+" + re.escape(name) + r"\b", ctx.doc.text, re.IGNORECASE):
        mod = m.group(1)
        if mod.lower() in _EXPAND_STOP or mod.lower() in ctx.market.words:
            continue
        k = f"{mod.capitalize()} {name.capitalize()}"
        counts[k] = counts.get(k, 0) + 1
    best = max(sorted(counts), key=lambda k: counts[k]) if counts else name
    if counts and counts[best] < 2:
        best = name
    ctx.holder_terms[key] = best
    return best


_SEGMENT_TAIL_WORDS = _wordset(
    "applications application sector sectors segment segments sub-segment end-use end-user end-uses uses "
    "industry industries vertical verticals category categories"
)

_EXPAND_STOP = _wordset(
    "the a an and or of in for to with by on at from as is are was were be been this that these those "
    "its their our new more most less such other all any each both many some several into over under "
    "via per renewable increasing growing rising global total overall"
)


# ------------------------------------------------------------------ tables

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


_LINE_LABEL_RX = re.compile(
    # after an optional numbered-paragraph mark ("2.2 Europe: US$ 88.2 million")
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?P<label>[A-Z][\w&/+.\-]*(?:\s+[\w&/+.\-]+){0,4}?)\s*(?:\([^()]{0,60}\))?\s*(?::|\s[—–])\s*"
    # an amount, a percentage ("Coal-based: 37% of revenue") or a superlative ("India: the fastest-growing
    # country, 21.4% p.a.")
    r"(?=[$€£¥]|[A-Z]{3}\b|US\$|~?\d{1,3}(?:[.,]\d+)?\s*%|(?:the\s+)?(?:fastest|slowest|largest|smallest|biggest)\b)"
)


_CARD_MAX = 250  # characters: a card's line is short; a longer paragraph names its own subject
# a sibling figure line of the same card: short, a digit, no sentence end ("2024: US$ 238.1 Mn", "CAGR: 9%")
_CARD_SIBLING_RX = re.compile(r"^(?=.{1,80}$)(?=.*\d)(?:[^.!?]|\.(?=\d))*$")
_CARD_LABELLED_RX = re.compile(r"^[A-Z][^\d:—–]{0,58}?\s+[—–]\s+")  # "Asia Pacific — 54 %": a subject itself
_CARD_YEAR_RX = re.compile(r"^\s*(?:19|20)\d{2}[EFP]?\s*[:|–—-]\s*")


def _card_subject(ctx: _Context, index: int) -> tuple[str, Place | None] | None:
    """The card subject of a short block: the heading or short line just above it (past at most three
    sibling figure lines of the same card) that is only a place or a listed segment."""
    doc = ctx.doc
    block = doc.blocks[index]
    if block.kind not in ("paragraph", "list_item") or block.end - block.start > _CARD_MAX:
        return None
    if _CARD_LABELLED_RX.match(doc.text[block.start : block.end]):
        return None  # "Europe — 21 %" names its own subject
    j = index - 1
    for _ in range(3):
        if j < 0:
            return None
        b = doc.blocks[j]
        t = doc.text[b.start : b.end].strip()
        if b.kind in ("paragraph", "list_item") and _CARD_SIBLING_RX.match(t) and not _CARD_LABELLED_RX.match(t):
            j -= 1
            continue
        break
    if j < 0:
        return None
    b = doc.blocks[j]
    t = doc.text[b.start : b.end].strip()
    if b.kind == "list_item" and block.kind != "list_item":
        return None  # a bullet heads only its sub-bullets
    if b.kind == "list_item" or b.kind == "paragraph":
        # "Asia Pacific — 54 %": a labelled figure line is the card's subject by its label
        t = re.split(r"\s+[—–]\s+", t, maxsplit=1)[0].strip()
    if b.boilerplate or b.kind not in ("heading", "paragraph", "list_item") or len(t) > 60:
        return None
    if re.search(r"\d|[.:;!?]$", t):
        return None
    place = lookup_place(t)
    if place is not None:
        return None if place.kind == "global" else (t, place)
    hit = _listed_segment(ctx, _words(_PAREN_RX.sub(" ", t)))
    if hit is not None and hit[2] == len(_words(_PAREN_RX.sub(" ", t))):
        return t, None  # as written, with its gloss: "Silicon Oxide (SiOx)"
    return None


def _card_line_start(s: str) -> int:
    """Where a card line's figure starts: after a leading "2024:" year label, else at the start."""
    m = _CARD_YEAR_RX.match(s)
    return m.end() if m else 0


def _line_label(ctx: _Context, index: int, s: str) -> tuple[str, Place | None, int] | None:
    """ "CMC: €0.58 bn in 2024" as a line of a breakdown: the label is a listed segment, a place, or the
    line sits under a breakdown heading or intro ("By binder type: ...", "Segmentation")."""
    m = _LINE_LABEL_RX.match(s)
    if m is None:
        return None
    label = m.group("label").strip()
    if _market_ref(ctx, label) is not None or re.search(r"(?i)\b(?:market|total|cagr|share|price)\b", label):
        return None
    place = lookup_place(label)
    hit = _listed_segment(ctx, _words(label))
    listed = hit is not None
    if hit is not None and place is None:
        label = hit[0]  # "Coal-based needle coke: ..." in a needle coke report: the listed "Coal-based"
    if place is None and not listed:
        # the nearest block above that is not a sibling line must introduce a breakdown
        j = index - 1
        while j >= 0 and ctx.doc.blocks[j].kind == "list_item":
            j -= 1
        if j < 0:
            return None
        intro = ctx.doc.text[ctx.doc.blocks[j].start : ctx.doc.blocks[j].end]
        if not re.search(r"(?i)\bby\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s*:|\bsegment(?:s|ation)?\b|\btypes?\b", intro):
            return None
    if place is not None and place.kind == "global":
        return None
    return label, place, m.end()


def _unit_line_sizes(ctx: _Context, index: int) -> bool:
    """ "Europe: 0.16 (2024) -> 1.85 (2035)" lines under "Regional Insights (USD Billion)": sizes in the
    caption's unit, when every label is a place or a listed segment (else the lines may count anything)."""
    doc = ctx.doc
    block = doc.blocks[index]
    above = ""
    j = index - 1
    while j >= 0 and index - j <= 12 and only_unit_lines(doc.text[doc.blocks[j].start : doc.blocks[j].end]):
        j -= 1  # past the sibling lines above, to their caption
    if j >= 0 and doc.blocks[j].kind in ("heading", "paragraph"):
        prev = doc.blocks[j]
        above = doc.text[prev.start : prev.end] if prev.end - prev.start <= 80 else ""
    parsed = unit_lines(doc.text[block.start : block.end], above)
    if parsed is None:
        return False
    currency, scale, lines = parsed
    scoped: list[tuple[Place | None, str | None]] = []
    for line in lines:
        place = lookup_place(line.label)
        hit = _listed_segment(ctx, _words(line.label))
        if place is not None and place.kind != "global":
            scoped.append((place, None))
        elif place is None and hit is not None and hit[2] == len(_words(line.label)):
            scoped.append((None, hit[0]))
        else:
            return False
    for line, (place, seg) in zip(lines, scoped, strict=True):
        ev = doc.quote(block.start + line.start, block.start + line.end)
        for number, _, year in line.values:
            m = parse_money(number, default_currency=currency)
            if m is None:
                continue
            value = m.value_million * scale
            money = MoneyMatch(m.start, m.end, m.as_written, m.currency, value)
            ctx.sizes.append(
                MarketSize(
                    evidence=(ev,),
                    scope=place.name if place else "Global",
                    scope_as_written=line.label if place else None,
                    segment=seg,
                    year=year,
                    value_usd_million=usd_million(money, ctx.rates),
                    status=_status(ctx, year, ""),
                    value_text=number,
                    currency=m.currency,
                    value_million=value,
                )
            )
    return True


def _table(ctx: _Context, index: int, block: Block | None = None, last: int | None = None) -> None:
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
                _sentence(ctx, Sentence(kv[0].start, kv[-1].end, doc.text[kv[0].start : kv[-1].end]))
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
    caption_ref = _market_ref(ctx, caption)
    about_market = caption_ref == "own" or bool(
        re.search(r"\b(?:market\s+size|revenue|market\s+value|value)\b", caption, re.IGNORECASE)
    )
    if not about_market and caption_ref is None and UNIT_RX.search(header):
        # money columns ("2024 (US$ mn)") under a segmentation heading ("By Application") or beside a CAGR
        # column break the report's market down, unless the caption measures something else
        about_market = bool(
            _BREAKDOWN_RX.search(before[-120:]) or re.search(r"\bCAGR\b", header, re.IGNORECASE)
        ) and not _OTHER_MEASURE_RX.search(caption)
    if not about_market and caption_ref is None and not year_layout and any(rate_column(h) for h in heads[1:]):
        # only rate columns ("Region | Share 2024 | CAGR 2025-30") under a breakdown heading or label column
        if (_BREAKDOWN_RX.search(before[-120:]) or _BREAKDOWN_RX.search(heads[0])) and not _OTHER_MEASURE_RX.search(
            caption
        ):
            _table_rates(ctx, block, rows, heads, top)
        return
    if not about_market:
        return
    currency, scale = unit_of(unit)
    year_cols = {j: m for j in range(len(heads)) if (m := layout.year(j)) is not None}
    if year_cols and _COMPANY_HEADER_RX.search(heads[0]):
        year_cols = {}  # a company's revenue by year is not a part of the market's size
    if year_cols:
        for r in range(top, len(rows)):
            row = rows[r]
            label = row[0] if row else ""
            for j, ym in year_cols.items():
                if j < len(row):
                    _table_cell(ctx, block, r, 0, j, label, ym, row[j], unit is not None, currency, scale)
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
    if len(money_cols) == 1 and not _COMPANY_HEADER_RX.search(heads[0]):
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
                if j < len(row):
                    _table_cell(ctx, block, r, 0, j, row[0], cap_ym, row[j], unit is not None, currency, scale)
    _table_rates(ctx, block, rows, heads, top)


def _table_cell(
    ctx: _Context,
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
) -> None:
    rows = block.rows  # type: ignore[attr-defined]
    m = parse_money(cell)
    if m is None:
        if not has_unit:
            return
        m = parse_money(cell, default_currency=currency)
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
        status = _status(ctx, year, "")
    place, seg = _row_scope(ctx, label)
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
            scope_as_written=label if isinstance(place, Place) else None,
            segment=seg,
            year=year,
            value_usd_million=usd_million(m, ctx.rates),
            status=status,
            value_text=cell,
            currency=m.currency,
            value_million=m.value_million,
        )
    )


def _row_scope(ctx: _Context, label: str) -> tuple[Place | None | bool, str | None]:
    """(place, segment) of a table row label; (False, None) for rows to skip."""
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
    p = lookup_place(clean)
    if p is not None:
        return (None if p.kind == "global" else p), None
    words = set(_words(clean))
    if words and words <= ctx.market.words | {"global", "market", "total"}:
        return None, None
    return None, clean


def _places_joined(label: str) -> bool:
    """ "Japan & South Korea", "Middle East and Africa" (unless a place itself): places joined, no segment."""
    parts = [p for p in re.split(r"\s*(?:&|\band\b|/|,)\s*", label) if p]
    return len(parts) >= 2 and all(lookup_place(p) is not None for p in parts)


_LEGAL_SUFFIX_RX = re.compile(
    r"\b(?:Inc|Ltd|LLC|Corp|Corporation|Co|AG|SA|SE|plc|GmbH|Group|Holdings|Limited|N\.?V|S\.?A)\b\.?$"
)
_COMPANY_HEADER_RX = re.compile(r"\b(?:company|companies|player|players|manufacturer|vendor|supplier)\b", re.I)
_RANK_HEADER_RX = re.compile(r"^\s*(?:rank(?:ing)?|no\.?|#|s\.?\s*no\.?|sr\.?\s*no\.?|position)\s*$", re.I)


def _label_column(rows: list[list[str]]) -> int:
    """The column that names each row: the first one that is not a rank or number column."""
    width = min(len(r) for r in rows)
    for j in range(max(1, width - 1)):
        if _RANK_HEADER_RX.match(rows[0][j]):
            continue
        cells = [r[j] for r in rows[1:]]
        if sum(bool(re.fullmatch(r"[\d.,%\s#()-]*", c)) for c in cells) * 2 > len(cells):
            continue
        return j
    return 0


def _table_rates(ctx: _Context, block: object, rows: list[list[str]], header: list[str], top: int = 1) -> None:
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
            pm = re.fullmatch(r"\s*(?P<p>-?\d{1,3}(?:\.\d+)?)\s*%?\s*", rows[r][j])
            if pm is None:
                continue
            pct = Decimal(pm.group("p"))
            if j <= lc:
                continue
            place, seg = _row_scope(ctx, rows[r][lc])
            if place is False:
                continue
            ev = ctx.doc.quote(cells[r][lc].start, cells[r][j].end)
            if is_cagr:
                if not Decimal(-50) < pct < Decimal(100) or (seg is not None and _places_joined(seg)):
                    continue  # "Japan & South Korea": a scope of two places, not a segment of the market
                ctx.growth.append(
                    GrowthRate(
                        evidence=(ev,),
                        scope=place.name if isinstance(place, Place) else "Global",
                        scope_as_written=rows[r][lc] if isinstance(place, Place) else None,
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
            elif Decimal(0) < pct <= Decimal(100):
                if place is None and seg is None:
                    continue  # the "Total | 100 %" row: the whole market, no holder
                holder = place.name if isinstance(place, Place) else (seg or rows[r][lc])
                holder_kind: HolderKind = "region" if isinstance(place, Place) else "segment"
                if holder_kind == "segment" and (
                    _LEGAL_SUFFIX_RX.search(holder) or _COMPANY_HEADER_RX.search(header[lc])
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


# ------------------------------------------------------------------ listed labels


def _bare_key(ctx: _Context, name: str) -> tuple[str, ...]:
    """A segment name's words without its gloss, a "segment" tail or the market's head nouns at its end:
    "Petroleum-based Needle Coke" and "the petroleum-based segment" both give ("petroleum-based",)."""
    key = [_norm_word(w) for w in _words(_PAREN_RX.sub(" ", name))]
    while len(key) > 1 and key[-1] in _SEGMENT_TAIL_WORDS:
        key.pop()
    while len(key) > 1 and key[-1] in ctx.market.head:
        key.pop()
    return tuple(key)


def _listed_label(ctx: _Context, name: str) -> str:
    """The segment as the document lists it ("Low Sulphur (<1.5%)", "Petroleum-based Needle Coke") when
    a figure's sentence names it shorter ("the low sulphur segment", "petroleum-based"); one match only."""
    if not ctx.segment_labels or name in ctx.segment_labels.values():
        return name
    words = tuple(_norm_word(w) for w in _words(name))
    if words in ctx.segment_keys and "(" not in ctx.segment_labels.get(words, ""):
        return name  # the listed words themselves, as the sentence writes them ("Synthetic graphite")
    key = _bare_key(ctx, name)
    if not key:
        return name
    hits = {label for k, label in ctx.segment_labels.items() if _bare_key(ctx, label) == key}
    return hits.pop() if len(hits) == 1 else name


def _use_listed_labels(ctx: _Context) -> None:
    ctx.sizes = [
        x.model_copy(update={"segment": _listed_label(ctx, x.segment)}) if x.segment else x for x in ctx.sizes
    ]
    ctx.growth = [
        x.model_copy(update={"segment": _listed_label(ctx, x.segment)}) if x.segment else x for x in ctx.growth
    ]
    ctx.shares = [
        x.model_copy(update={"holder": _listed_label(ctx, x.holder)}) if x.holder_kind == "segment" else x
        for x in ctx.shares
    ]


# ------------------------------------------------------------------ deduplication


def _merge_evidence(a: Iterable[Evidence], b: Iterable[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple[int, int], Evidence] = {}
    for e in (*a, *b):
        seen.setdefault((e.start, e.end), e)
    return tuple(sorted(seen.values(), key=lambda e: (e.start, e.end)))


def _key_text(s: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).replace(" segment", " ").split())


def _dedupe_sizes(items: list[MarketSize]) -> list[MarketSize]:
    out: dict[tuple[object, ...], MarketSize] = {}
    for x in items:
        value = x.value_usd_million if x.value_usd_million is not None else (x.currency, x.value_million)
        if isinstance(value, Decimal):
            value = value.normalize()
        k = (_key_text(x.scope), _key_text(x.segment), x.year, value)
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return list(out.values())


def _dedupe_growth(items: list[GrowthRate]) -> list[GrowthRate]:
    out: list[GrowthRate] = []
    for x in items:
        for i, y in enumerate(out):
            if (_key_text(x.scope), _key_text(x.segment), x.cagr_percent.normalize()) != (
                _key_text(y.scope),
                _key_text(y.segment),
                y.cagr_percent.normalize(),
            ):
                continue
            if x.end_year is not None and y.end_year is not None and x.end_year != y.end_year:
                continue
            keep = y if y.end_year is not None or x.end_year is None else x
            out[i] = keep.model_copy(update={"evidence": _merge_evidence(y.evidence, x.evidence)})
            break
        else:
            out.append(x)
    return out


def _dedupe_shares(items: list[Share]) -> list[Share]:
    out: dict[tuple[str, Decimal], Share] = {}
    for x in items:
        k = (_key_text(x.holder), x.share_percent.normalize())
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return list(out.values())


def _dedupe_stats(items: list[Statistic]) -> list[Statistic]:
    out: dict[tuple[str, str], Statistic] = {}
    for x in items:
        k = (x.label, x.value_text)
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return list(out.values())
