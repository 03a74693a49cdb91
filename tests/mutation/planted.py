"""Plant again the five bugs issue #20 named, one at a time, and check that the Mono-free
tests catch each on both codec paths (compiled and NETCONTRACT_PURE=1).

``python3 dev.py planted`` runs it (a few minutes): each bug is planted in a copy of ``src/``
put first on ``PYTHONPATH`` (the checkout is left alone), then the tests mutmut runs
(``[tool.mutmut] pytest_add_cli_args_test_selection``) run with ``-m "not interop"``, as on a
machine without Mono. Exit status 1 names every bug a run did not catch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: (name, file under src/, the text, the bug)
BUGS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Int32 upper limit on writing raised to 2**31",
        "netcontract/clr/value_types.py",
        "        return _numbers.check_int(value, self.lo, self.hi, self.clr_name)\n\n"
        "    xml_text = staticmethod(str)",
        "        return _numbers.check_int(value, self.lo, self.hi + (self.clr_name == 'Int32'),"
        " self.clr_name)\n\n    xml_text = staticmethod(str)",
    ),
    (
        'i:nil honoured only when it is exactly "true"',
        "netcontract/xml/read.py",
        '    if value == "true" or value == "1":',
        '    if value == "true":',
    ),
    (
        "the DateTime month table's upper edge `<` changed to `<=`",
        "netcontract/clr/datetime.py",
        "if _FIRST_DAY <= days < _LAST_DAY:",
        "if _FIRST_DAY <= days <= _LAST_DAY:",
    ),
    (
        "XML members sorted by the raw instead of the encoded name",
        "netcontract/model/plan.py",
        'own_xml.sort(key=lambda m: (m.order, m.xml_name.encode("utf-16-be")))',
        'own_xml.sort(key=lambda m: (m.order, m.wire_name.encode("utf-16-be")))',
    ),
    (
        "U+2029 left unescaped in JSON",
        "netcontract/json/text.py",
        "for _code in (*range(0x20), 0x85, 0x2028, 0x2029):",
        "for _code in (*range(0x20), 0x85, 0x2028):",
    ),
)


def _tests() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["pytest_add_cli_args_test_selection"])


def _run(src: Path, pure: bool) -> int:
    env = {**os.environ, "PYTHONPATH": str(src), "NETCONTRACT_PURE": "1" if pure else ""}
    env.pop("NETCONTRACT_GENERATED_SOURCES", None)
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    command += ["-m", "not interop", *_tests()]
    done = subprocess.run(command, check=False, cwd=ROOT, env=env, capture_output=True)
    return done.returncode


def main() -> int:
    missed = []
    with tempfile.TemporaryDirectory() as folder:
        for name, file, text, bug in BUGS:
            src = Path(folder) / "src"
            shutil.rmtree(src, ignore_errors=True)
            shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("*.egg-info"))
            target = src / file
            original = target.read_text()
            if original.count(text) != 1:
                print(f"cannot plant {name!r}: the text is not once in {file}")
                return 2
            target.write_text(original.replace(text, bug))
            for pure in (False, True):
                status = _run(src, pure)
                path = "pure" if pure else "compiled"
                caught = status == 1
                print(f"{'caught' if caught else 'MISSED'} ({path}, exit {status}): {name}")
                if not caught:
                    missed.append(f"{name} ({path})")
    if missed:
        print("not caught:", *missed, sep="\n  ")
        return 1
    print(f"all {len(BUGS)} planted bugs caught on both paths without Mono")
    return 0


if __name__ == "__main__":
    sys.exit(main())
