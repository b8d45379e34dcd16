"""The vocabulary of segment lists: which words name an axis and its kind, what a label looks like, and the
collector every segment rule adds its labels to (one mention per kind and label, in document order).

Split from :mod:`kg.extract.segments` so that the rules reading structure (there), prose
(:mod:`kg.extract.segment_prose`) and lists (:mod:`kg.extract.segment_lists`) share one notion of a label.
"""

from __future__ import annotations

import re

from kg.extract.sections import semantic_offset
from kg.models import Evidence, SegmentKind, SegmentMention, Span, TextDocument

_REGION_AXIS = re.compile(r"\b(?:regions?|regional|country|countries|geograph\w*|areas?)\b", re.I)
_END_USER_AXIS = re.compile(
    r"\bend[\s\-]*(?:users?|use(?:s|rs?)?)\b|\b(?:industry|industries|verticals?|sectors?|customers?|"
    r"end[\s\-]?markets?|consumers?)\b",
    re.I,
)
_APPLICATION_AXIS = re.compile(r"\b(?:applications?|uses?|usage)\b", re.I)
#: An axis naming the kind of component or device the product is used in ("By Anode Type", "by anode
#: chemistry", "by cell format"): the applications of a material, not its own types.
_TARGET_AXIS = re.compile(
    r"\b(anode|cell|battery|electrode)s?\s+(?:types?|chemistr(?:y|ies)|formats?|technolog(?:y|ies))\b", re.I)
