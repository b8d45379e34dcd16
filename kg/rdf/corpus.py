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

Derived shortcut statements (materialised aggregates, the way RDF stores materialise inferences at load
time): the whole-corpus aggregates of the stored queries (a company's markets and reports per market, its
aliases and countries, reports per segment, figures that disagree) cost seconds at 10 000 documents when
computed per query. ``derived_graph`` computes them ONCE per refresh by SPARQL over the documents' graphs
(reading no derived or corpus-graph statement, so the result does not depend on the previous refresh) and
writes one node per row, of a class declared in ontology/anode.ttl as derived; the stored queries read
those nodes and join labels and parameters at query time. Each shortcut's SPARQL is the expensive part of
the query it serves, so both give the same rows (tests/test_derived_queries.py runs every rewritten query
against its original text, tests/reference_queries/). Lists (aliases, countries) are written sorted, so
the graph is byte-stable whatever order an engine returns rows in.

Every build pays for the refresh, an incremental one that changes one document too, so a shortcut must
save more than it costs: 5 s at 10 000 documents for all of them (the store writes only what changed).
The themes of shared-dynamics (``DYNAMIC_THEMES``, a keyword table that was the query's VALUES block) are
one such shortcut: the query matched 30 000 dynamic titles against 34 keywords and aggregated them per
run, 2.1-2.7 s at 10 000 documents for 2 rows (0.6 ms reading the summaries); the refresh pays 0.2 s at
1 000 documents and 0.7 s at 10 000 for it, matching each distinct title once.
Not materialised: the CAGR checks of cagr-consistency, a listing (a row per stated CAGR): most of its
7 s at 10 000 documents is joining each CAGR with its report's sizes, which a refresh would pay as well
(10.5 s and 159k triples per build for 7.0 -> 3.3 s per query run).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.namespaces import AKG, bind_prefixes, sparql_prefixes
from kg.rdf.iris import CORPUS_GRAPH, derived_iri
from kg.store import _rdf
from kg.store.base import Store, select

__all__ = [
    "CORPUS_GRAPH", "DYNAMIC_THEMES", "choose_name", "corpus_graph", "derived_graph", "refresh_corpus_graph",
    "resolved_names",
]


def _each(subject: str, predicate: str, obj: str) -> str:
    """One triple pattern as a subquery of its own, for Oxigraph: it is then evaluated once, by one scan of
    the predicate, and hash-joined, instead of one index lookup per row of what came before (~0.2 against
    ~6 us per row on disk; the queries below took 12 s at 10 000 documents written as plain patterns, 5 s
    so). The same solutions as the bare pattern, so other engines answer the same."""
    names = " ".join(term for term in (subject, obj) if term.startswith("?"))
    return f"{{ SELECT {names} WHERE {{ {subject} {predicate} {obj} }} }}"


# (company, name): how many documents resolved the company to that name (``choose_name``, by string)
RESOLVED_NAMES = sparql_prefixes("akg", "prov") + f"""
SELECT ?company ?name (COUNT(DISTINCT ?doc) AS ?documents) WHERE {{
  {_each("?decision", "a", "akg:ResolutionDecision")}
  {_each("?decision", "akg:resolvedTo", "?company")}
  {_each("?decision", "akg:resolvedName", "?resolved")}
  ?decision prov:hadPrimarySource ?doc .
}}
GROUP BY ?company (STR(?resolved) AS ?name)
"""


def choose_name(uses: Iterable[tuple[str, str]]) -> str:
    """The canonical name from (document, name) pairs: most documents first, then smallest string."""
    return _most_used(Counter(name for _, name in set(uses)))


def _most_used(counts: Mapping[str, int]) -> str:
    if not counts:
        raise ValueError("no names to choose from")
    return min(counts, key=lambda name: (-counts[name], name))


def resolved_names(store: Store) -> dict[str, str]:
    """Company IRI -> canonical name, by ``choose_name`` over every document's resolution decisions."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for company, name, documents in select(store, RESOLVED_NAMES).rows:
        if company is not None and name is not None and documents is not None:
            counts[str(company)][str(name)] = int(str(documents))
    return {company: _most_used(names) for company, names in counts.items()}


def corpus_graph(store: Store) -> Graph:
    """The corpus graph's content, computed from the store (does not write it)."""
    g = bind_prefixes(Graph())
    for company, name in sorted(resolved_names(store).items()):
        node = URIRef(company)
        g.add((node, RDF.type, AKG.Company))
        g.add((node, SKOS.prefLabel, Literal(name)))
        g.add((node, RDFS.label, Literal(name)))
    derived_graph(store, g)
    return g


# ------------------------------------------------------------------ derived shortcut statements

_P = sparql_prefixes()

# (company, market): the reports whose activeIn claims name the company in the market (company-profile)
_ACTIVE_IN_CLAIMS = f"""
  {_each("?claim", "rdf:predicate", "akg:activeIn")}
  {_each("?claim", "rdf:subject", "?company")}
  {_each("?claim", "rdf:object", "?market")}"""

Q_COMPANY_MARKET_REPORTS = _P + f"""
SELECT ?company ?market (COUNT(DISTINCT ?doc) AS ?reports)
WHERE {{{_ACTIVE_IN_CLAIMS}
  {_each("?claim", "prov:hadPrimarySource", "?doc")}
  {_each("?company", "akg:activeIn", "?market")}
}}
GROUP BY ?company ?market
"""

# (company, market): the smallest evidence quote with its surrounding words (companies-in-several-markets)
Q_COMPANY_MARKET_QUOTE = _P + f"""
SELECT ?company ?market (MIN(REPLACE(CONCAT("...", ?before, ?exact, ?after, "..."), "\\\\s+", " ")) AS ?quote)
WHERE {{{_ACTIVE_IN_CLAIMS}
  {_each("?claim", "prov:wasDerivedFrom", "?span")}
  {_each("?span", "oa:hasSelector", "?selector")}
  {_each("?selector", "oa:exact", "?exactTerm")}
  OPTIONAL {_each("?selector", "oa:prefix", "?prefix")}
  OPTIONAL {_each("?selector", "oa:suffix", "?suffix")}
  BIND (STR(?exactTerm) AS ?exact)
  BIND (COALESCE(STR(?prefix), "") AS ?before)
  BIND (COALESCE(STR(?suffix), "") AS ?after)
}}
GROUP BY ?company ?market
"""

Q_COMPANY_MARKETS = _P + """
SELECT ?company (COUNT(DISTINCT ?market) AS ?markets) WHERE { ?company akg:activeIn ?market . } GROUP BY ?company
"""

# documents assert "a akg:Company" with every altLabel and country; the corpus graph adds neither
Q_COMPANY_ALIASES = _P + """
SELECT DISTINCT ?company ?alias WHERE { ?company a akg:Company ; skos:altLabel ?alias . }
"""

Q_COMPANY_COUNTRIES = _P + """
SELECT DISTINCT ?company ?country WHERE { ?company a akg:Company ; akg:headquartersCountry ?country . }
"""

Q_SEGMENT_REPORTS = _P + """
SELECT ?segment (COUNT(DISTINCT ?doc) AS ?reports)
WHERE { ?doc akg:hasSegment ?segment ; a akg:ReportDocument . }
GROUP BY ?segment
"""

# the figures of one (kind, market, area, segment, year or period), as in conflicting-figures
_FIGURES = f"""
      {{
        SELECT ?o ?kind ?when WHERE {{
          {{
            {_each("?o", "a", "akg:MarketSizeObservation")}
            {_each("?o", "akg:refYear", "?y")}
            BIND (STR(?y) AS ?when)
            BIND ("market size (million USD)" AS ?kind)
          }} UNION {{
            {_each("?o", "a", "akg:GrowthRateObservation")}
            {_each("?o", "akg:period", "?p")}
            OPTIONAL {_each("?p", "akg:startYear", "?sy")}
            OPTIONAL {_each("?p", "akg:endYear", "?ey")}
            BIND (CONCAT(COALESCE(STR(?sy), "?"), "-", COALESCE(STR(?ey), "?")) AS ?when)
            BIND ("CAGR (%)" AS ?kind)
          }}
        }}
      }}
      {_each("?o", "akg:market", "?market")}
      {_each("?o", "sdmx-dimension:refArea", "?area")}
      {_each("?o", "akg:segment", "?seg")}
      {_each("?o", "sdmx-measure:obsValue", "?v")}
      {_each("?o", "prov:hadPrimarySource", "?d")}
"""

# groups with more than one distinct value, with the figures (and their documents) stating the lowest or
# the highest value
Q_FIGURE_CONFLICTS = _P + """
SELECT ?kind ?market ?area ?seg ?when ?lowest ?highest ?distinctValues ?reports ?v ?o ?d
WHERE {
  {
    SELECT ?kind ?market ?area ?seg ?when (MIN(?v) AS ?lowest) (MAX(?v) AS ?highest)
           (COUNT(DISTINCT ?v) AS ?distinctValues) (COUNT(DISTINCT ?d) AS ?reports)
    WHERE {""" + _FIGURES + """    }
    GROUP BY ?kind ?market ?area ?seg ?when
    HAVING (COUNT(DISTINCT ?v) > 1)
  }""" + _FIGURES + """
  FILTER (sameTerm(?v, ?lowest) || sameTerm(?v, ?highest))
}
"""

# the evidence (file name, quote; the smallest pair) of each value of a group over the figures stating it:
# those of Q_FIGURE_CONFLICTS given as VALUES (at FIGURES_HERE), or else every figure. In one query with the groups,
# Oxigraph fetched the evidence of every figure: 9 s at 10 000 documents, 0.1 s this way
Q_FIGURE_EVIDENCE = _P + """
SELECT ?kind ?market ?area ?seg ?when ?v (MIN(CONCAT(STR(?src), "\\u001F", STR(?exact))) AS ?w)
WHERE {FIGURES_HERE
  ?o prov:wasDerivedFrom ?span .
  ?span oa:hasSelector ?sel .
  ?sel oa:exact ?exact .
  ?d dcterms:identifier ?src .
}
GROUP BY ?kind ?market ?area ?seg ?when ?v
"""

#: shared-dynamics' themes: a dynamic falls under a theme when its lower-cased title contains one of the
#: theme's keywords (and under several themes when it matches several); a theme is only as good as them
DYNAMIC_THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("electric vehicle", ("electric vehicle", "(ev", " evs", "electric mobility", "power battery")),
    ("energy storage", ("energy storage", "storage system")),
    ("raw material", ("raw material", "feedstock", "supply chain", "pitch", "coke sourcing")),
    ("cost", ("cost", "price", "energy consumption")),
    ("regulation", ("regulat", "policy", "policies", "standardi")),
    ("recycling", ("recycl", "sustainab", "environment", "low-carbon")),
    ("technology", ("technolog", "innovation", "r&d", "advancement")),
    ("sodium-ion", ("sodium-ion", "sodium ion")),
    ("competition", ("competition", "alternative")),
    ("capacity expansion", ("capacity", "expansion")),
)


