"""Sentence (and clause) splitting with exact offsets into the text rendition.

Why not a library splitter: evidence quotes must be exact slices of the text, and the genre is full of
"U.S.", "Co., Ltd.", "etc. in 2022", "Rs. 1,850 crore", "4.62 billion" and numbered run-in headings
("1. Electric Vehicle Boom:") that generic splitters cut in the wrong places. Rules:

* A sentence ends at ". ! ?" (plus closing quotes/brackets) followed by whitespace and a capital, digit,
  quote or bullet -- unless the word before the period is a known abbreviation, a single letter ("U.S.",
  "N. America"; not a year's forecast mark "2030E."; not a unit after its number, "2.3 Mt."), or a bare
  number opening the sentence ("1. Electric ...").
* A newline always ends a sentence (blocks and table rows are separated by newlines).
* Sentences are trimmed of surrounding whitespace; empty ones are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.figure_words import wordset

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """``text[start:end]`` of the document the sentence was split from."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = wordset(
    "co corp inc ltd llc plc ag nv bv sa spa gmbh bhd pvt pte kk no nos vs approx est fig figs e.g "
    "i.e etc al rs jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st mt dept govt "
    "intl incl excl approx resp u.s u.k u.a.e p.r u.s.a e.u n.a"
)
# abbreviations that are also units: after a number they end the sentence their figure closes
_UNITS = wordset("mt")
_END_RX = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[A-Z0-9•➤\-–—>])|\n")


def _is_abbreviation(text: str, dot: int, sentence_start: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation rather than a sentence end?"""
    m = re.search(r"([A-Za-z][A-Za-z.]*|\d+)$", text[sentence_start:dot])
    if m is None:
        return False
    word = m.group(1)
    if word.isdigit():  # "1. Electric Vehicle Boom": an enumerator opens the sentence
        return text[sentence_start : sentence_start + m.start(1)].strip() == ""
    if len(word) == 1 and word.isupper():  # "N. America", the "S" of "U.S"
        # but not a forecast mark glued to a year: "to 2032E. Mexico ..."
        at = sentence_start + m.start(1)
        return not (at > 0 and text[at - 1].isdigit())
    if word.lower() in _UNITS and re.search(r"\d\s*$", text[sentence_start : sentence_start + m.start(1)]):
        return False  # "shipments of 2.3 Mt. We expect ...": a unit after its number, not "Mt." (Mount)
    return word.lower().rstrip(".") in _ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    out: list[Sentence] = []
    cur = start
    for m in _END_RX.finditer(text, start, stop):
        if m.group() != "\n" and _is_abbreviation(text, m.start(), cur):
            continue
        _emit(text, cur, m.end() if m.group() != "\n" else m.start(), out)
        cur = m.end()
    _emit(text, cur, stop, out)
    return out


def _emit(text: str, a: int, b: int, out: list[Sentence]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b, text[a:b]))
