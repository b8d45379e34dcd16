"""The outline of a report: which blocks are section titles, how they nest, and what each one covers.

Market reports mark their sections in many ways, often several in one document: real ``<h2>``/``##``
headings, paragraphs that are entirely bold, centred bold titles, ALL-CAPS lines, "**Title:** body" and
"1. Title: body" prefixes, and plain short lines such as "Regional Analysis" followed by prose. This module
recognises all of them from the blocks of :mod:`kg.ingest.text` and turns them into one tree, so that the
extractors of segments, dynamics, regions and companies ask "which items are under *Drivers*?" instead of
re-parsing markup.

Ranking (smaller rank = higher in the tree). Real headings rank ``10 * level``. Inferred headings rank just
below the last real heading before them (``base + offset``), the offset coming from what the title *says*
rather than how it looks, because reports style their levels inconsistently:

* 1 - group titles: ALL-CAPS lines and short titles naming a part of a report ("Market Dynamics",
  "Regional Analysis", "Segment Analysis", "Competitive Landscape", "FAQ"...);
* 2 - kind titles: a dynamics kind ("MARKET DRIVERS", "Other Restraints", "Key Trends", "Key Drivers for X
  Market") or a segmentation axis ("By Type", "Market Segmentation (by Application)");
* 3 - item titles: other bold/centred lines, numbered lines ("1. Electric Vehicle Boom:"), plain title-like
  lines, FAQ questions;
* 4 - bold prefixes ("**Drivers:** ..." at the start of a paragraph or list item).

Multi-level numbering ("2.1 Drivers") never ranks above its depth. A section's ``blocks`` are its own body
(up to the next title of any rank); :meth:`Section.subtree_blocks` adds its descendants'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from kg.extract.dynamics_vocab import TITLE_NOUNS
from kg.models import Block, Span, TextDocument

Style = Literal["heading", "bold_line", "bold_prefix", "centered", "numbered", "caps", "plain_heading"]

#: Leading numbering of a title: "1.", "2.1", "1)", "IV.", "A.", "[4]" (kept in ``Section.number``).
_NUMBER = re.compile(r"^\s*((?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[A-H][.)]|\[\d{1,2}\]))\s+(?=\S)")
_BULLET = re.compile(r"^[\s\u2022\u25aa\u25cf\u27a4\u2794\u25ba\u2192>*\-\u2013\u2014]+(?=\w)")
_QUALIFIERS = (
    r"other|key|major|main|market|growth|emerging|industry|recent|current|future|primary|global|notable|"
    r"important|latest|technology|technological|technical|biggest|principal|demand|supply"
)
#: A kind written as a question or a phrase around the kind noun: "What Is Driving Demand", "What Is Holding
#: It Back", "Where the Opportunities Are", "What's Trending", "Key Trends to Watch", "Challenges Ahead",
#: "Trends Shaping the Anode Market", "Key Factors Driving Market Growth".
_KIND_PHRASE = (
    r"^(?:what(?:'s|\u2019s|\s+is|\s+are)?\s+)(?:driving|drives|fuell?ing)(?:\s+[\w\-]+){0,3}$"
    r"|^(?:what(?:'s|\u2019s|\s+is|\s+are)?\s+)(?:holding|keeping)(?:\s+[\w\-]+){1,3}\s+back$"
    r"|^what\s+(?:could|might|may|can|will|would)\s+(?:hold|keep)(?:\s+[\w\-]+){1,3}\s+back$"
    r"|^(?:what(?:'s|\u2019s|\s+is|\s+are)?\s+)(?:restraining|hindering|holding\s+back)(?:\s+[\w\-]+){0,3}$"
    r"|^(?:what(?:'s|\u2019s|\s+is|\s+are)?\s+)trending(?:\s+now)?$"
    rf"|^where\s+(?:are\s+)?the\s+(?:(?:{_QUALIFIERS}|new|real)\s+)*(?:opportunities|risks|challenges)"
    r"(?:\s+(?:are|lie))?$"
    rf"|^(?:(?:{_QUALIFIERS})\s+)*(?:{TITLE_NOUNS})\s+(?:to\s+(?:watch|monitor)|ahead)$"
    rf"|^(?:(?:{_QUALIFIERS})\s+)*(?:{TITLE_NOUNS})\s+shaping(?:\s+[\w\-]+){{1,5}}$"
    rf"|^(?:(?:{_QUALIFIERS})\s+)*factors\s+(?:driving|fuell?ing|restraining|hindering|limiting)(?:\s+[\w\-]+){{1,4}}$"
    r"|^(?:growth|obstruct(?:ive|ing)?|threat|opportunity)\s+factors?$|^trend\s+keywords?$"
    # "What Could Slow It Down", "What Is Slowing Demand": restraints asked about the whole market
    r"|^what\s+(?:could|might|may|can|will|would)\s+slow(?:\s+[\w\-]+){1,3}\s+down$"
    r"|^what(?:'s|\u2019s|\s+is|\s+are)\s+slowing(?:\s+[\w\-]+){0,3}(?:\s+down)?$"
    # "And where the upside lies", "Where the upside is": the opportunities
    r"|^(?:and\s+)?where\s+(?:is\s+)?the\s+(?:real\s+|biggest\s+)?upside(?:\s+(?:is|lies))?$"
    # "Opportunities for Members", "Risks for Investors": a kind addressed to a readership
    rf"|^(?:(?:{_QUALIFIERS})\s+)*(?:{TITLE_NOUNS})\s+for\s+(?:our\s+|the\s+)?(?:members|investors|suppliers|"
    r"producers|manufacturers|companies|players|stakeholders|buyers|newcomers|new\s+entrants|incumbents)$"
)
#: A kind asked as a question about the market as a whole: "What is driving demand?", "What's holding the
#: market back?", "Where are the opportunities?" ("What is driving the shift?" asks about one item).
_KIND_QUESTION = re.compile(
    r"^(?:what(?:'s|\u2019s|\s+is|\s+are))\s+(?:driving|fuell?ing|restraining|hindering|limiting)\s+(?:the\s+)?"
    r"(?:(?:[\w\-]+\s+)?market(?:\s+growth)?|demand|growth|adoption|sales|uptake)"
    r"|^(?:what(?:'s|\u2019s|\s+is|\s+are))\s+(?:holding|keeping)\s+(?:it|(?:the\s+)?(?:[\w\-]+\s+)?market|growth|"
    r"demand|adoption)\s+back"
    r"|^(?:what(?:'s|\u2019s|\s+is|\s+are))\s+trending"
    rf"|^where\s+are\s+the\s+(?:(?:{_QUALIFIERS}|new|real|biggest)\s+)*(?:opportunities|risks|challenges)",
    re.I,
)
#: A kind of the market named as such: "Key Drivers for Hard Carbon Anode Market", "Key Opportunity of Market",
#: "Restraints in the Global Binder Industry" - the title ends with the market it is about.
_KIND_OF_MARKET = (
    rf"^(?:(?:{_QUALIFIERS})\s+)*(?:{TITLE_NOUNS})\s+(?:for|of|in|on|facing|affecting|impacting)\s+(?:the\s+)?"
    r"(?:(?!(?:in|of|for|to|on|at|with|the|and|by|from)\s)[\w\-]+\s+){0,7}(?:market|industry|sector)(?:\s+growth)?$"
    r"|^(?:(?:key|main|major)\s+)?(?:drivers|restraints|opportunities|challenges)\s+(?:for|of|to)\s+growth$"
)
#: Titles that name a dynamics kind ("Drivers", "Other Restraints", "X Market Trends") or a segmentation
#: axis ("By Type", "Market Segmentation (by Application)") - rank offset 2.
_KIND_TITLE = re.compile(
    rf"^(?:(?:{_QUALIFIERS})\s+)*(?:{TITLE_NOUNS})(?:\s*(?:,|and|&)\s*(?:{TITLE_NOUNS}))*$"
    rf"|\b(?:market|industry)\s+(?:{TITLE_NOUNS})$"
    rf"|{_KIND_PHRASE}"
    rf"|{_KIND_OF_MARKET}"
    r"|^(?:(?:total\s+)?market\s+)?(?:(?:segment(?:ation)?s?|break-?up|breakdown|split)\s+)?(?:analysis\s+)?"
    r"\(?by\s+[\w\- ]{2,30}\)?$"
    r"|^(?:market\s+)?segment(?:ation)?s?\s*\(by\s+[\w\- ]{2,30}\)$",
    re.I,
)
#: Head nouns of titles that name a part of a report ("Regional Analysis", "Competitive Landscape",
#: "FAQ Section") - rank offset 1 when they end a short title (or one colon-separated part of it).
_GROUP_HEADS = frozenset({
    "dynamics", "analysis", "segmentation", "segments", "landscape", "overview", "insights", "insight",
    "scope", "introduction", "summary", "methodology", "faq", "faqs", "questions", "profiles", "profiled",
    "conclusion", "conclusions", "outlook", "contents", "content", "definition", "highlights", "findings",
    "recommendations", "section", "appendix",
})
#: "Key Company", "Top Players Include", "Leading Manufacturers": company-list titles.
_PLAYERS_TITLE = re.compile(
    r"^(?:key|top|leading|major|main|prominent|profiled|list of)\b.*\b(?:compan(?:y|ies)|players|"
    r"manufacturers|vendors|suppliers|producers)(?:\s+(?:include|includes|profiled))?$"
)
_MAX_TITLE_WORDS = 25
#: A title naming the report's FAQ part ("FAQs", "Frequently Asked Questions"): what is under it is a
#: question and its answer, not a list of drivers or regions.
FAQ_TITLE = re.compile(r"\b(?:faqs?|frequently asked|questions)\b", re.I)


@dataclass(eq=False)
class Section:
    """One titled section of a document.

    ``title`` is clean (numbering, bullets and a trailing colon removed); ``span`` is where that clean
    title lies in the text rendition, so it can be quoted as evidence. ``number`` keeps the numbering as
    written ("1.", "2.1"). ``blocks`` is the section's own body; for prefix styles the block that carries the
    title belongs to the body too (the rest of it is the item's text).
    """

    title: str
    span: Span
    style: Style
    rank: float
    block_index: int  # index of the block carrying the title in ``TextDocument.blocks``
    number: str | None = None
    blocks: tuple[Block, ...] = ()
    body: Span | None = None  # from the end of the title to the end of the section's own body
    end_index: int = 0  # blocks[block_index:end_index] is the whole subtree
    parent: Section | None = field(default=None, repr=False)
    children: list[Section] = field(default_factory=list, repr=False)

    @property
    def depth(self) -> int:
        """Distance from a root of the outline (roots have depth 0)."""
        d, node = 0, self.parent
        while node is not None:
            d, node = d + 1, node.parent
        return d

    @property
    def level(self) -> int:
        return self.depth + 1

    def ancestors(self) -> Iterator[Section]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def descendants(self) -> Iterator[Section]:
        for child in self.children:
            yield child
            yield from child.descendants()

    def subtree_blocks(self, doc: TextDocument) -> tuple[Block, ...]:
        """Every block of the section and its descendants (titles of the descendants included)."""
        first = self.block_index if _is_prefix_block(doc, self) else self.block_index + 1
        return doc.blocks[first:self.end_index]

    def text(self, doc: TextDocument) -> str:
        return doc.text[self.span.start:self.span.end]


# ------------------------------------------------------------------ block predicates


def block_text(doc: TextDocument, block: Block) -> str:
    return doc.text[block.start:block.end]


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() plus "_"


def _content_chars(s: str) -> int:
    """Letters and digits in ``s`` (``str.isalnum``), counted in C rather than per character in Python."""
    return len(_NOT_ALNUM.sub("", s))


def strong_coverage(doc: TextDocument, block: Block) -> float:
    """Share of the block's letters and digits that lie inside bold runs (1.0 = an all-bold paragraph)."""
    if not block.strong:
        return 0.0  # most blocks: no need to count the letters
    total = _content_chars(block_text(doc, block))
    if not total:
        return 0.0
    inside = sum(
        _content_chars(doc.text[max(s.start, block.start):min(s.end, block.end)]) for s in block.strong
    )
    return min(1.0, inside / total)


def lead_strong(doc: TextDocument, block: Block, max_offset: int = 12) -> Span | None:
    """The bold run that opens a block (within ``max_offset`` characters of its start), if any.

    Catches "**North America** is a key region" and "The **rising demand for EVs** is a driver": a
    leading article or number may precede the bold run. The run is trimmed of spaces and a final colon.
    """
    for s in sorted(block.strong, key=lambda s: s.start):
        if s.end <= block.start or s.start >= block.end:
            continue
        if s.start - block.start > max_offset:
            return None
        before = doc.text[block.start:s.start]
        if before.strip() and not re.fullmatch(
            r"\s*(?:the|a|an|\d{1,2}[.)]?|[\u2022\u27a4*\-]|[IVX]{1,4}\.)\s*", before, re.I
        ):
            return None
        start, end = max(s.start, block.start), min(s.end, block.end)
        # An opening run may be split in two ("**Rising demand** **for EVs:**"): join adjacent runs.
        for t in sorted(block.strong, key=lambda s: s.start):
            if t.start >= end and not doc.text[end:t.start].strip() and t.start - end <= 2:
                end = min(t.end, block.end)
        return _trim(doc.text, start, end)
    return None


_WRAPPING_WORD = re.compile(r"(?:[,\-]|\b(?:and|or|of|the|to|in|for|with|a|an|by|from|on|at|as|than))$", re.I)


def wrapped_bold(doc: TextDocument, block: Block, nxt: Block | None) -> Span | None:
    """A bold title that a PDF rendition wrapped onto the next line, which the bold run's tail opens in
    lower case ("**Longer run times for**" / "**power tools.** Cordless drills ..."): the
    title's span over both lines. None when ``block`` is not such a first line."""
    if block.kind != "paragraph" or nxt is None or nxt.kind != "paragraph" or strong_coverage(doc, block) < 0.9:
        return None
    head = block_text(doc, block).strip()
    if not head or head[-1] in ".:;!?" or len(_words(head)) > 15:
        return None
    lead = lead_strong(doc, nxt, max_offset=0)
    tail = doc.text[lead.start:lead.end] if lead is not None else ""
    # the tail opens in lower case, or the head stops on a word a phrase cannot end with ("... in")
    joined = tail[:1].islower() or bool(_WRAPPING_WORD.search(head))
    if lead is None or not joined or not doc.text[lead.end:nxt.end].strip(" .:\t\n"):
        return None
    return _trim(doc.text, block.start, lead.end)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in "\u2022\u27a4*-\u2013\u2014>"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ":.;,\u2013\u2014-"):
        end -= 1
    return Span(start=start, end=end) if end > start else None


