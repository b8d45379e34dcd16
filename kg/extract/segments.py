"""Segment lists: the types, applications and end users a report breaks its market down by.

Where the lists come from, in order of trust:

1. **Axis sections** - a section whose title names a segmentation axis ("By Type", "Market Segmentation
   (by Application)", "By End-Use Industry", "End User Industry Analysis", "Segmentation by Product").
   Its items are the short lines, list items, bold leads of paragraphs ("The **automotive industry** is
   the largest consumer" -> "automotive"), short sub-titles and the first column of its tables, up to
   the next axis section or the end of its subtree. Long sub-titles ("Hard Carbon Segment Dominates the
   Market Due to ...") and lead-in sentences ("The market is segmented based on type into:") are not items.
2. **Segment tables** anywhere - a table whose header names the axis ("Type", "Application", "End User"),
   a key/value table whose rows name an axis and list its items ("By type | A; B"), and a plain-text table
   whose header line starts with an axis and years ("Form   2023   2030   CAGR": its row labels).
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
4. **Prose**, only for an axis the structure left empty: "segmented (by type) into A, B and C", "by
   application: A, B, C", "across A, B, and C applications", "by type (A, B), by application (C, D)". Prose
   uses plural generic nouns where lists use labels ("bottom carbon anodes" vs "Bottom Carbon Anode"), so
   these labels are singularised.

The axis kind comes from the title's words: type/product/material/grade/form/technology/process/source
-> ``type``; application/use -> ``application``; end user/end-use/industry/vertical/sector/customer ->
``end_user``; region/country/geography -> not a segment; "anode/cell/battery type" -> ``application`` (what
the material goes into) unless the market itself is that thing ("By Anode Type" in a prebaked anode report).
Items may be separated by "," ";" or spaced "·" / "|"; a "Chapter 2 ..." line and a label holding a year, "%"
or "CAGR" are never items, and an axis part ends at the next part numbered like it ("[2]" -> "[3]"). Labels
lose descriptions after ":" / " - " / "-", periods and the word "Segment"; parentheses stay as written.

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

from kg.extract.sections import Section, block_text, lead_strong, outline, semantic_offset
from kg.models import Block, Evidence, ReportMeta, SegmentKind, SegmentMention, Span, TextDocument

_REGION_AXIS = re.compile(r"\b(?:regions?|regional|country|countries|geograph\w*|areas?)\b", re.I)
_END_USER_AXIS = re.compile(
    r"\bend[\s\-]*(?:users?|use(?:s|rs?)?)\b|\b(?:industry|industries|verticals?|sectors?|customers?|"
    r"end[\s\-]?markets?|consumers?)\b",
    re.I,
)
_APPLICATION_AXIS = re.compile(r"\b(?:applications?|uses?|usage)\b", re.I)
#: An axis naming the kind of component or device the product is used in ("By Anode Type", "by anode
#: chemistry", "by cell format"): the applications of a material, not its own types.
_TARGET_AXIS = re.compile(r"\b(anode|cell|battery|electrode)s?\s+(?:types?|chemistr(?:y|ies)|formats?)\b", re.I)
_TYPE_AXIS = re.compile(
    r"\b(?:types?|products?|materials?|grades?|forms?|technolog(?:y|ies)|process(?:es)?|sources?|"
    r"feedstocks?|chemistr(?:y|ies)|categor(?:y|ies)|configurations?|compositions?|raw materials?)\b",
    re.I,
)
_NOT_PRODUCT_AXIS = re.compile(
    r"\b(?:compan(?:y|ies)|manufacturers?|players?|vendors?|suppliers?|revenue|value|volume|sales|years?|"
    r"price|segment|share|capacity|models?|channels?|distribution|supply|ownership|procurement)\b",
    re.I,
)
_AXIS_TITLE = re.compile(
    r"\bby\s+[\w\-]+|\bsegment(?:ation|s)?\b|\b(?:type|application|end[\s\-]*user|end[\s\-]*use)\s+"
    r"(?:industry\s+)?(?:analysis|outlook|insights|segment(?:ation)?)\b",
    re.I,
)
_NOT_ITEM = re.compile(
    r"\b(?:market|segment(?:ed|ation)?|global|revenue|sales|price|size|share|forecasts?|analysis|overview|"
    r"introduction|consumption|comparison|growth|estimates?|cagr|percentages?|outlook|scope|definition|"
    r"report|companies|players|manufacturers?|key|prospects)\b|\b(?:19|20)\d\d\b|\?|%|\$",
    re.I,
)
_GENERIC_TAIL = re.compile(
    r"\s+(?:industry|industries|sector|sectors|segment|segments|market|markets|vertical|verticals|field)$",
    re.I,
)
_MAX_LABEL_WORDS = 6
#: The dotted leader of a contents line and its page number: "Coal Tar Pitch ...... 47", "Resins … 12".
_TOC_LEADER = re.compile(r"\s*(?:(?:\.\s?){4,}|\u2026+)\s*\d*\s*$")
#: A column or axis naming kinds of market factor ("Factor type", "Impact type", "Driver category"): its
#: values are "Driver", "Restraint"..., dynamics, never segments.
_FACTOR_AXIS = re.compile(r"\b(?:factors?|drivers?|restraints?|impacts?|dynamics|risks?|trends?)\b", re.I)
#: Summary rows of a segment table, never a segment.
_TOTAL_ROW = re.compile(r"(?:grand\s+|sub-?)?totals?|overall|all\s+segments", re.I)
#: Where a list line's description starts: "Anode Binders – styrene-butadiene ...", "Natural: flake ...".
_DESCRIPTION = re.compile(r"\s[\-\u2013\u2014]\s|\u2013|\u2014|:")


def product_noun(market: str | None) -> str | None:
    """The head noun of a market name, singular and lower-case: "Prebaked Carbon Anode" -> "anode",
    "Calcined Petroleum Coke for Anodes" -> "coke" (what follows "for"/"of"/"in" is the use, not the
    product)."""
    if not market:
        return None
    head = re.split(r"\s+(?:for|of|in|used\s+in)\s+", re.sub(r"\([^()]*\)", " ", market), maxsplit=1, flags=re.I)[0]
    words = re.findall(r"[A-Za-z]+", head)
    return _singular(words[-1]).lower() if words else None


def axis_kind(title: str, product: str | None = None) -> SegmentKind | None:
    """The segment kind an axis title names, or None (regions, companies, or no axis at all).

    ``product`` is the market's head noun (:func:`product_noun`): "By Anode Type" lists applications of an
    anode *material* (what it goes into), but the types of the product when the market is anodes itself.
    """
    m = re.search(r"\bby\s+(.+)", title, re.I)
    head = m.group(1) if m else title
    if _FACTOR_AXIS.search(head):
        return None
    if _REGION_AXIS.search(head) and not (_TYPE_AXIS.search(head) or _APPLICATION_AXIS.search(head)):
        return None
    if _END_USER_AXIS.search(head):
        return "end_user"
    target = _TARGET_AXIS.search(head)
    if target:
        if product is not None and _singular(target.group(1)).lower() == product:
            return "type"  # "By Anode Type" in a prebaked anode report: the product's own types
        return "application"  # "by anode type" in an anode-materials report: what the material goes into
    if _APPLICATION_AXIS.search(head):
        return "application"
    if _TYPE_AXIS.search(head):
        return "type"
    # Any other "by X" breakdown of a product market ("By Precursor", "By Coating") is one of its types,
    # unless X is not a product property at all (companies, values, time).
    # A byline ("By Jane Doe · 4 March 2025 · 5 min read") is no breakdown: digits or separators say so.
    byline = len(head.split()) > 3 or re.search(r"[\d\u00b7|\u2022@]", head)
    if m and not _NOT_PRODUCT_AXIS.search(head) and not byline:
        return "type"
    return None


def is_axis_title(title: str) -> bool:
    """A title that introduces a segment list (not a long item title that happens to say "segment")."""
    words = re.findall(r"[\w\-]+", title)
    if len(words) > 10 or title.rstrip().endswith("?"):
        return False
    return bool(_AXIS_TITLE.search(title)) or semantic_offset(title) == 2 and axis_kind(title) is not None


# ------------------------------------------------------------------ labels


def clean_label(text: str, start: int, end: int) -> Span | None:
    """Trim a candidate label in place: descriptions, bullets, "Segment", final stops (parentheses stay:
    "Lithium Titanate (LTO)" is how the report names the segment)."""
    seg = text[start:end]
    # A contents line: "Petroleum Pitch ........ 44" - the dotted leader and page number are no part of it.
    leader = _TOC_LEADER.search(seg)
    if leader and leader.start() > 0:
        end = start + leader.start()
        seg = text[start:end]
    # A dash between digits is a range inside the label ("50–100 µm"), not a description.
    cut = re.search(r"\s*(?::|\s[\-\u2013\u2014]\s|(?<!\d)\u2013|\u2013(?!\d)|\u2014)\s*", seg)
    if cut and cut.start() > 0:
        end = start + cut.start()
    while start < end and (text[start].isspace() or text[start] in "\u2022\u25aa\u25cf\u27a4*-\u2013>\u00b7"):
        start += 1
    m = re.match(r"\d+(?:\.\d+)+\.?\s+(?=[A-Za-z])", text[start:end])  # "4.1 Low Viscosity Grade"
    if m:
        start += m.end()
    m = re.match(r"(?:the|a|an)\s+", text[start:end], re.I)
    if m and end - start - m.end() > 2:
        start += m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:*"):
        end -= 1
    m = re.search(r"\s+segments?$", text[start:end], re.I)
    if m and m.start() > 0:
        end = start + m.start()
    return Span(start=start, end=end) if end > start else None


def _is_label(s: str) -> bool:
    words = re.findall(r"[\w&/+\-]+", s)
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and not s.rstrip().endswith((":", "?"))
        and any(ch.isalpha() for ch in s)
        and not re.search(r"https?://|www\.|@", s)
        and not re.search(r"\b(?:is|are|was|were|include|includes|into|will|has|have)\b", s, re.I)
        and not _FIGURE_WORDS.search(_BOUND_QUALIFIER.sub("", s))
    )


#: A bracketed bound or range qualifying a grade ("Low Sulphur (<1.5%)", "Medium (1.5-3%)", "Fine (below 10
#: µm)"): part of the label as the report writes it, not a figure; a bare share "(45%)" is none.
_BOUND_QUALIFIER = re.compile(
    r"\s*\(\s*(?:(?:[<>\u2264\u2265]=?|up\s+to|above|below|under|over|less\s+than|more\s+than)\s*\d[\d.,]*"
    r"|\d[\d.,]*\s*(?:-|\u2013|to)\s*\d[\d.,]*)\s*(?:%|wt\s*%|ppm|\u00b5m|\u03bcm|nm|mm)\s*\)\s*$",
    re.I,
)


#: A year, a percentage or a CAGR: a table header or a figure ("Form 2023 2030 CAGR 24-30"), never a label.
_FIGURE_WORDS = re.compile(r"\b(?:19[5-9]\d|20[0-5]\d)\b|%|\bCAGR\b")


def _singular(label: str) -> str:
    """The singular of a prose label's last word ("side carbon anodes" -> "side carbon anode")."""
    m = re.search(r"(\w+)$", label)
    if not m:
        return label
    w = m.group(1)
    low = w.lower()
    if low.endswith(("ss", "us", "is", "ics", "ous")) or len(low) <= 3:
        return label
    if low.endswith("ies"):
        w = w[:-3] + ("Y" if w[-3].isupper() else "y")
    elif low.endswith(("ches", "shes", "xes", "sses")):
        w = w[:-2]
    elif low.endswith("s"):
        w = w[:-1]
    return label[: m.start()] + w


