"""Shared fixtures. Store fixtures: every contract test runs once per backend in ``STORE_BACKENDS``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.store import Store, open_store
from tests.oxigraph_server import OxigraphServer, ServerPool, require_binary

#: backend id -> store spec; "{tmp}" is replaced by a fresh directory, "{server}" by the URL of an empty
#: ``oxigraph serve`` (tests/oxigraph_server.py) and the test is marked ``server``.
STORE_BACKENDS: dict[str, str] = {
    "memory": "memory",
    "oxigraph-mem": "oxigraph",
    "oxigraph-disk": "oxigraph:{tmp}/store",
    "oxigraph-server": "{server}",
}


@pytest.fixture(scope="session")
def oxigraph_servers() -> Iterator[ServerPool]:
    """Oxigraph servers shared by the session; each is emptied before it is handed out again."""
    pool = ServerPool()
    yield pool
    pool.stop()


@pytest.fixture
def oxigraph_server(oxigraph_servers: ServerPool) -> Iterator[OxigraphServer]:
    """One empty ``oxigraph serve --union-default-graph`` for a test."""
    yield oxigraph_servers.acquire()
    oxigraph_servers.release_all()


@pytest.fixture(params=[pytest.param(b, marks=pytest.mark.server) if "{server}" in STORE_BACKENDS[b] else b
                        for b in sorted(STORE_BACKENDS)])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens fresh stores of one backend (each on-disk store in its own directory); closes them after."""
    opened: list[Store] = []
    counter = iter(range(1_000_000))
    spec_template = STORE_BACKENDS[request.param]
    pool: ServerPool | None = None
    if "{server}" in spec_template:
        require_binary()
        pool = request.getfixturevalue("oxigraph_servers")

    def make() -> Store:
        spec = spec_template.replace("{tmp}", str(tmp_path / f"s{next(counter)}"))
        if pool is not None:
            spec = spec.replace("{server}", pool.acquire().url)
        store = open_store(spec)
        opened.append(store)
        return store

    make.backend = request.param  # type: ignore[attr-defined]
    yield make
    for store in opened:
        store.close()
    if pool is not None:
        pool.release_all()


@pytest.fixture
def store(store_factory: Callable[[], Store]) -> Store:
    """One fresh, empty store per test, for every backend."""
    return store_factory()
