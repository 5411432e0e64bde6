"""The JSON API: same checks, same catalogue, proper statuses for our own refusals."""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode, checks

from app import create_app
from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID, TOKEN

URL = "/api/v1/check"


@pytest.fixture
def api_client(sts):
    return create_app(
        {"SECRET_KEY": "t", "STS_ENDPOINT_URL": sts.url, "AUDIT_LOG": ""}
    ).test_client()


def test_valid_key_returns_the_identity_as_json(api_client, sts):
    response = api_client.post(URL, json={"access_key_id": KEY_ID, "secret_access_key": SECRET})
    body = response.get_json()
    assert response.status_code == 200
    assert body["ok"] is True
    assert body["identity"]["arn"] == "arn:aws:iam::123456789012:user/Alice"
    assert body["identity"]["principal_type"] == "user"
    assert body["key"] == {
        "key_id": KEY_ID,
        "prefix": "AKIA",
        "type": "long-term access key of an IAM user or the root user",
        "is_access_key": True,
        "temporary": False,
        "account": None,
    }
    assert sts.requests[0].key_id == KEY_ID


def test_aws_refusal_comes_from_the_same_catalogue(api_client, sts):
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    response = api_client.post(
        URL,
        json={"access_key_id": TEMP_KEY_ID, "secret_access_key": SECRET, "session_token": TOKEN},
    )
    body = response.get_json()
    assert response.status_code == 200
    assert body["ok"] is False
    error = body["error"]
    assert error["code"] == "ExpiredToken"
    assert error["aws_message"] == "The security token included in the request is expired"
    assert error["title"] == "These temporary credentials have expired"
    assert error["explanation"] and error["next_steps"]
    assert SECRET not in response.get_data(as_text=True)
    assert TOKEN not in response.get_data(as_text=True)


def test_api_needs_no_csrf_token_but_the_page_does(api_client, sts):
    assert (
        api_client.post(
            URL, json={"access_key_id": KEY_ID, "secret_access_key": SECRET}
        ).status_code
        == 200
    )
    assert (
        api_client.post(
            "/", data={"access_key_id": KEY_ID, "secret_access_key": SECRET}
        ).status_code
        == 400
    )


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        (
            {"data": "access_key_id=AKIA", "content_type": "application/x-www-form-urlencoded"},
            415,
            "UnsupportedMediaType",
        ),
        ({"data": "{}", "content_type": "text/plain"}, 415, "UnsupportedMediaType"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "InvalidJson"),
        ({"json": ["a", "list"]}, 400, "InvalidJson"),
        ({"json": {}}, 400, "InvalidInput"),
        ({"json": {"access_key_id": KEY_ID}}, 400, "InvalidInput"),
        ({"json": {"access_key_id": 12, "secret_access_key": SECRET}}, 400, "InvalidInput"),
        (
            {"json": {"access_key_id": KEY_ID, "secret_access_key": SECRET, "lookup_alias": "yes"}},
            400,
            "InvalidInput",
        ),
        (
            {"json": {"access_key_id": KEY_ID, "secret_access_key": SECRET, "region": "mars-1"}},
            400,
            "InvalidInput",
        ),
        (
            {"json": {"access_key_id": TEMP_KEY_ID, "secret_access_key": SECRET}},
            400,
            "InvalidInput",
        ),
        (
            {"json": {"access_key_id": "AKIASP2TPHJSQH3FJRUX", "secret_access_key": SECRET}},
            400,
            "CanaryToken",
        ),
        ({"json": {"access_key_id": KEY_ID, "secret_access_key": "x" * 70_000}}, 413, "HTTP413"),
    ],
)
def test_our_own_refusals_have_proper_statuses_and_no_aws_call(
    api_client, sts, kwargs, status, code
):
    response = api_client.post(URL, **kwargs)
    assert response.status_code == status
    body = response.get_json()
    assert body["ok"] is False and body["error"]["code"] == code
    assert sts.requests == []


def test_field_errors_name_the_field(api_client):
    body = api_client.post(
        URL, json={"access_key_id": TEMP_KEY_ID, "secret_access_key": SECRET}
    ).get_json()
    assert "need their session token" in body["error"]["fields"]["session_token"][0]


def test_confirmed_canary_is_checked(api_client, sts):
    response = api_client.post(
        URL,
        json={
            "access_key_id": "AKIASP2TPHJSQH3FJRUX",
            "secret_access_key": SECRET,
            "confirm_canary": True,
        },
    )
    assert response.get_json()["ok"] is True


def test_pasted_text_works_through_the_api(api_client, sts):
    response = api_client.post(URL, json={"pasted": f"{KEY_ID} {SECRET}"})
    assert response.get_json()["ok"] is True


def test_api_shares_the_check_limit_and_answers_429_in_json(sts):
    client = create_app(
        {"SECRET_KEY": "t", "STS_ENDPOINT_URL": sts.url, "RATELIMIT_CHECKS": "1/minute"}
    ).test_client()
    assert (
        client.post(URL, json={"access_key_id": KEY_ID, "secret_access_key": SECRET}).status_code
        == 200
    )
    response = client.post(URL, json={"access_key_id": KEY_ID, "secret_access_key": SECRET})
    assert response.status_code == 429
    assert response.get_json()["error"]["code"] == "HTTP429"
    assert "Retry-After" in response.headers


def test_api_is_under_the_same_access_control(sts):
    from werkzeug.security import generate_password_hash

    app = create_app(
        {
            "SECRET_KEY": "t",
            "STS_ENDPOINT_URL": sts.url,
            "AUTH_MODE": "basic",
            "AUTH_USERS": f"kim:{generate_password_hash('pw')}",
        }
    )
    response = app.test_client().post(
        URL, json={"access_key_id": KEY_ID, "secret_access_key": SECRET}
    )
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "HTTP401"
    assert sts.requests == []


def test_openapi_document_is_served(api_client):
    document = api_client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/check" in document["paths"]


# --- schemathesis: every generated request, valid or not, gets a documented non-5xx answer ---


@pytest.fixture(scope="module")
def fuzzed_app(sts_server):
    return create_app(
        {
            "SECRET_KEY": "t",
            "STS_ENDPOINT_URL": sts_server.url,
            "RATELIMIT_CHECKS": "100000/minute",
            "AUDIT_LOG": "",
            "STS_READ_TIMEOUT": 1,
        }
    )


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_never_answers_500_for_generated_input(fuzzed_app, mode):
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzzed_app)["/api/v1/check"][
        "POST"
    ]

    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis.settings(
        max_examples=75,
        deadline=None,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def generated(case):
        response = case.call()
        assert response.status_code < 500, response.text
        # positive_data_acceptance is left out: JSON Schema cannot say "an ASIA key needs its
        # token" or "not a canary account", so schema-valid bodies may rightly get a 400
        case.validate_response(response, excluded_checks=[checks.positive_data_acceptance])

    generated()
