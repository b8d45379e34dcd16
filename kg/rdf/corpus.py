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
aliases and countries, reports per segment, figures that disagree, the sizes each stated CAGR is checked
against) cost seconds at 10 000 documents when computed per query. ``derived_graph`` computes them ONCE
per refresh by SPARQL over the documents' graphs (reading no derived or corpus-graph statement, so the
result does not depend on the previous refresh) and writes one node per row, of a class declared in
ontology/anode.ttl as derived; the stored queries read those nodes and join labels and parameters at
query time. Each shortcut's SPARQL is the expensive part of the query it serves, so both give the same
rows (tests/test_derived_queries.py runs every rewritten query against its original text,
tests/reference_queries/). Lists (aliases, countries) are written sorted, so the graph is byte-stable
whatever order an engine returns rows in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.namespaces import AKG, bind_prefixes, sparql_prefixes
from kg.rdf.iris import CORPUS_GRAPH, derived_iri
from kg.store.base import SelectResult, Store

__all__ = [
    "CORPUS_GRAPH", "choose_name", "corpus_graph", "derived_graph", "refresh_corpus_graph", "resolved_names",
]

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
    derived_graph(store, g)
    return g


# ------------------------------------------------------------------ derived shortcut statements

_P = sparql_prefixes()

# (company, market): the reports whose activeIn claims name the company in the market (company-profile)
Q_COMPANY_MARKET_REPORTS = _P + """
SELECT ?company ?market (COUNT(DISTINCT ?doc) AS ?reports)
WHERE {
  ?claim rdf:predicate akg:activeIn ; rdf:subject ?company ; rdf:object ?market ; prov:hadPrimarySource ?doc .
  ?company akg:activeIn ?market .
}
GROUP BY ?company ?market
"""

# (company, market): the smallest evidence quote with its surrounding words (companies-in-several-markets)
Q_COMPANY_MARKET_QUOTE = _P + """
SELECT ?company ?market (MIN(REPLACE(CONCAT("...", ?before, ?exact, ?after, "..."), "\\\\s+", " ")) AS ?quote)
WHERE {
  ?claim rdf:predicate akg:activeIn ; rdf:subject ?company ; rdf:object ?market ; prov:wasDerivedFrom ?span .
  ?span oa:hasSelector ?selector .
  ?selector oa:exact ?exactTerm .
  OPTIONAL { ?selector oa:prefix ?prefix }
  OPTIONAL { ?selector oa:suffix ?suffix }
  BIND (STR(?exactTerm) AS ?exact)
  BIND (COALESCE(STR(?prefix), "") AS ?before)
  BIND (COALESCE(STR(?suffix), "") AS ?after)
}
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
_FIGURES = """
      {
        ?o a akg:MarketSizeObservation ; akg:refYear ?y .
        BIND (STR(?y) AS ?when)
        BIND ("market size (million USD)" AS ?kind)
      } UNION {
        ?o a akg:GrowthRateObservation ; akg:period ?p .
        OPTIONAL { ?p akg:startYear ?sy }
        OPTIONAL { ?p akg:endYear ?ey }
        BIND (CONCAT(COALESCE(STR(?sy), "?"), "-", COALESCE(STR(?ey), "?")) AS ?when)
        BIND ("CAGR (%)" AS ?kind)
      }
      ?o akg:market ?market ; sdmx-dimension:refArea ?area ; akg:segment ?seg ;
         sdmx-measure:obsValue ?v ; prov:hadPrimarySource ?d .
"""

# groups with more than one distinct value, with the evidence (file name, quote; the smallest pair) of
# their lowest and highest value: the evidence is grouped per value once and joined by term, as the
# original query did per value twice
Q_FIGURE_CONFLICTS = _P + """
SELECT ?kind ?market ?area ?seg ?when ?lowest ?highest ?distinctValues ?reports ?v ?w
WHERE {
  {
    SELECT ?kind ?market ?area ?seg ?when (MIN(?v) AS ?lowest) (MAX(?v) AS ?highest)
           (COUNT(DISTINCT ?v) AS ?distinctValues) (COUNT(DISTINCT ?d) AS ?reports)
    WHERE {""" + _FIGURES + """    }
    GROUP BY ?kind ?market ?area ?seg ?when
    HAVING (COUNT(DISTINCT ?v) > 1)
  }
  {
    SELECT ?kind ?market ?area ?seg ?when ?v (MIN(CONCAT(STR(?src), "\\u001F", STR(?exact))) AS ?w)
    WHERE {""" + _FIGURES + """      ?o prov:wasDerivedFrom ?span .
      ?span oa:hasSelector ?sel .
      ?sel oa:exact ?exact .
      ?d dcterms:identifier ?src .
    }
    GROUP BY ?kind ?market ?area ?seg ?when ?v
  }
  FILTER (sameTerm(?v, ?lowest) || sameTerm(?v, ?highest))
}
"""

# every stated CAGR with the same report's market sizes it is checked against (cagr-consistency without
# its labels and tolerance): the start value at the CAGR's start year or the latest earlier year, and the
# query's tolerance-free arithmetic (see its description), copied verbatim so the numbers are the same
Q_CAGR_CHECKS = _P + """
SELECT DISTINCT ?market ?area ?seg ?r ?cagrStartYear ?cagrEndYear ?startYear ?startValue ?endValue
       ?document ?cagrQuote ?growth ?statedFactor ?impliedFactor ?impliedCagrPercent
