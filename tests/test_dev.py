"""dev.py's mutation runs can select every test they run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# collect the selection twice in one process, as mutmut does (it collects once before the
# first mutant, then runs each mutant's tests by node id in a fork of that process), and print
# the node ids of the second collection that the first did not have
_COLLECT_TWICE = """
import sys
import pytest

class Ids:
    def __init__(self):
        self.runs = []

    def pytest_collection_modifyitems(self, items):
        self.runs.append({item.nodeid for item in items})

ids = Ids()
for _ in range(2):
    args = ["-qq", "--collect-only", "-p", "no:cacheprovider", *sys.argv[1:]]
    code = pytest.main(args, plugins=[ids])
    assert code == 0, code
for nodeid in sorted(ids.runs[1] - ids.runs[0]):
    print("changed:", nodeid)
"""


def _dev() -> object:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_node_ids_are_the_same_when_collected_again() -> None:
    """A test id pytest builds differently on a second collection (an explicit id with a
    backslash: pytest escapes it again) cannot be selected by mutmut's workers: each mutant
    whose tests include it ended as "timeout" (exit code 255) and decided nothing."""
    dev = _dev()
    selection = sorted(
        {
            *dev.MUTATION_QUICK_TESTS,  # type: ignore[attr-defined]
            *dev.MUTATION_CODECS_TESTS,  # type: ignore[attr-defined]
            *dev.MUTATION_RULES_TESTS,  # type: ignore[attr-defined]
        }
    )
    proc = subprocess.run(
        [sys.executable, "-c", _COLLECT_TWICE, "-m", "not interop", *selection],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    changed = [line for line in proc.stdout.splitlines() if line.startswith("changed:")]
    assert changed == []
