"""Segment lists written in sentences and fact-box lines rather than in structure: "By application, it
covers A, B and C", "segmented by type (A, B)", "Type: A; B | Application: C", "Segments covered: ...",
"the following types: A; B; C.", and the report title's own breakdown. Each rule reads only the axes the
structure left empty (``have``).
"""

from __future__ import annotations

import re

from kg.extract.sections import block_text
from kg.extract.segment_labels import (
    _LIST_MARK,
    _LIST_MARK_PART,
    _Collector,
    _enumeration,
    _explicit_axis,
    _singular,
    _title_case,
    axis_kind,
    clean_label,
)
from kg.models import Block, ReportMeta, SegmentKind, Span, TextDocument

#: "By application, it covers A, B and C." / "By binder type: A; B; Others." / "Segments: by material, A,
#: B and C; by anode type, D and E." / "By chemistry we divide the market into a and b; by application
#: into c, d and e." - an axis opening a sentence or clause, its items up to the next axis or sentence end.
#: A capitalised "By X:" opens a clause anywhere: label lines run together into one paragraph ("By Type: A |
#: B By Application: C | D") have no stop between them.
_AXIS_CLAUSE = re.compile(
    r"(?:^|(?<=[.:;]\s)|(?<=[.:;])|(?<=\s)(?=by\s[^:.,\n]{1,30}:))\s*by\s+"
    r"(?P<axis>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)"
    r"(?=\s*(?:\([^()]{1,20}\)\s*)?[:,]|\s+(?:into|we|it|the|they|this)\b)",
    re.I,
)
#: A short note in brackets between an axis and its colon: "By Particle Size (D50): ...".
_AXIS_NOTE = re.compile(r"\s*\([^()]{1,20}\)")
_CLAUSE_LEAD = re.compile(
    r"^.*?\b(?:into|covers?|covering|includes?|including|comprises?|spans?|distinguish(?:es)?|tracks?|"
    r"separates?|identif(?:y|ies))\s+(?:(?:two|three|four|five)\s+)?"
    r"(?:(?:types|segments|categories|groups)\s*:?\s+)?|^(?:\s*\([^()]{1,20}\))?[\s:,]+",
    re.I | re.S,
)
#: A size band as a label: "Below 10 Microns", "10-20 µm", "45 mesh": its digits are the label, not a figure.
_SIZE_BAND = re.compile(
    r"\d+(?:[.,]\d+)?(?:\s*(?:-|\u2013|to)\s*\d+(?:[.,]\d+)?)?\s*(?:\u00b5m|\u03bcm|um|microns?|micrometres?|"
    r"micrometers?|nm|mm|mesh)\b",
    re.I,
)
#: A word that opens a clause's list of labels: "By precursor, we distinguish A, B and C".
_LEAD_VERB = re.compile(
    r"\b(?:into|covers?|covering|includes?|including|comprises?|spans?|distinguish(?:es)?|tracks?|separates?|"
    r"identif(?:y|ies))\b",
    re.I,
)


#: A bracket holding a figure: "(61% of 2023 volume)", "(US$ 120 mn)".
_FIGURE_BRACKET = re.compile(r"\s*\([^()]*[\d%$\u20ac][^()]*\)")


def _axis_line(doc: TextDocument, block: Block) -> bool:
    """A line opening with an explicit "By <axis>:" ("By application: A, B")."""
    m = re.match(r"\s*by\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)(?:\s*\([^()]{1,20}\))?\s*:",
                 block_text(doc, block), re.I)
    return m is not None and _explicit_axis(m.group(1)) is not None


