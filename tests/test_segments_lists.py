"""Segment lists in shapes beyond axis sections: grouped tables, lead-in lines, bare axis headings, code
legends, taxonomy tables, and the labels that are never items (axis names, captions, totals). All text here
is invented for the rule; each test also holds text the rule must not fire on."""

from __future__ import annotations

from kg.extract.segment_labels import product_noun
from kg.extract.segment_lists import axis_label
from kg.extract.segments import axis_kind, extract_segments
from kg.models import ReportMeta, TextDocument
from tests.test_sections import shape


def _pairs(doc: TextDocument, market: str | None = None) -> list[tuple[str, str]]:
    meta = ReportMeta(market=market) if market else None
    segs = extract_segments(doc, None, meta)
    for s in segs:
        for ev in s.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
    return [(s.kind, s.label) for s in segs]


def test_axis_label_cells() -> None:
    assert axis_label("By application") == (True, "application")
    assert axis_label("Region") == (True, None)
    assert axis_label("By geography") == (True, None)
    assert axis_label("Chemistry") == (True, "type")
    assert axis_label("Material type:") == (True, "type")
    # items that merely hold an axis word are no axis label
    assert axis_label("Consumer Electronics") == (False, None)
    assert axis_label("Carbon Materials") == (False, None)
    assert axis_label("Breakdown") == (False, None)


def test_grouped_table_switches_axis_and_drops_regions() -> None:
    html = ("<h1>Widget Anode Market 2025-2031</h1><h2>Revenue by application and region</h2>"
            "<table><tr><th>Breakdown</th><th>Segment / region</th><th>2025</th><th>2031</th></tr>"
            "<tr><th rowspan='2'>By application</th><td>Drone Packs</td><td>10</td><td>20</td></tr>"
            "<tr><td>Marine Packs</td><td>5</td><td>9</td></tr>"
            "<tr><th rowspan='2'>By region</th><td>Oceania</td><td>7</td><td>12</td></tr>"
            "<tr><td>Europe</td><td>8</td><td>17</td></tr>"
            "<tr><th>Total</th><td>15</td><td>29</td></tr></table>")
    pairs = _pairs(shape(html, "g.html"))
    assert pairs == [("application", "Drone Packs"), ("application", "Marine Packs")]


def test_two_axis_section_waits_for_group_labels() -> None:
    html = ("<h1>Tar Pitch Market 2025-2031</h1><h2>Segments by feedstock and end market</h2>"
            "<table><tr><th>By type</th><th>Note</th></tr>"
            "<tr><td>Coal Tar Pitch</td><td>Electrodes: 40% of value</td></tr>"
            "<tr><td>Bio Pitch</td><td>Anodes: 12% of value</td></tr>"
            "<tr><td>By application</td><td>Anode grade: US$ 1.2 bn in</td></tr></table>"
            "<ul><li>Smelter Anodes</li><li>Refractories<ul><li>Bio: 7% of 2025 value</li></ul></li></ul>")
    pairs = _pairs(shape(html, "s.html"))
    assert ("type", "Coal Tar Pitch") in pairs and ("type", "Bio Pitch") in pairs
    assert ("application", "Smelter Anodes") in pairs and ("application", "Refractories") in pairs
    # the group cell, the note and the figure under an item are never items; nothing is called end_user
    labels = {label for _, label in pairs}
    assert not labels & {"By application", "Anode grade", "Bio"}
    assert all(kind != "end_user" for kind, _ in pairs)


def test_table_with_its_own_axis_inside_another_axis_section() -> None:
    html = ("<h1>Gum Binder Market 2026-2032</h1><h2>Segmentation</h2><p>By customer:</p>"
            "<ul><li>Cell Plants</li><li>Pack Plants</li></ul>"
            "<p>Value by chemistry, USD million</p>"
            "<table><tr><th>Chemistry</th><th>2026</th><th>2032</th></tr>"
            "<tr><td>Gum A</td><td>11</td><td>23</td></tr><tr><td>Gum B</td><td>4</td><td>7</td></tr>"
            "<tr><td>Total</td><td>15</td><td>30</td></tr></table>"
            "<h2>Outlook</h2><table><tr><th>Region</th><th>2026</th></tr><tr><td>Oceania</td><td>3</td></tr></table>")
    pairs = _pairs(shape(html, "b.html"))
    assert sorted(pairs) == sorted([("end_user", "Cell Plants"), ("end_user", "Pack Plants"),
                                    ("type", "Gum A"), ("type", "Gum B")])


def test_axis_names_units_and_totals_are_never_items() -> None:
    md = ("# Foo Market 2025-2030\n\n## By Grade\n\n- Product Types\n- Grade Alpha\n- Grade Beta\n"
          "- EUR million\n- Total Cathode\n- Other Types\n")
    pairs = _pairs(shape(md, "n.md"))
    assert pairs == [("type", "Grade Alpha"), ("type", "Grade Beta"), ("type", "Other Types")]


def test_lead_in_lines_name_the_axis_of_the_list() -> None:
    txt = ("Foo Carbon Market Note 2026\n\nWe split the market by grade:\n"
           "  - Kiln Grade Foo (for rotary kilns)\n  - Cell Grade Foo (feedstock for anode plants)\n\n"
           "By application, we track three outlets:\n  - Drones\n  - Buoys\n\n")
    pairs = _pairs(shape(txt, "l.txt"))
    assert pairs == [("type", "Kiln Grade Foo"), ("type", "Cell Grade Foo"),
                     ("application", "Drones"), ("application", "Buoys")]
    # a name in brackets stays; a lead-in about companies, drivers or regions lists no segments
    neg = ("Bar Market Note 2026\n\nWe split the product into two grades:\n  - Lithium Foo (LFO)\n"
           "  - Sodium Foo (SFO)\n\nLeading suppliers by application:\n  - Acme Corp\n  - Zenith Ltd\n\n"
           "Key drivers by application:\n  - Rising demand\n  - New plants\n\n"
           "We split the market by region:\n  - Oceania\n  - Europe\n")
    assert _pairs(shape(neg, "m.txt")) == [("type", "Lithium Foo (LFO)"), ("type", "Sodium Foo (SFO)")]


