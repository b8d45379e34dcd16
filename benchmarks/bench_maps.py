"""Map benchmark: synthetic graphs of ~1 000 and ~5 000 nodes, through the store, to a page, into Chromium.

Prints, per size: seconds to query + lay out + render + write the page, its size, and the time to first
draw in headless Chromium (page-side ``performance.now()`` at vis-network's first 'afterDrawing', and the
wall time from navigation to that moment). The unfolded map (every node) and the default folded map
(``--max-nodes 400``) are both measured. No asserts: figures only.

    .venv/bin/python benchmarks/bench_maps.py [--sizes 1000 5000] [--no-browser]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.maps import write_map  # noqa: E402
from kg.namespaces import AKG, ID, SCHEMA  # noqa: E402
from kg.store import Store, open_store  # noqa: E402


def synthetic(store: Store, nodes: int, seed: int = 7) -> None:
    """~``nodes`` map nodes: 1 market per 50, 1 document per market, the rest companies in 1-3 markets."""
    rnd = random.Random(seed)
    markets = max(2, nodes // 50)
    companies = nodes - 2 * markets
    g = Graph()
    market_iris = [URIRef(f"{ID}market/m{i}") for i in range(markets)]
    doc_iris = [URIRef(f"{ID}doc/d{i}.txt") for i in range(markets)]
    for i, (m, d) in enumerate(zip(market_iris, doc_iris, strict=True)):
        g.add((m, RDF.type, AKG.Market))
        g.add((m, RDFS.label, Literal(f"Synthetic market {i}")))
        g.add((d, RDF.type, AKG.ReportDocument))
        g.add((d, DCTERMS.identifier, Literal(f"d{i}.txt")))
        g.add((d, DCTERMS.title, Literal(f"Synthetic market {i} report 2025-2032")))
        g.add((d, SCHEMA.about, m))
    for c in range(companies):
        company = URIRef(f"{ID}company/c{c}")
        g.add((company, RDF.type, AKG.Company))
        g.add((company, SKOS.prefLabel, Literal(f"Company {c} Ltd.")))
        g.add((company, SKOS.altLabel, Literal(f"Company {c} Ltd.")))
        for k in rnd.sample(range(markets), rnd.choice((1, 1, 1, 2, 3))):
            g.add((company, AKG.activeIn, market_iris[k]))
            claim = URIRef(f"{ID}claim/c{c}/m{k}")
            g.add((claim, RDF.type, RDF.Statement))
            g.add((claim, RDF.subject, company))
            g.add((claim, RDF.predicate, AKG.activeIn))
            g.add((claim, RDF.object, market_iris[k]))
            g.add((claim, PROV.hadPrimarySource, doc_iris[k]))
            for s in range(rnd.choice((1, 1, 2, 4))):
                span = URIRef(f"{ID}span/c{c}/m{k}/{s}")
                g.add((claim, PROV.wasDerivedFrom, span))
                g.add((span, RDFS.label, Literal(f"Company {c} Ltd. supplies market {k} (mention {s}).")))
    store.replace_graph("https://w3id.org/anode-kg/graph/bench", g)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    browser = None
    if not args.no_browser:
        sys.path.insert(0, str(ROOT))
        from tests.browser import Browser, chromium_available

        if chromium_available():
            browser = Browser()
        else:
            print("(no Chromium: page-side figures skipped)")
    out_dir = Path(tempfile.mkdtemp(prefix="kg-bench-maps-"))
    print(f"{'nodes':>7} {'drawn':>6} {'edges':>6} {'write s':>8} {'MB':>6} {'first draw s':>13} {'wall s':>7}")
    try:
        for size in args.sizes:
            with open_store("oxigraph") as store:
                synthetic(store, size)
                for label, limit in (("all", size * 2), ("folded", 400)):
                    out = out_dir / f"map-{size}-{label}.html"
                    t0 = time.perf_counter()
                    stats = write_map(store, out, max_nodes=limit)
                    write_s = time.perf_counter() - t0
                    draw, wall = "-", "-"
                    if browser is not None:
                        t1 = time.perf_counter()
                        report = browser.load(out.as_uri(), offline=True, timeout=240,
                                              wait="window.__kgMap && window.__kgMap.drawn")
                        wall = f"{time.perf_counter() - t1:.2f}"
                        draw = f"{browser.evaluate('window.__kgMap.firstDrawMs') / 1000:.2f}"
                        if report.problems():
                            draw += " (page problems: " + "; ".join(report.problems()[:3]) + ")"
                    print(f"{stats.total_nodes:>7} {stats.nodes:>6} {stats.edges:>6} {write_s:>8.2f} "
                          f"{stats.bytes / 1e6:>6.2f} {draw:>13} {wall:>7}   ({label})")
    finally:
        if browser is not None:
            browser.close()
    print(f"pages kept in {out_dir}")


if __name__ == "__main__":
    main()
