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
    python3 dev.py mutate --codecs
                            the value codecs (MUTATION_CODECS below: clr/ numbers, DateTime,
                            Guid, TimeSpan, Single, DateTimeOffset, the registry) against their
                            unit tests, in a copy under build/ that keeps its results between
                            runs (mutant names may follow, to run those again); about an hour
    python3 dev.py mutate --rules
                            the reading and writing rules (MUTATION_RULES below: xml/read.py,
                            xml/write.py, json/text.py, json/write.py, model/wire.py,
                            model/plan.py) against the Mono-free document tests, in a copy
                            under build/ that keeps its results the same way; many hours
                            (NETCONTRACT_MUTATION_WORKERS=2 runs two workers)
    python3 dev.py mutate --rules --sample
                            the same, over a fixed sample of about one mutant in ten (mutants
                            1, 11, 21, ... of each function, MUTATION_SAMPLE below): those not
                            checked yet, then the sample's score
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
# `mutate --codecs`: every value codec in [tool.mutmut] against the fast Mono-free tests that
# read and write values (the codecs' own, the byte rules, the form and help-page value rules);
# the XML and JSON document tests are left out: each of them calls the hot codecs, so a codec
# mutant that survives would run them all
MUTATION_CODECS_MODULES = [
    f"src/netcontract/clr/{name}.py"
    for name in (
        "numbers",
        "datetime",
        "guid",
        "timespan",
        "single",
        "datetimeoffset",
        "value_types",
    )
]
MUTATION_CODECS_TESTS = [
    "tests/netcontract/clr",
    "tests/netcontract/test_byte_rules.py",
    "tests/netcontract/test_boundaries.py",
    "tests/netcontract/test_refused_values.py",
    "tests/netcontract/test_refusals.py",
    "tests/netcontract/test_fast_paths.py",
    "tests/netcontract/json/test_generated.py",
    "tests/netcontract/json/test_codec.py",
    "tests/netcontract/json/test_object_member_dates.py",
    "tests/netcontract/json/test_wcf_json_values.py",
    "tests/netcontract/webapi",
    "tests/netcontract/generate/test_helppage.py",
]
MUTATION_CODECS_BUILD = ROOT / "build" / "mutation-codecs"
# `mutate --rules`: the document readers and writers (and the generators of their fast paths)
# against every Mono-free unit test of documents: [tool.mutmut]'s selection and the contract
# model's, dictionaries', streams', forms' and XSD export's tests (a first run with the
# former alone left mutants alive that only these reach, such as collection roots'); the
# command line, batch, Dask, thread and fuzz tests are left out (slow, and through the same
# functions)
MUTATION_RULES_MODULES = [
    f"src/netcontract/{name}.py"
    for name in ("model/wire", "model/plan", "json/text", "json/write", "xml/read", "xml/write")
]
MUTATION_RULES_TESTS = [
    *(f"tests/netcontract/{folder}" for folder in ("clr", "xml", "json", "model", "webapi")),
    "tests/netcontract/xsd/test_export.py",
    *(
        f"tests/netcontract/test_{name}.py"
        for name in (
            "byte_rules",
            "boundaries",
            "refusals",
            "refused_values",
            "fast_paths",
            "fallback",
            "dictionaries",
            "dict_keys",
            "roundtrip_properties",
            "stream",
        )
    ),
]
MUTATION_RULES_BUILD = ROOT / "build" / "mutation-rules"
# `mutate --rules --sample`: mutants 1, 11, 21, ... of every function (mutmut numbers each
# function's mutants from 1 in the order of its source), about one in ten and at least one of
# every function; fixed, so that a survivor killed stays killed from run to run
MUTATION_SAMPLE = "*__mutmut_*1"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.txt"
# mutmut's exit codes of a mutant (mutmut/stats.py): 1 and 3 (tests failed), a timeout or a
# crash all detect it; 0 is a survivor; 33 and 5: no selected test reaches its function.
# 255 (mutmut calls it a timeout) is an exception in mutmut's own runner, such as pytest not
# finding a selected test id in the forked process, whose pytest collected the tests once
# already (an explicit parametrize id with a backslash comes out escaped again:
# tests/test_dev.py keeps the selection free of such ids); it decides nothing: dev.py runs
# such a mutant again in a fresh process (the files of the tests mutmut selected and the test
# modules whose import runs the function)
_KILLED = {1, 3, 24, 36, -24, 152, -11, -9, 37}
_NO_TESTS = {5, 33}
_UNDECIDED = {255}


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
        if rest[:1] == ["--codecs"]:
            return mutate_codecs(rest[1:])
        if rest[:2] == ["--rules", "--sample"]:
            return mutate_rules_sample()
        if rest[:1] == ["--rules"]:
            return mutate_rules(rest[1:])
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
    """Run mutmut in ``where`` (one worker unless NETCONTRACT_MUTATION_WORKERS says more: the
    machines are shared) and report the score (see :func:`mutation_report`)."""
    # NETCONTRACT_PURE: the compiled codecs would answer for the Python functions mutated
    env = dict(os.environ, NETCONTRACT_HYPOTHESIS_PROFILE="mutation", NETCONTRACT_PURE="1")
    # the generated sources' folder and the no-fallback switch are the test command's
    for name in ("NETCONTRACT_GENERATED_SOURCES", "NETCONTRACT_NO_FALLBACK"):
        env.pop(name, None)
    # mutmut exits 0 when mutants survive: the verdict is read from its results afterwards
    workers = os.environ.get("NETCONTRACT_MUTATION_WORKERS", "1")
    status = subprocess.run(
        [str(BIN / "mutmut"), "run", "--max-children", workers, *names],
        cwd=where,
        env=env,
        check=False,
    ).returncode
    if status:
        return status
    recheck_in_fresh_process(where, env, names)
    return mutation_report(where, floor)


