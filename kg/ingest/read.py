"""Read one input file into a :class:`~kg.models.RawDocument`.

Steps, each deterministic (same bytes in, same document out):

1. sha256 of the raw bytes (the graph records it so a quote can be re-derived from the file).
2. Refuse what is not text: empty files, known binary formats (PNG, JPEG, GIF, ZIPs that are not a
   document we read (XLSX, OpenDocument spreadsheets...), OLE (old .doc/.xls/.ppt), gzip... named in the
   error) and NUL bytes that are not UTF-16.
3. Decode: a BOM wins (UTF-8-sig, UTF-32, UTF-16); else BOM-less UTF-16 recognised by its NUL pattern;
   else strict UTF-8; else strict cp1252 (the usual Windows export); else charset-normalizer's best
   guess (only reached when cp1252 has undefined bytes, i.e. the file is surely not cp1252); else
   latin-1, which never fails. Text that decodes into mostly control characters is refused.
4. Line endings to ``\\n``; mojibake (UTF-8 once decoded as cp1252, "HÃ©roult", "â€”") repaired by
   ftfy with every fixer that is not about encoding turned off, so quotes, ligatures and widths stay as
   written; ``repaired`` says whether it changed anything.
5. A leading ``---`` front-matter block of ``key: value`` lines is parsed and removed from the body; so is
   a leading e-mail header block (``From:``/``Date:``/``Subject:`` ... up to the first blank line) of a
   saved mail, see :func:`split_mail_header`.
6. The media type is decided by content (all corpus files are ``.txt``), see :func:`sniff_media_type`.

PDF, Word (.docx), PowerPoint (.pptx), OpenDocument text (.odt, flat .fodt) and RTF files are
recognised by their bytes (``%PDF-``; a ZIP package with a Word or PowerPoint main part or an
OpenDocument text ``mimetype``; an ``<office:document>`` root of that type; ``{\rtf``), whatever their
name, and converted before step 2 (and instead of steps 3-6) by :mod:`kg.ingest.pdf`,
:mod:`kg.ingest.docx`, :mod:`kg.ingest.pptx`, :mod:`kg.ingest.odt` and :mod:`kg.ingest.rtf` into a small
HTML document (headings, paragraphs, lists, tables, bold) that becomes the body. Their media type stays
the file's own (``application/pdf``, the DOCX type...), because that is what the graph records as the
document's format (``dcterms:format``); the text stage renders these bodies as HTML
(:data:`HTML_BODIES`). The sha256 is still of the raw bytes; ``encoding`` names the format (``"pdf"``,
``"docx"``, ``"pptx"``, ``"odt"``, ``"fodt"``, ``"rtf"``: no character encoding was guessed). Encrypted,
damaged, truncated and image-only files and ZIPs that are none of these are refused with an
:class:`InputError` naming the problem.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Literal

import ftfy

from kg.errors import InputError
from kg.ingest.docx import DOCX_MEDIA_TYPE, docx_to_html, is_docx
from kg.ingest.odt import FODT_MEDIA_TYPE, ODT_MEDIA_TYPE, is_fodt, odf_mimetype, odt_to_html
from kg.ingest.package import ZIP_ERRORS
from kg.ingest.pdf import PDF_MEDIA_TYPE, pdf_to_html
from kg.ingest.pptx import PPTX_MEDIA_TYPE, is_pptx, pptx_to_html
from kg.ingest.rtf import RTF_MEDIA_TYPE, is_rtf, rtf_to_html
from kg.models import RawDocument

MediaType = Literal[
    "text/html",
    "text/markdown",
    "text/plain",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-flat-xml",
    "application/rtf",
]
#: Media types whose body (after conversion) is HTML for the text stage.
HTML_BODIES = frozenset({"text/html", PDF_MEDIA_TYPE, DOCX_MEDIA_TYPE, PPTX_MEDIA_TYPE, ODT_MEDIA_TYPE,
                         FODT_MEDIA_TYPE, RTF_MEDIA_TYPE})

# Magic numbers of formats users plausibly drop in the folder by mistake; checked before decoding.
_NOT_A_REPORT = ("remove it from the input folder: kg reads PDF, Word (.docx), PowerPoint (.pptx), OpenDocument "
                 "text (.odt), RTF, HTML, markdown and text reports")
_SAVE_AS = "save the report as PDF, .docx, HTML or text"
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _NOT_A_REPORT),
    (b"\xff\xd8\xff", "a JPEG image", _NOT_A_REPORT),
    (b"GIF87a", "a GIF image", _NOT_A_REPORT),
    (b"GIF89a", "a GIF image", _NOT_A_REPORT),
    (b"PK\x03\x04", "a ZIP archive", "unpack it, or " + _SAVE_AS),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (old .doc/.xls/.ppt)", _SAVE_AS),
    (b"\x1f\x8b", "a gzip archive", "decompress it first"),
)
#: What a ZIP package we do not read is, by a part only that kind has (named in its refusal).
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (XLSX, a ZIP archive)"),
    ("content.xml", "an OpenDocument file (a ZIP archive)"),
)
#: OpenDocument kinds other than text, by their ``mimetype``, for the refusal.
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (ODS, a ZIP archive)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (ODP, a ZIP archive)",
    "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing (ODG, a ZIP archive)",
}

#: The ZIP-based formats we read, by file name suffix (only to word the refusal of a ZIP that is not one).
_PACKAGE_NAMES = {".docx": "a Word document", ".pptx": "a PowerPoint file", ".odt": "an OpenDocument text"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Only encoding fixes: everything that would rewrite legitimate text (curly quotes, ligatures,
# full-width digits, HTML entities, control characters) is left to the text stage or kept as written.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Characters that only occur in text that may hold mojibake; text without them skips ftfy entirely.
_MOJIBAKE_HINT = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")

# Known HTML element names: a "<word>" that is not one of them (e.g. "<T>", "<5%") is not markup.
_HTML_TAGS = (
    "a|abbr|address|article|aside|b|blockquote|body|br|caption|center|code|col|colgroup|dd|div|dl|dt|"
    "em|figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|img|li|link|main|meta|nav|ol|p|pre|"
    "script|section|small|span|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|u|ul"
)
_TAG_RE = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_DOCTYPE_RE = re.compile(r"\A\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_MD_STRONG_SIGNAL = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S"  # ATX heading
    r"|^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|"  # pipe-table delimiter row
    r"|^ {0,3}(?:```|~~~)"  # fenced code
    r"|\*\*[^*\n]+\*\*|__[^_\n]+__"  # strong emphasis
    r"|\[[^\]\n]+\]\([^)\s]+\)",  # inline link
    re.MULTILINE,
)
_MD_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S", re.MULTILINE)
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_PLAIN_SUFFIXES = {".txt", ".text"}
_TEXT_SUFFIXES = _MD_SUFFIXES | _HTML_SUFFIXES | _PLAIN_SUFFIXES
_BINARY_HINT = "remove it from the input folder, or if it is a report, re-save it as UTF-8 text"


def read_document(path: Path) -> RawDocument:
    """Read, decode, repair and split one file; raises :class:`InputError` for anything not text."""
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            source, f"cannot be read: {exc.strerror or exc}", "check the path and permissions"
        ) from exc
    return decode_document(data, source=source, path=str(path))


def decode_document(data: bytes, *, source: str, path: str = "") -> RawDocument:
    """The byte-level half of :func:`read_document`, separate so tests can feed any byte string."""
    sha = hashlib.sha256(data).hexdigest()
    converted = _convert(data, source, Path(path or source).suffix.lower())
    if converted is not None:
        media_type, encoding, body = converted
        return RawDocument(source=source, path=path, raw_sha256=sha, encoding=encoding, media_type=media_type,
                           body=body)
    text, encoding = _decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = False
    if _MOJIBAKE_HINT.search(text):
        fixed = ftfy.fix_text(text, _FTFY)
        repaired = fixed != text
        text = fixed
    front, body = split_front_matter(text)
    if not front:
        front, body = split_mail_header(body)
    if not body.strip() and not front:
        raise InputError(source, "contains only whitespace", "remove it or add the report text")
    suffix = Path(path or source).suffix.lower()
    return RawDocument(
        source=source,
        path=path,
        raw_sha256=sha,
        encoding=encoding,
        repaired=repaired,
        media_type=sniff_media_type(body, suffix),
        front_matter=front,
        body=body,
    )


def _convert(data: bytes, source: str, suffix: str) -> tuple[MediaType, str, str] | None:
    """PDF, DOCX, PPTX, ODT/FODT and RTF bytes as (media type, format name, HTML body); None for anything
    else. Decided by content: the name only words the refusal of a ZIP that is none of them."""
    if data.startswith(b"%PDF-"):
        return PDF_MEDIA_TYPE, "pdf", pdf_to_html(data, source)
    if is_rtf(data):
        return RTF_MEDIA_TYPE, "rtf", rtf_to_html(data, source)
    if is_fodt(data):
        return FODT_MEDIA_TYPE, "fodt", odt_to_html(data, source)
    if not data.startswith(b"PK\x03\x04"):
        return None
    if is_docx(data):
        return DOCX_MEDIA_TYPE, "docx", docx_to_html(data, source)
    if is_pptx(data):
        return PPTX_MEDIA_TYPE, "pptx", pptx_to_html(data, source)
    mimetype = odf_mimetype(data)
    if mimetype == ODT_MEDIA_TYPE:
        return ODT_MEDIA_TYPE, "odt", odt_to_html(data, source)
    what, known = _zip_kind(data)
    if mimetype in _ODF_KINDS:
        what, known = _ODF_KINDS[mimetype], True
    if what is None and suffix in _PACKAGE_NAMES:  # a cut ZIP: only its name says what it was
        raise InputError(source, f"is a damaged {suffix} file: its ZIP package cannot be opened", _SAVE_AS)
    if suffix in _PACKAGE_NAMES:
        raise InputError(source, f"is named {suffix} but is not {_PACKAGE_NAMES[suffix]}: it is {what}",
                         _SAVE_AS)
    named = f" saved with a {suffix} name" if suffix in _TEXT_SUFFIXES else ""
    raise InputError(source, f"is {what or 'a damaged ZIP archive'}{named}, not a report",
                     _SAVE_AS if known else "unpack it, or " + _SAVE_AS)


def _zip_kind(data: bytes) -> tuple[str | None, bool]:
    """What a ZIP file that is none of the packages we read is (None: it cannot be opened), and whether that
    is an office format (to be re-saved, not unpacked)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except ZIP_ERRORS:
        return None, False
    for part, what in _ZIP_KINDS:
        if part in names:
            return what, True
    return "a ZIP archive", False


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise InputError(source, "is empty (0 bytes)", "remove it or add the report text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), source, encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    source,
                    f"has a {encoding} byte-order mark but is not valid {encoding}",
                    "re-save it as UTF-8",
                ) from exc
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            suffix = Path(source).suffix.lower()
            named = f" saved with a {suffix} name" if suffix in _TEXT_SUFFIXES else ""
            raise InputError(source, f"is {what}{named}, not a text report", hint)
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError(source, "is binary data (it contains NUL bytes), not a text report", _BINARY_HINT)
        try:
            return _checked(data.decode(utf16), source, utf16), utf16
        except UnicodeDecodeError as exc:
            raise InputError(
                source, "is binary data (it contains NUL bytes), not a text report", _BINARY_HINT
            ) from exc
    try:
        return _checked(data.decode("utf-8"), source, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"), source, "cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    guess = _charset_guess(data)
    if guess is not None:
        return _checked(guess[0], source, guess[1]), guess[1]
    return _checked(data.decode("latin-1"), source, "latin-1"), "latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-heavy text puts NUL in every other byte; anything else is binary."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) >= 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess; deterministic (fixed candidate order, no sampling randomness)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or not best.encoding:
        return None
    return str(best), best.encoding


