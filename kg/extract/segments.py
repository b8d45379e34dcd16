"""Segment lists: the types, applications and end users a report breaks its market down by.

Where the lists come from, in order of trust:

1. **Axis sections** - a section whose title names a segmentation axis ("By Type", "Market Segmentation
   (by Application)", "By End-Use Industry", "End User Industry Analysis", "Segmentation by Product").
   Its items are the short lines, list items, bold leads of paragraphs ("The **automotive industry** is
   the largest consumer" -> "automotive"), short sub-titles and the first column of its tables, up to
   the next axis section or the end of its subtree. Long sub-titles ("Hard Carbon Segment Dominates the
   Market Due to ...") and lead-in sentences ("The market is segmented based on type into:") are not items.
   After the section's own list, a bold or heading sub-title that is no axis and no sub-group of it ("What
   the split says" over "Drone frames: 41% of value") ends the axis; a title opening with a question word
   is never an item.
   A title naming two axes ("Segments: feedstock and end use", "Revenue by application and region") has no
   kind of its own: group labels inside it ("By type" cells, "By application" lines) say which rows are
   which, and a table states its own axis (a "Region" or "Chemistry" header) whatever section it sits in.
2. **Segment tables** anywhere - a table whose header names the axis ("Type", "Application", "End User"),
   a key/value table whose rows name an axis and list its items ("By type | A; B", or in a later cell:
   "Material type | material_type | A; B"), and a plain-text table whose header line starts with an axis
   and years ("Grade   2024   2031   CAGR": its row labels). "By application" / "By region" group cells in
   the first column switch the axis of the rows below them (:func:`~kg.extract.segment_lists.grouped_rows`).
3. **The table of contents** (boilerplate, but the report's own segmentation): a numbered line naming an
   axis ("1.2 Segment by Type", "4.1.1 By Type - Global ... Market Size") is followed by its items at the
   same or the next numbering depth ("1.2.2 Natural Graphite"); lines that are themselves about markets,
   sizes, revenues or years are skipped, a shallower line ends the list.
   Nested list items: an item naming an axis ("Type Outlook (Revenue, USD Million, 2018 - 2030)") takes
   its direct sub-items (``Block.depth`` one deeper). A title carrying its items ("By Product Type: A; B")
   takes its kind from the words before the colon. Any column of a table whose header is a whole axis
   ("By Material | By Application | By End User") lists items; "Total" rows never do. A line without
   "," or ";" is one label ("Aerospace and Defense"), and what follows " – " / ":" in a line is its
   description, never more items.
   For empty axes, :mod:`kg.extract.segment_lists`: a lead-in naming the axis over a list ("We split the
   market by grade:", "By type, we track three families:", "Source outlook (revenue, ...)"), a bare axis
   heading over a list of labels ("Applications", "Product forms") and a code legend under an axis title
   ("Application codes": "EV = Electric Vehicles").
4. **Prose** (:mod:`kg.extract.segment_prose`), only for an axis the structure left empty: "segmented (by
   type) into A, B and C", "by application: A, B, C", "across A, B, and C applications", "by type (A, B),
   by application (C, D)". Prose uses plural generic nouns where lists use labels ("bottom carbon anodes"
   vs "Bottom Carbon Anode"), so these labels are singularised.

The axis kind comes from the title's words: type/product/material/grade/form/technology/process/source
-> ``type``; application/use -> ``application``; end user/end-use/industry/vertical/sector/customer ->
``end_user``; region/country/geography -> not a segment; "anode/cell/battery type" -> ``application`` (what
the material goes into) unless the market itself is that thing ("By Anode Type" in a prebaked anode report).
Items may be separated by "," ";" or spaced "·" / "|"; a "Chapter 2 ..." line and a label holding a year, "%"
or "CAGR" are never items, and an axis part ends at the next part numbered like it ("[2]" -> "[3]"). Labels
lose descriptions after ":" / " - " / "-", periods and the word "Segment"; parentheses stay as written
unless they describe the item in lower case ("(for prebaked anodes)"). An axis name ("By application",
"MATERIAL TYPE"), a money unit or a figure caption ("Market value by chemistry, EUR million") and a "Total
..." row are never items, nor is anything under a title that puts its part outside the market ("Reference
only - cathode materials (not anode)").

   Also for empty axes: label lines joined into one block ("Type: A | B Application: C; D") and plural axis
   nouns before brackets ("covers product types (A, B), applications (C, D) and end users (E, F)"); a
   bracket "(A and B)" of two multi-word labels is two items. Row-header cells (``<th scope="row">``) and a
   "Grade | 2024 | 2031" header over a plain-text table give first-column items too.

5. **The report title**, last and only for an axis still empty: "... by Material (A, B, Others), End-use
   Industry (C, D)"; a parenthesis holding digits or units is not a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kg.extract.sections import Section, block_text, lead_strong, next_sibling_number, outline, semantic_offset
from kg.extract.segment_labels import (
    _CHAPTER,
    _DESCRIPTION,
    _GENERIC_TAIL,
    _MAX_LABEL_WORDS,
    _NOT_ITEM,
    _REGION_AXIS,
    _TOC_LEADER,
    OUTSIDE_SCOPE,
    _Collector,
    _enumeration,
    _explicit_axis,
    _is_label,
    axis_kind,
    clean_label,
    is_axis_title,
    product_noun,
)
from kg.extract.segment_lists import (
    axis_label,
    from_bare_headings,
    from_code_legends,
    from_lead_ins,
    grouped_rows,
)
from kg.extract.segment_prose import (
    _from_axis_brackets,
    _from_axis_clauses,
    _from_following,
    _from_inline_axes,
    _from_label_runs,
    _from_prose,
    _from_segments_line,
    _from_title,
)
from kg.models import Block, ReportMeta, SegmentKind, SegmentMention, Span, TextDocument

# ------------------------------------------------------------------ collecting


def _block_items(doc: TextDocument, block: Block) -> Iterable[Span]:
    """Candidate labels of one block inside an axis section."""
    raw = block_text(doc, block)
    s = raw.strip()
    if not s or block.boilerplate:
        return
    if block.kind == "table":
        for row in block.rows:
            if row and not all(c.header for c in row):  # a <th scope="row"> label is a label like any other
                span = clean_label(doc.text, row[0].start, row[0].end)
                if span is not None:
                    yield span
        return
    words = re.findall(r"[\w&/+\-]+", s)
    if block.kind in ("list_item", "heading") or (len(words) <= 8 and not s.endswith((".", ":", "?"))):
        lead = lead_strong(doc, block)
        if block.kind == "list_item" and lead is not None:
            yield lead
            return
        span = clean_label(doc.text, block.start, block.end)
        if span is not None:
            yield span
        return
    # A prose paragraph: only its bold lead names an item ("The **automotive industry** is the largest").
    lead = lead_strong(doc, block)
    if lead is not None:
        span = clean_label(doc.text, lead.start, lead.end)
        if span is not None:
            m = _GENERIC_TAIL.search(doc.text[span.start:span.end])
            if m and m.start() > 0:
                span = Span(start=span.start, end=span.start + m.start())
            yield span


_LABELLED_LIST = re.compile(r"(?P<axis>[^:]{2,40}?)\s*:\s*(?P<items>\S.*)", re.S)


def _labelled_list(doc: TextDocument, sec: Section, product: str | None) -> tuple[SegmentKind, int] | None:
    """A title that carries its own items: "By Product Type: A; B; C" -> (kind, offset of "A").

    The kind comes from the words before the colon only ("By Application: ...; Consumer Electronics"
    names applications, whatever its items say).
    """
    m = _LABELLED_LIST.fullmatch(sec.title)
    if m is None or not is_axis_title(m.group("axis")):
        return None
    kind = axis_kind(m.group("axis"), product)
    if kind is None:
        return None
    own = doc.blocks[sec.block_index]
    colon = doc.text.find(":", sec.span.start, own.end)
    if colon < 0:
        return None
    return kind, colon + 1


def _from_sections(doc: TextDocument, sections: list[Section], out: _Collector) -> None:
    for sec in sections:
        labelled = _labelled_list(doc, sec, out.product)
        if labelled is not None:
            own_kind, begin = labelled
            for span in _enumeration(doc, begin, doc.blocks[sec.block_index].end):
                out.add(own_kind, span)
    axes = [s for s in sections if is_axis_title(s.title)]
    for n, sec in enumerate(axes):
        axis = axis_kind(sec.title, out.product)
        if axis is None or _labelled_list(doc, sec, out.product) is not None:
            continue
        # "Segments: feedstock and end use", "Revenue by application and region": no one kind; the group
        # labels inside ("By type" cells, "By application" lines) say which rows are which.
        kind: SegmentKind | None = None if _names_two_axes(sec.title, out.product) else axis
        stop = sec.end_index
        for later in axes[n + 1:]:
            if later.block_index < stop:
                stop = later.block_index
            break
        # "[2] Market Size by Grade" ... "[3] Regions": the next title numbered like the axis is the next part
        # of the report, whatever rank the outline gave it.
        stop = next((s.block_index for s in sections
                     if sec.block_index < s.block_index < stop and next_sibling_number(sec.number, s.number)), stop)
        child_titles = {s.block_index: s for s in sections if sec.block_index < s.block_index < stop}
        # Under an item that is itself a sub-heading (a card "Consumer Electronics" / "Smartphones, laptops"),
        # the paragraphs describe that item; they list no further items of the axis.
        described = False
        # The section's own list, before any sub-title ("By application" / its bullets): a later sub-title
        # that is neither an axis nor a sub-group of it ("What the split says") starts another part.
        first_sub = min(child_titles, default=stop)
        own_list = any(b.kind in ("list_item", "table") and not b.boilerplate
                       for b in doc.blocks[sec.block_index + 1:first_sub])
        if kind is not None and (sec.style == "bold_prefix" or (sec.style == "numbered" and sec.body is not None)):
            # "**By Form:** Spherical Graphite, Flake Graphite, Amorphous Graphite"
            own = doc.blocks[sec.block_index]
            rest = re.match(r"[\s:*\u2013\u2014-]*", doc.text[sec.span.end:own.end])
            begin = sec.span.end + (rest.end() if rest else 0)
            for span in _enumeration(doc, begin, own.end):
                out.add(kind, span)
        for i in range(sec.block_index + 1, stop):
            block = doc.blocks[i]
            if i not in child_titles and (_is_group_line(doc, block) or _CHAPTER.match(block_text(doc, block))):
                break  # "5. Market Dynamics" read as a list item, "Chapter 2 ...": the next part of the report
            sub = child_titles.get(i)
            if sub is not None and own_list and _closes_axis(doc, sub):
                break
            if sub is not None and sub.style not in ("bold_prefix",) and (
                len(re.findall(r"\w+", sub.title)) > _MAX_LABEL_WORDS or semantic_offset(sub.title) < 3
                or _REMARK_TITLE.match(sub.title)
            ):
                continue  # "Hard Carbon Segment Dominates the Market Due to ..." is a comment, not an item
            if block.kind == "table" and not block.boilerplate:
                # A table states its own axis (a "Region" or "Chemistry" header, "By application" group cells).
                rows, kind = grouped_rows(doc, block, kind, out.product)
                for row_kind, span in rows:
                    out.add(row_kind, span)
                continue
            line = block_text(doc, block).strip()
            head = _nested_axis_head(doc, i)
            if head is not None:
                kind = axis_kind(head, out.product)  # "Application Outlook (...)" over its own sub-list
                continue
            is_axis, named = axis_label(line, out.product) if re.match(r"by\s|.*:$", line, re.I) else (False, None)
            if is_axis and sub is None:
                kind = named  # an axis line the outline did not make a title: "By application"
                continue
            if kind is None:
                continue
            if block.kind == "list_item" and block.depth > 0 and re.search(r"\d", line):
                continue  # "Bio-based: 34% of 2024 value" under an item: a figure about it
            if sub is not None and sub.style == "bold_prefix":
                out.add(kind, clean_label(doc.text, sub.span.start, sub.span.end))
                continue
            if sub is not None:
                described = block.kind == "heading"
            elif described and block.kind == "paragraph":
                continue
            if _is_lead_in(doc, block):
                continue
            if block.kind in ("paragraph", "list_item"):
                # Only the head of a line lists items; what follows " – " or ":" describes the first one.
                desc = _DESCRIPTION.search(doc.text, block.start, block.end)
                head_end = desc.start() if desc and desc.start() > block.start else block.end
                listed = _enumeration(doc, block.start, head_end)
                if listed and not re.search(r"[.!?]\s*$", block_text(doc, block)):
                    for span in listed:
                        out.add(kind, span)
                    continue
            for span in _block_items(doc, block):
                out.add(kind, span)


#: A title phrased as a question or a remark ("What the split says", "How demand moves"): never a label.
_REMARK_TITLE = re.compile(r"(?:what|how|why|where|when|which|who)\b", re.I)


def _closes_axis(doc: TextDocument, sub: Section) -> bool:
    """Whether a bold or heading sub-title, met after the axis section's own list, ends the axis: it is no
    axis title and no sub-group of the axis (a label over a list of plain labels, "Industrial" / "Tools",
    "Pumps"); "What the split says" over "Drone frames: 41% of 2025 value" is the report moving on."""
    if sub.style not in ("heading", "bold_line", "centered", "caps") or is_axis_title(sub.title):
        return False
    if _REMARK_TITLE.match(sub.title) or not _is_label(sub.title):
        return True
    body = [b for b in sub.blocks if block_text(doc, b).strip()]
    return bool(body) and not all(
        b.kind in ("list_item", "paragraph") and _is_label(block_text(doc, b).strip())
        and not re.search(r"\d", block_text(doc, b)) and not _DESCRIPTION.search(block_text(doc, b).strip())
        for b in body
    )


def _names_two_axes(title: str, product: str | None) -> bool:
    """A title naming two axes, a region counting as one: "Segments: feedstock and end use", "Revenue by
    application and region", "By Type and Application"."""
    m = re.search(r"\bby\s+(.+)|:\s*(.+)", title, re.I)
    head = (m.group(1) or m.group(2)) if m else title
    kinds: set[str] = set()
    for part in re.split(r"\s*(?:,|&|/|\band\b)\s*", head):
        if _REGION_AXIS.search(part):
            kinds.add("region")
            continue
        kind = _explicit_axis(part, product)
        if kind is not None:
            kinds.add(kind)
    return len(kinds) >= 2


