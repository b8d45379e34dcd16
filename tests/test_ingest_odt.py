"""kg.ingest.odt: OpenDocument texts (.odt packages and flat .fodt files) read into the text rendition.

The files are written here as LibreOffice writes them (``mimetype`` stored first, a manifest, content,
styles and meta parts; named styles in styles.xml, automatic ones in content.xml): the invented report
must read like its HTML page (tests/test_ingest_pptx.py) and give its facts through ``kg build``; what
ODT files carry besides (footnotes, comments, tracked deletions, page headers, text boxes, sections,
spanned cells) must read as a reader sees the page.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import given, settings

from kg.ingest.read import decode_document
from kg.ingest.text import render
from tests.test_ingest_pptx import (
    COMPANIES,
    FORECAST,
    SIZE_2024,
    SUBTITLE,
    TABLE,
    TITLE,
    assert_document_or_input_error,
    assert_reads_like_the_report,
    assert_report_facts,
    built_facts,
    damaged,
    refused,
    rezip,
)

ODT_TYPE = "application/vnd.oasis.opendocument.text"
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
NAMED_STYLES = """<office:styles>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading">
    <style:text-properties fo:font-size="28pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
    style:parent-style-name="Heading" style:default-outline-level="1">
    <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
    style:parent-style-name="Heading" style:default-outline-level="2">
    <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
    style:parent-style-name="Standard"/>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
    <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"
    style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>"""
AUTOMATIC = """<office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>
</office:automatic-styles>"""
MASTER = """<office:master-styles><style:master-page style:name="Standard">
  <style:header><text:p>CONFIDENTIAL - Lakeview Research</text:p></style:header>
  <style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>"""


def report_body() -> str:
    before, after = SIZE_2024.split("USD 1.24 billion")
    rows = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in row)
        + "</table:table-row>" for row in TABLE[1:])
    header = "".join(f'<table:table-cell><text:p text:style-name="Table_20_Heading">{c}</text:p></table:table-cell>'
                     for c in TABLE[0])
    return (
        f'<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
        f'</text:sequence-decls>'
        f'<text:p text:style-name="Title">{TITLE}</text:p>'
        f'<text:p text:style-name="Subtitle">{SUBTITLE}</text:p>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">Market Overview</text:h>'
        f'<text:list text:style-name="L1"><text:list-item><text:p text:style-name="P1">{before}'
        f'<text:span text:style-name="T1">USD 1.24 billion</text:span>{after}</text:p></text:list-item>'
        f'<text:list-item><text:p text:style-name="P1">{FORECAST}</text:p></text:list-item></text:list>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">Key Companies</text:h>'
        '<text:list text:style-name="L1">'
        + "".join(f"<text:list-item><text:p>{c}</text:p></text:list-item>" for c in COMPANIES) + "</text:list>"
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">Regional Outlook</text:h>'
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="3"/>'
        f"<table:table-header-rows><table:table-row>{header}</table:table-row></table:table-header-rows>"
        f"{rows}</table:table>"
    )


def content_xml(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
            f"{AUTOMATIC}<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def odt(body: str, *, mimetype: str = ODT_TYPE, title: str = "Silicon anode report",
        manifest_extra: str = "") -> bytes:
    """An .odt package as LibreOffice lays it out: ``mimetype`` first and stored, then the XML parts."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{manifest_extra}</manifest:file-entry>"
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">'
              f"{NAMED_STYLES}{MASTER}</office:document-styles>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.3">'
            f"<office:meta><dc:title>{title}</dc:title></office:meta></office:document-meta>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content_xml(body))
        z.writestr("styles.xml", styles)
        z.writestr("meta.xml", meta)
        z.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


