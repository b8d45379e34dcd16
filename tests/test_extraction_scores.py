"""Extraction quality, measured the way users are scored: facts JSON read back from the store by SPARQL.

Two corpora: the five seed reports (hand-checked gold in tests/gold/seeds.json) and our own documents in
other shapes and encodings (tests/docs/NAME, its expected facts in tests/expected/NAME.json). The bars are the
ones the project promises; a regression below them fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.facts import facts_document
from kg.store import open_store
from tests.scoring import GOLD_DIR, f1_by_kind, load_json

ROOT = Path(__file__).resolve().parent.parent
SEED_BARS = {"market_sizes": 0.95, "growth_rates": 0.95, "companies": 0.95, "linkage": 0.95,
             "countries": 0.90, "regions": 0.90, "segments": 0.90, "dynamics": 0.90, "shares": 0.80}
OWN_BARS = {"market_sizes": 0.95, "growth_rates": 0.95, "companies": 0.95, "linkage": 0.95,
            "countries": 0.95, "regions": 0.90, "segments": 0.90, "dynamics": 0.90, "shares": 0.90,
            "documents": 0.95}


DOCS = ROOT / "tests" / "docs"


def own_gold() -> dict:
    """Every tests/expected/*.json as one gold document in the contract's shape."""
    docs = [load_json(p) for p in sorted((ROOT / "tests" / "expected").glob("*.json"))]
    return {"documents": docs, "companies": []}


def _facts(paths: list[Path]) -> dict:
    store = open_store("oxigraph:")
    report = build(store, paths, jobs=1)
    assert not report.rejected, report.rejected
    return facts_document(store)


@pytest.fixture(scope="module")
def seed_facts() -> dict:
    return _facts([ROOT / "data" / "corpus"])


HELDOUT = ROOT / "benchmarks" / "heldout"
HELDOUT3 = ROOT / "benchmarks" / "heldout3"


def heldout_gold(folder: Path = HELDOUT) -> dict:
    """A held-out set: tuned on since its first measurement (README), now a regression guard."""
    docs = [load_json(p) for p in sorted((folder / "expected").glob("*.json"))]
    return {"documents": docs, "companies": []}


@pytest.fixture(scope="module")
def heldout_facts() -> dict:
    return _facts([HELDOUT / "docs"])


@pytest.fixture(scope="module")
def heldout3_facts() -> dict:
    return _facts([HELDOUT3 / "docs"])


@pytest.mark.parametrize("kind", sorted(OWN_BARS))
def test_third_heldout_set_scores(heldout3_facts: dict, kind: str) -> None:
    scores, _, lines = f1_by_kind(heldout_gold(HELDOUT3), heldout3_facts)
    assert scores[kind] >= OWN_BARS[kind], lines


#: Sets 4-12 were scored on first contact (README), then tuned on for a round or two; they are not yet at
#: the project's bars, so each kind is held at what it reached (minus 0.02 of slack): a regression
#: guard, not a promise. Raise a floor when a kind improves.
LATER_SET_FLOORS = {
    "heldout4": {"documents": 0.98, "market_sizes": 0.97, "growth_rates": 0.95, "shares": 0.78, "companies": 0.96,
                 "countries": 0.96, "linkage": 0.96, "regions": 0.95, "segments": 0.95, "dynamics": 0.98},
    "heldout5": {"documents": 0.95, "market_sizes": 0.95, "growth_rates": 0.95, "shares": 0.88, "companies": 0.98,
                 "countries": 0.98, "linkage": 0.98, "regions": 0.98, "segments": 0.98, "dynamics": 0.98},
    "heldout6": {"documents": 0.98, "market_sizes": 0.97, "growth_rates": 0.98, "shares": 0.95, "companies": 0.98,
                 "countries": 0.98, "linkage": 0.98, "regions": 0.98, "segments": 0.98, "dynamics": 0.97},
    "heldout7": {"documents": 0.98, "market_sizes": 0.97, "growth_rates": 0.94, "shares": 0.79, "companies": 0.96,
                 "countries": 0.98, "linkage": 0.98, "regions": 0.96, "segments": 0.98, "dynamics": 0.98},
    "heldout8": {"documents": 0.98, "market_sizes": 0.97, "growth_rates": 0.94, "shares": 0.86, "companies": 0.96,
                 "countries": 0.96, "linkage": 0.93, "regions": 0.98, "segments": 0.96, "dynamics": 0.96},
    "heldout9": {"documents": 0.98, "market_sizes": 0.93, "growth_rates": 0.90, "shares": 0.83, "companies": 0.97,
                 "countries": 0.98, "linkage": 0.98, "regions": 0.98, "segments": 0.94, "dynamics": 0.98},
    "heldout10": {"documents": 0.93, "market_sizes": 0.96, "growth_rates": 0.96, "shares": 0.80, "companies": 0.98,
                  "countries": 0.97, "linkage": 0.98, "regions": 0.98, "segments": 0.96, "dynamics": 0.98},
    "heldout11": {"documents": 0.98, "market_sizes": 0.95, "growth_rates": 0.95, "shares": 0.90, "companies": 0.98,
                  "countries": 0.97, "linkage": 0.98, "regions": 0.98, "segments": 0.96, "dynamics": 0.96},
    "heldout12": {"documents": 0.95, "market_sizes": 0.95, "growth_rates": 0.93, "shares": 0.94, "companies": 0.95,
                  "countries": 0.97, "linkage": 0.91, "regions": 0.95, "segments": 0.93, "dynamics": 0.95},
}


@pytest.fixture(scope="module")
def later_set_scores() -> dict[str, dict[str, float]]:
    out = {}
    for name in LATER_SET_FLOORS:
        folder = ROOT / "benchmarks" / name
        scores, _, lines = f1_by_kind(heldout_gold(folder), _facts([folder / "docs"]))
        out[name] = scores
    return out


@pytest.mark.parametrize("name", sorted(LATER_SET_FLOORS))
def test_later_heldout_sets_do_not_regress(later_set_scores: dict[str, dict[str, float]], name: str) -> None:
    scores = later_set_scores[name]
    below = {k: round(scores[k], 3) for k, floor in LATER_SET_FLOORS[name].items() if scores[k] < floor}
    assert not below, f"{name}: below its floor: {below}"


@pytest.mark.parametrize("kind", sorted(OWN_BARS))
def test_second_heldout_set_scores(heldout_facts: dict, kind: str) -> None:
    scores, _, lines = f1_by_kind(heldout_gold(), heldout_facts)
    assert scores[kind] >= OWN_BARS[kind], lines


def own_docs() -> list[Path]:
    """The documents with an expected file: every format (.html .md .txt .pdf .docx), not the generator
    script (tests/docs/make_docx.py) that writes the .docx ones."""
    expected = {p.name.removesuffix(".json") for p in (ROOT / "tests" / "expected").glob("*.json")}
    docs = sorted(p for p in DOCS.iterdir() if p.name in expected)
    assert {p.name for p in docs} == expected, "every tests/expected/NAME.json needs its tests/docs/NAME"
    assert {p.suffix for p in docs} >= {".pdf", ".docx"}
    return docs


@pytest.fixture(scope="module")
def own_facts() -> dict:
    return _facts(own_docs())


@pytest.mark.parametrize("kind", sorted(SEED_BARS))
def test_seed_scores(seed_facts: dict, kind: str) -> None:
    scores, _, lines = f1_by_kind(load_json(GOLD_DIR / "seeds.json"), seed_facts)
    assert scores[kind] >= SEED_BARS[kind], lines


@pytest.mark.parametrize("kind", sorted(OWN_BARS))
def test_own_document_scores(own_facts: dict, kind: str) -> None:
    scores, _, lines = f1_by_kind(own_gold(), own_facts)
    assert scores[kind] >= OWN_BARS[kind], lines


def test_no_duplicate_rows(seed_facts: dict, own_facts: dict) -> None:
    for gold, facts in ((load_json(GOLD_DIR / "seeds.json"), seed_facts), (own_gold(), own_facts)):
        _, duplicates, _ = f1_by_kind(gold, facts)
        assert duplicates == 0
