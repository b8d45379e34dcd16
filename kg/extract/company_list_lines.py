"""Reading one line under a players title as companies: a name with a "(Country)", "- Country" or
": description" tail, a bold name opening prose, a line that is nothing but names, list lines that markdown
ran together into one paragraph ("A Co., Ltd. (Japan) B Corp. (Japan)"), dotted-leader lines ("A Corp.
(US) ...... lithium foil"), and the lines that only look like entries: a card's "City, Country" address
line (the country of the name above) and a "Partners: A and B" label. The list reader decides *whether* a
line is inside a list; this module decides what the line names.
"""

from __future__ import annotations

import re

from kg.extract.company_candidates import Candidate, enumeration_candidates, rename_candidates
from kg.extract.company_countries import P_ATTACHED, country_in, country_in_description, parens_country
from kg.extract.company_filters import date_name, registry_key
from kg.extract.company_words import LEAD_IN
from kg.extract.geo import city_country, country_code
from kg.extract.names import (
    LEADER_RX,
    ItemParts,
    has_legal_suffix,
    looks_like_company,
    name_end,
    parentheses,
    split_enumeration,
    split_list_item,
    trim_name,
)
from kg.extract.sections import lead_strong
from kg.models import Block, TextDocument

#: A whole line that is an address: "Rugby, United Kingdom", "Tucson, Arizona, United States".
_HQ_LINE_RX = re.compile(
    r"[ \t]*(?:[A-Z][\w'’.\-]*(?:[ \t]+(?:[a-z]{1,4}[ \t]+)?[A-Z][\w'’.\-]*){0,2},[ \t]*){1,2}"
    r"(?P<country>[A-Z][\w'’. ]{1,30}?)[ \t.]*"
)


def hq_line_country(doc: TextDocument, block: Block) -> tuple[str, tuple[int, int]] | None:
    """The country of a line that is nothing but "City, Country" (a company card's address line): such a
    line names where the company above it sits, never a company of its own."""
    m = _HQ_LINE_RX.fullmatch(doc.text, block.start, block.end)
    if m is None or (code := country_code(m.group("country"))) is None:
        return None
    head = doc.text[block.start:m.start("country")]
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if has_legal_suffix(head.strip(" \t,")) or any(registry_key(p) and not city_country(p) for p in parts):
        return None  # "Nexeon, UK": a listed company with its country
    return code, m.span("country")


def paren_run(doc: TextDocument, block: Block, start: int | None = None) -> list[Candidate]:
    """One-name-per-line list lines run together into one paragraph (markdown joins lines that no blank
    line parts): "A Co., Ltd. (Japan) B Corporation (Japan) C Ltd (China)". Each name must be closed by
    its parentheses, look like a company and be followed by the next name; two names at least.
    ``start`` reads the run from inside the block (after a "... players include:" lead-in)."""
    text = doc.text
    begin = block.start if start is None else start
    lead = LEAD_IN.match(text, begin, block.end)
    pos = lead.end() if lead else begin
    out: list[Candidate] = []
    while pos < block.end:
        cut = name_end(text, pos, block.end)
        if cut is None:
            return []
        parens, after = parentheses(text, cut, block.end)
        s, e = trim_name(text, pos, cut)
        found = parens_country(text, parens)
        if not parens or e <= s or not looks_like_company(text[s:e], country_stated=found is not None):
            return []
        cand = Candidate(s, e)
        if found:
            cand.country, cand.country_span, cand.priority = found[0], found[1], P_ATTACHED
        out.append(cand)
        out.extend(rename_candidates(doc, parens, text[s:e]))
        pos = after + len(text[after:block.end]) - len(text[after:block.end].lstrip(" \t.;,"))
    return out if len(out) >= 2 else []