# ------------------------------------------------------------------ collecting


class _Collector:
    """Segment mentions in document order, one per (kind, normalised label)."""

    def __init__(self, doc: TextDocument, product: str | None = None) -> None:
        self.doc = doc
        self.product = product  # the market's head noun, for "By Anode Type" (see :func:`axis_kind`)
        self.items: list[SegmentMention] = []
        self._seen: dict[tuple[str, str], int] = {}

    @staticmethod
    def key(label: str) -> str:
        k = re.sub(r"[^a-z0-9]+", " ", label.lower().replace("&", " and "))
        k = re.sub(r"\b(?:segment|market)\b", " ", k)
        return " ".join(k.split())

    def add(self, kind: SegmentKind, span: Span | None, label: str | None = None) -> bool:
        if span is None:
            return False
        quote = self.doc.text[span.start:span.end]
        label = label or re.sub(r"\s+", " ", quote)
        if not _is_label(label) or _TOTAL_ROW.fullmatch(label.strip()) or _CHAPTER.match(label):
            return False
        k = (kind, self.key(label))
        if not k[1]:
            return False
        ev = Evidence(start=span.start, end=span.end, quote=quote)
        if k in self._seen:
            i = self._seen[k]
            old = self.items[i]
            if all(e.start != ev.start for e in old.evidence):
                self.items[i] = SegmentMention(kind=kind, label=old.label, evidence=(*old.evidence, ev))
            return True
        self._seen[k] = len(self.items)
        self.items.append(SegmentMention(kind=kind, label=label, evidence=(ev,)))
        return True

    def kinds(self) -> set[str]:
        return {m.kind for m in self.items}


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


