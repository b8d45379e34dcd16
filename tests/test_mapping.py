"""map_document on a hand-built document: provenance on every fact, no blank nodes, determinism."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.models import (
    CompanyMention,
    Dynamic,
    Evidence,
    GrowthRate,
    MarketSize,
    RegionMention,
    ReportMeta,
    ResolvedCompany,
    SegmentMention,
    Share,
    Statistic,
    TextDocument,
)
from kg.models import DocumentFacts as Facts
from kg.namespaces import AKG, OA, SDMX_MEASURE
from kg.rdf.iris import ExtractionRun, doc_iri, iri, span_iri
from kg.rdf.mapping import canonical_decimal, map_document

SOURCE = "000_sample.txt"
RUN = ExtractionRun("0.1.0", "cafe1234")

PARTS = [
    ("title", "Hard Carbon Anode Market, Global Outlook and Forecast 2025-2032"),
    ("", "\n\n"),
    ("size", "The global Hard Carbon Anode market was valued at USD 4,700 million in 2023."),
    ("", " "),
    ("cagr", "It is expected to grow at a CAGR of 6.30% from 2025 to 2032."),
    ("", " "),
    ("eur", "Europe accounted for EUR 1.2 billion in 2023."),
    ("", " "),
    ("seg", "Resin-Based Hard Carbon reached USD 2,100.50 million in 2024."),
    ("", " "),
    ("share", "China holds 76% of global production volumes."),
    ("", " "),
    ("stat", "EV sales reached 14 million units in 2023."),
    ("", "\n\nKey players: "),
    ("kur1", "Kuraray Co., Ltd."),
    ("", " ("),
    ("japan", "Japan"),
    ("", "), "),
    ("sgl", "SGL Carbon"),
    ("", " and "),
    ("kur2", "Kuraray"),
    ("", ".\n\nRegions: "),
    ("na", "North America"),
    ("", ", "),
    ("apac", "APAC"),
    ("", ".\n\nBy type: "),
    ("resin", "Resin-Based Hard Carbon"),
    ("", ". By application: "),
    ("sib", "Sodium-Ion Batteries"),
    ("", ".\n\nDrivers: "),
    ("drv", "Rising demand for electric vehicles"),
    ("", ". Restraints: "),
    ("rst", "High production costs"),
    ("", ".\n\nFAQ: "),
    ("cagr2", "CAGR of 6.30% (2025-2032)"),
    ("", "\n"),
]


def build_text() -> tuple[str, dict[str, Evidence]]:
    text, spans = "", {}
    for name, piece in PARTS:
        if name:
            spans[name] = Evidence(start=len(text), end=len(text) + len(piece), quote=piece)
        text += piece
    return text, spans


TEXT, EV = build_text()


def sample_doc(text: str = TEXT, source: str = SOURCE) -> TextDocument:
    return TextDocument(
        source=source,
        raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        media_type="text/plain",
        encoding="utf-8",
        text=text,
        blocks=(),
    )


def sample_facts(source: str = SOURCE) -> Facts:
    from datetime import date

    return Facts(
        source=source,
        meta=ReportMeta(
            title="Hard Carbon Anode Market, Global Outlook and Forecast 2025-2032",
            title_evidence=EV["title"],
            publisher="24ChemicalResearch",
            published=date(2025, 12, 12),
            market="Hard Carbon Anode",
            forecast_period=(2025, 2032),
        ),
        market_sizes=[
            MarketSize(evidence=(EV["size"],), year=2023, value_usd_million=Decimal("4700"), status="actual",
                       value_text="USD 4,700 million", value_million=Decimal("4700")),
            MarketSize(evidence=(EV["eur"],), scope="Europe", year=2023, value_usd_million=None,
                       status="actual", value_text="EUR 1.2 billion", currency="EUR",
                       value_million=Decimal("1200.00")),
            MarketSize(evidence=(EV["seg"],), segment="Resin-Based Hard Carbon", year=2024,
                       value_usd_million=Decimal("2100.50"), status="actual",
                       value_text="USD 2,100.50 million", value_million=Decimal("2100.50")),
        ],
        growth_rates=[
            GrowthRate(evidence=(EV["cagr"], EV["cagr2"]), cagr_percent=Decimal("6.30"), start_year=2025,
                       end_year=2032, value_text="6.30%"),
        ],
        shares=[
            Share(evidence=(EV["share"],), holder="China", holder_kind="region", share_percent=Decimal("76"),
                  of="global production volumes", value_text="76%"),
        ],
        statistics=[Statistic(evidence=(EV["stat"],), label="EV sales", value_text="14 million units")],
        companies=[
            CompanyMention(evidence=(EV["kur1"], EV["kur2"]), name="Kuraray Co., Ltd.", country="JP",
                           country_evidence=EV["japan"]),
            CompanyMention(evidence=(EV["sgl"],), name="SGL Carbon"),
        ],
        regions=[
            RegionMention(evidence=(EV["na"],), label="North America", concept="north-america"),
            RegionMention(evidence=(EV["apac"],), label="APAC", concept="asia-pacific"),
        ],
        segments=[
            SegmentMention(evidence=(EV["resin"],), kind="type", label="Resin-Based Hard Carbon"),
            SegmentMention(evidence=(EV["sib"],), kind="application", label="Sodium-Ion Batteries"),
        ],
        dynamics=[
            Dynamic(evidence=(EV["drv"],), kind="drivers", title="Rising demand for electric vehicles"),
            Dynamic(evidence=(EV["rst"],), kind="restraints", title="High production costs"),
        ],
    )


COMPANIES = {
    "Kuraray Co., Ltd.": ResolvedCompany(
        key="kuraray", name="Kuraray", country="JP", reason="registry alias 'Kuraray Co., Ltd.'",
        method="registry-alias",
    ),
    "SGL Carbon": ResolvedCompany(key="sgl-carbon", name="SGL Carbon", reason="registry exact",
                                  method="registry-exact"),
}


def sample_graph() -> Graph:
    return map_document(sample_doc(), sample_facts(), COMPANIES, RUN)


FACT_CLASSES = [
    AKG.MarketSizeObservation, AKG.GrowthRateObservation, AKG.MarketShareObservation, AKG.OtherStatistic,
    AKG.Driver, AKG.Restraint, AKG.RegionCoverage, AKG.SegmentMention, AKG.ResolutionDecision, RDF.Statement,
]


def test_no_blank_nodes() -> None:
    g = sample_graph()
    assert not [t for t in g if any(isinstance(x, BNode) for x in t)]


def test_every_fact_has_source_spans_and_run() -> None:
    g = sample_graph()
    doc = doc_iri(SOURCE)
    facts = {s for cls in FACT_CLASSES for s in g.subjects(RDF.type, cls)}
    facts |= set(g.subjects(RDF.type, OA.Annotation))
    assert len(facts) >= 15
    for fact in facts:
        assert set(g.objects(fact, PROV.hadPrimarySource)) == {doc}, fact
        assert set(g.objects(fact, PROV.wasGeneratedBy)) == {RUN.iri}, fact
        spans = set(g.objects(fact, PROV.wasDerivedFrom))
        assert spans, fact
        for span in spans:
            assert g.value(span, OA.hasSource) == doc


def test_span_text_matches_offsets() -> None:
    g = sample_graph()
    spans = set(g.subjects(RDF.type, OA.SpecificResource))
    assert spans
    for span in spans:
        sels = list(g.objects(span, OA.hasSelector))
        exact = next(g.value(s, OA.exact) for s in sels if g.value(s, OA.exact) is not None)
        pos = next(s for s in sels if g.value(s, OA.start) is not None)
        start, end = int(str(g.value(pos, OA.start))), int(str(g.value(pos, OA.end)))
        assert TEXT[start:end] == str(exact)
        assert g.value(pos, OA.start).datatype == XSD.nonNegativeInteger  # type: ignore[union-attr]


def test_fact_stated_twice_is_one_node_with_two_spans() -> None:
    g = sample_graph()
    rates = list(g.subjects(RDF.type, AKG.GrowthRateObservation))
    assert len(rates) == 1
    assert set(g.objects(rates[0], PROV.wasDerivedFrom)) == {
        span_iri(SOURCE, EV[k].start, EV[k].end) for k in ("cagr", "cagr2")
    }


def test_values_are_canonical_decimals_and_unconverted_kept() -> None:
    g = sample_graph()
    values = {str(v) for v in g.objects(None, SDMX_MEASURE.obsValue)}
    assert {"4700.0", "2100.5", "6.3", "76.0"} <= values
    eur = [o for o in g.subjects(AKG.currency, Literal("EUR"))]
    assert len(eur) == 1
    assert g.value(eur[0], SDMX_MEASURE.obsValue) is None
    assert g.value(eur[0], AKG.valueInOwnCurrency) == Literal("1200.0", datatype=XSD.decimal)
    assert g.value(eur[0], AKG.convertedToUSD) == Literal(False)


def test_statistic_is_not_a_market_observation() -> None:
    g = sample_graph()
    (stat,) = g.subjects(RDF.type, AKG.OtherStatistic)
    assert g.value(stat, AKG.market) is None
    assert (stat, RDF.type, URIRef("http://purl.org/linked-data/cube#Observation")) not in g


def test_company_spellings_and_no_preflabel_in_document_graph() -> None:
    g = sample_graph()
    kuraray = iri("company", "kuraray")
    assert set(map(str, g.objects(kuraray, SKOS.altLabel))) == {"Kuraray Co., Ltd."}
    assert g.value(kuraray, SKOS.prefLabel) is None
    assert len(list(g.subjects(OA.hasBody, kuraray))) == 2  # one annotation per occurrence
    assert (kuraray, AKG.activeIn, iri("market", "hard-carbon-anode")) in g


def test_evidence_must_match_text() -> None:
    facts = sample_facts()
    bad = Evidence(start=EV["size"].start, end=EV["size"].end, quote="something else")
    facts.statistics.append(Statistic(evidence=(bad,), label="x", value_text="1"))
    with pytest.raises(ValueError, match="does not match"):
        map_document(sample_doc(), facts, COMPANIES, RUN)


def test_deterministic() -> None:
    a, b = sample_graph(), sample_graph()
    assert isomorphic(a, b)
    nt_a = sorted(a.serialize(format="nt").splitlines())
    nt_b = sorted(b.serialize(format="nt").splitlines())
    assert nt_a == nt_b
    assert a.serialize(format="turtle") == b.serialize(format="turtle")


def test_canonical_decimal() -> None:
    assert str(canonical_decimal(Decimal("5133.50"))) == "5133.5"
    assert str(canonical_decimal(Decimal("4700"))) == "4700.0"
    assert str(canonical_decimal(Decimal("0.00"))) == "0.0"
    assert str(canonical_decimal(Decimal("1E+3"))) == "1000.0"


def test_identical_bytes_across_hash_seeds() -> None:
    """Sorted N-Triples and Turtle do not depend on PYTHONHASHSEED (set iteration order)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from tests.test_mapping import sample_graph; g = sample_graph(); "
        "print('\\n'.join(sorted(g.serialize(format='nt').splitlines()))); print(g.serialize(format='turtle'))"
    )
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        root = Path(__file__).resolve().parents[1]
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                             cwd=root)
        outs.add(res.stdout)
    assert len(outs) == 1


