"""The benchmark scripts (README, "Speed") keep running: one small document, one run each.

They time nothing here (timings belong to the benchmark, not to the test suite); they check
that each script still runs end to end, including its own check that netcontract's four
conversions of the benchmark document agree with each other, and prints its table.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netcontract.clr import compiled
from netcontract.xml import walk

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run(script: str, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    return proc.stdout


def test_run_prints_a_row_per_operation_with_its_ratio_and_memory() -> None:
    out = _run(
        "run.py", "--vehicles", "20", "--repeat", "1", "--warmup", "1", "--rounds", "2",
        "--no-peers", "--markdown",
    )  # fmt: skip
    rows = {line.split(" | ")[0].lstrip("| "): line for line in out.splitlines() if "|" in line}
    for op in ("XML -> objects", "objects -> XML", "JSON -> objects", "objects -> JSON"):
        row = rows[f"netcontract: {op}"]
        assert re.search(r"\| [\d.]+x \| [\d.]+ MB \([\d.]+x\) \|$", row), row
    assert rows["lxml: etree.fromstring(XML) [unit]"].endswith("| 1.00x |  |")
    assert "machine: " in out and "20 vehicles" in out


def test_extension_data_prints_both_modules_for_each_conversion() -> None:
    out = _run("extension_data.py", "--vehicles", "20", "--repeat", "1", "--calls", "1")
    rows = [line for line in out.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == 12  # six conversions of two documents
    assert all(re.search(r"\| [\d.]+ \| [\d.]+ \| [\d.]+ \|$", row) for row in rows), rows


def test_breakdown_accounts_for_each_conversion() -> None:
    out = _run("breakdown.py", "--vehicles", "20")
    # four conversions, and XML -> objects over lxml's proxies when the compiled walk is on
    conversions = 5 if walk.ACTIVE else 4
    assert out.count("= sum of the ingredients above") == conversions
    assert out.count("= the rest (generated code, calls)") == conversions


def test_codecs_prints_both_paths_for_each_compiled_codec() -> None:
    if compiled.extension is None:
        # without a compiler the script says so and stops (CI builds it: NETCONTRACT_NO_SKIPS)
        proc = subprocess.run(
            [sys.executable, str(BENCH / "codecs.py"), "--count", "50"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 1
        assert "not built" in proc.stderr
        return
    out = _run("codecs.py", "--count", "50", "--markdown")
    rows = [line for line in out.splitlines() if line.startswith("| ") and "ns" not in line]
    assert len(rows) == 20, out  # 10 codecs x 2 value sets
    assert all(re.search(r"\| [\d.]+x \|$", row) for row in rows), out


def test_batch_converts_a_folder_with_each_jobs_value_to_the_same_files() -> None:
    out = _run("batch.py", "--files", "6", "--vehicles", "1", "--repeat", "1")
    assert out.startswith("6 files, ")
    assert re.search(r"^\| 1 \| [\d.]+ \| \d+ \| 1\.00x \|", out, re.M)
    assert re.search(r"^\| 2 \| [\d.]+ \| \d+ \| [\d.]+x \|", out, re.M)


def test_run_reads_the_document_dotnet_writes() -> None:
    """--document dotnet: the same table for the document Mono writes (bench/DotnetDocument.cs),
    which netcontract reads and writes back byte for byte (run.py asserts it)."""
    if shutil.which("mono") is None or shutil.which("mcs") is None:
        if os.environ.get("NETCONTRACT_NO_SKIPS") == "1":
            raise AssertionError("Mono is needed for the .NET-written benchmark document")
        pytest.skip("Mono (mono, mcs) is not installed")
    out = _run(
        "run.py", "--vehicles", "20", "--document", "dotnet", "--repeat", "1", "--warmup", "1",
        "--rounds", "1", "--no-peers", "--no-memory", "--markdown",
    )  # fmt: skip
    assert "20 vehicles written by .NET (Mono)" in out
    assert "| netcontract: JSON -> objects |" in out
