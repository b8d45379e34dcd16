"""Every namespace the project uses, in one place.

Modules import the rdflib ``Namespace`` objects from here; exports, stored queries and the SHACL file use
``PREFIXES`` (or the ``sparql_prefixes()`` block built from it) so a prefix means the same IRI everywhere.
The ontology lives under ``.../ontology#``, instance data under ``.../id/``, named graphs under
``.../graph/``, SHACL shapes under ``.../shapes#``.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, TIME, XSD

BASE = "https://w3id.org/anode-kg/"

AKG = Namespace(BASE + "ontology#")
"""The project's ontology (classes and properties, declared in ontology/anode.ttl)."""
ID = Namespace(BASE + "id/")
"""Instance data: every node the mapping mints lives here (see kg.rdf.iris)."""
GRAPH = Namespace(BASE + "graph/")
"""Named graphs: one per document (graph/doc/<slug>), plus graph/corpus (kg.rdf.corpus) and graph/audit
(kg.analytics.audit)."""

OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_CODE = Namespace("http://purl.org/linked-data/sdmx/2009/code#")
SDMX_CONCEPT = Namespace("http://purl.org/linked-data/sdmx/2009/concept#")
SCHEMA = Namespace("https://schema.org/")  # https form, as rdflib's SDO and EMMO use
UNIT = Namespace("http://qudt.org/vocab/unit/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
LCC_M49 = Namespace("https://www.omg.org/spec/LCC/Countries/UN-M49-RegionCodes/")
LCC_3166_1 = Namespace("https://www.omg.org/spec/LCC/Countries/ISO3166-1-CountryCodes/")
CHEMS = Namespace("https://w3id.org/emmo/domain/chemical-substance#")
ECHEM = Namespace("https://w3id.org/emmo/domain/electrochemistry#")
BATTERY = Namespace("https://w3id.org/emmo/domain/battery#")

PREFIXES: dict[str, str] = {
    "akg": str(AKG),
    "akgsh": BASE + "shapes#",
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "oa": str(OA),
    "qb": str(QB),
    "sdmx-dimension": str(SDMX_DIMENSION),
    "sdmx-measure": str(SDMX_MEASURE),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "sdmx-code": str(SDMX_CODE),
    "sdmx-concept": str(SDMX_CONCEPT),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "unit": str(UNIT),
    "time": str(TIME),
    "sh": str(SH),
    "wd": str(WD),
    "lcc-m49": str(LCC_M49),
    "lcc-3166-1": str(LCC_3166_1),
    "chems": str(CHEMS),
    "echem": str(ECHEM),
    "battery": str(BATTERY),
}

__all__ = [
    "AKG", "BASE", "BATTERY", "CHEMS", "DCTERMS", "ECHEM", "GRAPH", "ID", "LCC_3166_1", "LCC_M49", "OA",
    "ORG", "OWL", "PREFIXES", "PROV", "QB", "RDF", "RDFS", "SCHEMA", "SDMX_ATTRIBUTE", "SDMX_CODE",
    "SDMX_CONCEPT", "SDMX_DIMENSION", "SDMX_MEASURE", "SH", "SKOS", "TIME", "UNIT", "WD", "XSD",
    "bind_prefixes", "sparql_prefixes",
]


def sparql_prefixes(*names: str) -> str:
    """A SPARQL PREFIX block for the given prefixes (all of them when none are named)."""
    chosen = names or tuple(PREFIXES)
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in chosen)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every project prefix on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
