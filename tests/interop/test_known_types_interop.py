"""Known types against Mono, live: DataContractSerializer and DataContractJsonSerializer with
``[KnownType]`` and a serializer-level list, on the twin ``dotnet/KnownTypes.cs`` (Python
twins: ``known_models.py``). One Mono run feeds every case.

- a member of a base type holding a known derived type: Mono's bytes are netcontract's
  (XML compact and indented, WCF JSON compact and indented), the known type found in the
  member's declared type (a base's ``[KnownType]`` inherited), in a contract on the path, in
  a known type's own list (transitively) or in the serializer's list;
- an unknown derived type (a class derived from a known one, a sibling): Mono throws
  SerializationException "... is not expected" on writing, netcontract raises
  SerializationError naming the member;
- reading: an ``i:type``/``__type`` Mono accepts, netcontract reads into the same value
  (written again identically); one Mono refuses ("The deserializer has no knowledge of any
  type that maps to this contract", or ArgumentException for a known type that is not the
  member's), netcontract refuses with a PayloadError naming the path.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .known_models import TYPES, value

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

K = "http://schemas.datacontract.org/2004/07/K"
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'

#: (case, value, root type, serializer's known types)
WRITES = [
    ("box-square", "Box", ""),
    ("box-square", "Box", "Square"),
    ("box-any-dog", "Box", ""),
    ("box-any-int", "Box", ""),
    ("box-zoo-square", "Box", ""),
    ("box-zoo-any-square", "Box", ""),
    ("zoo-square", "Zoo", ""),
    ("zoo-dog", "Zoo", ""),
    ("zoo-puppy", "Zoo", ""),
    ("zoo-puppy", "Zoo", "Puppy"),
    ("zoo-cat", "Zoo", ""),
    ("zoo-any-square", "Zoo", ""),
    ("zoo-pets", "Zoo", ""),
    ("zoo-pets-cat", "Zoo", ""),
    ("round-oval", "Round", ""),
    ("round-box-oval", "Round", ""),
]
#: objects in an `object` member that no scope knows: Mono's XML writer writes them (its WCF
#: JSON writer, and Microsoft's .NET, refuse them); Mono's XML reader refuses what it wrote
UNCHECKED_BY_MONO_XML = ["box-any-animal", "box-any-square", "box-any-enum"]


def _box(inner: str) -> str:
    return f'<Box {XSI} xmlns="{K}">{inner}</Box>'


def _zoo(inner: str) -> str:
    return f'<Zoo {XSI} xmlns="{K}">{inner}</Zoo>'


SQUARE = "<Sides>4</Sides><Side>3</Side>"
XS = 'xmlns:x="http://www.w3.org/2001/XMLSchema"'
#: (case, root type, serializer's known types, document): read by both
XML_READS = [
    ("shape-unknown", "Box", "", _box(f'<Shape i:type="Square">{SQUARE}</Shape>')),
    ("shape-known-by-call", "Box", "Square", _box(f'<Shape i:type="Square">{SQUARE}</Shape>')),
    ("object-unknown", "Box", "", _box(f'<Any i:type="Square">{SQUARE}</Any>')),
    ("object-dog", "Box", "", _box('<Any i:type="Dog"><Name>d</Name></Any>')),
    ("object-enum", "Box", "", _box('<Any i:type="Color">Blue</Any>')),
    ("object-int", "Box", "", _box(f'<Any {XS} i:type="x:int">5</Any>')),
    ("object-root-type", "Box", "", _box('<Any i:type="Box"></Any>')),
    ("object-animal", "Box", "", _box('<Any i:type="Animal"><Name>a</Name></Any>')),
    ("pet-dog", "Zoo", "", _zoo('<Pet i:type="Dog"><Name>d</Name><Bark>2</Bark></Pet>')),
    ("pet-puppy", "Zoo", "", _zoo('<Pet i:type="Puppy"><Name>d</Name></Pet>')),
    ("pet-known-not-animal", "Zoo", "", _zoo('<Pet i:type="Square"><Sides>4</Sides></Pet>')),
    ("pet-int", "Zoo", "", _zoo(f'<Pet {XS} i:type="x:int">5</Pet>')),
    ("pet-root-type", "Zoo", "", _zoo('<Pet i:type="Zoo"></Pet>')),
    ("zoo-any-square", "Zoo", "", _zoo('<Any i:type="Square"><Sides>4</Sides></Any>')),
    (
        "nested-scope",
        "Box",
        "",
        _box('<Zoo><Shape i:type="Square"><Sides>4</Sides></Shape></Zoo>'),
    ),
    (
        "ancestor-transitive",
        "Round",
        "",
        f'<Round {XSI} xmlns="{K}"><Box><Shape i:type="Oval"><R2>1</R2></Shape></Box></Round>',
    ),
    (
        # Zoo's own Square inside it, Round's Circle inside Zoo too, Round's Oval after it
        "scope-around-a-nested-one",
        "Round",
        "",
        f'<Round {XSI} xmlns="{K}"><Box><Zoo><Any i:type="Square">{SQUARE}</Any>'
        '<Shape i:type="Circle"><Sides>0</Sides><R>1</R></Shape></Zoo></Box>'
        '<Shape i:type="Oval"><Sides>0</Sides><R2>2</R2></Shape></Round>',
    ),
    # an object member's content: U+00A0 is no XML white space (Mono: "cannot have child
    # contents to be deserialized as an object"), with xs:anyType too
    ("object-no-break-space", "Box", "", _box("<Any>&#160;</Any>")),
    ("object-text", "Box", "", _box("<Any>x</Any>")),
    ("anytype-no-break-space", "Box", "", _box(f'<Any {XS} i:type="x:anyType">&#160;</Any>')),
    ("call-transitive", "Box", "Circle", _box('<Shape i:type="Oval"><R2>1</R2></Shape>')),
    ("call-scope-of-zoo", "Box", "Zoo", _box('<Shape i:type="Square"><Sides>4</Sides></Shape>')),
    ("list-dog", "Zoo", "", _zoo('<Pets><Animal i:type="Dog"><Name>d</Name></Animal></Pets>')),
    ("list-cat", "Zoo", "", _zoo('<Pets><Animal i:type="Cat"><Name>d</Name></Animal></Pets>')),
    (
        "root-square",
        "Shape",
        "",
        f'<Shape {XSI} i:type="Square" xmlns="{K}"><Sides>4</Sides></Shape>',
    ),
    (
        "root-square-known",
        "Shape",
        "Square",
        f'<Shape {XSI} i:type="Square" xmlns="{K}"><Sides>4</Sides></Shape>',
    ),
    ("root-dog", "Animal", "", f'<Animal {XSI} i:type="Dog" xmlns="{K}"><Name>d</Name></Animal>'),
    (
        "root-puppy",
        "Animal",
        "",
        f'<Animal {XSI} i:type="Puppy" xmlns="{K}"><Name>d</Name></Animal>',
    ),
    (
        "root-itself",
        "Shape",
        "",
        f'<Shape {XSI} i:type="Shape" xmlns="{K}"><Sides>4</Sides></Shape>',
    ),
    (
        "root-process",
        "Box",
        "",
        f'<Box {XSI} xmlns:p="http://schemas.datacontract.org/2004/07/System.Diagnostics"'
        f' i:type="p:Process" xmlns="{K}"></Box>',
    ),
]
WCF_READS = [
    ("shape-unknown", "Box", "", '{"Shape":{"__type":"Square:#K","Sides":4,"Side":3}}'),
    ("shape-known", "Box", "Square", '{"Shape":{"__type":"Square:#K","Sides":4,"Side":3}}'),
    ("object-unknown", "Box", "", '{"Any":{"__type":"Square:#K","Sides":4,"Side":3}}'),
    ("object-dog", "Box", "", '{"Any":{"__type":"Dog:#K","Name":"d"}}'),
    ("object-int", "Box", "", '{"Any":5}'),
    ("pet-dog", "Zoo", "", '{"Pet":{"__type":"Dog:#K","Name":"d","Bark":2}}'),
    ("pet-puppy", "Zoo", "", '{"Pet":{"__type":"Puppy:#K","Name":"d"}}'),
    ("pet-not-animal", "Zoo", "", '{"Pet":{"__type":"Square:#K","Sides":4}}'),
    ("root-square", "Shape", "", '{"__type":"Square:#K","Sides":4}'),
    ("root-process", "Box", "", '{"__type":"Process:#System.Diagnostics"}'),
]


def _known(names: str) -> list[Any]:
    return [TYPES[n] for n in names.split(",") if n]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.fixture(scope="module")
def mono(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, str]]:
    """Every case's answer from Mono: (accepted, text or "Type: message")."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe: Path = compile_program("KnownTypes", tmp_path_factory.mktemp("known"))
    lines = []
    for case, root, known in WRITES:
        for mode in ("xml", "xml-indent", "wcf", "wcf-indent"):
            lines.append(f"{mode}/{case}/{known} {mode} {case} {root} {known or '-'}")
    for case in UNCHECKED_BY_MONO_XML:
        lines.append(f"xml/{case}/ xml {case} Box -")
        lines.append(f"wcf/{case}/ wcf {case} Box -")
    for case, root, known, doc in XML_READS:
        lines.append(f"read-xml/{case} read-xml - {root} {known or '-'} {_b64(doc)}")
    for case, root, known, doc in WCF_READS:
        lines.append(f"read-wcf/{case} read-wcf - {root} {known or '-'} {_b64(doc)}")
    out: dict[str, tuple[bool, str]] = {}
    stdout = run_program(exe, stdin=("\n".join(lines) + "\n").encode()).decode()
    for line in stdout.splitlines():
        name, status, text = line.split(" ")
        out[name] = (status == "OK", base64.b64decode(text).decode())
    assert len(out) == len(lines)
    return out


