"""Extension data counts toward the reading limits: an unknown member kept by an
``extension_data`` contract is bounded as a known one is (depth, items, string length, and
the whole document's bytes), where a contract without it skips the same member."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import netcontract as nc

# extension data is read and written by the reference code (the generated paths decline it)
pytestmark = pytest.mark.falls_back

NS = "http://schemas.datacontract.org/2004/07/ExtHostile"
ROOT = Path(__file__).resolve().parents[2]


@nc.contract("ExtHostile", extension_data=True)
class Keeps:
    a: str | None = nc.member("A", default=None)


@nc.contract("ExtHostile")
class Skips:
    a: str | None = nc.member("A", default=None)


def _doc(name: str, unknown: str) -> bytes:
    return f'<{name} xmlns="{NS}"><A>a</A>{unknown}</{name}>'.encode()


def test_deep_unknown_member_is_bounded_by_max_depth() -> None:
    deep = "<U>" * 100 + "x" + "</U>" * 100
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_doc("Keeps", deep), Keeps)
    assert caught.value.quota == "max_depth"
    assert nc.from_xml(_doc("Skips", deep), Skips).a == "a"  # skipped, as before


def test_deep_unknown_member_kept_as_xml_is_bounded_by_max_depth() -> None:
    deep = '<U k="v">' + "<U>" * 100 + "x" + "</U>" * 101
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_doc("Keeps", deep), Keeps)
    assert caught.value.quota == "max_depth"


def test_wide_unknown_member_is_bounded_by_max_collection_items() -> None:
    wide = "<U>" + "<I/>" * 101 + "</U>"
    limits = nc.Limits(max_collection_items=100)
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_doc("Keeps", wide), Keeps, limits=limits)
    assert caught.value.quota == "max_collection_items"


def test_many_unknown_members_are_bounded_by_max_total_items() -> None:
    many = "<U/>" * 1001
    limits = nc.Limits(max_total_items=1000)
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_doc("Keeps", many), Keeps, limits=limits)
    assert caught.value.quota == "max_total_items"


@pytest.mark.parametrize("unknown", ["<U>{}</U>", '<U k="{}"/>', '<U k="v">{}</U>'])
def test_unknown_member_text_is_bounded_by_max_string_length(unknown: str) -> None:
    limits = nc.Limits(max_string_length=1000)
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_xml(_doc("Keeps", unknown.format("x" * 1001)), Keeps, limits=limits)
    assert caught.value.quota == "max_string_length"


CHILD = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[2])
import netcontract as nc
from test_extension_data_hostile import Keeps, _doc
count = int(sys.argv[1])
data = _doc("Keeps", "<U><V>1</V></U>" * count)
nc.from_xml(_doc("Keeps", "<U/>"), Keeps)  # warm up
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
try:
    nc.from_xml(data, Keeps, limits=nc.Limits(max_total_items=50_000))
    quota = None
except nc.QuotaExceededError as exc:
    quota = exc.quota
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"quota": quota, "hwm_kib": hwm}))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux /proc needed")
def test_huge_unknown_member_is_refused_in_bounded_memory() -> None:
    # 30,000 unknown members of 2 elements each (60,000 items) against max_total_items
    # 50,000: refused; the peak resident set stays bounded (measured ~63 MiB; bound 300)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "30000", str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    report = json.loads(done.stdout)
    assert report["quota"] == "max_total_items"
    assert report["hwm_kib"] < 300 * 1024


def test_wcf_json_unknown_member_is_bounded_by_the_parser_limits() -> None:
    deep = '{"A":"a","U":' + "[" * 100 + "]" * 100 + "}"
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_wcf_json(deep, Keeps)
    assert caught.value.quota == "max_depth"
    many = '{"A":"a","U":[' + ",".join(["{}"] * 1001) + "]}"
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_wcf_json(many, Keeps, limits=nc.Limits(max_total_items=1000))
    assert caught.value.quota == "max_total_items"
