"""Known types (``known_types=``, .NET's [KnownType] and the serializer's list), without Mono.

The bytes below came from Mono 6.8 (DataContractSerializer / DataContractJsonSerializer on
the twin tests/interop/dotnet/KnownTypes.cs, whose Python twins tests/interop/known_models.py
declares); the live comparison is tests/interop/test_known_types_interop.py.
"""

from __future__ import annotations

import pytest
from tests.interop.known_models import (
    Animal,
    Box,
    Circle,
    Dog,
    Oval,
    Puppy,
    Round,
    Shape,
    Square,
    Zoo,
)

import netcontract as nc
from netcontract.model.known import own_known, qualified_name

K = "http://schemas.datacontract.org/2004/07/K"
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
# Mono: Zoo { Pet = new Dog { Name = "d", Bark = 2 } } (Dog known by Animal's [KnownType])
ZOO_DOG = (
    f'<Zoo {XSI} xmlns="{K}"><Any i:nil="true" /><Pet i:type="Dog"><Name>d</Name>'
    '<Bark>2</Bark></Pet><Pets i:nil="true" /><Shape i:nil="true" /></Zoo>'
).encode()
ZOO_DOG_WCF = b'{"Any":null,"Pet":{"__type":"Dog:#K","Name":"d","Bark":2},"Pets":null,"Shape":null}'
# Mono: Round { Box = new Box { Shape = new Oval { R2 = 1 } } }: Oval known by Circle's
# [KnownType], Circle by Round's (a known type brings its own, in every contract inside)
ROUND_BOX_OVAL = (
    f'<Round {XSI} xmlns="{K}"><Box><Any i:nil="true" /><Shape i:type="Oval"><Sides>0</Sides>'
    '<R2>1</R2></Shape><Zoo i:nil="true" /></Box><Shape i:nil="true" /></Round>'
).encode()
# Mono: Box { Any = new Dog { ... } }: Dog's own list (Animal's, inherited) makes it known
BOX_ANY_DOG = (
    f'<Box {XSI} xmlns="{K}"><Any i:type="Dog"><Name>d</Name><Bark>2</Bark></Any>'
    '<Shape i:nil="true" /><Zoo i:nil="true" /></Box>'
).encode()


def test_own_known_takes_the_bases_lists_and_each_known_types_own() -> None:
    assert own_known(Dog) == {(K, "Dog"): Dog}  # Animal's list, inherited
    assert own_known(Round) == {(K, "Circle"): Circle, (K, "Oval"): Oval}
    assert own_known(Puppy) == {(K, "Dog"): Dog}  # a derived class of a known type is not
    assert own_known(Box) == {}
    assert qualified_name(Square) == (K, "Square")


@pytest.mark.falls_back  # a derived value in a member: the reference writer
def test_known_derived_values_are_written_as_mono_writes_them(engine_path: str) -> None:
    assert nc.to_xml(Zoo(pet=Dog(name="d", bark=2))) == ZOO_DOG
    assert nc.to_wcf_json(Zoo(pet=Dog(name="d", bark=2))) == ZOO_DOG_WCF
    assert nc.to_xml(Round(box=Box(shape=Oval(r2=1)))) == ROUND_BOX_OVAL
    assert nc.to_xml(Box(any=Dog(name="d", bark=2))) == BOX_ANY_DOG


@pytest.mark.falls_back
def test_known_derived_values_are_read_back(engine_path: str) -> None:
    assert nc.from_xml(ZOO_DOG, Zoo) == Zoo(pet=Dog(name="d", bark=2))
    assert nc.from_wcf_json(ZOO_DOG_WCF, Zoo) == Zoo(pet=Dog(name="d", bark=2))
    assert nc.from_xml(ROUND_BOX_OVAL, Round) == Round(box=Box(shape=Oval(r2=1)))


@pytest.mark.parametrize(
    ("obj", "path"),
    [
        (Box(shape=Square()), "Shape"),  # no scope knows Square
        (Zoo(pet=Puppy()), "Pet"),  # derived from a known type: not known
        (Zoo(pets=[Puppy()]), "Pets[0]"),
        (Box(any=Animal()), "Any"),  # Animal's list knows Dog, not Animal
        (Box(zoo=Zoo(pet=Puppy())), "Zoo.Pet"),
    ],
)
def test_unknown_types_are_refused_on_writing_naming_the_path(obj: object, path: str) -> None:
    # Mono: SerializationException "Type 'K.Square' ... is not expected. Add any types not
    # known statically to the list of known types"
    for write in (nc.to_xml, nc.to_wcf_json):
        with pytest.raises(nc.SerializationError, match="is not expected here") as info:
            write(obj)
        assert info.value.problems[0].path == path


def test_the_serializer_list_makes_a_type_known_everywhere() -> None:
    written = nc.to_xml(Box(shape=Square(sides=4, side=3)), known_types=[Square])
    # Mono, new DataContractSerializer(typeof(Box), new[] { typeof(Square) })
    assert (
        written
        == (
            f'<Box {XSI} xmlns="{K}"><Any i:nil="true" /><Shape i:type="Square"><Sides>4</Sides>'
            '<Side>3</Side></Shape><Zoo i:nil="true" /></Box>'
        ).encode()
    )
    assert nc.from_xml(written, Box, known_types=[Square]) == Box(shape=Square(sides=4, side=3))
    with pytest.raises(nc.XmlPayloadError, match=r"Shape: type .Square. .* not a known type"):
        nc.from_xml(written, Box)
    with pytest.raises(TypeError, match="known_types"):
        nc.to_xml(Box(), known_types=[int])


