"""Whether a clause refers to the report's market, to another market, or to neither.

This is the precision gate for every figure. The governing clause must refer to the market: "the market",
"the global Hard Carbon Anode market", "market size", "the regional market", "<Name> Segment", "the
region" (anaphora), or the market's own product words with a measure ("anode material revenue"). A
"market" whose modifiers name something else ("the global rechargeable battery market", or only the
downstream or a parent product) is another market; "market share/penetration/access" is no reference;
"a young market" (indefinite) describes rather than refers; "outside this market", "the broader silicon
anode market", a product "across all end uses" and "the stationary storage sector" name something else.
Continuity (publishers write the market once, then go on without naming it): "it" early in an opening
clause ("Analysts expect it to reach"), a bare measure ("We expect revenue to reach", a "Revenue forecast
in 2030 |" label) and a clause whose whole subject is a place ("North America is projected to grow at
...") are the market's when a recent sentence was about the market and no other market was named since.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.figure_context import Context
from kg.extract.figure_scope import ANAPHOR_PLACE_RX, MEASURE_NOUN, segment_name, subject_places
from kg.extract.figure_words import GENERIC_MODIFIERS, WORD_RX, MarketWords, is_place_word, norm_word, words_of, wordset
from kg.extract.geo import find_places

__all__ = ["continues_market", "market_ref", "run_in_place_subject"]


_MARKET_NOT_ENTITY = wordset(
    "share shares penetration participation dynamics growth access entry position positions "
    "positioning trends trend players player participants leaders leadership expansion conditions "
    "volatility predictability analysis research segments segmentation landscape competition insights "
    "strategies strategy potential development status outlook sentiment forces drivers restraints "
    "opportunities challenges concentration structure definition overview scope demand pressures "
    "pressure presence reach power penetration"
)


_DENIAL_BEFORE_RX = re.compile(r"\b(?:not|no|never)\s+(?:(?:a|an|the|part\s+of|of\s+the)\s+)?$", re.IGNORECASE)
_FINANCIAL = wordset("capital equity equities stock stocks bond bonds debt financial money")


def market_ref(ctx: Context, text: str) -> str | None:
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
        if _DENIAL_BEFORE_RX.search(text, max(0, m.start() - 30), m.start()):
            continue  # "These sums are not market revenue": a denial, no reference to any market
        mods = _modifiers(text[: m.start()])
        if mods and mods[0] in _FINANCIAL:
            continue  # "capital markets", "Thornbury Capital Markets": finance (or a bank's name), no product market
        # "the market for graphitised cathode blocks": what the market is for modifies it too
        after = _MARKET_FOR_RX.match(text, m.end())
        if (
            after is not None
            and not set(mods) & ctx.market.head  # "the coating materials market for graphite anodes": named before
            and not ctx.market.head <= set(np_words := words_of(after.group("np")))
        ):
            mods += [w for w in np_words if w not in _FOR_NP_STOP]  # (the whole product named: a kind of it)
        foreign = [
            w for w in mods if w not in ctx.market.words and w not in GENERIC_MODIFIERS and not is_place_word(w)
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
    if segment_name(text) is not None:
        return "own"
    if ANAPHOR_PLACE_RX.search(text):
        return "own"
    words = set(words_of(text))
    # an acronym the text defined stands for its words: "anode-grade CPC demand" names the whole product
    acronyms = dict(ctx.market.acronyms)
    expanded = words.union(*(acronyms[w] for w in words if w in acronyms))
    head = ctx.market.head - set(acronyms)
    if head and head <= expanded and words & {"revenue", "sale", "demand", "consumption", "size", "valuation", "value"}:
        return "own"
    if ctx.prev_own and re.match(r"\W*(?:it|this\s+market|the\s+same)\b", text, re.IGNORECASE):
        return "own"  # "It is projected to grow at 23% CAGR" right after a sentence about the market
    if ctx.prev_own and _UP_FROM_RX.match(text):
        return "own"  # "That is up from US$ 131.2 million in 2023": the market's earlier value
    if ctx.prev_own and _bare_estimate(ctx, text):
        return "own"  # "We estimate $317.9 Mn for 2025": the analyst's figure, with no other object
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


def _broader_scope(ctx: Context, text: str) -> bool:
    """A report on a product for one use ("needle coke for Li-ion anodes") that names the product across
    all its uses, or its whole/overall market without the use, refers to a broader market than its own."""
    if not ctx.market.tail or set(words_of(text)) & ctx.market.tail:
        return False
    if _ALL_USES_RX.search(text):
        return True
    for m in _WHOLE_PRODUCT_RX.finditer(text):
        np = set(words_of(m.group("np")))
        if np & ctx.market.head and np <= ctx.market.head | GENERIC_MODIFIERS:
            return True
    return False


# "market", "industry", "sector"; the first-letter lookahead lets the scan skip most positions at once
_MARKET_WORD_RX = re.compile(r"(?=[mis])\b(?:market|industry|sector)s?\b", re.IGNORECASE)
_NEXT_WORD_RX = re.compile(r"[\s\-]*([A-Za-z]+)")


def _names_parent_market(market: MarketWords, mods: Sequence[str]) -> bool:
    """Modifiers that name only the downstream ("sodium-ion battery" for anode material for sodium-ion
    batteries) or only the leading words of the product, two or more head nouns short ("lithium-ion battery"
    for lithium-ion battery anode recycling): a parent or customer market, not the report's own."""
    expand = dict(market.acronyms)
    named = [x for w in mods if w in market.words and w not in GENERIC_MODIFIERS for x in expand.get(w, (w,))]
    if not named:
        return False
    if not any(w in market.head for w in named):
        return bool(market.tail)
    seq = market.head_seq
    covered = [i for i, w in enumerate(seq) if w in named]
    return len(seq) >= 3 and bool(covered) and max(covered) <= len(seq) - 3


