"""Segment lists in shapes the axis sections do not cover: grouped tables ("By application" / "By region"
group cells over their rows), list lead-ins naming an axis ("We split the market by grade:", "By type, we
track three families:"), bare axis headings over a list ("Applications", "Product forms") and code legends
under an axis ("Application codes" / "EV = Electric Vehicles").

Each rule wants the axis named outright and two or more clean labels; a list with one line that is no label
(a sentence, a figure) is prose, and gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.sections import block_text
from kg.extract.segment_labels import (
    _FACTOR_AXIS,
    _REGION_AXIS,
    _Collector,
    _explicit_axis,
    _is_label,
    axis_kind,
    clean_label,
)
from kg.models import Block, Cell, SegmentKind, Span, TextDocument

_AXIS_NOUN = re.compile(
    r"(?:types?|applications?|chemistr(?:y|ies)|grades?|forms?|products?|materials?|technolog(?:y|ies)|"
    r"sources?|feedstocks?|industr(?:y|ies)|sectors?|verticals?|categor(?:y|ies)|end[\s\-]*uses?|"
    r"end[\s\-]*users?|end[\s\-]*use\s+industr(?:y|ies)|[\w\-]+\s+(?:types?|categor(?:y|ies)))",
    re.I,
)
_AXIS_LABEL = re.compile(r"\s*(?:by\s+)?(?P<axis>[A-Za-z][\w\-/]*(?:\s+[A-Za-z][\w\-/]*){0,2})\s*:?\s*", re.I)


def axis_label(text: str, product: str | None = None) -> tuple[bool, SegmentKind | None]:
    """Whether a whole cell or line names an axis ("By application", "Region", "Material type:"), and its
    segment kind: (True, None) for a region or another axis that lists no segments, (False, None) for text
    that is no axis label at all (an item, a caption, a figure)."""
    m = _AXIS_LABEL.fullmatch(text)
    if m is None:
        return False, None
    axis = m.group("axis")
    spoken_by = text.strip().lower().startswith("by ")
    if _REGION_AXIS.fullmatch(axis.strip()) or spoken_by and _REGION_AXIS.search(axis):
        return True, None
    if spoken_by:
        return True, axis_kind("by " + axis, product)
    # "Chemistry", "Material type", "End user": the whole cell is the axis noun ("Consumer Electronics" or
    # "Carbon Materials" hold an axis word but are items).
    if _AXIS_NOUN.fullmatch(axis.strip()):
        kind = _explicit_axis(axis, product)
        return kind is not None, kind
    return False, None


def _cell_text(doc: TextDocument, cell: Cell) -> str:
    return doc.text[cell.start:cell.end].strip()


def grouped_rows(
    doc: TextDocument, block: Block, kind: SegmentKind | None, product: str | None = None
) -> tuple[list[tuple[SegmentKind, Span]], SegmentKind | None]:
    """The first-column items of a table, by the axis each row falls under, and the axis in force after it.

    A header naming an axis ("By type", "Region", "Chemistry") sets it; so does a group cell opening a row
    ("By application | Drone Packs | 4,260"), whose item is then the next cell, while the
    rows below it (shorter by the spanned group cell) carry their item first. A region axis (kind None)
    gives nothing.
    """
    items: list[tuple[SegmentKind, Span]] = []
    group_len = 0
    for n, row in enumerate(block.rows):
        if not row:
            continue
        first = _cell_text(doc, row[0])
        if all(c.header for c in row):
            if n == 0:
                is_axis, named = axis_label(first, product)
                if is_axis:
                    kind = named
            continue
        cell: Cell | None = row[0]
        is_axis, named = axis_label(first, product)
        if is_axis:
            kind, group_len = named, len(row)
            cell = row[1] if len(row) > 1 else None
            if cell is not None and not _is_label(_cell_text(doc, cell)):
                cell = None  # "By application | Anode grade: US$ 1.6 bn": a note, not an item
        elif group_len and len(row) < group_len:
            cell = row[0]
        elif not first and len(row) > 1:
            cell = row[1]
        if cell is None or kind is None:
            continue
        span = clean_label(doc.text, cell.start, cell.end)
        if span is not None:
            items.append((kind, span))
    return items, kind


def _list_run(doc: TextDocument, blocks: Sequence[Block], i: int) -> list[Span] | None:
    """The labels of the list items starting at ``blocks[i]`` (same depth), or None when any is no label."""
    if i >= len(blocks) or blocks[i].kind != "list_item":
        return None
    depth = blocks[i].depth
    spans: list[Span] = []
    while i < len(blocks) and blocks[i].kind == "list_item" and blocks[i].depth >= depth:
        b = blocks[i]
        i += 1
        if b.depth > depth:
            continue
        span = clean_label(doc.text, b.start, b.end)
        if span is None or not _is_label(doc.text[span.start:span.end]):
            return None
        spans.append(span)
    return spans if len(spans) >= 2 else None


_AXIS_PLURAL = (r"(?:types|applications|end[\s\-]uses|end[\s\-]users|grades|forms|categories|materials|"
                r"technologies|industries|chemistries|sources|feedstocks)")
#: A lead-in sentence naming the axis of the list below: "By type, we track three families:", "We split the
#: market by grade:", "We split the product into two grades:", "is sold in several forms, which ...:".
_LEAD_IN_AXIS = re.compile(
    r"^\s*by\s+(?P<a1>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s*[,:]"
    r"|\bby\s+(?P<a2>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s*:\s*$"
    rf"|\b(?:into|in)\s+(?:(?:two|three|four|five|six|several|various|different|\d)\s+)?"
    rf"(?:(?:main|key|major|distinct|separate|broad)\s+)?(?P<a3>{_AXIS_PLURAL})\b",
    re.I,
)
_NOT_SEGMENT_LEAD = re.compile(r"\b(?:compan(?:y|ies)|players?|manufacturers?|suppliers?|vendors?|questions?)\b",
                               re.I)


def from_lead_ins(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """A paragraph ending in ":" that names an axis, then a list of labels: the list, by that axis. (An axis
    outlook line, "Feedstock outlook (sales, EUR million)", is an axis title: :mod:`kg.extract.segments`.)"""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "paragraph" or block.boilerplate:
            continue
        text = block_text(doc, block).strip()
        m = _LEAD_IN_AXIS.search(text) if text.endswith(":") and len(text.split()) <= 25 else None
        if m is None or _FACTOR_AXIS.search(text) or _NOT_SEGMENT_LEAD.search(text):
            continue
        axis = m.group("a1") or m.group("a2") or m.group("a3")
        if _REGION_AXIS.search(axis):
            continue
        kind = _explicit_axis(axis, out.product)
        if kind is None or kind in have:
            continue
        for span in _list_run(doc, blocks, i + 1) or []:
            out.add(kind, span)


#: A heading that is only an axis noun: "Applications", "Product forms", "End-use industries", "2.3 Types".
_BARE_AXIS_HEADING = re.compile(
    r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:key|main|major|principal|product|end[\s\-]use)\s+)?"
    r"(?P<axis>applications|end[\s\-]uses|end[\s\-]users|types|forms|grades|industries)\s*:?\s*",
    re.I,
)


def from_bare_headings(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """An axis heading without "by" or "segment" ("Applications", "Product forms") over a list of labels,
    after at most one lead-in line ending in ":"; every item must be a label, or the list is prose."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "heading" or block.boilerplate:
            continue
        m = _BARE_AXIS_HEADING.fullmatch(block_text(doc, block))
        if m is None:
            continue
        kind = axis_kind("by " + block_text(doc, block).strip(), out.product)
        if kind is None or kind in have:
            continue
        j = i + 1
        if j < len(blocks) and blocks[j].kind == "paragraph" and block_text(doc, blocks[j]).rstrip().endswith(":"):
            j += 1
        for span in _list_run(doc, blocks, j) or []:
            out.add(kind, span)


