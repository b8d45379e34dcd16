"""Term conversion between rdflib and pyoxigraph, and the one deterministic serialiser all backends share.

Every backend dumps through :func:`write_triples` / :func:`write_quads`: statements are deduplicated and
sorted by their N-Triples text (a code-point order, so independent of insertion order, hash seeds and
backend), then written by pyoxigraph's serialisers, which are ~40x faster than rdflib's and keep the input
order. Prefixes only, never a base IRI: pyoxigraph writes odd relative IRIs when given one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Used when ``kg.namespaces`` is not importable; the project map wins when it exists.
FALLBACK_PREFIXES: dict[str, str] = {
    "akg": "https://w3id.org/anode-kg/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Our format names -> pyoxigraph formats (all five are written by pyoxigraph, JSON-LD included).
OX_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = frozenset({"nq", "trig"})

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def prefixes() -> dict[str, str]:
    """The project prefix map, sorted by prefix so the Turtle header is stable; looked up at call time."""
    try:
        from kg.namespaces import PREFIXES  # type: ignore[import-not-found,unused-ignore]

        found: dict[str, str] = dict(PREFIXES)
    except ImportError:
        found = FALLBACK_PREFIXES
    return {k: found[k] for k in sorted(found)}


def check_format(fmt: str) -> ox.RdfFormat:
    try:
        return OX_FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(OX_FORMATS)}") from None


def to_ox(term: Node) -> OxTerm:
    """rdflib term -> pyoxigraph term; raises ValueError for an IRI or language tag pyoxigraph rejects."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise ValueError(f"cannot store {type(term).__name__} {term!r}")


def to_ox_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    """Convert a graph's triples, raising StoreError (before anything is written) on a bad term.

    Each distinct IRI or blank node is converted (and validated) once: a document names each subject,
    predicate and class many times.
    """
    out: list[ox.Triple] = []
    nodes: dict[Node, OxTerm] = {}
    try:
        for s, p, o in triples:
            sn = nodes.get(s)
            if sn is None:
                sn = nodes[s] = to_ox(s)
            pn = nodes.get(p)
            if pn is None:
                pn = nodes[p] = ox.NamedNode(p)  # type: ignore[arg-type]
            on: OxTerm | None
            if type(o) is Literal:
                on = _literal(o)
            else:
                on = nodes.get(o)
                if on is None:
                    on = nodes[o] = to_ox(o)
            out.append(ox.Triple(sn, pn, on))  # type: ignore[arg-type]
    except (ValueError, TypeError) as e:
        raise StoreError(f"invalid RDF term: {e}") from e
    return out


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    """``triples`` as N-Triples (what a store loads), as ``ox.serialize`` writes them; StoreError on a bad term.

    Each term is written by pyoxigraph (``str`` of its term is the serializer's own validation and
    escaping), each distinct IRI once. Why not ``ox.serialize``: an ``ox.Triple`` per statement cost
    more than the text, for the ~1 000 statements a build worker writes per document.
    """
    texts: dict[Node, str] = {}
    lines: list[str] = []
    try:
        for s, p, o in triples:
            st = texts.get(s)
            if st is None:
                if isinstance(s, Literal):
                    raise TypeError(f"a literal cannot be a subject: {s!r}")
                st = texts[s] = str(to_ox(s))
            pt = texts.get(p)
            if pt is None:
                pt = texts[p] = str(ox.NamedNode(p))  # type: ignore[arg-type]
            ot: str | None
            if type(o) is Literal:
                ot = str(_literal(o))
            else:
                ot = texts.get(o)
                if ot is None:
                    ot = texts[o] = str(to_ox(o))
            lines.append(f"{st} {pt} {ot} .\n")
    except (ValueError, TypeError) as e:
        raise StoreError(f"invalid RDF term: {e}") from e
    return "".join(lines).encode("utf-8")


def _literal(term: Literal) -> ox.Literal:
    """``to_ox`` for a literal, its datatype converted once per process."""
    if term.datatype is None or term.language:
        return to_ox(term)  # type: ignore[return-value]
    return ox.Literal(str(term), datatype=_datatype(term.datatype))