def _from_axis_clauses(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        # Every "By X:" ends the clause before it, an axis read here or not ("... | C By Region: ...").
        found = list(_AXIS_CLAUSE.finditer(text))
        hits = [m for m in found if _explicit_axis(m.group("axis"))]
        # "By precursor: A, B" names no axis word, but beside "By application: C, D" it is an axis line too.
        beside = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks) and blocks[j].kind == block.kind]
        first = found[0] if found and found[0].start() == 0 and found[0] not in hits else None
        if (first is not None and _after_note(text, first.end()).startswith(":")
                and axis_kind("by " + first.group("axis"), out.product) is not None
                and any(_axis_line(doc, b) for b in beside)):
            hits.insert(0, first)
        if hits:
            # "By precursor, we distinguish A, B and C. By application, we distinguish D and E.": beside an
            # axis clause, a clause of the same shape (a list verb or a colon after the axis) is one too.
            hits += [m for m in found if m not in hits and axis_kind("by " + m.group("axis"), out.product)
                     and _lists_after(text, m.end())]
            hits.sort(key=lambda m: m.start())
        for m in hits:
            kind = _explicit_axis(m.group("axis"), out.product) or axis_kind("by " + m.group("axis"), out.product)
            if kind is None or kind in have:
                continue
            stop = next((x.start() for x in found if x.start() > m.start()), len(text))
            end_m = re.search(r"\.(?:\s|$)|;\s*(?=by\s)", text[m.end():stop], re.I)
            region_end = m.end() + end_m.start() if end_m else stop
            region = text[m.end():region_end]
            lead = _CLAUSE_LEAD.match(region)
            start = m.end() + (lead.end() if lead else 0)
            # "power tools (61% of volume), e-bikes (27%)": a bracketed figure qualifies an item, it is none.
            items = _FIGURE_BRACKET.sub(lambda x: " " * len(x.group()), text[start:region_end]).rstrip(" ;,")
            if re.search(r"\d|%|\$|\u20ac", _SIZE_BAND.sub(" ", items)):
                continue
            if _LIST_MARK.search(items):  # "A | B | C": commas and "and" stay inside a label
                parts = list(_LIST_MARK_PART.finditer(items))
            elif ";" in items.strip(" ;") and "," not in items.split(";")[0]:
                # "A; B and C; D": the semicolons part the labels, "and" joins inside one
                parts = list(re.finditer(r"[^;]+", re.sub(r"(?<=;)\s*(?:and|or)\s+", lambda x: " " * len(x.group()),
                                                          items)))
            else:
                parts = list(re.finditer(r"[^,;]+", re.sub(r"\s+(?:and|or)\s+", lambda x: ","
                                                          + " " * (len(x.group()) - 1), items)))
            labels: list[tuple[int, str]] = []
            for p in parts:
                raw = p.group()
                lo = len(raw) - len(raw.lstrip())
                label = raw.strip()
                if not label or len(label.split()) > 5:
                    if len(labels) < 2 or not items[:p.start()].rstrip().endswith(";"):
                        labels = []
                    break  # "A, B and C; C is the cheapest": a clause after the semicolon ends the list
                labels.append((block.start + start + p.start() + lo, label))
            if len(labels) < 2:
                continue
            for pos, label in _without_shared_head(labels):
                shown = label if any(c.isupper() for c in label) else _title_case(label)
                out.add(kind, Span(start=pos, end=pos + len(label)), label=shown)


def _after_note(text: str, pos: int) -> str:
    """The text after ``pos`` past blanks and a short bracketed note ("By Particle Size (D50): ...")."""
    rest = text[pos:]
    note = _AXIS_NOTE.match(rest)
    return (rest[note.end():] if note else rest).lstrip(" \t")


def _lists_after(text: str, pos: int) -> bool:
    """An axis clause that goes on to list: a colon, or a list verb in its first words ("By precursor, we
    distinguish ..."); "By contrast, prices fell" lists nothing."""
    rest = _after_note(text, pos)
    return rest.startswith(":") or _LEAD_VERB.search(" ".join(rest.split()[:4])) is not None


