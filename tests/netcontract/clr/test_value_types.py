"""The registry of .NET value types, and the code snippets each one gives the generated paths.

Each snippet (``xml_fast_parse``, ``xml_fast_text``, ``json_fast_value``, ``json_fast_read``,
``msgspec_type`` + ``msgspec_convert``) is compiled here as the generated readers and writers
inline it, and run on the value type's own strategy and on odd values: where it applies, it
must give what the value type's reference codec gives; where the reference codec refuses, it
must not apply (or raise ValueError/TypeError, which sends the value to the reference code);
on the canonical forms .NET writes it must apply (a fast path that never applies is a
silent slowdown).
"""

from __future__ import annotations

import decimal
import enum
import math
import uuid
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr import compiled, numbers
from netcontract.clr import value_types as vt
from netcontract.clr.objects import Boxed
from netcontract.clr.value_types import Snippet, ValueType, check_no_lone_surrogate
from netcontract.codegen import Source
from netcontract.json.text import dumps_jsonnet, loads_strict
from netcontract.model.wire import PrimitiveType, resolve_annotation
from netcontract.xml.write import escape_text

ALL: list[ValueType] = list(vt.value_types())
IDS = [t.clr_name for t in ALL]
#: the value types whose XML is element text (DateTimeOffset's is child elements, an
#: XmlQualifiedName's depends on the namespaces in scope: test_qname.py)
TEXT: list[ValueType] = [t for t in ALL if t.xml_children is None and not t.xml_qualified]
TEXT_IDS = [t.clr_name for t in TEXT]

#: refused or differently read by some value type: each snippet must agree with its codec
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    65,
    255,
    256,
    -129,
    2**15,
    2**31,
    -(2**31) - 1,
    2**63,
    2**64,
    -(2**63) - 1,
    0.0,
    -0.0,
    1.5,
    math.nan,
    math.inf,
    2.0**53 + 1,
    decimal.Decimal("1.50"),
    decimal.Decimal("-0"),
    decimal.Decimal("1E+400"),
    decimal.Decimal("79228162514264337593543950336"),
    "",
    " ",
    "A",
    "AB",
    "5",
    " 5",
    "+5",
    "05",
    "5.0",
    "1E+15",
    "INF",
    "-INF",
    "NaN",
    "Infinity",
    "true",
    "True",
    " true ",
    "1",
    "0",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "0F8FAD5BD9CB469FA16570867728950E",
    "{0f8fad5b-d9cb-469f-a165-70867728950e}",
    " 0f8fad5b-d9cb-469f-a165-70867728950e",
    "2024-01-02T03:04:05",
    "2024-01-02T03:04:05.1234567Z",
    "2024-01-02T03:04:05+05:30",
    " 2024-01-02T03:04:05",
    "2024-01-02",
    "\u2028",
    "é",
    "\U0001f600",
    "\ud800",
    "a:b",
    [],
    {},
    uuid.UUID(int=5),
    nc.DateTime(5),
    nc.AnyObject(),
]

TEXTS: list[str] = [v for v in ODD_VALUES if type(v) is str] + ["\t5\n", "x" * 30, "9" * 25]


def outcome(call: Any, *args: Any) -> tuple[str, Any]:
    """("ok", result) or ("refused", exception type) for a codec call."""
    try:
        return "ok", call(*args)
    except (ValueError, TypeError) as exc:
        return "refused", type(exc)


MISS = object()


def compile_snippet(snippet: Snippet | None, var: str, src: Source) -> Any:
    """A function running ``snippet`` as generated code does: MISS where it does not apply."""
    if snippet is None:
        return lambda value: MISS
    src.line(0, f"def run({var}):")
    src.line(1, f"if not ({snippet.condition}): return {src.const(MISS, 'MISS')}")
    for statement in snippet.setup:
        src.line(1, statement)
    src.line(1, f"return {snippet.expression or var}")
    return src.compile("run")


def run(function: Any, value: Any) -> tuple[str, Any]:
    try:
        result = function(value)
    except (ValueError, TypeError):
        return "declined", None
    return ("declined", None) if result is MISS else ("ok", result)


