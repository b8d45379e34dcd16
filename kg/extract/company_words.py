"""The words and text shapes the company readers share: the player nouns ("manufacturers", "calciners"),
the words that make a noun a customer's or a partner's ("battery manufacturers", "partnership with"), the
bullets that open a list line, and a sentence splitter that does not stop at "Co." inside a name. They live
apart from any one reader because the list, inline, prose and country-statement readers must agree on them:
a noun that counts as a player in one reader and not in another would make the sources contradict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.names import sentence_cut

PLAYER_NOUNS = (
    r"(?:players?|compan(?:y|ies)|manufacturers?|vendors?|suppliers?|producers?|participants?|competitors?|"
    r"makers?|firms?|entities|giants?|leaders|brands|corporations|enterprises|multinationals|start-?ups|"
    r"specialists|incumbents|contenders|"
    # agent nouns of the supply side of carbon and graphite markets ("leading calciners include ...")
    r"calciners|miners|graphiti[sz]ers)"
)

NOUN_RX = re.compile(rf"\b{PLAYER_NOUNS}\b", re.I)
#: Words that make the player noun a customer's: "battery manufacturers such as CATL" are buyers of anodes.
CUSTOMER_QUALIFIERS = frozenset({
    "battery", "batteries", "cell", "cells", "ev", "evs", "vehicle", "vehicles", "automotive", "car", "auto",
    "electronics", "aluminum", "aluminium", "smelting", "steel", "device", "phone", "smartphone", "oem",
    "oems", "pack", "storage", "grid", "utility", "solar", "project", "projects",
    # the other cell components: "cathode suppliers tracked: A (BE), B (KR)" sell another market's product
    "cathode", "cathodes", "electrolyte", "electrolytes", "separator", "separators",
})
CUSTOMER_NOUNS = frozenset({
    "automakers", "carmakers", "customers", "clients", "buyers", "users", "end-users", "oems", "partners",
    "utilities", "smelters", "consumers", "distributors", "investors", "universities", "institutes",
    "adopters",
})

OBJECT_PREPOSITIONS = frozenset(
    {"with", "to", "for", "from", "by", "between", "among", "amongst", "against"}
)

LEAD_IN = re.compile(r"^[\s\u2022\u27a4*\->\u2013\u2014]*(?:->[ \t]*)?")


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of a block; a period closing "Co." / "Pvt." inside a name does not end one."""
    pos = start
    while pos < end:
        cut = sentence_cut(text, pos, end)
        while cut < end:  # "Co., Ltd. and B": a lower-case word does not open a sentence
            nxt = len(text[cut:end]) - len(text[cut:end].lstrip())
            if not text[cut + nxt:cut + nxt + 1].islower():
                break
            cut = sentence_cut(text, cut + nxt, end)
        yield pos, cut
        nxt = cut
        while nxt < end and text[nxt] in " \t\u00a0":
            nxt += 1
        if nxt <= pos:  # pragma: no cover - sentence_cut always advances
            break
        pos = nxt


#: A line that opens a list item rather than continuing a wrapped sentence.
ITEM_OPENER_RX = re.compile(r"[ \t]*(?:[-*\u2022\u25aa\u25cf>]|\(?\d{1,3}[.)]|\([a-z]\))[ \t]")


__all__ = [
    "CUSTOMER_NOUNS",
    "CUSTOMER_QUALIFIERS",
    "ITEM_OPENER_RX",
    "LEAD_IN",
    "NOUN_RX",
    "OBJECT_PREPOSITIONS",
    "PLAYER_NOUNS",
    "sentence_spans",
]
