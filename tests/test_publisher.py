"""The research house: a press release's issuer before a newswire's copyright, mastheads, house names."""

from __future__ import annotations

import pytest

from kg.extract.report import find_publisher
from tests.test_sections import shape


def test_press_release_issuer_beats_the_newswire_copyright() -> None:
    doc = shape(
        "<p>NewsLine</p><h1>Zinc Foil Anode Market to Reach USD 2 Billion by 2031</h1>"
        "<p>News provided by Fernhill Research<br>Mar 3, 2026</p><p>The market was USD 0.9 billion in 2025.</p>"
        "<p>&copy; 2026 NewsLine Media, Inc. All Rights Reserved.</p>",
        "pr.html",
    )
    assert find_publisher(doc) == "Fernhill Research"


@pytest.mark.parametrize("issuer_line", [
    "<p><b>About Fernhill Strategy Partners</b><br>Fernhill Strategy Partners is an advisory firm.</p>",
    "<p>SOURCE Fernhill Strategy Partners</p>",
])
def test_about_and_source_lines_name_the_issuer(issuer_line: str) -> None:
    doc = shape(
        "<h1>Zinc Foil Anode Market to Double by 2031</h1><p>The market was USD 0.9 billion in 2025.</p>"
        f"{issuer_line}<p>&copy; 2026 NewsLine Media, Inc.</p>",
        "pr.html",
    )
    assert find_publisher(doc) == "Fernhill Strategy Partners"


def test_about_a_company_that_is_no_research_house_names_no_publisher() -> None:
    doc = shape("<h1>Zinc Foil Anode Market</h1><p>About Zincore Metals</p><p>Zincore makes foil.</p>", "x.html")
    assert find_publisher(doc) is None


def test_list_item_c_is_no_copyright_sign() -> None:
    doc = shape(
        "Zinc Foil Anode Market Report 2026-2031\n\nTRENDS\n  (a) Thinner foils\n  (b) Alloyed foils\n"
        "  (c) Vertical integration by cell makers\n",
        "x.txt",
    )
    assert find_publisher(doc) != "Vertical"
    doc = shape("Zinc Foil Anode Market Report 2026-2031\n\nText.\n\n(c) 2026 Brackenridge Analytics\n", "y.txt")
    assert find_publisher(doc) == "Brackenridge Analytics"


def test_masthead_first_part_names_the_firm_but_a_navigation_bar_does_not() -> None:
    doc = shape(
        "<p>Quarrystone Capital | Equity Research | Battery Materials | 7 May 2026</p>"
        "<h1>Zinc Foil Anode Market Report 2026-2031</h1><p>The market was USD 5 million in 2025.</p>",
        "n.html",
    )
    assert find_publisher(doc) == "Quarrystone Capital"
    doc = shape(
        "<p>Energy Storage | Advanced Materials | Contact Us</p>"
        "<h1>Zinc Foil Anode Market Report 2026-2031</h1><p>The market was USD 5 million in 2025.</p>",
        "nav.html",
    )
    assert find_publisher(doc) is None


def test_all_caps_house_name_is_title_cased_and_a_section_heading_is_no_house() -> None:
    doc = shape("Zinc Foil Anode Market Report 2026-2031\nBRISTLECONE ANALYTICS\n\nThe market grew.\n", "c.txt")
    assert find_publisher(doc) == "Bristlecone Analytics"
    doc = shape("Zinc Foil Anode Market Report 2026-2031\nMARKET INSIGHTS\n\nThe market grew.\n", "d.txt")
    assert find_publisher(doc) is None


def test_the_titles_own_house_word_is_no_publisher() -> None:
    doc = shape("Global Zinc Foil Anode Market Insights, Forecast to 2032\nPinecrest Reports\n\nText.\n", "p.txt")
    assert find_publisher(doc) == "Pinecrest Reports"


def test_mail_sender_that_is_a_house_names_the_publisher_a_person_does_not() -> None:
    head = "To: list@x.example\nSubject: Tin Anode Market Brief - May 2025\n"
    doc = shape("From: Fenwick Metals Intelligence <news@fenwick.example>\n" + head + "\nGood morning.\n", "m.txt")
    assert find_publisher(doc) == "Fenwick Metals Intelligence"
    doc = shape("From: Jane Doe <jane@fenwick.example>\n" + head + "\nGood morning.\n", "m.txt")
    assert find_publisher(doc) is None


def test_masthead_part_that_is_a_house_beats_a_first_part_naming_the_document_kind() -> None:
    doc = shape("<h1>Tin Anode Market Outlook 2026-2031</h1>"
                "<p>Investor Briefing \u00b7 Corrib Analytics \u00b7 Jan. 14, 2026</p><p>Tin is back.</p>", "d.html")
    assert find_publisher(doc) == "Corrib Analytics"
    doc = shape("<h1>Tin Anode Market Outlook 2026-2031</h1>"
                "<p>Corrib Partners \u00b7 Equity Desk \u00b7 Jan. 14, 2026</p><p>Tin is back.</p>", "d.html")
    assert find_publisher(doc) == "Corrib Partners"


def test_house_name_lines() -> None:
    from kg.extract.publisher import house_name

    assert house_name("KESTREL & FINCH ANALYTICS")
    assert house_name("Lodestar Materials Research Ltd.")
    assert not house_name("Market Research")  # generic words: a section heading
    assert not house_name("Tin Anode Market Research Report 2025")
    assert not house_name("Research")
