"""AWS accounts known to issue canary tokens: a key from one is a tripwire, not a credential.

Calling AWS with such a key alerts whoever planted it. The list is public data, as published in
TruffleHog's AWS detector (pkg/detectors/aws/access_keys/canary.go, trufflesecurity/trufflehog):
the accounts behind Thinkst's canarytokens.org, and those of look-alike canary services.
"""

from __future__ import annotations

from .text import N_

THINKST = N_("Thinkst Canarytokens (canarytokens.org)")
LOOKALIKE = N_("a canary-token service modelled on canarytokens.org")

CANARY_ACCOUNTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "052310077262",
            "171436882533",
            "266735846894",
            "534261010715",
            "595918472158",
            "717712589309",
            "730335385048",
            "819147034852",
            "893192397702",
            "992382622183",
        ),
        THINKST,
    ),
    **dict.fromkeys(
        (
            "044858866125",
            "251535659677",
            "344043088457",
            "351906852752",
            "390477818340",
            "426127672474",
            "427150556519",
            "439872796651",
            "445142720921",
            "465867158099",
            "637958123769",
            "693412236332",
            "732624840810",
            "735421457923",
            "959235150393",
            "982842642351",
        ),
        LOOKALIKE,
    ),
}


def canary_source(account: str | None) -> str | None:
    """Who runs the canary account, or None for an ordinary (or unknown) account."""
    return CANARY_ACCOUNTS.get(account or "")
