"""The regions a report analyses - not every place it happens to mention.

Rules, in order (the first three are structural; the last is a fallback for reports without structure):

1. **Regional sections**: a section whose title names a regional breakdown ("Regional Analysis",
   "Regional Analysis: X Market", "Geographic Segmentation", "By Region", "Market by Country") contributes
   every place that *is* one of its items: a sub-title that is a place ("Asia", "**North America**",
   "### Europe", "North America Market"), a paragraph or list item opening with a bold place ("**Europe** is
   witnessing..."), a short line or list item that is a place, a table's first-column place. Sub-titles
   that merely start with a place ("China's Dominant Production Hub") are not items. Here a compass word and
   a place is a place label as written ("**South India** (Tamil Nadu, ...)": a sub-area of India), and so are
   two places joined by a slash ("Japan/South Korea: ...", reported together as one item). Under a
   regional breakdown title proper ("REGIONAL INSIGHTS", not "Regional Capacity Strategies"), a paragraph
   that opens with a place as its subject ("North America is expected to...", "Europe relies on...") is an
   item too, unless it lies under another item ("### Middle East & Africa" / "The Middle East has...").
2. **Region tables** anywhere: a table whose first column holds at least two places (region x year), also
   as plain-text or pipe-separated rows; a row joining two places ("Japan & South Korea") is one region.
   Contents lines one level under a "Market by Region ....... 67" entry that are places count too.
3. **Region titles** anywhere: a heading, bold line, centred or ALL-CAPS title that is exactly a region;
   and **scope lists**: "Regional scope | A; B", "By Geography: A, B, C", "The report studies five regions: ...",
   "Regional coverage: A (members); B", "We cover A, B and C" (the report or "we" as subject, places only),
   "by application and region (A, B and C)" (a breakdown bracket filled with places).
   Scope phrases also read: "Geographic coverage is A, B and C", a "Regions: A | B" line joined after other
   label lines, and "across A, B and C" in the sentence where the report covers something; a line labelled
   by a regional title whose text is nothing but places ("Regional Analysis: North America Europe LAMEA",
   a list run together in copied text). A compound region closing a list stays one ("..., Oceania
   and Middle East and Africa" is two regions, not three). Only when nothing
   else was found: "an India-only report" (a single-place report).
4. **Market-position sentences**, only when rules 1-3 found nothing: a place (or its demonym) directly
   tied to a market position - "China continues to dominate with 76% market share", "North American and
   European producers are investing heavily". A place next to anything else ("U.S. legislation") is a
   passing mention.

Countries count when the document analyses them as regions (an item of a regional section, a table row,
a title, a market-position subject), unless they are nested under a region the document also lists (see
:func:`_drop_members`; a sibling in the same flat list stays); so do "Rest of Europe" rows under a listed
Europe. The global scope is never a region. Labels
are as written, except demonyms, which take the place's name ("North American" -> "North America"), and
bracketed member lists, which are dropped ("North America (U.S., Canada)"); a bracket that changes the
meaning stays ("Asia Pacific (excluding China)").
"""

from __future__ import annotations

import re

from kg.extract.geo import Place, PlaceMatch, compass_place, excluding_place, find_places, lookup_place, places
from kg.extract.sections import FAQ_TITLE, Section, block_text, lead_strong, outline, section_at
from kg.models import Block, Evidence, RegionMention, Span, TextDocument

_REGIONAL_TITLE = re.compile(
    r"\bregional\b|\bregions?\b|\bgeograph\w*|\bby\s+(?:region|country|countries|geography)\b|\bcountry\b",
    re.I,
)
_POSITION_AFTER = re.compile(
    r"^(?:'s)?\s*(?:\w+\s+){0,3}?(?:dominat\w*|leads?\b|leading\b|accounts?\s+for|accounted\s+for|holds?\b|"
    r"held\b|captur\w*|commands?\b|(?:is|be|was|remains?|becomes?|emerg\w*\s+as)\s+the\s+(?:largest|biggest|fastest|"
    r"leading|dominant|second[\s\-]largest)|(?:record|register|witness|post|exhibit|show)\w*\s+the\s+(?:highest|"
    r"fastest|largest))",
    re.I,
)
_POSITION_NOUN = re.compile(
    r"^(?:'s)?\s*(?:and\s+\w+\s+)?(?:producers|manufacturers|suppliers|players|companies|firms|makers|market|"
    r"markets|demand|consumption|production|capacity)\b",
    re.I,
)


class _Out:
    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        self.items: list[RegionMention] = []
        self._index: dict[str, int] = {}
        #: per concept, the flat lists it was found in as an item (see :func:`_drop_members`)
        self.groups: dict[str, set[tuple[object, ...]]] = {}
        #: concepts the vocabulary does not hold (compass sub-areas such as "South India")
        self.extra: dict[str, Place] = {}

    def add(self, place: Place, span: Span, label: str | None = None, group: tuple[object, ...] | None = None) -> None:
        if place.kind == "global":
            return
        if group is not None:
            self.groups.setdefault(place.key, set()).add(group)
        if place.key not in places():
            self.extra.setdefault(place.key, place)
        quote = self.doc.text[span.start:span.end]
        ev = Evidence(start=span.start, end=span.end, quote=quote)
        if place.key in self._index:
            i = self._index[place.key]
            old = self.items[i]
            if all(e.start != ev.start for e in old.evidence):
                self.items[i] = RegionMention(
                    label=old.label, concept=old.concept, evidence=(*old.evidence, ev)
                )
            return
        self._index[place.key] = len(self.items)
        # a leading article is not part of the name: "the Rest of the World" -> "Rest of the World"
        label = label or re.sub(r"^the\s+(?=\S)", "", re.sub(r"\s+", " ", quote).strip(), flags=re.I)
        if label.islower():
            label = place.name  # "the rest of the world" in a sentence: the place's own name
        self.items.append(RegionMention(label=label, concept=place.key, evidence=(ev,)))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in "\u2022*-\u2013>\u27a4"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".:;,*"):
        end -= 1
    return Span(start=start, end=end) if end > start else None


