"""In-memory backend on rdflib's ``Dataset``: no native code, the reference semantics for tests.

``default_union=True`` makes queries see every named graph without GRAPH, like Oxigraph's
``use_default_graph_as_union``. rdflib is not thread-safe, so a lock makes each call atomic for other
threads (a reader never sees half a replaced document). Dumps go through the shared sorted serialiser, so
a memory store and an Oxigraph store with the same data write the same bytes.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import StoreError
from kg.store import _rdf
from kg.store.base import SelectResult, Store


class MemoryStore(Store):
    """rdflib Dataset; slow on large graphs (DESIGN.md) but dependency-free and exact."""

    def __init__(self) -> None:
        self._ds = Dataset(default_union=True)
        self._lock = threading.RLock()

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        name = _graph_iri(graph_iri)
        _rdf.to_ox_triples(graph)  # same term validation as Oxigraph, before anything changes
        with self._lock:
            self._ds.remove_graph(name)
            target = self._ds.graph(name)
            for triple in graph:
                target.add(triple)

    def drop_graph(self, graph_iri: str) -> None:
        with self._lock:
            self._ds.remove_graph(_graph_iri(graph_iri))

    def graph_names(self) -> list[str]:
        with self._lock:
            return sorted(
                str(g.identifier)
                for g in self._ds.graphs()
                if g.identifier != DATASET_DEFAULT_GRAPH_ID and isinstance(g.identifier, URIRef) and len(g)
            )

    def query(
        self, sparql: str, bindings: Mapping[str, Identifier] | None = None
    ) -> SelectResult | bool | Graph:
        with self._lock:
            try:
                res: Result = self._ds.query(sparql, initBindings=dict(bindings or {}))
                if res.type == "ASK":
                    return bool(res.askAnswer)
                if res.type == "SELECT":
                    variables = [str(v) for v in res.vars or []]
                    return SelectResult(variables, [tuple(row) for row in res])  # type: ignore[arg-type]
                g = Graph()
                for t in res:
                    g.add(t)  # type: ignore[arg-type]
                return g
            except StoreError:
                raise
            except Exception as e:  # rdflib raises pyparsing and assorted errors for bad SPARQL
                raise StoreError(f"SPARQL query failed: {type(e).__name__}: {e}") from None

    def update(self, sparql: str) -> None:
        with self._lock:
            try:
                self._ds.update(sparql)
            except Exception as e:
                raise StoreError(f"SPARQL update failed: {type(e).__name__}: {e}") from None

    def dump(self, fmt: str, out: BinaryIO) -> None:
        with self._lock:
            if fmt in _rdf.DATASET_FORMATS:
                quads = []
                for s, p, o, g in self._ds.quads((None, None, None, None)):
                    gid = getattr(g, "identifier", g)
                    quads.append((s, p, o, None if gid in (None, DATASET_DEFAULT_GRAPH_ID) else gid))
                _rdf.write_quads(_rdf.to_ox_quads(quads), fmt, out)
            else:
                _rdf.check_format(fmt)
                _rdf.write_triples(_rdf.to_ox_triples(self._ds.triples((None, None, None))), fmt, out)

    def clear(self) -> None:
        with self._lock:
            self._ds = Dataset(default_union=True)

    def __len__(self) -> int:
        with self._lock:
            return len(self._ds)


def _graph_iri(graph_iri: str) -> URIRef:
    try:
        ox.NamedNode(graph_iri)
    except ValueError as e:
        raise StoreError(f"invalid graph IRI {graph_iri!r}: {e}") from None
    return URIRef(graph_iri)
