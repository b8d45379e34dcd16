"""Stores chosen by a URL-like string, so the CLI, tests and config name a backend the same way."""

from __future__ import annotations

from kg.errors import StoreError
from kg.store.base import EXPORT_FORMATS, SelectResult, Store

__all__ = ["EXPORT_FORMATS", "SelectResult", "Store", "StoreError", "open_store"]

VALID_SPECS = (
    "memory, oxigraph (in memory), oxigraph:DIR (on disk), http(s)://HOST:PORT (Oxigraph server), "
    "http(s)://HOST/.../sparql (Fuseki), http(s)://HOST/repositories/REPO (GraphDB), "
    "sparql+http(s)://HOST/QUERY?update=URL&store=URL"
)


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
    if spec.startswith(("http://", "https://", "sparql+http://", "sparql+https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(spec)
    raise StoreError(f"unknown store {spec!r}; valid forms: {VALID_SPECS}")