def _place_of(text: str, span: Span | None, compass: bool = False) -> Place | None:
    """The place a whole label names ("Asia-Pacific", "the Europe region", "North America Market").

    A bracketed list of member countries does not count towards the length limit: "Asia Pacific (China,
    Japan, India, South Korea, Australia, Others)" names Asia Pacific. A label whose text outside the
    brackets is something else names no place ("Sila Nanotechnologies Inc. (US)" is a company). With
    ``compass`` (items of a regional section) "South India" names a sub-area of India.
    """
    if span is None:
        return None
    label = text[span.start:span.end]
    outside = re.sub(r"\([^()]*\)", " ", label).strip()
    if len(outside.split()) > 6:
        return None
    if outside and outside != label.strip() and lookup_place(outside) is None:
        return compass_place(outside) if compass else None
    hit = lookup_place(label)
    if hit is None and compass:
        hit = compass_place(outside or label)
    if hit is None:
        hit = _excluding_place(label)
    return hit


#: "Asia excl. China", "Europe excluding Russia": a region written with its exclusion unbracketed.
_UNBRACKETED_EXCLUSION = re.compile(
    r"(?P<region>[A-Z][\w&\- ]*?)\s+(?:excl\.|excl\b|excluding|except|other\s+than|ex-)\s*(?P<out>[A-Z][\w.\- ]*)"
)


def _excluding_place(label: str) -> Place | None:
    """A label that is a region less a place, unbracketed: "Asia excl. China" (see ``excluding_place``)."""
    label = " ".join(label.split())
    m = _UNBRACKETED_EXCLUSION.fullmatch(label)
    if m is None:
        return None
    return excluding_place(lookup_place(m.group("region")), lookup_place(m.group("out")), label)


# "(excluding China)", "(excl. China)", "(ex-China)", "(except Japan)", "(other than China)": a bracket that
# changes what the label names, so it stays part of the label.
_EXCLUSION = re.compile(
    r"^\s*(?:(?i:excluding|excl\b\.?|exclusive\s+of|except(?:\s+for)?|other\s+than|not\s+including|without|"
    r"outside(?:\s+of)?)\b|(?i:ex)(?:[\-\u2010\u2011]\s*|\.?\s+)(?=[A-Z]))",
)


def _excluded(label: str) -> list[Place]:
    """The places a label's exclusion bracket leaves out: "Asia Pacific (excluding China)" -> [China]."""
    out: list[Place] = []
    for inner in re.findall(r"\(([^()]*)\)", label):
        if _EXCLUSION.match(inner):
            out.extend(m.place for m in find_places(inner) if not m.adjective)
    return out


def _outside_brackets(text: str, span: Span) -> Span:
    """The label before a trailing bracket: "North America (United States, Canada)" -> "North America".

    An exclusion bracket stays: "Asia Pacific (excluding China)" is not Asia Pacific.
    """
    label = text[span.start:span.end]
    cut = label.find("(")
    if cut > 0 and label.rstrip().endswith(")"):
        if _EXCLUSION.match(label[cut + 1:]):
            return span
        return _trimmed(text, span.start, span.start + cut) or span
    return span


# "North America Graphite Anode Market Trends", "U.S. Market Outlook": a place, then the market's words.
_MARKET_TAIL = re.compile(
    r"^(?:'s)?\s+(?:[\w\-&/]+\s+){0,6}?market(?:\s+(?:trends|insights|outlook|analysis|overview|size|share|"
    r"forecast|dynamics|estimates?|revenue))*\s*$",
    re.I,
)


def _title_place(text: str, span: Span, compass: bool = False) -> tuple[Place, Span] | None:
    """The place a section title names, with its span: the whole title (brackets aside), or a place followed
    only by '<market words> Market Trends'."""
    p = _place_of(text, span, compass)
    if p is None and compass and "/" in text[span.start:span.end]:
        p = _joined_place(text[span.start:span.end])  # "Japan/South Korea": two places reported as one item
    if p is not None:
        return p, _outside_brackets(text, span)
    title = text[span.start:span.end]
    matches = find_places(title)
    if matches and matches[0].start == 0 and not matches[0].adjective and _MARKET_TAIL.match(title[matches[0].end:]):
        return matches[0].place, Span(start=span.start, end=span.start + matches[0].end)
    if compass:
        # A regional section's sub-title with its headline figure: "Europe — USD 410 Mn (2024)", "China: CAGR 9%".
        head = _TITLE_FIGURE.match(title)
        if head:
            lead = _trimmed(text, span.start, span.start + head.end("place"))
            p = _place_of(text, lead, compass=True)
            if p is not None and lead is not None:
                return p, _outside_brackets(text, lead)
    return None


#: A place, a spaced dash or colon, then a figure: the title of one region's block in a regional section.
_TITLE_FIGURE = re.compile(
    r"(?P<place>[^:\u2013\u2014]{2,60}?)\s*(?::|\s[\-\u2013\u2014]\s|\u2014)\s*"
    r"(?=(?:USD|US\$|EUR|\$|\u20ac|\u00a3|CAGR|\d)[^\n]*\d)",
    re.I,
)


def _within(place: Place, region: Place) -> bool:
    """True when ``place`` lies inside ``region`` (by the vocabulary's broader chain or close matches)."""
    targets = {region.key, *region.close_match}
    known = places()
    key, seen = place.broader, set()
    while key and key not in seen and key != "global":
        if key in targets:
            return True
        seen.add(key)
        nxt = known.get(key)
        key = nxt.broader if nxt is not None else None
    return False


