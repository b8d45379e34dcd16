"""The place and segment a clause is about, and the report's own default scope.

Once a figure is the market's, it is bound to a scope and a segment. Scope: the first place written as the
clause subject (not after "from", "by", "like", "including"...; "Chinese EV makers" is no scope, "Chinese
graphite anode market" is), a parenthesised label ("CAGR (North America)"), "the region" -> the last place
subject, else Global; the last of two joined clauses with place subjects ("..., and France is expected to
...") governs. A figure the text scopes to no place (and does not call global) belongs to the report's
own scope ("Middle East Prebaked Anode Market"). Segment: "<Name> Segment" in the clause ("Bottom Carbon
Anode Segment to Reach ...", "The pre-coated LFP segment"); when that noun is not one of the document's
listed segments but the clause names one, the listed one; a listed product type that is the clause's
whole subject ("Carbon nanotubes (CNTs) are the fastest-growing product").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.figure_clauses import CLAUSE_BOUNDARY, clause_start
from kg.extract.figure_context import Context
from kg.extract.figure_listed import listed_in, listed_segment
from kg.extract.figure_words import GENERIC_MODIFIERS, PAREN_RX, norm_word, words_of, wordset
from kg.extract.geo import Place, PlaceMatch, excluding_place, find_places, lookup_place
from kg.models import Evidence, ReportMeta

__all__ = [
    "ANAPHOR_PLACE_RX",
    "MEASURE_NOUN",
    "apply_default_scope",
    "clause_scope",
    "clause_segment",
    "default_scope",
    "later_subject_place",
    "qualified_place",
    "run_in_place",
    "segment_name",
    "segment_subject",
    "subject_places",
]


_PREPOSITIONS_BEFORE_PLACE = wordset(
    "from by than like including include includes via into among amongst with over against outside "
    "beyond between across throughout such as to toward towards versus vs unlike besides excluding "
    "except"
)


_SEGMENT_RX = re.compile(
    # a slash may join a name's parts: "The nano-Si/C composite segment"
    r"(?P<name>(?:[A-Z][\w&/\-]*\s+){1,6})(?:[Ss]egment|[Ss]ub-?segment)s?\b"
    r"|\b[Tt]he\s+(?P<lname>[a-z][\w/\-]*\s+(?:[A-Za-z][\w/\-]*\s+){0,3})(?:segment|sub-?segment)\b"
)
_SEGMENT_NAME_STOP = wordset(
    "the this that each every a an market application type product end-user end user regional region "
    "which largest other others one second third first fastest growing fastest-growing dominant "
    "leading key major by of for in and its our their global"
)
ANAPHOR_PLACE_RX = re.compile(
    r"\b(?:the|this|that)\s+(?:region|regional\s+market|country|area|geography)\b"
    # "it is the fastest-growing region, and sales there rise at ...": "it" is the place named before
    r"|\bit\s+(?:is|was|remains|will\s+be)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}(?:region|country)\b",
    re.IGNORECASE,
)


def default_scope(meta: ReportMeta) -> tuple[Place | None, str | None]:
    """The report's own scope (``meta.scope``, from its title: "Middle East Prebaked Anode Market")."""
    if not meta.scope:
        return None, None
    p = lookup_place(meta.scope)
    return (p, meta.scope) if p is not None and p.kind != "global" else (None, None)


_GLOBAL_WORD_RX = re.compile(r"\b(?:global(?:ly)?|worldwide|world(?:wide)?|international)\b", re.IGNORECASE)


def apply_default_scope(ctx: Context) -> None:
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


def subject_places(text: str, product_words: Iterable[str] = (), market_words: Iterable[str] = ()) -> list[PlaceMatch]:
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
            # "Chinese demand was worth", "Indian consumption": the place's own measure
            and not re.match(r"\s*(?:anode|\w+\s+market|demand|consumption|sales|revenues?)\b", text[p.end :])
            and not (adj and all(w in product_words_all or w in GENERIC_MODIFIERS for w in words_of(adj.group("np"))))
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
        # "South Korea's output value is", "Japan's should grow": the place's own measure, or its elided one
        measure = _POSSESSIVE_MEASURE_RX.match(text, p.end)
        own_words = poss is not None and all(
            w in product_words_all or w in GENERIC_MODIFIERS for w in words_of(poss.group("np"))
        )
        own_measure = measure is not None and all(
            w in product_words_all or w in GENERIC_MODIFIERS for w in words_of(measure.group("np") or "")
        )
        if re.match(r"[’']s\s", text[p.end :]) and not own_words and not own_measure:
            continue  # "China's aluminum production"; but "Europe's synthetic graphite anode market" is ours
        if re.match(r"-(?:based|headquartered|listed)\b", text[p.end :], re.IGNORECASE):
            continue  # "The Singapore-based firm expects it to ...": where the firm sits, not the figure's scope
        out.append(p)
    return out


