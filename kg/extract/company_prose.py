"""Companies named in producer prose without a cue: "Chinese producers A, B and C lead on volume" (a player
noun right before the names), "Outside China, A K.K. (now B) and C Corporation supply cell makers" (a
producer verb in the sentence, where only names with a strong signal -- legal form, registry entry,
"(Country)" tag, "(now X)" aside -- count), and names followed by a stock listing in a broker's note ("A
Limited (QRX AU, Outperform)"). This is the least reliable source, so it carries the strictest guards
against customers, partners, buyers and the publisher itself.
"""

from __future__ import annotations

import re

from kg.extract.company_candidates import RENAME_RX, Candidate, rename_candidates
from kg.extract.company_countries import P_ATTACHED, P_PHRASE, parens_country, phrase_country
from kg.extract.company_filters import RESEARCH_HOUSE_RX, product_plural, registry_key, registry_name
from kg.extract.company_words import (
    CUSTOMER_NOUNS,
    CUSTOMER_QUALIFIERS,
    NOUN_RX,
    OBJECT_PREPOSITIONS,
    PLAYER_NOUNS,
    sentence_spans,
)
from kg.extract.geo import find_places
from kg.extract.names import (
    NAME_RX,
    NameSpan,
    has_legal_suffix,
    looks_like_company,
    sentence_cut,
    skip_place_possessive,
    split_enumeration,
    trim_name,
)
from kg.models import TextDocument

#: A sentence about making or selling the product.
_PRODUCER_VERB_RX = re.compile(
    r"\b(?:suppl(?:y|ies|ied|ying)|produc(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|mak(?:e|es|ing)|"
    r"made|lead|leads|led|build(?:s|ing)?|operat(?:e|es|ed|ing)|ship(?:s|ped|ping)?|expand(?:s|ed|ing)?|"
    r"commission(?:s|ed|ing)?|dominat(?:e|es|ed|ing)|sell(?:s|ing)?|offer(?:s|ed|ing)?|capacity|plants?)\b",
    re.I,
)
#: Singular and plural nouns of the people a firm sells to, works with or is owned by.
_NOT_PLAYER_NOUNS = CUSTOMER_NOUNS | {
    "customer", "client", "buyer", "user", "partner", "investor", "shareholder", "owner", "parent",
    "automaker", "carmaker", "offtaker", "offtakers", "distributor", "subsidiary", "unit",
}

#: The clause goes on to say the names are customers, partners, or not producers.
_NOT_PLAYER_TAIL_RX = re.compile(
    r"[^.;:]{0,40}?\b(?:customers?|clients?|buyers?|offtakers?|offtakes?|investors?|partners?|shareholders?)\b"
    r"|,?[ \t]+(?:are|is|was|were)[ \t]+not\b",
    re.I,
)

#: The names are buyers: "CATL, BYD and LG Energy Solution are the largest buyers".
_BUYER_TAIL_RX = re.compile(
    r",?[ \t]+(?:are|is|were|was|remain|remains)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|key[ \t]+|among[ \t]+"
    r"the[ \t]+)*(?:[\w-]+[ \t]+){0,2}?(?:buyers?|customers?|clients?|users?|offtakers?|consumers?|"
    r"partners?|investors?|automakers?|OEMs?)\b",
    re.I,
)
_CUE_END_RX = re.compile(
    r"\b(?:include|includes|included|including|such[ \t]+as|like|namely|comprise|comprises|comprising|"
    r"featuring|notably|particularly|especially|e\.g\.)[ \t]*[:,]?[ \t]*$",
    re.I,
)
#: Lower-case words after which a subject may start: "..., while A Ltd (Australia) is building".
_CLAUSE_OPENERS = frozenset({
    "while", "whereas", "and", "but", "meanwhile", "although", "though", "since", "because", "when",
    "where", "also", "then", "yet", "so", "whilst", "today", "currently",
})
#: A player noun right before the names, or before a colon opening them ("the ex-China contenders: A; B").
_NOUN_END_RX = re.compile(rf"\b{PLAYER_NOUNS}[ \t]*:?[ \t]+$", re.I)


def _strong_signal(doc: TextDocument, item: NameSpan, name: str) -> tuple[str, tuple[int, int]] | bool:
    """A legal form, a registry entry, a "(Country)" tag or a "(now X)" aside: the country when the tag
    states one, else True/False."""
    found = parens_country(doc.text, item.parens)
    if found:
        return found
    if any(RENAME_RX.match(doc.text, a, b) for a, b in item.parens):
        return True
    return has_legal_suffix(name) or registry_key(name) is not None


