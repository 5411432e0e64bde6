"""Running a check for the web layer: the form's credentials in, a result out, one audit line."""

from __future__ import annotations

from flask import current_app, g, request

from credcheck import Checker
from credcheck.audit import record
from forms import CheckForm


def run_check(form: CheckForm):
    """The check (and alias lookup) for a validated form, written to the audit log."""
    checker: Checker = current_app.extensions["credcheck"]
    credentials = form.credentials()
    result = checker.check(credentials, form.region.data)
    alias = None
    if result.ok and form.lookup_alias.data:
        alias = checker.account_alias(credentials, form.region.data)
    current_app.extensions["audit"].write(
        record(
            result,
            credentials.access_key_id,
            client_ip=request.remote_addr,
            operator=g.get("operator"),
        )
    )
    return result, alias
