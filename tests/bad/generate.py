"""The bad-input corpus: the small files committed beside this module plus the ones made at test time.

Big or derived inputs (UTF-16/cp1252/mojibake re-encodings of corpus reports, a report cut mid-tag,
20 000 levels of nesting, a byte-identical copy, a 50 MB report, a password-protected and a truncated copy
of a printed PDF report, ZIP files that are not Word documents) are generated here instead of being
committed. ``report-brochure.pdf`` is a real (tiny) text PDF: it builds, with the "no facts" note;
``scanned-report.pdf`` is Chromium's print of a page holding only an image, so it has no text layer.
``python -m tests.bad.generate DEST [--big]`` writes the whole mixed folder for a manual ``kg build DEST``.

Every file has an expected outcome: ``built`` (a real report, possibly with odd encoding or content) or
``rejected`` with a fragment the rejection line must contain.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-1252 codec used for mojibake

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "data" / "corpus"
PRINTED = HERE.parent / "docs" / "prebaked-anode-middle-east-printed.pdf"
GOOD = sorted(CORPUS.glob("*.txt"))
BIG_MB = 50


@dataclass(frozen=True)
class Expect:
    """What ``kg build`` must do with one file."""

    outcome: Literal["built", "rejected"]
    says: str = ""  # a fragment of the rejection line (what is wrong)
    same_facts_as: str = ""  # a corpus file whose facts this one must reproduce exactly


#: committed files (small) and their expected outcome
COMMITTED: dict[str, Expect] = {
    "empty.txt": Expect("rejected", "is empty"),
    "market-chart.png": Expect("rejected", "PNG image"),
    "report-brochure.pdf": Expect("built"),
    "scanned-report.pdf": Expect("rejected", "PDF without a text layer"),
    "photo saved as text.txt": Expect("rejected", "JPEG image"),
    "random-bytes.txt": Expect("rejected", "binary data"),
    "invalid-utf8.txt": Expect("built"),
    "no-facts.txt": Expect("built"),
    "nonsense-figures.md": Expect("built"),
    "hostile-script.html": Expect("built"),
}


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text("utf-8")


def deep_nesting(levels: int = 20_000) -> str:
    """A report paragraph buried under ``levels`` nested ``<div>`` (and a few ``<span>``) tags."""
    inner = (
        "<h1>Deep Anode Market Report 2025-2030</h1><p>The global deep anode market was valued at "
        "USD 150 million in 2024 and is projected to reach USD 300 million by 2030.</p>"
    )
    return "<html><body>" + "<div>" * levels + inner + "</div>" * levels + "</body></html>"


def saved_page(target_bytes: int = BIG_MB * 1_000_000) -> bytes:
    """A ~``target_bytes`` saved web page holding one corpus report, as browsers save them.

    What makes real report pages that big is what the text rendition drops: inline base64 images,
    scripts, styles and SVG charts. They are interleaved with the report's paragraphs, so the renderer
    walks all of it.
    """
    text = corpus_text(GOOD[1].name)
    body_at = text.index("\n---\n", 4) + 5 if text.startswith("---\n") else 0
    front, report = text[:body_at], text[body_at:]  # front matter (the corpus's export format) stays on top
    image = "<p><img alt='chart' src='data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 20_000 + "'></p>\n"
    script = "<script>var series = [" + ",".join(str(i % 997) for i in range(40_000)) + "];</script>\n"
    style = "<style>" + "".join(f".c{i} {{ color: #{i % 4096:03x}; margin: {i % 9}px }}\n" for i in range(5_000))
    style += "</style>\n"
    svg = "<svg width='600' height='400'>" + "".join(
        f"<path d='M{i} {i % 400} L{i + 1} {(i * 7) % 400}' stroke='#333'/>" for i in range(4_000)
    ) + "</svg>\n"
    blobs = (image, script, style, svg)
    head = "<!doctype html><html><head><meta charset='utf-8'><title>Saved report</title></head><body>\n"
    parts: list[str] = []
    size = len(head) + len(report.encode("utf-8")) + 100
    while size < target_bytes:
        blob = blobs[len(parts) % len(blobs)]
        parts.append(blob)
        size += len(blob)
    # the report goes in whole, in the middle, so the renderer walks every blob around it
    parts.insert(len(parts) // 2, "<div class='report'>\n" + report + "\n</div>\n")
    return (front + head + "".join(parts) + "</body></html>\n").encode("utf-8")


def long_text(target_bytes: int) -> bytes:
    """A ~``target_bytes`` document that is all report text: corpus reports repeated, numbered."""
    parts: list[str] = ["<html><body><h1>Concatenated Anode Market Reports 2025-2032</h1>\n"]
    bodies = [corpus_text(p.name) for p in GOOD]
    size = len(parts[0])
    i = 0
    while size < target_bytes:
        chunk = f"<h2>Section {i}</h2>\n" + bodies[i % len(bodies)] + "\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        i += 1
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")


def encrypted_pdf(pdf: bytes, password: str = "s3cret") -> bytes:
    """``pdf`` re-written by pypdf with a user password (AES-256), as "protect with password" tools do."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_package(parts: dict[str, str]) -> bytes:
    """A ZIP file holding ``parts`` (name -> text), with fixed entry times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


def write_bad_corpus(dest: Path, *, big: bool = False, good: bool = True) -> dict[str, Expect]:
    """Write the mixed folder into ``dest`` (created) and return every file name's expected outcome."""
    dest.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}
    for name, exp in COMMITTED.items():
        shutil.copyfile(HERE / name, dest / name)
        expect[name] = exp
    if good:
        for path in GOOD:
            shutil.copyfile(path, dest / path.name)
            expect[path.name] = Expect("built", same_facts_as=path.name)
    g = [p.name for p in GOOD]
    # real reports in other encodings: they build, with the facts of their UTF-8 original
    (dest / "utf16-bom-report.txt").write_bytes(corpus_text(g[4]).encode("utf-16"))
    expect["utf16-bom-report.txt"] = Expect("built", same_facts_as=g[4])
    (dest / "windows-1252-report.txt").write_bytes(corpus_text(g[2]).encode("cp1252"))
    expect["windows-1252-report.txt"] = Expect("built", same_facts_as=g[2])
    mojibake = corpus_text(g[1]).encode("utf-8").decode("sloppy-windows-1252")
    (dest / "mojibake-report.txt").write_text(mojibake, encoding="utf-8")
    expect["mojibake-report.txt"] = Expect("built", same_facts_as=g[1])
    # a name with spaces and non-ASCII characters
    odd = "Marché de l’anode — rapport 2025 (copie n°2).txt"
    (dest / odd).write_text(corpus_text(g[0]) + "\n<!-- renamed copy -->\n", encoding="utf-8")
    expect[odd] = Expect("built", same_facts_as=g[0])
    # an HTML report cut in the middle of a tag
    html = corpus_text(g[3])
    cut = html.index("<", len(html) // 2) + 4
    (dest / "truncated-mid-tag.html").write_text(html[:cut], encoding="utf-8")
    expect["truncated-mid-tag.html"] = Expect("built")
    (dest / "deep-nesting.html").write_text(deep_nesting(), encoding="utf-8")
    expect["deep-nesting.html"] = Expect("built")
    # the same bytes under a second name (sorts after the first): rejected as a copy
    shutil.copyfile(CORPUS / g[4], dest / "zz-copy-of-004.txt")
    expect["zz-copy-of-004.txt"] = Expect("rejected", f"same content as {g[4]}")
    if not good:  # the original of the copy must be there for the copy to be one
        shutil.copyfile(CORPUS / g[4], dest / g[4])
        expect[g[4]] = Expect("built", same_facts_as=g[4])
    # PDF and Word files that cannot be read, each for its own reason
    (dest / "password-protected.pdf").write_bytes(encrypted_pdf(PRINTED.read_bytes()))
    expect["password-protected.pdf"] = Expect("rejected", "encrypted PDF")
    printed = PRINTED.read_bytes()
    (dest / "truncated-download.pdf").write_bytes(printed[: len(printed) // 2])
    expect["truncated-download.pdf"] = Expect("rejected", "damaged PDF")
    (dest / "spreadsheet-renamed.docx").write_bytes(zip_package({"[Content_Types].xml": "<Types/>",
                                                                  "xl/workbook.xml": "<workbook/>",
                                                                  "xl/worksheets/sheet1.xml": "<worksheet/>"}))
    expect["spreadsheet-renamed.docx"] = Expect("rejected", "not a Word document")
    (dest / "market-data.xlsx").write_bytes(zip_package({"[Content_Types].xml": "<Types/>",
                                                         "xl/workbook.xml": "<workbook/>"}))
    expect["market-data.xlsx"] = Expect("rejected", "Excel workbook")
    if big:
        (dest / "saved-page-50mb.html").write_bytes(saved_page())
        expect["saved-page-50mb.html"] = Expect("built", same_facts_as=g[1])
        (dest / "concatenated-12mb.html").write_bytes(long_text(12_000_000))
        expect["concatenated-12mb.html"] = Expect("rejected", "too long for one report")
    return expect


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m tests.bad.generate DEST [--big]")
    for file_name, e in sorted(write_bad_corpus(Path(sys.argv[1]), big="--big" in sys.argv).items()):
        print(f"{e.outcome:9s} {file_name}")
