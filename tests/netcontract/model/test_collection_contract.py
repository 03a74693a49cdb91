"""``nc.collection_contract`` ([CollectionDataContract]) without Mono.

The bytes below are what Mono 6.8's DataContractSerializer, DataContractJsonSerializer and
Json.NET 6.0.8 wrote for ``tests/interop/collection_models.py``'s samples (the C# twin is
``tests/interop/dotnet/CollectionContracts.cs``; ``test_collection_contract_interop.py``
asks Mono again), so the rules hold here without Mono.
"""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import netcontract as nc
from interop.collection_models import (
    Holder,
    Item,
    ItemList,
    Map,
    NamedItems,
    RefList,
    Shared,
    samples,
)
from netcontract.codegen import FallbackForbidden, _no_fallback
from netcontract.strategies import for_type

SAMPLES = samples()

# (collection_models is also imported by the interop tests under another module name: its
# contracts are then declared twice in one process, and an i:type or a root read without a
# class finds the copy declared last; such values are compared by their bytes and names)


def _same(back: Any, value: Any) -> bool:
    if isinstance(value, Holder) and value.o is not None:
        if repr(back.o) != repr(value.o):
            return False
        back = attrs.evolve(back, o=value.o)
    return bool(back == value)


#: Mono's bytes, by (sample, format)
PINNED: dict[tuple[str, str], str] = {
    ("shared", "xml"): (
        '<Shared xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.datacontract.org/2004/07/Coll">'
        '<A z:Id="i1"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"><Item>'
        '<A>x</A><B>0</B></Item><Item i:nil="true" /></A><B z:Ref="i1"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" /><L>'
        '<RefList z:Ref="i1"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" />'
        '<RefList z:Id="i2"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" /></L>'
        '<M z:Id="i3"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"><P>'
        '<Key>k</Key><Value>1</Value></P></M><N z:Ref="i3"'
        ' xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/" /></Shared>'
    ),
    ("holder-object-otheritems", "xml"): (
        '<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.datacontract.org/2004/07/Coll"><D i:nil="true" />'
        '<I i:nil="true" /><L i:nil="true" /><LL i:nil="true" /><M'
        ' xmlns:d2p1="urn:m" i:nil="true" /><N xmlns:d2p1="urn:n" i:nil="true" />'
        '<NE i:nil="true" /><O xmlns:d2p1="urn:n" i:type="d2p1:OtherItems"'
        ' xmlns:d2p2="urn:x"><d2p1:Other><d2p2:A>o</d2p2:A></d2p1:Other>'
        '<d2p1:Other i:nil="true" /></O><OM xmlns:d2p1="urn:m2" i:nil="true" />'
        '<S i:nil="true" /><X xmlns:d2p1="urn:n" i:nil="true" /></Holder>'
    ),
    ("holder", "xml"): (
        '<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.datacontract.org/2004/07/Coll">'
        "<D><KeyValueOfstringItemA_P5TuBh9><Key>k</Key><Value><A>v</A><B>0</B>"
        "</Value></KeyValueOfstringItemA_P5TuBh9><KeyValueOfstringItemA_P5TuBh9>"
        '<Key>nil</Key><Value i:nil="true" /></KeyValueOfstringItemA_P5TuBh9></D>'
        '<I><int>1</int><int i:nil="true" /></I><L><Item><A>a</A><B>1</B></Item>'
        '<Item i:nil="true" /></L><LL><ItemList /><ItemList i:nil="true" />'
        '<ItemList><Item i:nil="true" /></ItemList></LL><M xmlns:d2p1="urn:m">'
        "<d2p1:E><d2p1:K>x</d2p1:K><d2p1:V>1</d2p1:V></d2p1:E><d2p1:E>"
        '<d2p1:K>y</d2p1:K><d2p1:V>2</d2p1:V></d2p1:E></M><N xmlns:d2p1="urn:n">'
        "<d2p1:It><A>n</A><B>0</B></d2p1:It></N><NE><ItemList><Item>"
        '<A i:nil="true" /><B>2</B></Item></ItemList><ItemList i:nil="true" /></NE>'
        '<O i:type="ItemList"><Item><A i:nil="true" /><B>0</B></Item></O>'
        '<OM xmlns:d2p1="urn:m2"><d2p1:KeyValueOfintOthereTxfHx64>'
        '<d2p1:Id>7</d2p1:Id><d2p1:Value xmlns:d4p1="urn:x"><d4p1:A>q</d4p1:A>'
        "</d2p1:Value></d2p1:KeyValueOfintOthereTxfHx64></OM><S><S>s</S>"
        '<S i:nil="true" /></S><X xmlns:d2p1="urn:n" xmlns:d2p2="urn:x">'
        '<d2p1:Other><d2p2:A>o</d2p2:A></d2p1:Other><d2p1:Other i:nil="true" /></X>'
        "</Holder>"
    ),
    ("holder", "wcf"): (
        '{"D":[{"Key":"k","Value":{"A":"v","B":0}},{"Key":"nil","Value":null}],"I":'
        '[1,null],"L":[{"A":"a","B":1},null],"LL":[[],null,[null]],"M":[{"Key":"x",'
        '"Value":1},{"Key":"y","Value":2}],"N":[{"A":"n","B":0}],"NE":[[{"A":null,"'
        'B":2}],null],"O":[{"__type":"Item:#Coll","A":null,"B":0}],"OM":[{"Key":7,"'
        'Value":{"A":"q"}}],"S":["s",null],"X":[{"A":"o"},null]}'
    ),
    ("holder", "json"): (
        '{"L":[{"A":"a","B":1},null],"M":{"x":1,"y":2},"O":[{"A":null,"B":0}],"S":['
        '"s",null],"N":[{"A":"n","B":0}],"D":{"k":{"A":"v","B":0},"nil":null},"I":['
        '1,null],"LL":[[],null,[null]],"X":[{"A":"o"},null],"OM":{"7":{"A":"q"}},"N'
        'E":[[{"A":null,"B":2}],null]}'
    ),
    ("root-named", "xml"): (
        '<Items xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:d1p1="http://schemas.datacontract.org/2004/07/Coll" xmlns="urn:n">'
        "<It><d1p1:A>n</d1p1:A><d1p1:B>0</d1p1:B></It></Items>"
    ),
    ("root-other", "xml-indented"): (
        '<OtherItems xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:d1p1="urn:x" xmlns="urn:n">\n'
        '  <Other>\n    <d1p1:A>o</d1p1:A>\n  </Other>\n  <Other i:nil="true" />\n'
        "</OtherItems>"
    ),
    ("root-map", "xml"): (
        '<Map xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:m"><E>'
        "<K>x</K><V>1</V></E><E><K>y</K><V>2</V></E></Map>"
    ),
    ("root-map", "wcf"): ('[{"Key":"x","Value":1},{"Key":"y","Value":2}]'),
    ("root-othermap", "xml"): (
        '<OtherMap xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="urn:m2">'
        '<KeyValueOfintOthereTxfHx64><Id>7</Id><Value xmlns:d3p1="urn:x">'
        "<d3p1:A>q</d3p1:A></Value></KeyValueOfintOthereTxfHx64></OtherMap>"
    ),
    ("holder-empty", "xml"): (
        '<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.datacontract.org/2004/07/Coll">'
        '<D i:nil="true" /><I i:nil="true" /><L i:nil="true" /><LL i:nil="true" />'
        '<M xmlns:d2p1="urn:m" i:nil="true" /><N xmlns:d2p1="urn:n" i:nil="true" />'
        '<NE i:nil="true" /><O i:nil="true" />'
        '<OM xmlns:d2p1="urn:m2" i:nil="true" /><S i:nil="true" />'
        '<X xmlns:d2p1="urn:n" i:nil="true" /></Holder>'
    ),
    ("holder-empties", "xml"): (
        '<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.datacontract.org/2004/07/Coll">'
        '<D /><I /><L /><LL i:nil="true" /><M xmlns:d2p1="urn:m" />'
        '<N xmlns:d2p1="urn:n" /><NE /><O i:type="Strs"><S>in-object</S></O>'
        '<OM xmlns:d2p1="urn:m2" /><S /><X xmlns:d2p1="urn:n" xmlns:d2p2="urn:x" />'
        "</Holder>"
    ),
}


