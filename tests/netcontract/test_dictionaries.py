"""``dict[K, V]`` as .NET's ``Dictionary<K,V>``: DataContract XML, Json.NET and WCF JSON.

Mono: ``data/mono_dictionaries.txt`` is what ``tests/interop/dotnet/DictProbe.cs`` prints on
Mono (TZ=UTC) for the same object as :data:`PINNED` (``test_dict_interop.py`` re-asks Mono);
the other rules below were probed on Mono as their docstrings say (docs/values.md,
"Dictionaries").
"""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.model.wire import DictType, resolve_annotation
from netcontract.strategies import for_type

DATA = Path(__file__).resolve().parent / "data" / "mono_dictionaries.txt"
MONO: dict[str, bytes] = {
    name: text.encode("utf-8")
    for name, _, text in (line.partition("\t") for line in DATA.read_text("utf-8").splitlines())
}
NS = "urn:dict-tests"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
UTC = nc.DateTimeKind.UTC


@nc.contract(xml_namespace=NS)
class Color(nc.ContractEnum):
    Red = 0
    Blue = 1


@nc.contract(xml_namespace=NS)
class Item:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract(xml_namespace=NS)
class Pinned:
    s2i: dict[str, nc.Int32] | None = nc.member("S2I", default=None)
    i2s: dict[nc.Int32, str | None] | None = nc.member("I2S", default=None)
    g2c: dict[uuid.UUID, Item | None] | None = nc.member("G2C", default=None)
    e2n: dict[Color, nc.Int32 | None] | None = nc.member("E2N", default=None)
    d2s: dict[nc.DateTime, str | None] | None = nc.member("D2S", default=None)
    b2d: dict[bool, float] | None = nc.member("B2D", default=None)
    c2s: dict[nc.Char, str | None] | None = nc.member("C2S", default=None)
    s2d: dict[str, dict[str, nc.Int32] | None] | None = nc.member("S2D", default=None)
    empty: dict[str, nc.Int32] | None = nc.member("Empty", default=None)


GUID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
PINNED = Pinned(
    s2i={"Bee": 2, "a": 1},
    i2s={3: "x", -1: None},
    g2c={GUID: Item(n=5), uuid.UUID(int=0): None},
    e2n={Color.Blue: None, Color.Red: 4},
    d2s={
        nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=UTC): "u",
        nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, 6_780_000): "n",
    },
    b2d={True: 1.5, False: 0.1},
    c2s={"a": "c"},
    s2d={"d": {"x": 1}},
    empty={},
)


def _xml(body: str, member: str = "S2I") -> bytes:
    return (
        f'<Pinned xmlns="{NS}" xmlns:i="{XSI}"><{member} xmlns:a="{ARR}">{body}</{member}></Pinned>'
    ).encode()


def _kv(inner: str, name: str = "KeyValueOfstringint") -> str:
    return f"<a:{name}>{inner}</a:{name}>"


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("annotation", "name"),
    [
        (dict[str, nc.Int32], "ArrayOfKeyValueOfstringint"),
        (dict[uuid.UUID, Item], "ArrayOfKeyValueOfguidItemJ5VY7jiZ"),
        (dict[Color, nc.Int32 | None], "ArrayOfKeyValueOfColorNullableOfintZAXKpP_SY"),
        (
            dict[str, dict[str, nc.Int32]],
            "ArrayOfKeyValueOfstringArrayOfKeyValueOfstringintty7Ep6D1",
        ),
        (dict[str, list[nc.Int32]], "ArrayOfKeyValueOfstringArrayOfintty7Ep6D1"),
        (dict[str, nc.Int32 | None], "ArrayOfKeyValueOfstringNullableOfintU6ho3Bhd"),
        (dict[str, object], "ArrayOfKeyValueOfstringanyType"),
        (dict[nc.DateTime, bytes], "ArrayOfKeyValueOfdateTimebase64Binary"),
    ],
)
def test_dictionary_contract_names_are_monos(annotation: Any, name: str) -> None:
    """Mono: KeyValueOf{K}{V} + the digest of the arguments' namespaces unless both are XS or
    SER, in the Arrays namespace (the digests of Guid+Item and Color+int? from DictProbe;
    the others from a root-level DataContractSerializer probe)."""
    wire = resolve_annotation(annotation).wire
    assert isinstance(wire, DictType)
    assert (wire.contract_name, wire.contract_namespace) == (name, ARR)


