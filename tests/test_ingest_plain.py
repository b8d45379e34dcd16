"""plain.py and the plain-text path of text.py: layout rules on invented plain-text reports."""

from __future__ import annotations

import time

from kg.ingest.plain import plain_blocks
from kg.ingest.text import render_text


def _blocks(body: str) -> list[tuple[str, str]]:
    doc = render_text(body, "text/plain")
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_wrapped_prose_is_one_paragraph() -> None:
    body = ("The widget coating market was worth USD 2.1 billion in 2024, helped by demand from\n"
            "Asian cell makers and new lines in Europe, and should reach USD 3.0 billion by\n"
            "2030.\n")
    assert _blocks(body) == [("paragraph", " ".join(body.split()))]


def test_short_lines_and_title_case_lines_stay_separate() -> None:
    body = "Widget Coating Market Outlook to 2031: Supply, Demand and Prices Across Regions\nNorthwind Advisory\n"
    assert [t for _, t in _blocks(body)] == [
        "Widget Coating Market Outlook to 2031: Supply, Demand and Prices Across Regions", "Northwind Advisory"]


def test_underlined_heading_and_bullets() -> None:
    got = _blocks("Contact\n-------\nKEY POINTS\n\n- Alpha grows\n  quickly in Asia\n- Beta slows\nSUMMARY\n")
    assert got[0] == ("heading", "Contact")
    assert ("list_item", "Alpha grows quickly in Asia") in got and ("list_item", "Beta slows") in got
    assert got[-1][1] == "SUMMARY" and got[-1][0] != "list_item"


def test_space_aligned_table() -> None:
    body = ("  Zone        2024     2030\n  --------------------------\n  North        1.5      2.5\n"
            "  South        3.25     4.0\n")
    doc = render_text(body, "text/plain")
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start : table.end] == "Zone | 2024 | 2030\nNorth | 1.5 | 2.5\nSouth | 3.25 | 4.0"
    assert all(c.header for c in table.rows[0]) and not table.rows[1][0].header


def test_numbered_list_and_label_lines_are_not_tables() -> None:
    got = _blocks("1.1   Acme Corp (USA)\n1.2   Beta Ltd (Japan)\n1.3   Gamma AG (Germany)\n")
    assert all(k != "table" for k, _ in got) and len(got) == 3
    got = _blocks("By Grade:   Fine | Coarse\nBy Use:     Cells | Kilns\nBy Region:  East | West\n")
    assert all(k != "table" for k, _ in got)


def test_indented_items_under_a_label_are_list_items() -> None:
    got = _blocks("By Form\n  Powder\n  Flake\n")
    assert got == [("paragraph", "By Form"), ("list_item", "Powder"), ("list_item", "Flake")]


def test_field_lines_are_not_headings() -> None:
    got = _blocks("Date: Mon, 3 Mar 2025 09:00\nRegions: North, South\n"
                  "The full report covers every region in detail and is sold as a single licence.\n")
    assert all(k == "paragraph" for k, _ in got)


def test_html_published_date_reaches_front_matter() -> None:
    meta = '<head><meta property="article:published_time" content="2025-03-04T08:00:00Z"></head><p>x</p>'
    assert render_text(meta, "text/html").front_matter["datePublished"] == "2025-03-04T08:00:00Z"
    header = '<article><header><h1>T</h1><time datetime="2025-06-01">1 June</time></header><p>x</p></article>'
    assert render_text(header, "text/html").front_matter["datePublished"] == "2025-06-01"
    aside = '<p>x</p><aside><time datetime="2025-06-01">related</time></aside>'
    assert "datePublished" not in render_text(aside, "text/html").front_matter


def test_numbered_items_after_long_lines_are_not_wrapped_prose() -> None:
    """A long item line is followed by the next item, not by its own continuation; a wrapped line that
    merely starts with a number ("13.1 % ...", "2024 and ...") still joins."""
    body = ("1) Faster charging cells - several widget makers began volume production of coated grades in 2024.\n"
            "2) Cold-climate performance - coated widgets keep most of their capacity well below freezing.\n"
            "(c) Lower costs - the price of the precursor fell sharply over the last two years in Asia.\n")
    texts = [t for _, t in _blocks(body)]
    # "Title - description" lines are numbered titles (the outline reads their numbers), not list items
    assert len(texts) == 3 and texts[1].startswith("2) Cold-climate") and texts[2].startswith("(c) Lower")
    wrapped = ("The coated widget segment is the fastest growing part of the market, expanding at a\n"
               "13.1 % CAGR to 2032 while two coating lines in Spain start up.\n")
    assert [t for _, t in _blocks(wrapped)] == [" ".join(wrapped.split())]


