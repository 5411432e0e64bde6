"""The STS GetCallerIdentity call, signed only with the credentials given to it.

One botocore session and one client per region serve every check. The clients hold no
credentials at all: each call carries its own, which botocore's signer takes from the request's
signing context ("request_credentials"). So no check can ever be signed with the server's own
credentials, nothing is cached by credentials, and botocore's endpoint rules, retry policy and
error parsing stay as they are.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import botocore.credentials
import botocore.session
from botocore.config import Config

from . import clock
from .failures import INPUT, Failure, call_facts, classify
from .identity import Identity, describe
from .partitions import DEFAULT_REGION, partition_of
from .text import N_, Text

# botocore logs request headers at DEBUG, and they carry the session token. Keep these loggers
# quiet whatever the root logger's level is.
for _name in ("botocore", "boto3", "urllib3"):
    logging.getLogger(_name).setLevel(logging.WARNING)

# the keyword under which a call's credentials travel to our event handlers
CREDENTIALS_PARAM = "CredcheckCredentials"


@dataclass(frozen=True)
class Credentials:
    """What the user typed. The secret and the token never show in a repr."""

    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self.secret_access_key, self.session_token) if s)


@dataclass(frozen=True)
class Settings:
    """How long a check may take, and where it goes."""

    connect_timeout: float = 2.0
    read_timeout: float = 2.0
    # attempts in all, the first included; retries cover Throttling, 5xx and timeouts
    max_attempts: int = 2
    # None: botocore's own rules (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, regional endpoints)
    endpoint_url: str | None = None
    max_pool_connections: int = 20


@dataclass(frozen=True)
class Success:
    """AWS accepted the credentials and said whose they are."""

    identity: Identity
    request_id: str | None
    endpoint: str
    region: str
    elapsed_ms: float
    aws_date: str | None = None
    clock_offset: timedelta | None = field(default=None, compare=False)

    ok = True

    def as_dict(self) -> dict:
        """The identity and the call's facts, as JSON-ready values."""
        who = self.identity
        return {
            "account": who.account,
            "arn": who.arn,
            "user_id": who.user_id,
            "partition": who.partition,
            "principal_type": who.principal_type,
            "principal": who.principal_label,
            "summary": str(who.summary),
            "name": who.name,
            "path": who.path,
            "role_name": who.role_name,
            "session_name": who.session_name,
            "permission_set": who.permission_set,
            **call_facts(self),
        }

    @property
    def console_line(self) -> str:
        """The answer as the original page logged it to the browser console."""
        data = {
            "ResponseMetadata": {"RequestId": self.request_id},
            "UserId": self.identity.user_id,
            "Account": self.identity.account,
            "Arn": self.identity.arn,
        }
        return f"[getCallerIdentity] : [Success] : {json.dumps(data)}"


Result = Success | Failure


def _take_credentials(params: dict, context: dict, **_: object) -> None:
    # provide-client-params: move the credentials out of the API parameters (botocore would
    # reject the unknown parameter) into this call's private context
    context["credcheck_credentials"] = params.pop(CREDENTIALS_PARAM, None)


def _sign_with_them(context: dict, **_: object) -> None:
    # before-call runs after endpoint resolution has filled context["signing"]
    credentials = context.pop("credcheck_credentials", None)
    if credentials is not None:
        context.setdefault("signing", {})["request_credentials"] = credentials


def _no_credentials_session() -> botocore.session.Session:
    session = botocore.session.Session()
    # an empty provider chain: the environment, ~/.aws and the instance role are never read
    session.register_component(
        "credential_provider", botocore.credentials.CredentialResolver(providers=[])
    )
    return session