def _is_group_line(doc: TextDocument, block: Block) -> bool:
    """A short line naming a part of a report ("Market Dynamics", "Competitive Landscape")."""
    s = block_text(doc, block).strip().rstrip(":")
    return block.kind in ("paragraph", "list_item") and 0 < len(s.split()) <= 5 and semantic_offset(s) == 1


#: A plain label line introducing a bullet list: "Type:", "Application:", "By End User:".
_LABEL_LINE = re.compile(
    r"\s*(?P<split>(?:break[\s\-]?up|break[\s\-]?down|split|segmentation|analysis)\s+)?(?:by\s+)?"
    r"(?P<axis>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,2})\s*:\s*",
    re.I,
)


def _from_label_lines(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """A paragraph that is only an axis label ("Type:") followed by list items: the items."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "paragraph" or block.boilerplate:
            continue
        m = _LABEL_LINE.fullmatch(block_text(doc, block))
        if m is None:
            continue
        kind = _explicit_axis(m.group("axis"), out.product)
        if kind is None and m.group("split") and re.search(r"\bby\s", m.group(), re.I):
            # "Breakup by Sulphur Content:" says outright that a breakdown follows: any product property
            # is an axis, named by meaning (:func:`axis_kind`), not only the usual axis words.
            kind = axis_kind("by " + m.group("axis"), out.product)
        if kind is None or kind in have:
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item":
            out.add(kind, clean_label(doc.text, blocks[j].start, blocks[j].end))
            j += 1


def _is_lead_in(doc: TextDocument, block: Block) -> bool:
    s = block_text(doc, block).strip()
    return s.endswith(":") or bool(re.search(r"\b(?:segmented|classified|divided|categori[sz]ed)\b", s))


_AXIS_HEADER = re.compile(r"\b(?:type|application|end|segment|product|industry)", re.I)
#: A header cell that is itself a whole axis ("By Material", "Application", "End User"), so any column of
#: a segmentation table may carry one, not only the first.
_AXIS_COLUMN = re.compile(r"by\s+[\w\- ]{2,30}|types?|applications?|end[\s\-]*users?|end[\s\-]*uses?", re.I)


def _key_value_rows(doc: TextDocument, block: Block, out: _Collector) -> bool:
    """A key/value table whose rows each name an axis and list its items in the next cell ("By type |
    A; B", "Application | C, D, E"): the items, by the row's axis. True when the table is one, so its
    first column (axis names, "By region") is never read as items."""
    found = False
    for row in block.rows:
        if len(row) < 2:
            continue
        key = doc.text[row[0].start:row[0].end].strip().rstrip(":").strip()
        if not (_AXIS_COLUMN.fullmatch(key) or axis_label(key)[0]):
            continue
        # The items may sit in a later cell: "Material type | material_type | A; B; C" (a taxonomy table).
        items = []
        for cell in row[1:]:
            items = _enumeration(doc, cell.start, cell.end)
            if items:
                break
        if not items or any(re.search(r"\d", doc.text[x.start:x.end]) for x in items):
            continue  # "Type | 2024 | 2030": a header row, not a list
        found = True
        kind = axis_kind(key, out.product)
        if kind is None:
            continue  # "By region | Asia Pacific; Europe" is the regions' business
        for span in items:
            out.add(kind, span)
    return found


def _year_header(doc: TextDocument, header: Sequence[Span]) -> bool:
    """A header row "Grade | 2024 | 2031 | CAGR" (a plain-text table made a table block): an explicit axis
    word then only years and figure headings, so the first column lists that axis's items."""
    first = doc.text[header[0].start:header[0].end].strip()
    rest = [doc.text[c.start:c.end].strip() for c in header[1:]]
    return (
        _explicit_axis(first) is not None
        and len(rest) >= 2
        and all(re.fullmatch(r"(?:(?:19|20)\d\d\w?|CAGR|share|%)[\w\s()%\-\u2013/]*", c, re.I) for c in rest if c)
        and any(re.match(r"(?:19|20)\d\d", c) for c in rest)
    )


def _from_tables(doc: TextDocument, out: _Collector) -> None:
    for block in doc.blocks:
        if block.kind != "table" or not block.rows or block.boilerplate:
            continue
        if _key_value_rows(doc, block, out):
            continue
        header = block.rows[0]
        if not header:
            continue
        columns: list[tuple[int, SegmentKind]] = []
        for k, cell in enumerate(header):
            head = doc.text[cell.start:cell.end].strip()
            kind = axis_kind(head, out.product) if len(head.split()) <= 5 else None
            if kind is None:
                continue
            if (k == 0 and (_AXIS_HEADER.search(head) or _year_header(doc, header))) or _AXIS_COLUMN.fullmatch(head):
                columns.append((k, kind))
        for k, kind in columns:
            if k == 0:
                # "By application" / "By region" group cells in the first column switch the axis.
                for row_kind, span in grouped_rows(doc, block, kind, out.product)[0]:
                    out.add(row_kind, span)
                continue
            values = [doc.text[r[k].start:r[k].end].strip() for r in block.rows[1:] if k < len(r)]
            if all(re.fullmatch(r"[a-z_][a-z0-9_]*", v) for v in values if v):
                continue  # "Column | Type | ..." over "year | int": a data dictionary's field types
            for row in block.rows[1:]:
                if k < len(row) and row[k].end > row[k].start:
                    out.add(kind, clean_label(doc.text, row[k].start, row[k].end))


#: The header line of a plain-text table by an axis: "Grade   2024   2031   CAGR", "By Application 2024 2031".
_TEXT_TABLE_HEADER = re.compile(
    r"\s*(?:by\s+)?(?P<axis>[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,2}?)\s+(?:19|20)\d\d\b[^.]*", re.I)
_NUMBER_TOKEN = re.compile(r"[-+]?\d[\d,.]*%?|n/?a|[\-\u2013\u2014]", re.I)


def _text_rows(doc: TextDocument, block: Block) -> list[Span] | None:
    """The row labels of a block made only of plain-text table rows, each a label then two or more numbers
    ("Tin Foil  12,400  88,900  32.5%", several rows run together in one block); None otherwise."""
    labels: list[Span] = []
    start = end = -1
    numbers = 0
    for m in re.finditer(r"\S+", block_text(doc, block)):
        if _NUMBER_TOKEN.fullmatch(m.group()):
            if start < 0:
                return None  # a row opens with its label
            numbers += 1
            continue
        if start >= 0 and numbers:
            if numbers < 2:
                return None
            labels.append(Span(start=block.start + start, end=block.start + end))
            start, numbers = -1, 0
        if start < 0:
            start = m.start()
        end = m.end()
    if start < 0 or numbers < 2:
        return None
    labels.append(Span(start=block.start + start, end=block.start + end))
    return labels


def _from_text_tables(doc: TextDocument, out: _Collector) -> None:
    """A plain-text table whose header names an axis ("Form 2023 2030 CAGR"): its row labels are that axis's
    items, like the first column of a real table headed "Form". A header naming regions or anything else
    gives nothing."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind == "table" or block.boilerplate:
            continue
        m = _TEXT_TABLE_HEADER.fullmatch(block_text(doc, block))
        if m is None or len(m.group().split()) > 12:
            continue
        kind = _explicit_axis(m.group("axis"), out.product)
        if kind is None:
            continue
        rows: list[Span] = []
        for nxt in blocks[i + 1:]:
            text = block_text(doc, nxt).strip()
            if not text or re.fullmatch(r"[\-=_\s]+", text):
                continue  # the rule under the header
            found = _text_rows(doc, nxt) if nxt.kind != "table" else None
            if found is None or _TEXT_TABLE_HEADER.fullmatch(text):
                break  # prose, or the header of the next table ("Region  2024  2031")
            rows.extend(found)
        if len(rows) >= 2:
            for span in rows:
                out.add(kind, clean_label(doc.text, span.start, span.end))


def _nested_axis_head(doc: TextDocument, i: int) -> str | None:
    """The axis a list item names when its own sub-list holds the items ("Type Outlook (Revenue, USD
    Million)" over "Natural", "Synthetic"), brackets dropped; None for any other block."""
    block = doc.blocks[i]
    nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
    if block.kind != "list_item" or nxt is None or nxt.kind != "list_item" or nxt.depth <= block.depth:
        return None
    line = block_text(doc, block).strip()
    head = re.sub(r"\s*\([^()]*\)\s*$", "", line).rstrip(":").strip()
    return head if head and (is_axis_title(head) or is_axis_title(line)) else None


def _from_nested_lists(doc: TextDocument, out: _Collector) -> None:
    """A list item naming an axis whose own sub-list holds the items:

    "Type Outlook (Revenue, USD Million, 2018 - 2030)" with "Natural", "Synthetic" one level deeper.
    Only the direct children count; a region axis ("Regional Outlook") gives nothing.
    """
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "list_item" or block.boilerplate:
            continue
        children: list[Block] = []
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item" and blocks[j].depth > block.depth:
            if blocks[j].depth == block.depth + 1:
                children.append(blocks[j])
            j += 1
        if not children:
            continue
        head = _nested_axis_head(doc, i)
        if head is None:
            continue
        kind = axis_kind(head, out.product)
        if kind is None:
            continue
        for child in children:
            out.add(kind, clean_label(doc.text, child.start, child.end))


_TOC_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*)$")


def _from_toc(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    kind: SegmentKind | None = None
    depth = 0
    active = False
    for block in doc.blocks:
        s = block_text(doc, block)
        m = _TOC_LINE.match(s)
        if not m:
            if active and s.strip():
                active = False
            continue
        d = len(m.group(1).split("."))
        body = m.group(2)
        body_start = block.start + m.start(2)
        if re.search(r"\bby\s+[\w\-]+", body, re.I):
            # "5. Segmentation. We track sales by customer: ..." is a numbered paragraph, not a contents line.
            prose = re.search(r"[.!?]\s+\S", _TOC_LEADER.sub("", body))
            k = axis_kind(body, out.product) if not prose else None
            if k is not None:  # a deeper "by Type" line re-anchors the depth of the items that follow
                kind, depth, active = k, d, True
            elif k is None and active and d <= depth:
                active = False
            continue
        if not active or kind is None:
            continue
        if d < depth or d == depth == 1:
            # "7. North America Outlook" after the chapter "6. Market Outlook by End Use" is the next chapter;
            # under "1.2.1 Growth Rate by Type", the siblings "1.2.2 Natural" ... are the type's items.
            active = False
            continue
        if d > depth + 1 or _NOT_ITEM.search(body):
            continue
        if kind in have:
            continue
        out.add(kind, clean_label(doc.text, body_start, block.end))


def extract_segments(
    doc: TextDocument, sections: list[Section] | None = None, meta: ReportMeta | None = None
) -> list[SegmentMention]:
    """Every segment the report lists, by kind, in document order (see the module docstring)."""
    secs = sections if sections is not None else outline(doc)
    out = _Collector(doc, product_noun(meta.market if meta is not None else None))
    # A part outside the market ("Reference only - cathode materials"); never the title over the whole report.
    out.outside = [(sec.span.start, doc.blocks[sec.end_index - 1].end) for sec in secs
                   if OUTSIDE_SCOPE.search(sec.title) and 0 < sec.end_index - sec.block_index < len(doc.blocks) / 2]
    _from_sections(doc, secs, out)
    _from_segments_line(doc, out)
    _from_nested_lists(doc, out)
    _from_tables(doc, out)
    _from_text_tables(doc, out)
    _from_toc(doc, out, have=set(out.kinds()))
    _from_label_lines(doc, out, have=set(out.kinds()))
    from_lead_ins(doc, out, have=set(out.kinds()))
    from_code_legends(doc, out, have=set(out.kinds()))
    from_bare_headings(doc, out, have=set(out.kinds()))
    _from_label_runs(doc, out, have=set(out.kinds()))
    _from_axis_brackets(doc, out, have=set(out.kinds()))
    _from_axis_clauses(doc, out, have=set(out.kinds()))
    _from_following(doc, out, have=set(out.kinds()))
    _from_inline_axes(doc, out, have=set(out.kinds()))
    _from_prose(doc, out, have=set(out.kinds()))
    _from_title(doc, meta, out, have=set(out.kinds()))
    return out.items


__all__ = ["axis_kind", "clean_label", "extract_segments", "is_axis_title"]
