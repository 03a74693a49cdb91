"""WCF JSON with ``simple_dictionaries=True`` against Mono's DataContractJsonSerializer with
``DataContractJsonSerializerSettings.UseSimpleDictionaryFormat = true`` (``dotnet/SimpleDict.cs``;
one Mono run feeds every case):

- drawn contracts with ``dict[str, V]`` members of many value kinds (nested, in lists,
  derived contracts, nulls, DateTimeOffsets...) and root dictionaries, with keys that need
  escaping: netcontract writes them (compact and indented), Mono reads each with the setting
  and writes it again byte for byte; netcontract reads Mono's bytes back to the same value;
  Mono's default form of what it read is netcontract's default form (``to_wcf_json``);
- what Mono writes from the default form (``from-default``) is netcontract's simple form;
- the documents Mono refuses, or reads where netcontract refuses (:data:`READS`), the key
  types Mono cannot write (:data:`OTHER_KEYS`), a first key ``__type``, and a dictionary in an
  ``object`` member (Mono writes ``KeyValuePair`` objects whatever the setting).
"""

from __future__ import annotations

import base64
import decimal
import json
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available

pytestmark = [pytest.mark.interop]

NS = "urn:simple-dict"


@nc.contract("SimpleDictNs", xml_namespace=NS)
class Color(nc.ContractEnum):
    Red = 0
    Blue = 1


@nc.contract("SimpleDictNs", xml_namespace=NS, known_types=("SubItem",))
class Item:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract("SimpleDictNs", xml_namespace=NS)
class SubItem(Item):
    s: str | None = nc.member("S", default=None)


@nc.contract("SimpleDictNs", xml_namespace=NS, known_types=(dict[str, nc.Int32],))
class Boxes:
    """The twin of SimpleDict.cs's Boxes: a dictionary in an object member."""

    d: object = nc.member("D", default=None)


@nc.collection_contract(name="Map", xml_namespace=NS, item_name="E", key_name="K", value_name="V")
class Map(dict[str, int]):
    pass


@nc.collection_contract(xml_namespace=NS, is_reference=True)
class RefMap(dict[str, int]):
    pass


@nc.contract("SimpleDictNs", xml_namespace=NS)
class Maps:
    """The twin of SimpleDict.cs's Maps."""

    s2i: dict[str, nc.Int32] | None = nc.member("S2I", default=None)
    s2s: dict[str, str | None] | None = nc.member("S2S", default=None)
    s2n: dict[str, nc.Int32 | None] | None = nc.member("S2N", default=None)
    s2c: dict[str, Item | None] | None = nc.member("S2C", default=None)
    nested: dict[str, dict[str, nc.Int32] | None] | None = nc.member("Nested", default=None)
    listed: list[dict[str, nc.Int32] | None] | None = nc.member("Listed", default=None)
    s2d: dict[str, nc.DateTime] | None = nc.member("S2D", default=None)
    s2o: dict[str, nc.DateTimeOffset] | None = nc.member("S2O", default=None)
    s2g: dict[str, uuid.UUID] | None = nc.member("S2G", default=None)
    s2e: dict[str, Color] | None = nc.member("S2E", default=None)
    s2l: dict[str, list[nc.Int32] | None] | None = nc.member("S2L", default=None)
    s2f: dict[str, float] | None = nc.member("S2F", default=None)
    s2b: dict[str, bytes | None] | None = nc.member("S2B", default=None)
    cm: Map | None = nc.member("CM", default=None)


