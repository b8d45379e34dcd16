"""Report metadata: title, publisher, publication date, market, forecast period, base year, stated FX rates.

Rules (each general to the genre, none about a particular file or publisher):

* **title**: front matter ``title``; else the opening line of the report when it reads like a report's
  title (a plain-text report opens with its title, maybe under a masthead) and no h1 naming the report
  comes first; else the first ``<h1>``, else the first heading, else the first non-boilerplate line. A
  section heading ("FULL REPORT", "Executive Summary"), a table row laid out as text ("Grade 2024 2031 CAGR
  25-31"), a navigation trail or a masthead is never the title. An opening paragraph the text rendition
  joined from several lines ("<title> <house> Date of publication: ...") gives only its title part. A
  line that is only a distribution notice ("SAMPLE PAGES -- NOT FOR REDISTRIBUTION") is skipped, a
  catalogue number ("Report AB-2025-7") does not make a line a title, and a cover title wrapped over two
  lines ("X -- Global Market" / "Review & Forecast 2026-2034") is joined. A numbered section heading
  ("1. Lead story: X market outlook") ends the cover: neither it nor what follows is the opening title.
  In an exported slide deck ("=== Slide 1 ===") the title is the first title-like line of the title slide.
  ``title_evidence`` is the title's span in the text rendition when it occurs there.
* **published**: see :mod:`kg.extract.dates` (front matter, labelled fields, date lines near the title).
* **publisher**: see :mod:`kg.extract.publisher` (press-release issuer, copyright, statements, masthead,
  house names near the top, the most linked domain).
* **market**: the title up to the word "Market" (or, for "Global Market for X", what follows it), without
  "Global"/"Worldwide", years and trailing punctuation; titles without "Market" lose their report words
  ("Research Report", "Outlook and Forecast", years) instead. An acronym in brackets inside the name stays
  ("Lithium Titanate (LTO) Anode Material"), one closing it goes ("Graphitized Petroleum Coke (GPC)
  Market" -> "Graphitized Petroleum Coke"). A title naming no market falls back to the "the (global) X
  market" phrase the text repeats most (at least twice). A news headline (a sentence in lower case, no
  "Market") gives way to the title-cased "Global X Market" report the article cites; a title naming no
  report at all (a newsletter issue) to a report the text cites by its own title ("India X Market Report
  2025-2032"), whose place is then the scope. A headline naming its market in lower case after other
  words ("Reading the fine print: Acme on the x anode market to 2031") gives that phrase's words. A headline
  or a company's annual report ("Acme ASA Annual Report 2024") names no market: the text's "the global X
  market" / "the global market for X" phrase does (one is enough).
* **scope**: the place the title (or the cited report's title) limits the market to, else None.
* **forecast_period**: a year range in the title ("2025-2032", "2025~2032", "2025 forecast to 2032", "Forecast
  2024-2030"); "2025 Results and Outlook to 2030" -> 2026-2030; else a "forecast period (2025-2032)" /
  "from 2025 to 2032" / "CAGR over 2025E-30E" statement (a CAGR or forecast named in the same sentence), or
  an "Outlook 2025-2032" line, in the text. A company's annual report has no forecast period of its own.
* **base_year**: an explicit "base year 2024" / "2024 as the base year", else the latest year of a
  "valued at ... in YEAR" statement before the forecast start (the last actual year reported; a value "in
  2025" when the forecast starts in 2025 is already an estimate).
* **currency_rates**: stated exchange rates, as US dollars per one unit of the currency: "1 EUR = 1.08
  USD", "EUR 1 = USD 1.08", "US$1.10 per euro", "at an average exchange rate of 0.92 EUR/USD" (a number
  *before* "A/B" is units of A per B, so 1 EUR = 1/0.92 USD), "EUR/USD 1.08" (a quote *after* the pair is
  the FX-market convention, 1 EUR = 1.08 USD).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation

from kg.extract import dates, money, publisher
from kg.extract.dates import YEAR, parse_date
from kg.extract.geo import find_places
from kg.extract.publisher import HOUSE as _HOUSE
from kg.extract.publisher import display_name
from kg.models import Block, Evidence, ReportMeta, TextDocument

_YEAR = YEAR
#: A year range's joint; "~" (and its full-width forms) is how East Asian reports write "2025~2032".
_DASH = r"\s*(?:-|\u2010|\u2011|\u2012|\u2013|\u2014|~|\uff5e|\u301c|to|through|until|and)\s*"


def find_published(doc: TextDocument) -> date | None:
    """The publication date (rules in :mod:`kg.extract.dates`), searched near this module's title."""
    _, evidence = find_title(doc)
    return dates.find_published(doc, evidence.start if evidence is not None else None)


# ------------------------------------------------------------------ title


_TITLE_WORDS = re.compile(r"\b(?:market|report|outlook|forecast|analysis|study|industry)\b", re.I)


#: A report's catalogue number ("Report QX-2026-041", "Report No. 42"): it names no report by its title.
_REPORT_CODE = re.compile(
    r"\breport\s+(?:(?:no\.?|id|code|#)\s*:?\s*[A-Z0-9\-/.]*\d[A-Z0-9\-/.]*|"
    r"(?=[A-Z0-9\-/.]*[A-Z])(?=[A-Z0-9\-/.]*\d)[A-Z0-9]+(?:[-/.][A-Z0-9]+)*)\b",
    re.I,
)


def _title_like(text: str) -> bool:
    """A short line naming a report ("... Market ... 2025-2032"), not a sentence. A catalogue number
    ("BRIGHTFIELD LTD | Report AB-2025-7") is not what makes a line a title."""
    words = text.split()
    limit = 60 if _BREAKDOWN_TITLE.search(text) else 30
    return (2 <= len(words) <= limit and not text.rstrip().endswith((".", ":"))
            and bool(_TITLE_WORDS.search(_REPORT_CODE.sub(" ", text))))


#: A syndicated title that spells out its breakdown ("X Market Size Report By Type (A, B), By Application
#: (C, D), By Region, And Segment Forecasts, 2025 - 2032"): long, but still a title, not a sentence.
_BREAKDOWN_TITLE = re.compile(r"\bMarket\b.*\bBy\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?\s*\([^()]+\),", re.S)


#: The words of a section heading ("FULL REPORT", "Executive Summary", "Market Overview", "Report
#: Attributes"): a heading made only of these (and years) names a part of the report, not the report.
_SECTION_WORDS = frozenset({
    "full", "complete", "main", "report", "reports", "summary", "executive", "press", "release",
    "introduction", "overview", "contents", "table", "of", "the", "a", "this", "our", "market", "markets",
    "analysis", "scope", "methodology", "key", "findings", "highlights", "conclusion", "conclusions",
    "appendix", "abstract", "about", "part", "section", "chapter", "insights", "snapshot", "at", "glance",
    "outlook", "research", "study", "background", "definition", "definitions", "and", "preface", "foreword",
    "notes", "note", "attributes", "details", "information", "description", "coverage", "segmentation",
    "landscape", "dynamics", "forecast", "forecasts", "size", "sizing", "statistics", "data", "facts",
    "figures", "covered", "in",
})


