"""The most reliable source of players: lists under a players title. It walks the blocks in order and keeps
the state of the list it is in -- opened by which title, loose or strict, at which heading level -- so that
deeper headings, list lines, tables and name-only paragraphs count while the next title that is not a name
ends the list. Under a loose title a lone short line is not enough: it takes two names in a row or a legal
suffix. The walk is separate from the line readers it calls so that its one piece of state stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.company_candidates import Candidate, enumeration_candidates
from kg.extract.company_countries import P_ATTACHED
from kg.extract.company_filters import registry_key
from kg.extract.company_list_lines import (
    hq_line_country,
    item_candidate,
    leader_candidates,
    line_enumeration,
    paren_run,
)
from kg.extract.company_tables import table_candidates
from kg.extract.company_titles import (
    BARE_TITLE_RX,
    LIST_TITLE,
    LOOSE_TITLE,
    SECTION_NUMBER_RX,
    SLIDE_MARK_RX,
    TITLE_TAIL,
    caps_header_after_prose,
    counted_lead,
    is_title,
    list_lead_title,
    players_title_line,
    title_blocks,
)
from kg.extract.company_words import CUSTOMER_NOUNS, CUSTOMER_QUALIFIERS
from kg.extract.names import has_legal_suffix
from kg.models import Block, TextDocument

_NUMBERED_RX = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+\S")


@dataclass
class _Mode:
    loose: bool
    level: int | None  # heading level of a real heading that opened the list, else None


#: A numbered contents line: "8.3 Company profiles", "8.3.1 Example Carbon Co., Ltd. (China)".
_TOC_ENTRY_RX = re.compile(r"[ \t]*(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+(?P<title>\S[^\n]*)")


class _TocProfiles:
    """The companies a table of contents lists under its "Company profiles" entry: the entries numbered
    one level below it ("7.2" -> "7.2.1 A Corp. (US)"), as a sample's contents is often the only place
    that names every profiled player. Deeper entries ("7.2.1.1 Business overview") are sections of a
    profile, and the first entry outside the numbering ends the list."""

    def __init__(self) -> None:
        self.number: str | None = None

    def read(self, doc: TextDocument, block: Block) -> Candidate | None:
        m = _TOC_ENTRY_RX.fullmatch(doc.text, block.start, block.end)
        if m is None or block.kind == "table":
            self.number = None
            return None
        num, title = m.group("num"), m.group("title").strip()
        if LIST_TITLE.search(title) and len(title.split()) <= 6:
            self.number = num
            return None
        if self.number is None or not num.startswith(self.number + "."):
            self.number = None
            return None
        if num.count(".") != self.number.count(".") + 1:
            return None
        return item_candidate(doc, block)


def list_candidates(doc: TextDocument, outline: Sequence[object] | None) -> list[Candidate]:
    titles = title_blocks(outline)
    text = doc.text
    out: list[Candidate] = []
    mode: _Mode | None = None
    run: list[Candidate] = []
    after_prose = False
    table_run = False  # the run continues a players table (a PDF table's last row spilled into a list line)
    labels = card_labels(doc)

    def flush() -> None:
        nonlocal table_run
        if run and mode is not None:
            if not mode.loose or len(run) >= 2 or table_run:
                out.extend(run)
            else:
                out.extend(c for c in run if has_legal_suffix(text[c.start:c.end]))
        run.clear()
        table_run = False

    toc = _TocProfiles()
    for i, block in enumerate(doc.blocks):
        if block.boilerplate:
            if (cand := toc.read(doc, block)) is not None:
                out.append(cand)
            if block.kind == "heading" and mode is not None and (
                mode.level is None or (block.level or 1) <= mode.level
            ):
                flush()  # "Chapter 3: Market Dynamics" flagged as page furniture still ends the list above it
                mode = None
            continue
        raw = text[block.start:block.end]
        if not raw.strip():
            continue
        if block.kind == "table":
            flush()
            tabled = table_candidates(doc, block, in_list=mode is not None)
            out.extend(tabled)
            table_run = mode is not None and len(tabled) >= 2
            continue
        if i in labels:
            continue  # "Focus" over each card's description: a field label, never a company
        if block.kind != "list_item" and not run:
            table_run = False
        deeper = mode is not None and (
            mode.level is None or block.kind != "heading" or (block.level or 1) > mode.level
            or _NUMBERED_RX.match(raw) is not None  # "1. Sila Nanotechnologies Inc. (US)" read as a heading
        )
        if deeper and (hq := hq_line_country(doc, block)) is not None:
            # "Rugby, United Kingdom" under a name: the card's address line, not a company.
            prev = run[-1] if run else None
            j = i - 1
            while j in labels:  # "Headquarters" between the card's name and its address line
                j -= 1
            if prev is not None and prev.country is None and j >= 0 and doc.blocks[j].start <= prev.start:
                prev.country, prev.country_span, prev.priority = hq[0], hq[1], P_ATTACHED
            continue
        if deeper and caps_header_after_prose(doc, i, after_prose):
            after_prose = False
            continue
        after_prose = False
        if deeper:
            led = leader_candidates(doc, block)
            if led:
                run.extend(led)
                continue
            cand = item_candidate(doc, block)
            if cand is not None:
                run.append(cand)
                run.extend(cand.renamed)
                continue
            listed = line_enumeration(doc, block) or paren_run(doc, block) or _labelled_line(doc, block)
            if listed:
                run.extend(listed)
                continue
        stripped = raw.strip()
        tail = TITLE_TAIL.match(stripped)
        if tail and LIST_TITLE.search(tail.group("title")) and not LIST_TITLE.search(tail.group("tail")):
            # "Companies profiled: A, B and C" on one line.
            flush()
            base = block.start + raw.index(stripped) + tail.start("tail")
            # the lines of a plain-text list joined to their lead-in: "Key players include: A Inc. (US) B AG (DE)"
            out.extend(paren_run(doc, block, base) or enumeration_candidates(doc, base, block.end, phrase=None))
            mode = None
            continue
        players_line = players_title_line(raw) or list_lead_title(doc, i)
        if mode is not None and not players_line and _lead_in_sentence(doc, i):
            flush()  # "The register uses the following names:" opens the list below, under the same title
            continue
        if players_line or is_title(doc, i, block, titles):
            flush()
            title = SECTION_NUMBER_RX.sub("", SLIDE_MARK_RX.sub("", stripped).rstrip(":").strip())
            bare = BARE_TITLE_RX.fullmatch(title) is not None
            counted = counted_lead(stripped)
            if len(title.split()) <= 20 and (LIST_TITLE.search(title) or LOOSE_TITLE.search(title) or bare or counted):
                mode = _Mode(loose=bare or not (LIST_TITLE.search(title) or counted),
                             level=(block.level or 1) if block.kind == "heading" else None)
            elif mode is not None and (
                block.kind != "heading" or mode.level is None or (block.level or 1) <= mode.level
            ):
                mode = None
        else:
            flush()  # prose breaks a run of names, but not the section
            after_prose = True
            if _closing_lead(doc, block):
                mode = _Mode(loose=False, level=mode.level if mode is not None else None)
    flush()
    return out


_LAST_SENTENCE_RX = re.compile(r"(?:^|[.!?][ \t]+)(?P<last>[A-Z][^.!?\n]*:)[ \t]*$")


def _closing_lead(doc: TextDocument, block: Block) -> bool:
    """A prose paragraph whose last sentence announces the players listed below it ("... revenue in 2024.
    The study covers the following producers:"): the list lines that follow are players even where no
    title opened a players section -- the lead-in sits at the end of a paragraph, not on its own line."""
    raw = doc.text[block.start:block.end].rstrip()
    if block.kind != "paragraph" or not raw.endswith(":"):
        return False
    m = _LAST_SENTENCE_RX.search(raw)
    if m is None:
        return False
    last = m.group("last")
    return counted_lead(last) or LIST_TITLE.search(last) is not None


#: A list line under a players title that opens with a short label or a ranking word: "Challengers: A (US),
#: B (UK)", "Followed by C (Japan) and D (Korea)". re.I is for "followed by"; the capitals stay capitals.
_LABELLED_LINE_RX = re.compile(
    r"[ \t]*(?:(?:followed|trailed)[ \t]+by|(?P<label>(?-i:[A-Z])[\w-]*(?:[ \t]+[\w-]+){0,2})[ \t]*:)[ \t]+"
    r"(?=(?-i:[A-Z])|\d)",
    re.I,
)


def _labelled_line(doc: TextDocument, block: Block) -> list[Candidate]:
    """The names of a labelled list line when every one carries its "(Country)": two at least, and the
    label is no customer's or partner's ("Customers: A (US), B (JP)")."""
    lm = _LABELLED_LINE_RX.match(doc.text, block.start, block.end)
    if lm is None:
        return []
    words = [w.casefold() for w in re.findall(r"[\w-]+", lm.group("label") or "")]
    if any(w in CUSTOMER_NOUNS or w in CUSTOMER_QUALIFIERS or w.rstrip("s") + "s" in CUSTOMER_NOUNS for w in words):
        return []
    found = enumeration_candidates(doc, lm.end(), block.end, phrase=None)
    return found if len(found) >= 2 and all(c.country for c in found) else []


def _lead_in_sentence(doc: TextDocument, i: int) -> bool:
    """A plain paragraph that is a sentence ending in ":" (eight words or more, opening on a capital and
    holding lower-case words): the lead-in to a list, not a title that would end the list it is in."""
    block = doc.blocks[i]
    if block.kind != "paragraph" or block.strong:
        return False
    line = doc.text[block.start:block.end].strip()
    words = line.split()
    return (
        line.endswith(":") and "\n" not in line and len(words) >= 8
        and sum(w[:1].islower() for w in words) >= len(words) // 2
    )


def card_labels(doc: TextDocument) -> set[int]:
    """Blocks that are field labels of company cards ("Headquarters", "Focus", "Key products"): a short
    line of one to three words repeated verbatim on three lines at least. A company is named once per card
    list; a label recurs on every card. A legal or registered name is never a label."""
    seen: dict[str, list[int]] = {}
    for i, block in enumerate(doc.blocks):
        if block.kind not in ("paragraph", "heading") or block.boilerplate:
            continue
        line = doc.text[block.start:block.end].strip().rstrip(":").strip()
        if not line or "\n" in line or len(line.split()) > 3 or not line[0].isupper():
            continue
        seen.setdefault(line.casefold(), []).append(i)
    out: set[int] = set()
    for line, found in seen.items():
        if len(found) >= 3 and not has_legal_suffix(line) and registry_key(line) is None:
            out.update(found)
    return out


__all__ = ["list_candidates"]