@pytest.mark.parametrize(
    "annotation",
    [
        dict[bytes, str],
        dict[Item, str],
        dict[str | None, str],
        dict[Any, str],
        dict[float | None, str],
        dict[nc.XmlQualifiedName, str],
    ],
)
def test_keys_netcontract_cannot_declare_are_refused_at_definition(annotation: Any) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="dictionary key"):
        resolve_annotation(annotation)


def test_uri_keys_are_refused_with_jsonnets_reason() -> None:
    # Mono's Json.NET writes Dictionary<Uri,int> {{new Uri("http://Example.com/a b"), 1}} as
    # {"http://example.com/a b":1}: Uri.ToString(), not the original string netcontract keeps
    with pytest.raises(nc.ContractDefinitionError, match=r"Uri keys .* Uri\.ToString\(\)"):
        resolve_annotation(dict[nc.Uri, str])


# ----------------------------------------------------------------------------- pinned bytes


def test_xml_is_monos_bytes() -> None:
    assert nc.to_xml(PINNED) == MONO["xml"]
    assert nc.from_xml(MONO["xml"], Pinned) == PINNED


def test_jsonnet_is_monos_bytes_keys_as_jsonnet_names_them() -> None:
    """Mono: int keys in digits, Guid "D", enum names, DateTime ISO, bool True/False."""
    assert nc.to_json(PINNED) == MONO["json"]
    assert nc.from_json(MONO["json"], Pinned) == PINNED


@pytest.mark.falls_back  # (non-default JsonSettings: the reference paths)
def test_camel_case_resolver_camel_cases_every_key() -> None:
    """Mono: CamelCasePropertyNamesContractResolver camel-cases the keys too (Bee -> bee,
    True -> true, Blue -> blue); reading "bee" gives the key "bee" (Json.NET loses the case)."""
    settings = nc.JsonSettings(contract_resolver="CamelCase")
    assert nc.to_json(PINNED, settings=settings) == MONO["camel"]
    back = nc.from_json(MONO["camel"], Pinned, settings=settings)
    assert back.s2i == {"bee": 2, "a": 1}
    assert back.b2d == PINNED.b2d and back.e2n == PINNED.e2n


@pytest.mark.falls_back  # (non-default JsonSettings: the reference paths)
def test_microsoft_date_keys_and_null_values_kept_under_ignore() -> None:
    """Mono: DateFormatHandling applies to keys (written unescaped: "\\/Date(...)\\/");
    NullValueHandling.Ignore does not drop a dictionary's null values."""
    settings = nc.JsonSettings(
        date_format_handling="MicrosoftDateFormat", null_value_handling="Ignore"
    )
    assert nc.to_json(PINNED, settings=settings) == MONO["msdate"]
    back = nc.from_json(MONO["msdate"], Pinned, settings=settings)
    # Mono: "\/Date(ms+0000)\/" is read as a Local DateTime (as in a DateTime member)
    assert [key.kind for key in back.d2s] == [UTC, nc.DateTimeKind.LOCAL]
    assert nc.to_json(back, settings=settings) == MONO["msdate"]


def test_wcf_json_is_monos_bytes() -> None:
    """Mono (DataContractJsonSerializer): [{"Key":k,"Value":v}], keys typed, enums numbers."""
    # (an Unspecified DateTime key is written in the machine's zone: lossy, as for a member)
    assert nc.to_wcf_json(PINNED, lossy=True) == MONO["wcf"]
    back = nc.from_wcf_json(MONO["wcf"], Pinned)
    assert nc.to_wcf_json(back, lossy=True) == MONO["wcf"]
    assert back.s2d == PINNED.s2d and back.e2n == PINNED.e2n and back.g2c == PINNED.g2c


