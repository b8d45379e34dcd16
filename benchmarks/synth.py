"""Synthetic market-report corpora with their expected facts, for benchmarks at 100 to 10 000 documents.

Each document is one report of the genre (title with forecast period, publisher and date, an executive
summary with market size and CAGR, a key-figures table, a regional outlook with a share and a regional
CAGR, segment lists, drivers/challenges, key players with headquarters) written as markdown, HTML or plain
text, about a market drawn from the anode-materials markets, naming companies from the reference
registry under their alias spellings (so cross-document linkage is exercised) plus invented ones. The
facts each document states are written beside the corpus as ``expected.json`` in the facts-contract
shape (tests/gold/SCHEMA.md), so ``tests/gold/score_facts.py``'s ``score`` measures recovery.

Deterministic: the same ``--docs`` and ``--seed`` give the same bytes.

    .venv/bin/python benchmarks/synth.py OUT_DIR --docs 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

MARKETS = [
    "Hard Carbon Anode", "Soft Carbon Anode", "Natural Graphite Anode", "Synthetic Graphite Anode",
    "Silicon Anode", "Silicon-Carbon Composite Anode", "Lithium Titanate Anode", "Needle Coke",
    "Spherical Graphite", "Anode Active Material", "Prebaked Carbon Anode", "Silicon Oxide Anode Material",
]
PUBLISHERS = ["Northfield Research Group", "Harbourline Intelligence", "Meridian Market Insights",
              "Bluestone Analytics", "Qualis Reports"]
REGIONS = ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East and Africa"]
COUNTRY_NAMES = {"CN": "China", "JP": "Japan", "KR": "South Korea", "US": "United States", "DE": "Germany",
                 "AU": "Australia", "CA": "Canada", "FR": "France", "GB": "United Kingdom", "IN": "India",
                 "SE": "Sweden", "NO": "Norway", "BE": "Belgium", "TW": "Taiwan"}
TYPES = ["Spherical Graphite", "Flake Graphite", "Amorphous Graphite", "Resin-Based", "Biomass-Based",
         "Pitch-Based", "Silicon Nanowire", "Silicon Oxide"]
APPLICATIONS = ["Electric Vehicles", "Consumer Electronics", "Energy Storage Systems", "Power Tools",
                "Industrial Equipment"]
DRIVERS = ["EV battery demand", "Localisation of supply chains", "Falling cell costs",
           "Grid storage deployment", "Fast-charging requirements", "Government subsidies for clean energy"]
CHALLENGES = ["Purification emissions", "Raw material price volatility", "Export controls on graphite",
              "High capital intensity", "Qualification cycles with cell makers"]
INVENTED = ["Aldervale Carbon", "Brightmoor Materials", "Castellan Anode Technologies", "Dunmore Graphite",
            "Everhollow Energy Materials", "Fairmont Silicon", "Glenrock Advanced Carbon", "Hollins Battery Materials",
            "Ironbridge Nanomaterials", "Juniper Coke Industries", "Kestrel Electrode", "Larchfield Minerals"]
INVENTED_COUNTRY = ["US", "DE", "CA", "JP", "KR", "CN", "FR", "SE", "IN", "AU", "GB", "NO"]


@dataclass
class Company:
    name: str
    spellings: list[str]
    country: str | None


def registry_companies() -> list[Company]:
    """Registry companies with a country we can name, each with its alias spellings."""
    out = []
    path = ROOT / "data" / "reference" / "companies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country"] not in COUNTRY_NAMES:
                continue
            aliases = [a for a in row["aliases"].split("|") if a and len(a) > 3]
            out.append(Company(row["name"], [row["name"], *aliases[:3]], row["country"]))
    return out


@dataclass
class Doc:
    source: str
    text: str
    facts: dict[str, Any] = field(default_factory=dict)


def money(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


def make_doc(i: int, rng: random.Random, companies: list[Company]) -> Doc:
    market = MARKETS[i % len(MARKETS)]
    fmt = ("md", "html", "txt")[i % 3]
    start = rng.choice([2024, 2025])
    end = start + rng.choice([5, 6, 7, 8])
    base = start - 1
    publisher = rng.choice(PUBLISHERS)
    published = f"{start}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    size0 = money(rng, 200, 9000)
    cagr = round(rng.uniform(3, 25), 1)
    size1 = round(size0 * (1 + cagr / 100) ** (end - base), 2)
    regions = rng.sample(REGIONS, 3)
    share_region, growth_region = regions[0], regions[1]
    share = rng.randint(30, 75)
    reg_cagr = round(rng.uniform(3, 25), 1)
    types = rng.sample(TYPES, 3)
    apps = rng.sample(APPLICATIONS, 3)
    drivers = rng.sample(DRIVERS, 2)
    challenges = rng.sample(CHALLENGES, 1)
    picked = rng.sample(companies, 3) + [Company(n, [n], c) for n, c in
                                         rng.sample(list(zip(INVENTED, INVENTED_COUNTRY, strict=True)), 1)]
    players = [(c, rng.choice(c.spellings)) for c in picked]
    title = f"{market} Market – Forecast {start}-{end}"
    source = f"{i:05d}_{market.lower().replace(' ', '-')}.{fmt}"

    summary = (f"The {market.lower()} market stood at USD {size0:,.2f} million in {base} and is expected to "
               f"climb to USD {size1:,.2f} million by {end}, a CAGR of {cagr}% over {start}-{end}.")
    outlook = [
        (share_region, f"demand is concentrated here; {share_region} held a {share}% share of the market in "
                       f"{base}."),
        (growth_region, f"new plants mean the {growth_region} market is expected to grow at a CAGR of {reg_cagr}% "
                        f"during {start}-{end}."),
        (regions[2], "cell plants create local demand."),
    ]
    blocks: list[tuple[str, Any]] = [
        ("h1", title),
        ("meta", f"Publisher: {publisher} · Published {published}"),
        ("h2", "Executive Summary"), ("p", summary),
        ("h2", "Key Figures"),
        ("table", [("Metric", "Value"), (f"Market size {base}", f"USD {size0:,.2f} million"),
                   (f"Market size {end}", f"USD {size1:,.2f} million"), (f"CAGR {start}-{end}", f"{cagr}%")]),
        ("h2", "Regional Outlook"), ("ul", [f"**{r}**: {t}" for r, t in outlook]),
        ("h2", "Market Segmentation"),
        ("p", f"**By Type:** {', '.join(types)}"), ("p", f"**By Application:** {', '.join(apps)}"),
        ("h2", "Drivers"), ("ol", [f"**{d}** – Analysts expect this to lift demand through {end}." for d in drivers]),
        ("h2", "Challenges"), ("ol", [f"**{c}** – Producers say this weighs on margins." for c in challenges]),
        ("h2", "Key Players"),
        ("table", [("Company", "Headquarters"), *((s, COUNTRY_NAMES[c.country or "US"]) for c, s in players)]),
    ]
    text = RENDER[fmt](blocks)
    facts = {
        "source": source, "title": title, "publisher": publisher, "published": published, "market": market,
        "forecast_period": [start, end],
        "market_sizes": [
            {"scope": "Global", "segment": None, "year": base, "value_usd_million": size0, "status": "actual",
             "evidence": ""},
            {"scope": "Global", "segment": None, "year": end, "value_usd_million": size1, "status": "forecast",
             "evidence": ""},
        ],
        "growth_rates": [
            {"scope": "Global", "segment": None, "cagr_percent": cagr, "start_year": start, "end_year": end,
             "evidence": ""},
            {"scope": growth_region, "segment": None, "cagr_percent": reg_cagr, "start_year": start,
             "end_year": end, "evidence": ""},
        ],
        "shares": [{"holder": share_region, "holder_kind": "region", "share_percent": float(share),
                    "of": "share of the market", "year": base, "evidence": ""}],
        "companies": [{"name": c.name, "mentions": [s], "country": c.country} for c, s in players],
        "regions": [r for r, _ in outlook],
        "segments": {"type": types, "application": apps, "end_user": []},
        "dynamics": {"drivers": drivers, "restraints": [], "opportunities": [], "challenges": challenges,
                     "trends": []},
    }
    return Doc(source, text, facts)


def _md(blocks: list[tuple[str, Any]]) -> str:
    out = []
    for kind, value in blocks:
        if kind == "h1":
            out.append(f"# {value}")
        elif kind == "h2":
            out.append(f"## {value}")
        elif kind == "meta":
            out.append(f"*{value}*")
        elif kind == "p":
            out.append(value)
        elif kind == "ul":
            out.append("\n".join(f"- {v}" for v in value))
        elif kind == "ol":
            out.append("\n".join(f"{n}. {v}" for n, v in enumerate(value, 1)))
        elif kind == "table":
            head, *rows = value
            lines = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
            lines += [f"| {' | '.join(r)} |" for r in rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _inline_html(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    parts = text.split("**")
    return "".join(f"<strong>{p}</strong>" if n % 2 else p for n, p in enumerate(parts))


def _html(blocks: list[tuple[str, Any]]) -> str:
    out = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"]
    for kind, value in blocks:
        if kind == "h1":
            out.append(f"<h1>{_inline_html(value)}</h1>")
        elif kind == "h2":
            out.append(f"<h2>{_inline_html(value)}</h2>")
        elif kind in ("meta", "p"):
            out.append(f"<p>{_inline_html(value)}</p>")
        elif kind in ("ul", "ol"):
            out.append(f"<{kind}>" + "".join(f"<li>{_inline_html(v)}</li>" for v in value) + f"</{kind}>")
        elif kind == "table":
            head, *rows = value
            cells = "".join(f"<th>{_inline_html(h)}</th>" for h in head)
            body = "".join("<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in r) + "</tr>" for r in rows)
            out.append(f"<table><tr>{cells}</tr>{body}</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _txt(blocks: list[tuple[str, Any]]) -> str:
    """Plain-text reports: upper-case headings, "Drivers:" over "1) Title - why", "By Type:" over "- item"."""
    out = []
    for n, (kind, value) in enumerate(blocks):
        nxt = blocks[n + 1][0] if n + 1 < len(blocks) else ""
        if kind == "h2" and nxt == "ol":
            continue  # written with its list
        if kind in ("h1", "h2"):
            out.append(value.upper() if kind == "h2" else value)
        elif kind == "meta":
            out.append(value)
        elif kind == "p" and value.startswith("**By "):
            label, _, items = value.removeprefix("**").partition(":** ")
            out.append(f"{label}:\n" + "\n".join(f"- {item}" for item in items.split(", ")))
        elif kind == "p":
            out.append(value.replace("**", ""))
        elif kind == "ul":
            out.append("\n".join(f"- {v.replace('**', '')}" for v in value))
        elif kind == "ol":
            items = [v.removeprefix("**").replace("** – ", " - ") for v in value]
            out.append(f"{blocks[n - 1][1]}:\n" + "\n".join(f"{i}) {v}" for i, v in enumerate(items, 1)))
        elif kind == "table" and value[0][0] == "Company":
            out.append("\n".join(f"- {name} ({country})" for name, country in value[1:]))
        elif kind == "table":
            out.append("\n".join(f"{metric}: {figure}" for metric, figure in value[1:]))
    return "\n\n".join(out) + "\n"


RENDER = {"md": _md, "html": _html, "txt": _txt}


def generate(out_dir: Path, docs: int, seed: int = 7) -> dict[str, Any]:
    """Write ``docs`` documents into ``out_dir/corpus`` and their facts into ``out_dir/expected.json``."""
    rng = random.Random(seed)
    companies = registry_companies()
    corpus = out_dir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    expected = []
    for i in range(docs):
        doc = make_doc(i, rng, companies)
        (corpus / doc.source).write_text(doc.text, encoding="utf-8")
        expected.append(doc.facts)
    gold = {"documents": expected, "companies": []}
    (out_dir / "expected.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.out, args.docs, args.seed)
    print(f"wrote {args.docs} documents to {args.out / 'corpus'} and {args.out / 'expected.json'}")


if __name__ == "__main__":
    main()