#: SimpleDict.cs's Find names -> the Python type read and written
TYPES: dict[str, Any] = {
    "Maps": Maps,
    "s2i": dict[str, nc.Int32],
    "s2s": dict[str, str | None],
    "nested": dict[str, dict[str, nc.Int32] | None],
    "listed": list[dict[str, nc.Int32] | None],
    "i2s": dict[nc.Int32, str | None],
    "g2i": dict[uuid.UUID, nc.Int32],
    "e2i": dict[Color, nc.Int32],
    "c2s": dict[nc.Char, str | None],
    "d2i": dict[nc.DateTime, nc.Int32],
    "b2i": dict[bool, nc.Int32],
    "o2i": dict[nc.DateTimeOffset, nc.Int32],
    "l2i": dict[nc.Int64, nc.Int32],
    "y2i": dict[nc.Byte, nc.Int32],
    "sb2i": dict[nc.SByte, nc.Int32],
    "u2i": dict[nc.UInt64, nc.Int32],
    "ui2i": dict[nc.UInt32, nc.Int32],
    "f2i": dict[float, nc.Int32],
    "m2i": dict[decimal.Decimal, nc.Int32],
    "t2i": dict[nc.TimeSpan, nc.Int32],
    "Boxes": Boxes,
    "Map": Map,
    "RefMap": RefMap,
}
#: keys that need escaping or look like something else (Mono writes each as a member name)
EDGE_KEYS = ['a/"b\\', "\u2028\u0085\ufffe\u007f", "\U0001f600", "\x01\t\n", "", " a b "]
EDGE_KEYS += ["1x", "item", "root", "x:y", "<&>", "\u00e9", "Key", "__typ", "1", "null", "true"]
HAND = {
    "s2i": {k: i for i, k in enumerate(EDGE_KEYS)},
    "s2i-type-later": {"a": 1, "__type": 2},
    "s2s": {"a": None, "b": "", "c": "\\/Date(0)\\/"},
    "nested": {"d": {"x": 1}, "e": {}, "n": None},
    "listed": [{"q": 1}, None, {}],
    # a [CollectionDataContract] dictionary: KeyName and ValueName play no part
    "Map": Map(a=1, b=2),
}
DRAWN = 60
SIMPLE_MODES = ("simple", "simple-indent")


def _drawn() -> list[Any]:
    found: list[Any] = []

    @seed(14)
    @settings(
        max_examples=DRAWN,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_type(Maps, local_offsets=st.just(0), object_contracts=()))
    def collect(value: Maps) -> None:
        # -0.0 as +0: .NET reads "-0" as +0 (README, "Behaviours chosen where .NET is lossy")
        s2f = value.s2f and {k: v if v != 0 else 0.0 for k, v in value.s2f.items()}
        found.append(attrs.evolve(value, s2f=s2f))

    collect()
    return found


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _simple(value: Any, tp: Any, indent: bool = False) -> bytes:
    boxed = value if tp in (Maps, Map) else nc.Boxed(value, tp)
    return nc.to_wcf_json(boxed, indent=indent, lossy=True, simple_dictionaries=True)


def _default(value: Any, tp: Any) -> bytes:
    boxed = value if tp in (Maps, Map) else nc.Boxed(value, tp)
    return nc.to_wcf_json(boxed, lossy=True)


