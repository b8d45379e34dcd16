"""Report metadata: right on all five seed reports, and the parsing rules on hand-written inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kg.extract.report import (
    display_name,
    extract_meta,
    find_exchange_rates,
    market_from_title,
    parse_date,
)
from kg.models import TextDocument
from tests.test_sections import HTML_DOC, MARKDOWN_DOC, TEXT_DOC, corpus, seeds, shape


@pytest.mark.parametrize("index", range(5))
def test_seed_meta(index: int) -> None:
    doc = corpus()[index]
    gold = next(d for d in seeds()["documents"] if d["source"] == doc.source)
    meta = extract_meta(doc)
    assert meta.title == gold["title"]
    assert meta.market == gold["market"]
    assert list(meta.forecast_period or []) == list(gold["forecast_period"] or [])
    assert (meta.published.isoformat() if meta.published else None) == gold["published"]
    assert meta.publisher == gold["publisher"]
    assert meta.title_evidence is not None
    assert doc.text[meta.title_evidence.start:meta.title_evidence.end] == meta.title_evidence.quote


def test_base_year_is_last_valued_year_before_forecast() -> None:
    years = {d.source[:3]: extract_meta(d).base_year for d in corpus()}
    assert years["001"] == 2024 and years["003"] == 2024 and years["000"] == 2023


@pytest.mark.parametrize(("value", "expected"), [
    ("Fri Dec 12 2025 08:01:34 GMT+0000 (Coordinated Universal Time)", date(2025, 12, 12)),
    ("2025-07-01", date(2025, 7, 1)),
    ("2025-07-01T21:28:14Z", date(2025, 7, 1)),
    ("12 January 2025", date(2025, 1, 12)),
    ("March 4, 2025", date(2025, 3, 4)),
    ("31/12/2024", date(2024, 12, 31)),
    ("05/06/2024", None),  # day and month cannot be told apart
    ("soon", None),
])
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(("title", "market"), [
    ("Carbon Anode for Aluminum Electrolysis Market 2025 forecast to 2032- Capacity, Production",
     "Carbon Anode for Aluminum Electrolysis"),
    ("Global Anode Active Material Market Research Report 2025-2032", "Anode Active Material"),
    ("NEEDLE COKE FOR BATTERY ANODES: GLOBAL MARKET STUDY 2024-2032", "Needle Coke for Battery Anodes"),
    ("Global Market for Hard Carbon Anodes, 2025-2032", "Hard Carbon Anodes"),
    ("Silicon Anode Battery Outlook and Forecast 2024-2030", "Silicon Anode Battery"),
])
def test_market_from_title(title: str, market: str) -> None:
    assert market_from_title(title) == market


@pytest.mark.parametrize(("text", "rates"), [
    ("converted at 1 EUR = 1.08 USD", {"EUR": Decimal("1.08")}),
    ("EUR 1 = USD 1.08", {"EUR": Decimal("1.08")}),
    ("at US$1.10 per euro", {"EUR": Decimal("1.1")}),
    ("at an average exchange rate of 0.92 EUR/USD", {"EUR": Decimal("1.086957")}),
    ("EUR/USD 1.08", {"EUR": Decimal("1.08")}),
    ("1 USD = 7.2 CNY", {"CNY": Decimal("0.138889")}),
    ("no rates here, just USD 5 million", {}),
])
def test_exchange_rates_are_usd_per_unit(text: str, rates: dict[str, Decimal]) -> None:
    assert find_exchange_rates(text) == rates


def test_publisher_from_domain_uses_the_texts_spelling() -> None:
    text = "Follow us: 24ChemicalResearch LinkedIn"
    assert display_name("24chemicalresearch", text) == "24ChemicalResearch"
    assert display_name("acmeinsights", "nothing else") == "Acmeinsights"


def test_meta_in_other_shapes() -> None:
    html = extract_meta(shape(HTML_DOC, "probe.html"))
    assert (html.publisher, html.market, html.forecast_period, html.published) == (
        "Borealis Analytics", "Silicon Anode", (2024, 2030), None)
    md = extract_meta(shape(MARKDOWN_DOC, "probe.md"))
    assert (md.title, md.publisher, md.published, md.market) == (
        "Lithium-ion Battery Anode Materials Market Outlook 2025-2033", "Quillon Research", date(2025, 4, 2),
        "Lithium-ion Battery Anode Materials")
    txt = extract_meta(shape(TEXT_DOC, "probe.txt"))
    assert (txt.publisher, txt.market, txt.forecast_period, txt.base_year) == (
        "Tessaract Market Research", "Graphite Anode", (2024, 2032), 2023)
    assert txt.currency_rates == {"EUR": Decimal("1.09")}


def test_published_from_updated_and_date_labels_and_publisher_without_legal_form() -> None:
    from kg.extract.report import find_published, find_publisher

    doc = shape("<h1>X Market</h1><p>Report Code: A-1 | Last updated: 12 May 2025 | Pages: 262</p>"
                "<p>\u00a9 2025 Halcyon Markets Research Pvt. Ltd. | Privacy</p>", "probe.html")
    assert find_published(doc) == date(2025, 5, 12)
    assert find_publisher(doc) == "Halcyon Markets Research"
    doc = shape("<h1>X Market</h1><p>Report ID: 7 | Date: 2025-06-18</p>", "probe.html")
    assert find_published(doc) == date(2025, 6, 18)
    doc = shape("<h1>X Market</h1><p>Data: 2025-06-18 shows demand; the update date is unknown.</p>", "probe.html")
    assert find_published(doc) is None


def test_plain_text_title_is_the_opening_title_line_not_a_later_guessed_heading() -> None:
    from kg.ingest.read import decode_document
    from kg.ingest.text import render

    body = (
        "Lithium Metal Anode Market Report by Battery Type, Application, and Region 2025-2033\n"
        "Stonegate Market Analytics\n\n"
        "MARKET OVERVIEW\n"
        "The global lithium metal anode market size reached USD 1.2 Billion in 2024.\n"
    )
    doc = render(decode_document(body.encode(), source="lm.txt"))
    meta = extract_meta(doc)
    assert meta.title == "Lithium Metal Anode Market Report by Battery Type, Application, and Region 2025-2033"
    assert meta.market == "Lithium Metal Anode"
    assert meta.publisher != "Battery Type"  # "Report by <segment>" in the title names no publisher


def test_press_release_boilerplate_and_dateline() -> None:
    doc = shape(
        "FOR IMMEDIATE RELEASE\n\nFoo Foil Market to Reach $ 1.1 Billion by 2030, Says Bar Analytics\n\n"
        "PUNE, India, Jan. 22, 2025 /PRNewswire/ -- The foo foil market was valued at $ 300 million in 2024.\n",
        "x.txt",
    )
    meta = extract_meta(doc)
    assert meta.title is not None and meta.title.startswith("Foo Foil Market")
    assert meta.market == "Foo Foil"
    assert meta.published == date(2025, 1, 22)


@pytest.mark.parametrize("line", ["September 12, 2025", "Corvane Insights \u00b7 28 August 2025"])
def test_bare_date_line_near_top(line: str) -> None:
    doc = shape(f"Foo Market - Global Forecast 2025-2033\n\nBar & Baz Research\n{line}\n\nBody text here.\n", "x.txt")
    assert extract_meta(doc).published is not None


def test_market_drops_acronym_and_leading_place_becomes_scope() -> None:
    from kg.extract.report import scope_from_title

    assert market_from_title("Graphitized Petroleum Coke (GPC) Market Report 2025-2030") == (
        "Graphitized Petroleum Coke"
    )
    assert market_from_title("Middle East Prebaked Anode Market - Forecast 2025-2031") == "Prebaked Anode"
    assert scope_from_title("Middle East Prebaked Anode Market - Forecast 2025-2031") == "Middle East"
    assert scope_from_title("Battery-Grade Graphite Market in India: Outlook 2025-2032") == "India"
    assert scope_from_title("Global Hard Carbon Market 2025-2032") is None


def test_publisher_front_matter_ampersand_and_free_zone_form() -> None:
    doc = shape("---\ntitle: Foo Market 2025-2030\npublisher: Lind & Mori Analytics\n---\n# Foo Market\n", "x.md")
    assert extract_meta(doc).publisher == "Lind & Mori Analytics"
    doc = shape("Foo Market - Forecast 2025-2033\n===============================\n\nOrrin & Vale Research\n"
                "September 12, 2025\n\nText.\n", "x.txt")
    assert extract_meta(doc).publisher == "Orrin & Vale Research"
    doc = shape("<h1>Foo Market</h1><p>\u00a9 2025 Alder Bay Consulting FZ-LLC, Dubai.</p>", "x.html")
    assert extract_meta(doc).publisher == "Alder Bay Consulting"


def test_masthead_html_title_and_dates() -> None:
    doc = shape(
        "<html><head><title>Vanadium-Doped Anode Powders: Pricing a Cold-Climate Niche</title></head><body>"
        "<p class='masthead'>Thornquist Partners | Credit Research | Cell Materials | 14 March 2026</p>"
        "<p><b>Key point.</b> We put worldwide demand at US$ 41 million in 2025.</p></body></html>",
        "note.html",
    )
    meta = extract_meta(doc)
    assert meta.title == "Vanadium-Doped Anode Powders: Pricing a Cold-Climate Niche"
    assert meta.market == "Vanadium-Doped Anode Powders"
    assert meta.published == date(2026, 3, 14)
    doc = shape(
        "# Flake Refining - Market Data Pack 2026-2030\n\nData pack prepared by Peverell Mineral "
        "Analytics, 23 February 2026. Questions: Ingrid Quint.\n\nText.\n",
        "pack.md",
    )
    assert extract_meta(doc).published == date(2026, 2, 23)
    doc = shape(
        "Zinc-Based Anode Powders Market Report 2026-2033\n================================================\n\n"
        "Publisher: Wexcombe & Ellis Research\nRelease date: 2026-05-19\n\nText.\n",
        "tin.txt",
    )
    meta = extract_meta(doc)
    assert meta.publisher == "Wexcombe & Ellis Research" and meta.published == date(2026, 5, 19)


# ------------------------------------------------------------------ title: which line is the report's title


def _markdown(body: str, name: str) -> TextDocument:
    """A plain-text report the reader took for markdown: its opening lines join into one paragraph."""
    from kg.ingest.text import render_text

    return render_text(body, "text/markdown", name)


def test_title_is_cut_from_a_joined_opening_paragraph_and_a_later_section_heading_is_no_title() -> None:
    doc = _markdown(
        "Tungsten Disulfide Anode Market Report 2026-2033\nHollowfield Research\nDate of publication: 2026-02-14\n\n"
        "PRESS NOTE\n----------\nHollowfield Research today released its study. The market is put at USD 0.2 "
        "billion in 2025.\n\nFULL STUDY\n==========\n\nThe global tungsten disulfide anode market was USD 210.5 "
        "million in 2025.\n",
        "a.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "Tungsten Disulfide Anode Market Report 2026-2033"
    assert meta.title_evidence is not None and meta.title_evidence.quote == meta.title
    assert (meta.market, meta.publisher, meta.published) == (
        "Tungsten Disulfide Anode", "Hollowfield Research", date(2026, 2, 14))


def test_title_after_a_masthead_and_never_a_table_header_made_a_heading() -> None:
    doc = _markdown(
        "HARBOR LANE ADVISORY | SECTOR NOTE | METALS\nDate: 2023-10-05\nAnalysts: J. Doe\n\n"
        "VANADIUM ANODE MARKET: A FIRST SIZING, 2023-2029\n\n"
        "We size the vanadium anode market at USD 12.5 Mn in 2023.\n\n"
        "  Grade     2023    2029   CAGR 23-29\n  ------------------------------\n  Foil   1,000 2,000 12.2%\n",
        "b.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "VANADIUM ANODE MARKET: A FIRST SIZING, 2023-2029"
    assert (meta.market, meta.published, meta.publisher) == (
        "Vanadium Anode", date(2023, 10, 5), "Harbor Lane Advisory")


@pytest.mark.parametrize(("text", "is_title"), [
    ("Zinc Foil Anode Market Outlook 2025-2030", True),
    ("FULL REPORT", False),  # a section of the report, not the report
    ("Executive Summary", False),
    ("Report Attributes", False),
    ("Market Overview 2025", False),
    ("Grade 2023 2029 CAGR 23-29", False),  # a table's header row
    ("Home / Reports / Zinc Foil Anode Market", False),  # a navigation trail
])
def test_report_title_shape(text: str, is_title: bool) -> None:
    from kg.extract.report import _report_title

    assert _report_title(text) is is_title


def test_a_market_h1_still_beats_an_opening_breadcrumb_in_html() -> None:
    doc = shape("<p>Home &gt; Materials &gt; Zinc Foil Anode Market</p>"
                "<h1>Zinc Foil Anode Market Report, 2025-2030</h1>"
                "<h2>Full Report</h2><p>The market was USD 5 million in 2024.</p>", "z.html")
    assert extract_meta(doc).title == "Zinc Foil Anode Market Report, 2025-2030"


# ------------------------------------------------------------------ market name


@pytest.mark.parametrize(("title", "market"), [
    # an acronym inside the name names a part of the product and stays (SCHEMA: only "Global", "Market"
    # and the years are dropped)
    ("Sodium Vanadium Phosphate (NVP) Anode Market Outlook 2025-2030", "Sodium Vanadium Phosphate (NVP) Anode"),
    ("Global Hollow Carbon Spheres (HCS) Anode Material Market Insights, Forecast to 2031",
     "Hollow Carbon Spheres (HCS) Anode Material"),
    # one closing the name abbreviates the whole name and goes
    ("Calcined Needle Coke (CNC) Market Report 2025-2030", "Calcined Needle Coke"),
    ("Calcined Needle Coke (CNC) - Global Outlook 2025-2030", "Calcined Needle Coke"),
    ("Lithium Titanate (LTO)-Based Anode Market 2025-2030", "Lithium Titanate (LTO)-Based Anode"),
])
def test_market_keeps_an_acronym_inside_the_name(title: str, market: str) -> None:
    assert market_from_title(title) == market


def test_market_from_text_when_the_title_names_none() -> None:
    from kg.extract.report import market_from_text

    text = ("The global zinc foil anode market was USD 5 million in 2024. The size of the market will double. "
            "We expect the zinc foil anode market to reach USD 9 million by 2030; the European battery market "
            "and the European battery market are bigger.")
    assert market_from_text(text) == "Zinc Foil Anode"
    assert market_from_text("The global zinc foil anode market was USD 5 million in 2024.") is None  # once only
    assert market_from_text("Demand in the market rose, and the market is the market.") is None


def test_page_title_when_no_heading_names_the_report() -> None:
    doc = shape("<html><head><title>Zinc Foil Anode Market Report 2025-2030 | Acme Newsroom</title></head>"
                "<body><h1>Market Overview</h1><p>The market was USD 5 million in 2024.</p></body></html>", "o.html")
    meta = extract_meta(doc)
    assert (meta.title, meta.market) == ("Zinc Foil Anode Market Report 2025-2030", "Zinc Foil Anode")
    # a heading that names the report keeps winning over the page's <title>
    doc = shape("<html><head><title>Zinc Foil | Acme Newsroom</title></head>"
                "<body><h1>Zinc Foil Anode Market Study, 2025-2030</h1></body></html>", "p.html")
    assert extract_meta(doc).title == "Zinc Foil Anode Market Study, 2025-2030"


# ------------------------------------------------------------------ covers, headlines and decks


def _plain(body: str, name: str) -> TextDocument:
    from kg.ingest.text import render_text

    return render_text(body, "text/plain", name)


def test_notice_line_and_catalogue_number_are_no_title_and_a_wrapped_cover_title_is_joined() -> None:
    doc = _plain(
        "                 EXCERPT -- NOT FOR DISTRIBUTION\n\n"
        "          KESTREL DATA LABS LTD. | Report KDL-2026-042\n\n"
        "   Porous Silicon Scaffolds for Composite Anodes -- Global Market\n"
        "                Review & Forecast 2026-2034\n\n"
        "                 Edition 2 | (c) 2026 | 190 pages\n\n"
        "The market was valued at USD 80 million in 2025.\n",
        "k.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "Porous Silicon Scaffolds for Composite Anodes -- Global Market Review & Forecast 2026-2034"
    assert (meta.market, meta.forecast_period) == ("Porous Silicon Scaffolds for Composite Anodes", (2026, 2034))


def test_no_join_when_the_title_has_its_years_or_the_next_line_is_no_title_tail() -> None:
    from kg.extract.report import _notice

    doc = _plain("Zinc Foil Anode Market Report 2026-2031\nAnalysis & Forecast 2026-2031\n\nText.\n", "a.txt")
    assert extract_meta(doc).title == "Zinc Foil Anode Market Report 2026-2031"
    doc = _plain("Zinc Foil Anode Market\n\nprepared for Acme Corp by the research desk\n\nText.\n", "b.txt")
    assert extract_meta(doc).title == "Zinc Foil Anode Market"
    for second in ("Market Overview", "Acme Research Report", "Industry Analysis"):  # a section or a by-line
        doc = _plain(f"Zinc Foil Anode Market\n\n{second}\n\nText.\n", "c.txt")
        assert extract_meta(doc).title == "Zinc Foil Anode Market", second
    from kg.extract.report import _title_like

    assert not _title_like("KESTREL DATA LABS | Report KDL-2026-042") and not _title_like("Acme | Report No. 42")
    assert _title_like("Zinc Foil Anode Report 2026-2031")  # years are no catalogue number
    assert _notice("CONFIDENTIAL -- FOR INTERNAL USE ONLY") and not _notice("Confidential Computing Chip Market")


@pytest.mark.parametrize(("title", "market", "period"), [
    ("ZINC FOIL ANODE MATERIALS -- 2025 RESULTS AND OUTLOOK TO 2030", "Zinc Foil Anode Materials", (2026, 2030)),
    ("Zinc Foil Anode Materials: 2025 Review and Forecast to 2031", "Zinc Foil Anode Materials", (2026, 2031)),
])
def test_results_title_loses_its_report_words_and_the_forecast_starts_after_the_results_year(
    title: str, market: str, period: tuple[int, int]
) -> None:
    from kg.extract.report import find_forecast_period

    assert market_from_title(title) == market
    assert find_forecast_period(title, _plain(title + "\n", "r.txt")) == period
    # a plain "Forecast to 2031" title is not read as a results title
    assert find_forecast_period("Zinc Foil Anode Market - Forecast to 2031", _plain("x\n", "f.txt")) is None


def test_short_end_year_and_outlook_line_give_the_forecast_period() -> None:
    from kg.extract.report import find_forecast_period

    doc = _plain("We see a 12.0% CAGR over 2026-31E for zinc foil anodes.\n", "s.txt")
    assert find_forecast_period("Zinc Foil Anode: Initiation", doc) == (2026, 2031)
    doc = _plain("Board briefing | Outlook 2026-2033\n", "o.txt")
    assert find_forecast_period("Zinc Foil Anode Market", doc) == (2026, 2033)
    # years in a sentence without a forecast word give none
    assert find_forecast_period("Zinc Foil Anode Market", _plain("Prices fell over 2019-21.\n", "n.txt")) is None


def test_headline_takes_the_market_of_the_report_it_cites() -> None:
    from kg.extract.report import headline, market_from_cited_report

    doc = shape(
        "<h1>Zinc foil anode demand to triple by 2031 as grid storage grows, study says</h1>"
        "<p>Demand will triple, according to a new study by Acme Insights, <em>Global Zinc Foil Anode "
        "Market: Outlook 2026-2031</em>.</p><p>The market was worth $80 million in 2025.</p>",
        "h.html",
    )
    assert extract_meta(doc).market == "Zinc Foil Anode"
    assert headline("Zinc foil anode demand to triple by 2031 as grid storage grows")
    assert not headline("Zinc Foil Anode Materials: Sizing a Niche")  # a title-cased report name
    assert not headline("Zinc foil anode market to triple by 2031")  # names its market itself
    # a report named only by a place, or a capitalised phrase without a report mention, gives none
    assert market_from_cited_report("The report covers the Asia Pacific Market in depth.") is None
    assert market_from_cited_report("Sales in the Zinc Foil Anode Market rose.") is None


def test_deck_title_is_on_the_title_slide_not_a_later_slide_heading() -> None:
    from kg.ingest.text import render_text

    body = ("=== Slide 1 ===\nZinc Foil Anode Market\nStrategy review for the Board | Outlook 2026-2033\n"
            "Acme Partners | 3 June 2026\n\n=== Slide 2 ===\nMarket size by region\n- Asia: USD 5M\n")
    for media in ("text/markdown", "text/plain"):  # lines joined into one paragraph, or kept
        meta = extract_meta(render_text(body, media, "deck.txt"))  # type: ignore[arg-type]
        assert (meta.title, meta.market, meta.forecast_period) == (
            "Zinc Foil Anode Market", "Zinc Foil Anode", (2026, 2033)), media
    # a title line ending in a small word before a lower-case word is kept whole
    from kg.extract.report import _deck_title

    assert _deck_title("Zinc Anode Market Report for the EU battery sector") == (
        "Zinc Anode Market Report for the EU battery sector")


def test_a_newsletter_issue_takes_market_and_scope_of_the_report_it_reviews() -> None:
    from kg.extract.report import cited_report

    doc = shape(
        "# Pole to Pole \u2014 Issue #7: Brazil's zinc moment\n\n*By A. Writer \u00b7 3 Mar 2026*\n\n"
        "This week I read Vantor Research's new *Brazil Zinc Foil Anode Market Report 2026\u20132033*. "
        "Forecast period 2026\u20132033.\n\n- Market size, 2025: **US$ 40 million**\n",
        "n.md",
    )
    meta = extract_meta(doc)
    assert (meta.market, meta.scope) == ("Zinc Foil Anode", "Brazil")
    # a capitalised "X Market" without a report word or years after it names no report
    assert cited_report("Prices in the Zinc Foil Anode Market rose.", named_only=True) == (None, None)
    # a title naming a report keeps its own market, whatever report the text cites
    doc = shape(
        "# Tin Anode Market Outlook 2026-2031\n\nWe draw on the Brazil Zinc Foil Anode Market Report "
        "2026-2033.\n",
        "t.md",
    )
    meta = extract_meta(doc)
    assert (meta.market, meta.scope) == ("Tin Anode", None)


@pytest.mark.parametrize(("title", "market"), [
    ("Between the lines: Acme Research on the zinc foil anode market to 2031", "Zinc Foil Anode"),
    ("A second look at the global tin anode market", "Tin Anode"),
    # title-cased, or the phrase opening the title: the usual rule
    ("Anode Binders for the Electric Vehicle Market", "Anode Binders for the Electric Vehicle"),
    ("The Zinc Foil Anode Market 2026-2031", "Zinc Foil Anode"),
])
def test_a_headline_names_its_market_in_lower_case(title: str, market: str) -> None:
    assert market_from_title(title) == market


def test_a_tilde_year_range_is_a_forecast_period() -> None:
    from kg.extract.report import find_forecast_period

    empty = _plain("No years here.\n", "e.txt")
    assert find_forecast_period("Zinc Foil Anode Market Report (2026~2033)", empty) == (2026, 2033)
    assert find_forecast_period("Zinc Foil Anode Market", _plain("Forecast period: 2026\uff5e2033\n", "f.txt")) == (
        2026, 2033)
    # an approximate year ("~2030") after a year that is no range start gives none
    assert find_forecast_period("Zinc Foil Anode Market", _plain("Sales doubled in 2024 and ~30% more.\n",
                                                                 "n.txt")) is None


def test_house_name_line_above_the_title_is_a_masthead_not_the_title() -> None:
    doc = shape(
        "BRACKENRIDGE MATERIALS RESEARCH\n\nZinc Foil Anode Market Brief 2026-2031\n\n"
        "Zinc foil anodes are gaining ground in stationary storage, and this brief sizes the market.\n",
        "z.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "Zinc Foil Anode Market Brief 2026-2031"
    assert meta.market == "Zinc Foil Anode"
    assert meta.publisher == "Brackenridge Materials Research"
    # an ALL-CAPS name without a house word is a masthead only above a line that names a report
    doc = shape("HALVERSUND MARKTANALYSE GMBH\n\nTin Anode Market Brief 2025-2030\n\nTin anodes are niche.\n", "t.txt")
    assert extract_meta(doc).title == "Tin Anode Market Brief 2025-2030"
    doc = shape("ZINC FOIL ANODES\n\nA short note on where the chemistry stands today.\n", "n.txt")
    assert extract_meta(doc).title == "ZINC FOIL ANODES"


def test_newsletter_issue_title_under_a_masthead_and_market_from_a_caps_report_heading() -> None:
    doc = shape(
        "QUARRYBANK BATTERY RESEARCH\n\nThe Cell Letter, Issue 7: Tin Takes a Bow\n\n"
        "Monday, 3 March 2025\nSubscriber edition. Please do not forward outside your team.\n\n"
        "1. LEAD STORY: TIN ANODE MARKET OUTLOOK 2025-2030\n\nTin anodes are back. We size the global tin anode "
        "market at US$ 40.0 million in 2024.\n",
        "cl.txt",
    )
    meta = extract_meta(doc)
    assert meta.title == "The Cell Letter, Issue 7: Tin Takes a Bow"
    assert meta.market == "Tin Anode"
    assert meta.published == date(2025, 3, 3)


def test_labelled_title_field_of_a_text_export_header() -> None:
    body = (
        "=====================================\nACME DATA WORKS             EXPORT v1.4\n"
        "=====================================\nTITLE    : ZINC ANODE MATERIALS: GLOBAL MARKET DATASET, 2022-2031\n"
        "RELEASED : 04-FEB-2026\nFORECAST PERIOD: 2026-2031\n\nSUMMARY\nThe zinc anode market totalled USD 10.0 "
        "million in 2025.\n"
    )
    meta = extract_meta(shape(body, "export.txt"))
    assert meta.title == "ZINC ANODE MATERIALS: GLOBAL MARKET DATASET, 2022-2031"
    assert meta.market == "Zinc Anode Materials"
    assert meta.published == date(2026, 2, 4)
    # the title's range spans the history; the stated forecast period ending in the same year wins
    assert meta.forecast_period == (2026, 2031)
    # a "Title:" line that names no report is no title
    doc = shape("Tin Anode Market Report 2025-2030\n\nTitle: Dr.\nName: A. Jones\n", "t.txt")
    assert extract_meta(doc).title == "Tin Anode Market Report 2025-2030"


def test_mail_subject_in_title_case_is_the_title_a_teaser_subject_is_not() -> None:
    head = "From: Acme Commodity Insights <briefs@acme.example>\nTo: list@acme.example\n"
    doc = shape(head + "Subject: Tin Anode Market Brief - May 2025\n\nGood morning,\n\nTin is up.\n", "m.txt")
    meta = extract_meta(doc)
    assert meta.title == "Tin Anode Market Brief - May 2025"
    assert meta.publisher == "Acme Commodity Insights"
    doc = shape(head + "Subject: [Digest #4] Tin anodes: report sees bigger market by 2030\n\n"
                "Zinc Anode Market Report 2025-2030\n\nGood morning.\n", "m.txt")
    assert extract_meta(doc).title != "[Digest #4] Tin anodes: report sees bigger market by 2030"


def test_question_title_names_its_market_with_a_formula_in_it() -> None:
    assert market_from_title("How large is the SnO2 anode powder market, and who sells it?") == "SnO2 Anode Powder"
    assert market_from_title("How large is the tin anode market?") == "Tin Anode"
    assert market_from_title("The Tin Anode Market Report 2025-2030") == "Tin Anode"


def test_forecast_horizon_statement_gives_the_period() -> None:
    doc = shape("# Tin Anode Dataset\n\nThe panel spans 2018-2023, with a forecast horizon of 2024-2030.\n", "r.md")
    assert extract_meta(doc).forecast_period == (2024, 2030)
    doc = shape("# Tin Anode Dataset\n\nThe panel spans 2018-2023.\n", "r.md")
    assert extract_meta(doc).forecast_period is None


@pytest.mark.parametrize(("title", "market"), [
    # the end use written right after "Market" is part of the name, up to the title's next part
    ("Tin Foil Anode Market for Zinc Refining: Global Size, Share and Forecast 2025 to 2031",
     "Tin Foil Anode for Zinc Refining"),
    ("Tin Foil Anode Market for Marine Batteries - Global Outlook 2025-2031", "Tin Foil Anode for Marine Batteries"),
    ("Tin Foil Anode Market for Drones and Robots by Type, Application", "Tin Foil Anode for Drones and Robots"),
    ("TIN FOIL ANODE MARKET FOR MARINE BATTERIES 2025-2031", "Tin Foil Anode for Marine Batteries"),
    # no end use: report words, a year, a lower-case sentence or a place after "for"
    ("Tin Foil Anode Market for the Forecast Period 2025-2031", "Tin Foil Anode"),
    ("Tin Foil Anode Market for 2031", "Tin Foil Anode"),
    ("Tin Foil Anode Market for Oceania: Outlook 2025-2031", "Tin Foil Anode"),
    ("Tin Foil Anode Market for drones is growing fast", "Tin Foil Anode"),
    ("Tin Foil Anode Market Outlook for Marine Batteries", "Tin Foil Anode"),
])
def test_market_keeps_the_end_use_written_after_market(title: str, market: str) -> None:
    assert market_from_title(title) == market


def test_a_numbered_section_heading_ends_the_cover_and_is_no_title() -> None:
    """A newsletter's issue line names no report ("The Widget Letter, No. 7: Cold Cells Come Of Age"), but
    the first numbered section below its short notice lines ("1. LEAD STORY: WIDGET MARKET OUTLOOK") is a
    section's heading, so the cover line stays the title."""
    body = ("NORTHWIND WIDGET RESEARCH\n\nThe Widget Letter, No. 7: Cold Cells Come Of Age\n\n"
            "Monday, 3 March 2025\nMembers only. Please do not share.\n\n"
            "1. LEAD STORY: WIDGET COATING MARKET OUTLOOK 2025-2030\n"
            "------------------------------------------------------\n\n"
            "The widget coating market was worth USD 2.1 billion in 2024.\n")
    assert extract_meta(_plain(body, "n.txt")).title == "The Widget Letter, No. 7: Cold Cells Come Of Age"
    # negative: an unnumbered title line in the same place is still the title
    body = body.replace("1. LEAD STORY: WIDGET COATING", "WIDGET COATING")
    assert extract_meta(_plain(body, "m.txt")).title == "WIDGET COATING MARKET OUTLOOK 2025-2030"


