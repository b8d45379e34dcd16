"""Table layout: nested header rows, units, rate columns and plain-text tables (kg.extract.figure_tables)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.figure_tables import UNIT_RX, header_layout, header_period, rate_column, text_table, unit_of
from kg.extract.rates import Period
from kg.ingest.text import render_text


def test_label_two_rows_high_beside_a_money_group_over_years_and_a_cagr_column() -> None:
    rows = [["Market / Country", "Sales (USD Bn)", "CAGR (%)"], ["2023", "2029"], ["Brazil", "1.2", "2.0", "8.9%"]]
    flags = [[True] * 3, [True] * 2, [False] * 4]
    layout = header_layout(rows, flags)
    assert layout.rows == 2
    assert layout.columns == ("Market / Country", "Sales (USD Bn) 2023", "Sales (USD Bn) 2029", "CAGR (%)")
    assert layout.own == ("Market / Country", "2023", "2029", "CAGR (%)")
    assert layout.year(1) is not None and layout.year(1).group("year") == "2023"
    assert layout.year(3) is None


def test_two_groups_each_over_the_same_years() -> None:
    rows = [
        ["Grade", "Value (EUR Mn)", "Share (%)"],
        ["2022", "2028", "2022", "2028"],
        ["Premium", "50", "80", "40", "45"],
    ]
    layout = header_layout(rows, [[True] * 3, [True] * 4, [False] * 5])
    assert layout.columns[1:3] == ("Value (EUR Mn) 2022", "Value (EUR Mn) 2028")
    assert layout.columns[3:] == ("Share (%) 2022", "Share (%) 2028")
    assert [layout.year(j) is not None for j in range(5)] == [False, True, True, False, False]


def test_years_grouping_measures_give_the_year_from_the_group() -> None:
    rows = [["Region", "2021", "2027"], ["Revenue", "Units", "Revenue", "Units"], ["Chile", "5", "7", "9", "11"]]
    layout = header_layout(rows, [[True] * 3, [True] * 4, [False] * 5])
    assert layout.year(1) is not None and layout.year(1).group("year") == "2021"
    assert layout.year(3) is not None and layout.year(3).group("year") == "2027"


def test_one_header_row_and_data_rows_are_never_headers() -> None:
    rows = [["Region", "2024", "2030"], ["Peru", "3", "4"], ["Total", "10", "12"]]
    layout = header_layout(rows, [[True] * 3, [True] * 3, [True] * 3])  # every cell a <th>: numbers say data
    assert layout.rows == 1
    assert layout.columns == ("Region", "2024", "2030")


def test_unflagged_row_of_years_narrower_than_the_body_is_a_header_row() -> None:
    rows = [["Region", "Revenue (USD Mn)"], ["2020", "2026"], ["Chile", "5", "7"]]
    assert header_layout(rows, [[False] * 2, [False] * 2, [False] * 3]).rows == 2


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("CAGR 2024-2029", "cagr"),
        ("Compound annual growth (%)", "cagr"),
        ("Share (%)", "share"),
        ("Impact on forecast CAGR", None),
        ("CAGR contribution (pp)", None),
        ("Revenue (USD Mn)", None),
    ],
)
def test_rate_columns(header: str, kind: str | None) -> None:
    assert rate_column(header) == kind


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("CAGR 26-31", Period(2026, 2031)),
        ("CAGR '24–'29", Period(2024, 2029)),
        ("CAGR 2025-2030 (%)", Period(2025, 2030)),
        ("CAGR (%)", Period()),
    ],
)
def test_rate_column_periods(header: str, period: Period) -> None:
    assert header_period(header) == period


@pytest.mark.parametrize(
    ("text", "currency", "scale"),
    [
        ("2024 (USD M)", "USD", Decimal(1)),
        ("Revenue (US$ Mn)", "USD", Decimal(1)),
        ("value by region (million U.S. dollars)", "USD", Decimal(1)),
        ("All values in USD thousand.", "USD", Decimal("0.001")),
        ("Sales (EUR bn)", "EUR", Decimal(1000)),
        ("2023 (US$ 000)", "USD", Decimal("0.001")),
    ],
)
def test_units(text: str, currency: str, scale: Decimal) -> None:
    assert unit_of(UNIT_RX.search(text)) == (currency, scale)


def test_a_word_starting_with_m_is_no_million() -> None:
    assert UNIT_RX.search("paid in USD most of the time") is None


def _table(body: str) -> list[list[str]] | None:
    doc = render_text(body, "text/plain")
    for i in range(len(doc.blocks)):
        found = text_table(doc, i)
        if found is not None:
            return [[doc.text[c.start : c.end] for c in row] for row in found[0].rows]
    return None


def _flat_table(body: str) -> list[list[str]] | None:
    """``text_table`` over one paragraph per line, as a renderer that knows no plain-text tables gives them."""
    from kg.models import Block, TextDocument

    blocks, pos = [], 0
    for line in body.split("\n"):
        if line.strip():
            a = pos + len(line) - len(line.lstrip())
            blocks.append(Block(start=a, end=pos + len(line.rstrip()), kind="paragraph"))
        pos += len(line) + 1
    doc = TextDocument(
        source="t.txt", raw_sha256="0", text_sha256="0", media_type="text/plain", encoding="utf-8", text=body,
        blocks=tuple(blocks),
    )
    for i in range(len(doc.blocks)):
        found = text_table(doc, i)
        if found is not None:
            return [[doc.text[c.start : c.end] for c in row] for row in found[0].rows]
    return None


def test_plain_text_table_with_unit_headers_and_a_cagr_column() -> None:
    rows = _flat_table(
        "Table 7: Pitch binder revenue by region\n\n"
        "  Region          2023 (USD M)    2030 (USD M)    CAGR 24-30\n"
        "  Latin America          12.5            20.1          7.0%\n"
        "  Oceania                 4.0             6.6          7.4%\n"
    )
    assert rows == [
        ["Region", "2023 (USD M)", "2030 (USD M)", "CAGR 24-30"],
        ["Latin America", "12.5", "20.1", "7.0%"],
        ["Oceania", "4.0", "6.6", "7.4%"],
    ]


def test_plain_text_table_with_its_unit_on_the_line_above() -> None:
    rows = _flat_table(
        "Figures in EUR thousand.\n\n  Grade        2022      2028   CAGR 23-28\n"
        "  ------------------------------------\n"
        "  Coarse     1,200     1,900        8.0%\n  Fine         800     1,500       11.1%\n"
    )
    assert rows is not None and rows[1] == ["Coarse", "1,200", "1,900", "8.0%"]


def test_plain_text_year_run_without_any_unit_is_no_table() -> None:
    body = "  Region   2023   2030   CAGR 24-30\n  Oceania   4.0   6.6   7.4%\n  Asia   9.0   9.9   1.4%\n"
    assert _table(body) is None


def test_empty_cell_under_the_label_column() -> None:
    rows = [["Segment", "Sales (USD Mn)"], ["", "2022", "2027"], ["Coated", "5", "9"]]
    layout = header_layout(rows, [[True] * 2, [True] * 3, [False] * 3])
    assert layout.columns == ("Segment", "Sales (USD Mn) 2022", "Sales (USD Mn) 2027")


def test_section_label_row_across_the_table_is_no_header_row() -> None:
    rows = [["Country", "2024", "2030"], ["Americas"], ["Chile", "5", "7"]]
    assert header_layout(rows, [[True] * 3, [True], [False] * 3]).rows == 1


def test_plain_text_table_whose_header_opens_with_its_caption_and_unit() -> None:
    rows = _flat_table(
        "Table 5. Binder sales by country (EUR bn)   2024    2030F\n"
        "  Poland                                    1.2      2.0\n"
        "  Hungary                                   0.8      1.9\n"
    )
    assert rows == [
        ["Table 5. Binder sales by country (EUR bn)", "2024", "2030F"],
        ["Poland", "1.2", "2.0"],
        ["Hungary", "0.8", "1.9"],
    ]


def test_plain_text_caption_with_a_single_year_and_no_columns_is_no_table() -> None:
    # "2024" in the caption is no year column, and nothing names a currency
    body = "Table 6. Shipments by use, 2024   kt   Share\n  Buses   1,200   61.0%\n  Rail   700   39.0%\n"
    assert _flat_table(body) is None


def test_unit_lines_under_a_money_caption() -> None:
    from kg.extract.figure_tables import only_unit_lines, unit_lines

    got = unit_lines("Sales by Country (USD Billion) Chile: 1.2 (2022) -> 3 (2029) Peru: 0.4 (2022)")
    assert got is not None
    currency, scale, lines = got
    assert (currency, scale) == ("USD", Decimal(1000))
    assert [(x.label, [(v, y) for v, _, y in x.values]) for x in lines] == [
        ("Chile", [("1.2", 2022), ("3", 2029)]),
        ("Peru", [("0.4", 2022)]),
    ]
    assert unit_lines("Chile: 1.2 (2022)", "Output (tonnes)") is None  # a volume caption
    assert unit_lines("Chile: 1.2 (2022)") is None  # no caption at all
    assert unit_lines("Notes (USD Mn) Chile: 1.2 (2022) grew fast") is None  # prose after the lines
    assert only_unit_lines("Peru: 0.4 (2022) -> 0.9 (2029)") and not only_unit_lines("Peru grew 4%")


def test_grid_header_with_a_repeated_group_over_years() -> None:
    # the renderer's grid: the group repeated over its columns, empty cells under cells two rows high
    rows = [
        ["Group", "Item", "Sales (EUR k)", "Sales (EUR k)", "Trend 2021-2026"],
        ["", "", "2021", "2026F", ""],
        ["By colour", "Teal", "4", "6", "8%"],
    ]
    layout = header_layout(rows, [[True] * 5, [True] * 5, [True, False, False, False, False]])
    assert layout.rows == 2
    assert layout.columns == ("Group", "Item", "Sales (EUR k) 2021", "Sales (EUR k) 2026F", "Trend 2021-2026")
    assert layout.own == ("Group", "Item", "2021", "2026F", "Trend 2021-2026")
    assert [layout.year(j) is not None for j in range(5)] == [False, False, True, True, False]


def test_grid_header_with_a_group_followed_by_empty_cells() -> None:
    # a word processor's merged cell: the group, then empty cells over the rest of its years
    rows = [["Kind", "Sales (EUR k)", "", "Share (%)", ""], ["", "2021", "2026", "2021", "2026"],
            ["Teal", "4", "6", "40", "45"]]
    layout = header_layout(rows, [[True] * 5, [True] * 5, [False] * 5])
    assert layout.columns == ("Kind", "Sales (EUR k) 2021", "Sales (EUR k) 2026", "Share (%) 2021",
                              "Share (%) 2026")
    assert [layout.year(j) is not None for j in range(5)] == [False, True, True, False, False]


def test_title_across_a_grid_header_is_no_group() -> None:
    # negative: one cell across the whole table is its title; "share" in it makes no column a share column
    title = "Sales and share by kind"
    rows = [[title] * 3, ["Kind", "2021", "2026"], ["Teal", "4", "6"]]
    layout = header_layout(rows, [[True] * 3, [True] * 3, [False] * 3])
    assert layout.rows == 2 and layout.columns == ("Kind", "2021", "2026")
    # negative: a section row repeated across the grid is no header row
    rows = [["Kind", "2021", "2026"], ["Teal kinds"] * 3, ["Teal", "4", "6"]]
    assert header_layout(rows, [[True] * 3, [True] * 3, [False] * 3]).rows == 1


def _paragraph_table(text: str) -> list[list[str]] | None:
    """``text_table`` over one paragraph, as a renderer that joined a pipe table's lines gives it."""
    from kg.models import Block, TextDocument

    doc = TextDocument(
        source="t.md", raw_sha256="0", text_sha256="0", media_type="text/markdown", encoding="utf-8", text=text,
        blocks=(Block(start=0, end=len(text), kind="paragraph"),),
    )
    found = text_table(doc, 0)
    return None if found is None else [[doc.text[c.start : c.end] for c in row] for row in found[0].rows]


