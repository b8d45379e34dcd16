"""GraphML and GEXF files for Gephi, Cytoscape and yEd.

Both writers follow insertion order, and the graphs are built sorted, so equal graphs give equal bytes.
networkx stamps GEXF files with today's date (``lastmodifieddate``): it is dropped (the attribute is
optional in GEXF 1.2) so a rerun tomorrow writes the same file. Attribute values are str/int/float only.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

__all__ = ["clean_attributes", "write_gexf", "write_graphs"]


def clean_attributes(g: nx.Graph) -> nx.Graph:
    """A copy whose attribute values are all str/int/float (None dropped, bool as int, lists joined)."""

    def clean(data: dict[str, object]) -> dict[str, str | int | float]:
        out: dict[str, str | int | float] = {}
        for k, v in sorted(data.items()):
            if v is None:
                continue
            if isinstance(v, bool):
                out[k] = int(v)
            elif isinstance(v, int | float | str):
                out[k] = v
            elif isinstance(v, list | tuple | set | frozenset):
                out[k] = "; ".join(sorted(str(x) for x in v))
            else:
                out[k] = str(v)
        return out

    h = g.__class__(name=g.graph.get("name", ""))
    for n, data in g.nodes(data=True):
        h.add_node(n, **clean(data))
    for u, v, data in g.edges(data=True):
        h.add_edge(u, v, **clean(data))
    return h


def write_gexf(g: nx.Graph, path: Path) -> None:
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(g)
    with path.open("wb") as fh:
        writer.write(fh)


def write_graphs(graphs: dict[str, nx.Graph], out: Path) -> list[Path]:
    """``<stem>.graphml`` and ``<stem>.gexf`` for each graph into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, g in graphs.items():
        h = clean_attributes(g)
        graphml = out / f"{stem}.graphml"
        nx.write_graphml(h, graphml, encoding="utf-8", prettyprint=True)
        gexf = out / f"{stem}.gexf"
        write_gexf(h, gexf)
        written += [graphml, gexf]
    return written
