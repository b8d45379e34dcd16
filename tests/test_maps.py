"""Maps: data by SPARQL, escaping of hostile document text, offline pages, aggregation, and (marked
``browser``) what headless Chromium actually does with the page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from typer.testing import CliRunner

from kg.build import build
from kg.maps import (
    MapError,
    View,
    aggregate,
    json_for_script,
    layout,
    load_graph,
    render_html,
    select_view,
    write_map,
)
from kg.namespaces import AKG, DCTERMS
from kg.store import Store, open_store
from tests.browser import Browser, chromium_available

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "hostile-anode-report.md"
ARTIFACTS = ROOT / "tests" / "artifacts"

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=2</script>"
LINK = '<a href="javascript:window.__pwned=3">x</a>'
HOSTILE_COMPANY = f"{IMG} Carbon {SCRIPT} {LINK} </script><!-- \u2028 Co."

browser = pytest.mark.browser
needs_chromium = pytest.mark.skipif(not chromium_available(), reason="no Chromium at /usr/bin/chromium "
                                    "(set KG_CHROMIUM or apt-get install chromium)")


def _inject_hostile_company(store: Store) -> None:
    """The extractor rightly refuses markup in company names, so put one in the store the hard way: the
    page must stay safe whatever the graph holds."""
    base = "https://w3id.org/anode-kg/id/"
    company, market = URIRef(base + "company/hostile-test"), URIRef(base + "market/hard-carbon-anode")
    claim, span = URIRef(base + "claim/hostile-test"), URIRef(base + "span/hostile-test/0-10")
    doc = URIRef(base + "doc/hostile-anode-report.md")
    g = Graph()
    g.add((company, RDF.type, AKG.Company))
    g.add((company, SKOS.prefLabel, Literal(HOSTILE_COMPANY)))
    g.add((company, SKOS.altLabel, Literal(f"{SCRIPT} alias")))
    g.add((company, AKG.activeIn, market))
    g.add((claim, RDF.type, RDF.Statement))
    g.add((claim, RDF.subject, company))
    g.add((claim, RDF.predicate, AKG.activeIn))
    g.add((claim, RDF.object, market))
    g.add((claim, PROV.hadPrimarySource, doc))
    g.add((claim, PROV.wasDerivedFrom, span))
    g.add((span, RDFS.label, Literal(f"quote {IMG} {SCRIPT} {LINK}")))
    g.add((doc, DCTERMS.identifier, Literal("hostile-anode-report.md")))
    store.replace_graph("https://w3id.org/anode-kg/graph/test/hostile", g)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """The corpus plus the hostile document, built by the real pipeline into an in-memory Oxigraph."""
    s = open_store("oxigraph")
    report = build(s, [CORPUS, HOSTILE], jobs=1)
    assert HOSTILE.name in report.built, report.rejected
    _inject_hostile_company(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def overview(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("maps") / "overview.html"
    write_map(store, out)
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


# ---------------------------------------------------------------------------------------------- no browser


def test_json_for_script_cannot_close_the_element() -> None:
    text = json_for_script({"a": "</script><!-- <script>\u2028\u2029 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- <script>\u2028\u2029 & >"}


def test_graph_comes_from_the_store(store: Store) -> None:
    graph = load_graph(store)
    kinds = {n.kind for n in graph.nodes.values()}
    assert {"company", "market", "material", "application", "region", "document"} <= kinds
    hard_carbon = graph.nodes["https://w3id.org/anode-kg/id/market/hard-carbon-anode"]
    assert hard_carbon.measure > 0 and "USD" in hard_carbon.size_note
    assert any(f.quote and f.doc for f in hard_carbon.facts)
    active = [e for e in graph.edges if e.label == "active in"]
    assert active and all(e.facts and e.facts[0].doc for e in active)
    assert any(f.quote for e in active for f in e.facts)
    companies = [n for n in graph.nodes.values() if n.kind == "company"]
    assert max(n.measure for n in companies) >= 1
    segment_edges = [e for e in graph.edges if e.label in ("application segment", "type segment")]
    assert {e.label for e in segment_edges} == {"application segment", "type segment"}
    assert all(graph.nodes[e.source].kind == "market" for e in segment_edges)
    assert all(f.quote and f.doc for e in segment_edges for f in e.facts)
    assert all(e.facts for e in segment_edges)


def test_page_is_self_contained(overview: Path) -> None:
    html = overview.read_text(encoding="utf-8")
    tags = _tags(html)
    for tag, attrs in tags:
        for name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value or value.startswith(("#", "data:")), f"<{tag} {name}={value!r}>"
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert re.search(r"""url\(\s*(?!["']?data:)""", styles) is None and "@import" not in styles
    assert re.search(r"https?://", "".join(str(a) for _, a in tags)) is None
    assert "vis.Network" in html and "vis-network" in html  # inlined, not linked


def test_hostile_text_is_escaped(overview: Path) -> None:
    html = overview.read_text(encoding="utf-8")
    tags = _tags(html)
    assert sorted({t for t, _ in tags}) == sorted({"html", "head", "meta", "title", "style", "body", "header",
                                                   "h1", "span", "form", "input", "datalist", "button", "ul",
                                                   "li", "main", "div", "aside", "p", "script"})
    assert [a.get("type") for t, a in tags if t == "script"] == ["application/json", None, None]
    from kg.maps import _vis_assets

    vis_js = _vis_assets()[0]
    assert "<!--" not in vis_js  # would switch the HTML parser into "double escaped" script data
    assert html.count("<script") - vis_js.count("<script") == 3 and html.count("</script>") == 3
    for _, attrs in tags:
        assert not any(k.startswith("on") for k in attrs)
        assert "javascript:" not in " ".join(str(v) for v in attrs.values()).lower()
    # the hostile text is in the page, as data, and reads back exactly
    data = _page_data(html)
    names = {n["name"] for n in data["nodes"]}
    assert HOSTILE_COMPANY in names
    assert any(SCRIPT in n for n in names)  # the hostile market (and title) made it through the pipeline
    assert "<title>anode-kg map: overview</title>" in html
    csp = next(a["content"] for t, a in tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_node_sizes_and_legend(overview: Path, store: Store) -> None:
    data = _page_data(overview.read_text(encoding="utf-8"))
    markets = [n for n in data["nodes"] if n["kind"] == "market"]
    assert len({n["size"] for n in markets}) > 1
    assert all(n["x"] is not None and n["y"] is not None for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert len(data["nodes"]) == len(load_graph(store).nodes)
    assert all(e["label"] for e in data["edges"])
    html = overview.read_text(encoding="utf-8")
    for label in ("Market (", "Company (", "Material (", "Application (", "Region (", "Report document ("):
        assert label in html


def test_rendering_is_deterministic(store: Store) -> None:
    def once() -> str:
        g, _ = select_view(load_graph(store), View.overview)
        layout(g)
        return render_html(g)

    assert once() == once()


def test_aggregation_folds_and_says_so(store: Store, tmp_path: Path) -> None:
    full = load_graph(store)
    limit = len(full.nodes) - 15
    stats = write_map(store, tmp_path / "agg.html", max_nodes=limit)
    assert stats.aggregated and stats.nodes <= limit < stats.total_nodes
    html = (tmp_path / "agg.html").read_text(encoding="utf-8")
    assert "data-kg-banner" in html and "folded into" in html
    more = [n for n in _page_data(html)["nodes"] if n["kind"] == "more"]
    assert more and all(n["label"].startswith("+") for n in more)


def test_aggregation_keeps_the_focus(store: Store) -> None:
    graph, pinned = select_view(load_graph(store), View.company, "shanshan technology")
    folded = aggregate(graph, max_nodes=5, pinned=pinned)
    assert pinned <= set(folded.nodes)


def test_views(store: Store, tmp_path: Path) -> None:
    graph = load_graph(store)
    market, pinned = select_view(graph, View.market, "HARD CARBON ANODE")
    kinds = {n.kind for n in market.nodes.values()}
    assert {"market", "company", "document"} <= kinds and len(pinned) == 1
    company, _ = select_view(graph, "company", f"{SCRIPT} alias")  # by alias
    assert any(n.label == HOSTILE_COMPANY for n in company.nodes.values())
    chain, _ = select_view(graph, View.value_chain)
    assert {n.kind for n in chain.nodes.values()} <= {"material", "company", "market", "application"}
    layout(chain, View.value_chain)
    with pytest.raises(MapError, match="did you mean"):
        select_view(graph, View.market, "hard carbn anode")
    with pytest.raises(MapError, match="--name"):
        select_view(graph, View.company)


def test_empty_store_writes_an_empty_map(tmp_path: Path) -> None:
    with open_store("oxigraph") as empty:
        stats = write_map(empty, tmp_path / "empty.html")
    assert stats.nodes == 0 and (tmp_path / "empty.html").stat().st_size > 0


def test_cli_map(tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    spec = f"oxigraph:{tmp_path / 'store'}"
    assert runner.invoke(app, ["--store", spec, "build", str(CORPUS), "-q"]).exit_code == 0
    out = tmp_path / "m.html"
    result = runner.invoke(app, ["--store", spec, "map", "--view", "market", "--name", "negative coke",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "nodes" in result.output
    bad = runner.invoke(app, ["--store", spec, "map", "-v", "market", "-n", "no such", "-o", str(out)])
    assert bad.exit_code == 2 and "no market named" in bad.output
    assert "--view" in runner.invoke(app, ["map", "--help"]).output


# ---------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not chromium_available():
        pytest.skip("no Chromium at /usr/bin/chromium (set KG_CHROMIUM or apt-get install chromium)")
    with Browser() as b:
        yield b


DRAWN = "window.__kgMap && window.__kgMap.drawn"


@browser
@needs_chromium
def test_overview_draws_offline(chromium: Browser, overview: Path) -> None:
    report = chromium.load(overview.as_uri(), offline=True, wait=DRAWN)
    assert report.problems() == []
    assert all(u.startswith(("file:", "data:")) for u in report.requests), report.requests
    expected = len(_page_data(overview.read_text(encoding="utf-8"))["nodes"])
    assert chromium.evaluate("window.__kgMap.network.body.data.nodes.length") == expected
    assert chromium.evaluate("document.body.dataset.nodeCount") == str(expected)
    assert chromium.evaluate("Object.keys(window.__kgMap.network.getPositions()).length") == expected
    shot = chromium.screenshot(ARTIFACTS / "map-overview.png")
    assert shot.stat().st_size > 10_000


@browser
@needs_chromium
@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_hostile_page_runs_nothing(chromium: Browser, store: Store, tmp_path: Path, csp: bool) -> None:
    """Escaping alone must hold (the CSP is defence in depth), so the page is also tried without it."""
    out = tmp_path / f"hostile-{csp}.html"
    write_map(store, out, View.market, "hard carbon anode", csp=csp)
    report = chromium.load(out.as_uri(), offline=True, wait=DRAWN)
    # open the hostile company's panel and hover it so vis-network shows its tooltip
    node_id = chromium.evaluate("window.__kgMap.focusOn('carbon')")
    assert node_id == "https://w3id.org/anode-kg/id/company/hostile-test"
    chromium.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 2, "y": 2}, session=True)
    chromium.evaluate("new Promise(r => setTimeout(r, 900))")  # let the focus animation end
    pos = chromium.evaluate(f"""(() => {{ const n = window.__kgMap.network;
        const p = n.canvasToDOM(n.getPosition({json.dumps(node_id)}));
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }})()""")
    for dx in (6, 3, 0, 1):
        chromium.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": pos[0] + dx, "y": pos[1]},
                      session=True)
        chromium.evaluate("new Promise(r => setTimeout(r, 50))")
    tooltip = chromium.wait_for("(document.querySelector('div.vis-tooltip') || {}).textContent", timeout=5)
    assert SCRIPT in tooltip
    panel = chromium.evaluate("document.getElementById('kg-panel').textContent")
    assert HOSTILE_COMPANY.split(" Carbon")[0] in panel and IMG in panel
    assert chromium.evaluate("typeof window.__pwned") == "undefined"
    assert chromium.evaluate("document.querySelectorAll('img, svg, iframe, a[href]').length") == 0
    assert chromium.evaluate("document.scripts.length") == 3
    assert report.dialogs == [] and report.problems() == []
    chromium.screenshot(ARTIFACTS / f"map-hostile-{'csp' if csp else 'nocsp'}.png")


@browser
@needs_chromium
def test_search_focuses_a_company(chromium: Browser, overview: Path) -> None:
    chromium.load(overview.as_uri(), offline=True, wait=DRAWN)
    found = chromium.evaluate("window.__kgMap.focusOn('SHANSHAN')")
    assert found and "shanshan" in found
    assert chromium.evaluate("window.__kgMap.network.getSelectedNodes()") == [found]
    assert chromium.evaluate("window.__kgMap.focusOn('no such company')") is None
    assert chromium.evaluate("document.getElementById('kg-search-status').textContent") == "not found"


@browser
@needs_chromium
def test_value_chain_and_aggregated_pages_draw(chromium: Browser, store: Store, tmp_path: Path) -> None:
    for name, kwargs in (("value-chain", {"view": View.value_chain}), ("folded", {"max_nodes": 40})):
        out = tmp_path / f"{name}.html"
        stats = write_map(store, out, **kwargs)  # type: ignore[arg-type]
        report = chromium.load(out.as_uri(), offline=True, wait=DRAWN)
        assert report.problems() == []
        assert chromium.evaluate("window.__kgMap.nodeCount") == stats.nodes
        chromium.screenshot(ARTIFACTS / f"map-{name}.png")
        if name == "folded":
            assert chromium.evaluate("document.querySelector('[data-kg-banner]').offsetHeight") > 0


def test_artifacts_are_gitignored() -> None:
    assert "tests/artifacts/" in (ROOT / ".gitignore").read_text()
