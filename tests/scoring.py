"""The project's copy of the shared scorer, importable from tests (tests/gold/score_facts.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).parent / "gold"
_spec = importlib.util.spec_from_file_location("score_facts", GOLD_DIR / "score_facts.py")
assert _spec and _spec.loader
score_facts: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_facts)


def f1_by_kind(gold: dict, predicted: dict) -> tuple[dict[str, float], int, str]:
    """F1 per fact kind, the number of duplicate rows, and the scorer's printed lines (for messages)."""
    tallies, duplicates = score_facts.score(gold, predicted, None)
    kinds = ["documents", "market_sizes", "growth_rates", "shares", "companies", "countries", "linkage",
             "regions", "segments", "dynamics"]
    lines = "\n".join(tallies[k].line(k) + "\n" + "\n".join(tallies[k].misses) for k in kinds)
    return {k: tallies[k].f1() for k in kinds}, duplicates, lines


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