def _section_heading(text: str) -> bool:
    """Only section words: "FULL REPORT", "Market Overview", "Report Attributes 2025"."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and all(w in _SECTION_WORDS for w in words)


_NUMBER_TOKEN = re.compile(r"[(\[]?[\d.,%\-\u2013/]*\d[\d.,%\-\u2013/]*[)\]]?[A-Za-z]{0,2}")


def _table_row(text: str) -> bool:
    """A table's header or row laid out as text ("Grade 2024 2031 CAGR 25-31"): mostly numbers. A long
    headline quoting three figures ("X Market to Reach USD 1.2 Billion by 2032, at 9.1% CAGR") is no row:
    in a row the numbers are at least a quarter of the tokens."""
    tokens = text.split()
    numeric = sum(1 for t in tokens if _NUMBER_TOKEN.fullmatch(t))
    return numeric >= 3 and 4 * numeric >= len(tokens) or numeric >= 2 and 2 * numeric >= len(tokens)


#: A navigation trail: "Home > Energy > Anode Materials > X Market", "Home / Reports / X".
_TRAIL = re.compile(r"\s(?:>|\u203a|\u00bb|/)\s.*\s(?:>|\u203a|\u00bb|/)\s")


def _report_title(text: str) -> bool:
    """Reads like the report's own title: title-like, and not a section heading, a table row or a trail."""
    return _title_like(text) and not _section_heading(text) and not _table_row(text) and not _TRAIL.search(text)


#: Press-release boilerplate that opens the text but is never its title.
_RELEASE_LINE = re.compile(
    r"(?:for\s+immediate\s+release|(?:press|news|media)\s+release|embargoed[^\n]{0,60}|"
    r"for\s+release\s+[^\n]{0,40})[\s:.\-]*",
    re.I,
)


#: A rights or distribution notice printed above a cover ("SAMPLE PAGES -- NOT FOR REDISTRIBUTION",
#: "CONFIDENTIAL - FOR INTERNAL USE ONLY"): a line made only of such a notice is never the title.
_NOTICE_LINE = re.compile(
    r"(?:\s*(?:sample\s+(?:pages?|copy|chapters?)|not\s+for\s+(?:re)?distribution|confidential|strictly\s+"
    r"confidential|(?:for\s+)?internal\s+use(?:\s+only)?|for\s+client\s+use(?:\s+only)?|do\s+not\s+"
    r"(?:copy|distribute|forward)|draft|preview|excerpt|all\s+rights\s+reserved)\s*[\-\u2013\u2014:|/.,!]*)+",
    re.I,
)


def _notice(text: str) -> bool:
    """Only a release or distribution notice: "FOR IMMEDIATE RELEASE", "SAMPLE PAGES -- NOT FOR ...". """
    t = text.strip()
    return bool(_RELEASE_LINE.fullmatch(t) or _NOTICE_LINE.fullmatch(t))


#: A masthead line: three or more " | "-separated parts (firm | desk | sector | date).
_MASTHEAD = re.compile(r"^[^|\n]+(?:\s\|\s[^|\n]+){2,}$")
#: A field label that a joined opening paragraph continues with after the title ("... 2026-2033 Gorsedale
#: Research Date of publication: 2026-02-11").
_FIELD_LABEL = re.compile(
    r"\s(?=(?:date\s+of\s+publication|publication\s+date|published(?:\s+on)?|release\s+date|date|"
    r"report\s+(?:code|id)|publisher|authors?|analysts?|pages)\s*:)",
    re.I,
)
#: How many opening lines may stand above the title: a conference abstract stacks event, place, book,
#: session and paper number over it; the first body sentence ends the search sooner.
_OPENING_BLOCKS = 8


def _title_part(block: Block, text: str) -> str:
    """A block's title text. A paragraph may be the opening lines of a plain-text report joined into one
    (title, publisher, "Date: ..."): the title then ends before the first field label, and before a
    research house's name that follows the title's years ("... Report 2026-2033 Gorsedale Research")."""
    s = re.sub(r"\s+", " ", text).strip()
    if block.kind != "paragraph":
        return s
    label = _FIELD_LABEL.search(s)
    if label is not None and _title_like(s[:label.start()]):
        s = s[:label.start()].strip()
    for m in re.finditer(rf"\b{_YEAR}\b(?:{_DASH}{_YEAR}\b)?\)?", s):
        rest = s[m.end():].strip()
        if rest and _HOUSE.fullmatch(rest) and _title_like(s[:m.end()]):
            return s[:m.end()]
    return s


#: A slide marker of an exported deck: "=== Slide 3 ===", "--- Slide 3 ---", "Slide 3:".
_SLIDE_MARK = re.compile(r"^\s*(?:[=#\-]{2,}\s*)?slide\s+(\d{1,3})\s*(?:[=\-]{2,}|:)\s*", re.I)
_SMALL = frozenset({"of", "for", "and", "&", "in", "the", "on", "to", "a", "an"})


def _deck_title(text: str) -> str:
    """The title line of a deck's title slide whose lines the rendition joined ("X Anode Market Planning
    notes for the Committee | Horizon 2026-2033 ..."): the text before the first " | ", and in it the run of
    capitalised words, less its last word when a lower-case word follows (that word opened the next,
    sentence-case line: "Planning notes for the Committee")."""
    head = text.split(" | ")[0].strip()
    words = head.split()
    run = 0
    while run < len(words) and (words[run][:1].isupper() or words[run][:1] in "([" or words[run] in _SMALL):
        run += 1
    if 2 < run < len(words) and words[run] not in _SMALL and words[run][:1].islower() and (
        words[run - 2] not in _SMALL
    ):
        return " ".join(words[:run - 1])
    return head


def _deck_blocks(doc: TextDocument, usable: list[Block]) -> list[tuple[Block, str]] | None:
    """The title slide's blocks, marker removed, when the text is an exported slide deck (its first block
    opens with a "Slide 1" marker): a deck's title is on its first slide, never a later slide's heading."""
    if not usable or not (m := _SLIDE_MARK.match(doc.text[usable[0].start:usable[0].end])) or m.group(1) != "1":
        return None
    out: list[tuple[Block, str]] = []
    for b in usable:
        text = doc.text[b.start:b.end]
        mark = _SLIDE_MARK.match(text)
        if mark is not None and mark.group(1) != "1":
            break
        text = text[mark.end():] if mark is not None else text
        if text.strip():
            out.append((b, _deck_title(re.sub(r"\s+", " ", text).strip())))
    return out