def _write(mode: str, obj: Any, known: list[Any]) -> bytes:
    if mode.startswith("xml"):
        return nc.to_xml(obj, indent=mode == "xml-indent", known_types=known)
    return nc.to_wcf_json(obj, indent=mode == "wcf-indent", known_types=known)


@pytest.mark.parametrize("mode", ["xml", "xml-indent", "wcf", "wcf-indent"])
@pytest.mark.parametrize(("case", "root", "known"), WRITES)
def test_writing_matches_mono(
    mono: dict[str, tuple[bool, str]], mode: str, case: str, root: str, known: str
) -> None:
    accepted, text = mono[f"{mode}/{case}/{known}"]
    obj = value(case)
    assert type(obj).__name__ == root
    if accepted:
        assert _write(mode, obj, _known(known)).decode() == text
    else:
        # (through the indented JSON writer Mono's refusal surfaces as the writer's XmlException
        # when it is disposed half-written; the compact case carries the serializer's message)
        compact = mono[f"{mode.removesuffix('-indent')}/{case}/{known}"][1]
        assert compact.startswith("SerializationException: ") and "is not expected" in compact
        with pytest.raises(nc.SerializationError, match="is not expected here") as info:
            _write(mode, obj, _known(known))
        assert info.value.problems[0].path in ("Shape", "Pet", "Pets[0]", "Any")


