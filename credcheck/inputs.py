"""Clean pasted credential values and say what looks wrong, before anything is sent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import PREFIXES, key_facts, looks_like_key_id
from .paste import ASSIGNMENT, NAMES, SECRET_SHAPE
from .text import N_, Text

SECRET_LENGTH = 40
MAX_SECRET = 128
MAX_TOKEN = 8192
QUOTES = "\"'`“”‘’"
INNER_SPACE = re.compile(r"\s+")
# header-safe printable ASCII: everything a real secret or token is made of, and more
PRINTABLE = re.compile(r"[\x21-\x7e]+")
KEY_ID = Text(N_("access key ID"))
SECRET = Text(N_("secret access key"))
TOKEN = Text(N_("session token"))


@dataclass(frozen=True)
class Cleaned:
    """A field's value after cleaning, what was done to it, and what is wrong with it."""

    value: str
    notes: tuple[Text, ...] = ()
    error: Text | None = None
    warnings: tuple[Text, ...] = ()


def strip_paste(raw: str | None, what: Text) -> tuple[str, list[Text]]:
    """Remove surrounding whitespace, quotes and a variable name, saying what was removed."""
    value = raw or ""
    notes: list[Text] = []
    named = ASSIGNMENT.fullmatch(value)
    if named and named["name"].lower() in NAMES:
        notes.append(
            Text.of(
                N_("Removed the variable name %(name)s in front of the %(what)s."),
                name=named["name"],
                what=what,
            )
        )
        value = named["value"]
    while True:
        stripped = value.strip()
        if stripped != value and stripped:
            notes.append(
                Text.of(N_("Removed spaces or line breaks around the %(what)s."), what=what)
            )
        value = stripped
        if len(value) >= 2 and value[0] in QUOTES and value[-1] in QUOTES:
            notes.append(Text.of(N_("Removed the quotes around the %(what)s."), what=what))
            value = value[1:-1]
            continue
        return value, list(dict.fromkeys(notes))


def _squeeze(value: str, what: Text, notes: list[Text]) -> str:
    # none of the three values ever contains whitespace, so removing it is always right
    squeezed = INNER_SPACE.sub("", value)
    if squeezed != value:
        notes.append(Text.of(N_("Removed spaces or line breaks inside the %(what)s."), what=what))
    return squeezed


def clean_key_id(raw: str | None) -> Cleaned:
    """Clean an access key ID and refuse what cannot be one."""
    value, notes = strip_paste(raw, KEY_ID)
    value = _squeeze(value, KEY_ID, notes)
    if not value:
        return Cleaned("", tuple(notes), Text(N_("Enter the access key ID.")))
    if SECRET_SHAPE.fullmatch(value) and not looks_like_key_id(value):
        return Cleaned(
            value,
            tuple(notes),
            Text(
                N_(
                    "This looks like a secret access key, not a key ID. The key ID is the "
                    "shorter one, 20 characters starting with AKIA or ASIA."
                )
            ),
        )
    if not looks_like_key_id(value):
        return Cleaned(
            value,
            tuple(notes),
            Text(
                N_(
                    "An access key ID is 16–128 characters of A–Z and 0–9, usually 20 starting "
                    "with AKIA or ASIA."
                )
            ),
        )
    facts = key_facts(value)
    if facts.prefix in PREFIXES and not facts.is_access_key:
        return Cleaned(
            value,
            tuple(notes),
            Text.of(
                N_(
                    "%(prefix)s… is an %(kind)s. Access key IDs start with AKIA (long-term) or "
                    "ASIA (temporary)."
                ),
                prefix=facts.prefix,
                kind=Text(facts.kind),
            ),
        )
    warnings = ()
    if not facts.is_access_key:
        warnings = (
            Text.of(
                N_("The prefix %(prefix)s is not one AWS uses for access keys (AKIA, ASIA)."),
                prefix=facts.prefix,
            ),
        )
    return Cleaned(value, tuple(notes), None, warnings)


def clean_secret(raw: str | None) -> Cleaned:
    """Clean a secret access key; an unusual length is a warning, not a refusal."""
    value, notes = strip_paste(raw, SECRET)
    value = _squeeze(value, SECRET, notes)
    if not value:
        return Cleaned("", tuple(notes), Text(N_("Enter the secret access key.")))
    if len(value) > MAX_SECRET or not PRINTABLE.fullmatch(value):
        return Cleaned(
            "",
            tuple(notes),
            Text(
                N_(
                    "This is not a secret access key: those are 40 characters of letters, "
                    "digits, / and +."
                )
            ),
        )
    if looks_like_key_id(value) and value[:4] in PREFIXES:
        return Cleaned(
            "",
            tuple(notes),
            Text(
                N_(
                    "This is an access key ID, not a secret. The secret access key is the "
                    "40-character value that came with it."
                )
            ),
        )
    warnings: tuple[Text, ...] = ()
    if len(value) < SECRET_LENGTH:
        warnings = (
            Text.of(
                N_("The secret access key has %(count)d characters, not 40: it looks truncated."),
                count=len(value),
            ),
        )
    elif len(value) > SECRET_LENGTH:
        warnings = (
            Text.of(
                N_(
                    "The secret access key has %(count)d characters, not 40: something extra "
                    "may have been pasted with it."
                ),
                count=len(value),
            ),
        )
    return Cleaned(value, tuple(notes), None, warnings)


def clean_token(raw: str | None, key_id: str) -> Cleaned:
    """Clean a session token, checked against the key ID it comes with."""
    value, notes = strip_paste(raw, TOKEN)
    value = _squeeze(value, TOKEN, notes)
    temporary = key_id.startswith("ASIA")
    if not value:
        if temporary:
            return Cleaned(
                "",
                tuple(notes),
                Text(
                    N_(
                        "Temporary credentials (key IDs starting ASIA) need their session token. "
                        "It comes with the key and secret: aws_session_token in a credentials "
                        "file, AWS_SESSION_TOKEN in the environment, SessionToken in JSON from "
                        "aws sts."
                    )
                ),
            )
        return Cleaned("", tuple(notes))
    if len(value) > MAX_TOKEN or not PRINTABLE.fullmatch(value):
        return Cleaned(
            "",
            tuple(notes),
            Text.of(
                N_(
                    "This is not a session token: those are letters, digits, /, + and =, with "
                    "no other characters, and at most %(most)d of them."
                ),
                most=MAX_TOKEN,
            ),
        )
    warnings: tuple[Text, ...] = ()
    if key_id.startswith("AKIA"):
        warnings = (
            Text(
                N_(
                    "A session token was given with a long-term (AKIA) key, which never has "
                    "one; AWS will refuse the pair. Leave the token empty for AKIA keys."
                )
            ),
        )
    return Cleaned(value, tuple(notes), None, warnings)


def unswap(key_id: str | None, secret: str | None) -> tuple[str, str, Text | None]:
    """Put a key ID and secret typed into each other's fields back, with a note saying so."""
    key_value, _ = strip_paste(key_id, KEY_ID)
    secret_value, _ = strip_paste(secret, SECRET)
    if (
        SECRET_SHAPE.fullmatch(key_value)
        and not looks_like_key_id(key_value)
        and looks_like_key_id(secret_value)
        and secret_value[:4] in PREFIXES
    ):
        return (
            secret or "",
            key_id or "",
            Text(N_("The key ID and the secret were in each other's fields: swapped them.")),
        )
    return key_id or "", secret or "", None
