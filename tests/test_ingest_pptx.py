"""kg.ingest.pptx: PowerPoint decks read into the text rendition, with real .pptx files written by python-pptx.

The deck here is an investor summary of an invented report; it must read like the same report written as
an HTML page (:data:`REPORT_HTML`), its facts must come out of ``kg build`` / ``kg facts``, and what a
deck carries besides (speaker notes, hidden slides, shapes placed out of order, groups, bullets set or
removed by hand, merged table cells) must read as the audience sees it. The shared report helpers here are
also used by tests/test_ingest_odt.py and tests/test_ingest_rtf.py.
"""

from __future__ import annotations

import copy
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pptx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx.util import Inches, Pt

from kg.build import build
from kg.errors import InputError
from kg.extract.document import extract_document
from kg.facts import facts_document
from kg.ingest.read import decode_document
from kg.ingest.text import render, render_text
from kg.models import TextDocument
from kg.store import open_store
from tests.test_ingest_pdf import _evidence

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# ------------------------------------------------------------------ the report, shared by the format tests

TITLE = "Silicon Anode Materials Market Report 2025"
SUBTITLE = "Investor summary, March 2025"
SIZE_2024 = "The global silicon anode materials market was valued at USD 1.24 billion in 2024."
FORECAST = "It is projected to reach USD 4.87 billion by 2030, growing at a CAGR of 25.6% from 2025 to 2030."
COMPANIES = ["Orvane Materials Inc.", "Kestrel Carbon Co., Ltd.", "Tamsin Energy Corporation"]
TABLE = [["Region", "2024 (USD million)", "2030 (USD million)"], ["Asia Pacific", "782.0", "3,105.4"],
         ["North America", "251.6", "902.3"], ["Europe", "206.4", "862.3"]]
#: What a faithful reader of any of the formats makes of the report.
REPORT_HTML = (
    f"<h1>{TITLE}</h1><p>{SUBTITLE}</p><h2>Market Overview</h2>"
    f"<ul><li>{SIZE_2024.replace('USD 1.24 billion', '<strong>USD 1.24 billion</strong>')}</li><li>{FORECAST}</li></ul>"
    "<h2>Key Companies</h2><ul>" + "".join(f"<li>{c}</li>" for c in COMPANIES) + "</ul>"
    "<h2>Regional Outlook</h2><table><tr>" + "".join(f"<th>{c}</th>" for c in TABLE[0]) + "</tr>"
    + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE[1:]) + "</table>"
)


def shape_of(doc: TextDocument) -> list[tuple[Any, ...]]:
    """Each block's text, kind, level, depth, table rows and bold spans: what the extractor sees."""
    out: list[tuple[Any, ...]] = []
    for b in doc.blocks:
        rows = tuple(tuple((doc.text[c.start:c.end], c.header) for c in row) for row in b.rows)
        strong = tuple(doc.text[s.start:s.end] for s in b.strong)
        out.append((doc.text[b.start:b.end], b.kind, b.level, b.depth, rows, strong))
    return out


def assert_reads_like_the_report(doc: TextDocument) -> None:
    """Same text and blocks as the HTML report, every quote an exact slice, the report's facts found."""
    assert doc.text == render_text(REPORT_HTML).text
    assert shape_of(doc) == shape_of(render_text(REPORT_HTML))
    facts = extract_document(doc)
    for e in _evidence(facts):
        assert doc.text[e.start:e.end] == e.quote
    sizes = {(m.scope, m.year): m.value_usd_million for m in facts.market_sizes}
    assert sizes[("Global", 2024)] == Decimal("1240")
    assert sizes[("Global", 2030)] == Decimal("4870")
    assert sizes[("Asia-Pacific", 2030)] == Decimal("3105.4")
    assert [(g.cagr_percent, g.start_year, g.end_year) for g in facts.growth_rates] == [(Decimal("25.6"), 2025, 2030)]
    assert [c.name for c in facts.companies] == COMPANIES


