"""Market dynamics: the titles of the drivers, restraints, opportunities, challenges and trends listed.

Rules, in order:

1. **Kind titles open a context.** A section titled with a dynamics kind ("MARKET DRIVERS", "Drivers",
   "Key Trends", "Other Restraints", "Carbon Anode Market Trends", an ``<h3>Restraints</h3>``, a
   "**Challenges:**" prefix, and by meaning "Tailwinds", "What Is Holding It Back", "Upside Scenarios",
   "Key Risks", "What's Trending") sets the current kind. The context lasts until a section of the same or
   a higher rank that is not itself a kind title ("COMPETITIVE LANDSCAPE", "FAQ"), so "Other Challenges"
   between "MARKET CHALLENGES" and its items only switches nothing but the kind.
2. **Items are the titles under it**: the sections of the context ranked below the kind title, at the
   shallowest item rank found there (centred titles, bold lines, "**Title:** body" prefixes, numbered
   "1. Title:" items, ``<h4>`` under ``<h3>``) - deeper titles are parts of an item. Among "**Title** -
   description" items, a bold-only list item (no description) is an item too.
3. **Untitled items**: when a kind section has no item titles, each paragraph or list item of its own
   body contributes its bold lead ("The **rising demand for EVs** is a major driver" -> "rising demand for
   EVs"); a list item without bold contributes its text up to ":" or the first sentence end (when short;
   a one-sentence item is its own title); a joined "(a) ... (b) ..." run gives one item per marker; a
   body of plain lines gives each line ("Title -- description" lines their title). A kind label on its own
   line or glued to the end of an item ("Fast tools RESTRAINTS") switches the kind; an upper-case line
   that names no kind ends the list. "(a) Title: text" items wrapped over several lines give one title each.
   A kind label the outline left in a body ("> [!success] Drivers") files the list items right after it.
4. **Tables**: a column whose every body cell names a kind ("| Factor | Category |" with "Driver",
   "Restraint") files the row's first text cell under it; headers that each name a kind ("| Drivers |
   Restraints |") file their columns' cells.
5. **Unlabelled numbered runs**: numbered item titles ("1. Electric Vehicle Boom ...:") outside any kind
   context and outside named parts of the report (FAQ, segments, regions, companies) form runs; a restart
   of the numbering at 1 starts a new run. Each run is classified by cue words in its titles and bodies
   (drivers: boom, demand, fuel, growth...; trends: trend, development, technologies, integration,
   shift...; restraints, opportunities, challenges likewise); a run without cues is dropped. Reports list
   drivers first, so the first run wins ties towards drivers.
6. **Prose, as a last resort**: in a report where rules 1-5 found nothing (a press release), a list after
   its kind ("lists the main drivers as A, B, and C", "Among restraints, it cites X and Y", "the main
   drivers are (i) A and (ii) B", "growth is driven by A, ..., and by B"; a describing ", which ..." clause
   after an item is cut), else bold
   phrases of a clause that names one kind ("driven by the **adoption of X**", "**Y** remains the main
   challenge").

Also, anywhere: soft-wrapped "**Driver:** X" / "**Restraint:** Y" lines joined into one paragraph and run-on
"Drivers: (a) X; (b) Y. Opportunity: Z." blocks (one item list per label); "lists three **drivers**:" before
a list and "One **challenge**: **X**."; bracketed labels ("[Growth factor]", "[Obstruct factor]", "[Threat
factor]", "[Trend keyword]") are kind titles by meaning; a plain-text kind-column table may carry an unflagged
header row. A bold prefix naming kind and item ("**Driver – Fleet Safety Rules:** ...") is one item. Last
resort after rule 6: titles quoted in a review, filed under the kind noun just before them.

Never items: FAQ questions, statistics ("CAGR (Global): 6.30%"), titles of more than 25 words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.dynamics_vocab import KIND_NOUNS, KIND_OF_SINGULAR, KIND_WORDS, PLURALS, SINGULARS, kind_pattern
from kg.extract.geo import find_places
from kg.extract.sections import (
    FAQ_TITLE,
    Section,
    block_text,
    is_caps,
    lead_strong,
    next_sibling_number,
    outline,
    section_at,
    semantic_offset,
    strong_coverage,
    wrapped_bold,
)
from kg.models import Block, Dynamic, DynamicKind, Evidence, Span, TextDocument

#: The kind each kind title names, by the meaning of its words ("Tailwinds" and "What Is Driving Demand" are
#: drivers, "Headwinds" and "What Is Holding It Back" restraints, "Upside Scenarios" opportunities, "Key
#: Risks" challenges, "What's Trending" trends); a title naming two kinds names none.
_KIND_WORDS: tuple[tuple[DynamicKind, re.Pattern[str]], ...] = tuple(
    (w.kind, re.compile(rf"\b(?:{kind_pattern(w)})\b", re.I)) for w in KIND_WORDS
)
_CUES: dict[DynamicKind, re.Pattern[str]] = {
    "drivers": re.compile(
        r"\b(?:driv\w*|fuel\w*|boom\w*|demand|growth|grow\w*|expan\w*|rising|increas\w*|surg\w*|adoption|"
        r"boost\w*|accelerat\w*|invest\w*)\b", re.I),
    "restraints": re.compile(
        r"\b(?:restrain\w*|constrain\w*|high\s+costs?|expensive|volatil\w*|shortages?|limit\w*|hinder\w*|"
        r"imped\w*|slow\w*)\b", re.I),
    "opportunities": re.compile(
        r"\b(?:opportunit\w*|untapped|potential|unlock\w*|lucrative|prospects?)\b", re.I),
    "challenges": re.compile(r"\b(?:challeng\w*|hurdles?|risks?|barriers?|difficult\w*|complex\w*)\b", re.I),
    "trends": re.compile(
        r"\b(?:trends?|shift\w*|development|technolog\w*|innovat\w*|integration|alternative|advanced|"
        r"reshap\w*|emerging|next-gen\w*|transition\w*|strateg\w*)\b", re.I),
}
#: Named parts of a report whose numbered items are not dynamics.
_OTHER_PART = re.compile(
    r"\b(?:faqs?|frequently asked|questions|segment\w*|regional|regions?|geograph\w*|compan(?:y|ies)|players|"
    r"competit\w*|landscape|profiles?|scope|methodology|contents?|key findings|highlights|statistics)\b",
    re.I,
)
_STATISTIC = re.compile(
    r"\d\s*%|\bCAGR\b|\bUSD\b|US\$|\$\s*\d|\b\d[\d,.]*\s*(?:million|billion|bn|mn)\b", re.I
)
_MAX_TITLE_WORDS = 25


def dynamic_kind(title: str) -> DynamicKind | None:
    """The kind a section title names, if it is a kind title ("Other Restraints", "MARKET TRENDS")."""
    if semantic_offset(title) != 2:
        return None
    first = find_places(title)
    if first and first[0].start == 0 and first[0].place.kind != "global":
        return None  # "North America Graphite Anode Market Trends": a regional section, not a trends list
    hits = [kind for kind, rx in _KIND_WORDS if rx.search(title)]
    return hits[0] if len(hits) == 1 else None


def _is_item_title(sec: Section) -> bool:
    t = sec.title
    return (
        not t.endswith("?")
        and 0 < len(t.split()) <= _MAX_TITLE_WORDS
        and not _STATISTIC.search(_title_head(t))
        and not _ABOUT.match(t)
        and semantic_offset(t) == 3
        and any(ch.isalpha() for ch in t)
    )


_DESCRIPTION_DASH = re.compile(r"\s(?:--|[\-\u2013\u2014])\s")  # " - ", " -- " (plain-text em dash), " – ", " — "
#: An about-us section ("About Brightwater Analytics", "About Us", "About the Report"): never dynamics.
_ABOUT = re.compile(r"\s*about\b", re.I)


def _title_head(title: str) -> str:
    """The title before a spaced-dash description (a statistic in the description does not make the
    item a statistic: "Volume expansion - silicon swells by up to 300%")."""
    m = _DESCRIPTION_DASH.search(title)
    if m is None or m.start() == 0:
        return title
    head, tail = title[:m.start()].strip(), title[m.end():].strip()
    return head if len(head.split()) <= 15 and len(tail.split()) >= 4 else title


def _cut_description(text: str, span: Span) -> Span:
    """"Low initial coulombic efficiency - First-cycle losses reduce..." -> the title before the spaced dash,
    when the part after it reads as a description (a capitalised clause of four or more words)."""
    quote = text[span.start:span.end]
    m = _DESCRIPTION_DASH.search(quote)
    if m is None or m.start() == 0:
        return span
    head, tail = quote[:m.start()].strip(), quote[m.end():].strip()
    # The tail reads as a description when it is a clause of four or more words, capitalised or not
    # ("Recycled-content mandates - the EU Battery Regulation and similar rules").
    if len(head.split()) <= 15 and len(tail.split()) >= 4:
        end = span.start + m.start()
        while end > span.start and text[end - 1].isspace():
            end -= 1
        return Span(start=span.start, end=end)
    return span


#: A bracketed kind tag closing an item title: "(trend)", "(Challenge)", "(key opportunity)".
_KIND_TAG = re.compile(rf"\s*\((?:key\s+|main\s+|major\s+)?({SINGULARS})\)\s*$", re.I)


class _Out:
    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        self.items: list[Dynamic] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, kind: DynamicKind, span: Span | None) -> None:
        if span is None:
            return
        span = _cut_description(self.doc.text, span)
        tag = _KIND_TAG.search(self.doc.text, span.start, span.end)
        if tag is not None and tag.end() == span.end and tag.start() > span.start:
            # "Integrated Graphitization (trend)" under "What is driving demand?": the item's own tag files it
            kind = KIND_OF_SINGULAR[tag.group(1).lower()]
            span = Span(start=span.start, end=tag.start())
        quote = self.doc.text[span.start:span.end]
        title = re.sub(r"\s+", " ", quote).strip()
        key = (kind, re.sub(r"[^a-z0-9]+", " ", title.lower()).strip())
        if not key[1] or key in self._seen or _STATISTIC.search(title) or title.endswith("?"):
            return
        if _cell_kind(title.rstrip(":")) is not None:
            return  # "Driver", "Key Trends": a kind label, never an item of its own kind
        self._seen.add(key)
        self.items.append(Dynamic(kind=kind, title=title, evidence=(Evidence(start=span.start, end=span.end,
                                                                              quote=quote),)))

    def prefer(self, kind: DynamicKind, span: Span) -> None:
        """Add the item at ``span`` unless an item of its kind opens with its words; one that goes on past
        them after a comma, colon or dash ("X, particularly in Y") gives way to it."""
        short = re.sub(r"\s+", " ", self.doc.text[span.start:span.end]).strip()
        for item in self.items:
            if item.kind != kind or not _norm_title(item.title).startswith(_norm_title(short)):
                continue
            tail = item.title[len(short):] if item.title.lower().startswith(short.lower()) else ""
            if tail and re.match(r"\s*[,:;\u2013\u2014\-]", tail):
                self.items.remove(item)
                self._seen.discard((kind, _norm_title(item.title)))
                break
            return
        self.add(kind, span)


#: The first marker of an enumerated run: "(a) ", "a) ", "(1) ", "(i) ".
_ENUM_FIRST = re.compile(r"\s*\(?(?P<n>a|1|i)\)\s+")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _next_mark(n: str) -> str | None:
    """The marker after ``n`` in its series: "a" -> "b", "3" -> "4", "ii" -> "iii" ("i" counts as roman)."""
    if n.isdigit():
        return str(int(n) + 1)
    if n in _ROMAN:
        k = _ROMAN.index(n)
        return _ROMAN[k + 1] if k + 1 < len(_ROMAN) else None
    return chr(ord(n) + 1) if len(n) == 1 and "a" <= n < "z" else None


def _enumerated(doc: TextDocument, block: Block) -> list[Span]:
    """"(a) Blends for sodium-ion (b) Pitch pre-oxidation (c) ...": a lettered or numbered run whose lines
    the renderer joined into one block; each part up to its first sentence end or colon is an item."""
    text = block_text(doc, block)
    first = _ENUM_FIRST.match(text)
    if first is None:
        return []
    marks = [first]
    while True:
        after = _next_mark(marks[-1].group("n"))
        m = re.compile(rf"\s\(?(?P<n>{after})\)\s+").search(text, marks[-1].end()) if after else None
        if m is None:
            break
        marks.append(m)
    if len(marks) < 2:
        return []
    spans: list[Span] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        part = text[m.end():end]
        cut = re.match(r"\s*([^:]*?)\s*(?::|\.\s|\.?\s*$|;)", part)
        if cut is None or not cut.group(1) or len(cut.group(1).split()) > 15:
            return []
        start = block.start + m.end() + cut.start(1)
        spans.append(_cut_description(doc.text, Span(start=start, end=start + len(cut.group(1)))))
    return spans


#: A lettered, numbered or roman marker opening a line: "(a) ", "b) ", "(3) ", "iv) ".
_LINE_ENUM = re.compile(r"\s*\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s+")


#: A numbered part opening a line, "7. Coverage. We ...": the report's next part, not an item's wrapped line.
_NEXT_PART = re.compile(r"\s*\d{1,2}\.\s+[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}\.\s")


def _marked_lines(doc: TextDocument, blocks: list[Block]) -> list[Span]:
    """"(a) Title: description ..." items whose wrapped lines the renderer kept as blocks of their own: each
    marked line opens an item, unmarked lines continue it; the title runs up to the colon or the first
    sentence end (after an acronym only before a capital: "... under the UK ETS. Smelters ..."). The
    first line marked (a), (1) or (i) - a kind's list may hold a single item; else nothing."""
    body = [b for b in blocks if not b.boilerplate and block_text(doc, b).strip()]
    if not body or not _ENUM_FIRST.match(block_text(doc, body[0])) or _enumerated(doc, body[0]):
        return []
    groups: list[list[Block]] = []
    for b in body:
        if groups and (b.kind == "heading" or _NEXT_PART.match(block_text(doc, b))):
            break  # "7. Coverage. We initiate ..." or a heading after "(b) ...": the list is over
        if b.kind not in ("paragraph", "list_item"):
            return []
        if _LINE_ENUM.match(block_text(doc, b)):
            groups.append([b])
        else:
            groups[-1].append(b)
    if not groups:
        return []
    spans: list[Span] = []
    for g in groups:
        mark = _LINE_ENUM.match(block_text(doc, g[0]))
        assert mark is not None
        start = g[0].start + mark.end()
        text = doc.text[start:g[-1].end]
        cut = re.match(r"([^:]*?)\s*(?::|(?<=[a-z0-9)])\.(?:\s|$)|(?<=[A-Z]{2})\.(?=\s+[A-Z])|;|$)", text, re.S)
        if cut is None or not cut.group(1).strip() or len(cut.group(1).split()) > 15:
            return []
        spans.append(Span(start=start, end=start + len(cut.group(1))))
    return spans


