"""Shared references (is_reference): a small document naming one big object many times.

Read, the references are one Python object; written back (XML and Json.NET) they stay
references, so the output is about the input's size (expanded, the document below would be
some 25 GB). A chain of references deeper than ``max_depth`` and ids given twice are refused.
Each bound is measured in a fresh process (its peak RSS, ``VmHWM``), with a generous margin.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import netcontract as nc

CHILD = r"""
import netcontract as nc

@nc.contract("R", is_reference=True)
class Node:
    name: str | None = nc.member("Name", default=None)
    kids: "list[Node] | None" = nc.member("Kids", default=None)

@nc.contract("R")
class Holder:
    a: Node | None = nc.member("A", default=None)
    l: list[Node] | None = nc.member("L", default=None)

big = "".join("<Node><Name>" + "x" * 100 + "</Name></Node>" for _ in range(2000))
refs = '<Node z:Ref="i1" />' * 100_000
text = (
    '<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" '
    'xmlns="http://schemas.datacontract.org/2004/07/R">'
    '<A z:Id="i1"><Kids>' + big + "</Kids></A><L>" + refs + "</L></Holder>"
)
limits = nc.Limits(max_collection_items=200_000, max_total_items=1_000_000)
holder = nc.from_xml(text, Holder, limits=limits)
assert all(n is holder.a for n in holder.l)
out = nc.to_xml(holder)
js = nc.to_json(holder)
back = nc.from_json(js, Holder, limits=limits)
assert all(n is back.a for n in back.l)
# VmHWM: this process's own peak (ru_maxrss keeps the parent's across the exec: a large
# pytest worker starting this child made it report 1 GB)
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(len(text), len(out), len(js), hwm)
"""


def test_reference_bomb_is_written_as_references_not_expanded() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    size, xml_size, json_size, peak_kib = map(int, done.stdout.split())
    # each z:Ref declares xmlns:z (Mono): about 5 times its input; expanded: 13,000 times
    assert xml_size < 10 * size and json_size < 10 * size
    assert peak_kib < 1_000_000  # measured: about 90 MB


def _chain(depth: int) -> bytes:
    z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
    head = f'<Chain xmlns:i="http://www.w3.org/2001/XMLSchema-instance" z:Id="i0" {z} '
    head += 'xmlns="http://schemas.datacontract.org/2004/07/R">'
    inner = "".join(f'<Next z:Id="i{n}">' for n in range(1, depth))
    tail = "</Next>" * (depth - 1)
    return (head + inner + '<Next z:Ref="i0" />' + tail + "</Chain>").encode()


@nc.contract("R", is_reference=True)
class Chain:
    next: Chain | None = nc.member("Next", default=None)


def test_reference_chain_deeper_than_max_depth_is_refused() -> None:
    with pytest.raises(nc.QuotaExceededError, match="max_depth"):
        nc.from_xml(_chain(200), Chain, limits=nc.Limits(max_depth=64))
    node = nc.from_xml(_chain(50), Chain)
    for _ in range(50):
        node = node.next  # type: ignore[assignment]
    assert node is not None and node.next is not None


def test_reused_ids_are_refused_not_overwritten() -> None:
    z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
    text = (
        f'<Chain z:Id="a" {z} xmlns="http://schemas.datacontract.org/2004/07/R">'
        '<Next z:Id="a"><Next z:Ref="a" /></Next></Chain>'
    )
    with pytest.raises(nc.XmlPayloadError, match="z:Id='a' is given to two objects"):
        nc.from_xml(text, Chain)
    with pytest.raises(nc.JsonPayloadError, match="'a' is given to two objects"):
        nc.from_json(b'{"$id":"a","Next":{"$id":"a","Next":{"$ref":"a"}}}', Chain)
