"""Forms of the genre seen on later held-out sets, each rule on invented text with a negative: markets that
join two products, narrowed places and place totals as table rows, fiscal-year columns, gapped share pairs,
share trajectories, group holders and spelled-out glosses."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figure_words import MarketWords, market_part, words_of
from kg.models import ReportMeta
from tests.test_figure_prose import run, sizes


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<p>{caption}</p><table><tr>{cells}</tr>{body}</table>"


def shares(f: object) -> set[tuple[str, Decimal, int | None]]:
    return {(x.holder, x.share_percent, x.year) for x in f.shares}  # type: ignore[attr-defined]


def test_a_market_that_joins_two_products_has_each_as_a_part() -> None:
    joined = MarketWords.of(ReportMeta(market="Widget Binders and Conductive Pastes"))
    assert market_part(joined, words_of("Binders"))
    assert market_part(joined, words_of("Conductive Pastes"))
    assert not market_part(joined, words_of("Widget Binders and Conductive Pastes"))
    assert not market_part(joined, words_of("Conductive"))  # no head noun: not a product
    # two modifiers of one head noun name one product
    assert not market_part(MarketWords.of(ReportMeta(market="Natural and Synthetic Widget")), words_of("Widget"))
    assert MarketWords.of(ReportMeta(market="Widget Binder")).parts == ()


def test_table_rows_naming_one_joined_product_are_segments() -> None:
    caption = "Table 2. Market size by product category (USD million)"
    rows = [
        ["Binders", "1,210.0", "2,300.0"],
        ["Conductive Pastes", "990.0", "2,050.0"],
        ["Total", "2,200.0", "4,350.0"],
    ]
    head = ["Product category", "2024", "2032"]
    _, f = run(_table(caption, head, rows), market="Widget Binders and Conductive Pastes")
    got = sizes(f)
    assert ("Global", "Binders", 2024, Decimal("1210.0")) in got
    assert ("Global", "Conductive Pastes", 2032, Decimal("2050.0")) in got
    assert ("Global", None, 2024, Decimal("2200.0")) in got
    # one product's market: its name as a row is the market itself
    one = [["Widget Binders", "1,210.0", "2,300.0"]]
    _, f = run(_table(caption, ["Product", "2024", "2032"], one), market="Widget Binder")
    assert ("Global", None, 2024, Decimal("1210.0")) in sizes(f)


def test_narrowed_places_and_place_totals_as_row_labels() -> None:
    caption = "Table 3: Widget anode market value by region (US$ million)"
    rows = [
        ["Middle East (GCC)", "410", "13.5"],
        ["Asia excl. Japan", "380", "12.0"],
        ["Asia Pacific (APAC)", "1,900", "60.0"],
        ["China (incl. Hong Kong)", "1,200", "38.0"],
        ["World, total", "3,160", "100.0"],
    ]
    _, f = run(_table(caption, ["Region", "2024", "Share 2024 (%)"], rows), market="Widget Anode")
    got = sizes(f)
    assert ("Middle East (GCC)", None, 2024, Decimal("410")) in got
    assert ("Asia excl. Japan", None, 2024, Decimal("380")) in got
    # a bracket that glosses the same place, or holds more than a place, narrows nothing
    assert ("Asia-Pacific", None, 2024, Decimal("1900")) in got
    assert ("China", None, 2024, Decimal("1200")) in got
    assert ("Global", None, 2024, Decimal("3160")) in got
    held = shares(f)
    assert ("Middle East (GCC)", Decimal("13.5"), 2024) in held
    assert not any(h[1] == Decimal("100.0") for h in held)  # the total's 100 % is no one's share


def test_a_place_total_row_is_the_place_not_a_segment() -> None:
    caption = "Table 1. Widget anode market by country, 2024 (USD million)"
    rows = [["Germany", "352"], ["Rest of Europe", "168"], ["Europe, total", "520"]]
    _, f = run(_table(caption, ["Country", "2024"], rows), market="Widget Anode")
    got = sizes(f)
    assert ("Europe", None, 2024, Decimal("520")) in got
    assert not any(seg and "total" in seg.lower() for _, seg, _, _ in got)


def test_fiscal_year_columns() -> None:
    caption = "3. MARKET SIZE BY APPLICATION (million U.S. dollars)"
    rows = [["Primary Cells", "120.5", "180.0"], ["Total", "200.0", "410.0"]]
    _, f = run(_table(caption, ["Application", "FY2024", "FY2031F"], rows), market="Widget Foil")
    got = sizes(f)
    assert ("Global", "Primary Cells", 2024, Decimal("120.5")) in got
    assert ("Global", None, 2031, Decimal("410.0")) in got


def test_a_place_that_represented_an_amount() -> None:
    _, f = run(
        "<p>The widget anode market was worth USD 2.7 billion in 2024. China alone represented USD 1.71 billion "
        "in 2024.</p><p>Japan contributed USD 0.9 billion of battery exports in 2024.</p>",
        market="Widget Anode",
    )
    got = sizes(f)
    assert ("China", None, 2024, Decimal("1710.00")) in got
    assert not any(scope == "Japan" for scope, *_ in got)  # another measure follows the amount


def test_group_holders_flagged_basis_years_and_located_companies() -> None:
    _, f = run(
        "<p>The widget anode market was worth USD 2.1 billion in 2024. The five leading suppliers together held "
        "40.8% of 2024A value. Five leading suppliers in Japan accounted for 22% of 2024 revenue.</p>"
        "<p>Australia-based Acme Resources Limited held an estimated 6.5% share of the market in 2024.</p>"
        "<p>Water-based latex systems accounted for 78% of 2024 revenue.</p>",
        market="Widget Anode",
    )
    held = shares(f)
    assert ("Five leading suppliers", Decimal("40.8"), 2024) in held
    assert not any(h[1] == Decimal("22") for h in held)  # a count cut from its noun names no holder
    assert ("Acme Resources Limited", Decimal("6.5"), 2024) in held
    assert ("Water-based latex systems", Decimal("78"), 2024) in held  # "Water" is no place


def test_gapped_share_pairs() -> None:
    _, f = run(
        "<p>The widget anode market was worth USD 2.1 billion in 2024. Coated grades took 61% and Uncoated "
        "grades 39% of the market in 2024. Acme held 49% and The 10% of revenue.</p>",
        market="Widget Anode",
    )
    held = shares(f)
    assert ("Coated grades", Decimal("61"), 2024) in held
    assert ("Uncoated grades", Decimal("39"), 2024) in held
    assert not any(h[1] == Decimal("10") for h in held)


def test_share_trajectories_of_listed_holders() -> None:
    _, f = run(
        "<p>The widget anode market was worth USD 2.1 billion in 2024.</p><ul>"
        "<li>Electric Vehicles share rises from 31% (2024A) to 68% (2031F)</li>"
        "<li>Europe's share grows from 20% in 2024 to 26% by 2030.</li>"
        "<li>Gadget share rises from 10% in 2024 to 20% in 2030.</li></ul>",
        ("Electric Vehicles", "Consumer Devices"),
        market="Widget Anode",
    )
    held = shares(f)
    assert {("Electric Vehicles", Decimal("31"), 2024), ("Electric Vehicles", Decimal("68"), 2031)} <= held
    assert {("Europe", Decimal("20"), 2024), ("Europe", Decimal("26"), 2030)} <= held
    assert not any(h[0] == "Gadget" for h in held)  # not a listed segment, place or player


def test_a_listed_gloss_spelled_out_names_the_listed_segment() -> None:
    _, f = run(
        "<p>The widget anode market was worth USD 2.1 billion in 2024. Power batteries for electric vehicles "
        "absorbed 68.5% of 2024 revenue. Power batteries for energy storage absorbed 20% of 2024 revenue.</p>",
        ("Power Batteries (EV)", "Storage Batteries (ESS)"),
        market="Widget Anode",
    )
    held = shares(f)
    assert ("Power Batteries (EV)", Decimal("68.5"), 2024) in held
    assert ("Power Batteries (EV)", Decimal("20"), 2024) not in held  # its words abbreviate another gloss


def rates_of(f: object) -> set[tuple[str, str | None, Decimal]]:
    return {(x.scope, x.segment, x.cagr_percent) for x in f.growth_rates}  # type: ignore[attr-defined]


def test_newswire_and_news_wordings_of_the_market_size() -> None:
    _, f = run(
        "<p>The widget anode market generated $612.4 Mn in revenue in 2024, according to a new study.</p>"
        "<p>Battery makers spent USD 2 billion in revenue in 2024.</p>"
        "<p>In a report released in May, Orbin Research puts the global widget anode market at USD 3.42 billion "
        "in 2025. The Oslo-based firm expects it to reach USD 9.89 billion by 2032, a CAGR of 14.2% over "
        "2026-2032.</p><p>Orbin Research spent USD 3 billion on the widget anode market in 2024.</p>",
        market="Widget Anode",
    )
    got = sizes(f)
    assert ("Global", None, 2024, Decimal("612.4")) in got
    assert ("Global", None, 2025, Decimal("3420.00")) in got
    assert ("Global", None, 2032, Decimal("9890.00")) in got  # the firm's seat is not the figure's scope
    assert ("Global", None, Decimal("14.2")) in rates_of(f)
    assert not any(v in (Decimal("2000"), Decimal("3000")) for *_, v in got)  # spending, not the market


def test_a_segment_name_joined_by_a_slash() -> None:
    _, f = run(
        "<p>The widget anode market was USD 3 billion in 2024. The nano-Si/C composite segment is projected to "
        "grow at a CAGR of 28.4% over 2025-2033.</p>",
        ("Nano-Si/C Composite", "SiOx/C Composite"),
        market="Widget Anode",
    )
    assert ("Global", "Nano-Si/C Composite", Decimal("28.4")) in rates_of(f)


def test_acronym_holders_and_leaders_lines() -> None:
    _, f = run(
        "<p>The widget anode market was USD 3 billion in 2024.</p><ul>"
        "<li>Co-W held 49% and WOx 44% of 2024 revenue</li>"
        "<li>Top 5 suppliers held 58% of 2024 revenue</li>"
        "<li>Acme Widget Co., Ltd. (China) leads with about 19%</li></ul>"
        "<p>Prices rose 5% in 2024. Borton leads with 30%.</p>",
        ("Cobalt-Widget (Co-W)", "Widget Oxide (WOx)"),
        market="Widget Anode",
    )
    held = shares(f)
    assert ("Cobalt-Widget (Co-W)", Decimal("49"), 2024) in held
    assert ("Widget Oxide (WOx)", Decimal("44"), 2024) in held
    assert any(h[0].startswith("Acme Widget Co") and h[1] == Decimal("19") for h in held)
    assert not any(h[0] == "Ltd" for h in held)  # the legal suffix after a comma is no holder of its own
    assert not any(h[1] == Decimal("30") for h in held)  # no market share just before it


def test_a_stated_rate_with_decimals_and_a_place_subjects_later_amount() -> None:
    _, f = run(
        "<p>Euro figures are converted at a fixed rate of EUR 1.00 = USD 1.10.</p>"
        "<p>The widget anode market was USD 3 billion in 2024. The European market was worth EUR 142 million in "
        "2024.</p><p>North America reached USD 128 million in 2024 and should reach USD 1,150 million in 2032. "
        "China reached USD 5 billion in battery exports in 2024 and should reach USD 9 billion in 2032.</p>",
        market="Widget Anode",
    )
    got = sizes(f)
    assert ("Europe", None, 2024, Decimal("156.2000")) in got
    assert ("North America", None, 2024, Decimal("128")) in got
    assert ("North America", None, 2032, Decimal("1150")) in got
    assert not any(scope == "China" for scope, *_ in got)  # exports, and the same subject's later amount


def test_rate_statements_with_a_decimal_one() -> None:
    from kg.extract.money import find_exchange_rates

    assert find_exchange_rates("converted at EUR 1.00 = USD 1.10.") == {"EUR": Decimal("1.10")}
    assert find_exchange_rates("1,00 EUR = 1,09 USD") == {"EUR": Decimal("1.09")}
    assert find_exchange_rates("a lot of 21.00 EUR = 23 USD") == {}  # not a rate of one unit


def test_reported_clauses_and_import_origins_hold_shares() -> None:
    _, f = run(
        "<p>The widget anode market was USD 3 billion in 2024. Korvane estimates that China accounts for roughly "
        "93% of widget anode output.</p><p>Imports from China supplied about 78% of the widget anode material "
        "consumed in Europe in 2024.</p><p>Imports from Japan supplied 30% of the steel used in Europe in 2024."
        "</p><p>Imports from abroad supplied 31% of widget anode revenue in 2024.</p>",
        market="Widget Anode Materials",
    )
    held = shares(f)
    assert ("China", Decimal("93"), None) in held
    assert ("China", Decimal("78"), 2024) in held
    assert not any(h[1] in (Decimal("30"), Decimal("31")) for h in held)  # another product; no place named


def test_reported_pronouns_and_unlocated_participles_stay_statistics() -> None:
    _, f = run(
        "<p>The needle coke market was USD 3 billion in 2024. Petroleum grades account for about two-thirds of "
        "all needle coke sold. Both houses split the market. Prebaked anodes dominate: Fenwick estimates that "
        "they account for about 88 per cent of market value.</p>",
        market="Petroleum Needle Coke",
    )
    assert not f.shares  # a parent product's total; a pronoun whose antecedent the rule cannot see


def test_a_rounded_restatement_is_the_same_size() -> None:
    _, f = run(
        "<p>The widget anode market was estimated at $1,862.4 Mn in 2024 and is projected to reach $3,910.7 Mn "
        "by 2030.</p><table><tr><th>Report attribute</th><th>Details</th></tr>"
        "<tr><td>Market size value in 2024</td><td>USD 1.86 billion</td></tr>"
        "<tr><td>Revenue forecast in 2030</td><td>USD 3.80 billion</td></tr></table>",
        market="Widget Anode",
    )
    got = sizes(f)
    assert ("Global", None, 2024, Decimal("1862.4")) in got
    assert not any(year == 2024 and value != Decimal("1862.4") for _, _, year, value in got)
    # 3.80 bn is 110.7 Mn away: beyond half its last digit, another figure
    assert {v for _, _, y, v in got if y == 2030} == {Decimal("3910.7"), Decimal("3800.00")}


def test_the_markets_own_downstream_is_cut_from_a_holder() -> None:
    _, f = run(
        "<p>The widget market was USD 3 billion in 2024. Smelter-grade widgets for aluminium anodes held 88% of "
        "market value in 2024. Widgets for steel furnaces held 12% of market value in 2024.</p>",
        market="Widget for Aluminium Anodes",
    )
    held = shares(f)
    assert ("Smelter-grade widgets", Decimal("88"), 2024) in held
    assert ("Widgets for steel furnaces", Decimal("12"), 2024) in held  # another downstream: kept as written
