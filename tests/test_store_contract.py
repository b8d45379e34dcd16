"""The Store contract, run on every backend (fixtures in conftest.py): same inputs, same answers."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef

from kg.errors import StoreError
from kg.store import Store, open_store
from kg.store.base import SelectResult

EX = Namespace("https://example.org/")
G1, G2, G3 = (f"https://example.org/graph/{n}" for n in ("doc1", "doc2", "doc3"))
HOSTILE = '"} ; DROP ALL ; INSERT DATA { <a> <b> <c> } ; SELECT * {'
NASTY_LITERALS = [
    HOSTILE,
    "it's \"quoted\" {braces} } ; \\ backslash",
    "a\\u0022b (escape text, not a quote)",
    "line\nbreak\ttab\r\x01ctl",
    "unicode é 漢 🚀",
    "'''triple''' \"\"\"quotes\"\"\"",
    "ends with backslash\\",
]
PREFIX = "PREFIX ex: <https://example.org/> "


def doc(n: int, *, company: str = "acme", extra: int = 0) -> Graph:
    """A small document graph; every document asserts the same company rdf:type (shared triple)."""
    g = Graph()
    c = EX[company]
    g.add((c, RDF.type, EX.Company))
    g.add((EX[f"obs{n}"], EX.about, c))
    g.add((EX[f"obs{n}"], EX.value, Literal("5133.5", datatype=XSD.decimal)))
    g.add((EX[f"obs{n}"], EX.year, Literal("2030", datatype=XSD.gYear)))
    g.add((EX[f"obs{n}"], EX.label, Literal(f"observation {n}", lang="en")))
    for i in range(extra):
        g.add((EX[f"obs{n}"], EX.note, Literal(f"note {i}")))
    return g


def select(store: Store, sparql: str, **bindings: URIRef | Literal) -> SelectResult:
    res = store.query(PREFIX + sparql, bindings or None)
    assert isinstance(res, SelectResult)
    return res


def dump(store: Store, fmt: str) -> bytes:
    buf = io.BytesIO()
    store.dump(fmt, buf)
    return buf.getvalue()


def test_replace_then_query(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    res = select(store, "SELECT ?o WHERE { ?o ex:about ex:acme }")
    assert res.variables == ["o"]
    assert res.rows == [(EX.obs1,)]


def test_replace_again_replaces(store: Store) -> None:
    store.replace_graph(G1, doc(1, extra=3))
    store.replace_graph(G1, doc(2))
    subjects = {r[0] for r in select(store, "SELECT DISTINCT ?s WHERE { ?s ?p ?o }").rows}
    assert subjects == {EX.acme, EX.obs2}
    assert not select(store, "SELECT ?n WHERE { ?s ex:note ?n }").rows
    assert len(store) == len(doc(2))


def test_replace_with_empty_graph_removes_document(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G1, Graph())
    assert len(store) == 0
    assert store.graph_names() == []


def test_drop_graph(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2))
    store.drop_graph(G1)
    store.drop_graph(G3)  # absent: no error
    assert store.graph_names() == [G2]
    assert not select(store, "SELECT ?p WHERE { ex:obs1 ?p ?o }").rows
    assert store.query(PREFIX + "ASK { ex:acme a ex:Company }") is True  # still asserted by doc2


def test_graph_names_sorted(store: Store) -> None:
    for g in (G3, G1, G2):
        store.replace_graph(g, doc(int(g[-1])))
    assert store.graph_names() == [G1, G2, G3]


def test_invalid_input_raises_and_leaves_store_unchanged(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    before = dump(store, "nq")
    bad = doc(9)
    bad.add((URIRef("https://example.org/has space"), EX.p, Literal("x")))
    with pytest.raises(StoreError):
        store.replace_graph(G1, bad)
    with pytest.raises(StoreError):
        store.replace_graph("not an iri> { evil", doc(1))
    assert dump(store, "nq") == before


def test_hostile_bindings_match_exactly_and_change_nothing(store: Store) -> None:
    g = Graph()
    for i, text in enumerate(NASTY_LITERALS):
        g.add((EX[f"s{i}"], EX.name, Literal(text)))
    store.replace_graph(G1, g)
    before = dump(store, "nq")
    for i, text in enumerate(NASTY_LITERALS):
        res = select(store, "SELECT ?s WHERE { ?s ex:name ?name }", name=Literal(text))
        assert res.rows == [(EX[f"s{i}"],)], text
        res = select(store, "SELECT ?name WHERE { ?s ex:name ?name }", s=EX[f"s{i}"])
        assert res.rows == [(Literal(text),)], text
    assert not select(store, "SELECT ?s WHERE { ?s ex:name ?name }", name=Literal(HOSTILE + "x")).rows
    assert dump(store, "nq") == before
    assert len(store) == len(NASTY_LITERALS)


def test_hostile_literals_round_trip_through_dump(store: Store) -> None:
    g = Graph()
    for i, text in enumerate(NASTY_LITERALS):
        g.add((EX[f"s{i}"], EX.name, Literal(text)))
    store.replace_graph(G1, g)
    for fmt, rdflib_fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        back = Graph().parse(data=dump(store, fmt), format=rdflib_fmt)
        assert set(back) == set(g), fmt


def test_ask_and_construct(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    assert store.query(PREFIX + "ASK { ex:obs1 ex:about ex:acme }") is True
    assert store.query(PREFIX + "ASK { ex:obs1 ex:about ex:nobody }") is False
    assert store.query(PREFIX + "ASK { ?o ex:about ?c }", {"c": EX.acme}) is True
    res = store.query(PREFIX + "CONSTRUCT { ?c ex:hasObservation ?o } WHERE { ?o ex:about ?c }")
    assert isinstance(res, Graph)
    assert set(res) == {(EX.acme, EX.hasObservation, EX.obs1)}


def test_len_counts_distinct_union_triples(store: Store) -> None:
    assert len(store) == 0
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2))
    assert len(store) == len(doc(1)) + len(doc(2)) - 1  # the shared rdf:type counts once
    count = select(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
    assert int(str(count.rows[0][0])) == len(store)


def test_dump_turtle_reloads_everywhere(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2))
    ttl = dump(store, "ttl")
    assert ttl.count(b"ex:Company") == 1 or ttl.count(b"Company>") == 1  # shared triple written once
    assert b"@base" not in ttl
    assert len(Graph().parse(data=ttl, format="turtle")) == len(store)
    assert len(list(ox.parse(ttl, ox.RdfFormat.TURTLE))) == len(store)
    nt = dump(store, "nt")
    assert len(nt.splitlines()) == len(store)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_dump_is_independent_of_insertion_order(store_factory: Callable[[], Store], fmt: str) -> None:
    a, b = store_factory(), store_factory()
    for g, n in ((G1, 1), (G2, 2), (G3, 3)):
        a.replace_graph(g, doc(n, extra=5))
    for g, n in ((G3, 3), (G1, 1), (G2, 2)):
        reordered = Graph()
        for t in sorted(doc(n, extra=5), reverse=True):
            reordered.add(t)
        b.replace_graph(g, reordered)
    assert dump(a, fmt) == dump(b, fmt)


def test_nq_round_trips_named_graphs(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2, company="beta"))
    ds = Dataset()
    ds.parse(data=dump(store, "nq"), format="nquads")
    for name, n, company in ((G1, 1, "acme"), (G2, 2, "beta")):
        assert set(ds.graph(URIRef(name))) == set(doc(n, company=company))
    trig = Dataset()
    trig.parse(data=dump(store, "trig"), format="trig")
    assert set(trig.graph(URIRef(G2))) == set(doc(2, company="beta"))


def test_update(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.update(PREFIX + f"INSERT DATA {{ GRAPH <{G2}> {{ ex:beta a ex:Company }} }}")
    assert store.graph_names() == [G1, G2]
    assert store.query(PREFIX + "ASK { ex:beta a ex:Company }") is True
    store.update(PREFIX + f"DELETE WHERE {{ GRAPH <{G1}> {{ ?o ex:label ?l }} }}")
    assert not select(store, "SELECT ?l WHERE { ?o ex:label ?l }").rows
    with pytest.raises(StoreError):
        store.update("INSERT DATA { this is not sparql")


def test_bad_query_and_format_raise_store_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.query("SELECT WHERE {")
    with pytest.raises(StoreError):
        store.dump("xml", io.BytesIO())


def test_clear(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2))
    store.clear()
    assert len(store) == 0
    assert store.graph_names() == []
    assert dump(store, "nq") == b""


def test_select_rows_are_typed_rdflib_terms(store: Store) -> None:
    g = Graph()
    g.add((EX.o, EX.value, Literal("5133.50", datatype=XSD.decimal)))  # non-canonical on purpose
    g.add((EX.o, EX.year, Literal("2030", datatype=XSD.gYear)))
    g.add((EX.o, EX.label, Literal("Anode", lang="en")))
    g.add((EX.o, EX.amount, Literal(42)))
    g.add((EX.o, EX.text, Literal("plain")))
    store.replace_graph(G1, g)
    query = "SELECT * WHERE { ?o ex:value ?v ; ex:year ?y ; ex:label ?l ; ex:amount ?c ; ex:text ?t "
    query += "OPTIONAL { ?o ex:none ?u } }"
    row = next(select(store, query).dicts())
    v, y, lbl, c, t = (row[k] for k in ("v", "y", "l", "c", "t"))
    assert isinstance(v, Literal) and v.datatype == XSD.decimal
    assert v.toPython() == Decimal("5133.5")  # Oxigraph canonicalises the lexical form: compare by value
    assert isinstance(y, Literal) and y.datatype == XSD.gYear and str(y) == "2030"
    assert lbl == Literal("Anode", lang="en")
    assert isinstance(c, Literal) and c.datatype == XSD.integer and c.toPython() == 42
    assert t == Literal("plain") and isinstance(t, Literal) and t.datatype is None
    assert row["o"] == EX.o and isinstance(row["o"], URIRef)
    assert row["u"] is None


def test_repeated_terms_in_a_result_keep_their_kinds(store: Store) -> None:
    """Results convert each distinct term once (kg/store/_rdf.py): the same text as a plain, a language-tagged
    and a typed literal and as an IRI stays four different terms on every row, and repeats are equal."""
    g = Graph()
    for i in range(30):
        s = EX[f"row{i}"]
        g.add((s, EX.kind, Literal("5") if i % 3 else Literal("5", lang="en")))
        g.add((s, EX.n, Literal("5", datatype=XSD.integer)))
        g.add((s, EX.ref, URIRef("https://example.org/5")))
    store.replace_graph(G1, g)
    rows = select(store, "SELECT ?s ?k ?n ?r WHERE { ?s ex:kind ?k ; ex:n ?n ; ex:ref ?r } ORDER BY ?s").rows
    assert len(rows) == 30
    for s, k, n, r in rows:
        i = int(str(s).rsplit("row", 1)[1])
        assert k == (Literal("5") if i % 3 else Literal("5", lang="en")) and isinstance(k, Literal)
        assert n == Literal("5", datatype=XSD.integer) and n.toPython() == 5
        assert r == URIRef("https://example.org/5") and isinstance(r, URIRef)
    graph = store.query(PREFIX + "CONSTRUCT { ?s ex:kind ?k ; ex:n ?n } WHERE { ?s ex:kind ?k ; ex:n ?n }")
    assert isinstance(graph, Graph) and len(graph) == 60
    assert len(set(graph.objects(None, EX.kind))) == 2


def test_reader_never_sees_half_a_document(store: Store) -> None:
    """Replace a 200-triple document over and over while another thread counts it."""
    size = 200
    versions = [doc(1, extra=size), doc(2, extra=size)]
    store.replace_graph(G1, versions[0])
    expected = len(versions[0])
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            res = select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
            seen.add(int(str(res.rows[0][0])))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(20):
            store.replace_graph(G1, versions[i % 2])
    finally:
        stop.set()
        reader.join()
    assert seen == {expected}


def test_shared_triple_answers_once(store: Store) -> None:
    """A triple asserted by several documents is one solution, not one per document (embedded stores)."""
    if getattr(store, "endpoints", None) is not None:
        pytest.skip("a server's union default graph may repeat it (its configuration, not ours)")
    for g, n in ((G1, 1), (G2, 2), (G3, 3)):
        store.replace_graph(g, doc(n))
    assert select(store, "SELECT ?c WHERE { ?c a ex:Company }").rows == [(EX.acme,)]
    res = select(store, "SELECT ?o WHERE { ?c a ex:Company . ?o ex:about ?c }")
    assert sorted(res.rows) == [(EX.obs1,), (EX.obs2,), (EX.obs3,)]


def test_replace_keeps_a_triple_another_graph_asserts(store: Store) -> None:
    store.replace_graph(G1, doc(1))
    store.replace_graph(G2, doc(2))
    without = doc(1)
    without.remove((EX.acme, RDF.type, EX.Company))
    store.replace_graph(G1, without)
    assert store.query(PREFIX + "ASK { ex:acme a ex:Company }") is True  # still asserted by doc2
    store.replace_graph(G2, Graph())
    assert store.query(PREFIX + "ASK { ex:acme a ex:Company }") is False  # now asserted by none
    assert store.query(PREFIX + "ASK { ex:obs1 ex:about ex:acme }") is True
    assert len(store) == len(without)


def test_reader_sees_the_union_whole(store: Store) -> None:
    """While one document is replaced over and over, the union's distinct triple count is never in between."""
    size = 200
    versions = [doc(1, extra=size), doc(1, company="beta", extra=size // 2)]
    shared = doc(2, extra=10)  # asserts acme a Company too, so replacing G1 changes shared triples
    store.replace_graph(G2, shared)
    store.replace_graph(G1, versions[0])
    expected = {len(v | shared) for v in versions}
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            res = select(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
            seen.add(int(str(res.rows[0][0])))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(1, 21):
            store.replace_graph(G1, versions[i % 2])
    finally:
        stop.set()
        reader.join()
    assert seen <= expected and seen


# -- backend-specific -----------------------------------------------------------------------------------


def test_on_disk_store_persists(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    with open_store(spec) as s:
        s.replace_graph(G1, doc(1))
        s.replace_graph(G2, doc(2))
        before = dump(s, "nq")
    with open_store(spec) as s:
        assert s.graph_names() == [G1, G2]
        assert dump(s, "nq") == before


def test_locked_directory_gives_clear_error(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    with open_store(spec):
        with pytest.raises(StoreError, match="in use"):
            open_store(spec)
        code = "from kg.store import open_store\ntry:\n open_store(%r)\nexcept Exception as e: print(repr(e))"
        out = subprocess.run([sys.executable, "-c", code % spec], capture_output=True, text=True, timeout=60)
        assert "StoreError" in out.stdout and "in use" in out.stdout, out.stdout + out.stderr
        assert "panic" not in (out.stdout + out.stderr).lower()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("https://example.org/some/path", "cannot tell the server's endpoints"),
        ("sparql+http://h/q?bogus=1", "unknown option"),
        ("postgres://x", "valid forms"),
        ("", "valid forms"),
    ],
)
def test_open_store_rejects_unknown_specs(spec: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(spec)


def test_open_store_forms() -> None:
    from kg.store.memory import MemoryStore
    from kg.store.oxigraph import OxigraphStore

    assert isinstance(open_store("memory"), MemoryStore)
    for spec in ("oxigraph", "oxigraph:"):
        s = open_store(spec)
        assert isinstance(s, OxigraphStore) and s.path is None


def test_backends_write_identical_bytes() -> None:
    """Shared serialiser: memory and Oxigraph agree byte for byte (canonical literals)."""
    stores = [open_store("memory"), open_store("oxigraph")]
    for s in stores:
        s.replace_graph(G1, doc(1, extra=3))
        s.replace_graph(G2, doc(2, company="beta"))
    for fmt in ("ttl", "nt", "nq", "trig", "jsonld"):
        assert dump(stores[0], fmt) == dump(stores[1], fmt), fmt


_SEED_SCRIPT = """
import io, sys
sys.path.insert(0, {tests!r})
from test_store_contract import G1, G2, doc
from kg.store import open_store
for spec in ("memory", "oxigraph"):
    s = open_store(spec)
    s.replace_graph(G2, doc(2, company="beta", extra=20))
    s.replace_graph(G1, doc(1, extra=20))
    buf = io.BytesIO()
    s.dump("ttl", buf)
    sys.stdout.buffer.write(buf.getvalue())
"""


def test_turtle_identical_across_hash_seeds() -> None:
    script = _SEED_SCRIPT.format(tests=str(Path(__file__).parent))
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, timeout=120)
        assert run.returncode == 0, run.stderr.decode()
        outputs.add(run.stdout)
    assert len(outputs) == 1


# -- Oxigraph: the deduplicated default graph (kg/store/oxigraph.py) --------------------------------------

OXIGRAPH_SPECS = ["oxigraph", "oxigraph:{tmp}"]


@pytest.fixture(params=OXIGRAPH_SPECS, ids=["oxigraph-mem", "oxigraph-disk"])
def ox_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s = open_store(request.param.replace("{tmp}", str(tmp_path / "db")))
    yield s
    s.close()


def default_and_union(store: Store) -> tuple[set[str], set[str]]:
    """(triples of Oxigraph's real default graph, set union of its named graphs), as N-Triples text."""
    engine: ox.Store = store.ox  # type: ignore[attr-defined]
    default = {str(q.triple) for q in engine.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    union = {str(q.triple) for q in engine.quads_for_pattern(None, None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    return default, union


def test_default_graph_is_the_union_after_random_operations(ox_store: Store) -> None:
    """Replace/drop/update/clear in a random (seeded) order; after each: default graph == union, and the
    store answers as the rdflib reference store (deduplicated union) does."""
    import random

    rng = random.Random(20240611)
    Triple = tuple[URIRef, URIRef, URIRef | Literal]
    pool: list[Triple] = [(EX[f"s{rng.randrange(6)}"], EX[f"p{rng.randrange(3)}"], Literal(rng.randrange(8)))
                          for _ in range(40)]
    pool += [(EX.acme, RDF.type, EX.Company), (EX.acme, EX.label, Literal("Acme", lang="en"))]
    graphs = [f"https://example.org/graph/g{i}" for i in range(5)]
    reference = open_store("memory")
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    for step in range(300):
        g = rng.choice(graphs)
        op = rng.random()
        if op < 0.5:
            content = Graph()
            for t in rng.sample(pool, rng.randrange(0, 15)):
                content.add(t)
            for s in (ox_store, reference):
                if rng.random() < 0.5:
                    s.replace_graph(g, content)
                else:
                    s.replace_graph_ntriples(g, content.serialize(format="nt", encoding="utf-8"))
        elif op < 0.65:  # a batch: new and existing graphs together, maybe the same graph twice
            batch = []
            for name in rng.sample(graphs, rng.randrange(1, 4)) + ([g] if rng.random() < 0.3 else []):
                content = Graph()
                for t in rng.sample(pool, rng.randrange(0, 15)):
                    content.add(t)
                batch.append((name, content.serialize(format="nt", encoding="utf-8")))
            ox_store.replace_graphs_ntriples(batch)
            for name, data in dict(batch).items():
                reference.replace_graph_ntriples(name, data)
        elif op < 0.75:
            for s in (ox_store, reference):
                s.drop_graph(g)
        elif op < 0.85:
            s_, p_, o_ = rng.choice(pool)
            sparql = f"INSERT DATA {{ GRAPH <{g}> {{ <{s_}> <{p_}> {o_.n3()} }} }}"
            for s in (ox_store, reference):
                s.update(sparql)
        elif op < 0.95:
            s_ = rng.choice(pool)[0]
            sparql = f"DELETE WHERE {{ GRAPH <{g}> {{ <{s_}> ?p ?o }} }} ;"
            for s in (ox_store, reference):
                s.update(sparql)
        elif op < 0.98:
            ox_store.update("INSERT DATA { <urn:stray> <urn:p> <urn:o> }")  # default graph: derived, so undone
        else:
            for s in (ox_store, reference):
                s.clear()
        default, union = default_and_union(ox_store)
        assert default == union, f"step {step}"
        assert len(ox_store) == len(union) == len(reference), f"step {step}"
        assert ox_store.graph_names() == reference.graph_names(), f"step {step}"
        ours, theirs = select(ox_store, query).rows, select(reference, query).rows
        assert len(ours) == len(set(ours)) and set(ours) == set(theirs), f"step {step}"


def test_dumps_read_the_right_graphs(ox_store: Store) -> None:
    ox_store.replace_graph(G1, doc(1))
    ox_store.replace_graph(G2, doc(2))
    nq = dump(ox_store, "nq").decode()
    assert len(nq.splitlines()) == len(doc(1)) + len(doc(2))  # named graphs only, shared triple twice
    assert all(line.rstrip(" .").endswith(">") and "/graph/doc" in line for line in nq.splitlines())
    assert len(dump(ox_store, "nt").splitlines()) == len(ox_store) == len(doc(1)) + len(doc(2)) - 1


def test_store_without_default_graph_is_migrated_on_open(tmp_path: Path) -> None:
    """A store written before the deduplicated default graph: named graphs only. Opening derives it."""
    path = tmp_path / "old"
    engine = ox.Store(str(path))
    for g, n in ((G1, 1), (G2, 2)):
        nt = doc(n).serialize(format="nt", encoding="utf-8")
        engine.update(f"INSERT DATA {{ GRAPH <{g}> {{ {nt.decode()} }} }}")
    engine.flush()
    del engine
    with open_store(f"oxigraph:{path}") as s:
        default, union = default_and_union(s)
        assert default == union and len(s) == len(doc(1)) + len(doc(2)) - 1
        assert select(s, "SELECT ?c WHERE { ?c a ex:Company }").rows == [(EX.acme,)]
        s.drop_graph(G1)
        assert s.query(PREFIX + "ASK { ex:acme a ex:Company }") is True
    with open_store(f"oxigraph:{path}") as s:  # reopening keeps it (nothing to migrate)
        default, union = default_and_union(s)
        assert default == union and s.graph_names() == [G2]


@pytest.mark.parametrize("bulk_min", [0, None], ids=["bulk-load", "load"])
def test_batch_of_new_graphs_with_a_bad_one_writes_nothing(
    ox_store: Store, bulk_min: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New graphs go in together (bulk-loaded on disk when the batch is big): one malformed document fails
    the whole batch, naming the graphs, and leaves the store as it was."""
    from kg.store import oxigraph as backend

    if bulk_min is not None:
        monkeypatch.setattr(backend, "BULK_MIN_QUADS", bulk_min)
    ox_store.replace_graph(G1, doc(1))
    before = dump(ox_store, "nq")
    good = doc(2, extra=50).serialize(format="nt", encoding="utf-8")
    bad = b'<https://example.org/s> <https://example.org/p> not-a-term .\n'
    with pytest.raises(StoreError, match="graph/doc3"):
        ox_store.replace_graphs_ntriples([(G2, good), (G3, bad)])
    assert dump(ox_store, "nq") == before
    assert ox_store.graph_names() == [G1]


class CountingEngine:
    """The real pyoxigraph store, with each ``load``/``bulk_load`` call recorded (method, quads per graph) and
    passed on unchanged; pyoxigraph's methods are read-only, so the store's ``ox`` property hands this out."""

    def __init__(self, engine: ox.Store) -> None:
        self.engine = engine
        self.calls: list[tuple[str, dict[str, int]]] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)

    def _record(self, method: str, data: bytes) -> None:
        per_graph: dict[str, int] = {}
        for quad in ox.parse(data, ox.RdfFormat.N_QUADS):
            key = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
            per_graph[key] = per_graph.get(key, 0) + 1
        self.calls.append((method, per_graph))

    def load(self, data: bytes, **kwargs: object) -> None:
        self._record("load", data)
        self.engine.load(data, **kwargs)

    def bulk_load(self, data: bytes, **kwargs: object) -> None:
        self._record("bulk_load", data)
        self.engine.bulk_load(data, **kwargs)


def test_batch_larger_than_one_bulk_load_is_split_by_graph(ox_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch over the bulk-load limit is written in several loads, never splitting a graph."""
    from kg.store import oxigraph as backend

    monkeypatch.setattr(backend, "BULK_QUADS", 30)
    monkeypatch.setattr(backend, "BULK_MIN_QUADS", 0)
    batch = [(f"https://example.org/graph/big{i}", doc(i, extra=8).serialize(format="nt", encoding="utf-8"))
             for i in range(6)]
    triples = {name: len(data.splitlines()) for name, data in batch}
    # each triple is two quads (its graph and the default graph): a graph fits one load, two graphs do not
    assert all(15 < 2 * n <= 30 for n in triples.values())
    counting = CountingEngine(ox_store.ox)  # type: ignore[attr-defined]
    monkeypatch.setattr(type(ox_store), "ox", property(lambda self: counting))
    ox_store.replace_graphs_ntriples(batch)
    assert len(counting.calls) == len(batch)
    on_disk = ox_store.path is not None  # type: ignore[attr-defined]
    assert {method for method, _ in counting.calls} == {"bulk_load" if on_disk else "load"}
    seen: list[str] = []
    for _, per_graph in counting.calls:
        assert sum(per_graph.values()) <= backend.BULK_QUADS
        named = [g for g in per_graph if g]
        seen += named
        for g in named:  # a graph goes whole into one load, with its default-graph copies beside it
            assert per_graph[g] == triples[g]
        assert per_graph.get("", 0) == sum(per_graph[g] for g in named)
    assert sorted(seen) == sorted(triples)
    monkeypatch.undo()
    assert ox_store.graph_names() == sorted(name for name, _ in batch)
    default, union = default_and_union(ox_store)
    assert default == union
    assert len(ox_store) == len({line for _, data in batch for line in data.splitlines() if line.strip()})


class RecordingEngine:
    """The real pyoxigraph store, with each ``update`` text recorded and passed on unchanged."""

    def __init__(self, engine: ox.Store) -> None:
        self.engine = engine
        self.updates: list[str] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)

    def update(self, sparql: str, **kwargs: object) -> None:
        self.updates.append(sparql)
        self.engine.update(sparql, **kwargs)


def test_replacing_a_graph_writes_only_what_changed(ox_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A graph the store holds is replaced by ONE update carrying the difference (none when nothing changed);
    a triple that leaves the graph stays in the default graph while another graph asserts it."""
    old = doc(1, extra=40)
    ox_store.replace_graph(G1, old)
    ox_store.replace_graph(G2, doc(2))  # also asserts "acme a Company"
    new = doc(1, extra=40)
    new.remove((EX.obs1, EX.note, Literal("note 7")))
    new.remove((EX.acme, RDF.type, EX.Company))
    new.add((EX.obs1, EX.note, Literal("changed")))
    recording = RecordingEngine(ox_store.ox)  # type: ignore[attr-defined]
    monkeypatch.setattr(type(ox_store), "ox", property(lambda self: recording))
    ox_store.replace_graph(G1, new)
    assert len(recording.updates) == 1
    text = recording.updates[0]
    assert '"note 7"' in text and '"changed"' in text and '"note 8"' not in text
    ox_store.replace_graph(G1, new)  # the same content again: nothing to write
    ox_store.replace_graph_ntriples(G1, new.serialize(format="nt", encoding="utf-8"))
    assert len(recording.updates) == 1
    monkeypatch.undo()
    default, union = default_and_union(ox_store)
    assert default == union
    assert ox_store.query(PREFIX + "ASK { ex:acme a ex:Company }") is True  # doc2 still asserts it
    res = select(ox_store, f"SELECT ?n WHERE {{ GRAPH <{G1}> {{ ex:obs1 ex:note ?n }} }}")
    assert sorted(str(r[0]) for r in res.rows) == sorted([f"note {i}" for i in range(40) if i != 7] + ["changed"])
    assert ox_store.query(PREFIX + f"ASK {{ GRAPH <{G1}> {{ ex:acme a ex:Company }} }}") is False


def test_replacing_graphs_with_blank_nodes_or_uncanonical_literals(ox_store: Store) -> None:
    """Blank nodes cannot be named in a difference, so such a graph is replaced whole; a literal Oxigraph
    stores in canonical form ("5133.50" -> 5133.5) is written again but never lost."""
    from rdflib import BNode

    def version(note: str) -> Graph:
        g = doc(1)
        b = BNode()
        g.add((EX.obs1, EX.source, b))
        g.add((b, EX.note, Literal(note)))
        g.add((EX.obs1, EX.raw, Literal("7.50", datatype=XSD.decimal)))
        return g

    for note in ("first", "second", "second"):
        ox_store.replace_graph(G1, version(note))
        default, union = default_and_union(ox_store)
        assert default == union and len(ox_store) == len(version(note))
        res = select(ox_store, "SELECT ?n WHERE { ex:obs1 ex:source ?b . ?b ex:note ?n }")
        assert [str(r[0]) for r in res.rows] == [note]
    plain = doc(1)
    plain.add((EX.obs1, EX.raw, Literal("7.50", datatype=XSD.decimal)))
    for _ in range(2):
        ox_store.replace_graph(G1, plain)
        default, union = default_and_union(ox_store)
        assert default == union and len(ox_store) == len(plain)
        (row,) = select(ox_store, "SELECT ?v WHERE { ex:obs1 ex:raw ?v }").rows
        assert row[0] is not None and Decimal(str(row[0])) == Decimal("7.5")
