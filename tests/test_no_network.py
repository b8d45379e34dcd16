"""No network at build, query, map, analyze, validate or export time.

Every command runs as a subprocess with a ``sitecustomize.py`` on PYTHONPATH that replaces
``socket.connect``/``connect_ex``, ``getaddrinfo``, ``gethostbyname`` and ``create_connection`` with a
function that records the attempt and raises (local AF_UNIX sockets, which multiprocessing uses, stay
allowed). Where ``unshare -n`` works the commands also run in a network namespace with no interface.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
KG = str(Path(sys.executable).with_name("kg"))

SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["KG_NET_LOG"]


def _blocked(what):
    def refuse(*args, **kwargs):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {what} {args[1:] if what.startswith('socket.') else args!r}\\n")
        raise OSError(101, f"network access blocked by the test: {what}")
    return refuse


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    return _blocked("socket.connect")(self, address)


def connect_ex(self, address):
    if self.family == socket.AF_UNIX:
        return _connect_ex(self, address)
    return _blocked("socket.connect_ex")(self, address)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = _blocked("getaddrinfo")
socket.gethostbyname = _blocked("gethostbyname")
socket.gethostbyname_ex = _blocked("gethostbyname_ex")
socket.create_connection = _blocked("create_connection")
'''


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode == 0


class Sandbox:
    """Runs ``kg`` with networking blocked and collects every attempt to connect."""

    def __init__(self, root: Path) -> None:
        self.site = root / "site"
        self.site.mkdir()
        (self.site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.log = root / "net.log"
        self.log.touch()
        self.prefix = ["unshare", "-n"] if _unshare_works() else []
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(self.site), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
            "KG_NET_LOG": str(self.log),
            "KG_STORE": f"oxigraph:{root / 'store'}",
            "NO_COLOR": "1",
        }

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.prefix, *args], capture_output=True, text=True, env=self.env,
                              cwd=self.site.parent, timeout=600, check=False)

    def kg(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(KG, *args)

    def attempts(self) -> list[str]:
        return self.log.read_text("utf-8").splitlines()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    box = Sandbox(tmp_path_factory.mktemp("nonet"))
    proc = box.kg("build", str(CORPUS), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    return box


def test_the_blocker_blocks(sandbox: Sandbox, tmp_path: Path) -> None:
    """Without this the other tests would prove nothing."""
    code = "import urllib.request; urllib.request.urlopen('http://example.com', timeout=5)"
    proc = sandbox.run(sys.executable, "-c", code)
    assert proc.returncode != 0
    assert any("getaddrinfo" in line or "connect" in line for line in sandbox.attempts())
    sandbox.log.write_text("", encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("build", "--jobs", "1", str(CORPUS / "000_7cf7d8ff4e6b6c85.txt")),
        ("facts",),
        ("query", "--list"),
        ("query", "companies-in-several-markets", "--format", "json"),
        ("query", "company-profile", "--param", "company=Shanshan"),
        ("query", "evidence-trail", "--format", "csv"),
        ("export", "--format", "ttl", "-o", "out.ttl"),
        ("export", "--format", "jsonld", "-o", "out.jsonld"),
        ("map", "-o", "map.html"),
        ("map", "--view", "value-chain", "-o", "chain.html"),
        ("analyze", "--format", "json", "--out", "graphs"),
        ("validate",),
        ("text", str(CORPUS / "001_c6a839b301780e25.txt")),
    ],
    ids=lambda a: "-".join(a[:2]) if len(a) > 1 and not a[1].startswith(("-", "/")) else a[0],
)
def test_command_needs_no_network(sandbox: Sandbox, args: tuple[str, ...]) -> None:
    before = len(sandbox.attempts())
    proc = sandbox.kg(*args)
    assert proc.returncode == 0, proc.stderr
    assert sandbox.attempts()[before:] == []


def test_the_map_page_loads_nothing_from_the_network(sandbox: Sandbox) -> None:
    """The written page names no remote script, style or image (it must open offline)."""
    page = sandbox.site.parent / "map.html"
    if not page.exists():
        assert sandbox.kg("map", "-o", "map.html").returncode == 0
    html = page.read_text("utf-8")
    remote = r"""(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|@import\s+(?:url\()?["']?)(?:https?:)?//"""
    assert re.findall(remote, html, re.IGNORECASE) == []
