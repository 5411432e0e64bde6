"""The app factory: defaults, FLASK_* environment variables, then the test mapping."""

from __future__ import annotations

from app import create_app


def test_testing_switch_comes_from_test_config():
    assert not create_app().testing
    assert create_app({"TESTING": True}).testing


def test_settings_come_from_flask_prefixed_environment(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-env")
    monkeypatch.setenv("FLASK_STS_READ_TIMEOUT", "3.5")
    monkeypatch.setenv("FLASK_STS_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("FLASK_STS_ENDPOINT_URL", "http://127.0.0.1:4566")
    app = create_app()
    settings = app.extensions["credcheck"].settings
    assert app.config["SECRET_KEY"] == "from-env"
    assert (settings.read_timeout, settings.max_attempts) == (3.5, 3)
    assert settings.endpoint_url == "http://127.0.0.1:4566"


def test_test_config_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_STS_CONNECT_TIMEOUT", "9")
    app = create_app({"STS_CONNECT_TIMEOUT": 1})
    assert app.extensions["credcheck"].settings.connect_timeout == 1.0


def test_default_budget_fits_six_seconds():
    s = create_app().extensions["credcheck"].settings
    # each attempt waits at most one timeout; standard-mode backoff before attempt n is < 2**(n-2) s
    per_attempt = max(s.connect_timeout, s.read_timeout)
    backoff = sum(2**i for i in range(s.max_attempts - 1))
    assert s.max_attempts * per_attempt + backoff <= 6.0