_WORD_RX = re.compile(r"[A-Za-z0-9][\w'&\-/]*")
_LETTERS_RX = re.compile(r"[A-Za-z]+")


def _words(s: str) -> list[str]:
    return _WORD_RX.findall(s)


def is_caps(s: str) -> bool:
    """An ALL-CAPS title: no lower-case letter and a word of 4+ letters ("NEI (U.S.)" is a name, no title)."""
    # the letter test first: it stops at the first lower-case letter, i.e. at once for ordinary prose
    if not all(ch.isupper() for ch in s if ch.isalpha()):
        return False
    return max((len(w) for w in _LETTERS_RX.findall(s)), default=0) >= 4


def _title_like(s: str) -> bool:
    """A short line that reads like a title: starts with a capital or digit, no final sentence stop."""
    s = s.strip()
    if not s or len(s) > 160 or s[-1] in ".,;!" or not (s[0].isupper() or s[0].isdigit()):
        return False
    words = _words(s)
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    return not re.search(r"https?://|www\.|@", s)


def _is_question(s: str) -> bool:
    return s.rstrip().endswith("?")


def _plain_short(doc: TextDocument, block: Block) -> bool:
    """A short, plain (non-bold) paragraph line: what list items written as paragraphs look like."""
    s = block_text(doc, block).strip()
    return (
        block.kind == "paragraph"
        and bool(s)
        and len(_words(s)) <= 10
        and s[-1] not in "."
        and strong_coverage(doc, block) < 0.5
        and not block.centered
    )


