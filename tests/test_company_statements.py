"""Players and their countries stated in prose, lists and tables of shapes the list readers missed: the
issuer of an annual report and the competitors it names, a firm that the text says makes no product, an
adjective made from a name, a country given by a locative or a national legal form, counted lead-ins,
agent-noun column headers. All texts are invented; each rule has a negative the rule must not fire on.
"""

from __future__ import annotations

import pytest

from kg.extract.companies import extract_companies
from kg.extract.company_countries import legal_form_country, locative_country, of_country_head
from kg.extract.names import generic_and_tail, looks_like_company
from kg.extract.sections import outline
from kg.ingest.text import render_text
from kg.models import CompanyMention


def _companies(text: str, media_type: str = "text/plain") -> dict[str, CompanyMention]:
    doc = render_text(text, media_type)
    return {m.name: m for m in extract_companies(doc, outline(doc))}


# ------------------------------------------------------------------ who is not a player


@pytest.mark.parametrize("name", ["Sorvik-affiliated", "Tamberlo-backed", "Quinn-owned"])
def test_participle_adjective_is_no_company(name: str) -> None:
    assert not looks_like_company(name)


@pytest.mark.parametrize("name", ["Rolls-Royce", "Hydro-Québec", "Vantor-Kell Carbon"])
def test_hyphenated_names_stay_companies(name: str) -> None:
    assert looks_like_company(name)


def test_adjective_from_a_name_in_an_enumeration_is_dropped() -> None:
    found = _companies(
        "Producers named in the survey include Pellam Carbon Ltd., Orsino Chemical Corporation and "
        "Bravik-affiliated test lines that we leave out."
    )
    assert "Pellam Carbon Ltd." in found and "Orsino Chemical Corporation" in found
    assert not any("affiliated" in n for n in found)


def test_firm_said_not_to_make_the_product_is_no_player() -> None:
    found = _companies(
        "Suppliers of pitch coke such as Tarnwell Resources Inc. ship to anode plants. "
        "Harlow Petrochemical Corp., which does not make anode material itself, sells precursor oil to "
        "several producers. Coke producer Denmoor Carbon Ltd, based in Norway, competes for the same "
        "buyers and is not a producer of coated graphite."
    )
    assert "Harlow Petrochemical Corp." not in found
    assert "Denmoor Carbon Ltd" not in found


def test_denial_about_another_name_keeps_the_subject() -> None:
    found = _companies(
        "Garrow Carbon Ltd. supplies calcined coke to Pelham Metals Inc., which does not make anodes itself."
    )
    assert "Garrow Carbon Ltd." in found


def test_material_blend_with_a_share_is_a_product() -> None:
    found = _companies(
        "The market is split by type. Nano-Silicon Carbon Composite accounted for 41.2% of revenue in 2024, "
        "while Yarrowby Composites Ltd. holds 12% share of supply."
    )
    assert "Nano-Silicon Carbon Composite" not in found
    assert "Yarrowby Composites Ltd." in found


def test_registry_company_named_in_producer_prose() -> None:
    found = _companies(
        "Gulf producers are adding carbon capacity. Emirates Global Aluminium expanded its anode baking "
        "furnaces last year."
    )
    assert "Emirates Global Aluminium" in found
    assert not _companies("Gulf producers are adding carbon capacity near Jebel Ali this year.")


# ------------------------------------------------------------------ countries


def test_locative_country_after_name() -> None:
    text = (
        "Suppliers include Korvane (formerly Tesk Carbon) in Japan, Pallis Chemical in Japan, and Holt Ltd in "
        "India."
    )
    found = _companies(text)
    assert found["Korvane"].country == "JP"
    assert found["Pallis Chemical"].country == "JP"
    assert found["Holt Ltd"].country == "IN"


@pytest.mark.parametrize("after", [
    " in China and Vietnam, which", " in Europe, which", " in China's east", " in China-based plants",
    " in Japan Tobacco's plant",
])
def test_locative_without_one_country_states_none(after: str) -> None:
    text = "Ardent Carbon" + after
    assert locative_country(text, len("Ardent Carbon")) is None


def test_superlative_apposition_states_country() -> None:
    found = _companies(
        "Merchant supply is growing. Varnhold Carbon Co., Ltd., the largest independent anode producer in "
        "China, keeps adding lines."
    )
    assert found["Varnhold Carbon Co., Ltd."].country == "CN"


def test_of_country_tail_is_cut_from_a_firm_name() -> None:
    assert of_country_head("Quobo Battery Technology of China") == len("Quobo Battery Technology")
    found = _companies("Key suppliers include Quobo Battery Technology of China and Ternwick Carbon Ltd.")
    assert found["Quobo Battery Technology"].country == "CN"


