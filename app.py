"""The credcheck web app: the factory, the page, security headers and error pages."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from flask import Blueprint, Flask, current_app, render_template
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, InternalServerError

from credcheck import Checker, Settings, clock
from credcheck.canaries import canary_source
from credcheck.keys import key_facts
from credcheck.partitions import PARTITIONS, partition_of
from forms import CheckForm

csrf = CSRFProtect()
web = Blueprint("web", __name__)

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
# plain words for each error page: (title, what happened and what to do)
ERROR_PAGES = {
    400: ("Bad request", "The request could not be understood. Go back to the form and try again."),
    404: ("Page not found", "There is nothing at this address. The checker is on the front page."),
    405: ("Not allowed", "This address does not accept that kind of request."),
    413: (
        "Too much data",
        "What was sent is far larger than any set of credentials. Paste only the key ID, "
        "secret and session token.",
    ),
    429: ("Too many checks", "Wait a moment before checking again."),
    500: (
        "Something went wrong on our side",
        "The check could not be completed. Nothing you typed was kept. Try again.",
    ),
}
FORM_EXPIRED = (
    "The form expired",
    "The form was open too long, or did not come from this page. Nothing was sent to AWS. "
    "Reload the page and try again.",
)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then FLASK_* environment variables, then test_config."""
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=None,
        MAX_CONTENT_LENGTH=64 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        STS_CONNECT_TIMEOUT=2.0,
        STS_READ_TIMEOUT=2.0,
        STS_MAX_ATTEMPTS=2,
        STS_ENDPOINT_URL=None,
    )
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        app.logger.warning(
            "FLASK_SECRET_KEY is not set: using a random key for this process only "
            "(forms from another process or an earlier run will be refused)."
        )
    register_extensions(app)
    app.register_blueprint(web)
    register_errorhandlers(app)
    app.after_request(add_security_headers)
    app.jinja_env.globals.update(clock_note=clock.note, canary_source=canary_source)
    return app


def register_extensions(app: Flask) -> None:
    csrf.init_app(app)
    app.extensions["credcheck"] = Checker(
        Settings(
            connect_timeout=float(app.config["STS_CONNECT_TIMEOUT"]),
            read_timeout=float(app.config["STS_READ_TIMEOUT"]),
            max_attempts=int(app.config["STS_MAX_ATTEMPTS"]),
            endpoint_url=app.config["STS_ENDPOINT_URL"] or None,
        )
    )


def register_errorhandlers(app: Flask) -> None:
    for code in ERROR_PAGES:
        app.register_error_handler(code, render_error)
    app.register_error_handler(CSRFError, render_error)


def render_error(error: Exception):
    """One page for every HTTP error; unexpected exceptions become a plain 500."""
    if not isinstance(error, HTTPException):
        error = InternalServerError()
    title, text = FORM_EXPIRED if isinstance(error, CSRFError) else ERROR_PAGES[error.code]
    return render_template("error.html", code=error.code, title=title, text=text), error.code


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


@web.route("/", methods=["GET", "POST"])
def index():
    form = CheckForm()
    checker = current_app.extensions["credcheck"]
    result = alias = None
    if form.validate_on_submit():
        result = checker.check(form.credentials(), form.region.data)
        if result.ok and form.lookup_alias.data:
            alias = checker.account_alias(form.credentials(), form.region.data)
    facts = None
    if form.access_key_id.data and not form.access_key_id.errors:
        facts = key_facts(form.access_key_id.data)
    return render_template(
        "index.html",
        form=form,
        result=result,
        alias=alias,
        facts=facts,
        expiry=expiry_words(form.found),
        other_partitions=other_partitions(result, form.region.data),
    )


def expiry_words(found) -> str | None:
    """'expired 3 h ago' for pasted credentials that carried their expiry time."""
    if found is None or found.expiration is None:
        return None
    return clock.relative(found.expiration, datetime.now(UTC))


def other_partitions(result, region: str) -> list[tuple[str, str]]:
    """After an unknown-key answer from the standard partition: where else the key may work."""
    if result is None or result.ok or result.code != "InvalidClientTokenId":
        return []
    if partition_of(region).name != "aws":
        return []
    return [(p.regions[0][0], p.label) for p in PARTITIONS if p.name != "aws"]
