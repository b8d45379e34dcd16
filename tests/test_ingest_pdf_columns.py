"""kg.ingest.pdf: side-by-side text columns versus tables, contents pages, header cells over number columns.

Every page is written here byte by byte (tests/test_ingest_pdf.py's writer, Helvetica), with invented
text, so each rule is set up exactly and its negative beside it.
"""

from __future__ import annotations

from kg.models import TextDocument
from tests.test_ingest_pdf import Item, make_pdf, rendition

BULLET = "\u2022"


def _bulleted(x: float, y: float, text: str, size: float = 12) -> list[Item]:
    return [(x, y, size, False, BULLET), (x + 12, y, size, False, text)]


def _blocks(doc: TextDocument) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def _items(doc: TextDocument) -> list[tuple[str, int]]:
    return [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"]


def _tables(doc: TextDocument) -> list[list[str]]:
    return [doc.text[b.start:b.end].split("\n") for b in doc.blocks if b.kind == "table"]


def _slide(rows: list[tuple[str | None, str | None]], *, header: tuple[str, str] | None = None,
           left_title_at: int | None = None, left_title: str = "") -> list[Item]:
    """A slide: a title, then two bulleted columns at x=60 and x=330 (``None``: no item on that side)."""
    items: list[Item] = [(50, 60, 20, True, "Hard Carbon Precursors at a Glance")]
    y = 100.0
    if header:
        items += [(50, y, 13, True, header[0]), (320, y, 13, True, header[1])]
        y += 24
    for k, (left, right) in enumerate(rows):
        if k == left_title_at:
            items.append((50, y, 13, True, left_title))
            y += 24
        if left:
            items += _bulleted(60, y, left)
        if right:
            items += _bulleted(330, y, right)
        y += 22
    return items


def test_two_bulleted_columns_are_two_lists_read_one_after_the_other() -> None:
    """Items that do not pair up row by row (a sub-title on one side) are two lists, left column first."""
    page = _slide([("Coconut Shell Carbon", "Biomass: 44% of 2024 volume"),
                   ("Pitch-Derived Carbon", "Pitch: 31% of 2024 volume"),
                   (None, "Resin grades grow at 18.2% CAGR"),
                   ("Sodium-Ion Cells", "Resin: 25% of 2024 volume"),
                   ("Lithium-Ion Capacitors", None)],
                  header=("By precursor", "What the volumes say"), left_title_at=3, left_title="By end use")
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == []
    assert _items(doc) == [("Coconut Shell Carbon", 0), ("Pitch-Derived Carbon", 0), ("Sodium-Ion Cells", 0),
                           ("Lithium-Ion Capacitors", 0), ("Biomass: 44% of 2024 volume", 0),
                           ("Pitch: 31% of 2024 volume", 0), ("Resin grades grow at 18.2% CAGR", 0),
                           ("Resin: 25% of 2024 volume", 0)]
    # each side's title stays above its own items
    texts = [text for _, text in _blocks(doc)]
    assert texts.index("By end use") == texts.index("Pitch-Derived Carbon") + 1
    assert texts.index("What the volumes say") == texts.index("Lithium-Ion Capacitors") + 1


def test_aligned_bulleted_columns_without_a_header_row_are_lists() -> None:
    page = _slide([("Europe: USD 61.5 million", "Europe CAGR: 14.2%"),
                   ("Japan: USD 48.0 million", "Japan CAGR: 9.8%"),
                   ("India: USD 12.3 million", "India CAGR: 21.0%")])
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == []
    assert [text for text, _ in _items(doc)] == [
        "Europe: USD 61.5 million", "Japan: USD 48.0 million", "India: USD 12.3 million",
        "Europe CAGR: 14.2%", "Japan CAGR: 9.8%", "India CAGR: 21.0%"]


def test_bulleted_cells_under_a_header_row_that_pair_up_stay_a_table() -> None:
    """Parallel lists under their headers ("Drivers | Restraints"), one item beside the other on every line
    (one side may run longer at the end), are a table's rows."""
    page = _slide([("Cheaper sodium-ion cells", "Low first-cycle efficiency"),
                   ("Grid storage tenders", "Feedstock variability"),
                   ("Two-wheeler electrification", None)], header=("Drivers", "Restraints"))
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == [["Drivers | Restraints", "Cheaper sodium-ion cells | Low first-cycle efficiency",
                             "Grid storage tenders | Feedstock variability"]]
    assert _items(doc) == [("Two-wheeler electrification", 0)]


def test_a_table_without_bullets_stays_a_table() -> None:
    """The same geometry with plain cells is a table, numbers or not."""
    rows = [("Region", "2024", "2030"), ("Europe", "61.5", "140.2"), ("Japan", "48.0", "80.9"),
            ("India", "12.3", "44.6")]
    page: list[Item] = [(50, 60, 20, True, "Hard Carbon Market by Region")]
    for r, row in enumerate(rows):
        page += [(x, 100 + 20 * r, 12, r == 0, cell) for x, cell in zip((60, 330, 450), row, strict=True)]
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == [["Region | 2024 | 2030", "Europe | 61.5 | 140.2", "Japan | 48.0 | 80.9",
                             "India | 12.3 | 44.6"]]


def _prose_columns(tail: list[Item]) -> list[Item]:
    """A title, then two columns of nine body lines each ("West ..." on the left, "East ..." on the right)."""
    items: list[Item] = [(50, 50, 20, True, "Regional Outlook for Hard Carbon")]
    for x, side in ((50, "West"), (320, "East")):
        for k in range(9):
            items.append((x, 90 + 14 * k, 10, False, f"{side} makers added hard carbon capacity {k} times"))
    return items + tail


def test_a_left_column_that_goes_on_below_the_right_one_after_a_title_stays_in_its_column() -> None:
    """A column never ends on a title: lines below the right column's end that follow a title at the foot
    of the left column are that column's, read before the right column."""
    page = _prose_columns([(50, 90 + 14 * 9, 12, True, "Segmentation"), (50, 90 + 14 * 10 + 2, 10, True, "By type"),
                           *_bulleted(56, 90 + 14 * 11 + 4, "Coconut Shell Carbon", 10)])
    doc = rendition(make_pdf([page]))
    assert doc.text.index("West makers") < doc.text.index("Segmentation") < doc.text.index("By type") \
        < doc.text.index("Coconut Shell Carbon") < doc.text.index("East makers")


def test_a_short_line_below_both_columns_after_body_text_is_read_after_them() -> None:
    page = _prose_columns([(50, 90 + 14 * 11, 10, False, "Source: survey of producers.")])
    doc = rendition(make_pdf([page]))
    assert doc.text.index("West makers") < doc.text.index("East makers") < doc.text.index("Source: survey")


def test_right_column_list_items_are_as_deep_as_the_left_columns() -> None:
    page = _slide([("Coconut Shell Carbon", "Sodium-Ion Cells"), ("Pitch-Derived Carbon", "Capacitors")],
                  header=("By precursor", "By end use"), left_title_at=1, left_title="Other")
    doc = rendition(make_pdf([page]))
    assert {depth for _, depth in _items(doc)} == {0}


def test_header_cells_centred_over_right_aligned_numbers_head_their_own_columns() -> None:
    """A wide header centred over its column can sit nearer the next column's numbers than its own: each
    header-only column joins the nearest column that has no header cell yet."""
    page: list[Item] = [(50, 60, 16, True, "Pitch Carbon Sales by Country")]
    page += [(60, 100, 10, True, "Country"), (200, 100, 10, True, "2022, CHF million"),
             (360, 100, 10, True, "2030, CHF million")]
    for r, (region, a, b) in enumerate([("Norway", "47.5", "402.5"), ("Korea", "216.0", "915.0"),
                                        ("Chile", "29.5", "174.0")], start=1):
        page += [(60, 100 + 18 * r, 10, False, region), (330, 100 + 18 * r, 10, False, a),
                 (500, 100 + 18 * r, 10, False, b)]
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == [["Country | 2022, CHF million | 2030, CHF million", "Norway | 47.5 | 402.5",
                             "Korea | 216.0 | 915.0", "Chile | 29.5 | 174.0"]]


def test_contents_entries_are_paragraphs_not_a_table_or_headings() -> None:
    page: list[Item] = [(50, 50, 20, True, "Hard Carbon Anode Market Report"),
                        (50, 76, 14, True, "Contents")]
    entries = [("1 Executive summary", "4", 13, True), ("1.1 Key findings", "5", 10, False),
               ("2 Market size and forecast", "9", 13, True), ("2.1 Market by region", "12", 10, False),
               ("Appendix A Methodology", "31", 10, False)]
    y, last = 92.0, 14.0  # a heading's margin below "Contents"
    for title, number, size, bold in entries:
        y += 4 + 0.8 * size + 0.2 * last  # the same white gap between lines of any size, as a browser sets them
        last = size
        page += [(50, y, size, bold, title), (540, y, size, bold, number)]
    page += [(50, y + 24, 10, False, "3.2 Country outlook ........................ 22"),
             (50, y + 44, 13, True, "3.3 Segments ........................ 25"),
             (50, y + 70, 10, False, "The hard carbon anode market was valued at USD 410 million in 2024.")]
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == []
    blocks = _blocks(doc)
    assert [text for kind, text in blocks if kind == "heading"] == ["Hard Carbon Anode Market Report", "Contents"]
    assert ("paragraph", "1 Executive summary 4") in blocks and ("paragraph", "2.1 Market by region 12") in blocks
    assert ("paragraph", "3.3 Segments ........................ 25") in blocks


def test_a_two_column_table_with_rising_numbers_but_no_entry_titles_stays_a_table() -> None:
    page: list[Item] = [(50, 50, 16, True, "Hard Carbon Plants by Country")]
    rows = [("Country", "Plants"), ("Norway", "2"), ("Japan", "5"), ("China", "14")]
    for k, (country, plants) in enumerate(rows):
        page += [(60, 90 + 18 * k, 10, k == 0, country), (300, 90 + 18 * k, 10, k == 0, plants)]
    doc = rendition(make_pdf([page]))
    assert _tables(doc) == [["Country | Plants", "Norway | 2", "Japan | 5", "China | 14"]]
