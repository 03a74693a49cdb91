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

from typing import Any, Generic, TypeVar

import pytest

import netcontract as nc
from interop.collection_models import ItemList, Shared
from interop.reference_models import XSI, Holder, Leaves, Node, Plain, R, Z
from netcontract.codegen import FallbackForbidden, _no_fallback

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


ITEM_LIST = (
    f'<ItemList xmlns="{COLL}">\n<Item><A>a</A><B>1</B></Item>\n<Item><B>x</B></Item></ItemList>'
).encode()


def test_a_collection_contract_as_the_document_is_read_by_the_reference_reader() -> None:
    # its items' paths start at the root ("[1]"); Mono refuses "x" for an Int32 (test_value_rules)
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(ITEM_LIST, ItemList)
    assert str(refused.value) == "[1].B: 'x' is not a valid Int32 (line 3)"
    assert [p.path for p in refused.value.problems] == ["[1].B"]
    # the generated paths leave it to the reference reader, and say so
    with _no_fallback(), pytest.raises(FallbackForbidden) as fell:
        nc.from_xml(ITEM_LIST.replace(b"<B>x</B>", b""), ItemList)
    assert str(fell.value) == (
        "a generated path fell back on an accepted input: ItemList: a collection contract as"
        " the document: the reference reader"
    )


ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
KV = "a:KeyValueOfstringint"


@nc.contract(xml_namespace="urn:read-refusals")
class Misc:
    d: nc.DateTimeOffset | None = nc.member("D", default=None)
    l: list[nc.Int32] | None = nc.member("L", default=None)  # noqa: E741 - the wire name
    m: dict[str, nc.Int32] | None = nc.member("M", default=None)
    n: dict[nc.Int32, nc.Int32] | None = nc.member("N", default=None)
    q: nc.XmlQualifiedName | None = nc.member("Q", default=None)


def _misc(inner: str) -> bytes:
    return f'<Misc {XSI} xmlns:a="{ARR}" xmlns="urn:read-refusals">\n{inner}</Misc>'.encode()


#: (id, document, strict, the refusal as str(XmlPayloadError), its path). Mono refuses the
#: like of each (test_collection_contract_interop.py: a duplicate key, a missing Value, a Value
#: before the Key, another collection's i:type; test_qname_interop.py reads ":a" as a name in
#: the default namespace, which netcontract refuses); strict mode is netcontract's
REFUSED_VALUES: list[tuple[str, bytes, bool, str, str]] = [
    (
        "datetimeoffset-other-child",
        _misc("<D><X /></D>"),
        False,
        "D: expected the elements DateTime and OffsetMinutes in"
        " http://schemas.datacontract.org/2004/07/System, found <X> (line 2)",
        "D",
    ),
    (
        "duplicate-key",
        _misc(
            f"<M><{KV}><a:Key>k</a:Key><a:Value>1</a:Value></{KV}>\n"
            f"<{KV}><a:Key>k</a:Key><a:Value>2</a:Value></{KV}></M>"
        ),
        False,
        'M["k"]: duplicate key (.NET refuses it: an item with the same key has already been'
        " added) (line 3)",
        'M["k"]',
    ),
    (
        "item-without-value",
        _misc(f"<M><{KV}><a:Key>k</a:Key></{KV}></M>"),
        False,
        "M[0]: a dictionary item without its 'Value' element (line 2)",
        "M[0]",
    ),
    (
        "item-without-key",
        _misc(f"<M><{KV}><a:Value>1</a:Value></{KV}></M>"),
        False,
        "M[0]: expecting element 'Key' before 'Value' (line 2)",
        "M[0]",
    ),
    (
        "nil-key",
        _misc(f'<M><{KV}><a:Key i:nil="true" /><a:Value>1</a:Value></{KV}></M>'),
        False,
        "M[0]: a dictionary key cannot be null (line 2)",
        "M[0]",
    ),
    (
        "unknown-element-in-an-item-strict",
        _misc(f"<M><{KV}><a:Key>k</a:Key><a:Value>1</a:Value><a:X /></{KV}></M>"),
        True,
        f"M[0]: unexpected element '{{{ARR}}}X' in a dictionary item (line 2)",
        "M[0]",
    ),
    (
        "key-refused",
        _misc(
            "<N><a:KeyValueOfintint><a:Key>x</a:Key><a:Value>1</a:Value></a:KeyValueOfintint></N>"
        ),
        False,
        "N[0]: 'x' is not a valid Int32 (line 2)",
        "N[0]",
    ),
    (
        "list-i-type-undeclared-prefix",
        _misc('<L i:type="q:Foo" />'),
        False,
        "L: i:type 'q:Foo' uses an undeclared prefix (line 2)",
        "L",
    ),
    (
        "list-i-type-other-collection",
        _misc('<L i:type="a:ArrayOfstring" />'),
        False,
        f"L: i:type 'ArrayOfstring' from '{ARR}' is not a ArrayOfint (line 2)",
        "L",
    ),
    (
        "qname-nothing-before-the-colon",
        _misc("<Q>:a</Q>"),
        False,
        "Q: ':a' is not a qualified name (nothing before ':') (line 2)",
        "Q",
    ),
]


