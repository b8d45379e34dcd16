"""A company's own report about its market: the issuer of an annual (or interim) report is a player of
the market its segment review describes, and so are the competitors it names. Neither is introduced the
way a market report names players -- the issuer only in the report's title line ("Example Graphite ASA
Annual Report 2024"), its rivals in a sentence about "our main competitors" that may hold them as
possessives ("... are Chinese exporters and X Group's planned plant") -- so they get their own reader.
"""

from __future__ import annotations

import re

from kg.extract.company_candidates import Candidate
from kg.extract.company_filters import RESEARCH_HOUSE_RX, registry_key
from kg.extract.company_words import sentence_spans
from kg.extract.geo import city_country, find_places
from kg.extract.names import GENERIC_WORDS, NAME_RX, has_legal_suffix, looks_like_company, sentence_cut, trim_name
from kg.models import TextDocument

#: Only the head of the document holds its title line; a later "Source: X Annual Report 2023" cites one.
_HEAD_CHARS = 600
_REPORT_RX = re.compile(
    r"\b(?:Annual|Integrated|Interim|Half[ \t-]Year(?:ly)?|Quarterly)[ \t]+Report\b(?:[ \t]+(?:19|20)\d\d)?"
)
_SEPARATOR = " \t\u00b7|:-\u2013\u2014,"


def _strong_name(name: str) -> bool:
    return looks_like_company(name) and (has_legal_suffix(name) or registry_key(name) is not None)


def issuer_candidates(doc: TextDocument) -> list[Candidate]:
    """The company whose annual report this is, from a title line in the document's head: "Example
    Graphite ASA Annual Report 2024" or "Annual Report 2024 - Example Graphite ASA". The name must carry
    a legal form or be a registry company (a bare "Annual Report" heading names nobody), and its first
    word, where the text also writes it alone ("Example's revenues"), is taken as its short form."""
    text = doc.text
    limit = min(len(text), _HEAD_CHARS)
    for m in _REPORT_RX.finditer(text, 0, limit):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if re.search(r"\b(?:source|sources|see|cf)\b", text[line_start:m.start()], re.I):
            continue  # "Source: X Annual Report 2023" cites another company's report
        spans = [(line_start, m.start()), (m.end(), line_end)]
        for a, b in spans:
            while a < b and text[a] in _SEPARATOR:
                a += 1
            while b > a and text[b - 1] in _SEPARATOR:
                b -= 1
            s, e = trim_name(text, a, b)
            if e <= s or not NAME_RX.fullmatch(text, s, e) or not _strong_name(text[s:e]):
                continue
            return [Candidate(s, e), *_short_form(doc, s, e)]
    return []


def _short_form(doc: TextDocument, start: int, end: int) -> list[Candidate]:
    """The issuer's first word where the text writes it on its own ("Nordlys became ...", "Nordlys's
    share"): a distinctive word of four letters or more, never a place or a generic word."""
    text = doc.text
    first = text[start:end].split()[0]
    if len(first) < 4 or not first[0].isupper() or first.casefold() in GENERIC_WORDS:
        return []
    if find_places(first) or city_country(first):
        return []
    rx = re.compile(rf"(?<![\w&-]){re.escape(first)}(?=['’]s\b|[ \t]+[a-z]|[,.;:)])")
    for m in rx.finditer(text, end):
        return [Candidate(m.start(), m.end())]
    return []


#: "Our main competitors in Europe are", "the Group's closest competitor is", "its competitors include".
_COMPETITORS_RX = re.compile(
    r"\b(?:our|its|their|the[ \t]+(?:company|group)['’]s)[ \t]+(?:(?:main|key|principal|closest|largest|major|"
    r"direct|primary|nearest|biggest)[ \t]+)*competitors?\b[^.;:]{0,60}?\b(?:are|is|include|includes|were|was)\b",
    re.I,
)
_LOCATIVE_BEFORE_RX = re.compile(r"\b(?:in|at|from|near|to|of)[ \t]+(?:the[ \t]+)?$")


def competitor_candidates(doc: TextDocument) -> list[Candidate]:
    """The companies a company names as its own competitors: every company-shaped name in the rest of
    the sentence after "our main competitors ... are", a possessive included ("X Group's planned plant"
    names X Group). Places, names after a locative ("plant in Lulea") and research houses are not."""
    text = doc.text
    out: list[Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for cue in _COMPETITORS_RX.finditer(text, block.start, block.end):
            end = next((e for s, e in sentence_spans(text, block.start, block.end) if s <= cue.start() < e), block.end)
            for m in NAME_RX.finditer(text, cue.end(), end):
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    continue
                s, e = trim_name(text, m.start(), sentence_cut(text, m.start(), m.end()))
                if text.startswith(("'s", "’s"), e - 2):
                    e -= 2
                name = text[s:e]
                if e <= s or _LOCATIVE_BEFORE_RX.search(text, max(cue.end(), s - 12), s):
                    continue
                if RESEARCH_HOUSE_RX.search(name) or not looks_like_company(name):
                    continue
                out.append(Candidate(s, e))
    return out


__all__ = ["competitor_candidates", "issuer_candidates"]
