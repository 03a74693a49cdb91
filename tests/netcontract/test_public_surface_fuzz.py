"""Any input to any public reading function ends in a value or a NetContractError (issue 17).

The whole public surface: ``from_json``, ``from_xml`` (also ``strict``), ``validate_xml``,
``from_form`` and ``decode_body`` (every content type), each given bytes and ``str``, for
the Vehizen contracts and a contract whose class refuses values itself. Inputs: mutated
valid documents (JSON, XML, forms), random bytes and text, and structured junk (JSON trees
with metadata names and lone surrogates, XML trees with odd ``i:nil``/``i:type``, encodings
and declarations). Besides the exception's class, its text must be writable by any encoder
(the CLI and the stand-in server print it) and each problem one line, and what was read must
be writable again or refused with a SerializationError.

CI runs a few thousand inputs; a dedicated run raises the count, e.g.

    NETCONTRACT_SURFACE_EXAMPLES=25000 .venv/bin/python -m pytest \\
        tests/netcontract/test_public_surface_fuzz.py -p no:cacheprovider

(four tests, so 100,000 inputs in all).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.cli import main as cli_main
from vehizen import CameraType, CustomerGroupDto, ResponseDto, VehicleBaseDto, VehicleLightDto

EXAMPLES = int(os.environ.get("NETCONTRACT_SURFACE_EXAMPLES", "600"))
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@nc.contract("Probe.Surface")
class Fussy:
    """A contract whose class refuses values itself, with the member kinds Vehizen lacks."""

    count: nc.Int64 = attrs.field(default=0, validator=attrs.validators.le(10**12))
    amount: object = nc.member("Amount", default=None)
    numbers: list[int] | None = nc.member("Numbers", default=None)
    camera: CameraType | None = nc.member("Camera", default=None)

    def __attrs_post_init__(self) -> None:
        if self.numbers and 13 in self.numbers:
            raise KeyError("13")


TYPES: list[Any] = [
    CustomerGroupDto,
    ResponseDto,
    VehicleLightDto,
    VehicleBaseDto,
    ResponseDto[CustomerGroupDto],
    Fussy,
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-16",
    "text/json; charset=UTF-8",
    "application/xml",
    "text/xml; charset=utf-16",
    "application/xml; charset=iso-8859-1",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "multipart/form-data",
    "application/json; charset",
    "",
    None,
]


def _seeds() -> list[bytes]:
    seeds = [
        p.read_bytes() for p in sorted(FIXTURES.glob("*.json")) + sorted(FIXTURES.glob("*.xml"))
    ]
    group = nc.from_json((FIXTURES / "customer_group.json").read_bytes(), CustomerGroupDto)
    seeds += [nc.to_form(group), nc.to_form(group, style="mvc")]
    seeds.append(nc.to_xml(group).decode().encode("utf-16"))  # UTF-16 with a BOM
    seeds.append(nc.to_xml(Fussy(count=5, amount=1.5, numbers=[1, 2])))
    seeds.append(nc.to_json(Fussy(count=5, amount={"a": [1, None]}, numbers=[1, 2])))
    return seeds


SEEDS = _seeds()
TOKENS = [
    b"<!DOCTYPE x [<!ENTITY e 'v'>]>",
    b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00\x00\xfe\xff",
    b"\xef\xbb\xbf",
    b"&e;",
    b"&#x1;",
    b"&#xD800;",
    b"<![CDATA[x]]>",
    b' i:nil="true"',
    b' i:nil="TRUE"',
    b' i:nil=""',
    b' i:type="d2p1:guid"',
    b' i:type="b:Process" xmlns:b="http://schemas.datacontract.org/2004/07/System.Diagnostics"',
    b' i:type="VehicleLightDto"',
    b' xmlns:d2p1="http://www.w3.org/2001/XMLSchema"',
    b"\xff",
    b"\xed\xa0\x80",
    b"\x00",
    b'"\\ud800"',
    b'"\\udc00\\ud800"',
    b"1e400",
    b"1e999999999999999999999",
    b"-1E-99999999999999999999",
    b"NaN",
    b"-0",
    b"2147483648",
    b"9" * 50,
    b'"--1"',
    b'"+-0"',
    b'" 5"',
    b'"A,B"',
    b"null",
    b'"$type"',
    b'{"$ref":"1"}',
    b'{"$values":[]}',
    b"[[[[[[[[",
    b"{}",
    b'""',
    b"<x>",
    b"</x>",
    b"%5B",
    b"[0]",
    b"[]",
    b"=",
    b"&",
    b"%FF",
    b"%uD800",
    b"+",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "token", "token"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "replace":
            data[position : position + 1] = draw(st.binary(min_size=1, max_size=1))
        else:
            data[position:position] = draw(st.sampled_from(TOKENS))
    return bytes(data)


MEMBER_NAMES = [
    "Vehicles",
    "IdWS",
    "Name",
    "Data",
    "Errors",
    "Id",
    "CameraType",
    "FullName",
    "Count",
    "Amount",
    "Numbers",
    "Camera",
    "x",
    "$type",
    "$ref",
    "$id",
    "$values",
    "$value",
    "\ud800",
    "na\udc00me",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.decimals(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["--1", "+-0", " 5", "WITHOUT_CAMERA,WITHOUT_CAMERA", "\ud800", "13"])
)


@st.composite
def json_junk(draw: st.DrawFn) -> bytes:
    """A JSON tree with member names of the contracts, metadata names and lone surrogates."""
    tree = draw(
        st.recursive(
            SCALARS,
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.sampled_from(MEMBER_NAMES), inner, max_size=5)
            ),
            max_leaves=25,
        )
    )
    text = json.dumps(tree, ensure_ascii=draw(st.booleans()), default=str)
    return text.encode("utf-8", "surrogatepass")


XML_NAMES = [
    "CustomerGroupDto",
    "ResponseDto",
    "VehicleLightDto",
    "VehicleBaseDto",
    "Fussy",
    "Name",
    "Id",
    "Vehicles",
    "Data",
    "Errors",
    "string",
    "Numbers",
    "int",
    "Count",
    "Amount",
    "IdWS",
    "CameraType",
]
XML_NAMESPACES = [
    "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup",
    "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto",
    "http://schemas.datacontract.org/2004/07/Probe.Surface",
    "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
    "http://www.w3.org/2001/XMLSchema",
]
ATTRIBUTES = [
    'i:nil="true"',
    'i:nil="1"',
    'i:nil="false"',
    'i:nil="TRUE"',
    'i:nil="yes"',
    'i:nil=""',
    'i:type="b:int"',
    'i:type="b:string"',
    'i:type="b:anyType"',
    'i:type="b:Process"',
    'i:type="VehicleLightDto"',
    'i:type="b:VehicleLightDto"',
    'i:type="u:x"',
    'i:type=""',
]


@st.composite
def xml_junk(draw: st.DrawFn) -> bytes:
    """An XML tree of contract element names, namespaces, i:nil and i:type attributes, in an
    encoding (or a str encoded as declared) that may or may not be the declared one."""

    def element(depth: int) -> str:
        name = draw(st.sampled_from(XML_NAMES))
        namespace = draw(st.sampled_from(XML_NAMESPACES))
        attributes = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2, unique=True))
        head = f'<{name} xmlns="{namespace}" ' + " ".join(attributes)
        if depth > 3 or draw(st.booleans()):
            text = draw(
                st.sampled_from(["", "5", "x", "-0", "2147483648", "WITHOUT_CAMERA", " 1 "])
            )
            return f"{head}>{text}</{name}>"
        children = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"{head}>{children}</{name}>"

    root = element(0).replace(
        " ",
        ' xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:b="http://www.w3.org/2001/XMLSchema" ',
        1,
    )
    declared = draw(st.sampled_from([None, "utf-8", "utf-16", "UTF-16LE", "iso-8859-1", "utf-32"]))
    prolog = "" if declared is None else f'<?xml version="1.0" encoding="{declared}"?>'
    codec = draw(
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
    )
    return (prolog + root).encode(codec)


@st.composite
def form_junk(draw: st.DrawFn) -> bytes:
    keys = st.sampled_from(
        [
            "Name",
            "Vehicles[0][IdWS]",
            "Vehicles[0].CameraType",
            "Vehicles[]",
            "Data",
            "Id",
            "Vehicles[0][ExternalInterfaces][0][Name]",
            "Numbers[]",
            "Count",
            "[",
            "]",
            "%5B0%5D",
        ]
    )
    values = st.sampled_from(["", "x", "5", "--1", "%FF", "%ud800", "true", "1e400", "%00"])
    pairs = draw(st.lists(st.tuples(keys, values), max_size=6))
    return "&".join(f"{k}={v}" for k, v in pairs).encode()


def _texts(data: bytes) -> list[str]:
    """``str`` versions of the bytes: as UTF-8 (undecodable bytes as lone surrogates) and
    as Latin-1."""
    return [data.decode("utf-8", "surrogateescape"), data.decode("latin-1")]


def _check_error(exc: nc.NetContractError) -> None:
    assert str(exc)  # every refusal says something
    str(exc).encode("utf-8")  # and can be printed
    for problem in getattr(exc, "problems", ()):
        assert isinstance(problem, nc.Problem)
        # one line per problem, as the CLI prints them, with no terminal escape
        assert not {"\n", "\r", "\x1b"} & set(str(problem)), str(problem)


def _written_back(obj: Any) -> None:
    for write in (nc.to_json, nc.to_xml, nc.to_form):
        with contextlib.suppress(nc.SerializationError):
            write(obj)


def _attempt(read: Callable[[], Any]) -> None:
    try:
        obj = read()
    except nc.NetContractError as exc:
        _check_error(exc)
        return
    _written_back(obj)


def read_everywhere(data: bytes, cls: Any, content_type: str | None) -> None:
    """Every public reading function, on the bytes and on str versions of them."""
    for text in (data, *_texts(data)):
        _attempt(lambda text=text: nc.from_json(text, cls))
        _attempt(lambda text=text: nc.from_xml(text))
        _attempt(lambda text=text: nc.from_xml(text, cls, strict=True))
        _attempt(lambda text=text: nc.from_form(text, cls))
    _attempt(lambda: nc.validate_xml(data))
    _attempt(lambda: nc.validate_xml(data.decode("utf-8", "surrogateescape"), cls))
    _attempt(lambda: nc.decode_body(data, content_type, cls))
    _command_line(data, cls)


def _command_line(data: bytes, cls: Any) -> None:
    """``netcontract convert`` and ``validate`` on stdin: 0 or 1 (refused), one line per
    problem, never 70 (an internal error) or a traceback."""
    name = getattr(cls, "__origin__", cls).__name__
    for argv in (["convert", "--type", name, "-"], ["convert", "-"], ["validate", "-"]):
        stdout, stderr = io.BytesIO(), io.StringIO()
        status = cli_main(argv, stdin=io.BytesIO(data), stdout=stdout, stderr=stderr)
        err = stderr.getvalue()
        assert status in (0, 1, 2), (argv, status, err)  # 2: the format cannot be told
        assert "Traceback" not in err and "internal error" not in err, err
        assert (status == 0) == (not err), (argv, status, err)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
CLASSES = st.sampled_from(TYPES)
MEDIA = st.sampled_from(CONTENT_TYPES)


@FUZZ
@given(mutated(), CLASSES, MEDIA)
def test_mutated_documents_end_in_a_value_or_a_netcontract_error(
    data: bytes, cls: Any, content_type: str | None
) -> None:
    read_everywhere(data, cls, content_type)


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=100).map(str.encode), CLASSES, MEDIA)
def test_random_bytes_end_in_a_value_or_a_netcontract_error(
    data: bytes, cls: Any, content_type: str | None
) -> None:
    read_everywhere(data, cls, content_type)


@FUZZ
@given(json_junk() | form_junk(), CLASSES, MEDIA)
def test_structured_json_and_forms_end_in_a_value_or_a_netcontract_error(
    data: bytes, cls: Any, content_type: str | None
) -> None:
    read_everywhere(data, cls, content_type)


@FUZZ
@given(xml_junk(), CLASSES, MEDIA)
def test_structured_xml_ends_in_a_value_or_a_netcontract_error(
    data: bytes, cls: Any, content_type: str | None
) -> None:
    read_everywhere(data, cls, content_type)
