"""Oxigraph backend: pyoxigraph used directly (not through oxrdflib), in memory or on disk (RocksDB).

Why directly: oxrdflib puts rdflib's Python layers back in front of the engine and loses most of the
measured 10-40x gain (DESIGN.md, "Measured"). Terms are converted at the edge only (``_rdf``).

Atomic ``replace_graph``: pyoxigraph has no Python transaction object; ``bulk_load``/``bulk_extend`` are
not transactional, and ``remove_graph`` followed by ``load``/``extend`` is two transactions (a reader can
see the document missing, a crash in between loses it). A single ``Store.update`` is one transaction, so
what goes and what comes go in ONE update (below), the data written as N-Triples by pyoxigraph's own
serialiser (canonical escaping, which its SPARQL parser reads back exactly; tested with hostile literals).
It is slower to parse than N-Triples loading (benchmarks/bench_store.py measures both) but documents are
small and correctness wins.

Deduplicated default graph: every document's triples live in its own named graph, and Oxigraph's REAL
default graph holds a deduplicated copy of the union of all named graphs, maintained by the same atomic
update that changes a named graph. Queries run on that default graph only (``use_default_graph_as_union``
off). Why: Oxigraph's union default graph returns a triple once PER GRAPH that asserts it, and the shared
nodes (markets, companies, regions, concept labels and types, periods, publishers) are described in every
document's graph, so every join on them multiplied rows by the number of documents: at 1 000 synthetic
documents 10 of the 18 stored queries took over 60 s on the union and 6-155 ms on one deduplicated graph
(benchmarks/bench_default_graph.py, benchmarks/run.py).

A graph the store holds is replaced by ONE ``Store.update`` writing the DIFFERENCE (``_patch``): the old
content is read under the writer lock (so no other writer changes it before the update runs), and the
update is::

    DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) { ...gone... }    # from the default graph, unless
        FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER (?h != <g>) } } ;  # another graph asserts it
    DELETE DATA { GRAPH <g> { ...gone... } } ;
    INSERT DATA { GRAPH <g> { ...new... }
                  ...new... }                                       # default graph: a set, no duplicates

The NOT EXISTS is answered per triple from the spog index (s, p, o bound). Why a difference: the corpus
graph (kg/rdf/corpus.py) is rewritten by every build and barely changes; written whole it cost 26 s at
10 000 documents (176k triples) whatever changed, and nothing when nothing did. A graph with blank nodes
(which DELETE DATA cannot name, and whose labels mean nothing across updates) is replaced whole, by the
same update with ``GRAPH <g> { ?s ?p ?o }`` in the first DELETE, ``DROP SILENT GRAPH <g>`` for the
second, and all its triples inserted (one INSERT DATA block: a blank node label may not span two). Writers
are serialised by a lock (``_update``).

New graphs (a first build, new files in an incremental one, a first corpus graph) skip all that: nothing
is to be forgotten, so ``replace_graphs_ntriples`` bulk-loads a batch of them, each triple in its graph and
in the default graph, in one atomic ingestion (``_add_new``): the build's writes went from 51 s to 10 s for
1 000 documents and the building process's peak RSS from 967 to ~400 MB, flat from 1 000 to 10 000
documents.

Invariant (tests/test_store_contract.py): after any sequence of replace/drop/clear/update, the default
graph equals the set union of the named graphs. ``update`` runs the caller's operations and then re-derives
the default graph from all named graphs in the same transaction (O(store): it is for ad-hoc edits, not for
documents); triples written to the default graph directly are therefore removed, and a query's default
graph never holds anything no named graph asserts. ``graph_names`` lists named graphs only; ``ttl``/``nt``/
``jsonld`` dumps read the default graph, ``nq``/``trig`` the named graphs only; ``len`` counts the default
graph.

Migration: a store written before this scheme has named graphs and an empty default graph. Opening an
on-disk store in that state rebuilds the default graph from the union once, in one transaction (a crash
leaves it empty and the next open tries again); 14-25 s for 750k quads. A store whose default graph is not
empty is trusted; ``rebuild_default_graph()`` re-derives it explicitly.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, TypeAlias

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier

from kg.errors import StoreError
from kg.store import _rdf
from kg.store.base import SelectResult, Store

#: Most quads one bulk load may carry: Oxigraph's loader saves (atomically) per batch of 1M quads, so
#: a call under it is all or nothing.
BULK_QUADS = 500_000
#: Fewest quads worth a bulk load: each one writes and ingests new files, so one document at a time is
#: 15x slower than a transactional ``load`` (benchmarks/bench_store.py); below this, ``load``.
BULK_MIN_QUADS = 20_000
_Triple: TypeAlias = ox.Triple  # the class's ``ox`` property hides the module inside its body
_COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_DEFAULT_EMPTY = "ASK { ?s ?p ?o }"
_NAMED_NONEMPTY = "ASK { GRAPH ?g { ?s ?p ?o } }"
#: Re-derive the default graph from the named graphs (appended to an update, so in its transaction).
_RESYNC = (
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n"
    "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
)


def _forget(name: str) -> str:
    """Delete from the default graph the triples of ``name`` that no other named graph asserts."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {name}) }} }} ;\n"
        f"DROP SILENT GRAPH {name}"
    )


