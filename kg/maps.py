"""Interactive maps of the graph: one self-contained, offline HTML page per view (``kg map``).

Data: everything on the page is read from the store by SPARQL (``load_graph``), never from the extractor,
so a map shows exactly what the graph holds. Node kinds are company, market, material, application,
region and document; edges carry a label and their evidence.

Choices, and why:

- **pyvis for the model, our own template.** A ``pyvis.network.Network`` holds the node/edge lists (filled
  directly: ``add_node`` one by one is quadratic) and the vis options, and pyvis's bundled vis-network
  9.1.2 (JS + CSS, with its licence header) is inlined into the page. pyvis's own template is not used: it
  links Bootstrap from a CDN even "in_line", renders the heading unescaped and switches tooltips to
  ``innerHTML`` when a title contains "href".
- **Positions from Python, physics off.** vis physics never settles on big maps (53 s for 1 000 nodes);
  ``layout`` places markets as hubs on a circle, each with its own nodes in a sunflower (golden-angle)
  cloud around it, and nodes shared by several markets in clouds between them; the value-chain view is
  layered (material -> company -> market -> application). O(n), deterministic, no numpy needed (the
  networkx layouts need numpy, and scipy above 500 nodes, and are O(n^2)).
- **Sizes mean something**: markets by their latest stated market size (million USD), companies by the
  number of markets they are active in; the tooltip says which figure.
- **Escaping, three layers.** (1) The data travels as JSON in a ``<script type="application/json">``
  with ``<``, ``>``, ``&``, U+2028/9 written as ``\\u`` escapes, so no text can close the element;
  (2) the page script builds tooltips and panels with ``textContent`` only (vis-network gets DOM elements
  as titles, never HTML strings); Jinja autoescapes everything else; (3) a Content-Security-Policy allows
  only the two inline scripts by sha256 hash and no network at all (``default-src 'none'``).
- **Aggregation** above ``max_nodes``: each market keeps its top-N companies by evidence count, the rest
  fold into one "+K more" node per market, and the page says so in a banner.
"""

from __future__ import annotations

import base64
import bisect
import difflib
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.namespaces import sparql_prefixes
from kg.rdf.iris import geo_iri
from kg.store.base import Store, select

__all__ = [
    "KINDS", "Edge", "Fact", "MapError", "MapGraph", "MapStats", "Node", "View", "aggregate", "layout",
    "load_graph", "render_html", "select_view", "write_map",
]

DEFAULT_MAX_NODES = 400
"""Above this many nodes a map folds minor companies: vis stays fast, but the picture becomes a tangle."""
MAX_FACTS_PER_NODE = 60
"""Facts kept per node in the page (the panel says how many more there are)."""

TEMPLATE = Path(__file__).with_name("maps_template.html")


class MapError(KgError):
    """A view that cannot be drawn (unknown view, company or market)."""


class View(StrEnum):
    overview = "overview"
    company = "company"
    market = "market"
    value_chain = "value-chain"


# kind -> (colour, vis shape, legend label); order = legend order and cloud order
KINDS: dict[str, tuple[str, str, str]] = {
    "market": ("#e15759", "dot", "Market"),
    "company": ("#4e79a7", "dot", "Company"),
    "material": ("#59a14f", "diamond", "Material"),
    "application": ("#f28e2b", "triangle", "Application"),
    "region": ("#76b7b2", "hexagon", "Region"),
    "document": ("#9c755f", "square", "Report document"),
    "more": ("#bab0ac", "dot", "Folded companies"),
}


@dataclass(frozen=True)
class Fact:
    """One statement shown in a tooltip: what it says, the quote it comes from and the document."""

    text: str
    quote: str = ""
    doc: str = ""


@dataclass
class Node:
    id: str
    label: str
    kind: str
    facts: list[Fact] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    size_note: str = ""
    measure: float = 0.0
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    source: str
    target: str
    label: str
    facts: list[Fact] = field(default_factory=list)

    @property
    def evidence(self) -> int:
        return max(1, len({(f.doc, f.quote) for f in self.facts if f.quote}))


