"""WCF's own JSON (DataContractJsonSerializer on Mono) against to_wcf_json / from_wcf_json.

The Vehizen corpus, the edge contracts of test_edge_contracts.py and a hypothesis run of
generated documents (drawn as test_conformance.py draws them, sent in pipelined batches to
one Mono process) are checked in both directions:

- forward: .NET reads netcontract's XML of the object and writes WCF JSON, compact and
  indented: netcontract's ``to_wcf_json(obj, lossy=True)`` must be the same bytes (and
  where .NET refuses to write, netcontract refuses too);
- reverse: .NET reads netcontract's WCF JSON and writes XML and WCF JSON back; netcontract
  reads the same bytes (``from_wcf_json``) and must write the same XML and WCF JSON (or
  refuse where .NET refuses).

Local dates are drawn with the offset +00:00 only (Mono runs with ``TZ=UTC`` and writes its
own offset; netcontract writes the value's: pinned in tests/netcontract/json/test_wcf_json.py).
"""

from __future__ import annotations

import difflib
import functools
import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import DateTimeKind
from netcontract.clr.value_types import SINGLE
from netcontract.model.wire import ContractType, ListType, ObjectType
from netcontract.strategies import for_type

from . import edge_models
from ._mono import mono_available, mono_unavailable_reason
from ._mono_wcf import WcfTwin
from .edge_models import DRIVER_KNOWN_TYPES
from .test_conformance import as_dotnet_holds, generate, undo_mono_bare_object
from .test_edge_contracts import CASES, same
from .test_vehizen_corpus import CORPUS

# the twin's serializers know the driver's types (new DataContractSerializer(type, KnownTypes)),
# and DateTimeOffset (WcfDriver.cs adds it, as a WCF service declares it: unknown, Mono refuses
# it in an object member): netcontract is given the same list
_WCF_KNOWN_TYPES = (*DRIVER_KNOWN_TYPES, nc.DateTimeOffset)
_to_xml = functools.partial(nc.to_xml, known_types=_WCF_KNOWN_TYPES)
_from_xml = functools.partial(nc.from_xml, known_types=_WCF_KNOWN_TYPES)
_to_wcf_json = functools.partial(nc.to_wcf_json, known_types=_WCF_KNOWN_TYPES)
_from_wcf_json = functools.partial(nc.from_wcf_json, known_types=_WCF_KNOWN_TYPES)

pytestmark = pytest.mark.interop

DOCS: Final = int(os.environ.get("NETCONTRACT_INTEROP_WCF_DOCS", "600"))
_SEED_TEXT: Final = os.environ.get("NETCONTRACT_INTEROP_SEED")
SEED: Final = int(_SEED_TEXT) if _SEED_TEXT else random.SystemRandom().randrange(2**32)

#: what netcontract refuses on reading where .NET reads the value losing part of it
#: (README, "Behaviours chosen where .NET is lossy")
LOSSY_REFUSALS: Final = ("reads it into an object as a Decimal, rounded",)


@pytest.fixture(scope="module")
def wcf() -> Iterator[WcfTwin]:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    twin = WcfTwin()
    try:
        yield twin
    finally:
        twin.close()


def _twin_name(obj: Any) -> str:
    cls = type(obj)
    if cls.__module__.startswith("vehizen"):
        return cls.__name__
    return f"{cls.__netcontract__.xml_namespace.rsplit('/', 1)[-1]}.{cls.__name__}"


def _has_local_offset(value: Any, seen: int = 0) -> bool:
    """Whether a Local DateTime with a non-zero offset is inside (Mono at TZ=UTC shifts it)."""
    if seen > 50:
        return False
    if isinstance(value, nc.DateTime):
        return value.kind is DateTimeKind.LOCAL and value.offset_minutes != 0
    if isinstance(value, list | tuple):
        return any(_has_local_offset(v, seen + 1) for v in value)
    if hasattr(type(value), "__netcontract__") and hasattr(value, "__attrs_attrs__"):
        return any(
            _has_local_offset(getattr(value, a.name), seen + 1) for a in value.__attrs_attrs__
        )
    return False


