"""`make serve`: gunicorn with threaded workers sharing one secret key, stopping gracefully."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import KEY_ID, SECRET
from tests.services import post_form, start_app, stop
from tests.stand_in import Answer

CREDENTIALS = {"access_key_id": KEY_ID, "secret_access_key": SECRET}


def launch(sts, workers: int):
    """gunicorn as `make serve` starts it, with no FLASK_SECRET_KEY set."""
    env = {
        "FLASK_STS_ENDPOINT_URL": sts.url,
        "FLASK_SECRET_KEY": "",  # unset: gunicorn.conf.py makes one for the launch
        "CREDCHECK_WORKERS": str(workers),
        "CREDCHECK_THREADS": "4",
        "FLASK_AUDIT_LOG": "",
    }
    return start_app(env, gunicorn=True)


@pytest.fixture
def gunicorn(sts):
    process, url = launch(sts, workers=3)
    yield process, url
    stop(process)


def workers_of(master: int) -> set[int]:
    return {int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()}


def test_a_form_from_one_worker_is_accepted_by_another(sts):
    # one worker, replaced between GET and POST: a key made per process would refuse the form
    process, url = launch(sts, workers=1)

    def replace_the_worker() -> None:
        [first] = workers_of(process.pid)
        os.kill(first, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and workers_of(process.pid) in (set(), {first}):
            time.sleep(0.05)
        assert workers_of(process.pid) - {first}, "gunicorn did not start a new worker"

    try:
        page, _ = post_form(url, between=replace_the_worker, **CREDENTIALS)
    finally:
        output = stop(process)
    assert "made one for this launch" in output
    assert "Valid credentials" in page


def test_healthz_under_gunicorn(gunicorn):
    _, url = gunicorn
    with urllib.request.urlopen(url + "healthz", timeout=5) as response:
        assert json.load(response) == {"status": "ok"}


def test_sigterm_lets_in_flight_checks_finish(gunicorn, sts):
    process, url = gunicorn
    sts.answer(
        Answer(
            200,
            b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
            b"<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Slow</Arn>"
            b"<UserId>AIDASLOW</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
            b"<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
            b"</GetCallerIdentityResponse>",
            delay=1.5,
        )
    )
    pages: list[str] = []
    worker = threading.Thread(target=lambda: pages.append(post_form(url, **CREDENTIALS)[0]))
    worker.start()
    deadline = time.monotonic() + 10
    while not sts.requests and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sts.requests, "the check never reached the stand-in"
    process.send_signal(signal.SIGTERM)
    worker.join(timeout=20)
    assert pages and "The IAM user Slow" in pages[0]
    assert process.wait(timeout=20) == 0
