"""Tests that keep non-companies out once a reader has found a company-shaped name: product types named
like firms ("Standard Copper Foil", "Slotted Prebaked Anodes", "Coal-based ..."), a research house (the
publisher in an about-us line), and names a sentence puts outside the report's scope. The reference
registry is the counterweight: a name it lists, or one with a legal form, is never dropped as a product.
They are separate from :mod:`kg.extract.names` because they need the registry and the sentence around the
name, where that module judges a spelling alone.
"""

from __future__ import annotations

import re

from kg.extract.geo import find_places
from kg.extract.names import GENERIC_WORDS, has_legal_suffix, is_name_shape, looks_like_company, tokens
from kg.resolve import default_resolver

#: Words naming the physical form of a product: a name ending in one is a product type, not a firm.
_FORM_WORDS = frozenset({
    "foil", "foils", "powder", "powders", "flake", "flakes", "sheet", "sheets", "film", "films", "fiber",
    "fibers", "fibre", "fibres", "paste", "pastes", "briquette", "briquettes", "pellet", "pellets",
    # a mixture of materials is a product type too: "Nano-Silicon-Graphite Composite", "Pitch Blend"
    "composite", "composites", "blend", "blends",
})


def product_form(name: str) -> bool:
    """"Ultra-thin Copper Foil", "Coated Spherical Powder", "Micron-sized LTO": ends in a product-form word
    or opens with a compound descriptor, with no legal form and no registry entry."""
    words = tokens(name)
    last = words[-1].strip(".,;:()'’\"").casefold() if words else ""
    descriptor = _DESCRIPTOR_RX.match(name) is not None
    return (last in _FORM_WORDS or descriptor) and not has_legal_suffix(name) and registry_key(name) is None


#: A name opening with a lower-case compound descriptor ("Nano-structured", "Coal-based", "Battery-grade"):
#: a product type, as firms' hyphenated names capitalise both halves ("Rolls-Royce", "Hydro-Québec").
_DESCRIPTOR_RX = re.compile(r"[A-Z][a-z]+-[a-z]+(?:ed|grade)\b")


def product_plural(name: str) -> bool:
    """"Slotted Prebaked Anodes": a name ending in a generic product noun in the plural, without a legal
    form or a registry entry, names a product segment ("held 41% of the market"), not a firm."""
    words = tokens(name)
    last = words[-1].strip(".,;:()'’\"").casefold() if words else ""
    if not (last.endswith("s") and last[:-1] in GENERIC_WORDS) or has_legal_suffix(name):
        return False
    return registry_key(name) is None


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A date written as a name: "March 2025", "12 June 2025", "Sept. 3, 2024", "Q3 2025", "H1 2026", "FY2025".
_DATE_NAME_RX = re.compile(
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+)?{_MONTH}(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?)?|[QH][1-4]|FY)"
    r"[ \t]*'?(?:19|20)?\d\d",
    re.I,
)


def date_name(name: str) -> bool:
    """A date in a name's place: the head of a dated news item ("March 2025: A opened a plant"), which a
    list line's shape cannot tell from "Name: description". No firm is called by a month and a year."""
    return _DATE_NAME_RX.fullmatch(name.strip()) is not None


def registry_name(name: str) -> bool:
    """A name the reference registry lists as written (case and legal form aside): a company even when it
    is made of place and generic words ("Emirates Global Aluminium"), which the shape test refuses."""
    hit = default_resolver().match_registry(name, fuzzy=False)
    return hit is not None and hit.method != "registry-fuzzy" and is_name_shape(name)


def registry_key(name: str) -> str | None:
    """The reference registry's company this spelling is (exact, alias or distinctive-token match)."""
    hit = default_resolver().match_registry(name, fuzzy=False)
    return hit.key if hit is not None else None


#: A research house (the publisher, in an about-us line), not a player.
RESEARCH_HOUSE_RX = re.compile(
    r"\b(?:research|analytics|insights?|consulting|consultants|advisory|intelligence|data|securities)\b", re.I
)

