"""Dynamics titles: seed F1 and every heading style of the genre."""

from __future__ import annotations

from typing import Any

from kg.extract.dynamics import dynamic_kind, extract_dynamics
from kg.extract.dynamics_vocab import KIND_WORDS
from kg.extract.sections import outline, semantic_offset
from kg.ingest.text import render_text
from kg.models import TextDocument
from tests.test_sections import BOLD_DOC, HTML_DOC, MARKDOWN_DOC, TEXT_DOC, seed_score, shape

KINDS = ("drivers", "restraints", "opportunities", "challenges", "trends")


def _predict(doc: TextDocument, sections: Any) -> dict[str, Any]:
    dyn = extract_dynamics(doc, sections)
    return {"dynamics": {k: [d.title for d in dyn if d.kind == k] for k in KINDS}}


def _pairs(doc: TextDocument) -> list[tuple[str, str]]:
    dyn = extract_dynamics(doc, outline(doc))
    for d in dyn:
        assert all(doc.text[e.start:e.end] == e.quote for e in d.evidence)
    return [(d.kind, d.title) for d in dyn]


def test_seed_dynamics_f1() -> None:
    f1, lines = seed_score("dynamics", _predict)
    assert f1 >= 0.90, lines


def test_kind_titles() -> None:
    assert dynamic_kind("MARKET DRIVERS") == "drivers"
    assert dynamic_kind("Other Restraints") == "restraints"
    assert dynamic_kind("Carbon Anode for Aluminum Electrolysis Market Trends") == "trends"
    assert dynamic_kind("Key Challenges") == "challenges"
    assert dynamic_kind("Market Dynamics (Drivers, Restraints, Opportunities, and Challenges)") is None
    assert dynamic_kind("Rising Demand to Drive Growth") is None
    assert dynamic_kind("What are the key growth drivers?") is None


def test_one_vocabulary_for_outline_and_kinds() -> None:
    """Every noun of the table titles a section in the outline (rank offset 2) and names its own kind;
    a hint word alone ("Technological Limitations", "Key Barriers") stays an item title."""
    for words in KIND_WORDS:
        for noun in (words.singular, words.plural):
            for title in (noun.title(), f"Key {noun.title()}", f"Silicon Anode Market {noun.title()}"):
                assert semantic_offset(title) == 2 and dynamic_kind(title) == words.kind, title
    for title, kind in (("Tailwinds", "drivers"), ("Headwinds", "restraints"), ("Upside Scenarios", "opportunities"),
                        ("Key Risks", "challenges"), ("What's Trending", "trends"),
                        ("What Is Holding It Back", "restraints"), ("Threat Factors", "challenges")):
        assert dynamic_kind(title) == kind, title
    for item in ("Technological Limitations", "Key Barriers", "Trade Threats", "Growth of Fast Charging"):
        assert semantic_offset(item) == 3 and dynamic_kind(item) is None, item


def test_html_h3_li_and_h4() -> None:
    assert _pairs(shape(HTML_DOC, "probe.html")) == [
        ("drivers", "Higher energy density"), ("drivers", "Fast charging demand"),
        ("restraints", "Volume expansion"), ("restraints", "High cost of nano-silicon"),
        ("opportunities", "Solid-state batteries"), ("opportunities", "Consumer electronics upgrades"),
    ]


def test_markdown_and_plain_text() -> None:
    assert _pairs(shape(MARKDOWN_DOC, "probe.md")) == [
        ("trends", "Silicon blending"), ("trends", "Localised supply chains"),
        ("challenges", "Graphite export controls"), ("challenges", "Price pressure"),
    ]
    assert _pairs(shape(TEXT_DOC, "probe.txt")) == [
        ("drivers", "Electric vehicle production"), ("drivers", "Grid-scale storage"),
        ("restraints", "Environmental permitting"),
    ]


def test_bold_export_with_other_switch_and_aside() -> None:
    assert _pairs(shape(BOLD_DOC, "probe.html")) == [
        ("drivers", "Rising Cell Production to Drive Demand"), ("drivers", "Policy Support"),
        ("challenges", "Feedstock Volatility"),
    ]


def test_unlabelled_numbered_runs_are_classified_by_cues() -> None:
    html = """<h1>Z Market, Global Outlook and Forecast 2024-2030</h1>
<p>The Z market is projected to grow significantly from 2024 to 2030.</p>
<p><strong>1. Battery Boom Fueling Demand:</strong><br>Demand for cells is rising and growth continues.</p>
<p><strong>2. Capacity Expansion:</strong><br>Producers expand plants to meet increasing demand.</p>
<p><strong>1. Advanced Coating Technologies:</strong><br>This trend is reshaping the value chain.</p>
<p><strong>2. Recycled Feedstock Development:</strong><br>An alternative route under development.</p>
<h2>FAQ</h2>
<p><strong>1. What is the market size?</strong></p><p><strong>2. Who are the key players?</strong></p>"""
    assert _pairs(shape(html, "z.html")) == [
        ("drivers", "Battery Boom Fueling Demand"), ("drivers", "Capacity Expansion"),
        ("trends", "Advanced Coating Technologies"), ("trends", "Recycled Feedstock Development"),
    ]


