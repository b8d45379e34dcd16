"""Players named as the subjects of leadership sentences: "A and B currently lead the market", "A is a
leading supplier of ...", "A, a major producer of ...", "A holds 20% share". Such a sentence has no
player noun before the names, so it needs its own reader; the share tail also fits product segments
("Standard Copper Foil accounted for 61%"), which the product filters turn away. Sentence starts include
the lines of hard-wrapped paragraphs, whose previous line may have lost its stop.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from kg.extract.company_candidates import Candidate
from kg.extract.company_filters import product_form, product_plural
from kg.extract.company_words import LEAD_IN, PLAYER_NOUNS
from kg.extract.names import looks_like_company, split_enumeration
from kg.models import TextDocument

_MARKETISH = r"(?:market|markets|production|segments?|share|industry|supply|capacity|space|sector|landscape)"
_SUBJECT_TAILS = (
    re.compile(
        r"[ \t]+(?:currently[ \t]+|collectively[ \t]+|together[ \t]+|jointly[ \t]+|also[ \t]+|still[ \t]+)?"
        rf"(?:lead|leads|led|dominate|dominates|dominated|control|controls)\b[^.;]{{0,60}}?\b{_MARKETISH}\b"
    ),
    re.compile(
        r",?[ \t]+(?:are|is|remain|remains|were|was)[ \t]+"
        r"(?:the[ \t]+|among[ \t]+the[ \t]+|one[ \t]+of[ \t]+the[ \t]+)?"
        r"(?:leading|key|major|prominent|dominant|top|largest|biggest|principal|main)\b"
        rf"[^.;]{{0,40}}?\b{PLAYER_NOUNS}\b"
    ),
    re.compile(
        r",[ \t]+(?:a|an|the|one[ \t]+of[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
        r"(?:leading|major|key|prominent|dominant|largest|top)\b[^.;]{0,50}?"
        r"\b(?:supplier|producer|manufacturer|player|company|maker|vendor)s?\b"
    ),
    re.compile(
        r"[ \t]+(?:holds|held|has|had|accounts[ \t]+for|accounted[ \t]+for|captured|captures|"
        r"commands|commanded)"
        r"[ \t]+(?:a[ \t]+|an[ \t]+)?(?:[a-z]+[ \t]+){0,2}?\d{1,2}(?:\.\d+)?[ \t]*%"
    ),
)

_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?;])[ \t]+|\b(?:while|whereas)[ \t]+)")


def subject_candidates(doc: TextDocument, line_starts: Sequence[int] = ()) -> list[Candidate]:
    """Subjects of leadership sentences. ``line_starts`` (sorted) are where the lines of hard-wrapped
    paragraphs start: each may open a sentence whose previous line lost its stop (a title line)."""
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        lead = LEAD_IN.match(text, block.start, block.end)
        starts = {lead.end() if lead else block.start}
        starts.update(m.end() for m in _SENTENCE_START.finditer(text, block.start, block.end))
        starts.update(line_starts[bisect_left(line_starts, block.start):bisect_left(line_starts, block.end)])
        for s in sorted(starts):
            items = split_enumeration(text, s, block.end)
            if not items:
                continue
            names = [text[i.start:i.end] for i in items]
            if not all(looks_like_company(n) and not product_plural(n) for n in names):
                continue
            last = items[-1]
            after = last.after
            tails_at = [after]
            if len(items) == 1:
                tails_at.append(last.end)
            if any(rx.match(text, p, block.end) for rx in _SUBJECT_TAILS for p in tails_at) or (
                len(items) == 1 and _SUBJECT_TAILS[2].match(text, last.end, block.end)
            ):
                if any(_SUBJECT_TAILS[3].match(text, p, block.end) for p in tails_at) and any(
                    product_form(n) for n in names
                ):
                    continue  # "Standard Copper Foil accounted for 61% of revenue": a product segment
                out.extend(Candidate(i.start, i.end) for i in items)
    return out


__all__ = ["subject_candidates"]
