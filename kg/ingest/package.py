"""What opening or reading a damaged ZIP package (DOCX, PPTX, ODT) can raise.

``zipfile`` reports damage in many ways: a bad central directory (BadZipFile), a corrupt deflate stream
(zlib.error, which is not an OSError), an unknown version or compression method (NotImplementedError),
a truncated stream (EOFError), a missing member (KeyError). Each converter turns all of them into one
clear :class:`~kg.errors.InputError` instead of a traceback; ``convert_office`` does it once for the
python-docx and python-pptx readers.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from kg.errors import InputError

T = TypeVar("T")
R = TypeVar("R")

ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, OSError, ValueError, EOFError,
    KeyError,
)


#: Uncompressed XML of one package; a report's or a deck's is a few MB at most (more is a ZIP bomb).
MAX_XML_BYTES = 200_000_000


@dataclass(frozen=True)
class OfficeKind:
    """How a refusal names the kind of file: "a damaged Word document", "a Word .docx document"..."""

    damaged: str  # "a damaged Word document"
    named: str  # "a Word document"
    exact: str  # "a Word .docx document"
    contents: str  # "a report"
    hint: str


def convert_office(data: bytes, source: str, kind: OfficeKind, load: Callable[[BinaryIO], T],
                   render: Callable[[T], R]) -> R:
    """Open an Office Open XML package with its python library (``load``) and render it, turning every way a
    damaged or wrong file fails (ZIP errors, a ZIP bomb, a wrong content type, missing parts, bad XML) into
    one :class:`~kg.errors.InputError` naming the file; recursion and memory errors go through."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml"))
    except ZIP_ERRORS as exc:
        raise InputError(source, f"is {kind.damaged} (its ZIP package cannot be opened)", kind.hint) from exc
    if size > MAX_XML_BYTES:
        raise InputError(source, f"is {kind.named} whose XML unpacks to {size / 1e6:,.0f} MB, too big for "
                                 f"{kind.contents} (a ZIP bomb?)", kind.hint)
    try:
        package = load(io.BytesIO(data))
    except ValueError as exc:  # python-docx/-pptx: "file '...' is not a Word file, content type is '...'"
        found = re.search(r"content type is '([^']+)'", str(exc))
        what = f" (its content type is {found.group(1)})" if found else ""
        raise InputError(source, f"is not {kind.exact}{what}", kind.hint) from exc
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # PackageNotFoundError, KeyError for missing parts, lxml syntax errors
        raise InputError(source, f"is {kind.damaged} that cannot be parsed", kind.hint) from exc
    try:
        return render(package)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:
        raise InputError(source, f"is {kind.damaged} that cannot be parsed", kind.hint) from exc