@pytest.mark.parametrize(
    ("doc", "strict", "message", "path"),
    [row[1:] for row in REFUSED_VALUES],
    ids=[row[0] for row in REFUSED_VALUES],
)
def test_a_value_is_refused_with_its_path_and_line(
    engine_path: str, doc: bytes, strict: bool, message: str, path: str
) -> None:
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(doc, Misc, strict=strict)
    assert str(refused.value) == message
    assert [p.path for p in refused.value.problems] == [path]


def test_an_unknown_element_before_a_key_is_skipped(engine_path: str) -> None:
    # Mono skips it (test_collection_contract_interop.py, "unknown-element-before-key")
    doc = _misc(f"<M><{KV}><a:X /><a:Key>k</a:Key><a:Value>1</a:Value></{KV}></M>")
    assert nc.from_xml(doc, Misc) == Misc(m={"k": 1})


def test_a_qualified_name_over_max_string_length_is_a_quota_at_its_line() -> None:
    with pytest.raises(nc.QuotaExceededError) as refused:
        nc.from_xml(_misc("<Q>abcdef</Q>"), Misc, limits=nc.Limits(max_string_length=3))
    assert str(refused.value) == (
        "Q: quota max_string_length exceeded (more than 3 characters) (line 2)"
    )


# ---------------------------------------------------------------------- object members
OBJ = "urn:read-refusals-o"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
T = TypeVar("T")


@nc.contract(xml_namespace=OBJ)
class Tone(nc.ContractEnum):
    Light = 0
    Dark = 1


@nc.contract(xml_namespace=OBJ)
class Shade(nc.ContractEnum):
    Pale = 0
    Deep = 1


@nc.contract(xml_namespace=OBJ)
class ViewOf(Generic[T]):
    """No .NET generic: ViewOf[X] only says what its object member Data holds."""

    data: T | None = nc.member("Data", default=None, clr_type=object)


@nc.contract(xml_namespace=OBJ, known_types=(Tone,))
class Objects:
    any: object = nc.member("Any", default=None)
    list_view: ViewOf[list[nc.Int32]] | None = nc.member("ListView", default=None)
    shade_view: ViewOf[Shade] | None = nc.member("ShadeView", default=None)


def _objects(inner: str) -> bytes:
    return f'<Objects {XSI} xmlns:a="{ARR}" xmlns="{OBJ}">\n{inner}</Objects>'.encode()


#: (id, document, the refusal, its path). A DateTimeOffset by i:type where it is not a known
#: type: Mono's "no knowledge of any type that maps to this contract"
#: (tests/interop/test_datetimeoffset_interop.py); the other messages are netcontract's
REFUSED_OBJECTS: list[tuple[str, bytes, str, str]] = [
    (
        "content-without-i-type",
        _objects("<Any>x</Any>"),
        "Any: an object member with content needs an i:type attribute (line 2)",
        "Any",
    ),
    (
        "i-type-undeclared-prefix",
        _objects('<Any i:type="q:Foo" />'),
        "Any: i:type 'q:Foo' uses an undeclared prefix (line 2)",
        "Any",
    ),
    (
        "datetimeoffset-not-known",
        _objects(
            f'<Any xmlns:b="{SYSTEM}" i:type="b:DateTimeOffset"><b:DateTime>2000-01-01T00:00:00Z'
            "</b:DateTime><b:OffsetMinutes>0</b:OffsetMinutes></Any>"
        ),
        f"Any: type 'DateTimeOffset' from namespace '{SYSTEM}' is not a known type here: .NET"
        " refuses it; add it to the known_types of a contract on the path (or of the call)"
        " (line 2)",
        "Any",
    ),
    (
        "known-enum-unknown-name",
        _objects('<Any i:type="Tone">Green</Any>'),
        "Any: 'Green' is not a Tone name (expected one of: Light, Dark) (line 2)",
        "Any",
    ),
]


