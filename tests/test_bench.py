"""`make bench` runs end to end on tiny counts (its figures are for the README, not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.services import ROOT


def test_bench_runs_and_prints_its_table():
    result = subprocess.run(
        [sys.executable, "bench/bench.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout
    assert "| measure | result | note |" in table
    for row in (
        "Floor:",
        "through gunicorn alone",
        "/healthz",
        "Lower bound",
        "JSON API",
        "Check through the form",
        "Server RSS",
        "never answers",
        "Cold start",
    ):
        assert row in table
    assert "0 errors" in table