def _has_object_member(cls: type, seen: set[type] | None = None) -> bool:
    """Whether ``cls`` or a contract it holds has an ``object`` member (whose .NET type WCF
    JSON does not carry: a Guid comes back as a string)."""
    seen = set() if seen is None else seen
    if cls in seen:
        return False
    seen.add(cls)
    for member in nc.contract_info(cls).xml_members:
        wire = member.slot.wire
        while isinstance(wire, ListType):
            wire = wire.item.wire
        if isinstance(wire, ObjectType):
            return True
        if isinstance(wire, ContractType) and _has_object_member(wire.cls, seen):
            return True
    return False


def _ours(obj: Any, indent: bool = False) -> bytes | str:
    try:
        return _to_wcf_json(obj, indent=indent, lossy=True)
    except nc.SerializationError as exc:
        return f"refused: {exc}"


def _read(data: bytes, cls: type) -> Any:
    try:
        return _from_wcf_json(data, cls)
    except (nc.JsonPayloadError, nc.QuotaExceededError) as exc:
        return exc


def _diff(name: str, ours: bytes | str, theirs: bytes | str | None) -> str:
    if not isinstance(theirs, bytes) or not isinstance(ours, bytes):
        return f"--- {name}\nnetcontract: {ours!r}\n.NET: {theirs!r}"
    lines = difflib.unified_diff(
        ours.decode("utf-8", "replace").splitlines(),
        theirs.decode("utf-8", "replace").splitlines(),
        "netcontract",
        ".NET",
        lineterm="",
    )
    return f"--- {name}\n" + "\n".join(lines)


def compare(wcf: WcfTwin, items: list[tuple[str, Any]]) -> tuple[list[str], int]:
    """Both directions for every (name, object); the mismatches, and the documents checked."""
    items = [(n, o) for n, o in items if not _has_local_offset(o)]
    failures: list[str] = []
    forward = []
    for _, obj in items:
        try:
            forward.append((_twin_name(obj), "xml", _to_xml(obj)))
        except nc.SerializationError:  # (an unnamed enum value: JSON only)
            forward.append((_twin_name(obj), "wcfjson", b"{}"))
    reverse = [(_twin_name(o), "wcfjson", _ours(o)) for _, o in items]
    sendable = [r for r in reverse if isinstance(r[2], bytes)]
    results = wcf.wcf_many([*forward, *sendable])
    forward_results, reverse_results = results[: len(forward)], results[len(forward) :]
    for (name, obj), request, result in zip(items, forward, forward_results, strict=True):
        if request[1] != "xml":
            continue
        assert result.ok, f"{name}: .NET could not read netcontract's XML: {result.read_error}"
        for indent, theirs in ((False, result.wcfjson), (True, result.wcfjson_indent)):
            ours = _ours(as_dotnet_holds(obj), indent)  # .NET reads "-0" as +0
            if isinstance(theirs, bytes) != isinstance(ours, bytes) or (
                isinstance(theirs, bytes) and theirs != ours
            ):
                failures.append(
                    _diff(f"{name}: XML -> .NET -> WCF JSON (indent {indent})", ours, theirs)
                )
    reverse_iter = iter(reverse_results)
    for (name, obj), request in zip(items, reverse, strict=True):
        if not isinstance(request[2], bytes):
            continue
        result = next(reverse_iter)
        back = _read(request[2], type(obj))
        if not result.ok:
            if not isinstance(back, Exception):
                failures.append(
                    f"--- {name}: .NET refused our WCF JSON, netcontract read it: "
                    f"{result.read_error}"
                )
            continue
        if isinstance(back, Exception):
            if not any(marker in str(back) for marker in LOSSY_REFUSALS):
                failures.append(f"--- {name}: netcontract refused its own WCF JSON: {back}")
            continue
        back = as_dotnet_holds(back)  # .NET reads "-0" as +0 (netcontract keeps the sign)
        for ours, theirs, what in (
            (_xml(back), _undo_mono_bare(result.xml), "XML"),
            (_ours(back), result.wcfjson, "WCF JSON"),
            (_ours(back, True), result.wcfjson_indent, "WCF JSON indented"),
        ):
            if ours != theirs and not (isinstance(ours, str) and isinstance(theirs, str)):
                failures.append(_diff(f"{name}: WCF JSON -> read -> {what}", ours, theirs))
    return failures, len(items)


def _undo_mono_bare(output: bytes | str | None) -> bytes | str | None:
    # Mono writes new object() with i:type="anyType" (.NET and netcontract: <Data />)
    return undo_mono_bare_object(output) if isinstance(output, bytes) else output


