"""Breakdown lines, cards and unit lines: short lines whose figures take their subject from a label.

Reports break the market down in short lines rather than sentences: "PVA: €0.49 bn in 2023" (a label
that is a place or a listed segment, or that sits under a breakdown intro such as "By binder type:"), a
grid of cards ("<h4>Europe</h4><p>CAGR 2025-2034: 33.0%</p>") whose heading is the subject of the figure
lines below it, and labelled lines of bare numbers under a caption that states the unit ("Regional
Insights (USD Billion)" then "Europe: 0.21 (2024) -> 1.64 (2034)"). None of them names the market, so the
sentence rules alone would drop them; this module finds the label that owns their figures.
"""

from __future__ import annotations

import re

from kg.extract.figure_attribution import market_ref
from kg.extract.figure_context import Context
from kg.extract.figure_listed import listed_segment
from kg.extract.figure_tables import only_unit_lines, unit_lines
from kg.extract.figure_words import PAREN_RX, words_of
from kg.extract.figure_years import year_status
from kg.extract.geo import Place, lookup_place
from kg.extract.money import MoneyMatch, parse_money, usd_million
from kg.models import MarketSize, TextDocument

__all__ = ["breakdown_label", "card_line_start", "card_subject", "intro_year", "label_value_pair", "unit_line_sizes"]


_LINE_LABEL_RX = re.compile(
    # after an optional numbered-paragraph mark ("3.4 Europe: US$ 61.7 million")
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?P<label>[A-Z][\w&/+.\-]*(?:\s+[\w&/+.\-]+){0,4}?)\s*(?:\([^()]{0,60}\))?"
    # the year may stand between the label and its colon: "Synthetic graphite, 2024: ₹3,150 crore"
    r"(?:,\s*(?:19|20)\d{2}[EFP]?)?\s*(?::|\s[—–])\s*"
    # an amount, a percentage ("Bio-based: 34% of revenue") or a superlative ("Vietnam: the fastest-growing
    # country, 17.8% p.a.")
    r"(?=[$€£¥₹₩]|Rs\.?\s?\d|[A-Z]{3}\b|US\$|~?\d{1,3}(?:[.,]\d+)?\s*%|(?:the\s+)?(?:fastest|slowest|largest|smallest|biggest)\b)"
)


_CARD_MAX = 250  # characters: a card's line is short; a longer paragraph names its own subject
# a sibling figure line of the same card: short, a digit, no sentence end ("2024: US$ 196.4 Mn", "CAGR: 9%")
_CARD_SIBLING_RX = re.compile(r"^(?=.{1,80}$)(?=.*\d)(?:[^.!?]|\.(?=\d))*$")
_CARD_LABELLED_RX = re.compile(r"^[A-Z][^\d:—–]{0,58}?\s+[—–]\s+")  # "Asia Pacific — 54 %": a subject itself
_CARD_YEAR_RX = re.compile(r"^\s*(?:19|20)\d{2}[EFP]?\s*[:|–—-]\s*")


def card_subject(ctx: Context, index: int, reach: int = 3) -> tuple[str, Place | None] | None:
    """The card subject of a short block: the heading or short line just above it (past at most ``reach``
    sibling figure lines of the same card) that is only a place or a listed segment."""
    doc = ctx.doc
    block = doc.blocks[index]
    if block.kind not in ("paragraph", "list_item") or block.end - block.start > _CARD_MAX:
        return None
    if _CARD_LABELLED_RX.match(doc.text[block.start : block.end]):
        return None  # "Europe — 21 %" names its own subject
    j = index - 1
    for _ in range(reach):
        if j < 0:
            return None
        b = doc.blocks[j]
        t = doc.text[b.start : b.end].strip()
        if b.kind in ("paragraph", "list_item") and _CARD_SIBLING_RX.match(t) and not _CARD_LABELLED_RX.match(t):
            j -= 1
            continue
        break
    if j < 0:
        return None
    b = doc.blocks[j]
    t = doc.text[b.start : b.end].strip()
    if b.kind == "list_item" and block.kind != "list_item":
        return None  # a bullet heads only its sub-bullets
    if b.kind == "list_item" or b.kind == "paragraph":
        # "Asia Pacific — 54 %": a labelled figure line is the card's subject by its label
        t = re.split(r"\s+[—–]\s+", t, maxsplit=1)[0].strip()
    if b.boilerplate or b.kind not in ("heading", "paragraph", "list_item") or len(t) > 60:
        return None
    if re.search(r"\d|[.:;!?]$", t):
        return None
    place = lookup_place(t)
    if place is not None:
        return None if place.kind == "global" else (t, place)
    hit = listed_segment(ctx, words_of(PAREN_RX.sub(" ", t)))
    if hit is not None and hit[2] == len(words_of(PAREN_RX.sub(" ", t))):
        return t, None  # as written, with its gloss: "Silicon Oxide (SiOx)"
    return None


# a value standing alone on its line: an amount or a percentage, nothing else ("US$ 3.27 billion", "10.4%")
_BARE_VALUE_RX = re.compile(
    r"^~?\s*(?:(?:US\$|[$€£¥]|(?:USD|EUR|GBP|JPY|CNY|RMB)\b)\s*\d[\d,.]*\s*(?:bn|billion|mn|million|m|b|trillion|tn)?\.?"
    r"|\d{1,3}(?:[.,]\d+)?\s*%)\s*$",
    re.IGNORECASE,
)
# the label of such a value: short, no figure of its own, no sentence ("Market size (2024)", "2030F", "CAGR
# 2025–2030")
_PAIR_LABEL_RX = re.compile(r"^(?=.{1,60}$)(?!.*%)(?!.*[$€£¥])[A-Za-z0-9(][^.!?;%]*[^.!?;,]$")