def line_enumeration(doc: TextDocument, block: Block) -> list[Candidate]:
    """A line under a players title that is nothing but names: "A Co., Ltd. (Japan), B (Korea), C".

    Every piece must look like a company and the names must reach the end of the line (bar a final
    stop), so a sentence that merely starts with a name is not taken.
    """
    text = doc.text
    lead = LEAD_IN.match(text, block.start, block.end)
    start = lead.end() if lead else block.start
    items = split_enumeration(text, start, block.end)
    if len(items) < 2:
        return []
    after = items[-1].after
    if text[after:block.end].strip(" \t.;,"):
        return []
    out = enumeration_candidates(doc, start, block.end, phrase=None)
    return out if len(out) == len(items) else []


def leader_candidates(doc: TextDocument, block: Block) -> list[Candidate]:
    """Dotted-leader lines run together into one paragraph (a hard-wrapped list rendered as prose):
    "A Corp. (US) ........ lithium foil B Co., Ltd. (China) ..... metal". Each leader closes a name (and
    its parentheses); the name starts at the first capitalised word after the previous description from
    which a name reaches that leader. Takes two leaders at least, and every name must look like a company.
    """
    text = doc.text
    leaders = list(LEADER_RX.finditer(text, block.start, block.end))
    if len(leaders) < 2:
        return []
    lead = LEAD_IN.match(text, block.start, block.end)
    seg = lead.end() if lead else block.start
    out: list[Candidate] = []
    for lm in leaders:
        cand = None
        for wm in re.finditer(r"(?<![\w'’.&-])[A-Z\d]", text[seg:lm.start()]):
            p = seg + wm.start()
            cut = name_end(text, p, lm.end())
            if cut is None:
                continue
            parens, pos = parentheses(text, cut, lm.end())
            if (tail := LEADER_RX.match(text, pos, block.end)) is None or tail.end() != lm.end():
                continue
            s, e = trim_name(text, p, parens[0][0] - 1 if parens else pos)
            found = parens_country(text, parens)
            if e > s and looks_like_company(text[s:e], country_stated=found is not None):
                cand = Candidate(s, e)
                if found:
                    cand.country, cand.country_span, cand.priority = found[0], found[1], P_ATTACHED
                cand.renamed = rename_candidates(doc, parens, text[s:e])
            break
        if cand is None:
            return []
        out.append(cand)
        out.extend(cand.renamed)
        seg = lm.end()
    return out


def item_candidate(doc: TextDocument, block: Block) -> Candidate | None:
    """One list line as a company, with the country its parenthesis or tail states.

    The line is a name with an optional "(Country)", "- Country" or ": description" tail, or it opens
    with a bold name followed by prose ("**Kuraray** is a Japanese chemical company ...").
    """
    parts = split_list_item(doc.text, block.start, block.end)
    if parts is not None and not looks_like_company(doc.text[parts.start:parts.end]):
        # A generic-looking name is still a company when the line states its country.
        stated = parens_country(doc.text, parts.parens)
        if not (stated and looks_like_company(doc.text[parts.start:parts.end], country_stated=True)):
            parts = None
    if parts is None:
        lead = lead_strong(doc, block, max_offset=3)
        if lead is None or lead.end >= block.end:
            return None
        parts = split_list_item(doc.text, lead.start, lead.end)
        if parts is None or not looks_like_company(doc.text[parts.start:parts.end]):
            return None
        parts = ItemParts(parts.start, parts.end, parts.paren, (lead.end, block.end), parts.parens)
    if _lead_in_label(doc, block, parts) or (parts.tail and _ROLE_RX.match(doc.text, *parts.tail)):
        return None  # "Jane Doe - Senior Analyst, Example Research": a person and her job, not a company
    name = doc.text[parts.start:parts.end]
    if date_name(name) or _subsection_heading(doc, block, parts):
        return None  # "March 2025: A opened a plant" / "Recent Developments": a news item, a sub-section
    cand = Candidate(parts.start, parts.end)
    cand.renamed = rename_candidates(doc, parts.parens, doc.text[parts.start:parts.end])
    found = parens_country(doc.text, parts.parens)
    if found is None and parts.tail:
        found = country_in(doc.text, *parts.tail) or country_in_description(doc.text, *parts.tail)
    if found:
        cand.country, cand.country_span, cand.priority = found[0], found[1], P_ATTACHED
    return cand


