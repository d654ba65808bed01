"""Real PostgreSQL and Chroma servers on loopback, started for tests and benchmarks and stopped after.

    with postgres_server() as url: …        # postgresql://postgres@127.0.0.1:PORT/postgres
    with ChromaServer(path) as chroma: …    # chroma.url; chroma.restart(); chroma.stop()

PostgreSQL runs from Debian's binaries (/usr/lib/postgresql/<version>/bin, or `initdb` on PATH) in
a fresh temporary cluster, trust authentication on 127.0.0.1 only. It refuses to run as root, so as
root the cluster belongs to the `postgres` user and its commands run through `runuser`. Chroma
runs as `chroma run` from the chromadb package in this interpreter's environment.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


class ServerUnavailable(RuntimeError):
    """The server's binaries are not installed here."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin() -> Path:
    """The folder of PostgreSQL's server binaries (initdb, pg_ctl)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise ServerUnavailable("PostgreSQL server binaries not found: apt-get install postgresql (make pg-deps).")
    return versions[-1].parent


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def postgres_server(durable: bool = False) -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free loopback port; yields its URL, removed afterwards.
    Tests run it without fsync (faster, nothing to keep); a benchmark asks for `durable` settings."""
    bin_dir = pg_bin()
    root = Path(tempfile.mkdtemp(prefix="reportqa-pg-"))
    data = root / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(data, "postgres")
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    try:
        subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                     "-E", "UTF8", "--no-sync"]), check=True, **quiet)
        opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
        if not durable:
            opts += " -c fsync=off -c full_page_writes=off"
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                                     str(data / "server.log"), "-w", "start"]), check=True, **quiet)
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           **quiet)
    finally:
        shutil.rmtree(root, ignore_errors=True)


class ChromaServer:
    """`chroma run --path DIR` on a free loopback port; `restart()` keeps the port and the data."""

    def __init__(self, path: Path, port: int | None = None):
        self.path = path
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def _cli(self) -> list[str]:
        exe = Path(sys.executable).parent / "chroma"
        if exe.exists():
            return [str(exe)]
        found = shutil.which("chroma")
        if not found:
            raise ServerUnavailable("The `chroma` command (from the chromadb package) is not installed.")
        return [found]

    def start(self, timeout: float = 60) -> ChromaServer:
        env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
        self.proc = subprocess.Popen(
            [*self._cli(), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}")
            try:
                if httpx.get(self.url + "/api/v2/heartbeat", timeout=1, trust_env=False).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run did not answer at {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> ChromaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