#: A markdown callout's type marker ("> [!warning] Restraints"): the title is what follows it.
_CALLOUT = re.compile(r"^\[![\w\-]+\][+\-]?\s*")
#: A closing time qualifier ("Trends observed in 2024", "Drivers for 2025-2030"): the title says what it
#: lists without it.
_WHEN_TAIL = re.compile(
    r"\s+(?:(?:observed|seen|noted|expected|to\s+watch)\s+)?(?:in|for|during|through|over|since)\s+"
    r"(?:19|20)\d\d(?:\s*[\-\u2013]\s*(?:19|20)?\d\d)?$"
)


@lru_cache(maxsize=16384)  # pure; outline, segments and dynamics each ask about the same titles
def semantic_offset(title: str) -> int:
    """Rank offset from what a title says: 1 group, 2 kind (dynamics kind or segmentation axis), 3 item.

    Group titles must be short and *end* with a head noun of the vocabulary, so that items such as
    "Industry Consolidation and Competitive Landscape" or "Regional Capacity Expansion Strategies" stay items.
    """
    t = re.sub(r"\s+", " ", title).strip(" :").lower()
    t = re.sub(r"\s*\((?!by\b)[^)]*\)", "", t).strip()
    t = _CALLOUT.sub("", t)
    t = re.sub(r"^\[([^\[\]]+)\]$", r"\1", t)  # "[Growth factor]": a bracketed label
    t = _WHEN_TAIL.sub("", t) or t
    if _is_question(t):
        # "What is driving demand?" / "Where are the opportunities?": a kind asked as a question (any other
        # question is an item, e.g. an FAQ entry).
        return 2 if _KIND_QUESTION.fullmatch(t.rstrip(" ?")) else 3
    for part in (t, *[p.strip() for p in t.split(":")]):
        if _KIND_TITLE.search(part) and (len(_words(part)) <= 8 or re.match(_KIND_OF_MARKET, part)):
            return 2
    for part in (t, *[p.strip() for p in t.split(":")]):
        words = _words(re.sub(r"\b(?:include|includes|including)$", "", part).strip())
        if words and len(words) <= 4 and words[-1] in _GROUP_HEADS and " and " not in part:
            return 1
        if words and len(words) <= 5 and _PLAYERS_TITLE.match(part):
            return 1
    return 3