def test_decimal_section_numbers_are_not_items() -> None:
    blocks = plain_blocks("2.1 Market Size\n2.2 Market Share\n")
    assert all(b.kind == "paragraph" for b in blocks)


def test_grid_table_with_borders_and_an_inner_rule() -> None:
    body = ("+--------+-------+-------+\n| Zone   | 2024  | 2030  |\n+--------+-------+-------+\n"
            "| North  | 1.5   | 2.5   |\n| South  | 3.0   | 4.0   |\n+--------+-------+-------+\n"
            "| Total  | 4.5   | 6.5   |\n+--------+-------+-------+\n")
    doc = render_text(body, "text/plain")
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    want = "Zone | 2024 | 2030\nNorth | 1.5 | 2.5\nSouth | 3.0 | 4.0\nTotal | 4.5 | 6.5"
    assert doc.text[table.start : table.end] == want
    assert all(c.header for c in table.rows[0]) and not table.rows[1][0].header


def test_rule_inside_a_space_table_is_dropped_but_a_rule_then_prose_ends_it() -> None:
    body = ("  Zone        2024     2030\n  ----------  -------  -------\n  North        1.5      2.5\n"
            "  South        3.0      4.0\n  ----------  -------  -------\n  Total        4.5      6.5\n")
    doc = render_text(body, "text/plain")
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.end - 17 : table.end] == "Total | 4.5 | 6.5"
    assert "---" not in doc.text[table.start : table.end]


def test_wrapped_line_with_numbers_joins_the_next() -> None:
    body = ("with turnover in 2023 (2022: EUR 3,18 Mrd.). Next year we see EUR 3,74 Mrd., and in\n"
            "2031 EUR 5,02 Mrd. after slow gains.\n")
    assert _blocks(body) == [("paragraph", " ".join(body.split()))]


def test_label_groups_and_caps_labels_after_indented_items_stay_apart() -> None:
    # "By Grade" / items / "By Use" / items: each label ends the list above it, and an upper-case label after
    # indented bullets is its own line, not the last item's tail
    got = _blocks("By Grade\n  Fine\n  Coarse\nBy Use\n  Cells\n  Kilns\n")
    assert got == [("paragraph", "By Grade"), ("list_item", "Fine"), ("list_item", "Coarse"),
                   ("paragraph", "By Use"), ("list_item", "Cells"), ("list_item", "Kilns")]
    got = _blocks("DRIVERS\n  * Cheaper cells\n  * Grid tenders\nRESTRAINTS\n  * Costly rolling\n")
    assert [t for _, t in got] == ["DRIVERS", "Cheaper cells", "Grid tenders", "RESTRAINTS", "Costly rolling"]
    assert got[3][0] != "list_item" and got[4][0] == "list_item"
    # a deeper-indented line under a bullet still continues it
    got = _blocks("  * Cheaper cells from new\n    lines in Asia\n  * Grid tenders\n")
    assert got == [("list_item", "Cheaper cells from new lines in Asia"), ("list_item", "Grid tenders")]


def test_a_line_longer_than_any_wrap_column_ends_at_its_sentence_end() -> None:
    # a web page copied as text: one paragraph per line, each far past 100 columns
    first = ("Cheaper Grid Packs: utilities now buy zinc cells for four-hour storage because the packs cost "
             "less than lithium ones.")
    second = "Watches need thinner cells every year, so foil makers are adding capacity."
    assert [t for _, t in _blocks(f"{first}\n{second}\n")] == [first, second]
    # prose wrapped at 78 columns still joins after a filled line that ends a sentence
    body = ("The widget coating market was worth USD 2.1 billion in 2024 in all regions.\n"
            "Demand from Asian cell makers and new lines in Europe should lift it further.\n")
    assert _blocks(body) == [("paragraph", " ".join(body.split()))]


