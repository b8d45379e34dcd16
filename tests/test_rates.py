"""CAGR and share finders: forms, periods, nonsense, robustness."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.rates import Period, find_cagr, find_shares


@pytest.mark.parametrize(
    ("text", "percent", "period"),
    [
        ("grow at a CAGR of 6.30% from 2025 to 2032.", "6.30", Period(2025, 2032)),
        ("registering a 6.30% CAGR between 2024 and 2030.", "6.30", Period(2024, 2030)),
        (
            "a compound annual growth rate (CAGR) of 13.4% during the forecast period (2025–2032).",
            "13.4",
            Period(2025, 2032, True),
        ),
        ("grow at a CAGR of 5.40% through 2032, driven by", "5.40", Period(None, 2032)),
        ("CAGR (Global): 6.30% (2025-2032)", "6.30", Period(2025, 2032)),
        ("exhibiting a CAGR of 15.7% during the forecast period.", "15.7", Period(None, None, True)),
        ("with a 4.2% CAGR in next six years.", "4.2", Period(None, None, False, 6)),
        ("expanding at 8% CAGR over the next 5 years", "8", Period(None, None, False, 5)),
    ],
)
def test_cagr_forms(text: str, percent: str, period: Period) -> None:
    [c] = find_cagr(text)
    assert c.percent == Decimal(percent)
    assert c.period == period
    assert text[c.start : c.end] == c.as_written
    assert c.plausible


def test_cagr_label() -> None:
    [c] = find_cagr("CAGR (North America): 5.40% (2025-2032)")
    assert c.label == "North America"


def test_cagr_nonsense_flagged() -> None:
    [c] = find_cagr("a CAGR of 900%")
    assert not c.plausible
    assert find_cagr("a CAGR of several percent through 2032") == []


@pytest.mark.parametrize(
    ("text", "percent", "basis"),
    [
        ("Asia-Pacific accounted for 42% of revenue in 2024.", "42", "revenue"),
        ("the top five players have a share approximately 42% in terms of revenue.", "42", "revenue"),
        ("China holds 76% market share", "76", "market share"),
        (
            "Power batteries account for 62% of negative coke consumption, with",
            "62",
            "negative coke consumption",
        ),
        ("Storage applications now represent 23% of total consumption.", "23", "total consumption"),
        ("with the top five producers controlling 48% of global capacity.", "48", "global capacity"),
        ("collectively accounted for nearly 30% of global revenue share in 2024", "30", "revenue share"),
    ],
)
def test_share_forms(text: str, percent: str, basis: str) -> None:
    [s] = find_shares(text)
    assert s.percent == Decimal(percent)
    assert s.basis == basis
    assert text[s.start : s.end] == s.as_written


@pytest.mark.parametrize(
    "text",
    [
        "reduce energy consumption by 35-50% compared to batch furnaces",
        "Pilot plants demonstrate 30% lower GHG emissions",
        "a 7% annual increase in the region's market share by 2032",
        "Grid-scale battery installations grew at 68% CAGR from 2020-2023",
        "producers can secure 10-15% share in these areas",
        "raised sourcing costs by 12%",
    ],
)
def test_not_shares(text: str) -> None:
    assert find_shares(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,% -–()CAGRcagr ofsharemkt20\n")), max_size=80))
def test_never_crashes_and_offsets_slice(text: str) -> None:
    for c in find_cagr(text):
        assert text[c.start : c.end] == c.as_written
    for s in find_shares(text):
        assert text[s.start : s.end] == s.as_written


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_unicode(text: str) -> None:
    for c in find_cagr(text):
        assert text[c.start : c.end] == c.as_written
    find_shares(text)


@pytest.mark.parametrize(
    ("text", "percent", "basis"),
    [
        ("Europe’s share of the market was 34% in 2024.", "34", "market"),
        ("China's share of global anode output is about 92%.", "92", "global anode output"),
        ("Japan's market share of the segment stood at nearly 18%.", "18", "segment"),
    ],
)
def test_possessive_share_of_basis_was(text: str, percent: str, basis: str) -> None:
    (m,) = find_shares(text)
    assert (m.percent, m.basis) == (Decimal(percent), basis)
    assert text[m.verb_start :].lower().startswith(("share", "market share"))


def test_growth_rate_label_with_cagr_in_brackets() -> None:
    (m,) = find_cagr("exhibiting a growth rate (CAGR) of 11.2% during 2025-2033.")
    assert (m.percent, m.period.start_year, m.period.end_year) == (Decimal("11.2"), 2025, 2033)


@pytest.mark.parametrize(
    ("text", "percent", "basis"),
    [
        ("China produced 87% of global artificial graphite anode output in 2024.", "87",
         "global artificial graphite anode output"),
        ("Asia Pacific generated 66% of revenue in 2024.", "66", "revenue"),
        ("Power batteries took 71% of the market's value.", "71", "market's value"),
        ("China alone accounted for 38% of 2024 demand for graphitized petroleum coke.", "38", "2024 demand"),
    ],
)
def test_production_and_taking_verbs_and_a_year_before_the_basis(text: str, percent: str, basis: str) -> None:
    [s] = find_shares(text)
    assert (s.percent, s.basis) == (Decimal(percent), basis)
    assert text[s.basis_start : s.basis_end] == basis


def test_rupee_abbreviation_does_not_end_a_sentence() -> None:
    from kg.extract.sentences import split_sentences

    text = "The market is small, at Rs. 1,850 crore (FY2024). It grows."
    assert [s.text for s in split_sentences(text)] == [
        "The market is small, at Rs. 1,850 crore (FY2024).",
        "It grows.",
    ]


# ------------------------------------------------------------------ rates worded without "CAGR"


@pytest.mark.parametrize(
    ("text", "percent", "period"),
    [
        ("Japan is projected to expand at 9.2% per year, the quickest pace in the region.", "9.2", Period()),
        ("India is growing at 14.6% annually through 2030.", "14.6", Period(None, 2030)),
        ("demand there climbing at 7.7% a year over 2026-2032.", "7.7", Period(2026, 2032)),
        ("Mexico will grow 11% a year between 2025 and 2031", "11", Period(2025, 2031)),
        ("rising at an average annual rate of 5.5% from 2024 to 2030", "5.5", Period(2024, 2030)),
    ],
)
def test_annual_growth_rates_are_rates(text: str, percent: str, period: Period) -> None:
    [c] = find_cagr(text)
    assert (c.percent, c.period) == (Decimal(percent), period)
    assert text[c.start : c.end] == c.as_written


@pytest.mark.parametrize(
    "text",
    [
        "Shipments grew 12% year-on-year in 2024.",  # one year's change
        "Output fell 3% a year after 2019.",  # a decline
        "Prices rose by 18% in the second quarter.",  # no per-year wording
        "It holds 40% of the market.",
    ],
)
def test_changes_that_are_not_annual_growth_rates(text: str) -> None:
    assert find_cagr(text) == []


def test_snapshot_line_with_the_period_before_the_rate() -> None:
    [c] = find_cagr("CAGR 2026-2032:    5.5%")
    assert (c.percent, c.period) == (Decimal("5.5"), Period(2026, 2032))
    [d] = find_cagr("CAGR, 2024-2030 .................. 8.1%")
    assert (d.percent, d.period) == (Decimal("8.1"), Period(2024, 2030))


def test_annual_rate_percent_is_not_a_share() -> None:
    assert find_shares("Korea is expected to expand at 9% annually and holds 21% of the market.")[0].percent == 21


def test_supplied_is_a_share_verb() -> None:
    [s] = find_shares("the five largest refiners supplied roughly 64% of deliveries in 2023")
    assert (s.percent, s.basis) == (Decimal("64"), "deliveries")


def test_could_supply_is_a_prospect_not_a_share() -> None:
    assert find_shares("Recovered scrap could supply 15% of feedstock needs by 2031.") == []


# ------------------------------------------------------------------ held-out set 4 forms (own examples)


@pytest.mark.parametrize(
    ("text", "percent", "period"),
    [
        ("sales should reach $2.4bn by 2031 -- about 9.1% p.a. over 2025-2031.", "9.1", Period(2025, 2031)),
        ("Vietnam: the fastest-growing country, 17.5% p.a. to 2032", "17.5", Period(None, 2032)),
        ("Resin grades: 22%, but growing faster at 12.4% annually", "12.4", Period()),
        ("Binder demand should grow at 18.0% a year to 2029E as plants ramp.", "18.0", Period(None, 2029)),
        ("Hybrid grades are the fastest-growing, at an annual growth rate of 9.9 % through 2031.", "9.9",
         Period(None, 2031)),
    ],
)
def test_worded_annual_rates(text: str, percent: str, period: Period) -> None:
    found = find_cagr(text)
    assert [c.percent for c in found] == [Decimal(percent)]
    assert found[0].period == period


@pytest.mark.parametrize(
    "text",
    [
        "The loan carries interest of 6% p.a. and matures in 2030.",  # no horizon after the rate
        "Coke prices fell 4% p.a. to 2024.",  # a fall, not growth
        "Its annual growth rate of 7% in 2023 was a one-off.",  # one year, no horizon
    ],
)
def test_worded_rates_negatives(text: str) -> None:
    assert find_cagr(text) == []


def test_cagr_does_not_reach_past_and_to_another_subjects_rate() -> None:
    found = find_cagr("Japan is projected to expand at a 7.7 % CAGR and Canada at 6.1 % as plants open.")
    assert [c.percent for c in found] == [Decimal("7.7")]


def test_verbless_shares_after_a_label_a_bracket_or_at_line_start() -> None:
    assert [(s.percent, s.basis) for s in find_shares("Resin-based grades: 41% of 2024 revenue")] == [
        (Decimal("41"), "2024 revenue")
    ]
    got = find_shares("Demand splits by use: buses (61% of 2024 volume), rail (22%) and other.")
    assert [(s.percent, s.basis) for s in got] == [(Decimal("61"), "2024 volume")]
    assert [s.percent for s in find_shares("38.5% of 2024 revenue")] == [Decimal("38.5")]
    # a percentage in running text with no verb, label or bracket is no share
    assert find_shares("Yields rose and 15% of the batch was recycled") == []


def test_a_years_forecast_mark_ends_a_sentence() -> None:
    from kg.extract.sentences import split_sentences

    text = "Demand should double by 2030E. Prices stay flat. See N. America below."
    assert [s.text for s in split_sentences(text)] == [
        "Demand should double by 2030E.",
        "Prices stay flat.",
        "See N. America below.",
    ]


def test_present_supply_is_a_share_verb() -> None:
    got = find_shares("The three largest toll processors supply about 31 % of global coke demand.")
    assert [(s.percent, s.basis) for s in got] == [(Decimal("31"), "global coke demand")]


def test_short_line_label_with_tilde_or_equals_opens_a_share() -> None:
    assert [(s.percent, s.basis) for s in find_shares("Vietnam ~12% of global demand (rail)")] == [
        (Decimal("12"), "global demand")
    ]
    assert [s.percent for s in find_shares("Top 4 = 61% of 2024 revenue")] == [Decimal("61")]
    # a clause with a verb before "~" is no label
    assert find_shares("Margins rose and yields ~15% of the batch") == []


def test_incl_is_an_abbreviation() -> None:
    from kg.extract.sentences import split_sentences

    assert len(split_sentences("Oceania (incl. Australia) holds 9% of value. Next.")) == 2


def test_percent_compound_with_a_horizon_is_a_rate() -> None:
    [c] = find_cagr('the analyst called it "about 11.4 percent compound from 2026 onwards".')
    assert c.percent == Decimal("11.4")
    assert c.period == Period(2026, None)


def test_compound_without_a_horizon_is_no_rate() -> None:
    assert find_cagr("The resin offers a 12% compound yield on reinvested coupons.") == []


def test_absorbed_is_a_share_verb() -> None:
    [s] = find_shares("Grid storage absorbed 18% of demand in 2024.")
    assert s.percent == Decimal("18")


def test_per_annum_stop_does_not_end_the_clause() -> None:
    (c,) = find_cagr("sales of EUR 2,1 Mrd., a compound annual growth of 4,4 % p.a. over 2025-2031.")
    assert (c.percent, c.period.start_year, c.period.end_year) == (Decimal("4.4"), 2025, 2031)
    # negative: a full stop before a capital still ends it
    (c,) = find_cagr("a CAGR of 5% p.a. The 2029-2031 plan is separate.")
    assert c.period == Period()


def test_growth_worded_with_an_adverb_or_as_a_growth_rate() -> None:
    (c,) = find_cagr("Oceania grows more slowly, at 3,8 % p.a., as capacity is capped.")
    assert c.percent == Decimal("3.8") and not c.explicit
    (c,) = find_cagr("The implied growth rate is 6.2% a year over 2026-2032.")
    assert (c.percent, c.period.end_year) == (Decimal("6.2"), 2032)
    assert find_cagr("Prices fell sharply, at 3% a year.") == []  # a fall is no growth
    assert find_cagr("The growth rate is 6.2% higher than last year.") == []  # no "a year"


def test_share_with_a_decimal_comma() -> None:
    (sh,) = find_shares("Slotted blocks made up 61,5 % of 2023 revenue.")
    assert sh.percent == Decimal("61.5") and sh.basis == "2023 revenue"
    # three digits after the comma are a thousands group, not a decimal
    assert [x.percent for x in find_shares("Widgets made up 1,500% of nothing.")] == []


def test_share_basis_stops_before_a_time_phrase() -> None:
    (sh,) = find_shares("Coated grades made up almost 83 percent of market value last year.")
    assert sh.basis == "market value"
    (sh,) = find_shares("China controls over 90% of widget processing today.")
    assert sh.basis == "widget processing"
    (sh,) = find_shares("Coated grades made up 60% of last year's market value.")
    assert sh.basis == "last year's market value"


def test_share_of_label_with_a_colon() -> None:
    (sh,) = find_shares("Latin America share of 2022 value: 58.4%")
    assert (sh.percent, sh.basis) == (Decimal("58.4"), "2022 value")
    (sh,) = find_shares("Electric scooters' share of demand by 2032: 38%")
    assert sh.basis == "demand"
    assert find_shares("Latin America value in 2022: 58.4%") == []


def test_ranked_subject_at_a_share() -> None:
    (sh,) = find_shares("Power tools remained the largest application, at 46.3% of 2024 revenue.")
    assert sh.basis == "2024 revenue"
    assert find_shares("The plant is the largest in Europe, at 80% of capacity.") == []
    assert find_shares("The plant ran at 80% of capacity.") == []


def test_processed_and_estimated_at_are_share_verbs() -> None:
    assert [x.basis for x in find_shares("Indonesia processed about 93 percent of the world's widgets in 2024.")] == [
        "world's widgets"
    ]
    assert [x.basis for x in find_shares("Acme alone is estimated at 27% of segment revenue.")] == ["segment revenue"]
    assert find_shares("Growth estimated at 31% in 2025.") == []


def test_rate_of_the_fastest_growing_subject_without_a_grow_verb() -> None:
    (c,) = find_cagr("Vietnam is the fastest-growing country in this forecast, at 19.5% a year over 2026-2031.")
    assert c.percent == Decimal("19.5") and c.period == Period(2026, 2031)
    assert find_cagr("Vietnam is the largest country in this forecast, at 19.5% of output.") == []