def test_insertion_order_is_kept() -> None:
    value = Pinned(s2i={"z": 1, "a": 2, "m": 3})
    for write, read in ((nc.to_xml, nc.from_xml), (nc.to_json, nc.from_json)):
        assert list(read(write(value), Pinned).s2i) == ["z", "a", "m"]


def test_indented_forms_read_back() -> None:
    assert nc.from_xml(nc.to_xml(PINNED, indent=True), Pinned) == PINNED
    indented = nc.to_json(PINNED, indent=True)
    assert b'  "Empty": {}\n' in indented
    assert nc.from_json(indented, Pinned) == PINNED


# ----------------------------------------------------------------------------- reading keys


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # Mono: Int32.Parse with NumberStyles.Integer
        (b'{"I2S":{"03":"x"," 4":"y","+5":"z"}}', {"i2s": {3: "x", 4: "y", 5: "z"}}),
        # Mono: Enum.Parse(ignoreCase), or a number (a value without a name too)
        (
            b'{"E2N":{"blue":1,"0":2,"7":null}}',
            {"e2n": {Color.Blue: 1, Color.Red: 2, Color(7): None}},
        ),
        # Mono: Boolean.Parse, any case
        (b'{"B2D":{"true":1,"False":2}}', {"b2d": {True: 1.0, False: 2.0}}),
        # Mono: a Guid in any form new Guid(text) takes
        (b'{"G2C":{"{0F8FAD5B-D9CB-469F-A165-70867728950E}":null}}', {"g2c": {GUID: None}}),
        # Mono: "\/Date(0)\/" is read as a Microsoft date whatever DateFormatHandling says
        (
            b'{"D2S":{"\\/Date(0)\\/":"m"}}',
            {"d2s": {nc.DateTime.from_parts(1970, 1, 1, kind=UTC): "m"}},
        ),
    ],
)
@pytest.mark.falls_back  # (documents holding one member: the reference reader)
def test_keys_are_read_as_jsonnet_reads_them(document: bytes, expected: dict[str, Any]) -> None:
    assert nc.from_json(document, Pinned) == Pinned(**expected)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        # Mono: "Could not convert string 'x' to dictionary key type 'System.Int32'"
        (
            b'{"I2S":{"x":"a"}}',
            "I2S[\"x\"]: could not convert 'x' to a dictionary key of type Int32",
        ),
        (b'{"I2S":{"99999999999":"a"}}', "could not convert '99999999999'"),
        (b'{"I2S":{"1.0":"a"}}', "could not convert '1.0'"),
        (b'{"E2N":{"Green":1}}', "could not convert 'Green' to a dictionary key of type Color"),
        (b'{"B2D":{"1":1}}', "could not convert '1' to a dictionary key of type Boolean"),
        (b'{"C2S":{"ab":"x"}}', "could not convert 'ab' to a dictionary key of type Char"),
        (b'{"C2S":{"":"x"}}', "could not convert '' to a dictionary key of type Char"),
        (b'{"G2C":{"zz":null}}', "could not convert 'zz' to a dictionary key of type Guid"),
        (b'{"D2S":{"nope":"x"}}', "could not convert 'nope' to a dictionary key of type DateTime"),
        # Mono: "Error converting value {null} to type 'System.Int32'"
        (b'{"S2I":{"a":null}}', 'S2I["a"]: null is not allowed: Int32 is a value type'),
        (b'{"S2I":[1]}', "S2I: expected an object, got an array"),
        (b'{"G2C":{"' + str(GUID).encode() + b'":{"N":"x"}}}', f'G2C["{GUID}"].N'),
    ],
)
def test_keys_and_values_jsonnet_refuses_are_refused_with_their_path(
    document: bytes, message: str
) -> None:
    with pytest.raises(nc.JsonPayloadError) as caught:
        nc.from_json(document, Pinned)
    assert message in str(caught.value)


