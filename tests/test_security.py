"""Secrets stay secret; every response carries the security headers; CSRF is enforced."""

from __future__ import annotations

import logging
import re

import pytest

from app import create_app
from credcheck import Checker, Credentials, Settings
from tests.conftest import (
    KEY_ID,
    SECRET,
    SERVER_KEY_ID,
    SERVER_SECRET,
    TEMP_KEY_ID,
    TOKEN,
    check,
)
from tests.stand_in import Answer

EXPECTED_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def assert_security_headers(response):
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name
    csp = response.headers["Content-Security-Policy"]
    for part in ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'"):
        assert part in csp
    assert "unsafe-inline" not in csp


@pytest.mark.parametrize(
    ("method", "path", "data", "status"),
    [
        ("get", "/", None, 200),
        ("post", "/", {"access_key_id": KEY_ID, "secret_access_key": SECRET}, 200),
        ("get", "/static/style.css", None, 200),
        ("get", "/static/app.js", None, 200),
        ("get", "/nowhere", None, 404),
        ("delete", "/", None, 405),
        ("post", "/", {"access_key_id": "A" * 70_000}, 413),
    ],
)
def test_every_response_carries_the_security_headers(client, sts, method, path, data, status):
    response = getattr(client, method)(path, data=data)
    response.close()  # static files are streamed from an open file
    assert response.status_code == status
    assert_security_headers(response)


def test_oversized_post_gets_a_413_page_and_no_aws_call(client, sts):
    response = client.post("/", data={"access_key_id": KEY_ID, "secret_access_key": "x" * 70_000})
    assert response.status_code == 413
    assert "Too much data" in response.get_data(as_text=True)
    assert sts.requests == []


@pytest.fixture
def csrf_client(sts):
    app = create_app({"SECRET_KEY": "t", "STS_ENDPOINT_URL": sts.url})
    return app.test_client()


def test_post_without_csrf_token_is_refused_and_not_sent(csrf_client, sts):
    response = check(csrf_client)
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)
    assert_security_headers(response)
    assert sts.requests == []


def test_post_with_the_forms_csrf_token_is_checked(csrf_client, sts):
    page = csrf_client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    response = check(csrf_client, csrf_token=token)
    assert "Valid credentials" in response.get_data(as_text=True)
    assert len(sts.requests) == 1


def test_secrets_never_reach_page_cookie_session_or_url(csrf_client, sts):
    page = csrf_client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    response = check(csrf_client, key_id=TEMP_KEY_ID, token=TOKEN, csrf_token=token)
    body = response.get_data(as_text=True)
    cookies = " ".join(response.headers.getlist("Set-Cookie"))
    for secret in (SECRET, TOKEN):
        assert secret not in body
        assert secret not in cookies
        assert secret not in response.headers.get("Location", "")
    with csrf_client.session_transaction() as session:
        assert SECRET not in repr(dict(session)) and TOKEN not in repr(dict(session))


@pytest.mark.parametrize(
    "answer",
    [
        "identity",
        "expired",
        "garbage",
        "hang",
    ],
)
def test_no_log_line_at_any_level_holds_a_secret(sts, all_logs, answer):
    app = create_app(
        {
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": sts.url,
            "STS_READ_TIMEOUT": 0.5,
        }
    )
    app.logger.setLevel(logging.DEBUG)
    sts.answer(
        {
            "identity": sts.identity(),
            "expired": sts.error(
                403, "ExpiredToken", "The security token included in the request is expired"
            ),
            "garbage": Answer(200, b"<html>portal</html>", "text/html"),
            "hang": Answer(hang=True),
        }[answer]
    )
    check(app.test_client(), key_id=TEMP_KEY_ID, token=TOKEN)
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in all_logs.records)
    assert SECRET not in logged
    assert TOKEN not in logged


def test_botocore_debug_logging_stays_off_even_when_root_logs_everything(all_logs, sts):
    Checker(Settings(endpoint_url=sts.url)).check(Credentials(TEMP_KEY_ID, SECRET, TOKEN))
    assert not [r for r in all_logs.records if r.name.startswith(("botocore", "urllib3"))]


def test_secret_and_token_do_not_show_in_a_repr():
    text = repr(Credentials(TEMP_KEY_ID, SECRET, TOKEN))
    assert TEMP_KEY_ID in text
    assert SECRET not in text and TOKEN not in text


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"access_key_id": KEY_ID},
        {"secret_access_key": SECRET},
        {"access_key_id": KEY_ID, "secret_access_key": ""},
        {"access_key_id": "", "secret_access_key": SECRET, "session_token": TOKEN},
        {"access_key_id": TEMP_KEY_ID, "secret_access_key": SECRET},
    ],
)
def test_empty_or_partial_form_never_uses_the_servers_credentials(client, sts, data):
    client.post("/", data=data)
    assert sts.requests == []


@pytest.mark.parametrize(
    "credentials",
    [
        Credentials("", ""),
        Credentials(KEY_ID, ""),
        Credentials("", SECRET),
        Credentials("", "", TOKEN),
    ],
)
def test_domain_refuses_incomplete_credentials_without_sending(sts, credentials):
    result = Checker(Settings(endpoint_url=sts.url)).check(credentials)
    assert result.key == "MissingCredentials"
    assert sts.requests == []


def test_a_check_is_signed_with_the_typed_key_not_the_servers(client, sts):
    check(client)
    check(client, key_id=TEMP_KEY_ID, token=TOKEN)
    assert [r.key_id for r in sts.requests] == [KEY_ID, TEMP_KEY_ID]
    for request in sts.requests:
        assert SERVER_KEY_ID not in str(request.headers)


def test_the_shared_client_holds_no_credentials(sts):
    client = Checker(Settings(endpoint_url=sts.url)).client("us-east-1")
    assert client._request_signer._credentials is None
    assert SERVER_SECRET not in repr(vars(client._request_signer))


def test_random_secret_key_is_per_process_with_a_warning(monkeypatch, caplog):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    first, second = create_app(), create_app()
    assert first.config["SECRET_KEY"] and first.config["SECRET_KEY"] != second.config["SECRET_KEY"]
    assert "FLASK_SECRET_KEY is not set" in caplog.text


def test_debug_is_off_by_default(monkeypatch):
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    assert create_app().debug is False
