"""read.py: decoding, mojibake repair, front matter, media type sniffing, refusal of non-text input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.read import decode_document, read_document, sniff_media_type, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_raw_sha256_is_of_the_bytes(tmp_path: Path) -> None:
    data = b"<p>Hello &amp; bye</p>\r\n"
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == "a.txt"
    assert doc.encoding == "utf-8"
    assert "\r" not in doc.body


def test_cp1252_bytes_decode_as_cp1252(tmp_path: Path) -> None:
    text = "The market was worth \u20ac1.85 bn in 2024 \u2013 \u201cstrong\u201d growth, Europe\u2019s share."
    doc = read_document(write(tmp_path, "w.txt", text.encode("cp1252")))
    assert doc.encoding == "cp1252"
    assert doc.body == text
    assert not doc.repaired


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    original = (
        "Hall-H\u00e9roult process \u2014 the world\u2019s \u2018largest\u2019 \u201cbig \u27a4 capacity.\n"
    )
    mangled = original.encode("utf-8").decode("cp1252")
    assert "Ã©" in mangled and "â€" in mangled
    doc = read_document(write(tmp_path, "m.txt", mangled.encode("utf-8")))
    assert doc.repaired
    assert doc.encoding == "utf-8"
    assert doc.body == original


def test_clean_utf8_is_not_marked_repaired(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "c.txt", "Caf\u00e9 \u2014 \u201cok\u201d \u27a4 fine\n".encode()))
    assert not doc.repaired


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_bom_encodings(tmp_path: Path, encoding: str) -> None:
    text = "<h1>Titel \u2013 \u00fcber</h1><p>\u20ac 5 million</p>"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)
    doc = read_document(write(tmp_path, "u.txt", data))
    assert doc.body == text
    assert doc.media_type == "text/html"


def test_bomless_utf16_is_recognised(tmp_path: Path) -> None:
    text = "Plain report text with enough ASCII characters."
    doc = read_document(write(tmp_path, "u16.txt", text.encode("utf-16-le")))
    assert doc.encoding == "utf-16-le"
    assert doc.body == text


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"abc\x00\x01\x02\x03def\x00\xff", "NUL"),
    ],
)
def test_binary_input_is_refused(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "b.txt", data))
    assert err.value.source == "b.txt"
    assert what in err.value.problem


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        read_document(write(tmp_path, "e.txt", b""))
    with pytest.raises(InputError, match="whitespace"):
        read_document(write(tmp_path, "w.txt", b" \n\t\r\n "))


def test_control_character_soup_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not decode to text"):
        read_document(write(tmp_path, "c.txt", bytes(range(1, 32)) * 20))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_document(tmp_path / "nope.txt")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        doc = decode_document(data, source="x.bin")
    except InputError:
        return
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert "\r" not in doc.body


def test_front_matter_is_parsed_and_removed() -> None:
    text = '---\ntitle: "A: B Market"\ndatePublished: Fri Dec 12 2025\nslug: a-b\n\n---\n\n# A: B Market\n'
    front, body = split_front_matter(text)
    assert front == {"title": "A: B Market", "datePublished": "Fri Dec 12 2025", "slug": "a-b"}
    assert body == "\n# A: B Market\n"


def test_a_leading_rule_is_not_front_matter() -> None:
    text = "---\nJust a paragraph between rules\n---\nmore\n"
    assert split_front_matter(text) == ({}, text)
    assert split_front_matter("---\ntitle: x\n")[0] == {}  # never closed


@pytest.mark.parametrize(
    ("name", "media_type", "title"),
    [
        ("000_7cf7d8ff4e6b6c85.txt", "text/html", None),
        ("001_c6a839b301780e25.txt", "text/html", "Anode Material for Sodium-ion Battery Market"),
        ("002_69949347a701a666.txt", "text/html", "Global Anode Active Material Market Research Report"),
        ("003_d66bec55743da646.txt", "text/html", "Carbon Anode for Aluminum Electrolysis Market"),
        ("004_5852f63bdd323a9b.txt", "text/html", None),
    ],
)
def test_corpus_files(name: str, media_type: str, title: str | None) -> None:
    doc = read_document(CORPUS / name)
    assert doc.media_type == media_type
    assert doc.encoding == "utf-8"
    if title is None:
        assert doc.front_matter == {}
        assert doc.body.startswith("<h1>")
    else:
        assert doc.front_matter["title"].startswith(title)
        assert {"datePublished", "cuid", "slug"} <= doc.front_matter.keys()
        assert doc.body.lstrip().startswith("# ")
        assert "---" not in doc.body[:10]


def test_corpus_003_mojibake_repaired() -> None:
    doc = read_document(CORPUS / "003_d66bec55743da646.txt")
    assert doc.repaired
    assert "Hall-H\u00e9roult" in doc.body
    assert "\u00c3\u00a9" not in doc.body and "\u00e2\u20ac" not in doc.body


def test_media_type_by_content() -> None:
    assert sniff_media_type((FIXTURES / "small.md").read_text(), ".txt") == "text/markdown"
    assert sniff_media_type((FIXTURES / "small.html").read_text(), ".txt") == "text/html"
    assert sniff_media_type((FIXTURES / "plain.txt").read_text(), ".txt") == "text/plain"
    assert sniff_media_type("just words", ".md") == "text/markdown"
    assert sniff_media_type("Prices <5% and a <T> type", ".txt") == "text/plain"
    assert sniff_media_type("# Title\n\n<p>a</p><p>b</p><div>c</div>", ".txt") == "text/html"


def test_dash_bullets_alone_do_not_make_a_text_file_markdown() -> None:
    bullets = "WIDGET MARKET\n=============\n\nBy type:\n  - Fine\n  - Coarse\n- Cells\n"
    assert sniff_media_type(bullets, ".txt") == "text/plain"
    # negative: a strong markdown signal still decides
    for strong in ("## Drivers\n", "See [the report](https://example.com/r).\n", "**Key point:** growth\n",
                   "| a | b |\n|---|---|\n| 1 | 2 |\n"):
        assert sniff_media_type(bullets + strong, ".txt") == "text/markdown", strong


def test_pdf_and_docx_are_recognised_by_their_bytes(tmp_path: Path) -> None:
    """A PDF or Word file under any name is read as what it is; the hash stays that of the raw bytes."""
    docs = ROOT / "tests" / "docs"
    for source, media_type, encoding in (
        ("prebaked-anode-middle-east-printed.pdf", "application/pdf", "pdf"),
        ("natural-graphite-anode-word.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ):
        data = (docs / source).read_bytes()
        doc = read_document(write(tmp_path, "saved-as.txt", data))
        assert (doc.media_type, doc.encoding) == (media_type, encoding)
        assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
        assert doc.body.startswith("<!doctype html>") and doc.front_matter == {}


def test_mail_header_becomes_front_matter() -> None:
    from kg.ingest.read import split_mail_header

    text = ("From: Grafton Notes <news@grafton.example>\nTo: readers@grafton.example\n"
            "Date: Wed, 05 Mar 2025 09:15:00 +0100\nSubject: Weekly: resin anode prices\n"
            "  continue to climb\n\nGRAFTON NOTES\nResin anode prices rose again.\n")
    front, body = split_mail_header(text)
    assert front["datePublished"] == "2025-03-05"
    assert front["subject"] == "Weekly: resin anode prices continue to climb"
    assert "title" not in front
    assert body.startswith("GRAFTON NOTES\n")


def test_mail_header_needs_mail_fields_at_the_top() -> None:
    from kg.ingest.read import split_mail_header

    for text in (
        "ACME RESEARCH | NOTE\nDate: 2025-01-02\nSubject: x\n\nBody.\n",  # not on the first line
        "Date: 2025-01-02\nAnalysts: A. B.\n\nBody.\n",  # one mail field only
        "From: Acme\nTo: you\nThis line is prose, not a field.\n\nBody.\n",  # prose inside the block
        "Region: Europe\nSubject: x\n\nBody.\n",  # first line is not a mail field
    ):
        assert split_mail_header(text) == ({}, text)


def test_mail_header_read_from_bytes() -> None:
    raw = decode_document(b"Subject: Coke digest\nFrom: Desk <d@x.example>\nDate: junk\n\nHello world.\n",
                          source="m.txt")
    assert raw.front_matter["datePublished"] == "junk"
    assert raw.body == "Hello world.\n"