def identical(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if type(a) is decimal.Decimal:
        return bool(a.as_tuple() == b.as_tuple())
    return bool(a == b)


def values_of(value_type: ValueType) -> st.SearchStrategy[Any]:
    return value_type.strategy(local_offsets=st.just(0))


# ----------------------------------------------------------------------------- the registry


@pytest.mark.parametrize("value_type", ALL, ids=IDS)
def test_each_value_type_is_found_by_its_contract_name(value_type: ValueType) -> None:
    assert vt.by_contract_name(value_type.namespace, value_type.contract_name) is value_type
    assert vt.CONTRACT_NAMES[value_type.namespace, value_type.contract_name] is value_type
    # XS or SER; a complex value's namespace is its contract's (DateTimeOffset: System)
    assert value_type.namespace in (vt.XS, vt.SER) or value_type.xml_children is not None


def test_plain_annotations_resolve_through_the_registry() -> None:
    expected = {
        str: vt.STRING,
        bool: vt.BOOLEAN,
        int: vt.INT32,
        float: vt.DOUBLE,
        decimal.Decimal: vt.DECIMAL,
        uuid.UUID: vt.GUID,
        nc.DateTime: vt.DATETIME,
    }
    for annotation, value_type in expected.items():
        assert vt.for_annotation(annotation) is value_type
        wire = resolve_annotation(annotation).wire
        assert isinstance(wire, PrimitiveType) and wire.primitive is value_type
    for marked, value_type in ((nc.Int64, vt.INT64), (nc.Byte, vt.BYTE), (nc.UInt64, vt.UINT64)):
        wire = resolve_annotation(marked).wire
        assert isinstance(wire, PrimitiveType) and wire.primitive is value_type


def test_object_members_box_what_the_python_type_cannot_tell() -> None:
    # a plain int in an object member is an Int64 (Json.NET reads integers as long)
    assert vt.box(5, vt.INT64) == 5 and type(vt.box(5, vt.INT64)) is int
    assert vt.box(5, vt.INT32) == Boxed(5, vt.INT32)
    assert vt.box(1.5, vt.DOUBLE) == 1.5
    assert vt.box("x", vt.STRING) == "x"
    assert vt.for_untyped_value(int) is vt.INT64
    # bytes in an object member is a byte[] (i:type xs:base64Binary, Mono); bytearray is nothing
    assert vt.for_untyped_value(bytes) is vt.BYTES
    assert vt.for_untyped_value(bytearray) is None


def test_a_contract_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="taken"):
        vt.register(vt.IntegerType("Int32", "int", 0, 1, "index"))
    assert vt.by_contract_name(vt.XS, "int") is vt.INT32


@pytest.mark.parametrize("value_type", TEXT, ids=TEXT_IDS)
@given(data=st.data())
def test_strategy_draws_values_the_type_accepts(value_type: ValueType, data: Any) -> None:
    value = data.draw(values_of(value_type))
    assert identical(value_type.check(value), value)
    text = value_type.xml_text(value)
    # the text reads back into a value written with the same text ("R" text reads back one
    # unit away for some doubles, as in .NET: clr.numbers)
    assert value_type.xml_text(value_type.xml_parse(text)) == text or value_type is vt.DOUBLE


@given(data=st.data())
def test_complex_values_read_back_from_their_children(data: Any) -> None:
    for value_type in ALL:
        if value_type.xml_children is not None:
            value = data.draw(values_of(value_type))
            texts = value_type.xml_child_texts(value_type.check(value))
            assert len(texts) == len(value_type.xml_children)
            assert identical(value_type.xml_from_children(texts), value)
            assert value_type.xml_fast_text(Source("test", "x"), "v") is None


def test_integer_strategies_reach_both_ends() -> None:
    for t in ALL:
        if isinstance(t, vt.IntegerType):
            assert t.check(t.lo) == t.lo and t.check(t.hi) == t.hi
            with pytest.raises(ValueError):
                t.check(t.lo - 1)
            with pytest.raises(ValueError):
                t.check(t.hi + 1)


# ----------------------------------------------------------------------------- snippets


@pytest.mark.parametrize("value_type", TEXT, ids=TEXT_IDS)
@given(data=st.data())
def test_xml_fast_parse_reads_what_xml_parse_reads(value_type: ValueType, data: Any) -> None:
    src = Source("test", value_type.clr_name)
    fast = compile_snippet(Snippet("True", value_type.xml_fast_parse(src, "x")), "x", src)
    value = data.draw(values_of(value_type))
    canonical = value_type.xml_text(value)
    status, result = run(fast, canonical)
    assert status == "ok", canonical  # the text .NET writes takes the fast path
    assert identical(result, value_type.xml_parse(canonical))
    for text in [*TEXTS, " " + canonical, canonical + "\n", "+" + canonical, "0" + canonical]:
        status, result = run(fast, text)
        if status == "ok":
            assert outcome(value_type.xml_parse, text) == ("ok", result) or identical(
                value_type.xml_parse(text), result
            ), text


