"""Values .NET reads one way and netcontract must read the same way (or refuse, where it says
why): enum strings and member names in another case in JSON, ``i:nil`` lexical forms, XML
encodings of bytes and of ``str``, ``i:type`` on the root, Json.NET metadata in ``object``
members (issues 17 and 20).

Each table states Mono's answer literally, in the form ``dotnet/ValueRules.cs`` prints it;
``test_*_netcontract`` check netcontract against the tables (no Mono needed), and
``test_mono_still_answers_*`` run ValueRules.cs on Mono and check that the tables are what
Mono answers (skipped without Mono). A row's ``netcontract`` column is set only where
netcontract deliberately answers otherwise, with the reason.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from netcontract.pytest_plugin import xml_differences
from vehizen import CustomerGroupDto, ResponseDto, VehicleBaseDto, VehicleLightDto

from ._mono import DOTNET_DIR, MONO_MISSING_REASON, find_newtonsoft, mono_available

REFUSED = "refused"
#: ValueRules.cs's Known (new DataContractSerializer(type, Known))
KNOWN = (CustomerGroupDto, ResponseDto, VehicleBaseDto, VehicleLightDto)
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
CG_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
DTO_NS = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
ZERO = "00000000-0000-0000-0000-000000000000"
ONE = "00000000-0000-0000-0000-000000000001"


@dataclass(frozen=True)
class Case:
    """One input, what Mono answers (ValueRules.cs's form) and, where it differs on purpose,
    what netcontract answers."""

    label: str
    kind: str  # the ValueRules.cs request kind
    payload: bytes
    mono: str
    netcontract: str | None = None  # None: the same as Mono
    why: str = ""
    #: validate_xml refuses it (the XSD does) with this message, where from_xml reads it as
    #: .NET does
    schema_refuses: str = ""

    @property
    def expected(self) -> str:
        return self.mono if self.netcontract is None else self.netcontract


def group(
    name: str | None = None, id_: str = "null", customer_id: str = ZERO, vehicles: str = "null"
) -> str:
    """A CustomerGroupDto as ValueRules.cs shows it."""
    shown = "null" if name is None else json.dumps(name)
    return f"CustomerGroupDto Id={id_} CustomerId={customer_id} Name={shown} Vehicles={vehicles}"


def show(obj: Any) -> str:
    """A value netcontract read, as ValueRules.cs shows what .NET read."""
    if isinstance(obj, CustomerGroupDto):
        id_ = "null" if obj.id is None else str(obj.id)
        vehicles = "null" if obj.vehicles is None else str(len(obj.vehicles))
        return group(obj.name, id_, str(obj.customer_id), vehicles)
    return type(obj).__name__


# ------------------------------------------------------------------ enum strings (issue 17 #5)
# Json.NET 6 reads a string into an enum with Enum.Parse(type, text, ignoreCase: true): the
# text is trimmed of Char.IsWhiteSpace; a first digit or sign means an Int32 (NumberStyles.
# Integer), else comma-separated names whose values are or-ed. CameraType has one name,
# WITHOUT_CAMERA = 0; an integer without a name is kept (CameraType(5)).
ENUM_STRINGS: dict[str, str] = {
    " 5": "5",
    "+5": "5",
    "-0": "0",
    "\t5\n": "5",
    "5 ": "5",
    "0005": "5",
    "-00": "0",
    "00000000000000000000005": "5",
    "\xa05": "5",
    "5\xa0": "5",
    "\u20005": "5",
    "\x855": "5",
    "\u20285": "5",
    "-2147483648": "-2147483648",
    "without_camera": "0",
    " WITHOUT_CAMERA ": "0",
    "\xa0WITHOUT_CAMERA": "0",
    "WITHOUT_CAMERA,WITHOUT_CAMERA": "0",
    "WITHOUT_CAMERA ,  without_camera": "0",
    # Mono: ArgumentException "Requested value '--1' was not found." and the like
    "--1": REFUSED,
    "+-0": REFUSED,
    "5,6": REFUSED,
    "1,2": REFUSED,
    "0x5": REFUSED,
    "5.0": REFUSED,
    "1e1": REFUSED,
    "-": REFUSED,
    "+": REFUSED,
    "- 5": REFUSED,
    "+ 5": REFUSED,
    "(5)": REFUSED,
    "5-": REFUSED,
    "\uff15": REFUSED,  # a fullwidth digit
    "\u0665": REFUSED,  # an Arabic-Indic digit
    "\x1c5": REFUSED,  # U+001C: white space to Python, not to .NET
    "WITHOUT_CAMERA,": REFUSED,
    ",": REFUSED,
    "WITHOUT_CAMERA, 1": REFUSED,
    "1,WITHOUT_CAMERA": REFUSED,
    "WITHOUT_CAMERA\x00": REFUSED,
    "w\u0131thout_camera": REFUSED,  # a dotless i: Python's upper() makes it I, .NET does not
    "without_\u212aamera": REFUSED,  # the Kelvin sign
    "": REFUSED,  # "Must specify valid information for parsing in the string."
    "  ": REFUSED,
    # OverflowException "Value was either too large or too small for an Int32."
    "2147483648": REFUSED,
    "-2147483649": REFUSED,
    "4294967295": REFUSED,
    "9" * 5000: REFUSED,
}
ENUM_CASES = [
    Case(repr(text)[:40], "enum", text.encode("utf-8"), answer)
    for text, answer in ENUM_STRINGS.items()
] + [
    Case(
        "'5\\x00'",
        "enum",
        b"5\x00",
        "5",
        REFUSED,
        "Int32.Parse accepts trailing NULs; netcontract does not read '5\\0' as 5",
    )
]


def _read_enum(case: Case) -> Iterator[str]:
    text = case.payload.decode("utf-8")
    document = json.dumps({"CameraType": text})
    for data in (document.encode("utf-8"), document):  # the fast paths and the reference one
        try:
            yield str(int(nc.from_json(data, VehicleLightDto).camera_type))
        except nc.JsonPayloadError:
            yield REFUSED


# ----------------------------------------------------- member names in another case (found)
# Json.NET matches member names with OrdinalIgnoreCase: ASCII letters in any case, but not
# the characters Python's str.upper() maps to ASCII (dotless i, long s) or to several.
NAME_CASES = [
    Case(f"member {name!r}", "names", json.dumps({name: 5}).encode(), f"IdWS={answer}")
    for name, answer in {
        "IdWS": 5,
        "idws": 5,
        "IDWS": 5,
        "iDwS": 5,
        "\u0131dws": 0,  # dotless i
        "IdW\u017f": 0,  # long s
        "\uff29dWS": 0,  # fullwidth I
        "IdWS ": 0,
    }.items()
]


def _read_names(case: Case) -> Iterator[str]:
    for data in (case.payload, case.payload.decode("utf-8")):
        yield f"IdWS={nc.from_json(data, VehicleLightDto).id_ws}"


# ------------------------------------------------------------- i:nil forms (issues 17 #13, 20)
# DataContractSerializer reads i:nil with XmlConvert.ToBoolean: "true", "1", "false", "0",
# with XML white space (space, tab, CR, LF) around; anything else is refused:
# XmlException "The value 'TRUE' cannot be parsed as the type 'Boolean'."
NIL_TRUE = ["true", "1", " true ", "&#9;true&#10;", "1&#13;", "\ttrue\n"]
NIL_FALSE = ["false", "0", " 0 ", "&#9;false"]
NIL_REFUSED = [
    "TRUE",
    "True",
    "tRue",
    "FALSE",
    "yes",
    "no",
    "",
    "  ",
    "01",
    "+1",
    "&#xA0;true",
    "&#x85;true",
    "t rue",
]


def _nil_document(target: str, value: str) -> bytes:
    head = f'xmlns:i="{XSI_NS}" xmlns="{CG_NS}"'
    if target == "root":
        return f'<CustomerGroupDto i:nil="{value}" {head}></CustomerGroupDto>'.encode()
    if target == "Name":
        member = f'<Name i:nil="{value}" />'
    elif target == "Id":
        member = f'<Id i:nil="{value}" />'
    elif target == "Vehicles":
        member = f'<Vehicles i:nil="{value}" />'
    else:  # a value type: Guid
        member = f'<CustomerId i:nil="{value}">{ONE}</CustomerId>'
    return f"<CustomerGroupDto {head}>{member}</CustomerGroupDto>".encode()


def _nil_cases() -> list[Case]:
    cases = []
    for value in NIL_TRUE:
        cases += [
            Case(f"Name nil={value!r}", "webapi", _nil_document("Name", value), group()),
            Case(f"Id nil={value!r}", "webapi", _nil_document("Id", value), group()),
            Case(f"Vehicles nil={value!r}", "webapi", _nil_document("Vehicles", value), group()),
            # SerializationException "ValueType 'System.Guid' cannot be null."
            Case(
                f"CustomerId nil={value!r}", "webapi", _nil_document("CustomerId", value), REFUSED
            ),
            Case(
                f"root nil={value!r}",
                "webapi",
                _nil_document("root", value),
                "null",
                REFUSED,
                "a null document is refused: there is no object to return",
            ),
        ]
    for value in NIL_FALSE:
        cases += [
            Case(f"Name nil={value!r}", "webapi", _nil_document("Name", value), group("")),
            Case(
                f"Vehicles nil={value!r}",
                "webapi",
                _nil_document("Vehicles", value),
                group(vehicles="0"),
            ),
            # the empty element is then read as a Guid, which '' is not
            Case(f"Id nil={value!r}", "webapi", _nil_document("Id", value), REFUSED),
            # XSD: no xsi:nil at all on an element that is not nillable, whatever its value
            Case(
                f"CustomerId nil={value!r}",
                "webapi",
                _nil_document("CustomerId", value),
                group(customer_id=ONE),
                schema_refuses="not allowed: Guid",
            ),
            Case(f"root nil={value!r}", "webapi", _nil_document("root", value), group()),
        ]
    for value in NIL_REFUSED:
        cases += [
            Case(f"{target} nil={value!r}", "webapi", _nil_document(target, value), REFUSED)
            for target in ("Name", "Id", "Vehicles", "CustomerId", "root")
        ]
    return cases


NIL_CASES = _nil_cases()


# ---------------------------------------------- i:type on members of other kinds (found)
# DataContractSerializer ignores an i:type on a string or value-type member, whatever it
# names; on a collection it must name the collection's own contract.
def _member_document(member: str) -> bytes:
    namespaces = " ".join(
        f'xmlns:{prefix}="{namespace}"'
        for prefix, namespace in [
            ("i", XSI_NS),
            ("b", "http://www.w3.org/2001/XMLSchema"),
            ("d", DTO_NS),
            ("a", "http://schemas.microsoft.com/2003/10/Serialization/Arrays"),
        ]
    )
    return f'<CustomerGroupDto {namespaces} xmlns="{CG_NS}">{member}</CustomerGroupDto>'.encode()


# (the XSD refuses those i:type: validate_xml does)
NOT_DERIVED = "is neither .* nor derived from it"
MEMBER_TYPE_CASES = [
    Case(label, "webapi", _member_document(member), answer, schema_refuses=schema)
    for label, member, answer, schema in [
        ("string as int", '<Name i:type="b:int">5</Name>', group("5"), NOT_DERIVED),
        ("string, undeclared prefix", '<Name i:type="u:x">x</Name>', group("x"), "undeclared"),
        (
            "Guid as int",
            f'<CustomerId i:type="b:int">{ONE}</CustomerId>',
            group(customer_id=ONE),
            NOT_DERIVED,
        ),
        (
            "list as itself",
            '<Vehicles i:type="d:ArrayOfVehicleLightDto" />',
            group(vehicles="0"),
            "",
        ),
        ("list as string", '<Vehicles i:type="b:string" />', REFUSED, ""),
        ("list as another list", '<Vehicles i:type="a:ArrayOfstring" />', REFUSED, ""),
        ("list as its item", '<Vehicles i:type="d:VehicleLightDto" />', REFUSED, ""),
        ("list, undeclared prefix", '<Vehicles i:type="u:zz" />', REFUSED, ""),
    ]
]


# ------------------------------------------------------------ encodings of bytes (issue 17 #11)
# DataContractSerializer.ReadObject(Stream) detects UTF-8 (by default; a BOM is optional) and
# UTF-16 (a BOM, or '<' in two bytes), and wants the declaration to agree:
#   XmlException "The encoding in the declaration 'utf-8' does not match the encoding of the
#   document 'utf-16LE'." / "An XML declaration with an encoding is required for all non-UTF8
#   documents." (UTF-16 without a declaration, UTF-32 with a BOM) / "The data at the root
#   level is invalid." (UTF-32BE with a BOM).
BODY = f'<CustomerGroupDto xmlns="{CG_NS}"><Name>café €</Name></CustomerGroupDto>'
BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
LAYOUTS: dict[str, tuple[str, bytes]] = {  # name: (codec, byte order mark)
    "utf8": ("utf-8", b""),
    "utf8bom": ("utf-8", b"\xef\xbb\xbf"),
    "utf16le-bom": ("utf-16-le", b"\xff\xfe"),
    "utf16be-bom": ("utf-16-be", b"\xfe\xff"),
    "utf16le-nobom": ("utf-16-le", b""),
    "utf16be-nobom": ("utf-16-be", b""),
    "utf32le-bom": ("utf-32-le", b"\xff\xfe\x00\x00"),
    "utf32le-nobom": ("utf-32-le", b""),
    "utf32be-bom": ("utf-32-be", b"\x00\x00\xfe\xff"),
}
DECLARATIONS = [
    None,
    "utf-8",
    "UTF-8",
    "utf8",
    "utf-16",
    "UTF-16",
    "utf-16le",
    "UTF-16LE",
    "utf-16be",
    "unicode",
    "ucs-2",
    "iso-8859-1",
    "windows-1252",
    "us-ascii",
    "utf-32",
]
# Mono reads exactly these (layout, declaration) pairs; it refuses every other one
STREAM_READ = {
    *((layout, d) for layout in ("utf8", "utf8bom") for d in (None, "utf-8", "UTF-8")),
    *(
        (layout, d)
        for layout in ("utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom")
        for d in ("utf-16", "UTF-16")
    ),
    *((layout, d) for layout in ("utf16le-bom", "utf16le-nobom") for d in ("utf-16le", "UTF-16LE")),
    *((layout, "utf-16be") for layout in ("utf16be-bom", "utf16be-nobom")),
}


def _stream_cases() -> list[Case]:
    cases = []
    for layout, (codec, bom) in LAYOUTS.items():
        for declared in DECLARATIONS:
            prolog = "" if declared is None else f'<?xml version="1.0" encoding="{declared}"?>'
            payload = bom + (prolog + BODY).encode(codec)
            mono = group("café €") if (layout, declared) in STREAM_READ else REFUSED
            case = Case(f"{layout} declared {declared}", "stream", payload, mono)
            if declared is None and layout in ("utf16le-bom", "utf16be-bom"):
                case = Case(
                    case.label,
                    "stream",
                    payload,
                    mono,
                    group("café €"),
                    "a byte order mark says UTF-16 unambiguously; Web API's reader, given the "
                    "charset, reads it (decode_body relies on it)",
                )
            cases.append(case)
    latin1 = '<?xml version="1.0" encoding="iso-8859-1"?>' + BODY.replace(" €", "")
    cases.append(Case("latin1 declared", "stream", latin1.encode("latin-1"), REFUSED))
    return cases


STREAM_CASES = _stream_cases()


# ------------------------------------------------------- str: no encoding at all (issue 17 #12)
# XmlReader.Create(new StringReader(s)) ignores the declaration's encoding, whatever it names.
def _text_cases() -> list[Case]:
    cases = [
        Case(f"declared {declared}", "text", (prolog + BODY).encode(), group("café €"))
        for declared, prolog in [
            (None, ""),
            *(
                (name, f'<?xml version="1.0" encoding="{name}"?>')
                for name in (
                    "utf-8",
                    "utf-16",
                    "iso-8859-1",
                    "windows-1252",
                    "us-ascii",
                    "utf-32",
                    "ebcdic-cp-us",
                    "bogus",
                )
            ),
        ]
    ]
    malformed = "libxml2 refuses a declaration whose encoding name is malformed"
    cases += [
        Case(
            f"declared {name!r}",
            "text",
            f'<?xml version="1.0" encoding="{name}"?>{BODY}'.encode(),
            group("café €"),
            REFUSED,
            malformed,
        )
        for name in ("x y", "")
    ]
    cases.append(
        Case(
            "leading U+FEFF",
            "text",
            ("\ufeff" + BODY).encode(),
            REFUSED,  # XmlException "Data at the root level is invalid. Line 1, position 1."
            group("café €"),
            "a str read from a file with a byte order mark starts with U+FEFF; from_json(str) "
            "skips it too",
        )
    )
    return cases


TEXT_CASES = _text_cases()


# ------------------------------------------------------------ i:type on the root (issue 17 #15)
def _root(name: str, namespace: str, type_attr: str, body: str = "<Name>n</Name>") -> bytes:
    attributes = f'i:type="{type_attr}" xmlns:i="{XSI_NS}" xmlns="{namespace}"'
    return f"<{name} {attributes}>{body}</{name}>".encode()


ROOT_TYPE_CASES = [
    # SerializationException "... contains data of the 'http://schemas.datacontract.org/2004/
    # 07/System.Diagnostics:Process' data contract. The deserializer has no knowledge of any
    # type that maps to this contract. ..."
    Case(
        "Process",
        "roottype",
        _root(
            "CustomerGroupDto",
            CG_NS,
            'b:Process" xmlns:b="http://schemas.datacontract.org/2004/07/System.Diagnostics',
        ),
        REFUSED,
    ),
    Case("itself", "roottype", _root("CustomerGroupDto", CG_NS, "CustomerGroupDto"), group("n")),
    Case(
        "itself, prefixed",
        "roottype",
        _root("CustomerGroupDto", CG_NS, f'b:CustomerGroupDto" xmlns:b="{CG_NS}'),
        group("n"),
    ),
    Case(
        "an unrelated known contract",
        "roottype",
        _root("CustomerGroupDto", CG_NS, f'b:VehicleLightDto" xmlns:b="{DTO_NS}'),
        "VehicleLightDto",
        REFUSED,
        "a VehicleLightDto is not a CustomerGroupDto (Mono returns it anyway)",
    ),
    Case(
        "a primitive",
        "roottype",
        _root("CustomerGroupDto", CG_NS, 'b:int" xmlns:b="http://www.w3.org/2001/XMLSchema'),
        REFUSED,
    ),
    Case("undeclared prefix", "roottype", _root("CustomerGroupDto", CG_NS, "u:X"), REFUSED),
    Case(
        "a derived contract",
        "roottype",
        _root("VehicleBaseDto", DTO_NS, "VehicleLightDto", "<Tolerance>5</Tolerance>"),
        "VehicleLightDto",
    ),
    Case(
        "a base contract",
        "roottype",
        _root("VehicleLightDto", DTO_NS, "VehicleBaseDto", ""),
        "VehicleBaseDto",
        REFUSED,
        "a VehicleBaseDto is not a VehicleLightDto (Mono returns it anyway)",
    ),
]


def _root_class(payload: bytes) -> type:
    """The type ValueRules.cs reads a roottype payload as: the one its root element names."""
    for cls in (VehicleBaseDto, VehicleLightDto):
        if payload.startswith(f"<{cls.__name__} ".encode()):
            return cls
    return CustomerGroupDto


# ----------------------------------------------- Json.NET metadata in `object` (issue 17 #10)
# Json.NET takes $type, $id, $ref and $values (at the start of an object) as metadata: it
# drops or resolves them. netcontract refuses them anywhere in an object member.
META_CASES = [
    Case("$type first", "meta", b'{"Data":{"$type":"X","a":1}}', '{"a":1}', REFUSED, "metadata"),
    Case(
        "ObjectDataProvider",
        "meta",
        b'{"Data":{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","a":1}}',
        '{"a":1}',
        REFUSED,
        "metadata",
    ),
    Case("$id", "meta", b'{"Data":{"$id":"1","a":1}}', '{"a":1}', REFUSED, "metadata"),
    Case("$ref", "meta", b'{"Data":{"$ref":"1"}}', "null", REFUSED, "metadata"),
    Case("$values", "meta", b'{"Data":{"$values":[1]}}', "[1]", REFUSED, "metadata"),
    Case(
        "$type later",
        "meta",
        b'{"Data":{"a":1,"$type":"X"}}',
        '{"a":1,"$type":"X"}',
        REFUSED,
        "metadata wherever it is",
    ),
    Case(
        "$type nested",
        "meta",
        b'{"Data":{"a":{"$type":"X"}}}',
        '{"a":{"$type":"X"}}',
        REFUSED,
        "metadata at any depth",
    ),
    Case(
        "$type in an array",
        "meta",
        b'{"Data":[{"$type":"X"}]}',
        '[{"$type":"X"}]',
        REFUSED,
        "metadata at any depth",
    ),
    Case("$value", "meta", b'{"Data":{"$value":1}}', '{"$value":1}'),
    Case("$foo", "meta", b'{"Data":{"$foo":1}}', '{"$foo":1}'),
]


def _read_meta(case: Case) -> Iterator[str]:
    for data in (case.payload, case.payload.decode("utf-8")):
        try:
            obj = nc.from_json(data, ResponseDto)
        except nc.JsonPayloadError:
            yield REFUSED
            continue
        data_json = json.loads(nc.to_json(obj))["Data"]
        yield json.dumps(data_json, separators=(",", ":"))


# ------------------------------------------------------------------------ netcontract's side


def _read_xml(case: Case) -> Iterator[str]:
    """netcontract's answer, by every way it reads the payload (they must agree)."""
    data: bytes | str = case.payload.decode("utf-8") if case.kind == "text" else case.payload
    cls = _root_class(case.payload) if case.kind == "roottype" else CustomerGroupDto
    known = KNOWN  # ValueRules.cs's serializer-level known types
    readers: list[Callable[[], Any]] = [
        lambda: nc.from_xml(data, known_types=known),
        lambda: nc.from_xml(data, cls, known_types=known),
    ]
    if not case.schema_refuses:
        readers.append(lambda: nc.validate_xml(data, cls, known_types=known))
    else:
        with pytest.raises(nc.XmlPayloadError, match=case.schema_refuses):
            nc.validate_xml(data, cls, known_types=known)
    for read in readers:
        try:
            yield show(read())
        except nc.XmlPayloadError:
            yield REFUSED


def _netcontract(case: Case) -> list[str]:
    if case.kind == "enum":
        return list(_read_enum(case))
    if case.kind == "meta":
        return list(_read_meta(case))
    if case.kind == "names":
        return list(_read_names(case))
    return list(_read_xml(case))


TABLES = {
    "enum": ENUM_CASES,
    "names": NAME_CASES,
    "nil": NIL_CASES,
    "membertype": MEMBER_TYPE_CASES,
    "stream": STREAM_CASES,
    "text": TEXT_CASES,
    "roottype": ROOT_TYPE_CASES,
    "meta": META_CASES,
}
ALL_CASES = [case for cases in TABLES.values() for case in cases]


@pytest.mark.parametrize("case", ENUM_CASES, ids=lambda c: c.label)
def test_enum_strings_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", NAME_CASES, ids=lambda c: c.label)
def test_member_names_in_another_case_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", NIL_CASES, ids=lambda c: c.label)
def test_nil_forms_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", MEMBER_TYPE_CASES, ids=lambda c: c.label)
def test_member_types_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.label)
def test_byte_encodings_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.label)
def test_str_declared_encodings_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}
    if case.expected != REFUSED:  # the pytest helpers read a str the same way
        text = case.payload.decode("utf-8")
        assert xml_differences(text, BODY.encode("utf-8"), exact=False) == []


