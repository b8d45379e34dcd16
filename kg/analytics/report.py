"""One analysis run: graphs -> rankings -> audit -> files and the audit graph; plus its table rendering.

``analyze`` returns a plain dict (the ``--format json`` document) whose lists are all explicitly sorted
and whose floats are rounded, so two runs on the same store print identical JSON.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analytics.audit import KINDS, run_audit, write_audit
from kg.analytics.export import write_graphs
from kg.analytics.graphs import Graphs, build_graphs
from kg.analytics.rankings import (
    ROUND,
    bridging_companies,
    communities,
    community_of,
    find_market,
    market_overlap,
    market_paths,
    value_chain_paths,
)
from kg.store.base import Store

__all__ = ["TOP", "analyze", "render_table"]

TOP = 10
"""Bridging companies shown (table and JSON alike)."""


def _annotate(graphs: Graphs, comms: list[dict[str, Any]]) -> None:
    """Node metrics on the exported graphs, so Gephi can size and colour by them without recomputing."""
    community = community_of(comms)
    between = nx.betweenness_centrality(graphs.companies, normalized=True)
    for g in (graphs.company_market, graphs.companies, graphs.markets):
        for n in g.nodes:
            g.nodes[n]["degree"] = int(graphs.company_market.degree(n))
            g.nodes[n]["community"] = int(community.get(n, 0))
            g.nodes[n]["betweenness"] = round(float(between.get(n, 0.0)), ROUND)


def analyze(
    store: Store,
    source: str | None = None,
    target: str | None = None,
    out: Path | None = None,
    write_back: bool = True,
) -> dict[str, Any]:
    """Run every analysis; write GraphML/GEXF into ``out`` and the findings into the audit graph.

    ``source``/``target`` (market IRI or label) ask for all shortest value-chain paths between two markets;
    without them every pair of markets gets its distance and first path. Raises ValueError for an unknown
    or ambiguous market name.
    """
    graphs = build_graphs(store)
    comms = communities(graphs.company_market)
    result: dict[str, Any] = {
        "graphs": {name: {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
                   for name, g in graphs.items()},
        "bridging_companies": bridging_companies(graphs.company_market, graphs.companies, TOP),
        "market_overlap": market_overlap(graphs.company_market, graphs.markets),
        "communities": [{k: v for k, v in c.items() if k != "members"} for c in comms],
    }
    chain = graphs.value_chain
    if source or target:
        if not (source and target):
            raise ValueError("give both --from and --to, or neither")
        a, z = find_market(chain, source), find_market(chain, target)
        result["paths"] = {"from": chain.nodes[a]["label"], "to": chain.nodes[z]["label"],
                           "paths": [{k: v for k, v in p.items() if k != "iris"}
                                     for p in value_chain_paths(chain, a, z)]}
    else:
        result["paths"] = market_paths(chain)
    findings = run_audit(store)
    summary = Counter((f.kind, f.status) for f in findings)
    result["audit"] = {
        "summary": [{"kind": k, "status": s, "count": summary[(k, s)]}
                    for k, s in sorted(summary, key=lambda ks: (KINDS.index(ks[0]), ks[1]))],
        "findings": [f.as_dict() for f in findings],
    }
    if write_back:
        write_audit(store, findings)
    if out is not None:
        _annotate(graphs, comms)
        written = write_graphs(dict(graphs.items()), out)
        result["files"] = sorted(p.name for p in written)
    return result


# ------------------------------------------------------------------ table


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return out


def _short(items: list[str], n: int = 4) -> str:
    return ", ".join(items[:n]) + (f" (+{len(items) - n} more)" if len(items) > n else "")


def render_table(result: dict[str, Any]) -> str:
    """Readable sections: bridging companies, market overlap, communities, paths, audit findings."""
    lines: list[str] = []

    def section(title: str) -> None:
        lines.extend(["" if lines else "", title, "=" * len(title)] if lines else [title, "=" * len(title)])

    section("Graphs")
    lines += _table(["graph", "nodes", "edges"],
                    [[k, str(v["nodes"]), str(v["edges"])] for k, v in result["graphs"].items()])
    section(f"Top bridging companies (markets, betweenness in the co-occurrence graph), top {TOP}")
    lines += _table(["company", "markets", "betweenness", "active in"],
                    [[r["company"], str(r["markets"]), f"{r['betweenness']:.4f}", _short(r["market_labels"])]
                     for r in result["bridging_companies"]])
    section("Market overlap (Jaccard on shared companies)")
    lines += _table(["market A", "market B", "shared", "jaccard", "companies"],
                    [[r["market_a"], r["market_b"], str(r["shared_companies"]), f"{r['jaccard']:.4f}",
                      _short(r["companies"])] for r in result["market_overlap"]]) or ["(none)"]
    section("Communities (Louvain, seed 42, on the company-market graph)")
    lines += _table(["#", "size", "markets", "companies"],
                    [[str(c["id"]), str(c["size"]), _short(c["markets"], 3), _short(c["companies"])]
                     for c in result["communities"]])
    paths = result["paths"]
    if isinstance(paths, dict):
        section(f"Value-chain paths: {paths['from']} -> {paths['to']}")
        lines += [" -> ".join(f"{n['label']} [{n['kind']}]" for n in p["nodes"]) for p in paths["paths"]] \
            or ["(no path through shared materials or applications)"]
    else:
        section("Value-chain distance between markets (through shared materials/applications)")
        lines += _table(["from", "to", "hops", "via"],
                        [[r["from"], r["to"], "-" if r["length"] is None else str(r["length"]),
                          _short(r["via"]) or "-"] for r in paths])
    audit = result["audit"]
    section("Audit findings")
    lines += _table(["check", "status", "count"],
                    [[s["kind"], s["status"], str(s["count"])] for s in audit["summary"]])
    for f in audit["findings"]:
        if f["kind"] == "independent-sources" and f["status"] == "single-source":
            continue
        lines.append("")
        lines.append(f"[{f['status']}] {f['kind']}: {f['subject']}")
        lines.append(f"    {f['verdict']}")
        nums = [f"{k}={f[k]:g}" for k in ("stated", "implied", "compared", "difference") if f[k] is not None]
        if nums:
            unit = "pp" if f["unit"] == "percent" else f["unit"]
            lines.append(f"    {', '.join(nums)} ({'difference in ' + unit})")
    single = [f for f in audit["findings"]
              if f["kind"] == "independent-sources" and f["status"] == "single-source"]
    if single:
        lines.append("")
        names = sorted({f["verdict"].split("(", 1)[1].split(")", 1)[0] for f in single})
        lines.append(f"{len(single)} facts rest on a single publisher ({'; '.join(names)}); "
                     "see --format json for the list.")
    if result.get("files"):
        section("Files written")
        lines += result["files"]
    return "\n".join(lines) + "\n"