def test_ordered_list_items_need_siblings_and_a_sentence() -> None:
    items = "1. Standard widgets held 61% of revenue in 2024.\n2. Coated widgets held the rest of the revenue.\n"
    assert _blocks(items) == [("list_item", "Standard widgets held 61% of revenue in 2024."),
                              ("list_item", "Coated widgets held the rest of the revenue.")]
    # a lone numbered sentence, and short numbered section titles, keep their numbers
    assert _blocks("1. Standard widgets held 61% of revenue in 2024.\n") == [
        ("paragraph", "1. Standard widgets held 61% of revenue in 2024.")]
    assert all(k != "list_item" for k, _ in _blocks("1. Market Overview\n2. Market Dynamics\n"))
    titled = "1. Grid storage: utilities installed large systems.\n2. Scooters: makers moved to new cells.\n"
    assert [k for k, _ in _blocks(titled)] == ["paragraph", "paragraph"]  # numbered "Title: body" lines
    # an indented numbered list is a list, even of short upper-case names (no section titles)
    assert _blocks("Profiled:\n\n  1. ALPHA WIDGET WORKS\n  2. BETA WIDGET MILLS\n")[1:] == [
        ("list_item", "ALPHA WIDGET WORKS"), ("list_item", "BETA WIDGET MILLS")]


def test_line_ending_in_a_legal_form_runs_on_into_a_lower_case_line() -> None:
    body = "Anode maker Widget Technology Co., Ltd.\nis the largest producer.\n"
    assert _blocks(body) == [("paragraph", "Anode maker Widget Technology Co., Ltd. is the largest producer.")]
    # negative: a short title-case line ending in a full word is not run on by a capitalised line
    assert len(_blocks("Anode maker Widget Technology Co., Ltd.\nThe largest producer.\n")) == 2


def test_hanging_indent_under_an_item_marker_continues_the_item() -> None:
    item = "(a) Chinese price dumping by large exporters: domestic prices fell below\n"
    assert _blocks(item + "    Western cash cost.\n") == [
        ("paragraph", "(a) Chinese price dumping by large exporters: domestic prices fell below Western cash cost.")]
    # negative: a line indented past the item's text is not its continuation
    assert len(_blocks(item + "        Western cash cost.\n")) == 2


def test_a_dangling_dash_and_a_comma_run_of_names_continue_on_the_next_line() -> None:
    assert _blocks("Segmentation Covered By Product Application --\nCells, Kilns, Furnaces\n") == [
        ("paragraph", "Segmentation Covered By Product Application -- Cells, Kilns, Furnaces")]
    assert len(_blocks("Segmentation Covered By Product Application\nCells, Kilns, Furnaces\n")) == 2
    names = "Northwind Widget Corp. (US), Eastfield Coatings Ltd. (Japan), Southgate\nWidgets AG (Germany)\n"
    assert _blocks(names) == [("paragraph", " ".join(names.split()))]
    # negative: one name per line is a list of lines, not a wrapped one
    assert len(_blocks("Eastfield Coatings Ltd. (Japan)\nSouthgate Widgets AG (Germany)\n")) == 2


def test_a_label_line_of_piped_values_is_not_a_table_row() -> None:
    got = _blocks("By Type: Fine | Coarse | Ultra\nBy Use: Cells | Kilns | Other\nBy Region: East | West | North\n")
    assert [k for k, _ in got] == ["paragraph", "paragraph", "paragraph"]
    got = _blocks("Zone | 2024 | 2030\nNorth | 1.5 | 2.5\nSouth | 3.0 | 4.0\n")  # negative: a pipe table
    assert [k for k, _ in got] == ["table"]


def test_one_sentence_per_line_opening_a_paragraph_is_one_paragraph() -> None:
    body = "Sales of coated widgets rose 5% in 2024.\nPrices fell in Asia over the year.\nMargins held steady.\n"
    assert _blocks(body) == [("paragraph", " ".join(body.split()))]
    # negative: under a title line the sentences stay lines (items, not one paragraph)
    got = _blocks("Widget Market Outlook\n" + body)
    assert got[0] == ("heading", "Widget Market Outlook") and len(got) == 4


def test_a_marker_framed_by_rules_is_a_heading() -> None:
    assert _blocks("=== Part 2 ===\nCompetitive landscape\n")[0] == ("heading", "=== Part 2 ===")
    assert all(k != "heading" for k, _ in _blocks("==============\nThe market grew in 2024.\n"))


