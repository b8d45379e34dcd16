"""Places as market reports write them: a lexicon, a finder and label normalisers.

The lexicon lives in ``data/reference/regions.csv`` (one row per concept: the global scope, regions and
every ISO 3166-1 country) so the SKOS regions vocabulary can be generated from the same file. Columns:
``key,name,kind,iso2,m49,broader,close_match,aliases,adjectives`` (lists separated by ``|``).

* ``m49`` is the UN M49 code where one exists (countries: the ISO numeric code, which M49 shares).
  Report-specific aggregates (APAC, EMEA, Middle East & Africa, Rest of the World...) have none and carry
  ``close_match`` keys pointing at the nearest M49 concepts instead.
* ``broader`` follows the M49 hierarchy for countries (their sub-region) and the usual report hierarchy
  for aggregates.

Matching rules (why they are what they are):

* Acronyms (``US``, ``U.S.``, ``UK``, ``APAC``, ``RoW``...) match with their exact case only, since
  "us", "row" and "mea" are ordinary words.
* Other proper names must start with a capital in the text ("China" but not "china" the porcelain, "Turkey"
  but not "turkey"); the rest of the name is case-insensitive, so ALL-CAPS headings still match.
* The global scope ("global", "worldwide") matches in any case.
* Whitespace, hyphens and slashes between words are interchangeable, and "&" == "and"
  ("Asia Pacific" == "Asia-Pacific", "Middle East and Africa" == "Middle East & Africa").
* Matches are leftmost, then longest ("South Korea" beats "Korea", "Asia-Pacific" beats "Asia"),
  non-overlapping, and never inside a word ("Asian" is not "Asia"; "US" in "USD" or "US$" is no place).
* Demonyms ("Chinese", "European", "Asian", "American") are reported with ``adjective=True`` so callers
  that only want scope nouns can drop them; "American" maps to the United States, "North American" to
  North America.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import pycountry

from kg.reference import REFERENCE_DIR, reference_file

PlaceKind = Literal["global", "region", "country"]

REGIONS_CSV = REFERENCE_DIR / "regions.csv"


@dataclass(frozen=True)
class Place:
    """One place concept of the regions vocabulary."""

    key: str  # slug, also the vocabulary IRI local name: "asia-pacific", "united-states", "global"
    name: str  # canonical display name: "Asia-Pacific", "United States", "Global"
    kind: PlaceKind
    iso2: str | None = None  # ISO 3166-1 alpha-2, countries only
    m49: str | None = None  # UN M49 code where one exists
    broader: str | None = None  # key of the enclosing concept
    close_match: tuple[str, ...] = ()  # keys of the nearest M49 concepts, for aggregates without a code
    aliases: tuple[str, ...] = ()  # spellings as reports write them (the name first)
    adjectives: tuple[str, ...] = ()  # demonyms, matched with adjective=True


@dataclass(frozen=True)
class PlaceMatch:
    """One mention of a place in a text: ``text[start:end] == as_written``."""

    start: int
    end: int
    as_written: str
    place: Place
    adjective: bool = False


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip())


@cache
def places() -> dict[str, Place]:
    """All place concepts by key, loaded once from ``regions.csv``."""
    out: dict[str, Place] = {}
    with reference_file(REGIONS_CSV).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = row["key"]
            if key in out:
                raise ValueError(f"duplicate place key {key!r} in {REGIONS_CSV}")
            kind = row["kind"]
            if kind not in ("global", "region", "country"):
                raise ValueError(f"bad kind {kind!r} for {key!r}")
            out[key] = Place(
                key=key,
                name=row["name"],
                kind=kind,  # type: ignore[arg-type]
                iso2=row["iso2"] or None,
                m49=row["m49"] or None,
                broader=row["broader"] or None,
                close_match=_split(row["close_match"]),
                aliases=_split(row["aliases"]) or (row["name"],),
                adjectives=_split(row["adjectives"]),
            )
    for p in out.values():
        for ref in (p.broader, *p.close_match):
            if ref and ref not in out:
                raise ValueError(f"{p.key!r} refers to unknown place {ref!r}")
    return out


def place(key: str) -> Place:
    """The place with this key (KeyError when unknown)."""
    return places()[key]


# ------------------------------------------------------------------ label normalisation


def _fold(label: str) -> str:
    """Case/punctuation-insensitive form: "U.S." -> "us", "M.E. & Africa" -> "me and africa"."""
    s = unicodedata.normalize("NFKD", label)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("&amp;", "&").replace("&", " and ")
    s = re.sub(r"[.'\u2019]", "", s)  # U.S. -> us, People's -> peoples
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


_DROP_WORDS = ("the ", "region", "regions", "countries", "market", "markets")


@cache
def _label_index() -> dict[str, Place]:
    idx: dict[str, Place] = {}
    for p in places().values():
        for label in (p.name, *p.aliases, p.key.replace("-", " ")):
            idx.setdefault(_fold(label), p)
    # ISO codes and official names pycountry knows but the CSV need not repeat.
    for c in pycountry.countries:
        country = _by_iso2().get(c.alpha_2)
        if country is None:
            continue
        for extra in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if extra:
                idx.setdefault(_fold(extra), country)
    return idx


@cache
def _by_iso2() -> dict[str, Place]:
    return {p.iso2: p for p in places().values() if p.iso2}


@lru_cache(maxsize=65536)  # pure; the same headings and names are looked up by several stages
def lookup_place(label: str) -> Place | None:
    """Normalise a region/country label written on its own (a table header, a "CAGR (Europe)" scope).

    Case- and punctuation-insensitive, "&" == "and"; a leading "the" and a trailing "region"/"countries"/
    "market" are ignored ("the Asia-Pacific region" -> Asia-Pacific). Unlike :func:`find_places` this also
    accepts lower-case acronyms, because a label is known to be a place label.
    """
    hit = _lookup_folded(_fold(label))
    if hit is None and "(" in label:
        # "North America (U.S., Canada, Mexico)", "Rest of the World (RoW)": the label before the brackets,
        # else the bracketed label alone.
        outside = re.sub(r"\([^()]*\)", " ", label)
        hit = _lookup_folded(_fold(outside))
        if hit is None:
            inner = re.findall(r"\(([^()]*)\)", label)
            hit = _lookup_folded(_fold(inner[0])) if len(inner) == 1 else None
    return hit


def _lookup_folded(folded: str) -> Place | None:
    if not folded:
        return None
    idx = _label_index()
    hit = idx.get(folded)
    if hit is not None:
        return hit
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in _DROP_WORDS:
        words = words[:-1]
    return idx.get(" ".join(words)) if words else None


# "South India", "North-East India", "Western China": a compass word and a known place, as a place label.
_COMPASS = re.compile(
    r"^(?:the\s+)?((?:North|South)(?:[\s\-]?(?:East|West)(?:ern)?)?|(?:North|South)(?:east|west)(?:ern)?|East|West|"
    r"Central|Northern|Southern|Eastern|Western|Mid[\s\-]?West(?:ern)?)[\s\-]+(\S.*)$"
)


def compass_place(label: str) -> Place | None:
    """A sub-area written as a compass word and a known place ("South India", "North-East China").

    Only for labels known to name a place (an item of a regional section): the result is a region of its
    own, keyed by the label's slug, with the named place as ``broader``. Labels the vocabulary already
    knows ("South Korea", "Western Europe", "South America") are :func:`lookup_place`'s, not this one's.
    The compass word must be capitalised as a proper name is.
    """
    label = " ".join(label.split())
    if lookup_place(label) is not None:
        return None
    m = _COMPASS.match(label)
    if m is None:
        return None
    inner = lookup_place(m.group(2))
    if inner is None or inner.kind == "global" or len(m.group(2).split()) > 4:
        return None
    name = label[4:] if label.lower().startswith("the ") else label
    key = "-".join(_fold(name).split())
    return Place(key=key, name=name, kind="region", broader=inner.key, aliases=(name,))


def excluding_place(outer: Place | None, inner: Place | None, written: str) -> Place | None:
    """A region less a country or region ("Asia excl. China", "Asia-Pacific (ex-Japan)") as its own area,
    keyed and named by the words as written: it is neither the region nor what it leaves out. The outer
    place must be a region: a country less a part ("China excl. Hong Kong") is how a table states the
    country's own figure. One rule for the regional breakdowns and the scopes of figures."""
    if outer is None or inner is None or outer.kind in ("country", "global"):
        return None
    if inner.kind == "global" or inner.key == outer.key:
        return None
    name = " ".join(written.split())
    key = "-".join(re.findall(r"[a-z0-9]+", name.lower()))
    return Place(key=key, name=name, kind="region", broader=outer.broader, aliases=(name,))


