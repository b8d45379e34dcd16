"""The remote (SPARQL protocol) backend beyond the shared contract: spec parsing, VALUES injection, HTTP
failure handling against a stub server, the union-default-graph check, and a real build on
``oxigraph serve`` that must give exactly what the embedded store gives."""

from __future__ import annotations

import http.server
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.build import build
from kg.errors import StoreError
from kg.facts import facts_document
from kg.queries import list_queries
from kg.store import open_store
from kg.store.base import SelectResult
from kg.store.remote import Endpoints, RemoteStore, inject_values, outermost_where, parse_spec
from tests.oxigraph_server import OxigraphServer, free_port, require_binary

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


# -- specs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "query", "update", "store"),
    [
        ("http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
         "http://127.0.0.1:7878/store"),
        ("https://kg.example.org/", "https://kg.example.org/query", "https://kg.example.org/update",
         "https://kg.example.org/store"),
        ("http://h:3030/anode/sparql", "http://h:3030/anode/sparql", "http://h:3030/anode/update",
         "http://h:3030/anode/data"),
        ("http://h:3030/anode/query", "http://h:3030/anode/query", "http://h:3030/anode/update",
         "http://h:3030/anode/data"),
        ("http://h:7200/repositories/anode", "http://h:7200/repositories/anode",
         "http://h:7200/repositories/anode/statements", "http://h:7200/repositories/anode/rdf-graphs/service"),
        ("sparql+http://h/q?update=http://h/u&store=http://h/gsp", "http://h/q", "http://h/u", "http://h/gsp"),
        ("sparql+https://h/x/sparql", "https://h/x/sparql", "https://h/x/update", "https://h/x/store"),
    ],
)
def test_spec_forms(spec: str, query: str, update: str, store: str) -> None:
    assert parse_spec(spec) == Endpoints(query, update, store)


def test_spec_options() -> None:
    ep = parse_spec("sparql+http://h/q?timeout=2.5&retries=0")
    assert (ep.timeout, ep.retries) == (2.5, 0)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("http://h/some/path", "cannot tell the server's endpoints"),
        ("http://h:7878/query?x=1", "needs the explicit form"),
        ("sparql+http://h/q?retries=many", "retries an integer"),
        ("sparql+http://h/q?store=ftp://h/s", "store must be an http"),
        ("http://:80", "expected http"),
        ("http://h:notaport", "store"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(spec)


# -- VALUES injection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sparql", "before"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE {"),
        ("SELECT * { ?s ?p ?o }", "SELECT * {"),
        ("ASK { ?s ?p ?o }", "ASK {"),
        ("PREFIX ex: <http://x/#a> # a { comment\nSELECT ?s WHERE { ?s ?p '{' }", "SELECT ?s WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE {"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE {"),
        ("SELECT ?where WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "SELECT ?where WHERE {"),
        ('SELECT (""" { """ AS ?x) WHERE { ?s ?p ?o }', 'SELECT (""" { """ AS ?x) WHERE {'),
    ],
)
def test_values_go_first_into_the_outermost_where(sparql: str, before: str) -> None:
    assert sparql[: outermost_where(sparql)].endswith(before)


def test_injected_values_are_serialised_terms() -> None:
    hostile = '"} } ; DROP ALL ; SELECT * { #'
    out = inject_values("SELECT ?s WHERE { ?s ?p ?name }", {"name": Literal(hostile), "s": URIRef("urn:x")})
    assert out.startswith('SELECT ?s WHERE { VALUES (?name ?s) { ("\\"} } ; DROP ALL ; SELECT * { #" <urn:x>) }')
    with pytest.raises(StoreError, match="invalid binding name"):
        inject_values("SELECT * { ?s ?p ?o }", {"s) } DROP ALL": URIRef("urn:x")})
    with pytest.raises(StoreError, match="no WHERE group"):
        inject_values("SELECT ?s", {"s": URIRef("urn:x")})


# -- HTTP failures, against a stub server -----------------------------------------------------------------


class Stub(http.server.BaseHTTPRequestHandler):
    """Answers from a script: a list of (status, body, delay seconds) consumed per request."""

    script: list[tuple[int, str, float]] = []
    seen: list[str] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        Stub.seen.append(f"{self.command} {self.path}")
        status, body, delay = Stub.script.pop(0) if Stub.script else (200, '{"head":{},"boolean":true}', 0)
        time.sleep(delay)
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json" if status < 300 else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_PUT = do_GET = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[str]:
    Stub.script, Stub.seen = [], []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


EMPTY_SELECT = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}})


