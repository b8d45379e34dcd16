"""Figures stated in prose, label lines and definition lists: invented text, each rule with a negative."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figures import Figures, extract_figures
from kg.ingest.text import render_text
from kg.models import CompanyMention, Evidence, ReportMeta, SegmentMention, TextDocument

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
        "<h2>At a glance</h2><dl><dt>Market size (2024)</dt><dd>US$ 2.64 billion</dd>"
        "<dt>Market size (2031F)</dt><dd>US$ 4.86 billion</dd><dt>CAGR (2026–2031)</dt><dd>9.1%</dd></dl>"
        "<h2>Regions</h2><h3>Europe</h3><dl><dt>2024</dt><dd>US$ 87.5 million</dd><dt>2031F</dt>"
        "<dd>US$ 262.4 million</dd><dt>CAGR 2026–2031</dt><dd>17.3%</dd></dl>",
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("2640")),
        ("Global", None, 2031, Decimal("4860")),
        ("Europe", None, 2024, Decimal("87.5")),
        ("Europe", None, 2031, Decimal("262.4")),
    }
    assert rates(f) == {("Global", None, Decimal("9.1")), ("Europe", None, Decimal("17.3"))}


def test_definition_list_of_another_measure_is_no_market_size() -> None:
    _, f = run(
        "<h2>Prices</h2><dl><dt>Average flake price</dt><dd>US$ 480</dd><dt>Freight cost (2024)</dt>"
        "<dd>US$ 35.5 million</dd></dl><p>Largest buyer</p><p>US$ 12.0 million. Paid in cash.</p>",
        **WA,
    )
    assert f.market_sizes == []


def test_analyst_estimate_and_comparison_continue_the_market() -> None:
    _, f = run(
        "<p>The widget anode market stood at $286.4 Mn in 2024.</p><p>We estimate $317.9 Mn for 2025.</p>"
        "<p>Our team puts the global widget anode market at US$ 173.6 million in 2026. That is up from US$ "
        "131.2 million in 2023. Our central scenario has it reaching US$ 702.5 million in 2031.</p>",
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("286.4")),
        ("Global", None, 2025, Decimal("317.9")),
        ("Global", None, 2026, Decimal("173.6")),
        ("Global", None, 2023, Decimal("131.2")),
        ("Global", None, 2031, Decimal("702.5")),
    }


def test_publisher_projection_is_the_market_but_a_company_expectation_is_not() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 9.37 billion in 2024. Thornvale projects US$ 21.05 "
        "billion by 2031, a CAGR of 12.6% over 2026–2031.</p>"
        "<p>The widget anode market stood at $286.4 Mn in 2025. Acme expects $52.8 Mn for 2026.</p>"
        "<p>We estimate $317.9 Mn for 2027.</p>",
        publisher="Thornvale Market Data",
        **WA,
    )
    assert ("Global", None, 2031, Decimal("21050")) in sizes(f)
    assert ("Global", None, Decimal("12.6")) in rates(f)
    assert not {x for x in sizes(f) if x[2] == 2026}
    # without a sentence about the market just before, "We estimate" has nothing to continue
    assert not {x for x in sizes(f) if x[2] == 2027}


def test_amount_excluded_from_the_market_is_no_size() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 9.37 billion in 2024.</p><p>Not counted in this market: "
        "silicon blends, worth about US$ 3.6 billion in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("9370"))}


def test_key_number_bullet_with_the_label_before_the_year() -> None:
    _, f = run("<ul><li>Widget anode market 2025: US$ 3.47 bn</li><li>Forecast 2031: US$ 6.12 bn</li></ul>", **WA)
    assert sizes(f) == {("Global", None, 2025, Decimal("3470")), ("Global", None, 2031, Decimal("6120"))}
    _, f = run("<p>Cathode market (2025): US$ 9.1 bn</p><ul><li>Forecast 2031: US$ 17.9 bn</li></ul>", **WA)
    assert f.market_sizes == []  # right under another market's line


def test_place_with_its_amount_in_apposition() -> None:
    _, f = run(
        "<p>The widget anode market stood at $286.4 Mn in 2024.</p><p>Europe, at $48.2 Mn in 2024, should "
        "grow at an 8.7% CAGR.</p><p>Acme, at $5.0 Mn in 2024, is the leader.</p>",
        **WA,
    )
    assert ("Europe", None, 2024, Decimal("48.2")) in sizes(f)
    assert rates(f) == {("Europe", None, Decimal("8.7"))}
    assert not {x for x in sizes(f) if x[3] == Decimal("5.0")}


def test_breakdown_lines_take_the_year_of_their_intro() -> None:
    _, f = run(
        "<p>The widget anode market was $655 Mn in 2024.</p><p>By country, 2024:</p>"
        "<ul><li>China: $371.9 Mn</li><li>Japan: $140.8 Mn</li></ul>"
        "<p>By country, from 2024 to 2031:</p><ul><li>Korea: $88.7 Mn</li></ul>",
        **WA,
    )
    assert ("China", None, 2024, Decimal("371.9")) in sizes(f)
    assert ("Japan", None, 2024, Decimal("140.8")) in sizes(f)
    assert not {x for x in sizes(f) if x[0] == "South Korea"}  # an intro with a span gives no single year


def test_rates_worded_as_their_subjects_verb() -> None:
    _, f = run(
        "<p>The global market reached US$ 10.18 bn in 2025.</p><p>We forecast US$ 13.94 bn in 2031.</p>"
        "<p>The implied growth rate is 5.2% a year over 2026–2031.</p><p>In 2025 China took 61% of the "
        "market's value.</p><p>China grows at 4.6% a year to 2031.</p><p>High-density anodes grow at "
        "7.4% a year over 2026–2031.</p><p>Steel output grows at 2.0% a year.</p>",
        segments=("High-Density Anodes", "Standard-Density Anodes"),
        **WA,
    )
    assert ("Global", None, 2031, Decimal("13940")) in sizes(f)
    assert rates(f) == {
        ("Global", None, Decimal("5.2")),
        ("China", None, Decimal("4.6")),
        ("Global", "High-Density Anodes", Decimal("7.4")),
    }


def test_bare_growth_rate_needs_a_market_sentence_before() -> None:
    _, f = run("<p>Steel output fell in 2024.</p><p>The implied growth rate is 4.3% a year over 2026–2031.</p>", **WA)
    assert f.growth_rates == []


def test_shares_written_as_fractions() -> None:
    _, f = run(
        "<p>The widget anode market stood at $286.4 Mn in 2024. China holds roughly two-thirds of the market "
        "now.</p><p>Independent refiners supplied about one-third of global widget anode revenue in 2024."
        "</p><p>Sales rose in the second half of 2025. Half of the analysts disagree.</p><p>Nearly a third "
        "of all cars sold were electric.</p>",
        **WA,
    )
    got = {(x.holder, x.share_percent, x.value_text) for x in f.shares}
    assert got == {
        ("China", Decimal("66.67"), "two-thirds"),
        ("Independent refiners", Decimal("33.33"), "one-third"),
    }


def test_the_country_holds_the_share_of_the_place_just_named() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 9.37 billion in 2024.</p><p>China leads refining. "
        "The country accounted for 74% of revenue in 2024.</p><p>Japan is second. Global output rose. The "
        "country accounted for 9% of revenue in 2024.</p>",
        **WA,
    )
    assert {(x.holder, x.share_percent) for x in f.shares} == {("China", Decimal("74"))}


def shares_of(f: Figures) -> set[tuple[str, str, Decimal]]:
    return {(x.holder, x.holder_kind, x.share_percent) for x in f.shares}


def test_share_holder_after_a_citation_and_as_a_list_of_names() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 0.86 billion in 2023.[5] Primary cells still account for "
        "nearly 45 percent of widget anode demand.</p><p>Acme, Borton and Cygnet together held about 37% of "
        "world revenue in 2024.</p><p>In 2025, China, Japan and Korea together held 81% of global revenue.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Primary cells", "application", Decimal("45")),
        ("Acme, Borton and Cygnet", "company", Decimal("37")),
    }


def test_demonym_with_one_agent_noun_is_the_place() -> None:
    _, f = run(
        "<p>Chinese refiners supplied nearly 40 percent of global widget anode output in 2024. Chinese "
        "battery makers held 30% of global widget anode revenue.</p>",
        **WA,
    )
    assert shares_of(f) == {("China", "region", Decimal("40"))}


def test_share_with_its_basis_left_out_takes_the_one_before() -> None:
    _, f = run(
        "<p>Acme alone is estimated at 27% of revenue; the top three suppliers together account for 58%.</p>"
        "<ul><li>Coated widgets: 66% of 2024 revenue</li><li>Uncoated widgets: 34%, but growing faster</li></ul>"
        "<p>Prices fell in 2024.</p><p>Steel makers hold 20%.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Acme", "segment", Decimal("27")),
        ("Top three suppliers", "company", Decimal("58")),
        ("Coated widgets", "segment", Decimal("66")),
        ("Uncoated widgets", "segment", Decimal("34")),
    }


def test_share_in_brackets_after_an_amount_and_the_next_company() -> None:
    doc = render_text(
        "<p>Asia Pacific generated US$ 702.3 Mn in 2024 (76.9 % of revenue) and leads.</p><p>Europe generated "
        "US$ 91.4 Mn in 2024 (about EUR 84 Mn) and is second.</p><p>Acme holds 24% of global widget anode "
        "revenue, ahead of Borton at 13%.</p><p>Acme holds 20% of widget anode sales, ahead of Others at 9%.</p>",
        "text/html",
    )
    ev = (Evidence(start=0, end=1, quote=doc.text[0]),)
    f = extract_figures(doc, ReportMeta(**WA), (), [CompanyMention(name="Acme", evidence=ev)])  # type: ignore[arg-type]
    assert shares_of(f) == {
        ("Asia-Pacific", "region", Decimal("76.9")),
        ("Acme", "company", Decimal("24")),
        ("Borton", "company", Decimal("13")),
        ("Acme", "company", Decimal("20")),
    }


def test_share_by_label_lists_its_items() -> None:
    _, f = run(
        "<p>Share by application (2022): Ferro Alloys 58.5%; Silicon Metal 24.5%; Calcium Carbide 7.5%</p>"
        "<p>Share by value: 45%.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Ferro Alloys", "application", Decimal("58.5")),
        ("Silicon Metal", "application", Decimal("24.5")),
        ("Calcium Carbide", "application", Decimal("7.5")),
    }


def test_rate_of_a_clause_without_a_subject_is_the_first_clauses() -> None:
    _, f = run(
        "<p>The widget anode market reached US$ 340 million in 2024. Europe is far smaller – Quennell puts its "
        "2024 market at US$ 71 million – but is forecast to grow 27.8% a year to 2031.</p><p>Steel is cheap, "
        "but is forecast to grow 5.5% a year to 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Europe", None, Decimal("27.8"))}


def test_it_after_a_segments_amount_is_the_segment() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 5 billion in 2024.</p><p>The coated widget anode segment was worth "
        "US$ 2.3 billion in 2024. We expect it to grow at 13.1% a year to 2031.</p><p>The market was worth "
        "US$ 5.2 billion in 2025. We expect it to grow at 9.1% a year to 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Global", "coated widget anode", Decimal("13.1")), ("Global", None, Decimal("9.1"))}


def test_place_as_object_of_expect_or_owner_of_a_measure() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 3 billion in 2024. For these reasons we expect Latin America to be "
        "the fastest-growing region, with a CAGR of 28.5% between 2026 and 2031. India's output value is "
        "projected to grow 30.5% per annum; Germany's should grow about 4.5% a year. China's steel output is "
        "projected to grow 3.0% per annum.</p>",
        **WA,
    )
    assert rates(f) == {
        ("Latin America", None, Decimal("28.5")),
        ("India", None, Decimal("30.5")),
        ("Germany", None, Decimal("4.5")),
    }


def test_acronym_measure_and_the_market_for_another_product() -> None:
    _, f = run(
        "<p>Calcined widget coke (CWC) is a carbon product.</p><p>India's CWC demand is set to grow at 6.8% p.a. "
        "through 2030. The market for graphitised cathode blocks is expected to grow by 5,3 % p.a. to 2030.</p>"
        "<p>The global market for calcined widget coke is expected to grow by 3,7 % p.a. to 2030.</p>",
        market="Calcined Widget Coke",
        forecast_period=(2025, 2030),
    )
    assert rates(f) == {("India", None, Decimal("6.8")), ("Global", None, Decimal("3.7"))}


def run_listed(body: str, listed: tuple[tuple[str, str], ...], media: str = "text/html", **meta: object) -> Figures:
    """Like :func:`run`, with segment kinds: ``listed`` is (label, kind) pairs."""
    doc = render_text(body, media)  # type: ignore[arg-type]
    segs = [
        SegmentMention(kind=kind, label=label, evidence=(Evidence(start=0, end=1, quote=doc.text[0]),))  # type: ignore[arg-type]
        for label, kind in listed
    ]
    figures = extract_figures(doc, ReportMeta(**meta), segs)  # type: ignore[arg-type]
    for fact in (*figures.market_sizes, *figures.growth_rates, *figures.shares, *figures.statistics):
        for ev in fact.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote
    return figures


COATED = (("Coated Widget Anode", "type"), ("Uncoated Widget Anode", "type"))


def test_a_listed_subject_with_an_apposition_before_its_verb() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 5 billion in 2024.</p>"
        "<p>Coated widget anode, the carbon-coated grade that cell makers load, accounted for US$ 2.31 billion "
        "of 2024 revenue. Uncoated widget anode - the plain, low-sulphur material often sold to blenders - was worth "
        "US$ 845,600 thousand in 2024 and is growing at 11.2% p.a. to 2031.</p>",
        segments=("Coated Widget Anode", "Uncoated Widget Anode"),
        **WA,
    )
    assert ("Global", "Coated Widget Anode", 2024, Decimal("2310.00")) in sizes(f)
    assert ("Global", "Uncoated Widget Anode", 2024, Decimal("845.600")) in sizes(f)
    assert ("Global", "Uncoated Widget Anode", Decimal("11.2")) in rates(f)


def test_a_list_before_the_verb_is_no_apposition() -> None:
    # negatives: "X, Y and Z, accounted for" is a list of subjects; "X, exports to Japan, ..." is no apposition
    _, f = run(
        "<p>Coated widget anode, uncoated grades and blends, accounted for US$ 3.1 billion in 2024. "
        "Coated widget anode, exports to Japan, totalled US$ 0.4 billion in 2024.</p>",
        segments=("Coated Widget Anode", "Uncoated Widget Anode"),
        **WA,
    )
    assert f.market_sizes == []


def test_parts_that_share_the_first_clauses_verb() -> None:
    _, f = run(
        "<p>Asia Pacific accounted for US$ 2.48 billion of 2024 revenue, Europe for US$ 157 million "
        "and North America for US$ 193 million.</p>",
        **WA,
    )
    assert sizes(f) == {
        ("Asia-Pacific", None, 2024, Decimal("2480")),
        ("North America", None, 2024, Decimal("193")),
        ("Europe", None, 2024, Decimal("157")),
    }


def test_gapped_parts_need_an_own_first_clause_and_a_place() -> None:
    # negatives: the first clause is another measure's; the second part is no place
    _, f = run(
        "<p>Battery imports accounted for US$ 3.05 billion in 2024, Europe for US$ 176 million.</p>"
        "<p>Asia Pacific accounted for US$ 2.2 billion of 2024 revenue, exports for US$ 0.5 billion.</p>",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2024, Decimal("2200.0"))}


def test_the_year_of_a_breakdown_heading_with_its_measure() -> None:
    _, f = run(
        "<h2>Regional picture (2025 revenue)</h2><ul><li>Asia-Pacific: US$ 2.77 bn</li><li>Europe: US$ 0.54 bn</li>"
        "</ul><h2>Regional picture (capacity)</h2><ul><li>Japan: US$ 0.5 bn</li></ul>",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2025, Decimal("2770")), ("Europe", None, 2025, Decimal("540"))}


def test_an_amount_in_apposition_to_a_share_is_the_holders_size() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 2.9 billion in 2024. Coated widget anode made up 69% of 2024 value, "
        "or US$ 2.0 billion. North America held 34.5% of the 2024 market ($101.6 million). In 2024 China "
        "accounted for 47% of widget anode demand, equivalent to roughly 4.8 billion yuan ($676 million).</p>",
        segments=("Coated Widget Anode", "Uncoated Widget Anode"),
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("2900")),
        ("Global", "Coated Widget Anode", 2024, Decimal("2000")),
        ("North America", None, 2024, Decimal("101.6")),
        ("China", None, 2024, Decimal("676")),
    }


def test_an_amount_after_a_share_of_another_measure_or_holder_is_no_size() -> None:
    # negatives: the basis is another product's; the holder is neither a place nor a listed segment
    _, f = run(
        "<p>The widget anode market was US$ 3.2 billion in 2024. China took 60% of graphite exports in 2024, or "
        "US$ 3 billion. Cell makers held 40% of 2024 revenue, or US$ 1.3 billion.</p>",
        segments=("Coated Widget Anode",),
        **WA,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("3200.0"))}


def test_a_run_in_label_before_a_place_that_earned_an_amount() -> None:
    _, f = run(
        "<p><b>Latin America:</b> Latin America accounted for USD 296.4 million in 2024 and keeps growing.</p>"
        "<p><b>Note:</b> Acme Corp generated USD 90 million in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {("Latin America", None, 2024, Decimal("296.4"))}


def test_a_place_that_earned_the_markets_own_measure() -> None:
    _, f = run(
        "<p>China generated USD 7.41 billion of widget anode revenue in 2025. Japan generated USD 2.1 billion of "
        "battery export revenue in 2025.</p>",
        **WA,
    )
    assert sizes(f) == {("China", None, 2025, Decimal("7410"))}


APPS = (("Electric Vehicle", "application"), ("Solid-State Batteries", "application"), ("Drones", "application"))


def test_an_application_named_as_this_markets_segment_by_a_frame_or_predicate() -> None:
    f = run_listed(
        "<p>By application, Electric Vehicle is expected to be USD 3.26 billion in 2033.</p>"
        "<ol><li>Solid-State Batteries will be the largest application by 2029, reaching $1.18 billion in "
        "2035.</li></ol><p>Widget anodes for drones are the smallest application, at USD 36 million in 2024.</p>",
        APPS,
        **WA,
    )
    assert sizes(f) == {
        ("Global", "Electric Vehicle", 2033, Decimal("3260")),
        ("Global", "Solid-State Batteries", 2035, Decimal("1180")),
        ("Global", "Drones", 2024, Decimal("36")),
    }


def test_an_application_without_a_frame_is_another_market() -> None:
    # negatives: the application as an industry of its own, or "the largest application of" another product
    f = run_listed(
        "<p>Electric Vehicle is expected to be USD 3,260 billion in 2033. Drones are the largest application "
        "of lithium, at USD 36 million in 2024.</p>",
        APPS,
        **WA,
    )
    assert f.market_sizes == []


def test_projects_as_a_verb_with_an_object_is_no_investment() -> None:
    _, f = run(
        "<p>Halcyra Partners projects the market to hit USD 3.7 billion in 2032. Grid projects worth USD 1.5 "
        "billion were announced in 2023.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", None, 2032, Decimal("3700"))}


def test_a_listed_segment_written_shorter_or_with_a_generic_noun() -> None:
    f = run_listed(
        "<p>The widget anode market was US$ 4 billion in 2024. Slotted anodes, which vent gas faster, made up "
        "61,5 % of 2024 revenue, or USD 2,46 Mrd. Plain material was worth roughly USD 1.27bn in 2024.</p>",
        (("Slotted Prebaked Widget Anodes", "type"), ("Plain Widget Anodes", "type")),
        **WA,
    )
    assert ("Global", "Slotted Prebaked Widget Anodes", 2024, Decimal("2460")) in sizes(f)
    assert ("Global", "Plain Widget Anodes", 2024, Decimal("1270")) in sizes(f)


def test_a_shorter_name_that_fits_two_listed_segments_is_none() -> None:
    # negative: "Slotted anodes" fits both labels, so neither is meant for sure
    f = run_listed(
        "<p>Slotted anodes, which vent gas faster, were worth USD 2.4 billion in 2024.</p>",
        (("Slotted Prebaked Widget Anodes", "type"), ("Slotted Graphitised Widget Anodes", "type")),
        **WA,
    )
    assert f.market_sizes == []


def test_a_label_dash_amount_heading_and_a_share_then_amount_line() -> None:
    f = run_listed(
        "# Widget anode outlook\n\n### Asia Pacific — USD 219.6 Mn (2024)\n\nJapan leads.\n\n"
        "### Battery Recycling — USD 45 Mn (2024)\n\n## Regional split (2024 revenue)\n\n"
        "- Europe — 24 % (~US$ 15.7 Mn)\n- North America — 17 % (capex ~US$ 9.0 Mn)\n",
        (),
        "text/markdown",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2024, Decimal("219.6")), ("Europe", None, 2024, Decimal("15.7"))}


def test_a_label_with_its_year_before_the_colon() -> None:
    f = run_listed(
        "<ul><li>Synthetic graphite, 2024: ₹3,150 crore (US$ 378 million)</li>"
        "<li>Cathode, 2024: ₹9,900 crore (US$ 1.19 billion)</li></ul>",
        (("Synthetic Graphite", "type"), ("Natural Graphite", "type")),
        **WA,
    )
    assert sizes(f) == {("Global", "Synthetic Graphite", 2024, Decimal("378"))}


def test_prose_amounts_of_a_decimal_comma_document() -> None:
    _, f = run(
        "<p>The widget anode market grew 4,3 % to USD 1,105 Mrd. in 2024. We expect it to reach USD 1,62 Mrd. "
        "in 2031, or 5,6 % a year.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("1105.000")), ("Global", None, 2031, Decimal("1620.00"))}


def periods(f: Figures) -> set[tuple[str, Decimal, int | None, int | None]]:
    return {(x.scope, x.cagr_percent, x.start_year, x.end_year) for x in f.growth_rates}


def test_a_breakdown_lines_rate_after_its_amount_spans_the_forecast() -> None:
    f = run_listed(
        "# Widget anode outlook\n\n### Latin America — USD 12.5 Mn in 2024, CAGR 7.3%\n\nBrazil leads.\n\n"
        "The widget anode market was USD 80 Mn in 2024, with a CAGR of 6.1%.\n",
        (),
        "text/markdown",
        **WA,
    )
    # the line's rate is the forecast's; the prose rate after a one-year amount names no period
    assert periods(f) == {("Latin America", Decimal("7.3"), 2026, 2031), ("Global", Decimal("6.1"), None, None)}


def test_a_subjectless_fastest_growing_clause_is_the_first_clauses() -> None:
    f = run_listed(
        "<p>The widget anode market was US$ 900 million in 2024. Coated anodes are the smallest type (US$ 47 "
        "million last year), but the fastest-growing at 22.5% a year.</p><p>Steel scrap is cheap, but the "
        "fastest-growing at 6.5% a year.</p>",
        (("Coated Anodes", "type"), ("Uncoated Anodes", "type")),
        **WA,
    )
    assert rates(f) == {("Global", "Coated Anodes", Decimal("22.5"))}


def test_label_line_rates_with_joined_place_names_span_the_forecast() -> None:
    f = run_listed(
        "# Widget anode outlook\n\nThe widget anode market was USD 80 Mn in 2024.\n\n"
        "Asia-Pacific CAGR: 8.4%\n\nMiddle East & Africa CAGR: 4.4%\n\nCAGR 2019-2024: 3.1%\n\n"
        "Related reports\n\nKiln Felt Binder — CAGR 2.9%\n",
        (),
        "text/markdown",
        **WA,
    )
    assert periods(f) == {
        ("Asia-Pacific", Decimal("8.4"), 2026, 2031),
        ("Middle East & Africa", Decimal("4.4"), 2026, 2031),
        ("Global", Decimal("3.1"), 2019, 2024),  # an own period is kept
    }


def test_a_place_after_a_run_in_label_continues_the_market() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 900 million in 2024.</p><p>Oceania: Oceania is expected to "
        "post a CAGR of 11.5% through 2031.</p><p>Steel: Steel output is expected to post a CAGR of "
        "3.5% through 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Oceania", None, Decimal("11.5"))}
    # negative: no passage about the market before it
    _, f = run("<p>Steel output fell in 2024.</p><p>Oceania: Oceania is expected to post a CAGR of 11.5%.</p>",
               **WA)
    assert f.growth_rates == []
