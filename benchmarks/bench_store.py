"""Store backends on a synthetic corpus: ~200k triples in ~1000 named graphs (one per "document").

Prints figures only (no asserts): load time through ``replace_graph``, a GROUP BY aggregate median, a key
lookup median, Turtle dump time, the memory/oxigraph ratios, the Oxigraph ways of writing one graph
(the atomic single-update path the store uses versus the two-step alternatives), and the store's own write
paths side by side (batches of new graphs bulk-loaded, one call per graph, replacing existing graphs).

    .venv/bin/python benchmarks/bench_store.py [--graphs 1000] [--per-graph 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, Namespace

from kg.store import Store, _rdf, open_store

EX = Namespace("https://example.org/")
AGG = """PREFIX ex: <https://example.org/>
SELECT ?company (COUNT(DISTINCT ?obs) AS ?n) (SUM(?v) AS ?total) WHERE {
  ?obs ex:about ?company ; ex:value ?v ; ex:year ?y . FILTER(?y >= 2025)
} GROUP BY ?company HAVING (COUNT(DISTINCT ?obs) > 1) ORDER BY DESC(?total)"""
LOOKUP = "PREFIX ex: <https://example.org/> SELECT ?p ?o WHERE { ?s ?p ?o }"


def make_docs(graphs: int, per_graph: int) -> list[tuple[str, Graph]]:
    """Documents about 200 shared companies; each observation has 5 triples, shared rdf:type triples."""
    docs = []
    obs_per_doc = max(1, (per_graph - 2) // 5)
    for d in range(graphs):
        g = Graph()
        company = EX[f"company{d % 200}"]
        g.add((company, RDF.type, EX.Company))
        g.add((company, EX.label, Literal(f"Company {d % 200}", lang="en")))
        for i in range(obs_per_doc):
            o = EX[f"obs/{d}/{i}"]
            g.add((o, RDF.type, EX.Observation))
            g.add((o, EX.about, company))
            g.add((o, EX.value, Literal(f"{(d * 31 + i * 7) % 10000}.5", datatype=XSD.decimal)))
            g.add((o, EX.year, Literal(2020 + i % 12)))
            g.add((o, EX.quote, Literal(f"The market was worth USD {d}.{i} million in {2020 + i % 12}.")))
        docs.append((f"https://example.org/graph/doc{d}", g))
    return docs


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def bench(spec: str, docs: list[tuple[str, Graph]], repeat: int) -> dict[str, float]:
    store: Store = open_store(spec)
    t = time.perf_counter()
    for name, g in docs:
        store.replace_graph(name, g)
    load = time.perf_counter() - t
    n = len(store)
    agg = median_ms(lambda: store.query(AGG), repeat)
    key = EX["obs/500/3"]
    lookup = median_ms(lambda: store.query(LOOKUP, {"s": key}), repeat * 20)
    t = time.perf_counter()
    store.dump("ttl", io.BytesIO())
    dump = time.perf_counter() - t
    store.close()
    print(f"{spec:<28} triples {n:>8}  load {load:7.2f} s  group-by {agg:8.1f} ms  "
          f"lookup {lookup:7.3f} ms  dump ttl {dump:6.2f} s")
    return {"load": load, "agg": agg, "lookup": lookup, "dump": dump}


def bench_write_paths(docs: list[tuple[str, Graph]]) -> None:
    """Oxigraph ways to (re)write one document graph; only the first is one transaction."""
    prepared = []
    for name, doc in docs:
        triples = _rdf.to_ox_triples(doc)
        nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        prepared.append((ox.NamedNode(name), triples, nt))

    def update(s: ox.Store, g: ox.NamedNode, _t: list[ox.Triple], nt: bytes) -> None:
        s.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{nt.decode()}}} }}")

    def load(s: ox.Store, g: ox.NamedNode, _t: list[ox.Triple], nt: bytes) -> None:
        s.remove_graph(g)
        s.load(nt, ox.RdfFormat.N_TRIPLES, to_graph=g)

    def extend(s: ox.Store, g: ox.NamedNode, t: list[ox.Triple], _nt: bytes) -> None:
        s.remove_graph(g)
        s.extend([ox.Quad(x.subject, x.predicate, x.object, g) for x in t])

    def bulk(s: ox.Store, g: ox.NamedNode, _t: list[ox.Triple], nt: bytes) -> None:
        s.remove_graph(g)
        s.bulk_load(nt, ox.RdfFormat.N_TRIPLES, to_graph=g)

    paths = [("update DROP+INSERT DATA (1 txn)", update), ("remove_graph + load (2 txn)", load),
             ("remove_graph + extend (2 txn)", extend), ("remove_graph + bulk_load (no txn)", bulk)]
    for where in ("memory", "disk"):
        for label, fn in paths:
            with tempfile.TemporaryDirectory() as d:
                s = ox.Store(None if where == "memory" else d)
                t = time.perf_counter()
                for _ in range(2):  # first pass creates, second pass replaces
                    for g, triples, nt in prepared:
                        fn(s, g, triples, nt)
                dt = time.perf_counter() - t
                print(f"  oxigraph {where:<6} {label:<36} {dt:6.2f} s for {2 * len(prepared)} writes")
                del s


def bench_store_batches(docs: list[tuple[str, Graph]], batch: int = 130) -> None:
    """The store's own write paths on disk, side by side: a first build in batches of new graphs (one
    bulk ingestion each, what ``kg build`` does), the same documents one call each, and then replacing
    them all (the SPARQL update that keeps the default graph)."""
    from kg.store.oxigraph import OxigraphStore

    data = [(name, ox.serialize(_rdf.to_ox_triples(g), format=ox.RdfFormat.N_TRIPLES) or b"") for name, g in docs]
    for label, size in ((f"new graphs, batches of {batch}", batch), ("new graphs, one call each", 1)):
        with tempfile.TemporaryDirectory() as d:
            store = OxigraphStore(d)
            t = time.perf_counter()
            for i in range(0, len(data), size):
                store.replace_graphs_ntriples(data[i:i + size])
            first = time.perf_counter() - t
            t = time.perf_counter()
            if size == 1:
                store.replace_graphs_ntriples(data)  # every graph exists now: one update each
            again = time.perf_counter() - t
            store.close()
        extra = f", replacing them all {again:6.2f} s" if size == 1 else ""
        print(f"  store on disk, {label:<30} {first:6.2f} s for {len(data)} documents{extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graphs", type=int, default=1000)
    ap.add_argument("--per-graph", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = make_docs(args.graphs, args.per_graph)
    print(f"{len(docs)} graphs, {sum(len(g) for _, g in docs)} triples before union dedup")
    with tempfile.TemporaryDirectory() as d:
        specs = ("memory", "oxigraph", f"oxigraph:{d}/db")
        results = {spec: bench(spec, docs, args.repeat) for spec in specs}
    mem, oxm = results["memory"], results["oxigraph"]
    print("memory / oxigraph-in-memory: " + "  ".join(f"{k} {mem[k] / oxm[k]:.1f}x" for k in mem))
    print("ways to write a document graph (Oxigraph), first 200 documents:")
    bench_write_paths(docs[:200])  # bulk_load writes files per call: slow per document on disk
    print("the store's write paths (kg/store/oxigraph.py), all documents:")
    bench_store_batches(docs)


if __name__ == "__main__":
    main()
