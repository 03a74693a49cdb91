"""Generated objects of the WCF data-contract feature twins, converted by netcontract and by Mono.

test_conformance.py draws Vehizen documents; this module draws (with netcontract.strategies)
objects of the twins that use the features README "Declaring WCF data contracts" lists, a few
hundred a run, and sends them in one batch per C# driver:

- ``order``, ``is_required``, ``emit_default_value``, known types across CLR namespaces
  (``edge_models.py`` / ``dotnet/EdgeContracts.cs``) through the shared twin (``Driver.cs``),
  with test_conformance's :func:`~.test_conformance.check`: Mono reads netcontract's XML
  (compact, indented) and Json.NET JSON (compact, indented), writes all four forms back, which
  must be netcontract's bytes; netcontract re-reads Mono's four outputs and writes Mono's bytes.
- the stream layout, ``is_reference`` graphs (``reference_models.py`` / ``dotnet/References.cs``)
  and root overrides (another name, ``Namespace=""``) through ``dotnet/StreamLayout.cs``: Mono
  reads netcontract's writer-layout XML and writes it with ``WriteObject(Stream)``, which must be
  netcontract's ``layout="stream"`` bytes; Mono reads those stream bytes too and writes them back
  (writer layout; under a root override, stream layout), which must be netcontract's bytes;
  netcontract reads Mono's stream bytes and writes them again unchanged.
- ``[CollectionDataContract]`` twins (``collection_models.py`` / ``CollectionContracts.cs``):
  Mono's DCS reads netcontract's XML (compact, indented), Json.NET its JSON (compact, indented);
  each writes back compact (the driver's modes), which must be netcontract's bytes; netcontract
  reads Mono's bytes into an equal object.
- generic contracts (``generic_models.py`` / ``Generic.cs``, its ``batch`` command: closed
  generics, ``Name="Page{0}"`` patterns, ``Namespace="urn:x"``, a contract derived from a closed
  generic): as the collection twins, Mono writing back compact and indented.
- ``[KnownType]`` graphs (``known_models.py`` / ``KnownTypes.cs``: subclasses in base-typed and
  ``object`` members, no serializer-level known types): Mono's DCS and DataContractJsonSerializer
  (compact, indented in; compact out).
- extension data (``extension_models.py`` / ``ExtensionData.cs``): drawn ``Derived`` objects
  read as ``Base`` (IExtensibleDataObject keeps ``C``, ``P``), from XML and from WCF JSON; Mono's
  ``Base`` reads netcontract's bytes and writes them back (XML compact and indented, WCF JSON).

The seed changes on every run and is printed; ``NETCONTRACT_FEATURE_SEED`` replays one,
``NETCONTRACT_FEATURE_DOCS`` sets the number of objects per family (default 150, spread evenly
over each family's twins).

Known differences are modelled as test_conformance.py models them, each named where it is
applied: ``-0.0`` (:func:`~.test_conformance.as_dotnet_holds`), Mono's ``anyType`` form of a
bare object (``undo_mono_bare_object``), ``Holder.O`` (an ``object`` member) left null in the
collection and generic twins (Json.NET holds a JArray/JObject there), WCF JSON's untyped values in
an ``object`` member (netcontract's side is what it writes after reading the same payload), a
double there that .NET reads as a rounded Decimal (netcontract refuses it: README), and a
contract that .NET's writer accepts in an ``object`` member but its reader refuses (both refuse
reading it). The objects are drawn so that both sides may write them: a ``Defaults.Must``
(required and ``EmitDefaultValue=false``) is never left at its default, which .NET and
netcontract both refuse (test_edge_contracts.py proves that refusal). One real mismatch was
found and is pinned by a strict xfail (``test_wcf_json_unknown_string_as_mono``); the drawn
test leaves those strings out of its WCF JSON part. Not drawn here: is_reference through
Json.NET (References.cs has no batch command), ``Namespace=""`` on a
contract (no twin in these drivers: only as a root override).
"""

