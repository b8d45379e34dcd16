"""Remote backend: any SPARQL 1.1 Protocol + Graph Store Protocol server (Oxigraph, Fuseki, GraphDB, ...).

Store specs (``parse_spec``)::

    http://HOST:PORT                      Oxigraph server: HOST:PORT/query, /update, /store
    http://HOST/.../repositories/REPO     GraphDB / RDF4J: REPO, REPO/statements, REPO/rdf-graphs/service
    http://HOST/.../DATASET/sparql        Fuseki: .../sparql (or .../query), .../update, .../data
    sparql+http://HOST/QUERY?update=URL&store=URL[&timeout=S][&retries=N]
                                          explicit endpoints (sparql+https too); ``update`` and ``store``
                                          default to the query URL's siblings ``update`` and ``store``

Why these choices:

- One document = one named graph, replaced by a Graph Store Protocol ``PUT ?graph=IRI`` with an N-Triples
  body: one request, and the server applies it as one transaction (Oxigraph, Fuseki and RDF4J all do),
  so a reader never sees half a document. An empty graph is a GSP ``DELETE`` (no empty graph lingers).
- Queries are POSTed as ``application/sparql-query`` (no URL length limit) with an Accept header that
  lets the server answer SELECT/ASK as SPARQL JSON results and CONSTRUCT/DESCRIBE as N-Triples; both are
  parsed by pyoxigraph (Rust), not by Python, and converted at the edge like the embedded backends.
- Bindings: a ``VALUES`` block inserted as the first element of the query's outermost WHERE group, so a
  bound variable is joined before FILTER, BIND, OPTIONAL and aggregation see it (a trailing VALUES would
  be joined after GROUP BY). The terms are written by pyoxigraph's N-Triples serialiser and variable
  names are checked, so nothing the caller passes is ever spliced into the query as SPARQL text.
- Union default graph: stored queries use no GRAPH, so the server must answer the default graph as the
  union of the named graphs (``oxigraph serve --union-default-graph``; Fuseki/TDB2
  ``tdb2:unionDefaultGraph true``; GraphDB/RDF4J does it by default). Rewriting queries with
  ``default-graph-uri`` would mean listing every document graph in every request (10 000 graphs is
  ~1 MB per query) and merging them per query. Instead the first query that finds data checks the
  server once (a triple of a named graph must be visible without GRAPH) and fails with a clear
  StoreError naming the fix if it is not.
- Failures: connection errors and 5xx are retried with exponential backoff (every request we send is
  idempotent: PUT/DELETE/GET/query, and graph replacement); 4xx is not retried. Errors name the method,
  the URL, the HTTP status and the server's own message. Timeouts are per request (``timeout=`` seconds).
- HTTP with the standard library (``http.client``, one keep-alive connection per thread and host), so
  the backend adds no dependency.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier

from kg.errors import StoreError
from kg.store import _rdf
from kg.store.base import SelectResult, Store

ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5, "
    "application/sparql-results+xml;q=0.3"
)
DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 3
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_COUNT_DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_PROBE = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"
UNION_HELP = (
    "the server does not answer queries over the union of its named graphs; configure it so: "
    "'oxigraph serve --union-default-graph', Fuseki/TDB2 'tdb2:unionDefaultGraph true' "
    "(GraphDB does it by default)"
)


@dataclass(frozen=True)
class Endpoints:
    """The three URLs a remote store talks to, and how patiently."""

    query: str
    update: str
    store: str
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES


def _sibling(url: str, name: str) -> str:
    """``http://h/ds/sparql`` -> ``http://h/ds/<name>`` (query string dropped)."""
    parts = urlsplit(url)
    base = parts.path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, f"{base}/{name}", "", ""))


def parse_spec(spec: str) -> Endpoints:
    """Endpoints for a store spec (see the module docstring); StoreError naming the valid forms if bad."""
    explicit = spec.startswith(("sparql+http://", "sparql+https://"))
    url = spec.removeprefix("sparql+")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"store {spec!r}: expected http(s)://HOST[:PORT][/PATH] or sparql+http(s)://...")
    try:
        parts.port  # noqa: B018 - validates the port
    except ValueError as e:
        raise StoreError(f"store {spec!r}: {e}") from None
    path = parts.path.rstrip("/")
    timeout, retries = DEFAULT_TIMEOUT, DEFAULT_RETRIES
    if explicit:
        options = dict(parse_qsl(parts.query, keep_blank_values=True))
        unknown = sorted(set(options) - {"update", "store", "timeout", "retries"})
        if unknown:
            raise StoreError(f"store {spec!r}: unknown option(s) {', '.join(unknown)}; "
                             "use update=URL, store=URL, timeout=SECONDS, retries=N")
        try:
            timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
            retries = int(options.get("retries", DEFAULT_RETRIES))
        except ValueError:
            raise StoreError(f"store {spec!r}: timeout must be a number, retries an integer") from None
        query = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        update = options.get("update") or _sibling(query, "update")
        store = options.get("store") or _sibling(query, "store")
        for name, value in (("update", update), ("store", store)):
            if urlsplit(value).scheme not in ("http", "https"):
                raise StoreError(f"store {spec!r}: {name} must be an http(s) URL, not {value!r}")
        return Endpoints(query, update, store, timeout, retries)
    root = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    if parts.query:
        raise StoreError(f"store {spec!r}: a query string needs the explicit form sparql+{parts.scheme}://...")
    if not path:
        return Endpoints(f"{root}/query", f"{root}/update", f"{root}/store")
    if re.search(r"/repositories/[^/]+$", path):
        return Endpoints(root, f"{root}/statements", f"{root}/rdf-graphs/service")
    if path.endswith(("/sparql", "/query")):
        return Endpoints(root, _sibling(root, "update"), _sibling(root, "data"))
    raise StoreError(
        f"store {spec!r}: cannot tell the server's endpoints from this URL; use http://HOST:PORT (Oxigraph), "
        ".../repositories/REPO (GraphDB), .../DATASET/sparql (Fuseki) or "
        "sparql+http://HOST/QUERY?update=URL&store=URL"
    )


