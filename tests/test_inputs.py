"""Bad input gets a message next to the field, and nothing is sent to AWS."""

from __future__ import annotations

import html

import pytest

from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID, TOKEN, check

# (key ID, secret, token, field with the message, words in the message)
REFUSED = [
    ("", SECRET, "", "access_key_id", "Enter the access key ID."),
    ("   ", SECRET, "", "access_key_id", "Enter the access key ID."),
    (KEY_ID, "", "", "secret_access_key", "Enter the secret access key."),
    (KEY_ID, " \n ", "", "secret_access_key", "Enter the secret access key."),
    ("AKIA123", SECRET, "", "access_key_id", "16–128 characters of A–Z and 0–9"),
    ("A" * 129, SECRET, "", "access_key_id", "16–128 characters of A–Z and 0–9"),
    ("akiaiosfodnn7example", SECRET, "", "access_key_id", "16–128 characters of A–Z and 0–9"),
    ("AKIA-OSFODNN7EXAMPLE", SECRET, "", "access_key_id", "16–128 characters of A–Z and 0–9"),
    ("AIDACKCEVSQ6C2EXAMPLE", SECRET, "", "access_key_id", "is an IAM user ID"),
    ("AROADBQP57FF2AEXAMPLE", SECRET, "", "access_key_id", "is an IAM role ID"),
    (TEMP_KEY_ID, SECRET, "", "session_token", "need their session token"),
    (KEY_ID, "x" * 129, "", "secret_access_key", "This is not a secret access key"),
    (
        KEY_ID,
        "wJalrXUtnFEMI\x00K7MDENG",
        "",
        "secret_access_key",
        "This is not a secret access key",
    ),
    (TEMP_KEY_ID, SECRET, "tok\x07en", "session_token", "This is not a session token"),
    (TEMP_KEY_ID, SECRET, "t" * 8193, "session_token", "This is not a session token"),
]


@pytest.mark.parametrize(("key_id", "secret", "token", "field", "words"), REFUSED)
def test_bad_input_is_refused_beside_its_field_without_calling_aws(
    client, sts, key_id, secret, token, field, words
):
    response = check(client, key_id=key_id, secret=secret, token=token)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    errors = page.split(f'id="{field}-errors"', 1)
    assert len(errors) == 2, f"no error list beside {field}"
    assert words in errors[1].split("</ul>", 1)[0]
    assert sts.requests == []


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        (f"  {KEY_ID}\n", "Removed spaces or line breaks around the access key ID."),
        (f'"{KEY_ID}"', "Removed the quotes around the access key ID."),
        (f"'{KEY_ID}'", "Removed the quotes around the access key ID."),
        ("AKIAIOSF ODNN7EXAMPLE", "Removed spaces or line breaks inside the access key ID."),
    ],
)
def test_pasted_whitespace_and_quotes_are_trimmed_and_said(client, sts, typed, note):
    page = html.unescape(check(client, key_id=typed).get_data(as_text=True))
    assert note in page
    assert "Valid credentials" in page
    assert sts.requests[0].key_id == KEY_ID


def test_quoted_secret_is_trimmed_before_signing(client, sts):
    page = html.unescape(check(client, secret=f'"{SECRET}"\n').get_data(as_text=True))
    assert "Removed the quotes around the secret access key." in page
    assert "Valid credentials" in page


@pytest.mark.parametrize(
    ("secret", "warning"),
    [
        (SECRET[:30], "has 30 characters, not 40: it looks truncated"),
        (SECRET + "abc", "has 43 characters, not 40"),
    ],
)
def test_unusual_secret_length_is_warned_about_but_still_checked(client, sts, secret, warning):
    page = html.unescape(check(client, secret=secret).get_data(as_text=True))
    assert warning in page
    assert len(sts.requests) == 1


def test_token_with_long_term_key_is_warned_about(client, sts):
    page = html.unescape(check(client, token=TOKEN).get_data(as_text=True))
    assert "A session token was given with a long-term (AKIA) key" in page
    assert len(sts.requests) == 1


def test_unknown_prefix_is_warned_about(client, sts):
    page = html.unescape(check(client, key_id="ZZZZIOSFODNN7EXAMPLE").get_data(as_text=True))
    assert "The prefix ZZZZ is not one AWS uses for access keys" in page


def test_secret_typed_into_the_key_id_field_is_not_sent_back(client, sts):
    page = check(client, key_id=SECRET, secret=SECRET).get_data(as_text=True)
    assert SECRET not in page
    assert "not shown again" in page
    assert sts.requests == []


def test_rejected_key_id_that_looks_like_a_key_id_is_kept_for_fixing(client, sts):
    page = check(client, key_id="AKIA123").get_data(as_text=True)
    assert 'value="AKIA123"' in page


def test_unknown_region_is_refused(client, sts):
    page = html.unescape(check(client, region="mars-north-1").get_data(as_text=True))
    assert "Not a valid choice" in page
    assert sts.requests == []


def test_missing_fields_entirely_are_refused(client, sts):
    response = client.post("/", data={})
    assert response.status_code == 200
    assert "Enter the access key ID." in response.get_data(as_text=True)
    assert sts.requests == []