def _body_items(doc: TextDocument, blocks: Iterable[Block]) -> Iterable[Span]:
    """Titles of items written without their own title: bold leads, or short list items."""
    blocks = list(blocks)
    marked = _marked_lines(doc, blocks)
    if marked:
        yield from marked
        return
    prev_bold = False
    consumed: Block | None = None  # a block whose bold lead ended the wrapped title above it
    for k, block in enumerate(blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        wrapped = wrapped_bold(doc, block, nxt)
        if wrapped is not None:
            yield wrapped
            consumed = nxt
            continue
        if block is consumed:
            continue
        after_bold, prev_bold = prev_bold, block.kind == "list_item" and strong_coverage(doc, block) >= 0.9
        sentence = block_text(doc, block).rstrip().endswith(".")
        if after_bold and block.kind == "list_item" and not block.strong and sentence:
            continue  # "<b>Title</b><br>A sentence." split in two items: the sentence describes the title
        parts = _enumerated(doc, block)
        if parts:
            yield from parts
            continue
        lead = lead_strong(doc, block)
        text = block_text(doc, block)
        if lead is not None and len(doc.text[lead.start:lead.end].split()) <= 15:
            # A whole-bold list item is a title; a whole-bold paragraph is usually an aside
            # ("**➤ For instance, ...**"), unless a plain paragraph describing it follows (a PDF's
            # "**Title.**" line over its description).
            if block.kind == "list_item" or lead.end - lead.start < 0.8 * len(text.strip()) or (
                _titled_paragraph(doc, block, nxt)
            ):
                yield lead
            continue
        if block.kind == "list_item":
            # "1. Title" / "(b) Title": an enumerator the reader kept in the item's text
            number = _ITEM_NUMBER.match(text)
            skip = number.end() if number else 0
            body = text[skip:]
            m = re.match(r"\s*([^:.]{3,200}?)\s*(?::|\.\s|\.$|$)", body) or re.match(
                r"\s*([^:.]{3,120}?\s[\-\u2013\u2014]\s[^:]*)", body
            )
            if m:
                text = body
                start = block.start + skip + m.start(1)
                span = _cut_description(doc.text, Span(start=start, end=start + len(m.group(1))))
                # A title cut from a longer item is short; an item that is one sentence is its own title.
                whole = span.end == start + len(m.group(1)) and not text[m.end():].strip()
                if len(doc.text[span.start:span.end].split()) <= (_MAX_TITLE_WORDS if whole else 15):
                    yield span


#: An enumerator opening a list item's text: "1. ", "2) ", "(b) " (never "2024 ...", "1.5 GWh").
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}[.)]|\(?[a-h]\))\s+(?=[A-Z(])")


def _titled_paragraph(doc: TextDocument, block: Block, nxt: Block | None) -> bool:
    """A whole-bold paragraph that titles the plain paragraph after it: it opens with a capital and reads
    as a phrase ("Move from flake to spherical grades."), not as an aside ("For instance, ...")."""
    text = block_text(doc, block).strip()
    return (
        nxt is not None and nxt.kind == "paragraph" and strong_coverage(doc, nxt) < 0.5
        and text[:1].isupper() and not re.match(r"(?:for\s+(?:instance|example)|e\.g\.|note)\b", text, re.I)
        and not re.search(r"[.!?]\s+\S", text) and len(text.split()) <= 15
    )


#: A bullet or enumerator opening a line that the renderer kept as text: "- ", "* ", "(a) ", "iv) ", "3. ".
_LINE_MARK = re.compile(
    r"(?:[\-*+\u2022\u25aa\u25cf\u2013]|\(?(?:[a-hA-H]|[ivx]{1,4}|\d{1,2})\)|(?:[a-hA-H]|\d{1,2})\.)[ \t]+"
)
#: The last word of a line that a wrapped sentence continues on the next line ("..., Saudi Arabia and").
_WRAPPING_END = re.compile(r"(?:,|\b(?:and|or|of|the|to|in|for|with|a|an|by|from|on|at|as|than))$", re.I)


def _bold_only_items(doc: TextDocument, sections: list[Section]) -> list[Span]:
    """Among "**Title** - description" list items, an item that is only its bold title (no description) is
    an item too: it carries no title prefix, so the outline leaves it in the body of the item above."""
    spans: list[Span] = []
    for sec in sections:
        for block in sec.blocks:
            if block.kind != "list_item" or block.boilerplate or block.start <= sec.span.start:
                continue
            if strong_coverage(doc, block) < 0.9:
                continue
            lead = lead_strong(doc, block)
            if lead is not None and 0 < len(doc.text[lead.start:lead.end].split()) <= 15:
                spans.append(lead)
    return spans


def _described_titles(doc: TextDocument, blocks: Iterable[Block]) -> list[Span]:
    """Title lines each followed by its description (a definition list rendered as lines: "Lower carbon
    footprint" / "No furnace is needed, which cuts emissions."): the titles. A title line is short, opens
    with a capital and has no final stop; a description ends with one. The body must alternate - every
    title described, no description without its title - else nothing."""
    spans: list[Span] = []
    expect_title = True
    for block in blocks:
        raw = block_text(doc, block)
        text = raw.strip()
        if block.boilerplate or not text:
            continue
        if block.kind not in ("paragraph", "list_item") or strong_coverage(doc, block) >= 0.5:
            return []
        titled = text[-1] not in ".!?:;," and text[:1].isupper() and len(text.split()) <= 15
        if titled and not _STATISTIC.search(text):
            if spans and expect_title is False:
                return []  # two title lines in a row: a list of lines, not titled descriptions
            start = block.start + (len(raw) - len(raw.lstrip()))
            spans.append(Span(start=start, end=start + len(text)))
            expect_title = False
        elif text[-1] in ".!?" and spans:
            expect_title = True
        else:
            return []
    return spans if spans and expect_title else []


def _short_lines(doc: TextDocument, blocks: Iterable[Block]) -> list[Span]:
    """A body made only of plain-text list lines: each line is an item. A line is a short sentence, a
    "Title -- description" line or a "Title Case Title: description" line; a line continuing the wrapped
    line above it ("India will need ...") is part of that item. Any other line (prose) means the body is no
    list. Title lines that each head their description are the items, not the descriptions (see
    :func:`_described_titles`)."""
    blocks = list(blocks)
    titled = _described_titles(doc, blocks)
    if titled:
        return titled
    spans: list[Span] = []
    prev = ""
    for block in blocks:
        if block.boilerplate:
            continue
        raw = block_text(doc, block)
        text = raw.strip()
        if not text:
            continue
        if block.kind not in ("paragraph", "list_item"):
            return []
        described = _described_line(text)
        if prev and (_WRAPPING_END.search(prev) or (_described_line(prev) and prev[-1] not in ".!?")):
            prev = text
            continue  # the wrapped tail of the line above
        prev = text
        start = block.start + (len(raw) - len(raw.lstrip()))
        mark = _LINE_MARK.match(text)  # a "- item" line read as a paragraph
        if mark:
            start += mark.end()
        if described:
            spans.append(_cut_description(doc.text, Span(start=start, end=block.start + len(raw.rstrip()))))
            continue
        titled_line = _TITLED_SENTENCE.match(doc.text, start, block.end)
        if titled_line is not None and _title_case(titled_line.group("title")) and len(
                doc.text[titled_line.end("title") + 1:block.end].split()) >= 4:
            spans.append(Span(start=start, end=titled_line.end("title")))  # "Title Case Title: description."
            continue
        if len(text.split()) > 20 or re.search(r"[.!?]\s+\S", text):  # prose: more than one sentence
            return []
        end = block.start + (len(raw) - len(raw.lstrip())) + len(text.rstrip(".;"))
        spans.append(Span(start=start, end=end))
    return spans


def _described_line(text: str) -> bool:
    """"Smelter expansions in the Gulf -- new potlines need more coke": a capitalised title of at most 15
    words, a spaced dash, and a description of four words or more."""
    text = _LINE_MARK.sub("", text, count=1) if _LINE_MARK.match(text) else text
    m = _DESCRIPTION_DASH.search(text)
    if m is None or m.start() == 0 or not text[:1].isupper():
        return False
    head, tail = text[:m.start()].strip(), text[m.end():].strip()
    return len(head.split()) <= 15 and len(tail.split()) >= 4 and not re.search(r"[.!?]\s", head)


#: A list item that swallowed the next line's kind label ("Volume expansion during cycling Opportunities",
#: "Fast-charging tools RESTRAINTS": a plain-text label line read as a lazy continuation of the bullet
#: above it). The label is a capitalised kind word or a run of upper-case words.
_TITLE_PLURALS = "|".join(w.plural.capitalize() for w in KIND_WORDS)  # "Drivers|Restraints|..."
_TRAILING_KIND = re.compile(
    rf"\s+((?:{_TITLE_PLURALS})|(?:[A-Z][A-Z\-'\u2019]+\s+){{0,4}}[A-Z][A-Z\-]+)\s*:?\s*$"
)


def _kind_runs(
    doc: TextDocument, blocks: Iterable[Block], kind: DynamicKind
) -> list[tuple[DynamicKind, list[Block]]]:
    """A kind section's body cut where it stops listing items of that kind: at a group title written as a
    body line ("Competitive Landscape", "Methodology" - numbered report sections read as list items), and
    at an upper-case line ("COMPANIES"), and at a kind label ("Restraints") on its own line or glued to the
    end of the item above it."""
    runs: list[tuple[DynamicKind, list[Block]]] = [(kind, [])]
    for block in blocks:
        text = block_text(doc, block).strip().rstrip(":")
        if not text:
            continue
        if block.kind in ("paragraph", "list_item") and len(text.split()) <= 6:
            k = dynamic_kind(text)
            if k is not None:
                runs.append((k, []))
                continue
            if semantic_offset(text) == 1 or (is_caps(text) and not re.search(r"\d", text)):
                break  # "Methodology", "COMPETITIVE ENVIRONMENT": the next part of the report
        label = _trailing_label(text) if block.kind == "list_item" else None
        if label is not None:
            k, at = label
            raw = block_text(doc, block)
            end = block.start + (len(raw) - len(raw.lstrip())) + at
            while end > block.start and doc.text[end - 1].isspace():
                end -= 1
            runs[-1][1].append(block.model_copy(update={"end": end}))
            runs.append((k, []))
            continue
        runs[-1][1].append(block)
    return [(k, bs) for k, bs in runs if bs]


def _trailing_label(text: str) -> tuple[DynamicKind, int] | None:
    """The kind label glued to the end of ``text`` and where it starts: the longest trailing run of label
    words that names a kind ("... for the EU RESTRAINTS" -> "RESTRAINTS")."""
    m = _TRAILING_KIND.search(text)
    if m is None:
        return None
    for word in re.finditer(r"\S+", m.group(1)):
        at = m.start(1) + word.start()
        k = dynamic_kind(text[at:].rstrip(" :"))
        if k is not None:
            return k, at
    return None


#: "Drivers: higher nickel loadings in truck cells; stricter cycle-life targets for home storage. Each ..."
_INLINE = re.compile(
    rf"\s*(?P<kind>(?:(?:key|main|major|market|growth)\s+)?(?:{PLURALS}))"
    r"\s*:\s*(?P<items>[^.:]+?)(?:\.(?:\s|$)|$)",
    re.I,
)


def _inline(doc: TextDocument, sections: list[Section], out: _Out, done: set[int]) -> None:
    """A paragraph opening with a plain kind label and a colon: its first sentence lists the items,
    separated by ";" (one item without ";")."""
    prefixed = {s.block_index for s in sections if s.style == "bold_prefix"}
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item") or i in prefixed:
            continue
        text = block_text(doc, block)
        m = _INLINE.match(text)
        if m is None or i in done:
            continue
        kind = dynamic_kind(m.group("kind"))
        if kind is None:
            continue
        base = block.start + m.start("items")
        for part in re.finditer(r"[^;]+", m.group("items")):
            piece = part.group()
            lead = len(piece) - len(piece.lstrip())
            words = piece.split()
            if not words or len(words) > 15:
                continue
            start = base + part.start() + lead
            out.add(kind, Span(start=start, end=start + len(piece.strip())))


#: A slide's caption in square brackets, as a transcript or a deck export shows it: "[Slide 12 - Drivers: (1)
#: A; (2) B]"; its text reads like a line of the report.
_SLIDE_CAPTION = re.compile(
    r"\s*\[\s*(?:slide|exhibit|chart|figure)\s+\d{1,3}\s*(?:[\-\u2013\u2014:]\s*)(?P<body>[^\[\]]+?)\s*\]\s*$", re.I
)
#: A kind label opening a line: "Driver: X. Description", "Restraint \u2013 X: description", "Drivers - A; B".
_LINE_LABEL = re.compile(
    rf"(?:(?:key|main|major|market|growth)\s+)?(?P<kind>{KIND_NOUNS})\s*(?P<sep>:|\s[\-\u2013\u2014]\s)\s*(?P<rest>\S.*)$",
    re.I | re.S,
)
#: Where a label's item ends: a colon, a semicolon, or a sentence end (after a lower-case letter, a digit or
#: a bracket; after an acronym only before a capital: "under the UK ETS. Smelters ...").
_ITEM_END = re.compile(r":|;|(?<=[a-z0-9)\]])\.(?=\s|$)|(?<=[A-Z]{2})\.(?=\s+[A-Z]|$)")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])\.(?=\s|$)|(?<=[A-Z]{2})\.(?=\s+[A-Z]|$)")


