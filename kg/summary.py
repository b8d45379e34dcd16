"""The few numbers a build prints, and the headline cross-market answer, read from the store."""

from __future__ import annotations

from collections.abc import Iterator

from kg.build import BuildReport
from kg.namespaces import sparql_prefixes
from kg.store.base import SelectResult, Store

COUNTS = sparql_prefixes("akg") + """
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents)
  (COUNT(DISTINCT ?company) AS ?companies)
  (COUNT(DISTINCT ?market) AS ?markets)
  (COUNT(DISTINCT ?obs) AS ?observations)
WHERE {
  { ?doc a akg:ReportDocument } UNION { ?company a akg:Company } UNION { ?market a akg:Market }
  UNION { VALUES ?kind { akg:MarketSizeObservation akg:GrowthRateObservation akg:MarketShareObservation }
          ?obs a ?kind }
}"""


def counts(store: Store) -> dict[str, int]:
    result = store.query(COUNTS)
    assert isinstance(result, SelectResult)
    row = next(result.dicts())
    out = {k: int(str(v)) if v is not None else 0 for k, v in row.items()}
    out["triples"] = len(store)
    return out


def summary_lines(store: Store, report: BuildReport) -> Iterator[str]:
    numbers = counts(store)
    yield (f"built {len(report.built)} document(s), {len(report.unchanged)} unchanged, "
           f"{len(report.rejected)} rejected" + (f", {len(report.pruned)} pruned" if report.pruned else ""))
    yield (f"store: {numbers['documents']} documents, {numbers['triples']} triples, "
           f"{numbers['companies']} companies, {numbers['markets']} markets, "
           f"{numbers['observations']} observations")
    yield from headline(store)


def headline(store: Store) -> Iterator[str]:
    """Companies in several markets: the stored query users run first, printed compactly."""
    from kg.queries import QUERIES_DIR, get_query

    if not (QUERIES_DIR / "companies-in-several-markets.rq").exists():
        return
    stored = get_query("companies-in-several-markets")
    result = store.query(stored.text, stored.bindings({}))
    assert isinstance(result, SelectResult)
    rows = list(result.dicts())
    yield f"companies in several markets: {len({str(r.get('company')) for r in rows})}"
    by_company: dict[str, set[str]] = {}
    for row in rows:
        by_company.setdefault(str(row.get("name")), set()).add(str(row.get("marketName")))
    for name in sorted(by_company):
        yield f"  {name}: {'; '.join(sorted(by_company[name]))}"
