"""Generic data contracts without Mono: names, bytes and refusals pinned from Mono's
DataContractSerializer, DataContractJsonSerializer and XsdDataContractExporter (the live
proof is tests/interop/test_generic_contract_interop.py)."""

from __future__ import annotations

import pickle
import typing
import uuid
from typing import Generic, TypeVar

import pytest
from hypothesis import given, settings

import netcontract as nc
from netcontract.strategies import for_type
from vehizen import CustomerGroupDto, ResponseDto

T = TypeVar("T")
A = TypeVar("A")
U = TypeVar("U")  # a parameter of no contract here
B = TypeVar("B")
G = "http://schemas.datacontract.org/2004/07/G"


@nc.contract("G")
class Customer:
    name: str | None = nc.member("Name", default=None)


@nc.contract("G")
class ApiResponse(Generic[T]):
    ok: bool = nc.member("Ok", default=False)
    data: T | None = nc.member("Data", default=None)


@nc.contract("G")
class Pair(Generic[A, B]):
    first: A | None = nc.member("First", default=None)
    second: B | None = nc.member("Second", default=None)


@nc.contract("G", name="Swap{1}And{0}")
class Swap(Generic[A, B]):
    x: A | None = nc.member("X", default=None)
    y: B | None = nc.member("Y", default=None)


@nc.contract("G", name="Page{0}")
class Page(Generic[T]):
    items: list[T] | None = nc.member("Items", default=None)


@nc.contract("G")
class Outer(Generic[T]):
    inner: ApiResponse[T] | None = nc.member("Inner", default=None)


@nc.contract(
    "G", known_types=(ApiResponse[Customer],)
)  # C#: [KnownType(typeof(ApiResponse<Customer>))]
class Holder:
    r: ApiResponse[Customer] | None = nc.member("R", default=None)
    o: object = nc.member("O", default=None)


# Mono's XsdDataContractExporter.GetSchemaTypeName of the C# twins
# (tests/interop/dotnet/Generic.cs): .NET's Of... name, the digest unless every argument is
# in XML Schema's or Serialization's namespace, patterns expanded
@pytest.mark.parametrize(
    ("tp", "name"),
    [
        (ApiResponse[Customer], "ApiResponseOfCustomeralC0efJL"),
        (ApiResponse[int], "ApiResponseOfint"),
        (ApiResponse[str], "ApiResponseOfstring"),
        (ApiResponse[uuid.UUID], "ApiResponseOfguid"),
        (ApiResponse[int | None], "ApiResponseOfNullableOfint5F2dSckg"),
        (ApiResponse[object], "ApiResponseOfanyType"),
        (ApiResponse[list[Customer]], "ApiResponseOfArrayOfCustomeralC0efJL"),
        (ApiResponse[list[int]], "ApiResponseOfArrayOfintuHEDJ7Dj"),
        (ApiResponse[dict[str, int]], "ApiResponseOfArrayOfKeyValueOfstringintuHEDJ7Dj"),
        (ApiResponse[Pair[int, str]], "ApiResponseOfPairOfintstringalC0efJL"),
        (
            ApiResponse[ApiResponse[Customer]],
            "ApiResponseOfApiResponseOfCustomeralC0efJLalC0efJL",
        ),
        (Pair[int, str], "PairOfintstring"),
        (Pair[Customer, str], "PairOfCustomerstringCz_PSGR4C"),
        (Page[Customer], "PageCustomer"),
        (Swap[int, Customer], "SwapCustomerAndint"),
        (ApiResponse[nc.DateTimeOffset], "ApiResponseOfDateTimeOffset5F2dSckg"),
        (Outer[Customer], "OuterOfCustomeralC0efJL"),
    ],
)
def test_closed_generics_have_monos_names(tp: object, name: str) -> None:
    info = nc.contract_info(tp)
    assert (info.name, info.namespace) == (name, G)


RESPONSE_XML = (  # Mono: T is the argument's type, no i:type
    b'<ApiResponseOfCustomeralC0efJL xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
    b' xmlns="http://schemas.datacontract.org/2004/07/G"><Data><Name>a</Name></Data>'
    b"<Ok>true</Ok></ApiResponseOfCustomeralC0efJL>"
)