def built_facts(path: Path) -> dict[str, Any]:
    """``kg build`` of one file into a fresh store, then ``kg facts`` of it (the JSON as a dict)."""
    with open_store("oxigraph") as store:
        report = build(store, [path], jobs=1)
        assert report.built == [path.name], report
        [doc] = facts_document(store)["documents"]
    return dict(doc)


def assert_report_facts(facts: dict[str, Any]) -> None:
    assert facts["title"] == TITLE and facts["market"] == "Silicon Anode Materials"
    assert facts["forecast_period"] == [2025, 2030]
    sizes = {(m["scope"], m["year"]): m["value_usd_million"] for m in facts["market_sizes"]}
    assert sizes[("Global", 2024)] == 1240 and sizes[("Global", 2030)] == 4870 and sizes[("Europe", 2024)] == 206.4
    assert [(g["cagr_percent"], g["start_year"], g["end_year"]) for g in facts["growth_rates"]] == [(25.6, 2025, 2030)]
    assert sorted(m for c in facts["companies"] for m in c["mentions"]) == sorted(COMPANIES)


def refused(data: bytes, name: str) -> InputError:
    with pytest.raises(InputError) as err:
        decode_document(data, source=name)
    assert err.value.source == name and err.value.hint
    return err.value


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes overwritten, cut out or inserted, as a bad download or disk leaves it."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        pos = draw(st.integers(0, len(out) - 1))
        kind = draw(st.sampled_from(["set", "cut", "insert"]))
        if kind == "set":
            out[pos] = draw(st.integers(0, 255))
        elif kind == "cut":
            del out[pos:pos + draw(st.integers(1, 64))]
        else:
            out[pos:pos] = draw(st.binary(min_size=1, max_size=8))
    return bytes(out)


def assert_document_or_input_error(data: bytes, name: str) -> None:
    """Any bytes give a rendition or an InputError naming the file, never another exception."""
    try:
        doc = render(decode_document(data, source=name))
    except InputError as err:
        assert err.source == name
        return
    assert doc.raw_sha256


def rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The ZIP package ``data`` with parts replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = change.get(info.filename, src.read(info.filename))
            if part is not None:
                dst.writestr(info.filename, part)
    return out.getvalue()


# ------------------------------------------------------------------ the deck


def saved(deck: Any) -> bytes:
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def report_deck() -> Any:
    deck = pptx.Presentation()
    deck.core_properties.title = "Silicon anode deck"
    cover = deck.slides.add_slide(deck.slide_layouts[0])  # Title Slide
    cover.shapes.title.text = TITLE
    cover.placeholders[1].text = SUBTITLE
    cover.notes_slide.notes_text_frame.text = "Speaker notes: the USD 9.99 billion pipeline is confidential."

    overview = deck.slides.add_slide(deck.slide_layouts[1])  # Title and Content: body bullets
    overview.shapes.title.text = "Market Overview"
    body = overview.placeholders[1].text_frame
    first = body.paragraphs[0]
    before, after = SIZE_2024.split("USD 1.24 billion")
    first.add_run().text = before
    bold = first.add_run()
    bold.text, bold.font.bold = "USD 1.24 billion", True
    first.add_run().text = after
    body.add_paragraph().text = FORECAST

    companies = deck.slides.add_slide(deck.slide_layouts[1])
    companies.shapes.title.text = "Key Companies"
    frame = companies.placeholders[1].text_frame
    frame.text = COMPANIES[0]
    for name in COMPANIES[1:]:
        frame.add_paragraph().text = name

    regions = deck.slides.add_slide(deck.slide_layouts[5])  # Title Only
    regions.shapes.title.text = "Regional Outlook"
    table = regions.shapes.add_table(len(TABLE), 3, Inches(0.5), Inches(1.5), Inches(9), Inches(3)).table
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return deck


