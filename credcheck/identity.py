"""Who a GetCallerIdentity answer says the caller is, in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTITION_LABELS = {
    "aws": "AWS (standard partition)",
    "aws-cn": "AWS China",
    "aws-us-gov": "AWS GovCloud (US)",
}

PRINCIPAL_LABELS = {
    "user": "IAM user",
    "root": "root user of the account",
    "assumed-role": "assumed role (temporary credentials)",
    "sso": "IAM Identity Center (SSO) user through a permission set",
    "federated-user": "federated user (GetFederationToken)",
    "unknown": "principal of a kind credcheck does not recognise",
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
        return PARTITION_LABELS.get(self.partition, self.partition or "unknown partition")

    @property
    def principal_label(self) -> str:
        return PRINCIPAL_LABELS[self.principal_type]

    @property
    def summary(self) -> str:
        """One sentence saying who this is."""
        where = f"in account {self.account}"
        match self.principal_type:
            case "user":
                return f"The IAM user {self.name} {where}."
            case "root":
                return (
                    f"The root user of account {self.account}: the most powerful identity there is."
                )
            case "sso":
                return (
                    f"{self.session_name}, signed in through IAM Identity Center with the "
                    f"permission set {self.permission_set}, {where}."
                )
            case "assumed-role":
                who = f"the session {self.session_name} of the role {self.role_name}"
                if self.session_name and EC2_INSTANCE.fullmatch(self.session_name):
                    who += " (the session name is an EC2 instance ID: an instance profile)"
                return f"Temporary credentials: {who} {where}."
            case "federated-user":
                return f"The federated user {self.name} {where}."
        return f"A principal {where}."


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
