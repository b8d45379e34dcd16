"""RTF documents -> simple HTML for the text stage, with a small RTF reader of our own.

Why our own: the small RTF libraries (striprtf and kin) return plain text, losing what a reader sees as
structure (headings, list items, table rows and cells, bold), and RTF's grammar is small: control words,
groups and text. This reader keeps the paragraph and character state a word processor keeps and writes
each paragraph as a heading (its style is "heading N"/"Title", or it has ``\\outlinelevel``), a list item
(it has ``\\ls``/``\\ilvl``, or a generated ``\\listtext``/``\\pntext`` bullet, which is dropped), a table
cell (``\\intbl`` ... ``\\cell`` ... ``\\row``; ``\\trhdr`` rows as headers, horizontally merged cells as
colspans) or a paragraph.

Characters: ``\\uN`` (negative N, surrogate pairs, ``\\ucN`` fallback characters skipped) and ``\\'hh``
bytes decoded with the current font's charset (``\\fcharset``: Shift-JIS, GBK, Cyrillic, ...) or the
document's ``\\ansicpgN``; consecutive ``\\'hh`` bytes are decoded together (double-byte code pages).
Not read, as a reader does not see them: hidden text (``\\v``), tracked deletions, page headers and
footers, footnotes, comments, field instructions (their result is read), pictures, objects, and all
``\\*`` destinations this reader does not know. ``\\info``'s ``\\title`` is the document title.

Errors: a file that ends inside an open group (truncated), a ``\\bin`` run past the end and a document
with no text raise :class:`~kg.errors.InputError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from typing import Final

from kg.errors import InputError
from kg.ingest.html_out import HtmlBuilder, TableCell, cell_inner, inline, visible

RTF_MEDIA_TYPE: Final = "application/rtf"

__all__ = ["RTF_MEDIA_TYPE", "is_rtf", "rtf_to_html"]

_HINT = "re-save it as RTF, .docx or PDF from the word processor"
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter, one space delimiter
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the current code page
    rb"|\\([^a-zA-Z])"  # control symbol (a \' not followed by two hex digits is dropped)
    rb"|([{}])"
    rb"|[\r\n]+"  # line breaks in RTF source are not text
    rb"|([^\\{}\r\n]+)",  # text
)
# Destinations whose content a reader never sees (or that hold data, not text).
_SKIP_NAMES = (
    "annotation atnauthor atnid atnref atntime author buptim category colortbl comment company creatim "
    "datastore docvar doccomm fldinst footer footerf footerl footerr footnote ftncn ftnsep ftnsepc generator "
    "header headerf headerl headerr hlinkbase keywords latentstyles listoverridetable listtable listtext "
    "manager mmathPr nonshppict object operator pgdsctbl pict pn pntext pntxta pntxtb printim private "
    "propname protusertbl revtbl revtim rsidtbl shppict shpinst subject template themedata colorschememapping "
    "userprops xmlnstbl xe tc bkmkstart bkmkend filetbl objdata objclass result sp sn sv "
    "fchars lchars passwordhash wgrffmtfilter pgptbl listpicture panose falt"
)
_SKIP = frozenset(_SKIP_NAMES.split())
_LIST_MARK = frozenset({"listtext", "pntext"})  # a generated bullet or number: the paragraph is a list item
_SYMBOLS = {
    b"~": "\u00a0", b"_": "-", b"{": "{", b"}": "}", b"\\": "\\",
}  # others (\- optional hyphen, \| \: formula and index marks) show nothing
_WORD_TEXT = {
    "tab": " ", "emdash": "\u2014", "endash": "\u2013", "emspace": " ", "enspace": " ", "qmspace": " ",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "bullet": "\u2022",
    "line": "\n", "zwj": "", "zwnj": "", "zwbo": "", "zwnbo": "", "ltrmark": "", "rtlmark": "",
}
# \fcharset -> Python codec (Windows code pages, as Word writes them)
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950", 161: "cp1253",
    162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
    238: "cp1250", 254: "cp437", 255: "cp850",
}
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def rtf_to_html(data: bytes, source: str) -> str:
    """The report in ``data`` (an RTF file's bytes) as an HTML document; raises :class:`InputError`."""
    reader = _Reader(source)
    reader.read(data.lstrip(b"\xef\xbb\xbf \t\r\n"))
    if not reader.blocks:
        raise InputError(source, "is an RTF document with no text", _HINT)
    return reader.html()


@dataclass(frozen=True)
class _State:
    """What a group inherits and restores on ``}``."""

    dest: str = ""  # "" body text, "skip", "fonttbl", "stylesheet", "title"
    bold: bool = False
    hidden: bool = False  # \v hidden text, \deleted tracked deletion
    uc: int = 1  # fallback characters after \uN
    codec: str = ""  # from the current font's charset; "" = the document's code page


@dataclass
class _Para:
    """Paragraph properties; they last until ``\\pard``."""

    style: int = 0
    outline: int = -1
    ls: int = 0
    ilvl: int = 0
    intbl: bool = False
    listmark: bool = False


@dataclass
class _StyleDef:
    name: str = ""
    based: int = -1
    outline: int = -1


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.codec = "cp1252"
        self.fonts: dict[int, str] = {}
        self.font = -1
        self.styles: dict[int, _StyleDef] = {}
        self.entry = _StyleDef()  # the stylesheet entry being read
        self.entry_id = 0
        self.title: list[str] = []
        self.para = _Para()
        self.runs: list[str] = []  # inline HTML of the open paragraph
        self.bytes = bytearray()  # \'hh bytes awaiting decoding
        self.byte_bold = False
        self.pending_high = ""  # high surrogate awaiting its low half
        self.skip = 0  # \uN fallback characters still to drop
        # tables: the open row's cells, the open cell's paragraphs, the table's rows
        self.cell: list[str] = []
        self.row: list[TableCell] = []
        self.rows: list[list[TableCell]] = []
        self.row_header = False
        self.merged: list[bool] = []  # per cell definition: merged into the cell before it (\clmrg)
        self.merge_next = False
        self.blocks: list[tuple[str, int, str] | list[list[TableCell]]] = []

    # -- tokens
    def read(self, data: bytes) -> None:
        stack: list[_State] = []
        state = _State()
        pending_star = False
        first_in_group = False
        pos = 0
        n = len(data)
        while pos < n:
            m = _TOKEN.match(data, pos)
            if m is None:  # a lone backslash at the end
                break
            pos = m.end()
            word, param, hexbyte, symbol, brace, text = m.groups()
            if brace is not None:
                self._flush_bytes(state)
                self.skip = 0
                if brace == b"{":
                    stack.append(state)
                    first_in_group, pending_star = True, False
                else:
                    if not stack:
                        break  # a stray closing brace
                    state = stack.pop()
                    first_in_group = pending_star = False
                    if not stack:
                        break  # the document's closing brace: what follows (padding, NULs) is not RTF
                continue
            if word is not None:
                name = word.decode("ascii")
                value = int(param) if param is not None else None
                if name == "bin":
                    self._flush_bytes(state)
                    size = max(0, value or 0)
                    if pos + size > n:
                        raise InputError(self.source, "is a damaged RTF document: binary data runs past its end",
                                         _HINT)
                    pos += size
                    continue
                if first_in_group:
                    state = self._destination(name, state, pending_star)
                    first_in_group = pending_star = False
                    if state.dest == "skip":
                        continue
                elif state.dest == "skip":
                    continue
                if self.skip and name not in ("u", "uc"):
                    self.skip -= 1
                    continue
                state = self._word(name, value, state)
                continue
            if state.dest == "skip" and not (symbol == b"*" and first_in_group):
                first_in_group = pending_star = False
                continue
            if symbol is not None:
                if symbol == b"*":
                    pending_star = first_in_group
                    continue
                first_in_group = False
                if self.skip:
                    self.skip -= 1
                    continue
                if symbol in (b"\n", b"\r"):
                    self._end_paragraph()
                else:
                    self._text(_SYMBOLS.get(symbol, ""), state)
                continue
            first_in_group = False
            if hexbyte is not None:
                if self.skip:
                    self.skip -= 1
                    continue
                self._byte(int(hexbyte, 16), state)
            elif text is not None:
                if self.skip:
                    dropped = min(self.skip, len(text))
                    text = text[dropped:]
                    self.skip -= dropped
                if text:
                    if text.isascii():
                        self._flush_bytes(state)
                        self._text(text.decode("ascii"), state)
                    else:  # 8-bit bytes written raw (not \'hh): the same code-page text
                        for b in text:
                            self._byte(b, state)
        if stack:
            raise InputError(self.source, f"is a damaged RTF document: it ends inside {len(stack)} open group"
                                          f"{'s' if len(stack) > 1 else ''} (truncated?)", _HINT)
        self._flush_bytes(state)
        self._end_paragraph()
        self._end_table()

    def _destination(self, name: str, state: _State, starred: bool) -> _State:
        """The state of a group that starts with control word ``name`` (after ``\\*`` when ``starred``)."""
        if state.dest == "skip":
            return state
        if name in _LIST_MARK:
            self.para.listmark = True
            return replace(state, dest="skip")
        if name in _SKIP:
            return replace(state, dest="skip")
        if name == "fonttbl":
            return replace(state, dest="fonttbl")
        if name == "stylesheet":
            return replace(state, dest="stylesheet")
        if state.dest == "stylesheet":  # a new style entry: {\s1 ... heading 1;} ("Normal" has no \s)
            self.entry_id, self.entry = 0, _StyleDef()
        if name == "title" and state.dest == "info":
            return replace(state, dest="title")
        if name == "info":
            return replace(state, dest="info")
        if name == "upr":  # {\upr{ANSI text}{\*\ud{Unicode text}}}: read the Unicode copy only
            return replace(state, dest="upr")
        if name == "ud":
            return replace(state, dest="")
        if state.dest == "stylesheet" and name in ("s", "cs", "ds", "ts", "tsrowd"):
            return state if name == "s" else replace(state, dest="skip")
        if starred or state.dest in ("info", "upr"):
            return replace(state, dest="skip")
        return state

    # -- control words
    def _word(self, name: str, value: int | None, state: _State) -> _State:
        dest = state.dest
        if dest == "fonttbl":
            if name == "f" and value is not None:
                self.font = value
            elif name == "fcharset" and value is not None and self.font >= 0:
                self.fonts[self.font] = _CHARSETS.get(value, "")
            elif name == "cpg" and value is not None and self.font >= 0:
                self.fonts[self.font] = _codec(f"cp{value}") or self.fonts.get(self.font, "")
            return state
        if dest == "stylesheet":
            if name == "s" and value is not None:
                self.entry_id, self.entry = value, _StyleDef()
            elif name == "sbasedon" and value is not None:
                self.entry.based = value
            elif name == "outlinelevel" and value is not None:
                self.entry.outline = value
            return state
        if dest in ("info", "upr"):
            return state
        if name == "u" and value is not None:
            self._flush_bytes(state)
            self._unicode(value + 65536 if -32768 <= value < 0 else value, state)
            self.skip = state.uc
            return state
        if name == "uc":
            return replace(state, uc=max(0, value if value is not None else 1))
        if name in ("ansicpg",) and value is not None:
            self.codec = _codec(f"cp{value}") or self.codec
        elif name == "mac":
            self.codec = "mac_roman"
        elif name == "pc":
            self.codec = "cp437"
        elif name == "pca":
            self.codec = "cp850"
        elif name == "f" and value is not None:
            self._flush_bytes(state)
            return replace(state, codec=self.fonts.get(value, ""))
        elif name == "b":
            self._flush_bytes(state)
            return replace(state, bold=value != 0)
        elif name in ("v", "deleted"):
            self._flush_bytes(state)
            return replace(state, hidden=value != 0)
        elif name == "plain":
            self._flush_bytes(state)
            return replace(state, bold=False, hidden=False)
        elif name in ("par", "sect", "page", "column"):
            self._flush_bytes(state)
            self._end_paragraph()
        elif name == "pard":
            self._flush_bytes(state)
            # WordPad writes a list paragraph's {\pntext ...} bullet before its \pard
            self.para = _Para(listmark=self.para.listmark)
        elif name == "s" and value is not None:
            self.para.style = value
        elif name == "outlinelevel" and value is not None:
            self.para.outline = value
        elif name == "ls" and value is not None:
            self.para.ls = value
        elif name == "ilvl" and value is not None:
            self.para.ilvl = value
        elif name == "intbl":
            self.para.intbl = True
        elif name == "itap" and value is not None:
            self.para.intbl = value > 0
        elif name in ("cell", "nestcell"):
            self._flush_bytes(state)
            self._end_paragraph(in_cell=True)
            if name == "cell":
                self._end_cell()
        elif name == "row":
            self._flush_bytes(state)
            self._end_row()
        elif name == "trowd":
            self.row_header, self.merged = False, []
        elif name == "trhdr":
            self.row_header = True
        elif name == "clmrg":
            self.merge_next = True
        elif name == "cellx":
            self.merged.append(self.merge_next)
            self.merge_next = False
        elif name in _WORD_TEXT:
            self._flush_bytes(state)
            self._text(_WORD_TEXT[name], state)
        return state

    # -- characters
    def _byte(self, b: int, state: _State) -> None:
        if self.bytes and self.byte_bold != state.bold:
            self._flush_bytes(state)
        self.byte_bold = state.bold
        self.bytes.append(b)

    def _flush_bytes(self, state: _State) -> None:
        if not self.bytes:
            return
        data, self.bytes = bytes(self.bytes), bytearray()
        codec = state.codec or self.codec
        text = data.decode(codec, "replace")
        self._text(text, replace(state, bold=self.byte_bold))

    def _unicode(self, code: int, state: _State) -> None:
        if 0xD800 <= code <= 0xDBFF:
            self.pending_high = chr(code)
            return
        if 0xDC00 <= code <= 0xDFFF and self.pending_high:
            pair = (self.pending_high + chr(code)).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            self.pending_high = ""
            self._text(pair, state)
            return
        self.pending_high = ""
        if 0xD800 <= code <= 0xDFFF or not 0 <= code <= 0x10FFFF:
            return  # a lone surrogate, or a number outside Unicode, is not text
        self._text(chr(code), state)

    def _text(self, text: str, state: _State) -> None:
        if not text or state.hidden:
            return
        if state.dest == "title":
            self.title.append(text)
        elif state.dest == "stylesheet":
            self.entry.name += text
            if ";" in self.entry.name:
                self.entry.name = self.entry.name.split(";", 1)[0].strip()
                self.styles[self.entry_id] = self.entry
                self.entry = _StyleDef()
        elif state.dest == "":
            self.runs.append(inline(text, state.bold))

    # -- blocks
    def _end_paragraph(self, in_cell: bool = False) -> None:
        inner = "".join(self.runs).replace("</strong><strong>", "")
        self.runs = []
        para = self.para
        listed = para.ls > 0 or para.listmark
        para.listmark = False  # the mark is the next paragraph's own, written again before it
        if in_cell or para.intbl:
            if visible(inner):
                self.cell.append(inner)
            return
        self._end_table()
        if not visible(inner):
            return
        level = self._heading_level(para)
        if level:
            self.blocks.append(("h", level, inner.replace("<br>", " ")))
        elif listed:
            self.blocks.append(("li", para.ilvl, inner))
        else:
            self.blocks.append(("p", 0, inner))

    def _heading_level(self, para: _Para) -> int:
        if 0 <= para.outline <= 8:
            return min(6, para.outline + 1)
        style, seen = self.styles.get(para.style), 0
        while style is not None and seen < 20:
            if style.name.lower() == "title":
                return 1
            if m := _HEADING_NAME.match(style.name):
                return min(6, int(m.group(1)))
            if 0 <= style.outline <= 8:
                return min(6, style.outline + 1)
            style, seen = self.styles.get(style.based), seen + 1
        return 0

    def _end_cell(self) -> None:
        merged = self.merged[len(self.row)] if len(self.row) < len(self.merged) else False
        if merged and self.row and not self.cell:
            prev = self.row[-1]
            self.row[-1] = replace(prev, colspan=prev.colspan + 1)
            self.merged.pop(len(self.row))  # the definitions now line up with the row's cells
        else:
            self.row.append(TableCell(cell_inner(self.cell), header=self.row_header))
        self.cell = []

    def _end_row(self) -> None:
        if self.cell:
            self._end_cell()
        if self.row:
            self.rows.append(self.row)
        self.row, self.cell = [], []

    def _end_table(self) -> None:
        if self.cell or self.row:
            self._end_row()
        if self.rows:
            self.blocks.append(self.rows)
            self.rows = []

    def html(self) -> str:
        out = HtmlBuilder("".join(self.title).strip())
        for block in self.blocks:
            if isinstance(block, list):
                out.table(block)
            elif block[0] == "h":
                out.heading(block[1], block[2])
            elif block[0] == "li":
                out.list_item(block[1], block[2])
            else:
                out.paragraph(block[2])
        return out.html()


def _codec(name: str) -> str:
    """A Python codec for a Windows code page name, or "" when Python does not know it."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""
