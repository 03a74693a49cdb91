"""``Dictionary<K,int>`` keys of Double, Single, Decimal, TimeSpan, DateTimeOffset, Byte and
SByte against Mono (``dotnet/DictKeys.cs``: DataContractSerializer, DataContractJsonSerializer
and Json.NET 6.0.8; one Mono run feeds every case):

- drawn dictionaries (``netcontract.strategies``, with the edge keys added: ±0, ±Infinity,
  Double/Single extremes, Decimal's max and scale, TimeSpan min/max, offsets of ±14:00) are
  written by netcontract (dictionary as the document: XML compact, indented and
  ``layout="stream"``, WCF JSON compact and indented, Json.NET compact and indented); Mono
  reads each and writes it again: byte for byte netcontract's, and netcontract reads it back
  to the same value;
- Json.NET's key texts: what Mono reads from property names (``" 1.5 "``, ``"1,000"``,
  ``"-0"``, ``"24:00:00"``...) netcontract reads to the same key, or refuses where the
  README says it refuses what .NET reads lossily or by the server's settings;
- the refusals: a Double key Json.NET writes with 15 digits that read back as another number
  (Mono writes ``1/3`` as ``0.333333333333333``, ``Double.MaxValue`` as a text it cannot
  read back), a Single key its 7 digits do not keep.
"""

from __future__ import annotations

import base64
import decimal
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

import netcontract as nc
from netcontract.clr.datetimeoffset import DateTimeOffset
from netcontract.clr.timespan import TimeSpan
from netcontract.strategies import for_type

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available

pytestmark = [pytest.mark.interop]

D = decimal.Decimal


@nc.contract("DictKeysNs", xml_namespace="urn:dict-keys")
class KeyHolder:
    """The twin of DictKeys.cs's KeyHolder (its XSD export)."""

    a: dict[float, nc.Int32] | None = nc.member("A", default=None)
    b: dict[nc.Single, nc.Int32] | None = nc.member("B", default=None)
    c: dict[D, nc.Int32] | None = nc.member("C", default=None)
    d: dict[nc.TimeSpan, nc.Int32] | None = nc.member("D", default=None)
    e: dict[nc.DateTimeOffset, str | None] | None = nc.member("E", default=None)
    f: dict[nc.Byte, nc.Int32] | None = nc.member("F", default=None)
    g: dict[nc.SByte, nc.Int32] | None = nc.member("G", default=None)


