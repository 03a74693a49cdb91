"""``preserve_references_handling`` and ``object`` members: what Json.NET writes there is read.

Expected bytes marked "Mono" were printed by Json.NET 6.0.8 on Mono
(``tests/interop/dotnet/RealWorld.cs``, class ``Shared``; proven live by
``tests/interop/test_real_world_interop.py``).
"""

from __future__ import annotations

import decimal

import pytest

import netcontract as nc

pytestmark = pytest.mark.falls_back  # non-default settings: the reference code

OBJECTS = nc.JsonSettings(preserve_references_handling="Objects")
ALL = nc.JsonSettings(preserve_references_handling="All")


@nc.contract(xml_namespace="urn:refs")
class Money:
    amount: decimal.Decimal = nc.member("Amount", default=decimal.Decimal(0))


@nc.contract(xml_namespace="urn:refs", known_types=(Money,))
class Shared:
    any: object = nc.member("Any", default=None)
    m: Money | None = nc.member("M", default=None)
    l: object = nc.member("L", default=None)  # noqa: E741 - the .NET member's name


def test_a_shared_contract_in_an_object_member_is_written_and_read_back() -> None:
    money = Money(amount=decimal.Decimal("1.5"))
    data = nc.to_json(Shared(m=money, any=money), settings=OBJECTS)
    # Mono: the same bytes (Any is written first, so it holds the $id)
    assert data == b'{"$id":"1","Any":{"$id":"2","Amount":1.5},"M":{"$ref":"2"},"L":null}'
    # Mono reads M's $ref to the object it read into Any (a JObject) as null: refused
    with pytest.raises(nc.JsonPayloadError, match=r"M: \$ref '2' names an object read into"):
        nc.from_json(data, Shared, settings=OBJECTS)


def test_what_jsonnet_writes_in_an_object_member_is_read() -> None:
    # Mono reads these documents and writes them back so (RealWorld.cs, Reads)
    read = nc.from_json(b'{"$id":"1","Any":{"$id":"2","Amount":1.5}}', Shared, settings=OBJECTS)
    assert read == Shared(any={"Amount": 1.5})  # the $id is dropped, as Json.NET's JObject
    assert (
        nc.to_json(read, settings=OBJECTS) == b'{"$id":"1","Any":{"Amount":1.5},"M":null,"L":null}'
    )

    document = b'{"$id":"1","M":{"$id":"2","Amount":1.5},"Any":{"$ref":"2"}}'
    read = nc.from_json(document, Shared, settings=OBJECTS)
    assert read.any is read.m  # the $ref is the object read before, as in Json.NET
    assert (
        nc.to_json(read, settings=OBJECTS)
        == b'{"$id":"1","Any":{"$id":"2","Amount":1.5},"M":{"$ref":"2"},"L":null}'
    )

    read = nc.from_json(b'{"$id":"1","L":{"$id":"2","$values":[1,2]}}', Shared, settings=ALL)
    assert read == Shared(l=[1, 2])  # a JArray
    assert nc.to_json(read, settings=ALL) == b'{"$id":"1","Any":null,"M":null,"L":[1,2]}'


@pytest.mark.parametrize(
    ("document", "settings"),
    [
        # without the setting that writes them, metadata stays refused (Json.NET reads it)
        (b'{"Any":{"$id":"2","Amount":1}}', nc.JsonSettings()),
        (b'{"L":{"$id":"2","$values":[1]}}', OBJECTS),  # $values: Arrays or All only
        (b'{"Any":{"Amount":1,"$id":"2"}}', OBJECTS),  # not first: a member for Json.NET
        (b'{"Any":{"$id":2,"Amount":1}}', OBJECTS),
        (b'{"Any":{"$id":"1","Amount":1}}', OBJECTS),  # the root's id again
        (b'{"Any":{"$type":"x"}}', ALL),
    ],
)
def test_other_metadata_in_an_object_member_is_refused(
    document: bytes, settings: nc.JsonSettings
) -> None:
    if b'"$id":"1","Amount"' in document:
        document = b'{"$id":"1",' + document[1:]
    with pytest.raises(nc.JsonPayloadError):
        nc.from_json(document, Shared, settings=settings)