def _patch(name: str, removed: Sequence[ox.Triple], added: Sequence[ox.Triple]) -> str:
    """ONE update turning graph ``name`` into old - ``removed`` + ``added`` (no blank nodes), default graph kept.

    The default graph loses a removed triple only where no other named graph asserts it, decided inside
    the transaction as ``_forget`` does; "" when nothing changes.
    """
    parts = []
    if removed:
        rows = "\n".join(f"({t.subject} {t.predicate} {t.object})" for t in removed)
        parts.append(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}\n}} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {name}) }} }}"
        )
        parts.append(f"DELETE DATA {{ GRAPH {name} {{\n{_nt(removed)}}} }}")
    if added:
        body = _nt(added)
        parts.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}}}\n{body}}}")
    return " ;\n".join(parts)


def _nt(triples: Sequence[ox.Triple]) -> str:
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def _has_blank(t: ox.Triple) -> bool:
    return type(t.subject) is ox.BlankNode or type(t.object) is ox.BlankNode


def _replace(name: str, body: str) -> str:
    """ONE update replacing the named graph ``name`` with ``body`` (N-Triples) and keeping the default graph."""
    if not body.strip():
        return _forget(name)
    # one INSERT DATA block for both copies: a blank node label may not span two blocks
    return f"{_forget(name)} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}}\n{body}}}"


