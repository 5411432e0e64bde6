"""Find credentials in whatever was pasted: files, exports, JSON, CSV or bare values."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from .keys import looks_like_key_id
from .text import N_

# every name a credential goes by, lower-cased, and which of the three (or the expiry) it is
NAMES = {
    "aws_access_key_id": "access_key_id",
    "aws_secret_access_key": "secret_access_key",
    "aws_session_token": "session_token",
    "aws_security_token": "session_token",  # the old name, still read by the CLI
    "aws_credential_expiration": "expiration",
    "accesskeyid": "access_key_id",
    "secretaccesskey": "secret_access_key",
    "sessiontoken": "session_token",
    "expiration": "expiration",
}
SECTION = re.compile(r"\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]\s*$")
# export NAME=value, set NAME=value, $env:NAME="value", NAME = value, NAME: value
ASSIGNMENT = re.compile(
    r"\s*(?:export\s+|set\s+|\$env:)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*(?P<value>.*?)\s*;?\s*$",
    re.IGNORECASE,
)
SECRET_SHAPE = re.compile(r"[A-Za-z0-9/+]{40}")
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9/+=]{60,}")
QUOTES = "\"'`"


@dataclass(frozen=True)
class Found:
    """What a paste held. The values are secrets: never echo, log or keep them."""

    source: str
    access_key_id: str | None = None
    secret_access_key: str | None = None
    session_token: str | None = None
    expiration: datetime | None = None
    profile: str | None = None
    profiles: tuple[str, ...] = ()  # when several profiles hold keys and none was chosen
    user_name: str | None = None

    def __repr__(self) -> str:  # the dataclass repr would print the secret
        return f"Found(source={self.source!r}, profile={self.profile!r})"

    @property
    def has_credentials(self) -> bool:
        return bool(self.access_key_id or self.secret_access_key)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] in QUOTES and value[0] == value[-1]:
        value = value[1:-1]
    return value.strip()


def _expiration(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else None


def _from_mapping(values: dict[str, str], source: str, **extra) -> Found:
    return Found(
        source=source,
        access_key_id=values.get("access_key_id") or None,
        secret_access_key=values.get("secret_access_key") or None,
        session_token=values.get("session_token") or None,
        expiration=_expiration(values.get("expiration")),
        **extra,
    )


def from_json(text: str) -> Found | None:
    """JSON from aws sts assume-role / get-session-token / get-federation-token, or
    aws configure export-credentials."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    credentials = data.get("Credentials", data)
    if not isinstance(credentials, dict):
        return None
    values = {
        NAMES[k.lower()]: v
        for k, v in credentials.items()
        if k.lower() in NAMES and isinstance(v, str)
    }
    if "access_key_id" not in values:
        return None
    return _from_mapping(values, N_("JSON from the AWS CLI"))


def from_assignments(text: str, profile: str | None = None) -> Found | None:
    """A credentials/config file, shell exports, .env, Windows set or PowerShell $env: lines."""
    sections: dict[str, dict[str, str]] = {}
    current = ""
    shell = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", ";")):
            continue
        header = SECTION.fullmatch(line)
        if header:
            current = header[1]
            continue
        found = ASSIGNMENT.fullmatch(line)
        if found and found["name"].lower() in NAMES:
            shell = shell or found["name"].isupper()
            sections.setdefault(current, {})[NAMES[found["name"].lower()]] = _unquote(
                found["value"]
            )
    with_keys = [name for name, values in sections.items() if "access_key_id" in values]
    if not with_keys:
        return None
    source = (
        N_("environment variables")
        if shell and with_keys == [""]
        else N_("an AWS credentials file")
    )
    if profile and profile in sections:
        return _from_mapping(sections[profile], source, profile=profile)
    if len(with_keys) > 1:
        return Found(source=source, profiles=tuple(with_keys))
    name = with_keys[0]
    return _from_mapping(sections[name], source, profile=name or None)


def from_csv(text: str) -> Found | None:
    """The access-key CSV the IAM console offers for download."""
    try:
        rows = list(csv.DictReader(io.StringIO(text.strip(), newline="")))
    except csv.Error:  # a lone carriage return, say: not a CSV we know
        return None
    if not rows:
        return None
    # extra cells land under the key None as a list: not ours to read
    row = {k.strip().lower(): (v or "").strip() for k, v in rows[0].items() if isinstance(k, str)}
    if "access key id" not in row or "secret access key" not in row:
        return None
    return Found(
        source=N_("the IAM console's access key file (CSV)"),
        access_key_id=row["access key id"] or None,
        secret_access_key=row["secret access key"] or None,
        user_name=row.get("user name") or None,
    )


def from_bare(text: str) -> Found | None:
    """Two or three bare values: key ID, secret, optional token, in any order of shape."""
    parts = [_unquote(p) for p in re.split(r"[\s,;]+", text.strip()) if p]
    if len(parts) not in (2, 3):
        return None
    key_ids = [p for p in parts if looks_like_key_id(p) and len(p) == 20]
    secrets = [p for p in parts if SECRET_SHAPE.fullmatch(p) and not looks_like_key_id(p)]
    tokens = [p for p in parts if TOKEN_SHAPE.fullmatch(p) and p not in secrets]
    if len(key_ids) != 1 or len(secrets) != 1 or len(parts) - 2 != len(tokens):
        return None
    return Found(
        source=N_("bare values"),
        access_key_id=key_ids[0],
        secret_access_key=secrets[0],
        session_token=tokens[0] if tokens else None,
    )


def parse(text: str, profile: str | None = None) -> Found | None:
    """The credentials in text, or None when it holds nothing recognisable."""
    text = text.strip().lstrip("\ufeff")
    if not text:
        return None
    parsers = (from_json, partial(from_assignments, profile=profile), from_csv, from_bare)
    for parser in parsers:
        found = parser(text)
        if found is not None:
            return found
    return None