def _names_market(text: str) -> bool:
    """A title naming a market and its years ("X Market Report 2025-2030"), not only a desk or a series."""
    return bool(re.search(r"\bmarkets?\b", text, re.I) and re.search(rf"\b{_YEAR}\b", text))


#: A section number opening a line: "1. ", "2) ", "3.2 " (a report's title never opens with one).
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\.\d{1,2})\s+\S")


def _opening_title(doc: TextDocument, usable: list[Block]) -> tuple[Block, str] | None:
    """The first block of the opening (before any body sentence) that reads like a report title; in a
    slide deck, the first title-like line of its title slide."""
    deck = _deck_blocks(doc, usable)
    if deck is not None:
        return next(((b, t) for b, t in deck if _report_title(t)), None)
    opening = usable[:_OPENING_BLOCKS]
    for n, b in enumerate(opening):
        text = _title_part(b, doc.text[b.start:b.end])
        if _SECTION_NUMBER.match(text):
            return None  # "1. Lead story: X market outlook": the first section has begun, the cover is over
        if _report_title(text):
            nxt = opening[n + 1] if n + 1 < len(opening) else None
            if nxt is not None and not _names_market(text):
                below = _title_part(nxt, doc.text[nxt.start:nxt.end])
                if _names_market(below) and _report_title(below) and len(below.split()) <= 20:
                    return nxt, below  # "X Service - Report Brief" over "Y Market - Report Brief, 2025-2030"
            return b, text
        if b.kind == "paragraph" and text.endswith(".") and len(text.split()) >= 8:
            return None  # body text has begun: a title after it is a section's
    return None


#: The second line of a title set over two lines ("Analysis & Forecast 2025-2033", "Outlook to 2030"):
#: capitalised words or small words, naming the report's kind or its years, and nothing else.
_TITLE_TAIL = re.compile(
    rf"(?:(?:[A-Z][\w\-]*|&|and|of|to|for|the|by|{_YEAR}(?:{_DASH}{_YEAR})?|\({_YEAR}{_DASH}{_YEAR}\)),?\s+)*"
    rf"(?:[A-Z][\w\-]*|{_YEAR}(?:{_DASH}{_YEAR})?|\({_YEAR}{_DASH}{_YEAR}\))"
)


#: How a title's second line starts: the report's kind ("Analysis & Forecast ..."), a joining word or
#: the years; a line opening with a name ("Acme Research Report") is a by-line, not the title's rest.
_TAIL_START = re.compile(
    rf"(?:analysis|forecasts?|outlook|report|review|study|size|share|trends|research|insights|opportunities|"
    rf"and|&|to|{_YEAR}|\({_YEAR})\b",
    re.I,
)


def _continued_title(doc: TextDocument, block: Block, text: str) -> tuple[Block, str] | None:
    """The next line when a cover title wraps onto it: a title without its years ("X -- Global Market")
    followed by a short line of title words naming the report's kind or years ("Analysis & Forecast
    2025-2033"). A line with a field, a masthead ("Edition 3 | 248 pages") or a sentence is no tail."""
    if re.search(rf"\b{_YEAR}\b", text) or text.rstrip().endswith((".", ":", ";", ")")):
        return None
    nxt = next((b for b in doc.blocks if b.start >= block.end), None)
    if nxt is None or nxt.kind not in ("paragraph", "heading") or nxt.boilerplate:
        return None
    tail = re.sub(r"\s+", " ", doc.text[nxt.start:nxt.end]).strip()
    if not (len(tail.split()) <= 8 and _TITLE_TAIL.fullmatch(tail) and _TAIL_START.match(tail)) or (
        _section_heading(tail) and not re.search(rf"\b{_YEAR}\b", tail)
    ):
        return None
    return nxt, f"{text} {tail}"


def _page_title(html_title: str) -> str:
    """An HTML <title> without the site's name after its last " | " ("X Market 2025-2030 | Acme News")."""
    head, sep, tail = html_title.rpartition(" | ")
    return head.strip() if sep and head.strip() and not _TITLE_WORDS.search(tail) else html_title.strip()


#: A labelled title in a text export's key-value header ("TITLE    : X Market Dataset, 2023-2030",
#: "Report title: ..."): the label opens the line.
_TITLE_FIELD = re.compile(r"(?:report\s+|document\s+)?title\s*:\s*(\S[^\n]{3,200}?)\s*", re.I)
_HEADER_BLOCKS = 8


def _field_title(doc: TextDocument, usable: list[Block]) -> str | None:
    """The value of a "Title:" field among the opening lines, when it names a report."""
    for b in usable[:_HEADER_BLOCKS]:
        m = _TITLE_FIELD.fullmatch(doc.text[b.start:b.end].strip())
        if m is not None and b.kind != "table" and _report_title(m.group(1)):
            return re.sub(r"\s+", " ", m.group(1))
    return None


def _subject_title(doc: TextDocument) -> str | None:
    """A saved e-mail's subject, when it is a report's name set in title case ("X Market Brief - June
    2025"); a subject written as a sentence ("[Digest #12] X coke: report sees $3bn market") is a teaser."""
    subject = re.sub(r"^(?:\s*(?:re|fwd?|aw|wg)\s*:)+", "", doc.front_matter.get("subject") or "", flags=re.I)
    subject = re.sub(r"\s+", " ", subject).strip()
    if not subject or subject.startswith("[") or not _report_title(subject):
        return None
    # The name may be followed by a teaser after a comma ("X Market Outlook 2025-2030, plus five quick reads"):
    # the subject is still its title when the part before the comma names the report in title case.
    name = subject.split(", ")[0]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]*", name)[1:] if len(w) > 3]
    return subject if words and all(w[:1].isupper() for w in words) and _report_title(name) else None


#: A line whose capitals read as a firm's name: ALL-CAPS words only, no digits or punctuation but "&".
_CAPS_NAME = re.compile(r"[A-Z][A-Z'\-]+(?:[ \t]+(?:[A-Z][A-Z'\-]+|&)){1,5}")


def _masthead_name(text: str, next_text: str | None) -> bool:
    """An opening line that only names the house ("ACME BATTERY RESEARCH", "Acme Insights") is the
    masthead above the title, never the title; an ALL-CAPS name without a house word counts when the
    line below it reads like a report's title."""
    t = re.sub(r"\s+", " ", text).strip()
    if _title_like(t):
        return False
    if publisher.house_name(t):
        return True
    return bool(_CAPS_NAME.fullmatch(t)) and next_text is not None and _report_title(next_text)