#: A legend's title ("Application codes", "Type key"); a glossary of abbreviations explains any words, not
#: one axis.
_LEGEND_TITLE = re.compile(r"\b(?:codes?|legend|key)\b", re.I)
#: One code of a legend per line: "DR = Drone Packs", "MB = Marine Buoys".
_LEGEND_LINE = re.compile(r"\s*[A-Z][A-Za-z0-9/&+\-]{0,9}\s*=\s*(?P<label>[^=,;]+?)\s*")


def from_code_legends(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """A legend under a title naming an axis ("Application codes used in supplier records") whose lines
    each expand one code ("EV = Electric Vehicles"): the expansions, two or more."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind not in ("heading", "paragraph") or block.boilerplate:
            continue
        title = block_text(doc, block).strip().rstrip(":")
        if len(title.split()) > 10 or not _LEGEND_TITLE.search(title):
            continue
        kind = _explicit_axis(title, out.product)
        if kind is None or kind in have:
            continue
        spans: list[Span] = []
        for nxt in blocks[i + 1:]:
            m = _LEGEND_LINE.fullmatch(block_text(doc, nxt))
            if nxt.kind not in ("paragraph", "list_item") or m is None:
                break
            span = clean_label(doc.text, nxt.start + m.start("label"), nxt.start + m.end("label"))
            if span is not None:
                spans.append(span)
        if len(spans) >= 2:
            for span in spans:
                out.add(kind, span)


__all__ = ["axis_label", "from_bare_headings", "from_code_legends", "from_lead_ins", "grouped_rows"]
