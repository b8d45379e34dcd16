"""Report metadata: title, publisher, publication date, market, forecast period, base year, stated FX rates.

Rules (each general to the genre, none about a particular file or publisher):

* **title**: front matter ``title``, else the first ``<h1>``, else the first heading, else the first
  non-boilerplate line. ``title_evidence`` is the title's span in the text rendition when it occurs there.
* **published**: front matter ``datePublished``/``date``/``published``... in any common format (ISO,
  "Fri Dec 12 2025 08:01:34 GMT+0000 (...)", "12 December 2025", "December 12, 2025"); else a labelled
  line in the text ("Published: ...", "Publication date: ..."). An unlabelled date in the prose is never
  taken for the publication date.
* **publisher**: a statement in the text ("© 2025 X", "Copyright X", "Publisher: X", "Published by X",
  "Prepared by X", "Report by X"); else, in the first few blocks, a capitalised name ending with a research
  house word ("Lodestar Materials Research", "... Insights", "... Analytics"); else the most linked web
  domain (social networks and link shorteners ignored). A domain becomes a house name by dropping "www."
  and the TLD; if the text spells that name with other capitals ("24chemicalresearch" -> "24ChemicalResearch
  LinkedIn") that spelling wins, else its first letter is capitalised.
* **market**: the title up to the word "Market" (or, for "Global Market for X", what follows it), without
  "Global"/"Worldwide", years and trailing punctuation; titles without "Market" lose their report words
  ("Research Report", "Outlook and Forecast", years) instead.
* **forecast_period**: a year range in the title ("2025-2032", "2025 forecast to 2032", "Forecast
  2024-2030"), else a "forecast period (2025-2032)" / "from 2025 to 2032" statement in the text.
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
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from kg.extract import money
from kg.extract.geo import find_places
from kg.models import Block, Evidence, ReportMeta, TextDocument

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
_MONTH_RX = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|\u2010|\u2011|\u2012|\u2013|\u2014|to|through|until|and)\s*"


# ------------------------------------------------------------------ dates


def parse_date(value: str) -> date | None:
    """A calendar date from the formats front matter and "Published:" lines use; None when unsure."""
    s = value.strip().strip("\"'")
    if not s:
        return None
    m = re.search(rf"(?<![\d/.-])({_YEAR})-(\d{{1,2}})-(\d{{1,2}})(?![\d/])", s)  # ISO, maybe with a time
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(rf"^({_YEAR})/(\d{{1,2}})/(\d{{1,2}})\b", s)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # "Fri Dec 12 2025 08:01:34 GMT+0000", "Dec 12, 2025", "December 12 2025"
    m = re.search(rf"\b({_MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b", s, re.I)
    if m:
        return _safe_date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    # "12 December 2025", "12-Dec-2025"
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+({_MONTH_RX})[\s,-]+({_YEAR})\b", s, re.I)
    if m:
        return _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    # "12/31/2025" or "31/12/2025": only when one reading is impossible.
    m = re.match(rf"^(\d{{1,2}})[/.](\d{{1,2}})[/.]({_YEAR})\b", s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _safe_date(y, b, a)
        if b > 12 >= a:
            return _safe_date(y, a, b)
        return _safe_date(y, a, b) if a == b else None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS.get(name.lower().rstrip(".")[:3] if name.lower()[:4] != "sept" else "sep", 0)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_DATE_KEYS = ("datepublished", "date_published", "published", "publishdate", "publish_date", "pubdate",
              "date", "publication_date", "publicationdate", "released", "release_date")
_PUBLISHED_LINE = re.compile(
    r"\b(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication|release\s+date|released(?:\s+on)?|"
    r"report\s+date|(?:last\s+)?updated(?:\s+on)?|(?:(?<=^)|(?<=\n)|(?<=\|\s))date(?=\s*:))\s*[:\-]?\s*([^\n|]{6,60})",
    re.I,
)


def find_published(doc: TextDocument) -> date | None:
    """Front matter date, else a labelled "Published: ..." line (see module docstring)."""
    fm = {k.lower(): v for k, v in doc.front_matter.items()}
    for key in _DATE_KEYS:
        if key in fm:
            d = parse_date(fm[key])
            if d is not None:
                return d
    for m in _PUBLISHED_LINE.finditer(doc.text):
        d = parse_date(m.group(1))
        if d is not None:
            return d
    # Near the top: a short line that is (or ends with) a date under the title or publisher ("September
    # 12, 2025", "Corvane Insights · 28 August 2025"), or a press-release dateline ("PUNE, India, Jan. 22,
    # 2025 /PRNewswire/ --").
    seen = 0
    for b in doc.blocks:
        line = doc.text[b.start:b.end].strip()
        if not line or b.kind == "table":
            continue
        seen += 1
        if seen > _TOP_BLOCKS:
            break
        tail_part = re.split(r"\s[|\u00b7\u2022]\s", line)[-1]  # a masthead's last part: "... | 7 October 2025"
        if (dm := _PREPARED_ON.search(line)) and (d := parse_date(dm.group(1))) is not None:
            return d
        if len(tail_part.split()) <= 8 and (dm := _DATE_IN_LINE.search(tail_part)) and not tail_part[
            dm.end():
        ].strip(" .)]"):
            d = parse_date(dm.group(0))
            if d is not None:
                return d
        dl = _DATELINE.match(line)
        if dl and (d := parse_date(dl.group(1))) is not None:
            return d
    return None


_TOP_BLOCKS = 8
_DATE_IN_LINE = re.compile(
    rf"\b(?:{_MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|\d{{1,2}}(?:st|nd|rd|th)?[\s-]+{_MONTH_RX}"
    rf"[\s,-]+{_YEAR}|{_YEAR}-\d{{1,2}}-\d{{1,2}})\b",
    re.I,
)
#: "Data pack prepared by Corvid Metals Analytics, 9 January 2025." - the date closing a by-line.
_PREPARED_ON = re.compile(
    rf"\b(?:prepared|compiled|published|produced|written|issued|released)\s+by\s+[^.\n|]{{2,80}}?,\s*"
    rf"({_MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RX}\s+{_YEAR})"
    r"(?=\s*[.;]|\s*$)",
    re.I,
)
_DATELINE = re.compile(
    rf"^[A-Z][^\n]{{0,60}}?,\s*((?:{_MONTH_RX}\s+\d{{1,2}},?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH_RX}\s+{_YEAR}))"
    r"\s*(?:/[^/\n]{2,40}/\s*)?(?:--|\u2014|\u2013|-\s)",
    re.I,
)


# ------------------------------------------------------------------ title


_TITLE_WORDS = re.compile(r"\b(?:market|report|outlook|forecast|analysis|study|industry)\b", re.I)


def _title_like(text: str) -> bool:
    """A short line naming a report ("... Market ... 2025-2032"), not a sentence."""
    words = text.split()
    return 2 <= len(words) <= 30 and not text.rstrip().endswith((".", ":")) and bool(_TITLE_WORDS.search(text))


#: Press-release boilerplate that opens the text but is never its title.
_RELEASE_LINE = re.compile(
    r"(?:for\s+immediate\s+release|(?:press|news|media)\s+release|embargoed[^\n]{0,60}|"
    r"for\s+release\s+[^\n]{0,40})[\s:.\-]*",
    re.I,
)


#: A masthead line: three or more " | "-separated parts (firm | desk | sector | date).
_MASTHEAD = re.compile(r"^[^|\n]+(?:\s\|\s[^|\n]+){2,}$")


def find_title(doc: TextDocument) -> tuple[str | None, Evidence | None]:
    fm_title = (doc.front_matter.get("title") or "").strip().strip("\"'").strip()
    headings = [
        b for b in doc.blocks
        if b.kind == "heading" and not _RELEASE_LINE.fullmatch(doc.text[b.start:b.end].strip())
    ]
    h1 = next((b for b in headings if b.level == 1), None)
    first = next(
        (b for b in doc.blocks if not b.boilerplate and doc.text[b.start:b.end].strip()
         and not _RELEASE_LINE.fullmatch(doc.text[b.start:b.end].strip())),
        None,
    )
    # A plain-text or press-release report opens with its title line; a heading guessed later from the
    # layout (a publisher's name, "Market Overview:") is not the title unless it reads like one.
    if first is not None and _title_like(doc.text[first.start:first.end]) and (
        h1 is None
        or first.start < h1.start
        and (doc.media_type == "text/plain" or not _title_like(doc.text[h1.start:h1.end]))
    ):
        block: Block | None = first
    else:
        block = h1 or (headings[0] if headings else first)
    html_title = (doc.front_matter.get("html_title") or "").strip()
    if not fm_title and html_title and block is not None and _MASTHEAD.search(doc.text[block.start:block.end]):
        # "Larkspur Capital | Equity Research | Battery Materials | 7 October 2025": a masthead naming the
        # firm, not the report; the page's <title> (or a later h1 naming a market) is the title.
        named = next((b for b in headings if b is not block and _title_like(doc.text[b.start:b.end])), None)
        if named is not None:
            block = named
        else:
            fm_title, block = html_title, None
    title = fm_title or (doc.text[block.start:block.end].strip() if block is not None else None)
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
    pos = doc.text.find(title)
    return title, (doc.quote(pos, pos + len(title)) if pos >= 0 else None)


# ------------------------------------------------------------------ market and forecast period

_REPORT_WORDS = re.compile(
    r"\b(?:global|worldwide|world|research|report|outlook|forecasts?|analysis|industry|size|share|trends?|"
    r"growth|opportunities|insights|study|and|&|by|to|from|till|through)\b",
    re.I,
)


def market_from_title(title: str | None) -> str | None:
    """The market a title is about, without "Global", "Market", years, report words, an acronym in
    brackets ("Graphitized Petroleum Coke (GPC) Market") and a leading place ("Middle East Prebaked Anode
    Market": the place is the report's scope, see :func:`scope_from_title`)."""
    return _market_and_scope(title)[0]


def scope_from_title(title: str | None) -> str | None:
    """The place a title limits the report to: "Middle East Prebaked Anode Market" -> "Middle East",
    "Battery-Grade Graphite Market in India" -> "India"; None for a global title."""
    return _market_and_scope(title)[1]


_ACRONYM_BRACKETS = re.compile(r"\s*[(\[]\s*[A-Z][A-Za-z0-9&./\-]{0,11}\s*[)\]]")


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
    tail = re.search(r"\b[Mm]arkets?\s+(?:in|of|across)\s+(?:the\s+)?([A-Z][^,:;|\-\u2013\u2014]{1,40})", title)
    if tail:
        found = find_places(tail.group(1), adjectives=False)
        if found and found[0].start == 0 and found[0].place.key != "global":
            return market, found[0].place.name
    return market, None


def _market_text(title: str) -> str | None:
    t = re.sub(r"\s+", " ", title).strip()
    m = re.search(r"\bmarkets?\b", t, re.I)
    if m:
        head = t[:m.start()]
        head = re.sub(r"^\s*the\b|\b(?:global|worldwide)\b", "", head, flags=re.I)
        head = _clean_market(head)
        if head:
            return head
        tail = re.match(r"\s*(?:for|of)\s+(.+)", t[m.end():], re.I)
        if tail:
            first = re.split(r"[,:(\-\u2013\u2014|]|\b(?:19|20)\d\d\b", tail.group(1))[0]
            return _clean_market(first) or None
        return None
    t = re.split(r"\s[\-\u2013\u2014|:]\s|:\s|,", t)[0]  # "X Materials: Sizing a Niche" -> "X Materials"
    t = re.sub(rf"\b{_YEAR}\b", " ", t)
    words = [w for w in t.split() if any(ch.isalnum() for ch in w)]
    while words and _REPORT_WORDS.fullmatch(words[-1]):
        words.pop()
    while words and re.fullmatch(r"(?:the|global|worldwide|world)", words[0], re.I):
        words.pop(0)
    return _clean_market(" ".join(words)) or None


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
    rf"\b({_YEAR})\s*(?:(?:-|\u2013|\u2014|to|through|until)|forecast\s+to|,)\s*({_YEAR})\b", re.I
)
_TEXT_PERIOD = (
    re.compile(rf"forecast(?:ed)?\s+period\s*(?:\(|of|from|:|between|,)?\s*({_YEAR}){_DASH}({_YEAR})", re.I),
    re.compile(rf"\b(?:from|between)\s+({_YEAR}){_DASH}({_YEAR})\b", re.I),
    re.compile(
        rf"\b(?:during|over|in)\s+(?:the\s+(?:period\s+)?)?({_YEAR})\s*(?:-|\u2013|\u2014)\s*({_YEAR})\b",
        re.I,
    ),
)