def _is_regional_title(title: str) -> bool:
    head = title.split(":")[0]
    short = len(re.findall(r"\w+", head)) <= 6
    return short and bool(_REGIONAL_TITLE.search(head)) and not title.endswith("?")


def _block_place(doc: TextDocument, block: Block) -> tuple[Place, Span] | None:
    """A place that a block names as an item: the whole short block, or its bold lead."""
    if block.boilerplate:
        return None
    text = block_text(doc, block)
    span = _trimmed(doc.text, block.start, block.end)
    if span is not None and len(re.sub(r"\([^()]*\)", " ", text).split()) <= 6:
        p = _place_of(doc.text, span, compass=True)
        if p is not None:
            return p, span
    lead = lead_strong(doc, block, max_offset=4)
    p = _place_of(doc.text, lead, compass=True)
    if p is not None and lead is not None:
        return p, lead
    # "Asia-Pacific: the largest market" / "Europe - the fastest growing region" / "Middle East. Smelter ..."
    cut = re.match(r"\s*([^:\u2013\u2014.]+?)\s*(?::|\s[\-\u2013\u2014]\s|\.\s+(?=[A-Z]))", text)
    if cut:
        s2 = _trimmed(doc.text, block.start + cut.start(1), block.start + cut.end(1))
        p = _place_of(doc.text, s2, compass=True)
        if p is None and s2 is not None and "/" in doc.text[s2.start:s2.end]:
            p = _joined_place(doc.text[s2.start:s2.end])  # "Japan/South Korea: mature demand": one item
        if p is not None and s2 is not None:
            return p, s2
    return None


_ARTICLE = re.compile(r"(?i:the)\s+")
_MEMBER_BRACKET = re.compile(r"\s*\([^()]*\)")


def _tiled(text: str, start: int, end: int, joiner: str) -> list[tuple[Place, Span]] | None:
    """The places that fill ``text[start:end]`` with nothing but ``joiner`` between them, else None.

    An item may open with "the" and close with a bracket of members ("the Middle East and Africa (GCC,
    South Africa)"). The lexicon's longest names win, so a compound region stays one: "Oceania and Middle
    East and Africa" is Oceania and Middle East & Africa, never "Middle East" + "Africa".
    """
    at = {start + m.start: m for m in find_places(text[start:end])}
    found: list[tuple[Place, Span]] = []
    pos = start
    while True:
        if found:
            gap = re.compile(joiner).match(text, pos, end)
            if gap is None or gap.end() == pos:
                return None
            pos = gap.end()
        article = _ARTICLE.match(text, pos, end)
        pos = article.end() if article else pos
        m = at.get(pos)
        if m is None or m.adjective or m.place.kind == "global":
            return None
        found.append((m.place, Span(start=pos, end=start + m.end)))
        pos = start + m.end
        bracket = _MEMBER_BRACKET.match(text, pos, end)
        if bracket and _EXCLUSION.match(bracket.group().lstrip()[1:]):
            return None  # "Asia Pacific (excluding China)" is no Asia Pacific: the caller reads it whole
        pos = bracket.end() if bracket else pos
        if not text[pos:end].strip():
            return found


def _paired_places(doc: TextDocument, block: Block) -> list[tuple[Place, Span]]:
    """Regions sharing one item line: "South America and Middle East & Africa: small markets", "Japan,
    Korea: ...". Every part before the colon must be a place, else nothing."""
    if block.boilerplate:
        return []
    text = block_text(doc, block)
    cut = re.match(r"[\s*\u2022\-]*([^:.]{3,80}?)\s*\*{0,2}\s*:", text)
    if not cut:
        return []
    start = block.start + cut.start(1)
    tiled = _tiled(doc.text, start, start + len(cut.group(1)), r"\s*,\s*(?:and\s+)?|\s+and\s+")
    if tiled is not None:
        return tiled if len(tiled) >= 2 else []
    found: list[tuple[Place, Span]] = []
    pos = start
    parts = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", cut.group(1))
    if len(parts) < 3:
        return []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            span = _trimmed(doc.text, pos, pos + len(part))
            p = _place_of(doc.text, span)
            if p is None or span is None:
                return []
            found.append((p, span))
        pos += len(part)
    return found


# What follows a place that opens a paragraph as its subject: a verb ("North America is expected to...",
# "Europe relies on imports"), or the place's market ("Asia Pacific battery anode materials market size was").
_SUBJECT_VERB = re.compile(
    r"^\s+(?:also\s+|still\s+|currently\s+|alone\s+|now\s+)?(?:is|was|are|were|has|have|had|will|would|could|can|"
    r"may|might|should|remains?|remained|continues?|continued|holds?|held|accounts?|accounted|dominat(?:es|ed)|"
    r"leads?|led|records?|recorded|registers?|registered|represents?|represented|emerg(?:es|ed)|saw|sees|"
    r"relies|relied|depends|depended|generates?|generated|contributes?|contributed|witness(?:es|ed)|"
    r"experiences|experienced|exhibits?|exhibited|shows|showed|captures?|captured|commands?|commanded|"
    r"hosts?|hosted|houses|housed|posts|posted|grows|grew|expands|expanded|ranks?|ranked|stands|stood|"
    r"benefits|benefited|benefitted|imports|imported|exports|exported|produces|produced|consumes|consumed|"
    r"lags|lagged|trails|trailed|follows|followed|offers|offered|attracts|attracted|takes|took|adds|added|"
    r"makes\s+up|made\s+up)\b"
    r"|^(?:'s|\u2019s)?\s+(?:(?!(?:a|an|the)\s)[\w\-&/]+\s+){0,6}?(?:market|industry|demand|consumption|production|"
    r"capacity)\b",
    re.I,
)
# Titles of a regional breakdown proper ("REGIONAL INSIGHTS", "Regional Analysis", "By Region"), as opposed to
# titles that merely say "regional" ("Regional Capacity Expansion Strategies").
_BREAKDOWN_TITLE = re.compile(
    r"\b(?:regional|geographic(?:al)?|country(?:[\s\-]level)?|regions?)\s+(?:market\s+)?(?:analysis|insights?|outlook|"
    r"overview|highlights?|segmentation|breakdown|landscape|scope|forecasts?|performance|trends|dynamics|summary|"
    r"perspectives?|snapshot)\s*$"
    r"|\bby\s+(?:regions?|geography|countr(?:y|ies))\s*$|^(?:key\s+)?(?:regions?|geography|countries)\s*$",
    re.I,
)


