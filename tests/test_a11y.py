"""axe-core finds no accessibility violations on the pages people see."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import REQUIRED
from tests.conftest import KEY_ID, SECRET, TEMP_KEY_ID

AXE = Path(
    os.environ.get(
        "CREDCHECK_AXE",
        Path(__file__).resolve().parent.parent / ".venv/axe/node_modules/axe-core/axe.min.js",
    )
)


@pytest.fixture
def axe(page):
    if not AXE.exists():
        message = f"no axe-core at {AXE} (make test installs it with npm)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    source = AXE.read_text()

    def violations() -> list[str]:
        # page.evaluate, not a <script> tag: the page's CSP forbids inline scripts
        page.evaluate(source)
        found = page.evaluate("async () => (await axe.run(document)).violations")
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['html'][:120]})"
            for v in found
        ]

    return violations


def submit(page, key_id=KEY_ID, secret=SECRET):
    page.fill("#access_key_id", key_id)
    page.fill("#secret_access_key", secret)
    page.click("#submit")
    page.wait_for_selector("#result")


def test_empty_form(page, axe):
    assert axe() == []


def test_identity_result(page, axe, sts):
    submit(page)
    page.wait_for_selector(".verdict--ok")
    page.click("summary")  # the raw response, opened
    assert axe() == []


def test_failure_result(page, axe, sts):
    sts.answer(
        sts.error(
            403, "InvalidClientTokenId", "The security token included in the request is invalid."
        )
    )
    submit(page, key_id="AKIABTX3GSDSVIJDIVTY")
    page.wait_for_selector(".verdict--fail")
    assert axe() == []


def test_validation_errors(page, axe):
    submit(page, key_id=TEMP_KEY_ID, secret="")
    page.wait_for_selector(".errors")
    assert axe() == []


def test_korean_identity_result(page, live, axe, sts):
    page.goto(live.url + "lang/ko")
    submit(page)
    page.wait_for_selector(".verdict--ok")
    assert page.get_attribute("html", "lang") == "ko"
    assert axe() == []


def test_result_is_announced_and_focused(page, sts):
    submit(page)
    page.wait_for_selector(".verdict--ok")
    assert page.get_attribute("#result", "aria-live") == "polite"
    assert page.evaluate("document.activeElement.id") == "result"


def test_inputs_have_labels(page):
    for field in (
        "pasted",
        "profile",
        "access_key_id",
        "secret_access_key",
        "session_token",
        "region",
        "lookup_alias",
    ):
        assert page.locator(f"label[for={field}]").count() == 1, field


def test_axe_here_does_find_violations(page, axe):
    # the harness itself: an image without alt text must be reported
    page.evaluate(
        "document.body.appendChild("
        "Object.assign(document.createElement('img'), {src: '/static/favicon.svg'}))"
    )
    assert any(v.startswith("image-alt") for v in axe())


def test_keyboard_focus_is_visible(page):
    page.focus("#access_key_id")
    page.keyboard.press("Tab")  # focus moved by keyboard: :focus-visible applies
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.id, s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] == "secret_access_key"
    assert style[1] != "none" and style[2] not in ("0px", "")
