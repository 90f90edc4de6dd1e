"""The real server (`qala serve`: uvicorn on 127.0.0.1) under oversized and hostile requests: it answers
4xx, never a stack trace, and keeps serving; it listens on loopback only unless told otherwise."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import qala_command

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(api_kb: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen([*qala_command(), "serve", "--db", str(api_kb), "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _raw(base: str, payload: bytes) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as s:
        try:
            s.sendall(payload)
            return s.recv(200)
        except ConnectionResetError:  # refusing to read a huge request is an acceptable answer
            return b"reset"


def test_oversized_requests_are_refused_and_the_server_keeps_serving(server: str) -> None:
    big_header = _raw(server, b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 2_000_000 + b"\r\n\r\n")
    assert big_header == b"reset" or big_header.startswith(b"HTTP/1.1 4"), big_header
    many = b"".join(b"X-%d: a\r\n" % i for i in range(50_000))
    assert _raw(server, b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n").startswith(b"HTTP/1.1 4")
    assert _raw(server, b"NONSENSE\r\n\r\n").startswith(b"HTTP/1.1 4")
    r = httpx.get(f"{server}/api/quotations", params={"q": "ا" * 5_000}, timeout=20)
    assert r.status_code == 422 and "Traceback" not in r.text
    r = httpx.post(f"{server}/api/quotations", content=b"x" * 20_000_000, timeout=60)  # no write endpoint: 405
    assert r.status_code == 405
    assert httpx.get(f"{server}/api/health", timeout=10).status_code == 200


def test_errors_are_json_without_internals(server: str) -> None:
    for url in ("/api/quotations/0", "/api/quotations/99999999", "/api/nope", "/api/quotations?limit=1000"):
        r = httpx.get(f"{server}{url}", timeout=10)
        assert 400 <= r.status_code < 500
        body = r.json()["error"]
        assert body["status"] == r.status_code and body["message"]
        assert not any(s in r.text for s in ("Traceback", "sqlalchemy", "File \"", "/work/", "site-packages"))
    assert "server" not in httpx.get(f"{server}/api/health", timeout=10).headers  # no version banner


def test_listens_on_loopback_only_by_default(server: str) -> None:
    """Read from the kernel's socket table (no traffic is sent anywhere): bound to 127.0.0.1, not 0.0.0.0."""
    port = int(server.rsplit(":", 1)[1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            pytest.skip("no /proc/net/tcp on this system")
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                listening.append(addr)
    assert listening == ["0100007F"], listening  # 127.0.0.1, little-endian hex
