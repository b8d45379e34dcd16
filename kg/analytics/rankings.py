"""Rankings over the graphs: bridging companies, market overlap, communities, value-chain paths.

Every result is a list of plain dicts sorted by an explicit key ending in labels/IRIs, so ties never fall
back to dict or set order; floats are rounded (``ROUND``) so the JSON is byte-stable across runs.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx

from kg.analytics.graphs import nodes_of

__all__ = [
    "ROUND", "bridging_companies", "communities", "find_market", "market_overlap", "market_paths",
    "value_chain_paths",
]

ROUND = 6
MAX_PATHS = 10


def bridging_companies(b: nx.Graph, projection: nx.Graph, top: int | None = None) -> list[dict[str, Any]]:
    """Companies ranked by markets they are active in (bipartite degree), then betweenness in the projection.

    Betweenness is unweighted: projection weights count shared markets (a similarity), and networkx would
    read a weight as a distance. Normalised, so the numbers compare across corpora.
    """
    between = nx.betweenness_centrality(projection, normalized=True) if projection.number_of_nodes() else {}
    rows: list[dict[str, Any]] = []
    for c in nodes_of(b, "company"):
        markets = sorted(b.nodes[m]["label"] for m in b.neighbors(c))
        rows.append({
            "company": b.nodes[c]["label"], "iri": c, "markets": len(markets), "market_labels": markets,
            "betweenness": round(float(between.get(c, 0.0)), ROUND),
            "co_companies": projection.degree(c) if c in projection else 0,
        })
    rows.sort(key=lambda r: (-r["markets"], -r["betweenness"], -r["co_companies"], r["company"], r["iri"]))
    return rows[:top] if top is not None else rows


def market_overlap(b: nx.Graph, markets: nx.Graph) -> list[dict[str, Any]]:
    """Every pair of markets sharing at least one company, by Jaccard on their company sets."""
    rows: list[dict[str, Any]] = []
    for u, v, data in markets.edges(data=True):
        a, z = sorted((u, v), key=lambda n: (markets.nodes[n]["label"], n))
        shared = sorted(b.nodes[c]["label"] for c in set(b.neighbors(a)) & set(b.neighbors(z)))
        rows.append({
            "market_a": markets.nodes[a]["label"], "market_b": markets.nodes[z]["label"],
            "shared_companies": int(data["weight"]), "jaccard": round(float(data["jaccard"]), ROUND),
            "companies": shared,
        })
    rows.sort(key=lambda r: (-r["jaccard"], -r["shared_companies"], r["market_a"], r["market_b"]))
    return rows


def communities(b: nx.Graph, seed: int = 42) -> list[dict[str, Any]]:
    """Louvain communities of the company-market graph (markets with the companies that bind them).

    Run on the bipartite graph, not the company projection: the projection turns each market into a
    clique, so its communities would only restate the markets.
    """
    if b.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(b, weight="weight", seed=seed)
    rows: list[dict[str, Any]] = []
    for members in found:
        ms = sorted(b.nodes[n]["label"] for n in members if b.nodes[n]["kind"] == "market")
        cs = sorted(b.nodes[n]["label"] for n in members if b.nodes[n]["kind"] == "company")
        rows.append({"size": len(members), "markets": ms, "companies": cs, "members": sorted(members)})
    rows.sort(key=lambda r: (-r["size"], r["markets"], r["companies"]))
    for i, r in enumerate(rows, 1):
        r["id"] = i
    return rows


def community_of(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Node IRI -> community id, for the exported graphs."""
    return {n: r["id"] for r in rows for n in r["members"]}


def find_market(g: nx.Graph | nx.DiGraph, name: str) -> str:
    """A market node by IRI, exact label (any case) or unique label substring; ValueError otherwise."""
    markets = [n for n, k in g.nodes(data="kind") if k == "market"]
    if name in markets:
        return name
    low = name.strip().lower()
    exact = [n for n in markets if g.nodes[n]["label"].lower() == low]
    if len(exact) == 1:
        return exact[0]
    partial = sorted(n for n in markets if low in g.nodes[n]["label"].lower())
    if len(partial) == 1:
        return partial[0]
    known = ", ".join(sorted(g.nodes[n]["label"] for n in markets)) or "none"
    which = "matches several markets" if partial else "matches no market"
    raise ValueError(f"{name!r} {which}; markets: {known}")


def _path_rows(g: nx.DiGraph, paths: list[list[str]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"length": len(p) - 1, "iris": p,
         "nodes": [{"label": g.nodes[n]["label"], "kind": g.nodes[n]["kind"]} for n in p]}
        for p in paths
    ]
    rows.sort(key=lambda r: (r["length"], [n["label"] for n in r["nodes"]], r["iris"]))
    return rows[:MAX_PATHS]


def value_chain_paths(chain: nx.DiGraph, source: str, target: str) -> list[dict[str, Any]]:
    """All shortest paths between two markets through shared materials and applications (undirected)."""
    und = chain.to_undirected(as_view=True)
    try:
        return _path_rows(chain, [list(p) for p in nx.all_shortest_paths(und, source, target)])
    except nx.NetworkXNoPath:
        return []


def market_paths(chain: nx.DiGraph) -> list[dict[str, Any]]:
    """For every pair of markets: how far apart they are in the value chain, and the first shortest path."""
    markets = sorted((n for n, k in chain.nodes(data="kind") if k == "market"),
                     key=lambda n: (chain.nodes[n]["label"], n))
    rows: list[dict[str, Any]] = []
    for a, z in combinations(markets, 2):
        paths = value_chain_paths(chain, a, z)
        rows.append({
            "from": chain.nodes[a]["label"], "to": chain.nodes[z]["label"],
            "length": paths[0]["length"] if paths else None,
            "via": [n["label"] for n in paths[0]["nodes"][1:-1]] if paths else [],
        })
    rows.sort(key=lambda r: (r["length"] is None, r["length"] or 0, r["from"], r["to"]))
    return rows
