"""A valid key shows whose it is, in words, with the raw answer kept."""

from __future__ import annotations

import pytest

from tests.conftest import ISSUED_ACCOUNT, ISSUED_KEY_ID, KEY_ID, SECRET, TEMP_KEY_ID, TOKEN, check


def test_valid_key_shows_account_arn_and_user_id(client, sts):
    response = check(client)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Valid credentials" in page
    assert "123456789012" in page
    assert "arn:aws:iam::123456789012:user/Alice" in page
    assert "AIDACKCEVSQ6C2EXAMPLE" in page
    assert "The IAM user Alice in account 123456789012." in page


def test_request_is_signed_with_exactly_the_typed_key(client, sts):
    check(client)
    [request] = sts.requests
    assert request.key_id == KEY_ID
    assert request.body == "Action=GetCallerIdentity&Version=2011-06-15"
    assert "x-amz-security-token" not in request.headers


def test_temporary_key_sends_its_session_token(client, sts):
    sts.answer(
        sts.identity(
            arn="arn:aws:sts::609629065308:assumed-role/Deploy/alice",
            user_id="AROAEXAMPLEROLEID:alice",
            account="609629065308",
        )
    )
    page = check(client, key_id=TEMP_KEY_ID, token=TOKEN).get_data(as_text=True)
    [request] = sts.requests
    assert request.key_id == TEMP_KEY_ID
    assert request.headers["x-amz-security-token"] == TOKEN
    assert "the session alice of the role Deploy" in page
    assert "ASIA: temporary access key" in page


def test_raw_response_is_logged_as_the_original_page_did(client, sts):
    page = check(client).get_data(as_text=True)
    assert "<summary>Raw response</summary>" in page
    assert (
        "[getCallerIdentity] : [Success] : {&#34;ResponseMetadata&#34;: {&#34;RequestId&#34;"
        in page
    )


def test_result_shows_endpoint_region_request_id_and_time(client, sts):
    page = check(client, region="eu-west-1").get_data(as_text=True)
    assert sts.url in page
    assert "eu-west-1" in page
    assert "RequestId" in page
    assert " ms</dd>" in page


def test_secret_is_never_prefilled_but_key_id_is(client, sts):
    page = check(client, key_id=TEMP_KEY_ID, token=TOKEN).get_data(as_text=True)
    assert f'value="{TEMP_KEY_ID}"' in page
    assert SECRET not in page
    assert TOKEN not in page


@pytest.mark.parametrize(
    ("region", "endpoint"),
    [
        ("us-east-1", "https://sts.us-east-1.amazonaws.com"),
        ("cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn"),
        ("us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com"),
    ],
)
def test_partition_choice_picks_botocores_regional_endpoint(region, endpoint):
    from credcheck import Checker

    assert Checker().client(region).meta.endpoint_url == endpoint


def test_endpoint_follows_aws_endpoint_url_sts(monkeypatch, sts):
    from app import create_app

    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", sts.url)
    app = create_app({"SECRET_KEY": "t", "WTF_CSRF_ENABLED": False})
    page = check(app.test_client()).get_data(as_text=True)
    assert len(sts.requests) == 1
    assert "Valid credentials" in page


def test_form_has_the_fields_named_as_documented(client):
    page = client.get("/").get_data(as_text=True)
    for name in ("access_key_id", "secret_access_key", "session_token", "region"):
        assert f'name="{name}"' in page
    assert 'type="password"' in page
    assert 'autocomplete="off"' in page and 'spellcheck="false"' in page
    assert 'autocapitalize="off"' in page
    assert '<option value="us-east-1" selected>' in page


def test_key_facts_are_shown_with_the_result(client, sts):
    page = check(client, key_id=ISSUED_KEY_ID).get_data(as_text=True)
    assert ISSUED_ACCOUNT in page
    assert "AKIA: long-term access key" in page


def test_clock_offset_from_aws_date_is_shown_even_on_success(client, sts):
    sts.answer(sts.identity(headers={"Date": "Tue, 01 Jan 2030 00:00:00 GMT"}))
    page = check(client).get_data(as_text=True)
    assert "clock is about" in page and "behind AWS" in page


def test_no_clock_note_when_clocks_agree(client, sts):
    page = check(client).get_data(as_text=True)
    assert "clock is about" not in page


def test_secret_of_a_check_is_not_kept_by_the_checker(app, sts):
    from credcheck import Credentials

    checker = app.extensions["credcheck"]
    checker.check(Credentials(KEY_ID, SECRET))
    held = repr(vars(checker)) + repr([vars(c) for c in checker._clients.values()])
    assert SECRET not in held
