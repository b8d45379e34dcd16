"""kg.ingest.docx: Word reports read into the text rendition, with real .docx files written by python-docx.

The committed ``tests/docs/*-word.docx`` come from markdown test documents (tests/docs/make_docx.py); here
they must read exactly like their markdown, and documents built in the test add what Word files carry
besides: hyperlinks, tracked changes, content controls, text boxes, merged cells, page headers.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from kg.errors import InputError
from kg.extract.document import extract_document
from kg.ingest.read import decode_document
from kg.ingest.text import load, render
from kg.models import TextDocument
from tests.test_ingest_pdf import _evidence

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "docs"
WORD = sorted(DOCS.glob("*-word.docx"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rendition(data: bytes, name: str = "report.docx") -> TextDocument:
    return render(decode_document(data, source=name))


def saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _make_docx_module() -> Any:
    spec = importlib.util.spec_from_file_location("make_docx", DOCS / "make_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ the committed Word documents


@pytest.mark.parametrize("path", WORD, ids=[p.name for p in WORD])
def test_word_report_reads_like_its_markdown(path: Path) -> None:
    md = load(DOCS / path.name.replace("-word.docx", ".md"))
    doc = load(path)
    assert doc.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert doc.encoding == "docx"
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.text == md.text
    assert [(b.kind, b.level, b.depth, b.rows, b.strong) for b in doc.blocks] == \
        [(b.kind, b.level, b.depth, b.rows, b.strong) for b in md.blocks]
    assert {"heading", "list_item", "table"} <= {b.kind for b in doc.blocks}


@pytest.mark.parametrize("path", WORD, ids=[p.name for p in WORD])
def test_every_quote_is_an_exact_slice_of_the_rendition(path: Path) -> None:
    doc = load(path)
    quotes = _evidence(extract_document(doc))
    assert len(quotes) > 10
    for e in quotes:
        assert doc.text[e.start:e.end] == e.quote


def test_the_generator_reproduces_the_committed_files() -> None:
    make_docx = _make_docx_module()
    for md, name in make_docx.SOURCES.items():
        assert make_docx.convert((DOCS / md).read_text("utf-8")) == (DOCS / name).read_bytes(), name


def test_same_bytes_same_text() -> None:
    data = WORD[0].read_bytes()
    first, second = rendition(data), rendition(bytes(data), "renamed.txt")
    assert first.text == second.text and first.blocks == second.blocks
    assert decode_document(data, source="a.docx").body == decode_document(data, source="a.docx").body


# ------------------------------------------------------------------ what Word files carry


def _run_xml(text: str, *, bold: bool = False, deleted: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r {_NS}>{props}<{tag} xml:space="preserve">{text}</{tag}></w:r>'


_NS = f'xmlns:w="{W}"'


def _word_features() -> bytes:
    d = docx.Document()
    d.core_properties.title = "Hard Carbon Anode Market"
    d.sections[0].header.paragraphs[0].text = "CONFIDENTIAL - Lakeview Research"
    d.sections[0].footer.paragraphs[0].text = "Page 1"
    d.add_paragraph("Hard Carbon Anode Market Report 2025", style="Title")
    d.add_heading("Market Overview", level=1)
    p = d.add_paragraph()
    p.add_run("The market was valued at ")
    p.add_run("USD 412.5 million").bold = True
    p.add_run(" in 2024")
    # a hyperlink, a tracked insertion and a tracked deletion inside the paragraph
    p._p.append(parse_xml(f'<w:hyperlink {_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                          f'relationships" r:id="rId99">{_run_xml(", see the summary")}</w:hyperlink>'))
    p._p.append(parse_xml(f'<w:ins {_NS} w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">'
                          f'{_run_xml(" and will grow")}</w:ins>'))
    p._p.append(parse_xml(f'<w:del {_NS} w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z">'
                          f'{_run_xml(" DELETED WORDS", deleted=True)}</w:del>'))
    p.add_run(".")
    d.add_heading("Segments", level=2)
    d.add_paragraph("Sodium-ion batteries", style="List Bullet")
    d.add_paragraph("Stationary storage", style="List Bullet 2")
    numbered = d.add_paragraph("Two-wheelers", style="List Paragraph")  # numbering set on the paragraph
    num_pr = OxmlElement("w:numPr")
    ilvl, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), "1")
    num_id.set(qn("w:val"), "1")
    num_pr.extend([ilvl, num_id])
    numbered._p.get_or_add_pPr().append(num_pr)
    d.add_paragraph("Consumer electronics", style="List Bullet")
    # a content control (w:sdt) around a paragraph, and a line break inside a paragraph
    body = d.element.body
    sdt = parse_xml(f'<w:sdt {_NS}><w:sdtPr/><w:sdtContent><w:p>{_run_xml("Inside a content control.")}'
                    "</w:p></w:sdtContent></w:sdt>")
    body.insert(list(body).index(body[-1]), sdt)
    br = d.add_paragraph("First line")
    br.add_run().add_break()
    br.add_run("second line")
    # a text box, written twice as Word does (DrawingML, and a VML fallback for old readers)
    box = d.add_paragraph("Anchor paragraph.")
    box._p.append(parse_xml(
        f'<w:r {_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wps:txbx><w:txbxContent><w:p>{_run_xml("Key figure: 18.2% CAGR")}</w:p></w:txbxContent></wps:txbx>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>'
        f'<w:p>{_run_xml("Key figure: 18.2% CAGR")}</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"))
    # a table: repeating header row, a cell spanning two columns, a vertically merged cell
    t = d.add_table(rows=4, cols=3)
    for c, text in enumerate(("Region", "2024", "2030")):
        t.cell(0, c).text = text
    header = OxmlElement("w:tblHeader")
    t.rows[0]._tr.get_or_add_trPr().append(header)
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Asia Pacific", "301.2", "842.0"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "Europe", "64.0", "171.5"
    merged = t.cell(3, 0).merge(t.cell(3, 1))
    merged.text = "Source: Lakeview estimates"
    return saved(d)


def test_word_features() -> None:
    doc = rendition(_word_features())
    lines = doc.text.split("\n")
    assert lines[0] == "Hard Carbon Anode Market Report 2025"
    kinds = {doc.text[b.start:b.end]: b for b in doc.blocks}
    assert kinds["Hard Carbon Anode Market Report 2025"].level == 1
    assert kinds["Market Overview"].level == 1 and kinds["Segments"].level == 2
    assert "The market was valued at USD 412.5 million in 2024, see the summary and will grow." in lines
    block = kinds["The market was valued at USD 412.5 million in 2024, see the summary and will grow."]
    assert [doc.text[s.start:s.end] for s in block.strong] == ["USD 412.5 million"]
    assert "DELETED" not in doc.text and "CONFIDENTIAL" not in doc.text and "Page 1" not in doc.text
    assert [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"] == [
        ("Sodium-ion batteries", 0), ("Stationary storage", 1), ("Two-wheelers", 1), ("Consumer electronics", 0)]
    assert "Inside a content control." in lines
    assert "First line" in lines and "second line" in lines
    assert lines.count("Key figure: 18.2% CAGR") == 1
    assert lines.index("Key figure: 18.2% CAGR") == lines.index("Anchor paragraph.") + 1
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start:table.end].split("\n") == [
        "Region | 2024 | 2030", "Asia Pacific | 301.2 | 842.0", "Europe | 64.0 | 171.5",
        "Source: Lakeview estimates |  |"]  # the spanned column and the third one are empty cells
    assert all(c.header for c in table.rows[0]) and not any(c.header for c in table.rows[1])
    assert doc.front_matter["html_title"] == "Hard Carbon Anode Market"


# ------------------------------------------------------------------ ZIP files that are not readable Word files


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _refused(data: bytes, name: str) -> InputError:
    with pytest.raises(InputError) as err:
        decode_document(data, source=name)
    assert err.value.source == name and err.value.hint
    return err.value


def test_other_zip_named_docx_is_refused() -> None:
    xlsx = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    err = _refused(xlsx, "report.docx")
    assert "not a Word document" in err.problem and "Excel" in err.problem
    assert "not a Word document" in _refused(_zip({"notes.txt": "hello"}), "report.docx").problem


def test_other_zips_stay_refused() -> None:
    xlsx = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    assert "Excel workbook" in _refused(xlsx, "data.xlsx").problem
    assert "ZIP archive" in _refused(_zip({"a.txt": "x"}), "bundle.zip").problem
    assert "ZIP archive saved with a .txt name" in _refused(_zip({"a.txt": "x"}), "bundle.txt").problem


def test_damaged_docx_is_refused() -> None:
    good = WORD[0].read_bytes()
    assert "damaged" in _refused(good[: len(good) // 2], "cut.docx").problem
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, data[:100] if info.filename == "word/document.xml" else data)
    assert "damaged Word document" in _refused(broken.getvalue(), "broken.docx").problem


def test_macro_enabled_document_is_refused() -> None:
    good = WORD[0].read_bytes()
    docm = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(docm, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            dst.writestr(info.filename, data)
    err = _refused(docm.getvalue(), "macros.docm")
    assert "not a Word .docx document" in err.problem and "macroEnabled" in err.problem


def test_xml_is_parsed_without_entities() -> None:
    """An external entity in document.xml is not fetched (no network, no local file read)."""
    good = WORD[0].read_bytes()
    hostile = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(hostile, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                data = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        + etree.tostring(root).replace(b"<w:t>", b"<w:t>&x;", 1))
            dst.writestr(info.filename, data)
    doc = rendition(hostile.getvalue())
    assert "root:" not in doc.text
    assert "Conductive Carbon Additives for Battery Anodes Market" in doc.text.split("\n")[0]


def test_non_ascii_digits_in_levels_and_spans_read_as_absent() -> None:
    """A w:ilvl, w:gridSpan or w:outlineLvl value of "²" (str.isdigit() is true, int() fails) counts as
    absent: the document still reads, rather than being refused as damaged."""
    d = docx.Document()
    d.add_paragraph("Market Overview", style="Heading 1")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "²")
    d.styles["Heading 1"].element.get_or_add_pPr().append(outline)
    listed = d.add_paragraph("Sodium-ion batteries", style="List Paragraph")
    num_pr, ilvl, num_id = OxmlElement("w:numPr"), OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), "²")
    num_id.set(qn("w:val"), "1")
    num_pr.extend([ilvl, num_id])
    listed._p.get_or_add_pPr().append(num_pr)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text, t.cell(1, 1).text = "Region", "2024", "Asia", "301.2"
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "²")
    t.cell(1, 0)._tc.get_or_add_tcPr().append(span)
    doc = rendition(saved(d), "odd.docx")
    assert [(doc.text[b.start:b.end], b.level) for b in doc.blocks if b.kind == "heading"] == [("Market Overview", 1)]
    assert [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"] == [
        ("Sodium-ion batteries", 0)]
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert [len(row) for row in table.rows] == [2, 2]
