"""Locating the reference data (kg/reference.py): the source tree by default, ANODE_KG_REFERENCE over it,
and a clear error naming the folder when it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.reference import ENV_VAR, REFERENCE_DIR, SOURCE_TREE_DIR, ReferenceDataError, locate, reference_file

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
from kg.rdf.iris import config_hash
from kg.reference import REFERENCE_DIR
from kg.resolve import resolve
r = resolve("Zyxwvut Anode Materials")
print(REFERENCE_DIR, r.key, r.method, r.country, config_hash(), sep="\\n")
"""


def _python(code: str, reference: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if reference is not None:
        env[ENV_VAR] = str(reference)
    return subprocess.run([sys.executable, *(["-c", code] if code else []), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_default_is_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert locate() == SOURCE_TREE_DIR == ROOT / "data" / "reference"
    monkeypatch.setenv(ENV_VAR, "  ")  # set but blank: the default, not the current directory
    assert locate() == SOURCE_TREE_DIR
    assert reference_file(SOURCE_TREE_DIR / "companies.csv").is_file()


def test_env_var_overrides_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "ref"))
    assert locate() == tmp_path / "ref"


def test_env_var_reaches_the_resolver_and_the_config_hash(tmp_path: Path) -> None:
    """A copy of the reference data with one more registry company: kg run with ANODE_KG_REFERENCE on it
    resolves that company from the registry and hashes a different configuration."""
    copy = tmp_path / "reference"
    shutil.copytree(SOURCE_TREE_DIR, copy)
    with (copy / "companies.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("zyxwvut,Zyxwvut Anode Materials,NO,,,invented for a test\n")
    default = _python(PROBE, None)
    override = _python(PROBE, copy)
    assert default.returncode == 0 and override.returncode == 0, default.stderr + override.stderr
    d_dir, d_key, d_method, _, d_hash = default.stdout.split("\n")[:5]
    o_dir, o_key, o_method, o_country, o_hash = override.stdout.split("\n")[:5]
    assert Path(d_dir) == SOURCE_TREE_DIR and d_method == "new"
    assert Path(o_dir) == copy and (o_key, o_method, o_country) == ("zyxwvut", "registry-exact", "NO")
    assert o_hash != d_hash


def test_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(ReferenceDataError, match=f"folder {missing} not found"):
        reference_file(missing / "companies.csv")
    with pytest.raises(ReferenceDataError, match="file .*no-such-list.txt not found"):
        reference_file(REFERENCE_DIR / "no-such-list.txt")


def test_missing_default_folder_says_how_to_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kg import reference

    monkeypatch.setattr(reference, "SOURCE_TREE_DIR", tmp_path / "data" / "reference")
    with pytest.raises(ReferenceDataError) as err:
        reference_file(tmp_path / "data" / "reference" / "regions.csv")
    assert str(tmp_path / "data" / "reference") in str(err.value) and ENV_VAR in str(err.value)


def test_cli_reports_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text("Widget Anode Market\n\nWidget anode sales reached USD 1 billion in 2023.\n", encoding="utf-8")
    missing = tmp_path / "nowhere"
    result = _python("", missing, "-m", "kg.cli", "--store", "memory", "build", "-q", "-j", "1", str(doc))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"reference data folder {missing} not found (from {ENV_VAR})" in result.stderr
