"""The generated readers of the compiled walk's tuples (xml/read.py, ``walked``), each way in:
the by-position read of an element whose children are its members in order (its ``shape``),
unknown elements skipped between members, and the scope of a contract's own known types.

They must read what the reference reader reads, without falling back to it where they are
meant to read the document themselves (``_no_fallback``), and refuse what it refuses with its
problems and paths. The documents' meaning is proven against Mono where it is a wire fact:
known types in tests/interop/test_known_types_interop.py (the "scope-around-a-nested-one" row
is the document read here), xs:QName in tests/interop/test_qname_interop.py, enum names in
tests/interop/test_enum_interop.py.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import pytest

import netcontract as nc
from interop.known_models import Box, Circle, Oval, Round, Square, Zoo
from netcontract.codegen import _FALLBACKS, _engine_path, _no_fallback
from netcontract.xml import walk

pytestmark = pytest.mark.skipif(walk.walker is None, reason=f"no compiled walk: {walk.REASON}")

NS = "urn:walked-paths"
T = TypeVar("T")
XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
K = "http://schemas.datacontract.org/2004/07/K"


@nc.contract(name="Hue", xml_namespace=NS)
class Hue(nc.ContractEnum):
    Red = 0
    Blue = 1


@nc.contract(xml_namespace=NS)
class Leafy:
    hue: Hue = nc.member("Hue", default=Hue.Red)
    name: str | None = nc.member("Name", default=None)
    q: nc.XmlQualifiedName | None = nc.member("Q", default=None)
    size: nc.Int32 = nc.member("Size", default=0)


def _leafy(inner: str) -> bytes:
    return f'<Leafy {XSI} xmlns:p="urn:q" xmlns="{NS}">{inner}</Leafy>'.encode()


def _read(data: bytes, tp: Any, walked: bool, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> Any:
    monkeypatch.setattr(walk, "ACTIVE", walked)
    try:
        return nc.from_xml(data, tp, **kw), None
    except nc.XmlPayloadError as exc:
        return None, (str(exc), [p.path for p in exc.problems])


def test_members_in_order_are_read_by_position(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(walk, "ACTIVE", True)
    data = _leafy("<Hue>Blue</Hue><Name>n</Name><Q>p:x</Q><Size>7</Size>")
    with _no_fallback():
        leafy = nc.from_xml(data, Leafy)
    # the prefix of an xs:QName is resolved in scope, not taken as text
    assert leafy == Leafy(hue=Hue.Blue, name="n", q=nc.XmlQualifiedName("x", "urn:q"), size=7)


def test_a_plain_leaf_in_order_is_read_from_its_text_without_a_tuple(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the shape's by-position read takes a plain leaf's text as the walk gives it: no tuple
    # is made for it (walk.full, walk.leaf), as the general path must for each
    made: list[str] = []
    full, leaf = walk.full, walk.leaf

    def counted_full(node: Any) -> Any:
        made.append("full")
        return full(node)

    def counted_leaf(node: Any, index: int) -> Any:
        made.append("leaf")
        return leaf(node, index)

    monkeypatch.setattr(walk, "full", counted_full)
    monkeypatch.setattr(walk, "leaf", counted_leaf)
    monkeypatch.setattr(walk, "ACTIVE", True)

    @nc.contract(xml_namespace=NS)
    class Texts:  # declared here: its walked reader is made with the counters
        a: str | None = nc.member("A", default=None)
        b: nc.Int32 = nc.member("B", default=0)
        c: Hue = nc.member("C", default=Hue.Red)

    with _no_fallback():
        back: Any = nc.from_xml(f'<Texts xmlns="{NS}"><A>a</A><B>2</B><C>Blue</C></Texts>', Texts)
        assert (back.a, back.b, back.c) == ("a", 2, Hue.Blue)
        assert made == []
        # C left out: not the shape, the general path makes the tuples of the plain leaves
        back = nc.from_xml(f'<Texts xmlns="{NS}"><A>a</A><B>2</B></Texts>', Texts)
        assert (back.a, back.b, back.c) == ("a", 2, Hue.Red)
        assert made == ["full"]


def test_an_unknown_enum_name_in_order_is_refused_as_the_reference_reader_refuses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _leafy("<Hue>Green</Hue><Name>n</Name><Q>p:x</Q><Size>7</Size>")
    expected = (
        None,
        ("Hue: 'Green' is not a Hue name (expected one of: Red, Blue) (line 1)", ["Hue"]),
    )
    assert _read(data, Leafy, True, monkeypatch) == expected
    assert _read(data, Leafy, False, monkeypatch) == expected


@pytest.mark.parametrize(
    "inner",
    [
        "<Hue>Blue</Hue><X>1</X><Name>n</Name><Size>7</Size>",
        "<Hue>Blue</Hue><X>1</X><Y /><Name>n</Name><Size>7</Size>",
        "<Hue>Blue</Hue><Name>n</Name><Size>7</Size><X>1</X>",
        "<X>1</X><Hue>Blue</Hue><Name>n</Name><Size>7</Size><X /><Y />",
    ],
    ids=["between", "two-between", "last", "first-and-last"],
)
def test_unknown_elements_are_skipped_by_the_walked_reader(
    monkeypatch: pytest.MonkeyPatch, inner: str
) -> None:
    monkeypatch.setattr(walk, "ACTIVE", True)
    with _no_fallback():
        leafy = nc.from_xml(_leafy(inner), Leafy)
    assert leafy == Leafy(hue=Hue.Blue, name="n", size=7)


def test_an_unknown_element_in_strict_mode_leaves_the_element_to_the_reference_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _leafy("<Hue>Blue</Hue><X>1</X><Name>n</Name>")
    message = f"X: unknown element '{{{NS}}}X' in Leafy (strict mode) (line 1)"
    with _no_fallback():
        assert _read(data, Leafy, True, monkeypatch, strict=True) == (None, (message, ["X"]))
        # the generated reader's reason for leaving it (README, "Speed": fallbacks are told)
        assert _FALLBACKS.reasons == ["Leafy: an unknown element to refuse"]
    with _no_fallback():
        assert _read(data, Leafy, False, monkeypatch, strict=True) == (None, (message, ["X"]))
        assert _FALLBACKS.reasons == ["Leafy: an unknown element to refuse, or text"]


ROUND = (
    f'<Round {XSI} xmlns="{K}"><Box><Zoo><Any i:type="Square"><Sides>4</Sides><Side>3</Side>'
    '</Any><Shape i:type="Circle"><Sides>0</Sides><R>1</R></Shape></Zoo></Box>'
    '<Shape i:type="Oval"><Sides>0</Sides><R2>2</R2></Shape></Round>'
).encode()


def test_a_contracts_own_known_types_are_known_inside_it_and_no_further(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Mono reads ROUND (test_known_types_interop.py): Zoo's Square inside Zoo, Round's Circle
    # inside Zoo too, Round's Oval (known through Circle) after Zoo
    monkeypatch.setattr(walk, "ACTIVE", True)
    with _no_fallback():
        back = nc.from_xml(ROUND, Round)
    assert back == Round(
        box=Box(zoo=Zoo(any=Square(sides=4, side=3), shape=Circle(sides=0, r=1))),
        shape=Oval(sides=0, r2=2),
    )


def test_a_problem_of_a_root_with_own_known_types_is_at_the_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = ROUND.replace(b"<Box>", b"x<Box>")
    expected = (None, ("<root>: unexpected text 'x' (line 1)", [""]))
    assert _read(data, Round, True, monkeypatch) == expected
    assert _read(data, Round, False, monkeypatch) == expected


@nc.contract(xml_namespace=NS)
class Box1(Generic[T]):
    item: T | None = nc.member("Item", default=None)


@nc.contract(xml_namespace=NS)
class HoldsBoxes:
    one: Box1[nc.Int32] | None = nc.member("One", default=None)
    many: list[Box1[str]] | None = nc.member("Many", default=None)


@pytest.mark.parametrize("walked", [True, False], ids=["walked", "proxies"])
def test_closed_generic_members_are_read_as_their_closed_class(
    monkeypatch: pytest.MonkeyPatch, walked: bool
) -> None:
    # the generated readers read Box1[Int32] as Box1[Int32] (its Item an Int32 without
    # i:type), not as the open Box1
    value = HoldsBoxes(one=Box1[nc.Int32](item=5), many=[Box1[str](item="s"), Box1[str]()])
    data = nc.to_xml(value)
    monkeypatch.setattr(walk, "ACTIVE", walked)
    with _no_fallback():
        back = nc.from_xml(data, HoldsBoxes)
    assert back == value and type(back.one) is Box1[nc.Int32]


@nc.contract(xml_namespace=NS)
class Named:
    name: str | None = nc.member("Name", default=None)


@nc.contract(xml_namespace=NS)
class View(Generic[T]):
    """No .NET generic: View[X] only says what its object member Data holds."""

    data: T | None = nc.member("Data", default=None, clr_type=object)


@nc.contract(xml_namespace=NS)
class HoldsViews:
    one: View[Named] | None = nc.member("One", default=None)
    many: list[View[Named]] | None = nc.member("Many", default=None)


@pytest.mark.parametrize("walked", [True, False], ids=["walked", "proxies"])
def test_parametrized_members_are_read_with_their_type_arguments(
    monkeypatch: pytest.MonkeyPatch, walked: bool
) -> None:
    # View[Named]'s Data holds a Named: content without i:type is read as one, by the
    # generated readers themselves as by the reference reader
    data = (
        f'<HoldsViews xmlns="{NS}"><Many><View><Data><Name>b</Name></Data></View>'
        "</Many><One><Data><Name>a</Name></Data></One></HoldsViews>"
    ).encode()
    value = HoldsViews(
        one=View[Named](data=Named(name="a")), many=[View[Named](data=Named(name="b"))]
    )
    with _engine_path("reference"):
        assert nc.from_xml(data, HoldsViews) == value
    monkeypatch.setattr(walk, "ACTIVE", walked)
    with _no_fallback():
        assert nc.from_xml(data, HoldsViews) == value


@pytest.mark.parametrize("walked", [True, False], ids=["walked", "proxies"])
def test_a_list_of_is_reference_contracts_is_read_by_the_generated_list_reader(
    monkeypatch: pytest.MonkeyPatch, walked: bool
) -> None:
    # Mono's document (tests/interop/reference_models.py): L holds a z:Ref to A and a z:Id
    from interop.reference_models import HOLDER_XML, Holder

    monkeypatch.setattr(walk, "ACTIVE", walked)
    with _no_fallback():
        holder = nc.from_xml(HOLDER_XML, Holder)
    assert holder.l is not None and holder.l[0] is holder.a is holder.b
    assert holder.l[1].name == "t" and nc.to_xml(holder) == HOLDER_XML


def test_a_walked_list_left_to_the_reference_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # an element other than an item: the walked list reader hands the list to the reference
    # reader (as lxml's element), which skips it as .NET does
    data = (
        f'<HoldsBoxes xmlns="{NS}"><Many><Box1Ofstring><Item>s</Item>'
        "</Box1Ofstring><X /></Many></HoldsBoxes>"
    ).encode()
    expected = nc.from_xml(data.replace(b"<X />", b""), HoldsBoxes)
    assert expected.many is not None and len(expected.many) == 1
    monkeypatch.setattr(walk, "ACTIVE", True)
    assert nc.from_xml(data, HoldsBoxes) == expected


def test_a_walked_contract_with_extension_data_is_read_by_the_reference_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # IExtensibleDataObject keeps unknown members (tests/interop/test_extension_data_interop.py)
    from interop.extension_models import Base

    data = (
        b'<Base xmlns="http://schemas.datacontract.org/2004/07/ExtData"><A>a</A><B>b</B><M>1</M>'
        b"</Base>"
    )
    monkeypatch.setattr(walk, "ACTIVE", True)
    back = nc.from_xml(data, Base)
    assert (back.a, back.m) == ("a", 1)
    assert b"<B>b</B>" in nc.to_xml(back)
