"""kg.ingest.pdf: PDF reports read into the text rendition, with real PDFs (no mocks).

Three kinds of PDF: the Chromium prints of HTML test documents committed in tests/docs (``*-printed.pdf``),
PDFs written here byte by byte with the standard Helvetica font (so every layout rule can be set up
exactly: running headers, page numbers, hyphenation, word gaps without space glyphs, bullets, tables), and,
where Chromium is installed, pages printed at test time (an image-only page: a scan without text layer).
"""

from __future__ import annotations

import base64
import hashlib
import io
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from pdfminer.fontmetrics import FONT_METRICS
from pydantic import BaseModel
from pypdf import PdfReader, PdfWriter

from kg.errors import InputError
from kg.extract.document import extract_document
from kg.ingest.read import decode_document, read_document
from kg.ingest.text import load, render
from kg.models import Evidence, TextDocument
from tests.browser import CHROMIUM, FLAGS, chromium_available

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "docs"
PRINTED = sorted(DOCS.glob("*-printed.pdf"))


# ------------------------------------------------------------------ a tiny PDF writer (Helvetica, WinAnsi)


def _width(text: str, size: float, bold: bool = False) -> float:
    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(ch, 556) for ch in text) * size / 1000


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


Item = tuple[float, float, float, bool, str]  # x, y from the top, font size, bold, text


