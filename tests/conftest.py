"""Shared fixtures: the app, its client, the STS stand-in and moto on loopback."""

from __future__ import annotations

import html
import logging
import os

import boto3
import pytest
from hypothesis import settings
from moto.server import ThreadedMotoServer

from app import create_app
from tests.stand_in import StsStandIn, self_signed_context

pytest_plugins = ["tests.browser"]

# in CI the generated examples are fixed (derandomized), so a run is repeatable; elsewhere they
# vary from run to run and keep finding new inputs
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

# credentials the *server* has: no check may ever be signed with them
SERVER_KEY_ID = "AKIASERVERSOWNKEY000"
SERVER_SECRET = "serverSecretThatMustNeverSignAnything000"
SERVER_PROFILE = f"""[default]
aws_access_key_id = {SERVER_KEY_ID}
aws_secret_access_key = {SERVER_SECRET}
"""

# what a user types in the tests
KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TEMP_KEY_ID = "ASIAY34FZKBOKMUTVV7A"
# a new-format key ID whose account decodes offline to 111122223333
ISSUED_KEY_ID = "AKIABTX3GSDSVIJDIVTY"
ISSUED_ACCOUNT = "111122223333"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN/with+base64=="


@pytest.fixture(autouse=True, scope="session")
def compiled_translations():
    """The Korean .mo, as `make` builds it, in case pytest runs without make."""
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = Path(__file__).resolve().parent.parent / "translations/ko/LC_MESSAGES/messages.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        with po.open("rb") as source, mo.open("wb") as target:
            write_mo(target, read_po(source))


@pytest.fixture(autouse=True)
def server_has_its_own_credentials(monkeypatch, tmp_path):
    """Every test runs on a server whose environment and ~/.aws hold credentials."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", SERVER_KEY_ID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SERVER_SECRET)
    profile = tmp_path / "credentials"
    profile.write_text(SERVER_PROFILE)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(profile))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    # never reach a real metadata service from a test
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def sts_server():
    server = StsStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def sts(sts_server):
    """The STS stand-in, with no script and no recorded requests."""
    sts_server.reset()
    return sts_server


@pytest.fixture
def tls_sts(tmp_path):
    """The URL of an STS stand-in behind a certificate nobody trusts."""
    server = StsStandIn(tls=self_signed_context(tmp_path)).start()
    yield server.url
    server.stop()


@pytest.fixture
def app(sts):
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "STS_ENDPOINT_URL": sts.url,
        }
    )


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def all_logs(caplog):
    """Every log record at every level, while a test runs."""
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture(scope="session")
def moto_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def moto_client(moto_endpoint):
    """The app checking against moto's server."""
    app = create_app(
        {"SECRET_KEY": "t", "WTF_CSRF_ENABLED": False, "STS_ENDPOINT_URL": moto_endpoint}
    )
    return app.test_client()


def aws(moto_endpoint, service, **credentials):
    """A boto3 client for moto's server, as its admin unless given other credentials."""
    return boto3.client(
        service,
        region_name="us-east-1",
        endpoint_url=moto_endpoint,
        aws_access_key_id=credentials.get("key_id", "AKIAADMINADMINADMIN0"),
        aws_secret_access_key=credentials.get("secret", "admin"),
        aws_session_token=credentials.get("token"),
    )


def page_of(response) -> str:
    """A 200 page's text, entities decoded."""
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def check(
    client,
    key_id=KEY_ID,
    secret=SECRET,
    token="",
    region="us-east-1",
    *,
    headers=None,
    environ_base=None,
    **fields,
):
    """Submit the form as a browser would; extra keyword arguments are more form fields."""
    data = {
        "access_key_id": key_id,
        "secret_access_key": secret,
        "session_token": token,
        "region": region,
        **fields,
    }
    return client.post("/", data=data, headers=headers or {}, environ_base=environ_base or {})


@pytest.fixture
def live(sts):
    """The app with CSRF on, served over real HTTP, checking against the STS stand-in."""
    from tests.browser import LiveServer

    server = LiveServer(create_app({"SECRET_KEY": "live", "STS_ENDPOINT_URL": sts.url}))
    yield server
    server.stop()


@pytest.fixture
def page(browser, live):
    """A fresh browser tab, with console messages collected in page.console."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    tab.console = []
    tab.on("console", lambda message: tab.console.append(message.text))
    tab.goto(live.url)
    yield tab
    context.close()
