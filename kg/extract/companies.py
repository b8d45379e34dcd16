"""Companies a report names as players in its market, one :class:`CompanyMention` per spelling.

Market reports of every publisher name their players in a few recurring shapes, and nowhere else reliably,
so the extractor looks only there (most reliable first):

1. **Lists under a players title** ("Key Players", "Top Players Include:", "List of Key ... Companies
   Profiled", "Companies profiled: A, B", "Competitive Landscape"): list items, one-name-per-line
   paragraphs, deeper headings (company-profile chapters) and tables (the column headed Company/Player/
   Manufacturer..., else the first one; a Country/Headquarters column gives the country). The list ends
   at the next title that is not a name. Under a loose title ("Competitive Landscape") a lone short line
   is not enough: it takes two names in a row, or a legal suffix. A line that is nothing but names
   ("A Co., Ltd. (Japan), B (Korea), C") counts too; "X Market Companies" is a players title, and so is a
   bare player noun ("[8] COMPANIES", "Suppliers": loose), even as a paragraph when a section number or
   capitals style it. One-line titles take ":" or " | " ("Key companies profiled | A; B"), and so does a
   two-cell row of a report-scope table whose label is a players title. A list line may carry several
   parentheses ("A Co., Ltd. (formerly B) (Japan)") and a dotted leader before its description
   ("A Corp. (US) ...... lithium foil"), also when such lines run together into one paragraph. A label
   before ":" whose text is a list of names ("Headquarters: A and B are ...") is not a company.
2. **Inline enumerations** after a cue that follows a player noun in the same clause: "key manufacturers
   ... include A, B and C, etc.", "players like A and B are", "China-based giants like A and B". The noun
   must not be a customer's ("battery manufacturers such as", "automakers like") nor the object of
   "with/to/for" ("partnership with companies such as"), which is how customers and partners named in
   passing stay out -- unless a "which produces ... in-house / anode material" clause follows the names:
   a customer that makes the product itself is a player. "The report profiles A, B and C" is a cue too.
   The agent nouns of the supply side count as player nouns ("leading calciners include", "graphite
   miners such as"); a plain-text paragraph hard-wrapped into lines is read as one paragraph, so an
   enumeration or a name ("Goa Carbon" at a line end, "Limited" on the next) runs on across the breaks.
3. **Subjects of leadership sentences**: "A and B currently lead the market", "A and B dominate coal-based
   segments", "A is a leading supplier of ...", "A holds 20% share".

Every candidate must also *look like* a company (:mod:`kg.extract.names`): no regions, no segment or
report vocabulary, no generic phrases. The names found are then located everywhere in the text (outside
boilerplate): every occurrence is evidence, longer spellings first so "Rain CII" inside "Rain CII Carbon"
counts for the longer one. Spellings are kept as written, so a text that writes "Sunstone Development
Co." in one place and "... Co" in another yields two mentions (resolution merges them); a line break
inside a wrapped name reads as a space (its evidence quotes the text as it is).

Country: stated next to the name -- "(China)", "(U.S.)", a table's country column, "Kuraray - Japan",
"China-based X", "X, a Japan-based ...", "headquartered in Japan" -- or by the noun phrase that
introduces the enumeration ("Chinese firms like A and B", "China-based giants like A"), or by a sentence
about names found elsewhere or their short forms: "A and B are based in Japan; C and D in China", "A and
B are Indian". A region ("Aluchemie in Europe") is not a country and gives none, nor does a list of
countries ("based in Japan and China").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kg.extract.geo import city_country, country_code, find_places
from kg.extract.names import (
    GENERIC_WORDS,
    LEADER_RX,
    NAME_RX,
    ItemParts,
    NameSpan,
    has_legal_suffix,
    is_name_shape,
    looks_like_company,
    name_end,
    parentheses,
    sentence_cut,
    skip_place_possessive,
    split_enumeration,
    split_list_item,
    tokens,
    trim_name,
)
from kg.extract.sections import lead_strong
from kg.models import Block, CompanyMention, TextDocument
from kg.resolve import default_resolver

PLAYER_NOUNS = (
    r"(?:players?|compan(?:y|ies)|manufacturers?|vendors?|suppliers?|producers?|participants?|competitors?|"
    r"makers?|firms?|entities|giants?|leaders|brands|corporations|enterprises|multinationals|start-?ups|"
    r"specialists|incumbents|contenders|"
    # agent nouns of the supply side of carbon and graphite markets ("leading calciners include ...")
    r"calciners|miners|graphiti[sz]ers)"
)
_QUALIFIERS = (
    r"(?:key|major|leading|top|prominent|main|notable|principal|dominant|important|largest|biggest|"
    r"profiled|primary|significant|established|emerging|known)"
)
#: Titles that introduce a list of players.
_LIST_TITLE = re.compile(
    rf"\b{_QUALIFIERS}\b.{{0,80}}\b{PLAYER_NOUNS}\b"
    rf"|\b{PLAYER_NOUNS}\b.{{0,40}}\b(?:profiled|covered|included|analy[sz]ed|listed|studied|mentioned)\b"
    # "The study profiles the following producers:", "The company chapter profiles ten suppliers:"
    rf"|\b(?:profiles|covers|lists)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){{0,2}}{PLAYER_NOUNS}\b"
    # a title asked as a question: "Who are the players?", "Which companies lead?"
    rf"|^(?:who|which)\b[^?.]{{0,40}}\b{PLAYER_NOUNS}\b"
    rf"|\bcompany profiles?\b|\blist of\b.{{0,80}}\b{PLAYER_NOUNS}\b|\b{PLAYER_NOUNS}[ \t]+to[ \t]+watch\b"
    r"|\bmarket\s+(?:compan(?:y|ies)|players|manufacturers|vendors|suppliers|producers)\s*$",
    re.I,
)
#: Looser titles: the section usually names players but also holds prose and sub-titles.
_LOOSE_TITLE = re.compile(
    r"\bcompetitive landscape\b|\bcompetitor analysis\b|\bcompetition\b|\bvendor landscape\b|"
    r"\bmarket players\b|\bmarket share analysis\b",
    re.I,
)
#: A section number before a title: "[8]", "8.", "8.2", "(8)", "IV.", "Section 8:".
_SECTION_NUMBER_RX = re.compile(
    r"^[ \t]*(?:\[\d{1,2}\]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}[.)]|"
    r"(?:section|chapter|part)[ \t]+\d{1,2}[.:]?)[ \t]+(?=\S)",
    re.I,
)
#: A title that is nothing but a player noun ("Companies", "[8] COMPANIES", "Suppliers"): a loose title.
_BARE_TITLE_RX = re.compile(
    r"(?:the[ \t]+)?(?:compan(?:y|ies)|players|manufacturers|suppliers|producers|vendors|competitors|"
    r"participants|makers)",
    re.I,
)
#: "Companies profiled: A, B" and the key | value line of a report-scope table "Key companies profiled | A; B".
_TITLE_TAIL = re.compile(r"^(?P<title>[^:|\n]{3,120})(?::|[ \t]\|)[ \t]*(?P<tail>\S.*)$")
#: "The report profiles A, B and C": the report's own list of players, in a sentence.
_PROFILES_RX = re.compile(
    r"\b(?:report|study|analysis|research)[ \t]+(?:also[ \t]+)?(?:profiles|covers[ \t]+(?:the[ \t]+)?"
    r"(?:key[ \t]+|leading[ \t]+|major[ \t]+)?(?:players|companies|manufacturers))[ \t]*:?[ \t]+(?:the[ \t]+)?"
    r"(?:(?:key|leading|major)[ \t]+)?(?:(?:players|companies)[ \t]+)?",
    re.I,
)
#: After customers named as makers: "battery manufacturers such as BYD, which produces ... material in-house".
_MAKES_IT_RX = re.compile(
    r",?[ \t]+(?:which|who|that)[ \t]+(?:also[ \t]+|itself[ \t]+|themselves[ \t]+)?"
    r"(?:produces?|makes?|manufactures?|fabricates?)\b[^.;]{0,80}?"
    r"\b(?:in-house|in[ \t]+house|captive(?:ly)?|anodes?|anode[ \t]+materials?)\b"
)

_CUE_RX = re.compile(
    r"\b(?:include|includes|included|including|such as|like|namely|are|comprise|comprises|comprising|"
    r"featuring|notably|particularly|especially|e\.g\.)(?![\w])[ \t]*[:,]?[ \t]*(?:->[ \t]*)?"
)
_NOUN_RX = re.compile(rf"\b{PLAYER_NOUNS}\b", re.I)
#: Words that make the player noun a customer's: "battery manufacturers such as CATL" are buyers of anodes.
_CUSTOMER_QUALIFIERS = frozenset({
    "battery", "batteries", "cell", "cells", "ev", "evs", "vehicle", "vehicles", "automotive", "car", "auto",
    "electronics", "aluminum", "aluminium", "smelting", "steel", "device", "phone", "smartphone", "oem",
    "oems", "pack", "storage", "grid", "utility", "solar", "project", "projects",
})
_CUSTOMER_NOUNS = frozenset({
    "automakers", "carmakers", "customers", "clients", "buyers", "users", "end-users", "oems", "partners",
    "utilities", "smelters", "consumers", "distributors", "investors", "universities", "institutes",
    "adopters",
})
_VERBISH = frozenset({"is", "are", "was", "were", "works", "work", "has", "have", "had", "signed", "supplies",
                      "supply", "sells", "sell", "serves", "serve", "partnered", "collaborates"})
_VERB_CUES = frozenset({"include", "includes", "included", "are", "comprise", "comprises"})
_OBJECT_PREPOSITIONS = frozenset(
    {"with", "to", "for", "from", "by", "between", "among", "amongst", "against"}
)

_MARKETISH = r"(?:market|markets|production|segments?|share|industry|supply|capacity|space|sector|landscape)"
_SUBJECT_TAILS = (
    re.compile(
        r"[ \t]+(?:currently[ \t]+|collectively[ \t]+|together[ \t]+|jointly[ \t]+|also[ \t]+|still[ \t]+)?"
        rf"(?:lead|leads|led|dominate|dominates|dominated|control|controls)\b[^.;]{{0,60}}?\b{_MARKETISH}\b"
    ),
    re.compile(
        r",?[ \t]+(?:are|is|remain|remains|were|was)[ \t]+"
        r"(?:the[ \t]+|among[ \t]+the[ \t]+|one[ \t]+of[ \t]+the[ \t]+)?"
        r"(?:leading|key|major|prominent|dominant|top|largest|biggest|principal|main)\b"
        rf"[^.;]{{0,40}}?\b{PLAYER_NOUNS}\b"
    ),
    re.compile(
        r",[ \t]+(?:a|an|the|one[ \t]+of[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
        r"(?:leading|major|key|prominent|dominant|largest|top)\b[^.;]{0,50}?"
        r"\b(?:supplier|producer|manufacturer|player|company|maker|vendor)s?\b"
    ),
    re.compile(
        r"[ \t]+(?:holds|held|has|had|accounts[ \t]+for|accounted[ \t]+for|captured|captures|"
        r"commands|commanded)"
        r"[ \t]+(?:a[ \t]+|an[ \t]+)?(?:[a-z]+[ \t]+){0,2}?\d{1,2}(?:\.\d+)?[ \t]*%"
    ),
)
_NUMBERED_RX = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+\S")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?;])[ \t]+|\b(?:while|whereas)[ \t]+)")
_LEAD_IN = re.compile(r"^[\s\u2022\u27a4*\->\u2013\u2014]*(?:->[ \t]*)?")

_BASED_RX = r"([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2})-(?:based|headquartered)\b"
_COUNTRY_HQ_RX = re.compile(
    r"\b(?:headquartered|based|domiciled|incorporated)[ \t]+in[ \t]+"
    r"([A-Z][\w.'’]*(?:[ \t](?:of[ \t])?[A-Z][\w.'’]*){0,3})"
)

# Country-evidence priorities: smaller is more explicit.
_P_ATTACHED, _P_BASED, _P_PHRASE = 0, 1, 2


@dataclass
class _Candidate:
    start: int
    end: int
    country: str | None = None
    country_span: tuple[int, int] | None = None
    priority: int = 9
    renamed: list[_Candidate] = field(default_factory=list)  # "(formerly X)" of the same registry company

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# ------------------------------------------------------------------ helpers


def _seat_country(label: str) -> str | None:
    """The country of a company's seat as "X-based" / "based in X" names it: a country, or a major city or
    province ("Tokyo-based", "based in Quebec")."""
    return country_code(label) or city_country(label)


def _country_in(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The country a short label states: "China", "U.S.", "Tokyo, Japan", "Japan-based"."""
    label = text[start:end]
    stripped = label.strip(" \t;,")
    if not stripped:
        return None
    offset = start + label.index(stripped)
    code = country_code(stripped)
    if code is None and stripped.endswith(".") and (code := country_code(stripped.rstrip("."))):
        stripped = stripped.rstrip(".")
    if code:
        return code, (offset, offset + len(stripped))
    m = re.fullmatch(r"(.+?)-(?:based|headquartered)", stripped)
    if m and (code := _seat_country(m.group(1))):
        return code, (offset, offset + len(m.group(1)))
    # "Tokyo, Japan" / "(formerly B; Japan)": the last comma or semicolon part.
    for sep in (",", ";"):
        if sep in stripped:
            last = stripped.rsplit(sep, 1)[1].strip()
            if last and (code := country_code(last)) is not None:
                pos = offset + stripped.rindex(last)
                return code, (pos, pos + len(last))
    return None