def _theme_values() -> str:
    """``DYNAMIC_THEMES`` as a VALUES block, every string written by pyoxigraph (so none breaks out)."""
    pairs = (f"({_rdf.to_ox(Literal(theme))} {_rdf.to_ox(Literal(keyword))})"
             for theme, keywords in DYNAMIC_THEMES for keyword in keywords)
    return "VALUES (?theme ?keyword) { " + " ".join(pairs) + " }"


# (theme, title): the distinct titles of dynamics under each theme; each title matched once (a few hundred
# titles against 30 000 dynamics at 10 000 documents)
Q_THEMED_TITLES = _P + f"""
SELECT DISTINCT ?theme ?title WHERE {{
  {{ SELECT DISTINCT ?title WHERE {{ {_each("?d", "akg:dynamicKind", "?k")} {_each("?d", "rdfs:label", "?title")} }} }}
  {_theme_values()}
  FILTER (CONTAINS(LCASE(STR(?title)), ?keyword))
}}
"""

# per theme: the rows its markets, market names, drivers, restraints, other dynamics and "kind: title
# [market]" items are counted and listed from, as shared-dynamics aggregated them (in Python: a label holding
# the list separator " | " would scramble a GROUP_CONCAT re-sorted by splitting), over the dynamics carrying
# the titles of Q_THEMED_TITLES (given as VALUES at TITLES_HERE: looked up by title, 0.7 s at 10 000
# documents for both queries against 1.1 s as one query; in one query rdflib never finished on the handmade
# graphs)
Q_DYNAMIC_THEMES = _P + f"""
SELECT DISTINCT ?theme ?dynamic ?kind ?title ?market ?marketLabel
WHERE {{TITLES_HERE
  ?dynamic rdfs:label ?title .
  {_each("?dynamic", "akg:dynamicKind", "?kindConcept")}
  ?dynamic akg:market ?market .
  ?market rdfs:label ?marketLabel .
  BIND (STRAFTER(STR(?kindConcept), "/dynamic-kind/") AS ?kind)
}}
"""

