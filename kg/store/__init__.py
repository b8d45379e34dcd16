"""Stores chosen by a URL-like string, so the CLI, tests and config name a backend the same way."""

from __future__ import annotations

from kg.errors import StoreError
from kg.store.base import EXPORT_FORMATS, SelectResult, Store

__all__ = ["EXPORT_FORMATS", "SelectResult", "Store", "StoreError", "open_store"]

VALID_SPECS = "memory, oxigraph (in memory), oxigraph:DIR (on disk), http(s)://HOST/.../sparql"


def open_store(spec: str) -> Store:
    """Open the backend named by ``spec``; see ``VALID_SPECS``. Errors are StoreError with one clear line."""
    spec = spec.strip()
    if spec == "memory":
        from kg.store.memory import MemoryStore

        return MemoryStore()
    if spec == "oxigraph" or spec.startswith("oxigraph:"):
        from kg.store.oxigraph import OxigraphStore

        path = spec.partition(":")[2]
        return OxigraphStore(path or None)
    if spec.startswith(("http://", "https://")):
        raise StoreError(f"store {spec!r}: remote backend not available yet")
    raise StoreError(f"unknown store {spec!r}; valid forms: {VALID_SPECS}")