def test_place_titled_market_trends_are_no_trends_kind() -> None:
    assert dynamic_kind("Market Trends") == "trends"
    assert dynamic_kind("North America Graphite Anode Market Trends") is None
    assert dynamic_kind("U.S. Market Trends") is None


def test_numbered_items_with_dash_descriptions() -> None:
    doc = shape(
        "X MARKET\n\nKEY MARKET DYNAMICS\n\nDrivers:\n"
        "1) Commercial launch of sodium-ion batteries - Chinese cell makers began volume production of "
        "sodium-ion cells in 2024.\n"
        "2) Demand for cold-climate performance - Hard carbon retains capacity well below freezing.\n\n"
        "Restraints:\n1) Low initial coulombic efficiency - First-cycle losses reduce usable energy.\n",
        "probe.txt",
    )
    assert _pairs(doc) == [
        ("drivers", "Commercial launch of sodium-ion batteries"),
        ("drivers", "Demand for cold-climate performance"),
        ("restraints", "Low initial coulombic efficiency"),
    ]


def test_numbered_title_dash_lowercase_description_and_statistic_in_it() -> None:
    doc = shape(
        "FOO ANODE MARKET REPORT 2025-2030\n\nKEY GROWTH DRIVERS\n\n"
        "1. Energy density targets - automakers want longer range without larger packs.\n"
        "2. Fast charging - thin layers accept lithium quickly.\n\nRESTRAINTS\n\n"
        "1. Volume expansion limits - silicon swells by up to 300% on lithiation.\n\nMETHODOLOGY\n\nText.\n",
        "x.txt",
    )
    assert _pairs(doc) == [
        ("drivers", "Energy density targets"), ("drivers", "Fast charging"), ("restraints", "Volume expansion limits"),
    ]


def test_about_us_section_is_never_a_dynamic() -> None:
    doc = shape(
        "Foo Market to Reach $1 Billion by 2030\n\nKey challenge:\n- Handling and dry-room costs\n\n"
        "About Bar Analytics\n\nBar Analytics publishes research on energy materials.\n",
        "x.txt",
    )
    assert _pairs(doc) == [("challenges", "Handling and dry-room costs")]


def test_inline_labelled_dynamics_split_on_semicolons() -> None:
    doc = shape(
        "<html><body><h1>Prelithiation Market</h1><p>Drivers: higher nickel loadings in truck cells; stricter "
        "cycle-life targets for home storage. Each adds value to coating.</p>"
        "<p>Challenges: thickness control of the lithium film at high speed. Thin spots cause swelling.</p>"
        "</body></html>",
        "inline.html",
    )
    pairs = _pairs(doc)
    assert ("drivers", "higher nickel loadings in truck cells") in pairs
    assert ("drivers", "stricter cycle-life targets for home storage") in pairs
    assert ("challenges", "thickness control of the lithium film at high speed") in pairs


def test_plain_kind_labels_and_numbered_parts_end_items() -> None:
    doc = shape(
        "Tin Anode Market Report\n=======================\n\nMARKET DYNAMICS\n---------------\n\nDrivers\n"
        "  * Denser storage than carbon\nRestraints\n  * Swelling over repeated charging\nOpportunities\n"
        "  * Potassium-ion cells\n\nCOMPETITIVE LANDSCAPE\n---------------------\n\nText.\n",
        "labels.txt",
    )
    pairs = _pairs(doc)
    assert ("restraints", "Swelling over repeated charging") in pairs
    assert ("opportunities", "Potassium-ion cells") in pairs
    assert not any("Opportunities" in t or "Restraints" in t for _, t in pairs)
    doc = shape(
        "COKE MARKET STUDY 2025-2030\n\n5. Market Dynamics\n\n5.1 Drivers\n  - New smelters\n\n5.3 Trends\n"
        "  - Blending of cokes\n\n6. Competitive Landscape\n\nKey players: A Inc.\n\n7. Methodology\n\nBottom-up.\n",
        "numbered.txt",
    )
    titles = [t for _, t in _pairs(doc)]
    assert "Blending of cokes" in titles
    assert "Competitive Landscape" not in titles and "Methodology" not in titles