@pytest.mark.parametrize("case", UNCHECKED_BY_MONO_XML)
def test_an_unknown_object_in_an_object_member_is_refused(
    mono: dict[str, tuple[bool, str]], case: str
) -> None:
    # Mono's XML writer writes it (Microsoft's .NET and Mono's WCF JSON writer refuse it)...
    assert mono[f"xml/{case}/"][0]
    assert not mono[f"wcf/{case}/"][0]
    assert "is not expected" in mono[f"wcf/{case}/"][1]
    # ...and Mono's XML reader refuses what its writer wrote: netcontract refuses to write it
    for write in (nc.to_xml, nc.to_wcf_json):
        with pytest.raises(nc.SerializationError, match=r"Any: .* is not expected here"):
            write(value(case))


@pytest.mark.parametrize(("case", "root", "known", "doc"), XML_READS)
def test_reading_xml_matches_mono(
    mono: dict[str, tuple[bool, str]], case: str, root: str, known: str, doc: str
) -> None:
    accepted, text = mono[f"read-xml/{case}"]
    tp, types = TYPES[root], _known(known)
    if accepted:
        obj = nc.from_xml(doc.encode(), tp, known_types=types)
        # written again as Mono writes what it read (the root as its own type)
        if type(obj) is tp:
            assert nc.to_xml(obj, known_types=types).decode() == text
    else:
        assert (
            "has no knowledge of any type" in text
            or text.startswith("ArgumentException")
            or "cannot have child contents to be deserialized as an object" in text
        )
        with pytest.raises(nc.XmlPayloadError) as info:
            nc.from_xml(doc.encode(), tp, known_types=types)
        assert any(
            words in str(info.value)
            for words in ("known type", "is not a", "with content needs", "must be empty")
        )


@pytest.mark.parametrize(("case", "root", "known", "doc"), WCF_READS)
def test_reading_wcf_json_matches_mono(
    mono: dict[str, tuple[bool, str]], case: str, root: str, known: str, doc: str
) -> None:
    accepted, text = mono[f"read-wcf/{case}"]
    tp, types = TYPES[root], _known(known)
    if accepted:
        obj = nc.from_wcf_json(doc.encode(), tp, known_types=types)
        assert nc.to_wcf_json(obj, known_types=types).decode() == text
    else:
        assert "has no knowledge of any type" in text or text.startswith("ArgumentException")
        with pytest.raises(nc.JsonPayloadError) as info:
            nc.from_wcf_json(doc.encode(), tp, known_types=types)
        assert "known type" in str(info.value) or "is not a" in str(info.value)


def test_reading_mono_bytes_of_a_root_of_a_derived_type() -> None:
    # Mono: new DataContractSerializer(typeof(Animal)).WriteObject(dog) (Dog known by
    # Animal's [KnownType]): the root keeps the declared name and carries i:type
    doc = f'<Animal {XSI} i:type="Dog" xmlns="{K}"><Name>d</Name><Bark>2</Bark></Animal>'
    assert nc.from_xml(doc, TYPES["Animal"]) == TYPES["Dog"](name="d", bark=2)