@pytest.mark.parametrize("value_type", TEXT, ids=TEXT_IDS)
@given(data=st.data())
def test_xml_fast_text_writes_what_xml_text_writes(value_type: ValueType, data: Any) -> None:
    src = Source("test", value_type.clr_name)
    fast = compile_snippet(value_type.xml_fast_text(src, "v"), "v", src)

    def written(result: Any) -> tuple[str, Any]:
        # the caller formats the result in an f-string; with xml_escapes, it escapes and
        # checks the text too (the XML writer's rule)
        if value_type.xml_escapes:
            return outcome(lambda text: escape_text(check_no_lone_surrogate(text)), result)
        return "ok", f"{result}"

    def expected(value: Any) -> tuple[str, Any]:
        return outcome(lambda v: written(value_type.xml_text(value_type.check(v)))[1], value)

    value = data.draw(values_of(value_type))
    status, result = run(fast, value)
    assert status == "ok", value
    assert written(result) == expected(value)
    for odd in ODD_VALUES:
        status, result = run(fast, odd)
        if status == "ok":
            assert written(result) == expected(odd), odd


def json_text(value_type: ValueType, value: Any) -> bytes:
    return dumps_jsonnet(value_type.json_value(value_type.check(value))).encode()


@pytest.mark.parametrize("value_type", ALL, ids=IDS)
@given(data=st.data())
def test_json_fast_value_encodes_as_json_value(value_type: ValueType, data: Any) -> None:
    src = Source("test", value_type.clr_name)
    snippet = value_type.json_fast_value(src, "v")
    fast = compile_snippet(snippet, "v", src)

    def encoded(result: Any) -> bytes:
        assert snippet is not None
        if snippet.raw:
            assert type(result) is str
            return result.encode()
        if snippet.text and type(result) is str and not result.isascii():
            # the caller escapes U+0085, U+2028 and U+2029 itself (and refuses lone
            # surrogates): compare the text
            return dumps_jsonnet(check_no_lone_surrogate(result)).encode()
        return msgspec.json.encode(result)

    value = data.draw(values_of(value_type))
    status, result = run(fast, value)
    if snippet is not None:
        assert status == "ok", value
        assert outcome(encoded, result) == outcome(json_text, value_type, value)
    for odd in ODD_VALUES:
        status, result = run(fast, odd)
        if status == "ok":
            assert outcome(encoded, result) == outcome(json_text, value_type, odd), odd


def parsed_json_values(value_type: ValueType, value: Any) -> list[Any]:
    """What the JSON readers meet: the canonical JSON of ``value`` and odd JSON values."""
    canonical = loads_strict(json_text(value_type, value))
    # msgspec decodes no lone surrogate (loads_fast leaves those documents to loads_strict)
    odd = [v for v in ODD_VALUES if type(v) in (str, int, bool, list, dict) and v != "\ud800"]
    return [canonical, *odd]


@pytest.mark.parametrize("value_type", ALL, ids=IDS)
@given(data=st.data())
def test_json_fast_read_reads_what_json_parse_reads(value_type: ValueType, data: Any) -> None:
    src = Source("test", value_type.clr_name)
    snippet = value_type.json_fast_read(src, "v")
    fast = compile_snippet(snippet, "v", src)
    value = data.draw(values_of(value_type))
    canonical, *odd = parsed_json_values(value_type, value)
    status, result = run(fast, canonical)
    # Json.NET's text of a value is read on the fast path (but a Double's or Single's
    # "NaN"/"Infinity", which are strings: the reference reader's)
    if snippet is not None and not (
        value_type in (vt.DOUBLE, vt.SINGLE) and type(canonical) is str
    ):
        assert status == "ok", canonical
    for item in [canonical, *odd, *(decimal.Decimal(t) for t in ("1.5", "-0.0", "1E+15"))]:
        status, result = run(fast, item)
        if status == "ok":
            assert identical(result, value_type.json_parse(item)), item