def _write(value: Any, fmt: str) -> bytes:
    if fmt == "xml":
        return nc.to_xml(value)
    if fmt == "xml-indented":
        return nc.to_xml(value, indent=True)
    if fmt == "json":
        return nc.to_json(value)
    return nc.to_wcf_json(value)


@pytest.mark.falls_back  # (a collection contract as the document: the reference code)
@pytest.mark.parametrize(("name", "fmt"), sorted(PINNED))
def test_written_and_read_as_mono_does(name: str, fmt: str) -> None:
    value = SAMPLES[name]
    expected = PINNED[name, fmt].encode()
    assert _write(value, fmt) == expected
    read = {"xml": nc.from_xml, "xml-indented": nc.from_xml, "wcf": nc.from_wcf_json}.get(fmt)
    if read is not None:
        back = read(expected, type(value))
        assert _same(back, value)
        assert type(back) is type(value)


@pytest.mark.falls_back  # (collection contracts as the document: the reference code)
def test_reading_makes_the_collection_classes() -> None:
    back = nc.from_xml(PINNED["holder", "xml"].encode(), Holder)
    assert type(back.l) is ItemList
    assert type(back.m) is Map
    assert type(back.o).__name__ == "ItemList"  # i:type="ItemList" in an object member
    assert type(back.ne[0]) is ItemList
    assert type(nc.from_json(nc.to_json(back), Holder).l) is ItemList
    assert type(nc.from_wcf_json(nc.to_wcf_json(back), Holder).m) is Map
    # without a class, the root element names the collection contract
    assert type(nc.from_xml(PINNED["root-map", "xml"].encode())).__name__ == "Map"