@pytest.mark.parametrize("case", ROOT_TYPE_CASES, ids=lambda c: c.label)
def test_root_type_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


@pytest.mark.parametrize("case", META_CASES, ids=lambda c: c.label)
def test_jsonnet_metadata_netcontract(case: Case) -> None:
    assert set(_netcontract(case)) == {case.expected}


# ------------------------------------------------------------------------------- Mono's side


@pytest.fixture(scope="module")
def value_rules(tmp_path_factory: pytest.TempPathFactory) -> Callable[[list[Case]], list[str]]:
    """Runs dotnet/ValueRules.cs on Mono: cases -> Mono's answers (REFUSED or the result)."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    build = tmp_path_factory.mktemp("value-rules")
    shutil.copyfile(newtonsoft, build / "Newtonsoft.Json.dll")
    exe = build / "ValueRules.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            "-r:System.Xml",
            f"-r:{build / 'Newtonsoft.Json.dll'}",
            str(DOTNET_DIR / "Contracts.cs"),
            str(DOTNET_DIR / "ValueRules.cs"),
        ],
        check=True,
        capture_output=True,
    )

    def run(cases: list[Case]) -> list[str]:
        lines = "".join(f"{c.kind}\t{base64.b64encode(c.payload).decode()}\n" for c in cases)
        done = subprocess.run(
            ["mono", str(exe)],
            input=lines.encode("ascii"),
            capture_output=True,
            check=True,
            cwd=build,
            env={"MONO_PATH": str(build), "TZ": "UTC", "PATH": os.environ.get("PATH", "")},
            timeout=120,
        )
        answers = done.stdout.decode("ascii").splitlines()
        assert len(answers) == len(cases), done.stderr
        return [_mono_answer(line) for line in answers]

    return run


def _mono_answer(line: str) -> str:
    status, _, result = line.partition("\t")
    # (non-ASCII is escaped as \\uXXXX, as json.dumps escapes it in the tables' names)
    return REFUSED if status == "refused" else result


@pytest.mark.interop
@pytest.mark.parametrize("cases", list(TABLES.values()), ids=list(TABLES))
def test_mono_still_answers_what_the_tables_say(
    value_rules: Callable[[list[Case]], list[str]], cases: list[Case]
) -> None:
    answers = value_rules(cases)
    wrong = [
        f"{case.label}: table {case.mono!r}, Mono {answer!r}"
        for case, answer in zip(cases, answers, strict=True)
        if answer != case.mono
    ]
    assert not wrong, "\n".join(wrong)


def test_every_deviation_from_mono_says_why() -> None:
    for case in ALL_CASES:
        assert (case.netcontract is None) == (case.why == ""), case.label
        assert case.netcontract != case.mono, case.label


def test_the_tables_cover_the_forms_the_issues_name() -> None:
    labels = {c.label for c in ALL_CASES}
    assert {"'--1'", "'+-0'", "' 5'", "'+5'", "'-0'", "'5,6'"} <= labels
    assert {f"Name nil={v!r}" for v in (" true ", "1", "0", "false", "TRUE", "")} <= labels
    assert {"Vehicles nil=' true '", "Vehicles nil='1'"} <= labels  # (issue 20)
    assert {"Process", "$type first", "utf16le-bom declared utf-8", "declared utf-16"} <= labels
    assert Path(DOTNET_DIR / "ValueRules.cs").is_file()