@pytest.mark.parametrize("value_type", ALL, ids=IDS)
@given(data=st.data())
def test_msgspec_field_reads_what_json_parse_reads(value_type: ValueType, data: Any) -> None:
    field_type = value_type.msgspec_type()
    if field_type is None:
        return  # a msgspec.Raw field, read by json_fast_read (tested above)
    decoder = msgspec.json.Decoder(
        msgspec.defstruct("S", [("f", field_type)], forbid_unknown_fields=True)
    )
    src = Source("test", value_type.clr_name)
    convert = value_type.msgspec_convert(src, "v")
    fast = compile_snippet(convert, "v", src) if convert is not None else (lambda v: v)
    value = data.draw(values_of(value_type))
    documents = [b'{"f":' + json_text(value_type, value) + b"}"]
    for odd in ODD_VALUES:
        try:
            documents.append(b'{"f":' + msgspec.json.encode(odd) + b"}")
        except (TypeError, UnicodeEncodeError):
            continue
    documents.append(b'{"f":"\\ud800"}')
    for index, document in enumerate(documents):
        try:
            decoded = decoder.decode(document).f
        except (msgspec.ValidationError, msgspec.DecodeError):
            assert index > 0, document  # what .NET writes is read here
            continue
        status, result = run(fast, decoded)
        if status == "ok":
            assert identical(result, value_type.json_parse(loads_strict(document)["f"])), document
        else:
            assert index > 0 or not decoded, document


# -- what the messages say (mutation testing found them unchecked) ------------------------------


@nc.contract("NetContract.Tests.ValueTypes")
class Described:
    i: int = nc.member("I", default=0)
    b: bytes | None = nc.member("B", default=None)
    o: nc.DateTimeOffset | None = nc.member("O", default=None)
    flag: bool = nc.member("Flag", default=False)
    u: nc.Uri | None = nc.member("U", default=None)
    g: uuid.UUID | None = nc.member("G", default=None)
    d: float = nc.member("D", default=0.0)
    s: str | None = nc.member("S", default=None)
    t: nc.DateTime | None = nc.member("T", default=None)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"G":5}', "G: expected a GUID string, got the number 5"),
        (b'{"G":[]}', "G: expected a GUID string, got an array"),
        (b'{"D":true}', "D: expected a number (Double), got true"),
        (b'{"D":{}}', "D: expected a number (Double), got an object"),
        (b'{"S":5}', "S: expected a string, got the number 5"),
        (b'{"S":false}', "S: expected a string, got false"),
        (b'{"T":5}', "T: expected a date string, got the number 5"),
        (b'{"T":[1]}', "T: expected a date string, got an array"),
        (b'{"I":true}', "I: expected an integer (Int32), got true"),
        (b'{"I":false}', "I: expected an integer (Int32), got false"),
        (b'{"I":[1]}', "I: expected an integer (Int32), got an array"),
        (b'{"I":{}}', "I: expected an integer (Int32), got an object"),
        (b'{"I":1.5}', "I: expected an integer (Int32), got the number 1.5"),
        (b'{"B":[true]}', "B: expected an integer 0..255 in a byte[] array, got true"),
        (b'{"B":5}', "B: expected a base64 string (byte[]), got the number 5"),
        (b'{"B":"A"}', "B: the string is not valid base64 (byte[])"),
        (b'{"Flag":5}', "Flag: expected true or false, got the number 5"),
        (b'{"U":5}', "U: expected a URI string, got the number 5"),
    ],
)
def test_json_refusals_describe_the_value_read(data: bytes, says: str) -> None:
    for payload in (data, data.decode()):  # the generated and the reference paths
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Described)
        assert str(refused.value.problems[0]) == says


def test_writing_refusals_describe_the_python_value() -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_json(Described(i=frozenset([1])))  # type: ignore[arg-type]
    assert "got frozenset frozenset({1})" in str(refused.value)


def test_datetimeoffset_text_in_xml_is_refused_naming_its_elements() -> None:
    data = (
        b'<Described xmlns="http://schemas.datacontract.org/2004/07/NetContract.Tests.ValueTypes">'
        b"<O>2024-01-02T03:04:05Z</O></Described>"
    )
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(data, Described)
    assert "expected the elements DateTime and OffsetMinutes, found text" in str(refused.value)
    # the value type says the same to a caller that gives it text
    with pytest.raises(ValueError) as refused_text:
        vt.DATETIMEOFFSET.xml_parse("2024-01-02T03:04:05Z")
    assert str(refused_text.value) == "expected the elements DateTime and OffsetMinutes, found text"


