"""SHACL: the mapped graph conforms; broken graphs do not, with readable messages."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from kg.namespaces import AKG, OA, SDMX_MEASURE
from kg.rdf.corpus import refresh_corpus_graph
from kg.rdf.iris import doc_graph_iri, doc_iri, fragment, iri, span_iri
from kg.store import open_store
from kg.validate import validate, validate_graph
from tests.test_mapping import EV, SOURCE, sample_graph


def with_corpus(g: Graph) -> Graph:
    """The document graph plus its corpus graph (prefLabels), as a store's union would hold."""
    store = open_store("memory")
    store.replace_graph(str(doc_graph_iri(SOURCE)), g)
    return g + refresh_corpus_graph(store)


def test_store_conforms_after_corpus_refresh() -> None:
    store = open_store("memory")
    store.replace_graph(str(doc_graph_iri(SOURCE)), sample_graph())
    before = validate(store)
    assert not before.conforms
    assert any("prefLabel" in m for m in before.messages)
    refresh_corpus_graph(store)
    report = validate(store)
    assert report.conforms, str(report)


def test_oxigraph_store_conforms() -> None:
    store = open_store("oxigraph")
    store.replace_graph(str(doc_graph_iri(SOURCE)), sample_graph())
    refresh_corpus_graph(store)
    assert validate(store).conforms


def size_obs(g: Graph) -> Node:
    return next(s for s in g.subjects(RDF.type, AKG.MarketSizeObservation)
                if g.value(s, SDMX_MEASURE.obsValue) == Literal("4700.0", datatype=XSD.decimal))


def test_span_with_wrong_length_fails() -> None:
    g = with_corpus(sample_graph())
    pos = fragment(span_iri(SOURCE, EV["size"].start, EV["size"].end), "pos")
    g.set((pos, OA.end, Literal(str(EV["size"].end + 1), datatype=XSD.nonNegativeInteger)))
    report = validate_graph(g)
    assert not report.conforms
    assert any("length of oa:exact" in m for m in report.messages)


def test_observation_without_evidence_fails() -> None:
    g = with_corpus(sample_graph())
    g.remove((size_obs(g), PROV.wasDerivedFrom, None))
    report = validate_graph(g)
    assert not report.conforms
    assert any("evidence span" in m for m in report.messages)


def test_observation_without_run_or_source_fails() -> None:
    g = with_corpus(sample_graph())
    obs = size_obs(g)
    g.remove((obs, PROV.wasGeneratedBy, None))
    g.remove((obs, PROV.hadPrimarySource, None))
    messages = validate_graph(g).messages
    assert any("extraction run" in m for m in messages)
    assert any("primary source" in m for m in messages)


def test_evidence_from_another_document_fails() -> None:
    g = with_corpus(sample_graph())
    other = doc_iri("999_other.txt")
    g.add((other, RDF.type, AKG.ReportDocument))
    g.set((span_iri(SOURCE, EV["size"].start, EV["size"].end), OA.hasSource, other))
    assert any("not in the fact's primary source" in m for m in validate_graph(g).messages)


def test_double_value_and_statistic_on_market_fail() -> None:
    g = with_corpus(sample_graph())
    obs = size_obs(g)
    g.set((obs, SDMX_MEASURE.obsValue, Literal(4700.0, datatype=XSD.double)))
    (stat,) = g.subjects(RDF.type, AKG.OtherStatistic)
    g.add((stat, AKG.market, iri("market", "hard-carbon-anode")))
    messages = validate_graph(g).messages
    assert any("xsd:decimal" in m for m in messages)
    assert any("must not be attributed to a market" in m for m in messages)


def test_bad_country_code_fails() -> None:
    g = with_corpus(sample_graph())
    g.add((iri("company", "kuraray"), AKG.headquartersCountry, Literal("Japan")))
    assert any("alpha-2" in m for m in validate_graph(g).messages)
