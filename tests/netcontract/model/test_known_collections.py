"""``list[T]`` / ``dict[K, V]`` as known types, in ``object`` members (``nc.Boxed(value,
list[T])``) and as the document's root. The bytes are Mono's:
``tests/interop/test_known_collections_interop.py``; here the API, the refusals and
property round trips."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type

DSI = dict[str, nc.Int32]
LI = list[nc.Int32]


@nc.contract("KnownColl", xml_namespace="urn:known-coll")
class Part:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract(
    "KnownColl",
    xml_namespace="urn:known-coll",
    known_types=(DSI, LI, dict[uuid.UUID, Part | None], list[Part | None]),
)
class Holder:
    o: object = nc.member("O", default=None)


@nc.contract("KnownColl", xml_namespace="urn:known-coll")
class Bare:
    o: object = nc.member("O", default=None)


def test_boxed_collection_is_a_boxed_value_with_its_type() -> None:
    boxed = nc.Boxed({"a": 1}, DSI)
    assert type(boxed) is nc.BoxedCollection and isinstance(boxed, nc.Boxed)
    assert boxed.value == {"a": 1} and boxed.clr_type == DSI
    assert boxed == nc.Boxed({"a": 1}, DSI) and boxed != nc.Boxed({"a": 2}, DSI)
    assert boxed != nc.Boxed({"a": 1}, dict[str, nc.Int64])
    assert repr(nc.Boxed([1], list[int])) == "Boxed([1], list[int])"
    assert pickle.loads(pickle.dumps(boxed)) == boxed
    with pytest.raises(AttributeError):
        boxed.value = {}


def test_boxed_refuses_what_is_no_dotnet_collection() -> None:
    with pytest.raises(TypeError, match="neither a value type"):
        nc.Boxed([1], list)  # list of what: no .NET type
    with pytest.raises(TypeError, match="neither a value type"):
        nc.Boxed([1], Part)
    with pytest.raises(nc.SerializationError, match="holds a dict"):
        nc.Boxed([1], DSI)
    with pytest.raises(nc.SerializationError, match="holds a list"):
        nc.Boxed({"a": 1}, LI)
    with pytest.raises(nc.ContractDefinitionError, match="dictionary key"):
        nc.Boxed({}, dict[Part, int])


def test_known_types_take_lists_and_dictionaries() -> None:
    with pytest.raises(TypeError, match=r"list\[T\], dict\[K, V\] or nc\.DateTimeOffset"):
        nc.to_xml(Bare(), known_types=[list])
    with pytest.raises(nc.ContractDefinitionError, match="dictionary key"):
        nc.to_xml(Bare(), known_types=[dict[Part, int]])

    @nc.contract("KnownColl", xml_namespace="urn:known-coll", known_types=(tuple[int],))
    class Wrong:
        o: object = nc.member("O", default=None)

    with pytest.raises(nc.ContractDefinitionError, match="list\\[T\\], dict\\[K, V\\] or"):
        nc.to_xml(Wrong(o=nc.Boxed([1], LI)))


def test_an_object_member_writes_and_reads_a_known_collection() -> None:
    holder = Holder(o=nc.Boxed({"a": 1}, DSI))
    data = nc.to_xml(holder)
    assert b'i:type="d2p1:ArrayOfKeyValueOfstringint"' in data
    assert nc.from_xml(data, Holder) == holder
    assert nc.to_json(holder) == b'{"O":{"a":1}}'
    # unknown: refused both ways, naming the member
    with pytest.raises(nc.SerializationError, match=r"^O: .*ArrayOfint.* is not expected here"):
        nc.to_xml(Bare(o=nc.Boxed([1], LI)))
    with pytest.raises(nc.XmlPayloadError, match=r"'ArrayOfint' .* is not a known type here"):
        nc.from_xml(nc.to_xml(Holder(o=nc.Boxed([1], LI))).replace(b"Holder", b"Bare"), Bare)
    # the call's known types (the items of the declared item type need no i:type in XML)
    bare = Bare(o=nc.Boxed([Part(n=1)], list[Part | None]))
    data = nc.to_xml(bare, known_types=[list[Part | None]])
    assert nc.from_xml(data, Bare, known_types=[list[Part | None]]) == bare
    # WCF JSON writes each item with its __type: Part must be known too (Mono's XML reader
    # does not take it as known by the list: tests/interop/test_known_collections_interop.py)
    with pytest.raises(nc.SerializationError, match=r"O\[0\]: Part .* is not expected"):
        nc.to_wcf_json(bare, known_types=[list[Part | None]])
    both = [list[Part | None], Part]
    assert nc.from_wcf_json(nc.to_wcf_json(bare, known_types=both), Bare, known_types=both).o == [
        Part(n=1)
    ]
    with pytest.raises(nc.XmlPayloadError, match=r"'Part' .* is not a known type here"):
        nc.from_xml(nc.to_xml(Bare(o=Part(n=1)), known_types=both), Bare, known_types=both[:1])
    with pytest.raises(nc.SerializationError, match="Dictionary in an object member"):
        nc.to_wcf_json(holder)
    assert nc.to_wcf_json(Holder(o=nc.Boxed([1, 2], LI))) == b'{"O":[1,2]}'


def test_a_plain_list_or_dict_still_has_no_type_in_xml() -> None:
    with pytest.raises(nc.SerializationError, match="untyped JSON value"):
        nc.to_xml(Holder(o={"a": 1}))


def test_roots_read_as_plain_values() -> None:
    data = nc.to_xml(nc.Boxed({"a": 1}, DSI))
    assert data.startswith(b"<ArrayOfKeyValueOfstringint ")
    assert nc.from_xml(data, DSI) == {"a": 1}
    with pytest.raises(nc.XmlPayloadError, match="expecting element 'ArrayOfint'"):
        nc.from_xml(data, LI)
    assert nc.from_json(b"[1,2]", LI) == [1, 2]
    assert nc.from_wcf_json(b'[{"Key":"a","Value":1}]', DSI) == {"a": 1}
    with pytest.raises(nc.ContractDefinitionError, match="root_name"):
        nc.to_xml(nc.Boxed({}, DSI), root_name="X")


ROOT_TYPES: list[Any] = [
    DSI,
    LI,
    dict[uuid.UUID, Part | None],
    list[Part | None],
    dict[nc.Int64, list[str | None] | None],
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_collection_roots_round_trip(data: st.DataObject) -> None:
    tp = data.draw(st.sampled_from(ROOT_TYPES))
    value = data.draw(for_type(tp))
    boxed = nc.Boxed(value, tp)
    for indent in (False, True):
        assert nc.from_xml(nc.to_xml(boxed, indent=indent), tp) == value
        assert nc.from_json(nc.to_json(boxed, indent=indent), tp) == value
        assert nc.from_wcf_json(nc.to_wcf_json(boxed, indent=indent, lossy=True), tp) == value
    assert nc.from_xml(nc.to_xml(boxed, layout="stream"), tp) == value


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(for_type(Holder, object_contracts=()))
def test_known_collections_in_object_members_round_trip(holder: Holder) -> None:
    for layout in ("writer", "stream"):
        data = nc.to_xml(holder, layout=layout)
        back = nc.from_xml(data, Holder)
        # (compared by bytes too: a NaN drawn in the object member is not equal to itself)
        assert back == holder or nc.to_xml(back, layout=layout) == data
        assert type(back.o) is type(holder.o)
    nc.to_json(holder)  # Json.NET writes no type: read back as a plain list or dict


def test_the_strategy_draws_the_known_collections() -> None:
    seen: set[str] = set()

    @given(for_type(Holder, object_contracts=()))
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    def draw(holder: Holder) -> None:
        if isinstance(holder.o, nc.BoxedCollection):
            seen.add(repr(holder.o.clr_type))

    draw()
    known = (DSI, LI, dict[uuid.UUID, Part | None], list[Part | None])
    assert seen == {repr(t) for t in known}


@given(for_type(Bare, object_contracts=()))
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_a_contract_that_knows_no_collection_draws_none(bare: Bare) -> None:
    assert not isinstance(bare.o, nc.BoxedCollection)


def test_validate_xml_reads_collection_roots_and_known_collections() -> None:
    data = nc.to_xml(nc.Boxed({"a": 1}, DSI))
    assert nc.validate_xml(data, DSI) == {"a": 1}
    with pytest.raises(nc.XmlPayloadError, match=r"\[0\]\.Value: .x. is not a valid Int32"):
        nc.validate_xml(data.replace(b"<Value>1<", b"<Value>x<"), DSI)
    for value in (nc.Boxed({"a": 1}, DSI), nc.Boxed([Part(n=1), None], list[Part | None])):
        holder = Holder(o=value)
        assert nc.validate_xml(nc.to_xml(holder), Holder) == holder
    bare = Bare(o=nc.Boxed([1], LI))
    data = nc.to_xml(bare, known_types=[LI])
    assert nc.validate_xml(data, Bare, known_types=[LI]) == bare
    with pytest.raises(nc.XmlPayloadError, match="not a known type here"):
        nc.validate_xml(data, Bare)


def test_a_list_root_is_what_the_streaming_writers_write() -> None:
    # write_xml_items / write_json_items write List<T> as Mono does (test_stream_interop,
    # test_stream_layout_interop): a boxed list as the document is the same bytes
    import io

    items = [Part(n=1), None, Part(n=2)]
    tp = list[Part | None]
    for layout, indent in (("writer", False), ("writer", True), ("stream", False)):
        fp = io.BytesIO()
        nc.write_xml_items(fp, items, Part, indent=indent, layout=layout)
        assert nc.to_xml(nc.Boxed(items, tp), indent=indent, layout=layout) == fp.getvalue()
        assert nc.from_xml(fp.getvalue(), tp) == items
    fp = io.BytesIO()
    nc.write_json_items(fp, items, Part)
    assert nc.to_json(nc.Boxed(items, tp)) == fp.getvalue()
    assert nc.from_json(fp.getvalue(), tp) == items
