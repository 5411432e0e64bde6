"""English and Korean: every word a person reads exists in both, chosen as a person expects."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import SECRET, TEMP_KEY_ID, check
from tests.stand_in import SKEW_BEHIND

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "translations" / "ko" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
SKIP_DIRS = {"tests", "bench", "translations", "static"}


def source_messages() -> set[str]:
    """Every msgid in the code and templates, found as `make messages` finds them."""
    method_map = [("**.py", "python"), ("**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "N_": None}

    def wanted(dirname: str) -> bool:
        name = Path(dirname).name
        return not (name.startswith((".", "_")) or name in SKIP_DIRS)

    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, keywords=keywords, directory_filter=wanted
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_has_a_korean_translation():
    with PO.open("rb") as po:
        catalogue = {m.id: m for m in read_po(po) if m.id}
    messages = source_messages()
    assert len(messages) > 250  # the whole UI and the error catalogue, not a sample
    missing = sorted(m for m in messages if m not in catalogue or not catalogue[m].string)
    assert missing == [], f"no Korean for: {missing[:10]}"
    fuzzy = sorted(m for m in messages if catalogue[m].fuzzy)
    assert fuzzy == []
    for msgid in messages:
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(
            PLACEHOLDER.findall(catalogue[msgid].string)
        ), msgid


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("accept", "lang", "heading"),
    [
        ("ko-KR,ko;q=0.9,en;q=0.5", "ko", "AWS 자격 증명 검사"),
        ("en-GB,en;q=0.9", "en", "Check AWS credentials"),
        ("fr-FR", "en", "Check AWS credentials"),
        (None, "en", "Check AWS credentials"),
    ],
)
def test_language_follows_accept_language(client, accept, lang, heading):
    headers = {"Accept-Language": accept} if accept else {}
    text = page(client.get("/", headers=headers))
    assert f'<html lang="{lang}">' in text
    assert heading in text


def test_the_switch_is_visible_and_remembered(client):
    text = page(client.get("/", headers={"Accept-Language": "en"}))
    assert 'href="/lang/ko"' in text and "한국어" in text
    response = client.get("/lang/ko")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=ko") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "AWS 자격 증명 검사" in page(client.get("/", headers={"Accept-Language": "en"}))
    client.get("/lang/en")
    assert "Check AWS credentials" in page(client.get("/", headers={"Accept-Language": "ko"}))


def test_unknown_language_is_ignored(client):
    response = client.get("/lang/xx")
    assert response.status_code == 302
    assert "Set-Cookie" not in response.headers or "lang=" not in response.headers["Set-Cookie"]


def test_failure_is_explained_in_korean_with_awss_words_verbatim(client, sts):
    client.get("/lang/ko")
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    text = page(check(client, key_id=TEMP_KEY_ID, token="IQoJb3JpZ2luX2VjEXAMPLEtoken"))
    assert "이 임시 자격 증명은 만료되었습니다" in text
    assert "가능한 원인" in text and "다음에 할 일" in text
    assert "The security token included in the request is expired" in text
    assert SECRET not in text


def test_identity_and_field_messages_in_korean(client, sts):
    client.get("/lang/ko")
    assert "계정 123456789012의 IAM 사용자 Alice입니다." in page(check(client))
    text = page(check(client, key_id="", secret=""))
    assert "액세스 키 ID를 입력하세요." in text
    assert "보안 액세스 키를 입력하세요." in text


def test_clock_words_in_korean(client, sts):
    client.get("/lang/ko")
    sts.answer(sts.error(403, "SignatureDoesNotMatch", SKEW_BEHIND))
    assert "이 credcheck 서버의 시계가 AWS보다 약 1시간 45분 느립니다." in page(check(client))


def test_script_words_come_in_the_page_language(client):
    client.get("/lang/ko")
    raw = client.get("/").get_data(as_text=True)
    words = json.loads(html.unescape(re.search(r'data-i18n="([^"]+)"', raw)[1]))
    assert words["copied"] == "복사됨 ✓"
    assert words["checking"] == "검사 중…"


def selected(text: str) -> list[str]:
    return re.findall(r'<option value="([^"]+)" selected>', text)


def test_the_region_list_marks_only_the_chosen_region_in_either_language(client, sts):
    assert selected(page(client.get("/"))) == ["us-east-1"]
    assert selected(page(check(client, region="eu-west-1"))) == ["eu-west-1"]
    # the list is made once per language and shared: one visitor's choice never shows in the
    # next page
    assert selected(page(client.get("/"))) == ["us-east-1"]
    client.get("/lang/ko")
    korean = page(check(client, region="eu-west-1"))
    assert selected(korean) == ["eu-west-1"]
    assert '<optgroup label="AWS(표준)">' in korean
    assert "eu-west-1 — 유럽(아일랜드)" in korean
    assert "Europe (Ireland)" not in korean