#: (type, document, Mono's verdict, netcontract's verdict): reading with the setting
#: "ok": read (both: to the same value); "refused"
READS: list[tuple[str, bytes, str, str]] = [
    ("s2i", b'{"a":1,"a":2}', "refused", "refused"),  # ArgumentException: same key
    ("s2i", b"[]", "ok", "refused"),  # Mono: an empty dictionary
    ("s2i", b'[{"Key":"a","Value":1}]', "refused", "refused"),
    ("s2i", b'{"__type":"x","a":1}', "refused", "refused"),  # a type hint
    ("s2i", b'{"__type":1}', "refused", "refused"),
    ("s2i", b'{"a":null}', "refused", "refused"),
    ("s2i", b'{"a":1,}', "ok", "ok"),
    ("s2i", b'{"a":"5"}', "ok", "ok"),
    ("s2i", b'{"a":1,"__type":2}', "ok", "ok"),  # not first: a key
    ("s2i", b'{"a\\u0062\\/":1,"\\ud83d\\ude00":2}', "ok", "ok"),
    ("s2i", b'{"":1}', "ok", "ok"),
    ("s2i", b"{}", "ok", "ok"),
    ("nested", b'{"d":{"x":1},"e":{},"n":null}', "ok", "ok"),
    ("listed", b'[{"q":1},null,{}]', "ok", "ok"),
    ("Maps", b'{"S2I":{"a":1}}', "ok", "ok"),
    ("Maps", b'{"S2I":[{"Key":"a","Value":1}]}', "refused", "refused"),
    ("Maps", b'{"S2C":{"a":{"__type":"SubItem:urn:simple-dict","N":1,"S":"s"}}}', "ok", "ok"),
    # keys of other types: Mono parses them (Int32.Parse, Guid.Parse, Enum.Parse,
    # Boolean.Parse, Char.Parse; its culture: invariant) though it cannot write them back:
    # netcontract reads them the same (MONO_KEYS below has one key per case)
    ("i2s", b'{"1":"a"," 2 ":"b","+3":"c"}', "ok", "ok"),
    ("i2s", b'{"1":"a","01":"b"}', "refused", "refused"),
    ("i2s", b'{"1.0":"a"}', "refused", "refused"),
    ("i2s", b"{}", "ok", "ok"),
    ("g2i", b'{"0F8FAD5B-D9CB-469F-A165-70867728950E":1}', "ok", "ok"),
    ("e2i", b'{"Blue":1,"0":2,"7":3}', "ok", "ok"),
    ("e2i", b'{"blue":1}', "refused", "refused"),
    ("e2i", b'{"Blue":1,"1":2}', "refused", "refused"),  # one key twice
    # DateTime.Parse: by the culture and the server's zone ("...Z" becomes Local): refused
    ("d2i", b'{"2020-01-02T03:04:05Z":1}', "ok", "refused"),
    ("b2i", b'{"True":1,"false":2}', "ok", "ok"),
    ("i2s", b'{"\\t1\\n":"a","-0":"b","02\\u0000":"c"}', "ok", "ok"),
    ("i2s", b'{"\\u00a01":"a"}', "refused", "refused"),
    ("i2s", b'{"2147483648":"a"}', "refused", "refused"),
    ("e2i", b'{"Red, Blue":1," Red ":2}', "ok", "ok"),
    ("e2i", b'{"bleu":1}', "refused", "refused"),
    ("b2i", b'{" TRUE ":1}', "ok", "ok"),
    ("b2i", b'{"1":1}', "refused", "refused"),
    ("g2i", b'{"(0f8fad5b-d9cb-469f-a165-70867728950e)":1}', "ok", "ok"),
    # Guid's X form: read alike (test_guid_interop.py); a short beyond 0xffff Mono cuts
    (
        "g2i",
        b'{"{0x0f8fad5b,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}":1}',
        "ok",
        "ok",
    ),
    (
        "g2i",
        b'{"{0x0f8fad5b,0x1d9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}":1}',
        "ok",
        "refused",
    ),
    # read by the culture: Double.Parse "1,5" is 15, Decimal.Parse too, TimeSpan.Parse "1"
    # one day (refused: the server's culture decides)
    ("f2i", b'{"1,5":1}', "ok", "refused"),
    ("m2i", b'{"1.50":1}', "ok", "refused"),
    ("t2i", b'{"1":1}', "ok", "refused"),
    # DateTimeOffset keys: "Key type 'System.DateTimeOffset' ... cannot be parsed in simple
    # dictionary", not even {} (null reads)
    ("o2i", b"{}", "refused", "refused"),
    # IsReference: "Unsupported value for IsReference", the setting notwithstanding
    ("RefMap", b'{"a":1}', "refused", "refused"),
    # an object member: Mono makes a bare object of {"a":1}, the members dropped
    ("Boxes", b'{"D":{"a":1}}', "ok", "refused"),
]
#: (type, one entry): Mono throws InvalidCastException writing them with the setting
OTHER_KEYS: list[tuple[str, dict[Any, Any]]] = [
    ("i2s", {1: "a"}),
    ("g2i", {uuid.UUID(int=1): 1}),
    ("e2i", {Color.Blue: 1}),
    ("c2s", {"c": "a"}),
    ("d2i", {nc.DateTime.from_parts(2020, 1, 2, kind=nc.DateTimeKind.UTC): 1}),
    ("b2i", {True: 1}),
]


@pytest.fixture(scope="module")
def cases() -> dict[str, tuple[str, Any]]:
    out: dict[str, tuple[str, Any]] = {}
    for index, value in enumerate(_drawn()):
        out[f"drawn/{index}"] = ("Maps", value)
    for name, value in HAND.items():
        out[f"hand/{name}"] = (name.split("-")[0], value)
    return out


