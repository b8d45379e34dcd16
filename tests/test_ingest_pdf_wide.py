"""kg.ingest.pdf: letter-spaced mastheads, pages with wide tables, tables under and above two text columns,
bold run-in titles that wrap.

Every page is written byte by byte (tests/test_ingest_pdf.py's writer, Helvetica) with invented text, each
rule beside its negative.
"""

from __future__ import annotations

from kg.models import TextDocument
from tests.test_ingest_pdf import Item, _width, make_pdf, rendition, wrap

BODY = ("Binder makers in the region shipped more carboxymethyl cellulose to cell plants this year, and the "
        "coating lines of two new anode plants started trial runs before the summer break.")


def _blocks(doc: TextDocument) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def _tables(doc: TextDocument) -> list[list[str]]:
    return [doc.text[b.start:b.end].split("\n") for b in doc.blocks if b.kind == "table"]


def _spaced(text: str, x: float, y: float, size: float, tracking: float, kern: dict[int, float]) -> list[Item]:
    """``text`` drawn glyph by glyph ``tracking`` points apart (a space is a space glyph), with the extra gap
    ``kern[i]`` after glyph ``i``: how a masthead with letter spacing is set."""
    items: list[Item] = []
    for i, ch in enumerate(text):
        items.append((x, y, size, False, ch))
        x += _width(ch, size) + tracking + kern.get(i, 0.0)
    return items


def test_letter_spaced_capitals_read_as_words() -> None:
    """Letters 0.8 pt apart with one pair kerned a little wider are one word; space glyphs still part words."""
    masthead = _spaced("TELLBRIDGE CARBON SERIES", 50, 50, 10, 0.8, {3: 0.5})  # L|L a little wider
    body, _ = wrap(BODY, 50, 90, 10, 450, 13)
    doc = rendition(make_pdf([masthead + body]))
    assert doc.text.split("\n")[0] == "TELLBRIDGE CARBON SERIES"


def test_single_letters_a_word_space_apart_stay_apart() -> None:
    """Without space glyphs, gaps as wide as a word space between every letter are word spaces, not tracking."""
    items: list[Item] = []
    x = 50.0
    for ch in "QXZVW":
        items.append((x, 50, 10, False, ch))
        x += _width(ch, 10) + 2.8
    body, _ = wrap(BODY, 50, 90, 10, 450, 13)
    doc = rendition(make_pdf([items + body], words=True))
    assert doc.text.split("\n")[0] == "Q X Z V W"


def _wide_table(y: float) -> list[Item]:
    """Nine columns reaching x=560, far right of the body text (which ends near x=400)."""
    rows = [("Region", "2019", "2021", "2023", "2024", "2025", "2027", "2030", "2033")] + [
        (name, *(f"{k * 3 + j}.{j}" for j in range(8))) for k, name in
        enumerate(("Upper Valley", "Lower Valley", "North Coast", "South Coast", "Inland Basin", "Rest of Realm"))]
    items: list[Item] = []
    for r, row in enumerate(rows):
        items.append((55, y + 15 * r, 10, r == 0, row[0]))
        items += [(190 + 45 * c, y + 15 * r, 10, r == 0, cell) for c, cell in enumerate(row[1:])]
    return items


def test_a_wide_table_does_not_move_where_body_lines_end() -> None:
    """Two-line paragraphs are measured against where body text ends; a table row of many cells reaching
    far further right says nothing about it, so a full first line does not end its paragraph."""
    other = ("Calciners in the south shipped more calcined coke to smelters this year, and two new kilns "
             "started trial runs before winter.")
    first, y = wrap(BODY, 50, 60, 10, 420, 13)
    second, y = wrap(other, 50, y + 8, 10, 420, 13)
    assert len(first) == len(second) == 2
    doc = rendition(make_pdf([first + second + _wide_table(y + 20)]))
    paragraphs = [text for kind, text in _blocks(doc) if kind == "paragraph"]
    assert paragraphs[:2] == [BODY, other]
    assert len(_tables(doc)[0][0].split(" | ")) == 9


def test_a_line_that_stopped_short_still_ends_its_paragraph_beside_a_wide_table() -> None:
    short = [(50, 60, 10, False, "Binder demand rose."), (50, 73, 10, False, "Calciners in the south added lines.")]
    body, y = wrap(BODY, 50, 95, 10, 350, 13)
    doc = rendition(make_pdf([short + body + _wide_table(y + 20)]))
    paragraphs = [text for kind, text in _blocks(doc) if kind == "paragraph"]
    assert paragraphs[:2] == ["Binder demand rose.", "Calciners in the south added lines."]


def _region_table(y: float) -> list[Item]:
    rows = [("Region", "2024A", "2025E", "2032F", "CAGR 2025-2032F"),
            ("Upper Valley", "251.7", "275.0", "549.4", "10.4%"),
            ("Lower Valley", "78.4", "84.6", "152.1", "8.7%"), ("North Coast", "61.9", "66.8", "126.3", "9.5%"),
            ("Total", "392.0", "426.4", "827.8", "9.9%")]
    items: list[Item] = []
    for r, row in enumerate(rows):
        items += [(x, y + 15 * r, 8, r == 0, cell) for x, cell in zip((55, 200, 265, 330, 480), row, strict=True)]
    return items