from __future__ import annotations

import base64
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.json.wcf_write import quote
from netcontract.strategies import for_type

from . import test_conformance as conformance
from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, DotNetTwin, mono_available
from .collection_models import (
    DefMap,
    Ints,
    ItemList,
    Map,
    NamedItems,
    Nested,
    OtherItems,
    OtherMap,
    Shared,
    Strs,
)
from .collection_models import Holder as CollHolder
from .edge_models import (
    CLR_NAMES,
    AllDefault,
    Defaults,
    Dog,
    HoldsAllDefault,
    KeyMaps,
    Ordered,
    OrderedBase,
    Ordering,
    Puppy,
    Required,
    Zoo,
)
from .extension_models import Base as ExtBase
from .extension_models import Derived as ExtDerived
from .generic_models import CASES as GENERIC_TYPES
from .generic_models import Holder as GenericHolder
from .known_models import TYPES as KNOWN_TYPES
from .reference_models import Holder, Node
from .test_edge_contracts import same
from .test_stream_layout_interop import _ask, clr_name, exe, undo_mono_bare_object

__all__ = ["exe"]  # the compiled StreamLayout.exe fixture, shared with its own module

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]  # emit_default_value, stream layout

DOCS: Final = int(os.environ.get("NETCONTRACT_FEATURE_DOCS", "150"))
_SEED_TEXT: Final = os.environ.get("NETCONTRACT_FEATURE_SEED")
SEED: Final = int(_SEED_TEXT) if _SEED_TEXT else random.SystemRandom().randrange(2**32)

#: the edge twins by feature: DataMember order, IsRequired, EmitDefaultValue, known types
EDGE_FEATURES: Final[dict[str, tuple[type, ...]]] = {
    "order": (Ordered, OrderedBase, Ordering),
    "is_required": (Required,),
    "emit_default_value": (Defaults, AllDefault, HoldsAllDefault),
    "known_types": (Zoo, Dog, Puppy),
    # issue #14: dictionary keys of Double, Single, Decimal, TimeSpan and DateTimeOffset
    "dict_keys": (KeyMaps,),
}
EDGE_TYPES: Final = tuple(t for types in EDGE_FEATURES.values() for t in types)
#: root overrides given to both sides: (root name, root namespace); None keeps the contract's
ROOTS: Final[tuple[tuple[str, str] | None, ...]] = (None, None, ("Root", "urn:r"), ("Root", ""))


def _fit(value: Any) -> Any:
    """A drawn object both sides can write (see the module docstring)."""
    if type(value) is Defaults and value.must is None:
        return attrs.evolve(value, must="m")
    return value