@pytest.mark.falls_back  # (collection contracts as the document: the reference code)
def test_defaults_are_the_class_name_and_the_clr_namespace() -> None:
    @nc.collection_contract("Some.Ns")
    class Things(list[int]):
        pass

    @nc.collection_contract("Some.Ns")
    class Lookup(dict[str, Item | None]):
        pass

    assert nc.to_xml(Things([1])) == (
        b'<Things xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/Some.Ns"><int>1</int></Things>'
    )
    # a dictionary's items keep .NET's KeyValueOf... name, in the collection's namespace
    assert b"<KeyValueOfstringItemA_P5TuBh9><Key>k</Key><Value " in nc.to_xml(Lookup(k=None))


def test_the_generated_paths_keep_members_and_decline_roots_visibly() -> None:
    holder = SAMPLES["holder"]
    with _no_fallback():  # collection members: no fallback
        assert _same(nc.from_xml(nc.to_xml(holder), Holder), holder)
        assert nc.to_json(nc.from_json(nc.to_json(holder), Holder)) == nc.to_json(holder)
    # a collection contract as the document: the reference code, through the fallback signal
    for convert in (
        lambda: nc.to_xml(SAMPLES["root-named"]),
        lambda: nc.to_json(SAMPLES["root-map"]),
        lambda: nc.from_xml(PINNED["root-map", "xml"].encode(), Map),
        lambda: nc.from_json(b'{"a":1}', Map),
    ):
        with _no_fallback(), pytest.raises(FallbackForbidden, match="a collection contract"):
            convert()


DICT_KEY_REFUSED = (
    "a dictionary key must be a string, an integer, bool, Char, Guid, DateTime, DateTimeOffset,"
    " TimeSpan, Double, Single, Decimal or a (non-[Flags]) contract enum, never None"
)


@pytest.mark.parametrize(
    ("declare", "message"),
    [
        (
            lambda: nc.collection_contract("N", key_name="K")(types.new_class("L", (list[int],))),
            "L: CollectionDataContract key_name and value_name are for a dict[K, V] subclass only",
        ),
        (
            lambda: nc.collection_contract("N", item_name="a b")(
                types.new_class("L", (list[int],))
            ),
            "L: CollectionDataContract item_name='a b' is not an XML name",
        ),
        (
            lambda: nc.collection_contract("N")(types.new_class("L", (list,))),
            "L: a collection contract derives from list[T] or dict[K, V]",
        ),
        (
            lambda: nc.collection_contract("N")(
                types.new_class("L", (list[typing.ForwardRef("Later")],))
            ),
            "L: a collection contract's item type must be declared before it (not a string)",
        ),
        (
            lambda: nc.collection_contract("N")(types.new_class("L", (dict[bytes, int],))),
            "L: <class 'types.L'>: " + DICT_KEY_REFUSED,
        ),
        (
            lambda: nc.collection_contract("N")(types.new_class("L", (dict[int | None, int],))),
            "L: <class 'types.L'>: " + DICT_KEY_REFUSED,
        ),
    ],
)
def test_definitions_dotnet_refuses_are_refused(declare: Any, message: str) -> None:
    # the whole message: a dictionary's names the collection class (types.new_class: module
    # "types")
    with pytest.raises(nc.ContractDefinitionError) as caught:
        declare()
    assert str(caught.value) == message