_NUMERIC = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.nonNegativeInteger, XSD.int, XSD.long}


def _key_part(term: Node) -> str:
    """A term as part of a node key: numbers by value, so every backend mints the same IRI."""
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        try:
            return f"{term.datatype}:{format(Decimal(str(term)).normalize(), 'f')}"
        except InvalidOperation:
            pass
    return term.n3()


def _plain(term: Node) -> Node:
    """Strings as plain literals (engines differ on writing xsd:string), anything else as it is."""
    if isinstance(term, Literal) and term.datatype in (None, XSD.string) and term.language is None:
        return Literal(str(term))
    return term


class _Derived:
    """Nodes of one derived class, keyed by terms; properties added as rows arrive."""

    def __init__(self, g: Graph, kind: str, cls: URIRef) -> None:
        self.g, self.kind, self.cls = g, kind, cls

    def node(self, *key: Node) -> URIRef:
        node = derived_iri(self.kind, *(_key_part(t) for t in key))
        self.g.add((node, RDF.type, self.cls))
        return node

    def add(self, node: URIRef, prop: URIRef, value: Node | None) -> None:
        if value is not None:
            self.g.add((node, prop, _plain(value)))


def _company_summaries(store: Store, g: Graph) -> None:
    per_market = _Derived(g, "company-market", AKG.CompanyMarketSummary)
    for company, market, reports in select(store, Q_COMPANY_MARKET_REPORTS).rows:
        if company is not None and market is not None:
            node = per_market.node(company, market)
            per_market.add(node, AKG.summaryCompany, company)
            per_market.add(node, AKG.summaryMarket, market)
            per_market.add(node, AKG.reportCount, reports)
    for company, market, quote in select(store, Q_COMPANY_MARKET_QUOTE).rows:
        if company is not None and market is not None:
            node = per_market.node(company, market)
            per_market.add(node, AKG.summaryCompany, company)
            per_market.add(node, AKG.summaryMarket, market)
            per_market.add(node, AKG.evidenceQuote, quote)
    per_company = _Derived(g, "company", AKG.CompanySummary)
    for company, markets in select(store, Q_COMPANY_MARKETS).rows:
        if company is not None:
            node = per_company.node(company)
            per_company.add(node, AKG.summaryCompany, company)
            per_company.add(node, AKG.marketCount, markets)
    for query, prop in ((Q_COMPANY_ALIASES, AKG.aliasList), (Q_COMPANY_COUNTRIES, AKG.countryList)):
        values: dict[Node, set[str]] = defaultdict(set)
        for company, value in select(store, query).rows:
            if company is not None and value is not None:
                values[company].add(str(value))
        for company, texts in values.items():
            node = per_company.node(company)
            per_company.add(node, AKG.summaryCompany, company)
            per_company.add(node, prop, Literal(" | ".join(sorted(texts))))


