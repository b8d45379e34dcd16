"""The research house that wrote a report (shown to users; the facts' ``publisher``).

Rules, strongest first (each general to the genre, none about a particular file or publisher):

1. front matter ``publisher``/``author``/``organization``/``source``;
2. the issuer of a press release: "News provided by X", a "SOURCE X" line, an "About X" boilerplate line
   naming a research house. A release spread by a newswire carries the wire's "© 2025 <Wire>, Inc."
   footer, so the issuer outranks a copyright line;
3. a copyright line: "© 2025 X", "Copyright 2025 X", "(c) 2025 X" ("(c)" only before a year: else it is
   the third item of an "(a) (b) (c)" list);
4. a statement: "Publisher: X", "Published by X", "Prepared by X", "Report by X", "Source: X";
5. near the top (the title block excepted): a masthead's first part that is a name ("Ambervale Securities |
   Equity Research | ..."), else a capitalised name ending with a research house word ("Lodestar
   Materials Research", "... Insights", "... Analytics"; ALL-CAPS names are title-cased);
6. the most linked web domain (social networks and link shorteners ignored). A domain becomes a house
   name by dropping "www." and the TLD; if the text spells that name with other capitals
   ("24chemicalresearch" -> "24ChemicalResearch LinkedIn") that spelling wins, else its first letter is
   capitalised.

Legal forms ("Pvt. Ltd.", "GmbH", "FZ-LLC") are dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.dates import MASTHEAD_SPLIT
from kg.models import Block, Evidence, TextDocument

_IGNORED_DOMAINS = frozenset({
    "linkedin", "twitter", "x", "facebook", "youtube", "instagram", "google", "wikipedia", "bit", "tinyurl",
    "medium", "hashnode", "github", "t", "goo", "wa", "whatsapp", "pinterest", "reddit", "doi", "w3",
})
_NAME = (  # a next word opening a "Label:" ("... Research Release date: 2026-02-17") is not part of it
    r"([A-Z0-9][\w&.\-]*(?:[ \t]+(?![A-Z][\w\-]*(?:[ \t]+[a-z][\w\-]*)?[ \t]*:)"
    r"(?:[A-Z0-9&][\w&.\-]*|of|and|for|de|&)){0,5})"
)
_HOUSE_WORDS = (r"Research|Insights|Intelligence|Analytics|Consulting|Consultants|Partners|Group|Reports|"
                r"Advisory|Advisors|Associates|Strategy|Strategies|Data|Markets|Institute")
#: "By Tamsin Vale, Lodestar Materials Research." - a house name by its usual last word, near the top only.
HOUSE = re.compile(rf"\b((?:(?:[A-Z][\w&\-]*|&)[ \t]+){{0,4}}(?:{_HOUSE_WORDS}))\b")
#: The same in an ALL-CAPS line: "OTTERY & VANE ANALYTICS".
_HOUSE_CAPS = re.compile(rf"\b((?:(?:[A-Z][A-Z0-9&\-]*|&)[ \t]+){{1,4}}(?:{_HOUSE_WORDS.upper()}))\b")
#: The issuer of a press release.
_ISSUER = (
    re.compile(r"\b[Nn]ews\s+provided\s+by\s*:?\s+" + _NAME),
    re.compile(r"(?:^|\n)SOURCE[ \t]+" + _NAME + r"[ \t]*(?:\n|$)"),
)
_ABOUT = re.compile(r"(?:^|\n)About[ \t]+" + _NAME + r"[ \t]*:?[ \t]*(?=\n|$)")
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\([cC]\)(?=\s*(?:19|20)\d\d)|[Cc]opyright\s*(?=\u00a9|\([cC]\)|(?:19|20)\d\d))\s*(?:\u00a9\s*)?"
    r"(?:(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?\s*,?\s*)?(?:by\s+)?" + _NAME
)
_STATEMENT = re.compile(
    r"\b(?:[Pp]ublisher|[Pp]ublished\s+by|[Pp]repared\s+by|[Cc]ompiled\s+by|[Pp]roduced\s+by|"
    r"[Rr]eport\s+by|[Rr]esearch\s+by|[Ss]ource)\s*:?\s+" + _NAME
)
#: A masthead's first part that is a firm's name: two to five capitalised words, no digits or labels.
_FIRM_PART = re.compile(r"(?:[A-Z][A-Za-z&'\-]+|&)(?:[ \t]+(?:[A-Z][A-Za-z&'\-]+|&|of|and)){1,4}")
#: What tells a document's masthead from a navigation bar ("Energy | Materials | Contact"): a date or
#: a labelled field ("Report Code: X", "Date: 2026-01-19") among its other parts.
_MASTHEAD_FIELD = re.compile(r"\b(?:19|20)\d\d\b|\b[A-Z][\w.]*(?:[ \t]+[\w.]+)?[ \t]*:[ \t]*\S")
_TOP_BLOCKS = 6


def _strip_legal_form(name: str) -> str:
    """"X Research Pvt. Ltd." / "X Consulting FZ-LLC": the house, without its legal form."""
    return re.sub(
        r"(?:[\s,]+(?:Pvt|Private|Ltd|Limited|LLP|LLC|Inc|GmbH|Co|Corp|PLC|S\.?A|AG|FZ-?LLC|FZE|FZCO|DMCC|"
        r"Pty|Pte|BV|NV|AB|AS|Oy|SpA|S\.p\.A|SL|SAS|KK|K\.K)\.?)+$",
        "",
        name,
    ).strip(" .,;:")


def _clean(raw: str) -> str | None:
    """A matched name without a rights notice, a next sentence, a dangling "of"/"and" or a legal form."""
    name = _CORPORATE_TAIL.sub("", raw)
    name = re.split(r"\.\s", name)[0]
    name = re.sub(r"(?:\s+(?:of|and|for|de|&))+$", "", name).strip(" .,;:")
    name = _strip_legal_form(name)
    if name and not re.fullmatch(r"(?:19|20)\d\d|the|all|this|our|us", name, re.I):
        return name
    return None


#: Words that, with a house word, make a section heading ("MARKET INSIGHTS", "Key Research Data"), not a
#: house's name.
_GENERIC_NAME_WORDS = frozenset({
    "market", "markets", "key", "global", "industry", "our", "the", "research", "data", "executive",
    "strategic", "report", "further", "additional", "more", "latest", "recent", "related", "primary",
    "secondary", "equity", "sector", "analyst", "expert", "customer", "growth", "competitive",
})


def _generic_name(name: str) -> bool:
    """Only generic words before the house word: "Market Insights", "Equity Research"."""
    words = re.findall(r"[A-Za-z]+", name.lower())
    return all(w in _GENERIC_NAME_WORDS for w in words[:-1])


def _title_case(name: str) -> str:
    """"TIDEWATER ADVISORY" -> "Tidewater Advisory"; a name in mixed case stays as written."""
    if any(ch.islower() for ch in name):
        return name
    return " ".join(w if w in {"&"} else w[:1] + w[1:].lower() for w in name.split())


_DOMAIN = re.compile(
    r"\b(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9\-]{1,62})\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b", re.I
)
_URL_HINT = re.compile(r"[hH][tT][tT][pP]|[wW][wW][wW]\.")  # what a counted _DOMAIN match starts with
_CORPORATE_TAIL = re.compile(r"[\s,.]+(?:all rights reserved|rights reserved)\b.*$", re.I)


def find_publisher(doc: TextDocument, title_span: Evidence | None = None) -> str | None:
    """The house that wrote ``doc`` (rules in the module docstring); ``title_span`` is the title's place:
    a statement inside it ("Market Report by Battery Type, ...") is the title's segmentation."""
    fm = {k.lower(): v for k, v in doc.front_matter.items()}
    for key in ("publisher", "author", "organization", "organisation", "source"):
        value = (fm.get(key) or "").strip().strip("\"'").strip()
        if value and not value.startswith(("[", "{")):
            return _strip_legal_form(value)
    # A saved e-mail's sender, when its display name is a house ("Acme Insights <briefs@acme.example>").
    sender = re.sub(r"<[^>]*>", "", fm.get("from") or "").strip().strip("\"'").strip()
    if sender and house_name(sender):
        return _strip_legal_form(sender)

    def in_title(pos: int) -> bool:
        return title_span is not None and title_span.start <= pos < title_span.end

    for rx in _ISSUER:
        for m in rx.finditer(doc.text):
            if not in_title(m.start()) and (name := _clean(m.group(1))):
                return name
    for m in _ABOUT.finditer(doc.text):
        if (name := _clean(m.group(1))) and HOUSE.fullmatch(name):
            return name
    for rx in (_COPYRIGHT, _STATEMENT):
        for m in rx.finditer(doc.text):
            if not in_title(m.start()) and (name := _clean(m.group(1))):
                return name
    top = [b for b in doc.blocks[:_TOP_BLOCKS] if not in_title(b.start)]
    return _masthead_firm(doc, top) or _house_near_top(doc, top) or _domain_publisher(doc.text)


