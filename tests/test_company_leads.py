"""Company readers for lead-ins and cues found in sets 11-12's genres: a players list announced at the end of
a prose paragraph, a passive "is led by" enumeration. Invented text only, each with a negative."""

from __future__ import annotations

from kg.extract.companies import extract_companies
from kg.extract.sections import outline
from kg.ingest.text import render_text
from kg.models import TextDocument


def _countries(doc: TextDocument) -> dict[str, str | None]:
    return {m.name: m.country for m in extract_companies(doc, outline(doc))}


def test_paragraph_ending_in_a_players_lead_in_opens_the_list_below() -> None:
    body = ("<h2>Section 9: Rivals</h2><p>Margins fell in 2024 for most firms. The study covers the following "
            "producers:</p><ul><li>Harrowgate Binders Ltd. (United Kingdom)</li><li>Velmora Polymers "
            "(Italy)</li><li>Osaki Resin Corporation (Japan)</li></ul><h2>Methodology</h2><ul>"
            "<li>Quarterly Survey Panel</li><li>Expert Interview Program</li></ul>")
    assert _countries(render_text(body, "text/html")) == {
        "Harrowgate Binders Ltd.": "GB", "Velmora Polymers": "IT", "Osaki Resin Corporation": "JP",
    }


def test_paragraph_ending_in_another_lead_in_opens_no_list() -> None:
    body = ("<h2>Section 9: Scope</h2><p>Margins fell in 2024. The study covers the following "
            "binder chemistries:</p><ul><li>Velmora Polymers</li><li>Osaki Resin Blends</li></ul>")
    assert _countries(render_text(body, "text/html")) == {}


def test_boilerplate_chapter_heading_ends_a_list_opened_by_a_lead_in() -> None:
    text = ("## Chapter 8: Competitors\n\nPrices fell. The report profiles the following companies:\n\n"
            "- Harrowgate Binders Ltd. (United Kingdom)\n- Velmora Polymers (Italy)\n\n"
            "## Chapter 9: Market Dynamics\n\n- Brightwater Cells\n- Faster Charging Demand\n")
    assert _countries(render_text(text, "text/markdown")) == {
        "Harrowgate Binders Ltd.": "GB", "Velmora Polymers": "IT",
    }


def test_segment_led_by_an_enumeration_of_players() -> None:
    text = ("The toll-processing segment is led by Marrowfield Carbon Inc. (United States), Ostvik Anoder AS "
            "(Norway) and Qinhe Baking Co., Ltd. (China). Growth is led by Electric Vehicles and Grid Storage.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Marrowfield Carbon Inc.": "US", "Ostvik Anoder AS": "NO", "Qinhe Baking Co., Ltd.": "CN",
    }


def test_led_by_after_no_market_subject_names_no_player() -> None:
    text = ("Demand is led by Brightwater Motors and Kelso Cells. The segment is led by Electric Vehicles "
            "and Grid Storage.\n")
    assert _countries(render_text(text, "text/plain")) == {}


def test_role_sentence_states_the_country_of_names_found_elsewhere() -> None:
    text = ("Companies profiled: Marrowfield Coke Inc., Tazawa Pitch Co., Ltd., Ostvik Carbon and Lindqvist "
            "Koks.\n\nMarrowfield Coke and Ostvik Carbon are the two largest oil-based producers in the U.S., "
            "while Tazawa Pitch and Lindqvist Koks are the main Japanese suppliers.\n")
    found = _countries(render_text(text, "text/plain"))
    assert {n: c for n, c in found.items() if c} == {
        "Marrowfield Coke": "US", "Ostvik Carbon": "US", "Tazawa Pitch": "JP", "Lindqvist Koks": "JP",
    }


def test_role_sentence_without_a_player_noun_or_with_two_countries_states_none() -> None:
    text = ("Companies profiled: Marrowfield Coke Inc., Ostvik Carbon and Lindqvist Koks.\n\nMarrowfield Coke "
            "and Ostvik Carbon are the two largest buyers in the U.S., while Lindqvist Koks is the main "
            "Japanese customer. Ostvik Carbon is the largest producer in Japan and Korea.\n")
    found = _countries(render_text(text, "text/plain"))
    assert "Ostvik Carbon" in found and set(found.values()) == {None}


