"""The audit trail: one JSON line per check, never holding a secret."""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import UTC, datetime

from .failures import Failure
from .keys import key_facts
from .partitions import partition_of
from .sts import Success


def record(
    result: Success | Failure,
    key_id: str,
    *,
    client_ip: str | None,
    operator: str | None,
    now: datetime | None = None,
) -> dict:
    """The audit line for one check. Built only from what is safe to keep."""
    facts = key_facts(key_id)
    identity = result.identity if isinstance(result, Success) else None
    return {
        "time": (now or datetime.now(UTC)).isoformat(timespec="milliseconds"),
        "client_ip": client_ip,
        "operator": operator,
        "key_id": facts.masked,
        "key_type": facts.prefix,
        "partition": partition_of(result.region).name,
        "region": result.region,
        "outcome": "ok" if result.ok else result.code,
        "account": identity.account if identity else facts.account,
        "arn": identity.arn if identity else None,
        "duration_ms": round(result.elapsed_ms, 1),
        "request_id": result.request_id,
    }


class AuditLog:
    """Appends JSON lines to stderr ("-"), to a file (a path), or nowhere ("")."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._fd: int | None = None
        if target and target != "-":
            # O_APPEND: each line lands whole even with several workers writing the same file
            self._fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)

    def write(self, entry: dict) -> None:
        if not self.target:
            return
        line = json.dumps(entry, separators=(",", ":")) + "\n"
        with self._lock:
            if self._fd is not None:
                os.write(self._fd, line.encode())
            else:
                sys.stderr.write(line)
                sys.stderr.flush()
