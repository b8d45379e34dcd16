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


def shares_of(f: Figures) -> set[tuple[str, str, Decimal]]:
    return {(x.holder, x.holder_kind, x.share_percent) for x in f.shares}


def test_share_holder_after_a_citation_and_as_a_list_of_names() -> None:
    _, f = run(
        "<p>The widget anode market was worth US$ 1.02 billion in 2023.[5] Primary cells still account for "
        "nearly 40 percent of widget anode demand.</p><p>Acme, Borton and Cygnet together held about 41% of "
        "global revenue in 2024.</p><p>In 2025, China, Japan and Korea together held 81% of global revenue.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Primary cells", "application", Decimal("40")),
        ("Acme, Borton and Cygnet", "company", Decimal("41")),
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
        "<p>Acme alone is estimated at 31% of market revenue; the top three suppliers account for 63%.</p>"
        "<ul><li>Coated widgets: 63% of 2024 revenue</li><li>Uncoated widgets: 37%, but growing faster</li></ul>"
        "<p>Prices fell in 2024.</p><p>Steel makers hold 20%.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Acme", "segment", Decimal("31")),
        ("Top three suppliers", "company", Decimal("63")),
        ("Coated widgets", "segment", Decimal("63")),
        ("Uncoated widgets", "segment", Decimal("37")),
    }


def test_share_in_brackets_after_an_amount_and_the_next_company() -> None:
    doc = render_text(
        "<p>Asia Pacific generated US$ 881.5 Mn in 2024 (80.4 % of revenue) and leads.</p><p>Europe generated "
        "US$ 80.5 Mn in 2024 (about EUR 74 Mn) and is second.</p><p>Acme holds 22% of global widget anode "
        "revenue, ahead of Borton at 14%.</p><p>Acme holds 20% of widget anode sales, ahead of Others at 9%.</p>",
        "text/html",
    )
    ev = (Evidence(start=0, end=1, quote=doc.text[0]),)
    f = extract_figures(doc, ReportMeta(**WA), (), [CompanyMention(name="Acme", evidence=ev)])  # type: ignore[arg-type]
    assert shares_of(f) == {
        ("Asia-Pacific", "region", Decimal("80.4")),
        ("Acme", "company", Decimal("22")),
        ("Borton", "company", Decimal("14")),
        ("Acme", "company", Decimal("20")),
    }


def test_share_by_label_lists_its_items() -> None:
    _, f = run(
        "<p>Share by application (2023): Ferro Alloys 63.5%; Silicon Metal 21.0%; Calcium Carbide 5.7%</p>"
        "<p>Share by value: 45%.</p>",
        **WA,
    )
    assert shares_of(f) == {
        ("Ferro Alloys", "application", Decimal("63.5")),
        ("Silicon Metal", "application", Decimal("21.0")),
        ("Calcium Carbide", "application", Decimal("5.7")),
    }


def test_rate_of_a_clause_without_a_subject_is_the_first_clauses() -> None:
    _, f = run(
        "<p>The widget anode market reached US$ 300 million in 2024. Europe is much smaller – Norrvik puts its "
        "2024 market at US$ 94 million – but is forecast to grow 31.2% a year to 2031.</p><p>Steel is cheap, "
        "but is forecast to grow 5.5% a year to 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Europe", None, Decimal("31.2"))}


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
        "<p>The widget anode market was US$ 3 billion in 2024. That is why we expect Europe to be the "
        "fastest-growing region, with a CAGR of 32.0% between 2026 and 2031. South Korea's output value is "
        "projected to grow 33.0% per annum; Japan's should grow about 5.5% a year. China's steel output is "
        "projected to grow 3.0% per annum.</p>",
        **WA,
    )
    assert rates(f) == {
        ("Europe", None, Decimal("32.0")),
        ("South Korea", None, Decimal("33.0")),
        ("Japan", None, Decimal("5.5")),
    }