def fodt(body: str) -> bytes:
    """The same document as one flat XML file (LibreOffice's "Flat XML ODF Text Document")."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="{ODT_TYPE}"><office:meta><dc:title>Flat report</dc:title></office:meta>'
            f"{NAMED_STYLES}{AUTOMATIC}{MASTER}<office:body><office:text>{body}</office:text></office:body>"
            "</office:document>").encode()


def test_odt_reads_like_the_report() -> None:
    raw = decode_document(odt(report_body()), source="report.odt")
    assert raw.media_type == ODT_TYPE and raw.encoding == "odt"
    doc = render(raw)
    assert_reads_like_the_report(doc)
    assert "CONFIDENTIAL" not in doc.text and "Page" not in doc.text  # header and footer
    assert doc.front_matter["html_title"] == "Silicon anode report"


def test_fodt_reads_like_the_report() -> None:
    raw = decode_document(fodt(report_body()), source="report.fodt")
    assert raw.media_type == "application/vnd.oasis.opendocument.text-flat-xml" and raw.encoding == "fodt"
    doc = render(raw)
    assert_reads_like_the_report(doc)
    assert doc.front_matter["html_title"] == "Flat report"
    # by content: the same bytes under a .txt or .xml name are the same document
    assert render(decode_document(fodt(report_body()), source="report.xml")).text == doc.text


def test_odt_facts_through_build(tmp_path: Path) -> None:
    path = tmp_path / "silicon-anode-report.odt"
    path.write_bytes(odt(report_body()))
    assert_report_facts(built_facts(path))


# ------------------------------------------------------------------ what ODT files carry besides


FEATURES = (
    '<text:p text:style-name="P1">Capacity grew<text:s text:c="2"/>fast'
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
    "<text:p>Footnote: estimate by Lakeview.</text:p></text:note-body></text:note>"
    "<office:annotation><dc:creator>Ana</dc:creator><text:p>Check this number</text:p></office:annotation>"
    '<text:change-start text:change-id="ct1"/> in 2024<text:change-end text:change-id="ct1"/>.</text:p>'
    '<text:tracked-changes><text:changed-region text:id="ct2"><text:deletion><office:change-info>'
    "<dc:creator>Ana</dc:creator></office:change-info><text:p>DELETED WORDS</text:p></text:deletion>"
    "</text:changed-region></text:tracked-changes>"
    '<text:p>First line<text:line-break/>second line<text:tab/>tabbed '
    '<text:a xlink:type="simple" xlink:href="https://example.com">with a link</text:a> '
    '<text:span text:style-name="Strong_20_Emphasis">bold words</text:span></text:p>'
    '<text:section text:name="S1"><text:p>Inside a section.</text:p></text:section>'
    '<text:p>Anchor paragraph.<draw:frame draw:name="F1" text:anchor-type="paragraph" svg:width="5cm">'
    "<draw:text-box><text:p>Key figure: 18.2% CAGR</text:p></draw:text-box></draw:frame></text:p>"
    '<text:list><text:list-item><text:p>Sodium-ion batteries</text:p><text:list><text:list-item>'
    "<text:p>Stationary storage</text:p></text:list-item></text:list></text:list-item>"
    "<text:list-item><text:p>Consumer electronics</text:p></text:list-item></text:list>"
    '<text:list text:style-name="Outline"><text:list-item>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Numbered Heading</text:h>'
    "</text:list-item></text:list>"
    '<text:p text:style-name="Heading_20_2">Styled As Heading</text:p>'
    '<table:table table:name="T2"><table:table-column table:number-columns-repeated="3"/>'
    '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Price per tonne</text:p>'
    "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Note</text:p></table:table-cell>"
    "</table:table-row>"
    "<table:table-row><table:table-cell><text:p>Natural</text:p><text:p>graphite</text:p></table:table-cell>"
    '<table:table-cell><text:p><text:span text:style-name="T1">4,200</text:span></text:p></table:table-cell>'
    "<table:table-cell/></table:table-row>"
    '<table:table-row table:number-rows-repeated="1000"><table:table-cell '
    'table:number-columns-repeated="3"/></table:table-row></table:table>'
)


def test_odt_features() -> None:
    doc = render(decode_document(odt(FEATURES), source="features.odt"))
    lines = doc.text.split("\n")
    assert lines[0] == "Capacity grew fast in 2024."
    for hidden in ("Footnote", "Check this number", "DELETED", "Ana", "CONFIDENTIAL"):
        assert hidden not in doc.text
    assert lines[1:3] == ["First line", "second line tabbed with a link bold words"]
    block = doc.blocks[2]
    assert [doc.text[s.start:s.end] for s in block.strong] == ["bold words"]
    assert "Inside a section." in lines
    assert lines.index("Key figure: 18.2% CAGR") == lines.index("Anchor paragraph.") + 1
    assert [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"] == [
        ("Sodium-ion batteries", 0), ("Stationary storage", 1), ("Consumer electronics", 0)]
    headings = [(doc.text[b.start:b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Numbered Heading", 1), ("Styled As Heading", 2)]
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start:table.end].split("\n") == [
        "Price per tonne | Note", "Natural graphite | 4,200 |"]
    assert [len(row) for row in table.rows] == [3, 3]  # the spanned title covers two columns; no filler rows
    assert [doc.text[s.start:s.end] for s in table.strong] == ["4,200"]


# ------------------------------------------------------------------ files that are not readable ODT texts


def test_damaged_odt_is_refused() -> None:
    good = odt(report_body())
    err = refused(good[: len(good) // 2], "cut.odt")
    assert "damaged .odt file" in err.problem and "ZIP" in err.problem
    broken = rezip(good, {"content.xml": content_xml(report_body()).encode()[:300]})
    err = refused(broken, "broken.odt")
    assert "damaged OpenDocument text" in err.problem and "content.xml" in err.problem
    assert "has no content.xml" in refused(rezip(good, {"content.xml": None}), "empty.odt").problem
    assert "damaged OpenDocument text" in refused(fodt(report_body())[:-40], "cut.fodt").problem


@settings(max_examples=60, deadline=None)
@given(damaged(odt(FEATURES)))
def test_damaged_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    assert_document_or_input_error(data, "damaged.odt")
    assert_document_or_input_error(data.replace(b"PK\x03\x04", b"", 1), "damaged.fodt")


def test_password_protected_odt_is_refused() -> None:
    locked = odt(report_body(), manifest_extra="<manifest:encryption-data manifest:checksum-type='SHA1'/>")
    assert "password-protected" in refused(locked, "locked.odt").problem


def test_empty_odt_is_refused() -> None:
    assert "no text" in refused(odt("<text:p/><text:p>  </text:p>"), "blank.odt").problem


def test_other_opendocument_files_are_refused_by_kind() -> None:
    ods = odt("", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument spreadsheet" in refused(ods, "prices.ods").problem
    odp = odt("", mimetype="application/vnd.oasis.opendocument.presentation")
    assert "OpenDocument presentation" in refused(odp, "deck.odp").problem
    err = refused(odp, "deck.odt")
    assert "not an OpenDocument text" in err.problem and "presentation" in err.problem


# ------------------------------------------------------------------ numbers that are not ASCII digits
def test_non_ascii_digits_in_numeric_attributes_read_as_absent() -> None:
    """"²".isdigit() is true but int() rejects it, and "٧00" (Arabic-Indic) would read as 700: an attribute
    that is not ASCII digits counts as absent, as in any other malformed value."""
    odd = ('<style:style style:name="Odd_20_Heading" style:display-name="Heading odd" style:family="paragraph" '
           'style:default-outline-level="²"><style:text-properties fo:font-weight="²00"/></style:style>'
           '<style:style style:name="T9" style:family="text">'
           '<style:text-properties fo:font-weight="٧00"/></style:style>')
    body = (
        '<text:h text:outline-level="²">Odd Level Heading</text:h>'
        '<text:p text:style-name="Odd_20_Heading">Styled odd heading.</text:p>'
        '<text:p>Gap<text:s text:c="²"/>here and <text:span text:style-name="T9">not bold</text:span>.</text:p>'
        '<text:list><text:list-item><text:h text:outline-level="³">Listed Heading</text:h></text:list-item>'
        '</text:list>'
        '<table:table><table:table-row table:number-rows-repeated="²">'
        '<table:table-cell table:number-columns-spanned="²" table:number-rows-spanned="¹"><text:p>Region</text:p>'
        '</table:table-cell><table:table-cell table:number-columns-repeated="²"><text:p>4.2</text:p>'
        "</table:table-cell></table:table-row></table:table>")
    content = content_xml(body).replace("</office:automatic-styles>", odd + "</office:automatic-styles>")
    doc = render(decode_document(rezip(odt(body), {"content.xml": content.encode()}), source="odd.odt"))
    headings = [(doc.text[b.start:b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Odd Level Heading", 1), ("Listed Heading", 1)]
    assert "Styled odd heading." in doc.text.split("\n")
    assert "Gap here and not bold." in doc.text.split("\n")
    assert not any(doc.text[s.start:s.end] == "not bold" for b in doc.blocks for s in b.strong)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert [len(row) for row in table.rows] == [2]  # one row, not repeated; a cell of span 1 and one cell


def test_deeply_nested_odt_is_refused() -> None:
    """Sections and spans nested past Python's recursion limit (lxml's huge_tree allows 2048 levels):
    an InputError naming the file, not a RecursionError."""
    for body in ("<text:section>" * 1500 + "<text:p>Deep.</text:p>" + "</text:section>" * 1500,
                 "<text:p>" + "<text:span>" * 1500 + "Deep." + "</text:span>" * 1500 + "</text:p>"):
        err = refused(odt(body), "deep.odt")
        assert "nested too deeply" in err.problem
        assert "nested too deeply" in refused(fodt(body), "deep.fodt").problem
    shallow = "<text:section>" * 50 + "<text:p>Not so deep.</text:p>" + "</text:section>" * 50
    assert render(decode_document(odt(shallow), source="shallow.odt")).text == "Not so deep."
