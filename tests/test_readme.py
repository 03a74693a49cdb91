"""The README's examples run as written (a user copies them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
TEST_MODULES = re.findall(r"```python\n(# (test_\w+\.py).*?)```", README, re.S)


def test_the_readme_has_test_examples() -> None:
    assert len(TEST_MODULES) >= 2


@pytest.mark.parametrize(("code", "name"), TEST_MODULES, ids=[name for _, name in TEST_MODULES])
def test_readme_test_module_passes(code: str, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(code, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_readme_api_example_runs() -> None:
    block = re.search(
        r"```python\n(from pathlib import Path\nimport netcontract as nc\n.*?)```", README, re.S
    )
    assert block is not None
    code = block.group(1).replace('Path("fixtures/', 'Path(FIXTURES + "/')
    fixtures = str(Path(__file__).resolve().parents[1] / "fixtures")
    exec(compile(code, "README.md", "exec"), {"FIXTURES": fixtures})
