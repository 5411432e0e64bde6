"""The credcheck web app: the factory, the page, security headers and error pages."""

from __future__ import annotations

import secrets
import threading
from datetime import UTC, datetime

from flask import (
    Blueprint,
    Flask,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.sessions import SecureCookieSessionInterface
from flask_babel import Babel
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from redis.exceptions import RedisError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix

import access
import i18n
import limiting
import widgets
from api import api, refuse
from checks import run_check
from credcheck import Checker, Settings, clock
from credcheck.audit import AuditLog
from credcheck.canaries import canary_source
from credcheck.keys import key_facts
from credcheck.partitions import DEFAULT_REGION, PARTITIONS, partition_of
from credcheck.text import N_, Text
from forms import CheckForm

csrf = CSRFProtect()
babel = Babel()
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
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# plain words for each error page: (title, what happened and what to do)
ERROR_PAGES = {
    400: (
        N_("Bad request"),
        N_("The request could not be understood. Go back to the form and try again."),
    ),
    401: (N_("Sign in needed"), N_("This credcheck is for its team only. Sign in and try again.")),
    403: (
        N_("Not allowed"),
        N_(
            "This credcheck only accepts requests through its sign-in proxy, from signed-in people."
        ),
    ),
    404: (
        N_("Page not found"),
        N_("There is nothing at this address. The checker is on the front page."),
    ),
    405: (N_("Not allowed"), N_("This address does not accept that kind of request.")),
    413: (
        N_("Too much data"),
        N_(
            "What was sent is far larger than any set of credentials. Paste only the key ID, "
            "secret and session token."
        ),
    ),
    415: (
        N_("Wrong content type"),
        N_("This address takes JSON (Content-Type: application/json)."),
    ),
    429: (
        N_("Too many checks"),
        N_("Checks from your address are limited, to protect AWS and us."),
    ),
    500: (
        N_("Something went wrong on our side"),
        N_("The check could not be completed. Nothing you typed was kept. Try again."),
    ),
    503: (
        N_("Checks are paused"),
        N_(
            "The server cannot reach the store that keeps its rate limits, and is set to refuse "
            "checks until it can. Try again in a minute."
        ),
    ),
}
FORM_EXPIRED = (
    N_("The form expired"),
    N_(
        "The form was open too long, was opened on another server of this credcheck, or did not "
        "come from this page. Nothing was sent to AWS. Reload the page and try again."
    ),
)
# what happens to checks when the rate-limit store (Redis) cannot be reached
STORAGE_ERROR_POLICIES = {
    "memory": {"RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True, "RATELIMIT_SWALLOW_ERRORS": True},
    "open": {"RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": False, "RATELIMIT_SWALLOW_ERRORS": True},
    "closed": {"RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": False, "RATELIMIT_SWALLOW_ERRORS": False},
}


class SessionInterface(SecureCookieSessionInterface):
    """Session cookies are Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return request.is_secure or super().get_cookie_secure(app)


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
        RATELIMIT_CHECKS="20/minute;200/hour",
        RATELIMIT_STORAGE_URI="memory://",
        RATELIMIT_ON_STORAGE_ERROR="memory",
        # X-RateLimit-* on every check cost 0.4 ms each (README, Performance); a 429 says
        # Retry-After either way
        RATELIMIT_HEADERS_ENABLED=False,
        PROXY_FIX_HOPS=0,
        AUTH_MODE="none",
        AUTH_USERS="",
        AUTH_USERS_FILE="",
        AUTH_HEADER="X-Forwarded-User",
        AUTH_TRUSTED_PROXIES="127.0.0.1,::1",
        AUDIT_LOG="-",
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
    app.session_interface = SessionInterface()
    if int(app.config["PROXY_FIX_HOPS"]):
        hops = int(app.config["PROXY_FIX_HOPS"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    app.after_request(add_security_headers)
    app.jinja_env.globals.update(
        control=widgets.control,
        clock_note=clock.note,
        canary_source=canary_source,
        languages=i18n.LANGUAGES.items(),
    )
    app.jinja_env.filters["t"] = translate
    # Flask-Babel's own gettext looks its context up afresh on every call, about 30 µs each and
    # 60 calls a page; these use the request's language, decided once (i18n.current)
    app.jinja_env.install_gettext_callables(
        gettext=lambda msgid: i18n.current().gettext(msgid),
        ngettext=lambda singular, plural, n: i18n.current().ngettext(singular, plural, n),
        newstyle=True,
    )
    return app


def register_extensions(app: Flask) -> None:
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.chosen_code)
    i18n.init_app(app)
    app.extensions["credcheck"] = Checker(
        Settings(
            connect_timeout=float(app.config["STS_CONNECT_TIMEOUT"]),
            read_timeout=float(app.config["STS_READ_TIMEOUT"]),
            max_attempts=int(app.config["STS_MAX_ATTEMPTS"]),
            endpoint_url=app.config["STS_ENDPOINT_URL"] or None,
        )
    )
    # build the default region's client now, off the request path: it takes ~100 ms, which
    # would otherwise land on the first person to check
    threading.Thread(
        target=app.extensions["credcheck"].client, args=(DEFAULT_REGION,), daemon=True
    ).start()
    app.extensions["audit"] = AuditLog(app.config["AUDIT_LOG"])
    app.config.update(STORAGE_ERROR_POLICIES[app.config["RATELIMIT_ON_STORAGE_ERROR"]])
    if app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        # the same in-process store, without a new thread every other check (limiting.py)
        app.config["RATELIMIT_STORAGE_URI"] = f"{limiting.SCHEME}://"
    # one limiter per app (not a module global), so each app keeps its own storage and policy
    app.extensions["checks_limiter"] = Limiter(get_remote_address, app=app)
    access.init_app(app)


def register_blueprints(app: Flask) -> None:
    csrf.exempt(api)
    limiter = app.extensions["checks_limiter"]
    # only checks (POSTs) are limited; other requests skip the limiter's work altogether
    limiter.request_filter(lambda: request.method != "POST")
    for blueprint in (web, api):
        # one budget for form and API checks alike
        limiter.shared_limit(app.config["RATELIMIT_CHECKS"], scope="checks", methods=["POST"])(
            blueprint
        )
        app.register_blueprint(blueprint)
    app.add_url_rule("/healthz", "healthz", healthz)


def register_errorhandlers(app: Flask) -> None:
    for code in ERROR_PAGES:
        app.register_error_handler(code, render_error)
    app.register_error_handler(CSRFError, render_error)
    app.register_error_handler(RedisError, storage_unavailable)


def storage_unavailable(error: RedisError):
    """RATELIMIT_ON_STORAGE_ERROR=closed: no limit store, no checks."""
    current_app.logger.error(
        "rate-limit storage unreachable (%s): refusing checks, "
        "as RATELIMIT_ON_STORAGE_ERROR=closed",
        type(error).__name__,
    )
    return render_error(ServiceUnavailable())


def render_error(error: Exception):
    """One page (or JSON body, under /api/) for every HTTP error."""
    if not isinstance(error, HTTPException):
        error = InternalServerError()
    code = error.code or 500
    title, text = FORM_EXPIRED if isinstance(error, CSRFError) else ERROR_PAGES[code]
    headers = {}
    if code == 401:
        headers["WWW-Authenticate"] = 'Basic realm="credcheck", charset="UTF-8"'
    if code == 429:
        seconds = retry_after(current_app.extensions["checks_limiter"].current_limit)
        retry = (
            Text.of(N_("Try again in %(seconds)d seconds."), seconds=seconds)
            if seconds
            else Text(N_("Try again in a minute."))
        )
        text = Text.of(N_("%(text)s %(retry)s"), text=Text(text), retry=retry)
        headers["Retry-After"] = str(seconds or 60)
    if request.path.startswith("/api/"):
        body, _ = refuse(code, f"HTTP{code}", title, str(text))
        return body, code, headers
    return render_template("error.html", code=code, title=title, text=text), code, headers


def retry_after(limit: RequestLimit | None) -> int | None:
    """Seconds until the breached limit lets checks through again; None when not known."""
    if limit is None:
        return None
    return max(1, int(limit.reset_at - datetime.now(UTC).timestamp()))


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def translate(value) -> str:
    """The `t` filter: domain words (str msgids or Text) in the page's language."""
    return i18n.current().translate(value)


def healthz():
    """Liveness for load balancers: answers without calling AWS."""
    return jsonify(status="ok")


@web.route("/", methods=["GET", "POST"])
def index():
    form = CheckForm()
    result = alias = None
    if form.validate_on_submit():
        result, alias = run_check(form)
    facts = None
    if form.access_key_id.data and not form.access_key_id.errors:
        facts = key_facts(form.access_key_id.data)
    expiry_text, expired = expiry(form.found)
    return render_template(
        "index.html",
        form=form,
        result=result,
        alias=alias,
        facts=facts,
        expiry=expiry_text,
        expired=expired,
        other_partitions=other_partitions(result, form.region.data),
    )


@web.route("/lang/<code>")
def language(code: str):
    """Switch the page's language, remembered in a cookie (a preference, not a secret)."""
    response = redirect(url_for("web.index"))
    if code in i18n.LANGUAGES:
        response.set_cookie(
            i18n.COOKIE,
            code,
            max_age=365 * 24 * 3600,
            secure=request.is_secure,
            httponly=True,
            samesite="Lax",
        )
    return response


def expiry(found) -> tuple[Text | None, bool]:
    """('expired 3 h ago', True) for pasted credentials that carried their expiry time."""
    if found is None or found.expiration is None:
        return None, False
    now = datetime.now(UTC)
    return clock.relative(found.expiration, now), found.expiration <= now


def other_partitions(result, region: str) -> list[tuple[str, str]]:
    """After an unknown-key answer from the standard partition: where else the key may work."""
    if result is None or result.ok or result.code != "InvalidClientTokenId":
        return []
    if partition_of(region).name != "aws":
        return []
    return [(p.regions[0][0], p.label) for p in PARTITIONS if p.name != "aws"]
