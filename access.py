"""Who may use this credcheck: nobody checks on loopback, HTTP Basic, or an SSO proxy's header."""

from __future__ import annotations

import ipaddress
import os
from functools import cache
from pathlib import Path

import click
from flask import Flask, abort, current_app, g, request
from werkzeug.security import check_password_hash, generate_password_hash

MODES = ("none", "basic", "header")


@cache
def _dummy_hash() -> str:
    # compared against when the user is unknown, so an unknown name costs as much as a wrong
    # password; made on first need (an scrypt hash takes ~200 ms, too much for every start-up)
    return generate_password_hash("credcheck-dummy")


def load_users(inline: str, path: str) -> dict[str, str]:
    """user:hash pairs from a comma- or newline-separated string and/or a file."""
    text = inline.replace(",", "\n")
    if path:
        text += "\n" + Path(path).read_text()
    users = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and ":" in line:
            name, _, hashed = line.partition(":")
            users[name.strip()] = hashed.strip()
    return users


def init_app(app: Flask) -> None:
    refuse_open_flask_run(app)
    mode = app.config["AUTH_MODE"]
    if mode not in MODES:
        raise ValueError(f"AUTH_MODE must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "basic":
        users = load_users(app.config["AUTH_USERS"], app.config["AUTH_USERS_FILE"])
        if not users:
            raise ValueError("AUTH_MODE=basic needs users in AUTH_USERS or AUTH_USERS_FILE")
        app.extensions["users"] = users
    if mode != "none":
        app.before_request(require_access)


def require_access() -> None:
    if request.endpoint == "healthz":
        return
    if current_app.config["AUTH_MODE"] == "basic":
        g.operator = basic_user()
    else:
        g.operator = proxy_user()


def basic_user() -> str:
    auth = request.authorization
    users = current_app.extensions["users"]
    if auth is None or auth.type != "basic" or not auth.username:
        abort(401)
    hashed = users.get(auth.username) or _dummy_hash()
    if not check_password_hash(hashed, auth.password or "") or auth.username not in users:
        abort(401)
    return auth.username


def proxy_user() -> str:
    # the address of the peer that actually connected, before ProxyFix rewrote it
    peer = (
        request.environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR") or request.remote_addr
    )
    if not _trusted(peer, current_app.config["AUTH_TRUSTED_PROXIES"]):
        abort(403)
    user = request.headers.get(current_app.config["AUTH_HEADER"], "").strip()
    if not user:
        abort(403)
    return user


def _trusted(address: str | None, trusted: str) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(net.strip(), strict=False)
        for net in trusted.split(",")
        if net.strip()
    )


def refuse_open_flask_run(app: Flask) -> None:
    """`flask run --host 0.0.0.0` with access control off stops here, as `make serve` does."""
    context = click.get_current_context(silent=True)
    if context is None or context.info_name != "run":
        return
    problem = exposure_problem(context.params.get("host") or "127.0.0.1", app.config["AUTH_MODE"])
    if problem:
        raise click.UsageError(problem)


def exposure_problem(host: str, auth_mode: str, allow_open: str | None = None) -> str | None:
    """Why serving on host would be unsafe, or None. Loopback needs no access control."""
    if auth_mode != "none" or (allow_open or os.environ.get("CREDCHECK_ALLOW_OPEN")) == "1":
        return None
    name = host.strip("[]") or "0.0.0.0"
    if name == "localhost":
        return None
    try:
        if ipaddress.ip_address(name).is_loopback:
            return None
    except ValueError:
        pass
    return (
        f"refusing to serve on {host} with access control off: anyone who can reach it could "
        "test AWS keys through it. Set FLASK_AUTH_MODE=basic (with FLASK_AUTH_USERS) or "
        "FLASK_AUTH_MODE=header behind an SSO proxy, bind to 127.0.0.1, or set "
        "CREDCHECK_ALLOW_OPEN=1 to serve it open anyway."
    )