class OxigraphStore(Store):
    """Embedded Oxigraph; ``path=None`` keeps everything in memory, a directory persists it."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        self._write_lock = threading.Lock()
        try:
            if self.path is not None:
                self.path.mkdir(parents=True, exist_ok=True)
            self._ox: ox.Store | None = ox.Store(None if self.path is None else str(self.path))
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(
                    f"oxigraph store {self.path} is in use by another process or store object "
                    "(its LOCK is held); close it first"
                ) from None
            raise StoreError(f"cannot open oxigraph store {self.path}: {msg}") from None
        if self.path is not None:
            self._migrate()

    @property
    def ox(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that need engine features the interface lacks.

        Writing through it bypasses the default-graph maintenance: write named graphs through this class
        (or call ``rebuild_default_graph`` afterwards).
        """
        if self._ox is None:
            raise StoreError("store is closed")
        return self._ox

    def _migrate(self) -> None:
        """A store from before the deduplicated default graph: derive it once (see the module docstring)."""
        store = self.ox
        if not store.query(_DEFAULT_EMPTY) and store.query(_NAMED_NONEMPTY):
            self.rebuild_default_graph()

    def rebuild_default_graph(self) -> None:
        """Re-derive the default graph as the union of the named graphs, in one transaction (O(store))."""
        self._update(_RESYNC)

    # -- writing ---------------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        name = _graph_node(graph_iri)
        triples = _rdf.to_ox_triples(graph)
        with self._write_lock:
            if self.ox.contains_named_graph(ox.NamedNode(graph_iri)):
                self._replace_existing(graph_iri, name, triples)
            elif triples:
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
                self._load_new([(graph_iri, _as_nquads(name, body))])

    def _replace_existing(self, graph_iri: str, name: str, triples: list[_Triple]) -> None:
        """Replace a graph the store holds by one update writing the difference (module docstring).

        The caller holds the writer lock, so the old content read here is what the update changes.
        """
        old = {q.triple for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))}
        new = set(triples)
        if not new:
            sparql = _forget(name)
        elif any(_has_blank(t) for t in old) or any(_has_blank(t) for t in new):
            body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            sparql = _replace(name, body)
        else:
            sparql = _patch(name, sorted(old - new, key=str), sorted(new - old, key=str))
        if sparql:
            self._run_update(sparql)

    def replace_graph_ntriples(self, graph_iri: str, data: bytes) -> None:
        """Parsed (validated) and re-written by pyoxigraph, so the bytes cannot inject SPARQL."""
        self.replace_graphs_ntriples([(graph_iri, data)])

    def replace_graphs_ntriples(self, items: Sequence[tuple[str, bytes]]) -> None:
        """Graphs the store already holds are replaced one update each (see the module docstring); the
        NEW ones (every document of a first build) are written together by ``_add_new``."""
        chunk: list[tuple[str, bytes]] = []
        quads = 0
        for graph_iri, data in dict(items).items():  # a graph named twice: its last content wins
            name = _graph_node(graph_iri)
            if self.ox.contains_named_graph(ox.NamedNode(graph_iri)):
                try:
                    triples = [q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)]
                except (SyntaxError, ValueError) as e:
                    raise StoreError(f"invalid N-Triples for {graph_iri}: {e}") from None
                with self._write_lock:
                    self._replace_existing(graph_iri, name, triples)
                continue
            lines = 2 * data.count(b"\n")
            if chunk and quads + lines > BULK_QUADS:
                self._add_new(chunk)
                chunk, quads = [], 0
            chunk.append((graph_iri, _as_nquads(name, data)))
            quads += lines
        self._add_new(chunk)

    def _add_new(self, graphs: list[tuple[str, bytes]]) -> None:
        """Add graphs absent from the store (N-Quads, with their default-graph copies): all or nothing.

        Nothing needs forgetting, so no SPARQL. On disk, Oxigraph's bulk loader parses everything, then
        writes sorted files and hands every index's file to RocksDB in ONE atomic ingestion
        (``IngestExternalFiles``), provided the input fits one loader batch (1M quads; ``BULK_QUADS``
        keeps a call far below; a bigger single graph, or a batch under ``BULK_MIN_QUADS``, goes through
        the transactional ``load``). A syntax error anywhere writes nothing (tests/test_store_contract.py).
        Measured writing 1 000
        synthetic documents: 10 s in batches, 38 s with one transactional ``load`` per document, 51 s
        with the SPARQL update (whose per-quad cost also grows with the store). In memory, ``load``.
        """
        if not graphs:
            return
        with self._write_lock:
            self._load_new(graphs)

    def _load_new(self, graphs: list[tuple[str, bytes]]) -> None:
        """``_add_new`` for a caller that holds the writer lock."""
        nquads = b"".join(data for _, data in graphs)
        bulk = self.path is not None and BULK_MIN_QUADS <= nquads.count(b"\n") <= BULK_QUADS
        try:
            if bulk:
                self.ox.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            else:
                self.ox.load(nquads, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as e:
            names = ", ".join(iri for iri, _ in graphs)
            raise StoreError(f"invalid N-Triples for {names}: {e}") from None

    def drop_graph(self, graph_iri: str) -> None:
        self._update(_forget(_graph_node(graph_iri)))

    def update(self, sparql: str) -> None:
        """The caller's update, then the default graph re-derived from the named graphs: one transaction.

        O(store) because any graph may have changed; documents go through ``replace_graph``/``drop_graph``,
        which maintain the default graph incrementally. Writes to the default graph itself do not persist.
        """
        text = sparql.rstrip()
        if text.endswith(";"):
            text = text[:-1]
        self._update(f"{text} ;\n{_RESYNC}")

    def _update(self, sparql: str) -> None:
        """One transaction. Writers are serialised: two concurrent replacements of graphs sharing a triple
        could each see the other graph still asserting it (snapshot reads) and leave it in the default graph
        when both are gone; RocksDB's LOCK already keeps other processes out."""
        with self._write_lock:
            self._run_update(sparql)

    def _run_update(self, sparql: str) -> None:
        """``_update`` for a caller that holds the writer lock."""
        try:
            self.ox.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"SPARQL update syntax error: {e}") from None
        except OSError as e:
            raise StoreError(f"SPARQL update failed: {e}") from None

    def clear(self) -> None:
        with self._write_lock:
            self.ox.clear()

    # -- reading ---------------------------------------------------------------------------------------

    def graph_names(self) -> list[str]:
        """Named graphs holding at least one triple (an emptied graph is not a document any more)."""
        store = self.ox
        names = []
        for g in store.named_graphs():
            if isinstance(g, ox.NamedNode) and next(store.quads_for_pattern(None, None, None, g), None):
                names.append(g.value)
        return sorted(names)

    def query(
        self, sparql: str, bindings: Mapping[str, Identifier] | None = None
    ) -> SelectResult | bool | Graph:
        """On the deduplicated default graph; ``GRAPH`` reaches the named graphs (one per document).

        Bindings go to the engine as ``substitutions``; see ``_values_clause`` for when they cannot.
        """
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None = None
        if bindings:
            try:
                subs = {ox.Variable(k): _rdf.to_ox(v) for k, v in bindings.items()}
            except ValueError as e:
                raise StoreError(f"invalid binding: {e}") from None
        try:
            try:
                res = self.ox.query(sparql, use_default_graph_as_union=False, substitutions=subs)
            except RuntimeError as e:
                if not subs or "projection" not in str(e):
                    raise StoreError(f"SPARQL query failed: {e}") from None
                res = self.ox.query(sparql + _values_clause(subs), use_default_graph_as_union=False)
            if isinstance(res, ox.QueryBoolean):
                return bool(res)
            if isinstance(res, ox.QuerySolutions):
                return SelectResult([v.value for v in res.variables], _rdf.rows_to_rdflib(res))
            return _rdf.triples_to_rdflib(res)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {e}") from None
        except OSError as e:
            raise StoreError(f"SPARQL query failed: {e}") from None

    def __len__(self) -> int:
        """Triples in the default graph, i.e. distinct triples of the union of the named graphs."""
        res = self.ox.query(_COUNT_DEFAULT)
        assert isinstance(res, ox.QuerySolutions)
        for sol in res:
            n = sol[0]
            return int(n.value) if isinstance(n, ox.Literal) else 0
        return 0

    def dump(self, fmt: str, out: BinaryIO) -> None:
        store = self.ox
        if fmt in _rdf.DATASET_FORMATS:
            quads = store.quads_for_pattern(None, None, None, None)
            _rdf.write_quads((q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)), fmt, out)
        else:
            _rdf.check_format(fmt)
            quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            _rdf.write_triples((q.triple for q in quads), fmt, out)

    def close(self) -> None:
        """Flush and drop the engine so RocksDB releases its LOCK and the directory can be reopened."""
        if self._ox is not None:
            if self.path is not None:
                self._ox.flush()
            self._ox = None