def _xml(obj: Any) -> bytes | str:
    try:
        return _to_xml(obj)
    except nc.SerializationError as exc:
        return f"refused: {exc}"


def test_corpus_and_edge_contracts_are_written_and_read_as_dotnet_does(wcf: WcfTwin) -> None:
    items = [(name, obj) for name, obj in CORPUS]
    items += [(case.id, case.obj) for case in CASES]
    failures, checked = compare(wcf, items)
    assert checked >= 100
    assert not failures, "\n".join(failures[:6]) + f"\n({len(failures)} mismatches)"


def test_dotnet_bytes_read_back_to_equal_objects(wcf: WcfTwin) -> None:
    """What .NET writes reads back to the object itself, where nothing is lost on the way
    (no object member, whose type WCF JSON does not carry; no sub-millisecond ticks)."""
    items = [(n, o, o) for n, o in CORPUS if not _has_local_offset(o)]
    # (EmitDefaultValue=false leaves values out: those read back as the defaults)
    items += [(c.id, c.obj, c.read_obj or c.obj) for c in CASES if not _has_local_offset(c.obj)]
    results = wcf.wcf_many((_twin_name(o), "xml", _to_xml(o)) for _, o, _ in items)
    equal = 0
    for (name, obj, expected), result in zip(items, results, strict=True):
        theirs = result.wcfjson
        assert isinstance(theirs, bytes), f"{name}: {theirs}"
        back = _from_wcf_json(theirs, type(obj))
        assert _to_wcf_json(back, lossy=True) == theirs, name
        try:
            exact = _to_wcf_json(obj) == theirs  # nothing lossy in it
        except nc.SerializationError:
            continue
        if exact and not _has_object_member(type(obj)):
            assert same(back, expected), name
            equal += 1
    assert equal >= 20


#: the twins of the value types WCF JSON gained with issue 14 (Single, DateTimeOffset,
#: wire-named and [Flags] enums, users' own types), drawn by hypothesis besides the edges below
#: (not Box: its object member draws any registered contract, the test modules' too, which
#: the twin does not know; the edges put these types in it)
VALUE_TWINS: Final = (edge_models.Singles, edge_models.Offsets, edge_models.Enums, edge_models.Own)
VALUE_DOCS: Final = int(os.environ.get("NETCONTRACT_INTEROP_WCF_VALUE_DOCS", "200"))


def _value_edges() -> list[tuple[str, Any]]:
    """Hand-picked extremes of the new value types (Mono wrote them in the probe of
    docs/wcf-json-rules.md)."""
    m = edge_models
    single = nc.to_single
    offsets = nc.DateTimeOffset
    hours14 = 14 * 36_000_000_000
    floats = [1.1, 0.1, 1e7, 1.5e-5, 123456792.0, 1.00000012, 3.4028234663852886e38]
    floats += [1.401298464324817e-45, float("nan"), float("inf"), float("-inf"), 0.0]
    singles = [single(f) for f in floats]
    dto = offsets(637135310456780000 + 1234, 60)  # sub-millisecond ticks: truncated
    east = offsets(offsets.MIN_VALUE.ticks + hours14, 840)
    west = offsets(offsets.MAX_VALUE.ticks - hours14, -840)
    access = m.Access
    return [
        ("singles-extremes", m.Singles(f=singles[0], nf=singles[8], fs=singles, nfs=[None, 1.5])),
        ("offsets-extremes", m.Offsets(d=east, nd=west, ds=[dto, offsets.MIN_VALUE], nds=[None])),
        ("offsets-max", m.Offsets(d=offsets.MAX_VALUE)),
        (
            "enums-flags-and-unserializable",
            m.Enums(
                p=m.Progress.Legacy,
                np=m.Progress.InProgress,
                ps=[m.Progress.Zero, m.Progress.Done],
                f=access.Read | access.Exec | access.Sign,
                nf=access.ReadWrite,
                fs=[access.Nothing, access.Write | access.Exec],
                nfs=[None, access.Sign],
                m=m.Marks.Hidden | m.Marks.A,
                ms=[m.Marks(0), m.Marks.B | m.Marks.C],
            ),
        ),
        ("enums-unnamed", m.Enums(p=m.Progress(99), f=access(64), m=m.Marks(100))),
        (
            "own",
            m.Own(
                price=m.Money(-150),
                tip=m.Money(5),
                phone=m.PhoneNumber("+1 2"),
                phones=[m.PhoneNumber("+3")],
                tips=[None, m.Money(1)],
                ticket=m.Ticket(2**63 - 1),
            ),
        ),
        ("box-offset", m.Box(thing=dto)),
        ("box-single", m.Box(thing=nc.Boxed(single(0.1), SINGLE))),
        ("box-flags", m.Box(thing=access.Read | access.Write)),
        ("box-unserializable-member", m.Box(thing=m.Marks.Hidden)),
        ("box-own", m.Box(thing=m.Money(150))),
    ]


