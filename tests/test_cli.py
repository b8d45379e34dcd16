"""The CLI in process (typer's runner): commands, exit codes and error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def store_spec(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('cli') / 'store'}"
    result = runner.invoke(app, ["--store", spec, "build", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "built 5 document(s)" in result.output
    return spec


def test_help_of_every_command_has_an_example() -> None:
    for command in ("build", "facts", "export", "validate", "text", "query"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, command


def test_facts_json_has_the_contract_shape(store_spec: str) -> None:
    result = runner.invoke(app, ["--store", store_spec, "facts", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert sorted(d["source"] for d in doc["documents"]) == sorted(p.name for p in CORPUS.iterdir())
    first = doc["documents"][0]
    for key in ("title", "publisher", "published", "market", "forecast_period", "market_sizes", "growth_rates",
                "shares", "companies", "regions", "segments", "dynamics"):
        assert key in first
    assert {c["name"] for c in doc["companies"]}


def test_store_from_environment(store_spec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", store_spec)
    result = runner.invoke(app, ["facts"])
    assert result.exit_code == 0
    assert json.loads(result.output)["documents"]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_export_every_format_to_a_file(store_spec: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["--store", store_spec, "export", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000


def test_export_unknown_format_is_a_clear_error(store_spec: str) -> None:
    result = runner.invoke(app, ["--store", store_spec, "export", "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.output


def test_validate_exit_code_zero_on_the_corpus(store_spec: str) -> None:
    result = runner.invoke(app, ["--store", store_spec, "validate"])
    assert result.exit_code == 0, result.output


def test_text_prints_the_rendition(store_spec: str) -> None:
    path = CORPUS / "000_7cf7d8ff4e6b6c85.txt"
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 0
    assert "Hard Carbon Anode Market" in result.output
    assert "<p>" not in result.output


def test_build_reports_missing_path_and_exits_1(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    result = runner.invoke(app, ["--store", spec, "build", str(CORPUS / "000_7cf7d8ff4e6b6c85.txt"),
                                 str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.output
    assert "built 1 document(s)" in result.output


def test_bad_store_spec_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--store", "nonsense:xyz", "facts"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
