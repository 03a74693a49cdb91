"""Thousands of generated Vehizen documents, converted by netcontract and by .NET (Mono).

netcontract.strategies draws documents of every twin type (``CustomerGroupDto``,
``VehicleLightDto``, ``ExternalInterfaceHeaderDto``, ``ResponseDto`` with ``Data`` of every
kind). netcontract writes each as XML and JSON, compact and indented; .NET (Mono's
DataContractSerializer and Json.NET, through the twin) reads every payload and writes all four
forms back. Two directions are checked on the same batch:

- forward: each of .NET's four outputs equals what netcontract writes after reading the same
  payload (so XML in, JSON out is compared too, and "refused" must match "refused");
- reverse: netcontract reads each of .NET's outputs and writes it back in the same format and
  layout: it must give .NET's bytes. .NET re-reads them too (a second batch), because it does
  not always write them back unchanged itself (JSON does not carry the type of ``Data``); then
  netcontract must write what .NET writes.

Everything is sent in two pipelined batches to the shared Mono process. On a mismatch, the failing
documents are run again one by one, the shortest is shrunk (members reset to their defaults,
lists and strings cut, while the same kind of mismatch remains) and reported with both outputs
and a unified diff. ``NETCONTRACT_INTEROP_DOCS`` sets the number of documents (default 2000);
the seed changes on every run and is printed; ``NETCONTRACT_INTEROP_SEED`` replays one.

Local dates are drawn with the offset +00:00 only (Mono runs with ``TZ=UTC`` and converts Local
dates into its own zone), and unnamed enum values only in JSON payloads (.NET refuses to write
them as XML; so must netcontract, which is checked on every such document).

The known, documented differences between netcontract and .NET (Mono) are modelled in
:func:`as_dotnet_holds` (-0.0), :func:`undo_mono_bare_object` (Mono's ``anyType``) and
:func:`json_object_in_untyped_data` (``{}`` in ``Data``); ``test_differences_are_still_real``
proves on live output that each one still exists, so that the model hides nothing else.
Engine bugs found here are in FINDINGS.md (next to this file), each pinned by a strict xfail.
"""

from __future__ import annotations

import decimal
import difflib
import math
import os
import random
import re
import typing
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import DateTime, DateTimeKind
from netcontract.strategies import for_type
from vehizen import (
    CameraType,
    CustomerGroupDto,
    ExternalInterfaceHeaderDto,
    ResponseDto,
    VehicleLightDto,
    VehicleState,
)

from ._mono import DotNetTwin, TwinResult
from .edge_models import DRIVER_KNOWN_TYPES

pytestmark = pytest.mark.interop

DOCS: Final = int(os.environ.get("NETCONTRACT_INTEROP_DOCS", "2000"))
_SEED_TEXT: Final = os.environ.get("NETCONTRACT_INTEROP_SEED")
SEED: Final = int(_SEED_TEXT) if _SEED_TEXT else random.SystemRandom().randrange(2**32)

#: (what a document is drawn as, the twin type .NET reads it as)
ROOTS: Final[list[tuple[Any, str]]] = [
    (CustomerGroupDto, "CustomerGroupDto"),
    (CustomerGroupDto, "CustomerGroupDto"),
    (VehicleLightDto, "VehicleLightDto"),
    (VehicleLightDto, "VehicleLightDto"),
    (ExternalInterfaceHeaderDto, "ExternalInterfaceHeaderDto"),
    (ResponseDto, "ResponseDto"),
    (ResponseDto, "ResponseDto"),
    (ResponseDto, "ResponseDto"),
    (ResponseDto[uuid.UUID], "ResponseDto"),
    (ResponseDto[CustomerGroupDto], "ResponseDto"),
    (ResponseDto[VehicleLightDto], "ResponseDto"),
    (ResponseDto[ExternalInterfaceHeaderDto], "ResponseDto"),
    (ResponseDto[nc.Int32], "ResponseDto"),
    (ResponseDto[DateTime], "ResponseDto"),
    (ResponseDto[CameraType], "ResponseDto"),
    (ResponseDto[str], "ResponseDto"),
    (ResponseDto[float], "ResponseDto"),
    (ResponseDto[bool], "ResponseDto"),
    (ResponseDto[decimal.Decimal], "ResponseDto"),
]

