"""Review findings in the extractor: invented text, each fix with a negative or its counterpart."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.figures import Figures, extract_figures
from kg.ingest.text import render_text
from kg.models import ReportMeta

WA = {"market": "Widget Anode", "forecast_period": (2026, 2031)}


def run(body: str, **meta: object) -> Figures:
    doc = render_text(body, "text/html")
    return extract_figures(doc, ReportMeta(**meta), [])  # type: ignore[arg-type]


def shares(f: Figures) -> set[tuple[str, Decimal, int | None]]:
    return {(x.holder, x.share_percent, x.year) for x in f.shares}


def test_a_comparison_after_a_gapped_pair_is_the_second_holders() -> None:
    f = run("<p>Acme held 49% and Borton 44% of 2024 widget anode revenue, up from 40% in 2022.</p>", **WA)
    got = shares(f)
    assert ("Acme", Decimal("49"), 2024) in got and ("Borton", Decimal("44"), 2024) in got
    assert ("Borton", Decimal("40"), 2022) in got
    assert ("Acme", Decimal("40"), 2022) not in got


def test_a_comparison_after_a_single_share_is_its_holders() -> None:
    f = run("<p>Acme held 44% of 2024 widget anode revenue, up from 40% in 2022.</p>", **WA)
    assert ("Acme", Decimal("40"), 2022) in shares(f)


def test_a_range_opening_its_own_sentence_is_not_the_forecast_period() -> None:
    from kg.extract.report import find_forecast_period

    apart = render_text("<p>The forecast is strong. From 2026 to 2028 pilot lines run.</p>", "text/html")
    assert find_forecast_period(None, apart) is None
    together = render_text("<p>The forecast runs from 2026 to 2031 at a steady pace.</p>", "text/html")
    assert find_forecast_period(None, together) == (2026, 2031)


def test_case_insensitive_list_cues_still_want_a_capital() -> None:
    from kg.extract.company_inline import _AMONG_RX
    from kg.extract.company_lists import _LABELLED_LINE_RX

    assert _LABELLED_LINE_RX.match("Challengers: Tenjin Pitch (USA), Morioka Kasei (UK)") is not None
    assert _LABELLED_LINE_RX.match("followed by Lintel Grafit (Japan)") is not None
    assert _LABELLED_LINE_RX.match("note: the following names are not ranked") is None
    assert _LABELLED_LINE_RX.match("Note: the following names are not ranked") is None
    assert _AMONG_RX.search("Among coating specialists we cover Quorra Carbon and Lintel Grafit.") is not None
    assert _AMONG_RX.search("Among coating specialists we cover the largest three.") is None


def test_a_sign_off_place_is_capitalised() -> None:
    from kg.extract.dates import _SIGN_OFF

    assert _SIGN_OFF.fullmatch("Bergen, 14 April 2026") is not None
    assert _SIGN_OFF.fullmatch("as reported on, 27 March 2025") is None


def test_a_long_dot_line_is_read_in_linear_time() -> None:
    import time

    from kg.extract.regions import _LEADER_ITEM

    m = _LEADER_ITEM.fullmatch("South Korea . . . . . 12.5%")
    assert m is not None and m.group("label") == "South Korea"
    t0 = time.perf_counter()
    assert _LEADER_ITEM.fullmatch("Northby " + "." * 20000 + " x") is None
    assert time.perf_counter() - t0 < 0.5  # the open label took seconds here


def test_a_dynamic_title_holding_the_list_separator_stays_whole() -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from kg.namespaces import AKG
    from kg.rdf.corpus import derived_graph
    from kg.rdf.iris import concept_iri, doc_graph_iri, iri
    from kg.store import open_store

    store = open_store("memory")
    g = Graph()
    for key, market, kind, title in (("d1", "alpha", "driver", "Zinc cost | aluminium price"),
                                     ("d2", "beta", "restraint", "Cost of power")):
        node, m = iri("dynamic", key), iri("market", market)
        g.add((node, AKG.market, m))
        g.add((node, AKG.dynamicKind, concept_iri("dynamic-kind", kind)))
        g.add((node, RDFS.label, Literal(title)))
        g.add((m, RDFS.label, Literal(f"{market.title()} Market")))
    store.replace_graph(str(doc_graph_iri("a.txt")), g)
    derived = derived_graph(store)
    listed = {str(o) for o in derived.objects(None, AKG.dynamicList)}
    assert "driver: Zinc cost | aluminium price [Alpha Market] | restraint: Cost of power [Beta Market]" in listed
    assert {int(str(o)) for o in derived.objects(None, AKG.driverCount)} == {1}


def test_an_unbracketed_exclusion_is_one_rule_for_regions_and_figure_scopes() -> None:
    from kg.extract.figure_scope import qualified_place
    from kg.extract.regions import _excluding_place

    text = "Asia excl. China grew fastest."
    scoped = qualified_place(text, 0, len("Asia"))
    listed = _excluding_place("Asia excl. China")
    assert scoped is not None and listed is not None
    assert (scoped[0].key, scoped[0].name, scoped[0].broader) == (listed.key, listed.name, listed.broader)
    # a country less a part is the country's own figure in both, not an area of its own
    text = "China excl. Hong Kong grew fastest."
    assert _excluding_place("China excl. Hong Kong") is None
    assert qualified_place(text, 0, len("China")) is None
    # a bracketed sub-area is still a scope of its own
    sub = qualified_place("Middle East (GCC) grew.", 0, len("Middle East"))
    assert sub is not None and sub[1] == "Middle East (GCC)"
