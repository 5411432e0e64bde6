"""Clock offsets between this server and AWS, read from AWS's own answers."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from .text import N_, Text

STAMP = r"\d{8}T\d{6}Z"
# the two SignatureDoesNotMatch messages STS sends when the signing time is off by > 15 minutes
SKEW_MESSAGES = (
    re.compile(
        rf"Signature expired: (?P<signed>{STAMP}) is now earlier than {STAMP} "
        rf"\((?P<aws>{STAMP}) - 15 min\.\)"
    ),
    re.compile(
        rf"Signature not yet current: (?P<signed>{STAMP}) is still later than {STAMP} "
        rf"\((?P<aws>{STAMP}) \+ 15 min\.\)"
    ),
)
# offsets smaller than this are normal network and rounding noise
NOTABLE_OFFSET = timedelta(minutes=1)


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def skew_from_message(message: str) -> timedelta | None:
    """How far the signing clock was from AWS's (positive: ahead), if message is a skew error."""
    for pattern in SKEW_MESSAGES:
        found = pattern.search(message)
        if found:
            return _stamp(found["signed"]) - _stamp(found["aws"])
    return None


def offset_from_date_header(date_header: str | None, local_now: datetime) -> timedelta | None:
    """This server's clock minus AWS's, from an HTTP Date header (second resolution)."""
    if not date_header:
        return None
    try:
        aws_now = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if aws_now.tzinfo is None:
        return None
    return local_now - aws_now


def duration_words(delta: timedelta) -> Text:
    """A rough, readable length of time: '45 seconds', '12 minutes', '1 h 45 min', '3 days'."""
    seconds = round(abs(delta.total_seconds()))
    if seconds < 90:
        return Text.of(N_("%(n)d seconds"), n=seconds)
    minutes = round(seconds / 60)
    if minutes < 90:
        return Text.of(N_("%(n)d minutes"), n=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        if minutes:
            return Text.of(N_("%(h)d h %(m)d min"), h=hours, m=minutes)
        return Text.of(N_("%(h)d h"), h=hours)
    return Text.of(N_("%(n)d days"), n=round(hours / 24))


def describe_offset(offset: timedelta) -> Text:
    """A sentence saying how far this server's clock is from AWS's."""
    if offset > timedelta(0):
        msgid = N_("This credcheck server's clock is about %(duration)s ahead of AWS's.")
    else:
        msgid = N_("This credcheck server's clock is about %(duration)s behind AWS's.")
    return Text.of(msgid, duration=duration_words(offset))


def note(offset: timedelta | None) -> Text | None:
    """describe_offset for an offset worth mentioning, else None."""
    if offset is None or abs(offset) <= NOTABLE_OFFSET:
        return None
    return describe_offset(offset)


def relative(when: datetime, now: datetime) -> Text:
    """'expired 3 h ago' or 'expires in 45 minutes', for a credential's expiry time."""
    delta = when - now
    if delta <= timedelta(0):
        return Text.of(N_("expired %(duration)s ago"), duration=duration_words(delta))
    return Text.of(N_("expires in %(duration)s"), duration=duration_words(delta))
