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
        ("type", "Pure Silicon"), ("type", "Silicon-Carbon Composite"), ("type", "Silicon Oxide (SiOx)"),
        ("application", "Automotive"), ("application", "Consumer Electronics"),
        ("application", "Energy Storage"),
    ]


def test_markdown_lists_lose_descriptions() -> None:
    assert _pairs(shape(MARKDOWN_DOC, "probe.md")) == [
        ("type", "Natural Graphite"), ("type", "Synthetic Graphite"), ("type", "Lithium Titanate (LTO)"),
        ("end_user", "Industrial"), ("end_user", "Automotive"), ("end_user", "Consumer Electronics"),
    ]


def test_plain_text_lines() -> None:
    assert _pairs(shape(TEXT_DOC, "probe.txt")) == [
        ("type", "Natural graphite"), ("type", "Synthetic graphite"), ("application", "Energy storage systems"),
        ("application", "EV batteries"), ("application", "Consumer electronics batteries"),
    ]


def test_inline_bold_prefix_list_and_prose_fallback() -> None:
    md = "# X Anode Market 2025-2030\n\n## Segmentation\n\n**By Form:** Spherical, Flake and Amorphous\n"
    assert _pairs(shape(md, "a.md")) == [
        ("type", "Spherical"), ("type", "Flake"), ("type", "Amorphous")]
    prose = ("<h1>Y Market 2025-2030</h1><p>The market is segmented into bottom carbon anodes and "
             "side carbon anodes, and demand comes from smelters.</p>")
    expected = [("type", "bottom carbon anode"), ("type", "side carbon anode")]
    assert _pairs(shape(prose, "b.html")) == expected


def test_nested_outlook_list_items() -> None:
    html = (
        "<h1>Graphite Anode Market 2025-2030</h1><h2>Report Segmentation</h2><ul>"
        "<li>Type Outlook (Revenue, USD Million, 2018 - 2030)<ul><li>Flake</li><li>Vein</li></ul></li>"
        "<li>Application Outlook (Revenue, USD Million, 2018 - 2030)<ul><li>Power Tools</li>"
        "<li>Grid Storage</li></ul></li>"
        "<li>Regional Outlook (Revenue, USD Million, 2018 - 2030)<ul><li>Europe<ul><li>Germany</li></ul>"
        "</li></ul></li></ul>"
    )
    assert _pairs(shape(html, "n.html")) == [
        ("type", "Flake"), ("type", "Vein"), ("application", "Power Tools"), ("application", "Grid Storage")]


def test_labelled_line_with_semicolons() -> None:
    txt = ("X Anode Market Report 2026-2034\n\nSegments\n--------\n"
           "By Product Type: CVD Silicon-Carbon; Ball-Milled Silicon-Carbon\n"
           "By Application: Electric Vehicles; Consumer Electronics; Power Tools\n")
    # the kind comes from "By Application" only, not from "Consumer" among the items
    assert _pairs(shape(txt, "l.txt")) == [
        ("type", "CVD Silicon-Carbon"), ("type", "Ball-Milled Silicon-Carbon"),
        ("application", "Electric Vehicles"), ("application", "Consumer Electronics"),
        ("application", "Power Tools")]


def test_table_with_one_axis_per_column_and_total_row() -> None:
    md = ("# Anode Market 2025-2030\n\n## Segmentation\n\n| By Material | By Application | By End User |\n"
          "|---|---|---|\n| Flake Graphite | Drones | Automotive |\n| Silicon-based | Power Tools | |\n\n"
          "## Sizes\n\n| Application | 2024 | 2030 |\n|---|---|---|\n| Drones | 1.0 | 2.0 |\n"
          "| Total | 3.0 | 4.0 |\n")
    assert sorted(_pairs(shape(md, "t.md"))) == sorted([
        ("type", "Flake Graphite"), ("type", "Silicon-based"), ("application", "Drones"),
        ("application", "Power Tools"), ("end_user", "Automotive")])


