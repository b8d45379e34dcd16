"""The ontology, vocabularies and shapes parse, declare every term the code uses, and stay in sync."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import AKG, PREFIXES, WD
from kg.rdf.iris import concept_iri
from kg.rdf.mapping import DYNAMIC_CLASS, SEGMENT_KIND_KEY
from kg.rdf.vocab_regions import CSV_PATH, TTL_PATH, regions_turtle

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "anode.ttl"
VOCAB = sorted((ROOT / "ontology" / "vocab").glob("*.ttl"))
SHAPES = ROOT / "ontology" / "shapes.ttl"

# Wikidata items NOTES.md (shared/ontology-example, section 3.1) verified; nothing else may appear.
VERIFIED_QIDS = {
    "Q105038172", "Q5309", "Q764245", "Q169917", "Q623", "Q670", "Q110930085", "Q414909", "Q3991823",
    "Q663", "Q267298", "Q187510", "Q2822895", "Q391088", "Q2564903", "Q754523", "Q181232", "Q176140",
    "Q120907506", "Q120907375", "Q863583", "Q64403", "Q2608426", "Q4917", "Q17",
}


def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES, *VOCAB], ids=lambda p: p.name)
def test_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 10


@pytest.mark.parametrize("path", [ONTOLOGY, *VOCAB], ids=lambda p: p.name)
def test_no_blank_nodes(path: Path) -> None:
    g = Graph().parse(path, format="turtle")
    assert not [t for t in g if any(isinstance(x, BNode) for x in t)]


def used_akg_terms() -> set[str]:
    """Every akg term named in the code, the shapes, the vocabularies and the stored queries."""
    terms: set[str] = set()
    for path in (ROOT / "kg").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        terms |= set(re.findall(r"\bAKG\.([A-Za-z_][A-Za-z0-9_]*)", text))
        terms |= set(re.findall(r"\bAKG\[\"([^\"]+)\"\]", text))
        terms |= set(re.findall(r"\bakg:([A-Za-z_][A-Za-z0-9_]*)", text))
    for path in [SHAPES, *VOCAB, *(ROOT / "queries").glob("*.rq")]:
        terms |= set(re.findall(r"\bakg:([A-Za-z_][A-Za-z0-9_]*)", path.read_text(encoding="utf-8")))
    terms |= {"product", "application"}  # minted as AKG[kind] in mapping._market_concepts
    return terms


def test_every_used_term_is_declared_with_label_and_comment() -> None:
    g = ontology()
    used = used_akg_terms()
    assert {"MarketSizeObservation", "activeIn", "refYear", "rawSha256"} <= used
    missing = []
    for term in sorted(used):
        node = AKG[term]
        if any(g.value(node, p) is None for p in (RDF.type, RDFS.label, RDFS.comment)):
            missing.append(term)
    assert not missing, f"akg terms used but not declared with type, label and comment: {missing}"


def test_every_declared_akg_term_is_documented() -> None:
    g = ontology()
    undocumented = [
        str(s) for s in set(g.subjects(RDF.type, None))
        if isinstance(s, URIRef) and str(s).startswith(str(AKG))
        and (g.value(s, RDFS.label) is None or g.value(s, RDFS.comment) is None)
    ]
    assert not undocumented


def test_properties_have_ranges_where_typed() -> None:
    g = ontology()
    props = set(g.subjects(RDF.type, OWL.DatatypeProperty)) | set(g.subjects(RDF.type, OWL.ObjectProperty))
    for prop in props:
        if str(prop).startswith(str(AKG)) and prop not in (AKG.shareHolder,):
            assert g.value(prop, RDFS.range) is not None or g.value(prop, RDFS.domain) is not None, prop


def test_regions_ttl_matches_csv() -> None:
    if not CSV_PATH.exists():
        pytest.skip("data/reference/regions.csv not present")
    assert TTL_PATH.read_text(encoding="utf-8") == regions_turtle(), (
        "ontology/vocab/regions.ttl is stale: run python -m kg.rdf.vocab_regions"
    )


def test_vocab_concepts_are_labelled_and_in_a_scheme() -> None:
    for path in VOCAB:
        g = Graph().parse(path, format="turtle")
        for concept in g.subjects(RDF.type, SKOS.Concept):
            assert g.value(concept, SKOS.prefLabel) is not None, concept
            assert g.value(concept, SKOS.inScheme) is not None, concept


def test_only_verified_wikidata_items() -> None:
    for path in VOCAB:
        g = Graph().parse(path, format="turtle")
        for o in g.objects():
            if isinstance(o, URIRef) and str(o).startswith(str(WD)):
                assert str(o)[len(str(WD)):] in VERIFIED_QIDS, f"{path.name}: unverified {o}"


def test_concepts_the_mapping_mints_exist() -> None:
    g = Graph()
    for path in VOCAB:
        g.parse(path, format="turtle")
    needed = [concept_iri("segment-kind", k) for k in [*SEGMENT_KIND_KEY.values(), "unspecified"]]
    needed += [concept_iri("dynamic-kind", key) for key, _ in DYNAMIC_CLASS.values()]
    needed += [concept_iri("segment", "total")]
    for node in needed:
        assert (node, RDF.type, SKOS.Concept) in g, node


def test_prefixes_are_the_namespaces() -> None:
    assert PREFIXES["akg"] == "https://w3id.org/anode-kg/ontology#"
    assert PREFIXES["schema"] == "https://schema.org/"
    assert PREFIXES["unit"] == "http://qudt.org/vocab/unit/"
    assert all(v.endswith(("#", "/")) for v in PREFIXES.values())
