"""The corpus graph: cross-document statements recomputed from the store.

Why a separate graph: a document's named graph must hold only that document's statements, so replacing
one document never leaves another's claims dangling. But some statements need the whole corpus: a
company seen in several documents must end with exactly ONE ``skos:prefLabel`` even when two documents
resolved its key to different names (a registry name in one, a normalised spelling in another). Each
document records the name it resolved to (``akg:resolvedName`` on its ``akg:ResolutionDecision``);
``refresh_corpus_graph`` reads those by SPARQL and writes one prefLabel (+ rdfs:label) per company into
``https://w3id.org/anode-kg/graph/corpus``, chosen by ``choose_name``: the name most documents used, ties
broken by the lexicographically smallest. Call it after every build (or document replacement);
kg.facts applies the same rule when the corpus graph is missing, so the two never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespaces import AKG, bind_prefixes, sparql_prefixes
from kg.rdf.iris import CORPUS_GRAPH
from kg.store.base import SelectResult, Store

__all__ = ["CORPUS_GRAPH", "choose_name", "corpus_graph", "refresh_corpus_graph", "resolved_names"]

RESOLVED_NAMES = sparql_prefixes("akg", "prov") + """
SELECT DISTINCT ?company ?name ?doc WHERE {
  ?decision a akg:ResolutionDecision ;
            akg:resolvedTo ?company ;
            akg:resolvedName ?name ;
            prov:hadPrimarySource ?doc .
}
"""


def choose_name(uses: Iterable[tuple[str, str]]) -> str:
    """The canonical name from (document, name) pairs: most documents first, then smallest string."""
    counts = Counter(name for _, name in set(uses))
    if not counts:
        raise ValueError("no names to choose from")
    return min(counts, key=lambda name: (-counts[name], name))


def _select(store: Store, sparql: str) -> SelectResult:
    result = store.query(sparql)
    if not isinstance(result, SelectResult):
        raise TypeError("expected SELECT results")
    return result


def resolved_names(store: Store) -> dict[str, str]:
    """Company IRI -> canonical name, by ``choose_name`` over every document's resolution decisions."""
    uses: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for company, name, doc in _select(store, RESOLVED_NAMES).rows:
        if company is not None and name is not None and doc is not None:
            uses[str(company)].add((str(doc), str(name)))
    return {company: choose_name(pairs) for company, pairs in uses.items()}


def corpus_graph(store: Store) -> Graph:
    """The corpus graph's content, computed from the store (does not write it)."""
    g = bind_prefixes(Graph())
    for company, name in sorted(resolved_names(store).items()):
        node = URIRef(company)
        g.add((node, RDF.type, AKG.Company))
        g.add((node, SKOS.prefLabel, Literal(name)))
        g.add((node, RDFS.label, Literal(name)))
    return g


def refresh_corpus_graph(store: Store) -> Graph:
    """Recompute the corpus graph from the store and replace it there; returns what was written."""
    g = corpus_graph(store)  # reads only the documents' decisions, never the old corpus graph
    store.replace_graph(str(CORPUS_GRAPH), g)
    return g