def test_two_names_of_one_key_are_refused_where_jsonnet_keeps_the_last() -> None:
    """Mono: Json.NET reads {"3":"x","03":"y"} as {3: "y"}, losing "x": refused instead."""
    with pytest.raises(nc.JsonPayloadError, match=r"I2S\[3\]: the name '03' is a key given before"):
        nc.from_json(b'{"I2S":{"3":"x","03":"y"}}', Pinned)
    with pytest.raises(nc.JsonPayloadError, match="is a key given before"):
        nc.from_json(b'{"E2N":{"Blue":1,"blue":2}}', Pinned)


def test_duplicate_json_names_are_refused() -> None:
    with pytest.raises(nc.JsonSyntaxError, match="duplicate member name 'a'"):
        nc.from_json(b'{"S2I":{"a":1,"a":2}}', Pinned)


def test_datetime_keys_of_one_instant_in_two_kinds_are_refused_on_writing() -> None:
    """Mono: DateTime equality ignores the kind ("An item with the same key has already been
    added" for 03:04:05 Utc and Local): a Python dict holding both cannot be a Dictionary."""
    utc = nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=UTC)
    unspecified = nc.DateTime(utc.ticks)
    value = Pinned(d2s={utc: "u", unspecified: "n"})
    for write in (nc.to_xml, nc.to_json):
        with pytest.raises(nc.SerializationError, match="D2S"):
            write(value)


def test_camel_case_keys_that_collide_are_refused_on_writing() -> None:
    settings = nc.JsonSettings(contract_resolver="CamelCase")
    with pytest.raises(nc.SerializationError, match="two keys have the JSON name 'bee'"):
        nc.to_json(Pinned(s2i={"Bee": 1, "bee": 2}), settings=settings)


def test_values_of_the_wrong_type_are_refused_with_the_key_in_the_path() -> None:
    with pytest.raises(nc.SerializationError, match=r'S2I\["a"\]'):
        nc.to_xml(Pinned(s2i={"a": "x"}))  # type: ignore[dict-item]
    with pytest.raises(nc.SerializationError, match=r"I2S"):
        nc.to_json(Pinned(i2s={"a": "x"}))  # type: ignore[dict-item]
    with pytest.raises(nc.SerializationError, match="expected a dict, got list"):
        nc.to_xml(Pinned(s2i=[1]))  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- reading XML


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Mono: ArgumentException "An item with the same key has already been added"
        (_kv("<a:Key>a</a:Key><a:Value>1</a:Value>") * 2, 'S2I["a"]: duplicate key'),
        # Mono: ArgumentNullException (a null key)
        (
            _kv('<a:Key i:nil="true"/><a:Value>1</a:Value>'),
            "S2I[0]: a dictionary key cannot be null",
        ),
        # Mono: "'Value' ... is not expected. Expecting element 'Key'."
        (_kv("<a:Value>1</a:Value>"), "S2I[0]: expecting element 'Key' before 'Value'"),
        (_kv("<a:Value>1</a:Value><a:Key>k</a:Key>"), "expecting element 'Key' before 'Value'"),
        # Mono: "'EndElement' ... is not expected. Expecting element 'Value'."
        (_kv("<a:Key>k</a:Key>"), "S2I[0]: a dictionary item without its 'Value' element"),
        # Mono: "ValueType 'System.Int32' cannot be null."
        (_kv('<a:Key>k</a:Key><a:Value i:nil="true"/>'), 'S2I["k"]: null is not allowed'),
    ],
)
def test_xml_dcs_refuses_is_refused(body: str, message: str) -> None:
    with pytest.raises(nc.XmlPayloadError) as caught:
        nc.from_xml(_xml(body), Pinned)
    assert message in str(caught.value)


def test_xml_elements_dcs_skips_are_skipped_and_refused_when_strict() -> None:
    """Mono: an item element of another name, and elements after the Value, are skipped."""
    other = _kv("<a:Key>k</a:Key><a:Value>1</a:Value>", "Foo")
    after = _kv("<a:Key>k</a:Key><a:Value>1</a:Value><a:X>1</a:X>")
    assert nc.from_xml(_xml(other), Pinned).s2i == {}
    assert nc.from_xml(_xml(after), Pinned).s2i == {"k": 1}
    for body in (other, after):
        with pytest.raises(nc.XmlPayloadError, match="unexpected element"):
            nc.from_xml(_xml(body), Pinned, strict=True)


