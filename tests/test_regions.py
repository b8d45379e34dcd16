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
        "# X Market\n\nThe report studies five regions: Europe, Asia Pacific, South America, "
        "North America, and Middle East & Africa. Europe is the largest.\n",
        "probe.md",
    )
    assert [label for label, _ in _pairs(prose)] == [
        "Europe", "Asia Pacific", "South America", "North America", "Middle East & Africa"]
    passing = shape("# X Market\n\nThe company sells in Europe, Japan and the U.S.\n", "probe.md")
    assert _pairs(passing) == []


# ------------------------------------------------------------------ siblings, exclusions, scope lines, subjects


def test_country_beside_its_region_in_one_flat_list_stays_and_exclusion_brackets_stay() -> None:
    doc = shape(
        "<h1>X Market Report</h1><h2>Regions</h2><ul><li>China</li><li>Asia Pacific (excluding China)</li>"
        "<li>Europe</li><li>North America</li></ul>",
        "probe.html",
    )
    assert _pairs(doc) == [("China", "china"), ("Asia Pacific (excluding China)", "asia-pacific"),
                           ("Europe", "europe"), ("North America", "north-america")]
    for bracket in ("excl. China", "ex-China", "except China", "other than China"):
        doc = shape(f"# X Market\n\n## Regions\n\n- China\n- Asia Pacific ({bracket})\n- Europe\n", "probe.md")
        assert [label for label, _ in _pairs(doc)] == ["China", f"Asia Pacific ({bracket})", "Europe"]


def test_country_nested_under_its_region_is_dropped() -> None:
    # a deeper list item, a separate country-level list, a sub-title under the region: all detail
    nested = shape(
        "<h1>X Market</h1><h2>Regional Outlook</h2><ul><li>Asia Pacific<ul><li>China</li><li>Japan</li></ul></li>"
        "<li>Europe<ul><li>Germany</li></ul></li></ul>",
        "probe.html",
    )
    assert [c for _, c in _pairs(nested)] == ["asia-pacific", "europe"]
    scope = shape("# X Market\n\nRegional scope: Asia Pacific; Europe\n\nBy Country: China; Japan; Germany\n",
                  "probe.md")
    assert [c for _, c in _pairs(scope)] == ["asia-pacific", "europe"]
    sub = shape("# X Market\n\n## Regional Analysis\n\n### Asia Pacific\n\nText.\n\n#### China\n\nText.\n\n"
                "### Europe\n\nText.\n", "probe.md")
    assert [c for _, c in _pairs(sub)] == ["asia-pacific", "europe"]
    # bracketed country lists are still dropped from the label
    listed = shape("# X Market\n\n## By Region\n\n- Asia Pacific (China, Japan, India)\n- Europe\n", "probe.md")
    assert [label for label, _ in _pairs(listed)] == ["Asia Pacific", "Europe"]


def test_inline_geography_lines() -> None:
    for cue in ("By Geography", "By Region", "By Region and Country", "Regional scope", "Geographic coverage",
                "Regions covered"):
        doc = shape(f"# X Market\n\n## Market Segmentation\n\n**{cue}:** Asia-Pacific, North America, Europe, "
                    "Rest of the World\n", "probe.md")
        assert [label for label, _ in _pairs(doc)] == [
            "Asia-Pacific", "North America", "Europe", "Rest of the World"], cue
    # brackets hold their commas; the bracketed countries are the region's detail
    doc = shape("X REPORT\n\nBy Region and Country: North America (U.S., Canada), Europe (Germany, France), "
                "Asia Pacific\n", "probe.txt")
    assert [label for label, _ in _pairs(doc)] == ["North America", "Europe", "Asia Pacific"]
    # a "By Region" inside a long title is no list
    title = shape("<h1>X Market Report By Type, By Region, And Segment Forecasts</h1><p>Europe grows.</p>",
                  "probe.html")
    assert _pairs(title) == []


