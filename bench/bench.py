"""`make bench`: the app's overhead against the floor, measured in one run, printed as Markdown.

Everything talks to 127.0.0.1 only: a local STS stand-in (tests/stand_in.py, its own process),
the app under gunicorn (as `make serve` runs it) or flask, and load from this process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import urllib3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from tests.services import free_port, stop, wait_for  # noqa: E402

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
BODY = "Action=GetCallerIdentity&Version=2011-06-15"


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


def start_stand_in(hang: bool = False) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "tests.stand_in", str(port)] + (["--hang"] if hang else [])
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    process.stdout.readline()  # "STS stand-in on ..." once it listens
    return process, f"http://127.0.0.1:{port}"


def start_server(
    sts_url: str, *, workers: int = 2, threads: int = 8, kind: str = "gunicorn", **env
):
    """The app in its own process; returns (process, url, seconds from spawn to first page)."""
    port = free_port()
    full_env = {
        **os.environ,
        "FLASK_SECRET_KEY": "bench",
        "FLASK_STS_ENDPOINT_URL": sts_url,
        "FLASK_RATELIMIT_CHECKS": "100000000/minute",
        "FLASK_AUDIT_LOG": os.devnull,
        "CREDCHECK_BIND": f"127.0.0.1:{port}",
        "CREDCHECK_WORKERS": str(workers),
        "CREDCHECK_THREADS": str(threads),
        **env,
    }
    if kind == "gunicorn":
        command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--access-logfile", os.devnull]
    else:
        command = [sys.executable, "-m", "flask", "--app", "app", "run", "--port", str(port)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    wait_for(url, process, seconds=30, poll=0.005)  # finely: cold starts are timed by it
    return process, url, time.perf_counter() - started


def start_hello(workers: int, threads: int) -> tuple[subprocess.Popen, str]:
    """bench/hello.py under gunicorn with the app's worker settings: the web server's own share."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        "-k",
        "gthread",
        f"-w{workers}",
        f"--threads={threads}",
        f"-b127.0.0.1:{port}",
        "bench.hello:app",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    wait_for(url, process, seconds=30)
    return process, url


def signed_call(sts_url: str) -> Callable[[], None]:
    """The floor: a SigV4-signed GetCallerIdentity over one pooled connection (botocore's signer
    and urllib3, nothing else)."""
    credentials = Credentials(KEY_ID, SECRET)
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port_of(sts_url), maxsize=1)

    def once() -> None:
        request = AWSRequest(
            "POST",
            sts_url + "/",
            data=BODY,
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        SigV4Auth(credentials, "sts", "us-east-1").add_auth(request)
        response = pool.urlopen("POST", "/", body=BODY, headers=dict(request.headers.items()))
        assert response.status == 200 and b"<Arn>" in response.data

    return once


def page_get(url: str, path: str, expect: bytes) -> Callable[[], None]:
    """GET path over one keep-alive connection."""
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port_of(url), maxsize=1)

    def once() -> None:
        response = pool.request("GET", path)
        assert response.status == 200 and expect in response.data

    return once


def form_check(app_url: str) -> Callable[[], None]:
    """A check through the HTML form, as a browser posts it (the session cookie, the CSRF token)."""
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port_of(app_url), maxsize=1)
    page = pool.request("GET", "/")
    cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.data.decode())[1]
    fields = {
        "csrf_token": token,
        "access_key_id": KEY_ID,
        "secret_access_key": SECRET,
        "region": "us-east-1",
    }

    def once() -> None:
        response = pool.request_encode_body(
            "POST",
            "/",
            fields=fields,
            encode_multipart=False,
            headers={"Cookie": cookie, "Referer": app_url},
        )
        assert response.status == 200 and b"Valid credentials" in response.data, response.status

    return once


def post_check(pool: urllib3.HTTPConnectionPool, key_id: str = KEY_ID):
    """One POST to the JSON API."""
    body = json.dumps({"access_key_id": key_id, "secret_access_key": SECRET})
    return pool.urlopen(
        "POST", "/api/v1/check", body=body, headers={"Content-Type": "application/json"}
    )


