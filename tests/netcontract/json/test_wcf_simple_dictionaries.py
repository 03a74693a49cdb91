"""WCF JSON with ``simple_dictionaries=True``: DataContractJsonSerializer with
``DataContractJsonSerializerSettings.UseSimpleDictionaryFormat = true``.

Every expected text below is what Mono 6.8 wrote or did for the same C# types (TZ=UTC); the
live comparison, over drawn values too, is ``tests/interop/test_simple_dict_interop.py``
(``tests/interop/dotnet/SimpleDict.cs``). The facts are in docs/wcf-json-rules.md, section 7.
"""

from __future__ import annotations

import decimal
import json
import uuid
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type

UTC = nc.DateTimeKind.UTC


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class Color(nc.ContractEnum):
    Red = 0
    Blue = 1


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class Item:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class HS:
    d: dict[str, nc.Int32] | None = nc.member("D", default=None)


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class HSC:
    d: dict[str, Item | None] | None = nc.member("D", default=None)


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class HI:
    d: dict[nc.Int32, str | None] | None = nc.member("D", default=None)


@nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
class Several:
    """Members of many kinds of values, for the round-trip property."""

    s2i: dict[str, nc.Int32] | None = nc.member("S2I", default=None)
    s2s: dict[str, str | None] | None = nc.member("S2S", default=None)
    s2c: dict[str, Item | None] | None = nc.member("S2C", default=None)
    nested: dict[str, dict[str, nc.Int64 | None] | None] | None = nc.member("Nested", default=None)
    listed: list[dict[str, bool] | None] | None = nc.member("Listed", default=None)
    s2d: dict[str, nc.DateTime] | None = nc.member("S2D", default=None)
    s2o: dict[str, nc.DateTimeOffset | None] | None = nc.member("S2O", default=None)
    s2e: dict[str, Color] | None = nc.member("S2E", default=None)
    s2f: dict[str, float] | None = nc.member("S2F", default=None)
    s2g: dict[str, uuid.UUID] | None = nc.member("S2G", default=None)
    s2t: dict[str, nc.TimeSpan] | None = nc.member("S2T", default=None)


S2I = dict[str, nc.Int32]


def _root(value: dict[Any, Any], tp: Any = S2I, **options: Any) -> bytes:
    return nc.to_wcf_json(nc.Boxed(value, tp), simple_dictionaries=True, **options)


# ----------------------------------------------------------------------------- writing


@pytest.mark.parametrize(
    ("key", "mono"),
    [
        ('a/"b\\', b'{"a\\/\\"b\\\\":1}'),
        ("\u2028\u0085\ufffe", b'{"\\u2028\\u0085\\ufffe":1}'),
        ("\U0001f600", b'{"\\ud83d\\ude00":1}'),
        ("\x01\t\n", b'{"\\u0001\\t\\n":1}'),
        ("a b", b'{"a b":1}'),
        ("x:y", b'{"x:y":1}'),
        ("<&>", b'{"<&>":1}'),
        ("\u00e9", '{"\u00e9":1}'.encode()),
        ("", b'{"":1}'),
        ("item", b'{"item":1}'),
        ("root", b'{"root":1}'),
    ],
)
def test_a_key_is_a_member_name_escaped_as_any_string(key: str, mono: bytes) -> None:
    assert _root({key: 1}) == mono
    assert nc.from_wcf_json(mono, S2I, simple_dictionaries=True) == {key: 1}