@pytest.mark.parametrize(
    ("doc", "tp", "path"),
    [
        # Mono: "Element ... contains data of the 'K:Square' data contract. The deserializer
        # has no knowledge of any type that maps to this contract"
        (f'<Shape {XSI} i:type="Square" xmlns="{K}" />', Shape, ""),
        (f'<Animal {XSI} i:type="Puppy" xmlns="{K}" />', Animal, ""),
        (
            f'<Box {XSI} xmlns:p="http://schemas.datacontract.org/2004/07/System.Diagnostics"'
            f' i:type="p:Process" xmlns="{K}" />',
            Box,
            "",
        ),
        (f'<Box {XSI} xmlns="{K}"><Any i:type="Dog" /></Box>', Box, "Any"),
        (f'<Zoo {XSI} xmlns="{K}"><Pets><Animal i:type="Puppy" /></Pets></Zoo>', Zoo, "Pets[0]"),
        # known (Zoo's list) but not an Animal: Mono's ArgumentException
        (f'<Zoo {XSI} xmlns="{K}"><Pet i:type="Square" /></Zoo>', Zoo, "Pet"),
    ],
)
def test_unknown_types_are_refused_on_reading_naming_the_path(
    doc: str, tp: type, path: str, engine_path: str
) -> None:
    with pytest.raises(nc.XmlPayloadError) as info:
        nc.from_xml(doc, tp)
    assert info.value.problems[0].path == path


def test_wcf_json_refuses_an_unknown_type_hint() -> None:
    # Mono: "Element ':root' contains data of the '...System.Diagnostics:Process' data
    # contract. The deserializer has no knowledge of any type that maps to this contract"
    with pytest.raises(nc.JsonPayloadError, match="not a known type"):
        nc.from_wcf_json(b'{"__type":"Process:#System.Diagnostics"}', Box)
    with pytest.raises(nc.JsonPayloadError, match=r"Pet\.__type: .*not a known type"):
        nc.from_wcf_json(b'{"Pet":{"__type":"Puppy:#K"}}', Zoo)


def test_the_declared_types_known_types_serve_reading_a_root() -> None:
    # Mono: new DataContractSerializer(typeof(Animal)).WriteObject(dog)
    doc = f'<Animal {XSI} i:type="Dog" xmlns="{K}"><Name>d</Name><Bark>2</Bark></Animal>'
    assert nc.from_xml(doc, Animal) == Dog(name="d", bark=2)


def test_a_known_type_that_is_not_a_contract_is_a_definition_error() -> None:
    @nc.contract("K", known_types=("Nowhere",))
    class Bad:
        x: Shape | None = nc.member("X", default=None)

    with pytest.raises(nc.ContractDefinitionError, match="known type 'Nowhere'"):
        nc.to_xml(Bad(x=Square()))
    with pytest.raises(nc.ContractDefinitionError, match="known_types"):
        nc.contract("K", known_types="Dog")  # type: ignore[arg-type]


def test_export_schemas_adds_the_known_types() -> None:
    # XsdDataContractExporter.Export(typeof(Zoo)) exports Square ([KnownType] on Zoo) and Dog
    # (Animal's), after the members' types (Mono: tests/interop/test_references_interop.py)
    schema = nc.export_schemas(Zoo)[K]
    assert '<xs:complexType name="Square">' in schema
    assert '<xs:complexType name="Dog">' in schema
    assert schema.index('name="ArrayOfAnimal"') < schema.index('<xs:complexType name="Square">')


def test_the_generated_paths_keep_the_scope_without_falling_back() -> None:
    from netcontract import codegen

    with codegen._no_fallback():
        assert nc.to_xml(Round(box=Box(shape=Oval(r2=1)))) == ROUND_BOX_OVAL
        assert nc.from_xml(ROUND_BOX_OVAL, Round) == Round(box=Box(shape=Oval(r2=1)))
        assert nc.from_xml(ZOO_DOG, Zoo) == Zoo(pet=Dog(name="d", bark=2))


@nc.collection_contract("K", item_name="N")
class Numbers(list[nc.Int32]):
    """A collection contract, known only through the call's list."""


@nc.contract("K")
class Bag:
    o: object = nc.member("O", default=None)


def test_a_calls_known_types_may_hold_a_collection_contract(engine_path: str) -> None:
    bag = Bag(o=Numbers([1, 2]))
    for layout in ("writer", "stream"):
        with pytest.raises(nc.SerializationError, match=r"O: Numbers .* is not expected here"):
            nc.to_xml(bag, layout=layout)
    data = nc.to_xml(bag, known_types=[Numbers])
    # the shape tests/interop/test_collection_contract_interop.py proves against Mono
    assert b'<O i:type="Numbers"><N>1</N><N>2</N></O>' in data
    with pytest.raises(nc.XmlPayloadError, match=r"'Numbers' .* is not a known type here"):
        nc.from_xml(data, Bag)
    assert nc.from_xml(data, Bag, known_types=[Numbers]) == bag
    # (list[T] and dict[K, V] are known types too: test_known_collections.py)
    for entry in (list, int, "Numbers"):
        with pytest.raises(TypeError, match="is not a contract class, enum, collection contract"):
            nc.to_xml(bag, known_types=[entry])