# ------------------------------------------------------------------ recognising titles


@dataclass
class _Candidate:
    style: Style
    start: int
    end: int
    number: str | None
    offset: float | None  # None for real headings
    level: int | None = None


def _strip_number_and_bullet(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """Move ``start`` past bullets and numbering; return the numbering as written."""
    seg = text[start:end]
    m = _BULLET.match(seg)
    if m:
        start += m.end()
        seg = text[start:end]
    number = None
    m = _NUMBER.match(seg)
    if m and end - start - m.end() >= 3:
        number = m.group(1)
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    return start, end, number


def _number_depth(number: str | None) -> int:
    if not number:
        return 0
    return len([p for p in re.split(r"\.", number.strip(".)")) if p])


def next_sibling_number(a: str | None, b: str | None) -> bool:
    """``b`` numbers the part after ``a`` at the same depth ("2." then "3.", "[2]" then "[3]", "4.1" then
    "4.2"); items numbered from 1 under "3. By Type" are not."""
    if not a or not b or re.sub(r"\d+", "0", a) != re.sub(r"\d+", "0", b):
        return False
    x, y = [int(n) for n in re.findall(r"\d+", a)], [int(n) for n in re.findall(r"\d+", b)]
    return bool(x) and x[:-1] == y[:-1] and y[-1] > x[-1]


def _candidate(doc: TextDocument, i: int) -> _Candidate | None:
    block = doc.blocks[i]
    if block.kind == "table":
        return None
    raw = block_text(doc, block)
    if not raw.strip():
        return None
    if block.boilerplate and not _title_despite_boilerplate(doc, block):
        return None
    start, end, number = _strip_number_and_bullet(doc.text, block.start, block.end)
    span = _trim(doc.text, start, end)
    if span is None:
        return None
    title = doc.text[span.start:span.end]
    if block.kind == "heading":
        return _Candidate("heading", span.start, span.end, number, None, block.level or 1)

    depth = _number_depth(number)
    cover = strong_coverage(doc, block)
    stripped = raw.strip()
    if block.kind == "paragraph" and len(_words(title)) <= 10 and _in_introduced_list(doc, i):
        return None
    if wrapped_bold(doc, block, doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None) is not None:
        return None  # the first line of a bold lead wrapped onto the next line ("**X in**" / "**y.** Text")
    # 1. The whole block is bold (or bold and centred): a title unless it reads like a sentence.
    if block.kind == "paragraph" and cover >= 0.9 and _title_like(stripped.rstrip(":").strip()):
        style: Style = "centered" if block.centered else "caps" if is_caps(title) else "bold_line"
        if number and style != "caps":
            style = "numbered"
        offset = float(semantic_offset(title))
        if style == "caps" and offset == 3:
            offset = 1.0
        if style == "bold_line" and offset == 3 and _beside_plain_list_line(doc, i):
            return None  # "**BTR (China)**" among plain "Hina Battery (China)" lines: a list item
        if depth >= 2:
            offset = max(offset, float(depth))
        return _Candidate(style, span.start, span.end, number, offset)
    # 2. A bold prefix: "**Title:** body" (the colon inside or right after the bold run).
    lead = lead_strong(doc, block, max_offset=6)
    if lead is not None and block.kind in ("paragraph", "list_item"):
        after = doc.text[lead.end:block.end]
        m = re.match(r"\s*\**\s*:\s*\S", after) or re.match(r"\s*[:\u2013\u2014]\s*\S", after)
        head = doc.text[lead.start:lead.end]
        if m and _title_like(head) and len(_words(head)) <= 15:
            s2, e2, num2 = _strip_number_and_bullet(doc.text, lead.start, lead.end)
            return _Candidate("bold_prefix", s2, e2, num2 or number, 4.0)
    if block.kind == "list_item" and _lone_caps_item(doc, i, title):
        offset = float(semantic_offset(title))
        return _Candidate("caps", span.start, span.end, None, 1.0 if offset == 3 else offset)
    if block.kind != "paragraph":
        return None
    # 3. A plain numbered prefix "1. Title: body" or "1) Title - body of four words or more", or a numbered
    #    title line "2.1 Drivers".
    if number:
        m = re.match(r"([^:.!?]{3,100}?):\s+\S", doc.text[span.start:block.end]) or re.match(
            r"([^:.!?]{3,100}?)\s(?:--|[\-\u2013\u2014])\s+(?=(?:\S+\s+){3}\S)", doc.text[span.start:block.end]
        )
        if m and _title_like(m.group(1)) and len(_words(m.group(1))) <= 15:
            return _Candidate("numbered", span.start, span.start + len(m.group(1).rstrip()), number, 3.5)
        if _title_like(title) and len(_words(title)) <= 14:
            offset = float(semantic_offset(title))
            if is_caps(title) and offset == 3:
                offset = 1.0
            return _Candidate("numbered", span.start, span.end, number, max(offset, float(min(depth, 3))))
        return None
    # 4. ALL-CAPS short line.
    if is_caps(title) and len(_words(title)) <= 10 and _title_like(stripped.rstrip(":").strip()):
        offset = float(semantic_offset(title))
        return _Candidate("caps", span.start, span.end, None, 1.0 if offset == 3 else offset)
    # 5. Plain title-like line: a question, a line naming a part of the report, or a short line introducing
    #    prose (but not one line of a run of short lines, which is a list written as paragraphs).
    if not _title_like(stripped.rstrip(":").strip()) or len(_words(title)) > 14:
        return None
    if _is_question(title):
        return _Candidate("plain_heading", span.start, span.end, None, float(semantic_offset(title)))
    offset = float(semantic_offset(title))
    if stripped.endswith(":") and offset == 3:
        return None
    if offset < 3:
        return _Candidate("plain_heading", span.start, span.end, None, offset)
    prev_short = i > 0 and _plain_short(doc, doc.blocks[i - 1]) and not _candidate_is_vocab(doc, i - 1)
    nxt = _next_content(doc, i)
    next_short = nxt is not None and _plain_short(doc, nxt)
    if prev_short or next_short or nxt is None:
        return None
    body = block_text(doc, nxt).strip() if nxt.kind == "paragraph" else ""
    n = len(_words(body))
    # the line introduces prose: a long paragraph, or one whole sentence longer than the line itself
    # ("Molten Oxide Process Threat" / "The joint venture aims to ... before 2032.")
    if (n >= 15 or (n >= 8 and n > len(_words(title)) + 3 and body.endswith("."))) and len(_words(title)) <= 10:
        return _Candidate("plain_heading", span.start, span.end, None, 3.0)
    return None


def _lone_caps_item(doc: TextDocument, i: int, title: str) -> bool:
    """An ALL-CAPS list item between items that are not: a numbered report heading ("6. KEY TRENDS") that
    the renderer read as a list item. A list written wholly in capitals (company names) stays a list."""
    if not is_caps(title) or len(_words(title)) > 8 or not _title_like(title.rstrip(":")):
        return False
    if re.search(r"\d", title):  # "CAGR 2025-2033: 9.4%": a key figure, not a heading
        return False
    if _inside_list(doc, i):
        return False  # "PVDF" between "Polyacrylic Acid" and "Others": an acronym item, whatever its case
    return not any(
        0 <= j < len(doc.blocks) and doc.blocks[j].kind == "list_item"
        and is_caps(block_text(doc, doc.blocks[j]).strip())
        for j in (i - 1, i + 1)
    )


def _inside_list(doc: TextDocument, i: int) -> bool:
    """Whether list item ``i`` lies within a list: between two items of its run, or in a run that a lead-in
    ending in ":" introduces ("By chemistry:" / "SBR/CMC" / "PVDF"). A heading the renderer read as a list
    item opens a run after prose or closes one before prose, and follows no lead-in."""
    blocks = doc.blocks
    depth = blocks[i].depth
    j = i - 1
    while j >= 0 and blocks[j].kind == "list_item" and blocks[j].depth >= depth:
        j -= 1
    before = i - 1 > j  # an item of the run precedes
    nxt = _next_content(doc, i)
    after = nxt is not None and nxt.kind == "list_item" and nxt.depth >= depth
    if before and after:
        return True
    lead = block_text(doc, blocks[j]).strip() if j >= 0 and blocks[j].kind == "paragraph" else ""
    return lead.endswith(":")


def _in_introduced_list(doc: TextDocument, i: int) -> bool:
    """Whether block ``i`` belongs to a run of short lines introduced by a lead-in sentence ending in ':'.

    "The survey covered various aspects, including:" followed by short lines is a list written as
    paragraphs; its lines are items, never titles, whatever words they contain. The run only extends over
    lines styled like block ``i`` (all plain or all bold), so a bold "By Application" after a plain list
    still starts a section. A list needs two lines: one bold line after the lead-in, over a list or prose
    ("... segmented on the basis of source and application:" / "**Source outlook (revenue, ...)**" / items),
    is the title of what follows, like the bold lines after it.
    """
    bold = strong_coverage(doc, doc.blocks[i]) >= 0.9

    def run_line(b: Block) -> bool:
        s = block_text(doc, b).strip()
        same_style = (strong_coverage(doc, b) >= 0.9) == bold and not b.centered
        return b.kind == "paragraph" and same_style and len(_words(s)) <= 10 and s[-1] not in ".:"

    j = i - 1
    alone = True  # no line of the run before block i
    while j >= 0:
        b = doc.blocks[j]
        s = block_text(doc, b).strip()
        if not s:
            j -= 1
            continue
        if run_line(b):
            j, alone = j - 1, False
            continue
        if bold and alone:
            nxt = _next_content(doc, i)
            if nxt is None or not run_line(nxt):
                return False
        return (
            b.kind == "paragraph" and s.endswith(":") and len(_words(s)) >= 5
            and strong_coverage(doc, b) < 0.9 and not _NUMBER.match(s)
        )
    return False


_BOILER_WORDS = re.compile(
    r"https?://|www\.|@|\b(?:contact|follow us|table of contents?|toc|download|sample|chapter\s+\d|"
    r"phone|e-?mail|call|linkedin|twitter)\b",
    re.I,
)


def _title_despite_boilerplate(doc: TextDocument, block: Block) -> bool:
    """A bold, centred or ALL-CAPS title that the boilerplate flagging swept up (it flags the short blocks
    after a table of contents up to the next heading, which may be a styled paragraph it cannot see)."""
    s = block_text(doc, block).strip()
    styled = strong_coverage(doc, block) >= 0.9 or block.centered or is_caps(s)
    return styled and not _BOILER_WORDS.search(s) and not _NUMBER.match(s) and _title_like(s.rstrip(":"))


def _beside_plain_list_line(doc: TextDocument, i: int) -> bool:
    """A short bold line next to a short plain line: one emphasised item of a list written as lines."""
    if len(_words(block_text(doc, doc.blocks[i]))) > 6:
        return False
    neighbours = [doc.blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(doc.blocks)]
    return any(
        _plain_short(doc, b) and len(_words(block_text(doc, b))) <= 6 and not b.boilerplate
        and semantic_offset(block_text(doc, b)) == 3
        for b in neighbours
    )


def _candidate_is_vocab(doc: TextDocument, i: int) -> bool:
    b = doc.blocks[i]
    return semantic_offset(block_text(doc, b).strip()) < 3


def _next_content(doc: TextDocument, i: int) -> Block | None:
    for b in doc.blocks[i + 1:]:
        if block_text(doc, b).strip():
            return b
    return None


def _is_prefix_block(doc: TextDocument, sec: Section) -> bool:
    b = doc.blocks[sec.block_index]
    return sec.span.end < b.end - 1 and bool(doc.text[sec.span.end:b.end].strip(" :*\n\t"))


# ------------------------------------------------------------------ the outline


def outline(doc: TextDocument) -> list[Section]:
    """Every section of ``doc`` in document order, linked into a tree (``parent``/``children``).

    Roots are the sections whose ``parent`` is None (usually the ``<h1>`` title alone).
    """
    found: list[tuple[int, _Candidate]] = []
    for i in range(len(doc.blocks)):
        cand = _candidate(doc, i)
        if cand is not None:
            found.append((i, cand))

    sections: list[Section] = []
    base = 0.0
    for i, cand in found:
        if cand.offset is None:
            rank = 10.0 * (cand.level or 1)
            base = rank
        else:
            rank = base + cand.offset
        title = re.sub(r"\s+", " ", doc.text[cand.start:cand.end]).strip()
        sections.append(
            Section(title=title, span=Span(start=cand.start, end=cand.end), style=cand.style, rank=rank,
                    block_index=i, number=cand.number)
        )

    # Own bodies: up to the next title of any rank.
    for k, sec in enumerate(sections):
        nxt = sections[k + 1].block_index if k + 1 < len(sections) else len(doc.blocks)
        prefix = _is_prefix_block(doc, sec)
        first = sec.block_index if prefix else sec.block_index + 1
        sec.blocks = doc.blocks[first:nxt]
        body_end = doc.blocks[nxt - 1].end if nxt - 1 >= first else sec.span.end
        sec.body = Span(start=sec.span.end, end=max(sec.span.end, body_end))

    # Tree: a section's parent is the nearest earlier section of a strictly higher rank.
    stack: list[Section] = []
    for sec in sections:
        while stack and stack[-1].rank >= sec.rank:
            stack.pop()
        if stack:
            sec.parent = stack[-1]
            stack[-1].children.append(sec)
        stack.append(sec)
    for k, sec in enumerate(sections):
        sec.end_index = len(doc.blocks)
        for later in sections[k + 1:]:
            if later.rank <= sec.rank:
                sec.end_index = later.block_index
                break
    return sections


# ------------------------------------------------------------------ finding sections


def _compile(patterns: str | Iterable[str]) -> list[re.Pattern[str]]:
    if isinstance(patterns, str):
        patterns = [patterns]
    return [re.compile(p, re.I) for p in patterns]


def find_sections(sections: Iterable[Section], patterns: str | Iterable[str]) -> list[Section]:
    """All sections whose title matches one of the regular expressions (case-insensitive ``search``)."""
    rx = _compile(patterns)
    return [s for s in sections if any(r.search(s.title) for r in rx)]


def find_section(sections: Iterable[Section], patterns: str | Iterable[str]) -> Section | None:
    """The first section (document order) whose title matches one of the patterns, or None."""
    found = find_sections(sections, patterns)
    return found[0] if found else None


def section_at(sections: Iterable[Section], block_index: int) -> Section | None:
    """The innermost section whose subtree contains the block with this index (None before any title)."""
    best: Section | None = None
    for s in sections:
        if s.block_index <= block_index < s.end_index and (best is None or s.rank > best.rank):
            best = s
    return best


def roots(sections: Iterable[Section]) -> list[Section]:
    return [s for s in sections if s.parent is None]


__all__ = [
    "FAQ_TITLE",
    "Section",
    "Style",
    "block_text",
    "find_section",
    "find_sections",
    "is_caps",
    "lead_strong",
    "next_sibling_number",
    "outline",
    "roots",
    "section_at",
    "semantic_offset",
    "strong_coverage",
    "wrapped_bold",
]