def test_qualified_names_have_no_text_without_the_namespaces_in_scope() -> None:
    qname_type = vt.by_contract_name("http://www.w3.org/2001/XMLSchema", "QName")
    assert qname_type is not None
    for call in (
        lambda: qname_type.xml_text(nc.XmlQualifiedName("a", "urn:x")),
        lambda: qname_type.xml_parse("p:a"),
    ):
        with pytest.raises(ValueError, match=r"^an xs:QName's text depends on the namespaces"):
            call()


def test_single_form_values_with_group_separators_are_refused_with_the_text() -> None:
    with pytest.raises(ValueError, match=r"^'1,5' is not a valid Single$"):
        vt.SINGLE.form_parse("1,5")


def test_double_raw_read_calls_the_compiled_plain_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    src = Source("test", "Double")
    monkeypatch.setattr(compiled, "ACTIVE", False)
    assert vt.DOUBLE.json_raw_read(src, "v") is None  # the pure function is the long way
    monkeypatch.setattr(compiled, "ACTIVE", True)
    expression = vt.DOUBLE.json_raw_read(src, "v")
    assert expression is not None
    name, rest = expression.split("(", 1)
    assert rest == "v)"
    assert src.globals[name] is numbers.parse_double_json_plain


def test_uri_json_is_escaped_as_any_string() -> None:
    # Json.NET writes a Uri's OriginalString as a string: the escapes of test_byte_rules.py
    @nc.contract("NetContract.Tests.ValueTypes")
    class Link:
        u: nc.Uri | None = nc.member("U", default=None)
        s: str | None = nc.member("S", default=None)

    for text in ("a\u2028b", "a\u2029b", "http://e.com/\x85", 'x"\\y', "a\x1fb"):
        written = nc.to_json(Link(u=nc.Uri(text), s=text))
        value = written[written.index(b'"U":') + 4 : written.index(b',"S":')]
        assert written.endswith(b'"S":' + value + b"}"), text


@nc.contract("NetContract.Tests.ValueTypes")
class Lossy:
    s: str | None = nc.member("S", default=None)
    b: bytes | None = nc.member("B", default=None)
    c: nc.Char = nc.member("C", default="A")
    u: nc.Uri | None = nc.member("U", default=None)
    at: nc.DateTime | None = nc.member("At", default=None)


@pytest.mark.parametrize(
    ("obj", "says"),
    [
        (
            Lossy(s=" "),
            "S: an empty or white-space string cannot be written in a form: Web API binds it as"
            " null",
        ),
        (
            Lossy(b=b""),
            "B: an empty byte[] cannot be written in a form: Web API binds it as null",
        ),
        (
            Lossy(c="\t"),
            "C: the white-space Char U+0009 cannot be written in a form: Web API binds it as null"
            " (a Char member keeps U+0000)",
        ),
        (
            Lossy(u=nc.Uri("")),
            "U: an empty or white-space Uri cannot be written in a form: Web API binds null",
        ),
        (
            Lossy(at=nc.DateTime.parse("2024-01-02T03:04:05Z")),
            "At: a DateTime of kind Utc cannot be written in a form: Web API binds it as kind"
            " Local (the same instant)",
        ),
    ],
)
def test_form_losses_say_what_web_api_binds(obj: Lossy, says: str) -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_form(obj)
    assert [str(p) for p in refused.value.problems] == [
        says + " (to_form(..., lossy=True) sends it)"
    ]


def test_bytes_refusals_say_what_was_expected() -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_json(Lossy(b="AAE="))  # type: ignore[arg-type]
    assert "expected bytes (byte[]), got the string 'AAE='" in str(refused.value)
    data = b'<Lossy xmlns="http://schemas.datacontract.org/2004/07/NetContract.Tests.ValueTypes">'
    with pytest.raises(nc.XmlPayloadError) as bad:
        nc.from_xml(data + b"<B>AA=A</B></Lossy>", Lossy)
    assert "B: not base64: 'AA=A' at offset 0 is not valid base64" in str(bad.value)


