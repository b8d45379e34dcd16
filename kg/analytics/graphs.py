"""networkx graphs built from the store by SPARQL: company-market, its projections, the value chain.

Why SPARQL first: the store may be remote or large, so only the few columns each graph needs travel to
Python. Every graph is built by inserting nodes and edges in sorted order, because networkx algorithms
(Louvain, betweenness float sums) and the GraphML/GEXF writers follow insertion order: sorted input is
what makes two runs give identical rankings and identical files.

Node ids are IRIs (strings); every node carries ``label``, ``kind`` and ``iri`` attributes (str only, so
GraphML/GEXF can write them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.namespaces import sparql_prefixes
from kg.rdf.iris import concept_iri
from kg.store.base import Store, select

__all__ = [
    "Graphs", "bipartite_graph", "build_graphs", "company_market_graph", "company_projection", "label_of",
    "market_projection", "select", "value_chain_graph",
]

VOCAB_DIR = Path(__file__).resolve().parents[2] / "ontology" / "vocab"
OTHERS = re.compile(r"^\s*others?\s*$", re.IGNORECASE)
APPLICATION_KIND = concept_iri("segment-kind", "application")
TYPE_KIND = concept_iri("segment-kind", "type")

PARTICIPATION = sparql_prefixes("akg", "rdf", "rdfs", "skos", "prov") + """
SELECT ?company ?market (COUNT(DISTINCT ?doc) AS ?docs)
       (MIN(?cpl) AS ?companyPref) (MIN(?calt) AS ?companyAlt) (MIN(?ml) AS ?marketLabel) WHERE {
  ?company akg:activeIn ?market .
  OPTIONAL { ?claim rdf:subject ?company ; rdf:predicate akg:activeIn ; rdf:object ?market ;
                    prov:hadPrimarySource ?doc . }
  OPTIONAL { ?company skos:prefLabel ?cpl }
  OPTIONAL { ?company skos:altLabel ?calt }
  OPTIONAL { ?market skos:prefLabel|rdfs:label ?ml }
}
GROUP BY ?company ?market
"""

VALUE_CHAIN = sparql_prefixes("akg", "rdfs", "skos") + """
SELECT DISTINCT ?market ?marketLabel ?rel ?target ?targetLabel ?segmentKind WHERE {
  ?market a akg:Market .
  OPTIONAL { ?market skos:prefLabel|rdfs:label ?marketLabel }
  {
    VALUES ?rel { akg:product akg:application }
    ?market ?rel ?target .
    OPTIONAL { ?target skos:prefLabel ?targetLabel }
  } UNION {
    BIND(akg:hasSegment AS ?rel)
    ?market akg:hasSegment ?target .
    ?target akg:segmentKind ?segmentKind ; rdfs:label ?targetLabel .
  }
}
"""


def label_of(iri: str, *candidates: object) -> str:
    """The first non-empty candidate label, else a readable form of the IRI's last segment."""
    for c in candidates:
        if c is not None and str(c).strip():
            return str(c).strip()
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], tuple[tuple[str, str, str], ...], dict[str, tuple[str, ...]]]:
    """(concept -> prefLabel, (lower label, kind, concept) longest first, concept -> broader) from the vocabs.

    The vocabularies are small static files of the project; reading them here gives labels to concepts
    the store holds only as IRIs, and lets segment names ("Power Battery") meet application concepts.
    """
    labels: dict[str, str] = {}
    index: list[tuple[str, str, str]] = []
    broader: dict[str, set[str]] = {}
    for name, kind in (("materials.ttl", "material"), ("applications.ttl", "application")):
        path = VOCAB_DIR / name
        if not path.exists():
            continue
        g = Graph().parse(path, format="turtle")
        for concept, _, label in g.triples((None, SKOS.prefLabel, None)):
            labels.setdefault(str(concept), str(label))
            labels[str(concept)] = min(labels[str(concept)], str(label))
            index.append((str(label).lower(), kind, str(concept)))
        for concept, _, label in g.triples((None, SKOS.altLabel, None)):
            index.append((str(label).lower(), kind, str(concept)))
        for concept, _, parent in g.triples((None, SKOS.broader, None)):
            broader.setdefault(str(concept), set()).add(str(parent))
    index.sort(key=lambda t: (-len(t[0]), t))
    return labels, tuple(index), {k: tuple(sorted(v)) for k, v in broader.items()}


def concept_for(label: str, kind: str) -> str | None:
    """The vocabulary concept of ``kind`` whose label equals ``label`` (case-insensitive), if any."""
    low = label.strip().lower()
    for text, k, concept in _vocab()[1]:
        if k == kind and text == low:
            return concept
    return None


# ------------------------------------------------------------------ company-market


def company_market_graph(store: Store) -> nx.Graph:
    """Bipartite graph: companies (bipartite=0) -- markets (bipartite=1), weight = documents stating it."""
    companies: dict[str, str] = {}
    markets: dict[str, str] = {}
    edges: dict[tuple[str, str], int] = {}
    for company, market, docs, pref, alt, mlabel in select(store, PARTICIPATION).rows:
        if company is None or market is None:
            continue
        c, m = str(company), str(market)
        companies[c] = label_of(c, pref, alt)
        markets[m] = label_of(m, mlabel)
        edges[(c, m)] = max(int(str(docs)) if docs is not None else 0, 1)
    return bipartite_graph(companies, markets, edges)


