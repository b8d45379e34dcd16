"""The facts document (shared/gold/SCHEMA.md), derived from the graph by SPARQL.

It reads the store, never the extractor's memory: what it prints proves the facts made it into the RDF
with their provenance (a fact without a primary source, a span or a position selector does not appear).
One SELECT per fact kind over all documents, grouped in Python, so the cost grows with the number of
facts, not with the number of documents times queries. Ordering is deterministic: documents by source,
facts by their first evidence offset (then by their own values), so the JSON is byte-stable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from kg.namespaces import sparql_prefixes
from kg.rdf.corpus import choose_name
from kg.rdf.iris import TOTAL_SEGMENT
from kg.store.base import Store, select

__all__ = ["facts_document"]

P = sparql_prefixes()

# Evidence: the span's first offset and exact quote; joined into every fact query.
_SPAN = """
  ?fact prov:wasDerivedFrom ?span .
  ?span oa:hasSelector ?pos , ?sel .
  ?pos oa:start ?start .
  ?sel oa:exact ?quote .
"""

Q_DOCS = P + """
SELECT ?doc ?source ?title ?published ?publisher ?market ?fp WHERE {
  ?doc a akg:ReportDocument ; dcterms:identifier ?source .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:issued ?published }
  OPTIONAL { ?doc dcterms:publisher ?publisher }
  OPTIONAL { ?doc schema:about ?market }
  OPTIONAL { ?doc akg:forecastPeriod ?fp }
}"""

Q_SIZES = P + """
SELECT ?source ?fact ?area ?seg ?year ?value ?status ?start ?quote WHERE {
  ?fact a akg:MarketSizeObservation ; prov:hadPrimarySource/dcterms:identifier ?source ;
        sdmx-dimension:refArea ?area ; akg:segment ?seg ; akg:refYear ?year ;
        sdmx-attribute:obsStatus ?status .
  OPTIONAL { ?fact sdmx-measure:obsValue ?value }
""" + _SPAN + "}"

Q_RATES = P + """
SELECT ?source ?fact ?area ?seg ?value ?period ?start ?quote WHERE {
  ?fact a akg:GrowthRateObservation ; prov:hadPrimarySource/dcterms:identifier ?source ;
        sdmx-dimension:refArea ?area ; akg:segment ?seg ; sdmx-measure:obsValue ?value .
  OPTIONAL { ?fact akg:period ?period }
""" + _SPAN + "}"

Q_SHARES = P + """
SELECT ?source ?fact ?holder ?holderNode ?kind ?value ?of ?year ?start ?quote WHERE {
  ?fact a akg:MarketShareObservation ; prov:hadPrimarySource/dcterms:identifier ?source ;
        akg:holderLabelAsWritten ?holder ; akg:shareHolder ?holderNode ; akg:holderKind ?kind ;
        sdmx-measure:obsValue ?value ;
        akg:shareBasis ?of .
  OPTIONAL { ?fact akg:asOfYear ?year }
""" + _SPAN + "}"

Q_DECISIONS = P + """
SELECT ?source ?company ?spelling ?name ?start WHERE {
  ?fact a akg:ResolutionDecision ; prov:hadPrimarySource/dcterms:identifier ?source ;
        akg:resolvedTo ?company ; akg:labelAsWritten ?spelling ; akg:resolvedName ?name ;
        prov:wasDerivedFrom/oa:hasSelector/oa:start ?start .
}"""

# Properties of shared nodes (markets, areas, segments, periods, publishers, companies), fetched by ONE
# triple pattern per node: these nodes are described in every document graph that uses them, and
# Oxigraph's union default graph repeats a triple once per graph, so joining two patterns on a shared
# node would multiply rows by (documents using it)^2.
Q_NODE_PROPS = P + """
SELECT DISTINCT ?node ?p ?value WHERE {
  VALUES ?node { __NODES__ }
  ?node ?p ?value .
  FILTER (?p IN (rdfs:label, skos:prefLabel, skos:altLabel, akg:headquartersCountry, akg:startYear, akg:endYear))
}"""
NODE_BATCH = 500

Q_COUNTRY_CLAIMS = P + """
SELECT ?source ?company ?iso WHERE {
  ?claim a rdf:Statement ; rdf:predicate akg:headquartersCountry ; rdf:subject ?company ; rdf:object ?iso ;
         prov:hadPrimarySource/dcterms:identifier ?source .
}"""

Q_REGIONS = P + """
SELECT ?source ?fact ?label ?start ?quote WHERE {
  ?fact a akg:RegionCoverage ; prov:hadPrimarySource/dcterms:identifier ?source ;
        akg:regionLabelAsWritten ?label .
""" + _SPAN + "}"

Q_SEGMENTS = P + """
SELECT ?source ?fact ?kind ?label ?start ?quote WHERE {
  ?fact a akg:SegmentMention ; prov:hadPrimarySource/dcterms:identifier ?source ;
        akg:segmentKind ?kind ; akg:labelAsWritten ?label .
""" + _SPAN + "}"

Q_DYNAMICS = P + """
SELECT ?source ?fact ?kind ?label ?start ?quote WHERE {
  ?fact akg:dynamicKind ?kind ; prov:hadPrimarySource/dcterms:identifier ?source ; rdfs:label ?label .
""" + _SPAN + "}"

SEGMENT_KINDS = {"type": "type", "application": "application", "end-user": "end_user"}
DYNAMIC_KINDS = {"driver": "drivers", "restraint": "restraints", "opportunity": "opportunities",
                 "challenge": "challenges", "trend": "trends"}


def _node_props(store: Store, nodes: Iterable[str]) -> dict[str, dict[str, set[str]]]:
    """node IRI -> local name of the property (label, prefLabel, altLabel, ...) -> values."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    todo = sorted(set(nodes))
    for i in range(0, len(todo), NODE_BATCH):
        values = " ".join(f"<{n}>" for n in todo[i : i + NODE_BATCH])
        for row in _rows(store, Q_NODE_PROPS.replace("__NODES__", values)):
            prop = str(row["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            out[str(row["node"])][prop].add(str(row["value"]))
    return out


def _one(values: set[str] | None) -> str | None:
    """Deterministic single value of a possibly multi-valued property (the smallest)."""
    return min(values) if values else None


def _rows(store: Store, sparql: str) -> Iterator[dict[str, Node | None]]:
    return select(store, sparql).dicts()


def _s(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _int(node: Node | None) -> int | None:
    """Years come back as xsd:gYear ("2023"); cast through the string for portability across stores."""
    return None if node is None else int(str(node))


def _num(node: Node | None) -> float | None:
    return None if node is None else float(str(node))


def _last(node: Node | None) -> str:
    return str(node).rsplit("/", 1)[-1]


class _Facts:
    """Rows of one fact kind grouped by fact node: fields (min over duplicates) and the earliest quote."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, Any]] = {}
        self.first: dict[str, tuple[int, str]] = {}

    def add(self, row: dict[str, Node | None], **fields: Any) -> None:
        key = str(row["fact"])
        have = self.fields.setdefault(key, {"source": str(row["source"])})
        for name, value in fields.items():
            if value is not None and (have.get(name) is None or str(value) < str(have[name])):
                have[name] = value
            have.setdefault(name, None)
        start, quote = int(str(row["start"])), str(row["quote"])
        if key not in self.first or (start, quote) < self.first[key]:
            self.first[key] = (start, quote)

    def by_source(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[tuple[tuple[int, str, str], dict[str, Any]]]] = defaultdict(list)
        for key, fields in self.fields.items():
            start, quote = self.first[key]
            item = {k: v for k, v in fields.items() if k != "source"}
            item["evidence"] = quote
            out[fields["source"]].append(((start, repr(sorted(item.items(), key=str)), key), item))
        return {src: [item for _, item in sorted(items, key=lambda t: t[0])] for src, items in out.items()}


def _documents(store: Store) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str | None]]]:
    """source -> document fields, and source -> IRIs of its publisher, market and forecast period."""
    docs: dict[str, dict[str, Any]] = {}
    links: dict[str, dict[str, str | None]] = {}
    for row in _rows(store, Q_DOCS):
        source = str(row["source"])
        d = docs.setdefault(source, {"source": source, "title": None, "published": None})
        for name in ("title", "published"):
            value = _s(row[name])
            if value is not None and (d[name] is None or value < d[name]):
                d[name] = value
        link = links.setdefault(source, {"publisher": None, "market": None, "fp": None})
        for name in ("publisher", "market", "fp"):
            value = _s(row[name])
            if value is not None and (link[name] is None or value < str(link[name])):
                link[name] = value
    return docs, links


def _companies(
    decisions: list[dict[str, Node | None]], claims: list[dict[str, Node | None]],
    props: dict[str, dict[str, set[str]]],
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Per-document company rows and the top-level company list."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    claim_count: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in claims:
        source, company, iso = str(row["source"]), str(row["company"]), str(row["iso"])
        if iso not in stated[(source, company)]:
            stated[(source, company)].add(iso)
            claim_count[company][iso] += 1

    uses: dict[str, set[tuple[str, str]]] = defaultdict(set)
    first: dict[tuple[str, str], int] = {}
    spellings: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for row in decisions:
        source, company, spelling = str(row["source"]), str(row["company"]), str(row["spelling"])
        start = int(str(row["start"]))
        uses[company].add((source, str(row["name"])))
        key = (source, company)
        first[key] = min(first.get(key, start), start)
        spellings[key][spelling] = min(spellings[key].get(spelling, start), start)

    def name_of(company: str) -> str:
        pref = props.get(company, {}).get("prefLabel")
        return min(pref) if pref else choose_name(uses[company])

    def country_of(company: str) -> str | None:
        values = props.get(company, {}).get("headquartersCountry", set())
        if not values:
            return None
        registry = sorted(v for v in values if claim_count[company].get(v, 0) == 0)
        if registry:  # a value no document claims came from the reference registry: it wins
            return registry[0]
        return min(values, key=lambda v: (-claim_count[company][v], v))

    per_doc: dict[str, list[tuple[tuple[int, str], dict[str, Any]]]] = defaultdict(list)
    for (source, company), start in first.items():
        countries = sorted(stated.get((source, company), set()))
        spelled = sorted(spellings[(source, company)].items(), key=lambda kv: (kv[1], kv[0]))
        per_doc[source].append(((start, company), {
            "name": name_of(company),
            "mentions": [s for s, _ in spelled],
            "country": countries[0] if countries else None,
        }))
    top = []
    for company in uses:
        name = name_of(company)
        top.append({
            "id": company,
            "name": name,
            "aliases": sorted(props.get(company, {}).get("altLabel", set()) | {name}),
            "country": country_of(company),
            "sources": sorted({source for source, _ in uses[company]}),
        })
    top.sort(key=lambda c: (c["name"], c["id"]))
    return {src: [c for _, c in sorted(rows, key=lambda t: t[0])] for src, rows in per_doc.items()}, top


def facts_document(store: Store) -> dict[str, Any]:
    """The facts JSON (as a dict) for every document in the store, in the shape of gold/SCHEMA.md."""
    docs, links = _documents(store)
    size_rows = list(_rows(store, Q_SIZES))
    rate_rows = list(_rows(store, Q_RATES))
    decisions = list(_rows(store, Q_DECISIONS))
    shared = {str(v) for link in links.values() for v in link.values() if v is not None}
    shared |= {str(r[k]) for r in size_rows + rate_rows for k in ("area", "seg", "period") if r.get(k) is not None}
    shared |= {str(r["company"]) for r in decisions}
    shared.discard(str(TOTAL_SEGMENT))
    props = _node_props(store, shared)

    def label(node: Node | None, prop: str = "label") -> str | None:
        if node is None or str(node) == str(TOTAL_SEGMENT):
            return None
        return _one(props.get(str(node), {}).get(prop))

    def year(node: Node | None, prop: str) -> int | None:
        value = label(node, prop)
        return None if value is None else int(value)

    sizes = _Facts()
    for row in size_rows:
        if row["value"] is None:
            # the contract's market sizes are million USD: a figure whose currency could not be converted
            # stays in the graph (akg:valueInOwnCurrency, akg:convertedToUSD false) but is not listed here
            continue
        sizes.add(row, scope=label(row["area"]), segment=label(row["seg"]), year=_int(row["year"]),
                  value_usd_million=_num(row["value"]),
                  status="forecast" if _last(row["status"]).endswith("-F") else "actual")
    rates = _Facts()
    for row in rate_rows:
        rates.add(row, scope=label(row["area"]), segment=label(row["seg"]), cagr_percent=_num(row["value"]),
                  start_year=year(row["period"], "startYear"), end_year=year(row["period"], "endYear"))
    shares = _Facts()
    for row in _rows(store, Q_SHARES):
        shares.add(row, holder=_s(row["holder"]), holder_node=str(row["holderNode"]), holder_kind=_s(row["kind"]),
                   share_percent=_num(row["value"]), of=_s(row["of"]), year=_int(row["year"]))
    regions, segments, dynamics = _Facts(), _Facts(), _Facts()
    for row in _rows(store, Q_REGIONS):
        regions.add(row, label=_s(row["label"]))
    for row in _rows(store, Q_SEGMENTS):
        segments.add(row, kind=SEGMENT_KINDS.get(_last(row["kind"])), label=_s(row["label"]))
    for row in _rows(store, Q_DYNAMICS):
        dynamics.add(row, kind=DYNAMIC_KINDS.get(_last(row["kind"])), label=_s(row["label"]))
    company_rows, top = _companies(decisions, list(_rows(store, Q_COUNTRY_CLAIMS)), props)

    company_names = {c["id"]: c["name"] for c in top}
    by_size, by_rate, by_share = sizes.by_source(), rates.by_source(), shares.by_source()
    for items in by_share.values():
        for item in items:
            # a company holder by the company's canonical name, as in its "companies" row
            item["holder"] = company_names.get(item.pop("holder_node"), item["holder"])
    by_region, by_segment, by_dynamic = regions.by_source(), segments.by_source(), dynamics.by_source()

    out_docs = []
    for source in sorted(docs):
        d, link = docs[source], links[source]
        start, end = year(_node(link["fp"]), "startYear"), year(_node(link["fp"]), "endYear")
        seg_lists: dict[str, list[str]] = {"type": [], "application": [], "end_user": []}
        for item in by_segment.get(source, []):
            if item["kind"] in seg_lists and item["label"] not in seg_lists[item["kind"]]:
                seg_lists[item["kind"]].append(item["label"])
        dyn_lists: dict[str, list[str]] = {k: [] for k in DYNAMIC_KINDS.values()}
        for item in by_dynamic.get(source, []):
            if item["kind"] in dyn_lists and item["label"] not in dyn_lists[item["kind"]]:
                dyn_lists[item["kind"]].append(item["label"])
        region_list: list[str] = []
        for item in by_region.get(source, []):
            if item["label"] not in region_list:
                region_list.append(item["label"])
        out_docs.append({
            "source": source,
            "title": d["title"],
            "publisher": label(_node(link["publisher"])),
            "published": d["published"],
            "market": label(_node(link["market"]), "prefLabel"),
            "forecast_period": [start, end] if start is not None and end is not None else None,
            "market_sizes": [
                {k: i[k] for k in ("scope", "segment", "year", "value_usd_million", "status", "evidence")}
                for i in by_size.get(source, [])
            ],
            "growth_rates": [
                {k: i[k] for k in ("scope", "segment", "cagr_percent", "start_year", "end_year", "evidence")}
                for i in by_rate.get(source, [])
            ],
            "shares": [
                {k: i[k] for k in ("holder", "holder_kind", "share_percent", "of", "year", "evidence")}
                for i in by_share.get(source, [])
            ],
            "companies": company_rows.get(source, []),
            "regions": region_list,
            "segments": seg_lists,
            "dynamics": dyn_lists,
        })
    return {"documents": out_docs, "companies": top}


def _node(iri: str | None) -> Node | None:
    return None if iri is None else URIRef(iri)