def test_lead_in_list_must_be_all_labels() -> None:
    txt = ("Qux Market Note 2026\n\nThe market is sold in several forms:\n"
           "  - Rolled sheet, which most cell plants prefer because it is easy to handle in dry rooms.\n"
           "  - Powder\n")
    assert _pairs(shape(txt, "q.txt")) == []


def test_outlook_line_over_a_list() -> None:
    html = ("<h1>Zed Carbon Market 2025-2032</h1><p><b>Feedstock outlook (sales, EUR million, 2025-2032)</b></p>"
            "<ul><li>Shell-Derived</li><li>Wood-Derived</li></ul>"
            "<p><b>Regional outlook (sales, EUR million, 2025-2032)</b></p><ul><li>Oceania</li><li>Europe</li></ul>")
    assert _pairs(shape(html, "o.html")) == [("type", "Shell-Derived"), ("type", "Wood-Derived")]


def test_bare_axis_headings_over_label_lists() -> None:
    md = ("# Foo metal anode\n\n## Product forms\n\nFoo is sold in several shapes:\n\n- Foo Foil\n- Foo Powder\n\n"
          "## Applications\n\n- Primary Cells\n- Pre-Doping of Anodes\n\n## History\n\n- Invented in 1970\n- Sold\n")
    assert _pairs(shape(md, "w.md")) == [
        ("type", "Foo Foil"), ("type", "Foo Powder"),
        ("application", "Primary Cells"), ("application", "Pre-Doping of Anodes")]
    prose = ("# Bar anode\n\n## Applications\n\n- Bar is used in most phones because it charges fast.\n"
             "- Sensors\n")
    assert _pairs(shape(prose, "p.md")) == []


def test_code_legend_under_an_axis_title() -> None:
    txt = ("FOO DATASET EXPORT\n\nAPPLICATION CODES USED IN THE RECORDS\n\nDR = Drone Packs\nMB = Marine Buoys\n\n"
           "MATERIAL ABBREVIATIONS\n\nFG = foo graphite\nBG = bar graphite\n\n"
           "SUPPLIER CODES\n\nAC = Acme Corp\nZL = Zenith Ltd\n")
    # a glossary of abbreviations and a legend naming no axis give nothing
    assert _pairs(shape(txt, "c.txt")) == [("application", "Drone Packs"), ("application", "Marine Buoys")]


def test_taxonomy_table_and_data_dictionary() -> None:
    md = ("# Foo Panel Dataset\n\n## Taxonomy\n\n| Dimension | Column | Values |\n|---|---|---|\n"
          "| Application | app | Drone Packs; Marine Buoys |\n"
          "| Product type | prod_type | Foo Carbon; Bar Carbon |\n| Region | geo | Oceania; Europe |\n\n"
          "## Columns\n\n| Column | Type | Description |\n|---|---|---|\n| geo | str | name of the region |\n"
          "| yr | int | year of the record |\n")
    assert _pairs(shape(md, "r.md")) == [
        ("application", "Drone Packs"), ("application", "Marine Buoys"), ("type", "Foo Carbon"), ("type", "Bar Carbon")]


def test_clause_lead_verbs_and_neighbouring_axis_lines() -> None:
    txt = ("Foo Block Brief 2026\n\nBy anode type we distinguish Plain Foo Blocks and Grooved Foo Blocks. "
           "By supply model we distinguish captive and merchant output.\n")
    assert _pairs(shape(txt, "v.txt"), "Carbon Anode Blocks") == [
        ("type", "Plain Foo Blocks"), ("type", "Grooved Foo Blocks")]
    html = ("<h1>Foo Coating Market 2025-2031</h1><p>Our report breaks the market down as follows:</p>"
            "<ul><li>By precursor: Tar Coatings, Gum Coatings</li><li>By application: Foo Anodes, Bar Anodes</li></ul>"
            "<p>By contrast: Tar Coatings, Gum Coatings</p>")
    assert _pairs(shape(html, "c.html")) == [
        ("type", "Tar Coatings"), ("type", "Gum Coatings"),
        ("application", "Foo Anodes"), ("application", "Bar Anodes")]
    # a lone "By precursor:" line with no explicit axis line beside it is not read as an axis
    lone = "<h1>Foo Market 2025-2031</h1><ul><li>By precursor: Tar Coatings, Gum Coatings</li><li>Other</li></ul>"
    assert _pairs(shape(lone, "d.html")) == []


def test_cell_technology_is_what_the_product_goes_into() -> None:
    assert axis_kind("by cell technology", "anode") == "application"
    assert axis_kind("by anode technology", "anode") == "type"
    assert product_noun("Carbon Anode Blocks for Aluminium Smelting") == "anode"
    assert product_noun("Anode Prelithiation Materials") == "material"


def test_parts_outside_the_market_give_no_segments() -> None:
    md = ("# Foo Anode Market 2025-2030\n\n## By Type\n\n- Foo Graphite\n- Bar Graphite\n\n"
          "## Reference only - cathode materials (not anode)\n\n| Material type | 2024 |\n|---|---|\n| LXP | 3 |\n"
          "| NXM | 4 |\n\n## Methods\n\nSurveys.\n")
    assert _pairs(shape(md, "x.md")) == [("type", "Foo Graphite"), ("type", "Bar Graphite")]