def bipartite_graph(
    companies: dict[str, str], markets: dict[str, str], edges: dict[tuple[str, str], int]
) -> nx.Graph:
    g = nx.Graph(name="company-market")
    for c in sorted(companies):
        g.add_node(c, label=companies[c], kind="company", iri=c, bipartite=0)
    for m in sorted(markets):
        g.add_node(m, label=markets[m], kind="market", iri=m, bipartite=1)
    for (c, m) in sorted(edges):
        g.add_edge(c, m, weight=edges[(c, m)], relation="activeIn")
    return g


def nodes_of(g: nx.Graph, kind: str) -> list[str]:
    return sorted(n for n, k in g.nodes(data="kind") if k == kind)


def _sorted_copy(p: nx.Graph, source: nx.Graph, name: str) -> nx.Graph:
    """Re-insert a projection's nodes/edges in sorted order (networkx builds them in set order)."""
    out = nx.Graph(name=name)
    for n in sorted(p.nodes):
        out.add_node(n, **{k: v for k, v in source.nodes[n].items() if k != "bipartite"})
    for u, v in sorted(tuple(sorted(e)) for e in p.edges):
        out.add_edge(u, v, **dict(sorted(p.edges[u, v].items())))
    return out


def company_projection(b: nx.Graph) -> nx.Graph:
    """Company co-occurrence: companies linked when active in a common market; weight = shared markets."""
    p = bipartite.weighted_projected_graph(b, nodes_of(b, "company"))
    return _sorted_copy(p, b, "company-cooccurrence")


def market_projection(b: nx.Graph) -> nx.Graph:
    """Market overlap: markets linked by shared companies; ``weight`` = shared, ``jaccard`` = |A∩B|/|A∪B|."""
    markets = nodes_of(b, "market")
    shared = bipartite.weighted_projected_graph(b, markets)
    jac = bipartite.overlap_weighted_projected_graph(b, markets, jaccard=True)
    for u, v in shared.edges:
        shared.edges[u, v]["jaccard"] = float(jac.edges[u, v]["weight"])
    return _sorted_copy(shared, b, "market-overlap")


# ------------------------------------------------------------------ value chain


def value_chain_graph(store: Store) -> nx.DiGraph:
    """Material -> market -> application, from ``akg:product``/``akg:application`` and the segment lists.

    A market's type segments that name a vocabulary material (e.g. "Hard Carbon") count as materials it is
    made of, and application segments that name a vocabulary application (e.g. "Power Battery") as
    applications it serves; so two reports meet on one concept node. Segments that match no concept stay
    market-specific nodes (kind ``application`` / ``material``) and still show in the chain.
    """
    labels, _, broader = _vocab()
    nodes: dict[str, tuple[str, str]] = {}  # iri -> (kind, label)
    edges: set[tuple[str, str]] = set()
    for market, mlabel, rel, target, tlabel, seg_kind in select(store, VALUE_CHAIN).rows:
        if market is None or rel is None or target is None:
            continue
        m, t, r = str(market), str(target), str(rel)
        nodes[m] = ("market", label_of(m, nodes.get(m, ("", None))[1], mlabel))
        if r.endswith("#product"):
            nodes[t] = ("material", label_of(t, tlabel, labels.get(t)))
            edges.add((t, m))
        elif r.endswith("#application"):
            nodes[t] = ("application", label_of(t, tlabel, labels.get(t)))
            edges.add((m, t))
        elif seg_kind is not None and tlabel is not None:
            kind = {str(APPLICATION_KIND): "application", str(TYPE_KIND): "material"}.get(str(seg_kind))
            if kind is None:
                continue
            if OTHERS.match(str(tlabel)):
                continue  # "Others" is a remainder, not a material or application shared with anyone
            concept = concept_for(str(tlabel), kind)
            node = concept or t
            nodes[node] = (kind, labels.get(node, str(tlabel)) if concept else str(tlabel))
            edges.add((node, m) if kind == "material" else (m, node))
    # climb skos:broader, so "Power batteries" and "Lithium-ion batteries" meet at "Rechargeable batteries"
    todo = sorted(n for n in nodes if n in broader)
    while todo:
        child = todo.pop()
        for parent in broader.get(child, ()):
            edges.add((child, parent))
            if parent not in nodes:
                nodes[parent] = (nodes[child][0], labels.get(parent, label_of(parent)))
                todo.append(parent)
    g = nx.DiGraph(name="value-chain")
    for n in sorted(nodes):
        g.add_node(n, label=nodes[n][1], kind=nodes[n][0], iri=n)
    for u, v in sorted(edges):
        if g.nodes[u]["kind"] == g.nodes[v]["kind"]:
            g.add_edge(u, v, relation="broader")
        else:
            g.add_edge(u, v, relation="feeds" if g.nodes[u]["kind"] == "material" else "serves")
    return g


@dataclass(frozen=True)
class Graphs:
    """All graphs of one analysis run, built once from the store."""

    company_market: nx.Graph
    companies: nx.Graph
    markets: nx.Graph
    value_chain: nx.DiGraph

    def items(self) -> Iterable[tuple[str, nx.Graph]]:
        """(file stem, graph) in a fixed order, for export."""
        yield "company-market", self.company_market
        yield "company-cooccurrence", self.companies
        yield "market-overlap", self.markets
        yield "value-chain", self.value_chain


def build_graphs(store: Store) -> Graphs:
    b = company_market_graph(store)
    return Graphs(b, company_projection(b), market_projection(b), value_chain_graph(store))

