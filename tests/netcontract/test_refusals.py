"""Every public refusal, one row each (issue 20, item 4): what each entry point raises for a
wrong input, with the exact message a user sees. The classes and paths are netcontract's; what
.NET does for the same documents is proven in tests/interop (the XML rows mirror Mono's
DataContractSerializer: it refuses each of these documents too, see test_value_rules.py and
test_conformance.py)."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import pytest
from lxml import etree

import netcontract as nc
from netcontract.codegen import _engine_path
from netcontract.webapi import decode_body, from_form
from netcontract.webapi.forms import parse_form_pairs
from netcontract.xml import parse as xml_parse
from vehizen import CustomerGroupDto, VehicleLightDto

CG = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
DTO = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def group_xml(vehicles: str, extra: str = "") -> bytes:
    return (
        f'<CustomerGroupDto xmlns="{CG}" xmlns:i="{XSI}" xmlns:d="{DTO}"{extra}>'
        f"<Vehicles>{vehicles}</Vehicles></CustomerGroupDto>"
    ).encode()


def _complex_member() -> Any:
    @nc.contract
    class Complexed:
        a: complex = 1j

    return nc.to_xml(Complexed())


@nc.collection_contract(xml_namespace="urn:refusals")
class _Strings(list[str]):
    pass


def _two_members_one_name() -> Any:
    @nc.contract
    class Twice:
        a: int = nc.member(name="X", default=0)
        b: int = nc.member(name="X", default=0)

    return nc.to_xml(Twice())


ROWS: list[tuple[str, Callable[[], Any], type[BaseException], str]] = [
    # writing: wrongly typed values, with the member path
    (
        "to_xml, a str member holding a number",
        lambda: nc.to_xml(CustomerGroupDto(name=5)),  # type: ignore[arg-type]
        nc.SerializationError,
        "Name: expected a str, got the number 5",
    ),
    (
        "to_json, a str member holding a number",
        lambda: nc.to_json(CustomerGroupDto(name=5)),  # type: ignore[arg-type]
        nc.SerializationError,
        "Name: expected a str, got the number 5",
    ),
    (
        "to_json, an Int32 member holding a string",
        lambda: nc.to_json(VehicleLightDto(id_ws="x")),  # type: ignore[arg-type]
        nc.SerializationError,
        "IdWS: expected an integer (Int32), got the string 'x'",
    ),
    (
        "to_xml, a Guid member holding a string",
        lambda: nc.to_xml(CustomerGroupDto(customer_id="abc")),  # type: ignore[arg-type]
        nc.SerializationError,
        "CustomerId: expected a uuid.UUID, got the string 'abc'",
    ),
    (
        "to_xml, a list item of the wrong class",
        lambda: nc.to_xml(CustomerGroupDto(vehicles=[1])),  # type: ignore[list-item]
        nc.SerializationError,
        "Vehicles[0]: expected a VehicleLightDto, got int",
    ),
    (
        "to_json, a list member holding a string",
        lambda: nc.to_json(CustomerGroupDto(vehicles="abc")),  # type: ignore[arg-type]
        nc.SerializationError,
        "Vehicles: expected a list, got str",
    ),
    (
        "json_converter.unstructure, a wrongly typed member",
        lambda: nc.json_converter.unstructure(CustomerGroupDto(name=5)),  # type: ignore[arg-type]
        nc.SerializationError,
        "Name: expected a str, got the number 5",
    ),
    # contracts declared wrongly, or not contracts
    (
        "to_xml of an object that is no contract",
        lambda: nc.to_xml(object()),
        nc.ContractDefinitionError,
        "<class 'object'> is not a contract class (use @contract)",
    ),
    (
        "from_json into a class that is no contract",
        lambda: nc.from_json(b"{}", int),
        nc.ContractDefinitionError,
        "<class 'int'> is not a contract class (use @contract)",
    ),
    (
        "a member of a type .NET has no contract for",
        _complex_member,
        nc.ContractDefinitionError,
        "_complex_member.<locals>.Complexed.a: complex has no .NET data-contract mapping",
    ),
    (
        "two members with one wire name",
        _two_members_one_name,
        nc.ContractDefinitionError,
        "_two_members_one_name.<locals>.Twice: two members named X",
    ),
    # collection contracts ([CollectionDataContract])
    (
        "a collection contract's KeyName on a list",
        lambda: nc.collection_contract("N", key_name="K")(types.new_class("L", (list[int],))),
        nc.ContractDefinitionError,
        "L: CollectionDataContract key_name and value_name are for a dict[K, V] subclass only",
    ),
    (
        "a collection contract that is no list or dict subclass",
        lambda: nc.collection_contract("N")(types.new_class("L", (tuple[int],))),
        nc.ContractDefinitionError,
        "L: a collection contract derives from list[T] or dict[K, V]",
    ),
    (
        "a root name for a collection contract",
        lambda: nc.to_xml(_Strings(["a"]), root_name="X"),
        nc.ContractDefinitionError,
        "_Strings: root_name and root_namespace need a contract class (a collection"
        " contract's document element is its own name)",
    ),
    (
        "a collection contract's document of another name",
        lambda: nc.from_xml(b'<ArrayOfstring xmlns="urn:refusals"/>', _Strings),
        nc.XmlPayloadError,
        "<root>: expecting element '_Strings' from namespace 'urn:refusals', found"
        " 'ArrayOfstring' from namespace 'urn:refusals' (line 1)",
    ),
    # reading XML: i:type, text where elements belong, a null root, unknown roots
    (
        "i:type naming a contract that is not a subclass",
        lambda: nc.from_xml(
            group_xml('<d:VehicleLightDto i:type="CustomerGroupDto"/>'), CustomerGroupDto
        ),
        nc.XmlPayloadError,
        f"Vehicles[0]: i:type 'CustomerGroupDto' from '{CG}' is not a VehicleLightDto (line 1)",
    ),
    (
        "i:type with an undeclared prefix",
        lambda: nc.from_xml(group_xml('<d:VehicleLightDto i:type="q:Foo"/>'), CustomerGroupDto),
        nc.XmlPayloadError,
        "Vehicles[0]: i:type 'q:Foo' uses an undeclared prefix (line 1)",
    ),
    (
        "text inside a list",
        lambda: nc.from_xml(group_xml("hello"), CustomerGroupDto),
        nc.XmlPayloadError,
        "Vehicles: unexpected text 'hello' (line 1)",
    ),
    (
        "a root with i:nil",
        lambda: nc.from_xml(
            f'<CustomerGroupDto xmlns="{CG}" xmlns:i="{XSI}" i:nil="true"/>'.encode(),
            CustomerGroupDto,
        ),
        nc.XmlPayloadError,
        "<root>: the document is null (i:nil) where an object was expected (line 1)",
    ),
    (
        "a root no known contract has",
        lambda: nc.from_xml(b"<Nope xmlns='urn:x'/>"),
        nc.XmlPayloadError,
        "<root>: no known contract has the root element 'Nope' from namespace 'urn:x'; import "
        "the module that declares it (or pass its class), or register that module under the "
        "'netcontract.contracts' entry point group (line 1)",
    ),
    (
        "a DOCTYPE",
        lambda: nc.from_xml(
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', CustomerGroupDto
        ),
        nc.XmlSyntaxError,
        "<root>: a DOCTYPE (DTD) is not allowed: DataContract XML never has one (line 1)",
    ),
    (
        "xml_converter.structure, a document of another root",
        lambda: nc.xml_converter.structure(b"<x/>", CustomerGroupDto),
        nc.XmlPayloadError,
        f"<root>: expecting element 'CustomerGroupDto' from namespace '{CG}', found 'x' from "
        "namespace '' (line 1)",
    ),
    # reading JSON
    (
        "a JSON document that is null",
        lambda: nc.from_json(b"null", CustomerGroupDto),
        nc.JsonPayloadError,
        "<root>: the document is null where an object was expected",
    ),
    (
        "json_converter.structure of a number",
        lambda: nc.json_converter.structure(5, CustomerGroupDto),
        nc.JsonPayloadError,
        "<root>: expected an object (CustomerGroupDto), got the number 5",
    ),
    # something that is not a document at all (was AttributeError / "has no len()")
    *[
        (
            f"{name} given an int",
            call,
            nc.InputTypeError,
            f"{name}() reads a document given as bytes or str, not int",
        )
        for name, call in [
            ("from_json", lambda: nc.from_json(5, CustomerGroupDto)),  # type: ignore[arg-type]
            ("from_xml", lambda: nc.from_xml(5, CustomerGroupDto)),  # type: ignore[arg-type]
            ("validate_xml", lambda: nc.validate_xml(5, CustomerGroupDto)),  # type: ignore[arg-type]
            ("from_form", lambda: from_form(5, CustomerGroupDto)),  # type: ignore[arg-type]
            ("parse_form_pairs", lambda: parse_form_pairs(5)),  # type: ignore[arg-type]
            ("decode_body", lambda: decode_body(5, "application/json", CustomerGroupDto)),  # type: ignore[arg-type]
            (
                "xml_converter.structure",
                lambda: nc.xml_converter.structure(5, CustomerGroupDto),
            ),
        ]
    ],
    (
        "decode_body given text",
        lambda: decode_body("{}", "application/json", CustomerGroupDto),  # type: ignore[arg-type]
        nc.InputTypeError,
        "decode_body() reads a body given as bytes, not str",
    ),
]


@pytest.mark.parametrize("path", ["generated", "reference"])
@pytest.mark.parametrize(
    ("call", "error", "message"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_refusal(
    path: Any, call: Callable[[], Any], error: type[BaseException], message: str
) -> None:
    with _engine_path(path), pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, nc.NetContractError)
    assert str(caught.value) == message


@pytest.mark.parametrize("data", [bytearray(b"{}"), memoryview(b"{}")])
def test_byte_buffers_are_documents(data: Any) -> None:
    assert nc.from_json(data, CustomerGroupDto) == CustomerGroupDto()
    xml = nc.to_xml(CustomerGroupDto())
    assert nc.from_xml(type(data)(xml), CustomerGroupDto) == CustomerGroupDto()


def test_the_external_resolver_refuses_what_libxml2_would_load() -> None:
    # the parser's options never let libxml2 load anything (a DOCTYPE is refused first); the
    # resolver is the second wall: a parser that did load DTDs is stopped at the first load
    loose = etree.XMLParser(load_dtd=True, no_network=True, resolve_entities=True)
    loose.resolvers.add(xml_parse.RefuseExternal())
    with pytest.raises(nc.XmlSyntaxError, match="external resource 'file:///etc/passwd'"):
        etree.fromstring(b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', loose)