def _without_shared_head(labels: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """"pitch-derived, coal-derived and anthracite-derived soft carbon": the last label carries the noun all
    of them share; when every other label ends in a word of the same hyphenated form ("-derived") and the
    last has that word before more words, the last is cut after it like the others."""
    ends = {re.search(r"-([a-z]+)$", label.lower()) is not None and label.lower().rsplit("-", 1)[1]
            for _, label in labels[:-1]}
    if len(ends) != 1 or False in ends:
        return labels
    (suffix,) = ends
    pos, last = labels[-1]
    m = re.search(rf"^.*?-{suffix}\b(?=\s+\S)", last, re.I)
    return labels if m is None else labels[:-1] + [(pos, last[:m.end()])]


#: "segments the market by type (A, B), by application (C, D) and by region (...)": an axis with its items
#: in brackets, anywhere in a sentence.
_AXIS_BRACKET = re.compile(
    r"\bby\s+(?P<axis>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s*\((?P<items>[^()]{3,300})\)"
    # "covers product types (A, B), applications (C, D) and end users (E, F)": a plural axis noun, no "by"
    r"|(?:\b(?:covers|includes|spans|segments)\s+|,\s*|\band\s+)(?P<axis2>(?:[a-z][\w\-]*\s+)?(?:types|"
    r"applications|end[\s\-]users|end[\s\-]uses|grades|forms|materials|technologies|industries))\s*"
    r"\((?P<items2>[^()]{3,300})\)"
    # "... by Type (A, B), Application (C, D), and Region": the next axis of the same run, named alone
    r"|(?<=\)),\s*(?:and\s+)?(?P<axis3>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s*\((?P<items3>[^()]{3,300})\)",
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
        found = list(_AXIS_BRACKET.finditer(text))
        named = [m for m in found if _explicit_axis(next(a for a in m.group("axis", "axis2", "axis3") if a))]
        for m in found:
            g = "" if m.group("axis") is not None else "2" if m.group("axis2") is not None else "3"
            kind = _explicit_axis(m.group("axis" + g), out.product)
            if kind is None and g == "" and any(x is not m for x in named):
                # "By Precursor (A, B), By Application (C, D)": beside a named axis, any "by X" breakdown of
                # the same run is one of the product's axes too (a type, see axis_kind).
                kind = axis_kind("by " + m.group("axis"), out.product)
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


#: "The market is analysed across the following types: A; B; C." - a list announced by "the following <axis>".
_FOLLOWING = re.compile(
    r"\bfollowing\s+(?P<axis>(?:[a-z][\w\-]*\s+)?(?:types|applications|end[\s\-]users|end[\s\-]uses|grades|forms|"
    r"materials|technologies|industries|products))\s*:\s*(?P<items>[^\n]+?)(?=\.(?:\s|$)|$)",
    re.I,
)


def _from_following(doc: TextDocument, out: _Collector, have: set[str]) -> None:
    """Items after "the following types:" up to the sentence end, for axes the structure left empty."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        for m in _FOLLOWING.finditer(text):
            kind = _explicit_axis(m.group("axis"), out.product)
            if kind is None or kind in have or _NOT_ITEMS.search(_SIZE_BAND.sub(" ", m.group("items"))):
                continue
            for span in _enumeration(doc, block.start + m.start("items"), block.start + m.end("items")):
                out.add(kind, span)


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


_ENUM_ITEM = r"[A-Za-z][\w\-/+]*(?:\s+[\w\-/+]+){0,3}"
_ENUM = rf"{_ENUM_ITEM}(?:\s*,\s*{_ENUM_ITEM})*,?\s+(?:and|&|or)\s+{_ENUM_ITEM}"
# Each pattern opens with a lookahead on its first words' first letters: the scan rejects most positions
# with one test instead of trying every word.
_PROSE = (
    re.compile(
        # "segmented by type into A and B", "Both reports split the market into A and B"
        rf"(?=[sdc])\b(?:segmented|divided|categori[sz]ed|classified|split|splits|divides|segments)"
        rf"(?:\s+(?:the|this|its)\s+(?:[\w\-]+\s+){{0,3}}?market)?\s+(?:(?:by|based\s+on|on\s+the\s+basis\s+of)"
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
    "Share by application (2022)"), so "... Dense Pellet Application:" ends an item list at "Application"."""
    found: list[tuple[int, int, str]] = []
    for colon in re.finditer(r"(?<=\S):(?=\s)", text):
        words = list(_LABEL_WORD.finditer(text, 0, colon.start()))[-5:]
        for w in reversed(words):
            if w.group()[:1].isupper() or w.group().lstrip("*")[:1].isupper():
                start = w.start() + (len(w.group()) - len(w.group().lstrip("*")))
                found.append((start, colon.end(), text[start:colon.start()].strip(" *")))
                break
    return found


#: A label that cites where figures come from or comments on them: "Source:", "Data sources:", "Note:".
_CITATION_LABEL = re.compile(r"(?:data\s+)?(?:sources?|notes?)", re.I)


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
            if _CITATION_LABEL.fullmatch(label):
                continue  # "Source: Acme model; values in US dollars" cites, it lists no sources of the product
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