#: (format, indented) -> the TwinResult field holding .NET's output in that form
FORMS: Final = {
    ("xml", False): "xml",
    ("xml", True): "xml_indent",
    ("json", False): "json",
    ("json", True): "json_indent",
}


def type_name(tp: Any) -> str:
    """``ResponseDto[Guid]``, ``CustomerGroupDto``: a short name for messages."""
    args = typing.get_args(tp)
    if not args:
        return str(tp.__name__)
    (arg,) = args
    if typing.get_origin(arg) is typing.Annotated:
        name = typing.get_args(arg)[1].clr_name
    else:
        name = {uuid.UUID: "Guid", str: "String", float: "Double", bool: "Boolean"}.get(
            arg, arg.__name__
        )
    return f"{typing.get_origin(tp).__name__}[{name}]"


@attrs.frozen
class Refused:
    """A form that cannot be written (netcontract's SerializationError, .NET's exception)."""

    reason: str


Output = bytes | Refused


@attrs.frozen
class Doc:
    tp: Any  #: the type the value was drawn for (``ResponseDto[uuid.UUID]``)
    twin: str  #: the C# type .NET reads it as
    value: Any

    @property
    def cls(self) -> Any:
        """The class both sides read with: the twin's (``Data`` untyped)."""
        return typing.get_origin(self.tp) or self.tp


@attrs.frozen
class Mismatch:
    direction: str  #: "forward" (.NET reads our payload) or "reverse" (both re-read .NET's output)
    source: tuple[str, bool]  #: the payload's (format, indented)
    form: str  #: the output compared (TwinResult field name)
    payload: bytes  #: what both read
    expected: Output  #: netcontract's output
    actual: Output  #: .NET's output

    @property
    def kind(self) -> tuple[str, tuple[str, bool], str]:
        return (self.direction, self.source, self.form)


# ----------------------------------------------------------------------------- documents


#: documents drawn per hypothesis example (per-example overhead dominates one-draw examples)
PER_EXAMPLE: Final = 5


