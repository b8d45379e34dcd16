"""Segment and dynamics rules met on landing pages, briefs and blogs, on invented documents."""

from __future__ import annotations

from kg.extract.dynamics import dynamic_kind, extract_dynamics
from kg.extract.sections import outline, semantic_offset
from kg.extract.segment_labels import axis_kind, is_axis_title
from kg.extract.segments import extract_segments
from kg.models import TextDocument
from tests.test_sections import shape


def _pairs(doc: TextDocument) -> list[tuple[str, str]]:
    segs = extract_segments(doc, outline(doc))
    for s in segs:
        for ev in s.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
    return [(s.kind, s.label) for s in segs]


def test_related_reports_by_a_firm_name_no_axis() -> None:
    assert axis_kind("Related Reports by Orbis Market Analytics") is None
    assert axis_kind("More news by this publisher") is None
    assert axis_kind("Revenue by Precursor") == "type"
    doc = shape(
        "<h1>Tin Anode Foil Market Report 2026-2031</h1><p>The market was USD 1 billion in 2025.</p>"
        "<h2>Related Reports by Orbis Market Analytics</h2><ul><li>Copper Foil Market - Forecast 2026-2031</li>"
        "<li>Nickel Tab Market - Forecast 2026-2031</li></ul>",
        "related.html",
    )
    assert _pairs(doc) == []


def test_outlook_list_items_inside_a_segmentation_section_take_their_own_axis() -> None:
    html = (
        "<h1>Tin Anode Foil Market Report 2026-2031</h1><h2>Tin Anode Foil Market Report Segmentation</h2>"
        "<p>The report is segmented by form, end use and region:</p><ul>"
        "<li>Form Outlook (Revenue, USD Million, 2020 - 2031)<ul><li>Rolled Foil</li><li>Plated Foil</li></ul></li>"
        "<li>Application Outlook (Revenue, USD Million, 2020 - 2031)<ul><li>Hearing Aids</li><li>Meters</li></ul></li>"
        "<li>Regional Outlook (Revenue, USD Million, 2020 - 2031)<ul><li>Oceania</li><li>Nordics</li></ul></li>"
        "</ul>"
    )
    pairs = _pairs(shape(html, "landing.html"))
    assert ("application", "Hearing Aids") in pairs and ("application", "Meters") in pairs
    assert ("type", "Rolled Foil") in pairs
    assert not any(label in ("Hearing Aids", "Oceania", "Nordics") for kind, label in pairs if kind == "type")
    assert not any(label in ("Oceania", "Nordics") for _, label in pairs)


def test_source_line_is_no_list_of_sources() -> None:
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "Source: Orbis plant-by-plant model; values in current euros.\n")
    assert _pairs(shape(txt, "src.txt")) == []
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "Feedstock: Recycled tin; Primary tin\n")
    assert _pairs(shape(txt, "feed.txt")) == [("type", "Recycled tin"), ("type", "Primary tin")]


def test_contents_chapters_after_an_axis_chapter_are_not_its_items() -> None:
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\nContents\n\n"
           "1. Introduction\n2. Tin Anode Foil Market Outlook by End Use\n3. Oceania Market Outlook\n"
           "4. Company Profiles\n5. Strategic Recommendations\n")
    assert not any(kind == "end_user" for kind, _ in _pairs(shape(txt, "toc.txt")))


def test_bracketed_breakdown_beside_a_named_axis() -> None:
    txt = ("Tin Anode Foil Market Report 2026-2031\n\n"
           "Segmented By Alloy (Tin-Silver, Tin-Copper), By Application (Hearing Aids, Meters), By Region\n\n"
           "The market was USD 1 billion in 2025.\n")
    pairs = _pairs(shape(txt, "br.txt"))
    assert ("type", "Tin-Silver") in pairs and ("type", "Tin-Copper") in pairs
    assert ("application", "Hearing Aids") in pairs
    # alone, a "by X (...)" bracket with no axis word is not read as a breakdown
    txt = ("Tin Anode Foil Market Report 2026-2031\n\n"
           "Prices are shown by quarter (Spring, Autumn) in the annex.\n\nThe market was USD 1 billion in 2025.\n")
    assert _pairs(shape(txt, "q.txt")) == []


def test_semicolon_list_keeps_and_inside_its_labels() -> None:
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "Application: Hearing Aids; Smart Meters; Toys and Other\n")
    assert _pairs(shape(txt, "semi.txt")) == [
        ("application", "Hearing Aids"), ("application", "Smart Meters"), ("application", "Toys and Other")]
    # a comma list still ends with "and"
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "By application, it covers hearing aids, smart meters and toys.\n")
    assert [label for _, label in _pairs(shape(txt, "comma.txt"))] == ["Hearing Aids", "Smart Meters", "Toys"]


