"""SELECT results in the W3C SPARQL 1.1 results formats (JSON, CSV, TSV) and as a text table."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.store.base import SelectResult

FORMATS = ("table", "csv", "tsv", "json")


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: SelectResult) -> str:
    bindings = [
        {var: _json_term(value) for var, value in zip(result.variables, row, strict=True) if value is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def to_csv(result: SelectResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if v is None else str(v) for v in row])
    return buffer.getvalue()


def to_tsv(result: SelectResult) -> str:
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if v is None else _tsv_term(v) for v in row))
    return "\n".join(lines) + "\n"


def _tsv_term(term: Node) -> str:
    text = term.n3()
    return text.replace("\t", "\\t").replace("\n", "\\n")


def to_table(result: SelectResult, width: int = 60) -> str:
    header = result.variables
    cells = [[_short(v, width) for v in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _short(value: Node | None, width: int) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(result: SelectResult, fmt: str) -> str:
    return {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](result)
