"""Figures in tables (kg.extract.figure_table_cells): invented tables, each rule with a negative."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figures import Figures, extract_figures
from kg.ingest.text import render_text
from kg.models import ReportMeta

META = {"market": "Widget Coating", "forecast_period": (2025, 2030)}


def _run(body: str, media: str = "text/plain") -> Figures:
    doc = render_text(body, media)
    figures = extract_figures(doc, ReportMeta(**META))  # type: ignore[arg-type]
    for fact in (*figures.market_sizes, *figures.growth_rates, *figures.shares):
        for ev in fact.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote
    return figures


def _sizes(f: Figures) -> set[tuple[str, str | None, int, Decimal | None]]:
    return {(x.scope, x.segment, x.year, x.value_usd_million) for x in f.market_sizes}


GRID = """TABLE B2  WIDGET COATING MARKET BY REGION (USD MILLION)
+----------------+----------+----------+------------+
| REGION         |  2023 A  |  2029 F  | CAGR 24-29 |
+----------------+----------+----------+------------+
| Oceania        |    120.5 |    240.0 |     12.0%  |
| Benelux & Nordics |  80.0 |    100.0 |      3.5%  |
+----------------+----------+----------+------------+
| TOTAL          |    200.5 |    340.0 |      9.0%  |
+----------------+----------+----------+------------+
"""


def test_grid_table_with_a_total_row_below_a_border() -> None:
    f = _run(GRID)
    got = _sizes(f)
    assert ("Oceania", None, 2029, Decimal("240.0")) in got
    assert ("Global", None, 2023, Decimal("200.5")) in got  # the TOTAL row below the inner border
    assert {(g.scope, g.cagr_percent, g.start_year, g.end_year) for g in f.growth_rates} >= {
        ("Oceania", Decimal("12.0"), 2024, 2029), ("Global", Decimal("9.0"), 2024, 2029)}


def test_a_row_of_joined_places_is_a_scope_not_a_segment() -> None:
    f = _run(GRID.replace("Benelux & Nordics", "Chile & Peru     "))
    assert ("Chile & Peru", None, 2023, Decimal("80.0")) in _sizes(f)
    assert all(x.segment != "Chile & Peru" for x in f.market_sizes)
    # negative: two product words joined are a segment, not a place
    g = _run(GRID.replace("Benelux & Nordics", "Films & Sheets   "))
    assert ("Global", "Films & Sheets", 2023, Decimal("80.0")) in _sizes(g)


def test_a_numbered_caption_does_not_make_the_market_another_one() -> None:
    body = ("<p>Table 4.2 Widget Coating Market by Region, USD Million</p><table><tr><th>Region</th><th>2025</th>"
            "<th>2031</th></tr><tr><td>Oceania</td><td>12.5</td><td>30.0</td></tr>"
            "<tr><td>Peru</td><td>2.5</td><td>4.0</td></tr></table>")
    assert ("Peru", None, 2031, Decimal("4.0")) in _sizes(_run(body, "text/html"))
    # negative: the numbered caption of another market's table stays another market's
    other = body.replace("Widget Coating Market", "Solar Glass Market")
    assert not _run(other, "text/html").market_sizes


def test_decimal_comma_document_reads_its_table_that_way() -> None:
    body = ("Widget coating demand grew 4,5 % in 2024 to USD 1,25 Mrd.\n\n"
            "Table 2: Widget coating market by region, USD Mio.\n\n"
            "  Region        2024       2030\n"
            "  ------------------------------\n"
            "  Oceania    1.105,3    1.400,0\n"
            "  Peru          85,2      120,7\n"
            "  Chile        1.250      1.500\n")
    got = _sizes(_run(body))
    assert ("Oceania", None, 2024, Decimal("1105.3")) in got
    assert ("Peru", None, 2030, Decimal("120.7")) in got
    assert ("Chile", None, 2024, Decimal("1250")) in got  # "1.250" in a decimal-comma document


def test_english_document_keeps_its_dots_as_decimals() -> None:
    body = ("Widget coating demand grew 4.5% in 2024 to USD 1.25 bn.\n\n"
            "Table 2: Widget coating market by region, USD bn\n\n"
            "  Region        2024       2030\n"
            "  ------------------------------\n"
            "  Oceania      1.105      1.400\n"
            "  Peru         0.085      0.120\n")
    got = _sizes(_run(body))
    assert ("Oceania", None, 2024, Decimal("1105.000")) in got  # 1.105 billion


def test_space_grouped_thousands_in_cells() -> None:
    body = ("<p>Widget coating market by region, US$ million</p><table><tr><th>Region</th><th>2025</th>"
            "<th>2031</th></tr><tr><td>Oceania</td><td>6 851</td><td>12 020</td></tr>"
            "<tr><td>Peru</td><td>947</td><td>1 062</td></tr></table>")
    got = _sizes(_run(body, "text/html"))
    assert ("Oceania", None, 2031, Decimal("12020")) in got and ("Peru", None, 2031, Decimal("1062")) in got


GROUPED = (
    "<p>Widget coating market revenue, 2024-2030</p><table><thead>"
    "<tr><th rowspan='2'>Breakdown</th><th rowspan='2'>Item</th><th colspan='2'>Revenue, US$ million</th>"
    "<th rowspan='2'>CAGR 2025-2030</th></tr><tr><th>2024</th><th>2030F</th></tr></thead><tbody>"
    "<tr><th rowspan='2'>By finish</th><td>Matte Films</td><td>40</td><td>70</td><td>9.5%</td></tr>"
    "<tr><td>Gloss Films</td><td>20</td><td>25</td><td>3.1%</td></tr>"
    "<tr><th rowspan='2'>By region</th><td>Oceania</td><td>35</td><td>60</td><td>9.2%</td></tr>"
    "<tr><td>Peru</td><td>25</td><td>35</td><td>5.0%</td></tr>"
    "<tr><th colspan='2'>Total</th><td>60</td><td>95</td><td>7.7%</td></tr></tbody></table>"
)


def test_rows_under_a_group_cell_are_labelled_by_their_own_label_column() -> None:
    f = _run(GROUPED, "text/html")
    assert _sizes(f) == {
        ("Global", "Matte Films", 2024, Decimal(40)), ("Global", "Matte Films", 2030, Decimal(70)),
        ("Global", "Gloss Films", 2024, Decimal(20)), ("Global", "Gloss Films", 2030, Decimal(25)),
        ("Oceania", None, 2024, Decimal(35)), ("Oceania", None, 2030, Decimal(60)),
        ("Peru", None, 2024, Decimal(25)), ("Peru", None, 2030, Decimal(35)),
        ("Global", None, 2024, Decimal(60)), ("Global", None, 2030, Decimal(95)),  # "Total" across both columns
    }
    rates = {(g.scope, g.segment, g.cagr_percent, g.start_year, g.end_year) for g in f.growth_rates}
    assert rates == {
        ("Global", "Matte Films", Decimal("9.5"), 2025, 2030), ("Global", "Gloss Films", Decimal("3.1"), 2025, 2030),
        ("Oceania", None, Decimal("9.2"), 2025, 2030), ("Peru", None, Decimal("5.0"), 2025, 2030),
        ("Global", None, Decimal("7.7"), 2025, 2030),
    }
    # the group cells are never a segment, and every quote starts at the row's own label
    assert not {x.segment for x in f.market_sizes} & {"By finish", "By region", "Breakdown"}
    assert all(not x.evidence[0].quote.startswith("By ") for x in (*f.market_sizes, *f.growth_rates))


def test_a_place_group_cell_scopes_the_segment_rows_under_it() -> None:
    body = (
        "<p>Widget coating market revenue by region and finish (US$ million)</p><table>"
        "<tr><th>Region</th><th>Finish</th><th>2024</th><th>2030</th><th>Share 2024</th></tr>"
        "<tr><td rowspan='2'>Oceania</td><td>Matte Films</td><td>30</td><td>50</td><td>60%</td></tr>"
        "<tr><td>Gloss Films</td><td>20</td><td>28</td><td>40%</td></tr>"
        "<tr><td rowspan='2'>Andean</td><td>Peru</td><td>15</td><td>22</td><td>30%</td></tr>"
        "<tr><td>Chile</td><td>35</td><td>41</td><td>70%</td></tr></table>"
    )
    f = _run(body, "text/html")
    got = _sizes(f)
    assert ("Oceania", "Matte Films", 2024, Decimal(30)) in got
    assert ("Oceania", "Gloss Films", 2030, Decimal(28)) in got
    assert not any(s == "Global" and seg in {"Matte Films", "Gloss Films"} for s, seg, _, _ in got)
    # negatives: a place row keeps its own place under any group; a segment's share of one region's market
    # is no share of the market
    assert ("Chile", None, 2024, Decimal(35)) in got and ("Peru", None, 2030, Decimal(22)) in got
    assert all(x.holder not in {"Matte Films", "Gloss Films", "Oceania"} for x in f.shares)


def test_year_columns_with_their_unit_after_a_comma_and_the_captions_exchange_rate() -> None:
    body = (
        "<table><tr><th>Region</th><th>2023, EUR million</th><th>2029, EUR million</th></tr>"
        "<tr><td>Oceania</td><td>50.0</td><td>90.0</td></tr><tr><td>Chile</td><td>20.0</td><td>30.0</td></tr>"
        "</table><p>Table 3 – Widget coating market, regional split. US dollar amounts in the text use "
        "EUR 1 = USD 1.08.</p>"
    )
    got = _sizes(_run(body, "text/html"))
    assert ("Oceania", None, 2023, Decimal("54.000")) in got  # EUR 50.0 million at the caption's rate
    assert ("Chile", None, 2029, Decimal("32.400")) in got
    # negative: a comma then another measure is no year column of money
    other = body.replace("2023, EUR million", "2023, tonnes").replace("2029, EUR million", "2029, tonnes")
    assert not _sizes(_run(other, "text/html"))