def _value_documents(count: int, seed_value: int) -> list[tuple[str, Any]]:
    drawn: list[tuple[str, Any]] = []
    draws = [for_type(tp, local_offsets=st.just(0), unnamed_enums=True) for tp in VALUE_TWINS]

    @seed(seed_value)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        value = data.draw(st.sampled_from(draws))
        drawn.append((f"value doc {len(drawn)}", data.draw(value)))

    collect()
    return drawn


def test_new_value_types_are_written_and_read_as_dotnet_does(wcf: WcfTwin) -> None:
    """Single, DateTimeOffset, wire-named and [Flags] enums and own types, in typed and
    ``object`` members: the edges above and hypothesis documents, both directions."""
    print(f"WCF JSON value types: seed {SEED}, {VALUE_DOCS} documents")
    items = _value_edges() + _value_documents(VALUE_DOCS, SEED)
    failures, checked = compare(wcf, items)
    assert checked >= len(items) * 0.9
    assert not failures, (
        "\n".join(failures[:4])
        + f"\n({len(failures)} mismatches; replay with NETCONTRACT_INTEROP_SEED={SEED})"
    )


def test_generated_documents_are_written_and_read_as_dotnet_does(wcf: WcfTwin) -> None:
    print(f"WCF JSON conformance: seed {SEED}, {DOCS} documents")
    docs = generate(DOCS, SEED)
    failures, checked = compare(wcf, [(f"doc {i} ({d.twin})", d.value) for i, d in enumerate(docs)])
    assert checked >= DOCS * 0.9
    assert not failures, (
        "\n".join(failures[:4])
        + f"\n({len(failures)} mismatches; replay with NETCONTRACT_INTEROP_SEED={SEED})"
    )


# ----------------------------------------------------------------------------- reading, live

SAME, REFUSED, LOSES = "read the same", "refused by both", "netcontract refuses what .NET loses"