#: the C# type's name (DictKeys.cs's Find) -> the Python dictionary type
TYPES: dict[str, Any] = {
    "double": dict[float, nc.Int32],
    "float": dict[nc.Single, nc.Int32],
    "decimal": dict[D, nc.Int32],
    "duration": dict[nc.TimeSpan, nc.Int32],
    "DateTimeOffset": dict[nc.DateTimeOffset, nc.Int32],
    "unsignedByte": dict[nc.Byte, nc.Int32],
    "byte": dict[nc.SByte, nc.Int32],
}
EDGES: dict[str, dict[Any, int]] = {
    "double": {0.1: 1, 1e15: 2, 0.0: 3, math.inf: 4, -math.inf: 5, 1e-5: 6, 5e-324: 7},
    "float": {nc.to_single(0.1): 1, 1e7: 2, math.inf: 3, nc.to_single(3.402823e38): 4},
    "decimal": {D("1.50"): 1, D("-0.0"): 2, D("79228162514264337593543950335"): 3, D("1E-28"): 4},
    "duration": {TimeSpan(-15000000): 1, TimeSpan.MAX_VALUE: 2, TimeSpan.MIN_VALUE: 3},
    "DateTimeOffset": {
        DateTimeOffset.parse("2020-01-02T03:04:05+14:00"): 1,
        DateTimeOffset.parse("2020-01-02T03:04:05-14:00"): 2,
        DateTimeOffset.MIN_VALUE: 3,
        DateTimeOffset.parse("9999-12-31T23:59:59.999+00:00"): 4,
    },
    "unsignedByte": {0: 1, 255: 2},
    "byte": {-128: 1, 127: 2},
}
DRAWN = 25  # per key type
MODES = ["xml", "xml-indent", "stream", "wcf", "wcf-indent", "json", "json-indent"]
#: (key type, property name) Json.NET reads (or refuses) as a key
JSON_NAMES = [
    *(
        ("double", n)
        for n in ["0.1", " 1.5 ", "+1.5", "1,000", ".5", "5.", "1e3", "-0", "NaN", "Infinity"]
    ),
    *(("double", n) for n in ["-Infinity", "INF", "0x10", "1.5\u00a0", "1.79769313486232E+308"]),
    ("double", "infinity"),  # what the CamelCase resolver writes for Infinity
    # String.Trim's white space around a name (not U+001C), not around a number
    *(("double", n) for n in ["\u00a0Infinity", "\u2003-Infinity", "\u001cNaN", "\u00a01.5"]),
    *(("float", n) for n in ["0.3333333", "3.5E+38", "1E-45", "3.40282347E+38"]),
    *(("decimal", n) for n in ["1.50", "-0.0", " 1.5 ", "+1.5", "1,000", ".5", "5.", "1e3"]),
    *(("decimal", n) for n in ["79228162514264337593543950336", "1.0000000000000000000000000001"]),
    # a sign after the number (NumberStyles.Number's AllowTrailingSign), not both
    *(("decimal", n) for n in ["1-", " 1.5 - ", ".5-", "1+", "-1-", "- 1", "1--"]),
    ("decimal", "0.0000000000000000000000000000001"),
    *(("duration", n) for n in ["-00:00:01.5000000", "1", "1:2", " 1:02:03 ", "P1D", "24:00:00"]),
    ("duration", "00:00:00.12345678"),
    *(
        ("DateTimeOffset", n)
        for n in [
            "2020-01-02T03:04:05+02:00",
            "2020-01-02T03:04:05.1234567+02:00",
            "2020-01-02T03:04:05Z",
            "\\/Date(1577927045000+0200)\\/",
            "2020-01-02T03:04:05",
            "Jan 2 2020",
        ]
    ),
    *(("unsignedByte", n) for n in ["255", " 7", "256", "-1"]),
]
#: names Mono reads that netcontract refuses, as the README says: rounding past 28 places,
#: 24:00:00 (Mono: 24 days), text without an offset or no ISO date (the server's zone)
REFUSED_ON_PURPOSE = {
    ("decimal", "0.0000000000000000000000000000001"),
    ("duration", "24:00:00"),
    ("DateTimeOffset", "2020-01-02T03:04:05"),
    ("DateTimeOffset", "Jan 2 2020"),
    ("double", "NaN"),  # (a NaN key: Python's dict cannot find it again)
}
#: keys whose Json.NET text Mono writes with too few digits: netcontract refuses them
LOSSY_IN_JSON = [
    ("double", {1 / 3: 1}),
    ("double", {1.7976931348623157e308: 1}),
    ("double", {0.1 + 0.2: 1}),
    ("float", {nc.to_single(1 / 3): 1}),
    ("float", {16777216.0 + 2: 1}),
    ("float", {nc.to_single(3.4028234663852886e38): 1}),  # Single.MaxValue
]


def _drawn(name: str) -> list[dict[Any, int]]:
    found: list[dict[Any, int]] = []

    @seed(14)
    @settings(
        max_examples=DRAWN,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_type(TYPES[name]))
    def collect(value: dict[Any, int]) -> None:
        # -0.0 as +0: .NET reads "-0" as +0 (README, "Behaviours chosen where .NET is
        # lossy": netcontract keeps the sign, as for values; test_dict_interop does the same)
        found.append({(0.0 if k == 0 and isinstance(k, float) else k): v for k, v in value.items()})

    collect()
    return [EDGES[name], *found]


