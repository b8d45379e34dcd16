"""Company extraction: the gold seeds, hand-written documents in other shapes, and invariants.

The hand-written documents are the genre in formats the corpus lacks (HTML tables, markdown pipe tables,
``- `` lists, plain text), so the extractor is held to the genre, not to five files.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.companies import extract_companies
from kg.extract.names import looks_like_company, split_enumeration, split_list_item
from kg.extract.sections import outline
from kg.ingest.text import load, render_text
from kg.models import CompanyMention, TextDocument
from tests.test_sections import shape

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
GOLD_CANDIDATES = (ROOT / "tests" / "gold" / "seeds.json", ROOT.parent / "shared" / "gold" / "seeds.json")
SCORER_CANDIDATES = (
    ROOT / "tests" / "gold" / "score_facts.py",
    ROOT.parent / "shared" / "tools" / "score_facts.py",
)


def _first(paths: tuple[Path, ...]) -> Path | None:
    return next((p for p in paths if p.exists()), None)


def _scorer() -> ModuleType:
    path = _first(SCORER_CANDIDATES)
    if path is None:
        pytest.skip("score_facts.py not found")
    spec = importlib.util.spec_from_file_location("score_facts", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _extract(doc: TextDocument) -> list[CompanyMention]:
    return extract_companies(doc, outline(doc))


def _html(body: str) -> TextDocument:
    return render_text(body, "text/html")


def _names(mentions: list[CompanyMention]) -> list[str]:
    return [m.name for m in mentions]


def _fold(name: str) -> str:
    name = re.sub(r"(?:,?\s*(?:Co|Ltd|Inc|Corp|Corporation|Company|LLC|Limited)\.?)+$", "", name)
    return re.sub(r"[^a-z0-9]", "", name.lower())


def group(mentions: list[CompanyMention]) -> list[dict[str, object]]:
    """Within-document stand-in for resolution: spellings whose folded forms are prefixes are one company."""
    groups: list[dict[str, object]] = []
    for m in mentions:
        key = _fold(m.name)
        for g in groups:
            keys: set[str] = g["keys"]  # type: ignore[assignment]
            if any(len(min(k, key, key=len)) >= 3 and (k.startswith(key) or key.startswith(k)) for k in keys):
                keys.add(key)
                g["mentions"].append(m.name)  # type: ignore[attr-defined]
                g["country"] = g["country"] or m.country
                break
        else:
            groups.append({"keys": {key}, "name": m.name, "mentions": [m.name], "country": m.country})
    return [{k: v for k, v in g.items() if k != "keys"} for g in groups]


# ------------------------------------------------------------------ the gold seeds


@pytest.fixture(scope="module")
def corpus_scores() -> dict[str, object]:
    gold_path = _first(GOLD_CANDIDATES)
    if gold_path is None or not CORPUS.exists():
        pytest.skip("gold seeds or corpus not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = []
    for gd in gold["documents"]:
        doc = load(CORPUS / gd["source"])
        docs.append({"source": gd["source"], "companies": group(_extract(doc))})
    scorer = _scorer()
    tallies, _ = scorer.score(gold, {"documents": docs}, None)
    return {"companies": tallies["companies"], "countries": tallies["countries"]}


def test_corpus_companies_f1(corpus_scores: dict) -> None:
    tally = corpus_scores["companies"]
    assert tally.f1() >= 0.95, "\n".join(tally.misses)


def test_corpus_countries_f1(corpus_scores: dict) -> None:
    tally = corpus_scores["countries"]
    assert tally.f1() >= 0.90, "\n".join(tally.misses)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*")) if CORPUS.exists() else [], ids=lambda p: p.name)
def test_corpus_evidence_is_exact(path: Path) -> None:
    doc = load(path)
    for m in _extract(doc):
        assert m.evidence
        for ev in (*m.evidence, *([m.country_evidence] if m.country_evidence else [])):
            assert doc.text[ev.start:ev.end] == ev.quote
        assert all(" ".join(ev.quote.split()) == m.name for ev in m.evidence)


# ------------------------------------------------------------------ other shapes of the genre


def test_html_table_with_country_column() -> None:
    doc = _html(
        "<h2>Competitive Landscape</h2><p>The market is fragmented.</p>"
        "<table><thead><tr><th>Company</th><th>Country</th><th>Share (%)</th></tr></thead>"
        "<tbody><tr><td>Posco Future M</td><td>South Korea</td><td>12</td></tr>"
        "<tr><td>Ningbo Fenghua Materials Co., Ltd.</td><td>China</td><td>9</td></tr>"
        "<tr><td>Others</td><td>-</td><td>79</td></tr></tbody></table>"
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Posco Future M": "KR", "Ningbo Fenghua Materials Co., Ltd.": "CN"}


def test_markdown_pipe_table_headquarters() -> None:
    doc = render_text(
        "# Silicon Anode Market\n\n## Key Market Players\n\n"
        "| Rank | Manufacturer | Headquarters |\n|---|---|---|\n"
        "| 1 | Groupe Verrier SA | France |\n| 2 | Talvenix Inc. | United States |\n",
        "text/markdown",
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Groupe Verrier SA": "FR", "Talvenix Inc.": "US"}


def test_dash_list_under_key_players_heading_with_region_and_segment() -> None:
    doc = render_text(
        "# Graphite Market\n\n## Key Players\n\n- Orvanta Graphite Ltd. (Australia)\n- Kelso Carbon\n"
        "- Asia-Pacific\n- Natural Graphite\n- Others\n- Emirates Global Aluminium (UAE)\n\n"
        "## Market Segmentation\n\n- Synthetic Graphite\n",
        "text/markdown",
    )
    got = {m.name: m.country for m in _extract(doc)}
    # Generic words plus a place are a company only when the line states a country.
    assert got == {"Orvanta Graphite Ltd.": "AU", "Kelso Carbon": None, "Emirates Global Aluminium": "AE"}


def test_plain_text_companies_profiled_paragraph() -> None:
    doc = render_text(
        "Needle Coke Market Report\n\nCompanies profiled: Marlow Petrochem, Hexa Carbon Industries, "
        "Seadrift Coke L.P. and Tarrow Energy.\n\nRegional analysis covers Europe and North America.\n",
        "text/plain",
    )
    assert _names(_extract(doc)) == ["Marlow Petrochem", "Hexa Carbon Industries", "Seadrift Coke L.P.",
                                     "Tarrow Energy"]


def test_inline_include_sentence_and_customers_left_out() -> None:
    doc = _html(
        "<p>The leading manufacturers of anode binders include Quellar Chemie, Brandt-Ito Materials, and "
        "Novacarb Holdings, among others.</p>"
        "<p>Quellar Chemie supplies Tesla and signed a partnership with CATL in 2024. Battery manufacturers "
        "such as BYD and Gotion are the main buyers, and the company works with automakers like Ford.</p>"
    )
    names = _names(_extract(doc))
    assert names == ["Quellar Chemie", "Brandt-Ito Materials", "Novacarb Holdings"]
    quellar = _extract(doc)[0]
    assert len(quellar.evidence) == 2  # both occurrences are evidence


def test_leading_entities_with_apposition_and_country_prefix() -> None:
    doc = _html(
        "<p>Leading entities such as Velmar Anodes, a major global supplier of calcined coke, and "
        "China-based giants like Hutong Carbon Co. and Pingli Tansu, leverage scale. "
        "Companies such as Arvika Kol in Europe and Dunecarb in the Gulf region serve local smelters.</p>"
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Velmar Anodes": None, "Hutong Carbon Co.": "CN", "Pingli Tansu": "CN",
                   "Arvika Kol": None, "Dunecarb": None}


def test_two_spellings_are_two_mentions_and_longest_claims_occurrence() -> None:
    doc = _html(
        "<p>Key players include Orsk Carbon Co, Velmar, and Tindra AB.</p>"
        "<p><strong>List of Key Companies Profiled</strong></p>"
        "<p>Orsk Carbon Co. (Netherlands)</p><p>Velmar Anodes (USA)</p><p>Tindra AB (Sweden)</p>"
    )
    got = {m.name: (m.country, len(m.evidence)) for m in _extract(doc)}
    assert got == {
        "Orsk Carbon Co": (None, 1), "Orsk Carbon Co.": ("NL", 1), "Velmar": (None, 1),
        "Velmar Anodes": ("US", 1), "Tindra AB": ("SE", 2),
    }


def test_leadership_sentence_subjects() -> None:
    doc = _html(
        "<p>The top five producers control 48% of capacity. <strong>Orvane Petroleum and Kestrel "
        "Chemical</strong> lead in petroleum-based production, while Hollin Jingyu dominates coal-based "
        "segments. China and India dominate the market.</p>"
    )
    assert _names(_extract(doc)) == ["Orvane Petroleum", "Kestrel Chemical", "Hollin Jingyu"]


def test_no_players_context_no_companies() -> None:
    doc = _html(
        "<h2>Regional Analysis</h2><ul><li>North America</li><li>Middle East &amp; Africa</li></ul>"
        "<p>Demand from Tesla and Panasonic grows. Applications such as Power Tools and Consumer "
        "Electronics lead the market.</p><h2>Key Players</h2><p>These companies dominate the market.</p>"
        "<p>Geographic Segmentation</p><p>Europe</p>"
    )
    assert _extract(doc) == []


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("name", "ok"),
    [("Kuraray Co., Ltd.", True), ("Phillips 66", True), ("3M", True), ("KAIJIN", True),
     ("Rain CIICarbon", True), ("Lake Charles", True), ("China National Petroleum", True),
     ("American Elements", True),
     ("Middle East & Africa", False), ("Lithium-Ion Batteries", False), ("Hard Carbon", False),
     ("Geographic Segmentation", False), ("Company Profiles", False), ("Others", False), ("Which", False),
     ("Top Players", False), ("2023", False), ("Carbonorca. The", False), ("Company profiles", False)],
)
def test_looks_like_company(name: str, ok: bool) -> None:
    assert looks_like_company(name) is ok


def test_split_enumeration_keeps_legal_suffixes_and_stops() -> None:
    text = ("Sunstone Development Co., Easthope, Jining Carbon Group Co, Shandong Chenyang Co., Ltd. (China) "
            "and Rain CII, Lake Charles, etc. in 2022")
    got = [text[s.start:s.end] for s in split_enumeration(text)]
    assert got == ["Sunstone Development Co.", "Easthope", "Jining Carbon Group Co",
                   "Shandong Chenyang Co., Ltd.", "Rain CII", "Lake Charles"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AbC dE,.;&()-:0 and Co Ltd\n\t'’")), max_size=120))
def test_splitting_never_crashes(text: str) -> None:
    for item in split_enumeration(text):
        assert 0 <= item.start <= item.end <= len(text)
    parts = split_list_item(text, 0, len(text))
    if parts is not None:
        assert 0 <= parts.start <= parts.end <= len(text)
    looks_like_company(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Key players include", "Acme Corp", ",", "and", "(China)", "Europe", ".",
                                 "such as", "partners with", "Beta Ltd."]), max_size=20))
def test_extraction_never_crashes_and_quotes_hold(words: list[str]) -> None:
    doc = render_text(" ".join(words), "text/plain")
    for m in extract_companies(doc, outline(doc)):
        for ev in m.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote


# ------------------------------------------------------------------ rules added for new shapes


def test_and_inside_a_name_when_the_rest_is_generic() -> None:
    text = "Varnholt Graphite and Carbon (Norway) — makes anode powder."
    parts = split_list_item(text, 0, len(text))
    assert parts is not None and text[parts.start:parts.end] == "Varnholt Graphite and Carbon"
    text = "Players like Pellam Carbon and Graphite Inc., Orvex and Graphite Nordic Limited lead."
    names = [text[n.start:n.end] for n in split_enumeration(text, len("Players like "))]
    # a piece with a distinctive word or a place, or after a legal form, starts a new name
    assert names == ["Pellam Carbon and Graphite Inc.", "Orvex", "Graphite Nordic Limited"]
    text = "Tolvik, Inc. and Li-Metal Corp. lead"
    assert [text[n.start:n.end] for n in split_enumeration(text)] == ["Tolvik, Inc.", "Li-Metal Corp."]
    assert looks_like_company("Varnholt Graphite and Carbon")
    assert not looks_like_company("Aerospace and Defense")


def test_report_profiles_sentence() -> None:
    doc = render_text(
        "Lithium Metal Anode Market\n\nThe report profiles Aldercrest Corporation, Venholm Lithium Co., Ltd., "
        "Quarro, Inc. and Metalis Corp.\n\nThe report covers North America, Europe and Asia Pacific.\n",
        "text/plain",
    )
    assert _names(_extract(doc)) == ["Aldercrest Corporation", "Venholm Lithium Co., Ltd.", "Quarro, Inc.",
                                     "Metalis Corp."]


def test_key_value_row_of_a_scope_table_and_pipe_line() -> None:
    doc = _html(
        "<h1>Silicon Anode Market</h1><table><tr><th>Report Attribute</th><th>Details</th></tr>"
        "<tr><td>Regional scope</td><td>North America; Europe; Asia Pacific</td></tr>"
        "<tr><td>Key companies profiled</td><td>Trevane Technologies; Osmund Nanotech; "
        "Harlow New Energy Co., Ltd.</td></tr></table>"
    )
    assert _names(_extract(doc)) == ["Trevane Technologies", "Osmund Nanotech", "Harlow New Energy Co., Ltd."]
    doc = render_text(
        "Anode Report\n\nKey companies profiled | Trevane Technologies, Inc.; Osmund Nanotech Inc.\n",
        "text/plain",
    )
    assert _names(_extract(doc)) == ["Trevane Technologies, Inc.", "Osmund Nanotech Inc."]


def test_one_line_enumeration_under_key_players_heading() -> None:
    doc = render_text(
        "# Silicon Oxide Market\n\n## Key Players\n\nKasuga Chemical Co., Ltd. (Japan), Daewon Materials "
        "Co., Ltd. (South Korea), Lintao New Material Group Co., Ltd. (China)\n\n## Regions Covered\n\n"
        "- Asia Pacific\n- Europe\n",
        "text/markdown",
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Kasuga Chemical Co., Ltd.": "JP", "Daewon Materials Co., Ltd.": "KR",
                   "Lintao New Material Group Co., Ltd.": "CN"}
    # a sentence that merely starts with names is not a list of players
    doc = render_text(
        "# M Market\n\n## Key Players\n\nKasuga Chemical and Daewon Materials expanded capacity in 2024.\n",
        "text/markdown",
    )
    assert _extract(doc) == []


def test_market_companies_heading() -> None:
    doc = render_text(
        "# Silicon Anode Battery Market\n\n## By Application\n\n- Consumer Electronics\n- Automotive\n\n"
        "## Silicon Anode Battery Market Companies\n\n- Ambrosia Technologies\n- Envolt Corporation\n",
        "text/markdown",
    )
    assert _names(_extract(doc)) == ["Ambrosia Technologies", "Envolt Corporation"]


def test_customer_that_makes_the_product_in_house() -> None:
    doc = _html(
        "<p>The landscape also includes vertically integrated battery manufacturers such as Korvane Motors "
        "Ltd., which produces silicon-carbon anode material in-house. Battery manufacturers such as Gotrix "
        "and Selvo are the main buyers. Its partner Holm Inc. and investor Varda AG are not anode "
        "producers.</p>"
    )
    assert _names(_extract(doc)) == ["Korvane Motors Ltd."]


# ------------------------------------------------------------------ strong names in producer prose


def test_prose_apposition_after_player_noun_takes_the_phrase_country() -> None:
    doc = _html(
        "<h1>Foo Anode Market</h1><p>Chinese producers Zhorvan Carbon Group, Quelling Technology Co., Ltd. "
        "and Tessaro New Energy lead on volume.</p>"
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Zhorvan Carbon Group": "CN", "Quelling Technology Co., Ltd.": "CN", "Tessaro New Energy": "CN"}


def test_prose_strong_signals_in_producer_sentence() -> None:
    doc = _html(
        "<h1>Foo Anode Market</h1><p>Outside China, Showa Denko K.K. (now Resonac), Marvell Graphite AS and "
        "Tovrin Carbon supply cell makers, while Brellix Ltd (Australia) is building plants in Europe. "
        "CATL and Gotion are the largest buyers.</p>"
    )
    got = {m.name: m.country for m in _extract(doc)}
    # "Tovrin Carbon": no legal form, registry entry or tag; "Resonac": the "(now X)" aside, same registry
    # company; CATL: a buyer. "K.K." is a Japanese legal form (it states the country); "AS" is used in
    # several countries and states none.
    assert got == {"Showa Denko K.K.": "JP", "Resonac": None, "Marvell Graphite AS": None, "Brellix Ltd": "AU"}


def test_prose_objects_partners_and_research_houses_left_out() -> None:
    doc = _html(
        "<h1>Foo Anode Market</h1><p>Kovar Anode Ltd supplies Panasonic Corporation. Its partner Velder AG and "
        "investor Ostrum Inc. are not anode producers.</p><p>About Us: Lakemere Analytics Group is a "
        "research firm.</p>"
    )
    assert _names(_extract(doc)) == ["Kovar Anode Ltd"]


def test_numbered_heading_items_under_players_title() -> None:
    doc = shape(
        "FOO ANODE MARKET REPORT 2025-2030\n\nLEADING COMPANIES\n\n1. Orvane Silicon Inc. (US)\n"
        "2. Pellucid Anodes (UK)\n3. Varnholt Co. Ltd. (South Korea)\n\nMETHODOLOGY\n\nInterviews.\n",
        "x.txt",
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {"Orvane Silicon Inc.": "US", "Pellucid Anodes": "GB", "Varnholt Co. Ltd.": "KR"}


def test_share_subject_that_is_a_product_plural_is_no_company() -> None:
    doc = _html("<h1>Foo Anode Market</h1><p>Slotted Prebaked Anodes held 41% of the market in 2024.</p>")
    assert _names(_extract(doc)) == []


def test_ampersand_plc_and_descriptor_names() -> None:
    doc = _html(
        "<h2>Suppliers</h2><p>Main binder suppliers are Tobari Latex Corporation (Japan), Kanda R&amp;K "
        "Inc. (Japan), Wrenlow plc (UK), Stellum (Netherlands) and the Swiss specialist Ostermatt Polymer AG.</p>"
    )
    found = {m.name: m.country for m in _extract(doc)}
    assert found.get("Kanda R&K Inc.") == "JP" and found.get("Wrenlow plc") == "GB"
    assert found.get("Ostermatt Polymer AG") == "CH"
    assert not any(n in ("Kanda R", "K Inc.") for n in found)


def test_customers_and_lead_in_labels_are_not_players() -> None:
    doc = _html(
        "<h2>Companies covered</h2><p>Harrowgate Flake Co., Ltd. (China), Quenby, Inc. (USA) and Merrion "
        "Minerals Group (Australia).</p><p>Background: Beijing put coated flake under an export permit regime "
        "in mid-2022, and Canberra has lent money to local refiners; Pelham Motors and Haldane Trucks have "
        "signed offtakes with two Quebec flake mines.</p>"
        "<p>Porous silicon producers such as Corvex Technologies and pack maker Skerrin Power are among "
        "its largest customers.</p><p>Early adopters include forklift maker Brackwater and ferry operator "
        "Foxhollow Lines, both testing modules.</p>"
    )
    names = _names(_extract(doc))
    assert "Quenby, Inc." in names
    for bad in ("Background", "Pelham Motors", "Haldane Trucks", "Corvex Technologies", "Brackwater"):
        assert bad not in names


# ------------------------------------------------------------------ two parentheses, leaders, wraps, stated countries


def test_list_line_with_two_parentheses() -> None:
    html = (
        "<h2>Key Players</h2><ul><li>Norvale Carbon Co., Ltd. (formerly Norvale Pitch) (Japan)</li>"
        "<li>Tessaro Graphite AG (TGA) (Germany)</li>"
        "<li>Kureha Corporation (formerly Kureha Chemical Industry) (Japan)</li></ul>"
    )
    text = "Players: Tessaro Graphite AG (TGA) (Germany) and Ulmbrook Carbon Ltd (formerly Ulm Coke) (Austria)."
    for doc in (_html(html), render_text(html.replace("<li>", "\n").replace("</li>", "\n"), "text/html")):
        got = {m.name: m.country for m in _extract(doc)}
        assert got["Norvale Carbon Co., Ltd."] == "JP" and got["Tessaro Graphite AG"] == "DE"
        # the former name is a mention only when the registry knows both names as one company
        assert got["Kureha Corporation"] == "JP" and "Kureha Chemical Industry" in got
        assert "Norvale Pitch" not in got and "TGA" not in got
    items = split_enumeration(text, len("Players: "))
    assert [text[i.start:i.end] for i in items] == ["Tessaro Graphite AG", "Ulmbrook Carbon Ltd"]
    assert [text[a:b] for a, b in items[1].parens] == ["formerly Ulm Coke", "Austria"]


def test_dotted_leader_lines() -> None:
    lines = (
        "  Brantley Graphite Inc. (US) ............ coated spherical graphite\n"
        "  Kessler Pitch GmbH (Germany) .......... binder pitch, impregnation pitch\n"
        "  Oyama Carbon Co., Ltd. ................ hard carbon\n"
        "  Merrow Anode Materials Holdings Ltd. (Singapore) . silicon blends\n"
    )
    want = {"Brantley Graphite Inc.": "US", "Kessler Pitch GmbH": "DE", "Oyama Carbon Co., Ltd.": None,
            "Merrow Anode Materials Holdings Ltd.": "SG"}
    plain = render_text("Hard Carbon Note\n\n[5] COMPANIES\n\n" + lines + "\nDISCLAIMER\nNot advice.\n", "text/plain")
    assert {m.name: m.country for m in _extract(plain)} == want
    # the same lines run together into one paragraph (a markdown rendering of the text)
    run = render_text("# Hard Carbon Note\n\n**[5] COMPANIES**\n\n" + lines.replace("  ", ""), "text/markdown")
    assert {m.name: m.country for m in _extract(run)} == want
    # dotted lines that are not under a players title, or that hold no name, are not companies
    figures = render_text(
        "Hard Carbon Note\n\n[2] KEY FIGURES\n\n  Base Year ............ 2024\n  Market Value ......... USD 310 "
        "million\n  Largest Region ....... Asia Pacific\n", "text/plain",
    )
    assert _extract(figures) == []


def test_numbered_bare_players_title() -> None:
    for title in ("[6] SUPPLIERS", "6) Producers", "PRODUCERS"):
        doc = render_text(f"Pitch Note\n\n{title}\n\nVardo Carbon AS\nHelmstedt Pitch GmbH\n", "text/plain")
        assert _names(_extract(doc)) == ["Vardo Carbon AS", "Helmstedt Pitch GmbH"], title
    for title in ("[6] APPLICATIONS", "[6] BRANDS"):  # brands are products, not firms
        doc = render_text(f"Pitch Note\n\n{title}\n\nCarbotron Ultra\nPitchcoat Max\n", "text/plain")
        assert _extract(doc) == [], title


def test_hard_wrapped_plain_text_enumeration() -> None:
    body = (
        "Pitch Coke Briefing\n\nWHO MAKES IT\n\n"
        "Leading calciners include Valdren Carbon Inc., Marisol Coke LLC, Ostrava Graphite\n"
        "Limited, Pemberton Carbons, Quillon Materials Co., Ltd. and Harlow Group. Valdren\n"
        "Carbon is the largest of them.\n"
    )
    doc = render_text(body, "text/plain")
    got = _extract(doc)
    assert _names(got) == ["Valdren Carbon Inc.", "Marisol Coke LLC", "Ostrava Graphite Limited",
                           "Pemberton Carbons", "Quillon Materials Co., Ltd.", "Harlow Group"]
    ostrava = got[2].evidence[0]  # the layout may join the wrapped lines or keep the break: either way exact
    assert " ".join(ostrava.quote.split()) == "Ostrava Graphite Limited"
    assert doc.text[ostrava.start:ostrava.end] == ostrava.quote
    # a break the layout keeps (a title-case line is not joined): the name still runs on across it
    doc = render_text("Pitch Coke Briefing\n\nWHO MAKES IT\n\nLeading calciners include Valdren Carbon Inc. and "
                      "Ostrava Graphite\nLimited, both based in Europe.\n", "text/plain")
    (ostrava,) = [m for m in _extract(doc) if m.name == "Ostrava Graphite Limited"]
    assert ostrava.evidence[0].quote == "Ostrava Graphite\nLimited"
    # a line that ends its sentence is not continued by the next one
    doc = render_text(
        "Pitch Coke Briefing\n\nLeading calciners include Valdren Carbon Inc. and Marisol Coke LLC in the US.\n"
        "Ostrava Graphite Limited reported record results for the third year running.\n",
        "text/plain",
    )
    assert "Ostrava Graphite Limited" not in _names(_extract(doc))


def test_agent_nouns_of_the_supply_side() -> None:
    doc = render_text("Graphite miners such as Tarrow Minerals and Kivu Graphite Ltd are expanding.\n", "text/plain")
    assert _names(_extract(doc)) == ["Tarrow Minerals", "Kivu Graphite Ltd"]
    # smelters buy anodes: a customer noun, not a player one
    doc = render_text("Large smelters such as Harlow Aluminium and Kestrel Metals Ltd buy anodes.\n", "text/plain")
    assert _extract(doc) == []


def test_countries_stated_in_a_sentence() -> None:
    doc = _html(
        "<h2>Key Players</h2><ul><li>Kessler Pitch GmbH</li><li>Lindqvist Graphite AB</li>"
        "<li>Oyama Carbon Co., Ltd.</li><li>Tanbo Carbon Co., Ltd.</li><li>Marisol Coke LLC</li>"
        "<li>Harlow Group</li><li>Pemberton Carbons</li></ul>"
        "<p>Headquarters: Kessler Pitch and Lindqvist are based in Germany; Oyama and Tanbo in Japan.</p>"
        "<p>Marisol Coke is Canadian, and Harlow Group is British. Pemberton Carbons and Fenwick Industries "
        "are based in Australia and India. Fenwick Industries is based in India.</p>"
        "<ul><li>Sumitomo Bakelite Co., Ltd.</li><li>Sumitomo Chemical Co., Ltd.</li></ul>"
        "<p>Sumitomo is Japanese.</p>"
    )
    got = {m.name: m.country for m in _extract(doc)}
    assert got == {
        "Kessler Pitch GmbH": None, "Lindqvist Graphite AB": None, "Oyama Carbon Co., Ltd.": None,
        "Tanbo Carbon Co., Ltd.": None, "Marisol Coke LLC": None, "Harlow Group": "GB",
        "Pemberton Carbons": None, "Kessler Pitch": "DE", "Lindqvist": "DE", "Oyama": "JP",
        "Tanbo": "JP", "Marisol Coke": "CA", "Sumitomo Bakelite Co., Ltd.": None,
        "Sumitomo Chemical Co., Ltd.": None,
    }  # short forms resolve to the listed names; two countries for two names say nothing; "Fenwick
    # Industries" is no player the document lists, "Sumitomo" is no one company, "Headquarters" a label


def test_a_field_label_is_not_a_company() -> None:
    doc = render_text(
        "# Note\n\n## Companies Profiled\n\n- Kessler Pitch GmbH\n- Oyama Carbon Co., Ltd.\n"
        "- Headquarters: Kessler Pitch in Germany, Oyama Carbon in Japan\n- Founded: 1952\n"
        "- Partners: Kestrel Metals Ltd and Harlow Aluminium Plc\n- Vardo Carbon AS: pitch coke from Norway\n",
        "text/markdown",
    )
    assert _names(_extract(doc)) == ["Kessler Pitch GmbH", "Oyama Carbon Co., Ltd.", "Vardo Carbon AS"]
    assert not looks_like_company("Headquarters")


def test_one_name_per_line_list_run_together() -> None:
    lines = ("Kessler Pitch GmbH (Germany)\nOyama Carbon Co., Ltd. (Japan)\n"
             "Tanbo Pitch Research and Development Co., Ltd. (China)\n")
    doc = render_text("# Pitch Note\n\nKEY PLAYERS\n\n" + lines, "text/markdown")  # one paragraph
    assert {m.name: m.country for m in _extract(doc)} == {
        "Kessler Pitch GmbH": "DE", "Oyama Carbon Co., Ltd.": "JP",
        "Tanbo Pitch Research and Development Co., Ltd.": "CN",
    }
    # terms with their abbreviations are not such a list
    doc = render_text("# Pitch Note\n\nKEY PLAYERS\n\nHard Carbon (HC)\nSoft Carbon (SC)\n", "text/markdown")
    assert _extract(doc) == []


def _countries(doc: TextDocument) -> dict[str, str | None]:
    return {m.name: m.country for m in _extract(doc)}


def test_bold_bullets_under_companies_to_watch_with_city_country_tail() -> None:
    doc = render_text(
        "# Note\n\n## Companies to watch\n\n- **Quillon Carbon Pty Ltd** — Adelaide, Australia\n"
        "    - pitch-coated spherical graphite\n- **Vestmark Anodes AB** — Luleå, Sweden\n"
        "- **Ardent Graphene Inc.**\n\n## Dynamics\n\nNobody holds more than 12 % of supply.\n",
        "text/markdown",
    )
    assert _countries(doc) == {
        "Quillon Carbon Pty Ltd": "AU", "Vestmark Anodes AB": "SE", "Ardent Graphene Inc.": None,
    }


def test_numbered_subsection_profiles_with_double_dash_tail() -> None:
    text = ("4  MARKET SIZE\n\nRevenue grew.\n\n7  COMPANY PROFILES\n\n"
            "   7.1   Orlen Pitch Works S.A. (Poland)\n   7.2   Danbury Coke Inc. (USA) -- formerly Danbury Tar\n"
            "   7.3   Hoshino Carbon Corporation (Japan)\n\n8  METHODOLOGY\n\nWe asked.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Orlen Pitch Works S.A.": "PL", "Danbury Coke Inc.": "US", "Hoshino Carbon Corporation": "JP",
    }


def test_slide_title_paragraph_opens_a_players_list() -> None:
    text = ("=== Slide 4 === Competitive landscape\n- Hoshino Carbon Corporation (Japan) - LTO powders\n"
            "- Danbury Coke Inc. - USA\n- Marlow Titanate Ltd. - Canada\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Hoshino Carbon Corporation": "JP", "Danbury Coke Inc.": "US", "Marlow Titanate Ltd.": "CA",
    }
    # a short paragraph that is no players title does not open a list
    text = "=== Slide 5 === Market outlook\n- Strong Demand Growth\n- Grid Storage Systems\n"
    assert _extract(render_text(text, "text/plain")) == []


def test_names_with_a_stock_listing_in_broker_prose() -> None:
    text = ("Coverage. We initiate on Kestrel Graphite Limited (KGL AU, Buy, TP A$1.10) and Ontario-based\n"
            "Borealis Anode Inc. (TSX: BAI). Peers: Hanfeng Carbon Group (601234 CH) and Japan's Midori\n"
            "Carbon (5555 JP). Project Alpha (Phase 2, 2026) is on track.\n\n"
            "DISCLOSURES\nCresthaven Securities Pty Ltd (AFSL 000123) may do business with companies covered.\n")
    got = _countries(render_text(text, "text/plain"))
    assert got == {
        "Kestrel Graphite Limited": None, "Borealis Anode Inc.": "CA", "Hanfeng Carbon Group": None,
        "Midori Carbon": "JP",
    }


def test_company_card_address_line_is_no_company() -> None:
    doc = _html(
        "<h2>Key companies</h2><div class='card'><div>Fenwick Silicon Ltd</div><div>Abercorn, United Kingdom"
        "</div></div><div class='card'><div>Hoshino Carbon Corporation</div><div>Osaka, Japan</div></div>"
        "<div class='card'><div>Danbury Coke Inc.</div><div>Akron, Ohio, United States</div></div>"
        "<h2>Licensing</h2><ul><li>Single User License — US$ 3,000</li><li>Enterprise Licence — US$ 6,000"
        "</li></ul>"
    )
    assert _countries(doc) == {
        "Fenwick Silicon Ltd": "GB", "Hoshino Carbon Corporation": "JP", "Danbury Coke Inc.": "US",
    }
    assert not looks_like_company("Single User License")
    assert not looks_like_company("Shanghai")


def test_city_based_prefix_is_context_not_name() -> None:
    doc = _html("<p>Leading producers include Osaka-based Hoshino Carbon Co., Ltd. and Zenith Anode Ltd "
                "(formerly Zenith Oil &amp; Tar; India).</p>")
    assert _countries(doc) == {"Hoshino Carbon Co., Ltd.": "JP", "Zenith Anode Ltd": "IN"}


def test_ranking_table_flattened_into_a_paragraph() -> None:
    text = ("Table 2. Top producers by shipments Rank Company Home kt Share 1 Alder Carbon Co., Ltd. CN 120 "
            "12.0% 2 Birch Graphite Corporation JP 95 9.5% 3 Cedar Anode Materials Inc. (ex-Cedar Tar) KR 80 "
            "8.0%\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Alder Carbon Co., Ltd.": "CN", "Birch Graphite Corporation": "JP", "Cedar Anode Materials Inc.": "KR",
    }
    # two numbered rows are no ranking, nor is a numbered contents line
    text = "Ranks 1 Alder Carbon Co., Ltd. CN 120 2 Birch Graphite Corporation JP 95. Contents 1 Scope 2 Data.\n"
    assert _extract(render_text(text, "text/plain")) == []


def test_players_title_that_says_the_study_profiles_them() -> None:
    doc = _html(
        "<h2>Who is covered</h2><p>The pitch chapter profiles six producers:</p><ol>"
        "<li>Orlen Pitch Works S.A. (Poland)</li><li>Hoshino Carbon Corporation (Japan)</li>"
        "<li>Danbury Coke Inc.</li></ol>"
    )
    assert _countries(doc) == {
        "Orlen Pitch Works S.A.": "PL", "Hoshino Carbon Corporation": "JP", "Danbury Coke Inc.": None,
    }
    # a line that profiles something else opens no list
    doc = _html("<h2>Scope</h2><p>The chapter profiles three regions:</p><ol><li>Baltic Rim</li>"
                "<li>Grey Coast</li></ol>")
    assert _extract(doc) == []


def test_supplier_list_with_bracketed_country_codes() -> None:
    text = ("4. PRICING\n\nSee annex.\n\n5. KNOWN SUPPLIERS OF TITANATE POWDER (indicative only)\n\n"
            "  - Hoshino Carbon Corporation [JP] -- captive powder\n  - Marlow Titanate Ltd. [CA]\n"
            "  - Orlen Pitch Works S.A. (formerly Orlen Tar) [PL]\n\n6. HOW BIDS ARE SCORED\n\nBids close in May.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Hoshino Carbon Corporation": "JP", "Marlow Titanate Ltd.": "CA", "Orlen Pitch Works S.A.": "PL",
    }
    # a bracket that is no two-letter code is not read as a country
    parts = split_list_item("Hoshino Carbon Corporation [12]", 0, 31)
    assert parts is None or not parts.parens


def test_bold_bullets_with_country_and_dash_description() -> None:
    doc = render_text(
        "# Paste\n\n## Companies\n\nThis note profiles three paste producers:\n\n"
        "- **Fjordvik Carbon AS** (Norway) — electrode paste since 1931\n"
        "- **Kessler Pitch GmbH** (formerly Kessler Tar), Germany — pitch and paste\n"
        "- **Orlen Pitch Works S.A.**\n",
        "text/markdown",
    )
    got = _countries(doc)
    assert got["Fjordvik Carbon AS"] == "NO" and got["Kessler Pitch GmbH"] == "DE"
    assert got["Orlen Pitch Works S.A."] is None


def test_registered_name_with_former_name_after_its_country() -> None:
    text = ("Companies profiled:\n\nHoshino Carbon Co., Ltd. (Japan), formerly Hoshino Tar Co., Ltd.\n"
            "Danbury Coke Inc. (United States)\n")
    assert _countries(render_text(text, "text/plain"))["Hoshino Carbon Co., Ltd."] == "JP"
    # a report word inside a full registered name is the company's own
    assert looks_like_company("Linyi Hengtai Group Share Holding Co., Ltd.")
    assert not looks_like_company("Market Share Co., Ltd.")


def test_companies_the_text_puts_out_of_scope_are_no_players() -> None:
    doc = _html(
        "<h2>Competitive landscape</h2><p>Leading producers include Hoshino Carbon Corporation and Danbury "
        "Coke Inc.</p><p>Tar-based producers such as Marlow Tar Ltd. and Kessler Pitch GmbH compete in "
        "electrodes, yet these fall outside the scope of our note.</p><p>Fenwick Cathode Ltd, which supplies "
        "cathode powder to cell makers, is quoted in trade news, but cathodes are not covered by the analysis.</p>"
    )
    assert set(_countries(doc)) == {"Hoshino Carbon Corporation", "Danbury Coke Inc."}


def test_semicolon_enumeration_after_a_player_noun_and_colon() -> None:
    doc = _html(
        "<p>She named the incumbents, Hoshino Carbon Corporation (Japan), and then the ex-Japan "
        "contenders: Danbury Coke Inc., with its plant in Ohio; Marlow Titanate Ltd. (Canada); and "
        "Ontario's Borealis Anode Works.</p>"
    )
    got = _countries(doc)
    assert got == {
        "Hoshino Carbon Corporation": "JP", "Danbury Coke Inc.": None, "Marlow Titanate Ltd.": "CA",
        "Borealis Anode Works": None,
    }


def test_plain_text_section_headers_after_prose_are_no_companies() -> None:
    text = ("COMPANIES MENTIONED\n\nLeading producers include Hoshino Carbon Corporation and Danbury Coke "
            "Inc.\n\nQ&A\n\nQ: Are prices rising? A: Slowly.\n\nLOGISTICS\n\nSlides are online for 30 days.\n")
    assert set(_countries(render_text(text, "text/plain"))) == {"Hoshino Carbon Corporation", "Danbury Coke Inc."}


def test_product_form_holding_a_share_is_a_segment() -> None:
    text = "Key findings:\n\n1. Rolled Copper Foil accounted for 58.0% of 2024 revenue.\n"
    assert _extract(render_text(text, "text/plain")) == []
    text = "Key findings:\n\n1. Hoshino Carbon Corporation accounted for 21.0% of 2024 revenue.\n"
    assert set(_countries(render_text(text, "text/plain"))) == {"Hoshino Carbon Corporation"}


def test_possessive_country_in_a_description_is_not_the_seat() -> None:
    doc = render_text(
        "# Note\n\n## Companies to watch\n\n- **Quillon Carbon Pty Ltd** — India's first coated graphite line\n"
        "- **Vestmark Anodes AB** — Swedish anode start-up\n",
        "text/markdown",
    )
    assert _countries(doc) == {"Quillon Carbon Pty Ltd": None, "Vestmark Anodes AB": "SE"}


def test_plain_text_players_lines_joined_to_their_lead_in() -> None:
    # plain-text lines without blank lines are one paragraph: the lead-in and every "Name (Country)" line
    text = ("MAJOR VENDORS\nLeading vendors in the titanate anode market include:\nHoshino Carbon Corporation "
            "(Japan)\nDanbury Coke Inc. (US)\nMarlow Titanate Ltd. (Canada)\n\nOutlook\nDemand keeps rising.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Hoshino Carbon Corporation": "JP", "Danbury Coke Inc.": "US", "Marlow Titanate Ltd.": "CA",
    }
    # a lead-in followed by prose, not by "(Country)" lines, adds no run of names
    text = "Leading vendors in the titanate anode market include: pricing pressure (2024) and slow demand.\n"
    assert _extract(render_text(text, "text/plain")) == []


def test_question_title_opens_a_players_list() -> None:
    doc = render_text(
        "# Note\n\n## Who are the key suppliers?\n\n- **Quillon Carbon Pty Ltd** – HQ: Perth, Australia\n"
        "- **Vestmark Anodes AB** – HQ: Lund, Sweden\n\n## Who buys anodes?\n\n- **Fast charging**\n",
        "text/markdown",
    )
    assert _countries(doc) == {"Quillon Carbon Pty Ltd": "AU", "Vestmark Anodes AB": "SE"}


def test_related_reports_label_is_no_company() -> None:
    doc = render_text(
        "# Note\n\n## Key players\n\n- Quillon Carbon Pty Ltd\n- Vestmark Anodes AB\n\n"
        "Related: Pitch Coke Market Report 2025 | Titanate Market Outlook\n",
        "text/markdown",
    )
    assert set(_countries(doc)) == {"Quillon Carbon Pty Ltd", "Vestmark Anodes AB"}


def test_companies_covered_in_a_separate_report_are_no_players() -> None:
    doc = _html(
        "<p>Leading producers include Hoshino Carbon Corporation and Danbury Coke Inc.</p>"
        "<p>Cathode pastes are excluded from this study; paste suppliers such as Marlow Paste Ltd. are "
        "covered in our separate Paste Market report.</p>"
    )
    assert set(_countries(doc)) == {"Hoshino Carbon Corporation", "Danbury Coke Inc."}


def test_compound_descriptor_holding_a_share_is_a_segment() -> None:
    text = "Key findings:\n\n1. Micron-sized Titanate held 44% of revenue in 2024.\n"
    assert _extract(render_text(text, "text/plain")) == []
    text = "Key findings:\n\n1. Hoshino-Danbury Titanate held 44% of revenue in 2024.\n"
    assert set(_countries(render_text(text, "text/plain"))) == {"Hoshino-Danbury Titanate"}


def test_side_by_side_player_columns_and_a_row_spilled_after_the_table() -> None:
    doc = _html(
        "<h2>Competitive landscape</h2><table>"
        "<tr><th>Refinery-route producers</th><th>Tar-route producers</th></tr>"
        "<tr><td>Danbury Coke Inc. (US)</td><td>Hoshino Carbon Corporation (Japan)</td></tr>"
        "<tr><td>Quillon Refining (India)</td><td>Tarrow Coal Chemical (China)</td></tr></table>"
        "<ul><li>Vestmark Petrochemical (China)</li></ul><p>Top four producers hold half of revenue.</p>"
    )
    assert _countries(doc) == {
        "Danbury Coke Inc.": "US", "Hoshino Carbon Corporation": "JP", "Quillon Refining": "IN",
        "Tarrow Coal Chemical": "CN", "Vestmark Petrochemical": "CN",
    }
    # "Company | Parent company": only the company column; a lone line after prose is no continuation
    doc = _html(
        "<h2>Competitive landscape</h2><table><tr><th>Company</th><th>Parent company</th></tr>"
        "<tr><td>Danbury Coke Inc.</td><td>Orbis Holdings Inc.</td></tr></table>"
        "<p>Prices fell.</p><ul><li>Vestmark Petrochemical (China)</li></ul>"
    )
    assert set(_countries(doc)) == {"Danbury Coke Inc."}


def test_company_cards_with_repeated_field_labels() -> None:
    cards = "".join(
        f"<h3>{name}</h3><p>Headquarters</p><p>{city}</p><p>Focus</p><p>{focus}</p>"
        for name, city, focus in (
            ("Quillon Graphite", "Perth, Australia", "Flake mine and purification plant"),
            ("Vestmark Anodes", "Lund, Sweden", "Coated spherical graphite"),
            ("Hoshino Carbon", "Osaka, Japan", "Largest natural graphite anode producer"),
        )
    )
    doc = _html(f"<h2>Company cards</h2>{cards}<h2>Methodology</h2><p>Values are sales.</p>")
    assert _countries(doc) == {"Quillon Graphite": "AU", "Vestmark Anodes": "SE", "Hoshino Carbon": "JP"}


def test_contents_lists_the_profiled_companies_one_level_under_its_entry() -> None:
    doc = _html(
        "<h1>Q Market Report: Sample Pages</h1><h2>Table of Contents</h2><ul>"
        "<li>9 Competitive Landscape</li><li>9.1 Ranking of vendors</li><li>9.2 Company profiles</li>"
        "<li>9.2.1 Danbury Coke Inc. (US)</li><li>9.2.1.1 Business overview</li>"
        "<li>9.2.2 Hoshino Carbon Corporation (Japan)</li><li>10 Appendix</li>"
        "<li>10.1 Vestmark Tables Ltd (Sweden)</li></ul>"
        "<h2>Executive Summary</h2><p>The market grew.</p>"
    )
    assert _countries(doc) == {"Danbury Coke Inc.": "US", "Hoshino Carbon Corporation": "JP"}


def test_lead_in_sentence_under_a_players_title_keeps_the_list_open() -> None:
    doc = render_text(
        "# Dataset\n\n## Companies covered\n\nThe `supplier` column uses the following names (ISO code of "
        "the headquarters in brackets):\n\n- Hoshino Carbon Co., Ltd. (JP)\n- Tarrow Carbon Group (CN)\n\n"
        "## Method\n\nSee the notes:\n\n- Quillon Tables (US)\n",
        "text/markdown",
    )
    assert _countries(doc) == {"Hoshino Carbon Co., Ltd.": "JP", "Tarrow Carbon Group": "CN"}


def test_suppliers_of_another_cell_component_are_no_players() -> None:
    text = ("QUILL EXPORT\n\nCathode suppliers tracked: Hoshino Oxides (BE), Tarrow Cathode (CN).\n\n"
            "Anode suppliers tracked: Vestmark Anodes (SE), Quillon Graphite (AU).\n")
    assert _countries(render_text(text, "text/plain")) == {"Vestmark Anodes": "SE", "Quillon Graphite": "AU"}


def test_abbreviated_words_of_a_registered_name_stay_in_it() -> None:
    doc = _html(
        "<h2>Supplier register</h2><table><tr><th>Supplier</th><th>HQ</th></tr>"
        "<tr><td>Shanghai Quillon New Energy Tech. Co.</td><td>CN</td></tr>"
        "<tr><td>Hoshino Sci. &amp; Chem. Co., Ltd.</td><td>JP</td></tr></table>"
    )
    assert _countries(doc) == {"Shanghai Quillon New Energy Tech. Co.": "CN", "Hoshino Sci. & Chem. Co., Ltd.": "JP"}


def test_hard_wrapped_enumeration_with_a_line_read_as_a_heading() -> None:
    text = ("QUILL BRIEF\n\n4. Competitive landscape\n\n"
            "Key players include Hoshino Carbon Co., Ltd. (Japan), Vestmark\n"
            "(Sweden), Danbury Coke GmbH & Co. KG (Germany), Quillon Black\n"
            "Carbon (United States), Tarrow Carbon Group (China), Nordby Metall ASA\n"
            "(Norway), Gulf Smelting Aluminium (United Arab Emirates) and Aluminium\n"
            "Qatar W.L.L. (Qatar); five sell blocks on the open market, while\n"
            "three feed only their own smelters.\n\n5. Method\n\nValues are estimates.\n")
    assert _countries(render_text(text, "text/plain")) == {
        "Hoshino Carbon Co., Ltd.": "JP", "Vestmark": "SE", "Danbury Coke GmbH & Co. KG": "DE",
        "Quillon Black Carbon": "US", "Tarrow Carbon Group": "CN", "Nordby Metall ASA": "NO",
        "Gulf Smelting Aluminium": "AE", "Aluminium Qatar W.L.L.": "QA",
    }


def test_people_listed_with_their_job_titles_are_no_companies() -> None:
    text = ("QUILL WEBINAR\n\nPARTICIPANTS\n\nJane Moreau - Head of Research, Quill Research (moderator)\n"
            "Tom Adeyemi - Senior Analyst, Battery Materials, Quill Research\n\nSUPPLIERS\n\n"
            "Hoshino Carbon Corporation - anode producer\nVestmark Anodes AB - coating lines\n")
    assert set(_countries(render_text(text, "text/plain"))) == {"Hoshino Carbon Corporation", "Vestmark Anodes AB"}


def test_a_country_tag_makes_a_plural_generic_name_a_firm_in_prose() -> None:
    text = ("[Slide 9 - Company landscape: Quillon Materials (US); Vestmark Anodes AB (Sweden)]\n\n"
            "Hard carbon materials are supplied to cell makers in drums.\n")
    assert _countries(render_text(text, "text/plain")) == {"Quillon Materials": "US", "Vestmark Anodes AB": "SE"}


def test_coined_hyphenated_name_after_and_starts_a_new_company() -> None:
    text = "Hoshino and Na-Carbon Corp."  # both halves generic words, but a coined name as written
    assert [text[i.start:i.end] for i in split_enumeration(text, 0, len(text))] == ["Hoshino", "Na-Carbon Corp."]
    text = "Hoshino Graphite and Carbon Corp."
    assert [text[i.start:i.end] for i in split_enumeration(text, 0, len(text))] == [text]


def test_about_headings_and_footer_links_are_no_companies() -> None:
    doc = _html(
        "<h2>Key companies profiled</h2><ul><li>Hoshino Carbon Corporation (Japan)</li>"
        "<li>Vestmark Anodes AB (Sweden)</li></ul><h3>About Quill Research Partners</h3>"
        "<p>Quill is a research firm.</p><h3>Who are the leading companies?</h3><p>Hoshino and Vestmark.</p>"
        "<ul><li>Privacy</li><li>Cookies</li></ul>"
    )
    assert "About Quill Research Partners" not in _countries(doc)
    assert not {"Privacy", "Cookies"} & set(_countries(doc))


def test_country_first_in_a_bracket_with_an_aside() -> None:
    text = ("Companies that produce lithium foil include Hoshino Metal (Japan), Quillon Lithium (United States; "
            "formerly Danbury Lithium) and Vestmark Foil (Sweden).\n")
    assert _countries(render_text(text, "text/plain"))["Quillon Lithium"] == "US"


def test_stated_country_vouches_for_a_place_named_firm_in_prose() -> None:
    text = ("Oman Global Aluminium (OGA) (Oman) runs captive anode plants. Natural Graphite (China) and "
            "Hoshino Carbon Corporation (Japan) supply cell makers.\n")
    got = _countries(render_text(text, "text/plain"))
    assert got.get("Oman Global Aluminium") == "OM" and got.get("Hoshino Carbon Corporation") == "JP"
    assert "Natural Graphite" not in got


def test_dated_news_items_and_news_subsections_under_a_players_list_are_not_companies() -> None:
    """A one-name-per-line players list, then a "Recent Developments" heading with dated items: neither the
    heading nor an item's date ("March 2025: ...") is a company; the names in the list still are."""
    body = ("Widget Coating Market\n\nKEY COMPANIES\n"
            "Widget coating suppliers profiled in this note:\n"
            "Northwind Widget Corp. (US)\nEastfield Coatings Ltd. (Japan)\nSouthgate Widgets AG (Germany)\n\n"
            "Recent Developments\n"
            "- March 2025: Northwind Widget Corp. opened a coating line in Ohio.\n"
            "- Q3 2024: Eastfield Coatings Ltd. doubled its capacity.\n\n"
            "METHODOLOGY\nThe figures are revenues.\n")
    for media in ("text/plain", "text/markdown"):
        names = _names(_extract(render_text(body, media)))
        assert names == ["Northwind Widget Corp.", "Eastfield Coatings Ltd.", "Southgate Widgets AG"], media


def test_a_company_profile_heading_ending_in_a_plural_is_still_a_company() -> None:
    """Negative: a profile heading whose section names it ("Harlow Partnerships" then "Harlow ..."), and a
    name opening like a month ("Marchetti Carbon", "Mayfield"), stay companies."""
    doc = _html("<h2>Company profiles</h2><h3>Harlow Partnerships</h3><p>Harlow runs two coating plants.</p>"
                "<h3>Vestmark Anodes</h3><p>Headquarters: Lund, Sweden</p>"
                "<h2>Methodology</h2><p>Values are sales.</p>")
    assert {"Harlow Partnerships", "Vestmark Anodes"} <= set(_names(_extract(doc)))
    from kg.extract.company_filters import date_name

    assert date_name("March 2025") and date_name("12 June 2025") and date_name("Sept. 3, 2024")
    assert date_name("Q3 2025") and date_name("FY2025")
    assert not date_name("Marchetti Carbon") and not date_name("May Graphite 2025") and not date_name("Mayfield")
