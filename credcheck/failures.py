"""Turn whatever went wrong during a check into a Failure a person can act on."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import timedelta

from botocore import exceptions as bx
from botocore.parsers import ResponseParserError

from . import clock
from .catalogue import CATALOGUE, Explanation, explain
from .text import Text

log = logging.getLogger(__name__)

# where the failure happened, for the page's wording
AWS, HTTP, RESPONSE, NETWORK, INPUT = "aws", "http", "response", "network", "input"

# transport failures, most specific class first (several are subclasses of the others)
TRANSPORT: tuple[tuple[type[Exception], str], ...] = (
    (bx.ProxyConnectionError, "ProxyConnectionError"),
    (bx.SSLError, "TlsError"),
    (bx.ConnectTimeoutError, "ConnectTimeout"),
    (bx.EndpointConnectionError, "EndpointConnectionError"),
    (bx.ReadTimeoutError, "ReadTimeout"),
    (bx.ConnectionClosedError, "ConnectionClosed"),
    (bx.ConnectionError, "EndpointConnectionError"),
    (bx.HTTPClientError, "ConnectionClosed"),
)
# an HTML page quoted in a parser error can be long; a message is for reading
MAX_MESSAGE = 500
DNS_FAILURE = re.compile(
    r"NameResolutionError|Name or service not known|nodename nor servname|"
    r"Temporary failure in name resolution|No address associated|getaddrinfo failed",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Failure:
    """A check that did not produce an identity, explained."""

    key: str  # catalogue key
    code: str  # AWS's error code, an HTTP status, or the failing step's name
    message: str  # verbatim, with any secret removed
    source: str = AWS
    http_status: int | None = None
    request_id: str | None = None
    detail: Text | None = None
    aws_date: str | None = None
    endpoint: str = ""
    region: str = ""
    elapsed_ms: float = 0.0
    clock_offset: timedelta | None = field(default=None, compare=False)

    ok = False

    @property
    def explanation(self) -> Explanation:
        return explain(self.key)

    def as_dict(self) -> dict:
        """AWS's words and ours, as JSON-ready values."""
        why = self.explanation
        return {
            "code": self.code,
            "aws_message": self.message,
            "source": self.source,
            "title": why.title,
            "explanation": why.meaning,
            "causes": list(why.causes),
            "next_steps": list(why.next_steps),
            "detail": str(self.detail) if self.detail else None,
            "http_status": self.http_status,
            **call_facts(self),
        }

    @property
    def console_line(self) -> str:
        """The failure as the original page logged it to the browser console."""
        fields = {
            "code": self.code,
            "message": self.message,
            "statusCode": self.http_status,
            "requestId": self.request_id,
        }
        return f"[getCallerIdentity] : [Error] : {json.dumps(fields)}"


def call_facts(result) -> dict:
    """Where the call went, how long it took and what AWS's clock said: for any result."""
    note = clock.note(result.clock_offset)
    return {
        "request_id": result.request_id,
        "endpoint": result.endpoint,
        "region": result.region,
        "elapsed_ms": round(result.elapsed_ms, 1),
        "clock_note": str(note) if note else None,
    }


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """text with every secret in it replaced (so no error message can carry one out), clipped."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def from_client_error(error: bx.ClientError, secrets: tuple[str, ...]) -> Failure:
    """Failure for an answer botocore parsed as an error (AWS's XML, or an HTTP error page)."""
    info = error.response.get("Error", {})
    meta = error.response.get("ResponseMetadata", {})
    code = str(info.get("Code") or "Unknown")
    message = redact(str(info.get("Message") or ""), secrets)
    status = meta.get("HTTPStatusCode")
    skew = clock.skew_from_message(message) if code == "SignatureDoesNotMatch" else None
    if skew is not None:
        key, source, detail = "ClockSkew", AWS, clock.describe_offset(skew)
    elif code.isdigit():
        # botocore uses the HTTP status as the code when the body is not AWS's XML
        key, source, detail = "ProxyOrGatewayError", HTTP, None
    elif code == "Unknown":
        # ...and "Unknown" for a 4xx that is not AWS's XML
        key, source, detail = "UnexpectedHttpError", HTTP, None
    elif code in CATALOGUE:
        key, source, detail = code, AWS, None
    else:
        key, source, detail = "Unknown", AWS, None
    return Failure(
        key=key,
        code=code,
        message=message,
        source=source,
        http_status=status,
        request_id=meta.get("RequestId") or None,
        detail=detail,
        aws_date=meta.get("HTTPHeaders", {}).get("date"),
        clock_offset=skew,
    )


def classify(exc: Exception, secrets: tuple[str, ...]) -> Failure:
    """A Failure for any exception raised while calling STS; never raises itself."""
    try:
        return _classify(exc, secrets)
    except Exception as err:  # an answer shaped in a way nobody foresaw still gets a verdict
        # no traceback: it would carry exc's own message, which may hold a secret
        log.error("could not classify %s: %s", type(exc).__name__, type(err).__name__)
        return Failure("Unknown", type(exc).__name__, "", RESPONSE)


def _classify(exc: Exception, secrets: tuple[str, ...]) -> Failure:
    if isinstance(exc, bx.ClientError):
        return from_client_error(exc, secrets)
    message = redact(str(exc), secrets)
    if isinstance(exc, ResponseParserError):
        return Failure("UnreadableResponse", "ResponseParserError", message, RESPONSE)
    if isinstance(exc, KeyError):
        # botocore's bare KeyError('GetCallerIdentityResult') for a 200 that is not STS XML
        return Failure("NotStsResponse", "UnexpectedResponse", f"missing {message}", RESPONSE)
    for cls, key in TRANSPORT:
        if isinstance(exc, cls):
            if key == "EndpointConnectionError" and DNS_FAILURE.search(repr(exc.kwargs)):
                key = "DnsFailure"
            return Failure(key, type(exc).__name__, message, NETWORK)
    log.warning("unexpected %s during a check: %s", type(exc).__name__, message)
    return Failure("Unknown", type(exc).__name__, message, RESPONSE)
