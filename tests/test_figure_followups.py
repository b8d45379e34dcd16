"""Shares, sizes and rates that follow another figure or a label: invented text, each rule with a negative."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figures import Figures, extract_figures
from kg.extract.sentences import split_sentences
from kg.ingest.text import render_text
from kg.models import Evidence, ReportMeta, SegmentMention

WA = {"market": "Widget Anode", "forecast_period": (2026, 2031)}


def run(body: str, listed: tuple[tuple[str, str], ...] = (), **meta: object) -> Figures:
    doc = render_text(body, "text/html")
    segs = [
        SegmentMention(kind=kind, label=label, evidence=(Evidence(start=0, end=1, quote=doc.text[0]),))  # type: ignore[arg-type]
        for label, kind in listed
    ]
    figures = extract_figures(doc, ReportMeta(**meta), segs)  # type: ignore[arg-type]
    for fact in (*figures.market_sizes, *figures.growth_rates, *figures.shares, *figures.statistics):
        for ev in fact.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote
    return figures


def shares(f: Figures) -> set[tuple[str, str, Decimal, int | None]]:
    return {(x.holder, x.holder_kind, x.share_percent, x.year) for x in f.shares}


def test_a_unit_after_its_number_ends_the_sentence_but_mount_does_not() -> None:
    text = "Output rose to about 3.1 Mt. We expect more. Crews reached Mt. Kenya in 2023. Capacity is 5 Mt."
    assert [s.text for s in split_sentences(text)] == [
        "Output rose to about 3.1 Mt.",
        "We expect more.",
        "Crews reached Mt. Kenya in 2023.",
        "Capacity is 5 Mt.",
    ]


def test_a_comparison_after_a_share_is_the_same_holders_share_in_that_year() -> None:
    f = run(
        "<p>Coated grades took 31% of 2024 widget anode volumes, up from 17% in 2021.</p>"
        "<p>In 2024, Europe's share of the widget anode market reached 26%, compared with 19% in 2022.</p>"
        "<p>Uncoated grades represent 40% of widget anode demand by 2030, against 12% in 2024.</p>"
        # negatives: a change in points, and a comparison without a year
        "<p>Acme held 14% of widget anode revenue, up from 9% a year earlier.</p>",
        **WA,
    )
    assert shares(f) == {
        ("Coated grades", "segment", Decimal("31"), 2024),
        ("Coated grades", "segment", Decimal("17"), 2021),
        ("Europe", "region", Decimal("26"), 2024),
        ("Europe", "region", Decimal("19"), 2022),
        ("Uncoated grades", "application", Decimal("40"), 2030),
        ("Uncoated grades", "application", Decimal("12"), 2024),
        ("Acme", "segment", Decimal("14"), None),
    }
    earlier = next(x for x in f.shares if x.share_percent == Decimal("17"))
    assert earlier.of == "widget anode volumes"


def test_the_writers_own_customers_hold_no_market_share() -> None:
    f = run(
        "<p>Our three largest customers accounted for 58% of segment revenue in 2024.</p>"
        "<p>Three large cell makers accounted for 58% of widget anode demand in 2024.</p>",
        **WA,
    )
    assert shares(f) == {("Three large cell makers", "application", Decimal("58"), 2024)}


def test_an_application_named_by_its_leading_word_takes_the_listed_label() -> None:
    listed = (("Marine Batteries", "application"), ("Grid Batteries", "application"), ("Grid Inverters", "application"))
    f = run(
        "<p>Marine applications represent 44% of widget anode demand in 2024.</p>"
        # negative: two listed labels open with "Grid"
        "<p>Grid applications represent 30% of widget anode demand in 2024.</p>",
        listed,
        **WA,
    )
    assert shares(f) == {
        ("Marine Batteries", "application", Decimal("44"), 2024),
        ("Grid", "application", Decimal("30"), 2024),
    }


def test_a_second_lower_case_part_shares_the_first_ones_basis() -> None:
    f = run(
        "<p>By application, power tools accounted for about 61% of widget anode demand in 2024 and garden "
        "equipment for about 22%, with other uses making up the rest.</p>"
        # negatives: the rest is no part, and a place after a company is not read as a lower-case part
        "<p>By application, marine drives accounted for 30% of widget anode demand and the rest for 70%.</p>",
        **WA,
    )
    assert shares(f) == {
        ("power tools", "application", Decimal("61"), 2024),
        ("garden equipment", "application", Decimal("22"), 2024),
        ("marine drives", "application", Decimal("30"), None),
    }


def rates(f: Figures) -> set[tuple[str, str | None, Decimal]]:
    return {(x.scope, x.segment, x.cagr_percent) for x in f.growth_rates}


def sizes(f: Figures) -> set[tuple[str, int, Decimal | None]]:
    return {(x.scope, x.year, x.value_usd_million) for x in f.market_sizes}


def test_a_one_word_holder_is_not_expanded_by_the_tail_of_a_hyphenated_word() -> None:
    f = run(
        "<p>Cheap widgets suit low-cost storage. Buyers want low-cost storage. Grid storage is growing; grid "
        "storage needs long life.</p><p>Storage accounted for 21% of widget anode demand in 2024.</p>",
        **WA,
    )
    assert {x.holder for x in f.shares} == {"Grid Storage"}
    g = run(
        "<p>Buyers want low-cost storage. Sellers offer low-cost storage.</p>"
        "<p>Storage accounted for 21% of widget anode demand in 2024.</p>",
        **WA,
    )
    assert {x.holder for x in g.shares} == {"Storage"}


def test_a_compound_annual_rate_without_growth_is_a_cagr() -> None:
    f = run(
        "<p>Analysts value the widget anode market at US$ 2.1 billion in 2024 and expect it to grow at a "
        "compound annual rate of 5.2 per cent to 2031. Savers earned a compound interest rate of 3 per cent.</p>",
        **WA,
    )
    assert rates(f) == {("Global", None, Decimal("5.2"))}


def test_a_places_demand_as_the_object_of_expect_and_the_run_in_labels_country() -> None:
    f = run(
        "<p>The widget anode market was worth US$ 3.0bn in 2024.</p>"
        "<p>Europe: we expect European demand to grow at a CAGR of 12.5% over 2026-2031.</p>"
        "<p>Americas: the US widget anode market was US$0.4bn in 2024 but we model it at US$1.1bn by 2031.</p>"
        # negative: the place's steel output is not the market's
        "<p>Asia: we expect Asian steel output to grow at a CAGR of 2.0% over 2026-2031.</p>",
        **WA,
    )
    assert rates(f) == {("Europe", None, Decimal("12.5"))}
    assert sizes(f) == {
        ("Global", 2024, Decimal("3000.0")),
        ("United States", 2024, Decimal("400.0")),
        ("United States", 2031, Decimal("1100.0")),
    }


def test_the_market_as_object_of_its_amount_outweighs_a_price_word_before_it() -> None:
    f = run(
        "<p>The widget anode market was worth US$ 3.0bn in 2024. A price recovery will lift the market to "
        "US$4.4bn by 2031. Prices will lift costs to US$ 900 million by 2031.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", 2024, Decimal("3000.0")), ("Global", 2031, Decimal("4400.0"))}


def test_a_company_table_with_a_share_column_gives_the_players_shares() -> None:
    body = (
        "<p>Market structure of widget anodes.</p>"
        "<table><tr><th>Company</th><th>Ticker</th><th>2024 share of global shipments</th><th>Rating</th></tr>"
        "<tr><td>Acme Widgets</td><td>1234 XX</td><td>21%</td><td>Buy</td></tr>"
        "<tr><td>Borton Carbon</td><td>5678 XX</td><td>9%</td><td>Hold</td></tr></table>"
        "<p>Source: Example Capital Markets estimates.</p>"
    )
    f = run(body, **WA)
    assert shares(f) == {
        ("Acme Widgets", "company", Decimal("21"), 2024),
        ("Borton Carbon", "company", Decimal("9"), 2024),
    }
    # negative: the same table under another market's caption
    g = run(body.replace("Market structure of widget anodes.", "Shares in the lithium cathode market."), **WA)
    assert not g.shares


def test_groups_of_largest_players_and_share_verbs_of_volume() -> None:
    f = run(
        "<p>The five largest suppliers shipped a combined 62% of widget anode volume in 2024.</p>"
        "<p>Japan on its own accounted for 31% of global widget anode revenue in 2024.</p>"
        "<p>China is the largest consumer, accounting for about 45 per cent of global widget anode "
        "consumption according to Quorn.</p>"
        "<p>China: domestic cell makers consumed about 70% of global widget anode volume in 2024.</p>"
        # negative: without a place label "domestic" names no place
        "<p>Domestic cell makers consumed about 20% of widget anode volume in 2023.</p>",
        **WA,
    )
    assert shares(f) == {
        ("Five largest suppliers", "company", Decimal("62"), 2024),
        ("Japan", "region", Decimal("31"), 2024),
        ("China", "region", Decimal("45"), None),
        ("China", "region", Decimal("70"), 2024),
        ("Domestic cell makers", "segment", Decimal("20"), 2023),
    }


def test_a_regions_paragraph_opened_by_its_name_gives_its_cagr() -> None:
    filler = "".join(f"<p>Note {i}. Widgets are shipped in crates of size {i}.</p>" for i in range(10))
    f = run(
        "<p>The widget anode market was worth US$ 3.0bn in 2024.</p>" + filler
        # negatives: another place than the label, and a paragraph that names another market
        + "<p>Africa. Kenya is expected to grow at a CAGR of 9.5% from 2026 to 2031.</p>"
        + "<p>Oceania. Oceania is expected to grow at a CAGR of 17.5% from 2026 to 2031.</p>"
        + "<p>Europe. The European steel market is large. Europe is expected to grow at a CAGR of 3.5% to 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Oceania", None, Decimal("17.5"))}


def test_a_listed_players_legal_word_is_stripped_in_any_case() -> None:
    from kg.models import CompanyMention

    doc = render_text(
        "<p>Cygnet S.A. holds 11% of global widget anode revenue. Dovetail GMBH holds 7% of global widget anode "
        "revenue. Foxglove Mills holds 5% of global widget anode revenue.</p>",
        "text/html",
    )
    ev = (Evidence(start=0, end=1, quote=doc.text[0]),)
    players = [CompanyMention(name=n, evidence=ev) for n in ("Cygnet SA", "Dovetail GmbH")]
    f = extract_figures(doc, ReportMeta(**WA), (), players)  # type: ignore[arg-type]
    # "S.A." and "SA" are one legal word: the holder is the listed player; an unlisted name stays a segment
    assert {(x.holder, x.holder_kind) for x in f.shares} == {
        ("Cygnet S.A", "company"),
        ("Dovetail GMBH", "company"),
        ("Foxglove Mills", "segment"),
    }


def test_a_converted_amount_and_the_same_amount_stated_in_dollars_are_one_size() -> None:
    f = run(
        "<p>The widget anode market in Europe was worth EUR 200 million in 2024 (EUR 1 = USD 1.10).</p>"
        "<table><tr><th>Region</th><th>2024 (US$ million)</th></tr><tr><td>Europe</td><td>220.5</td></tr>"
        "<tr><td>Asia</td><td>480.0</td></tr></table>"
        # negative: 1% apart is two figures
        "<p>The widget anode market in Japan was worth EUR 100 million in 2024.</p>"
        "<p>Japan's widget anode market was worth US$ 111.1 million in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {
        ("Europe", 2024, Decimal("220.5")),
        ("Asia", 2024, Decimal("480.0")),
        ("Japan", 2024, Decimal("110.0")),
        ("Japan", 2024, Decimal("111.1")),
    }
    europe = next(x for x in f.market_sizes if x.scope == "Europe")
    assert len(europe.evidence) == 2


def test_a_year_after_a_dash_or_semicolon_belongs_to_another_statement() -> None:
    listed = (("Grid", "application"),)
    for body in (
        "<p>Grid applications now represent 23% of total widget anode use \u2014 a segment projected to triple by"
        " 2030 as storage grows.</p>",
        "<p>Grid applications represent 23% of widget anode use; the segment should double by 2030.</p>",
        "<p>Grid applications now represent 23% of widget anode use \u00e2 a segment projected to triple by"
        " 2030.</p>",
    ):
        assert shares(run(body, listed, **WA)) == {("Grid", "application", Decimal("23"), None)}
    # negative: the year in the share's own clause still dates it
    body = "<p>Grid applications will account for 31% of widget anode demand by 2030.</p>"
    assert shares(run(body, listed, **WA)) == {("Grid", "application", Decimal("31"), 2030)}