def generate(count: int, seed_value: int) -> list[Doc]:
    """``count`` documents drawn by hypothesis from ``seed_value``, :data:`PER_EXAMPLE` a time."""
    docs: list[Doc] = []
    utc = st.just(0)
    draws = {
        (tp, unnamed): for_type(tp, local_offsets=utc, unnamed_enums=unnamed)
        for tp, _ in ROOTS
        for unnamed in (False, True)
    }

    def run(examples: int, seed_of_run: int) -> None:
        @seed(seed_of_run)
        @settings(
            max_examples=examples,
            database=None,
            phases=[Phase.generate],
            deadline=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )
        @given(st.data())
        def collect(data: st.DataObject) -> None:
            drawn = []
            for _ in range(PER_EXAMPLE):
                tp, twin = data.draw(st.sampled_from(ROOTS))
                # one document in five may hold enum values without a name (JSON only)
                unnamed = data.draw(st.integers(0, 4)) == 0
                drawn.append(Doc(tp, twin, data.draw(draws[tp, unnamed])))
            docs.extend(drawn)  # not before: an example that overran its buffer stops mid-way

        collect()

    runs = 0
    while len(docs) < count:  # hypothesis may discard a few examples (overruns)
        run(-(-(count - len(docs)) // PER_EXAMPLE), seed_value + runs)
        runs += 1
    return docs[:count]


def write(value: Any, fmt: str, indent: bool) -> Output:
    try:
        if fmt == "xml":  # with the driver's serializer-level known types
            return nc.to_xml(value, indent=indent, known_types=DRIVER_KNOWN_TYPES)
        return nc.to_json(value, indent=indent)
    except nc.SerializationError as exc:
        return Refused(str(exc))


def read(payload: bytes, fmt: str, cls: Any) -> Any:
    if fmt == "xml":
        return nc.from_xml(payload, cls, known_types=DRIVER_KNOWN_TYPES)
    return nc.from_json(payload, cls)


def payloads(doc: Doc) -> dict[tuple[str, bool], Output]:
    return {form: write(doc.value, *form) for form in FORMS}


# ----------------------------------------------------------------------------- .NET's side

_MONO_BARE: Final = re.compile(
    rb'<([\w:]+) xmlns:(d\d+p\d+)="http://www\.w3\.org/2001/XMLSchema" i:type="\2:anyType" />'
)


def undo_mono_bare_object(output: bytes) -> bytes:
    """Mono writes ``new object()`` as ``<Data xmlns:d2p1="…XMLSchema" i:type="d2p1:anyType" />``.

    .NET writes ``<Data />`` (the help page: fixtures/response.xml) and so does netcontract.
    Evidence: PROBES.md §2 ("`new object()` → Mono `<Data xmlns:d2p1=… i:type="d2p1:anyType" />`
    (.NET: `<Data />`, per the help page)"); test_twin_reproduces_help_page.py.
    """
    return _MONO_BARE.sub(rb"<\1 />", output)


def dotnet_output(result: TwinResult, form: str) -> Output:
    raw = getattr(result, form)
    if isinstance(raw, bytes):
        return undo_mono_bare_object(raw)
    return Refused(str(raw))


def _positive_zero(value: Any) -> Any:
    if type(value) is float and value == 0.0:
        return 0.0
    return value


def map_values(value: Any, fn: Callable[[Any], Any], _made: dict[int, Any] | None = None) -> Any:
    """``value`` with ``fn`` applied to every leaf (inside lists and contracts); an object met
    twice (an is_reference contract's shared instance) gives one new object (no cycles)."""
    made: dict[int, Any] = {} if _made is None else _made
    if isinstance(value, list):
        return [map_values(item, fn, made) for item in value]
    if isinstance(value, dict):  # a dictionary, or a JSON object read into an untyped member
        # keys too: a Double key -0.0 is held as 0.0 by .NET as a value is
        return {fn(key): map_values(item, fn, made) for key, item in value.items()}
    if _is_contract_value(value):
        new = made.get(id(value))
        if new is None:
            members = {a: map_values(getattr(value, a), fn, made) for a in _stored(value)}
            new = made[id(value)] = attrs.evolve(value, **members)
        return new
    return fn(value)


def as_dotnet_holds(value: Any) -> Any:
    """What .NET holds after reading ``value``: every double ``-0.0`` becomes ``0.0``.

    - DataContractSerializer (Mono/.NET Framework) reads ``<X>-0</X>`` as +0 (double.Parse drops
      the sign): PROBES.md §5 (``TotalFuelUsed <- -0`` → ``read 0.0 ; DCS writes 0``).
    - Json.NET writes -0.0 as ``0.0``: PROBES.md §1 (``json -0.0`` → ``{"V":0.0}``); netcontract
      keeps ``-0.0`` on purpose (nothing lost; .NET Core writes ``-0.0`` too).
    """
    return map_values(value, _positive_zero)


def json_object_in_untyped_data(value: Any, fmt: str) -> bool:
    """JSON ``{…}`` in ``ResponseDto.Data``: Json.NET holds a JObject, which DCS cannot write.

    For a bare object ``{}``, netcontract holds :class:`~netcontract.AnyObject` and writes
    ``<Data />``; .NET fails (``InvalidDataContractException: Type 'Newtonsoft.Json.Linq.JToken'
    involves recursive collection``): PROBES.md §4 (``Data``: ``{…}`` → JObject, "unwritable by
    DCS"). For a contract, netcontract refuses too ("untyped JSON value"), so that case agrees.
    """
    return fmt == "json" and type(value) is ResponseDto and type(value.data) is nc.AnyObject


# ----------------------------------------------------------------------------- netcontract's side


def library_outputs(payload: bytes, fmt: str, cls: Any) -> dict[str, Output]:
    """netcontract's four forms after reading ``payload``, as .NET holds what it read."""
    value = read(payload, fmt, cls)
    held = as_dotnet_holds(value)
    outputs = {name: write(held, *form) for form, name in FORMS.items()}
    if json_object_in_untyped_data(value, fmt):
        reason = "Json.NET reads {} in an object member as a JObject, which DCS cannot write"
        outputs["xml"] = outputs["xml_indent"] = Refused(reason)
    return outputs


def rewrite(output: bytes, fmt: str, indent: bool, cls: Any) -> Output:
    """netcontract reads one of .NET's outputs and writes it in the same form."""
    return write(read(output, fmt, cls), fmt, indent)


def agree(expected: Output, actual: Output) -> bool:
    if isinstance(expected, bytes) and isinstance(actual, bytes):
        return expected == actual
    return isinstance(expected, Refused) and isinstance(actual, Refused)


# ----------------------------------------------------------------------------- checking


@attrs.define
class Stats:
    documents: Counter[str] = attrs.field(factory=Counter)
    requests: int = 0
    refused_xml: int = 0
    reverse: int = 0
    echoed: int = 0


def check(
    dotnet: DotNetTwin, docs: list[Doc], stats: Stats | None = None
) -> dict[int, list[Mismatch]]:
    """Run ``docs`` through .NET (two pipelined batches); each document's mismatches, by index.

    Forward: .NET reads netcontract's four payloads and writes four forms from each; each must
    agree with netcontract's forms after reading the same payload.
    Reverse: every distinct output of .NET is read by netcontract and written in the same form;
    it must give back .NET's bytes. Where .NET itself would not (it re-reads them in the
    second batch: an untyped ``Data`` loses its type in JSON, so ``0.0000000000000000000000002893``
    read back is a Double, ``2.893E-25``, and a date-like string becomes a date), netcontract
    must write what .NET writes on that second read.
    """
    requests: list[tuple[int, tuple[str, bool], bytes]] = []
    for index, doc in enumerate(docs):
        forms = payloads(doc)
        xml = forms[("xml", False)]
        if isinstance(xml, Refused):
            # an enum value without a name: .NET refuses to write it as XML, so must netcontract
            assert "enum value" in xml.reason, (doc, xml)
            if stats is not None:
                stats.refused_xml += 1
        for source, payload in forms.items():
            if isinstance(payload, bytes):
                requests.append((index, source, payload))
        if stats is not None:
            stats.documents[type_name(doc.tp)] += 1
    results = dotnet.roundtrip_many(
        (docs[index].twin, source[0], payload) for index, source, payload in requests
    )
    found: dict[int, list[Mismatch]] = {}
    # .NET's distinct outputs, for the reverse direction: (doc index, format, indented, bytes)
    outputs: dict[tuple[str, str, bool, bytes], int] = {}
    expected_cache: dict[tuple[int, str], dict[str, Output]] = {}
    for (index, source, payload), result in zip(requests, results, strict=True):
        doc = docs[index]
        problems = found.setdefault(index, [])
        if result.read_error is not None:
            problems.append(
                Mismatch("forward", source, "read", payload, b"", Refused(result.read_error))
            )
            continue
        # both layouts of one format read into the same value: compute netcontract's side once
        key = (index, source[0])
        if key not in expected_cache:
            try:
                expected_cache[key] = library_outputs(payload, source[0], doc.cls)
            except nc.PayloadError as exc:
                problems.append(
                    Mismatch("forward", source, "read", payload, Refused(str(exc)), b"")
                )
                continue
        expected = expected_cache[key]
        for (fmt, indent), form in FORMS.items():
            actual = dotnet_output(result, form)
            if not agree(expected[form], actual):
                problems.append(Mismatch("forward", source, form, payload, expected[form], actual))
            if isinstance(actual, bytes):
                outputs.setdefault((doc.twin, fmt, indent, actual), index)
    again = dotnet.roundtrip_many((twin, fmt, out) for twin, fmt, _, out in outputs)
    echoed = 0
    for (twin, fmt, indent, output), result in zip(outputs, again, strict=True):
        index = outputs[twin, fmt, indent, output]
        form = FORMS[fmt, indent]
        theirs = (
            dotnet_output(result, form)
            if result.read_error is None
            else Refused(f".NET refused its own output: {result.read_error}")
        )
        echoed += theirs == output
        try:
            mine = rewrite(output, fmt, indent, docs[index].cls)
        except nc.PayloadError as exc:
            mine = Refused(f"netcontract refused .NET's output: {exc}")
        if not (isinstance(mine, bytes) and mine == theirs):
            mismatch = Mismatch("reverse", (fmt, indent), form, output, mine, theirs)
            found.setdefault(index, []).append(mismatch)
    if stats is not None:
        stats.requests += len(requests) + len(outputs)
        stats.reverse += len(outputs)
        stats.echoed += echoed
    return {index: problems for index, problems in found.items() if problems}


def check_one(dotnet: DotNetTwin, doc: Doc) -> list[Mismatch]:
    return check(dotnet, [doc]).get(0, [])


# ----------------------------------------------------------------------------- shrinking


def _is_contract_value(value: Any) -> bool:
    return attrs.has(type(value)) and "__netcontract__" in type(value).__dict__


def _stored(value: Any) -> list[str]:
    info = nc.contract_info(type(value))
    return [m.attr for m in info.json_members if m.computed is None]


def _default(value: Any, attr: str) -> Any:
    default: Any = attrs.fields_dict(type(value))[attr].default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def simpler(value: Any) -> Iterator[Any]:
    """Smaller variants of ``value``, biggest cuts first."""
    if isinstance(value, list):
        if value:
            yield []
        if len(value) > 1:
            yield value[: len(value) // 2]
            yield value[len(value) // 2 :]
        for i, item in enumerate(value):
            for smaller in simpler(item):
                yield [*value[:i], smaller, *value[i + 1 :]]
    elif _is_contract_value(value):
        attrs_ = _stored(value)
        for attr in attrs_:
            default = _default(value, attr)
            if getattr(value, attr) is not default and getattr(value, attr) != default:
                yield attrs.evolve(value, **{attr: default})
        for attr in attrs_:
            for smaller in simpler(getattr(value, attr)):
                yield attrs.evolve(value, **{attr: smaller})
    elif isinstance(value, str):
        if value:
            yield ""
        if len(value) > 1:
            yield value[: len(value) // 2]
            yield value[len(value) // 2 :]
            yield value[1:]
            yield value[:-1]
    elif type(value) is float:
        if not (value == 0.0 and math.copysign(1.0, value) > 0):
            yield 0.0
        if not (math.isnan(value) or math.isinf(value)) and value != round(value):
            yield float(round(value))
    elif type(value) is DateTime:
        fraction = value.ticks % 10_000_000
        if fraction:
            yield DateTime(value.ticks - fraction, value.kind, value.offset_minutes)
        if value.ticks:
            yield DateTime(0, value.kind, value.offset_minutes)
        if value.kind is not DateTimeKind.UNSPECIFIED:
            yield DateTime(value.ticks)
    elif isinstance(value, nc.ContractEnum):
        if not value.is_named:
            yield next(iter(type(value)))
    elif type(value) is int and value:
        yield 0
    elif type(value) is uuid.UUID and value.int:
        yield uuid.UUID(int=0)
    elif type(value) is decimal.Decimal and value:
        yield decimal.Decimal(0)


def shrink(dotnet: DotNetTwin, doc: Doc, kind: Any, budget: int = 400) -> Doc:
    """The smallest variant of ``doc`` still showing a mismatch of ``kind`` (greedy)."""

    def fails(candidate: Doc) -> bool:
        try:
            return any(m.kind == kind for m in check_one(dotnet, candidate))
        except Exception:  # a candidate netcontract cannot even write: not this mismatch
            return False

    tries = 0
    improved = True
    while improved and tries < budget:
        improved = False
        for smaller in simpler(doc.value):
            tries += 1
            candidate = attrs.evolve(doc, value=smaller)
            if fails(candidate):
                doc, improved = candidate, True
                break
            if tries >= budget:
                break
    return doc


# ----------------------------------------------------------------------------- reporting


def _lines(output: Output) -> list[str]:
    if isinstance(output, Refused):
        return [f"<refused: {output.reason}>"]
    text = output.decode("utf-8", errors="backslashreplace")
    # one element / member per line, for reading only (indented forms have them already)
    text = re.sub(r">(?=<)", ">\n", text)
    text = re.sub(r',(?=")', ",\n", text)
    return text.splitlines()


def describe(doc: Doc, mismatch: Mismatch) -> str:
    mine, theirs = "netcontract", ".NET"
    diff = difflib.unified_diff(
        _lines(mismatch.expected), _lines(mismatch.actual), mine, theirs, lineterm=""
    )
    return "\n".join(
        [
            f"document ({type_name(doc.tp)} as {doc.twin}): {doc.value!r}",
            f"{'payload' if mismatch.direction == 'forward' else '.NET output read by both'} "
            f"({mismatch.source[0]}{', indented' if mismatch.source[1] else ''}): "
            f"{mismatch.payload!r}",
            f"{mine:>24}: {mismatch.expected!r}",
            f"{theirs:>24}: {mismatch.actual!r}",
            "unified diff (lines split at elements/members for reading):",
            *diff,
        ]
    )


def report(dotnet: DotNetTwin, docs: list[Doc], found: dict[int, list[Mismatch]]) -> str:
    by_kind: dict[Any, list[int]] = {}
    for index, problems in found.items():
        for m in problems:
            by_kind.setdefault(m.kind, []).append(index)
    parts = [
        f"{sum(len(p) for p in found.values())} mismatches in {len(found)} of {len(docs)} "
        f"documents, {len(by_kind)} kinds (seed {SEED}; replay with NETCONTRACT_INTEROP_SEED="
        f"{SEED} NETCONTRACT_INTEROP_DOCS={len(docs)})"
    ]
    for number, (kind, indexes) in enumerate(sorted(by_kind.items(), key=lambda kv: -len(kv[1]))):
        parts.append(f"\n=== {kind}: {len(set(indexes))} documents")
        if number >= 3:
            continue  # shrink the three most frequent kinds only
        # re-run the failing documents one by one; report the shortest that still fails
        confirmed = [
            docs[i]
            for i in sorted(set(indexes))[:30]
            if any(m.kind == kind for m in check_one(dotnet, docs[i]))
        ]
        if not confirmed:
            parts.append("(no document fails alone: the batch itself matters)")
            continue
        shortest = min(confirmed, key=lambda d: len(repr(d.value)))
        small = shrink(dotnet, shortest, kind)
        mismatch = next(m for m in check_one(dotnet, small) if m.kind == kind)
        parts.append(describe(small, mismatch))
    return "\n".join(parts)


# ----------------------------------------------------------------------------- tests


def test_generated_documents_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    """Every generated document: .NET's outputs = netcontract's, and netcontract re-reads .NET's."""
    print(f"interop conformance: seed {SEED}, {DOCS} documents")
    docs = generate(DOCS, SEED)
    assert len(docs) >= DOCS
    stats = Stats()
    found = check(dotnet, docs, stats)
    print(
        f"{stats.requests} payloads read by .NET; {stats.reverse} distinct .NET outputs re-read"
        f" ({stats.echoed} written back unchanged by .NET itself),"
        f" {stats.refused_xml} JSON-only documents (unnamed enum values); by type: "
        + ", ".join(f"{name} {n}" for name, n in sorted(stats.documents.items()))
    )
    assert not found, report(dotnet, docs, found)
    assert stats.reverse >= DOCS


def test_unnamed_enum_values_are_refused_in_xml_by_both(dotnet: DotNetTwin) -> None:
    """Json.NET writes an unnamed enum value as a number; DCS refuses it, so does netcontract."""
    # generated documents, each given enum values without a name where it has enums (a random
    # draw alone may hold none: the test must not depend on luck)
    rng = random.Random(SEED + 1)

    def unnamed(vehicle: VehicleLightDto) -> VehicleLightDto:
        return attrs.evolve(
            vehicle,
            camera_type=CameraType(rng.choice([1, 7, -3, 2**31 - 1])),
            vehicle_state=VehicleState(rng.choice([0, 5, -(2**31)])),
        )

    docs = []
    for d in generate(40, SEED + 1):
        if d.twin == "VehicleLightDto":
            docs.append(Doc(d.tp, d.twin, unnamed(d.value)))
        elif d.twin == "CustomerGroupDto":
            drawn = [v if v is None else unnamed(v) for v in d.value.vehicles or []]
            vehicles = [*drawn, unnamed(VehicleLightDto())]
            docs.append(Doc(d.tp, d.twin, attrs.evolve(d.value, vehicles=vehicles)))
    assert docs, "no CustomerGroupDto or VehicleLightDto document was drawn"
    results = dotnet.roundtrip_many((d.twin, "json", nc.to_json(d.value)) for d in docs)
    for doc, result in zip(docs, results, strict=True):
        assert result.read_error is None
        assert isinstance(result.json, bytes)
        for form in ("xml", "xml_indent"):
            error = getattr(result, form)
            assert isinstance(error, str), (doc, error)
            assert "Enum value" in error and "is invalid for type" in error, error
        with pytest.raises(nc.SerializationError, match=r"enum value '-?\d+' is invalid for type"):
            nc.to_xml(nc.from_json(result.json, doc.cls))


def test_differences_are_still_real(dotnet: DotNetTwin) -> None:
    """Each difference the model above absorbs is still what .NET (Mono) does, exactly."""
    vehicle = VehicleLightDto(total_fuel_used=-0.0)
    bare = ResponseDto(data=nc.AnyObject())
    results = dotnet.roundtrip_many(
        [
            ("VehicleLightDto", "xml", nc.to_xml(vehicle)),
            ("VehicleLightDto", "json", nc.to_json(vehicle)),
            ("ResponseDto", "xml", nc.to_xml(bare)),
            ("ResponseDto", "json", nc.to_json(bare)),
        ]
    )
    from_xml, from_json, bare_xml, bare_json = results
    # -0.0: netcontract writes -0 / -0.0; DCS reads -0 as +0; Json.NET writes 0.0
    assert b"<TotalFuelUsed>-0</TotalFuelUsed>" in nc.to_xml(vehicle)
    assert b'"TotalFuelUsed":-0.0' in nc.to_json(vehicle)
    for result in (from_xml, from_json):
        assert isinstance(result.xml, bytes)
        assert isinstance(result.json, bytes)
        assert b"<TotalFuelUsed>0</TotalFuelUsed>" in result.xml
        assert b'"TotalFuelUsed":0.0' in result.json
    # a bare object: Mono's anyType form; undone, it is netcontract's (and .NET's) <Data />
    assert isinstance(bare_xml.xml, bytes)
    assert b'i:type="d2p1:anyType"' in bare_xml.xml
    assert undo_mono_bare_object(bare_xml.xml) == nc.to_xml(bare)
    # {} read by Json.NET into Data is a JObject: JSON echoes it, DCS cannot write it
    assert bare_json.json == nc.to_json(bare)
    assert isinstance(bare_json.xml, str)
    assert "JToken" in bare_json.xml


#: strings in an ``object`` member read from JSON: Json.NET's DateParseHandling.DateTime turns
#: some into DateTime values (XML ``i:type="d2p1:dateTime"``, and a normalized JSON text)
DATE_LIKE = [
    "2024-01-02T03:04:05",
    "2024-01-02T03:04:05Z",
    "2024-01-02T03:04:05+00:00",
    "2024-01-02T03:04:05-00:00",
    "2024-01-02T03:04:05z",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59.9999999",
    "2024-01-02T03:04:05.12345678Z",
    "2024-01-02T03:04:05.0000000",
    "2024-02-30T03:04:05",
    "2024-01-02t03:04:05",
    " 2024-01-02T03:04:05",
    "2024-01-02T03:04:60",
    "2024-01-02T24:00:00",
    # one separator wrong (Mono: XmlConvert and Json.NET refuse them as DateTime texts)
    "2024x01-02T03:04:05",
    "2024-01x02T03:04:05",
    "1800-01x02T03:04:05",
    "2024-01-02T03:04x05",
    "2024-01-02T03x04:05",
    "2024-01-02T0a:04:05",
    "\\/Date(0)\\/",
    # Json.NET's Microsoft dates: read as Json.NET reads them (clr/datetime.py)
    "/Date(0)/",
    "/Date(-62135596800000)/",
    "/Date(1234567890123+0000)/",
    # Json.NET's ISO offsets without colon or minutes: read as +hh:mm (FINDINGS.md #1, fixed)
    "2024-01-02T03:04:05+0000",
    "2024-01-02T03:04:05+00",
    *(
        pytest.param(
            text,
            marks=pytest.mark.xfail(
                strict=True,
                reason="README, lossy: Json.NET converts to the server's zone, we keep the offset",
            ),
        )
        for text in ("/Date(0+0100)/", "2024-01-02T03:04:05.1234567-0530")
    ),
]


@pytest.mark.parametrize("text", DATE_LIKE)
def test_date_like_strings_in_object_members(dotnet: DotNetTwin, text: str) -> None:
    """A string in ``ResponseDto.Data``, written as JSON and XML: both sides agree both ways."""
    doc = Doc(ResponseDto, "ResponseDto", ResponseDto(data=text))
    problems = check_one(dotnet, doc)
    assert not problems, describe(doc, problems[0])
