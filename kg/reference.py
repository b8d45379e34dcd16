"""Where the reference data (company registry, regions, cities, word lists) lives.

The folder ships as ``data/reference`` in the source tree and is not packaged, so by default it is found
next to the ``kg`` package, which holds only for an editable install (``pip install -e .``) or a run from
the checkout. ``ANODE_KG_REFERENCE`` names another folder (a copy elsewhere, or edited reference data).
It is read once, when kg is imported, so every reader and the configuration hash see the same folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError

ENV_VAR = "ANODE_KG_REFERENCE"
SOURCE_TREE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
"""The default: data/reference of the checkout the ``kg`` package was imported from."""


class ReferenceDataError(KgError):
    """The reference data folder, or a file of it, is missing."""


def locate() -> Path:
    """``$ANODE_KG_REFERENCE`` when set (not empty), else the source tree's folder; not checked here, so
    importing kg never fails: a reader checks with :func:`reference_file` when it needs the data."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else SOURCE_TREE_DIR


REFERENCE_DIR = locate()


def reference_file(path: Path) -> Path:
    """``path`` (a file of the reference folder) if it exists, else a ReferenceDataError naming what is
    missing, where the folder was looked for and how to point kg at it."""
    folder = path.parent
    if folder == SOURCE_TREE_DIR:
        origin = f" (looked for next to the kg package: set {ENV_VAR} to the folder, or pip install -e the checkout)"
    elif folder == REFERENCE_DIR:
        origin = f" (from {ENV_VAR})"
    else:
        origin = ""
    if not folder.is_dir():
        raise ReferenceDataError(f"reference data folder {folder} not found{origin}")
    if not path.is_file():
        raise ReferenceDataError(f"reference data file {path} not found{origin}")
    return path
