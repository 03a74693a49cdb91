#!/usr/bin/env python3
"""Set-up and everyday commands, needing nothing but python3.

    python3 dev.py demo     convert the bundled help-page sample (JSON -> indented XML)
    python3 dev.py test     run the whole test suite (pytest; .NET interop tests need Mono) under
                            branch coverage, failing below the floor set in pyproject.toml;
                            with arguments (test files, -k ...), plain pytest on those
    python3 dev.py check    ruff, ruff format --check and mypy --strict on src/
    python3 dev.py differential [COUNT] [SEED]
                            each compiled .NET codec against its pure-Python reference on
                            COUNT random inputs (default 1,000,000; needs a C compiler)

Each command creates ./.venv on first use and installs the project into it (editable,
with the test and dev extras); later runs reuse it unless pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".netcontract-installed"
# `test` has every generated reader and writer written here and compiled from the file, so
# coverage measures them (see NETCONTRACT_GENERATED_SOURCES in src/netcontract/codegen.py)
GENERATED = ROOT / "build" / "generated"
GENERATED_FILES = "build/generated/*"
# 56% measured without the interop tests on 2026-12-07 (the readers and writers of test
# contracts are generated for the paths their tests take, and each keeps its decline branches)
GENERATED_FLOOR = 50
# what the install builds: a change to any of them reinstalls (and so recompiles)
INSTALL_INPUTS = ("pyproject.toml", "setup.py", "src/netcontract/clr/_speedups.c")


def ensure_env() -> None:
    digest = hashlib.sha256()
    for name in INSTALL_INPUTS:
        digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing netcontract[dev] into .venv", file=sys.stderr)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            f"{ROOT}[dev]",
        ],
        check=True,
    )
    STAMP.write_text(wanted)
    # the C extension is optional: without a compiler the install succeeds without it
    probe = "import netcontract.clr.compiled as c; print(c.REASON)"
    reason = subprocess.run(
        [str(PYTHON), "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NETCONTRACT_PURE": ""},
    ).stdout.strip()
    if not reason.startswith("compiled"):
        print(f"dev.py: netcontract runs its {reason}", file=sys.stderr)


def run(*cmd: str) -> int:
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command == "demo":
        ensure_env()
        return run(
            str(BIN / "netcontract"),
            "convert",
            "--to",
            "xml",
            "--indent",
            "--type",
            "CustomerGroupDto",
            "fixtures/customer_group.json",
            *rest,
        )
    if command == "test":
        ensure_env()
        # pytest exits 5 when it collects no test: that is a failure here too
        if rest:
            return run(str(PYTHON), "-m", "pytest", *rest)
        # coverage starts before pytest imports its plugins (netcontract's own among them), so
        # the modules they import are measured too (pytest-cov would start too late)
        shutil.rmtree(GENERATED, ignore_errors=True)
        GENERATED.mkdir(parents=True)  # coverage measures a source folder only if it exists
        os.environ["NETCONTRACT_GENERATED_SOURCES"] = str(GENERATED)
        status = run(str(PYTHON), "-m", "coverage", "run", "-m", "pytest")
        if status:
            return status
        print("coverage of netcontract and vehizen (floor: fail_under in pyproject.toml):")
        status = run(str(PYTHON), "-m", "coverage", "report", f"--omit={GENERATED_FILES}")
        print(f"coverage of the generated readers and writers (floor: {GENERATED_FLOOR}%):")
        status |= run(
            str(PYTHON),
            "-m",
            "coverage",
            "report",
            f"--include={GENERATED_FILES}",
            f"--fail-under={GENERATED_FLOOR}",
            "--format=total",
        )
        return status
    if command == "differential":
        ensure_env()
        return run(str(PYTHON), "tests/netcontract/clr/differential.py", *rest)
    if command == "check":
        ensure_env()
        status = run(str(BIN / "ruff"), "check", "src", "tests")
        status |= run(str(BIN / "ruff"), "format", "--check", "src", "tests")
        status |= run(str(BIN / "mypy"))
        return status
    print(__doc__)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