def test_a_caption_over_the_table_is_not_pulled_in_by_a_wide_note_below_it() -> None:
    """A source note under the table spans several columns; it is no row, and it must not widen a column
    so that the caption above the header (as wide as three columns) fits in it and merges them."""
    caption: list[Item] = [(50, 100, 8, True, "Table 1. Binder market by region, USD million, 2024-2032")]
    note: list[Item] = [(50, 100 + 15 + 15 * 5 + 4, 7, False,
                         "Source: producer survey, customs data and interviews; totals may not add due to rounding.")]
    doc = rendition(make_pdf([caption + _region_table(115) + note]))
    assert _tables(doc) == [["Region | 2024A | 2025E | 2032F | CAGR 2025-2032F",
                             "Upper Valley | 251.7 | 275.0 | 549.4 | 10.4%",
                             "Lower Valley | 78.4 | 84.6 | 152.1 | 8.7%",
                             "North Coast | 61.9 | 66.8 | 126.3 | 9.5%", "Total | 392.0 | 426.4 | 827.8 | 9.9%"]]
    assert "Table 1. Binder market by region, USD million, 2024-2032" in [text for _, text in _blocks(doc)]


def _columns(y: float, left: int, right: int) -> list[Item]:
    """Two text columns of body lines at x=50 and x=320, 13 pt apart, ``left`` and ``right`` lines long."""
    items: list[Item] = []
    for x, side, n in ((50, "West", left), (320, "East", right)):
        for k in range(n):
            items.append((x, y + 13 * k, 10, False, f"{side} makers added hard carbon capacity {k} times"))
    return items


def test_a_column_longer_than_the_other_keeps_its_last_lines() -> None:
    """Lines of the left column below the right column's end, at its own line spacing, are still its lines:
    read before the right column, not after both."""
    doc = rendition(make_pdf([[(50, 50, 20, True, "Regional Outlook for Hard Carbon"), *_columns(90, 10, 7)]]))
    text = doc.text
    assert text.index("West makers added hard carbon capacity 9") < text.index("East makers")


def test_table_rows_over_two_columns_stay_rows() -> None:
    """A table set across the page whose cells leave the gutter free (name on the left, two short cells on the
    right), with two text columns below it: the rows are read as rows, then the columns."""
    items: list[Item] = [(50, 50, 9, True, "Table 2. Supplier shares of binder revenue in 2024, by headquarters")]
    rows = [("Company", "Headquarters", "Share (%)"), ("Tellbridge Carbon Works", "Japan", "21.4"),
            ("Ostrava Binder Chemicals Co., Ltd.", "China", "14.9"), ("Marrow Polymers", "Korea", "12.3"),
            ("Others", "-", "51.4")]
    for r, row in enumerate(rows):
        items += [(x, 66 + 15 * r, 8, r == 0, cell) for x, cell in zip((55, 320, 520), row, strict=True)]
    doc = rendition(make_pdf([items + _columns(66 + 15 * 5 + 16, 9, 9)]))
    assert _tables(doc) == [["Company | Headquarters | Share (%)", "Tellbridge Carbon Works | Japan | 21.4",
                             "Ostrava Binder Chemicals Co., Ltd. | China | 14.9", "Marrow Polymers | Korea | 12.3",
                             "Others | - | 51.4"]]
    assert doc.text.index("West makers added hard carbon capacity 8") < doc.text.index("East makers")


def _run_in(title: list[str], rest: str) -> list[Item]:
    """A bold run-in title over ``title`` lines, the last one going on in regular text, then a full line."""
    items: list[Item] = [(50, 60 + 13 * k, 10, True, line) for k, line in enumerate(title[:-1])]
    y = 60 + 13 * (len(title) - 1)
    items.append((50, y, 10, True, title[-1]))
    items.append((50 + _width(title[-1] + " ", 10, True), y, 10, False, rest))
    items.append((50, y + 13, 10, False, "the surface generate gas in aged cells"))
    return items


def test_a_bold_run_in_title_that_wraps_stays_with_its_paragraph() -> None:
    doc = rendition(make_pdf([_run_in(["Gassing and swelling at elevated", "temperature."],
                                      "Reactions between")]))
    assert [kind for kind, _ in _blocks(doc)] == ["paragraph"]
    assert doc.text.startswith("Gassing and swelling at elevated temperature. Reactions between the surface generate")


def test_a_bold_title_that_ended_its_sentence_is_its_own_block() -> None:
    """A bold line ending in a full stop, then a line that opens in bold: two blocks, as before."""
    doc = rendition(make_pdf([_run_in(["Competition from niobium oxides grows.", "Outlook."],
                                      "Reactions between")]))
    assert doc.text.split("\n")[0] == "Competition from niobium oxides grows."