def test_figurative_and_question_kind_titles() -> None:
    """Kind titles by the meaning of their words, not a list of headings."""
    assert dynamic_kind("Tailwinds") == "drivers"
    assert dynamic_kind("WHAT IS DRIVING DEMAND") == "drivers"
    assert dynamic_kind("Key Factors Driving Market Growth") == "drivers"
    assert dynamic_kind("Headwinds") == "restraints"
    assert dynamic_kind("What's Holding the Market Back") == "restraints"
    assert dynamic_kind("Factors Limiting Adoption") == "restraints"
    assert dynamic_kind("Upside Scenarios") == "opportunities"
    assert dynamic_kind("Where the Real Opportunities Lie") == "opportunities"
    assert dynamic_kind("KEY RISKS") == "challenges"
    assert dynamic_kind("Risks and Challenges") == "challenges"
    assert dynamic_kind("What\u2019s Trending") == "trends"
    assert dynamic_kind("Key Trends to Watch") == "trends"
    assert dynamic_kind("Trends Shaping the Tin Anode Market") == "trends"
    # item titles and questions stay items
    assert dynamic_kind("Geopolitical Risks") is None
    assert dynamic_kind("Expansion of Capacity Shaping Supply") is None
    assert dynamic_kind("What is driving the shift to silicon?") is None
    assert dynamic_kind("Drivers and Headwinds") is None  # two kinds: none


GLUED_TXT = """Zinc Anode Market Brief 2025-2030
=================================

Market dynamics
---------------
DRIVERS
  * Grid storage tenders in sunbelt states
  * Cheaper zinc feedstock from the EU
RESTRAINTS
  * Dendrite growth during deep cycling
OPPORTUNITIES
  * Marine backup power
CHALLENGES
  * Separator supply for LG CHEM lines

KEY TRENDS TO WATCH
  1. Flow-assisted zinc cells
  2. Water-in-salt electrolytes

Competitive landscape
---------------------
Leading producers include Foo Zinc Corp. and Bar Metals Ltd.
"""


def test_upper_case_labels_glued_to_items_switch_the_kind() -> None:
    assert _pairs(shape(GLUED_TXT, "zinc.txt")) == [
        ("drivers", "Grid storage tenders in sunbelt states"), ("drivers", "Cheaper zinc feedstock from the EU"),
        ("restraints", "Dendrite growth during deep cycling"), ("opportunities", "Marine backup power"),
        # an upper-case acronym at the end of an item is no label
        ("challenges", "Separator supply for LG CHEM lines"),
        ("trends", "Flow-assisted zinc cells"), ("trends", "Water-in-salt electrolytes"),
    ]


LETTERED_TXT = """TIN ANODE MARKET - GLOBAL REPORT 2025-2031


4. MARKET DYNAMICS
------------------

4.1 Drivers

  - Handheld devices that need thin cells.
  - Tin price stability.


5. EMERGING TRENDS
------------------

  (a) Tin-graphite hybrid powders
  (b) Nanoporous tin foams for fast charging
  (c) Dry electrode coating of tin blends


6. COMPETITIVE ENVIRONMENT
--------------------------

Suppliers covered in this study:

  1. Foo Tin Materials Corp.
  2. Bar Alloys Company
"""


def test_lettered_trends_end_at_the_next_upper_case_heading() -> None:
    assert _pairs(shape(LETTERED_TXT, "tin.txt")) == [
        ("drivers", "Handheld devices that need thin cells"), ("drivers", "Tin price stability"),
        ("trends", "Tin-graphite hybrid powders"), ("trends", "Nanoporous tin foams for fast charging"),
        ("trends", "Dry electrode coating of tin blends"),
    ]


WRAPPED_TXT = """ANODE BINDER BRIEFING 2025


WHAT IS HOLDING THE MARKET BACK

  Scarce fluoropolymer feedstock -- chemical plants sell most of their output to
  European coating customers under long-term contracts.

  Slow qualification cycles at cell makers.


WHERE THE REAL OPPORTUNITIES LIE

  Water-based binders for silicon-rich anodes -- they tolerate volume change and cut solvent costs.


RISKS

  The binder market is small. Most of it is captive, and prices are rarely disclosed to outsiders.


WHO SUPPLIES THE MARKET

Leading suppliers include Foo Polymers and Bar Chemicals.
"""


def test_plain_lines_with_double_dash_descriptions_and_wrapped_tails() -> None:
    assert _pairs(shape(WRAPPED_TXT, "binder.txt")) == [
        ("restraints", "Scarce fluoropolymer feedstock"),  # its wrapped tail "European coating ..." is no item
        ("restraints", "Slow qualification cycles at cell makers"),
        ("opportunities", "Water-based binders for silicon-rich anodes"),
        # RISKS holds prose, not a list: nothing
    ]


TABLES_MD = """# Cobalt-Free Anode Coating Market Outlook 2025-2030

## Impact analysis

| Factor | Type | Impact on CAGR |
|---|---|---|
| Faster-charging phone batteries | Driver | +1.2% |
| Stricter solvent emission rules | Restraint | -0.4% |

## At a glance

| Type | Coating | Note |
|---|---|---|
| Trend | Atomic-layer alumina coatings | Pilot lines only |
| Challenge | Thickness control at line speed | - |

## Forces

| Drivers | Restraints |
|---|---|
| Premium smartphone demand | Capital cost of ALD tools |
| Longer EV warranties | 12.5% |

## Product mix

| Category | Product | Share |
|---|---|---|
| Oxide | Alumina coating | 41% |
| Polymer | Carbon-polymer coating | 22% |
"""