class RemoteStore(Store):
    """A SPARQL server reached over HTTP; every call is one or a few HTTP requests, nothing cached."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.endpoints = parse_spec(spec)
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._union_checked = False

    # -- HTTP ------------------------------------------------------------------------------------------

    def _connection(self, scheme: str, netloc: str, fresh: bool) -> http.client.HTTPConnection:
        conns: dict[tuple[str, str], http.client.HTTPConnection] = self._local.__dict__.setdefault("conns", {})
        conn = conns.get((scheme, netloc))
        if conn is not None and not fresh:
            return conn
        if conn is not None:
            conn.close()
        cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = cls(netloc, timeout=self.endpoints.timeout)
        conns[(scheme, netloc)] = conn
        with self._lock:
            self._all.append(conn)
        return conn

    def _request(
        self, method: str, url: str, body: bytes | None = None, headers: Mapping[str, str] | None = None,
        *, ok_missing: bool = False,
    ) -> tuple[str, bytes]:
        """Send one request (retrying connection errors and 5xx); returns (content type, body)."""
        parts = urlsplit(url)
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        attempts = self.endpoints.retries + 1
        problem = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(min(0.2 * 2 ** (attempt - 1), 5.0))
            conn = self._connection(parts.scheme, parts.netloc, fresh=attempt > 0)
            try:
                conn.request(method, target, body=body, headers=dict(headers or {}))
                resp = conn.getresponse()
                data = resp.read()
            except TimeoutError:
                conn.close()
                raise StoreError(f"{method} {url}: no answer within {self.endpoints.timeout:g} s "
                                 "(raise it with timeout=SECONDS in a sparql+http spec)") from None
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                problem = f"{type(e).__name__}: {e}"
                continue
            if resp.status < 300 or (ok_missing and resp.status == 404):
                return resp.getheader("Content-Type", "") or "", data
            message = " ".join(data.decode("utf-8", "replace").split())[:500]
            error = f"{method} {url}: HTTP {resp.status} {resp.reason}" + (f": {message}" if message else "")
            if resp.status < 500:
                raise StoreError(error)
            problem = error
        if problem.startswith(method):
            raise StoreError(f"giving up after {attempts} attempt(s): {problem}")
        raise StoreError(f"{method} {url}: no answer after {attempts} attempt(s): {problem}")

    def _gsp_url(self, graph_iri: str) -> str:
        _graph_node(graph_iri)
        sep = "&" if "?" in self.endpoints.store else "?"
        return f"{self.endpoints.store}{sep}graph={quote(graph_iri, safe='')}"

    def _post_query(self, sparql: str) -> tuple[str, bytes]:
        return self._request("POST", self.endpoints.query, sparql.encode("utf-8"), {
            "Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT})

    def _solutions(self, sparql: str) -> ox.QuerySolutions:
        res = _parse_answer(self.endpoints.query, *self._post_query(sparql))
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError(f"{self.endpoints.query}: expected SELECT results")
        return res

    # -- writing ---------------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        url = self._gsp_url(graph_iri)
        triples = _rdf.to_ox_triples(graph)
        if not triples:
            self._request("DELETE", url, ok_missing=True)
            return
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._request("PUT", url, body, {"Content-Type": "application/n-triples"})

    def replace_graph_ntriples(self, graph_iri: str, data: bytes) -> None:
        """The bytes go to the server as they are (it parses them; nothing is spliced into SPARQL)."""
        url = self._gsp_url(graph_iri)
        if not data.strip():
            self._request("DELETE", url, ok_missing=True)
            return
        self._request("PUT", url, data, {"Content-Type": "application/n-triples"})

    def drop_graph(self, graph_iri: str) -> None:
        self._request("DELETE", self._gsp_url(graph_iri), ok_missing=True)

    def update(self, sparql: str) -> None:
        self._request("POST", self.endpoints.update, sparql.encode("utf-8"),
                      {"Content-Type": "application/sparql-update; charset=utf-8"})

    def clear(self) -> None:
        self.update("DROP ALL")

    # -- reading ---------------------------------------------------------------------------------------

    def graph_names(self) -> list[str]:
        return sorted(s[0].value for s in self._solutions(_GRAPHS) if isinstance(s[0], ox.NamedNode))

    def query(
        self, sparql: str, bindings: Mapping[str, Identifier] | None = None
    ) -> SelectResult | bool | Graph:
        self._check_union()
        if bindings:
            sparql = inject_values(sparql, bindings)
        res = _parse_answer(self.endpoints.query, *self._post_query(sparql))
        if isinstance(res, ox.QueryBoolean):
            return bool(res)
        if isinstance(res, ox.QuerySolutions):
            return SelectResult([v.value for v in res.variables], _rdf.rows_to_rdflib(res))
        return _rdf.triples_to_rdflib(res)

    def _check_union(self) -> None:
        """Once per store object, as soon as there is data: a named graph's triple must be in the default."""
        if self._union_checked:
            return
        probe = list(self._solutions(_PROBE))
        if not probe:
            return
        s, p, o = probe[0][0], probe[0][1], probe[0][2]
        ask = f"ASK {{ {s} {p} {o} }}"
        if not _parse_answer(self.endpoints.query, *self._post_query(ask)):
            raise StoreError(f"{self.endpoints.query}: {UNION_HELP}")
        self._union_checked = True

    def __len__(self) -> int:
        for s in self._solutions(_COUNT_DISTINCT):
            n = s[0]
            return int(n.value) if isinstance(n, ox.Literal) else 0
        return 0

    def dump(self, fmt: str, out: BinaryIO) -> None:
        """Triples by one CONSTRUCT, quads by one SELECT over GRAPH ?g; written by the shared serialiser.

        nq/trig carry the named graphs only: the backend writes nothing to the default graph, and with a
        union default graph a server cannot tell its own default graph's triples from the union's.
        """
        _rdf.check_format(fmt)
        if fmt in _rdf.DATASET_FORMATS:
            _rdf.write_quads(self._quads(), fmt, out)
            return
        self._check_union()
        res = _parse_answer(self.endpoints.query, *self._post_query(_TRIPLES))
        if isinstance(res, ox.QuerySolutions | ox.QueryBoolean):
            raise StoreError(f"{self.endpoints.query}: expected a graph for CONSTRUCT")
        _rdf.write_triples(res, fmt, out)

    def _quads(self) -> Iterator[ox.Quad]:
        for g, s, p, o in self._solutions(_QUADS):
            yield ox.Quad(s, p, o, g)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