@pytest.fixture(scope="module")
def mono(
    tmp_path_factory: pytest.TempPathFactory, cases: dict[str, tuple[str, Any]]
) -> dict[str, tuple[bool, str]]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe: Path = compile_program("SimpleDict", tmp_path_factory.mktemp("simple-dict"))
    lines = []
    for label, (name, value) in cases.items():
        tp = TYPES[name]
        lines.append(f"{label}/simple simple {name} {_b64(_simple(value, tp))}")
        lines.append(f"{label}/simple-indent simple-indent {name} {_b64(_simple(value, tp))}")
        lines.append(f"{label}/to-default to-default {name} {_b64(_simple(value, tp))}")
        lines.append(f"{label}/from-default from-default {name} {_b64(_default(value, tp))}")
    for index, (name, doc, _, _) in enumerate(READS):
        lines.append(f"reads/{index} to-default {name} {_b64(doc)}")
    for index, (name, value) in enumerate(OTHER_KEYS):
        lines.append(f"keys/{index} from-default {name} {_b64(_default(value, TYPES[name]))}")
        lines.append(f"keys-empty/{index} from-default {name} {_b64(_default({}, TYPES[name]))}")
    lines.append(f"object-member object-member Boxes {_b64(b'{}')}")
    lines.append(f"offsets-empty from-default o2i {_b64(b'[]')}")
    first_type = _default({"__type": 1, "a": 2}, TYPES["s2i"])
    lines.append(f"first-type from-default s2i {_b64(first_type)}")
    for index, (name, text, _) in enumerate(_mono_keys()):
        lines.append(f"mono-keys/{index} to-default {name} {_b64(_key_doc(name, text))}")
    out: dict[str, tuple[bool, str]] = {}
    stdout = run_program(exe, stdin=("\n".join(lines) + "\n").encode()).decode()
    for line in stdout.splitlines():
        label, status, text = line.split(" ")
        out[label] = (status == "OK", base64.b64decode(text).decode())
    assert len(out) == len(lines)
    return out