def test_descriptions_after_dash_and_and_in_a_label() -> None:
    md = ("# Anode Market 2025-2030\n\n## By Material Type\n\n"
          "- Active Materials – natural graphite, silicon and titanate powders\n- Binders – rubber systems\n\n"
          "## By Application\n\nPower Tools\n\nAerospace and Defense\n")
    assert _pairs(shape(md, "d.md")) == [
        ("type", "Active Materials"), ("type", "Binders"),
        ("application", "Power Tools"), ("application", "Aerospace and Defense")]


def test_title_breakdown_only_for_empty_axes() -> None:
    html = ("<h1>Anode Market Size, Share &amp; Analysis, By Material (Flake Graphite, Silicon, Others), "
            "By Application (EV, ESS), and Regional Forecast, 2024-2032</h1>"
            "<h2>By Application</h2><ul><li>Electric Vehicles</li><li>Grid Storage</li></ul>")
    assert _pairs(shape(html, "h.html")) == [
        ("application", "Electric Vehicles"), ("application", "Grid Storage"),
        ("type", "Flake Graphite"), ("type", "Silicon"), ("type", "Others")]


def test_inline_segments_covered_line_and_ampersand_labels() -> None:
    doc = shape(
        "Foo Foil Market\n\nSegments covered: Thickness (Below 50 \u00b5m, 50\u2013100 \u00b5m, Above 100 \u00b5m); "
        "Application (Solid-State Batteries, Research & Pilot Lines).\n\nMARKET SEGMENTATION\n\n"
        "By End User: Automotive, Consumer Goods, Aerospace & Defense\n",
        "x.txt",
    )
    pairs = _pairs(doc)
    assert ("type", "50\u2013100 \u00b5m") in pairs and ("type", "Below 50 \u00b5m") in pairs
    assert ("application", "Research & Pilot Lines") in pairs
    assert ("end_user", "Aerospace & Defense") in pairs


def test_segment_lists_written_in_sentences() -> None:
    doc = shape(
        "<html><body><h1>Anode Additives Market Report</h1>"
        "<p>By type, the market is divided into Alpha Powder and Beta Foil. By application, it spans "
        "Sodium-Ion Cells, Supercapacitors and Others.</p>"
        "<p>By binder grade: PVA; NBR; Others. By anode chemistry: Carbon Anodes; Tin-Carbon Anodes.</p>"
        "</body></html>",
        "sent.html",
    )
    pairs = _pairs(doc)
    assert ("application", "Supercapacitors") in pairs and ("application", "Others") in pairs
    assert ("type", "PVA") in pairs and ("type", "NBR") in pairs
    assert ("application", "Tin-Carbon Anodes") in pairs  # "by anode chemistry": what it goes into
    doc = shape(
        "<html><body><h1>Prelithiation Materials Market</h1><p>Segments: by material, Metal Powder, Foil "
        "Laminates and Rich Additives; by anode type, Hard Carbon Anodes and Silicon Anodes. Regions covered: "
        "Europe and Asia.</p><p><b>Segments.</b> By chemistry we divide the market into vanadium pentoxide"
        " and vanadium sulfide; by application into delivery vans, farm &amp; forestry "
        "machinery and backup power.</p></body></html>",
        "sent2.html",
    )
    pairs = _pairs(doc)
    assert ("type", "Foil Laminates") in pairs and ("application", "Hard Carbon Anodes") in pairs
    assert ("application", "Farm & Forestry Machinery") in pairs
    assert not any("Europe" in label for _, label in pairs)


def test_plain_label_lines_and_numbered_part_titles() -> None:
    doc = shape(
        "Tin Anode Market Report\n=======================\n\nSEGMENTATION\n------------\n\nType:\n"
        "  * Tin Oxide\n  * Tin Alloys\n\nApplication:\n  * Power Tools\n  * Electric Vehicles\n",
        "labels.txt",
    )
    pairs = _pairs(doc)
    assert ("type", "Tin Oxide") in pairs and ("application", "Power Tools") in pairs
    doc = shape(
        "COKE MARKET STUDY 2025-2030\n\n4. Segmentation\n\n4.1 By Grade\n  - Low-Sulphur CPC\n  - High-Sulphur CPC\n\n"
        "5. Market Dynamics\n\n5.1 Drivers\n  - New smelters\n",
        "numbered.txt",
    )
    labels = [label for _, label in _pairs(doc)]
    assert "Low-Sulphur CPC" in labels and "Market Dynamics" not in labels


