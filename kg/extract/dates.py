"""The report's publication date: calendar dates as reports write them, and where the publication date is.

Rules (each general to the genre, none about a particular file or publisher):

* **parse_date**: ISO (maybe with a time), "2025/07/01", "2025.07.01", "Fri Dec 12 2025 08:01:34 GMT+0000",
  "Dec. 12, 2025", "12 December 2025", "12-Dec-2025", and "31/12/2025" only when day and month cannot be
  mixed up.
* **find_published**, in this order:

  1. front matter ``datePublished``/``date``/``published``... in any of those formats;
  2. a labelled field anywhere: "Published: ...", "Publication date: ...", "Release date: ...", "Issue
     date ...", "Edition: ...", "Last updated ...", a "Published | 17 April 2026" table row, a "Date:" label opening a
     line or a masthead part ("CARBON PRODUCTS Date: 2026-01-19", where the rendition joined the lines);
     near the title also an e-mail "Date: Tue, 15 Jul 2025 ..." header and an "Issued 2 June 2026" or
     "Posted 4 May 2025" label;
  3. near the title only (the top of the document up to a few blocks after the title): a line that is
     (or ends with) a date, maybe with a clock time ("Mar 9, 2026, 07:45 ET"); a masthead part that is
     a date ("Study no. X-204 · 6 August 2025 · 212 pages"); a by-line closing with a date ("prepared by
     X, 14 March 2025."); a press-release dateline ("LYON, France, Mar. 9, 2026 /PRNewswire/ --",
     "... Mar. 9, 2026 (NEWS WIRE) --"); a write-up's kind dated after a comma ("Rapporteur's summary,
     8 October 2025.").
  4. a closing sign-off among the last blocks: "Oslo, 27 March 2025 - The Board of Directors".

  An unlabelled date further down (a "Related reports" list, a dated news item) is never taken, and a
  bare year (a forecast year) is no date at all.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kg.models import Block, TextDocument

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
MONTH_RX = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
YEAR = r"(?:19|20)\d\d"


def parse_date(value: str) -> date | None:
    """A calendar date from the formats front matter and "Published:" lines use; None when unsure."""
    s = value.strip().strip("\"'")
    if not s:
        return None
    m = re.search(rf"(?<![\d/.-])({YEAR})-(\d{{1,2}})-(\d{{1,2}})(?![\d/])", s)  # ISO, maybe with a time
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # "2025/07/01", and "2025.07.01" (year first, as East Asian reports write dates)
    m = re.match(rf"^({YEAR})(?P<sep>[/.])(\d{{1,2}})(?P=sep)(\d{{1,2}})(?!\d|\.\d)", s)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    # "Fri Dec 12 2025 08:01:34 GMT+0000", "Dec 12, 2025", "December 12 2025"
    m = re.search(rf"\b({MONTH_RX})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})\b", s, re.I)
    if m:
        return _safe_date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    # "12 December 2025", "12-Dec-2025"
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+({MONTH_RX})[\s,-]+({YEAR})\b", s, re.I)
    if m:
        return _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    # "12.05.2025": a dotted numeric date is day first (the European style; US dates use slashes).
    m = re.match(rf"^(\d{{1,2}})\.(\d{{1,2}})\.({YEAR})\b", s)
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    # "12/31/2025" or "31/12/2025": only when one reading is impossible.
    m = re.match(rf"^(\d{{1,2}})/(\d{{1,2}})/({YEAR})\b", s)
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
#: A labelled publication date; the value may follow a colon, a dash or a table cell's "|".
_PUBLISHED_LINE = re.compile(
    r"\b(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication|release\s+date|released(?:\s+on)?|"
    r"(?:issue|edition)\s+date|date\s+of\s+issue|"
    r"report\s+date|(?:last\s+)?updated(?:\s+on)?|(?:(?<=^)|(?<=\n)|(?<=\|\s))date(?=\s*:)|edition(?=\s*:))"
    r"\s*(?:[:\-]|\|(?=\s*[\dA-Za-z]))?\s*([^\n|]{6,60})",
    re.I,
)
#: "Date:" after an ALL-CAPS word or a punctuation mark: a label whose line the rendition joined to the
#: line before ("CARBON PRODUCTS Date: 2026-01-19"). After a capitalised word it is another label's tail
#: ("Start Date:", "Due Date:"), so it is not taken.
_JOINED_DATE_LABEL = re.compile(r"(?:(?<=[A-Z]{2}\s)|(?<=[.;:\u00b7\u2022)]\s))Date\s*:\s*([^\n|]{6,40})")

_DATE_IN_LINE = re.compile(
    rf"\b(?:{MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?[\s-]+{MONTH_RX}"
    rf"[\s,-]+{YEAR}|{YEAR}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}\.{YEAR})\b",
    re.I,
)
#: What may follow a date on its own line: a clock time and a zone ("08:30 ET", "1:30 PM GMT").
_CLOCK_TAIL = re.compile(r"[\s,]*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2})?)?", re.I)
#: "Data pack prepared by Fallowby Metals Analytics, 14 March 2025." - the date closing a by-line.
_PREPARED_ON = re.compile(
    rf"\b(?:prepared|compiled|published|produced|written|issued|released)\s+by\s+[^.\n|]{{2,80}}?,\s*"
    rf"({MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX}\s+{YEAR})"
    r"(?=\s*[.;]|\s*$)",
    re.I,
)
#: "LYON, France, Mar. 10, 2026 /PRNewswire/ --" or "... Mar. 9, 2026 (NEWS WIRE) --".
_DATELINE = re.compile(
    rf"^[A-Z][^\n]{{0,60}}?,\s*((?:{MONTH_RX}\s+\d{{1,2}},?\s+{YEAR}|\d{{1,2}}\s+{MONTH_RX}\s+{YEAR}))"
    r"\s*(?:/[^/\n]{2,40}/\s*|\([^()\n]{2,40}\)\s*)?(?:--|\u2014|\u2013|-\s)",
    re.I,
)
#: An e-mail's "Date:" header (RFC 5322: "Date: Tue, 15 Jul 2025 07:30:00 +0000"): the weekday, comma,
#: day, month and year make it a header even where the rendition joined it to the "From:"/"To:" lines.
_MAIL_DATE = re.compile(
    rf"\bDate:\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+(\d{{1,2}}\s+{MONTH_RX}\s+{YEAR})\b", re.I
)
#: "Issued 2 June 2026", "Dated: 3 March 2025", a blog's "Posted 4 May 2025": a capitalised issue label
#: directly followed by a date.
_ISSUED = re.compile(
    rf"\b(?:Issued|ISSUED|Dated|DATED|Posted|POSTED|Asked|ASKED|Recorded|RECORDED)(?:\s+on)?\s*:?\s*(?i:({MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX}\s+{YEAR}|{YEAR}-\d{{1,2}}-\d{{1,2}}))\b"
)
#: "Rapporteur's summary, 8 October 2025.", "Briefing note, 3 March 2025": a write-up's kind, a comma and its
#: date closing the sentence (the by-line of a summary, a note or a digest).
_KIND_DATED = re.compile(
    rf"\b(?:summary|note|notes|brief|briefing|memo|memorandum|minutes|digest|bulletin|newsletter|recap|"
    rf"transcript|write-up|update|edition)\s*,\s*({MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX}\s+{YEAR})(?=\s*[.;]|\s*$)",
    re.I,
)
#: "Tuesday, 3 November 2026": a weekday before the date makes an opening line's date the issue's day, even
#: where the rendition joined the next line on ("Tuesday, 3 November 2026 Members' edition.").
_WEEKDAY_DATE = re.compile(
    rf"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+({MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX}\s+{YEAR})\b",
    re.I,
)
#: German "Stand: 30.04.2025" (as at): a cover's date of the edition, with a capital and a colon.
_STAND = re.compile(
    rf"\bStand\s*:\s*(\d{{1,2}}\.\d{{1,2}}\.{YEAR}|\d{{1,2}}\.?\s+{MONTH_RX}\s+{YEAR}|{YEAR}-\d{{1,2}}-\d{{1,2}})\b"
)
#: A dateline's place before a masthead's date part: "Lisbon, 04.11.2025 | English edition".
_PLACE_PREFIX = re.compile(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2},\s*")
_CAPS_LINE = re.compile(r"\s+[A-Z]{3,}\b(?![a-z])")
#: A masthead's parts, split by " | ", " · " or " • ": "Study no. X · 6 August 2025 · 212 pages", "Firm | Desk |
#: 12 May 2026" (kg.extract.publisher reads the firm from the same parts).
MASTHEAD_SPLIT = re.compile(r"\s[|\u00b7\u2022]\s")
#: How many blocks after the title still belong to its by-line area.
_AFTER_TITLE = 5
_TOP_BLOCKS = 8


def find_published(doc: TextDocument, title_start: int | None = None) -> date | None:
    """Front matter date, else a labelled date, else a date line near the title (see module docstring).

    ``title_start`` is where the title lies in the text; without it, the top blocks are searched."""
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
    for block in _near_title(doc, title_start):
        line = doc.text[block.start:block.end].strip()
        for rx in (_JOINED_DATE_LABEL, _MAIL_DATE, _ISSUED, _KIND_DATED, _WEEKDAY_DATE, _STAND):
            if (dm := rx.search(line)) and (d := parse_date(dm.group(1))) is not None:
                return d
        if (d := _date_line(line)) is not None:
            return d
    return _signed_off(doc)


#: A closing sign-off: "Oslo, 27 March 2025", maybe followed by who signs ("Oslo, 27 March 2025 - The Board of
#: Directors"), as a company's annual report or a letter ends; the place and the date make the line.
_SIGN_OFF = re.compile(
    rf"(?-i:[A-Z])[\w\-]+(?:\s+(?-i:[A-Z])[\w\-]+){{0,2}},\s*({MONTH_RX}\s+\d{{1,2}},?\s+{YEAR}|\d{{1,2}}\.?\s+{MONTH_RX}\s+{YEAR})"
    r"\s*(?:[\-\u2013\u2014]\s+[^\n]{2,120})?",
    re.I,
)
_LAST_BLOCKS = 3


def _signed_off(doc: TextDocument) -> date | None:
    """The date of a sign-off line among the last blocks (see ``_SIGN_OFF``): how a report without a dated
    cover (a board's report, a letter) dates itself."""
    blocks = [b for b in doc.blocks if b.kind != "table" and not b.boilerplate and doc.text[b.start:b.end].strip()]
    for block in blocks[-_LAST_BLOCKS:]:
        m = _SIGN_OFF.fullmatch(doc.text[block.start:block.end].strip())
        if m is not None and (d := parse_date(m.group(1))) is not None:
            return d
    return None


def _near_title(doc: TextDocument, title_start: int | None) -> list[Block]:
    """The non-table blocks from the top of the document to a few blocks after the title (at least the
    first eight): the by-line area, where an unlabelled date is the publication date."""
    blocks = [b for b in doc.blocks if b.kind != "table" and doc.text[b.start:b.end].strip()]
    if title_start is None:
        return blocks[:_TOP_BLOCKS]
    at = next((i for i, b in enumerate(blocks) if b.end > title_start), len(blocks))
    return blocks[:max(at + 1 + _AFTER_TITLE, _TOP_BLOCKS)]


def _date_line(line: str) -> date | None:
    """The date of a line that is a date (maybe with a clock time), ends with one, holds one as a masthead
    part, closes a by-line with one or opens a press release with one."""
    if (dm := _PREPARED_ON.search(line)) and (d := parse_date(dm.group(1))) is not None:
        return d
    parts = MASTHEAD_SPLIT.split(line)
    # The last part may end with the date ("Corvane Insights · 28 August 2025"); in a masthead of three
    # or more parts, any part may be the date alone ("Study no. X-204 · 6 August 2025 · 212 pages").
    # A two-part line may open with its dateline ("Brussels, 8 July 2025 | Prepared by the X Group").
    candidates = [(parts[-1], False)] + [(p, True) for p in (parts[:-1] if len(parts) >= 2 else [])]
    for part, alone in candidates:
        dm = _DATE_IN_LINE.search(part)
        if dm is None or len(part[:dm.end()].split()) > 8:
            continue
        before = part[:dm.start()]
        if alone and before.strip() and not _PLACE_PREFIX.fullmatch(before):
            continue
        rest = part[dm.end():]
        clock = _CLOCK_TAIL.match(rest)
        if clock is not None:
            rest = rest[clock.end():]
        # A by-line part that is the date, then the next line the rendition joined on when that line opens
        # with an ALL-CAPS word ("Acme Partners | 12 May 2025 CONFIDENTIAL - ...").
        joined = len(parts) >= 2 and not part[:dm.start()].strip() and _CAPS_LINE.match(rest)
        if (not rest.strip(" .)]") and len(part.split()) <= 8 or joined) and (d := parse_date(dm.group(0))):
            return d
    dl = _DATELINE.match(line)
    if dl and (d := parse_date(dl.group(1))) is not None:
        return d
    return None


__all__ = ["MASTHEAD_SPLIT", "MONTH_RX", "YEAR", "find_published", "parse_date"]
