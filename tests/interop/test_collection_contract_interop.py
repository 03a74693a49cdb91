"""``nc.collection_contract`` ([CollectionDataContract]) against Mono, live
(``dotnet/CollectionContracts.cs``, whose classes are ``collection_models.py``'s twins).

- every sample (as a member, nested, in an ``object`` member, as the document; lists and
  dictionaries with their own names, item names, KeyName/ValueName, null items, items whose
  contract is in another namespace) is written byte for byte as Mono's DataContractSerializer
  writes it (compact and indented), as Json.NET 6.0.8 writes it (compact and indented) and as
  DataContractJsonSerializer writes it; netcontract reads Mono's bytes back to the sample;
- hand-made documents are read (or refused) as Mono reads (or refuses) them;
- ``export_schemas`` is Mono's XsdDataContractExporter output, and ``validate_xml`` accepts
  every document Mono writes.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pytest

import netcontract as nc
from netcontract.xsd.export import export_schemas

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .collection_models import (
    DefMap,
    Holder,
    Ints,
    ItemList,
    Map,
    NamedItems,
    Nested,
    OtherItems,
    OtherMap,
    RefList,
    RefMap,
    Shared,
    Strs,
    samples,
)

# a collection contract as the document is written and read by the reference code (visibly)
pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

MODELS: dict[str, Any] = {
    cls.__name__: cls
    for cls in (
        Holder,
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
        RefList,
        RefMap,
    )
}
SAMPLES = samples()
FORMATS = ("xml", "xml-indented", "json", "json-indented", "wcf")

XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
COLL = 'xmlns="http://schemas.datacontract.org/2004/07/Coll"'
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
Z = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'

#: hand-made documents: Mono's DataContractSerializer reads or refuses each; netcontract must
#: do the same (and write back what Mono writes back)
READ_CASES: dict[str, tuple[str, str]] = {
    "other-item-name-skipped": (
        "ItemList",
        f"<ItemList {XSI} {COLL}><Itm><A>x</A></Itm><Item><A>a</A><B>1</B></Item></ItemList>",
    ),
    "default-item-name-in-named": (
        "NamedItems",
        f'<Items {XSI} xmlns="urn:n"><Item><A>x</A></Item><It i:nil="true"/></Items>',
    ),
    "items-in-arrays-namespace": (
        "Strs",
        f'<Strs {XSI} {COLL} xmlns:a="{ARR}"><a:string>x</a:string><S>s</S></Strs>',
    ),
    "key-value-default-names": (
        "Map",
        f'<Map {XSI} xmlns="urn:m"><E><Key>x</Key><Value>1</Value></E></Map>',
    ),
    "value-before-key": ("Map", f'<Map {XSI} xmlns="urn:m"><E><V>1</V><K>x</K></E></Map>'),
    "unknown-element-before-key": (
        "Map",
        f'<Map {XSI} xmlns="urn:m"><E><X>0</X><K>x</K><V>1</V></E></Map>',
    ),
    "missing-value": ("Map", f'<Map {XSI} xmlns="urn:m"><E><K>x</K></E></Map>'),
    "duplicate-key": (
        "Map",
        f'<Map {XSI} xmlns="urn:m"><E><K>x</K><V>1</V></E><E><K>x</K><V>2</V></E></Map>',
    ),
    "entries-of-another-name-skipped": (
        "Map",
        f'<Map {XSI} xmlns="urn:m"><KeyValueOfstringint><K>x</K><V>1</V>'
        "</KeyValueOfstringint></Map>",
    ),
    "dict-items-in-arrays-namespace": (
        "DefMap",
        f'<DefMap {XSI} {COLL} xmlns:a="{ARR}"><a:KeyValueOfstringItemA_P5TuBh9><a:Key>k</a:Key>'
        '<a:Value i:nil="true"/></a:KeyValueOfstringItemA_P5TuBh9></DefMap>',
    ),
    "root-default-array-name": (
        "ItemList",
        f"<ArrayOfItem {XSI} {COLL}><Item><A>a</A></Item></ArrayOfItem>",
    ),
    "root-other-namespace": ("Map", f'<Map {XSI} xmlns="urn:other"><E><K>x</K><V>1</V></E></Map>'),
    "root-i-type-itself": ("Strs", f'<Strs {XSI} {COLL} i:type="Strs"><S>s</S></Strs>'),
    "root-i-type-other": ("Strs", f'<Strs {XSI} {COLL} i:type="Ints"><S>s</S></Strs>'),
    "member-i-type-other": (
        "Holder",
        f'<Holder {XSI} {COLL}><S i:type="Ints"><int>1</int></S></Holder>',
    ),
    "member-text": ("Holder", f"<Holder {XSI} {COLL}><L>text</L></Holder>"),
    "ref-before-id": (
        "Shared",
        f'<Shared {XSI} {COLL} {Z}><A z:Ref="i1"/><B z:Id="i1"><Item/></B></Shared>',
    ),
    "id-twice": (
        "Shared",
        f'<Shared {XSI} {COLL} {Z}><A z:Id="i1"><Item/></A><B z:Id="i1"><Item/></B></Shared>',
    ),
    "ref-to-a-dictionary-where-a-list-is": (
        "Shared",
        f'<Shared {XSI} {COLL} {Z}><A z:Ref="i1"/><M z:Id="i1"><P><Key>k</Key><Value>1</Value>'
        "</P></M></Shared>",
    ),
    # a z:Ref to a list read before, in a dictionary member (Mono: ArgumentException "Object
    # of type 'Coll.RefList' cannot be converted to type 'Coll.RefMap'."; netcontract: "names
    # a RefList, not a RefMap", tests/netcontract/xml/test_read_refusals.py)
    "ref-to-a-list-where-a-dictionary-is": (
        "Shared",
        f'<Shared {XSI} {COLL} {Z}><A z:Id="i1"><Item/></A><N z:Ref="i1"/></Shared>',
    ),
    "object-member": (
        "Holder",
        f'<Holder {XSI} {COLL}><O i:type="ItemList"><Item><B>3</B></Item></O></Holder>',
    ),
}

#: Mono reads these; netcontract refuses them (as for any contract: README)
REFUSED_HERE: dict[str, tuple[str, str]] = {
    "root-nil": ("ItemList", f'<ItemList {XSI} {COLL} i:nil="true"/>'),
    # Mono ignores the content of a z:Ref element: a value lost silently
    "ref-with-content": (
        "Shared",
        f'<Shared {XSI} {COLL} {Z}><A z:Id="i1"><Item/></A><B z:Ref="i1"><Item/></B></Shared>',
    ),
}


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    yield compile_program("CollectionContracts", tmp_path_factory.mktemp("collection-contracts"))


@pytest.fixture(scope="module")
def mono_samples(twin: Path) -> dict[str, dict[str, bytes]]:
    out: dict[str, dict[str, bytes]] = {}
    for line in run_program(twin, "samples").decode().splitlines():
        name, *parts = line.split(" ")
        out[name] = dict(zip(FORMATS, (base64.b64decode(p) for p in parts), strict=True))
    assert set(out) == set(SAMPLES)
    return out


def _batch(twin: Path, mode: str, cases: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Mono's answers by case: the document read and written back, or ``EXC message``."""
    request = "".join(
        f"{t} {base64.b64encode(doc.encode()).decode()}\n" for t, doc in cases.values()
    )
    lines = run_program(twin, mode, stdin=request.encode()).decode().splitlines()
    answers = {}
    for name, line in zip(cases, lines, strict=True):
        head, *rest = line.split(" ")
        answers[name] = (
            "EXC " + base64.b64decode(rest[0]).decode()
            if head == "EXC"
            else base64.b64decode(head).decode()
        )
    return answers