def test_deck_reads_like_the_report() -> None:
    data = saved(report_deck())
    raw = decode_document(data, source="deck.pptx")
    assert raw.media_type == PPTX_TYPE and raw.encoding == "pptx"
    doc = render(raw)
    assert_reads_like_the_report(doc)
    assert "9.99" not in doc.text  # speaker notes are not shown to the audience
    assert doc.front_matter["html_title"] == "Silicon anode deck"


def test_deck_facts_through_build(tmp_path: Path) -> None:
    path = tmp_path / "silicon-anode-summary.pptx"
    path.write_bytes(saved(report_deck()))
    assert_report_facts(built_facts(path))


def test_recognised_by_content_not_name() -> None:
    data = saved(report_deck())
    assert render(decode_document(data, source="deck.txt")).text == render(decode_document(data, source="d.pptx")).text


# ------------------------------------------------------------------ what decks carry besides


def _textbox(slide: Any, top: float, text: str, *, left: float = 0.5) -> Any:
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(4), Inches(0.5))
    box.text_frame.text = text
    return box


def _bullet(paragraph: Any, char: str | None) -> None:
    """Set a bullet character on a paragraph by hand (``a:buChar``), or remove it (``a:buNone``)."""
    ppr = paragraph._p.get_or_add_pPr()
    if char:
        etree.SubElement(ppr, f"{{{A}}}buChar", char=char)
    else:
        etree.SubElement(ppr, f"{{{A}}}buNone")