def test_dictionaries_are_objects_as_mono_writes_them() -> None:
    # Mono: new DataContractJsonSerializer(t, new DataContractJsonSerializerSettings
    # { UseSimpleDictionaryFormat = true }).WriteObject(stream, value)
    assert _root({"a": 1, "b/": 2}) == b'{"a":1,"b\\/":2}'
    assert _root({}) == b"{}"
    assert _root({"a": 1, "": 2}) == b'{"a":1,"":2}'
    assert _root({"a": 1, "__type": 2}) == b'{"a":1,"__type":2}'
    nested = dict[str, dict[str, nc.Int32] | None]
    assert _root({"d": {"x": 1}, "e": {}, "n": None}, nested) == (b'{"d":{"x":1},"e":{},"n":null}')
    listed = nc.Boxed([{"q": 1}, None, {}], list[dict[str, nc.Int32] | None])
    assert nc.to_wcf_json(listed, simple_dictionaries=True) == b'[{"q":1},null,{}]'
    assert _root({"a": None, "b": 2}, dict[str, nc.Int32 | None]) == b'{"a":null,"b":2}'
    date = nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=UTC)
    assert _root({"a": date}, dict[str, nc.DateTime]) == b'{"a":"\\/Date(1577934245000)\\/"}'
    offset = nc.DateTimeOffset.parse("2020-01-02T03:04:05+01:00")
    assert _root({"a": offset}, dict[str, nc.DateTimeOffset]) == (
        b'{"a":{"DateTime":"\\/Date(1577930645000)\\/","OffsetMinutes":60}}'
    )
    assert _root({"a": b"\x01\x02"}, dict[str, bytes]) == b'{"a":[1,2]}'
    assert _root({"a": [1, 2]}, dict[str, list[nc.Int32]]) == b'{"a":[1,2]}'
    assert nc.to_wcf_json(HS(d={"a": 1}), simple_dictionaries=True) == b'{"D":{"a":1}}'
    assert nc.to_wcf_json(HS(), simple_dictionaries=True) == b'{"D":null}'
    assert nc.to_wcf_json(HSC(d={"a": Item(n=1)}), simple_dictionaries=True) == (
        b'{"D":{"a":{"N":1}}}'
    )
    # the default form is unchanged
    assert nc.to_wcf_json(HS(d={"a": 1})) == b'{"D":[{"Key":"a","Value":1}]}'


def test_indented_as_mono_writes_it() -> None:
    # Mono: JsonReaderWriterFactory.CreateJsonWriter(stream, UTF8, false, true, "  ")
    assert _root({"a": 1, "b": 2}, indent=True) == b'{\r\n  "a": 1,\r\n  "b": 2\r\n}'
    assert _root({}, indent=True) == b"{ }"
    nested = dict[str, dict[str, nc.Int32] | None]
    assert _root({"d": {"x": 1}, "e": {}, "n": None}, nested, indent=True) == (
        b'{\r\n  "d": {\r\n    "x": 1\r\n  },\r\n  "e": { },\r\n  "n": null\r\n}'
    )


def test_keys_of_other_types_are_refused_when_there_is_one_to_write() -> None:
    # Mono: InvalidCastException "Specified cast is not valid." for Dictionary<int,string>,
    # <Guid,int>, <Color,int>, <DateTime,int>, <bool,int>; an empty one is written {}
    with pytest.raises(nc.SerializationError, match="string keys only, not Int32") as info:
        nc.to_wcf_json(HI(d={1: "a"}), simple_dictionaries=True)
    assert info.value.problems[0].path == "D"
    for tp, key in [
        (dict[uuid.UUID, nc.Int32], uuid.UUID(int=0)),
        (dict[Color, nc.Int32], Color.Blue),
        (dict[bool, nc.Int32], True),
        (dict[nc.Char, nc.Int32], "c"),
    ]:
        with pytest.raises(nc.SerializationError, match="string keys only"):
            _root({key: 1}, tp)
    assert nc.to_wcf_json(HI(d={}), simple_dictionaries=True) == b'{"D":{}}'


def test_a_first_key_named_type_is_refused() -> None:
    # Mono writes {"__type":1,"a":2}, then reads its first member as a type hint and refuses
    # it ("The token '\"' was expected but found '1'")
    with pytest.raises(nc.SerializationError, match="type hint") as info:
        _root({"__type": 1, "a": 2})
    assert info.value.problems[0].path == '["__type"]'


def test_a_dictionary_in_an_object_member_stays_refused() -> None:
    # Mono writes [{"__type":"KeyValuePairOfstringint:#System.Collections.Generic","key":"a",
    # "value":1}] with or without the setting
    @nc.contract("SimpleDictUnit", xml_namespace="urn:simple-dict-unit")
    class HO:
        d: object = nc.member("D", default=None)

    boxed = nc.Boxed({"a": 1}, S2I)
    with pytest.raises(nc.SerializationError, match="not supported in WCF JSON"):
        nc.to_wcf_json(HO(d=boxed), simple_dictionaries=True, known_types=[S2I])