def _checked(text: str, source: str, encoding: str) -> str:
    """Refuse decodings that are mostly control characters: that is binary data, not text."""
    head = text[:200_000]
    controls = len(_CONTROL.findall(head))
    if controls > max(8, len(head) // 20):
        raise InputError(
            source,
            f"does not decode to text: {controls:,} of its first {len(head):,} characters are control "
            f"characters (read as {encoding}), so it is binary data",
            _BINARY_HINT,
        )
    return text


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines (hashnode/Jekyll exports) off the text.

    Deliberately not YAML: only flat ``key: value`` lines are kept (quotes stripped), other lines are
    ignored. A ``---`` block whose first line is not ``key: value`` is a markdown rule, not front matter.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, text
    block = text[4 : 4 + end.start()]
    lines = [line for line in block.split("\n") if line.strip()]
    if not lines or not _FRONT_KEY.match(lines[0]):
        return {}, text
    front: dict[str, str] = {}
    for line in lines:
        m = _FRONT_KEY.match(line)
        if m is None:
            continue
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        front[m.group(1)] = value
    rest = text[4 + end.end() :]
    if rest.startswith("\n"):
        rest = rest[1:]
    return front, rest


_MAIL_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]*(.*?)[ \t]*$")
#: Fields only a mail header has together; the block needs two of them, one being From or Subject.
_MAIL_KNOWN = frozenset({"from", "to", "cc", "bcc", "date", "sent", "subject", "reply-to", "message-id"})


