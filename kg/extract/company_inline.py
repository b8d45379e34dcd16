"""Players named in running text after a cue that follows a player noun in the same clause ("key
manufacturers include A, B and C", "players like A and B", "The report profiles A, B and C"), or after the
market as the subject of "led by" ("The merchant segment is led by A (US) and B (NL)"). Most of
the code is about who is *not* a player: the noun must not be a customer's ("battery manufacturers such
as") nor the object of "with/to/for" ("partnership with companies such as"), and the sentence must not go
on to call the names customers -- unless a "which produces ... in-house" clause says a customer makes the
product itself.
"""

from __future__ import annotations

import re

from kg.extract.company_candidates import Candidate, enumeration_candidates
from kg.extract.company_countries import LOCATIVE_TAIL_RX, P_LOCATIVE, locative_country, phrase_country
from kg.extract.company_words import CUSTOMER_NOUNS, CUSTOMER_QUALIFIERS, NOUN_RX, OBJECT_PREPOSITIONS, PLAYER_NOUNS
from kg.extract.names import sentence_cut, split_enumeration
from kg.models import TextDocument

#: "The report profiles A, B and C": the report's own list of players, in a sentence.
_PROFILES_RX = re.compile(
    r"\b(?:report|study|analysis|research)[ \t]+(?:also[ \t]+)?(?:profiles|covers[ \t]+(?:the[ \t]+)?"
    r"(?:key[ \t]+|leading[ \t]+|major[ \t]+)?(?:players|companies|manufacturers))[ \t]*:?[ \t]+(?:the[ \t]+)?"
    r"(?:(?:key|leading|major)[ \t]+)?(?:(?:players|companies)[ \t]+)?",
    re.I,
)
#: "The merchant segment is led by A, B and C": the market or a part of it, led by the names that follow.
_LED_BY_RX = re.compile(
    r"\b(?:market|segment|industry|sector|supply[ \t]+side|field)[ \t]+(?:is|are|was|were|remains|remain)[ \t]+"
    r"(?:(?:largely|mainly|still|currently|clearly|jointly)[ \t]+)?(?:led|dominated|headed)[ \t]+by[ \t]+(?=[A-Z\d])"
)
#: "The largest by shipments are A, B and C": a superlative whose noun the previous sentence gave
#: ("The report profiles 18 companies."); read only after a sentence with a player noun.
_ELIDED_SUPERLATIVE_RX = re.compile(
    r"(?:^|(?<=[.!?][ \t]))[ \t]*The[ \t]+(?:(?:two|three|four|five|six|\d{1,2})[ \t]+)?"
    r"(?:largest|biggest|leading|top)(?:[ \t]+ones)?(?:[ \t]+by[ \t]+(?:[a-z-]+[ \t]+){0,2}?[a-z-]+)?"
    r"[ \t]+(?:are|were)[ \t]+(?=[A-Z\d])"
)
#: "..., followed by A in Korea and B": the enumeration of a ranking goes on.
_FOLLOWED_BY_RX = re.compile(r",?[ \t]+(?:followed|trailed)[ \t]+by[ \t]+(?=[A-Z\d])")
#: "Among silicon specialists we cover A, B and C; among new graphite producers, D and E".
_AMONG_RX = re.compile(
    rf"(?:^|(?<=[.;:][ \t])|(?<=[.;:]))[ \t]*among[ \t]+(?P<np>(?:[\w-]+[ \t]+){{0,4}}?{PLAYER_NOUNS}),?[ \t]+"
    r"(?:(?:we|the[ \t]+report|the[ \t]+study)[ \t]+(?:also[ \t]+)?(?:cover|covers|profile|profiles|track|tracks)"
    r"[ \t]+)?(?=(?-i:[A-Z])|\d)",  # re.I is for the words; the first name still opens on a capital
    re.I,
)
#: After customers named as makers: "battery manufacturers such as BYD, which produces ... material in-house".
_MAKES_IT_RX = re.compile(
    r",?[ \t]+(?:which|who|that)[ \t]+(?:also[ \t]+|itself[ \t]+|themselves[ \t]+)?"
    r"(?:produces?|makes?|manufactures?|fabricates?)\b[^.;]{0,80}?"
    r"\b(?:in-house|in[ \t]+house|captive(?:ly)?|anodes?|anode[ \t]+materials?)\b"
)

_CUE_RX = re.compile(
    r"\b(?:include|includes|included|including|such as|like|namely|are|comprise|comprises|comprising|"
    r"featuring|notably|particularly|especially|e\.g\.)(?![\w])[ \t]*[:,]?[ \t]*(?:->[ \t]*)?"
)

_VERBISH = frozenset({"is", "are", "was", "were", "works", "work", "has", "have", "had", "signed", "supplies",
                      "supply", "sells", "sell", "serves", "serve", "partnered", "collaborates"})
_VERB_CUES = frozenset({"include", "includes", "included", "are", "comprise", "comprises"})