def _with_meta(doc: TextDocument) -> list[tuple[str, str]]:
    segs = extract_segments(doc, outline(doc), extract_meta(doc))
    for s in segs:
        assert all(doc.text[e.start:e.end] == e.quote for e in s.evidence)
    return [(s.kind, s.label) for s in segs]


def test_axis_with_bracketed_items_inside_a_sentence() -> None:
    doc = shape("<html><body><h1>Carbon Felt Market 2025-2031</h1><p>We split the market <b>by grade</b> "
                "(Rayon-Based Felt, PAN-Based Felt), by end use (Flow Batteries, Furnace Insulation) and by region "
                "(Europe, Asia).</p><p>Revenue by application (USD million) is shown in Table 4.</p></body></html>",
                "brackets.html")
    assert _pairs(doc) == [("type", "Rayon-Based Felt"), ("type", "PAN-Based Felt"),
                           ("end_user", "Flow Batteries"), ("end_user", "Furnace Insulation")]
    doc = shape("<html><body><h1>Felt Market</h1><p>Sales by type (2019-2024) and by application (%) "
                "are charted below.</p></body></html>", "units.html")
    assert _pairs(doc) == []


def test_key_value_table_lists_items_per_axis() -> None:
    html = ("<html><body><h1>Binder Pitch Market 2025-2030</h1><h2>Report Coverage</h2><table>"
            "<tr><th>By grade</th><td>Soft Pitch; Medium Pitch; Hard Pitch</td></tr>"
            "<tr><th>By end use</th><td>Aluminium Smelting; Refractories</td></tr>"
            "<tr><th>By region</th><td>Europe; Asia Pacific</td></tr></table></body></html>")
    assert _pairs(shape(html, "kv.html")) == [
        ("type", "Soft Pitch"), ("type", "Medium Pitch"), ("type", "Hard Pitch"),
        ("end_user", "Aluminium Smelting"), ("end_user", "Refractories")]  # never "By end use" / "By region"


def test_middle_dot_and_pipe_separated_lists() -> None:
    md = ("# Graphite Foil Market 2025-2030\n\n*By the editors · 6 min read*\n\n## Segment Analysis\n\n"
          "**By Grade:** Flexible Foil · Rigid Sheet, Laminated · Expanded Foil\n\n"
          "**By Application:** Gaskets · Heat Spreaders\n")
    assert _pairs(shape(md, "dots.md")) == [
        ("type", "Flexible Foil"), ("type", "Rigid Sheet, Laminated"), ("type", "Expanded Foil"),
        ("application", "Gaskets"), ("application", "Heat Spreaders")]
    # label lines run together into one paragraph: each capitalised "By X:" opens the next list
    txt = ("Graphite Foil Market\n\n3. SEGMENTS\n-----------\n\n  By Grade:   Flexible Foil | Rigid Sheet\n"
           "  By Application:   Gaskets | Heat Spreaders | Seals\n")
    assert _pairs(shape(txt, "pipes.txt")) == [
        ("type", "Flexible Foil"), ("type", "Rigid Sheet"), ("application", "Gaskets"),
        ("application", "Heat Spreaders"), ("application", "Seals")]


def test_anode_type_axis_is_the_products_own_type_in_an_anode_market() -> None:
    body = "\n\n## Segmentation\n\n### By Anode Type\n\n- Vented Blocks\n- Solid Blocks\n"
    assert _with_meta(shape("# Baked Carbon Anode Market Report 2025-2030" + body, "own.md")) == [
        ("type", "Vented Blocks"), ("type", "Solid Blocks")]
    # a material that goes into anodes: the anode types are its applications
    assert _with_meta(shape("# Coal Tar Pitch for Anodes Market Report 2025-2030" + body, "input.md")) == [
        ("application", "Vented Blocks"), ("application", "Solid Blocks")]
    assert axis_kind("By Anode Type", "anode") == "type" and axis_kind("By Anode Type", "pitch") == "application"