def test_abstract_title_below_a_long_header_of_short_lines() -> None:
    # a conference abstract: event, place, book, session and number lines above the title; a closing
    # "References:" heading is never the title
    head = ("3rd Baltic Foo Materials Forum (BFMF 2026)\nRiga, Latvia, 2-4 June 2026\n"
            "Proceedings, printed 20 May 2026\nTrack 2A: Supply of Anode Metals\nPaper 2A-11 (poster)\n")
    body = ("Zinc Foil Anodes for Hearing Aids: Market Outlook 2025-2031\nA. Berzina(1)\n"
            "Aim. We sized the zinc foil anode market in hearing aids and wearables for the years ahead.\n"
            "References:\n[1] Berzina A. Zinc foils. Journal of Foo 3 (2025) 1-9.\n")
    title = extract_meta(shape(head + body, "a.txt")).title
    assert title == "Zinc Foil Anodes for Hearing Aids: Market Outlook 2025-2031"
    # once a body sentence has begun, a later title-like line is a section's, not the report's
    late = ("Aim. We sized the zinc foil anode market in hearing aids and wearables for the years ahead.\n"
            "Zinc Foil Anode Market Outlook 2025-2031\nReferences:\n[1] Berzina A. Zinc foils.\n")
    assert extract_meta(shape(late, "b.txt")).title != "Zinc Foil Anode Market Outlook 2025-2031"