def test_single_json_reads_the_bare_tokens_and_names_what_it_refuses() -> None:
    assert math.isnan(vt.SINGLE.json_parse(math.nan))  # the reference parser's NaN token
    assert vt.SINGLE.json_parse(-math.inf) == -math.inf
    with pytest.raises(TypeError, match=r"^expected a number \(Single\), got true$"):
        vt.SINGLE.json_parse(True)


@nc.contract("NetContract.Tests.ValueTypes")
class Stamped:
    at: nc.DateTime | None = nc.member("At", default=None)
    id: uuid.UUID | None = nc.member("Id", default=None)
    c: nc.Char = nc.member("C", default="A")
    o: nc.DateTimeOffset | None = nc.member("O", default=None)


@pytest.mark.parametrize(
    "inner",
    [
        "<At>X2024-01-02T03:04:05Z</At>",  # Mono refuses
        "<Id>X00000000-0000-0000-0000-000000000001</Id>",
        # Mono trims U+00A0 (its XmlConvert uses String.Trim); .NET Framework's trims XML
        # white space only, as netcontract does (README, "Behaviours chosen where .NET is lossy")
        "<At>\u00a02024-01-02T03:04:05Z</At>",
    ],
)
def test_xml_values_are_trimmed_of_xml_white_space_only(inner: str) -> None:
    data = f'<Stamped xmlns="http://schemas.datacontract.org/2004/07/NetContract.Tests.ValueTypes">{inner}</Stamped>'
    with pytest.raises(nc.XmlPayloadError):
        nc.from_xml(data.encode(), Stamped)


def test_xml_guid_is_trimmed_as_guid_parse_trims() -> None:
    # a Guid is the exception: Guid.Parse trims with String.Trim after XmlConverter's XML
    # trim, on .NET Framework (its reference source) as on Mono (GuidTexts.cs)
    ns = "http://schemas.datacontract.org/2004/07/NetContract.Tests.ValueTypes"
    guid = "\u00a000000000-0000-0000-0000-000000000001\u2003"
    data = f'<Stamped xmlns="{ns}"><Id>{guid}</Id></Stamped>'
    assert nc.from_xml(data.encode(), Stamped).id == uuid.UUID(int=1)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Mono: Json.NET's Convert.ToChar of an integer, 0..65535
        (b'{"C":0}', "\x00"),
        (b'{"C":65535}', "\uffff"),
        (b'{"C":65536}', "C: 65536 is outside the Char range [0, 65535]"),
        (b'{"C":true}', "C: expected a one-character string (Char), got true"),
        (
            b'{"O":5}',
            "O: expected a date string with an offset (DateTimeOffset), got the number 5",
        ),
        (
            b'{"O":"xDateTime"}',
            "O: 'xDateTime' is not a valid DateTimeOffset: expected"
            " yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±HH:mm]",
        ),
        (
            b'{"O":"0001-01-01T00:00:00+01:00"}',
            "O: '0001-01-01T00:00:00+01:00' is outside the DateTimeOffset range (clock and UTC"
            " times within 0001-01-01..9999-12-31)",
        ),
    ],
)
def test_json_char_and_offset_reading(data: bytes, expected: str) -> None:
    for payload in (data, data.decode()):  # the generated and the reference paths
        if len(expected) == 1:
            assert nc.from_json(payload, Stamped).c == expected
            continue
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Stamped)
        assert str(refused.value.problems[0]) == expected


def test_writing_a_char_names_what_it_expected() -> None:
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_json(Stamped(c=65))  # type: ignore[arg-type]
    assert "expected a one-character str (Char), got the number 65" in str(refused.value)


def test_decimal_json_values_of_each_python_type() -> None:
    # the reference parser gives an int, a Decimal or (Json.NET reads a string) a str
    assert vt.DECIMAL.json_parse(5) == decimal.Decimal(5)
    assert str(vt.DECIMAL.json_parse("1.50")) == "1.50"  # Mono: {"D":"1.50"} reads 1.50
    assert str(vt.DECIMAL.json_parse(decimal.Decimal("2.50"))) == "2.50"
    with pytest.raises(TypeError, match=r"^expected a number \(Decimal\), got true$"):
        vt.DECIMAL.json_parse(True)