WHERE {
  {
    SELECT ?rate ?doc ?market ?area ?seg ?r ?cagrStartYear ?cagrEndYear (MAX(?yearOfValue) AS ?startYear)
    WHERE {
      {
        SELECT ?rate ?doc ?market ?area ?seg ?r ?cagrStartYear ?cagrEndYear
        WHERE {
          ?rate a akg:GrowthRateObservation ; prov:hadPrimarySource ?doc ; akg:market ?market ;
                sdmx-dimension:refArea ?area ; akg:segment ?seg ; sdmx-measure:obsValue ?r ; akg:period ?period .
          ?period akg:startYear ?sy ; akg:endYear ?ey .
          BIND (xsd:integer(STR(?sy)) AS ?cagrStartYear)
          BIND (xsd:integer(STR(?ey)) AS ?cagrEndYear)
        }
      }
      {
        SELECT ?doc ?market ?area ?seg ?yearOfValue
        WHERE {
          ?size akg:refYear ?vy ; prov:hadPrimarySource ?doc ; akg:market ?market ;
                sdmx-dimension:refArea ?area ; akg:segment ?seg ; sdmx-measure:obsValue ?anyValue .
          BIND (xsd:integer(STR(?vy)) AS ?yearOfValue)
        }
      }
      FILTER (?yearOfValue <= ?cagrStartYear)
    }
    GROUP BY ?rate ?doc ?market ?area ?seg ?r ?cagrStartYear ?cagrEndYear
  }
  {
    SELECT ?doc ?market ?area ?seg ?startGYear ?startValue
    WHERE {
      ?start akg:refYear ?startGYear ; prov:hadPrimarySource ?doc ; akg:market ?market ;
             sdmx-dimension:refArea ?area ; akg:segment ?seg ; sdmx-measure:obsValue ?startValue .
    }
  }
  FILTER (xsd:integer(STR(?startGYear)) = ?startYear)
  {
    SELECT ?doc ?market ?area ?seg ?endGYear ?endValue
    WHERE {
      ?end akg:refYear ?endGYear ; prov:hadPrimarySource ?doc ; akg:market ?market ;
           sdmx-dimension:refArea ?area ; akg:segment ?seg ; sdmx-measure:obsValue ?endValue .
    }
  }
  FILTER (xsd:integer(STR(?endGYear)) = ?cagrEndYear)
  FILTER (?startValue > 0)
  FILTER (?cagrEndYear - ?startYear >= 1 && ?cagrEndYear - ?startYear <= 31)
  ?doc dcterms:identifier ?document .
  {
    SELECT ?rate (MIN(STR(?exact)) AS ?cagrQuote)
    WHERE {
      ?rate a akg:GrowthRateObservation ; prov:wasDerivedFrom ?span .
      ?span oa:hasSelector ?sel .
      ?sel oa:exact ?exact .
    }
    GROUP BY ?rate
  }
  BIND (?cagrEndYear - ?startYear AS ?years)
  # the bits of n
  BIND (?years - 2 * FLOOR(?years / 2) AS ?b0)
  BIND (FLOOR(?years / 2) AS ?n1)
  BIND (?n1 - 2 * FLOOR(?n1 / 2) AS ?b1)
  BIND (FLOOR(?n1 / 2) AS ?n2)
  BIND (?n2 - 2 * FLOOR(?n2 / 2) AS ?b2)
  BIND (FLOOR(?n2 / 2) AS ?n3)
  BIND (?n3 - 2 * FLOOR(?n3 / 2) AS ?b3)
  BIND (FLOOR(?n3 / 2) AS ?b4)
  # stated factor (1 + r)^n
  BIND (1 + ?r / 100 AS ?s1)
  BIND (ROUND((?s1 * ?s1) * 1000000000) / 1000000000 AS ?s2)
  BIND (ROUND((?s2 * ?s2) * 1000000000) / 1000000000 AS ?s4)
  BIND (ROUND((?s4 * ?s4) * 1000000000) / 1000000000 AS ?s8)
  BIND (ROUND((?s8 * ?s8) * 1000000000) / 1000000000 AS ?s16)
  BIND (ROUND((IF(?b0 = 1, ?s1, 1) * IF(?b1 = 1, ?s2, 1)) * 1000000000) / 1000000000 AS ?sA)
  BIND (ROUND((?sA * IF(?b2 = 1, ?s4, 1)) * 1000000000) / 1000000000 AS ?sB)
  BIND (ROUND((?sB * IF(?b3 = 1, ?s8, 1)) * 1000000000) / 1000000000 AS ?sC)
  BIND (ROUND((?sC * IF(?b4 = 1, ?s16, 1)) * 1000000000) / 1000000000 AS ?statedPower)
  BIND (ROUND((?endValue / ?startValue) * 1000000000) / 1000000000 AS ?growth)
  # implied rate, for reading only: Newton x' = x - (x^n - g) x / (n x^n) for x^n = g, from x = 1 + r
  BIND (?s1 AS ?x0)
  BIND (?statedPower AS ?p0)
  BIND (ROUND((?x0 - (?p0 - ?growth) * ?x0 / (?years * ?p0)) * 1000000000) / 1000000000 AS ?x1)
  # x1^n
  BIND (?x1 AS ?x1_1)
  BIND (ROUND((?x1_1 * ?x1_1) * 1000000000) / 1000000000 AS ?x1_2)
  BIND (ROUND((?x1_2 * ?x1_2) * 1000000000) / 1000000000 AS ?x1_4)
  BIND (ROUND((?x1_4 * ?x1_4) * 1000000000) / 1000000000 AS ?x1_8)
  BIND (ROUND((?x1_8 * ?x1_8) * 1000000000) / 1000000000 AS ?x1_16)
  BIND (ROUND((IF(?b0 = 1, ?x1_1, 1) * IF(?b1 = 1, ?x1_2, 1)) * 1000000000) / 1000000000 AS ?x1_A)
  BIND (ROUND((?x1_A * IF(?b2 = 1, ?x1_4, 1)) * 1000000000) / 1000000000 AS ?x1_B)
  BIND (ROUND((?x1_B * IF(?b3 = 1, ?x1_8, 1)) * 1000000000) / 1000000000 AS ?x1_C)
  BIND (ROUND((?x1_C * IF(?b4 = 1, ?x1_16, 1)) * 1000000000) / 1000000000 AS ?p1)
  BIND (ROUND((?x1 - (?p1 - ?growth) * ?x1 / (?years * ?p1)) * 1000000000) / 1000000000 AS ?x2)
  # x2^n
  BIND (?x2 AS ?x2_1)
  BIND (ROUND((?x2_1 * ?x2_1) * 1000000000) / 1000000000 AS ?x2_2)
  BIND (ROUND((?x2_2 * ?x2_2) * 1000000000) / 1000000000 AS ?x2_4)
  BIND (ROUND((?x2_4 * ?x2_4) * 1000000000) / 1000000000 AS ?x2_8)
  BIND (ROUND((?x2_8 * ?x2_8) * 1000000000) / 1000000000 AS ?x2_16)
  BIND (ROUND((IF(?b0 = 1, ?x2_1, 1) * IF(?b1 = 1, ?x2_2, 1)) * 1000000000) / 1000000000 AS ?x2_A)
  BIND (ROUND((?x2_A * IF(?b2 = 1, ?x2_4, 1)) * 1000000000) / 1000000000 AS ?x2_B)
  BIND (ROUND((?x2_B * IF(?b3 = 1, ?x2_8, 1)) * 1000000000) / 1000000000 AS ?x2_C)
  BIND (ROUND((?x2_C * IF(?b4 = 1, ?x2_16, 1)) * 1000000000) / 1000000000 AS ?p2)
  BIND (ROUND((?x2 - (?p2 - ?growth) * ?x2 / (?years * ?p2)) * 1000000000) / 1000000000 AS ?x3)
  BIND (ROUND((?x3 - 1) * 10000) / 100 AS ?impliedCagrPercent)
  BIND (ROUND(?statedPower * 10000) / 10000 AS ?statedFactor)
  BIND (ROUND(?growth * 10000) / 10000 AS ?impliedFactor)
}
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
    for company, market, reports in _select(store, Q_COMPANY_MARKET_REPORTS).rows:
        if company is not None and market is not None:
            node = per_market.node(company, market)
            per_market.add(node, AKG.summaryCompany, company)
            per_market.add(node, AKG.summaryMarket, market)
            per_market.add(node, AKG.reportCount, reports)
    for company, market, quote in _select(store, Q_COMPANY_MARKET_QUOTE).rows:
        if company is not None and market is not None:
            node = per_market.node(company, market)
            per_market.add(node, AKG.summaryCompany, company)
            per_market.add(node, AKG.summaryMarket, market)
            per_market.add(node, AKG.evidenceQuote, quote)
    per_company = _Derived(g, "company", AKG.CompanySummary)
    for company, markets in _select(store, Q_COMPANY_MARKETS).rows:
        if company is not None:
            node = per_company.node(company)
            per_company.add(node, AKG.summaryCompany, company)
            per_company.add(node, AKG.marketCount, markets)
    for query, prop in ((Q_COMPANY_ALIASES, AKG.aliasList), (Q_COMPANY_COUNTRIES, AKG.countryList)):
        values: dict[Node, set[str]] = defaultdict(set)
        for company, value in _select(store, query).rows:
            if company is not None and value is not None:
                values[company].add(str(value))
        for company, texts in values.items():
            node = per_company.node(company)
            per_company.add(node, AKG.summaryCompany, company)
            per_company.add(node, prop, Literal(" | ".join(sorted(texts))))