# ----------------------------------------------------------------------------- reading


def test_reads_what_mono_reads() -> None:
    read = nc.from_wcf_json
    assert read(b'{"a":1,"b":2}', S2I, simple_dictionaries=True) == {"a": 1, "b": 2}
    assert read(b"{}", S2I, simple_dictionaries=True) == {}
    assert read(b'{"a":1,}', S2I, simple_dictionaries=True) == {"a": 1}
    assert read(b'{"a":"5"}', S2I, simple_dictionaries=True) == {"a": 5}
    assert read(b'{"a":1,"__type":2}', S2I, simple_dictionaries=True) == {"a": 1, "__type": 2}
    assert read(b'{"a\\u0062\\/":1}', S2I, simple_dictionaries=True) == {"ab/": 1}
    assert read(b'{"D":{"a":1}}', HS, simple_dictionaries=True) == HS(d={"a": 1})
    assert read(b'{"D":{}}', HI, simple_dictionaries=True) == HI(d={})
    nested = dict[str, dict[str, nc.Int32] | None]
    assert read(b'{"d":{"x":1},"e":{},"n":null}', nested, simple_dictionaries=True) == {
        "d": {"x": 1},
        "e": {},
        "n": None,
    }


@pytest.mark.parametrize(
    ("data", "tp", "path", "words"),
    [
        # Mono: ArgumentException "An item with the same key has already been added"
        (b'{"a":1,"a":2}', S2I, "", "duplicate member name"),
        # Mono reads [] as an empty dictionary, refuses Key/Value items
        (b"[]", S2I, "", "expected an object"),
        (b'{"D":[{"Key":"a","Value":1}]}', HS, "D", "expected an object"),
        # Mono: a first __type is a type hint ("no knowledge of any type ... 'x'")
        (b'{"__type":"x","a":1}', S2I, '["__type"]', "type hint"),
        # Mono: "ValueType 'System.Int32' cannot be null."
        (b'{"a":null}', S2I, '["a"]', "null is not allowed"),
        (b'{"a":"x"}', S2I, '["a"]', "Int32"),
        # Mono: FormatException (Int32.Parse), OverflowException, ArgumentException (the
        # same key twice)
        (b'{"D":{"1.0":"a"}}', HI, 'D["1.0"]', "not a Int32"),
        (b'{"D":{"2147483648":"a"}}', HI, 'D["2147483648"]', "Int32"),
        (b'{"D":{"1":"a","01":"b"}}', HI, 'D["01"]', "duplicate key"),
        # Mono reads a lone surrogate; netcontract refuses it, as in every string
        (b'{"\\ud800":1}', S2I, '["\\\\ud800"]', "surrogate"),
    ],
)
def test_refused_with_the_path(data: bytes, tp: Any, path: str, words: str) -> None:
    with pytest.raises(nc.PayloadError) as info:
        nc.from_wcf_json(data, tp, simple_dictionaries=True)
    problem = info.value.problems[0]
    assert (problem.path, words in problem.message) == (path, True), problem


def test_keys_are_bounded_like_members() -> None:
    limits = nc.Limits(max_collection_items=2)
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_wcf_json(b'{"D":{"a":1,"b":2,"c":3}}', HS, simple_dictionaries=True, limits=limits)
    assert (info.value.quota, info.value.problems[0].path) == ("max_collection_items", "D")
    limits = nc.Limits(max_string_length=3)
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_wcf_json(b'{"D":{"abcd":1}}', HS, simple_dictionaries=True, limits=limits)
    assert info.value.quota == "max_string_length"


# ----------------------------------------------------------------------------- property


