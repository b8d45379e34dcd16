"""Money amounts: every written form of the genre, ranges, prices, stated exchange rates, robustness."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.money import (
    exchange_rate_spans,
    find_exchange_rates,
    find_money,
    parse_money,
    usd_equivalents,
    usd_million,
)


@pytest.mark.parametrize(
    ("text", "currency", "million"),
    [
        ("USD 4,700 million", "USD", "4700"),
        ("US$ 5.4 billion", "USD", "5400"),
        ("US$18.6bn", "USD", "18600"),
        ("USD 2.86 billion", "USD", "2860"),
        ("$ 300 million", "USD", "300"),
        ("$14 bn", "USD", "14000"),
        ("€1.85 bn", "EUR", "1850"),
        ("EUR 1.85 bn", "EUR", "1850"),
        ("£20m", "GBP", "20"),
        ("¥500 billion", "JPY", "500000"),
        ("JPY 3 trillion", "JPY", "3000000"),
        ("RMB 20 billion", "CNY", "20000"),
        ("CNY 5 bn", "CNY", "5000"),
        ("1,210 mn USD", "USD", "1210"),
        ("USD 21.3 thousand million", "USD", "21300"),
        ("USD 4.5 Bn", "USD", "4500"),
        ("USD 1.2 trillion", "USD", "1200000"),
        ("$500K", "USD", "0.5"),
        ("$5 thousand", "USD", "0.005"),
        ("Rs. 500 crore", "INR", "5000"),
        ("INR 20 lakh", "INR", "2"),
        ("€1.234,5 million", "EUR", "1234.5"),
        ("4,700 million US dollars", "USD", "4700"),
        ("US$ 4500 million", "USD", "4500"),
    ],
)
def test_forms(text: str, currency: str, million: str) -> None:
    [m] = find_money(text)
    assert m.as_written == text
    assert m.currency == currency
    assert m.value_million == Decimal(million)
    assert m.plausible and m.per_unit is None


def test_offsets_and_hedge_in_a_sentence() -> None:
    text = "The market was valued at approximately USD 4,700 million in 2023."
    [m] = find_money(text)
    assert text[m.start : m.end] == "USD 4,700 million"
    assert m.approximate


def test_counts_are_not_money() -> None:
    assert find_money("global primary aluminum production reaching 69 million metric tons in 2023") == []
    assert find_money("over 30 countries, 2024 and 2032, 160-200 Wh/kg") == []


def test_price_range_is_per_unit() -> None:
    found = find_money("Prices fluctuated between $200 and $400 per ton in 2023.")
    assert [m.per_unit for m in found] == ["ton", "ton"]


def test_range_borrows_scale() -> None:
    a, b = find_money("$2 to $3 billion")
    assert a.value_million == Decimal(2000) and b.value_million == Decimal(3000)
    [r] = find_money("USD 4.5-5.0 billion")
    assert r.value_million == Decimal(4500) and r.high_million == Decimal(5000)


def test_nonsense_is_flagged_or_ignored() -> None:
    [neg] = find_money("USD -5 million")
    assert not neg.plausible
    assert find_money("USD 9e99") == []
    [huge] = find_money("US$99999999999 trillion")
    assert not huge.plausible


def test_parse_money_with_table_currency() -> None:
    assert parse_money("1,210 mn") is None
    m = parse_money("1,210 mn", default_currency="USD")
    assert m is not None and m.value_million == Decimal(1210)
    bare = parse_money("4700", default_currency="USD")
    assert bare is not None and bare.value_million == Decimal(4700)
    assert parse_money("USD 1 and USD 2") is None


def test_stated_rates_convert() -> None:
    text = "The market will reach €1.85 bn by 2030, at an exchange rate of US$1.10 per euro."
    rates = find_exchange_rates(text)
    assert rates == {"EUR": Decimal("1.10")}
    [m] = [x for x in find_money(text) if x.currency == "EUR"]
    assert usd_million(m, rates) == Decimal("2035.0000")
    assert exchange_rate_spans(text)


def test_rate_forms() -> None:
    rates = find_exchange_rates("1 EUR = 1.08 USD. 1 USD = 7.2 CNY. 150 yen per US dollar. £1 = $1.27.")
    assert rates["EUR"] == Decimal("1.08")
    assert rates["GBP"] == Decimal("1.27")
    assert abs(rates["CNY"] - Decimal(1) / Decimal("7.2")) < Decimal("1e-9")
    assert abs(rates["JPY"] - Decimal(1) / Decimal(150)) < Decimal("1e-9")


def test_unconverted_currency_keeps_none() -> None:
    [m] = find_money("EUR 1.85 bn")
    assert usd_million(m, {}) is None
    [u] = find_money("USD 2.86 billion")
    assert usd_million(u, {}) == Decimal("2860.00")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,$€£¥ -–USDEURbnmillionkK%pert\n")), max_size=80))
def test_never_crashes_and_offsets_slice(text: str) -> None:
    for m in find_money(text):
        assert text[m.start : m.end] == m.as_written
    find_exchange_rates(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_unicode(text: str) -> None:
    for m in find_money(text):
        assert text[m.start : m.end] == m.as_written


def test_a_word_before_t_is_no_price_unit() -> None:
    # "$102 million at the ..." is an amount, not a price per "t"
    ms = find_money("about $75 million at the 2024 average rate")
    assert [(m.as_written, m.per_unit) for m in ms] == [("$75 million", None)]
    assert find_money("$410 a tonne")[0].per_unit == "tonne"
    assert find_money("$410/t")[0].per_unit == "t"


def test_usd_equivalents_pair_an_amount_with_its_dollars() -> None:
    text = "worth 3.2 billion yuan ($450 million) in 2024, or €60 million, or about $65 million at $1.08 per euro"
    ms = find_money(text)
    pairs = {ms[i].as_written: eq.as_written for i, eq in usd_equivalents(text, ms).items()}
    assert pairs == {"3.2 billion yuan": "$450 million", "€60 million": "$65 million"}
    # two amounts joined by "and" are two figures, and a dollar amount has no equivalent
    text2 = "EUR 40 million and $30 million; $5 million ($5 million)"
    assert usd_equivalents(text2, find_money(text2)) == {}


def test_unit_bracketed_after_the_number() -> None:
    # "2.45 (USD Billion)": the landing-page style writes currency and scale in brackets after the amount
    [m] = find_money("The widget market stood at 2.45 (USD Billion) in 2023.")
    assert (m.as_written, m.currency, m.value_million) == ("2.45 (USD Billion)", "USD", Decimal("2450.00"))
    [e] = find_money("Sales reached 310 (EUR Mn) last year.")
    assert (e.currency, e.value_million) == ("EUR", Decimal("310"))


@pytest.mark.parametrize(
    "text",
    [
        "Market Size 2023 (USD Million)",  # a year heading over a column
        "CAGR 2024-2031 (USD Billion)",  # a period
        "Table 7 (USD Million)",  # a caption's number
        "Figure 3 (US$ Billion)",
        "Revenue grew 12 (percent) in 2023",  # no currency in the bracket
    ],
)
def test_bracketed_unit_after_a_year_or_caption_number_is_no_amount(text: str) -> None:
    assert find_money(text) == []


def test_mrd_is_a_thousand_million() -> None:
    (m,) = find_money("Sales reached EUR 3,75 Mrd. in 2024")
    assert (m.currency, m.value_million) == ("EUR", Decimal("3750.00"))


def test_decimal_comma_is_decided_per_document() -> None:
    from kg.extract.money import decimal_comma

    assert decimal_comma("Demand grew 4,3 % to USD 5,12 Mrd. in 2024; 2.871,4 in China.")
    assert not decimal_comma("Demand grew 4.3% to USD 5,120 million.")  # English evidence
    assert not decimal_comma("Values of 1,234 and 5,678 were seen.")  # "1,234" alone decides nothing
    assert not decimal_comma("It grew 4,3 % and 5,1 % while the total hit US$ 12.46 bn.")  # mixed: no


def test_parse_money_reads_cells_by_the_documents_convention() -> None:
    cell = parse_money("1.250", default_currency="USD", decimal_comma=True)
    assert cell is not None and cell.value_million == Decimal("1250")
    cell = parse_money("1.250", default_currency="USD")
    assert cell is not None and cell.value_million == Decimal("1.250")
    cell = parse_money("12 020", default_currency="USD")  # space-grouped thousands
    assert cell is not None and cell.value_million == Decimal("12020")
    assert parse_money("12 020") is None  # without a currency it is no amount
    cell = parse_money("EUR 1.105 Mio.", decimal_comma=True)
    assert cell is not None and cell.value_million == Decimal("1105")


def test_a_currency_code_before_a_number_prefixes_it_not_the_year_before() -> None:
    # "for 2030 USD 6,87 Mrd.": the year is no amount in dollars; the code belongs to the number after it
    (m,) = find_money("and for 2030 USD 6,87 Mrd. in the base case")
    assert m.as_written == "USD 6,87 Mrd." and m.value_million == Decimal("6870")
    # negatives: a code after its number, with no number after it, stays a suffix currency
    (m,) = find_money("the cell costs 300 USD in 2024")
    assert m.as_written == "300 USD"
    (m,) = find_money("about 45 euros, 20 of which")
    assert m.currency == "EUR" and m.value_million == Decimal("0.000045")


def test_prose_amounts_in_a_decimal_comma_document() -> None:
    text = "Revenue was USD 1,105 Mrd. and EUR 1.105 Mio. were spent; USD 5,31 Mrd. next year."
    assert [m.value_million for m in find_money(text, decimal_comma=True)] == [
        Decimal("1105.000"),
        Decimal("1105"),
        Decimal("5310.00"),
    ]
    # negative: the English reading stays the default
    assert [m.value_million for m in find_money(text)][:2] == [Decimal("1105000"), Decimal("1.105")]
