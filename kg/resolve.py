"""Company mentions -> canonical companies, with the reason for every merge.

Reports spell one company many ways ("Kuraray Co., Ltd.", "Kuraray (Japan)", "Rain CIICarbon") and give
unrelated companies names that share most of their words ("Nippon Carbon" / "SGL Carbon", "Jiangxi Zhengtuo
New Energy Technology" / "Jiangxi Zichen Technology"). Resolution therefore compares names on three levels,
all computed by :func:`analyse`:

``display``
    the mention without trailing parentheses ("(China)", "(NMG)") and trailing legal-form words
    (``data/reference/legal_suffixes.txt``: Co., Ltd., Inc., GmbH, K.K., Holdings...). "Group" is kept:
    it is part of names such as "Jining Carbon Group", and only ignored when comparing.
``core``
    the display name case-, punctuation- and space-insensitive, "&" == "and", without "the"/"group":
    "Rain CII Carbon" and "Rain CIICarbon" are both ``rainciicarbon``. Equal cores are the same company.
``distinct``
    the core without generic words (``generic_tokens.txt``: industry words like carbon, graphite, energy,
    technology, material; corporate words like group, international, new; Chinese province/city prefixes;
    every country/region word of the place lexicon). Two names whose distinctive parts are equal differ
    only in generic words and are one company ("Shanshan Technology" == "Shanshan"; "Rheinfelden" ==
    "Rheinfelden Carbon"). A name whose distinctive part is empty, shorter than 3 characters, or made only
    of weak tokens (``weak_tokens.txt``: family names like Mitsubishi, LG, Sumitomo and plain English words
    like Northern, Century) is *weak*: it merges on its core only.

Merge rule (the same for registry matching and for unknown names in :func:`Resolver.resolve_all`):
two names are one company iff (1) their cores are equal, or (2) both are strong and their distinctive
parts are equal, or (3) both are strong, both distinctive parts have at least 10 characters and their
``rapidfuzz.fuzz.ratio`` is >= 92. Rule (3) tolerates a typo in a long name but never a one-letter
difference in a short distinctive token ("Zeto Carbon" != "Zeta Carbon"). A registry match that would be
ambiguous (two registry companies qualify equally) is refused, so the name stays a company of its own.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz

from kg.extract.geo import places
from kg.models import ResolvedCompany
from kg.reference import REFERENCE_DIR, reference_file

COMPANIES_CSV = REFERENCE_DIR / "companies.csv"

RegistryMethod = Literal["registry-exact", "registry-alias", "registry-fuzzy"]

FUZZY_MIN_SCORE = 92.0
FUZZY_MIN_LENGTH = 10
MIN_DISTINCT_LENGTH = 3

# Generic words that also appear glued to the previous word in scraped text ("Rain CIICarbon").
_GLUE_SUFFIXES = (
    "carbon",
    "graphite",
    "technology",
    "technologies",
    "materials",
    "material",
    "energy",
    "chemical",
    "chemicals",
    "battery",
    "group",
    "industries",
)
_SOFT_CORE = frozenset({"the", "group"})  # ignored when comparing cores


def _read_words(name: str) -> frozenset[str]:
    path = reference_file(REFERENCE_DIR / name)
    words = (
        line.split("#", 1)[0].strip().casefold() for line in path.read_text(encoding="utf-8").splitlines()
    )
    return frozenset(w for w in words if w)


@cache
def legal_suffixes() -> frozenset[str]:
    return _read_words("legal_suffixes.txt") | {"coltd", "coinc", "colimited"}


@cache
def weak_tokens() -> frozenset[str]:
    return _read_words("weak_tokens.txt")


@cache
def generic_tokens() -> frozenset[str]:
    """Industry/corporate words plus every single-word place name and demonym of the place lexicon."""
    words = set(_read_words("generic_tokens.txt"))
    for p in places().values():
        for label in (p.name, *p.aliases, *p.adjectives):
            toks = _tokens(label)
            if len(toks) == 1:
                words.add(toks[0])
    return frozenset(words)


# ------------------------------------------------------------------ name analysis


def _tokens(text: str) -> list[str]:
    """Lower-case word tokens without accents: reports drop them at will ("Hydro-Quebec", "Hydro-Québec")."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("&amp;", "&").replace("&", " and ")
    s = re.sub(r"[.'\u2019`]", "", s)
    s = re.sub(r"[\W_]+", " ", s)
    return s.split()