def test_estimate_marked_short_years_and_a_period_in_the_same_sentence() -> None:
    doc = shape("# Zinc Foil Anode: Thin Is In\n\nWe model a 9.1% CAGR over 2026E-31E for the zinc foil anode "
                "market.\n", "n.md")
    assert extract_meta(doc).forecast_period == (2026, 2031)
    # a range in the sentence after a forecast sentence is about something else (pilot lines)
    doc = shape("# Zinc Foil Anode Market worth $2 billion by 2033\n\nThe report forecasts strong growth. Makers "
                "plan pilot lines between 2027 and 2029.\n", "p.md")
    assert extract_meta(doc).forecast_period is None


def test_company_annual_report_names_its_market_in_the_text_and_has_no_forecast_period() -> None:
    text = ("# Brekka Carbon AS Annual Report 2025\n\nOur zinc business grew.\n\n"
            "The global zinc foil anode market was worth about USD 1.2 billion in 2025 and should grow at a CAGR "
            "of 8% over 2025-2030, according to an outside consultant.\n")
    meta = extract_meta(shape(text, "ar.md"))
    assert meta.market == "Zinc Foil Anode"
    assert meta.forecast_period is None
    # a market report that is reviewed every year is no company report: its period stays
    review = text.replace("Brekka Carbon AS Annual Report 2025", "Zinc Foil Anode Market Annual Review 2025")
    meta = extract_meta(shape(review, "mr.md"))
    assert meta.market == "Zinc Foil Anode" and meta.forecast_period == (2025, 2030)


