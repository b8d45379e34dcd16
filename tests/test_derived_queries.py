"""The stored queries that read the corpus graph's derived summaries give the rows their originals gave.

Each rewritten query keeps its original text in tests/reference_queries/NAME.rq (aggregating the documents'
graphs directly, as it did before kg.rdf.corpus materialised the aggregates). Both run on several stores
-- the handmade graphs (both backends), data/corpus built by the pipeline, a 200-document synthetic
corpus (benchmarks/synth.py), tiny stores built to disagree -- with default and non-default parameters,
and must return the same rows (compared as the goldens are: numbers by value, lists as sets of parts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal

from kg.namespaces import AKG
from kg.queries import QUERIES_DIR, get_query, list_queries, parse_query_file
from kg.rdf.corpus import CORPUS_GRAPH, DYNAMIC_THEMES, derived_graph, refresh_corpus_graph
from kg.rdf.iris import concept_iri, doc_graph_iri, iri
from kg.store import SelectResult, Store, open_store
from tests.golden.handmade import handmade_graphs, handmade_store_with_sizes
from tests.golden.regen import CORPUS, normalise_rows

REFERENCE_DIR = Path(__file__).resolve().parent / "reference_queries"
REFERENCES = sorted(p.stem for p in REFERENCE_DIR.glob("*.rq"))
DERIVED_CLASSES = (
    "CompanyMarketSummary", "CompanySummary", "SegmentSummary", "FigureConflict", "DynamicThemeSummary",
)
#: parameter sets run on top of the defaults (a query only takes the ones it declares)
PARAMS: list[dict[str, str]] = [
    {}, {"minMarkets": "1"}, {"minMarkets": "3"},
    {"company": "Kuraray"}, {"company": "BTR"}, {"company": "no such company"},
]


def _run(store: Store, text: str, params: dict[str, str], name: str) -> SelectResult:
    stored = get_query(name)
    bindings = stored.bindings({k: v for k, v in params.items() if k in {p.name for p in stored.params}})
    result = store.query(text, bindings)
    assert isinstance(result, SelectResult)
    return result


def assert_same_as_reference(store: Store, label: str) -> int:
    """Every rewritten query, every parameter set: stored rows == reference rows; returns rows compared."""
    compared = 0
    for name in REFERENCES:
        reference = parse_query_file(REFERENCE_DIR / f"{name}.rq").text
        for params in PARAMS:
            stored = _run(store, get_query(name).text, params, name)
            expected = _run(store, reference, params, name)
            assert stored.variables == expected.variables, (label, name)
            assert normalise_rows(stored) == normalise_rows(expected), (label, name, params)
            compared += len(expected.rows)
    return compared


def _handmade(backend: str) -> Store:
    store = open_store(backend)
    for source, graph in handmade_graphs().items():
        store.replace_graph(str(doc_graph_iri(source)), graph)
    refresh_corpus_graph(store)
    return store


def test_every_query_reading_a_derived_summary_has_its_reference() -> None:
    readers = {q.name for q in list_queries(QUERIES_DIR)
               if re.search(r"akg:(" + "|".join(DERIVED_CLASSES) + r")\b", q.text)}
    assert readers == set(REFERENCES)
    for name in REFERENCES:  # the reference aggregates the documents: it reads no derived statement
        text = (REFERENCE_DIR / f"{name}.rq").read_text(encoding="utf-8")
        assert not re.search(r"akg:(" + "|".join(DERIVED_CLASSES) + r")\b", text), name


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_handmade_graphs(backend: str) -> None:
    store = _handmade(backend)
    assert assert_same_as_reference(store, f"handmade/{backend}") > 0


def test_disagreeing_sizes_within_and_across_reports() -> None:
    for statements in ([("a.txt", 100), ("b.txt", 120), ("c.txt", 150), ("d.txt", 90), ("d.txt", 95)],
                       [("d.txt", 90), ("d.txt", 95)], [("a.txt", 100), ("b.txt", 100)]):
        store = handmade_store_with_sizes(statements)
        refresh_corpus_graph(store)
        assert_same_as_reference(store, str(statements))


def test_figures_that_are_blank_nodes() -> None:
    """The conflicts fetch their figures' evidence by naming the figures (VALUES); figures that are blank
    nodes cannot be named, so the whole figure pattern is used instead: same rows as the reference."""
    from kg.rdf.mapping import map_document
    from tests.golden.handmade import RUN, sized_document

    store = open_store("oxigraph")
    for source, values in (("a.txt", [100]), ("b.txt", [120, 150]), ("c.txt", [90])):
        doc, facts = sized_document(source, values)
        graph = map_document(doc, facts, {}, RUN)
        figures = {s: BNode() for s in graph.subjects(RDF.type, AKG.MarketSizeObservation)}
        blank = Graph()
        for s, p, o in graph:
            blank.add((figures.get(s, s), p, figures.get(o, o)))  # type: ignore[arg-type]
        store.replace_graph(str(doc_graph_iri(source)), blank)
    refresh_corpus_graph(store)
    conflicts = _run(store, get_query("conflicting-figures").text, {}, "conflicting-figures")
    assert len(conflicts.rows) == 1
    assert_same_as_reference(store, "blank-node figures")


@pytest.fixture(scope="module")
def seeds() -> Iterator[Store]:
    from kg.build import build

    store = open_store("oxigraph")
    report = build(store, [CORPUS], jobs=1)
    assert not report.rejected
    yield store
    store.close()


def test_seed_corpus(seeds: Store) -> None:
    assert assert_same_as_reference(seeds, "seeds") > 0


def test_synthetic_corpus(tmp_path: Path) -> None:
    from benchmarks.synth import generate
    from kg.build import build

    generate(tmp_path, 200, seed=11)
    store = open_store("oxigraph")
    report = build(store, [tmp_path / "corpus"], jobs=1)
    assert len(report.built) == 200
    assert assert_same_as_reference(store, "synthetic-200") > 1000


def test_without_a_refresh_the_rewritten_queries_differ() -> None:
    """The summaries live in the corpus graph only: without it every rewritten query answers differently
    from its reference (so it really reads them), and a refresh brings back exactly the reference rows."""
    store = open_store("oxigraph")
    for source, graph in handmade_graphs().items():
        store.replace_graph(str(doc_graph_iri(source)), graph)
    for name in REFERENCES:
        reference = parse_query_file(REFERENCE_DIR / f"{name}.rq").text
        expected = normalise_rows(_run(store, reference, {}, name))
        assert expected and normalise_rows(_run(store, get_query(name).text, {}, name)) != expected, name
    refresh_corpus_graph(store)
    assert_same_as_reference(store, "after refresh")


def test_derived_statements_do_not_depend_on_the_previous_refresh(seeds: Store) -> None:
    """Computed from the documents' graphs only: the same with the old corpus graph present or dropped."""
    with_old = sorted(derived_graph(seeds))
    seeds.drop_graph(str(CORPUS_GRAPH))
    try:
        assert sorted(derived_graph(seeds)) == with_old
    finally:
        refresh_corpus_graph(seeds)
    assert len(with_old) > 100


