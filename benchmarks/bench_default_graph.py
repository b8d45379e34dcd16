"""The deduplicated default graph (kg/store/oxigraph.py) on a built store: what it costs and what it buys.

On a COPY of an on-disk store built by ``kg build`` (e.g. ``benchmarks/run.py --keep DIR`` leaves one in
``DIR/synth-N/store``) it prints:

- the one-off migration: re-deriving the default graph from the named graphs (``rebuild_default_graph``);
- per-document replacement latency (median over ``--docs`` document graphs, each replaced by itself):
  the old ``DROP ; INSERT DATA`` alone, the NOT EXISTS step alone (as a SELECT), and the full update;
- with ``--union``, every stored query on the union of the named graphs (the old scheme) and on the
  deduplicated default graph; union queries slower than ``--cap`` seconds are run once.

Figures only, no asserts.

    .venv/bin/python benchmarks/bench_default_graph.py STORE_DIR [--docs 30] [--union] [--cap 60]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import list_queries  # noqa: E402
from kg.store import _rdf  # noqa: E402
from kg.store.oxigraph import OxigraphStore, _forget, _replace  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


def run_query(engine: ox.Store, q: Any, union: bool, cap: float) -> str:
    """Median of 3 runs (1 if slower than ``cap`` seconds), rows included."""
    subs: Any = {ox.Variable(k): _rdf.to_ox(v) for k, v in q.bindings({}).items()} or None
    runs: list[float] = []
    n = 0
    for _ in range(3):
        t = time.perf_counter()
        res: Any = engine.query(q.text, use_default_graph_as_union=union, substitutions=subs)
        n = sum(1 for _ in res)
        runs.append(time.perf_counter() - t)
        if runs[-1] > cap:
            break
    return f"{ms(statistics.median(runs))} ({n} rows)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--union", action="store_true", help="also time the stored queries on the union (slow)")
    ap.add_argument("--cap", type=float, default=60.0)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-defgraph-"))
    try:
        copy = work / "store"
        shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns("LOCK"))
        queries = list_queries()
        old = ox.Store(str(copy))
        old.update("DROP SILENT DEFAULT")  # the old layout: named graphs only
        union_ms: dict[str, str] = {}
        if args.union:
            for q in queries:
                union_ms[q.name] = run_query(old, q, True, args.cap)
                print(f"    union   {q.name:34s} {union_ms[q.name]}", flush=True)
        old.flush()
        del old

        t = time.perf_counter()
        store = OxigraphStore(copy)  # migrates: derives the default graph once
        engine = store.ox
        print(f"migration on open: {time.perf_counter() - t:.1f} s for {len(store):,} distinct triples")

        docs = sorted(g.value for g in engine.named_graphs() if "/graph/doc/" in g.value)
        docs = docs[len(docs) // 2:][: args.docs]
        bodies = {}
        for g in docs:
            triples = [q.triple for q in engine.quads_for_pattern(None, None, None, ox.NamedNode(g))]
            bodies[g] = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
        times: dict[str, list[float]] = {"old drop+insert": [], "NOT EXISTS select": [], "new replace": []}
        for g in docs:
            name = f"<{g}>"
            select = _forget(name).split(" ;\n")[0].replace("DELETE { ?s ?p ?o }", "SELECT ?s ?p ?o", 1)
            t = time.perf_counter()
            list(engine.query(select))  # type: ignore[arg-type]
            times["NOT EXISTS select"].append(time.perf_counter() - t)
            t = time.perf_counter()
            engine.update(_replace(name, bodies[g]))
            times["new replace"].append(time.perf_counter() - t)
        for g in docs:  # old scheme: the named graph only (same content, so the default graph stays right)
            t = time.perf_counter()
            engine.update(f"DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{bodies[g]}}} }}")
            times["old drop+insert"].append(time.perf_counter() - t)
        size = statistics.median(len(b.splitlines()) for b in bodies.values())
        print(f"per document ({len(docs)} documents, median {size:.0f} triples), median:")
        for label, values in times.items():
            print(f"    {label:20s} {ms(statistics.median(values))}")

        print("stored queries on the deduplicated default graph" + (" (union: old scheme)" if args.union else ""))
        for q in queries:
            print(f"    default {q.name:34s} {run_query(engine, q, False, args.cap)}"
                  + (f"   union {union_ms[q.name]}" if args.union else ""), flush=True)
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
