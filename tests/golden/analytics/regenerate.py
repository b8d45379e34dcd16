"""Regenerate the ``kg analyze`` goldens from the corpus.  Run by hand, never by the tests:

    .venv/bin/python tests/golden/analytics/regenerate.py

It builds data/corpus into an in-memory Oxigraph store with ``kg.build.build`` (as the tests do), runs
``kg.analytics.analyze`` and writes ``corpus.json`` (the ``--format json`` document) and ``corpus.txt``
(the table). Review the diff by eye against the reports before committing: every audit number must be
recomputable from the quoted figures (e.g. 782.4 -> 2,860 over 2024-2032 implies 17.59 %).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from kg.analytics import analyze, render_table  # noqa: E402
from kg.build import build  # noqa: E402
from kg.store import open_store  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = ROOT / "data" / "corpus"


def corpus_result() -> dict[str, object]:
    """The analysis of the corpus, exactly as tests/test_analytics.py computes it."""
    store = open_store("oxigraph:")
    build(store, [CORPUS], jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        return analyze(store, out=Path(tmp))


def main() -> None:
    result = corpus_result()
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    (HERE / "corpus.json").write_text(text, encoding="utf-8")
    (HERE / "corpus.txt").write_text(render_table(result), encoding="utf-8")
    print(f"wrote {HERE / 'corpus.json'} and {HERE / 'corpus.txt'}")


if __name__ == "__main__":
    main()
