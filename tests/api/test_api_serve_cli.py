"""`qala serve` as a user runs it: the installed command, a real port, and a clear refusal."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SERVE_START_TIMEOUT_S = 30


def _qala() -> list[str]:
    script = Path(sys.executable).with_name("qala")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from qala.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_http_on_the_given_port(kb_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([*_qala(), "serve", "--db", str(kb_path), "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + SERVE_START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as r:
                    stats = json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"qala serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
                time.sleep(0.2)
        assert stats["documents"] == 4
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert '<html lang="ar" dir="rtl">' in r.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "absent.sqlite"
    r = subprocess.run([*_qala(), "serve", "--db", str(missing)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3
    assert "qala ingest" in r.stderr and "Traceback" not in r.stderr
    assert not missing.exists()
