"""``netcontract generate`` declares [KnownType]s as XsdDataContractImporter does.

``data/mono_known/`` is Mono's ``XsdDataContractExporter`` output for ``Known.cs.txt``
(``Animal`` <- ``Dog`` <- ``Puppy``, ``Cat`` in another namespace, classes with an ``object``
member, a list of them, a dictionary of them, a list of the base type). Mono's importer,
given those schemas, declares on the C# classes it generates
(``tests/interop/test_generate_interop.py`` compares the lists class by class):

- on a base class, ``[KnownType]`` of each class derived from it, at any depth and in any
  namespace (``Animal``: ``Dog``, ``Puppy``, ``Cat``; ``Dog``: ``Puppy``, ``Cat``);
- on a class with an ``object`` member or a list of them (not a dictionary of them), every
  type of the schema set but itself: classes, enums, collections;
- nothing for a class that holds such a class (``Outer``) or a list of the base type.

The generated classes then read and write, with no ``known_types`` given to the calls, what the
importer's classes do (a Dog in an Animal member, in a list of Animals, a contract in an
object member). Over the real-world sets (``schemas/``), each class lists exactly the classes
derived from it (Bing Ads' ReportRequest: 42), unless it holds ``object``.

Each check runs on the default module (``extension_data=True`` on the classes that derive from
no other, as the importer's classes implement ``IExtensibleDataObject``) and on the one
generated with ``extension_data=False`` (read and written by the generated fast paths).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree
from tests.netcontract.generate.test_generate import _components

import netcontract as nc

KNOWN = Path(__file__).resolve().parent / "data" / "mono_known"
OBJECT_HOLDER_LIST = [
    '        "Animal",',
    '        "Cat",',
    '        "Color",',
    '        "DictObj",',
    '        "Dog",',
]


@pytest.fixture(params=[None, False], ids=["extension_data", "no_extension_data"])
def generated(request: pytest.FixtureRequest) -> str:
    return nc.generate(KNOWN, strict=True, extension_data=request.param)


def _ext(generated: str) -> str:
    """The decorator argument on the classes that derive from no other, in this module."""
    return ", extension_data=True" if "extension_data=True" in generated else ""


def test_a_base_knows_its_derived_classes_at_any_depth_in_any_namespace(generated: str) -> None:
    ext = _ext(generated)
    assert f'@nc.contract("P.K"{ext}, known_types=("Cat", "Dog", "Puppy"))\nclass Animal:' in (
        generated
    )
    # derived classes inherit IExtensibleDataObject: never declared on them
    assert '@nc.contract("P.K", known_types=("Cat", "Puppy"))\nclass Dog(Animal):' in generated
    assert '@nc.contract("P.K2")\nclass Cat(Dog):' in generated
    assert '@nc.contract("P.K")\nclass Puppy(Dog):' in generated


def test_a_class_with_an_object_member_knows_every_type_of_the_set_but_itself(
    generated: str,
) -> None:
    lines = generated.splitlines()
    head = ["@nc.contract(", '    "P.K",', "    known_types=("]
    if _ext(generated):
        head[2:2] = ["    extension_data=True,"]
    for name, member in (("Holder", "obj"), ("ObjOnly", "o"), ("ListObj", "objs")):
        end = lines.index(f"class {name}:")
        start = max(i for i in range(end) if lines[i] == "@nc.contract(")
        block = lines[start:end]
        assert block[: len(head)] == head
        assert block[len(head) : len(head) + 5] == OBJECT_HOLDER_LIST
        assert block[-2:] == ["    ),", ")"]
        names = [line.strip().strip('",') for line in block[len(head) : -2]]
        everything = {"Animal", "Cat", "Color", "DictObj", "Dog", "Holder", "ListHolder"}
        everything |= {"ListObj", "ObjOnly", "Outer", "Plain", "Puppy", "Stamped"}
        # Mono's importer: [KnownType(typeof(System.DateTimeOffset))] too, the set holding it
        assert names == [*sorted(everything - {name}), "nc.DateTimeOffset"], name
        assert f"    {member}: " in lines[end + 1] + lines[end + 2]
    # a dictionary of objects is no object member (.NET's IsObjectContract), nor are a
    # member holding an object holder or a list of the base type
    for name in ("DictObj", "Outer", "ListHolder", "Plain"):
        assert f'@nc.contract("P.K"{_ext(generated)})\nclass {name}:' in generated


def test_generated_classes_need_no_call_level_known_types(
    generated: str, load_generated: Callable[[str], ModuleType]
) -> None:
    m = load_generated(generated)
    holder = m.Holder(pet=m.Cat(name="c", meow="m"), obj=m.Puppy(age=2))
    xml = nc.to_xml(holder)
    cat = b'<Pet xmlns:d2p1="http://schemas.datacontract.org/2004/07/P.K2" i:type="d2p1:Cat">'
    assert cat in xml
    assert nc.from_xml(xml, m.Holder) == holder
    pets = m.ListHolder(pets=[m.Dog(bark="b"), m.Animal(), None])
    assert nc.from_xml(nc.to_xml(pets), m.ListHolder) == pets
    assert nc.from_wcf_json(nc.to_wcf_json(holder), m.Holder) == holder
    outer = m.Outer(h=m.Holder(obj=m.Color.Blue))
    assert nc.from_xml(nc.to_xml(outer), m.Outer) == outer
    # a class is not on its own list, but a known type brings its own list along (.NET's
    # CheckAndAdd): ObjOnly's list names Holder, so a Holder is known in Holder.Obj too
    nested = m.Outer(h=m.Holder(obj=m.Holder(obj=m.Plain(x=1))))
    assert nc.from_xml(nc.to_xml(nested), m.Outer) == nested


def test_export_of_the_generated_classes_is_the_input_component_by_component(
    generated: str, load_generated: Callable[[str], ModuleType]
) -> None:
    m = load_generated(generated)
    # the known types bring the whole set into each export, as XsdDataContractExporter does
    ours = nc.export_schemas(m.Holder)
    theirs = {}
    for path in KNOWN.glob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        theirs[etree.fromstring(text.encode()).get("targetNamespace")] = text
    assert set(ours) == set(theirs)
    for namespace, text in theirs.items():
        assert _components(ours[namespace]) == _components(text), namespace


REAL_WORLD = Path(__file__).resolve().parent / "schemas"


def test_a_real_world_base_lists_its_subclasses_across_namespaces() -> None:
    code = nc.generate(REAL_WORLD / "bingads_reporting", extension_data=False)
    # ApplicationFault (adapi.microsoft.com) <- AdApiFaultDetail (adapi) and ApiFaultDetail
    # (Reporting/v13): the line ruff writes when the arguments fit on one
    assert (
        "@nc.contract(\n"
        '    xml_namespace="https://adapi.microsoft.com", known_types=("AdApiFaultDetail",'
        ' "ApiFaultDetail")\n'
        ")\nclass ApplicationFault:\n"
    ) in code
    # by default (extension_data=True) they no longer fit: one a line, as ruff writes them
    assert (
        "@nc.contract(\n"
        '    xml_namespace="https://adapi.microsoft.com",\n'
        "    extension_data=True,\n"
        '    known_types=("AdApiFaultDetail", "ApiFaultDetail"),\n'
        ")\nclass ApplicationFault:\n"
    ) in nc.generate(REAL_WORLD / "bingads_reporting")
    head = code[: code.index("\nclass ReportRequest:")]
    listed = head[head.rindex("@nc.contract(") :]
    # every report request (the 42 classes derived from it), one a line
    assert listed.count('\n        "') == code.count("(ReportRequest):\n") == 42


def _declared(cls: type, module: ModuleType) -> set[type]:
    entries = cls.__dict__["__netcontract__"].known_types or ()
    return {vars(module)[entry] for entry in entries}


@pytest.mark.parametrize("name", sorted(p.name for p in REAL_WORLD.iterdir() if p.is_dir()))
def test_real_world_classes_know_their_subclasses_and_object_holders_everything(
    name: str, load_generated: Callable[[str], ModuleType]
) -> None:
    module = load_generated(nc.generate(REAL_WORLD / name))
    types = {
        v
        for v in vars(module).values()
        if isinstance(v, type)
        and ("__netcontract__" in v.__dict__ or "__netcontract_collection__" in v.__dict__)
    }
    classes = {
        t for t in types if "__netcontract__" in t.__dict__ and not hasattr(t, "_member_map_")
    }
    for cls in classes:
        declared = _declared(cls, module)
        subclasses = {c for c in classes if c is not cls and issubclass(c, cls)}
        if declared != subclasses:
            # only a class holding ``object`` (or a list of it) knows more: everything
            hints = [str(h) for h in cls.__annotations__.values()]
            assert any("object" in h for h in hints), cls
            assert declared == types - {cls}, cls


# Mono: new DataContractSerializer(typeof(Stamped)) over XmlWriter.Create, Stamped declaring
# [KnownType(typeof(DateTimeOffset))] as the importer does, O = 2020-01-02T03:04:05+02:00,
# When = 2021-05-06T07:08:09-01:30
STAMPED_XML = (
    b'<Stamped xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    b'xmlns="http://schemas.datacontract.org/2004/07/P.K2"><O '
    b'xmlns:d2p1="http://schemas.datacontract.org/2004/07/System" i:type="d2p1:DateTimeOffset">'
    b"<d2p1:DateTime>2020-01-02T01:04:05Z</d2p1:DateTime><d2p1:OffsetMinutes>120"
    b'</d2p1:OffsetMinutes></O><When xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
    b"<d2p1:DateTime>2021-05-06T08:38:09Z</d2p1:DateTime><d2p1:OffsetMinutes>-90"
    b"</d2p1:OffsetMinutes></When></Stamped>"
)


def test_a_set_holding_datetimeoffset_makes_it_known_to_object_members(
    generated: str, load_generated: Callable[[str], ModuleType]
) -> None:
    assert "        nc.DateTimeOffset,\n    ),\n)\nclass Stamped:" in generated
    m = load_generated(generated)
    doc = nc.from_xml(STAMPED_XML, m.Stamped)
    assert isinstance(doc.o, nc.DateTimeOffset) and doc.o.offset_minutes == 120
    assert nc.to_xml(doc) == STAMPED_XML