def _as_nquads(name: str, ntriples: bytes) -> bytes:
    """Each line once in graph ``name`` and once in the default graph.

    N-Triples escapes line breaks inside literals, so the only raw ``" .\\n"`` is a statement's end;
    the loader re-parses the result, so malformed input is refused, never misread."""
    body = ntriples if ntriples.endswith(b"\n") or not ntriples else ntriples + b"\n"
    return body.replace(b" .\n", f" {name} .\n".encode()) + body


def _values_clause(subs: Mapping[ox.Variable, object]) -> str:
    """A trailing ``VALUES`` block carrying the bindings, for variables Oxigraph will not substitute.

    Oxigraph (SEP-0007) substitutes only variables in the SELECT projection; rdflib binds any variable.
    A trailing VALUES is joined with the WHERE pattern by the engine (as DESIGN.md allows), so a parameter
    that is matched in the pattern works as with rdflib; one used only in a FILTER or HAVING stays unbound
    there (write such parameters as pattern or projected variables). Terms are written by pyoxigraph's
    canonical N-Triples serialiser, so a value cannot break out of the block.
    """
    names = " ".join(str(v) for v in subs)
    values = " ".join(str(t) for t in subs.values())
    return f"\nVALUES ({names}) {{ ({values}) }}\n"


def _graph_node(graph_iri: str) -> str:
    """The graph IRI in SPARQL syntax, validated by pyoxigraph so it cannot break out of ``<...>``."""
    try:
        return str(ox.NamedNode(graph_iri))
    except ValueError as e:
        raise StoreError(f"invalid graph IRI {graph_iri!r}: {e}") from None