_LOWER_REST = re.compile(r"\brest\s+of\s+(?:the\s+)?world\b")


def _subjects(doc: TextDocument, block: Block) -> list[tuple[Place, Span]]:
    """The places that open a paragraph as its subject: "North America is expected to record a CAGR...",
    "Europe and Japan rely on imports". A place anywhere else in the paragraph is a passing mention."""
    if block.boilerplate or block.kind not in ("paragraph", "list_item"):
        return []
    text = block_text(doc, block)
    head = re.match(r"[\s\u2022*\-\u2013>\u27a4]*(?:the\s+)?", text, re.I)
    starts = [head.end() if head else 0]
    # Every sentence or ";" clause of a regional breakdown paragraph opens with its own subject: "Asia Pacific
    # holds 58%. Europe was worth EUR 355 m ...; North America remains the smallest of the three."
    starts += [m.end() for m in re.finditer(r"(?<=[a-z0-9%)])(?:\.|;)\s+(?:[Tt]he\s+)?(?=[A-Za-z])", text)]
    matches = find_places(text)
    # "The rest of the world added ...": the remainder as a sentence's subject, written in lower case
    rest = [PlaceMatch(m.start(), m.end(), m.group(), p) for m in _LOWER_REST.finditer(text)
            if (p := lookup_place(m.group())) is not None and not any(x.start <= m.start() < x.end for x in matches)]
    matches = sorted([*matches, *rest], key=lambda x: x.start)
    found: list[tuple[Place, Span]] = []
    for start in starts:
        pos = start
        clause: list[tuple[Place, Span]] = []
        for m in matches:
            if m.start < pos:
                continue
            if m.start != pos or m.adjective:
                break
            clause.append((m.place, Span(start=block.start + m.start, end=block.start + m.end)))
            joint = re.match(r"\s*(?:,|and|&)\s*(?:and\s+)?", text[m.end:])
            if joint is None:
                if _SUBJECT_VERB.match(text[m.end:]):
                    found.extend(clause)
                break
            pos = m.end + joint.end()
    return found


def _from_sections(doc: TextDocument, sections: list[Section], out: _Out) -> None:
    titles = {s.block_index for s in sections}
    for sec in sections:
        if not _is_regional_title(sec.title):
            continue
        for sub in sec.descendants():
            hit = _title_place(doc.text, sub.span, compass=True)
            if hit is not None:
                out.add(*hit, group=_title_group(sub))
        for i in range(sec.block_index + 1, sec.end_index):
            block = doc.blocks[i]
            if block.kind == "table":
                _table(doc, block, out, minimum=1)
                continue
            if i in titles:
                continue
            hits = _paired_places(doc, block) or [h for h in [_block_place(doc, block)] if h is not None]
            if hits:
                # siblings: the items of one list (same section, same nesting), or one section's lines
                owner = section_at(sections, i)
                group = ("item", owner.block_index if owner else -1, block.kind == "list_item", block.depth)
                for place, span in hits:
                    out.add(place, _outside_brackets(doc.text, span), group=group)
                continue
            owner = section_at(sections, i)
            if _BREAKDOWN_TITLE.search(sec.title.split(":")[0].strip()) and not _inside_item(doc.text, owner, sec):
                for place, span in _subjects(doc, block):
                    out.add(place, span)


#: A run-in title opening a paragraph: "By region. Brazil accounts for 61% ...", "Regional split: ...".
_RUN_IN_BREAKDOWN = re.compile(r"\s*(?P<title>[A-Z][\w \-]{2,40}?)\s*[.:]\s+(?=[A-Z])")


def _from_run_in_titles(doc: TextDocument, out: _Out) -> None:
    """A paragraph opened by a run-in regional breakdown title ("By region. Brazil accounts for 61% of
    output. The rest of the world took US$ 7 million."): the subjects of its sentences, as under a
    regional section's title."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        m = _RUN_IN_BREAKDOWN.match(block_text(doc, block))
        if m is None or not _BREAKDOWN_TITLE.search(m.group("title")):
            continue
        for place, span in _subjects(doc, block):
            out.add(place, span)


#: A dot-leader line of a plain-text list, one per paragraph: "Northby ............ 9.6". The label is bounded
#: and the leader possessive: on a long line of dots an open label would retry the leader at every offset.
_LEADER_ITEM = re.compile(r"\s*(?P<label>\S[^\n]{0,80}?)[ \t]*(?:\.[ \t]?){4,}+[ \t]*\d[\d,.]*[ \t]*%?\s*")


def _leader_place(doc: TextDocument, block: Block) -> tuple[Place, Span] | None:
    """The place a dot-leader line opens with, the leader and its value left out."""
    m = _LEADER_ITEM.fullmatch(block_text(doc, block))
    if m is None or block.boilerplate:
        return None
    span = _trimmed(doc.text, block.start + m.start("label"), block.start + m.end("label"))
    p = _place_of(doc.text, span, compass=True)
    return (p, span) if p is not None and span is not None else None


def _from_lead_lists(doc: TextDocument, out: _Out) -> None:
    """A list under a one-line lead-in that names a regional breakdown but is no section title ("Regional
    outlook (revenue, USD million):", "By country, 2024:"): its items, when every one of them (two at
    least) is a place ("China: $498.6 Mn" counts by its head). Dot-leader lines, one per paragraph
    ("Northby ....... 9.6"), are such items too, whatever block kind the layout reader made of them."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind != "paragraph" or block.boilerplate or i + 1 >= len(blocks):
            continue
        line = re.sub(r"\([^()]*\)", " ", block_text(doc, block)).strip().rstrip(":").strip()
        if not line or "\n" in line or len(line.split()) > 8 or not _is_regional_title(line):
            continue
        hits: list[tuple[Place, Span]] = []
        j = i + 1
        while j < len(blocks) and (blocks[j].kind == "list_item" or _LEADER_ITEM.fullmatch(block_text(doc, blocks[j]))):
            hit = _leader_place(doc, blocks[j]) or _block_place(doc, blocks[j])
            if hit is None:
                hits = []
                break
            hits.append(hit)
            j += 1
        if len(hits) >= 2:
            for place, span in hits:
                out.add(place, _outside_brackets(doc.text, span), group=("lead", block.start))