def _masthead_firm(doc: TextDocument, top: list[Block]) -> str | None:
    """A masthead's first part that is a firm's name; a masthead the layout made a heading counts too."""
    for b in top:
        parts = MASTHEAD_SPLIT.split(doc.text[b.start:b.end].strip())
        if b.boilerplate or len(parts) < 2:
            continue
        # A part that is a house's name wins over a first part naming the document's kind ("Investor
        # Briefing · Acme Analytics · Sep. 8, 2025").
        house = next((p.strip() for p in parts if house_name(p)), None)
        if house is not None and _MASTHEAD_FIELD.search(" ".join(p for p in parts if p.strip() != house)):
            return _title_case(_strip_legal_form(house))
        if (
            _FIRM_PART.fullmatch(parts[0].strip())
            and not _generic_name(parts[0]) and _MASTHEAD_FIELD.search(" ".join(parts[1:]))
        ):
            return _title_case(parts[0].strip())
    return None


def house_name(text: str) -> bool:
    """The line is only a research house's name ("Lodestar Materials Research", "OTTERY & VANE
    ANALYTICS", maybe with its legal form): a masthead, not a title or a heading of the report."""
    name = _strip_legal_form(re.sub(r"\s+", " ", text).strip())
    found = HOUSE.fullmatch(name) or _HOUSE_CAPS.fullmatch(name)
    return found is not None and len(name.split()) >= 2 and not _generic_name(name)