def split_mail_header(text: str) -> tuple[dict[str, str], str]:
    """Split a saved e-mail's leading RFC-822 header block off the text, as front matter.

    A mail export starts with ``From:``/``To:``/``Date:``/``Subject:`` lines; left in the body they read
    as the report's opening lines (the subject taken for its title). The block must start on the first
    line with a known mail field, hold only ``Name: value`` lines (and folded continuation lines), end at
    the first blank line and name at least two known fields, one of them From or Subject. ``Date`` becomes
    ``datePublished`` (ISO when parseable), ``Subject`` ``subject`` and ``From`` ``from``; the subject is not
    made the title (a newsletter's subject line is the issue's teaser, not the report's name).
    """
    head, sep, rest = text.partition("\n\n")
    lines = head.split("\n")
    first = _MAIL_FIELD.match(lines[0])
    if not sep or first is None or first.group(1).lower() not in _MAIL_KNOWN:
        return {}, text
    fields: list[list[str]] = []
    for line in lines:
        m = _MAIL_FIELD.match(line)
        if line[:1] in " \t" and fields:
            fields[-1][1] += " " + line.strip()
        elif m is not None:
            fields.append([m.group(1).lower(), m.group(2)])
        else:
            return {}, text
    names = {name for name, _ in fields}
    if len(names & _MAIL_KNOWN) < 2 or not names & {"from", "subject"}:
        return {}, text
    front: dict[str, str] = {}
    for name, value in fields:
        if name == "date" and value:
            front.setdefault("datePublished", _mail_date(value))
        elif name in ("from", "subject", "to") and value:
            front.setdefault(name, value)
    return front, rest.lstrip("\n")


