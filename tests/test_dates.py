"""The publication date: labelled fields, by-lines and datelines near the title; never a date further down."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import find_published, parse_date
from kg.extract.report import extract_meta
from tests.test_sections import shape

_NAV = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Topics", "Sectors", "Firms", "Submit", "Login"))


@pytest.mark.parametrize(("value", "expected"), [
    ("Feb. 4, 2026", date(2026, 2, 4)),
    ("4-Feb-2026", date(2026, 2, 4)),
    ("2026/02/04", date(2026, 2, 4)),
    ("2026.02.04", date(2026, 2, 4)),
    ("2026.02/04", None),  # mixed separators are no date
    ("2026.13.04", None),
    ("by 2030", None),  # a forecast year is no date
])
def test_parse_date_forms(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_release_time_line_after_the_title_below_a_long_site_header() -> None:
    doc = shape(
        f"<div><a href='/'>NewsLine</a><ul>{_NAV}</ul></div><p>News &gt; Energy &gt; Batteries</p>"
        "<h1>Zinc Foil Anode Market to Reach USD 2 Billion by 2031, Says Fernhill Research</h1>"
        "<h2>Demand from stationary storage lifts the outlook</h2>"
        "<p>News provided by Fernhill Research<br><time datetime='2026-03-03T14:15:00Z'>Mar 3, 2026, 09:15 ET"
        "</time></p><p>The zinc foil anode market was USD 0.9 billion in 2025.</p>",
        "pr.html",
    )
    assert extract_meta(doc).published == date(2026, 3, 3)


def test_published_row_of_a_facts_table() -> None:
    doc = shape(
        "# Zinc Foil Anode Market Report 2026-2032\n\n| Published | 12 March 2026 |\n|---|---|\n"
        "| Pages | 180 |\n\nThe market was USD 5 million in 2025.\n",
        "t.md",
    )
    assert find_published(doc) == date(2026, 3, 12)


def test_press_release_dateline_with_a_wire_name_in_brackets() -> None:
    doc = shape(
        "Zinc Foil Anode Market to Double by 2031\n\n"
        "AUSTIN, Texas, Feb. 4, 2026 (Newsline Wire) -- The zinc foil anode market was USD 5 million in 2025.\n",
        "pr.txt",
    )
    assert extract_meta(doc).published == date(2026, 2, 4)


def test_date_as_one_part_of_a_masthead() -> None:
    doc = shape(
        "<h1>Zinc Foil Anode Market - Analysis and Forecast, 2026-2031</h1>"
        "<p>Study no. ZF-041 \u00b7 2 April 2026 \u00b7 120 pages \u00b7 Language: English</p>"
        "<p>The market was USD 5 million in 2025.</p>",
        "m.html",
    )
    assert extract_meta(doc).published == date(2026, 4, 2)


def test_date_label_joined_to_a_masthead_line() -> None:
    from kg.ingest.text import render_text

    body = "HARBOR LANE ADVISORY | NOTE\nDate: 2024-03-09\nAnalysts: J. Doe\n\nZinc Foil Anode Market, 2024-2030\n"
    doc = render_text(body, "text/markdown", "n.txt")
    assert extract_meta(doc).published == date(2024, 3, 9)


def test_no_publication_date_from_other_dates() -> None:
    from kg.ingest.text import render_text

    # "Start Date:" is another field's label, joined to the line before it
    doc = render_text("Zinc Foil Anode Market Study 2024-2030\nProject Start Date: 2024-03-09\n", "text/markdown",
                      "s.txt")
    assert extract_meta(doc).published is None
    # a dated "related reports" list far below the title, and forecast years, are not the publication date
    body = "<h1>Zinc Foil Anode Market Report 2026-2031</h1>" + "".join(
        f"<p>Paragraph {i}: the market grows to USD {i} million by 2031.</p>" for i in range(12)
    ) + "<h3>Related reports</h3><p>Tin Anode Market \u00b7 5 May 2025 \u00b7 110 pages</p><p>12 January 2025</p>"
    assert extract_meta(shape(body, "r.html")).published is None


def _joined(body: str, name: str):  # type: ignore[no-untyped-def]
    """A plain-text file the reader took for markdown: its opening lines join into one paragraph."""
    from kg.ingest.text import render_text

    return render_text(body, "text/markdown", name)


def test_email_date_header_issued_label_and_joined_byline_date() -> None:
    # an e-mail digest: its RFC 5322 "Date:" header, joined to the "To:" line before it
    doc = _joined("From: Anode Weekly <news@anodeweekly.example>\nTo: readers@anodeweekly.example\n"
                  "Date: Wed, 4 Mar 2026 06:00:00 +0000\nSubject: Zinc foil anode report\n\n"
                  "Zinc Foil Anode Market Report 2026-2031\n\nThe market was USD 5 million in 2025.\n", "e.txt")
    assert extract_meta(doc).published == date(2026, 3, 4)
    # "Issued 15 July 2025" in an association's joined masthead
    doc = _joined("NORDIC ANODE MATERIALS COUNCIL\nBulletin No. 2026-04          Issued 9 April 2026\n\n"
                  "ZINC FOIL ANODE MATERIALS -- 2025 RESULTS AND OUTLOOK TO 2030\n", "i.txt")
    assert extract_meta(doc).published == date(2026, 4, 9)
    # a by-line "Firm | date" the rendition joined to an ALL-CAPS notice line after it
    doc = _joined("Zinc Foil Anode Market\nBoard briefing | Outlook 2026-2031\nAcme Partners | 3 June 2026\n"
                  "INTERNAL - for the board only\n", "d.txt")
    assert extract_meta(doc).published == date(2026, 6, 3)


def test_no_date_from_an_unlabelled_issued_phrase_or_a_non_header_date() -> None:
    # lower-case "issued" in prose and a "Date:" without the weekday form far from a header are no label
    doc = _joined("Zinc Foil Anode Market Report 2026-2031\n\nThe bonds were issued 9 April 2019 by the "
                  "state.\n", "n.txt")
    assert extract_meta(doc).published is None
    # a by-line date followed by a sentence-case line is not cut out of it
    doc = _joined("Zinc Foil Anode Market\nAcme Partners | 3 June 2026 revised figures follow in the "
                  "annex of this note\n", "r.txt")
    assert extract_meta(doc).published is None


def test_issue_date_row_with_a_dotted_year_first_date() -> None:
    doc = shape(
        "<h1>Zinc Foil Anode Market Report (2026~2033)</h1><table><tr><td>Publisher</td><td>Acme</td></tr>"
        "<tr><td>Issue date</td><td>2026.03.09</td></tr></table><p>The market was USD 5 million in 2025.</p>",
        "k.html",
    )
    assert extract_meta(doc).published == date(2026, 3, 9)


def test_a_write_up_dated_after_its_kind_near_the_title() -> None:
    doc = _joined("Zinc Foil Anode Market Outlook 2026-2031: Panel Notes\n\nAnode Forum 2026, Oslo\n"
                  "Speaker: J. Doe, Acme Research\nSecretariat's summary, 4 June 2026. Figures are from the "
                  "speaker's slides.\n", "p.txt")
    assert extract_meta(doc).published == date(2026, 6, 4)
    # a date after a place, or after a kind word that does not close the sentence, is no publication date
    doc = _joined("Zinc Foil Anode Market Outlook 2026-2031\n\nAnode Forum, Oslo, 4 June 2026 and 5 June "
                  "2026 were busy.\nSee the summary, 4 June 2026 edition of the programme for details.\n", "q.txt")
    assert extract_meta(doc).published is None


def test_posted_label_in_a_blog_byline() -> None:
    doc = shape(
        "# Tin Foil Anode Market Outlook\n\n_Posted 9 February 2026 \u00b7 Harbor Notes \u00b7 Metals Series_\n\n"
        "The market was USD 40 million in 2025.\n",
        "t.md",
    )
    assert find_published(doc) == date(2026, 2, 9)


def test_posted_far_below_the_title_is_not_the_publication_date() -> None:
    body = "# Tin Foil Anode Market Outlook\n\n" + "".join(f"Paragraph {i} says little.\n\n" for i in range(12))
    doc = shape(body + "Comments: posted 9 February 2026 by a reader.\n", "t.md")
    assert find_published(doc) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("12.05.2025", date(2025, 5, 12)),  # a dotted numeric date is day first
    ("03.11.2024", date(2024, 11, 3)),
    ("05/12/2025", None),  # slashes stay ambiguous
    ("11-MAR-2026", date(2026, 3, 11)),
])
def test_dotted_numeric_dates_read_day_first(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_place_dated_masthead_edition_date_and_weekday_line() -> None:
    doc = shape("Tin Anode Market Brief 2025-2030\n\nBergen, 07.04.2025 | English edition | Ref. X-12\n\n"
                "Tin anodes remain a niche.\n", "t.txt")
    assert find_published(doc) == date(2025, 4, 7)
    doc = shape("<h1>Tin Anode Market Report</h1><p>Edition date: 2026-01-15 \u00b7 Chapter 2 extract</p>", "t.html")
    assert find_published(doc) == date(2026, 1, 15)
    doc = shape("# The Tin Letter, Issue 3\n\nTuesday, 4 March 2025 Subscriber edition. Do not forward this.\n",
                "t.md")
    assert find_published(doc) == date(2025, 3, 4)


def test_question_asked_and_transcript_recorded_dates() -> None:
    doc = shape("<h1>How big is the tin anode market?</h1><p>Asked 9 May 2025 \u00b7 Viewed 210 times</p>", "q.html")
    assert find_published(doc) == date(2025, 5, 9)
    doc = shape("Tin Anode Market Webinar 2025-2030\n\nRecorded 2 June 2025. Transcript edited for clarity.\n",
                "w.txt")
    assert find_published(doc) == date(2025, 6, 2)


def test_no_date_from_a_place_line_or_a_later_weekday() -> None:
    # a place and date in running prose, and a weekday date far below the title, are no publication dates
    body = "<h1>Tin Anode Market Report</h1>" + "".join(
        f"<p>Paragraph {i}: the market grows to USD {i} million by 2031.</p>" for i in range(12)
    ) + "<p>Monday, 3 March 2025 saw a price spike.</p><p>Bergen, 07.04.2025 | plant visit</p>"
    assert find_published(shape(body, "r.html")) is None
    assert find_published(shape("Tin Anode Market Brief\n\nBergen, 07.04.2025 plant visit notes.\n", "t.txt")) is None


def test_edition_label_in_a_masthead_line() -> None:
    doc = shape("# Zinc Foil Anode Market Review 2026-2031\n\nEdition: 3 February 2026 · Report no. ZF-26-2 · Riga\n\n"
                "The market was USD 5 million in 2025.\n", "e.md")
    assert find_published(doc) == date(2026, 2, 3)
    doc = shape("# Zinc Foil Anode Market Review 2026-2031\n\nEdition: second, revised\n\n"
                "The market was USD 5 million in 2025.\n", "f.md")
    assert find_published(doc) is None


def test_closing_sign_off_dates_a_board_report() -> None:
    paras = [f"Paragraph {n} of the board's review of the zinc business.\n\n" for n in range(12)]
    body = "".join(paras)
    signed = "Bergen, 14 April 2026 \u2013 The Board of Directors of Brekka Carbon AS\n"
    doc = shape(f"# Brekka Carbon AS Annual Report 2025\n\n{body}{signed}", "s.md")
    assert find_published(doc) == date(2026, 4, 14)
    # the same line in the middle of the text is no sign-off; a dated news item at the end is none either
    middle = "# Brekka Carbon AS Annual Report 2025\n\n" + "".join(paras[:8]) + signed + "\n" + "".join(paras[8:])
    assert find_published(shape(middle, "m.md")) is None
    news = f"# Brekka Carbon AS Annual Report 2025\n\n{body}Read more: zinc prices rose, 14 April 2026.\n"
    assert find_published(shape(news, "n.md")) is None