def test_closed_generic_writes_and_reads_monos_bytes() -> None:
    response = ApiResponse[Customer](ok=True, data=Customer(name="a"))
    assert nc.to_xml(response) == RESPONSE_XML
    assert nc.from_xml(RESPONSE_XML, ApiResponse[Customer]) == response
    assert nc.from_xml(RESPONSE_XML) == response  # the root names the closed generic
    assert nc.to_json(response) == b'{"Ok":true,"Data":{"Name":"a"}}'  # Json.NET
    assert nc.from_json(b'{"Ok":true,"Data":{"Name":"a"}}', ApiResponse[Customer]) == response


def test_object_member_holding_a_closed_generic_names_it() -> None:
    response = ApiResponse[Customer](ok=True, data=Customer(name="a"))
    holder = Holder(r=response, o=response)
    # Mono's DataContractSerializer and DataContractJsonSerializer
    assert nc.to_xml(holder) == (
        b'<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/G">'
        b'<O i:type="ApiResponseOfCustomeralC0efJL"><Data><Name>a</Name></Data><Ok>true</Ok></O>'
        b"<R><Data><Name>a</Name></Data><Ok>true</Ok></R></Holder>"
    )
    assert nc.to_wcf_json(holder) == (
        b'{"O":{"__type":"ApiResponseOfCustomeralC0efJL:#G","Data":{"Name":"a"},"Ok":true},'
        b'"R":{"Data":{"Name":"a"},"Ok":true}}'
    )
    assert nc.from_xml(nc.to_xml(holder), Holder) == holder


def test_xsd_has_monos_generic_type_annotation() -> None:
    schema = nc.export_schemas(Swap[int, Customer])[G]
    assert (  # Mono's XsdDataContractExporter
        '  <xs:complexType name="SwapCustomerAndint">\n'
        "    <xs:annotation>\n"
        "      <xs:appinfo>\n"
        '        <GenericType Name="Swap{1}And{0}" Namespace="http://schemas.datacontract.org/'
        '2004/07/G" xmlns="http://schemas.microsoft.com/2003/10/Serialization/">\n'
        '          <GenericParameter Name="int" Namespace="http://www.w3.org/2001/XMLSchema" />\n'
        '          <GenericParameter Name="Customer" Namespace="http://schemas.datacontract.org/'
        '2004/07/G" />\n'
        "        </GenericType>\n"
        "      </xs:appinfo>\n"
        "    </xs:annotation>\n"
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" name="X" type="xs:int" />\n'
        '      <xs:element minOccurs="0" name="Y" nillable="true" type="tns:Customer" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
    ) in schema
    nested = nc.export_schemas(ApiResponse[Pair[int, str]])[G]
    assert '<GenericParameter Name="PairOf{0}{1}{#}" Namespace="' + G + '">\n' in nested


def test_closed_generic_is_one_class_per_dotnet_type() -> None:
    assert ApiResponse[nc.Int32] is ApiResponse[int]
    assert ApiResponse[typing.Optional[int]] is ApiResponse[int | None]  # noqa: UP045
    assert issubclass(ApiResponse[Customer], ApiResponse)
    assert ApiResponse[Customer].__parameters__ == ()
    assert repr(ApiResponse[Customer](ok=True)) == "ApiResponse[Customer](ok=True, data=None)"
    assert typing.get_args(Outer[T]) == (T,)  # with a type variable: typing's alias


def test_instances_of_closed_generics_pickle() -> None:
    response = ApiResponse[list[Customer]](ok=True, data=[Customer(name="a")])
    back = pickle.loads(pickle.dumps(response))
    assert back == response
    assert type(back) is ApiResponse[list[Customer]]


def test_open_generic_and_bad_patterns_are_refused() -> None:
    with pytest.raises(nc.ContractDefinitionError, match=r"use a closed one, ApiResponse\[X\]"):
        nc.to_xml(ApiResponse(ok=True))

    with pytest.raises(nc.ContractDefinitionError, match=r"Bare\.r: .*give its type arguments"):

        @nc.contract("G")
        class Bare:
            r: ApiResponse | None = nc.member("R", default=None)  # type: ignore[type-arg]

    where = "test_open_generic_and_bad_patterns_are_refused.<locals>.P"
    for pattern, problem in (
        ("P{1}", "'{1}' names no type parameter (it has 1)"),
        ("P{0", "a '{' is not closed"),
    ):
        with pytest.raises(nc.ContractDefinitionError) as caught:

            @nc.contract("G", name=pattern)
            class P(Generic[T]):
                v: T | None = nc.member("V", default=None)

        assert str(caught.value) == f"{where}: name {pattern!r}: {problem}"


