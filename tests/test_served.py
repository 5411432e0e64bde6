"""The app as `make run` serves it: a real HTTP server, a real form post, a real STS stand-in."""

from __future__ import annotations

from tests.conftest import SECRET, TEMP_KEY_ID, TOKEN
from tests.services import post_form, start_app, stop


def test_form_post_over_http_shows_identity_and_logs_no_secret(sts):
    process, url = start_app({"FLASK_STS_ENDPOINT_URL": sts.url})
    try:
        page, headers = post_form(
            url, access_key_id=TEMP_KEY_ID, secret_access_key=SECRET, session_token=TOKEN
        )
    finally:
        output = stop(process)
    assert "Valid credentials" in page
    assert SECRET not in page and TOKEN not in page
    assert headers["Cache-Control"] == "no-store"
    assert sts.requests[-1].key_id == TEMP_KEY_ID
    assert "POST / HTTP/1.1" in output
    assert SECRET not in output and TOKEN not in output