#: Spaced separators of a list written on one line: "A · B · C", "A | B | C", "A • B".
_LIST_MARK = re.compile(r"\s[|\u00b7\u2022\u25aa]\s")
_LIST_MARK_PART = re.compile(r"[^|\u00b7\u2022\u25aa]+")


def _enumeration(doc: TextDocument, start: int, end: int) -> list[Span]:
    """Split "A, B and C" (or "A; B; C", "A · B · C", "A | B | C") into label spans when every part is
    short; else nothing. Between dots or pipes a comma or "and" stays inside its label."""
    text = doc.text[start:end]
    marked = bool(_LIST_MARK.search(text))
    parts = list((_LIST_MARK_PART if marked else re.compile(r"[^,;]+")).finditer(text))
    if len(parts) < 2:
        return []  # "Aerospace and Defense" on its own line is one label, not an enumeration
    spans: list[Span] = []
    for k, m in enumerate(parts):
        piece_start, piece = start + m.start(), m.group()
        if k == len(parts) - 1 and not marked:
            # "and"/"or" close an enumeration; "&" joins one label ("Aerospace & Defense").
            sub = re.split(r"\s+(?:and|or)\s+", piece)
            offset = 0
            for x in sub:
                pos = piece.find(x, offset)
                offset = pos + len(x)
                span = clean_label(doc.text, piece_start + pos, piece_start + pos + len(x))
                if span is not None:
                    spans.append(span)
        else:
            span = clean_label(doc.text, piece_start, piece_start + len(piece))
            if span is not None:
                spans.append(span)
    words_ok = all(0 < len(doc.text[s.start:s.end].split()) <= 5 for s in spans)
    return spans if len(spans) >= 2 and words_ok else []


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
            kind, begin = labelled
            for span in _enumeration(doc, begin, doc.blocks[sec.block_index].end):
                out.add(kind, span)
    axes = [s for s in sections if is_axis_title(s.title)]
    for n, sec in enumerate(axes):
        axis = axis_kind(sec.title, out.product)
        if axis is None or _labelled_list(doc, sec, out.product) is not None:
            continue
        kind = axis
        stop = sec.end_index
        for later in axes[n + 1:]:
            if later.block_index < stop:
                stop = later.block_index
            break
        # "[2] Market Size by Form" ... "[3] Regions": the next title numbered like the axis is the next part
        # of the report, whatever rank the outline gave it.
        stop = next((s.block_index for s in sections
                     if sec.block_index < s.block_index < stop and _next_sibling_number(sec.number, s.number)), stop)
        child_titles = {s.block_index: s for s in sections if sec.block_index < s.block_index < stop}
        # Under an item that is itself a sub-heading (a card "Consumer Electronics" / "Smartphones, laptops"),
        # the paragraphs describe that item; they list no further items of the axis.
        described = False
        if sec.style == "bold_prefix" or (sec.style == "numbered" and sec.body is not None):
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
            if sub is not None and sub.style not in ("bold_prefix",) and (
                len(re.findall(r"\w+", sub.title)) > _MAX_LABEL_WORDS or semantic_offset(sub.title) < 3
            ):
                continue  # "Hard Carbon Segment Dominates the Market Due to ..." is a comment, not an item
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


