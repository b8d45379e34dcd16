"""Property-based tests (hypothesis) for the parsers and the text rendition, on inputs built from grammars.

tests/test_money.py, test_rates.py and test_ingest_text.py already fuzz with character soups; these build
*plausible* inputs (money-like and rate-like phrases, nested HTML with hostile attributes, markdown
documents, whole report-like documents), where the interesting bugs live: offsets that slice the wrong
text, nonsense flagged as plausible, markup leaking into the text, quotes that are not their slice.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract.document import check_evidence, extract_document
from kg.extract.money import _MAX_PLAUSIBLE, find_money, parse_money
from kg.extract.rates import find_cagr, find_period, find_shares
from kg.extract.sentences import split_sentences
from kg.ingest.text import render_text
from tests.test_ingest_text import check_invariants

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def phrase(pieces: list[str], max_size: int = 25) -> st.SearchStrategy[str]:
    """Text made of ``pieces`` (and a little random text) joined by spaces or nothing."""
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=4))
    sep = st.sampled_from(["", " ", " ", "\n", ", ", ". "])
    return st.lists(st.tuples(piece, sep), max_size=max_size).map(lambda xs: "".join(a + b for a, b in xs))


NUMBERS = ["4,700", "5.4", "1.234,5", "1,5", "0", "-5", "−3", "9e99", "999,999,999", "18.6", "300", "2",
           "12,345,678.90", "007", "1.", ".5", "4.5-5.0", "2 to 3", "200 and 400"]
MONEY = [*NUMBERS, "USD", "US$", "US $", "$", "€", "£", "¥", "RMB ¥", "Rs.", "EUR", "usd", "dollars",
         "euros", "million", "mn", "bn", "billion", "trillion", "thousand million", "crore", "lakh", "k",
         "per ton", "/kg", "approximately", "over", "between", "and", "to", "in 2024", "by 2032",
         "1 USD = 7.1 CNY", "at an exchange rate of"]


@SETTINGS
@given(phrase(MONEY))
def test_find_money_offsets_and_plausibility(text: str) -> None:
    prev_start = -1
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.as_written == m.as_written.strip()
        assert m.start >= prev_start
        prev_start = m.start
        if m.plausible:
            assert Decimal(0) < m.value_million <= _MAX_PLAUSIBLE
        if m.value_million <= 0:
            assert not m.plausible
        if m.high_million is not None:
            assert m.high_million >= m.value_million
        again = parse_money(m.as_written)
        assert again is None or again.as_written.strip() != ""


RATES = [*NUMBERS, "%", " percent", "CAGR", "CAGRs", "compound annual growth rate", "(CAGR)", "of", "at",
         "a", "900", "100", "-75", "6.30", "from 2025 to 2032", "(2024-2030)", "2025–2032", "through 2030",
         "during the forecast period", "in the next six years", "over the next decade", "accounts for",
         "market share", "of the global market", "holds", "revenue", "by 25%", "15-20%", "Global", "(Global):"]


@SETTINGS
@given(phrase(RATES))
def test_find_cagr_offsets_flags_and_periods(text: str) -> None:
    for c in find_cagr(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.as_written
        assert c.plausible == (Decimal(-50) < c.percent < Decimal(100))
        p = c.period
        for year in (p.start_year, p.end_year):
            assert year is None or 1900 <= year <= 2099
        if p.relative_years is not None:
            assert 0 < p.relative_years <= 99


@SETTINGS
@given(phrase(RATES))
def test_find_shares_offsets(text: str) -> None:
    for s in find_shares(text):
        assert text[s.start : s.end] == s.as_written
        assert 0 <= s.basis_start <= s.basis_end <= len(text)
        assert text[s.basis_start : s.basis_end].strip() != "" or s.basis
        if s.plausible:
            assert Decimal(0) <= s.percent <= Decimal(100)


@SETTINGS
@given(phrase(RATES))
def test_find_period_never_crashes(text: str) -> None:
    p = find_period(text)
    if p.start_year is not None and p.end_year is not None:
        assert p.start_year <= p.end_year or p.end_year < 100 or p.start_year > 1900


SENTENCE_BITS = ["U.S.", "Co., Ltd.", "Inc.", "etc.", "e.g.", "N. America", "1. Electric", "4.62 billion",
                 "The market", "grew", ".", "!", "?", "\n", "  ", "\"Quoted.\"", "(see above.)", "2024.",
                 "A", "b", "Mr.", "No. 1", "vs.", "…", "—", "➤ Asia"]


@SETTINGS
@given(phrase(SENTENCE_BITS, 40), st.data())
def test_split_sentences_slices_in_order(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    prev = start
    for s in split_sentences(text, start, end):
        assert prev <= s.start < s.end <= end
        assert text[s.start : s.end] == s.text == s.text.strip()
        assert "\n" not in s.text
        prev = s.end


# ------------------------------------------------------------------ the text rendition, from a grammar

LEAK = "LEAKMARKER"
TAGS = ["div", "p", "span", "b", "strong", "em", "a", "li", "ul", "ol", "h1", "h2", "h3", "table", "tr",
        "td", "th", "thead", "tbody", "blockquote", "section", "center", "font", "br", "sup"]
ATTRS = ["", " class='x'", " style='text-align:center'", " align=center", " onclick=\"alert(1)\"",
         " href=\"javascript:alert(1)\"", " title='<script>'", " data-x=\"&quot;&lt;\""]
WORDS = ["The global", "anode market", "was valued at", "USD 4,700 million", "in 2023.", "CAGR of 6.3%",
         "Shanshan", "&amp;", "&nbsp;", "&lt;b&gt;", "\n", "\n\n", "   ", "Asia", "➤", "é", "\u200b", "—"]
DROPPED = [f"<script>var {LEAK}=1;</script>", f"<style>.{LEAK}{{}}</style>", f"<!-- {LEAK} -->",
           f"<img src=x alt='{LEAK}' onerror=\"alert('{LEAK}')\">", f"<noscript>{LEAK}</noscript>",
           f"<template>{LEAK}</template>", f"<svg><text>{LEAK}</text></svg>"]

html_tree = st.recursive(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(DROPPED), st.text(max_size=6)),
    lambda children: st.builds(
        lambda tag, attr, kids: f"<{tag}{attr}>{''.join(kids)}</{tag}>",
        st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=4),
    ),
    max_leaves=30,
)


@SETTINGS
@given(st.lists(html_tree, min_size=1, max_size=5).map(lambda xs: "<body>" + "".join(xs) + "</body>"),
       st.booleans())
def test_render_html_grammar(body: str, truncate: bool) -> None:
    if truncate and len(body) > 2:
        body = body[: len(body) * 2 // 3]  # cut anywhere, mid-tag included
    doc = render_text(body, "text/html")
    check_invariants(doc)
    if not truncate:
        assert LEAK not in doc.text
    assert render_text(body, "text/html").text == doc.text


MD_LINES = ["# Title 2025-2032", "## Market Overview", "### Drivers", "- item one", "* item two", "1. first",
            "| Year | Value |", "|---|---|", "| 2024 | USD 5.4 billion |", "**Bold lead:** text", "plain words",
            "    indented code", "```", "> quote", "---", "[link](javascript:alert(1))", f"<script>{LEAK}</script>",
            "<div>raw <b>html</b></div>", "", "The market was valued at USD 4.7 billion in 2023."]


@SETTINGS
@given(st.lists(st.sampled_from(MD_LINES), max_size=30).map("\n".join))
def test_render_markdown_grammar(body: str) -> None:
    doc = render_text(body, "text/markdown")
    check_invariants(doc)
    if "```" not in body:  # inside a code fence "<script>" is code shown as text, rightly kept
        assert LEAK not in doc.text
    # an unsafe "[x](javascript:...)" link is refused by markdown-it and stays literal text: inert


def test_noscript_before_body_is_dropped() -> None:
    assert "Enable" not in render_text("<!doctype html><noscript>Enable JS</noscript><p>y</p>", "text/html").text


# ------------------------------------------------------------------ whole documents through extraction

REPORT_SENTENCES = st.sampled_from([
    "The global {m} market was valued at USD {v} million in {y}.",
    "The {m} market is projected to reach USD {v} billion by {y}, growing at a CAGR of {p}% from {y} to {z}.",
    "North America accounted for {p}% of the {m} market in {y}.",
    "Key players include Shanshan Technology (China), BTR New Material Group (China) and Kuraray Co., Ltd.",
    "The {m} market in Europe is expected to register a CAGR of {p}% during the forecast period.",
    "Asia-Pacific held a market share of {p}% in {y}, driven by demand for electric vehicles.",
    "Prices ranged between $200 and $400 per ton in {y}.",
    "The market size was USD -{v} million in 1850.",
    "Drivers: rising demand for sodium-ion batteries.",
])
MARKETS = st.sampled_from(["hard carbon anode", "silicon anode", "needle coke", "graphite anode", "LTO"])


@st.composite
def report(draw: st.DrawFn) -> str:
    market = draw(MARKETS)
    lines = [f"{market.title()} Market Report 2025-2032", ""]
    for template in draw(st.lists(REPORT_SENTENCES, min_size=1, max_size=12)):
        y = draw(st.integers(1990, 2040))
        lines.append(template.format(
            m=market, v=draw(st.sampled_from(["4,700", "5.4", "0", "9e99", "1,234.5", "999,999,999"])),
            p=draw(st.sampled_from(["6.30", "900", "0", "-75", "12", "99.9", "100"])),
            y=y, z=y + draw(st.integers(-3, 10)),
        ))
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report(), st.sampled_from(["text/plain", "text/markdown", "text/html"]))
def test_extract_document_quotes_are_slices_and_figures_are_sane(body: str, media_type: str) -> None:
    if media_type == "text/html":
        body = "".join(f"<p>{line}</p>\n" for line in body.split("\n"))
    doc = render_text(body, media_type)  # type: ignore[arg-type]
    facts = extract_document(doc)
    check_evidence(doc, facts)  # raises on any quote that is not its slice
    for size in facts.market_sizes:
        assert size.value_usd_million is None or 0 < size.value_usd_million < _MAX_PLAUSIBLE
        assert 1900 <= size.year <= 2100
    for rate in facts.growth_rates:
        assert -50 < rate.cagr_percent < 100
    for share in facts.shares:
        assert 0 <= share.share_percent <= 100