def test_dynamics_tables_with_a_kind_column_or_kind_headers() -> None:
    assert _pairs(shape(TABLES_MD, "coat.md")) == [
        ("drivers", "Faster-charging phone batteries"), ("restraints", "Stricter solvent emission rules"),
        ("trends", "Atomic-layer alumina coatings"), ("challenges", "Thickness control at line speed"),
        ("drivers", "Premium smartphone demand"), ("restraints", "Capital cost of ALD tools"),
        ("drivers", "Longer EV warranties"),
        # no statistic cell ("12.5%") and nothing from a table whose category column names no kind
    ]


BOLD_ONLY_MD = """# Pitch Binder Market 2025

## Market dynamics

**Drivers**

- **Steady smelter restarts** \u2014 idled potlines in Europe are coming back online this year.
- **Cleaner binder specifications**

**Challenges**

- **Coal-tar supply contraction** \u2014 coke oven closures shrink the pool of crude tar.
- **Polycyclic aromatic exposure limits**

## Trends shaping the market

1. Petroleum-based binder blends gain share as coal tar tightens and prices rise across all regions every year
2. Binder recovery from spent anodes. It is still at the pilot stage in two smelters and may take years.
"""


def test_bold_only_items_and_long_one_sentence_items() -> None:
    assert _pairs(shape(BOLD_ONLY_MD, "pitch.md")) == [
        ("drivers", "Steady smelter restarts"), ("drivers", "Cleaner binder specifications"),
        ("challenges", "Coal-tar supply contraction"), ("challenges", "Polycyclic aromatic exposure limits"),
        # a one-sentence item is its own title, however long; a longer item gives its first sentence
        ("trends", "Petroleum-based binder blends gain share as coal tar tightens and prices rise across all "
                   "regions every year"),
        ("trends", "Binder recovery from spent anodes"),
    ]


PROSE_HTML = """<html><body><h1>Vanadium Anode Additive Market to Reach USD 410 Million by 2031</h1>
<p>LONDON, March 3, 2025 -- The vanadium anode additive market was valued at USD 190 million in 2024.</p>
<p>Demand is mainly driven by the <b>push for faster charging in power tools</b>, although
<b>Foo Battery Works Limited</b> is driving prices. A second tailwind is <b>wider use of lithium titanate
blends</b>. Yet <b>limited vanadium refining outside China</b> is expected to hamper supply, while
<b>additive recycling from spent cells</b> is a clear opportunity. <b>Asia Pacific region</b> drives
volumes, <b>fast charging</b> drives growth and <b>the 2030 capacity target</b> drives investment.</p>
<p>Q: What is the main challenge? A: <b>Thin supply of vanadium pentoxide</b> is the main challenge.</p>
<h3>FAQ</h3>
<p><b>What drives the market?</b></p>
<p>The market is driven by <b>the rise of cordless garden tools</b>.</p>
</body></html>"""


def test_bold_phrases_in_prose_when_the_report_lists_no_dynamics() -> None:
    assert _pairs(shape(PROSE_HTML, "pr.html")) == [
        ("drivers", "push for faster charging in power tools"), ("drivers", "wider use of lithium titanate blends"),
        ("restraints", "limited vanadium refining outside China"),
        ("opportunities", "additive recycling from spent cells"),
        # not: a company name, a region, a two-word phrase, a figure, an FAQ answer
    ]
    listed = PROSE_HTML.replace("<h3>FAQ</h3>", "<h2>Drivers</h2><ul><li>Power tool demand</li></ul>")
    # a report with dynamics sections repeats them in prose: the prose adds nothing
    assert _pairs(shape(listed, "pr.html")) == [("drivers", "Power tool demand")]


def test_upper_case_line_inside_a_kind_list_ends_it() -> None:
    doc = shape(
        "ZINC FOIL REPORT 2025\n\n\n3.1 Opportunities\n\n  - Marine backup power.\n  - Rural microgrids.\n\n\n"
        "4. SUPPLIERS\n-----------\n\n  1. ALPHA ZINC WORKS\n  2. BETA FOIL MILLS\n",
        "foil.txt",
    )
    assert _pairs(doc) == [("opportunities", "Marine backup power"), ("opportunities", "Rural microgrids")]


def test_kind_labelled_item_headings() -> None:
    doc = shape(
        "# Tin Anode Market 2025\n\n## Market Dynamics\n\n### Driver: Thin cells for wearables\n\n"
        "Wearable makers want more energy in less space.\n\n### Key Challenge: Particle pulverisation\n\n"
        "Tin cracks as it alloys with lithium.\n\n### Trends: Regional Analysis\n\nAsia leads. Europe follows.\n",
        "tin.md",
    )
    assert _pairs(doc) == [("drivers", "Thin cells for wearables"), ("challenges", "Particle pulverisation")]


