"""Segment lists: seed F1 and the list shapes of other publishers."""

from __future__ import annotations

from typing import Any

from kg.extract.report import extract_meta
from kg.extract.sections import outline
from kg.extract.segments import axis_kind, extract_segments
from kg.models import TextDocument
from tests.test_sections import HTML_DOC, MARKDOWN_DOC, TEXT_DOC, seed_score, shape


def _predict(doc: TextDocument, sections: Any) -> dict[str, Any]:
    segs = extract_segments(doc, sections, extract_meta(doc))
    kinds = ("type", "application", "end_user")
    return {"segments": {k: [s.label for s in segs if s.kind == k] for k in kinds}}


def _pairs(doc: TextDocument) -> list[tuple[str, str]]:
    segs = extract_segments(doc, outline(doc))
    for s in segs:
        for ev in s.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
    return [(s.kind, s.label) for s in segs]


def test_seed_segments_f1() -> None:
    f1, lines = seed_score("segments", _predict)
    assert f1 >= 0.90, lines


def test_axis_kinds() -> None:
    assert axis_kind("By Product Type") == "type"
    assert axis_kind("Market Segmentation (by Application)") == "application"
    assert axis_kind("By End-Use Industry") == "end_user"
    assert axis_kind("End User Industry Analysis") == "end_user"
    assert axis_kind("By Precursor") == "type"
    assert axis_kind("By Region") is None
    assert axis_kind("Competition by Manufacturers") is None


def test_html_table_and_list() -> None:
    assert _pairs(shape(HTML_DOC, "probe.html")) == [
        ("type", "Silicon-Carbon Composite"), ("type", "Silicon Oxide (SiOx)"), ("type", "Pure Silicon"),
        ("application", "Automotive"), ("application", "Consumer Electronics"),
        ("application", "Energy Storage"),
    ]


def test_markdown_lists_lose_descriptions() -> None:
    assert _pairs(shape(MARKDOWN_DOC, "probe.md")) == [
        ("type", "Natural Graphite"), ("type", "Synthetic Graphite"), ("type", "Lithium Titanate (LTO)"),
        ("end_user", "Automotive"), ("end_user", "Consumer Electronics"), ("end_user", "Industrial"),
    ]


def test_plain_text_lines() -> None:
    assert _pairs(shape(TEXT_DOC, "probe.txt")) == [
        ("type", "Natural graphite"), ("type", "Synthetic graphite"), ("application", "EV batteries"),
        ("application", "Consumer electronics batteries"), ("application", "Energy storage systems"),
    ]


def test_inline_bold_prefix_list_and_prose_fallback() -> None:
    md = "# X Anode Market 2025-2030\n\n## Segmentation\n\n**By Form:** Spherical, Flake and Amorphous\n"
    assert _pairs(shape(md, "a.md")) == [
        ("type", "Spherical"), ("type", "Flake"), ("type", "Amorphous")]
    prose = ("<h1>Y Market 2025-2030</h1><p>The market is segmented into bottom carbon anodes and "
             "side carbon anodes, and demand comes from smelters.</p>")
    expected = [("type", "bottom carbon anode"), ("type", "side carbon anode")]
    assert _pairs(shape(prose, "b.html")) == expected