def test_chapter_lines_are_never_items() -> None:
    txt = ("Pitch Coke Market Insights\n\nSEGMENTS\n\nSegment by Application\nCathode Blocks\nElectrodes\n"
           "Chapter 3 Global Demand Outlook\n3.1 Demand by Region\n")
    labels = [label for _, label in _pairs(shape(txt, "toc.txt"))]
    assert "Cathode Blocks" in labels and not any("Chapter" in label for label in labels)


def test_plain_text_table_headed_by_an_axis() -> None:
    txt = ("Carbon Felt Market 2025-2031\n\nTable 2 - revenue by grade (USD million)\n\n"
           "  Grade                 2024      2031    CAGR\n  ----------------------------------------\n"
           "  Rayon-Based Felt      120.5     210.0   8.3%\n  PAN-Based Felt         80.1     151.9   9.6%\n"
           "  Total                 200.6     361.9   8.8%\n\n"
           "  Region                2024      2031\n  Europe                 90.0     150.0\n"
           "  Asia                  110.6     211.9\n")
    assert _pairs(shape(txt, "texttable.txt")) == [("type", "Rayon-Based Felt"), ("type", "PAN-Based Felt")]


def test_axis_part_ends_at_the_next_numbered_part() -> None:
    txt = ("FELT MARKET NOTE\n\n[2] MARKET SIZE BY GRADE\n\nAll values in USD million.\n\n"
           "[3] RISKS\n\n  + Fibre shortages in Asia\n  + Energy prices\n")
    assert _pairs(shape(txt, "parts.txt")) == []


def test_contents_lines_lose_their_dotted_leaders() -> None:
    doc = shape(
        "RESIN BINDER MARKET REPORT\n\nContents\n\n"
        "4  Market by Grade, 2020-2030 ............................................ 40\n"
        "   4.1  Low Viscosity Grade ................................................ 41\n"
        "   4.2  High Solids Grade .................................................. 45\n"
        "5  Company Profiles ...................................................... 50\n",
        "contents.txt",
    )
    labels = [label for _, label in _pairs(doc)]
    assert "Low Viscosity Grade" in labels and "High Solids Grade" in labels
    assert not any("..." in label or label.endswith(("41", "45")) for label in labels)


def test_factor_type_columns_bylines_and_business_axes_are_no_segments() -> None:
    assert axis_kind("Factor type") is None
    assert axis_kind("Impact category") is None
    assert axis_kind("By Maria Lopez \u00b7 2 May 2025 \u00b7 4 min read") is None
    assert axis_kind("By supply model") is None
    assert axis_kind("By Distribution Channel") is None
    assert axis_kind("By Coating") == "type"
    doc = shape(
        "<html><body><h1>Binder Market</h1><table><tr><th>Factor type</th><th>Factor</th></tr>"
        "<tr><td>Driver</td><td>More gigafactories</td></tr><tr><td>Restraint</td><td>Solvent rules</td></tr>"
        "</table></body></html>",
        "factors.html",
    )
    assert _pairs(doc) == []


def test_card_descriptions_under_item_subheadings_are_no_items() -> None:
    doc = shape(
        "<html><body><h1>Foil Market</h1><h2>By Application</h2>"
        "<div><h4>Power Tools</h4><p>Drills, saws, grinders</p></div>"
        "<div><h4>Medical Devices</h4><p>Early pilots</p></div></body></html>",
        "cards.html",
    )
    assert _pairs(doc) == [("application", "Power Tools"), ("application", "Medical Devices")]