def test_kind_titles_with_callout_markers_and_time_tails() -> None:
    assert dynamic_kind("[!warning] Restraints") == "restraints"
    assert dynamic_kind("Trends seen in 2025") == "trends"
    assert dynamic_kind("Drivers for 2025-2030") == "drivers"
    assert dynamic_kind("[!note] Sales rose in 2024") is None


def test_callout_labels_and_plain_label_lines_before_list_items() -> None:
    doc = shape(
        "# Foil note\n\n## Dynamics\n\n> [!success] Drivers\n> - Cheaper rolling mills\n> - Thinner foil demand\n\n"
        "> [!warning] Restraints\n> - Copper price swings\n\n> [!note]\n> Nobody holds more than 20 %.\n",
        "vault.md",
    )
    assert _pairs(doc) == [("drivers", "Cheaper rolling mills"), ("drivers", "Thinner foil demand"),
                           ("restraints", "Copper price swings")]


def test_trends_label_with_a_year_ends_the_challenges() -> None:
    doc = shape(
        "FOIL BRIEF\n\nMarket challenges\n  - Copper price swings\n  - Power costs\n\n"
        "Trends observed in 2025\n  - Move to thinner gauges\n",
        "brief.txt",
    )
    assert ("trends", "Move to thinner gauges") in _pairs(doc)
    assert ("challenges", "Move to thinner gauges") not in _pairs(doc)


def test_marked_items_wrapping_over_lines_and_the_next_numbered_part() -> None:
    doc = shape(
        "FOIL EQUITY NOTE\n\n3. Drivers.\n   (a) Grid buildout: utilities order more storage cells than\n"
        "       ever before in the region.\n   (b) Thinner foil: cell makers move to six micron foil.\n\n"
        "4. Headwinds.\n   (a) Copper prices: spot copper rose in the quarter\n       and squeezed margins.\n"
        "   (b) Tariffs: new duties on imported foil.\n\n"
        "5. Coverage. We start coverage of Acme Foil Ltd (ACM, Buy, TP 4.10) and of\nBeta Metals (BTM, Hold).\n",
        "note.txt",
    )
    assert _pairs(doc) == [("drivers", "Grid buildout"), ("drivers", "Thinner foil"),
                           ("restraints", "Copper prices"), ("restraints", "Tariffs")]


def test_items_listed_in_prose_after_their_kind() -> None:
    doc = shape(
        "<html><body><h1>Foil demand to double, study says</h1><p>The study lists the main growth drivers as "
        "cheaper rolling mills, thinner cell designs, and grid storage subsidies. Among restraints, it cites "
        "volatile copper prices and slow permitting.</p></body></html>",
        "news.html",
    )
    assert _pairs(doc) == [("drivers", "cheaper rolling mills"), ("drivers", "thinner cell designs"),
                           ("drivers", "grid storage subsidies"), ("restraints", "volatile copper prices"),
                           ("restraints", "slow permitting")]
    doc = shape(
        "<html><body><h1>Foil demand to double</h1><p>Analysts see the drivers as largely unchanged from "
        "2023.</p></body></html>",
        "news2.html",
    )
    assert _pairs(doc) == []


def test_label_line_before_a_contents_list_gives_nothing() -> None:
    doc = shape("# Foil note\n\nDrivers\n\n- Restraints\n- Opportunities\n", "toc.md")
    assert _pairs(doc) == []


def test_bracketed_factor_labels_name_kinds_by_meaning() -> None:
    assert dynamic_kind("[Growth factor]") == "drivers"
    assert dynamic_kind("[Obstruct factor]") == "restraints"
    assert dynamic_kind("[Threat factor]") == "challenges"
    assert dynamic_kind("[Trend keyword]") == "trends"
    assert dynamic_kind("[Appendix]") is None
    assert dynamic_kind("Threat of New Entrants") is None  # a five-forces heading, not a kind


def test_bold_titles_split_from_their_description_items() -> None:
    html = ("<html><body><h1>Q Market</h1><h3>[Growth factor]</h3><ol>"
            "<li><b>Cheaper cathode recycling</b><br>Recyclers cut costs by a third.</li>"
            "<li><b>Grid buffer tenders</b></li></ol></body></html>")
    assert _pairs(shape(html, "br.html")) == [
        ("drivers", "Cheaper cathode recycling"), ("drivers", "Grid buffer tenders"),
    ]


def test_soft_wrapped_bold_kind_labels_in_one_paragraph() -> None:
    md = ("# Q Market\n\n## Dynamics\n\n**Driver:** Cheaper sodium salts\n**Driver:** Port electrification\n"
          "**Challenge:** Thin supplier base\n")
    assert _pairs(shape(md, "labels.md")) == [
        ("drivers", "Cheaper sodium salts"), ("drivers", "Port electrification"),
        ("challenges", "Thin supplier base"),
    ]
    # one bold label with prose after it is no label run
    md = "# Q Market\n\n## Notes\n\n**Driver:** the author of this note drove the survey.\n"
    assert not any(title == "Driver" for _, title in _pairs(shape(md, "one.md")))


