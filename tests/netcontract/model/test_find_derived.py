"""Two modules declaring one .NET contract name: a member's i:type / __type finds the known
type of that name (``known_types``), not the one declared last.

The registry of declared contracts holds one class per (XML namespace, name): the last one.
Test suites (and applications with several services) declare the same wire name twice; an
``i:type`` names a type known where it is read, and the known types are classes.
"""

from __future__ import annotations

import netcontract as nc
from netcontract.model.contract import find_contract


@nc.contract("Dup.Names")
class Base:
    a: nc.Int32 = nc.member("A", default=0)


@nc.contract("Dup.Names", name="Twin")
class Derived(Base):
    b: nc.Int32 = nc.member("B", default=0)


@nc.contract("Dup.Names", known_types=(Derived,))
class Holder:
    item: Base | None = nc.member("Item", default=None)


# declared last: the registry now names this class for (Dup.Names, Twin)
@nc.contract("Dup.Names", name="Twin")
class Unrelated:
    c: nc.Int32 = nc.member("C", default=0)


NS = "http://schemas.datacontract.org/2004/07/Dup.Names"


def test_the_registry_holds_the_last_class_but_a_member_finds_its_subclass():
    assert find_contract(NS, "Twin") is Unrelated


def test_i_type_in_a_member_reads_the_derived_class(engine_path):
    value = Holder(item=Derived(a=1, b=2))
    written = nc.to_xml(value)
    assert b'i:type="Twin"' in written
    assert nc.from_xml(written, Holder) == value


def test_wcf_json_type_hint_in_a_member_reads_the_derived_class():
    value = Holder(item=Derived(a=1, b=2))
    written = nc.to_wcf_json(value)
    assert b'"__type":"Twin:#Dup.Names"' in written
    assert nc.from_wcf_json(written, Holder) == value