def equivalent_mutants() -> set[str]:
    """The names tests/mutation/equivalent.txt lists."""
    return {
        line.split("#", 1)[0].strip()
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    }


def recheck_in_fresh_process(where: Path, env: dict[str, str], names: list[str]) -> None:
    """Run each survivor again in a new process that imports netcontract with it active.

    mutmut's workers are forked from a process that imported netcontract and collected the
    tests before any mutant was active (forkserver_warmup = "collect"): what runs at import
    (tables built once, such as the double parser's powers of ten or DateTime's month table,
    and the value-type registry) ran unmutated there, so mutmut never sees a mutant of it.
    Here the whole test selection runs (-x) with the mutant active from the first import; a
    failure is recorded in mutmut's results as tests failed (exit code 1). Survivors this run
    keeps are not checked again by the next run unless they are named.
    """
    import fnmatch  # noqa: PLC0415 - only this command needs them
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    table = tomllib.loads((where / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    mutmut = table["mutmut"]
    args = [*mutmut["pytest_add_cli_args"], *mutmut["pytest_add_cli_args_test_selection"]]
    kept_file = where / "mutants" / "fresh-process-survivors.json"
    kept = set(json.loads(kept_file.read_text())) if kept_file.exists() else set()
    equivalent = equivalent_mutants()
    candidates: list[tuple[Path, str, int]] = []
    for meta in sorted((where / "mutants").rglob("*.py.meta")):
        results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in results.items():
            named = any(fnmatch.fnmatch(name, pattern) for pattern in names)
            if code is None or code in _KILLED or name in equivalent:
                continue
            if named or not (names or name in kept):
                candidates.append((meta, name, code))
    if not candidates:
        return
    early = functions_run_before_the_tests(where, env, args)
    stats = json.loads((where / "mutants" / "mutmut-stats.json").read_text(encoding="utf-8"))
    selected = stats["tests_by_mangled_function_name"]
    fresh_env = dict(env, PYTHONPATH=str(where / "mutants" / "src"))
    options = list(mutmut["pytest_add_cli_args"])
    for meta, name, code in candidates:
        function = name.rsplit("__mutmut_", 1)[0]
        files = set(early.get(function, ()))
        if code in _UNDECIDED:  # mutmut's run decided nothing: its tests' files too
            files |= {test.split("::", 1)[0].removeprefix("tests/") for test in selected[function]}
        elif not files:
            continue  # mutmut ran it with the mutant active all along
        # the test modules whose import ran it (their contracts were built by it), or the
        # whole selection when a conftest or plugin did
        selection = (
            args if "*" in files else [*options, *(f"tests/{file}" for file in sorted(files))]
        )
        print(f"dev.py: {name} not killed ({code}); running its tests again in a fresh process")
        try:
            status = subprocess.run(
                [str(BIN / "python"), "-m", "pytest", "--rootdir=.", "-x", "-q", *selection],
                cwd=where / "mutants",
                env=dict(fresh_env, MUTANT_UNDER_TEST=name),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
                timeout=1800,
            ).returncode
        except subprocess.TimeoutExpired:
            status = 1
        if status in (4, 5):  # a usage error or no test collected: the command is wrong
            raise SystemExit(f"dev.py: pytest exited {status} with the arguments {selection}")
        if status:
            print(f"dev.py: {name} killed in a fresh process (pytest exit code {status})")
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["exit_code_by_key"][name] = 1
            meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
            kept.discard(name)
        else:
            kept.add(name)
        kept_file.write_text(json.dumps(sorted(kept), indent=1))


_TRACE_CALLS = """
import sys
import pytest
seen = {}
folder, tests = sys.argv[1], sys.argv[3]
def trace(frame, event, arg):
    if event == "call" and frame.f_code.co_filename.startswith(folder):
        key = (frame.f_globals.get("__name__"), frame.f_code.co_qualname)
        caller = frame.f_back
        while caller is not None and not (
            caller.f_code.co_filename.startswith(tests)
            and caller.f_code.co_filename.rsplit("/", 1)[-1].startswith(("test_", "conftest"))
        ):
            caller = caller.f_back
        # the test module (or conftest) whose import made the call; "*" for pytest's plugins
        where = caller.f_code.co_filename[len(tests):].lstrip("/") if caller else "*"
        seen.setdefault(key, set()).add(where)
sys.setprofile(trace)
pytest.main(["-qq", "--collect-only", *sys.argv[4:]])
sys.setprofile(None)
with open(sys.argv[2], "w") as out:
    for (module, name), files in sorted(seen.items()):
        if "<" not in name:
            out.write(f"{module} {name} {' '.join(sorted(files))}\\n")
"""


def functions_run_before_the_tests(
    where: Path, env: dict[str, str], args: list[str]
) -> dict[str, set[str]]:
    """mutmut's names (``module.x_function``, ``module.xǁClassǁmethod``) of the functions of
    ``where``'s sources that run while pytest imports netcontract and collects the tests, each
    with the test files (relative to tests/) whose import calls it ("*": pytest's plugins or a
    conftest, which every test needs)."""
    found = where / "build" / "import-time-functions.txt"
    found.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(BIN / "python"),
            "-c",
            _TRACE_CALLS,
            str(where / "src"),
            str(found),
            str(where / "tests"),
            *args,
        ],
        cwd=where,
        env=dict(env, PYTHONPATH=str(where / "src")),
        stdout=subprocess.DEVNULL,
        check=True,
    )
    names: dict[str, set[str]] = {}
    for line in found.read_text(encoding="utf-8").splitlines():
        module, qualname, *files = line.split(" ")
        *owner, function = qualname.split(".")
        name = f"{module}.xǁ{owner[0]}ǁ{function}" if owner else f"{module}.x_{function}"
        names[name] = {"*" if "conftest" in file else file for file in files}
    return names


