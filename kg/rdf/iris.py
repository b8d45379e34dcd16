"""Deterministic IRIs: every node the graph holds is minted here, by ``iri(kind, *parts)``.

No blank nodes anywhere: an IRI derived from stable keys (document stem, offsets, normalised names) makes
rebuilds diff cleanly, lets a store upsert a document by replacing its graph, and lets two documents that
name the same company or market meet on one node. Each part is slugified (lower case ASCII, ``&`` as
"and", anything else folded to ``-``); a part with nothing sluggable left (e.g. a name in Chinese script)
becomes ``h-`` plus a short hash of its text, so it is still deterministic and distinct.

Scheme (under ``https://w3id.org/anode-kg/id/``)::

    doc/<file name, percent-encoded>        market/<name>            company/<resolver key>
    org/<publisher>                         geo/<region key>         period/<start>-<end>
    span/<doc>/<start>-<end>  (#quote, #pos selectors)              mention/<doc>/<start>-<end>
    obs/market-size/<doc>/<market>/<scope>/<segment|total>/<year>
    obs/growth-rate/<doc>/<market>/<scope>/<segment|total>/<start>-<end>
    obs/market-share/<doc>/<market>/<holder kind>/<holder>/<basis>/<year|any>
    stat/<doc>/<label>/<value as written>   dataset/<doc>/<kind>     dsd/<kind>
    segment/<market>/<kind>/<label>         segment-mention/<doc>/<kind>/<label>
    dynamic/<doc>/<kind>/<title>            coverage/<doc>/<region key>
    claim/<doc>/<predicate>/<subject>/<object>                      resolution/<doc>/<spelling>
    activity/extract/<version>-<config hash>                        agent/extractor/<version>
    concept/<scheme>/<slug>                 scheme/<name>
    derived/<kind>/<hash of its key>        (corpus graph shortcuts, kg.rdf.corpus)
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import URIRef

from kg.namespaces import GRAPH, ID
from kg.reference import REFERENCE_DIR, reference_file

_NON_SLUG = re.compile(r"[^a-z0-9]+")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1 << 14, typed=True)  # ~200 calls per mapped document, nearly all repeats
def slug(text: str | int) -> str:
    """Lower-case ASCII slug of ``text``; never empty (falls back to a hash of the text)."""
    raw = str(text)
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("&", " and ").replace("+", " plus ").replace("%", " percent ")
    out = _NON_SLUG.sub("-", folded).strip("-")
    if out:
        return out
    return "h-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


class Key(str):
    """A path segment that is already IRI-safe and must not be slugified again (document keys)."""


def doc_key(source: str) -> Key:
    """The document's key: its file name, percent-encoded where not IRI-safe.

    Not a slug: the build identifies documents by file name, and slugging would merge names that differ
    only by case, punctuation or extension ("a.txt" / "a.html") into one document node.
    """
    return Key(quote(source, safe="._-~"))


def iri(kind: str, *parts: str | int) -> URIRef:
    """``https://w3id.org/anode-kg/id/<kind>/<slug(part)>/...``; ``kind`` may itself contain ``/``."""
    return URIRef(str(ID) + "/".join([kind, *(p if isinstance(p, Key) else slug(p) for p in parts)]))


def fragment(node: URIRef, name: str) -> URIRef:
    """A hash IRI hanging off ``node`` (span selectors, DSD components)."""
    return URIRef(f"{node}#{name}")


# ------------------------------------------------------------------ common nodes


def doc_iri(source: str) -> URIRef:
    return iri("doc", doc_key(source))


def doc_graph_iri(source: str) -> URIRef:
    """The named graph holding one document's statements (replaced as a whole on rebuild)."""
    return URIRef(f"{GRAPH}doc/{doc_key(source)}")


CORPUS_GRAPH = URIRef(f"{GRAPH}corpus")
"""Cross-document statements recomputed from the store (kg.rdf.corpus)."""


def span_iri(source: str, start: int, end: int) -> URIRef:
    return iri("span", doc_key(source), Key(f"{start}-{end}"))


def mention_iri(source: str, start: int, end: int) -> URIRef:
    return iri("mention", doc_key(source), Key(f"{start}-{end}"))


def market_iri(name: str) -> URIRef:
    return iri("market", name)


def company_iri(key: str) -> URIRef:
    return iri("company", key)


@lru_cache(maxsize=1)
def _region_rows() -> tuple[dict[str, str], ...]:
    with reference_file(REFERENCE_DIR / "regions.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _region_keys() -> dict[str, str]:
    """Key, name and aliases (case-folded) -> key, from data/reference/regions.csv; first row wins."""
    table: dict[str, str] = {}
    rows = _region_rows()
    for row in rows:
        table.setdefault(row["key"].strip().casefold(), row["key"].strip())
    for row in rows:
        for name in [row["name"], *row.get("aliases", "").split("|")]:
            if name.strip():
                table.setdefault(name.strip().casefold(), row["key"].strip())
    return table


def geo_key(key_or_name: str) -> str:
    """The regions vocabulary key for a key, name or alias ("APAC" -> asia-pacific); else its slug."""
    return _region_keys().get(key_or_name.strip().casefold(), slug(key_or_name))


def geo_name(key_or_name: str) -> str:
    """The vocabulary's name for a region key, name or alias; the input itself when unknown."""
    key = geo_key(key_or_name)
    for row in _region_rows():
        if row["key"].strip() == key:
            return row["name"].strip()
    return key_or_name


def geo_iri(key_or_name: str) -> URIRef:
    """The region/country concept ``geo/<key>`` (the IRIs ontology/vocab/regions.ttl defines)."""
    return iri("geo", geo_key(key_or_name))


def period_iri(start: int | None, end: int | None) -> URIRef:
    """``period/<start>-<end>``; an unknown bound is written ``x`` (never invented)."""
    return iri("period", Key(f"{start if start is not None else 'x'}-{end if end is not None else 'x'}"))


def concept_iri(scheme: str, key: str) -> URIRef:
    return iri(f"concept/{slug(scheme)}", key)


TOTAL_SEGMENT = concept_iri("segment", "total")
"""Data Cube needs a value for every dimension: figures not restricted to a segment use this one."""


CONFIG_DIRS = (REFERENCE_DIR, PROJECT_ROOT / "ontology" / "vocab")
"""What the extraction depends on besides the code: the reference registry and the vocabularies."""


def config_hash(dirs: tuple[Path, ...] = CONFIG_DIRS) -> str:
    """First 12 hex digits of a sha256 over the names and bytes of every file in ``dirs`` (sorted)."""
    h = hashlib.sha256()
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.relative_to(folder.parent).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class ExtractionRun:
    """One extraction activity: the extractor version and a hash of its configuration.

    Deliberately no timestamp: the run's IRI and triples depend only on code version and configuration,
    so two builds of the same inputs are byte-identical.
    """

    version: str
    config_hash: str

    @classmethod
    def current(cls) -> ExtractionRun:
        from kg import EXTRACTOR_VERSION

        return cls(EXTRACTOR_VERSION, config_hash())

    @property
    def iri(self) -> URIRef:
        return iri("activity/extract", f"{self.version}-{self.config_hash}")

    @property
    def agent_iri(self) -> URIRef:
        return iri("agent/extractor", self.version)


def derived_iri(kind: str, *key: str) -> URIRef:
    """``derived/<kind>/<hash of key>``: a node of the corpus graph's derived shortcut statements.

    Hashed rather than slugged: a key is several IRIs and literals (a company and a market; a market,
    area, segment, year and value...), which would make long, lossy slugs.
    """
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:20]
    return iri(f"derived/{slug(kind)}", Key(digest))