def test_an_underlined_title_is_the_first_level_heading_not_the_masthead_above_it() -> None:
    title = "Widget Coating Market Report 2031"
    doc = render_text(f"ACME WIDGET RESEARCH\n\n{title}\n{'=' * len(title)}\n\nThe market grew.\n", "text/plain")
    levels = {doc.text[b.start:b.end]: b.level for b in doc.blocks if b.kind == "heading"}
    assert levels[title] == 1 and levels["ACME WIDGET RESEARCH"] != 1
    # negative: without the underline the masthead keeps the first level
    doc = render_text(f"ACME WIDGET RESEARCH\n\n{title}\n\nThe market grew.\n", "text/plain")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1


def test_a_numbered_contents_list_without_a_contents_title_is_boilerplate() -> None:
    body = ("In this issue\n  1. Lead story: widget coating outlook\n  2. Second look: cold cells\n\n"
            "1. LEAD STORY: WIDGET COATING OUTLOOK\n-------------------------------------\n\nThe market grew.\n\n"
            "2. SECOND LOOK: COLD CELLS\n--------------------------\n\nCells got colder.\n")
    doc = render_text(body, "text/plain")
    flagged = [doc.text[b.start:b.end] for b in doc.blocks if b.boilerplate]
    assert flagged == ["In this issue", "1. Lead story: widget coating outlook", "2. Second look: cold cells"]
    # negative: numbered steps whose entries never come back as numbered headings are the text
    doc = render_text("Steps\n  1. Mix the powder\n  2. Coat the foil\n\nThe market grew.\n\n"
                      "Mix the powder\n--------------\n\nText.\n", "text/plain")
    assert not any(b.boilerplate for b in doc.blocks)


def test_dot_leader_lines_giving_figures_are_one_table_whatever_their_value_padding() -> None:
    """A value right-aligned after its leader ("  9.6" under "46.2") leaves two spaces, its siblings one: all
    are rows of one label | value table (the leader kept as written), not some rows and some lines."""
    body = ("Shares of 2024 value (%):\n\n  Westmark ................. 46.2\n  Eastholm ................. 17.5\n"
            "  Northby ..................  9.6\n  Southvale ................  8.1\n  Others ...................  3.8\n")
    doc = render_text(body, "text/plain")
    tables = [doc.text[b.start:b.end].split("\n") for b in doc.blocks if b.kind == "table"]
    assert tables == [["Westmark ................. | 46.2", "Eastholm ................. | 17.5",
                       "Northby .................. | 9.6", "Southvale ................ | 8.1",
                       "Others ................... | 3.8"]]


def test_contents_and_text_valued_leader_lines_stay_lines() -> None:
    """Page numbers (a table of contents) and words or years after the leader are no table of figures."""
    contents = "1. Overview ............ 3\n2. Regions ............. 9\n3. Companies ........... 14\n"
    facts = "Base year ............ 2024\nLargest region ....... Westmark\nCAGR ................. 15.9%\n"
    for body in (contents, facts):
        assert "table" not in [k for k, _ in _blocks(body)]


def test_aligned_columns_without_leaders_are_still_a_table() -> None:
    body = "  Northby      CN    9.6\n  Southvale    US    8.1\n  Others       -     3.8\n"
    assert [k for k, _ in _blocks(body)] == ["table"]


def test_a_dot_leader_line_does_not_continue_the_line_above() -> None:
    """A leader line's entry is its own even after a long entry whose leader is one dot."""
    body = ("  Tellbridge Carbon Works plc (formerly Tellbridge) (UK) . coated lithium metal powder\n"
            "  Ostrava Binder Corporation (CZ) ....................... electrodeposited lithium\n")
    assert [t for _, t in _blocks(body)] == [
        "Tellbridge Carbon Works plc (formerly Tellbridge) (UK) . coated lithium metal powder",
        "Ostrava Binder Corporation (CZ) ....................... electrodeposited lithium"]


def test_long_dot_lines_take_linear_time() -> None:
    """A leader row is matched without backtracking over the dots: a line of 20 000 dots (or dots with a
    word after) took seconds when the label's lazy match retried every dot run; now well under one."""
    table = "  Westmark ....... 46.2\n  Eastholm ....... 17.5\n  Northby ........ 9.6\n"
    body = table + "\n" + "." * 20_000 + "\n\nNote" + "." * 20_000 + " 9.6 and more\n"
    start = time.perf_counter()
    plain_blocks(body)
    assert time.perf_counter() - start < 0.5
    doc = render_text(body, "text/plain")
    assert [doc.text[b.start:b.end].split("\n") for b in doc.blocks if b.kind == "table"] == [
        ["Westmark ....... | 46.2", "Eastholm ....... | 17.5", "Northby ........ | 9.6"]]
