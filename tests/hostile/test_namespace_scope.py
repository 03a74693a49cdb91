"""Namespace declarations cannot make reading quadratic.

Every prefix lookup (an ``i:type``, an ``xs:QName``, the declarations of extension data)
read lxml's ``element.nsmap``, which copies every declaration in scope: 5,000 declarations
on the root and 8,000 elements with ``i:type`` took 9 s to read (0.5 MB), growing with the
product of the two. The declarations in scope are now counted once per containing element and
capped: more than ``max_attributes`` around a lookup raise ``QuotaExceededError``, in every
reader, in a fresh process within bounds on CPU time and peak memory (the pattern of
``test_resource_bounds.py``); at the quota, reading is linear in the document.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc

MIB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]

if not Path("/proc/self/clear_refs").exists():  # pragma: no cover - Linux only
    pytest.skip("peak memory is measured through Linux's /proc", allow_module_level=True)

CHILD = r"""
import io, json, sys, time
import netcontract as nc

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XS = "http://www.w3.org/2001/XMLSchema"
NS = "http://schemas.datacontract.org/2004/07/NsScope"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"


@nc.contract("NsScope")
class Holder:
    items: list[object] = nc.member("Items", factory=list)


@nc.contract("NsScope")
class Names:
    names: list[nc.XmlQualifiedName] = nc.member("Names", factory=list)


@nc.contract("NsScope", extension_data=True)
class Keeps:
    name: str | None = nc.member("Name", default=None)


spec = json.loads(sys.argv[1])
shape = spec["shape"]
cls = {"extension": Keeps, "qname": Names}.get(shape, Holder)


def make(n, m):
    decls = "".join(f' xmlns:p{i}="urn:{i}"' for i in range(n))
    head = f'xmlns="{NS}" xmlns:i="{XSI}" xmlns:x="{XS}" xmlns:a="{ARR}"{decls}'
    if shape == "extension":  # unknown content kept with its declarations
        body = "<Name>a</Name><Zed>" + '<Q i:type="x:int">1</Q>' * m + "</Zed>"
        return f"<Keeps {head}>{body}</Keeps>".encode()
    if shape == "qname":
        return f"<Names {head}><Names>{'<a:QName>x:int</a:QName>' * m}</Names></Names>".encode()
    if shape == "root":  # the i:type prefix declared on the root, among the declarations
        item = '<a:anyType i:type="x:int">1</a:anyType>'
    else:  # declared again on each element, as Mono writes it
        item = f'<a:anyType xmlns:d3p1="{XS}" i:type="d3p1:int">1</a:anyType>'
    return f"<Holder {head}><Items>{item * m}</Items></Holder>".encode()


doc = make(spec["declarations"], spec["elements"])


def call(data):
    entry = spec["entry"]
    if entry == "from_xml":
        return nc.from_xml(data, cls)
    if entry == "validate_xml":
        return nc.validate_xml(data, cls)
    if entry == "iter_xml":
        item = object if cls is Holder else nc.XmlQualifiedName
        path = "Names" if cls is Names else "Items"
        return sum(1 for _ in nc.iter_xml(io.BytesIO(data), item, path=path))
    raise AssertionError(entry)


call(make(0, 2))  # warm up: readers generated, schemas compiled


def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(key)


open("/proc/self/clear_refs", "w").write("5")
before = status("VmRSS")
cpu = time.process_time()
try:
    call(doc)
    outcome, quota = "read", None
except nc.NetContractError as exc:
    outcome, quota = type(exc).__name__, getattr(exc, "quota", None)
print(json.dumps({
    "outcome": outcome,
    "quota": quota,
    "cpu": time.process_time() - cpu,
    "rise": status("VmHWM") - before,
    "size": len(doc),
}))
"""


def run(entry: str, shape: str, declarations: int, elements: int) -> dict[str, Any]:
    spec = {"entry": entry, "shape": shape, "declarations": declarations, "elements": elements}
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
    return result


# (entry, shape): the readers and lookups that resolved a prefix per element
READERS = [
    ("from_xml", "root"),
    ("from_xml", "own"),
    ("from_xml", "qname"),
    ("from_xml", "extension"),
    ("iter_xml", "root"),
    ("iter_xml", "own"),
    ("validate_xml", "root"),
]


@pytest.mark.parametrize(("entry", "shape"), READERS)
def test_thousands_of_declarations_in_scope_are_refused_in_bounded_time(
    entry: str, shape: str
) -> None:
    # 5,000 declarations on the root, 8,000 lookups: 9 s before (0.5 MB)
    result = run(entry, shape, 5_000, 8_000)
    assert (result["outcome"], result["quota"]) == ("QuotaExceededError", "max_attributes")
    assert result["cpu"] <= 2.0, f"{result['cpu']:.1f} s of CPU"
    assert result["rise"] <= 64 * MIB, f"peak resident set rose {result['rise'] / MIB:.0f} MB"


@pytest.mark.parametrize(("entry", "shape"), READERS)
def test_declarations_at_the_quota_are_read_in_linear_time(entry: str, shape: str) -> None:
    # 59 declarations on the root (63 with the document's own, 64 with each element's),
    # 10,000 lookups (2,000 for validate_xml: xmlschema costs 0.5 ms per object); 0.3-0.7 s
    elements = 2_000 if entry == "validate_xml" else 10_000
    result = run(entry, shape, nc.Limits().max_attributes - 5, elements)
    assert (result["outcome"], result["quota"]) == ("read", None)
    assert result["cpu"] <= 3.0, f"{result['cpu']:.1f} s of CPU"
    assert result["rise"] <= 96 * MIB, f"peak resident set rose {result['rise'] / MIB:.0f} MB"


@nc.contract("NsScope.Unit")
class Bag:
    items: list[object] = nc.member("Items", factory=list)


_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XS = "http://www.w3.org/2001/XMLSchema"
_ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"


def _bag(on_root: int, on_item: int) -> bytes:
    """A Bag whose root declares ``on_root`` namespaces besides its 3 and whose one item
    declares ``on_item`` besides the one its ``i:type`` uses."""
    root = "".join(f' xmlns:p{i}="urn:{i}"' for i in range(on_root))
    own = "".join(f' xmlns:q{i}="urn:q{i}"' for i in range(on_item))
    return (
        f'<Bag xmlns="http://schemas.datacontract.org/2004/07/NsScope.Unit" xmlns:i="{_XSI}"'
        f' xmlns:a="{_ARR}"{root}><Items><a:anyType xmlns:x="{_XS}"{own} i:type="x:int">1'
        "</a:anyType></Items></Bag>"
    ).encode()


@pytest.mark.parametrize(("on_root", "on_item"), [(60, 0), (0, 60), (30, 30)])
def test_declarations_in_scope_at_the_quota_and_one_past(on_root: int, on_item: int) -> None:
    # 3 on the root and x: on the item: 64 in scope at the quota
    assert nc.from_xml(_bag(on_root, on_item), Bag).items[0].value == 1
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_bag(on_root + 1, on_item), Bag)
    assert caught.value.quota == "max_attributes"
    assert "Items[0]: quota max_attributes exceeded (more than 64 namespace declarations" in str(
        caught.value
    )
    limits = nc.Limits(max_attributes=128)
    assert nc.from_xml(_bag(on_root + 1, on_item), Bag, limits=limits).items[0].value == 1