#: (twin type, WCF JSON, verdict): what Mono's DataContractJsonSerializer does with documents
#: it did not write, against from_wcf_json; SAME compares the XML both write of what they read
READS: Final[list[tuple[str, bytes, str]]] = [
    ("Edge.A.Numbers", b'{"I":"5"}', SAME),
    ("Edge.A.Numbers", b'{"I":5.0,"L":1.5E3,"S":1e2}', SAME),
    ("Edge.A.Numbers", b'{"I":" 5 "}', SAME),
    ("Edge.A.Numbers", b'{"I":01}', SAME),
    ("Edge.A.Numbers", b'{"i":5,"Unknown":{"a":[1,{"b":null}]}}', SAME),
    ("Edge.A.Numbers", b'{"I":2,}', SAME),
    ("Edge.A.Numbers", b' \r\n{"UL":18446744073709551615,"NL":null}\t', SAME),
    ("Edge.A.Numbers", b'{"I":5.5}', REFUSED),
    ("Edge.A.Numbers", b'{"I":true}', REFUSED),
    ("Edge.A.Numbers", b'{"I":null}', REFUSED),
    ("Edge.A.Numbers", b'{"I":2147483648}', REFUSED),
    ("Edge.A.Numbers", b'{"B":-1}', REFUSED),
    ("Edge.A.Numbers", b'{"I":1,"I":2}', REFUSED),
    ("Edge.A.Numbers", b'{"I":+1}', REFUSED),
    ("Edge.A.Numbers", b'{"I":1} x', REFUSED),
    ("Edge.A.Numbers", b"{'I':1}", REFUSED),
    ("Edge.A.Numbers", b"null", REFUSED),
    ("Edge.A.Doubles", b'{"D":NaN,"ND":INF,"Many":[-INF,"NaN","INF","-INF","Infinity"]}', SAME),
    ("Edge.A.Doubles", b'{"D":1e400}', REFUSED),
    ("Edge.A.Doubles", b'{"Many":[1,]}', SAME),
    ("Edge.A.Lists", b'{"Strings":["a",],"Nested":[[1,],]}', SAME),
    # dictionaries (Mono: KeyValue's Key and Value are required, in any order, other members
    # ignored; a duplicate or null key throws; an object where the array belongs is read as
    # an empty dictionary)
    ("Edge.A.Maps", b'{"Counts":[{"Key":"a","Value":1},{"Key":"a","Value":2}]}', REFUSED),
    ("Edge.A.Maps", b'{"Counts":[{"Key":null,"Value":1}]}', REFUSED),
    ("Edge.A.Maps", b'{"Counts":[{"Value":1}]}', REFUSED),
    ("Edge.A.Maps", b'{"Counts":[{"Key":"k"}]}', REFUSED),
    ("Edge.A.Maps", b'{"Counts":[1]}', REFUSED),
    (
        "Edge.A.Maps",
        b'{"Counts":[{"Value":1,"Key":"k"}],"Names":[{"Key":3,"Value":"x","X":2}]}',
        SAME,
    ),
    ("Edge.A.Maps", b'{"Counts":{"a":1}}', LOSES),
    ("Edge.A.Doubles", b'{"Many":[,]}', REFUSED),
    ("Edge.A.Doubles", b'{"Many":[1,,2]}', REFUSED),
    ("Edge.A.Numbers", b'{"I":1,,"L":2}', REFUSED),
    ("Edge.A.Numbers", b"{,}", REFUSED),
    ("Edge.A.Numbers", b"[]", LOSES),
    ("Edge.A.Decimals", b'{"D":"1.10","ND":1e2,"Many":[1.000,"-0.5"]}', SAME),
    ("Edge.A.Texts", b'{"Plain":5,"Specials":true,"Unicode":1.10,"Empty":""}', SAME),
    ("Edge.A.Texts", b'{"Plain":"a\\x"}', REFUSED),
    ("Edge.A.Texts", b'{"Plain":"tab\tin"}', REFUSED),
    ("Edge.A.Dates", b'{"At":"/Date(0)/","Maybe":" \\/Date( 1)\\/ "}', SAME),
    ("Edge.A.Dates", b'{"At":"\\/Date(-1)\\/","Maybe":"\\/Date(1+0000)\\/"}', SAME),
    ("Edge.A.Dates", b'{"Id":"{0F8FAD5B-D9CB-469F-A165-70867728950E}"}', SAME),
    ("Edge.A.Dates", b'{"MaybeId":"0f8fad5bd9cb469fa16570867728950e"}', SAME),
    ("Edge.A.Dates", b'{"At":"2020-01-01T00:00:00Z"}', REFUSED),
    ("Edge.A.Dates", b'{"At":"\\/Date(253402300800000)\\/"}', REFUSED),
    ("Edge.A.Dates", b'{"At":"\\/Date(1+xx)\\/"}', LOSES),
    ("Edge.A.Chars", b'{"C":"x","NC":"\\u0000","Cs":["a"]}', SAME),
    ("Edge.A.Chars", b'{"C":"ab"}', REFUSED),
    ("Edge.A.Chars", b'{"C":""}', REFUSED),
    ("Edge.A.Chars", b'{"C":65}', REFUSED),
    ("Edge.A.Blobs", b'{"B":[1,"2"],"Bs":[[],null]}', SAME),
    ("Edge.A.Blobs", b'{"B":"AQI="}', REFUSED),
    ("Edge.A.Blobs", b'{"B":[256]}', REFUSED),
    ("Edge.A.Box", b'{"Thing":5,"After":"a"}', SAME),
    ("Edge.A.Box", b'{"Thing":5000000000}', SAME),
    ("Edge.A.Box", b'{"Thing":1.5}', SAME),
    ("Edge.A.Box", b'{"Thing":-1E+15}', SAME),
    ("Edge.A.Box", b'{"Thing":9223372036854775808}', SAME),
    ("Edge.A.Box", b'{"Thing":1E+40}', SAME),
    ("Edge.A.Box", b'{"Thing":NaN}', SAME),
    ("Edge.A.Box", b'{"Thing":true}', SAME),
    ("Edge.A.Box", b'{"Thing":"\\/Date(0)\\/"}', SAME),
    ("Edge.A.Box", b'{"Thing":{}}', SAME),
    ("Edge.A.Box", b'{"Thing":{"__type":"Far:#Edge.D","V":"x"}}', SAME),
    ("Edge.A.Box", b'{"Thing":{"a":1}}', LOSES),
    ("Edge.A.Box", b'{"Thing":{"V":"x","__type":"Far:#Edge.D"}}', LOSES),
    ("Edge.A.Box", b'{"Thing":1.23456789012345678901234567890123}', LOSES),
    ("Edge.A.Box", b'{"Thing":{"__type":"Nope:#Edge.D"}}', REFUSED),
    (
        "Edge.B.Zoo",
        b'{"Pet":{"__type":"Dog:#Edge.B","Bark":"w"},"Dog":{"__type":"Puppy:#Edge.C"}}',
        SAME,
    ),
    ("Edge.B.Zoo", b'{"Animals":[{"__type":"Puppy:#Edge.C","AgeDays":3},null,{"Legs":4}]}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{"Bark":"w","__type":"Dog:#Edge.B"}}', LOSES),
    ("Edge.B.Zoo", b'{"Animals":{"a":1}}', LOSES),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Nope:#Edge.B"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":5}}', REFUSED),
    # __type: the value trimmed (String.Trim: Char.IsWhiteSpace), then split at the first colon
    ("Edge.B.Zoo", b'{"Pet":{"__type":" Dog:#Edge.B ","Bark":"w"}}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"\\t\\u00a0Dog:#Edge.B\\r\\n\\u3000","Bark":"w"}}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"\\u000b\\u0085\\u2028\\u205fDog:#Edge.B\\u000c"}}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{ \n "__type" : "Dog:#Edge.B" , "Bark":"w"}}', SAME),
    ("Edge.B.Zoo", b'{"Animals":[{"__type":" Puppy:#Edge.C ","AgeDays":3}]}', SAME),
    ("Edge.B.Zoo", b'{"__type":" Zoo:#Edge.B\\n","Pet":null}', SAME),
    (
        "Edge.B.Zoo",
        b'{"Pet":{"__type":" Dog:http:\\/\\/schemas.datacontract.org\\/2004\\/07\\/Edge.B "}}',
        SAME,
    ),
    ("Edge.A.Box", b'{"Thing":{"__type":"\\tFar:#Edge.D\\n","V":"x"}}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Dog :#Edge.B"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Dog: #Edge.B"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Dog:# Edge.B"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"\\u001cDog:#Edge.B\\u001f"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"\\u200bDog:#Edge.B\\ufeff"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Dog:#Edge.B\\u0000"}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":" Animal:#Edge.B "}}', REFUSED),
    ("Edge.B.Zoo", b'{"Pet":{"__type":null,"Bark":"w"}}', REFUSED),
    # an escaped name is no type hint: the member ignored, Animal made, Bark dropped
    ("Edge.B.Zoo", b'{"Pet":{"\\u005f_type":"Dog:#Edge.B","Bark":"w"}}', LOSES),
    # names near __type are ordinary (unknown) members to both
    ("Edge.B.Zoo", b'{"Pet":{"__type ":"Dog:#Edge.B","Legs":2}}', SAME),
    ("Edge.B.Zoo", b'{"Pet":{"__Type":"Dog:#Edge.B","Legs":2}}', SAME),
    # a second __type is ignored by Mono (netcontract: a duplicate member)
    ("Edge.B.Zoo", b'{"Pet":{"__type":"Dog:#Edge.B","__type":"Puppy:#Edge.C"}}', LOSES),
    ("Edge.B.Dog", b'{"Coat":"2","Tint":2.0}', SAME),
    ("Edge.B.Dog", b'{"Coat":"Green"}', REFUSED),
    ("Edge.E.Required", b'{"Name":"n"}', REFUSED),
    ("Edge.E.Required", b'{"Count":1,"Name":null}', SAME),
    # Single: through Double then float32, as XmlConvert; beyond MaxValue refused
    ("Edge.A.Singles", b'{"F":"1.1","NF":1.00000005960464477539062500001,"Fs":[16777217]}', SAME),
    ("Edge.A.Singles", b'{"F":" 1.5 ","NF":"Infinity","Fs":[NaN,-INF,1e-50,]}', SAME),
    ("Edge.A.Singles", b'{"F":3.5e38}', REFUSED),
    ("Edge.A.Singles", b'{"F":"1e39"}', REFUSED),
    ("Edge.A.Singles", b'{"F":true}', REFUSED),
    ("Edge.A.Singles", b'{"F":"1,5"}', REFUSED),
    # DateTimeOffset: {"DateTime": UTC ms, "OffsetMinutes": Int16}
    (
        "Edge.A.Offsets",
        b'{"D":{"OffsetMinutes":60,"DateTime":"\\/Date(1577934245678)\\/","X":1},'
        b'"ND":{"DateTime":"\\/Date(1577934245678)\\/","OffsetMinutes":"120",}}',
        SAME,
    ),
    # a suffix: Mono reads the instant through the server's zone (moved at a zone's historic
    # changes: test_datetimeoffset_interop.py, America/New_York), refused
    (
        "Edge.A.Offsets",
        b'{"ND":{"DateTime":"\\/Date(1577934245678-0500)\\/","OffsetMinutes":"120"}}',
        LOSES,
    ),
    (
        "Edge.A.Offsets",
        b'{"Ds":[{"__type":"DateTimeOffset:#System","DateTime":"\\/Date(-62135596800000)\\/",'
        b'"OffsetMinutes":840}],"NDs":[null]}',
        SAME,
    ),
    (
        "Edge.A.Offsets",
        b'{"Ds":[{"__type":" DateTimeOffset:#System ","DateTime":"\\/Date(0)\\/",'
        b'"OffsetMinutes":840}]}',
        SAME,
    ),
    (
        "Edge.A.Offsets",
        b'{"D":{"__type":"DateTimeOffset:#Sys","DateTime":"\\/Date(0)\\/","OffsetMinutes":1}}',
        REFUSED,
    ),
    ("Edge.A.Offsets", b'{"D":{"DateTime":"\\/Date(0)\\/"}}', REFUSED),
    ("Edge.A.Offsets", b'{"D":{"OffsetMinutes":60}}', REFUSED),
    ("Edge.A.Offsets", b'{"D":{"DateTime":"\\/Date(0)\\/","OffsetMinutes":900}}', REFUSED),
    ("Edge.A.Offsets", b'{"D":{"DateTime":"\\/Date(0)\\/","OffsetMinutes":60.5}}', REFUSED),
    (
        "Edge.A.Offsets",
        b'{"D":{"DateTime":"\\/Date(-62135596800000)\\/","OffsetMinutes":-60}}',
        REFUSED,
    ),
    ("Edge.A.Offsets", b'{"D":"\\/Date(0)\\/"}', REFUSED),
    ("Edge.A.Offsets", b'{"D":null}', REFUSED),
    # enums: numbers, named or not, whatever the wire names
    ("Edge.A.Enums", b'{"P":3,"NP":"2","Ps":[1.0],"F":-2147483643,"M":4,"Ms":[100]}', SAME),
    ("Edge.A.Enums", b'{"P":"in-progress"}', REFUSED),
    ("Edge.A.Enums", b'{"P":4294967296}', LOSES),
    # own types: the carriers' forms (Money as decimal, PhoneNumber as string, Ticket as long)
    ("Edge.A.Own", b'{"Price":"1.50","Tip":null,"Phone":"+1","Tips":[0.05,null],"Ticket":7}', SAME),
    ("Edge.A.Own", b'{"Ticket":1.5}', REFUSED),
    (
        "Edge.A.Box",
        b'{"Thing":{"__type":"DateTimeOffset:#System","DateTime":"\\/Date(0)\\/",'
        b'"OffsetMinutes":60}}',
        SAME,
    ),
    (
        "Edge.A.Box",
        b'{"Thing":{"__type":"\\u00a0DateTimeOffset:#System\\t","DateTime":"\\/Date(0)\\/",'
        b'"OffsetMinutes":60}}',
        SAME,
    ),
    (
        "Edge.A.Box",
        b'{"Thing":{"DateTime":"\\/Date(0)\\/","OffsetMinutes":60,'
        b'"__type":"DateTimeOffset:#System"}}',
        LOSES,
    ),
]