def test_paragraphs_opening_with_a_place_as_subject_in_a_regional_section() -> None:
    doc = shape(
        "<h1>X Market Report</h1><h2>MARKET DYNAMICS</h2><p>Japan is a large buyer.</p>"
        "<h2>REGIONAL INSIGHTS</h2>"
        "<p>Asia Pacific battery anode materials market size was USD 9.18 billion in 2023. China is the largest "
        "producer.</p>"
        "<p>North America is expected to record a CAGR of 16.8% during the forecast period.</p>"
        "<p>Europe relies on imports of finished anode powder.</p>"
        "<p>U.S. legislation helps. Imports from Korea rise.</p>"
        "<p>Growth in India is slower.</p>",
        "probe.html",
    )
    assert [label for label, _ in _pairs(doc)] == ["Asia Pacific", "North America", "Europe"]


def test_subjects_need_a_regional_breakdown_and_are_not_taken_inside_an_item() -> None:
    # "Regional ... Strategies" is no breakdown: the market-position fallback decides
    strategies = shape(
        "X MARKET\n\n3. Regional Capacity Expansion Strategies:\nChina continues to dominate with 76% market share, "
        "though North American and European producers are investing heavily.\n",
        "probe.txt",
    )
    assert [c for _, c in _pairs(strategies)] == ["china", "north-america", "europe"]
    # under the item "Middle East & Africa", "The Middle East has..." is that item's detail
    inside = shape(
        "# X Market\n\n## Regional Analysis\n\n### Asia\n\nText.\n\n### Southeast Asia's Emerging Role\n\n"
        "Southeast Asia presents a growing market.\n\n### Middle East & Africa\n\n"
        "The Middle East has emerged as a major force.\n",
        "probe.md",
    )
    assert [c for _, c in _pairs(inside)] == ["asia", "middle-east-and-africa"]


def test_compass_sub_areas_as_items_of_a_regional_section() -> None:
    doc = shape(
        "# X Market in India\n\n## Drivers\n\n- **South India** has many plants.\n\n## Regional Insights\n\n"
        "- **South India** (Tamil Nadu, Karnataka): accounted for 47% of consumption.\n"
        "- **West India** (Gujarat, Maharashtra): the fastest-growing cluster.\n"
        "- **North-East India**: small.\n- **South Korea**: imports.\n",
        "probe.md",
    )
    assert _pairs(doc) == [("South India", "south-india"), ("West India", "west-india"),
                           ("North-East India", "north-east-india"), ("South Korea", "south-korea")]


def test_company_with_a_bracketed_country_is_no_place() -> None:
    doc = shape("X REPORT\n\nREGIONAL SCOPE\n\n1. North America\n2. Europe\n\nLEADING COMPANIES\n\n"
                "1. Sila Nanotechnologies Inc. (US)\n2. Nexeon Ltd (UK)\n", "probe.txt")
    assert [c for _, c in _pairs(doc)] == ["north-america", "europe"]


def test_fastest_growing_region_is_a_market_position() -> None:
    doc = shape("X MARKET\n\nAsia Pacific accounted for 61% of revenue. Europe is expected to be the "
                "fastest-growing region. The company opened an office in Spain.\n", "probe.txt")
    assert [c for _, c in _pairs(doc)] == ["asia-pacific", "europe"]


