"""``to_xml(value, root_type=Base)``: a derived value as the root of its base type.

Expected bytes are Mono's (``new DataContractSerializer(typeof(Base)).WriteObject``, through
XmlWriter and to a Stream; ``tests/interop/dotnet/RealWorld.cs``, proven live by
``tests/interop/test_real_world_interop.py``).
"""

from __future__ import annotations

import pytest

import netcontract as nc

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"


@nc.contract(xml_namespace="urn:contoso:shapes", known_types=("Circle", "Square"))
class Shape:
    name: str | None = nc.member("Name", default=None)


@nc.contract(xml_namespace="urn:contoso:shapes:more")
class Circle(Shape):
    radius: float = nc.member("Radius", default=0.0)


@nc.contract(xml_namespace="urn:contoso:shapes")
class Square(Shape):
    side: nc.Int32 = nc.member("Side", default=0)


@nc.contract(xml_namespace="urn:contoso:shapes", is_reference=True, known_types=("Node",))
class Entity:
    key: str | None = nc.member("Key", default=None)


@nc.contract(xml_namespace="urn:contoso:shapes:more")
class Node(Entity):
    parent: Entity | None = nc.member("Parent", default=None)


def test_another_namespace_is_prefixed() -> None:
    circle = Circle(name="c", radius=2.0)
    # Mono
    writer = (
        f'<Shape xmlns:i="{XSI}" xmlns:d1p1="urn:contoso:shapes:more" i:type="d1p1:Circle"'
        ' xmlns="urn:contoso:shapes"><Name>c</Name><d1p1:Radius>2</d1p1:Radius></Shape>'
    ).encode()
    stream = (
        f'<Shape i:type="a:Circle" xmlns="urn:contoso:shapes" xmlns:i="{XSI}"'
        ' xmlns:a="urn:contoso:shapes:more"><Name>c</Name><a:Radius>2</a:Radius></Shape>'
    ).encode()
    assert nc.to_xml(circle, root_type=Shape) == writer
    assert nc.to_xml(circle, root_type=Shape, layout="stream") == stream
    assert nc.from_xml(writer, Shape) == circle == nc.from_xml(stream, Shape)
    assert nc.to_xml(circle) == nc.to_xml(circle, root_type=Circle)  # its own type: <Circle>
    # Mono, DataContractJsonSerializer(typeof(Shape)): the __type first
    wcf = b'{"__type":"Circle:urn:contoso:shapes:more","Name":"c","Radius":2}'
    assert nc.to_wcf_json(circle, root_type=Shape) == wcf
    assert nc.from_wcf_json(wcf, Shape) == circle
    assert (
        nc.to_wcf_json(circle) == b'{"Name":"c","Radius":2}'
    )  # DataContractJsonSerializer(typeof(Circle))


def test_the_same_namespace_is_not() -> None:
    # Mono
    assert (
        nc.to_xml(Square(name="s", side=3), root_type=Shape)
        == (
            f'<Shape xmlns:i="{XSI}" i:type="Square" xmlns="urn:contoso:shapes"><Name>s</Name>'
            "<Side>3</Side></Shape>"
        ).encode()
    )


def test_is_reference() -> None:
    node = Node(key="child")
    node.parent = node
    # Mono
    assert (
        nc.to_xml(node, root_type=Entity)
        == (
            f'<Entity xmlns:i="{XSI}" z:Id="i1" xmlns:d1p1="urn:contoso:shapes:more"'
            f' i:type="d1p1:Node" xmlns:z="{SER}" xmlns="urn:contoso:shapes"><Key>child</Key>'
            '<d1p1:Parent z:Ref="i1" /></Entity>'
        ).encode()
    )
    assert (
        nc.to_xml(node, root_type=Entity, layout="stream")
        == (
            f'<Entity z:Id="i1" i:type="a:Node" xmlns="urn:contoso:shapes" xmlns:i="{XSI}"'
            f' xmlns:z="{SER}" xmlns:a="urn:contoso:shapes:more"><Key>child</Key>'
            '<a:Parent z:Ref="i1"/></Entity>'
        ).encode()
    )
    back = nc.from_xml(nc.to_xml(node, root_type=Entity), Entity)
    assert isinstance(back, Node) and back.parent is back


def test_refused() -> None:
    @nc.contract(xml_namespace="urn:contoso:shapes")
    class Triangle(Shape):
        sides: nc.Int32 = nc.member("Sides", default=0)

    with pytest.raises(nc.SerializationError, match="is not expected"):
        nc.to_xml(Triangle(), root_type=Shape)  # Mono: "... is not expected"
    with pytest.raises(nc.SerializationError, match="is not a Circle"):
        nc.to_xml(Square(), root_type=Circle)
    with pytest.raises(ValueError, match="root_type"):
        nc.to_xml(Square(), root_type=Shape, root_namespace="urn:x")
    with pytest.raises(ValueError, match="root_type"):
        nc.to_xml(Square(), root_type=int)
