r"""kg.ingest.rtf: RTF documents read into the text rendition, with RTF written by hand in the test.

The report is written the way Word saves RTF (font, colour and style tables, ``\info``, list text groups,
``\trowd`` ... ``\cell`` ... ``\row`` tables, page header and footer groups) and must read like its HTML
page (tests/test_ingest_pptx.py) and give its facts through ``kg build``; the character escapes (``\uN``
with negative N, surrogate pairs and ``\ucN`` fallbacks, ``\'hh`` bytes in the document's or a font's
code page, double-byte code pages) must decode to the characters a word processor shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from kg.ingest.read import decode_document
from kg.ingest.text import render
from kg.models import TextDocument
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
)

HEAD = (
    r"{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff0\deff0\stshfdbch0\stshfloch31506\deflang1033"
    r"{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}"
    r"{\f3\fbidi \froman\fcharset2\fprq2{\*\panose 05050102010706020507}Symbol;}"
    r"{\f40\fbidi \fswiss\fcharset204\fprq2 Arial Cyr;}{\f41\fbidi \fmodern\fcharset128\fprq1 MS Mincho;}}"
    r"{\colortbl;\red0\green0\blue0;\red0\green0\blue255;}"
    r"{\*\defchp \fs22\loch\af31506 }{\*\defpap \ql \li0\ri0\sa160\sl259\slmult1 }"
    r"{\stylesheet{\ql \li0\ri0\sa160\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 "
    r"\rtlch\fcs1 \af0\afs22 \ltrch\fcs0 \fs22\lang1033\langfe1033\cgrid \snext0 \sqformat \spriority0 Normal;}"
    r"{\s1\ql \li0\ri0\sb240\keepn\outlinelevel0\adjustright\rin0\lin0\itap0 \b\fs32 \sbasedon0 \snext0 "
    r"\slink15 \sqformat \spriority9 heading 1;}"
    r"{\s2\ql \li0\ri0\sb40\keepn\outlinelevel1\adjustright\rin0\lin0\itap0 \b\fs26 \sbasedon0 \snext0 "
    r"\slink16 \sqformat \spriority9 heading 2;}"
    r"{\s15\ql \li0\ri0\contextualspace\adjustright\rin0\lin0\itap0 \fs56\kerning28 \sbasedon0 \snext0 "
    r"\sqformat \spriority10 Title;}"
    r"{\*\cs10 \additive \ssemihidden \sunhideused \spriority1 Default Paragraph Font;}}"
    r"{\*\listtable{\list\listtemplateid-1{\listlevel\levelnfc23\leveljc0\levelfollow0\levelstartat1"
    r"{\leveltext\leveltemplateid67698689\'01\u-3913 ?;}{\levelnumbers;}\f3\fi-360\li720 }\listid1}}"
    r"{\*\listoverridetable{\listoverride\listid1\listoverridecount0\ls1}}"
    r"{\*\rsidtbl \rsid1234\rsid5678}{\*\generator Microsoft Word 16.0;}"
    r"{\info{\title Silicon anode report}{\author Lakeview Research}{\creatim\yr2025\mo3\dy4\hr9\min30}}"
    r"{\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}"
    "\n\\paperw11906\\paperh16838\\margl1440\\margr1440 \\widowctrl\\ftnbj\\aenddoc\n"
    r"{\header \ltrpar \pard\plain \ltrpar\s17\ql CONFIDENTIAL - Lakeview Research\par }"
    r"{\footer \ltrpar \pard\plain \ltrpar\s18\qc Page {\field{\*\fldinst { PAGE }}{\fldrslt {1}}}\par }"
    "\n"
)


def para(text: str, style: str = r"\ql", *, listed: bool = False) -> str:
    mark = r"{\listtext\pard\plain\ltrpar \f3\fs22 \loch\af3 \'b7\tab}" if listed else ""
    props = r"\ls1\ilvl0" if listed else ""
    return (mark + r"\pard\plain \ltrpar" + style + props +
            r"\li0\ri0\widctlpar\wrapdefault\itap0 \rtlch\fcs1 \af0 \ltrch\fcs0 \fs22\insrsid1234 " +
            text + "\\par\n")


def table_row(cells: list[str], *, header: bool) -> str:
    widths = "".join(rf"\clvertalt\clbrdrt\brdrs\brdrw10 \cltxlrtb\clftsWidth3\clwWidth3005 \cellx{3005 * (i + 1)}"
                     for i in range(len(cells)))
    row_props = r"\trowd \irow0\irowband0\ltrrow\ts11\trgaph108\trleft-108" + (r"\trhdr" if header else "") + widths
    body = "".join(r"\pard \ltrpar\ql \li0\ri0\widctlpar\intbl\wrapdefault\itap0 {\rtlch\fcs1 \af0 \ltrch\fcs0 "
                   + c + r"\cell }" for c in cells)
    return row_props + body + r"\pard \ltrpar\ql \li0\ri0\widctlpar\intbl\itap0 {" + row_props + r"\row }" + "\n"


def report_rtf() -> bytes:
    before, after = SIZE_2024.split("USD 1.24 billion")
    parts = [
        HEAD,
        para(TITLE, r"\s15"),
        para(SUBTITLE),
        para("Market Overview", r"\s2"),
        para(before + r"{\rtlch\fcs1 \ab\af0 \ltrch\fcs0 \b\insrsid5678 USD 1.24 billion}" + after, listed=True),
        para(FORECAST, listed=True),
        para("Key Companies", r"\s2"),
        *(para(c, listed=True) for c in COMPANIES),
        para("Regional Outlook", r"\s2"),
        table_row(TABLE[0], header=True),
        *(table_row(row, header=False) for row in TABLE[1:]),
        r"\pard \ltrpar\ql \li0\ri0\sa160\widctlpar\wrapdefault\itap0 \par }",
    ]
    return "".join(parts).encode("ascii")


def rendition(data: bytes, name: str = "report.rtf") -> TextDocument:
    return render(decode_document(data, source=name))


def test_rtf_reads_like_the_report() -> None:
    raw = decode_document(report_rtf(), source="report.rtf")
    assert raw.media_type == "application/rtf" and raw.encoding == "rtf"
    doc = render(raw)
    assert_reads_like_the_report(doc)
    for unseen in ("CONFIDENTIAL", "Page", "Times New Roman", "Lakeview", "heading", "Microsoft Word"):
        assert unseen not in doc.text
    assert doc.front_matter["html_title"] == "Silicon anode report"


def test_rtf_recognised_by_content_not_name() -> None:
    assert rendition(report_rtf(), "report.txt").text == rendition(report_rtf()).text
    assert rendition(b"\xef\xbb\xbf" + report_rtf(), "bom.doc").text == rendition(report_rtf()).text


def test_rtf_facts_through_build(tmp_path: Path) -> None:
    path = tmp_path / "silicon-anode-report.rtf"
    path.write_bytes(report_rtf())
    assert_report_facts(built_facts(path))


# ------------------------------------------------------------------ characters


def _escaped(text: str, codec: str) -> str:
    return "".join(f"\\'{b:02x}" for b in text.encode(codec))


@pytest.mark.parametrize(
    ("rtf", "expected"),
    [
        (r"Caf\'e9 costs \'80 5 \'96 6", "Café costs € 5 – 6"),  # cp1252 bytes
        (r"\u8364? and \u-3913 ? and \u233\'e9", "€ and \uf0b7 and é"),  # negative N; the fallback dropped
        (r"{\uc2\u26481\'93\'8c}{\uc0\u20140}x", "東京x"),  # \ucN: N fallback bytes, then none
        (r"\u-10179?\u-8704?", "😀"),  # a surrogate pair
        (r"{\f40 " + _escaped("Привет", "cp1251") + "} ok", "Привет ok"),  # the font's charset 204
        (r"{\f41 " + _escaped("東京", "cp932") + "}", "東京"),  # double-byte Shift-JIS, charset 128
        (r"a\~b\emdash c\endash d \lquote e\rquote  \ldblquote f\rdblquote  \{g\} h\\i",
         "a\u00a0b\u2014c\u2013d \u2018e\u2019 \u201cf\u201d {g} h\\i"),
        (r"{\upr{ANSI copy}{\*\ud{Unicode copy \u8364?}}}", "Unicode copy €"),
        (r"soft\-hyphen non\_breaking", "softhyphen non-breaking"),
    ],
)
def test_character_escapes(rtf: str, expected: str) -> None:
    data = (HEAD + r"\pard\plain " + rtf + "\\par}").encode("ascii")
    assert rendition(data).text == expected.replace("\u00a0", " ")  # the rendition makes NBSP a space


def test_document_code_page() -> None:
    data = (r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Arial;}}\pard " + _escaped("Рынок графита", "cp1251")
            + r"\par}").encode("ascii")
    assert rendition(data).text == "Рынок графита"
    raw_bytes = b"{\\rtf1\\ansi\\ansicpg1252 Caf\xe9 au lait\\par}"  # 8-bit bytes written without \'hh
    assert rendition(raw_bytes).text == "Café au lait"


# ------------------------------------------------------------------ what RTF files carry besides


FEATURES = (
    HEAD
    + r"\pard\plain Visible{\v  hidden words} text{\deleted  DELETED WORDS}."
    + r"{\super\chftn}{\footnote \pard\plain {\super\chftn } Footnote: estimate.}"
    + r"{\*\bkmkstart intro}{\*\bkmkend intro}\par"
    + "\n"
    + r"\pard See {\field{\*\fldinst {HYPERLINK \\l \"x\"}}{\fldrslt {\ul the table}}} below.\par"
    + r"\pard First line\line second line\tab tabbed {\b bold words}\par"
    + r"{\*\shppict{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}}"
    + r"{\nonshppict{\pict\wmetafile8 0100090000}}{\pict\bin4 " + "\x00\x01}{"
    + r"}\pard Key figure: 18.2% CAGR\par"
    + "\n"
    + r"{\pntext\f3\'b7\tab}\pard{\*\pn\pnlvlblt\pnf3\pnindent0{\pntxtb\'b7}}\fi-360\li720 WordPad bullet\par"
    + r"{\pntext\f3\'b7\tab}Second WordPad bullet\par"
    + r"\pard\s1 Numbered\par"
    + r"\pard\outlinelevel2 Outline Level Three\par"
    + r"{\listtext\f3\'b7\tab}\pard\ls1\ilvl0 Sodium-ion batteries\par"
    + r"{\listtext\f3 o\tab}\pard\ls1\ilvl1 Stationary storage\par"
    + r"\trowd\trhdr\clmgf\cellx3000\clmrg\cellx6000\cellx9000"
    + r"\pard\intbl Price per tonne\cell\cell Note\cell\row"
    + r"\trowd\cellx3000\cellx6000\cellx9000"
    + r"\pard\intbl Natural\par graphite\cell {\b 4,200}\cell\cell\row"
    + r"\pard After the table.\par}"
)


def test_rtf_features() -> None:
    doc = rendition(FEATURES.encode("latin-1"))
    lines = doc.text.split("\n")
    assert lines[0] == "Visible text."
    for unseen in ("hidden", "DELETED", "Footnote", "HYPERLINK", "89504e", "0100090000", "intro"):
        assert unseen not in doc.text
    assert lines[1:5] == ["See the table below.", "First line", "second line tabbed bold words",
                          "Key figure: 18.2% CAGR"]
    assert [doc.text[s.start:s.end] for s in doc.blocks[3].strong] == ["bold words"]
    kinds = [(doc.text[b.start:b.end], b.kind, b.level, b.depth) for b in doc.blocks[5:]]
    assert kinds[:6] == [
        ("WordPad bullet", "list_item", None, 0), ("Second WordPad bullet", "list_item", None, 0),
        ("Numbered", "heading", 1, 0), ("Outline Level Three", "heading", 3, 0),
        ("Sodium-ion batteries", "list_item", None, 0), ("Stationary storage", "list_item", None, 1)]
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start:table.end].split("\n") == ["Price per tonne | Note", "Natural graphite | 4,200 |"]
    assert [len(row) for row in table.rows] == [3, 3]  # the merged first cell spans two columns
    assert all(c.header for c in table.rows[0]) and not any(c.header for c in table.rows[1])
    assert [doc.text[s.start:s.end] for s in table.strong] == ["4,200"]
    assert lines[-1] == "After the table."


# ------------------------------------------------------------------ files that are not readable RTF


@settings(max_examples=150, deadline=None)
@given(damaged(FEATURES.encode("latin-1")))
def test_damaged_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    assert_document_or_input_error(data, "damaged.rtf")


def test_truncated_rtf_is_refused() -> None:
    data = report_rtf()
    err = refused(data[: len(data) // 2], "cut.rtf")
    assert "damaged RTF document" in err.problem and "open group" in err.problem


def test_binary_run_past_the_end_is_refused() -> None:
    err = refused(b"{\\rtf1\\ansi Text {\\pict\\bin999999 abc}}", "bin.rtf")
    assert "binary data runs past its end" in err.problem


def test_rtf_without_text_is_refused() -> None:
    empty = (HEAD + r"\pard\plain {\v only hidden}\par {\*\bkmkstart x}\par}").encode("ascii")
    assert "RTF document with no text" in refused(empty, "empty.rtf").problem


def test_text_after_the_document_is_ignored() -> None:
    assert rendition(b"{\\rtf1 Report text.\\par}\x00\x00 trailing junk }}").text == "Report text."


@pytest.mark.parametrize("escape", [r"\u99999999", r"\u1114112", r"\u-99999", r"\u-32769"])
def test_unicode_escape_out_of_range_is_skipped(escape: str) -> None:
    r"""\uN outside Unicode (a negative N is 65536 + N only for -32768..-1) is no character; its fallback
    is still skipped and the text around it reads."""
    data = ("{\\rtf1 Before" + escape + "?after, " + r"\u-15032?" + r" \u8364?5.\par}").encode("ascii")
    assert rendition(data).text == "Beforeafter, \uc548 \u20ac5."