def test_value_type_argument_of_t_or_none_is_not_nullable() -> None:
    # `T | None` is C#'s T? on an unconstrained T: Mono writes ApiResponse<int>.Data as int
    assert nc.to_xml(ApiResponse[int](data=3)) == (
        b'<ApiResponseOfint xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/G"><Data>3</Data><Ok>false</Ok>'
        b"</ApiResponseOfint>"
    )
    with pytest.raises(nc.SerializationError, match="Data: None is not allowed"):
        nc.to_xml(ApiResponse[int]())


def test_vehizen_response_dto_stays_an_object_member_view() -> None:
    # clr_type=object: ResponseDto is no .NET generic; its Data carries i:type
    assert nc.contract_info(ResponseDto[CustomerGroupDto]).name == "ResponseDto"
    text = nc.to_xml(ResponseDto[uuid.UUID](data=uuid.UUID(int=1)))
    assert b'i:type="d2p1:guid">00000000-0000-0000-0000-000000000001</Data>' in text


@settings(max_examples=25, deadline=None)
@given(for_type(ApiResponse[Pair[int, Customer]], max_items=3))
def test_drawn_closed_generics_round_trip(value: ApiResponse[Pair[int, Customer]]) -> None:
    assert nc.from_xml(nc.to_xml(value), type(value)) == value
    assert nc.from_wcf_json(nc.to_wcf_json(value), type(value)) == value
    assert nc.from_json(nc.to_json(value), type(value)) == value
    assert nc.validate_xml(nc.to_xml(value, indent=True), type(value)) == value


def test_generated_paths_handle_closed_generics_as_the_reference_does() -> None:
    """Closed generics are ordinary classes to the generated readers and writers: no
    fallback, the reference code's bytes and objects."""
    from netcontract.codegen import _engine_path, _no_fallback

    value = ApiResponse[Pair[int, Customer]](
        ok=True, data=Pair[int, Customer](first=2, second=Customer(name="x"))
    )
    with _engine_path("reference"):
        xml, json = nc.to_xml(value), nc.to_json(value)
        indented = nc.to_xml(value, indent=True)
    with _no_fallback():
        assert (nc.to_xml(value), nc.to_json(value)) == (xml, json)
        assert nc.to_xml(value, indent=True) == indented
        assert nc.from_xml(xml, type(value)) == value
        assert nc.from_json(json, type(value)) == value


@nc.contract("G")
class Special(ApiResponse[Customer]):
    extra: nc.Int32 = nc.member("Extra", default=0)


def test_contract_derived_from_a_closed_generic() -> None:
    special = Special(ok=True, data=Customer(name="a"), extra=4)
    text = (  # Mono's DataContractSerializer (class Special : ApiResponse<Customer>)
        b'<Special xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/G"><Data><Name>a</Name></Data>'
        b"<Ok>true</Ok><Extra>4</Extra></Special>"
    )
    assert nc.to_xml(special) == text
    assert nc.from_xml(text, Special) == special
    assert (
        '<xs:extension base="tns:ApiResponseOfCustomeralC0efJL">' in nc.export_schemas(Special)[G]
    )


def test_generic_contract_derived_from_a_generic_contract_is_refused() -> None:
    with pytest.raises(nc.ContractDefinitionError, match="not supported yet"):

        @nc.contract("G")
        class Derived(ApiResponse[T]):
            more: T | None = nc.member("More", default=None)


def test_clr_type_object_declares_an_object_member() -> None:
    @nc.contract("G")
    class View(Generic[T]):
        data: T | None = nc.member("Data", default=None, clr_type=object)

    # no member's .NET type uses T: not a .NET generic, View[X] only says what Data holds
    assert nc.contract_info(View[Customer]).name == "View"
    with pytest.raises(nc.SerializationError, match=r"Customer.*is not expected here"):
        nc.to_xml(View[Customer](data=Customer(name="a")))  # as .NET: Customer is not known
    assert nc.to_xml(View[Customer](data=Customer(name="a")), known_types=[Customer]) == (
        b'<View xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/G">'
        b'<Data i:type="Customer"><Name>a</Name></Data></View>'
    )
    with pytest.raises(nc.ContractDefinitionError, match="clr_type must be object"):
        nc.member("X", default=None, clr_type=str)


@nc.contract("G")
class Wrap(Generic[T]):
    """Its members close other generics over its own parameter."""

    r: ApiResponse[T] | None = nc.member("R", default=None)
    lists: ApiResponse[list[T]] | None = nc.member("L", default=None)
    p: Pair[T, list[T]] | None = nc.member("P", default=None)