_TYPE_AXIS = re.compile(
    r"\b(?:types?|products?|materials?|grades?|forms?|technolog(?:y|ies)|process(?:es)?|sources?|"
    r"feedstocks?|chemistr(?:y|ies)|categor(?:y|ies)|configurations?|compositions?|raw materials?)\b",
    re.I,
)
#: Size bands of the product ("Flake Size", "Particle Size"), never the market's size.
_SIZE_AXIS = re.compile(r"\b(?!market\b)(?!sample\b)[A-Za-z][\w\-]*\s+size\b", re.I)
_NOT_PRODUCT_AXIS = re.compile(
    r"\b(?:compan(?:y|ies)|manufacturers?|players?|vendors?|suppliers?|revenue|value|volume|sales|years?|"
    r"price|segment|share|capacity|models?|channels?|distribution|supply|ownership|procurement)\b",
    re.I,
)
_AXIS_TITLE = re.compile(
    r"\bby\s+[\w\-]+|\bsegment(?:ation|s)?\b|\b(?:type|application|end[\s\-]*user|end[\s\-]*use)\s+"
    r"(?:industry\s+)?(?:analysis|outlook|insights|segment(?:ation)?)\b"
    # "Flake Size Insights", "Particle Size Analysis": size bands of the product (never "Market Size ...")
    r"|^\s*(?!market\b)[A-Za-z][\w\-]*\s+size\s+(?:analysis|outlook|insights|segment(?:ation|s)?|bands?|classes)\s*$"
    # "Feedstock outlook (sales, EUR million, 2025-2032)": any axis outlook over a revenue or volume forecast
    r"|^\s*[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*)?\s+outlook\s*\(\s*(?:revenue|volume|value|sales)\b",
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
#: The dotted leader of a contents line and its page number: "Bio Pitch ...... 53", "Resins … 12".
_TOC_LEADER = re.compile(r"\s*(?:(?:\.\s?){4,}|\u2026+)\s*\d*\s*$")
#: A column or axis naming kinds of market factor ("Factor type", "Impact type", "Driver category"): its
#: values are "Driver", "Restraint"..., dynamics, never segments.
_FACTOR_AXIS = re.compile(r"\b(?:factors?|drivers?|restraints?|impacts?|dynamics|risks?|trends?)\b", re.I)
#: Summary rows of a segment table, never a segment.
_TOTAL_ROW = re.compile(r"(?:grand\s+|sub-?)?totals?(?:\s+[\w\-]+)?|overall|all\s+segments", re.I)
#: A label that only names an axis: a group cell "By application", a column header "MATERIAL TYPE" or
#: "Product Types" read as a row; never an item of the axis ("Other Types" is one, and stays).
_AXIS_NAME = re.compile(
    r"by\s+[\w\-]+(?:\s+[\w\-]+){0,2}|(?!other|all\b|mixed)(?:[\w\-]+\s+)?(?:types?|segments?|categor(?:y|ies))|"
    r"applications?|end[\s\-]*users?|end[\s\-]*uses?|segmentation",
    re.I,
)
#: Money units and figure captions: "EUR million", "Binder market value by chemistry", "Market revenue".
_CAPTION_WORDS = re.compile(
    r"\b(?:usd|eur|gbp|rmb|cny|jpy|million|billion)\b|\bmarket\s+(?:revenue|value|size|volume)s?\b|"
    r"\b(?:revenue|value|volume|size|sales|share)s?\s+by\s+\w",
    re.I,
)
#: Where a list line's description starts: "Anode Binders – styrene-butadiene ...", "Natural: flake ...".
_DESCRIPTION = re.compile(r"\s[\-\u2013\u2014]\s|\u2013|\u2014|:")


_SHAPE_NOUNS = frozenset({"block", "brick", "rod", "bar", "piece", "butt"})


def product_noun(market: str | None) -> str | None:
    """The head noun of a market name, singular and lower-case: "Prebaked Carbon Anode" -> "anode",
    "Calcined Petroleum Coke for Anodes" -> "coke" (what follows "for"/"of"/"in" is the use, not the
    product)."""
    if not market:
        return None
    head = re.split(r"\s+(?:for|of|in|used\s+in)\s+", re.sub(r"\([^()]*\)", " ", market), maxsplit=1, flags=re.I)[0]
    words = re.findall(r"[A-Za-z]+", head)
    # "Carbon Anode Blocks": a shape noun names the product's form; the product is the anode.
    while len(words) > 1 and _singular(words[-1]).lower() in _SHAPE_NOUNS:
        words.pop()
    return _singular(words[-1]).lower() if words else None


#: Publications "by" their author: "Related Reports by Acme", "More news by ...", "Other studies by ...".
_PUBLICATIONS_BY = re.compile(
    r"\b(?:reports?|research|studies|stud(?:y)|news|articles?|publications?|posts?|stories|releases?)\s+by\b", re.I)


def axis_kind(title: str, product: str | None = None) -> SegmentKind | None:
    """The segment kind an axis title names, or None (regions, companies, or no axis at all).

    ``product`` is the market's head noun (:func:`product_noun`): "By Anode Type" lists applications of an
    anode *material* (what it goes into), but the types of the product when the market is anodes itself.
    """
    if _PUBLICATIONS_BY.search(title):
        return None  # "Related Reports by Acme Research": who wrote them, not a breakdown of the market
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
    if _TYPE_AXIS.search(head) or _SIZE_AXIS.search(head):
        return "type"
    # Any other "by X" breakdown of a product market ("By Precursor", "By Coating") is one of its types,
    # unless X is not a product property at all (companies, values, time).
    # A byline ("By Jane Doe · 11 June 2026 · 7 min read") is no breakdown: digits or separators say so.
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


#: A final bracket that describes the item in lower-case words ("Kiln-Grade Coke (for rotary kilns)",
#: "Battery-Grade (feedstock for graphite plants)"); a name or an abbreviation ("(LTO)", "(Isotropic)") or a
#: bound with digits ("(below 10 µm)") is part of the label.
_DESCRIPTIVE_BRACKET = re.compile(r"\s*\((?=[a-z])[^()\d]*\s[^()\d]*\)\s*$")


def clean_label(text: str, start: int, end: int) -> Span | None:
    """Trim a candidate label in place: descriptions, bullets, "Segment", final stops (parentheses stay:
    "Lithium Titanate (LTO)" is how the report names the segment, unless they describe it in lower case)."""
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
    m = _DESCRIPTIVE_BRACKET.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
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
        and not _CAPTION_WORDS.search(s)
    )


#: A bracketed bound or range qualifying a grade ("Low Sulphur (<1.5%)", "Medium (1.5-3%)", "Fine (below 10
#: µm)"): part of the label as the report writes it, not a figure; a bare share "(45%)" is none.
_BOUND_QUALIFIER = re.compile(
    r"\s*\(\s*(?:(?:[<>\u2264\u2265]=?|up\s+to|above|below|under|over|less\s+than|more\s+than)\s*\d[\d.,]*"
    r"|\d[\d.,]*\s*(?:-|\u2013|to)\s*\d[\d.,]*)\s*(?:%|wt\s*%|ppm|\u00b5m|\u03bcm|nm|mm)\s*\)\s*$",
    re.I,
)


#: A year, a percentage or a CAGR: a table header or a figure ("Grade 2024 2031 CAGR 25-31"), never a label.
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