def test_fact_box_lines_naming_an_axis() -> None:
    doc = shape(
        "<html><body><h1>Foil Market</h1><ul><li>Publisher: Acme Research</li>"
        "<li>Grade: Rolled foil, Electrolytic foil, Clad foil</li>"
        "<li>End use: Power tools, Grid storage</li><li>Price: from USD 2,900</li></ul></body></html>",
        "factbox.html",
    )
    pairs = _pairs(doc)
    assert ("type", "Rolled foil") in pairs and ("type", "Clad foil") in pairs
    assert ("end_user", "Grid storage") in pairs
    assert not any(label.startswith(("Acme", "from")) for _, label in pairs)
    doc = shape(
        "FOIL DIGEST\n\nSegments covered: Grade -- Rolled foil, Clad foil | Application -- Power tools, "
        "Grid storage\n",
        "digest.txt",
    )
    assert _pairs(doc) == [("type", "Rolled foil"), ("type", "Clad foil"), ("application", "Power tools"),
                           ("application", "Grid storage")]
    # items split by "|" leave no way to tell the groups apart
    doc = shape("FOIL DIGEST\n\nNotes: see annex | Application: Power tools | Grid storage\n", "notes.txt")
    assert _pairs(doc) == []


def test_prose_axis_with_bracketed_figures_and_numbered_paragraphs() -> None:
    doc = shape(
        "FOIL NOTE\n\n3. Segments. We split demand by end use: power tools (61% of volume), grid storage (30%)\n"
        "and medical devices (9%).\n\n4. Risks.\n   Prices may fall.\n",
        "note.txt",
    )
    pairs = _pairs(doc)
    assert {label.lower() for _, label in pairs} == {"power tools", "grid storage", "medical devices"}
    assert {kind for kind, _ in pairs} == {"end_user"}


def test_joined_axis_label_lines() -> None:
    txt = ("Q SODIUM NOTE\n\nSEGMENTS\n\nType:        Flaky Powder | Dense Pellet | Coated Grain\n"
           "Application: Marine Packs | Forklift Packs\nRegions:     Europe | Asia\n")
    assert _pairs(shape(txt, "joined.txt")) == [
        ("type", "Flaky Powder"), ("type", "Dense Pellet"), ("type", "Coated Grain"),
        ("application", "Marine Packs"), ("application", "Forklift Packs"),
    ]
    md = "# Q Sodium Market\n\n## Scope\n\n**Product types:** Flaky Powder; Dense Pellet.\n"
    assert _pairs(shape(md, "one.md")) == [("type", "Flaky Powder"), ("type", "Dense Pellet")]
    # a mail header and a prose "Type:" line are no axis lists
    txt = "Q NOTE\n\nContent-Type: text/plain; charset=utf-8\n\nType: the dense grade, which sells best.\n"
    assert _pairs(shape(txt, "header.txt")) == []


def test_plural_axis_brackets_and_a_two_label_pair() -> None:
    html = ("<html><body><h1>Q Sodium Anode Report</h1><p>The study covers product types (Flaky Powder, Dense "
            "Pellet), applications (Marine Packs, Forklift Packs) and end users (Utilities, Fleet Operators). "
            "By customer (fleet operators and port authorities) demand is split.</p></body></html>")
    pairs = _pairs(shape(html, "abstract.html"))
    assert ("type", "Dense Pellet") in pairs and ("application", "Forklift Packs") in pairs
    assert ("end_user", "Fleet Operators") in pairs
    html = ("<html><body><h1>Q Sodium Anode Report</h1><p>Segmented by end user (oil and gas).</p>"
            "<p>Its applications (see chapter four) are many.</p></body></html>")
    assert _pairs(shape(html, "pair.html")) == []  # "oil and gas" is not split in two; no list, no items


def test_row_header_cells_of_an_axis_table() -> None:
    html = ("<html><body><h1>Q Flake Report</h1><h3>By particle size</h3><table>"
            "<tr><th>Size</th><th>2024</th></tr>"
            "<tr><th scope=\"row\">Coarse Grade</th><td>10.5</td></tr>"
            "<tr><th scope=\"row\">Fine Grade</th><td>20.1</td></tr></table></body></html>")
    assert _pairs(shape(html, "rowheads.html")) == [("type", "Coarse Grade"), ("type", "Fine Grade")]


def test_breakup_by_label_line_names_any_product_property_as_an_axis() -> None:
    doc = shape(
        "Tin Foil Anode Market Report 2026\n\nThe market was USD 40 million in 2025.\n\n"
        "Breakdown by Purity Level:\n- Standard Purity (<99.5%)\n- High Purity (99.5-99.9%)\n\n"
        "Split by Application:\n- Coin Cells\n- Pouch Cells\n",
        "t.txt",
    )
    assert _pairs(doc) == [
        ("type", "Standard Purity (<99.5%)"), ("type", "High Purity (99.5-99.9%)"),
        ("application", "Coin Cells"), ("application", "Pouch Cells"),
    ]


