"""Validating XML payloads against the exported schemas: ``validate_xml``, ``netcontract validate``.

Expected documents: the help page's samples (``fixtures/customer_group.xml``,
``fixtures/response.xml``) and Mono's compact re-writes of them (``fixtures/README.md``); broken
documents are those samples with one edit each. Expected messages are netcontract's own
(README, "Schemas and validation"); lines are the lines of the edited samples.
"""

from __future__ import annotations

import io
import typing
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.cli import main
from netcontract.limits import DEFAULT_LIMITS
from netcontract.xsd.validate import MAX_REPORTED_PROBLEMS, schema_for
from vehizen import (
    CameraType,
    CustomerGroupDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    VehicleBaseDto,
    VehicleLightDto,
)

MAX_ATTRIBUTES = DEFAULT_LIMITS.max_attributes

try:
    from netcontract.strategies import for_type
except ImportError:  # netcontract.strategies is written separately; hand-built objects cover it
    for_type = None

needs_strategies = pytest.mark.skipif(for_type is None, reason="netcontract.strategies is missing")

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
GROUP_XML = (FIXTURES / "customer_group.xml").read_bytes()
RESPONSE_XML = (FIXTURES / "response.xml").read_bytes()
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DTO = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
GROUP = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"


def problems_of(data: bytes, cls: Any = None, **kwargs: Any) -> list[str]:
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.validate_xml(data, cls, **kwargs)
    return [str(p) for p in caught.value.problems]


def edit(old: bytes, new: bytes, data: bytes = GROUP_XML) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


# ----------------------------------------------------------------------------- what .NET writes


@pytest.mark.parametrize(
    "name",
    ["customer_group.xml", "response.xml", "customer_group.compact.xml", "response.compact.xml"],
)
def test_help_page_and_mono_documents_validate(name):
    data = (FIXTURES / name).read_bytes()
    assert nc.validate_xml(data) == nc.from_xml(data)


def test_validate_with_the_expected_type():
    group = nc.validate_xml(GROUP_XML, CustomerGroupDto)
    assert isinstance(group, CustomerGroupDto)
    assert group.vehicles is not None
    assert group.vehicles[0].tolerance == 8


def test_mono_bare_object_validates():
    # fixtures/README.md: Mono writes the bare object of Data with i:type="xs:anyType"
    data = edit(
        b"<Data />",
        b'<Data xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />',
        RESPONSE_XML,
    )
    assert nc.validate_xml(data).data == nc.AnyObject()


def test_str_input_is_accepted():
    assert nc.validate_xml(GROUP_XML.decode()) == nc.from_xml(GROUP_XML)


# ----------------------------------------------------------------------------- broken documents

Edit = Callable[[], bytes]

