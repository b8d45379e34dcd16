"""SHACL validation of the built graph (ontology/shapes.ttl), with messages people can act on.

Runs pyshacl over the store's union graph. Exporting the union to an rdflib Graph is the one place the
project pulls the whole graph into Python: acceptable here because SHACL needs random access to
everything anyway, and validation is a check, not a query path. ontology/anode.ttl is passed as the
ontology graph so ``sh:class`` sees the class hierarchy (akg:ExtractionRun is a prov:Activity, ...).
Run it after ``refresh_corpus_graph``: the one-prefLabel-per-company rule holds only with the corpus graph.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.namespaces import PREFIXES, SH
from kg.store.base import Store

__all__ = ["ONTOLOGY", "SHAPES", "ValidationReport", "validate", "validate_graph"]

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "anode.ttl"


@dataclass
class ValidationReport:
    """``conforms`` and one line per violation (``focus node | path | message | value``), sorted."""

    conforms: bool
    messages: list[str] = field(default_factory=list)
    text: str = ""  # pyshacl's own report, for debugging

    def __str__(self) -> str:
        if self.conforms:
            return "graph conforms to ontology/shapes.ttl"
        return f"{len(self.messages)} SHACL violation(s):\n" + "\n".join(self.messages)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


_COMPACT = sorted(((iri, prefix) for prefix, iri in PREFIXES.items()), key=lambda t: -len(t[0]))


def _short(node: Node | None) -> str:
    """Instance IRIs without the id/ base, vocabulary terms as prefix:name, literals as they are."""
    if node is None:
        return "-"
    text = str(node)
    if not isinstance(node, URIRef):
        return repr(text) if len(text) < 80 else repr(text[:77] + "...")
    for base, prefix in _COMPACT:
        if text.startswith(base):
            return text[len(base):] if prefix == "id" else f"{prefix}:{text[len(base):]}"
    return text


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against the shapes (with the ontology for the class hierarchy)."""
    conforms, results, text = shacl_validate(
        data, shacl_graph=_shapes(), ont_graph=_ontology(), inference="none", allow_warnings=True,
    )
    messages = []
    assert isinstance(results, Graph)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        shape = results.value(result, SH.sourceShape)
        if not isinstance(shape, URIRef):  # anonymous property shape: name the constraint instead
            shape = results.value(result, SH.sourceConstraintComponent)
        where = _short(shape)
        messages.append(f"{_short(focus)} | {_short(path)} | {message or where} | {_short(value)}")
    return ValidationReport(bool(conforms), sorted(set(messages)), str(text))


def validate(store: Store) -> ValidationReport:
    """Validate the store's union graph (all documents, the corpus graph and whatever else is loaded)."""
    buf = io.BytesIO()
    store.dump("nt", buf)
    data = Graph().parse(data=buf.getvalue().decode("utf-8"), format="nt")
    return validate_graph(data)
