"""Figures stated in prose, label lines and definition lists: invented text, each rule with a negative."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figures import Figures, extract_figures
from kg.ingest.text import render_text
from kg.models import Evidence, ReportMeta, SegmentMention, TextDocument

WA = {"market": "Widget Anode", "forecast_period": (2026, 2031)}


def run(body: str, segments: tuple[str, ...] = (), **meta: object) -> tuple[TextDocument, Figures]:
    doc = render_text(body, "text/html")
    listed = [
        SegmentMention(kind="type", label=label, evidence=(Evidence(start=0, end=1, quote=doc.text[0]),))
        for label in segments
    ]
    figures = extract_figures(doc, ReportMeta(**meta), listed)  # type: ignore[arg-type]
    for fact in (*figures.market_sizes, *figures.growth_rates, *figures.shares, *figures.statistics):
        for ev in fact.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote
    return doc, figures


def sizes(f: Figures) -> set[tuple[str, str | None, int, Decimal | None]]:
    return {(x.scope, x.segment, x.year, x.value_usd_million) for x in f.market_sizes}


def rates(f: Figures) -> set[tuple[str, str | None, Decimal]]:
    return {(x.scope, x.segment, x.cagr_percent) for x in f.growth_rates}


def test_definition_list_terms_label_their_values() -> None:
    _, f = run(
        "<h2>Key statistics</h2><dl><dt>Market size (2024)</dt><dd>US$ 3.27 billion</dd>"
        "<dt>Market size (2031F)</dt><dd>US$ 5.92 billion</dd><dt>CAGR (2026–2031)</dt><dd>10.4%</dd></dl>"
        "<h2>Regions</h2><h3>Europe</h3><dl><dt>2024</dt><dd>US$ 104.0 million</dd><dt>2031F</dt>"
        "<dd>US$ 337.9 million</dd><dt>CAGR 2026–2031</dt><dd>21.7%</dd></dl>",
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("3270.00")),
        ("Global", None, 2031, Decimal("5920.00")),
        ("Europe", None, 2024, Decimal("104.0")),
        ("Europe", None, 2031, Decimal("337.9")),
    }
    assert rates(f) == {("Global", None, Decimal("10.4")), ("Europe", None, Decimal("21.7"))}


def test_definition_list_of_another_measure_is_no_market_size() -> None:
    _, f = run(
        "<h2>Prices</h2><dl><dt>Average flake price</dt><dd>US$ 480</dd><dt>Freight cost (2024)</dt>"
        "<dd>US$ 35.5 million</dd></dl><p>Largest buyer</p><p>US$ 12.0 million. Paid in cash.</p>",
        **WA,
    )
    assert f.market_sizes == []


def test_analyst_estimate_and_comparison_continue_the_market() -> None:
    _, f = run(
        "<p>The widget anode market stood at $412.7 Mn in 2024.</p><p>We estimate $449.1 Mn for 2025.</p>"
        "<p>We size the global widget anode market at US$ 142.8 million in 2026. That is up from US$ 109.5 "
        "million in 2023. Our base case has it reaching US$ 611.0 million in 2031.</p>",
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("412.7")),
        ("Global", None, 2025, Decimal("449.1")),
        ("Global", None, 2026, Decimal("142.8")),
        ("Global", None, 2023, Decimal("109.5")),
        ("Global", None, 2031, Decimal("611.0")),
    }


def test_publisher_projection_is_the_market_but_a_company_expectation_is_not() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 11.84 billion in 2024. Pinecrest projects US$ 27.68 "
        "billion by 2031, a CAGR of 11.2% over 2026–2031.</p>"
        "<p>The widget anode market stood at $412.7 Mn in 2025. Acme expects $49.1 Mn for 2026.</p>"
        "<p>We estimate $449.1 Mn for 2027.</p>",
        publisher="Pinecrest Market Data",
        **WA,
    )
    assert ("Global", None, 2031, Decimal("27680.00")) in sizes(f)
    assert ("Global", None, Decimal("11.2")) in rates(f)
    assert not {x for x in sizes(f) if x[2] == 2026}
    # without a sentence about the market just before, "We estimate" has nothing to continue
    assert not {x for x in sizes(f) if x[2] == 2027}


def test_amount_excluded_from_the_market_is_no_size() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 11.84 billion in 2024.</p><p>Not counted in this market: "
        "graphite anodes, worth about US$ 4.1 billion in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("11840.00"))}


def test_key_number_bullet_with_the_label_before_the_year() -> None:
    _, f = run("<ul><li>Widget anode market 2025: US$ 4.82 bn</li><li>Forecast 2031: US$ 7.95 bn</li></ul>", **WA)
    assert sizes(f) == {("Global", None, 2025, Decimal("4820.00")), ("Global", None, 2031, Decimal("7950.00"))}
    _, f = run("<p>Cathode market (2025): US$ 9.1 bn</p><ul><li>Forecast 2031: US$ 17.9 bn</li></ul>", **WA)
    assert f.market_sizes == []  # right under another market's line


def test_place_with_its_amount_in_apposition() -> None:
    _, f = run(
        "<p>The widget anode market stood at $412.7 Mn in 2024.</p><p>Europe, at $63.9 Mn in 2024, is "
        "expected to grow at a 9.4% CAGR.</p><p>Acme, at $5.0 Mn in 2024, is the leader.</p>",
        **WA,
    )
    assert ("Europe", None, 2024, Decimal("63.9")) in sizes(f)
    assert rates(f) == {("Europe", None, Decimal("9.4"))}
    assert not {x for x in sizes(f) if x[3] == Decimal("5.0")}


def test_breakdown_lines_take_the_year_of_their_intro() -> None:
    _, f = run(
        "<p>The widget anode market was $812 Mn in 2024.</p><p>By country, 2024:</p>"
        "<ul><li>China: $498.6 Mn</li><li>Japan: $162.3 Mn</li></ul>"
        "<p>By country, from 2024 to 2031:</p><ul><li>Korea: $88.7 Mn</li></ul>",
        **WA,
    )
    assert ("China", None, 2024, Decimal("498.6")) in sizes(f)
    assert ("Japan", None, 2024, Decimal("162.3")) in sizes(f)
    assert not {x for x in sizes(f) if x[0] == "South Korea"}  # an intro with a span gives no single year


def test_rates_worded_as_their_subjects_verb() -> None:
    _, f = run(
        "<p>The global market reached US$ 12.46 bn in 2025.</p><p>We forecast US$ 16.73 bn in 2031.</p>"
        "<p>The implied growth rate is 4.3% a year over 2026–2031.</p><p>China accounted for 57% of global "
        "market value in 2025.</p><p>China grows at 3.9% a year to 2031.</p><p>High-density anodes grow at "
        "6.1% a year over 2026–2031.</p><p>Steel output grows at 2.0% a year.</p>",
        segments=("High-Density Anodes", "Standard-Density Anodes"),
        **WA,
    )
    assert ("Global", None, 2031, Decimal("16730.00")) in sizes(f)
    assert rates(f) == {
        ("Global", None, Decimal("4.3")),
        ("China", None, Decimal("3.9")),
        ("Global", "High-Density Anodes", Decimal("6.1")),
    }


def test_bare_growth_rate_needs_a_market_sentence_before() -> None:
    _, f = run("<p>Steel output fell in 2024.</p><p>The implied growth rate is 4.3% a year over 2026–2031.</p>", **WA)
    assert f.growth_rates == []


def test_shares_written_as_fractions() -> None:
    _, f = run(
        "<p>The widget anode market stood at $412.7 Mn in 2024. China holds about two-thirds of the market "
        "today.</p><p>Merchant producers supplied roughly one-third of global widget anode revenue in 2024."
        "</p><p>Sales rose in the second half of 2025. Half of the analysts disagree.</p><p>Nearly a third "
        "of all cars sold were electric.</p>",
        **WA,
    )
    got = {(x.holder, x.share_percent, x.value_text) for x in f.shares}
    assert got == {
        ("China", Decimal("66.67"), "two-thirds"),
        ("Merchant producers", Decimal("33.33"), "one-third"),
    }


def test_the_country_holds_the_share_of_the_place_just_named() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 11.84 billion in 2024.</p><p>China dominates production. "
        "The country accounted for 78% of 2024 revenue.</p><p>Japan is second. Global output rose. The "
        "country accounted for 9% of 2024 revenue.</p>",
        **WA,
    )
    assert {(x.holder, x.share_percent) for x in f.shares} == {("China", Decimal("78"))}