def _feature_deck() -> bytes:
    deck = pptx.Presentation()
    s = deck.slides.add_slide(deck.slide_layouts[1])
    # shapes added out of reading order: the lower text box first, the title last in the tree
    _textbox(s, 6.5, "Source: company filings")
    _textbox(s, 5.5, "Right column note", left=5.0)
    _textbox(s, 5.5, "Left column note")
    s.shapes.title.text = "Anode Demand"
    body = s.placeholders[1].text_frame
    body.text = "Electric vehicles"
    for text, level in (("Passenger cars", 1), ("Buses", 2), ("Energy storage", 0)):
        p = body.add_paragraph()
        p.text, p.level = text, level
    plain = body.add_paragraph()
    plain.text = "Demand rose 31% in 2024."
    _bullet(plain, None)  # bullet removed by hand: a plain paragraph
    broken = body.add_paragraph()
    broken.text = "First line\vsecond line"  # a soft line break (a:br)
    _bullet(broken, None)
    # a group of two text boxes, and a hand-bulleted text box
    group = s.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(0.5), Inches(4.0), Inches(2), Inches(0.4)).text_frame.text = "Grouped A"
    group.shapes.add_textbox(Inches(3.0), Inches(4.0), Inches(2), Inches(0.4)).text_frame.text = "Grouped B"
    ticked = _textbox(s, 4.8, "Ticked item")
    _bullet(ticked.text_frame.paragraphs[0], "\u2022")
    # a slide number placeholder copied from the layout: running text
    layout_number = next(ph for ph in s.slide_layout.placeholders if ph.placeholder_format.type == 13)
    number = copy.deepcopy(layout_number.element)
    s.shapes._spTree.append(number)
    s.shapes[-1].text_frame.text = "7"

    hidden = deck.slides.add_slide(deck.slide_layouts[5])
    hidden.shapes.title.text = "Backup slide"
    _textbox(hidden, 2, "Internal only")
    hidden.element.set("show", "0")

    t = deck.slides.add_slide(deck.slide_layouts[5])
    t.shapes.title.text = "Prices"
    table = t.shapes.add_table(3, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(2)).table
    table.first_row = False
    table.cell(0, 0).merge(table.cell(0, 2))
    table.cell(0, 0).text = "Price per tonne, USD"
    for r, row in enumerate((("Grade", "2024", "2025"), ("Natural", "4,200", "4,450")), start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    run = table.cell(2, 0).text_frame.paragraphs[0].runs[0]
    run.font.bold, run.font.size = True, Pt(12)
    return saved(deck)


def test_deck_features() -> None:
    doc = render(decode_document(_feature_deck(), source="features.pptx"))
    lines = doc.text.split("\n")
    assert lines[0] == "Anode Demand" and doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1
    items = [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"]
    assert items == [("Electric vehicles", 0), ("Passenger cars", 1), ("Buses", 2), ("Energy storage", 0),
                     ("Ticked item", 0)]
    paragraphs = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs == ["Demand rose 31% in 2024.", "First line", "second line", "Grouped A", "Grouped B",
                          "Left column note", "Right column note", "Source: company filings"]
    assert "7" not in lines  # the slide number
    assert "Backup slide" not in doc.text and "Internal only" not in doc.text
    prices = [b for b in doc.blocks if b.kind == "heading"][1]
    assert doc.text[prices.start:prices.end] == "Prices" and prices.level == 2
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start:table.end].split("\n") == [
        "Price per tonne, USD", "Grade | 2024 | 2025", "Natural | 4,200 | 4,450"]
    assert not any(c.header for row in table.rows for c in row)  # the table says it has no header row
    assert [len(row) for row in table.rows] == [3, 3, 3]  # the merged title spans the grid
    assert [doc.text[s.start:s.end] for s in table.strong] == ["Natural"]


# ------------------------------------------------------------------ files that are not readable decks


_DECK = saved(report_deck())


@settings(max_examples=60, deadline=None)
@given(damaged(_DECK))
def test_damaged_bytes_give_a_deck_or_an_input_error(data: bytes) -> None:
    assert_document_or_input_error(data, "damaged.pptx")


def test_damaged_decks_are_refused() -> None:
    good = saved(report_deck())
    err = refused(good[: len(good) // 2], "cut.pptx")
    assert "damaged .pptx file" in err.problem and "ZIP" in err.problem
    broken = rezip(good, {"ppt/slides/slide2.xml": b"<p:sld xmlns:p="})
    assert "damaged PowerPoint file" in refused(broken, "broken.pptx").problem
    missing = rezip(good, {"ppt/slides/slide3.xml": None})
    assert "damaged PowerPoint file" in refused(missing, "missing.pptx").problem


def test_slide_show_content_type_is_named() -> None:
    good = saved(report_deck())
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        types = z.read("[Content_Types].xml")
    show = rezip(good, {"[Content_Types].xml": types.replace(b"presentation.main+xml", b"slideshow.main+xml")})
    err = refused(show, "show.ppsx")
    assert "not a PowerPoint .pptx presentation" in err.problem and "slideshow" in err.problem


def test_deck_without_text_is_refused() -> None:
    deck = pptx.Presentation()
    deck.slides.add_slide(deck.slide_layouts[6])  # Blank
    assert "no text on its slides" in refused(saved(deck), "blank.pptx").problem


def test_other_office_files_stay_refused() -> None:
    xlsx_parts = io.BytesIO()
    with zipfile.ZipFile(xlsx_parts, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel workbook" in refused(xlsx_parts.getvalue(), "data.xlsx").problem
    assert "Excel workbook" in refused(xlsx_parts.getvalue(), "data.pptx").problem
    assert "not a PowerPoint file" in refused(xlsx_parts.getvalue(), "data.pptx").problem
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert ".ppt" in refused(ole, "old-deck.ppt").problem


def test_non_ascii_digits_in_levels_and_spans_read_as_absent() -> None:
    """An a:pPr lvl or a cell's gridSpan of "²" (str.isdigit() is true, int() fails) counts as absent:
    the deck still reads, rather than being refused as damaged."""
    deck = report_deck()
    overview, regions = deck.slides[1], deck.slides[3]
    p = overview.placeholders[1].text_frame.paragraphs[1]._p
    p.get_or_add_pPr().set("lvl", "²")
    regions.shapes[1].table._tbl.tr_lst[1].tc_lst[0].set("gridSpan", "²")
    doc = render(decode_document(saved(deck), source="odd.pptx"))
    assert FORECAST in doc.text.split("\n")
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert [len(row) for row in table.rows] == [len(row) for row in TABLE]