def _subsection_heading(doc: TextDocument, block: Block, parts: ItemParts) -> bool:
    """A heading inside a players list that titles a sub-section ("Recent Developments", "Strategic
    Partnerships"), not a company's profile: it ends in a noun of corporate news, states no country, has
    no legal form, and the text below it never repeats its first word (a profile's heading is followed by
    prose naming the company)."""
    name = doc.text[parts.start:parts.end]
    words = name.split()
    if block.kind != "heading" or parts.parens or words[-1].casefold() not in _NEWS_NOUNS:
        return False
    if has_legal_suffix(name) or registry_key(name) is not None:
        return False
    below = doc.text[block.end:block.end + _BELOW]
    return re.search(rf"(?<!\w){re.escape(words[0])}(?!\w)", below, re.I) is None


#: The nouns that title a section of corporate news under a players list.
_NEWS_NOUNS = frozenset({
    "developments", "partnerships", "collaborations", "alliances", "acquisitions", "mergers", "deals",
    "investments", "expansions", "launches", "innovations", "initiatives", "strategies", "agreements",
    "announcements", "updates", "news", "events", "milestones",
})
#: How far below a heading its section is read for the heading's name.
_BELOW = 400


def _lead_in_label(doc: TextDocument, block: Block, parts: ItemParts) -> bool:
    """A label, not a company with its description: a one- or two-word head before ":" whose text opens
    with two names or more ("Partners: Kestrel Metals Ltd and Harlow Aluminium", "Headquarters: A and B
    are based in Japan"), or a one-word head opening a prose paragraph ("Context: China's Ministry of
    Commerce placed ... ; Ford and Tesla have signed ...")."""
    if parts.parens or parts.tail is None:
        return False
    name = doc.text[parts.start:parts.end]
    if len(name.split()) > 2 or has_legal_suffix(name) or registry_key(name) is not None:
        return False
    between = doc.text[parts.end:parts.tail[0]]
    tail = doc.text[parts.tail[0]:parts.tail[1]]
    if ":" not in between + tail[:1]:
        return False
    first = parts.tail[0] + len(tail) - len(tail.lstrip())
    items = split_enumeration(doc.text, first, parts.tail[1])
    if len(items) >= 2 and all(looks_like_company(doc.text[i.start:i.end]) for i in items):
        return True
    one_word = len(name.split()) == 1 and name[1:].islower()
    if one_word and _LINK_LIST_RX.fullmatch(tail.strip()):
        return True  # "Related: Coke Market Report 2025 | Pitch Market Outlook": a label over links
    return block.kind == "paragraph" and one_word and len(tail.split()) > 25


#: A job title opening a list line's tail: the line names a person (a speaker, an author, a contact).
_ROLE_RX = re.compile(
    r"[ \t]*(?:(?:senior|junior|lead|chief|head|deputy|associate|assistant|managing|executive|general|vice|"
    r"principal|research|regional|global)[ \t]+)*"
    r"(?:head|director|manager|analyst|economist|editor|moderator|host|founder|co-founder|president|"
    r"chair(?:man|woman|person)?|ceo|cfo|cto|coo|vp|officer|professor|researcher|engineer|consultant|"
    r"partner|strategist|correspondent|reporter|journalist|scientist|fellow)\b",
    re.I,
)

#: Two or more report titles parted by "|" or "·": a "Related:" / "See also:" link list.
_LINK_PIECE = r"[^|\u00b7\n]*\b(?:markets?|reports?)\b[^|\u00b7\n]*"
_LINK_LIST_RX = re.compile(rf"{_LINK_PIECE}(?:[|\u00b7]{_LINK_PIECE})+", re.I)


__all__ = ["hq_line_country", "item_candidate", "leader_candidates", "line_enumeration", "paren_run"]