@settings(max_examples=80, deadline=None)
@given(value=for_type(Several, local_offsets=st.just(0)))
def test_simple_form_round_trips_and_reads_as_the_default_form(value: Several) -> None:
    data = nc.to_wcf_json(value, lossy=True, simple_dictionaries=True)
    back = nc.from_wcf_json(data, Several, simple_dictionaries=True)
    assert nc.to_wcf_json(back, lossy=True, simple_dictionaries=True) == data
    indented = nc.to_wcf_json(value, lossy=True, simple_dictionaries=True, indent=True)
    assert _same(nc.from_wcf_json(indented, Several, simple_dictionaries=True), back)
    # the same value as the default form gives
    default = nc.to_wcf_json(value, lossy=True)
    assert _same(nc.from_wcf_json(default, Several), back)
    assert nc.to_wcf_json(back, lossy=True) == default
    try:
        exact = nc.to_wcf_json(value, simple_dictionaries=True)
    except nc.SerializationError:
        return  # lossy: sub-millisecond ticks or an Unspecified date
    assert exact == data
    assert _same(back, value)


def _same(a: Any, b: Any) -> bool:
    """Equality that tells -0.0 from 0.0, NaN equal to NaN, and keeps the key order."""
    if isinstance(a, float) and isinstance(b, float):
        return (a != a and b != b) or (a == b and str(a) == str(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)) and type(a) is type(b):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def test_a_lone_surrogate_key_is_refused_with_a_printable_path() -> None:
    with pytest.raises(nc.SerializationError, match="lone surrogate") as info:
        _root({"\ud800": 1})
    assert info.value.problems[0].path == '["\\\\ud800"]'
    str(info.value).encode("utf-8")  # printable


def test_datetimeoffset_keys_are_refused_even_empty() -> None:
    # Mono: reading "Key type 'System.DateTimeOffset' for collection type ... cannot be parsed
    # in simple dictionary" (even {}; null reads); writing {} for an empty one (which it then
    # cannot read), InvalidCastException for one entry
    tp = dict[nc.DateTimeOffset, nc.Int32]
    with pytest.raises(nc.SerializationError, match="cannot read DateTimeOffset keys"):
        _root({}, tp)
    with pytest.raises(nc.JsonPayloadError, match="cannot read DateTimeOffset keys"):
        nc.from_wcf_json(b"{}", tp, simple_dictionaries=True)
    assert nc.to_wcf_json(nc.Boxed({}, tp)) == b"[]"  # the default form is unaffected


# ----------------------------------------------------------------------------- other keys

GUID = uuid.UUID(int=0x0F8FAD5BD9CB469FA16570867728950E)

