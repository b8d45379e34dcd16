"""The words that name each dynamics kind, in one table for the outline and the dynamics extractor.

The outline (:mod:`kg.extract.sections`) needs them to rank a "Key Trends" or "Headwinds" title as a kind
title; :mod:`kg.extract.dynamics` needs them to tell *which* kind such a title names and to read kind labels
in prose ("Drivers: ...", "lists three drivers:", "(trend)"). One table keeps the two from drifting apart: a
noun the outline does not accept as a title never reaches the extractor as one.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.models import DynamicKind


@dataclass(frozen=True)
class KindWords:
    """How reports name one kind. Fields are regular-expression fragments (no groups that capture)."""

    kind: DynamicKind
    singular: str  # the kind's own noun, "driver"
    plural: str  # "drivers"
    figurative: str  # other nouns that title a section of the kind: "tailwinds", "white space"
    #: Words that tell the kind inside a title the outline already knows as a kind title by its phrasing
    #: ("What Is Driving Demand", "Threat Factors", "Obstructive Factors"), too common in item titles to make
    #: one on their own: "Technological Limitations" is a challenge listed under "Challenges" (seed report
    #: 002), not a restraints section.
    hints: str


KIND_WORDS: tuple[KindWords, ...] = (
    KindWords("drivers", "driver", "drivers", r"tailwinds", r"driving|drives|fuell?ing|growth\s+factors?"),
    KindWords("restraints", "restraint", "restraints", r"constraints?|inhibitors?|headwinds",
              r"restrictive\s+factors|limitations|restraining|hindering|limiting|(?:hold|holding|keep|keeping)\b.*\bback|slow(?:ing)?\b.*\bdown|slowing"
              r"|obstruct\w*\s+factors?"),
    KindWords("opportunities", "opportunity", "opportunities",
              r"upsides?(?:\s+(?:scenarios?|potential))?|white[\s\-]+spaces?", ""),
    KindWords("challenges", "challenge", "challenges", r"risks", r"barriers|threats|threat\s+factors?"),
    KindWords("trends", "trend", "trends", "", r"trending"),
)


def _alt(*parts: str) -> str:
    return "|".join(p for p in parts if p)


#: Every noun that titles a section of some kind ("drivers", "headwinds", "upside scenarios").
TITLE_NOUNS = _alt(*(_alt(w.plural, w.singular, w.figurative) for w in KIND_WORDS))
#: The five plain kind nouns, singular or plural.
KIND_NOUNS = _alt(*(_alt(w.plural, w.singular) for w in KIND_WORDS))
#: The plain nouns in the singular / in the plural.
SINGULARS = _alt(*(w.singular for w in KIND_WORDS))
PLURALS = _alt(*(w.plural for w in KIND_WORDS))
#: The kind each singular noun names ("trend" -> "trends").
KIND_OF_SINGULAR: dict[str, DynamicKind] = {w.singular: w.kind for w in KIND_WORDS}


def kind_pattern(words: KindWords) -> str:
    """Every word that tells one kind, as one fragment to wrap in ``\\b(?:...)\\b``."""
    return _alt(words.plural, words.singular, words.figurative, words.hints)


__all__ = ["KIND_NOUNS", "KIND_OF_SINGULAR", "KIND_WORDS", "PLURALS", "SINGULARS", "TITLE_NOUNS", "KindWords",
           "kind_pattern"]
