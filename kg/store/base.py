"""The one store interface every backend implements.

Data travels as rdflib terms and graphs (the lingua franca of the Python RDF world); each backend converts
at its edge. Every document's triples live in a named graph of their own, so a rebuild replaces a document
as a whole; queries see the union of all graphs as their default graph, so stored queries need no GRAPH.
That union is a SET: a triple asserted by many documents (a market's label, a company's type) is one
solution, as in rdflib, not one per document (Oxigraph keeps a deduplicated copy of the union as its real
default graph for this: kg/store/oxigraph.py). ``GRAPH ?g`` still reaches each document's own graph.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from rdflib import Graph
from rdflib.term import Identifier, Node

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")


@dataclass
class SelectResult:
    """Rows of a SELECT query; each row is a tuple of rdflib terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)

    def dicts(self) -> Iterator[dict[str, Node | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row, strict=True))


def select(store: Store, sparql: str) -> SelectResult:
    """Run a SELECT and insist on rows: an ASK or CONSTRUCT where rows are read is a programming error."""
    result = store.query(sparql)
    if not isinstance(result, SelectResult):
        raise TypeError("expected SELECT results")
    return result


class Store(ABC):
    """A quad store with SPARQL 1.1 query and update."""

    @abstractmethod
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Atomically replace the named graph's content with ``graph`` (create it if missing)."""

    def replace_graph_ntriples(self, graph_iri: str, data: bytes) -> None:
        """``replace_graph`` from N-Triples bytes, so build workers can serialise and skip rdflib here.

        Why: building rdflib graphs is most of a build's cost; a worker that maps a document can hand over
        pyoxigraph-written N-Triples, and backends that speak N-Triples store them without rdflib.
        """
        graph = Graph()
        graph.parse(data=data, format="nt")
        self.replace_graph(graph_iri, graph)

    def replace_graphs_ntriples(self, items: Sequence[tuple[str, bytes]]) -> None:
        """``replace_graph_ntriples`` for several graphs; each graph is replaced whole or not at all.

        Why a batch: a backend may write many new graphs far faster together than one by one (the
        embedded Oxigraph store bulk-loads them). Graphs may be written in any order.
        """
        for graph_iri, data in items:
            self.replace_graph_ntriples(graph_iri, data)

    @abstractmethod
    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph and all its triples (no error if absent)."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """IRIs of the named graphs, sorted."""

    @abstractmethod
    def query(
        self, sparql: str, bindings: Mapping[str, Identifier] | None = None
    ) -> SelectResult | bool | Graph:
        """Run a SPARQL query over the (set) union of all graphs; ``bindings`` are bound by the engine."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update on the named graphs (the union default graph is derived from them)."""

    @abstractmethod
    def dump(self, fmt: str, out: BinaryIO) -> None:
        """Serialise: ``ttl``/``nt``/``jsonld`` write the union graph, ``nq``/``trig`` keep named graphs."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of distinct triples in the union graph."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release files and connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