def api_check(app_url: str) -> Callable[[], None]:
    """A check through the JSON API: the same check, no page, no session, no CSRF token."""
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port_of(app_url), maxsize=1)

    def once() -> None:
        response = post_check(pool)
        assert response.status == 200 and b'"ok":true' in response.data, response.status

    return once


def aws_calls(sts_url: str) -> tuple[Callable[[], None], Callable[[], None]]:
    """The AWS call alone: credcheck's shared client, and a client per check (a typical design)."""
    import boto3

    from credcheck import Checker, Credentials, Settings

    checker = Checker(Settings(endpoint_url=sts_url))
    credentials = Credentials(KEY_ID, SECRET)
    session = boto3.Session()

    def shared() -> None:
        assert checker.check(credentials).ok

    def client_per_check() -> None:
        session.client(
            "sts",
            region_name="us-east-1",
            endpoint_url=sts_url,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
        ).get_caller_identity()

    return shared, client_per_check


def interleaved(
    measures: dict[str, tuple[Callable[[], None], int]], rounds: int
) -> dict[str, list[float]]:
    """Each measure in turn, a few samples at a time, round after round: the machine's slow and
    fast spells then fall on all of them alike, and their ratios hold. measures maps a name to
    (one sample, samples per round)."""
    for once, per_round in measures.values():
        for _ in range(min(per_round, 20)):  # warm up
            once()
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(rounds):
        for name, (once, per_round) in measures.items():
            for _ in range(per_round):
                started = time.perf_counter()
                once()
                samples[name].append(time.perf_counter() - started)
    return samples


def api_load(
    app_url: str, total: int, clients: int, distinct: bool = False
) -> tuple[float, list[float], int]:
    """total API checks from concurrent keep-alive clients: (seconds, latencies, errors)."""
    port = port_of(app_url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        nonlocal errors
        pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, timeout=30, retries=False)
        mine, bad = [], 0
        for n in counter:
            key_id = f"AKIA{n:016d}" if distinct else KEY_ID
            started = time.perf_counter()
            try:
                response = post_check(pool, key_id)
                ok = response.status == 200 and b'"ok":true' in response.data
            except urllib3.exceptions.HTTPError:
                ok = False
            mine.append(time.perf_counter() - started)
            bad += not ok
        with lock:
            latencies.extend(mine)
            errors += bad

    workers = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - started, latencies, errors


def wrk_throughput(app_url: str, seconds: int, connections: int) -> dict | None:
    """Checks per second under wrk (C, light on the CPU the server needs); None without wrk."""
    if shutil.which("wrk") is None:
        return None
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "-s",
        str(ROOT / "bench" / "wrk_check.lua"),
        app_url + "api/v1/check",
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    found = re.search(r"CREDCHECK (.*)", out)
    return {k: float(v) for k, v in (pair.split("=") for pair in found[1].split())}


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (gunicorn's workers), in KiB."""
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    total = 0
    for p in pids:
        status = Path(f"/proc/{p}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+) kB", status)[1])
    return total


def hung_verdict(samples: int) -> list[float]:
    hung, hung_url = start_stand_in(hang=True)
    server, url, _ = start_server(hung_url, workers=1, threads=4)
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port_of(url), timeout=30)
    times = []
    try:
        for _ in range(samples):
            started = time.perf_counter()
            response = post_check(pool)
            assert b"ReadTimeout" in response.data, response.data[:200]
            times.append(time.perf_counter() - started)
    finally:
        stop(server)
        stop(hung)
    return times


