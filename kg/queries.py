"""Stored SPARQL queries: one ``.rq`` file each, with a header that declares its parameters.

Header lines (before the PREFIX block)::

    # title: Companies active in several anode markets
    # description: ...
    # param: ?minMarkets xsd:integer 2

Parameter values are turned into typed RDF terms and bound by the engine (rdflib ``initBindings``,
pyoxigraph ``substitutions``); they are never spliced into the query text, so a value full of quotes,
braces or ``DROP ALL`` is only ever a literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)(?:\s+(?P<default>.*))?$")
TYPES = ("xsd:integer", "xsd:decimal", "xsd:string", "xsd:gYear", "iri")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def bindings(self, values: dict[str, str]) -> dict[str, Identifier]:
        """Typed terms for every parameter: given values first, else defaults; unknown names are errors."""
        known = {p.name: p for p in self.params}
        for name in values:
            if name not in known:
                raise QueryError(f"query {self.name!r} has no parameter {name!r}; it takes: "
                                 + (", ".join(sorted(known)) or "none"))
        bound: dict[str, Identifier] = {}
        for param in self.params:
            raw = values.get(param.name, param.default)
            if raw is None or raw == "":
                continue
            bound[param.name] = to_term(self.name, param, raw)
        return bound


def to_term(query: str, param: Param, raw: str) -> Identifier:
    if param.type == "xsd:integer":
        if not re.fullmatch(r"[+-]?\d+", raw.strip()):
            raise QueryError(f"{query}: parameter {param.name} wants an integer, got {raw!r}")
        return Literal(int(raw), datatype=XSD.integer)
    if param.type == "xsd:decimal":
        try:
            return Literal(Decimal(raw.strip()), datatype=XSD.decimal)
        except InvalidOperation:
            raise QueryError(f"{query}: parameter {param.name} wants a decimal, got {raw!r}") from None
    if param.type == "xsd:gYear":
        if not re.fullmatch(r"\d{4}", raw.strip()):
            raise QueryError(f"{query}: parameter {param.name} wants a year, got {raw!r}")
        return Literal(raw.strip(), datatype=XSD.gYear)
    if param.type == "iri":
        if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*", raw):
            raise QueryError(f"{query}: parameter {param.name} wants an IRI, got {raw!r}")
        return URIRef(raw)
    return Literal(raw)


def parse_query_file(path: Path) -> StoredQuery:
    text = path.read_text(encoding="utf-8")
    title = description = ""
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        else:
            pmatch = _PARAM.match(value)
            if not pmatch or pmatch["type"] not in TYPES:
                raise QueryError(f"{path.name}: bad param line {line!r}: want '# param: ?name TYPE default'"
                                 f" with TYPE one of {', '.join(TYPES)}")
            params.append(Param(pmatch["name"], pmatch["type"], pmatch["default"]))
    if not title:
        raise QueryError(f"{path.name}: missing '# title:' header")
    return StoredQuery(path.stem, path, title, description, tuple(params), text)


def list_queries(directory: Path = QUERIES_DIR) -> list[StoredQuery]:
    return [parse_query_file(p) for p in sorted(directory.glob("*.rq"))]


def get_query(name: str, directory: Path = QUERIES_DIR) -> StoredQuery:
    path = directory / f"{name}.rq"
    if not path.is_file():
        names = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no stored query named {name!r}; available: {names}")
    return parse_query_file(path)


def parse_param_args(args: list[str]) -> dict[str, str]:
    """``name=value`` pairs from the command line (the value may contain anything, even '=')."""
    values: dict[str, str] = {}
    for arg in args:
        name, sep, value = arg.partition("=")
        if not sep:
            raise QueryError(f"--param wants name=value, got {arg!r}")
        values[name.strip().lstrip("?")] = value
    return values