def test_compass_sub_area_is_labelled_as_written_under_its_country() -> None:
    from kg.extract.document import extract_document
    from kg.ingest.text import render_text
    from kg.rdf.iris import geo_iri

    doc = render_text(
        "<h1>Battery Graphite Market in India 2025-2032</h1><h2>Regional Insights</h2>"
        "<ul><li><b>South India</b>: cell plants.</li><li><b>West India</b>: pack assembly.</li></ul>",
        "text/html",
    )
    facts = extract_document(doc)
    graph = map_document(doc, facts, {}, ExtractionRun("test", "0"))
    south = geo_iri("south-india")
    assert graph.value(south, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == Literal("South India")
    assert (south, SKOS.broader, geo_iri("india")) in graph


def test_worker_ntriples_hold_exactly_the_graph() -> None:
    """The build worker's fast path (map_triples -> ntriples) writes what map_document's Graph holds."""
    import pyoxigraph as ox

    from kg.rdf.mapping import map_triples
    from kg.store import _rdf

    graph = sample_graph()
    data = _rdf.ntriples(map_triples(sample_doc(), sample_facts(), COMPANIES, RUN))
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(graph)
    reference = ox.serialize(_rdf.to_ox_triples(graph), format=ox.RdfFormat.N_TRIPLES) or b""
    assert sorted(lines) == sorted(reference.decode("utf-8").splitlines())
    assert isomorphic(Graph().parse(data=data.decode("utf-8"), format="nt"), graph)


def test_same_key_new_value_gets_its_own_node_same_value_merges() -> None:
    facts = sample_facts()
    first = facts.market_sizes[0]
    facts.market_sizes.append(first.model_copy(update={"evidence": (EV["cagr"],)}))  # same value: merges
    facts.market_sizes.append(first.model_copy(update={"value_usd_million": Decimal("4800"),
                                                       "value_million": Decimal("4800")}))
    g = map_document(sample_doc(), facts, COMPANIES, RUN)
    nodes = {s for s in g.subjects(RDF.type, AKG.MarketSizeObservation) if "/global/total/2023" in str(s)}
    assert len(nodes) == 2
    merged = next(n for n in nodes if str(n).endswith("/2023"))
    assert len(set(g.objects(merged, PROV.wasDerivedFrom))) == 2
    split = next(n for n in nodes if n != merged)
    assert str(split).endswith("/v-4800-0")
    assert g.value(split, SDMX_MEASURE.obsValue) == Literal("4800.0", datatype=XSD.decimal)


def test_triples_dedupe_by_term_and_keep_first_value() -> None:
    from kg.rdf.mapping import Triples

    s, p = URIRef("http://example.org/s"), URIRef("http://example.org/p")
    t = Triples()
    t.add(s, p, Literal("1"))
    t.add(URIRef(str(s)), URIRef(str(p)), Literal("1"))  # equal terms, other objects: one triple
    t.add(s, p, Literal("1", datatype=XSD.integer))  # another term (typed): a second triple
    t.add(s, p, URIRef("1"))
    assert len(t) == 3
    assert t.value(s, p) == Literal("1")
    assert t.value(p, s) is None
    g = t.graph()
    assert set(g) == set(t) and len(g) == 3
    assert dict(g.namespaces())["akg"] == URIRef(str(AKG))
