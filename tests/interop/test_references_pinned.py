"""``@contract(..., is_reference=True)``: .NET's ``[DataContract(IsReference = true)]``.

Every byte string below is Mono's (DataContractSerializer through ``XmlWriter.Create``, Json.NET
6.0.8, DataContractJsonSerializer, XsdDataContractExporter) for the C# twin in
tests/interop/dotnet/References.cs, pinned so the rules hold without Mono;
tests/interop/test_references_interop.py checks them live. No Mono is needed here.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import codegen

from .reference_models import (
    CYCLE_JSON,
    CYCLE_XML,
    H2,
    HOLDER_JSON,
    HOLDER_XML,
    HOLDER_XML_INDENTED,
    PRESERVED_JSON,
    XSI,
    Chain,
    Holder,
    Leaves,
    Node,
    Plain,
    R,
    Sub,
    Z,
    chain_cycles,
    cycle,
    shared_holder,
)


def test_is_reference_xml_writes_z_id_then_z_ref_as_mono() -> None:
    assert nc.to_xml(shared_holder()) == HOLDER_XML
    assert nc.to_xml(shared_holder(), indent=True) == HOLDER_XML_INDENTED


def test_is_reference_xml_writes_a_cycle_from_the_root_as_mono() -> None:
    assert nc.to_xml(cycle()) == CYCLE_XML


def test_is_reference_xml_generated_writer_gives_the_reference_writers_bytes() -> None:
    with codegen._no_fallback():  # the fast path writes them (through the reference member)
        assert nc.to_xml(shared_holder()) == HOLDER_XML
        assert nc.to_xml(cycle()) == CYCLE_XML


def test_is_reference_xml_reads_shared_objects_and_cycles_as_one_object(engine_path: str) -> None:
    holder = nc.from_xml(HOLDER_XML, Holder)
    assert holder.a is holder.b is holder.l[0]  # type: ignore[index]
    assert holder.p is not holder.q and holder.p == holder.q
    node = nc.from_xml(CYCLE_XML, Node)
    assert node.next.next is node and node.kids[0] is node and node.kids[1] is node.next  # type: ignore[union-attr,index]
    assert nc.to_xml(node) == CYCLE_XML and nc.to_xml(holder) == HOLDER_XML


def test_is_reference_xml_reads_z_ref_with_i_nil_as_dotnet_framework_writes_it() -> None:
    text = HOLDER_XML.replace(b'<B z:Ref="i1" ', b'<B z:Ref="i1" i:nil="true" ')
    holder = nc.from_xml(text, Holder)
    assert holder.a is holder.b


def _holder(inner: str) -> bytes:
    return f'<Holder {XSI} {Z} xmlns="{R}">{inner}</Holder>'.encode()


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        # Mono: "Deserialized object with reference id 'x' not found in stream."
        ('<A z:Ref="x" /><B z:Id="x"><Name>s</Name></B>', "A: z:Ref='x' names no object read"),
        ('<A z:Ref="nope" />', "A: z:Ref='nope' names no object read before it"),
        # Mono: "The same Id value 'i1' is defined more than once"
        (
            '<A z:Id="i1"><Name>s</Name></A><B z:Id="i1"><Name>t</Name></B>',
            "B: z:Id='i1' is given to two objects",
        ),
        # Mono: "Invalid Id ''. Must not be null or empty."
        ('<A z:Id=""><Name>s</Name></A>', "A: z:Id is empty"),
        ('<A z:Id="i1" z:Ref="i1"><Name>s</Name></A>', "A: an element with both z:Id and z:Ref"),
        # Mono ignores the content of a z:Ref element: netcontract refuses what it would lose
        (
            '<A z:Id="i1"><Name>s</Name></A><B z:Ref="i1"><Name>t</Name></B>',
            "B: an element with z:Ref must be empty",
        ),
        # Mono shares a plain contract too (it reads preserveObjectReferences documents); each
        # reference would be expanded on writing: refused
        ('<P z:Id="i1"><X>1</X></P>', "P: z:Id or z:Ref on a Plain"),
        ('<P><X>1</X></P><Q z:Ref="i1" />', "Q: z:Ref='i1' where a Plain is expected"),
        ('<A z:Id="i1"><Name>s</Name></A><L><Node z:Ref="i2" /></L>', r"L\[0\]: z:Ref='i2'"),
    ],
)
def test_is_reference_xml_refuses_what_dotnet_refuses_and_what_would_be_lost(
    engine_path: str, inner: str, message: str
) -> None:
    with pytest.raises(nc.XmlPayloadError, match=message):
        nc.from_xml(_holder(inner), Holder)


def test_is_reference_xml_accepts_any_id_text_as_mono() -> None:
    holder = nc.from_xml(_holder('<A z:Id="hello"><Name>s</Name></A><B z:Ref="hello" />'), Holder)
    assert holder.a is holder.b and holder.a.name == "s"  # type: ignore[union-attr]


def test_is_reference_json_writes_id_and_ref_as_jsonnet() -> None:
    assert nc.to_json(shared_holder()) == HOLDER_JSON
    assert nc.to_json(cycle()) == CYCLE_JSON
    indented = nc.to_json(cycle(), indent=True)
    assert indented.startswith(b'{\n  "$id": "1",\n  "Name": "a",\n  "Next": {\n    "$id": "2"')


@pytest.mark.parametrize("handling", sorted(PRESERVED_JSON))
def test_preserve_references_handling_writes_and_reads_as_jsonnet(handling: str) -> None:
    settings = nc.JsonSettings(preserve_references_handling=handling)  # type: ignore[arg-type]
    assert nc.to_json(shared_holder(), settings=settings) == PRESERVED_JSON[handling]
    back = nc.from_json(PRESERVED_JSON[handling], Holder, settings=settings)
    assert back.a is back.b is back.l[0]  # type: ignore[index]
    assert (back.p is back.q) == (handling in ("Objects", "All"))
    assert nc.to_json(back, settings=settings) == PRESERVED_JSON[handling]


def test_preserve_references_handling_is_validated() -> None:
    with pytest.raises(ValueError, match="preserve_references_handling"):
        nc.JsonSettings(preserve_references_handling="Some")  # type: ignore[arg-type]


@pytest.mark.falls_back  # the JSON readers of is_reference contracts: the reference reader
def test_is_reference_json_reads_shared_objects_and_cycles_as_one_object() -> None:
    holder = nc.from_json(HOLDER_JSON, Holder)
    assert holder.a is holder.b is holder.l[0]  # type: ignore[index]
    node = nc.from_json(CYCLE_JSON, Node)
    assert node.next.next is node and node.kids[1] is node.next  # type: ignore[union-attr,index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # Json.NET 6.0.8 reads these $ref as null (Mono): a value lost silently, refused
        (b'{"A":{"$ref":"9"}}', "A: \\$ref '9' names no object read before it"),
        (b'{"A":{"$ref":"1"},"B":{"$id":"1","Name":"s"}}', "A: \\$ref '1' names no object"),
        # Json.NET reads $id only as the first member (a later one is ignored)
        (b'{"A":{"Name":"s","$id":"1"}}', "A.\\$id: metadata members"),
        # Mono (Json.NET): "Error reading object reference '1'"
        (b'{"A":{"$id":"1"},"B":{"$id":"1"}}', "B.\\$id: '1' is given to two objects"),
        # Mono (Json.NET): "Additional content found in JSON reference object"
        (b'{"A":{"$id":"1"},"B":{"$ref":"1","Name":"t"}}', "B: a \\$ref object must have no"),
        # Mono (Json.NET): "JSON reference $ref property must have a string or null value"
        (b'{"A":{"$ref":1}}', "A.\\$ref: expected a string, got the number 1"),
        (b'{"A":{"$id":1}}', "A.\\$id: expected a string"),
        # a plain contract keeps refusing metadata (Json.NET would share it)
        (b'{"P":{"$id":"1","X":1},"Q":{"$ref":"1"}}', "P.\\$id: metadata members"),
        # $values only under PreserveReferencesHandling.Arrays
        (b'{"L":{"$id":"1","$values":[]}}', "L: expected an array, got an object"),
    ],
)
def test_is_reference_json_refuses_dangling_duplicate_and_misplaced_metadata(
    engine_path: str, text: bytes, message: str
) -> None:
    with pytest.raises(nc.JsonPayloadError, match=message):
        nc.from_json(text, Holder)


def test_is_reference_json_generated_paths_decline_visibly() -> None:
    with codegen._no_fallback(), pytest.raises(codegen.FallbackForbidden, match="is_reference"):
        nc.to_json(shared_holder())
    with codegen._no_fallback(), pytest.raises(codegen.FallbackForbidden, match="is_reference"):
        nc.from_json(HOLDER_JSON, Holder)


def test_is_reference_wcf_json_is_refused_as_datacontractjsonserializer_refuses_it() -> None:
    # Mono: SerializationException "Unsupported value for IsReference for type 'R.Node',
    # IsReference value is True." on writing and reading, shared or not; a null member is fine
    message = "Node is is_reference: DataContractJsonSerializer refuses such contracts"
    with pytest.raises(nc.SerializationError, match=message):
        nc.to_wcf_json(Holder(a=Node(name="n")))
    with pytest.raises(nc.JsonPayloadError, match=message):
        nc.from_wcf_json(b'{"A":{"Name":"n"}}', Holder)
    assert nc.to_wcf_json(Holder()) == b'{"A":null,"B":null,"L":null,"P":null,"Q":null}'


def test_is_reference_xsd_has_the_ser_id_and_ref_attributes_as_mono() -> None:
    text = nc.export_schemas(Holder)[R]
    # Mono's XsdDataContractExporter: the attributes after the sequence, no appinfo
    assert (
        '  <xs:complexType name="Node">\n'
        "    <xs:sequence>\n"
        '      <xs:element minOccurs="0" name="Kids" nillable="true" type="tns:ArrayOfNode" />\n'
        '      <xs:element minOccurs="0" name="Name" nillable="true" type="xs:string" />\n'
        '      <xs:element minOccurs="0" name="Next" nillable="true" type="tns:Node" />\n'
        "    </xs:sequence>\n"
        '    <xs:attribute ref="ser:Id" />\n'
        '    <xs:attribute ref="ser:Ref" />\n'
        "  </xs:complexType>\n"
    ) in text
    assert text.startswith('<xs:schema xmlns:ser="http://schemas.microsoft.com/2003/10/Serial')
    assert (
        '  <xs:import namespace="http://schemas.microsoft.com/2003/10/Serialization/" />\n' in text
    )


def test_is_reference_documents_validate() -> None:
    holder = nc.validate_xml(HOLDER_XML, Holder)
    assert holder.a is holder.b
    node = nc.validate_xml(CYCLE_XML, Node)
    assert node.next.next is node  # type: ignore[union-attr]


def test_is_reference_must_match_the_base_contract() -> None:
    # Mono: InvalidDataContractException "Derived types must have the same value for
    # IsReference as the base type"
    with pytest.raises(nc.ContractDefinitionError, match="same value as the base type"):

        @nc.contract("R", is_reference=True)
        class Derived(Plain):
            y: nc.Int32 = nc.member("Y", default=0)

    @nc.contract("R")
    class Child(Node):  # not given: the base's setting, as .NET
        extra: nc.Int32 = nc.member("Extra", default=0)

    assert Child.__netcontract__.is_reference  # type: ignore[attr-defined]


def test_is_reference_must_be_a_bool() -> None:
    with pytest.raises(nc.ContractDefinitionError, match="is_reference must be a bool"):
        nc.contract("R", is_reference=1)  # type: ignore[call-overload]


def test_is_reference_xml_i_type_and_object_members_as_mono() -> None:
    sub = Sub(name="s", extra=3)
    n2 = Node(name="n2")
    d = 'xmlns:d2p1="http://schemas.datacontract.org/2004/07/R"'
    # Mono: z:Id before i:type in a member declared with the contract, after it in an object
    # member; a z:Ref carries the i:type in an object member only
    assert (
        nc.to_xml(H2(a=sub, b=sub, o=n2, o2=n2))
        == (
            f'<H2 {XSI} xmlns="urn:h"><A {d} z:Id="i1" i:type="d2p1:Sub" {Z}>'
            '<d2p1:Kids i:nil="true" /><d2p1:Name>s</d2p1:Name><d2p1:Next i:nil="true" />'
            f'<d2p1:Extra>3</d2p1:Extra></A><B {d} z:Ref="i1" {Z} /><O {d} i:type="d2p1:Node"'
            f' z:Id="i2" {Z}><d2p1:Kids i:nil="true" /><d2p1:Name>n2</d2p1:Name>'
            f'<d2p1:Next i:nil="true" /></O><O2 {d} i:type="d2p1:Node" z:Ref="i2" {Z} /></H2>'
        ).encode()
    )
    back = nc.from_xml(nc.to_xml(H2(a=sub, b=sub, o=n2, o2=n2)), H2)
    assert back.a is back.b and type(back.a) is Sub and back.o is back.o2


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(st.text("abc&<é", max_size=5) | st.none(), min_size=1, max_size=5),
    links=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=8),
)
def test_is_reference_drawn_graphs_round_trip_with_their_shape(
    names: list[str | None], links: list[tuple[int, int]]
) -> None:
    nodes = [Node(name=n) for n in names]
    for source, target in links:
        source_node = nodes[source % len(nodes)]
        source_node.kids = [*(source_node.kids or []), nodes[target % len(nodes)]]
    root = Holder(a=nodes[0], l=nodes)
    where = {id(n): i for i, n in enumerate(nodes)}
    for back in (
        nc.from_xml(nc.to_xml(root), Holder),
        nc.from_json(nc.to_json(root), Holder),
    ):
        assert back.a is back.l[0]  # type: ignore[index]
        index = {id(n): i for i, n in enumerate(back.l)}  # type: ignore[union-attr]
        for original, copy in zip(nodes, back.l, strict=True):  # type: ignore[arg-type]
            assert copy.name == original.name
            assert [index[id(k)] for k in copy.kids or []] == [
                where[id(k)] for k in original.kids or []
            ]


def test_repr_of_a_cycle_is_guarded_and_eq_is_not() -> None:
    node = nc.from_xml(CYCLE_XML, Node)
    assert "..." in repr(node)  # attrs' repr stops at an object it is printing
    with pytest.raises(RecursionError):  # attrs' __eq__ has no guard: documented
        _ = node == nc.from_xml(CYCLE_XML, Node)


@pytest.mark.falls_back  # the JSON paths of is_reference contracts: the reference code
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_strategies_draw_shared_references_that_round_trip(data: st.DataObject) -> None:
    from netcontract.strategies import for_type

    holder = data.draw(for_type(Holder))
    for back in (nc.from_xml(nc.to_xml(holder), Holder), nc.from_json(nc.to_json(holder), Holder)):
        assert back == holder
        assert (back.a is not None and back.a is back.b) == (
            holder.a is not None and holder.a is holder.b
        )


def test_strategies_draw_shared_references_at_all() -> None:
    from hypothesis import find

    from netcontract.strategies import for_type

    shared = find(for_type(Holder), lambda h: h.a is not None and h.a is h.b)
    assert b'z:Ref="i1"' in nc.to_xml(shared)


def test_converters_keep_shared_references() -> None:
    tree = nc.json_converter.unstructure(shared_holder())
    assert tree["B"] == {"$ref": "1"}
    back = nc.json_converter.structure(tree, Holder)
    assert back.a is back.b is back.l[0]  # type: ignore[index]
    element = nc.xml_converter.structure(HOLDER_XML, Holder)
    assert element.a is element.b


@nc.contract("Q", is_reference=True)
class Named:
    name: str = nc.member("Name", is_required=True)


@nc.contract("Q")
class Pair:
    a: Named | None = nc.member("A", default=None)
    b: Named | None = nc.member("B", default=None)


def test_validate_xml_accepts_a_z_ref_to_a_contract_with_required_members() -> None:
    # the exported schema requires <Name> in every Named element, a z:Ref element included
    named = Named(name="x")
    text = nc.to_xml(Pair(a=named, b=named))
    assert b'<B z:Ref="i1"' in text
    back = nc.validate_xml(text, Pair)
    assert back.a is back.b
    with pytest.raises(nc.XmlPayloadError, match="Name"):
        nc.validate_xml(text.replace(b"<Name>x</Name>", b""), Pair)


def test_ids_read_before_a_generated_reader_declines_are_not_read_twice() -> None:
    # the generated list reader reads the item (registering i2), then declines the list at
    # the unknown element; the reference reader reads the list again: i2 is not "given twice"
    text = _holder(
        '<A z:Id="i1"><Name>s</Name></A><L><Node z:Ref="i1" /><Node z:Id="i2"><Name>t</Name>'
        "</Node><Unknown /></L>"
    )
    holder = nc.from_xml(text, Holder)
    assert holder.l is not None and holder.l[0] is holder.a and holder.l[1].name == "t"


@pytest.mark.parametrize(
    "inner",
    [
        '<Ints z:Ref="i1" />',
        '<N z:Ref="i1">5</N>',
        '<Name z:Ref="i1" />',
        '<Name z:Ref="i1">abc</Name>',
        '<Ps z:Ref="i1" />',
        '<Strs><string xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"'
        ' z:Ref="i1">abc</string></Strs>',
    ],
)
def test_a_ref_on_a_member_that_is_not_is_reference_is_refused(
    inner: str, engine_path: str
) -> None:
    # Mono refuses each: SerializationException "Deserialized object with reference id 'i1'
    # not found in stream." (test_references_interop.py asks it live). The generated readers
    # read them as "", "abc", 5 or an empty list: only the reference reader looked for z:Ref.
    text = f'<Leaves {Z} xmlns="{R}">{inner}</Leaves>'.encode()
    with pytest.raises(nc.XmlPayloadError, match="z:Ref='i1'"):
        nc.from_xml(text, Leaves)


def test_a_cycle_without_is_reference_is_a_serialization_error_naming_it() -> None:
    # Mono refuses every one of these graphs: DataContractSerializer and
    # DataContractJsonSerializer "Object graph for type 'R.Chain' contains cycles and cannot be
    # serialized if references are not tracked", Json.NET "Self referencing loop detected"
    # (test_references_interop.py asks it live); netcontract raised RecursionError
    for chain, path in chain_cycles().values():
        for write in (nc.to_xml, nc.to_json, nc.to_wcf_json):
            with pytest.raises(nc.SerializationError, match="contains a cycle") as refused:
                write(chain)
            assert refused.value.problems[0].path == path
        for write_items in (nc.write_xml_items, nc.write_json_items):
            with pytest.raises(nc.SerializationError, match="contains a cycle") as refused:
                write_items(io.BytesIO(), [Chain(), chain], Chain)
            assert refused.value.problems[0].path == f"[1].{path}"
    # a list holding itself (Mono: "Object graph for type 'List`1[Object]' contains cycles")
    items: list[object] = []
    items.append(nc.Boxed(items, list[object]))
    with pytest.raises(nc.SerializationError, match="contains a cycle"):
        nc.to_xml(nc.Boxed(items, list[object]), known_types=[list[object]])
    # an is_reference graph is a document: its cycle is written with z:Ref
    assert nc.to_xml(cycle()) == CYCLE_XML


def test_a_graph_deeper_than_the_writers_can_go_is_a_serialization_error() -> None:
    deep = Chain()
    end = deep
    for _ in range(5000):  # (Mono overflows its stack at 100,000)
        end.next = Chain()
        end = end.next
    for write in (nc.to_xml, nc.to_json, nc.to_wcf_json):
        with pytest.raises(nc.SerializationError, match="nested too deeply"):
            write(deep)


def test_a_cycle_is_refused_by_to_form_too() -> None:
    chain, path = chain_cycles()["next"]
    with pytest.raises(nc.SerializationError, match="contains a cycle") as refused:
        nc.to_form(chain)
    assert refused.value.problems[0].path == path


def test_a_jsonnet_ref_in_an_object_member_names_the_object_read_before() -> None:
    # Mono (Json.NET 6.0.8) writes H2(A=a, B=b, O=a, O2=b) so, and reads O back as a itself
    data = (
        b'{"A":{"$id":"1","Name":"a","Next":null,"Kids":null},'
        b'"B":{"$id":"2","Name":"b","Next":null,"Kids":null},"O":{"$ref":"1"},"O2":{"$ref":"2"}}'
    )
    a, b = Node(name="a"), Node(name="b")
    assert nc.to_json(H2(a=a, b=b, o=a, o2=b)) == data
    back = nc.from_json(data, H2)
    assert back.o is back.a and back.o2 is back.b
    # a $ref to nothing read before (Json.NET 6.0.8: null, silently), or with other members
    for bad in (b'{"O":{"$ref":"1"}}', b'{"A":{"$id":"1","Name":"a"},"O":{"$ref":"1","N":1}}'):
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(bad, H2)
        assert refused.value.problems[0].path.startswith("O")
