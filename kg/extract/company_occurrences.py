"""Every occurrence of each company spelling found, as the mention's evidence: outside boilerplate, whole
words only, and longer spellings first so "Rain CII" inside "Rain CII Carbon" counts for the longer one.
A long report has thousands of boilerplate blocks and hundreds of spellings, so the search uses
``str.find`` instead of a look-behind regex and answers "inside boilerplate?" and "overlaps a taken span?"
by bisection; those small index structures are kept here with the only search that needs them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from kg.models import TextDocument


def _boilerplate_ranges(doc: TextDocument) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.blocks if b.boilerplate]


def find_occurrences(doc: TextDocument, text: str, spellings: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Every non-boilerplate occurrence of each spelling in ``text`` (the document's, or its unwrapped
    copy); longer spellings claim overlapping text first."""
    skip = _PointRanges(_boilerplate_ranges(doc))
    taken = _DisjointSpans()
    found: dict[str, list[tuple[int, int]]] = {s: [] for s in spellings}
    for spelling in sorted(spellings, key=lambda s: (-len(s), s)):
        for a, b in _spelling_spans(text, spelling):
            if skip.covers(a) or taken.overlaps(a, b):
                continue
            taken.add(a, b)
            found[spelling].append((a, b))
    return found


_NAME_CHAR_RX = re.compile(r"[\w&]")
_WORD_CHAR_RX = re.compile(r"\w")


def _spelling_spans(text: str, spelling: str) -> Iterator[tuple[int, int]]:
    r"""What ``re.finditer(r"(?<![\w&])" + re.escape(spelling) + r"(?!\w)", text)`` finds (the lookahead
    only after a letter or digit), by ``str.find``: a pattern opening with a lookbehind has no literal
    prefix for the regex engine to skip to, so it would try every position of the text, per spelling."""
    n = len(spelling)
    word_end = spelling[-1].isalnum()
    pos = text.find(spelling)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or _NAME_CHAR_RX.match(text, pos - 1) is None) and not (
            word_end and _WORD_CHAR_RX.match(text, end)
        ):
            yield pos, end
            pos = text.find(spelling, end)
        else:
            pos = text.find(spelling, pos + 1)


class _PointRanges:
    """Half-open ranges asked "does any contain this point?" in log time (a long report has thousands)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self._starts = [s for s, _ in ranges]
        self._reach: list[int] = []  # the furthest end among the ranges starting at or before each start
        for _, e in ranges:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def covers(self, point: int) -> bool:
        i = bisect_right(self._starts, point)
        return i > 0 and self._reach[i - 1] > point


class _DisjointSpans:
    """Non-overlapping spans kept sorted, so an overlap test is a bisection instead of a scan of all."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        # Disjoint spans sorted by start are sorted by end too: only the last one starting before b matters.
        i = bisect_left(self._starts, b)
        return i > 0 and self._ends[i - 1] > a

    def add(self, a: int, b: int) -> None:
        i = bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)


__all__ = ["find_occurrences"]