@pytest.mark.parametrize(
    ("doc", "message", "path"),
    [row[1:] for row in REFUSED_OBJECTS],
    ids=[row[0] for row in REFUSED_OBJECTS],
)
def test_an_object_member_is_refused_with_its_path_and_line(
    engine_path: str, doc: bytes, message: str, path: str
) -> None:
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(doc, Objects)
    assert str(refused.value) == message
    assert [p.path for p in refused.value.problems] == [path]


def test_an_object_member_reads_the_type_asked_for(engine_path: str) -> None:
    # the type a parametrization asks for counts as known (Shade is known nowhere else)
    doc = _objects('<ShadeView><Data i:type="Shade">Deep</Data></ShadeView>')
    assert nc.from_xml(doc, Objects) == Objects(shade_view=ViewOf[Shade](data=Shade.Deep))
    doc = _objects('<ListView><Data i:type="a:ArrayOfint"><a:int>1</a:int></Data></ListView>')
    assert nc.from_xml(doc, Objects) == Objects(list_view=ViewOf[list[nc.Int32]](data=[1]))
    assert nc.from_xml(_objects('<Any i:type="Tone">Dark</Any>'), Objects) == Objects(any=Tone.Dark)


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        ("<Any>&#160;</Any>", "an object member with content needs an i:type attribute"),
        (
            '<Any xmlns:x="http://www.w3.org/2001/XMLSchema" i:type="x:anyType">&#160;</Any>',
            "an element typed xs:anyType must be empty",
        ),
    ],
    ids=["no-i-type", "xs-anytype"],
)
def test_a_no_break_space_in_an_object_member_is_content(
    engine_path: str, inner: str, message: str
) -> None:
    # U+00A0 is no XML white space: Mono refuses it ("cannot have child contents to be
    # deserialized as an object", test_known_types_interop.py), str.strip() would take it
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(_objects(inner), Objects)
    assert str(refused.value) == f"Any: {message} (line 2)"


LONG = "t" * 45  # shown cut to 40 characters
ITEM = f"<{KV}><a:Key>k</a:Key><a:Value>1</a:Value></{KV}>"


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        (f"<M>junk{ITEM}</M>", "M: unexpected text 'junk'"),
        (f"<M>{ITEM}junk</M>", "M: unexpected text 'junk'"),
        (f"<M>{LONG}</M>", f"M: unexpected text {'t' * 40!r}"),
        (f"<M>{ITEM}{LONG}</M>", f"M: unexpected text {'t' * 40!r}"),
        (
            f"<M><{KV}>junk<a:Key>k</a:Key><a:Value>1</a:Value></{KV}></M>",
            "M[0]: unexpected text 'junk'",
        ),
        ("<L>junk<a:int>1</a:int></L>", "L: unexpected text 'junk'"),
        ("<L><a:int>1</a:int>junk</L>", "L: unexpected text 'junk'"),
    ],
    ids=[
        "in-a-dictionary",
        "after-an-item",
        "long",
        "long-after-an-item",
        "in-an-item",
        "in-a-list",
        "after-a-list-item",
    ],
)
def test_text_in_a_dictionary_or_a_list_is_refused(
    engine_path: str, inner: str, message: str
) -> None:
    # Mono refuses text in a collection (test_collection_contract_interop.py, "member-text")
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(_misc(inner), Misc)
    assert str(refused.value) == f"{message} (line 2)"


def test_nil_for_a_value_type_is_refused_at_its_path(engine_path: str) -> None:
    # the member is an Int32 (a value type, not Optional): netcontract refuses null there
    doc = f'<Plain {XSI} xmlns="{R}">\n<X i:nil="true" /></Plain>'.encode()
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(doc, Plain)
    assert str(refused.value) == "X: null is not allowed: Int32 is a value type (line 2)"
    assert [p.path for p in refused.value.problems] == ["X"]