def _inside_item(text: str, owner: Section | None, regional: Section) -> bool:
    """Whether a block of ``regional`` lies under one of its items (a place sub-title such as "### Asia"):
    a place opening a paragraph there is that item's detail, not an item of its own."""
    node = owner
    while node is not None and node is not regional:
        if _title_place(text, node.span, compass=True) is not None:
            return True
        node = node.parent
    return False


def _title_group(sec: Section) -> tuple[object, ...]:
    """Sub-titles under one parent are siblings."""
    return ("title", sec.parent.block_index if sec.parent is not None else -1)


def _joined_place(label: str) -> Place | None:
    """Two places reported together as one row ("Japan & South Korea", "Canada/Mexico"): a region of its
    own, keyed by the label. A name the vocabulary knows ("Middle East & Africa") is lookup_place's."""
    label = " ".join(label.split())
    parts = re.split(r"\s*(?:&|/|\band\b)\s*", label)
    if len(parts) != 2 or lookup_place(label) is not None:
        return None
    found = [lookup_place(x) for x in parts]
    if any(p is None or p.kind == "global" for p in found):
        return None
    a, b = found
    assert a is not None and b is not None
    key = "-".join(re.findall(r"[a-z0-9]+", label.lower().replace("&", " and ")))
    broader = a.broader if a.broader == b.broader else None
    return Place(key=key, name=label, kind="region", broader=broader, aliases=(label,))


def _table(doc: TextDocument, block: Block, out: _Out, minimum: int) -> None:
    found: list[tuple[Place, Span]] = []
    for row in block.rows:
        if not row or all(c.header for c in row):
            continue  # the header row; a row-header cell (<th scope="row">) is a label like any other
        span = _trimmed(doc.text, row[0].start, row[0].end)
        p = _place_of(doc.text, span)
        if p is None and span is not None:
            p = _joined_place(doc.text[span.start:span.end])
        if p is None and span is not None and (head := _TITLE_FIGURE.match(doc.text, span.start, span.end)):
            # a card-like cell holding the row's figure: "Asia-Pacific: US$ 2.77 bn"
            span = _trimmed(doc.text, span.start, head.end("place"))
            p = _place_of(doc.text, span)
        if p is not None and span is not None and p.kind != "global":
            found.append((p, span))
    if len(found) >= minimum:
        for p, span in found:
            out.add(p, span)


#: Two or more numbers after a row label, space- or pipe-separated ("Europe  420  480", "Europe | 59 | 98 |").
_ROW_VALUES = re.compile(
    r"(?:[ \t]+\|?|[ \t]*\|)[ \t]*\d[\d,.]*%?(?:[ \t]*[ \t|][ \t]*\d[\d,.]*%?)+[ \t|]*(?=[ \t|]+[A-Z]|[ \t|]*$|\n)")


def _text_table_rows(doc: TextDocument) -> list[list[tuple[Place, Span]]]:
    """Runs of plain-text table rows, one block per line ("Asia Pacific  1,610  2,275", "Europe | 59 | 98")."""
    runs: list[list[tuple[Place, Span]]] = [[]]
    for block in doc.blocks:
        text = block_text(doc, block)
        hit = None
        if not block.boilerplate and block.kind in ("paragraph", "list_item"):
            ms = find_places(text)
            lead = len(text) - len(text.lstrip())
            if ms and ms[0].start == lead and not ms[0].adjective and ms[0].place.kind != "global" and (
                re.fullmatch(r"(?:(?:[ \t]+\|?|[ \t]*\|)[ \t]*\d[\d,.]*%?){2,}[ \t|]*", text[ms[0].end:])
            ):
                hit = (ms[0].place, Span(start=block.start + ms[0].start, end=block.start + ms[0].end))
        if hit is not None:
            runs[-1].append(hit)
        elif runs[-1] and not re.fullmatch(r"\s*(?:total|sum|rest of world)?[\s\d,.%|]*", text, re.I):
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def _text_table(doc: TextDocument, block: Block, out: _Out) -> None:
    """A space-aligned plain-text table read as one paragraph ("Region 2023 2029 Asia Pacific 1,610 2,275
    Europe 455 530 ..."): places that each open a row of numbers are its row labels (two or more)."""
    if block.boilerplate or block.kind not in ("paragraph", "list_item"):
        return
    text = block_text(doc, block)
    if re.search(r"[a-z]{3,}[.!?](?:\s|$)", text):
        return  # prose, not a table
    found: list[tuple[Place, Span]] = []
    for m in find_places(text):
        if m.adjective or m.place.kind == "global":
            continue
        before = text[:m.start].rstrip()
        # the row before ends in a number; the header in a year, maybe marked forecast/estimate ("2029F")
        if before and not re.search(r"(?:\d%?|\b(?:19|20)\d\d[FEP]|^[A-Za-z ]+)\s*\|?$", before):
            continue
        if _ROW_VALUES.match(text, m.end):
            found.append((m.place, Span(start=block.start + m.start, end=block.start + m.end)))
    if len(found) >= 2:
        for p, span in found:
            out.add(p, span)