_EDGE_CLASSES: Final = {
    _twin_name(cls()): cls
    for cls in vars(edge_models).values()
    if isinstance(cls, type) and "__netcontract__" in cls.__dict__ and attrs.has(cls)
}


@pytest.mark.parametrize(
    ("twin", "data", "verdict"), READS, ids=[f"{t}:{d[:40]!r}" for t, d, _ in READS]
)
def test_reading_dotnet_leniency_and_refusals_live(
    wcf: WcfTwin, twin: str, data: bytes, verdict: str
) -> None:
    (result,) = wcf.wcf_many([(twin, "wcfjson", data)])
    ours = _read(data, _EDGE_CLASSES[twin])
    if verdict == REFUSED:
        assert result.read_error is not None and isinstance(ours, Exception), (result, ours)
    elif verdict == LOSES:
        assert result.read_error is None, result
        assert isinstance(ours, Exception), ours
    else:
        assert result.read_error is None, result
        assert not isinstance(ours, Exception), ours
        theirs = _undo_mono_bare(result.xml)
        mine = _xml(ours)
        assert mine == theirs or (isinstance(mine, str) and isinstance(theirs, str)), (mine, theirs)


# ----------------------------------------------------------------------------- time zones

_ZONE_PROGRAM: Final = r"""
using System; using System.IO; using System.Text;
using System.Runtime.Serialization; using System.Runtime.Serialization.Json;
[DataContract(Namespace = "")] public class T { [DataMember] public DateTime D; }
public static class Zones {
    public static void Main(string[] args) {
        var s = new DataContractJsonSerializer(typeof(T));
        // args: "w:<ticks>:<kind>" writes, "r:<json>" reads (prints kind and UTC ticks)
        foreach (var arg in args) {
            if (arg.StartsWith("w:")) {
                var p = arg.Split(':');
                var kind = (DateTimeKind)int.Parse(p[2]);
                var ms = new MemoryStream();
                s.WriteObject(ms, new T { D = new DateTime(long.Parse(p[1]), kind) });
                Console.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
            } else {
                var t = (T)s.ReadObject(new MemoryStream(Encoding.UTF8.GetBytes(arg.Substring(2))));
                Console.WriteLine(t.D.Kind + " " + t.D.ToUniversalTime().Ticks);
            }
        }
    }
}
"""


