"""End-to-end benchmark on synthetic corpora (benchmarks/synth.py): build, facts, stored queries, F1.

For each size (100, 1 000, 10 000 documents; ``BENCH_DOCS=N`` or ``--docs N`` for one size) it prints:

- build throughput (documents/s, MB/s of input) into an embedded on-disk Oxigraph store, with the
  default number of worker processes, and the build's peak memory (max RSS of the building process and,
  separately, of its largest worker): the build runs in a child process so each size's peak is its own;
- the corpus-graph refresh and the facts document (kg.facts) times, both run after every build;
- the median latency of the lookups (evidence-trail for one document, company-profile for one company),
  the way those queries are meant to be used;
- for the listing queries (an answer of ``LISTING_ROWS`` rows or more: a row per figure, document,
  spelling...), their rows, ms per 1 000 rows and the floor measured in the same run: ONE triple pattern
  scanning as many rows (``FLOOR_QUERY``, through the same ``Store.query``), so the report shows how much
  of a listing's time its answer size alone costs;
- the median latency of every stored query (queries/*.rq, default parameters) in the embedded store and
  in rdflib's memory store on the same data, and their ratio. rdflib needs ~1 GB per million triples
  and seconds per query, so above ``BENCH_RDFLIB_MAX_TRIPLES`` (default 1.5M) both engines are compared
  on the first documents' graphs only (an identical subset), and the embedded figure stays the full graph;
- F1 per fact kind of the facts read back from the store against the generator's expected facts
  (tests/gold/score_facts.py's ``score``);
- with ``--compare-jobs``, the build time with 1 and 2 worker processes.

Figures only, no asserts. The last line is exactly:
``build <docs/s> docs/s, peak <MB> MB, queries median <ms> ms, <ratio>x vs rdflib`` (for the largest size).

    .venv/bin/python benchmarks/run.py [--docs N] [--repeat 5] [--compare-jobs] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import generate  # noqa: E402
from kg.queries import list_queries  # noqa: E402
from kg.store import Store, open_store  # noqa: E402

SIZES = (100, 1000, 10000)
RDFLIB_MAX_TRIPLES = int(os.environ.get("BENCH_RDFLIB_MAX_TRIPLES", "1500000"))
RDFLIB_SLOW_S = 20.0  # a query slower than this in rdflib is timed once, not repeated
RDFLIB_BUDGET_S = float(os.environ.get("BENCH_RDFLIB_BUDGET_S", "60"))  # then reported as ">= budget"
LISTING_ROWS = 1000  # a query answering this many rows or more is a listing: its time grows with its answer
#: the floor of an N-row answer: one pattern, N rows of two columns (the default graph has more triples than
#: any listing has rows)
FLOOR_QUERY = "SELECT ?s ?o WHERE {{ ?s ?p ?o }} LIMIT {rows}"


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("score_facts", ROOT / "tests" / "gold" / "score_facts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_child(corpus: str, store_dir: str, jobs: int | None) -> None:
    """Runs in a child process: build, then print the figures as JSON on the last line."""
    from kg.build import build

    start = time.perf_counter()
    with open_store(f"oxigraph:{store_dir}") as store:
        report = build(store, [Path(corpus)], jobs=jobs)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "built": len(report.built), "rejected": len(report.rejected),
                      "rss_mb": own, "worker_rss_mb": workers}))


def run_build(corpus: Path, store_dir: Path, jobs: int | None) -> dict[str, Any]:
    shutil.rmtree(store_dir, ignore_errors=True)
    cmd = [sys.executable, __file__, "--build-child", str(corpus), str(store_dir)]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


class QueryTimeout(BaseException):
    """A query that did not finish within its budget (a BaseException, so stores cannot wrap it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise QueryTimeout


def median_ms(
    store: Store, text: str, bindings: Any, repeat: int, slow_s: float | None = None, budget_s: float | None = None,
    rows: dict[str, int] | None = None, name: str = "",
) -> float:
    """Median wall time; with ``budget_s``, a pure-Python engine (rdflib) is interrupted by SIGALRM and the
    budget is returned as a lower bound, so one runaway query cannot stall the whole benchmark. With
    ``rows``, the answer's row count is recorded there under ``name``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        if budget_s is not None:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, budget_s)
        try:
            result = store.query(text, bindings)
            if rows is not None:
                rows[name] = len(getattr(result, "rows", ()))
        except QueryTimeout:
            return budget_s * 1000 if budget_s is not None else float("inf")
        finally:
            if budget_s is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        times.append((time.perf_counter() - t) * 1000)
        if slow_s is not None and times[-1] > slow_s * 1000:
            break
    return statistics.median(times)


def subset_stores(store: Store, max_triples: int) -> tuple[Store, Store, int]:
    """(in-memory Oxigraph, rdflib) holding the same first document graphs, up to ``max_triples``."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.store import _rdf

    assert hasattr(store, "ox")
    ox_store: Any = store.ox  # type: ignore[attr-defined]
    oxigraph, memory = open_store("oxigraph"), open_store("memory")
    total = 0
    docs = 0
    for name in store.graph_names():
        quads = list(ox_store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
        if total + len(quads) > max_triples and "/graph/doc/" in name:
            continue
        g = Graph()
        for q in quads:
            g.add((_rdf.to_rdflib(q.subject), _rdf.to_rdflib(q.predicate), _rdf.to_rdflib(q.object)))
        oxigraph.replace_graph(name, g)
        memory.replace_graph(name, g)
        total += len(quads)
        docs += "/graph/doc/" in name
    return oxigraph, memory, docs


SAMPLE_DOCUMENT = """PREFIX akg: <https://w3id.org/anode-kg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?source WHERE { ?d a akg:ReportDocument ; dcterms:identifier ?source } ORDER BY ?source LIMIT 1"""
SAMPLE_COMPANY = """PREFIX akg: <https://w3id.org/anode-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name WHERE { ?c a akg:Company ; skos:prefLabel ?name } ORDER BY ?name LIMIT 1"""


def lookup_bindings(store: Store) -> dict[str, dict[str, str]]:
    """Queries whose parameter picks ONE thing (a document, a company), with a value from the graph.

    Why: with no value they return every fact of the corpus, which is an export, not a lookup; the
    benchmark prints both (the default-parameter figure stays the one in the summary line).
    """
    out: dict[str, dict[str, str]] = {}
    for name, sparql, param in (("evidence-trail", SAMPLE_DOCUMENT, "documentSource"),
                                ("company-profile", SAMPLE_COMPANY, "company")):
        result = store.query(sparql)
        rows = getattr(result, "rows", [])
        if rows and rows[0][0] is not None:
            out[name] = {param: str(rows[0][0])}
    return out


def listing_floors(
    store: Store, embedded: dict[str, float], answer_rows: dict[str, int], repeat: int
) -> dict[str, dict[str, float]]:
    """Each listing's median next to the floor of its answer size, measured now (same store, same load).

    Why: a listing returns a row per figure (document, spelling...), so at 10 000 documents it answers
    10 000-40 000 rows, and one pattern scanning that many rows already costs tens to hundreds of ms: the
    100 ms target cannot hold for it in this engine, and the ratio to the floor is what a rewrite can win.
    """
    listings = {name: n for name, n in answer_rows.items() if n >= LISTING_ROWS}
    if not listings:
        return {}
    print(f"    listing queries (>= {LISTING_ROWS} rows), median of {repeat}; floor = one triple pattern "
          f"scanning the same number of rows (2 columns), measured in this run:")
    print(f"    {'query':36s} {'ms':>9s} {'rows':>8s} {'ms/1k rows':>10s} {'floor ms':>9s} {'x floor':>8s}")
    out: dict[str, dict[str, float]] = {}
    for name, n in sorted(listings.items(), key=lambda item: item[1]):
        floor = median_ms(store, FLOOR_QUERY.format(rows=n), None, repeat)
        ms = embedded[name]
        out[name] = {"ms": ms, "rows": n, "ms_per_1k_rows": ms * 1000 / n, "floor_ms": floor}
        print(f"    {name:36s} {ms:9.1f} {n:8d} {ms * 1000 / n:10.1f} {floor:9.1f} {ms / floor:7.1f}x", flush=True)
    return out


def bench_size(n: int, work: Path, repeat: int, compare_jobs: bool) -> dict[str, Any]:
    from kg.facts import facts_document
    from kg.rdf.corpus import refresh_corpus_graph

    out: dict[str, Any] = {"docs": n}
    folder = work / f"synth-{n}"
    if not (folder / "expected.json").exists():
        t = time.perf_counter()
        generate(folder, n)
        print(f"[{n}] generated corpus in {time.perf_counter() - t:.1f} s")
    corpus = folder / "corpus"
    mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    store_dir = folder / "store"

    if compare_jobs:
        for jobs in (1, 2):
            b = run_build(corpus, store_dir, jobs)
            print(f"[{n}] build with {jobs} worker process(es): {b['seconds']:.1f} s "
                  f"({n / b['seconds']:.1f} docs/s), peak {b['rss_mb']:.0f} MB (+ worker {b['worker_rss_mb']:.0f} MB)")
            out[f"jobs{jobs}_s"] = b["seconds"]
    b = run_build(corpus, store_dir, None)
    out.update(build_s=b["seconds"], docs_s=n / b["seconds"], mb_s=mb / b["seconds"], peak_mb=b["rss_mb"],
               worker_mb=b["worker_rss_mb"])
    print(f"[{n}] build (default jobs): {b['seconds']:.1f} s = {out['docs_s']:.1f} docs/s, {out['mb_s']:.2f} MB/s "
          f"({mb:.1f} MB input), built {b['built']}, rejected {b['rejected']}; peak RSS {b['rss_mb']:.0f} MB "
          f"(largest worker {b['worker_rss_mb']:.0f} MB)")

    with open_store(f"oxigraph:{store_dir}") as store:
        triples = len(store)
        t = time.perf_counter()
        refresh_corpus_graph(store)
        out["corpus_refresh_s"] = time.perf_counter() - t
        t = time.perf_counter()
        facts = facts_document(store)
        out["facts_s"] = time.perf_counter() - t
        print(f"[{n}] {triples:,} triples; corpus-graph refresh {out['corpus_refresh_s'] * 1000:.0f} ms, "
              f"facts document {out['facts_s']:.2f} s")
        score = _score_module()
        gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        tallies, _ = score.score(gold, facts, None)
        f1 = {k: tallies[k].f1() for k in ("documents", "market_sizes", "growth_rates", "shares", "companies",
                                            "countries", "linkage", "regions", "segments", "dynamics")}
        out["f1"] = f1
        print(f"[{n}] F1 " + " ".join(f"{k}={v:.3f}" for k, v in f1.items()))

        queries = list_queries()
        embedded: dict[str, float] = {}
        answer_rows: dict[str, int] = {}
        for q in queries:  # printed as measured: on a large graph one query can take minutes
            embedded[q.name] = median_ms(store, q.text, q.bindings({}), repeat, RDFLIB_SLOW_S, rows=answer_rows,
                                         name=q.name)
            print(f"    embedded {q.name:36s} {embedded[q.name]:9.1f} ms {answer_rows[q.name]:8d} rows", flush=True)
        out["listings"] = listing_floors(store, embedded, answer_rows, repeat)
        if triples <= RDFLIB_MAX_TRIPLES:
            ox_cmp: Store = store
            mem = open_store("memory")
            t = time.perf_counter()
            for name in store.graph_names():
                import pyoxigraph as ox
                from rdflib import Graph

                from kg.store import _rdf

                g = Graph()
                for quad in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name)):  # type: ignore[attr-defined]
                    g.add((_rdf.to_rdflib(quad.subject), _rdf.to_rdflib(quad.predicate),
                           _rdf.to_rdflib(quad.object)))
                mem.replace_graph(name, g)
            note = f"same {triples:,} triples (rdflib load {time.perf_counter() - t:.0f} s)"
        else:
            ox_cmp, mem, k = subset_stores(store, RDFLIB_MAX_TRIPLES)
            note = f"the first {k} documents' graphs only ({len(ox_cmp):,} triples; rdflib capped)"
        print(f"[{n}] stored queries, median of {repeat} (ms); rdflib vs Oxigraph on {note}:")
        print(f"    {'query':36s} {'embedded':>9s} {'ox(cmp)':>9s} {'rdflib':>10s} {'ratio':>7s}")
        ratios = []
        for q in queries:
            ox_ms = embedded[q.name] if ox_cmp is store else median_ms(ox_cmp, q.text, q.bindings({}), repeat)
            mem_ms = median_ms(mem, q.text, q.bindings({}), min(repeat, 3), RDFLIB_SLOW_S, RDFLIB_BUDGET_S)
            ratio = mem_ms / ox_ms if ox_ms else float("inf")
            ratios.append(ratio)
            flag = "  SLOW" if embedded[q.name] > 100 else ""
            bound = ">=" if mem_ms >= RDFLIB_BUDGET_S * 1000 else "  "
            print(f"    {q.name:36s} {embedded[q.name]:9.1f} {ox_ms:9.1f} {bound}{mem_ms:8.1f} {ratio:6.1f}x{flag}")
        lookups = lookup_bindings(store)
        out["lookup_ms"] = {}
        for q in queries:
            if q.name in lookups:
                ms = median_ms(store, q.text, q.bindings(lookups[q.name]), repeat, RDFLIB_SLOW_S)
                out["lookup_ms"][q.name] = ms
                shown = ", ".join(f"{k}={v}" for k, v in lookups[q.name].items())
                print(f"    embedded lookup {q.name}({shown}): {ms:.1f} ms")
        out["query_median_ms"] = statistics.median(embedded.values())
        out["query_max_ms"] = max(embedded.values())
        out["ratio"] = statistics.median(ratios)
        out["ratio_min"] = min(ratios)
        print(f"[{n}] queries: median {out['query_median_ms']:.1f} ms, slowest {out['query_max_ms']:.1f} ms "
              f"({max(embedded, key=lambda k: embedded[k])}); rdflib/Oxigraph median ratio {out['ratio']:.1f}x, "
              f"lowest {out['ratio_min']:.1f}x")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=int(os.environ["BENCH_DOCS"]) if os.environ.get("BENCH_DOCS") else None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--compare-jobs", action="store_true", help="also build with 1 and with 2 worker processes")
    ap.add_argument("--keep", type=Path, help="work folder to keep (corpora are reused when present)")
    ap.add_argument("--build-child", nargs=2, metavar=("CORPUS", "STORE"), help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_child:
        build_child(*args.build_child, args.jobs)
        return
    sizes = (args.docs,) if args.docs else SIZES
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = [bench_size(n, work, args.repeat, args.compare_jobs) for n in sizes]
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    last = results[-1]
    print(f"build {last['docs_s']:.1f} docs/s, peak {last['peak_mb']:.0f} MB, "
          f"queries median {last['query_median_ms']:.1f} ms, {last['ratio']:.0f}x vs rdflib")


if __name__ == "__main__":
    main()
