"""Generate ontology/vocab/regions.ttl from data/reference/regions.csv (one source of truth for places).

Run ``python -m kg.rdf.vocab_regions`` after editing the CSV; tests/test_ontology.py fails when the
two disagree. Every row becomes ``geo/<key>`` (the IRI the mapping mints for a scope or region key), typed
akg:Country or akg:Region, with its name as prefLabel, aliases as altLabel, adjectives as hiddenLabel
(findable, never displayed), ``skos:broader``/``skos:closeMatch`` between our own concepts, and
``skos:notation`` for the ISO 3166-1 alpha-2 code (plain, the join key with akg:headquartersCountry)
and for the UN M49 code (typed akg:UNM49Code). Mappings to OMG LCC / GeoNames / Wikidata IRIs are added
only for the IRIs verified in shared/ontology-example/NOTES.md; a report region with no M49 code keeps
its closeMatch links to our own concepts instead (report schemes differ, so they are mapped, not merged).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from kg.rdf.iris import PROJECT_ROOT

CSV_PATH = PROJECT_ROOT / "data" / "reference" / "regions.csv"
TTL_PATH = PROJECT_ROOT / "ontology" / "vocab" / "regions.ttl"

LCC_M49 = "https://www.omg.org/spec/LCC/Countries/UN-M49-RegionCodes/"
LCC_3166 = "https://www.omg.org/spec/LCC/Countries/ISO3166-1-CountryCodes/"
# M49 code -> LCC local name, as verified in NOTES.md (LCC has no individual for 003 North America).
M49_LCC = {
    "001": "World", "002": "Africa", "009": "Oceania", "019": "Americas", "021": "NorthernAmerica",
    "419": "LatinAmericaAndTheCaribbean", "005": "SouthAmerica", "013": "CentralAmerica", "029": "Caribbean",
    "142": "Asia", "030": "EasternAsia", "035": "South-easternAsia", "034": "SouthernAsia",
    "145": "WesternAsia", "150": "Europe", "053": "AustraliaAndNewZealand",
}
ISO_LCC = {
    "JP": "Japan", "CN": "China", "US": "UnitedStatesOfAmerica", "CA": "Canada", "MX": "Mexico",
    "NL": "Netherlands", "KR": "KoreaRepublicOf", "DE": "Germany",
}
ISO_GEONAMES = {"JP": "1861060", "CN": "1814991", "US": "6252001", "DE": "2921044", "GB": "2635167",
                "AU": "2077456", "NL": "2750405"}
ISO_WIKIDATA = {"JP": "Q17"}

HEADER = """\
# regions.ttl -- GENERATED from data/reference/regions.csv by `python -m kg.rdf.vocab_regions`; do not edit.
# Geographic scopes as market reports name them: the world, report regions (APAC, EMEA, Rest of the
# World...), UN M49 regions and ISO 3166-1 countries, each its own skos:Concept, mapped rather than merged.

@prefix akg:  <https://w3id.org/anode-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo:  <https://w3id.org/anode-kg/id/geo/> .

<https://w3id.org/anode-kg/id/scheme/geo> a skos:ConceptScheme ;
    rdfs:label "Geographic scopes"@en ; skos:prefLabel "Geographic scopes"@en ;
    skos:hasTopConcept geo:global .
"""


def _lit(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@en'


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def regions_turtle(csv_path: Path = CSV_PATH) -> str:
    """The Turtle text for the regions scheme, deterministic for a given CSV."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = [HEADER]
    for row in rows:
        key, name, kind = row["key"].strip(), row["name"].strip(), row["kind"].strip()
        iso2, m49 = row.get("iso2", "").strip().upper(), row.get("m49", "").strip()
        lines = [f"geo:{key} a {'akg:Country' if kind == 'country' else 'akg:Region'} , skos:Concept"]
        lines.append("skos:inScheme <https://w3id.org/anode-kg/id/scheme/geo>")
        if kind == "global":
            lines.append("skos:topConceptOf <https://w3id.org/anode-kg/id/scheme/geo>")
        lines.append(f"rdfs:label {_lit(name)}")
        lines.append(f"skos:prefLabel {_lit(name)}")
        aliases = sorted({a for a in _split(row.get("aliases", "")) if a != name})
        if aliases:
            lines.append("skos:altLabel " + " , ".join(_lit(a) for a in aliases))
        adjectives = sorted(set(_split(row.get("adjectives", ""))) - set(aliases) - {name})
        if adjectives:
            lines.append("skos:hiddenLabel " + " , ".join(_lit(a) for a in adjectives))
        notations = []
        if iso2:
            notations.append(f'"{iso2}"')
        if m49:
            notations.append(f'"{m49}"^^akg:UNM49Code')
        if notations:
            lines.append("skos:notation " + " , ".join(notations))
        if row.get("broader", "").strip():
            lines.append(f"skos:broader geo:{row['broader'].strip()}")
        close = _split(row.get("close_match", ""))
        if close:
            lines.append("skos:closeMatch " + " , ".join(f"geo:{c}" for c in close))
        exact = []
        if m49 in M49_LCC:
            exact.append(f"<{LCC_M49}{M49_LCC[m49]}>")
        if iso2 in ISO_LCC:
            exact.append(f"<{LCC_3166}{ISO_LCC[iso2]}>")
        if iso2 in ISO_GEONAMES:
            exact.append(f"<https://sws.geonames.org/{ISO_GEONAMES[iso2]}/>")
        if iso2 in ISO_WIKIDATA:
            exact.append(f"<http://www.wikidata.org/entity/{ISO_WIKIDATA[iso2]}>")
        if exact:
            lines.append("skos:exactMatch " + " , ".join(exact))
        out.append("\n" + " ;\n    ".join(lines) + " .\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write ontology/vocab/regions.ttl (or the path given) from the CSV."""
    target = Path(argv[0]) if argv else TTL_PATH
    target.write_text(regions_turtle(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
