"""The XML reader's refusals of shared references (``z:Id``, ``z:Ref``), one row each, with the
whole message, its path and its line (xml/read.py, ``_referenced``).

What .NET does with each document is proven against Mono in tests/interop:
test_references_interop.py (Mono refuses a z:Ref on a member that is not IsReference, a z:Ref
to nothing read before it, and an element with both z:Id and z:Ref; it reads a z:Ref beside
``i:nil="true"`` and ignores the content of a z:Ref element, which netcontract refuses rather
than lose it) and test_collection_contract_interop.py (a z:Ref to a list read before where a
dictionary is expected: Mono's ArgumentException "Object of type 'Coll.RefList' cannot be
converted to type 'Coll.RefMap'."). The messages and paths are netcontract's.
"""

from __future__ import annotations

from typing import Any

import pytest

import netcontract as nc
from interop.collection_models import Shared
from interop.reference_models import XSI, Holder, Leaves, Node, Plain, R, Z

NOT_REFERENCE = (
    "shared references (z:Id, z:Ref) are read for is_reference contracts only"
    " (@contract(..., is_reference=True))"
)
NOT_FOUND = (
    'names no object read before it (.NET: "Deserialized object with reference id not found in'
    ' stream")'
)
NOT_EMPTY = "an element with z:Ref must be empty (its content would be lost)"
COLL = "http://schemas.datacontract.org/2004/07/Coll"


@nc.contract(xml_namespace="urn:read-refusals")
class Typed:
    """A .NET ``object`` member the Python side declares a Plain: a z:Ref there must name one
    (.NET would take any object; netcontract keeps the annotation's promise)."""

    a: Node | None = nc.member("A", default=None)
    o: Plain | None = nc.member("O", default=None, clr_type=object)


def _holder(inner: str) -> bytes:
    return f'<Holder {XSI} {Z} xmlns="{R}">\n{inner}</Holder>'.encode()


def _leaves(inner: str) -> bytes:
    return f'<Leaves {XSI} {Z} xmlns="{R}">\n{inner}</Leaves>'.encode()


def _typed(inner: str) -> bytes:
    return f'<Typed {XSI} {Z} xmlns:r="{R}" xmlns="urn:read-refusals">\n{inner}</Typed>'.encode()


SHARED_A = '<A z:Id="i1"><Name>s</Name></A>\n'

