"""Facts -> triples: the content of one document's named graph.

``map_document`` is a pure function of its inputs: the same document, facts, resolution and run give the
same triples (no blank nodes, no timestamps), so rebuilds diff cleanly and a store can replace a
document's graph as a whole.

Pattern (see ontology/anode.ttl for every term):

- numbers about the report's market are Data Cube observations (``akg:MarketSizeObservation`` ...) with
  ``akg:market``, ``sdmx-dimension:refArea``, ``akg:segment`` (``concept/segment/total`` when the figure
  is not a segment's) and ``akg:refYear``/``akg:period`` as dimensions; ``sdmx-measure:obsValue`` is an
  ``xsd:decimal`` in canonical form (million USD or percent); the value as written is kept as a string;
- numbers NOT about the market are ``akg:OtherStatistic`` nodes, deliberately not ``qb:Observation`` and
  without ``akg:market``, so no market query can pick them up;
- every fact node carries ``prov:hadPrimarySource`` (the document), ``prov:wasDerivedFrom`` (one
  evidence span per Evidence; span IRIs are doc+offsets, so facts citing one sentence share its node) and
  ``prov:wasGeneratedBy`` (the run). A fact's IRI never contains offsets: a fact stated twice (body and
  FAQ) is one node with two spans;
- company-level and market-level statements that simple tools should see as plain triples
  (``company akg:activeIn market``, ``company akg:headquartersCountry "JP"``) carry their per-document
  evidence on an ``rdf:Statement`` (claim/<doc>/...) so the plain triple stays plain;
- a company's ``skos:prefLabel`` is NOT written here: documents may resolve one company key to different
  names, so each document records the name it resolved to (``akg:resolvedName`` on its resolution
  decision) and kg.rdf.corpus picks exactly one prefLabel for the corpus graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as rdf_ns
from rdflib.namespace import DefinedNamespace

from kg import namespaces as ns
from kg.extract.geo import compass_place
from kg.models import (
    CompanyMention,
    DocumentFacts,
    Evidence,
    GrowthRate,
    MarketSize,
    ResolvedCompany,
    Share,
    TextDocument,
)
from kg.rdf.iris import (
    TOTAL_SEGMENT,
    ExtractionRun,
    company_iri,
    concept_iri,
    doc_iri,
    doc_key,
    fragment,
    geo_iri,
    geo_name,
    iri,
    market_iri,
    mention_iri,
    period_iri,
    slug,
    span_iri,
)

__all__ = ["CONTEXT_CHARS", "ExtractionRun", "Triples", "canonical_decimal", "map_document", "map_triples"]


class _Terms:
    """A namespace whose terms are looked up once, then read as plain attributes.

    Why: ``RDF.type`` on an rdflib namespace runs Python code and builds a new URIRef on every access
    (~700 times per document); the mapping only ever reads the same few dozen terms.
    """

    def __init__(self, namespace: Namespace | type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # not a term: copy, pickle and mock probes
            raise AttributeError(name)
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return URIRef(self._namespace[name])


DCTERMS, PROV, QB, RDF, RDFS, SKOS, XSD = map(
    _Terms, (rdf_ns.DCTERMS, rdf_ns.PROV, rdf_ns.QB, rdf_ns.RDF, rdf_ns.RDFS, rdf_ns.SKOS, rdf_ns.XSD)
)
AKG, OA, SCHEMA, UNIT, WD = map(_Terms, (ns.AKG, ns.OA, ns.SCHEMA, ns.UNIT, ns.WD))
SDMX_ATTRIBUTE, SDMX_CODE, SDMX_DIMENSION, SDMX_MEASURE = map(
    _Terms, (ns.SDMX_ATTRIBUTE, ns.SDMX_CODE, ns.SDMX_DIMENSION, ns.SDMX_MEASURE)
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]


class Triples:
    """One document's triples: a set in first-added order, plus the one lookup the mapping reads back.

    Why not an rdflib Graph: its Memory store keeps three indexes and a context map and fires an event
    per ``add``, which was most of the mapping's cost; a build worker only needs the distinct triples,
    written as N-Triples (``kg.store._rdf.ntriples``). Deduplication is rdflib's term equality, as in a
    Graph, so ``graph()`` holds exactly these triples.
    """

    __slots__ = ("_first", "_triples")

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}
        self._first: dict[tuple[URIRef, URIRef], URIRef | Literal] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        t = (s, p, o)
        if t not in self._triples:
            self._triples[t] = None
            self._first.setdefault((s, p), o)

    def value(self, s: URIRef, p: URIRef) -> URIRef | Literal | None:
        """The first object added for (s, p), as ``Graph.value`` (the mapping only asks single-valued ones)."""
        return self._first.get((s, p))

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def graph(self) -> Graph:
        """An rdflib Graph of these triples, with the project prefixes bound."""
        g = ns.bind_prefixes(Graph())
        for t in self._triples:
            g.add(t)
        return g


CONTEXT_CHARS = 32
"""Characters of text kept before/after a quote (oa:prefix / oa:suffix) to re-anchor it if offsets drift."""

DYNAMIC_CLASS = {
    "drivers": ("driver", AKG.Driver),
    "restraints": ("restraint", AKG.Restraint),
    "opportunities": ("opportunity", AKG.Opportunity),
    "challenges": ("challenge", AKG.Challenge),
    "trends": ("trend", AKG.Trend),
}
SEGMENT_KIND_KEY = {"type": "type", "application": "application", "end_user": "end-user"}
STATUS_CODE = {"actual": SDMX_CODE["obsStatus-A"], "forecast": SDMX_CODE["obsStatus-F"]}
DSD = {kind: iri("dsd", kind) for kind in ("market-size", "growth-rate", "market-share")}
VOCAB_DIR = Path(__file__).resolve().parents[2] / "ontology" / "vocab"


def canonical_decimal(value: Decimal | int | str) -> Literal:
    """An ``xsd:decimal`` literal in canonical lexical form ("5133.50" -> "5133.5", "4700" -> "4700.0").

    Oxigraph canonicalises decimals on load while rdflib keeps the lexical form; writing the canonical
    form ourselves makes both stores (and exports) agree byte for byte.
    """
    d = Decimal(value)
    text = format(d.normalize() if d != 0 else Decimal(0), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _last(node: URIRef | Literal) -> str:
    """The last path segment of an IRI minted here (already a slug): reused as a part of another IRI."""
    return str(node).rsplit("/", 1)[-1]


def _year(y: int) -> Literal:
    return Literal(f"{y:04d}", datatype=XSD.gYear)


def _nni(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1)
def _product_labels() -> tuple[tuple[str, str, URIRef], ...]:
    """(lower-case label, predicate kind, concept) from the materials and applications vocabularies.

    Sorted longest label first.

    Lets a market name such as "Hard Carbon Anode" point at its material concept (``akg:product``)
    without the extractor knowing the vocabularies.
    """
    out: list[tuple[str, str, URIRef]] = []
    for name, kind in (("materials.ttl", "product"), ("applications.ttl", "application")):
        path = VOCAB_DIR / name
        if not path.exists():
            continue
        g = Graph().parse(path, format="turtle")
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for concept, _, label in g.triples((None, predicate, None)):
                out.append((str(label).lower(), kind, URIRef(str(concept))))
    out.sort(key=lambda t: (-len(t[0]), t[0], t[1], str(t[2])))
    return tuple(out)


@lru_cache(maxsize=1)
def _product_patterns() -> tuple[tuple[re.Pattern[str], str, URIRef], ...]:
    """``_product_labels`` (3 characters or more) as whole-word patterns, compiled once per process."""
    return tuple(
        (re.compile(rf"(?<![a-z0-9]){re.escape(label)}(?![a-z0-9])"), kind, concept)
        for label, kind, concept in _product_labels()
        if len(label) >= 3
    )


def _market_concepts(market: str) -> list[tuple[URIRef, URIRef]]:
    """(predicate, concept) pairs for the longest material and application labels found in a market name."""
    name = market.lower()
    found: dict[str, URIRef] = {}
    for pattern, kind, concept in _product_patterns():
        if kind not in found and pattern.search(name):
            found[kind] = concept
    return [(AKG[kind], concept) for kind, concept in sorted(found.items())]


class _Mapper:
    """Holds the per-document context so the helpers stay short."""

    def __init__(
        self,
        doc: TextDocument,
        facts: DocumentFacts,
        companies: Mapping[str, ResolvedCompany],
        run: ExtractionRun,
    ) -> None:
        if doc.source != facts.source:
            raise ValueError(f"facts of {facts.source!r} given for document {doc.source!r}")
        self.doc = doc
        self.facts = facts
        self.companies = companies
        self.run = run
        self.run_iri = run.iri  # a property that mints the IRI anew; every fact node cites it
        self.out = Triples()
        self.add = self.out.add
        self.d = doc_iri(doc.source)
        self.key = doc_key(doc.source)
        meta = facts.meta
        self.market_name = meta.market
        self.market = market_iri(meta.market) if meta.market else iri("market/unnamed", self.key)
        # segment label slug -> kind key, so a figure's segment meets the segment list's node
        self.minted: dict[URIRef, str] = {}
        self.spans: dict[tuple[int, int], URIRef] = {}  # (start, end) -> span node already written
        self.segment_kinds: dict[str, str] = {}
        for s in facts.segments:
            self.segment_kinds.setdefault(slug(s.label), SEGMENT_KIND_KEY[s.kind])

    # ------------------------------------------------------------------ helpers
    def local(self, kind: str, *parts: str | int, text: str) -> URIRef:
        """``iri(kind, *parts)`` for a node keyed by ``text``; if another text already slugged to the same
        IRI in this document ("Co." / "Co., Ltd."), this one gets a hash suffix instead of merging."""
        node = iri(kind, *parts)
        if self.minted.setdefault(node, text) != text:
            node = URIRef(f"{node}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}")
            self.minted.setdefault(node, text)
        return node

    def span(self, ev: Evidence) -> URIRef:
        text = self.doc.text
        if ev.end > len(text) or text[ev.start : ev.end] != ev.quote:
            raise ValueError(
                f"{self.doc.source}: evidence [{ev.start}:{ev.end}] {ev.quote!r} "
                "does not match the text rendition"
            )
        node = self.spans.get((ev.start, ev.end))
        if node is not None:  # its triples depend on the offsets only (the quote is their slice)
            return node
        node = self.spans[ev.start, ev.end] = span_iri(self.doc.source, ev.start, ev.end)
        quote, pos = fragment(node, "quote"), fragment(node, "pos")
        add = self.add
        exact = Literal(ev.quote)
        add(node, RDF.type, OA.SpecificResource)
        add(node, RDF.type, PROV.Entity)
        add(node, RDFS.label, exact)
        add(node, OA.hasSource, self.d)
        add(node, OA.hasSelector, quote)
        add(node, OA.hasSelector, pos)
        add(quote, RDF.type, OA.TextQuoteSelector)
        add(quote, OA.exact, exact)
        prefix = text[max(0, ev.start - CONTEXT_CHARS) : ev.start]
        suffix = text[ev.end : ev.end + CONTEXT_CHARS]
        if prefix:
            add(quote, OA.prefix, Literal(prefix))
        if suffix:
            add(quote, OA.suffix, Literal(suffix))
        add(pos, RDF.type, OA.TextPositionSelector)
        add(pos, DCTERMS.conformsTo, AKG.TextRenditionOffsets)
        add(pos, OA.start, _nni(ev.start))
        add(pos, OA.end, _nni(ev.end))
        return node

    def provenance(self, node: URIRef, evidence: Iterable[Evidence]) -> None:
        self.add(node, PROV.hadPrimarySource, self.d)
        self.add(node, PROV.wasGeneratedBy, self.run_iri)
        for ev in evidence:
            self.add(node, PROV.wasDerivedFrom, self.span(ev))

    def claim(
        self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal, evidence: Sequence[Evidence]
    ) -> None:
        """The plain triple plus an rdf:Statement carrying this document's evidence for it."""
        self.add(subject, predicate, obj)
        local = predicate.split("#")[-1]
        node = iri("claim", self.key, local, _last(subject), _last(obj))
        self.add(node, RDF.type, RDF.Statement)
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, predicate)
        self.add(node, RDF.object, obj)
        self.provenance(node, evidence)

    def geo(self, name: str, as_written: str | None = None) -> URIRef:
        """The area's concept, labelled with the vocabulary's name so the graph is readable without it.

        An area the vocabulary does not hold (a compass sub-area such as "South India") is labelled as the
        report writes it and placed under the area it names with ``skos:broader``.
        """
        node = geo_iri(name)
        self.add(node, RDF.type, AKG.GeoArea)
        known = geo_name(name)
        sub_area = compass_place(as_written) if as_written and known == name else None
        self.add(node, RDFS.label, Literal(sub_area.name if sub_area else known))
        if sub_area is not None and sub_area.broader:
            self.add(node, SKOS.broader, geo_iri(sub_area.broader))
        return node

    def period(self, start: int | None, end: int | None) -> URIRef:
        node = period_iri(start, end)
        self.add(node, RDF.type, AKG.Period)
        self.add(node, RDFS.label, Literal(f"{start or '?'}-{end or '?'}"))
        if start is not None:
            self.add(node, AKG.startYear, _year(start))
        if end is not None:
            self.add(node, AKG.endYear, _year(end))
        return node

    def segment(self, label: str, kind_key: str | None = None) -> URIRef:
        kind_key = kind_key or self.segment_kinds.get(slug(label), "unspecified")
        node = iri("segment", _last(self.market), kind_key, label)
        self.add(node, RDF.type, AKG.Segment)
        self.add(node, RDF.type, SKOS.Concept)
        self.add(node, RDFS.label, Literal(label))
        self.add(node, AKG.segmentKind, concept_iri("segment-kind", kind_key))
        self.add(self.market, AKG.hasSegment, node)
        return node

    def dataset(self, kind: str) -> URIRef:
        node = iri("dataset", self.key, kind)
        self.add(node, RDF.type, QB.DataSet)
        self.add(node, QB.structure, DSD[kind])
        title = kind.replace("-", " ").capitalize()
        self.add(node, RDFS.label, Literal(f"{title}s stated in {self.doc.source}"))
        self.add(node, PROV.wasDerivedFrom, self.d)
        return node

    def unique(self, node: URIRef, value: Literal) -> URIRef:
        """Two different values under one key would merge into one node: give the later one its own IRI."""
        existing = self.out.value(node, SDMX_MEASURE.obsValue) or self.out.value(node, AKG.valueInOwnCurrency)
        if existing is not None and existing != value:
            return URIRef(f"{node}/v-{slug(str(value))}")
        return node

    # ------------------------------------------------------------------ the document
    def document(self) -> None:
        add, d, doc, meta = self.add, self.d, self.doc, self.facts.meta
        add(d, RDF.type, AKG.ReportDocument)
        add(d, DCTERMS.identifier, Literal(doc.source))
        add(d, DCTERMS.format, Literal(doc.media_type))
        add(d, AKG.rawSha256, Literal(doc.raw_sha256))
        add(d, AKG.textSha256, Literal(doc.text_sha256))
        add(d, AKG.encoding, Literal(doc.encoding))
        add(d, RDFS.label, Literal(meta.title or doc.source))
        if meta.title:
            add(d, DCTERMS.title, Literal(meta.title))
        if meta.publisher:
            org = iri("org", meta.publisher)
            add(org, RDF.type, AKG.ResearchPublisher)
            add(org, RDFS.label, Literal(meta.publisher))
            add(d, DCTERMS.publisher, org)
        if meta.published:
            add(d, DCTERMS.issued, Literal(meta.published.isoformat(), datatype=XSD.date))
        if meta.forecast_period:
            add(d, AKG.forecastPeriod, self.period(*meta.forecast_period))
        if meta.base_year:
            add(d, AKG.baseYear, _year(meta.base_year))
        m = self.market
        add(m, RDF.type, AKG.Market)
        if self.market_name:
            add(d, SCHEMA.about, m)
            add(m, RDFS.label, Literal(self.market_name))
            add(m, SKOS.prefLabel, Literal(self.market_name))
            for predicate, concept in _market_concepts(self.market_name):
                add(m, predicate, concept)
        else:
            add(m, RDFS.label, Literal(f"Unnamed market of {doc.source}"))
        run, run_iri = self.run, self.run_iri
        add(run_iri, RDF.type, AKG.ExtractionRun)
        add(run_iri, RDFS.label, Literal(f"anode-kg extraction {run.version}, config {run.config_hash}"))
        add(run_iri, AKG.extractorVersion, Literal(run.version))
        add(run_iri, AKG.configHash, Literal(run.config_hash))
        add(run_iri, PROV.wasAssociatedWith, run.agent_iri)
        add(run_iri, PROV.used, d)
        add(run.agent_iri, RDF.type, PROV.SoftwareAgent)
        add(run.agent_iri, RDFS.label, Literal(f"anode-kg extractor {run.version}"))

    # ------------------------------------------------------------------ numbers
    def observation(self, node: URIRef, cls: URIRef, dataset: str, scope: str, value_text: str) -> None:
        """What every observation states alike: its kind, data set, market, area and the value as written."""
        add = self.add
        add(node, RDF.type, cls)
        add(node, QB.dataSet, self.dataset(dataset))
        add(node, AKG.market, self.market)
        add(node, SDMX_DIMENSION.refArea, self.geo(scope))
        add(node, AKG.reportedValueText, Literal(value_text))

    def market_size(self, f: MarketSize) -> None:
        seg = self.segment(f.segment) if f.segment else TOTAL_SEGMENT
        node = iri(
            "obs/market-size", self.key, _last(self.market), f.scope, _last(seg) if f.segment else "total", f.year
        )
        own = canonical_decimal(f.value_million)
        usd = canonical_decimal(f.value_usd_million) if f.value_usd_million is not None else None
        node = self.unique(node, usd if usd is not None else own)
        self.observation(node, AKG.MarketSizeObservation, "market-size", f.scope, f.value_text)
        add = self.add
        add(node, AKG.segment, seg)
        add(node, AKG.refYear, _year(f.year))
        add(node, SDMX_ATTRIBUTE.obsStatus, STATUS_CODE[f.status])
        add(node, AKG.currency, Literal(f.currency))
        add(node, AKG.valueInOwnCurrency, own)
        if usd is not None:
            add(node, SDMX_MEASURE.obsValue, usd)
            add(node, SDMX_ATTRIBUTE.unitMeasure, UNIT.MegaCCY_USD)
            add(node, AKG.convertedToUSD, Literal(True))
        else:
            add(node, AKG.convertedToUSD, Literal(False))
        if f.scope_as_written:
            add(node, AKG.scopeAsWritten, Literal(f.scope_as_written))
        add(node, RDFS.label, Literal(
            f"{self.market_name or 'market'}, {f.scope}{', ' + f.segment if f.segment else ''}, {f.year}: "
            f"{f.value_text} ({f.status})"
        ))
        self.provenance(node, f.evidence)

    def growth_rate(self, f: GrowthRate) -> None:
        seg = self.segment(f.segment) if f.segment else TOTAL_SEGMENT
        period = self.period(f.start_year, f.end_year)
        node = iri(
            "obs/growth-rate", self.key, _last(self.market), f.scope, _last(seg) if f.segment else "total",
            _last(period),
        )
        value = canonical_decimal(f.cagr_percent)
        node = self.unique(node, value)
        self.observation(node, AKG.GrowthRateObservation, "growth-rate", f.scope, f.value_text)
        add = self.add
        add(node, AKG.segment, seg)
        add(node, AKG.period, period)
        add(node, SDMX_MEASURE.obsValue, value)
        add(node, SDMX_ATTRIBUTE.unitMeasure, UNIT.PERCENT)
        if f.scope_as_written:
            add(node, AKG.scopeAsWritten, Literal(f.scope_as_written))
        add(node, RDFS.label, Literal(
            f"{self.market_name or 'market'}, {f.scope}{', ' + f.segment if f.segment else ''}, CAGR "
            f"{f.start_year or '?'}-{f.end_year or '?'}: {f.value_text}"
        ))
        self.provenance(node, f.evidence)

    def share_holder(self, f: Share) -> URIRef:
        if f.holder_kind == "company" and f.holder in self.companies:
            return company_iri(self.companies[f.holder].key)
        if f.holder_kind == "region":
            return self.geo(f.holder)
        if f.holder_kind in ("segment", "application"):
            return self.segment(f.holder, "application" if f.holder_kind == "application" else None)
        node = iri("holder", f.holder_kind, f.holder)
        self.add(node, RDF.type, AKG.ShareHolder)
        self.add(node, RDFS.label, Literal(f.holder))
        return node

    def share(self, f: Share) -> None:
        holder = self.share_holder(f)
        node = iri(
            "obs/market-share", self.key, _last(self.market), f.holder_kind, f.holder, f.of,
            f.year if f.year is not None else "any",
        )
        value = canonical_decimal(f.share_percent)
        node = self.unique(node, value)
        self.observation(node, AKG.MarketShareObservation, "market-share", "Global", f.value_text)
        add = self.add
        add(node, AKG.shareHolder, holder)
        add(node, AKG.holderLabelAsWritten, Literal(f.holder))
        add(node, AKG.holderKind, Literal(f.holder_kind))
        add(node, AKG.shareBasis, Literal(f.of))
        if f.year is not None:
            add(node, AKG.asOfYear, _year(f.year))
        add(node, SDMX_MEASURE.obsValue, value)
        add(node, SDMX_ATTRIBUTE.unitMeasure, UNIT.PERCENT)
        market = self.market_name or "market"
        add(node, RDFS.label, Literal(f"{market}: {f.holder} holds {f.value_text} of {f.of}"))
        self.provenance(node, f.evidence)

    def statistics(self) -> None:
        for f in self.facts.statistics:
            node = self.local("stat", self.key, f.label, f.value_text, text=f"{f.label}\n{f.value_text}")
            self.add(node, RDF.type, AKG.OtherStatistic)
            self.add(node, RDFS.label, Literal(f.label))
            self.add(node, AKG.reportedValueText, Literal(f.value_text))
            self.provenance(node, f.evidence)

    # ------------------------------------------------------------------ entities
    def resolved(self, mention: CompanyMention) -> ResolvedCompany:
        found = self.companies.get(mention.name)
        if found is not None:
            return found
        return ResolvedCompany(key=slug(mention.name), name=mention.name.strip(),
                               reason="not in the resolver's output: minted from the spelling", method="new")

    def company(self, mention: CompanyMention) -> None:
        rc = self.resolved(mention)
        c = company_iri(rc.key)
        add = self.add
        add(c, RDF.type, AKG.Company)
        add(c, SKOS.altLabel, Literal(mention.name))
        if rc.wikidata:
            add(c, SKOS.exactMatch, WD[rc.wikidata])
        if rc.country:
            add(c, AKG.headquartersCountry, Literal(rc.country.upper()))
        decision = self.local("resolution", self.key, mention.name, text=mention.name)
        add(decision, RDF.type, AKG.ResolutionDecision)
        add(decision, RDFS.label, Literal(f"{mention.name} -> {rc.name} ({rc.method})"))
        add(decision, AKG.labelAsWritten, Literal(mention.name))
        add(decision, AKG.resolvedTo, c)
        add(decision, AKG.resolvedName, Literal(rc.name))
        add(decision, AKG.resolutionMethod, Literal(rc.method))
        add(decision, AKG.resolutionReason, Literal(rc.reason))
        self.provenance(decision, mention.evidence)
        for ev in mention.evidence:
            ann = mention_iri(self.doc.source, ev.start, ev.end)
            add(ann, RDF.type, OA.Annotation)
            add(ann, OA.motivatedBy, OA.identifying)
            add(ann, OA.hasBody, c)
            add(ann, OA.hasTarget, span_iri(self.doc.source, ev.start, ev.end))
            add(ann, AKG.labelAsWritten, Literal(mention.name))
            self.provenance(ann, [ev])
        self.claim(c, AKG.activeIn, self.market, mention.evidence)
        if mention.country:
            evidence = [mention.country_evidence] if mention.country_evidence else list(mention.evidence)
            self.claim(c, AKG.headquartersCountry, Literal(mention.country.upper()), evidence)

    def regions(self) -> None:
        for f in self.facts.regions:
            area = self.geo(f.concept, f.label)
            node = self.local("coverage", self.key, f.label, text=f.label)
            self.add(node, RDF.type, AKG.RegionCoverage)
            self.add(node, AKG.region, area)
            self.add(node, AKG.regionLabelAsWritten, Literal(f.label))
            self.add(node, RDFS.label, Literal(f"{self.doc.source} analyses {f.label}"))
            self.add(self.d, AKG.coversRegion, area)
            self.provenance(node, f.evidence)

    def segments(self) -> None:
        for f in self.facts.segments:
            kind = SEGMENT_KIND_KEY[f.kind]
            seg = self.segment(f.label, kind)
            node = self.local("segment-mention", self.key, kind, f.label, text=f.label)
            self.add(node, RDF.type, AKG.SegmentMention)
            self.add(node, AKG.segment, seg)
            self.add(node, AKG.segmentKind, concept_iri("segment-kind", kind))
            self.add(node, AKG.labelAsWritten, Literal(f.label))
            self.add(node, RDFS.label, Literal(f"{self.doc.source} lists {f.kind} segment {f.label}"))
            self.add(self.d, AKG.hasSegment, seg)
            self.provenance(node, f.evidence)

    def dynamics(self) -> None:
        for f in self.facts.dynamics:
            key, cls = DYNAMIC_CLASS[f.kind]
            node = self.local("dynamic", self.key, key, f.title, text=f.title)
            self.add(node, RDF.type, cls)
            self.add(node, AKG.dynamicKind, concept_iri("dynamic-kind", key))
            self.add(node, RDFS.label, Literal(f.title))
            self.add(node, AKG.market, self.market)
            self.add(self.d, AKG.hasDynamic, node)
            self.provenance(node, f.evidence)

    def build(self) -> Triples:
        self.document()
        for ms in self.facts.market_sizes:
            self.market_size(ms)
        for gr in self.facts.growth_rates:
            self.growth_rate(gr)
        for sh in self.facts.shares:
            self.share(sh)
        self.statistics()
        for cm in self.facts.companies:
            self.company(cm)
        self.regions()
        self.segments()
        self.dynamics()
        return self.out


def map_triples(
    doc: TextDocument,
    facts: DocumentFacts,
    companies: Mapping[str, ResolvedCompany],
    run: ExtractionRun,
) -> Triples:
    """The triples of one document's named graph (see the module docstring for the pattern).

    ``companies`` maps each ``CompanyMention.name`` (the spelling as written) to what the resolver made
    of it; a spelling missing from it becomes a new company keyed by its slug, with that reason recorded.
    Raises ValueError when an Evidence quote does not equal its slice of the text rendition.
    """
    return _Mapper(doc, facts, companies, run).build()


def map_document(
    doc: TextDocument,
    facts: DocumentFacts,
    companies: Mapping[str, ResolvedCompany],
    run: ExtractionRun,
) -> Graph:
    """``map_triples`` as an rdflib Graph (tests, the store's ``replace_graph``, one-off mapping)."""
    return map_triples(doc, facts, companies, run).graph()
