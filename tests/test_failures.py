"""Every way STS, a proxy or the network can say no gets a verdict in plain words."""

from __future__ import annotations

import time

import pytest

from app import create_app
from tests.conftest import ISSUED_ACCOUNT, ISSUED_KEY_ID, SECRET, TEMP_KEY_ID, TOKEN, check, page_of
from tests.services import free_port
from tests.stand_in import EXPIRED_TOKEN, INVALID_TOKEN, SKEW_AHEAD, SKEW_BEHIND, Answer

WRONG_SECRET = (
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details."
)

# (status, AWS code, AWS message, our title) — as STS sends them
AWS_ERRORS = [
    (403, "InvalidClientTokenId", INVALID_TOKEN, "AWS does not recognise this access key"),
    (403, "InvalidClientTokenId", INVALID_TOKEN[:-1], "AWS does not recognise this access key"),
    (403, "SignatureDoesNotMatch", WRONG_SECRET, "The secret access key does not match"),
    (
        403,
        "ExpiredToken",
        EXPIRED_TOKEN,
        "These temporary credentials have expired",
    ),
    (
        400,
        "IncompleteSignature",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service"
        "/term, got 'AKIA/x'",
        "The request signature is malformed",
    ),
    (
        403,
        "MissingAuthenticationToken",
        "Request is missing Authentication Token",
        "The request reached AWS unsigned",
    ),
    (400, "RequestExpired", "Request has expired.", "The request arrived too late"),
    (
        403,
        "AccessDenied",
        "User is not authorized to perform: sts:GetCallerIdentity with an explicit deny in a "
        "VPC endpoint policy",
        "though this call needs no permission",
    ),
    (
        403,
        "RegionDisabledException",
        "STS is not activated in this region for account:123456789012. Your account "
        "administrator can activate STS in this region using the IAM Console.",
        "STS is not activated in this region",
    ),
    (403, "OptInRequired", "The account is not opted in.", "has not opted in to this region"),
    (400, "InvalidAction", "Could not find operation GetCallerIdentity", "does not know"),
    (
        500,
        "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.",
        "AWS had an internal error",
    ),
    (
        503,
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.",
        "AWS STS is temporarily unavailable",
    ),
    (400, "Throttling", "Rate exceeded", "Too many requests"),
    (
        400,
        "SomethingNewFromAws",
        "A brand new failure.",
        "AWS refused the credentials for a reason credcheck does not know",
    ),
]


@pytest.mark.parametrize(("status", "code", "message", "title"), AWS_ERRORS)
def test_aws_error_is_explained_with_awss_own_code_and_message(
    client, sts, status, code, message, title
):
    sts.answer(sts.error(status, code, message))
    page = page_of(check(client))
    assert title in page
    assert f"AWS said: {code}" in page.replace('<code class="code">', "").replace("</code>", "")
    assert message in page
    assert "Likely causes" in page and "What to do next" in page
    assert "RequestId" in page
    assert f'[getCallerIdentity] : [Error] : {{"code": "{code}"' in page


def test_wrong_secret_explains_signature_mismatch(client, sts):
    sts.answer(sts.error(403, "SignatureDoesNotMatch", WRONG_SECRET))
    page = page_of(check(client))
    assert "The secret access key does not match this key ID" in page
    assert "Copy the secret again" in page


def test_invalid_key_names_the_account_it_was_issued_in(client, sts):
    sts.answer(sts.error(403, "InvalidClientTokenId", INVALID_TOKEN))
    page = page_of(check(client, key_id=ISSUED_KEY_ID))
    assert f"This key was issued in account {ISSUED_ACCOUNT}" in page


@pytest.mark.parametrize(
    ("message", "words"),
    [
        (SKEW_BEHIND, "This credcheck server's clock is about 1 h 45 min behind AWS's."),
        (SKEW_AHEAD, "This credcheck server's clock is about 12 h 33 min ahead of AWS's."),
    ],
)
def test_clock_skew_is_explained_as_the_servers_clock(client, sts, message, words):
    sts.answer(sts.error(403, "SignatureDoesNotMatch", message))
    page = page_of(check(client))
    assert "Clock problem" in page
    assert words in page
    assert message in page
    assert "The secret access key does not match" not in page


