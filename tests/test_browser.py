"""The page in a real browser: Debian's Chromium, driven by playwright, on loopback only."""

from __future__ import annotations

from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID
from tests.test_paste import EXPORTS, TOKEN


def test_fill_the_form_and_see_the_identity(page, sts):
    page.fill("#access_key_id", KEY_ID)
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    assert "The IAM user Alice in account 123456789012." in page.inner_text("#result")
    assert page.input_value("#secret_access_key") == ""
    assert any(line.startswith("[getCallerIdentity] : [Success] : {") for line in page.console)


def test_a_failure_is_explained_in_the_page_and_the_console(page, sts):
    sts.answer(
        sts.error(403, "ExpiredToken", "The security token included in the request is expired")
    )
    page.fill("#access_key_id", TEMP_KEY_ID)
    page.fill("#secret_access_key", SECRET)
    page.fill("#session_token", TOKEN)
    page.click("#submit")
    page.wait_for_selector(".verdict--fail")
    assert "These temporary credentials have expired" in page.inner_text("#result")
    assert any(
        '[getCallerIdentity] : [Error] : {"code": "ExpiredToken"' in line for line in page.console
    )


def test_keyboard_only_check(page, sts):
    page.focus("#access_key_id")
    page.keyboard.type(KEY_ID)
    page.keyboard.press("Tab")
    page.keyboard.type(SECRET)
    page.keyboard.press("Enter")
    page.wait_for_selector(".verdict--ok")
    assert page.evaluate("document.activeElement.id") == "result"


def test_pasting_fills_the_fields_in_the_page(page, sts):
    page.fill("#pasted", EXPORTS)
    assert page.input_value("#access_key_id") == TEMP_KEY_ID
    assert page.input_value("#secret_access_key") == SECRET
    assert page.input_value("#session_token") == TOKEN
    assert "Filled the fields from the pasted text." in page.inner_text(".check-form")
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    assert sts.requests[0].headers["x-amz-security-token"] == TOKEN
    assert page.input_value("#pasted") == ""
