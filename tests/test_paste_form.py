"""The paste box, paste mistakes, canaries, partitions and aliases, through the form."""

from __future__ import annotations

import html
import json

import pytest

from tests.conftest import (
    ISSUED_ACCOUNT,
    ISSUED_KEY_ID,
    KEY_ID,
    SECRET,
    TEMP_KEY_ID,
    aws,
    check,
)
from tests.test_paste import (
    ASSUME_ROLE,
    CREDENTIALS_FILE,
    CSV_WITH_USER,
    EXPORTS,
    TEMP_PROFILE,
    TOKEN,
)

CANARY_KEY_ID = "AKIASP2TPHJSQH3FJRUX"  # decodes to 171436882533, a canarytokens.org account


def paste(client, text, **fields):
    data = {"pasted": text, "region": "us-east-1", **fields}
    return html.unescape(client.post("/", data=data).get_data(as_text=True))


@pytest.mark.parametrize(
    ("text", "key_id", "words"),
    [
        (
            CREDENTIALS_FILE,
            KEY_ID,
            "Read the credentials from an AWS credentials file (profile default).",
        ),
        (EXPORTS, TEMP_KEY_ID, "Read the credentials from environment variables."),
        (ASSUME_ROLE, TEMP_KEY_ID, "Read the credentials from JSON from the AWS CLI."),
        (
            CSV_WITH_USER,
            KEY_ID,
            "Read the credentials from the IAM console's access key file (CSV).",
        ),
        (f"{KEY_ID} {SECRET}", KEY_ID, "Read the credentials from bare values."),
    ],
)
def test_pasted_text_is_read_on_the_server_and_checked(client, sts, text, key_id, words):
    page = paste(client, text)
    assert words in page
    assert "Valid credentials" in page
    assert sts.requests[0].key_id == key_id


def test_pasted_text_is_never_echoed(client, sts):
    page = paste(client, EXPORTS)
    assert SECRET not in page and TOKEN not in page
    assert "export AWS_" not in page


def test_pasted_temporary_credentials_send_their_token(client, sts):
    paste(client, EXPORTS)
    assert sts.requests[0].headers["x-amz-security-token"] == TOKEN


def test_text_without_credentials_gets_a_clear_message_and_no_call(client, sts):
    page = paste(client, "hi, my keys stopped working")
    assert "No AWS credentials found in the pasted text." in page
    assert sts.requests == []


def test_several_profiles_ask_which_one(client, sts):
    page = paste(client, CREDENTIALS_FILE + TEMP_PROFILE)
    assert "holds 2 profiles: default, work" in page
    assert sts.requests == []
    assert SECRET not in page


def test_chosen_profile_is_checked(client, sts):
    page = paste(client, CREDENTIALS_FILE + TEMP_PROFILE, profile="work")
    assert "(profile work)" in page
    assert sts.requests[0].key_id == TEMP_KEY_ID


@pytest.mark.parametrize("typed", [SECRET, TOKEN])
def test_a_secret_typed_as_the_profile_name_is_not_sent_back(client, sts, typed):
    page = paste(client, CREDENTIALS_FILE + TEMP_PROFILE, profile=typed)
    assert typed not in page
    assert "This looks like a secret, not a profile name." in page
    assert sts.requests == []


def test_expired_paste_says_so_before_aws_does(client, sts):
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    page = paste(client, ASSUME_ROLE)  # expired 2026-12-04T18:00Z, before any test run
    assert "These temporary credentials have expired" in page
    assert "The pasted credentials say so themselves: they expired" in page


def test_future_expiry_is_shown(client, sts):
    future = json.loads(ASSUME_ROLE)
    future["Credentials"]["Expiration"] = "2999-01-01T00:00:00Z"
    page = paste(client, json.dumps(future))
    assert "expires in" in page


# --- paste mistakes in the fields ---


@pytest.mark.parametrize(
    ("key_id", "secret", "words"),
    [
        (
            f"AWS_ACCESS_KEY_ID={KEY_ID}",
            SECRET,
            "Removed the variable name AWS_ACCESS_KEY_ID in front",
        ),
        (
            f"export AWS_ACCESS_KEY_ID='{KEY_ID}'",
            SECRET,
            "Removed the variable name AWS_ACCESS_KEY_ID",
        ),
        (
            KEY_ID,
            f"aws_secret_access_key = {SECRET}",
            "Removed the variable name aws_secret_access_key",
        ),
        (SECRET, KEY_ID, "The key ID and the secret were in each other's fields: swapped them."),
        (
            KEY_ID,
            SECRET[:20] + "\n" + SECRET[20:],
            "Removed spaces or line breaks inside the secret",
        ),
    ],
)
def test_certain_paste_mistakes_are_fixed_and_said(client, sts, key_id, secret, words):
    page = html.unescape(check(client, key_id=key_id, secret=secret).get_data(as_text=True))
    assert words in page
    assert "Valid credentials" in page
    assert sts.requests[0].key_id == KEY_ID


