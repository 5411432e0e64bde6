"""Real processes the tests start on 127.0.0.1: redis-server, and the app (flask or gunicorn)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# .ci/run sets this: there a missing redis-server is a failure, not a skip
REDIS_REQUIRED = os.environ.get("CREDCHECK_REQUIRE_REDIS") == "1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 20, poll: float = 0.1) -> None:
    """Until url answers 200, or fail with the process's output (poll: seconds between tries)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}: {process.communicate()[0]}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(poll)
    process.kill()
    raise RuntimeError(f"{url} did not answer in {seconds} s: {process.communicate()[0]}")


def start_redis(directory: Path) -> tuple[subprocess.Popen, int]:
    server = shutil.which("redis-server")
    if server is None:
        message = "no redis-server (apt-get install redis-server; .ci/run does)"
        if REDIS_REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("redis-server did not start")


def start_app(env: dict[str, str], *, gunicorn: bool = False, port: int | None = None):
    """The app in its own process, as `make run` (flask) or `make serve` (gunicorn) starts it."""
    port = port or free_port()
    full_env = {**os.environ, "FLASK_SECRET_KEY": "shared-test-key", **env}
    if gunicorn:
        full_env["CREDCHECK_BIND"] = f"127.0.0.1:{port}"
        command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"]
    else:
        command = [sys.executable, "-m", "flask", "--app", "app", "run", "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}/"
    wait_for(url + "healthz", process)
    return process, url


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.terminate()
    try:
        return process.communicate(timeout=20)[0]
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()[0]


def post_form(url: str, timeout: float = 20, between=None, **fields: str):
    """GET the page in a fresh cookie jar, then POST the form with its CSRF token, as a browser
    does (calling `between()` in between, if given); returns (page, headers)."""
    import http.cookiejar
    import re
    import urllib.parse

    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = opener.open(url, timeout=timeout).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form)[1]
    if between is not None:
        between()
    data = urllib.parse.urlencode({"csrf_token": token, "region": "us-east-1", **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with opener.open(request, timeout=timeout) as response:
        return response.read().decode(), response.headers