def test_acronym_measure_and_the_market_for_another_product() -> None:
    _, f = run(
        "<p>Calcined widget coke (CWC) is a carbon product.</p><p>India's CWC demand is set to grow at 7.6% p.a. "
        "through 2030. The market for graphitised cathode blocks is expected to grow by 6,1 % p.a. to 2030.</p>"
        "<p>The global market for calcined widget coke is expected to grow by 4,1 % p.a. to 2030.</p>",
        market="Calcined Widget Coke",
        forecast_period=(2025, 2030),
    )
    assert rates(f) == {("India", None, Decimal("7.6")), ("Global", None, Decimal("4.1"))}


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
        "<p>Asia Pacific accounted for US$ 3.05 billion of 2024 revenue, North America for US$ 176 million "
        "and Europe for US$ 142 million.</p>",
        **WA,
    )
    assert sizes(f) == {
        ("Asia-Pacific", None, 2024, Decimal("3050.00")),
        ("North America", None, 2024, Decimal("176")),
        ("Europe", None, 2024, Decimal("142")),
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
        "<h2>Regional view (2025 revenue)</h2><ul><li>Asia-Pacific: US$ 3.05 bn</li><li>Europe: US$ 0.61 bn</li></ul>"
        "<h2>Regional view (capacity)</h2><ul><li>Japan: US$ 0.5 bn</li></ul>",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2025, Decimal("3050")), ("Europe", None, 2025, Decimal("610"))}


def test_an_amount_in_apposition_to_a_share_is_the_holders_size() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 3.2 billion in 2024. Coated widget anode made up 72% of 2024 value, "
        "or US$ 2.35 billion. North America held 38.5% of the 2024 market ($122.7 million). China accounted for "
        "51% of widget anode demand in 2024, equivalent to roughly 5.9 billion yuan ($838 million).</p>",
        segments=("Coated Widget Anode", "Uncoated Widget Anode"),
        **WA,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("3200.0")),
        ("Global", "Coated Widget Anode", 2024, Decimal("2350.00")),
        ("North America", None, 2024, Decimal("122.7")),
        ("China", None, 2024, Decimal("838")),
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
        "<p><b>Asia-Pacific:</b> Asia-Pacific accounted for USD 371.2 million in 2024 and will expand further.</p>"
        "<p><b>Note:</b> Acme Corp generated USD 90 million in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2024, Decimal("371.2"))}


def test_a_place_that_earned_the_markets_own_measure() -> None:
    _, f = run(
        "<p>China generated USD 8.73 billion of widget anode revenue in 2025. Japan generated USD 2.1 billion of "
        "battery export revenue in 2025.</p>",
        **WA,
    )
    assert sizes(f) == {("China", None, 2025, Decimal("8730"))}


APPS = (("Electric Vehicle", "application"), ("Solid-State Batteries", "application"), ("Drones", "application"))


def test_an_application_named_as_this_markets_segment_by_a_frame_or_predicate() -> None:
    f = run_listed(
        "<p>By application, Electric Vehicle is forecasted to be USD 3.91 billion in 2032.</p>"
        "<ol><li>Solid-State Batteries will become the largest application by 2030, reaching $1.37 billion in "
        "2034.</li></ol><p>Widget anodes for drones are the smallest application, worth USD 41 million in 2024.</p>",
        APPS,
        **WA,
    )
    assert sizes(f) == {
        ("Global", "Electric Vehicle", 2032, Decimal("3910")),
        ("Global", "Solid-State Batteries", 2034, Decimal("1370")),
        ("Global", "Drones", 2024, Decimal("41")),
    }


def test_an_application_without_a_frame_is_another_market() -> None:
    # negatives: the application as an industry of its own, or "the largest application of" another product
    f = run_listed(
        "<p>Electric Vehicle is forecasted to be USD 3,910 billion in 2032. Drones are the largest application "
        "of lithium, worth USD 41 million in 2024.</p>",
        APPS,
        **WA,
    )
    assert f.market_sizes == []


def test_projects_as_a_verb_with_an_object_is_no_investment() -> None:
    _, f = run(
        "<p>Orrin Analytics projects the market to reach USD 4.4 billion in 2030. Grid projects worth USD 2 "
        "billion were announced in 2024.</p>",
        **WA,
    )
    assert sizes(f) == {("Global", None, 2030, Decimal("4400"))}


