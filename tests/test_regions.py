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


# ------------------------------------------------------------------ other publishers' shapes (ent- docs)


def test_place_market_trends_subtitles_are_items_and_member_countries_are_not() -> None:
    doc = shape(
        "<h1>Graphite Anode Market Report</h1><h2>Regional Insights</h2>"
        "<h3>North America Graphite Anode Market Trends</h3><p>Tax credits.</p>"
        "<h4>U.S. Graphite Anode Market Trends</h4><p>New plants.</p>"
        "<h3>Asia Pacific Graphite Anode Market Trends</h3><p>China leads.</p>"
        "<h4>Japan Graphite Anode Market Trends</h4><p>Premium grades.</p>"
        "<h3>China's Dominant Production Hub</h3><p>Capacity.</p>",
        "probe.html",
    )
    assert [label for label, _ in _pairs(doc)] == ["North America", "Asia Pacific"]


def test_region_items_with_bracketed_countries() -> None:
    doc = shape(
        "X MARKET REPORT\n\nBy Region:\n- North America (United States, Canada)\n"
        "- Asia Pacific (China, Japan, India, South Korea, Australia, Indonesia, Others)\n"
        "- Middle East and Africa\n",
        "probe.txt",
    )
    assert [label for label, _ in _pairs(doc)] == ["North America", "Asia Pacific", "Middle East and Africa"]


def test_scope_lists_in_tables_lines_and_sentences() -> None:
    table = shape(
        "<h1>X Market</h1><table><tr><th>Report Attribute</th><th>Details</th></tr>"
        "<tr><td>Regional scope</td><td>North America; Europe; Asia Pacific; MEA</td></tr>"
        "<tr><td>Key companies profiled</td><td>Acme Corp; Beta Ltd</td></tr></table>",
        "probe.html",
    )
    assert [c for _, c in _pairs(table)] == ["north-america", "europe", "asia-pacific", "middle-east-and-africa"]
    line = shape("# X Market\n\nRegions analysed: North America; Europe; Rest of the World\n", "probe.md")
    assert [label for label, _ in _pairs(line)] == ["North America", "Europe", "Rest of the World"]
    prose = shape(
        "# X Market\n\nThe report studies five regions: Asia Pacific, North America, Europe, "
        "Middle East & Africa, and South America. Asia Pacific is the largest.\n",
        "probe.md",
    )
    assert [label for label, _ in _pairs(prose)] == [
        "Asia Pacific", "North America", "Europe", "Middle East & Africa", "South America"]
    passing = shape("# X Market\n\nThe company sells in Europe, Japan and the U.S.\n", "probe.md")
    assert _pairs(passing) == []
