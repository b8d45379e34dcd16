"""Analysed regions: seed F1, regional sections in other shapes, and passing mentions left out."""

from __future__ import annotations

from typing import Any

from kg.extract.regions import extract_regions
from kg.extract.sections import outline
from kg.models import TextDocument
from tests.test_sections import HTML_DOC, MARKDOWN_DOC, TEXT_DOC, seed_score, shape


def _predict(doc: TextDocument, sections: Any) -> dict[str, Any]:
    return {"regions": [r.label for r in extract_regions(doc, sections)]}


def _pairs(doc: TextDocument) -> list[tuple[str, str]]:
    regions = extract_regions(doc, outline(doc))
    for r in regions:
        assert all(doc.text[e.start:e.end] == e.quote for e in r.evidence)
    return [(r.label, r.concept) for r in regions]


def test_seed_regions_f1() -> None:
    f1, lines = seed_score("regions", _predict)
    assert f1 >= 0.90, lines


def test_region_table_rows_not_passing_countries() -> None:
    assert _pairs(shape(HTML_DOC, "probe.html")) == [
        ("North America", "north-america"), ("Europe", "europe"), ("Asia Pacific", "asia-pacific"),
        ("Rest of the World", "rest-of-the-world"),
    ]


def test_markdown_subheadings_and_text_colon_lines() -> None:
    expected = ["asia-pacific", "europe", "north-america"]
    assert [c for _, c in _pairs(shape(MARKDOWN_DOC, "probe.md"))] == expected
    assert [c for _, c in _pairs(shape(TEXT_DOC, "probe.txt"))] == expected


def test_market_position_fallback() -> None:
    html = ("<h1>Q Market 2024-2030</h1><p>China continues to dominate with 76% market share, though North "
            "American and European producers are investing heavily. Recent U.S. legislation helps.</p>")
    assert _pairs(shape(html, "q.html")) == [
        ("China", "china"), ("North America", "north-america"), ("Europe", "europe")]