#: A contents line: number, title, dotted leader, page ("8.2  North America ........ 93").
_TOC_LINE = re.compile(
    r"\s*(?P<num>\d+(?:\.\d+)*)\.?[ \t]+(?P<body>\S.*?)[ \t]*(?:(?:\.[ \t]?){4,}|\u2026+)[ \t]*\d+\s*")
_TOC_BARE_LINE = re.compile(r"\s*(?P<num>\d+(?:\.\d+)*)\.?[ \t]+(?P<body>\S[^\n]*?)[ \t]*")
_TOC_REGIONAL = re.compile(
    r"\bby\s+(?:regions?|geograph(?:y|ies)|countr(?:y|ies))\b|\bregional\b", re.I)


def _from_toc(doc: TextDocument, out: _Out) -> None:
    """A table of contents (numbered lines with dotted leaders and page numbers): the entries one level under
    a "Market by Region ....... 67" line that are places ("7.1 North America ...... 68"). Contents lines are
    often marked boilerplate, so they are read here and nowhere else."""
    depth = 0
    group = 0
    for block in doc.blocks:
        if block.kind == "table":
            continue
        m = _TOC_LINE.fullmatch(block_text(doc, block))
        if m is None and block.boilerplate:  # a contents list without leaders: "5.3 Japan & South Korea"
            m = _TOC_BARE_LINE.fullmatch(block_text(doc, block))
        if m is None:
            if block_text(doc, block).strip():
                depth = 0
            continue
        d = len(m.group("num").split("."))
        if _TOC_REGIONAL.search(m.group("body")):
            depth, group = d, block.start
            continue
        if not depth or d <= depth:
            depth = 0
            continue
        if d != depth + 1:
            continue
        start = block.start + m.start("body")
        span = _trimmed(doc.text, start, block.start + m.end("body"))
        p = _place_of(doc.text, span)
        if p is None and span is not None:
            p = _joined_place(doc.text[span.start:span.end])
        if p is not None and span is not None and p.kind != "global":
            out.add(p, span, group=("toc", group))


def _from_titles(doc: TextDocument, sections: list[Section], out: _Out) -> None:
    for sec in sections:
        if sec.style in ("heading", "bold_line", "centered", "caps", "plain_heading", "numbered"):
            if any(FAQ_TITLE.search(a.title) for a in sec.ancestors()):
                continue
            p = _place_of(doc.text, sec.span)
            if p is not None:
                out.add(p, _outside_brackets(doc.text, sec.span), group=_title_group(sec))


def _from_positions(doc: TextDocument, out: _Out) -> None:
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table":
            continue
        text = block_text(doc, block)
        if text.rstrip().endswith("?"):
            continue
        matches = find_places(text)
        for k, m in enumerate(matches):
            after = text[m.end:m.end + 80]
            if m.start > 0 and text[m.start - 1] == "(" and re.search(r"[A-Za-z0-9.]\s*\($", text[:m.start]):
                continue  # "Tanrock (Brazil)": a company's country tag, not a region analysed
            if _RAW_RESOURCE.match(after):
                continue  # "Brazil holds about 85% of known tantalum reserves": geology, not the market
            tied = bool(_POSITION_AFTER.match(after) or _POSITION_NOUN.match(after))
            # "Europe accounted for 44% of 2023 demand and Asia Pacific for 35%": the verb is shared.
            if not tied and re.match(r"\s+for\s+(?:about\s+|around\s+|nearly\s+)?\d{1,3}(?:\.\d+)?\s*%", after):
                sentence = re.split(r"[.!?]\s", text[:m.start])[-1]
                tied = bool(re.search(r"\baccount(?:s|ed)?\s+for\b[^;]*\band\s+$", sentence))
            # "North American and European producers": the first demonym shares the second one's noun.
            if not tied and k + 1 < len(matches):
                nxt = matches[k + 1]
                between = text[m.end:nxt.start]
                if re.fullmatch(r"\s*(?:,|and|&|or)\s*", between) and (
                    _POSITION_NOUN.match(text[nxt.end:nxt.end + 80]) or _POSITION_AFTER.match(text[nxt.end:])
                ):
                    tied = True
            if not tied:
                continue
            span = Span(start=block.start + m.start, end=block.start + m.end)
            out.add(m.place, span, label=m.place.name if m.adjective else None)


#: A share of a raw material's reserves or resources is geology, not a market position.
_RAW_RESOURCE = re.compile(r"^[^.;]{0,60}?\b(?:reserves|resources|deposits)\b", re.I)


# "Regional scope | North America; Europe", "Regions analysed: A; B", "The report studies five regions: A, B and C",
# "We model four regions: A, B, C and D",
# "By Geography: Asia-Pacific, North America, Europe", "Geographic coverage: ...", a fact-box line "Regions: A, B"
_SCOPE_CUE = re.compile(
    r"^\s*(?:regions?|geograph(?:y|ies)|countries)\s*:\s*|(?<=\s)(?-i:Regions?|Geograph(?:y|ies)|Countries)\s*:\s*|"
    r"\b(?:regional\s+(?:scope|coverage|breakdown|split)|regions?\s+(?:covered|analy[sz]ed|studied|included)|"
    r"by\s+(?:regions?|geography|geographies|geographic(?:al)?\s+regions?|countr(?:y|ies)|"
    r"regions?\s+(?:and|&)\s+countr(?:y|ies))|geograph(?:ic|ical|y)\s+(?:coverage|scope|breakdown|segmentation)|"
    r"(?:covers?|stud(?:y|ies)|analy[sz]es?|includes?|models?|tracks?|examines?)\s+"
    r"(?:the\s+following|(?:\w+\s+)?key|\w+)?\s*regions?)"
    r"\s*(?:[:|]|\s-\s|\s+(?:is|are|includes?|spans?|comprises?)\s+(?=[A-Z]))\s*",
    re.I,
)