def _draw_many(strategy: Any, count: int, seed_value: int) -> list[Any]:
    """``count`` objects drawn by hypothesis from ``strategy`` and ``seed_value``."""
    out: list[Any] = []

    def run(examples: int, seed_of_run: int) -> None:
        @seed(seed_of_run)
        @settings(
            max_examples=examples,
            database=None,
            phases=[Phase.generate],
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(st.data())
        def collect(data: st.DataObject) -> None:
            drawn = [data.draw(strategy) for _ in range(5)]
            out.extend(drawn)  # not before: an example that overran its buffer stops mid-way

        collect()

    runs = 0
    while len(out) < count:  # hypothesis may discard a few examples (overruns)
        run(-(-(count - len(out)) // 5), seed_value + runs)
        runs += 1
    return out[:count]


def draw_tagged(strategies: dict[Any, Any], count: int, seed_value: int) -> list[tuple[Any, Any]]:
    """About ``count`` (key, object) pairs from ``seed_value``, as many for every key (one at
    least), each object drawn by hypothesis from ``strategies[key]``."""
    each = max(1, -(-count // len(strategies)))
    return [
        (key, value)
        for number, (key, strategy) in enumerate(strategies.items())
        for value in _draw_many(strategy, each, seed_value + 1000 * number)
    ]


def draw(types: tuple[type, ...], count: int, seed_value: int) -> list[Any]:
    """``count`` objects of ``types`` (contract classes) drawn from ``seed_value``."""
    strategies = {t: for_type(t, local_offsets=st.just(0)) for t in types}
    return [_fit(value) for _, value in draw_tagged(strategies, count, seed_value)]


def test_edge_feature_objects_convert_like_dotnet(dotnet: DotNetTwin) -> None:
    """order / is_required / emit_default_value / known types: both directions, four forms."""
    print(f"feature conformance: seed {SEED} (NETCONTRACT_FEATURE_SEED), {DOCS} edge objects")
    docs = [conformance.Doc(type(v), CLR_NAMES[type(v)], v) for v in draw(EDGE_TYPES, DOCS, SEED)]
    stats = conformance.Stats()
    found = conformance.check(dotnet, docs, stats)
    drawn = {t.__name__ for t in map(type, (d.value for d in docs))}
    assert drawn >= {t.__name__ for t in EDGE_TYPES}, drawn
    if found:
        index, problems = next(iter(found.items()))
        pytest.fail(
            f"{len(found)} of {len(docs)} objects differ (seed {SEED}); first:\n"
            + conformance.describe(docs[index], problems[0])
        )
    assert stats.reverse >= len(docs)


@attrs.frozen
class StreamCase:
    value: Any
    root: tuple[str, str] | None


def _root_kwargs(root: tuple[str, str] | None) -> dict[str, str]:
    return {} if root is None else {"root_name": root[0], "root_namespace": root[1]}


def stream_cases() -> Iterator[StreamCase]:
    """Drawn edge and is_reference objects, each with a root override or none."""
    rng = random.Random(SEED)
    values = draw((*EDGE_TYPES, Node, Holder), DOCS, SEED + 1)
    for value in values:
        yield StreamCase(conformance.as_dotnet_holds(value), rng.choice(ROOTS))


def test_feature_objects_in_the_stream_layout_like_dotnet(exe: Any) -> None:
    """Mono's WriteObject(Stream) = netcontract's stream layout, and each reads the other's."""
    print(f"feature conformance (stream layout): seed {SEED}, {DOCS} objects")
    cases = list(stream_cases())
    requests = []
    for case in cases:
        kwargs = _root_kwargs(case.root)
        name = clr_name(type(case.value))
        root_name, root_ns = case.root if case.root is not None else ("", "")
        requests.append((name, root_name, root_ns, nc.to_xml(case.value, **kwargs)))
        # the driver's "!stream-read" (stream in, writer layout out) knows no root override:
        # under one, Mono reads our stream bytes and writes them in the stream layout again
        stream = nc.to_xml(case.value, layout="stream", **kwargs)
        second = (root_name, root_ns) if case.root else ("!stream-read", "")
        requests.append((name, *second, stream))
    got = _ask(exe, requests)
    wrong = []
    for index, case in enumerate(cases):
        kwargs = _root_kwargs(case.root)
        writer, stream = requests[2 * index][3], requests[2 * index + 1][3]
        mono_stream = undo_mono_bare_object(got[2 * index])
        if mono_stream != stream:
            wrong.append(f"stream write {case}:\n  ours {stream!r}\n  mono {mono_stream!r}")
            continue
        echoed = got[2 * index + 1]
        if isinstance(echoed, bytes):
            echoed = conformance.undo_mono_bare_object(undo_mono_bare_object(echoed))
        if echoed != (stream if case.root else writer):
            wrong.append(f"stream read {case}:\n  ours {writer!r}\n  mono {echoed!r}")
        back = nc.from_xml(mono_stream, type(case.value), **kwargs)
        if nc.to_xml(back, layout="stream", **kwargs) != stream:
            wrong.append(f"netcontract read of Mono's stream bytes {case}: {back!r}")
    assert not wrong, f"{len(wrong)} of {len(cases)} (seed {SEED}):\n" + "\n".join(wrong[:3])


# ----------------------------------------------------------------------------- collection contracts

#: [CollectionDataContract] twins (collection_models.py / dotnet/CollectionContracts.cs)
COLLECTION_TYPES: Final[tuple[type, ...]] = (
    CollHolder,
    ItemList,
    NamedItems,
    OtherItems,
    Strs,
    Ints,
    Nested,
    Map,
    DefMap,
    OtherMap,
    Shared,
)
#: netcontract's payload forms -> the CollectionContracts.cs mode that reads them (each mode
#: writes back compact: XML for "xml", Json.NET for "jsonnet")
COLLECTION_FORMS: Final = {
    ("xml", False): "xml",
    ("xml", True): "xml",
    ("json", False): "jsonnet",
    ("json", True): "jsonnet",
}


def _collection_value(value: Any) -> Any:
    # Holder.O (object): Json.NET reads a JSON array there as a JArray, not the typed list;
    # the hand-built samples of test_collection_contract_interop.py cover that member
    return attrs.evolve(value, o=None) if type(value) is CollHolder else value


def _write(value: Any, fmt: str, indent: bool) -> bytes:
    return nc.to_xml(value, indent=indent) if fmt == "xml" else nc.to_json(value, indent=indent)


def _read(data: bytes, fmt: str, cls: Any) -> Any:
    return nc.from_xml(data, cls) if fmt == "xml" else nc.from_json(data, cls)


@pytest.fixture(scope="module")
def collections_exe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("CollectionContracts", tmp_path_factory.mktemp("feature-collections"))


def _ask_collections(exe_path: Path, mode: str, items: list[tuple[type, bytes]]) -> list[Any]:
    """Mono's compact write-back of each (type, document) in ``mode``, or ``EXC message``."""
    request = "".join(f"{t.__name__} {base64.b64encode(d).decode()}\n" for t, d in items)
    lines = run_program(exe_path, mode, stdin=request.encode()).decode().splitlines()
    assert len(lines) == len(items)
    return [
        "EXC " + base64.b64decode(rest[0]).decode() if head == "EXC" else base64.b64decode(head)
        for head, *rest in (line.split(" ") for line in lines)
    ]


def test_collection_contract_objects_convert_like_dotnet(collections_exe: Path) -> None:
    """Mono reads netcontract's XML (both layouts) and Json.NET JSON (both) of drawn collection
    contracts and writes back netcontract's compact bytes; netcontract reads those back."""
    print(f"feature conformance (collection contracts): seed {SEED}, {DOCS} objects")
    values = [_collection_value(v) for v in draw(COLLECTION_TYPES, DOCS, SEED + 2)]
    by_mode: dict[str, list[tuple[int, tuple[str, bool], bytes]]] = {"xml": [], "jsonnet": []}
    for index, value in enumerate(values):
        for form, mode in COLLECTION_FORMS.items():
            by_mode[mode].append((index, form, _write(value, *form)))
    wrong = []
    for mode, items in by_mode.items():
        answers = _ask_collections(
            collections_exe, mode, [(type(values[i]), d) for i, _, d in items]
        )
        for (index, (fmt, indent), payload), answer in zip(items, answers, strict=True):
            value = values[index]
            expected = _write(value, fmt, False)
            if answer != expected:
                wrong.append(
                    f"{type(value).__name__} ({fmt}{', indented' if indent else ''}) {value!r}:"
                    f"\n  payload {payload!r}\n  ours    {expected!r}\n  mono    {answer!r}"
                )
                continue
            if _read(answer, fmt, type(value)) != value:
                wrong.append(f"netcontract re-reading Mono's {fmt} of {value!r}")
    drawn = {type(v) for v in values}
    assert drawn == set(COLLECTION_TYPES), drawn
    assert not wrong, f"{len(wrong)} mismatches (seed {SEED}):\n" + "\n".join(wrong[:3])


# ----------------------------------------------------------------------------- generic contracts

#: Generic.cs's cases (closed generics, Name="Page{0}" patterns, Namespace="urn:x", a contract
#: derived from a closed generic), but "object" (Json.NET holds a JObject in ApiResponse<object>)
GENERIC_CASES: Final = {case: tp for case, tp in GENERIC_TYPES.items() if case != "object"}


def _generic_value(value: Any) -> Any:
    # Holder.O (object): as Holder.O of the collection twins above
    return attrs.evolve(value, o=None) if type(value) is GenericHolder else value


@pytest.fixture(scope="module")
def generic_exe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("Generic", tmp_path_factory.mktemp("feature-generic"))


def test_generic_contract_objects_convert_like_dotnet(generic_exe: Path) -> None:
    """Mono reads netcontract's XML and Json.NET JSON (compact and indented) of drawn closed
    generics and writes back netcontract's bytes in both layouts; netcontract reads them."""
    print(f"feature conformance (generic contracts): seed {SEED}, {DOCS} objects")
    strategies = {
        case: for_type(tp, local_offsets=st.just(0)) for case, tp in GENERIC_CASES.items()
    }
    drawn = [(c, _generic_value(v)) for c, v in draw_tagged(strategies, DOCS, SEED + 3)]
    items = []  # (case, value, format, indented, payload)
    for case, value in drawn:
        for fmt in ("xml", "json"):
            for indent in (False, True):
                items.append((case, value, fmt, indent, _write(value, fmt, indent)))
    request = "".join(
        f"read-{fmt} {case} {base64.b64encode(payload).decode()}\n"
        for case, _, fmt, _, payload in items
    )
    lines = run_program(generic_exe, "batch", stdin=request.encode()).decode().splitlines()
    assert len(lines) == len(items)
    wrong = []
    for (case, value, fmt, indent, payload), line in zip(items, lines, strict=True):
        head, rest = line.split(" ")
        if head == "EXC":
            wrong.append(f"{case} {fmt}: Mono refused {payload!r}: {base64.b64decode(rest)!r}")
            continue
        for out_indent, mono in ((False, base64.b64decode(head)), (True, base64.b64decode(rest))):
            ours = _write(value, fmt, out_indent)
            if mono != ours:
                wrong.append(
                    f"{case} ({fmt}{', indented' if indent else ''} in, "
                    f"{'indented' if out_indent else 'compact'} out) {value!r}:"
                    f"\n  ours {ours!r}\n  mono {mono!r}"
                )
            elif _read(mono, fmt, GENERIC_CASES[case]) != value:
                wrong.append(f"{case}: netcontract re-reading Mono's {fmt} {mono!r}")
    assert {c for c, _ in drawn} == set(GENERIC_CASES)
    assert not wrong, f"{len(wrong)} mismatches (seed {SEED}):\n" + "\n".join(wrong[:3])


# ----------------------------------------------------------------------------- [KnownType]

#: the roots of KnownTypes.cs whose members are polymorphic ([KnownType] on the contracts only)
KNOWN_ROOTS: Final = ("Zoo", "Box", "Round")
#: what an ``object`` member of those twins may hold
KNOWN_OBJECTS: Final = tuple(KNOWN_TYPES[n] for n in ("Animal", "Dog", "Puppy", "Square", "Oval"))
#: netcontract's forms -> the KnownTypes.cs mode reading them (each writes back compact)
KNOWN_FORMS: Final = {
    ("xml", False): "read-xml",
    ("xml", True): "read-xml",
    ("wcf", False): "read-wcf",
    ("wcf", True): "read-wcf",
}


def _known_write(value: Any, fmt: str, indent: bool) -> bytes:
    if fmt == "xml":
        return nc.to_xml(value, indent=indent)
    return nc.to_wcf_json(value, indent=indent)


@pytest.fixture(scope="module")
def known_exe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("KnownTypes", tmp_path_factory.mktemp("feature-known"))


def test_known_type_objects_convert_like_dotnet(known_exe: Path) -> None:
    """Drawn [KnownType] graphs (subclasses in base-typed and ``object`` members): Mono's DCS
    and DataContractJsonSerializer read netcontract's bytes (both layouts) and write back
    netcontract's compact bytes; netcontract reads them into an equal object. Values that
    hold a type neither side knows there are refused by netcontract and not sent (the hand-built
    cases of test_known_types_interop.py prove Mono refuses those too)."""
    print(f"feature conformance ([KnownType]): seed {SEED}, {DOCS} objects")
    strategies = {
        name: for_type(KNOWN_TYPES[name], local_offsets=st.just(0), object_contracts=KNOWN_OBJECTS)
        for name in KNOWN_ROOTS
    }
    items = []  # (root, value, format, indented, payload)
    refused = 0
    for root, value in draw_tagged(strategies, DOCS, SEED + 4):
        try:
            forms = {form: _known_write(value, *form) for form in KNOWN_FORMS}
        except nc.SerializationError:
            refused += 1
            continue
        items.extend((root, value, *form, payload) for form, payload in forms.items())
    request = "".join(
        f"c{i} {KNOWN_FORMS[fmt, indent]} - {root} - {base64.b64encode(payload).decode()}\n"
        for i, (root, _, fmt, indent, payload) in enumerate(items)
    )
    lines = run_program(known_exe, stdin=request.encode()).decode().splitlines()
    assert len(lines) == len(items)
    wrong = []
    both_refused = rounded = 0
    for (root, value, fmt, indent, payload), line in zip(items, lines, strict=True):
        _, head, text = line.split(" ")
        mono = base64.b64decode(text)
        if fmt == "xml":  # Mono's anyType form of a bare object (test_conformance.py)
            mono = conformance.undo_mono_bare_object(mono)
        cls = KNOWN_TYPES[root]
        # netcontract's side: what it writes after reading the same payload (WCF JSON writes
        # a Guid, date, number... in an ``object`` member without its type, so reading gives
        # a string or a number back: README, WCF JSON table), or its refusal
        try:
            held = nc.from_xml(payload, cls) if fmt == "xml" else nc.from_wcf_json(payload, cls)
        except nc.PayloadError as exc:
            if head == "EXC":  # .NET writes a contract its reader refuses (README, known types)
                both_refused += 1
                continue
            if fmt == "wcf" and "into an object as a Decimal, rounded" in str(exc):
                # a double in an ``object`` member that .NET reads back as a rounded Decimal:
                # netcontract refuses it (README, WCF JSON table: documented)
                rounded += 1
                continue
            wrong.append(f"{root} ({fmt}): netcontract refused {payload!r}: {exc}")
            continue
        # no as_dotnet_holds: these twins hold doubles in ``object`` members only, and Mono's
        # DCS keeps their -0 as KnownTypes.cs reads (XmlReader.Create; Driver.cs reads through
        # XmlDictionaryReader, which gives +0 even there: test_conformance.as_dotnet_holds)
        ours = _known_write(held, fmt, False)
        if head != "OK" or mono != ours:
            wrong.append(
                f"{root} ({fmt}{', indented' if indent else ''}) {value!r}:"
                f"\n  payload {payload!r}\n  ours {ours!r}\n  mono {head} {mono!r}"
            )
        elif fmt == "xml" and not same(back := nc.from_xml(mono, cls), value):  # NaN is NaN
            wrong.append(f"{root}: netcontract reads Mono's {mono!r}\n as {back!r}, not {value!r}")
        elif fmt == "wcf" and nc.to_wcf_json(nc.from_wcf_json(mono, cls)) != mono:
            wrong.append(f"{root}: netcontract re-reading Mono's WCF JSON {mono!r}")
    print(f"  {both_refused} payloads refused on reading by both, {rounded} rounded by .NET")
    print(f"  {len(items) // len(KNOWN_FORMS)} sent, {refused} refused by netcontract")
    assert len(items) >= len(KNOWN_FORMS) * DOCS // 3
    assert not wrong, f"{len(wrong)} mismatches (seed {SEED}):\n" + "\n".join(wrong[:3])


# ----------------------------------------------------------------------------- extension data


@pytest.fixture(scope="module")
def extension_exe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("ExtensionData", tmp_path_factory.mktemp("feature-extension"))


def test_extension_data_objects_convert_like_dotnet(extension_exe: Path) -> None:
    """Drawn ``Derived`` twins read as their base ``Base`` (IExtensibleDataObject: ``C`` and
    ``P`` kept as extension data), from XML (root renamed ``Base``) and from WCF JSON: Mono's
    Ext.V1.Base reads netcontract's bytes of that object and writes back netcontract's bytes
    (XML compact and indented, WCF JSON); netcontract reads them and writes them unchanged."""
    print(f"feature conformance (extension data): seed {SEED}, {DOCS} objects")
    namespace = nc.contract_info(ExtBase).namespace
    requests: dict[str, list[tuple[Any, bytes]]] = {"xml": [], "wcf": []}
    blank = 0
    for derived in draw((ExtDerived,), DOCS, SEED + 5):
        xml = nc.to_xml(derived, root_name="Base", root_namespace=namespace)
        from_xml = nc.from_xml(xml, ExtBase)
        from_wcf = nc.from_wcf_json(nc.to_wcf_json(derived), ExtBase)
        for fmt, base in (("xml", from_xml), ("wcf", from_wcf)):
            assert base.extension_data, base  # C and P are unknown to Base
            if fmt == "wcf" and _mono_changes_unknown_string(derived.c):
                blank += 1  # test_wcf_json_unknown_string_as_mono below (a finding)
                continue
            payload = nc.to_xml(base) if fmt == "xml" else nc.to_wcf_json(base)
            requests[fmt].append((base, payload))
    wrong = []
    for fmt, items in requests.items():
        request = "".join(f"Base {base64.b64encode(p).decode()}\n" for _, p in items)
        lines = run_program(extension_exe, fmt, stdin=request.encode()).decode().splitlines()
        assert len(lines) == len(items)
        for (base, payload), line in zip(items, lines, strict=True):
            head, *rest = line.split(" ")
            if head == "EXC":
                wrong.append(f"{fmt}: Mono refused {payload!r}: {base64.b64decode(rest[0])!r}")
                continue
            if fmt == "xml":
                ours = [payload, nc.to_xml(base, indent=True)]
                theirs = [base64.b64decode(head), base64.b64decode(rest[0])]
                back = nc.to_xml(nc.from_xml(theirs[0], ExtBase))
            else:
                ours, theirs = [payload], [base64.b64decode(head)]
                back = nc.to_wcf_json(nc.from_wcf_json(theirs[0], ExtBase))
            if ours != theirs or back != theirs[0]:
                wrong.append(f"{fmt} {base!r}:\n  ours {ours!r}\n  mono {theirs!r}")
    print(
        f"  {blank} WCF JSON documents left out (an unknown string Mono changes: a finding, below)"
    )
    assert not wrong, f"{len(wrong)} mismatches (seed {SEED}):\n" + "\n".join(wrong[:3])


def _mono_changes_unknown_string(text: str | None) -> bool:
    """Mono's DataContractJsonSerializer changes this string kept as extension data: blank
    (``{}`` instead), or leading white space that holds a tab or line break or is followed by a
    character written escaped (``\\/``, ``\\"``, a surrogate pair...): dropped. Its reader
    splits the text at each escape and drops white-space pieces at the start."""
    if text is None:
        return False
    rest = text.lstrip(" \t\r\n")
    if not rest:
        return True
    lead = text[: len(text) - len(rest)]
    if not lead:
        return False
    # U+F698, U+F900, U+FB00, U+FEFF, U+FF21, U+FFFD were dropped after, U+E000 and U+D7FF
    # not (seed 1514322409, then asked): the whole range is left out, a bound not pinned down
    first = rest[0]
    return any(c in "\t\r\n" for c in lead) or quote(first) != f'"{first}"' or first >= "\ue000"


#: (WCF JSON read into Ext.V1.Base, what Mono's DataContractJsonSerializer writes back: asked
#: live below; first seen by the drawn test above)
BLANK_UNKNOWN: Final = [
    ('{"A":null,"M":0,"C":"","P":0}', '{"A":null,"M":0,"C":{},"P":0}'),
    ('{"A":null,"M":0,"C":" ","P":0}', '{"A":null,"M":0,"C":{},"P":0}'),
    ('{"A":null,"M":0,"C":"\\r\\n","P":0}', '{"A":null,"M":0,"C":{},"P":0}'),
    ('{"A":null,"M":0,"C":"\\nx","P":0}', '{"A":null,"M":0,"C":"x","P":0}'),
    ('{"A":null,"M":0,"C":"\\tx y","P":0}', '{"A":null,"M":0,"C":"x y","P":0}'),
    # leading spaces before an escape (first seen with seed 3604174816)
    (
        '{"A":null,"M":0,"C":"  \\ud800\\udc00","P":0}',
        '{"A":null,"M":0,"C":"\\ud800\\udc00","P":0}',
    ),
    ('{"A":null,"M":0,"C":" \\/x","P":0}', '{"A":null,"M":0,"C":"\\/x","P":0}'),
    # and before some characters from U+E000 up (first seen with seed 1514322409)
    ('{"A":null,"M":0,"C":" \uf900x","P":0}', '{"A":null,"M":0,"C":"\uf900x","P":0}'),
]
#: and what it keeps (so that the model above stays narrow)
KEPT_UNKNOWN: Final = [
    '{"A":null,"M":0,"C":" x ","P":0}',
    '{"A":null,"M":0,"C":"x\\n","P":0}',
    '{"A":null,"M":0,"C":"  x\\ud800\\udc00","P":0}',
    '{"A":null,"M":0,"C":" \u00e9","P":0}',
    '{"A":null,"M":0,"C":" \u4e2dx","P":0}',
]


def test_wcf_json_unknown_strings_mono_keeps(extension_exe: Path) -> None:
    request = "".join(f"Base {base64.b64encode(d.encode()).decode()}\n" for d in KEPT_UNKNOWN)
    lines = run_program(extension_exe, "wcf", stdin=request.encode()).decode().splitlines()
    for doc, line in zip(KEPT_UNKNOWN, lines, strict=True):
        assert base64.b64decode(line).decode() == doc
        assert nc.to_wcf_json(nc.from_wcf_json(doc, ExtBase)).decode() == doc


@pytest.mark.parametrize(("doc", "mono_bytes"), BLANK_UNKNOWN)
@pytest.mark.xfail(
    strict=True,
    reason="found by this module: Mono drops a leading tab/line break of an unknown WCF JSON"
    " string (and spaces before an escape), and writes a blank one as {}",
)
def test_wcf_json_unknown_string_as_mono(extension_exe: Path, doc: str, mono_bytes: str) -> None:
    """A string kept as extension data from WCF JSON: Mono's DataContractJsonSerializer writes
    ``{}`` for an empty or blank one and drops a leading tab or line break, and leading spaces
    before an escaped character;
    netcontract writes the string back unchanged.
    Which one Microsoft's .NET writes is not known here (XML: white space alone becomes
    ``<N />`` in both, README); not fixed (the task was the conformance run)."""
    request = f"Base {base64.b64encode(doc.encode()).decode()}\n".encode()
    (line,) = run_program(extension_exe, "wcf", stdin=request).decode().splitlines()
    assert base64.b64decode(line).decode() == mono_bytes  # Mono's bytes, asked live
    assert nc.to_wcf_json(nc.from_wcf_json(doc, ExtBase)).decode() == mono_bytes
