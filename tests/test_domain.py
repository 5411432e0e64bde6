"""The domain package on its own: ARNs, key IDs, clocks and the catalogue, no Flask."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from credcheck import catalogue, clock
from credcheck.identity import describe
from credcheck.keys import decode_account, key_facts


@pytest.mark.parametrize(
    ("arn", "user_id", "kind", "words"),
    [
        ("arn:aws:iam::123456789012:user/Alice", "AIDAEXAMPLE", "user", "The IAM user Alice"),
        ("arn:aws:iam::123456789012:user/ops/eu/Bob", "AIDAEXAMPLE", "user", "The IAM user Bob"),
        ("arn:aws:iam::123456789012:root", "123456789012", "root", "root user of account"),
        (
            "arn:aws:sts::123456789012:assumed-role/Deploy/ci-42",
            "AROAEXAMPLE:ci-42",
            "assumed-role",
            "the session ci-42 of the role Deploy",
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/kim@example.com",
            "AROAEXAMPLE:kim@example.com",
            "sso",
            "with the permission set ReadOnly",
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_Access_fedcba9876543210/lee",
            "AROAEXAMPLE:lee",
            "sso",
            "permission set Admin_Access",
        ),
        (
            "arn:aws:sts::123456789012:assumed-role/WebServer/i-0abc123def4567890",
            "AROAEXAMPLE:i-0abc123def4567890",
            "assumed-role",
            "an instance profile",
        ),
        (
            "arn:aws:sts::123456789012:federated-user/carol",
            "123456789012:carol",
            "federated-user",
            "The federated user carol",
        ),
        ("arn:aws-cn:iam::123456789012:user/Wang", "AIDAEXAMPLE", "user", "The IAM user Wang"),
        ("arn:aws:iam::123456789012:something/new", "X", "unknown", "A principal in account"),
        ("not an arn", "X", "unknown", "A principal in account"),
    ],
)
def test_arn_is_explained_in_words(arn, user_id, kind, words):
    identity = describe(arn, "123456789012", user_id)
    assert identity.principal_type == kind
    assert words in identity.summary


def test_user_path_and_partition_are_taken_apart():
    identity = describe("arn:aws-us-gov:iam::123456789012:user/ops/eu/Bob", "123456789012", "AIDA")
    assert (identity.name, identity.path) == ("Bob", "/ops/eu/")
    assert identity.partition_label == "AWS GovCloud (US)"


@pytest.mark.parametrize(
    ("key_id", "account"),
    [
        ("AKIASP2TPHJSQH3FJRUX", "171436882533"),
        ("ASIAY34FZKBOKMUTVV7A", "609629065308"),
        ("AKIAIOSFODNN7EXAMPLE", None),  # old format: fifth character I
        ("AKIAJOSFODNN7EXAMPLE", None),  # old format: fifth character J
        ("AIDASP2TPHJSQH3FJRUX", None),  # not an access key at all
    ],
)
def test_account_is_decoded_offline_from_new_format_keys(key_id, account):
    assert key_facts(key_id).account == account


def test_decoder_rejects_what_is_not_base32():
    assert decode_account("AKIA0000000000000000") is None


@pytest.mark.parametrize(
    ("key_id", "temporary", "is_key"),
    [
        ("AKIAIOSFODNN7EXAMPLE", False, True),
        ("ASIAY34FZKBOKMUTVV7A", True, True),
        ("AROAY34FZKBOKMUTVV7A", False, False),
    ],
)
def test_key_type_comes_from_the_prefix(key_id, temporary, is_key):
    facts = key_facts(key_id)
    assert (facts.temporary, facts.is_access_key) == (temporary, is_key)
    assert facts.masked == f"{key_id[:4]}…{key_id[-4:]}"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (30, "30 seconds"),
        (600, "10 minutes"),
        (6300, "1 h 45 min"),
        (7200, "2 h"),
        (3 * 86400, "3 days"),
    ],
)
def test_durations_read_like_speech(seconds, words):
    assert str(clock.duration_words(timedelta(seconds=seconds))) == words


def test_date_header_offset_is_measured_against_the_server_clock():
    now = datetime(2026, 12, 4, 12, 4, 0, tzinfo=UTC)
    offset = clock.offset_from_date_header("Fri, 04 Dec 2026 12:00:00 GMT", now)
    assert offset == timedelta(minutes=4)
    assert (
        str(clock.note(offset))
        == "This credcheck server's clock is about 4 minutes ahead of AWS's."
    )
    assert clock.note(timedelta(seconds=20)) is None
    assert clock.offset_from_date_header("garbage", now) is None


def test_skew_message_that_is_not_a_skew_is_ignored():
    assert clock.skew_from_message("The request signature we calculated does not match") is None


def test_catalogue_covers_the_codes_the_old_page_listed_and_more():
    for code in (
        "AccessDenied",
        "InvalidClientTokenId",
        "ExpiredToken",
        "IncompleteSignature",
        "MissingAuthenticationToken",
        "RequestExpired",
        "InternalFailure",
        "ServiceUnavailable",
        "SignatureDoesNotMatch",
        "Throttling",
        "RegionDisabledException",
        "OptInRequired",
        "InvalidAction",
    ):
        entry = catalogue.CATALOGUE[code]
        assert entry.title and entry.meaning and entry.causes and entry.next_steps
    assert catalogue.explain("NoSuchCode") is catalogue.CATALOGUE["Unknown"]


def test_domain_never_imports_flask():
    probe = (
        "import sys, credcheck, credcheck.inputs, credcheck.catalogue;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'flask', 'flask_wtf', 'wtforms'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