@nc.contract(name="T", xml_namespace="")
class _T:
    d: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)


@pytest.mark.parametrize(("zone", "minutes"), [("Asia/Kolkata", 330), ("America/New_York", -300)])
def test_local_dates_in_other_time_zones_live(
    wcf: WcfTwin, tmp_path: Path, zone: str, minutes: int
) -> None:
    """Mono in another zone: a Local date is written with the machine's offset, which
    netcontract writes from the value's own offset; reading "\\/Date(ms+hhmm)\\/" gives the same
    instant (Local in Mono's zone; netcontract keeps the offset written)."""
    source = tmp_path / "zones.cs"
    source.write_text(_ZONE_PROGRAM)
    exe = tmp_path / "zones.exe"
    subprocess.run(
        ["mcs", "-nologo", f"-out:{exe}", "-r:System.Runtime.Serialization", str(source)],
        check=True,
        capture_output=True,
    )
    winter = nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, 6_780_000)  # no daylight saving
    local = nc.DateTime(winter.ticks, DateTimeKind.LOCAL, minutes)
    reads = [b'{"D":"\\/Date(1577934245678+0100)\\/"}', b'{"D":"\\/Date(-1-0530)\\/"}']
    args = [f"w:{winter.ticks}:2", f"w:{winter.ticks}:0", *("r:" + r.decode() for r in reads)]
    done = subprocess.run(
        ["mono", str(exe), *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": zone},
    )
    written_local, written_unspecified, *read = done.stdout.splitlines()
    assert _to_wcf_json(_T(d=local)).decode() == written_local
    # an Unspecified value is written as Local by .NET (netcontract: as a machine in UTC)
    assert written_unspecified == written_local
    for data, line in zip(reads, read, strict=True):
        kind, utc_ticks = line.split()
        ours = _from_wcf_json(data, _T).d
        assert (ours.kind.name, ours.ticks - ours.offset_minutes * 600_000_000) == (
            kind.upper(),
            int(utc_ticks),
        )