def _label_lines_inline(doc: TextDocument, sections: list[Section], out: _Out, done: set[int]) -> None:
    """A line labelled with its kind, item and all: "Driver: smelter restarts in India. New pot lines ...",
    "Restraint \u2013 Costly kiln fuel: gas prices ...", and a slide caption "[Slide 12 -
    Drivers: (1) A; (2) B]". A singular label names one item (up to a colon, ";" or the sentence end); a
    plural one a ";"-separated list in its first sentence ("(1)" marks dropped). A plural label with a colon
    outside a caption is :func:`_inline`'s. A bold prefix that is only a kind ("**Drivers:** ...") is the
    outline's kind title; one that carries its item ("**Driver – Fleet safety rules:** ...") is read here."""
    prefixed = {s.block_index for s in sections if s.style == "bold_prefix" and dynamic_kind(s.title) is not None}
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item") or i in prefixed or i in done:
            continue
        text = block_text(doc, block)
        base, region = block.start, text
        caption = _SLIDE_CAPTION.match(text)
        if caption is not None:
            base, region = block.start + caption.start("body"), caption.group("body")
        lead = len(region) - len(region.lstrip())
        m = _LINE_LABEL.match(region, lead)
        if m is None or (kind := dynamic_kind(m.group("kind"))) is None:
            continue
        plural = bool(re.fullmatch(PLURALS, m.group("kind"), re.I))
        if plural and caption is None and m.group("sep") == ":":
            continue
        rest, at = m.group("rest"), m.start("rest")
        if plural:
            end = _SENTENCE_END.search(rest)
            pieces = [(at + p.start(), p.group()) for p in re.finditer(r"[^;]+", rest[:end.start() if end else None])]
        else:
            end = _ITEM_END.search(rest)
            pieces = [(at, rest[:end.start() if end else None])]
        for off, piece in pieces:
            mark = _ITEM_MARK.match(piece)
            skip = mark.end() if mark else len(piece) - len(piece.lstrip())
            words = piece[skip:].split()
            if 0 < len(words) <= 15:
                out.add(kind, _trim(doc.text, base + off + skip, base + off + len(piece)))