def test_dynamic_themes_are_the_keyword_table_the_query_had() -> None:
    """The theme table moved from shared-dynamics' VALUES block to kg.rdf.corpus unchanged."""
    text = (REFERENCE_DIR / "shared-dynamics.rq").read_text(encoding="utf-8")
    block = re.search(r"VALUES \(\?theme \?keyword\) \{(.*?)\}", text, re.S)
    assert block is not None
    pairs = re.findall(r'\("([^"]*)" "([^"]*)"\)', block.group(1))
    assert len(pairs) > 20
    assert pairs == [(theme, keyword) for theme, keywords in DYNAMIC_THEMES for keyword in keywords]


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_dynamic_themes_on_invented_dynamics(backend: str) -> None:
    """Titles matched case-insensitively, a title under two themes, one under none, a dynamic with two
    labels, a market with two names, a dynamic stated by two documents, kinds other than driver/restraint:
    the summaries give the reference's rows, and the unmatched title is in no theme."""
    store = open_store(backend)
    markets = {m: iri("market", m) for m in ("alpha", "beta", "gamma")}
    dynamics = [  # (document, key, market, kind, titles)
        ("a.txt", "d1", "alpha", "driver", ["Falling COST of Electric Vehicle batteries"]),
        ("a.txt", "d2", "beta", "restraint", ["Price volatility"]),
        ("b.txt", "d3", "gamma", "opportunity", ["Recycling of scrap", "recycled feedstock"]),
        ("b.txt", "d2", "beta", "restraint", ["Price volatility"]),
        ("b.txt", "d4", "gamma", "trend", ["Weather"]),
    ]
    graphs: dict[str, Graph] = {}
    for source, key, market, kind, titles in dynamics:
        g = graphs.setdefault(source, Graph())
        node = iri("dynamic", key)
        g.add((node, AKG.market, markets[market]))
        g.add((node, AKG.dynamicKind, concept_iri("dynamic-kind", kind)))
        for title in titles:
            g.add((node, RDFS.label, Literal(title)))
        g.add((markets[market], RDFS.label, Literal(f"{market.title()} Market")))
        if market == "gamma":
            g.add((markets[market], RDFS.label, Literal("Gamma (other name)")))
    for source, g in graphs.items():
        store.replace_graph(str(doc_graph_iri(source)), g)
    refresh_corpus_graph(store)
    assert_same_as_reference(store, f"invented dynamics/{backend}")
    rows = {str(r[0]): r for r in _run(store, get_query("shared-dynamics").text, {"minMarkets": "1"},
                                        "shared-dynamics").rows}
    assert set(rows) == {"cost", "electric vehicle", "recycling", "raw material"}
    assert int(str(rows["cost"][1])) == 2 and int(str(rows["cost"][3])) == 1 and int(str(rows["cost"][4])) == 1
    assert "Weather" not in " ".join(str(r[6]) for r in rows.values())
    assert str(rows["raw material"][6]) == "opportunity: recycled feedstock [Gamma (other name)] | " \
        "opportunity: recycled feedstock [Gamma Market]"
    two = _run(store, get_query("shared-dynamics").text, {}, "shared-dynamics").rows
    assert [str(r[0]) for r in two] == ["cost"]
