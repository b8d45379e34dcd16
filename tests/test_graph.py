"""Properties of the graph built from the corpus: provenance, SHACL, determinism, round trips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from kg.build import build
from kg.ingest.text import load
from kg.store import open_store
from kg.store.base import SelectResult
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
KG = Path(sys.executable).parent / "kg"

SPANS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?source ?start ?end ?exact WHERE {
  ?span oa:hasSource ?doc ; oa:hasSelector ?pos , ?quote .
  ?doc dcterms:identifier ?source .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
}"""

FACTS_WITHOUT_EVIDENCE = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX akg: <https://w3id.org/anode-kg/ontology#>
SELECT ?fact WHERE {
  VALUES ?kind { akg:MarketSizeObservation akg:GrowthRateObservation akg:MarketShareObservation }
  ?fact a ?kind .
  FILTER NOT EXISTS { ?fact prov:wasDerivedFrom ?span ; prov:hadPrimarySource ?doc ; prov:wasGeneratedBy ?run }
}"""


@pytest.fixture(scope="module")
def corpus_store():  # type: ignore[no-untyped-def]
    store = open_store("oxigraph:")
    report = build(store, [CORPUS], jobs=1)
    assert sorted(report.built) == sorted(p.name for p in CORPUS.iterdir())
    return store


def test_every_quote_is_its_slice_of_the_text(corpus_store) -> None:  # type: ignore[no-untyped-def]
    result = corpus_store.query(SPANS)
    assert isinstance(result, SelectResult)
    texts = {p.name: load(p).text for p in CORPUS.iterdir()}
    assert len(result.rows) > 100
    for source, start, end, exact in result.rows:
        assert texts[str(source)][int(start):int(end)] == str(exact), (source, start, end)


def test_every_observation_has_provenance(corpus_store) -> None:  # type: ignore[no-untyped-def]
    result = corpus_store.query(FACTS_WITHOUT_EVIDENCE)
    assert isinstance(result, SelectResult)
    assert result.rows == []


def test_graph_conforms_to_shapes(corpus_store) -> None:  # type: ignore[no-untyped-def]
    report = validate(corpus_store)
    assert report.conforms, str(report)


def test_no_blank_nodes(corpus_store) -> None:  # type: ignore[no-untyped-def]
    result = corpus_store.query("ASK { { ?s ?p ?o FILTER isBlank(?s) } UNION { ?s ?p ?o FILTER isBlank(?o) } }")
    assert result is False


def _kg(store: str, *args: str, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed, KG_STORE=store)
    return subprocess.run([str(KG), *args], env=env, capture_output=True, check=False, timeout=600)


def test_installed_kg_builds_identical_turtle_across_hash_seeds(tmp_path: Path) -> None:
    """The subprocess smoke test of the installed console script, and byte-identical Turtle."""
    outputs = []
    for seed in ("1", "2"):
        store = f"oxigraph:{tmp_path / ('store' + seed)}"
        built = _kg(store, "build", str(CORPUS), seed=seed)
        assert built.returncode == 0, built.stderr.decode()
        assert b"documents" in built.stdout
        exported = _kg(store, "export", "--format", "ttl", "-o", "-", seed=seed)
        assert exported.returncode == 0, exported.stderr.decode()
        outputs.append(exported.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 10_000


def test_turtle_reloads_in_two_parsers_to_the_same_count(corpus_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "anode.ttl"
    with path.open("wb") as fh:
        corpus_store.dump("ttl", fh)
    rdflib_graph = Graph().parse(path, format="turtle")
    ox = pyoxigraph.Store()
    ox.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(rdflib_graph) == len(ox) == len(corpus_store)
