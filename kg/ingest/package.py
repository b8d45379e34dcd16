"""What opening or reading a damaged ZIP package (DOCX, PPTX, ODT) can raise.

``zipfile`` reports damage in many ways: a bad central directory (BadZipFile), a corrupt deflate stream
(zlib.error, which is not an OSError), an unknown version or compression method (NotImplementedError),
a truncated stream (EOFError), a missing member (KeyError). Each converter turns all of them into one
clear :class:`~kg.errors.InputError` instead of a traceback.
"""

from __future__ import annotations

import zipfile
import zlib

ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, OSError, ValueError, EOFError,
    KeyError,
)