#: A numbered entry of a table of contents: "4.2 Drivers", "4.2.1 Growth of X ........ 37".
_CONTENTS_ENTRY = re.compile(
    r"\s*(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?[ \t]+(?P<title>\S[^\n]*?)(?:[ \t]*\.{3,}[ \t]*\d{1,4}|[ \t]{2,}\d{1,4})?\s*$"
)


def _norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def _contents(doc: TextDocument, out: _Out) -> None:
    """A table of contents that lists a kind's sub-sections ("3.1 Drivers" then "3.1.1 X", "3.1.2 Y"): the
    entries one level below the kind entry are its items - sample pages often show the dynamics only
    there. The contents' wording wins over an item the body gives with a tail ("X, particularly in Y")."""
    runs: list[list[tuple[str, str, Span]]] = [[]]
    for block in doc.blocks:
        m = _CONTENTS_ENTRY.fullmatch(block_text(doc, block)) if block.kind in ("paragraph", "list_item") else None
        if m is None:
            if runs[-1]:
                runs.append([])
            continue
        title = m.group("title")
        runs[-1].append((m.group("n").rstrip("."), title, Span(start=block.start + m.start("title"),
                                                                 end=block.start + m.start("title") + len(title))))
    for run in runs:
        for k, (number, title, _) in enumerate(run):
            kind = dynamic_kind(title)
            if kind is None:
                continue
            for sub, sub_title, span in run[k + 1:]:
                if not sub.startswith(number + "."):
                    break
                if sub.count(".") == number.count(".") + 1 and 0 < len(sub_title.split()) <= 15:
                    out.prefer(kind, span)