@pytest.mark.parametrize(
    ("key_id", "secret", "field", "words"),
    [
        (SECRET, "", "access_key_id", "looks like a secret access key, not a key ID"),
        (KEY_ID, TEMP_KEY_ID, "secret_access_key", "This is an access key ID, not a secret"),
    ],
)
def test_uncertain_paste_mistakes_are_asked_about(client, sts, key_id, secret, field, words):
    page = html.unescape(check(client, key_id=key_id, secret=secret).get_data(as_text=True))
    assert words in page.split(f'id="{field}-errors"', 1)[1]
    assert sts.requests == []
    assert SECRET not in page


# --- canary tokens ---


def test_canary_key_is_not_sent_without_confirmation(client, sts):
    page = html.unescape(check(client, key_id=CANARY_KEY_ID).get_data(as_text=True))
    assert "it is a canary token, a tripwire" in page
    assert "Thinkst Canarytokens" in page
    assert sts.requests == []


def test_canary_key_is_sent_when_confirmed(client, sts):
    page = html.unescape(
        check(client, key_id=CANARY_KEY_ID, confirm_canary="y").get_data(as_text=True)
    )
    assert "Valid credentials" in page
    assert sts.requests[0].key_id == CANARY_KEY_ID


def test_pasted_canary_is_caught_too(client, sts):
    paste(client, f"{CANARY_KEY_ID} {SECRET}")
    assert sts.requests == []


# --- partitions ---


def test_unknown_key_offers_china_and_govcloud(client, sts):
    sts.answer(
        sts.error(
            403, "InvalidClientTokenId", "The security token included in the request is invalid."
        )
    )
    page = html.unescape(check(client, key_id=ISSUED_KEY_ID).get_data(as_text=True))
    assert "Is it an AWS China or GovCloud key?" in page
    assert 'name="region" value="cn-north-1"' in page
    assert 'name="region" value="us-gov-west-1"' in page
    assert f'name="access_key_id" value="{ISSUED_KEY_ID}"' in page
    assert SECRET not in page
    assert len(sts.requests) == 1  # the other partitions are only tried on a click


def test_partition_retry_signs_for_the_chosen_partition(client, sts):
    sts.answer(
        sts.error(
            403, "InvalidClientTokenId", "The security token included in the request is invalid."
        )
    )
    check(client, key_id=ISSUED_KEY_ID)
    check(client, key_id=ISSUED_KEY_ID, region="cn-north-1")
    assert "/cn-north-1/sts/aws4_request" in sts.requests[1].headers["authorization"]


def test_no_partition_offer_outside_the_standard_partition(client, sts):
    sts.answer(
        sts.error(
            403, "InvalidClientTokenId", "The security token included in the request is invalid."
        )
    )
    page = html.unescape(
        check(client, key_id=ISSUED_KEY_ID, region="cn-north-1").get_data(as_text=True)
    )
    assert "Is it an AWS China or GovCloud key?" not in page
    assert f"This key was issued in account {ISSUED_ACCOUNT}" in page


# --- account alias (moto's IAM) ---


def test_alias_is_looked_up_when_asked(moto_client, moto_endpoint):
    iam = aws(moto_endpoint, "iam")
    iam.create_account_alias(AccountAlias="support-sandbox")
    try:
        page = html.unescape(check(moto_client, lookup_alias="y").get_data(as_text=True))
        without = html.unescape(check(moto_client).get_data(as_text=True))
    finally:
        iam.delete_account_alias(AccountAlias="support-sandbox")
    assert "support-sandbox" in page
    assert "support-sandbox" not in without


def test_alias_access_denied_is_not_a_failure(client, sts):
    sts.answer(
        sts.identity(),
        sts.error(
            403, "AccessDenied", "User: arn:aws:iam::123456789012:user/Alice is not authorized"
        ),
    )
    page = html.unescape(check(client, lookup_alias="y").get_data(as_text=True))
    assert "Valid credentials" in page
    assert "Alias not visible to this identity" in page