def test_breakdown_subjects_text_tables_and_country_tags() -> None:
    doc = shape(
        "<html><body><h1>Binder Market</h1><h2>Regions</h2><p>Asia Pacific holds 58% of world binder revenue. "
        "Europe was worth EUR 355 m in 2023, of which France alone EUR 120 m; North America remains the smallest "
        "of the three regions studied.</p></body></html>",
        "breakdown.html",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert {"Asia Pacific", "Europe", "North America"} <= set(labels) and "France" not in labels
    doc = shape(
        "COKE MARKET STUDY\n\nTable 1: market by region (USD million)\n\n  Region       2023   2029\n"
        "  Asia Pacific  1,610  2,275\n  Europe         455    530\n  North America  312    405\n"
        "  Total        2,377  3,210\n",
        "table.txt",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert {"Asia Pacific", "Europe", "North America"} <= set(labels)
    doc = shape(
        "<html><body><h1>Tantalum Anodes</h1><p>Tanrock (Brazil), the largest miner, ships the oxide. Europe "
        "accounted for 44% of 2023 demand and Asia Pacific for 35%. Brazil holds about 85% of known tantalum "
        "reserves.</p></body></html>",
        "note.html",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert "Asia Pacific" in labels and "Europe" in labels and "Brazil" not in labels


def test_regional_coverage_line_with_member_brackets() -> None:
    doc = shape("# Felt Market\n\n## Regional Analysis\n\n**Regional coverage:** Europe (Germany, France); Asia "
                "Pacific (Japan, Korea); Rest of the World.\n\nDemand is led by furnace builders.\n", "cov.md")
    assert [c for _, c in _pairs(doc)] == ["europe", "asia-pacific", "rest-of-the-world"]
    doc = shape("FELT NOTE\n\nSNAPSHOT\n\nREGIONAL COVERAGE: Europe, Japan, Rest of Asia, Latin America.\n\n"
                "Japanese furnace builders are adding shifts; India is a new buyer.\n", "cov.txt")
    assert [c for _, c in _pairs(doc)] == ["europe", "japan", "rest-of-asia", "latin-america"]


def test_the_report_covering_a_list_of_places() -> None:
    doc = shape("FELT NOTE\n\nWe cover Oceania, Latin America and Rest of World. Oceania held 45% of 2023 "
                "sales; the rest was split evenly.\n", "we.txt")
    assert [c for _, c in _pairs(doc)] == ["oceania", "latin-america", "rest-of-the-world"]
    # another subject covering places is no scope list
    doc = shape("FELT NOTE\n\nOur distributors cover Spain, Portugal and Morocco.\n", "dist.txt")
    assert _pairs(doc) == []


def test_rest_of_a_listed_region_is_its_detail() -> None:
    html = ("<html><body><h1>Felt Market</h1><p>Breakup by Region: Europe, Asia Pacific</p><table>"
            "<tr><th>Region</th><th>2024</th></tr><tr><td>Europe</td><td>90</td></tr><tr><td>Germany</td><td>40</td>"
            "</tr><tr><td>Rest of Europe</td><td>50</td></tr><tr><td>Asia Pacific</td><td>110</td></tr>"
            "<tr><td>Rest of Asia Pacific</td><td>30</td></tr></table></body></html>")
    assert [c for _, c in _pairs(shape(html, "rest.html"))] == ["europe", "asia-pacific"]
    # a remainder listed beside its siblings (no "Asia Pacific" of its own) stays
    doc = shape("FELT NOTE\n\nRegional scope: China; Rest of Asia Pacific; Europe\n", "scope.txt")
    assert [c for _, c in _pairs(doc)] == ["china", "rest-of-asia-pacific", "europe"]


def test_fact_box_regions_line() -> None:
    doc = shape(
        "<html><body><h1>Foil Market</h1><p>China bought most foil in 2024.</p><ul>"
        "<li>Publisher: Acme Research</li><li>Regions: Asia-Pacific, Europe, Latin America, Rest of World</li>"
        "</ul></body></html>",
        "factbox.html",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert labels == ["Asia-Pacific", "Europe", "Latin America", "Rest of World"]
    # a "Regions" word inside a sentence is no scope line
    doc = shape("<html><body><h1>Foil Market</h1><p>New regions: demand is spreading fast.</p></body></html>",
                "prose.html")
    assert _pairs(doc) == []


def test_pipe_rows_forecast_years_and_joined_places() -> None:
    doc = shape(
        "FOIL DECK\n\nSales by region (USD M)\nRegion | 2024 | 2030 | CAGR\nLatin America | 40 | 70 | 9.8%\n"
        "Europe | 59 | 98 | 6.6%\nTotal | 99 | 168 | 9.2%\n",
        "deck.txt",
    )
    assert {"Latin America", "Europe"} <= {label for label, _ in _pairs(doc)}
    doc = shape(
        "FOIL BRIEF\n\nTable 2. Output by country (bn)\n                2024   2029F\n  Canada        8.1    13.0\n"
        "  Mexico        2.6     3.4\n  Brazil        1.1     4.6\n",
        "brief.txt",
    )
    assert {"Canada", "Mexico", "Brazil"} <= {label for label, _ in _pairs(doc)}
    doc = shape(
        "# Foil\n\n| Region | Share |\n|---|---|\n| Europe | 40 % |\n| Canada & Mexico | 12 % |\n"
        "| Coatings & Films | 3 % |\n",
        "joined.md",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert "Canada & Mexico" in labels and "Coatings & Films" not in labels


def test_contents_entries_under_a_regional_chapter() -> None:
    doc = shape(
        "FOIL REPORT\n\nTable of Contents\n"
        "6  Market by Region, 2020-2030 ......................................... 60\n"
        "   6.1  Latin America ................................................... 61\n"
        "   6.2  Middle East & Africa ............................................ 66\n"
        "7  Company Profiles .................................................... 70\n"
        "   7.1  Brazil Foil Co ................................................... 71\n",
        "toc.txt",
    )
    labels = [label for label, _ in _pairs(doc)]
    assert "Latin America" in labels and "Middle East & Africa" in labels and "Brazil" not in labels


def test_scope_sentences_in_prose_and_joined_label_lines() -> None:
    html = ("<html><body><h1>Review of a Q study</h1><p>The study splits demand by use. Geographic coverage is "
            "Oceania, Europe and Rest of World.</p></body></html>")
    assert [label for label, _ in _pairs(shape(html, "cover.html"))] == ["Oceania", "Europe", "Rest of World"]
    html = ("<html><body><h1>Q abstract</h1><p>The study covers product grades (Coarse, Fine) across Europe, "
            "Latin America and Asia Pacific.</p></body></html>")
    assert [label for label, _ in _pairs(shape(html, "across.html"))] == ["Europe", "Latin America", "Asia Pacific"]
    txt = "Q NOTE\n\nType:    Coarse | Fine\nRegions: Europe | Latin America\n"
    assert [label for label, _ in _pairs(shape(txt, "joined.txt"))] == ["Europe", "Latin America"]
    # a company selling across places is no coverage statement
    html = ("<html><body><h1>Q note</h1><p>Acme ships across Europe, Latin America and Asia Pacific.</p>"
            "</body></html>")
    assert _pairs(shape(html, "ships.html")) == []


def test_region_table_with_row_header_cells() -> None:
    html = ("<html><body><h1>Q Report</h1><table><tr><th>Region</th><th>2024</th></tr>"
            "<tr><th scope=\"row\">Europe</th><td>10.5</td></tr>"
            "<tr><th scope=\"row\">Latin America</th><td>20.1</td></tr></table></body></html>")
    assert [label for label, _ in _pairs(shape(html, "rows.html"))] == ["Europe", "Latin America"]


def test_single_place_report_named_as_such() -> None:
    html = ("<html><body><h1>Q newsletter</h1><p>It is a Brazil-only study, so there is no regional split.</p>"
            "<p>Exports go to Chile.</p></body></html>")
    assert [label for label, _ in _pairs(shape(html, "only.html"))] == ["Brazil"]
    html = "<html><body><h1>Q newsletter</h1><p>Brazil only ships coke to Chile.</p></body></html>"
    assert _pairs(shape(html, "ships.html")) == []


def test_regional_subtitles_carrying_a_headline_figure() -> None:
    doc = shape(
        "# Tin Foil Anode Market\n\n## Regional Outlook\n\n### Europe \u2014 USD 12.5 Mn (2025)\n"
        "Germany alone accounted for USD 4.1 million in 2025.\n\n### Asia Pacific: CAGR 8.2%\n\n"
        "### Rising Demand \u2014 A Note\n",
        "t.md",
    )
    assert [c for _, c in _pairs(doc)] == ["europe", "asia-pacific"]


def test_two_regions_sharing_one_item_line() -> None:
    doc = shape(
        "<h1>Tin Foil Anode Market</h1><p><b>REGIONAL ANALYSIS</b></p>"
        "<p><b>Europe:</b> the largest buyer.</p>"
        "<p><b>Latin America</b> and <b>Middle East &amp; Africa:</b> small markets for now.</p>"
        "<p>Costs and Margins: both fell in 2025.</p>",
        "t.html",
    )
    assert [c for _, c in _pairs(doc)] == ["europe", "latin-america", "middle-east-and-africa"]


def test_leading_article_dropped_and_lower_case_remainder_named() -> None:
    html = ("<html><body><h1>Q Report</h1><h2>Regional analysis</h2>"
            "<p>North America is the largest market. Europe follows. The Rest of the World is small.</p>"
            "<h2>By region</h2></body></html>")
    labels = [label for label, _ in _pairs(shape(html, "article.html"))]
    assert "Rest of the World" in labels and "the Rest of the World" not in labels


def test_run_in_breakdown_title_opens_subject_sentences() -> None:
    txt = ("Q NEWSLETTER\n\nBy region. Brazil accounts for 61% of output. The rest of the world took "
           "US$ 7 million.\n\nLater on, Mexico signed a treaty and France hosted a fair.\n")
    pairs = _pairs(shape(txt, "runin.txt"))
    assert ("Brazil", "brazil") in pairs and ("Rest of the World", "rest-of-the-world") in pairs
    assert all(label not in ("Mexico", "France") for label, _ in pairs)
    # no breakdown title: the same sentences are passing mentions
    txt = "Q NEWSLETTER\n\nIn short. Brazil accounts for 61% of output. The rest of the world took US$ 7 million.\n"
    assert ("Rest of the World", "rest-of-the-world") not in _pairs(shape(txt, "plain.txt"))


def test_list_under_a_regional_lead_in_paragraph() -> None:
    html = ("<html><body><h1>Q Report</h1><p>Some intro text about the product and its uses.</p>"
            "<p>By country, 2024:</p><ul><li>Brazil: $49.6 Mn</li><li>Chile: $16.2 Mn</li>"
            "<li>Rest of world: $6.2 Mn</li></ul>"
            "<p>Regional outlook (revenue, USD million)</p><ul><li>Europe</li><li>Oceania</li></ul>"
            "</body></html>")
    labels = [label for label, _ in _pairs(shape(html, "lead.html"))]
    assert labels == ["Brazil", "Chile", "Rest of world", "Europe", "Oceania"]
    # a list that is not all places is no regional list; a list under another lead-in is none either
    html = ("<html><body><h1>Q Report</h1><p>Some intro text about the product and its uses.</p>"
            "<p>By country, 2024:</p><ul><li>Peru</li><li>Coarse grades sold in bulk</li></ul>"
            "<p>We visited these sites:</p><ul><li>Chile</li><li>Bolivia</li></ul></body></html>")
    assert _pairs(shape(html, "lead2.html")) == []


def test_table_cells_holding_a_place_and_its_figure() -> None:
    html = ("<html><body><h1>Q deck</h1><h2>Regional view</h2><table>"
            "<tr><td>Latin America: US$ 3.05 bn</td><td>Latin America CAGR: 9.6%</td></tr>"
            "<tr><td>Oceania: US$ 0.92 bn</td><td>Oceania CAGR: 6.1%</td></tr>"
            "<tr><td>Acme Corp: US$ 0.5 bn</td><td>Brazil: 61% of capacity</td></tr></table></body></html>")
    labels = [label for label, _ in _pairs(shape(html, "cells.html"))]
    assert labels == ["Latin America", "Oceania"]


def test_run_in_place_heads_and_take_as_subject_verb_in_a_regional_section() -> None:
    txt = ("Q BRIEF\n\n3. REGIONAL SNAPSHOT\n\nOceania. Smelters there import most of their coke.\n\n"
           "Latin America. Demand rose 4% last year.\n\n4. PRICES\n\nPeru. Prices fell.\n")
    labels = [label for label, _ in _pairs(shape(txt, "snap.txt"))]
    assert labels == ["Oceania", "Latin America"]
    html = ("<html><body><h1>Q brief</h1><h2>Regions</h2><p>Latin America takes 78% of consumption.</p>"
            "<p>Brazil, Chile and Peru host nearly all coating lines.</p></body></html>")
    labels = [label for label, _ in _pairs(shape(html, "takes.html"))]
    assert labels == ["Latin America"]  # member countries of a listed region are its detail


def test_contents_without_leaders_only_when_flagged_as_contents() -> None:
    html = ("<html><body><h1>Q Report</h1><h2>Table of Contents</h2><ul>"
            "<li>6 Q Market, by Region</li><li>6.1 Oceania</li><li>6.2 Japan &amp; South Korea</li>"
            "<li>6.3 Latin America</li><li>7 Competitive Landscape</li></ul>"
            "<h2>Summary</h2><p>6.1 Peru</p></body></html>")
    labels = [label for label, _ in _pairs(shape(html, "toc.html"))]
    assert labels == ["Oceania", "Japan & South Korea", "Latin America"]


# ------------------------------------------------------------------ compound regions and flattened lists


def test_compound_region_closing_a_scope_list_stays_one_region() -> None:
    for joined in ("Middle East and Africa", "Middle East &amp; Africa"):
        html = (f"<h1>Tin Foil Anode Market</h1><p>The study covers Oceania, Europe, Latin America and {joined}."
                "</p><p>Prices rose.</p>")
        assert [c for _, c in _pairs(shape(html, "c.html"))] == [
            "oceania", "europe", "latin-america", "middle-east-and-africa"]
    # two plain regions joined by "and" are still two; a region the lexicon knows as one pair is one
    html = "<h1>Tin Foil Anode Market</h1><p>The study covers Oceania, Europe and Africa.</p>"
    assert [c for _, c in _pairs(shape(html, "c2.html"))] == ["oceania", "europe", "africa"]
    html = "<h1>Tin Foil Anode Market</h1><p>The study covers Oceania, Europe and Middle East and North Africa.</p>"
    assert [c for _, c in _pairs(shape(html, "c3.html"))] == ["oceania", "europe", "mena"]


def test_compound_region_in_a_shared_item_line() -> None:
    doc = shape(
        "<h1>Tin Foil Anode Market</h1><h2>Regional Analysis</h2>"
        "<p><b>Latin America:</b> the largest buyer.</p>"
        "<p>Oceania and Middle East and Africa: both still small.</p>",
        "t.html",
    )
    assert [c for _, c in _pairs(doc)] == ["latin-america", "oceania", "middle-east-and-africa"]


def test_regional_title_line_with_its_items_run_together() -> None:
    txt = ("TIN FOIL ANODE MARKET REPORT\n\nThe market grew in 2024.\n\n"
           "By Application: Foils Sheets Powders\n\n"
           "Geographic Breakdown: Oceania Latin America Middle East and Africa LAMEA\n\n"
           "Oceania: mines in Queensland supply most of the ore.\n")
    assert [c for _, c in _pairs(shape(txt, "flat.txt"))] == [
        "oceania", "latin-america", "middle-east-and-africa", "lamea"]
    # separators are fine too; one word that is no place makes it prose, and another label is no region list
    txt = "TIN FOIL ANODE MARKET REPORT\n\nRegional Analysis: Oceania | Europe | Africa\n"
    assert [c for _, c in _pairs(shape(txt, "bars.txt"))] == ["oceania", "europe", "africa"]
    txt = ("TIN FOIL ANODE MARKET REPORT\n\nRegional Analysis: Oceania trails Europe\n\n"
           "Key Buyers: Oceania Europe\n\nPrices rose 4% in Peru.\n")
    assert _pairs(shape(txt, "prose.txt")) == []


def _labels(text: str, media_type: str = "text/plain") -> list[str]:
    from kg.ingest.text import render_text

    doc = render_text(text, media_type)
    return [label for label, _ in _pairs(doc)]


def test_breakdown_bracket_after_region_word() -> None:
    text = (
        "Pitch coke outlook\n\nApproach. We value the market by grade, end use and region (Brazil, Europe, "
        "North America and Rest of World) for 2023 and 2029.\n"
    )
    assert _labels(text) == ["Brazil", "Europe", "North America", "Rest of World"]


def test_member_brackets_are_no_breakdown() -> None:
    for text in (
        "Pitch coke outlook\n\nDemand in the Asia-Pacific region (China, Japan and India) rose 8% in 2024.\n",
        "Pitch coke outlook\n\nPlants in the region (Brazil and Chile) ran at full load.\n",
    ):
        assert _labels(text) == []


def test_bracketed_abbreviation_closing_a_covered_list() -> None:
    text = "<p>The study covers Oceania, Latin America, Europe and the Rest of the World (RoW).</p>"
    assert _labels(text, "text/html") == ["Oceania", "Latin America", "Europe", "Rest of the World"]


def test_slash_joined_item_of_a_regional_section() -> None:
    text = (
        "# Pitch coke\n\n## Regional demand\n\n**Brazil:** steady demand.\n\n"
        "**Chile/Peru:** small, import-led demand for smelters.\n\n## Drivers\n\nCosts fall.\n"
    )
    assert _labels(text, "text/markdown") == ["Brazil", "Chile/Peru"]
    # a slash outside a regional section names nothing
    assert _labels("# Pitch coke\n\n## Prices\n\n**Chile/Peru:** prices fell.\n", "text/markdown") == []


def test_dot_leader_lines_under_a_regional_lead_in_are_regions() -> None:
    body = ("# Foil Outlook\n\nRegional split of 2024 sales (%):\n\nBrazil ............ 40.1\n\n"
            "Germany ........... 31.0\n\nRest of World ..... 28.9\n\nSales split by grade (%):\n\n"
            "Thin Gauge ........ 60.0\n\nThick Gauge ....... 40.0\n")
    assert _labels(body, "text/markdown") == ["Brazil", "Germany", "Rest of World"]


def test_region_with_an_unbracketed_exclusion_is_its_own_row_label() -> None:
    body = ("<h2>Market by region</h2><table><tr><th>Region</th><th>2024</th><th>2030</th></tr>"
            "<tr><td>Latin America</td><td>210</td><td>260</td></tr>"
            "<tr><td>Europe excluding Russia</td><td>120</td><td>150</td></tr>"
            "<tr><td>Quorra excl. Brazil</td><td>50</td><td>70</td></tr></table>")
    labels = _labels(body, "text/html")
    assert "Europe excluding Russia" in labels and "Latin America" in labels
    assert "Europe" not in labels and not any("Quorra" in label for label in labels)


def test_counted_regions_after_a_modelling_verb_are_the_scope() -> None:
    text = ("Regional split. We model three regions: Brazil, Rest of Latin America and Oceania. Prices fell in "
            "Japan.\n\nWe model three scenarios: Base, Low and High.\n")
    assert _labels(text) == ["Brazil", "Rest of Latin America", "Oceania"]