# what each value type's check says it expected (a TypeError for a value of no such type)
CHECK_MESSAGES = {
    "String": "expected a str",
    "Boolean": "expected a bool",
    "Int16": "expected an integer (Int16)",
    "Int32": "expected an integer (Int32)",
    "Int64": "expected an integer (Int64)",
    "SByte": "expected an integer (SByte)",
    "Byte": "expected an integer (Byte)",
    "UInt16": "expected an integer (UInt16)",
    "UInt32": "expected an integer (UInt32)",
    "UInt64": "expected an integer (UInt64)",
    "Double": "expected a float (Double)",
    "Single": "expected a float (Single)",
    "Decimal": "expected a decimal.Decimal",
    "Guid": "expected a uuid.UUID",
    "DateTime": "expected a netcontract.DateTime (use DateTime.from_datetime)",
    "Char": "expected a one-character str (Char)",
    "TimeSpan": "expected a netcontract.TimeSpan (use TimeSpan.from_timedelta)",
    "Byte[]": "expected bytes (byte[])",
    "DateTimeOffset": "expected a netcontract.DateTimeOffset (use from_datetime)",
    "Uri": "expected a netcontract.Uri",
    "XmlQualifiedName": "expected a netcontract.XmlQualifiedName",
}


@pytest.mark.parametrize("value_type", ALL, ids=IDS)
def test_check_says_what_it_expected_and_what_it_got(value_type: ValueType) -> None:
    with pytest.raises(TypeError) as refused:
        value_type.check(frozenset())
    assert str(refused.value) == f"{CHECK_MESSAGES[value_type.clr_name]}, got frozenset frozenset()"


def test_datetimeoffset_construction_names_the_wrong_type() -> None:
    with pytest.raises(TypeError, match=r"^ticks must be an int, not float$"):
        nc.DateTimeOffset(1.0, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^offset_minutes must be an int, not str$"):
        nc.DateTimeOffset(1, "0")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r" 0001-01-01\.\.9999-12-31$"):
        nc.DateTimeOffset(1, 60)
    hour = 36_000_000_000
    # the hash takes the ticks and the offset
    assert len({hash(nc.DateTimeOffset(hour, 0)), hash(nc.DateTimeOffset(hour, 60))}) == 2


def test_double_form_text_keeps_the_sign_of_zero_only() -> None:
    # double.ToString("R"): "-1.5", "0"; a negative zero keeps its sign as in JSON ("-0")
    assert [vt.DOUBLE.form_text(v) for v in (-1.5, 0.0, -0.0, 2.5)] == ["-1.5", "0", "-0", "2.5"]


@given(st.data())
def test_datetime_strategy_takes_the_local_offsets_given(data: Any) -> None:
    # drawn in the test (not at collection), so that the strategy runs as the code is now
    value = data.draw(vt.DATETIME.strategy(local_offsets=st.just(7)))
    assert value.kind is not nc.DateTimeKind.LOCAL or value.offset_minutes == 7


def test_double_check_says_which_integer_it_cannot_hold() -> None:
    with pytest.raises(ValueError) as refused:
        vt.DOUBLE.check(2**53 + 1)
    assert str(refused.value) == "9007199254740993 cannot be held exactly by a Double"


def test_integer_check_takes_int_subclasses_but_not_bool() -> None:
    class Level(enum.IntEnum):
        HIGH = 5

    assert vt.INT32.check(Level.HIGH) == 5
    assert type(vt.INT32.check(Level.HIGH)) is int
    with pytest.raises(TypeError) as refused:
        vt.INT32.check(True)
    assert str(refused.value) == "expected an integer (Int32), got true"


@pytest.mark.parametrize("text", ["\u00a01", "1\u00a0", "\u20001", "1X", "1\x00X"])
def test_integer_json_string_takes_number_white_space_only(text: str) -> None:
    # [Mono] Json.NET's Int32.TryParse(NumberStyles.Integer) refuses them all: only U+0009..U+000D
    # and the space around, NULs at the end (tests/interop/test_json_number_strings_interop.py)
    assert vt.INT32.json_parse(" 1\t\x00\x00") == 1
    with pytest.raises(ValueError, match="is not a valid Int32"):
        vt.INT32.json_parse(text)


def test_lone_surrogate_message() -> None:
    with pytest.raises(ValueError) as refused:
        check_no_lone_surrogate("a\ud800")
    assert str(refused.value) == (
        "the string holds a lone surrogate (an unpaired \\uD800-\\uDFFF escape)"
    )
