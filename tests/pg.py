"""A real, throw-away PostgreSQL server for tests (a pytest plugin; reusable by every test area).

It is registered for the whole suite by `pytest_plugins = ["pg"]` in tests/conftest.py, so any test
can ask for the fixtures:

    @pytest.mark.postgres
    def test_something(pg_url):          # a fresh, empty database on the shared server
        engine = qala.store.db.open_db(pg_url)

Outside pytest (benchmarks): `with local_server() as server: url = server.create_database()`.

Fixtures: `pg_server` (session: the running server, `.url(dbname)`, `.create_database()`) and
`pg_url` (function: a new empty database each test, `postgresql+psycopg://…`). The server is made
with initdb in a temporary directory and started with pg_ctl on a free port on 127.0.0.1; it is
stopped and deleted at the end of the session. PostgreSQL refuses to run as root, so as root it runs
as the `postgres` (else `nobody`) user through runuser. Without the binaries (initdb, pg_ctl in PATH
or /usr/lib/postgresql/*/bin) or when the server cannot start, the tests that use it skip with the
reason. Set QALA_TEST_PG_URL=postgresql+psycopg://… to use an existing server instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

_START_TIMEOUT_S = 60


def find_pg_bin() -> Path | None:
    """The directory holding initdb and pg_ctl, or None."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(cand, "initdb").exists() and Path(cand, "pg_ctl").exists():
            return Path(cand)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as_user() -> str | None:
    """An unprivileged user to run the server as when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a `postgres` nor a `nobody` user exists")


@dataclass
class PgServer:
    """A PostgreSQL server started for the test session."""

    host: str
    port: int
    user: str
    admin_url: str = field(init=False)
    _dsn_prefix: str = field(init=False)

    def __post_init__(self) -> None:
        self._dsn_prefix = f"postgresql+psycopg://{self.user}@{self.host}:{self.port}"
        self.admin_url = f"{self._dsn_prefix}/postgres"

    def url(self, dbname: str) -> str:
        return f"{self._dsn_prefix}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """Creates an empty database and returns its SQLAlchemy URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


class PgUnavailable(RuntimeError):
    """PostgreSQL is not installed or the server could not start (the reason is the message)."""


@contextmanager
def local_server() -> Iterator[PgServer]:
    """Starts a throw-away server (initdb + pg_ctl in a temp dir), yields it, stops and deletes it.

    Usable outside pytest too (benchmarks/bench_store.py). Raises PgUnavailable with the reason."""
    pg_bin = find_pg_bin()
    if pg_bin is None:
        raise PgUnavailable("PostgreSQL is not installed (no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin)")
    run_as = _run_as_user()
    tmp = Path(tempfile.mkdtemp(prefix="qala-pg-"))
    data = tmp / "data"
    log = tmp / "server.log"
    port = _free_port()
    prefix = ["runuser", "-u", run_as, "--"] if run_as else []
    if run_as:
        pw = pwd.getpwnam(run_as)
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
    db_user = run_as or pwd.getpwuid(os.geteuid()).pw_name
    try:
        subprocess.run(
            [*prefix, str(pg_bin / "initdb"), "-D", str(data), "-U", db_user, "--auth=trust",
             "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, capture_output=True, timeout=_START_TIMEOUT_S,
        )
        subprocess.run(
            [*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", str(_START_TIMEOUT_S),
             "-o", f"-h 127.0.0.1 -p {port} -k {tmp} -F -c fsync=off -c full_page_writes=off", "start"],
            check=True, capture_output=True, timeout=_START_TIMEOUT_S + 10,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)
        raise PgUnavailable(f"could not start PostgreSQL: {exc} {detail.decode(errors='replace')[-300:]} {tail}") from exc
    try:
        yield PgServer("127.0.0.1", port, db_user)
    finally:
        subprocess.run([*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server (started on first use, stopped at the end)."""
    external = os.environ.get("QALA_TEST_PG_URL")
    if external:
        from sqlalchemy.engine import make_url

        u = make_url(external)
        yield PgServer(u.host or "127.0.0.1", u.port or 5432, u.username or "postgres")
        return
    try:
        with local_server() as server:
            yield server
    except PgUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh empty database on the session's server (SQLAlchemy URL, psycopg 3)."""
    return pg_server.create_database()