# "We cover Oceania, Latin America and Rest of World", "The study covers ...": the report
# (never any other subject) covering a list that starts at once; _scope_items keeps it only when its items
# are places.
_COVER_VERB = re.compile(
    r"\b(?i:we|(?:the|this|our)\s+(?:report|study|analysis|research|survey))\s+(?:also\s+)?"
    r"(?:covers?|analy[sz]es?|stud(?:y|ies)|examines?|tracks?|spans?)\s+(?:the\s+)?(?=[A-Z])"
)


#: "The study covers product types (...), applications (...) and end users (...), across A, B and C":
#: the places the report's coverage spans, later in the sentence of its covering verb.
_COVERING = re.compile(_COVER_VERB.pattern.replace(r"(?=[A-Z])", ""))
_ACROSS = re.compile(r"\b(?:across|in)\s+(?:the\s+)?(?=[A-Z])")


def _across(text: str) -> list[re.Match[str]]:
    """"across"/"in" lists in the sentence where the report (or "we") covers something (see _COVER_VERB)."""
    found: list[re.Match[str]] = []
    for verb in _COVERING.finditer(text):
        end = re.compile(r"[.!?](?:\s|$)").search(text, verb.end())
        found.extend(_ACROSS.finditer(text, verb.end(), end.start() if end else len(text)))
    return found


def _scope_items(text: str, offset: int) -> list[tuple[Place, Span]]:
    """The places of a ';'/','/'and' list that starts at ``offset``; stops at the first item that is none.

    The last item may run into the next label of a flattened line ("Middle East and Africa Companies
    Covered: ..."), so a place at the start of an item ends the list there.
    """
    found: list[tuple[Place, Span]] = []
    # the list's own sentence decides its separator, not a ";" in the next one
    sentence = re.split(r"(?<![A-Z])\.(?=\s+[A-Z]|\s*$)|\n", text[offset:offset + 400], maxsplit=1)[0]
    sep = ";" if ";" in sentence else ","
    pos = offset
    for raw, width in _split_items(text[offset:], sep):
        start = pos + len(raw) - len(raw.lstrip())
        pos += len(raw) + width
        item = re.sub(r"^\s*(?:and|&)\s+", "", raw.strip())
        start += len(raw.strip()) - len(item)
        if item.endswith(".") and lookup_place(re.sub(r"\([^()]*\)", " ", item)) is None:
            item = item[:-1]  # "... and Rest of World." closing the block
        # "Europe and the Rest of the World (RoW)": the bracket abbreviates the last item only
        if sep == "," and re.search(r"\s(?:and|&)\s", item) and lookup_place(re.sub(r"\([^()]*\)", " ", item)) is None:
            # "... Oceania and Middle East & Africa": the last two items, a compound region kept whole
            tiled = _tiled(text, start, start + len(item), r"\s+(?:and|&)\s+")
            if tiled is not None:
                found.extend(tiled)
                break
            parts = re.split(r"\s+(?:and|&)\s+", item)
            results = [(lookup_place(x), x) for x in parts]
            if all(r[0] for r in results):
                k = start
                for place, x in results:
                    assert place is not None
                    i = text.index(x, k)
                    found.append((place, Span(start=i, end=i + len(x))))
                    k = i + len(x)
            break
        outside = re.sub(r"\([^()]*\)", " ", item).strip()
        place = lookup_place(item) if item and (outside == item or lookup_place(outside)) else None
        if place is None:
            m = find_places(item)
            if found and m and m[0].start == 0 and not m[0].adjective:
                found.append((m[0].place, Span(start=start, end=start + m[0].end)))
            break
        span = _trimmed(text, start, start + len(item)) or Span(start=start, end=start + len(item))
        found.append((place, _outside_brackets(text, span)))
        if re.match(r"\s*\.", text[start + len(item):start + len(item) + 2]):
            break
    return found if len(found) >= 2 else []


def _split_items(text: str, sep: str) -> list[tuple[str, int]]:
    """``text`` cut at ``sep``, ". ", a line end or " | " outside brackets: (item, separator width) pairs, so
    "North America (U.S., Canada), Europe" is two items."""
    out: list[tuple[str, int]] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        ch = text[i]
        depth += (ch == "(") - (ch == ")" and depth > 0)
        width = 0
        if depth == 0:
            if text.startswith(sep, i) or ch == "\n":
                width = len(sep) if ch != "\n" else 1
            elif text.startswith(" | ", i):
                width = 3
            elif text.startswith(". ", i) or text.startswith(".\n", i):
                width = 1
        if width:
            out.append((text[start:i], width))
            start = i + width
            i = start
            continue
        i += 1
    out.append((text[start:], 0))
    return out


#: "by product, application and region (A, B, C and D)": the regions of a breakdown in a bracket after the
#: word. Not "the region (A and B)" nor "Asia-Pacific region (A, B)": there the bracket lists members.
_BRACKET_SCOPE = re.compile(
    r"(?:\bby\s+|,\s*|\band\s+)(?:geographic(?:al)?\s+)?(?:regions?|geograph(?:y|ies))\s*\(",
    re.I,
)