def _without_masthead(doc: TextDocument, usable: list[Block]) -> list[Block]:
    """``usable`` less a masthead name on its first line."""
    if not usable:
        return usable
    nxt = re.sub(r"\s+", " ", doc.text[usable[1].start:usable[1].end]).strip() if len(usable) > 1 else None
    return usable[1:] if _masthead_name(doc.text[usable[0].start:usable[0].end], nxt) else usable


def find_title(doc: TextDocument) -> tuple[str | None, Evidence | None]:
    """The report's title and its span (rules in the module docstring): front matter, else the opening
    line of a text report or the h1 naming the report, else the first heading that reads like a title."""
    usable = [
        b for b in doc.blocks
        if not b.boilerplate and doc.text[b.start:b.end].strip() and not _notice(doc.text[b.start:b.end])
    ]
    fm_title = (doc.front_matter.get("title") or "").strip().strip("\"'").strip()
    fm_title = fm_title or _subject_title(doc) or _field_title(doc, usable) or ""
    kept = _without_masthead(doc, usable)
    masthead = usable[0] if len(kept) < len(usable) else None
    usable = kept
    headings = [
        b for b in doc.blocks
        if b.kind == "heading" and b is not masthead and not _notice(doc.text[b.start:b.end])
    ]
    # A section heading ("FULL REPORT") or a table row the layout made a heading is never the title.
    # Nor is a masthead the layout made a heading ("QUARRYSTONE ADVISORY | BRIEFING | METALS").
    named = [
        b for b in headings
        if not _section_heading(doc.text[b.start:b.end]) and not _table_row(doc.text[b.start:b.end])
        and not _MASTHEAD.search(doc.text[b.start:b.end].strip())
    ]
    h1 = next((b for b in named if b.level == 1), None)
    opening = _opening_title(doc, usable)
    # A plain-text or press-release report opens with its title line; a heading guessed later from the
    # layout (a publisher's name, "Market Overview:") is not the title unless it reads like one.
    text: str | None = None
    block: Block | None
    if opening is not None and (
        h1 is None
        or opening[0].start < h1.start
        and (doc.media_type == "text/plain" or not _title_like(doc.text[h1.start:h1.end]))
    ):
        block, text = opening
        wrapped = None if fm_title else _continued_title(doc, block, text)
        if wrapped is not None:
            return re.sub(r"\s+", " ", wrapped[1]), doc.quote(block.start, wrapped[0].end)
    else:
        block = h1 or (named[0] if named else (headings[0] if headings else (usable[0] if usable else None)))
        if masthead is not None and h1 is None and usable and (block is None or usable[0].start < block.start):
            block = usable[0]  # the line under a masthead is the title, not a later heading (a date line)
    html_title = (doc.front_matter.get("html_title") or "").strip()
    if not fm_title and html_title and block is not None and _MASTHEAD.search(doc.text[block.start:block.end]):
        # "Ambervale Securities | Equity Research | Specialty Chemicals | 12 May 2026": a masthead naming the
        # firm, not the report; the page's <title> (or a later h1 naming a market) is the title.
        later = next((b for b in named if b is not block and _title_like(doc.text[b.start:b.end])), None)
        if later is not None:
            block, text = later, None
        else:
            fm_title, block = html_title, None
    if block is not None and text is None:
        text = doc.text[block.start:block.end].strip()
    if not fm_title and text is not None and not _report_title(text) and _report_title(_page_title(html_title)):
        # No heading names the report ("Market Overview" as the page's only h1): the page's <title> does.
        fm_title, block = _page_title(html_title), None
    title = fm_title or text
    if title and _RELEASE_LINE.fullmatch(title):
        title = None
    if not title:
        return None, None
    title = re.sub(r"\s+", " ", title)
    # Evidence: the title as a block of its own first, else its first occurrence anywhere.
    for b in ([block] if block is not None else []) + list(doc.blocks):
        s = doc.text[b.start:b.end]
        if s.strip() == title:
            start = b.start + (len(s) - len(s.lstrip()))
            return title, doc.quote(start, start + len(title))
    pos = doc.text.find(title, block.start if block is not None else 0)
    if pos < 0:
        pos = doc.text.find(title)
    return title, (doc.quote(pos, pos + len(title)) if pos >= 0 else None)


# ------------------------------------------------------------------ market and forecast period

_REPORT_WORDS = re.compile(
    r"\b(?:global|worldwide|world|research|report|outlook|forecasts?|analysis|industry|size|share|trends?|"
    r"growth|opportunities|insights|study|results|review|and|&|by|to|from|till|through)\b",
    re.I,
)


def market_from_title(title: str | None) -> str | None:
    """The market a title is about, without "Global", "Market", years, report words, an acronym in
    brackets ("Graphitized Petroleum Coke (GPC) Market") and a leading place ("Middle East Prebaked Anode
    Market": the place is the report's scope, see :func:`scope_from_title`)."""
    return _market_and_scope(title)[0]


#: "the global widget anode material market", "the X market": how a report names its own market.
_MARKET_PHRASE = re.compile(
    r"\b[Tt]he\s+(?:(?:global|worldwide|world)\s+)?((?:[A-Za-z][\w\-]*\s+){1,6}?)markets?\b"
)
_NOT_IN_NAME = frozenset({
    "the", "a", "an", "this", "that", "its", "their", "our", "is", "are", "was", "were", "be", "by", "from",
    "to", "for", "with", "as", "at", "on", "overall", "total", "entire", "broader", "wider", "whole", "same",
    "said", "current",
})


