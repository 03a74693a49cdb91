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
    python3 dev.py mutate   mutation testing (mutmut) of the modules and tests [tool.mutmut] in
                            pyproject.toml names, one worker; then the score and the survivors
                            (mutant names may follow, as `mutmut run` takes them)
    python3 dev.py mutate --quick
                            the CI subset (MUTATION_QUICK below) in a copy under build/: fails
                            when one of its mutants survives, unless tests/mutation/equivalent.txt
                            lists it, or when its score falls below MUTATION_QUICK_FLOOR
    python3 dev.py planted  plant again, one at a time, the five bugs issue #20 named and check
                            that the Mono-free tests catch each on both codec paths

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
# contracts are generated for the paths their tests take, and each keeps its decline branches);
# 40% with the whole suite once the compiled walk came (each contract then has a second,
# walked reader, and its proxy reader runs only where the walk declines): raise it again
GENERATED_FLOOR = 38
# what the install builds: a change to any of them reinstalls (and so recompiles)
INSTALL_INPUTS = ("pyproject.toml", "setup.py", "src/netcontract/clr/_speedups.c")


# `mutate --quick` (CI): modules whose every mutant the listed tests kill, bar the documented
# equivalent ones; a few minutes on one core
MUTATION_QUICK_MODULES = ["src/netcontract/clr/guid.py"]
MUTATION_QUICK_TESTS = [
    "tests/netcontract/clr/test_guid.py",
    "tests/netcontract/test_byte_rules.py",
]
# killed / (total - equivalent), in percent
MUTATION_QUICK_FLOOR = 100.0
MUTATION_BUILD = ROOT / "build" / "mutation-quick"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.txt"
# mutmut's exit codes of a mutant (mutmut/stats.py): 1 and 3 (tests failed), a timeout or a
# crash all detect it; 0 is a survivor; 33 and 5: no selected test reaches its function
_KILLED = {1, 3, 24, 36, -24, 152, 255, -11, -9, 37}
_NO_TESTS = {5, 33}


def ensure_env() -> None:
    digest = hashlib.sha256()
    for name in INSTALL_INPUTS:
        digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    # the extension is built in place (src/netcontract/clr/_speedups*.so): a `git clean -x`
    # removes it while .venv stays, so an install that built it is redone when it is gone
    built = any(
        path.suffix in (".so", ".pyd")
        for path in (ROOT / "src" / "netcontract" / "clr").glob("_speedups*")
    )
    if STAMP.exists() and PYTHON.exists():
        stamp = STAMP.read_text()
        if stamp == f"{wanted}:pure" or (stamp == f"{wanted}:compiled" and built):
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
    STAMP.write_text(f"{wanted}:{'compiled' if reason.startswith('compiled') else 'pure'}")


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
        for stale in [ROOT / ".coverage", *ROOT.glob(".coverage.*")]:
            stale.unlink(missing_ok=True)
        # one worker per CPU (NETCONTRACT_TEST_WORKERS overrides), each test module whole on
        # one worker (module-scoped fixtures such as the compiled C# twins are built once)
        workers = os.environ.get("NETCONTRACT_TEST_WORKERS", "auto")
        status = run(
            str(PYTHON),
            "-m",
            "coverage",
            "run",
            "-m",
            "pytest",
            "-n",
            workers,
            "--dist",
            "loadfile",
        )
        run(str(PYTHON), "-m", "coverage", "combine", "-q")
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
    if command == "mutate":
        ensure_env()
        if rest[:1] == ["--quick"]:
            return mutate_quick()
        return mutate(ROOT, rest)
    if command == "planted":
        ensure_env()
        return run(str(PYTHON), "tests/mutation/planted.py", *rest)
    if command == "check":
        ensure_env()
        status = run(str(BIN / "ruff"), "check", "src", "tests")
        status |= run(str(BIN / "ruff"), "format", "--check", "src", "tests")
        status |= run(str(BIN / "mypy"))
        return status
    print(__doc__)
    return 0 if command in ("help", "-h", "--help") else 2