def cold_starts(sts_url: str, samples: int, kind: str) -> list[float]:
    times = []
    for _ in range(samples):
        server, _, seconds = start_server(sts_url, workers=1, threads=2, kind=kind)
        stop(server)
        times.append(seconds)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny counts: does it run at all")
    args = parser.parse_args()
    n = (
        {"latency": 20, "load": 200, "clients": 5, "rss": 200, "hung": 1, "cold": 1, "wrk": 2}
        if args.quick
        else {
            "latency": 1000,
            "load": 2000,
            "clients": 20,
            "rss": 10_000,
            "hung": 3,
            "cold": 5,
            "wrk": 10,
        }
    )

    sts, sts_url = start_stand_in()
    try:
        server, url, _ = start_server(sts_url, workers=1, threads=4)
        hello, hello_url = start_hello(workers=1, threads=4)
        try:
            shared, client_per_check = aws_calls(sts_url)
            per_round = max(1, n["latency"] // 20)
            latency = interleaved(
                {
                    "floor": (signed_call(sts_url), per_round),
                    "hop": (page_get(hello_url, "/", b"ok"), per_round),
                    "healthz": (page_get(url, "/healthz", b"ok"), per_round),
                    "shared": (shared, per_round),
                    # ten times slower: sampled less
                    "per_check": (client_per_check, max(1, per_round // 10)),
                    "api": (api_check(url), per_round),
                    "form": (form_check(url), per_round),
                },
                rounds=20,
            )
            before = rss_kib(server.pid)
            api_load(url, n["rss"], 4, distinct=True)
            after = rss_kib(server.pid)
        finally:
            stop(hello)
            stop(server)
        server, url, _ = start_server(sts_url, workers=2, threads=8)
        try:
            api_load(url, 200, n["clients"])  # warm up
            seconds, latencies, errors = api_load(url, n["load"], n["clients"])
            wrk = wrk_throughput(url, n["wrk"], 20)
        finally:
            stop(server)
        hung = hung_verdict(n["hung"])
        cold_gunicorn = cold_starts(sts_url, n["cold"], "gunicorn")
        cold_flask = cold_starts(sts_url, n["cold"], "flask")
    finally:
        stop(sts)

    median = {name: statistics.median(samples) for name, samples in latency.items()}
    floor = median["floor"]

    median["bound"] = median["hop"] + median["shared"]
    latency_rows = (
        ("Floor: signed GetCallerIdentity, pooled connection", "floor"),
        ("A round trip through gunicorn alone (bench/hello.py, 1 worker × 4 threads)", "hop"),
        ("/healthz through the app (Flask and its extensions, no page, no AWS call)", "healthz"),
        ("The AWS call alone: credcheck's shared client", "shared"),
        ("The AWS call alone: a boto3 client per check", "per_check"),
        ("Lower bound for any gunicorn + botocore check: the round trip plus the call", "bound"),
        ("Check through the JSON API, end to end (no page, session or CSRF token)", "api"),
        ("Check through the form, end to end (1 worker × 4 threads)", "form"),
    )
    rows = [
        (
            label,
            f"median {ms(median[name])}, p90 {ms(pct(latency[name], 90))}"
            if name in latency
            else ms(median[name]),  # the lower bound: a sum of two medians
            f"{median[name] / floor:.1f}× the floor",
        )
        for label, name in latency_rows
    ] + [
        (
            f"Throughput under wrk: {n['wrk']} s, 20 connections, gunicorn 2 workers × 8 threads",
            f"{wrk['rps']:.0f} checks/s, p50 {wrk['p50_ms']:.1f} ms, p99 {wrk['p99_ms']:.1f} ms"
            if wrk
            else "not measured: no wrk (apt-get install wrk)",
            f"{wrk['errors']:.0f} errors in {wrk['requests']:.0f}" if wrk else "",
        ),
        (
            f"Load run: {n['load']} API checks from {n['clients']} Python clients, gunicorn 2×8",
            f"{n['load'] / seconds:.0f} checks/s, p50 {ms(statistics.median(latencies))}, "
            f"p99 {ms(pct(latencies, 99))}",
            f"{errors} errors",
        ),
        (
            f"Server RSS, before → after {n['rss']} checks with distinct key IDs",
            f"{before / 1024:.1f} → {after / 1024:.1f} MiB",
            f"{(after - before) / 1024:+.2f} MiB",
        ),
        (
            "Verdict when the endpoint accepts and never answers",
            ", ".join(f"{t:.2f} s" for t in hung),
            "",
        ),
        (
            "Cold start to first page: gunicorn (make serve)",
            f"median {statistics.median(cold_gunicorn):.2f} s",
            "",
        ),
        (
            "Cold start to first page: flask run (make run)",
            f"median {statistics.median(cold_flask):.2f} s",
            "",
        ),
    ]
    print(
        f"credcheck bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| measure | result | note |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