#: The noun of a place's own measure after its possessive: "(South Korea's) output value", "(Japan's) sales".
MEASURE_NOUN = r"(?:output|production|sales|revenues?|demand|consumption|shipments)(?:\s+value)?"
_POSSESSIVE_MEASURE_RX = re.compile(
    r"[’']s\s+(?:(?P<np>(?:[\w\-]+\s+){0,4}?)" + MEASURE_NOUN + r"\s+|(?P<elided>))"
    r"(?:is|are|was|were|will|should|could|would|grew|grows|rose|rises|reached|totall?ed|stood)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)  # one per report market; built once instead of per place mention
def _measure_in_rx(product_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "demand in", "graphite anode sales in": a measure (or product word) then "in", ending the text."""
    return re.compile(
        r"\b(?:market|demand|sales|revenue|size|consumption|"
        + "|".join(map(re.escape, product_words))
        + r")s?\s+in\s*$",
        re.IGNORECASE,
    )


_RUN_IN_LABEL_RX = re.compile(r"^\s*[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){0,4}\s*:\s+(?=\S)")


# a paragraph that opens with a place as its run-in label: "Europe. Europe is expected ...", "EMEA: ..."
_RUN_IN_PLACE_RX = re.compile(r"^\s*(?P<label>[A-Z][\w&'’\-]*(?:\s+[\w&'’\-]+){0,3})\s*[.:]\s+(?=[A-Z])")


def run_in_place(paragraph: str) -> Place | None:
    """The place a paragraph's run-in label names (not a global one), else None."""
    m = _RUN_IN_PLACE_RX.match(paragraph)
    if m is None:
        return None
    place = lookup_place(m.group("label"))
    return place if place is not None and place.kind != "global" else None


# a place narrowed by what follows it: "Asia excl. China", "Asia-Pacific (ex-Japan)", "Middle East (GCC)"
_QUALIFIER_RX = re.compile(
    r"\s*(?:\(\s*)?(?:(?P<ex>excl\.|excl\b|excluding|except|ex\.|ex-|ex\b|outside(?:\s+of)?)\s*)?"
    r"(?P<inner>(?-i:[A-Z])[\w.\-]*(?:\s+(?:&\s+|and\s+)?(?-i:[A-Z])[\w.\-]*){0,3})\s*(?P<close>\))?",
    re.IGNORECASE,
)


def qualified_place(text: str, start: int, end: int) -> tuple[Place, str] | None:
    """The place ``text[start:end]`` names, narrowed by an exclusion or a bracketed sub-area right after it
    ("Asia excl. China", "Middle East (GCC)"): a scope of its own, named as written. A bracket that only
    glosses the same place ("Asia Pacific (APAC)") or a bracket with anything else in it narrows nothing."""
    outer = lookup_place(text[start:end])
    m = _QUALIFIER_RX.match(text, end)
    if outer is None or outer.kind == "global" or m is None:
        return None
    opened = text[end : m.start("inner")].count("(") == 1
    if opened != bool(m.group("close")) or not (m.group("ex") or opened):
        return None
    inner = lookup_place(m.group("inner"))
    written = text[start : m.end()].strip()
    if m.group("ex"):
        # an exclusion is the regional breakdowns' rule: a region less a place, never a country less one
        excluded = excluding_place(outer, inner, written)
        return (excluded, written) if excluded is not None else None
    if inner is None or inner.key == outer.key or inner.kind == "global":
        return None
    return Place(key=re.sub(r"[^a-z0-9]+", "-", written.lower()).strip("-"), name=written, kind="region"), written


def clause_scope(
    ctx: Context, gov: str, label: str | None = None, earlier: str = ""
) -> tuple[Place | None, str | None]:
    """The (place, as written) a figure is about; (None, None) means Global. "the region" (or "it is the
    fastest-growing region") is the place subject of an ``earlier`` clause of the sentence, else of the
    sentences before."""
    if label:
        p = lookup_place(label)
        if p is not None:
            return (None, label) if p.kind == "global" else (p, label)
    places = subject_places(gov, ctx.market.head, ctx.market.words)
    if places and (run_in := _RUN_IN_LABEL_RX.match(gov)) is not None and places[0].end <= run_in.end():
        # "North America: the US market was worth ...": the clause's own place, not the run-in label's
        own = subject_places(gov[run_in.end() :], ctx.market.head, ctx.market.words)
        if own:
            return own[0].place, own[0].as_written
    if places:
        return places[0].place, places[0].as_written
    if ANAPHOR_PLACE_RX.search(gov):
        ends = [m for m in CLAUSE_BOUNDARY.finditer(earlier) if m.end() == len(earlier)]
        prev_clause = earlier[: ends[-1].start()] if ends else earlier  # without its closing ";" / ", while"
        before = subject_places(prev_clause[clause_start(prev_clause, len(prev_clause)) :]) if earlier else []
        if before:
            return before[0].place, before[0].as_written
        if ctx.last_place is not None:
            return ctx.last_place, ctx.last_place_text
    return None, None


# ", and Europe is anticipated to ...", ", with the France market alone expected to ...": a later clause whose
# subject is a place of its own
_LATER_SUBJECT_LEAD_RX = re.compile(r"(?:,\s*(?:and|with)|\band|;)\s+(?:the\s+)?$", re.IGNORECASE)
_LATER_SUBJECT_VERB_RX = re.compile(
    r"\s*(?:(?:region|market|area)\s+)?(?:(?:alone|also|itself|too)\s+)?"
    r"(?:is|are|was|were|will|would|should|could|may|might|has|have|had|remains?|expected|projected|"
    r"forecast|anticipated|set|poised|estimated)\b",
    re.IGNORECASE,
)


def later_subject_place(gov: str) -> PlaceMatch | None:
    """The place that is the subject of the last of two joined clauses before a figure ("The U.K. market
    was worth X in 2023, and France is expected to ..."): that clause, not the first, governs the figure."""
    for pm in reversed(find_places(gov)):
        if pm.place.kind == "global" or pm.adjective:
            continue
        if _LATER_SUBJECT_LEAD_RX.search(gov[: pm.start]) and _LATER_SUBJECT_VERB_RX.match(gov, pm.end):
            return pm
        return None
    return None


def segment_name(gov: str) -> str | None:
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


def clause_segment(ctx: Context, gov: str) -> str | None:
    """The segment a clause's "<Name> segment" names, as the document lists it. A loose noun ("The coating
    segment is where growth is: pitch sold into anode coating lines was worth ...") gives way
    to a listed segment the clause names; without one, the noun is kept as written."""
    named = segment_name(gov)
    if named is None:
        return None
    if listed_segment(ctx, named.split()) is not None:
        return named  # a listed segment, as written ("The electric vehicle segment")
    return listed_in(ctx, gov) or named


# where a clause's subject ends: its verb (or an auxiliary)
_SUBJECT_END_RX = re.compile(
    r"\b(?:is|are|was|were|will|would|shall|should|could|may|might|can|has|have|had|to|generat(?:e|es|ed)|"
    r"reach(?:es|ed)?|gr(?:ew|ows?)|r(?:ose|ises?)|posts?|posted|records?|recorded|registers?|registered|"
    r"totall?(?:s|ed)|st(?:ood|ands?)|accounts?|accounted|holds?|held|earn(?:s|ed)|brought|contribut(?:es|ed)|"
    r"remain(?:s|ed)?|expand(?:s|ed)|continu(?:es|ed)|represent(?:s|ed)|climb(?:s|ed)|jump(?:s|ed)|"
    r"increas(?:es|ed)|ris(?:es|en)|valued|worth)\b",
    re.IGNORECASE,
)


def segment_subject(ctx: Context, gov: str) -> str | None:
    """The listed product type a clause is about when it is the clause's whole subject ("Carbon nanotubes
    (CNTs) are the fastest-growing product, ...", "Silicon-carbon composite anodes generated ...")."""
    if not ctx.segment_keys:
        return None
    g = PAREN_RX.sub(" ", gov)
    # "By application, Electric Vehicle is forecast ...", "3. Solid-state batteries should ...": a frame that
    # names the breakdown, or a list number, opens the clause but is no part of its subject
    frame = _BREAKDOWN_FRAME_RX.match(g)
    g = g[frame.end() :] if frame else g
    # "Coated grade, the purified material sold to cell makers, accounted for ...": an apposition after the
    # subject describes it; the verb right after the apposition is the subject's
    appos = _APPOSITION_RX.match(g)
    if appos is not None:
        g = appos.group("np") + " " + g[appos.end() :]
    m = _SUBJECT_END_RX.search(g)
    if m is None:
        return None
    np = g[: m.start()]
    if not re.fullmatch(r"[\s\-–•*>]*(?:[A-Za-z][\w&’'.\-]*\s+){1,6}", np):
        return None  # a subject of words only: no comma, no figure, no second clause
    words = np.split()
    while words and words[0].lower() in {"the", "its", "their", "this", "•", "-", "*"}:
        words = words[1:]
    hit = listed_segment(ctx, words)
    lead = 0
    while hit is None and lead < len(words) - 1 and norm_word(words[lead]) in ctx.market.head:
        lead += 1  # "Coatings for silicon-based anodes": the market's product for a listed use
        if words[lead].lower() in ("for", "in") and lead + 1 < len(words):
            hit = listed_segment(ctx, words[lead + 1 :])
            break
    if hit is None:
        return None
    label, kind, _ = hit
    # "The Drones application"; "By application, Drones ..."; "Drones are the smallest application": named
    # as this market's segment
    explicit = (
        (len(words) > 1 and words[-1].lower() in _SEGMENT_ROLE_WORDS)
        or bool(frame and frame.group("dim"))
        or lead > 0
        or _ROLE_PREDICATE_RX.match(g, m.start()) is not None
    )
    if kind != "type" and not explicit and not set(words_of(" ".join(words))) & ctx.market.head:
        return None  # an application ("Electric vehicles are a USD 800 billion market") is another market
    return label


_APPOSITION_START = (
    r"(?:the|a|an|which|who|also|often|sometimes|commonly|typically|mainly|mostly|largely|usually|"
    r"generally|known|called|i\.e\.|namely)\b"
)
_APPOSITION_RX = re.compile(
    r"^(?P<np>[\s\-–•*>]*(?:[A-Za-z][\w&’'.\-]*\s+){0,5}[A-Za-z][\w&’'.\-]*)"
    # ", the purified grade that cell makers load," (no comma inside) or " - the low-sulphur, low-metals
    # material - " / "—...—" (commas allowed inside the dashes)
    r"(?:,\s+" + _APPOSITION_START + r"[^,;:]{2,150}?,"
    r"|\s+[-–—]\s+" + _APPOSITION_START + r"(?:(?!\s[-–—]\s)[^;:]){2,200}?\s+[-–—]"
    r"|\s*—\s*" + _APPOSITION_START + r"[^;:—]{2,200}?\s*—)\s*(?=" + _SUBJECT_END_RX.pattern + r")",
    re.IGNORECASE,
)
_BREAKDOWN_FRAME_RX = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+|(?:by|in|among|within|across)\s+(?:the\s+)?(?P<dim>(?:product\s+)?types?|products?|"
    r"applications?|end[\s\-]?uses?|end[\s\-]?users?|grades?|segments?|categor(?:y|ies)|precursors?|"
    r"feedstocks?|forms?|technolog(?:y|ies)|chemistr(?:y|ies))(?:\s+(?:segments?|terms))?\s*,\s*)",
    re.IGNORECASE,
)


# "... will become the largest application", "are the smallest segment": a predicate that names the subject
# as one of this market's segments (not "the largest application of lithium", another product's)
_ROLE_PREDICATE_RX = re.compile(
    r"(?:is|are|was|were|will\s+(?:be|become|remain)|remains?|remained|became|has\s+become)\s+(?:still\s+|now\s+)?"
    r"the\s+(?:[\w\-]+\s+){0,2}(?:application|segment|sub-segment|end[\s\-]use|product\s+type|type|category)s?\b"
    r"(?!\s+(?:of|for|in)\b)",
    re.IGNORECASE,
)


# a subject's last word that names it as this market's segment, not as an industry of its own
_SEGMENT_ROLE_WORDS = frozenset({"application", "applications", "segment", "segments", "sub-segment"})