def _segment_summaries(store: Store, g: Graph) -> None:
    per_segment = _Derived(g, "segment", AKG.SegmentSummary)
    for segment, reports in select(store, Q_SEGMENT_REPORTS).rows:
        if segment is not None:
            node = per_segment.node(segment)
            per_segment.add(node, AKG.summarySegment, segment)
            per_segment.add(node, AKG.reportCount, reports)


def _dynamic_themes(store: Store, g: Graph) -> None:
    # titles are literals, written by pyoxigraph so no text breaks out of the VALUES block
    pairs = sorted({f"({_rdf.to_ox(theme)} {_rdf.to_ox(title)})" for theme, title in select(store, Q_THEMED_TITLES).rows
                    if theme is not None and title is not None})
    if not pairs:
        return
    values = "\n  VALUES (?theme ?title) {\n" + "\n".join(pairs) + "\n  }"
    per_theme = _Derived(g, "dynamic-theme", AKG.DynamicThemeSummary)
    themes: dict[Node, _ThemeRows] = {}
    for theme, dynamic, kind, title, market, label in \
            select(store, Q_DYNAMIC_THEMES.replace("TITLES_HERE", values)).rows:
        if None in (theme, dynamic, kind, title, market, label):
            continue
        assert theme is not None and dynamic is not None and market is not None
        rows = themes.setdefault(theme, _ThemeRows())
        rows.markets.add(market)
        rows.names.add(str(label))
        rows.by_kind.setdefault(str(kind), set()).add(dynamic)
        rows.items.add(f"{kind}: {title} [{label}]")
    for theme, rows in themes.items():
        drivers = rows.by_kind.get("driver", set())
        restraints = rows.by_kind.get("restraint", set())
        others = {d for k, ds in rows.by_kind.items() if k not in ("driver", "restraint") for d in ds}
        node = per_theme.node(theme)
        for prop, value in ((AKG.dynamicTheme, theme), (AKG.marketCount, _count(rows.markets)),
                            (AKG.driverCount, _count(drivers)), (AKG.restraintCount, _count(restraints)),
                            (AKG.otherDynamicCount, _count(others))):
            per_theme.add(node, prop, value)
        # sorted in Python as whole parts, so the engine's order does not matter and no label is split
        for prop, listed in ((AKG.marketList, rows.names), (AKG.dynamicList, rows.items)):
            per_theme.add(node, prop, Literal(" | ".join(sorted(listed))))