def _write(mode: str, value: dict[Any, int], tp: Any) -> bytes:
    boxed = nc.Boxed(value, tp)
    if mode in ("xml", "xml-indent"):
        return nc.to_xml(boxed, indent=mode == "xml-indent")
    if mode == "stream":
        return nc.to_xml(boxed, layout="stream")
    if mode.startswith("wcf"):
        return nc.to_wcf_json(boxed, indent=mode == "wcf-indent", lossy=True)
    return nc.to_json(boxed, indent=mode == "json-indent")


def _read(mode: str, data: bytes, tp: Any) -> Any:
    if mode.startswith("wcf"):
        return nc.from_wcf_json(data, tp)
    if mode.startswith("json"):
        return nc.from_json(data, tp)
    return nc.from_xml(data, tp)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture(scope="module")
def cases() -> dict[str, tuple[str, str, dict[Any, int], bytes]]:
    """Every drawn case: label -> (key type, mode, value, netcontract's bytes)."""
    out = {}
    for name, tp in TYPES.items():
        # (DateTimeOffset keys are drawn in whole milliseconds: WCF JSON writes no more)
        for index, value in enumerate(_drawn(name)):
            for mode in MODES:
                out[f"{name}/{index}/{mode}"] = (name, mode, value, _write(mode, value, tp))
    return out


@pytest.fixture(scope="module")
def mono(
    tmp_path_factory: pytest.TempPathFactory, cases: dict[str, Any]
) -> dict[str, tuple[bool, str]]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe: Path = compile_program("DictKeys", tmp_path_factory.mktemp("dict-keys"))
    lines = [
        f"{label} {mode} {name} {_b64(data)}" for label, (name, mode, _, data) in cases.items()
    ]
    for index, (name, text) in enumerate(JSON_NAMES):
        doc = ('{"' + text + '":1}').encode()
        lines.append(f"names/{index} json-to-xml {name} {_b64(doc)}")
    for index, (name, value) in enumerate(LOSSY_IN_JSON):
        lines.append(f"lossy/{index} xml-to-json {name} {_b64(_write('xml', value, TYPES[name]))}")
    lines.append("xsd xsd - -")
    infinity = _b64(_write("xml", {math.inf: 1}, TYPES["double"]))
    lines.append(f"camel-infinity xml-to-json-camel double {infinity}")
    out: dict[str, tuple[bool, str]] = {}
    stdout = run_program(exe, stdin=("\n".join(lines) + "\n").encode()).decode()
    for line in stdout.splitlines():
        label, status, text = line.split(" ")
        out[label] = (status == "OK", base64.b64decode(text).decode())
    assert len(out) > len(lines)  # (the xsd line gives one line per schema)
    return out


def test_drawn_keys_are_written_and_read_as_mono_does(
    cases: dict[str, tuple[str, str, dict[Any, int], bytes]], mono: dict[str, tuple[bool, str]]
) -> None:
    failures = []
    for label, (name, mode, value, ours) in cases.items():
        accepted, text = mono[label]
        if not accepted:
            failures.append(f"{label}: Mono refused {ours!r}: {text}")
        elif text.encode() != ours:
            failures.append(f"{label}: ours {ours!r}\n  Mono {text!r}")
        elif _read(mode, text.encode(), TYPES[name]) != value:
            failures.append(f"{label}: read back differs: {text!r}")
    assert not failures, "\n".join(failures[:5]) + f"\n({len(failures)} mismatches)"