def test_headline_takes_the_global_market_for_phrase() -> None:
    doc = shape("<h1>Furnace owners fret as paste bills climb again</h1><p>One consultancy values the global market "
                "for carbon pastes for ferroalloy furnaces at US$ 3.1 billion in 2025.</p>", "h.html")
    assert extract_meta(doc).market == "Carbon Pastes for Ferroalloy Furnaces"
    # a pronoun after "market for" names no market: the headline stays the fallback
    doc = shape("<h1>Furnace owners fret as paste bills climb again</h1><p>Nobody knows whether the global market "
                "for them is growing.</p>", "i.html")
    assert extract_meta(doc).market == "Furnace owners fret as paste bills climb again"


def test_several_uses_after_for_are_applications_not_the_market_name() -> None:
    title = "Foo Carbon Anodes for Hearing-Aid and High-Drain Smart-Meter Cells: Market Outlook 2026-2031"
    assert market_from_title(title) == "Foo Carbon Anodes"
    # one use, or a pair of plain words, is part of the name
    assert market_from_title("Foo Anode Materials for Solid-State Batteries Market 2026-2033") == (
        "Foo Anode Materials for Solid-State Batteries")
    assert market_from_title("Foo Seals for Oil and Gas Market Report 2026") == "Foo Seals for Oil and Gas"
