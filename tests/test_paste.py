"""Whatever shape credentials arrive in, the right three values come out (and nothing else)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from credcheck.paste import parse
from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID

TOKEN = "IQoJb3JpZ2luX2VjEHYaCXVzLWVhc3QtMSJHMEUCIQDexampleTokenValueThatIsLong/ab+cd=="
EXPIRES = "2026-12-04T18:00:00+00:00"

CREDENTIALS_FILE = f"""[default]
aws_access_key_id = {KEY_ID}
aws_secret_access_key = {SECRET}
"""
TEMP_PROFILE = f"""[work]
aws_access_key_id={TEMP_KEY_ID}
aws_secret_access_key={SECRET}
aws_session_token={TOKEN}
"""
OLD_TOKEN_NAME = f"""[legacy]
aws_access_key_id = {TEMP_KEY_ID}
aws_secret_access_key = {SECRET}
aws_security_token = {TOKEN}
"""
CONFIG_STYLE = f"""# from ~/.aws/config
[profile ops]
region = eu-west-1
aws_access_key_id = {KEY_ID}
aws_secret_access_key = {SECRET}
"""
EXPORTS = f"""export AWS_ACCESS_KEY_ID={TEMP_KEY_ID}
export AWS_SECRET_ACCESS_KEY="{SECRET}"
export AWS_SESSION_TOKEN='{TOKEN}'
"""
DOTENV = f"AWS_ACCESS_KEY_ID={KEY_ID}\nAWS_SECRET_ACCESS_KEY={SECRET}\n"
WINDOWS = f"set AWS_ACCESS_KEY_ID={KEY_ID}\r\nset AWS_SECRET_ACCESS_KEY={SECRET}\r\n"
POWERSHELL = (
    f'$Env:AWS_ACCESS_KEY_ID="{TEMP_KEY_ID}"\n$Env:AWS_SECRET_ACCESS_KEY="{SECRET}"\n'
    f'$Env:AWS_SESSION_TOKEN="{TOKEN}"\n'
)
ASSUME_ROLE = json.dumps(
    {
        "Credentials": {
            "AccessKeyId": TEMP_KEY_ID,
            "SecretAccessKey": SECRET,
            "SessionToken": TOKEN,
            "Expiration": EXPIRES,
        },
        "AssumedRoleUser": {
            "AssumedRoleId": "AROAEXAMPLE:me",
            "Arn": "arn:aws:sts::1:assumed-role/R/me",
        },
    },
    indent=4,
)
EXPORT_CREDENTIALS = json.dumps(
    {
        "Version": 1,
        "AccessKeyId": TEMP_KEY_ID,
        "SecretAccessKey": SECRET,
        "SessionToken": TOKEN,
        "Expiration": "2026-12-04T18:00:00Z",
    }
)
CSV_NEW = f"Access key ID,Secret access key\n{KEY_ID},{SECRET}\n"
CSV_WITH_USER = f"User name,Access key ID,Secret access key\nalice,{KEY_ID},{SECRET}\n"


@pytest.mark.parametrize(
    ("text", "key_id", "token", "source"),
    [
        (CREDENTIALS_FILE, KEY_ID, None, "an AWS credentials file"),
        (TEMP_PROFILE, TEMP_KEY_ID, TOKEN, "an AWS credentials file"),
        (OLD_TOKEN_NAME, TEMP_KEY_ID, TOKEN, "an AWS credentials file"),
        (CONFIG_STYLE, KEY_ID, None, "an AWS credentials file"),
        (EXPORTS, TEMP_KEY_ID, TOKEN, "environment variables"),
        (DOTENV, KEY_ID, None, "environment variables"),
        (WINDOWS, KEY_ID, None, "environment variables"),
        (POWERSHELL, TEMP_KEY_ID, TOKEN, "environment variables"),
        (ASSUME_ROLE, TEMP_KEY_ID, TOKEN, "JSON from the AWS CLI"),
        (EXPORT_CREDENTIALS, TEMP_KEY_ID, TOKEN, "JSON from the AWS CLI"),
        (CSV_NEW, KEY_ID, None, "CSV"),
        (CSV_WITH_USER, KEY_ID, None, "CSV"),
        (f"{KEY_ID} {SECRET}", KEY_ID, None, "bare values"),
        (f"{KEY_ID},{SECRET}", KEY_ID, None, "bare values"),
        (f"{KEY_ID}\n{SECRET}\n{TOKEN}\n", KEY_ID, TOKEN, "bare values"),
        (f"{SECRET}\n{TEMP_KEY_ID}\n{TOKEN}", TEMP_KEY_ID, TOKEN, "bare values"),
        (f"\ufeff  {CREDENTIALS_FILE}  ", KEY_ID, None, "an AWS credentials file"),
    ],
)
def test_every_format_yields_the_three_values(text, key_id, token, source):
    found = parse(text)
    assert found is not None
    assert (found.access_key_id, found.secret_access_key, found.session_token) == (
        key_id,
        SECRET,
        token,
    )
    assert source in found.source


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello world",
        "please check my keys, they stopped working yesterday",
        "region = us-east-1\noutput = json",
        '{"Version": 1}',
        "[1, 2, 3]",
        "Name,Email\nalice,a@example.com",
        f"{KEY_ID}",  # a key ID alone is not a pair
        f"{KEY_ID} {KEY_ID}",
        "AKIAIOSFODNN7EXAMPLE short",
        "one two three four",
        "<html><body>AWS</body></html>",
        'a\rb,"c\n',  # found by hypothesis: csv.Error once
    ],
)
def test_text_without_credentials_is_not_mistaken_for_them(text):
    assert parse(text) is None


@pytest.mark.parametrize(
    "text",
    ["Access key ID,Secret access key\n\r0", "Access key ID,Secret access key\nA,B,C,D\n"],
)
def test_malformed_console_csv_does_not_raise(text):
    # found by hypothesis: a stray carriage return, and more cells than headers
    found = parse(text)
    assert found is None or found.source.endswith("(CSV)")


def test_expiration_is_read_from_json():
    assert parse(ASSUME_ROLE).expiration == datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
    assert parse(EXPORT_CREDENTIALS).expiration == datetime(2026, 12, 4, 18, 0, tzinfo=UTC)


def test_several_profiles_are_listed_without_their_secrets():
    found = parse(CREDENTIALS_FILE + "\n" + TEMP_PROFILE)
    assert found.profiles == ("default", "work")
    assert found.access_key_id is None and found.secret_access_key is None
    assert SECRET not in repr(found)


def test_a_chosen_profile_is_used():
    found = parse(CREDENTIALS_FILE + "\n" + TEMP_PROFILE, profile="work")
    assert (found.access_key_id, found.session_token, found.profile) == (TEMP_KEY_ID, TOKEN, "work")


def test_csv_user_name_is_kept():
    assert parse(CSV_WITH_USER).user_name == "alice"


def test_found_repr_holds_no_secret():
    assert SECRET not in repr(parse(TEMP_PROFILE)) and TOKEN not in repr(parse(TEMP_PROFILE))
