"""Oxigraph backend: pyoxigraph used directly (not through oxrdflib), in memory or on disk (RocksDB).

Why directly: oxrdflib puts rdflib's Python layers back in front of the engine and loses most of the
measured 10-40x gain (DESIGN.md, "Measured"). Terms are converted at the edge only (``_rdf``).

Atomic ``replace_graph``: pyoxigraph has no Python transaction object; ``bulk_load``/``bulk_extend`` are
not transactional, and ``remove_graph`` followed by ``load``/``extend`` is two transactions (a reader can
see the document missing, a crash in between loses it). A single ``Store.update`` is one transaction, so
the drop and the insert go in ONE update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``,
the data written as N-Triples by pyoxigraph's own serialiser (canonical escaping, which its SPARQL parser
reads back exactly; tested with hostile literals). It is slower to parse than N-Triples loading
(benchmarks/bench_store.py measures both) but documents are small and correctness wins.

Union caveat: with ``use_default_graph_as_union`` Oxigraph repeats a triple once per graph that asserts it
(rdflib's union does not), so queries that count must use DISTINCT to agree across backends.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier

from kg.errors import StoreError
from kg.store import _rdf
from kg.store.base import SelectResult, Store

_COUNT_DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


class OxigraphStore(Store):
    """Embedded Oxigraph; ``path=None`` keeps everything in memory, a directory persists it."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
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

    @property
    def ox(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that need engine features the interface lacks."""
        if self._ox is None:
            raise StoreError("store is closed")
        return self._ox

    # -- writing ---------------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        name = _graph_node(graph_iri)
        triples = _rdf.to_ox_triples(graph)
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}"
        self._update(update)

    def replace_graph_ntriples(self, graph_iri: str, data: bytes) -> None:
        """Parsed (validated) and re-written by pyoxigraph, so the bytes cannot inject SPARQL."""
        name = _graph_node(graph_iri)
        try:
            triples = list(ox.parse(data, ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"invalid N-Triples for {graph_iri}: {e}") from None
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        self._update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}")

    def drop_graph(self, graph_iri: str) -> None:
        self._update(f"DROP SILENT GRAPH {_graph_node(graph_iri)}")

    def update(self, sparql: str) -> None:
        self._update(sparql)

    def _update(self, sparql: str) -> None:
        try:
            self.ox.update(sparql)
        except SyntaxError as e:
            raise StoreError(f"SPARQL update syntax error: {e}") from None
        except OSError as e:
            raise StoreError(f"SPARQL update failed: {e}") from None

    def clear(self) -> None:
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
        """Bindings go to the engine as ``substitutions``; see ``_values_clause`` for when they cannot."""
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None = None
        if bindings:
            try:
                subs = {ox.Variable(k): _rdf.to_ox(v) for k, v in bindings.items()}
            except ValueError as e:
                raise StoreError(f"invalid binding: {e}") from None
        try:
            try:
                res = self.ox.query(sparql, use_default_graph_as_union=True, substitutions=subs)
            except RuntimeError as e:
                if not subs or "projection" not in str(e):
                    raise StoreError(f"SPARQL query failed: {e}") from None
                res = self.ox.query(sparql + _values_clause(subs), use_default_graph_as_union=True)
            if isinstance(res, ox.QueryBoolean):
                return bool(res)
            conv = _rdf.to_rdflib
            if isinstance(res, ox.QuerySolutions):
                variables = [v.value for v in res.variables]
                rows = [tuple(None if t is None else conv(t) for t in sol) for sol in res]
                return SelectResult(variables, rows)
            g = Graph()
            for t in res:
                g.add((conv(t.subject), conv(t.predicate), conv(t.object)))
            return g
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {e}") from None
        except OSError as e:
            raise StoreError(f"SPARQL query failed: {e}") from None

    def __len__(self) -> int:
        res = self.ox.query(_COUNT_DISTINCT, use_default_graph_as_union=True)
        assert isinstance(res, ox.QuerySolutions)
        for sol in res:
            n = sol[0]
            return int(n.value) if isinstance(n, ox.Literal) else 0
        return 0

    def dump(self, fmt: str, out: BinaryIO) -> None:
        store = self.ox
        if fmt in _rdf.DATASET_FORMATS:
            _rdf.write_quads(store.quads_for_pattern(None, None, None, None), fmt, out)
        else:
            quads = store.quads_for_pattern(None, None, None, None)
            _rdf.write_triples((q.triple for q in quads), fmt, out)

    def close(self) -> None:
        """Flush and drop the engine so RocksDB releases its LOCK and the directory can be reopened."""
        if self._ox is not None:
            if self.path is not None:
                self._ox.flush()
            self._ox = None


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