def find_forecast_period(title: str | None, doc: TextDocument) -> tuple[int, int] | None:
    if title:
        for m in reversed(list(_RANGE.finditer(title))):
            p = _period(m.group(1), m.group(2))
            if p:
                return p
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
    stated = _TEXT_PERIOD[0].search(body)
    if stated and (p := _period(stated.group(1), stated.group(2))):
        return p
    for rx in _TEXT_PERIOD[1:]:
        for m in rx.finditer(body):
            window = body[max(0, m.start() - 200):m.end() + 50].lower()
            if ("cagr" in window or "forecast" in window or "compound annual" in window) and (
                p := _period(m.group(1), m.group(2))
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

_IGNORED_DOMAINS = frozenset({
    "linkedin", "twitter", "x", "facebook", "youtube", "instagram", "google", "wikipedia", "bit", "tinyurl",
    "medium", "hashnode", "github", "t", "goo", "wa", "whatsapp", "pinterest", "reddit", "doi", "w3",
})
_NAME = (  # a next word opening a "Label:" ("... Research Release date: 2025-11-04") is not part of it
    r"([A-Z0-9][\w&.\-]*(?:[ \t]+(?![A-Z][\w\-]*(?:[ \t]+[a-z][\w\-]*)?[ \t]*:)"
    r"(?:[A-Z0-9&][\w&.\-]*|of|and|for|de|&)){0,5})"
)
_HOUSE_WORDS = (r"Research|Insights|Intelligence|Analytics|Consulting|Consultants|Partners|Group|Reports|"
                r"Advisory|Advisors|Associates|Strategy|Strategies|Data|Markets|Institute")
#: "By Tamsin Vale, Lodestar Materials Research." - a house name by its usual last word, near the top only.
_HOUSE = re.compile(rf"\b((?:(?:[A-Z][\w&\-]*|&)[ \t]+){{0,4}}(?:{_HOUSE_WORDS}))\b")
_STATED_PUBLISHER = (
    re.compile(r"(?:\u00a9|\([cC]\)|[Cc]opyright\s*(?=\u00a9|\([cC]\)|(?:19|20)\d\d))\s*(?:\u00a9\s*)?"
               r"(?:(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?\s*,?\s*)?(?:by\s+)?" + _NAME),
    re.compile(r"\b(?:[Pp]ublisher|[Pp]ublished\s+by|[Pp]repared\s+by|[Cc]ompiled\s+by|[Pp]roduced\s+by|"
               r"[Rr]eport\s+by|[Rr]esearch\s+by|[Ss]ource)\s*:?\s+" + _NAME),
)
def _strip_legal_form(name: str) -> str:
    """"X Research Pvt. Ltd." / "X Consulting FZ-LLC": the house, without its legal form."""
    return re.sub(
        r"(?:[\s,]+(?:Pvt|Private|Ltd|Limited|LLP|LLC|Inc|GmbH|Co|Corp|PLC|S\.?A|AG|FZ-?LLC|FZE|FZCO|DMCC|"
        r"Pty|Pte|BV|NV|AB|AS|Oy|SpA|S\.p\.A|SL|SAS|KK|K\.K)\.?)+$",
        "",
        name,
    ).strip(" .,;:")


_DOMAIN = re.compile(
    r"\b(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9\-]{1,62})\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b", re.I
)
_URL_HINT = re.compile(r"[hH][tT][tT][pP]|[wW][wW][wW]\.")  # what a counted _DOMAIN match starts with
_CORPORATE_TAIL = re.compile(r"[\s,.]+(?:all rights reserved|rights reserved)\b.*$", re.I)


def find_publisher(doc: TextDocument) -> str | None:
    fm = {k.lower(): v for k, v in doc.front_matter.items()}
    for key in ("publisher", "author", "organization", "organisation", "source"):
        value = (fm.get(key) or "").strip().strip("\"'").strip()
        if value and not value.startswith(("[", "{")):
            return _strip_legal_form(value)
    _, title_span = find_title(doc)
    for rx in _STATED_PUBLISHER:
        for m in rx.finditer(doc.text):
            if title_span is not None and title_span.start <= m.start() < title_span.end:
                continue  # "Market Report by Battery Type, ...": the title's segmentation, not a publisher
            name = _CORPORATE_TAIL.sub("", m.group(1))
            name = re.split(r"\.\s", name)[0]
            name = re.sub(r"(?:\s+(?:of|and|for|de|&))+$", "", name).strip(" .,;:")
            # "© 2025 X Research Pvt. Ltd." / "X Research LLP": the house, without its legal form.
            name = _strip_legal_form(name)
            if name and not re.fullmatch(r"(?:19|20)\d\d|the|all|this|our", name, re.I):
                return name
    top = [b for b in doc.blocks[:6] if b.kind != "heading" and not b.boilerplate]
    for b in top:
        house = _HOUSE.search(doc.text[b.start:b.end])
        if house and len(house.group(1).split()) >= 2:
            return house.group(1)
    if _URL_HINT.search(doc.text) is None:
        return None  # no URL or www. host, so nothing below would count (and _DOMAIN scans slowly)
    counts: Counter[str] = Counter()
    for m in _DOMAIN.finditer(doc.text):
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
    return display_name(name, doc.text)


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


def extract_meta(doc: TextDocument) -> ReportMeta:
    """Everything about the report itself (see the module docstring for the rules)."""
    title, evidence = find_title(doc)
    period = find_forecast_period(title, doc)
    return ReportMeta(
        title=title,
        title_evidence=evidence,
        publisher=find_publisher(doc),
        published=find_published(doc),
        market=market_from_title(title),
        scope=scope_from_title(title),
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
    "market_from_title",
    "parse_date",
    "scope_from_title",
]
