"""Market dynamics: the titles of the drivers, restraints, opportunities, challenges and trends listed.

Rules, in order:

1. **Kind titles open a context.** A section titled with a dynamics kind ("MARKET DRIVERS", "Drivers",
   "Key Trends", "Other Restraints", "Carbon Anode Market Trends", an ``<h3>Restraints</h3>``, a
   "**Challenges:**" prefix) sets the current kind. The context lasts until a section of the same or a
   higher rank that is not itself a kind title ("COMPETITIVE LANDSCAPE", "FAQ"), so "Other Challenges"
   between "MARKET CHALLENGES" and its items only switches nothing but the kind.
2. **Items are the titles under it**: the sections of the context ranked below the kind title, at the
   shallowest item rank found there (centred titles, bold lines, "**Title:** body" prefixes, numbered
   "1. Title:" items, ``<h4>`` under ``<h3>``) - deeper titles are parts of an item.
3. **Untitled items**: when a kind section has no item titles, each paragraph or list item of its own
   body contributes its bold lead ("The **rising demand for EVs** is a major driver" -> "rising demand for
   EVs"); a list item without bold contributes its text up to ":" or the first sentence end (when short).
4. **Unlabelled numbered runs**: numbered item titles ("1. Electric Vehicle Boom ...:") outside any kind
   context and outside named parts of the report (FAQ, segments, regions, companies) form runs; a restart
   of the numbering at 1 starts a new run. Each run is classified by cue words in its titles and bodies
   (drivers: boom, demand, fuel, growth...; trends: trend, development, technologies, integration,
   shift...; restraints, opportunities, challenges likewise); a run without cues is dropped. Reports list
   drivers first, so the first run wins ties towards drivers.

Never items: FAQ questions, statistics ("CAGR (Global): 6.30%"), titles of more than 25 words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.geo import find_places
from kg.extract.sections import Section, block_text, lead_strong, outline, semantic_offset
from kg.models import Block, Dynamic, DynamicKind, Evidence, Span, TextDocument

_KIND_WORDS: tuple[tuple[DynamicKind, re.Pattern[str]], ...] = (
    ("drivers", re.compile(r"\bdrivers?\b|\bdriving\s+factors\b|\bgrowth\s+factors\b|\btailwinds\b", re.I)),
    ("restraints", re.compile(r"\brestraints?\b|\bconstraints?\b|\binhibitors?\b|\brestrictive\s+factors\b"
                              r"|\bheadwinds\b|\blimitations\b", re.I)),
    ("opportunities", re.compile(r"\bopportunit(?:y|ies)\b", re.I)),
    ("challenges", re.compile(r"\bchallenges?\b|\bbarriers\b|\brisks\b|\bthreats\b", re.I)),
    ("trends", re.compile(r"\btrends?\b", re.I)),
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


_DESCRIPTION_DASH = re.compile(r"\s[\-\u2013\u2014]\s")
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


class _Out:
    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        self.items: list[Dynamic] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, kind: DynamicKind, span: Span | None) -> None:
        if span is None:
            return
        span = _cut_description(self.doc.text, span)
        quote = self.doc.text[span.start:span.end]
        title = re.sub(r"\s+", " ", quote).strip()
        key = (kind, re.sub(r"[^a-z0-9]+", " ", title.lower()).strip())
        if not key[1] or key in self._seen or _STATISTIC.search(title) or title.endswith("?"):
            return
        self._seen.add(key)
        self.items.append(Dynamic(kind=kind, title=title, evidence=(Evidence(start=span.start, end=span.end,
                                                                              quote=quote),)))


def _body_items(doc: TextDocument, blocks: Iterable[Block]) -> Iterable[Span]:
    """Titles of items written without their own title: bold leads, or short list items."""
    for block in blocks:
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            continue
        lead = lead_strong(doc, block)
        text = block_text(doc, block)
        if lead is not None and len(doc.text[lead.start:lead.end].split()) <= 15:
            # A whole-bold list item is a title; a whole-bold paragraph is usually an aside
            # ("**➤ For instance, ...**").
            if block.kind == "list_item" or lead.end - lead.start < 0.8 * len(text.strip()):
                yield lead
            continue
        if block.kind == "list_item":
            m = re.match(r"\s*([^:.]{3,120}?)\s*(?::|\.\s|\.$|$)", text) or re.match(
                r"\s*([^:.]{3,120}?\s[\-\u2013\u2014]\s[^:]*)", text
            )
            if m:
                start = block.start + m.start(1)
                span = _cut_description(doc.text, Span(start=start, end=start + len(m.group(1))))
                if len(doc.text[span.start:span.end].split()) <= 15:
                    yield span


def _short_lines(doc: TextDocument, blocks: Iterable[Block]) -> list[Span]:
    """A body made only of short one-sentence lines (plain-text lists): each line is an item."""
    spans: list[Span] = []
    for block in blocks:
        if block.boilerplate:
            continue
        text = block_text(doc, block).strip()
        if not text:
            continue
        if block.kind not in ("paragraph", "list_item") or len(text.split()) > 20:
            return []
        if re.search(r"[.!?]\s+\S", text):  # more than one sentence
            return []
        start = block.start + (len(block_text(doc, block)) - len(block_text(doc, block).lstrip()))
        end = start + len(text.rstrip(".;"))
        bullet = re.match(r"[\-*\u2022\u25aa\u25cf\u2013][ \t]+", text)  # a "- item" line read as a paragraph
        if bullet:
            start += bullet.end()
        spans.append(Span(start=start, end=end))
    return spans


#: A list item that swallowed the next line's kind label ("Volume expansion during cycling Opportunities",
#: a plain-text label line read as a lazy continuation of the bullet above it).
_TRAILING_KIND = re.compile(r"\s+((?:Drivers|Restraints|Opportunities|Challenges|Trends))\s*:?\s*$")


def _kind_runs(
    doc: TextDocument, blocks: Iterable[Block], kind: DynamicKind
) -> list[tuple[DynamicKind, list[Block]]]:
    """A kind section's body cut where it stops listing items of that kind: at a group title written as a
    body line ("Competitive Landscape", "Methodology" - numbered report sections read as list items), and
    at a kind label ("Restraints") on its own line or glued to the end of the item above it."""
    runs: list[tuple[DynamicKind, list[Block]]] = [(kind, [])]
    for block in blocks:
        text = block_text(doc, block).strip().rstrip(":")
        if not text:
            continue
        if block.kind in ("paragraph", "list_item") and len(text.split()) <= 6:
            if semantic_offset(text) == 1:
                break
            k = dynamic_kind(text)
            if k is not None:
                runs.append((k, []))
                continue
        m = _TRAILING_KIND.search(text) if block.kind == "list_item" else None
        if m is not None:
            k = dynamic_kind(m.group(1))
            if k is not None:
                raw = block_text(doc, block)
                cut = block.start + raw.rstrip().rfind(m.group(1))
                end = cut
                while end > block.start and doc.text[end - 1].isspace():
                    end -= 1
                runs[-1][1].append(block.model_copy(update={"end": end}))
                runs.append((k, []))
                continue
        runs[-1][1].append(block)
    return [(k, bs) for k, bs in runs if bs]


#: "Drivers: rising silicon content in EV anodes; longer warranty requirements for grid storage. Both ..."
_INLINE = re.compile(
    r"\s*(?P<kind>(?:(?:key|main|major|market|growth)\s+)?(?:drivers|restraints|opportunities|challenges|trends))"
    r"\s*:\s*(?P<items>[^.:]+?)(?:\.(?:\s|$)|$)",
    re.I,
)


def _inline(doc: TextDocument, sections: list[Section], out: _Out) -> None:
    """A paragraph opening with a plain kind label and a colon: its first sentence lists the items,
    separated by ";" (one item without ";")."""
    prefixed = {s.block_index for s in sections if s.style == "bold_prefix"}
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind not in ("paragraph", "list_item") or i in prefixed:
            continue
        text = block_text(doc, block)
        m = _INLINE.match(text)
        if m is None:
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
            for s in items:
                if s.rank == top:
                    out.add(kind, s.span)
                    used.add(s.block_index)
        else:
            k: DynamicKind = kind
            for part_kind, blocks in _kind_runs(doc, kind_sec.blocks, kind):
                k = part_kind
                spans = list(_body_items(doc, blocks)) or _short_lines(doc, blocks)
                for span in spans:
                    out.add(k, span)

    for sec in sections:
        k = dynamic_kind(sec.title)
        if k is not None:
            flush()
            if kind is None or sec.rank <= boundary:
                boundary = sec.rank
            kind, kind_sec, group = k, sec, []
            if sec.style == "bold_prefix":  # "**Drivers:** rising EV demand, ..." - the body is the item list
                boundary = sec.rank
            continue
        if kind is not None and (sec.rank <= boundary or _ABOUT.match(sec.title)):
            flush()
            kind, kind_sec, group = None, None, []
            continue
        if kind is not None:
            # Below the boundary: an item (or part of one) of the current kind, even when it ranks level
            # with an "Other Restraints" title that only switched the kind.
            group.append(sec)
    flush()
    return used


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
    used = _titled(doc, secs, out)
    _inline(doc, secs, out)
    _numbered_runs(doc, secs, used, out)
    return out.items


__all__ = ["dynamic_kind", "extract_dynamics"]