#: (key type, key text, the key Mono read or None where it threw): Mono 6.8 reading
#: {"<text>":...} with UseSimpleDictionaryFormat into Dictionary<K,...> (tests/interop/
#: dotnet/SimpleDict.cs, "to-default": the key as its default form writes it)
MONO_KEYS: list[tuple[Any, str, Any]] = [
    (nc.Int32, "1", 1),
    (nc.Int32, " 2 ", 2),
    (nc.Int32, "+3", 3),
    (nc.Int32, "-0", 0),
    (nc.Int32, "\t1\n", 1),
    (nc.Int32, "\v1\f", 1),
    (nc.Int32, "02\0", 2),
    (nc.Int32, "1\0\0", 1),
    (nc.Int32, "1 \0", 1),
    (nc.Int32, "1\0 ", None),
    (nc.Int32, "\x001", None),
    (nc.Int32, "-2147483648", -(2**31)),
    (nc.Int32, "2147483648", None),
    (nc.Int32, "1.0", None),
    (nc.Int32, "1e0", None),
    (nc.Int32, "0x1", None),
    (nc.Int32, "1,000", None),
    (nc.Int32, "\xa01", None),
    (nc.Int32, "\x851", None),
    (nc.Int32, "\u0661", None),
    (nc.Int32, "", None),
    (nc.Int32, "--1", None),
    (nc.Int32, "(1)", None),
    (nc.Int32, "1-", None),
    (nc.Int64, "-9223372036854775808", -(2**63)),
    (nc.Int64, "9223372036854775808", None),
    (nc.Byte, "255", 255),
    (nc.Byte, "-0", 0),
    (nc.Byte, "-1", None),
    (nc.Byte, "256", None),
    (nc.SByte, "-128", -128),
    (nc.SByte, "128", None),
    (nc.UInt32, "4294967295", 2**32 - 1),
    (nc.UInt64, "18446744073709551615", 2**64 - 1),
    (nc.UInt64, "-0", 0),
    (nc.UInt64, "-1", None),
    (bool, "True", True),
    (bool, "false", False),
    (bool, " TRUE ", True),
    (bool, "\xa0true\u3000", True),
    (bool, "true\0", True),
    (bool, "\0true", True),
    (bool, "True\0 ", True),
    (bool, "1", None),
    (bool, "yes", None),
    (bool, "", None),
    (uuid.UUID, "0F8FAD5B-D9CB-469F-A165-70867728950E", GUID),
    (uuid.UUID, "(0f8fad5b-d9cb-469f-a165-70867728950e)", GUID),
    (uuid.UUID, " {0f8fad5b-d9cb-469f-a165-70867728950e} ", GUID),
    (uuid.UUID, "\xa00f8fad5b-d9cb-469f-a165-70867728950e", GUID),
    (uuid.UUID, "0f8fad5bd9cb469fa16570867728950e", GUID),
    (uuid.UUID, "0f8fad5b-d9cb-469f-a165-70867728950", None),
    (Color, "Blue", Color.Blue),
    (Color, " Blue ", Color.Blue),
    (Color, "\xa0Blue", Color.Blue),
    (Color, "Red, Blue", Color.Blue),
    (Color, "Red,Blue", Color.Blue),
    (Color, "Blue,Blue", Color.Blue),
    (Color, "1", Color.Blue),
    (Color, " 1 ", Color.Blue),
    (Color, "+1", Color.Blue),
    (Color, "-0", Color.Red),
    (Color, "7", Color(7)),
    (Color, "-1", Color(-1)),
    (Color, "blue", None),
    (Color, "Red, 1", None),
    (Color, "1, Red", None),
    (Color, "2147483648", None),
    (Color, "0x1", None),
    (Color, "Blue\0", None),
    (Color, "", None),
    (nc.Char, "a", "a"),
    (nc.Char, " ", " "),
    (nc.Char, "\0", "\0"),
    (nc.Char, "ab", None),
    (nc.Char, "", None),
    (nc.Char, "\U0001f600", None),
]


def _key_id(text: str) -> str:
    """A test id of ``text`` without a backslash: pytest escapes one again each time it
    collects a module already imported, so `dev.py mutate` (which collects once before
    running each mutant's tests by id in the same process) could not select the test."""
    return "".join(c if c.isascii() and c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


@pytest.mark.parametrize(
    ("key", "text", "read"), MONO_KEYS, ids=[f"'{_key_id(t)}'" for _, t, _ in MONO_KEYS]
)
def test_keys_of_other_types_are_read_as_mono_parses_them(key: Any, text: str, read: Any) -> None:
    tp = dict[key, nc.Int32]  # type: ignore[valid-type]
    data = b"{" + json.dumps(text).encode() + b":1}"
    if read is None:
        with pytest.raises(nc.JsonPayloadError) as info:
            nc.from_wcf_json(data, tp, simple_dictionaries=True)
        assert info.value.problems[0].path.startswith("["), info.value
        return
    value = nc.from_wcf_json(data, tp, simple_dictionaries=True)
    assert value == {read: 1}
    assert type(next(iter(value))) is type(read)


@pytest.mark.parametrize(
    ("key", "text"),
    # Mono reads them by its culture: Double.Parse "1,5" -> 15, Decimal.Parse "1,5" -> 15,
    # TimeSpan.Parse "1" -> 1 day, DateTime.Parse "1/2/2020" -> January 2 (the invariant
    # culture), "2020-01-02T03:04:05Z" -> Local, in the server's zone
    [
        (float, "1,5"),
        (decimal.Decimal, "1,5"),
        (nc.TimeSpan, "1"),
        (nc.DateTime, "1/2/2020"),
        (nc.DateTime, "2020-01-02T03:04:05Z"),
    ],
)
def test_keys_read_by_the_servers_culture_are_refused(key: Any, text: str) -> None:
    with pytest.raises(nc.JsonPayloadError, match="culture"):
        nc.from_wcf_json(
            b'{"' + text.encode() + b'":1}', dict[key, nc.Int32], simple_dictionaries=True
        )