def test_kind_titles_phrased_for_readers() -> None:
    assert dynamic_kind("What could slow it down") == "restraints"
    assert dynamic_kind("What is slowing demand") == "restraints"
    assert dynamic_kind("And where the upside lies") == "opportunities"
    assert dynamic_kind("Opportunities for members") == "opportunities"
    # an item naming a product after "for" stays an item
    assert semantic_offset("Opportunities for Tin-Silver Foil") == 3
    assert semantic_offset("Slowdown in hearing aid sales") == 3


def test_reader_phrased_sections_give_their_items() -> None:
    md = ("# Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
          "## What could slow it down\n\n- Tin price spikes. Smelter outages raise costs.\n"
          "- Slow meter roll-outs. Utilities delay tenders.\n\n"
          "## Opportunities for members\n\n- Recycled tin. Scrap streams are growing.\n"
          "- Hearing aid upgrades. New devices need thinner foil.\n")
    doc = shape(md, "blog.md")
    got = [(d.kind, d.title) for d in extract_dynamics(doc, outline(doc))]
    assert ("restraints", "Tin price spikes") in got and ("restraints", "Slow meter roll-outs") in got
    assert ("opportunities", "Recycled tin") in got and ("opportunities", "Hearing aid upgrades") in got


def test_prose_splitting_the_market_into_types() -> None:
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "Both studies split the market into rolled tin foil and plated tin foil, and agree on growth.\n")
    assert _pairs(shape(txt, "split.txt")) == [("type", "rolled tin foil"), ("type", "plated tin foil")]
    txt = ("Tin Anode Foil Market Report 2026-2031\n\nThe market was USD 1 billion in 2025.\n\n"
           "Analysts split their time between Oslo and Lyon.\n")
    assert _pairs(shape(txt, "split2.txt")) == []


def test_size_band_section_lists_types() -> None:
    assert axis_kind("Particle Size Insights") == "type"
    assert not is_axis_title("Market Size Insights") and axis_kind("Market Size Analysis") is None
    html = ("<h1>Tin Anode Foil Market Report 2026-2031</h1><h2>Foil Size Insights</h2>"
            "<p>Thin foil led in 2025.</p><ul><li>Thin Foil (below 20 \u00b5m)</li>"
            "<li>Thick Foil (20 \u00b5m and above)</li>"
            "</ul><h2>Market Size Insights</h2><ul><li>Value in 2025</li><li>Volume in 2025</li></ul>")
    pairs = _pairs(shape(html, "size.html"))
    assert ("type", "Thin Foil (below 20 \u00b5m)") in pairs
    assert not any("2025" in label or label.startswith(("Value", "Volume")) for _, label in pairs)


def test_lettered_items_of_a_numbered_paragraph_title_end_at_the_next_part() -> None:
    txt = ("ORBIS SECURITIES  |  EQUITY RESEARCH  |  METALS\n\nTin Anode Foil: Supply Gets a Price\n\n"
           "1. Summary. We initiate coverage of the tin foil chain with a positive view on two producers.\n\n"
           "5. Drivers.\n(a) Meter roll-outs: utilities replace old meters.\n(b) Hearing aid demand: ageing.\n\n"
           "6. Headwinds.\n(a) Tin price spikes: smelter outages raise costs.\n(b) Long approvals: 12-24 months.\n\n"
           "7. Coverage. We initiate on Alpha Tin Ltd (ALP AU, Outperform, TP A$0.40), Beta Foil Co (BFC CH,\n"
           "Neutral) and Gamma Metals (GMM KS, Underperform); peers are covered by our Seoul desk.\n\n"
           "IMPORTANT DISCLOSURES\n\n"
           "Orbis may seek to do business with companies covered in this note.\n")
    doc = shape(txt, "note.txt")
    got = [(d.kind, d.title) for d in extract_dynamics(doc, outline(doc))]
    assert ("restraints", "Tin price spikes") in got and ("restraints", "Long approvals") in got
    assert not any(title.upper() == "IMPORTANT DISCLOSURES" for _, title in got)


def test_digest_kind_lines_end_at_the_next_story_heading() -> None:
    txt = ("TIN WEEKLY -- Issue #7\n\n1. TOP STORY\n-------------\n\nTin Anode Foil Market Report 2026-2031\n"
           "======================================\n\nOrbis puts the tin anode foil market at US$1.1bn in 2025.\n\n"
           "What's holding it back\n- Smelter outages in Asia\n- Slow meter approvals\n\n"
           "2. SOLDER PRICES SLIP AS DEMAND SOFTENS\n---------------------------------------\n\n"
           "Solder prices fell 4% in January, traders said.\n")
    doc = shape(txt, "digest.txt")
    got = [(d.kind, d.title) for d in extract_dynamics(doc, outline(doc))]
    assert ("restraints", "Smelter outages in Asia") in got
    assert not any("SOLDER" in title.upper() for _, title in got)