def mutation_sample_report(where: Path) -> None:
    """Print the score of the sample (MUTATION_SAMPLE) among ``where``'s results."""
    import fnmatch  # noqa: PLC0415 - only this command needs them
    import json  # noqa: PLC0415

    equivalent = equivalent_mutants()
    counts = {"mutants": 0, "killed": 0, "equivalent": 0, "left": 0, "not checked": 0}
    left: list[str] = []
    for meta in sorted((where / "mutants").rglob("*.py.meta")):
        results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in results.items():
            if not fnmatch.fnmatch(name, MUTATION_SAMPLE):
                continue
            counts["mutants"] += 1
            if code is None or code in _UNDECIDED:
                counts["not checked"] += 1
            elif code in _KILLED:
                counts["killed"] += 1
            elif name in equivalent:
                counts["equivalent"] += 1
            else:
                counts["left"] += 1
                left.append(name)
    decided = counts["killed"] + counts["left"]
    print(
        f"sample ({MUTATION_SAMPLE}): "
        + ", ".join(f"{value} {key}" for key, value in counts.items())
        + f"; score {100.0 * counts['killed'] / max(1, decided):.1f}% of the {decided} checked"
        " and not listed as equivalent"
    )
    for name in sorted(left):
        print(f"  sample survivor: {name}")


