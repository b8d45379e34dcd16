"""Countries a sentence states for names found elsewhere: "A, B and C are based in Japan; D and E in
China", "A and B are Indian", including a short form that resolution makes the same company ("HiNa" for
"HiNa Battery Technology Co., Ltd."). Such a sentence never makes a company -- its names must be ones the
readers found, and a short form that would merge two found companies is refused -- which is why it runs
after the readers and needs the resolver; a list of countries ("based in Japan and China") gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.company_candidates import Candidate
from kg.extract.company_countries import LOCATIVE_TAIL_RX, P_BASED, P_LOCATIVE, P_PHRASE
from kg.extract.company_words import LEAD_IN, PLAYER_NOUNS, sentence_spans
from kg.extract.geo import find_places
from kg.extract.names import NameSpan, split_enumeration
from kg.models import TextDocument
from kg.resolve import default_resolver

#: "A and B are based in" / "A is headquartered in" / "A and B are from": a country follows.
_BASED_IN_TAIL_RX = re.compile(
    r"[ \t]+(?:are|is|were|was)[ \t]+(?:all[ \t]+|both[ \t]+)?"
    r"(?:(?:based|headquartered|domiciled|incorporated)[ \t]+in|from)[ \t]+(?:the[ \t]+)?"
)
#: "A and B are Indian": a demonym follows.
_DEMONYM_TAIL_RX = re.compile(r"[ \t]+(?:are|is|were|was)[ \t]+(?:all[ \t]+|both[ \t]+)?(?=[A-Z])")
#: "A and B are the two largest coke producers in the U.S.": a country follows (where they produce, so weaker).
_ROLE_IN_TAIL_RX = re.compile(
    rf"[ \t]+(?:are|is|were|was|remain|remains)[ \t]+(?:the|among[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){{0,4}}?"
    rf"{PLAYER_NOUNS}[ \t]+in[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
#: "C and D are the main Japanese suppliers": a demonym before the player noun follows.
_ROLE_DEMONYM_TAIL_RX = re.compile(
    r"[ \t]+(?:are|is|were|was|remain|remains)[ \t]+(?:the|among[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?=[A-Z])"
)
_ROLE_NOUN_RX = re.compile(rf"[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{PLAYER_NOUNS}\b", re.I)
#: Where a clause whose subject may be an enumeration of names starts inside a sentence.
#: A period the sentence splitter kept inside a sentence ("... Co., Ltd. A and B are") opens one too: only
#: names found elsewhere are read, so an extra start can add no company.
_CLAUSE_START_RX = re.compile(r"[:;][ \t]*|,?[ \t]+(?:and|while|whereas|but)[ \t]+(?=[A-Z\d])|\.[ \t]+(?=[A-Z])")
#: What may follow the country for the statement to be about it alone.
_CLAUSE_END_RX = re.compile(
    rf"[ \t]*(?:[;,.)]|$)|[ \t]+(?:and|while|whereas|but)\b|[ \t]+(?:[a-z-]+[ \t]+){{0,2}}{PLAYER_NOUNS}\b"
)
_LIST_JOINER_RX = re.compile(r"[ \t]*(?:,|&|and|or)[ \t]*(?:and[ \t]+)?")


def _stated_country(text: str, pos: int, end: int, *, adjective: bool) -> tuple[str, tuple[int, int]] | None:
    """The one country named at ``pos`` (a demonym when ``adjective``) that ends its clause; None for a
    region, for another word, or for a list of countries ("based in Japan and China")."""
    places = find_places(text[pos:min(end, pos + 60)])
    if not places or places[0].start != 0 or places[0].adjective != adjective:
        return None
    first = places[0]
    if first.place.kind != "country" or not first.place.iso2:
        return None
    after = pos + first.end
    if len(places) > 1:
        joiner = _LIST_JOINER_RX.match(text, after, end)
        if joiner and pos + places[1].start == joiner.end():
            return None  # "Japan and China", "Chinese and Korean": which is whose is not said
    if _CLAUSE_END_RX.match(text, after, end) is None:
        return None  # "Japanese-owned", "Japan Tobacco"
    return first.place.iso2, (pos, after)


def _role_country(text: str, after: int, end: int) -> tuple[str, tuple[int, int], int] | None:
    """The country of "are the two largest producers in the U.S." / "are the main Japanese suppliers"."""
    if (tail := _ROLE_IN_TAIL_RX.match(text, after, end)) is not None:
        found = _stated_country(text, tail.end(), end, adjective=False)
        return (found[0], found[1], P_LOCATIVE) if found else None
    if (tail := _ROLE_DEMONYM_TAIL_RX.match(text, after, end)) is not None:
        found = _stated_country(text, tail.end(), end, adjective=True)
        if found and _ROLE_NOUN_RX.match(text, found[1][1], end):
            return found[0], found[1], P_PHRASE
    return None


def _country_statements(doc: TextDocument) -> list[tuple[NameSpan, str, tuple[int, int], int]]:
    """Names with the country a sentence states for them: "A, B and C are based in Japan; D and E in
    China", "A and B are Indian, and C is Chinese", "Headquarters: A is headquartered in Japan", and
    weaker, by the role it gives them: "A and B are the largest producers in the U.S.", "C and D are the
    main Japanese suppliers"."""
    text = doc.text
    out: list[tuple[NameSpan, str, tuple[int, int], int]] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for s_start, s_end in sentence_spans(text, block.start, block.end):
            lead = LEAD_IN.match(text, s_start, s_end)
            starts = [lead.end() if lead else s_start]
            starts += [m.end() for m in _CLAUSE_START_RX.finditer(text, s_start, s_end)]
            based_seen = False
            for start in starts:
                items = split_enumeration(text, start, s_end, locatives=False)
                if not items:
                    continue
                after = items[-1].after
                found = None
                if (role := _role_country(text, after, s_end)) is not None:
                    out.extend((item, role[0], role[1], role[2]) for item in items)
                    continue
                if (tail := _BASED_IN_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=False)
                    based_seen = based_seen or found is not None
                elif (tail := _DEMONYM_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=True)
                elif based_seen and (tail := LOCATIVE_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=False)
                if found:
                    out.extend((item, found[0], found[1], P_BASED) for item in items)
    return out


def statement_candidates(doc: TextDocument, known: Sequence[str]) -> list[Candidate]:
    """Countries a sentence states for companies found elsewhere in the document, by the name found or
    a short form that resolution makes the same company ("HiNa" for "HiNa Battery Technology Co., Ltd.").
    A sentence never makes a company: a name no other source found is left alone, and so is a short form
    that would join two companies found."""
    text = doc.text
    stated = _country_statements(doc)
    if not stated:
        return []
    names = sorted({text[item.start:item.end] for item, _, _, _ in stated})
    same = _same_as_found(known, names)
    return [
        Candidate(item.start, item.end, code, span, priority)
        for item, code, span, priority in stated
        if same[text[item.start:item.end]]
    ]


def _same_as_found(known: Sequence[str], names: Sequence[str]) -> dict[str, bool]:
    """For each name: resolution makes it one of the known companies and merges no two of them."""
    resolver = default_resolver()
    before = resolver.resolve_all(known)
    keys = {r.key for r in before.values()}

    def check(batch: Sequence[str]) -> dict[str, bool] | None:
        after = resolver.resolve_all([*known, *batch])
        if any(after[k].key != before[k].key for k in known):
            return None
        return {n: after[n].key in keys for n in batch}

    together = check(names)
    if together is not None:
        return together
    # some name joins two companies: judge each on its own
    return {n: bool(one and one[n]) for n in names for one in [check([n])]}


__all__ = ["statement_candidates"]
