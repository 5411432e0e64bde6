"""The page in a real browser: Debian's Chromium, driven by playwright, on loopback only."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID
from tests.stand_in import SKEW_BEHIND
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


def test_copy_buttons_copy_account_arn_and_user_id(page, live, sts):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live.url.rstrip("/")
    )
    page.fill("#access_key_id", KEY_ID)
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    for target, value in [
        ("value-account", "123456789012"),
        ("value-arn", "arn:aws:iam::123456789012:user/Alice"),
        ("value-userid", "AIDACKCEVSQ6C2EXAMPLE"),
    ]:
        page.click(f"button.copy[data-copy={target}]")
        assert page.evaluate("navigator.clipboard.readText()") == value
    assert page.inner_text("button.copy[data-copy=value-userid]") == "Copied ✓"


def test_secret_can_be_shown_and_hidden(page):
    page.fill("#secret_access_key", SECRET)
    toggle = page.locator("#secret_access_key + button.toggle")
    assert page.get_attribute("#secret_access_key", "type") == "password"
    toggle.click()
    assert page.get_attribute("#secret_access_key", "type") == "text"
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert page.get_attribute("#secret_access_key", "type") == "password"


def test_button_says_checking_while_a_check_runs(page, sts):
    page.fill("#access_key_id", KEY_ID)
    page.fill("#secret_access_key", SECRET)
    # hold the form on this page (a listener added after the app's own) to look at the button
    page.evaluate(
        "document.querySelector('form.check-form')"
        ".addEventListener('submit', (event) => event.preventDefault())"
    )
    page.click("#submit")
    assert page.input_value("#submit") == "Checking…"
    assert page.is_disabled("#submit")
    assert sts.requests == []


def test_page_works_without_javascript(browser, live, sts):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live.url)
    page.fill("#pasted", EXPORTS)
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    assert "Read the credentials from environment variables." in page.inner_text("form")
    assert sts.requests[0].headers["x-amz-security-token"] == TOKEN
    context.close()


def test_narrow_screen_has_no_sideways_scroll(page, sts):
    page.set_viewport_size({"width": 360, "height": 740})
    page.fill("#access_key_id", KEY_ID)
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


SCREENSHOTS = Path(
    os.environ.get(
        "CREDCHECK_SCREENSHOT_DIR", Path(__file__).resolve().parent / "artifacts" / "screenshots"
    )
)


def test_screenshots_of_the_form_an_identity_and_a_failure(page, sts):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.screenshot(path=SCREENSHOTS / "form.png", full_page=True)
    page.fill("#access_key_id", "AKIABTX3GSDSVIJDIVTY")
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--ok")
    page.locator("#result").screenshot(path=SCREENSHOTS / "identity.png")
    sts.answer(sts.error(403, "SignatureDoesNotMatch", SKEW_BEHIND))
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--fail")
    page.locator("#result").screenshot(path=SCREENSHOTS / "failure.png")
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + "/lang/ko")
    page.fill("#access_key_id", "AKIABTX3GSDSVIJDIVTY")
    page.fill("#secret_access_key", SECRET)
    page.click("#submit")
    page.wait_for_selector(".verdict--fail")
    page.locator("#result").screenshot(path=SCREENSHOTS / "failure-ko.png")
    for name in ("form", "identity", "failure", "failure-ko"):
        assert (SCREENSHOTS / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