CITIES_CSV = REFERENCE_DIR / "cities.csv"


@cache
def _cities() -> dict[str, str]:
    """Major business cities and a few states/provinces by folded name -> ISO2, from ``cities.csv``."""
    with reference_file(CITIES_CSV).open(encoding="utf-8", newline="") as f:
        return {_fold(row["name"]): row["iso2"] for row in csv.DictReader(f)}


def city_country(label: str) -> str | None:
    """ISO2 code of the country a major city (or state/province) lies in: "Tokyo" -> "JP", so "Tokyo-based"
    states a country. Only unambiguous, well-known places are listed; None for anything else."""
    return _cities().get(_fold(label.strip()))


def country_code(label: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country label ("U.S." -> "US", "UK" -> "GB", "Korea" -> "KR").

    Also accepts alpha-2/alpha-3 codes written in upper case ("DE", "DEU"). None for regions.
    """
    p = lookup_place(label)
    if p is not None:
        return p.iso2 if p.kind == "country" else None
    code = label.strip()
    if code.isalpha() and code.isupper() and len(code) in (2, 3):
        c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
        if c is not None:
            return str(c.alpha_2)
    return None


# ------------------------------------------------------------------ finding mentions in text

_SEP = r"(?:[\s\u00a0]*[-\u2010\u2011\u2012\u2013/][\s\u00a0]*|[\s\u00a0]+)"
_AND = r"[\s\u00a0]*(?:&amp;|&|\band\b)[\s\u00a0]*"


def _is_acronym(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return " " not in alias and len(letters) <= 6 and sum(ch.isupper() for ch in letters) >= 2


def _alias_pattern(alias: str, anycase: bool) -> str:
    """Regex for one alias: flexible separators, "&" == "and", case rule as documented in the module."""
    tokens = re.split(r"(\s*&\s*|\s+and\s+|[\s\-/]+)", alias)
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        if i % 2 == 1:
            parts.append(_AND if tok.strip() in ("&", "and") else _SEP)
        else:
            parts.append(re.escape(tok))
    body = "".join(parts)
    if anycase:
        return f"(?i:{body})"
    if _is_acronym(alias):
        return body
    first = alias[0]
    if first.isalpha() and first.isupper():
        return re.escape(first) + f"(?i:{body[len(re.escape(first)) :]})"
    return f"(?i:{body})"


def _entries() -> list[tuple[str, Place, bool]]:
    """Every (alias or demonym, place, is_adjective), longest first, ties broken by text for determinism."""
    entries: list[tuple[str, Place, bool]] = []
    seen: set[str] = set()
    for p in places().values():
        for alias in p.aliases:
            if alias not in seen:
                seen.add(alias)
                entries.append((alias, p, False))
        for adj in p.adjectives:
            if adj not in seen:
                seen.add(adj)
                entries.append((adj, p, True))
    entries.sort(key=lambda e: (-len(e[0]), e[0]))
    return entries


@dataclass(frozen=True)
class _Alt:
    """One alternative of the place pattern: its group, regex, and the first two characters it allows."""

    group: str
    regex: str
    bucket: str  # the alias's first character, casefolded
    first: str | None  # the only first character it can match (exact-case aliases); None: the bucket's
    seconds: frozenset[str] | None  # see _second_chars


def _exact_first(alias: str, anycase: bool) -> str | None:
    """The first character an alias matches with its exact case only (see :func:`_alias_pattern`)."""
    if anycase:
        return None
    if _is_acronym(alias) or (alias[0].isalpha() and alias[0].isupper()):
        return alias[0]
    return None


@cache
def _alternatives() -> tuple[_Alt, ...]:
    """Every alias as a named alternative, longest first (at one start the longest alias wins)."""
    alts = []
    for i, (alias, concept, _) in enumerate(_entries()):
        anycase = concept.kind == "global"
        alts.append(_Alt(f"g{i}", _alias_pattern(alias, anycase=anycase), alias[0].casefold(),
                         _exact_first(alias, anycase), _second_chars(alias, anycase=anycase)))
    return tuple(sorted(alts, key=lambda a: a.bucket))  # stable: by first letter, then longest first


@cache
def _groups() -> dict[str, tuple[Place, bool]]:
    return {f"g{i}": (concept, is_adj) for i, (_, concept, is_adj) in enumerate(_entries())}


_BEFORE = r"(?<![\w$])"
# Not inside a word; not "US$"; not a currency ("Canadian dollar").
_AFTER = r"(?![\w$])(?!\s*dollars?\b)"


def _compile(alts: list[_Alt]) -> re.Pattern[str]:
    body = "|".join(f"(?P<{a.group}>{a.regex})" for a in alts)
    return re.compile(f"{_BEFORE}(?:{body}){_AFTER}")


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[Place, bool]]]:
    """All aliases in one pattern; :func:`_all_places` uses :func:`_matcher_at`, this is its reference."""
    buckets: dict[str, list[str]] = {}
    for a in _alternatives():
        buckets.setdefault(a.bucket, []).append(f"(?P<{a.group}>{a.regex})")
    # Bucketing by first letter behind a lookahead keeps the engine from trying ~1,500 alternatives at
    # every word start; order inside a bucket stays longest-first.
    branches = [
        f"(?={re.escape(ch)}|{re.escape(ch.upper())})(?:{'|'.join(alts)})"
        for ch, alts in sorted(buckets.items())
    ]
    return re.compile(_BEFORE + "(?:" + "|".join(branches) + ")" + _AFTER), _groups()


def _allows(a: _Alt, start: str) -> bool:
    """Whether ``a`` may match text beginning with ``start`` (two characters, one at the end of the text).

    Errs on the side of yes: an alternative that cannot match does not change which one matches first.
    """
    if len(a.bucket.upper()) != 1:  # a multi-character case mapping: no cheap test
        return True
    first, second = start[0], start[1:]
    if first not in (a.bucket, a.bucket.upper()) or (a.first is not None and first != a.first):
        return False
    return not second or not second.isascii() or a.seconds is None or second in a.seconds


@lru_cache(maxsize=4096)
def _matcher_at(start: str) -> re.Pattern[str] | None:
    """:func:`_matcher`'s pattern cut down to the aliases that can match text beginning with ``start``.

    ``start`` is the text's first two characters there. Same alternatives in the same order, so the same
    match; but a few instead of the ~100 of a first letter (4x faster). None when no alias can match.
    """
    alts = [a for a in _alternatives() if _allows(a, start)]
    return _compile(alts) if alts else None


def _second_chars(alias: str, anycase: bool) -> frozenset[str] | None:
    """The ASCII characters that can follow the first one in a match of ``alias``; None when any can.

    Non-ASCII text characters are always let through (case folding can map them onto ASCII letters).
    """
    first_token = re.split(r"(\s*&\s*|\s+and\s+|[\s\-/]+)", alias)[0]
    if len(first_token) < 2 or not first_token[1].isascii():
        return None
    ch = first_token[1]
    if _is_acronym(alias) and not anycase:
        return frozenset(ch)
    return frozenset((ch.lower(), ch.upper()))


@cache
def _prefilter() -> re.Pattern[str]:
    """Where :func:`_matcher`'s pattern can match: a word start whose first two characters begin an alias.

    A superset of the match positions (first character as the alias's case rule allows, second by
    case-insensitive ASCII or any non-ASCII), so the big pattern runs at a few positions instead of
    every one; ~10x faster, same matches.
    """
    follow: dict[str, frozenset[str] | None] = {}  # first character -> allowed second ones (None: any)
    for a in _alternatives():
        if len(a.bucket.upper()) != 1:  # a multi-character case mapping: no cheap filter
            return re.compile(r"(?<![\w$])")
        for first in {a.first} if a.first is not None else {a.bucket, a.bucket.upper()}:
            current = follow.get(first, frozenset())
            if current is not None:
                follow[first] = None if a.seconds is None else current | a.seconds
    branches = []
    for first, allowed in sorted(follow.items()):
        branch = re.escape(first)
        if allowed is not None:
            branch += "(?=[" + "".join(re.escape(c) for c in sorted(allowed)) + "\u0080-\U0010ffff])"
        branches.append(branch)
    firsts = "".join(re.escape(c) for c in sorted(follow))
    # The first-character test goes first: most positions fail it at once.
    return re.compile(f"(?=[{firsts}])" + r"(?<![\w$])(?:" + "|".join(branches) + ")")


@lru_cache(maxsize=8192)
def _all_places(text: str) -> tuple[PlaceMatch, ...]:
    """Every place mention with demonyms, cached: the same sentence or name is looked at by several stages."""
    groups = _groups()
    out: list[PlaceMatch] = []
    pos = 0
    for cand in _prefilter().finditer(text):
        at = cand.start()
        if at < pos:
            continue
        rx = _matcher_at(text[at : at + 2])
        m = rx.match(text, at) if rx is not None else None
        if m is None:
            continue
        pos = m.end()  # leftmost, non-overlapping: what finditer would do
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is a named group
            continue
        p, adj = groups[name]
        if m.group() == "US" and _pronoun_us(text, m.start()):
            continue
        out.append(PlaceMatch(start=m.start(), end=m.end(), as_written=m.group(), place=p, adjective=adj))
    return tuple(out)


# Words that take the pronoun "us" as object: in an ALL-CAPS line "CONTACT US" is not the United States.
_US_GOVERNORS = frozenset(
    re.findall(
        r"\w+", "about among ask between by call contact email follow for from help join let message of"
    )
    + re.findall(r"\w+", "reach tell to visit with write")
)


def _pronoun_us(text: str, start: int) -> bool:
    prev = re.search(r"([A-Za-z]+)[\s\u00a0]*$", text[max(0, start - 40) : start])
    return bool(prev and prev.group(1).isupper() and prev.group(1).casefold() in _US_GOVERNORS)


def find_places(text: str, *, adjectives: bool = True) -> list[PlaceMatch]:
    """All non-overlapping place mentions, in text order (leftmost, then longest).

    With ``adjectives=False`` demonyms ("Chinese", "European") are left out.
    """
    found = _all_places(text)
    return list(found) if adjectives else [m for m in found if not m.adjective]


__all__ = [
    "Place",
    "PlaceMatch",
    "city_country",
    "compass_place",
    "country_code",
    "find_places",
    "lookup_place",
    "place",
    "places",
]
