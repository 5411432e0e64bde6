"""Real identities and real refusals from moto's IAM and STS, over HTTP on loopback."""

from __future__ import annotations

import json

import pytest
from moto.core import enable_iam_authentication

from tests.conftest import aws, check, page_of

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
    ],
}


@pytest.fixture
def iam_user(moto_endpoint):
    """A user with an access key, made through moto's IAM; deleted afterwards."""
    iam = aws(moto_endpoint, "iam")
    iam.create_user(UserName="alice", Path="/support/")
    key = iam.create_access_key(UserName="alice")["AccessKey"]
    iam.put_user_policy(
        UserName="alice",
        PolicyName="assume",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
            }
        ),
    )
    yield key
    iam.delete_access_key(UserName="alice", AccessKeyId=key["AccessKeyId"])
    iam.delete_user_policy(UserName="alice", PolicyName="assume")
    iam.delete_user(UserName="alice")


def test_iam_user_key_shows_the_users_arn(moto_client, iam_user):
    shown = page_of(
        check(moto_client, key_id=iam_user["AccessKeyId"], secret=iam_user["SecretAccessKey"])
    )
    assert "Valid credentials" in shown
    assert "arn:aws:iam::123456789012:user/support/alice" in shown
    assert "The IAM user alice in account 123456789012." in shown
    assert "/support/" in shown


def test_assumed_role_shows_the_assumed_role_arn(moto_client, moto_endpoint, iam_user):
    iam = aws(moto_endpoint, "iam")
    role = iam.create_role(RoleName="Deploy", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]
    sts = aws(
        moto_endpoint, "sts", key_id=iam_user["AccessKeyId"], secret=iam_user["SecretAccessKey"]
    )
    issued = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="support-check")["Credentials"]
    try:
        shown = page_of(
            check(
                moto_client,
                key_id=issued["AccessKeyId"],
                secret=issued["SecretAccessKey"],
                token=issued["SessionToken"],
            )
        )
    finally:
        iam.delete_role(RoleName="Deploy")
    assert "Valid credentials" in shown
    assert "arn:aws:sts::123456789012:assumed-role/Deploy/support-check" in shown
    assert "the session support-check of the role Deploy" in shown
    assert issued["SessionToken"] not in shown


def test_unknown_key_is_invalid_client_token_id(moto_client):
    with enable_iam_authentication():
        shown = page_of(check(moto_client, key_id="AKIAUNKNOWNUNKNOWN00"))
    assert "AWS does not recognise this access key" in shown
    assert "InvalidClientTokenId" in shown


def test_wrong_secret_explains_signature_mismatch(moto_client, iam_user):
    with enable_iam_authentication():
        shown = page_of(check(moto_client, key_id=iam_user["AccessKeyId"], secret="W" * 40))
    assert "The secret access key does not match this key ID" in shown
    assert "SignatureDoesNotMatch" in shown


def test_right_secret_passes_moto_iam_authentication(moto_client, iam_user):
    with enable_iam_authentication():
        shown = page_of(
            check(moto_client, key_id=iam_user["AccessKeyId"], secret=iam_user["SecretAccessKey"])
        )
    assert "Valid credentials" in shown
