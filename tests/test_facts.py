"""DocumentFacts -> mapping -> store -> facts_document gives the gold SCHEMA shape, on every backend."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from kg.facts import facts_document
from kg.models import CompanyMention, Evidence, MarketSize, ReportMeta, ResolvedCompany, Share
from kg.models import DocumentFacts as Facts
from kg.rdf.corpus import choose_name, refresh_corpus_graph
from kg.rdf.iris import CORPUS_GRAPH, doc_graph_iri
from kg.rdf.mapping import map_document
from kg.store import open_store
from kg.store.base import Store
from tests.test_mapping import COMPANIES, EV, RUN, SOURCE, sample_doc, sample_facts, sample_graph

BACKENDS = ["memory", "oxigraph"]

EXPECTED_DOC: dict[str, Any] = {
    "source": SOURCE,
    "title": "Hard Carbon Anode Market, Global Outlook and Forecast 2025-2032",
    "publisher": "24ChemicalResearch",
    "published": "2025-12-12",
    "market": "Hard Carbon Anode",
    "forecast_period": [2025, 2032],
    "market_sizes": [
        {"scope": "Global", "segment": None, "year": 2023, "value_usd_million": 4700.0, "status": "actual",
         "evidence": EV["size"].quote},
        {"scope": "Global", "segment": "Resin-Based Hard Carbon", "year": 2024, "value_usd_million": 2100.5,
         "status": "actual", "evidence": EV["seg"].quote},
    ],
    "growth_rates": [
        {"scope": "Global", "segment": None, "cagr_percent": 6.3, "start_year": 2025, "end_year": 2032,
         "evidence": EV["cagr"].quote},
    ],
    "shares": [
        {"holder": "China", "holder_kind": "region", "share_percent": 76.0, "of": "global production volumes",
         "year": None, "evidence": EV["share"].quote},
    ],
    "companies": [
        {"name": "Kuraray", "mentions": ["Kuraray Co., Ltd."], "country": "JP"},
        {"name": "SGL Carbon", "mentions": ["SGL Carbon"], "country": None},
    ],
    "regions": ["North America", "APAC"],
    "segments": {"type": ["Resin-Based Hard Carbon"], "application": ["Sodium-Ion Batteries"],
                 "end_user": []},
    "dynamics": {"drivers": ["Rising demand for electric vehicles"], "restraints": ["High production costs"],
                 "opportunities": [], "challenges": [], "trends": []},
}

SECOND = "001_other.txt"
SECOND_TEXT = (
    "Negative Coke market report. Kuraray (Japan) and Kuraray Co. supply it. USD 5,133.50 million in 2024."
)


def second_document() -> tuple[Any, Facts, dict[str, ResolvedCompany]]:
    doc = sample_doc(SECOND_TEXT, SECOND)

    def ev(s: str) -> Evidence:
        start = SECOND_TEXT.index(s)
        return doc.quote(start, start + len(s))

    facts = Facts(
        source=SECOND,
        meta=ReportMeta(title="Negative Coke market report", market="Negative Coke"),
        market_sizes=[MarketSize(evidence=(ev("USD 5,133.50 million in 2024"),), year=2024,
                                 value_usd_million=Decimal("5133.50"), status="forecast",
                                 value_text="USD 5,133.50 million", value_million=Decimal("5133.50"))],
        companies=[CompanyMention(evidence=(ev("Kuraray (Japan)"),), name="Kuraray (Japan)"),
                   CompanyMention(evidence=(ev("Kuraray Co."),), name="Kuraray Co.")],
    )
    # this document's resolver only normalised the spelling: a different name for the same key
    normalised = ResolvedCompany(key="kuraray", name="Kuraray Co", reason="normalised", method="normalised")
    companies = {"Kuraray (Japan)": normalised, "Kuraray Co.": normalised}
    return doc, facts, companies


def load(spec: str, *, second: bool = False, corpus: bool = True) -> Store:
    store = open_store(spec)
    store.replace_graph(str(doc_graph_iri(SOURCE)), sample_graph())
    if second:
        doc, facts, companies = second_document()
        store.replace_graph(str(doc_graph_iri(SECOND)), map_document(doc, facts, companies, RUN))
    if corpus:
        refresh_corpus_graph(store)
    return store


@pytest.mark.parametrize("spec", BACKENDS)
def test_round_trip_one_document(spec: str) -> None:
    out = facts_document(load(spec))
    assert out["documents"] == [EXPECTED_DOC]
    assert out["companies"] == [
        {"id": "https://w3id.org/anode-kg/id/company/kuraray", "name": "Kuraray",
         "aliases": ["Kuraray", "Kuraray Co., Ltd."], "country": "JP", "sources": [SOURCE]},
        {"id": "https://w3id.org/anode-kg/id/company/sgl-carbon", "name": "SGL Carbon",
         "aliases": ["SGL Carbon"], "country": None, "sources": [SOURCE]},
    ]
    json.dumps(out)  # plain JSON types only


@pytest.mark.parametrize("spec", BACKENDS)
def test_cross_document_company_has_one_name(spec: str) -> None:
    store = load(spec, second=True)
    out = facts_document(store)
    assert [d["source"] for d in out["documents"]] == [SOURCE, SECOND]
    second = out["documents"][1]
    # tie (one document each): the smallest name wins, in both documents and at the top level
    assert choose_name([(SOURCE, "Kuraray"), (SECOND, "Kuraray Co")]) == "Kuraray"
    assert second["companies"] == [{"name": "Kuraray", "mentions": ["Kuraray (Japan)", "Kuraray Co."],
                                    "country": None}]
    assert second["market_sizes"][0]["value_usd_million"] == 5133.5
    kuraray = next(c for c in out["companies"] if c["id"].endswith("/kuraray"))
    assert kuraray["sources"] == [SOURCE, SECOND]
    assert kuraray["aliases"] == ["Kuraray", "Kuraray (Japan)", "Kuraray Co.", "Kuraray Co., Ltd."]
    assert kuraray["country"] == "JP"
    prefs = store.query(
        "SELECT ?l WHERE { <https://w3id.org/anode-kg/id/company/kuraray> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    )
    assert [str(r[0]) for r in prefs.rows] == ["Kuraray"]  # type: ignore[union-attr]
    assert str(CORPUS_GRAPH) in store.graph_names()


@pytest.mark.parametrize("spec", BACKENDS)
def test_facts_do_not_need_the_corpus_graph(spec: str) -> None:
    assert facts_document(load(spec, corpus=False))["documents"] == [EXPECTED_DOC]


def test_replacing_a_document_updates_the_corpus_name() -> None:
    store = load("memory", second=True)
    store.drop_graph(str(doc_graph_iri(SOURCE)))
    refresh_corpus_graph(store)
    out = facts_document(store)
    assert [c["name"] for c in out["companies"]] == ["Kuraray Co"]


def test_backends_agree_and_output_is_stable() -> None:
    a = json.dumps(facts_document(load("memory", second=True)), sort_keys=False)
    b = json.dumps(facts_document(load("oxigraph", second=True)), sort_keys=False)
    assert a == b


def test_statistics_never_appear_as_market_facts() -> None:
    out = facts_document(load("memory"))
    text = json.dumps(out)
    assert EV["stat"].quote not in text


def test_two_evidence_one_fact_first_quote_wins() -> None:
    facts = sample_facts()
    rate = facts.growth_rates[0]
    # same fact, evidence given in reverse order: still one row, evidence = the earliest quote
    facts.growth_rates[0] = rate.model_copy(update={"evidence": (EV["cagr2"], EV["cagr"])})
    store = open_store("memory")
    store.replace_graph(str(doc_graph_iri(SOURCE)), map_document(sample_doc(), facts, COMPANIES, RUN))
    rates = facts_document(store)["documents"][0]["growth_rates"]
    assert len(rates) == 1 and rates[0]["evidence"] == EV["cagr"].quote


def test_unconverted_currency_stays_in_the_graph_but_not_in_million_usd_facts() -> None:
    """The contract's market sizes are million USD: a EUR figure with no stated rate is left out of them."""
    store = load("oxigraph")
    facts = facts_document(store)
    assert all(s["value_usd_million"] is not None for s in facts["documents"][0]["market_sizes"])
    ask = store.query(
        "PREFIX akg: <https://w3id.org/anode-kg/ontology#> "
        "ASK { ?o a akg:MarketSizeObservation ; akg:currency \"EUR\" ; akg:convertedToUSD false }"
    )
    assert ask is True


@pytest.mark.parametrize("spec", BACKENDS)
def test_a_company_holder_is_printed_by_its_canonical_name(spec: str) -> None:
    """A share held by a resolved company names it as its "companies" row does ("Kuraray", not the legal
    spelling the table used), so the two can be joined; a group holder stays as written."""
    facts = sample_facts()
    facts.shares += [
        Share(evidence=(EV["share"],), holder="Kuraray Co., Ltd.", holder_kind="company",
              share_percent=Decimal("31"), of="market share", value_text="31%"),
        Share(evidence=(EV["share"],), holder="Top three producers", holder_kind="company",
              share_percent=Decimal("58"), of="market share", value_text="58%"),
    ]
    store = open_store(spec)
    store.replace_graph(str(doc_graph_iri(SOURCE)), map_document(sample_doc(), facts, COMPANIES, RUN))
    refresh_corpus_graph(store)
    holders = {(s["holder"], s["share_percent"]) for s in facts_document(store)["documents"][0]["shares"]}
    assert holders == {("China", 76.0), ("Kuraray", 31.0), ("Top three producers", 58.0)}