def test_breakup_by_a_non_product_property_is_no_axis() -> None:
    doc = shape(
        "Tin Foil Anode Market Report 2026\n\nThe market was USD 40 million in 2025.\n\n"
        "Breakdown by Supplier:\n- Acme Foils\n- Borel Metals\n\nSplit by Region:\n- Europe\n- Asia\n",
        "t.txt",
    )
    assert _pairs(doc) == []


def test_a_bare_share_in_brackets_is_no_label_but_a_bounded_grade_is() -> None:
    doc = shape(
        "Tin Foil Anode Market Report 2026\n\nThe market was USD 40 million in 2025.\n\n"
        "Breakup by Grade:\n- Coarse (45%)\n- Fine (55%)\n",
        "t.txt",
    )
    assert _pairs(doc) == []


def test_run_together_by_lines_stop_at_a_region_axis() -> None:
    doc = shape(
        "Tin Foil Anode Market Report 2026\n\nThe market was USD 40 million in 2025.\n\n"
        "By Type: Rolled Foil | Plated Foil By End User: Wearables | Medical Devices | Toys "
        "By Region: Europe | Asia\n",
        "t.txt",
    )
    assert _pairs(doc) == [
        ("type", "Rolled Foil"), ("type", "Plated Foil"),
        ("end_user", "Wearables"), ("end_user", "Medical Devices"), ("end_user", "Toys"),
    ]


def test_a_remark_title_after_the_axis_list_ends_the_axis() -> None:
    # "By application" and its list, then a bold remark over figures: the remark is another part.
    html = ("<h1>Widget Resin Market 2025-2030</h1><h2>Segments: grade and end use</h2>"
            "<p><b>By type</b></p><ul><li>Liquid Resin</li><li>Powder Resin</li></ul>"
            "<p><b>By application</b></p><ul><li>Drone Frames</li><li>Boat Hulls</li></ul>"
            "<p><b>How the mix shifts</b></p><ul><li>Drone frames: 41% of 2025 value</li>"
            "<li>Hull makers: 22% of 2025 value</li><li>Liquid grade: US$ 0.8 bn in 2025</li></ul>"
            "<h2>Regional view</h2><ul><li>Europe: US$ 1.1 bn</li></ul>")
    assert _pairs(shape(html, "r.html")) == [
        ("type", "Liquid Resin"), ("type", "Powder Resin"),
        ("application", "Drone Frames"), ("application", "Boat Hulls"),
    ]
    # a non-remark title over figures after the list ends it too
    html = ("<h1>Widget Resin Market 2025-2030</h1><h2>By application</h2><ul><li>Drone Frames</li>"
            "<li>Boat Hulls</li></ul><p><b>Value split</b></p><ul><li>Frame makers: 41% of value</li>"
            "<li>Hull yards: 22% of value</li></ul><h2>Regional view</h2><p>Europe leads.</p>")
    assert _pairs(shape(html, "v.html")) == [("application", "Drone Frames"), ("application", "Boat Hulls")]


def test_sub_groups_and_item_titles_stay_in_the_axis() -> None:
    # a label over a list of plain labels after the axis's own list is a sub-group of the axis
    html = ("<h1>Widget Resin Market 2025-2030</h1><h2>By application</h2><ul><li>Drone Frames</li>"
            "<li>Boat Hulls</li></ul><p><b>Industrial</b></p><ul><li>Pump Housings</li><li>Valve Seats</li></ul>"
            "<h2>Regional view</h2><p>Europe leads.</p>")
    assert _pairs(shape(html, "g.html")) == [
        ("application", "Drone Frames"), ("application", "Boat Hulls"), ("application", "Industrial"),
        ("application", "Pump Housings"), ("application", "Valve Seats"),
    ]
    # without a list of its own, the axis's sub-titles are its items; a remark title never is one
    html = ("<h1>Widget Resin Market 2025-2030</h1><h2>By type</h2><h3>What buyers prefer</h3>"
            "<p>Buyers prefer grades that keep well in humid stores for a whole season.</p>"
            "<h3>Liquid Resin</h3><p>Liquid resin is the larger grade and sells to boat yards across Europe.</p>"
            "<h3>Powder Resin</h3><p>Powder resin is used where shelf life matters more than anything else.</p>"
            "<h2>Regional view</h2><p>Europe leads.</p>")
    assert _pairs(shape(html, "t.html")) == [("type", "Liquid Resin"), ("type", "Powder Resin")]