# ----------------------------------------------------------------------------- WCF JSON


@pytest.mark.parametrize(
    ("document", "message"),
    [
        # Mono: ArgumentException / ArgumentNullException / "Required member Key ... not found"
        (b'{"S2I":[{"Key":"a","Value":1},{"Key":"a","Value":2}]}', 'S2I["a"]: duplicate key'),
        (b'{"S2I":[{"Key":null,"Value":1}]}', "S2I[0].Key: a dictionary key cannot be null"),
        (b'{"S2I":[{"Value":1}]}', "S2I[0]: expected an object with the members Key and Value"),
        # Mono reads an object here as an empty dictionary: refused, not emptied
        (b'{"S2I":{"a":1}}', "S2I: expected an array of Key/Value objects, got an object"),
    ],
)
def test_wcf_json_refusals(document: bytes, message: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as caught:
        nc.from_wcf_json(document, Pinned)
    assert message in str(caught.value)


def test_wcf_json_members_in_any_order_others_ignored() -> None:
    """Mono: {"Value":1,"Key":"k"} and an extra member read as k=1."""
    document = b'{"S2I":[{"Value":1,"Key":"k","X":2}]}'
    assert nc.from_wcf_json(document, Pinned).s2i == {"k": 1}


# ----------------------------------------------------------------------------- other layers


def test_xsd_export_is_monos() -> None:
    """Mono (XsdDataContractExporter, probed for a Dictionary<string,int> member)."""
    arrays = nc.export_schemas(Pinned)[ARR]
    assert (
        '  <xs:complexType name="ArrayOfKeyValueOfstringint">\n'
        "    <xs:annotation>\n"
        "      <xs:appinfo>\n"
        '        <IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">'
        "true</IsDictionary>\n"
        "      </xs:appinfo>\n"
        "    </xs:annotation>\n"
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" maxOccurs="unbounded" name="KeyValueOfstringint">\n'
        "        <xs:complexType>\n"
        "          <xs:sequence>\n"
        '            <xs:element name="Key" nillable="true" type="xs:string" />\n'
        '            <xs:element name="Value" type="xs:int" />\n'
        "          </xs:sequence>\n"
        "        </xs:complexType>\n"
        "      </xs:element>\n"
        "    </xs:sequence>\n"
        "  </xs:complexType>\n"
        '  <xs:element name="ArrayOfKeyValueOfstringint" nillable="true"'
        ' type="tns:ArrayOfKeyValueOfstringint" />\n'
    ) in arrays


def test_validate_xml_reads_dictionaries_and_names_the_bad_value() -> None:
    assert nc.validate_xml(MONO["xml"], Pinned) == PINNED
    bad = MONO["xml"].replace(b"<d2p1:Value>4</d2p1:Value>", b"<d2p1:Value>x</d2p1:Value>")
    with pytest.raises(nc.XmlPayloadError, match=r"E2N\[1\]\.Value: 'x' is not a valid Int32"):
        nc.validate_xml(bad, Pinned)


def test_converters_structure_and_unstructure_dictionaries() -> None:
    data = nc.json_converter.unstructure(PINNED)
    assert data["E2N"] == {"Blue": None, "Red": 4}
    assert nc.json_converter.structure(data, Pinned) == PINNED


def test_forms_carry_dictionaries_as_web_api_binds_them() -> None:
    """Web API binds a Dictionary<K,V> from ``Map[i][Key]``/``Map[i][Value]`` pairs (Mono,
    tests/interop/test_forms_interop.py); jQuery's ``S2I[a]=1`` binds an empty one."""
    body = nc.to_form(Pinned(s2i={"a": 1}))
    assert body == b"S2I[0][Key]=a&S2I[0][Value]=1"
    assert nc.from_form(body, Pinned) == Pinned(s2i={"a": 1})
    with pytest.raises(nc.FormPayloadError, match=r"S2I: Web API does not bind S2I\[a\]"):
        nc.from_form(b"S2I[a]=1", Pinned)


def test_help_page_sample_follows_generate_dictionary() -> None:
    """HelpPage's ObjectGenerator.GenerateDictionary: two entries from one new generator
    (keys and values share its counter); an enum key's first value twice: one entry."""
    sample = nc.help_page_sample(Pinned)
    assert sample.s2i == {"sample string 1": 2, "sample string 3": 4}
    assert sample.e2n == {Color.Red: 1}


def test_max_collection_items_counts_the_entries() -> None:
    limits = nc.Limits(max_collection_items=2)
    value = Pinned(s2i={"a": 1, "b": 2, "c": 3})
    for write, read in ((nc.to_xml, nc.from_xml), (nc.to_json, nc.from_json)):
        with pytest.raises(nc.QuotaExceededError, match="S2I: quota max_collection_items"):
            read(write(value), Pinned, limits=limits)
        assert read(write(Pinned(s2i={"a": 1, "b": 2})), Pinned, limits=limits).s2i


def _same(a: Any, b: Any) -> bool:
    """Equality where a NaN drawn as a value equals the NaN read back (``==`` says not)."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return (math.isnan(a) and math.isnan(b)) or a == b
    if type(a) is dict:
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def test_same_compares_nan_values_as_equal():
    assert _same({False: math.nan}, {False: math.nan})
    assert not _same({False: math.nan}, {False: 0.0})
    assert not _same({"a": 1, "b": 2}, {"b": 2, "a": 1})  # insertion order is the wire order


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_drawn_dictionaries_round_trip_in_every_format(
    engine_path: str, data: st.DataObject
) -> None:
    """Values drawn by netcontract.strategies (keys of every kind, nulls, nested dicts), on the
    generated paths and the reference path alone: equal objects, same bytes."""
    # (WCF JSON refuses some Local edges: the server's offset is 0 here)
    value = data.draw(for_type(Pinned, local_offsets=st.just(0)))
    for write, read in ((nc.to_xml, nc.from_xml), (nc.to_json, nc.from_json)):
        for indent in (False, True):
            written = write(value, indent=indent)
            back = read(written, Pinned)
            assert _same(back, value)
            assert write(back, indent=indent) == written
    try:
        wcf = nc.to_wcf_json(value, lossy=True)
    except nc.SerializationError as exc:
        # DateTime keys in one millisecond: written alike, which .NET would refuse to read
        assert "of an earlier entry" in str(exc)
        return
    assert nc.to_wcf_json(nc.from_wcf_json(wcf, Pinned), lossy=True) == wcf


# --- dictionaries and Json.NET's references (PreserveReferencesHandling) ----------------------


@nc.contract("Refs.Maps")
class _SharedMaps:
    m: dict[str, nc.Int32] | None = nc.member("M", default=None)
    m2: dict[str, nc.Int32] | None = nc.member("M2", default=None)
    items: list[nc.Int32] | None = nc.member("L", default=None)


@pytest.mark.parametrize(
    ("handling", "expected"),
    [
        # Mono (Json.NET 6.0.8, JsonConvert.SerializeObject with PreserveReferencesHandling):
        # a dictionary is an object: it gets an $id under Objects and All, a $ref when repeated
        ("Objects", b'{"$id":"1","M":{"$id":"2","a":1},"M2":{"$ref":"2"},"L":[1]}'),
        ("Arrays", b'{"M":{"a":1},"M2":{"a":1},"L":{"$id":"1","$values":[1]}}'),
        (
            "All",
            b'{"$id":"1","M":{"$id":"2","a":1},"M2":{"$ref":"2"},"L":{"$id":"3","$values":[1]}}',
        ),
    ],
)
def test_dictionaries_take_part_in_preserved_references(handling, expected):
    settings = nc.JsonSettings(preserve_references_handling=handling)
    shared = {"a": 1}
    written = nc.to_json(_SharedMaps(m=shared, m2=shared, items=[1]), settings=settings)
    assert written == expected
    read = nc.from_json(written, _SharedMaps, settings=settings)
    assert read == _SharedMaps(m=shared, m2=shared, items=[1])
    assert (read.m is read.m2) is (handling != "Arrays")


@pytest.mark.parametrize(
    "document",
    [
        # Mono: Json.NET reads a first $id, $type or $ref of a dictionary as metadata whatever the
        # settings ({"$id":"1","a":1} is {"a":1}; {"$ref":"9"} is null): refused without them
        b'{"M":{"$id":"1","a":1}}',
        b'{"M":{"$type":"x","a":1}}',
        b'{"M":{"$ref":"9"}}',
        b'{"M":{"$values":[1]}}',
    ],
)
def test_metadata_first_in_a_dictionary_is_refused_without_preserved_references(document):
    with pytest.raises(nc.JsonPayloadError, match="metadata members"):
        nc.from_json(document, _SharedMaps)


def test_metadata_names_after_the_first_member_are_keys():
    # Mono: {"a":1,"$id":"1"} reads as the keys "a" and "$id" (and writes them back)
    read = nc.from_json(b'{"M":{"a":1,"$id":"1"}}', _SharedMaps)
    assert read.m == {"a": 1, "$id": 1}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"M":{"$ref":"1"}}', "names no object read before it"),
        (b'{"L":{"$id":"1","$values":[]},"M":{"$ref":"1"}}', "names a list, not a dict"),
        (b'{"M":{"$id":"1"},"L":{"$ref":"1"}}', "names a dict, not a list"),
        (b'{"M":{"$id":1}}', "expected a string"),
        (b'{"M":{"$id":"1","$type":"x"}}', "metadata members"),
    ],
)
def test_dictionary_references_that_name_nothing_or_another_kind_are_refused(document, message):
    settings = nc.JsonSettings(preserve_references_handling="All")
    with pytest.raises(nc.JsonPayloadError, match=message):
        nc.from_json(document, _SharedMaps, settings=settings)


@nc.contract("G", name="Node", is_reference=True)
class _Node:
    name: str | None = nc.member("Name", default=None)


@nc.contract("G", name="H")
class _NodeMap:
    m: dict[str, _Node | None] | None = nc.member("M", default=None)
    n: _Node | None = nc.member("N", default=None)


# Mono (DataContractSerializer through XmlWriter, Json.NET 6.0.8): one IsReference node as two
# dictionary values and a member
_Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'
_KV = "d2p1:KeyValueOfstringNoded_SAC30Bh"
MONO_NODE_MAP_XML = (
    '<H xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns="http://schemas.datacontract.org/2004/07/G"><M '
    'xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    f'<{_KV}><d2p1:Key>x</d2p1:Key><d2p1:Value z:Id="i1" {_Z}><Name>a</Name>'
    f"</d2p1:Value></{_KV}>"
    f'<{_KV}><d2p1:Key>y</d2p1:Key><d2p1:Value z:Ref="i1" {_Z} /></{_KV}></M>'
    f'<N z:Ref="i1" {_Z} /></H>'
)
MONO_NODE_MAP_JSON = b'{"M":{"x":{"$id":"1","Name":"a"},"y":{"$ref":"1"}},"N":{"$ref":"1"}}'


def test_is_reference_values_of_a_dictionary_are_shared_as_mono_writes_them(engine_path):
    node = _Node(name="a")
    value = _NodeMap(m={"x": node, "y": node}, n=node)
    assert nc.to_xml(value) == MONO_NODE_MAP_XML.encode()
    assert nc.to_json(value) == MONO_NODE_MAP_JSON
    for back in (
        nc.from_xml(MONO_NODE_MAP_XML, _NodeMap),
        nc.from_json(MONO_NODE_MAP_JSON, _NodeMap),
    ):
        assert back.m is not None
        assert back.m["x"] is back.m["y"] is back.n


def test_wcf_json_refuses_datetime_keys_that_lossy_writes_alike():
    value = Pinned(
        d2s={
            nc.DateTime.parse("2024-01-02T03:04:05.0000001Z"): "a",
            nc.DateTime.parse("2024-01-02T03:04:05.0000002Z"): "b",
        }
    )
    with pytest.raises(nc.SerializationError, match="of an earlier entry"):
        nc.to_wcf_json(value, lossy=True)
