"""kg.ingest.pdf: running headers and footers drawn over body lines, and near but outside the edge band.

A header or footer printed at a fixed place on every page (Chromium prints ``position: fixed`` elements
so, on top of whatever text flows there) can share its height with a heading or a body line. The pages
are written byte by byte (tests/test_ingest_pdf.py's writer, Helvetica; an item's y is its baseline from
the top of a 792 pt page) with invented text; one test prints such a page with Chromium where installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.ingest.read import decode_document
from kg.ingest.text import render
from kg.models import TextDocument
from tests.browser import chromium_available
from tests.test_ingest_pdf import Item, _width, make_pdf, print_pdf, rendition, wrap

BULLET = "\u2022"
FOOTER = "Corvid Analytics | Coated Anode Powder Market | SAMPLE - not for redistribution"
COPYRIGHT = "\u00a9 Corvid Analytics 2024 \u00b7 www.corvid.example \u00b7 Report code CA-0938"
HEADER = "Nordlys Carbon ASA \u00b7 Annual Report 2024"


def _blocks(doc: TextDocument) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def _texts(doc: TextDocument) -> list[str]:
    return [text for _, text in _blocks(doc)]


def _bulleted(y: float, text: str) -> list[Item]:
    return [(72, y, 10, False, BULLET), (84, y, 10, False, text)]


def _sample_report() -> list[list[Item]]:
    """Three pages; a 7.5 pt footer at 11% from the foot of every page (outside a 10% edge band), drawn
    over the "2.3 Opportunities" heading on page 1; a copyright line at 11% from the top of every page,
    drawn over the second list item on page 2 and over the "3. Segment Analysis" heading on page 3."""
    intro, y = wrap("The coated anode powder market was estimated at USD 845.6 million in 2023 and is set to "
                    "rise to USD 1,048.3 million in 2024, growing steadily as cell makers add new lines.",
                    72, 110, 10, 460, 13.5)
    page1: list[Item] = [(72, 70, 20, True, "Coated Anode Powder Market Report"), *intro,
                         (72, y + 20, 13, True, "2.2 Restraints"),
                         *_bulleted(y + 40, "Volume expansion limits practical loadings in long-life cells"),
                         *_bulleted(y + 56, "Deposition routes remain capital-intensive"),
                         (72, 706, 13, True, "2.3 Opportunities")]
    page2: list[Item] = [*_bulleted(64, "Drop-in compatibility with existing electrode lines"),
                         *_bulleted(90, "Consumer electronics upgrades extend run-time"),
                         (72, 120, 13, True, "2.4 Challenges"),
                         *_bulleted(140, "Few suppliers have scaled reactors to kiloton output")]
    body, _ = wrap("The market is analysed across three types of composite powder, and the oldest of them "
                   "accounted for most of the revenue in 2023 while newer blends scale up.", 72, 120, 10, 460,
                   13.5)
    page3: list[Item] = [(72, 90, 13, True, "3. Segment Analysis"), *body]
    pages = [page1, page2, page3]
    for items in pages:
        items.append((60, 88, 7.5, False, COPYRIGHT))
        items.append((50, 705, 7.5, False, FOOTER))
    return pages


def test_footer_drawn_over_a_heading_is_dropped_and_the_heading_is_clean() -> None:
    doc = rendition(make_pdf(_sample_report()))
    texts = _texts(doc)
    assert not any("Corvid" in text or "Report code" in text for text in texts)
    assert ("heading", "2.3 Opportunities") in _blocks(doc)
    assert ("heading", "3. Segment Analysis") in _blocks(doc)
    # the opportunities stay under their own heading, after the restraints, each item whole
    items = [text for kind, text in _blocks(doc) if kind == "list_item"]
    assert items == ["Volume expansion limits practical loadings in long-life cells",
                     "Deposition routes remain capital-intensive",
                     "Drop-in compatibility with existing electrode lines",
                     "Consumer electronics upgrades extend run-time",
                     "Few suppliers have scaled reactors to kiloton output"]
    assert texts.index("2.2 Restraints") < texts.index("2.3 Opportunities") \
        < texts.index("Drop-in compatibility with existing electrode lines") < texts.index("2.4 Challenges")


def _annual_report() -> list[list[Item]]:
    """Three pages; an 8 pt running header on pages 2 and 3 only (page 1 opens with a masthead), on the
    height of a body line on page 2 and of the "Market drivers" heading on page 3."""
    page1: list[Item] = [(51, 60, 12, False, "N O R D L Y S   C A R B O N"),
                         (51, 100, 24, True, "Nordlys Carbon ASA Annual Report 2024")]
    left, _ = wrap("European demand for natural graphite anode material was about USD 310 million in 2024, "
                   "almost all of it imported.", 51, 140, 10.5, 220, 13.5)
    page1 += left
    page2: list[Item] = wrap("China processes more than 90% of the world's natural graphite into anode material "
                             "and remains the price setter, while export licensing has encouraged customers "
                             "elsewhere to qualify a second source.", 51, 62, 10.5, 460, 13.5)[0]
    page3: list[Item] = [(51, 76, 14, True, "Market drivers")]
    for k, (lead, rest) in enumerate([("Regionalisation of supply chains.", "Both acts reward material made "
                                       "elsewhere."), ("Growth in stationary storage.", "Storage cells favour long "
                                       "cycle life.")]):
        page3 += [(51, 104 + 28 * k, 10.5, True, lead),
                  (51 + _width(lead + " ", 10.5, True), 104 + 28 * k, 10.5, False, rest)]
    page3.append((51, 180, 14, True, "Competition"))
    page3 += wrap("Our main competitors in Europe are exporters and, from 2026, a planned plant in the north.",
                  51, 204, 10.5, 460, 13.5)[0]
    for items in (page2, page3):
        items.append((366, 74, 8, False, HEADER))
    return [page1, page2, page3]


def test_header_on_the_height_of_a_heading_on_some_pages_is_dropped() -> None:
    doc = rendition(make_pdf(_annual_report()))
    texts = _texts(doc)
    assert not any("Annual Report 2024" in text and "Nordlys Carbon ASA Annual" not in text for text in texts)
    assert ("heading", "Market drivers") in _blocks(doc)
    assert texts.index("Market drivers") + 1 == next(i for i, t in enumerate(texts)
                                                     if t.startswith("Regionalisation of supply chains."))
    # a paragraph whose second line the header is drawn through reads whole
    assert "China processes more than 90% of the world's natural graphite into anode material and remains the " \
        "price setter, while export licensing has encouraged customers elsewhere to qualify a second source." \
        in texts


def _repeated_pages(n: int, line: Item, on: set[int], *, shift: float = 0.0) -> list[list[Item]]:
    """``n`` pages of body text, with ``line`` (moved down by ``shift`` per page) on the pages in ``on``."""
    pages: list[list[Item]] = []
    for p in range(n):
        body, _ = wrap(f"Page {p + 1} text: producers of synthetic graphite anodes kept adding furnace "
                       f"capacity, and buyers signed {p + 3} new offtake agreements in the period.",
                       72, 300, 10, 460, 13.5)
        x, y, size, bold, text = line
        pages.append(([(x, y + shift * p, size, bold, text)] if p in on else []) + body)
    return pages


@pytest.mark.parametrize(("line", "on", "shift"), [
    ((72, 420, 10, False, "Source: Corvid Analytics estimates and company filings."), {0, 1, 2}, 0.0),
    ((72, 100, 12, True, "Key figures for the period"), {0, 3}, 0.0),
    ((72, 100, 12, True, "Key figures for the period"), {0, 1, 2}, 9.0),
], ids=["same-place-mid-page", "same-place-on-fewer-than-half", "near-the-top-at-another-height-each-page"])
def test_lines_that_are_no_running_header_are_kept(line: Item, on: set[int], shift: float) -> None:
    """Only a line at the same height on at least half of the pages, near the top or bottom edge, goes."""
    doc = rendition(make_pdf(_repeated_pages(5 if len(on) == 2 else 3, line, on, shift=shift)))
    assert _texts(doc).count(line[4]) == len(on)


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium is not installed")
def test_fixed_header_and_footer_printed_over_the_text_are_dropped(tmp_path: Path) -> None:
    """Chromium prints ``position: fixed`` elements on every page where they stand, over the body text."""
    sections = "".join(
        f"<h2>Section {i}: Regional outlook</h2><p>Paragraph {i}: demand for coated anode powder rose as cell "
        "makers in several regions added lines, and producers of precursor coke expanded calcination capacity "
        "to keep up with orders placed by the largest buyers during the year under review.</p>"
        "<ul><li>Buyers sign longer offtake contracts</li><li>Producers add coating lines</li></ul>"
        for i in range(1, 9))
    fixed = ("<div class='hdr'>Zephyr Insight Partners \u00b7 Anode Outlook 2025</div>"
             "<div class='ftr'>Zephyr Insight Partners | Coated Anode Powder Market | not for redistribution</div>")
    html = ("<!doctype html><html><head><meta charset='utf-8'><title>Coated Anode Powder Market</title><style>"
            "body{font-family:sans-serif;font-size:10pt} @page{size:A4;margin:16mm 18mm}"
            ".hdr{position:fixed;top:12mm;right:0;font-size:7.5pt}"
            ".ftr{position:fixed;bottom:12mm;left:0;font-size:7.5pt}</style></head><body>"
            f"{fixed}<h1>Coated Anode Powder Market</h1>{sections}</body></html>")
    data = print_pdf(html, tmp_path)
    source = render(decode_document(html.replace(fixed, "").encode(), source="page.html"))
    text = rendition(data).text
    assert not re.search("Zephyr|redistribution", text)
    assert text == source.text