_TRAILING_PAREN = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_LAST_TOKEN = re.compile(r"[\s,;]*([^\s,;]+)[\s,;.]*$")
#: Two-word legal forms of Chinese and post-Soviet registered names, before "Co., Ltd." / "Company":
#: "Share Holding", "Shareholding", "Joint Stock", "Joint-Stock".
_TWO_WORD_FORM = re.compile(r"[\s,]+(?:share[\s-]*holding|joint[\s-]+stock)$", re.IGNORECASE)


def display_name(name: str) -> str:
    """The mention without trailing parentheses and legal-form words, whitespace collapsed.

    Never returns an empty string for a name with any letter or digit: if stripping would remove
    everything, the collapsed original is kept.
    """
    s = unicodedata.normalize("NFKC", name).replace("&amp;", "&")
    s = " ".join(s.split()).strip(" ,;:-")
    original = s
    while True:
        before = s
        stripped = _TRAILING_PAREN.sub("", s)
        if stripped and re.search(r"\w", stripped):
            s = stripped
        m = _LAST_TOKEN.search(s)
        if m and m.start() > 0:
            word = re.sub(r"[.'\u2019]", "", m.group(1)).casefold()
            if word in legal_suffixes() and re.search(r"\w", s[: m.start()]):
                s = s[: m.start()].rstrip(" ,;:-")
                s = re.sub(r"[\s,]*(?:&|\+|\band)$", "", s, flags=re.IGNORECASE)  # "GmbH & Co. KG"
                s = re.sub(r"(?<=\.)[\s,]*de$", "", s)  # "S.A. de C.V.", "S. de R.L."
        form = _TWO_WORD_FORM.search(s)
        if form and re.search(r"\w", s[: form.start()]):
            s = s[: form.start()]
        if s == before:
            break
    return s if re.search(r"\w", s) else original


def _split_glued(tok: str) -> list[str]:
    if tok in generic_tokens():
        return [tok]
    for suf in _GLUE_SUFFIXES:
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            return [tok[: -len(suf)], suf]
    return [tok]


@dataclass(frozen=True)
class NameForm:
    """The comparison forms of one company name (see the module docstring)."""

    as_written: str
    display: str
    tokens: tuple[str, ...]
    core: str
    distinct: str
    weak: bool

    @property
    def slug(self) -> str:
        ascii_tokens = [
            unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode() for t in self.tokens
        ]
        slug = "-".join(t for t in ascii_tokens if t)
        if slug:
            return slug
        return "company-" + hashlib.sha1(self.display.encode("utf-8")).hexdigest()[:10]


@cache
def analyse(name: str) -> NameForm:
    """Display, core and distinctive forms of a company name."""
    display = display_name(name)
    tokens: list[str] = []
    for tok in _tokens(display):
        tokens.extend(_split_glued(tok))
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    core = "".join(t for t in tokens if t not in _SOFT_CORE) or "".join(tokens)
    generic = generic_tokens()
    distinct_tokens = [t for t in tokens if t not in generic]
    distinct = "".join(distinct_tokens)
    weak = len(distinct) < MIN_DISTINCT_LENGTH or all(t in weak_tokens() for t in distinct_tokens)
    return NameForm(name, display, tuple(tokens), core, distinct, weak)


#: Generic words that say nothing about a company's line of business (corporate and place words).
_NON_SECTOR = frozenset({
    "group", "holding", "holdings", "international", "intl", "global", "new", "and", "the", "of", "co",
    "company", "corporation", "industrial", "industries", "industry", "enterprise", "enterprises",
})


@cache
def sector_words(form: NameForm) -> frozenset[str]:
    """The generic words of a name that name a line of business ("steel", "carbon", "material"), places
    and corporate words aside: "China Baowu Steel Group" -> {steel}."""
    place_words = _place_tokens()
    generic = generic_tokens()
    return frozenset(
        t for t in form.tokens if t in generic and t not in _NON_SECTOR and t not in place_words
    )


@cache
def _place_tokens() -> frozenset[str]:
    words: set[str] = set()
    for p in places().values():
        for label in (p.name, *p.aliases, *p.adjectives):
            words.update(_tokens(label))
    return frozenset(words)


def other_business(a: NameForm, b: NameForm) -> bool:
    """Both names state a line of business and the two share no word of it: "Baowu Carbon Material
    Technology" is a subsidiary of "China Baowu Steel Group", not the steel group itself. Equal distinctive
    tokens do not make them one company then (a subsidiary named like its parent stays apart unless the
    registry lists its name as an alias)."""
    sa, sb = sector_words(a), sector_words(b)
    return bool(sa) and bool(sb) and not (sa & sb)