def test_axis_clause_beside_another_with_a_shared_head_and_a_closing_clause() -> None:
    text = ("# Foo Carbon Market 2026-2031\n\nWe sized the market in 2025. By feedstock, we distinguish shell-derived, "
            "wood-derived and coal-derived foo carbon; coal-derived grades are the cheapest of all three today. "
            "By application, we distinguish primary cells and moisture sensors.\n")
    assert sorted(_pairs(shape(text, "f.md"))) == [
        ("application", "Moisture Sensors"), ("application", "Primary Cells"),
        ("type", "Coal-derived"), ("type", "Shell-derived"), ("type", "Wood-derived")]
    # "By contrast, ..." lists nothing, even beside an axis clause
    text = ("# Foo Carbon Market 2026-2031\n\nBy contrast, prices fell, margins shrank and volumes rose. "
            "By application, we distinguish primary cells and moisture sensors.\n")
    assert _pairs(shape(text, "g.md")) == [("application", "Primary Cells"), ("application", "Moisture Sensors")]


def test_axis_line_with_a_note_and_size_bands() -> None:
    text = ("Foo Powder Market 2026-2031\n\nThe report splits the market as follows:\n"
            "By Grain Size (D90): Under 5 Microns; 5-15 Microns; Over 15 Microns\n"
            "By Application: Primary Cells; Moisture Sensors\n")
    assert sorted(_pairs(shape(text, "p.txt"))) == [
        ("application", "Moisture Sensors"), ("application", "Primary Cells"),
        ("type", "5-15 Microns"), ("type", "Over 15 Microns"), ("type", "Under 5 Microns")]
    # shares are figures, not size bands
    text = ("Foo Powder Market 2026-2031\n\nThe report splits the market as follows:\n"
            "By Grade (2025): 40% Premium; 60% Standard\nBy Application: Primary Cells; Moisture Sensors\n")
    assert ("type", "40% Premium") not in _pairs(shape(text, "q.txt"))


def test_following_axis_list_in_a_sentence() -> None:
    text = ("<h1>Foo Carbon Market 2026-2031</h1><p>The study covers the following types: Shell Carbon; "
            "Wood-Fibre Carbon; Mixed (Hybrid) Blend. Shell carbon leads.</p>")
    assert _pairs(shape(text, "t.html")) == [
        ("type", "Shell Carbon"), ("type", "Wood-Fibre Carbon"), ("type", "Mixed (Hybrid) Blend")]
    text = "<h1>Foo Carbon Market 2026-2031</h1><p>We spoke to the following companies: Acme Foo; Zenith Carbon.</p>"
    assert _pairs(shape(text, "u.html")) == []


def test_next_axis_of_a_bracketed_run_named_without_by() -> None:
    text = ("<h1>Foo Anode Market worth $1 billion by 2031</h1><p>See the report \"Foo Anode Market by Type (Foil, "
            "Powder), Application (Hearing Aids, Smart Meters & Sensors, Toys), and Region - Forecast to 2031\".</p>")
    assert _pairs(shape(text, "r.html")) == [
        ("type", "Foil"), ("type", "Powder"),
        ("application", "Hearing Aids"), ("application", "Smart Meters & Sensors"), ("application", "Toys")]
    text = "<h1>Foo Anode Market</h1><p>Tables by Type (Foil, Powder), Revenue (USD Million, 2025).</p>"
    assert _pairs(shape(text, "s.html")) == [("type", "Foil"), ("type", "Powder")]