_KIND_NOUN = rf"(?:{KIND_NOUNS})"
#: "Drivers: (a) X; (b) Y. Restraints: Z. Opportunity: W." - kind labels opening the sentences of one block.
_RUN_ON = re.compile(
    rf"(?:^|(?<=[.;]\s))\s*(?:\d{{1,2}}\.\s+)?(?P<kind>{_KIND_NOUN})\s*:\s*(?P<items>[^:]+?)(?=\.\s|\.?$)",
    re.I,
)
_ITEM_MARK = re.compile(r"\s*\(?(?:[a-h]|\d{1,2}|[ivx]{1,4})\)\s+")


def _run_on_labels(doc: TextDocument, out: _Out) -> set[int]:
    """A block whose sentences each open with a kind label ("Drivers: (a) X; (b) Y. Restraints: Z.
    Opportunity: W."), two labels or more: each label's ";"-separated items, "(a)" marks dropped. Returns the
    blocks read."""
    done: set[int] = set()
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        found = [(k, m) for m in _RUN_ON.finditer(text) if (k := dynamic_kind(m.group("kind"))) is not None]
        if len({k for k, _ in found}) < 2:
            continue
        done.add(i)
        for kind, m in found:
            base = block.start + m.start("items")
            for part in re.finditer(r"[^;]+", m.group("items")):
                mark = _ITEM_MARK.match(part.group())
                at = part.start() + (mark.end() if mark else 0)
                piece = m.group("items")[at:part.end()]
                if 0 < len(piece.split()) <= 15:
                    out.add(kind, _trim(doc.text, base + at, base + part.end()))
    return done


#: One "Title Case Title: description" item opening a sentence.
_TITLED_SENTENCE = re.compile(r"(?P<title>[A-Z][^:.;!?]{2,120}?):\s+\S")


def _title_case(title: str) -> bool:
    """Two to fifteen words, each word of four letters or more capitalised ("Lock-in at Cell Makers")."""
    words = title.split()
    return 2 <= len(words) <= 15 and all(w[:1].isupper() or w[:1].isdigit() for w in words if len(w) > 3)


def _bold_labels(doc: TextDocument, out: _Out) -> set[int]:
    """Soft-wrapped markdown lines "**Driver:** X" / "**Restraint:** Y" that became one paragraph: each bold
    kind label (two or more in the block) files the text up to the next label (";"-separated items).
    Returns the blocks read, whose first label the outline took for a kind title."""
    done: set[int] = set()
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind != "paragraph" or len(block.strong) < 2:
            continue
        labels: list[tuple[DynamicKind, int, int]] = []
        for run in block.strong:
            raw = doc.text[run.start:run.end]
            after = doc.text[run.end:run.end + 1]
            if not (raw.rstrip().endswith(":") or after == ":"):
                continue
            kind = _cell_kind(raw.strip(" *:"))
            if kind is not None:
                labels.append((kind, run.start, run.end + (1 if after == ":" else 0)))
        if len(labels) < 2 or labels[0][1] - block.start > 3:
            continue
        done.add(i)
        ends = [lab[1] for lab in labels[1:]] + [block.end]
        for (kind, _, body), end in zip(labels, ends, strict=True):
            for part in re.finditer(r"[^;]+", doc.text[body:end]):
                if 0 < len(part.group().split()) <= _MAX_TITLE_WORDS:
                    out.add(kind, _trim(doc.text, body + part.start(), body + part.end()))
    return done


#: "The study lists three **drivers**:" - a count and a kind closing a paragraph: the list items after it.
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:(?:key|main|major)\s+)?"
    rf"(?P<kind>{PLURALS})\s*:$",
    re.I,
)
#: "One **opportunity**: **X**." - a single item named after "one <kind>:".
_ONE = re.compile(
    rf"^(?:and\s+)?(?:one|a\s+single)\s+(?P<kind>{SINGULARS})\s*:\s*"
    r"(?P<item>[^.;:]+?)\.?$",
    re.I,
)