def _house_near_top(doc: TextDocument, top: list[Block]) -> str | None:
    """A house name inside a line near the top; in a heading only as the heading's whole text
    ("Cobaltline Research" under the title); a line flagged as boilerplate (a masthead joined to a
    "Request a sample" link) is read last."""
    ordered = [b for b in top if not b.boilerplate] + [b for b in top if b.boilerplate and b.kind != "heading"]
    for b in ordered:
        line = doc.text[b.start:b.end].strip()
        house = HOUSE.search(line) or _HOUSE_CAPS.search(line)
        if house is None or len(house.group(1).split()) < 2 or _generic_name(house.group(1)):
            continue
        if b.kind != "heading" or house.group(1) == line:
            return _title_case(house.group(1))
    return None


def _domain_publisher(text: str) -> str | None:
    """The most linked web domain as a house name (see the module docstring)."""
    if _URL_HINT.search(text) is None:
        return None  # no URL or www. host, so nothing below would count (and _DOMAIN scans slowly)
    counts: Counter[str] = Counter()
    for m in _DOMAIN.finditer(text):
        # Only URLs and www. hosts: "e.g." or "U.S." are no domains.
        written = m.group(0).lower()
        if not (written.startswith(("http", "www."))):
            continue
        name = m.group(1).lower()
        if name not in _IGNORED_DOMAINS:
            counts[name] += 1
    if not counts:
        return None
    name = min(counts, key=lambda k: (-counts[k], k))
    return display_name(name, text)


def display_name(domain_name: str, text: str) -> str:
    """A house name for a domain's name part: the text's own spelling if it has one, else capitalised."""
    spellings: Counter[str] = Counter()
    for m in re.finditer(rf"(?<![\w/.]){re.escape(domain_name)}(?![\w.])", text, re.I):
        written = m.group(0)
        if written != written.lower():
            spellings[written] += 1
    if spellings:
        return min(spellings, key=lambda k: (-spellings[k], k))
    return domain_name[:1].upper() + domain_name[1:]


__all__ = ["HOUSE", "display_name", "find_publisher", "house_name"]