def _parens_country(text: str, parens: Sequence[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    """The country the first parenthesis that states one gives: "(OTC) (Japan)" -> Japan."""
    for a, b in parens:
        if found := _country_in(text, a, b):
            return found
    return None


def _country_in_description(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A country a description states about its subject: "Japan-based ...", "headquartered in Japan",
    or a demonym opening it ("Australian graphite miner", "a Japanese chemical company")."""
    seg = text[start:end]
    for rx in (re.compile(_BASED_RX), _COUNTRY_HQ_RX):
        m = rx.search(seg)
        if m and (code := _seat_country(m.group(1))):
            return code, (start + m.start(1), start + m.end(1))
    lead = re.match(
        r"[ \t]*(?:(?:is|was)[ \t]+)?(?:(?:a|an|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}?)?(?=[A-Z])", seg
    )
    if lead:
        places = find_places(seg[lead.end():lead.end() + 40])
        possessive = places and re.match(r"['\u2019]s\b", seg[lead.end() + places[0].end:])
        if (places and places[0].start == 0 and places[0].place.kind == "country" and places[0].place.iso2
                and not possessive):
            # "India's first anode line": where the company operates, not where it is based.
            p, code = places[0], places[0].place.iso2
            return code, (start + lead.end() + p.start, start + lead.end() + p.end)
    return None


def _phrase_country(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The one country a noun phrase names: "China-based giants", "emerging Chinese manufacturers"."""
    seg = text[start:end]
    found: dict[str, tuple[int, int]] = {}
    for m in re.finditer(_BASED_RX, seg):
        code = country_code(m.group(1))
        if code:
            found.setdefault(code, (start + m.start(1), start + m.end(1)))
    for pm in find_places(seg):
        if re.search(r"\b(?:ex|non)-$", seg[:pm.start]):
            continue  # "ex-China contenders": players from anywhere but China
        if pm.place.kind == "country" and pm.place.iso2:
            found.setdefault(pm.place.iso2, (start + pm.start, start + pm.end))
        elif pm.place.kind != "country":
            return None  # "Asian and European firms": a region, not a country
    if len(found) == 1:
        code, span = next(iter(found.items()))
        return code, span
    return None


def _title_blocks(outline: Sequence[object] | None) -> set[int]:
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


def _is_title(doc: TextDocument, i: int, block: Block, titles: set[int]) -> bool:
    text = doc.text[block.start:block.end].strip()
    if block.kind == "heading" or i in titles:
        return True
    if not text or len(text.split()) > 20:
        return False
    return text.endswith(":") or _strong_cover(doc, block) >= 0.9 or block.centered


# ------------------------------------------------------------------ source 1: lists under a players title


@dataclass
class _Mode:
    loose: bool
    level: int | None  # heading level of a real heading that opened the list, else None


def _list_candidates(doc: TextDocument, outline: Sequence[object] | None) -> list[_Candidate]:
    titles = _title_blocks(outline)
    text = doc.text
    out: list[_Candidate] = []
    mode: _Mode | None = None
    run: list[_Candidate] = []
    after_prose = False

    def flush() -> None:
        if run and mode is not None:
            if not mode.loose or len(run) >= 2:
                out.extend(run)
            else:
                out.extend(c for c in run if has_legal_suffix(text[c.start:c.end]))
        run.clear()

    for i, block in enumerate(doc.blocks):
        if block.boilerplate:
            continue
        raw = text[block.start:block.end]
        if not raw.strip():
            continue
        if block.kind == "table":
            flush()
            out.extend(_table_candidates(doc, block, in_list=mode is not None))
            continue
        deeper = mode is not None and (
            mode.level is None or block.kind != "heading" or (block.level or 1) > mode.level
            or _NUMBERED_RX.match(raw) is not None  # "1. Sila Nanotechnologies Inc. (US)" read as a heading
        )
        if deeper and (hq := _hq_line_country(doc, block)) is not None:
            # "Abingdon, United Kingdom" under a name: the card's address line, not a company.
            prev = run[-1] if run else None
            if prev is not None and prev.country is None and i and doc.blocks[i - 1].start <= prev.start:
                prev.country, prev.country_span, prev.priority = hq[0], hq[1], _P_ATTACHED
            continue
        if deeper and _caps_header_after_prose(doc, i, after_prose):
            after_prose = False
            continue
        after_prose = False
        if deeper:
            led = _leader_candidates(doc, block)
            if led:
                run.extend(led)
                continue
            cand = _item_candidate(doc, block)
            if cand is not None:
                run.append(cand)
                run.extend(cand.renamed)
                continue
            listed = _line_enumeration(doc, block) or _paren_run(doc, block)
            if listed:
                run.extend(listed)
                continue
        stripped = raw.strip()
        tail = _TITLE_TAIL.match(stripped)
        if tail and _LIST_TITLE.search(tail.group("title")) and not _LIST_TITLE.search(tail.group("tail")):
            # "Companies profiled: A, B and C" on one line.
            flush()
            base = block.start + raw.index(stripped) + tail.start("tail")
            # the lines of a plain-text list joined to their lead-in: "Key players include: A Inc. (US) B AG (DE)"
            out.extend(_paren_run(doc, block, base) or _enumeration_candidates(doc, base, block.end, phrase=None))
            mode = None
            continue
        players_line = _players_title_line(raw) or _list_lead_title(doc, i)
        if players_line or _is_title(doc, i, block, titles):
            flush()
            title = _SECTION_NUMBER_RX.sub("", _SLIDE_MARK_RX.sub("", stripped).rstrip(":").strip())
            bare = _BARE_TITLE_RX.fullmatch(title) is not None
            if len(title.split()) <= 20 and (_LIST_TITLE.search(title) or _LOOSE_TITLE.search(title) or bare):
                mode = _Mode(loose=bare or not _LIST_TITLE.search(title),
                             level=(block.level or 1) if block.kind == "heading" else None)
            elif mode is not None and (
                block.kind != "heading" or mode.level is None or (block.level or 1) <= mode.level
            ):
                mode = None
        else:
            flush()  # prose breaks a run of names, but not the section
            after_prose = True
    flush()
    return out


def _caps_header_after_prose(doc: TextDocument, i: int, after_prose: bool) -> bool:
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
    if has_legal_suffix(line) or _registry_key(line) is not None:
        return False
    nxt = doc.blocks[i + 1]
    return line.lower() not in doc.text[nxt.start:nxt.end].lower()


#: A slide or page marker an export puts before a slide's title: "=== Slide 7 ===", "--- Page 3 ---".
_SLIDE_MARK_RX = re.compile(r"^[ \t]*(?:={2,}|-{3,})[^=\n]{1,40}?(?:={2,}|-{3,})[ \t]*")
#: A whole line that is an address: "Abingdon, United Kingdom", "Dayton, Ohio, United States".
_HQ_LINE_RX = re.compile(
    r"[ \t]*(?:[A-Z][\w'’.\-]*(?:[ \t]+(?:[a-z]{1,4}[ \t]+)?[A-Z][\w'’.\-]*){0,2},[ \t]*){1,2}"
    r"(?P<country>[A-Z][\w'’. ]{1,30}?)[ \t.]*"
)


def _hq_line_country(doc: TextDocument, block: Block) -> tuple[str, tuple[int, int]] | None:
    """The country of a line that is nothing but "City, Country" (a company card's address line): such a
    line names where the company above it sits, never a company of its own."""
    m = _HQ_LINE_RX.fullmatch(doc.text, block.start, block.end)
    if m is None or (code := country_code(m.group("country"))) is None:
        return None
    head = doc.text[block.start:m.start("country")]
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if has_legal_suffix(head.strip(" \t,")) or any(_registry_key(p) and not city_country(p) for p in parts):
        return None  # "Nexeon, UK": a listed company with its country
    return code, m.span("country")


def _list_lead_title(doc: TextDocument, i: int) -> bool:
    """A short unstyled paragraph that names a players section and is followed by list lines (a slide's
    title in a deck export: "=== Slide 7 === Competitive landscape"): a title for the list below it."""
    block = doc.blocks[i]
    if block.kind != "paragraph" or i + 1 >= len(doc.blocks):
        return False
    nxt = doc.blocks[i + 1]
    if nxt.kind != "list_item" and not (nxt.kind == "paragraph" and _ITEM_OPENER_RX.match(doc.text, nxt.start)):
        return False
    line = _SLIDE_MARK_RX.sub("", doc.text[block.start:block.end]).strip().rstrip(":").strip()
    if not line or "\n" in line or len(line.split()) > 6 or line[-1] in ".;,!?":
        return False
    return bool(_LIST_TITLE.search(line) or _LOOSE_TITLE.search(line))


def _paren_run(doc: TextDocument, block: Block, start: int | None = None) -> list[_Candidate]:
    """One-name-per-line list lines run together into one paragraph (markdown joins lines that no blank
    line parts): "A Co., Ltd. (Japan) B Corporation (Japan) C Ltd (China)". Each name must be closed by
    its parentheses, look like a company and be followed by the next name; two names at least.
    ``start`` reads the run from inside the block (after a "... players include:" lead-in)."""
    text = doc.text
    begin = block.start if start is None else start
    lead = _LEAD_IN.match(text, begin, block.end)
    pos = lead.end() if lead else begin
    out: list[_Candidate] = []
    while pos < block.end:
        cut = name_end(text, pos, block.end)
        if cut is None:
            return []
        parens, after = parentheses(text, cut, block.end)
        s, e = trim_name(text, pos, cut)
        found = _parens_country(text, parens)
        if not parens or e <= s or not looks_like_company(text[s:e], country_stated=found is not None):
            return []
        cand = _Candidate(s, e)
        if found:
            cand.country, cand.country_span, cand.priority = found[0], found[1], _P_ATTACHED
        out.append(cand)
        out.extend(_rename_candidates(doc, parens, text[s:e]))
        pos = after + len(text[after:block.end]) - len(text[after:block.end].lstrip(" \t.;,"))
    return out if len(out) >= 2 else []


def _players_title_line(raw: str) -> bool:
    """A short line styled as a section title only by its number or its capitals ("[8] COMPANIES",
    "KEY PLAYERS", "9) Major Manufacturers") that names a players section: a title even as a paragraph.
    Other such lines keep their old reading (an all-caps "JAPAN" inside a players list is not an end)."""
    line = raw.strip().rstrip(":").strip()
    # A parenthetical note after the capitals is not part of the title: "KNOWN SUPPLIERS (non-exhaustive)".
    line = re.sub(r"[ \t]*\([^()\n]{1,80}\)$", "", line)
    if not line or len(line.split()) > 10 or line[-1] in ".;,!?":
        return False
    numbered = _SECTION_NUMBER_RX.match(line)
    title = line[numbered.end():] if numbered else line
    letters = [ch for ch in title if ch.isalpha()]
    if not (numbered or (len(letters) >= 4 and all(ch.isupper() for ch in letters))):
        return False
    return bool(_LIST_TITLE.search(title) or _LOOSE_TITLE.search(title) or _BARE_TITLE_RX.fullmatch(title))


def _line_enumeration(doc: TextDocument, block: Block) -> list[_Candidate]:
    """A line under a players title that is nothing but names: "A Co., Ltd. (Japan), B (Korea), C".

    Every piece must look like a company and the names must reach the end of the line (bar a final
    stop), so a sentence that merely starts with a name is not taken.
    """
    text = doc.text
    lead = _LEAD_IN.match(text, block.start, block.end)
    start = lead.end() if lead else block.start
    items = split_enumeration(text, start, block.end)
    if len(items) < 2:
        return []
    after = items[-1].after
    if text[after:block.end].strip(" \t.;,"):
        return []
    out = _enumeration_candidates(doc, start, block.end, phrase=None)
    return out if len(out) == len(items) else []


def _leader_candidates(doc: TextDocument, block: Block) -> list[_Candidate]:
    """Dotted-leader lines run together into one paragraph (a hard-wrapped list rendered as prose):
    "A Corp. (US) ........ lithium foil B Co., Ltd. (China) ..... metal". Each leader closes a name (and
    its parentheses); the name starts at the first capitalised word after the previous description from
    which a name reaches that leader. Takes two leaders at least, and every name must look like a company.
    """
    text = doc.text
    leaders = list(LEADER_RX.finditer(text, block.start, block.end))
    if len(leaders) < 2:
        return []
    lead = _LEAD_IN.match(text, block.start, block.end)
    seg = lead.end() if lead else block.start
    out: list[_Candidate] = []
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
            found = _parens_country(text, parens)
            if e > s and looks_like_company(text[s:e], country_stated=found is not None):
                cand = _Candidate(s, e)
                if found:
                    cand.country, cand.country_span, cand.priority = found[0], found[1], _P_ATTACHED
                cand.renamed = _rename_candidates(doc, parens, text[s:e])
            break
        if cand is None:
            return []
        out.append(cand)
        out.extend(cand.renamed)
        seg = lm.end()
    return out


def _item_candidate(doc: TextDocument, block: Block) -> _Candidate | None:
    """One list line as a company, with the country its parenthesis or tail states.

    The line is a name with an optional "(Country)", "- Country" or ": description" tail, or it opens
    with a bold name followed by prose ("**Kuraray** is a Japanese chemical company ...").
    """
    parts = split_list_item(doc.text, block.start, block.end)
    if parts is not None and not looks_like_company(doc.text[parts.start:parts.end]):
        # A generic-looking name is still a company when the line states its country.
        stated = _parens_country(doc.text, parts.parens)
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
    if _lead_in_label(doc, block, parts):
        return None
    cand = _Candidate(parts.start, parts.end)
    cand.renamed = _rename_candidates(doc, parts.parens, doc.text[parts.start:parts.end])
    found = _parens_country(doc.text, parts.parens)
    if found is None and parts.tail:
        found = _country_in(doc.text, *parts.tail) or _country_in_description(doc.text, *parts.tail)
    if found:
        cand.country, cand.country_span, cand.priority = found[0], found[1], _P_ATTACHED
    return cand


def _lead_in_label(doc: TextDocument, block: Block, parts: ItemParts) -> bool:
    """A label, not a company with its description: a one- or two-word head before ":" whose text opens
    with two names or more ("Partners: Kestrel Metals Ltd and Harlow Aluminium", "Headquarters: A and B
    are based in Japan"), or a one-word head opening a prose paragraph ("Context: China's Ministry of
    Commerce placed ... ; Ford and Tesla have signed ...")."""
    if parts.parens or parts.tail is None:
        return False
    name = doc.text[parts.start:parts.end]
    if len(name.split()) > 2 or has_legal_suffix(name) or _registry_key(name) is not None:
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


#: Two or more report titles parted by "|" or "·": a "Related:" / "See also:" link list.
_LINK_PIECE = r"[^|\u00b7\n]*\b(?:markets?|reports?)\b[^|\u00b7\n]*"
_LINK_LIST_RX = re.compile(rf"{_LINK_PIECE}(?:[|\u00b7]{_LINK_PIECE})+", re.I)


_COMPANY_HEADER = re.compile(
    r"\b(?:compan(?:y|ies)|players?|manufacturers?|vendors?|suppliers?|producers?|firms?|name|"
    r"organi[sz]ations?|brands?|key players)\b",
    re.I,
)
_NOT_COMPANY_HEADER = re.compile(r"\b(?:type|tier|share|count|number|size|revenue|rank)\b", re.I)
_COUNTRY_HEADER = re.compile(
    r"\b(?:country|countries|headquarters?|hq|home|base|based|origin|location|nation(?:ality)?|region)\b",
    re.I,
)


def _table_candidates(doc: TextDocument, block: Block, *, in_list: bool) -> list[_Candidate]:
    """Rows of a players table: the company column (by header, else the first one under a players title)."""
    rows = [r for r in block.rows if r]
    if not rows:
        return []
    text = doc.text

    def cell_text(c: object) -> str:
        return text[c.start:c.end].strip()  # type: ignore[attr-defined]

    out: list[_Candidate] = []
    for row in rows:
        # "Key companies profiled | A; B; C": a report-scope table row whose label is a players title.
        if len(row) == 2 and _LIST_TITLE.search(cell_text(row[0])) and len(cell_text(row[0]).split()) <= 8:
            out.extend(_enumeration_candidates(doc, row[1].start, row[1].end, phrase=None))
    header = rows[0]
    has_header = any(c.header for c in header) or any(
        _COMPANY_HEADER.search(cell_text(c)) or _COUNTRY_HEADER.search(cell_text(c)) for c in header
    )
    company_col = country_col = None
    if has_header:
        for k, c in enumerate(header):
            label = cell_text(c)
            company_like = _COMPANY_HEADER.search(label) and not _NOT_COMPANY_HEADER.search(label)
            if company_col is None and company_like:
                company_col = k
            elif country_col is None and _COUNTRY_HEADER.search(label):
                country_col = k
        body = rows[1:]
    else:
        body = rows
    if company_col is None:
        if not in_list:
            return out
        company_col = 0
        if has_header and re.fullmatch(r"#|no\.?|s\.? ?no\.?|rank(?:ing)?|sr\.?", cell_text(header[0]), re.I):
            company_col = 1
    for row in body:
        if company_col >= len(row):
            continue
        cell = row[company_col]
        parts = split_list_item(text, cell.start, cell.end)
        if parts is None:
            continue
        found = None
        if country_col is not None and country_col < len(row):
            found = _country_in(text, row[country_col].start, row[country_col].end)
        if found is None:
            found = _parens_country(text, parts.parens)
        if not looks_like_company(text[parts.start:parts.end], country_stated=found is not None):
            continue
        cand = _Candidate(parts.start, parts.end)
        if found:
            cand.country, cand.country_span, cand.priority = found[0], found[1], _P_ATTACHED
        out.append(cand)
    return out


# ------------------------------------------------------------------ source 2: inline enumerations


def _enumeration_candidates(
    doc: TextDocument, start: int, end: int, phrase: tuple[str, tuple[int, int]] | None
) -> list[_Candidate]:
    out: list[_Candidate] = []
    for item in split_enumeration(doc.text, start, end):
        name = doc.text[item.start:item.end]
        found = _parens_country(doc.text, item.parens)
        if not (looks_like_company(name, country_stated=found is not None) or _registry_name(name)):
            continue
        cand = _Candidate(item.start, item.end)
        if found:
            cand.country, cand.country_span, cand.priority = found[0], found[1], _P_ATTACHED
        elif phrase:
            cand.country, cand.country_span, cand.priority = phrase[0], phrase[1], _P_PHRASE
        out.append(cand)
    return out


def _player_context(
    text: str, clause_start: int, cue_start: int, verb: bool, *, allow_customers: bool = False
) -> tuple[int, int] | None:
    """The noun phrase ending in a player noun right before a cue, unless it names customers or partners.

    A verb cue ("manufacturers of X include") may be some words after its noun; a prepositional cue
    ("companies like", "firms in Europe such as") attaches to the nearest noun, so the words between must
    not start another phrase ("the company works with automakers like Ford"). Returns the phrase's span
    (from the previous punctuation to the end of the noun) or None.
    """
    before = text[clause_start:cue_start]
    nouns = list(_NOUN_RX.finditer(before))
    if not nouns:
        return None
    noun = nouns[-1]
    between = before[noun.end():]
    between_words = re.findall(r"[\w'’-]+", between)
    if re.search(r"[.;!?]", between) or len(between_words) > (10 if verb else 4):
        return None
    if between_words and between_words[-1].casefold() in _CUSTOMER_NOUNS:
        return None
    if not verb and any(w.casefold() in _OBJECT_PREPOSITIONS - {"in", "from"} or w.casefold() in _VERBISH
                        for w in between_words):
        return None
    head = before[:noun.start()]
    cut = max(head.rfind(ch) for ch in ",.;:(")
    words = re.findall(r"[\w'’-]+", head[cut + 1:])
    if words and words[-1].casefold() in _CUSTOMER_QUALIFIERS and not allow_customers:
        return None
    if any(w.casefold() in _OBJECT_PREPOSITIONS for w in words[-4:]):
        return None
    return clause_start + cut + 1, clause_start + noun.end()


#: The sentence's predicate makes its subjects buyers: "A and B are among the main customers".
_CUSTOMER_PREDICATE_RX = re.compile(
    r"\b(?:are|is|were|was|remain|remains)[ \t]+(?:among[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    r"(?:[\w-]+[ \t]+){0,2}?(?:customers|buyers|clients|offtakers|users|adopters|consumers)\b",
    re.I,
)


def _inline_candidates(doc: TextDocument) -> list[_Candidate]:
    text = doc.text
    out: list[_Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for pm in _PROFILES_RX.finditer(text, block.start, block.end):
            out.extend(_enumeration_candidates(doc, pm.end(), block.end, phrase=None))
        for cue in _CUE_RX.finditer(text, block.start, block.end):
            clause_start = max(block.start, cue.start() - 200)
            word = cue.group().split()[0].strip(":,").casefold() if cue.group().split() else ""
            verb = word in _VERB_CUES
            np = _player_context(text, clause_start, cue.start(), verb=verb)
            if np is None:
                out.extend(_maker_customers(doc, clause_start, cue, block.end, verb))
                continue
            if _CUSTOMER_PREDICATE_RX.search(text, cue.end(), sentence_cut(text, cue.end(), block.end)):
                continue  # "... makers such as A and cell maker B are among the main customers"
            phrase = _phrase_country(text, *np)
            out.extend(_enumeration_candidates(doc, cue.end(), block.end, phrase))
    return out


def _maker_customers(doc: TextDocument, clause_start: int, cue: re.Match[str], end: int,
                     verb: bool) -> list[_Candidate]:
    """Customers the sentence says make the market's product themselves are players of it:
    "vertically integrated battery manufacturers such as BYD Company Ltd., which produces silicon-carbon
    anode material in-house". Only when the customer qualifier was the sole objection to the noun phrase
    and a "which produces/makes ... (in-house|anode)" clause follows the names directly."""
    text = doc.text
    if _player_context(text, clause_start, cue.start(), verb=verb, allow_customers=True) is None:
        return []
    items = split_enumeration(text, cue.end(), end)
    if not items:
        return []
    if not _MAKES_IT_RX.match(text, items[-1].after, end):
        return []
    return _enumeration_candidates(doc, cue.end(), end, phrase=None)


# ------------------------------------------------------------------ source 3: leadership sentences


def _subject_candidates(doc: TextDocument, line_starts: Sequence[int] = ()) -> list[_Candidate]:
    """Subjects of leadership sentences. ``line_starts`` (sorted) are where the lines of hard-wrapped
    paragraphs start: each may open a sentence whose previous line lost its stop (a title line)."""
    text = doc.text
    out: list[_Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        lead = _LEAD_IN.match(text, block.start, block.end)
        starts = {lead.end() if lead else block.start}
        starts.update(m.end() for m in _SENTENCE_START.finditer(text, block.start, block.end))
        starts.update(line_starts[bisect_left(line_starts, block.start):bisect_left(line_starts, block.end)])
        for s in sorted(starts):
            items = split_enumeration(text, s, block.end)
            if not items:
                continue
            names = [text[i.start:i.end] for i in items]
            if not all(looks_like_company(n) and not _product_plural(n) for n in names):
                continue
            last = items[-1]
            after = last.after
            tails_at = [after]
            if len(items) == 1:
                tails_at.append(last.end)
            if any(rx.match(text, p, block.end) for rx in _SUBJECT_TAILS for p in tails_at) or (
                len(items) == 1 and _SUBJECT_TAILS[2].match(text, last.end, block.end)
            ):
                if any(_SUBJECT_TAILS[3].match(text, p, block.end) for p in tails_at) and any(
                    _product_form(n) for n in names
                ):
                    continue  # "Standard Copper Foil accounted for 61% of revenue": a product segment
                out.extend(_Candidate(i.start, i.end) for i in items)
    return out


#: Words naming the physical form of a product: a name ending in one is a product type, not a firm.
_FORM_WORDS = frozenset({
    "foil", "foils", "powder", "powders", "flake", "flakes", "sheet", "sheets", "film", "films", "fiber",
    "fibers", "fibre", "fibres", "paste", "pastes", "briquette", "briquettes", "pellet", "pellets",
})


def _product_form(name: str) -> bool:
    """"Ultra-thin Copper Foil", "Coated Spherical Powder", "Micron-sized LTO": ends in a product-form word
    or opens with a compound descriptor, with no legal form and no registry entry."""
    words = tokens(name)
    last = words[-1].strip(".,;:()'’\"").casefold() if words else ""
    descriptor = _DESCRIPTOR_RX.match(name) is not None
    return (last in _FORM_WORDS or descriptor) and not has_legal_suffix(name) and _registry_key(name) is None


#: A name opening with a lower-case compound descriptor ("Nano-structured", "Coal-based", "Battery-grade"):
#: a product type, as firms' hyphenated names capitalise both halves ("Rolls-Royce", "Hydro-Québec").
_DESCRIPTOR_RX = re.compile(r"[A-Z][a-z]+-[a-z]+(?:ed|grade)\b")


def _product_plural(name: str) -> bool:
    """"Slotted Prebaked Anodes": a name ending in a generic product noun in the plural, without a legal
    form or a registry entry, names a product segment ("held 41% of the market"), not a firm."""
    words = tokens(name)
    last = words[-1].strip(".,;:()'’\"").casefold() if words else ""
    if not (last.endswith("s") and last[:-1] in GENERIC_WORDS) or has_legal_suffix(name):
        return False
    return _registry_key(name) is None


def _registry_name(name: str) -> bool:
    """A name the reference registry lists as written (case and legal form aside): a company even when it
    is made of place and generic words ("Emirates Global Aluminium"), which the shape test refuses."""
    hit = default_resolver().match_registry(name, fuzzy=False)
    return hit is not None and hit.method != "registry-fuzzy" and is_name_shape(name)


def _registry_key(name: str) -> str | None:
    """The reference registry's company this spelling is (exact, alias or distinctive-token match)."""
    hit = default_resolver().match_registry(name, fuzzy=False)
    return hit.key if hit is not None else None


# ------------------------------------------------------------------ source 4: strong names in producer prose

#: A sentence about making or selling the product.
_PRODUCER_VERB_RX = re.compile(
    r"\b(?:suppl(?:y|ies|ied|ying)|produc(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|mak(?:e|es|ing)|"
    r"made|lead|leads|led|build(?:s|ing)?|operat(?:e|es|ed|ing)|ship(?:s|ped|ping)?|expand(?:s|ed|ing)?|"
    r"commission(?:s|ed|ing)?|dominat(?:e|es|ed|ing)|sell(?:s|ing)?|offer(?:s|ed|ing)?|capacity|plants?)\b",
    re.I,
)
#: Singular and plural nouns of the people a firm sells to, works with or is owned by.
_NOT_PLAYER_NOUNS = _CUSTOMER_NOUNS | {
    "customer", "client", "buyer", "user", "partner", "investor", "shareholder", "owner", "parent",
    "automaker", "carmaker", "offtaker", "offtakers", "distributor", "subsidiary", "unit",
}
#: A research house (the publisher, in an about-us line), not a player.
_RESEARCH_HOUSE_RX = re.compile(
    r"\b(?:research|analytics|insights?|consulting|consultants|advisory|intelligence|data|securities)\b", re.I
)
#: The clause goes on to say the names are customers, partners, or not producers.
_NOT_PLAYER_TAIL_RX = re.compile(
    r"[^.;:]{0,40}?\b(?:customers?|clients?|buyers?|offtakers?|offtakes?|investors?|partners?|shareholders?)\b"
    r"|,?[ \t]+(?:are|is|was|were)[ \t]+not\b",
    re.I,
)
#: "(now Resonac)", "(renamed POSCO Future M in 2023)", "(formerly Showa Denko)".
_RENAME_RX = re.compile(
    r"[ \t]*(?:now|renamed|formerly|previously|since[ \t]+renamed|later[ \t]+renamed)"
    r"(?:[ \t]+(?:as|to|known[ \t]+as))?[ \t]+(?=[A-Z\d])"
)
#: The names are buyers: "CATL, BYD and LG Energy Solution are the largest buyers".
_BUYER_TAIL_RX = re.compile(
    r",?[ \t]+(?:are|is|were|was|remain|remains)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|key[ \t]+|among[ \t]+"
    r"the[ \t]+)*(?:[\w-]+[ \t]+){0,2}?(?:buyers?|customers?|clients?|users?|offtakers?|consumers?|"
    r"partners?|investors?|automakers?|OEMs?)\b",
    re.I,
)
_CUE_END_RX = re.compile(
    r"\b(?:include|includes|included|including|such[ \t]+as|like|namely|comprise|comprises|comprising|"
    r"featuring|notably|particularly|especially|e\.g\.)[ \t]*[:,]?[ \t]*$",
    re.I,
)
#: Lower-case words after which a subject may start: "..., while A Ltd (Australia) is building".
_CLAUSE_OPENERS = frozenset({
    "while", "whereas", "and", "but", "meanwhile", "although", "though", "since", "because", "when",
    "where", "also", "then", "yet", "so", "whilst", "today", "currently",
})
#: A player noun right before the names, or before a colon opening them ("the ex-China contenders: A; B").
_NOUN_END_RX = re.compile(rf"\b{PLAYER_NOUNS}[ \t]*:?[ \t]+$", re.I)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of a block; a period closing "Co." / "Pvt." inside a name does not end one."""
    pos = start
    while pos < end:
        cut = sentence_cut(text, pos, end)
        while cut < end:  # "Co., Ltd. and B": a lower-case word does not open a sentence
            nxt = len(text[cut:end]) - len(text[cut:end].lstrip())
            if not text[cut + nxt:cut + nxt + 1].islower():
                break
            cut = sentence_cut(text, cut + nxt, end)
        yield pos, cut
        nxt = cut
        while nxt < end and text[nxt] in " \t\u00a0":
            nxt += 1
        if nxt <= pos:  # pragma: no cover - sentence_cut always advances
            break
        pos = nxt


def _rename_candidate(doc: TextDocument, paren: tuple[int, int], name: str) -> _Candidate | None:
    """The other name in "(now X)" / "(renamed X in 2023)", when it is the same registry company: a mention
    of that company (an unknown pair would become two companies, so it is left alone)."""
    text = doc.text
    rm = _RENAME_RX.match(text, paren[0], paren[1])
    if rm is None:
        return None
    nm = NAME_RX.match(text, rm.end(), paren[1])
    if nm is None:
        return None
    s, e = trim_name(text, nm.start(), sentence_cut(text, nm.start(), nm.end()))
    other = text[s:e]
    if not other or not looks_like_company(other):
        return None
    key = _registry_key(other)
    if key is None or key != _registry_key(name):
        return None
    return _Candidate(s, e)


def _rename_candidates(doc: TextDocument, parens: Sequence[tuple[int, int]], name: str) -> list[_Candidate]:
    """The registry company's other name in any "(formerly X)" / "(now X)" after a name."""
    return [c for p in parens if (c := _rename_candidate(doc, p, name)) is not None]


def _strong_signal(doc: TextDocument, item: NameSpan, name: str) -> tuple[str, tuple[int, int]] | bool:
    """A legal form, a registry entry, a "(Country)" tag or a "(now X)" aside: the country when the tag
    states one, else True/False."""
    found = _parens_country(doc.text, item.parens)
    if found:
        return found
    if any(_RENAME_RX.match(doc.text, a, b) for a, b in item.parens):
        return True
    return has_legal_suffix(name) or _registry_key(name) is not None


def _prose_candidates(doc: TextDocument) -> list[_Candidate]:
    """Names with strong company signals in any sentence about producers or suppliers.

    "Chinese producers A, B and C lead on volume" (a player noun right before the names: every name that
    looks like a company, with the noun phrase's country); "Outside China, A K.K. (now B), C Corporation and
    D supply cell makers", "while E Ltd (Australia) ... are building plants" (a producer word in the
    sentence: only names with a legal form, a registry entry, a "(Country)" tag or a "(now X)" aside).
    Names after a cue ("such as") are the inline source's; names after "with/to/for" or followed by "are
    the largest buyers" are customers or partners.
    """
    text = doc.text
    out: list[_Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for s_start, s_end in _sentences(text, block.start, block.end):
            if re.match(r"[ \t*#]*about\b", text[s_start:s_end], re.I):
                continue  # "About Us: ... is a research firm", "About Brightwater Analytics"
            producer = bool(_PRODUCER_VERB_RX.search(text, s_start, s_end) or _NOUN_RX.search(text, s_start, s_end))
            if not producer:
                continue
            pos = s_start
            while pos < s_end:
                m = NAME_RX.search(text, pos, s_end)
                if m is None:
                    break
                if m.start() > 0 and text[m.start() - 1].isalnum():
                    pos = m.end()
                    continue
                items = split_enumeration(text, m.start(), s_end)
                if not items:
                    pos = m.end()
                    continue
                after = items[-1].after
                pos = max(after, m.end())
                before = text[max(s_start, m.start() - 120):m.start()]
                words = re.findall(r"[\w'’-]+", before)
                if _CUE_END_RX.search(before) or (
                    words and words[-1].casefold() in _OBJECT_PREPOSITIONS | _NOT_PLAYER_NOUNS
                ):
                    continue
                if _BUYER_TAIL_RX.match(text, after, s_end) or _NOT_PLAYER_TAIL_RX.match(text, after, s_end):
                    continue
                phrase = None
                apposition = False
                clause = re.split(r"[.;:]", before)[-1]
                if any(w.casefold() in _CUSTOMER_NOUNS for w in re.findall(r"[\w'’-]+", clause)):
                    continue  # "early adopters include mining-truck maker Komatsu": a customer named in passing
                nm = _NOUN_END_RX.search(before)
                if nm is None and words and words[-1].islower() and words[-1] not in _CLAUSE_OPENERS \
                        and not re.search(r"[,;:(]\s*$", before):
                    continue  # the object of a verb: "X supplies Tesla", "signed with ..."
                if nm is not None:
                    np_start = m.start() - len(before) + nm.start()
                    head = before[:nm.start()]
                    cut = max(head.rfind(ch) for ch in ",.;:()\u2013\u2014")  # the noun phrase's own words
                    qual = re.findall(r"[\w'’-]+", head[cut + 1:])
                    if qual and qual[-1].casefold() in _CUSTOMER_QUALIFIERS:
                        continue
                    apposition = True
                    phrase = _phrase_country(
                        text, m.start() - len(before) + cut + 1, np_start + len(nm.group().rstrip())
                    )
                for item in items:
                    name = text[item.start:item.end]
                    if not looks_like_company(name) or _product_plural(name) or _RESEARCH_HOUSE_RX.search(name):
                        continue
                    signal = _strong_signal(doc, item, name)
                    if not (signal or apposition):
                        continue
                    cand = _Candidate(item.start, item.end)
                    if isinstance(signal, tuple):
                        cand.country, cand.country_span, cand.priority = signal[0], signal[1], _P_ATTACHED
                    elif phrase:
                        cand.country, cand.country_span, cand.priority = phrase[0], phrase[1], _P_PHRASE
                    out.append(cand)
                    out.extend(_rename_candidates(doc, item.parens, name))
    return out


#: A stock listing right after a name: "(SYR AU, Outperform ...)", "(835185 CH)", "(ASX: SYR)". Only a
#: listed company carries one; the exchange code is not its country (Bloomberg's "CN" is Canada).
_TICKER_PAREN_RX = re.compile(
    r"\s*\((?:(?:[A-Z][A-Z\d.]{0,6}|\d{4,6})[ \t]+(?:US|AU|CN|CH|C1|C2|KS|KQ|JP|JT|LN|HK|GR|GY|FP|IN|IB|"
    r"SS|SZ|SW|TT|CT|SP|NA|IM|SM|BZ|NZ|NO|SS|FH|DC|PW|AV|BB|ID|LI|MK|TB|IJ|PM|SJ)(?:[ \t]+Equity)?(?=[ \t]*[,;)])"
    r"|(?:ASX|TSXV?|TSX-V|NYSE(?:[ \t]American)?|NASDAQ|Nasdaq|LSE|AIM|KRX|KOSDAQ|TSE|TYO|SSE|SZSE|HKEX|SEHK|NSE|BSE|"
    r"OTCQX|OTC|XETRA|FRA|Euronext)[ \t]*:[ \t]*[A-Z\d][A-Z\d.]{0,9}(?=[ \t]*[,;)]))"
)


def _ticker_candidates(doc: TextDocument) -> list[_Candidate]:
    """Names followed by a stock listing, in any sentence: a broker's note names its coverage and peers
    this way ("We initiate on A Limited (SYR AU, Outperform) and B Inc. (NOU CN)")."""
    text = doc.text
    out: list[_Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table" or "(" not in text[block.start:block.end]:
            continue
        for m in NAME_RX.finditer(text, block.start, block.end):
            cut = sentence_cut(text, m.start(), m.end())
            if cut != m.end() or _TICKER_PAREN_RX.match(text, m.end(), min(len(text), block.end + 40)) is None:
                continue
            s, e = trim_name(text, m.start(), m.end())
            s = skip_place_possessive(text, s, e)
            if e > s and looks_like_company(text[s:e]) and not _RESEARCH_HOUSE_RX.search(text[s:e]):
                out.append(_Candidate(s, e))
    return out


#: One row of a ranking table whose columns ran together into prose: rank, name, optional "(aside)",
#: an upper-case country code and a figure ("3 Hunan Zhongke Electric Co., Ltd. (Shinzoom) CN 205 11.8%").
_RANK_ROW_RX = re.compile(
    r"(?<![\w.%,])(?P<rank>\d{1,2})[ \t]+(?P<name>[A-Z][^()%\n]{1,80}?)(?:[ \t]+\([^()\n]{1,40}\))?"
    r"[ \t]+(?P<code>[A-Z]{2,3})[ \t]+(?=\d)"
)


def _rank_row_candidates(doc: TextDocument) -> list[_Candidate]:
    """Rows of a ranking table flattened into one paragraph: three consecutive ranks at least, each a
    company-shaped name followed by an ISO country code (the table's "Home"/"Country" column)."""
    text = doc.text
    out: list[_Candidate] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind == "table":
            continue
        run: list[_Candidate] = []
        last = 0
        for m in _RANK_ROW_RX.finditer(text, block.start, block.end):
            code = country_code(m.group("code"))
            s, e = trim_name(text, m.start("name"), m.end("name"))
            if code is None or not looks_like_company(text[s:e], country_stated=True):
                continue
            rank = int(m.group("rank"))
            if rank != last + 1:
                if len(run) >= 3:
                    out.extend(run)
                run = []
                if rank != 1:
                    last = 0
                    continue
            run.append(_Candidate(s, e, code, m.span("code"), _P_ATTACHED))
            last = rank
        if len(run) >= 3:
            out.extend(run)
    return out


# ------------------------------------------------------------------ occurrences and countries


def _boilerplate_ranges(doc: TextDocument) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.blocks if b.boilerplate]


def _occurrences(doc: TextDocument, text: str, spellings: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Every non-boilerplate occurrence of each spelling in ``text`` (the document's, or its unwrapped
    copy); longer spellings claim overlapping text first."""
    skip = _PointRanges(_boilerplate_ranges(doc))
    taken = _DisjointSpans()
    found: dict[str, list[tuple[int, int]]] = {s: [] for s in spellings}
    for spelling in sorted(spellings, key=lambda s: (-len(s), s)):
        for a, b in _spelling_spans(text, spelling):
            if skip.covers(a) or taken.overlaps(a, b):
                continue
            taken.add(a, b)
            found[spelling].append((a, b))
    return found


_NAME_CHAR_RX = re.compile(r"[\w&]")
_WORD_CHAR_RX = re.compile(r"\w")


def _spelling_spans(text: str, spelling: str) -> Iterator[tuple[int, int]]:
    r"""What ``re.finditer(r"(?<![\w&])" + re.escape(spelling) + r"(?!\w)", text)`` finds (the lookahead
    only after a letter or digit), by ``str.find``: a pattern opening with a lookbehind has no literal
    prefix for the regex engine to skip to, so it would try every position of the text, per spelling."""
    n = len(spelling)
    word_end = spelling[-1].isalnum()
    pos = text.find(spelling)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or _NAME_CHAR_RX.match(text, pos - 1) is None) and not (
            word_end and _WORD_CHAR_RX.match(text, end)
        ):
            yield pos, end
            pos = text.find(spelling, end)
        else:
            pos = text.find(spelling, pos + 1)


class _PointRanges:
    """Half-open ranges asked "does any contain this point?" in log time (a long report has thousands)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self._starts = [s for s, _ in ranges]
        self._reach: list[int] = []  # the furthest end among the ranges starting at or before each start
        for _, e in ranges:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def covers(self, point: int) -> bool:
        i = bisect_right(self._starts, point)
        return i > 0 and self._reach[i - 1] > point


class _DisjointSpans:
    """Non-overlapping spans kept sorted, so an overlap test is a bisection instead of a scan of all."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        # Disjoint spans sorted by start are sorted by end too: only the last one starting before b matters.
        i = bisect_left(self._starts, b)
        return i > 0 and self._ends[i - 1] > a

    def add(self, a: int, b: int) -> None:
        i = bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)


def _context_country(text: str, start: int, end: int) -> tuple[str, tuple[int, int], int] | None:
    """A country stated right next to one occurrence of a name."""
    pm = re.match(r"[ \t]*\(([^()\n]{1,60})\)", text[end:end + 64])
    if pm and (found := _country_in(text, end + pm.start(1), end + pm.end(1))):
        return found[0], found[1], _P_ATTACHED
    window = text[max(0, start - 40):start]
    bm = re.search(_BASED_RX + r"\s+$", window)
    if bm and (code := _seat_country(bm.group(1))):
        base = start - len(window)
        return code, (base + bm.start(1), base + bm.end(1)), _P_BASED
    am = re.match(
        r",?[ \t]+(?:(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?" + _BASED_RX + r"|(?:which[ \t]+is[ \t]+)?"
        r"(?:headquartered|based)[ \t]+in[ \t]+([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2}))",
        text[end:end + 120],
    )
    if am:
        g = 1 if am.group(1) else 2
        code = _seat_country(am.group(g))
        if code:
            return code, (end + am.start(g), end + am.end(g)), _P_BASED
    # "the Swiss specialist Kaltenbach Polymer AG": a demonym in a descriptor right before the name.
    dm = re.search(
        r"\b(?:the|a|an)[ \t]+([A-Z][a-z]+)[ \t]+(?:[a-z\-]+[ \t]+)?(?:specialist|group|company|firm|"
        r"producer|maker|supplier|manufacturer)[ \t]+$",
        window,
    )
    demonym = find_places(dm.group(1)) if dm else []
    if dm and demonym and demonym[0].place.kind == "country" and (code := demonym[0].place.iso2):
        base = start - len(window)
        return code, (base + dm.start(1), base + dm.end(1)), _P_PHRASE
    possessive = re.search(r"\b([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)['’]s[ \t]+$", window)
    if possessive and (code := country_code(possessive.group(1))):
        base = start - len(window)
        return code, (base + possessive.start(1), base + possessive.end(1)), _P_PHRASE
    return None


# ------------------------------------------------------------------ countries stated in a sentence

#: "A and B are based in" / "A is headquartered in" / "A and B are from": a country follows.
_BASED_IN_TAIL_RX = re.compile(
    r"[ \t]+(?:are|is|were|was)[ \t]+(?:all[ \t]+|both[ \t]+)?"
    r"(?:(?:based|headquartered|domiciled|incorporated)[ \t]+in|from)[ \t]+(?:the[ \t]+)?"
)
#: "A and B are Indian": a demonym follows.
_DEMONYM_TAIL_RX = re.compile(r"[ \t]+(?:are|is|were|was)[ \t]+(?:all[ \t]+|both[ \t]+)?(?=[A-Z])")
#: After a based-in clause, "; C and D in China": the verb left out.
_GAPPED_TAIL_RX = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?(?=[A-Z])")
#: Where a clause whose subject may be an enumeration of names starts inside a sentence.
_CLAUSE_START_RX = re.compile(r"[:;][ \t]*|,?[ \t]+(?:and|while|whereas|but)[ \t]+(?=[A-Z\d])")
#: What may follow the country for the statement to be about it alone.
_CLAUSE_END_RX = re.compile(
    rf"[ \t]*(?:[;,.)]|$)|[ \t]+(?:and|while|whereas|but)\b|[ \t]+(?:[a-z-]+[ \t]+){{0,2}}{PLAYER_NOUNS}\b"
)
_LIST_JOINER_RX = re.compile(r"[ \t]*(?:,|&|and|or)[ \t]*(?:and[ \t]+)?")


def _stated_country(text: str, pos: int, end: int, *, adjective: bool) -> tuple[str, tuple[int, int]] | None:
    """The one country named at ``pos`` (a demonym when ``adjective``) that ends its clause; None for a
    region, for another word, or for a list of countries ("based in Japan and China")."""
    places = find_places(text[pos:min(end, pos + 60)])
    if not places or places[0].start != 0 or places[0].adjective != adjective:
        return None
    first = places[0]
    if first.place.kind != "country" or not first.place.iso2:
        return None
    after = pos + first.end
    if len(places) > 1:
        joiner = _LIST_JOINER_RX.match(text, after, end)
        if joiner and pos + places[1].start == joiner.end():
            return None  # "Japan and China", "Chinese and Korean": which is whose is not said
    if _CLAUSE_END_RX.match(text, after, end) is None:
        return None  # "Japanese-owned", "Japan Tobacco"
    return first.place.iso2, (pos, after)


def _country_statements(doc: TextDocument) -> list[tuple[NameSpan, str, tuple[int, int]]]:
    """Names with the country a sentence states for them: "A, B and C are based in Japan; D and E in
    China", "A and B are Indian, and C is Chinese", "Headquarters: A is headquartered in Japan"."""
    text = doc.text
    out: list[tuple[NameSpan, str, tuple[int, int]]] = []
    for block in doc.blocks:
        if block.boilerplate or block.kind in ("table", "heading"):
            continue
        for s_start, s_end in _sentences(text, block.start, block.end):
            lead = _LEAD_IN.match(text, s_start, s_end)
            starts = [lead.end() if lead else s_start]
            starts += [m.end() for m in _CLAUSE_START_RX.finditer(text, s_start, s_end)]
            based_seen = False
            for start in starts:
                items = split_enumeration(text, start, s_end, locatives=False)
                if not items:
                    continue
                after = items[-1].after
                found = None
                if (tail := _BASED_IN_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=False)
                    based_seen = based_seen or found is not None
                elif (tail := _DEMONYM_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=True)
                elif based_seen and (tail := _GAPPED_TAIL_RX.match(text, after, s_end)) is not None:
                    found = _stated_country(text, tail.end(), s_end, adjective=False)
                if found:
                    out.extend((item, found[0], found[1]) for item in items)
    return out


def _statement_candidates(doc: TextDocument, known: Sequence[str]) -> list[_Candidate]:
    """Countries a sentence states for companies found elsewhere in the document, by the name found or
    a short form that resolution makes the same company ("HiNa" for "HiNa Battery Technology Co., Ltd.").
    A sentence never makes a company: a name no other source found is left alone, and so is a short form
    that would join two companies found."""
    text = doc.text
    stated = _country_statements(doc)
    if not stated:
        return []
    names = sorted({text[item.start:item.end] for item, _, _ in stated})
    same = _same_as_found(known, names)
    return [
        _Candidate(item.start, item.end, code, span, _P_BASED)
        for item, code, span in stated
        if same[text[item.start:item.end]]
    ]


def _same_as_found(known: Sequence[str], names: Sequence[str]) -> dict[str, bool]:
    """For each name: resolution makes it one of the known companies and merges no two of them."""
    resolver = default_resolver()
    before = resolver.resolve_all(known)
    keys = {r.key for r in before.values()}

    def check(batch: Sequence[str]) -> dict[str, bool] | None:
        after = resolver.resolve_all([*known, *batch])
        if any(after[k].key != before[k].key for k in known):
            return None
        return {n: after[n].key in keys for n in batch}

    together = check(names)
    if together is not None:
        return together
    # some name joins two companies: judge each on its own
    return {n: bool(one and one[n]) for n in names for one in [check([n])]}


# ------------------------------------------------------------------ hard-wrapped plain text

#: A line that opens a list item rather than continuing a wrapped sentence.
_ITEM_OPENER_RX = re.compile(r"[ \t]*(?:[-*\u2022\u25aa\u25cf>]|\(?\d{1,3}[.)]|\([a-z]\))[ \t]")
#: A wrapped line is at least this long: hard wraps fill the line; a list of names or a title does not.
_WRAP_MIN_CHARS = 50


def _wraps_into_next(doc: TextDocument, i: int) -> bool:
    """Plain text keeps each line a block; a long paragraph line that stops mid-sentence (no final
    . ! ? or :) and runs straight into another paragraph line is one paragraph hard-wrapped."""
    blocks = doc.blocks
    if i + 1 >= len(blocks):
        return False
    a, b = blocks[i], blocks[i + 1]
    if a.kind != "paragraph" or b.kind != "paragraph" or a.boilerplate or b.boilerplate:
        return False
    line = doc.text[a.start:a.end].rstrip()
    if len(line) < _WRAP_MIN_CHARS or line[-1] in ".!?:" or LEADER_RX.search(line):
        return False
    if doc.text[a.end:b.start].strip(" \t") != "\n":
        return False
    return _ITEM_OPENER_RX.match(doc.text, b.start, b.end) is None


def _without_cut_names(text: str, line_cands: list[_Candidate], joined: list[_Candidate]) -> list[_Candidate]:
    """Drop the names a line break cut short ("Ostrava Graphite" of "Ostrava Graphite Limited" wrapped
    after "Graphite"): a candidate read line by line that a candidate of the joined paragraphs continues
    across a line break of ``text``."""
    reach: dict[int, int] = {}
    for c in joined:
        s, e = trim_name(text, c.start, c.end)
        reach[s] = max(reach.get(s, e), e)
    out = []
    for c in line_cands:
        s, e = trim_name(text, c.start, c.end)
        if reach.get(s, e) > e and "\n" in text[e:reach[s]]:
            continue
        out.append(c)
    return out


def _unwrapped(doc: TextDocument) -> tuple[TextDocument, list[int]] | None:
    """The plain-text document with each hard-wrapped paragraph as one block and its line breaks as
    spaces (same length, so every offset stays valid), and the starts of the lines so joined; None when
    nothing is wrapped. "Leading calciners include A, B, Goa Carbon" + "Limited, C ..." on the next line
    is one enumeration, which the line blocks cut in two."""
    if doc.media_type != "text/plain":
        return None
    blocks: list[Block] = []
    breaks: list[int] = []
    line_starts: list[int] = []
    i = 0
    while i < len(doc.blocks):
        j = i
        while _wraps_into_next(doc, j):
            j += 1
        if j > i:
            for k in range(i, j):
                breaks.extend(pos for pos in range(doc.blocks[k].end, doc.blocks[k + 1].start)
                              if doc.text[pos] == "\n")
                line_starts.append(doc.blocks[k + 1].start)
            blocks.append(Block(start=doc.blocks[i].start, end=doc.blocks[j].end, kind="paragraph"))
        else:
            blocks.append(doc.blocks[i])
        i = j + 1
    if not breaks:
        return None
    pieces, last = [], 0
    for pos in breaks:
        pieces += [doc.text[last:pos], " "]
        last = pos + 1
    pieces.append(doc.text[last:])
    return doc.model_copy(update={"text": "".join(pieces), "blocks": tuple(blocks)}), line_starts


# ------------------------------------------------------------------ the extractor


#: A sentence that puts what it names outside the report: "... but are outside the scope of this report",
#: "..., but cathode materials are not covered in this study".
_OUT_OF_SCOPE_RX = re.compile(
    r"\b(?:outside|beyond)[ \t]+(?:the[ \t]+)?scope[ \t]+of\b|\bout[ \t]+of[ \t]+scope\b"
    r"|\bnot[ \t]+(?:covered|included|considered)[ \t]+(?:in|by)[ \t]+(?:this|the)[ \t]+"
    r"(?:report|study|analysis)\b"
    # "... are excluded from this study", "... are covered in our separate Cathode Market report"
    r"|\bexcluded[ \t]+from[ \t]+(?:this|the)[ \t]+(?:report|study|analysis|scope)\b"
    r"|\bcovered[ \t]+(?:in|by)[ \t]+(?:our|a|another)[ \t]+separate\b",
    re.I,
)


def _out_of_scope(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a name in prose excludes it from the report's scope: a company named
    only to be left out is not a player of the market (the same name in a list or table still counts)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    stops = list(re.finditer(r"[.!?;][ \t]+(?=[A-Z])", head))
    s = line_start + stops[-1].end() if stops else line_start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    stop = re.compile(r"(?<!\b[A-Z])(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)[.!?;](?=[ \t]+[A-Z]|[ \t]*$)")
    m = stop.search(text, end, line_end)
    e = m.end() if m else line_end
    return _OUT_OF_SCOPE_RX.search(text, s, e) is not None


def extract_companies(doc: TextDocument, outline: Sequence[object] | None = None) -> list[CompanyMention]:
    """The players the document names, one mention per spelling, in order of first occurrence.

    ``outline`` is the section list of :func:`kg.extract.sections.outline`; it only helps tell titles
    from list lines, so the extractor also works without it.
    """
    source = doc
    line_starts: list[int] = []
    if (unwrapped := _unwrapped(doc)) is not None:
        doc, line_starts = unwrapped  # same offsets; prose and names are read with the wraps as spaces
    text = doc.text
    listed = _list_candidates(source, outline) + _rank_row_candidates(source)
    prose = _inline_candidates(doc) + _subject_candidates(doc, line_starts) + _prose_candidates(doc)
    prose += _ticker_candidates(doc)
    prose = [c for c in prose if not _out_of_scope(text, c.start, c.end)]
    candidates = _without_cut_names(source.text, listed, prose) + prose
    by_name: dict[str, list[_Candidate]] = {}

    def add(cands: list[_Candidate]) -> None:
        for cand in cands:
            s, e = trim_name(text, cand.start, cand.end)
            s = skip_place_possessive(text, s, e)
            name = text[s:e]
            if name and is_name_shape(name):
                by_name.setdefault(name, []).append(cand)

    add(candidates)
    if not by_name:
        return []
    add(_statement_candidates(doc, list(by_name)))
    occurrences = _occurrences(source, text, list(by_name))
    mentions: list[tuple[int, CompanyMention]] = []
    for name, cands in by_name.items():
        own = {c.span for c in cands if text[c.start:c.end] == name}
        spans = sorted(set(occurrences.get(name, [])) | own)
        best: tuple[int, str, tuple[int, int]] | None = None
        for c in cands:
            if not (c.country and c.country_span):
                continue
            if best is None or (c.priority, c.country_span) < (best[0], best[2]):
                best = (c.priority, c.country, c.country_span)
        for a, b in spans:
            ctx = _context_country(text, a, b)
            if ctx and (best is None or ctx[2] < best[0]):
                best = (ctx[2], ctx[0], ctx[1])
        country = country_ev = None
        if best is not None:
            country = best[1]
            country_ev = source.quote(*best[2])
        evidence = tuple(source.quote(a, b) for a, b in spans)
        mentions.append((spans[0][0], CompanyMention(
            name=name, country=country, country_evidence=country_ev, evidence=evidence,
        )))
    mentions.sort(key=lambda m: (m[0], m[1].name))
    return [m for _, m in mentions]


__all__ = ["PLAYER_NOUNS", "extract_companies"]