#: A section title that puts its part outside the report's market: "Reference only - cathode materials (not
#: anode)", "For context: the wider battery market", "Products outside the scope".
OUTSIDE_SCOPE = re.compile(
    r"\breference\s+only\b|\bfor\s+(?:reference|context|comparison)\b|\bout\s+of\s+scope\b|"
    r"\boutside\s+(?:the\s+|our\s+)?scope\b|\bnot\s+(?:included|covered|in\s+scope)\b|\(\s*not\s+[^()]+\)",
    re.I,
)

#: A table-of-contents or part line ("Chapter 3 Worldwide Demand Trends", "Section 4: Segments"): never an item.
_CHAPTER = re.compile(r"\s*(?:chapter|section|part)\s+(?:\d+|[IVX]+)\b", re.I)


class _Collector:
    """Segment mentions in document order, one per (kind, normalised label)."""

    def __init__(self, doc: TextDocument, product: str | None = None) -> None:
        self.doc = doc
        self.product = product  # the market's head noun, for "By Anode Type" (see :func:`axis_kind`)
        self.items: list[SegmentMention] = []
        self._seen: dict[tuple[str, str], int] = {}
        #: Text ranges of parts the report puts outside its market ("Reference only - cathode materials")
        self.outside: list[tuple[int, int]] = []

    @staticmethod
    def key(label: str) -> str:
        k = re.sub(r"[^a-z0-9]+", " ", label.lower().replace("&", " and "))
        k = re.sub(r"\b(?:segment|market)\b", " ", k)
        return " ".join(k.split())

    def add(self, kind: SegmentKind, span: Span | None, label: str | None = None) -> bool:
        if span is None or any(a <= span.start < b for a, b in self.outside):
            return False
        quote = self.doc.text[span.start:span.end]
        label = label or re.sub(r"\s+", " ", quote)
        if (not _is_label(label) or _TOTAL_ROW.fullmatch(label.strip()) or _CHAPTER.match(label)
                or _AXIS_NAME.fullmatch(label.strip())):
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


#: Spaced separators of a list written on one line: "A · B · C", "A | B | C", "A • B".
_LIST_MARK = re.compile(r"\s[|\u00b7\u2022\u25aa]\s")
_LIST_MARK_PART = re.compile(r"[^|\u00b7\u2022\u25aa]+")


def _enumeration(doc: TextDocument, start: int, end: int) -> list[Span]:
    """Split "A, B and C" (or "A; B; C", "A · B · C", "A | B | C") into label spans when every part is
    short; else nothing. Between dots or pipes a comma or "and" stays inside its label."""
    text = doc.text[start:end]
    marked = bool(_LIST_MARK.search(text))
    # A list parted by semicolons keeps "and" inside its labels ("Industrial and Other; Laptops and Tablets");
    # only "; and C" closes it.
    semi = not marked and ";" in text and "," not in text.split(";")[0]
    parts = list((_LIST_MARK_PART if marked else re.compile(r"[^;]+" if semi else r"[^,;]+")).finditer(text))
    if len(parts) < 2:
        return []  # "Aerospace and Defense" on its own line is one label, not an enumeration
    spans: list[Span] = []
    for k, m in enumerate(parts):
        piece_start, piece = start + m.start(), m.group()
        if semi and (lead := re.match(r"\s*(?:and|or)\s+", piece)) is not None and k == len(parts) - 1:
            piece_start, piece = piece_start + lead.end(), piece[lead.end():]
        if k == len(parts) - 1 and not marked and not semi:
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
    # "Market revenue, 2025-2031" is a caption: one part that is no label makes the line no enumeration.
    words_ok = all(0 < len(doc.text[s.start:s.end].split()) <= 5 and _is_label(doc.text[s.start:s.end])
                   for s in spans)
    return spans if len(spans) >= 2 and words_ok else []


def _explicit_axis(axis: str, product: str | None = None) -> SegmentKind | None:
    """The kind of an axis named by an axis word (type, application, end user...), never a guess."""
    if not (_TYPE_AXIS.search(axis) or _APPLICATION_AXIS.search(axis) or _END_USER_AXIS.search(axis)
            or _TARGET_AXIS.search(axis)):
        return None
    return axis_kind("by " + axis, product)


def _title_case(label: str) -> str:
    return " ".join(w if w in ("&", "and", "of") else w[:1].upper() + w[1:] for w in label.split())