#: A sentence that puts what it names outside the report: "... but fall outside the scope of this review",
#: "..., but separator films are not covered in this study".
_OUT_OF_SCOPE_RX = re.compile(
    r"\b(?:outside|beyond)[ \t]+(?:the[ \t]+)?scope[ \t]+of\b|\bout[ \t]+of[ \t]+scope\b"
    r"|\bnot[ \t]+(?:covered|included|considered)[ \t]+(?:in|by)[ \t]+(?:this|the)[ \t]+"
    r"(?:report|study|analysis)\b"
    # "... are excluded from this study", "... are covered in our separate Cathode Market report"
    r"|\bexcluded[ \t]+from[ \t]+(?:this|the)[ \t]+(?:report|study|analysis|scope)\b"
    r"|\bcovered[ \t]+(?:in|by)[ \t]+(?:our|a|another)[ \t]+separate\b",
    re.I,
)


#: The clause after a name denies that it makes the product: "A, which does not make anodes itself,
#: supplies ...", "B ... is not a producer of natural graphite anode material". Such a firm is named as a
#: supplier of inputs, a customer or a neighbour, never as a player.
_NOT_PRODUCER_RX = re.compile(
    r"\b(?:(?:does|do|did)[ \t]+not|doesn['’]t|don['’]t)[ \t]+(?:itself[ \t]+|themselves[ \t]+)?"
    r"(?:make|produce|manufacture|fabricate)\b"
    r"|\b(?:is|are|was|were)[ \t]+not[ \t]+(?:itself[ \t]+)?(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:producer|maker|manufacturer)\b",
    re.I,
)
#: A capitalised word that may stand between the name and the denial without changing its subject.
_CAP_WORD_RX = re.compile(r"\b[A-Z][\w'’-]*")


#: The end of the sentence a name sits in: a stop before a capital or the line's end, not the dot of an
#: initial or of "Co." / "Inc." / "Ltd." / "Corp."
_SENTENCE_STOP_RX = re.compile(r"(?<!\b[A-Z])(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)[.!?;](?=[ \t]+[A-Z]|[ \t]*$)")


def denied_producer(text: str, start: int, end: int) -> bool:
    """Whether the sentence goes on to say the name at ``[start, end)`` does not make the product ("X,
    which does not make soft carbon itself, supplies ..."). Another name between them (a place aside)
    takes the denial for itself: "A supplies B, which does not make anodes" says nothing about A."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    m = _SENTENCE_STOP_RX.search(text, end, line_end)
    e = m.start() if m else line_end
    denial = _NOT_PRODUCER_RX.search(text, end, e)
    if denial is None:
        return False
    return all(find_places(word.group()) for word in _CAP_WORD_RX.finditer(text, end, denial.start()))


def out_of_scope(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a name in prose excludes it from the report's scope: a company named
    only to be left out is not a player of the market (the same name in a list or table still counts)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    stops = list(re.finditer(r"[.!?;][ \t]+(?=[A-Z])", head))
    s = line_start + stops[-1].end() if stops else line_start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    m = _SENTENCE_STOP_RX.search(text, end, line_end)
    e = m.end() if m else line_end
    return _OUT_OF_SCOPE_RX.search(text, s, e) is not None


def product_abbreviation(text: str, name: str) -> bool:
    """Whether the text introduces ``name`` as the abbreviation of a term that is no company: "Silicon-Carbon
    (Si-C)", "Electric Vehicles (EV)". An abbreviation of a firm ("Example Graphite (EXG)") or of a name the
    registry knows is kept, and so is a name that also carries a legal form."""
    if has_legal_suffix(name) or registry_key(name) is not None or f"({name})" not in text:
        return False
    defined = False
    for m in re.finditer(r"((?:[A-Z][\w&'’.-]*[ \t]+){0,4}[A-Z][\w&'’.-]*)[ \t]*\(" + re.escape(name) + r"\)", text):
        words = m.group(1).split()
        phrases = [" ".join(words[i:]) for i in range(len(words))]
        if any(looks_like_company(p) or registry_key(p) is not None for p in phrases):
            return False  # one definition as a firm's short name is enough to keep it
        defined = True
    return defined


__all__ = [
    "RESEARCH_HOUSE_RX", "date_name", "denied_producer", "out_of_scope", "product_abbreviation", "product_form",
    "product_plural", "registry_key", "registry_name",
]
