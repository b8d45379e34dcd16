"""The outline: titles in every style of the genre, their ranks and the tree they form.

Also holds the small helpers the segment/dynamics/region/meta tests share: the seed corpus loaded once,
and a scorer over the seed gold for one fact kind (the shared scorer's logic, imported, not copied).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kg.extract.sections import (
    Section,
    find_section,
    find_sections,
    outline,
    roots,
    section_at,
    semantic_offset,
)
from kg.ingest.read import decode_document
from kg.ingest.text import load, render
from kg.models import TextDocument
from tests.scoring import GOLD_DIR, score_facts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


# ------------------------------------------------------------------ shared helpers (not tests)


@cache
def corpus() -> tuple[TextDocument, ...]:
    return tuple(load(p) for p in sorted(CORPUS.glob("*.txt")))


@cache
def seeds() -> dict[str, Any]:
    return json.loads((GOLD_DIR / "seeds.json").read_text(encoding="utf-8"))


def seed_score(kind: str, predict: Any) -> tuple[float, str]:
    """F1 of one fact kind over the five seed reports; ``predict(doc, sections)`` fills a facts row."""
    docs = []
    for doc in corpus():
        row: dict[str, Any] = {"source": doc.source, "market_sizes": [], "growth_rates": [], "shares": [],
                               "companies": []}
        row.update(predict(doc, outline(doc)))
        docs.append(row)
    tallies, _ = score_facts.score(seeds(), {"documents": docs}, None)
    return tallies[kind].f1(), tallies[kind].line(kind) + "\n" + "\n".join(tallies[kind].misses)


def shape(body: str, name: str) -> TextDocument:
    """Render a hand-written document the way a file of that name would be."""
    return render(decode_document(body.encode("utf-8"), source=name))


HTML_DOC = """<html><body><h1>Global Silicon Anode Market Size, Share &amp; Trends Report, 2024-2030</h1>
<p>&copy; 2024 Borealis Analytics. All rights reserved.</p>
<h2>Market Overview</h2>
<p>The global silicon anode market was valued at USD 410 million in 2023 and is expected
to grow at a CAGR of 20.1% from 2024 to 2030.</p>
<h2>Market Dynamics</h2>
<h3>Drivers</h3>
<ul><li><b>Higher energy density</b> – silicon stores ten times more lithium.</li>
<li><b>Fast charging demand:</b> OEMs want 10-minute charging.</li></ul>
<h3>Restraints</h3>
<ul><li>Volume expansion: silicon swells by 300% during lithiation.</li>
<li>High cost of nano-silicon</li></ul>
<h3>Opportunities</h3><h4>Solid-state batteries</h4><p>Solid electrolytes tolerate silicon anodes better than
liquid ones do.</p>
<h4>Consumer electronics upgrades</h4><p>Phone makers are adopting silicon-carbon anodes.</p>
<h2>Segmentation</h2>
<table><tr><th>Application</th><th>2023 (USD Mn)</th><th>2030 (USD Mn)</th></tr>
<tr><td>Automotive</td><td>250</td><td>1,300</td></tr>
<tr><td>Consumer Electronics</td><td>120</td><td>400</td></tr>
<tr><td>Energy Storage</td><td>40</td><td>150</td></tr></table>

<h3>By Product Type</h3>
<ul><li>Pure Silicon</li>
<li>Silicon-Carbon Composite</li>
<li>Silicon Oxide (SiOx)</li></ul>
<h2>Regional Analysis</h2>
<table><tr><th>Region</th><th>2023</th><th>2030</th></tr>
<tr><td>North America</td><td>90</td><td>400</td></tr>
<tr><td>Europe</td><td>80</td><td>380</td></tr>
<tr><td>Asia Pacific</td><td>220</td><td>1,100</td></tr>
<tr><td>Rest of the World</td><td>20</td><td>70</td></tr></table>
<p>Japan and South Korea remain important cell producers, and Germany hosts new gigafactories.</p>
<h2>Frequently Asked Questions</h2><h3>What are the key drivers?</h3><p>Energy density and fast charging.</p>
</body></html>"""

MARKDOWN_DOC = """---
title: "Lithium-ion Battery Anode Materials Market Outlook 2025-2033"
date: 2025-04-02
---