@dataclass
class _ThemeRows:
    """One theme's dynamics as Q_DYNAMIC_THEMES gave them, to be counted and listed."""

    markets: set[Node] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    by_kind: dict[str, set[Node]] = field(default_factory=dict)
    items: set[str] = field(default_factory=set)


def _count(nodes: set[Node]) -> Literal:
    return Literal(len(nodes), datatype=XSD.integer)


def _figure_conflicts(store: Store, g: Graph) -> None:
    groups: dict[tuple[Node, Node, Node, Node, Node], tuple[Node | None, ...]] = {}
    figures: set[tuple[Node, ...]] = set()
    for kind, market, area, seg, when, lowest, highest, distinct, reports, value, o, d in \
            select(store, Q_FIGURE_CONFLICTS).rows:
        if None in (kind, market, area, seg, when, lowest, highest, value, o, d):
            continue
        assert kind is not None and market is not None and area is not None and seg is not None
        assert when is not None and value is not None and o is not None and d is not None
        groups[(kind, market, area, seg, when)] = (lowest, highest, distinct, reports)
        figures.add((kind, market, area, seg, when, value, o, d))
    evidence: dict[tuple[Node, ...], str] = {}
    if figures:
        query = Q_FIGURE_EVIDENCE.replace("FIGURES_HERE", _figures_as_values(figures))
        for *key_value, w in select(store, query).rows:
            if w is not None and None not in key_value:
                evidence[tuple(t for t in key_value if t is not None)] = str(w)
    conflicts = _Derived(g, "figure-conflict", AKG.FigureConflict)
    for key, (lowest, highest, distinct, reports) in groups.items():
        assert lowest is not None and highest is not None
        low, high = evidence.get((*key, lowest)), evidence.get((*key, highest))
        if low is None or high is None:  # the original query's inner joins drop such a group
            continue
        node = conflicts.node(*key)
        kind, market, area, seg, when = key
        for prop, value in ((AKG.figureKind, kind), (AKG.summaryMarket, market), (AKG.summaryArea, area),
                            (AKG.summarySegment, seg), (AKG.figureWhen, when), (AKG.lowestValue, lowest),
                            (AKG.highestValue, highest), (AKG.distinctValues, distinct),
                            (AKG.reportCount, reports)):
            conflicts.add(node, prop, value)
        # STRBEFORE / STRAFTER on the first separator, as the query did
        for (doc_prop, quote_prop), text in (((AKG.lowestDocument, AKG.lowestQuote), low),
                                             ((AKG.highestDocument, AKG.highestQuote), high)):
            document, _, quote = text.partition("\x1f")
            conflicts.add(node, doc_prop, Literal(document))
            conflicts.add(node, quote_prop, Literal(quote))


def _figures_as_values(figures: set[tuple[Node, ...]]) -> str:
    """A VALUES block of the figures (written by pyoxigraph, so no term can break out of it); the whole
    figure pattern instead if one is a blank node, which VALUES cannot name (documents mint IRIs)."""
    if any(isinstance(term, BNode) for row in figures for term in row):
        return _FIGURES
    rows = sorted("(" + " ".join(str(_rdf.to_ox(term)) for term in row) + ")" for row in figures)
    return "\n  VALUES (?kind ?market ?area ?seg ?when ?v ?o ?d) {\n" + "\n".join(rows) + "\n  }"


def derived_graph(store: Store, g: Graph | None = None) -> Graph:
    """The derived shortcut statements (module docstring), added to ``g`` (a new graph if None)."""
    g = g if g is not None else bind_prefixes(Graph())
    _company_summaries(store, g)
    _segment_summaries(store, g)
    _dynamic_themes(store, g)
    _figure_conflicts(store, g)
    return g


def refresh_corpus_graph(store: Store) -> Graph:
    """Recompute the corpus graph from the store and replace it there; returns what was written."""
    g = corpus_graph(store)  # reads only the documents' decisions, never the old corpus graph
    store.replace_graph(str(CORPUS_GRAPH), g)
    return g
