"""A tiny STS on 127.0.0.1 that answers the way real STS (or a proxy in front of it) does.

moto cannot send ExpiredToken, Throttling, 5xx, clock-skew messages, HTML pages or hang; this
can. Shapes, status codes and messages are those of ../shared/STS-WIRE.md.
"""

from __future__ import annotations

import ssl
import threading
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NS = "https://sts.amazonaws.com/doc/2011-06-15/"
HANG_LIMIT = 30.0  # seconds a hanging answer waits at most, so no test can hang for ever
# messages exactly as STS sends them (../shared/STS-WIRE.md)
INVALID_TOKEN = "The security token included in the request is invalid."
EXPIRED_TOKEN = "The security token included in the request is expired"
SKEW_BEHIND = (
    "Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z "
    "(20220127T015928Z - 15 min.)"
)
SKEW_AHEAD = (
    "Signature not yet current: 20210112T194419Z is still later than 20210112T072625Z "
    "(20210112T071125Z + 15 min.)"
)


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/xml"
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    close: bool = False
    delay: float = 0.0  # seconds to wait before answering


@dataclass(frozen=True)
class Seen:
    """One request as it arrived."""

    method: str
    path: str
    headers: dict[str, str]
    body: str

    @property
    def key_id(self) -> str | None:
        auth = self.headers.get("authorization", "")
        marker = "Credential="
        return auth.split(marker, 1)[1].split("/", 1)[0] if marker in auth else None


def identity_xml(arn: str, user_id: str, account: str, request_id: str) -> bytes:
    return (
        f'<GetCallerIdentityResponse xmlns="{NS}">\n  <GetCallerIdentityResult>\n'
        f"    <Arn>{arn}</Arn>\n    <UserId>{user_id}</UserId>\n    <Account>{account}</Account>\n"
        "  </GetCallerIdentityResult>\n"
        f"  <ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata>\n"
        "</GetCallerIdentityResponse>\n"
    ).encode()


def error_xml(code: str, message: str, error_type: str, request_id: str) -> bytes:
    return (
        f'<ErrorResponse xmlns="{NS}">\n  <Error>\n    <Type>{error_type}</Type>\n'
        f"    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n"
        f"  <RequestId>{request_id}</RequestId>\n</ErrorResponse>\n"
    ).encode()


class StsStandIn:
    """Answers every request with the next scripted Answer (the last one repeats)."""

    def __init__(self, tls: ssl.SSLContext | None = None, port: int = 0, keep: bool = True) -> None:
        self.requests: list[Seen] = []
        self._keep = keep  # a benchmark's millions of requests are not kept
        self._script: list[Answer] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self._server.daemon_threads = True
        self._server.stand_in = self  # type: ignore[attr-defined]
        self.scheme = "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def start(self) -> StsStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script = []
        self._release.set()
        self._release = threading.Event()

    # --- scripting ---
    def answer(self, *answers: Answer) -> None:
        with self._lock:
            self._script = list(answers)

    def identity(
        self,
        arn: str = "arn:aws:iam::123456789012:user/Alice",
        user_id: str = "AIDACKCEVSQ6C2EXAMPLE",
        account: str = "123456789012",
        headers: dict[str, str] | None = None,
    ) -> Answer:
        request_id = str(uuid.uuid4())
        return Answer(200, identity_xml(arn, user_id, account, request_id), headers=headers or {})

    def error(self, status: int, code: str, message: str) -> Answer:
        error_type = "Receiver" if status >= 500 else "Sender"
        return Answer(status, error_xml(code, message, error_type, str(uuid.uuid4())))

    def _next(self, seen: Seen) -> Answer:
        with self._lock:
            if self._keep:
                self.requests.append(seen)
            if not self._script:
                return self.identity()
            return self._script.pop(0) if len(self._script) > 1 else self._script[0]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes: without this, Nagle and delayed ACKs add 40 ms
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:
        stand_in: StsStandIn = self.server.stand_in  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in self.headers.items()}
        answer = stand_in._next(Seen(self.command, self.path, headers, body))
        if answer.hang:
            stand_in._release.wait(HANG_LIMIT)
            self.close_connection = True
            return
        if answer.close:
            self.close_connection = True
            return
        if answer.delay:
            stand_in._release.wait(answer.delay)
        self.send_response_only(answer.status)
        sent = {
            "Date": formatdate(usegmt=True),
            "Content-Type": answer.content_type,
            "Content-Length": str(len(answer.body)),
        }
        if answer.content_type == "text/xml":
            sent["x-amzn-RequestId"] = str(uuid.uuid4())
        sent.update(answer.headers)
        for name, value in sent.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)


def self_signed_context(directory) -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate, as an intercepting proxy has."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Corporate TLS Inspection")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def main() -> None:
    """Serve on its own: `python -m tests.stand_in PORT [--hang]` (for benchmarks and demos)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("port", type=int)
    parser.add_argument("--hang", action="store_true", help="accept, then never answer")
    args = parser.parse_args()
    server = StsStandIn(port=args.port, keep=False)
    if args.hang:
        server.answer(Answer(hang=True))
    print(f"STS stand-in on {server.url}", flush=True)
    server._server.serve_forever()


if __name__ == "__main__":
    main()