def _segment_summaries(store: Store, g: Graph) -> None:
    per_segment = _Derived(g, "segment", AKG.SegmentSummary)
    for segment, reports in _select(store, Q_SEGMENT_REPORTS).rows:
        if segment is not None:
            node = per_segment.node(segment)
            per_segment.add(node, AKG.summarySegment, segment)
            per_segment.add(node, AKG.reportCount, reports)


def _figure_conflicts(store: Store, g: Graph) -> None:
    groups: dict[tuple[Node, Node, Node, Node, Node], tuple[Node | None, ...]] = {}
    evidence: dict[tuple[Node, ...], str] = {}
    for kind, market, area, seg, when, lowest, highest, distinct, reports, value, w in \
            _select(store, Q_FIGURE_CONFLICTS).rows:
        if None in (kind, market, area, seg, when, lowest, highest, value, w):
            continue
        assert kind is not None and market is not None and area is not None and seg is not None
        assert when is not None and value is not None
        key = (kind, market, area, seg, when)
        groups[key] = (lowest, highest, distinct, reports)
        evidence[(*key, value)] = str(w)
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


_CAGR_COLUMNS = (
    AKG.rateMarket, AKG.rateArea, AKG.rateSegment, AKG.statedRate, AKG.rateStartYear,
    AKG.rateEndYear, AKG.startValueYear, AKG.startValue, AKG.endValue, AKG.documentSource, AKG.rateQuote,
    AKG.growthFactor, AKG.statedFactor, AKG.impliedFactor, AKG.impliedRate,
)


def _cagr_checks(store: Store, g: Graph) -> None:
    checks = _Derived(g, "cagr-check", AKG.CagrCheck)
    for row in _select(store, Q_CAGR_CHECKS).rows:
        if any(t is None for t in row[:11]):
            continue
        node = checks.node(*(t for t in row[:11] if t is not None))  # the rest are functions of these
        for prop, value in zip(_CAGR_COLUMNS, row, strict=True):
            checks.add(node, prop, value)


def derived_graph(store: Store, g: Graph | None = None) -> Graph:
    """The derived shortcut statements (module docstring), added to ``g`` (a new graph if None)."""
    g = g if g is not None else bind_prefixes(Graph())
    _company_summaries(store, g)
    _segment_summaries(store, g)
    _figure_conflicts(store, g)
    _cagr_checks(store, g)
    return g


def refresh_corpus_graph(store: Store) -> Graph:
    """Recompute the corpus graph from the store and replace it there; returns what was written."""
    g = corpus_graph(store)  # reads only the documents' decisions, never the old corpus graph
    store.replace_graph(str(CORPUS_GRAPH), g)
    return g