#: An apposition that calls the name a player: ", the Norwegian producer", ", a specialist maker of".
_APPOSED_PLAYER_RX = re.compile(
    rf",[ \t]+(?:the|a|an)[ \t]+(?P<qual>(?:[\w-]+[ \t]+){{0,3}}?){PLAYER_NOUNS}\b", re.I
)


def _apposed_player(text: str, pos: int, end: int) -> bool:
    """The name at ``pos`` is followed by an apposition naming it a player, not a customer's noun phrase
    (", the largest battery maker" describes a buyer)."""
    m = _APPOSED_PLAYER_RX.match(text, pos, end)
    if m is None:
        return False
    qual = m.group("qual").split()
    return not (qual and qual[-1].casefold() in CUSTOMER_QUALIFIERS)


def _customer_label(clause: str) -> bool:
    """The last player noun of the label before the names' colon is a customer's or another product's."""
    nouns = list(NOUN_RX.finditer(clause))
    if not nouns:
        return False
    qual = re.findall(r"[\w'’-]+", clause[:nouns[-1].start()])
    return bool(qual) and qual[-1].casefold() in CUSTOMER_QUALIFIERS


#: ", and C (X) commissioned ...": the name after ", and" opens a clause of its own (a verb follows it).
_CLAUSE_AND_RX = re.compile(r",[ \t]+and[ \t]+$")
_FINITE_VERB_RX = re.compile(r"[ \t]+(?:also[ \t]+|has[ \t]+|have[ \t]+|had[ \t]+)?[a-z]+(?:ed|es)\b")


def _new_clause_start(text: str, items: list[NameSpan]) -> int | None:
    """Where a name of the enumeration opens a clause of its own: "... plants at A and B, and C (X)
    commissioned new capacity" lists two places as an object, then C as the subject of a new clause."""
    for k in range(1, len(items)):
        item = items[k]
        if _CLAUSE_AND_RX.search(text, items[k - 1].after, item.start) and _FINITE_VERB_RX.match(text, item.after):
            return item.start
    return None


def prose_candidates(doc: TextDocument) -> list[Candidate]:
    """Names with strong company signals in any sentence about producers or suppliers.

    "Chinese producers A, B and C lead on volume" (a player noun right before the names: every name that
    looks like a company, with the noun phrase's country); "Outside China, A K.K. (now B), C Corporation and
    D supply cell makers", "while E Ltd (Australia) ... are building plants" (a producer word in the
    sentence: only names with a legal form, a registry entry, a "(Country)" tag or a "(now X)" aside).
    Names after a cue ("such as") are the inline source's; names after "with/to/for" or followed by "are
    the largest buyers" are customers or partners.
    """
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for s_start, s_end in sentence_spans(text, block.start, block.end):
            if re.match(r"[ \t*#]*about\b", text[s_start:s_end], re.I):
                continue  # "About Us: ... is a research firm", "About Brightwater Analytics"
            producer = bool(_PRODUCER_VERB_RX.search(text, s_start, s_end) or NOUN_RX.search(text, s_start, s_end))
            if not producer:
                continue
            pos = s_start
            while pos < s_end:
                m = NAME_RX.search(text, pos, s_end)
                if m is None:
                    break
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    pos = m.end()
                    continue
                items = split_enumeration(text, m.start(), s_end)
                if not items:
                    pos = m.end()
                    continue
                after = items[-1].after
                pos = max(after, m.end())
                before = text[max(s_start, m.start() - 120):m.start()]
                words = re.findall(r"[\w'’-]+", before)
                restart = _new_clause_start(text, items)
                if restart is not None and words and (
                    words[-1].casefold() in OBJECT_PREPOSITIONS | _NOT_PLAYER_NOUNS
                    or (words[-1].islower() and words[-1] not in _CLAUSE_OPENERS
                        and not re.search(r"[,;:(]\s*$", before))
                ):
                    pos = restart  # "plants at A and B, and C (X) commissioned ...": C opens its own clause
                    continue
                if _CUE_END_RX.search(before) or (
                    words and words[-1].casefold() in OBJECT_PREPOSITIONS | _NOT_PLAYER_NOUNS
                ):
                    continue
                if _BUYER_TAIL_RX.match(text, after, s_end) or _NOT_PLAYER_TAIL_RX.match(text, after, s_end):
                    continue
                phrase = None
                apposition = False
                clause = re.split(r"[.;:]", before)[-1]
                if any(w.casefold() in CUSTOMER_NOUNS for w in re.findall(r"[\w'’-]+", clause)):
                    continue  # "early buyers include forklift maker Brannock": a customer named in passing
                nm = _NOUN_END_RX.search(before)
                if nm is None and before.rstrip().endswith(":") and _customer_label(re.split(r"[.;]", before)[-1]):
                    continue  # "Cathode suppliers tracked: A (BE), B (KR)": another product's makers
                apposed = [it for it in items if _apposed_player(text, it.after, s_end)]
                if nm is None and words and words[-1].islower() and words[-1] not in _CLAUSE_OPENERS \
                        and not re.search(r"[,;:(]\s*$", before):
                    if not apposed:
                        continue  # the object of a verb: "X supplies Tesla", "signed with ..."
                    items = apposed  # "we watch A, the Norwegian producer": the apposition says what A is
                if nm is not None:
                    np_start = m.start() - len(before) + nm.start()
                    head = before[:nm.start()]
                    cut = max(head.rfind(ch) for ch in ",.;:()\u2013\u2014")  # the noun phrase's own words
                    qual = re.findall(r"[\w'’-]+", head[cut + 1:])
                    if qual and qual[-1].casefold() in CUSTOMER_QUALIFIERS:
                        continue
                    apposition = True
                    phrase = phrase_country(
                        text, m.start() - len(before) + cut + 1, np_start + len(nm.group().rstrip())
                    )
                for item in items:
                    name = text[item.start:item.end]
                    if RESEARCH_HOUSE_RX.search(name):
                        continue
                    signal = _strong_signal(doc, item, name)
                    # "Oman Primary Aluminium (OPA) (Oman)": the stated country vouches
                    # for a name made of a place and generic words (never for generic words alone)
                    stated = isinstance(signal, tuple) and bool(find_places(name, adjectives=False))
                    # "Emirates Global Aluminium (EGA) operates anode plants": a registry company named
                    # as written passes although its words are all places and generic words
                    if not (looks_like_company(name, country_stated=stated) or registry_name(name)):
                        continue
                    if product_plural(name) and not isinstance(signal, tuple):
                        continue  # a product segment; "Example Materials (US)" with its country is a firm

                    if not (signal or apposition or item in apposed):
                        continue
                    cand = Candidate(item.start, item.end)
                    if isinstance(signal, tuple):
                        cand.country, cand.country_span, cand.priority = signal[0], signal[1], P_ATTACHED
                    elif phrase:
                        cand.country, cand.country_span, cand.priority = phrase[0], phrase[1], P_PHRASE
                    out.append(cand)
                    out.extend(rename_candidates(doc, item.parens, name))
    return out


