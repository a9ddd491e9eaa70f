"""A real `productcodes serve` on 127.0.0.1 (a free port) over a small registry, for API and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "productcodes"]
MAINTAINER = ("anna", "geheim-wachtwoord-1")
VIEWER = ("victor", "alleen-lezen-42")
TODAY = date(2026, 6, 1)
PROPOSALS = 12


@dataclass
class Server:
    url: str
    db_url: str
    process: subprocess.Popen

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill_registry(db_url: str) -> None:
    """The registry of tests/registry (two gemeenten) plus municipal codes with open proposals, and users."""
    from productcodes.db import make_engine, session_scope
    from productcodes.migrate import upgrade
    from productcodes.protocol import Registry
    from productcodes.records import MunicipalProductRow
    from productcodes.web.auth import add_user
    from tests.registry.conftest import small_registry

    engine = make_engine(db_url)
    try:
        upgrade(engine)
        small_registry(engine)
        with session_scope(engine) as session:
            reg = Registry(session, door="test", today=TODAY)
            reg.add_municipal(
                [
                    MunicipalProductRow(
                        "7002",
                        "45",
                        f"P{n:03d}",
                        f"Begeleiding variant {n}",
                        "inspanningsgericht",
                        "04",
                        date(2024, 1, 1),
                    )
                    for n in range(1, PROPOSALS + 1)
                ]
            )
            for n in range(1, PROPOSALS + 1):
                reg.map(
                    "7002",
                    "45",
                    f"P{n:03d}",
                    "45N01",
                    effective=date(2026, 7, 1),
                    confidence=0.5 + n / 100,
                    toelichting="voorstel van de test",
                )
        add_user(engine, MAINTAINER[0], "maintainer", MAINTAINER[1])
        add_user(engine, VIEWER[0], "viewer", VIEWER[1])
    finally:
        engine.dispose()


def start(tmp: Path, *extra: str) -> Server:
    """Fill a fresh SQLite registry in `tmp` and start the server; waits until /healthz answers."""
    db_url = f"sqlite:///{tmp / 'registry.sqlite'}"
    fill_registry(db_url)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [*CLI, "--db", db_url, "serve", "--port", str(port), "--pool", "1", *extra],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server ended: {(tmp / 'server.log').read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return Server(url, db_url, process)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start within 90 s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
