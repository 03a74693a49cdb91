"""Regression tests for issue 17's "errors that escape the family" and "values accepted that
must not be" (items 5-7 and 9-15): every refusal is a NetContractError with a path, on
every reading path (the msgspec Struct path, the dict fast path, the reference reader; the
generated and the reference XML readers). What .NET does for the same inputs is proven on
Mono in tests/interop/test_value_rules.py.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from lxml import etree

import netcontract as nc
from netcontract.json import read as _json_codec
from netcontract.json import read_struct as _json_typed
from netcontract.json.text import UNSURE, loads_fast
from netcontract.limits import ReadContext
from netcontract.pytest_plugin import xml_differences
from netcontract.xml import parse as _xml_parse
from netcontract.xml import read as _xml_reader
from vehizen import (
    CameraType,
    CustomerGroupDto,
    ResponseDto,
    VehicleBaseDto,
    VehicleLightDto,
    VehicleState,
)

CG_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def json_paths(data: bytes, cls: Any) -> Iterator[tuple[str, Any]]:
    """The outcome of each JSON reading path: (path name, result or DECLINED)."""
    struct = _json_typed.read_typed(data, cls, ReadContext())
    # (an unknown member declines the dict readers too: the Struct path says so)
    yield "struct", _json_codec.DECLINED if struct is _json_typed.UNKNOWN_MEMBER else struct
    yield "dict", _json_codec.read_json(data, cls, ReadContext())


def refusal(read: Callable[[], Any]) -> nc.PayloadError:
    """The PayloadError ``read`` raises; its text must be writable by any encoder (the CLI
    and the stand-in server print it)."""
    with pytest.raises(nc.PayloadError) as caught:
        read()
    str(caught.value).encode("utf-8")
    for problem in caught.value.problems:
        problem.path.encode("utf-8")
    return caught.value


# --------------------------------------------------------------------------- 5: enum strings


@pytest.mark.parametrize("text", ["--1", "+-0", "-+5", "1-", "9" * 5000])
def test_malformed_enum_number_strings_are_payload_errors(text: str) -> None:
    doc = json.dumps({"Vehicles": [{"CameraType": text}]})
    for data in (doc.encode(), doc):
        error = refusal(lambda data=data: nc.from_json(data, CustomerGroupDto))
        assert isinstance(error, nc.JsonPayloadError)
        assert [p.path for p in error.problems] == ["Vehicles[0].CameraType"]


def test_enum_string_beyond_int32_names_its_digits() -> None:
    error = refusal(lambda: nc.from_json(b'{"CameraType":"123456789012"}', VehicleLightDto))
    assert "123456789012 is outside the Int32 range" in str(error)


# ------------------------------------------------------------- 6: an exponent Decimal refuses

HUGE_EXPONENTS = [
    b"1e999999999999999999999",
    b"-1E+999999999999999999999",
    b"1e-9999999999999999999",
]


@pytest.mark.parametrize("number", HUGE_EXPONENTS)
def test_number_with_an_exponent_beyond_decimal_is_a_payload_error(number: bytes) -> None:
    docs = [
        (b'{"Data":' + number + b"}", ResponseDto),
        (b'{"Data":' + number + b"}", ResponseDto[float]),
        (b'{"Vehicles":[{"TotalFuelUsed":' + number + b"}]}", CustomerGroupDto),
        (b'{"Unknown":' + number + b"}", CustomerGroupDto),
    ]
    for data, cls in docs:
        assert loads_fast(data) is UNSURE
        for name, result in json_paths(data, cls):
            assert result is _json_codec.DECLINED, name
        for given in (data, data.decode()):
            error = refusal(lambda given=given, cls=cls: nc.from_json(given, cls))
            assert "is outside any range .NET reads" in str(error)


# ----------------------------------------------------- 7: lone surrogates in a str of XML


@pytest.mark.parametrize("read", [nc.from_xml, nc.validate_xml])
def test_lone_surrogate_in_xml_text_is_a_payload_error(read: Callable[..., Any]) -> None:
    text = f'<CustomerGroupDto xmlns="{CG_NS}">\n<Name>a\ud800b</Name></CustomerGroupDto>'
    error = refusal(lambda: read(text))
    assert isinstance(error, nc.XmlPayloadError)
    (problem,) = error.problems
    assert "lone surrogate (U+D800)" in problem.message
    assert (problem.line, problem.column) == (2, 8)


def test_lone_surrogate_in_xml_text_is_a_difference_for_the_test_helpers() -> None:
    text = f'<CustomerGroupDto xmlns="{CG_NS}"><Name>\udc00</Name></CustomerGroupDto>'
    (difference,) = xml_differences(text, nc.to_xml(CustomerGroupDto()))
    assert "lone surrogate" in difference.message


# ------------------------------------------ 9: exceptions of the contract class's own code


@nc.contract("Probe.Refused")
class Checked:
    name: str | None = nc.member("Name", default=None)
    count: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    kind: str = attrs.field(default="a", validator=attrs.validators.in_(["a", "b"]))

    @name.validator
    def _check_name(self, attribute: Any, value: Any) -> None:
        if value == "bad":
            raise ValueError("no bad names")

    def __attrs_post_init__(self) -> None:
        if self.count == 7:
            raise RuntimeError("seven is unlucky")


@nc.contract("Probe.Refused")
class Holder:
    items: list[Checked] | None = nc.member("Items", default=None)
    one: Checked | None = nc.member("One", default=None)


VALIDATOR_CASES = [
    ({"Count": -1}, "Count", "ValueError: 'count' must be >= 0: -1"),
    ({"Kind": "c"}, "Kind", "ValueError: 'kind' must be in ['a', 'b'] (got 'c')"),
    ({"Name": "bad"}, "", "ValueError: no bad names"),
    ({"Count": 7}, "", "RuntimeError: seven is unlucky"),
]


@pytest.mark.parametrize(("members", "where", "message"), VALIDATOR_CASES)
def test_class_validator_errors_are_payload_errors_at_the_member(
    members: dict[str, Any], where: str, message: str
) -> None:
    expected = f"Checked refused the value: {message}"
    docs = {
        "": {"Name": "x", **members},
        "Items[1]": {"Items": [{}, {"Name": "x", **members}]},
        "One": {"One": {"Name": "x", **members}},
    }
    for prefix, value in docs.items():
        cls = Checked if not prefix else Holder
        path = ".".join(p for p in (prefix, where) if p)
        text = json.dumps(value)
        for name, result in json_paths(text.encode(), cls):
            assert result is _json_codec.DECLINED, name
        for data in (text.encode(), text):
            error = refusal(lambda data=data, cls=cls: nc.from_json(data, cls))
            assert [(p.path, p.message) for p in error.problems] == [(path, expected)]
        xml = _as_xml(value, cls)
        error = refusal(lambda xml=xml, cls=cls: nc.from_xml(xml, cls))
        assert [(p.path, p.message) for p in error.problems] == [(path, expected)]


PROBE_NS = "http://schemas.datacontract.org/2004/07/Probe.Refused"


def _checked_members(members: dict[str, Any]) -> str:
    """The elements of a Checked (in DataContract order: Count, Kind, Name)."""
    name = members.get("Name")
    name_xml = '<Name i:nil="true" />' if name is None else f"<Name>{name}</Name>"
    return (
        f"<Count>{members.get('Count', 0)}</Count><Kind>{members.get('Kind', 'a')}</Kind>{name_xml}"
    )


def _as_xml(value: dict[str, Any], cls: Any) -> bytes:
    """The JSON document ``value`` (of a Checked or a Holder) as DataContract XML."""
    head = f'xmlns:i="{XSI}" xmlns="{PROBE_NS}"'
    if cls is Checked:
        return f"<Checked {head}>{_checked_members(value)}</Checked>".encode()
    if "Items" in value:
        items = "".join(f"<Checked>{_checked_members(v)}</Checked>" for v in value["Items"])
        return f"<Holder {head}><Items>{items}</Items></Holder>".encode()
    return f"<Holder {head}><One>{_checked_members(value['One'])}</One></Holder>".encode()


# ------------------------------------------- 10: Json.NET metadata inside untyped values


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (b'{"Data":{"$type":"System.IO.FileInfo, mscorlib","a":1}}', "Data.$type"),
        (b'{"Data":{"a":1,"$id":"1"}}', "Data.$id"),
        (b'{"Data":{"a":[{"b":{"c":{"$ref":"1"}}}]}}', "Data.a[0].b.c.$ref"),
        (b'{"Data":[[{"$values":[]}]]}', "Data[0][0].$values"),
    ],
)
def test_jsonnet_metadata_is_refused_at_any_depth_of_untyped_values(doc: bytes, path: str) -> None:
    for cls in (ResponseDto, ResponseDto[object]):
        for name, result in json_paths(doc, cls):
            assert result is _json_codec.DECLINED, name
        for data in (doc, doc.decode()):
            error = refusal(lambda data=data, cls=cls: nc.from_json(data, cls))
            assert [p.path for p in error.problems] == [path]
            assert "metadata members" in str(error)


def test_other_dollar_names_in_untyped_values_are_kept() -> None:
    read = nc.from_json(b'{"Data":{"$value":1,"$foo":{"$bar":2}}}', ResponseDto)
    assert read.data == {"$value": 1, "$foo": {"$bar": 2}}


# --------------------------------------------- 14: lone surrogates anywhere in JSON


LONE_SURROGATE_DOCS = [
    ('{"\\ud800":1}', "\\ud800"),
    ('{"x":"\\ud800"}', "x"),
    ('{"x":["a","\\udc00"]}', "x"),
    ('{"x":{"y":{"\\udbff":null}}}', "x"),
    ('{"Vehicles":[{"x":"\\ud800\\u0041"}]}', "Vehicles[0].x"),
    ('{"Vehicles":[{"FullName":"\\udfff"}]}', "Vehicles[0].FullName"),  # computed: ignored
]


@pytest.mark.parametrize(("doc", "path"), LONE_SURROGATE_DOCS)
def test_lone_surrogates_are_refused_in_ignored_members(doc: str, path: str) -> None:
    data = doc.encode()
    for name, result in json_paths(data, CustomerGroupDto):
        assert result is _json_codec.DECLINED, name
    raw = json.loads(doc)  # the same document with the lone surrogates as characters
    for given in (data, doc, json.dumps(raw, ensure_ascii=False)):
        error = refusal(lambda given=given: nc.from_json(given, CustomerGroupDto))
        assert [p.path for p in error.problems] == [path]
        assert "lone surrogate" in str(error)


def test_surrogate_pairs_in_ignored_members_are_fine() -> None:
    group = nc.from_json(b'{"x":"\\ud83d\\ude00","\\ud83d\\ude00":[1]}', CustomerGroupDto)
    assert group == CustomerGroupDto()


# ------------------------------------------- 11: the encodings of XML bytes; DOCTYPE first


def _doctype_document() -> str:
    return (
        '<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE CustomerGroupDto [<!ENTITY e "x">]>\n'
        f'<CustomerGroupDto xmlns="{CG_NS}"><Name>&e;</Name></CustomerGroupDto>'
    )


ENCODED_DOCTYPES = {
    "utf-8": lambda t: t.format(enc="utf-8").encode("utf-8"),
    "utf-8 bom": lambda t: b"\xef\xbb\xbf" + t.format(enc="utf-8").encode("utf-8"),
    "utf-16le bom": lambda t: t.format(enc="utf-16").encode("utf-16"),
    "utf-16be bom": lambda t: b"\xfe\xff" + t.format(enc="utf-16").encode("utf-16-be"),
    "utf-16le": lambda t: t.format(enc="utf-16").encode("utf-16-le"),
    "utf-16be": lambda t: t.format(enc="utf-16").encode("utf-16-be"),
    "utf-32le bom": lambda t: t.format(enc="utf-32").encode("utf-32"),
    "utf-32le": lambda t: t.format(enc="utf-32").encode("utf-32-le"),
    "utf-32be": lambda t: t.format(enc="utf-32").encode("utf-32-be"),
    "str": lambda t: t.format(enc="utf-32"),
}


@pytest.mark.parametrize("name", list(ENCODED_DOCTYPES))
def test_doctype_in_any_encoding_is_refused_before_libxml2_sees_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ENCODED_DOCTYPES[name](_doctype_document())

    def parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("libxml2 was given the document")

    monkeypatch.setattr(etree, "fromstring", parse)
    for read in (nc.from_xml, nc.validate_xml):
        error = refusal(lambda read=read: read(data))
        assert "DOCTYPE" in str(error) or "UTF-32" in str(error)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "utf-8".join(("\ufeff<?xml version='1.0' encoding='", "'?><a/>")).encode("utf-16"),
            "UTF-16LE but declares encoding 'utf-8'",
        ),
        (
            '<?xml version="1.0" encoding="utf-16be"?><a/>'.encode("utf-16-le"),
            "UTF-16LE but declares encoding 'utf-16be'",
        ),
        ("<a/>".encode("utf-16-le"), "UTF-16LE without a byte order mark"),
        (b'<?xml version="1.0" encoding="utf-16"?><a/>', "declares encoding 'utf-16' but is not"),
        (b'<?xml version="1.0" encoding="windows-1252"?><a/>', "UTF-8 or UTF-16 only"),
        (b"\xff\xfe<\x00a\x00\x00\xd8/\x00>\x00", "invalid UTF-16LE at byte 6"),
        (b"\xff\xfe\x00\x00<\x00\x00\x00", "the document is UTF-32"),
    ],
    ids=[
        "bom-vs-utf-8",
        "le-vs-be",
        "utf-16-no-bom",
        "utf-8-as-utf-16",
        "cp1252",
        "bad-utf-16",
        "utf-32",
    ],
)
def test_xml_bytes_in_other_encodings_than_wcf_reads_are_refused(data: bytes, message: str) -> None:
    for read in (nc.from_xml, nc.validate_xml):
        error = refusal(lambda read=read: read(data))
        assert message in str(error)


# ------------------------------------------------------ 12: a str has no encoding to declare


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252", "utf-16", "UTF-32", "bogus"])
def test_declared_encoding_of_a_str_is_ignored(declared: str) -> None:
    group = CustomerGroupDto(name="café €")
    text = f'<?xml version="1.0" encoding="{declared}"?>' + nc.to_xml(group).decode()
    assert nc.from_xml(text) == group
    assert nc.validate_xml(text) == group
    assert xml_differences(text, nc.to_xml(group), exact=False) == []


# -------------------------------------------------------------------- 13: i:nil is xs:boolean

# i:nil as written in the document: whether it is an xs:boolean DataContractSerializer reads
NIL_FORMS = {
    **dict.fromkeys(["true", "1", " true ", "&#9;1&#10;", "false", "0", " 0 "], True),
    **dict.fromkeys(["TRUE", "True", "yes", "", "01", "&#xA0;true", "nil"], False),
}


def _nil_everywhere(value: str) -> list[bytes]:
    """Documents with ``i:nil="value"`` on a member of each kind the generated XML reader
    handles itself (string, Guid?, Int32?, enum, DateTime?, contract, list, list item, object)."""
    vehicle = VehicleLightDto(vin="v", km_end_of_lease=5, external_interfaces=[])
    group = nc.to_xml(CustomerGroupDto(name="n", vehicles=[vehicle, vehicle])).decode()
    nil = f'i:nil="{value}"'
    edits = [
        ("<Name>n</Name>", f"<Name {nil} />"),
        ('<Id i:nil="true" />', f"<Id {nil} />"),
        ("<d2p1:KmEndOfLease>5</d2p1:KmEndOfLease>", f"<d2p1:KmEndOfLease {nil} />"),
        ("<d2p1:VIN>v</d2p1:VIN>", f"<d2p1:VIN {nil}>v</d2p1:VIN>"),
        (
            "<d2p1:CameraType>WITHOUT_CAMERA</d2p1:CameraType>",
            f"<d2p1:CameraType {nil}>WITHOUT_CAMERA</d2p1:CameraType>",
        ),
        ('<d2p1:UtcEndOfLease i:nil="true" />', f"<d2p1:UtcEndOfLease {nil} />"),
        ("<d2p1:ExternalInterfaces ", f"<d2p1:ExternalInterfaces {nil} "),
        ("<d2p1:VehicleLightDto>", f"<d2p1:VehicleLightDto {nil}>"),
    ]
    docs = []
    for old, new in edits:
        assert old in group, old
        docs.append(group.replace(old, new, 1).encode())
    response = nc.to_xml(ResponseDto(data="x", errors=["e"])).decode()
    docs.append(response.replace("<Data ", f"<Data {nil} ", 1).encode())
    docs.append(response.replace("<d2p1:string>", f"<d2p1:string {nil}>", 1).encode())
    return docs


def _reference(doc: bytes) -> tuple[Any, list[str]]:
    root = _xml_parse.parse_xml(doc)
    ctx = ReadContext()
    tp = ResponseDto if root.tag.endswith("}ResponseDto") else CustomerGroupDto
    result = _xml_reader.read_contract(_xml_reader._plan(tp), root, "", ctx)
    return (None if result is _json_codec.FAILED else result), [str(p) for p in ctx.problems]


@pytest.mark.parametrize("value", NIL_FORMS)
def test_generated_xml_reader_reads_every_nil_form_as_the_reference_reader(value: str) -> None:
    for doc in _nil_everywhere(value):
        try:
            fast: tuple[Any, list[str]] = (nc.from_xml(doc), [])
        except nc.XmlPayloadError as exc:
            fast = (None, [str(p) for p in exc.problems])
        assert fast == _reference(doc), doc
        assert ("is not an xs:boolean" in " ".join(fast[1])) is not NIL_FORMS[value], doc


def test_nil_true_in_upper_case_is_refused_not_read_as_empty() -> None:
    doc = nc.to_xml(CustomerGroupDto(name="x")).replace(b"<Name>x</Name>", b'<Name i:nil="TRUE" />')
    for read in (nc.from_xml, nc.validate_xml):
        error = refusal(lambda read=read: read(doc))
        assert [p.path for p in error.problems] == ["Name"]


# ------------------------------------------------------------------ 15: i:type on the root


def test_unknown_root_type_is_refused() -> None:
    doc = (
        f'<CustomerGroupDto i:type="b:Process" xmlns:b="http://schemas.datacontract.org/2004/07/'
        f'System.Diagnostics" xmlns:i="{XSI}" xmlns="{CG_NS}"><Name>n</Name></CustomerGroupDto>'
    ).encode()
    for read in (
        lambda: nc.from_xml(doc),
        lambda: nc.from_xml(doc, CustomerGroupDto),
        lambda: nc.validate_xml(doc),
    ):
        error = refusal(read)
        assert "'Process'" in str(error)


def test_root_type_naming_a_derived_contract_reads_it_when_known() -> None:
    # .NET: new DataContractSerializer(typeof(VehicleBaseDto)) refuses the derived type unless
    # it is a known type (tests/interop/test_known_types_interop.py asks Mono)
    vehicle = VehicleLightDto(id_ws=3, vin="v")
    dto_ns = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
    members = nc.to_xml(vehicle).decode().split(">", 1)[1].rsplit("<", 1)[0]
    doc = (
        f'<VehicleBaseDto i:type="VehicleLightDto" xmlns:i="{XSI}" xmlns="{dto_ns}">'
        f"{members}</VehicleBaseDto>"
    ).encode()
    known = [VehicleLightDto]
    assert nc.from_xml(doc, known_types=known) == vehicle
    assert nc.from_xml(doc, VehicleBaseDto, known_types=known) == vehicle
    assert nc.validate_xml(doc, known_types=known) == vehicle
    for read in (
        lambda: nc.from_xml(doc),
        lambda: nc.from_xml(doc, VehicleBaseDto),
        lambda: nc.validate_xml(doc),
    ):
        error = refusal(read)
        assert "'VehicleLightDto'" in str(error) and "not a known type" in str(error)


# ------------------- found on the way: i:type in an object member the caller typed


@pytest.mark.parametrize(
    ("value", "cls", "message"),
    [
        (VehicleLightDto(), ResponseDto[CustomerGroupDto], "is not a CustomerGroupDto"),
        (5, ResponseDto[CustomerGroupDto], "is not a CustomerGroupDto"),
        ("s", ResponseDto[uuid.UUID], "does not match the type asked for (guid)"),
        (2**40, ResponseDto[int], "does not match the type asked for (int)"),
        (1.5, ResponseDto[int], "does not match the type asked for (int)"),
        (True, ResponseDto[int], "does not match the type asked for (int)"),
        (VehicleState.Active, ResponseDto[CameraType], "(CameraType)"),
    ],
)
def test_object_member_of_a_parametrized_contract_refuses_another_xml_type(
    value: Any, cls: Any, message: str
) -> None:
    # ResponseDto[CustomerGroupDto] read any i:type into Data (JSON refuses a 5 there)
    doc = nc.to_xml(ResponseDto(data=value))
    for read in (lambda: nc.from_xml(doc, cls), lambda: nc.validate_xml(doc, cls)):
        error = refusal(read)
        assert [p.path for p in error.problems] == ["Data"]
        assert message in str(error)


@pytest.mark.parametrize(
    ("value", "cls", "read"),
    [
        (VehicleLightDto(id_ws=1), ResponseDto[VehicleBaseDto], VehicleLightDto(id_ws=1)),
        (5, ResponseDto[int], 5),
        (5, ResponseDto[float], 5.0),
        (uuid.UUID(int=1), ResponseDto[uuid.UUID], uuid.UUID(int=1)),
        (CameraType.WITHOUT_CAMERA, ResponseDto[CameraType], CameraType.WITHOUT_CAMERA),
        (nc.AnyObject(), ResponseDto[CustomerGroupDto], nc.AnyObject()),
    ],
)
def test_object_member_of_a_parametrized_contract_reads_what_it_holds(
    value: Any, cls: Any, read: Any
) -> None:
    data = nc.from_xml(nc.to_xml(ResponseDto(data=value)), cls).data
    assert (type(data), data) == (type(read), read)


@nc.contract("Probe.Refused")
class Required:
    name: str = nc.member("Name")  # no default: a document must give it
    other: str = nc.member("Other")
    count: int = nc.member("Count", default=0)


def test_member_without_a_default_missing_from_the_document_is_a_payload_error() -> None:
    # was a bare TypeError from __init__ on every path
    expected = [
        ("Name", "missing, and Required declares no default for it"),
        ("Other", "missing, and Required declares no default for it"),
    ]
    for data in (b'{"Count":1}', '{"Count":1}'):
        error = refusal(lambda data=data: nc.from_json(data, Required))
        assert [(p.path, p.message) for p in error.problems] == expected
    xml = f'<Required xmlns="{PROBE_NS}"><Count>1</Count></Required>'
    for read in (nc.from_xml, lambda d: nc.from_xml(d, Required)):
        error = refusal(lambda read=read: read(xml))
        assert [(p.path, p.message) for p in error.problems] == expected
    assert nc.from_json(b'{"Name":"a","Other":"b"}', Required) == Required(name="a", other="b")


@pytest.mark.parametrize(
    ("tree", "path"),
    [
        ({"$\n\x1b[2J": 1}, "$\\n\\x1b[2J"),
        ({"Data": {"a\nb": {"$type": 1}}}, "Data.a\\nb.$type"),
        ({"Data": {"\u2028": {"$id": 1}}}, "Data.\\u2028.$id"),
        ({"\ud800\r": 1}, "\\ud800\\r"),
        ({"Data": {"é": {"$id": 1}}}, "Data.é.$id"),
    ],
)
def test_member_names_in_paths_are_escaped_to_one_printable_line(
    tree: dict[str, Any], path: str
) -> None:
    # the CLI prints one "path: problem" line per problem: a name from the document must
    # not break the line or send a terminal escape
    data = json.dumps(tree).encode("utf-8", "surrogatepass")
    error = refusal(lambda: nc.from_json(data, ResponseDto))
    assert [p.path for p in error.problems] == [path]
    assert str(error).isprintable()