# Lithium-ion Battery Anode Materials Market Outlook 2025-2033

Published by Quillon Research.

## Market Segmentation

### By Type

- Natural Graphite
- Synthetic Graphite – the dominant type in EV cells
- Lithium Titanate (LTO)

### By End-Use Industry

- Industrial
- Automotive
- Consumer Electronics

## Key Trends

- **Silicon blending**: most anode makers now add 5-10% silicon.
- **Localised supply chains**: new plants in the US and Europe.

## Challenges

1. **Graphite export controls** – China licences graphite exports since 2023.
2. **Price pressure** – prices fell 30% in 2024.

## Regional Analysis

### Asia Pacific

China dominates anode production with 90% share.

### Europe

Europe is building local capacity.

### North America

The United States offers tax credits under the IRA.
"""

TEXT_DOC = """GRAPHITE ANODE MARKET REPORT 2024-2032
Copyright 2024 Tessaract Market Research

EXECUTIVE SUMMARY
The graphite anode market reached USD 12.5 billion in 2023 and should rise at a CAGR of 11% from 2024 to 2032.
Prices are quoted at 1 EUR = 1.09 USD.

MARKET DRIVERS
1. Electric vehicle production: EV output doubled between 2021 and 2023.
2. Grid-scale storage: utilities are installing large battery systems.

MARKET RESTRAINTS
1. Environmental permitting: mines face long approval times.

SEGMENTATION BY TYPE
Natural graphite
Synthetic graphite

SEGMENTATION BY APPLICATION
Energy storage systems
EV batteries
Consumer electronics batteries

