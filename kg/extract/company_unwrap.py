"""Hard-wrapped plain text, where each line is its own block: a long line that stops mid-sentence and runs
into the next paragraph line is one paragraph, so "Leading calciners include A, Goa Carbon" + "Limited, C"
is one enumeration. The unwrapped copy keeps every offset (line breaks become spaces), so prose readers
work on it while list readers keep the lines; the names a line break cut short ("Wexcombe Graphite" of
"Wexcombe Graphite Limited") are then dropped in favour of the joined reading.
"""

from __future__ import annotations

from kg.extract.company_candidates import Candidate
from kg.extract.company_words import ITEM_OPENER_RX
from kg.extract.names import LEADER_RX, trim_name
from kg.models import Block, TextDocument

#: A wrapped line is at least this long: hard wraps fill the line; a list of names or a title does not.
_WRAP_MIN_CHARS = 50


def _line_kind_ok(doc: TextDocument, block: Block, continued: bool) -> bool:
    """A paragraph line, or a long line the reader took for a heading ("(Iceland), Oman Primary
    Aluminium (Oman) and Aluminium") where it continues a wrapped line: a title never
    follows a line of prose without a blank line."""
    if block.kind == "paragraph":
        return True
    return continued and block.kind == "heading" and block.end - block.start >= _WRAP_MIN_CHARS


def _wraps_into_next(doc: TextDocument, i: int, continued: bool = False) -> bool:
    """Plain text keeps each line a block; a long paragraph line that stops mid-sentence (no final
    . ! ? or :) and runs straight into another paragraph line is one paragraph hard-wrapped.
    ``continued``: line ``i`` itself continues the line before it."""
    blocks = doc.blocks
    if i + 1 >= len(blocks):
        return False
    a, b = blocks[i], blocks[i + 1]
    if not (_line_kind_ok(doc, a, continued) and _line_kind_ok(doc, b, True)) or a.boilerplate or b.boilerplate:
        return False
    line = doc.text[a.start:a.end].rstrip()
    if len(line) < _WRAP_MIN_CHARS or line[-1] in ".!?:" or LEADER_RX.search(line):
        return False
    if doc.text[a.end:b.start].strip(" \t") != "\n":
        return False
    return ITEM_OPENER_RX.match(doc.text, b.start, b.end) is None


def without_cut_names(text: str, line_cands: list[Candidate], joined: list[Candidate]) -> list[Candidate]:
    """Drop the names a line break cut short ("Wexcombe Graphite" of "Wexcombe Graphite Limited" wrapped
    after "Graphite"): a candidate read line by line that a candidate of the joined paragraphs continues
    across a line break of ``text``."""
    reach: dict[int, int] = {}
    spans = []
    for c in joined:
        s, e = trim_name(text, c.start, c.end)
        reach[s] = max(reach.get(s, e), e)
        spans.append((s, e))
    out = []
    for c in line_cands:
        s, e = trim_name(text, c.start, c.end)
        if reach.get(s, e) > e and "\n" in text[e:reach[s]]:
            continue
        if any(js < s < je and "\n" in text[js:s] for js, je in spans):
            continue  # "Carbon" opening a line: the tail of "Rain CII" + "Carbon" cut by the wrap
        out.append(c)
    return out


def unwrapped_document(doc: TextDocument) -> tuple[TextDocument, list[int]] | None:
    """The plain-text document with each hard-wrapped paragraph as one block and its line breaks as
    spaces (same length, so every offset stays valid), and the starts of the lines so joined; None when
    nothing is wrapped. "Leading calciners include A, B, Goa Carbon" + "Limited, C ..." on the next line
    is one enumeration, which the line blocks cut in two."""
    if doc.media_type != "text/plain":
        return None
    blocks: list[Block] = []
    breaks: list[int] = []
    line_starts: list[int] = []
    i = 0
    while i < len(doc.blocks):
        j = i
        while _wraps_into_next(doc, j, continued=j > i):
            j += 1
        if j > i:
            for k in range(i, j):
                breaks.extend(pos for pos in range(doc.blocks[k].end, doc.blocks[k + 1].start)
                              if doc.text[pos] == "\n")
                line_starts.append(doc.blocks[k + 1].start)
            blocks.append(Block(start=doc.blocks[i].start, end=doc.blocks[j].end, kind="paragraph"))
        else:
            blocks.append(doc.blocks[i])
        i = j + 1
    if not breaks:
        return None
    pieces, last = [], 0
    for pos in breaks:
        pieces += [doc.text[last:pos], " "]
        last = pos + 1
    pieces.append(doc.text[last:])
    return doc.model_copy(update={"text": "".join(pieces), "blocks": tuple(blocks)}), line_starts


__all__ = ["unwrapped_document", "without_cut_names"]