def _next_sibling_number(a: str | None, b: str | None) -> bool:
    """``b`` numbers the part after ``a`` ("2." then "3.", "[2]" then "[3]", "4.1" then "4.2"); items numbered
    from 1 under "3. By Type" are not."""
    if not a or not b or re.sub(r"\d+", "0", a) != re.sub(r"\d+", "0", b):
        return False
    x, y = [int(n) for n in re.findall(r"\d+", a)], [int(n) for n in re.findall(r"\d+", b)]
    return bool(x) and x[:-1] == y[:-1] and y[-1] > x[-1]


#: A table-of-contents or part line ("Chapter 2 Global Growth Trends", "Section 4: Segments"): never an item.
_CHAPTER = re.compile(r"\s*(?:chapter|section|part)\s+(?:\d+|[IVX]+)\b", re.I)


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


def _explicit_axis(axis: str, product: str | None = None) -> SegmentKind | None:
    """The kind of an axis named by an axis word (type, application, end user...), never a guess."""
    if not (_TYPE_AXIS.search(axis) or _APPLICATION_AXIS.search(axis) or _END_USER_AXIS.search(axis)
            or _TARGET_AXIS.search(axis)):
        return None
    return axis_kind("by " + axis, product)


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


#: "By application, it covers A, B and C." / "By binder type: A; B; Others." / "Segments: by material, A,
#: B and C; by anode type, D and E." / "By chemistry we split the market into a and b; by application
#: into c, d and e." - an axis opening a sentence or clause, its items up to the next axis or sentence end.
#: A capitalised "By X:" opens a clause anywhere: label lines run together into one paragraph ("By Type: A |
#: B By Application: C | D") have no stop between them.
_AXIS_CLAUSE = re.compile(
    r"(?:^|(?<=[.:;]\s)|(?<=[.:;])|(?<=\s)(?=by\s[^:.,\n]{1,30}:))\s*by\s+"
    r"(?P<axis>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)"
    r"(?=\s*[:,]|\s+(?:into|we|it|the|they|this)\b)",
    re.I,
)
_CLAUSE_LEAD = re.compile(
    r"^.*?\b(?:into|covers?|covering|includes?|including|comprises?|spans?)\s+(?:(?:two|three|four|five)\s+)?"
    r"(?:(?:types|segments|categories|groups)\s*:?\s+)?|^[\s:,]+",
    re.I | re.S,
)