def _mail_date(value: str) -> str:
    """An RFC-822 date ("Tue, 11 Feb 2025 07:30:00 +0000") as an ISO date; anything else as written."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return value


def html_tag_count(body: str) -> int:
    return len(_TAG_RE.findall(body))


def markdown_signal_count(body: str) -> int:
    """Markdown evidence: headings, pipe tables, fences, bold, links; bullets count only from two on."""
    strong = len(_MD_STRONG_SIGNAL.findall(body))
    bullets = len(_MD_BULLET.findall(body))
    return strong + (bullets if bullets >= 2 else 0)


def is_mostly_html(body: str) -> bool:
    """Markup dominates: a doctype/<html> start, or >= 3 known tags and 4x more tags than markdown signals.

    Hashnode exports ("# Title" then hundreds of raw HTML tags, indented text lines) are mostly HTML:
    through a CommonMark parser their indented lines would become code blocks.
    """
    if _DOCTYPE_RE.match(body):
        return True
    tags = html_tag_count(body)
    return tags >= 3 and tags >= 4 * markdown_signal_count(body)


def sniff_media_type(body: str, suffix: str = "") -> MediaType:
    """Decide the media type by content; the extension only decides for markdown files and as a tie-break.

    ``.md`` files are markdown (the markdown renderer itself copes with HTML-dominated markdown);
    otherwise mostly-HTML bodies are HTML, bodies with a strong markdown signal (an ATX heading, a pipe
    table's delimiter row, a fence, ``**strong**``, a link) are markdown, ``.html`` files with any known
    tag are HTML, and everything else is plain text. Dash bullets alone never make markdown: plain-text
    reports use them too, and read as markdown their wrapped lines, underlined headings and one-name
    lines would run together into paragraphs.
    """
    if suffix in _MD_SUFFIXES:
        return "text/markdown"
    if is_mostly_html(body):
        return "text/html"
    if _MD_STRONG_SIGNAL.search(body):
        return "text/markdown"
    if suffix in _HTML_SUFFIXES and html_tag_count(body) >= 1:
        return "text/html"
    return "text/plain"
