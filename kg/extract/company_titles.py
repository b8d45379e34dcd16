"""Recognising the titles that open a list of players ("Key Players", "Companies profiled:", "[8]
COMPANIES", "Competitive Landscape", a deck slide's "=== Slide 7 === Competitive landscape") and the
titles that end one. A title can be a real heading, a bold or centred line, a numbered or all-caps
paragraph, or a one-line lead-in; telling these from list lines is the list reader's hardest decision, so
it is kept here, apart from reading the lines themselves. Loose titles ("Competitive Landscape", a bare
"Suppliers") hold prose too, which the list reader treats more strictly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.company_filters import registry_key
from kg.extract.company_words import CUSTOMER_QUALIFIERS, ITEM_OPENER_RX, PLAYER_NOUNS
from kg.extract.names import has_legal_suffix
from kg.models import Block, TextDocument

_QUALIFIERS = (
    r"(?:key|major|leading|top|prominent|main|notable|principal|dominant|important|largest|biggest|"
    r"profiled|primary|significant|established|emerging|known)"
)
#: Titles that introduce a list of players.
LIST_TITLE = re.compile(
    rf"\b{_QUALIFIERS}\b.{{0,80}}\b{PLAYER_NOUNS}\b"
    rf"|\b{PLAYER_NOUNS}\b.{{0,40}}\b(?:profiled|covered|included|analy[sz]ed|listed|studied|mentioned)\b"
    # "The study profiles the following producers:", "The company chapter profiles ten suppliers:"
    rf"|\b(?:profiles|covers|lists)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){{0,2}}{PLAYER_NOUNS}\b"
    # a title asked as a question: "Who are the players?", "Which companies lead?"
    rf"|^(?:who|which)\b[^?.]{{0,40}}\b{PLAYER_NOUNS}\b"
    # "Company profiles", a page's "Company cards" / "Company snapshots"
    r"|\bcompany[ \t]+(?:profiles?|cards?|snapshots?|overviews?|spotlights?)\b"
    rf"|\blist of\b.{{0,80}}\b{PLAYER_NOUNS}\b|\b{PLAYER_NOUNS}[ \t]+to[ \t]+watch\b"
    r"|\bmarket\s+(?:compan(?:y|ies)|players|manufacturers|vendors|suppliers|producers)\s*$",
    re.I,
)
#: Looser titles: the section usually names players but also holds prose and sub-titles.
LOOSE_TITLE = re.compile(
    r"\bcompetitive landscape\b|\bcompetitor analysis\b|\bcompetition\b|\bvendor landscape\b|"
    r"\bmarket players\b|\bmarket share analysis\b",
    re.I,
)
#: A section number before a title: "[8]", "8.", "8.2", "(8)", "IV.", "Section 8:".
SECTION_NUMBER_RX = re.compile(
    r"^[ \t]*(?:\[\d{1,2}\]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}[.)]|"
    r"(?:section|chapter|part)[ \t]+\d{1,2}[.:]?)[ \t]+(?=\S)",
    re.I,
)
#: A title that is nothing but a player noun ("Companies", "[8] COMPANIES", "Suppliers"): a loose title.
BARE_TITLE_RX = re.compile(
    r"(?:the[ \t]+)?(?:compan(?:y|ies)|players|manufacturers|suppliers|producers|vendors|competitors|"
    r"participants|makers)",
    re.I,
)
#: "Companies profiled: A, B" and the key | value line of a report-scope table "Key companies profiled | A; B".
TITLE_TAIL = re.compile(r"^(?P<title>[^:|\n]{3,120})(?::|[ \t]\|)[ \t]*(?P<tail>\S.*)$")


#: A lead-in sentence that counts the players it is about to list: "We look at three paste makers here:",
#: "The following producers matter:".
_COUNTED_LEAD_RX = re.compile(
    rf"\b(?:the[ \t]+following|these|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})"
    rf"[ \t]+(?P<qual>(?:[\w-]+[ \t]+){{0,2}}?){PLAYER_NOUNS}\b[^:]*:$",
    re.I,
)


def counted_lead(line: str) -> bool:
    """A line ending in ":" that announces a counted list of players, not of customers ("five cell makers:")."""
    m = _COUNTED_LEAD_RX.search(line.strip())
    if m is None:
        return False
    qual = m.group("qual").split()
    return not (qual and qual[-1].casefold() in CUSTOMER_QUALIFIERS)


def title_blocks(outline: Sequence[object] | None) -> set[int]:
    """Indices of blocks the outline treats as whole-block titles (not "**Title:** body" prefixes)."""
    out: set[int] = set()
    for sec in outline or ():
        idx = getattr(sec, "block_index", None)
        if isinstance(idx, int) and getattr(sec, "style", None) != "bold_prefix":
            out.add(idx)
    return out


def _strong_cover(doc: TextDocument, block: Block) -> float:
    if not block.strong:
        return 0.0  # most blocks: no need to count the letters
    total = sum(ch.isalnum() for ch in doc.text[block.start:block.end])
    if not total:
        return 0.0
    inside = sum(
        sum(ch.isalnum() for ch in doc.text[max(s.start, block.start):min(s.end, block.end)])
        for s in block.strong
    )
    return inside / total


def is_title(doc: TextDocument, i: int, block: Block, titles: set[int]) -> bool:
    text = doc.text[block.start:block.end].strip()
    if block.kind == "heading" or i in titles:
        return True
    if not text or len(text.split()) > 20:
        return False
    return text.endswith(":") or _strong_cover(doc, block) >= 0.9 or block.centered


def caps_header_after_prose(doc: TextDocument, i: int, after_prose: bool) -> bool:
    """A plain-text section header between prose paragraphs ("Q&A", "LOGISTICS"): a one-line all-caps
    paragraph after prose that the next paragraph never names. A company's own line in a card layout is
    followed by its description, which names it; a registered or legal name is always kept."""
    block = doc.blocks[i]
    if not after_prose or block.kind not in ("paragraph", "heading") or i + 1 >= len(doc.blocks):
        return False
    line = doc.text[block.start:block.end].strip()
    letters = [ch for ch in line if ch.isalpha()]
    if "\n" in line or len(line.split()) > 4 or len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return False
    if has_legal_suffix(line) or registry_key(line) is not None:
        return False
    nxt = doc.blocks[i + 1]
    return line.lower() not in doc.text[nxt.start:nxt.end].lower()


#: A slide or page marker an export puts before a slide's title: "=== Slide 7 ===", "--- Page 3 ---".
SLIDE_MARK_RX = re.compile(r"^[ \t]*(?:={2,}|-{3,})[^=\n]{1,40}?(?:={2,}|-{3,})[ \t]*")


def list_lead_title(doc: TextDocument, i: int) -> bool:
    """A short unstyled paragraph that names a players section and is followed by list lines (a slide's
    title in a deck export: "=== Slide 7 === Competitive landscape"): a title for the list below it."""
    block = doc.blocks[i]
    if block.kind != "paragraph" or i + 1 >= len(doc.blocks):
        return False
    nxt = doc.blocks[i + 1]
    if nxt.kind != "list_item" and not (nxt.kind == "paragraph" and ITEM_OPENER_RX.match(doc.text, nxt.start)):
        return False
    line = SLIDE_MARK_RX.sub("", doc.text[block.start:block.end]).strip().rstrip(":").strip()
    if not line or "\n" in line or len(line.split()) > 6 or line[-1] in ".;,!?":
        return False
    return bool(LIST_TITLE.search(line) or LOOSE_TITLE.search(line))


def players_title_line(raw: str) -> bool:
    """A short line styled as a section title only by its number or its capitals ("[8] COMPANIES",
    "KEY PLAYERS", "9) Major Manufacturers") that names a players section: a title even as a paragraph.
    Other such lines keep their old reading (an all-caps "JAPAN" inside a players list is not an end)."""
    line = raw.strip().rstrip(":").strip()
    # A parenthetical note after the capitals is not part of the title: "KNOWN SUPPLIERS (non-exhaustive)".
    line = re.sub(r"[ \t]*\([^()\n]{1,80}\)$", "", line)
    if not line or len(line.split()) > 10 or line[-1] in ".;,!?":
        return False
    numbered = SECTION_NUMBER_RX.match(line)
    title = line[numbered.end():] if numbered else line
    letters = [ch for ch in title if ch.isalpha()]
    if not (numbered or (len(letters) >= 4 and all(ch.isupper() for ch in letters))):
        return False
    return bool(LIST_TITLE.search(title) or LOOSE_TITLE.search(title) or BARE_TITLE_RX.fullmatch(title))


__all__ = [
    "BARE_TITLE_RX",
    "LIST_TITLE",
    "LOOSE_TITLE",
    "SECTION_NUMBER_RX",
    "SLIDE_MARK_RX",
    "TITLE_TAIL",
    "caps_header_after_prose",
    "counted_lead",
    "is_title",
    "list_lead_title",
    "players_title_line",
    "title_blocks",
]