def label_value_pair(doc: TextDocument, index: int) -> str | None:
    """A label line and the bare value on the next line, as one "label: value" line (a definition list's
    term and definition, a key-figures card), or None. The join keeps every offset: the line break becomes
    the colon, so the text read is exactly as long as the text quoted."""
    if index + 1 >= len(doc.blocks):
        return None
    label, value = doc.blocks[index], doc.blocks[index + 1]
    if label.kind != "paragraph" or value.kind != "paragraph" or label.boilerplate or value.boilerplate:
        return None
    label_text = doc.text[label.start : label.end]
    if not _PAIR_LABEL_RX.match(label_text) or not _BARE_VALUE_RX.match(doc.text[value.start : value.end]):
        return None
    gap = doc.text[label.end : value.start]
    if "\n" not in gap or gap.strip():
        return None
    bare = label_text.rstrip(":")
    return bare + ":" + " " * (len(gap) - 1 + len(label_text) - len(bare)) + doc.text[value.start : value.end]


def card_line_start(s: str) -> int:
    """Where a card line's figure starts: after a leading "2024:" year label, else at the start."""
    m = _CARD_YEAR_RX.match(s)
    return m.end() if m else 0


def breakdown_label(ctx: Context, index: int, s: str) -> tuple[str, Place | None, int] | None:
    """ "PVA: €0.49 bn in 2023" as a line of a breakdown: the label is a listed segment, a place, or the
    line sits under a breakdown heading or intro ("By binder type: ...", "Segmentation")."""
    m = _LINE_LABEL_RX.match(s)
    if m is None:
        return None
    label = m.group("label").strip()
    if market_ref(ctx, label) is not None or re.search(r"(?i)\b(?:market|total|cagr|share|price)\b", label):
        return None
    place = lookup_place(label)
    hit = listed_segment(ctx, words_of(label))
    listed = hit is not None
    if hit is not None and place is None:
        label = hit[0]  # "Coal-based needle coke: ..." in a needle coke report: the listed "Coal-based"
    if place is None and not listed:
        # the nearest block above that is not a sibling line must introduce a breakdown
        j = index - 1
        while j >= 0 and ctx.doc.blocks[j].kind == "list_item":
            j -= 1
        if j < 0:
            return None
        intro = ctx.doc.text[ctx.doc.blocks[j].start : ctx.doc.blocks[j].end]
        if not re.search(r"(?i)\bby\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s*:|\bsegment(?:s|ation)?\b|\btypes?\b", intro):
            return None
    if place is not None and place.kind == "global":
        return None
    return label, place, m.end()


_INTRO_YEAR_RX = re.compile(
    r"^[^\d$€£¥%]{0,60}?\(?\b(?P<year>(?:19|20)\d{2})[EFP]?"
    # the measure the year qualifies may follow it: "Regional view (2025 revenue)"
    r"(?:\s+(?:revenues?|sales|values?|market\s+(?:size|value)|estimates?|actuals?))?\)?\s*:?\s*$",
    re.IGNORECASE,
)


def intro_year(doc: TextDocument, index: int) -> int | None:
    """The year a breakdown's intro gives all of its lines ("By country, 2024:" above "China: $498.6 Mn"):
    the nearest block above the sibling lines, when it is a short caption ending in its only year."""
    kind = doc.blocks[index].kind
    j = index - 1
    while j >= 0 and index - j <= 12 and doc.blocks[j].kind == kind == "list_item":
        j -= 1
    if j < 0 or doc.blocks[j].kind not in ("heading", "paragraph"):
        return None
    m = _INTRO_YEAR_RX.match(doc.text[doc.blocks[j].start : doc.blocks[j].end].strip())
    return int(m.group("year")) if m else None


def unit_line_sizes(ctx: Context, index: int) -> bool:
    """ "Europe: 0.21 (2024) -> 1.64 (2034)" lines under "Regional Insights (USD Billion)": sizes in the
    caption's unit, when every label is a place or a listed segment (else the lines may count anything)."""
    doc = ctx.doc
    block = doc.blocks[index]
    above = ""
    j = index - 1
    while j >= 0 and index - j <= 12 and only_unit_lines(doc.text[doc.blocks[j].start : doc.blocks[j].end]):
        j -= 1  # past the sibling lines above, to their caption
    if j >= 0 and doc.blocks[j].kind in ("heading", "paragraph"):
        prev = doc.blocks[j]
        above = doc.text[prev.start : prev.end] if prev.end - prev.start <= 80 else ""
    parsed = unit_lines(doc.text[block.start : block.end], above)
    if parsed is None:
        return False
    currency, scale, lines = parsed
    scoped: list[tuple[Place | None, str | None]] = []
    for line in lines:
        place = lookup_place(line.label)
        hit = listed_segment(ctx, words_of(line.label))
        if place is not None and place.kind != "global":
            scoped.append((place, None))
        elif place is None and hit is not None and hit[2] == len(words_of(line.label)):
            scoped.append((None, hit[0]))
        else:
            return False
    for line, (place, seg) in zip(lines, scoped, strict=True):
        ev = doc.quote(block.start + line.start, block.start + line.end)
        for number, _, year in line.values:
            m = parse_money(number, default_currency=currency)
            if m is None:
                continue
            value = m.value_million * scale
            money = MoneyMatch(m.start, m.end, m.as_written, m.currency, value)
            ctx.sizes.append(
                MarketSize(
                    evidence=(ev,),
                    scope=place.name if place else "Global",
                    scope_as_written=line.label if place else None,
                    segment=seg,
                    year=year,
                    value_usd_million=usd_million(money, ctx.rates),
                    status=year_status(ctx, year, ""),
                    value_text=number,
                    currency=m.currency,
                    value_million=value,
                )
            )
    return True