def test_run_on_kind_labels_in_one_list_item() -> None:
    txt = ("Q MARKET ABSTRACT\n\nKey facts:\n\n 4. Drivers: (a) Cheaper sodium salts; (b) Port electrification. "
           "Restraint: Thin supplier base. Trend: Dry electrode coating.\n")
    assert _pairs(shape(txt, "runon.txt")) == [
        ("drivers", "Cheaper sodium salts"), ("drivers", "Port electrification"),
        ("restraints", "Thin supplier base"), ("trends", "Dry electrode coating"),
    ]


def test_counted_kind_announcements() -> None:
    md = ("# Q Market\n\n## What moves it\n\nThe analysts list two **drivers**:\n\n"
          "1. **Cheaper sodium salts** - a note\n2. **Port electrification**\n\n"
          "One **challenge**: **Thin supplier base**.\n")
    pairs = _pairs(shape(md, "counted.md"))
    assert ("drivers", "Cheaper sodium salts") in pairs and ("drivers", "Port electrification") in pairs
    assert ("challenges", "Thin supplier base") in pairs
    md = "# Q Market\n\n## Notes\n\nOne **reader** wrote: **more charts please**.\n"
    assert _pairs(shape(md, "none.md")) == []


def test_quoted_titles_in_a_review() -> None:
    html = ("<html><body><h1>Review of a Q study</h1><p>The study names two drivers \u2014 \u201ccheaper sodium "
            "salts\u201d and \u201cport electrification\u201d \u2014 and one trend, \u201cdry electrode coating\u201d. "
            "Its title, \u201cQ Market Outlook\u201d, is dull; a reader called it \u201ca good read\u201d.</p>"
            "</body></html>")
    assert _pairs(shape(html, "review.html")) == [
        ("drivers", "cheaper sodium salts"), ("drivers", "port electrification"), ("trends", "dry electrode coating"),
    ]


def test_kind_column_table_under_an_unflagged_header_row() -> None:
    txt = ("Q MARKET NOTE\n\nFACTOR                          CATEGORY      WEIGHT\n"
           "Cheaper sodium salts            Driver        High\n"
           "Thin supplier base              Challenge     Low\n"
           "Dry electrode coating           Trend         Medium\n")
    pairs = _pairs(shape(txt, "factors.txt"))
    assert ("drivers", "Cheaper sodium salts") in pairs and ("trends", "Dry electrode coating") in pairs
    assert not any(title in ("FACTOR", "CATEGORY") for _, title in pairs)


def test_question_kind_titles_and_bracketed_kind_tags() -> None:
    doc = shape(
        "# Tin Foil Anode Market\n\n## What is driving demand?\n\n### Cheaper Wearables\nWatch makers buy more.\n\n"
        "### Thinner Rolling Mills (trend)\nNew mills roll foil below ten microns.\n\n"
        "## What is holding it back?\n\n### Tin Price Swings\nPrices moved 30% in a year.\n\n"
        "## FAQ\n\n### What is the market size?\nUSD 40 million.\n",
        "t.md",
    )
    assert _pairs(doc) == [
        ("drivers", "Cheaper Wearables"), ("trends", "Thinner Rolling Mills"), ("restraints", "Tin Price Swings"),
    ]


def test_untagged_item_titles_over_one_sentence_bodies() -> None:
    doc = shape(
        "<h1>Tin Foil Anode Market</h1><p><b>Restraints</b></p>"
        "<p><u>Tin Price Swings</u><br>Smelter outages moved tin prices sharply during the last year.</p>"
        "<p><b>Trends</b></p><p><u>Thinner Foils</u><br>New mills now roll foil below ten microns in width.</p>",
        "t.html",
    )
    assert _pairs(doc) == [("restraints", "Tin Price Swings"), ("trends", "Thinner Foils")]


def test_kind_question_inside_an_faq_is_no_kind_title() -> None:
    doc = shape(
        "# Tin Foil Anode Market\n\n## Frequently Asked Questions\n\n### What is driving demand?\n\n"
        "#### Cheaper wearables\nWatch makers buy more foil every year now.\n",
        "t.md",
    )
    assert _pairs(doc) == []


def test_kind_labelled_lines_name_their_item() -> None:
    doc = shape(
        "# Tin Anode Market Report\n\n## 3.4 Drivers, restraints and opportunities\n\n"
        "Driver: rising wearable output in Asia. Watches need thin cells.\n\n"
        "Restraint \u2013 Tin price swings: the LME price doubled in a year.\n\n"
        "Key challenge: plant permits under the EU ETS. Kilns pay for emissions.\n\n"
        "The driver: this sentence merely mentions a driver and names no item of its own at all here.\n",
        "t.md",
    )
    pairs = _pairs(doc)
    assert ("drivers", "rising wearable output in Asia") in pairs
    assert ("restraints", "Tin price swings") in pairs
    assert ("challenges", "plant permits under the EU ETS") in pairs
    assert len(pairs) == 3