def _parse_answer(url: str, content_type: str, data: bytes) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
    """Parse a query answer by its media type with pyoxigraph's parsers."""
    media = content_type.split(";", 1)[0].strip().lower()
    try:
        if media in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        if media in ("application/sparql-results+xml", "application/xml"):
            return ox.parse_query_results(data, ox.QueryResultsFormat.XML)
        if media in ("application/n-triples", "text/plain"):
            return list(ox.parse(data, ox.RdfFormat.N_TRIPLES))
        if media in ("text/turtle", "application/x-turtle"):
            return list(ox.parse(data, ox.RdfFormat.TURTLE))
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{url}: unreadable {media} answer: {e}") from None
    raise StoreError(f"{url}: unexpected answer type {content_type or '(none)'!r}")


def _graph_node(graph_iri: str) -> str:
    try:
        return str(ox.NamedNode(graph_iri))
    except ValueError as e:
        raise StoreError(f"invalid graph IRI {graph_iri!r}: {e}") from None


# -- VALUES injection ---------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}"""
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<open>\{)|(?P<close>\})|(?P<word>[?$:]?[A-Za-z_][A-Za-z0-9_-]*)""",
    re.DOTALL,
)


def outermost_where(sparql: str) -> int:
    """Offset just after the ``{`` that opens the query's outermost WHERE group.

    Comments, strings and IRIs are skipped, so braces or keywords inside them do not count. The group is
    the first top-level ``{`` after the keyword WHERE, or, for ``SELECT ... {`` / ``ASK {`` without the
    keyword, the first top-level ``{`` (a CONSTRUCT template is skipped because CONSTRUCT needs WHERE).
    """
    depth = 0
    seen_where = False
    construct = False
    for m in _TOKEN.finditer(sparql):
        if m.group("word"):
            if depth == 0:
                word = m.group("word").upper()
                seen_where = seen_where or word == "WHERE"
                construct = construct or word == "CONSTRUCT"
        elif m.group("open"):
            if depth == 0 and (seen_where or not construct):
                return m.end()
            depth += 1
        elif m.group("close"):
            depth -= 1
    raise StoreError("cannot bind parameters: the query has no WHERE group")


def inject_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` first in its outermost WHERE group."""
    names, terms = [], []
    for name, value in bindings.items():
        if not _VAR.match(name):
            raise StoreError(f"invalid binding name {name!r}")
        try:
            terms.append(str(_rdf.to_ox(value)))
        except ValueError as e:
            raise StoreError(f"invalid binding ?{name}: {e}") from None
        names.append(f"?{name}")
    at = outermost_where(sparql)
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    return sparql[:at] + block + sparql[at:]
