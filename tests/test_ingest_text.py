"""text.py: the text rendition and its blocks (layout rules, offsets invariant, robustness)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.read import decode_document
from kg.ingest.text import load, render, render_text
from kg.models import Block, TextDocument

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def check_invariants(doc: TextDocument) -> None:
    """Every offset is inside the text, blocks are stripped, disjoint, in order, one newline apart."""
    text = doc.text
    assert doc.text_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    prev_end = -1
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text)
        t = text[b.start : b.end]
        assert t == t.strip() and t
        assert b.start == prev_end + 1 if prev_end >= 0 else b.start == 0
        prev_end = b.end
        for s in b.strong:
            assert b.start <= s.start < s.end <= b.end
            assert text[s.start : s.end] == text[s.start : s.end].strip()
        for row in b.rows:
            for c in row:
                assert b.start <= c.start <= c.end <= b.end
        if b.kind == "heading":
            assert b.level is not None and 1 <= b.level <= 6
        else:
            assert b.level is None
        if b.kind != "table":
            assert "\n" not in t
    assert prev_end == len(text) or (not doc.blocks and text == "")


def texts(doc: TextDocument) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks]


def block(doc: TextDocument, text: str) -> Block:
    found = [b for b in doc.blocks if doc.text[b.start : b.end] == text]
    assert found, f"no block {text!r}"
    return found[0]


def whole_strong(doc: TextDocument, b: Block) -> bool:
    return len(b.strong) == 1 and (b.strong[0].start, b.strong[0].end) == (b.start, b.end)


# ---------------------------------------------------------------- the corpus


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_corpus_invariants(path: Path) -> None:
    doc = load(path)
    check_invariants(doc)
    first = doc.blocks[0]
    assert first.kind == "heading" and first.level == 1
    title = doc.text[first.start : first.end]
    assert "Market" in title
    if "title" in doc.front_matter:
        assert title == doc.front_matter["title"]
    for t in texts(doc):
        assert "<p" not in t and "</" not in t and "&amp;" not in t and "&gt;" not in t
    downloads = [b for b in doc.blocks if doc.text[b.start : b.end].startswith("Download FREE Sample")]
    assert downloads and all(b.boilerplate for b in downloads)
    for b in doc.blocks:
        t = doc.text[b.start : b.end]
        if t.startswith(("Get the Complete Report", "CONTACT US", "https://")):
            assert b.boilerplate, t
        if "CAGR" in t and len(t) > 120:
            assert not b.boilerplate, t
    # deterministic
    assert load(path).text_sha256 == doc.text_sha256


def test_corpus_003_subheadings_inside_p_are_own_blocks() -> None:
    doc = load(CORPUS / "003_d66bec55743da646.txt")
    ts = texts(doc)
    i = ts.index("Asia")
    assert ts[i - 1] == "Regional Analysis: Carbon Anode for Aluminum Electrolysis"
    assert ts[i + 1].startswith("Asia solidifies its position")
    j = ts.index("China's Dominant Production Hub")
    assert ts[j + 1].startswith(
        "China is the epicenter of the Asian market, hosting the world\u2019s largest"
    )
    assert "Southeast Asia's Emerging Role" in ts
    assert any("Hall-H\u00e9roult electrolytic process" in t for t in ts)


def test_corpus_004_bold_prefix_lines() -> None:
    doc = load(CORPUS / "004_5852f63bdd323a9b.txt")
    b = block(doc, "1. Electric Vehicle Boom Fueling Power Battery Demand:")
    assert b.kind == "paragraph" and whole_strong(doc, b)
    nxt = doc.blocks[doc.blocks.index(b) + 1]
    assert doc.text[nxt.start : nxt.end].startswith("Global EV sales surpassed 10 million units in 2022")
    assert "10 million units in 2022" in [doc.text[s.start : s.end] for s in nxt.strong]


def test_corpus_001_centred_bold_title_stays_a_paragraph() -> None:
    doc = load(CORPUS / "001_c6a839b301780e25.txt")
    b = block(doc, "Rising Demand for Sustainable Energy Storage Solutions to Accelerate Market Growth")
    assert b.kind == "paragraph" and b.centered and whole_strong(doc, b)
    b = block(doc, "MARKET INSIGHTS")
    assert not b.centered and whole_strong(doc, b)
    toc = block(doc, "1.1 Anode Material for Sodium-ion Battery Market Definition")
    assert toc.boilerplate


def test_corpus_000_bold_prefix_and_companies() -> None:
    doc = load(CORPUS / "000_7cf7d8ff4e6b6c85.txt")
    b = next(b for b in doc.blocks if doc.text[b.start : b.end].startswith("North America Driven by policy"))
    assert doc.text[b.strong[0].start : b.strong[0].end] == "North America"
    assert not block(doc, "Kuraray Co., Ltd.").boilerplate
    assert block(doc, "International: +1(332) 2424 294").boilerplate


# ---------------------------------------------------------------- HTML


def test_small_html() -> None:
    doc = load(FIXTURES / "small.html")
    check_invariants(doc)
    ts = texts(doc)
    assert ts[0] == "Market & Size" and doc.blocks[0].kind == "heading" and doc.blocks[0].level == 2
    assert "Intro with a link and an image." in ts
    for junk in ("ignored", "not text", "ALT TEXT", "color", "a.png", "example.com/x"):
        assert all(junk not in t for t in ts), junk
    items = [t for t, b in zip(ts, doc.blocks, strict=True) if b.kind == "list_item"]
    assert items == ["First item", "Second item", "Nested item"]
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start : table.end] == "Region | 2024\nAsia | 1,200\nEurope | 800"
    cells = [[(doc.text[c.start : c.end], c.header) for c in row] for row in table.rows]
    assert cells == [
        [("Region", True), ("2024", True)],
        [("Asia", False), ("1,200", False)],
        [("Europe", False), ("800", False)],
    ]
    assert [doc.text[s.start : s.end] for s in table.strong] == ["1,200"]
    centred = block(doc, "Centred Title")
    assert centred.centered and centred.kind == "paragraph" and whole_strong(doc, centred)
    dl = block(doc, "Download FREE Sample of this Report @ https://example.com/sample")
    assert dl.boilerplate
    assert not any(b.boilerplate for b in doc.blocks if b is not dl)


def test_br_always_splits_and_entities_are_decoded() -> None:
    doc = render_text("<p><b>Drivers:</b><br>Demand &amp; supply<br/>grow&nbsp;fast &#8212; ok</p>")
    assert texts(doc) == ["Drivers:", "Demand & supply", "grow fast \u2014 ok"]
    assert whole_strong(doc, doc.blocks[0])


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a blank line splits
        ("<p>\n    Asia\n    \n      Asia leads the market.\n</p>", ["Asia", "Asia leads the market."]),
        # an indentation change splits
        ("<p>\n  Europe\n      Europe is regulated.</p>", ["Europe", "Europe is regulated."]),
        # a wrap inside a sentence does not split, even with an indentation change
        ("<p>\n  The market is expected\n      to grow fast.</p>", ["The market is expected to grow fast."]),
        # same indentation: wrapping, not a break
        ("<p>\n  The market in\n  Asia grows.</p>", ["The market in Asia grows."]),
        # unknown indentation of a first line that follows the tag: wrapping
        ("<p>The market in\n      Asia grows.</p>", ["The market in Asia grows."]),
        # a line holding only an inline tag is not blank
        (
            "<div><b>Get it @ \n     <a href='x'>\n     https://x.example/r</a></b></div>",
            ["Get it @ https://x.example/r"],
        ),
        # a finished sentence followed by an indented capitalised line splits
        ("<p>\n  Done here.\n    Next part</p>", ["Done here.", "Next part"]),
    ],
)
def test_newline_rule(html: str, expected: list[str]) -> None:
    doc = render_text(html)
    check_invariants(doc)
    assert texts(doc) == expected


def test_nested_list_outer_item_text_is_kept() -> None:
    doc = render_text("<ul><li>Outer <b>bold</b><ul><li>Inner</li></ul>tail</li></ul>")
    assert texts(doc) == ["Outer bold", "Inner", "tail"]
    assert all(b.kind == "list_item" for b in doc.blocks)
    assert [doc.text[s.start : s.end] for s in doc.blocks[0].strong] == ["bold"]


def test_strong_runs_separated_by_space_merge() -> None:
    doc = render_text("<p><strong>Asia</strong> <b>Pacific</b> leads</p>")
    (b,) = doc.blocks
    assert [doc.text[s.start : s.end] for s in b.strong] == ["Asia Pacific"]


def test_table_with_empty_edge_cells_and_nested_table() -> None:
    html = (
        "<table><caption>Table 1: Sizes</caption><tr><td></td><th>2024</th><td></td></tr>"
        "<tr><td>A<table><tr><td>x</td><td>y</td></tr></table></td><td><p>1</p><p>2</p></td></tr>"
        "<tr><td> </td><td></td></tr></table><p>after</p>"
    )
    doc = render_text(html)
    check_invariants(doc)
    assert texts(doc)[0] == "Table 1: Sizes"
    table = doc.blocks[1]
    assert table.kind == "table"
    assert doc.text[table.start : table.end] == "| 2024 |\nA x y | 1 2"
    assert [[doc.text[c.start : c.end] for c in row] for row in table.rows] == [
        ["", "2024", ""],
        ["A x y", "1 2"],
    ]
    assert texts(doc)[2] == "after"


def test_unicode_cleaning() -> None:
    doc = render_text("<p>Zero\u200bwidth\u00a0nbsp e\u0301 soft\u00adhyphen \u27a4 \u201cq\u201d\x07</p>")
    assert doc.text == "Zerowidth nbsp \u00e9 softhyphen \u27a4 \u201cq\u201d"


def test_no_text_gives_an_empty_document() -> None:
    for body in ("<p> </p><img src=x><script>x</script>", "", "<!-- only -->", "   "):
        doc = render_text(body)
        assert doc.text == "" and doc.blocks == ()
        assert doc.text_sha256 == hashlib.sha256(b"").hexdigest()


def test_deep_nesting() -> None:
    depth = 20_000
    doc = render_text("<div>" * depth + "<b>deep</b> text" + "</div>" * depth)
    assert doc.text == "deep text"
    doc = render_text("<ul><li>" * 5_000 + "x")
    assert doc.text == "x"


@pytest.mark.parametrize("cut", [1, 7, 30, 55, 80, 120, 151])
def test_truncated_html(cut: str) -> None:
    html = "<h1>Title</h1><p>Some <b>bold text</b> here</p><table><tr><th>A</th><td>B</td></tr></table>"
    doc = render_text(html[: int(cut)])
    check_invariants(doc)


# ---------------------------------------------------------------- markdown and plain text


def test_markdown() -> None:
    raw = decode_document((FIXTURES / "small.md").read_bytes(), source="small.md", path="small.md")
    doc = render(raw)
    check_invariants(doc)
    assert doc.media_type == "text/markdown"
    ts = texts(doc)
    assert ts[0] == "Market Overview" and doc.blocks[0].level == 2
    p = block(doc, "The market was worth USD 1.2 billion in 2024.")
    assert [doc.text[s.start : s.end] for s in p.strong] == ["USD 1.2 billion"]
    li = block(doc, "Drivers: demand for EVs")
    assert li.kind == "list_item" and doc.text[li.strong[0].start : li.strong[0].end] == "Drivers:"
    assert block(doc, "First bullet").kind == "list_item"
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start : table.end] == "Region | Share\nAsia | 60%\nEurope | 25%"
    assert [c.header for c in table.rows[0]] == [True, True]
    assert [c.header for c in table.rows[1]] == [False, False]
    kp = block(doc, "Key Players: Acme Corp, Beta Ltd")
    assert doc.text[kp.strong[0].start : kp.strong[0].end] == "Key Players:"


def test_markdown_with_raw_html_body_is_not_turned_into_code() -> None:
    body = "# Title\n\n<p>\n\nIntro</p><p>\n\n\n  \n    Asia\n    \n      Asia leads &amp; grows.\n  \n</p>"
    doc = render_text(body, "text/markdown")
    assert texts(doc) == ["Title", "Intro", "Asia", "Asia leads & grows."]
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1


def test_plain_text() -> None:
    doc = load(FIXTURES / "plain.txt")
    check_invariants(doc)
    assert doc.media_type == "text/plain"
    got = [(doc.text[b.start : b.end], b.kind, b.level) for b in doc.blocks]
    assert got == [
        ("GLOBAL WIDGET MARKET REPORT", "heading", 1),
        ("MARKET SIZE", "heading", 2),
        (
            "The widget market was valued at USD 3 billion in 2024 and is expected to grow at a CAGR of 5%.",
            "paragraph",
            None,
        ),
        ("Key Regions", "heading", 3),
        ("Asia leads the market with a share of 40%.", "paragraph", None),
    ]


def test_plain_text_lists_are_not_headings() -> None:
    doc = render_text("Players\nAcme Corp (USA)\nBeta Ltd (China)\n", "text/plain")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("paragraph", "Players"),
        ("paragraph", "Acme Corp (USA)"),
        ("paragraph", "Beta Ltd (China)"),
    ]


# ---------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "<br>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table>",
        "<tr>",
        "<td>",
        "<th>",
        "</td>",
        "</table>",
        "<h2>",
        "</h2>",
        "<div style='text-align:center'>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&nbsp;",
        "&#0;",
        "&#x301;",
        "\n",
        "\n\n",
        "   ",
        "\t",
        "# ",
        "| a | b |\n|---|---|\n",
        "**",
        "- ",
        "1. ",
        "\u200b",
        "\u00a0",
        "e",
        "Word",
        ".",
        "https://x.example",
        "Download FREE Sample",
        "<",
        ">",
        "\ud800",
        "\x00",
        "\r\n",
    ]  # fmt: skip
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join),
    st.sampled_from(["text/html", "text/markdown", "text/plain"]),
)
def test_render_never_crashes_and_offsets_slice_exactly(body: str, media_type: str) -> None:
    doc = render_text(body, media_type)  # type: ignore[arg-type]
    check_invariants(doc)
    assert render_text(body, media_type).text == doc.text  # type: ignore[arg-type]


def test_list_item_depth() -> None:
    doc = render_text("<ul><li>Outer<ul><li>Inner<ol><li>Deepest</li></ol></li></ul>tail</li></ul><p>P</p>")
    assert [(doc.text[b.start:b.end], b.kind, b.depth) for b in doc.blocks] == [
        ("Outer", "list_item", 0), ("Inner", "list_item", 1), ("Deepest", "list_item", 2),
        ("tail", "list_item", 0), ("P", "paragraph", 0)]


def _grid(doc: TextDocument, table: Block) -> list[list[tuple[str, bool]]]:
    return [[(doc.text[c.start : c.end], c.header) for c in row] for row in table.rows]


def test_spanned_cells_fill_the_grid_and_leave_the_text_as_written() -> None:
    html = (
        "<table><thead><tr><th rowspan='2'>Group</th><th rowspan='2'>Item</th><th colspan='2'>Sales (EUR k)</th>"
        "<th rowspan='2'>Trend</th></tr><tr><th>2021</th><th>2026</th></tr></thead><tbody>"
        "<tr><th rowspan='2'>By colour</th><td>Teal Gadgets</td><td>4</td><td>6</td><td>up</td></tr>"
        "<tr><td>Plum Gadgets</td><td>3</td><td>2</td><td>down</td></tr>"
        "<tr><th colspan='2'>Total</th><td>7</td><td>8</td><td>flat</td></tr></tbody></table>"
    )
    doc = render_text(html)
    check_invariants(doc)
    (table,) = doc.blocks
    assert doc.text == (
        "Group | Item | Sales (EUR k) | Trend\n2021 | 2026\nBy colour | Teal Gadgets | 4 | 6 | up\n"
        "Plum Gadgets | 3 | 2 | down\nTotal | 7 | 8 | flat"
    )
    grid = _grid(doc, table)
    assert all(len(row) == 5 for row in grid)
    assert [t for t, _ in grid[0]] == ["Group", "Item", "Sales (EUR k)", "Sales (EUR k)", "Trend"]
    assert grid[1] == [("", True), ("", True), ("2021", True), ("2026", True), ("", True)]  # still a header row
    assert grid[3] == [("", True), ("Plum Gadgets", False), ("3", False), ("2", False), ("down", False)]
    assert [t for t, _ in grid[4]] == ["Total", "Total", "7", "8", "flat"]
    # the colspan's columns share one span; a rowspan's slot is empty, where the row's own text starts
    assert table.rows[0][2] == table.rows[0][3]
    plum = table.rows[3]
    assert plum[0].start == plum[0].end == plum[1].start
    assert [c.start for c in plum] == sorted(c.start for c in plum)


def test_rowspan_stops_at_its_row_group_and_zero_spans_the_rest() -> None:
    # a rowspan reaching past its <thead> does not shift the body; rowspan="0" spans to the end
    html = (
        "<table><thead><tr><th rowspan='3'>Name</th><th>Size</th></tr></thead>"
        "<tbody><tr><td rowspan='0'>Kit</td><td>Small</td></tr><tr><td>Large</td></tr>"
        "<tr><td>Huge</td></tr></tbody></table>"
    )
    doc = render_text(html)
    check_invariants(doc)
    grid = [[t for t, _ in row] for row in _grid(doc, doc.blocks[0])]
    assert grid == [["Name", "Size"], ["Kit", "Small"], ["", "Large"], ["", "Huge"]]


def test_plain_cells_and_junk_spans_keep_their_columns() -> None:
    # negative: no spans, or spans of 1 / junk values, give the rows exactly as written
    for attrs in ("", " colspan='1' rowspan='1'", " colspan='x' rowspan='-2'"):
        html = f"<table><tr><th{attrs}>Name</th><th>Size</th></tr><tr><td{attrs}>Kit</td><td>9</td></tr></table>"
        doc = render_text(html)
        assert _grid(doc, doc.blocks[0]) == [[("Name", True), ("Size", True)], [("Kit", False), ("9", False)]]
    # a huge colspan is capped, not expanded into a giant grid
    doc = render_text("<table><tr><td colspan='99999'>Wide</td></tr><tr><td>a</td><td>b</td></tr></table>")
    assert len(doc.blocks[0].rows[0]) == 100 and doc.text == "Wide\na | b"


def test_menu_items_written_without_spaces_do_not_run_together() -> None:
    """Links or spans lined up in a container with no text of its own (a menu, tabs, tags) are shown apart by
    the page's styles: the rendition keeps a space between them."""
    html = ('<nav><a href="/">Widget Home</a><a href="/n">All News</a><a href="/c">Coatings</a></nav>'
            '<div class="tabs"><span>Overview</span><span>Segmentation</span></div>'
            "<p>Binder demand rose in <a href='/a'>Asia</a><a href='/b'>n</a> markets.</p>"
            "<p>The <span>sub</span><span>micron</span> grade and the <b>re</b><b>fined</b> grade.</p>")
    text = render_text(html).text.split("\n")
    assert text[0] == "Widget Home All News Coatings"
    assert text[1] == "Overview Segmentation"
    # inside running text (the parent has text of its own) touching elements are one word, as the page shows
    assert text[2] == "Binder demand rose in Asian markets."
    assert text[3] == "The submicron grade and the refined grade."


def test_a_chapter_heading_opens_its_chapter_but_a_chapter_line_is_contents() -> None:
    doc = render_text(
        "<p>Chapter 1: Scope of the widget anode study</p><p>Chapter 2: Widget Anode Market by Grade</p>"
        "<h2>Chapter 2: Widget Anode Market by Grade</h2><p>The market splits into coated and uncoated"
        " grades, reviewed below in turn.</p>"
    )
    lines = [b for b in doc.blocks if doc.text[b.start : b.end].startswith("Chapter")]
    assert [(b.kind, b.boilerplate) for b in lines] == [
        ("paragraph", True), ("paragraph", True), ("heading", False)
    ]