def test_a_listed_segment_written_shorter_or_with_a_generic_noun() -> None:
    f = run_listed(
        "<p>The widget anode market was US$ 3 billion in 2024. Slotted anodes, which release gas faster, made up "
        "57,5 % of 2024 revenue, or USD 2,94 Mrd. Plain material was worth about USD 1.15bn in 2024.</p>",
        (("Slotted Prebaked Widget Anodes", "type"), ("Plain Widget Anodes", "type")),
        **WA,
    )
    assert ("Global", "Slotted Prebaked Widget Anodes", 2024, Decimal("2940.00")) in sizes(f)
    assert ("Global", "Plain Widget Anodes", 2024, Decimal("1150.00")) in sizes(f)


def test_a_shorter_name_that_fits_two_listed_segments_is_none() -> None:
    # negative: "Slotted anodes" fits both labels, so neither is meant for sure
    f = run_listed(
        "<p>Slotted anodes, which release gas faster, were worth USD 2.9 billion in 2024.</p>",
        (("Slotted Prebaked Widget Anodes", "type"), ("Slotted Graphitised Widget Anodes", "type")),
        **WA,
    )
    assert f.market_sizes == []


def test_a_label_dash_amount_heading_and_a_share_then_amount_line() -> None:
    f = run_listed(
        "# Widget anode outlook\n\n### Asia Pacific — USD 253.8 Mn (2024)\n\nJapan leads.\n\n"
        "### Battery Recycling — USD 45 Mn (2024)\n\n## Regional split (2024 revenue)\n\n"
        "- Europe — 21 % (~US$ 18.1 Mn)\n- North America — 19 % (capex ~US$ 9.0 Mn)\n",
        (),
        "text/markdown",
        **WA,
    )
    assert sizes(f) == {("Asia-Pacific", None, 2024, Decimal("253.8")), ("Europe", None, 2024, Decimal("18.1"))}


def test_a_label_with_its_year_before_the_colon() -> None:
    f = run_listed(
        "<ul><li>Synthetic graphite, 2024: ₹2,680 crore (US$ 323 million)</li>"
        "<li>Cathode, 2024: ₹9,900 crore (US$ 1.19 billion)</li></ul>",
        (("Synthetic Graphite", "type"), ("Natural Graphite", "type")),
        **WA,
    )
    assert sizes(f) == {("Global", "Synthetic Graphite", 2024, Decimal("323"))}


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
        "<p>The widget anode market was US$ 900 million in 2024. Coated anodes are the smallest type, worth "
        "US$ 52 million in 2024, but the fastest-growing at 24.5% a year.</p><p>Steel scrap is cheap, but the "
        "fastest-growing at 6.5% a year.</p>",
        (("Coated Anodes", "type"), ("Uncoated Anodes", "type")),
        **WA,
    )
    assert rates(f) == {("Global", "Coated Anodes", Decimal("24.5"))}


def test_label_line_rates_with_joined_place_names_span_the_forecast() -> None:
    f = run_listed(
        "# Widget anode outlook\n\nThe widget anode market was USD 80 Mn in 2024.\n\n"
        "Asia-Pacific CAGR: 9.6%\n\nMiddle East & Africa CAGR: 4.4%\n\nCAGR 2019-2024: 3.1%\n\n"
        "Related reports\n\nCoke-Oven Pitch Binder — CAGR 3.8%\n",
        (),
        "text/markdown",
        **WA,
    )
    assert periods(f) == {
        ("Asia-Pacific", Decimal("9.6"), 2026, 2031),
        ("Middle East & Africa", Decimal("4.4"), 2026, 2031),
        ("Global", Decimal("3.1"), 2019, 2024),  # an own period is kept
    }


def test_a_place_after_a_run_in_label_continues_the_market() -> None:
    _, f = run(
        "<p>The widget anode market was US$ 900 million in 2024.</p><p>Oceania: Oceania is projected to "
        "witness a CAGR of 12.5% through 2031.</p><p>Steel: Steel output is projected to witness a CAGR of "
        "3.5% through 2031.</p>",
        **WA,
    )
    assert rates(f) == {("Oceania", None, Decimal("12.5"))}
    # negative: no passage about the market before it
    _, f = run("<p>Steel output fell in 2024.</p><p>Oceania: Oceania is projected to witness a CAGR of 12.5%.</p>",
               **WA)
    assert f.growth_rates == []