def _write(value: Any, fmt: str) -> bytes:
    if fmt.startswith("xml"):
        return nc.to_xml(value, indent=fmt.endswith("indented"))
    if fmt.startswith("json"):
        return nc.to_json(value, indent=fmt.endswith("indented"))
    return nc.to_wcf_json(value)


#: Mono's DataContractJsonSerializer writes a dictionary collection contract in an object
#: member as KeyValuePair objects (``[{"__type":"KeyValuePairOfstringint:#System.Collections.
#: Generic","key":"a","value":1}]``): refused both ways
WCF_REFUSED: Final = frozenset({"holder-object-map"})


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_written_as_mono_writes_it(
    mono_samples: dict[str, dict[str, bytes]], name: str, fmt: str
) -> None:
    if mono_samples[name][fmt].startswith(b"EXC Unsupported value for IsReference"):
        # is_reference collection contracts: DataContractJsonSerializer refuses them
        with pytest.raises(nc.SerializationError, match="is is_reference"):
            _write(SAMPLES[name], fmt)
        return
    if fmt == "wcf" and name in WCF_REFUSED:
        assert b"KeyValuePairOf" in mono_samples[name][fmt]
        with pytest.raises(nc.SerializationError, match="O: a Map has no data-contract type"):
            _write(SAMPLES[name], fmt)
        return
    assert _write(SAMPLES[name], fmt) == mono_samples[name][fmt]