#: A bracket holding a figure: "(78% of 2024 volume)", "(US$ 120 mn)".
_FIGURE_BRACKET = re.compile(r"\s*\([^()]*[\d%$\u20ac][^()]*\)")


def _from_axis_clauses(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        # Every "By X:" ends the clause before it, an axis read here or not ("... | C By Region: ...").
        found = list(_AXIS_CLAUSE.finditer(text))
        hits = [m for m in found if _explicit_axis(m.group("axis"))]
        for m in hits:
            kind = _explicit_axis(m.group("axis"), out.product)
            if kind is None or kind in have:
                continue
            stop = next((x.start() for x in found if x.start() > m.start()), len(text))
            end_m = re.search(r"\.(?:\s|$)|;\s*(?=by\s)", text[m.end():stop], re.I)
            region_end = m.end() + end_m.start() if end_m else stop
            region = text[m.end():region_end]
            lead = _CLAUSE_LEAD.match(region)
            start = m.end() + (lead.end() if lead else 0)
            # "EV batteries (78% of volume), storage (14%)": a bracketed figure qualifies an item, it is none.
            items = _FIGURE_BRACKET.sub(lambda x: " " * len(x.group()), text[start:region_end]).rstrip(" ;,")
            if re.search(r"\d|%|\$|\u20ac", items):
                continue
            if _LIST_MARK.search(items):  # "A | B | C": commas and "and" stay inside a label
                parts = list(_LIST_MARK_PART.finditer(items))
            else:
                parts = list(re.finditer(r"[^,;]+", re.sub(r"\s+(?:and|or)\s+", lambda x: ","
                                                          + " " * (len(x.group()) - 1), items)))
            labels: list[tuple[int, str]] = []
            for p in parts:
                raw = p.group()
                lo = len(raw) - len(raw.lstrip())
                label = raw.strip()
                if not label or len(label.split()) > 5:
                    labels = []
                    break
                labels.append((block.start + start + p.start() + lo, label))
            if len(labels) < 2:
                continue
            for pos, label in labels:
                shown = label if any(c.isupper() for c in label) else _title_case(label)
                out.add(kind, Span(start=pos, end=pos + len(label)), label=shown)


#: "segments the market by type (A, B), by application (C, D) and by region (...)": an axis with its items
#: in brackets, anywhere in a sentence.
_AXIS_BRACKET = re.compile(
    r"\bby\s+(?P<axis>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s*\((?P<items>[^()]{3,300})\)"
    # "covers product types (A, B), applications (C, D) and end users (E, F)": a plural axis noun, no "by"
    r"|(?:\b(?:covers|includes|spans|segments)\s+|,\s*|\band\s+)(?P<axis2>(?:[a-z][\w\-]*\s+)?(?:types|"
    r"applications|end[\s\-]users|end[\s\-]uses|grades|forms|materials|technologies|industries))\s*"
    r"\((?P<items2>[^()]{3,300})\)",
    re.I,
)


_NOT_ITEMS = re.compile(r"\d|%|\$|\u20ac|\b(?:usd|eur|million|billion|units?|tons?|tonnes?|kt)\b", re.I)


def _from_axis_brackets(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """Bracketed item lists after an axis in prose, for axes the structure left empty. A bracket holding
    digits or units ("by type (USD million)", "by application (%)") is no list."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        if "(" not in text:
            continue
        for m in _AXIS_BRACKET.finditer(text):
            g = "" if m.group("axis") is not None else "2"
            kind = _explicit_axis(m.group("axis" + g), out.product)
            if kind is None or kind in have:
                continue
            items = m.group("items" + g)
            if _NOT_ITEMS.search(items):
                continue
            start, end = block.start + m.start("items" + g), block.start + m.end("items" + g)
            spans = _enumeration(doc, start, end)
            pair = re.fullmatch(r"(\S+\s+\S+.*?)\s+and\s+(\S+\s+\S+.*)", items)
            if not spans and pair and all(2 <= len(p.split()) <= 4 for p in pair.groups()):
                # "(cell makers and pack assemblers)": two labels of two words or more ("Oil and Gas" is one)
                spans = [x for x in (clean_label(doc.text, start + pair.start(k), start + pair.end(k)) for k in (1, 2))
                         if x is not None]
            for span in spans:
                out.add(kind, span)


def _title_case(label: str) -> str:
    return " ".join(w if w in ("&", "and", "of") else w[:1].upper() + w[1:] for w in label.split())


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
        if not _AXIS_COLUMN.fullmatch(key):
            continue
        items = _enumeration(doc, row[1].start, row[1].end)
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
            for row in block.rows[1:]:
                if k < len(row) and row[k].end > row[k].start:
                    out.add(kind, clean_label(doc.text, row[k].start, row[k].end))


#: The header line of a plain-text table by an axis: "Form   2023   2030   CAGR", "By Application 2024 2031".
_TEXT_TABLE_HEADER = re.compile(
    r"\s*(?:by\s+)?(?P<axis>[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,2}?)\s+(?:19|20)\d\d\b[^.]*", re.I)
_NUMBER_TOKEN = re.compile(r"[-+]?\d[\d,.]*%?|n/?a|[\-\u2013\u2014]", re.I)


def _text_rows(doc: TextDocument, block: Block) -> list[Span] | None:
    """The row labels of a block made only of plain-text table rows, each a label then two or more numbers
    ("Lithium Foil  51,200  598,400  42.1%", several rows run together in one block); None otherwise."""
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
        head = re.sub(r"\s*\([^()]*\)\s*$", "", block_text(doc, block).strip()).rstrip(":").strip()
        if not head or not is_axis_title(head):
            continue
        kind = axis_kind(head, out.product)
        if kind is None:
            continue
        for child in children:
            out.add(kind, clean_label(doc.text, child.start, child.end))


_TITLE_AXIS = re.compile(r"(?P<axis>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3})\s*\((?P<items>[^()]{2,200})\)")


def _from_title(doc: TextDocument, meta: ReportMeta | None, out: _Collector, have: set[str]) -> None:
    """The report title's own breakdown, for an axis nothing else listed:
    "... Market by Material (Artificial Graphite, Natural Graphite, Others), End-use Industry (...)".

    Only after the title's first "by"; a parenthesis holding digits ("(2019-2025)", "(USD Million)") is
    not a list of items.
    """
    span: Span | None = meta.title_evidence if meta is not None else None
    if span is None:
        first = next((b for b in doc.blocks if b.kind == "heading"), None)
        if first is None:
            return
        span = Span(start=first.start, end=first.end)
    title = doc.text[span.start:span.end]
    by = re.search(r"\bby\s+", title, re.I)
    if by is None:
        return
    for m in _TITLE_AXIS.finditer(title, by.start()):
        axis = re.sub(r"^(?:by|and)\s+", "", m.group("axis"), flags=re.I)
        items = m.group("items")
        if re.search(r"\d|\b(?:usd|million|billion|units?|tons?)\b", items, re.I):
            continue
        kind = axis_kind("by " + axis, out.product)
        if kind is None or kind in have:
            continue
        base = span.start + m.start("items")
        for part in re.finditer(r"[^,]+", re.sub(r"\s+(?:and|&|or)\s+", ", ", items)):
            label = re.sub(r"^(?:and|or)\s+", "", part.group().strip())
            if not label:
                continue
            pos = doc.text.find(label, base + part.start() - 8 if part.start() >= 8 else base)
            if pos < 0:
                continue
            out.add(kind, Span(start=pos, end=pos + len(label)))


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
            # "4. Segmentation. We model demand by end use: ..." is a numbered paragraph, not a contents line.
            prose = re.search(r"[.!?]\s+\S", _TOC_LEADER.sub("", body))
            k = axis_kind(body, out.product) if not prose else None
            if k is not None:  # a deeper "by Type" line re-anchors the depth of the items that follow
                kind, depth, active = k, d, True
            elif k is None and active and d <= depth:
                active = False
            continue
        if not active or kind is None:
            continue
        if d < depth:
            active = False
            continue
        if d > depth + 1 or _NOT_ITEM.search(body):
            continue
        if kind in have:
            continue
        out.add(kind, clean_label(doc.text, body_start, block.end))


_ENUM_ITEM = r"[A-Za-z][\w\-/+]*(?:\s+[\w\-/+]+){0,3}"
_ENUM = rf"{_ENUM_ITEM}(?:\s*,\s*{_ENUM_ITEM})*,?\s+(?:and|&|or)\s+{_ENUM_ITEM}"
# Each pattern opens with a lookahead on its first words' first letters: the scan rejects most positions
# with one test instead of trying every word.
_PROSE = (
    re.compile(
        rf"(?=[sdc])\b(?:segmented|divided|categori[sz]ed|classified|split)\s+(?:(?:by|based\s+on|on\s+the\s+basis\s+of)"
        rf"\s+(?P<axis>[\w\- ]{{2,25}}?)\s+)?into\s+(?:(?:two|three|four|five|six)\s+)?"
        rf"(?:(?:main|major|key|primary|broad)\s+)?(?:(?:types|segments|categories|groups)\b)?[:\s]*(?P<enum>{_ENUM})",
        re.I,
    ),
    re.compile(rf"(?=[b])\bby\s+(?P<axis>type|product|application|end[\s\-]?users?|end[\s\-]?use)\s*[:\-]\s*(?P<enum>{_ENUM})",
               re.I),
    re.compile(rf"(?=[aifs])\b(?:across|in|for|including|such as)\s+(?P<enum>{_ENUM})\s+"
               rf"(?P<axis>applications|end[\s\-]users)\b", re.I),
)


def _from_prose(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    for block in doc.blocks:
        if block.boilerplate or block.kind == "heading":
            continue
        text = block_text(doc, block)
        for rx in _PROSE:
            for m in rx.finditer(text):
                axis = m.group("axis")
                kind: SegmentKind | None = axis_kind(axis, out.product) if axis else "type"
                if kind is None or kind in have:
                    continue
                base = block.start + m.start("enum")
                enum = m.group("enum")
                for part in re.finditer(r"[^,]+", re.sub(r"\s+(?:and|&|or)\s+", ", ", enum)):
                    label = part.group().strip()
                    label = re.sub(r"^(?:and|or)\s+", "", label)
                    if not label or re.match(r"(?:other|others)\b", label, re.I) and len(label.split()) > 1:
                        continue
                    pos = text.find(label, max(m.start("enum"), m.start("enum") + part.start() - 8))
                    if pos < 0:
                        continue
                    span = Span(start=block.start + pos, end=block.start + pos + len(label))
                    if span.start < base:
                        continue
                    out.add(kind, span, label=_singular(label))


#: A line that lists the report's segments inline: "Segments covered: Thickness (A, B); Application (C, D)".
_SEGMENTS_LINE = re.compile(
    r"[ \t*_]*(?:(?:market|report)[ \t]+)?(?:segments?(?:[ \t]+(?:covered|included|analy[sz]ed))?|"
    r"segmentation)[ \t*_]*:[ \t]*",
    re.I,
)


#: One axis with its items on a line: "Type: A, B, C", "Application -- C, D" (groups run together with " | "
#: or "; " after an optional "Segments covered:").
_INLINE_AXIS = re.compile(
    r"(?:^|(?<=[|;])|(?<=[|;]\s))\s*(?:by\s+)?(?P<axis>[A-Za-z][\w\-]*(?:[ \t]+[A-Za-z][\w\-]*){0,2})"
    r"\s*(?::|--|\s\u2013\s|\s\u2014\s)\s*",
    re.I,
)


def _from_inline_axes(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """A fact-box line naming an axis and listing its items ("Type: A, B, C", "Segments covered: Type -- A,
    B | Application -- C, D"), for axes the structure left empty. Only an axis word (type, application, end
    user...) opens a group, and a group needs two or more short items without figures."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        whole = block_text(doc, block)
        lead = _SEGMENTS_LINE.match(whole)
        base = lead.end() if lead else 0
        text = whole[base:]
        hits = list(_INLINE_AXIS.finditer(text))
        if not hits or hits[0].start() != 0:
            continue
        for n, m in enumerate(hits):
            kind = _explicit_axis(m.group("axis"), out.product)
            if kind is None or kind in have:
                continue
            stop = hits[n + 1].start() if n + 1 < len(hits) else len(text)
            items = text[m.end():stop].rstrip(" |;\n")
            # "A | B | C" items leave "|" no use as a group separator: the groups cannot be told apart
            if not items or re.search(r"\d|%|\$|\u20ac|[.!?]$|\|", items):
                continue
            begin = block.start + base + m.end()
            for span in _enumeration(doc, begin, begin + len(items)):
                out.add(kind, span)


def _from_segments_line(doc: TextDocument, out: _Collector) -> None:
    """Axes with their items in brackets on one "Segments covered:" line; digits are allowed in items
    ("Below 50 µm") but not years or money ("(2019-2025)", "(USD Million)")."""
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table":
            continue
        lm = _SEGMENTS_LINE.match(doc.text, block.start, block.end)
        if lm is None:
            continue
        for m in _TITLE_AXIS.finditer(doc.text, lm.end(), block.end):
            axis = re.sub(r"^(?:by|and)\s+", "", m.group("axis"), flags=re.I)
            items = m.group("items")
            if re.search(r"\b(?:19|20)\d\d\b|\b(?:usd|million|billion|units?|tons?)\b", items, re.I):
                continue
            kind = axis_kind("by " + axis, out.product)
            if kind is None:
                continue
            for span in _enumeration(doc, m.start("items"), m.end("items")):
                out.add(kind, span)


_LABEL_WORD = re.compile(r"\S+")


def _run_labels(text: str) -> list[tuple[int, int, str]]:
    """The labels before the colons of ``text`` as (start, end after the colon, label): each label runs
    back from its colon to the closest capitalised word, at most five words ("Type", "Product types",
    "Share by application (2023)"), so "... Dense Pellet Application:" ends an item list at "Application"."""
    found: list[tuple[int, int, str]] = []
    for colon in re.finditer(r"(?<=\S):(?=\s)", text):
        words = list(_LABEL_WORD.finditer(text, 0, colon.start()))[-5:]
        for w in reversed(words):
            if w.group()[:1].isupper() or w.group().lstrip("*")[:1].isupper():
                start = w.start() + (len(w.group()) - len(w.group().lstrip("*")))
                found.append((start, colon.end(), text[start:colon.start()].strip(" *")))
                break
    return found


def _from_label_runs(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """Label lines ("Type: A; B; C" / "Application: D | E") that a renderer joined into one block, or one
    such line on its own, for an axis still empty: a block opening with an explicit axis label. Each axis
    label's items run to the next capitalised label before a colon ("... Dense Pellet Application: ...") or
    the end of the sentence, split on ";" or spaced "|" (two or more short labels, else nothing)."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        labels = _run_labels(text)
        lead = re.match(r"[\s*\-\u2022]*", text)
        if not labels or labels[0][0] != (lead.end() if lead else 0):
            continue
        if any(text[:at].rstrip().endswith(("|", ";", ",")) for at, _, _ in labels[1:]):
            continue  # "Notes: see annex | Application: A | B": the item separator also parts the groups
        for k, (_, start, label) in enumerate(labels):
            kind = _explicit_axis(label, out.product)
            if kind in have or label.lower().startswith("by "):
                continue  # "By type: A; B. By application: ..." clauses are read in order by the clause rule
            if kind is None or len(label.split()) > 3 or re.search(r"-(?!us)|[^\w\s\-]", label, re.I):
                continue  # "Content-Type: text/plain; charset=utf-8": a header line, not an axis
            end = labels[k + 1][0] if k + 1 < len(labels) else len(text)
            stop = re.search(r"\.(?:\s|$)", text[start:end])
            if stop:
                end = start + stop.start()
            body = text[start:end]
            if not re.search(r";|\s\|\s", body):
                continue  # "Type: natural graphite, the dominant form" - prose, not a list
            spans = _enumeration(doc, block.start + start, block.start + end)
            for span in spans:
                out.add(kind, span)


def extract_segments(
    doc: TextDocument, sections: list[Section] | None = None, meta: ReportMeta | None = None
) -> list[SegmentMention]:
    """Every segment the report lists, by kind, in document order (see the module docstring)."""
    secs = sections if sections is not None else outline(doc)
    out = _Collector(doc, product_noun(meta.market if meta is not None else None))
    _from_sections(doc, secs, out)
    _from_segments_line(doc, out)
    _from_nested_lists(doc, out)
    _from_tables(doc, out)
    _from_text_tables(doc, out)
    _from_toc(doc, out, have=set(out.kinds()))
    _from_label_lines(doc, out, have=set(out.kinds()))
    _from_label_runs(doc, out, have=set(out.kinds()))
    _from_axis_brackets(doc, out, have=set(out.kinds()))
    _from_axis_clauses(doc, out, have=set(out.kinds()))
    _from_inline_axes(doc, out, have=set(out.kinds()))
    _from_prose(doc, out, have=set(out.kinds()))
    _from_title(doc, meta, out, have=set(out.kinds()))
    return out.items


__all__ = ["axis_kind", "clean_label", "extract_segments", "is_axis_title"]