def market_from_text(text: str) -> str | None:
    """The market a text keeps naming ("the global X market" at least twice), for a title that names none.
    A phrase with a function word ("the size of the market") or a place is no market name."""
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for m in _MARKET_PHRASE.finditer(text):
        words = m.group(1).split()
        if any(w.lower() in _NOT_IN_NAME for w in words) or find_places(m.group(1), adjectives=True):
            continue
        key = " ".join(w.lower() for w in words)
        counts[key] += 1
        spelled.setdefault(key, " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words))
    if not counts:
        return None
    key, n = min(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return spelled[key] if n >= 2 else None


#: "the global market for carbon anodes for aluminium smelting at US$ ...": the market named after "market
#: for", in lower case, up to the verb or preposition that goes on with the sentence.
_GLOBAL_MARKET_FOR = re.compile(
    r"\b[Tt]he\s+(?:global|worldwide|world)\s+markets?\s+for\s+((?:[a-z][\w\-]*\s+){0,5}?[a-z][\w\-]*)"
    r"(?=\s+(?:at|is|was|were|will|would|to|in|by|of|stood|reached|grew|has|had|could|should|amounted|totall?ed)\b"
    r"|\s*[,.;:])"
)
_GLOBAL_PHRASE = re.compile(
    r"\b[Tt]he\s+(?:global|worldwide|world)\s+((?:[A-Za-z][\w\-]*\s+){1,6}?)markets?\b"
)


_PRONOUNS = frozenset({"it", "them", "these", "those", "such", "all", "each", "both", "other", "others"})


def global_market(text: str) -> str | None:
    """The first market the text names as "the global X market" or "the global market for X", for a
    document whose title names none (a news headline, a company's annual report): its one statement of the
    whole market's size is how such a text names the market it is about."""
    found = [m for rx in (_GLOBAL_PHRASE, _GLOBAL_MARKET_FOR) for m in rx.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        words = m.group(1).split()
        allowed = {"for"} if m.re is _GLOBAL_MARKET_FOR else set()  # "... for aluminium smelting": its end use
        if any(w.lower() in (_NOT_IN_NAME - allowed) | _PRONOUNS for w in words) or find_places(
            m.group(1), adjectives=True
        ):
            continue
        return " ".join(w if w.isupper() or (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
    return None


#: A company's own periodic report ("Acme Graphite ASA Annual Report 2024", "Interim Report Q3 2025"): its
#: title names the company, not a market, and the forecasts it quotes are not a forecast period of its own.
_CORPORATE_REPORT = re.compile(
    r"\b(?:annual|interim|half[\s\-]year(?:ly)?|quarterly|sustainability|integrated)\s+(?:report|review|accounts)\b"
    r"|\bform\s+10-[kq]\b",
    re.I,
)


def corporate_report(title: str | None) -> bool:
    """A company's annual (or other periodic) report, by its title: one naming no market."""
    return bool(title and _CORPORATE_REPORT.search(title) and not re.search(r"\bmarkets?\b", title, re.I))


def headline(title: str | None) -> bool:
    """A news headline, not a report's name: no "Market" in it and written as a sentence, most of its
    longer words in lower case ("Hard carbon sales set to triple as sodium-ion scales up")."""
    if not title or re.search(r"\bmarkets?\b", title, re.I):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]*", title)[1:] if len(w) > 3]
    lower = sum(1 for w in words if w.islower())
    return lower >= 3 and 2 * lower >= len(words)


#: A report cited by its name in the text ("... says a new report, Global Zinc Foil Anode Market: Outlook
#: 2025-2030"): two or more capitalised words (small words and an acronym in brackets between) up to
#: "Market", within the sentence that mentions the report.
_CITED_REPORT = re.compile(
    r"\b(?:report|study)\b[^.;\n]{0,160}?[\s,:\"'\u201c\u2018(]"
    r"((?:(?:Global|Worldwide|World)\s+)?[A-Z][\w\-]*(?:\s+(?:(?:of|for|and|&|in)\s+)?(?:[A-Z][\w\-]*|\([A-Z]{2,8}\)))+"
    r"\s+Markets?\b[^.;\n]{0,60})"
)


#: A report's title-cased name that says it is one by what follows "Market": a report word or its years
#: ("India Zinc Anode Market Report 2026-2033", "Zinc Anode Market - Global Forecast 2025-2032").
_NAMED_REPORT = re.compile(
    r"(?<![\w\-])((?:(?:Global|Worldwide|World)\s+)?[A-Z][\w\-]*(?:\s+(?:(?:of|for|and|&|in)\s+)?"
    r"(?:[A-Z][\w\-]*|\([A-Z]{2,8}\)))+\s+(?:Markets?|MARKETS?)\s*(?:[:\-\u2013\u2014,]\s*)?"
    r"(?:(?:Global|Worldwide|GLOBAL|WORLDWIDE)\s+)?"
    rf"(?:Report|Study|Outlook|Forecasts?|Analysis|Research|Review|REPORT|STUDY|OUTLOOK|FORECASTS?|ANALYSIS|"
    rf"RESEARCH|REVIEW|\(?{_YEAR})\b[^.;\n]{{0,40}})"
)


def cited_report(text: str, *, named_only: bool = False) -> tuple[str | None, str | None]:
    """The market and scope of a report the text cites by its title-cased name, for an article whose own
    title names no report: after "report"/"study" in the sentence, or (``named_only``, and always as a
    second try) a name that is a report's title by itself ("X Market Report 2025-2032"). The first such
    name is taken; one naming only a place ("Asia Pacific Market") is none."""
    for rx in ((_NAMED_REPORT,) if named_only else (_CITED_REPORT, _NAMED_REPORT)):
        for m in rx.finditer(text):
            name = m.group(1)
            if name.split()[0] in ("The", "This", "Our", "Its"):
                continue
            market, scope = _market_and_scope(name)
            if market and (scope or not find_places(market, adjectives=False)):
                return market, scope
    return None, None


def market_from_cited_report(text: str) -> str | None:
    """The market of a report the text cites by its title-cased name (see :func:`cited_report`)."""
    return cited_report(text)[0]


def scope_from_title(title: str | None) -> str | None:
    """The place a title limits the report to: "Middle East Prebaked Anode Market" -> "Middle East",
    "Battery-Grade Graphite Market in India" -> "India"; None for a global title."""
    return _market_and_scope(title)[1]


#: An acronym in brackets that closes the market's name ("Graphitized Petroleum Coke (GPC) Market"): it
#: abbreviates the whole name and is dropped. One inside the name ("Lithium Titanate (LTO) Anode Material
#: Market") abbreviates a part of it, is part of how the product is named, and stays.
_ACRONYM_BRACKETS = re.compile(
    r"\s*[(\[]\s*[A-Z][A-Za-z0-9&./\-]{0,11}\s*[)\]](?=\s*(?:\b[Mm]arkets?\b|MARKETS?\b|[,:;|]|$)|\s+[\-\u2013\u2014])"
)


def _leading_place(head: str) -> tuple[str, str | None]:
    """``head`` without a place it opens with, and that place's canonical name."""
    stripped = head.lstrip()
    found = find_places(stripped, adjectives=False)
    if not found or found[0].start != 0 or found[0].place.key == "global":
        return head, None
    rest = stripped[found[0].end:]
    if not rest.strip() or not rest[:1].isspace():
        return head, None
    return rest, found[0].place.name


#: A place closing the market's name after "in"/"across" or a spaced dash ("X in Europe: Market Outlook",
#: "X – World Market Report"): the report's scope, not part of the product's name.
_TRAILING_PLACE = re.compile(
    r"(?:\s+(?:in|across)\s+(?:the\s+)?|\s+[\-\u2013\u2014]\s+)(?P<place>[A-Z][\w.\-]*(?:\s+[A-Z&][\w.\-]*){0,3})$")


def _trailing_place(market: str) -> tuple[str, str | None, bool]:
    """``market`` without a closing place (see ``_TRAILING_PLACE``), that place's name (None for the whole
    world), and whether one was removed."""
    m = _TRAILING_PLACE.search(market)
    if m is None or not _clean_market(market[:m.start()]):
        return market, None, False
    place = m.group("place")
    if re.fullmatch(r"world|worldwide|global", place, re.I):
        return _clean_market(market[:m.start()]), None, True
    found = find_places(place, adjectives=False)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(place):
        return market, None, False
    return _clean_market(market[:m.start()]), found[0].place.name, True


def _market_and_scope(title: str | None) -> tuple[str | None, str | None]:
    if not title:
        return None, None
    title = _ACRONYM_BRACKETS.sub("", title)
    market = _market_text(title)
    if market is None:
        return None, None
    rest, scope = _leading_place(market)
    if scope is not None and _clean_market(rest):
        return _clean_market(rest), scope
    rest, scope, placed = _trailing_place(market)
    if placed:
        return rest, scope
    tail = re.search(r"\b[Mm]arkets?\s+(?:in|of|across)\s+(?:the\s+)?([A-Z][^,:;|\-\u2013\u2014]{1,40})", title)
    if tail:
        found = find_places(tail.group(1), adjectives=False)
        if found and found[0].start == 0 and found[0].place.key != "global":
            return market, found[0].place.name
    return market, None


def _market_text(title: str) -> str | None:
    t = re.sub(r"\s+", " ", title).strip()
    m = re.search(r"\bmarkets?\b", t, re.I)
    if m and (phrase := _HEADLINE_MARKET.search(t[:m.end()])) is not None and phrase.start() > 0:
        # a headline naming the market in lower case after other words ("Reading the fine print: Acme
        # on the zinc foil anode market"): the market is that phrase's words, not the headline.
        words = phrase.group(1).split()
        if not any(w in _NOT_IN_NAME for w in words) and not find_places(phrase.group(1), adjectives=True):
            return " ".join(w[:1].upper() + w[1:] for w in words)
    if m:
        head = t[:m.start()]
        head = re.sub(r"^\s*the\b|\b(?:global|worldwide)\b", "", head, flags=re.I)
        head = _clean_market(head)
        # "Series #12: X Market Outlook", "1. In Depth: X Market": what precedes the colon labels the issue
        # or the section; the market is named after it.
        after = _clean_market(head.rpartition(": ")[2]) if ": " in head else ""
        if after and after[:1].isupper():
            head = after
        if head:
            return _without_uses(head) + _purpose(t[m.end():])
        tail = re.match(r"\s*(?:for|of)\s+(.+)", t[m.end():], re.I)
        if tail:
            first = re.split(r"[,:(\-\u2013\u2014|]|\b(?:19|20)\d\d\b", tail.group(1))[0]
            return _clean_market(first) or None
        return None
    # "X Materials: Sizing a Niche" / "X MATERIALS -- 2025 RESULTS AND OUTLOOK" -> "X Materials"
    t = re.split(r"\s(?:--|[\-\u2013\u2014|:])\s|:\s|,", t)[0]
    t = re.sub(rf"\b{_YEAR}\b", " ", t)
    words = [w for w in t.split() if any(ch.isalnum() for ch in w)]
    while words and _REPORT_WORDS.fullmatch(words[-1]):
        words.pop()
    while words and re.fullmatch(r"(?:the|global|worldwide|world)", words[0], re.I):
        words.pop(0)
    return _clean_market(" ".join(words)) or None


#: "X for Sodium-Ion and High-Power Lithium-Ion Cells": uses listed after "for", two or more joined by
#: "and" or commas over a plural noun; one of them written as a compound ("Sodium-Ion", "Two Wheelers").
_USES = re.compile(r"\s+for\s+(?P<uses>[A-Z][^:]*?(?:,\s*|\s+and\s+)[A-Z][^:]*?\w+s)$")


def _without_uses(name: str) -> str:
    """A market named with several uses ("Soft Foo Anodes for Sodium-Ion and Lithium-Ion Cells") is the
    product's market, the uses its applications; one use ("X for Aluminium Smelting") names the market, and
    so does a pair of plain words ("Seals for Oil and Gas")."""
    m = _USES.search(name)
    if m is None:
        return name
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("uses"))
    if len(parts) < 2 or not any("-" in p or len(p.split()) > 1 for p in parts):
        return name
    return name[:m.start()]


#: "X Market for Aluminium Smelting: Global Size ...": the end use written after "Market" is part of the
#: market's name ("Prebaked Anode for Aluminium Smelting"), up to the title's next part (a colon, a spaced
#: dash, a comma, "by", a year or a report word). Title-cased words only: "Market for the Forecast Period"
#: and "Market for 2030" name no end use, and a place ("Market for Europe") is the report's scope.
_PURPOSE_WORD = re.compile(r"\s+((?:[A-Z][\w\-]*|\([A-Za-z0-9\-]{2,12}\))|(?:of|and|&|in|on)(?=\s+[A-Z]))")
_PURPOSE_STOP = re.compile(
    rf"(?:{_YEAR}|by|to|from|through|till|vs|global|worldwide|world|research|report|outlook|forecasts?|analysis|"
    r"industry|size|share|trends?|growth|opportunities|insights|study|results|review)$",
    re.I,
)
_PURPOSE_NEXT = re.compile(rf"\s*(?:$|[,:;|(\u2013\u2014]|-\s|\s(?:{_YEAR}|(?i:by|to|through|till|vs))\b)")


def _purpose(after: str) -> str:
    """" for <end use>" when the title names one right after "Market" (see ``_PURPOSE_WORD``), else ""."""
    m = re.match(r"\s+(?i:for)(?=\s)", after)
    if m is None:
        return ""
    pos, words = m.end(), []
    while (w := _PURPOSE_WORD.match(after, pos)) is not None and not _PURPOSE_STOP.match(w.group(1)):
        words.append(w.group(1))
        pos = w.end()
    while words and words[-1] in ("of", "and", "&", "in", "on"):
        words.pop()
    if not words or len(words) > 6 or not (_PURPOSE_NEXT.match(after, pos) or _PURPOSE_WORD.match(after, pos)):
        return ""
    end_use = " ".join(words)
    found = find_places(end_use, adjectives=False)
    if found and found[0].start == 0:
        return ""
    return " for " + _clean_market(end_use)


#: "the zinc foil anode market" ending a headline: the market as a sentence writes it (lower case but for
#: a chemical formula or acronym: "the SiOx anode market").
_HEADLINE_MARKET = re.compile(r"\bthe\s+(?:(?:global|worldwide|world)\s+)?((?:[A-Za-z][\w\-]*\s+){1,6}?)markets?$")

_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


def _clean_market(s: str) -> str:
    s = re.sub(rf"\b{_YEAR}\b(?:{_DASH}\b{_YEAR}\b)?", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,:;-\u2013\u2014|()")
    letters = [ch for ch in s if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):  # an ALL-CAPS title: "NEEDLE COKE FOR ..."
        words = s.lower().split(" ")
        s = " ".join(
            w if i and w in _SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
            for i, w in enumerate(words)
        )
    return s


def _period(a: str, b: str) -> tuple[int, int] | None:
    start, end = int(a), int(b)
    return (start, end) if 0 < end - start <= 20 else None


_RANGE = re.compile(
    # "FY2025-FY2031": a fiscal-year prefix on either end
    rf"\b(?:FY\s?)?({_YEAR})\s*(?:(?:-|\u2013|\u2014|~|\uff5e|\u301c|to|through|until)|forecast\s+to|,)\s*"
    rf"(?:FY\s?)?({_YEAR})\b",
    re.I,
)
_TEXT_PERIOD = (
    re.compile(
        rf"forecast(?:ed)?\s+(?:period|horizon)\s*(?:\(|of|from|:|between|,)?\s*({_YEAR}){_DASH}({_YEAR})", re.I
    ),
    re.compile(rf"\b(?:from|between)\s+({_YEAR}){_DASH}({_YEAR})\b", re.I),
    # "over 2025-2030", "over 2025E-30E" (an analyst's short end year; E/F marks an estimate year)
    re.compile(
        rf"\b(?:during|over|in)\s+(?:the\s+(?:period\s+)?)?({_YEAR})[EF]?\s*(?:-|\u2013|\u2014)\s*({_YEAR}|\d\d)[EF]?\b",
        re.I,
    ),
    # "Outlook 2025-2032", "Forecast: 2025-2032" as a cover or slide line names the forecast years
    re.compile(rf"\b(?:outlook|forecasts?)\s*:?\s*({_YEAR})\s*(?:-|\u2013|\u2014)\s*({_YEAR})\b", re.I),
)


def _full_year(start: str, end: str) -> str:
    """"30" after "2025" is 2030: an analyst's short end year in the start's century."""
    return end if len(end) == 4 else start[:2] + end


def _stated_period(body: str) -> tuple[int, int] | None:
    """A "forecast period (2025-2032)" / "forecast horizon of 2026-2033" statement's years."""
    stated = _TEXT_PERIOD[0].search(body)
    return _period(stated.group(1), stated.group(2)) if stated else None


#: Where a sentence ends: a full stop, "!" or "?" before the capital or digit opening the next one (not an
#: abbreviation inside a sentence: "4.8% p.a. over 2025-2030"), or a line break.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9\"\u201c(])|\n")


def _sentence(body: str, start: int, end: int) -> str:
    """The sentence around ``body[start:end]``: a CAGR or a forecast must be named in the same sentence as
    the years ("pilot production between 2026 and 2028" after a sentence about a forecast is not one)."""
    lo = max(0, start - 300)
    # endpos past ``start``: the lookahead must see the capital that opens this sentence ("strong. From 2026")
    ends = [m.end() for m in _SENTENCE_END.finditer(body, lo, start + 1)]
    after = _SENTENCE_END.search(body, end, end + 300)
    return body[ends[-1] if ends else lo:after.end() if after else min(len(body), end + 300)]


def find_forecast_period(title: str | None, doc: TextDocument) -> tuple[int, int] | None:
    if title:
        for m in reversed(list(_RANGE.finditer(title))):
            p = _period(m.group(1), m.group(2))
            if p:
                # A title's range may span the history too ("Dataset, 2023-2030"): a stated forecast
                # period ending in the same year but starting later is the forecast's part of it.
                stated = _stated_period(doc.text)
                if stated is not None and stated[1] == p[1] and stated[0] > p[0]:
                    return stated
                return p
    # "X -- 2025 Results and Outlook to 2030": 2025 is reported as actual, the forecast is 2026-2030.
    results = re.search(rf"\b({_YEAR})\s+(?:results|actuals?|review)\b.*?\b(?:outlook|forecasts?|projections?)\s+"
                        rf"(?:to|till|through|until)\s+({_YEAR})\b", title or "", re.I)
    if results and (p := _period(str(int(results.group(1)) + 1), results.group(2))):
        return p
    if corporate_report(title):
        return None  # a company's annual report quotes others' forecasts; it has no forecast period
    # The text: a "forecast period" statement wins; a "from 2025 to 2032" only next to a CAGR/forecast.
    body = doc.text
    # "Global Forecast to 2029": the title gives the end; a "CAGR (2024-2029)" range ending there the start.
    to_end = re.search(rf"\b(?:forecast|outlook|projections?)\s+(?:to|till|through|until)\s+({_YEAR})\b",
                       title or "", re.I)
    if to_end:
        for m in _RANGE.finditer(body):
            window = body[max(0, m.start() - 80):m.end() + 20].lower()
            if m.group(2) == to_end.group(1) and ("cagr" in window or "forecast" in window) and (
                p := _period(m.group(1), m.group(2))
            ):
                return p
    if p := _stated_period(body):
        return p
    for rx in _TEXT_PERIOD[1:]:
        for m in rx.finditer(body):
            window = _sentence(body, m.start(), m.end()).lower()
            if ("cagr" in window or "forecast" in window or "compound annual" in window or "outlook" in window) and (
                p := _period(m.group(1), _full_year(m.group(1), m.group(2)))
            ):
                return p
    return None


_BASE_YEAR = (
    re.compile(rf"\bbase\s+year\s*(?:\(|of|is|was|:|-|=)?\s*({_YEAR})\b", re.I),
    re.compile(rf"\b({_YEAR})\s+(?:is|was|as)\s+(?:the\s+)?base\s+year\b", re.I),
)
_VALUED_IN = re.compile(  # the lookahead on the words' first letters lets the scan skip most positions
    rf"(?=[vewsarm])\b(?:valued|estimated|worth|stood|was|accounted|reached|measured)\b(?:[^.;\n]|\.(?=\d)){{0,80}}?"
    rf"\bin\s+({_YEAR})\b",
    re.I,
)


def find_base_year(doc: TextDocument, period: tuple[int, int] | None) -> int | None:
    for rx in _BASE_YEAR:
        m = rx.search(doc.text)
        if m:
            return int(m.group(1))
    years = [int(m.group(1)) for m in _VALUED_IN.finditer(doc.text)]
    if period:
        years = [y for y in years if y < period[0]]
    return max(years) if years else None


# ------------------------------------------------------------------ publisher


def find_publisher(doc: TextDocument) -> str | None:
    """The research house (rules in :mod:`kg.extract.publisher`); a statement inside the title is none."""
    _, title_span = find_title(doc)
    return publisher.find_publisher(doc, title_span)


# ------------------------------------------------------------------ exchange rates

_CURRENCY_WORDS: dict[str, str] = {
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "\u20ac": "EUR",
    "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "\u00a3": "GBP",
    "jpy": "JPY", "yen": "JPY",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "inr": "INR", "rupee": "INR", "rupees": "INR", "\u20b9": "INR",
    "krw": "KRW", "won": "KRW", "\u20a9": "KRW",
    "cad": "CAD", "aud": "AUD", "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "brl": "BRL",
    "usd": "USD", "us$": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD",
    "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
}
_CUR = (r"(?:us\s?\$|u\.s\.\s+dollars?|us\s+dollars?|usd|eur|euros?|gbp|pounds?|sterling|jpy|yen|cny|"
        r"rmb|yuan|renminbi|inr|rupees?|krw|won|cad|aud|chf|sek|nok|dkk|brl|dollars?|[\u20ac\u00a3\u20b9\u20a9$])")
_CUR_FIRST = "uegpsjycrikwandb\u20ac\u00a3\u20b9\u20a9$"  # _CUR's first characters, in any case
_NUM = r"(\d+(?:[.,]\d+)?)"
# Each pattern opens with a lookahead on its possible first characters: the scan then rejects most
# positions with one test instead of thirty case-insensitive words.
_RATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 1 EUR = 1.08 USD / EUR 1 = USD 1.08 / €1 = $1.08
    (re.compile(rf"(?=[1{_CUR_FIRST}])(?:1\s*({_CUR})|({_CUR})\s*1)\s*(?:=|equals|is equal to|to)\s*"
                rf"(?:({_CUR})\s*{_NUM}|{_NUM}\s*({_CUR}))", re.I), "eq"),
    # US$1.10 per euro / USD 1.10 per EUR / 1.10 USD per EUR / $1.10/€
    (re.compile(rf"(?=[\d{_CUR_FIRST}])(?:({_CUR})\s*{_NUM}|{_NUM}\s*({_CUR}))\s*(?:per|/|for\s+(?:one|1|each))\s*(?:one\s+|1\s+)?({_CUR})",
                re.I), "per"),
    # EUR/USD 1.08, EUR/USD = 1.08, EUR/USD of 1.08 (FX-market quote)
    (re.compile(rf"(?=[{_CUR_FIRST}])\b({_CUR})\s*/\s*({_CUR})\s*(?:=|:|of|at)?\s*{_NUM}", re.I), "pair"),
)


def _code(token: str | None) -> str | None:
    if not token:
        return None
    t = re.sub(r"\s+", " ", token.strip().lower())
    return _CURRENCY_WORDS.get(t) or _CURRENCY_WORDS.get(t.replace(" ", ""))


def _dec(s: str) -> Decimal | None:
    try:
        v = Decimal(s.replace(",", "."))
    except InvalidOperation:
        return None
    return v if v > 0 else None


def find_exchange_rates(text: str) -> dict[str, Decimal]:
    """Stated exchange rates as US dollars per one unit of each currency (see module docstring)."""
    out: dict[str, Decimal] = {}

    def put(unit: str | None, usd_per_unit: Decimal | None) -> None:
        if unit and unit != "USD" and usd_per_unit and unit not in out:
            out[unit] = usd_per_unit.quantize(Decimal("0.000001")).normalize()

    for rx, shape in _RATE_PATTERNS:
        for m in money.rate_matches(rx, text):
            g = m.groups()
            if shape == "eq":
                base, quote = _code(g[0] or g[1]), _code(g[2] or g[5])
                value = _dec(g[3] or g[4] or "")
                if value is not None and quote == "USD":
                    put(base, value)
                elif value is not None and base == "USD":
                    put(quote, 1 / value)
            elif shape == "per":
                quote, value, unit = _code(g[0] or g[3]), _dec(g[1] or g[2] or ""), _code(g[4])
                # "0.92 EUR/USD" (number before the pair) is 0.92 EUR per USD.
                if value is not None and quote == "USD":
                    put(unit, value)
                elif value is not None and unit == "USD":
                    put(quote, 1 / value)
            else:
                if re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()]):
                    continue  # "0.92 EUR/USD 1.08" ambiguous; the 'per' reading already handled it
                base, quote, value = _code(g[0]), _code(g[1]), _dec(g[2])
                if value is not None and quote == "USD":
                    put(base, value)
                elif value is not None and base == "USD":
                    put(quote, 1 / value)
    return out


def _rates(doc: TextDocument) -> dict[str, Decimal]:
    """Stated rates: money.py's reading wins (the figures are converted with it); this module's patterns
    add what it does not read (FX-market quotes such as "EUR/USD 1.08")."""
    rates = find_exchange_rates(doc.text)
    rates.update({str(k): Decimal(str(v)) for k, v in money.find_exchange_rates(doc.text).items()})
    return rates


# ------------------------------------------------------------------ all together


def _market(title: str | None, doc: TextDocument) -> tuple[str | None, str | None]:
    """The title's market and scope. For a headline, the report the article cites by name comes first;
    for a title naming no report at all (a newsletter issue, "Cell Talk #7: Korea's anode bet"), a report
    cited by its own title ("X Market Report 2025-2032") does."""
    if headline(title):
        market, scope = cited_report(doc.text)
        if market:
            return market, scope
        named = market_from_text(doc.text) or global_market(doc.text)
        return named or market_from_title(title), scope_from_title(title)
    if corporate_report(title):
        return market_from_text(doc.text) or global_market(doc.text), None
    if title and not _title_like(title):
        market, scope = cited_report(doc.text, named_only=True)
        if market:
            return market, scope
    return market_from_title(title) or market_from_text(doc.text), scope_from_title(title)


def extract_meta(doc: TextDocument) -> ReportMeta:
    """Everything about the report itself (see the module docstring for the rules)."""
    title, evidence = find_title(doc)
    period = find_forecast_period(title, doc)
    market, scope = _market(title, doc)
    return ReportMeta(
        title=title,
        title_evidence=evidence,
        publisher=find_publisher(doc),
        published=find_published(doc),
        market=market,
        scope=scope,
        forecast_period=period,
        base_year=find_base_year(doc, period),
        currency_rates=_rates(doc),
    )


__all__ = [
    "display_name",
    "extract_meta",
    "find_exchange_rates",
    "find_forecast_period",
    "find_publisher",
    "find_published",
    "find_title",
    "market_from_text",
    "market_from_title",
    "parse_date",
    "scope_from_title",
]