def mutation_report(where: Path, floor: float | None) -> int:
    """Print the score of the last run in ``where`` (from mutmut's mutants/*.meta files) and
    its survivors; with ``floor``, 1 if a survivor is not listed as equivalent or the score is
    below the floor."""
    import json  # noqa: PLC0415 - only this command reads mutmut's files

    equivalent = equivalent_mutants()
    killed: list[str] = []
    survived: list[str] = []
    untested: list[str] = []
    unchecked: list[str] = []
    undecided: list[str] = []
    per_module: list[str] = []
    for meta in sorted((where / "mutants").rglob("*.py.meta")):
        results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        codes = results.values()
        module_killed = sum(code in _KILLED for code in codes)
        module_equivalent = sum(
            name in equivalent and code is not None and code not in _KILLED
            for name, code in results.items()
        )
        per_module.append(
            f"  {meta.name.removesuffix('.meta')}: {len(results)} mutants, {module_killed} killed,"
            f" {module_equivalent} equivalent, {sum(code is None for code in codes)} not checked,"
            f" {sum(code in _UNDECIDED for code in codes)} to run again in a fresh process"
        )
        for name, code in results.items():
            if code is None:
                unchecked.append(name)
            elif code in _UNDECIDED:
                undecided.append(name)
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
        f" {len(known)}, not checked {len(unchecked)}, to run again in a fresh process"
        f" {len(undecided)}"
    )
    print("\n".join(per_module))
    for name in unknown:
        print(f"  survived: {name}  (in {where}: {BIN / 'mutmut'} show {name})")
    if floor is None:
        return 0
    if unknown or undecided or score < floor or not checked:
        print(
            "mutation testing failed: a survivor is not listed in tests/mutation/equivalent.txt,"
            f" or the score is below {floor}%"
        )
        return 1
    return 0


def mutate_quick() -> int:
    """The CI subset: a fresh copy of the project whose [tool.mutmut] names MUTATION_QUICK_*."""
    shutil.rmtree(MUTATION_BUILD, ignore_errors=True)
    mutation_copy(MUTATION_BUILD, MUTATION_QUICK_MODULES, MUTATION_QUICK_TESTS)
    return mutate(MUTATION_BUILD, [], MUTATION_QUICK_FLOOR)


def mutate_codecs(names: list[str]) -> int:
    """The value codecs (MUTATION_CODECS_*) in a copy that keeps mutmut's results (its
    mutants/ folder), so that a later run checks only what changed or is named again."""
    mutation_copy(MUTATION_CODECS_BUILD, MUTATION_CODECS_MODULES, MUTATION_CODECS_TESTS)
    return mutate(MUTATION_CODECS_BUILD, names)


def mutate_rules_sample() -> int:
    """The rules' sample (MUTATION_SAMPLE): the mutants of it not checked yet (all of it in a
    new copy), then its score."""
    import fnmatch  # noqa: PLC0415 - only this command needs them
    import json  # noqa: PLC0415

    mutation_copy(MUTATION_RULES_BUILD, MUTATION_RULES_MODULES, MUTATION_RULES_TESTS)
    metas = sorted((MUTATION_RULES_BUILD / "mutants").rglob("*.py.meta"))
    names = [
        name
        for meta in metas
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items()
        if fnmatch.fnmatch(name, MUTATION_SAMPLE) and (code is None or code in _UNDECIDED)
    ]
    # mutmut runs a named mutant even when it has a result: name only those without one
    status = mutate(MUTATION_RULES_BUILD, names or [MUTATION_SAMPLE]) if names or not metas else 0
    mutation_sample_report(MUTATION_RULES_BUILD)
    return status


def mutate_rules(names: list[str]) -> int:
    """The reading and writing rules (MUTATION_RULES_*) in a copy that keeps mutmut's results
    like ``--codecs``."""
    mutation_copy(MUTATION_RULES_BUILD, MUTATION_RULES_MODULES, MUTATION_RULES_TESTS)
    return mutate(MUTATION_RULES_BUILD, names)


def mutation_copy(where: Path, modules: list[str], tests: list[str]) -> None:
    """Copy the project to ``where`` (its mutants/ folder kept), with a [tool.mutmut] table
    that mutates ``modules`` and selects ``tests``, the rest of the table as pyproject.toml's."""
    where.mkdir(parents=True, exist_ok=True)
    for folder in ("src", "tests", "fixtures", "xsd", "bench", "docs"):
        shutil.rmtree(where / folder, ignore_errors=True)
        shutil.copytree(ROOT / folder, where / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "README.md", where / "README.md")  # the README's examples are run
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
    subset = "\n".join(
        [
            "",
            "[tool.mutmut]",
            *kept,
            f"only_mutate = {toml_list(modules)}",
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
            "",
        ]
    )
    (where / "pyproject.toml").write_text(text[:start] + subset + text[end:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
