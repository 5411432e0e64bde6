"""The check form: fields, and the domain's cleaning wired in as validators."""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from credcheck import Credentials
from credcheck.canaries import canary_source
from credcheck.inputs import Cleaned, clean_key_id, clean_secret, clean_token, unswap
from credcheck.keys import key_facts
from credcheck.partitions import DEFAULT_REGION, PARTITIONS
from credcheck.paste import SECRET_SHAPE, TOKEN_SHAPE, Found, parse
from credcheck.text import N_, Text

SECRET_INPUT = {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}
# only key-ID-like text is ever written back into the page; anything else may be a secret
ECHOABLE = re.compile(r"[A-Z0-9]*")
NOT_SHOWN = Text(N_("What was typed is not shown again, in case it was a secret."))
REGION_CHOICES = [
    SelectChoice(
        region,
        Text.of(N_("%(region)s — %(name)s"), region=region, name=Text(label)),
        optgroup=p.label,
    )
    for p in PARTITIONS
    for region, label in p.regions
]


class SecretTextAreaField(TextAreaField):
    """A textarea that never writes its value back into the page."""

    def _value(self) -> str:
        return ""


class CheckForm(FlaskForm):
    """Key ID, secret, optional session token (or a paste holding them), and where to check."""

    pasted = SecretTextAreaField(
        N_("Paste anything"),
        validators=[Optional()],
        description=N_(
            "A profile from ~/.aws/credentials, export lines, JSON from aws sts or aws configure "
            "export-credentials, the IAM console's CSV, or just the values. Read on the server, "
            "never shown again."
        ),
        render_kw={**SECRET_INPUT, "rows": 4},
    )
    profile = StringField(
        N_("Profile"),
        validators=[Optional(), Length(max=128)],
        description=N_("When the pasted text holds several profiles: which one to check."),
    )
    access_key_id = StringField(
        N_("Access key ID"),
        validators=[],
        description=N_("20 characters, starting with AKIA (long-term) or ASIA (temporary)."),
        render_kw={**SECRET_INPUT, "placeholder": "AKIA…"},
    )
    secret_access_key = PasswordField(
        N_("Secret access key"),
        validators=[],
        description=N_("40 characters. Never shown again, logged or stored."),
        render_kw=SECRET_INPUT,
    )
    session_token = PasswordField(
        N_("Session token"),
        validators=[],
        description=N_("Only for temporary credentials (key IDs starting with ASIA)."),
        render_kw=SECRET_INPUT,
    )
    region = SelectField(
        N_("Partition and region"), validators=[], choices=REGION_CHOICES, default=DEFAULT_REGION
    )
    lookup_alias = BooleanField(N_("Also look up the account alias (iam:ListAccountAliases)"))
    confirm_canary = BooleanField(N_("This is a canary token: call AWS anyway, and set it off"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: dict[str, list[Text]] = {}
        self.warnings: list[Text] = []
        self.found: Found | None = None
        self._paste_error: Text | None = None

    def validate(self, extra_validators=None) -> bool:
        # the paste and the field swap feed the fields, so they run before any field validates
        self._take_paste()
        self._unswap()
        return super().validate(extra_validators)

    def _note(self, name: str, *notes: Text) -> None:
        self.notes.setdefault(name, []).extend(notes)

    def _take_paste(self) -> None:
        text = self.pasted.data or ""
        if not text.strip():
            return
        found = parse(text, (self.profile.data or "").strip() or None)
        if found is None:
            self._paste_error = Text(
                N_(
                    "No AWS credentials found in the pasted text. Paste a credentials file "
                    "profile, export lines, JSON from the AWS CLI, the IAM console's CSV, or the "
                    "key ID and secret."
                )
            )
        elif found.profiles:
            self._paste_error = Text.of(
                N_(
                    "The pasted text holds %(count)d profiles: %(names)s. Type the one to check "
                    "under Profile and submit again (paste again too: it is not kept)."
                ),
                count=len(found.profiles),
                names=", ".join(found.profiles),
            )
        else:
            self.found = found
            for name in ("access_key_id", "secret_access_key", "session_token"):
                value = getattr(found, name)
                if value:
                    self[name].data = value
            if found.profile:
                note = Text.of(
                    N_("Read the credentials from %(source)s (profile %(profile)s)."),
                    source=Text(found.source),
                    profile=found.profile,
                )
            else:
                note = Text.of(
                    N_("Read the credentials from %(source)s."), source=Text(found.source)
                )
            self._note("pasted", note)

    def _unswap(self) -> None:
        key_id, secret, note = unswap(self.access_key_id.data, self.secret_access_key.data)
        if note:
            self.access_key_id.data, self.secret_access_key.data = key_id, secret
            self._note("access_key_id", note)

    def _apply(self, field, cleaned: Cleaned) -> None:
        field.data = cleaned.value
        self._note(field.name, *cleaned.notes)
        self.warnings.extend(cleaned.warnings)
        if cleaned.error:
            raise ValidationError(cleaned.error)

    def validate_pasted(self, field) -> None:
        if self._paste_error:
            raise ValidationError(self._paste_error)

    def validate_profile(self, field) -> None:
        name = (field.data or "").strip()
        if name and (SECRET_SHAPE.fullmatch(name) or TOKEN_SHAPE.fullmatch(name)):
            field.data = ""
            raise ValidationError(
                Text.of(
                    N_("This looks like a secret, not a profile name. %(not_shown)s"),
                    not_shown=NOT_SHOWN,
                )
            )

    def validate_access_key_id(self, field) -> None:
        cleaned = clean_key_id(field.data)
        if cleaned.error and not ECHOABLE.fullmatch(cleaned.value):
            # it may be a secret pasted into the wrong field: never send it back to the page
            cleaned = Cleaned(
                "",
                cleaned.notes,
                Text.of(N_("%(error)s %(not_shown)s"), error=cleaned.error, not_shown=NOT_SHOWN),
            )
        self._apply(field, cleaned)

    def validate_secret_access_key(self, field) -> None:
        self._apply(field, clean_secret(field.data))

    def validate_session_token(self, field) -> None:
        key_id = self.access_key_id.data if not self.access_key_id.errors else ""
        self._apply(field, clean_token(field.data, key_id or ""))

    def validate_confirm_canary(self, field) -> None:
        if self.access_key_id.errors or not self.access_key_id.data:
            return
        source = canary_source(key_facts(self.access_key_id.data).account)
        if source and not field.data:
            raise ValidationError(
                Text.of(
                    N_(
                        "This key belongs to an AWS account of %(source)s: it is a canary token, "
                        "a tripwire. Calling AWS with it alerts whoever planted it. Nothing was "
                        "sent. To check it anyway, tick the box and submit again with the secret."
                    ),
                    source=Text(source),
                )
            )

    def credentials(self) -> Credentials:
        """The cleaned credentials, for a form that validated."""
        return Credentials(
            self.access_key_id.data, self.secret_access_key.data, self.session_token.data or None
        )