def test_slide_caption_lists_items_in_a_transcript() -> None:
    doc = shape(
        "Tin Anode Market Webinar 2025-2030\n\nHOST: Welcome.\n\n"
        "[Slide 6 - Drivers: (1) Wearable demand; (2) Grid storage tenders]\n\nANALYST: The first driver is...\n\n"
        "[Slide 7 - Opportunity: Recycled tin feedstock]\n\n[Slide 8 - Tin anode market by region, USD million]\n",
        "w.txt",
    )
    assert _pairs(doc) == [("drivers", "Wearable demand"), ("drivers", "Grid storage tenders"),
                           ("opportunities", "Recycled tin feedstock")]


def test_contents_entries_below_a_kind_entry_are_its_items() -> None:
    doc = shape(
        "<h1>Tin Anode Market Report: Sample Pages</h1><h2>Table of Contents</h2><ol>"
        "<li>3 Market Dynamics</li><li>3.1 Drivers</li><li>3.1.1 Wearable demand in Asia</li>"
        "<li>3.1.2 Grid storage tenders</li><li>3.2 Challenges</li><li>3.2.1 Competition from zinc anodes</li>"
        "<li>4 Tin Anode Market, by Type</li><li>4.1 Foil</li><li>4.2 Powder</li></ol>"
        "<h3>At a glance</h3><ul><li>Challenge \u2013 Competition from zinc anodes, mostly in China.</li></ul>",
        "s.html",
    )
    assert sorted(_pairs(doc)) == [("challenges", "Competition from zinc anodes"),
                                   ("drivers", "Grid storage tenders"), ("drivers", "Wearable demand in Asia")]


def test_single_marked_item_and_an_acronym_before_the_sentence_end() -> None:
    doc = shape(
        "Tin Anode Market Brief\n\n3.1 Restraints\n\na) Permit costs under the UK ETS. Smelters in\n"
        "Britain pay for each tonne.\n\nb) Price swings. The LME price doubled.\n\n"
        "3.2 Opportunities\n\na) Recycled tin feedstock. Scrap can be refined.\n\n4. Competitive landscape\n\n"
        "Key players include Acme Tin.\n",
        "b.txt",
    )
    pairs = _pairs(doc)
    assert ("restraints", "Permit costs under the UK ETS") in pairs
    assert ("restraints", "Price swings") in pairs
    assert ("opportunities", "Recycled tin feedstock") in pairs


def test_pdf_bold_titles_wrapped_or_stopped_over_plain_descriptions() -> None:
    doc = shape(
        "<h2>5. Market Dynamics</h2><p><strong>Drivers</strong></p>"
        "<p><strong>Wearable demand in Asia.</strong></p><p>Watches need thin cells.</p>"
        "<p><strong>Grid storage tenders in</strong></p><p><strong>Europe.</strong> Utilities buy more.</p>"
        "<p><strong>Trends</strong></p><p><strong>Shift to tin foil.</strong></p>"
        "<p>Higher efficiency is pulling orders away from powder grades.</p>"
        "<h2>6. Competitive Landscape</h2><p>Acme leads.</p>",
        "d.html",
    )
    pairs = _pairs(doc)
    assert pairs == [("drivers", "Wearable demand in Asia"), ("drivers", "Grid storage tenders in Europe"),
                     ("trends", "Shift to tin foil")]


def test_title_lines_over_their_descriptions() -> None:
    doc = shape(
        "<h3>Restraints</h3><p>Shorter cycle life than zinc</p><p>Limits use in long-range cells.</p>"
        "<h3>Challenges</h3><p>Permits at scale</p><p>Acid purification is hard to permit.</p>"
        "<p>Export controls on tin</p><p>Licensing adds delays for buyers.</p><h3>Company cards</h3><p>Acme.</p>",
        "c.html",
    )
    assert _pairs(doc) == [("restraints", "Shorter cycle life than zinc"), ("challenges", "Permits at scale"),
                           ("challenges", "Export controls on tin")]
    # plain list lines (no descriptions) stay items each
    doc = shape("<h3>Trends</h3><p>Tin foil</p><p>Dry coating</p><h3>Company cards</h3><p>Acme.</p>", "c.html")
    assert _pairs(doc) == [("trends", "Tin foil"), ("trends", "Dry coating")]


def test_h3_items_under_a_qualified_challenges_heading() -> None:
    doc = shape("# Tin anode\n\n## Technical challenges\n\n### Whisker growth\n\nTin grows whiskers.\n\n"
                "### Volume change\n\nTin swells on lithiation.\n\n## See also\n\n- Zinc anode\n", "w.md")
    assert _pairs(doc) == [("challenges", "Whisker growth"), ("challenges", "Volume change")]