def test_5xx_is_retried_then_succeeds(stub: str) -> None:
    Stub.script = [(503, "busy", 0), (502, "bad gateway", 0), (200, EMPTY_SELECT, 0), (200, EMPTY_SELECT, 0)]
    store = RemoteStore(f"sparql+http://{stub}/q?retries=3")
    assert store.graph_names() == []
    assert Stub.seen[:3] == ["POST /q"] * 3


def test_5xx_gives_up_naming_url_status_and_message(stub: str) -> None:
    Stub.script = [(500, "disk full", 0)] * 3
    store = RemoteStore(f"sparql+http://{stub}/q?retries=2")
    with pytest.raises(StoreError, match=rf"after 3 attempt\(s\): POST http://{stub}/update: HTTP 500 .*disk full"):
        store.update("DROP ALL")


def test_4xx_is_not_retried(stub: str) -> None:
    Stub.script = [(400, "Parse error at line 1: unexpected '{'", 0)]
    store = RemoteStore(f"sparql+http://{stub}/q?retries=3")
    with pytest.raises(StoreError, match=rf"POST http://{stub}/q: HTTP 400 .*Parse error at line 1"):
        store.query("SELECT {")
    assert len(Stub.seen) == 1


def test_timeout_is_a_store_error(stub: str) -> None:
    Stub.script = [(200, EMPTY_SELECT, 2.0)]
    store = RemoteStore(f"sparql+http://{stub}/q?timeout=0.3&retries=0")
    with pytest.raises(StoreError, match=r"no answer within 0.3 s"):
        store.graph_names()


def test_unreachable_server_names_the_url() -> None:
    port = free_port()
    store = RemoteStore(f"sparql+http://127.0.0.1:{port}/q?retries=1")
    with pytest.raises(StoreError, match=rf"POST http://127.0.0.1:{port}/q: no answer after 2 attempt"):
        store.graph_names()


def test_unexpected_answer_type(stub: str) -> None:
    class Html(Stub):
        def _answer(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"hi")

        do_POST = _answer

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Html)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        store = RemoteStore(f"sparql+http://127.0.0.1:{server.server_address[1]}/q")
        with pytest.raises(StoreError, match="unexpected answer type 'text/html'"):
            store.graph_names()
    finally:
        server.shutdown()
        server.server_close()


# -- a real server -------------------------------------------------------------------------------------


@pytest.mark.server
def test_server_without_union_default_graph_is_refused() -> None:
    server = OxigraphServer(require_binary(), union=False)
    try:
        with open_store(server.url) as store:
            store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
            with pytest.raises(StoreError, match="--union-default-graph"):
                store.query("ASK { ?s ?p ?o }")
    finally:
        server.stop()


def _rows(result: SelectResult) -> list[str]:
    """Rows as sorted text; GROUP_CONCAT lists (" | ") sorted too, since SPARQL leaves their order open."""
    def term(t: object) -> str:
        return " | ".join(sorted(str(t).split(" | "))) if isinstance(t, Literal) else repr(t)

    return sorted(repr([term(t) for t in row]) for row in result.rows)


def _dump(store: object, fmt: str) -> bytes:
    buf = io.BytesIO()
    store.dump(fmt, buf)  # type: ignore[attr-defined]
    return buf.getvalue()


@pytest.mark.server
def test_build_on_server_gives_exactly_the_embedded_graph_and_facts(oxigraph_server: OxigraphServer) -> None:
    with open_store("oxigraph") as embedded, open_store(oxigraph_server.url) as remote:
        build(embedded, [CORPUS], jobs=1)
        report = build(remote, [CORPUS], jobs=1)
        assert len(report.built) == 5
        assert facts_document(remote) == facts_document(embedded)
        for fmt in ("ttl", "nq"):
            assert _dump(remote, fmt) == _dump(embedded, fmt), fmt
        for stored in list_queries():
            want = embedded.query(stored.text, stored.bindings({}))
            got = remote.query(stored.text, stored.bindings({}))
            assert isinstance(want, SelectResult) and isinstance(got, SelectResult)
            assert got.variables == want.variables, stored.name
            assert _rows(got) == _rows(want), stored.name
        again = build(remote, [CORPUS], jobs=1)
        assert again.built == [] and len(again.unchanged) == 5


@pytest.mark.server
def test_cli_build_then_facts_against_the_server(oxigraph_server: OxigraphServer, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    local = f"oxigraph:{tmp_path / 'store'}"
    outputs = []
    for spec in (oxigraph_server.url, local):
        result = runner.invoke(app, ["--store", spec, "build", "-q", str(CORPUS)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["--store", spec, "facts", "--format", "json"])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
