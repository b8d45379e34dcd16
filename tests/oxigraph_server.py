"""A real ``oxigraph serve`` for the remote-store tests: started on a free 127.0.0.1 port, stopped after.

Servers are pooled for the session (starting one per test would cost ~0.3 s each); a server handed out
again is emptied first with ``DROP ALL``, so every store the tests open starts empty and independent.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

VENV_BIN = Path(sys.executable).parent


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` CLI beside this interpreter (pip install oxigraph), else on PATH."""
    local = VENV_BIN / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def require_binary() -> str:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is missing: .venv/bin/pip install oxigraph")
    return binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OxigraphServer:
    """One ``oxigraph serve --location DIR --union-default-graph`` process."""

    def __init__(self, binary: str, *, union: bool = True) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [binary, "serve", "--location", str(self.dir / "db"), "--bind", f"127.0.0.1:{self.port}"]
        if union:
            cmd.append("--union-default-graph")
        self.log = (self.dir / "server.log").open("wb")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_ready()

    def _wait_ready(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(f"{self.url}/query", data=b"ASK {}", method="POST",
                                         headers={"Content-Type": "application/sparql-query"})
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {(self.dir / 'server.log').read_text()}")
            try:
                with urllib.request.urlopen(request, timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.url} within {timeout} s")

    def clear(self) -> None:
        request = urllib.request.Request(f"{self.url}/update", data=b"DROP ALL", method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=30):
            pass

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class ServerPool:
    """Hands out emptied servers; ``release_all`` makes every server available again."""

    def __init__(self) -> None:
        self.free: list[OxigraphServer] = []
        self.busy: list[OxigraphServer] = []

    def acquire(self) -> OxigraphServer:
        if self.free:
            server = self.free.pop()
            server.clear()
        else:
            server = OxigraphServer(require_binary())
        self.busy.append(server)
        return server

    def release_all(self) -> None:
        self.free.extend(self.busy)
        self.busy.clear()

    def stop(self) -> None:
        for server in self.free + self.busy:
            server.stop()