#: (id, contract, document, the refusal as str(XmlPayloadError), its path)
REFUSED: list[tuple[str, type, bytes, str, str]] = [
    # a z:Ref where no is_reference contract is expected: the wire type named, no lookup
    (
        "ref-on-a-list-of-int",
        Leaves,
        _leaves('<Ints z:Ref="i1" />'),
        f"Ints: z:Ref='i1' where a ArrayOfint is expected: {NOT_REFERENCE} (line 2)",
        "Ints",
    ),
    (
        "ref-on-an-int",
        Leaves,
        _leaves('<N z:Ref="i1">5</N>'),
        f"N: z:Ref='i1' where a Int32 is expected: {NOT_REFERENCE} (line 2)",
        "N",
    ),
    (
        "ref-on-a-string",
        Leaves,
        _leaves('<Name z:Ref="i1" />'),
        f"Name: z:Ref='i1' where a String is expected: {NOT_REFERENCE} (line 2)",
        "Name",
    ),
    (
        "ref-on-a-list-of-contracts",
        Leaves,
        _leaves('<Ps z:Ref="i1" />'),
        f"Ps: z:Ref='i1' where a ArrayOfPlain is expected: {NOT_REFERENCE} (line 2)",
        "Ps",
    ),
    (
        "ref-to-an-object-read-before-on-a-list",
        Holder,
        _holder(f'{SHARED_A}<L z:Ref="i1" />'),
        f"L: z:Ref='i1' where a ArrayOfNode is expected: {NOT_REFERENCE} (line 3)",
        "L",
    ),
    (
        "ref-on-a-plain-contract",
        Holder,
        _holder(f'{SHARED_A}<P z:Ref="i1" />'),
        f"P: z:Ref='i1' where a Plain is expected: {NOT_REFERENCE} (line 3)",
        "P",
    ),
    # both attributes
    (
        "id-and-ref",
        Holder,
        _holder('<A z:Id="i1" z:Ref="i1"><Name>s</Name></A>'),
        "A: an element with both z:Id and z:Ref (line 2)",
        "A",
    ),
    (
        "another-id-and-a-ref",
        Holder,
        _holder(f'{SHARED_A}<B z:Id="i2" z:Ref="i1" />'),
        "B: an element with both z:Id and z:Ref (line 3)",
        "B",
    ),
    # content beside z:Ref (Mono ignores it): elements, text, i:nil other than true
    (
        "ref-with-an-element",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i1"><Name>t</Name></B>'),
        f"B: {NOT_EMPTY} (line 3)",
        "B",
    ),
    (
        "ref-with-text",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i1">t</B>'),
        f"B: {NOT_EMPTY} (line 3)",
        "B",
    ),
    (
        # U+00A0 is no XML white space (str.strip() would take it)
        "ref-with-a-no-break-space",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i1">&#160;</B>'),
        f"B: {NOT_EMPTY} (line 3)",
        "B",
    ),
    (
        "ref-with-nil-false",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i1" i:nil="false" />'),
        f"B: {NOT_EMPTY} (line 3)",
        "B",
    ),
    (
        "ref-with-nil-not-a-boolean",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i1" i:nil="yes" />'),
        f"B: {NOT_EMPTY} (line 3)",
        "B",
    ),
    # nothing read before it under that id
    (
        "ref-to-an-unknown-id",
        Holder,
        _holder(f'{SHARED_A}<B z:Ref="i2" />'),
        f"B: z:Ref='i2' {NOT_FOUND} (line 3)",
        "B",
    ),
    (
        "ref-before-its-object",
        Holder,
        _holder('<A z:Ref="x" />\n<B z:Id="x"><Name>s</Name></B>'),
        f"A: z:Ref='x' {NOT_FOUND} (line 2)",
        "A",
    ),
    # an object of another class
    (
        "ref-to-a-list-where-a-dictionary-is",
        Shared,
        f'<Shared {Z} xmlns="{COLL}">\n<A z:Id="i1"><Item/></A>\n<N z:Ref="i1"/></Shared>'.encode(),
        "N: z:Ref='i1' names a RefList, not a RefMap (line 3)",
        "N",
    ),
    (
        "ref-in-an-object-member-to-another-class",
        Typed,
        _typed('<A z:Id="i1"><r:Name>s</r:Name></A>\n<O z:Ref="i1" />'),
        "O: z:Ref='i1' names a Node, not a Plain (line 3)",
        "O",
    ),
]


@pytest.mark.parametrize(
    ("tp", "doc", "message", "path"), [row[1:] for row in REFUSED], ids=[row[0] for row in REFUSED]
)
def test_a_shared_reference_is_refused_with_its_path_and_line(
    engine_path: str, tp: type, doc: bytes, message: str, path: str
) -> None:
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(doc, tp)
    assert str(refused.value) == message
    assert [p.path for p in refused.value.problems] == [path]


def test_z_ref_beside_i_nil_true_names_the_object(engine_path: str) -> None:
    # .NET Framework writes i:nil="true" beside z:Ref; Mono reads it (test_references_pinned.py)
    holder = nc.from_xml(_holder(f'{SHARED_A}<B z:Ref="i1" i:nil="true" />'), Holder)
    assert holder.a is holder.b and holder.a is not None and holder.a.name == "s"


def test_z_ref_with_xml_white_space_inside_names_the_object(engine_path: str) -> None:
    holder = nc.from_xml(_holder(f'{SHARED_A}<B z:Ref="i1"> \n\t\r</B>'), Holder)
    assert holder.a is holder.b


def test_a_z_ref_in_an_object_member_to_its_class_is_read(engine_path: str) -> None:
    @nc.contract(xml_namespace="urn:read-refusals-2")
    class Both:
        a: Node | None = nc.member("A", default=None)
        o: Node | None = nc.member("O", default=None, clr_type=object)

    doc = (
        f'<Both {Z} xmlns:r="{R}" xmlns="urn:read-refusals-2"><A z:Id="i1"><r:Name>s</r:Name></A>'
        '<O z:Ref="i1" /></Both>'
    ).encode()
    both: Any = nc.from_xml(doc, Both)
    assert both.a is both.o and both.a.name == "s"


def test_a_node_that_is_no_element_is_refused_at_a_path_naming_it() -> None:
    # a tree built with lxml can hold an entity reference (&foo;): not an element, not text
    from lxml import etree

    root = etree.fromstring(f'<Leaves xmlns="{R}"><Name>s</Name></Leaves>'.encode())
    root.append(etree.Entity("foo"))
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.xml_converter.structure(root, Leaves)
    (problem,) = refused.value.problems
    assert "Entity" in problem.path and "Entity" in problem.message
