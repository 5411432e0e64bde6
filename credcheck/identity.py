"""Who a GetCallerIdentity answer says the caller is, in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import N_, Text

PARTITION_LABELS = {
    "aws": N_("AWS (standard partition)"),
    "aws-cn": N_("AWS China"),
    "aws-us-gov": N_("AWS GovCloud (US)"),
}

PRINCIPAL_LABELS = {
    "user": N_("IAM user"),
    "root": N_("root user of the account"),
    "assumed-role": N_("assumed role (temporary credentials)"),
    "sso": N_("IAM Identity Center (SSO) user through a permission set"),
    "federated-user": N_("federated user (GetFederationToken)"),
    "unknown": N_("principal of a kind credcheck does not recognise"),
}

ARN_PATTERN = re.compile(
    r"arn:(?P<partition>[\w-]+):(?P<service>[\w-]+)::(?P<account>\d{12}):(?P<resource>.+)"
)
SSO_ROLE = re.compile(r"AWSReservedSSO_(?P<set>.+)_(?P<id>[0-9a-f]{16})")
EC2_INSTANCE = re.compile(r"i-[0-9a-f]{8,17}")


@dataclass(frozen=True)
class Identity:
    """The caller identity, with its ARN taken apart."""

    account: str
    arn: str
    user_id: str
    partition: str = ""
    principal_type: str = "unknown"
    name: str | None = None
    path: str | None = None
    role_name: str | None = None
    session_name: str | None = None
    permission_set: str | None = None

    @property
    def partition_label(self) -> str:
        return PARTITION_LABELS.get(self.partition, self.partition or N_("unknown partition"))

    @property
    def principal_label(self) -> str:
        return PRINCIPAL_LABELS[self.principal_type]

    @property
    def summary(self) -> Text:
        """One sentence saying who this is."""
        match self.principal_type:
            case "user":
                return Text.of(
                    N_("The IAM user %(name)s in account %(account)s."),
                    name=self.name,
                    account=self.account,
                )
            case "root":
                return Text.of(
                    N_(
                        "The root user of account %(account)s: the most powerful identity there is."
                    ),
                    account=self.account,
                )
            case "sso":
                return Text.of(
                    N_(
                        "%(session)s, signed in through IAM Identity Center with the permission "
                        "set %(set)s, in account %(account)s."
                    ),
                    session=self.session_name,
                    set=self.permission_set,
                    account=self.account,
                )
            case "assumed-role":
                if self.session_name and EC2_INSTANCE.fullmatch(self.session_name):
                    msgid = N_(
                        "Temporary credentials: the session %(session)s of the role %(role)s (the "
                        "session name is an EC2 instance ID: an instance profile) in account "
                        "%(account)s."
                    )
                else:
                    msgid = N_(
                        "Temporary credentials: the session %(session)s of the role %(role)s in "
                        "account %(account)s."
                    )
                return Text.of(
                    msgid, session=self.session_name, role=self.role_name, account=self.account
                )
            case "federated-user":
                return Text.of(
                    N_("The federated user %(name)s in account %(account)s."),
                    name=self.name,
                    account=self.account,
                )
        return Text.of(N_("A principal in account %(account)s."), account=self.account)


def describe(arn: str, account: str, user_id: str) -> Identity:
    """Take a caller ARN apart; unknown shapes keep the raw values."""
    found = ARN_PATTERN.fullmatch(arn)
    if not found:
        return Identity(account=account, arn=arn, user_id=user_id)
    base = {
        "account": account,
        "arn": arn,
        "user_id": user_id,
        "partition": found["partition"],
    }
    resource = found["resource"]
    kind, _, rest = resource.partition("/")
    if resource == "root":
        return Identity(**base, principal_type="root")
    if kind == "user" and rest:
        path, _, name = rest.rpartition("/")
        return Identity(**base, principal_type="user", name=name, path=f"/{path}/" if path else "/")
    if kind == "assumed-role" and "/" in rest:
        role, _, session = rest.partition("/")
        sso = SSO_ROLE.fullmatch(role)
        return Identity(
            **base,
            principal_type="sso" if sso else "assumed-role",
            role_name=role,
            session_name=session,
            permission_set=sso["set"] if sso else None,
        )
    if kind == "federated-user" and rest:
        return Identity(**base, principal_type="federated-user", name=rest)
    return Identity(**base)