def _player_context(
    text: str, clause_start: int, cue_start: int, verb: bool, *, allow_customers: bool = False
) -> tuple[int, int] | None:
    """The noun phrase ending in a player noun right before a cue, unless it names customers or partners.

    A verb cue ("manufacturers of X include") may be some words after its noun; a prepositional cue
    ("companies like", "firms in Europe such as") attaches to the nearest noun, so the words between must
    not start another phrase ("the company works with automakers like Ford"). Returns the phrase's span
    (from the previous punctuation to the end of the noun) or None.
    """
    before = text[clause_start:cue_start]
    nouns = list(NOUN_RX.finditer(before))
    if not nouns:
        return None
    noun = nouns[-1]
    between = before[noun.end():]
    between_words = re.findall(r"[\w'’-]+", between)
    if re.search(r"[.;!?]", between) or len(between_words) > (10 if verb else 4):
        return None
    if between_words and between_words[-1].casefold() in CUSTOMER_NOUNS:
        return None
    if not verb and any(w.casefold() in OBJECT_PREPOSITIONS - {"in", "from"} or w.casefold() in _VERBISH
                        for w in between_words):
        return None
    head = before[:noun.start()]
    cut = max(head.rfind(ch) for ch in ",.;:(")
    words = re.findall(r"[\w'’-]+", head[cut + 1:])
    if words and words[-1].casefold() in CUSTOMER_QUALIFIERS and not allow_customers:
        return None
    if any(w.casefold() in OBJECT_PREPOSITIONS for w in words[-4:]):
        return None
    return clause_start + cut + 1, clause_start + noun.end()


#: The sentence's predicate makes its subjects buyers: "A and B are among the main customers".
_CUSTOMER_PREDICATE_RX = re.compile(
    r"\b(?:are|is|were|was|remain|remains)[ \t]+(?:among[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    r"(?:[\w-]+[ \t]+){0,2}?(?:customers|buyers|clients|offtakers|users|adopters|consumers)\b",
    re.I,
)


def inline_candidates(doc: TextDocument) -> list[Candidate]:
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for pm in _PROFILES_RX.finditer(text, block.start, block.end):
            out.extend(enumeration_candidates(doc, pm.end(), block.end, phrase=None))
        for lm in _LED_BY_RX.finditer(text, block.start, block.end):
            out.extend(enumeration_candidates(doc, lm.end(), block.end, phrase=None))
        for sm in _ELIDED_SUPERLATIVE_RX.finditer(text, block.start, block.end):
            if NOUN_RX.search(text, max(block.start, sm.start() - 200), sm.start()):
                out.extend(_ranking_candidates(doc, sm.end(), block.end))
        for am in _AMONG_RX.finditer(text, block.start, block.end):
            qual = am.group("np").split()[:-1]
            if not (qual and qual[-1].casefold() in CUSTOMER_QUALIFIERS):
                out.extend(_ranking_candidates(doc, am.end(), block.end))
        for cue in _CUE_RX.finditer(text, block.start, block.end):
            clause_start = max(block.start, cue.start() - 200)
            word = cue.group().split()[0].strip(":,").casefold() if cue.group().split() else ""
            verb = word in _VERB_CUES
            np = _player_context(text, clause_start, cue.start(), verb=verb)
            if np is None:
                out.extend(_maker_customers(doc, clause_start, cue, block.end, verb))
                continue
            if _CUSTOMER_PREDICATE_RX.search(text, cue.end(), sentence_cut(text, cue.end(), block.end)):
                continue  # "... makers such as A and cell maker B are among the main customers"
            phrase = phrase_country(text, *np)
            out.extend(enumeration_candidates(doc, cue.end(), block.end, phrase))
    return out


def _ranking_candidates(doc: TextDocument, start: int, end: int) -> list[Candidate]:
    """The names of a ranking sentence: "A, B and C in China, followed by D in Korea and E and F in Japan".
    A locative after a run of names ("A, B and C in China") gives the country of every name in the run
    (weak, as for one name); ", followed by" or "and" after the locative goes on with the next run."""
    text = doc.text
    out: list[Candidate] = []
    cut = sentence_cut(text, start, end)
    pos = start
    while pos < cut:
        items = split_enumeration(text, pos, cut, locatives=False)
        if not items:
            break
        spans = {(i.start, i.end) for i in items}
        run = [c for c in enumeration_candidates(doc, pos, cut, phrase=None) if c.span in spans]
        after = items[-1].after
        if LOCATIVE_TAIL_RX.match(text, after, cut) and (found := locative_country(text, after)) is not None:
            for cand in run:
                if cand.country is None:
                    cand.country, cand.country_span, cand.priority = found[0], found[1], P_LOCATIVE
            out.extend(run)
            more = _FOLLOWED_BY_RX.match(text, found[1][1], cut) or _AND_NEXT_RX.match(text, found[1][1], cut)
        else:
            out.extend(run)
            more = _FOLLOWED_BY_RX.match(text, after, cut)
        if more is None:
            break
        pos = more.end()
    return out


_AND_NEXT_RX = re.compile(r",?[ \t]+and[ \t]+(?=[A-Z\d])")


def _maker_customers(doc: TextDocument, clause_start: int, cue: re.Match[str], end: int,
                     verb: bool) -> list[Candidate]:
    """Customers the sentence says make the market's product themselves are players of it:
    "vertically integrated battery manufacturers such as BYD Company Ltd., which produces silicon-carbon
    anode material in-house". Only when the customer qualifier was the sole objection to the noun phrase
    and a "which produces/makes ... (in-house|anode)" clause follows the names directly."""
    text = doc.text
    if _player_context(text, clause_start, cue.start(), verb=verb, allow_customers=True) is None:
        return []
    items = split_enumeration(text, cue.end(), end)
    if not items:
        return []
    if not _MAKES_IT_RX.match(text, items[-1].after, end):
        return []
    return enumeration_candidates(doc, cue.end(), end, phrase=None)


__all__ = ["inline_candidates"]