# Mono 6.8 (tests/interop/dotnet/Generic.cs, case "wrap-int", the same classes in the CLR
# namespace GI): DataContractSerializer reads this Wrap<int> and writes it back byte for byte;
# its members close ApiResponse<T>, ApiResponse<List<T>> and Pair<T, List<T>> over Wrap's own
# parameter. Here with this module's namespace G. The live proof (names, drawn values both ways):
# tests/interop/test_generic_contract_interop.py
WRAP_OF_INT = (
    b'<WrapOfint xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
    b' xmlns="http://schemas.datacontract.org/2004/07/G">'
    b'<L><Data xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    b"<d3p1:int>1</d3p1:int><d3p1:int>2</d3p1:int></Data><Ok>true</Ok></L>"
    b"<P><First>3</First>"
    b'<Second xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    b"<d3p1:int>4</d3p1:int></Second></P>"
    b"<R><Data>5</Data><Ok>false</Ok></R></WrapOfint>"
)


def test_members_closed_over_the_contracts_own_parameter() -> None:
    value = Wrap[int](
        r=ApiResponse[int](data=5),
        lists=ApiResponse[list[int]](ok=True, data=[1, 2]),
        p=Pair[int, list[int]](first=3, second=[4]),
    )
    assert nc.to_xml(value) == WRAP_OF_INT
    assert nc.from_xml(WRAP_OF_INT, Wrap[int]) == value
    assert nc.contract_info(Wrap[int]).name == "WrapOfint"


def test_members_closed_over_concrete_arguments_beside_the_contracts_own() -> None:
    # Generic.cs's Mixed<T>: Pair<int, T> and Pair<List<int>, T> closed over string are named
    # as Mono names them (GetSchemaTypeName, cases "mixed", "pair" and "pair-list" of
    # tests/interop/test_generic_contract_interop.py; the digest is of the arguments'
    # namespaces, not the contract's)
    @nc.contract("G")
    class Mixed(Generic[T]):
        own: T | None = nc.member("Own", default=None)
        c: Pair[int, T] | None = nc.member("C", default=None)
        m: Pair[list[int], T] | None = nc.member("M", default=None)

    info = nc.contract_info(Mixed[str])
    assert info.name == "MixedOfstring"
    assert [(m.wire_name, m.slot.wire.contract_name) for m in info.xml_members] == [
        ("C", "PairOfintstring"),
        ("M", "PairOfArrayOfintstring9_SUPjmKX"),
        ("Own", "string"),
    ]
    value = Mixed[str](
        own="o", c=Pair[int, str](first=1, second="s"), m=Pair[list[int], str](first=[2])
    )
    assert nc.from_xml(nc.to_xml(value), Mixed[str]) == value


def test_a_nullable_argument_outside_xml_schema_adds_its_digest() -> None:
    # Mono (GetSchemaTypeName, case "nullable-offset" of test_generic_contract_interop.py):
    # ApiResponse<DateTimeOffset?> names Nullable<DateTimeOffset> with the digest of the System
    # namespace, then adds the digest of the argument's namespace, System again. Closed here
    # first, inside the test
    info = nc.contract_info(ApiResponse[nc.DateTimeOffset | None])
    assert (info.name, info.namespace) == (
        "ApiResponseOfNullableOfDateTimeOffset5F2dSckg5F2dSckg",
        G,
    )


def test_a_member_over_a_parameter_the_contract_does_not_have_is_refused() -> None:
    # U is no parameter of Loose: ApiResponse[U] has no .NET type when Loose[str] is closed
    @nc.contract("G")
    class Loose(Generic[T]):
        own: T | None = nc.member("Own", default=None)
        r: ApiResponse[U] | None = nc.member("R", default=None)

    @nc.contract("G")
    class LooseList(Generic[T]):
        own: T | None = nc.member("Own", default=None)
        r: ApiResponse[list[U]] | None = nc.member("R", default=None)

    where = "test_a_member_over_a_parameter_the_contract_does_not_have_is_refused.<locals>"
    for tp, member, annotation in (
        (Loose[str], "Loose.r", ApiResponse[U]),
        (LooseList[str], "LooseList.r", ApiResponse[list[U]]),
    ):
        with pytest.raises(nc.ContractDefinitionError) as caught:
            nc.contract_info(tp)
        assert str(caught.value) == (
            f"{where}.{member}: {annotation!r}: a type parameter is not bound"
            " (give the type arguments)"
        )