# "outside this market", "beyond the market", "unlike the broader market": the reference is excluded
_EXCLUDED_REF_RX = re.compile(
    r"\b(?:outside|beyond|unlike|besides|excluding|except|apart\s+from|other\s+than|aside\s+from|"
    r"not\s+(?:counted|included|covered)\s+(?:in|by)|excluded\s+from)"
    r"(?:\s+of)?\s+(?:the|this|that|our|its)?\s*(?:[\w\-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "is a young market", "remains an attractive market": an indefinite "market" describes, it does not refer
_PREDICATIVE_RX = re.compile(r"\b(?:a|an)\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)
_EARLY_IT_RX = re.compile(r"^\W*(?:[A-Za-z][A-Za-z\-]*\s+){1,4}it\b(?!['’]s)", re.IGNORECASE)
_UP_FROM_RX = re.compile(r"^\W*(?:that|this|it)\s+(?:is|was|would\s+be)\s+(?:up|down)\s+from\s+$", re.IGNORECASE)
# an analyst's estimate whose only object is the amount: "We estimate ", "Thornvale projects ", "Our model puts
# 2025 at "
_ESTIMATE_RX = re.compile(
    r"^\W*(?P<subj>we|our\s+(?:analysts|model|base\s+case|team)|analysts|the\s+(?:report|study|authors)|"
    r"(?-i:[A-Z])[\w&\-]*(?:\s+(?-i:[A-Z])[\w&\-]*){0,2})\s+(?:now\s+|currently\s+|conservatively\s+)?"
    r"(?:estimates?|forecasts?|projects?|expects?|sees?|models?)\s+(?:(?:about|around|roughly|some|nearly)\s+)?$",
    re.IGNORECASE,
)
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


def _bare_estimate(ctx: Context, text: str) -> bool:
    """ "We forecast <amount>", "<Publisher> projects <amount>": the subject is the writer, not a company."""
    m = _ESTIMATE_RX.match(text)
    if m is None:
        return False
    subj = m.group("subj")
    if not subj[0].isupper() or subj.split()[0].lower() in {"we", "our", "analysts", "the"}:
        return True
    publisher = set(words_of(ctx.meta.publisher or ""))
    return bool(publisher) and set(words_of(subj)) <= publisher


def _bare_measure(text: str) -> bool:
    """A measure with no modifier but a place ("we model Asia Pacific revenue of", not "Tesla revenue")."""
    for m in _BARE_MEASURE_RX.finditer(text):
        place = m.group("place").strip()
        found = find_places(place) if place else []
        if not place or (found and found[0].start == 0 and found[0].end == len(place)):
            return True
    return False


_MARKET_FOR_RX = re.compile(
    r"\s+(?:for|of)\s+(?P<np>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,4}?)(?=[,;:.(]|\s+(?:is|are|was|were|will|"
    r"should|could|may|might|has|have|had|grew|grows|reached|rose|stood|to|in|by|at)\b|$)",
    re.IGNORECASE,
)
_FOR_NP_STOP = wordset("the a an its their this these those all")


_MODIFIER_BREAK_RX = re.compile(r"[,;:()\"“”—]")


def _modifiers(before: str) -> list[str]:
    """The words that modify a "market" ending ``before``, back to a determiner or clause word."""
    words = list(WORD_RX.finditer(before))
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
        out.append(norm_word(w.group()))
        before = before[: w.start()]
        if len(out) >= 9:
            break
    return out


_EXPECT_OBJECT_RX = re.compile(
    r"\b(?:we|analysts|they|(?-i:[A-Z])[\w&\-]*)\s+(?:now\s+|still\s+)?(?:expects?|sees?|forecasts?|projects?)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_RX = re.compile(
    # the possessive and the place's own measure, stripped before the verb test of continues_market (its verbs
    # are not figure_scope's); subject_places has checked that the words before the measure are the product's
    r"^[’']s(?:(?:\s+[\w\-]+){0,4}?\s+" + MEASURE_NOUN + r")?(?=\s)",
    re.IGNORECASE,
)
_PLACE_SUBJECT_RX = re.compile(r"^\W*(?:(?:and|also|meanwhile|moreover|in\s+addition|the)\W+)*$", re.IGNORECASE)
_CONTINUITY = 8  # sentences (headings included) a passage about the market carries over


def continues_market(ctx: Context, gov: str) -> bool:
    """A clause whose subject is a bare place ("North America is expected to grow at ...") inside a passage
    about the market (an own sentence in the last few, no other market named since) is about the market."""
    if ctx.last_own_no is None or ctx.sentence_no - ctx.last_own_no > _CONTINUITY:
        return False
    if ctx.last_foreign_no is not None and ctx.last_foreign_no > ctx.last_own_no:
        return False
    return _bare_place_subject(ctx, gov)


def run_in_place_subject(ctx: Context, gov: str) -> bool:
    """A clause whose subject is the bare place its paragraph opens with ("Europe. Europe is expected to grow
    at a CAGR of ...", "EMEA: EMEA is forecast to ..."), no other market named in the paragraph: a report
    walking through its regions, also far from its last sentence about the market."""
    place = ctx.run_in_place
    if place is None or (ctx.last_foreign_no is not None and ctx.last_foreign_no >= ctx.run_in_place_no):
        return False
    places = subject_places(gov, ctx.market.head)
    return bool(places) and places[0].place.key == place.key and _bare_place_subject(ctx, gov)


def _bare_place_subject(ctx: Context, gov: str) -> bool:
    places = subject_places(gov, ctx.market.head)
    if not places:
        return False
    lead = gov[: places[0].start]
    lead = lead[lead.rfind(":") + 1 :]  # "Outside China, growth is steep: North America is forecast to ..."
    rest = gov[places[0].end :]
    if _EXPECT_OBJECT_RX.search(lead) and re.match(
        r"\s*(?:(?:demand|consumption|sales|revenues?)\s+)?to\s+(?:be|grow|expand|remain|rise)\b", rest
    ):
        # "we expect Latin America to be the fastest-growing region", "we expect European demand to grow":
        # the place (or its demand) is the object of "expect"
        return True
    if not _PLACE_SUBJECT_RX.match(lead):
        return False
    # "South Korea's output value is projected", "Japan's should grow": the place's own measure
    rest = _POSSESSIVE_RX.sub("", rest, count=1)
    # the place is the whole subject: a verb follows it directly ("APAC is forecast", "Europe will"), or
    # after a focusing adverb ("China alone accounted for"), or its amount in apposition
    return bool(
        re.match(
            r"\s*(?:(?:region|market|area)\s+)?(?:(?:alone|also|itself|too|by\s+itself|on\s+its\s+own)\s+)?"
            r"(?:is|are|was|were|will|would|should|could|may|might|has|have|had|remains?|"
            r"continues?|accounted|held|holds|grew|grows|registered|recorded|posted|to)\b"
            # or an amount in apposition: "Europe, at $48.2 Mn in 2024, should grow at ..."
            r"|\s*,\s*at\s+(?:about\s+|around\s+|roughly\s+|an\s+estimated\s+)?(?=$|[$€£¥]|US\$|USD|EUR|\d)",
            rest,
            re.IGNORECASE,
        )
    )
