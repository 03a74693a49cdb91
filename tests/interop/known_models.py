"""The Python twins of tests/interop/dotnet/KnownTypes.cs ([KnownType]), and the values both
sides write (by the case names KnownTypes.cs's ``Value`` knows)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import netcontract as nc

T = TypeVar("T")


@nc.contract("K", known_types=("Dog",))
class Animal:
    name: str | None = nc.member("Name", default=None)


@nc.contract("K")
class Dog(Animal):
    bark: nc.Int32 = nc.member("Bark", default=0)


@nc.contract("K")
class Puppy(Dog):
    age: nc.Int32 = nc.member("Age", default=0)


@nc.contract("K")
class Cat(Animal):
    lives: nc.Int32 = nc.member("Lives", default=0)


@nc.contract("K")
class Shape:
    sides: nc.Int32 = nc.member("Sides", default=0)


@nc.contract("K")
class Square(Shape):
    side: nc.Int32 = nc.member("Side", default=0)


@nc.contract("K", known_types=lambda: (Oval,))  # [KnownType(typeof(Oval))] on a base of Oval
class Circle(Shape):
    r: nc.Int32 = nc.member("R", default=0)


@nc.contract("K")
class Oval(Shape):
    r2: nc.Int32 = nc.member("R2", default=0)


@nc.contract("K")
class Color(nc.ContractEnum):
    Red = 0
    Blue = 1


@nc.contract("K", known_types=(Square,))
class Zoo:
    pet: Animal | None = nc.member("Pet", default=None)
    shape: Shape | None = nc.member("Shape", default=None)
    any: object = nc.member("Any", default=None)
    pets: list[Animal] | None = nc.member("Pets", default=None)


@nc.contract("K")
class Box:
    shape: Shape | None = nc.member("Shape", default=None)
    any: object = nc.member("Any", default=None)
    zoo: Zoo | None = nc.member("Zoo", default=None)


@nc.contract("K", known_types=(Circle,))
class Round:
    shape: Shape | None = nc.member("Shape", default=None)
    box: Box | None = nc.member("Box", default=None)


@nc.contract("K")
class Wrap(Generic[T]):
    data: object = nc.member("Data", default=None)
    item: T | None = nc.member("Item", default=None)


#: the C# type names of KnownTypes.cs's Find
TYPES: dict[str, Any] = {
    "Animal": Animal,
    "Dog": Dog,
    "Puppy": Puppy,
    "Cat": Cat,
    "Shape": Shape,
    "Square": Square,
    "Circle": Circle,
    "Oval": Oval,
    "Color": Color,
    "Zoo": Zoo,
    "Box": Box,
    "Round": Round,
}


def value(name: str) -> Any:
    """The value KnownTypes.cs's ``Value(name)`` makes."""
    dog = Dog(name="d", bark=2)
    sq = Square(sides=4, side=3)
    values: dict[str, Any] = {
        "box-square": Box(shape=sq),
        "box-any-dog": Box(any=dog),
        "box-any-animal": Box(any=Animal(name="a")),
        "box-any-square": Box(any=sq),
        "box-any-int": Box(any=nc.Boxed(5, nc.Int32.__metadata__[0])),  # an Int32
        "box-any-enum": Box(any=Color.Blue),
        "box-zoo-square": Box(zoo=Zoo(shape=sq)),
        "box-zoo-any-square": Box(zoo=Zoo(any=sq)),
        "zoo-square": Zoo(shape=sq),
        "zoo-dog": Zoo(pet=dog),
        "zoo-puppy": Zoo(pet=Puppy(name="p", bark=1, age=3)),
        "zoo-cat": Zoo(pet=Cat(name="c", lives=9)),
        "zoo-any-square": Zoo(any=sq),
        "zoo-pets": Zoo(pets=[Animal(name="a"), dog]),
        "zoo-pets-cat": Zoo(pets=[Cat(name="c")]),
        "round-oval": Round(shape=Oval(r2=1)),
        "round-box-oval": Round(box=Box(shape=Oval(r2=1))),
    }
    return values[name]
