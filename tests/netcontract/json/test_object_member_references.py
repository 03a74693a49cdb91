"""``$id`` and ``$ref`` in an ``object`` member, as Json.NET 6.0.8 reads them.

Mono (``JsonConvert.DeserializeObject`` into a class whose ``Data`` is ``object``): a first
``$id`` of the member's object is metadata (``{"$id":"1","a":1}`` holds ``{"a":1}``; an
is_reference contract written into an ``object`` member looks like this), and so is a ``$ref``
(Json.NET reads an unknown one as null: refused here, README's lossy table). Inside that value
(a JToken) Json.NET reads no metadata: ``[{"$id":"1"},{"$ref":"1"}]`` stays as written, which
netcontract refuses rather than keep metadata-looking members.
"""

from __future__ import annotations

import pytest

import netcontract as nc
from vehizen import ResponseDto


@nc.contract("Refs.Obj", is_reference=True)
class Link:
    name: str | None = nc.member("Name", default=None)


@nc.contract("Refs.Obj")
class Two:
    a: object = nc.member("A", default=None)
    b: object = nc.member("B", default=None)


def test_a_first_id_in_an_object_member_is_metadata():
    assert nc.from_json(b'{"Data":{"$id":"1","a":1}}', ResponseDto).data == {"a": 1}
    assert nc.from_json(b'{"Data":{"$id":"1"}}', ResponseDto).data == nc.AnyObject()


def test_an_is_reference_contract_in_object_members_reads_back_shared():
    link = Link(name="x")
    written = nc.to_json(Two(a=link, b=link))
    assert written == b'{"A":{"$id":"1","Name":"x"},"B":{"$ref":"1"}}'
    read = nc.from_json(written, Two)
    assert read.a == {"Name": "x"}
    assert read.a is read.b


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"Data":{"$ref":"1"}}', "names no object read before it"),
        (b'{"Data":{"$id":1,"a":1}}', "expected a string"),
        (b'{"Data":[{"$id":"1","a":1},{"$ref":"1"}]}', "metadata members"),
        (b'{"Data":{"a":{"$id":"1"}}}', "metadata members"),
        (b'{"Data":{"$type":"System.Object","a":1}}', "metadata members"),
    ],
)
def test_other_metadata_in_object_members_is_refused(document, message):
    with pytest.raises(nc.JsonPayloadError, match=message):
        nc.from_json(document, ResponseDto)
