"""kg analyze: each computation on small hand-made graphs, then the exact results on the corpus (goldens).

The goldens in tests/golden/analytics/ are written by ``tests/golden/analytics/regenerate.py`` (run by
hand and reviewed), never by these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from typer.testing import CliRunner

from kg.analytics import analyze, render_table
from kg.analytics.export import clean_attributes, write_graphs
from kg.analytics.graphs import (
    bipartite_graph,
    company_market_graph,
    company_projection,
    market_projection,
)
from kg.analytics.rankings import (
    bridging_companies,
    communities,
    find_market,
    market_overlap,
    value_chain_paths,
)
from kg.build import build
from kg.namespaces import AKG
from kg.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "analytics"
CORPUS = ROOT / "data" / "corpus"
ID = "https://w3id.org/anode-kg/id/"


def hand_bipartite() -> nx.Graph:
    """m1:{A,B}  m2:{B,C}  m3:{C,D}: the company projection is the path A-B-C-D."""
    companies = {f"{ID}company/{c}": c for c in "ABCD"}
    markets = {f"{ID}market/m{i}": f"m{i}" for i in (1, 2, 3)}
    edges = {
        (f"{ID}company/{c}", f"{ID}market/{m}"): 1
        for c, m in (("A", "m1"), ("B", "m1"), ("B", "m2"), ("C", "m2"), ("C", "m3"), ("D", "m3"))
    }
    return bipartite_graph(companies, markets, edges)


# ------------------------------------------------------------------ hand-made graphs


def test_bridging_companies_degree_then_betweenness() -> None:
    b = hand_bipartite()
    rows = bridging_companies(b, company_projection(b))
    # path A-B-C-D: B and C each lie on 2 of the 3 pairs that do not contain them -> 2/3
    assert [(r["company"], r["markets"], r["betweenness"]) for r in rows] == [
        ("B", 2, 0.666667),
        ("C", 2, 0.666667),
        ("A", 1, 0.0),
        ("D", 1, 0.0),
    ]


def test_projections_weights_and_jaccard() -> None:
    b = bipartite_graph(
        {f"{ID}company/{c}": c for c in "ABC"},
        {f"{ID}market/{m}": m for m in ("x", "y")},
        {
            (f"{ID}company/{c}", f"{ID}market/{m}"): 1
            for c, m in (("A", "x"), ("B", "x"), ("B", "y"), ("C", "y"), ("A", "y"))
        },
    )
    companies = company_projection(b)
    assert companies.edges[f"{ID}company/A", f"{ID}company/B"]["weight"] == 2  # share x and y
    assert companies.edges[f"{ID}company/B", f"{ID}company/C"]["weight"] == 1
    [row] = market_overlap(b, market_projection(b))
    # x = {A, B}, y = {A, B, C}: |∩| = 2, |∪| = 3
    assert row == {
        "market_a": "x",
        "market_b": "y",
        "shared_companies": 2,
        "jaccard": 0.666667,
        "companies": ["A", "B"],
    }


def test_louvain_separates_disconnected_clusters() -> None:
    b = bipartite_graph(
        {f"{ID}company/{c}": c for c in "ABCD"},
        {f"{ID}market/{m}": m for m in ("x", "y")},
        {(f"{ID}company/{c}", f"{ID}market/{m}"): 1 for c, m in (("A", "x"), ("B", "x"), ("C", "y"), ("D", "y"))},
    )
    assert [(c["markets"], c["companies"]) for c in communities(b)] == [(["x"], ["A", "B"]), (["y"], ["C", "D"])]


def test_value_chain_paths_and_market_lookup() -> None:
    chain = nx.DiGraph()
    for n, kind in (("hc", "material"), ("m1", "market"), ("m2", "market"), ("sib", "application"), ("m3", "market")):
        chain.add_node(n, label=n.upper(), kind=kind, iri=n)
    chain.add_edges_from([("hc", "m1"), ("hc", "m2"), ("m1", "sib"), ("m2", "sib")])
    paths = value_chain_paths(chain, "m1", "m2")
    assert [[n["label"] for n in p["nodes"]] for p in paths] == [["M1", "HC", "M2"], ["M1", "SIB", "M2"]]
    assert value_chain_paths(chain, "m1", "m3") == []
    assert find_market(chain, "m2") == "m2" and find_market(chain, "M3") == "m3"
    with pytest.raises(ValueError, match="several"):
        find_market(chain, "M")
    with pytest.raises(ValueError, match="no market"):
        find_market(chain, "coke")


def test_company_market_graph_from_sparql() -> None:
    store = open_store("oxigraph:")
    g = Graph()
    c, m = URIRef(f"{ID}company/acme"), URIRef(f"{ID}market/coke")
    g.add((m, RDF.type, AKG.Market))
    g.add((m, RDFS.label, Literal("Coke")))
    g.add((c, AKG.activeIn, m))
    g.add((c, SKOS.prefLabel, Literal("Acme")))
    g.add((c, SKOS.altLabel, Literal("ACME Inc.")))
    store.replace_graph(f"{ID}graph-a", g)
    store.replace_graph(f"{ID}graph-b", g)  # the same triple in two graphs counts once
    b = company_market_graph(store)
    assert sorted(b.nodes(data="label")) == [(str(c), "Acme"), (str(m), "Coke")]
    assert b.edges[str(c), str(m)]["weight"] == 1


def test_export_attributes_and_gexf_without_date(tmp_path: Path) -> None:
    b = hand_bipartite()
    b.nodes[f"{ID}company/A"]["note"] = None
    b.nodes[f"{ID}company/A"]["tags"] = ["y", "x"]
    clean = clean_attributes(b)
    assert "note" not in clean.nodes[f"{ID}company/A"] and clean.nodes[f"{ID}company/A"]["tags"] == "x; y"
    paths = write_graphs({"g": b}, tmp_path)
    assert [p.name for p in paths] == ["g.graphml", "g.gexf"]
    assert "lastmodifieddate" not in (tmp_path / "g.gexf").read_text()
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == 7 and back.number_of_edges() == 6
    nx.read_gexf(tmp_path / "g.gexf")


# ------------------------------------------------------------------ the corpus


@pytest.fixture(scope="module")
def corpus_store() -> Store:
    store = open_store("oxigraph:")
    report = build(store, [CORPUS], jobs=1)
    assert not report.rejected
    return store


def _run(store: Store, out: Path) -> dict[str, Any]:
    return analyze(store, out=out)


def test_corpus_matches_the_golden(corpus_store: Store, tmp_path: Path) -> None:
    result = _run(corpus_store, tmp_path)
    golden = json.loads((GOLDEN / "corpus.json").read_text(encoding="utf-8"))
    assert result == golden, "regenerate with tests/golden/analytics/regenerate.py and review the diff"
    assert render_table(result) == (GOLDEN / "corpus.txt").read_text(encoding="utf-8")


def test_corpus_self_disagreements(corpus_store: Store, tmp_path: Path) -> None:
    """The two reports that contradict themselves, spelled out (the golden holds the rest)."""
    findings = _run(corpus_store, tmp_path)["audit"]["findings"]
    bad = {
        f["subject"]: (f["stated"], f["implied"], f["difference"], f["period"])
        for f in findings
        if f["status"] == "disagrees"
    }
    assert bad == {
        "Anode Material for Sodium-ion Battery, Global, CAGR 2025-2032": (15.7, 17.5891, -1.8891, [2024, 2032]),
        "Carbon Anode for Aluminum Electrolysis, Global, CAGR 2025-2032": (5.3, 5.9942, -0.6942, [2025, 2032]),
    }


def test_corpus_runs_are_deterministic(corpus_store: Store, tmp_path: Path) -> None:
    first, second = _run(corpus_store, tmp_path / "a"), _run(corpus_store, tmp_path / "b")
    assert json.dumps(first) == json.dumps(second)
    for name in first["files"]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_corpus_audit_graph_conforms(corpus_store: Store, tmp_path: Path) -> None:
    validate = pytest.importorskip("kg.validate").validate
    _run(corpus_store, tmp_path)
    report = validate(corpus_store)
    assert report.conforms, str(report)


def test_cli_analyze(tmp_path: Path) -> None:
    from kg.cli import app

    spec = f"oxigraph:{tmp_path / 'store'}"
    runner = CliRunner()
    assert runner.invoke(app, ["--store", spec, "build", str(CORPUS)]).exit_code == 0
    res = runner.invoke(
        app,
        [
            "--store",
            spec,
            "analyze",
            "--format",
            "json",
            "--out",
            str(tmp_path / "g"),
            "--from",
            "Hard Carbon Anode",
            "--to",
            "Negative Coke",
        ],
    )
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["paths"]["from"] == "Hard Carbon Anode" and doc["paths"]["paths"]
    assert (tmp_path / "g" / "company-market.graphml").exists()
    table = runner.invoke(app, ["--store", spec, "analyze"])
    assert table.exit_code == 0 and "Audit findings" in table.stdout
    bad = runner.invoke(app, ["--store", spec, "analyze", "--from", "nothing-like-it", "--to", "Coke"])
    assert bad.exit_code == 2 and "matches no market" in bad.output