@lru_cache(maxsize=256)
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def to_ox_quads(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> list[ox.Quad]:
    """Convert rdflib quads; a graph name of None means the default graph."""
    out: list[ox.Quad] = []
    try:
        for s, p, o, g in quads:
            name = ox.DefaultGraph() if g is None else to_ox(g)
            out.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name))  # type: ignore[arg-type]
    except (ValueError, TypeError) as e:
        raise StoreError(f"invalid RDF term: {e}") from e
    return out


_uri_cache: dict[str, URIRef] = {}


def _uri(value: str) -> URIRef:
    u = _uri_cache.get(value)
    if u is None:
        if len(_uri_cache) > 100_000:
            _uri_cache.clear()
        u = _uri_cache[value] = URIRef(value)
    return u


def to_rdflib(term: object) -> Node:
    """pyoxigraph term -> rdflib term; xsd:string literals become plain, as rdflib's parsers make them."""
    if type(term) is ox.NamedNode:
        return _uri(term.value)
    if type(term) is ox.Literal:
        lang = term.language
        if lang:
            return Literal(term.value, lang=lang)
        dt = term.datatype.value
        if dt == XSD_STRING:
            # normalize=False: a plain string's lexical form is its value, so normalising only recomputes
            # it (a third of the literal's cost; listings are mostly strings)
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=_uri(dt))
    if type(term) is ox.BlankNode:
        return BNode(term.value)
    raise StoreError(f"unsupported term in result: {term!r}")


def rows_to_rdflib(solutions: Iterable[Iterable[object]]) -> list[tuple[Node | None, ...]]:
    """SELECT solutions as rows of rdflib terms (None where unbound), each distinct term converted once.

    Why: a listing's terms repeat (a market's name on every row of its sizes, a company on each alias) and
    an rdflib ``Literal`` costs 2-9 us to build; a dict lookup on the pyoxigraph term costs ~0.2 us. The
    memo lives for one result, so answers do not depend on earlier queries.
    """
    memo: dict[object, Node] = {}
    get = memo.get
    rows: list[tuple[Node | None, ...]] = []
    for solution in solutions:
        row: list[Node | None] = []
        for term in solution:
            if term is None:
                row.append(None)
                continue
            node = get(term)
            if node is None:
                node = memo[term] = to_rdflib(term)
            row.append(node)
        rows.append(tuple(row))
    return rows


def triples_to_rdflib(triples: Iterable[ox.Triple]) -> Graph:
    """A CONSTRUCT/DESCRIBE answer as an rdflib graph, each distinct term converted once (``rows_to_rdflib``)."""
    memo: dict[object, Node] = {}
    get = memo.get
    g = Graph()
    for t in triples:
        spo = []
        for term in (t.subject, t.predicate, t.object):
            node = get(term)
            if node is None:
                node = memo[term] = to_rdflib(term)
            spo.append(node)
        g.add((spo[0], spo[1], spo[2]))
    return g


def write_triples(triples: Iterable[ox.Triple], fmt: str, out: BinaryIO) -> None:
    """Write distinct triples sorted by N-Triples text; equal subjects (and predicates) end up adjacent."""
    rdf_format = check_format(fmt)
    if fmt in DATASET_FORMATS:
        raise StoreError(f"{fmt} needs quads")
    unique = {str(t): t for t in triples}
    ordered = [unique[k] for k in sorted(unique)]
    ox.serialize(ordered, out, rdf_format, prefixes=prefixes() if fmt == "ttl" else None)


def write_quads(quads: Iterable[ox.Quad], fmt: str, out: BinaryIO) -> None:
    """Write distinct quads sorted by graph name, then triple text, so each graph is one TriG block."""
    rdf_format = check_format(fmt)
    if fmt not in DATASET_FORMATS:
        raise StoreError(f"{fmt} writes triples")
    unique = {(str(q.graph_name), str(q.triple)): q for q in quads}
    ordered = [unique[k] for k in sorted(unique)]
    ox.serialize(ordered, out, rdf_format, prefixes=prefixes() if fmt == "trig" else None)
