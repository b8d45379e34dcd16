"""The report's market as words: the vocabulary every attribution rule compares a clause against.

Every rule in the figure modules asks whether some words name the report's market, its product, a place
or nothing in particular; they all need the same normalised words (lower case, singular, no possessive)
and the same reading of the market's name: its ``head`` names the product ("hard carbon anode"), its
``tail`` the downstream after "for"/"in" ("aluminum electrolysis"), a title's leading place is the
report's scope rather than a product word, and an acronym the text defines for the product ("mesocarbon
microbeads (MCMB)") counts as the product's own word. Kept apart so that the rules share one definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.geo import PlaceMatch, find_places, lookup_place
from kg.extract.geo import places as all_places
from kg.models import ReportMeta

__all__ = [
    "GENERIC_MODIFIERS",
    "MarketWords",
    "PAREN_RX",
    "WORD_RX",
    "is_place_word",
    "market_part",
    "market_with_acronyms",
    "norm_word",
    "words_of",
    "wordset",
]


def wordset(words: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string (easier to read and diff)."""
    return frozenset(words.split())


WORD_RX = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z]")
GENERIC_MODIFIERS = wordset(
    "global overall entire total worldwide world regional domestic international this that the a an "
    "its their whole current target addressable respective local emerging key major largest large "
    "fastest growing fast-growing mature nascent smaller larger significant for of and in to on & "
    "niche premium mainstream commercial merchant captive total-addressable said aforementioned same "
    "projected estimated expected forecast forecasted anticipated combined cumulative annual current "
    "present today's valued overall u.s.-based fastest-growing country national"
)


@lru_cache(maxsize=65536)  # a report's vocabulary is small; every sentence is split into words
def norm_word(w: str) -> str:
    w = w.lower()
    if w.endswith(("'s", "’s")):  # "Asia Pacific's market": the possessive is no part of the word
        w = w[:-2]
    w = w.strip(".'’-")
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def words_of(s: str) -> list[str]:
    return list(map(norm_word, WORD_RX.findall(s)))  # the pattern has no group: findall gives the words


@dataclass
class MarketWords:
    """The report's market as word sets: ``head`` names the product, ``tail`` its downstream."""

    head: frozenset[str]
    tail: frozenset[str]
    head_seq: tuple[str, ...] = ()
    acronyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ("cpc", ("calcined", "petroleum", "coke"))
    # the products a name joins ("Anode Binders and Conductive Additives"): each is a part of the market
    parts: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, meta: ReportMeta) -> MarketWords:
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
        head = frozenset(w for w in words_of(parts[0]) if w not in stop)
        tail = frozenset(w for w in words_of(parts[1]) if w not in stop) - head if len(parts) > 1 else frozenset()
        head_seq = tuple(w for w in words_of(parts[0]) if w not in stop)
        return cls(head, tail, head_seq, (), _joined_products(parts[0]))

    @property
    def words(self) -> frozenset[str]:
        return self.head | self.tail


_ACRONYM_DEF_RX = re.compile(r"((?:[A-Za-z][\w\-]*\s+){1,5})\(\s*([A-Z][A-Za-z]?[A-Z]{1,5})s?\s*\)")


def market_with_acronyms(market: MarketWords, text: str) -> MarketWords:
    """The market's words plus the acronym the text defines for its product: "mesocarbon microbeads
    (MCMB)" makes "MCMB anode revenue" a basis of the market's own."""
    extra: dict[str, tuple[str, ...]] = {}
    for m in _ACRONYM_DEF_RX.finditer(text):
        words = words_of(m.group(1))
        run: list[str] = []
        for w in reversed(words):
            if w not in market.head:
                break
            run.insert(0, w)
        acr = words_of(m.group(2))
        # the acronym may stand for the run's tail only: "anode grade calcined petroleum coke (CPC)"
        while len(run) > 2 and run[0][0] != m.group(2)[0].lower():
            run.pop(0)
        if len(run) >= 2 and acr and m.group(2)[0].lower() == run[0][0] and acr[0] not in market.head:
            extra.setdefault(acr[0], tuple(run))
    if not extra:
        return market
    return MarketWords(
        market.head | set(extra), market.tail - set(extra), market.head_seq, tuple(extra.items()), market.parts
    )


def _joined_products(name: str) -> tuple[tuple[str, ...], ...]:
    """The products a market name joins with "and"/"&", when each is a noun phrase of its own: "Anode Binders
    and Conductive Additives" joins two; "Natural and Synthetic Graphite" joins two modifiers of one head
    noun (its first conjunct is one singular word), so it names one product."""
    conj = [words_of(c) for c in re.split(r"\s+(?:and|&)\s+", name.strip(), flags=re.IGNORECASE)]
    if len(conj) < 2 or not all(conj):
        return ()
    first = WORD_RX.findall(name)[: len(conj[0])]
    if len(conj[0]) < 2 and not (first[-1].lower().endswith("s") and not first[-1].lower().endswith("ss")):
        return ()
    return tuple(tuple(c) for c in conj)


def market_part(market: MarketWords, words: Iterable[str]) -> bool:
    """Whether ``words`` name one of the products the market's name joins, not the market itself: all its
    words from that product's, its head noun among them, and none from the other products."""
    ws = set(words)
    for i, part in enumerate(market.parts):
        others = {w for j, p in enumerate(market.parts) if j != i for w in p} - set(part)
        if ws and ws <= set(part) and part[-1] in ws and not ws & others:
            return True
    return False


def _title_scope(name: str) -> PlaceMatch | None:
    """A place a market name or title opens with ("Middle East Prebaked Anode", "U.S. Silicon Anode")."""
    found = find_places(name, adjectives=False)
    if found and found[0].place.kind != "global" and not name[: found[0].start].strip(" \t\"'“‘*#"):
        return found[0]
    return None


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Every demonym of the places lexicon, lower case ("indian", "korean", "saudi")."""
    return frozenset(norm_word(a) for p in all_places().values() for a in p.adjectives)


def is_place_word(w: str) -> bool:
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


PAREN_RX = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