BROKEN: list[tuple[str, Edit, list[str]]] = [
    (
        "wrong-type",
        lambda: edit(b"<d2p1:IdWS>1</d2p1:IdWS>", b"<d2p1:IdWS>x</d2p1:IdWS>"),
        ["Vehicles[0].IdWS: 'x' is not a valid Int32 (xs:int) (line 46)"],
    ),
    (
        "out-of-range",
        lambda: edit(b"<d2p1:Tolerance>8<", b"<d2p1:Tolerance>2147483648<"),
        [
            "Vehicles[0].Tolerance: '2147483648' is not a valid Int32 (xs:int): "
            "value must be -2^31 <= x < 2^31 (line 61)"
        ],
    ),
    (
        "bad-enum-name",
        lambda: edit(b"<d2p1:State>Active</d2p1:State>", b"<d2p1:State>active</d2p1:State>"),
        ["Vehicles[0].State: 'active' is not a State name (expected one of: Active) (line 24)"],
    ),
    (
        "misplaced",
        lambda: edit(b"<Id>", b"<Name>n</Name><Id>", edit(b"<Name>sample string 2</Name>", b"")),
        [
            "Id: element out of order: DataContract order puts it before 'Name'; "
            ".NET would silently drop it (line 3)"
        ],
    ),
    (
        "misplaced-inherited",
        # a base-class member after the derived class's members
        lambda: edit(
            b"<d2p1:IdWS>1</d2p1:IdWS>",
            b"<d2p1:IdWS>1</d2p1:IdWS><d2p1:Brand>b</d2p1:Brand>",
        ),
        [
            "Vehicles[0].Brand: element out of order: DataContract order puts it before "
            "'IdWS'; .NET would silently drop it (line 46)"
        ],
    ),
    (
        "unknown",
        lambda: edit(b"<Name>", b"<Bogus>1</Bogus><Name>"),
        [f"Bogus: unknown element 'Bogus' (namespace '{GROUP}') in CustomerGroupDto (line 4)"],
    ),
    (
        "given-twice",
        lambda: edit(b"<Name>", b"<Name>a</Name><Name>"),
        ["Name: element given twice (.NET would keep the first and drop this one) (line 4)"],
    ),
    (
        "wrong-namespace",
        lambda: edit(b"</d2p1:Brand>", b"</Brand>", edit(b"<d2p1:Brand>", b"<Brand>")),
        [
            f"Vehicles[0].Brand: element 'Brand' is in namespace '{GROUP}'; the member Brand "
            f"of VehicleLightDto is in '{DTO}' (line 8)"
        ],
    ),
    (
        "list-item-name",
        lambda: edit(
            b"</d2p1:VehicleLightDto>\n  </Vehicles>",
            b"</d2p1:VehicleLightDto>\n    <d2p1:Vehicle />\n  </Vehicles>",
        ),
        [
            f"Vehicles.Vehicle: unexpected element 'Vehicle' from namespace '{DTO}': the items "
            "of ArrayOfVehicleLightDto are <VehicleLightDto> elements from "
            f"'{DTO}' (line 131)"
        ],
    ),
    (
        "nil-value-type",
        lambda: edit(
            b"<CustomerId>235ce316-d1f5-4087-8b9b-b68e01a81673</CustomerId>",
            b'<CustomerId i:nil="true" />',
        ),
        ["CustomerId: null (i:nil) is not allowed: Guid (ser:guid) is a value type (line 2)"],
    ),
    (
        "bad-guid",
        lambda: edit(b"235ce316-d1f5", b"235ce316-d1g5"),
        [
            "CustomerId: '235ce316-d1g5-4087-8b9b-b68e01a81673' is not a valid Guid (ser:guid) "
            "(expected 32 hexadecimal digits as 8-4-4-4-12) (line 2)"
        ],
    ),
    (
        "bad-date",
        lambda: edit(b"2026-06-02T18:36:51.9290578+00:00", b"2026-13-02T18:36:51"),
        [
            "Vehicles[0].DateUtcChangeMalfunctionLevel: '2026-13-02T18:36:51' is not a valid "
            "DateTime (xs:dateTime): month must be in 1..12 (line 11)"
        ],
    ),
    (
        "text-between-elements",
        lambda: edit(b"  <Vehicles", b"  hello <Vehicles"),
        ["<root>: unexpected text between the elements (line 1)"],
    ),
    (
        "unknown-attribute",
        lambda: edit(b"<Name>", b'<Name color="red">'),
        ["Name: 'color' attribute not allowed for element (line 4)"],
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [(e, x) for _, e, x in BROKEN], ids=[n for n, _, _ in BROKEN]
)
def test_broken_documents_are_reported(data, expected):
    assert problems_of(data()) == expected


def test_every_problem_is_reported_with_its_line():
    data = GROUP_XML.replace(b"<d2p1:IdWS>1</d2p1:IdWS>", b"<d2p1:IdWS>one</d2p1:IdWS>")
    data = edit(b"<d2p1:MalfunctionLevel>Null<", b"<d2p1:MalfunctionLevel>None<", data)
    assert problems_of(data) == [
        "Vehicles[0].MalfunctionLevel: 'None' is not a MalfunctionLevel name "
        "(expected one of: Null) (line 21)",
        "Vehicles[0].IdWS: 'one' is not a valid Int32 (xs:int) (line 46)",
        "Vehicles[1].IdWS: 'one' is not a valid Int32 (xs:int) (line 108)",
    ]


def test_reports_stop_after_the_limit():
    items = b"".join(
        b"<d2p1:string>x</d2p1:string><Bad/>" for _ in range(MAX_REPORTED_PROBLEMS + 5)
    )
    data = (
        b'<ResponseDto xmlns:i="' + XSI.encode() + b'" xmlns="' + DTO.encode() + b'">'
        b'<Errors xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
        + items
        + b"</Errors><IsValid>true</IsValid></ResponseDto>"
    )
    found = problems_of(data)
    assert len(found) == MAX_REPORTED_PROBLEMS + 1
    assert (
        found[-1]
        == f"<root>: more problems not shown (the first {MAX_REPORTED_PROBLEMS} are listed)"
    )


def test_schema_valid_but_refused_by_the_reader():
    # xs:dateTime takes years past 9999; a .NET DateTime ends on 9999-12-31 (more than 7
    # fraction digits, the example before, are read now: rounded to the tick, as Mono does)
    data = edit(b"2026-06-02T18:36:51.9290578+00:00", b"10000-06-02T18:36:51+00:00")
    found = problems_of(data)
    assert len(found) == 1
    assert found[0].startswith("Vehicles[0].DateUtcChangeMalfunctionLevel: ")
    assert found[0].endswith("(line 11)")


# ----------------------------------------------------------------------------- the root


def test_root_must_be_the_expected_contract():
    assert problems_of(GROUP_XML, ResponseDto) == [
        f"<root>: expecting element 'ResponseDto' from namespace '{DTO}', found "
        f"'CustomerGroupDto' from namespace '{GROUP}' (line 1)"
    ]


def test_root_must_be_a_known_contract():
    # a global element of the schemas, but not a contract netcontract reads
    assert problems_of(
        b'<ArrayOfstring xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/>'
    ) == [
        "<root>: no known contract has the root element 'ArrayOfstring' from namespace "
        "'http://schemas.microsoft.com/2003/10/Serialization/Arrays'; import the module that"
        " declares it (or pass its class), or register that module under the"
        " 'netcontract.contracts' entry point group (line 1)"
    ]


def test_nil_root_and_syntax_errors():
    nil = f'<ResponseDto xmlns:i="{XSI}" i:nil="true" xmlns="{DTO}" />'.encode()
    assert problems_of(nil) == [
        "<root>: the document is null (i:nil) where an object was expected (line 1)"
    ]
    assert problems_of(b"<ResponseDto")[0].startswith("<root>: ")
    doctype = b'<!DOCTYPE x [<!ENTITY e "e">]><ResponseDto xmlns="' + DTO.encode() + b'"/>'
    assert problems_of(doctype) == [
        "<root>: a DOCTYPE (DTD) is not allowed: DataContract XML never has one (line 1)"
    ]


# ----------------------------------------------------------------------------- i:type

VA, VB = "Validate.A", "Validate.B"


@nc.contract(VA)
class Hue(nc.ContractEnum):
    Red = 1
    Blue = 40


@nc.contract(VA)
class Shape:
    name: str | None = nc.member("Name", default=None)


@nc.contract(VB)
class Circle(Shape):
    radius: float = nc.member("Radius", default=0.0)
    hue: Hue = nc.member("Hue", default=Hue.Red)


@nc.contract(VB, known_types=(Shape, Circle, Hue))  # what Thing, Main and Shapes may hold
class Canvas:
    main: Shape | None = nc.member("Main", default=None)
    shapes: list[Shape | None] | None = nc.member("Shapes", default=None)
    thing: object = nc.member("Thing", default=None)
    when: nc.DateTime | None = nc.member("When", default=None)


def test_polymorphic_members_and_object_members_validate():
    canvas = Canvas(
        main=Circle(name="c", radius=1.5, hue=Hue.Blue),
        shapes=[Shape(name="s"), None, Circle(radius=-0.0)],
        thing=Hue.Red,
    )
    data = nc.to_xml(canvas, indent=True)
    assert (
        b'<Main xmlns:d2p1="http://schemas.datacontract.org/2004/07/Validate.A" i:type="Circle">'
        in data
    )
    assert nc.validate_xml(data) == canvas
    # the schemas of Canvas alone do not define Circle or Hue: they are added for i:type
    assert nc.validate_xml(nc.to_xml(Canvas(thing=uuid.UUID(int=1)))).thing == uuid.UUID(int=1)
    assert nc.validate_xml(nc.to_xml(Canvas(thing=Shape(name="x")))).thing == Shape(name="x")


def test_unknown_i_type_is_reported():
    data = nc.to_xml(Canvas(main=Shape(name="s"))).replace(
        b"<Main ", b'<Main i:type="d2p1:Square" '
    )
    assert problems_of(data) == [
        "Main: unknown i:type 'Square' from namespace "
        "'http://schemas.datacontract.org/2004/07/Validate.A' (line 1)"
    ]


def test_i_type_with_undeclared_prefix_is_reported():
    data = nc.to_xml(Canvas(main=Shape(name="s"))).replace(b"<Main ", b'<Main i:type="zz:Shape" ')
    assert problems_of(data) == ["Main: i:type 'zz:Shape' uses an undeclared prefix (line 1)"]


def test_i_type_that_is_not_derived_from_the_member_type_is_refused():
    data = nc.to_xml(Canvas(main=Shape(name="s"))).replace(
        b'<Main xmlns:d2p1="http://schemas.datacontract.org/2004/07/Validate.A">',
        b'<Main xmlns:d2p1="http://schemas.datacontract.org/2004/07/Validate.A" i:type="Canvas">',
    )
    assert problems_of(data) == [
        "Main: i:type 'Canvas' is neither 'Shape' nor derived from it (line 1)"
    ]


# ----------------------------------------------------------------------------- safety and quotas


def test_too_many_attributes_are_refused_before_validation():
    attributes = b" ".join(b'a%d="1"' % i for i in range(MAX_ATTRIBUTES + 1))
    data = edit(b"<Name>", b"<Name " + attributes + b">")
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.validate_xml(data)
    assert caught.value.quota == "max_attributes"
    assert str(caught.value.problems[0]).startswith("Name: quota max_attributes exceeded")


def test_depth_is_limited_before_validation():
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.validate_xml(GROUP_XML, limits=nc.Limits(max_depth=2))
    assert caught.value.quota == "max_depth"
    assert str(caught.value.problems[0]) == (
        "Vehicles[0].Brand: quota max_depth exceeded (more than 2 levels of nesting) (line 8)"
    )


def test_size_is_limited_before_parsing():
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.validate_xml(GROUP_XML, limits=nc.Limits(max_bytes=100))
    assert caught.value.quota == "max_bytes"


def test_schema_location_hints_are_never_followed(tmp_path):
    # if xmlschema loaded this schema, CustomerGroupDto would need a <Mandatory> element
    trap = tmp_path / "trap.xsd"
    trap.write_text(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{GROUP}" '
        'elementFormDefault="qualified"><xs:element name="CustomerGroupDto"><xs:complexType>'
        '<xs:sequence><xs:element name="Mandatory"/></xs:sequence></xs:complexType>'
        "</xs:element></xs:schema>"
    )
    hinted = edit(
        b'xmlns:i="' + XSI.encode() + b'"',
        b'xmlns:i="'
        + XSI.encode()
        + b'" i:schemaLocation="'
        + GROUP.encode()
        + b" "
        + trap.as_uri().encode()
        + b'" i:noNamespaceSchemaLocation="http://127.0.0.1:9/x.xsd"',
    )
    assert nc.validate_xml(hinted) == nc.from_xml(GROUP_XML)


def test_compiled_schemas_are_cached_per_class_set():
    nc.validate_xml(GROUP_XML)
    before = schema_for.cache_info()
    nc.validate_xml(GROUP_XML)
    nc.validate_xml(GROUP_XML, CustomerGroupDto)
    after = schema_for.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 2
    assert schema_for(CustomerGroupDto) is schema_for(CustomerGroupDto)


# ----------------------------------------------------------------------------- property

#: the Vehizen contracts (ResponseDto with Data of each kind) and the polymorphic Canvas
PROPERTY_TYPES: list[Any] = [
    CustomerGroupDto,
    VehicleLightDto,
    VehicleBaseDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    ResponseDto[CustomerGroupDto],
    ResponseDto[CameraType],
    ResponseDto[uuid.UUID],
    ResponseDto[nc.Int64],
    ResponseDto[nc.DateTime],
    Canvas,
]


@needs_strategies
@pytest.mark.parametrize("tp", PROPERTY_TYPES, ids=lambda tp: getattr(tp, "__name__", repr(tp)))
@given(data=st.data())
def test_every_xml_netcontract_writes_validates(tp, data):
    # Canvas.Thing may hold the contracts of this module (by default: every contract declared
    # in the tests package, which includes other modules' test contracts)
    contracts = [Shape, Circle, Canvas] if tp is Canvas else None
    obj = data.draw(for_type(tp, object_contracts=contracts), label="obj")
    # ResponseDto[X]: Data is `object` in .NET, whose serializer must know X
    known = [
        a for a in typing.get_args(tp) if isinstance(a, type) and "__netcontract__" in a.__dict__
    ]
    for indent in (False, True):
        xml = nc.to_xml(obj, indent=indent, known_types=known)
        read = nc.validate_xml(xml, known_types=known)
        assert nc.to_xml(read, indent=indent, known_types=known) == xml


@needs_strategies
@given(data=st.data())
def test_circles_in_canvases_validate(data):
    shape = st.one_of(st.none(), for_type(Shape), for_type(Circle))
    canvas = Canvas(
        main=data.draw(shape), shapes=data.draw(st.none() | st.lists(shape, max_size=3))
    )
    xml = nc.to_xml(canvas)
    assert nc.to_xml(nc.validate_xml(xml, Canvas)) == xml


# ----------------------------------------------------------------------------- command line


def run(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    binary = io.BytesIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=binary, stderr=err)
    out.write(binary.getvalue().decode())
    return status, out.getvalue(), err.getvalue()


def test_cli_valid_document():
    path = str(FIXTURES / "customer_group.xml")
    assert run("validate", path) == (0, f"{path}: valid CustomerGroupDto\n", "")
    assert run("validate", "--type", "ResponseDto", "-", stdin=RESPONSE_XML) == (
        0,
        "<stdin>: valid ResponseDto\n",
        "",
    )


def test_cli_refused_document_exits_1_with_one_line_per_problem():
    data = GROUP_XML.replace(b"<d2p1:IdWS>1</d2p1:IdWS>", b"<d2p1:IdWS>x</d2p1:IdWS>")
    status, out, err = run("validate", stdin=data)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "netcontract: Vehicles[0].IdWS: 'x' is not a valid Int32 (xs:int) (line 46)",
        "netcontract: Vehicles[1].IdWS: 'x' is not a valid Int32 (xs:int) (line 108)",
    ]
    status, _, err = run("validate", "--type", "ResponseDto", stdin=GROUP_XML)
    assert status == 1
    assert err.startswith("netcontract: <root>: expecting element 'ResponseDto'")
    assert "Traceback" not in err


def test_cli_quota_exits_1():
    attributes = b" ".join(b'a%d="1"' % i for i in range(MAX_ATTRIBUTES + 1))
    status, _, err = run("validate", stdin=edit(b"<Name>", b"<Name " + attributes + b">"))
    assert status == 1
    assert err.startswith("netcontract: Name: quota max_attributes exceeded")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("validate", "--type", "NoSuchDto", "-"), "unknown type 'NoSuchDto'"),
        (("validate", "/nonexistent/file.xml"), "cannot read '/nonexistent/file.xml'"),
    ],
)
def test_cli_usage_errors_exit_2(args, fragment):
    status, out, err = run(*args, stdin=GROUP_XML)
    assert (status, out) == (2, "")
    assert fragment in err