#: A stock listing right after a name: "(QRX AU, Outperform ...)", "(604417 CH)", "(ASX: QRX)". Only a
#: listed company carries one; the exchange code is not its country (Bloomberg's "CN" is Canada).
_TICKER_PAREN_RX = re.compile(
    r"\s*\((?:(?:[A-Z][A-Z\d.]{0,6}|\d{4,6})[ \t]+(?:US|AU|CN|CH|C1|C2|KS|KQ|JP|JT|LN|HK|GR|GY|FP|IN|IB|"
    r"SS|SZ|SW|TT|CT|SP|NA|IM|SM|BZ|NZ|NO|SS|FH|DC|PW|AV|BB|ID|LI|MK|TB|IJ|PM|SJ)(?:[ \t]+Equity)?(?=[ \t]*[,;)])"
    r"|(?:ASX|TSXV?|TSX-V|NYSE(?:[ \t]American)?|NASDAQ|Nasdaq|LSE|AIM|KRX|KOSDAQ|TSE|TYO|SSE|SZSE|HKEX|SEHK|NSE|BSE|"
    r"OTCQX|OTC|XETRA|FRA|Euronext)[ \t]*:[ \t]*[A-Z\d][A-Z\d.]{0,9}(?=[ \t]*[,;)]))"
)


def ticker_candidates(doc: TextDocument) -> list[Candidate]:
    """Names followed by a stock listing, in any sentence: a broker's note names its coverage and peers
    this way ("We initiate on A Limited (QRX AU, Outperform) and B Inc. (VLD CN)")."""
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table" or "(" not in text[block.start:block.end]:
            continue
        for m in NAME_RX.finditer(text, block.start, block.end):
            cut = sentence_cut(text, m.start(), m.end())
            if cut != m.end() or _TICKER_PAREN_RX.match(text, m.end(), min(len(text), block.end + 40)) is None:
                continue
            s, e = trim_name(text, m.start(), m.end())
            s = skip_place_possessive(text, s, e)
            if e > s and looks_like_company(text[s:e]) and not RESEARCH_HOUSE_RX.search(text[s:e]):
                out.append(Candidate(s, e))
    return out


__all__ = ["prose_candidates", "ticker_candidates"]
