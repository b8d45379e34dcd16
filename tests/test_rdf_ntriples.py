"""kg.store._rdf.ntriples (the build worker's writer) against pyoxigraph's own N-Triples serializer."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import StoreError
from kg.store import _rdf

S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")


def reference(triples: list[tuple[Node, Node, Node]]) -> bytes:
    return ox.serialize(_rdf.to_ox_triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""


def every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_literal_escaping_matches_the_serializer_for_every_character() -> None:
    text = every_character()
    chunks = [text[i : i + 4096] for i in range(0, len(text), 4096)]
    triples: list[tuple[Node, Node, Node]] = [(S, P, Literal(c)) for c in chunks]
    triples += [(S, P, Literal('a "quoted"\\ line\nbreak\ttab\r\x00\x7f\ufffe end', datatype=XSD.token))]
    assert _rdf.ntriples(triples) == reference(triples)


def test_terms_of_every_kind_are_written_as_the_serializer_writes_them() -> None:
    other = URIRef("http://example.org/o/é%20x#frag")
    triples: list[tuple[Node, Node, Node]] = [
        (S, P, other),
        (other, P, Literal("http://example.org/s")),  # a literal spelled like an IRI stays a literal
        (S, P, Literal("http://example.org/s", datatype=XSD.anyURI)),
        (S, P, Literal("4700.0", datatype=XSD.decimal)),
        (S, P, Literal(True)),
        (S, P, Literal("x", datatype=XSD.string)),
        (S, P, Literal("chat", lang="FR-ca")),
        (BNode("b1"), P, S),
        (S, P, BNode("b1")),
    ]
    out = _rdf.ntriples(triples)
    assert out == reference(triples)
    assert len(out.decode("utf-8").splitlines()) == len(triples)


def test_empty_is_empty() -> None:
    assert _rdf.ntriples([]) == b""


@pytest.mark.parametrize("bad", [
    (URIRef("not an iri"), P, S),
    (S, URIRef("relative"), S),
    (S, P, Literal("x", lang="abcdefghij")),  # rdflib accepts it, pyoxigraph does not
    (S, P, Literal("lone \ud800 surrogate")),
    (Literal("a literal"), P, S),
])
def test_a_bad_term_is_a_store_error(bad: tuple[Node, Node, Node]) -> None:
    with pytest.raises(StoreError, match="invalid RDF term"):
        _rdf.ntriples([(S, P, S), bad])
    with pytest.raises(StoreError, match="invalid RDF term"):
        _rdf.to_ox_triples([(S, P, S), bad])