def mutate(where: Path, names: list[str], floor: float | None = None) -> int:
    """Run mutmut in ``where`` (one worker: the machines are shared) and report the score
    (see :func:`mutation_report`)."""
    # NETCONTRACT_PURE: the compiled codecs would answer for the Python functions mutated
    env = dict(os.environ, NETCONTRACT_HYPOTHESIS_PROFILE="mutation", NETCONTRACT_PURE="1")
    # the generated sources' folder and the no-fallback switch are the test command's
    for name in ("NETCONTRACT_GENERATED_SOURCES", "NETCONTRACT_NO_FALLBACK"):
        env.pop(name, None)
    # mutmut exits 0 when mutants survive: the verdict is read from its results afterwards
    return subprocess.run(
        [str(BIN / "mutmut"), "run", "--max-children", "1", *names], cwd=where, env=env, check=False
    ).returncode or mutation_report(where, floor)


def mutation_report(where: Path, floor: float | None) -> int:
    """Print the score of the last run in ``where`` (from mutmut's mutants/*.meta files) and
    its survivors; with ``floor``, 1 if a survivor is not listed as equivalent or the score is
    below the floor."""
    import json  # noqa: PLC0415 - only this command reads mutmut's files

    equivalent = {
        line.split("#", 1)[0].strip()
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    }
    killed: list[str] = []
    survived: list[str] = []
    untested: list[str] = []
    unchecked: list[str] = []
    for meta in sorted((where / "mutants").rglob("*.py.meta")):
        results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in results.items():
            if code is None:
                unchecked.append(name)
            elif code in _KILLED:
                killed.append(name)
            elif code in _NO_TESTS:
                untested.append(name)
            else:  # 0, or anything mutmut calls suspicious
                survived.append(name)
    checked = len(killed) + len(survived) + len(untested)
    known = [n for n in survived + untested if n in equivalent]
    unknown = sorted(n for n in survived + untested if n not in equivalent)
    score = 100.0 * len(killed) / max(1, checked - len(known))
    print(
        f"mutation score: {len(killed)} killed / {checked} checked ({score:.1f}% of the"
        f" {checked - len(known)} not listed as equivalent); survived {len(survived)},"
        f" no test reaches {len(untested)}, equivalent (tests/mutation/equivalent.txt)"
        f" {len(known)}, not checked {len(unchecked)}"
    )
    for name in unknown:
        print(f"  survived: {name}  (in {where}: {BIN / 'mutmut'} show {name})")
    if floor is None:
        return 0
    if unknown or score < floor or not checked:
        print(
            "mutation testing failed: a survivor is not listed in tests/mutation/equivalent.txt,"
            f" or the score is below {floor}%"
        )
        return 1
    return 0


def mutate_quick() -> int:
    """The CI subset: a copy of the project whose [tool.mutmut] names MUTATION_QUICK_*."""
    shutil.rmtree(MUTATION_BUILD, ignore_errors=True)
    MUTATION_BUILD.mkdir(parents=True)
    for folder in ("src", "tests", "fixtures", "xsd", "bench"):
        shutil.copytree(
            ROOT / folder, MUTATION_BUILD / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    start = text.index("\n[tool.mutmut]\n")
    end = text.index("\n[", start + 1)

    def toml_list(values: list[str]) -> str:
        return "[" + ", ".join(f'"{v}"' for v in values) + "]"

    table = text[start:end]
    kept = [
        line
        for line in table.splitlines()
        if line.startswith(
            ("source_paths", "also_copy", "pytest_add_cli_args =", "process_", "fork")
        )
    ]
    quick = "\n".join(
        [
            "",
            "[tool.mutmut]",
            *kept,
            f"only_mutate = {toml_list(MUTATION_QUICK_MODULES)}",
            f"pytest_add_cli_args_test_selection = {toml_list(MUTATION_QUICK_TESTS)}",
            "",
        ]
    )
    (MUTATION_BUILD / "pyproject.toml").write_text(text[:start] + quick + text[end:])
    return mutate(MUTATION_BUILD, [], MUTATION_QUICK_FLOOR)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