def test_apposition_naming_a_producer_makes_the_object_a_player_with_its_country() -> None:
    text = ("Outside Asia we watch Ketterby Grafit, the Danish producer whose kiln opened in May.\n\n"
            "Demand held up in Brazil. Alabama-based Corrow Flake Inc. ships graphite.\n")
    assert _countries(render_text(text, "text/plain")) == {"Ketterby Grafit": "DK", "Corrow Flake Inc.": "US"}


def test_apposition_naming_a_customer_or_after_with_makes_no_player() -> None:
    text = ("The plant supplies Brannock Motors, the largest battery maker in Europe. The start-up signed "
            "with Ketterby Grafit, the Danish producer.\n")
    assert _countries(render_text(text, "text/plain")) == {}


def test_ranking_after_a_players_sentence_with_locatives_for_each_run() -> None:
    text = ("The study profiles 14 companies. The largest by tonnage are Quorra Carbon, Lintel Grafit and "
            "Sabeki Anode in China, followed by Daehan Carbonix in Korea and Morioka Kasei (formerly Morioka "
            "Coke) and Tenjin Pitch in Japan.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Quorra Carbon": "CN", "Lintel Grafit": "CN", "Sabeki Anode": "CN", "Daehan Carbonix": "KR",
        "Morioka Kasei": "JP", "Tenjin Pitch": "JP",
    }


def test_ranking_without_a_players_sentence_names_nobody() -> None:
    text = ("The study covers 14 countries. The largest by tonnage are Quorra Valley, Lintel Heights and "
            "Sabeki Plains in China.\n")
    assert _countries(render_text(text, "text/plain")) == {}


def test_among_a_players_noun_phrase_we_cover_names() -> None:
    text = ("Among coating specialists we cover Quorra Carbon, Lintel Grafit and Sabeki Anode; among "
            "new Western producers, Daehan Carbonix and Tenjin Pitch. Among battery makers we cover "
            "Brightwater Cells and Kelso Power.\n")
    assert set(_countries(render_text(text, "text/plain"))) == {
        "Quorra Carbon", "Lintel Grafit", "Sabeki Anode", "Daehan Carbonix", "Tenjin Pitch",
    }


def test_labelled_deck_lines_under_a_competition_slide() -> None:
    text = ("# Deck\n\n## Competitive landscape\n\n- Quorra Carbon (China) leads with about 20%\n"
            "- Followed by Lintel Grafit (Japan), Sabeki Anode (China) and Daehan Carbonix (South Korea)\n"
            "- Challengers: Tenjin Pitch (USA), Morioka Kasei (UK)\n"
            "- Customers: Brightwater Cells (USA), Kelso Power (Germany)\n")
    found = _countries(render_text(text, "text/markdown"))
    assert {n: c for n, c in found.items() if n != "Quorra Carbon"} == {
        "Lintel Grafit": "JP", "Sabeki Anode": "CN", "Daehan Carbonix": "KR", "Tenjin Pitch": "US",
        "Morioka Kasei": "GB",
    }


def test_abbreviation_of_a_product_term_is_no_company() -> None:
    text = ("# Deck\n\nBy type: Silicon-Graphite (Si-G); Natural Graphite (NG)\n\nKey players: Quorra Carbon (China), "
            "Lintel Grafit (Japan)\n\nSi-G held 49% of 2024 revenue. Sabeki Anode (SBA) held 12% of 2024 "
            "revenue, and Sabeki Anode (SBA) is a major producer.\n")
    found = _countries(render_text(text, "text/markdown"))
    assert "Si-G" not in found and "Quorra Carbon" in found and "Sabeki Anode" in found


def test_a_places_possessive_is_no_company() -> None:
    text = ("Key players include Quorra Carbon and Lintel Grafit.\n\nChina's lead rests on upstream supply. "
            "Asia Pacific's share held 70% of revenue. Quorra Carbon's share held 21% of revenue.\n")
    found = _countries(render_text(text, "text/plain"))
    assert "China's" not in found and "Asia Pacific's" not in found and "Quorra Carbon" in found