def test_kind_of_the_market_headings_over_item_headings() -> None:
    doc = shape(
        "<h1>Zinc Foil Anode Market</h1><h2>Market Dynamics</h2>"
        "<h3>Key Drivers for Zinc Foil Anode Market</h3><h4>Wearable Cells Moving to Foil</h4><p>Watches need it.</p>"
        "<h3>Key Challenge of Market</h3><h4>Dendrite Formation at High Rates</h4><p>Cells short.</p>"
        "<h4>Challenges of Scaling Foil in the Market</h4><p>Rolling mills are few.</p>"
        "<h2>Competitive Landscape of Zinc Foil Anode Market</h2><p>Acme leads.</p>",
        "z.html",
    )
    assert _pairs(doc) == [("drivers", "Wearable Cells Moving to Foil"),
                           ("challenges", "Dendrite Formation at High Rates"),
                           ("challenges", "Challenges of Scaling Foil in the Market")]


def test_bold_prefix_naming_kind_and_item() -> None:
    doc = shape(
        "<h1>Zinc Foil Anode Note</h1><h2>Market dynamics</h2>"
        "<p><b>Driver \u2013 Wearable Cells Moving to Foil:</b> Watches need thin cells.</p>"
        "<p><b>Restraint \u2013 Costly Rolling:</b> Few mills can roll foil this thin.</p>"
        "<p><b>Note \u2013 Data Sources:</b> Interviews with twelve cell makers.</p>"
        "<h2>Competitive landscape</h2><p>Acme leads.</p>",
        "n.html",
    )
    assert _pairs(doc) == [("drivers", "Wearable Cells Moving to Foil"), ("restraints", "Costly Rolling")]
    # a bold prefix that is only a kind stays the title of the items after it, read once
    doc = shape("<h2>Market dynamics</h2><p><b>Drivers:</b></p><ul><li>Wearable demand</li><li>Grid tenders</li></ul>",
                "k.html")
    assert _pairs(doc) == [("drivers", "Wearable demand"), ("drivers", "Grid tenders")]


def test_plain_text_title_colon_lines_and_numbered_items_under_kind_labels() -> None:
    doc = render_text(
        "Zinc Foil Anode Market\n\nMarket Dynamics\n\nDrivers\n"
        "Wearable Cells Moving to Foil: watches need thinner cells every year, and foil is the thinnest anode "
        "that makers can roll today.\nCheaper Grid Packs: utilities buy zinc for storage.\n\n"
        "Restraints\nrolling is costly: only three mills can roll foil this thin.\n\n"
        "TRENDS TO WATCH\n  1. Dry coating of foil\n  2. Recycled zinc feedstock\n\n"
        "Competitive Landscape\n\nAcme leads.\n",
        "text/plain",
    )
    pairs = _pairs(doc)
    assert pairs[:2] == [("drivers", "Wearable Cells Moving to Foil"), ("drivers", "Cheaper Grid Packs")]
    assert ("trends", "Dry coating of foil") in pairs and ("trends", "Recycled zinc feedstock") in pairs
    # a head that is not Title Case is no title: the line is not cut at its colon
    assert ("restraints", "rolling is costly") not in pairs


def test_prose_lists_marked_with_roman_numerals() -> None:
    text = ("# Zinc Foil Anodes: Outlook 2026-2031\n\nThe main drivers of growth are (i) the falling price of zinc "
            "foil for wearables and (ii) stricter safety rules in hearing aids. The main restraints are (i) the short "
            "shelf life of thin foils and (ii) competition from lithium cells, whose energy density is higher.\n")
    assert _pairs(shape(text, "z.md")) == [
        ("drivers", "falling price of zinc foil for wearables"), ("drivers", "stricter safety rules in hearing aids"),
        ("restraints", "short shelf life of thin foils"), ("restraints", "competition from lithium cells")]


def test_prose_lists_that_repeat_their_preposition() -> None:
    text = ("# Zinc Foil Anode Market to Double by 2031\n\nDemand growth is driven by the spread of smart meters, with "
            "40.5 million units installed in 2025, and by stricter safety codes for hearing aids in Japan.\n\n"
            "Among restraints, the report points to the high cost of rolling mills, which few makers can afford, "
            "and to the scarcity of pure zinc feedstock, which keeps prices high.\n")
    assert _pairs(shape(text, "y.md")) == [
        ("drivers", "spread of smart meters"), ("drivers", "stricter safety codes for hearing aids in Japan"),
        ("restraints", "high cost of rolling mills"), ("restraints", "scarcity of pure zinc feedstock")]
    # one cause is a sentence, not a list
    text = "# Zinc Foil Anode Market to Double by 2031\n\nDemand growth is driven by the spread of smart meters.\n"
    assert _pairs(shape(text, "x.md")) == []


def test_demand_and_supply_qualify_a_kind_title() -> None:
    assert dynamic_kind("Demand drivers") == "drivers"
    assert dynamic_kind("Supply Constraints") == "restraints"
    assert dynamic_kind("Demand Outlook") is None