@pytest.mark.parametrize("name", ["Commercial Bank of China", "Carbon Corporation of Japan", "Bank of Nowhere"])
def test_of_country_tail_kept_in_institution_names(name: str) -> None:
    assert of_country_head(name) is None


def test_national_legal_form_states_country() -> None:
    name = "Fjellmark Graphite ASA"
    assert legal_form_country(name) == ("NO", (len(name) - 3, len(name)))
    assert legal_form_country("Kallio Carbon Oyj") is not None
    for name in ("Brenner Kohle GmbH", "Halden Carbon A/S", "Ostara Pty Ltd", "ASA"):
        assert legal_form_country(name) is None


def test_stated_country_beats_legal_form() -> None:
    found = _companies("Key players include Fjellmark Graphite ASA (Sweden) and Orrin Carbon Inc.")
    assert found["Fjellmark Graphite ASA"].country == "SE"


# ------------------------------------------------------------------ an annual report's own company


def test_annual_report_issuer_and_its_competitors() -> None:
    text = (
        "Fjellmark Graphite ASA Annual Report 2024\n\n"
        "Segment review\n\n"
        "Fjellmark became a battery materials company this year. Fjellmark's sales grew strongly.\n\n"
        "Our main competitors in Europe are Asian exporters and, from 2027, Harnow Group's planned anode "
        "plant in Varberg.\n"
    )
    found = _companies(text)
    assert found["Fjellmark Graphite ASA"].country == "NO"
    assert "Fjellmark" in found  # the short form the report uses for itself
    assert "Harnow Group" in found
    assert "Varberg" not in found and "Asian" not in found


def test_cited_annual_report_names_no_issuer() -> None:
    text = "Source: Harnow Group Annual Report 2023, company filings.\n\nThe market grew 9% in 2024.\n"
    assert _companies(text) == {}


def test_annual_report_title_without_a_firm_names_nobody() -> None:
    assert _companies("Annual Report 2024\n\nThe segment grew. Our customers are cell makers.\n") == {}


# ------------------------------------------------------------------ lists and tables


def test_activity_word_after_and_continues_a_registered_name() -> None:
    text = "Qinmao Carbon Science and Trading Co., Ltd."
    pos = text.index(" and ")
    assert generic_and_tail(text, pos, len(text)) == len(text)
    assert generic_and_tail("Halden Carbon and Brix Trading Co.", len("Halden Carbon"), 34) is None


def test_name_with_trading_tail_keeps_its_list() -> None:
    found = _companies(
        "Key Players\n\nQinmao Carbon Science and Trading Co., Ltd. (China)\nOrrin Anode Materials Inc. (USA)\n"
        "Brauer Kohle GmbH (Germany)\n\nOutlook\nThe market grows.\n"
    )
    assert found["Qinmao Carbon Science and Trading Co., Ltd."].country == "CN"
    assert {"Orrin Anode Materials Inc.", "Brauer Kohle GmbH"} <= set(found)


def test_counted_lead_in_opens_a_list() -> None:
    base = (
        "Competitive landscape\n\nWe look at three {} here:\n- Lorvane Carbon\n- Tessby Electrode Works\n\n"
        "Outlook\nIt grows.\n"
    )
    assert set(_companies(base.format("paste makers"))) == {"Lorvane Carbon", "Tessby Electrode Works"}
    assert _companies(base.format("cell makers")) == {}


def test_agent_noun_column_header_reads_players_but_not_customers() -> None:
    table = (
        "| {} | Country | Capacity (kt) |\n|---|---|---|\n| Orvetto Coke | Italy | 120 |\n"
        "| Halbrand Calcining | Canada | 80 |\n"
    )
    found = _companies("# Supply\n\n" + table.format("Calciner"), "text/markdown")
    assert found["Orvetto Coke"].country == "IT" and "Halbrand Calcining" in found
    assert _companies("# Demand\n\n" + table.format("Cell maker"), "text/markdown") == {}


def test_name_opening_a_new_clause_after_an_object_list() -> None:
    found = _companies(
        "Our coke goes to the plants at Varno and Tesk, and Morvik Aluminium Ltd (MAL) commissioned new anode "
        "baking capacity."
    )
    assert set(found) == {"Morvik Aluminium Ltd"}
    # no verb after the last name: the whole list is the object of "goes to"
    assert _companies("Our coke goes to the plants run by Varno Ltd, Tesk Inc., and Morvik Aluminium Ltd.") == {}
