"""``nc.Char`` (System.Char): the value type added through the registry as one class.

Expected bytes and outcomes are Mono's (Mono 6.8 DataContractSerializer, XsdDataContractExporter,
Json.NET 6.0.8, Web API's form binding), as ``tests/interop/test_char_interop.py`` checks them
live; they are repeated here so that the rules are tested without Mono too.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

import netcontract as nc
from netcontract.clr import value_types as vt
from netcontract.clr.value_types import CHAR
from netcontract.strategies import for_type

NS = "http://schemas.datacontract.org/2004/07/Fleet.Chars"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@nc.contract("Fleet.Chars")
class Chars:
    c: nc.Char = nc.member("C", default="\x00")
    nc_: nc.Char | None = nc.member("NC", default=None)
    cs: list[nc.Char] | None = nc.member("Cs", default=None)
    ncs: list[nc.Char | None] | None = nc.member("NCs", default=None)


@nc.contract("Fleet.Chars")
class Holder:
    thing: object = nc.member("Thing", default=None)


SAMPLE = Chars(c="A", nc_="\u00e9", cs=["\x00", "\uffff", " ", "\r"], ncs=["x", None])

# Mono: DataContractSerializer (path B) and Json.NET of SAMPLE
SAMPLE_XML = (
    f'<Chars xmlns:i="{XSI}" xmlns="{NS}"><C>65</C>'
    f'<Cs xmlns:d2p1="{ARR}"><d2p1:char>0</d2p1:char><d2p1:char>65535</d2p1:char>'
    "<d2p1:char>32</d2p1:char><d2p1:char>13</d2p1:char></Cs><NC>233</NC>"
    f'<NCs xmlns:d2p1="{SYSTEM}"><d2p1:char>120</d2p1:char><d2p1:char i:nil="true" /></NCs>'
    "</Chars>"
).encode()
SAMPLE_JSON = '{"C":"A","NC":"é","Cs":["\\u0000","\uffff"," ","\\r"],"NCs":["x",null]}'.encode()


def test_char_is_one_registered_value_type() -> None:
    assert vt.by_contract_name(SER, "char") is CHAR
    assert nc.Char.__metadata__ == (CHAR,)  # type: ignore[attr-defined]
    assert (CHAR.clr_name, CHAR.python_type, CHAR.is_value_type) == ("Char", str, True)


def test_writes_the_code_in_xml_and_the_character_in_json() -> None:
    assert nc.to_xml(SAMPLE) == SAMPLE_XML
    assert nc.to_json(SAMPLE) == SAMPLE_JSON
    assert nc.from_xml(SAMPLE_XML, Chars) == SAMPLE
    assert nc.from_json(SAMPLE_JSON, Chars) == SAMPLE
    assert nc.to_xml(SAMPLE, indent=True).startswith(
        f'<Chars xmlns:i="{XSI}" xmlns="{NS}">\n  <C>65</C>\n  <Cs xmlns:d2p1="{ARR}">\n'
        "    <d2p1:char>0</d2p1:char>\n".encode()
    )


def test_a_char_in_an_object_member_is_boxed_with_its_i_type() -> None:
    boxed = Holder(thing=nc.Boxed("Z", CHAR))
    xml = nc.to_xml(boxed)
    # Mono: <Thing xmlns:d2p1="…/Serialization/" i:type="d2p1:char">90</Thing>
    assert f'<Thing xmlns:d2p1="{SER}" i:type="d2p1:char">90</Thing>'.encode() in xml
    assert nc.from_xml(xml, Holder) == boxed
    assert nc.to_json(boxed) == b'{"Thing":"Z"}'
    assert nc.from_json(b'{"Thing":"Z"}', Holder) == Holder(thing="Z")  # JSON says: a string
    with pytest.raises(ValueError, match="one character"):
        nc.Boxed("ZZ", CHAR)


XML_HEAD = f'<Chars xmlns="{NS}" xmlns:i="{XSI}">'

# Mono (DataContractSerializer.ReadObject): XmlConvert.ToInt32, then a range check
XML_READ: list[tuple[str, Any]] = [
    ("<C>65</C>", "A"),
    ("<C> 65 </C>", "A"),
    ("<C>\t66\n</C>", "B"),
    ("<C>+65</C>", "A"),
    ("<C>065</C>", "A"),
    ("<C>-0</C>", "\x00"),
    ("<C>65535</C>", "\uffff"),
    ("<C>&#x36;5</C>", "A"),
    ("<C><![CDATA[65]]></C>", "A"),
    ("<C>65536</C>", "outside the Char range"),
    ("<C>-1</C>", "outside the Char range"),
    ("<C>99999999999</C>", "outside the Char range"),
    ("<C>A</C>", "not a valid Char"),
    ("<C>0x41</C>", "not a valid Char"),
    ("<C></C>", "not a valid Char"),
    ("<C>65.0</C>", "not a valid Char"),
    ("<C>1e2</C>", "not a valid Char"),
    ('<C i:nil="true" />', "null is not allowed"),
    # .NET reads U+D800 (and Json.NET would write it as U+FFFD): refused, as in strings
    ("<C>55296</C>", "surrogate half"),
]


@pytest.mark.parametrize(("element", "expected"), XML_READ)
def test_xml_reading(element: str, expected: Any) -> None:
    data = (XML_HEAD + element + "</Chars>").encode()
    if len(expected) == 1:
        assert nc.from_xml(data, Chars).c == expected
        return
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(data, Chars)
    (problem,) = refused.value.problems
    assert problem.path == "C"
    assert expected in problem.message


# Mono (JsonConvert.DeserializeObject): a one-character string, or an integer 0..65535
JSON_READ: list[tuple[bytes, Any]] = [
    (b'{"C":"A"}', "A"),
    (b'{"C":65}', "A"),
    (b'{"C":"\\u0000"}', "\x00"),
    (b'{"C":" "}', " "),
    (b'{"C":"\\u2028"}', "\u2028"),
    (b'{"C":"\xef\xbf\xbf"}', "\uffff"),
    (b'{"C":"AB"}', "not one character"),
    (b'{"C":""}', "not one character"),
    (b'{"C":" A "}', "not one character"),
    (b'{"C":"65"}', "not one character"),
    (b'{"C":"\\ud83d\\ude00"}', "two UTF-16 code units"),
    (b'{"C":"\\ud800\\udc00"}', "U+10000 needs two UTF-16 code units"),  # the first of them
    (b'{"C":null}', "null is not allowed"),
    (b'{"C":65.0}', "expected a one-character string"),
    (b'{"C":true}', "expected a one-character string"),
    (b'{"C":70000}', "outside the Char range"),
    (b'{"C":-1}', "outside the Char range"),
    # Json.NET reads U+FFFD here, or holds U+D800 that it would write as U+FFFD: refused
    (b'{"C":"\\ud800"}', "surrogate half"),
    (b'{"C":55296}', "surrogate half"),
]


@pytest.mark.parametrize(("data", "expected"), JSON_READ)
def test_json_reading(data: bytes, expected: Any) -> None:
    for payload in (data, data.decode("utf-8")):  # the generated and the reference paths
        if len(expected) == 1:
            assert nc.from_json(payload, Chars).c == expected
            continue
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(payload, Chars)
        (problem,) = refused.value.problems
        assert problem.path == "C"
        assert expected in problem.message


def test_json_nullable_and_list_forms() -> None:
    # Mono: "" is null in a Char? (as for every Nullable<T>); integers in lists too
    assert nc.from_json(b'{"NC":""}', Chars).nc_ is None
    assert nc.from_json(b'{"NC":65}', Chars).nc_ == "A"
    assert nc.from_json(b'{"Cs":[97,"b"]}', Chars).cs == ["a", "b"]
    assert nc.from_json(b'{"NCs":["",null,"c"]}', Chars).ncs == [None, None, "c"]
    with pytest.raises(nc.JsonPayloadError) as refused:
        nc.from_json(b'{"Cs":["a","bc"]}', Chars)
    assert [p.path for p in refused.value.problems] == ["Cs[1]"]


def test_writing_refuses_what_is_no_char_with_its_path() -> None:
    for bad in ("", "ab", "\U0001f600", "\ud800", 65, None):
        obj = Chars(c=bad)  # type: ignore[arg-type]
        for write in (nc.to_xml, nc.to_json):
            with pytest.raises(nc.SerializationError) as refused:
                write(obj)
            assert [p.path for p in refused.value.problems] == ["C"], (bad, write)
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_json(Chars(cs=["a", "\udfff"]))
    assert [p.path for p in refused.value.problems] == ["Cs[1]"]


def test_xsd_export_is_monos() -> None:
    # Mono: XsdDataContractExporter of the same class (Edge.A.Chars, another namespace)
    assert nc.export_schemas(Chars)[NS] == (
        f'<xs:schema xmlns:ser="{SER}" xmlns:tns="{NS}" elementFormDefault="qualified" '
        f'targetNamespace="{NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        f'  <xs:import namespace="{SER}" />\n'
        f'  <xs:import namespace="{ARR}" />\n'
        f'  <xs:import namespace="{SYSTEM}" />\n'
        '  <xs:complexType name="Chars">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" name="C" type="ser:char" />\n'
        '      <xs:element minOccurs="0" name="Cs" nillable="true" '
        f'xmlns:q1="{ARR}" type="q1:ArrayOfchar" />\n'
        '      <xs:element minOccurs="0" name="NC" nillable="true" type="ser:char" />\n'
        '      <xs:element minOccurs="0" name="NCs" nillable="true" '
        f'xmlns:q2="{SYSTEM}" type="q2:ArrayOfNullableOfchar" />\n'
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="Chars" nillable="true" type="tns:Chars" />\n'
        "</xs:schema>"
    )


def test_validation_names_the_char_and_its_range() -> None:
    assert nc.validate_xml(SAMPLE_XML) == SAMPLE
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml((XML_HEAD + "<C>A</C></Chars>").encode())
    (problem,) = refused.value.problems
    assert problem.path == "C"
    assert problem.message.startswith("'A' is not a valid Char (ser:char)")
    assert "0 to 65535" in problem.message
    # ser:char is an xs:int: the schema takes 65536, the reader refuses it
    with pytest.raises(nc.XmlPayloadError, match="outside the Char range"):
        nc.validate_xml((XML_HEAD + "<C>65536</C></Chars>").encode())


def test_help_page_sample_is_capital_a() -> None:
    # ObjectGenerator: { typeof(Char), index => (Char)65 }
    assert nc.help_page_sample(Chars) == Chars(c="A", nc_="A", cs=["A", "A"], ncs=["A", "A"])


@settings(max_examples=400)
@given(for_type(nc.Char))
def test_strategy_draws_every_char_both_formats_carry(char: str) -> None:
    assert CHAR.check(char) == char
    obj = Chars(c=char, cs=[char])
    assert nc.from_xml(nc.to_xml(obj), Chars) == obj
    assert nc.from_json(nc.to_json(obj), Chars) == obj


def test_strategy_covers_the_range() -> None:
    drawn: set[int] = set()

    @settings(max_examples=600, database=None)
    @given(for_type(nc.Char))
    def collect(char: str) -> None:
        drawn.add(ord(char))

    collect()
    assert {0, 0xFFFF} <= drawn
    assert any(c < 0x20 for c in drawn) and any(0x80 <= c < 0xD800 for c in drawn)
    assert any(0xE000 <= c < 0xFFFF for c in drawn)
    assert not any(0xD800 <= c <= 0xDFFF for c in drawn)


# -- forms (Web API: TypeConverterModelBinder with CharConverter) ------------------------------


def test_form_writes_the_character() -> None:
    assert nc.to_form(Chars(c="A", nc_="&", cs=["a", "\uffff"])) == (
        b"C=A&NC=%26&Cs[]=a&Cs[]=%EF%BF%BF"
    )
    assert nc.to_form(Chars(c="\x00")) == b"C=%00"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Mono's Web API binds the same
        (b"C=+A+", "A"),  # a longer text is trimmed (String.Trim)
        (b"C=%20A", "A"),
        (b"C=%20%20A", "A"),
        (b"C=%C2%A0A%E2%80%A8", "A"),
        (b"C=%09A%0D%0A", "A"),
        (b"C=%1C", "\x1c"),  # no white space for .NET
        (b"C=%00", "\x00"),
    ],
)
def test_form_reading(body: bytes, expected: str) -> None:
    assert nc.from_form(body, Chars).c == expected


@pytest.mark.parametrize(
    "body",
    [
        b"C=AB",
        b"C=%20AB",  # trimmed to two characters
        b"C=65",
        b"C=",
        b"C=%20",
        b"C=%1CA",
        b"C=%F0%9F%98%80",
        b"C=%ED%A0%80",
    ],
)
def test_form_refuses_what_web_api_binds_to_the_default(body: bytes) -> None:
    # Mono: Web API binds U+0000 (the default) and logs the error in ModelState only
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(body, Chars)
    assert [p.path for p in refused.value.problems] == ["C"]


def test_white_space_chars_are_a_form_loss() -> None:
    obj = Chars(c=" ", nc_="\xa0", cs=["\t", "a"], ncs=["\u2028", "b"])
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_form(obj)
    assert [p.path for p in refused.value.problems] == ["C", "NC", "Cs[0]", "NCs[0]"]
    assert "Web API binds it as null" in refused.value.problems[0].message
    # lossy: what Web API binds from white space (U+0000 in a Char, null in a Char?)
    body = nc.to_form(obj, lossy=True)
    assert body == b"C=%00&NC=&Cs[]=%00&Cs[]=a&NCs[]=&NCs[]=b"
    assert nc.from_form(body, Chars) == Chars(c="\x00", nc_=None, cs=["\x00", "a"], ncs=[None, "b"])


# -- the generated paths -------------------------------------------------------------------


@settings(max_examples=100)
@given(for_type(Chars), st.booleans())
def test_every_path_reads_and_writes_what_the_value_type_says(obj: Chars, indent: bool) -> None:
    """The generated XML reader and writer inline Char's codecs (the ValueType defaults), the
    JSON ones its string snippets. Bytes in and str in read the same; the text is the codecs'
    text."""
    xml = nc.to_xml(obj, indent=indent)
    js = nc.to_json(obj, indent=indent)
    assert nc.from_xml(xml, Chars) == obj
    assert nc.from_xml(xml.decode(), Chars) == obj
    assert nc.from_json(js, Chars) == obj
    assert nc.from_json(js.decode(), Chars) == obj
    assert f"<C>{CHAR.xml_text(obj.c)}</C>".encode() in nc.to_xml(obj)
    assert nc.to_json(Chars(c=obj.c)).startswith(b'{"C":' + nc.to_json(Holder(thing=obj.c))[9:-1])


def test_char_json_snippets_take_one_code_unit_only() -> None:
    """The JSON generated paths read and write a Char's one-character string (Json.NET's form)
    through its snippets; the number form and what check() refuses go to the reference code;
    the Struct path keeps it as Raw (a str field would decline the number form). The XML
    paths use the generic codec calls of the base class."""
    from netcontract.codegen import Source

    src = Source("test", "Char")
    value, read = CHAR.json_fast_value(src, "v"), CHAR.json_fast_read(src, "v")
    assert value is not None and read is not None
    assert value.text and read.text and value.expression is None and read.expression is None
    src.line(0, "def applies(v):")
    src.line(1, f"return {read.condition}")
    applies = src.compile("applies")
    for char in ("A", "\x00", ":", "\ud7ff", "\ue000", "\uffff"):
        assert applies(char) is True
    for odd in ("", "AB", "\ud800", "\udfff", "\U0001f600", 65, None):
        assert applies(odd) is False
    assert CHAR.msgspec_type() is None
    assert type(CHAR).xml_fast_text is vt.ValueType.xml_fast_text
    assert type(CHAR).xml_fast_parse is vt.ValueType.xml_fast_parse


def test_char_members_take_the_generated_json_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Char's string is read and written by the generated code itself: with the codecs the
    reference code calls broken, a fresh contract still converts (they were called per value
    before the Char snippets existed)."""

    def broken(*args: Any) -> Any:
        raise RuntimeError("the reference codec was called")

    monkeypatch.setattr(type(CHAR), "json_value", staticmethod(broken))
    monkeypatch.setattr(type(CHAR), "json_parse", staticmethod(broken))

    @nc.contract("Fleet.Chars")
    class FastChars:
        c: nc.Char = nc.member("C", default="\x00")
        nc_: nc.Char | None = nc.member("NC", default=None)
        cs: list[nc.Char] | None = nc.member("Cs", default=None)

    obj = FastChars(c="\u2028", nc_=":", cs=["A", "\x85"])
    data = nc.to_json(obj)
    assert data == b'{"C":"\\u2028","NC":":","Cs":["A","\\u0085"]}'
    assert nc.from_json(b'{"C":"\\u2028","NC":":","Cs":null}', FastChars) == FastChars(
        c="\u2028", nc_=":"
    )
    assert nc.from_json('{"C":"A","NC":null,"Cs":null}', FastChars) == FastChars(c="A")


def test_strategy_draws_no_character_beyond_the_bmp() -> None:
    # a Char is one UTF-16 code unit: an astral character is no Char (mutation testing found
    # the bound unchecked: hypothesis draws the largest code point allowed readily)
    with pytest.raises(NoSuchExample):
        find(for_type(nc.Char), lambda c: ord(c) > 0xFFFF, settings=settings(max_examples=300))
