"""The record every company reader produces -- a name's span with the country evidence found for it -- and
the two ways of turning text into such records that several readers share: an enumeration ("A, B and C")
read name by name with each one's "(Country)" or the enumeration's noun-phrase country, and the registry
company's other name in a "(formerly X)" / "(now X)" aside, taken only when the registry says both names are
the same company (an unknown pair would otherwise become two companies).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.extract.company_countries import P_ATTACHED, P_PHRASE, parens_country
from kg.extract.company_filters import registry_key, registry_name
from kg.extract.names import NAME_RX, looks_like_company, sentence_cut, split_enumeration, trim_name
from kg.models import TextDocument


@dataclass
class Candidate:
    """A name one reader found, before spellings are merged; the country it carries competes by
    ``priority`` (see :mod:`kg.extract.company_countries`) with what other readers found for the name."""

    start: int
    end: int
    country: str | None = None
    country_span: tuple[int, int] | None = None
    priority: int = 9
    renamed: list[Candidate] = field(default_factory=list)  # "(formerly X)" of the same registry company

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def enumeration_candidates(
    doc: TextDocument, start: int, end: int, phrase: tuple[str, tuple[int, int]] | None
) -> list[Candidate]:
    """The company-like names of the enumeration at ``start`` (or ones the registry lists as written), each
    with its own "(Country)", else the country of the noun phrase that introduced it (``phrase``)."""
    out: list[Candidate] = []
    for item in split_enumeration(doc.text, start, end):
        name = doc.text[item.start:item.end]
        found = parens_country(doc.text, item.parens)
        if not (looks_like_company(name, country_stated=found is not None) or registry_name(name)):
            continue
        cand = Candidate(item.start, item.end)
        if found:
            cand.country, cand.country_span, cand.priority = found[0], found[1], P_ATTACHED
        elif phrase:
            cand.country, cand.country_span, cand.priority = phrase[0], phrase[1], P_PHRASE
        out.append(cand)
    return out


#: "(now Resonac)", "(renamed POSCO Future M in 2023)", "(formerly Showa Denko)".
RENAME_RX = re.compile(
    r"[ \t]*(?:now|renamed|formerly|previously|since[ \t]+renamed|later[ \t]+renamed)"
    r"(?:[ \t]+(?:as|to|known[ \t]+as))?[ \t]+(?=[A-Z\d])"
)


def _rename_candidate(doc: TextDocument, paren: tuple[int, int], name: str) -> Candidate | None:
    """The other name in "(now X)" / "(renamed X in 2023)", when it is the same registry company: a mention
    of that company (an unknown pair would become two companies, so it is left alone)."""
    text = doc.text
    rm = RENAME_RX.match(text, paren[0], paren[1])
    if rm is None:
        return None
    nm = NAME_RX.match(text, rm.end(), paren[1])
    if nm is None:
        return None
    s, e = trim_name(text, nm.start(), sentence_cut(text, nm.start(), nm.end()))
    other = text[s:e]
    if not other or not looks_like_company(other):
        return None
    key = registry_key(other)
    if key is None or key != registry_key(name):
        return None
    return Candidate(s, e)


def rename_candidates(doc: TextDocument, parens: Sequence[tuple[int, int]], name: str) -> list[Candidate]:
    """The registry company's other name in any "(formerly X)" / "(now X)" after a name."""
    return [c for p in parens if (c := _rename_candidate(doc, p, name)) is not None]


__all__ = ["Candidate", "RENAME_RX", "enumeration_candidates", "rename_candidates"]