def _counted(doc: TextDocument, out: _Out) -> None:
    """Kinds announced with their count in a paragraph ("lists three **drivers**:", "One **trend**: X.")."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.boilerplate or block.kind != "paragraph":
            continue
        raw = block_text(doc, block)
        text = raw.strip().replace("*", "")
        if len(text.split()) > 12 and not _ONE.match(text):
            continue
        m = _COUNTED.search(text)
        if m is not None and (kind := dynamic_kind(m.group("kind"))) is not None:
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "list_item" and not blocks[j].boilerplate:
                j += 1
            for span in _body_items(doc, blocks[i + 1:j]):
                out.add(kind, span)
            continue
        one = _ONE.match(text)
        if one is not None and (kind := dynamic_kind(one.group("kind"))) is not None:
            item = one.group("item").strip()
            at = raw.find(item.split()[0]) if item else -1
            if at >= 0 and len(item.split()) <= 15:
                # Map the starred-free item back onto the raw text: it ends where its last word ends.
                last = item.split()[-1]
                end = raw.rfind(last) + len(last)
                out.add(kind, _trim(doc.text, block.start + at, block.start + end))


def _label_lines(doc: TextDocument, sections: list[Section], out: _Out) -> None:
    """A kind label on a line of its own that the outline left in the body ("> [!success] Drivers" in a
    markdown callout, "Market drivers" in plain text) and the list items right after it: the items."""
    titles = {s.block_index for s in sections}
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if i in titles or block.boilerplate or block.kind != "paragraph":
            continue
        text = block_text(doc, block).strip().rstrip(":")
        if not text or len(text.split()) > 6:
            continue
        kind = dynamic_kind(text)
        if kind is None:
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item" and not blocks[j].boilerplate:
            if semantic_offset(block_text(doc, blocks[j]).strip().rstrip(":")) < 3:
                break  # a contents list ("Drivers" / "- Restraints" / "- Opportunities"), not items
            j += 1
        for span in _body_items(doc, blocks[i + 1:j]):
            out.add(kind, span)


def _titled(doc: TextDocument, sections: list[Section], out: _Out) -> set[int]:
    """Rules 1-3; returns the block indexes of the item titles used (so rule 4 skips them)."""
    used: set[int] = set()
    kind: DynamicKind | None = None
    boundary = 0.0
    group: list[Section] = []
    kind_sec: Section | None = None

    def flush() -> None:
        if kind is None or kind_sec is None:
            return
        items = [s for s in group if _is_item_title(s)]
        if items:
            top = min(s.rank for s in items)
            chosen = [s for s in items if s.rank == top]
            spans = [s.span for s in chosen]
            if all(s.style == "plain_heading" for s in chosen):
                # Plain title lines the outline only partly saw as titles (a title over a short description
                # is not one): read the whole context as titled descriptions.
                last = max(s.block_index + 1 + len(s.blocks) for s in [kind_sec, *group])
                described = _described_titles(doc, doc.blocks[kind_sec.block_index + 1:last])
                if len(described) > len(spans):
                    spans = described
            if all(s.style == "bold_prefix" for s in chosen):
                spans += _bold_only_items(doc, [kind_sec, *group])
            for span in sorted(spans, key=lambda sp: sp.start):
                out.add(kind, span)
            used.update(s.block_index for s in chosen)
        else:
            k: DynamicKind = kind
            for part_kind, blocks in _kind_runs(doc, kind_sec.blocks, kind):
                k = part_kind
                spans = list(_body_items(doc, blocks)) or _short_lines(doc, blocks)
                for span in spans:
                    out.add(k, span)

    for sec in sections:
        labelled = _labelled_item(doc, sec)
        if labelled is not None:  # "Driver: Demand for longer-range EVs" - an item of its own, body and all
            flush()
            out.add(*labelled)
            used.add(sec.block_index)
            kind, kind_sec, group = None, None, []
            continue
        k = dynamic_kind(sec.title)
        if k is not None and sec.title.rstrip().endswith("?") and any(
                FAQ_TITLE.search(a.title) for a in sec.ancestors()):
            k = None  # "FAQ" / "What is driving demand?": a question and its answer, not a list of drivers
        if k is not None:
            flush()
            if kind is None or sec.rank <= boundary:
                boundary = sec.rank
            kind, kind_sec, group = k, sec, []
            if sec.style == "bold_prefix":  # "**Drivers:** rising EV demand, ..." - the body is the item list
                boundary = sec.rank
            continue
        # "7. Coverage" after "6. Headwinds": the next numbered part of the report, whatever its rank.
        # A true heading after a title the outline read from a paragraph ("6. Headwinds." ... "IMPORTANT
        # DISCLOSURES", "What's holding it back" ... "2. ELECTRODES SLIP"): the document's own structure takes
        # over again; the items of a paragraph-titled list are never headings.
        if kind is not None and (sec.rank <= boundary or _ABOUT.match(sec.title)
                                 or next_sibling_number(kind_sec.number if kind_sec else None, sec.number)
                                 or (kind_sec is not None and kind_sec.style in ("numbered", "plain_heading")
                                     and sec.style == "heading")):
            flush()
            kind, kind_sec, group = None, None, []
            continue
        if kind is not None:
            # Below the boundary: an item (or part of one) of the current kind, even when it ranks level
            # with an "Other Restraints" title that only switched the kind.
            group.append(sec)
    flush()
    return used


_LABELLED = re.compile(r"([^:]{3,40}):\s+(\S.*)$", re.S)


def _labelled_item(doc: TextDocument, sec: Section) -> tuple[DynamicKind, Span] | None:
    """A title that labels one item with its kind ("Driver: Demand for longer-range EVs", "Key Restraint:
    Volume expansion"): the kind and the span of the item title after the colon."""
    if sec.style == "bold_prefix":
        return None  # "**Drivers:** rising EV demand, ...": the label of a list, the items follow
    m = _LABELLED.match(sec.text(doc))
    if m is None:
        return None
    kind, rest = dynamic_kind(m.group(1)), re.sub(r"\s+", " ", m.group(2))
    if kind is None or not 2 <= len(rest.split()) <= _MAX_TITLE_WORDS or dynamic_kind(rest) is not None:
        return None
    if semantic_offset(rest) != 3 or re.search(r"\b(?:market|industry|report)$", rest, re.I):
        return None  # "Trends: Regional Analysis", "Drivers: Silicon Anode Market"
    start = sec.span.start + m.start(2)
    return kind, Span(start=start, end=sec.span.end)


def _cell(doc: TextDocument, cell: Span) -> str:
    return re.sub(r"\s+", " ", doc.text[cell.start:cell.end]).strip()


def _cell_kind(text: str) -> DynamicKind | None:
    """"Driver", "Restraints", "Key Opportunity": a cell that only names a kind."""
    return dynamic_kind(text) if 0 < len(text.split()) <= 3 else None


def _tables(doc: TextDocument, out: _Out) -> None:
    """Dynamics tables, in the two shapes reports use:

    * a kind column - every body cell of one column names a kind ("| Factor | Category |" with "Driver",
      "Restraint" per row): the row's item is its first other column holding text (not a statistic);
    * kind headers - every header cell names a different kind ("| Drivers | Restraints |"): each body cell
      is an item of its column's kind.
    """
    for block in doc.blocks:
        if block.kind != "table" or block.boilerplate or len(block.rows) < 2:
            continue
        body = [row for row in block.rows if not all(c.header for c in row)]
        heads = [row for row in block.rows if row and all(c.header for c in row)]
        if not heads and len(body) > 2 and not any(_STATISTIC.search(_cell(doc, c)) for c in body[0]):
            # "ITEM  CLASS  WEIGHT" over a plain-text table: an unflagged header row whose cells
            # name no kind while the column under one of them does.
            first = [_cell(doc, c) for c in body[0]]
            if all(_cell_kind(c) is None for c in first) and any(
                all(col < len(r) and _cell_kind(_cell(doc, r[col])) for r in body[1:]) for col in range(len(first))
            ):
                heads, body = [body[0]], body[1:]
        if not body:
            continue
        width = max(len(row) for row in block.rows)
        for col in range(width):
            cells = [_cell(doc, row[col]) for row in body if col < len(row)]
            kinds = [_cell_kind(c) for c in cells if c]
            if len(kinds) < 2 or None in kinds or len(kinds) < len(body):
                continue
            for row in body:
                kind = _cell_kind(_cell(doc, row[col]))
                item = next((c for k, c in enumerate(row) if k != col and _is_item_cell(_cell(doc, c))), None)
                if kind is not None and item is not None:
                    out.add(kind, _trim_cell(doc, item))
            break
        else:
            if not heads:
                continue
            head_kinds = [_cell_kind(_cell(doc, c)) for c in heads[-1]]
            if len(head_kinds) < 2 or None in head_kinds or len(set(head_kinds)) < len(head_kinds):
                continue
            for row in body:
                for k, cell in enumerate(row):
                    kind = head_kinds[k] if k < len(head_kinds) else None
                    if kind is not None and _is_item_cell(_cell(doc, cell)):
                        out.add(kind, _trim_cell(doc, cell))


def _is_item_cell(text: str) -> bool:
    """A cell that can be an item title: words, not a statistic, a dash or a long comment."""
    return (
        any(ch.isalpha() for ch in text)
        and 0 < len(text.split()) <= 15
        and not _STATISTIC.search(text)
        and _cell_kind(text) is None
    )


def _trim_cell(doc: TextDocument, cell: Span) -> Span:
    start, end = cell.start, cell.end
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] in ".;"):
        end -= 1
    return Span(start=start, end=end)


