"""Hostile dictionaries: huge ones are refused at their quota, duplicate keys are refused, in
bounded time and memory (each in a fresh process: the rise of its peak resident set, VmHWM,
and its CPU time, with generous bounds)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"

if not Path("/proc/self/clear_refs").exists():  # pragma: no cover - Linux only
    pytest.skip("peak memory is measured through Linux's /proc", allow_module_level=True)

CHILD = r"""
import json, sys, time
import netcontract as nc

@nc.contract(xml_namespace="urn:hostile")
class Holder:
    map: dict[str, nc.Int32] | None = nc.member("Map", default=None)
    by_int: dict[nc.Int32, str | None] | None = nc.member("ByInt", default=None)

spec = json.loads(sys.argv[1])
data = open(spec["path"], "rb").read()
simple = spec["format"] == "wcf-simple"  # UseSimpleDictionaryFormat: string keys only
read = {"json": nc.from_json, "xml": nc.from_xml, "wcf": nc.from_wcf_json,
        "wcf-simple": lambda d, c: nc.from_wcf_json(d, c, simple_dictionaries=True)
        }[spec["format"]]
warm = {"json": nc.to_json, "xml": nc.to_xml, "wcf": nc.to_wcf_json,
        "wcf-simple": lambda o: nc.to_wcf_json(o, simple_dictionaries=True)}[spec["format"]]
read(warm(Holder(map={"a": 1}, by_int={} if simple else {1: None})), Holder)  # readers made once

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(key)

open("/proc/self/clear_refs", "w").write("5")
before = status("VmRSS")
cpu = time.process_time()
try:
    read(data, Holder)
    outcome, message = "read", ""
except nc.NetContractError as exc:
    outcome, message = type(exc).__name__, str(exc)[:300]
print(json.dumps({"outcome": outcome, "message": message,
                  "cpu": time.process_time() - cpu, "rise": status("VmHWM") - before}))
"""


def run(fmt: str, document: bytes, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "document"
    path.write_bytes(document)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps({"path": str(path), "format": fmt})],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def json_map(entries: int) -> bytes:
    return b'{"Map":{' + b",".join(b'"k%d":1' % i for i in range(entries)) + b"}}"


def xml_map(items: str) -> bytes:
    return (f'<Holder xmlns="urn:hostile"><Map xmlns:a="{ARR}">{items}</Map></Holder>').encode()


def kv(key: str) -> str:
    return (
        f"<a:KeyValueOfstringint><a:Key>{key}</a:Key><a:Value>1</a:Value></a:KeyValueOfstringint>"
    )


CASES = {
    # 70,000 entries: over max_collection_items (65,536), refused where the object starts
    "json-70000-entries": (
        "json",
        lambda: json_map(70_000),
        "QuotaExceededError",
        "Map: quota max_collection_items",
    ),
    "xml-70000-entries": (
        "xml",
        lambda: xml_map("".join(kv(f"k{i}") for i in range(70_000))),
        "QuotaExceededError",
        "Map: quota max_collection_items",
    ),
    "wcf-70000-entries": (
        "wcf",
        lambda: (
            b'{"Map":[' + b",".join(b'{"Key":"k%d","Value":1}' % i for i in range(70_000)) + b"]}"
        ),
        "QuotaExceededError",
        "max_collection_items",
    ),
    # UseSimpleDictionaryFormat (simple_dictionaries=True): an object of 70,000 keys, refused
    # where the object goes over; 60,000 values of the wrong type, each refused with its path;
    # 60,000 copies of one key, refused at the second (.NET: ArgumentException); 1,999 texts of
    # one Int32 key ("1", "01", ...: Mono parses each to 1 and throws at the second), refused
    # at the second
    "wcf-simple-70000-entries": (
        "wcf-simple",
        lambda: json_map(70_000),
        "QuotaExceededError",
        "Map: quota max_collection_items",
    ),
    "wcf-simple-60000-bad-values": (
        "wcf-simple",
        lambda: b'{"Map":{' + b",".join(b'"k%d":"x"' % i for i in range(60_000)) + b"}}",
        "JsonPayloadError",
        'Map["k0"]',
    ),
    "wcf-simple-60000-copies-of-one-key": (
        "wcf-simple",
        lambda: b'{"Map":{' + b",".join([b'"k":1'] * 60_000) + b"}}",
        "JsonSyntaxError",
        "duplicate member name 'k'",
    ),
    "wcf-simple-1999-names-of-one-int-key": (
        "wcf-simple",
        lambda: b'{"ByInt":{' + b",".join(b'"%s1":null' % (b"0" * i) for i in range(2_000)) + b"}}",
        "JsonPayloadError",
        'ByInt["01"]: duplicate key',
    ),
    # 60,000 copies of one key: DCS throws at the second; refused, not kept last
    "xml-60000-duplicate-keys": (
        "xml",
        lambda: xml_map(kv("k") * 60_000),
        "XmlPayloadError",
        'Map["k"]: duplicate key',
    ),
    # 1,999 names of one Int32 key (" 1", "  1"...): Json.NET keeps the last value
    "json-1999-names-of-one-key": (
        "json",
        lambda: (
            b'{"ByInt":{' + b",".join(b'"%s1":null' % (b" " * i) for i in range(1, 2_000)) + b"}}"
        ),
        "JsonPayloadError",
        "ByInt[1]: the name",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_dictionary_is_refused_in_bounded_time_and_memory(
    name: str, tmp_path: Path
) -> None:
    fmt, make, outcome, message = CASES[name]
    result = run(fmt, make(), tmp_path)
    assert result["outcome"] == outcome, result["message"]
    assert message in result["message"]
    assert result["rise"] <= 160 * MIB, f"peak resident set rose {result['rise'] / MIB:.0f} MB"
    assert result["cpu"] <= 10.0, f"{result['cpu']:.1f} s of CPU"
