"""Contracts in no namespace (``[DataContract(Namespace = "")]``, ``xml_namespace=""``).

netcontract wrote ``xmlns=""`` on every first-level member, and read none of the members back
(their names were looked up as ``{}A``, which lxml never gives: the members were ignored as
unknown elements, silently)."""

from __future__ import annotations

from typing import Any

import pytest

import netcontract as nc
from netcontract.codegen import _engine_path, _no_fallback


@nc.contract("N")
class Q:
    b: nc.Int32 = nc.member("B", default=0)


@nc.contract(xml_namespace="", known_types=(Q,))
class Tnone:
    a: nc.Int32 = nc.member("A", default=0)
    inner: Tnone | None = nc.member("Inner", default=None)
    o: object = nc.member("O", default=None)
    q: Q | None = nc.member("Q", default=None)
    l_: list[nc.Int32] | None = nc.member("L", default=None)


@nc.contract(xml_namespace="urn:box", known_types=(Tnone,))
class Box:
    o: object = nc.member("O", default=None)


VALUE = Tnone(a=1, inner=Tnone(a=2, o=Tnone(a=3)), o=Q(b=4), q=Q(b=5), l_=[6])
ARR = b"http://schemas.microsoft.com/2003/10/Serialization/Arrays"
N = b"http://schemas.datacontract.org/2004/07/N"
# Mono: DataContractSerializer.WriteObject(XmlWriter.Create(sb, OmitXmlDeclaration), value) of
# the C# twin [DataContract(Namespace="")] [KnownType(typeof(N.Q))] class Tnone { int A;
# Tnone Inner; object O; N.Q Q; List<int> L; } ([DataMember] each), N.Q { int B; }
MONO = (
    b'<Tnone xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><A>1</A><Inner><A>2</A>'
    b'<Inner i:nil="true" /><L xmlns:d3p1="' + ARR + b'" i:nil="true" />'
    b'<O xmlns="" i:type="Tnone"><A>3</A><Inner i:nil="true" />'
    b'<L xmlns:d4p1="' + ARR + b'" i:nil="true" /><O i:nil="true" />'
    b'<Q xmlns:d4p1="' + N + b'" i:nil="true" /></O>'
    b'<Q xmlns:d3p1="' + N + b'" i:nil="true" /></Inner>'
    b'<L xmlns:d2p1="' + ARR + b'"><d2p1:int>6</d2p1:int></L>'
    b'<O xmlns:d2p1="' + N + b'" i:type="d2p1:Q"><d2p1:B>4</d2p1:B></O>'
    b'<Q xmlns:d2p1="' + N + b'"><d2p1:B>5</d2p1:B></Q></Tnone>'
)


@pytest.mark.parametrize("path", ["generated", "reference"])
def test_a_contract_in_no_namespace_is_written_and_read_as_mono_writes_it(path: Any) -> None:
    with _engine_path(path), _no_fallback(path == "generated"):
        assert nc.to_xml(VALUE) == MONO
        assert nc.from_xml(MONO, Tnone) == VALUE
        assert nc.from_xml(nc.to_xml(VALUE, indent=True), Tnone) == VALUE
        assert nc.from_xml(MONO) == VALUE  # the root element chooses the contract


@pytest.mark.parametrize("path", ["generated", "reference"])
def test_a_contract_in_no_namespace_in_an_object_member_of_a_namespace_is_refused(
    path: Any,
) -> None:
    # Mono throws too: "The prefix '' cannot be redefined from 'urn:box' to '' within the same
    # start element tag" (writing Box { object O = new T() } through XmlWriter.Create)
    with _engine_path(path), pytest.raises(nc.SerializationError) as caught:
        nc.to_xml(Box(o=Tnone(a=1)))
    assert str(caught.value) == (
        'O: Tnone is in no namespace (Namespace=""): .NET cannot write it as an i:type inside an '
        "element of a namespace"
    )
