"""Regenerate the stored-query goldens: ``tests/golden/queries/NAME.json``, one per ``queries/NAME.rq``.

Run it by hand whenever the pipeline (extraction, resolution, mapping) or a query changes, then LOOK at the
diff before committing (are the rows plausible against the reports?); the tests never run it::

    .venv/bin/python -m tests.golden.regen            # every query
    .venv/bin/python -m tests.golden.regen market-sizes documents

It builds ``data/corpus`` into an in-memory Oxigraph store with the real pipeline (``kg.build.build``), runs
each stored query with its golden parameters (``GOLDEN_PARAMS``; defaults otherwise) and writes the rows in
the comparison form of ``normalise_rows`` (N3 terms, decimals by value, " | " lists sorted, rows sorted).
``tests/test_queries.py`` imports the same helpers, so the goldens and the checks cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.queries import QUERIES_DIR, get_query, list_queries
from kg.store import SelectResult, Store, open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
GOLDEN_DIR = Path(__file__).resolve().parent / "queries"

GOLDEN_PARAMS: dict[str, dict[str, str]] = {
    # every fact of the whole corpus would make a huge golden: one (small) document is enough
    "evidence-trail": {"documentSource": "004_5852f63bdd323a9b.txt"},
}
"""Parameters the goldens are computed with (a query not listed runs with its defaults)."""

LIST_SEPARATOR = " | "
"""GROUP_CONCAT separator of the stored queries; engines concatenate in any order, so parts are sorted."""

NUMERIC = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.nonNegativeInteger, XSD.int, XSD.long}


def normalise_term(term: Node | None) -> str | None:
    """A comparable string for one result term.

    Numbers compare by value (Oxigraph returns canonical decimals, rdflib keeps the lexical form: "4700.0"
    and "4700" are one number), GROUP_CONCAT lists by their sorted parts, everything else by its N3 form.
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype in NUMERIC:
            try:
                value = Decimal(str(term))
            except InvalidOperation:
                return term.n3()
            text = format(value.normalize(), "f") if value != 0 else "0"
            return f"number:{text}"
        text = str(term)
        if LIST_SEPARATOR in text:
            parts = LIST_SEPARATOR.join(sorted(text.split(LIST_SEPARATOR)))
            return Literal(parts, lang=term.language, datatype=term.datatype).n3()
        return term.n3()
    if isinstance(term, URIRef):
        return term.n3()
    return str(term)


def normalise_rows(result: SelectResult) -> list[list[str | None]]:
    """Rows in comparison form, sorted (a query's ORDER BY may leave ties in engine order)."""
    rows = [[normalise_term(t) for t in row] for row in result.rows]
    return sorted(rows, key=lambda r: json.dumps(r, ensure_ascii=False))


def run_stored(store: Store, name: str, params: dict[str, str] | None = None) -> SelectResult:
    stored = get_query(name)
    result = store.query(stored.text, stored.bindings(dict(params or {})))
    if not isinstance(result, SelectResult):
        raise TypeError(f"{name} is not a SELECT query")
    return result


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"


def golden_document(store: Store, name: str) -> dict[str, object]:
    params = GOLDEN_PARAMS.get(name, {})
    result = run_stored(store, name, params)
    return {"query": name, "params": params, "variables": result.variables, "rows": normalise_rows(result)}


def build_corpus(spec: str = "oxigraph") -> Store:
    from kg.build import build

    store = open_store(spec)
    report = build(store, [CORPUS], jobs=1)
    if report.rejected:
        raise SystemExit("corpus documents rejected: " + "; ".join(r.line() for r in report.rejected))
    return store


def main(argv: Sequence[str]) -> int:
    names = list(argv) or [q.name for q in list_queries(QUERIES_DIR)]
    store = build_corpus()
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for name in names:
        doc = golden_document(store, name)
        golden_path(name).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        rows = doc["rows"]
        assert isinstance(rows, list)
        print(f"{name}: {len(rows)} rows -> {golden_path(name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
