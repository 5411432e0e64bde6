"""What can be known about an access key ID without asking AWS."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from .text import N_

KEY_ID_PATTERN = re.compile(r"[A-Z0-9]{16,128}")

# the unique-ID prefixes AWS documents ("Understanding unique ID prefixes", IAM user guide).
# only the first four are credentials; the rest are IDs people paste by mistake.
PREFIXES: dict[str, tuple[str, bool]] = {
    # prefix: (what it is, is it an access key ID)
    "AKIA": (N_("long-term access key of an IAM user or the root user"), True),
    "ASIA": (N_("temporary access key issued by STS (needs its session token)"), True),
    "ABIA": (N_("AWS STS service bearer token"), True),
    "ACCA": (N_("context-specific credential"), True),
    "AIDA": (N_("IAM user ID, not an access key ID"), False),
    "AROA": (N_("IAM role ID, not an access key ID"), False),
    "AGPA": (N_("IAM group ID, not an access key ID"), False),
    "AIPA": (N_("EC2 instance profile ID, not an access key ID"), False),
    "ANPA": (N_("managed policy ID, not an access key ID"), False),
    "ANVA": (N_("managed policy version ID, not an access key ID"), False),
    "APKA": (N_("CloudFront public key ID, not an access key ID"), False),
    "ASCA": (N_("certificate ID, not an access key ID"), False),
}


@dataclass(frozen=True)
class KeyFacts:
    """Facts read off an access key ID alone."""

    key_id: str
    prefix: str
    kind: str
    is_access_key: bool
    temporary: bool
    account: str | None

    def as_dict(self) -> dict:
        return {
            "key_id": self.key_id,
            "prefix": self.prefix,
            "type": self.kind,
            "is_access_key": self.is_access_key,
            "temporary": self.temporary,
            "account": self.account,
        }

    @property
    def masked(self) -> str:
        """The key ID with all but its first and last four characters hidden."""
        return f"{self.key_id[:4]}…{self.key_id[-4:]}"


def looks_like_key_id(value: str) -> bool:
    """True when value has the shape of an AWS key ID (16–128 of A–Z and 0–9)."""
    return KEY_ID_PATTERN.fullmatch(value) is not None


def decode_account(key_id: str) -> str | None:
    """The 12-digit account a new-format key ID was issued in, or None when it can't be known.

    New-format IDs (fifth character not I or J) carry the account in characters 5–20:
    base32, first six bytes big-endian, bits 7–46.
    """
    if len(key_id) < 20 or not looks_like_key_id(key_id) or key_id[4] in "IJ":
        return None
    try:
        raw = base64.b32decode(key_id[4:20])
    except ValueError:  # 0, 1 and 8 are not base32 digits
        return None
    z = int.from_bytes(raw[:6], "big")
    return f"{(z & 0x7FFFFFFFFF80) >> 7:012d}"


def key_facts(key_id: str) -> KeyFacts:
    """Everything knowable about key_id without a network call."""
    prefix = key_id[:4]
    kind, is_access_key = PREFIXES.get(prefix, (N_("unrecognised prefix"), False))
    return KeyFacts(
        key_id=key_id,
        prefix=prefix,
        kind=kind,
        is_access_key=is_access_key,
        temporary=prefix == "ASIA",
        account=decode_account(key_id) if is_access_key else None,
    )
