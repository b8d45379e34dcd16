"""Shared fixtures. Store fixtures: every contract test runs once per backend in ``STORE_BACKENDS``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.store import Store, open_store

#: backend id -> store spec; "{tmp}" is replaced by a fresh directory. A remote backend is added here later.
STORE_BACKENDS: dict[str, str] = {
    "memory": "memory",
    "oxigraph-mem": "oxigraph",
    "oxigraph-disk": "oxigraph:{tmp}/store",
}


@pytest.fixture(params=sorted(STORE_BACKENDS))
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens fresh stores of one backend (each on-disk store in its own directory); closes them after."""
    opened: list[Store] = []
    counter = iter(range(1_000_000))

    def make() -> Store:
        spec = STORE_BACKENDS[request.param].replace("{tmp}", str(tmp_path / f"s{next(counter)}"))
        store = open_store(spec)
        opened.append(store)
        return store

    make.backend = request.param  # type: ignore[attr-defined]
    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory: Callable[[], Store]) -> Store:
    """One fresh, empty store per test, for every backend."""
    return store_factory()
