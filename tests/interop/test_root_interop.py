"""A root name and namespace of the serializer's own, against Mono's DataContractSerializer.

``new DataContractSerializer(type, rootName, rootNamespace)`` (``dotnet/RootProbe.cs``) writes
each case through XmlWriter, compact and indented; ``to_xml(..., root_name=, root_namespace=)``
must write the same bytes, and ``from_xml`` with the same root must read Mono's bytes back to
the object.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import mono_available, mono_unavailable_reason

pytestmark = pytest.mark.interop

OTHER = "http://schemas.datacontract.org/2004/07/RootInterop.Other"
SHOP = "http://schemas.datacontract.org/2004/07/RootInterop.Shop"


@nc.contract("RootInterop.Other")
class Tag:
    t: str | None = nc.member("T", default=None)


@nc.contract("RootInterop.Shop", known_types=(Tag,))  # [KnownType(typeof(Tag))]
class Item:
    child: Item | None = nc.member("Child", default=None)
    name: str | None = nc.member("Name", default=None)
    o: object = nc.member("O", default=None)
    qty: nc.Int32 = nc.member("Qty", default=0)
    tag: Tag | None = nc.member("Tag", default=None)


@nc.contract("RootInterop.Shop", name="RootInteropNoNs", xml_namespace="")
class NoNs:
    tag: Tag | None = nc.member("Tag", default=None)
    x: nc.Int32 = nc.member("X", default=0)


@nc.contract("RootInterop.Shop")
class Empty:
    pass


ITEM = Item(child=Item(name="b"), name="a", o=Tag(t="o"), qty=2, tag=Tag(t="t"))
VALUES: dict[str, Any] = {"item": ITEM, "nons": NoNs(tag=Tag(), x=1), "empty": Empty()}
NAMESPACES = {"urn:x": "urn:x", "urn:z": "urn:z", "": "", "other": OTHER, "shop": SHOP}


@pytest.fixture(scope="module")
def mono_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    build: Path = tmp_path_factory.mktemp("root-probe")
    out = run_program(compile_program("RootProbe", build)).decode()
    cases = {}
    for line in out.splitlines():
        label, data = line.split("\t")
        cases[label] = base64.b64decode(data)
    assert len(cases) == 16
    return cases


def _case(label: str) -> tuple[Any, str, str, bool]:
    indent = label.endswith("/indent")
    kind, name, ns = label.removesuffix("/indent").split(":", 2)
    return VALUES[kind], name, NAMESPACES[ns], indent


@pytest.mark.parametrize("engine_path", ["generated", "reference"], indirect=True)
def test_to_xml_with_a_root_writes_monos_bytes(mono_cases, engine_path):
    for label, expected in mono_cases.items():
        value, name, ns, indent = _case(label)
        written = nc.to_xml(value, indent=indent, root_name=name, root_namespace=ns)
        assert written == expected, label


@pytest.mark.parametrize("engine_path", ["generated", "reference"], indirect=True)
def test_from_xml_with_a_root_reads_monos_bytes(mono_cases, engine_path):
    for label, data in mono_cases.items():
        value, name, ns, _ = _case(label)
        assert nc.from_xml(data, type(value), root_name=name, root_namespace=ns) == value, label
