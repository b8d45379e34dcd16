"""Report metadata rules met in newswire, brief, digest and cover layouts, on invented documents."""

from __future__ import annotations

from datetime import date

from kg.extract.report import (
    _section_heading,
    _table_row,
    _title_like,
    extract_meta,
    market_from_title,
    scope_from_title,
)
from tests.test_sections import shape


def test_headline_quoting_three_figures_is_no_table_row() -> None:
    assert not _table_row("Zinc Foil Anode Market to Reach USD 2.4 Billion by 2033, Rising at an 8.8% CAGR, "
                          "Says Fernhill Research")
    assert _table_row("Grade 2024 2031 CAGR 25-31")
    assert _table_row("Flake graphite for battery anodes 1,210 1,480 2,090 6.5%")


def test_press_release_headline_is_the_title_not_a_later_section() -> None:
    doc = shape(
        "<p>WireDesk | Energy | Materials</p>"
        "<h1>Tin Anode Foil Market to Reach USD 3.1 Billion by 2034, at 7.7% CAGR, Says Orbis Analytics</h1>"
        "<p>ZURICH, Jan. 9, 2026 /WireDesk/ -- The tin anode foil market was USD 1.5 billion in 2025.</p>"
        "<h2>Growth Drivers</h2><p>Cheap tin. Tin prices fell.</p>"
        "<h2>Segmentation Covered in the Report</h2><p>By Form: Rolled; Plated</p>",
        "pr.html",
    )
    meta = extract_meta(doc)
    assert meta.title is not None and meta.title.startswith("Tin Anode Foil Market to Reach")
    assert meta.market == "Tin Anode Foil"
    assert _section_heading("Segmentation Covered in the Report")  # a part of the release, never its title
    assert not _section_heading("Tin Anode Foil Market in Europe")


def test_place_closing_the_market_name_is_the_scope() -> None:
    assert market_from_title("Nickel Foam Anode Supports in Europe: Market Outlook to 2031") == (
        "Nickel Foam Anode Supports")
    assert scope_from_title("Nickel Foam Anode Supports in Europe: Market Outlook to 2031") == "Europe"
    assert market_from_title("Needle Coke for Electrodes \u2013 World Market Report 2026\u20132034") == (
        "Needle Coke for Electrodes")
    # a use after "in" is part of the name, not a place
    assert market_from_title("Anode Binders in Power Tools Market 2026-2030") == "Anode Binders in Power Tools"


def test_desk_line_over_the_market_title_gives_way_to_it() -> None:
    doc = shape(
        "Ostrava Metals Bureau\n\nCarbon Products Desk \u2013 Report Brief\n\n"
        "Cathode Block Market \u2013 Report Brief, Forecast 2026\u20132031\n\nOstrava, 3 March 2026\n\n"
        "This brief summarises the main findings of the report on cathode blocks for smelters.\n",
        "brief.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "Cathode Block Market \u2013 Report Brief, Forecast 2026\u20132031"
    assert meta.market == "Cathode Block"


def test_desk_line_naming_the_market_stays_the_title() -> None:
    doc = shape(
        "Cathode Block Market Report 2026-2031\n\nGraphitised Block Market Notes 2026\n\n"
        "This brief summarises the main findings of the report on cathode blocks for smelters.\n",
        "brief2.txt",
    )
    assert extract_meta(doc).title == "Cathode Block Market Report 2026-2031"


def test_mail_subject_with_a_teaser_tail_and_a_series_label() -> None:
    doc = shape(
        "From: Desk <desk@example.org>\nTo: List <list@example.org>\nDate: Tue, 3 Jun 2025 07:30:00 +0000\n"
        "Subject: Carbon Weekly #88: Tin Anode Foil Market Outlook 2026-2031, plus three short notes\n\n"
        "CARBON WEEKLY #88\n\n1. IN DEPTH: TIN ANODE FOIL MARKET OUTLOOK 2026-2031\n\n"
        "We estimate the tin anode foil market at USD 1.1 billion in 2025.\n",
        "digest.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "Carbon Weekly #88: Tin Anode Foil Market Outlook 2026-2031, plus three short notes"
    assert meta.market == "Tin Anode Foil"


def test_mail_subject_written_as_a_sentence_is_no_title() -> None:
    doc = shape(
        "From: Desk <desk@example.org>\nSubject: Carbon Weekly #88: tin foil report sees a bigger market\n\n"
        "Tin Anode Foil Market Outlook 2026-2031\n\nWe estimate the market at USD 1.1 billion in 2025.\n",
        "digest2.txt",
    )
    assert extract_meta(doc).title == "Tin Anode Foil Market Outlook 2026-2031"


def test_two_part_dateline_and_german_stand_date() -> None:
    doc = shape(
        "<h1>Tin Anode Foil in Europe: Market Outlook to 2031</h1>"
        "<p>Vienna, 9 September 2025 | Prepared by the Members' Data Group</p>"
        "<p>The European tin anode foil market was USD 0.4 billion in 2024.</p>",
        "brief.html",
    )
    assert extract_meta(doc).published == date(2025, 9, 9)
    doc = shape(
        "<h1>Needle Coke \u2013 World Market Report 2026\u20132034</h1>"
        "<p>Report excerpt. Stand: 14.02.2026. Edition 3.</p><p>The market was USD 4 billion in 2025.</p>",
        "cover.html",
    )
    assert extract_meta(doc).published == date(2026, 2, 14)
    # a part with more than a place before the date is no dateline
    doc = shape(
        "<h1>Needle Coke Market Report 2026-2034</h1>"
        "<p>Revised after the 9 September 2025 board | Prepared by the Data Group</p>"
        "<p>The market was USD 4 billion in 2025.</p>",
        "cover2.html",
    )
    assert extract_meta(doc).published is None


def test_long_title_spelling_out_its_breakdown_is_the_title() -> None:
    title = ("Tin Anode Foil Market Size, Share & Trends Analysis Report By Form (Rolled Foil, Plated Foil), "
             "By Application (Hearing Aids, Smart Meters, Medical Implants, Toys), By Region, And Segment "
             "Forecasts, 2026 - 2033")
    doc = shape(
        "<p>Orbis Analytics</p><p>Industries | Reports | Consulting | About | Contact</p>"
        f"<h1>{title}</h1><h2>Tin Anode Foil Market Summary</h2>"
        "<p>The tin anode foil market was USD 1 billion in 2025.</p>",
        "landing.html",
    )
    meta = extract_meta(doc)
    assert meta.title == title and meta.market == "Tin Anode Foil"
    # a sentence of the same length without a breakdown is no title
    assert not _title_like(" ".join(["The tin anode foil market report covers many things"] * 4))


def test_fiscal_year_range_in_the_title() -> None:
    doc = shape("TIN ANODE FOIL MARKET - GLOBAL FORECAST FY2026-FY2032\n\n"
                "The market stood at USD 90 million in FY2025.\n", "fy.txt")
    assert extract_meta(doc).forecast_period == (2026, 2032)