@pytest.mark.parametrize(("index", "name", "text"), [(i, *c) for i, c in enumerate(JSON_NAMES)])
def test_jsonnet_key_texts_are_read_as_mono_reads_them(
    mono: dict[str, tuple[bool, str]], index: int, name: str, text: str
) -> None:
    accepted, monos_xml = mono[f"names/{index}"]
    doc = ('{"' + text + '":1}').encode()
    tp = TYPES[name]
    try:
        ours = nc.from_json(doc, tp)
    except nc.JsonPayloadError:
        assert not accepted or (name, text) in REFUSED_ON_PURPOSE, monos_xml
        return
    assert accepted, monos_xml
    assert (name, text) not in REFUSED_ON_PURPOSE
    if text == "-0":
        # .NET reads it as +0, netcontract keeps the sign (README, as for values): one key
        assert ours == {0.0: 1} and "<Key>0</Key>" in monos_xml
        return
    # the same key: netcontract writes it as Mono wrote what it read
    assert nc.to_xml(nc.Boxed(ours, tp)).decode() == monos_xml


@pytest.mark.parametrize(("index", "name", "value"), [(i, *c) for i, c in enumerate(LOSSY_IN_JSON)])
def test_keys_jsonnet_writes_lossily_are_refused(
    mono: dict[str, tuple[bool, str]], index: int, name: str, value: dict[Any, int]
) -> None:
    accepted, written = mono[f"lossy/{index}"]
    assert accepted, written
    tp = TYPES[name]
    # what Mono's Json.NET wrote does not read back as the key (or not at all)
    try:
        back = nc.from_json(written.encode(), tp)
    except nc.JsonPayloadError:
        back = None
    assert back != value, written
    with pytest.raises(nc.SerializationError, match="significant digits"):
        nc.to_json(nc.Boxed(value, tp))
    # XML and WCF JSON write the "R" text, which keeps it
    assert nc.from_xml(nc.to_xml(nc.Boxed(value, tp)), tp) == value


def test_an_infinite_key_is_refused_with_the_camel_case_resolver(
    mono: dict[str, tuple[bool, str]],
) -> None:
    # Mono writes {"infinity":1}, which its Json.NET cannot read (JSON_NAMES: "infinity")
    assert mono["camel-infinity"] == (True, '{"infinity":1}')
    camel = nc.JsonSettings(contract_resolver="CamelCase")
    with pytest.raises(nc.SerializationError, match="cannot read back as a number"):
        nc.to_json(nc.Boxed({math.inf: 1}, TYPES["double"]), settings=camel)
    assert nc.to_json(nc.Boxed({1e15: 1}, TYPES["double"]), settings=camel) == b'{"1E+15":1}'


def test_the_xsd_export_is_monos(mono: dict[str, tuple[bool, str]]) -> None:
    # XsdDataContractExporter's schemas of a contract with a member of each key type, byte
    # for byte (Mono's extra stub schema for XML Schema's namespace left out: test_xsd_interop)
    theirs = {
        label.split("/", 1)[1]: text
        for label, (_, text) in mono.items()
        if label.startswith("xsd/")
    }
    theirs.pop("http://www.w3.org/2001/XMLSchema")
    ours = nc.export_schemas(KeyHolder)
    assert sorted(ours) == sorted(theirs)
    for ns, text in theirs.items():
        assert ours[ns] == text, ns


def test_generate_maps_monos_schemas_of_these_keys(
    mono: dict[str, tuple[bool, str]], tmp_path: Path
) -> None:
    # netcontract generate over Mono's export: every member declared (nothing reported), and
    # the generated contract exports Mono's schemas again
    from netcontract.generate import generate_module
    from netcontract.xsd.export import schema_file_name

    theirs = {
        label.split("/", 1)[1]: text
        for label, (_, text) in mono.items()
        if label.startswith("xsd/")
    }
    theirs.pop("http://www.w3.org/2001/XMLSchema")
    for ns, text in theirs.items():
        (tmp_path / schema_file_name(ns)).write_text(text, encoding="utf-8")
    made = generate_module(tmp_path)
    assert made.reports == ()
    namespace: dict[str, Any] = {}
    exec(compile(made.code, "generated", "exec"), namespace)
    assert nc.export_schemas(namespace["KeyHolder"]) == theirs
