"""Clause boundaries: which words govern a figure.

Every attribution rule reads the figure's governing clause, not the whole sentence: from the start of its
clause (a new clause starts at ";", "while", "whereas", "but", "although"; a press-release dateline
"PUNE, India, March 3, 2025 -- The global ..." is no subject) up to the figure; for a figure inside a
dash/bracket aside, the text before the aside. A figure that is not the market's is labelled by the last
words of its clause.
"""

from __future__ import annotations

import re

__all__ = ["CLAUSE_BOUNDARY", "clause_start", "figure_label", "governing"]


CLAUSE_BOUNDARY = re.compile(
    r";|,?\s+\b(?:while|whereas|but|although|though|meanwhile)\b\s+"
    # a press-release dateline ("PUNE, India, March 3, 2025 -- The global ...") is not the subject
    # ("PUNE, India, Jan. 22, 2025 /PRNewswire/ -- The ...", "... 2025 (NEWS WIRE) -- ...": a place,
    # a comma, a date, a wire tag)
    r"|^[^.;]{0,80}?\b(?:19|20)\d\d\s*(?:--|\u2014|\u2013|-)\s+(?=[A-Z])"
    r"|^(?-i:[A-Z])[A-Za-z .'\-]{1,40},[^;\n]{0,80}?\b(?:19|20)\d\d(?:\s*(?:/[^/\n]{1,40}/|\([^()\n]{1,40}\)))?"
    r"\s*(?:--|\u2014|\u2013)\s+"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


def clause_start(s: str, pos: int) -> int:
    """Start of the clause that contains ``pos`` (after the last independent-clause boundary)."""
    start = 0
    for m in CLAUSE_BOUNDARY.finditer(s, 0, pos):
        start = m.end()
    return start


def governing(s: str, pos: int) -> tuple[int, int, bool]:
    """(start, end, in_aside) of the text that governs the figure at ``pos``.

    Inside a dash or bracket aside ("—projected to grow at a CAGR of 29.6%—"), the aside's own words
    and the text before it govern (the aside describes what precedes it); otherwise clause start to pos.
    """
    cs = clause_start(s, pos)
    seg = s[cs:pos]
    dashes = [m.start() for m in re.finditer(r"—|–(?=\s)|\s-\s|\s–", seg)]
    opens = seg.count("(") - seg.count(")")
    if len(dashes) % 2 == 1:
        return cs, pos, True
    if opens > 0:
        return cs, pos, True
    return cs, pos, False


def figure_label(s: str, pos: int) -> str:
    """A short description of a non-market figure: the words just before it in its clause."""
    cs = clause_start(s, pos)
    words = s[cs:pos].split()[-10:]
    return " ".join(words).strip(" ,;:—–-") or s[:80]