def _fuzzy_score(a: NameForm, b: NameForm) -> float:
    if a.weak or b.weak or min(len(a.distinct), len(b.distinct)) < FUZZY_MIN_LENGTH:
        return 0.0
    return float(fuzz.ratio(a.distinct, b.distinct))


def same_company(a: NameForm, b: NameForm) -> tuple[bool, str]:
    """The merge rule, with its reason (see the module docstring)."""
    if a.core and a.core == b.core:
        return True, f"same normalised name {a.core!r}"
    if other_business(a, b):
        return False, ""
    if not a.weak and not b.weak and a.distinct == b.distinct:
        return True, f"same distinctive tokens {a.distinct!r}, other words generic"
    score = _fuzzy_score(a, b)
    if score >= FUZZY_MIN_SCORE:
        return True, f"fuzzy {score:.0f} {a.distinct!r} vs {b.distinct!r}"
    return False, ""


# ------------------------------------------------------------------ registry


@dataclass(frozen=True)
class RegistryEntry:
    key: str
    name: str
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    note: str = ""


def load_registry(path: Path = COMPANIES_CSV) -> tuple[RegistryEntry, ...]:
    """The reference registry: ``key,name,country,wikidata,aliases,note`` (aliases separated by ``|``)."""
    entries: list[RegistryEntry] = []
    with reference_file(path).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            entries.append(
                RegistryEntry(
                    key=row["key"].strip(),
                    name=row["name"].strip(),
                    country=(row.get("country") or "").strip() or None,
                    wikidata=(row.get("wikidata") or "").strip() or None,
                    aliases=aliases,
                    note=(row.get("note") or "").strip(),
                )
            )
    return tuple(entries)


