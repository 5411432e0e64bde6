"""Serving a team: health, shared limits, access control, proxies, audit log, hardening."""

from __future__ import annotations

import base64
import gc
import json
import logging
import re
import threading
import time

import pytest
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter
from werkzeug.security import generate_password_hash

import limiting
from access import exposure_problem
from app import create_app
from limiting import SweptMemoryStorage
from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID, TOKEN, check
from tests.services import free_port, start_app, start_redis, stop


def make(sts, **config):
    return create_app(
        {"SECRET_KEY": "t", "WTF_CSRF_ENABLED": False, "STS_ENDPOINT_URL": sts.url, **config}
    )


def test_healthz_answers_without_calling_aws(client, sts):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert sts.requests == []


# --- rate limits ---


def test_checks_beyond_the_limit_get_a_429_page_saying_when_to_retry(sts):
    client = make(sts, RATELIMIT_CHECKS="3/minute").test_client()
    statuses = [check(client).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = check(client)
    page = response.get_data(as_text=True)
    assert "Too many checks" in page
    assert re.search(r"Try again in \d+ seconds\.", page)
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert len(sts.requests) == 3


def test_viewing_the_page_does_not_count(sts):
    client = make(sts, RATELIMIT_CHECKS="2/minute").test_client()
    for _ in range(5):
        assert client.get("/").status_code == 200
    assert check(client).status_code == 200


def test_limit_is_per_client_address(sts):
    client = make(sts, RATELIMIT_CHECKS="1/minute").test_client()
    assert client.post("/", data={}, environ_base={"REMOTE_ADDR": "127.0.0.2"}).status_code == 200
    assert client.post("/", data={}, environ_base={"REMOTE_ADDR": "127.0.0.2"}).status_code == 429
    assert client.post("/", data={}, environ_base={"REMOTE_ADDR": "127.0.0.3"}).status_code == 200


def test_the_in_process_store_is_credcheck_sweeping_one(sts):
    app = make(sts)
    assert isinstance(app.extensions["checks_limiter"].storage, SweptMemoryStorage)


def hits_that_outlast_the_expiry_timer(storage) -> None:
    limiter = FixedWindowRateLimiter(storage)
    for _ in range(5):
        assert limiter.hit(parse("100/minute"), "checks", "127.0.0.1")
        time.sleep(0.015)  # limits' Timer fires 10 ms after it starts


def test_a_busy_in_process_store_starts_no_thread_per_check(monkeypatch):
    started = []

    class CountingTimer(threading.Timer):
        def start(self):
            started.append(self)
            super().start()

    monkeypatch.setattr(threading, "Timer", CountingTimer)
    library_store = MemoryStorage()
    started.clear()
    hits_that_outlast_the_expiry_timer(library_store)
    assert len(started) >= 4  # limits' own store: a new Timer thread for almost every hit
    ours = SweptMemoryStorage()
    started.clear()
    hits_that_outlast_the_expiry_timer(ours)
    assert started == []


def test_the_sweeper_drops_counters_whose_window_has_passed(monkeypatch):
    monkeypatch.setattr(limiting, "SWEEP_SECONDS", 0.02)
    storage = SweptMemoryStorage()
    storage.incr("gone", expiry=0.01)
    storage.incr("live", expiry=60)
    deadline = time.monotonic() + 5
    while "gone" in storage.expirations and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "gone" not in storage.expirations and "gone" not in storage.storage
    assert storage.storage["live"] == 1


def test_the_sweeper_ends_with_its_store(monkeypatch):
    monkeypatch.setattr(limiting, "SWEEP_SECONDS", 0.02)
    storage = SweptMemoryStorage()
    sweeper = storage.timer
    assert sweeper.is_alive()
    del storage
    gc.collect()
    sweeper.join(timeout=5)
    assert not sweeper.is_alive()


@pytest.fixture
def redis_port(tmp_path):
    process, port = start_redis(tmp_path)
    yield port
    process.terminate()
    process.wait(timeout=10)


def api_check(url: str) -> int:
    import urllib.error
    import urllib.request

    body = json.dumps({"access_key_id": KEY_ID, "secret_access_key": SECRET}).encode()
    request = urllib.request.Request(
        url + "api/v1/check", body, {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def checks_across_two_processes(env: dict[str, str]) -> list[int]:
    """Four API checks, alternating between two app processes with the same settings."""
    first, first_url = start_app(env)
    second, second_url = start_app(env)
    try:
        return [api_check(url) for url in (first_url, second_url, first_url, second_url)]
    finally:
        stop(first)
        stop(second)


LIMITED = {"FLASK_RATELIMIT_CHECKS": "3/minute", "FLASK_AUDIT_LOG": ""}


def test_two_app_processes_share_one_limit_through_redis(sts, redis_port):
    storage = f"redis://127.0.0.1:{redis_port}"
    env = {**LIMITED, "FLASK_STS_ENDPOINT_URL": sts.url, "FLASK_RATELIMIT_STORAGE_URI": storage}
    assert checks_across_two_processes(env) == [200, 200, 200, 429]


def test_without_redis_each_process_counts_alone(sts):
    env = {**LIMITED, "FLASK_STS_ENDPOINT_URL": sts.url}
    assert checks_across_two_processes(env) == [200, 200, 200, 200]


@pytest.mark.parametrize(
    ("policy", "statuses", "logged"),
    [
        ("memory", [200, 200, 429], "falling back to in-memory storage"),
        ("open", [200, 200, 200], "Failed to rate limit. Swallowing error"),
        ("closed", [503, 503, 503], "rate-limit storage unreachable (ConnectionError): refusing"),
    ],
)
def test_unreachable_redis_follows_the_configured_policy(sts, caplog, policy, statuses, logged):
    caplog.set_level(logging.INFO)
    client = make(
        sts,
        RATELIMIT_CHECKS="2/minute",
        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}",
        RATELIMIT_ON_STORAGE_ERROR=policy,
    ).test_client()
    got = [check(client).status_code for _ in range(3)]
    assert got == statuses
    assert logged in caplog.text
    if policy == "closed":
        assert "Checks are paused" in check(client).get_data(as_text=True)
        assert sts.requests == []


# --- behind a proxy ---


def test_forwarded_client_address_is_used_only_with_proxy_fix(sts, tmp_path):
    audit = tmp_path / "audit.log"
    headers = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
    plain = make(sts, AUDIT_LOG=str(audit)).test_client()
    behind = make(sts, AUDIT_LOG=str(audit), PROXY_FIX_HOPS=1).test_client()
    check(plain, headers=headers)
    response = check(behind, headers=headers)
    lines = [json.loads(line) for line in audit.read_text().splitlines()]
    assert [line["client_ip"] for line in lines] == ["127.0.0.1", "203.0.113.7"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


# --- access control ---


def basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.fixture
def basic_app(sts, tmp_path):
    users = tmp_path / "users"
    users.write_text(f"# support team\nkim:{generate_password_hash('correct horse')}\n")
    return make(
        sts,
        AUTH_MODE="basic",
        AUTH_USERS=f"lee:{generate_password_hash('battery staple')}",
        AUTH_USERS_FILE=str(users),
        AUDIT_LOG=str(tmp_path / "audit.log"),
    )


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        (basic("kim", "wrong"), 401),
        (basic("nobody", "correct horse"), 401),
        (basic("kim", "correct horse"), 200),
        (basic("lee", "battery staple"), 200),
    ],
)
def test_basic_auth_lets_in_only_listed_users(basic_app, headers, status):
    response = basic_app.test_client().get("/", headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Basic")
        assert "Sign in needed" in response.get_data(as_text=True)


def test_basic_auth_user_is_the_operator_in_the_audit_log(basic_app, sts, tmp_path):
    check(basic_app.test_client(), headers=basic("kim", "correct horse"))
    entry = json.loads((tmp_path / "audit.log").read_text())
    assert entry["operator"] == "kim"


def test_healthz_needs_no_sign_in(basic_app):
    assert basic_app.test_client().get("/healthz").status_code == 200


@pytest.mark.parametrize(
    ("peer", "headers", "status"),
    [
        ("127.0.0.1", {"X-Forwarded-User": "kim@example.com"}, 200),
        ("127.0.0.1", {}, 403),
        ("192.0.2.50", {"X-Forwarded-User": "kim@example.com"}, 403),  # not the trusted proxy
    ],
)
def test_sso_proxy_header_is_trusted_only_from_the_proxy(sts, tmp_path, peer, headers, status):
    app = make(sts, AUTH_MODE="header", PROXY_FIX_HOPS=1, AUDIT_LOG=str(tmp_path / "a.log"))
    response = check(app.test_client(), headers=headers, environ_base={"REMOTE_ADDR": peer})
    assert response.status_code == status
    if status == 200:
        assert json.loads((tmp_path / "a.log").read_text())["operator"] == "kim@example.com"
    else:
        assert sts.requests == []


def test_basic_mode_without_users_refuses_to_start(sts):
    with pytest.raises(ValueError, match="needs users"):
        make(sts, AUTH_MODE="basic")


@pytest.mark.parametrize(
    ("host", "mode", "override", "refused"),
    [
        ("127.0.0.1", "none", None, False),
        ("localhost", "none", None, False),
        ("::1", "none", None, False),
        ("0.0.0.0", "none", None, True),
        ("", "none", None, True),
        ("192.0.2.10", "none", None, True),
        ("0.0.0.0", "basic", None, False),
        ("0.0.0.0", "header", None, False),
        ("0.0.0.0", "none", "1", False),
    ],
)
def test_serving_beyond_loopback_needs_access_control(host, mode, override, refused):
    problem = exposure_problem(host, mode, override)
    assert (problem is not None) == refused
    if refused:
        assert "FLASK_AUTH_MODE" in problem and "CREDCHECK_ALLOW_OPEN" in problem


def test_gunicorn_refuses_to_bind_openly_and_says_why(sts):
    import subprocess

    from tests.services import BIN, ROOT

    result = subprocess.run(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**__import__("os").environ, "CREDCHECK_BIND": f"0.0.0.0:{free_port()}"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "refusing to serve on 0.0.0.0 with access control off" in result.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_flask_run_refuses_to_listen_openly_and_says_why(host):
    import os
    import subprocess
    import sys

    from tests.services import ROOT

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "app",
            "run",
            "--host",
            host,
            "--port",
            str(free_port()),
        ],
        cwd=ROOT,
        env={**os.environ, "FLASK_SECRET_KEY": "t"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "refusing to serve on" in result.stderr and "access control off" in result.stderr


# --- audit log ---


def test_one_audit_line_per_check_with_no_secret(sts, tmp_path):
    audit = tmp_path / "audit.log"
    client = make(sts, AUDIT_LOG=str(audit)).test_client()
    check(client)
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    check(client, key_id=TEMP_KEY_ID, token=TOKEN)
    check(client, key_id="")  # refused before any check: no line
    text = audit.read_text()
    assert SECRET not in text and TOKEN not in text
    ok, expired = [json.loads(line) for line in text.splitlines()]
    assert ok["outcome"] == "ok" and expired["outcome"] == "ExpiredToken"
    assert ok["key_id"] == "AKIA…MPLE" and expired["key_id"] == "ASIA…VV7A"
    assert ok["account"] == "123456789012"
    assert ok["arn"] == "arn:aws:iam::123456789012:user/Alice"
    assert ok["request_id"] and ok["duration_ms"] >= 0
    assert (ok["partition"], ok["region"], ok["key_type"]) == ("aws", "us-east-1", "AKIA")
    assert set(ok) == {
        "time",
        "client_ip",
        "operator",
        "key_id",
        "key_type",
        "partition",
        "region",
        "outcome",
        "account",
        "arn",
        "duration_ms",
        "request_id",
    }


def test_audit_goes_to_stderr_by_default(sts, capfd):
    check(make(sts).test_client())
    entry = json.loads(capfd.readouterr().err.strip().splitlines()[-1])
    assert entry["outcome"] == "ok"


def test_pasted_text_never_reaches_the_audit_log(sts, tmp_path):
    audit = tmp_path / "audit.log"
    client = make(sts, AUDIT_LOG=str(audit)).test_client()
    client.post(
        "/",
        data={
            "pasted": f"export AWS_ACCESS_KEY_ID={KEY_ID}\nexport AWS_SECRET_ACCESS_KEY={SECRET}"
        },
    )
    assert SECRET not in audit.read_text() and "export" not in audit.read_text()


# --- forms across processes, and hardening ---


def test_form_from_a_process_with_another_key_says_form_expired(sts):
    first = create_app({"SECRET_KEY": "one", "STS_ENDPOINT_URL": sts.url}).test_client()
    second = create_app({"SECRET_KEY": "two", "STS_ENDPOINT_URL": sts.url}).test_client()
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', first.get("/").get_data(as_text=True)
    )[1]
    response = check(second, csrf_token=token)
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)
    assert "opened on another server" in response.get_data(as_text=True)
    assert sts.requests == []


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Permissions-Policy", "camera=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ],
)
def test_hardening_headers(client, header, value):
    assert value in client.get("/").headers[header]


def test_hsts_and_secure_cookie_only_over_https(sts):
    app = create_app({"SECRET_KEY": "t", "STS_ENDPOINT_URL": sts.url})
    plain = app.test_client().get("/")
    secure = app.test_client().get("/", base_url="https://localhost")
    assert "Strict-Transport-Security" not in plain.headers
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    plain_cookie = plain.headers["Set-Cookie"]
    secure_cookie = secure.headers["Set-Cookie"]
    assert "HttpOnly" in plain_cookie and "SameSite=Lax" in plain_cookie
    assert "Secure" not in plain_cookie
    assert "Secure" in secure_cookie