REGIONAL ANALYSIS
Asia-Pacific: the largest market, led by China.
Europe: the fastest growing region.
North America: supported by incentives.
"""

#: A bold-markup export of the genre: ALL-CAPS group titles, centred item titles, "Other X" switches.
BOLD_DOC = """<h1>Example Anode Market, Global Outlook and Forecast 2025-2032</h1>
<p><strong>MARKET DYNAMICS</strong></p>
<p><strong>MARKET DRIVERS</strong></p>
<p style="text-align:center"><strong>Rising Cell Production to Drive Demand</strong></p>
<p>Cell makers are expanding capacity on three continents, which keeps anode orders growing.</p>
<p><strong>Other Drivers</strong></p>
<p style="text-align:center"><strong>Policy Support</strong></p>
<p>Subsidies and tax credits lower the cost of new anode plants in several regions.</p>
<p><strong>MARKET CHALLENGES</strong></p>
<p style="text-align:center"><strong>Feedstock Volatility</strong></p>
<p>Needle coke prices swing with refinery output and make anode costs hard to plan.</p>
<p><strong>➤ For instance, one producer postponed a plant by a year as coke prices doubled.</strong></p>
<p><strong>COMPETITIVE LANDSCAPE</strong></p>
<p><strong>Key Industry Players</strong></p>
<p>The survey covered various aspects, including:</p>
<p>Revenue and demand trends</p>
<p>Strategic plans and market drivers</p>
"""


def titles(sections: list[Section]) -> list[str]:
    return [s.title for s in sections]


# ------------------------------------------------------------------ tests


def test_html_headings_nest_by_level_and_prefixes_below_them() -> None:
    doc = shape(HTML_DOC, "probe.html")
    secs = outline(doc)
    dyn = find_section(secs, r"^market dynamics$")
    assert dyn is not None and dyn.style == "heading"
    assert titles(dyn.children) == ["Drivers", "Restraints", "Opportunities"]
    drivers = dyn.children[0]
    assert [(s.title, s.style) for s in drivers.children] == [
        ("Higher energy density", "bold_prefix"), ("Fast charging demand", "bold_prefix")]
    assert titles(dyn.children[2].children) == ["Solid-state batteries", "Consumer electronics upgrades"]
    # Every title span quotes the clean title.
    for s in secs:
        assert doc.text[s.span.start:s.span.end] == s.title


def test_markdown_and_plain_text_outlines() -> None:
    md = outline(shape(MARKDOWN_DOC, "probe.md"))
    seg = find_section(md, r"^market segmentation$")
    assert seg is not None and titles(seg.children) == ["By Type", "By End-Use Industry"]
    region = find_section(md, r"regional analysis")
    assert region is not None and titles(region.children) == ["Asia Pacific", "Europe", "North America"]

    txt = outline(shape(TEXT_DOC, "probe.txt"))
    drivers = find_section(txt, r"^market drivers$")
    assert drivers is not None
    assert [(s.title, s.number) for s in drivers.children] == [
        ("Electric vehicle production", "1."), ("Grid-scale storage", "2.")]
    assert [s.style for s in drivers.children] == ["numbered", "numbered"]


def test_bold_only_exports_rank_by_what_titles_say() -> None:
    doc = shape(BOLD_DOC, "probe.html")
    secs = outline(doc)
    dyn = find_section(secs, r"^MARKET DYNAMICS$")
    assert dyn is not None and dyn.style == "caps"
    assert titles(dyn.children) == ["MARKET DRIVERS", "Other Drivers", "MARKET CHALLENGES"]
    assert [s.style for s in dyn.children[0].children] == ["centered"]
    # The bold "➤ For instance, ..." sentence is no title.
    assert titles(dyn.children[2].children) == ["Feedstock Volatility"]
    landscape = find_section(secs, r"competitive landscape")
    assert landscape is not None and landscape.parent is dyn.parent  # a sibling group, not a child
    # Lines of a list introduced by "including:" are items even when they say "trends" or "drivers".
    assert find_section(secs, r"revenue and demand trends") is None
    assert find_section(secs, r"strategic plans") is None


def test_bodies_subtrees_and_helpers() -> None:
    doc = shape(MARKDOWN_DOC, "probe.md")
    secs = outline(doc)
    by_type = find_section(secs, r"^by type$")
    assert by_type is not None
    body = [doc.text[b.start:b.end] for b in by_type.blocks]
    assert body[0] == "Natural Graphite" and len(body) == 3
    seg = find_section(secs, r"^market segmentation$")
    assert seg is not None and len(seg.subtree_blocks(doc)) > len(by_type.blocks)
    assert section_at(secs, by_type.block_index + 1) is by_type
    assert [s.title for s in roots(secs)] == ["Lithium-ion Battery Anode Materials Market Outlook 2025-2033"]
    assert len(find_sections(secs, [r"^by ", r"trends"])) == 3
    assert by_type.depth == 2 and by_type.level == 3


@pytest.mark.parametrize("index", range(5))
def test_corpus_outlines_hold_their_dynamics_groups(index: int) -> None:
    doc = corpus()[index]
    secs = outline(doc)
    for s in secs:
        assert doc.text[s.span.start:s.span.end] == s.title
        assert s.parent is None or s.parent.rank < s.rank
    names = " | ".join(s.title.lower() for s in secs)
    if index != 4:  # the negative coke report numbers its dynamics without naming them
        assert "drivers" in names and "challenges" in names


def test_corpus_001_tree() -> None:
    doc = next(d for d in corpus() if d.source.startswith("001_"))
    secs = outline(doc)
    restraints = find_section(secs, r"^market restraints$")
    assert restraints is not None and restraints.parent is not None
    assert restraints.parent.title == "MARKET DYNAMICS"
    assert [s.style for s in restraints.children] == ["centered", "centered"]
    by_app = find_section(secs, r"^by application$")
    assert by_app is not None and by_app.parent is not None and by_app.parent.title == "Segment Analysis"


def test_kind_titles_by_meaning_rank_as_kinds() -> None:
    """Figurative and question-like kind titles rank with "Drivers" (offset 2), item titles do not."""
    for title in ("Tailwinds", "HEADWINDS", "Upside Scenarios", "Key Risks", "What Is Driving Demand",
                  "What's holding it back", "Where the opportunities are", "What's trending",
                  "TRENDS TO WATCH", "Trends Shaping the Zinc Anode Market", "Factors Driving Growth"):
        assert semantic_offset(title) == 2, title
    for title in ("Rising Demand to Drive Growth", "Geopolitical Risks", "What is driving the shift?",
                  "Upside of Silicon Blends for Cell Makers and Their Customers in the Next Decade"):
        assert semantic_offset(title) == 3, title


BRACKETED_TXT = """COPPER FOIL BRIEFING, 2025