def test_throttling_is_retried_within_the_budget(client, sts):
    sts.answer(sts.error(400, "Throttling", "Rate exceeded"), sts.identity())
    page = page_of(check(client))
    assert "Valid credentials" in page
    assert len(sts.requests) == 2


def test_503_is_retried_then_reported(client, sts):
    sts.answer(
        sts.error(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
        )
    )
    page = page_of(check(client))
    assert "AWS STS is temporarily unavailable" in page
    assert len(sts.requests) == 2


def test_signature_errors_are_not_retried(client, sts):
    sts.answer(sts.error(403, "SignatureDoesNotMatch", WRONG_SECRET))
    check(client)
    assert len(sts.requests) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_proxy_html_error_page_is_explained_as_a_proxy(client, sts, status):
    body = f"<html><body><h1>{status} Bad Gateway</h1>nginx</body></html>".encode()
    sts.answer(Answer(status, body, content_type="text/html"))
    page = page_of(check(client))
    assert "A proxy or gateway on the way to AWS failed" in page
    assert f"The answer was HTTP {status}" in page.replace('<code class="code">', "").replace(
        "</code>", ""
    )


def test_proxy_auth_required_html_is_explained(client, sts):
    sts.answer(Answer(407, b"<html>Proxy Authentication Required</html>", "text/html"))
    page = page_of(check(client))
    assert "An unexpected HTTP error, not from AWS" in page
    assert "407" in page


def test_empty_4xx_answer_is_unreadable(client, sts):
    sts.answer(Answer(403, b"", "text/plain"))
    page = page_of(check(client))
    assert "The answer could not be read" in page


def test_captive_portal_200_is_not_mistaken_for_aws(client, sts):
    portal = b"<html><head><title>Guest Wi-Fi</title></head><body>Please sign in</body></html>"
    sts.answer(Answer(200, portal, "text/html"))
    page = page_of(check(client))
    assert "Something other than AWS answered" in page
    assert "Valid credentials" not in page


def test_200_with_foreign_xml_is_not_an_identity(client, sts):
    sts.answer(
        Answer(
            200,
            b"<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>",
        )
    )
    page = page_of(check(client))
    assert "Something other than AWS answered" in page


def test_connection_closed_without_answer(client, sts):
    sts.answer(Answer(close=True))
    page = page_of(check(client))
    assert "The connection was closed before an answer came" in page


def test_refused_connection_says_it_could_not_connect():
    app = create_app(
        {
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}",
        }
    )
    page = page_of(check(app.test_client()))
    assert "Could not connect to AWS" in page


def test_hung_endpoint_gives_a_verdict_within_six_seconds(client, sts):
    sts.answer(Answer(hang=True))
    started = time.monotonic()
    page = page_of(check(client))
    took = time.monotonic() - started
    assert "AWS did not answer in time" in page
    assert took <= 6.0


def test_timeouts_and_attempts_are_configurable(sts):
    sts.answer(Answer(hang=True))
    app = create_app(
        {
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": sts.url,
            "STS_READ_TIMEOUT": 0.3,
            "STS_MAX_ATTEMPTS": 1,
        }
    )
    started = time.monotonic()
    page = page_of(check(app.test_client()))
    assert "AWS did not answer in time" in page
    assert time.monotonic() - started < 2.0
    assert len(sts.requests) == 1


def test_proxy_that_refuses_is_named(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{free_port()}")
    app = create_app({"SECRET_KEY": "t", "WTF_CSRF_ENABLED": False, "STS_MAX_ATTEMPTS": 1})
    page = page_of(check(app.test_client()))
    assert "Could not connect to the proxy" in page


def test_untrusted_tls_certificate_is_explained(tls_sts):
    app = create_app(
        {
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": tls_sts,
            "STS_MAX_ATTEMPTS": 1,
        }
    )
    page = page_of(check(app.test_client()))
    assert "The secure connection to AWS failed" in page
    assert "intercepting" in page


def test_expired_temporary_credentials(client, sts):
    sts.answer(sts.error(403, "ExpiredToken", EXPIRED_TOKEN))
    page = page_of(check(client, key_id=TEMP_KEY_ID, token=TOKEN))
    assert "These temporary credentials have expired" in page
    assert TOKEN not in page and SECRET not in page
