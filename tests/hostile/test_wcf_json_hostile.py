"""Hostile WCF JSON for ``from_wcf_json``: each document gets its outcome in bounded time and
memory (measured in a fresh process, as test_resource_bounds.py does: peak resident set
rise after a warm-up, and CPU time; the bounds are generous so that CI does not flake).

The reader parses with its own parser (DataContractJsonSerializer's syntax), which counts
every object, array, item and string against the limits while it parses: a deep, wide or
long document is refused where it goes over, before a tree of it exists.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]

if not Path("/proc/self/clear_refs").exists():  # pragma: no cover - Linux only
    pytest.skip("peak memory is measured through Linux's /proc", allow_module_level=True)

CHILD = r"""
import json, sys, time
import netcontract as nc
from vehizen import CustomerGroupDto, ResponseDto

spec = json.loads(sys.argv[1])
data = open(spec["path"], "rb").read()
cls = {"CustomerGroupDto": CustomerGroupDto, "ResponseDto": ResponseDto}[spec["cls"]]
limits = nc.Limits(**spec["limits"])
try:  # warm up: imports and the plan's member tables
    nc.from_wcf_json(nc.to_wcf_json(ResponseDto(data=nc.help_page_sample(CustomerGroupDto)),
                                    lossy=True), cls, limits=limits)
except nc.NetContractError:
    pass


def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(key)


open("/proc/self/clear_refs", "w").write("5")
before = status("VmRSS")
cpu = time.process_time()
try:
    nc.from_wcf_json(data, cls, limits=limits)
    outcome, quota, message = "read", None, ""
except nc.NetContractError as exc:
    outcome, quota, message = type(exc).__name__, getattr(exc, "quota", None), str(exc)[:300]
print(json.dumps({"outcome": outcome, "quota": quota, "message": message,
                  "cpu": time.process_time() - cpu, "rise": status("VmHWM") - before}))
"""


@dataclass(frozen=True)
class Case:
    cls: str
    make: Callable[[], bytes]
    outcome: str
    quota: str | None = None
    fragment: str = ""
    limits: dict[str, int] = field(default_factory=dict)
    max_rise: int = 64 * MIB
    max_cpu: float = 10.0


def _object_member(body: bytes) -> bytes:
    return b'{"Data":' + body + b',"IsValid":true}'


CASES: dict[str, Case] = {
    "deep-arrays": Case(
        "ResponseDto",
        lambda: _object_member(b"[" * 1_000_000),
        "QuotaExceededError",
        "max_depth",
        "Data[0][0]",
        max_rise=16 * MIB,
    ),
    "deep-objects-in-unknown-members": Case(
        "CustomerGroupDto",
        lambda: b'{"a":' * 500_000 + b"1" + b"}" * 500_000,
        "QuotaExceededError",
        "max_depth",
        max_rise=16 * MIB,
    ),
    "long-string": Case(
        "CustomerGroupDto",
        lambda: b'{"Name":"' + b"a" * (2 * MIB) + b'"}',
        "QuotaExceededError",
        "max_string_length",
        "Name",
    ),
    "long-unknown-member-name": Case(
        "CustomerGroupDto",
        lambda: b'{"' + b"n" * (2 * MIB) + b'":1}',
        "QuotaExceededError",
        "max_string_length",
    ),
    "many-unknown-members": Case(
        "CustomerGroupDto",
        lambda: b"{" + b",".join(b'"m%d":0' % i for i in range(200_000)) + b"}",
        "QuotaExceededError",
        "max_collection_items",
    ),
    "many-items-in-one-array": Case(
        "ResponseDto",
        lambda: _object_member(b"[" + b"0," * 2_000_000 + b"0]"),
        "QuotaExceededError",
        "max_collection_items",
        "Data",
    ),
    "many-small-arrays": Case(
        "ResponseDto",
        lambda: _object_member(b"[" + b",".join([b"[[],[],[]]"] * 60_000) + b"]"),
        "QuotaExceededError",
        "max_total_items",
        limits={"max_total_items": 100_000},
    ),
    "max-bytes": Case(
        "CustomerGroupDto",
        lambda: b'{"Name":"' + b"a" * (4 * MIB) + b'"}',
        "QuotaExceededError",
        "max_bytes",
        limits={"max_bytes": 4 * MIB},
        max_rise=16 * MIB,
    ),
    "long-number": Case(
        "ResponseDto",
        lambda: _object_member(b"9" * 1_000_000),
        "JsonSyntaxError",
        fragment="too long",
        max_rise=32 * MIB,
    ),
    "huge-exponent-in-an-integer": Case(
        "CustomerGroupDto",
        lambda: b'{"Vehicles":[{"IdWS":1e999999999}]}',
        "JsonPayloadError",
        fragment="Vehicles[0].IdWS",
        max_rise=16 * MIB,
    ),
    "huge-exponent-in-an-object-member": Case(
        "ResponseDto",
        lambda: _object_member(b"1e999999999"),
        "JsonPayloadError",
        fragment="Data",
        max_rise=16 * MIB,
    ),
    "huge-date": Case(
        "CustomerGroupDto",
        lambda: b'{"Vehicles":[{"InitialEntryIntoService":"\\/Date(' + b"9" * 100_000 + b')\\/"}]}',
        "JsonPayloadError",
        fragment="InitialEntryIntoService",
        max_rise=16 * MIB,
    ),
    "lone-surrogate-in-an-ignored-member": Case(
        "CustomerGroupDto",
        lambda: b'{"x":["\\ud800"]}',
        "JsonPayloadError",
        fragment="lone surrogate",
        max_rise=16 * MIB,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_wcf_json_is_bounded(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / "document"
    path.write_bytes(case.make())
    spec = {"path": str(path), "cls": case.cls, "limits": case.limits}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["outcome"] == case.outcome, result
    assert result["quota"] == case.quota, result
    assert case.fragment in result["message"], result
    assert result["rise"] <= case.max_rise, result
    assert result["cpu"] <= case.max_cpu, result
