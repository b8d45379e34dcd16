"""Figures bound to year/status/scope/segment, attribution to the report's market, dedup, tables, corpus."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from kg.extract.figures import Figures, extract_figures
from kg.ingest.text import load, render_text
from kg.models import CompanyMention, Evidence, ReportMeta, SegmentMention, TextDocument

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
SEEDS = ROOT / "tests" / "gold" / "seeds.json"
SCORER = ROOT / "tests" / "gold" / "score_facts.py"


def run(body: str, media: str = "text/html", **meta: object) -> tuple[TextDocument, Figures]:
    doc = render_text(body, media)
    figures = extract_figures(doc, ReportMeta(**meta))  # type: ignore[arg-type]
    for fact in (*figures.market_sizes, *figures.growth_rates, *figures.shares, *figures.statistics):
        for ev in fact.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote
    return doc, figures


def sizes(f: Figures) -> set[tuple[str, str | None, int, Decimal | None, str]]:
    return {(x.scope, x.segment, x.year, x.value_usd_million, x.status) for x in f.market_sizes}


HC = {"market": "Hard Carbon Anode", "forecast_period": (2025, 2032)}


def test_two_values_two_years_and_status() -> None:
    _, f = run(
        "<p>The market is projected to grow from USD 4.91 billion in 2025 to USD 7.38 billion by 2032. "
        "Global hard carbon anode market size was valued at USD 4.62 billion in 2024.</p>",
        **HC,
    )
    assert sizes(f) == {
        ("Global", None, 2025, Decimal("4910.00"), "forecast"),
        ("Global", None, 2032, Decimal("7380.00"), "forecast"),
        ("Global", None, 2024, Decimal("4620.00"), "actual"),
    }


def test_year_before_the_amount() -> None:
    _, f = run(
        "<p>The hard carbon anode market was valued at USD 4,700 million in 2023. By 2032, the market size "
        "is projected to reach USD 8,145.12 million.</p>",
        **HC,
    )
    assert ("Global", None, 2032, Decimal("8145.12"), "forecast") in sizes(f)


def test_status_without_meta_follows_the_verb() -> None:
    _, f = run(
        "<p>The hard carbon anode market was valued at USD 10 million in 2022 and is expected to reach "
        "USD 20 million by 2029.</p>",
        market="Hard Carbon Anode",
    )
    assert {(x.year, x.status) for x in f.market_sizes} == {(2022, "actual"), (2029, "forecast")}


def test_region_subject_and_region_anaphora() -> None:
    _, f = run(
        "<p>Regionally, North America accounted for a significant portion of the global market in 2023, "
        "with an estimated valuation of USD 1,360.52 million. The region is anticipated to grow at a CAGR "
        "of 5.40% through 2032, driven by robust investment in China.</p>",
        **HC,
    )
    assert sizes(f) == {("North America", None, 2023, Decimal("1360.52"), "actual")}
    [g] = f.growth_rates
    assert (g.scope, g.cagr_percent, g.start_year, g.end_year) == (
        "North America",
        Decimal("5.40"),
        2025,
        2032,
    )


def test_two_clauses_two_scopes_and_context_year() -> None:
    _, f = run(
        "<p>The global market was valued at US$ 4500 million in 2022 and is projected to reach US$ 6200 "
        "million by 2029, at a CAGR of 4.6% during the forecast period.</p>"
        "<p>The U.S. Market is Estimated at $ 300 million in 2022, While China is Forecast to Reach "
        "$ 4200 million.</p>",
        **HC,
    )
    got = sizes(f)
    assert ("United States", None, 2022, Decimal("300"), "actual") in got
    assert ("China", None, 2029, Decimal("4200"), "forecast") in got
    [g] = f.growth_rates
    assert (g.start_year, g.end_year) == (2023, 2029)  # the second edition's own forecast period


def test_segment_with_relative_period() -> None:
    _, f = run(
        "<p>Bottom Carbon Anode Segment to Reach $ 1500 million by 2029, with a 4.2% CAGR in next six years.</p>",
        market="Carbon Anode for Aluminum Electrolysis",
        forecast_period=(2025, 2032),
    )
    assert sizes(f) == {("Global", "Bottom Carbon Anode", 2029, Decimal("1500"), "forecast")}
    [g] = f.growth_rates
    assert (g.segment, g.cagr_percent, g.start_year, g.end_year) == (
        "Bottom Carbon Anode",
        Decimal("4.2"),
        2023,
        2029,
    )


def test_recap_lines() -> None:
    _, f = run(
        "<p>CAGR (Global): 6.30% (2025-2032)</p><p>CAGR (North America): 5.40% (2025-2032)</p>"
        "<p>Projected global market size by 2032: USD 8,145.12 million</p>",
        **HC,
    )
    assert {(g.scope, g.cagr_percent, g.end_year) for g in f.growth_rates} == {
        ("Global", Decimal("6.30"), 2032),
        ("North America", Decimal("5.40"), 2032),
    }
    assert sizes(f) == {("Global", None, 2032, Decimal("8145.12"), "forecast")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Global EV sales surpassed 10 million units in 2022, and EV makers spent USD 50 billion on batteries.",
        "The Inflation Reduction Act is catalyzing $14 billion in announced battery material investments.",
        "Yet, with investments flowing—over $500 million committed in 2024—the hard carbon anode market shifts.",
        "Initiatives are targeting 90% recycling by 2027, expected to add $500 million in annual value "
        "to the hard carbon anode market.",
        "Prices for petroleum coke fluctuated between $200 and $400 per ton in 2023.",
        "The European Union's initiative has allocated €3.2 billion to develop next-generation storage.",
        "The lithium-ion battery market, valued at USD 55 billion in 2023, is growing at a CAGR of 18%.",
        "As charging networks expand globally—projected to grow at a CAGR of 29.6% through 2030—hard carbon "
        "anode suppliers are scaling production.",
        "Grid-scale battery installations grew at 68% CAGR from 2020-2023.",
        "Lithium-ion technologies dominate 92% of the global rechargeable battery market.",
        "With projections showing a 7% annual increase in the region's market share by 2032.",
    ],
)
def test_not_market_facts(sentence: str) -> None:
    _, f = run(f"<p>{sentence}</p>", **HC)
    assert f.market_sizes == [] and f.growth_rates == [] and f.shares == []
    if "$" in sentence or "€" in sentence or "CAGR" in sentence:
        assert f.statistics  # kept, but not attributed to the market


def test_dedup_body_and_faq() -> None:
    doc, f = run(
        "<p>The global hard carbon anode market was valued at US$ 5.4 billion in 2024 and is projected "
        "to reach US$ 14.7 billion by 2032.</p><p>FAQ Section</p><p>What is the market size?</p>"
        "<p>-&gt; The global hard carbon anode market was valued at US$ 5.4 billion in 2024.</p>",
        **HC,
    )
    [first] = [x for x in f.market_sizes if x.year == 2024]
    assert len(first.evidence) == 2
    assert all(doc.text[e.start : e.end] == e.quote for e in first.evidence)
    assert len(f.market_sizes) == 2


def test_stated_rate_conversion_and_unstated() -> None:
    _, f = run(
        "<p>The hard carbon anode market will reach €1.85 bn by 2030, at an exchange rate of US$1.10 per "
        "euro.</p><p>The hard carbon anode market in Japan was worth ¥50 billion in 2024.</p>",
        **HC,
    )
    by_year = {x.year: x for x in f.market_sizes}
    assert set(by_year) == {2030, 2024}
    assert by_year[2030].value_usd_million == Decimal("2035.0000") and by_year[2030].currency == "EUR"
    assert by_year[2024].value_usd_million is None and by_year[2024].currency == "JPY"
    assert by_year[2024].scope == "Japan"


def test_shares_with_holders() -> None:
    _, f = run(
        "<p>BTR and Hina Battery currently lead the market. These companies collectively accounted for "
        "nearly 30% of global revenue share in 2024.</p>"
        "<p>China continues to dominate with 76% market share, though European producers invest.</p>"
        "<p>The market remains concentrated, with the top five producers controlling 48% of global "
        "capacity.</p><p>Asia-Pacific dominates the global hard carbon anode market, accounting for over "
        "60% of production capacity.</p>",
        **HC,
    )
    got = {(s.holder, s.holder_kind, s.share_percent) for s in f.shares}
    assert got == {
        ("BTR and Hina Battery", "company", Decimal(30)),
        ("China", "region", Decimal(76)),
        ("Top five producers", "company", Decimal(48)),
        ("Asia-Pacific", "region", Decimal(60)),
    }


def test_downstream_share_is_not_the_market() -> None:
    _, f = run(
        "<p>China's aluminum production capacity exceeded 40 million tons in 2023, accounting for over 55% "
        "of global output.</p>",
        market="Carbon Anode for Aluminum Electrolysis",
    )
    assert f.shares == []


HTML_TABLE = """<p>Table 1: Hard carbon anode market revenue by region (USD Million)</p>
<table><tr><th>Region</th><th>2024</th><th>2025E</th><th>2030F</th><th>CAGR (2025-2030)</th></tr>
<tr><td>North America</td><td>310.5</td><td>380.2</td><td>1,020.0</td><td>21.9%</td></tr>
<tr><td>Europe</td><td>342.0</td><td>420.1</td><td>1,110.4</td><td>21.4%</td></tr>
<tr><td>Total</td><td>1,200.0</td><td>1,480.0</td><td>3,700.0</td><td>25.1%</td></tr></table>"""


def test_region_by_year_html_table() -> None:
    _, f = run(HTML_TABLE, market="Hard Carbon Anode", forecast_period=(2025, 2030))
    got = sizes(f)
    assert len(got) == 9
    assert ("North America", None, 2024, Decimal("310.5"), "actual") in got
    assert ("Europe", None, 2030, Decimal("1110.4"), "forecast") in got
    assert ("Global", None, 2025, Decimal("1480.0"), "forecast") in got
    assert {(g.scope, g.cagr_percent, g.end_year) for g in f.growth_rates} == {
        ("North America", Decimal("21.9"), 2030),
        ("Europe", Decimal("21.4"), 2030),
        ("Global", Decimal("25.1"), 2030),
    }


def test_markdown_pipe_table_and_segments() -> None:
    body = (
        "# Hard Carbon Anode Market\n\n| Type | 2024 (USD Mn) | 2030 (USD Mn) |\n|---|---|---|\n"
        "| Resin-Based Hard Carbon | 520 | 1,800 |\n| Asia-Pacific | 342 | 1,110 |\n"
    )
    _, f = run(body, "text/markdown", market="Hard Carbon Anode", forecast_period=(2025, 2030))
    got = sizes(f)
    assert ("Global", "Resin-Based Hard Carbon", 2030, Decimal("1800"), "forecast") in got
    assert ("Asia-Pacific", None, 2024, Decimal("342"), "actual") in got


def test_volume_table_is_not_money() -> None:
    body = (
        "<p>Hard carbon anode market volume by region (Tons)</p><table><tr><th>Region</th><th>2024</th></tr>"
        "<tr><td>Europe</td><td>342</td></tr></table>"
    )
    _, f = run(body, **HC)
    assert f.market_sizes == []


def test_plain_text_pronoun_and_segment() -> None:
    body = (
        "SILICON ANODE MARKET OUTLOOK\n\nThe global silicon anode market generated revenue of USD 950 "
        "million in 2023. It is projected to grow at 23% CAGR between 2024 and 2030.\n\n"
        "The consumer electronics segment is projected to reach USD 400 million by 2030, growing at a CAGR "
        "of 19.5%.\n"
    )
    _, f = run(body, "text/plain", market="Silicon Anode", forecast_period=(2024, 2030))
    assert ("Global", None, 2023, Decimal("950"), "actual") in sizes(f)
    assert ("Global", "consumer electronics", 2030, Decimal("400"), "forecast") in sizes(f)
    assert {(g.segment, g.cagr_percent) for g in f.growth_rates} == {
        (None, Decimal(23)),
        ("consumer electronics", Decimal("19.5")),
    }


def test_boilerplate_is_skipped() -> None:
    doc = render_text(
        "<p>Download FREE Sample of this Report @ https://example.com/x</p>"
        "<p>The hard carbon anode market was valued at USD 1 billion in 2024.</p>"
    )
    f = extract_figures(doc, ReportMeta(**HC))  # type: ignore[arg-type]
    assert len(f.market_sizes) == 1


# ------------------------------------------------------------------ the five corpus reports


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("score_facts.py not available")
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _facts(source: str, f: Figures) -> dict[str, object]:
    return {
        "source": source,
        "market_sizes": [
            {
                "scope": x.scope,
                "segment": x.segment,
                "year": x.year,
                "status": x.status,
                "value_usd_million": float(x.value_usd_million) if x.value_usd_million is not None else None,
            }
            for x in f.market_sizes
        ],
        "growth_rates": [
            {
                "scope": x.scope,
                "segment": x.segment,
                "cagr_percent": float(x.cagr_percent),
                "start_year": x.start_year,
                "end_year": x.end_year,
            }
            for x in f.growth_rates
        ],
        "shares": [
            {
                "holder": x.holder,
                "holder_kind": x.holder_kind,
                "share_percent": float(x.share_percent),
                "of": x.of,
                "year": x.year,
            }
            for x in f.shares
        ],
    }


def _seed_meta(gold_doc: dict[str, object], doc: TextDocument) -> ReportMeta:
    fp = gold_doc.get("forecast_period")
    return ReportMeta(
        market=gold_doc["market"],
        title=gold_doc["title"],  # type: ignore[arg-type]
        forecast_period=tuple(fp) if fp else None,
    )  # type: ignore[arg-type]


def _report_meta(gold_doc: dict[str, object], doc: TextDocument) -> ReportMeta:
    report = pytest.importorskip("kg.extract.report")
    return report.extract_meta(doc)  # type: ignore[no-any-return]


@pytest.mark.parametrize("make_meta", [_seed_meta, _report_meta], ids=["seed-meta", "report-meta"])
def test_corpus_scores(make_meta) -> None:  # type: ignore[no-untyped-def]
    scorer = _scorer()
    gold = json.loads(SEEDS.read_text(encoding="utf-8"))
    docs = []
    for g in gold["documents"]:
        doc = load(CORPUS / g["source"])
        f = extract_figures(doc, make_meta(g, doc))
        for fact in (*f.market_sizes, *f.growth_rates, *f.shares, *f.statistics):
            for ev in fact.evidence:
                assert doc.text[ev.start : ev.end] == ev.quote
        gold_sizes = {(s["scope"], s["year"], s["value_usd_million"]): s["status"] for s in g["market_sizes"]}
        for x in f.market_sizes:
            key = (x.scope, x.year, float(x.value_usd_million or 0))
            if key in gold_sizes:
                assert x.status == gold_sizes[key], key
        docs.append(_facts(g["source"], f))
    tallies, duplicates = scorer.score(gold, {"documents": docs}, None)
    assert duplicates == 0
    assert tallies["market_sizes"].f1() >= 0.95, tallies["market_sizes"].misses
    assert tallies["growth_rates"].f1() >= 0.95, tallies["growth_rates"].misses
    assert tallies["shares"].f1() >= 0.8, tallies["shares"].misses


# ------------------------------------------------------------------ other publishers' house styles


def rates_of(f: Figures) -> set[tuple[str, str | None, Decimal, int | None, int | None]]:
    return {(x.scope, x.segment, x.cagr_percent, x.start_year, x.end_year) for x in f.growth_rates}


def shares_of(f: Figures) -> set[tuple[str, Decimal]]:
    return {(x.holder.lower(), x.share_percent) for x in f.shares}


NC = {"market": "Needle Coke for Battery Anodes", "forecast_period": (2024, 2032)}
HCS = {"market": "Hard Carbon for Sodium-Ion Batteries", "forecast_period": (2025, 2034)}


def test_bare_revenue_after_a_market_sentence_is_the_markets() -> None:
    _, f = run(
        "<p>The needle coke market for battery anodes was estimated at $ 300 million in 2023. We expect "
        "revenue to reach USD 1,210 mn by 2032, a CAGR of 16.8% from 2024 to 2032.</p>",
        **NC,
    )
    assert ("Global", None, 2032, Decimal("1210"), "forecast") in sizes(f)
    assert rates_of(f) == {("Global", None, Decimal("16.8"), 2024, 2032)}


def test_bare_revenue_without_a_market_sentence_before_stays_a_statistic() -> None:
    _, f = run("<p>We expect revenue to reach USD 1,210 mn by 2032.</p>", **NC)
    assert not f.market_sizes


def test_it_as_object_of_a_short_opening_clause() -> None:
    _, f = run(
        "<p>The global needle coke market was valued at USD 300 million in 2023. Analysts expect it to reach "
        "USD 1.21 billion by 2032, registering a CAGR of 16.8% during the forecast period.</p>",
        **NC,
    )
    assert ("Global", None, 2032, Decimal("1210.00"), "forecast") in sizes(f)
    assert rates_of(f) == {("Global", None, Decimal("16.8"), 2024, 2032)}


def test_it_after_another_market_is_not_ours() -> None:
    _, f = run(
        "<p>The lithium-ion battery market, valued at USD 54 billion in 2023, is the parent market. "
        "It is forecast to expand at a CAGR of 20.3% through 2031.</p>",
        **NC,
    )
    assert not f.market_sizes and not f.growth_rates


def test_indefinite_market_is_a_description_and_revenue_names_the_product() -> None:
    _, f = run(
        "<p>Hard carbon for sodium-ion batteries is a young market: revenue was USD 412 million in 2024 and "
        "is set to reach USD 2,380 million by 2034, advancing at a CAGR of 19.2% between 2025 and 2034.</p>",
        **HCS,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("412"), "actual"),
        ("Global", None, 2034, Decimal("2380"), "forecast"),
    }
    assert rates_of(f) == {("Global", None, Decimal("19.2"), 2025, 2034)}


def test_outside_this_market_and_another_sector_are_not_ours() -> None:
    _, f = run(
        "<p>The market was valued at USD 412 million in 2024. Outside this market, lithium-ion cell prices "
        "fell 20% in 2024 and the stationary storage sector grew at a 25% CAGR.</p>",
        **HCS,
    )
    assert not f.growth_rates


def test_place_subject_continues_a_passage_about_the_market() -> None:
    _, f = run(
        "<p>The market was valued at USD 412 million in 2024. APAC held 64% of revenue in 2024 and APAC is "
        "forecast to grow at a CAGR of 21.0% from 2025 to 2034.</p>"
        "<h3>North America</h3><p>North America is projected to grow at a CAGR of 22.5% during 2025-2034.</p>",
        **HCS,
    )
    assert rates_of(f) == {
        ("Asia-Pacific", None, Decimal("21.0"), 2025, 2034),
        ("North America", None, Decimal("22.5"), 2025, 2034),
    }


def test_place_subject_without_a_market_passage_is_not_ours() -> None:
    _, f = run(
        "<p>Electric car sales keep rising in Asia. India is projected to grow at a CAGR of 6.5% to 2030.</p>",
        **HCS,
    )
    assert not f.growth_rates


def test_possessive_place_before_the_market_name_is_the_scope() -> None:
    _, f = run(
        "<p>Europe's synthetic graphite anode market is expected to grow at a CAGR of 21.5% during the "
        "forecast period. The Chinese synthetic graphite anode market reached USD 6.1 billion in 2024.</p>",
        market="Synthetic Graphite Anode",
        forecast_period=(2025, 2030),
    )
    assert rates_of(f) == {("Europe", None, Decimal("21.5"), 2025, 2030)}
    assert sizes(f) == {("China", None, 2024, Decimal("6100.0"), "actual")}


def test_cagr_after_an_own_amount_takes_its_scope() -> None:
    _, f = run(
        "<p>The U.S. silicon anode battery market size was exhibited at USD 95.20 million in 2024 and is "
        "projected to be worth around USD 1,865.40 million by 2034, growing at a CAGR of 34.7% from 2025 "
        "to 2034.</p>",
        market="Silicon Anode Battery",
        forecast_period=(2025, 2034),
    )
    assert ("United States", None, 2034, Decimal("1865.40"), "forecast") in sizes(f)
    assert rates_of(f) == {("United States", None, Decimal("34.7"), 2025, 2034)}


def test_report_scope_key_value_table() -> None:
    _, f = run(
        "<h2>Silicon-Carbon Composite Anode Market Report Scope</h2><table>"
        "<tr><th>Report Attribute</th><th>Details</th></tr>"
        "<tr><td>Market size value in 2025</td><td>USD 1.36 billion</td></tr>"
        "<tr><td>Revenue forecast in 2030</td><td>USD 3.42 billion</td></tr>"
        "<tr><td>Growth rate</td><td>CAGR of 16.2% from 2025 to 2030</td></tr>"
        "<tr><td>Base year for estimation</td><td>2024</td></tr>"
        "<tr><td>Quantitative units</td><td>Revenue in USD million/billion, volume in tons</td></tr>"
        "</table>",
        market="Silicon-Carbon Composite Anode",
        forecast_period=(2025, 2030),
    )
    assert sizes(f) == {
        ("Global", None, 2025, Decimal("1360.00"), "forecast"),
        ("Global", None, 2030, Decimal("3420.00"), "forecast"),
    }
    assert rates_of(f) == {("Global", None, Decimal("16.2"), 2025, 2030)}


def test_ranking_table_share_column_with_a_rank_column_first() -> None:
    _, f = run(
        "<h2>Competitive Landscape</h2><p>Battery anode materials market: company ranking, 2024</p><table>"
        "<tr><th>Rank</th><th>Company</th><th>HQ</th><th>Share</th></tr>"
        "<tr><td>1</td><td>Ningbo Shanshan Co., Ltd.</td><td>China</td><td>17.5%</td></tr>"
        "<tr><td>2</td><td>Resonac Holdings Corporation</td><td>Japan</td><td>9.8%</td></tr>"
        "</table>",
        market="Battery Anode Materials",
        forecast_period=(2025, 2030),
    )
    assert {(x.holder, x.holder_kind, x.share_percent) for x in f.shares} == {
        ("Ningbo Shanshan Co., Ltd.", "company", Decimal("17.5")),
        ("Resonac Holdings Corporation", "company", Decimal("9.8")),
    }


@pytest.mark.parametrize(
    ("sentence", "holder", "pct"),
    [
        (
            "Asia Pacific currently dominates the market, holding a market share of over 52.7% in 2024.",
            "asia-pacific",
            "52.7",
        ),
        (
            "Asia Pacific dominated the global market with the largest market share of 45% in 2024.",
            "asia-pacific",
            "45",
        ),
        (
            "By application, the automotive segment led the market with the largest revenue share of 63.1% in 2024.",
            "automotive",
            "63.1",
        ),
        ("The automotive end-use industry accounted for a share of 64% of the market in 2024.", "automotive", "64"),
        ("Europe’s share of the market was 34% in 2024, the largest after Asia-Pacific.", "europe", "34"),
        ("China’s producers hold about 78% of the market’s output.", "china", "78"),
    ],
)
def test_share_holders_in_other_house_styles(sentence: str, holder: str, pct: str) -> None:
    _, f = run(f"<p>{sentence}</p>", market="Battery Anode Materials", forecast_period=(2025, 2030))
    assert shares_of(f) == {(holder, Decimal(pct))}


def test_distractors_in_a_press_release_are_statistics() -> None:
    _, f = run(
        "<p>The global battery anode materials market is expected to reach 4.6 billion dollars by 2031, "
        "growing at a CAGR of ~12% from 2024 to 2031. Electric vehicle sales grew 20% year over year in 2024. "
        "Recyclers announced investments of more than USD 800 million in new plants, and recovered graphite "
        "sells for about USD 600 per ton. Venture funding for anode start-ups topped USD 1.5 billion in "
        "2023.</p>",
        market="Battery Anode Materials",
        forecast_period=(2024, 2031),
    )
    assert sizes(f) == {("Global", None, 2031, Decimal("4600.0"), "forecast")}
    assert rates_of(f) == {("Global", None, Decimal("12"), 2024, 2031)}
    assert not f.shares


RECYCLING = {"market": "Lithium-Ion Battery Anode Recycling", "forecast_period": (2024, 2031)}


def test_press_release_dateline_is_not_the_scope() -> None:
    _, f = run(
        "<p>PUNE, India, March 3, 2025 -- The global lithium-ion battery anode recycling market is expected "
        "to reach USD 4.6 billion by 2031.</p>",
        **RECYCLING,
    )
    assert sizes(f) == {("Global", None, 2031, Decimal("4600.0"), "forecast")}


def test_parent_market_named_by_leading_product_words_is_not_ours() -> None:
    _, f = run(
        "<p>The lithium-ion battery anode recycling market was worth USD 1.9 billion in 2023. "
        "The lithium-ion battery market, valued at USD 54 billion in 2023, is the parent market. "
        "It is forecast to expand at a CAGR of 20.3% through 2031.</p>",
        **RECYCLING,
    )
    assert {x.value_usd_million for x in f.market_sizes} == {Decimal("1900.0")}
    assert f.growth_rates == []


# ------------------------------------------------------------------ house styles of the second batch


def seg(kind: str, label: str) -> SegmentMention:
    return SegmentMention(kind=kind, label=label, evidence=(Evidence(start=0, end=1, quote="x"),))  # type: ignore[arg-type]


def run_with(body: str, segments: list[SegmentMention], companies: tuple[str, ...] = (), **meta: object) -> Figures:
    doc = render_text(body, "text/html")
    ev = (Evidence(start=0, end=1, quote=doc.text[:1]),)
    players = [CompanyMention(name=n, evidence=ev) for n in companies]
    return extract_figures(doc, ReportMeta(**meta), segments, players)  # type: ignore[arg-type]


def test_press_release_dateline_with_an_abbreviated_month_and_a_wire_tag() -> None:
    _, f = run(
        "<p>PUNE, India, Jan. 22, 2025 /PRNewswire/ -- The lithium metal foil market was valued at $ 300 million "
        "in 2024 and is expected to reach $ 1.12 billion by 2030, expanding at a CAGR of 24.6% between 2025 and "
        "2030.</p>",
        market="Lithium Metal Foil",
        forecast_period=(2025, 2030),
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("300"), "actual"),
        ("Global", None, 2030, Decimal("1120.00"), "forecast"),
    }
    assert rates_of(f) == {("Global", None, Decimal("24.6"), 2025, 2030)}


def test_possessive_place_market_is_a_regional_size() -> None:
    _, f = run(
        "<p>Asia Pacific's market was US$ 451.4 million in 2024, about two-thirds of the world total.</p>",
        market="Conductive Carbon Additives for Battery Anodes",
        forecast_period=(2025, 2033),
    )
    assert sizes(f) == {("Asia-Pacific", None, 2024, Decimal("451.4"), "actual")}


def test_report_scope_is_the_default_scope_and_not_part_of_the_product() -> None:
    _, f = run(
        "<p>The Middle East prebaked anode market was valued at USD 1.63 billion in 2024. Our previous (2022) "
        "edition valued the market at USD 1.21 billion in 2021 and expected it to reach USD 1.62 billion in "
        "2028, at a CAGR of 4.3%. The global primary aluminium market is worth some USD 240 billion.</p>",
        scope="Middle East",
        market="Middle East Prebaked Anode",
        forecast_period=(2025, 2031),
    )
    assert sizes(f) == {
        ("Middle East", None, 2024, Decimal("1630.00"), "actual"),
        ("Middle East", None, 2021, Decimal("1210.00"), "actual"),
        ("Middle East", None, 2028, Decimal("1620.00"), "forecast"),
    }
    assert {(g.scope, g.cagr_percent, g.end_year) for g in f.growth_rates} == {("Middle East", Decimal("4.3"), 2028)}


def test_report_scope_applies_to_unplaced_figures_but_global_stays_global() -> None:
    _, f = run(
        "<p>The market stood at USD 412 mn in 2024. The global market was USD 9 billion in 2024.</p>",
        scope="India",
        market="Battery-Grade Graphite",
        forecast_period=(2025, 2032),
    )
    assert {(x.scope, x.value_usd_million) for x in f.market_sizes} == {
        ("India", Decimal("412")),
        ("Global", Decimal("9000")),
    }


def test_money_table_under_a_segmentation_heading() -> None:
    f = run_with(
        "<h3>By Application</h3><table><tr><th>Application</th><th>2024 (US$ mn)</th><th>2030 (US$ mn)</th>"
        "<th>CAGR 2025–2030</th></tr><tr><td>Steel Recarburizer</td><td>1,705</td><td>2,250</td><td>4.7%</td></tr>"
        "</table>",
        [],
        market="Graphitized Petroleum Coke",
        forecast_period=(2025, 2030),
    )
    assert {(x.segment, x.year, x.value_usd_million) for x in f.market_sizes} == {
        ("Steel Recarburizer", 2024, Decimal("1705")),
        ("Steel Recarburizer", 2030, Decimal("2250")),
    }
    assert {(g.segment, g.cagr_percent) for g in f.growth_rates} == {("Steel Recarburizer", Decimal("4.7"))}


def test_money_table_of_another_measure_is_not_the_market() -> None:
    f = run_with(
        "<h3>By Region</h3><p>Coke prices by region</p><table><tr><th>Region</th><th>2024 (US$ mn)</th>"
        "<th>2030 (US$ mn)</th></tr><tr><td>Europe</td><td>1,705</td><td>2,250</td></tr></table>",
        [],
        market="Graphitized Petroleum Coke",
        forecast_period=(2025, 2030),
    )
    assert f.market_sizes == []


def test_listed_type_as_subject_gives_segment_size_cagr_and_share_of_total() -> None:
    f = run_with(
        "<p>Carbon nanotubes (CNTs) are the fastest-growing product, with a CAGR of 14.8% over 2025–2033, "
        "rising from US$ 121 million in 2024.</p>"
        "<p>Silicon-carbon composite anodes generated USD 171.9 million in 2024, 55% of the total.</p>",
        [seg("type", "Carbon Nanotubes"), seg("type", "Silicon-Carbon Composite")],
        market="Silicon Anode",
        forecast_period=(2025, 2033),
    )
    assert {(x.segment, x.year, x.value_usd_million) for x in f.market_sizes} == {
        ("Carbon Nanotubes", 2024, Decimal("121")),
        ("Silicon-Carbon Composite", 2024, Decimal("171.9")),
    }
    assert rates_of(f) == {("Global", "Carbon Nanotubes", Decimal("14.8"), 2025, 2033)}
    assert {(s.holder, s.holder_kind, s.share_percent, s.year) for s in f.shares} == {
        ("Silicon-Carbon Composite", "segment", Decimal("55"), 2024)
    }


def test_listed_application_as_subject_of_money_is_another_market() -> None:
    f = run_with(
        "<p>Electric vehicles are expected to be a USD 800 billion business in 2030.</p>",
        [seg("application", "Electric Vehicles")],
        market="Silicon Anode",
        forecast_period=(2025, 2033),
    )
    assert f.market_sizes == []


def test_object_it_in_a_later_clause_continues_the_first_clause_market() -> None:
    _, f = run(
        "<p>The Indian market for graphite anodes is still small, at Rs. 1,850 crore (FY2024), but domestic "
        "cell plants could lift it to INR 7,400 crore by 2031, a CAGR of 21.9%.</p>",
        market="Graphite Anode Materials",
        forecast_period=(2025, 2031),
    )
    assert {(x.scope, x.year, x.value_million) for x in f.market_sizes} == {
        ("India", 2024, Decimal("18500")),
        ("India", 2031, Decimal("74000")),
    }
    assert rates_of(f) == {("India", None, Decimal("21.9"), 2025, 2031)}


def test_place_subject_after_a_share_sentence_continues_the_market() -> None:
    _, f = run(
        "<p>The overall lithium-ion anode material market is estimated at USD 16.4 billion in 2024.</p>"
        "<p>Asia Pacific held a 61% share of revenue in 2024. North America is forecast to grow at a CAGR of "
        "39.8% over 2025-2034.</p>",
        market="Silicon-Dominant Anode",
        forecast_period=(2025, 2034),
    )
    assert rates_of(f) == {("North America", None, Decimal("39.8"), 2025, 2034)}


@pytest.mark.parametrize(
    ("sentence", "holder", "kind", "year"),
    [
        ("Water-based binders held 71% of the market in 2024.", "Water-based binders", "segment", 2024),
        ("Anode-Grade Pitch Coke held a 48.5% share of the market in 2024.", "Anode-Grade Pitch Coke", "segment", 2024),
        ("Slotted Prebaked Anodes held 41% of the market in 2024.", "Slotted Prebaked Anodes", "segment", 2024),
        ("Synthetic graphite accounted for 64% of the market's demand in 2024.", "Synthetic graphite", "segment", 2024),
        ("Power batteries took 71% of the market's value.", "Power batteries", "application", None),
        (
            "South India (Tamil Nadu, Karnataka, Andhra Pradesh): accounted for 47% of consumption in 2024.",
            "South India",
            "region",
            2024,
        ),
        ("China alone accounted for 38% of 2024 demand for prebaked anodes.", "China", "region", 2024),
        ("China produced 87% of global prebaked anode output in 2024.", "China", "region", 2024),
        ("Asia Pacific accounted for 52% of prebaked anode revenue in 2024.", "Asia-Pacific", "region", 2024),
        ("Ridgeway held 12% of the market in 2024.", "Ridgeway", "company", 2024),
    ],
)
def test_share_holder_is_the_whole_subject_typed_by_the_lists(
    sentence: str, holder: str, kind: str, year: int | None
) -> None:
    f = run_with(
        f"<p>{sentence}</p>",
        [
            seg("type", "Slotted Prebaked Anodes"),
            seg("type", "Synthetic Graphite"),
            seg("application", "Power Batteries"),
        ],
        ("Ridgeway Carbon Inc.",),
        market="Prebaked Anode",
        forecast_period=(2025, 2031),
    )
    assert {(s.holder, s.holder_kind, s.year) for s in f.shares} == {(holder, kind, year)}


def test_listed_type_without_the_market_head_nouns_names_the_holder() -> None:
    f = run_with(
        "<p>Hard carbon anode materials account for over 65% of sodium-ion battery anode compositions.</p>",
        [seg("type", "Hard Carbon")],
        market="Anode Material for Sodium-ion Battery",
        forecast_period=(2025, 2032),
    )
    assert {(s.holder, s.holder_kind) for s in f.shares} == {("Hard carbon", "segment")}


def test_share_of_a_narrower_product_is_not_the_markets() -> None:
    _, f = run(
        "<p>Asia Pacific is the largest market for battery anode materials, with China producing over 90% of "
        "the world's graphite anode output.</p>",
        market="Battery Anode Materials",
        forecast_period=(2025, 2030),
    )
    assert f.shares == []


def test_company_revenue_table_is_not_a_breakdown_of_the_market() -> None:
    f = run_with(
        "<h3>By Company</h3><p>Graphitized petroleum coke market revenue</p><table><tr><th>Company</th>"
        "<th>2023 (US$ mn)</th><th>2024 (US$ mn)</th></tr><tr><td>Asbury Carbons</td><td>310</td><td>335</td></tr>"
        "</table>",
        [],
        market="Graphitized Petroleum Coke",
        forecast_period=(2025, 2030),
    )
    assert f.market_sizes == []


def test_subject_it_in_a_later_clause_is_not_the_market() -> None:
    _, f = run(
        "<p>The graphite anode market was USD 14.6 billion in 2024, but it is unclear whether recyclers will "
        "earn USD 2 billion by 2031.</p>",
        market="Graphite Anode",
        forecast_period=(2025, 2031),
    )
    assert {x.value_usd_million for x in f.market_sizes} == {Decimal("14600.0")}


def test_listed_type_described_as_a_whole_market_is_not_a_segment_size() -> None:
    f = run_with(
        "<p>Natural graphite will be a USD 20 billion market, most of it for refractories.</p>",
        [seg("type", "Natural Graphite")],
        market="Graphite Anode",
        forecast_period=(2025, 2030),
    )
    assert f.market_sizes == []


# ------------------------------------------------------------------ held-out table layouts

MC = {"market": "Mesocarbon Microbeads Anode", "forecast_period": (2025, 2033)}


def test_year_headers_with_measure_and_unit_and_country_rows() -> None:
    _, f = run(
        "<p>Table 5: MCMB anode market, regions and countries</p><table>"
        "<tr><th>Region / Country</th><th>2023 Revenue (US$ Mn)</th><th>2029 Revenue (US$ Mn)</th></tr>"
        "<tr><td>Asia Pacific</td><td>371.6</td><td>538.9</td></tr>"
        "<tr><td>&nbsp;&nbsp;China</td><td>228.4</td><td>331.7</td></tr>"
        "<tr><td>Total</td><td>566.2</td><td>802.5</td></tr></table>",
        **MC,
    )
    got = {(s, y, v) for s, _, y, v, _ in sizes(f)}
    assert {
        ("Asia-Pacific", 2023, Decimal("371.6")),
        ("China", 2029, Decimal("331.7")),
        ("Global", 2029, Decimal("802.5")),
    } <= got


def test_single_money_column_takes_the_captions_year() -> None:
    _, f = run(
        "<p>Table 4: MCMB anode market by type, 2023</p><table>"
        "<tr><th>Type</th><th>Revenue (US$ Mn)</th><th>Share (%)</th></tr>"
        "<tr><td>Carbonized MCMB</td><td>113.3</td><td>20.0</td></tr>"
        "<tr><td>Graphitized MCMB</td><td>452.7</td><td>80.0</td></tr></table>",
        **MC,
    )
    got = {(seg, y, v) for _, seg, y, v, _ in sizes(f)}
    assert ("Graphitized MCMB", 2023, Decimal("452.7")) in got
    assert ("Carbonized MCMB", 2023, Decimal("113.3")) in got


def test_thousand_unit_written_as_000_in_each_year_header() -> None:
    _, f = run(
        "## Table C - Revenue by method\n\n| Method | 2022 (US$ 000) | 2028F (US$ 000) | CAGR 2023-2028 |\n"
        "|---|---|---|---|\n| Thermal Purification | 295,000 | 741,600 | 16.6% |\n",
        "text/markdown",
        market="Graphite Purification for Battery Anodes",
    )
    got = {(seg, y, v) for _, seg, y, v, _ in sizes(f)}
    assert ("Thermal Purification", 2022, Decimal("295")) in got
    assert ("Thermal Purification", 2028, Decimal("741.6")) in got


def test_space_aligned_plain_text_table_after_a_table_caption() -> None:
    _, f = run(
        "4. Regional Review\n\nTable 2: Calcined widget coke for anodes, regional market (USD million)\n\n"
        "  Region                    2023      2029\n"
        "  Asia Pacific             1,720     2,395\n"
        "  Middle East & Africa       585       870\n"
        "  Total                    3,105     4,270\n\nAsia Pacific stays in the lead.\n",
        "text/plain",
        market="Calcined Widget Coke for Anodes",
    )
    got = {(s, y, v) for s, _, y, v, _ in sizes(f)}
    assert {
        ("Asia-Pacific", 2023, Decimal("1720")),
        ("Middle East & Africa", 2029, Decimal("870")),
        ("Global", 2029, Decimal("4270")),
    } <= got


def test_plain_text_year_run_without_caption_or_unit_is_not_a_table() -> None:
    _, f = run(
        "Shipments 2023 2029 Asia Pacific 1,720 2,395 Europe 585 870\n",
        "text/plain",
        market="Calcined Widget Coke for Anodes",
    )
    assert not f.market_sizes


# ------------------------------------------------------------------ held-out prose layouts


def test_size_in_the_same_year_takes_the_previous_sentences_year() -> None:
    _, f = run(
        "<p>The porous silicon anode market was valued at USD 120 million in 2023. "
        "Europe was worth USD 37.5 million in the same year.</p>",
        market="Porous Silicon Anode",
    )
    assert ("Europe", None, 2023, Decimal("37.5"), "actual") in sizes(f)


def test_we_size_the_market_at() -> None:
    _, f = run(
        "<p>We size the global vanadium-based anode materials market at US$ 64 million in 2023, rising to "
        "US$ 290 million by 2029, which implies a 28.6% CAGR over 2024-2029.</p>",
        market="Vanadium-Based Anode Materials",
    )
    got = {(s, y, v) for s, _, y, v, _ in sizes(f)}
    assert {("Global", 2023, Decimal("64")), ("Global", 2029, Decimal("290"))} <= got
    assert any(g.cagr_percent == Decimal("28.6") and g.end_year == 2029 for g in f.growth_rates)


SLURRY = (
    "<p>The global widget slurry binders market reached USD 1.25 bn in 2023.</p><h2>Segmentation</h2>"
    "<p>By binder chemistry: PVA; NBR; Others.</p><ul><li>PVA: USD 0.49 bn in 2023</li>"
    "<li>NBR: USD 0.61 bn in 2023, equal to a 48.8% share of the market</li>"
    "<li>Others (mostly alginates): USD 0.15 bn in 2023, the fastest-growing type, with a CAGR of 12.7%</li>"
    "</ul><h2>Regions</h2><p>Europe was worth USD 365 m in 2023, of which France alone USD 130 m; North "
    "America remains the smallest of the three regions studied.</p>"
)


def test_label_colon_lines_under_a_breakdown_are_segment_sizes_rates_and_shares() -> None:
    _, f = run(SLURRY, market="Widget Slurry Binders")
    got = sizes(f)
    assert ("Global", "PVA", 2023, Decimal("490"), "actual") in got
    assert ("Global", "Others", 2023, Decimal("150"), "actual") in got
    assert any(g.segment == "Others" and g.cagr_percent == Decimal("12.7") for g in f.growth_rates)
    assert {(x.holder, x.holder_kind, x.share_percent) for x in f.shares} == {("NBR", "segment", Decimal("48.8"))}


def test_label_colon_line_without_a_breakdown_intro_is_not_a_segment() -> None:
    _, f = run(
        "<p>The global widget slurry binders market reached USD 1.25 bn in 2023.</p><h2>Funding</h2>"
        "<ul><li>Grants: USD 0.49 bn in 2023</li></ul>",
        market="Widget Slurry Binders",
    )
    assert all(x.segment is None for x in f.market_sizes)


def test_of_which_place_alone_is_a_part_of_the_amount_before() -> None:
    _, f = run(SLURRY, market="Widget Slurry Binders")
    assert ("France", None, 2023, Decimal("130"), "actual") in sizes(f)
    assert ("Europe", None, 2023, Decimal("365"), "actual") in sizes(f)


def test_region_will_grow_fastest_in_its_own_sentence() -> None:
    _, f = run(
        "<p>The calcined widget coke for anodes market was worth USD 3,105 million in 2023. Between "
        "2024 and 2029 the market should expand at a CAGR of 4.7%. The Latin America region will "
        "grow fastest, with a CAGR of 6.9%, helped by new smelters.</p>",
        market="Calcined Widget Coke for Anodes",
        forecast_period=(2024, 2029),
    )
    assert any(g.scope == "Latin America" and g.cagr_percent == Decimal("6.9") for g in f.growth_rates)


def test_share_of_the_markets_acronym_and_elliptical_second_share() -> None:
    _, f = run(
        "<p>Worldwide, the mesocarbon microbeads (MCMB) anode market was worth US$ 566.2 Mn in 2023.</p>"
        "<p>Asia Pacific accounted for 62.4% of MCMB anode revenue in 2023. Europe accounted for 23% of 2023 "
        "demand and North America for 15%; early buyers include Velloran.</p>",
        market="Mesocarbon Microbeads Anode",
    )
    got = {(x.holder, x.share_percent) for x in f.shares}
    assert {("Asia-Pacific", Decimal("62.4")), ("Europe", Decimal("23")), ("North America", Decimal("15"))} == got


def test_listed_segment_holds_a_share_of_the_markets_consumption() -> None:
    doc = render_text(
        "<p>The calcined widget coke (CWC) for anodes market stood at USD 3,105 million in 2023.</p>"
        "<p>Prebaked anodes accounted for 84% of CWC consumption in 2023.</p>",
        "text/html",
    )
    seg = SegmentMention(
        kind="application", label="Prebaked Anodes", evidence=(Evidence(start=0, end=3, quote=doc.text[:3]),)
    )
    f = extract_figures(doc, ReportMeta(market="Calcined Widget Coke for Anodes"), [seg])
    assert {(x.holder, x.share_percent) for x in f.shares} == {("Prebaked anodes", Decimal("84"))}


# ------------------------------------------------------------------ third held-out batch: general rules

TIN = {"market": "Tin-Based Anode", "forecast_period": (2025, 2031)}


def test_nested_table_header_composes_years_under_a_money_group() -> None:
    _, f = run(
        "<p>Tin-based anode market revenue by country</p><table><thead>"
        "<tr><th rowspan='2'>Region / Country</th><th colspan='2'>Sales (US$ Mn)</th><th rowspan='2'>CAGR (%)</th></tr>"
        "<tr><th>2024</th><th>2031</th></tr></thead>"
        "<tr><td>Latin America</td><td>40.5</td><td>77.0</td><td>9.6</td></tr>"
        "<tr><td>&nbsp;&nbsp;Brazil</td><td>22.1</td><td>41.8</td><td>9.5</td></tr>"
        "<tr><td><b>Global</b></td><td>310.0</td><td>590.2</td><td>9.6</td></tr></table>",
        **TIN,
    )
    got = {(s, y, v) for s, _, y, v, _ in sizes(f)}
    assert got == {
        ("Latin America", 2024, Decimal("40.5")),
        ("Latin America", 2031, Decimal("77.0")),
        ("Brazil", 2024, Decimal("22.1")),
        ("Brazil", 2031, Decimal("41.8")),
        ("Global", 2024, Decimal("310.0")),
        ("Global", 2031, Decimal("590.2")),
    }  # and never the header row's 2031 as a value of 2024
    assert ("Brazil", None, Decimal("9.5"), 2025, 2031) in rates_of(f)


def test_years_as_rows_and_regions_as_columns_in_million_us_dollars() -> None:
    _, f = run(
        "**Tin-based anode market value by region (million US dollars)**\n\n"
        "| Year | Japan | Europe | Global |\n|---|---:|---:|---:|\n| 2024 | 51.0 | 33.2 | 310.0 |\n"
        "| 2031 | 90.4 | 70.9 | 590.2 |\n",
        "text/markdown",
        **TIN,
    )
    got = sizes(f)
    assert ("Japan", None, 2031, Decimal("90.4"), "forecast") in got
    assert ("Europe", None, 2024, Decimal("33.2"), "actual") in got


def test_plain_text_table_with_unit_headers_and_a_two_digit_cagr_period() -> None:
    _, f = run(
        "Table 4: Tin-based anode revenue across regions\n\n"
        "  Region              2024 (USD M)    2031 (USD M)    CAGR 25-31\n"
        "  Japan                       51.0            90.4          8.5%\n"
        "  Europe                      33.2            70.9         11.5%\n"
        "  Total                      310.0           590.2          9.6%\n\nJapan leads.\n",
        "text/plain",
        **TIN,
    )
    assert ("Europe", None, 2031, Decimal("70.9"), "forecast") in sizes(f)
    assert ("Europe", None, Decimal("11.5"), 2025, 2031) in rates_of(f)
    assert ("Global", None, Decimal("9.6"), 2025, 2031) in rates_of(f)


def test_plain_text_table_takes_its_thousand_unit_from_the_line_above() -> None:
    _, f = run(
        "MARKET SIZE BY GRADE\n\nAll figures in USD thousand.\n\n"
        "  Grade                    2024        2031    CAGR 25-31\n"
        "  Nano tin              12,400      30,100         13.5%\n"
        "  Micron tin             8,000      11,500          5.3%\n",
        "text/plain",
        **TIN,
    )
    got = {(seg, y, v) for _, seg, y, v, _ in sizes(f)}
    assert ("Nano tin", 2031, Decimal("30.1")) in got
    assert ("Micron tin", 2024, Decimal("8")) in got


def test_impact_on_cagr_column_is_not_a_growth_rate() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024.</p>"
        "<table><tr><th>Factor</th><th>Type</th><th>Impact on CAGR forecast</th></tr>"
        "<tr><td>Silicon competition</td><td>Restraint</td><td>-1.1%</td></tr>"
        "<tr><td>Fast-charging demand</td><td>Driver</td><td>+2.0%</td></tr></table>",
        **TIN,
    )
    assert f.growth_rates == []


def test_related_report_line_names_another_market_for_the_rate_below_it() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024.</p>"
        "<h3>More reports</h3><ul><li>Antimony Anode Market</li><li>CAGR 7.7% (2025-2031)</li></ul>"
        "<h3>Snapshot</h3><ul><li>Tin-based anode market size 2031: USD 590 million</li>"
        "<li>CAGR (2025-2031): 9.6%</li></ul>",
        **TIN,
    )
    assert {x.cagr_percent for x in f.growth_rates} == {Decimal("9.6")}


def test_rates_worded_per_year_with_an_elided_second_region() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024. Beyond Asia the base is small: "
        "Brazil is forecast to grow at 12.4% a year between 2025 and 2031 and Mexico at 10.2%, as cell plants "
        "open. Japan is projected to expand at 8.5% per year. Global EV sales are rising at 20% a year.</p>",
        **TIN,
    )
    assert rates_of(f) == {
        ("Brazil", None, Decimal("12.4"), 2025, 2031),
        ("Mexico", None, Decimal("10.2"), 2025, 2031),
        ("Japan", None, Decimal("8.5"), None, None),
    }


def test_annual_rate_of_the_region_named_by_it_is_the_fastest_growing_region() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024 and should reach USD 590 million by "
        "2031. India is expected to add USD 40 million of demand by 2031; it is the fastest-growing region, and "
        "sales there rise at 12.2% a year over 2025-2031.</p>",
        **TIN,
    )
    assert ("India", None, Decimal("12.2"), 2025, 2031) in rates_of(f)


def test_we_expect_it_to_reach_with_a_cagr_between_years() -> None:
    _, f = run(
        "<p>We estimate the global tin-based anode market at $0.31 bn for 2024. We expect it to reach $0.59 bn "
        "by 2031, a CAGR of 9.6% between 2025 and 2031.</p>",
        **TIN,
    )
    assert ("Global", None, 2031, Decimal("590.00"), "forecast") in sizes(f)
    assert rates_of(f) == {("Global", None, Decimal("9.6"), 2025, 2031)}


def test_press_release_dateline_with_a_bracketed_wire_tag_is_not_the_scope() -> None:
    _, f = run(
        "<p>OSAKA, Japan, Feb. 4, 2025 (NEWS WIRE) -- The global tin-based anode market was valued at USD 285 "
        "million in 2024 and is projected to grow at a CAGR of 9.6% during 2025-2031.</p>",
        **TIN,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("285"), "actual")}
    assert rates_of(f) == {("Global", None, Decimal("9.6"), 2025, 2031)}


def test_clause_after_a_semicolon_has_its_own_place_subject() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024.</p><ul><li>Europe held the largest "
        "revenue share of 38% in 2024; Germany alone accounted for USD 52 million in 2024.</li></ul>",
        **TIN,
    )
    assert ("Germany", None, 2024, Decimal("52"), "actual") in sizes(f)


def test_loose_segment_noun_gives_way_to_the_listed_segment_the_clause_names() -> None:
    f = run_with(
        "<p>The tin-based anode market was worth USD 310 million in 2024.</p><p>The power segment leads: tin "
        "anodes sold into power tool batteries were worth USD 90 million in 2024, a CAGR of 11%.</p>",
        [seg("application", "Power Tool Batteries"), seg("application", "Wearables")],
        **TIN,
    )
    assert ("Global", "Power Tool Batteries", 2024) in {(x.scope, x.segment, x.year) for x in f.market_sizes}
    assert {x.segment for x in f.growth_rates} == {"Power Tool Batteries"}


def test_segment_named_before_segment_keeps_all_its_words() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024. The carbon-coated SnO2 segment is "
        "forecast to reach USD 120 million by 2031.</p>",
        **TIN,
    )
    assert ("Global", "carbon-coated SnO2", 2031) in {(x.scope, x.segment, x.year) for x in f.market_sizes}


def test_broader_market_is_another_market() -> None:
    _, f = run(
        "<p>The tin-based anode market was worth USD 310 million in 2024. The broader tin anode market, which "
        "includes lead-acid uses, is estimated at USD 2.4 billion in 2024.</p>",
        **TIN,
    )
    assert {x.value_usd_million for x in f.market_sizes} == {Decimal("310")}


@pytest.mark.parametrize(
    ("sentence", "holder", "pct"),
    [
        ("Power tools nevertheless remain the biggest outlet, taking about 47% of tin-based anode volume.",
         "Power tools", "47"),
        ("Supply is concentrated: the top four Japanese refiners alone account for roughly 52% of global output.",
         "Top four Japanese refiners", "52"),
        ("Nano powder still leads on value: nano tin powder accounted for 61.5% of revenue in 2024.",
         "nano tin powder", "61.5"),
        ("The field is narrow: the top 5 producers supplied about 77% of shipments in 2024.", "Top 5 producers", "77"),
        ("Sanyo Metals alone holds approximately 9% of the merchant tin-based anode market.", "Sanyo Metals", "9"),
    ],
)
def test_share_holders_cut_at_the_clause_and_the_verb(sentence: str, holder: str, pct: str) -> None:
    _, f = run("<p>The tin-based anode market was worth USD 310 million in 2024. " + sentence + "</p>", **TIN)
    assert (holder, Decimal(pct)) in {(x.holder, x.share_percent) for x in f.shares}


def test_top_n_holder_stops_at_a_preposition() -> None:
    _, f = run("<p>The top three players in the tin-based anode market held 55% of revenue in 2024.</p>", **TIN)
    assert {x.holder for x in f.shares} == {"Top three companies"}


def test_share_after_an_amount_and_its_bracketed_conversion() -> None:
    _, f = run(
        "<p>Japan's domestic market was worth JPY 12 billion in 2024 (about USD 80 million at JPY 150 per dollar), "
        "or about 26% of global revenue.</p>",
        **TIN,
    )
    assert {(x.holder, x.share_percent) for x in f.shares} == {("Japan", Decimal("26"))}


def test_share_of_demand_named_by_the_acronym_of_the_markets_tail_words() -> None:
    _, f = run(
        "<p>Battery grade stannic oxide powder (SOP) is made by calcination. India accounts for roughly 21% of "
        "global battery grade SOP demand.</p>",
        market="Battery Grade Stannic Oxide Powder",
    )
    assert {(x.holder, x.share_percent) for x in f.shares} == {("India", Decimal("21"))}


def test_we_model_a_place_revenue_continues_the_market_but_a_company_revenue_does_not() -> None:
    _, f = run(
        "<p>North America held a 31% share of tin-based anode revenue in 2024. Japan will catch up by 2028; we "
        "model Japan revenue of USD 95 million in 2031.</p><p>North America held a 31% share of tin-based anode "
        "revenue in 2024. We model Panasonic revenue of USD 60 million in 2031.</p>",
        **TIN,
    )
    assert {(x.scope, x.value_usd_million) for x in f.market_sizes} == {("Japan", Decimal("95"))}


# ------------------------------------------------------------------ held-out set 4 layouts (own examples)

BN = {"market": "Binder Resins for Anodes", "forecast_period": (2025, 2032), "base_year": 2024}


def test_card_grid_takes_its_subject_from_the_card_heading() -> None:
    f = run_with(
        "<h3>By Chemistry</h3><div><h4>Acrylic Binders</h4><p>2024: US$ 84.2 Mn</p>"
        "<p>CAGR 2025–2032: 11.3%</p></div><div><h4>Styrene Butadiene (SBR)</h4><p>42.0% of 2024 revenue</p></div>"
        "<h2>Regions</h2><div><h4>Europe</h4><p>Europe grows at a CAGR of 14.0% through 2032.</p></div>"
        "<div><h4>Canada</h4><p>The fastest-growing country, expanding at a CAGR of 16.5% over 2025–2032.</p></div>",
        [seg("type", "Acrylic Binders"), seg("type", "Styrene Butadiene (SBR)")],
        **BN,
    )
    assert sizes(f) == {("Global", "Acrylic Binders", 2024, Decimal("84.2"), "actual")}
    assert rates_of(f) == {
        ("Global", "Acrylic Binders", Decimal("11.3"), 2025, 2032),
        ("Europe", None, Decimal("14.0"), 2025, 2032),
        ("Canada", None, Decimal("16.5"), 2025, 2032),
    }
    assert shares_of(f) == {("styrene butadiene (sbr)", Decimal("42.0"))}


def test_card_needs_a_subject_that_is_only_a_place_or_a_listed_segment() -> None:
    f = run_with(
        "<h4>Outlook notes</h4><p>CAGR 2025–2032: 11.3%</p><h4>Pricing</h4><p>2024: US$ 4.1 Mn</p>",
        [seg("type", "Acrylic Binders")],
        **BN,
    )
    assert all(g.segment is None and g.scope == "Global" for g in f.growth_rates)
    assert all(s.segment is None for s in f.market_sizes)


def test_rate_only_table_under_a_breakdown_and_the_total_row_is_no_share() -> None:
    _, f = run(
        "<h2>By region</h2><table><tr><th>Region</th><th>CAGR 2025–32</th><th>Share 2024</th></tr>"
        "<tr><td>Europe</td><td>9.5 %</td><td>40 %</td></tr><tr><td>Canada</td><td>7.0 %</td><td>60 %</td></tr>"
        "<tr><td>Total</td><td>8.0 %</td><td>100 %</td></tr></table>",
        **BN,
    )
    assert shares_of(f) == {("europe", Decimal("40")), ("canada", Decimal("60"))}
    assert {s.year for s in f.shares} == {2024}
    assert ("Europe", None, Decimal("9.5"), 2025, 2032) in rates_of(f)


def test_rate_only_table_about_something_else_gives_nothing() -> None:
    _, f = run(
        "<h2>Staff survey</h2><table><tr><th>Answer</th><th>Share</th></tr>"
        "<tr><td>Yes</td><td>40 %</td></tr><tr><td>No</td><td>60 %</td></tr></table>",
        **BN,
    )
    assert f.shares == [] and f.growth_rates == []


def test_breakdown_line_rate_and_share_belong_to_the_label() -> None:
    f = run_with(
        "<p>Key numbers:</p><ul><li>Acrylic binders: 41% of 2024 revenue</li>"
        "<li>Vietnam: the fastest-growing country, 17.5% p.a. to 2032</li></ul>",
        [seg("type", "Acrylic Binders")],
        **BN,
    )
    assert ("acrylic binders", Decimal("41")) in shares_of(f)
    assert rates_of(f) == {("Vietnam", None, Decimal("17.5"), 2025, 2032)}


def test_a_related_reports_line_is_no_snapshot_of_the_market() -> None:
    _, f = run(
        "<h2>More from us</h2><ul><li>Copper Foil Current Collectors — CAGR 6.1 % (2025–2032)</li></ul>",
        **BN,
    )
    assert f.growth_rates == []


def test_place_predicate_and_revenue_verb_sizes_and_the_elided_subjects_rate() -> None:
    _, f = run(
        "<p>The global binder resins for anodes market was US$ 900 million in 2024. Canada was a US$ 45mn market "
        "in 2024 and is set to grow at 21.0% a year to 2032E. Mexico generated US$ 12.5 Mn in 2024 (1.4 % of "
        "revenue). Germany is a $5bn market for car parts in 2024. Chile generated US$ 3 Mn in copper exports in "
        "2024.</p>",
        **BN,
    )
    assert sizes(f) == {
        ("Global", None, 2024, Decimal("900"), "actual"),
        ("Canada", None, 2024, Decimal("45"), "actual"),
        ("Mexico", None, 2024, Decimal("12.5"), "actual"),
    }
    assert ("Canada", None, Decimal("21.0"), 2025, 2032) in rates_of(f)


def test_amount_in_another_currency_takes_its_stated_dollar_equivalent() -> None:
    _, f = run(
        "<p>The binder resins for anodes market was worth $1.2 billion in 2024. China accounted for 60% of it in "
        "2024, equivalent to roughly 5.1 billion yuan ($720 million).</p>",
        **BN,
    )
    assert ("China", None, 2024, Decimal("720"), "actual") in sizes(f)
    assert all(x.value_usd_million is not None for x in f.market_sizes)


def test_nested_bullets_take_the_parent_bullet_as_subject() -> None:
    doc = render_text(
        "## By chemistry\n\n- Acrylic binders\n    - US$ 12.5 Mn in 2024 → 44.0 % share\n"
        "- Polyimide binders\n    - small today, fastest growth: CAGR 19.5 %\n\n## Regions\n\n"
        "- Canada — 30 %\n    - CAGR 8.8 % (2025–2032)\n- Mexico — 10 %\n\n"
        "The five largest players hold roughly 41 % of 2024 revenue.\n",
        "text/markdown",
    )
    segs = [seg("type", "Acrylic Binders"), seg("type", "Polyimide Binders")]
    f = extract_figures(doc, ReportMeta(**BN), segs)  # type: ignore[arg-type]
    assert sizes(f) == {("Global", "Acrylic binders", 2024, Decimal("12.5"), "actual")}
    assert rates_of(f) == {
        ("Global", "Polyimide binders", Decimal("19.5"), 2025, 2032),
        ("Canada", None, Decimal("8.8"), 2025, 2032),
    }
    assert ("acrylic binders", Decimal("44.0")) in shares_of(f)
    # the paragraph after the list keeps its own holder
    assert ("canada", Decimal("41")) not in shares_of(f) and ("mexico", Decimal("41")) not in shares_of(f)


def test_a_year_labelled_key_number_is_the_markets() -> None:
    _, f = run("<ul><li>2031 forecast: <b>US$ 75.0 Mn</b></li><li>2031 forecast: US$ 9 Mn per plant</li></ul>", **BN)
    assert sizes(f) == {("Global", None, 2031, Decimal("75.0"), "forecast")}


def test_share_holder_stops_before_a_participle_phrase() -> None:
    _, f = run(
        "<p>The binder resins for anodes market was US$ 900 million in 2024. In-house resin units operated by the "
        "cell makers themselves account for 52 % of output.</p>",
        **BN,
    )
    assert ("in-house resin units", Decimal("52")) in shares_of(f)


def test_bracketed_shares_of_a_list_share_the_first_ones_basis() -> None:
    _, f = run(
        "<p>The binder resins for anodes market was US$ 900 million in 2024. By end use: power tools (61% of 2024 "
        "revenue), drones (25%) and other uses (14%). Output rose (12%) and prices fell (3%).</p>",
        **BN,
    )
    got = {(x.holder.lower(), x.share_percent, x.of) for x in f.shares}
    assert got == {
        ("power tools", Decimal("61"), "2024 revenue"),
        ("drones", Decimal("25"), "2024 revenue"),
        ("other uses", Decimal("14"), "2024 revenue"),
    }


def test_a_volume_row_of_a_mixed_table_is_no_money() -> None:
    _, f = run(
        "<p>Table 1. Binder resins for anodes market value (EUR bn)</p>"
        "<table><tr><th></th><th>2024</th><th>2030</th></tr>"
        "<tr><td>Shipments (kt)</td><td>120</td><td>210</td></tr>"
        "<tr><td>Sales value (EUR bn)</td><td>1.1</td><td>1.9</td></tr></table>",
        **BN,
    )
    assert {(x.segment, x.year, x.value_million) for x in f.market_sizes} == {
        (None, 2024, Decimal("1100.0")),
        (None, 2030, Decimal("1900.0")),
    }


PG = {"market": "Porous Graphite", "forecast_period": (2025, 2031)}


def test_regional_frame_before_the_country_subject() -> None:
    _, f = run(
        "<p>The porous graphite market was USD 900 million in 2024. Within Europe, Germany alone accounted for "
        "US$ 210.5 million in 2024.</p>",
        **PG,
    )
    assert ("Germany", None, 2024, Decimal("210.5"), "actual") in sizes(f)


def test_fastest_growing_country_market_rate() -> None:
    _, f = run(
        "<p>Brazil should be the fastest-growing country market, with a CAGR of 8.8% from 2025 to 2031.</p>",
        **PG,
    )
    assert rates_of(f) == {("Brazil", None, Decimal("8.8"), 2025, 2031)}


def test_numbered_paragraph_region_line() -> None:
    _, f = run(
        "3.1 The global porous graphite market was US$ 500.0 million in 2024.\n"
        "3.2 Latin America: US$ 41.3 million in 2024; expected CAGR 7.2% (2025-2031).\n",
        "text/plain",
        **PG,
    )
    assert ("Latin America", None, 2024, Decimal("41.3"), "actual") in sizes(f)
    assert ("Latin America", None, Decimal("7.2"), 2025, 2031) in rates_of(f)
    assert not any(r[0] == "Global" and r[2] == Decimal("7.2") for r in rates_of(f))


def test_year_after_a_bracketed_dollar_equivalent() -> None:
    _, f = run(
        "<p>The domestic porous graphite market in India is set to reach INR 41,000 million (USD 492 million) "
        "in 2031.</p>",
        **PG,
    )
    assert {(x.year, x.value_usd_million) for x in f.market_sizes} == {(2031, Decimal("492"))}


def test_compound_rate_from_a_year_onwards_ends_at_the_target() -> None:
    _, f = run(
        '<p>The porous graphite market will reach USD 2.1bn in 2030, "about 12.5 percent compound from 2025 '
        'onwards".</p>',
        **PG,
    )
    assert rates_of(f) == {("Global", None, Decimal("12.5"), 2025, 2030)}


def test_product_named_subject_of_a_bare_market() -> None:
    _, f = run("<p>Porous graphite was a USD 1.4bn market in 2024.</p>", **PG)
    assert sizes(f) == {("Global", None, 2024, Decimal("1400.0"), "actual")}
    _, f = run("<p>Expanded graphite was a USD 1.4bn market in 2024.</p>", **PG)
    assert sizes(f) == set()  # another product's market
    _, f = run("<p>Porous graphite was a USD 1.4bn market for sensors in 2024.</p>", **PG)
    assert sizes(f) == set()


def test_share_of_a_parent_total_is_not_the_markets() -> None:
    _, f = run("<p>Porous graphite took 12% of total graphite demand in 2024.</p>", **PG)
    assert shares_of(f) == set()
    _, f = run("<p>Coated grades took 40% of total porous graphite demand in 2024.</p>", **PG)
    assert shares_of(f) == {("coated grades", Decimal("40"))}


def test_occupied_is_not_part_of_the_holder() -> None:
    _, f = run("<p>By type, Micro-porous Grade occupied 35.5% of porous graphite revenue in 2024.</p>", **PG)
    assert shares_of(f) == {("micro-porous grade", Decimal("35.5"))}


def test_numbered_brief_items_open_their_own_line() -> None:
    _, f = run(
        "3.1 The global sodium anode market was US$ 250.0 million in 2024, a CAGR of 6.5% over 2025-2031. "
        "3.2 Oceania: US$ 12.5 million in 2024. "
        "3.3 Grid storage represented 41% of sodium anode market demand in 2024.",
        "text/plain",
        market="Sodium Anode",
        forecast_period=(2025, 2031),
    )
    assert ("Oceania", None, 2024, Decimal("12.50"), "actual") in {
        (x.scope, x.segment, x.year, x.value_usd_million, x.status) for x in f.market_sizes
    }
    assert ("grid storage", Decimal("41")) in shares_of(f)
    assert not any(x.holder[0].isdigit() for x in f.shares)


def test_a_numbered_amount_is_not_an_enumerator() -> None:
    _, f = run("<p>2.4 Million tonnes of sodium anode were shipped in 2024.</p>", market="Sodium Anode")
    assert f.market_sizes == [] and f.shares == []


def test_an_indefinite_holder_is_no_holder() -> None:
    _, f = run(
        "<p>Bids relying on a single vendor holding more than 40% of global revenue lose points.</p>",
        market="Sodium Anode",
    )
    assert f.shares == []


def test_reported_speech_pronoun_takes_the_listed_names() -> None:
    _, f = run(
        "<p>Alpha Corp, Beta Ltd and Gamma Inc form the leading trio — Vesta Research says they hold 47% of "
        "global revenue.</p>",
        market="Sodium Anode",
    )
    assert shares_of(f) == {("alpha corp, beta ltd and gamma inc", Decimal("47"))}


def test_reported_speech_without_listed_names_is_dropped() -> None:
    _, f = run("<p>Vesta Research says they hold 47% of global revenue.</p>", market="Sodium Anode")
    assert f.shares == []


def test_an_application_named_as_such_is_a_segment_of_the_market() -> None:
    segs = [seg("application", "Drones"), seg("application", "Power Tools")]
    f = run_with(
        "<p>The Drones application is projected to reach USD 88.5 million by 2031. "
        "Power Tools applications were worth 0.42 (USD Billion) in 2024.</p>",
        segs,
        market="Solid Polymer Electrolyte",
        forecast_period=(2025, 2031),
    )
    assert sizes(f) == {
        ("Global", "Drones", 2031, Decimal("88.5"), "forecast"),
        ("Global", "Power Tools", 2024, Decimal("420.00"), "actual"),
    }


def test_an_application_as_a_bare_subject_is_another_market() -> None:
    f = run_with(
        "<p>Drones are a USD 30 billion industry in 2024.</p>",
        [seg("application", "Drones")],
        market="Solid Polymer Electrolyte",
        forecast_period=(2025, 2031),
    )
    assert f.market_sizes == []


def test_labelled_lines_take_the_unit_of_their_caption() -> None:
    _, f = run(
        "Regional Outlook (EUR Million)\nLatin America: 12.5 (2023) -> 40 (2030)\nOceania: 3.1 (2023)\n",
        "text/plain",
        market="Lithium Titanate Anode",
        base_year=2023,
        currency_rates={"EUR": Decimal("1.1")},
    )
    assert {(x.scope, x.year, x.value_million, x.currency, x.status) for x in f.market_sizes} == {
        ("Latin America", 2023, Decimal("12.5"), "EUR", "actual"),
        ("Latin America", 2030, Decimal("40"), "EUR", "forecast"),
        ("Oceania", 2023, Decimal("3.1"), "EUR", "actual"),
    }


@pytest.mark.parametrize(
    "body",
    [
        # the caption names a volume, or a label is neither a place nor a listed segment
        "Regional Outlook (kilotons)\nLatin America: 12.5 (2023) -> 40 (2030)\n",
        "Plant Capacity (USD Million)\nAcme Plant: 12.5 (2023) -> 40 (2030)\n",
    ],
)
def test_labelled_lines_that_are_not_market_sizes(body: str) -> None:
    _, f = run(body, "text/plain", market="Lithium Titanate Anode", base_year=2023)
    assert f.market_sizes == []


def test_the_product_across_all_its_uses_is_a_broader_market() -> None:
    meta = {"market": "Pitch Binder for Sodium-ion Battery Anode", "base_year": 2024}
    _, f = run(
        "<p>The global pitch binder for sodium-ion battery anode market was USD 84 million in 2024. "
        "Across all applications the pitch binder industry was worth USD 2.6 billion in 2024. "
        "The overall pitch binder market reached USD 2.7 billion in 2024.</p>",
        **meta,
    )
    assert sizes(f) == {("Global", None, 2024, Decimal("84"), "actual")}
    # a report whose market has no downstream use: "overall" is its own market
    _, g = run("<p>The overall pitch binder market reached USD 2.7 billion in 2024.</p>", market="Pitch Binder")
    assert {x.value_usd_million for x in g.market_sizes} == {Decimal("2700")}


def test_a_shorter_segment_name_takes_the_listed_label() -> None:
    segs = [seg("type", "High Purity (>99.9%)"), seg("type", "Flake Graphite Powder"), seg("type", "Spherical")]
    f = run_with(
        "<p>The high purity segment was valued at USD 410 million in 2024. "
        "The flake segment held 38% of revenue in 2024.</p>",
        segs,
        market="Graphite Powder for Anodes",
        base_year=2024,
    )
    assert {(x.segment, x.value_usd_million) for x in f.market_sizes} == {("High Purity (>99.9%)", Decimal("410"))}
    assert {(x.holder, x.share_percent) for x in f.shares} == {("Flake Graphite Powder", Decimal("38"))}


def test_a_segment_name_matching_no_single_listed_label_is_kept() -> None:
    segs = [seg("type", "Coated Flake"), seg("type", "Uncoated Flake")]
    f = run_with(
        "<p>The pellet segment was valued at USD 90 million in 2024.</p>",
        segs,
        market="Graphite Powder for Anodes",
        base_year=2024,
    )
    assert {x.segment for x in f.market_sizes} == {"pellet"}


def test_the_later_of_two_joined_clauses_governs_its_figure() -> None:
    meta = {"market": "Lithium Titanate Anode", "base_year": 2024}
    _, f = run(
        "<p>The Japan lithium titanate anode market was valued at USD 210 million in 2024, and Germany is "
        "set to post the fastest CAGR of 12.5% from 2025 to 2032.</p>"
        "<p>The lithium titanate anode market in Europe will grow at a CAGR of 9.0% to 2032, with the France "
        "market alone expected to reach USD 95 million by 2032.</p>",
        **meta,
    )
    assert {(x.scope, x.value_usd_million) for x in f.market_sizes} == {
        ("Japan", Decimal("210")),
        ("France", Decimal("95")),
    }
    assert {(x.scope, x.cagr_percent) for x in f.growth_rates} == {
        ("Germany", Decimal("12.5")),
        ("Europe", Decimal("9.0")),
    }


def test_a_place_in_a_prepositional_phrase_is_no_later_subject() -> None:
    _, f = run(
        "<p>The Japan lithium titanate anode market was valued at USD 210 million in 2024, and demand from "
        "Germany added USD 40 million in 2024.</p>",
        market="Lithium Titanate Anode",
        base_year=2024,
    )
    assert ("Germany", Decimal("40")) not in {(x.scope, x.value_usd_million) for x in f.market_sizes}