def make_pdf(pages: list[list[Item]], *, words: bool = False) -> bytes:
    """A valid PDF (correct xref) with one text object per item; ``words``: every word placed on its own
    and no space glyphs at all, as many PDF producers write text."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_ids = (3 + 2 * len(pages), 4 + 2 * len(pages))
    for n, items in enumerate(pages):
        ops: list[bytes] = []
        for x, y, size, bold, text in items:
            font = b"/F2" if bold else b"/F1"
            parts = [(x, text)]
            if words:
                parts, pos = [], x
                for word in text.split(" "):
                    parts.append((pos, word))
                    pos += _width(word + " ", size, bold)
            for px, part in parts:
                ops.append(b"BT %s %g Tf %.2f %.2f Td (%s) Tj ET" % (font, size, px, 792 - y, _escape(part)))
        stream = b"\n".join(ops)
        resources = f"<< /Font << /F1 {font_ids[0]} 0 R /F2 {font_ids[1]} 0 R >> >>"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_ids[n] + 1} 0 R "
                       f"/Resources {resources} >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    for base in ("Helvetica", "Helvetica-Bold"):
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode())
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def wrap(text: str, x: float, y: float, size: float, width: float, leading: float) -> tuple[list[Item], float]:
    """Greedy line breaking at ``width`` points: the items and the y below the last line."""
    items: list[Item] = []
    line = ""
    for word in text.split(" "):
        trial = f"{line} {word}" if line else word
        if line and _width(trial, size) > width:
            items.append((x, y, size, False, line))
            y += leading
            line = word
        else:
            line = trial
    items.append((x, y, size, False, line))
    return items, y + leading


def with_running_lines(pages: list[list[Item]]) -> list[list[Item]]:
    """A running header and a "Page N of M" footer on every page, as report PDFs have."""
    return [[(72, 30, 9, False, "Acme Research | Graphite Anode Market Report"), *items,
             (280, 770, 9, False, f"Page {n} of {len(pages)}")] for n, items in enumerate(pages, start=1)]


def rendition(data: bytes, name: str = "report.pdf") -> TextDocument:
    return render(decode_document(data, source=name))


# ------------------------------------------------------------------ Chromium prints of the test documents


@pytest.mark.parametrize("pdf", PRINTED, ids=[p.name for p in PRINTED])
def test_printed_report_reads_like_its_html(pdf: Path) -> None:
    """The printed PDF's rendition is the HTML page's rendition: same text, same tables, same headings
    (except bold body-size ``<h4>`` lines, which a PDF cannot tell from a bold paragraph)."""
    html = load(DOCS / pdf.name.replace("-printed.pdf", ".html"))
    doc = load(pdf)
    assert doc.media_type == "application/pdf" and doc.encoding == "pdf"
    assert doc.raw_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert doc.text == html.text
    assert [b.rows for b in doc.blocks if b.kind == "table"] == [b.rows for b in html.blocks if b.kind == "table"]
    assert any(b.kind == "table" for b in doc.blocks) and any(b.kind == "list_item" for b in doc.blocks)
    pdf_headings = {(b.start, b.end, b.level) for b in doc.blocks if b.kind == "heading"}
    html_headings = {(b.start, b.end, b.level) for b in html.blocks if b.kind == "heading"}
    assert pdf_headings <= html_headings
    assert html_headings - pdf_headings == {(b.start, b.end, b.level) for b in html.blocks
                                            if b.kind == "heading" and b.level == 4}
    assert [b.depth for b in doc.blocks if b.kind == "list_item"] == \
        [b.depth for b in html.blocks if b.kind == "list_item"]
    assert doc.front_matter.get("html_title") == html.front_matter.get("html_title")


def _evidence(obj: Any) -> list[Evidence]:
    if isinstance(obj, Evidence):
        return [obj]
    if isinstance(obj, BaseModel):
        return [e for name in type(obj).model_fields for e in _evidence(getattr(obj, name))]
    if isinstance(obj, list | tuple):
        return [e for x in obj for e in _evidence(x)]
    return []


@pytest.mark.parametrize("pdf", PRINTED, ids=[p.name for p in PRINTED])
def test_every_quote_is_an_exact_slice_of_the_rendition(pdf: Path) -> None:
    doc = load(pdf)
    facts = extract_document(doc)
    quotes = _evidence(facts)
    assert len(quotes) > 20 and facts.market_sizes
    for e in quotes:
        assert doc.text[e.start:e.end] == e.quote
    for b in doc.blocks:
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end] != ""
        for row in b.rows:
            for cell in row:
                assert " | " not in doc.text[cell.start:cell.end]


def test_same_bytes_same_text() -> None:
    data = PRINTED[0].read_bytes()
    first, second = rendition(data), rendition(bytes(data), "renamed.txt")
    assert first.text == second.text and first.blocks == second.blocks
    assert first.text_sha256 == second.text_sha256
    assert decode_document(data, source="a.pdf").body == decode_document(data, source="a.pdf").body


# ------------------------------------------------------------------ layout rules, on PDFs written here


def _report_pages(*, words: bool = False) -> list[list[Item]]:
    intro, y = wrap("Worldwide sales of coated graphite anodes reached USD 12.6 billion in 2024 and should "
                    "climb to USD 27.9 billion by 2031, a CAGR of 12.0% over 2025-2031. Refiners and "
                    "anode makers keep adding capacity.", 72, 130, 11, 460, 14)
    page1: list[Item] = [(72, 80, 20, True, "Graphite Anode Market Report 2025"), *intro]
    page1 += [(72, y + 6, 11, False, "Coated spherical grades made by the largest refin-"),
              (72, y + 20, 11, False, "ers in China and Japan dominate the trade; low-"),
              (72, y + 34, 11, False, "sulphur coke is the main precursor.")]
    y += 70
    page1.append((72, y, 14, True, "Key Drivers"))
    page1 += [(80, y + 24, 11, False, "\u2022"), (92, y + 24, 11, False, "Electric vehicle production in China"),
              (98, y + 38, 11, False, "\u2022"), (110, y + 38, 11, False, "Battery-grade spherical graphite"),
              (80, y + 52, 11, False, "\u2022"), (92, y + 52, 11, False, "Energy storage deployments")]
    y += 90
    page1.append((72, y, 11, False, "Table 1: Coated anode sales per region, USD million"))
    rows = [("Region", "2024", "2031"), ("East Asia", "8,915.0", "19,760.4"), ("North America", "2,104.7",
                                                                               "4,902.3"),
            ("Europe", "1,580.3", "3,237.3")]
    for r, row in enumerate(rows):
        for x, cell in zip((72, 260, 380), row, strict=True):
            page1.append((x, y + 20 + 16 * r, 11, r == 0, cell))
    # a paragraph the page break cuts after its second line
    tail, _ = wrap("East Asia took a 70.8% share of 2024 sales; North America should add the most volume "
                   "once two coating plants in Texas and Ontario begin shipping in 2027 and 2028. "
                   "Europe trails with lines planned in Finland and Portugal.", 72, 700, 11, 460, 14)
    page1 += tail[:2]
    page2 = [(x, y - 700 + 80, size, bold, text) for x, y, size, bold, text in tail[2:]]
    return with_running_lines([page1, page2])


@pytest.mark.parametrize("words", [False, True], ids=["one-object-per-line", "word-by-word-no-spaces"])
def test_layout_rules_on_a_written_pdf(words: bool) -> None:
    doc = rendition(make_pdf(_report_pages(words=words), words=words))
    lines = doc.text.split("\n")
    heading = doc.blocks[0]
    assert heading.kind == "heading" and heading.level == 1
    assert lines[0] == "Graphite Anode Market Report 2025"
    # running header and "Page N of M" footer dropped
    assert not any("Acme Research" in line or line.startswith("Page ") for line in lines)
    # wrapped lines re-joined; "refin-" + "ers" joined (the document spells "Refiners"), "low-" kept
    assert lines[1].startswith("Worldwide sales of coated graphite anodes") and lines[1].endswith("capacity.")
    assert "Coated spherical grades made by the largest refiners in China and Japan dominate the trade; " \
        "low-sulphur coke is the main precursor." in lines
    # bullets: list items with their nesting, the bullet itself is not text
    items = [(doc.text[b.start:b.end], b.depth) for b in doc.blocks if b.kind == "list_item"]
    assert items == [("Electric vehicle production in China", 0), ("Battery-grade spherical graphite", 1),
                     ("Energy storage deployments", 0)]
    # the table: one block, a bold header row, cells split at the column gaps
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start:table.end].split("\n") == [
        "Region | 2024 | 2031", "East Asia | 8,915.0 | 19,760.4", "North America | 2,104.7 | 4,902.3",
        "Europe | 1,580.3 | 3,237.3"]
    assert all(cell.header for cell in table.rows[0]) and not any(cell.header for cell in table.rows[1])
    # a paragraph cut by the page break goes on across it
    assert any(line.startswith("East Asia took a 70.8% share") and line.endswith("Finland and Portugal.")
               for line in lines)


def test_quotes_from_a_written_pdf_are_exact() -> None:
    doc = rendition(make_pdf(_report_pages()))
    facts = extract_document(doc)
    assert {float(m.value_usd_million or 0) for m in facts.market_sizes} >= {12600.0, 27900.0}
    for e in _evidence(facts):
        assert doc.text[e.start:e.end] == e.quote


def test_owner_password_only_pdf_is_read() -> None:
    """Copy restrictions without a user password (common on publisher PDFs): it opens, and reads the same."""
    plain = make_pdf(_report_pages())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    assert rendition(out.getvalue()).text == rendition(plain).text


# ------------------------------------------------------------------ PDFs that cannot be read


def _refused(data: bytes, name: str = "bad.pdf") -> InputError:
    with pytest.raises(InputError) as err:
        decode_document(data, source=name)
    assert err.value.source == name
    assert err.value.hint
    return err.value


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf_is_refused(algorithm: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(_report_pages()))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    err = _refused(out.getvalue())
    assert "encrypted PDF" in err.problem and "password" in err.problem


def test_truncated_pdf_is_refused() -> None:
    data = PRINTED[0].read_bytes()
    for cut in (len(data) // 2, len(data) - 200, 40):
        err = _refused(data[:cut])
        assert "damaged PDF" in err.problem and "truncated" in err.problem


def test_corrupt_pdf_is_refused() -> None:
    garbage = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    assert "damaged PDF" in _refused(garbage).problem
    no_root = b"%PDF-1.4\n1 0 obj\n<< /Type /Foo >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n"
    assert "damaged PDF" in _refused(no_root).problem


def test_pdf_without_text_is_refused() -> None:
    blank = make_pdf([[]])
    assert "without any text" in _refused(blank).problem


def test_pdf_errors_reach_the_build_as_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(PRINTED[0].read_bytes()[:5000])
    with pytest.raises(InputError, match=r"^broken\.pdf: is a damaged PDF"):
        read_document(tmp_path / "broken.pdf")


# ------------------------------------------------------------------ pages printed by Chromium now


def _png(width: int, height: int) -> bytes:
    """A grey page with dark strokes, like a scanned page of text (deterministic, pure Python)."""
    rows = b"".join(
        b"\x00" + bytes(40 if (y % 14) in (4, 5, 6, 7) and (x * 7 + y * 3) % 23 > 4 else 235 for x in range(width))
        for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def print_pdf(html: str, tmp_path: Path) -> bytes:
    page, out = tmp_path / "page.html", tmp_path / "page.pdf"
    page.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}",
                        "--no-pdf-header-footer", page.as_uri()], check=True, capture_output=True, timeout=120)
    return out.read_bytes()


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium is not installed")
def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    image = base64.b64encode(_png(400, 300)).decode()
    data = print_pdf(f'<!doctype html><html><body><img src="data:image/png;base64,{image}" width="600">'
                     "</body></html>", tmp_path)
    err = _refused(data, "scan.pdf")
    assert "without a text layer" in err.problem and "OCR" in err.hint


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium is not installed")
def test_a_page_printed_now_reads_like_its_html(tmp_path: Path) -> None:
    """Justified, hyphenated text, a padded table with wrapped cells, two text columns, nested lists."""
    html = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><style>"
            "body{font-family:serif;text-align:justify} td,th{border:1px solid #999;padding:7px}"
            ".cols{column-count:2;column-gap:1cm}</style></head><body>"
            "<h1>Needle Coke Market Outlook 2025&ndash;2032</h1><div class='cols'>"
            + "".join(f"<p>Paragraph {i}: the needle coke market grew as graphite electrode makers and anode "
                      "producers competed for premium coal-tar and petroleum grades, and new cal&shy;cination "
                      "lines started in India, China and the United States during the year.</p>"
                      for i in range(1, 7))
            + "</div><h2>Market by Region</h2><table><tr><th>Region</th><th>Market size 2024 (USD million, "
              "estimated)</th></tr><tr><td>Oceania and the rest of the wider region</td><td>1,204.5</td>"
              "</tr><tr><td>Europe</td><td>310.2</td></tr></table><ul><li>Electrodes<ul><li>UHP grades</li>"
              "</ul></li><li>Anodes</li></ul></body></html>")
    data = print_pdf(html, tmp_path)
    source = render(decode_document(html.encode(), source="page.html"))
    assert rendition(data).text == source.text


def test_reading_pdf_and_docx_needs_no_network(tmp_path: Path) -> None:
    """``kg build`` of a PDF and a Word report with every network call blocked (tests/test_no_network.py)."""
    from tests.test_no_network import Sandbox

    box = Sandbox(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (PRINTED[0], DOCS / "natural-graphite-anode-word.docx"):
        (folder / path.name).write_bytes(path.read_bytes())
    proc = box.kg("build", str(folder), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert "built 2 document(s)" in proc.stdout
    assert box.attempts() == []
