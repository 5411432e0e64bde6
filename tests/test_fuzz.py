"""The form under hypothesis: any text, any size, any field missing; never a 500, never an echo."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app import create_app

KEY_ID_LIKE = re.compile(r"[A-Z0-9\s\"'=_]*")
# no surrogates: a browser cannot send them as UTF-8 form data either
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
HUGE = st.integers(10_000, 70_000).map(lambda n: "A" * n)
KEY_IDS = st.one_of(ANY_TEXT, HUGE, st.from_regex(r"(AKIA|ASIA|AIDA)[A-Z0-9]{16}", fullmatch=True))
SECRETS = st.one_of(ANY_TEXT, HUGE, st.from_regex(r"[A-Za-z0-9/+]{40}", fullmatch=True))
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "access_key_id": KEY_IDS,
        "secret_access_key": SECRETS,
        "session_token": st.one_of(
            ANY_TEXT, st.from_regex(r"[A-Za-z0-9/+=]{60,200}", fullmatch=True)
        ),
        "pasted": ANY_TEXT,
        "profile": ANY_TEXT,
        "region": st.one_of(
            st.sampled_from(["us-east-1", "cn-north-1", "us-gov-west-1"]), ANY_TEXT
        ),
        "lookup_alias": st.sampled_from(["y", "", "on"]),
        "confirm_canary": st.sampled_from(["y", ""]),
    },
)


def distinctive(value: str) -> bool:
    # short or repetitive text can be found in any page by chance; key-ID-shaped text may be
    # shown on purpose (a key ID is not a secret)
    return len(value.strip()) >= 12 and len(set(value)) >= 8 and not KEY_ID_LIKE.fullmatch(value)


@pytest.fixture(scope="module")
def fuzz_app(sts_server):
    return create_app(
        {
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": sts_server.url,
            "STS_READ_TIMEOUT": 1,
            "AUDIT_LOG": "",
            "RATELIMIT_CHECKS": "100000/minute",
        }
    )


@given(fields=FIELDS)
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_form_input_gets_a_page_and_never_echoes_a_secret(fuzz_app, fields):
    response = fuzz_app.test_client().post("/", data=fields)
    assert response.status_code in (200, 413)
    page = response.get_data(as_text=True)
    for name in ("secret_access_key", "session_token", "pasted"):
        value = fields.get(name, "")
        # the profile field shows back what was typed in it, unless that looks like a secret
        if distinctive(value) and value.strip() != fields.get("profile", "").strip():
            assert value not in page and html.escape(value) not in page, name


@given(key_id=KEY_IDS)
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_key_id_field_echoes_only_key_id_shaped_text(fuzz_app, key_id):
    assume(len(key_id.strip()) >= 12 and len(set(key_id)) >= 8)
    page = fuzz_app.test_client().post("/", data={"access_key_id": key_id}).get_data(as_text=True)
    cleaned = key_id.strip()
    if html.escape(cleaned) in page:
        assert (
            cleaned.isascii() and cleaned.replace(" ", "").isalnum() and cleaned.upper() == cleaned
        )


@given(text=st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=6).map("\n".join)))
@settings(max_examples=300, deadline=None)
def test_the_paste_reader_never_raises(text):
    from credcheck.paste import parse

    found = parse(text)
    assert found is None or found.has_credentials or found.profiles
