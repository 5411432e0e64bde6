"""The check form: fields, and the domain's cleaning wired in as validators."""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from credcheck import Credentials
from credcheck.inputs import Cleaned, clean_key_id, clean_secret, clean_token
from credcheck.partitions import DEFAULT_REGION, PARTITIONS

SECRET_INPUT = {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}
# only key-ID-like text is ever written back into the page; anything else may be a secret
ECHOABLE = re.compile(r"[A-Z0-9]*")
NOT_SHOWN = "What was typed is not shown again, in case it was a secret."
REGION_CHOICES = [
    SelectChoice(region, f"{region} — {label}", optgroup=p.label)
    for p in PARTITIONS
    for region, label in p.regions
]


class CheckForm(FlaskForm):
    """Key ID, secret, optional session token, and where to check them."""

    access_key_id = StringField(
        "Access key ID",
        validators=[],
        description="20 characters, starting with AKIA (long-term) or ASIA (temporary).",
        render_kw={**SECRET_INPUT, "placeholder": "AKIA…"},
    )
    secret_access_key = PasswordField(
        "Secret access key",
        validators=[],
        description="40 characters. Never shown again, logged or stored.",
        render_kw=SECRET_INPUT,
    )
    session_token = PasswordField(
        "Session token",
        validators=[],
        description="Only for temporary credentials (key IDs starting with ASIA).",
        render_kw=SECRET_INPUT,
    )
    region = SelectField(
        "Partition and region", validators=[], choices=REGION_CHOICES, default=DEFAULT_REGION
    )
    submit = SubmitField("Check")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: dict[str, tuple[str, ...]] = {}
        self.warnings: list[str] = []

    def _apply(self, field, cleaned: Cleaned) -> None:
        field.data = cleaned.value
        self.notes[field.name] = cleaned.notes
        self.warnings.extend(cleaned.warnings)
        if cleaned.error:
            raise ValidationError(cleaned.error)

    def validate_access_key_id(self, field) -> None:
        cleaned = clean_key_id(field.data)
        if cleaned.error and not ECHOABLE.fullmatch(cleaned.value):
            # it may be a secret pasted into the wrong field: never send it back to the page
            cleaned = Cleaned("", cleaned.notes, f"{cleaned.error} {NOT_SHOWN}")
        self._apply(field, cleaned)

    def validate_secret_access_key(self, field) -> None:
        self._apply(field, clean_secret(field.data))

    def validate_session_token(self, field) -> None:
        key_id = self.access_key_id.data if not self.access_key_id.errors else ""
        self._apply(field, clean_token(field.data, key_id or ""))

    def credentials(self) -> Credentials:
        """The cleaned credentials, for a form that validated."""
        return Credentials(
            self.access_key_id.data, self.secret_access_key.data, self.session_token.data or None
        )
