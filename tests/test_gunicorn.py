"""`make serve`: gunicorn with threaded workers sharing one secret key, stopping gracefully."""

from __future__ import annotations

import json
import re
import signal
import threading
import time
import urllib.request

import pytest

from tests.conftest import KEY_ID, SECRET
from tests.services import post_form, start_app, stop
from tests.stand_in import Answer

CREDENTIALS = {"access_key_id": KEY_ID, "secret_access_key": SECRET}


@pytest.fixture
def gunicorn(sts):
    env = {
        "FLASK_STS_ENDPOINT_URL": sts.url,
        "FLASK_SECRET_KEY": "",  # unset: gunicorn.conf.py makes one for the launch
        "CREDCHECK_WORKERS": "3",
        "CREDCHECK_THREADS": "4",
        "FLASK_AUDIT_LOG": "",
    }
    process, url = start_app(env, gunicorn=True)
    yield process, url
    stop(process)


def test_forms_work_across_workers_with_one_generated_key(gunicorn, sts):
    process, url = gunicorn
    pages = [post_form(url, **CREDENTIALS)[0] for _ in range(12)]
    assert all("Valid credentials" in page for page in pages)
    output = stop(process)
    assert "made one for this launch" in output
    # each access-log line ends with the pid of the worker that served it
    served_by = re.findall(r'"POST / HTTP/1.1" 200 \d+ \d+ms pid=<(\d+)>', output)
    assert len(served_by) == 12
    assert len(set(served_by)) >= 2, "every check landed on one worker: nothing was shown"


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