def test_pipe_table_joined_into_one_paragraph_after_its_caption() -> None:
    rows = _paragraph_table(
        "--- Page 3 --- Sales by country (EUR M) Country | 2022 | 2029 | CAGR 23-29 Chile | 40 | 75 | 9.4% "
        "Peru | 12.5 | 20 | 6.9% Total | 52.5 | 95 | 8.9% Source: interviews, filings"
    )
    assert rows == [
        ["Sales by country (EUR M) Country", "2022", "2029", "CAGR 23-29"],
        ["Chile", "40", "75", "9.4%"],
        ["Peru", "12.5", "20", "6.9%"],
        ["Total", "52.5", "95", "8.9%"],
    ]


def test_pipe_rows_after_prose_or_without_a_unit_are_no_table() -> None:
    # negative: prose with figures before the header is no caption (its sentences must still be read)
    assert _paragraph_table(
        "Sales rose 12% to EUR 40 M. Country | 2022 | 2029 Chile | 40 | 75 Peru | 12 | 20"
    ) is None
    # negative: no currency unit anywhere
    assert _paragraph_table("Output by country Country | 2022 | 2029 Chile | 40 | 75 Peru | 12 | 20") is None
    # negative: text with figures after the rows is more than a note
    assert _paragraph_table(
        "Sales (EUR M) Country | 2022 | 2029 Chile | 40 | 75 Peru | 12 | 20 Peru grew 8% in 2023."
    ) is None
