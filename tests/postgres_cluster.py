# SPDX-License-Identifier: EUPL-1.2
"""A throw-away PostgreSQL cluster for the tests marked ``postgres`` (Debian's package).

``initdb`` and ``postgres`` from ``/usr/lib/postgresql/<version>/bin`` in a temporary folder,
listening only on a Unix socket there (no TCP), fsync off, stopped by its PID at the end of
the session. PostgreSQL refuses to run as root, so under root (CI) they run as ``nobody``.
Each test gets a database of its own (``pg_url``). Without the binaries the tests skip on a
developer's machine, and fail in CI (``$CI`` set): they must run there.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

ROLE = "baliecheck"
_names = itertools.count(1)


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


@dataclass(frozen=True)
class Cluster:
    socket_dir: Path
    pid: int

    def url(self, database: str) -> str:
        return f"postgresql://{ROLE}@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.url("postgres"), autocommit=True)


def _as_postgres_user() -> list[str]:
    """The prefix that drops root for PostgreSQL's programs (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


def start(bin_dir: Path, base: Path, *, durable: bool = False) -> Cluster:
    """initdb and postgres in ``base``; ``durable``: fsync on, as a real server (benchmarks)."""
    prefix = _as_postgres_user()
    if prefix:
        shutil.chown(base, "nobody", "nogroup")
    data = base / "data"
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust",
         "-E", "UTF8", "--locale=C", "--no-sync"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    settings = [] if durable else ["-c", "fsync=off", "-c", "full_page_writes=off"]
    server = subprocess.Popen(
        [*prefix, str(bin_dir / "postgres"), "-D", str(data), "-k", str(base),
         "-c", "listen_addresses=", "-c", "max_connections=200", *settings],
        stdout=subprocess.DEVNULL,
        stderr=(base / "server.log").open("wb"),
    )  # fmt: skip
    cluster = Cluster(base, server.pid)
    deadline = time.monotonic() + 30
    while True:
        try:
            cluster.admin().close()
        except psycopg.OperationalError:
            if server.poll() is not None or time.monotonic() > deadline:
                log = (base / "server.log").read_text(errors="replace")
                raise RuntimeError(f"PostgreSQL did not start:\n{log}") from None
            time.sleep(0.1)
        else:
            return cluster


def stop(cluster: Cluster) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(cluster.pid, signal.SIGINT)  # fast shutdown
    with contextlib.suppress(ChildProcessError):
        os.waitpid(cluster.pid, 0)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    bin_dir = binaries()
    if bin_dir is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(reason + ": the postgres tests must run in CI")
        pytest.skip(reason)
    base = Path(tempfile.mkdtemp(prefix="baliecheck-pg-"))
    try:
        cluster = start(bin_dir, base)
        try:
            yield cluster
        finally:
            stop(cluster)
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_cluster: Cluster) -> str:
    """A new empty database's URL (no password: trust on the socket)."""
    name = f"t{os.getpid()}_{next(_names)}"
    with postgres_cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_cluster.url(name)