def _bracket_scope(doc: TextDocument, block: Block, text: str, out: _Out) -> None:
    """The places a breakdown bracket lists, when they fill it (two at least): "... estimate market value by
    precursor, application and region (China, Europe, North America and Rest of World) for 2024"."""
    for m in _BRACKET_SCOPE.finditer(text):
        close = text.find(")", m.end())
        if close < 0 or "(" in text[m.end():close]:
            continue
        start = block.start + m.end()
        found = _tiled(doc.text, start, block.start + close, r"\s*[,;]\s*(?:and\s+)?|\s+(?:and|&)\s+")
        if found is not None and len(found) >= 2:
            for place, span in found:
                out.add(place, span, group=("scope", start))


def _from_scope_lists(doc: TextDocument, out: _Out) -> None:
    for block in doc.blocks:
        if block.boilerplate:
            continue
        if block.kind == "table":
            for row in block.rows:
                if len(row) >= 2 and _REGIONAL_TITLE.search(doc.text[row[0].start:row[0].end]):
                    cell = row[1]
                    for place, span in _scope_items(doc.text[:cell.end], cell.start):
                        out.add(place, span, group=("scope", cell.start))
            continue
        text = block_text(doc, block)
        if "(" in text:
            _bracket_scope(doc, block, text, out)
        for m in (*_SCOPE_CUE.finditer(text), *_COVER_VERB.finditer(text), *_across(text)):
            for place, span in _scope_items(doc.text[:block.end], block.start + m.end()):
                out.add(place, span, group=("scope", block.start + m.end()))


#: "Regional Analysis: Europe Oceania LAMEA": a regional breakdown title and its items on
#: one line, as a page copied as text runs a list together (or separates it with commas or bars).
_LABELLED_LINE = re.compile(r"^[ \t]*(?P<head>[^:\n]{3,60}?)[ \t]*:[ \t]*(?P<body>[^\n]+?)[ \t.]*$", re.M)
_FLAT_JOINER = r"\s*[,;|]\s*(?:and\s+)?|\s+and\s+|\s+"


def _from_flat_lists(doc: TextDocument, out: _Out) -> None:
    """A line labelled by a regional breakdown title whose text is nothing but places (two or more): its
    items, however they are separated. One word that is no place ("Regional Analysis: Asia Pacific leads
    North America") and it is prose, not a list."""
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table":
            continue
        for m in _LABELLED_LINE.finditer(doc.text, block.start, block.end):
            if not _is_regional_title(m.group("head").strip()):
                continue
            found = _tiled(doc.text, m.start("body"), m.end("body"), _FLAT_JOINER)
            if found is not None and len(found) >= 2:
                for place, span in found:
                    out.add(place, span, group=("scope", m.start("body")))


#: "an India-only report", "a Europe-only study": a report scoped to one place says so after its name.
_ONLY_SCOPE = re.compile(r"[\s\-]only\s+(?:report|study|analysis|market\s+study|coverage|scope)\b", re.I)


def _from_only_scope(doc: TextDocument, out: _Out) -> None:
    """A single-place report naming its scope ("It is a Brazil-only study"): that place."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        if "only" not in text:
            continue
        for m in find_places(text):
            if not m.adjective and _ONLY_SCOPE.match(text, m.end):
                out.add(m.place, Span(start=block.start + m.start, end=block.start + m.end))


_REST_OF = re.compile(r"\s*(?:the\s+)?rest\s+of\b", re.I)


def _drop_members(out: _Out) -> list[RegionMention]:
    """Countries (and "Rest of X" remainders) nested under a region the document also lists are that
    region's detail, not regions.

    Nested: a sub-title or a deeper list item under it, a separate country-level list ("Country scope: U.S.;
    Canada" beside "Regional scope: North America; Europe"), a table row, a paragraph about it. A country
    that is the region's *sibling* - an item of the same flat list or a sub-title under the same parent
    ("China", "Asia Pacific (excluding China)", "Europe") - is analysed at the region's level and stays, as
    does a country the region's label explicitly leaves out ("(excluding China)").
    """
    known = {**places(), **out.extra}
    listed = [(known[r.concept], r) for r in out.items if r.concept in known]
    keep = []
    for r in out.items:
        p = known.get(r.concept)
        mine = out.groups.get(r.concept, set())
        # a country, or a "Rest of Europe" row: the remainder of a region the document lists is its detail too
        member = p is not None and (p.kind == "country" or bool(_REST_OF.match(r.label)))
        if p is not None and member and any(
            q.kind == "region" and _within(p, q) and not (mine & out.groups.get(q.key, set()))
            and all(x.key != p.key for x in _excluded(qr.label))
            and not _REST_OF.match(qr.label)  # "China" beside "Rest of Asia": a sibling row, never a member
            for q, qr in listed
        ):
            continue
        keep.append(r)
    return sorted(keep, key=lambda r: min(e.start for e in r.evidence))


def extract_regions(doc: TextDocument, sections: list[Section] | None = None) -> list[RegionMention]:
    """The regions the report analyses, in document order, one per concept (see the module docstring)."""
    secs = sections if sections is not None else outline(doc)
    out = _Out(doc)
    _from_sections(doc, secs, out)
    _from_lead_lists(doc, out)
    _from_run_in_titles(doc, out)
    for block in doc.blocks:
        if block.kind == "table" and not block.boilerplate:
            _table(doc, block, out, minimum=2)
        else:
            _text_table(doc, block, out)
    for run in _text_table_rows(doc):
        for p, span in run:
            out.add(p, span)
    _from_titles(doc, secs, out)
    _from_toc(doc, out)
    _from_scope_lists(doc, out)
    _from_flat_lists(doc, out)
    if not out.items:
        _from_only_scope(doc, out)
    if not out.items:
        _from_positions(doc, out)
    return _drop_members(out)


__all__ = ["extract_regions"]