[1] SUMMARY

The copper foil market grew in 2024 on thinner foils for power cells and on new plants.

[2] TAILWINDS

  + Thinner foils for high-energy cells

[3] KEY RISKS

  * Oversupply from new plants
"""


def test_bracketed_numbers_and_lone_upper_case_list_items_are_titles() -> None:
    secs = outline(shape(BRACKETED_TXT, "foil.txt"))
    assert [(s.title, s.number) for s in secs if s.number] == [
        ("SUMMARY", "[1]"), ("TAILWINDS", "[2]"), ("KEY RISKS", "[3]")]
    # "6. KEY TRENDS" read as a one-item list after plain items is a heading; upper-case names in a list
    # of upper-case names stay items.
    doc = shape(
        "FOO REPORT\n\n5.4 Challenges\n\n  - Precursor variability.\n  - High capital outlay.\n\n\n"
        "6. KEY TRENDS\n--------------\n\nThe market keeps moving towards blended carbons in every region.\n\n"
        "7. COMPANIES\n-------------\n\nProfiled in this report:\n\n  1. ALPHA CARBON WORKS\n"
        "  2. BETA GRAPHITE MILLS\n",
        "foo.txt",
    )
    titles_ = [s.title for s in outline(doc)]
    assert "KEY TRENDS" in titles_ and "COMPANIES" in titles_
    assert "ALPHA CARBON WORKS" not in titles_ and "BETA GRAPHITE MILLS" not in titles_


def test_numbered_title_with_dash_description_is_a_prefix_title() -> None:
    doc = shape(
        "X REPORT\n\nDRIVERS\n\n1) Cheaper cells for scooters - makers moved to sodium-ion chemistry this year.\n"
        "2) Longer warranties - two words.\n3) Grid - ok.\n",
        "dash.txt",
    )
    numbered = [(s.title, s.rank % 10) for s in outline(doc) if s.number]
    # the title before a dash and a description of four words or more is a prefix title (offset 3.5, like
    # "1. Title: body"); with a shorter tail the whole line is the title (offset 3)
    assert numbered == [("Cheaper cells for scooters", 3.5), ("Longer warranties - two words", 3.0),
                        ("Grid - ok", 3.0)]


def test_semantic_offset_ignores_callout_markers_and_closing_years() -> None:
    assert semantic_offset("[!tip] Opportunities") == 2
    assert semantic_offset("Key trends in 2025") == 2
    assert semantic_offset("Drivers over 2024-2030") == 2
    assert semantic_offset("Shipments in 2024") == 3
    assert semantic_offset("[!info] Key numbers") == 3


def test_bracketed_factor_labels_are_kind_titles() -> None:
    offset = semantic_offset
    assert offset("[Growth factor]") == 2 and offset("[Threat factor]") == 2 and offset("[Trend keyword]") == 2
    assert offset("[Obstruct factor]") == 2
    assert offset("[Editor's note]") == 3 and offset("Growth of factor markets") == 3


def test_kind_questions_rank_as_kind_titles_other_questions_as_items() -> None:
    assert semantic_offset("What is driving demand?") == 2
    assert semantic_offset("Where are the opportunities?") == 2
    assert semantic_offset("What is the market size?") == 3


def test_bold_title_wrapped_onto_the_next_line_is_no_section_of_its_own() -> None:
    from kg.extract.sections import wrapped_bold

    doc = shape("<h2>Drivers</h2><p><strong>Rising demand for tin in</strong></p>"
                "<p><strong>wearables.</strong> Watches need thin cells.</p>", "w.html")
    titles = [s.title for s in outline(doc)]
    assert "Rising demand for tin in" not in titles
    first, second = doc.blocks[-2], doc.blocks[-1]
    span = wrapped_bold(doc, first, second)
    assert span is not None and " ".join(doc.text[span.start:span.end].split()) == "Rising demand for tin in wearables"
    # a head stopping on a preposition continues onto a capitalised line too
    doc = shape("<p><strong>Grid tenders in</strong></p><p><strong>Europe.</strong> Utilities buy more.</p>", "g.html")
    span = wrapped_bold(doc, doc.blocks[0], doc.blocks[1])
    assert span is not None and " ".join(doc.text[span.start:span.end].split()) == "Grid tenders in Europe"
    # a bold line over a paragraph opening in capitals, or ending with a stop, is no wrapped title
    doc = shape("<p><strong>Rising demand for tin</strong></p><p><strong>Wearables</strong> need cells.</p>"
                "<p><strong>Policy support.</strong></p><p><strong>grants</strong> help.</p>", "w.html")
    assert wrapped_bold(doc, doc.blocks[0], doc.blocks[1]) is None
    assert wrapped_bold(doc, doc.blocks[2], doc.blocks[3]) is None


def test_qualified_and_modal_kind_titles() -> None:
    assert semantic_offset("Technical challenges") == 2
    assert semantic_offset("What could hold it back") == 2
    assert semantic_offset("What might keep the market back") == 2
    assert semantic_offset("Technical specifications of tin foil") == 3
    assert semantic_offset("What could happen next") == 3


def test_upper_case_acronyms_inside_a_list_are_items() -> None:
    # "PTFE" between two items, or first in a list a lead-in introduces, is an item, not a title
    doc = shape("<h1>Widget Binder Market</h1><h2>Segmentation</h2><p>By chemistry:</p>"
                "<ul><li>Latex Blend</li><li>PTFE</li><li>Others</li></ul><p>By form:</p>"
                "<ul><li>FLUID</li><li>Dry Powder</li></ul><p>Latex blends held 60% of value in 2025.</p>", "b.html")
    titles_ = [s.title for s in outline(doc)]
    assert "PTFE" not in titles_ and "FLUID" not in titles_
    by_chemistry = find_section(outline(doc), r"^by chemistry$")
    assert by_chemistry is not None and by_chemistry.end_index == 6  # the list is not cut at "PTFE"
    # an upper-case heading read as an item after a list of sentences, before prose, is still a title
    doc = shape("<h1>Widget Binder Market</h1><h2>Challenges</h2><ul><li>Costly latex.</li><li>Slow lines.</li>"
                "<li>OUTLOOK</li></ul><p>The market keeps moving towards water-based binders in every region.</p>",
                "o.html")
    assert "OUTLOOK" in [s.title for s in outline(doc)]


def test_one_bold_axis_outlook_line_after_a_lead_in_is_a_title() -> None:
    doc = shape("<h1>Widget Resin Market</h1><h2>Market segmentation</h2>"
                "<p>We have segmented the widget resin market on the basis of grade and end use:</p>"
                "<p><b>Grade outlook (revenue, USD million, 2026-2033)</b></p><ul><li>Liquid Resin</li>"
                "<li>Powder Resin</li></ul><p><b>End-use outlook (revenue, USD million, 2026-2033)</b></p>"
                "<ul><li>Boat Yards</li><li>Drone Makers</li></ul>", "o.html")
    assert [(s.title, s.style) for s in outline(doc)][2:] == [
        ("Grade outlook (revenue, USD million, 2026-2033)", "bold_line"),
        ("End-use outlook (revenue, USD million, 2026-2033)", "bold_line"),
    ]
    # two bold lines or more after the lead-in are a list written as lines, whatever they say
    doc = shape("<h1>Widget Resin Market</h1><h2>Scope</h2><p>The survey covered various aspects, including:</p>"
                "<p><b>Grade outlook</b></p><p><b>Price trends</b></p>"
                "<p>Nothing else was studied in this round of the survey.</p>", "s.html")
    assert [s.title for s in outline(doc)] == ["Widget Resin Market", "Scope"]


def test_kind_of_the_market_titles() -> None:
    for title in ("Key Drivers for Zinc Foil Anode Market", "Key Opportunity of Market", "Drivers of Market Growth",
                  "Restraints in the Global Widget Binder Industry", "Challenges to Growth"):
        assert semantic_offset(title) == 2, title
    # an item that merely ends with "market" or "growth" stays an item
    for title in ("Challenges of Scaling Foil in the Market", "Opportunities in Emerging Markets",
                  "Trends in Growth", "Demand for Foil in the Wearables Market"):
        assert semantic_offset(title) == 3, title