#: Words by which a sentence of prose files the bold phrases in it under a kind ("driven by the **...**",
#: "a third tailwind is the **...**", "**...** remains the main challenge").
_PROSE_CUES: dict[DynamicKind, re.Pattern[str]] = {
    "drivers": re.compile(r"\b(?:driv(?:en|es?|ing|ers?)|tailwinds?|fuel(?:l?ed|s)?|propel\w*)\b", re.I),
    "restraints": re.compile(r"\b(?:restrain\w*|headwinds?|hamper\w*|hinder\w*|imped\w*|constrain\w*)\b", re.I),
    "opportunities": re.compile(r"\bopportunit(?:y|ies)\b", re.I),
    "challenges": re.compile(r"\bchalleng(?:e|es|ing)\b", re.I),
    "trends": re.compile(r"\btrends?\b", re.I),
}
#: Where one sentence passes from one kind to another: "... restrain growth, while ... an opportunity".
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|although|though)\s+|;\s+|(?<=[.!?])\s+(?=[A-Z\u201c\"*])")
#: A bold phrase naming a part of the market rather than a force acting on it.
_PART_NOUN = re.compile(r"\b(?:segment|region|market|sector|industry|company|companies|players?)$", re.I)


def _prose(doc: TextDocument, sections: list[Section], out: _Out) -> None:
    """A report that lists no dynamics (a press release) may still name them in prose, each in bold with a
    kind word in its clause: "Growth is driven by the **adoption of X** ...; **Y** remains the main
    challenge". Only run when nothing else was found, since a report with dynamics sections repeats its
    items in summaries and FAQ answers; FAQ answers and named parts of a report are skipped."""
    for i, block in enumerate(doc.blocks):
        if block.kind != "paragraph" or block.boilerplate or not block.strong:
            continue
        sec = section_at(sections, i)
        if sec is not None and any(
            _OTHER_PART.search(s.title) or s.title.endswith("?") for s in (sec, *sec.ancestors())
        ):
            continue
        text = block_text(doc, block)
        if "?" in text:
            continue  # "What drives the market? The **...**": a question and its answer
        cuts = [0, *[m.end() for m in _CLAUSE_BREAK.finditer(text)], len(text)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            runs = [r for r in block.strong if block.start + a <= r.start and r.end <= block.start + b]
            if not runs:
                continue
            plain = "".join(
                ch if not any(r.start <= block.start + a + k < r.end for r in runs) else " "
                for k, ch in enumerate(text[a:b])
            )
            kinds = [k for k, rx in _PROSE_CUES.items() if rx.search(plain)]
            if len(kinds) != 1:
                continue
            for run in runs:
                span = _trim(doc.text, run.start, run.end)
                if span is not None and _prose_phrase(doc.text[span.start:span.end]):
                    out.add(kinds[0], span)


_KIND_PLURAL = rf"(?P<kind>{PLURALS}|constraints|headwinds|tailwinds)"
#: A list's run of text: up to the sentence end, a decimal point ("17.1 million") staying inside.
_RUN = r"(?:[^.;:!?]|\.(?=\d))+"
#: Prose naming a kind and listing its items: "lists the main growth drivers as A, B, and C", "the key
#: restraints are A and B", "the main drivers of growth are (i) A and (ii) B", "Among restraints, it cites A
#: and B" / "... the report points to A, which ..., and to B", "Demand growth is driven by A, ..., and by B".
_PROSE_LIST = re.compile(
    rf"\b(?:(?:main|key|major|principal|chief|biggest)\s+)?(?:(?:growth|market)\s+)?{_KIND_PLURAL}\s+"
    rf"(?:(?:of|for)\s+(?:growth|demand|the\s+market)\s+)?(?:as|are|were|include|included)\s*:?\s+(?P<items>{_RUN})"
    rf"|\bamong\s+(?:the\s+)?(?:(?:main|key|major)\s+)?{_KIND_PLURAL.replace('kind', 'kind2')}\s*,\s*"
    r"(?:it|the\s+(?:report|study|firm|authors?)|they|we)\s+(?:cites?|lists?|names?|includes?|mentions?|flags?|"
    rf"points?\s+(?P<to>to))\s+(?P<items2>{_RUN})"
    r"|\b(?:growth|demand)(?:\s+growth)?\s+(?:is|was|has\s+been)\s+(?:(?:being|mainly|largely|primarily)\s+)?"
    rf"driven\s+(?P<by>by)\s+(?P<items3>{_RUN})",
    re.I,
)
#: "(i) A and (ii) B", "(a) A, (b) B": the marks of an enumerated list in a sentence.
_PROSE_MARK = re.compile(r"\(\s*(?:[ivx]{1,4}|[a-h]|\d)\s*\)\s*")
#: A clause describing an item after it ("..., which typically recovers ...", "..., whose capacity ...").
_RELATIVE = re.compile(r",\s+(?:which|whose|who|with|where)\b")


def _prose_parts(items: str, prep: str | None) -> list[tuple[int, str]] | None:
    """The parts of a prose list marked by "(i) ... (ii)", or repeating its preposition ("to A, and to B",
    "by A, ..., and by B"), each without a describing clause after a comma; None for a plain "A, B and C"."""
    marks = list(_PROSE_MARK.finditer(items))
    if len(marks) >= 2 and not items[:marks[0].start()].strip():
        bounds = [(m.end(), nxt.start() if nxt is not None else len(items))
                  for m, nxt in zip(marks, [*marks[1:], None], strict=True)]
    elif prep is not None:
        cuts = list(re.finditer(rf",?\s+and\s+{prep}\s+", items, re.I))
        if not cuts:
            return None
        starts = [0, *[c.end() for c in cuts]]
        ends = [*[c.start() for c in cuts], len(items)]
        bounds = list(zip(starts, ends, strict=True))
    else:
        return None
    parts: list[tuple[int, str]] = []
    for a, b in bounds:
        piece = re.sub(r"(?:,|\s+and|\s+or)?\s*$", "", items[a:b])
        rel = _RELATIVE.search(piece)
        parts.append((a, piece[:rel.start()] if rel else piece))
    return parts


def _prose_lists(doc: TextDocument, out: _Out) -> None:
    """Items listed in a sentence after their kind (see :data:`_PROSE_LIST`): two or more parts of the
    "A, B, and C" list, each of two to twelve words without figures (fifteen between marks); else nothing."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        for m in _PROSE_LIST.finditer(text):
            group = next(g for g in ("items", "items2", "items3") if m.group(g) is not None)
            kind = "drivers" if group == "items3" else dynamic_kind(m.group("kind") or m.group("kind2"))
            if kind is None:
                continue
            base = m.start(group)
            items = m.group(group).rstrip()
            marked = _prose_parts(items, m.group("to") or m.group("by"))
            if marked is not None:
                parts = marked
            elif group == "items3" or "." in items:
                continue  # "driven by A" alone, or a list with a figure in it: not a list of titles
            else:
                parts = [(p.start(), p.group()) for p in re.finditer(r"[^,]+", items)]
                last_at, last = parts[-1]
                k = last.rfind(" and ")
                if k >= 0 and not re.match(r"\s*and\s", last):
                    parts[-1:] = [(last_at, last[:k]), (last_at + k + 5, last[k + 5:])]
            spans: list[Span] = []
            for at, raw in parts:
                lead = re.match(r"\s*(?:(?:and|or)\s+)?(?:the\s+)?", raw)
                off = lead.end() if lead else 0
                piece = raw[off:].rstrip()
                # marks or a repeated preposition bound each part: a longer title is still one title
                if not 2 <= len(piece.split()) <= (15 if marked else 12) or re.search(r"\d", piece):
                    spans = []
                    break
                start = block.start + base + at + off
                spans.append(Span(start=start, end=start + len(piece)))
            if len(spans) >= 2:
                for span in spans:
                    out.add(kind, span)


#: A kind noun in prose, the anchor of the quoted titles after it ("two drivers - "A" and "B"").
_KIND_MENTION = re.compile(rf"\b(?:{KIND_NOUNS}|headwinds?|tailwinds?)\b", re.I)
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,120})[\"\u201d]")


def _quoted(doc: TextDocument, out: _Out) -> None:
    """A review quoting the titles of the report it reviews: "It lists two drivers - "A" and "B" - and one
    restraint, "C". Its single challenge is "D"". Each quoted phrase of two to fifteen words (no figures,
    not all Title Case) is filed under the closest kind noun before it in its sentence, when at most six
    words (other quotes aside) stand between them."""
    for block in doc.blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        text = block_text(doc, block)
        for sent in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text):
            s = sent.group()
            quotes = list(_QUOTED.finditer(s))
            for q in quotes:
                kinds = [m for m in _KIND_MENTION.finditer(s, 0, q.start())]
                if not kinds:
                    continue
                anchor = kinds[-1]
                gap = _QUOTED.sub(" ", s[anchor.end():q.start()])
                kind = dynamic_kind(anchor.group())
                phrase = q.group(1).strip()
                words = phrase.split()
                if kind is None or len(re.findall(r"[A-Za-z]+", gap)) > 6 or not 2 <= len(words) <= 15:
                    continue
                if re.search(r"\d", phrase) or all(w[:1].isupper() for w in words if len(w) > 3):
                    continue
                start = block.start + sent.start() + q.start(1)
                out.add(kind, _trim(doc.text, start, start + len(q.group(1))))


def _prose_phrase(phrase: str) -> bool:
    """A bold phrase that can be a dynamic: three to fifteen words, no figure, not a name (Title Case), not
    a place or a part of the market."""
    words = phrase.split()
    if not 3 <= len(words) <= 15 or re.search(r"\d", phrase) or _PART_NOUN.search(phrase):
        return False
    if all(w[:1].isupper() for w in words if len(w) > 3):
        return False
    places = find_places(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I))
    return not (places and places[0].start == 0)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in "*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ":.;,*"):
        end -= 1
    return Span(start=start, end=end) if end > start else None


def _cue_kind(texts: list[str], first: bool) -> DynamicKind | None:
    joined = " ".join(texts)
    scores = {k: len(rx.findall(joined)) for k, rx in _CUES.items()}
    best = max(scores.values())
    if best == 0:
        return None
    ranked = [k for k, v in scores.items() if v == best]
    if first and "drivers" in ranked:
        return "drivers"
    return ranked[0] if len(ranked) == 1 else ("trends" if "trends" in ranked else ranked[0])


def _numbered_runs(doc: TextDocument, sections: list[Section], used: set[int], out: _Out) -> None:
    """Rule 4: runs of numbered items outside any kind context."""
    runs: list[list[Section]] = []
    for sec in sections:
        if sec.style not in ("numbered", "bold_prefix") or sec.number is None or sec.block_index in used:
            continue
        if not _is_item_title(sec) or any(_OTHER_PART.search(a.title) for a in sec.ancestors()):
            continue
        if any(dynamic_kind(a.title) for a in sec.ancestors()):
            continue
        n = re.match(r"\d+", sec.number)
        if n is None:
            continue
        num = int(n.group())
        if runs and num == _last_number(runs[-1]) + 1 and runs[-1][-1].rank == sec.rank:
            runs[-1].append(sec)
        elif num == 1:
            runs.append([sec])
    first = True
    for run in runs:
        if len(run) < 2:
            continue
        texts = []
        for s in run:
            texts.append(s.title)
            texts.extend(block_text(doc, b) for b in s.blocks if not b.boilerplate)
        kind = _cue_kind(texts, first)
        first = False
        if kind is None:
            continue
        for s in run:
            out.add(kind, s.span)


def _last_number(run: list[Section]) -> int:
    m = re.match(r"\d+", run[-1].number or "")
    return int(m.group()) if m else -1


def extract_dynamics(doc: TextDocument, sections: list[Section] | None = None) -> list[Dynamic]:
    """Every dynamics title of the report, in document order (see the module docstring)."""
    secs = sections if sections is not None else outline(doc)
    out = _Out(doc)
    labelled = _bold_labels(doc, out) | _run_on_labels(doc, out)
    used = _titled(doc, [s for s in secs if s.block_index not in labelled], out)
    _counted(doc, out)
    _label_lines(doc, secs, out)
    _tables(doc, out)
    _inline(doc, secs, out, labelled)
    _label_lines_inline(doc, secs, out, labelled)
    _contents(doc, out)
    _numbered_runs(doc, secs, used, out)
    if not out.items:
        _prose_lists(doc, out)
    if not out.items:
        _prose(doc, secs, out)
    if not out.items:
        _quoted(doc, out)
    return out.items


__all__ = ["dynamic_kind", "extract_dynamics"]
