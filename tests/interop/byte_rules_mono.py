"""The bytes of ``dotnet/ByteRules.cs`` on Mono, and the ``MONO`` table of
``tests/netcontract/test_byte_rules.py`` printed from them.

    cd /work/main && .venv/bin/python -m tests.interop.byte_rules_mono > /tmp/rules.py

prints the table as Python source; paste it over ``MONO`` in test_byte_rules.py (then
``ruff format``). ``tests/interop/test_stored_tables.py`` compares the stored table with a fresh
run on every interop run.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

from ._csharp import compile_program, run_program

#: output -> bytes written, or the .NET exception type that refused to write
Outputs = dict[str, bytes | str]


def run_byte_rules(build_dir: Path) -> dict[str, Outputs]:
    """Every row of ByteRules.cs: {label: {"xml" | "xml_indent" | "json" | "json_indent": ...}}."""
    exe = compile_program("ByteRules", build_dir)
    table: dict[str, Outputs] = {}
    for line in run_program(exe).decode("ascii").splitlines():
        label, output, kind, payload = line.split("\t")
        value = base64.b64decode(payload) if kind == "B" else payload
        table.setdefault(label, {})[output] = value
    return table


def _chunks(data: bytes, width: int = 72) -> list[bytes]:
    """``data`` cut for implicit concatenation, preferably after a ">" or ","."""
    pieces: list[bytes] = []
    while len(repr(data)) > width:
        cut = len(data)
        while len(repr(data[:cut])) > width:
            cut -= 1
        best = max(data.rfind(b">", 0, cut), data.rfind(b",", 0, cut))
        if best > cut // 2:
            cut = best + 1
        pieces.append(data[:cut])
        data = data[cut:]
    pieces.append(data)
    return pieces


def render_table(table: dict[str, Outputs]) -> str:
    lines = ["MONO: dict[str, dict[str, bytes | str]] = {"]
    for label, outputs in table.items():
        lines.append(f"    {label!r}: {{")
        for output, value in outputs.items():
            if isinstance(value, str):
                lines.append(f"        {output!r}: {value!r},")
                continue
            lines.append(f"        {output!r}: (")
            lines.extend(f"            {piece!r}" for piece in _chunks(value))
            lines.append("        ),")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="netcontract-rules-") as tmp:
        sys.stdout.write(render_table(run_byte_rules(Path(tmp))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