@pytest.mark.parametrize("fmt", ["xml", "xml-indented", "json", "wcf"])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_monos_bytes_are_read_back(
    mono_samples: dict[str, dict[str, bytes]], name: str, fmt: str
) -> None:
    value = SAMPLES[name]
    data = mono_samples[name][fmt]
    read = {
        "xml": nc.from_xml,
        "xml-indented": nc.from_xml,
        "json": nc.from_json,
        "wcf": nc.from_wcf_json,
    }[fmt]
    if fmt == "wcf" and name in WCF_REFUSED:
        with pytest.raises(
            nc.JsonPayloadError,
            match=r"'KeyValuePairOfstringint' from namespace .* is not a known type here",
        ):
            read(data, type(value))
        return
    if data.startswith(b"EXC Unsupported value for IsReference"):
        # (what Json.NET wrote, read as WCF JSON: refused as Mono refuses the type)
        with pytest.raises(nc.JsonPayloadError, match="is is_reference"):
            read(mono_samples[name]["json"], type(value))
        return
    back = read(data, type(value))
    assert type(back) is type(value)
    if fmt == "json" and isinstance(value, Holder) and value.o is not None:
        # Json.NET reads an object member as a JArray or JObject (no type in the JSON): so
        # does from_json
        assert back.o == json.loads(data)["O"]
        back = attrs.evolve(back, o=value.o)
    if isinstance(value, Holder) and value.o is not None and fmt.startswith("xml"):
        # (an i:type finds the copy of the contract declared last: the unit tests import
        # collection_models under another module name)
        assert repr(back.o) == repr(value.o)
        assert type(back.o).__name__ == type(value.o).__name__  # the collection contract
        back = attrs.evolve(back, o=value.o)
    assert back == value
    if isinstance(value, Shared) and fmt.startswith("xml"):
        # z:Id / z:Ref: one object at each place, as in .NET
        assert back.a is back.b is back.l[0] and back.m is back.n
        assert type(back.a) is RefList and type(back.m) is RefMap
    if isinstance(value, Holder) and value.l is not None:
        assert type(back.l) is ItemList and type(back.m) is Map and type(back.om) is OtherMap
        assert type(back.ne[0]) is ItemList if back.ne else True
    if fmt.startswith("xml"):
        assert nc.validate_xml(data, type(value)) == back


def _ours(type_name: str, doc: str) -> str:
    try:
        return nc.to_xml(nc.from_xml(doc.encode(), MODELS[type_name])).decode()
    except nc.PayloadError as exc:
        return f"EXC {exc}"


def test_documents_are_read_or_refused_as_mono_does(twin: Path) -> None:
    mono = _batch(twin, "xml", READ_CASES)
    failures = []
    for case, (type_name, doc) in READ_CASES.items():
        ours = _ours(type_name, doc)
        if mono[case].startswith("EXC") != ours.startswith("EXC") or (
            not ours.startswith("EXC") and ours != mono[case]
        ):
            failures.append(f"{case}:\n  ours {ours}\n  Mono {mono[case]}")
    assert not failures, "\n".join(failures)


def test_what_mono_reads_but_netcontract_refuses(twin: Path) -> None:
    mono = _batch(twin, "xml", REFUSED_HERE)
    for case, (type_name, doc) in REFUSED_HERE.items():
        assert not mono[case].startswith("EXC"), case
        assert _ours(type_name, doc).startswith("EXC"), case


@pytest.mark.parametrize("root", [Holder, Shared])
def test_xsd_export_is_monos(twin: Path, root: type) -> None:
    theirs = {}
    for line in run_program(twin, "xsd", root.__name__).decode().splitlines():
        text = base64.b64decode(line).decode()
        text = text.split("\n", 1)[1] if text.startswith("<?xml") else text
        namespace = text.split('targetNamespace="', 1)[1].split('"', 1)[0]
        theirs[namespace] = text
    del theirs["http://www.w3.org/2001/XMLSchema"]  # Mono's stub (test_xsd_interop.py)
    ours = export_schemas(root)
    assert list(ours) == list(theirs)
    for namespace, text in ours.items():
        assert text == theirs[namespace], namespace
