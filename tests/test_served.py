"""The app as `make run` serves it: a real HTTP server, a real form post, a real STS stand-in."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SECRET, TEMP_KEY_ID, TOKEN
from tests.test_failures import free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def served(sts):
    port = free_port()
    env = {
        **os.environ,
        "FLASK_SECRET_KEY": "served-test",
        "FLASK_STS_ENDPOINT_URL": sts.url,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "app",
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("the server did not start: " + process.communicate()[0])
    yield url, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


def test_form_post_over_http_shows_identity_and_logs_no_secret(served, sts):
    url, process = served
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = opener.open(url, timeout=5).read().decode()
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form)[1]
    data = urllib.parse.urlencode(
        {
            "csrf_token": csrf,
            "access_key_id": TEMP_KEY_ID,
            "secret_access_key": SECRET,
            "session_token": TOKEN,
            "region": "us-east-1",
        }
    ).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with opener.open(request, timeout=15) as response:
        page = response.read().decode()
        headers = response.headers
    assert "Valid credentials" in page
    assert SECRET not in page and TOKEN not in page
    assert headers["Cache-Control"] == "no-store"
    assert sts.requests[-1].key_id == TEMP_KEY_ID
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "POST / HTTP/1.1" in output
    assert SECRET not in output and TOKEN not in output