class Checker:
    """Checks credentials against STS. Thread-safe; one per application."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._session = _no_credentials_session()
        self._clients: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()

    def client(self, region: str, service: str = "sts"):
        """The shared, credential-free client for service in region, made on first use."""
        client = self._clients.get((service, region))
        if client is None:
            with self._lock:
                client = self._clients.get((service, region)) or self._new_client(service, region)
                self._clients[(service, region)] = client
        return client

    def _new_client(self, service: str, region: str):
        s = self.settings
        config = Config(
            connect_timeout=s.connect_timeout,
            read_timeout=s.read_timeout,
            retries={"mode": "standard", "total_max_attempts": s.max_attempts},
            max_pool_connections=s.max_pool_connections,
        )
        client = self._session.create_client(
            service, region_name=region, endpoint_url=s.endpoint_url, config=config
        )
        service_id = client.meta.service_model.service_id.hyphenize()
        client.meta.events.register(f"provide-client-params.{service_id}", _take_credentials)
        client.meta.events.register(f"before-call.{service_id}", _sign_with_them)
        return client

    def _call(self, credentials: Credentials, region: str, service: str, operation: str) -> dict:
        """One API call signed with credentials, through the shared client."""
        signing = botocore.credentials.Credentials(
            credentials.access_key_id,
            credentials.secret_access_key,
            credentials.session_token or None,
        )
        client = self.client(region, service)
        return getattr(client, operation)(**{CREDENTIALS_PARAM: signing})

    def check(self, credentials: Credentials, region: str = DEFAULT_REGION) -> Result:
        """Call GetCallerIdentity with exactly these credentials; never raises."""
        started = time.perf_counter()
        endpoint = ""
        if not (credentials.access_key_id and credentials.secret_access_key):
            result: Result = Failure("MissingCredentials", "MissingCredentials", "", INPUT)
        else:
            try:
                endpoint = self.client(region).meta.endpoint_url
                response = self._call(credentials, region, "sts", "get_caller_identity")
                result = _success(response)
            except Exception as exc:  # every failure becomes a verdict, never a 500
                result = classify(exc, credentials.secrets)
        offset = result.clock_offset
        if offset is None:
            offset = clock.offset_from_date_header(result.aws_date, datetime.now(UTC))
        return replace(
            result,
            endpoint=endpoint,
            region=region,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            clock_offset=offset,
        )

    def account_alias(self, credentials: Credentials, region: str = DEFAULT_REGION) -> Alias:
        """The account's alias through iam:ListAccountAliases, with the same credentials."""
        iam_region = IAM_REGION[partition_of(region).name]
        try:
            response = self._call(credentials, iam_region, "iam", "list_account_aliases")
        except Exception as exc:
            failure = classify(exc, credentials.secrets)
            if failure.code in ("AccessDenied", "AccessDeniedException", "UnauthorizedOperation"):
                return Alias(
                    None,
                    False,
                    Text(
                        N_(
                            "Alias not visible to this identity: it may not call "
                            "iam:ListAccountAliases, which is normal."
                        )
                    ),
                )
            return Alias(
                None,
                False,
                Text.of(
                    N_("Alias lookup failed: %(title)s (%(code)s)."),
                    title=Text(failure.explanation.title),
                    code=failure.code,
                ),
            )
        aliases = response.get("AccountAliases") or []
        if not aliases:
            return Alias(None, True, Text(N_("This account has no alias.")))
        return Alias(aliases[0], True, Text.of(N_("Account alias: %(alias)s"), alias=aliases[0]))


@dataclass(frozen=True)
class Alias:
    """What iam:ListAccountAliases said, in words."""

    alias: str | None
    visible: bool
    note: Text


# IAM is global within a partition, reached through one region of it
IAM_REGION = {"aws": "us-east-1", "aws-cn": "cn-north-1", "aws-us-gov": "us-gov-west-1"}


def _success(response: dict) -> Result:
    meta = response.get("ResponseMetadata", {})
    if not all(response.get(k) for k in ("Arn", "Account", "UserId")):
        # a 200 whose XML is not a GetCallerIdentity answer
        return Failure(
            "NotStsResponse",
            "UnexpectedResponse",
            "no identity in the answer",
            "response",
            http_status=meta.get("HTTPStatusCode"),
        )
    return Success(
        identity=describe(response["Arn"], response["Account"], response["UserId"]),
        request_id=meta.get("RequestId"),
        endpoint="",
        region="",
        elapsed_ms=0.0,
        aws_date=meta.get("HTTPHeaders", {}).get("date"),
    )