@pytest.mark.falls_back  # (collection contracts as the document: the reference code)
def test_refused_documents() -> None:
    doc = PINNED["root-map", "xml"].replace("<K>y</K>", "<K>x</K>").encode()
    with pytest.raises(nc.XmlPayloadError, match="duplicate key"):
        nc.from_xml(doc, Map)
    # Mono skips an item of another name, as for List<T>; strict=True refuses it
    other = PINNED["root-named", "xml"].replace("It>", "Item>").encode()
    assert nc.from_xml(other, NamedItems) == []
    with pytest.raises(nc.XmlPayloadError, match="unexpected element"):
        nc.from_xml(other, NamedItems, strict=True)
    with pytest.raises(nc.XmlPayloadError, match="the items of"):
        nc.validate_xml(other, NamedItems)
    with pytest.raises(nc.XmlPayloadError, match="null"):
        nc.from_xml(
            b'<Map xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:m"'
            b' i:nil="true" />'
        )


@pytest.mark.falls_back  # (roots drawn: the reference code)
@settings(max_examples=15, deadline=None)
@given(for_type(Holder, object_contracts=()))
def test_drawn_holders_survive_every_format(holder: Holder) -> None:
    # (a value drawn for the object member may not survive WCF JSON: its own tests)
    holder = attrs.evolve(holder, o=None)
    assert nc.from_xml(nc.to_xml(holder), Holder) == holder
    assert nc.from_xml(nc.to_xml(holder, indent=True), Holder) == holder
    assert nc.from_wcf_json(nc.to_wcf_json(holder), Holder) == holder
    assert nc.validate_xml(nc.to_xml(holder), Holder) == holder
    if holder.l is not None:
        assert type(nc.from_json(nc.to_json(holder), Holder).l) is ItemList


@pytest.mark.falls_back  # (roots: the reference code)
@settings(max_examples=15, deadline=None)
@given(for_type(Map))
def test_drawn_roots_are_instances_of_the_class(value: Map) -> None:
    assert type(value) is Map
    assert nc.from_xml(nc.to_xml(value), Map) == value
    assert nc.from_json(nc.to_json(value), Map) == value


@pytest.mark.falls_back  # (the root: the reference code)
def test_shared_collections_are_read_as_one_object() -> None:
    back = nc.from_xml(PINNED["shared", "xml"].encode(), Shared)
    assert back.a is back.b is back.l[0]
    assert back.m is back.n
    assert type(back.a) is RefList
    assert nc.to_xml(back) == PINNED["shared", "xml"].encode()
    with pytest.raises(nc.SerializationError, match="DataContractJsonSerializer refuses"):
        nc.to_wcf_json(back)
    # a z:Ref naming another kind of collection, or nothing read before it
    doc = PINNED["shared", "xml"].replace('<N z:Ref="i3"', '<N z:Ref="i1"')
    with pytest.raises(nc.XmlPayloadError, match="names a RefList, not a RefMap"):
        nc.from_xml(doc.encode(), Shared)
    doc = PINNED["shared", "xml"].replace('<B z:Ref="i1"', '<B z:Ref="i9"')
    with pytest.raises(nc.XmlPayloadError, match="names no object read before it"):
        nc.from_xml(doc.encode(), Shared)


def test_help_page_samples_make_the_collection_classes_and_forms_refuse_them() -> None:
    # (the values are List<T>'s and Dictionary<K,V>'s; only the class is the contract's)
    from netcontract.webapi.forms import from_form
    from netcontract.webapi.help_page import help_page_sample

    sample = help_page_sample(Holder)
    assert type(sample.l) is ItemList
    assert type(sample.m) is Map
    # Mono's Web API binds a [CollectionDataContract] class empty whatever the form says
    # (tests/interop/test_forms_interop.py::test_collection_contract_members_bind_empty)
    with pytest.raises(nc.FormPayloadError, match=r"S: a Strs .* binds an empty list"):
        from_form(b"S=a&S=b", Holder)