def _exact(value: Any, tp: Any) -> bool:
    """Whether WCF JSON carries the value whole (no sub-millisecond ticks, no Unspecified
    DateTime: those are written with lossy=True, as .NET writes them)."""
    boxed = value if tp in (Maps, Map) else nc.Boxed(value, tp)
    try:
        nc.to_wcf_json(boxed, simple_dictionaries=True)
    except nc.SerializationError:
        return False
    return True


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (a != a and b != b) or (a == b and str(a) == str(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if attrs.has(type(a)) and type(a) is type(b):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    return bool(a == b)


def test_simple_dictionaries_are_written_and_read_as_mono_does(
    cases: dict[str, tuple[str, Any]], mono: dict[str, tuple[bool, str]]
) -> None:
    failures = []
    for label, (name, value) in cases.items():
        tp = TYPES[name]
        for mode in SIMPLE_MODES:
            ours = _simple(value, tp, indent=mode == "simple-indent")
            accepted, text = mono[f"{label}/{mode}"]
            if not accepted:
                failures.append(f"{label} {mode}: Mono refused {ours!r}: {text}")
            elif text.encode() != ours:
                failures.append(f"{label} {mode}: ours {ours!r}\n  Mono {text!r}")
            elif _exact(value, tp) and not _same(
                nc.from_wcf_json(text, tp, simple_dictionaries=True), value
            ):
                failures.append(f"{label} {mode}: read back differs: {text!r}")
        accepted, text = mono[f"{label}/to-default"]
        if not accepted or text.encode() != _default(value, tp):
            failures.append(f"{label} to-default: ours {_default(value, tp)!r}\n  Mono {text!r}")
        accepted, text = mono[f"{label}/from-default"]
        if not accepted or text.encode() != _simple(value, tp):
            failures.append(f"{label} from-default: ours {_simple(value, tp)!r}\n  Mono {text!r}")
    assert not failures, "\n".join(failures[:5]) + f"\n({len(failures)} mismatches)"


@pytest.mark.parametrize(
    ("index", "name", "doc", "theirs", "ours"),
    [(i, *case) for i, case in enumerate(READS)],
    ids=[f"{n}:{d[:40]!r}" for n, d, _, _ in READS],
)
def test_documents_are_read_or_refused_as_mono_reads_them(
    mono: dict[str, tuple[bool, str]], index: int, name: str, doc: bytes, theirs: str, ours: str
) -> None:
    accepted, text = mono[f"reads/{index}"]
    assert accepted == (theirs == "ok"), text
    tp = TYPES[name]
    if ours == "refused":
        with pytest.raises(nc.PayloadError):
            nc.from_wcf_json(doc, tp, simple_dictionaries=True)
        return
    value = nc.from_wcf_json(doc, tp, simple_dictionaries=True)
    # the same value: Mono's default form of what it read is netcontract's
    assert _default(value, tp) == text.encode()


@pytest.mark.parametrize(("index", "name", "value"), [(i, *c) for i, c in enumerate(OTHER_KEYS)])
def test_other_key_types_are_refused_as_mono_cannot_write_them(
    mono: dict[str, tuple[bool, str]], index: int, name: str, value: dict[Any, Any]
) -> None:
    accepted, text = mono[f"keys/{index}"]
    assert not accepted and text.startswith("InvalidCastException"), text
    tp = TYPES[name]
    with pytest.raises(nc.SerializationError, match="string keys only"):
        _simple(value, tp)
    # empty, Mono writes {} (no key to cast): netcontract too
    assert mono[f"keys-empty/{index}"] == (True, "{}")
    assert _simple({}, tp) == b"{}"


def test_a_first_key_named_type_is_refused_as_mono_cannot_read_it_back(
    mono: dict[str, tuple[bool, str]],
) -> None:
    assert mono["first-type"] == (True, '{"__type":1,"a":2}')
    with pytest.raises(nc.SerializationError, match="type hint"):
        _simple({"__type": 1, "a": 2}, TYPES["s2i"])


def test_a_dictionary_in_an_object_member_is_refused_as_before(
    mono: dict[str, tuple[bool, str]],
) -> None:
    # Mono writes KeyValuePair objects with their own __type, the setting notwithstanding
    assert mono["object-member"] == (
        True,
        '{"D":[{"__type":"KeyValuePairOfstringint:#System.Collections.Generic",'
        '"key":"a","value":1}]}',
    )
    boxes = Boxes(d=nc.Boxed({"a": 1}, dict[str, nc.Int32]))
    with pytest.raises(nc.SerializationError, match="not supported in WCF JSON"):
        nc.to_wcf_json(boxes, simple_dictionaries=True)


def test_datetimeoffset_keys_are_refused_even_empty(mono: dict[str, tuple[bool, str]]) -> None:
    # Mono writes an empty Dictionary<DateTimeOffset,int> as {} and refuses to read {} back
    # (READS); one entry: InvalidCastException
    assert mono["offsets-empty"] == (True, "{}")
    tp = TYPES["o2i"]
    with pytest.raises(nc.SerializationError, match="cannot read DateTimeOffset keys"):
        _simple({}, tp)
    with pytest.raises(nc.JsonPayloadError, match="cannot read DateTimeOffset keys"):
        nc.from_wcf_json(b"{}", tp, simple_dictionaries=True)


#: the unit tests' key types -> SimpleDict.cs's Find names
_KEY_NAMES = {
    nc.Int32: "i2s",
    nc.Int64: "l2i",
    nc.Byte: "y2i",
    nc.SByte: "sb2i",
    nc.UInt32: "ui2i",
    nc.UInt64: "u2i",
    bool: "b2i",
    uuid.UUID: "g2i",
    nc.Char: "c2s",
}


def _mono_keys() -> list[tuple[str, str, Any]]:
    """test_wcf_simple_dictionaries.py's MONO_KEYS (the unit tests state Mono's keys), as
    (Find name, key text, the key read or None)."""
    from tests.netcontract.json.test_wcf_simple_dictionaries import MONO_KEYS

    return [(_KEY_NAMES.get(key, "e2i"), text, read) for key, text, read in MONO_KEYS]


def _key_doc(name: str, text: str) -> bytes:
    value = b'"a"' if name in ("i2s", "c2s") else b"1"
    return b"{" + json.dumps(text).encode() + b":" + value + b"}"


def test_keys_of_other_types_are_read_as_mono_reads_them(
    mono: dict[str, tuple[bool, str]],
) -> None:
    """Each key of the unit tests' MONO_KEYS, read by Mono live: accepted where the unit test
    says (to the same key: Mono's default form of what it read is netcontract's), refused
    where it says None; netcontract the same."""
    failures = []
    for index, (name, text, read) in enumerate(_mono_keys()):
        accepted, theirs = mono[f"mono-keys/{index}"]
        doc = _key_doc(name, text)
        if accepted != (read is not None):
            failures.append(f"{name} {text!r}: Mono {'read' if accepted else 'refused'} it")
            continue
        if not accepted:
            with pytest.raises(nc.PayloadError):
                nc.from_wcf_json(doc, TYPES[name], simple_dictionaries=True)
            continue
        value = nc.from_wcf_json(doc, TYPES[name], simple_dictionaries=True)
        if _default(value, TYPES[name]) != theirs.encode():
            failures.append(
                f"{name} {text!r}: ours {_default(value, TYPES[name])!r}, Mono {theirs!r}"
            )
    assert not failures, "\n".join(failures)
