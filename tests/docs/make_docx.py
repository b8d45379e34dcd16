"""Write the Word test documents (``*-word.docx``) from markdown test documents, with python-docx.

Each markdown document becomes a .docx with what a report written in Word has: Heading 1-3 styles,
List Bullet / List Number paragraphs (nested lists as "List Bullet 2"), a table in the "Table Grid" style
with a repeating bold header row, bold and italic runs. The text is the markdown's text, so the expected
facts are the markdown document's (tests/expected/NAME-word.docx.json differs only in ``source``).

The output is byte-for-byte reproducible: fixed core-properties dates and fixed ZIP entry times.
Run from the repository root: ``.venv/bin/python tests/docs/make_docx.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from markdown_it import MarkdownIt
from markdown_it.token import Token

HERE = Path(__file__).resolve().parent
SOURCES = {"conductive-carbon-anode.md": "conductive-carbon-anode-word.docx",
           "natural-graphite-anode.md": "natural-graphite-anode-word.docx"}
FIXED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def add_inline(paragraph: docx.text.paragraph.Paragraph, token: Token, *, bold: bool = False) -> None:
    """The inline children of a markdown token as runs: bold, italic, link text, line breaks."""
    strong = em = 0
    for child in token.children or []:
        if child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type == "em_open":
            em += 1
        elif child.type == "em_close":
            em -= 1
        elif child.type in ("text", "code_inline"):
            run = paragraph.add_run(child.content)
            run.bold = True if (strong or bold) else None
            run.italic = True if em else None
        elif child.type == "softbreak":
            paragraph.add_run(" ")
        elif child.type == "hardbreak":
            paragraph.add_run().add_break()


def add_table(document: docx.document.Document, rows: list[list[Token]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, inline in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, inline, bold=r == 0)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")  # "repeat as header row at the top of each page"
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def convert(markdown: str) -> bytes:
    document = docx.Document()
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    lists: list[str] = []  # "bullet" / "ordered" per open list
    rows: list[list[Token]] | None = None
    title = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            level = int(tok.tag[1])
            if level == 1 and not title:
                title = inline.content
            add_inline(document.add_paragraph(style=f"Heading {level}"), inline)
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if tok.type == "bullet_list_open" else "ordered")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open" and rows is not None:
            rows.append([])
        elif tok.type == "inline" and rows is not None and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append(tok)
        elif tok.type == "table_close" and rows is not None:
            add_table(document, rows)
            rows = None
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            if lists:
                base = "List Bullet" if lists[-1] == "bullet" else "List Number"
                style = base if len(lists) == 1 else f"{base} {min(len(lists), 3)}"
            else:
                style = None
            add_inline(document.add_paragraph(style=style), inline)
            i += 3
            continue
        i += 1
    props = document.core_properties
    props.title = title
    props.author = "anode-kg tests"
    props.created = props.modified = FIXED.replace(tzinfo=None)
    props.last_modified_by = "anode-kg tests"
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry's time set to 1980-01-01, so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    for md, name in SOURCES.items():
        (HERE / name).write_bytes(convert((HERE / md).read_text("utf-8")))
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