@dataclass
class MapGraph:
    nodes: dict[str, Node]
    edges: list[Edge]
    title: str = "anode-kg map"
    notes: list[str] = field(default_factory=list)
    total_nodes: int = 0

    def neighbours(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            out[e.source].add(e.target)
            out[e.target].add(e.source)
        return out

    def subgraph(self, keep: Iterable[str], title: str) -> MapGraph:
        ids = set(keep)
        return MapGraph(
            {k: v for k, v in self.nodes.items() if k in ids},
            [e for e in self.edges if e.source in ids and e.target in ids],
            title, list(self.notes),
        )


@dataclass(frozen=True)
class MapStats:
    path: Path
    nodes: int
    edges: int
    total_nodes: int
    bytes: int
    aggregated: bool


# ---------------------------------------------------------------------------------------------- SPARQL

_P = sparql_prefixes("akg", "rdf", "rdfs", "skos", "dcterms", "prov", "schema", "sdmx-measure",
                     "sdmx-dimension", "sdmx-attribute")

Q_MARKETS = _P + """
SELECT ?m (MIN(STR(?l)) AS ?label) WHERE { ?m a akg:Market . OPTIONAL { ?m rdfs:label ?l } } GROUP BY ?m
"""
Q_SIZES = _P + """
SELECT ?m ?year ?value ?area ?status ?text WHERE {
  ?o a akg:MarketSizeObservation ; akg:market ?m ; akg:segment ?seg ; akg:refYear ?year ;
     sdmx-measure:obsValue ?value ; sdmx-dimension:refArea ?area .
  FILTER (STRENDS(STR(?seg), "/segment/total"))
  OPTIONAL { ?o sdmx-attribute:obsStatus ?status }
  OPTIONAL { ?o akg:reportedValueText ?text }
}
"""
Q_MARKET_FACTS = _P + """
SELECT ?m ?fact ?label ?docId ?quote WHERE {
  VALUES ?kind { akg:MarketSizeObservation akg:GrowthRateObservation akg:MarketShareObservation
                 akg:Driver akg:Restraint akg:Opportunity akg:Challenge akg:Trend }
  ?fact a ?kind ; akg:market ?m ; rdfs:label ?label .
  OPTIONAL { ?fact prov:hadPrimarySource/dcterms:identifier ?docId }
  OPTIONAL { ?fact prov:wasDerivedFrom/rdfs:label ?quote }
}
"""
Q_COMPANIES = _P + """
SELECT ?c ?pref ?alt ?cc WHERE {
  ?c a akg:Company .
  OPTIONAL { ?c skos:prefLabel ?pref } OPTIONAL { ?c skos:altLabel ?alt }
  OPTIONAL { ?c akg:headquartersCountry ?cc }
}
"""
Q_ACTIVE = _P + """
SELECT ?c ?m ?docId ?quote WHERE {
  ?c akg:activeIn ?m .
  OPTIONAL {
    ?claim rdf:subject ?c ; rdf:predicate akg:activeIn ; rdf:object ?m ; prov:hadPrimarySource ?doc .
    ?doc dcterms:identifier ?docId .
    OPTIONAL { ?claim prov:wasDerivedFrom/rdfs:label ?quote }
  }
}
"""
Q_CONCEPTS = _P + """
SELECT ?m ?p ?concept ?label WHERE {
  VALUES ?p { akg:product akg:application }
  ?m a akg:Market ; ?p ?concept .
  OPTIONAL { ?concept skos:prefLabel ?label }
}
"""
Q_SEGMENTS = _P + """
SELECT ?m ?seg ?kind ?label ?docId ?quote WHERE {
  ?m a akg:Market ; akg:hasSegment ?seg .  # a market's: documents also carry akg:hasSegment
  ?seg akg:segmentKind ?kind ; rdfs:label ?label .
  FILTER (STRENDS(STR(?kind), "/segment-kind/application") || STRENDS(STR(?kind), "/segment-kind/type"))
  OPTIONAL {
    ?sm a akg:SegmentMention ; akg:segment ?seg ; prov:hadPrimarySource/dcterms:identifier ?docId .
    OPTIONAL { ?sm prov:wasDerivedFrom/rdfs:label ?quote }
  }
}
"""
Q_DOCS = _P + """
SELECT ?d ?docId ?title ?publisher ?issued ?m WHERE {
  ?d a akg:ReportDocument ; dcterms:identifier ?docId .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:publisher/rdfs:label ?publisher }
  OPTIONAL { ?d dcterms:issued ?issued } OPTIONAL { ?d schema:about ?m }
}
"""
Q_REGIONS = _P + """
SELECT ?d ?g ?label ?asWritten ?quote WHERE {
  ?cov a akg:RegionCoverage ; akg:region ?g ; prov:hadPrimarySource ?d .
  OPTIONAL { ?g rdfs:label ?label } OPTIONAL { ?cov akg:regionLabelAsWritten ?asWritten }
  OPTIONAL { ?cov prov:wasDerivedFrom/rdfs:label ?quote }
}
"""


def _rows(store: Store, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as plain strings (unbound variables are absent from the dict)."""
    return [{k: str(v) for k, v in row.items() if v is not None} for row in select(store, sparql).dicts()]


def _label_from_iri(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").capitalize()


def _fold(label: str) -> str:
    """Merge key for material/application names of vocabularies and segment lists ("Batteries" ~ "battery")."""
    words = re.findall(r"[a-z0-9]+", label.casefold())
    return " ".join(
        re.sub(r"ies$", "y", w) if len(w) > 4 else w.rstrip("s") if len(w) > 3 else w for w in words
    )


_GENERIC = {"other", "others", "other application", "other type", "total"}
_GLOBAL = str(geo_iri("Global"))


def _money(value: str, text: str | None) -> str:
    try:
        d = Decimal(value)
    except InvalidOperation:
        return text or value
    return f"USD {d:,.1f} million" + (f" (as written: {text})" if text else "")


def load_graph(store: Store) -> MapGraph:
    """The whole map graph, read from the store by SPARQL (nine SELECTs, each a single pass)."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}

    def node(ident: str, label: str, kind: str) -> Node:
        found = nodes.get(ident)
        if found is None:
            found = nodes[ident] = Node(ident, label, kind)
        return found

    def edge(source: str, target: str, label: str) -> Edge:
        key = (source, target, label)
        found = edges.get(key)
        if found is None:
            found = edges[key] = Edge(source, target, label)
        return found

    for r in _rows(store, Q_MARKETS):
        node(r["m"], r.get("label") or _label_from_iri(r["m"]), "market")

    # market size: the latest year stated, Global and actual preferred
    best: dict[str, tuple[tuple[int, int, int], str, str]] = {}
    for r in _rows(store, Q_SIZES):
        if r["m"] not in nodes:
            continue
        actual = int(r.get("status", "").endswith("obsStatus-A"))
        year = int(r["year"][:4]) if r["year"][:4].isdigit() else 0
        rank = (int(r["area"] == _GLOBAL), actual, year)
        if r["m"] not in best or rank > best[r["m"]][0]:
            best[r["m"]] = (rank, r["value"], r.get("text", ""))
    for m, ((global_, actual, year), value, text) in best.items():
        n = nodes[m]
        n.measure = float(value)
        scope = "global" if global_ else "regional"
        n.size_note = f"Size: {scope} market size {year} ({'actual' if actual else 'forecast'}): " + _money(
            value, text)

    for r in _rows(store, Q_MARKET_FACTS):
        if r["m"] in nodes:
            nodes[r["m"]].facts.append(Fact(r["label"], r.get("quote", ""), r.get("docId", "")))

    countries: dict[str, set[str]] = defaultdict(set)
    prefs: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, Q_COMPANIES):
        c = node(r["c"], _label_from_iri(r["c"]), "company")
        if r.get("pref"):
            prefs[c.id].add(r["pref"])
        if r.get("alt"):
            c.aliases.add(r["alt"])
        if r.get("cc"):
            countries[c.id].add(r["cc"])
    for n in nodes.values():  # one prefLabel per company (kg.rdf.corpus); else the smallest spelling
        if n.kind == "company" and (prefs[n.id] or n.aliases):
            n.label = min(prefs[n.id] or n.aliases)

    for r in _rows(store, Q_ACTIVE):
        if r["c"] not in nodes or r["m"] not in nodes:
            continue
        e = edge(r["c"], r["m"], "active in")
        fact = Fact(f"{nodes[r['c']].label} is active in {nodes[r['m']].label}", r.get("quote", ""),
                    r.get("docId", ""))
        if fact not in e.facts:
            e.facts.append(fact)

    concept_kind = {"product": "material", "application": "application"}
    for r in _rows(store, Q_CONCEPTS):
        kind = concept_kind[r["p"].rsplit("#", 1)[-1]]
        label = r.get("label") or _label_from_iri(r["concept"])
        n = node(f"{kind}:{_fold(label)}", label, kind)
        n.aliases.add(r["concept"])
        edge(r["m"], n.id, "product" if kind == "material" else "application")

    for r in _rows(store, Q_SEGMENTS):
        kind = "application" if r["kind"].endswith("/application") else "material"
        if _fold(r["label"]) in _GENERIC or r["m"] not in nodes:
            continue
        n = node(f"{kind}:{_fold(r['label'])}", r["label"], kind)
        e = edge(r["m"], n.id, "application segment" if kind == "application" else "type segment")
        if not r.get("quote"):  # a segment row without its mention (known from a figure) adds no fact
            continue
        fact = Fact(f"{nodes[r['m']].label} lists the {kind} segment {r['label']}", r["quote"], r.get("docId", ""))
        if fact not in e.facts:
            e.facts.append(fact)

    for r in _rows(store, Q_DOCS):
        d = node(r["d"], r.get("title") or r["docId"], "document")
        if not d.facts:
            d.facts.append(Fact(f"File: {r['docId']}", "", r["docId"]))
            for key, what in (("title", "Title"), ("publisher", "Publisher"), ("issued", "Published")):
                if r.get(key):
                    d.facts.append(Fact(f"{what}: {r[key]}", "", r["docId"]))
        if r.get("m") and r["m"] in nodes:
            edge(r["d"], r["m"], "about")

    doc_ids = {n.id: next((f.doc for f in n.facts), "") for n in nodes.values() if n.kind == "document"}
    for r in _rows(store, Q_REGIONS):
        if r["d"] not in nodes:
            continue
        g = node(r["g"], r.get("label") or r.get("asWritten") or _label_from_iri(r["g"]), "region")
        e = edge(r["d"], r["g"], "covers")
        fact = Fact(f"{nodes[r['d']].label} analyses {r.get('asWritten') or g.label}", r.get("quote", ""),
                    doc_ids.get(r["d"], ""))
        if fact not in e.facts:
            e.facts.append(fact)

    edge_list = sorted(edges.values(), key=lambda e: (e.source, e.target, e.label))
    markets_of: dict[str, set[str]] = defaultdict(set)
    for e in edge_list:
        if e.label == "active in":
            markets_of[e.source].add(e.target)
    for n in nodes.values():
        if n.kind == "company":
            n.measure = float(len(markets_of[n.id]))
            n.size_note = f"Size: active in {len(markets_of[n.id])} market(s)"
            if countries[n.id]:
                n.facts.append(Fact("Headquarters country: " + ", ".join(sorted(countries[n.id]))))
            others = sorted(a for a in n.aliases if a != n.label)
            if others:
                n.facts.append(Fact("Also written: " + "; ".join(others)))
    graph = MapGraph(dict(sorted(nodes.items())), edge_list)
    graph.total_nodes = len(graph.nodes)
    return graph


# ---------------------------------------------------------------------------------------------- views


def find_node(graph: MapGraph, kind: str, name: str) -> Node:
    """The ``kind`` node named ``name`` (label or any alias, case-insensitive), else a MapError with hints."""
    wanted = name.casefold().strip()
    candidates = [n for n in graph.nodes.values() if n.kind == kind]
    for n in candidates:
        if wanted == n.label.casefold() or wanted in {a.casefold() for a in n.aliases}:
            return n
    partial = [n for n in candidates if wanted and wanted in n.label.casefold()]
    if len(partial) == 1:
        return partial[0]
    labels = sorted({n.label for n in candidates})
    hints = [n.label for n in partial] or difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    example = f", e.g. {', '.join(labels[:3])}" if labels else ""
    hint = (f"; did you mean: {', '.join(sorted(hints)[:5])}?" if hints
            else f"; the graph has {len(labels)} {kind} node(s){example}")
    raise MapError(f"no {kind} named {name!r}{hint}")


def select_view(graph: MapGraph, view: View | str, name: str | None = None) -> tuple[MapGraph, set[str]]:
    """The view's subgraph and the nodes it must never fold (the company or market asked for)."""
    view = View(view)
    adj = graph.neighbours()
    kind_of = {k: n.kind for k, n in graph.nodes.items()}
    if view is View.overview:
        return graph.subgraph(graph.nodes, "anode-kg map: overview"), set()
    if view is View.value_chain:
        keep = {k for k, kind in kind_of.items() if kind in ("material", "company", "market", "application")}
        return graph.subgraph(keep, "anode-kg map: value chain"), set()
    if not name:
        raise MapError(f"--view {view.value} needs --name NAME (a {view.value} name or alias)")
    focus = find_node(graph, view.value, name)
    if view is View.company:
        markets = {m for m in adj[focus.id] if kind_of[m] == "market"}
        keep = {focus.id} | markets | {d for d in adj[focus.id] if kind_of[d] == "document"}
        for m in markets:
            keep |= {x for x in adj[m] if kind_of[x] in ("company", "material", "application", "document")}
    else:
        keep = {focus.id} | adj[focus.id]
        for d in [x for x in adj[focus.id] if kind_of[x] == "document"]:
            keep |= {g for g in adj[d] if kind_of[g] == "region"}
    return graph.subgraph(keep, f"anode-kg map: {view.value} {focus.label}"), {focus.id}


def aggregate(
    graph: MapGraph, max_nodes: int = DEFAULT_MAX_NODES, pinned: set[str] | None = None
) -> MapGraph:
    """Fold each market's minor companies into a "+K more" node when the map has more than ``max_nodes``.

    Keeps, for every market, its top N companies by evidence count (N as large as fits the budget), plus
    pinned nodes; a company kept for one market keeps its edges to every kept market.
    """
    if len(graph.nodes) <= max_nodes:
        return graph
    pinned = pinned or set()
    ranked: dict[str, list[str]] = defaultdict(list)  # market -> companies, most evidence first
    evidence: dict[tuple[str, str], int] = {}
    for e in graph.edges:
        if e.label == "active in" and graph.nodes[e.source].kind == "company":
            ranked[e.target].append(e.source)
            evidence[(e.source, e.target)] = e.evidence
    for m, companies in ranked.items():
        companies.sort(key=lambda c: (-evidence[(c, m)], graph.nodes[c].label, c))  # noqa: B023 - sorts now
    companies_all = {k for k, n in graph.nodes.items() if n.kind == "company"}
    others = len(graph.nodes) - len(companies_all)

    def plan(top: int) -> tuple[set[str], int]:
        kept = {c for cs in ranked.values() for c in cs[:top]} | (pinned & companies_all)
        folds = sum(1 for cs in ranked.values() if any(c not in kept for c in cs))
        return kept, others + len(kept) + folds

    deepest = max((len(cs) for cs in ranked.values()), default=0)
    def size_at(t: int) -> int:
        return plan(t)[1]

    top = bisect.bisect_right(range(deepest + 1), max_nodes, key=size_at) - 1
    top = max(top, 0)
    kept, _ = plan(top)
    keep_ids = (set(graph.nodes) - companies_all) | kept
    out = graph.subgraph(keep_ids, graph.title)
    out.total_nodes = graph.total_nodes or len(graph.nodes)
    folded_total: set[str] = set()
    for m, companies in sorted(ranked.items()):
        rest = [c for c in companies if c not in kept]
        if not rest:
            continue
        folded_total.update(rest)
        more = Node(f"more:{m}", f"+{len(rest)} more", "more", measure=float(len(rest)))
        more.size_note = (f"{len(rest)} companies of {graph.nodes[m].label} not drawn "
                          "(those with the fewest pieces of evidence)")
        names = [graph.nodes[c].label for c in rest]
        more.facts = [Fact(n) for n in names[:MAX_FACTS_PER_NODE]]
        out.nodes[more.id] = more
        out.edges.append(Edge(more.id, m, "active in", [Fact(more.size_note)]))
    gone = companies_all - kept
    out.notes.append(
        f"This view has {len(graph.nodes)} nodes, above the limit of {max_nodes}: each market shows its "
        f"top {top} companies by evidence count, and {len(gone)} other companies are folded into "
        f"'+N more' nodes. Use --view market --name MARKET for one market's full list, or --max-nodes."
    )
    if len(out.nodes) > max_nodes:
        out.notes.append(f"Still {len(out.nodes)} nodes after folding companies: other kinds are not folded.")
    return out


# ---------------------------------------------------------------------------------------------- layout

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_ORDER = {k: i for i, k in enumerate(KINDS)}


def _spacing(n_nodes: int) -> float:
    return 70.0 if n_nodes <= 150 else 48.0 if n_nodes <= 1000 else 34.0


def _sunflower(cx: float, cy: float, members: list[Node], step: float, hole: float) -> None:
    for k, n in enumerate(members):
        r = step * math.sqrt(k + hole)
        a = k * GOLDEN_ANGLE
        n.x, n.y = cx + r * math.cos(a), cy + r * math.sin(a)


def _cloud_radius(count: int, step: float, hole: float) -> float:
    return step * math.sqrt(count + hole) if count else step * 0.5


def layout(graph: MapGraph, view: View | str = View.overview) -> None:
    """Set every node's x/y (see the module docstring): hubs and clouds, or layers for the value chain."""
    if View(view) is View.value_chain:
        _layered(graph)
        return
    nodes, adj = graph.nodes, graph.neighbours()
    step = _spacing(len(nodes))
    markets = sorted((n for n in nodes.values() if n.kind == "market"), key=lambda n: (-n.measure, n.label))
    market_ids = {m.id for m in markets}
    groups: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for n in nodes.values():
        if n.id in market_ids:
            continue
        anchors = adj[n.id] & market_ids or {m for x in adj[n.id] for m in adj[x] & market_ids}
        groups[tuple(sorted(anchors))].append(n)
    for members in groups.values():
        members.sort(key=lambda n: (_ORDER.get(n.kind, 99), -n.measure, n.label, n.id))
    hole = 2.5  # room for the market's own (big) dot at the centre of its cloud
    own = {m.id: _cloud_radius(len(groups.get((m.id,), [])), step, hole) for m in markets}
    if len(markets) == 1:
        positions = {markets[0].id: (0.0, 0.0)}
    elif markets:
        m_count = len(markets)
        chord = max(own[a.id] + own[b.id] for a, b in zip(markets, markets[1:] + markets[:1], strict=True))
        shared = max((_cloud_radius(len(v), step, 0) for k, v in groups.items() if len(k) > 1), default=0.0)
        radius = max((chord + step) / (2 * math.sin(math.pi / m_count)),
                     max(own.values()) + shared + step, step * 3)
        positions = {m.id: (radius * math.cos(2 * math.pi * i / m_count - math.pi / 2),
                            radius * math.sin(2 * math.pi * i / m_count - math.pi / 2))
                     for i, m in enumerate(markets)}
    else:
        positions = {}
    for m in markets:
        m.x, m.y = positions[m.id]
        _sunflower(m.x, m.y, groups.get((m.id,), []), step, hole)
    # clouds shared by several markets: start at the anchors' centroid (pulled inwards), then push apart
    shared_keys = sorted((k for k in groups if len(k) > 1), key=lambda k: (-len(groups[k]), k))
    centres = {k: [sum(positions[a][i] for a in k) / len(k) * 0.8 for i in (0, 1)] for k in shared_keys}
    radii = {k: _cloud_radius(len(groups[k]), step, 0) for k in shared_keys}
    obstacles = [(m.x, m.y, own[m.id]) for m in markets]
    if len(shared_keys) <= 150:  # O(groups^2) per pass: beyond this the centroids stay as they are
        for _ in range(40):
            moved = False
            for i, a in enumerate(shared_keys):
                ca = centres[a]
                for b in shared_keys[i + 1:]:
                    cb = centres[b]
                    moved |= _separate(ca, cb, radii[a] + radii[b] + step * 0.5)
                for ox, oy, orad in obstacles:
                    moved |= _separate(ca, [ox, oy], radii[a] + orad + step * 0.5, fixed=True)
            if not moved:
                break
    for k in shared_keys:
        _sunflower(centres[k][0], centres[k][1], groups[k], step, 0)
    # nodes tied to no market: a ring of clouds outside everything
    loose = groups.get((), [])
    if loose:
        extent = max((math.hypot(n.x, n.y) for n in nodes.values() if n.kind != "more" and n not in loose),
                     default=0.0)
        ring = extent + step * 2
        per_turn = max(1, int(2 * math.pi * ring / step))
        for index, n in enumerate(loose):
            turn, place = divmod(index, per_turn)
            angle = 2 * math.pi * place / per_turn
            n.x, n.y = (ring + turn * step) * math.cos(angle), (ring + turn * step) * math.sin(angle)


def _separate(a: list[float], b: list[float], distance: float, fixed: bool = False) -> bool:
    """Push circle centres ``a`` and ``b`` apart to ``distance`` (only ``a`` moves when ``fixed``)."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    d = math.hypot(dx, dy)
    if d >= distance:
        return False
    if d < 1e-6:
        dx, dy, d = 1.0, 0.0, 1.0
    push = (distance - d) / (1 if fixed else 2)
    a[0] += dx / d * push
    a[1] += dy / d * push
    if not fixed:
        b[0] -= dx / d * push
        b[1] -= dy / d * push
    return True


def _layered(graph: MapGraph) -> None:
    """Columns material -> company -> market -> application; rows follow the markets' order."""
    nodes, adj = graph.nodes, graph.neighbours()
    step = _spacing(len(nodes))
    gap_x = step * 6
    markets = sorted((n for n in nodes.values() if n.kind == "market"), key=lambda n: n.label)
    companies = [n for n in nodes.values() if n.kind in ("company", "more")]
    first_market: dict[str, int] = {}
    for i, m in enumerate(markets):
        for neighbour in sorted(adj[m.id]):
            first_market.setdefault(neighbour, i)
    companies.sort(key=lambda n: (first_market.get(n.id, len(markets)), -n.measure, n.label))
    cols = max(1, math.ceil(math.sqrt(len(companies) / max(1, len(markets)) / 4)))
    for k, n in enumerate(companies):
        row, col = divmod(k, cols)
        n.x, n.y = gap_x + col * step * 2.2, row * step
    height = max(1, math.ceil(len(companies) / cols)) * step
    row_of: dict[str, list[float]] = defaultdict(list)
    for company in companies:
        for market_id in adj[company.id]:
            row_of[market_id].append(company.y)
    slot = height / max(1, len(markets))
    wanted_y = {m.id: (sum(row_of[m.id]) / len(row_of[m.id]) if row_of.get(m.id) else (i + 0.5) * slot)
                for i, m in enumerate(markets)}
    last = -math.inf
    for m in sorted(markets, key=lambda m: (wanted_y[m.id], m.label)):  # big dots: keep 2.5 steps apart
        m.x, m.y = gap_x * 2 + cols * step * 2.2, max(wanted_y[m.id], last + step * 2.5)
        last = m.y
    for kind, x in (("material", 0.0), ("application", gap_x * 3 + cols * step * 2.2)):
        col_nodes = [n for n in nodes.values() if n.kind == kind]
        wanted = {n.id: sum(nodes[m].y for m in adj[n.id] if m in nodes and nodes[m].kind == "market")
                  / max(1, sum(1 for m in adj[n.id] if m in nodes and nodes[m].kind == "market"))
                  for n in col_nodes}
        col_nodes.sort(key=lambda n: (wanted[n.id], n.label))
        last = -math.inf
        for n in col_nodes:  # keep the order, never closer than one step
            n.x, n.y = x, max(wanted[n.id], last + step * 0.8)
            last = n.y
    for n in nodes.values():
        if n.kind not in ("material", "company", "more", "market", "application"):
            n.x, n.y = -gap_x, 0.0


# ---------------------------------------------------------------------------------------------- page


def _short(label: str, limit: int = 42) -> str:
    """Canvas labels stay short (report titles run to 200 characters); tooltips keep the full name."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _size(n: Node, maxima: Mapping[str, float]) -> float:
    top = maxima.get(n.kind) or 1.0
    share = math.sqrt(max(n.measure, 0.0) / top) if top else 0.0
    if n.kind == "market":
        return 20 + 30 * share
    if n.kind == "company":
        return 8 + 14 * share
    if n.kind == "more":
        return 10 + 8 * share
    return 12.0


def json_for_script(value: Any) -> str:
    """JSON safe inside an HTML ``<script>`` element: no ``<``, ``>``, ``&`` or JS line separators left."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside the pyvis package (9.1.2, Apache-2.0/MIT)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        raise MapError("the bundled vis-network cannot be inlined safely (it contains a closing tag)")
    return js, css


def _facts(facts: list[Fact]) -> dict[str, Any]:
    return {"facts": [[f.text, f.quote, f.doc] for f in facts[:MAX_FACTS_PER_NODE]],
            "more": max(0, len(facts) - MAX_FACTS_PER_NODE)}


def _network(graph: MapGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Node and edge dicts for vis, held by a pyvis Network (lists filled directly, not node by node)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    maxima: dict[str, float] = defaultdict(float)
    for n in graph.nodes.values():
        maxima[n.kind] = max(maxima[n.kind], n.measure)
    net.nodes = [
        {"id": n.id, "label": _short(n.label), "name": n.label, "kind": n.kind,
         "x": round(n.x, 1), "y": round(n.y, 1), "size": round(_size(n, maxima), 1),
         "shape": KINDS[n.kind][1], "color": KINDS[n.kind][0], "note": n.size_note, **_facts(n.facts)}
        for n in graph.nodes.values()
    ]
    net.node_ids = list(graph.nodes)
    net.node_map = {}
    net.edges = [
        {"from": e.source, "to": e.target, "label": e.label, **_facts(e.facts)} for e in graph.edges
    ]
    big = len(graph.nodes) > 1000
    net.options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "color": {"color": "#b8b8b8",
                  "highlight": "#333333", "hover": "#555555"}, "width": 1, "smooth": False,
                  "font": {"size": 10, "color": "#666666", "strokeWidth": 2, "align": "middle"}},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    return nodes, edges, json.loads(options)


def render_html(graph: MapGraph, *, csp: bool = True) -> str:
    """The self-contained page: vis-network inlined, data as escaped JSON, no network, no external URL."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    nodes, edges, options = _network(graph)
    counts: dict[str, int] = defaultdict(int)
    for n in graph.nodes.values():
        counts[n.kind] += 1
    legend = [(KINDS[k][0], KINDS[k][2], KINDS[k][1], counts[k]) for k in KINDS if counts[k]]
    vis_js, vis_css = _vis_assets()
    page_js = (TEMPLATE.parent / "maps_page.js").read_text(encoding="utf-8")
    policy = (
        "default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(page_js)
        + "; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    env = Environment(loader=FileSystemLoader(TEMPLATE.parent), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    data = {"nodes": nodes, "edges": edges, "options": options,
            "kinds": {k: {"color": v[0], "label": v[2]} for k, v in KINDS.items()}}
    return env.get_template(TEMPLATE.name).render(
        title=graph.title, notes=graph.notes, legend=legend, node_count=len(graph.nodes),
        edge_count=len(graph.edges), total_nodes=graph.total_nodes or len(graph.nodes),
        csp=policy if csp else None, vis_js=vis_js, vis_css=vis_css, page_js=page_js,
        data_json=json_for_script(data),
    )


def write_map(
    store: Store,
    output: Path,
    view: View | str = View.overview,
    name: str | None = None,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    csp: bool = True,
) -> MapStats:
    """Query the store, select the view, fold it if too big, lay it out and write the page to ``output``."""
    view = View(view)
    full = load_graph(store)
    chosen, pinned = select_view(full, view, name)
    chosen.total_nodes = len(chosen.nodes)
    shown = aggregate(chosen, max_nodes, pinned)
    layout(shown, view)
    html = render_html(shown, csp=csp)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return MapStats(output, len(shown.nodes), len(shown.edges), len(chosen.nodes), len(html.encode("utf-8")),
                    shown is not chosen)