class Resolver:
    """Resolves company names against the registry; unknown names get keys of their own."""

    def __init__(self, entries: Iterable[RegistryEntry] | None = None) -> None:
        self.entries: dict[str, RegistryEntry] = {}
        self._core: dict[str, tuple[str, str]] = {}  # core -> (registry key, label)
        self._distinct: dict[str, set[str]] = {}  # distinct -> registry keys
        self._labels: list[tuple[NameForm, str]] = []  # strong labels for fuzzy matching
        for e in load_registry() if entries is None else entries:
            if e.key in self.entries:
                raise ValueError(f"duplicate registry key {e.key!r}")
            self.entries[e.key] = e
            for label in (e.name, *e.aliases):
                form = analyse(label)
                other = self._core.get(form.core)
                if other is not None and other[0] != e.key:
                    raise ValueError(f"registry label {label!r} of {e.key!r} collides with {other}")
                self._core.setdefault(form.core, (e.key, label))
                if not form.weak:
                    self._distinct.setdefault(form.distinct, set()).add(e.key)
                    self._labels.append((form, e.key))
        self._labels.sort(key=lambda fl: (fl[0].distinct, fl[1]))

    def _hit(self, key: str, method: RegistryMethod, reason: str) -> ResolvedCompany:
        e = self.entries[key]
        return ResolvedCompany(
            key=e.key, name=e.name, country=e.country, wikidata=e.wikidata, reason=reason, method=method
        )

    def match_registry(self, name: str, *, fuzzy: bool = True) -> ResolvedCompany | None:
        """The registry company this name is, or None (also when two registry companies qualify).

        ``fuzzy=False`` skips the rapidfuzz comparison with every label (exact, alias and distinctive-token
        matches only): a cheap membership test for extractors.
        """
        form = analyse(name)
        hit = self._core.get(form.core)
        if hit is not None:
            key, label = hit
            e = self.entries[key]
            exact = name.strip() == label
            if label == e.name:
                how = "registry name" if exact else "registry name (case/punctuation/legal suffix folded)"
                return self._hit(key, "registry-exact", f"{how} {label!r}")
            how = "registry alias" if exact else "registry alias (case/punctuation/legal suffix folded)"
            return self._hit(key, "registry-alias", f"{how} {label!r} of {e.name!r}")
        if form.weak:
            return None
        keys = {
            k for k in self._distinct.get(form.distinct, set())
            if not other_business(form, analyse(self.entries[k].name))
        }
        if len(keys) == 1:
            (key,) = keys
            return self._hit(
                key,
                "registry-fuzzy",
                f"fuzzy 100: distinctive tokens {form.distinct!r} equal registry "
                f"{self.entries[key].name!r}, other words generic",
            )
        if len(keys) > 1 or not fuzzy:
            return None
        scored = sorted(
            ((_fuzzy_score(form, lf), key, lf) for lf, key in self._labels
             if lf.distinct and not other_business(form, analyse(self.entries[key].name))),
            key=lambda t: (-t[0], t[1]),
        )
        if scored and scored[0][0] >= FUZZY_MIN_SCORE:
            best, key, lf = scored[0]
            rivals = {k for s, k, _ in scored if s == best}
            if len(rivals) == 1:
                return self._hit(
                    key,
                    "registry-fuzzy",
                    f"fuzzy {best:.0f} {form.distinct!r} vs registry {lf.as_written!r} "
                    f"({self.entries[key].name!r})",
                )
        return None

    def _unknown_key(self, form: NameForm) -> str:
        slug = form.slug
        return f"{slug}-company" if slug in self.entries else slug

    def resolve(self, name: str) -> ResolvedCompany:
        """One name -> its canonical company (registry, or a new company keyed by its normalised name).

        Raises ValueError for a name without any letter or digit: that is an extraction bug upstream.
        """
        if not any(ch.isalnum() for ch in name.replace("&amp;", "&")):
            raise ValueError(f"not a company name: {name!r}")
        hit = self.match_registry(name)
        if hit is not None:
            return hit
        form = analyse(name)
        folded = " ".join(name.split()) != form.display
        return ResolvedCompany(
            key=self._unknown_key(form),
            name=form.display,
            reason=(
                f"new company; normalised {name.strip()!r} -> {form.display!r}" if folded else "new company"
            ),
            method="normalised" if folded else "new",
        )

    def resolve_all(self, names: Iterable[str]) -> dict[str, ResolvedCompany]:
        """Resolve many names at once and also merge unknown names with each other by the same rule.

        Unknown names form a graph whose edges are :func:`same_company`; each connected component is one
        company named after its most complete spelling (most words, then not all-caps, then longest, then
        alphabetical), so the result does not depend on input order.
        """
        unique = sorted(set(names))
        out: dict[str, ResolvedCompany] = {}
        unknown: list[str] = []
        for n in unique:
            hit = self.match_registry(n)
            if hit is not None:
                out[n] = hit
            else:
                unknown.append(n)
        parent = {n: n for n in unknown}
        why: dict[tuple[str, str], str] = {}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        forms = {n: analyse(n) for n in unknown}
        for i, a in enumerate(unknown):
            for b in unknown[i + 1 :]:
                ok, reason = same_company(forms[a], forms[b])
                if ok:
                    why[(a, b)] = reason
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
        groups: dict[str, list[str]] = {}
        for n in unknown:
            groups.setdefault(find(n), []).append(n)
        for members in groups.values():
            rep = min(members, key=lambda n: _rank(forms[n]))
            rep_form = forms[rep]
            for n in members:
                single = self.resolve(n)
                if len({forms[m].display for m in members}) == 1:
                    out[n] = single.model_copy(
                        update={"key": self._unknown_key(rep_form), "name": rep_form.display}
                    )
                    continue
                reason = next(
                    (r for (a, b), r in sorted(why.items()) if n in (a, b)),
                    "",
                )
                out[n] = ResolvedCompany(
                    key=self._unknown_key(rep_form),
                    name=rep_form.display,
                    reason=f"new company {rep_form.display!r}; merged spellings "
                    f"{sorted({forms[m].display for m in members})} ({reason})",
                    method="normalised",
                )
        return out


def _rank(f: NameForm) -> tuple[int, bool, int, str]:
    return (-len(f.tokens), f.display.isupper(), -len(f.display), f.display)


@cache
def default_resolver() -> Resolver:
    """The resolver over ``data/reference/companies.csv``, built once."""
    return Resolver()


def resolve(name: str) -> ResolvedCompany:
    """Shortcut: :meth:`Resolver.resolve` with the default registry."""
    return default_resolver().resolve(name)


def resolve_all(names: Iterable[str]) -> dict[str, ResolvedCompany]:
    """Shortcut: :meth:`Resolver.resolve_all` with the default registry."""
    return default_resolver().resolve_all(names)


__all__ = [
    "NameForm",
    "RegistryEntry",
    "Resolver",
    "analyse",
    "default_resolver",
    "display_name",
    "load_registry",
    "resolve",
    "resolve_all",
    "same_company",
]
