"""Ingest stage: bytes on disk -> RawDocument (read.py) -> TextDocument, the text rendition (text.py)."""

from kg.ingest.read import decode_document, read_document, sniff_media_type
from kg.ingest.text import load, render, render_text

__all__ = ["decode_document", "load", "read_document", "render", "render_text", "sniff_media_type"]
