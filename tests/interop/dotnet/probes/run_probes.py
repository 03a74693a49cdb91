"""Compile and run the probe programs on Mono (TZ=UTC) and print their results as Markdown.

    cd /work/main && .venv/bin/python tests/interop/dotnet/probes/run_probes.py [probe1 ...]

Each probeN.cs is compiled together with ../Contracts.cs and Common.cs. Output lines are
"label<TAB>kind<TAB>payload" (see Common.cs); bytes are shown as Python bytes literals.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWTONSOFT = Path("/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll")


def render(kind: str, payload: str) -> str:
    if kind == "B":
        return repr(base64.b64decode(payload))
    if kind == "S":
        text = base64.b64decode(payload).decode("utf-16-le", "surrogatepass")
        try:
            return repr(text.encode("utf-8"))
        except UnicodeEncodeError:
            return f"(.NET string, not UTF-8 encodable) {text!r}"
    payload = "".join(
        f"\\u{ord(c):04X}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or ord(c) >= 0xFFFE else c
        for c in payload
    )
    if kind == "E":
        return f"EXCEPTION {payload}"
    return payload


def run(name: str, build: Path) -> str:
    exe = build / f"{name}.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            # the probes ask about the POCO ResponseDto the help page shows, without the
            # [KnownType] list the twin declares (Contracts.cs)
            "-define:PROBE_NO_RESPONSE_KNOWN_TYPES",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{build / 'Newtonsoft.Json.dll'}",
            str(HERE.parent / "Contracts.cs"),
            str(HERE / "Common.cs"),
            str(HERE / f"{name}.cs"),
        ],
        check=True,
    )
    done = subprocess.run(
        ["mono", str(exe)],
        capture_output=True,
        check=True,
        cwd=build,
        env={**os.environ, "TZ": "UTC"},
    )
    lines = [f"### {name}", ""]
    cells: dict[tuple[str, str], str] = {}
    errors: dict[str, str] = {}  # normalized message -> first exact message
    for raw in done.stdout.decode("utf-8").splitlines():
        label, kind, payload = raw.split("\t", 2)
        if label.startswith("cell:"):
            row, col = label[len("cell:") :].rsplit("|", 1)
            text = render(kind, payload)
            if kind == "E":
                # Same failure for several rows: elide the value and the position.
                key = re.sub(
                    r"Path '\w*', line \d+, position \d+\.", "Path '…', line 1, position ….", text
                )
                key = re.sub(
                    r"(Error converting value|Could not convert string to \w+:|Input string) .*?"
                    r"( to type| is not| Path)",
                    r"\1 …\2",
                    key,
                )
                errors.setdefault(key, key)
                text = f"✗{list(errors).index(key) + 1}"
            cells[(row, col)] = text
        else:
            lines.append(f"- `{label}` → `{render(kind, payload)}`")
    if cells:
        rows = list(dict.fromkeys(r for r, _ in cells))
        cols = list(dict.fromkeys(c for _, c in cells))
        table = ["| JSON value | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for r in rows:
            row_cells = [cells.get((r, c), "").replace("|", "\\|") for c in cols]
            table.append(f"| `{r}` | " + " | ".join(row_cells) + " |")
        table.append("")
        table.extend(f"- ✗{i}: `{msg}`" for i, msg in enumerate(errors.values(), 1))
        lines[2:2] = [*table, ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in HERE.glob("probe*.cs"))
    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp)
        shutil.copyfile(NEWTONSOFT, build / "Newtonsoft.Json.dll")
        for name in names:
            print(run(name, build))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
